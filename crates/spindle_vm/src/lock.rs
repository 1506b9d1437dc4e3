//! The 1-byte locks behind critical sections on mutable containers
//! (DESIGN.md section 5): `ShortMutex`, which guards the contents of lists,
//! dicts and sets, and the header's `ObjLock`. A critical section never
//! runs Python code, never blocks and never waits for another thread:
//! callers copy what they need out, release, call, and re-validate.

use parking_lot::lock_api::RawMutex as _;

/// Reserved in every header (DESIGN.md section 5); containers still lock
/// the `ShortMutex` in their payload, so nothing takes it yet.
#[allow(dead_code)]
pub struct ObjLock(parking_lot::RawMutex);

const _: () = assert!(std::mem::size_of::<ObjLock>() == 1);

impl ObjLock {
    pub(crate) const fn new() -> Self {
        ObjLock(parking_lot::RawMutex::INIT)
    }
}

/// The one-byte container lock and its mutex (`spindle_sync`, model
/// checked with loom).
pub use spindle_sync::{ShortLock, ShortMutex};


/// Contents whose length `LenMutex` mirrors.
pub trait HasLen {
    fn len(&self) -> usize;
}

impl<T> HasLen for Vec<T> {
    fn len(&self) -> usize {
        Vec::len(self)
    }
}

/// A `ShortMutex` whose contents' length is readable without the lock
/// (`len()` of a list, dict or set shared by threads would otherwise write
/// the lock word on every call). Every guard stores the length back as it
/// is released, so the mirror is the length as of the last release: what
/// a locked read racing with the same writers could have seen.
#[derive(Default)]
pub struct LenMutex<T: HasLen> {
    inner: ShortMutex<T>,
    len: std::sync::atomic::AtomicUsize,
}

pub struct LenGuard<'a, T: HasLen> {
    guard: parking_lot::lock_api::MutexGuard<'a, ShortLock, T>,
    len: &'a std::sync::atomic::AtomicUsize,
}

impl<T: HasLen> LenMutex<T> {
    pub fn new(v: T) -> LenMutex<T> {
        let n = v.len();
        LenMutex { inner: ShortMutex::new(v), len: std::sync::atomic::AtomicUsize::new(n) }
    }

    #[inline]
    pub fn lock(&self) -> LenGuard<'_, T> {
        LenGuard { guard: self.inner.lock(), len: &self.len }
    }

    /// The length as of the last release of the lock.
    #[inline]
    pub fn len(&self) -> usize {
        self.len.load(std::sync::atomic::Ordering::Relaxed)
    }
}

impl<T: HasLen> std::ops::Deref for LenGuard<'_, T> {
    type Target = T;
    #[inline]
    fn deref(&self) -> &T {
        &self.guard
    }
}

impl<T: HasLen> std::ops::DerefMut for LenGuard<'_, T> {
    #[inline]
    fn deref_mut(&mut self) -> &mut T {
        &mut self.guard
    }
}

impl<T: HasLen> Drop for LenGuard<'_, T> {
    #[inline]
    fn drop(&mut self) {
        self.len.store(self.guard.len(), std::sync::atomic::Ordering::Relaxed);
    }
}
