//! The eval breaker: what a running thread checks at backward jumps and
//! calls. It parks the thread when another thread stops the world, hands
//! the GIL over when a waiting thread asks for it (GIL mode), and runs the
//! cycle collector when this thread's allocations passed the threshold.
//! It also runs the Python handlers of OS signals that arrived (main
//! thread).
//!
//! It reports a quiescent state when memory waits for one (`qsbr`).
//!
//! Stop requests, GIL drop requests and QSBR requests share one word ([`PENDING`]), so the
//! common case (nothing asked) costs one relaxed load for both, as the stop
//! request alone did before GIL mode existed.

use std::sync::atomic::{AtomicU8, Ordering};

use crate::error::PyResult;
use crate::interp::ThreadState;

/// A stopper waits for attached threads to reach a safepoint.
pub(crate) const STOP_REQUESTED: u8 = 1;
/// A thread waiting for the GIL asks the holder to drop it.
pub(crate) const GIL_DROP_REQUEST: u8 = 2;
/// Memory waits for every thread's quiescent state (`qsbr`).
pub(crate) const QSBR_PENDING: u8 = 4;

/// What attached threads must attend to at their next safepoint (a hint:
/// the precise state is `interp`'s stop request and the GIL's own flag).
static PENDING: AtomicU8 = AtomicU8::new(0);

pub(crate) fn set_pending(bit: u8) {
    PENDING.fetch_or(bit, Ordering::SeqCst);
}

pub(crate) fn clear_pending(bit: u8) {
    PENDING.fetch_and(!bit, Ordering::SeqCst);
}

#[inline]
pub(crate) fn eval_breaker(ts: &ThreadState) -> PyResult<()> {
    let pending = PENDING.load(Ordering::Relaxed);
    if pending != 0 {
        attend(ts, pending);
    }
    if crate::signals::pending() {
        crate::signals::check(ts)?;
    }
    if crate::brc::pending(&ts.brc) {
        crate::brc::process(&ts.brc);
    }
    let t0 = ts.interp.gc.threshold[0].load(Ordering::Relaxed) as isize;
    if ts.gc_reg.count() > t0 && t0 > 0 {
        crate::gc::maybe_collect_auto(ts);
    }
    Ok(())
}

#[cold]
#[inline(never)]
fn attend(ts: &ThreadState, pending: u8) {
    if pending & STOP_REQUESTED != 0 && crate::interp::stop_requested() {
        ts.park();
    }
    if pending & GIL_DROP_REQUEST != 0 {
        ts.gil_drop_point();
    }
    if pending & QSBR_PENDING != 0 {
        crate::qsbr::quiescent();
    }
}
