//! Process functions of `posix` beyond the basics in posix.rs: `system`,
//! `execv`/`execve`, `setsid`, `pipe2` and the CPU affinity calls
//! (`sched_getaffinity`/`sched_setaffinity`, which `os.process_cpu_count`
//! and `multiprocessing` read).

use std::ffi::CString;

use spindle_vm::error::PyResult;
use spindle_vm::function::Args;
use spindle_vm::interp::ThreadState;
use spindle_vm::num::new_int;
use spindle_vm::runtime::none;
use spindle_vm::seq::new_tuple;
use spindle_vm::str::as_str;
use spindle_vm::value::Value;
use spindle_vm::{err, ops, raise};

use super::{errno_err, last_errno, parse, to_i64};

/// A str, bytes or os.PathLike argument as a C string (CPython's
/// FSConverter).
fn fs_cstring(ts: &ThreadState, v: &Value) -> PyResult<CString> {
    let p = super::fspath(ts, v)?;
    let b = match as_str(&p) {
        Some(s) => super::encode_fs(s),
        None => super::buffer_bytes(ts, &p)?,
    };
    CString::new(b).map_err(|_| err!(ValueError, "embedded null byte"))
}

/// Positional-only arguments: exactly `n` of them.
fn exactly<'a>(fname: &str, a: &Args<'a>, n: usize) -> PyResult<&'a [Value]> {
    if a.has_kwargs() {
        raise!(TypeError, "{}() takes no keyword arguments", fname);
    }
    if a.args.len() != n {
        let s = if n == 1 { "" } else { "s" };
        raise!(TypeError, "{}() takes exactly {} argument{} ({} given)", fname, n, s, a.args.len());
    }
    Ok(a.args)
}

/// `system(command)`: runs `command` with `/bin/sh -c` and returns its
/// wait status (or -1 if the shell could not be run).
pub(crate) fn system(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let [command] = parse("system", a, ["command"], 1)?;
    let c = fs_cstring(ts, &command.unwrap_or_else(none))?;
    // SAFETY: c is NUL-terminated. Detached while the command runs: the
    // call touches only the C string.
    let status = ts.detached(|| unsafe { libc::system(c.as_ptr()) });
    Ok(new_int(i64::from(status)))
}

/// The arguments of an exec: a non-empty tuple or list whose first item
/// is not empty.
fn exec_argv(ts: &ThreadState, fname: &str, v: &Value) -> PyResult<Vec<CString>> {
    let r = spindle_vm::runtime::rt();
    let t = v.type_ref();
    if !(t.is_subtype(r.types.tuple) || t.is_subtype(r.types.list)) {
        raise!(TypeError, "{}() arg 2 must be a tuple or list", fname);
    }
    let items = ops::collect(ts, v)?;
    if items.is_empty() {
        if fname == "execv" {
            raise!(ValueError, "execv() arg 2 must not be empty");
        }
        raise!(ValueError, "execve: argv must not be empty");
    }
    let argv: Vec<CString> = items.iter().map(|i| fs_cstring(ts, i)).collect::<PyResult<_>>()?;
    if argv[0].as_bytes().is_empty() {
        if fname == "execv" {
            raise!(ValueError, "execv() arg 2 first element cannot be empty");
        }
        raise!(ValueError, "execve: argv first element cannot be empty");
    }
    Ok(argv)
}

/// A NULL-terminated array of pointers into `items` (which must outlive it).
fn ptr_array(items: &[CString]) -> Vec<*const libc::c_char> {
    items.iter().map(|c| c.as_ptr()).chain(std::iter::once(std::ptr::null())).collect()
}

/// `execv(path, argv, /)`: replaces the process; returns only by raising.
pub(crate) fn execv(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let args = exactly("execv", &a, 2)?;
    let path = fs_cstring(ts, &args[0])?;
    let argv = exec_argv(ts, "execv", &args[1])?;
    let ptrs = ptr_array(&argv);
    // SAFETY: path and the argv array are NUL-terminated and outlive the call.
    unsafe { libc::execv(path.as_ptr(), ptrs.as_ptr()) };
    Err(errno_err(None))
}

/// `execve(path, argv, env)`: as `execv`, with the environment `env` (a
/// mapping of str or bytes).
pub(crate) fn execve(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let [path, argv, env] = parse("execve", a, ["path", "argv", "env"], 3)?;
    let (path, argv, env) = (path.unwrap_or_else(none), argv.unwrap_or_else(none), env.unwrap_or_else(none));
    let path_c = fs_cstring(ts, &path)?;
    let argv = exec_argv(ts, "execve", &argv)?;
    let keys_fn = ops::getattr_str(ts, &env, "keys").map_err(|_| err!(TypeError, "execve: environment must be a mapping object"))?;
    let mut envp = Vec::new();
    for k in ops::collect(ts, &ops::call(ts, &keys_fn, &[])?)? {
        let v = ops::getitem(ts, &env, &k)?;
        let mut entry = fs_cstring(ts, &k)?.into_bytes();
        if entry.is_empty() || entry.contains(&b'=') {
            raise!(ValueError, "illegal environment variable name");
        }
        entry.push(b'=');
        entry.extend_from_slice(fs_cstring(ts, &v)?.as_bytes());
        envp.push(CString::new(entry).map_err(|_| err!(ValueError, "embedded null byte"))?);
    }
    let argv_ptrs = ptr_array(&argv);
    let env_ptrs = ptr_array(&envp);
    // SAFETY: path and both arrays are NUL-terminated and outlive the call.
    unsafe { libc::execve(path_c.as_ptr(), argv_ptrs.as_ptr(), env_ptrs.as_ptr()) };
    Err(super::os_error(last_errno(), Some(&path), None))
}

/// `setsid()`: makes the process a session leader.
pub(crate) fn setsid(_ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    exactly("setsid", &a, 0)?;
    // SAFETY: no arguments.
    if unsafe { libc::setsid() } < 0 {
        return Err(errno_err(None));
    }
    Ok(none())
}

/// `pipe2(flags, /)`: a pipe (read end, write end) opened with `flags`
/// (O_NONBLOCK, O_CLOEXEC).
pub(crate) fn pipe2(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let args = exactly("pipe2", &a, 1)?;
    let flags = to_i64(ts, &args[0])? as libc::c_int;
    let mut fds = [0i32; 2];
    // SAFETY: fds is a valid array of two ints.
    if unsafe { libc::pipe2(fds.as_mut_ptr(), flags) } < 0 {
        return Err(errno_err(None));
    }
    Ok(new_tuple(vec![new_int(i64::from(fds[0])), new_int(i64::from(fds[1]))]))
}

/// The largest CPU set we ask the kernel for, in 64-bit words (2^20 CPUs).
const MAX_MASK_WORDS: usize = 1 << 14;

/// `sched_getaffinity(pid, /)`: the set of CPUs `pid` (0: this process)
/// may run on.
pub(crate) fn sched_getaffinity(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let args = exactly("sched_getaffinity", &a, 1)?;
    let pid = to_i64(ts, &args[0])? as libc::pid_t;
    // The kernel refuses (EINVAL) a mask smaller than its own: grow until it fits.
    let mut words = 16;
    let mask = loop {
        let mut mask = vec![0u64; words];
        // SAFETY: the buffer holds `words * 8` bytes, the size passed.
        let r = unsafe { libc::syscall(libc::SYS_sched_getaffinity, pid, words * 8, mask.as_mut_ptr()) };
        if r >= 0 {
            break mask;
        }
        if last_errno() != libc::EINVAL || words >= MAX_MASK_WORDS {
            return Err(errno_err(None));
        }
        words *= 2;
    };
    let mut cpus = Vec::new();
    for (w, bits) in mask.iter().enumerate() {
        for b in 0..64 {
            if bits & (1u64 << b) != 0 {
                cpus.push(new_int((w * 64 + b) as i64));
            }
        }
    }
    spindle_vm::builtins_init::new_set(ts, cpus)
}

/// `sched_setaffinity(pid, mask, /)`: restricts `pid` (0: this process)
/// to the CPUs in the iterable `mask`.
pub(crate) fn sched_setaffinity(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let args = exactly("sched_setaffinity", &a, 2)?;
    let pid = to_i64(ts, &args[0])? as libc::pid_t;
    let mut mask = vec![0u64; 16];
    for item in ops::collect(ts, &args[1])? {
        if spindle_vm::num::int_to_big(&item).is_none() {
            let ty = ops::repr_string(ts, &item.type_ref().to_value())?;
            raise!(TypeError, "expected an iterator of ints, but iterator yielded {}", ty);
        }
        let cpu = match spindle_vm::num::int_to_i64(&item) {
            Some(c) if c < 0 => raise!(ValueError, "negative CPU number"),
            Some(c) if c <= i64::from(i32::MAX - 1) => c as usize,
            Some(_) => raise!(OverflowError, "CPU number too large"),
            None => raise!(OverflowError, "Python int too large to convert to C long"),
        };
        let word = cpu / 64;
        if word >= mask.len() {
            let extra = word + 1 - mask.len();
            spindle_vm::memory::reserve(&mut mask, extra)?;
            mask.resize(word + 1, 0);
        }
        mask[word] |= 1u64 << (cpu % 64);
    }
    // SAFETY: the buffer holds `mask.len() * 8` bytes, the size passed.
    let r = unsafe { libc::syscall(libc::SYS_sched_setaffinity, pid, mask.len() * 8, mask.as_ptr()) };
    if r < 0 {
        return Err(errno_err(None));
    }
    Ok(none())
}
