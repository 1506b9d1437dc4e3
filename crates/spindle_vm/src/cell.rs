//! Small payloads: `cell` (a closure variable), `module`, `slice`, and the
//! immortal singletons' empty payload.

use parking_lot::Mutex;

use crate::object::{PayloadKind, PyPayload};
use crate::value::Value;

#[derive(Default)]
pub struct PyCell {
    pub value: Mutex<Option<Value>>,
}

impl PyPayload for PyCell {
    const KIND: PayloadKind = crate::kinds::CELL;
    const GC: bool = true;
    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        if let Some(v) = self.value.lock().as_ref() {
            visit(v);
        }
    }
    fn clear(&self) {
        let old = self.value.lock().take();
        drop(old);
    }
}

pub struct PyModule {
    /// The module's namespace dict (shared with frames running its code).
    pub dict: Value,
}

impl PyPayload for PyModule {
    const KIND: PayloadKind = crate::kinds::MODULE;
    const GC: bool = true;
    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        visit(&self.dict);
    }
}

/// Payload of None, NotImplemented, Ellipsis and plain `object()` instances.
pub struct Empty;

impl PyPayload for Empty {
    const KIND: PayloadKind = crate::kinds::OBJECT;
}

pub struct PySlice {
    pub start: Value,
    pub stop: Value,
    pub step: Value,
}

impl PyPayload for PySlice {
    const KIND: PayloadKind = crate::kinds::SLICE;
    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        visit(&self.start);
        visit(&self.stop);
        visit(&self.step);
    }
}
