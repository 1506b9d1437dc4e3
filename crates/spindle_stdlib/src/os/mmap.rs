//! The `mmap` module (Linux), as CPython's: `mmap.mmap` over a file
//! descriptor or anonymous memory, with the file-like methods, indexing and
//! slicing, and the buffer protocol (`memoryview(m)`, `re` over a map).
//!
//! The mapping's address, size and position live behind one short lock;
//! every access copies in or out under it, and `close`/`resize` change the
//! mapping under it too, so no thread ever reads an unmapped address. The
//! lock is never held while Python code runs (arguments are converted
//! first).

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::OnceLock;

use spindle_vm::buffer::{BufferExporter, RangeReads};
use spindle_vm::error::{PyErr, PyResult};
use spindle_vm::function::Args;
use spindle_vm::interp::ThreadState;
use spindle_vm::lock::ShortMutex;
use spindle_vm::native;
use spindle_vm::num::{new_bool, new_int};
use spindle_vm::object::{PayloadKind, PyPayload, TypeRef};
use spindle_vm::runtime::none;
use spindle_vm::str::new_str;
use spindle_vm::value::Value;
use spindle_vm::{err, ops, raise};

use super::{buffer_bytes, given, os_error, parse};

const ACCESS_DEFAULT: i64 = 0;
const ACCESS_READ: i64 = 1;
const ACCESS_WRITE: i64 = 2;
const ACCESS_COPY: i64 = 3;

struct Map {
    /// The mapping's start; null once closed.
    ptr: *mut u8,
    size: usize,
    pos: usize,
    offset: i64,
    /// A descriptor of our own (a `dup`), or -1 (anonymous, or trackfd=False).
    fd: i32,
    access: i64,
}

// SAFETY: `ptr` is only followed under the object's lock (`PyMmap::map`),
// by whichever thread holds it; the mapping belongs to the process.
unsafe impl Send for Map {}

impl Map {
    fn open(&self) -> PyResult<()> {
        if self.ptr.is_null() { Err(err!(ValueError, "mmap closed or invalid")) } else { Ok(()) }
    }

    fn writable(&self) -> PyResult<()> {
        self.open()?;
        if self.access == ACCESS_READ {
            raise!(TypeError, "mmap can't modify a readonly memory map.");
        }
        Ok(())
    }

    fn bytes(&self) -> &[u8] {
        if self.ptr.is_null() {
            return &[];
        }
        // SAFETY: a live mapping of `size` readable bytes (PROT_READ is
        // always asked for), unmapped only under the lock this borrow is
        // taken under.
        unsafe { std::slice::from_raw_parts(self.ptr, self.size) }
    }

    /// The mapping's bytes, for writing; the caller checked `writable`.
    fn bytes_mut(&mut self) -> &mut [u8] {
        if self.ptr.is_null() {
            return &mut [];
        }
        // SAFETY: as `bytes`; the map is writable (not ACCESS_READ), so it
        // was mapped with PROT_WRITE.
        unsafe { std::slice::from_raw_parts_mut(self.ptr, self.size) }
    }

    /// A copy of up to `n` bytes from `at` (MemoryError, not an abort, when
    /// it cannot be held).
    fn copy(&self, at: usize, n: usize) -> PyResult<Vec<u8>> {
        let data = self.bytes();
        let at = at.min(data.len());
        let n = n.min(data.len() - at);
        let mut out = spindle_vm::memory::zeroed_bytes(n)?;
        out.copy_from_slice(&data[at..at + n]);
        Ok(out)
    }

    fn unmap(&mut self) {
        if !self.ptr.is_null() {
            // SAFETY: `ptr`/`size` are exactly what mmap returned (or
            // mremap moved it to); nothing reads it after (ptr is nulled).
            unsafe { libc::munmap(self.ptr.cast(), self.size.max(1)) };
            self.ptr = std::ptr::null_mut();
        }
        if self.fd >= 0 {
            // SAFETY: our own duplicate of the descriptor.
            unsafe { libc::close(self.fd) };
            self.fd = -1;
        }
    }
}

pub(crate) struct PyMmap {
    map: ShortMutex<Map>,
    /// memoryviews exporting the mapping: close and resize refuse meanwhile.
    exports: AtomicUsize,
}

impl Drop for PyMmap {
    fn drop(&mut self) {
        self.map.lock().unmap();
    }
}

impl PyPayload for PyMmap {
    const KIND: PayloadKind = crate::kinds::kind(crate::kinds::MMAP_BASE);
}

static MMAP_T: OnceLock<TypeRef> = OnceLock::new();

fn this<'a>(a: &'a Args<'_>) -> PyResult<&'a PyMmap> {
    match a.args.first().and_then(|v| v.downcast::<PyMmap>()) {
        Some(m) => Ok(m),
        None => raise!(TypeError, "descriptor requires a 'mmap.mmap' object"),
    }
}

/// Whether `v` can be an index (has `__index__`: int, bool, numpy-like).
fn has_index(v: &Value) -> bool {
    v.type_ref().lookup_static("__index__").is_some()
}

fn rest<'a>(a: &'a Args<'_>) -> Args<'a> {
    Args { args: a.args.get(1..).unwrap_or(&[]), kwnames: a.kwnames }
}

fn last_os_error() -> PyErr {
    os_error(super::last_errno(), None, None)
}

fn ssize(ts: &ThreadState, v: &Value) -> PyResult<i64> {
    let i = ops::index(ts, v)?;
    match spindle_vm::num::int_to_i64(&i) {
        Some(n) => Ok(n),
        None => raise!(OverflowError, "Python int too large to convert to C ssize_t"),
    }
}

fn opt_ssize(ts: &ThreadState, v: &Option<Value>, default: i64) -> PyResult<i64> {
    match given(v) {
        Some(x) => ssize(ts, x),
        None => Ok(default),
    }
}

fn mmap_new(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let Some(cls) = a.args.first().and_then(TypeRef::from_value) else { raise!(TypeError, "mmap.__new__(X): X is not a type object") };
    let [fileno, length, flags, prot, access, offset, trackfd] =
        parse("mmap", rest(&a), ["fileno", "length", "flags", "prot", "access", "offset", "trackfd"], 2)?;
    let fd = ssize(ts, fileno.as_ref().unwrap_or(&none()))?;
    let fd = i32::try_from(fd).map_err(|_| err!(OverflowError, "signed integer is greater than maximum"))?;
    let length = ssize(ts, length.as_ref().unwrap_or(&none()))?;
    let mut flags = opt_ssize(ts, &flags, libc::MAP_SHARED as i64)? as i32;
    let mut prot = opt_ssize(ts, &prot, (libc::PROT_WRITE | libc::PROT_READ) as i64)? as i32;
    let mut access = opt_ssize(ts, &access, ACCESS_DEFAULT)?;
    let offset = opt_ssize(ts, &offset, 0)?;
    let trackfd = super::truthy(ts, &trackfd, true)?;
    if length < 0 {
        raise!(OverflowError, "memory mapped length must be positive");
    }
    if offset < 0 {
        raise!(OverflowError, "memory mapped offset must be positive");
    }
    if access != ACCESS_DEFAULT && (flags != libc::MAP_SHARED || prot != (libc::PROT_WRITE | libc::PROT_READ)) {
        raise!(ValueError, "mmap can't specify both access and flags, prot.");
    }
    match access {
        ACCESS_READ => (flags, prot) = (libc::MAP_SHARED, libc::PROT_READ),
        ACCESS_WRITE => (flags, prot) = (libc::MAP_SHARED, libc::PROT_READ | libc::PROT_WRITE),
        ACCESS_COPY => (flags, prot) = (libc::MAP_PRIVATE, libc::PROT_READ | libc::PROT_WRITE),
        ACCESS_DEFAULT => {
            if prot & libc::PROT_READ != 0 && prot & libc::PROT_WRITE != 0 {
            } else if prot & libc::PROT_WRITE != 0 {
                access = ACCESS_WRITE;
            } else {
                access = ACCESS_READ;
            }
        }
        _ => raise!(ValueError, "mmap invalid access parameter."),
    }
    let mut size = length as usize;
    if fd != -1 {
        // SAFETY: an all-zero stat is a valid out-buffer for fstat.
        let mut st: libc::stat = unsafe { std::mem::zeroed() };
        // SAFETY: `st` is a valid, writable stat buffer.
        if unsafe { libc::fstat(fd, &mut st) } == 0 && (st.st_mode & libc::S_IFMT) == libc::S_IFREG {
            let file_size = st.st_size;
            if length == 0 {
                if file_size == 0 {
                    raise!(ValueError, "cannot mmap an empty file");
                }
                if offset >= file_size {
                    raise!(ValueError, "mmap offset is greater than file size");
                }
                size = (file_size - offset) as usize;
            } else if offset > file_size || file_size - offset < length {
                raise!(ValueError, "mmap length is greater than file size");
            }
        }
    }
    let own_fd = if fd == -1 || !trackfd {
        -1
    } else {
        // SAFETY: dup has no memory-safety preconditions.
        let d = unsafe { libc::dup(fd) };
        if d < 0 {
            return Err(last_os_error());
        }
        d
    };
    if fd == -1 {
        flags |= libc::MAP_ANONYMOUS;
    }
    // SAFETY: a fresh mapping chosen by the kernel (no fixed address); the
    // arguments are plain integers.
    let p = unsafe { libc::mmap(std::ptr::null_mut(), size, prot, flags, fd, offset) };
    if p == libc::MAP_FAILED {
        let e = last_os_error();
        if own_fd >= 0 {
            // SAFETY: our own duplicate, not yet handed to anything.
            unsafe { libc::close(own_fd) };
        }
        return Err(e);
    }
    let map = Map { ptr: p.cast(), size, pos: 0, offset, fd: own_fd, access };
    Ok(spindle_vm::object::alloc(cls, PyMmap { map: ShortMutex::new(map), exports: AtomicUsize::new(0) }))
}

fn no_args(a: &Args<'_>, name: &str) -> PyResult<()> {
    if a.args.len() > 1 || a.has_kwargs() {
        raise!(TypeError, "mmap.{}() takes no arguments ({} given)", name, a.args.len() - 1);
    }
    Ok(())
}

fn m_close(_ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let m = this(&a)?;
    no_args(&a, "close")?;
    if m.exports.load(Ordering::Acquire) > 0 {
        raise!(BufferError, "cannot close exported pointers exist");
    }
    m.map.lock().unmap();
    Ok(none())
}

fn m_closed(_ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    Ok(new_bool(this(&a)?.map.lock().ptr.is_null()))
}

fn m_enter(_ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    this(&a)?.map.lock().open()?;
    Ok(a.args[0].clone())
}

fn m_exit(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    m_close(ts, Args { args: &a.args[..1], kwnames: &[] })
}

fn m_read(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let m = this(&a)?;
    let [n] = parse("read", rest(&a), ["n"], 0)?;
    let n = match given(&n) {
        Some(v) => Some(ssize(ts, v)?),
        None => None,
    };
    let mut g = m.map.lock();
    g.open()?;
    let remaining = g.size.saturating_sub(g.pos);
    let n = match n {
        Some(n) if n >= 0 && (n as usize) <= remaining => n as usize,
        _ => remaining,
    };
    let out = g.copy(g.pos, n)?;
    g.pos += n;
    Ok(spindle_vm::bytes::new_bytes(&out))
}

fn m_read_byte(_ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let m = this(&a)?;
    no_args(&a, "read_byte")?;
    let mut g = m.map.lock();
    g.open()?;
    if g.pos >= g.size {
        raise!(ValueError, "read byte out of range");
    }
    let b = g.bytes()[g.pos];
    g.pos += 1;
    Ok(new_int(b as i64))
}

fn m_readline(_ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let m = this(&a)?;
    no_args(&a, "readline")?;
    let mut g = m.map.lock();
    g.open()?;
    let start = g.pos.min(g.size);
    let rest = &g.bytes()[start..];
    let n = rest.iter().position(|&b| b == b'\n').map_or(rest.len(), |i| i + 1);
    let out = g.copy(start, n)?;
    g.pos = start + n;
    Ok(spindle_vm::bytes::new_bytes(&out))
}

fn m_write(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let m = this(&a)?;
    let [data] = parse("write", rest(&a), ["bytes"], 1)?;
    let data = buffer_bytes(ts, data.as_ref().unwrap_or(&none()))?;
    let mut g = m.map.lock();
    g.writable()?;
    if g.pos > g.size || g.size - g.pos < data.len() {
        raise!(ValueError, "data out of range");
    }
    let start = g.pos;
    g.bytes_mut()[start..start + data.len()].copy_from_slice(&data);
    g.pos += data.len();
    Ok(new_int(data.len() as i64))
}

fn m_write_byte(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let m = this(&a)?;
    let [b] = parse("write_byte", rest(&a), ["byte"], 1)?;
    let b = ssize(ts, b.as_ref().unwrap_or(&none()))?;
    if b < 0 {
        raise!(OverflowError, "unsigned byte integer is less than minimum");
    }
    if b > 255 {
        raise!(OverflowError, "unsigned byte integer is greater than maximum");
    }
    let mut g = m.map.lock();
    g.writable()?;
    if g.pos >= g.size {
        raise!(ValueError, "write byte out of range");
    }
    let pos = g.pos;
    g.bytes_mut()[pos] = b as u8;
    g.pos += 1;
    Ok(none())
}

/// `find`/`rfind`: the needle between `start` and `end` (default: the
/// position and the end; negative ones count from the end).
fn search(ts: &ThreadState, a: Args<'_>, name: &str, reverse: bool) -> PyResult<Value> {
    let m = this(&a)?;
    let [sub, start, end] = parse(name, rest(&a), ["sub", "start", "end"], 1)?;
    let needle = buffer_bytes(ts, sub.as_ref().unwrap_or(&none()))?;
    let start = match given(&start) {
        Some(v) => Some(ssize(ts, v)?),
        None => None,
    };
    let end = match given(&end) {
        Some(v) => Some(ssize(ts, v)?),
        None => None,
    };
    let g = m.map.lock();
    g.open()?;
    let size = g.size as i64;
    let clamp = |i: i64| if i < 0 { (i + size).max(0) } else { i.min(size) };
    let s = clamp(start.unwrap_or(g.pos as i64)) as usize;
    let e = clamp(end.unwrap_or(size)) as usize;
    if s > e || e - s < needle.len() {
        return Ok(new_int(-1));
    }
    let hay = &g.bytes()[s..e];
    let found = if needle.is_empty() {
        Some(if reverse { hay.len() } else { 0 })
    } else if reverse {
        hay.windows(needle.len()).rposition(|w| w == needle.as_slice())
    } else {
        hay.windows(needle.len()).position(|w| w == needle.as_slice())
    };
    Ok(new_int(found.map_or(-1, |i| (s + i) as i64)))
}

fn m_find(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    search(ts, a, "find", false)
}

fn m_rfind(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    search(ts, a, "rfind", true)
}

fn m_flush(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let m = this(&a)?;
    let [offset, size] = parse("flush", rest(&a), ["offset", "size"], 0)?;
    let offset = opt_ssize(ts, &offset, 0)?;
    let size = match given(&size) {
        Some(v) => Some(ssize(ts, v)?),
        None => None,
    };
    let g = m.map.lock();
    g.open()?;
    let total = g.size as i64;
    let size = size.unwrap_or(total);
    if size < 0 || offset < 0 || total - offset < size {
        raise!(ValueError, "flush values out of range");
    }
    if size == 0 || g.access == ACCESS_READ || g.access == ACCESS_COPY {
        return Ok(none());
    }
    // SAFETY: [offset, offset+size) lies inside the live mapping (checked
    // above, under the lock).
    if unsafe { libc::msync(g.ptr.add(offset as usize).cast(), size as usize, libc::MS_SYNC) } != 0 {
        return Err(last_os_error());
    }
    Ok(none())
}

fn m_madvise(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let m = this(&a)?;
    let [option, start, length] = parse("madvise", rest(&a), ["option", "start", "length"], 1)?;
    let option = ssize(ts, option.as_ref().unwrap_or(&none()))? as i32;
    let start = opt_ssize(ts, &start, 0)?;
    let length = match given(&length) {
        Some(v) => Some(ssize(ts, v)?),
        None => None,
    };
    let g = m.map.lock();
    g.open()?;
    let size = g.size as i64;
    if start < 0 || start >= size {
        raise!(ValueError, "madvise start out of bounds");
    }
    let mut length = length.unwrap_or(size);
    if length < 0 {
        raise!(ValueError, "madvise length invalid");
    }
    if length > size - start {
        length = size - start;
    }
    // SAFETY: the range lies inside the live mapping; madvise only hints.
    if unsafe { libc::madvise(g.ptr.add(start as usize).cast(), length as usize, option) } != 0 {
        return Err(last_os_error());
    }
    Ok(none())
}

fn m_move(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let m = this(&a)?;
    let [dest, src, count] = parse("move", rest(&a), ["dest", "src", "count"], 3)?;
    let dest = ssize(ts, dest.as_ref().unwrap_or(&none()))?;
    let src = ssize(ts, src.as_ref().unwrap_or(&none()))?;
    let count = ssize(ts, count.as_ref().unwrap_or(&none()))?;
    let mut g = m.map.lock();
    g.writable()?;
    let size = g.size as i64;
    if dest < 0 || src < 0 || count < 0 || size - dest < count || size - src < count {
        raise!(ValueError, "source, destination, or count out of range");
    }
    let (dest, src, count) = (dest as usize, src as usize, count as usize);
    g.bytes_mut().copy_within(src..src + count, dest);
    Ok(none())
}

fn m_resize(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let m = this(&a)?;
    let [newsize] = parse("resize", rest(&a), ["newsize"], 1)?;
    let newsize = ssize(ts, newsize.as_ref().unwrap_or(&none()))?;
    let mut g = m.map.lock();
    g.open()?;
    if g.access == ACCESS_READ || g.access == ACCESS_COPY {
        raise!(TypeError, "mmap can't resize a readonly or copy-on-write memory map.");
    }
    if m.exports.load(Ordering::Acquire) > 0 {
        raise!(BufferError, "mmap can't resize with extant buffers exported.");
    }
    if newsize < 0 || i64::MAX - newsize < g.offset {
        raise!(ValueError, "new size out of range");
    }
    let anonymous = g.fd == -1;
    if anonymous && g.offset != 0 {
        raise!(ValueError, "mmap can't resize with trackfd=False.");
    }
    if g.fd != -1 {
        // SAFETY: our own descriptor; ftruncate has no memory preconditions.
        if unsafe { libc::ftruncate(g.fd, g.offset + newsize) } != 0 {
            return Err(last_os_error());
        }
    }
    // SAFETY: remaps our live mapping (which may move: MREMAP_MAYMOVE); the
    // old address is not used after, as `ptr` is replaced under the lock.
    let p = unsafe { libc::mremap(g.ptr.cast(), g.size.max(1), (newsize as usize).max(1), libc::MREMAP_MAYMOVE) };
    if p == libc::MAP_FAILED {
        return Err(last_os_error());
    }
    g.ptr = p.cast();
    // The position stays where it was, past the end or not (as CPython).
    g.size = newsize as usize;
    Ok(none())
}

fn m_seek(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let m = this(&a)?;
    let [pos, whence] = parse("seek", rest(&a), ["pos", "whence"], 1)?;
    let dist = ssize(ts, pos.as_ref().unwrap_or(&none()))?;
    let whence = opt_ssize(ts, &whence, 0)?;
    let mut g = m.map.lock();
    g.open()?;
    let base = match whence {
        0 => 0,
        1 => g.pos as i64,
        2 => g.size as i64,
        _ => raise!(ValueError, "unknown seek type"),
    };
    let to = base.checked_add(dist).filter(|&p| p >= 0 && p <= g.size as i64);
    let Some(to) = to else { raise!(ValueError, "seek out of range") };
    g.pos = to as usize;
    Ok(new_int(to))
}

fn m_seekable(_ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    this(&a)?;
    Ok(new_bool(true))
}

fn m_size(_ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let m = this(&a)?;
    no_args(&a, "size")?;
    let g = m.map.lock();
    g.open()?;
    // As CPython, the file's size: an anonymous map (fd -1) gets fstat's EBADF.
    // SAFETY: an all-zero stat is a valid out-buffer for fstat.
    let mut st: libc::stat = unsafe { std::mem::zeroed() };
    // SAFETY: our own descriptor and a writable stat buffer.
    if unsafe { libc::fstat(g.fd, &mut st) } != 0 {
        return Err(last_os_error());
    }
    Ok(new_int(st.st_size))
}

fn m_tell(_ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let m = this(&a)?;
    no_args(&a, "tell")?;
    let g = m.map.lock();
    g.open()?;
    Ok(new_int(g.pos as i64))
}

fn m_len(v: &Value) -> PyResult<usize> {
    let Some(m) = v.downcast::<PyMmap>() else { raise!(TypeError, "descriptor requires a 'mmap.mmap' object") };
    let g = m.map.lock();
    g.open()?;
    Ok(g.size)
}

fn m_dunder_len(_ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    Ok(new_int(m_len(&a.args[0])? as i64))
}

/// An int index into `len` bytes (negative counts from the end).
fn item_index(ts: &ThreadState, v: &Value, len: usize) -> PyResult<Option<usize>> {
    let i = ops::index_isize(ts, v)? as i64;
    let i = if i < 0 { i + len as i64 } else { i };
    Ok((0..len as i64).contains(&i).then_some(i as usize))
}

fn m_getitem(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let m = this(&a)?;
    let Some(key) = a.args.get(1) else { raise!(TypeError, "expected 1 argument") };
    if let Some(sl) = key.downcast::<spindle_vm::cell::PySlice>() {
        let len = m.map.lock().size;
        let (start, _stop, step, count) = spindle_vm::builtins_init::strings::slice_indices(ts, sl, len)?;
        let g = m.map.lock();
        g.open()?;
        let data = g.bytes();
        let out: Vec<u8> = (0..count).filter_map(|k| data.get((start + k as isize * step) as usize).copied()).collect();
        return Ok(spindle_vm::bytes::new_bytes(&out));
    }
    if has_index(key) {
        let len = m_len(&a.args[0])?;
        let Some(i) = item_index(ts, key, len)? else { raise!(IndexError, "mmap index out of range") };
        let g = m.map.lock();
        g.open()?;
        return match g.bytes().get(i) {
            Some(&b) => Ok(new_int(b as i64)),
            None => raise!(IndexError, "mmap index out of range"),
        };
    }
    m.map.lock().open()?;
    raise!(TypeError, "mmap indices must be integers")
}

fn m_setitem(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let m = this(&a)?;
    let (Some(key), Some(value)) = (a.args.get(1), a.args.get(2)) else { raise!(TypeError, "expected 2 arguments") };
    m.map.lock().writable()?;
    if let Some(sl) = key.downcast::<spindle_vm::cell::PySlice>() {
        let len = m.map.lock().size;
        let (start, _stop, step, count) = spindle_vm::builtins_init::strings::slice_indices(ts, sl, len)?;
        let data = buffer_bytes(ts, value)?;
        if data.len() != count {
            raise!(IndexError, "mmap slice assignment is wrong size");
        }
        let mut g = m.map.lock();
        g.writable()?;
        let buf = g.bytes_mut();
        for (k, b) in data.into_iter().enumerate() {
            if let Some(slot) = buf.get_mut((start + k as isize * step) as usize) {
                *slot = b;
            }
        }
        return Ok(none());
    }
    if !has_index(key) {
        raise!(TypeError, "mmap indices must be integer");
    }
    let len = m_len(&a.args[0])?;
    let Some(i) = item_index(ts, key, len)? else { raise!(IndexError, "mmap index out of range") };
    if !has_index(value) {
        raise!(TypeError, "mmap item value must be an int");
    }
    let v = ssize(ts, value)?;
    if !(0..256).contains(&v) {
        raise!(ValueError, "mmap item value must be in range(0, 256)");
    }
    let mut g = m.map.lock();
    g.writable()?;
    match g.bytes_mut().get_mut(i) {
        Some(slot) => *slot = v as u8,
        None => raise!(IndexError, "mmap index out of range"),
    }
    Ok(none())
}

fn m_delitem(_ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    this(&a)?.map.lock().writable()?;
    if a.args.get(1).is_some_and(|k| k.downcast::<spindle_vm::cell::PySlice>().is_some()) {
        raise!(TypeError, "mmap doesn't support slice deletion");
    }
    raise!(TypeError, "mmap doesn't support item deletion")
}

fn access_name(access: i64) -> &'static str {
    match access {
        ACCESS_READ => "ACCESS_READ",
        ACCESS_WRITE => "ACCESS_WRITE",
        ACCESS_COPY => "ACCESS_COPY",
        _ => "ACCESS_DEFAULT",
    }
}

fn m_repr(_ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let m = this(&a)?;
    // CPython's tp_name: "mmap.mmap" for the class itself, a subclass's name.
    let t = a.args[0].type_ref();
    let name = if t == mmap_type() { "mmap.mmap".to_owned() } else { t.name().to_string() };
    let g = m.map.lock();
    if g.ptr.is_null() {
        return Ok(new_str(&format!("<{name} closed=True>")));
    }
    Ok(new_str(&format!(
        "<{name} closed=False, access={}, length={}, pos={}, offset={}>",
        access_name(g.access),
        g.size,
        g.pos,
        g.offset
    )))
}

fn m_getstate(_ts: &ThreadState, _a: Args<'_>) -> PyResult<Value> {
    raise!(TypeError, "cannot pickle 'mmap.mmap' object")
}

/// A view reads only the bytes it needs: maps are often large. (A copy too
/// large to hold reads as empty: an exporter cannot fail.)
static RANGES: RangeReads = RangeReads {
    len: |v| v.downcast::<PyMmap>().map_or(0, |m| m.map.lock().size),
    read: |v, at, n| v.downcast::<PyMmap>().and_then(|m| m.map.lock().copy(at, n).ok()).unwrap_or_default(),
};

static BUFFER_EXPORTER: BufferExporter = BufferExporter {
    kind: crate::kinds::kind(crate::kinds::MMAP_BASE),
    read: |v| v.downcast::<PyMmap>().and_then(|m| m.map.lock().copy(0, usize::MAX).ok()).unwrap_or_default(),
    format: |_| 'B',
    write: |v, at, data| {
        let Some(m) = v.downcast::<PyMmap>() else { return false };
        let mut g = m.map.lock();
        if g.ptr.is_null() || g.access == ACCESS_READ {
            return false;
        }
        match at.checked_add(data.len()) {
            Some(end) if end <= g.size => {
                g.bytes_mut()[at..end].copy_from_slice(data);
                true
            }
            _ => false,
        }
    },
    export: |v, on| {
        if let Some(m) = v.downcast::<PyMmap>() {
            if on {
                m.exports.fetch_add(1, Ordering::AcqRel);
            } else {
                m.exports.fetch_sub(1, Ordering::AcqRel);
            }
        }
    },
    ranges: Some(&RANGES),
};

fn mmap_type() -> TypeRef {
    *MMAP_T.get_or_init(|| {
        let t = native::new_type::<PyMmap>("mmap", "mmap", None, true);
        native::set_new(t, mmap_new);
        native::add_methods(
            t,
            &[
                ("close", m_close),
                ("__enter__", m_enter),
                ("__exit__", m_exit),
                ("read", m_read),
                ("read_byte", m_read_byte),
                ("readline", m_readline),
                ("write", m_write),
                ("write_byte", m_write_byte),
                ("find", m_find),
                ("rfind", m_rfind),
                ("flush", m_flush),
                ("madvise", m_madvise),
                ("move", m_move),
                ("resize", m_resize),
                ("seek", m_seek),
                ("seekable", m_seekable),
                ("size", m_size),
                ("tell", m_tell),
                ("__len__", m_dunder_len),
                ("__getitem__", m_getitem),
                ("__setitem__", m_setitem),
                ("__delitem__", m_delitem),
                ("__repr__", m_repr),
                ("__getstate__", m_getstate),
            ],
        );
        native::add_property(t, "closed", m_closed, None);
        spindle_vm::buffer::register(&BUFFER_EXPORTER);
        t
    })
}

pub(crate) fn init(_ts: &ThreadState) -> PyResult<Value> {
    let m = native::new_module("mmap", &[]);
    native::add_value(&m, "mmap", mmap_type().to_value());
    native::add_value(&m, "error", spindle_vm::runtime::rt().exc.OSError.to_value());
    // SAFETY: sysconf has no memory-safety preconditions.
    let page = unsafe { libc::sysconf(libc::_SC_PAGESIZE) }.max(1) as i64;
    let ints: &[(&str, i64)] = &[
        ("PAGESIZE", page),
        ("ALLOCATIONGRANULARITY", page),
        ("ACCESS_DEFAULT", ACCESS_DEFAULT),
        ("ACCESS_READ", ACCESS_READ),
        ("ACCESS_WRITE", ACCESS_WRITE),
        ("ACCESS_COPY", ACCESS_COPY),
        ("MAP_SHARED", libc::MAP_SHARED as i64),
        ("MAP_PRIVATE", libc::MAP_PRIVATE as i64),
        ("MAP_ANON", libc::MAP_ANONYMOUS as i64),
        ("MAP_ANONYMOUS", libc::MAP_ANONYMOUS as i64),
        ("MAP_DENYWRITE", libc::MAP_DENYWRITE as i64),
        ("MAP_EXECUTABLE", libc::MAP_EXECUTABLE as i64),
        ("MAP_POPULATE", libc::MAP_POPULATE as i64),
        ("MAP_STACK", libc::MAP_STACK as i64),
        ("MAP_NORESERVE", libc::MAP_NORESERVE as i64),
        ("PROT_READ", libc::PROT_READ as i64),
        ("PROT_WRITE", libc::PROT_WRITE as i64),
        ("PROT_EXEC", libc::PROT_EXEC as i64),
        ("MADV_NORMAL", libc::MADV_NORMAL as i64),
        ("MADV_RANDOM", libc::MADV_RANDOM as i64),
        ("MADV_SEQUENTIAL", libc::MADV_SEQUENTIAL as i64),
        ("MADV_WILLNEED", libc::MADV_WILLNEED as i64),
        ("MADV_DONTNEED", libc::MADV_DONTNEED as i64),
        ("MADV_REMOVE", libc::MADV_REMOVE as i64),
        ("MADV_DONTFORK", libc::MADV_DONTFORK as i64),
        ("MADV_DOFORK", libc::MADV_DOFORK as i64),
        ("MADV_HWPOISON", libc::MADV_HWPOISON as i64),
        ("MADV_MERGEABLE", libc::MADV_MERGEABLE as i64),
        ("MADV_UNMERGEABLE", libc::MADV_UNMERGEABLE as i64),
        ("MADV_SOFT_OFFLINE", libc::MADV_SOFT_OFFLINE as i64),
        ("MADV_HUGEPAGE", libc::MADV_HUGEPAGE as i64),
        ("MADV_NOHUGEPAGE", libc::MADV_NOHUGEPAGE as i64),
        ("MADV_DONTDUMP", libc::MADV_DONTDUMP as i64),
        ("MADV_DODUMP", libc::MADV_DODUMP as i64),
        ("MADV_FREE", libc::MADV_FREE as i64),
    ];
    for (k, v) in ints {
        native::add_value(&m, k, new_int(*v));
    }
    Ok(m)
}
