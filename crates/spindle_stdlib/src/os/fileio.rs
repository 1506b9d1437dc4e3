//! `_io.FileIO`: the raw, unbuffered file over an OS file descriptor, as
//! CPython's C class (modes, `closefd`, `opener`, the open-time `fstat` that
//! `open()` uses for `_blksize` and `_isatty_open_only`, CPython's messages).
//! It derives from the `_io` module's `_RawIOBase` (served by `_pyio`), which
//! supplies `readline`, `readlines`, iteration, `writelines` and the context
//! manager; `close()` runs that base's `close()` (flush, closed flag) before
//! closing the descriptor. `_pyio.open` builds its raw files with this class.
//!
//! System calls run with the object's lock released and the thread detached
//! (they touch no Python object: data moves through local buffers).

use std::sync::OnceLock;

use parking_lot::Mutex;
use spindle_vm::bytes::{PyByteArray, PyBytes, new_bytes};
use spindle_vm::function::Args;
use spindle_vm::interp::ThreadState;
use spindle_vm::native::{add_methods, new_type, set_new};
use spindle_vm::num::{int_to_i64, is_int, new_bool, new_int};
use spindle_vm::object::{PayloadKind, PyPayload, TypeRef, alloc};
use spindle_vm::runtime::{is_none, none, rt};
use spindle_vm::str::{as_str, new_str};
use spindle_vm::types::type_flags;
use spindle_vm::{PyErr, PyResult, Value, err, ops, raise};

use crate::math::{add_getter, cls_of, exact};

const DEFAULT_BUFFER_SIZE: i64 = 128 * 1024;

struct FState {
    /// -1 once closed (or before `__init__`).
    fd: i32,
    readable: bool,
    writable: bool,
    appending: bool,
    created: bool,
    closefd: bool,
    /// `seekable()`'s answer, found on first use.
    seekable: Option<bool>,
    /// From the open-time fstat: block size, size (dropped on truncate), mode.
    blksize: i64,
    size: Option<i64>,
    st_mode: Option<u32>,
}

pub struct PyFileIO {
    st: Mutex<FState>,
}

impl PyPayload for PyFileIO {
    const KIND: PayloadKind = crate::kinds::kind(crate::kinds::OS_BASE + 44);
}

static TYPE: OnceLock<TypeRef> = OnceLock::new();

fn me<'a>(a: &'a Args<'_>) -> PyResult<(&'a Value, &'a PyFileIO)> {
    let Some(v) = a.args.first() else { raise!(TypeError, "descriptor needs an argument") };
    match v.downcast::<PyFileIO>() {
        Some(p) => Ok((v, p)),
        None => raise!(TypeError, "descriptor requires a '_io.FileIO' object but received a '{}'", ops::type_name(v)),
    }
}

fn closed_err() -> PyErr {
    err!(ValueError, "I/O operation on closed file")
}

/// `io.UnsupportedOperation(msg)` (the class lives in the `_io` module).
pub(crate) fn unsupported(ts: &ThreadState, msg: &str) -> PyErr {
    let cls = ts
        .interp
        .modules
        .downcast::<spindle_vm::dict::PyDict>()
        .and_then(|d| d.get_str("_io"))
        .and_then(|m| super::module_attr(&m, "UnsupportedOperation"));
    match cls {
        Some(c) => crate::math::exc_of(ts, &c, msg),
        None => err!(OSError, "{}", msg),
    }
}

fn errno() -> i32 {
    super::last_errno()
}

impl PyFileIO {
    pub(crate) fn is_closed(&self) -> bool {
        self.st.lock().fd < 0
    }
}

impl FState {
    fn open_fd(&self) -> PyResult<i32> {
        if self.fd < 0 {
            return Err(closed_err());
        }
        Ok(self.fd)
    }
    fn mode(&self) -> &'static str {
        match (self.created, self.appending, self.readable, self.writable) {
            (true, _, true, _) => "xb+",
            (true, _, false, _) => "xb",
            (_, true, true, _) => "ab+",
            (_, true, false, _) => "ab",
            (_, _, true, true) => "rb+",
            (_, _, true, false) => "rb",
            _ => "wb",
        }
    }
}

// ---- system calls (each retried on EINTR; errors as errno) -----------------

/// Reads up to `buf.len()` bytes into `buf` (truncated to what was read).
fn sys_read_into(ts: &ThreadState, fd: i32, mut buf: Vec<u8>) -> Result<Vec<u8>, i32> {
    loop {
        // SAFETY: buf is a live, exclusively owned allocation of n bytes.
        let r = ts.detached(|| unsafe { libc::read(fd, buf.as_mut_ptr().cast(), buf.len()) });
        if r >= 0 {
            buf.truncate(r as usize);
            return Ok(buf);
        }
        let e = errno();
        if e != libc::EINTR {
            return Err(e);
        }
    }
}

/// Reads up to `n` bytes (MemoryError when `n` bytes cannot be had).
fn sys_read(ts: &ThreadState, fd: i32, n: usize) -> PyResult<Result<Vec<u8>, i32>> {
    let buf = super::memio::zeroed(n)?;
    Ok(sys_read_into(ts, fd, buf))
}

fn sys_write(ts: &ThreadState, fd: i32, data: &[u8]) -> Result<usize, i32> {
    loop {
        // SAFETY: data is a live slice of data.len() bytes, only read.
        let r = ts.detached(|| unsafe { libc::write(fd, data.as_ptr().cast(), data.len()) });
        if r >= 0 {
            return Ok(r as usize);
        }
        let e = errno();
        if e != libc::EINTR {
            return Err(e);
        }
    }
}

fn sys_lseek(fd: i32, pos: i64, whence: i32) -> Result<i64, i32> {
    // SAFETY: lseek takes plain integers and touches no memory of ours.
    let r = unsafe { libc::lseek(fd, pos as libc::off_t, whence) };
    if r < 0 { Err(errno()) } else { Ok(r as i64) }
}

fn sys_close(fd: i32) -> Result<(), i32> {
    // SAFETY: close takes a plain integer; the descriptor is ours to close.
    if unsafe { libc::close(fd) } < 0 { Err(errno()) } else { Ok(()) }
}

fn sys_fstat(fd: i32) -> Result<libc::stat, i32> {
    // SAFETY: an all-zero `stat` is a valid value of this plain C struct.
    let mut st: libc::stat = unsafe { std::mem::zeroed() };
    // SAFETY: st is a live, exclusively borrowed stat buffer.
    if unsafe { libc::fstat(fd, &mut st) } < 0 { Err(errno()) } else { Ok(st) }
}

fn sys_isatty(fd: i32) -> bool {
    // SAFETY: isatty takes a plain integer.
    unsafe { libc::isatty(fd) == 1 }
}

fn os_err(e: i32) -> PyErr {
    super::os_error(e, None, None)
}

// ---- construction --------------------------------------------------------------

fn f_new(_ts: &ThreadState, a: Args<'_>) -> PyResult {
    let cls = cls_of(&a)?;
    Ok(alloc(
        cls,
        PyFileIO {
            st: Mutex::new(FState {
                fd: -1,
                readable: false,
                writable: false,
                appending: false,
                created: false,
                closefd: true,
                seekable: None,
                blksize: 0,
                size: None,
                st_mode: None,
            }),
        },
    ))
}

fn f_init(ts: &ThreadState, a: Args<'_>) -> PyResult {
    let (this, p) = me(&a)?;
    let [file, mode, closefd, opener] = crate::math::parse("FileIO", &a, 1, ["file", "mode", "closefd", "opener"], 1)?;
    let file = file.unwrap_or_else(none);
    let mode_s = match &mode {
        None => "r".to_owned(),
        Some(m) => match as_str(m) {
            Some(s) => s.to_owned(),
            None => raise!(TypeError, "FileIO() argument 'mode' must be str, not {}", ops::type_name(m)),
        },
    };
    let closefd = match &closefd {
        Some(c) => ops::is_true(ts, c)?,
        None => true,
    };
    let opener = opener.filter(|o| !is_none(o));
    // A second __init__ closes what the first opened.
    {
        let mut st = p.st.lock();
        if st.fd >= 0 {
            let fd = st.fd;
            st.fd = -1;
            if st.closefd {
                let _ = sys_close(fd);
            }
        }
    }
    let mut fd: i32 = -1;
    let mut path = None;
    if is_int(&file) {
        let Some(v) = int_to_i64(&file) else { raise!(OverflowError, "Python int too large to convert to C int") };
        if v < 0 {
            raise!(ValueError, "negative file descriptor");
        }
        fd = i32::try_from(v).map_err(|_| err!(OverflowError, "Python int too large to convert to C int"))?;
    } else {
        let fs = super::fspath(ts, &file).map_err(|e| {
            if e.is_instance(rt().exc.TypeError) {
                err!(TypeError, "expected str, bytes or os.PathLike object, not {}", ops::type_name(&file))
            } else {
                e
            }
        })?;
        let bytes = match as_str(&fs) {
            Some(s) => super::encode_fs(s),
            None => match fs.downcast::<PyBytes>() {
                Some(b) => b.data.to_vec(),
                None => raise!(TypeError, "expected str, bytes or os.PathLike object, not {}", ops::type_name(&file)),
            },
        };
        match std::ffi::CString::new(bytes) {
            Ok(c) => path = Some(c),
            Err(_) => raise!(ValueError, "embedded null byte"),
        }
    }
    let (mut readable, mut writable, mut appending, mut created) = (false, false, false, false);
    let (mut rwa, mut plus) = (false, false);
    let mut flags: i32 = 0;
    let bad_mode = || err!(ValueError, "Must have exactly one of create/read/write/append mode and at most one plus");
    for c in mode_s.chars() {
        match c {
            'x' | 'r' | 'w' | 'a' => {
                if rwa {
                    return Err(bad_mode());
                }
                rwa = true;
                match c {
                    'x' => {
                        created = true;
                        writable = true;
                        flags |= libc::O_EXCL | libc::O_CREAT;
                    }
                    'r' => readable = true,
                    'w' => {
                        writable = true;
                        flags |= libc::O_CREAT | libc::O_TRUNC;
                    }
                    _ => {
                        writable = true;
                        appending = true;
                        flags |= libc::O_APPEND | libc::O_CREAT;
                    }
                }
            }
            '+' => {
                if plus {
                    return Err(bad_mode());
                }
                readable = true;
                writable = true;
                plus = true;
            }
            'b' => {}
            _ => raise!(ValueError, "invalid mode: {}", mode_s),
        }
    }
    if !rwa {
        return Err(bad_mode());
    }
    flags |= if readable && writable {
        libc::O_RDWR
    } else if readable {
        libc::O_RDONLY
    } else {
        libc::O_WRONLY
    };
    flags |= libc::O_CLOEXEC;
    let mut owned = false;
    if let Some(c) = &path {
        if !closefd {
            raise!(ValueError, "Cannot use closefd=False with file name");
        }
        match &opener {
            None => loop {
                // SAFETY: c is a live NUL-terminated path; open reads it only.
                let r = ts.detached(|| unsafe { libc::open(c.as_ptr(), flags, 0o666 as libc::c_uint) });
                if r >= 0 {
                    fd = r;
                    break;
                }
                let e = errno();
                if e != libc::EINTR {
                    return Err(super::os_error(e, Some(&file), None));
                }
            },
            Some(o) => {
                let r = ops::call(ts, o, &[file.clone(), new_int(i64::from(flags))])?;
                if !is_int(&r) {
                    raise!(TypeError, "expected integer from opener");
                }
                let v = int_to_i64(&r).unwrap_or(-1);
                if v < 0 {
                    raise!(ValueError, "opener returned {}", v);
                }
                fd = i32::try_from(v).map_err(|_| err!(OverflowError, "Python int too large to convert to C int"))?;
            }
        }
        owned = true;
    }
    let fail = |e: PyErr| -> PyResult {
        if owned {
            let _ = sys_close(fd);
        }
        Err(e)
    };
    let stat = match sys_fstat(fd) {
        Ok(s) => s,
        Err(e) => return fail(os_err(e)),
    };
    if stat.st_mode & libc::S_IFMT == libc::S_IFDIR {
        return fail(super::os_error(libc::EISDIR, Some(&file), None));
    }
    if let Err(e) = ops::setattr(ts, this, &new_str("name"), Some(file.clone())) {
        return fail(e);
    }
    if appending {
        if let Err(e) = sys_lseek(fd, 0, libc::SEEK_END) {
            if e != libc::ESPIPE {
                return fail(os_err(e));
            }
        }
    }
    let mut st = p.st.lock();
    *st = FState {
        fd,
        readable,
        writable,
        appending,
        created,
        closefd,
        seekable: None,
        blksize: stat.st_blksize as i64,
        size: Some(stat.st_size as i64),
        st_mode: Some(stat.st_mode as u32),
    };
    Ok(none())
}

// ---- reading and writing ----------------------------------------------------------

/// The descriptor, open and readable.
fn readable_fd(ts: &ThreadState, p: &PyFileIO) -> PyResult<i32> {
    let st = p.st.lock();
    let fd = st.open_fd()?;
    if !st.readable {
        return Err(unsupported(ts, "File not open for reading"));
    }
    Ok(fd)
}

fn f_read(ts: &ThreadState, a: Args<'_>) -> PyResult {
    let (_, p) = me(&a)?;
    let v = exact("read", &a, 1, 0, 1)?;
    let n = match v.first() {
        None => -1,
        Some(x) if is_none(x) => -1,
        Some(x) => {
            if !is_int(x) && ops::getattr_opt(ts, &x.type_ref().to_value(), "__index__")?.is_none() {
                raise!(TypeError, "argument should be integer or None, not '{}'", ops::type_name(x));
            }
            let i = ops::index(ts, x)?;
            int_to_i64(&i).ok_or_else(|| err!(OverflowError, "Python int too large to convert to C ssize_t"))?
        }
    };
    let fd = readable_fd(ts, p)?;
    if n < 0 {
        return readall(ts, p, fd);
    }
    match sys_read(ts, fd, n as usize)? {
        Ok(b) => Ok(new_bytes(&b)),
        Err(e) if e == libc::EAGAIN => Ok(none()),
        Err(e) => Err(os_err(e)),
    }
}

fn readall(ts: &ThreadState, p: &PyFileIO, fd: i32) -> PyResult {
    let size = p.st.lock().size;
    let mut chunk = match size {
        Some(s) if s > 0 => {
            let mut want = s + 1;
            if s > 65536 {
                if let Ok(pos) = sys_lseek(fd, 0, libc::SEEK_CUR) {
                    if s >= pos {
                        want = s - pos + 1;
                    }
                }
            }
            want as usize
        }
        _ => DEFAULT_BUFFER_SIZE as usize,
    };
    let mut out: Vec<u8> = Vec::new();
    loop {
        match sys_read(ts, fd, chunk)? {
            Ok(b) if b.is_empty() => break,
            Ok(b) => {
                out.extend_from_slice(&b);
                chunk = chunk.max(out.len() / 2).clamp(DEFAULT_BUFFER_SIZE as usize, 1 << 24);
            }
            Err(e) if e == libc::EAGAIN => {
                if out.is_empty() {
                    return Ok(none());
                }
                break;
            }
            Err(e) => return Err(os_err(e)),
        }
    }
    Ok(new_bytes(&out))
}

fn f_readall(ts: &ThreadState, a: Args<'_>) -> PyResult {
    let (_, p) = me(&a)?;
    exact("readall", &a, 1, 0, 0)?;
    let fd = p.st.lock().open_fd()?;
    readall(ts, p, fd)
}

fn f_readinto(ts: &ThreadState, a: Args<'_>) -> PyResult {
    let (_, p) = me(&a)?;
    let v = exact("readinto", &a, 1, 1, 1)?;
    let target = &v[0];
    let bad = || err!(TypeError, "readinto() argument 1 must be read-write bytes-like object, not {}", ops::type_name(target));
    if let Some(ba) = target.downcast::<PyByteArray>() {
        let room = ba.data.lock().len();
        let fd = readable_fd(ts, p)?;
        return match sys_read(ts, fd, room)? {
            Ok(b) => {
                let mut d = ba.data.lock();
                let n = b.len().min(d.len());
                d[..n].copy_from_slice(&b[..n]);
                Ok(new_int(n as i64))
            }
            Err(e) if e == libc::EAGAIN => Ok(none()),
            Err(e) => Err(os_err(e)),
        };
    }
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
    let fd = readable_fd(ts, p)?;
    match sys_read(ts, fd, room)? {
        Ok(b) => {
            let n = b.len();
            let sl = spindle_vm::builtins_init::containers::new_slice(new_int(0), new_int(n as i64), none());
            ops::setitem(ts, &view, &sl, new_bytes(&b))?;
            Ok(new_int(n as i64))
        }
        Err(e) if e == libc::EAGAIN => Ok(none()),
        Err(e) => Err(os_err(e)),
    }
}

fn f_write(ts: &ThreadState, a: Args<'_>) -> PyResult {
    let (_, p) = me(&a)?;
    let v = exact("write", &a, 1, 1, 1)?;
    let data = super::memio::bytes_like(ts, &v[0])?;
    let fd = {
        let st = p.st.lock();
        let fd = st.open_fd()?;
        if !st.writable {
            return Err(unsupported(ts, "File not open for writing"));
        }
        fd
    };
    match sys_write(ts, fd, &data) {
        Ok(n) => Ok(new_int(n as i64)),
        Err(e) if e == libc::EAGAIN => Ok(none()),
        Err(e) => Err(os_err(e)),
    }
}

// ---- positioning ----------------------------------------------------------------------

fn f_seek(ts: &ThreadState, a: Args<'_>) -> PyResult {
    let (_, p) = me(&a)?;
    let v = exact("seek", &a, 1, 1, 2)?;
    let whence = match v.get(1) {
        Some(w) => {
            let i = ops::index(ts, w)?;
            int_to_i64(&i).and_then(|x| i32::try_from(x).ok()).ok_or_else(|| err!(OverflowError, "Python int too large to convert to C int"))?
        }
        None => 0,
    };
    let fd = p.st.lock().open_fd()?;
    let i = ops::index(ts, &v[0])?;
    let pos = int_to_i64(&i).ok_or_else(|| err!(OverflowError, "Python int too large to convert to C long"))?;
    sys_lseek(fd, pos, whence).map(new_int).map_err(os_err)
}

fn f_tell(_ts: &ThreadState, a: Args<'_>) -> PyResult {
    let (_, p) = me(&a)?;
    exact("tell", &a, 1, 0, 0)?;
    let fd = p.st.lock().open_fd()?;
    sys_lseek(fd, 0, libc::SEEK_CUR).map(new_int).map_err(os_err)
}

fn f_truncate(ts: &ThreadState, a: Args<'_>) -> PyResult {
    let (_, p) = me(&a)?;
    let v = exact("truncate", &a, 1, 0, 1)?;
    let fd = {
        let st = p.st.lock();
        let fd = st.open_fd()?;
        if !st.writable {
            return Err(unsupported(ts, "File not open for writing"));
        }
        fd
    };
    let size = match v.first() {
        Some(x) if !is_none(x) => {
            let i = ops::index(ts, x)?;
            int_to_i64(&i).ok_or_else(|| err!(OverflowError, "Python int too large to convert to C long"))?
        }
        _ => sys_lseek(fd, 0, libc::SEEK_CUR).map_err(os_err)?,
    };
    // SAFETY: ftruncate takes plain integers.
    if unsafe { libc::ftruncate(fd, size as libc::off_t) } < 0 {
        return Err(os_err(errno()));
    }
    p.st.lock().size = None;
    Ok(new_int(size))
}

// ---- state and queries ------------------------------------------------------------------

fn f_close(ts: &ThreadState, a: Args<'_>) -> PyResult {
    let (this, p) = me(&a)?;
    exact("close", &a, 1, 0, 0)?;
    // The base close first (flush, the IOBase closed flag), with the file open.
    // (Looked up past FileIO in FileIO's own MRO: a subclass's close may be
    // what called this one.)
    let base_close = TYPE.get().and_then(|t| {
        t.data().mro_rest.read(&spindle_vm::qsbr::ReadGuard::new()).iter().find_map(|b| TypeRef::from_value(b).and_then(|b| b.data().dict_data().get_str("close")))
    });
    let res = match base_close {
        Some(f) => ops::call(ts, &f, std::slice::from_ref(this)).map(drop),
        None => Ok(()),
    };
    let (fd, closefd) = {
        let mut st = p.st.lock();
        let fd = st.fd;
        st.fd = -1;
        st.size = None;
        (fd, st.closefd)
    };
    if fd >= 0 && closefd {
        if let Err(e) = sys_close(fd) {
            res?;
            return Err(os_err(e));
        }
    }
    res?;
    Ok(none())
}

fn f_closed(_ts: &ThreadState, a: Args<'_>) -> PyResult {
    let (_, p) = me(&a)?;
    Ok(new_bool(p.st.lock().fd < 0))
}

fn f_closefd(_ts: &ThreadState, a: Args<'_>) -> PyResult {
    let (_, p) = me(&a)?;
    Ok(new_bool(p.st.lock().closefd))
}

fn f_mode(_ts: &ThreadState, a: Args<'_>) -> PyResult {
    let (_, p) = me(&a)?;
    Ok(new_str(p.st.lock().mode()))
}

fn f_blksize(_ts: &ThreadState, a: Args<'_>) -> PyResult {
    let (_, p) = me(&a)?;
    let b = p.st.lock().blksize;
    Ok(new_int(if b > 0 { b } else { DEFAULT_BUFFER_SIZE }))
}

fn f_readable(_ts: &ThreadState, a: Args<'_>) -> PyResult {
    let (_, p) = me(&a)?;
    exact("readable", &a, 1, 0, 0)?;
    let st = p.st.lock();
    st.open_fd()?;
    Ok(new_bool(st.readable))
}

fn f_writable(_ts: &ThreadState, a: Args<'_>) -> PyResult {
    let (_, p) = me(&a)?;
    exact("writable", &a, 1, 0, 0)?;
    let st = p.st.lock();
    st.open_fd()?;
    Ok(new_bool(st.writable))
}

fn f_seekable(_ts: &ThreadState, a: Args<'_>) -> PyResult {
    let (_, p) = me(&a)?;
    exact("seekable", &a, 1, 0, 0)?;
    let mut st = p.st.lock();
    let fd = st.open_fd()?;
    let s = match st.seekable {
        Some(s) => s,
        None => {
            let s = sys_lseek(fd, 0, libc::SEEK_CUR).is_ok();
            st.seekable = Some(s);
            s
        }
    };
    Ok(new_bool(s))
}

fn f_fileno(_ts: &ThreadState, a: Args<'_>) -> PyResult {
    let (_, p) = me(&a)?;
    exact("fileno", &a, 1, 0, 0)?;
    let fd = p.st.lock().open_fd()?;
    Ok(new_int(i64::from(fd)))
}

fn f_isatty(_ts: &ThreadState, a: Args<'_>) -> PyResult {
    let (_, p) = me(&a)?;
    exact("isatty", &a, 1, 0, 0)?;
    let fd = p.st.lock().open_fd()?;
    Ok(new_bool(sys_isatty(fd)))
}

/// `isatty()` answered from the open-time stat when it shows no character
/// device (what `open()` asks to choose line buffering).
fn f_isatty_open_only(_ts: &ThreadState, a: Args<'_>) -> PyResult {
    let (_, p) = me(&a)?;
    let st = p.st.lock();
    let fd = st.open_fd()?;
    if let Some(m) = st.st_mode {
        if m & (libc::S_IFMT as u32) != libc::S_IFCHR as u32 {
            return Ok(new_bool(false));
        }
    }
    Ok(new_bool(sys_isatty(fd)))
}

fn f_getstate(_ts: &ThreadState, a: Args<'_>) -> PyResult {
    let (this, _) = me(&a)?;
    raise!(TypeError, "cannot pickle '{}' instances", this.type_ref().name())
}

fn f_repr(ts: &ThreadState, a: Args<'_>) -> PyResult {
    let (this, p) = me(&a)?;
    let t = this.type_ref();
    let class_name = if Some(t) == TYPE.get().copied() { "_io.FileIO".to_owned() } else { ops::type_name(this) };
    let (fd, mode, closefd) = {
        let st = p.st.lock();
        (st.fd, st.mode(), st.closefd)
    };
    if fd < 0 {
        return Ok(new_str(&format!("<{} [closed]>", class_name)));
    }
    let cf = if closefd { "True" } else { "False" };
    match ops::getattr_opt(ts, this, "name")? {
        Some(name) => {
            let r = ops::repr_string(ts, &name)?;
            Ok(new_str(&format!("<{} name={} mode='{}' closefd={}>", class_name, r, mode, cf)))
        }
        None => Ok(new_str(&format!("<{} fd={} mode='{}' closefd={}>", class_name, fd, mode, cf))),
    }
}

fn f_dealloc_warn(ts: &ThreadState, a: Args<'_>) -> PyResult {
    let (this, p) = me(&a)?;
    let v = exact("_dealloc_warn", &a, 1, 1, 1)?;
    let (fd, closefd) = {
        let st = p.st.lock();
        (st.fd, st.closefd)
    };
    if fd >= 0 && closefd {
        let r = ops::repr_string(ts, &v[0])?;
        let warnings = super::import(ts, "warnings")?;
        let warn = ops::getattr_str(ts, &warnings, "warn")?;
        let args = [
            new_str(&format!("unclosed file {}", r)),
            rt().exc.ResourceWarning.to_value(),
            new_int(2),
            this.clone(),
            spindle_vm::str::intern("stacklevel"),
            spindle_vm::str::intern("source"),
        ];
        ops::call_args(ts, &warn, Args { args: &args[..4], kwnames: &args[4..] })?;
    }
    Ok(none())
}

/// The class (created once) over the `_io` module's `_RawIOBase`.
pub(crate) fn file_type(raw_base: Option<TypeRef>) -> TypeRef {
    *TYPE.get_or_init(|| {
        let t = new_type::<PyFileIO>("FileIO", "_io", raw_base, true);
        // FINALIZE: IOBase's __del__ closes a file left open.
        t.data().set_flags(t.data().flags() | type_flags::HAS_EXT | type_flags::HAS_DICT | type_flags::FINALIZE);
        set_new(t, f_new);
        add_methods(
            t,
            &[
                ("__init__", f_init),
                ("read", f_read),
                ("readall", f_readall),
                ("readinto", f_readinto),
                ("write", f_write),
                ("seek", f_seek),
                ("tell", f_tell),
                ("truncate", f_truncate),
                ("close", f_close),
                ("readable", f_readable),
                ("writable", f_writable),
                ("seekable", f_seekable),
                ("fileno", f_fileno),
                ("isatty", f_isatty),
                ("_isatty_open_only", f_isatty_open_only),
                ("_dealloc_warn", f_dealloc_warn),
                ("__getstate__", f_getstate),
                ("__repr__", f_repr),
            ],
        );
        add_getter(t, "closed", f_closed);
        add_getter(t, "closefd", f_closefd);
        add_getter(t, "mode", f_mode);
        add_getter(t, "_blksize", f_blksize);
        t
    })
}
