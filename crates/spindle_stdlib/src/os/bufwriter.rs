//! `_io.BufferedWriter`: collects writes in memory and hands them to the raw
//! stream in blocks, as CPython's C class (its messages: "write to closed
//! file", "flush of closed file", "raw stream has been detached", ...).
//! `_pyio.open` and the std streams use it; it derives from the `_io`
//! module's `_BufferedIOBase` (served by `_pyio`).
//!
//! Locking: `st` guards the pending bytes and is only held for short
//! in-memory steps; `io` serialises whole operations that call the raw
//! stream (as C's per-object lock), so blocks reach the raw stream in write
//! order. `io` is held across Python calls (the raw's methods) by design;
//! a re-entrant call from the same thread is refused with C's RuntimeError
//! instead of deadlocking, and waiting for it detaches the thread.

use std::sync::OnceLock;

use parking_lot::Mutex;
use spindle_vm::bytes::new_bytes;
use spindle_vm::function::Args;
use spindle_vm::interp::ThreadState;
use spindle_vm::native::{add_methods, new_type, set_new};
use spindle_vm::num::{int_to_i64, is_int, new_int};
use spindle_vm::object::{PayloadKind, PyPayload, TypeRef, alloc};
use spindle_vm::runtime::{is_none, none, rt};
use spindle_vm::str::new_str;
use spindle_vm::types::type_flags;
use spindle_vm::{PyErr, PyResult, Value, err, ops, raise};

use super::buffered_common::{self as common, Buffered};
use crate::math::{add_getter, cls_of, exact};

const DEFAULT_BUFFER_SIZE: i64 = 128 * 1024;

struct BwState {
    ok: bool,
    detached: bool,
    raw: Option<Value>,
    buf: Vec<u8>,
    size: usize,
}

pub struct PyBufferedWriter {
    st: Mutex<BwState>,
    io: common::IoLock,
}

impl PyPayload for PyBufferedWriter {
    const KIND: PayloadKind = crate::kinds::kind(crate::kinds::OS_BASE + 45);
    const GC: bool = true;
    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        // With the world stopped a held lock belongs to a suspended call;
        // skipping its reference is safe (fewer visits).
        if let Some(st) = self.st.try_lock() {
            if let Some(r) = &st.raw {
                visit(r);
            }
        }
    }
}

static TYPE: OnceLock<TypeRef> = OnceLock::new();

impl Buffered for PyBufferedWriter {
    const CLASS: &'static str = "_io.BufferedWriter";
    fn class() -> &'static OnceLock<TypeRef> {
        &TYPE
    }
    fn raw(&self) -> PyResult<Value> {
        PyBufferedWriter::raw(self)
    }
    fn is_detached(&self) -> bool {
        self.st.lock().detached
    }
    fn raw_opt(&self) -> Option<Value> {
        self.st.lock().raw.clone()
    }
}



impl PyBufferedWriter {
    /// The raw file's `closed` when it is a native FileIO, else None.
    pub(crate) fn native_raw_closed(&self) -> Option<bool> {
        let st = self.st.lock();
        let raw = st.raw.as_ref()?;
        raw.downcast::<super::fileio::PyFileIO>().map(|f| f.is_closed())
    }


    /// The raw stream, or C's detached / uninitialized errors.
    fn raw(&self) -> PyResult<Value> {
        let st = self.st.lock();
        if st.detached {
            raise!(ValueError, "raw stream has been detached");
        }
        match (&st.raw, st.ok) {
            (Some(r), true) => Ok(r.clone()),
            _ => raise!(ValueError, "I/O operation on uninitialized object"),
        }
    }
}

pub(crate) fn is_closed(ts: &ThreadState, raw: &Value) -> PyResult<bool> {
    if let Some(f) = raw.downcast::<super::fileio::PyFileIO>() {
        return Ok(f.is_closed());
    }
    let c = ops::getattr_str(ts, raw, "closed")?;
    ops::is_true(ts, &c)
}

/// Writes all pending bytes to the raw stream (the `io` lock is held).
fn flush_pending(ts: &ThreadState, p: &PyBufferedWriter, raw: &Value) -> PyResult<()> {
    loop {
        let chunk = {
            let st = p.st.lock();
            if st.buf.is_empty() {
                return Ok(());
            }
            new_bytes(&st.buf)
        };
        let len = ops::len(ts, &chunk)?;
        let r = ops::call_method(ts, raw, "write", &[chunk])?;
        if is_none(&r) {
            return Err(blocking(0));
        }
        let n = match int_to_i64(&ops::index(ts, &r)?) {
            Some(n) if n >= 0 && (n as usize) <= len => n as usize,
            Some(n) => raise!(OSError, "raw write() returned invalid length {} (should have been between 0 and {})", n, len),
            None => raise!(OverflowError, "Python int too large to convert to C ssize_t"),
        };
        let mut st = p.st.lock();
        let n = n.min(st.buf.len());
        st.buf.drain(..n);
    }
}

fn bw_new(_ts: &ThreadState, a: Args<'_>) -> PyResult {
    let cls = cls_of(&a)?;
    Ok(alloc(
        cls,
        PyBufferedWriter {
            st: Mutex::new(BwState { ok: false, detached: false, raw: None, buf: Vec::new(), size: DEFAULT_BUFFER_SIZE as usize }),
            io: common::IoLock::new(),
        },
    ))
}

fn bw_init(ts: &ThreadState, a: Args<'_>) -> PyResult {
    let (_, p) = common::me::<PyBufferedWriter>(&a)?;
    let [raw, size] = crate::math::parse("BufferedWriter", &a, 1, ["raw", "buffer_size"], 1)?;
    let raw = raw.unwrap_or_else(none);
    let size = match size {
        Some(s) => {
            let i = ops::index(ts, &s)?;
            int_to_i64(&i).ok_or_else(|| err!(OverflowError, "Python int too large to convert to C ssize_t"))?
        }
        None => DEFAULT_BUFFER_SIZE,
    };
    let w = ops::call_method(ts, &raw, "writable", &[])?;
    if !ops::is_true(ts, &w)? {
        return Err(super::fileio::unsupported(ts, "File or stream is not writable."));
    }
    if size <= 0 {
        raise!(ValueError, "buffer size must be strictly positive");
    }
    let mut st = p.st.lock();
    *st = BwState { ok: true, detached: false, raw: Some(raw), buf: Vec::with_capacity(size.min(1 << 20) as usize), size: size as usize };
    Ok(none())
}

fn bw_write(ts: &ThreadState, a: Args<'_>) -> PyResult {
    let (this, p) = common::me::<PyBufferedWriter>(&a)?;
    let v = exact("write", &a, 1, 1, 1)?;
    p.raw()?;
    let data = super::memio::bytes_like(ts, &v[0])?;
    write_data(ts, this, p, &data).map(|n| new_int(n as i64))
}

/// `write(data)` after argument conversion (also the text layer's fast path).
pub(crate) fn write_data(ts: &ThreadState, this: &Value, p: &PyBufferedWriter, data: &[u8]) -> PyResult<usize> {
    let raw = p.raw()?;
    let _io = p.io.enter(ts, this)?;
    if is_closed(ts, &raw)? {
        raise!(ValueError, "write to closed file");
    }
    // What fits joins the buffer; otherwise the buffer goes out first, then
    // the data straight to the raw while more than a buffer's worth is left,
    // and the rest is buffered (C's order of raw writes).
    {
        let mut st = p.st.lock();
        if st.buf.len() + data.len() <= st.size {
            st.buf.extend_from_slice(data);
            return Ok(data.len());
        }
    }
    flush_pending(ts, p, &raw)?;
    let size = p.st.lock().size;
    let mut written = 0;
    while data.len() - written > size {
        let chunk = new_bytes(&data[written..]);
        let left = data.len() - written;
        let r = ops::call_method(ts, &raw, "write", &[chunk])?;
        if is_none(&r) {
            // Would block: keep a buffer's worth and report what was taken.
            p.st.lock().buf.extend_from_slice(&data[written..written + size]);
            return Err(blocking(written + size));
        }
        match int_to_i64(&ops::index(ts, &r)?) {
            Some(n) if n >= 0 && (n as usize) <= left => written += n as usize,
            Some(n) => raise!(OSError, "raw write() returned invalid length {} (should have been between 0 and {})", n, left),
            None => raise!(OverflowError, "Python int too large to convert to C ssize_t"),
        }
    }
    p.st.lock().buf.extend_from_slice(&data[written..]);
    Ok(data.len())
}

/// C's BlockingIOError for a raw that would block (errno as C leaves it: 0).
pub(crate) fn blocking(written: usize) -> PyErr {
    let exc = spindle_vm::exceptions::new_exception(
        rt().exc.BlockingIOError,
        vec![new_int(0), new_str("write could not complete without blocking"), new_int(written as i64)],
    );
    PyErr(exc)
}

fn bw_flush(ts: &ThreadState, a: Args<'_>) -> PyResult {
    let (this, p) = common::me::<PyBufferedWriter>(&a)?;
    exact("flush", &a, 1, 0, 0)?;
    flush_data(ts, this, p)?;
    Ok(none())
}

/// `flush()` (also the text layer's fast path).
pub(crate) fn flush_data(ts: &ThreadState, this: &Value, p: &PyBufferedWriter) -> PyResult<()> {
    let raw = p.raw()?;
    let _io = p.io.enter(ts, this)?;
    if is_closed(ts, &raw)? {
        raise!(ValueError, "flush of closed file");
    }
    flush_pending(ts, p, &raw)
}

fn bw_close(ts: &ThreadState, a: Args<'_>) -> PyResult {
    let (this, p) = common::me::<PyBufferedWriter>(&a)?;
    exact("close", &a, 1, 0, 0)?;
    let raw = p.raw()?;
    {
        let _io = p.io.enter(ts, this)?;
        if is_closed(ts, &raw)? {
            return Ok(none());
        }
    }
    // self.flush() (a subclass may override it), then the raw close; a
    // flush error is raised after the close, as the C class does.
    let flushed = ops::call_method(ts, this, "flush", &[]).map(drop);
    let closed = ops::call_method(ts, &raw, "close", &[]).map(drop);
    p.st.lock().buf = Vec::new();
    match (flushed, closed) {
        (Err(e), Err(c)) => {
            let _ = ops::setattr_silent(c.value(), "__context__", e.value().clone());
            Err(c)
        }
        (Err(e), Ok(())) => Err(e),
        (Ok(()), r) => r.map(|()| none()),
    }
}

fn bw_detach(ts: &ThreadState, a: Args<'_>) -> PyResult {
    let (this, p) = common::me::<PyBufferedWriter>(&a)?;
    exact("detach", &a, 1, 0, 0)?;
    p.raw()?;
    ops::call_method(ts, this, "flush", &[])?;
    let mut st = p.st.lock();
    st.detached = true;
    Ok(st.raw.take().unwrap_or_else(none))
}

fn bw_seek(ts: &ThreadState, a: Args<'_>) -> PyResult {
    let (this, p) = common::me::<PyBufferedWriter>(&a)?;
    let v = exact("seek", &a, 1, 1, 2)?;
    let whence = match v.get(1) {
        Some(w) => {
            let i = ops::index(ts, w)?;
            int_to_i64(&i).ok_or_else(|| err!(OverflowError, "Python int too large to convert to C int"))?
        }
        None => 0,
    };
    if !(0..=4).contains(&whence) {
        raise!(ValueError, "whence value {} unsupported", whence);
    }
    let raw = p.raw()?;
    let _io = p.io.enter(ts, this)?;
    if is_closed(ts, &raw)? {
        raise!(ValueError, "seek of closed file");
    }
    if !is_int(&v[0]) && ops::getattr_opt(ts, &v[0].type_ref().to_value(), "__index__")?.is_none() {
        raise!(TypeError, "an integer is required");
    }
    flush_pending(ts, p, &raw)?;
    let r = ops::call_method(ts, &raw, "seek", &[v[0].clone(), new_int(whence)])?;
    raw_pos(ts, &r)?;
    Ok(r)
}

pub(crate) fn raw_pos(ts: &ThreadState, r: &Value) -> PyResult<i64> {
    let n = int_to_i64(&ops::index(ts, r)?).unwrap_or(-1);
    if n < 0 {
        raise!(OSError, "Raw stream returned invalid position {}", n);
    }
    Ok(n)
}

fn bw_tell(ts: &ThreadState, a: Args<'_>) -> PyResult {
    let (_, p) = common::me::<PyBufferedWriter>(&a)?;
    exact("tell", &a, 1, 0, 0)?;
    let raw = p.raw()?;
    let r = ops::call_method(ts, &raw, "tell", &[])?;
    let pos = raw_pos(ts, &r)?;
    let pending = p.st.lock().buf.len() as i64;
    Ok(new_int(pos + pending))
}

fn bw_truncate(ts: &ThreadState, a: Args<'_>) -> PyResult {
    let (this, p) = common::me::<PyBufferedWriter>(&a)?;
    let v = exact("truncate", &a, 1, 0, 1)?;
    let raw = p.raw()?;
    let _io = p.io.enter(ts, this)?;
    if is_closed(ts, &raw)? {
        raise!(ValueError, "truncate of closed file");
    }
    flush_pending(ts, p, &raw)?;
    let pos = match v.first() {
        Some(x) => x.clone(),
        None => none(),
    };
    ops::call_method(ts, &raw, "truncate", &[pos])
}


/// The class (created once) over the `_io` module's `_BufferedIOBase`.
pub(crate) fn writer_type(base: Option<TypeRef>) -> TypeRef {
    *TYPE.get_or_init(|| {
        let t = new_type::<PyBufferedWriter>("BufferedWriter", "_io", base, true);
        // FINALIZE: IOBase's __del__ flushes and closes a writer left open.
        t.data().set_flags(t.data().flags() | type_flags::HAS_EXT | type_flags::HAS_DICT | type_flags::FINALIZE);
        set_new(t, bw_new);
        add_methods(
            t,
            &[
                ("__init__", bw_init),
                ("write", bw_write),
                ("flush", bw_flush),
                ("close", bw_close),
                ("detach", bw_detach),
                ("seek", bw_seek),
                ("tell", bw_tell),
                ("truncate", bw_truncate),
                ("fileno", common::fileno::<PyBufferedWriter>),
                ("isatty", common::isatty::<PyBufferedWriter>),
                ("seekable", common::seekable::<PyBufferedWriter>),
                ("readable", common::readable::<PyBufferedWriter>),
                ("writable", common::writable::<PyBufferedWriter>),
                ("_dealloc_warn", common::dealloc_warn::<PyBufferedWriter>),
                ("__getstate__", common::getstate::<PyBufferedWriter>),
                ("__repr__", common::repr::<PyBufferedWriter>),
            ],
        );
        add_getter(t, "closed", common::closed::<PyBufferedWriter>);
        add_getter(t, "name", common::name::<PyBufferedWriter>);
        add_getter(t, "mode", common::mode::<PyBufferedWriter>);
        add_getter(t, "raw", common::raw::<PyBufferedWriter>);
        t
    })
}
