//! The per-thread table behind the instruction-site caches
//! (`globals_cache`, `attr_cache`): a fixed number of slots, each holding at
//! most one entry, and the list of filled slots so that forgetting them all
//! costs what was filled.
//!
//! Each cache keeps its table in a destructor-free thread-local
//! (`Cell<*mut SiteTable<E>>`, one thread-pointer load to reach, where a
//! `RefCell` with a registered destructor costs a state check and a borrow
//! flag per access), made on first use and freed by `drop_table` when the
//! thread state ends, while the thread can still run finalizers.

use std::cell::Cell;
use std::thread::LocalKey;

pub(crate) struct SiteTable<E> {
    slots: Vec<Option<E>>,
    filled: Vec<u16>,
}

/// The thread-local that holds a cache's table.
pub(crate) type TableKey<E> = LocalKey<Cell<*mut SiteTable<E>>>;

impl<E> SiteTable<E> {
    /// The entry in `slot`, if any.
    #[inline]
    pub(crate) fn get(&self, slot: usize) -> Option<&E> {
        self.slots.get(slot)?.as_ref()
    }

    #[inline]
    pub(crate) fn get_mut(&mut self, slot: usize) -> Option<&mut E> {
        self.slots.get_mut(slot)?.as_mut()
    }

    /// Puts `entry` in `slot` (of a table of `size` slots); the entry it
    /// replaces comes back, for the caller to drop outside the table.
    pub(crate) fn put(&mut self, slot: usize, size: usize, entry: E) -> Option<E> {
        if self.slots.is_empty() {
            self.slots.resize_with(size, || None);
        }
        let old = self.slots.get_mut(slot)?.replace(entry);
        if old.is_none() {
            self.filled.push(slot as u16);
        }
        old
    }

    /// Empties every filled slot; the entries come back, for the caller to
    /// drop outside the table.
    pub(crate) fn take_all(&mut self) -> Vec<E> {
        let slots = &mut self.slots;
        self.filled.drain(..).filter_map(|i| slots.get_mut(i as usize).and_then(Option::take)).collect()
    }
}

/// Runs `f` on this thread's table of `key`. `f` must not run Python code
/// or reach the same table again (entries it takes out are dropped by the
/// caller after this returns), so the `&mut` it gets is the only one.
#[inline(always)]
pub(crate) fn with_table<E: 'static, R>(key: &'static TableKey<E>, f: impl FnOnce(&mut SiteTable<E>) -> R) -> R {
    // A bare read of the cell (small enough to inline into every site);
    // the first use on a thread makes the table out of line.
    let mut p = key.with(Cell::get);
    if p.is_null() {
        p = make_table(key);
    }
    // SAFETY: the table is this thread's own allocation, freed only by
    // `drop_table`, which unlinks it first (a later call makes a new one);
    // by this function's contract no other borrow of it is live.
    f(unsafe { &mut *p })
}

#[cold]
#[inline(never)]
fn make_table<E: 'static>(key: &'static TableKey<E>) -> *mut SiteTable<E> {
    let fresh = Box::into_raw(Box::new(SiteTable { slots: Vec::new(), filled: Vec::new() }));
    key.with(|c| c.set(fresh));
    fresh
}

/// Frees this thread's table of `key` and its entries (at thread exit, from
/// `ThreadState`'s drop, while finalizers can still run).
pub(crate) fn drop_table<E: 'static>(key: &'static TableKey<E>) {
    let p = key.with(|c| c.replace(std::ptr::null_mut()));
    if !p.is_null() {
        // SAFETY: made by `with_table` with Box::into_raw on this thread, and
        // just unlinked, so this is the only pointer to it.
        drop(unsafe { Box::from_raw(p) });
    }
}
