//! `array`: typed arrays of numbers (placeholder payload shared with the
//! buffer helpers; the module itself is not registered yet).

use parking_lot::Mutex;
use spindle_vm::object::PyPayload;

pub struct PyArray {
    data: Mutex<Vec<u8>>,
}

impl PyPayload for PyArray {
    const KIND: spindle_vm::object::PayloadKind = crate::kinds::kind(crate::kinds::MATH_BASE + 40);
}

impl PyArray {
    pub fn to_bytes(&self) -> Vec<u8> {
        self.data.lock().clone()
    }

    pub fn set_bytes(&self, b: &[u8]) {
        *self.data.lock() = b.to_vec();
    }
}
