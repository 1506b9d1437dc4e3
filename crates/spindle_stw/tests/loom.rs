//! Model check of the stop-the-world state machine: a stopper that has
//! suspended every other thread has exclusive access to what attached
//! threads touch (loom reports a data race on the UnsafeCell otherwise).
#![cfg(loom)]

use loom::cell::UnsafeCell;
use loom::sync::Arc;
use spindle_stw::{Request, Slot};

/// What one mutator touches while attached (mutators run in parallel with
/// each other, so each has its own); the stopper touches all of them.
struct Shared {
    data: UnsafeCell<u64>,
}

// SAFETY (test): access to `data` is what the protocol must serialize; loom
// checks that it does.
unsafe impl Sync for Shared {}

fn attach(slot: &Slot) {
    while !slot.try_attach() {
        loom::thread::yield_now();
    }
}

/// A Python thread: attaches, works after each of `n` safepoints, detaches for good.
fn mutator(slot: Arc<Slot>, req: Arc<Request>, shared: Arc<Shared>, n: u64) {
    attach(&slot);
    for _ in 0..n {
        if req.is_set_relaxed() {
            // Safepoint: park.
            slot.detach();
            attach(&slot);
        }
        // SAFETY (test): attached; loom checks exclusion.
        shared.data.with_mut(|p| unsafe { *p += 1 });
    }
    slot.detach();
}

/// Tries `rounds` times to suspend every slot (the real stopper's deadline);
/// on success touches every mutator's data with the world stopped. Returns
/// whether it stopped the world. Either way the world runs again afterwards.
fn stopper(slots: &[Arc<Slot>], req: &Request, shared: &[Arc<Shared>], rounds: usize) -> bool {
    req.set();
    let mut done = vec![false; slots.len()];
    for _ in 0..rounds {
        for (i, s) in slots.iter().enumerate() {
            if !done[i] && s.try_suspend() {
                done[i] = true;
            }
        }
        if done.iter().all(|d| *d) {
            break;
        }
        loom::thread::yield_now();
    }
    let stopped = done.iter().all(|d| *d);
    if stopped {
        for sh in shared {
            // SAFETY (test): the world is stopped; loom checks exclusion.
            sh.data.with_mut(|p| unsafe { *p += 100 });
        }
    }
    req.clear();
    for (i, s) in slots.iter().enumerate() {
        if done[i] {
            s.resume();
        }
    }
    stopped
}

#[test]
fn stopped_world_is_exclusive_one_mutator() {
    loom::model(|| {
        let shared = Arc::new(Shared { data: UnsafeCell::new(0) });
        let req = Arc::new(Request::new());
        let slot = Arc::new(Slot::new_detached());
        let t = {
            let (slot, req, shared) = (slot.clone(), req.clone(), shared.clone());
            loom::thread::spawn(move || mutator(slot, req, shared, 2))
        };
        let stopped = stopper(&[slot], &req, std::slice::from_ref(&shared), usize::MAX);
        assert!(stopped);
        t.join().unwrap();
        // SAFETY (test): all threads joined.
        let v = shared.data.with(|p| unsafe { *p });
        assert_eq!(v, 102);
    });
}

#[test]
fn stopped_world_is_exclusive_two_mutators() {
    let mut b = loom::model::Builder::new();
    b.preemption_bound = Some(1);
    b.max_branches = 100_000;
    b.check(|| {
        let shared: Vec<Arc<Shared>> = (0..2).map(|_| Arc::new(Shared { data: UnsafeCell::new(0) })).collect();
        let req = Arc::new(Request::new());
        let slots: Vec<Arc<Slot>> = (0..2).map(|_| Arc::new(Slot::new_detached())).collect();
        let ts: Vec<_> = slots
            .iter()
            .zip(&shared)
            .map(|(s, sh)| {
                let (slot, req, sh) = (s.clone(), req.clone(), sh.clone());
                loom::thread::spawn(move || mutator(slot, req, sh, 1))
            })
            .collect();
        // A bounded stopper, as the real one (deadline): it may give up.
        let stopped = stopper(&slots, &req, &shared, 2);
        for t in ts {
            t.join().unwrap();
        }
        for sh in &shared {
            // SAFETY (test): all threads joined.
            let v = sh.data.with(|p| unsafe { *p });
            assert_eq!(v, if stopped { 101 } else { 1 });
        }
    });
}
