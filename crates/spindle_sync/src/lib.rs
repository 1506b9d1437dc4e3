//! `ShortLock`: the one-byte lock behind critical sections on mutable
//! containers (DESIGN.md section 5), on its own so that loom can check it
//! (`tests/loom.rs`).
//!
//! Acquiring is one compare-and-swap and releasing one plain release store,
//! half the atomic read-modify-writes of a parking mutex, whose unlock must
//! swap to learn whether a waiter sleeps. A waiter spins briefly and then
//! yields the CPU instead of sleeping; that is sound for sections as short
//! as the containers' (a critical section never runs Python code, never
//! blocks and never waits for another thread) and costs nothing when, as
//! almost always, there is no contention.

#[cfg(loom)]
use loom::sync::atomic::{AtomicBool, Ordering};
#[cfg(not(loom))]
use std::sync::atomic::{AtomicBool, Ordering};

pub struct ShortLock(AtomicBool);

impl ShortLock {
    #[cfg(not(loom))]
    pub const fn new() -> ShortLock {
        ShortLock(AtomicBool::new(false))
    }

    #[cfg(loom)]
    pub fn new() -> ShortLock {
        ShortLock(AtomicBool::new(false))
    }

    /// Takes the lock, waiting while another thread holds it.
    #[inline]
    pub fn lock(&self) {
        if !self.acquire() {
            self.lock_contended();
        }
    }

    /// One attempt to move the flag from free to held (a weak CAS; loom's
    /// model would branch on every spurious failure of one, so it gets the
    /// strong one).
    #[inline]
    fn acquire(&self) -> bool {
        #[cfg(not(loom))]
        let r = self.0.compare_exchange_weak(false, true, Ordering::Acquire, Ordering::Relaxed);
        #[cfg(loom)]
        let r = self.0.compare_exchange(false, true, Ordering::Acquire, Ordering::Relaxed);
        r.is_ok()
    }

    /// Takes the lock if it is free.
    #[inline]
    pub fn try_lock(&self) -> bool {
        self.0.compare_exchange(false, true, Ordering::Acquire, Ordering::Relaxed).is_ok()
    }

    /// Gives the lock back.
    ///
    /// # Safety
    /// The calling thread holds the lock.
    #[inline]
    pub unsafe fn unlock(&self) {
        self.0.store(false, Ordering::Release);
    }

    #[inline]
    pub fn is_locked(&self) -> bool {
        self.0.load(Ordering::Relaxed)
    }

    #[cold]
    #[inline(never)]
    fn lock_contended(&self) {
        let mut spins = 0u32;
        loop {
            // Test before the CAS so waiters share the line until it frees.
            if !self.0.load(Ordering::Relaxed) && self.acquire() {
                return;
            }
            if spins < 64 && cfg!(not(loom)) {
                spins += 1;
                std::hint::spin_loop();
            } else {
                yield_now();
            }
        }
    }
}

#[cfg(not(loom))]
fn yield_now() {
    std::thread::yield_now();
}

#[cfg(loom)]
fn yield_now() {
    loom::thread::yield_now();
}

impl Default for ShortLock {
    fn default() -> Self {
        ShortLock::new()
    }
}

// SAFETY: `lock` returns only once this thread's CAS moved the flag from
// false to true (Acquire), and `unlock` stores false (Release) only from
// the holder, so at most one thread holds the lock and each holder sees
// every write made under the lock before it (checked by `tests/loom.rs`).
#[cfg(not(loom))]
unsafe impl lock_api::RawMutex for ShortLock {
    #[allow(clippy::declare_interior_mutable_const)]
    const INIT: ShortLock = ShortLock::new();
    type GuardMarker = lock_api::GuardSend;

    #[inline]
    fn lock(&self) {
        ShortLock::lock(self);
    }

    #[inline]
    fn try_lock(&self) -> bool {
        ShortLock::try_lock(self)
    }

    #[inline]
    unsafe fn unlock(&self) {
        // SAFETY: lock_api calls this only for the holder.
        unsafe { ShortLock::unlock(self) }
    }

    #[inline]
    fn is_locked(&self) -> bool {
        ShortLock::is_locked(self)
    }
}

/// A mutex over a container's contents, locked by a [`ShortLock`].
#[cfg(not(loom))]
pub type ShortMutex<T> = lock_api::Mutex<ShortLock, T>;

#[cfg(all(test, not(loom)))]
mod tests {
    use super::*;

    #[test]
    fn short_mutex_excludes() {
        let m = std::sync::Arc::new(ShortMutex::new(0u64));
        let threads: Vec<_> = (0..4)
            .map(|_| {
                let m = m.clone();
                std::thread::spawn(move || {
                    for _ in 0..50_000 {
                        // A read-modify-write that loses updates unless excluded.
                        let mut g = m.lock();
                        let v = *g;
                        std::hint::black_box(&v);
                        *g = v + 1;
                    }
                })
            })
            .collect();
        for t in threads {
            t.join().expect("a test thread panicked");
        }
        assert_eq!(*m.lock(), 200_000);
        assert!(m.try_lock().is_some());
        let g = m.lock();
        assert!(m.try_lock().is_none());
        drop(g);
    }
}
