//! Native modules of the os group (`posix`, `errno`, `_io`, `time`,
//! `_thread`, `_socket`, `select`, `_posixsubprocess`, `_multiprocessing`,
//! `_posixshmem`, `mmap`, `termios`, `fcntl`, `pwd`, `grp`, `resource`,
//! `syslog`, `faulthandler`, `_lsprof`)
//! and the helpers they share: argument parsing, turning an `errno` into the
//! right `OSError` subclass, path arguments, byte buffers, and running a
//! short piece of our own Python source inside a module.

pub(crate) mod errno;
pub(crate) mod faulthandler;
pub(crate) mod io;
pub(crate) mod lsprof;
pub(crate) mod buffered_common;
pub(crate) mod bufreader;
pub(crate) mod bufwriter;
pub(crate) mod fileio;
pub(crate) mod fork;
pub(crate) mod grp;
pub(crate) mod memio;
pub(crate) mod mmap;
pub(crate) mod newline;
pub(crate) mod net_consts;
pub(crate) mod multiprocessing;
pub(crate) mod posix;
pub(crate) mod posix_proc;
pub(crate) mod posixshmem;
pub(crate) mod posixsubprocess;
pub(crate) mod pwd;
pub(crate) mod queue;
pub(crate) mod resource;
pub(crate) mod select;
pub(crate) mod signal_native;
pub(crate) mod socket;
pub(crate) mod sysconf_names;
pub(crate) mod syslog;
pub(crate) mod thread;
pub(crate) mod termios;
pub(crate) mod time;
pub(crate) mod tty_consts;

use spindle_vm::error::{PyErr, PyResult};
use spindle_vm::function::Args;
use spindle_vm::interp::ThreadState;
use spindle_vm::runtime::{is_none, none, rt};
use spindle_vm::str::{as_str, new_str};
use spindle_vm::value::Value;
use spindle_vm::{err, ops, raise};

/// Replaces sys.stdin/stdout/stderr with real `io.TextIOWrapper` objects
/// (line-buffered on a tty, write-through with `-u`, stderr with
/// 'backslashreplace'). The binary calls this after the interpreter is
/// created, before running the target.
pub fn install_std_streams(ts: &ThreadState, unbuffered: bool) -> PyResult<()> {
    io::install_std_streams(ts, unbuffered)
}

/// The end-of-run step: waits for non-daemon threads (`threading._shutdown`)
/// when `threading` was imported. The binary calls this before flushing the
/// std streams at exit.
pub fn at_exit(ts: &ThreadState) {
    let modules = &ts.interp.modules;
    let threading = modules
        .downcast::<spindle_vm::dict::PyDict>()
        .and_then(|d| d.get_str("threading"));
    if let Some(t) = threading {
        if let Ok(f) = spindle_vm::ops::getattr_str(ts, &t, "_shutdown") {
            if let Err(e) = spindle_vm::ops::call(ts, &f, &[]) {
                // As CPython's wait_for_thread_shutdown (Ctrl-C while joining).
                spindle_vm::ops::write_unraisable(ts, &e, Some("Exception ignored on threading shutdown"), None);
            }
        }
    }
}

/// Fixed-arity argument parsing: parameters `names`, the first `required`
/// mandatory; positional or by keyword.
pub(crate) fn parse<const N: usize>(
    fname: &str,
    args: Args<'_>,
    names: [&str; N],
    required: usize,
) -> PyResult<[Option<Value>; N]> {
    let mut out: [Option<Value>; N] = std::array::from_fn(|_| None);
    let pos = args.positional();
    if pos.len() > N {
        let s = if N == 1 { "" } else { "s" };
        raise!(TypeError, "{}() takes at most {} argument{} ({} given)", fname, N, s, pos.len());
    }
    for (slot, v) in out.iter_mut().zip(pos.iter()) {
        *slot = Some(v.clone());
    }
    for (k, v) in args.kwargs() {
        match names.iter().position(|n| *n == k) {
            Some(i) if out[i].is_none() => out[i] = Some(v.clone()),
            Some(_) => raise!(TypeError, "argument for {}() given by name ('{}') and position", fname, k),
            None => raise!(TypeError, "{}() got an unexpected keyword argument '{}'", fname, k),
        }
    }
    for (i, o) in out.iter().enumerate().take(required) {
        if o.is_none() {
            raise!(TypeError, "{}() missing required argument '{}' (pos {})", fname, names[i], i + 1);
        }
    }
    Ok(out)
}

/// The value, treating an explicit `None` as absent.
pub(crate) fn given(v: &Option<Value>) -> Option<&Value> {
    v.as_ref().filter(|x| !is_none(x))
}

pub(crate) fn to_i64(ts: &ThreadState, v: &Value) -> PyResult<i64> {
    if let Some(i) = spindle_vm::num::int_to_i64(v) {
        return Ok(i);
    }
    let i = ops::index(ts, v)?;
    spindle_vm::num::int_to_i64(&i).ok_or_else(|| err!(OverflowError, "Python int too large to convert to C long"))
}

pub(crate) fn opt_i64(ts: &ThreadState, v: &Option<Value>, default: i64) -> PyResult<i64> {
    match given(v) {
        Some(x) => to_i64(ts, x),
        None => Ok(default),
    }
}

pub(crate) fn truthy(ts: &ThreadState, v: &Option<Value>, default: bool) -> PyResult<bool> {
    match v {
        Some(x) => ops::is_true(ts, x),
        None => Ok(default),
    }
}

pub(crate) fn to_f64(ts: &ThreadState, v: &Value) -> PyResult<f64> {
    if let Some(f) = spindle_vm::num::float_value(v) {
        return Ok(f);
    }
    if let Some(i) = spindle_vm::num::int_to_i64(v) {
        return Ok(i as f64);
    }
    let f = ops::call(ts, &rt().types.float.to_value(), std::slice::from_ref(v))?;
    spindle_vm::num::float_value(&f).ok_or_else(|| err!(TypeError, "must be real number, not {}", ops::type_name(v)))
}

/// The bytes of a bytes-like object (bytes, bytearray, or anything `bytes()` accepts).
pub(crate) fn buffer_bytes(ts: &ThreadState, v: &Value) -> PyResult<Vec<u8>> {
    if let Some(b) = v.downcast::<spindle_vm::bytes::PyBytes>() {
        return Ok(b.data.to_vec());
    }
    if let Some(b) = v.downcast::<spindle_vm::bytes::PyByteArray>() {
        return Ok(b.data.lock().clone());
    }
    if as_str(v).is_some() {
        raise!(TypeError, "a bytes-like object is required, not 'str'");
    }
    let b = ops::call(ts, &rt().types.bytes.to_value(), std::slice::from_ref(v))?;
    match b.downcast::<spindle_vm::bytes::PyBytes>() {
        Some(b) => Ok(b.data.to_vec()),
        None => raise!(TypeError, "a bytes-like object is required, not '{}'", ops::type_name(v)),
    }
}

/// A zero-filled buffer of `n` bytes for a read of a size Python chose:
/// MemoryError (not an abort) when it cannot be allocated.
pub(crate) fn zeroed_buf(n: usize) -> PyResult<Vec<u8>> {
    spindle_vm::memory::zeroed_bytes(n)
}

/// The current `errno`.
pub(crate) fn last_errno() -> i32 {
    std::io::Error::last_os_error().raw_os_error().unwrap_or(0)
}

/// The message `strerror` gives for `code`.
pub(crate) fn strerror(code: i32) -> String {
    // SAFETY: strerror returns a pointer to a NUL-terminated static or
    // thread-local string; we copy it out at once.
    let p = unsafe { libc::strerror(code) };
    if p.is_null() {
        return format!("Unknown error {code}");
    }
    // SAFETY: p is non-null and NUL-terminated (checked above).
    unsafe { std::ffi::CStr::from_ptr(p) }.to_string_lossy().into_owned()
}

/// The `OSError` subclass CPython picks for `code`.
fn oserror_class(code: i32) -> spindle_vm::object::TypeRef {
    let e = &rt().exc;
    match code {
        libc::EAGAIN | libc::EALREADY | libc::EINPROGRESS => e.BlockingIOError,
        libc::ECHILD => e.ChildProcessError,
        libc::EPIPE | libc::ESHUTDOWN => e.BrokenPipeError,
        libc::ECONNABORTED => e.ConnectionAbortedError,
        libc::ECONNREFUSED => e.ConnectionRefusedError,
        libc::ECONNRESET => e.ConnectionResetError,
        libc::EEXIST => e.FileExistsError,
        libc::ENOENT => e.FileNotFoundError,
        libc::EISDIR => e.IsADirectoryError,
        libc::ENOTDIR => e.NotADirectoryError,
        libc::EINTR => e.InterruptedError,
        libc::EACCES | libc::EPERM => e.PermissionError,
        libc::ESRCH => e.ProcessLookupError,
        libc::ETIMEDOUT => e.TimeoutError,
        _ => e.OSError,
    }
}

/// An `OSError` (of the subclass matching `code`) with errno, strerror and
/// optional filename / filename2.
pub(crate) fn os_error(code: i32, filename: Option<&Value>, filename2: Option<&Value>) -> PyErr {
    let ty = oserror_class(code);
    let mut args = vec![spindle_vm::num::new_int(code as i64), new_str(&strerror(code))];
    if let Some(f) = filename {
        args.push(f.clone());
        if let Some(f2) = filename2 {
            args.push(spindle_vm::num::new_int(0));
            args.push(f2.clone());
        }
    }
    let exc = spindle_vm::exceptions::new_exception(ty, args[..2].to_vec());
    if let Some(f) = filename {
        let _ = ops::setattr_silent(&exc, "filename", f.clone());
    }
    if let Some(f2) = filename2 {
        let _ = ops::setattr_silent(&exc, "filename2", f2.clone());
    }
    PyErr(exc)
}

/// `os_error` for the current errno.
pub(crate) fn errno_err(filename: Option<&Value>) -> PyErr {
    os_error(last_errno(), filename, None)
}

/// A path argument: its bytes (NUL-free) and whether the caller passed bytes.
pub(crate) struct PathArg {
    pub c: std::ffi::CString,
    pub is_bytes: bool,
    pub original: Value,
}

/// `os.fspath(v)`.
pub(crate) fn fspath(ts: &ThreadState, v: &Value) -> PyResult<Value> {
    if as_str(v).is_some() || v.downcast::<spindle_vm::bytes::PyBytes>().is_some() {
        return Ok(v.clone());
    }
    match ops::call_dunder(ts, v, "__fspath__", &[]) {
        Ok(Some(r)) => {
            if as_str(&r).is_some() || r.downcast::<spindle_vm::bytes::PyBytes>().is_some() {
                Ok(r)
            } else {
                raise!(
                    TypeError,
                    "expected {}.__fspath__() to return str or bytes, not {}",
                    ops::type_name(v),
                    ops::type_name(&r)
                )
            }
        }
        Ok(None) => raise!(TypeError, "expected str, bytes or os.PathLike object, not {}", ops::type_name(v)),
        Err(e) => Err(e),
    }
}

/// Encodes a str path the way the file system encoding (utf-8 with
/// surrogateescape) does.
pub(crate) fn encode_fs(s: &str) -> Vec<u8> {
    let mut out = Vec::with_capacity(s.len());
    for c in s.chars() {
        let u = c as u32;
        if (0xDC80..=0xDCFF).contains(&u) {
            out.push((u - 0xDC00) as u8);
        } else {
            let mut buf = [0u8; 4];
            out.extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
        }
    }
    out
}

/// Decodes file system bytes to str (utf-8, surrogateescape where possible).
pub(crate) fn decode_fs(b: &[u8]) -> String {
    match std::str::from_utf8(b) {
        Ok(s) => s.to_owned(),
        Err(_) => {
            let mut out = String::new();
            let mut rest = b;
            while !rest.is_empty() {
                match std::str::from_utf8(rest) {
                    Ok(s) => {
                        out.push_str(s);
                        break;
                    }
                    Err(e) => {
                        let (good, bad) = rest.split_at(e.valid_up_to());
                        out.push_str(std::str::from_utf8(good).unwrap_or(""));
                        let n = e.error_len().unwrap_or(bad.len()).max(1);
                        for &byte in &bad[..n.min(bad.len())] {
                            out.push(char::from_u32(0xDC00 + byte as u32).unwrap_or('\u{FFFD}'));
                        }
                        rest = &bad[n.min(bad.len())..];
                    }
                }
            }
            out
        }
    }
}

pub(crate) fn path_arg(ts: &ThreadState, v: &Value, fname: &str) -> PyResult<PathArg> {
    let p = fspath(ts, v).map_err(|e| {
        if e.is_instance(rt().exc.TypeError) {
            err!(TypeError, "{}: path should be string, bytes or os.PathLike, not {}", fname, ops::type_name(v))
        } else {
            e
        }
    })?;
    let (bytes, is_bytes) = match as_str(&p) {
        Some(s) => (encode_fs(s), false),
        None => match p.downcast::<spindle_vm::bytes::PyBytes>() {
            Some(b) => (b.data.to_vec(), true),
            None => raise!(TypeError, "{}: path should be string, bytes or os.PathLike", fname),
        },
    };
    match std::ffi::CString::new(bytes) {
        Ok(c) => Ok(PathArg { c, is_bytes, original: v.clone() }),
        Err(_) => raise!(ValueError, "{}: embedded null character in path", fname),
    }
}

/// A str or bytes result matching the kind of the path argument.
pub(crate) fn path_result(b: &[u8], as_bytes: bool) -> Value {
    if as_bytes { spindle_vm::bytes::new_bytes(b) } else { new_str(&decode_fs(b)) }
}

/// Runs our own Python source `src` with `module`'s dict as globals.
pub(crate) fn run_source(ts: &ThreadState, module: &Value, src: &str, filename: &str) -> PyResult<()> {
    let code = spindle_vm::import::compile_source(ts, src, filename, "exec")?;
    let globals = spindle_vm::native::module_dict(module)
        .map(|_| module.downcast::<spindle_vm::cell::PyModule>().map(|m| m.dict.clone()).unwrap_or_else(none))
        .unwrap_or_else(none);
    if let Some(d) = spindle_vm::native::module_dict(module) {
        if d.get_str("__builtins__").is_none() {
            d.set_str(new_str("__builtins__"), ts.interp.builtins.clone());
        }
    }
    spindle_vm::eval::run_code(ts, &code, &globals, None).map(drop)
}

/// A module attribute (after init).
pub(crate) fn module_attr(module: &Value, name: &str) -> Option<Value> {
    spindle_vm::native::module_dict(module).and_then(|d| d.get_str(name))
}

pub(crate) fn import(ts: &ThreadState, name: &str) -> PyResult<Value> {
    spindle_vm::import::import_module(ts, name)
}

/// Python source defining `_structseq(qualname, fields, nseq)`: a tuple
/// subclass like CPython's struct sequences (first `nseq` fields are the
/// tuple items, the rest are attributes only).
pub(crate) const STRUCTSEQ_SRC: &str = r#"
def _structseq(qualname, fields, nseq=None):
    module, _, name = qualname.rpartition('.')
    nfields = len(fields)
    nseq = nfields if nseq is None else nseq

    def __new__(cls, sequence, dict=None):
        seq = tuple(sequence)
        n = len(seq)
        if n < nseq:
            if nseq == nfields:
                raise TypeError(f"{qualname}() takes a {nseq}-sequence ({n}-sequence given)")
            raise TypeError(f"{qualname}() takes an at least {nseq}-sequence ({n}-sequence given)")
        if n > nfields:
            if nseq == nfields:
                raise TypeError(f"{qualname}() takes a {nseq}-sequence ({n}-sequence given)")
            raise TypeError(f"{qualname}() takes an at most {nfields}-sequence ({n}-sequence given)")
        self = tuple.__new__(cls, seq[:nseq])
        if nfields > nseq:
            extra = list(seq[nseq:]) + [None] * (nfields - n)
            if dict:
                for i, f in enumerate(fields[nseq:]):
                    if f in dict:
                        extra[i] = dict[f]
            self._extra = tuple(extra)
        return self

    def __repr__(self):
        parts = []
        for i in range(nseq):
            parts.append(f"{fields[i]}={tuple.__getitem__(self, i)!r}")
        return f"{qualname}(" + ", ".join(parts) + ")"

    def __reduce__(self):
        d = {}
        if nfields > nseq:
            d = {f: v for f, v in zip(fields[nseq:], self._extra)}
        return (type(self), (tuple(self), d))

    ns = {'__new__': __new__, '__repr__': __repr__, '__reduce__': __reduce__,
          '__module__': module, 'n_sequence_fields': nseq, 'n_fields': nfields,
          'n_unnamed_fields': 0, '__match_args__': tuple(fields[:nseq])}
    for i, f in enumerate(fields):
        if i < nseq:
            ns[f] = property(lambda self, i=i: tuple.__getitem__(self, i))
        else:
            ns[f] = property(lambda self, i=i - nseq: self._extra[i])
    return type(name, (tuple,), ns)


"#;

/// Positional-only argument checking with CPython's messages: `qualname`
/// (`module.func`) names the function in the METH_O / METH_NOARGS forms,
/// `name` in Argument Clinic's count messages.
pub(crate) fn positional_only<'a>(qualname: &str, name: &str, args: Args<'a>, min: usize, max: usize) -> PyResult<&'a [Value]> {
    if args.has_kwargs() {
        raise!(TypeError, "{}() takes no keyword arguments", qualname);
    }
    let n = args.args.len();
    if (min..=max).contains(&n) {
        return Ok(args.args);
    }
    let plural = |k: usize| if k == 1 { "" } else { "s" };
    match (min, max) {
        (0, 0) => raise!(TypeError, "{}() takes no arguments ({} given)", qualname, n),
        (1, 1) => raise!(TypeError, "{}() takes exactly one argument ({} given)", qualname, n),
        _ if min == max => raise!(TypeError, "{} expected {} argument{}, got {}", name, max, plural(max), n),
        _ if n < min => raise!(TypeError, "{} expected at least {} argument{}, got {}", name, min, plural(min), n),
        _ => raise!(TypeError, "{} expected at most {} argument{}, got {}", name, max, plural(max), n),
    }
}

/// A C `int` argument as Argument Clinic converts one.
pub(crate) fn c_int(ts: &ThreadState, v: &Value) -> PyResult<i32> {
    let i = ops::index(ts, v)?;
    spindle_vm::num::int_to_i64(&i)
        .and_then(|x| i32::try_from(x).ok())
        .ok_or_else(|| err!(OverflowError, "Python int too large to convert to C int"))
}

/// A C `long` argument as Argument Clinic converts one.
pub(crate) fn c_long(ts: &ThreadState, v: &Value) -> PyResult<i64> {
    let i = ops::index(ts, v)?;
    spindle_vm::num::int_to_i64(&i).ok_or_else(|| err!(OverflowError, "Python int too large to convert to C long"))
}

/// Runs `src` (which defines struct-sequence classes with `_structseq`,
/// see `STRUCTSEQ_SRC`) inside `module`, then keeps each class named in
/// `classes` in the interpreter's module state under `module.Class`, for
/// `new_structseq`.
pub(crate) fn define_structseqs(ts: &ThreadState, module: &Value, src: &str, classes: &[&'static str]) -> PyResult<()> {
    let filename = format!("<{}>", module_name(module));
    run_source(ts, module, STRUCTSEQ_SRC, &filename)?;
    run_source(ts, module, src, &filename)?;
    if let Some(d) = spindle_vm::native::module_dict(module) {
        d.remove_str("_structseq");
    }
    for key in classes {
        let class_name = key.rsplit('.').next().unwrap_or(key);
        if let Some(c) = module_attr(module, class_name) {
            ts.interp.module_state(key, || c);
        }
    }
    Ok(())
}

/// A new instance of the struct-sequence class `define_structseqs` kept
/// under `key`, holding `items`.
pub(crate) fn new_structseq(ts: &ThreadState, key: &'static str, items: Vec<Value>) -> PyResult<Value> {
    let cls = ts.interp.module_state(key, none);
    if is_none(&cls) {
        raise!(SystemError, "{} is not initialised", key);
    }
    ops::call(ts, &cls, &[spindle_vm::seq::new_tuple(items)])
}

fn module_name(module: &Value) -> String {
    module_attr(module, "__name__").and_then(|n| as_str(&n).map(str::to_owned)).unwrap_or_default()
}

/// `sys.audit(event, *args)`.
pub(crate) fn audit(ts: &ThreadState, event: &str, args: &[Value]) -> PyResult<()> {
    let sys = import(ts, "sys")?;
    let mut all = Vec::with_capacity(args.len() + 1);
    all.push(new_str(event));
    all.extend_from_slice(args);
    ops::call_method(ts, &sys, "audit", &all).map(drop)
}

/// `warnings.warn(message, <builtin category>, 1)`.
pub(crate) fn warn(ts: &ThreadState, category: &str, message: &str) -> PyResult<()> {
    let warnings = import(ts, "warnings")?;
    let builtins = import(ts, "builtins")?;
    let cat = ops::getattr_str(ts, &builtins, category)?;
    ops::call_method(ts, &warnings, "warn", &[new_str(message), cat, spindle_vm::num::new_int(1)]).map(drop)
}

/// Start-up's `-X faulthandler` / PYTHONFAULTHANDLER (the binary calls this
/// after the std streams exist).
pub fn enable_faulthandler(ts: &ThreadState) -> PyResult<()> {
    faulthandler::enable_at_startup(ts)
}
