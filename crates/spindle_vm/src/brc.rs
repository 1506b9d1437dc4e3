//! The owners' queues of biased reference counting (`spindle_brc` has the
//! protocol): a non-owner thread that would take an owned object's shared
//! count below zero hands the object to its owner thread's queue instead;
//! the owner merges the counts at its next eval-breaker check (or when it
//! ends), freeing the object if nothing is left. Without this, an object
//! whose last reference a non-owner drops would never be freed.
//!
//! Every thread with a `ThreadState` registers its queue under its thread
//! id (`header::current_thread_id`) before it touches any object, and
//! unregisters as it ends, then empties its queue. An object whose owner
//! is not registered (it ended) is merged by the thread dropping the
//! reference, while it holds the registry lock: no new thread can take the
//! ended thread's id (and so count the object locally) meanwhile.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use parking_lot::Mutex;

use crate::header::{ObjHeader, current_thread_id};

/// One thread's queue of objects to merge.
#[derive(Default)]
pub(crate) struct OwnerQueue {
    objs: Mutex<Vec<usize>>,
    /// Something is queued (read by the eval breaker without the lock).
    pending: AtomicBool,
}

static OWNERS: Mutex<Vec<(usize, Arc<OwnerQueue>)>> = Mutex::new(Vec::new());

/// Registers the calling thread's queue (at the start of its `ThreadState`).
pub(crate) fn register() -> Arc<OwnerQueue> {
    let q = Arc::new(OwnerQueue::default());
    OWNERS.lock().push((current_thread_id(), q.clone()));
    q
}

/// The thread is ending: no object is queued to it from now on, and what
/// is queued is merged.
pub(crate) fn unregister(q: &Arc<OwnerQueue>) {
    OWNERS.lock().retain(|(_, x)| !Arc::ptr_eq(x, q));
    q.pending.store(true, Ordering::Relaxed);
    process(q);
}

/// In a forked child, run by the forking thread: the other threads'
/// queues go (as if those threads had ended), and what was queued to them
/// is merged here. Their objects are then merged by whichever thread drops
/// them, as an ended owner's are.
pub(crate) fn after_fork_child(mine: &Arc<OwnerQueue>) {
    let others: Vec<Arc<OwnerQueue>> = {
        let mut owners = OWNERS.lock();
        let others = owners.iter().filter(|(_, q)| !Arc::ptr_eq(q, mine)).map(|(_, q)| q.clone()).collect();
        owners.retain(|(_, q)| Arc::ptr_eq(q, mine));
        others
    };
    for q in others {
        q.pending.store(true, Ordering::Relaxed);
        process(&q);
    }
}

/// Hands `obj` to its owner's queue; the queue holds the reference being
/// dropped. True when the caller must free the object (its owner ended and
/// that was the last reference).
pub(crate) fn queue_to_owner(obj: &ObjHeader) -> bool {
    let owners = OWNERS.lock();
    let tid = obj.owner();
    if let Some((_, q)) = owners.iter().find(|(t, _)| *t == tid) {
        q.objs.lock().push(obj as *const ObjHeader as usize);
        q.pending.store(true, Ordering::Release);
        return false;
    }
    // The owner has ended (see the module docs): merge here, dropping the
    // reference the queue would have held.
    obj.merge(-1)
}

/// Whether the calling thread's queue has objects (the eval breaker's check).
#[inline]
pub(crate) fn pending(q: &OwnerQueue) -> bool {
    q.pending.load(Ordering::Relaxed)
}

/// Merges the objects queued to the calling thread (their owner), freeing
/// those with nothing left.
#[cold]
pub(crate) fn process(q: &OwnerQueue) {
    if !q.pending.swap(false, Ordering::Acquire) {
        return;
    }
    let objs = std::mem::take(&mut *q.objs.lock());
    for p in objs {
        // SAFETY: a queued object is alive: the queue holds one of its
        // references (counted), which this merge drops.
        let dead = unsafe { &*(p as *const ObjHeader) }.merge(-1);
        if dead {
            // SAFETY: the merge dropped the last reference.
            unsafe { crate::object::dealloc(p as *mut ObjHeader) };
        }
    }
}
