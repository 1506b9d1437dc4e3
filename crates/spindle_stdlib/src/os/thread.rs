//! The `_thread` module with real OS threads: each new thread gets its own
//! `ThreadState` on a 64 MiB stack. Locks (`lock`, `RLock`) are native and
//! block on a condition variable, releasable from any thread as in CPython.
//! Thread handles and `start_joinable_thread` are a little Python (`PY_SRC`)
//! over the native `_spawn`, which runs a callable on a new thread and
//! returns its ident.

use std::sync::{Arc, OnceLock};
use std::sync::atomic::{AtomicBool, AtomicI64, AtomicU32, AtomicU64, Ordering};
use std::time::{Duration, Instant};

use spindle_vm::wait::{WaitCondvar, WaitMutex};
use spindle_vm::error::PyResult;
use spindle_vm::function::{Args, NativeFnPtr};
use spindle_vm::interp::ThreadState;
use spindle_vm::num::{new_bool, new_float, new_int};
use spindle_vm::object::{PyPayload, TypeRef};
use spindle_vm::runtime::none;
use spindle_vm::str::new_str;
use spindle_vm::value::Value;
use spindle_vm::{ops, raise};

use super::parse;

const TIMEOUT_MAX: f64 = 9223372036.0;

static LOCK_TYPE: OnceLock<TypeRef> = OnceLock::new();
static RLOCK_TYPE: OnceLock<TypeRef> = OnceLock::new();
static LOCAL_TYPE: OnceLock<TypeRef> = OnceLock::new();
static MAIN_IDENT: AtomicU64 = AtomicU64::new(0);
static THREAD_COUNT: AtomicI64 = AtomicI64::new(0);

/// The current thread's identifier (pthread_self, as CPython).
pub(crate) fn current_ident() -> u64 {
    // SAFETY: pthread_self cannot fail.
    unsafe { libc::pthread_self() as u64 }
}

fn ident_value(i: u64) -> Value {
    match i64::try_from(i) {
        Ok(v) => new_int(v),
        Err(_) => spindle_vm::num::new_bigint(num_bigint::BigInt::from(i)),
    }
}

/// The state shared by `lock` and `RLock`: whether the lock is held, as one
/// atomic flag (taking a free lock is one CAS, `locked()` one load, releasing
/// one swap), plus a sleeping place for blocked acquirers. A release takes
/// `sleep` (to wake one) only when `sleepers` says someone may be asleep.
///
/// No wake-up is lost: a sleeper counts itself in `sleepers` and then retries
/// the CAS while holding `sleep` (all SeqCst), and a releaser clears `held`
/// and then reads `sleepers` (SeqCst): either the sleeper's retry sees the
/// lock free, or the releaser sees the sleeper and notifies under `sleep`,
/// which the sleeper holds until it is waiting on `cond`.
pub(crate) struct RawLock {
    held: AtomicBool,
    sleepers: AtomicU32,
    sleep: WaitMutex<()>,
    cond: WaitCondvar,
}

impl RawLock {
    fn new() -> RawLock {
        RawLock { held: AtomicBool::new(false), sleepers: AtomicU32::new(0), sleep: WaitMutex::new(()), cond: WaitCondvar::new() }
    }

    #[inline]
    fn try_acquire(&self) -> bool {
        self.held.compare_exchange(false, true, Ordering::SeqCst, Ordering::Relaxed).is_ok()
    }

    #[inline]
    fn is_held(&self) -> bool {
        self.held.load(Ordering::Acquire)
    }

    /// Takes the lock: None = wait forever, Some(None) = try once,
    /// Some(Some(d)) = wait until `d`. Whether it was taken.
    fn acquire(&self, deadline: Option<Option<Instant>>) -> bool {
        if self.try_acquire() {
            return true;
        }
        if deadline == Some(None) {
            return false;
        }
        // A holder on another core often lets go within a few hundred
        // cycles: spin a little before sleeping (as CPython's PyMutex does).
        for _ in 0..64 {
            std::hint::spin_loop();
            if !self.is_held() && self.try_acquire() {
                return true;
            }
        }
        let mut g = self.sleep.lock();
        self.sleepers.fetch_add(1, Ordering::SeqCst);
        let taken = loop {
            if self.try_acquire() {
                break true;
            }
            match deadline {
                None => g = self.cond.wait(g),
                Some(Some(d)) => {
                    let timed_out;
                    (g, timed_out) = self.cond.wait_until(g, d);
                    if timed_out {
                        break self.try_acquire();
                    }
                }
                Some(None) => break false,
            }
        };
        self.sleepers.fetch_sub(1, Ordering::SeqCst);
        taken
    }

    /// Frees the lock (from any thread); false if it was not held.
    fn release(&self) -> bool {
        if !self.held.swap(false, Ordering::SeqCst) {
            return false;
        }
        if self.sleepers.load(Ordering::SeqCst) > 0 {
            // Taking `sleep` orders the release before a sleeper's retry (it
            // holds `sleep` from its retry until it waits); the wake-up comes
            // after letting go of it, so the woken thread does not wake into
            // a mutex still held here.
            drop(self.sleep.lock());
            self.cond.notify_one();
        }
        true
    }

    /// Forces the lock free (`_at_fork_reinit`: in a forked child, where
    /// the sleepers counted were other threads').
    fn reset(&self) {
        self.held.store(false, Ordering::SeqCst);
        self.sleepers.store(0, Ordering::SeqCst);
        // In a child with one thread, a sleeper of the parent may have held
        // the sleeping place's mutex at the fork.
        if spindle_vm::interp::thread_count() == 1 {
            // SAFETY: this is the only thread running Python, and a
            // `_at_fork_reinit` caller holds no guard of `sleep`.
            unsafe { self.sleep.reset_after_fork() };
        }
    }
}

/// A plain lock, releasable from any thread.
pub(crate) struct PyLock {
    raw: RawLock,
}

impl PyPayload for PyLock {
    const KIND: spindle_vm::object::PayloadKind = crate::kinds::kind(crate::kinds::OS_BASE + 1);
}

/// A reentrant lock: `raw` is held while some thread owns it; `owner` (an
/// ident, 0 = none) and `count` are written only by the owning thread, so
/// a thread reading its own ident there knows it is the owner.
pub(crate) struct PyRLock {
    raw: RawLock,
    owner: AtomicU64,
    count: AtomicU64,
}

impl PyPayload for PyRLock {
    const KIND: spindle_vm::object::PayloadKind = crate::kinds::kind(crate::kinds::OS_BASE + 2);
}

/// A timeout in seconds, with the errors of CPython's conversion to its
/// nanosecond time type (`_PyTime_FromSecondsObject`): a float or an int
/// (`__index__`) whose nanoseconds fit in an i64.
pub(crate) fn seconds_arg(ts: &ThreadState, v: &Value) -> PyResult<f64> {
    const NS: f64 = 1e9;
    if let Some(f) = spindle_vm::num::float_value(v) {
        if f.is_nan() {
            raise!(ValueError, "Invalid value NaN (not a number)");
        }
        let ns = f * NS;
        if !(-9.223_372_036_854_775_808e18..9.223_372_036_854_775_808e18).contains(&ns) {
            raise!(OverflowError, "timestamp out of range for platform time_t");
        }
        return Ok(f);
    }
    let i = match spindle_vm::num::int_to_big(v) {
        Some(b) => b,
        None => match ops::index(ts, v) {
            Ok(i) => spindle_vm::num::int_to_big(&i).unwrap_or_default(),
            Err(e) if e.is_instance(spindle_vm::runtime::rt().exc.TypeError) => {
                raise!(TypeError, "'{}' object cannot be interpreted as an integer or float", ops::type_name(v))
            }
            Err(e) => return Err(e),
        },
    };
    match i64::try_from(&i).ok().and_then(|s| s.checked_mul(1_000_000_000)) {
        Some(_) => Ok(i64::try_from(&i).unwrap_or(0) as f64),
        None => raise!(OverflowError, "timestamp too large to convert to C PyTime_t"),
    }
}

/// blocking/timeout arguments as a deadline: None = forever, Some(None) = try once.
fn acquire_args(ts: &ThreadState, a: Args<'_>) -> PyResult<Option<Option<Instant>>> {
    let rest = Args { args: &a.args[1..], kwnames: a.kwnames };
    let [blocking, timeout] = parse("acquire", rest, ["blocking", "timeout"], 0)?;
    let blocking = super::truthy(ts, &blocking, true)?;
    let timeout = match &timeout {
        Some(t) => seconds_arg(ts, t)?,
        None => -1.0,
    };
    if !blocking {
        if timeout != -1.0 {
            raise!(ValueError, "can't specify a timeout for a non-blocking call");
        }
        return Ok(Some(None));
    }
    if timeout < 0.0 && timeout != -1.0 {
        raise!(ValueError, "timeout value must be a non-negative number");
    }
    // CPython's limit is in whole microseconds.
    if timeout * 1e6 > 9_223_372_036_854_775.0 {
        raise!(OverflowError, "timeout value is too large");
    }
    if timeout == -1.0 {
        return Ok(None);
    }
    // A deadline past what Instant holds is no deadline.
    Ok(Instant::now().checked_add(Duration::from_secs_f64(timeout)).map(Some))
}

fn this_lock<'a>(a: &'a Args<'_>) -> PyResult<&'a PyLock> {
    match a.args.first().and_then(|v| v.downcast::<PyLock>()) {
        Some(l) => Ok(l),
        None => raise!(TypeError, "descriptor requires a '_thread.lock' object"),
    }
}

fn this_rlock<'a>(a: &'a Args<'_>) -> PyResult<&'a PyRLock> {
    match a.args.first().and_then(|v| v.downcast::<PyRLock>()) {
        Some(l) => Ok(l),
        None => raise!(TypeError, "descriptor requires a '_thread.RLock' object"),
    }
}

fn lock_acquire(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let l = this_lock(&a)?;
    let d = acquire_args(ts, a)?;
    Ok(new_bool(lock_wait(ts, l, d)?))
}

/// How long the main thread blocks at a time in a lock wait before it looks
/// for signals to handle (a futex wait is not cut short by EINTR).
const SIGNAL_POLL: Duration = Duration::from_millis(20);

/// Takes a lock through `try_acquire(deadline)`: one try attached (a free
/// lock costs no GIL hand-off), then detached while blocking, so other
/// threads can stop the world and, in GIL mode, run. On the main thread the
/// wait is interruptible as CPython's acquire_timed: a signal's Python
/// handler runs (its exception is raised, the lock not taken), then the
/// wait goes on until the deadline.
fn acquire_interruptible(
    ts: &ThreadState,
    deadline: Option<Option<Instant>>,
    mut try_acquire: impl FnMut(Option<Option<Instant>>) -> bool,
) -> PyResult<bool> {
    if try_acquire(Some(None)) {
        return Ok(true);
    }
    let end = match deadline {
        Some(None) => return Ok(false),
        Some(Some(end)) => Some(end),
        None => None,
    };
    if !spindle_vm::signals::is_main_thread() {
        return Ok(ts.detached(|| try_acquire(deadline)));
    }
    loop {
        spindle_vm::signals::check(ts)?;
        let slice_end = Instant::now() + SIGNAL_POLL;
        let (until, last) = match end {
            Some(end) if end <= slice_end => (end, true),
            _ => (slice_end, false),
        };
        if ts.detached(|| try_acquire(Some(Some(until)))) {
            return Ok(true);
        }
        if last {
            return Ok(false);
        }
    }
}

fn lock_wait(ts: &ThreadState, l: &PyLock, d: Option<Option<Instant>>) -> PyResult<bool> {
    acquire_interruptible(ts, d, |d| l.raw.acquire(d))
}

fn lock_enter(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let l = this_lock(&a)?;
    Ok(new_bool(lock_wait(ts, l, None)?))
}

fn lock_release(_ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    if !this_lock(&a)?.raw.release() {
        raise!(RuntimeError, "release unlocked lock");
    }
    Ok(none())
}

fn lock_locked(_ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    Ok(new_bool(this_lock(&a)?.raw.is_held()))
}

fn lock_reinit(_ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    this_lock(&a)?.raw.reset();
    Ok(none())
}

fn lock_repr(_ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let l = this_lock(&a)?;
    let st = if l.raw.is_held() { "locked" } else { "unlocked" };
    let id = a.args.first().map(|v| v.id()).unwrap_or(0);
    Ok(new_str(&format!("<{st} _thread.lock object at {id:#x}>")))
}

fn new_lock_value() -> PyResult<Value> {
    match LOCK_TYPE.get() {
        Some(t) => Ok(spindle_vm::object::alloc(*t, PyLock { raw: RawLock::new() })),
        None => raise!(RuntimeError, "_thread not initialised"),
    }
}

fn allocate_lock(_ts: &ThreadState, _a: Args<'_>) -> PyResult<Value> {
    new_lock_value()
}

fn lock_new(_ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    if a.args.len() > 1 {
        raise!(TypeError, "lock() takes no arguments");
    }
    new_lock_value()
}

impl PyRLock {
    fn new() -> PyRLock {
        PyRLock { raw: RawLock::new(), owner: AtomicU64::new(0), count: AtomicU64::new(0) }
    }

    /// Whether thread `me` owns the lock (only `me` writes its ident here).
    #[inline]
    fn owned_by(&self, me: u64) -> bool {
        self.owner.load(Ordering::Relaxed) == me && self.raw.is_held()
    }

    fn acquire(&self, me: u64, deadline: Option<Option<Instant>>) -> bool {
        if self.owned_by(me) {
            self.count.fetch_add(1, Ordering::Relaxed);
            return true;
        }
        if !self.raw.acquire(deadline) {
            return false;
        }
        self.owner.store(me, Ordering::Relaxed);
        self.count.store(1, Ordering::Relaxed);
        true
    }

    /// Gives the lock up entirely: (count, owner) before.
    fn release_all(&self) -> (u64, u64) {
        let saved = (self.count.swap(0, Ordering::Relaxed), self.owner.swap(0, Ordering::Relaxed));
        self.raw.release();
        saved
    }
}

fn rlock_acquire(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let l = this_rlock(&a)?;
    let d = acquire_args(ts, a)?;
    Ok(new_bool(rlock_wait(ts, l, d)?))
}

/// Takes `l` for this thread, as [`lock_wait`].
fn rlock_wait(ts: &ThreadState, l: &PyRLock, d: Option<Option<Instant>>) -> PyResult<bool> {
    let me = current_ident();
    acquire_interruptible(ts, d, |d| l.acquire(me, d))
}

fn rlock_enter(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let l = this_rlock(&a)?;
    Ok(new_bool(rlock_wait(ts, l, None)?))
}

fn rlock_release(_ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let l = this_rlock(&a)?;
    if !l.owned_by(current_ident()) {
        raise!(RuntimeError, "cannot release un-acquired lock");
    }
    if l.count.fetch_sub(1, Ordering::Relaxed) == 1 {
        l.owner.store(0, Ordering::Relaxed);
        l.raw.release();
    }
    Ok(none())
}

fn rlock_locked(_ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    Ok(new_bool(this_rlock(&a)?.raw.is_held()))
}

fn rlock_is_owned(_ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    Ok(new_bool(this_rlock(&a)?.owned_by(current_ident())))
}

fn rlock_count(_ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let l = this_rlock(&a)?;
    Ok(new_int(if l.owned_by(current_ident()) { l.count.load(Ordering::Relaxed) as i64 } else { 0 }))
}

fn rlock_release_save(_ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let l = this_rlock(&a)?;
    if !l.raw.is_held() || l.count.load(Ordering::Relaxed) == 0 {
        raise!(RuntimeError, "cannot release un-acquired lock");
    }
    let saved = l.release_all();
    Ok(spindle_vm::seq::new_tuple(vec![new_int(saved.0 as i64), ident_value(saved.1)]))
}

fn rlock_acquire_restore(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let l = this_rlock(&a)?;
    let st = ops::collect(ts, a.args.get(1).unwrap_or(&none()))?;
    let count = st.first().and_then(spindle_vm::num::int_to_i64).unwrap_or(1).max(1) as u64;
    let owner = st.get(1).and_then(spindle_vm::num::int_to_big).and_then(|b| u64::try_from(b).ok()).unwrap_or_else(current_ident);
    if !l.raw.try_acquire() {
        ts.detached(|| l.raw.acquire(None));
    }
    l.owner.store(owner, Ordering::Relaxed);
    l.count.store(count, Ordering::Relaxed);
    Ok(none())
}

fn rlock_reinit(_ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let l = this_rlock(&a)?;
    l.owner.store(0, Ordering::Relaxed);
    l.count.store(0, Ordering::Relaxed);
    l.raw.reset();
    Ok(none())
}

fn rlock_repr(_ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let l = this_rlock(&a)?;
    let held = l.raw.is_held();
    let g = if held { (l.owner.load(Ordering::Relaxed), l.count.load(Ordering::Relaxed)) } else { (0, 0) };
    let st = if held { "locked" } else { "unlocked" };
    let id = a.args.first().map(|v| v.id()).unwrap_or(0);
    let name = a.args.first().map(|v| v.type_ref().name().to_string()).unwrap_or_default();
    Ok(new_str(&format!("<{st} _thread.{name} object owner={} count={} at {id:#x}>", g.0, g.1)))
}

fn rlock_new(_ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let t = a.args.first().and_then(TypeRef::from_value).or_else(|| RLOCK_TYPE.get().copied());
    match t {
        Some(t) => Ok(spindle_vm::object::alloc(t, PyRLock::new())),
        None => raise!(RuntimeError, "_thread not initialised"),
    }
}

fn get_ident(_ts: &ThreadState, _a: Args<'_>) -> PyResult<Value> {
    Ok(ident_value(current_ident()))
}

fn get_native_id(_ts: &ThreadState, _a: Args<'_>) -> PyResult<Value> {
    // SAFETY: gettid cannot fail.
    Ok(new_int(unsafe { libc::gettid() } as i64))
}

fn main_ident(_ts: &ThreadState, _a: Args<'_>) -> PyResult<Value> {
    Ok(ident_value(MAIN_IDENT.load(Ordering::Relaxed)))
}

fn count(_ts: &ThreadState, _a: Args<'_>) -> PyResult<Value> {
    Ok(new_int(THREAD_COUNT.load(Ordering::Relaxed)))
}

static STACK_SIZE: AtomicU64 = AtomicU64::new(0);

fn stack_size(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let [s] = parse("stack_size", a, ["size"], 0)?;
    let old = STACK_SIZE.load(Ordering::Relaxed);
    if let Some(v) = super::given(&s) {
        let n = super::to_i64(ts, v)?;
        if n != 0 && n < 32768 {
            raise!(ValueError, "size not valid: {} bytes", n);
        }
        STACK_SIZE.store(n.max(0) as u64, Ordering::Relaxed);
    }
    Ok(new_int(old as i64))
}

/// `_spawn(callable)`: runs `callable()` on a new OS thread with its own
/// thread state; returns the new thread's ident once it is running.
fn spawn(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let [f] = parse("_spawn", a, ["function"], 1)?;
    let f = f.unwrap_or_else(none);
    // Before the first extra thread: functions, modules and classes become
    // deferred, so threads share them without refcount traffic.
    static FIRST_SPAWN: std::sync::Once = std::sync::Once::new();
    FIRST_SPAWN.call_once(|| spindle_vm::gc::defer_definitions(ts));
    let interp = ts.interp.clone();
    let (tx, rx) = std::sync::mpsc::channel::<u64>();
    let requested = STACK_SIZE.load(Ordering::Relaxed) as usize;
    let stack = requested.max(64 << 20);
    THREAD_COUNT.fetch_add(1, Ordering::Relaxed);
    let spawned = std::thread::Builder::new().stack_size(stack).spawn(move || {
        let tstate = ThreadState::new(interp, stack - stack / 4);
        let prev = spindle_vm::ops::set_thread_state(&tstate as *const ThreadState);
        let ident = current_ident();
        let gate = Arc::new(ExitGate::default());
        // Registered before the parent learns the ident, so a join finds it.
        EXIT_GATES.lock().push((ident, gate.clone()));
        let _ = tx.send(ident);
        if let Err(e) = ops::call(&tstate, &f, &[]) {
            if !e.is_instance(spindle_vm::runtime::rt().exc.SystemExit) {
                spindle_vm::boot::print_exception(&tstate, e.value());
            }
        }
        drop(f);
        // The thread state's drop merges what other threads handed back
        // to this one and frees what QSBR held (`__del__` methods run on
        // it; it unsets itself as the current one): joins wait for it.
        drop(tstate);
        spindle_vm::ops::set_thread_state(prev);
        *gate.done.lock() = true;
        gate.cv.notify_all();
        EXIT_GATES.lock().retain(|(_, g)| !Arc::ptr_eq(g, &gate));
        THREAD_COUNT.fetch_sub(1, Ordering::Relaxed);
    });
    if spawned.is_err() {
        THREAD_COUNT.fetch_sub(1, Ordering::Relaxed);
        raise!(RuntimeError, "can't start new thread");
    }
    match ts.detached(|| rx.recv()) {
        Ok(id) => Ok(ident_value(id)),
        Err(_) => raise!(RuntimeError, "can't start new thread"),
    }
}

/// Set once a spawned thread's state is gone (see `wait_exit`).
#[derive(Default)]
struct ExitGate {
    done: WaitMutex<bool>,
    cv: WaitCondvar,
}

/// The gates of running spawned threads, by ident.
static EXIT_GATES: WaitMutex<Vec<(u64, Arc<ExitGate>)>> = WaitMutex::new(Vec::new());

/// In a forked child (`os.fork`), before the `after_in_child` hooks:
/// the calling thread is the only one and the main one; the other
/// threads' exit gates open (joining them returns at once) and their
/// handles are done (`_after_fork_handles` of the module's Python part).
pub(crate) fn after_fork_child(ts: &ThreadState) {
    let me = current_ident();
    MAIN_IDENT.store(me, Ordering::Relaxed);
    THREAD_COUNT.store(0, Ordering::Relaxed);
    // SAFETY: the only thread of a just-forked child, holding no guard of
    // these (a thread of the parent, ending or joining, may have).
    unsafe { EXIT_GATES.reset_after_fork() };
    let gates = std::mem::take(&mut *EXIT_GATES.lock());
    for (ident, gate) in gates {
        if ident == me {
            EXIT_GATES.lock().push((ident, gate));
        } else {
            // SAFETY: as above.
            unsafe { gate.done.reset_after_fork() };
            *gate.done.lock() = true;
        }
    }
    let module = ts.interp.modules.downcast::<spindle_vm::dict::PyDict>().and_then(|m| m.get_str("_thread"));
    if let Some(m) = module {
        let r = ops::getattr_str(ts, &m, "_after_fork_handles").and_then(|f| ops::call(ts, &f, &[]));
        if let Err(e) = r {
            ops::write_unraisable(ts, &e, Some("Exception ignored in"), Some(&m));
        }
    }
}

/// `_wait_exit(ident)`: waits (detached) until the spawned thread `ident`
/// has dropped its thread state; at once for an unknown or ended thread,
/// or the calling thread itself.
fn wait_exit(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let [ident] = parse("_wait_exit", a, ["ident"], 1)?;
    let Some(ident) = ident.as_ref().and_then(spindle_vm::num::int_to_big).and_then(|b| u64::try_from(&b).ok()) else { return Ok(none()) };
    if ident == current_ident() {
        return Ok(none());
    }
    let gate = EXIT_GATES.lock().iter().find(|(i, _)| *i == ident).map(|(_, g)| g.clone());
    if let Some(g) = gate {
        ts.detached(|| {
            let mut done = g.done.lock();
            while !*done {
                done = g.cv.wait(done);
            }
        });
    }
    Ok(none())
}

/// Linux's limit on a thread name, in bytes without the NUL (CPython's
/// `_PYTHREAD_NAME_MAXLEN`, `_thread._NAME_MAXLEN`).
const NAME_MAXLEN: usize = 15;

/// `set_name(name)`: names the calling OS thread, as CPython 3.14: the name
/// encoded to UTF-8 (the file system encoding) with lone surrogates replaced
/// by `?`, cut at a NUL and to `NAME_MAXLEN` bytes (even mid-character).
fn set_name(_ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let [name] = parse("set_name", a, ["name"], 1)?;
    let name = name.unwrap_or_else(none);
    let Some(data) = spindle_vm::str::as_data(&name) else {
        raise!(TypeError, "set_name() argument 'name' must be str, not {}", ops::type_name(&name));
    };
    let mut bytes = Vec::new();
    for cp in data.code_points() {
        let c = char::from_u32(cp).unwrap_or('?');
        let mut buf = [0u8; 4];
        bytes.extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
    }
    if let Some(nul) = bytes.iter().position(|&b| b == 0) {
        bytes.truncate(nul);
    }
    bytes.truncate(NAME_MAXLEN);
    bytes.push(0);
    // SAFETY: `bytes` is NUL-terminated with no NUL before the end, and
    // stays alive across the call; pthread_self() is the calling thread.
    let rc = unsafe { libc::pthread_setname_np(libc::pthread_self(), bytes.as_ptr().cast()) };
    if rc != 0 {
        return Err(super::os_error(rc, None, None));
    }
    Ok(none())
}

/// `_get_name()`: the calling OS thread's name, decoded as file names are.
fn get_name(_ts: &ThreadState, _a: Args<'_>) -> PyResult<Value> {
    let mut buf = [0u8; 100];
    // SAFETY: `buf` is writable for its whole length, which is passed;
    // pthread_self() is the calling thread.
    let rc = unsafe { libc::pthread_getname_np(libc::pthread_self(), buf.as_mut_ptr().cast(), buf.len()) };
    if rc != 0 {
        return Err(super::os_error(rc, None, None));
    }
    let len = buf.iter().position(|&b| b == 0).unwrap_or(buf.len());
    // UTF-8 with surrogateescape: a name cut mid-character keeps its bytes.
    let mut cps = Vec::with_capacity(len);
    let mut rest = &buf[..len];
    while !rest.is_empty() {
        let (good, bad) = match std::str::from_utf8(rest) {
            Ok(s) => (s, &rest[rest.len()..]),
            Err(e) => {
                let (g, b) = rest.split_at(e.valid_up_to());
                (std::str::from_utf8(g).unwrap_or_default(), b)
            }
        };
        cps.extend(good.chars().map(u32::from));
        if let Some((&byte, tail)) = bad.split_first() {
            cps.push(0xDC00 + u32::from(byte));
            rest = tail;
        } else {
            break;
        }
    }
    match spindle_str::PyStrData::from_code_points(cps) {
        Ok(d) => Ok(spindle_vm::str::new_data(d)),
        Err(_) => raise!(SystemError, "bad thread name"),
    }
}

const FUNCTIONS: &[(&str, NativeFnPtr)] = &[
    ("set_name", set_name),
    ("_get_name", get_name),
    ("allocate_lock", allocate_lock),
    ("allocate", allocate_lock),
    ("get_ident", get_ident),
    ("get_native_id", get_native_id),
    ("_get_main_thread_ident", main_ident),
    ("_count", count),
    ("stack_size", stack_size),
    ("_spawn", spawn),
    ("_wait_exit", wait_exit),
    ("daemon_threads_allowed", |_, _| Ok(new_bool(true))),
    ("_is_main_interpreter", |_, _| Ok(new_bool(true))),
    ("_format_exception", format_exception),
    ("_write_unraisable", write_unraisable),
    ("interrupt_main", interrupt_main),
];

/// `interrupt_main(signum=SIGINT)`: as if `signum` had arrived, for the
/// main thread to handle (KeyboardInterrupt for SIGINT's default handler).
fn interrupt_main(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let [signum] = parse("interrupt_main", a, ["signum"], 0)?;
    let sig = match &signum {
        Some(v) => super::to_i64(ts, v)?,
        None => i64::from(libc::SIGINT),
    };
    let Some(sig) = i32::try_from(sig).ok().filter(|s| *s >= 1 && (*s as usize) < spindle_vm::signals::NSIG) else {
        raise!(ValueError, "signal number out of range");
    };
    spindle_vm::signals::trip(sig);
    Ok(none())
}

/// `_write_unraisable(exc, msg, obj)`: reports `exc` through
/// `sys.unraisablehook` as CPython's `PyErr_FormatUnraisable` does.
fn write_unraisable(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let [exc, msg, obj] = parse("_write_unraisable", a, ["exc", "msg", "obj"], 3)?;
    let (Some(exc), Some(msg), Some(obj)) = (exc, msg, obj) else { return Ok(none()) };
    let msg = spindle_vm::str::as_str(&msg).unwrap_or("Exception ignored in").to_owned();
    ops::write_unraisable(ts, &spindle_vm::error::PyErr(exc), Some(&msg), Some(&obj));
    Ok(none())
}

/// `_format_exception(exc)`: the report the default excepthook prints for
/// `exc` (chain and traceback), as one string.
fn format_exception(ts: &ThreadState, args: Args<'_>) -> PyResult {
    let Some(exc) = args.args.first() else { raise!(TypeError, "_format_exception() takes exactly one argument (0 given)") };
    Ok(new_str(&spindle_vm::traceback::format_exception(ts, exc)))
}

const PY_SRC: &str = r#"
_ExceptHookArgs = _structseq('_thread._ExceptHookArgs',
                             ('exc_type', 'exc_value', 'exc_traceback', 'thread'))
del _structseq

def _excepthook(args, /):
    # Native in CPython; here so that `import threading` need not fall back
    # to traceback (which pulls in a dozen modules).
    if type(args) is not _ExceptHookArgs:
        raise TypeError("_thread._excepthook argument type must be ExceptHookArgs")
    exc_type, exc_value, exc_tb, thread = args
    if isinstance(exc_type, type) and issubclass(exc_type, SystemExit):
        return
    import sys
    file = sys.stderr
    if file is None:
        if thread is None:
            return
        file = getattr(thread, '_stderr', None)
        if file is None:
            return
    name = getattr(thread, 'name', None) if thread is not None else None
    if name is None:
        name = f"<{get_ident()}>"
    file.write(f"Exception in thread {name}:\n")
    file.flush()
    if exc_value is not None:
        if exc_tb is not None and exc_value.__traceback__ is not exc_tb:
            exc_value = exc_value.with_traceback(exc_tb)
        file.write(_format_exception(exc_value))
    file.flush()

class _ThreadHandle:
    def __init__(self):
        self.ident = None
        self._started = False
        self._done = False
        self._done_lock = allocate_lock()
        self._done_lock.acquire()
        self._non_daemon = False

    def __repr__(self):
        return f"<_thread._ThreadHandle object: ident={self.ident}>"

    def is_done(self):
        return self._done

    def _set_done(self):
        if not self._done:
            self._done = True
            self._done_lock.release()
            _live_handles.discard(self)

    def join(self, timeout=None):
        if not self._done:
            if self.ident == get_ident():
                raise RuntimeError("Cannot join current thread")
            if timeout is None or timeout < 0:
                self._done_lock.acquire()
                self._done_lock.release()
            elif self._done_lock.acquire(True, timeout):
                self._done_lock.release()
            else:
                return
        # As CPython's: the thread's own clean-up (its thread state, the
        # objects other threads handed back to it) is over too.
        _wait_exit(self.ident)


_handles_lock = allocate_lock()
_non_daemon_handles = set()
# Started handles not yet done: the threads a fork leaves behind.
_live_handles = set()


def _after_fork_handles():
    # In a forked child: every other thread is gone, so its handle is done
    # (a fresh unlocked lock: its old one may have had waiters).
    global _handles_lock
    _handles_lock = allocate_lock()
    me = get_ident()
    for h in list(_live_handles):
        if h.ident != me:
            h._done_lock = allocate_lock()
            h._done = True
            _live_handles.discard(h)
            _non_daemon_handles.discard(h)




def start_joinable_thread(function, handle=None, daemon=True):
    if not callable(function):
        raise TypeError("thread function must be callable")
    return _start(function, (), None, handle, daemon)


def _start(function, args, kwargs, handle, daemon):
    if handle is None:
        handle = _ThreadHandle()
    if handle._started:
        raise RuntimeError("thread already started")
    handle._started = True
    _live_handles.add(handle)
    if not daemon:
        with _handles_lock:
            _non_daemon_handles.add(handle)

    def _run():
        try:
            if kwargs:
                function(*args, **kwargs)
            else:
                function(*args)
        except SystemExit:
            pass
        except BaseException as e:
            # As CPython's thread_run: through sys.unraisablehook, naming
            # the function itself; this frame stands in for C code.
            tb = e.__traceback__
            if tb is not None:
                e.__traceback__ = tb.tb_next
            _write_unraisable(e, "Exception ignored in thread started by", function)
            del e
        finally:
            handle._set_done()
            if not daemon:
                with _handles_lock:
                    _non_daemon_handles.discard(handle)

    handle.ident = _spawn(_run)
    return handle


def start_new_thread(function, args, kwargs=None):
    if not callable(function):
        raise TypeError("first arg must be callable")
    if not isinstance(args, tuple):
        raise TypeError("2nd arg must be a tuple")
    if kwargs is not None and not isinstance(kwargs, dict):
        raise TypeError("optional 3rd arg must be a dictionary")
    return _start(function, args, kwargs, None, True).ident

start_new = start_new_thread


def _make_thread_handle(ident):
    h = _ThreadHandle()
    h.ident = ident
    h._started = True
    _live_handles.add(h)
    return h


def _shutdown():
    me = get_ident()
    while True:
        with _handles_lock:
            pending = [h for h in _non_daemon_handles if h.ident != me and not h._done]
        if not pending:
            return
        for h in pending:
            h.join()


def _set_sentinel():
    return allocate_lock()




def exit():
    raise SystemExit

exit_thread = exit
"#;

pub(crate) fn init(ts: &ThreadState) -> PyResult<Value> {
    let _ = MAIN_IDENT.compare_exchange(0, current_ident(), Ordering::Relaxed, Ordering::Relaxed);
    let m = spindle_vm::native::new_module("_thread", FUNCTIONS);
    let lt = *LOCK_TYPE.get_or_init(|| {
        let t = spindle_vm::native::new_type::<PyLock>("lock", "_thread", None, false);
        spindle_vm::native::add_methods(
            t,
            &[
                ("acquire", lock_acquire),
                ("acquire_lock", lock_acquire),
                ("release", lock_release),
                ("release_lock", lock_release),
                ("locked", lock_locked),
                ("locked_lock", lock_locked),
                ("__enter__", lock_enter),
                ("__exit__", lock_release),
                ("_at_fork_reinit", lock_reinit),
                ("__repr__", lock_repr),
            ],
        );
        spindle_vm::native::set_new(t, lock_new);
        t
    });
    let rt_ = *RLOCK_TYPE.get_or_init(|| {
        let t = spindle_vm::native::new_type::<PyRLock>("RLock", "_thread", None, true);
        spindle_vm::native::add_methods(
            t,
            &[
                ("acquire", rlock_acquire),
                ("release", rlock_release),
                ("locked", rlock_locked),
                ("__enter__", rlock_enter),
                ("__exit__", rlock_release),
                ("_is_owned", rlock_is_owned),
                ("_recursion_count", rlock_count),
                ("_release_save", rlock_release_save),
                ("_acquire_restore", rlock_acquire_restore),
                ("_at_fork_reinit", rlock_reinit),
                ("__repr__", rlock_repr),
            ],
        );
        spindle_vm::native::set_new(t, rlock_new);
        t
    });
    let local_t = *LOCAL_TYPE.get_or_init(|| {
        let t = spindle_vm::native::new_type::<spindle_vm::thread_local::PyThreadLocal>("_local", "_thread", None, true);
        spindle_vm::native::set_new(t, spindle_vm::thread_local::local_new);
        spindle_vm::native::add_class_value(t, "__doc__", new_str("Thread-local data"));
        t
    });
    spindle_vm::native::add_value(&m, "_local", local_t.to_value());
    spindle_vm::native::add_value(&m, "LockType", lt.to_value());
    spindle_vm::native::add_value(&m, "lock", lt.to_value());
    spindle_vm::native::add_value(&m, "RLock", rt_.to_value());
    spindle_vm::native::add_value(&m, "error", spindle_vm::runtime::rt().exc.RuntimeError.to_value());
    spindle_vm::native::add_value(&m, "TIMEOUT_MAX", new_float(TIMEOUT_MAX));
    spindle_vm::native::add_value(&m, "_NAME_MAXLEN", new_int(NAME_MAXLEN as i64));
    super::run_source(ts, &m, super::STRUCTSEQ_SRC, "<_thread>")?;
    super::run_source(ts, &m, PY_SRC, "<_thread>")?;
    Ok(m)
}
