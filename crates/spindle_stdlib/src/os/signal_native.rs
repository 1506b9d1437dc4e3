//! `_spindle_signal`: the OS side of our `_signal` module (which is Python,
//! core/py/_signal.py): setting a signal's disposition, the wakeup fd,
//! raising a signal, `alarm`, `pause` and `pthread_kill`. Delivery itself
//! (record in the C handler, run the Python handler on the main thread)
//! is `spindle_vm::signals`.

use spindle_vm::error::PyResult;
use spindle_vm::function::{Args, NativeFnPtr};
use spindle_vm::interp::ThreadState;
use spindle_vm::num::new_int;
use spindle_vm::runtime::none;
use spindle_vm::signals::{self, Disposition};
use spindle_vm::value::Value;
use spindle_vm::raise;

use super::{parse, to_i64};

fn sig_arg(ts: &ThreadState, v: &Option<Value>) -> PyResult<i32> {
    let s = to_i64(ts, &v.clone().unwrap_or_else(none))?;
    if !(1..signals::NSIG as i64).contains(&s) {
        raise!(ValueError, "signal number out of range");
    }
    Ok(s as i32)
}

/// `_set(signum, how)`: 0 default, 1 ignore, 2 the Python handler.
fn s_set(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let [sig, how] = parse("_set", a, ["signalnum", "how"], 2)?;
    let sig = sig_arg(ts, &sig)?;
    let how = match to_i64(ts, &how.unwrap_or_else(none))? {
        0 => Disposition::Default,
        1 => Disposition::Ignore,
        _ => Disposition::Python,
    };
    if !signals::is_main_thread() {
        raise!(ValueError, "signal only works in main thread of the main interpreter");
    }
    match signals::set_disposition(sig, how) {
        Ok(()) => Ok(none()),
        Err(e) => Err(super::os_error(e, None, None)),
    }
}

fn s_set_wakeup_fd(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let pos = Args { args: a.positional(), kwnames: &[] };
    let [fd] = parse("set_wakeup_fd", pos, ["fd"], 1)?;
    let fd = to_i64(ts, &fd.unwrap_or_else(none))?;
    if !signals::is_main_thread() {
        raise!(ValueError, "set_wakeup_fd only works in main thread of the main interpreter");
    }
    if fd != -1 {
        let fd = i32::try_from(fd).map_err(|_| spindle_vm::err!(ValueError, "invalid fd"))?;
        // SAFETY: fcntl F_GETFL on an integer descriptor; the kernel validates it.
        let fl = unsafe { libc::fcntl(fd, libc::F_GETFL) };
        if fl < 0 {
            return Err(super::errno_err(None));
        }
        if fl & libc::O_NONBLOCK == 0 {
            raise!(ValueError, "the fd {} must be in non-blocking mode", fd);
        }
    }
    Ok(new_int(signals::set_wakeup_fd(fd as i32) as i64))
}

fn s_raise_signal(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let [sig] = parse("raise_signal", a, ["signalnum"], 1)?;
    let sig = sig_arg(ts, &sig)?;
    // SAFETY: raise takes a checked signal number.
    if unsafe { libc::raise(sig) } != 0 {
        return Err(super::errno_err(None));
    }
    signals::check(ts)?;
    Ok(none())
}

fn s_check(ts: &ThreadState, _a: Args<'_>) -> PyResult<Value> {
    signals::check(ts)?;
    Ok(none())
}

fn s_alarm(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let [secs] = parse("alarm", a, ["seconds"], 1)?;
    let secs = to_i64(ts, &secs.unwrap_or_else(none))?.clamp(0, u32::MAX as i64) as u32;
    // SAFETY: alarm takes a plain number.
    Ok(new_int(unsafe { libc::alarm(secs) } as i64))
}

fn s_pause(ts: &ThreadState, _a: Args<'_>) -> PyResult<Value> {
    // SAFETY: pause only waits for a signal; detached, it touches no object.
    ts.detached(|| unsafe { libc::pause() });
    signals::check(ts)?;
    Ok(none())
}

fn s_pthread_kill(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let [tid, sig] = parse("pthread_kill", a, ["thread_id", "signalnum"], 2)?;
    let tid = spindle_vm::num::int_to_big(&tid.unwrap_or_else(none)).and_then(|b| u64::try_from(b).ok());
    let Some(tid) = tid else { raise!(OverflowError, "thread id out of range") };
    let sig = to_i64(ts, &sig.unwrap_or_else(none))? as i32;
    // SAFETY: pthread_kill validates the signal; a stale thread id is the
    // caller's responsibility, as in CPython.
    let r = unsafe { libc::pthread_kill(tid as libc::pthread_t, sig) };
    if r != 0 {
        return Err(super::os_error(r, None, None));
    }
    signals::check(ts)?;
    Ok(none())
}

const FUNCTIONS: &[(&str, NativeFnPtr)] = &[
    ("_set", s_set),
    ("set_wakeup_fd", s_set_wakeup_fd),
    ("raise_signal", s_raise_signal),
    ("_check", s_check),
    ("alarm", s_alarm),
    ("pause", s_pause),
    ("pthread_kill", s_pthread_kill),
];

pub(crate) fn init(_ts: &ThreadState) -> PyResult<Value> {
    Ok(spindle_vm::native::new_module("_spindle_signal", FUNCTIONS))
}
