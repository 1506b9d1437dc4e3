//! The `syslog` module: `openlog`/`syslog`/`closelog`/`setlogmask` over
//! libc's, the `LOG_*` constants, `LOG_MASK` and `LOG_UPTO`. libc keeps
//! the ident pointer `openlog` gets, so the module keeps that string alive
//! (as CPython keeps its ident object) until the next `openlog` or
//! `closelog`, and a `syslog` call holds its own reference meanwhile.

use std::ffi::CString;
use std::sync::{Arc, Mutex, PoisonError};

use spindle_vm::error::PyResult;
use spindle_vm::function::{Args, NativeFnPtr};
use spindle_vm::interp::ThreadState;
use spindle_vm::num::new_int;
use spindle_vm::runtime::none;
use spindle_vm::str::{as_str, new_str};
use spindle_vm::value::Value;
use spindle_vm::{err, ops, raise};

use super::{c_int, c_long, parse, positional_only};

/// libc's log state as this module set it: open or not, and the ident
/// string libc points at. Process-wide, as libc's own state is.
struct LogState {
    open: bool,
    ident: Option<Arc<CString>>,
}

static LOG: Mutex<LogState> = Mutex::new(LogState { open: false, ident: None });

/// The UTF-8 text of a str argument, as `PyUnicode_AsUTF8` (lone
/// surrogates cannot be encoded).
fn utf8_of(ts: &ThreadState, v: &Value) -> PyResult<CString> {
    let b = ops::call_method(ts, v, "encode", &[new_str("utf-8")])?;
    let bytes = super::buffer_bytes(ts, &b)?;
    CString::new(bytes).map_err(|_| err!(ValueError, "embedded null character"))
}

/// `basename(sys.argv[0])`, or None when there is no usable one.
fn default_ident(ts: &ThreadState) -> Option<String> {
    let sys = super::import(ts, "sys").ok()?;
    let argv = ops::getattr_str(ts, &sys, "argv").ok()?;
    argv.downcast::<spindle_vm::seq::PyList>()?;
    let first = ops::getitem(ts, &argv, &new_int(0)).ok()?;
    let s = as_str(&first)?;
    if s.is_empty() {
        return None;
    }
    Some(s.rsplit('/').next().unwrap_or(s).to_owned())
}

fn open_log(ts: &ThreadState, ident: Option<Value>, logopt: i64, facility: i64) -> PyResult<()> {
    let ident = match ident {
        Some(v) => Some(v),
        None => default_ident(ts).map(|s| new_str(&s)),
    };
    let c_ident = match &ident {
        Some(v) => Some(Arc::new(utf8_of(ts, v)?)),
        None => None,
    };
    super::audit(ts, "syslog.openlog", &[ident.unwrap_or_else(none), new_int(logopt), new_int(facility)])?;
    let mut st = LOG.lock().unwrap_or_else(PoisonError::into_inner);
    let ptr = c_ident.as_ref().map_or(std::ptr::null(), |c| c.as_ptr());
    // SAFETY: ptr is null or a NUL-terminated string kept alive in LOG until
    // the next openlog/closelog (and by any syslog call using it).
    unsafe { libc::openlog(ptr, logopt as libc::c_int, facility as libc::c_int) };
    st.open = true;
    st.ident = c_ident;
    Ok(())
}

fn s_openlog(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let [ident, logopt, facility] = parse("openlog", a, ["ident", "logoption", "facility"], 0)?;
    let ident = match ident {
        Some(v) if as_str(&v).is_some() => Some(v),
        Some(v) => raise!(TypeError, "openlog() argument 'ident' must be str, not {}", ops::type_name(&v)),
        None => None,
    };
    let logopt = match &logopt {
        Some(v) => c_long(ts, v)?,
        None => 0,
    };
    let facility = match &facility {
        Some(v) => c_long(ts, v)?,
        None => libc::LOG_USER as i64,
    };
    open_log(ts, ident, logopt, facility)?;
    Ok(none())
}

fn s_syslog(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    if a.has_kwargs() {
        raise!(TypeError, "syslog.syslog() takes no keyword arguments");
    }
    let (priority, message) = match a.args {
        [m] => (libc::LOG_INFO, m),
        [p, m] => (c_int(ts, p)?, m),
        _ => raise!(TypeError, "syslog.syslog requires 1 to 2 arguments"),
    };
    if as_str(message).is_none() {
        let n = a.args.len();
        raise!(TypeError, "syslog() argument {} must be str, not {}", n, ops::type_name(message));
    }
    let c_message = utf8_of(ts, message)?;
    super::audit(ts, "syslog.syslog", &[new_int(priority as i64), message.clone()])?;
    let open = LOG.lock().unwrap_or_else(PoisonError::into_inner).open;
    if !open {
        open_log(ts, None, 0, libc::LOG_USER as i64)?;
    }
    // Keeps the ident alive across the call even if another thread reopens.
    let ident = LOG.lock().unwrap_or_else(PoisonError::into_inner).ident.clone();
    ts.detached(|| {
        // SAFETY: a constant "%s" format with one NUL-terminated argument.
        unsafe { libc::syslog(priority, c"%s".as_ptr(), c_message.as_ptr()) };
    });
    drop(ident);
    Ok(none())
}

fn s_closelog(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    positional_only("syslog.closelog", "closelog", a, 0, 0)?;
    super::audit(ts, "syslog.closelog", &[])?;
    let mut st = LOG.lock().unwrap_or_else(PoisonError::into_inner);
    if st.open {
        // SAFETY: closelog takes no arguments; libc drops its ident pointer.
        unsafe { libc::closelog() };
        st.ident = None;
        st.open = false;
    }
    Ok(none())
}

fn s_setlogmask(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let args = positional_only("syslog.setlogmask", "setlogmask", a, 1, 1)?;
    let mask = c_long(ts, &args[0])?;
    super::audit(ts, "syslog.setlogmask", &[new_int(mask)])?;
    // SAFETY: setlogmask takes a plain integer.
    Ok(new_int(unsafe { libc::setlogmask(mask as libc::c_int) } as i64))
}

fn s_log_mask(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let args = positional_only("syslog.LOG_MASK", "LOG_MASK", a, 1, 1)?;
    let pri = c_long(ts, &args[0])?;
    Ok(new_int(1i32.wrapping_shl(pri as u32) as i64))
}

fn s_log_upto(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let args = positional_only("syslog.LOG_UPTO", "LOG_UPTO", a, 1, 1)?;
    let pri = c_long(ts, &args[0])?;
    Ok(new_int(1i32.wrapping_shl((pri as u32).wrapping_add(1)).wrapping_sub(1) as i64))
}

const FUNCTIONS: &[(&str, NativeFnPtr)] = &[
    ("openlog", s_openlog),
    ("closelog", s_closelog),
    ("syslog", s_syslog),
    ("setlogmask", s_setlogmask),
    ("LOG_MASK", s_log_mask),
    ("LOG_UPTO", s_log_upto),
];

const CONSTANTS: &[(&str, libc::c_int)] = &[
    ("LOG_EMERG", libc::LOG_EMERG),
    ("LOG_ALERT", libc::LOG_ALERT),
    ("LOG_CRIT", libc::LOG_CRIT),
    ("LOG_ERR", libc::LOG_ERR),
    ("LOG_WARNING", libc::LOG_WARNING),
    ("LOG_NOTICE", libc::LOG_NOTICE),
    ("LOG_INFO", libc::LOG_INFO),
    ("LOG_DEBUG", libc::LOG_DEBUG),
    ("LOG_PID", libc::LOG_PID),
    ("LOG_CONS", libc::LOG_CONS),
    ("LOG_NDELAY", libc::LOG_NDELAY),
    ("LOG_ODELAY", libc::LOG_ODELAY),
    ("LOG_NOWAIT", libc::LOG_NOWAIT),
    ("LOG_PERROR", libc::LOG_PERROR),
    ("LOG_KERN", libc::LOG_KERN),
    ("LOG_USER", libc::LOG_USER),
    ("LOG_MAIL", libc::LOG_MAIL),
    ("LOG_DAEMON", libc::LOG_DAEMON),
    ("LOG_AUTH", libc::LOG_AUTH),
    ("LOG_LPR", libc::LOG_LPR),
    ("LOG_LOCAL0", libc::LOG_LOCAL0),
    ("LOG_LOCAL1", libc::LOG_LOCAL1),
    ("LOG_LOCAL2", libc::LOG_LOCAL2),
    ("LOG_LOCAL3", libc::LOG_LOCAL3),
    ("LOG_LOCAL4", libc::LOG_LOCAL4),
    ("LOG_LOCAL5", libc::LOG_LOCAL5),
    ("LOG_LOCAL6", libc::LOG_LOCAL6),
    ("LOG_LOCAL7", libc::LOG_LOCAL7),
    ("LOG_SYSLOG", libc::LOG_SYSLOG),
    ("LOG_CRON", libc::LOG_CRON),
    ("LOG_UUCP", libc::LOG_UUCP),
    ("LOG_NEWS", libc::LOG_NEWS),
    ("LOG_AUTHPRIV", libc::LOG_AUTHPRIV),
    ("LOG_FTP", libc::LOG_FTP),
];

pub(crate) fn init(_ts: &ThreadState) -> PyResult<Value> {
    let m = spindle_vm::native::new_module("syslog", FUNCTIONS);
    for (name, v) in CONSTANTS {
        spindle_vm::native::add_value(&m, name, new_int(*v as i64));
    }
    Ok(m)
}
