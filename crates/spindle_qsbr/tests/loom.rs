//! Model checks of QSBR: a writer replaces a published block, waits for its
//! goal and then frees it (writes a poison value through loom's UnsafeCell),
//! while a reader loads the pointer and reads the block. Loom reports a data
//! race if the free is not ordered after every read of the old block, and
//! the reader asserts it never sees the poison.
//! - `reader_online_throughout`: the reader is online the whole time and
//!   reports a quiescent state after its read.
//! - `reader_comes_online_late`: the reader starts offline (detached) and
//!   attaches while the writer retires: the writer's scan may skip it.
//! - `deferred_goal`: the writer takes a goal without bumping the sequence
//!   (`Domain::deferred_goal`) and bumps it while waiting.
//! - `list::grow_append_pop_under_a_reader`: the lock-free list read of
//!   `spindle_vm::list_items` (see the module).
#![cfg(loom)]

use loom::cell::UnsafeCell;
use loom::sync::Arc;
use loom::sync::atomic::{AtomicPtr, Ordering::SeqCst};
use spindle_qsbr::{Domain, Reader};

const POISON: u32 = 0xdead;

struct Block {
    val: UnsafeCell<u32>,
}

struct Shared {
    d: Domain,
    cell: AtomicPtr<Block>,
}

// SAFETY (test): blocks are read only while published or before their
// goal; loom checks that against the writer's poisoning.
unsafe impl Sync for Shared {}
// SAFETY (test): as above.
unsafe impl Send for Shared {}

fn new_block(v: u32) -> *mut Block {
    Box::into_raw(Box::new(Block { val: UnsafeCell::new(v) }))
}

fn read(s: &Shared) -> u32 {
    let p = s.cell.load(SeqCst);
    // SAFETY (test): p was published and the reader is online; QSBR keeps it
    // alive until this thread's next quiescent state.
    unsafe { (*p).val.with(|v| *v) }
}

/// Replaces the block, waits for its goal, poisons and frees the old one.
/// `deferred`: the goal is taken without bumping the sequence
/// (`Domain::deferred_goal`), and the waiter bumps it itself.
fn replace_and_free(s: &Shared, deferred: bool) {
    let old = s.cell.swap(new_block(2), SeqCst);
    let goal = if deferred { s.d.deferred_goal() } else { s.d.advance() };
    while !s.d.poll(goal) {
        if deferred && s.d.current() < goal {
            s.d.advance();
        }
        loom::thread::yield_now();
    }
    // SAFETY (test): the goal passed: no reader holds `old`.
    unsafe {
        (*old).val.with_mut(|v| *v = POISON);
        drop(Box::from_raw(old));
    }
}

fn setup() -> (Arc<Shared>, Arc<Reader>) {
    let s = Arc::new(Shared { d: Domain::new(), cell: AtomicPtr::new(new_block(1)) });
    let r = s.d.register();
    (s, r)
}

fn finish(s: &Shared) {
    let p = s.cell.load(SeqCst);
    // SAFETY (test): every thread is done; the current block is ours.
    unsafe { drop(Box::from_raw(p)) };
}

/// One model: a reader thread (online from the start, reading twice with a
/// quiescent state between; or coming online late and reading once) and
/// the writer replacing and freeing the block.
fn check(online_from_start: bool, deferred: bool) {
    let mut b = loom::model::Builder::new();
    b.preemption_bound = Some(3);
    b.check(move || {
        let (s, r) = setup();
        if online_from_start {
            r.online(&s.d);
        }
        let s2 = s.clone();
        let t = loom::thread::spawn(move || {
            if online_from_start {
                let v = read(&s2);
                assert!(v == 1 || v == 2);
                r.quiescent(&s2.d);
            } else {
                r.online(&s2.d);
            }
            let v = read(&s2);
            assert!(v == 1 || v == 2);
            r.offline();
        });
        replace_and_free(&s, deferred);
        t.join().unwrap();
        finish(&s);
    });
}

#[test]
fn reader_online_throughout() {
    check(true, false);
}

#[test]
fn reader_comes_online_late() {
    check(false, false);
}

#[test]
fn deferred_goal() {
    check(true, true);
}

/// Model check of the lock-free list read (`spindle_vm::list_items`): a
/// reader loads the buffer pointer, that buffer's length and an item word,
/// then reads the value it points to, while the (single, locked) writer
/// grows the buffer (copying the words, publishing the new buffer, retiring
/// the old one with `Domain::advance`), appends an item (word first, then
/// the length) and pops it (length first, then the value retired with
/// `Domain::deferred_goal`). Once their goals pass, retired buffers and
/// values are poisoned and freed through loom's UnsafeCell, so loom reports
/// a data race if a free is not ordered after every read, and the reader
/// asserts it never sees poison or an unwritten word.
mod list {
    use loom::cell::UnsafeCell;
    use loom::sync::Arc;
    use loom::sync::atomic::{AtomicPtr, AtomicUsize, Ordering};
    use spindle_qsbr::Domain;

    const POISON: usize = 0xdead;

    /// A value object.
    struct Val {
        v: UnsafeCell<usize>,
    }

    struct Buf {
        cap: UnsafeCell<usize>,
        len: AtomicUsize,
        words: Vec<AtomicUsize>,
    }

    struct Shared {
        d: Domain,
        buf: AtomicPtr<Buf>,
    }

    // SAFETY (test): buffers and values are read only while reachable or
    // before their goal; loom checks that against the writer's poisoning.
    unsafe impl Sync for Shared {}
    // SAFETY (test): as above.
    unsafe impl Send for Shared {}

    fn new_val(v: usize) -> usize {
        Box::into_raw(Box::new(Val { v: UnsafeCell::new(v) })) as usize
    }

    fn new_buf(cap: usize) -> *mut Buf {
        Box::into_raw(Box::new(Buf {
            cap: UnsafeCell::new(cap),
            len: AtomicUsize::new(0),
            words: (0..cap).map(|_| AtomicUsize::new(0)).collect(),
        }))
    }

    /// `lst[-1]`: the value read, or None when empty.
    fn read_last(s: &Shared) -> Option<usize> {
        let p = s.buf.load(Ordering::Acquire);
        // SAFETY (test): published and this reader is online.
        let b = unsafe { &*p };
        let len = b.len.load(Ordering::Acquire);
        let cap = b.cap.with(|c| unsafe { *c });
        assert_ne!(cap, POISON, "read a freed buffer");
        if len == 0 {
            return None;
        }
        assert!(len <= cap);
        let w = b.words[len - 1].load(Ordering::Acquire);
        assert_ne!(w, 0, "read an unwritten word");
        // SAFETY (test): the word held a value of the list during the read;
        // removed values are retired, not freed, while this reader is online.
        let v = unsafe { (*(w as *const Val)).v.with(|v| *v) };
        assert_ne!(v, POISON, "read a freed value");
        Some(v)
    }

    enum Retired {
        Buf(*mut Buf),
        Val(usize),
    }

    fn writer(s: &Shared) {
        let mut retired = Vec::new();
        // Grow: copy, publish, retire the old buffer.
        let old = s.buf.load(Ordering::Relaxed);
        // SAFETY (test): the writer owns the buffers it publishes.
        let ob = unsafe { &*old };
        let n = ob.len.load(Ordering::Relaxed);
        let nb = new_buf(2);
        // SAFETY (test): not published yet.
        let nbr = unsafe { &*nb };
        for i in 0..n {
            nbr.words[i].store(ob.words[i].load(Ordering::Relaxed), Ordering::Relaxed);
        }
        nbr.len.store(n, Ordering::Relaxed);
        s.buf.store(nb, Ordering::Release);
        retired.push((s.d.advance(), Retired::Buf(old)));
        // Append: the word, then the length.
        nbr.words[n].store(new_val(2), Ordering::Release);
        nbr.len.store(n + 1, Ordering::Release);
        // Pop: the length, then retire the value.
        let w = nbr.words[n].load(Ordering::Relaxed);
        nbr.len.store(n, Ordering::Release);
        retired.push((s.d.deferred_goal(), Retired::Val(w)));
        for (goal, item) in retired {
            while !s.d.poll(goal) {
                if s.d.current() < goal {
                    s.d.advance();
                }
                loom::thread::yield_now();
            }
            // SAFETY (test): the goal passed: no reader holds the item.
            unsafe {
                match item {
                    Retired::Buf(p) => {
                        (*p).cap.with_mut(|c| *c = POISON);
                        drop(Box::from_raw(p));
                    }
                    Retired::Val(w) => {
                        let p = w as *mut Val;
                        (*p).v.with_mut(|v| *v = POISON);
                        drop(Box::from_raw(p));
                    }
                }
            }
        }
    }

    #[test]
    fn grow_append_pop_under_a_reader() {
        let mut b = loom::model::Builder::new();
        b.preemption_bound = Some(3);
        b.check(|| {
            let first = new_buf(1);
            // SAFETY (test): not published yet.
            unsafe {
                (&(*first).words)[0].store(new_val(1), Ordering::Relaxed);
                (*first).len.store(1, Ordering::Relaxed);
            }
            let s = Arc::new(Shared { d: Domain::new(), buf: AtomicPtr::new(first) });
            let r = s.d.register();
            r.online(&s.d);
            let s2 = s.clone();
            let t = loom::thread::spawn(move || {
                let v = read_last(&s2);
                assert!(matches!(v, Some(1) | Some(2)));
                r.quiescent(&s2.d);
                let v = read_last(&s2);
                assert!(matches!(v, Some(1) | Some(2)));
                r.offline();
            });
            writer(&s);
            t.join().unwrap();
            let p = s.buf.load(Ordering::Relaxed);
            // SAFETY (test): every thread is done; the current buffer and its
            // one item are ours.
            unsafe {
                drop(Box::from_raw((&(*p).words)[0].load(Ordering::Relaxed) as *mut Val));
                drop(Box::from_raw(p));
            }
        });
    }
}
