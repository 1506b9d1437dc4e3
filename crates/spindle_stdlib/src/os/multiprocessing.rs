//! The `_multiprocessing` module on Linux: `SemLock`, a lock or counting
//! semaphore shared between processes through a POSIX named semaphore
//! (`sem_open`), as `multiprocessing.synchronize` uses it, plus
//! `sem_unlink` and `flags`.
//!
//! A `SemLock` keeps, per process, how many times it was acquired
//! (`count`) and by which thread last (`last_tid`): a recursive mutex is
//! "mine" while the count is positive and the last acquirer is the calling
//! thread. Both change together under a short lock (never held while
//! waiting), as CPython's critical section on the object keeps them. Blocking waits run detached and, like CPython, an `EINTR` runs
//! the pending signal handlers (their exception ends the wait) before the
//! wait resumes with the same deadline.

use std::collections::HashMap;
use std::ffi::CString;
use std::sync::OnceLock;

use parking_lot::Mutex;
use spindle_vm::error::PyResult;
use spindle_vm::function::{Args, NativeFnPtr};
use spindle_vm::interp::ThreadState;
use spindle_vm::num::{new_bool, new_int};
use spindle_vm::object::{PyPayload, TypeRef};
use spindle_vm::runtime::{is_none, none};
use spindle_vm::str::{as_str, new_str};
use spindle_vm::value::Value;
use spindle_vm::{err, ops, raise};

use super::{errno_err, last_errno, parse, to_i64};

const RECURSIVE_MUTEX: i64 = 0;
const SEMAPHORE: i64 = 1;
/// Linux's SEM_VALUE_MAX (INT_MAX).
const SEM_VALUE_MAX: i64 = i32::MAX as i64;

static SEMLOCK_TYPE: OnceLock<TypeRef> = OnceLock::new();

/// The semaphores this process has open, by address, with how many
/// `SemLock` objects use each: `sem_close` runs when the last one goes, and
/// `_rebuild` without a name accepts only an address found here (a forked
/// child inherits the table with the semaphores), never an arbitrary
/// pointer.
fn open_handles() -> &'static Mutex<HashMap<usize, usize>> {
    static OPEN: OnceLock<Mutex<HashMap<usize, usize>>> = OnceLock::new();
    OPEN.get_or_init(|| Mutex::new(HashMap::new()))
}

/// A `sem_t*` this process has open, counted in `open_handles`.
struct SemHandle(usize);

impl SemHandle {
    /// Takes over a handle `sem_open` just returned.
    fn adopt(p: *mut libc::sem_t) -> SemHandle {
        *open_handles().lock().entry(p as usize).or_insert(0) += 1;
        SemHandle(p as usize)
    }

    /// Another use of an open handle; None if `addr` is not one.
    fn share(addr: usize) -> Option<SemHandle> {
        let mut open = open_handles().lock();
        let n = open.get_mut(&addr)?;
        *n += 1;
        Some(SemHandle(addr))
    }

    fn ptr(&self) -> *mut libc::sem_t {
        self.0 as *mut libc::sem_t
    }
}

impl Drop for SemHandle {
    fn drop(&mut self) {
        let mut open = open_handles().lock();
        let last = match open.get_mut(&self.0) {
            Some(n) if *n > 1 => {
                *n -= 1;
                false
            }
            _ => true,
        };
        if last {
            open.remove(&self.0);
            // SAFETY: the handle came from sem_open and no other SemLock uses it.
            unsafe { libc::sem_close(self.ptr()) };
        }
    }
}

pub(crate) struct PySemLock {
    handle: SemHandle,
    kind: i64,
    maxvalue: i64,
    name: Option<String>,
    holders: Mutex<Holders>,
}

/// This process's hold on a semaphore.
#[derive(Default)]
struct Holders {
    /// Acquisitions minus releases by this process.
    count: i64,
    /// The thread that acquired last (a pthread ident).
    last_tid: u64,
}

impl Holders {
    fn is_mine(&self) -> bool {
        self.count > 0 && self.last_tid == super::thread::current_ident()
    }
}

impl PyPayload for PySemLock {
    const KIND: spindle_vm::object::PayloadKind = crate::kinds::kind(crate::kinds::OS_BASE + 70);
}

impl PySemLock {
    fn new(handle: SemHandle, kind: i64, maxvalue: i64, name: Option<String>) -> PySemLock {
        PySemLock { handle, kind, maxvalue, name, holders: Mutex::new(Holders::default()) }
    }

    fn value(&self) -> PyResult<i32> {
        self.raw_value().map_err(|e| super::os_error(e, None, None))
    }

    /// The semaphore's value, or the errno.
    fn raw_value(&self) -> Result<i32, i32> {
        let mut v: libc::c_int = 0;
        // SAFETY: the handle is open while self lives; v is a valid out-pointer.
        if unsafe { libc::sem_getvalue(self.handle.ptr(), &mut v) } < 0 {
            return Err(last_errno());
        }
        Ok(v)
    }

    /// `release()` with `holders` held: the error, if any, is made after the
    /// lock is let go (making an exception object may stop the world, and a
    /// thread blocked on this lock would never park).
    fn release_holding(&self, h: &mut Holders) -> Result<(), Refusal> {
        if self.kind == RECURSIVE_MUTEX {
            if !h.is_mine() {
                return Err(Refusal::NotOwner);
            }
            if h.count > 1 {
                h.count -= 1;
                return Ok(());
            }
        } else if i64::from(self.raw_value().map_err(Refusal::Os)?) >= self.maxvalue {
            // Not a guarantee against going past maxvalue (another process
            // may post meanwhile), as in CPython.
            return Err(Refusal::TooMany);
        }
        // SAFETY: the handle is open while self lives.
        if unsafe { libc::sem_post(self.handle.ptr()) } < 0 {
            return Err(Refusal::Os(last_errno()));
        }
        h.count -= 1;
        Ok(())
    }
}

/// Why a release failed.
enum Refusal {
    NotOwner,
    TooMany,
    Os(i32),
}

fn this<'a>(a: &'a Args<'_>) -> PyResult<&'a PySemLock> {
    match a.args.first().and_then(|v| v.downcast::<PySemLock>()) {
        Some(s) => Ok(s),
        None => raise!(TypeError, "descriptor requires a '_multiprocessing.SemLock' object"),
    }
}

fn rest<'a>(a: &Args<'a>) -> Args<'a> {
    Args { args: a.args.get(1..).unwrap_or(&[]), kwnames: a.kwnames }
}

fn c_int(ts: &ThreadState, v: &Value) -> PyResult<i64> {
    let i = to_i64(ts, v)?;
    if i32::try_from(i).is_err() {
        raise!(OverflowError, "Python int too large to convert to C int");
    }
    Ok(i)
}

/// A semaphore name as the C string `sem_open` takes; `what` names the
/// argument in the TypeError ("SemLock() argument 'name' must be str").
fn c_name(what: &str, v: &Value) -> PyResult<CString> {
    let Some(s) = as_str(v) else {
        raise!(TypeError, "{}, not {}", what, ops::type_name(v));
    };
    CString::new(super::encode_fs(s)).map_err(|_| err!(ValueError, "embedded null character"))
}

/// `SemLock(kind, value, maxvalue, name, unlink)`: creates the named
/// semaphore (it must not exist); with `unlink` its name is removed at
/// once and the lock keeps no name.
fn semlock_new(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let cls = a.args.first().and_then(TypeRef::from_value).or_else(|| SEMLOCK_TYPE.get().copied());
    let Some(cls) = cls else { raise!(RuntimeError, "_multiprocessing not initialised") };
    let [kind, value, maxvalue, name, unlink] =
        parse("SemLock", rest(&a), ["kind", "value", "maxvalue", "name", "unlink"], 5)?;
    let arg = |v: Option<Value>| v.unwrap_or_else(none);
    let kind = c_int(ts, &arg(kind))?;
    let value = c_int(ts, &arg(value))?;
    let maxvalue = c_int(ts, &arg(maxvalue))?;
    let name_v = arg(name);
    let name = c_name("SemLock() argument 'name' must be str", &name_v)?;
    let unlink = c_int(ts, &arg(unlink))? != 0;
    if kind != RECURSIVE_MUTEX && kind != SEMAPHORE {
        raise!(ValueError, "unrecognized kind");
    }
    // SAFETY: name is NUL-terminated; O_CREAT takes the mode and initial value.
    let p = unsafe { libc::sem_open(name.as_ptr(), libc::O_CREAT | libc::O_EXCL, 0o600 as libc::c_uint, value as libc::c_uint) };
    if p == libc::SEM_FAILED {
        return Err(errno_err(None));
    }
    let handle = SemHandle::adopt(p);
    // SAFETY: name is NUL-terminated.
    if unlink && unsafe { libc::sem_unlink(name.as_ptr()) } < 0 {
        return Err(errno_err(None));
    }
    let kept_name = if unlink { None } else { as_str(&name_v).map(str::to_owned) };
    Ok(spindle_vm::object::alloc(cls, PySemLock::new(handle, kind, maxvalue, kept_name)))
}

/// `SemLock._rebuild(handle, kind, maxvalue, name)`: the lock another
/// process pickled. A named semaphore is opened again by name; without a
/// name the handle must be one this process (or the parent it was forked
/// from) has open.
fn semlock_rebuild(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let cls = a.args.first().and_then(TypeRef::from_value).or_else(|| SEMLOCK_TYPE.get().copied());
    let Some(cls) = cls else { raise!(RuntimeError, "_multiprocessing not initialised") };
    let r = rest(&a);
    if r.has_kwargs() {
        raise!(TypeError, "_rebuild() takes no keyword arguments");
    }
    let [handle, kind, maxvalue, name] = parse("_rebuild", r, ["handle", "kind", "maxvalue", "name"], 4)?;
    let arg = |v: Option<Value>| v.unwrap_or_else(none);
    let handle = arg(handle);
    let addr = match spindle_vm::num::int_to_big(&ops::index(ts, &handle)?).and_then(|b| usize::try_from(b).ok()) {
        Some(a) => a,
        None => raise!(OverflowError, "Python int too large to convert to C unsigned long"),
    };
    let kind = c_int(ts, &arg(kind))?;
    let maxvalue = c_int(ts, &arg(maxvalue))?;
    let name_v = arg(name);
    let (handle, name) = if is_none(&name_v) {
        match SemHandle::share(addr) {
            Some(h) => (h, None),
            None => return Err(super::os_error(libc::EINVAL, None, None)),
        }
    } else {
        let c = c_name("_rebuild() argument 4 must be str or None", &name_v)?;
        // SAFETY: c is NUL-terminated; without O_CREAT no more arguments are read.
        let p = unsafe { libc::sem_open(c.as_ptr(), 0) };
        if p == libc::SEM_FAILED {
            return Err(errno_err(None));
        }
        (SemHandle::adopt(p), as_str(&name_v).map(str::to_owned))
    };
    Ok(spindle_vm::object::alloc(cls, PySemLock::new(handle, kind, maxvalue, name)))
}

/// An absolute CLOCK_REALTIME time `secs` from now (what sem_timedwait takes).
fn deadline_after(secs: f64) -> libc::timespec {
    // SAFETY: a zeroed timespec is valid; clock_gettime fills it.
    let mut now: libc::timespec = unsafe { std::mem::zeroed() };
    // SAFETY: now is a valid out-pointer.
    unsafe { libc::clock_gettime(libc::CLOCK_REALTIME, &mut now) };
    let whole = secs.trunc();
    let add_s = if whole >= i64::MAX as f64 { i64::MAX } else { whole as i64 };
    let mut sec = now.tv_sec.saturating_add(add_s);
    let mut nsec = now.tv_nsec + ((secs - whole) * 1e9) as i64;
    if nsec >= 1_000_000_000 {
        sec = sec.saturating_add(1);
        nsec -= 1_000_000_000;
    }
    libc::timespec { tv_sec: sec, tv_nsec: nsec }
}

/// A timeout as a float (CPython's PyFloat_AsDouble: numbers only, never
/// the text `float()` would parse).
fn real_seconds(ts: &ThreadState, v: &Value) -> PyResult<f64> {
    let is_text = as_str(v).is_some()
        || v.downcast::<spindle_vm::bytes::PyBytes>().is_some()
        || v.downcast::<spindle_vm::bytes::PyByteArray>().is_some();
    if is_text {
        raise!(TypeError, "must be real number, not {}", ops::type_name(v));
    }
    super::to_f64(ts, v)
}

/// Repeats `op` while it fails with EINTR, running the signal handlers in
/// between (their exception ends the loop). The final (result, errno).
fn retry_eintr(ts: &ThreadState, mut op: impl FnMut() -> (libc::c_int, i32)) -> PyResult<(libc::c_int, i32)> {
    loop {
        let (r, e) = op();
        if r < 0 && e == libc::EINTR {
            spindle_vm::signals::check(ts)?;
            continue;
        }
        return Ok((r, e));
    }
}

/// `acquire(block=True, timeout=None)`.
fn semlock_acquire(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let s = this(&a)?;
    let [block, timeout] = parse("acquire", rest(&a), ["block", "timeout"], 0)?;
    let blocking = super::truthy(ts, &block, true)?;
    if s.kind == RECURSIVE_MUTEX {
        let mut h = s.holders.lock();
        if h.is_mine() {
            h.count += 1;
            drop(h);
            return Ok(new_bool(true));
        }
    }
    let deadline = match super::given(&timeout) {
        Some(t) => Some(deadline_after(real_seconds(ts, t)?.max(0.0))),
        None => None,
    };
    let sem = s.handle.ptr();
    // A first try attached: a free semaphore costs no detach.
    let (mut res, mut err) = retry_eintr(ts, || {
        // SAFETY: the handle is open while s lives.
        let r = unsafe { libc::sem_trywait(sem) };
        (r, last_errno())
    })?;
    if res < 0 && err == libc::EAGAIN && blocking {
        (res, err) = retry_eintr(ts, || {
            // The detached wait touches only the semaphore and the deadline.
            ts.detached(|| {
                // SAFETY: the handle stays open (s is borrowed from the
                // call's arguments); the deadline is a valid timespec.
                let r = unsafe {
                    match &deadline {
                        Some(d) => libc::sem_timedwait(sem, d),
                        None => libc::sem_wait(sem),
                    }
                };
                (r, last_errno())
            })
        })?;
    }
    if res < 0 {
        if err == libc::EAGAIN || err == libc::ETIMEDOUT {
            return Ok(new_bool(false));
        }
        return Err(super::os_error(err, None, None));
    }
    let mut h = s.holders.lock();
    h.count += 1;
    h.last_tid = super::thread::current_ident();
    drop(h);
    Ok(new_bool(true))
}

/// `release()` (and `__exit__(*exc_info)`).
fn semlock_release(_ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let s = this(&a)?;
    // Held across the post: no thread of this process sees the semaphore
    // given back while the count still says it is held.
    let outcome = s.release_holding(&mut s.holders.lock());
    match outcome {
        Ok(()) => Ok(none()),
        Err(Refusal::NotOwner) => raise!(AssertionError, "attempt to release recursive lock not owned by thread"),
        Err(Refusal::TooMany) => raise!(ValueError, "semaphore or lock released too many times"),
        Err(Refusal::Os(e)) => Err(super::os_error(e, None, None)),
    }
}

fn semlock_exit(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    semlock_release(ts, Args::new(a.args.get(..1).unwrap_or(&[])))
}

fn semlock_count(_ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let count = this(&a)?.holders.lock().count;
    Ok(new_int(count))
}

fn semlock_is_mine(_ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let mine = this(&a)?.holders.lock().is_mine();
    Ok(new_bool(mine))
}

fn semlock_get_value(_ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    // Some systems count waiters as negative values; report those as 0.
    Ok(new_int(i64::from(this(&a)?.value()?.max(0))))
}

fn semlock_is_zero(_ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    Ok(new_bool(this(&a)?.value()? == 0))
}

fn semlock_after_fork(_ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    this(&a)?.holders.lock().count = 0;
    Ok(none())
}

fn semlock_handle(_ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let addr = this(&a)?.handle.0;
    Ok(match i64::try_from(addr) {
        Ok(i) => new_int(i),
        Err(_) => spindle_vm::num::new_bigint(num_bigint::BigInt::from(addr)),
    })
}

fn semlock_kind(_ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    Ok(new_int(this(&a)?.kind))
}

fn semlock_maxvalue(_ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    Ok(new_int(this(&a)?.maxvalue))
}

fn semlock_name(_ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    Ok(match &this(&a)?.name {
        Some(n) => new_str(n),
        None => none(),
    })
}

fn semlock_getstate(_ts: &ThreadState, _a: Args<'_>) -> PyResult<Value> {
    raise!(TypeError, "cannot pickle '_multiprocessing.SemLock' object")
}

fn readonly(_ts: &ThreadState, _a: Args<'_>) -> PyResult<Value> {
    raise!(AttributeError, "readonly attribute")
}

/// `sem_unlink(name)`: removes a semaphore's name.
fn sem_unlink(_ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let [name] = parse("sem_unlink", a, ["name"], 1)?;
    let c = c_name("sem_unlink() argument must be str", &name.unwrap_or_else(none))?;
    // SAFETY: c is NUL-terminated.
    if unsafe { libc::sem_unlink(c.as_ptr()) } < 0 {
        return Err(errno_err(None));
    }
    Ok(none())
}

const FUNCTIONS: &[(&str, NativeFnPtr)] = &[("sem_unlink", sem_unlink)];

pub(crate) fn init(ts: &ThreadState) -> PyResult<Value> {
    use spindle_vm::native::{add_class_value, add_classmethod, add_methods, add_property, add_value, new_type, set_new};
    let m = spindle_vm::native::new_module("_multiprocessing", FUNCTIONS);
    let t = *SEMLOCK_TYPE.get_or_init(|| {
        let t = new_type::<PySemLock>("SemLock", "_multiprocessing", None, true);
        add_methods(
            t,
            &[
                ("acquire", semlock_acquire),
                ("release", semlock_release),
                ("__enter__", semlock_acquire),
                ("__exit__", semlock_exit),
                ("_count", semlock_count),
                ("_is_mine", semlock_is_mine),
                ("_get_value", semlock_get_value),
                ("_is_zero", semlock_is_zero),
                ("_after_fork", semlock_after_fork),
                ("__getstate__", semlock_getstate),
            ],
        );
        add_classmethod(t, "_rebuild", semlock_rebuild);
        add_property(t, "handle", semlock_handle, Some(readonly));
        add_property(t, "kind", semlock_kind, Some(readonly));
        add_property(t, "maxvalue", semlock_maxvalue, Some(readonly));
        add_property(t, "name", semlock_name, Some(readonly));
        add_class_value(t, "SEM_VALUE_MAX", new_int(SEM_VALUE_MAX));
        add_class_value(t, "__doc__", new_str("Semaphore/Mutex type"));
        set_new(t, semlock_new);
        t
    });
    add_value(&m, "SemLock", t.to_value());
    let flags = ops::call(ts, &spindle_vm::runtime::rt().types.dict.to_value(), &[])?;
    ops::setitem(ts, &flags, &new_str("HAVE_SEM_OPEN"), new_int(1))?;
    ops::setitem(ts, &flags, &new_str("HAVE_SEM_TIMEDWAIT"), new_int(1))?;
    add_value(&m, "flags", flags);
    Ok(m)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn handles_close_with_their_last_user() {
        let name = CString::new(format!("/spindle-test-{}", std::process::id())).unwrap_or_default();
        // SAFETY: name is NUL-terminated; O_CREAT takes the mode and initial value.
        let p = unsafe { libc::sem_open(name.as_ptr(), libc::O_CREAT | libc::O_EXCL, 0o600 as libc::c_uint, 1 as libc::c_uint) };
        assert_ne!(p, libc::SEM_FAILED);
        // SAFETY: name is NUL-terminated.
        unsafe { libc::sem_unlink(name.as_ptr()) };
        let first = SemHandle::adopt(p);
        let second = SemHandle::share(p as usize);
        assert!(second.is_some());
        drop(first);
        assert_eq!(open_handles().lock().get(&(p as usize)), Some(&1));
        drop(second);
        assert!(!open_handles().lock().contains_key(&(p as usize)));
        assert!(SemHandle::share(p as usize).is_none());
    }

    #[test]
    fn deadlines_carry_nanoseconds() {
        let d = deadline_after(0.9999999999);
        assert!((0..1_000_000_000).contains(&d.tv_nsec));
    }
}
