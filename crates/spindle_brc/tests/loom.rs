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

/// The owner defers an object (`defer_owned`) while a non-owner it handed
/// a reference to takes another and drops both. Deferred, every thread
/// counts in its own table (here: `tables[thread]`), and the object is
/// never freed by a decref; whatever the interleaving, no count is lost:
/// the shared count plus the tables equals the references still held, and
/// an object left undeferred is freed exactly once when the last goes.
#[test]
fn deferral_races_shared_counting() {
    const MARK: u32 = spindle_brc::DEFERRED_BASE + 7;
    struct Deferred {
        o: Arc<Obj>,
        tables: [AtomicIsize; 3],
    }
    impl Deferred {
        fn change(&self, me: usize, n: isize) -> bool {
            if self.o.local.load(Ordering::Relaxed) >= spindle_brc::DEFERRED_BASE {
                self.o.live.fetch_add(n, Ordering::SeqCst);
                // Only thread `me` writes its table: a plain update.
                let t = self.tables[me].load(Ordering::Relaxed);
                self.tables[me].store(t + n, Ordering::Relaxed);
                return true;
            }
            false
        }
        fn incref(&self, me: usize) {
            if !self.change(me, 1) {
                self.o.incref(me);
            }
        }
        fn decref(&self, me: usize) {
            if !self.change(me, -1) {
                self.o.decref(me);
            }
        }
    }
    model(|| {
        let d = Arc::new(Deferred { o: Obj::new(2), tables: [AtomicIsize::new(0), AtomicIsize::new(0), AtomicIsize::new(0)] });
        let d2 = d.clone();
        let n = loom::thread::spawn(move || {
            d2.incref(2);
            d2.decref(2);
            d2.decref(2);
        });
        let deferred = spindle_brc::defer_owned(&d.o.local, &d.o.shared, &d.o.tid, OWNER, MARK);
        n.join().unwrap();
        if deferred {
            assert_eq!(d.o.local.load(Ordering::SeqCst), MARK);
            let total = spindle_brc::shared_count(&d.o.shared).0
                + d.tables.iter().map(|t| t.load(Ordering::SeqCst)).sum::<isize>();
            assert_eq!(total, d.o.live.load(Ordering::SeqCst));
            assert_eq!(total, 1);
            assert_eq!(d.o.frees.load(Ordering::SeqCst), 0);
        } else {
            d.decref(OWNER);
            d.o.process_queue();
            assert_eq!(d.o.frees.load(Ordering::SeqCst), 1);
        }
    });
}
