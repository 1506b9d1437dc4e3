//! Deferred reference counting: the counts of definitions that every
//! thread uses (functions, their code, classes, modules and their dicts,
//! closure cells, defaults) are kept per thread, so threads sharing them
//! never write one cache line; only the cycle collector frees them.
//!
//! This is CPython 3.14t's deferred reference counting and its per-thread
//! counts of heap types and code objects, as one mechanism: a deferred
//! object has an id (`ref_local = DEFERRED_BASE + id`, see `header`); an
//! incref or decref on a thread with a table adds to that thread's slot for
//! the id, non-atomically (a thread without a table adds to the object's
//! shared count, atomically). A slot can go negative (a reference made on
//! one thread and dropped on another); the object's count is the shared
//! count plus every table's slot, and it is only ever summed by the
//! collector with the world stopped, when no table changes. A decref never
//! frees a deferred object: the collector frees it once nothing outside the
//! garbage refers to it, first folding every table's slot into an ordinary
//! count (`undefer`) and releasing the id.
//!
//! Definitions become deferred when the first extra thread starts
//! (`gc::defer_definitions`, world stopped), and at creation from then on
//! (`defer_new`): a program that never starts a thread counts, and frees,
//! exactly as before.
//!
//! Invariants: a table is written only by its thread, and read by others
//! only with the world stopped (a thread at a safepoint or detached makes no
//! count change); a table leaves `TABLES` only from its own (attached)
//! thread, after folding its slots into the objects' shared counts; an id's
//! slots are zero in every table whenever the id is free (`undefer` clears
//! them before releasing it). Lock order: `TABLES`, then `IDS`.

use std::cell::{Cell, UnsafeCell};

use parking_lot::Mutex;

use crate::header::{DEFERRED_BASE, IMMORTAL, ObjHeader};

/// One thread's counts, indexed by id.
struct Table {
    counts: UnsafeCell<Vec<isize>>,
}

/// A registered table (owned by its thread, see the invariants).
struct TablePtr(*const Table);
// SAFETY: the pointer is only dereferenced by its thread, or by others with
// the world stopped (the module invariants).
unsafe impl Send for TablePtr {}

static TABLES: Mutex<Vec<TablePtr>> = Mutex::new(Vec::new());

/// The ids in use: each one's object (0 when free) and the free ones.
struct Ids {
    objs: Vec<usize>,
    free: Vec<u32>,
}

static IDS: Mutex<Ids> = Mutex::new(Ids { objs: Vec::new(), free: Vec::new() });

/// The most ids at once (the marks must stay below `IMMORTAL`).
const MAX_IDS: usize = (IMMORTAL - DEFERRED_BASE) as usize;

thread_local! {
    static MINE: Cell<*const Table> = const { Cell::new(std::ptr::null()) };
    /// `MINE`'s counts as (pointer, length), for `add`'s fast path: two
    /// thread-relative loads instead of a walk through the table.
    static SLOTS: Cell<(*mut isize, usize)> = const { Cell::new((std::ptr::null_mut(), 0)) };
}

/// Gives the calling thread a table (from its `ThreadState`'s start).
pub(crate) fn register_thread() {
    if !MINE.get().is_null() {
        return;
    }
    let t = Box::into_raw(Box::new(Table { counts: UnsafeCell::new(Vec::new()) }));
    TABLES.lock().push(TablePtr(t));
    MINE.set(t);
}

/// The calling thread is ending (attached): its slots move into the
/// objects' shared counts and its table goes. Later changes on this thread
/// go to the shared counts.
pub(crate) fn unregister_thread() {
    let t = MINE.replace(std::ptr::null());
    if t.is_null() {
        return;
    }
    SLOTS.set((std::ptr::null_mut(), 0));
    let mut tables = TABLES.lock();
    tables.retain(|p| p.0 != t);
    let ids = IDS.lock();
    // SAFETY: our own table, unlinked above: nobody else reads it now.
    let mut table = unsafe { Box::from_raw(t as *mut Table) };
    for (uid, &n) in table.counts.get_mut().iter().enumerate() {
        if n != 0 {
            if let Some(&p) = ids.objs.get(uid).filter(|&&p| p != 0) {
                // SAFETY: an id in use names a live object (it is freed only
                // after `undefer` releases the id).
                unsafe { &*(p as *const ObjHeader) }.add_shared(n);
            }
        }
    }
}

/// Adds `n` to the count of the deferred object `h`, whose `ref_local` is
/// `local` (`ObjHeader::incref` inlines it; `decref` in its out-of-line
/// non-owner path).
#[inline(always)]
pub(crate) fn add(h: &ObjHeader, local: u32, n: isize) {
    let uid = (local - DEFERRED_BASE) as usize;
    let (p, len) = SLOTS.get();
    if uid < len {
        // SAFETY: `p` is this thread's own table's buffer of `len` slots
        // (kept in step by `add_slow`/`unregister_thread`); only this thread
        // writes it, and nothing else runs meanwhile.
        unsafe { *p.add(uid) += n };
        return;
    }
    add_slow(h, uid, n);
}

/// `add` when the table is missing (the count goes to the shared one) or
/// too short (it grows).
#[cold]
#[inline(never)]
fn add_slow(h: &ObjHeader, uid: usize, n: isize) {
    let t = MINE.get();
    if t.is_null() {
        h.add_shared(n);
        return;
    }
    // SAFETY: our own table (module invariants); nothing here runs code that
    // could reach it again.
    let counts = unsafe { &mut *(*t).counts.get() };
    if uid >= counts.len() {
        counts.resize((uid + 1).max(counts.len() * 2).max(64), 0);
    }
    counts[uid] += n;
    SLOTS.set((counts.as_mut_ptr(), counts.len()));
}

/// This thread's part of a deferred object's count (for `refcount`).
pub(crate) fn this_thread_part(local: u32) -> isize {
    let t = MINE.get();
    if t.is_null() {
        return 0;
    }
    // SAFETY: our own table.
    let counts = unsafe { &*(*t).counts.get() };
    counts.get((local - DEFERRED_BASE) as usize).copied().unwrap_or(0)
}

/// A new id for the object at `h` (None when all are taken).
fn new_id(h: &ObjHeader) -> Option<u32> {
    let mut ids = IDS.lock();
    let p = h as *const ObjHeader as usize;
    if let Some(uid) = ids.free.pop() {
        ids.objs[uid as usize] = p;
        return Some(uid);
    }
    if ids.objs.len() >= MAX_IDS {
        return None;
    }
    ids.objs.push(p);
    Some((ids.objs.len() - 1) as u32)
}

fn release_id(uid: u32) {
    let mut ids = IDS.lock();
    ids.objs[uid as usize] = 0;
    ids.free.push(uid);
}

/// Makes `h` deferred; false when it is immortal, already deferred or no
/// id is left (it then counts as before).
///
/// # Safety
/// The world is stopped by the caller, and `h` is a live, tracked object of
/// a GC-capable type (only the collector frees deferred objects).
pub(crate) unsafe fn make_deferred(h: &ObjHeader) -> bool {
    if h.never_freed_by_decref() {
        return false;
    }
    let Some(uid) = new_id(h) else { return false };
    // SAFETY: the world is stopped (contract); `uid` is the object's.
    unsafe { h.set_deferred(uid) };
    true
}

/// Makes `h`, a tracked GC-capable object that other threads may already
/// see, deferred if every reference so far is this thread's own (see
/// `ObjHeader::try_set_deferred`); false otherwise.
pub(crate) fn defer_new(h: &ObjHeader) -> bool {
    if h.never_freed_by_decref() || h.owner() != crate::header::current_thread_id() {
        return false;
    }
    let Some(uid) = new_id(h) else { return false };
    if h.try_set_deferred(uid) {
        return true;
    }
    release_id(uid);
    false
}

/// The whole count of the deferred object `h` (its `ref_local` is `local`):
/// the shared count and every table's slot.
///
/// # Safety
/// The world is stopped.
pub(crate) unsafe fn total(h: &ObjHeader, local: u32) -> isize {
    let uid = (local - DEFERRED_BASE) as usize;
    let mut n = h.shared_part();
    for t in TABLES.lock().iter() {
        // SAFETY: the world is stopped: no table changes (module invariants).
        let counts = unsafe { &*(*t.0).counts.get() };
        n += counts.get(uid).copied().unwrap_or(0);
    }
    n
}

/// Ends the deferral of `h` (the collector found it garbage): every table's
/// slot is cleared and the id released. Returns the whole count, which the
/// caller makes the object's ordinary count.
///
/// # Safety
/// The world is stopped.
pub(crate) unsafe fn undefer(h: &ObjHeader, local: u32) -> isize {
    let uid = (local - DEFERRED_BASE) as usize;
    let mut n = h.shared_part();
    for t in TABLES.lock().iter() {
        // SAFETY: the world is stopped: no table changes, and writing one
        // is seen by its thread once it resumes (the stop synchronises).
        let counts = unsafe { &mut *(*t.0).counts.get() };
        if let Some(c) = counts.get_mut(uid) {
            n += std::mem::take(c);
        }
    }
    release_id(uid as u32);
    n
}
