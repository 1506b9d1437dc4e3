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
