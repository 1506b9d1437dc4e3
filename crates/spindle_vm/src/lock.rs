//! The 1-byte locks behind critical sections on mutable containers
//! (DESIGN.md section 5): `ShortMutex`, which guards the contents of lists,
//! dicts and sets, and the header's `ObjLock`. A critical section never
//! runs Python code, never blocks and never waits for another thread:
//! callers copy what they need out, release, call, and re-validate.

use parking_lot::lock_api::RawMutex as _;

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

