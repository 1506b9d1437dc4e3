//! `_io.BufferedReader`: reads the raw stream in blocks and serves reads,
//! lines and peeks from memory, with CPython's messages ("read of closed
//! file", "peek of closed file", "readline of closed file", ...). The block
//! logic follows `_pyio`'s (which `_pyio.TextIOWrapper` was written
//! against): read(n) reads max(buffer_size, n) at a time, read1/peek do at
//! most one raw read, tell() is the raw position less what is buffered.
//! `_pyio.open` and `sys.stdin` use it; it derives from the `_io` module's
//! `_BufferedIOBase` (served by `_pyio`).
//!
//! Locking as `bufwriter.rs`: `st` for in-memory steps only, `io` held
//! across the raw's methods so reads are served in order; a re-entrant call
//! raises C's RuntimeError.

use std::sync::OnceLock;

use parking_lot::Mutex;
use spindle_vm::bytes::{PyBytes, new_bytes};
use spindle_vm::function::Args;
use spindle_vm::interp::ThreadState;
use spindle_vm::native::{add_methods, new_type, set_new};
use spindle_vm::num::{int_to_i64, new_int};
use spindle_vm::object::{PayloadKind, PyPayload, TypeRef, alloc};
use spindle_vm::runtime::{is_none, none, rt};
use spindle_vm::str::new_str;
use spindle_vm::types::type_flags;
use spindle_vm::{PyErr, PyResult, Value, err, ops, raise};

use super::bufwriter::{is_closed, raw_pos};
use super::buffered_common::{self as common, Buffered};
use crate::math::{add_getter, cls_of, exact};

const DEFAULT_BUFFER_SIZE: i64 = 128 * 1024;

struct BrState {
    ok: bool,
    detached: bool,
    raw: Option<Value>,
    /// Buffered bytes; `buf[pos..]` is unread.
    buf: Vec<u8>,
    pos: usize,
    size: usize,
}

impl BrState {
    fn avail(&self) -> usize {
        self.buf.len().saturating_sub(self.pos)
    }
    /// Takes up to `n` buffered bytes.
    fn take(&mut self, n: usize) -> Vec<u8> {
        let n = n.min(self.avail());
        let out = self.buf[self.pos..self.pos + n].to_vec();
        self.pos += n;
        out
    }
    fn reset(&mut self) {
        self.buf.clear();
        self.pos = 0;
    }
    /// Replaces the buffer with what is unread plus `more`.
    fn refill(&mut self, more: &[u8]) {
        let mut b = self.buf.split_off(self.pos.min(self.buf.len()));
        b.extend_from_slice(more);
        self.buf = b;
        self.pos = 0;
    }
}

pub struct PyBufferedReader {
    st: Mutex<BrState>,
    io: common::IoLock,
}

impl PyPayload for PyBufferedReader {
    const KIND: PayloadKind = crate::kinds::kind(crate::kinds::OS_BASE + 46);
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

impl Buffered for PyBufferedReader {
    const CLASS: &'static str = "_io.BufferedReader";
    fn class() -> &'static OnceLock<TypeRef> {
        &TYPE
    }
    fn raw(&self) -> PyResult<Value> {
        PyBufferedReader::raw(self)
    }
    fn is_detached(&self) -> bool {
        self.st.lock().detached
    }
    fn raw_opt(&self) -> Option<Value> {
        self.st.lock().raw.clone()
    }
}



impl PyBufferedReader {

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

    /// C's closed check: an error only when nothing is left in the buffer.
    fn check_closed(&self, ts: &ThreadState, raw: &Value, msg: &str) -> PyResult<()> {
        if is_closed(ts, raw)? && self.st.lock().avail() == 0 {
            return Err(err!(ValueError, "{}", msg));
        }
        Ok(())
    }

    /// The raw file's `closed` when it is a native FileIO (for the text
    /// layer's fast line path), else None.
    pub(crate) fn native_raw_closed(&self) -> Option<bool> {
        let st = self.st.lock();
        let raw = st.raw.as_ref()?;
        raw.downcast::<super::fileio::PyFileIO>().map(|f| f.is_closed())
    }
}

/// One raw `readinto` of up to `n` bytes: Some(bytes) (empty at EOF) or
/// None when the raw would block.
fn raw_read(ts: &ThreadState, raw: &Value, n: usize) -> PyResult<Option<Vec<u8>>> {
    let ba = spindle_vm::bytes::new_bytearray(super::memio::zeroed(n)?);
    let r = ops::call_method(ts, raw, "readinto", &[ba.clone()])?;
    if is_none(&r) {
        return Ok(None);
    }
    let k = int_to_i64(&ops::index(ts, &r)?).unwrap_or(-1);
    if k < 0 || k as usize > n {
        raise!(OSError, "raw readinto() returned invalid length {} (should have been between 0 and {})", k, n);
    }
    let data = ba.downcast::<spindle_vm::bytes::PyByteArray>().map(|b| b.data.lock().clone()).unwrap_or_default();
    Ok(Some(data[..(k as usize).min(data.len())].to_vec()))
}

/// C's `_bufferedreader_fill_buffer`: one raw read into the free end of the
/// buffer (the buffer restarts when nothing is left in it). Returns the
/// bytes read (0 at EOF), or None when the raw would block.
fn fill_buffer(ts: &ThreadState, p: &PyBufferedReader, raw: &Value) -> PyResult<Option<usize>> {
    let free = {
        let mut st = p.st.lock();
        if st.avail() == 0 {
            st.reset();
        }
        st.size.saturating_sub(st.buf.len())
    };
    match raw_read(ts, raw, free)? {
        None => Ok(None),
        Some(c) => {
            let n = c.len();
            p.st.lock().buf.extend_from_slice(&c);
            Ok(Some(n))
        }
    }
}

/// `_peek_unlocked`: at most one raw read when fewer than `n` (at least
/// one) bytes are buffered; returns the number buffered.
fn fill(ts: &ThreadState, p: &PyBufferedReader, raw: &Value, n: usize) -> PyResult<usize> {
    let (want, have, size) = {
        let st = p.st.lock();
        (n.min(st.size), st.avail(), st.size)
    };
    if have < want || have == 0 {
        if let Some(more) = raw_read(ts, raw, size - have.min(size))? {
            if !more.is_empty() {
                p.st.lock().refill(&more);
            }
        }
    }
    Ok(p.st.lock().avail())
}

/// `read(n)`: n < 0 reads to the end.
fn read_n(ts: &ThreadState, p: &PyBufferedReader, raw: &Value, n: i64) -> PyResult {
    if n < 0 {
        let head = {
            let mut st = p.st.lock();
            let h = st.take(usize::MAX);
            st.reset();
            h
        };
        if ops::getattr_opt(ts, raw, "readall")?.is_some() {
            let chunk = ops::call_method(ts, raw, "readall", &[])?;
            if is_none(&chunk) {
                return Ok(if head.is_empty() { none() } else { new_bytes(&head) });
            }
            let mut out = head;
            out.extend(super::memio::bytes_like(ts, &chunk)?);
            return Ok(new_bytes(&out));
        }
        let mut out = head;
        let mut nodata = new_bytes(b"");
        loop {
            let r = ops::call_method(ts, raw, "read", &[])?;
            if is_none(&r) {
                nodata = none();
                break;
            }
            let b = super::memio::bytes_like(ts, &r)?;
            if b.is_empty() {
                break;
            }
            out.extend(b);
        }
        return Ok(if out.is_empty() { nodata } else { new_bytes(&out) });
    }
    let n = n as usize;
    let (mut out, size) = {
        let mut st = p.st.lock();
        if n <= st.avail() {
            return Ok(new_bytes(&st.take(n)));
        }
        let h = st.take(usize::MAX);
        st.reset();
        (h, st.size)
    };
    let done = |out: Vec<u8>, blocked: bool| -> PyResult {
        if blocked && out.is_empty() { Ok(none()) } else { Ok(new_bytes(&out)) }
    };
    // Whole blocks straight from the raw, then the last part through the
    // buffer (C's order and sizes of raw reads).
    let mut remaining = n - out.len();
    while remaining > 0 {
        let r = size * (remaining / size);
        if r == 0 {
            break;
        }
        match raw_read(ts, raw, r)? {
            None => return done(out, true),
            Some(c) if c.is_empty() => return done(out, false),
            Some(c) => {
                remaining -= c.len().min(remaining);
                out.extend(c);
            }
        }
    }
    while remaining > 0 && p.st.lock().buf.len() < size {
        match fill_buffer(ts, p, raw)? {
            None => return done(out, true),
            Some(0) => return done(out, false),
            Some(_) => {
                let got = p.st.lock().take(remaining);
                remaining -= got.len();
                out.extend(got);
            }
        }
    }
    Ok(new_bytes(&out))
}

fn br_new(_ts: &ThreadState, a: Args<'_>) -> PyResult {
    let cls = cls_of(&a)?;
    Ok(alloc(
        cls,
        PyBufferedReader {
            st: Mutex::new(BrState { ok: false, detached: false, raw: None, buf: Vec::new(), pos: 0, size: DEFAULT_BUFFER_SIZE as usize }),
            io: common::IoLock::new(),
        },
    ))
}

fn br_init(ts: &ThreadState, a: Args<'_>) -> PyResult {
    let (_, p) = common::me::<PyBufferedReader>(&a)?;
    let [raw, size] = crate::math::parse("BufferedReader", &a, 1, ["raw", "buffer_size"], 1)?;
    let raw = raw.unwrap_or_else(none);
    let size = match size {
        Some(s) => {
            let i = ops::index(ts, &s)?;
            int_to_i64(&i).ok_or_else(|| err!(OverflowError, "Python int too large to convert to C ssize_t"))?
        }
        None => DEFAULT_BUFFER_SIZE,
    };
    let r = ops::call_method(ts, &raw, "readable", &[])?;
    if !ops::is_true(ts, &r)? {
        return Err(super::fileio::unsupported(ts, "File or stream is not readable."));
    }
    if size <= 0 {
        raise!(ValueError, "buffer size must be strictly positive");
    }
    *p.st.lock() = BrState { ok: true, detached: false, raw: Some(raw), buf: Vec::new(), pos: 0, size: size as usize };
    Ok(none())
}

/// The `size` argument (None is -1), as the C class converts it.
fn size_arg(ts: &ThreadState, v: Option<&Value>, dflt: i64) -> PyResult<i64> {
    match v {
        None => Ok(dflt),
        Some(x) if is_none(x) => Ok(-1),
        Some(x) => {
            if !spindle_vm::num::is_int(x) && ops::getattr_opt(ts, &x.type_ref().to_value(), "__index__")?.is_none() {
                raise!(TypeError, "argument should be integer or None, not '{}'", ops::type_name(x));
            }
            let i = ops::index(ts, x)?;
            int_to_i64(&i).ok_or_else(|| err!(OverflowError, "Python int too large to convert to C ssize_t"))
        }
    }
}

fn br_read(ts: &ThreadState, a: Args<'_>) -> PyResult {
    let (this, p) = common::me::<PyBufferedReader>(&a)?;
    let v = exact("read", &a, 1, 0, 1)?;
    let n = size_arg(ts, v.first(), -1)?;
    if n < -1 {
        raise!(ValueError, "read length must be non-negative or -1");
    }
    let raw = p.raw()?;
    p.check_closed(ts, &raw, "read of closed file")?;
    let _io = p.io.enter(ts, this)?;
    read_n(ts, p, &raw, n)
}

fn br_read1(ts: &ThreadState, a: Args<'_>) -> PyResult {
    let (this, p) = common::me::<PyBufferedReader>(&a)?;
    let v = exact("read1", &a, 1, 0, 1)?;
    let n = size_arg(ts, v.first(), -1)?;
    let raw = p.raw()?;
    p.check_closed(ts, &raw, "read of closed file")?;
    let n = if n < 0 { p.st.lock().size } else { n as usize };
    if n == 0 {
        return Ok(new_bytes(b""));
    }
    let _io = p.io.enter(ts, this)?;
    fill(ts, p, &raw, 1)?;
    Ok(new_bytes(&p.st.lock().take(n)))
}

fn br_peek(ts: &ThreadState, a: Args<'_>) -> PyResult {
    let (this, p) = common::me::<PyBufferedReader>(&a)?;
    let v = exact("peek", &a, 1, 0, 1)?;
    let n = size_arg(ts, v.first(), 0)?.max(0) as usize;
    let raw = p.raw()?;
    p.check_closed(ts, &raw, "peek of closed file")?;
    let _io = p.io.enter(ts, this)?;
    fill(ts, p, &raw, n)?;
    let st = p.st.lock();
    Ok(new_bytes(&st.buf[st.pos.min(st.buf.len())..]))
}

fn readinto_impl(ts: &ThreadState, a: &Args<'_>, one: bool) -> PyResult {
    let (this, p) = common::me::<PyBufferedReader>(a)?;
    let v = exact(if one { "readinto1" } else { "readinto" }, a, 1, 1, 1)?;
    let target = &v[0];
    let bad = || err!(TypeError, "readinto() argument must be read-write bytes-like object, not {}", ops::type_name(target));
    if target.downcast::<PyBytes>().is_some() {
        return Err(bad());
    }
    let mv_t = spindle_vm::memoryview::type_ref().to_value();
    let view = ops::call(ts, &mv_t, std::slice::from_ref(target)).map_err(|_| bad())?;
    let ro = ops::getattr_str(ts, &view, "readonly")?;
    if ops::is_true(ts, &ro)? {
        return Err(bad());
    }
    let view = ops::call_method(ts, &view, "cast", &[new_str("B")])?;
    let room = ops::len(ts, &view)?;
    let raw = p.raw()?;
    p.check_closed(ts, &raw, "readinto of closed file")?;
    if room == 0 {
        return Ok(new_int(0));
    }
    let (data, blocked) = {
        let _io = p.io.enter(ts, this)?;
        let (mut out, size) = {
            let mut st = p.st.lock();
            let h = st.take(room);
            if h.len() == room {
                drop(st);
                let sl = spindle_vm::builtins_init::containers::new_slice(new_int(0), new_int(room as i64), none());
                ops::setitem(ts, &view, &sl, new_bytes(&h))?;
                return Ok(new_int(room as i64));
            }
            st.reset();
            (h, st.size)
        };
        let mut blocked = false;
        while out.len() < room {
            let remaining = room - out.len();
            let n = if remaining > size {
                match raw_read(ts, &raw, remaining)? {
                    None => None,
                    Some(c) => {
                        let k = c.len();
                        out.extend(c);
                        Some(k)
                    }
                }
            } else if !(one && !out.is_empty()) {
                match fill_buffer(ts, p, &raw)? {
                    Some(k) if k > 0 => {
                        let got = p.st.lock().take(remaining);
                        out.extend(got);
                        continue;
                    }
                    other => other,
                }
            } else {
                Some(0)
            };
            match n {
                Some(0) => break,
                None => {
                    blocked = out.is_empty();
                    break;
                }
                Some(_) if one => break,
                Some(_) => {}
            }
        }
        (out, blocked)
    };
    if blocked {
        return Ok(none());
    }
    let n = data.len();
    let sl = spindle_vm::builtins_init::containers::new_slice(new_int(0), new_int(n as i64), none());
    ops::setitem(ts, &view, &sl, new_bytes(&data))?;
    Ok(new_int(n as i64))
}

fn br_readinto(ts: &ThreadState, a: Args<'_>) -> PyResult {
    readinto_impl(ts, &a, false)
}

fn br_readinto1(ts: &ThreadState, a: Args<'_>) -> PyResult {
    readinto_impl(ts, &a, true)
}

/// The next line (through `\n`), at most `limit` bytes (negative: no limit).
fn line(ts: &ThreadState, p: &PyBufferedReader, raw: &Value, limit: i64) -> PyResult<Vec<u8>> {
    let mut out: Vec<u8> = Vec::new();
    loop {
        {
            let mut st = p.st.lock();
            let room = if limit < 0 { usize::MAX } else { (limit as usize).saturating_sub(out.len()) };
            let start = st.pos.min(st.buf.len());
            let avail = &st.buf[start..];
            let span = avail.len().min(room);
            if let Some(i) = avail[..span].iter().position(|&c| c == b'\n') {
                out.extend_from_slice(&avail[..=i]);
                st.pos = start + i + 1;
                return Ok(out);
            }
            out.extend_from_slice(&avail[..span]);
            st.pos = start + span;
            if limit >= 0 && out.len() >= limit as usize {
                return Ok(out);
            }
            st.reset();
        }
        let size = p.st.lock().size;
        match raw_read(ts, raw, size)? {
            Some(c) if !c.is_empty() => p.st.lock().refill(&c),
            _ => return Ok(out),
        }
    }
}

fn br_readline(ts: &ThreadState, a: Args<'_>) -> PyResult {
    let (this, p) = common::me::<PyBufferedReader>(&a)?;
    let v = exact("readline", &a, 1, 0, 1)?;
    let n = size_arg(ts, v.first(), -1)?;
    let raw = p.raw()?;
    p.check_closed(ts, &raw, "readline of closed file")?;
    let _io = p.io.enter(ts, this)?;
    Ok(new_bytes(&line(ts, p, &raw, n)?))
}

fn br_next(ts: &ThreadState, a: Args<'_>) -> PyResult {
    let (this, p) = common::me::<PyBufferedReader>(&a)?;
    let raw = p.raw()?;
    p.check_closed(ts, &raw, "readline of closed file")?;
    let _io = p.io.enter(ts, this)?;
    let l = line(ts, p, &raw, -1)?;
    if l.is_empty() {
        return Err(PyErr::bare(rt().exc.StopIteration));
    }
    Ok(new_bytes(&l))
}

fn br_seek(ts: &ThreadState, a: Args<'_>) -> PyResult {
    let (this, p) = common::me::<PyBufferedReader>(&a)?;
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
    p.check_closed(ts, &raw, "seek of closed file")?;
    let i = ops::index(ts, &v[0])?;
    let mut pos = int_to_i64(&i).ok_or_else(|| err!(OverflowError, "Python int too large to convert to C long"))?;
    let _io = p.io.enter(ts, this)?;
    // A target inside the buffer only moves the position (as C does).
    if (whence == 0 || whence == 1) && p.st.lock().avail() > 0 {
        let r = ops::call_method(ts, &raw, "tell", &[])?;
        let current = raw_pos(ts, &r)?;
        let mut st = p.st.lock();
        let avail = st.avail() as i64;
        let offset = if whence == 0 { pos - (current - avail) } else { pos };
        if offset >= -(st.pos as i64) && offset <= avail {
            st.pos = (st.pos as i64 + offset) as usize;
            return Ok(new_int(current - avail + offset));
        }
    }
    if whence == 1 {
        pos -= p.st.lock().avail() as i64;
    }
    let r = ops::call_method(ts, &raw, "seek", &[new_int(pos), new_int(whence)])?;
    raw_pos(ts, &r)?;
    p.st.lock().reset();
    Ok(r)
}

fn br_tell(ts: &ThreadState, a: Args<'_>) -> PyResult {
    let (_, p) = common::me::<PyBufferedReader>(&a)?;
    exact("tell", &a, 1, 0, 0)?;
    let raw = p.raw()?;
    let r = ops::call_method(ts, &raw, "tell", &[])?;
    let pos = raw_pos(ts, &r)?;
    let avail = p.st.lock().avail() as i64;
    Ok(new_int((pos - avail).max(0)))
}

fn br_flush(ts: &ThreadState, a: Args<'_>) -> PyResult {
    let (_, p) = common::me::<PyBufferedReader>(&a)?;
    exact("flush", &a, 1, 0, 0)?;
    let raw = p.raw()?;
    if is_closed(ts, &raw)? {
        raise!(ValueError, "I/O operation on closed file.");
    }
    Ok(none())
}

fn br_close(ts: &ThreadState, a: Args<'_>) -> PyResult {
    let (this, p) = common::me::<PyBufferedReader>(&a)?;
    exact("close", &a, 1, 0, 0)?;
    let raw = p.raw()?;
    if is_closed(ts, &raw)? {
        return Ok(none());
    }
    let flushed = ops::call_method(ts, this, "flush", &[]).map(drop);
    let closed = ops::call_method(ts, &raw, "close", &[]).map(drop);
    p.st.lock().reset();
    match (flushed, closed) {
        (Err(e), Err(c)) => {
            let _ = ops::setattr_silent(c.value(), "__context__", e.value().clone());
            Err(c)
        }
        (Err(e), Ok(())) => Err(e),
        (Ok(()), r) => r.map(|()| none()),
    }
}

fn br_detach(ts: &ThreadState, a: Args<'_>) -> PyResult {
    let (this, p) = common::me::<PyBufferedReader>(&a)?;
    exact("detach", &a, 1, 0, 0)?;
    p.raw()?;
    ops::call_method(ts, this, "flush", &[])?;
    let mut st = p.st.lock();
    st.detached = true;
    Ok(st.raw.take().unwrap_or_else(none))
}


/// The class (created once) over the `_io` module's `_BufferedIOBase`.
pub(crate) fn reader_type(base: Option<TypeRef>) -> TypeRef {
    *TYPE.get_or_init(|| {
        let t = new_type::<PyBufferedReader>("BufferedReader", "_io", base, true);
        // FINALIZE: IOBase's __del__ closes a reader left open.
        t.data().set_flags(t.data().flags() | type_flags::HAS_EXT | type_flags::HAS_DICT | type_flags::FINALIZE);
        set_new(t, br_new);
        add_methods(
            t,
            &[
                ("__init__", br_init),
                ("read", br_read),
                ("read1", br_read1),
                ("peek", br_peek),
                ("readinto", br_readinto),
                ("readinto1", br_readinto1),
                ("readline", br_readline),
                ("__next__", br_next),
                ("seek", br_seek),
                ("tell", br_tell),
                ("flush", br_flush),
                ("close", br_close),
                ("detach", br_detach),
                ("fileno", common::fileno::<PyBufferedReader>),
                ("isatty", common::isatty::<PyBufferedReader>),
                ("seekable", common::seekable::<PyBufferedReader>),
                ("readable", common::readable::<PyBufferedReader>),
                ("writable", common::writable::<PyBufferedReader>),
                ("_dealloc_warn", common::dealloc_warn::<PyBufferedReader>),
                ("__getstate__", common::getstate::<PyBufferedReader>),
                ("__repr__", common::repr::<PyBufferedReader>),
            ],
        );
        add_getter(t, "closed", common::closed::<PyBufferedReader>);
        add_getter(t, "name", common::name::<PyBufferedReader>);
        add_getter(t, "mode", common::mode::<PyBufferedReader>);
        add_getter(t, "raw", common::raw::<PyBufferedReader>);
        t
    })
}
