//! The object header every heap object starts with, and the biased
//! reference-counting protocol on it (DESIGN.md section 4.1 and 4.2).
//!
//! Layout (32 bytes, `#[repr(C)]`):
//! owner thread id | local refcount (u32) | gc bits | lock byte | flags | shared refcount | type.
//!
//! The owner thread changes `ref_local` with plain (relaxed load + relaxed store)
//! accesses; every other thread uses atomic read-modify-write on `ref_shared`.
//! `ref_shared` holds the count shifted left by 2; the low two bits are the merge
//! state (the protocol's slow paths, queue and merge, are `spindle_brc`, model
//! checked with loom; the owners' queues are `brc`). An object is immortal
//! when `ref_local == IMMORTAL`: incref and decref are then a branch and
//! nothing else. An object is deferred (see `deferred`) when `ref_local` is
//! at least `DEFERRED_BASE` and below `IMMORTAL`: its counts are kept per
//! thread and only the collector frees it. Its owner is 0, so every thread
//! takes the non-owner path for it, which tests for deferral first: the
//! owner's fast path is unchanged.

#[cfg(not(all(target_arch = "x86_64", target_os = "linux")))]
use std::cell::Cell;
use std::sync::atomic::{AtomicIsize, AtomicU8, AtomicU32, AtomicUsize, Ordering};

use crate::object::TypeRef;

/// `ref_local` value that marks an object immortal.
pub const IMMORTAL: u32 = spindle_brc::IMMORTAL;

/// `ref_local` values from here up to `IMMORTAL` (excluded) mark a deferred
/// object; the value less this base is its id in `deferred`.
pub const DEFERRED_BASE: u32 = spindle_brc::DEFERRED_BASE;

/// Flag bits in `ObjHeader::flags`.
pub mod flags {
    /// The object is tracked by the cycle collector.
    pub const GC_TRACKED: u8 = 1;
    /// The object's `__del__` already ran (PEP 442).
    pub const FINALIZED: u8 = 2;
    /// Weak references to the object exist (see `object::weakref_register`);
    /// its deallocation clears them and runs their callbacks.
    pub const HAS_WEAKREFS: u8 = 4;
    /// Tracking the object does not count toward generation 0's threshold
    /// (an instance's `__dict__`: CPython keeps instance attributes inline,
    /// so its collections come at the pace of instances, not twice that).
    pub const GC_UNCOUNTED: u8 = 8;
    /// The object is the interned str of its text (`str::intern`): two
    /// such strs are equal exactly when they are the same object.
    pub const INTERNED: u8 = 16;
}

#[repr(C)]
pub struct ObjHeader {
    /// Owner thread id (see [`current_thread_id`]); 0 when merged.
    tid: AtomicUsize,
    ref_local: AtomicU32,
    pub(crate) gc_bits: AtomicU8,
    /// The 1-byte per-object lock used for critical sections on mutable containers.
    pub(crate) lock: crate::lock::ObjLock,
    pub(crate) flags: AtomicU8,
    _pad: u8,
    ref_shared: AtomicIsize,
    pub(crate) ty: TypeRef,
}

const _: () = assert!(std::mem::size_of::<ObjHeader>() == 32);

/// A nonzero id for the current OS thread, used as the biased-refcount owner.
/// Every incref/decref reads it, so it must be one instruction: on x86-64
/// Linux it is the thread pointer (`fs:0`, the thread control block's
/// address), as CPython's `_Py_ThreadId` does. A block's address is unique
/// among live threads and never 0 (the merged owner). A new thread may
/// reuse a dead one's address and so inherit the dead thread's objects: it
/// is then the only writer of their local counts, which is all ownership
/// means.
#[cfg(all(target_arch = "x86_64", target_os = "linux"))]
#[inline(always)]
pub fn current_thread_id() -> usize {
    let tp: usize;
    // SAFETY: on x86-64 Linux `fs:0` holds the thread control block's own
    // address (the TLS ABI's self pointer); reading it touches no memory of
    // ours and it never changes for the running thread (hence `pure`).
    unsafe { std::arch::asm!("mov {}, qword ptr fs:[0]", out(reg) tp, options(nostack, preserves_flags, readonly, pure)) };
    tp
}

#[cfg(not(all(target_arch = "x86_64", target_os = "linux")))]
thread_local! {
    static THREAD_ID: Cell<usize> = const { Cell::new(0) };
}
#[cfg(not(all(target_arch = "x86_64", target_os = "linux")))]
static NEXT_THREAD_ID: AtomicUsize = AtomicUsize::new(1);

/// A small nonzero id for the current OS thread, used as the biased-refcount owner.
#[cfg(not(all(target_arch = "x86_64", target_os = "linux")))]
#[inline(always)]
pub fn current_thread_id() -> usize {
    let id = THREAD_ID.get();
    if id != 0 { id } else { assign_thread_id() }
}

#[cfg(not(all(target_arch = "x86_64", target_os = "linux")))]
#[cold]
#[inline(never)]
fn assign_thread_id() -> usize {
    let id = NEXT_THREAD_ID.fetch_add(1, Ordering::Relaxed);
    THREAD_ID.set(id);
    id
}

impl ObjHeader {
    /// A header for a fresh object owned by the current thread with one reference.
    pub(crate) fn new(ty: TypeRef) -> Self {
        Self::with_flags(ty, 0)
    }

    /// `new` with `flags` (see [`flags`]) set from the start.
    pub(crate) fn with_flags(ty: TypeRef, flags: u8) -> Self {
        ObjHeader {
            tid: AtomicUsize::new(current_thread_id()),
            ref_local: AtomicU32::new(1),
            gc_bits: AtomicU8::new(0),
            lock: crate::lock::ObjLock::new(),
            flags: AtomicU8::new(flags),
            _pad: 0,
            ref_shared: AtomicIsize::new(0),
            ty,
        }
    }

    pub(crate) fn new_immortal(ty: TypeRef) -> Self {
        let h = Self::new(ty);
        h.ref_local.store(IMMORTAL, Ordering::Relaxed);
        h
    }

    #[inline]
    pub fn is_immortal(&self) -> bool {
        self.ref_local.load(Ordering::Relaxed) == IMMORTAL
    }

    /// Whether a decref can never free the object: immortal or deferred.
    #[inline]
    pub fn never_freed_by_decref(&self) -> bool {
        self.ref_local.load(Ordering::Relaxed) >= DEFERRED_BASE
    }

    pub(crate) fn make_immortal(&self) {
        self.ref_local.store(IMMORTAL, Ordering::Relaxed);
    }

    #[inline]
    pub fn incref(&self) {
        let local = self.ref_local.load(Ordering::Relaxed);
        if local == IMMORTAL {
            return;
        }
        if self.tid.load(Ordering::Relaxed) == current_thread_id() {
            // Only the owner writes ref_local, so load+store cannot lose an update.
            self.ref_local.store(local + 1, Ordering::Relaxed);
        } else if local >= DEFERRED_BASE {
            // A deferred object (owner 0: every thread comes here).
            crate::deferred::add(self, local, 1);
        } else {
            spindle_brc::incref_shared(&self.ref_shared);
        }
    }

    /// Is the caller's reference the only one? (Owned by this thread, one
    /// local count, no shared ones.) Then nothing else can observe the
    /// object, and an operation consuming it may reuse its memory.
    #[inline]
    pub fn is_unique(&self) -> bool {
        self.ref_local.load(Ordering::Relaxed) == 1
            && self.tid.load(Ordering::Relaxed) == current_thread_id()
            && self.ref_shared.load(Ordering::Acquire) == 0
    }

    /// Drops one reference; returns true when the caller must deallocate.
    #[inline]
    pub fn decref(&self) -> bool {
        let local = self.ref_local.load(Ordering::Relaxed);
        if local == IMMORTAL {
            return false;
        }
        if self.tid.load(Ordering::Relaxed) == current_thread_id() {
            let local = local - 1;
            self.ref_local.store(local, Ordering::Relaxed);
            if local != 0 {
                return false;
            }
            return self.merge_zero_local();
        }
        self.decref_other(local)
    }

    /// The owner's local count reached zero: give up ownership and fold the
    /// shared count in. Dead when nothing is left.
    #[cold]
    fn merge_zero_local(&self) -> bool {
        spindle_brc::merge_zero_local(&self.ref_shared, &self.tid)
    }

    /// A non-owner drops a reference (see `spindle_brc`): dead when it was
    /// the last one of a merged object. One that would take an owned
    /// object's shared count below zero goes to its owner's queue instead.
    /// Deferred objects (owner 0) take this path on every thread.
    #[cold]
    fn decref_other(&self, local: u32) -> bool {
        if local >= DEFERRED_BASE {
            crate::deferred::add(self, local, -1);
            return false;
        }
        match spindle_brc::decref_shared(&self.ref_shared) {
            spindle_brc::SharedDrop::Keep => false,
            spindle_brc::SharedDrop::Dealloc => true,
            spindle_brc::SharedDrop::Queue => crate::brc::queue_to_owner(self),
        }
    }

    /// Gives ownership up, folding the local count into the shared one and
    /// adding `extra` (see `spindle_brc::merge`): true when nothing is left.
    /// Only the owner may call it, or a caller that keeps new threads from
    /// taking the owner's (ended) thread id meanwhile (`brc`).
    pub(crate) fn merge(&self, extra: isize) -> bool {
        let local = self.ref_local.load(Ordering::Relaxed);
        if (DEFERRED_BASE..IMMORTAL).contains(&local) {
            // Queued to its owner before it was deferred: the queue's
            // reference is dropped the deferred way.
            crate::deferred::add(self, local, extra);
            return false;
        }
        spindle_brc::merge(&self.ref_local, &self.ref_shared, &self.tid, extra)
    }

    /// The owner thread's id (0 once merged).
    #[inline]
    pub(crate) fn owner(&self) -> usize {
        self.tid.load(Ordering::Relaxed)
    }

    /// The reference count as `sys.getrefcount` reports it (approximate across threads).
    /// A deferred object's is this thread's part only, and at least 1: it
    /// is alive until the collector frees it.
    pub fn refcount(&self) -> usize {
        let local = self.ref_local.load(Ordering::Relaxed);
        if local == IMMORTAL {
            return u32::MAX as usize;
        }
        if local >= DEFERRED_BASE {
            return (self.shared_part() + crate::deferred::this_thread_part(local)).max(1) as usize;
        }
        let (shared, _) = spindle_brc::shared_count(&self.ref_shared);
        (local as isize + shared).max(0) as usize
    }

    /// The shared count (without the merge-state bits).
    pub(crate) fn shared_part(&self) -> isize {
        spindle_brc::shared_count(&self.ref_shared).0
    }

    /// Adds `n` references to the shared count, outside the biased protocol:
    /// only for deferred objects, whose shared count is a plain sum.
    pub(crate) fn add_shared(&self, n: isize) {
        self.ref_shared.fetch_add(n << spindle_brc::SHARED_SHIFT, Ordering::Relaxed);
    }

    /// `ref_local`'s raw value (a deferred object's id lives there).
    #[inline]
    pub(crate) fn local_word(&self) -> u32 {
        self.ref_local.load(Ordering::Relaxed)
    }

    /// Makes the object deferred with id `uid`, its every reference in the
    /// shared count.
    ///
    /// # Safety
    /// No other thread touches the object's counts meanwhile (the world is
    /// stopped), and `uid` is the object's own id from `deferred`.
    pub(crate) unsafe fn set_deferred(&self, uid: u32) {
        let total = self.refcount() as isize;
        self.ref_shared.store(total << spindle_brc::SHARED_SHIFT, Ordering::Relaxed);
        self.tid.store(0, Ordering::Relaxed);
        self.ref_local.store(DEFERRED_BASE + uid, Ordering::Relaxed);
    }

    /// `set_deferred` for an object other threads may be counting: done only
    /// when every count so far is this thread's own local one (see
    /// `spindle_brc::defer_owned`, model-checked). False (nothing changed)
    /// otherwise.
    pub(crate) fn try_set_deferred(&self, uid: u32) -> bool {
        spindle_brc::defer_owned(&self.ref_local, &self.ref_shared, &self.tid, current_thread_id(), DEFERRED_BASE + uid)
    }

    #[inline]
    pub fn has_flag(&self, f: u8) -> bool {
        self.flags.load(Ordering::Relaxed) & f != 0
    }
    pub fn set_flag(&self, f: u8) {
        self.flags.fetch_or(f, Ordering::Relaxed);
    }
}

impl ObjHeader {
    /// Revives a dead object (count 0) for `__del__`: one local reference owned
    /// by the current thread.
    pub(crate) fn incref_from_zero(&self) {
        self.tid.store(current_thread_id(), Ordering::Relaxed);
        self.ref_shared.store(0, Ordering::Relaxed);
        self.ref_local.store(1, Ordering::Relaxed);
    }

    /// Makes the current thread the owner of the object, with every
    /// reference (local and shared) folded into its local count.
    ///
    /// # Safety
    /// No other thread may touch this object's counts meanwhile: the caller
    /// has stopped the world (the cycle collector, for unreachable objects).
    pub(crate) unsafe fn gc_adopt(&self) {
        let local = self.ref_local.load(Ordering::Relaxed);
        if local == IMMORTAL {
            return;
        }
        let total = if local >= DEFERRED_BASE {
            // SAFETY: the world is stopped (this function's contract).
            unsafe { crate::deferred::undefer(self, local) }
        } else {
            self.refcount() as isize
        };
        let total = total.clamp(0, DEFERRED_BASE as isize - 1) as u32;
        self.ref_shared.store(0, Ordering::Relaxed);
        self.ref_local.store(total, Ordering::Relaxed);
        self.tid.store(current_thread_id(), Ordering::Relaxed);
    }

    /// After `__del__` left the only reference: mark dead again.
    pub(crate) fn reset_dead(&self) {
        self.ref_local.store(0, Ordering::Relaxed);
    }
}
