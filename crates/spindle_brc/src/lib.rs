//! Biased reference counting (DESIGN.md 4.1, CPython's PEP 703): the slow
//! paths of the protocol on an object's three count words, kept apart from
//! the object header so that loom can check them (`tests/loom.rs`).
//!
//! The owner thread (`tid`) counts in `local` with plain load/store; every
//! other thread counts in `shared` with atomic read-modify-writes. `shared`
//! holds the count shifted left by [`SHARED_SHIFT`] and a state in its low
//! bits:
//! - DEFAULT (0): the owner owns the object; the true count is
//!   `local + shared`.
//! - [`STATE_QUEUED`]: a non-owner dropped a reference when the shared count
//!   was zero. Instead of making it negative it queued the object to its
//!   owner (the queue holds that reference). Later non-owner decrements may
//!   take the shared count below zero; the owner folds everything in when
//!   it processes its queue ([`merge`] with `extra = -1`).
//! - [`STATE_MERGED`]: the owner gave ownership up (`tid` is 0); `shared`
//!   alone is the count, and the object dies when it reaches zero.
//!
//! Each live reference is counted exactly once (the queue's included), so
//! the object is freed exactly once: when the owner's local count reaches
//! zero with nothing shared, when a merge leaves nothing, or when a merged
//! object's shared count reaches zero.

#[cfg(loom)]
use loom::sync::atomic::{AtomicIsize, AtomicU32, AtomicUsize, Ordering};
#[cfg(not(loom))]
use std::sync::atomic::{AtomicIsize, AtomicU32, AtomicUsize, Ordering};

/// `local` value that marks an object immortal (never counted, never freed).
pub const IMMORTAL: u32 = u32::MAX;

/// `local` values from here up to [`IMMORTAL`] (excluded) mark a deferred
/// object: it has no owner (`tid` 0), every thread counts it outside this
/// protocol (per-thread tables, or `shared` as a plain sum), and only a
/// collector frees it.
pub const DEFERRED_BASE: u32 = 1 << 31;

/// Makes an object deferred with the mark `mark` (at least
/// [`DEFERRED_BASE`]) while other threads may count it, if every count so
/// far is the owner's local one: its owner `me` moves the local count into
/// an empty shared one in one compare-exchange (so a concurrent shared
/// increment or queueing decrement is never lost: either comes first and
/// the exchange fails, or it applies to the moved count), then gives up
/// ownership and stores the mark. Only the owner writes `local`, so no
/// count change slips in between. False (nothing changed) otherwise.
pub fn defer_owned(local: &AtomicU32, shared: &AtomicIsize, tid: &AtomicUsize, me: usize, mark: u32) -> bool {
    let l = local.load(Ordering::Relaxed);
    if l >= DEFERRED_BASE || tid.load(Ordering::Relaxed) != me {
        return false;
    }
    let all = (l as isize) << SHARED_SHIFT;
    if shared.compare_exchange(0, all, Ordering::AcqRel, Ordering::Relaxed).is_err() {
        return false;
    }
    tid.store(0, Ordering::Relaxed);
    local.store(mark, Ordering::Relaxed);
    true
}
/// The shared count's shift past the state bits.
pub const SHARED_SHIFT: u32 = 2;
const ONE: isize = 1 << SHARED_SHIFT;
/// See the module docs.
pub const STATE_QUEUED: isize = 0b10;
/// See the module docs.
pub const STATE_MERGED: isize = 0b11;
const STATE_MASK: isize = 0b11;

/// What a non-owner's decrement asks of its caller.
#[derive(Debug, PartialEq, Eq, Clone, Copy)]
pub enum SharedDrop {
    /// Nothing more to do.
    Keep,
    /// That was the last reference: free the object.
    Dealloc,
    /// Queue the object to its owner, which merges its counts (the queue
    /// now holds the reference being dropped).
    Queue,
}

/// A non-owner thread drops a reference.
#[inline]
pub fn decref_shared(shared: &AtomicIsize) -> SharedDrop {
    let mut cur = shared.load(Ordering::Relaxed);
    loop {
        // Shared count zero and still owned: the owner must merge.
        let (new, queue) = if cur == 0 { (STATE_QUEUED, true) } else { (cur - ONE, false) };
        match shared.compare_exchange_weak(cur, new, Ordering::AcqRel, Ordering::Relaxed) {
            Ok(_) if queue => return SharedDrop::Queue,
            Ok(_) if new == STATE_MERGED => return SharedDrop::Dealloc,
            Ok(_) => return SharedDrop::Keep,
            Err(now) => cur = now,
        }
    }
}

/// A non-owner thread takes a reference.
#[inline]
pub fn incref_shared(shared: &AtomicIsize) {
    shared.fetch_add(ONE, Ordering::Relaxed);
}

/// The owner's local count just reached zero: it gives ownership up,
/// folding the shared count in. True when nothing is left (free it).
pub fn merge_zero_local(shared: &AtomicIsize, tid: &AtomicUsize) -> bool {
    let mut cur = shared.load(Ordering::Acquire);
    loop {
        if cur == 0 {
            // Owned, nothing shared, nothing queued: the last reference.
            return true;
        }
        let new = (cur & !STATE_MASK) | STATE_MERGED;
        match shared.compare_exchange_weak(cur, new, Ordering::AcqRel, Ordering::Acquire) {
            Ok(_) => {
                tid.store(0, Ordering::Release);
                // A queued reference keeps the count above zero (see the
                // module docs), so a merged object is never dead here.
                return false;
            }
            Err(now) => cur = now,
        }
    }
}

/// Gives ownership up, folding the local count into the shared one and
/// adding `extra` (-1: the reference an owner's queue held). Only the
/// owner may call it, or, for an object whose owner thread has ended,
/// whoever keeps new threads from taking that thread id meanwhile. True
/// when nothing is left (free it). A merged object takes only `extra`.
pub fn merge(local: &AtomicU32, shared: &AtomicIsize, tid: &AtomicUsize, extra: isize) -> bool {
    let l = local.load(Ordering::Relaxed);
    if l == IMMORTAL {
        return false;
    }
    let mut cur = shared.load(Ordering::Acquire);
    loop {
        let already = cur & STATE_MASK == STATE_MERGED;
        let count = (cur >> SHARED_SHIFT) + if already { 0 } else { l as isize } + extra;
        let new = (count << SHARED_SHIFT) | STATE_MERGED;
        match shared.compare_exchange_weak(cur, new, Ordering::AcqRel, Ordering::Acquire) {
            Ok(_) => {
                if !already {
                    local.store(0, Ordering::Relaxed);
                    tid.store(0, Ordering::Release);
                }
                return count == 0;
            }
            Err(now) => cur = now,
        }
    }
}

/// The count's shared part and whether the owner gave ownership up.
pub fn shared_count(shared: &AtomicIsize) -> (isize, bool) {
    let s = shared.load(Ordering::Relaxed);
    (s >> SHARED_SHIFT, s & STATE_MASK == STATE_MERGED)
}

#[cfg(all(test, not(loom)))]
mod tests {
    use super::*;

    #[test]
    fn queue_then_merge_frees_once() {
        let (local, shared, tid) = (AtomicU32::new(1), AtomicIsize::new(0), AtomicUsize::new(7));
        // A non-owner drops the reference the owner handed it.
        assert_eq!(decref_shared(&shared), SharedDrop::Queue);
        // The owner processes its queue: nothing is left.
        assert!(merge(&local, &shared, &tid, -1));
        assert_eq!(tid.load(Ordering::Relaxed), 0);
    }

    #[test]
    fn merged_object_dies_at_shared_zero() {
        let (shared, tid) = (AtomicIsize::new(0), AtomicUsize::new(7));
        incref_shared(&shared);
        // The owner drops its last local reference: ownership given up.
        assert!(!merge_zero_local(&shared, &tid));
        assert_eq!(shared_count(&shared), (1, true));
        assert_eq!(decref_shared(&shared), SharedDrop::Dealloc);
    }

    #[test]
    fn queued_counts_go_negative_until_merged() {
        let (local, shared, tid) = (AtomicU32::new(3), AtomicIsize::new(0), AtomicUsize::new(7));
        assert_eq!(decref_shared(&shared), SharedDrop::Queue);
        assert_eq!(decref_shared(&shared), SharedDrop::Keep);
        assert_eq!(decref_shared(&shared), SharedDrop::Keep);
        assert_eq!(shared_count(&shared), (-2, false));
        // 3 local - 2 shared - the queue's 1: nothing left.
        assert!(merge(&local, &shared, &tid, -1));
    }

    #[test]
    fn merge_of_merged_object_applies_extra_only() {
        let (local, shared, tid) = (AtomicU32::new(1), AtomicIsize::new(0), AtomicUsize::new(7));
        // A non-owner drops the reference the owner handed it: queued.
        assert_eq!(decref_shared(&shared), SharedDrop::Queue);
        // Another non-owner takes a reference and hands it to the owner,
        // which drops it before processing its queue: local 1 -> 0.
        incref_shared(&shared);
        local.store(0, Ordering::Relaxed);
        assert!(!merge_zero_local(&shared, &tid));
        assert_eq!(shared_count(&shared), (1, true));
        // The queue's reference was the last.
        assert!(merge(&local, &shared, &tid, -1));
    }
}
