//! Small payloads: `cell` (a closure variable), `module`, `slice`, and the
//! immortal singletons' empty payload.

use std::sync::atomic::Ordering;

use crate::object::{PayloadKind, PyPayload};
use crate::value::Value;

/// A closure variable. Reads take no lock: the owner thread (the cell
/// object's owner, usually the frame that made it) always reads the atomic
/// value directly, and so does every thread once a non-owner has used the
/// cell, which it does the first time under `lock` (setting `shared`).
/// Writes hold `lock`; once `shared` is set a replaced value is retired
/// through QSBR, not dropped, so a lock-free reader that loaded it just
/// before can still take its reference. (A writer that sees `shared` clear
/// holds the lock after every non-owner that ever held it: no reader but
/// the owner, which is the writer itself or runs before or after it, can
/// hold the old value.) The same protocol as `object::DictSlot`'s.
#[derive(Default)]
pub struct PyCell {
    value: crate::qsbr::AtomicValue,
    lock: crate::lock::ShortMutex<()>,
    shared: std::sync::atomic::AtomicBool,
}

impl PyCell {
    pub fn new(v: Option<Value>) -> PyCell {
        PyCell { value: crate::qsbr::AtomicValue::new(v), ..PyCell::default() }
    }

    /// The contents (a counted copy). `mine`: the calling thread owns the
    /// cell object.
    #[inline]
    pub fn get(&self, mine: bool) -> Option<Value> {
        // A non-owner's first use marks the cell shared under the lock
        // (writers hold it too, so nothing is replaced meanwhile).
        let _first_use = (!mine && !self.shared.load(Ordering::Acquire)).then(|| {
            let l = self.lock.lock();
            self.shared.store(true, Ordering::Release);
            l
        });
        let guard = crate::qsbr::ReadGuard::new();
        self.value.read(&guard).map(|v| (*v).clone())
    }

    /// Replaces the contents; the old value, for the caller to drop
    /// outside any lock (None when it was empty or has been retired).
    pub fn replace(&self, v: Option<Value>, mine: bool) -> Option<Value> {
        let _l = self.lock.lock();
        if !mine {
            self.shared.store(true, Ordering::Release);
        }
        let old = self.value.swap(v)?;
        if self.shared.load(Ordering::Relaxed) {
            crate::qsbr::retire_value(old);
            return None;
        }
        Some(old)
    }
}

/// The contents of the cell object `cell`; None when it is empty or not a
/// cell.
#[inline]
pub fn cell_get(cell: &Value) -> Option<Value> {
    cell.downcast::<PyCell>()?.get(crate::ops::owns(cell))
}

/// Sets the contents of the cell object `cell` (None empties it): the old
/// value for the caller to drop outside any lock. Not a cell: nothing.
pub fn cell_set(cell: &Value, v: Option<Value>) -> Option<Value> {
    cell.downcast::<PyCell>()?.replace(v, crate::ops::owns(cell))
}

impl PyPayload for PyCell {
    const KIND: PayloadKind = crate::kinds::CELL;
    const GC: bool = true;
    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        // The world is stopped: no writer runs.
        let guard = crate::qsbr::ReadGuard::new();
        if let Some(v) = self.value.read(&guard) {
            visit(&v);
        }
    }
    fn clear(&self) {
        // An unreachable cell: no reader can hold its value.
        let _l = self.lock.lock();
        let old = self.value.take();
        drop(_l);
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
