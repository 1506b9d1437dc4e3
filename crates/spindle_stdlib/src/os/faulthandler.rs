//! The `faulthandler` module: stack dumps on fatal signals (`enable`), on
//! demand (`dump_traceback`, `dump_c_stack`), after a timeout
//! (`dump_traceback_later`) and on user signals (`register`), in CPython's
//! format (`spindle_vm::frame_dump`).
//!
//! Soundness choices, free threads being what they are:
//! - A fatal signal's handler lists only the faulting thread (as CPython's
//!   free-threaded build does, which prints "<Cannot show all threads
//!   while the GIL is disabled>"): reading other running threads' frames
//!   from a signal handler would race with them.
//! - Dumps of every thread (`dump_traceback`, the timeout, a registered
//!   signal with `all_threads`) stop the world first. The timeout and
//!   signal ones are done by one helper thread with a thread state of its
//!   own (never listed), which looks for signals the handler flagged every
//!   50 ms; so those dumps come just after the signal, not inside it.
//!
//! The file objects given are kept alive in the interpreter's module state
//! while their descriptors are in use, as CPython keeps them.

use std::cell::UnsafeCell;
use std::sync::atomic::{AtomicBool, AtomicI32, AtomicU8, AtomicU64, Ordering};
use std::sync::{Condvar, Mutex, PoisonError};
use std::time::{Duration, Instant};

use spindle_vm::error::PyResult;
use spindle_vm::frame_dump;
use spindle_vm::function::{Args, NativeFnPtr};
use spindle_vm::interp::ThreadState;
use spindle_vm::num::{new_bool, new_int};
use spindle_vm::runtime::{is_none, none, rt};
use spindle_vm::signals::NSIG;
use spindle_vm::str::new_str;
use spindle_vm::value::Value;
use spindle_vm::{ops, raise};

use super::parse;

/// How long an all-threads dump waits for the other threads to stop.
const STOP_TIMEOUT: Duration = Duration::from_secs(2);

// ---------------------------------------------------------------------------
// Files

/// The descriptor to write to, as CPython's `faulthandler_get_fileno`:
/// `None` is `sys.stderr`, an int is a descriptor, else `file.fileno()`
/// (the file is flushed first). Returns the file object to keep alive.
fn get_fileno(ts: &ThreadState, file: Option<&Value>) -> PyResult<(i32, Option<Value>)> {
    let file = match file.filter(|f| !is_none(f)) {
        Some(f) => f.clone(),
        None => {
            let sys = super::import(ts, "sys")?;
            let Ok(err) = ops::getattr_str(ts, &sys, "stderr") else { raise!(RuntimeError, "lost sys.stderr") };
            if is_none(&err) {
                raise!(RuntimeError, "sys.stderr is None");
            }
            err
        }
    };
    if spindle_vm::num::is_int(&file) {
        if file.type_ref() == rt().types.bool_ {
            super::warn(ts, "RuntimeWarning", "bool is used as a file descriptor")?;
        }
        let fd = super::c_int(ts, &file)?;
        if fd < 0 {
            raise!(ValueError, "file is not a valid file descriptor");
        }
        return Ok((fd, None));
    }
    let r = ops::call_method(ts, &file, "fileno", &[])?;
    let fd = if spindle_vm::num::is_int(&r) { spindle_vm::num::int_to_i64(&r).unwrap_or(-1) } else { -1 };
    if !(0..i32::MAX as i64).contains(&fd) {
        raise!(RuntimeError, "file.fileno() is not a valid file descriptor");
    }
    // Flush errors are ignored, as CPython's.
    let _ = ops::call_method(ts, &file, "flush", &[]);
    Ok((fd as i32, Some(file)))
}

/// The dict in module state holding the files in use: "fatal", "later",
/// and each registered signal number.
fn files(ts: &ThreadState) -> Value {
    ts.interp.module_state("faulthandler.files", spindle_vm::builtins_init::new_dict)
}

fn keep_file(ts: &ThreadState, key: Value, file: Option<Value>) -> PyResult<()> {
    let d = files(ts);
    match file {
        Some(f) => ops::setitem(ts, &d, &key, f),
        None => {
            let _ = ops::call_method(ts, &d, "pop", &[key, none()])?;
            Ok(())
        }
    }
}

// ---------------------------------------------------------------------------
// Fatal signals

/// A handler slot written only under `CONFIG_LOCK` (by enable/disable) and
/// read by the signal handler of its signal.
struct SigactionCell(UnsafeCell<libc::sigaction>);

// SAFETY: written only with CONFIG_LOCK held while the handler for that
// signal is not installed by us, or by the handler itself on its own thread
// (restoring); CPython's handler races the same way.
unsafe impl Sync for SigactionCell {}

impl SigactionCell {
    const fn new() -> Self {
        // SAFETY: an all-zero sigaction is valid plain data (SIG_DFL).
        SigactionCell(UnsafeCell::new(unsafe { std::mem::zeroed() }))
    }
}

/// The fatal signals and their CPython names.
const FATAL: [(libc::c_int, &str); 5] = [
    (libc::SIGBUS, "Bus error"),
    (libc::SIGILL, "Illegal instruction"),
    (libc::SIGFPE, "Floating-point exception"),
    (libc::SIGABRT, "Aborted"),
    (libc::SIGSEGV, "Segmentation fault"),
];

static FATAL_ENABLED: AtomicBool = AtomicBool::new(false);
static FATAL_FD: AtomicI32 = AtomicI32::new(2);
static FATAL_ALL_THREADS: AtomicBool = AtomicBool::new(true);
static FATAL_C_STACK: AtomicBool = AtomicBool::new(true);
static FATAL_INSTALLED: [AtomicBool; 5] = [const { AtomicBool::new(false) }; 5];
static FATAL_PREVIOUS: [SigactionCell; 5] = [const { SigactionCell::new() }; 5];

/// Serialises the module's configuration changes (Python side only).
static CONFIG_LOCK: Mutex<()> = Mutex::new(());

/// Puts back the handler that was there before ours.
fn restore_fatal(i: usize) {
    if FATAL_INSTALLED[i].swap(false, Ordering::SeqCst) {
        // SAFETY: the saved action was filled by sigaction when ours was installed.
        unsafe { libc::sigaction(FATAL[i].0, FATAL_PREVIOUS[i].0.get(), std::ptr::null_mut()) };
    }
}

extern "C" fn fatal_handler(sig: libc::c_int) {
    // SAFETY (whole handler): only async-signal-safe work: atomics,
    // sigaction, write, raise, and the frame reads of
    // `dump_current_from_signal`; errno is kept for the interrupted code.
    unsafe {
        let saved = *libc::__errno_location();
        if !FATAL_ENABLED.load(Ordering::SeqCst) {
            return;
        }
        let i = FATAL.iter().position(|(s, _)| *s == sig).unwrap_or(FATAL.len() - 1);
        restore_fatal(i);
        let fd = FATAL_FD.load(Ordering::SeqCst);
        frame_dump::write_fd(fd, b"Fatal Python error: ");
        frame_dump::write_fd(fd, FATAL[i].1.as_bytes());
        frame_dump::write_fd(fd, b"\n\n");
        if FATAL_ALL_THREADS.load(Ordering::SeqCst) {
            frame_dump::write_fd(fd, b"<Cannot show all threads while the GIL is disabled>\n");
        }
        frame_dump::dump_current_from_signal(fd);
        if FATAL_C_STACK.load(Ordering::SeqCst) {
            frame_dump::write_fd(fd, b"\n");
            dump_c_stack(fd);
        }
        *libc::__errno_location() = saved;
        // The previous handler runs now (SA_NODEFER), or the fault repeats
        // when we return and reaches it.
        libc::raise(sig);
        // Rust's own SIGSEGV/SIGBUS handler (stack-overflow detection)
        // answers a fault outside a guard page by restoring the default
        // action and returning, counting on the instruction faulting
        // again; a raised signal does not, so raise it once more.
        let mut now: libc::sigaction = std::mem::zeroed();
        if libc::sigaction(sig, std::ptr::null(), &mut now) == 0 && now.sa_sigaction == libc::SIG_DFL {
            libc::raise(sig);
        }
    }
}

/// `Current thread's C stack trace` as CPython's `_Py_DumpStack`:
/// `backtrace` and `dladdr` (which glibc answers without allocating once
/// `backtrace` has been called once, as `enable` does).
fn dump_c_stack(fd: i32) {
    frame_dump::write_fd(fd, b"Current thread's C stack trace (most recent call first):\n");
    let mut stack = [std::ptr::null_mut::<libc::c_void>(); 32];
    // SAFETY: stack is a writable array of the length given.
    let n = unsafe { libc::backtrace(stack.as_mut_ptr(), stack.len() as libc::c_int) };
    if n <= 0 {
        frame_dump::write_fd(fd, b"  <system returned no stack trace>\n");
        return;
    }
    for &addr in &stack[..n as usize] {
        // SAFETY: Dl_info is plain data that dladdr fills.
        let mut info: libc::Dl_info = unsafe { std::mem::zeroed() };
        // SAFETY: info is a valid out-pointer; addr is only looked up.
        let found = unsafe { libc::dladdr(addr, &mut info) } != 0;
        let c_str = |p: *const libc::c_char| -> &[u8] {
            if p.is_null() {
                return b"";
            }
            // SAFETY: dladdr's strings are NUL-terminated and live as long as the object.
            unsafe { std::ffi::CStr::from_ptr(p) }.to_bytes()
        };
        let fname = c_str(info.dli_fname);
        if !found || fname.is_empty() {
            frame_dump::write_fd(fd, b"  Binary file '<unknown>' [0x");
            frame_dump::write_hex(fd, addr as u64, 1);
            frame_dump::write_fd(fd, b"]\n");
            continue;
        }
        let base = if info.dli_sname.is_null() { info.dli_fbase } else { info.dli_saddr };
        frame_dump::write_fd(fd, b"  Binary file \"");
        frame_dump::write_fd(fd, fname);
        if info.dli_sname.is_null() && base.is_null() {
            frame_dump::write_fd(fd, b"\" [0x");
        } else {
            let (sign, offset) =
                if addr as usize >= base as usize { (b'+', addr as usize - base as usize) } else { (b'-', base as usize - addr as usize) };
            frame_dump::write_fd(fd, b"\", at ");
            frame_dump::write_fd(fd, c_str(info.dli_sname));
            frame_dump::write_fd(fd, &[sign]);
            frame_dump::write_fd(fd, b"0x");
            frame_dump::write_hex(fd, offset as u64, 1);
            frame_dump::write_fd(fd, b" [0x");
        }
        frame_dump::write_hex(fd, addr as u64, 1);
        frame_dump::write_fd(fd, b"]\n");
    }
    if n as usize == stack.len() {
        frame_dump::write_fd(fd, b"  <truncated rest of calls>\n");
    }
}

/// Installs the fatal-signal handlers (once); the OSError's errno on failure.
fn install_fatal() -> Result<(), i32> {
    if FATAL_ENABLED.swap(true, Ordering::SeqCst) {
        return Ok(());
    }
    // Loads what backtrace needs now, not inside a handler.
    let mut probe = [std::ptr::null_mut::<libc::c_void>(); 1];
    // SAFETY: probe is a writable array of length 1.
    unsafe { libc::backtrace(probe.as_mut_ptr(), 1) };
    for (i, (sig, _)) in FATAL.iter().enumerate() {
        // SAFETY: sigaction is plain data; all-zero is a valid start.
        let mut act: libc::sigaction = unsafe { std::mem::zeroed() };
        act.sa_sigaction = fatal_handler as extern "C" fn(libc::c_int) as usize;
        // On the thread's alternate stack (Rust's threads have one), so a
        // stack overflow can still be reported.
        act.sa_flags = libc::SA_NODEFER | libc::SA_ONSTACK;
        // SAFETY: act is initialised; the previous action is saved into our cell.
        let r = unsafe {
            libc::sigemptyset(&mut act.sa_mask);
            libc::sigaction(*sig, &act, FATAL_PREVIOUS[i].0.get())
        };
        if r != 0 {
            return Err(super::last_errno());
        }
        FATAL_INSTALLED[i].store(true, Ordering::SeqCst);
    }
    Ok(())
}

fn uninstall_fatal() {
    if FATAL_ENABLED.swap(false, Ordering::SeqCst) {
        for i in 0..FATAL.len() {
            restore_fatal(i);
        }
    }
}

/// Turns the fatal-signal dumps on, writing to `fd` (start-up's `-X
/// faulthandler` / PYTHONFAULTHANDLER and `enable()`).
fn enable_with(ts: &ThreadState, fd: i32, file: Option<Value>, all_threads: bool, c_stack: bool) -> PyResult<()> {
    let _g = CONFIG_LOCK.lock().unwrap_or_else(PoisonError::into_inner);
    keep_file(ts, new_str("fatal"), file)?;
    FATAL_FD.store(fd, Ordering::SeqCst);
    FATAL_ALL_THREADS.store(all_threads, Ordering::SeqCst);
    FATAL_C_STACK.store(c_stack, Ordering::SeqCst);
    if let Err(code) = install_fatal() {
        let exc = spindle_vm::exceptions::new_exception(rt().exc.RuntimeError, vec![new_int(code as i64), new_str(&super::strerror(code))]);
        return Err(spindle_vm::error::PyErr(exc));
    }
    Ok(())
}

/// Start-up's `-X faulthandler` / PYTHONFAULTHANDLER: `enable()` on stderr.
pub(crate) fn enable_at_startup(ts: &ThreadState) -> PyResult<()> {
    let (fd, file) = get_fileno(ts, None)?;
    enable_with(ts, fd, file, true, true)
}

fn f_enable(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let [file, all_threads, c_stack] = parse("enable", a, ["file", "all_threads", "c_stack"], 0)?;
    let all_threads = super::truthy(ts, &all_threads, true)?;
    let c_stack = super::truthy(ts, &c_stack, true)?;
    let (fd, file) = get_fileno(ts, file.as_ref())?;
    enable_with(ts, fd, file, all_threads, c_stack)?;
    Ok(none())
}

fn f_disable(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    super::positional_only("faulthandler.disable", "disable", a, 0, 0)?;
    let _g = CONFIG_LOCK.lock().unwrap_or_else(PoisonError::into_inner);
    let was = FATAL_ENABLED.load(Ordering::SeqCst);
    uninstall_fatal();
    keep_file(ts, new_str("fatal"), None)?;
    Ok(new_bool(was))
}

fn f_is_enabled(_ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    super::positional_only("faulthandler.is_enabled", "is_enabled", a, 0, 0)?;
    Ok(new_bool(FATAL_ENABLED.load(Ordering::SeqCst)))
}

// ---------------------------------------------------------------------------
// On demand

fn f_dump_traceback(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let [file, all_threads] = parse("dump_traceback", a, ["file", "all_threads"], 0)?;
    let all_threads = super::truthy(ts, &all_threads, true)?;
    let (fd, _file) = get_fileno(ts, file.as_ref())?;
    if all_threads {
        // SAFETY: pthread_self cannot fail.
        let me = unsafe { libc::pthread_self() } as u64;
        let helper = HELPER_THREAD.load(Ordering::SeqCst);
        if let Err(msg) = frame_dump::dump_all_threads(ts, fd, me, helper, STOP_TIMEOUT) {
            raise!(RuntimeError, "{}", msg);
        }
    } else {
        frame_dump::dump_this_thread(ts, fd, true);
    }
    spindle_vm::signals::check(ts)?;
    Ok(none())
}

fn f_dump_c_stack(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let [file] = parse("dump_c_stack", a, ["file"], 0)?;
    let (fd, _file) = get_fileno(ts, file.as_ref())?;
    dump_c_stack(fd);
    spindle_vm::signals::check(ts)?;
    Ok(none())
}

// ---------------------------------------------------------------------------
// The helper thread: timeouts and user signals

/// A pending `dump_traceback_later`.
struct Later {
    deadline: Instant,
    interval: Duration,
    repeat: bool,
    exit: bool,
    fd: i32,
    header: String,
}

struct Helper {
    /// The process the helper thread runs in (0: none yet); a forked child
    /// has no helper thread and starts its own.
    pid: libc::pid_t,
    later: Option<Later>,
    /// Bumped by every (re)arm or cancel, so a dump that was due under an
    /// older arming is dropped.
    generation: u64,
}

static HELPER: Mutex<Helper> = Mutex::new(Helper { pid: 0, later: None, generation: 0 });
static HELPER_CV: Condvar = Condvar::new();
/// The helper thread's id, left out of every listing.
static HELPER_THREAD: AtomicU64 = AtomicU64::new(0);
/// Held by the helper while it dumps, so `cancel_dump_traceback_later`
/// returns only once a dump in progress is over.
static DUMPING: Mutex<()> = Mutex::new(());

/// Registered user signals: their settings, read by the signal handler.
static USER_ENABLED: [AtomicBool; NSIG] = [const { AtomicBool::new(false) }; NSIG];
static USER_FD: [AtomicI32; NSIG] = [const { AtomicI32::new(2) }; NSIG];
static USER_ALL_THREADS: [AtomicBool; NSIG] = [const { AtomicBool::new(true) }; NSIG];
static USER_CHAIN: [AtomicBool; NSIG] = [const { AtomicBool::new(false) }; NSIG];
static USER_PREVIOUS: [SigactionCell; NSIG] = [const { SigactionCell::new() }; NSIG];
/// Signals whose all-threads dump the helper owes (set by the handler).
static USER_PENDING: [AtomicU8; NSIG] = [const { AtomicU8::new(0) }; NSIG];
/// The thread each flagged signal landed on (shown as "Current thread").
static USER_RECEIVER: [AtomicU64; NSIG] = [const { AtomicU64::new(0) }; NSIG];
/// How often the helper looks for flagged signals (a signal handler cannot
/// wake a condition variable).
const SIGNAL_POLL: Duration = Duration::from_millis(50);

/// Starts the helper thread once; it lives for the rest of the process.
fn ensure_helper(ts: &ThreadState) -> PyResult<()> {
    let mut h = HELPER.lock().unwrap_or_else(PoisonError::into_inner);
    // SAFETY: getpid cannot fail.
    let pid = unsafe { libc::getpid() };
    if h.pid == pid {
        return Ok(());
    }
    let interp = ts.interp.clone();
    let spawned = std::thread::Builder::new().name("faulthandler".into()).stack_size(1 << 20).spawn(move || {
        // No signal for this thread: they belong to the program's threads.
        // SAFETY: a filled set; blocking signals here has no other effect.
        unsafe {
            let mut set: libc::sigset_t = std::mem::zeroed();
            libc::sigfillset(&mut set);
            libc::pthread_sigmask(libc::SIG_SETMASK, &set, std::ptr::null_mut());
        }
        let ts = ThreadState::new(interp, 768 << 10);
        helper_loop(&ts);
    });
    if spawned.is_err() {
        raise!(RuntimeError, "unable to start watchdog thread");
    }
    h.pid = pid;
    Ok(())
}

/// Waits (detached) for a deadline or a user signal and does the dumps.
/// Touches no Python object: only frames and code data, world stopped.
fn helper_loop(ts: &ThreadState) {
    // SAFETY: pthread_self cannot fail.
    let me = unsafe { libc::pthread_self() } as u64;
    HELPER_THREAD.store(me, Ordering::SeqCst);
    loop {
        let (due, generation) = ts.detached(|| {
            let mut h = HELPER.lock().unwrap_or_else(PoisonError::into_inner);
            loop {
                if USER_PENDING.iter().any(|p| p.load(Ordering::SeqCst) != 0) {
                    return (false, h.generation);
                }
                let now = Instant::now();
                let wait = match &h.later {
                    Some(l) if l.deadline <= now => return (true, h.generation),
                    Some(l) => (l.deadline - now).min(SIGNAL_POLL),
                    None => SIGNAL_POLL,
                };
                h = HELPER_CV.wait_timeout(h, wait).unwrap_or_else(PoisonError::into_inner).0;
            }
        });
        let _dumping = ts.detached(|| DUMPING.lock().unwrap_or_else(PoisonError::into_inner));
        if due {
            let job = {
                let mut h = HELPER.lock().unwrap_or_else(PoisonError::into_inner);
                if h.generation != generation {
                    continue;
                }
                match h.later.take() {
                    Some(l) => {
                        let job = (l.fd, l.header.clone(), l.exit);
                        if l.repeat {
                            h.later = Some(Later { deadline: Instant::now() + l.interval, ..l });
                        }
                        job
                    }
                    None => continue,
                }
            };
            let (fd, header, exit) = job;
            frame_dump::write_fd(fd, header.as_bytes());
            if let Err(msg) = frame_dump::dump_all_threads(ts, fd, 0, me, STOP_TIMEOUT) {
                frame_dump::write_fd(fd, b"<");
                frame_dump::write_fd(fd, msg.as_bytes());
                frame_dump::write_fd(fd, b">\n");
            }
            if exit {
                // SAFETY: _exit ends the process at once, as CPython's watchdog does.
                unsafe { libc::_exit(1) };
            }
        }
        for sig in 1..NSIG {
            if USER_PENDING[sig].swap(0, Ordering::SeqCst) != 0 && USER_ENABLED[sig].load(Ordering::SeqCst) {
                let fd = USER_FD[sig].load(Ordering::SeqCst);
                let receiver = USER_RECEIVER[sig].load(Ordering::SeqCst);
                if let Err(msg) = frame_dump::dump_all_threads(ts, fd, receiver, me, STOP_TIMEOUT) {
                    frame_dump::write_fd(fd, b"<");
                    frame_dump::write_fd(fd, msg.as_bytes());
                    frame_dump::write_fd(fd, b">\n");
                }
            }
        }
    }
}

/// `Timeout (H:MM:SS[.ffffff])!` as CPython's `format_timeout`.
fn format_timeout(us: u64) -> String {
    let (mut sec, frac) = (us / 1_000_000, us % 1_000_000);
    let min = sec / 60;
    sec %= 60;
    let (hour, min) = (min / 60, min % 60);
    if frac != 0 { format!("Timeout ({hour}:{min:02}:{sec:02}.{frac:06})!\n") } else { format!("Timeout ({hour}:{min:02}:{sec:02})!\n") }
}

/// A timeout in seconds (int or float) as whole microseconds, rounded up.
fn timeout_us(ts: &ThreadState, v: &Value) -> PyResult<i64> {
    let secs = if let Some(f) = spindle_vm::num::float_value(v) {
        if f.is_nan() {
            raise!(ValueError, "Invalid value NaN (not a number)");
        }
        f
    } else {
        let Ok(i) = ops::index(ts, v) else {
            raise!(TypeError, "'{}' object cannot be interpreted as an integer or float", ops::type_name(v));
        };
        match spindle_vm::num::int_to_i64(&i) {
            Some(x) => x as f64,
            None => raise!(OverflowError, "timeout value is too large"),
        }
    };
    let us = (secs * 1e6).ceil();
    if us <= 0.0 {
        raise!(ValueError, "timeout must be greater than 0");
    }
    if us >= (i64::MAX / 1000) as f64 {
        raise!(OverflowError, "timeout value is too large");
    }
    Ok(us as i64)
}

fn f_dump_traceback_later(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let [timeout, repeat, file, exit] = parse("dump_traceback_later", a, ["timeout", "repeat", "file", "exit"], 1)?;
    let us = timeout_us(ts, &timeout.unwrap_or_else(none))?;
    let repeat = match &repeat {
        Some(v) => super::c_int(ts, v)? != 0,
        None => false,
    };
    let exit = match &exit {
        Some(v) => super::c_int(ts, v)? != 0,
        None => false,
    };
    let (fd, file) = get_fileno(ts, file.as_ref())?;
    ensure_helper(ts)?;
    cancel_later(ts);
    keep_file(ts, new_str("later"), file)?;
    let interval = Duration::from_micros(us as u64);
    let mut h = HELPER.lock().unwrap_or_else(PoisonError::into_inner);
    h.generation += 1;
    h.later = Some(Later { deadline: Instant::now() + interval, interval, repeat, exit, fd, header: format_timeout(us as u64) });
    HELPER_CV.notify_all();
    Ok(none())
}

/// Disarms the timeout and waits out a dump in progress.
fn cancel_later(ts: &ThreadState) {
    {
        let mut h = HELPER.lock().unwrap_or_else(PoisonError::into_inner);
        h.generation += 1;
        h.later = None;
    }
    drop(ts.detached(|| DUMPING.lock().unwrap_or_else(PoisonError::into_inner)));
}

fn f_cancel_dump_traceback_later(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    super::positional_only("faulthandler.cancel_dump_traceback_later", "cancel_dump_traceback_later", a, 0, 0)?;
    cancel_later(ts);
    keep_file(ts, new_str("later"), None)?;
    Ok(none())
}

extern "C" fn user_handler(sig: libc::c_int) {
    // SAFETY (whole handler): atomics, write, sigaction and raise only, plus
    // `dump_current_from_signal`; errno is kept for the interrupted code.
    unsafe {
        let saved = *libc::__errno_location();
        let Some(i) = usize::try_from(sig).ok().filter(|&s| s < NSIG) else { return };
        if !USER_ENABLED[i].load(Ordering::SeqCst) {
            return;
        }
        if USER_ALL_THREADS[i].load(Ordering::SeqCst) {
            USER_RECEIVER[i].store(libc::pthread_self() as u64, Ordering::SeqCst);
            USER_PENDING[i].store(1, Ordering::SeqCst);
        } else {
            frame_dump::dump_current_from_signal(USER_FD[i].load(Ordering::SeqCst));
        }
        if USER_CHAIN[i].load(Ordering::SeqCst) {
            libc::sigaction(sig, USER_PREVIOUS[i].0.get(), std::ptr::null_mut());
            *libc::__errno_location() = saved;
            libc::raise(sig);
            let _ = install_user(sig, true, false);
        }
        *libc::__errno_location() = saved;
    }
}

/// Installs `user_handler` for `sig`, saving the previous action when `save`.
fn install_user(sig: libc::c_int, chain: bool, save: bool) -> libc::c_int {
    // SAFETY: sigaction is plain data; all-zero is a valid start.
    let mut act: libc::sigaction = unsafe { std::mem::zeroed() };
    act.sa_sigaction = user_handler as extern "C" fn(libc::c_int) as usize;
    act.sa_flags = libc::SA_ONSTACK | if chain { libc::SA_NODEFER } else { libc::SA_RESTART };
    let prev = if save { USER_PREVIOUS[sig as usize].0.get() } else { std::ptr::null_mut() };
    // SAFETY: act is initialised; prev is null or our cell for this signal.
    unsafe {
        libc::sigemptyset(&mut act.sa_mask);
        libc::sigaction(sig, &act, prev)
    }
}

fn check_signum(signum: i32) -> PyResult<usize> {
    if FATAL.iter().any(|(s, _)| *s == signum) {
        raise!(RuntimeError, "signal {} cannot be registered, use enable() instead", signum);
    }
    match usize::try_from(signum) {
        Ok(s) if (1..NSIG).contains(&s) => Ok(s),
        _ => raise!(ValueError, "signal number out of range"),
    }
}

fn f_register(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let [signum, file, all_threads, chain] = parse("register", a, ["signum", "file", "all_threads", "chain"], 1)?;
    let signum = super::c_int(ts, &signum.unwrap_or_else(none))?;
    let sig = check_signum(signum)?;
    let all_threads = super::truthy(ts, &all_threads, true)?;
    let chain = super::truthy(ts, &chain, false)?;
    let (fd, file) = get_fileno(ts, file.as_ref())?;
    if all_threads {
        ensure_helper(ts)?;
    }
    let _g = CONFIG_LOCK.lock().unwrap_or_else(PoisonError::into_inner);
    if !USER_ENABLED[sig].load(Ordering::SeqCst) && install_user(signum, chain, true) != 0 {
        return Err(super::errno_err(None));
    }
    keep_file(ts, new_int(signum as i64), file)?;
    USER_FD[sig].store(fd, Ordering::SeqCst);
    USER_ALL_THREADS[sig].store(all_threads, Ordering::SeqCst);
    USER_CHAIN[sig].store(chain, Ordering::SeqCst);
    USER_ENABLED[sig].store(true, Ordering::SeqCst);
    Ok(none())
}

fn f_unregister(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let args = super::positional_only("faulthandler.unregister", "unregister", a, 1, 1)?;
    let signum = super::c_int(ts, &args[0])?;
    let sig = check_signum(signum)?;
    let _g = CONFIG_LOCK.lock().unwrap_or_else(PoisonError::into_inner);
    if !USER_ENABLED[sig].swap(false, Ordering::SeqCst) {
        return Ok(new_bool(false));
    }
    // SAFETY: the saved action was filled when ours was installed.
    unsafe { libc::sigaction(signum, USER_PREVIOUS[sig].0.get(), std::ptr::null_mut()) };
    keep_file(ts, new_int(signum as i64), None)?;
    Ok(new_bool(true))
}

// ---------------------------------------------------------------------------
// Test helpers CPython's test suite uses

fn suppress_crash_report() {
    let mut rl = libc::rlimit { rlim_cur: 0, rlim_max: 0 };
    // SAFETY: rl is a valid in/out rlimit.
    unsafe {
        if libc::getrlimit(libc::RLIMIT_CORE, &mut rl) == 0 {
            rl.rlim_cur = 0;
            libc::setrlimit(libc::RLIMIT_CORE, &rl);
        }
    }
}

fn f_sigsegv(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let [release_gil] = parse("_sigsegv", a, ["release_gil"], 0)?;
    let release = super::truthy(ts, &release_gil, false)?;
    suppress_crash_report();
    // SAFETY: raising a signal; the handlers decide what happens.
    let raise = || unsafe { libc::raise(libc::SIGSEGV) };
    if release {
        ts.detached(raise);
    } else {
        raise();
    }
    Ok(none())
}

fn f_sigabrt(_ts: &ThreadState, _a: Args<'_>) -> PyResult<Value> {
    suppress_crash_report();
    std::process::abort()
}

fn f_sigfpe(_ts: &ThreadState, _a: Args<'_>) -> PyResult<Value> {
    suppress_crash_report();
    // SAFETY: raising a signal; the handlers decide what happens.
    unsafe { libc::raise(libc::SIGFPE) };
    Ok(none())
}

const FUNCTIONS: &[(&str, NativeFnPtr)] = &[
    ("enable", f_enable),
    ("disable", f_disable),
    ("is_enabled", f_is_enabled),
    ("dump_traceback", f_dump_traceback),
    ("dump_c_stack", f_dump_c_stack),
    ("dump_traceback_later", f_dump_traceback_later),
    ("cancel_dump_traceback_later", f_cancel_dump_traceback_later),
    ("register", f_register),
    ("unregister", f_unregister),
    ("_sigsegv", f_sigsegv),
    ("_sigabrt", f_sigabrt),
    ("_sigfpe", f_sigfpe),
];

pub(crate) fn init(_ts: &ThreadState) -> PyResult<Value> {
    let m = spindle_vm::native::new_module("faulthandler", FUNCTIONS);
    spindle_vm::native::add_value(&m, "__doc__", new_str("faulthandler module."));
    Ok(m)
}
