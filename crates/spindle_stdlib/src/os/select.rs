//! The `select` module: `select()` (done with `ppoll`, so descriptors above
//! FD_SETSIZE work too), `poll` objects and Linux `epoll` objects, with the
//! POLL*/EPOLL* constants. Every wait runs detached so other threads can
//! stop the world meanwhile; the detached closures touch only Rust data.

use std::sync::OnceLock;
use std::sync::atomic::{AtomicI32, Ordering};
use std::time::{Duration, Instant};

use parking_lot::Mutex;
use spindle_vm::error::PyResult;
use spindle_vm::function::{Args, NativeFnPtr};
use spindle_vm::interp::ThreadState;
use spindle_vm::num::{new_bool, new_int};
use spindle_vm::object::{PyPayload, TypeRef};
use spindle_vm::runtime::{none, rt};
use spindle_vm::seq::{new_list, new_tuple};
use spindle_vm::value::Value;
use spindle_vm::{ops, raise};

use super::{given, os_error, parse, to_i64};

static POLL_TYPE: OnceLock<TypeRef> = OnceLock::new();
static EPOLL_TYPE: OnceLock<TypeRef> = OnceLock::new();

fn errno_now() -> i32 {
    super::last_errno()
}

/// The descriptor of `v`: an int, or what its `fileno()` returns.
pub(crate) fn fd_of(ts: &ThreadState, v: &Value) -> PyResult<i32> {
    let n = if spindle_vm::num::is_int(v) {
        to_i64(ts, v)?
    } else {
        match ops::getattr_opt(ts, v, "fileno")? {
            Some(f) => {
                let r = ops::call(ts, &f, &[])?;
                if !spindle_vm::num::is_int(&r) {
                    raise!(TypeError, "fileno() returned a non-integer");
                }
                to_i64(ts, &r)?
            }
            None => raise!(TypeError, "argument must be an int, or have a fileno() method."),
        }
    };
    if n < 0 {
        raise!(ValueError, "file descriptor cannot be a negative integer ({})", n);
    }
    if n > i32::MAX as i64 {
        raise!(OverflowError, "Python int too large to convert to C int");
    }
    Ok(n as i32)
}

/// Seconds (None: forever) as an optional duration; `what` names the
/// argument in CPython's errors.
fn seconds_timeout(ts: &ThreadState, v: &Option<Value>, negative_forever: bool) -> PyResult<Option<Duration>> {
    let Some(v) = given(v) else { return Ok(None) };
    let f = if let Some(f) = spindle_vm::num::float_value(v) {
        f
    } else if spindle_vm::num::is_int(v) {
        to_i64(ts, v)? as f64
    } else {
        raise!(TypeError, "timeout must be a float or None");
    };
    if f.is_nan() {
        raise!(ValueError, "Invalid value NaN (not a number)");
    }
    if f < 0.0 {
        if negative_forever {
            return Ok(None);
        }
        raise!(ValueError, "timeout must be non-negative");
    }
    if f > 9.2e9 {
        raise!(OverflowError, "timeout is too large");
    }
    Ok(Some(Duration::from_secs_f64(f)))
}

/// Polls `fds` until one is ready or the timeout passes, retrying after
/// EINTR with the time left. Detached while waiting.
fn poll_fds(ts: &ThreadState, fds: &mut [libc::pollfd], timeout: Option<Duration>) -> PyResult<i32> {
    let deadline = timeout.map(|d| Instant::now() + d);
    loop {
        let ts_spec = deadline.map(|d| {
            let left = d.saturating_duration_since(Instant::now());
            libc::timespec { tv_sec: left.as_secs() as libc::time_t, tv_nsec: left.subsec_nanos() as libc::c_long }
        });
        let r = ts.detached(|| {
            // SAFETY: fds is a valid slice of pollfd for its length; the
            // timespec (if any) lives across the call; no signal mask.
            unsafe {
                libc::ppoll(
                    fds.as_mut_ptr(),
                    fds.len() as libc::nfds_t,
                    ts_spec.as_ref().map_or(std::ptr::null(), |t| t as *const libc::timespec),
                    std::ptr::null(),
                )
            }
        });
        if r >= 0 {
            return Ok(r);
        }
        let e = errno_now();
        if e != libc::EINTR {
            return Err(os_error(e, None, None));
        }
        spindle_vm::signals::check(ts)?;
    }
}

fn sel_select(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let [r, w, x, timeout] = parse("select", a, ["rlist", "wlist", "xlist", "timeout"], 3)?;
    let timeout = seconds_timeout(ts, &timeout, false)?;
    let lists: Vec<Vec<Value>> = [r, w, x]
        .iter()
        .map(|l| ops::collect(ts, &l.clone().unwrap_or_else(none)).map_err(|_| {
            spindle_vm::err!(TypeError, "arguments 1-3 must be sequences")
        }))
        .collect::<PyResult<_>>()?;
    let mut fds: Vec<libc::pollfd> = Vec::new();
    let mut which: Vec<Vec<(i32, Value)>> = Vec::new();
    let masks = [libc::POLLIN, libc::POLLOUT, libc::POLLPRI];
    for (i, l) in lists.iter().enumerate() {
        let mut items = Vec::new();
        for v in l {
            let fd = fd_of(ts, v)?;
            match fds.iter_mut().find(|p| p.fd == fd) {
                Some(p) => p.events |= masks[i],
                None => fds.push(libc::pollfd { fd, events: masks[i], revents: 0 }),
            }
            items.push((fd, v.clone()));
        }
        which.push(items);
    }
    poll_fds(ts, &mut fds, timeout)?;
    if fds.iter().any(|p| p.revents & libc::POLLNVAL != 0) {
        return Err(os_error(libc::EBADF, None, None));
    }
    let ready = [
        libc::POLLIN | libc::POLLHUP | libc::POLLERR,
        libc::POLLOUT | libc::POLLERR,
        libc::POLLPRI,
    ];
    let mut out = Vec::with_capacity(3);
    for (i, items) in which.iter().enumerate() {
        let mut got = Vec::new();
        for (fd, v) in items {
            if let Some(p) = fds.iter().find(|p| p.fd == *fd) {
                if p.revents & ready[i] != 0 {
                    got.push(v.clone());
                }
            }
        }
        out.push(new_list(got));
    }
    Ok(new_tuple(out))
}

// ---------------------------------------------------------------------------
// poll objects.

/// A poll object: registered descriptors with their event masks, in
/// registration order.
pub(crate) struct PyPoll {
    fds: Mutex<Vec<(i32, i16)>>,
}

impl PyPayload for PyPoll {
    const KIND: spindle_vm::object::PayloadKind = crate::kinds::kind(crate::kinds::OS_BASE + 11);
}

fn this_poll<'a>(a: &'a Args<'_>) -> PyResult<&'a PyPoll> {
    match a.args.first().and_then(|v| v.downcast::<PyPoll>()) {
        Some(p) => Ok(p),
        None => raise!(TypeError, "descriptor requires a 'select.poll' object"),
    }
}

fn rest<'a>(a: &Args<'a>) -> Args<'a> {
    Args { args: a.args.get(1..).unwrap_or(&[]), kwnames: a.kwnames }
}

fn event_mask(ts: &ThreadState, v: &Option<Value>, default: i64) -> PyResult<i64> {
    let m = super::opt_i64(ts, v, default)?;
    if !(0..=0xffff_ffff).contains(&m) {
        raise!(OverflowError, "Python int too large for C unsigned short");
    }
    Ok(m)
}

fn sel_poll(_ts: &ThreadState, _a: Args<'_>) -> PyResult<Value> {
    match POLL_TYPE.get() {
        Some(t) => Ok(spindle_vm::object::alloc(*t, PyPoll { fds: Mutex::new(Vec::new()) })),
        None => raise!(RuntimeError, "select not initialised"),
    }
}

fn poll_register(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let p = this_poll(&a)?;
    let [fd, mask] = parse("register", rest(&a), ["fd", "eventmask"], 1)?;
    let fd = fd_of(ts, &fd.unwrap_or_else(none))?;
    let mask = event_mask(ts, &mask, (libc::POLLIN | libc::POLLPRI | libc::POLLOUT) as i64)?;
    if mask > 0xffff {
        raise!(OverflowError, "Python int too large for C unsigned short");
    }
    let mut g = p.fds.lock();
    match g.iter_mut().find(|e| e.0 == fd) {
        Some(e) => e.1 = mask as i16,
        None => g.push((fd, mask as i16)),
    }
    Ok(none())
}

fn poll_modify(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let p = this_poll(&a)?;
    let [fd, mask] = parse("modify", rest(&a), ["fd", "eventmask"], 2)?;
    let fd = fd_of(ts, &fd.unwrap_or_else(none))?;
    let mask = event_mask(ts, &mask, 0)?;
    if mask > 0xffff {
        raise!(OverflowError, "Python int too large for C unsigned short");
    }
    let mut g = p.fds.lock();
    match g.iter_mut().find(|e| e.0 == fd) {
        Some(e) => e.1 = mask as i16,
        None => return Err(os_error(libc::ENOENT, None, None)),
    }
    Ok(none())
}

fn poll_unregister(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let p = this_poll(&a)?;
    let [fdv] = parse("unregister", rest(&a), ["fd"], 1)?;
    let fdv = fdv.unwrap_or_else(none);
    let fd = fd_of(ts, &fdv)?;
    let mut g = p.fds.lock();
    match g.iter().position(|e| e.0 == fd) {
        Some(i) => {
            g.remove(i);
            Ok(none())
        }
        None => Err(spindle_vm::error::PyErr(spindle_vm::exceptions::new_exception(rt().exc.KeyError, vec![new_int(fd as i64)]))),
    }
}

fn poll_poll(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let p = this_poll(&a)?;
    let [t] = parse("poll", rest(&a), ["timeout"], 0)?;
    // Milliseconds; None or negative waits forever.
    let timeout = match given(&t) {
        None => None,
        Some(v) => {
            let ms = if let Some(f) = spindle_vm::num::float_value(v) {
                if f.is_nan() {
                    raise!(ValueError, "Invalid value NaN (not a number)");
                }
                f
            } else if spindle_vm::num::is_int(v) {
                to_i64(ts, v)? as f64
            } else {
                raise!(TypeError, "timeout must be an integer or None");
            };
            if ms < 0.0 { None } else { Some(Duration::from_secs_f64((ms.ceil() / 1000.0).min(9.2e9))) }
        }
    };
    let mut fds: Vec<libc::pollfd> =
        p.fds.lock().iter().map(|(fd, ev)| libc::pollfd { fd: *fd, events: *ev, revents: 0 }).collect();
    poll_fds(ts, &mut fds, timeout)?;
    let out = fds
        .iter()
        .filter(|p| p.revents != 0)
        .map(|p| new_tuple(vec![new_int(p.fd as i64), new_int(p.revents as u16 as i64)]))
        .collect();
    Ok(new_list(out))
}

// ---------------------------------------------------------------------------
// epoll objects.

/// An epoll object: its descriptor, -1 once closed.
pub(crate) struct PyEpoll {
    fd: AtomicI32,
}

impl PyPayload for PyEpoll {
    const KIND: spindle_vm::object::PayloadKind = crate::kinds::kind(crate::kinds::OS_BASE + 12);
}

impl Drop for PyEpoll {
    fn drop(&mut self) {
        let fd = *self.fd.get_mut();
        if fd >= 0 {
            // SAFETY: the epoll object owns fd and is going away.
            unsafe { libc::close(fd) };
        }
    }
}

fn this_epoll<'a>(a: &'a Args<'_>) -> PyResult<&'a PyEpoll> {
    match a.args.first().and_then(|v| v.downcast::<PyEpoll>()) {
        Some(p) => Ok(p),
        None => raise!(TypeError, "descriptor requires a 'select.epoll' object"),
    }
}

fn open_epfd(e: &PyEpoll) -> PyResult<i32> {
    let fd = e.fd.load(Ordering::Relaxed);
    if fd < 0 {
        raise!(ValueError, "I/O operation on closed epoll object");
    }
    Ok(fd)
}

fn epoll_new(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let cls = a.args.first().and_then(TypeRef::from_value).or_else(|| EPOLL_TYPE.get().copied());
    let Some(cls) = cls else { raise!(RuntimeError, "select not initialised") };
    let [sizehint, flags] = parse("epoll", rest(&a), ["sizehint", "flags"], 0)?;
    let sizehint = super::opt_i64(ts, &sizehint, -1)?;
    if sizehint == 0 || sizehint < -1 {
        raise!(ValueError, "negative sizehint");
    }
    let _ = super::opt_i64(ts, &flags, 0)?;
    // SAFETY: epoll_create1 takes a plain flag.
    let fd = unsafe { libc::epoll_create1(libc::EPOLL_CLOEXEC) };
    if fd < 0 {
        return Err(os_error(errno_now(), None, None));
    }
    Ok(spindle_vm::object::alloc(cls, PyEpoll { fd: AtomicI32::new(fd) }))
}

fn epoll_fromfd(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let cls = a.args.first().and_then(TypeRef::from_value).or_else(|| EPOLL_TYPE.get().copied());
    let Some(cls) = cls else { raise!(RuntimeError, "select not initialised") };
    let [fd] = parse("fromfd", rest(&a), ["fd"], 1)?;
    let fd = to_i64(ts, &fd.unwrap_or_else(none))? as i32;
    Ok(spindle_vm::object::alloc(cls, PyEpoll { fd: AtomicI32::new(fd) }))
}

fn epoll_close(_ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let e = this_epoll(&a)?;
    let fd = e.fd.swap(-1, Ordering::Relaxed);
    // SAFETY: the object owned fd and has just given it up.
    if fd >= 0 && unsafe { libc::close(fd) } < 0 {
        return Err(os_error(errno_now(), None, None));
    }
    Ok(none())
}

fn epoll_closed(_ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    Ok(new_bool(this_epoll(&a)?.fd.load(Ordering::Relaxed) < 0))
}

fn epoll_fileno(_ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let e = this_epoll(&a)?;
    Ok(new_int(open_epfd(e)? as i64))
}

fn epoll_ctl(ts: &ThreadState, a: Args<'_>, op: i32, name: &str) -> PyResult<Value> {
    let e = this_epoll(&a)?;
    let epfd = open_epfd(e)?;
    let (fd, mask) = if op == libc::EPOLL_CTL_DEL {
        let [fd] = parse(name, rest(&a), ["fd"], 1)?;
        (fd_of(ts, &fd.unwrap_or_else(none))?, 0)
    } else {
        let [fd, mask] = parse(name, rest(&a), ["fd", "eventmask"], if op == libc::EPOLL_CTL_ADD { 1 } else { 2 })?;
        let dflt = (libc::EPOLLIN | libc::EPOLLPRI | libc::EPOLLOUT) as i64;
        (fd_of(ts, &fd.unwrap_or_else(none))?, event_mask(ts, &mask, dflt)? as u32)
    };
    let mut ev = libc::epoll_event { events: mask, u64: fd as u64 };
    // SAFETY: ev is a valid epoll_event; the kernel validates the descriptors.
    if unsafe { libc::epoll_ctl(epfd, op, fd, &mut ev) } < 0 {
        return Err(os_error(errno_now(), None, None));
    }
    Ok(none())
}

fn epoll_register(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    epoll_ctl(ts, a, libc::EPOLL_CTL_ADD, "register")
}
fn epoll_modify(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    epoll_ctl(ts, a, libc::EPOLL_CTL_MOD, "modify")
}
fn epoll_unregister(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    epoll_ctl(ts, a, libc::EPOLL_CTL_DEL, "unregister")
}

fn epoll_poll(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let e = this_epoll(&a)?;
    let epfd = open_epfd(e)?;
    let [t, maxevents] = parse("poll", rest(&a), ["timeout", "maxevents"], 0)?;
    let timeout = seconds_timeout(ts, &t, true)?;
    let mut maxevents = super::opt_i64(ts, &maxevents, -1)?;
    if maxevents == -1 {
        maxevents = 1024;
    } else if maxevents < 1 {
        raise!(ValueError, "maxevents must be greater than 0, got {}", maxevents);
    }
    let mut evs = vec![libc::epoll_event { events: 0, u64: 0 }; maxevents.min(1 << 16) as usize];
    let deadline = timeout.map(|d| Instant::now() + d);
    let n = loop {
        let ms: i32 = match deadline {
            None => -1,
            Some(d) => d.saturating_duration_since(Instant::now()).as_micros().div_ceil(1000).min(i32::MAX as u128) as i32,
        };
        // SAFETY: evs is a writable array of evs.len() epoll_events.
        let r = ts.detached(|| unsafe { libc::epoll_wait(epfd, evs.as_mut_ptr(), evs.len() as i32, ms) });
        if r >= 0 {
            break r as usize;
        }
        let err = errno_now();
        if err != libc::EINTR {
            return Err(os_error(err, None, None));
        }
        spindle_vm::signals::check(ts)?;
    };
    let out = evs[..n]
        .iter()
        .map(|ev| {
            let (events, data) = (ev.events, ev.u64);
            new_tuple(vec![new_int(data as i32 as i64), new_int(events as i64)])
        })
        .collect();
    Ok(new_list(out))
}

fn epoll_enter(_ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let e = this_epoll(&a)?;
    open_epfd(e)?;
    Ok(a.args[0].clone())
}

fn epoll_exit(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    epoll_close(ts, Args { args: &a.args[..1], kwnames: &[] })
}

const FUNCTIONS: &[(&str, NativeFnPtr)] = &[("select", sel_select), ("poll", sel_poll)];

pub(crate) fn init(_ts: &ThreadState) -> PyResult<Value> {
    let m = spindle_vm::native::new_module("select", FUNCTIONS);
    POLL_TYPE.get_or_init(|| {
        let t = spindle_vm::native::new_type::<PyPoll>("poll", "select", None, false);
        spindle_vm::native::add_methods(
            t,
            &[
                ("register", poll_register),
                ("modify", poll_modify),
                ("unregister", poll_unregister),
                ("poll", poll_poll),
            ],
        );
        t
    });
    let et = *EPOLL_TYPE.get_or_init(|| {
        let t = spindle_vm::native::new_type::<PyEpoll>("epoll", "select", None, true);
        spindle_vm::native::add_methods(
            t,
            &[
                ("close", epoll_close),
                ("fileno", epoll_fileno),
                ("register", epoll_register),
                ("modify", epoll_modify),
                ("unregister", epoll_unregister),
                ("poll", epoll_poll),
                ("__enter__", epoll_enter),
                ("__exit__", epoll_exit),
            ],
        );
        spindle_vm::native::set_new(t, epoll_new);
        spindle_vm::native::add_classmethod(t, "fromfd", epoll_fromfd);
        crate::math::add_getter(t, "closed", epoll_closed);
        t
    });
    spindle_vm::native::add_value(&m, "epoll", et.to_value());
    spindle_vm::native::add_value(&m, "error", rt().exc.OSError.to_value());
    for (name, v) in super::net_consts::SELECT_CONSTANTS {
        spindle_vm::native::add_value(&m, name, new_int(*v));
    }
    Ok(m)
}
