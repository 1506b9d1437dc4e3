//! The 1-byte per-object lock behind critical sections on mutable containers
//! (DESIGN.md section 5). A critical section never runs Python code: callers
//! copy what they need out, release, call, and re-validate.

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
