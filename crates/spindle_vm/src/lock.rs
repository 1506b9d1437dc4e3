//! The 1-byte locks behind critical sections on mutable containers
//! (DESIGN.md section 5): `ShortMutex`, which guards the contents of lists,
//! dicts and sets, and the header's `ObjLock`. A critical section never
//! runs Python code, never blocks and never waits for another thread:
//! callers copy what they need out, release, call, and re-validate.

use std::sync::atomic::{AtomicBool, Ordering};

use parking_lot::lock_api;
use parking_lot::lock_api::RawMutex as _;

pub struct ObjLock(parking_lot::RawMutex);

const _: () = assert!(std::mem::size_of::<ObjLock>() == 1);

impl ObjLock {
    pub(crate) const fn new() -> Self {
        ObjLock(parking_lot::RawMutex::INIT)
    }

    pub(crate) fn lock(&self) -> LockGuard<'_> {
        self.0.lock();
        LockGuard(self)
    }
}

pub struct LockGuard<'a>(&'a ObjLock);

impl Drop for LockGuard<'_> {
    fn drop(&mut self) {
        // SAFETY: a LockGuard exists only while this thread holds the lock.
        unsafe { self.0.0.unlock() }
    }
}

/// A word-free (one byte) mutex for container critical sections: acquiring
/// is one compare-and-swap and releasing one plain release store, half the
/// atomic read-modify-writes of a parking mutex, whose unlock must swap to
/// learn whether a waiter sleeps. A waiter spins briefly and then yields
/// the CPU instead of sleeping; that is sound for sections as short as the
/// containers' (a critical section never runs Python code, never blocks and
/// never waits for another thread, see the module docs) and costs nothing
/// when, as almost always, there is no contention.
pub struct ShortLock(AtomicBool);

// SAFETY: `lock` returns only once this thread's CAS moved the flag from
// false to true (Acquire), and `unlock` stores false (Release) only from
// the holder, so at most one thread holds the lock and each holder sees
// every write made under the lock before it.
unsafe impl lock_api::RawMutex for ShortLock {
    #[allow(clippy::declare_interior_mutable_const)]
    const INIT: ShortLock = ShortLock(AtomicBool::new(false));
    type GuardMarker = lock_api::GuardSend;

    #[inline]
    fn lock(&self) {
        if self.0.compare_exchange_weak(false, true, Ordering::Acquire, Ordering::Relaxed).is_err() {
            self.lock_contended();
        }
    }

    #[inline]
    fn try_lock(&self) -> bool {
        self.0.compare_exchange(false, true, Ordering::Acquire, Ordering::Relaxed).is_ok()
    }

    #[inline]
    unsafe fn unlock(&self) {
        self.0.store(false, Ordering::Release);
    }

    #[inline]
    fn is_locked(&self) -> bool {
        self.0.load(Ordering::Relaxed)
    }
}

impl ShortLock {
    #[cold]
    #[inline(never)]
    fn lock_contended(&self) {
        let mut spins = 0u32;
        loop {
            // Test before the CAS so waiters share the line until it frees.
            if !self.0.load(Ordering::Relaxed)
                && self.0.compare_exchange_weak(false, true, Ordering::Acquire, Ordering::Relaxed).is_ok()
            {
                return;
            }
            if spins < 64 {
                spins += 1;
                std::hint::spin_loop();
            } else {
                std::thread::yield_now();
            }
        }
    }
}

/// A mutex over a container's contents, locked by a [`ShortLock`].
pub type ShortMutex<T> = lock_api::Mutex<ShortLock, T>;

#[cfg(test)]
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
            t.join().unwrap();
        }
        assert_eq!(*m.lock(), 200_000);
        assert!(m.try_lock().is_some());
        let g = m.lock();
        assert!(m.try_lock().is_none());
        drop(g);
    }
}
