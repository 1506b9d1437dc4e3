//! The `tuple` and `list` payloads. A tuple is immutable after creation; a
//! list guards its items with a per-object lock held only for one operation.

use crate::object::{PayloadKind, PyPayload, alloc};
use crate::runtime::rt;
use crate::value::Value;

pub struct PyTuple {
    pub items: Box<[Value]>,
}

impl PyPayload for PyTuple {
    const KIND: PayloadKind = crate::kinds::TUPLE;
    const GC: bool = true;
    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        // Last to first, as CPython (gc.get_referents order).
        self.items.iter().rev().for_each(visit);
    }
    fn born_untracked(&self) -> bool {
        // As CPython: a tuple holding a tuple may hold cycles later found by the collector.
        !self.items.iter().any(|v| crate::gc::is_tracked(v) || v.downcast::<PyTuple>().is_some())
    }
}

pub fn new_tuple(items: Vec<Value>) -> Value {
    if items.is_empty() {
        return rt().empty_tuple.clone();
    }
    alloc(rt().types.tuple, PyTuple { items: items.into_boxed_slice() })
}

pub fn tuple_items(v: &Value) -> Option<&[Value]> {
    v.downcast::<PyTuple>().map(|t| &t.items[..])
}

#[derive(Default)]
pub struct PyList {
    /// Read without a lock (see `list_items`).
    pub items: crate::list_items::ListItems,
}

impl PyPayload for PyList {
    const KIND: PayloadKind = crate::kinds::LIST;
    const GC: bool = true;
    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        self.items.lock_for_collector().iter().rev().for_each(visit);
    }
    fn clear(&self) {
        let old = self.items.lock_for_collector().clear();
        drop(old);
    }
}

impl PyList {
    pub fn snapshot(&self) -> Vec<Value> {
        self.items.lock().to_vec()
    }
    pub fn len(&self) -> usize {
        self.items.len()
    }
    /// Item `i`, a counted copy, read without a lock.
    #[inline]
    pub fn get(&self, i: usize) -> Option<Value> {
        self.items.get(i)
    }
    /// Item `i` (negative counts from the end), read without a lock.
    #[inline]
    pub fn get_index(&self, i: i64) -> Option<Value> {
        self.items.get_index(i)
    }
    pub fn push(&self, v: Value) {
        self.items.lock().push(v);
    }
}

pub fn new_list(items: Vec<Value>) -> Value {
    alloc(rt().types.list, PyList { items: crate::list_items::ListItems::new(items) })
}

/// A list of the `n` values `items` yields (at most `n`), built in place.
pub fn new_list_exact(n: usize, items: impl Iterator<Item = Value>) -> Value {
    alloc(rt().types.list, PyList { items: crate::list_items::ListItems::with_exact(n, items) })
}
