//! Model check of `ShortLock`: two threads that each take the lock (one
//! trying first), change shared data and give it back never overlap (loom
//! reports a data race on the UnsafeCell otherwise), and every change is
//! seen by the next holder. (With an Acquire-less CAS loom reports the
//! race; three threads exceed loom's branch limit with the spin wait.)
#![cfg(loom)]

use loom::cell::UnsafeCell;
use loom::sync::Arc;
use spindle_sync::ShortLock;

struct Guarded {
    lock: ShortLock,
    data: UnsafeCell<u32>,
}

// SAFETY (test): `data` is touched only under `lock`; loom checks that.
unsafe impl Sync for Guarded {}

fn add_one(g: &Guarded, try_first: bool) {
    if !(try_first && g.lock.try_lock()) {
        g.lock.lock();
    }
    // SAFETY (test): held; loom checks exclusion.
    g.data.with_mut(|p| unsafe { *p += 1 });
    // SAFETY: this thread holds the lock.
    unsafe { g.lock.unlock() };
}

#[test]
fn excludes_and_publishes() {
    let mut b = loom::model::Builder::new();
    b.preemption_bound = Some(3);
    b.check(|| {
        let g = Arc::new(Guarded { lock: ShortLock::new(), data: UnsafeCell::new(0) });
        let g2 = g.clone();
        let t = loom::thread::spawn(move || add_one(&g2, true));
        add_one(&g, false);
        t.join().unwrap();
        g.lock.lock();
        // SAFETY (test): held.
        let total = g.data.with(|p| unsafe { *p });
        assert_eq!(total, 2);
        // SAFETY: held.
        unsafe { g.lock.unlock() };
    });
}
