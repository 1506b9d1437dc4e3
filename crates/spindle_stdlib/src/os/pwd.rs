//! The `pwd` module: the password database through the reentrant libc
//! calls (`getpwuid_r`, `getpwnam_r`) with a growing buffer, and
//! `getpwall` over `getpwent` under one lock. The lookups may do I/O (NSS
//! can ask a directory server), so they run detached, on bytes only; the
//! Python objects are made after re-attaching.

use std::ffi::{CStr, CString};
use std::sync::Mutex;

use spindle_vm::error::{PyErr, PyResult};
use spindle_vm::function::{Args, NativeFnPtr};
use spindle_vm::interp::ThreadState;
use spindle_vm::num::new_int;
use spindle_vm::runtime::none;
use spindle_vm::seq::new_list;
use spindle_vm::str::{as_str, new_str};
use spindle_vm::value::Value;
use spindle_vm::{err, ops, raise};

use super::{decode_fs, positional_only};

/// One database entry copied out of libc's buffer: no Python object, so it
/// can be made while detached.
struct PwEntry {
    name: Option<Vec<u8>>,
    passwd: Option<Vec<u8>>,
    uid: libc::uid_t,
    gid: libc::gid_t,
    gecos: Option<Vec<u8>>,
    dir: Option<Vec<u8>>,
    shell: Option<Vec<u8>>,
}

/// What a reentrant lookup found.
pub(crate) enum Found<T> {
    Entry(T),
    Missing,
    /// The buffer could not grow large enough.
    NoMemory,
}

/// The bytes of a C string, `None` for a null pointer.
///
/// # Safety
/// `p` is null or points to a NUL-terminated string.
pub(crate) unsafe fn c_bytes(p: *const libc::c_char) -> Option<Vec<u8>> {
    if p.is_null() {
        return None;
    }
    // SAFETY: non-null and NUL-terminated (the caller's contract).
    Some(unsafe { CStr::from_ptr(p) }.to_bytes().to_vec())
}

/// Calls a libc `get*_r` function with a buffer that doubles while it
/// answers ERANGE. `call(buf, len)` returns the status and, when found,
/// the entry copied out while the buffer is alive. Touches no Python object.
pub(crate) fn reentrant_lookup<T>(
    size_hint: libc::c_int,
    mut call: impl FnMut(*mut libc::c_char, usize) -> (libc::c_int, Option<T>),
) -> Found<T> {
    // SAFETY: sysconf only reads a configuration value.
    let hint = unsafe { libc::sysconf(size_hint) };
    let mut size = if hint > 0 { hint as usize } else { 1024 };
    let mut buf: Vec<libc::c_char> = Vec::new();
    loop {
        if buf.try_reserve_exact(size.saturating_sub(buf.len())).is_err() {
            return Found::NoMemory;
        }
        buf.resize(size, 0);
        let (status, found) = call(buf.as_mut_ptr(), size);
        if let (0, Some(entry)) = (status, found) {
            return Found::Entry(entry);
        }
        if status != libc::ERANGE {
            return Found::Missing;
        }
        if size > (isize::MAX as usize) >> 1 {
            return Found::NoMemory;
        }
        size <<= 1;
    }
}

/// Copies a `passwd` that libc filled.
///
/// # Safety
/// Every string pointer in `p` is null or NUL-terminated and alive.
unsafe fn copy_passwd(p: &libc::passwd) -> PwEntry {
    // SAFETY: the caller's contract covers each field.
    unsafe {
        PwEntry {
            name: c_bytes(p.pw_name),
            passwd: c_bytes(p.pw_passwd),
            uid: p.pw_uid,
            gid: p.pw_gid,
            gecos: c_bytes(p.pw_gecos),
            dir: c_bytes(p.pw_dir),
            shell: c_bytes(p.pw_shell),
        }
    }
}

fn opt_str(b: &Option<Vec<u8>>) -> Value {
    match b {
        Some(b) => new_str(&decode_fs(b)),
        None => none(),
    }
}

/// A uid or gid as a Python int: `(uid_t)-1` is -1, as CPython's `_PyLong_FromUid`.
pub(crate) fn id_value(id: u32) -> Value {
    if id == u32::MAX { new_int(-1) } else { new_int(id as i64) }
}

fn make_entry(ts: &ThreadState, e: &PwEntry) -> PyResult<Value> {
    let items = vec![
        opt_str(&e.name),
        opt_str(&e.passwd),
        id_value(e.uid),
        id_value(e.gid),
        opt_str(&e.gecos),
        opt_str(&e.dir),
        opt_str(&e.shell),
    ];
    super::new_structseq(ts, "pwd.struct_passwd", items)
}

/// CPython's `_Py_Uid_Converter` / `_Py_Gid_Converter` (`kind` is "uid" or
/// "gid"): any int-like; -1 means `(uid_t)-1`, other negatives and values
/// past 32 bits are OverflowErrors, worded as CPython's (a value that fits
/// a C long but not 32 bits is "less than minimum" there).
pub(crate) fn id_arg(ts: &ThreadState, v: &Value, kind: &str) -> PyResult<u32> {
    let Ok(i) = ops::index(ts, v) else {
        let t = ops::type_name(v);
        let short = t.rsplit('.').next().unwrap_or(&t).to_owned();
        raise!(TypeError, "{} should be integer, not {}", kind, short);
    };
    match spindle_vm::num::int_to_i64(&i) {
        Some(-1) => Ok(u32::MAX),
        Some(x) if x < -1 => raise!(OverflowError, "{} is less than minimum", kind),
        Some(x) if x <= u32::MAX as i64 => Ok(x as u32),
        Some(_) => raise!(OverflowError, "{} is less than minimum", kind),
        None => {
            let negative = spindle_vm::num::int_to_big(&i).is_some_and(|b| b.sign() == num_bigint::Sign::Minus);
            if negative {
                raise!(OverflowError, "{} is less than minimum", kind)
            }
            raise!(OverflowError, "{} is greater than maximum", kind)
        }
    }
}

/// A name argument: a str, encoded as the file system encoding does, with
/// no NUL inside. `argname` completes CPython's "argument ... must be str".
pub(crate) fn name_arg(v: &Value, fname: &str, argname: &str) -> PyResult<CString> {
    let Some(s) = as_str(v) else {
        raise!(TypeError, "{}() {} must be str, not {}", fname, argname, ops::type_name(v));
    };
    CString::new(super::encode_fs(s)).map_err(|_| err!(ValueError, "embedded null byte"))
}

fn no_memory() -> PyErr {
    PyErr(spindle_vm::exceptions::new_exception(spindle_vm::runtime::rt().exc.MemoryError, vec![]))
}

fn pwd_getpwuid(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let args = positional_only("pwd.getpwuid", "getpwuid", a, 1, 1)?;
    let uid = match id_arg(ts, &args[0], "uid") {
        Ok(u) => u,
        Err(e) if e.is_instance(spindle_vm::runtime::rt().exc.OverflowError) => {
            raise!(KeyError, "getpwuid(): uid not found")
        }
        Err(e) => return Err(e),
    };
    let found = ts.detached(|| {
        // SAFETY: passwd is plain data that getpwuid_r fills.
        let mut pw: libc::passwd = unsafe { std::mem::zeroed() };
        let mut result: *mut libc::passwd = std::ptr::null_mut();
        reentrant_lookup(
            libc::_SC_GETPW_R_SIZE_MAX,
            |buf, len| {
                // SAFETY: buf is a writable buffer of len bytes; pw and result are valid out-pointers.
                let status = unsafe { libc::getpwuid_r(uid, &mut pw, buf, len, &mut result) };
                // SAFETY: on success pw's strings point into the live buffer.
                (status, (!result.is_null()).then(|| unsafe { copy_passwd(&pw) }))
            },
        )
    });
    match found {
        Found::Entry(e) => make_entry(ts, &e),
        Found::Missing => raise!(KeyError, "getpwuid(): uid not found: {}", if uid == u32::MAX { -1 } else { uid as i64 }),
        Found::NoMemory => Err(no_memory()),
    }
}

fn pwd_getpwnam(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let args = positional_only("pwd.getpwnam", "getpwnam", a, 1, 1)?;
    let name = name_arg(&args[0], "getpwnam", "argument")?;
    let found = ts.detached(|| {
        // SAFETY: passwd is plain data that getpwnam_r fills.
        let mut pw: libc::passwd = unsafe { std::mem::zeroed() };
        let mut result: *mut libc::passwd = std::ptr::null_mut();
        reentrant_lookup(
            libc::_SC_GETPW_R_SIZE_MAX,
            |buf, len| {
                // SAFETY: name is NUL-terminated; buf is writable for len bytes.
                let status = unsafe { libc::getpwnam_r(name.as_ptr(), &mut pw, buf, len, &mut result) };
                // SAFETY: on success pw's strings point into the live buffer.
                (status, (!result.is_null()).then(|| unsafe { copy_passwd(&pw) }))
            },
        )
    });
    match found {
        Found::Entry(e) => make_entry(ts, &e),
        Found::Missing => {
            let r = ops::repr_string(ts, &args[0])?;
            raise!(KeyError, "getpwnam(): name not found: {}", r)
        }
        Found::NoMemory => Err(no_memory()),
    }
}

/// Serialises the `setpwent`/`getpwent`/`endpwent` walks, whose position is
/// process-wide.
static PWENT_LOCK: Mutex<()> = Mutex::new(());

fn pwd_getpwall(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    positional_only("pwd.getpwall", "getpwall", a, 0, 0)?;
    let entries = ts.detached(|| {
        let _walk = PWENT_LOCK.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        let mut out = Vec::new();
        // SAFETY: the walk is serialised by PWENT_LOCK; each entry is copied
        // out before the next getpwent call reuses libc's storage.
        unsafe {
            libc::setpwent();
            loop {
                let p = libc::getpwent();
                if p.is_null() {
                    break;
                }
                out.push(copy_passwd(&*p));
            }
            libc::endpwent();
        }
        out
    });
    let mut items = Vec::with_capacity(entries.len());
    for e in &entries {
        items.push(make_entry(ts, e)?);
    }
    Ok(new_list(items))
}

const FUNCTIONS: &[(&str, NativeFnPtr)] = &[("getpwuid", pwd_getpwuid), ("getpwnam", pwd_getpwnam), ("getpwall", pwd_getpwall)];

const DOC: &str = "This module provides access to the Unix password database.\n\
It is available on all Unix versions.\n\
\n\
Password database entries are reported as 7-tuples containing the following\n\
items from the password database (see `<pwd.h>'), in order:\n\
pw_name, pw_passwd, pw_uid, pw_gid, pw_gecos, pw_dir, pw_shell.\n\
The uid and gid items are integers, all others are strings. An\n\
exception is raised if the entry asked for cannot be found.";

const PY_SRC: &str = r#"
struct_passwd = _structseq('pwd.struct_passwd', ('pw_name', 'pw_passwd', 'pw_uid', 'pw_gid', 'pw_gecos', 'pw_dir', 'pw_shell'))
struct_passwd.__doc__ = """pwd.struct_passwd: Results from getpw*() routines.

This object may be accessed either as a tuple of
  (pw_name,pw_passwd,pw_uid,pw_gid,pw_gecos,pw_dir,pw_shell)
or via the object attributes as named in the above tuple."""
"#;

pub(crate) fn init(ts: &ThreadState) -> PyResult<Value> {
    let m = spindle_vm::native::new_module("pwd", FUNCTIONS);
    spindle_vm::native::add_value(&m, "__doc__", new_str(DOC));
    super::define_structseqs(ts, &m, PY_SRC, &["pwd.struct_passwd"])?;
    Ok(m)
}
