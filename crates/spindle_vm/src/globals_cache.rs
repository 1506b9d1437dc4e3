//! LOAD_GLOBAL's cache: per thread, keyed by (code serial, instruction), it
//! remembers the value a global name resolved to together with the versions
//! of the globals and builtins dicts it was read from. A hit costs a few
//! compares instead of two locked hash probes.
//!
//! Soundness:
//! - Dict versions are process-unique and never reused (`fresh_version`),
//!   and every mutation of a watched dict installs a new one *after* the
//!   change, so an entry whose two versions still match holds the value the
//!   lookup would find (or one that was current an instant earlier, if
//!   another thread is mid-store).
//! - Code is keyed by its serial (`PyCode::serial`, never reused), so
//!   (code, pc) names one LOAD_GLOBAL and so one name; a version belongs to
//!   one dict, so matching versions also means the same dicts.
//! - Entries hold strong references. When this thread mutates a watched dict
//!   it drops all its entries, so a value it replaces or deletes dies when
//!   CPython's would. Another thread's stale entry keeps such a value alive
//!   until that thread misses on the slot or mutates a watched dict, as
//!   deferred reference counting does in CPython's free-threaded build.

use std::cell::Cell;
use std::sync::atomic::{AtomicU64, Ordering};

use crate::site_table::{self, SiteTable};
use crate::value::Value;

const SLOTS: usize = 512;
/// Versions are handed to threads in chunks, so a thread storing globals
/// does not write one shared counter each time.
const CHUNK: u64 = 1 << 16;

static NEXT_CHUNK: AtomicU64 = AtomicU64::new(1);

thread_local! {
    static NEXT: Cell<(u64, u64)> = const { Cell::new((0, 0)) };
}

/// A version number no dict has had before (never 0).
pub(crate) fn fresh_version() -> u64 {
    let (next, end) = NEXT.try_with(Cell::get).unwrap_or((0, 0));
    if next != 0 && next < end {
        let _ = NEXT.try_with(|c| c.set((next + 1, end)));
        return next;
    }
    let start = NEXT_CHUNK.fetch_add(CHUNK, Ordering::Relaxed);
    let _ = NEXT.try_with(|c| c.set((start + 1, start + CHUNK)));
    start
}

/// (code serial, pc) fixes the name, and a dict version belongs to one
/// dict in one state, so the four numbers identify the lookup.
struct Entry {
    code: usize,
    pc: usize,
    globals_version: u64,
    builtins_version: u64,
    value: Value,
}

thread_local! {
    /// This thread's entries (see `site_table`).
    static CACHE: Cell<*mut SiteTable<Entry>> = const { Cell::new(std::ptr::null_mut()) };
}

/// Frees this thread's cache (at thread exit, from `ThreadState`'s drop).
pub(crate) fn drop_thread_cache() {
    site_table::drop_table(&CACHE);
}

#[inline]
fn slot_of(code: usize, pc: usize) -> usize {
    let h = (code as u64).wrapping_mul(0x9e37_79b9_7f4a_7c15) ^ (pc as u64).wrapping_mul(0xc2b2_ae3d_27d4_eb4f);
    (h ^ (h >> 29)) as usize & (SLOTS - 1)
}

/// The identity of one cached load (with the dicts' versions).
pub(crate) struct Key {
    pub code: usize,
    pub pc: usize,
}

/// The cached value for `key` if both dicts still have the recorded versions.
#[inline]
pub(crate) fn get(key: &Key, globals_version: u64, builtins_version: u64) -> Option<Value> {
    with_hit(key, globals_version, builtins_version, Value::clone)
}

/// `f` of the cached value for `key` (borrowed from the entry) if both
/// dicts still have the recorded versions. `f` must not use the cache.
#[inline]
pub(crate) fn with_hit<R>(key: &Key, globals_version: u64, builtins_version: u64, f: impl FnOnce(&Value) -> R) -> Option<R> {
    let slot = slot_of(key.code, key.pc);
    site_table::with_table(&CACHE, |c| match c.get(slot) {
        Some(e) if e.code == key.code && e.pc == key.pc && e.globals_version == globals_version && e.builtins_version == builtins_version => {
            Some(f(&e.value))
        }
        _ => None,
    })
}

/// Records a load's result, read after the versions were taken.
pub(crate) fn put(key: Key, globals_version: u64, builtins_version: u64, value: Value) {
    let slot = slot_of(key.code, key.pc);
    let entry = Entry { code: key.code, pc: key.pc, globals_version, builtins_version, value };
    let old = site_table::with_table(&CACHE, |c| c.put(slot, SLOTS, entry));
    // Dropped after the table access ends: it may run `__del__`.
    drop(old);
}

/// Drops this thread's entries (it just mutated a watched dict).
pub(crate) fn forget_this_thread() {
    let stale = site_table::with_table(&CACHE, SiteTable::take_all);
    // Dropped after the table access ends: it may run `__del__`.
    drop(stale);
}
