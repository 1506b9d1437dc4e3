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

/// `sys._settraceallthreads` / `sys._setprofileallthreads` replaced every
/// thread's hook. Never cleared once set (each thread compares generations;
/// only programs that used those calls pay the slow path).
pub(crate) const HOOKS_CHANGED: u8 = 8;

/// The hooks for every thread: [trace, profile], each with the generation it
/// was set at (0: never).
static ALL_THREADS_HOOKS: parking_lot::Mutex<[(u64, Option<crate::value::Value>); 2]> =
    parking_lot::Mutex::new([(0, None), (0, None)]);
/// The latest generation in `ALL_THREADS_HOOKS`.
static ALL_THREADS_HOOKS_GEN: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);

/// The current all-threads hooks generation (a new thread starts having
/// seen it: as in CPython, only threads running at the call get the hook).
pub(crate) fn all_threads_hooks_generation() -> u64 {
    ALL_THREADS_HOOKS_GEN.load(Ordering::SeqCst)
}

/// Sets the trace (or profile) hook of every thread: this one now, the
/// others at their next safepoint.
pub fn set_hook_all_threads(ts: &ThreadState, profile: bool, f: Option<crate::value::Value>) {
    {
        let mut hooks = ALL_THREADS_HOOKS.lock();
        let generation = ALL_THREADS_HOOKS_GEN.load(Ordering::SeqCst) + 1;
        hooks[usize::from(profile)] = (generation, f.clone());
        ALL_THREADS_HOOKS_GEN.store(generation, Ordering::SeqCst);
    }
    ts.hooks_generation_seen.set(all_threads_hooks_generation());
    crate::eval::set_hook(ts, profile, f);
    set_pending(HOOKS_CHANGED);
}

/// Applies the all-threads hooks set since this thread last looked.
fn apply_all_threads_hooks(ts: &ThreadState) {
    let seen = ts.hooks_generation_seen.get();
    if ALL_THREADS_HOOKS_GEN.load(Ordering::SeqCst) == seen {
        return;
    }
    let (latest, changes) = {
        let hooks = ALL_THREADS_HOOKS.lock();
        let latest = ALL_THREADS_HOOKS_GEN.load(Ordering::SeqCst);
        let changes: Vec<(bool, Option<crate::value::Value>)> =
            hooks.iter().enumerate().filter(|(_, (g, _))| *g > seen).map(|(i, (_, f))| (i == 1, f.clone())).collect();
        (latest, changes)
    };
    ts.hooks_generation_seen.set(latest);
    for (profile, f) in changes {
        crate::eval::set_hook(ts, profile, f);
    }
}

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
    if pending & HOOKS_CHANGED != 0 {
        apply_all_threads_hooks(ts);
    }
}
