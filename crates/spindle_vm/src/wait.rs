//! The mutex and condition variable behind blocking waits (threads that
//! wait detached: Python locks, joins, queues, the GIL, import locks and
//! stop-the-world): std's futex-based ones, whose whole state is in their
//! own words.
//!
//! Why not parking_lot's: it keeps its sleepers in one process-wide table.
//! After `fork` the child inherits the entries of threads that no longer
//! exist; waking a condition variable moves them onto the mutex's queue,
//! and an unlock may then hand the mutex to one of them (its fairness
//! hand-off), leaving it locked for good. With these, a thread gone at
//! fork leaves at most a wake-up that wakes nobody.
//!
//! A panic while a guard is held does not poison anything here: the
//! protected data are plain counters and flags, valid at every step.

use std::cell::UnsafeCell;
use std::sync::{Condvar, Mutex, MutexGuard, PoisonError, TryLockError};
use std::time::{Duration, Instant};

/// A std mutex that a forked child can make free again
/// (`reset_after_fork`): a thread that held it at the fork (one waking
/// from a timed wait holds it for a moment) does not exist there.
pub struct WaitMutex<T>(UnsafeCell<Mutex<T>>);

// SAFETY: the cell is only replaced by `reset_after_fork`, whose contract
// is that no other thread exists and no guard is alive; otherwise it is
// only read (shared `&Mutex`), and `Mutex<T>` is `Sync` for `T: Send`.
unsafe impl<T: Send> Sync for WaitMutex<T> {}
// SAFETY: as above; moving it moves the mutex and its `T: Send` data.
unsafe impl<T: Send> Send for WaitMutex<T> {}

impl<T> WaitMutex<T> {
    pub const fn new(v: T) -> WaitMutex<T> {
        WaitMutex(UnsafeCell::new(Mutex::new(v)))
    }

    fn inner(&self) -> &Mutex<T> {
        // SAFETY: only `reset_after_fork` writes the cell, when no reference
        // from here is alive (its contract).
        unsafe { &*self.0.get() }
    }

    /// In a forked child: the mutex becomes free, its data kept, whoever
    /// held it in the parent.
    ///
    /// # Safety
    /// The calling thread is the only one in the process (just after
    /// `fork`), and holds no guard of this mutex.
    pub unsafe fn reset_after_fork(&self) {
        // SAFETY: no other thread and no guard (the contract), so nothing
        // reads the old mutex while it is moved out and replaced; a guard
        // the parent's threads held lives only in their dead stacks.
        unsafe {
            let old = std::ptr::read(self.0.get());
            let data = old.into_inner().unwrap_or_else(PoisonError::into_inner);
            std::ptr::write(self.0.get(), Mutex::new(data));
        }
    }

    pub fn lock(&self) -> MutexGuard<'_, T> {
        self.inner().lock().unwrap_or_else(PoisonError::into_inner)
    }

    pub fn try_lock(&self) -> Option<MutexGuard<'_, T>> {
        match self.inner().try_lock() {
            Ok(g) => Some(g),
            Err(TryLockError::Poisoned(p)) => Some(p.into_inner()),
            Err(TryLockError::WouldBlock) => None,
        }
    }

    /// Takes the lock, trying until `timeout` has passed (the waits are
    /// short sleeps: for locks that are rarely contended).
    pub fn try_lock_for(&self, timeout: Duration) -> Option<MutexGuard<'_, T>> {
        let deadline = Instant::now() + timeout;
        loop {
            if let Some(g) = self.try_lock() {
                return Some(g);
            }
            if Instant::now() >= deadline {
                return None;
            }
            std::thread::sleep(Duration::from_micros(100));
        }
    }
}

impl<T: Default> Default for WaitMutex<T> {
    fn default() -> Self {
        WaitMutex::new(T::default())
    }
}

#[derive(Default)]
pub struct WaitCondvar(Condvar);

impl WaitCondvar {
    pub const fn new() -> WaitCondvar {
        WaitCondvar(Condvar::new())
    }

    pub fn wait<'a, T>(&self, g: MutexGuard<'a, T>) -> MutexGuard<'a, T> {
        self.0.wait(g).unwrap_or_else(PoisonError::into_inner)
    }

    /// Waits at most `d`; true in the second place when it timed out.
    pub fn wait_for<'a, T>(&self, g: MutexGuard<'a, T>, d: Duration) -> (MutexGuard<'a, T>, bool) {
        let (g, r) = self.0.wait_timeout(g, d).unwrap_or_else(PoisonError::into_inner);
        (g, r.timed_out())
    }

    /// Waits until `deadline` at the latest; true in the second place when
    /// it timed out.
    pub fn wait_until<'a, T>(&self, g: MutexGuard<'a, T>, deadline: Instant) -> (MutexGuard<'a, T>, bool) {
        let left = deadline.saturating_duration_since(Instant::now());
        if left.is_zero() {
            return (g, true);
        }
        self.wait_for(g, left)
    }

    pub fn notify_one(&self) {
        self.0.notify_one();
    }

    pub fn notify_all(&self) {
        self.0.notify_all();
    }
}
