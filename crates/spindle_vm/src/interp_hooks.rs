//! The eval breaker: what a running thread checks at backward jumps.
//! FIXME(threads): stop-the-world, GIL drop requests and signals go here.

use crate::error::PyResult;
use crate::interp::ThreadState;

#[inline]
pub(crate) fn eval_breaker(_ts: &ThreadState) -> PyResult<()> {
    Ok(())
}
