//! The `resource` module: resource limits (`getrlimit`, `setrlimit`,
//! `prlimit`), `getrusage` as a `struct_rusage`, `getpagesize`, and the
//! `RLIMIT_*`/`RUSAGE_*` constants. Limits convert as CPython 3.14's do:
//! `RLIM_INFINITY` is -1 both ways, other limits are unsigned.

use spindle_vm::error::PyResult;
use spindle_vm::function::{Args, NativeFnPtr};
use spindle_vm::interp::ThreadState;
use spindle_vm::num::{new_float, new_int};
use spindle_vm::runtime::{is_none, none, rt};
use spindle_vm::seq::new_tuple;
use spindle_vm::value::Value;
use spindle_vm::{ops, raise};

use super::{c_int, errno_err, last_errno, positional_only};

/// `RLIM_NLIMITS` on Linux: resources are 0..16.
const RLIM_NLIMITS: i32 = 16;

fn resource_arg(ts: &ThreadState, v: &Value) -> PyResult<i32> {
    let r = c_int(ts, v)?;
    if !(0..RLIM_NLIMITS).contains(&r) {
        raise!(ValueError, "invalid resource specified");
    }
    Ok(r)
}

/// A limit as Python sees it: `RLIM_INFINITY` is -1, the rest unsigned.
fn rlim_value(v: libc::rlim_t) -> Value {
    if v == libc::RLIM_INFINITY {
        return new_int(-1);
    }
    match i64::try_from(v) {
        Ok(i) => new_int(i),
        Err(_) => spindle_vm::num::new_bigint(num_bigint::BigInt::from(v)),
    }
}

fn rlimit_value(rl: &libc::rlimit) -> Value {
    new_tuple(vec![rlim_value(rl.rlim_cur), rlim_value(rl.rlim_max)])
}

/// One limit from Python: any int-like; -1 is `RLIM_INFINITY`.
fn rlim_arg(ts: &ThreadState, v: &Value) -> PyResult<libc::rlim_t> {
    let i = ops::index(ts, v)?;
    if let Some(x) = spindle_vm::num::int_to_i64(&i) {
        return match x {
            -1 => Ok(libc::RLIM_INFINITY),
            x if x < 0 => raise!(ValueError, "Cannot convert negative int"),
            x => Ok(x as libc::rlim_t),
        };
    }
    match spindle_vm::num::int_to_big(&i) {
        Some(b) if b.sign() == num_bigint::Sign::Minus => raise!(ValueError, "Cannot convert negative int"),
        Some(b) => u64::try_from(b).map_err(|_| spindle_vm::err!(OverflowError, "Python int too large to convert to C rlim_t")),
        None => raise!(OverflowError, "Python int too large to convert to C rlim_t"),
    }
}

/// `(soft, hard)` from any iterable of two int-likes.
fn rlimit_arg(ts: &ThreadState, v: &Value) -> PyResult<libc::rlimit> {
    let items = ops::collect(ts, v)?;
    if items.len() != 2 {
        raise!(ValueError, "expected a tuple of 2 integers");
    }
    Ok(libc::rlimit { rlim_cur: rlim_arg(ts, &items[0])?, rlim_max: rlim_arg(ts, &items[1])? })
}

fn r_getrlimit(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let args = positional_only("resource.getrlimit", "getrlimit", a, 1, 1)?;
    let resource = resource_arg(ts, &args[0])?;
    let mut rl = libc::rlimit { rlim_cur: 0, rlim_max: 0 };
    // SAFETY: rl is a valid out-pointer; resource is in range.
    if unsafe { libc::getrlimit(resource as _, &mut rl) } == -1 {
        return Err(errno_err(None));
    }
    Ok(rlimit_value(&rl))
}

fn r_setrlimit(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let args = positional_only("resource.setrlimit", "setrlimit", a, 2, 2)?;
    let resource = resource_arg(ts, &args[0])?;
    super::audit(ts, "resource.setrlimit", &[new_int(resource as i64), args[1].clone()])?;
    let rl = rlimit_arg(ts, &args[1])?;
    // SAFETY: rl is a valid rlimit; resource is in range.
    if unsafe { libc::setrlimit(resource as _, &rl) } == -1 {
        match last_errno() {
            libc::EINVAL => raise!(ValueError, "current limit exceeds maximum limit"),
            libc::EPERM => raise!(ValueError, "not allowed to raise maximum limit"),
            code => return Err(super::os_error(code, None, None)),
        }
    }
    Ok(none())
}

fn r_prlimit(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let args = positional_only("resource.prlimit", "prlimit", a, 2, 3)?;
    let pid = c_int(ts, &args[0])?;
    let resource = resource_arg(ts, &args[1])?;
    let limits = args.get(2).cloned().unwrap_or_else(none);
    super::audit(ts, "resource.prlimit", &[new_int(pid as i64), new_int(resource as i64), limits.clone()])?;
    let new = if is_none(&limits) { None } else { Some(rlimit_arg(ts, &limits)?) };
    let mut old = libc::rlimit { rlim_cur: 0, rlim_max: 0 };
    let new_ptr = new.as_ref().map_or(std::ptr::null(), |r| r as *const libc::rlimit);
    // SAFETY: new_ptr is null or a valid rlimit; old is a valid out-pointer.
    if unsafe { libc::prlimit(pid, resource as _, new_ptr, &mut old) } == -1 {
        match last_errno() {
            libc::EINVAL => raise!(ValueError, "current limit exceeds maximum limit"),
            code => return Err(super::os_error(code, None, None)),
        }
    }
    Ok(rlimit_value(&old))
}

fn seconds(tv: &libc::timeval) -> f64 {
    tv.tv_sec as f64 + tv.tv_usec as f64 * 0.000001
}

fn r_getrusage(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let args = positional_only("resource.getrusage", "getrusage", a, 1, 1)?;
    let who = c_int(ts, &args[0])?;
    // SAFETY: rusage is plain data that getrusage fills.
    let mut ru: libc::rusage = unsafe { std::mem::zeroed() };
    // SAFETY: ru is a valid out-pointer; the kernel validates who.
    if unsafe { libc::getrusage(who, &mut ru) } == -1 {
        if last_errno() == libc::EINVAL {
            raise!(ValueError, "invalid who parameter");
        }
        return Err(errno_err(None));
    }
    let items = vec![
        new_float(seconds(&ru.ru_utime)),
        new_float(seconds(&ru.ru_stime)),
        new_int(ru.ru_maxrss),
        new_int(ru.ru_ixrss),
        new_int(ru.ru_idrss),
        new_int(ru.ru_isrss),
        new_int(ru.ru_minflt),
        new_int(ru.ru_majflt),
        new_int(ru.ru_nswap),
        new_int(ru.ru_inblock),
        new_int(ru.ru_oublock),
        new_int(ru.ru_msgsnd),
        new_int(ru.ru_msgrcv),
        new_int(ru.ru_nsignals),
        new_int(ru.ru_nvcsw),
        new_int(ru.ru_nivcsw),
    ];
    super::new_structseq(ts, "resource.struct_rusage", items)
}

fn r_getpagesize(_ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    positional_only("resource.getpagesize", "getpagesize", a, 0, 0)?;
    // SAFETY: sysconf only reads a configuration value.
    Ok(new_int(unsafe { libc::sysconf(libc::_SC_PAGESIZE) } as i64))
}

const FUNCTIONS: &[(&str, NativeFnPtr)] = &[
    ("getrusage", r_getrusage),
    ("getrlimit", r_getrlimit),
    ("prlimit", r_prlimit),
    ("setrlimit", r_setrlimit),
    ("getpagesize", r_getpagesize),
];

const CONSTANTS: &[(&str, i64)] = &[
    ("RLIMIT_CPU", libc::RLIMIT_CPU as i64),
    ("RLIMIT_FSIZE", libc::RLIMIT_FSIZE as i64),
    ("RLIMIT_DATA", libc::RLIMIT_DATA as i64),
    ("RLIMIT_STACK", libc::RLIMIT_STACK as i64),
    ("RLIMIT_CORE", libc::RLIMIT_CORE as i64),
    ("RLIMIT_NOFILE", libc::RLIMIT_NOFILE as i64),
    ("RLIMIT_OFILE", libc::RLIMIT_NOFILE as i64),
    ("RLIMIT_AS", libc::RLIMIT_AS as i64),
    ("RLIMIT_RSS", libc::RLIMIT_RSS as i64),
    ("RLIMIT_NPROC", libc::RLIMIT_NPROC as i64),
    ("RLIMIT_MEMLOCK", libc::RLIMIT_MEMLOCK as i64),
    ("RLIMIT_MSGQUEUE", libc::RLIMIT_MSGQUEUE as i64),
    ("RLIMIT_NICE", libc::RLIMIT_NICE as i64),
    ("RLIMIT_RTPRIO", libc::RLIMIT_RTPRIO as i64),
    ("RLIMIT_RTTIME", libc::RLIMIT_RTTIME as i64),
    ("RLIMIT_SIGPENDING", libc::RLIMIT_SIGPENDING as i64),
    ("RUSAGE_SELF", libc::RUSAGE_SELF as i64),
    ("RUSAGE_CHILDREN", libc::RUSAGE_CHILDREN as i64),
    ("RUSAGE_THREAD", libc::RUSAGE_THREAD as i64),
    ("RLIM_INFINITY", -1),
];

const PY_SRC: &str = r#"
struct_rusage = _structseq('resource.struct_rusage', (
    'ru_utime', 'ru_stime', 'ru_maxrss', 'ru_ixrss', 'ru_idrss', 'ru_isrss',
    'ru_minflt', 'ru_majflt', 'ru_nswap', 'ru_inblock', 'ru_oublock',
    'ru_msgsnd', 'ru_msgrcv', 'ru_nsignals', 'ru_nvcsw', 'ru_nivcsw'))
struct_rusage.__doc__ = """struct_rusage: Result from getrusage.

This object may be accessed either as a tuple of
    (utime,stime,maxrss,ixrss,idrss,isrss,minflt,majflt,
    nswap,inblock,oublock,msgsnd,msgrcv,nsignals,nvcsw,nivcsw)
or via the attributes ru_utime, ru_stime, ru_maxrss, and so on."""
"#;

pub(crate) fn init(ts: &ThreadState) -> PyResult<Value> {
    let m = spindle_vm::native::new_module("resource", FUNCTIONS);
    spindle_vm::native::add_value(&m, "error", rt().exc.OSError.to_value());
    for (name, v) in CONSTANTS {
        spindle_vm::native::add_value(&m, name, new_int(*v));
    }
    super::define_structseqs(ts, &m, PY_SRC, &["resource.struct_rusage"])?;
    Ok(m)
}
