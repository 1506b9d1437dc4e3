//! The `sys` module, the standard streams, `input()`, source-line lookup for
//! tracebacks, warnings from native code, and re-exports of the formatting
//! glue (which lives in `format.rs` on `spindle_num`'s engines).

use std::io::Write;

use parking_lot::Mutex;

use super::{add_methods, check_args};
use crate::error::{PyErr, PyResult};
use crate::function::Args;
use crate::interp::ThreadState;
use crate::num::{new_bool, new_int};
use crate::object::{PayloadKind, PyPayload, TypeRef, alloc};
use crate::ops;
use crate::runtime::{is_none, none, rt};
use crate::str::{as_str, new_str, new_string};
use crate::value::Value;
use crate::raise;

/// A minimal text stream on a file descriptor (stdout is block-buffered
/// unless `-u`, stderr unbuffered), used until `_io` provides the real ones.
pub struct FdStream {
    pub fd: i32,
    pub buf: Mutex<Vec<u8>>,
    pub buffered: bool,
}

impl PyPayload for FdStream {
    const KIND: PayloadKind = crate::kinds::NATIVE_STREAM;
}

impl FdStream {
    pub fn write_bytes(&self, b: &[u8]) {
        if self.buffered {
            let mut buf = self.buf.lock();
            buf.extend_from_slice(b);
            if buf.len() >= 8192 {
                let data = std::mem::take(&mut *buf);
                drop(buf);
                raw_write(self.fd, &data);
            }
        } else {
            raw_write(self.fd, b);
        }
    }
    pub fn flush(&self) {
        let data = std::mem::take(&mut *self.buf.lock());
        if !data.is_empty() {
            raw_write(self.fd, &data);
        }
    }
}

fn raw_write(fd: i32, data: &[u8]) {
    if fd == 2 {
        let _ = std::io::stderr().write_all(data);
        let _ = std::io::stderr().flush();
    } else {
        let mut out = std::io::stdout().lock();
        let _ = out.write_all(data);
        let _ = out.flush();
    }
}

pub fn make_stream_type() -> TypeRef {
    let r = rt();
    let td = crate::types::TypeData::new("TextIOWrapper", &<FdStream as crate::object::HasVtable>::VTABLE, 0, 0, Vec::new());
    let v = crate::object::alloc_immortal(r.types.type_, td);
    let t = TypeRef::from_value(&v).unwrap_or(r.types.object);
    crate::class::set_builtin_base_pub(t, r.types.object);
    let _ = t.data().dict.set(crate::object::alloc_immortal(r.types.dict, crate::dict::PyDict::new()));
    add_methods(
        t,
        &[
            ("write", |_, a| {
                check_args("write", a, 1, 1)?;
                let s = &a.args[1];
                let Some(text) = as_str(s) else { raise!(TypeError, "write() argument must be str, not {}", ops::type_name(s)) };
                if let Some(f) = a.args[0].downcast::<FdStream>() {
                    f.write_bytes(text.as_bytes());
                }
                Ok(new_int(text.chars().count() as i64))
            }),
            ("flush", |_, a| {
                if let Some(f) = a.args[0].downcast::<FdStream>() {
                    f.flush();
                }
                Ok(none())
            }),
            ("fileno", |_, a| Ok(new_int(i64::from(a.args[0].downcast::<FdStream>().map(|f| f.fd).unwrap_or(-1))))),
            ("isatty", |_, a| {
                let fd = a.args[0].downcast::<FdStream>().map(|f| f.fd).unwrap_or(-1);
                Ok(new_bool(is_tty(fd)))
            }),
            ("writable", |_, _| Ok(new_bool(true))),
            ("readable", |_, _| Ok(new_bool(false))),
            ("readline", |_, _| {
                let mut line = String::new();
                let _ = std::io::stdin().read_line(&mut line);
                Ok(new_string(line))
            }),
        ],
    );
    super::add_value(t, "encoding", new_str("utf-8"));
    super::add_value(t, "errors", new_str("strict"));
    t
}

pub fn is_tty(fd: i32) -> bool {
    use std::io::IsTerminal;
    match fd {
        0 => std::io::stdin().is_terminal(),
        1 => std::io::stdout().is_terminal(),
        2 => std::io::stderr().is_terminal(),
        _ => false,
    }
}

pub fn sys_attr(ts: &ThreadState, name: &str) -> Option<Value> {
    ts.interp.sys_dict.downcast::<crate::dict::PyDict>().and_then(|d| d.get_str(name))
}

/// Writes text to `sys.stderr` (falling back to fd 2).
pub fn write_stderr(ts: &ThreadState, s: &str) {
    match sys_attr(ts, "stderr").filter(|e| !is_none(e)) {
        Some(e) => {
            if let Some(f) = e.downcast::<FdStream>() {
                f.write_bytes(s.as_bytes());
                return;
            }
            if ops::call_method(ts, &e, "write", &[new_str(s)]).is_err() {
                raw_write(2, s.as_bytes());
            }
            let _ = ops::call_method(ts, &e, "flush", &[]);
        }
        None => raw_write(2, s.as_bytes()),
    }
}

pub fn write_stdout(ts: &ThreadState, s: &str) -> PyResult<()> {
    match sys_attr(ts, "stdout").filter(|e| !is_none(e)) {
        Some(o) => ops::call_method(ts, &o, "write", &[new_str(s)]).map(drop),
        None => Ok(()),
    }
}

/// Flushes sys.stdout and sys.stderr (at exit and before printing tracebacks).
pub fn flush_std_streams(ts: &ThreadState) {
    for name in ["stdout", "stderr"] {
        if let Some(s) = sys_attr(ts, name).filter(|e| !is_none(e)) {
            if let Some(f) = s.downcast::<FdStream>() {
                f.flush();
            } else {
                let _ = ops::call_method(ts, &s, "flush", &[]);
            }
        }
    }
}

/// Line `lineno` of `filename` (for tracebacks), from the embedded Lib or disk.
pub fn source_line(filename: &str, lineno: u32) -> Option<String> {
    if lineno == 0 {
        return None;
    }
    let text = crate::import::source_for_traceback(filename)?;
    text.lines().nth(lineno as usize - 1).map(str::to_owned)
}

pub fn builtin_input(ts: &ThreadState, a: Args<'_>) -> PyResult {
    if a.args.len() > 1 {
        raise!(TypeError, "input expected at most 1 argument, got {}", a.args.len());
    }
    if let Some(p) = a.args.first() {
        let s = ops::str_string(ts, p)?;
        write_stdout(ts, &s)?;
    }
    flush_std_streams(ts);
    if let Some(stdin) = sys_attr(ts, "stdin").filter(|s| !is_none(s) && s.downcast::<FdStream>().is_none()) {
        let line = ops::call_method(ts, &stdin, "readline", &[])?;
        let s = ops::str_string(ts, &line)?;
        if s.is_empty() {
            raise!(EOFError, "EOF when reading a line");
        }
        return Ok(new_string(s.strip_suffix('\n').unwrap_or(&s).to_owned()));
    }
    let mut buf = Vec::new();
    let mut stdin = std::io::stdin().lock();
    let n = std::io::BufRead::read_until(&mut stdin, b'\n', &mut buf).unwrap_or(0);
    if n == 0 {
        raise!(EOFError, "EOF when reading a line");
    }
    if buf.last() == Some(&b'\n') {
        buf.pop();
        if buf.last() == Some(&b'\r') {
            buf.pop();
        }
    }
    Ok(new_string(String::from_utf8_lossy(&buf).into_owned()))
}

pub fn builtin_open(ts: &ThreadState, a: Args<'_>) -> PyResult {
    let io = crate::import::import_module(ts, "io")?;
    let open = ops::getattr_str(ts, &io, "open")?;
    ops::call_args(ts, &open, a)
}

/// Issues a warning from native code (via `warnings.warn` once importable).
pub fn warn(ts: &ThreadState, w: &PyErr) -> PyResult<()> {
    let msg = ops::str_string(ts, w.value())?;
    let cat = w.value().type_ref().to_value();
    match crate::import::import_module(ts, "warnings") {
        Ok(m) => {
            let f = ops::getattr_str(ts, &m, "warn")?;
            ops::call(ts, &f, &[new_str(&msg), cat, new_int(1)])?;
        }
        Err(_) => write_stderr(ts, &format!("{}: {}\n", w.value().type_ref().name(), msg)),
    }
    Ok(())
}

// ---------------------------------------------------------------- formatting glue
// The format-spec and printf engines live in `format.rs`; these names stay here.

pub use super::format::{format_number, format_str, percent_format_impl};

pub fn new_fd_stream(t: TypeRef, fd: i32, buffered: bool) -> Value {
    alloc(t, FdStream { fd, buf: Mutex::new(Vec::new()), buffered })
}

/// `sys.monitoring`: a module object running `sys_monitoring.py`.
pub fn monitoring_module(ts: &ThreadState) -> PyResult {
    let m = crate::import::new_module("sys.monitoring");
    let Some(d) = m.downcast::<crate::cell::PyModule>().map(|p| p.dict.clone()) else { return Ok(m) };
    if let Some(dd) = d.downcast::<crate::dict::PyDict>() {
        dd.set_str(new_str("__builtins__"), ts.interp.builtins.clone());
    }
    let code = crate::import::compile_source(ts, include_str!("sys_monitoring.py"), "<spindle:sys.monitoring>", "exec")?;
    crate::eval::run_code(ts, &code, &d, None)?;
    Ok(m)
}

/// `sys._clear_type_descriptors(type)`: drops the type's `__dict__` and
/// `__weakref__` descriptors (dataclasses does this before rebuilding a
/// class with `__slots__`).
pub fn clear_type_descriptors(ts: &ThreadState, a: Args<'_>) -> PyResult {
    let _ = ts;
    let Some(t) = a.args.first().and_then(TypeRef::from_value) else {
        raise!(
            TypeError,
            "_clear_type_descriptors() argument must be type, not {}",
            a.args.first().map(ops::type_name).unwrap_or_default()
        )
    };
    let d = t.data().dict_data();
    d.remove_str("__dict__");
    d.remove_str("__weakref__");
    t.bump_version();
    Ok(none())
}
