//! The `mmap` module: memory-mapped files and anonymous or POSIX shared
//! memory (`multiprocessing.shared_memory` maps the descriptor
//! `_posixshmem.shm_open` gives). The mapping lives behind a lock; the
//! buffer protocol (memoryview, bytes()) copies through the registered
//! exporter, and `close()` refuses while views are live, so a view never
//! reads unmapped memory. Not here yet: `resize`, `move`, `madvise`.

use std::sync::OnceLock;
use std::sync::atomic::{AtomicUsize, Ordering};

use parking_lot::Mutex;
use spindle_vm::buffer::{BufferExporter, RangeReads, register};
use spindle_vm::bytes::new_bytes;
use spindle_vm::cell::PySlice;
use spindle_vm::error::PyResult;
use spindle_vm::function::Args;
use spindle_vm::interp::ThreadState;
use spindle_vm::num::{new_bool, new_int};
use spindle_vm::object::{PyPayload, TypeRef};
use spindle_vm::runtime::{is_none, none};
use spindle_vm::str::new_str;
use spindle_vm::value::Value;
use spindle_vm::{ops, raise};

use super::{errno_err, given, opt_i64, parse, to_i64};

const ACCESS_DEFAULT: i64 = 0;
const ACCESS_READ: i64 = 1;
const ACCESS_WRITE: i64 = 2;
const ACCESS_COPY: i64 = 3;

static MMAP_TYPE: OnceLock<TypeRef> = OnceLock::new();

/// A live mapping of `len` bytes at `ptr`, unmapped on drop.
struct Mapping {
    ptr: *mut u8,
    len: usize,
}

// SAFETY: the mapping is plain memory owned by this value; every access
// goes through the `PyMmap` lock.
unsafe impl Send for Mapping {}
// SAFETY: as above.
unsafe impl Sync for Mapping {}

impl Mapping {
    /// A copy of up to `n` bytes from `at` (MemoryError if it cannot be held).
    fn read(&self, at: usize, n: usize) -> PyResult<Vec<u8>> {
        let n = n.min(self.len.saturating_sub(at));
        let mut out = spindle_vm::memory::zeroed_bytes(n)?;
        // SAFETY: at + n <= len, inside the mapping; out holds n bytes.
        unsafe { std::ptr::copy_nonoverlapping(self.ptr.add(at), out.as_mut_ptr(), n) };
        Ok(out)
    }

    fn write(&self, at: usize, data: &[u8]) {
        if at.checked_add(data.len()).is_some_and(|end| end <= self.len) {
            // SAFETY: the range lies inside the writable mapping (checked).
            unsafe { std::ptr::copy_nonoverlapping(data.as_ptr(), self.ptr.add(at), data.len()) };
        }
    }
}

impl Drop for Mapping {
    fn drop(&mut self) {
        if self.len > 0 {
            // SAFETY: ptr/len came from mmap and nothing uses them any more.
            unsafe { libc::munmap(self.ptr.cast(), self.len) };
        }
    }
}

struct MapState {
    map: Option<Mapping>,
    /// Our duplicate of the mapped file's descriptor (-1: none).
    fd: i32,
    pos: usize,
}

impl Drop for MapState {
    fn drop(&mut self) {
        if self.fd >= 0 {
            // SAFETY: the descriptor is our own duplicate.
            unsafe { libc::close(self.fd) };
        }
    }
}

pub(crate) struct PyMmap {
    state: Mutex<MapState>,
    access: i64,
    offset: i64,
    /// Live memoryviews: while any, the mapping cannot be closed.
    exports: AtomicUsize,
}

impl PyPayload for PyMmap {
    const KIND: spindle_vm::object::PayloadKind = crate::kinds::kind(crate::kinds::OS_BASE + 71);
}

fn this<'a>(a: &'a Args<'_>) -> PyResult<&'a PyMmap> {
    match a.args.first().and_then(|v| v.downcast::<PyMmap>()) {
        Some(m) => Ok(m),
        None => raise!(TypeError, "descriptor requires a 'mmap.mmap' object"),
    }
}

fn rest<'a>(a: &Args<'a>) -> Args<'a> {
    Args { args: a.args.get(1..).unwrap_or(&[]), kwnames: a.kwnames }
}

impl PyMmap {
    /// Runs `f` on the open mapping (ValueError when closed).
    fn with<R>(&self, f: impl FnOnce(&Mapping, &mut usize, i32) -> PyResult<R>) -> PyResult<R> {
        let mut st = self.state.lock();
        let MapState { map, pos, fd } = &mut *st;
        match map {
            Some(m) => f(m, pos, *fd),
            None => raise!(ValueError, "mmap closed or invalid"),
        }
    }

    fn check_writable(&self) -> PyResult<()> {
        if self.access == ACCESS_READ {
            raise!(TypeError, "mmap can't modify a readonly memory map.");
        }
        Ok(())
    }
}

/// `mmap(fileno, length, flags=MAP_SHARED, prot=PROT_WRITE|PROT_READ,
/// access=ACCESS_DEFAULT, offset=0, *, trackfd=True)`.
fn mmap_new(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let cls = a.args.first().and_then(TypeRef::from_value).or_else(|| MMAP_TYPE.get().copied());
    let Some(cls) = cls else { raise!(RuntimeError, "mmap not initialised") };
    let [fileno, length, flags, prot, access, offset, trackfd] =
        parse("mmap", rest(&a), ["fileno", "length", "flags", "prot", "access", "offset", "trackfd"], 2)?;
    let fd = to_i64(ts, fileno.as_ref().unwrap_or(&none()))? as i32;
    let length = to_i64(ts, length.as_ref().unwrap_or(&none()))?;
    let flags_given = given(&flags).is_some();
    let prot_given = given(&prot).is_some();
    let mut flags = opt_i64(ts, &flags, i64::from(libc::MAP_SHARED))? as libc::c_int;
    let mut prot = opt_i64(ts, &prot, i64::from(libc::PROT_WRITE | libc::PROT_READ))? as libc::c_int;
    let access = opt_i64(ts, &access, ACCESS_DEFAULT)?;
    let offset = opt_i64(ts, &offset, 0)?;
    let trackfd = super::truthy(ts, &trackfd, true)?;
    if length < 0 {
        raise!(OverflowError, "memory mapped length must be positive");
    }
    if offset < 0 {
        raise!(OverflowError, "memory mapped offset must be positive");
    }
    if access != ACCESS_DEFAULT && (flags_given || prot_given) {
        raise!(ValueError, "mmap can't specify both access and flags, prot.");
    }
    match access {
        ACCESS_READ => (flags, prot) = (libc::MAP_SHARED, libc::PROT_READ),
        ACCESS_WRITE => (flags, prot) = (libc::MAP_SHARED, libc::PROT_READ | libc::PROT_WRITE),
        ACCESS_COPY => (flags, prot) = (libc::MAP_PRIVATE, libc::PROT_READ | libc::PROT_WRITE),
        ACCESS_DEFAULT => {}
        _ => raise!(ValueError, "mmap invalid access parameter."),
    }
    // A map without PROT_WRITE is read-only, as CPython treats it.
    let access = if access == ACCESS_DEFAULT && prot & libc::PROT_WRITE == 0 { ACCESS_READ } else { access };
    let mut len = length as usize;
    if fd != -1 {
        // SAFETY: a zeroed stat is valid; fstat fills it.
        let mut st: libc::stat = unsafe { std::mem::zeroed() };
        // SAFETY: st is a valid out-pointer.
        if unsafe { libc::fstat(fd, &mut st) } == 0 && (st.st_mode & libc::S_IFMT) == libc::S_IFREG {
            let size = st.st_size;
            if length == 0 {
                if size == 0 {
                    raise!(ValueError, "cannot mmap an empty file");
                }
                if offset >= size {
                    raise!(ValueError, "mmap offset is greater than file size");
                }
                len = (size - offset) as usize;
            } else if offset > size || size - offset < length {
                raise!(ValueError, "mmap length is greater than file size");
            }
        }
    } else {
        flags |= libc::MAP_ANONYMOUS;
    }
    let own_fd = if fd != -1 && trackfd {
        // SAFETY: plain integer arguments.
        let d = unsafe { libc::fcntl(fd, libc::F_DUPFD_CLOEXEC, 0) };
        if d < 0 {
            return Err(errno_err(None));
        }
        d
    } else {
        -1
    };
    // Owns the duplicate from here, closing it if the mapping fails.
    let mut state = MapState { map: None, fd: own_fd, pos: 0 };
    // SAFETY: a fresh mapping chosen by the kernel (null hint); the
    // descriptor and offset are checked by the kernel.
    let p = unsafe { libc::mmap(std::ptr::null_mut(), len, prot, flags, fd, offset as libc::off_t) };
    if p == libc::MAP_FAILED {
        return Err(errno_err(None));
    }
    state.map = Some(Mapping { ptr: p.cast(), len });
    let obj = PyMmap { state: Mutex::new(state), access, offset, exports: AtomicUsize::new(0) };
    Ok(spindle_vm::object::alloc(cls, obj))
}

fn mmap_close(_ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let m = this(&a)?;
    let mut st = m.state.lock();
    if m.exports.load(Ordering::Acquire) > 0 {
        raise!(BufferError, "cannot close exported pointers exist");
    }
    st.map = None;
    if st.fd >= 0 {
        // SAFETY: the descriptor is our own duplicate, closed once.
        unsafe { libc::close(st.fd) };
        st.fd = -1;
    }
    Ok(none())
}

fn mmap_closed(_ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    Ok(new_bool(this(&a)?.state.lock().map.is_none()))
}

fn mmap_enter(_ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    this(&a)?.with(|_, _, _| Ok(()))?;
    Ok(a.args[0].clone())
}

fn mmap_exit(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    mmap_close(ts, Args::new(a.args.get(..1).unwrap_or(&[])))
}

fn mmap_len(_ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    this(&a)?.with(|m, _, _| Ok(new_int(m.len as i64)))
}

/// `size()`: the size of the mapped file (fstat of our descriptor).
fn mmap_size(_ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    this(&a)?.with(|_, _, fd| {
        // SAFETY: a zeroed stat is valid; fstat fills it.
        let mut st: libc::stat = unsafe { std::mem::zeroed() };
        // SAFETY: st is a valid out-pointer.
        if unsafe { libc::fstat(fd, &mut st) } < 0 {
            return Err(errno_err(None));
        }
        Ok(new_int(st.st_size))
    })
}

fn mmap_tell(_ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    this(&a)?.with(|_, pos, _| Ok(new_int(*pos as i64)))
}

fn mmap_seekable(_ts: &ThreadState, _a: Args<'_>) -> PyResult<Value> {
    Ok(new_bool(true))
}

/// `seek(pos, whence=0)`: the new position.
fn mmap_seek(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let m = this(&a)?;
    let [dist, whence] = parse("seek", rest(&a), ["pos", "whence"], 1)?;
    let dist = to_i64(ts, dist.as_ref().unwrap_or(&none()))?;
    let whence = opt_i64(ts, &whence, 0)?;
    m.with(|map, pos, _| {
        let base = match whence {
            0 => 0,
            1 => *pos as i64,
            2 => map.len as i64,
            _ => raise!(ValueError, "unknown seek type"),
        };
        match base.checked_add(dist) {
            Some(w) if (0..=map.len as i64).contains(&w) => {
                *pos = w as usize;
                Ok(new_int(w))
            }
            _ => raise!(ValueError, "seek out of range"),
        }
    })
}

/// `read(n=None)`: up to `n` bytes from the position (all that is left
/// when `n` is None or negative).
fn mmap_read(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let m = this(&a)?;
    let [n] = parse("read", rest(&a), ["n"], 0)?;
    let n = opt_i64(ts, &n, -1)?;
    m.with(|map, pos, _| {
        let left = map.len.saturating_sub(*pos);
        let n = if n < 0 { left } else { (n as usize).min(left) };
        let data = map.read(*pos, n)?;
        *pos += data.len();
        Ok(new_bytes(&data))
    })
}

fn mmap_read_byte(_ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    this(&a)?.with(|map, pos, _| {
        if *pos >= map.len {
            raise!(ValueError, "read byte out of range");
        }
        let b = map.read(*pos, 1)?.first().copied().unwrap_or(0);
        *pos += 1;
        Ok(new_int(i64::from(b)))
    })
}

fn mmap_readline(_ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    this(&a)?.with(|map, pos, _| {
        let rest = map.read(*pos, map.len.saturating_sub(*pos))?;
        let n = rest.iter().position(|&b| b == b'\n').map_or(rest.len(), |i| i + 1);
        *pos += n;
        Ok(new_bytes(&rest[..n]))
    })
}

/// `write(bytes)`: the number of bytes written at the position.
fn mmap_write(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let m = this(&a)?;
    let [data] = parse("write", rest(&a), ["bytes"], 1)?;
    let data = super::buffer_bytes(ts, data.as_ref().unwrap_or(&none()))?;
    m.check_writable()?;
    m.with(|map, pos, _| {
        if *pos > map.len || map.len - *pos < data.len() {
            raise!(ValueError, "data out of range");
        }
        map.write(*pos, &data);
        *pos += data.len();
        Ok(new_int(data.len() as i64))
    })
}

fn mmap_write_byte(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let m = this(&a)?;
    let [b] = parse("write_byte", rest(&a), ["byte"], 1)?;
    let b = to_i64(ts, b.as_ref().unwrap_or(&none()))?;
    let Ok(b) = u8::try_from(b) else {
        if b < 0 {
            raise!(OverflowError, "unsigned byte integer is less than minimum");
        }
        raise!(OverflowError, "unsigned byte integer is greater than maximum");
    };
    m.check_writable()?;
    m.with(|map, pos, _| {
        if *pos >= map.len {
            raise!(ValueError, "write byte out of range");
        }
        map.write(*pos, &[b]);
        *pos += 1;
        Ok(none())
    })
}

/// `find`/`rfind(sub, start=pos, end=len)`.
fn find_in(ts: &ThreadState, a: Args<'_>, fname: &str, reverse: bool) -> PyResult<Value> {
    let m = this(&a)?;
    let [sub, start, end] = parse(fname, rest(&a), ["sub", "start", "end"], 1)?;
    let sub = super::buffer_bytes(ts, sub.as_ref().unwrap_or(&none()))?;
    let start = given(&start).map(|v| to_i64(ts, v)).transpose()?;
    let end = given(&end).map(|v| to_i64(ts, v)).transpose()?;
    m.with(|map, pos, _| {
        let len = map.len as i64;
        let clamp = |i: i64| if i < 0 { (i + len).max(0) } else { i.min(len) };
        let s = clamp(start.unwrap_or(*pos as i64)) as usize;
        let e = clamp(end.unwrap_or(len)) as usize;
        if e < s || e - s < sub.len() {
            return Ok(new_int(-1));
        }
        let hay = map.read(s, e - s)?;
        let hit = if reverse {
            (0..=hay.len() - sub.len()).rev().find(|&i| hay[i..i + sub.len()] == sub[..])
        } else {
            (0..=hay.len() - sub.len()).find(|&i| hay[i..i + sub.len()] == sub[..])
        };
        Ok(new_int(hit.map_or(-1, |i| (s + i) as i64)))
    })
}

fn mmap_find(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    find_in(ts, a, "find", false)
}

fn mmap_rfind(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    find_in(ts, a, "rfind", true)
}

/// `flush(offset=0, size=len)`: writes changes back to the file.
fn mmap_flush(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let m = this(&a)?;
    let [offset, size] = parse("flush", rest(&a), ["offset", "size"], 0)?;
    let offset = opt_i64(ts, &offset, 0)?;
    let size = given(&size).map(|v| to_i64(ts, v)).transpose()?;
    m.with(|map, _, _| {
        let size = size.unwrap_or(map.len as i64);
        if size < 0 || offset < 0 || (map.len as i64) - offset < size {
            raise!(ValueError, "flush values out of range");
        }
        if m.access == ACCESS_READ || m.access == ACCESS_COPY || size == 0 {
            return Ok(none());
        }
        // SAFETY: the range lies inside the mapping (checked above).
        if unsafe { libc::msync(map.ptr.add(offset as usize).cast(), size as usize, libc::MS_SYNC) } < 0 {
            return Err(errno_err(None));
        }
        Ok(none())
    })
}

/// An index into a map of `len` bytes, with CPython's IndexError.
fn item_index(ts: &ThreadState, key: &Value, len: usize) -> PyResult<usize> {
    let i = match ops::index(ts, key) {
        Ok(i) => spindle_vm::num::int_to_i64(&i).unwrap_or(i64::MAX),
        Err(_) => raise!(TypeError, "mmap indices must be integers"),
    };
    let j = if i < 0 { i + len as i64 } else { i };
    if j < 0 || j >= len as i64 {
        raise!(IndexError, "mmap index out of range");
    }
    Ok(j as usize)
}

fn mmap_getitem(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let m = this(&a)?;
    let key = a.args.get(1).cloned().unwrap_or_else(none);
    let len = m.with(|map, _, _| Ok(map.len))?;
    if let Some(sl) = key.downcast::<PySlice>() {
        let (start, _, step, count) = spindle_vm::builtins_init::strings::slice_indices(ts, sl, len)?;
        return m.with(|map, _, _| {
            if step == 1 {
                return Ok(new_bytes(&map.read(start as usize, count)?));
            }
            let all = map.read(0, map.len)?;
            let picked: Vec<u8> = (0..count).filter_map(|k| all.get((start + k as isize * step) as usize).copied()).collect();
            Ok(new_bytes(&picked))
        });
    }
    let i = item_index(ts, &key, len)?;
    m.with(|map, _, _| Ok(new_int(i64::from(map.read(i, 1)?.first().copied().unwrap_or(0)))))
}

fn mmap_setitem(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let m = this(&a)?;
    let key = a.args.get(1).cloned().unwrap_or_else(none);
    let Some(value) = a.args.get(2).cloned() else {
        raise!(TypeError, "mmap object doesn't support item deletion");
    };
    let len = m.with(|map, _, _| Ok(map.len))?;
    m.check_writable()?;
    if let Some(sl) = key.downcast::<PySlice>() {
        let (start, _, step, count) = spindle_vm::builtins_init::strings::slice_indices(ts, sl, len)?;
        let data = super::buffer_bytes(ts, &value)?;
        if data.len() != count {
            raise!(IndexError, "mmap slice assignment is wrong size");
        }
        return m.with(|map, _, _| {
            for (k, b) in data.iter().enumerate() {
                map.write((start + k as isize * step) as usize, std::slice::from_ref(b));
            }
            Ok(none())
        });
    }
    let i = item_index(ts, &key, len)?;
    let b = match spindle_vm::num::int_to_i64(&value) {
        Some(b) if (0..256).contains(&b) => b as u8,
        Some(_) => raise!(ValueError, "mmap item value must be in range(0, 256)"),
        None if is_none(&value) || spindle_vm::num::int_to_big(&value).is_none() => {
            raise!(TypeError, "mmap item value must be an int")
        }
        None => raise!(ValueError, "mmap item value must be in range(0, 256)"),
    };
    m.with(|map, _, _| {
        map.write(i, &[b]);
        Ok(none())
    })
}

fn mmap_repr(_ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let m = this(&a)?;
    let st = m.state.lock();
    let Some(map) = &st.map else { return Ok(new_str("<mmap.mmap closed=True>")) };
    let access = ["ACCESS_DEFAULT", "ACCESS_READ", "ACCESS_WRITE", "ACCESS_COPY"].get(m.access as usize).unwrap_or(&"ACCESS_DEFAULT");
    Ok(new_str(&format!(
        "<mmap.mmap closed=False, access={access}, length={}, pos={}, offset={}>",
        map.len, st.pos, m.offset
    )))
}

fn mmap_getstate(_ts: &ThreadState, _a: Args<'_>) -> PyResult<Value> {
    raise!(TypeError, "cannot pickle 'mmap.mmap' object")
}

fn buf_read(v: &Value) -> Vec<u8> {
    match v.downcast::<PyMmap>() {
        // The exporter cannot fail: a copy too large to hold reads as empty.
        Some(m) => m.state.lock().map.as_ref().and_then(|map| map.read(0, map.len).ok()).unwrap_or_default(),
        None => Vec::new(),
    }
}

fn buf_format(_v: &Value) -> char {
    'B'
}

fn buf_write(v: &Value, at: usize, data: &[u8]) -> bool {
    let Some(m) = v.downcast::<PyMmap>() else { return false };
    if m.access == ACCESS_READ {
        return false;
    }
    let st = m.state.lock();
    match &st.map {
        Some(map) if at.checked_add(data.len()).is_some_and(|e| e <= map.len) => {
            map.write(at, data);
            true
        }
        _ => false,
    }
}

fn buf_export(v: &Value, start: bool) {
    if let Some(m) = v.downcast::<PyMmap>() {
        if start {
            m.exports.fetch_add(1, Ordering::AcqRel);
        } else {
            m.exports.fetch_sub(1, Ordering::AcqRel);
        }
    }
}

fn buf_len(v: &Value) -> usize {
    v.downcast::<PyMmap>().and_then(|m| m.state.lock().map.as_ref().map(|map| map.len)).unwrap_or(0)
}

fn buf_read_range(v: &Value, at: usize, n: usize) -> Vec<u8> {
    match v.downcast::<PyMmap>() {
        Some(m) => m.state.lock().map.as_ref().and_then(|map| map.read(at, n).ok()).unwrap_or_default(),
        None => Vec::new(),
    }
}

/// A view reads only the bytes it needs: maps are often large.
static RANGES: RangeReads = RangeReads { len: buf_len, read: buf_read_range };

static EXPORTER: BufferExporter = BufferExporter {
    kind: PyMmap::KIND,
    read: buf_read,
    format: buf_format,
    write: buf_write,
    export: buf_export,
    ranges: Some(&RANGES),
};

pub(crate) fn init(_ts: &ThreadState) -> PyResult<Value> {
    use spindle_vm::native::{add_methods, add_property, add_value, new_type, set_new};
    register(&EXPORTER);
    let m = spindle_vm::native::new_module("mmap", &[]);
    let t = *MMAP_TYPE.get_or_init(|| {
        let t = new_type::<PyMmap>("mmap", "mmap", None, true);
        set_new(t, mmap_new);
        add_methods(
            t,
            &[
                ("close", mmap_close),
                ("__enter__", mmap_enter),
                ("__exit__", mmap_exit),
                ("__len__", mmap_len),
                ("__getitem__", mmap_getitem),
                ("__setitem__", mmap_setitem),
                ("__repr__", mmap_repr),
                ("size", mmap_size),
                ("tell", mmap_tell),
                ("seek", mmap_seek),
                ("seekable", mmap_seekable),
                ("read", mmap_read),
                ("read_byte", mmap_read_byte),
                ("readline", mmap_readline),
                ("write", mmap_write),
                ("write_byte", mmap_write_byte),
                ("find", mmap_find),
                ("rfind", mmap_rfind),
                ("flush", mmap_flush),
                ("__getstate__", mmap_getstate),
            ],
        );
        add_property(t, "closed", mmap_closed, None);
        t
    });
    add_value(&m, "mmap", t.to_value());
    add_value(&m, "error", spindle_vm::runtime::rt().exc.OSError.to_value());
    // SAFETY: sysconf takes a plain name.
    let page = unsafe { libc::sysconf(libc::_SC_PAGESIZE) };
    for (name, v) in [
        ("ACCESS_DEFAULT", ACCESS_DEFAULT),
        ("ACCESS_READ", ACCESS_READ),
        ("ACCESS_WRITE", ACCESS_WRITE),
        ("ACCESS_COPY", ACCESS_COPY),
        ("MAP_SHARED", i64::from(libc::MAP_SHARED)),
        ("MAP_PRIVATE", i64::from(libc::MAP_PRIVATE)),
        ("MAP_ANON", i64::from(libc::MAP_ANONYMOUS)),
        ("MAP_ANONYMOUS", i64::from(libc::MAP_ANONYMOUS)),
        ("MAP_DENYWRITE", i64::from(libc::MAP_DENYWRITE)),
        ("MAP_EXECUTABLE", i64::from(libc::MAP_EXECUTABLE)),
        ("MAP_NORESERVE", i64::from(libc::MAP_NORESERVE)),
        ("MAP_POPULATE", i64::from(libc::MAP_POPULATE)),
        ("MAP_STACK", i64::from(libc::MAP_STACK)),
        ("MAP_32BIT", i64::from(libc::MAP_32BIT)),
        ("PROT_READ", i64::from(libc::PROT_READ)),
        ("PROT_WRITE", i64::from(libc::PROT_WRITE)),
        ("PROT_EXEC", i64::from(libc::PROT_EXEC)),
        ("PAGESIZE", page),
        ("ALLOCATIONGRANULARITY", page),
    ] {
        add_value(&m, name, new_int(v));
    }
    Ok(m)
}
