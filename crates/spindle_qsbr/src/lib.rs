//! Quiescent-state-based reclamation (QSBR, DESIGN.md section 4.3): memory
//! that threads read without a lock or a reference count (a type's MRO, a
//! container's old buffer) is freed only once every thread that might
//! still be reading it has since passed a *quiescent state*, a point where
//! it holds no such borrowed pointer (the interpreter's eval breaker, or
//! detaching around a blocking call).
//!
//! The protocol (CPython's `qsbr.c` works the same way):
//! - `Domain::wr_seq` is a global sequence, bumped by 2 (`advance`) each
//!   time something is unlinked; the new value is that memory's *goal*.
//! - Each thread's `Reader::seq` is the `wr_seq` it saw at its last
//!   quiescent state, or `OFFLINE` (0) while it is detached and reads
//!   nothing.
//! - Memory with goal `g` may be freed once every online reader's `seq` is
//!   at least `g` (`poll`): each such reader passed a quiescent state after
//!   the unlink, so it can no longer hold the old pointer.
//!
//! Every access is SeqCst, and a SeqCst fence separates a reader's coming
//! online from its first load and a poller's scan from the unlink before
//! it: either the scan sees the reader online, or the reader loads the new
//! pointer. `tests/loom.rs` checks both cases with loom (which found the
//! late-online case unsound without the fences).

#[cfg(loom)]
use loom::sync::atomic::{AtomicU64, Ordering::SeqCst, fence};
#[cfg(loom)]
use loom::sync::{Arc, Mutex};
#[cfg(not(loom))]
use std::sync::atomic::{AtomicU64, Ordering::SeqCst, fence};
#[cfg(not(loom))]
use std::sync::{Arc, Mutex};

/// `Reader::seq` of a thread that is detached (reads nothing).
pub const OFFLINE: u64 = 0;
const INITIAL: u64 = 1;
const INCR: u64 = 2;

/// The sequences of one set of threads (the process's: one per runtime).
pub struct Domain {
    wr_seq: AtomicU64,
    /// The least `seq` of the online readers at the last scan; only grows.
    rd_seq: AtomicU64,
    readers: Mutex<Vec<Arc<Reader>>>,
}

/// One thread's report. Aligned to its own cache line: the owner writes it
/// at every quiescent state, and only pollers read it.
#[repr(align(64))]
pub struct Reader {
    seq: AtomicU64,
}

impl Domain {
    #[cfg(not(loom))]
    pub const fn new() -> Domain {
        Domain { wr_seq: AtomicU64::new(INITIAL), rd_seq: AtomicU64::new(INITIAL), readers: Mutex::new(Vec::new()) }
    }

    #[cfg(loom)]
    pub fn new() -> Domain {
        Domain { wr_seq: AtomicU64::new(INITIAL), rd_seq: AtomicU64::new(INITIAL), readers: Mutex::new(Vec::new()) }
    }

    fn readers(&self) -> impl std::ops::DerefMut<Target = Vec<Arc<Reader>>> + '_ {
        // A poisoned list is still a valid list (pushes and retains only).
        self.readers.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// A new reader for the calling thread, offline until it first reports
    /// (`online`).
    pub fn register(&self) -> Arc<Reader> {
        let r = Arc::new(Reader { seq: AtomicU64::new(OFFLINE) });
        self.readers().push(r.clone());
        r
    }

    /// Removes `r` (its thread holds nothing borrowed any more).
    pub fn unregister(&self, r: &Arc<Reader>) {
        r.offline();
        self.readers().retain(|x| !Arc::ptr_eq(x, r));
    }

    /// Keeps only reader `r` (in a forked child, the forking thread's: the
    /// other readers' threads do not exist there).
    pub fn retain_only(&self, r: &Arc<Reader>) {
        self.readers().retain(|x| Arc::ptr_eq(x, r));
    }

    /// Called after unlinking memory from every place readers look: the goal
    /// that memory waits for.
    pub fn advance(&self) -> u64 {
        self.wr_seq.fetch_add(INCR, SeqCst) + INCR
    }

    /// A goal for memory unlinked just now without bumping the shared
    /// sequence (one contended write less per retirement): the next bump
    /// reaches it. Whoever waits for it must make sure a bump comes
    /// (`current() < goal`: call `advance`).
    pub fn deferred_goal(&self) -> u64 {
        self.wr_seq.load(SeqCst) + INCR
    }

    /// The shared sequence now.
    pub fn current(&self) -> u64 {
        self.wr_seq.load(SeqCst)
    }

    /// Whether memory with `goal` may be freed now.
    pub fn poll(&self, goal: u64) -> bool {
        if self.rd_seq.load(SeqCst) >= goal {
            return true;
        }
        // Pairs with the fence in `online`: either the scan sees the reader
        // online, or the reader's later loads see the caller's unlink.
        fence(SeqCst);
        let mut min = self.wr_seq.load(SeqCst);
        for r in self.readers().iter() {
            let s = r.seq.load(SeqCst);
            if s != OFFLINE && s < min {
                min = s;
            }
        }
        // A reader that came online after an earlier scan may report an old
        // sequence, but it loaded only pointers published before that scan:
        // goals the scan passed stay passed.
        let prev = self.rd_seq.fetch_max(min, SeqCst);
        prev.max(min) >= goal
    }

    /// How many threads are registered.
    pub fn reader_count(&self) -> usize {
        self.readers().len()
    }
}

impl Reader {
    /// A quiescent state: the calling thread (this reader's) holds no
    /// pointer it read before now.
    #[inline]
    pub fn quiescent(&self, d: &Domain) {
        self.seq.store(d.wr_seq.load(SeqCst), SeqCst);
    }

    /// Back from detached: from now on the thread may read again.
    pub fn online(&self, d: &Domain) {
        self.quiescent(d);
        // Pairs with the fence in `Domain::poll` (see there).
        fence(SeqCst);
    }

    /// Detaching: the thread reads nothing until `online`.
    pub fn offline(&self) {
        self.seq.store(OFFLINE, SeqCst);
    }
}

/// Items waiting for their goals (freed by dropping them).
pub struct Retired<T> {
    items: Mutex<Vec<(u64, T)>>,
    /// `items.len()`, readable without the lock.
    len: AtomicU64,
}

impl<T> Retired<T> {
    #[cfg(not(loom))]
    pub const fn new() -> Retired<T> {
        Retired { items: Mutex::new(Vec::new()), len: AtomicU64::new(0) }
    }

    #[cfg(loom)]
    pub fn new() -> Retired<T> {
        Retired { items: Mutex::new(Vec::new()), len: AtomicU64::new(0) }
    }

    fn items(&self) -> impl std::ops::DerefMut<Target = Vec<(u64, T)>> + '_ {
        self.items.lock().unwrap_or_else(|e| e.into_inner())
    }

    pub fn push(&self, goal: u64, item: T) {
        let mut items = self.items();
        items.push((goal, item));
        self.len.store(items.len() as u64, SeqCst);
    }

    /// Removes and returns the items whose goal `d` has reached, for the
    /// caller to drop (outside this list's lock: dropping may re-enter).
    pub fn take_ready(&self, d: &Domain) -> Vec<T> {
        if self.is_empty() {
            return Vec::new();
        }
        let mut items = self.items();
        let mut ready = Vec::new();
        let mut keep = Vec::with_capacity(items.len());
        for (goal, item) in items.drain(..) {
            if d.poll(goal) { ready.push(item) } else { keep.push((goal, item)) }
        }
        *items = keep;
        self.len.store(items.len() as u64, SeqCst);
        ready
    }

    /// Whether nothing waits (without taking the lock).
    pub fn is_empty(&self) -> bool {
        self.len.load(SeqCst) == 0
    }
}

#[cfg(all(test, not(loom)))]
mod tests {
    use super::*;

    #[test]
    fn goal_waits_for_every_online_reader() {
        let d = Domain::new();
        let a = d.register();
        let b = d.register();
        a.online(&d);
        b.online(&d);
        let goal = d.advance();
        assert!(!d.poll(goal));
        a.quiescent(&d);
        assert!(!d.poll(goal), "b has not passed a quiescent state");
        b.quiescent(&d);
        assert!(d.poll(goal));
    }

    #[test]
    fn offline_readers_do_not_hold_goals_back() {
        let d = Domain::new();
        let a = d.register();
        let b = d.register();
        a.online(&d);
        b.online(&d);
        b.offline();
        let goal = d.advance();
        a.quiescent(&d);
        assert!(d.poll(goal));
        d.unregister(&b);
        assert_eq!(d.reader_count(), 1);
    }

    #[test]
    fn retired_items_come_out_when_ready() {
        let d = Domain::new();
        let a = d.register();
        a.online(&d);
        let r = Retired::new();
        let g1 = d.advance();
        r.push(g1, "one");
        assert!(r.take_ready(&d).is_empty());
        a.quiescent(&d);
        let g2 = d.advance();
        r.push(g2, "two");
        assert_eq!(r.take_ready(&d), vec!["one"]);
        a.quiescent(&d);
        assert_eq!(r.take_ready(&d), vec!["two"]);
        assert!(r.is_empty());
    }
}
