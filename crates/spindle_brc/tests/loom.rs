//! Model check of the biased reference-counting protocol: whatever the
//! interleaving of the owner's plain local counting, other threads' atomic
//! shared counting, the queue to the owner and the merges, an object is
//! freed exactly once, and only after its last reference is gone.
#![cfg(loom)]

use loom::sync::atomic::{AtomicBool, AtomicIsize, AtomicU32, AtomicUsize, Ordering};
use loom::sync::{Arc, Mutex};
use spindle_brc::{SharedDrop, decref_shared, incref_shared, merge, merge_zero_local};

const OWNER: usize = 1;

/// One object's count words, how many times it was freed, and its owner's queue.
struct Obj {
    tid: AtomicUsize,
    local: AtomicU32,
    shared: AtomicIsize,
    frees: AtomicUsize,
    /// References still held by the model's threads (checked at each free).
    live: AtomicIsize,
    queue: Mutex<Vec<()>>,
}

impl Obj {
    fn new(local: u32) -> Arc<Obj> {
        Arc::new(Obj {
            tid: AtomicUsize::new(OWNER),
            local: AtomicU32::new(local),
            shared: AtomicIsize::new(0),
            frees: AtomicUsize::new(0),
            live: AtomicIsize::new(local as isize),
            queue: Mutex::new(Vec::new()),
        })
    }

    fn free(&self) {
        assert_eq!(self.live.load(Ordering::SeqCst), 0, "freed while referenced");
        self.frees.fetch_add(1, Ordering::SeqCst);
    }

    /// `me` drops one reference it holds.
    fn decref(&self, me: usize) {
        self.live.fetch_sub(1, Ordering::SeqCst);
        if self.tid.load(Ordering::Relaxed) == me {
            // The owner: plain load and store (only it writes `local`).
            let l = self.local.load(Ordering::Relaxed) - 1;
            self.local.store(l, Ordering::Relaxed);
            if l == 0 && merge_zero_local(&self.shared, &self.tid) {
                self.free();
            }
            return;
        }
        match decref_shared(&self.shared) {
            SharedDrop::Keep => {}
            SharedDrop::Dealloc => self.free(),
            // The queue holds the reference now.
            SharedDrop::Queue => {
                self.live.fetch_add(1, Ordering::SeqCst);
                self.queue.lock().unwrap().push(());
            }
        }
    }

    /// `me` takes a reference.
    fn incref(&self, me: usize) {
        self.live.fetch_add(1, Ordering::SeqCst);
        if self.tid.load(Ordering::Relaxed) == me {
            let l = self.local.load(Ordering::Relaxed);
            self.local.store(l + 1, Ordering::Relaxed);
        } else {
            incref_shared(&self.shared);
        }
    }

    /// The owner processes its queue: each entry's reference goes.
    fn process_queue(&self) {
        let n = std::mem::take(&mut *self.queue.lock().unwrap()).len();
        for _ in 0..n {
            self.live.fetch_sub(1, Ordering::SeqCst);
            if merge(&self.local, &self.shared, &self.tid, -1) {
                self.free();
            }
        }
    }
}

/// Checks every interleaving with up to three preemptions (enough for
/// the races between the owner, a non-owner and the queue; unbounded runs
/// take hours).
fn model(f: impl Fn() + Sync + Send + 'static) {
    let mut b = loom::model::Builder::new();
    b.preemption_bound = Some(3);
    b.check(f);
}

/// The owner hands one reference to a non-owner, which drops it, while the
/// owner drops its own and processes its queue (concurrently, then once
/// the other is done).
#[test]
fn handed_reference_dropped_by_non_owner() {
    model(|| {
        let o = Obj::new(2);
        let o2 = o.clone();
        let n = loom::thread::spawn(move || o2.decref(2));
        o.decref(OWNER);
        o.process_queue();
        n.join().unwrap();
        o.process_queue();
        assert_eq!(o.frees.load(Ordering::SeqCst), 1);
    });
}

/// The owner holds a reference for a list and hands another to a
/// non-owner, which drops it (queued) and then takes one from the list for
/// the owner; the owner drops that one and the list's, so its local count
/// may reach zero while the object is queued.
#[test]
fn queued_object_merged_at_local_zero() {
    model(|| {
        let o = Obj::new(2);
        let given = Arc::new(AtomicBool::new(false));
        let (o2, g2) = (o.clone(), given.clone());
        let n = loom::thread::spawn(move || {
            o2.decref(2);
            o2.incref(2);
            g2.store(true, Ordering::SeqCst);
        });
        o.process_queue();
        let early = given.load(Ordering::SeqCst);
        if early {
            // The reference the non-owner handed over, then the list's.
            o.decref(OWNER);
            o.decref(OWNER);
        }
        o.process_queue();
        n.join().unwrap();
        if !early {
            o.decref(OWNER);
            o.decref(OWNER);
        }
        o.process_queue();
        assert_eq!(o.frees.load(Ordering::SeqCst), 1);
    });
}

/// Two non-owners drop references the owner handed them while the owner
/// drops its own and processes its queue.
#[test]
fn two_non_owners_and_the_owner() {
    model(|| {
        let o = Obj::new(3);
        let spawn = |me: usize| {
            let o = o.clone();
            loom::thread::spawn(move || o.decref(me))
        };
        let (a, b) = (spawn(2), spawn(3));
        o.decref(OWNER);
        o.process_queue();
        a.join().unwrap();
        b.join().unwrap();
        o.process_queue();
        assert_eq!(o.frees.load(Ordering::SeqCst), 1);
    });
}
