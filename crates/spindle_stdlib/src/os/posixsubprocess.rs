//! The `_posixsubprocess` module: `fork_exec`, the child-process start-up
//! `subprocess.Popen` uses. Everything the child needs (argv, envp, the
//! executable candidates) is converted to C strings before `fork`; the
//! child then makes only async-signal-safe system calls (no allocation, no
//! locks) until it execs or reports its failure on the error pipe in
//! CPython's "ExceptionName:hex errno:detail" form and exits.

use std::ffi::CString;

use spindle_vm::error::PyResult;
use spindle_vm::function::{Args, NativeFnPtr};
use spindle_vm::interp::ThreadState;
use spindle_vm::num::new_int;
use spindle_vm::runtime::is_none;
use spindle_vm::str::as_str;
use spindle_vm::value::Value;
use spindle_vm::{err, ops, raise};

use super::to_i64;

/// An argument as file-system bytes (str, bytes or os.PathLike).
fn fs_bytes(ts: &ThreadState, v: &Value) -> PyResult<CString> {
    let p = super::fspath(ts, v)?;
    let b = match as_str(&p) {
        Some(s) => super::encode_fs(s),
        None => super::buffer_bytes(ts, &p)?,
    };
    CString::new(b).map_err(|_| err!(ValueError, "embedded null byte"))
}

fn opt_int(ts: &ThreadState, v: &Value) -> PyResult<Option<i64>> {
    if is_none(v) { Ok(None) } else { Ok(Some(to_i64(ts, v)?)) }
}

/// A NULL-terminated array of pointers into `items` (which must outlive it).
fn ptr_array(items: &[CString]) -> Vec<*const libc::c_char> {
    let mut v: Vec<*const libc::c_char> = items.iter().map(|c| c.as_ptr()).collect();
    v.push(std::ptr::null());
    v
}

/// Everything the child does, prepared by the parent.
struct Plan {
    fds: [i32; 10],
    fds_to_keep: Vec<i32>,
    close_fds: bool,
    cwd: Option<CString>,
    restore_signals: bool,
    setsid: bool,
    pgid: i64,
    gid: Option<i64>,
    groups: Option<Vec<libc::gid_t>>,
    uid: Option<i64>,
    umask: i64,
}

/// Writes the failure report and leaves the child.
///
/// # Safety
/// Only async-signal-safe calls; `fd` is the error pipe's write end.
unsafe fn report(fd: i32, name: &[u8], code: i32, detail: &[u8]) -> ! {
    let mut buf = [0u8; 64];
    let mut n = 0;
    for &b in name.iter().chain(b":") {
        if n < buf.len() {
            buf[n] = b;
            n += 1;
        }
    }
    // The errno in lower-case hex, most significant digit first.
    let mut digits = [0u8; 8];
    let mut d = 0;
    let mut c = code as u32;
    loop {
        digits[d] = b"0123456789abcdef"[(c & 15) as usize];
        d += 1;
        c >>= 4;
        if c == 0 {
            break;
        }
    }
    while d > 0 && n < buf.len() {
        d -= 1;
        buf[n] = digits[d];
        n += 1;
    }
    for &b in b":".iter().chain(detail) {
        if n < buf.len() {
            buf[n] = b;
            n += 1;
        }
    }
    // SAFETY: write and _exit are async-signal-safe; buf holds n bytes.
    unsafe {
        libc::write(fd, buf.as_ptr().cast(), n);
        libc::_exit(255)
    }
}

/// The child's side: set up descriptors, session, ids, then exec each
/// candidate in turn.
///
/// # Safety
/// Runs in a freshly forked child: only async-signal-safe system calls on
/// data prepared before the fork (the pointer arrays are NULL-terminated
/// and point into live C strings).
unsafe fn child(
    ts: &ThreadState,
    plan: &Plan,
    exes: &[CString],
    argv: &[*const libc::c_char],
    envp: Option<&[*const libc::c_char]>,
    preexec: Option<&Value>,
) -> ! {
    let [p2cread, p2cwrite, c2pread, mut c2pwrite, errread, mut errwrite, errpipe_read, errpipe_write, _, _] = plan.fds;
    // SAFETY (whole body): only async-signal-safe calls (close, dup, dup2,
    // fcntl, chdir, umask, signal, setsid, setpgid, setgroups, setregid,
    // setreuid, close_range, execv/execve, write, _exit) on prepared data.
    unsafe {
        for fd in [p2cwrite, c2pread, errread, errpipe_read] {
            if fd != -1 {
                libc::close(fd);
            }
        }
        for &fd in &plan.fds_to_keep {
            if fd != errpipe_write {
                let fl = libc::fcntl(fd, libc::F_GETFD);
                if fl >= 0 {
                    libc::fcntl(fd, libc::F_SETFD, fl & !libc::FD_CLOEXEC);
                }
            }
        }
        // Keep the sources of the later dup2s out of the way of 0, 1, 2.
        if c2pwrite == 0 {
            c2pwrite = libc::dup(c2pwrite);
        }
        while errwrite == 0 || errwrite == 1 {
            errwrite = libc::dup(errwrite);
        }
        for (src, dst) in [(p2cread, 0), (c2pwrite, 1), (errwrite, 2)] {
            if src == dst {
                let fl = libc::fcntl(src, libc::F_GETFD);
                if fl >= 0 {
                    libc::fcntl(src, libc::F_SETFD, fl & !libc::FD_CLOEXEC);
                }
            } else if src != -1 && libc::dup2(src, dst) < 0 {
                report(errpipe_write, b"OSError", *libc::__errno_location(), b"noexec");
            }
        }
        if let Some(cwd) = &plan.cwd {
            if libc::chdir(cwd.as_ptr()) < 0 {
                report(errpipe_write, b"OSError", *libc::__errno_location(), b"noexec:chdir");
            }
        }
        if plan.umask >= 0 {
            libc::umask(plan.umask as libc::mode_t);
        }
        if plan.restore_signals {
            libc::signal(libc::SIGPIPE, libc::SIG_DFL);
            libc::signal(libc::SIGXFSZ, libc::SIG_DFL);
        }
        if plan.setsid && libc::setsid() < 0 {
            report(errpipe_write, b"OSError", *libc::__errno_location(), b"noexec");
        }
        if plan.pgid >= 0 && libc::setpgid(0, plan.pgid as libc::pid_t) < 0 {
            report(errpipe_write, b"OSError", *libc::__errno_location(), b"noexec");
        }
        if let Some(g) = &plan.groups {
            if libc::setgroups(g.len(), g.as_ptr()) < 0 {
                report(errpipe_write, b"OSError", *libc::__errno_location(), b"noexec");
            }
        }
        if let Some(gid) = plan.gid {
            if libc::setregid(gid as libc::gid_t, gid as libc::gid_t) < 0 {
                report(errpipe_write, b"OSError", *libc::__errno_location(), b"noexec");
            }
        }
        if let Some(uid) = plan.uid {
            if libc::setreuid(uid as libc::uid_t, uid as libc::uid_t) < 0 {
                report(errpipe_write, b"OSError", *libc::__errno_location(), b"noexec");
            }
        }
        if let Some(f) = preexec {
            // Like CPython, the hook runs Python code in the child; that is
            // only as safe as what the hook itself does.
            if ops::call(ts, f, &[]).is_err() {
                report(errpipe_write, b"SubprocessError", 0, b"Exception occurred in preexec_fn.");
            }
        }
        if plan.close_fds {
            // Close everything from 3 up, skipping the descriptors to keep
            // (sorted ascending, as subprocess passes them).
            let mut lo: u32 = 3;
            for &k in &plan.fds_to_keep {
                let k = k as u32;
                if k < lo {
                    continue;
                }
                if k > lo {
                    close_span(lo, k - 1);
                }
                lo = k + 1;
            }
            close_span(lo, u32::MAX);
        }
        let mut saved = 0;
        for exe in exes {
            match envp {
                Some(e) => libc::execve(exe.as_ptr(), argv.as_ptr(), e.as_ptr()),
                None => libc::execv(exe.as_ptr(), argv.as_ptr()),
            };
            let e = *libc::__errno_location();
            if e != libc::ENOENT && e != libc::ENOTDIR && saved == 0 {
                saved = e;
            }
        }
        let code = if saved != 0 { saved } else { *libc::__errno_location() };
        report(errpipe_write, b"OSError", code, b"")
    }
}

/// Closes descriptors lo..=hi in the child.
///
/// # Safety
/// Async-signal-safe: close_range, or close in a loop bounded by the limit.
unsafe fn close_span(lo: u32, hi: u32) {
    // SAFETY: close_range takes plain integers; on kernels without it we
    // fall back to closing one by one up to the descriptor limit.
    unsafe {
        if libc::syscall(libc::SYS_close_range, lo, hi, 0) == 0 {
            return;
        }
        let max = libc::sysconf(libc::_SC_OPEN_MAX);
        let max = if max < 0 { 1024 } else { max as u64 };
        let mut fd = lo as u64;
        while fd <= hi as u64 && fd < max {
            libc::close(fd as i32);
            fd += 1;
        }
    }
}

fn fork_exec(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    if a.has_kwargs() {
        raise!(TypeError, "fork_exec() takes no keyword arguments");
    }
    let p = a.args;
    if p.len() != 22 {
        raise!(TypeError, "fork_exec() takes exactly 22 arguments ({} given)", p.len());
    }
    let argv_items: Vec<CString> = if is_none(&p[0]) {
        Vec::new()
    } else {
        ops::collect(ts, &p[0])?.iter().map(|v| fs_bytes(ts, v)).collect::<PyResult<_>>()?
    };
    let exes: Vec<CString> = ops::collect(ts, &p[1])?.iter().map(|v| fs_bytes(ts, v)).collect::<PyResult<_>>()?;
    let close_fds = ops::is_true(ts, &p[2])?;
    let mut fds_to_keep = Vec::new();
    for v in ops::collect(ts, &p[3])? {
        let fd = to_i64(ts, &v)?;
        if !(0..=i32::MAX as i64).contains(&fd) || fds_to_keep.last().is_some_and(|l| *l >= fd as i32) {
            raise!(ValueError, "bad value(s) in fds_to_keep");
        }
        fds_to_keep.push(fd as i32);
    }
    let cwd = if is_none(&p[4]) { None } else { Some(fs_bytes(ts, &p[4])?) };
    let env_items: Option<Vec<CString>> = if is_none(&p[5]) {
        None
    } else {
        Some(ops::collect(ts, &p[5])?.iter().map(|v| fs_bytes(ts, v)).collect::<PyResult<_>>()?)
    };
    let mut fds = [-1i32; 10];
    for (i, slot) in fds.iter_mut().enumerate().take(8) {
        *slot = to_i64(ts, &p[6 + i])? as i32;
    }
    let restore_signals = ops::is_true(ts, &p[14])?;
    let setsid = ops::is_true(ts, &p[15])?;
    let pgid = to_i64(ts, &p[16])?;
    let gid = opt_int(ts, &p[17])?;
    let groups = if is_none(&p[18]) {
        None
    } else {
        Some(ops::collect(ts, &p[18])?.iter().map(|g| to_i64(ts, g).map(|g| g as libc::gid_t)).collect::<PyResult<Vec<_>>>()?)
    };
    let uid = opt_int(ts, &p[19])?;
    let umask = to_i64(ts, &p[20])?;
    let preexec = if is_none(&p[21]) { None } else { Some(p[21].clone()) };
    if close_fds && fds[7] < 3 {
        raise!(ValueError, "errpipe_write must be >= 3");
    }
    let plan = Plan { fds, fds_to_keep, close_fds, cwd, restore_signals, setsid, pgid, gid, groups, uid, umask };
    let argv = ptr_array(&argv_items);
    let envp = env_items.as_ref().map(|e| ptr_array(e));
    // SAFETY: fork has no preconditions; the child only runs `child`,
    // whose contract (async-signal-safe calls on prepared data) holds.
    let pid = unsafe { libc::fork() };
    if pid == 0 {
        // SAFETY: we are the new child; all data was prepared above.
        unsafe { child(ts, &plan, &exes, &argv, envp.as_deref(), preexec.as_ref()) }
    }
    if pid < 0 {
        return Err(super::errno_err(None));
    }
    Ok(new_int(pid as i64))
}

const FUNCTIONS: &[(&str, NativeFnPtr)] = &[("fork_exec", fork_exec)];

pub(crate) fn init(_ts: &ThreadState) -> PyResult<Value> {
    Ok(spindle_vm::native::new_module("_posixsubprocess", FUNCTIONS))
}
