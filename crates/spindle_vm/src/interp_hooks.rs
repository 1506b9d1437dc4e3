//! The eval breaker: what a running thread checks at backward jumps and
//! calls. It parks the thread when another thread stops the world, and runs
//! the cycle collector when this thread's allocations passed the threshold.
//! It also runs the Python handlers of OS signals that arrived (main
//! thread). FIXME(threads): GIL drop requests go here too.

use std::sync::atomic::Ordering;

use crate::error::PyResult;
use crate::interp::ThreadState;

#[inline]
pub(crate) fn eval_breaker(ts: &ThreadState) -> PyResult<()> {
    if crate::interp::stop_requested() {
        ts.park();
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
