//! The state word each Python thread has for stop-the-world, and the
//! stopper's request flag (used by `spindle_vm::interp`; see its docs).
//!
//! A thread is `ATTACHED` while it may touch Python objects, `DETACHED`
//! while it promises not to, and `SUSPENDED` once a stopper has claimed it.
//! Attaching (`DETACHED -> ATTACHED`) and suspending (`DETACHED ->
//! SUSPENDED`) are compare-and-swaps on the same word, so exactly one of a
//! racing attach and suspend wins. A stopper that has suspended every other
//! thread therefore has exclusive access until it resumes them: the thread's
//! accesses before its `detach` happen-before the stopper's successful
//! suspend (release store / acquire CAS), and the stopper's accesses before
//! `resume` happen-before the thread's next successful attach.
//! `tests/loom.rs` checks this with loom's data-race detector.

#[cfg(loom)]
use loom::sync::atomic::{AtomicBool, AtomicU8, Ordering};
#[cfg(not(loom))]
use std::sync::atomic::{AtomicBool, AtomicU8, Ordering};

pub const ATTACHED: u8 = 0;
pub const DETACHED: u8 = 1;
pub const SUSPENDED: u8 = 2;

/// One thread's state word.
pub struct Slot {
    state: AtomicU8,
}

impl Slot {
    /// A new thread's slot: detached (it attaches before running Python).
    pub fn new_detached() -> Slot {
        Slot { state: AtomicU8::new(DETACHED) }
    }

    /// The thread attaches; false if a stopper has suspended it (wait for
    /// `resume`, then retry).
    pub fn try_attach(&self) -> bool {
        self.state.compare_exchange(DETACHED, ATTACHED, Ordering::SeqCst, Ordering::SeqCst).is_ok()
    }

    /// The thread stops touching objects (called by the thread itself while attached).
    pub fn detach(&self) {
        self.state.store(DETACHED, Ordering::SeqCst);
    }

    pub fn is_suspended(&self) -> bool {
        self.state.load(Ordering::SeqCst) == SUSPENDED
    }

    pub fn is_detached(&self) -> bool {
        self.state.load(Ordering::SeqCst) == DETACHED
    }

    /// The stopper claims a detached thread; false while it is attached.
    pub fn try_suspend(&self) -> bool {
        self.state.compare_exchange(DETACHED, SUSPENDED, Ordering::SeqCst, Ordering::SeqCst).is_ok()
    }

    /// The stopper releases a thread it suspended.
    pub fn resume(&self) {
        let _ = self.state.compare_exchange(SUSPENDED, DETACHED, Ordering::SeqCst, Ordering::SeqCst);
    }
}

/// The stopper's request: attached threads detach at their next safepoint
/// while it is set.
pub struct Request(AtomicBool);

impl Request {
    #[cfg(not(loom))]
    pub const fn new() -> Request {
        Request(AtomicBool::new(false))
    }
    #[cfg(loom)]
    pub fn new() -> Request {
        Request(AtomicBool::new(false))
    }
    pub fn set(&self) {
        self.0.store(true, Ordering::SeqCst);
    }
    pub fn clear(&self) {
        self.0.store(false, Ordering::SeqCst);
    }
    /// Safepoint check (relaxed: a late observation only delays the stop).
    #[inline]
    pub fn is_set_relaxed(&self) -> bool {
        self.0.load(Ordering::Relaxed)
    }
    #[inline]
    pub fn is_set(&self) -> bool {
        self.0.load(Ordering::SeqCst)
    }
}

#[cfg(not(loom))]
impl Default for Request {
    fn default() -> Self {
        Self::new()
    }
}
