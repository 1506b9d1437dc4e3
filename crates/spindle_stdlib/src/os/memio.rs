//! `_io.StringIO` and `_io.BytesIO`: in-memory text and byte streams, native
//! as CPython's C `_io` has them (same results, same error messages).
//!
//! Each object keeps its state behind its own lock; the lock is never held
//! while Python code runs (argument conversion happens before locking, and
//! calls out to Python — a subclass's `readline`, `__index__` — after).
//!
//! `StringIO` stores code points (`Vec<u32>`), so seeking and reading are
//! O(1) per character; `getvalue` builds the narrowest str (PEP 393).
//! Newline handling follows CPython: `newline=None` translates `\r\n` and
//! `\r` to `\n` on write and records the kinds seen (`newlines`), `''`
//! records without translating and reads lines universally, `'\r'`/`'\r\n'`
//! replace `\n` on write and end lines on read.
//!
//! `BytesIO.getbuffer()` returns a live `memoryview` over a small exporter
//! object (`_io._BytesIOBuffer`): writes through the view land in the
//! stream, and while a view exists the stream refuses to resize or close.
//!
//! The two classes derive from the `_io` module's `_TextIOBase` /
//! `_BufferedIOBase` (which provide `fileno`, `detach`, `__enter__`, ...).

use std::sync::OnceLock;
use std::sync::atomic::{AtomicUsize, Ordering};

use parking_lot::Mutex;
use spindle_str::{PyStrData, UnitsRef};
use spindle_vm::buffer::{BufferExporter, register};
use spindle_vm::bytes::{PyByteArray, new_bytes};
use spindle_vm::function::Args;
use spindle_vm::interp::ThreadState;
use spindle_vm::native::{add_methods, new_type, set_new};
use spindle_vm::num::{int_to_i64, new_bool, new_int};
use spindle_vm::object::{PayloadKind, PyPayload, TypeRef, alloc};
use spindle_vm::runtime::{is_none, none, rt};
use spindle_vm::seq::{new_list, new_tuple, tuple_items};
use spindle_vm::str::{as_data, new_data, new_str};
use spindle_vm::types::type_flags;
use spindle_vm::{PyErr, PyResult, Value, err, ops, raise};

use crate::math::{add_getter, cls_of, exact};

// ----------------------------------------------------------------------------
// Shared helpers

/// The `size` argument of read/readline/readlines: None or absent is -1.
fn opt_size(ts: &ThreadState, v: Option<&Value>) -> PyResult<i64> {
    match v {
        None => Ok(-1),
        Some(v) if is_none(v) => Ok(-1),
        Some(v) => {
            if let Some(i) = int_to_i64(v) {
                return Ok(i);
            }
            let has_index = ops::getattr_opt(ts, &v.type_ref().to_value(), "__index__")?.is_some();
            if !has_index {
                raise!(TypeError, "argument should be integer or None, not '{}'", ops::type_name(v));
            }
            ssize(ts, v)
        }
    }
}

/// An index-like value as a C `Py_ssize_t` (OverflowError past 64 bits).
fn ssize(ts: &ThreadState, v: &Value) -> PyResult<i64> {
    let i = ops::index(ts, v)?;
    int_to_i64(&i).ok_or_else(|| err!(OverflowError, "Python int too large to convert to C ssize_t"))
}

/// A C `int` argument (whence).
fn c_int(ts: &ThreadState, v: &Value) -> PyResult<i64> {
    let i = ops::index(ts, v)?;
    match int_to_i64(&i) {
        Some(x) if i32::try_from(x).is_ok() => Ok(x),
        Some(x) if x < 0 => raise!(OverflowError, "signed integer is less than minimum"),
        _ => raise!(OverflowError, "signed integer is greater than maximum"),
    }
}

/// Grows `v` to `len` items of `fill`; a size the allocator refuses is
/// CPython's MemoryError, never an abort.
pub(crate) fn grow<T: Clone>(v: &mut Vec<T>, len: usize, fill: T) -> PyResult<()> {
    if len > v.len() {
        spindle_vm::memory::resize(v, len, fill)?;
    }
    Ok(())
}

/// `n` zero bytes (MemoryError when they cannot be had).
pub(crate) fn zeroed(n: usize) -> PyResult<Vec<u8>> {
    spindle_vm::memory::zeroed_bytes(n)
}

fn stop() -> PyErr {
    PyErr::bare(rt().exc.StopIteration)
}

/// The instance `__dict__` of `obj`, copied (None when it has none or it is empty).
fn dict_copy(ts: &ThreadState, obj: &Value) -> PyResult<Value> {
    let d = spindle_vm::object::dict_if_any(obj);
    match d {
        Some(d) if ops::len(ts, &d)? > 0 => ops::call(ts, &rt().types.dict.to_value(), &[d]),
        _ => Ok(none()),
    }
}

/// `obj.__dict__.update(d)` (for `__setstate__`).
fn dict_update(ts: &ThreadState, obj: &Value, d: &Value) -> PyResult<()> {
    match ops::instance_dict(obj) {
        Some(mine) => ops::call_method(ts, &mine, "update", std::slice::from_ref(d)).map(drop),
        None => Ok(()),
    }
}

/// The type's name as CPython's `tp_name` shows it: `_io.X` for the builtin
/// class itself, the bare name for a Python subclass.
fn tp_name(v: &Value, own: Option<TypeRef>, full: &str) -> String {
    if Some(v.type_ref()) == own { full.to_owned() } else { ops::type_name(v) }
}

/// Gives the Python-level IOBase closed check's error.
fn closed_dot() -> PyErr {
    err!(ValueError, "I/O operation on closed file.")
}

// ----------------------------------------------------------------------------
// StringIO

/// The `newline` argument of a StringIO.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Newline {
    /// `None`: universal newlines, translated to `\n`.
    Translate,
    /// `''`: universal newlines, kept as written.
    Universal,
    Lf,
    Cr,
    CrLf,
}

impl Newline {
    fn text(self) -> Option<&'static str> {
        match self {
            Newline::Translate => None,
            Newline::Universal => Some(""),
            Newline::Lf => Some("\n"),
            Newline::Cr => Some("\r"),
            Newline::CrLf => Some("\r\n"),
        }
    }
    fn universal(self) -> bool {
        matches!(self, Newline::Translate | Newline::Universal)
    }
}

use super::newline::{SEEN_CR, SEEN_CRLF, SEEN_LF, seen_newlines};

struct StrState {
    /// `__init__` has run (CPython's "uninitialized object" check).
    ok: bool,
    closed: bool,
    buf: Vec<u32>,
    pos: usize,
    newline: Newline,
    /// Newline kinds seen by the universal-newline decoder (SEEN_* bits).
    seen: u8,
}

pub struct PyStringIO {
    st: Mutex<StrState>,
}

impl PyPayload for PyStringIO {
    const KIND: PayloadKind = crate::kinds::kind(crate::kinds::OS_BASE + 40);
}

static STRINGIO_T: OnceLock<TypeRef> = OnceLock::new();
static BYTESIO_T: OnceLock<TypeRef> = OnceLock::new();
static BUFFER_T: OnceLock<TypeRef> = OnceLock::new();

fn sio<'a>(a: &'a Args<'_>) -> PyResult<(&'a Value, &'a PyStringIO)> {
    let Some(v) = a.args.first() else { raise!(TypeError, "descriptor needs an argument") };
    match v.downcast::<PyStringIO>() {
        Some(p) => Ok((v, p)),
        None => raise!(TypeError, "descriptor requires a '_io.StringIO' object but received a '{}'", ops::type_name(v)),
    }
}

impl StrState {
    fn check_ok(&self) -> PyResult<()> {
        if !self.ok {
            raise!(ValueError, "I/O operation on uninitialized object");
        }
        Ok(())
    }
    /// Initialized and open.
    fn check(&self) -> PyResult<()> {
        self.check_ok()?;
        if self.closed {
            raise!(ValueError, "I/O operation on closed file");
        }
        Ok(())
    }

    /// Writes `text` at the position (after newline translation); pads
    /// with NULs when the position is past the end.
    fn write(&mut self, text: &PyStrData) -> PyResult<()> {
        let n = text.len();
        if n == 0 {
            return Ok(());
        }
        let plain = !self.newline.universal() && !matches!(self.newline, Newline::Cr | Newline::CrLf);
        let mut tmp: Vec<u32>;
        let src: &[u32] = if plain {
            tmp = Vec::with_capacity(n);
            match text.units() {
                UnitsRef::Latin1(b) => tmp.extend(b.iter().map(|&c| u32::from(c))),
                UnitsRef::Ucs2(b) => tmp.extend(b.iter().map(|&c| u32::from(c))),
                UnitsRef::Ucs4(b) => tmp.extend_from_slice(b),
            }
            &tmp
        } else {
            tmp = self.translate(text);
            &tmp
        };
        let end = self.pos.saturating_add(src.len());
        // CPython's buffer of UCS4 units: past `PY_SSIZE_T_MAX` bytes overflows.
        if end > isize::MAX as usize / std::mem::size_of::<u32>() {
            raise!(OverflowError, "new buffer size too large");
        }
        if self.pos == self.buf.len() {
            grow(&mut self.buf, end, 0)?;
            self.buf[self.pos..end].copy_from_slice(src);
        } else {
            grow(&mut self.buf, end, 0)?;
            self.buf[self.pos..end].copy_from_slice(src);
        }
        self.pos = end;
        Ok(())
    }

    /// The universal-newline decoding (recording the kinds seen, translating
    /// for `newline=None`) and then the write translation of `\n`.
    fn translate(&mut self, text: &PyStrData) -> Vec<u32> {
        let cps: Vec<u32> = text.code_points().collect();
        let mut out = Vec::with_capacity(cps.len());
        if self.newline.universal() {
            let translate = self.newline == Newline::Translate;
            let mut i = 0;
            while i < cps.len() {
                let c = cps[i];
                if c == 0x0D {
                    if cps.get(i + 1) == Some(&0x0A) {
                        self.seen |= SEEN_CRLF;
                        if translate {
                            out.push(0x0A);
                        } else {
                            out.push(0x0D);
                            out.push(0x0A);
                        }
                        i += 2;
                        continue;
                    }
                    self.seen |= SEEN_CR;
                    out.push(if translate { 0x0A } else { 0x0D });
                } else {
                    if c == 0x0A {
                        self.seen |= SEEN_LF;
                    }
                    out.push(c);
                }
                i += 1;
            }
        } else {
            out = cps;
        }
        let nl: &[u32] = match self.newline {
            Newline::Cr => &[0x0D],
            Newline::CrLf => &[0x0D, 0x0A],
            _ => return out,
        };
        let mut res = Vec::with_capacity(out.len());
        for c in out {
            if c == 0x0A {
                res.extend_from_slice(nl);
            } else {
                res.push(c);
            }
        }
        res
    }

    /// The length of the next line from the position, at most `limit`
    /// characters (negative: no limit); the position moves past it.
    fn readline(&mut self, limit: i64) -> &[u32] {
        let start = self.pos.min(self.buf.len());
        let mut end = self.buf.len();
        if limit >= 0 && (limit as u64) < (end - start) as u64 {
            end = start + limit as usize;
        }
        let s = &self.buf[start..end];
        let n = match self.newline {
            Newline::Translate | Newline::Lf => s.iter().position(|&c| c == 0x0A).map(|i| i + 1),
            Newline::Cr => s.iter().position(|&c| c == 0x0D).map(|i| i + 1),
            Newline::Universal => s.iter().position(|&c| c == 0x0A || c == 0x0D).map(|i| {
                if s[i] == 0x0D && s.get(i + 1) == Some(&0x0A) { i + 2 } else { i + 1 }
            }),
            Newline::CrLf => s.windows(2).position(|w| w == [0x0D, 0x0A]).map(|i| i + 2),
        };
        let n = n.unwrap_or(s.len());
        self.pos = start + n;
        &self.buf[start..start + n]
    }
}

fn str_of(units: &[u32]) -> Value {
    match PyStrData::from_ucs4(units) {
        Ok(d) => new_data(d),
        Err(_) => new_str(""),
    }
}

fn sio_new(_ts: &ThreadState, a: Args<'_>) -> PyResult {
    let cls = cls_of(&a)?;
    Ok(alloc(
        cls,
        PyStringIO {
            st: Mutex::new(StrState { ok: false, closed: false, buf: Vec::new(), pos: 0, newline: Newline::Lf, seen: 0 }),
        },
    ))
}

fn parse_newline(ts: &ThreadState, v: Option<&Value>) -> PyResult<Newline> {
    let Some(v) = v else { return Ok(Newline::Lf) };
    if is_none(v) {
        return Ok(Newline::Translate);
    }
    let Some(d) = as_data(v) else { raise!(TypeError, "newline must be str or None, not {}", ops::type_name(v)) };
    Ok(match d.to_str() {
        Some("") => Newline::Universal,
        Some("\n") => Newline::Lf,
        Some("\r") => Newline::Cr,
        Some("\r\n") => Newline::CrLf,
        _ => raise!(ValueError, "illegal newline value: {}", ops::repr_string(ts, v)?),
    })
}

/// Sets up the stream: `initial`, `newline` as `StringIO(initial_value, newline)`.
fn sio_setup(ts: &ThreadState, p: &PyStringIO, initial: Option<&Value>, newline: Option<&Value>) -> PyResult<()> {
    let nl = parse_newline(ts, newline)?;
    let init = match initial {
        Some(v) if !is_none(v) => match as_data(v) {
            Some(d) => Some(d),
            None => raise!(TypeError, "initial_value must be str or None, not {}", ops::type_name(v)),
        },
        _ => None,
    };
    let mut st = p.st.lock();
    st.ok = true;
    st.closed = false;
    st.buf.clear();
    st.pos = 0;
    st.seen = 0;
    st.newline = nl;
    if let Some(d) = init {
        st.write(d)?;
        st.pos = 0;
    }
    Ok(())
}

fn sio_init(ts: &ThreadState, a: Args<'_>) -> PyResult {
    let (_, p) = sio(&a)?;
    let [initial, newline] = crate::math::parse("StringIO", &a, 1, ["initial_value", "newline"], 0)?;
    sio_setup(ts, p, initial.as_ref(), newline.as_ref())?;
    Ok(none())
}

fn sio_write(_ts: &ThreadState, a: Args<'_>) -> PyResult {
    let (_, p) = sio(&a)?;
    let v = exact("write", &a, 1, 1, 1)?;
    write_str(p, &v[0])
}

fn write_str(p: &PyStringIO, v: &Value) -> PyResult {
    let mut st = p.st.lock();
    st.check_ok()?;
    let Some(d) = as_data(v) else { raise!(TypeError, "string argument expected, got '{}'", ops::type_name(v)) };
    st.check()?;
    st.write(d)?;
    Ok(new_int(d.len() as i64))
}

fn sio_read(ts: &ThreadState, a: Args<'_>) -> PyResult {
    let (_, p) = sio(&a)?;
    let v = exact("read", &a, 1, 0, 1)?;
    let n = opt_size(ts, v.first())?;
    let mut st = p.st.lock();
    st.check()?;
    let len = st.buf.len();
    let start = st.pos.min(len);
    let end = if n < 0 || (n as u64) >= (len - start) as u64 { len } else { start + n as usize };
    st.pos = st.pos.max(end);
    if start == end {
        return Ok(new_str(""));
    }
    Ok(str_of(&st.buf[start..end]))
}

fn sio_readline(ts: &ThreadState, a: Args<'_>) -> PyResult {
    let (_, p) = sio(&a)?;
    let v = exact("readline", &a, 1, 0, 1)?;
    let n = opt_size(ts, v.first())?;
    let mut st = p.st.lock();
    st.check()?;
    Ok(str_of(st.readline(n)))
}

/// The next line for iteration, or None at the end.
fn next_line(ts: &ThreadState, this: &Value, p: &PyStringIO) -> PyResult<Option<Value>> {
    {
        let mut st = p.st.lock();
        st.check()?;
        if Some(this.type_ref()) == STRINGIO_T.get().copied() {
            let line = st.readline(-1);
            return Ok(if line.is_empty() { None } else { Some(str_of(line)) });
        }
    }
    let line = ops::call_method(ts, this, "readline", &[])?;
    let Some(d) = as_data(&line) else {
        raise!(OSError, "readline() should have returned a str object, not '{}'", ops::type_name(&line))
    };
    Ok(if d.is_empty() { None } else { Some(line) })
}

fn sio_next(ts: &ThreadState, a: Args<'_>) -> PyResult {
    let (this, p) = sio(&a)?;
    next_line(ts, this, p)?.ok_or_else(stop)
}

fn sio_iter(ts: &ThreadState, a: Args<'_>) -> PyResult {
    let (this, p) = sio(&a)?;
    let closed = p.st.lock().closed;
    check_closed_attr(ts, this, closed)?;
    Ok(this.clone())
}

/// IOBase's check through the `closed` attribute (with its trailing period);
/// the builtin class reads its own flag.
fn check_closed_attr(ts: &ThreadState, this: &Value, own: bool) -> PyResult<()> {
    let exact_t = Some(this.type_ref()) == STRINGIO_T.get().copied() || Some(this.type_ref()) == BYTESIO_T.get().copied();
    let closed = if exact_t {
        own
    } else {
        let c = ops::getattr_str(ts, this, "closed")?;
        ops::is_true(ts, &c)?
    };
    if closed {
        return Err(closed_dot());
    }
    Ok(())
}

fn sio_readlines(ts: &ThreadState, a: Args<'_>) -> PyResult {
    let (this, p) = sio(&a)?;
    let v = exact("readlines", &a, 1, 0, 1)?;
    let hint = opt_size(ts, v.first())?;
    let closed = p.st.lock().closed;
    check_closed_attr(ts, this, closed)?;
    let mut out = Vec::new();
    let mut total: i64 = 0;
    while let Some(line) = next_line(ts, this, p)? {
        let n = ops::len(ts, &line)? as i64;
        out.push(line);
        if hint > 0 {
            if n > hint - total {
                break;
            }
            total += n;
        }
    }
    Ok(new_list(out))
}

fn sio_writelines(ts: &ThreadState, a: Args<'_>) -> PyResult {
    let (this, p) = sio(&a)?;
    let v = exact("writelines", &a, 1, 1, 1)?;
    let closed = p.st.lock().closed;
    check_closed_attr(ts, this, closed)?;
    let own = Some(this.type_ref()) == STRINGIO_T.get().copied();
    let it = ops::iter(ts, &v[0])?;
    while let Some(line) = ops::next(ts, &it)? {
        if own {
            write_str(p, &line)?;
        } else {
            ops::call_method(ts, this, "write", &[line])?;
        }
    }
    Ok(none())
}

fn sio_tell(_ts: &ThreadState, a: Args<'_>) -> PyResult {
    let (_, p) = sio(&a)?;
    exact("tell", &a, 1, 0, 0)?;
    let st = p.st.lock();
    st.check()?;
    Ok(new_int(st.pos as i64))
}

fn sio_seek(ts: &ThreadState, a: Args<'_>) -> PyResult {
    let (_, p) = sio(&a)?;
    let v = exact("seek", &a, 1, 1, 2)?;
    let pos = ssize(ts, &v[0])?;
    let whence = match v.get(1) {
        Some(w) => c_int(ts, w)?,
        None => 0,
    };
    let mut st = p.st.lock();
    st.check()?;
    if !(0..=2).contains(&whence) {
        raise!(ValueError, "Invalid whence ({}, should be 0, 1 or 2)", whence);
    }
    if pos < 0 && whence == 0 {
        raise!(ValueError, "Negative seek position {}", pos);
    }
    if whence != 0 && pos != 0 {
        raise!(OSError, "Can't do nonzero cur-relative seeks");
    }
    match whence {
        0 => st.pos = pos as usize,
        2 => st.pos = st.buf.len(),
        _ => {}
    }
    Ok(new_int(st.pos as i64))
}

fn sio_truncate(ts: &ThreadState, a: Args<'_>) -> PyResult {
    let (_, p) = sio(&a)?;
    let v = exact("truncate", &a, 1, 0, 1)?;
    let size = match opt_size(ts, v.first())? {
        -1 if v.first().is_none_or(is_none) => None,
        n => Some(n),
    };
    let mut st = p.st.lock();
    st.check()?;
    let size = size.unwrap_or(st.pos as i64);
    if size < 0 {
        raise!(ValueError, "Negative size value {}", size);
    }
    if (size as u64) < st.buf.len() as u64 {
        st.buf.truncate(size as usize);
    }
    Ok(new_int(size))
}

fn sio_getvalue(_ts: &ThreadState, a: Args<'_>) -> PyResult {
    let (_, p) = sio(&a)?;
    exact("getvalue", &a, 1, 0, 0)?;
    let st = p.st.lock();
    st.check()?;
    Ok(str_of(&st.buf))
}

fn sio_close(_ts: &ThreadState, a: Args<'_>) -> PyResult {
    let (_, p) = sio(&a)?;
    exact("close", &a, 1, 0, 0)?;
    let mut st = p.st.lock();
    st.closed = true;
    st.buf = Vec::new();
    Ok(none())
}

/// readable/writable/seekable: True while open.
fn sio_true(_ts: &ThreadState, a: Args<'_>) -> PyResult {
    let (_, p) = sio(&a)?;
    exact("readable", &a, 1, 0, 0)?;
    p.st.lock().check()?;
    Ok(new_bool(true))
}

fn sio_flush(_ts: &ThreadState, a: Args<'_>) -> PyResult {
    sio(&a)?;
    Ok(none())
}

fn sio_closed(_ts: &ThreadState, a: Args<'_>) -> PyResult {
    let (_, p) = sio(&a)?;
    let st = p.st.lock();
    st.check_ok()?;
    Ok(new_bool(st.closed))
}

fn sio_line_buffering(_ts: &ThreadState, a: Args<'_>) -> PyResult {
    let (_, p) = sio(&a)?;
    p.st.lock().check()?;
    Ok(new_bool(false))
}

fn sio_newlines(_ts: &ThreadState, a: Args<'_>) -> PyResult {
    let (_, p) = sio(&a)?;
    let st = p.st.lock();
    st.check()?;
    if !st.newline.universal() {
        return Ok(none());
    }
    Ok(seen_newlines(st.seen))
}

fn sio_getstate(ts: &ThreadState, a: Args<'_>) -> PyResult {
    let (this, p) = sio(&a)?;
    let (value, nl, pos) = {
        let st = p.st.lock();
        st.check()?;
        (str_of(&st.buf), st.newline.text().map(new_str).unwrap_or_else(none), st.pos)
    };
    let d = dict_copy(ts, this)?;
    Ok(new_tuple(vec![value, nl, new_int(pos as i64), d]))
}

fn sio_setstate(ts: &ThreadState, a: Args<'_>) -> PyResult {
    let (this, p) = sio(&a)?;
    let v = exact("__setstate__", &a, 1, 1, 1)?;
    if p.st.lock().closed {
        raise!(ValueError, "I/O operation on closed file");
    }
    let state = &v[0];
    let items = match tuple_items(state) {
        Some(t) if t.len() >= 4 => t,
        _ => raise!(
            TypeError,
            "{}.__setstate__ argument should be 4-tuple, got {}",
            tp_name(this, STRINGIO_T.get().copied(), "_io.StringIO"),
            ops::type_name(state)
        ),
    };
    sio_setup(ts, p, Some(&items[0]), Some(&items[1]))?;
    // The buffer is restored as saved: __init__ may have translated newlines.
    if let Some(d) = as_data(&items[0]) {
        let mut st = p.st.lock();
        st.buf = d.code_points().collect();
    }
    let Some(pos) = int_to_i64(&items[2]).filter(|_| spindle_vm::num::is_int(&items[2])) else {
        raise!(TypeError, "third item of state must be an integer, got {}", ops::type_name(&items[2]))
    };
    if pos < 0 {
        raise!(ValueError, "position value cannot be negative");
    }
    p.st.lock().pos = pos as usize;
    let d = &items[3];
    if !is_none(d) {
        if d.downcast::<spindle_vm::dict::PyDict>().is_none() {
            raise!(TypeError, "fourth item of state should be a dict, got a {}", ops::type_name(d));
        }
        dict_update(ts, this, d)?;
    }
    Ok(none())
}

/// `__del__`: nothing to release (IOBase's would call close()).
fn noop_del(_ts: &ThreadState, _a: Args<'_>) -> PyResult {
    Ok(none())
}

// ----------------------------------------------------------------------------
// BytesIO

struct BytesState {
    /// None once closed.
    buf: Option<Vec<u8>>,
    pos: usize,
}

pub struct PyBytesIO {
    st: Mutex<BytesState>,
    /// Live `getbuffer()` views: while any, the size cannot change.
    exports: AtomicUsize,
}

impl PyPayload for PyBytesIO {
    const KIND: PayloadKind = crate::kinds::kind(crate::kinds::OS_BASE + 41);
}

/// The object a `getbuffer()` view exports: the stream's bytes, live.
struct BytesIOBuffer {
    owner: Value,
}

impl PyPayload for BytesIOBuffer {
    const KIND: PayloadKind = crate::kinds::kind(crate::kinds::OS_BASE + 42);
    const GC: bool = true;
    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        visit(&self.owner);
    }
}

fn owner_of(v: &Value) -> Option<&PyBytesIO> {
    v.downcast::<BytesIOBuffer>().and_then(|b| b.owner.downcast::<PyBytesIO>())
}

static BUFFER_EXPORTER: BufferExporter = BufferExporter {
    kind: crate::kinds::kind(crate::kinds::OS_BASE + 42),
    read: |v| owner_of(v).and_then(|b| b.st.lock().buf.clone()).unwrap_or_default(),
    format: |_| 'B',
    write: |v, at, data| {
        let Some(b) = owner_of(v) else { return false };
        let mut st = b.st.lock();
        let Some(buf) = st.buf.as_mut() else { return false };
        match at.checked_add(data.len()) {
            Some(end) if end <= buf.len() => {
                buf[at..end].copy_from_slice(data);
                true
            }
            _ => false,
        }
    },
    export: |v, on| {
        if let Some(b) = owner_of(v) {
            if on {
                b.exports.fetch_add(1, Ordering::AcqRel);
            } else {
                b.exports.fetch_sub(1, Ordering::AcqRel);
            }
        }
    },
    ranges: None,
};

fn bio<'a>(a: &'a Args<'_>) -> PyResult<(&'a Value, &'a PyBytesIO)> {
    let Some(v) = a.args.first() else { raise!(TypeError, "descriptor needs an argument") };
    match v.downcast::<PyBytesIO>() {
        Some(p) => Ok((v, p)),
        None => raise!(TypeError, "descriptor requires a '_io.BytesIO' object but received a '{}'", ops::type_name(v)),
    }
}

impl PyBytesIO {
    fn check_exports(&self) -> PyResult<()> {
        if self.exports.load(Ordering::Acquire) > 0 {
            raise!(BufferError, "Existing exports of data: object cannot be re-sized");
        }
        Ok(())
    }
}

impl BytesState {
    fn buf(&mut self) -> PyResult<&mut Vec<u8>> {
        match self.buf.as_mut() {
            Some(b) => Ok(b),
            None => Err(closed_dot()),
        }
    }
    fn check(&self) -> PyResult<()> {
        if self.buf.is_none() {
            return Err(closed_dot());
        }
        Ok(())
    }
    /// The bytes from the position up to `n` (negative: all), consumed.
    fn take(&mut self, n: i64) -> PyResult<Value> {
        let pos = self.pos;
        let buf = self.buf()?;
        let len = buf.len();
        let start = pos.min(len);
        let end = if n < 0 || (n as u64) >= (len - start) as u64 { len } else { start + n as usize };
        let v = new_bytes(&buf[start..end]);
        self.pos = pos.max(end);
        Ok(v)
    }
    /// The next line (through `\n`), at most `limit` bytes (negative: no limit).
    fn line(&mut self, limit: i64) -> PyResult<Value> {
        let pos = self.pos;
        let buf = self.buf()?;
        let len = buf.len();
        let start = pos.min(len);
        let mut end = len;
        if limit >= 0 && (limit as u64) < (len - start) as u64 {
            end = start + limit as usize;
        }
        let s = &buf[start..end];
        let n = s.iter().position(|&c| c == b'\n').map(|i| i + 1).unwrap_or(s.len());
        let v = new_bytes(&s[..n]);
        self.pos = start + n;
        Ok(v)
    }
    fn write(&mut self, data: &[u8]) -> PyResult<()> {
        let pos = self.pos;
        let buf = self.buf()?;
        let end = pos.saturating_add(data.len());
        grow(buf, end, 0)?;
        buf[pos..end].copy_from_slice(data);
        self.pos = end;
        Ok(())
    }
}

fn bio_new(_ts: &ThreadState, a: Args<'_>) -> PyResult {
    let cls = cls_of(&a)?;
    Ok(alloc(cls, PyBytesIO { st: Mutex::new(BytesState { buf: Some(Vec::new()), pos: 0 }), exports: AtomicUsize::new(0) }))
}

/// The bytes of a bytes-like object, CPython's message otherwise.
pub(crate) fn bytes_like(ts: &ThreadState, v: &Value) -> PyResult<Vec<u8>> {
    if let Some(b) = v.downcast::<spindle_vm::bytes::PyBytes>() {
        return Ok(b.data.to_vec());
    }
    if let Some(b) = v.downcast::<PyByteArray>() {
        return Ok(b.data.lock().clone());
    }
    if let Some(b) = spindle_vm::builtins_init::containers::bytes_data(v) {
        return Ok(b);
    }
    let _ = ts;
    raise!(TypeError, "a bytes-like object is required, not '{}'", ops::type_name(v))
}

fn bio_init(ts: &ThreadState, a: Args<'_>) -> PyResult {
    let (_, p) = bio(&a)?;
    let [initial] = crate::math::parse("BytesIO", &a, 1, ["initial_bytes"], 0)?;
    p.check_exports()?;
    let data = match initial.as_ref() {
        Some(v) if !is_none(v) => bytes_like(ts, v)?,
        _ => Vec::new(),
    };
    let mut st = p.st.lock();
    st.buf = Some(data);
    st.pos = 0;
    Ok(none())
}

fn bio_read(ts: &ThreadState, a: Args<'_>) -> PyResult {
    let (_, p) = bio(&a)?;
    let v = exact("read", &a, 1, 0, 1)?;
    let n = opt_size(ts, v.first())?;
    p.st.lock().take(n)
}

fn bio_read1(ts: &ThreadState, a: Args<'_>) -> PyResult {
    let (_, p) = bio(&a)?;
    let v = exact("read1", &a, 1, 0, 1)?;
    let n = opt_size(ts, v.first())?;
    p.st.lock().take(n)
}

fn bio_readline(ts: &ThreadState, a: Args<'_>) -> PyResult {
    let (_, p) = bio(&a)?;
    let v = exact("readline", &a, 1, 0, 1)?;
    let n = opt_size(ts, v.first())?;
    p.st.lock().line(n)
}

fn bio_readlines(ts: &ThreadState, a: Args<'_>) -> PyResult {
    let (_, p) = bio(&a)?;
    let v = exact("readlines", &a, 1, 0, 1)?;
    let hint = opt_size(ts, v.first())?;
    let mut st = p.st.lock();
    st.check()?;
    let mut out = Vec::new();
    let mut total: i64 = 0;
    loop {
        let before = st.pos;
        let line = st.line(-1)?;
        let n = st.pos.saturating_sub(before) as i64;
        if n == 0 {
            break;
        }
        out.push(line);
        total += n;
        if hint > 0 && total >= hint {
            break;
        }
    }
    Ok(new_list(out))
}

fn bio_readinto(ts: &ThreadState, a: Args<'_>) -> PyResult {
    let (_, p) = bio(&a)?;
    let v = exact("readinto", &a, 1, 1, 1)?;
    let target = &v[0];
    if let Some(ba) = target.downcast::<PyByteArray>() {
        let mut st = p.st.lock();
        let pos = st.pos;
        let buf = st.buf()?;
        let start = pos.min(buf.len());
        let mut dst = ba.data.lock();
        let n = dst.len().min(buf.len() - start);
        dst[..n].copy_from_slice(&buf[start..start + n]);
        st.pos = start + n;
        return Ok(new_int(n as i64));
    }
    // Any other writable buffer: through a byte-format memoryview of it.
    let mv_t = spindle_vm::memoryview::type_ref().to_value();
    let writable = target.downcast::<spindle_vm::bytes::PyBytes>().is_none()
        && ops::call(ts, &mv_t, std::slice::from_ref(target)).is_ok();
    if !writable {
        raise!(TypeError, "readinto() argument must be read-write bytes-like object, not {}", ops::type_name(target));
    }
    let view = ops::call(ts, &mv_t, std::slice::from_ref(target))?;
    let ro = ops::getattr_str(ts, &view, "readonly")?;
    if ops::is_true(ts, &ro)? {
        raise!(TypeError, "readinto() argument must be read-write bytes-like object, not {}", ops::type_name(target));
    }
    let view = ops::call_method(ts, &view, "cast", &[new_str("B")])?;
    let room = ops::len(ts, &view)?;
    let chunk = {
        let mut st = p.st.lock();
        let pos = st.pos;
        let buf = st.buf()?;
        let start = pos.min(buf.len());
        let n = room.min(buf.len() - start);
        let c = buf[start..start + n].to_vec();
        st.pos = start + n;
        c
    };
    let n = chunk.len();
    let sl = spindle_vm::builtins_init::containers::new_slice(new_int(0), new_int(n as i64), none());
    ops::setitem(ts, &view, &sl, new_bytes(&chunk))?;
    Ok(new_int(n as i64))
}

fn bio_write(ts: &ThreadState, a: Args<'_>) -> PyResult {
    let (_, p) = bio(&a)?;
    let v = exact("write", &a, 1, 1, 1)?;
    p.st.lock().check()?;
    p.check_exports()?;
    let data = bytes_like(ts, &v[0])?;
    let mut st = p.st.lock();
    if !data.is_empty() {
        st.write(&data)?;
    }
    Ok(new_int(data.len() as i64))
}

fn bio_writelines(ts: &ThreadState, a: Args<'_>) -> PyResult {
    let (_, p) = bio(&a)?;
    let v = exact("writelines", &a, 1, 1, 1)?;
    p.st.lock().check()?;
    let it = ops::iter(ts, &v[0])?;
    while let Some(line) = ops::next(ts, &it)? {
        p.check_exports()?;
        let data = bytes_like(ts, &line)?;
        if !data.is_empty() {
            p.st.lock().write(&data)?;
        }
    }
    Ok(none())
}

fn bio_tell(_ts: &ThreadState, a: Args<'_>) -> PyResult {
    let (_, p) = bio(&a)?;
    exact("tell", &a, 1, 0, 0)?;
    let st = p.st.lock();
    st.check()?;
    Ok(new_int(st.pos as i64))
}

fn bio_seek(ts: &ThreadState, a: Args<'_>) -> PyResult {
    let (_, p) = bio(&a)?;
    let v = exact("seek", &a, 1, 1, 2)?;
    let pos = ssize(ts, &v[0])?;
    let whence = match v.get(1) {
        Some(w) => c_int(ts, w)?,
        None => 0,
    };
    let mut st = p.st.lock();
    st.check()?;
    if pos < 0 && whence == 0 {
        raise!(ValueError, "negative seek value {}", pos);
    }
    let base = match whence {
        0 => 0,
        1 => st.pos as i64,
        2 => st.buf.as_ref().map(|b| b.len()).unwrap_or(0) as i64,
        _ => raise!(ValueError, "invalid whence ({}, should be 0, 1 or 2)", whence),
    };
    let Some(target) = base.checked_add(pos) else { raise!(OverflowError, "new position too large") };
    st.pos = target.max(0) as usize;
    Ok(new_int(st.pos as i64))
}

fn bio_truncate(ts: &ThreadState, a: Args<'_>) -> PyResult {
    let (_, p) = bio(&a)?;
    let v = exact("truncate", &a, 1, 0, 1)?;
    let size = match opt_size(ts, v.first())? {
        -1 if v.first().is_none_or(is_none) => None,
        n => Some(n),
    };
    p.st.lock().check()?;
    p.check_exports()?;
    let mut st = p.st.lock();
    let size = size.unwrap_or(st.pos as i64);
    if size < 0 {
        raise!(ValueError, "negative size value {}", size);
    }
    let buf = st.buf()?;
    if (size as u64) < buf.len() as u64 {
        buf.truncate(size as usize);
    }
    Ok(new_int(size))
}

fn bio_getvalue(_ts: &ThreadState, a: Args<'_>) -> PyResult {
    let (_, p) = bio(&a)?;
    exact("getvalue", &a, 1, 0, 0)?;
    let mut st = p.st.lock();
    Ok(new_bytes(st.buf()?))
}

fn bio_getbuffer(ts: &ThreadState, a: Args<'_>) -> PyResult {
    let (this, p) = bio(&a)?;
    exact("getbuffer", &a, 1, 0, 0)?;
    p.st.lock().check()?;
    let Some(&t) = BUFFER_T.get() else { raise!(SystemError, "_io not initialised") };
    let exporter = alloc(t, BytesIOBuffer { owner: this.clone() });
    spindle_vm::memoryview::new_memoryview(ts, &exporter)
}

fn bio_close(_ts: &ThreadState, a: Args<'_>) -> PyResult {
    let (_, p) = bio(&a)?;
    exact("close", &a, 1, 0, 0)?;
    p.check_exports()?;
    p.st.lock().buf = None;
    Ok(none())
}

fn bio_closed(_ts: &ThreadState, a: Args<'_>) -> PyResult {
    let (_, p) = bio(&a)?;
    Ok(new_bool(p.st.lock().buf.is_none()))
}

fn bio_true(_ts: &ThreadState, a: Args<'_>) -> PyResult {
    let (_, p) = bio(&a)?;
    exact("readable", &a, 1, 0, 0)?;
    p.st.lock().check()?;
    Ok(new_bool(true))
}

fn bio_false(_ts: &ThreadState, a: Args<'_>) -> PyResult {
    let (_, p) = bio(&a)?;
    exact("isatty", &a, 1, 0, 0)?;
    p.st.lock().check()?;
    Ok(new_bool(false))
}

fn bio_flush(_ts: &ThreadState, a: Args<'_>) -> PyResult {
    let (_, p) = bio(&a)?;
    exact("flush", &a, 1, 0, 0)?;
    p.st.lock().check()?;
    Ok(none())
}

fn bio_iter(_ts: &ThreadState, a: Args<'_>) -> PyResult {
    let (this, _) = bio(&a)?;
    Ok(this.clone())
}

fn bio_next(_ts: &ThreadState, a: Args<'_>) -> PyResult {
    let (_, p) = bio(&a)?;
    let mut st = p.st.lock();
    let before = st.pos;
    let line = st.line(-1)?;
    if st.pos == before {
        return Err(stop());
    }
    Ok(line)
}

fn bio_getstate(ts: &ThreadState, a: Args<'_>) -> PyResult {
    let (this, p) = bio(&a)?;
    let (value, pos) = {
        let mut st = p.st.lock();
        let pos = st.pos;
        (new_bytes(st.buf()?), pos)
    };
    let d = dict_copy(ts, this)?;
    Ok(new_tuple(vec![value, new_int(pos as i64), d]))
}

fn bio_setstate(ts: &ThreadState, a: Args<'_>) -> PyResult {
    let (this, p) = bio(&a)?;
    let v = exact("__setstate__", &a, 1, 1, 1)?;
    let state = &v[0];
    let items = match tuple_items(state) {
        Some(t) if t.len() >= 3 => t,
        _ => raise!(
            TypeError,
            "{}.__setstate__ argument should be 3-tuple, got {}",
            tp_name(this, BYTESIO_T.get().copied(), "_io.BytesIO"),
            ops::type_name(state)
        ),
    };
    p.check_exports()?;
    let data = bytes_like(ts, &items[0])?;
    {
        let mut st = p.st.lock();
        st.buf = Some(data);
    }
    let Some(pos) = int_to_i64(&items[1]).filter(|_| spindle_vm::num::is_int(&items[1])) else {
        raise!(TypeError, "second item of state must be an integer, not {}", ops::type_name(&items[1]))
    };
    if pos < 0 {
        raise!(ValueError, "position value cannot be negative");
    }
    p.st.lock().pos = pos as usize;
    let d = &items[2];
    if !is_none(d) {
        if d.downcast::<spindle_vm::dict::PyDict>().is_none() {
            raise!(TypeError, "third item of state should be a dict, got a {}", ops::type_name(d));
        }
        dict_update(ts, this, d)?;
    }
    Ok(none())
}

// ----------------------------------------------------------------------------

/// Creates (once) the two classes over the `_io` module's `_TextIOBase` and
/// `_BufferedIOBase`, and returns them.
pub(crate) fn types(text_base: Option<TypeRef>, buffered_base: Option<TypeRef>) -> (TypeRef, TypeRef) {
    let s = *STRINGIO_T.get_or_init(|| {
        let t = new_type::<PyStringIO>("StringIO", "_io", text_base, true);
        t.data().set_flags(t.data().flags() | type_flags::HAS_EXT | type_flags::HAS_DICT);
        set_new(t, sio_new);
        add_methods(
            t,
            &[
                ("__init__", sio_init),
                ("read", sio_read),
                ("readline", sio_readline),
                ("readlines", sio_readlines),
                ("write", sio_write),
                ("writelines", sio_writelines),
                ("seek", sio_seek),
                ("tell", sio_tell),
                ("truncate", sio_truncate),
                ("getvalue", sio_getvalue),
                ("close", sio_close),
                ("readable", sio_true),
                ("writable", sio_true),
                ("seekable", sio_true),
                ("flush", sio_flush),
                ("__iter__", sio_iter),
                ("__next__", sio_next),
                ("__getstate__", sio_getstate),
                ("__setstate__", sio_setstate),
                ("__del__", noop_del),
            ],
        );
        add_getter(t, "closed", sio_closed);
        add_getter(t, "line_buffering", sio_line_buffering);
        add_getter(t, "newlines", sio_newlines);
        t
    });
    let b = *BYTESIO_T.get_or_init(|| {
        let t = new_type::<PyBytesIO>("BytesIO", "_io", buffered_base, true);
        t.data().set_flags(t.data().flags() | type_flags::HAS_EXT | type_flags::HAS_DICT);
        set_new(t, bio_new);
        add_methods(
            t,
            &[
                ("__init__", bio_init),
                ("read", bio_read),
                ("read1", bio_read1),
                ("readline", bio_readline),
                ("readlines", bio_readlines),
                ("readinto", bio_readinto),
                ("write", bio_write),
                ("writelines", bio_writelines),
                ("seek", bio_seek),
                ("tell", bio_tell),
                ("truncate", bio_truncate),
                ("getvalue", bio_getvalue),
                ("getbuffer", bio_getbuffer),
                ("close", bio_close),
                ("readable", bio_true),
                ("writable", bio_true),
                ("seekable", bio_true),
                ("isatty", bio_false),
                ("flush", bio_flush),
                ("__iter__", bio_iter),
                ("__next__", bio_next),
                ("__getstate__", bio_getstate),
                ("__setstate__", bio_setstate),
                ("__del__", noop_del),
            ],
        );
        add_getter(t, "closed", bio_closed);
        t
    });
    BUFFER_T.get_or_init(|| {
        register(&BUFFER_EXPORTER);
        new_type::<BytesIOBuffer>("_BytesIOBuffer", "_io", None, false)
    });
    (s, b)
}
