//! Per-module import locks (CPython's `importlib._bootstrap._ModuleLock`,
//! native): the thread that loads a module holds its name's lock while it
//! finds and runs the module, so other threads importing that module wait
//! and then share the finished module object, and its body runs once.
//!
//! The locks are re-entrant (a module whose body imports itself gets the
//! partial module, as in CPython). A wait that would close a cycle of
//! threads each waiting for a module another one loads (a circular import
//! started from two threads) is refused: `acquire` says so, as
//! `_ModuleLock.acquire` raises `_DeadlockError`. importlib's own module
//! locks are these too (`_spindle_importer._get_module_lock`), so modules
//! imported both ways are loaded once.

use std::collections::HashMap;
use std::sync::atomic::{AtomicUsize, Ordering};

use crate::interp::ThreadState;

#[derive(Default)]
pub struct ImportLocks {
    /// How many names are held. Zero lets an import that finds its module
    /// in `sys.modules` return it without looking at the table: a loader
    /// counts its name before it puts the module in `sys.modules`.
    held_count: AtomicUsize,
    table: crate::wait::WaitMutex<LockTable>,
    released: crate::wait::WaitCondvar,
}

#[derive(Default)]
struct LockTable {
    /// Module name -> (owner thread, re-entry depth).
    held: HashMap<String, (usize, usize)>,
    /// Thread -> the name it waits for.
    waiting: HashMap<usize, String>,
}

/// A thread's identity for the table: its `ThreadState`'s address, stable
/// while the thread runs (and a thread holds or waits only while it runs).
fn me(ts: &ThreadState) -> usize {
    ts as *const ThreadState as usize
}

/// Holds one level of a module's lock; released when dropped.
pub struct ImportLockGuard<'a> {
    locks: &'a ImportLocks,
    thread: usize,
    name: String,
}

impl Drop for ImportLockGuard<'_> {
    fn drop(&mut self) {
        self.locks.release_as(self.thread, &self.name);
    }
}

impl ImportLocks {
    /// Takes `name`'s lock, waiting (detached) while another thread holds
    /// it; None when that wait would deadlock.
    pub fn acquire(&self, ts: &ThreadState, name: &str) -> Option<ImportLockGuard<'_>> {
        self.acquire_raw(ts, name).then(|| ImportLockGuard { locks: self, thread: me(ts), name: name.to_owned() })
    }

    /// `acquire` without a guard (importlib's `acquire()`/`release()`):
    /// false when waiting would deadlock.
    pub fn acquire_raw(&self, ts: &ThreadState, name: &str) -> bool {
        let me = me(ts);
        let mut table = self.table.lock();
        loop {
            let owner = match table.held.get_mut(name) {
                None => {
                    table.held.insert(name.to_owned(), (me, 1));
                    self.held_count.fetch_add(1, Ordering::SeqCst);
                    return true;
                }
                Some((owner, depth)) if *owner == me => {
                    *depth += 1;
                    return true;
                }
                Some((owner, _)) => *owner,
            };
            if table.would_deadlock(me, owner) {
                return false;
            }
            table.waiting.insert(me, name.to_owned());
            drop(table);
            // Detached: a thread that waits here touches no object, and the
            // owner may need the world stopped (a collection) to finish. The
            // table's mutex is let go before re-attaching, which may wait
            // for a stopped world to restart.
            ts.detached(|| {
                let mut table = self.table.lock();
                while table.held.get(name).is_some_and(|&(o, _)| o == owner) {
                    table = self.released.wait(table);
                }
            });
            table = self.table.lock();
            table.waiting.remove(&me);
        }
    }

    /// Gives back one level of `name`'s lock; false when this thread does
    /// not hold it.
    pub fn release(&self, ts: &ThreadState, name: &str) -> bool {
        self.release_as(me(ts), name)
    }

    fn release_as(&self, thread: usize, name: &str) -> bool {
        let mut table = self.table.lock();
        match table.held.get_mut(name) {
            Some((owner, depth)) if *owner == thread => {
                *depth -= 1;
                if *depth == 0 {
                    table.held.remove(name);
                    self.held_count.fetch_sub(1, Ordering::SeqCst);
                    self.released.notify_all();
                }
                true
            }
            _ => false,
        }
    }

    /// Whether another thread is loading `name` now (so a module found in
    /// `sys.modules` may not have finished its body).
    #[inline]
    pub fn loading_elsewhere(&self, ts: &ThreadState, name: &str) -> bool {
        if self.held_count.load(Ordering::SeqCst) == 0 {
            return false;
        }
        self.table.lock().held.get(name).is_some_and(|&(owner, _)| owner != me(ts))
    }

    /// In a forked child: the locks other threads held or waited for are
    /// let go (those threads do not exist there); the forking thread's stay.
    pub(crate) fn after_fork_child(&self, ts: &ThreadState) {
        let me = me(ts);
        // SAFETY: run by the only thread of a just-forked child, holding no
        // guard of the table (a waiter of the parent may have, after a wake-up).
        unsafe { self.table.reset_after_fork() };
        let mut table = self.table.lock();
        table.held.retain(|_, (owner, _)| *owner == me);
        table.waiting.retain(|t, _| *t == me);
        self.held_count.store(table.held.len(), Ordering::SeqCst);
    }

    /// Waits until no other thread loads `name` (or until that wait would
    /// deadlock: then at once, as importlib's `_lock_unlock_module`).
    pub fn wait_loaded(&self, ts: &ThreadState, name: &str) {
        drop(self.acquire(ts, name));
    }
}

impl LockTable {
    /// Whether `me` waiting for `owner` closes a cycle: `owner` waits for a
    /// name whose owner waits ... for a name `me` holds.
    fn would_deadlock(&self, me: usize, owner: usize) -> bool {
        let mut cur = owner;
        // Each step follows one waiting thread; more steps than waiters
        // means a cycle that does not pass through `me`.
        for _ in 0..=self.waiting.len() {
            if cur == me {
                return true;
            }
            let Some(name) = self.waiting.get(&cur) else { return false };
            let Some(&(next, _)) = self.held.get(name) else { return false };
            cur = next;
        }
        false
    }
}
