//! The `_posixshmem` module: `shm_open` and `shm_unlink`, the POSIX shared
//! memory objects behind `multiprocessing.shared_memory`. A call cut short
//! by a signal runs the signal handlers and is retried (PEP 475).

use std::ffi::CString;

use spindle_vm::error::PyResult;
use spindle_vm::function::{Args, NativeFnPtr};
use spindle_vm::interp::ThreadState;
use spindle_vm::num::new_int;
use spindle_vm::runtime::none;
use spindle_vm::str::as_str;
use spindle_vm::value::Value;
use spindle_vm::{err, ops, raise};

use super::{last_errno, os_error, parse, to_i64};

/// The `path` argument: a str, as the C string the call takes.
fn shm_path(fname: &str, v: &Value) -> PyResult<CString> {
    let Some(s) = as_str(v) else {
        raise!(TypeError, "{}() argument 1 must be str, not {}", fname, ops::type_name(v));
    };
    CString::new(super::encode_fs(s)).map_err(|_| err!(ValueError, "embedded null character"))
}

/// Runs `op` until it does not fail with EINTR: its result, or the
/// `OSError` (naming `path`) of its errno.
fn call_retrying(ts: &ThreadState, path: &Value, mut op: impl FnMut() -> libc::c_int) -> PyResult<libc::c_int> {
    loop {
        let r = op();
        if r >= 0 {
            return Ok(r);
        }
        let e = last_errno();
        if e != libc::EINTR {
            return Err(os_error(e, Some(path), None));
        }
        spindle_vm::signals::check(ts)?;
    }
}

/// `shm_open(path, flags, mode=0o777)`: a file descriptor for the shared
/// memory object `path`.
fn shm_open(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let [path, flags, mode] = parse("shm_open", a, ["path", "flags", "mode"], 2)?;
    let path = path.unwrap_or_else(none);
    let c = shm_path("shm_open", &path)?;
    let flags = to_i64(ts, &flags.unwrap_or_else(none))? as libc::c_int;
    let mode = super::opt_i64(ts, &mode, 0o777)? as libc::mode_t;
    // SAFETY: c is NUL-terminated; flags and mode are plain integers.
    let fd = call_retrying(ts, &path, || unsafe { libc::shm_open(c.as_ptr(), flags, mode) })?;
    Ok(new_int(i64::from(fd)))
}

/// `shm_unlink(path)`: removes the name of a shared memory object.
fn shm_unlink(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let [path] = parse("shm_unlink", a, ["path"], 1)?;
    let path = path.unwrap_or_else(none);
    let c = shm_path("shm_unlink", &path)?;
    // SAFETY: c is NUL-terminated.
    call_retrying(ts, &path, || unsafe { libc::shm_unlink(c.as_ptr()) })?;
    Ok(none())
}

const FUNCTIONS: &[(&str, NativeFnPtr)] = &[("shm_open", shm_open), ("shm_unlink", shm_unlink)];

pub(crate) fn init(_ts: &ThreadState) -> PyResult<Value> {
    Ok(spindle_vm::native::new_module("_posixshmem", FUNCTIONS))
}
