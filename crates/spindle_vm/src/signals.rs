//! OS signals, as CPython delivers them: the C-level handler only records
//! the signal (and writes its number to the wakeup fd, if one is set); the
//! Python handler runs later on the main thread, at the next eval breaker
//! or when a blocking call returns EINTR and asks (`check`). A signal that
//! lands on another thread is forwarded to the main thread with
//! `pthread_kill`, so the main thread's blocking call is the one
//! interrupted. The tables here are process-wide flags written from signal
//! context, not Python-visible state.

use std::sync::atomic::{AtomicBool, AtomicI32, AtomicU64, Ordering};

use crate::error::PyResult;
use crate::interp::ThreadState;

/// One past the highest signal number (Linux: 64 signals).
pub const NSIG: usize = 65;

static PENDING: [AtomicBool; NSIG] = [const { AtomicBool::new(false) }; NSIG];
static ANY_PENDING: AtomicBool = AtomicBool::new(false);
static WAKEUP_FD: AtomicI32 = AtomicI32::new(-1);
/// pthread_self() of the thread that runs Python handlers (0: not set yet).
static MAIN_THREAD: AtomicU64 = AtomicU64::new(0);

extern "C" fn on_signal(sig: libc::c_int) {
    // SAFETY (whole handler): only async-signal-safe calls (pthread_self,
    // pthread_kill, write) and atomic stores; errno is saved and restored
    // so the interrupted code sees its own.
    unsafe {
        let saved = *libc::__errno_location();
        let main = MAIN_THREAD.load(Ordering::Relaxed);
        if main != 0 && libc::pthread_self() as u64 != main {
            libc::pthread_kill(main as libc::pthread_t, sig);
            *libc::__errno_location() = saved;
            return;
        }
        if let Some(p) = PENDING.get(sig as usize) {
            p.store(true, Ordering::Relaxed);
            ANY_PENDING.store(true, Ordering::Release);
        }
        let fd = WAKEUP_FD.load(Ordering::Relaxed);
        if fd >= 0 {
            let b = sig as u8;
            libc::write(fd, (&b as *const u8).cast(), 1);
        }
        *libc::__errno_location() = saved;
    }
}

/// Makes the calling thread the one that runs Python signal handlers.
pub fn set_main_thread() {
    // SAFETY: pthread_self cannot fail.
    MAIN_THREAD.store(unsafe { libc::pthread_self() } as u64, Ordering::Relaxed);
}

pub fn is_main_thread() -> bool {
    // SAFETY: pthread_self cannot fail.
    MAIN_THREAD.load(Ordering::Relaxed) == unsafe { libc::pthread_self() } as u64
}

/// How a signal is handled at the OS level.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Disposition {
    Default,
    Ignore,
    /// Recorded, then the Python handler runs.
    Python,
}

/// Sets the OS-level handling of `sig`; the errno on failure.
pub fn set_disposition(sig: i32, how: Disposition) -> Result<(), i32> {
    // SAFETY: sigaction is plain data; all-zero is a valid start.
    let mut act: libc::sigaction = unsafe { std::mem::zeroed() };
    act.sa_sigaction = match how {
        Disposition::Default => libc::SIG_DFL,
        Disposition::Ignore => libc::SIG_IGN,
        Disposition::Python => on_signal as extern "C" fn(libc::c_int) as usize,
    };
    act.sa_flags = libc::SA_ONSTACK;
    // SAFETY: act is initialised (empty mask set below); the old action is not wanted.
    let r = unsafe {
        libc::sigemptyset(&mut act.sa_mask);
        libc::sigaction(sig, &act, std::ptr::null_mut())
    };
    if r < 0 { Err(std::io::Error::last_os_error().raw_os_error().unwrap_or(libc::EINVAL)) } else { Ok(()) }
}

/// At start-up, as CPython: SIGINT raises KeyboardInterrupt, unless the
/// process was started with SIGINT ignored.
pub fn install_startup_handlers() {
    // SAFETY: reading the current action into a zeroed out-parameter.
    let ignored = unsafe {
        let mut old: libc::sigaction = std::mem::zeroed();
        libc::sigaction(libc::SIGINT, std::ptr::null(), &mut old) == 0 && old.sa_sigaction == libc::SIG_IGN
    };
    if !ignored {
        let _ = set_disposition(libc::SIGINT, Disposition::Python);
    }
    let _ = set_disposition(libc::SIGXFSZ, Disposition::Ignore);
}

/// Blocks the asynchronous signals in the calling thread (the process's
/// first thread, which only waits for the Python main thread), so the
/// kernel delivers process-directed signals straight to a Python thread.
/// Fault signals (SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGTRAP, SIGABRT) stay
/// unblocked.
pub fn block_async_signals_here() {
    // SAFETY: the set is initialised by sigfillset before use; blocking
    // signals in this thread has no other effect.
    unsafe {
        let mut set: libc::sigset_t = std::mem::zeroed();
        libc::sigfillset(&mut set);
        for s in [libc::SIGSEGV, libc::SIGBUS, libc::SIGFPE, libc::SIGILL, libc::SIGTRAP, libc::SIGABRT] {
            libc::sigdelset(&mut set, s);
        }
        libc::pthread_sigmask(libc::SIG_BLOCK, &set, std::ptr::null_mut());
    }
}

/// Marks `sig` (1..NSIG) as arrived without the OS delivering it (CPython's
/// `PyErr_SetInterruptEx`, behind `_thread.interrupt_main`): its Python
/// handler runs at the main thread's next check; a signal whose handler is
/// SIG_DFL or SIG_IGN is then passed over.
pub fn trip(sig: i32) {
    if let Some(p) = usize::try_from(sig).ok().filter(|&s| s > 0).and_then(|s| PENDING.get(s)) {
        p.store(true, Ordering::Relaxed);
        ANY_PENDING.store(true, Ordering::Release);
    }
}

/// `signal.set_wakeup_fd`: the previous descriptor.
pub fn set_wakeup_fd(fd: i32) -> i32 {
    WAKEUP_FD.swap(fd, Ordering::Relaxed)
}

/// Whether a signal waits for its Python handler (cheap: one relaxed load).
#[inline]
pub fn pending() -> bool {
    ANY_PENDING.load(Ordering::Relaxed)
}

/// Runs the Python handlers of pending signals (main thread only); the
/// first handler's exception (KeyboardInterrupt...) is returned, the other
/// signals stay pending.
pub fn check(ts: &ThreadState) -> PyResult<()> {
    if !pending() || !is_main_thread() {
        return Ok(());
    }
    ANY_PENDING.store(false, Ordering::Relaxed);
    std::sync::atomic::fence(Ordering::Acquire);
    for sig in 1..NSIG {
        if PENDING[sig].swap(false, Ordering::Relaxed) {
            if let Err(e) = run_handler(ts, sig as i32) {
                if PENDING.iter().any(|p| p.load(Ordering::Relaxed)) {
                    ANY_PENDING.store(true, Ordering::Relaxed);
                }
                return Err(e);
            }
        }
    }
    Ok(())
}

/// Calls the handler `_signal` recorded for `sig` with (signum, frame).
fn run_handler(ts: &ThreadState, sig: i32) -> PyResult<()> {
    let module = ts.interp.modules.downcast::<crate::dict::PyDict>().and_then(|d| d.get_str("_signal"));
    let keyboard_interrupt =
        || Err(crate::error::PyErr(crate::exceptions::new_exception(crate::runtime::rt().exc.KeyboardInterrupt, vec![])));
    let handler = match module {
        Some(m) => {
            let table = crate::ops::getattr_str(ts, &m, "_handlers")?;
            let h = crate::ops::getitem(ts, &table, &crate::num::new_int(sig as i64)).ok();
            // CPython's default_int_handler is C: it raises without a frame of its own.
            let default = crate::ops::getattr_str(ts, &m, "default_int_handler").ok();
            if let (Some(h), Some(d)) = (&h, &default) {
                if h.is(d) {
                    return keyboard_interrupt();
                }
            }
            h
        }
        None if sig == libc::SIGINT => return keyboard_interrupt(),
        None => None,
    };
    match handler {
        Some(h) if crate::ops::is_callable(&h) => {
            let frame = crate::frame::frame_object(ts, 0).unwrap_or_else(crate::runtime::none);
            crate::ops::call(ts, &h, &[crate::num::new_int(sig as i64), frame]).map(drop)
        }
        _ => Ok(()),
    }
}
