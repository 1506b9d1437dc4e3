//! Builtin iterators (one payload, a state enum, several Python types) and
//! `range` and the dict views.

use crate::lock::ShortMutex as Mutex;

use crate::freelist::FreeList;
use crate::object::{PayloadKind, PyPayload};
use crate::value::Value;

pub struct PyRange {
    pub start: Value,
    pub stop: Value,
    pub step: Value,
}

impl PyPayload for PyRange {
    const KIND: PayloadKind = crate::kinds::RANGE;
    fn free_list() -> Option<&'static std::thread::LocalKey<FreeList<Self>>> {
        Some(&RANGES)
    }
}

// `for i in range(n)` makes a range and its iterator, every `for` over a
// list or tuple an iterator: recycled per thread (see `freelist.rs`).
thread_local! {
    static RANGES: FreeList<PyRange> = const { FreeList::new(16) };
    static ITERATORS: FreeList<PyIter> = const { FreeList::new(64) };
}

pub enum IterState {
    /// Indexes a list, tuple or str by position.
    Seq { seq: Value, index: usize },
    /// A range whose bounds fit in i64.
    Range { next: i64, stop: i64, step: i64 },
    /// A range with a bound outside i64, advanced lazily (never materialised).
    BigRange { next: num_bigint::BigInt, stop: num_bigint::BigInt, step: num_bigint::BigInt },
    /// Positions into a dict's entries; `kind` 0 keys, 1 values, 2 items.
    Dict { dict: Value, pos: usize, kind: u8, len: usize },
    /// Calls `callable` until it returns `sentinel`.
    Callable { callable: Value, sentinel: Value },
    Enumerate { iter: Value, count: Value },
    Zip { iters: Vec<Value>, strict: bool },
    Map { func: Value, iters: Vec<Value> },
    Filter { func: Value, iter: Value },
    Reversed { seq: Value, index: isize },
    /// A snapshot of values (used for simple cases).
    Values { items: Vec<Value>, index: usize },
    /// A snapshot of a set's members; `len` is the set's size when the
    /// iterator was made (`usize::MAX` once a change was reported).
    SetValues { set: Value, len: usize, items: Vec<Value>, index: usize },
    Exhausted,
}

pub struct PyIter {
    pub state: Mutex<IterState>,
}

impl PyIter {
    /// Locks the state. A state the holder replaces with `exhaust` is
    /// dropped after the lock is released: dropping it may free the
    /// sequence and run `__del__`, which must not run in the critical
    /// section (the collector, for one, takes this lock to traverse).
    #[inline]
    pub fn lock_state(&self) -> StateGuard<'_> {
        StateGuard { guard: self.state.lock(), dead: None }
    }
}

/// `PyIter::lock_state`'s guard. Fields drop in order: the lock is
/// released before the exhausted state dies.
pub struct StateGuard<'a> {
    guard: parking_lot::lock_api::MutexGuard<'a, crate::lock::ShortLock, IterState>,
    dead: Option<IterState>,
}

impl StateGuard<'_> {
    /// Marks the iterator exhausted (its old state dies after the lock).
    pub fn exhaust(&mut self) {
        self.dead = Some(std::mem::replace(&mut *self.guard, IterState::Exhausted));
    }
}

impl std::ops::Deref for StateGuard<'_> {
    type Target = IterState;
    #[inline]
    fn deref(&self) -> &IterState {
        &self.guard
    }
}

impl std::ops::DerefMut for StateGuard<'_> {
    #[inline]
    fn deref_mut(&mut self) -> &mut IterState {
        &mut self.guard
    }
}

impl PyPayload for PyIter {
    const KIND: PayloadKind = crate::kinds::ITERATOR;
    const GC: bool = true;
    fn free_list() -> Option<&'static std::thread::LocalKey<FreeList<Self>>> {
        Some(&ITERATORS)
    }
    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        match &*self.state.lock() {
            IterState::Seq { seq, .. } | IterState::Reversed { seq, .. } => visit(seq),
            IterState::Dict { dict, .. } => visit(dict),
            IterState::Callable { callable, sentinel } => {
                visit(callable);
                visit(sentinel);
            }
            IterState::Enumerate { iter, count } => {
                visit(iter);
                visit(count);
            }
            IterState::Zip { iters, .. } => iters.iter().for_each(visit),
            IterState::Map { func, iters } => {
                visit(func);
                iters.iter().for_each(visit);
            }
            IterState::Filter { func, iter } => {
                visit(func);
                visit(iter);
            }
            IterState::Values { items, .. } => items.iter().for_each(visit),
            IterState::SetValues { set, items, .. } => {
                visit(set);
                items.iter().for_each(visit);
            }
            IterState::Range { .. } | IterState::BigRange { .. } | IterState::Exhausted => {}
        }
    }
    fn clear(&self) {
        let old = std::mem::replace(&mut *self.state.lock(), IterState::Exhausted);
        drop(old);
    }
}

pub struct PyDictView {
    pub dict: Value,
}

impl PyPayload for PyDictView {
    const KIND: PayloadKind = crate::kinds::DICT_VIEW;
    const GC: bool = true;
    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        visit(&self.dict);
    }
}
