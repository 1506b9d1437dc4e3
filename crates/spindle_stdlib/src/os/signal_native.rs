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

/// A signal set from an iterable of signal numbers.
fn sigset_of(ts: &ThreadState, v: &Value) -> PyResult<libc::sigset_t> {
    // SAFETY: sigemptyset initialises the set before use.
    let mut set: libc::sigset_t = unsafe { std::mem::zeroed() };
    // SAFETY: set is a valid sigset_t.
    unsafe { libc::sigemptyset(&mut set) };
    for s in spindle_vm::ops::collect(ts, v)? {
        let n = to_i64(ts, &s)?;
        if !(1..signals::NSIG as i64).contains(&n) {
            raise!(ValueError, "signal number {} out of range [1; {}]", n, signals::NSIG - 1);
        }
        // SAFETY: n is a valid signal number (checked).
        unsafe { libc::sigaddset(&mut set, n as i32) };
    }
    Ok(set)
}

/// The members of a signal set, as a list of ints.
fn sigset_list(set: &libc::sigset_t) -> Value {
    let items = (1..signals::NSIG as i32)
        // SAFETY: set is an initialised sigset_t; i is a valid signal number.
        .filter(|i| unsafe { libc::sigismember(set, *i) } == 1)
        .map(|i| new_int(i as i64))
        .collect();
    spindle_vm::seq::new_list(items)
}

fn s_pthread_sigmask(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let [how, mask] = parse("pthread_sigmask", a, ["how", "mask"], 2)?;
    let how = to_i64(ts, &how.unwrap_or_else(none))? as i32;
    let set = sigset_of(ts, &mask.unwrap_or_else(none))?;
    // SAFETY: old is filled by pthread_sigmask.
    let mut old: libc::sigset_t = unsafe { std::mem::zeroed() };
    // SAFETY: both sets are valid; the kernel validates `how`.
    let r = unsafe { libc::pthread_sigmask(how, &set, &mut old) };
    if r != 0 {
        return Err(super::os_error(r, None, None));
    }
    signals::check(ts)?;
    Ok(sigset_list(&old))
}

fn s_sigpending(_ts: &ThreadState, _a: Args<'_>) -> PyResult<Value> {
    // SAFETY: set is filled by sigpending.
    let mut set: libc::sigset_t = unsafe { std::mem::zeroed() };
    // SAFETY: set is a valid out-pointer.
    if unsafe { libc::sigpending(&mut set) } < 0 {
        return Err(super::errno_err(None));
    }
    Ok(sigset_list(&set))
}

fn s_sigwait(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let [sigs] = parse("sigwait", a, ["sigset"], 1)?;
    let set = sigset_of(ts, &sigs.unwrap_or_else(none))?;
    let mut sig: libc::c_int = 0;
    // SAFETY: set and sig are valid; detached, the wait touches no object.
    let r = ts.detached(|| unsafe { libc::sigwait(&set, &mut sig) });
    if r != 0 {
        return Err(super::os_error(r, None, None));
    }
    Ok(new_int(sig as i64))
}

fn timeval(secs: f64) -> libc::timeval {
    let secs = secs.max(0.0);
    let whole = secs.trunc();
    let mut usec = ((secs - whole) * 1e6).round() as libc::suseconds_t;
    // A positive time below one microsecond still arms the timer.
    if whole == 0.0 && usec == 0 && secs > 0.0 {
        usec = 1;
    }
    libc::timeval { tv_sec: whole.min(i64::MAX as f64) as libc::time_t, tv_usec: usec }
}

fn itimer_pair(v: &libc::itimerval) -> Value {
    let f = |t: &libc::timeval| spindle_vm::num::new_float(t.tv_sec as f64 + t.tv_usec as f64 / 1e6);
    spindle_vm::seq::new_tuple(vec![f(&v.it_value), f(&v.it_interval)])
}

fn s_setitimer(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let [which, secs, interval] = parse("setitimer", a, ["which", "seconds", "interval"], 2)?;
    let which = to_i64(ts, &which.unwrap_or_else(none))? as i32;
    let secs = super::to_f64(ts, &secs.unwrap_or_else(none))?;
    let interval = match super::given(&interval) {
        Some(i) => super::to_f64(ts, i)?,
        None => 0.0,
    };
    let new = libc::itimerval { it_value: timeval(secs), it_interval: timeval(interval) };
    let mut old = libc::itimerval { it_value: timeval(0.0), it_interval: timeval(0.0) };
    // SAFETY: both itimervals are valid; the kernel validates `which`.
    if unsafe { libc::setitimer(which, &new, &mut old) } < 0 {
        return Err(super::errno_err(None));
    }
    Ok(itimer_pair(&old))
}

fn s_getitimer(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let [which] = parse("getitimer", a, ["which"], 1)?;
    let which = to_i64(ts, &which.unwrap_or_else(none))? as i32;
    let mut cur = libc::itimerval { it_value: timeval(0.0), it_interval: timeval(0.0) };
    // SAFETY: cur is a valid out-pointer; the kernel validates `which`.
    if unsafe { libc::getitimer(which, &mut cur) } < 0 {
        return Err(super::errno_err(None));
    }
    Ok(itimer_pair(&cur))
}

const FUNCTIONS: &[(&str, NativeFnPtr)] = &[
    ("_pthread_sigmask", s_pthread_sigmask),
    ("_sigpending", s_sigpending),
    ("_sigwait", s_sigwait),
    ("_setitimer", s_setitimer),
    ("_getitimer", s_getitimer),
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
