//! Placeholder (being written).
pub struct PyArray;
impl PyArray {
    pub fn to_bytes(&self) -> Vec<u8> {
        Vec::new()
    }
}
impl PyArray {
    pub fn set_bytes(&self, _b: &[u8]) {}
}
