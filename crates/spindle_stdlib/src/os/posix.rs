//! The `posix` module (what `os` imports): file descriptors, paths, stat,
//! directories, the environment, process ids and the constants `os` and the
//! Lib read. System calls go through libc; errors become the `OSError`
//! subclass of their errno. Result types and `DirEntry` are a little Python
//! (`PY_SRC`) run inside the module.

use std::ffi::CString;
use std::sync::OnceLock;

use spindle_vm::error::PyResult;
use spindle_vm::function::{Args, NativeFnPtr};
use spindle_vm::interp::ThreadState;
use spindle_vm::num::{new_bool, new_float, new_int};
use spindle_vm::runtime::{is_none, none};
use spindle_vm::seq::{new_list, new_tuple};
use spindle_vm::str::{as_str, new_str};
use spindle_vm::value::Value;
use spindle_vm::{err, ops, raise};

use super::{PathArg, errno_err, given, opt_i64, parse, path_arg, path_result, to_i64, truthy};

static STAT_RESULT: OnceLock<Value> = OnceLock::new();
static TERMINAL_SIZE: OnceLock<Value> = OnceLock::new();

fn ok_none(r: libc::c_int, p: Option<&Value>) -> PyResult<Value> {
    if r < 0 { Err(errno_err(p)) } else { Ok(none()) }
}

fn fd_arg(ts: &ThreadState, v: &Option<Value>) -> PyResult<i32> {
    match v {
        Some(x) => Ok(to_i64(ts, x)? as i32),
        None => raise!(TypeError, "missing file descriptor"),
    }
}

/// Builds an `os.stat_result` from a `libc::stat`.
fn make_stat(ts: &ThreadState, st: &libc::stat) -> PyResult<Value> {
    let t = |s: i64, ns: i64| (s, ns, s as f64 + ns as f64 * 1e-9, s as i128 * 1_000_000_000 + ns as i128);
    let (a, an, af, ans) = t(st.st_atime, st.st_atime_nsec);
    let (m, mn, mf, mns) = t(st.st_mtime, st.st_mtime_nsec);
    let (c, cn, cf, cns) = t(st.st_ctime, st.st_ctime_nsec);
    let _ = (an, mn, cn);
    let big = |v: i128| match i64::try_from(v) {
        Ok(i) => new_int(i),
        Err(_) => spindle_vm::num::new_bigint(num_bigint::BigInt::from(v)),
    };
    let items = vec![
        new_int(st.st_mode as i64),
        big(st.st_ino as i128),
        big(st.st_dev as i128),
        new_int(st.st_nlink as i64),
        new_int(st.st_uid as i64),
        new_int(st.st_gid as i64),
        new_int(st.st_size),
        new_int(a),
        new_int(m),
        new_int(c),
        new_float(af),
        new_float(mf),
        new_float(cf),
        big(ans),
        big(mns),
        big(cns),
        new_int(st.st_blksize as i64),
        new_int(st.st_blocks),
        big(st.st_rdev as i128),
    ];
    match STAT_RESULT.get() {
        Some(cls) => ops::call(ts, cls, &[new_tuple(items)]),
        None => Ok(new_tuple(items)),
    }
}

fn do_stat(ts: &ThreadState, a: Args<'_>, fname: &str, follow_default: bool) -> PyResult<Value> {
    let [path, dir_fd, follow] = parse(fname, a, ["path", "dir_fd", "follow_symlinks"], 1)?;
    let _ = dir_fd;
    let follow = truthy(ts, &follow, follow_default)?;
    let pv = path.unwrap_or_else(none);
    // SAFETY: a zeroed libc::stat is a valid value for the kernel to fill.
    let mut st: libc::stat = unsafe { std::mem::zeroed() };
    if spindle_vm::num::is_int(&pv) {
        let fd = to_i64(ts, &pv)? as i32;
        // SAFETY: st is a valid out-pointer; fd is any integer (the kernel checks it).
        let r = unsafe { libc::fstat(fd, &mut st) };
        if r < 0 {
            return Err(errno_err(None));
        }
        return make_stat(ts, &st);
    }
    let p = path_arg(ts, &pv, fname)?;
    // SAFETY: p.c is a NUL-terminated path; st is a valid out-pointer.
    let r = unsafe { if follow { libc::stat(p.c.as_ptr(), &mut st) } else { libc::lstat(p.c.as_ptr(), &mut st) } };
    if r < 0 {
        return Err(errno_err(Some(&p.original)));
    }
    make_stat(ts, &st)
}

fn p_stat(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    do_stat(ts, a, "stat", true)
}

fn p_lstat(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    do_stat(ts, a, "lstat", false)
}

fn p_fstat(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let [fd] = parse("fstat", a, ["fd"], 1)?;
    let fd = fd_arg(ts, &fd)?;
    // SAFETY: a zeroed libc::stat is valid; fstat fills it or fails.
    let mut st: libc::stat = unsafe { std::mem::zeroed() };
    // SAFETY: st is a valid out-pointer.
    if unsafe { libc::fstat(fd, &mut st) } < 0 {
        return Err(errno_err(None));
    }
    make_stat(ts, &st)
}

fn p_open(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let [path, flags, mode, _dir_fd] = parse("open", a, ["path", "flags", "mode", "dir_fd"], 2)?;
    let p = path_arg(ts, &path.unwrap_or_else(none), "open")?;
    let flags = opt_i64(ts, &flags, 0)? as i32 | libc::O_CLOEXEC;
    let mode = opt_i64(ts, &mode, 0o777)? as libc::c_uint;
    loop {
        // SAFETY: p.c is NUL-terminated; flags/mode are plain integers.
        let fd = unsafe { libc::open(p.c.as_ptr(), flags, mode) };
        if fd >= 0 {
            return Ok(new_int(fd as i64));
        }
        if super::last_errno() != libc::EINTR {
            return Err(errno_err(Some(&p.original)));
        }
    }
}

fn p_close(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let [fd] = parse("close", a, ["fd"], 1)?;
    let fd = fd_arg(ts, &fd)?;
    // SAFETY: closing an integer fd; the kernel validates it.
    ok_none(unsafe { libc::close(fd) }, None)
}

fn p_closerange(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let [lo, hi] = parse("closerange", a, ["fd_low", "fd_high"], 2)?;
    let (lo, hi) = (fd_arg(ts, &lo)?, fd_arg(ts, &hi)?);
    for fd in lo.max(0)..hi {
        // SAFETY: closing integer fds; errors are ignored as CPython does.
        unsafe { libc::close(fd) };
    }
    Ok(none())
}

fn p_read(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let [fd, n] = parse("read", a, ["fd", "length"], 2)?;
    let fd = fd_arg(ts, &fd)?;
    let n = opt_i64(ts, &n, 0)?;
    if n < 0 {
        raise!(ValueError, "negative length");
    }
    let mut buf = super::zeroed_buf(n as usize)?;
    loop {
        // SAFETY: buf has n writable bytes. Detached: a read may block, and
        // it touches only buf.
        let r = ts.detached(|| unsafe { libc::read(fd, buf.as_mut_ptr().cast(), buf.len()) });
        if r >= 0 {
            buf.truncate(r as usize);
            return Ok(spindle_vm::bytes::new_bytes(&buf));
        }
        if super::last_errno() != libc::EINTR {
            return Err(errno_err(None));
        }
        spindle_vm::signals::check(ts)?;
    }
}

fn p_readinto(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let [fd, buffer] = parse("readinto", a, ["fd", "buffer"], 2)?;
    let fd = fd_arg(ts, &fd)?;
    let buffer = buffer.unwrap_or_else(none);
    let n = ops::len(ts, &buffer)?;
    let mut buf = vec![0u8; n];
    let got = loop {
        // SAFETY: buf has n writable bytes. Detached: a read may block, and
        // it touches only buf.
        let r = ts.detached(|| unsafe { libc::read(fd, buf.as_mut_ptr().cast(), buf.len()) });
        if r >= 0 {
            break r as usize;
        }
        if super::last_errno() != libc::EINTR {
            return Err(errno_err(None));
        }
    };
    if let Some(ba) = buffer.downcast::<spindle_vm::bytes::PyByteArray>() {
        let mut d = ba.data.lock();
        let m = got.min(d.len());
        d[..m].copy_from_slice(&buf[..m]);
    } else if got > 0 {
        let sl = spindle_vm::builtins_init::new_slice(new_int(0), new_int(got as i64), none());
        ops::setitem(ts, &buffer, &sl, spindle_vm::bytes::new_bytes(&buf[..got]))?;
    }
    Ok(new_int(got as i64))
}

fn p_write(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let [fd, data] = parse("write", a, ["fd", "data"], 2)?;
    let fd = fd_arg(ts, &fd)?;
    let data = super::buffer_bytes(ts, &data.unwrap_or_else(none))?;
    loop {
        // SAFETY: data is a valid readable buffer of data.len() bytes.
        // Detached: a write may block (a full pipe), and it reads only data.
        let r = ts.detached(|| unsafe { libc::write(fd, data.as_ptr().cast(), data.len()) });
        if r >= 0 {
            return Ok(new_int(r as i64));
        }
        if super::last_errno() != libc::EINTR {
            return Err(errno_err(None));
        }
    }
}

fn p_lseek(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let [fd, pos, how] = parse("lseek", a, ["fd", "position", "whence"], 3)?;
    let fd = fd_arg(ts, &fd)?;
    let pos = opt_i64(ts, &pos, 0)?;
    let how = opt_i64(ts, &how, 0)? as i32;
    // SAFETY: plain integer arguments.
    let r = unsafe { libc::lseek(fd, pos, how) };
    if r < 0 { Err(errno_err(None)) } else { Ok(new_int(r)) }
}

fn p_fspath(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let [p] = parse("fspath", a, ["path"], 1)?;
    super::fspath(ts, &p.unwrap_or_else(none))
}

fn cwd_bytes() -> PyResult<Vec<u8>> {
    match std::env::current_dir() {
        Ok(p) => Ok(std::os::unix::ffi::OsStrExt::as_bytes(p.as_os_str()).to_vec()),
        Err(e) => Err(super::os_error(e.raw_os_error().unwrap_or(libc::ENOENT), None, None)),
    }
}

fn p_getcwd(_ts: &ThreadState, _a: Args<'_>) -> PyResult<Value> {
    Ok(path_result(&cwd_bytes()?, false))
}

fn p_getcwdb(_ts: &ThreadState, _a: Args<'_>) -> PyResult<Value> {
    Ok(path_result(&cwd_bytes()?, true))
}

fn one_path(ts: &ThreadState, a: Args<'_>, fname: &str) -> PyResult<PathArg> {
    let [p, _dir_fd] = parse(fname, a, ["path", "dir_fd"], 1)?;
    path_arg(ts, &p.unwrap_or_else(none), fname)
}

fn p_chdir(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let p = one_path(ts, a, "chdir")?;
    // SAFETY: p.c is NUL-terminated.
    ok_none(unsafe { libc::chdir(p.c.as_ptr()) }, Some(&p.original))
}

fn p_rmdir(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let p = one_path(ts, a, "rmdir")?;
    // SAFETY: p.c is NUL-terminated.
    ok_none(unsafe { libc::rmdir(p.c.as_ptr()) }, Some(&p.original))
}

fn p_unlink(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let p = one_path(ts, a, "unlink")?;
    // SAFETY: p.c is NUL-terminated.
    ok_none(unsafe { libc::unlink(p.c.as_ptr()) }, Some(&p.original))
}

fn p_mkdir(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let [p, mode, _dir_fd] = parse("mkdir", a, ["path", "mode", "dir_fd"], 1)?;
    let p = path_arg(ts, &p.unwrap_or_else(none), "mkdir")?;
    let mode = opt_i64(ts, &mode, 0o777)? as libc::mode_t;
    // SAFETY: p.c is NUL-terminated.
    ok_none(unsafe { libc::mkdir(p.c.as_ptr(), mode) }, Some(&p.original))
}

fn two_paths(ts: &ThreadState, a: Args<'_>, fname: &str) -> PyResult<(PathArg, PathArg)> {
    let [s, d, _sfd, _dfd] = parse(fname, a, ["src", "dst", "src_dir_fd", "dst_dir_fd"], 2)?;
    Ok((path_arg(ts, &s.unwrap_or_else(none), fname)?, path_arg(ts, &d.unwrap_or_else(none), fname)?))
}

fn p_rename(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let (s, d) = two_paths(ts, a, "rename")?;
    // SAFETY: both paths are NUL-terminated.
    if unsafe { libc::rename(s.c.as_ptr(), d.c.as_ptr()) } < 0 {
        return Err(super::os_error(super::last_errno(), Some(&s.original), Some(&d.original)));
    }
    Ok(none())
}

fn p_link(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let [s, d, _a, _b, _f] = parse("link", a, ["src", "dst", "src_dir_fd", "dst_dir_fd", "follow_symlinks"], 2)?;
    let (s, d) = (path_arg(ts, &s.unwrap_or_else(none), "link")?, path_arg(ts, &d.unwrap_or_else(none), "link")?);
    // SAFETY: both paths are NUL-terminated.
    if unsafe { libc::link(s.c.as_ptr(), d.c.as_ptr()) } < 0 {
        return Err(super::os_error(super::last_errno(), Some(&s.original), Some(&d.original)));
    }
    Ok(none())
}

fn p_symlink(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let [s, d, _t, _dfd] = parse("symlink", a, ["src", "dst", "target_is_directory", "dir_fd"], 2)?;
    let (s, d) = (path_arg(ts, &s.unwrap_or_else(none), "symlink")?, path_arg(ts, &d.unwrap_or_else(none), "symlink")?);
    // SAFETY: both paths are NUL-terminated.
    if unsafe { libc::symlink(s.c.as_ptr(), d.c.as_ptr()) } < 0 {
        return Err(super::os_error(super::last_errno(), Some(&s.original), Some(&d.original)));
    }
    Ok(none())
}

fn p_readlink(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let p = one_path(ts, a, "readlink")?;
    let mut buf = vec![0u8; 4096];
    // SAFETY: buf has buf.len() writable bytes; p.c is NUL-terminated.
    let r = unsafe { libc::readlink(p.c.as_ptr(), buf.as_mut_ptr().cast(), buf.len()) };
    if r < 0 {
        return Err(errno_err(Some(&p.original)));
    }
    Ok(path_result(&buf[..r as usize], p.is_bytes))
}

fn p_listdir(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let [p] = parse("listdir", a, ["path"], 0)?;
    let p = match given(&p) {
        Some(v) => path_arg(ts, v, "listdir")?,
        None => path_arg(ts, &new_str("."), "listdir")?,
    };
    let entries = read_dir(&p)?;
    Ok(new_list(entries.into_iter().map(|(n, _, _)| path_result(&n, p.is_bytes)).collect()))
}

/// The entries of a directory (without `.` and `..`): name, d_type, inode.
fn read_dir(p: &PathArg) -> PyResult<Vec<(Vec<u8>, u8, u64)>> {
    // SAFETY: p.c is NUL-terminated.
    let dir = unsafe { libc::opendir(p.c.as_ptr()) };
    if dir.is_null() {
        return Err(errno_err(Some(&p.original)));
    }
    let mut out = Vec::new();
    loop {
        // SAFETY: dir is a valid open DIR*; readdir returns null at the end.
        let ent = unsafe { libc::readdir(dir) };
        if ent.is_null() {
            break;
        }
        // SAFETY: ent points to a dirent valid until the next readdir; d_name is NUL-terminated.
        let (name, dt, ino) = unsafe {
            let e = &*ent;
            (std::ffi::CStr::from_ptr(e.d_name.as_ptr()).to_bytes().to_vec(), e.d_type, e.d_ino)
        };
        if name == b"." || name == b".." {
            continue;
        }
        out.push((name, dt, ino));
    }
    // SAFETY: dir came from opendir and is closed once.
    unsafe { libc::closedir(dir) };
    Ok(out)
}

fn p_scandir_raw(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let [p] = parse("_scandir", a, ["path"], 1)?;
    let p = path_arg(ts, &p.unwrap_or_else(none), "scandir")?;
    let entries = read_dir(&p)?;
    Ok(new_list(
        entries
            .into_iter()
            .map(|(n, dt, ino)| {
                let ino = match i64::try_from(ino) {
                    Ok(i) => new_int(i),
                    Err(_) => spindle_vm::num::new_bigint(num_bigint::BigInt::from(ino)),
                };
                new_tuple(vec![path_result(&n, p.is_bytes), new_int(dt as i64), ino])
            })
            .collect(),
    ))
}

fn p_utime(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let [p, times, ns, _dir_fd, follow] = parse("utime", a, ["path", "times", "ns", "dir_fd", "follow_symlinks"], 1)?;
    let p = path_arg(ts, &p.unwrap_or_else(none), "utime")?;
    let follow = truthy(ts, &follow, true)?;
    let mut spec = [libc::timespec { tv_sec: 0, tv_nsec: libc::UTIME_NOW }, libc::timespec { tv_sec: 0, tv_nsec: libc::UTIME_NOW }];
    if let Some(t) = given(&times) {
        if given(&ns).is_some() {
            raise!(ValueError, "utime: you may specify either 'times' or 'ns' but not both");
        }
        let items = ops::collect(ts, t)?;
        if items.len() != 2 {
            raise!(TypeError, "utime: 'times' must be either a tuple of two ints or None");
        }
        for (s, v) in spec.iter_mut().zip(items.iter()) {
            let f = super::to_f64(ts, v)?;
            let secs = f.floor();
            s.tv_sec = secs as libc::time_t;
            s.tv_nsec = (((f - secs) * 1e9).round() as libc::c_long).min(999_999_999);
        }
    } else if let Some(n) = given(&ns) {
        let items = ops::collect(ts, n)?;
        if items.len() != 2 {
            raise!(TypeError, "utime: 'ns' must be a tuple of two ints");
        }
        for (s, v) in spec.iter_mut().zip(items.iter()) {
            let total = spindle_vm::num::int_to_big(v).ok_or_else(|| err!(TypeError, "utime: 'ns' must be a tuple of two ints"))?;
            let billion = num_bigint::BigInt::from(1_000_000_000);
            let secs = num_integer::Integer::div_floor(&total, &billion);
            let rem = &total - &secs * &billion;
            s.tv_sec = i64::try_from(&secs).unwrap_or(0) as libc::time_t;
            s.tv_nsec = i64::try_from(&rem).unwrap_or(0) as libc::c_long;
        }
    }
    let flags = if follow { 0 } else { libc::AT_SYMLINK_NOFOLLOW };
    // SAFETY: p.c is NUL-terminated; spec is a valid array of two timespecs.
    ok_none(unsafe { libc::utimensat(libc::AT_FDCWD, p.c.as_ptr(), spec.as_ptr(), flags) }, Some(&p.original))
}

fn p_chmod(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let [p, mode, _dir_fd, follow] = parse("chmod", a, ["path", "mode", "dir_fd", "follow_symlinks"], 2)?;
    let pv = p.unwrap_or_else(none);
    let mode = opt_i64(ts, &mode, 0)? as libc::mode_t;
    if spindle_vm::num::is_int(&pv) {
        let fd = to_i64(ts, &pv)? as i32;
        // SAFETY: integer arguments.
        return ok_none(unsafe { libc::fchmod(fd, mode) }, None);
    }
    let p = path_arg(ts, &pv, "chmod")?;
    if !truthy(ts, &follow, true)? {
        // SAFETY: p.c is NUL-terminated.
        let r = unsafe { libc::fchmodat(libc::AT_FDCWD, p.c.as_ptr(), mode, libc::AT_SYMLINK_NOFOLLOW) };
        return ok_none(r, Some(&p.original));
    }
    // SAFETY: p.c is NUL-terminated.
    ok_none(unsafe { libc::chmod(p.c.as_ptr(), mode) }, Some(&p.original))
}

fn p_fchmod(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let [fd, mode] = parse("fchmod", a, ["fd", "mode"], 2)?;
    let fd = fd_arg(ts, &fd)?;
    let mode = opt_i64(ts, &mode, 0)? as libc::mode_t;
    // SAFETY: integer arguments.
    ok_none(unsafe { libc::fchmod(fd, mode) }, None)
}

fn owner_ids(ts: &ThreadState, uid: &Option<Value>, gid: &Option<Value>) -> PyResult<(libc::uid_t, libc::gid_t)> {
    let u = opt_i64(ts, uid, -1)?;
    let g = opt_i64(ts, gid, -1)?;
    if u < -1 || u > u32::MAX as i64 {
        raise!(OverflowError, "uid is greater than maximum");
    }
    if g < -1 || g > u32::MAX as i64 {
        raise!(OverflowError, "gid is greater than maximum");
    }
    Ok((u as libc::uid_t, g as libc::gid_t))
}

fn p_chown(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let [p, uid, gid, _dir_fd, follow] = parse("chown", a, ["path", "uid", "gid", "dir_fd", "follow_symlinks"], 3)?;
    let pv = p.unwrap_or_else(none);
    let (u, g) = owner_ids(ts, &uid, &gid)?;
    if spindle_vm::num::is_int(&pv) {
        let fd = to_i64(ts, &pv)? as i32;
        // SAFETY: integer arguments.
        return ok_none(unsafe { libc::fchown(fd, u, g) }, None);
    }
    let p = path_arg(ts, &pv, "chown")?;
    if !truthy(ts, &follow, true)? {
        // SAFETY: p.c is NUL-terminated.
        return ok_none(unsafe { libc::lchown(p.c.as_ptr(), u, g) }, Some(&p.original));
    }
    // SAFETY: p.c is NUL-terminated.
    ok_none(unsafe { libc::chown(p.c.as_ptr(), u, g) }, Some(&p.original))
}

fn p_lchown(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let [p, uid, gid] = parse("lchown", a, ["path", "uid", "gid"], 3)?;
    let (u, g) = owner_ids(ts, &uid, &gid)?;
    let p = path_arg(ts, &p.unwrap_or_else(none), "lchown")?;
    // SAFETY: p.c is NUL-terminated.
    ok_none(unsafe { libc::lchown(p.c.as_ptr(), u, g) }, Some(&p.original))
}

fn p_fchown(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let [fd, uid, gid] = parse("fchown", a, ["fd", "uid", "gid"], 3)?;
    let fd = fd_arg(ts, &fd)?;
    let (u, g) = owner_ids(ts, &uid, &gid)?;
    // SAFETY: integer arguments.
    ok_none(unsafe { libc::fchown(fd, u, g) }, None)
}

/// `statvfs`/`fstatvfs` fields as a tuple (the Python half wraps it).
fn p_statvfs_raw(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let [p] = parse("statvfs", a, ["path"], 1)?;
    let pv = p.unwrap_or_else(none);
    // SAFETY: a zeroed libc::statvfs is valid; the call fills it or fails.
    let mut st: libc::statvfs = unsafe { std::mem::zeroed() };
    if spindle_vm::num::is_int(&pv) {
        let fd = to_i64(ts, &pv)? as i32;
        // SAFETY: st is a valid out-pointer.
        if unsafe { libc::fstatvfs(fd, &mut st) } < 0 {
            return Err(errno_err(None));
        }
    } else {
        let p = path_arg(ts, &pv, "statvfs")?;
        // SAFETY: p.c is NUL-terminated; st is a valid out-pointer.
        if unsafe { libc::statvfs(p.c.as_ptr(), &mut st) } < 0 {
            return Err(errno_err(Some(&p.original)));
        }
    }
    let f = |x: u64| spindle_vm::builtins_init::numbers::from_int(spindle_num::Int::from(x));
    Ok(spindle_vm::seq::new_tuple(vec![
        f(st.f_bsize as u64),
        f(st.f_frsize as u64),
        f(st.f_blocks as u64),
        f(st.f_bfree as u64),
        f(st.f_bavail as u64),
        f(st.f_files as u64),
        f(st.f_ffree as u64),
        f(st.f_favail as u64),
        f(st.f_flag as u64),
        f(st.f_namemax as u64),
        f(st.f_fsid as u64),
    ]))
}

fn p_access(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let [p, mode, _dir_fd, _eff, _follow] = parse("access", a, ["path", "mode", "dir_fd", "effective_ids", "follow_symlinks"], 2)?;
    let p = path_arg(ts, &p.unwrap_or_else(none), "access")?;
    let mode = opt_i64(ts, &mode, 0)? as i32;
    // SAFETY: p.c is NUL-terminated.
    Ok(new_bool(unsafe { libc::access(p.c.as_ptr(), mode) } == 0))
}

fn p_umask(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let [m] = parse("umask", a, ["mask"], 1)?;
    let m = opt_i64(ts, &m, 0)? as libc::mode_t;
    // SAFETY: umask cannot fail.
    Ok(new_int(unsafe { libc::umask(m) } as i64))
}

fn p_strerror(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let [c] = parse("strerror", a, ["code"], 1)?;
    Ok(new_str(&super::strerror(opt_i64(ts, &c, 0)? as i32)))
}

fn isatty(fd: i32) -> bool {
    // SAFETY: isatty takes any integer.
    unsafe { libc::isatty(fd) == 1 }
}

fn p_isatty(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let [fd] = parse("isatty", a, ["fd"], 1)?;
    Ok(new_bool(isatty(fd_arg(ts, &fd)?)))
}

fn p_openpty(_ts: &ThreadState, _a: Args<'_>) -> PyResult<Value> {
    let (mut m, mut s) = (-1, -1);
    // SAFETY: the out-pointers are valid; name, termios and winsize may be null.
    if unsafe { libc::openpty(&mut m, &mut s, std::ptr::null_mut(), std::ptr::null(), std::ptr::null()) } < 0 {
        return Err(errno_err(None));
    }
    for fd in [m, s] {
        // SAFETY: fd is one of the two descriptors just opened; new ones are
        // non-inheritable, as CPython makes them.
        unsafe { libc::fcntl(fd, libc::F_SETFD, libc::FD_CLOEXEC) };
    }
    Ok(new_tuple(vec![new_int(m as i64), new_int(s as i64)]))
}

fn p_ttyname(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let [fd] = parse("ttyname", a, ["fd"], 1)?;
    let fd = fd_arg(ts, &fd)?;
    let mut buf = [0 as libc::c_char; 4096];
    // SAFETY: buf is writable for its length.
    let r = unsafe { libc::ttyname_r(fd, buf.as_mut_ptr(), buf.len()) };
    if r != 0 {
        return Err(super::os_error(r, None, None));
    }
    // SAFETY: on success buf holds a NUL-terminated path.
    let name = unsafe { std::ffi::CStr::from_ptr(buf.as_ptr()) };
    Ok(path_result(name.to_bytes(), false))
}

fn p_sysconf(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let [name] = parse("sysconf", a, ["name"], 1)?;
    let name = name.unwrap_or_else(none);
    let code = if let Some(s) = as_str(&name) {
        match super::sysconf_names::SYSCONF_NAMES.iter().find(|(n, _)| *n == s) {
            Some((_, v)) => *v as i32,
            None => raise!(ValueError, "unrecognized configuration name"),
        }
    } else if spindle_vm::num::is_int(&name) {
        to_i64(ts, &name)? as i32
    } else {
        raise!(TypeError, "configuration names must be strings or integers");
    };
    // SAFETY: errno is cleared so a -1 meaning "no limit" is told from an error.
    let r = unsafe {
        *libc::__errno_location() = 0;
        libc::sysconf(code)
    };
    if r == -1 && super::last_errno() != 0 {
        return Err(errno_err(None));
    }
    Ok(new_int(r as i64))
}

fn p_device_encoding(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let [fd] = parse("device_encoding", a, ["fd"], 1)?;
    Ok(if isatty(fd_arg(ts, &fd)?) { new_str("UTF-8") } else { none() })
}

fn p_get_terminal_size(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let [fd] = parse("get_terminal_size", a, ["fd"], 0)?;
    let fd = opt_i64(ts, &fd, 1)? as i32;
    // SAFETY: a zeroed winsize is valid; ioctl fills it or fails.
    let mut ws: libc::winsize = unsafe { std::mem::zeroed() };
    // SAFETY: TIOCGWINSZ writes a winsize through the valid pointer.
    if unsafe { libc::ioctl(fd, libc::TIOCGWINSZ, &mut ws) } < 0 {
        return Err(errno_err(None));
    }
    let t = new_tuple(vec![new_int(ws.ws_col as i64), new_int(ws.ws_row as i64)]);
    match TERMINAL_SIZE.get() {
        Some(cls) => ops::call(ts, cls, &[t]),
        None => Ok(t),
    }
}

fn p_pipe(_ts: &ThreadState, _a: Args<'_>) -> PyResult<Value> {
    let mut fds = [0i32; 2];
    // SAFETY: fds is a valid array of two ints.
    if unsafe { libc::pipe2(fds.as_mut_ptr(), libc::O_CLOEXEC) } < 0 {
        return Err(errno_err(None));
    }
    Ok(new_tuple(vec![new_int(fds[0] as i64), new_int(fds[1] as i64)]))
}

fn p_dup(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let [fd] = parse("dup", a, ["fd"], 1)?;
    let fd = fd_arg(ts, &fd)?;
    // SAFETY: integer arguments.
    let r = unsafe { libc::fcntl(fd, libc::F_DUPFD_CLOEXEC, 0) };
    if r < 0 { Err(errno_err(None)) } else { Ok(new_int(r as i64)) }
}

fn p_dup2(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let [fd, fd2, inh] = parse("dup2", a, ["fd", "fd2", "inheritable"], 2)?;
    let (fd, fd2) = (fd_arg(ts, &fd)?, fd_arg(ts, &fd2)?);
    let inheritable = truthy(ts, &inh, true)?;
    // SAFETY: integer arguments.
    let r = unsafe { if inheritable { libc::dup2(fd, fd2) } else { libc::dup3(fd, fd2, libc::O_CLOEXEC) } };
    if r < 0 { Err(errno_err(None)) } else { Ok(new_int(r as i64)) }
}

fn fd_flag(fd: i32, get: libc::c_int, bit: libc::c_int) -> PyResult<bool> {
    // SAFETY: integer arguments.
    let f = unsafe { libc::fcntl(fd, get) };
    if f < 0 { Err(errno_err(None)) } else { Ok(f & bit != 0) }
}

fn set_fd_flag(fd: i32, get: libc::c_int, set: libc::c_int, bit: libc::c_int, on: bool) -> PyResult<Value> {
    // SAFETY: integer arguments.
    let f = unsafe { libc::fcntl(fd, get) };
    if f < 0 {
        return Err(errno_err(None));
    }
    let nf = if on { f | bit } else { f & !bit };
    // SAFETY: integer arguments.
    ok_none(unsafe { libc::fcntl(fd, set, nf) }, None)
}

fn p_get_blocking(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let [fd] = parse("get_blocking", a, ["fd"], 1)?;
    Ok(new_bool(!fd_flag(fd_arg(ts, &fd)?, libc::F_GETFL, libc::O_NONBLOCK)?))
}

fn p_set_blocking(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let [fd, b] = parse("set_blocking", a, ["fd", "blocking"], 2)?;
    let on = !truthy(ts, &b, true)?;
    set_fd_flag(fd_arg(ts, &fd)?, libc::F_GETFL, libc::F_SETFL, libc::O_NONBLOCK, on)
}

fn p_get_inheritable(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let [fd] = parse("get_inheritable", a, ["fd"], 1)?;
    Ok(new_bool(!fd_flag(fd_arg(ts, &fd)?, libc::F_GETFD, libc::FD_CLOEXEC)?))
}

fn p_set_inheritable(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let [fd, b] = parse("set_inheritable", a, ["fd", "inheritable"], 2)?;
    let on = !truthy(ts, &b, true)?;
    set_fd_flag(fd_arg(ts, &fd)?, libc::F_GETFD, libc::F_SETFD, libc::FD_CLOEXEC, on)
}

fn p_fsync(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let [fd] = parse("fsync", a, ["fd"], 1)?;
    let fdv = fd.unwrap_or_else(none);
    let fd = if spindle_vm::num::is_int(&fdv) { to_i64(ts, &fdv)? } else { to_i64(ts, &ops::call_method(ts, &fdv, "fileno", &[])?)? };
    // SAFETY: integer argument.
    ok_none(unsafe { libc::fsync(fd as i32) }, None)
}

fn p_ftruncate(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let [fd, len] = parse("ftruncate", a, ["fd", "length"], 2)?;
    let fd = fd_arg(ts, &fd)?;
    let len = opt_i64(ts, &len, 0)?;
    // SAFETY: integer arguments.
    ok_none(unsafe { libc::ftruncate(fd, len) }, None)
}

fn p_truncate(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let [p, len] = parse("truncate", a, ["path", "length"], 2)?;
    let pv = p.unwrap_or_else(none);
    let len = opt_i64(ts, &len, 0)?;
    if spindle_vm::num::is_int(&pv) {
        // SAFETY: integer arguments.
        return ok_none(unsafe { libc::ftruncate(to_i64(ts, &pv)? as i32, len) }, None);
    }
    let p = path_arg(ts, &pv, "truncate")?;
    // SAFETY: p.c is NUL-terminated.
    ok_none(unsafe { libc::truncate(p.c.as_ptr(), len) }, Some(&p.original))
}

fn p_urandom(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let [n] = parse("urandom", a, ["size"], 1)?;
    let n = opt_i64(ts, &n, 0)?;
    if n < 0 {
        raise!(ValueError, "negative argument not allowed");
    }
    let mut buf = super::zeroed_buf(n as usize)?;
    let mut filled = 0;
    while filled < buf.len() {
        // SAFETY: the slice from `filled` has buf.len()-filled writable bytes.
        let r = unsafe { libc::getrandom(buf[filled..].as_mut_ptr().cast(), buf.len() - filled, 0) };
        if r < 0 {
            if super::last_errno() == libc::EINTR {
                continue;
            }
            return Err(errno_err(None));
        }
        filled += r as usize;
    }
    Ok(spindle_vm::bytes::new_bytes(&buf))
}

fn p_cpu_count(_ts: &ThreadState, _a: Args<'_>) -> PyResult<Value> {
    Ok(match std::thread::available_parallelism() {
        Ok(n) => new_int(n.get() as i64),
        Err(_) => none(),
    })
}

fn p_uname(ts: &ThreadState, _a: Args<'_>) -> PyResult<Value> {
    // SAFETY: a zeroed utsname is valid; uname fills it.
    let mut u: libc::utsname = unsafe { std::mem::zeroed() };
    // SAFETY: u is a valid out-pointer.
    if unsafe { libc::uname(&mut u) } < 0 {
        return Err(errno_err(None));
    }
    let f = |s: &[libc::c_char]| {
        let b: Vec<u8> = s.iter().take_while(|c| **c != 0).map(|c| *c as u8).collect();
        new_str(&super::decode_fs(&b))
    };
    let t = new_tuple(vec![f(&u.sysname), f(&u.nodename), f(&u.release), f(&u.version), f(&u.machine)]);
    match module_class("uname_result") {
        Some(cls) => ops::call(ts, &cls, &[t]),
        None => Ok(t),
    }
}

static MODULE: OnceLock<Value> = OnceLock::new();

fn module_class(name: &str) -> Option<Value> {
    MODULE.get().and_then(|m| super::module_attr(m, name))
}

fn p_times(ts: &ThreadState, _a: Args<'_>) -> PyResult<Value> {
    // SAFETY: a zeroed tms is valid; times fills it.
    let mut t: libc::tms = unsafe { std::mem::zeroed() };
    // SAFETY: t is a valid out-pointer.
    let el = unsafe { libc::times(&mut t) };
    // SAFETY: sysconf takes an integer name.
    let hz = unsafe { libc::sysconf(libc::_SC_CLK_TCK) }.max(1) as f64;
    let v = new_tuple(vec![
        new_float(t.tms_utime as f64 / hz),
        new_float(t.tms_stime as f64 / hz),
        new_float(t.tms_cutime as f64 / hz),
        new_float(t.tms_cstime as f64 / hz),
        new_float(el as f64 / hz),
    ]);
    match module_class("times_result") {
        Some(cls) => ops::call(ts, &cls, &[v]),
        None => Ok(v),
    }
}

fn p_kill(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let [pid, sig] = parse("kill", a, ["pid", "signal"], 2)?;
    let (pid, sig) = (opt_i64(ts, &pid, 0)? as i32, opt_i64(ts, &sig, 0)? as i32);
    // SAFETY: integer arguments.
    ok_none(unsafe { libc::kill(pid, sig) }, None)?;
    // A signal sent to ourselves arrived before kill returned: its Python
    // handler runs now, before the next statement (as CPython's eval breaker).
    spindle_vm::signals::check(ts)?;
    Ok(none())
}

fn p_waitpid(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let [pid, opts] = parse("waitpid", a, ["pid", "options"], 2)?;
    let (pid, opts) = (opt_i64(ts, &pid, 0)? as i32, opt_i64(ts, &opts, 0)? as i32);
    let mut status = 0;
    loop {
        // SAFETY: status is a valid out-pointer. Detached: waiting for a
        // child may block, and touches only `status`.
        let r = ts.detached(|| unsafe { libc::waitpid(pid, &mut status, opts) });
        if r >= 0 {
            return Ok(new_tuple(vec![new_int(r as i64), new_int(status as i64)]));
        }
        if super::last_errno() != libc::EINTR {
            return Err(errno_err(None));
        }
        spindle_vm::signals::check(ts)?;
    }
}

fn p_exit(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let [c] = parse("_exit", a, ["status"], 1)?;
    let c = opt_i64(ts, &c, 0)? as i32;
    // SAFETY: _exit ends the process at once; nothing runs after it.
    unsafe { libc::_exit(c) }
}

fn p_putenv(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let [k, v] = parse("putenv", a, ["name", "value"], 2)?;
    let k = env_bytes(ts, &k.unwrap_or_else(none))?;
    let v = env_bytes(ts, &v.unwrap_or_else(none))?;
    if k.is_empty() || k.contains(&b'=') {
        raise!(ValueError, "illegal environment variable name");
    }
    let (Ok(kc), Ok(vc)) = (CString::new(k), CString::new(v)) else { raise!(ValueError, "embedded null byte") };
    // SAFETY: both strings are NUL-terminated; setenv copies them. Other
    // threads reading the environment at the same time is the caller's
    // concern, as in CPython.
    ok_none(unsafe { libc::setenv(kc.as_ptr(), vc.as_ptr(), 1) }, None)
}

fn p_unsetenv(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let [k] = parse("unsetenv", a, ["name"], 1)?;
    let k = env_bytes(ts, &k.unwrap_or_else(none))?;
    let Ok(kc) = CString::new(k) else { raise!(ValueError, "embedded null byte") };
    // SAFETY: kc is NUL-terminated.
    ok_none(unsafe { libc::unsetenv(kc.as_ptr()) }, None)
}

fn env_bytes(ts: &ThreadState, v: &Value) -> PyResult<Vec<u8>> {
    match as_str(v) {
        Some(s) => Ok(super::encode_fs(s)),
        None => super::buffer_bytes(ts, &super::fspath(ts, v)?),
    }
}

fn id_fn(f: fn() -> i64) -> PyResult<Value> {
    Ok(new_int(f()))
}

fn p_getpid(_ts: &ThreadState, _a: Args<'_>) -> PyResult<Value> {
    // SAFETY: getpid takes no arguments and cannot fail.
    id_fn(|| unsafe { libc::getpid() } as i64)
}

fn p_getppid(_ts: &ThreadState, _a: Args<'_>) -> PyResult<Value> {
    // SAFETY: getppid takes no arguments and cannot fail.
    id_fn(|| unsafe { libc::getppid() } as i64)
}

fn p_getuid(_ts: &ThreadState, _a: Args<'_>) -> PyResult<Value> {
    // SAFETY: getuid takes no arguments and cannot fail.
    id_fn(|| unsafe { libc::getuid() } as i64)
}

fn p_geteuid(_ts: &ThreadState, _a: Args<'_>) -> PyResult<Value> {
    // SAFETY: geteuid takes no arguments and cannot fail.
    id_fn(|| unsafe { libc::geteuid() } as i64)
}

fn p_getgid(_ts: &ThreadState, _a: Args<'_>) -> PyResult<Value> {
    // SAFETY: getgid takes no arguments and cannot fail.
    id_fn(|| unsafe { libc::getgid() } as i64)
}

fn p_getegid(_ts: &ThreadState, _a: Args<'_>) -> PyResult<Value> {
    // SAFETY: getegid takes no arguments and cannot fail.
    id_fn(|| unsafe { libc::getegid() } as i64)
}

fn p_getpgrp(_ts: &ThreadState, _a: Args<'_>) -> PyResult<Value> {
    // SAFETY: getpgrp takes no arguments and cannot fail.
    id_fn(|| unsafe { libc::getpgrp() } as i64)
}

fn p_waitstatus_to_exitcode(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let [s] = parse("waitstatus_to_exitcode", a, ["status"], 1)?;
    let s = opt_i64(ts, &s, 0)? as i32;
    if libc::WIFEXITED(s) {
        return Ok(new_int(libc::WEXITSTATUS(s) as i64));
    }
    if libc::WIFSIGNALED(s) {
        return Ok(new_int(-(libc::WTERMSIG(s) as i64)));
    }
    raise!(ValueError, "invalid wait status: {}", s)
}

fn wfn(ts: &ThreadState, a: Args<'_>, f: fn(i32) -> i64) -> PyResult<Value> {
    let [s] = parse("W", a, ["status"], 1)?;
    Ok(new_int(f(opt_i64(ts, &s, 0)? as i32)))
}

fn environ(ts: &ThreadState) -> PyResult<Value> {
    let d = spindle_vm::builtins_init::new_dict();
    for (k, v) in std::env::vars_os() {
        let kb = std::os::unix::ffi::OsStrExt::as_bytes(k.as_os_str());
        let vb = std::os::unix::ffi::OsStrExt::as_bytes(v.as_os_str());
        ops::setitem(ts, &d, &spindle_vm::bytes::new_bytes(kb), spindle_vm::bytes::new_bytes(vb))?;
    }
    Ok(d)
}

const FUNCTIONS: &[(&str, NativeFnPtr)] = &[
    ("stat", p_stat),
    ("lstat", p_lstat),
    ("fstat", p_fstat),
    ("open", p_open),
    ("close", p_close),
    ("closerange", p_closerange),
    ("read", p_read),
    ("readinto", p_readinto),
    ("_is_inputhook_installed", |_, _| Ok(spindle_vm::num::new_bool(false))),
    ("_inputhook", |_, _| Ok(none())),
    ("write", p_write),
    ("lseek", p_lseek),
    ("fspath", p_fspath),
    ("getcwd", p_getcwd),
    ("getcwdb", p_getcwdb),
    ("chdir", p_chdir),
    ("listdir", p_listdir),
    ("_scandir", p_scandir_raw),
    ("mkdir", p_mkdir),
    ("rmdir", p_rmdir),
    ("unlink", p_unlink),
    ("remove", p_unlink),
    ("rename", p_rename),
    ("replace", p_rename),
    ("link", p_link),
    ("symlink", p_symlink),
    ("readlink", p_readlink),
    ("utime", p_utime),
    ("chmod", p_chmod),
    ("fchmod", p_fchmod),
    ("chown", p_chown),
    ("lchown", p_lchown),
    ("fchown", p_fchown),
    ("_statvfs", p_statvfs_raw),
    ("access", p_access),
    ("umask", p_umask),
    ("strerror", p_strerror),
    ("isatty", p_isatty),
    ("openpty", p_openpty),
    ("sysconf", p_sysconf),
    ("ttyname", p_ttyname),
    ("device_encoding", p_device_encoding),
    ("get_terminal_size", p_get_terminal_size),
    ("pipe", p_pipe),
    ("dup", p_dup),
    ("dup2", p_dup2),
    ("get_blocking", p_get_blocking),
    ("set_blocking", p_set_blocking),
    ("get_inheritable", p_get_inheritable),
    ("set_inheritable", p_set_inheritable),
    ("fsync", p_fsync),
    ("ftruncate", p_ftruncate),
    ("truncate", p_truncate),
    ("urandom", p_urandom),
    ("cpu_count", p_cpu_count),
    ("uname", p_uname),
    ("times", p_times),
    ("kill", p_kill),
    ("waitpid", p_waitpid),
    ("fork", super::fork::fork),
    ("register_at_fork", super::fork::register_at_fork),
    ("_exit", p_exit),
    ("putenv", p_putenv),
    ("unsetenv", p_unsetenv),
    ("waitstatus_to_exitcode", p_waitstatus_to_exitcode),
    ("getpid", p_getpid),
    ("getppid", p_getppid),
    ("system", super::posix_proc::system),
    ("execv", super::posix_proc::execv),
    ("execve", super::posix_proc::execve),
    ("setsid", super::posix_proc::setsid),
    ("pipe2", super::posix_proc::pipe2),
    ("sched_getaffinity", super::posix_proc::sched_getaffinity),
    ("sched_setaffinity", super::posix_proc::sched_setaffinity),
    ("getuid", p_getuid),
    ("geteuid", p_geteuid),
    ("getgid", p_getgid),
    ("getegid", p_getegid),
    ("getpgrp", p_getpgrp),
    ("WIFEXITED", |ts, a| wfn(ts, a, |s| libc::WIFEXITED(s) as i64).map(|v| new_bool(spindle_vm::num::int_to_i64(&v) == Some(1)))),
    ("WEXITSTATUS", |ts, a| wfn(ts, a, |s| libc::WEXITSTATUS(s) as i64)),
    ("WIFSIGNALED", |ts, a| wfn(ts, a, |s| libc::WIFSIGNALED(s) as i64).map(|v| new_bool(spindle_vm::num::int_to_i64(&v) == Some(1)))),
    ("WTERMSIG", |ts, a| wfn(ts, a, |s| libc::WTERMSIG(s) as i64)),
    ("WIFSTOPPED", |ts, a| wfn(ts, a, |s| libc::WIFSTOPPED(s) as i64).map(|v| new_bool(spindle_vm::num::int_to_i64(&v) == Some(1)))),
    ("WSTOPSIG", |ts, a| wfn(ts, a, |s| libc::WSTOPSIG(s) as i64)),
];

const CONSTANTS: &[(&str, i64)] = &[
    ("O_RDONLY", libc::O_RDONLY as i64),
    ("O_WRONLY", libc::O_WRONLY as i64),
    ("O_RDWR", libc::O_RDWR as i64),
    ("O_APPEND", libc::O_APPEND as i64),
    ("O_CREAT", libc::O_CREAT as i64),
    ("O_EXCL", libc::O_EXCL as i64),
    ("O_TRUNC", libc::O_TRUNC as i64),
    ("O_NONBLOCK", libc::O_NONBLOCK as i64),
    ("O_NDELAY", libc::O_NDELAY as i64),
    ("O_CLOEXEC", libc::O_CLOEXEC as i64),
    ("O_DIRECTORY", libc::O_DIRECTORY as i64),
    ("O_NOFOLLOW", libc::O_NOFOLLOW as i64),
    ("O_NOCTTY", libc::O_NOCTTY as i64),
    ("O_SYNC", libc::O_SYNC as i64),
    ("O_DSYNC", libc::O_DSYNC as i64),
    ("O_RSYNC", libc::O_RSYNC as i64),
    ("O_ACCMODE", libc::O_ACCMODE as i64),
    ("O_ASYNC", libc::O_ASYNC as i64),
    ("O_NOATIME", libc::O_NOATIME as i64),
    ("O_PATH", libc::O_PATH as i64),
    ("O_TMPFILE", libc::O_TMPFILE as i64),
    ("O_LARGEFILE", libc::O_LARGEFILE as i64),
    ("F_OK", libc::F_OK as i64),
    ("R_OK", libc::R_OK as i64),
    ("W_OK", libc::W_OK as i64),
    ("X_OK", libc::X_OK as i64),
    ("SEEK_SET", 0),
    ("SEEK_CUR", 1),
    ("SEEK_END", 2),
    ("SEEK_DATA", libc::SEEK_DATA as i64),
    ("SEEK_HOLE", libc::SEEK_HOLE as i64),
    ("WNOHANG", libc::WNOHANG as i64),
    ("WUNTRACED", libc::WUNTRACED as i64),
    ("WCONTINUED", libc::WCONTINUED as i64),
    ("EX_OK", 0),
    ("F_LOCK", libc::F_LOCK as i64),
    ("F_TLOCK", libc::F_TLOCK as i64),
    ("F_ULOCK", libc::F_ULOCK as i64),
    ("F_TEST", libc::F_TEST as i64),
    ("NGROUPS_MAX", 65536),
    ("TMP_MAX", 238328),
];

pub(crate) fn init(ts: &ThreadState) -> PyResult<Value> {
    let m = spindle_vm::native::new_module("posix", FUNCTIONS);
    for (n, v) in CONSTANTS {
        spindle_vm::native::add_value(&m, n, new_int(*v));
    }
    spindle_vm::native::add_value(&m, "error", rt_oserror());
    let names = spindle_vm::builtins_init::new_dict();
    for (n, v) in super::sysconf_names::SYSCONF_NAMES {
        ops::setitem(ts, &names, &new_str(n), new_int(*v))?;
    }
    spindle_vm::native::add_value(&m, "sysconf_names", names);
    spindle_vm::native::add_value(&m, "environ", environ(ts)?);
    spindle_vm::native::add_value(&m, "_have_functions", new_list(vec![]));
    super::run_source(ts, &m, super::STRUCTSEQ_SRC, "<posix>")?;
    super::run_source(ts, &m, PY_SRC, "<posix>")?;
    if let Some(c) = super::module_attr(&m, "stat_result") {
        let _ = STAT_RESULT.set(c);
    }
    if let Some(c) = super::module_attr(&m, "terminal_size") {
        let _ = TERMINAL_SIZE.set(c);
    }
    let _ = MODULE.set(m.clone());
    // Names that are helpers of the Python half, not part of posix.
    if let Some(d) = spindle_vm::native::module_dict(&m) {
        for n in ["_structseq", "_make_stat"] {
            d.remove_str(n);
        }
    }
    let _ = is_none;
    Ok(m)
}

fn rt_oserror() -> Value {
    spindle_vm::runtime::rt().exc.OSError.to_value()
}

/// The Python half of the module: result types, DirEntry, scandir.
const PY_SRC: &str = r#"
# Python half of Spindle's `posix` module (executed inside the module at
# import): struct-sequence result types, DirEntry and the scandir iterator.

stat_result = _structseq('os.stat_result', (
    'st_mode', 'st_ino', 'st_dev', 'st_nlink', 'st_uid', 'st_gid', 'st_size',
    'st_atime', 'st_mtime', 'st_ctime', '_st_atime_f', '_st_mtime_f', '_st_ctime_f',
    'st_atime_ns', 'st_mtime_ns', 'st_ctime_ns', 'st_blksize', 'st_blocks', 'st_rdev'), 10)
stat_result.st_atime = property(lambda s: s._extra[0] if s._extra[0] is not None else tuple.__getitem__(s, 7))
stat_result.st_mtime = property(lambda s: s._extra[1] if s._extra[1] is not None else tuple.__getitem__(s, 8))
stat_result.st_ctime = property(lambda s: s._extra[2] if s._extra[2] is not None else tuple.__getitem__(s, 9))
stat_result.n_unnamed_fields = 3
statvfs_result = _structseq('os.statvfs_result', (
    'f_bsize', 'f_frsize', 'f_blocks', 'f_bfree', 'f_bavail', 'f_files', 'f_ffree',
    'f_favail', 'f_flag', 'f_namemax', 'f_fsid'), 10)
terminal_size = _structseq('os.terminal_size', ('columns', 'lines'))


def statvfs(path):
    return statvfs_result(_statvfs(path))


def fstatvfs(fd):
    return statvfs_result(_statvfs(fd))


uname_result = _structseq('posix.uname_result', ('sysname', 'nodename', 'release', 'version', 'machine'))
times_result = _structseq('posix.times_result', ('user', 'system', 'children_user', 'children_system', 'elapsed'))


def _make_stat(t):
    return stat_result(t)


class DirEntry:
    def __init__(self, *args, **kwargs):
        raise TypeError("cannot create 'posix.DirEntry' instances")

    @classmethod
    def _new(cls, scandir_path, name, d_type, ino):
        self = object.__new__(cls)
        self.name = name
        sep = b'/' if isinstance(name, bytes) else '/'
        if not scandir_path:
            scandir_path = b'.' if isinstance(name, bytes) else '.'
        if scandir_path.endswith(sep):
            self.path = scandir_path + name
        else:
            self.path = scandir_path + sep + name
        self._d_type = d_type
        self._ino = ino
        self._stat = None
        self._lstat = None
        return self

    def inode(self):
        return self._ino

    def __fspath__(self):
        return self.path

    def __repr__(self):
        return f"<DirEntry {self.name!r}>"

    def stat(self, *, follow_symlinks=True):
        if follow_symlinks and self.is_symlink():
            if self._stat is None:
                self._stat = stat(self.path)
            return self._stat
        if self._lstat is None:
            self._lstat = lstat(self.path)
        return self._lstat

    def _mode_test(self, follow_symlinks, want_dt, s_fmt):
        if self._d_type == 0 or (follow_symlinks and self._d_type == 10):
            try:
                st = self.stat(follow_symlinks=follow_symlinks)
            except FileNotFoundError:
                return False
            return (st.st_mode & 0o170000) == s_fmt
        return self._d_type == want_dt

    def is_dir(self, *, follow_symlinks=True):
        return self._mode_test(follow_symlinks, 4, 0o040000)

    def is_file(self, *, follow_symlinks=True):
        return self._mode_test(follow_symlinks, 8, 0o100000)

    def is_symlink(self):
        if self._d_type == 0:
            try:
                return (self.stat(follow_symlinks=False).st_mode & 0o170000) == 0o120000
            except FileNotFoundError:
                return False
        return self._d_type == 10

    def is_junction(self):
        return False

    def __class_getitem__(cls, item):
        import types
        return types.GenericAlias(cls, item)

DirEntry.__module__ = 'posix'


class ScandirIterator:
    def __init__(self, path, items):
        self._path = path
        self._it = iter(items)

    def __iter__(self):
        return self

    def __next__(self):
        if self._it is None:
            raise StopIteration
        name, d_type, ino = next(self._it)
        return DirEntry._new(self._path, name, d_type, ino)

    def close(self):
        self._it = None

    def __enter__(self):
        return self

    def __exit__(self, *args):
        self.close()
        return False


def scandir(path='.'):
    if isinstance(path, int):
        raise TypeError("scandir: path should be string, bytes, os.PathLike or None, not int")
    if path is None:
        path = '.'
    p = fspath(path)
    return ScandirIterator(p, _scandir(p))
"#;
