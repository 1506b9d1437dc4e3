//! The `set` and `frozenset` payload: a dict whose values are unused.

use crate::dict::PyDict;
use crate::object::{PayloadKind, PyPayload};
use crate::value::Value;

#[derive(Default)]
pub struct PySet {
    pub table: PyDict,
}

impl PyPayload for PySet {
    const KIND: PayloadKind = crate::kinds::SET;
    const GC: bool = true;
    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        self.table.traverse(visit);
    }
    fn clear(&self) {
        self.table.clear_all();
    }
}
