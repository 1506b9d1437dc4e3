//! `Interpreter` (all Python-visible mutable state: sys.modules, builtins,
//! limits) and `ThreadState` (one per OS thread running Python: call depth,
//! the handled-exception stack, the frame chain), and stop-the-world.
//!
//! # Stop-the-world
//! Every thread with a `ThreadState` has a [`ThreadSlot`] in the process-wide
//! thread list, in one of three states:
//! - `ATTACHED`: running Python; it may touch any object. It checks
//!   [`stop_requested`] at safepoints (the eval breaker) and then detaches
//!   and re-attaches, which parks it while the world is stopped.
//! - `DETACHED`: in a blocking native call ([`ThreadState::detached`]) or
//!   parking; it touches no Python object (no refcount change, no container
//!   access) until it attaches again.
//! - `SUSPENDED`: detached, and claimed by a stopper; it cannot attach until
//!   the stopper restarts the world.
//!
//! The stopper (one at a time, `STOPPER` lock) sets `requested`, then moves
//! every other thread `DETACHED -> SUSPENDED` by compare-and-swap, waiting
//! for attached ones to detach. Attaching is a compare-and-swap
//! `DETACHED -> ATTACHED`; both transitions race on the same word, so
//! exactly one wins: a thread either attaches first (and the stopper waits
//! for it to detach at its next safepoint) or is suspended first (and its
//! attach waits). When every other slot is `SUSPENDED` no other thread can
//! touch an object until `start_the_world` (the guard's drop) stores
//! `DETACHED` back. A stopper that cannot stop everyone before its deadline
//! (a thread blocked in a native call that does not detach) gives up and
//! restarts the world: callers then skip their work, which keeps the
//! protocol deadlock-free. The thread list stays locked while the world is
//! stopped, so a new thread cannot register (and attach) meanwhile.
//!
//! # GIL mode
//! With the interpreter's GIL enabled (`crate::gil`), attaching takes it
//! first and detaching releases it last, so at most one thread of the
//! interpreter is attached; a stopper then holds the GIL and every other
//! thread is detached (waiting for the GIL or blocked), which it suspends.

use std::cell::{Cell, RefCell};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use std::sync::MutexGuard;

use crate::wait::{WaitCondvar, WaitMutex};

use crate::error::PyResult;
use crate::value::Value;

pub struct Interpreter {
    /// `sys.modules`.
    pub modules: Value,
    /// The `builtins` module and its dict.
    pub builtins: Value,
    pub builtins_dict: Value,
    pub sys: Value,
    pub sys_dict: Value,
    pub recursion_limit: AtomicUsize,
    pub int_max_str_digits: AtomicUsize,
    /// Native (Rust) modules by name: their init functions.
    pub native_modules: parking_lot::Mutex<std::collections::HashMap<String, NativeModuleDef>>,
    /// Native modules' own state (CPython's per-module state), by module name.
    pub module_state: parking_lot::Mutex<std::collections::HashMap<&'static str, Value>>,
    /// The cycle collector's state (`gc` module).
    pub gc: crate::gc::GcState,
    /// GIL mode (`sys._is_gil_enabled()`, `sys.setswitchinterval`).
    pub gil: crate::gil::Gil,
    /// Per-module import locks (`import_lock.rs`).
    pub import_locks: crate::import_lock::ImportLocks,
}

/// Creates a native module object.
pub type NativeModuleInit = fn(&ThreadState) -> PyResult<Value>;

/// One entry of the native module table: how to make the module, and what
/// it declares about the GIL (CPython's `Py_mod_gil` slot).
#[derive(Clone, Copy)]
pub struct NativeModuleDef {
    pub init: NativeModuleInit,
    /// `Py_MOD_GIL_NOT_USED`: the module is safe to run without the GIL.
    /// Importing one that is not turns GIL mode on, with CPython's warning,
    /// unless `PYTHON_GIL` / `-X gil` was given.
    pub gil_not_used: bool,
}

impl NativeModuleDef {
    /// A module that declares it runs safely without the GIL (all of Spindle's).
    pub const fn free_threaded(init: NativeModuleInit) -> NativeModuleDef {
        NativeModuleDef { init, gil_not_used: true }
    }

    /// A module that has not declared it (it needs the GIL).
    pub const fn requires_gil(init: NativeModuleInit) -> NativeModuleDef {
        NativeModuleDef { init, gil_not_used: false }
    }
}

impl Interpreter {
    pub fn native_module(&self, name: &str) -> Option<NativeModuleInit> {
        self.native_modules.lock().get(name).map(|d| d.init)
    }

    pub fn native_module_def(&self, name: &str) -> Option<NativeModuleDef> {
        self.native_modules.lock().get(name).copied()
    }

    /// The state object of native module `name`, made by `init` on first use
    /// (`init` runs without the lock held: it may run Python code).
    pub fn module_state(&self, name: &'static str, init: impl FnOnce() -> Value) -> Value {
        if let Some(v) = self.module_state.lock().get(name) {
            return v.clone();
        }
        let v = init();
        self.module_state.lock().entry(name).or_insert(v).clone()
    }

    pub fn recursion_limit(&self) -> usize {
        self.recursion_limit.load(Ordering::Relaxed)
    }
}

pub struct ThreadState {
    pub interp: Arc<Interpreter>,
    /// Python-level call depth (frames on this thread).
    pub depth: Cell<usize>,
    /// Exceptions being handled (innermost last); `sys.exception()` reads the top.
    pub exc_stack: RefCell<Vec<Option<Value>>>,
    /// This thread's running frames, innermost last (for sys._getframe,
    /// tracebacks, and the collector: see `FrameList`).
    pub frames: Arc<FrameList>,
    /// `sys._getframe`'s frame objects of the outermost running frames, by
    /// depth (never longer than `frames`; see `frame::PyFrameObj`).
    pub frame_objects: RefCell<Vec<Value>>,
    /// Set by RERAISE: the frame re-raising already has its traceback entry.
    pub skip_traceback_once: Cell<bool>,
    /// `sys.settrace` / `sys.setprofile` functions of this thread.
    pub trace_fn: RefCell<Option<Value>>,
    pub profile_fn: RefCell<Option<Value>>,
    /// Either hook is set: the loop reports events (`eval::trace_step`).
    pub hooks_on: Cell<bool>,
    /// A hook is running: its own code reports no events.
    pub in_hook: Cell<bool>,
    /// The all-threads hooks generation this thread has applied
    /// (`interp_hooks::set_hook_all_threads`).
    pub(crate) hooks_generation_seen: Cell<u64>,
    /// `sys.set_asyncgen_hooks`: [firstiter, finalizer].
    pub asyncgen_hooks: RefCell<[Option<Value>; 2]>,
    /// Approximate address of the bottom of this thread's Rust stack.
    stack_base: usize,
    /// Bytes of Rust stack we allow before raising RecursionError.
    stack_budget: usize,
    /// This thread's entry in the stop-the-world thread list.
    slot: Arc<ThreadSlot>,
    /// This thread holds its interpreter's GIL (GIL mode only).
    holds_gil: Cell<bool>,
    /// The cycle collector's registry of objects this thread allocates.
    pub(crate) gc_reg: &'static crate::gc::Registry,
    /// Objects other threads handed back to this thread, their owner (`brc`).
    pub(crate) brc: Arc<crate::brc::OwnerQueue>,
}

impl ThreadState {
    pub fn new(interp: Arc<Interpreter>, stack_budget: usize) -> ThreadState {
        let marker = 0u8;
        // Before this thread touches any object (see `brc`).
        let brc = crate::brc::register();
        crate::qsbr::register_thread();
        crate::deferred::register_thread();
        let frames = Arc::new(FrameList(RefCell::new(Vec::new())));
        // SAFETY: pthread_self cannot fail.
        let thread_id = unsafe { libc::pthread_self() } as u64;
        let slot = Arc::new(ThreadSlot { word: spindle_stw::Slot::new_detached(), frames: frames.clone(), thread_id });
        WORLD.threads.lock().push(slot.clone());
        let ts = ThreadState {
            interp,
            depth: Cell::new(0),
            exc_stack: RefCell::new(Vec::new()),
            frames,
            frame_objects: RefCell::new(Vec::new()),
            trace_fn: RefCell::new(None),
            profile_fn: RefCell::new(None),
            hooks_on: Cell::new(false),
            in_hook: Cell::new(false),
            hooks_generation_seen: Cell::new(crate::interp_hooks::all_threads_hooks_generation()),
            skip_traceback_once: Cell::new(false),
            asyncgen_hooks: RefCell::new([None, None]),
            stack_base: &marker as *const u8 as usize,
            stack_budget,
            slot,
            holds_gil: Cell::new(false),
            gc_reg: crate::gc::current_registry(),
            brc,
        };
        ts.attach();
        ts
    }

    /// This thread's id for the GIL (its slot's address: unique while it lives).
    fn gil_id(&self) -> usize {
        Arc::as_ptr(&self.slot) as usize
    }

    /// Attaches: takes the GIL when GIL mode is on, then claims the slot
    /// (waiting while a stopper has the world stopped). As CPython's
    /// `_PyThreadState_Attach`, it re-checks GIL mode once attached: a
    /// thread that attached without the GIL while another enabled it
    /// detaches and takes it.
    fn attach(&self) {
        // Waiting (futex timeouts) may change errno; the blocking call the
        // caller just made reports through it, so keep it (as take_gil does).
        // SAFETY: __errno_location returns this thread's errno slot, valid
        // for the thread's life.
        let saved_errno = unsafe { *libc::__errno_location() };
        self.attach_keeping_errno();
        crate::qsbr::online();
        // SAFETY: as above.
        unsafe { *libc::__errno_location() = saved_errno };
    }

    fn attach_keeping_errno(&self) {
        let gil = &self.interp.gil;
        loop {
            let took = gil.take(self.gil_id());
            if self.slot.word.try_attach() {
                if took || !gil.is_enabled() {
                    self.holds_gil.set(took);
                    return;
                }
                detach(&self.slot);
                continue;
            }
            // Suspended by a stopper: never wait for the restart holding the GIL.
            if took {
                gil.release(self.gil_id());
            }
            WORLD.held_back.fetch_add(1, Ordering::SeqCst);
            let mut g = WORLD.cv_lock.lock();
            while self.slot.word.is_suspended() {
                g = WORLD.cv.wait_for(g, Duration::from_millis(5)).0;
            }
            drop(g);
            WORLD.held_back.fetch_sub(1, Ordering::SeqCst);
        }
    }

    /// Detaches, and releases the GIL if this thread holds it.
    fn detach(&self) {
        crate::qsbr::offline();
        detach(&self.slot);
        if self.holds_gil.replace(false) {
            self.interp.gil.release(self.gil_id());
        }
    }

    /// At a safepoint with a GIL drop request pending: the holder hands the
    /// GIL to the waiter that asked (and queues for it again); a thread
    /// attached without it after GIL mode was turned on takes it.
    #[cold]
    pub(crate) fn gil_drop_point(&self) {
        let gil = &self.interp.gil;
        if !gil.is_enabled() {
            return;
        }
        if !self.holds_gil.get() || gil.drop_requested() {
            self.detach();
            self.attach();
        }
    }

    /// Whether this thread holds the GIL (always false with GIL mode off).
    pub fn holds_gil(&self) -> bool {
        self.holds_gil.get()
    }

    /// Runs `f` detached: other threads may stop the world meanwhile. `f`
    /// must not touch Python objects (no clone or drop of a `Value`, no
    /// container access): use it around blocking waits (locks, sleeps, joins, I/O).
    /// In GIL mode this is where the GIL is released and taken back.
    pub fn detached<R>(&self, f: impl FnOnce() -> R) -> R {
        self.detach();
        struct Reattach<'a>(&'a ThreadState);
        impl Drop for Reattach<'_> {
            fn drop(&mut self) {
                self.0.attach();
            }
        }
        let _g = Reattach(self);
        f()
    }

    /// A safepoint: parks while another thread has the world stopped.
    #[cold]
    pub(crate) fn park(&self) {
        self.detach();
        {
            let mut g = WORLD.cv_lock.lock();
            // Give the stopper the chance to suspend us before re-attaching.
            while WORLD.requested.is_set() && self.slot.word.is_detached() {
                g = WORLD.cv.wait_for(g, Duration::from_millis(1)).0;
            }
        }
        self.attach();
    }

    /// Guards a Rust-level recursion (native code calling back into Python):
    /// raises RecursionError before the Rust stack can overflow.
    #[inline]
    pub fn check_stack(&self) -> PyResult<()> {
        let marker = 0u8;
        let here = &marker as *const u8 as usize;
        if self.stack_base.saturating_sub(here) > self.stack_budget {
            crate::raise!(RecursionError, "maximum recursion depth exceeded");
        }
        Ok(())
    }

    pub fn current_exception(&self) -> Option<Value> {
        self.exc_stack.borrow().iter().rev().flatten().next().cloned()
    }
}

impl Drop for ThreadState {
    fn drop(&mut self) {
        // Release what this thread still holds while attached (and, if it
        // is still the current thread state, while `__del__` methods can
        // run on it), then leave.
        crate::thread_local::drop_this_thread_dicts();
        let exc = std::mem::take(&mut *self.exc_stack.borrow_mut());
        drop(exc);
        drop(self.trace_fn.borrow_mut().take());
        drop(self.profile_fn.borrow_mut().take());
        drop(std::mem::take(&mut *self.asyncgen_hooks.borrow_mut()));
        drop(std::mem::take(&mut *self.frame_objects.borrow_mut()));
        crate::eval::drain_frame_pool();
        crate::attr_cache::drop_thread_cache();
        crate::globals_cache::drop_thread_cache();
        crate::types::forget_this_thread();
        // Frees what other threads dropped last (may run `__del__`).
        crate::brc::unregister(&self.brc);
        crate::deferred::unregister_thread();
        // While still attached: freeing what is ready may drop objects.
        crate::qsbr::unregister_thread();
        self.detach();
        WORLD.threads.lock().retain(|s| !Arc::ptr_eq(s, &self.slot));
        // What drops after this (the fields) holds no Python object.
        crate::ops::clear_thread_state_if(self as *const ThreadState);
    }
}

/// One thread's stop-the-world state (see the module docs; the state
/// machine itself is `spindle_stw`, model-checked with loom).
pub struct ThreadSlot {
    word: spindle_stw::Slot,
    /// The thread's running frames, for a stopper (`StoppedWorld::for_each_running_frame`).
    frames: Arc<FrameList>,
    /// `pthread_self()` of the thread (`threading.get_ident()`).
    thread_id: u64,
}

/// A thread's running frames, innermost last: pointers to the frames its
/// eval loops run (pushed and popped by `frame::push_live`/`pop_live`).
pub struct FrameList(RefCell<Vec<*const crate::eval::Frame>>);

// SAFETY: only the owning thread touches the list and its frames, except a
// stopper reading them while the owner is parked or suspended
// (`StoppedWorld::for_each_running_frame`); the stop protocol's SeqCst
// transitions on the owner's slot order the owner's writes before the
// stopper's reads, and those reads before the owner runs again.
unsafe impl Sync for FrameList {}
// SAFETY: as above; the list holds plain pointers, no ownership.
unsafe impl Send for FrameList {}

impl std::ops::Deref for FrameList {
    type Target = RefCell<Vec<*const crate::eval::Frame>>;
    fn deref(&self) -> &Self::Target {
        &self.0
    }
}

/// Its locks are `wait` ones: threads wait on them while the world is
/// stopped, and a fork must not leave stale waiters (see `fork_process`).
struct World {
    threads: WaitMutex<Vec<Arc<ThreadSlot>>>,
    requested: spindle_stw::Request,
    stopper: WaitMutex<()>,
    cv_lock: WaitMutex<()>,
    cv: WaitCondvar,
    /// Threads waiting to attach while the world is stopped.
    held_back: AtomicUsize,
    /// No new stop before this instant: set when a stop ends that held
    /// threads back, so they run a while before the next one (see
    /// `RUN_QUANTUM`).
    next_stop_after: WaitMutex<Option<Instant>>,
}

/// How long threads a stop held back get to run before the next stop. A
/// thread calling `gc.collect()` in a loop would otherwise stop the world
/// again before the threads it resumed are even scheduled, and starve them.
const RUN_QUANTUM: Duration = Duration::from_millis(1);

static WORLD: World = World {
    threads: WaitMutex::new(Vec::new()),
    requested: spindle_stw::Request::new(),
    stopper: WaitMutex::new(()),
    cv_lock: WaitMutex::new(()),
    cv: WaitCondvar::new(),
    held_back: AtomicUsize::new(0),
    next_stop_after: WaitMutex::new(None),
};

/// Whether a stopper waits for threads to reach a safepoint.
#[inline]
pub(crate) fn stop_requested() -> bool {
    WORLD.requested.is_set_relaxed()
}

fn detach(slot: &ThreadSlot) {
    slot.word.detach();
    if WORLD.requested.is_set() {
        let _g = WORLD.cv_lock.lock();
        WORLD.cv.notify_all();
    }
}

/// The world stopped by this thread; dropping it restarts the world.
pub(crate) struct StoppedWorld {
    threads: MutexGuard<'static, Vec<Arc<ThreadSlot>>>,
    suspended: Vec<usize>,
    _stopper: MutexGuard<'static, ()>,
}

impl Drop for StoppedWorld {
    fn drop(&mut self) {
        WORLD.requested.clear();
        crate::interp_hooks::clear_pending(crate::interp_hooks::STOP_REQUESTED);
        for &i in &self.suspended {
            self.threads[i].word.resume();
        }
        if WORLD.held_back.load(Ordering::SeqCst) > 0 {
            *WORLD.next_stop_after.lock() = Some(Instant::now() + RUN_QUANTUM);
        }
        let _g = WORLD.cv_lock.lock();
        WORLD.cv.notify_all();
    }
}

impl StoppedWorld {
    /// Calls `visit(thread id, is the caller's thread, running frames)` for
    /// every thread, newest first, until it returns false. The frames are
    /// innermost last; `None` for a thread whose list was being changed
    /// (never so at a safepoint). The pointers stay valid while `self` lives.
    pub(crate) fn for_each_thread(&self, visit: &mut dyn FnMut(u64, bool, Option<&[*const crate::eval::Frame]>) -> bool) {
        // SAFETY: pthread_self cannot fail.
        let me = unsafe { libc::pthread_self() } as u64;
        for t in self.threads.iter().rev() {
            // SAFETY: every other thread is stopped (and this one is here),
            // so no list changes while the reference lives (see `FrameList`).
            let frames = unsafe { t.frames.try_borrow_unguarded() }.ok().map(|v| v.as_slice());
            if !visit(t.thread_id, t.thread_id == me, frames) {
                return;
            }
        }
    }

    /// Calls `visit` with every running frame of every thread, this one's
    /// too. False, with nothing visited, if some thread's list is being
    /// changed (never so at a safepoint: `push_live`/`pop_live` hold the
    /// list only for their push or pop).
    pub(crate) fn for_each_running_frame(&self, visit: &mut dyn FnMut(&crate::eval::Frame)) -> bool {
        let mut lists = Vec::with_capacity(self.threads.len());
        for t in self.threads.iter() {
            // SAFETY: every other thread is stopped and this one is in the
            // collector, so no list changes while the references live (see
            // `FrameList`).
            match unsafe { t.frames.try_borrow_unguarded() } {
                Ok(l) => lists.push(l),
                Err(_) => return false,
            }
        }
        for l in lists {
            for &p in l {
                // SAFETY: a frame in the list is a live Box<Frame> its thread
                // runs (`pop_live` removes it before the frame ends); that
                // thread is stopped at a safepoint or is this one, so its
                // stack's slots and top are in memory and do not change
                // while we read them.
                visit(unsafe { &*p });
            }
        }
        true
    }
}

/// Stops every other thread at a safepoint (or suspended while detached);
/// `None` if they did not all get there within `timeout` (the world is then
/// running again). The caller must be attached (running Python).
pub(crate) fn stop_the_world(ts: &ThreadState, timeout: Duration) -> Option<StoppedWorld> {
    if let Some(t) = WORLD.next_stop_after.lock().take() {
        let now = Instant::now();
        if t > now {
            std::thread::sleep(t - now);
        }
    }
    // Another stopper has (or is stopping) the world: wait for it detached,
    // so that it can suspend this thread meanwhile. Waiting attached, a
    // would-be stopper holds up the stopper it waits for until that one's
    // deadline, and several at once (collections, a fork) starve each other.
    let stopper = match WORLD.stopper.try_lock() {
        Some(g) => g,
        None => ts.detached(|| WORLD.stopper.try_lock_for(timeout))?,
    };
    let threads = WORLD.threads.lock();
    WORLD.requested.set();
    crate::interp_hooks::set_pending(crate::interp_hooks::STOP_REQUESTED);
    let mut world = StoppedWorld { threads, suspended: Vec::new(), _stopper: stopper };
    let deadline = Instant::now() + timeout;
    let mut done = vec![false; world.threads.len()];
    loop {
        let mut all = true;
        for (i, s) in world.threads.iter().enumerate() {
            if done[i] || Arc::ptr_eq(s, &ts.slot) {
                continue;
            }
            if s.word.try_suspend() {
                done[i] = true;
                world.suspended.push(i);
            } else {
                all = false;
            }
        }
        if all {
            return Some(world);
        }
        if Instant::now() >= deadline {
            return None;
        }
        let g = WORLD.cv_lock.lock();
        drop(WORLD.cv.wait_for(g, Duration::from_millis(1)));
    }
}

/// Turns GIL mode on for good (an import of a module that needs the GIL);
/// false if it was on already. The caller is attached. The switch happens
/// with the world stopped, so every other thread re-attaches through the
/// GIL; then this thread takes it too.
pub(crate) fn enable_gil(ts: &ThreadState) -> bool {
    let gil = &ts.interp.gil;
    if gil.is_enabled() {
        return false;
    }
    let mut first = false;
    // A thread stuck in a native call that does not detach can make a stop
    // fail; retry a while, then switch anyway (it takes the GIL at its
    // next attach).
    for _ in 0..10 {
        if let Some(world) = stop_the_world(ts, Duration::from_secs(1)) {
            first = gil.set_enabled();
            drop(world);
            break;
        }
    }
    if !gil.is_enabled() {
        first = gil.set_enabled();
    }
    ts.detach();
    ts.attach();
    first
}

/// How many threads have a thread state (run Python) now.
pub fn thread_count() -> usize {
    WORLD.threads.lock().len()
}

/// `os.fork()`'s split of the process, as CPython's free-threaded build
/// makes it: the world is stopped across `fork`, so no other thread is
/// inside an object, a container's critical section or a runtime table
/// when the address space is copied. In the child only the calling thread
/// exists, and everything that recorded the others forgets them: the
/// stop-the-world list, the GIL's waiters, their import locks, their
/// reference-count queues and QSBR readers; the caller becomes the main
/// thread. Returns `fork`'s result (-1 with errno set on failure), or the
/// exception a signal handler raised while the world would not stop.
pub fn fork_process(ts: &ThreadState) -> PyResult<libc::pid_t> {
    // A thread inside a long native call that does not detach delays the
    // stop (as it delays a collection); meanwhile a signal's handler can
    // still interrupt the wait (Ctrl-C raises KeyboardInterrupt).
    let mut world = loop {
        if let Some(w) = stop_the_world(ts, Duration::from_millis(200)) {
            break w;
        }
        crate::signals::check(ts)?;
    };
    // SAFETY: fork has no memory-safety preconditions; the child runs on
    // as the calling thread alone, with the fix-ups below before it touches
    // anything another thread could have been using.
    let pid = unsafe { libc::fork() };
    if pid == 0 {
        // SAFETY: just forked: this is the only thread, and it holds no
        // guard of these (a parked thread of the parent may have, for a
        // moment after a timed wait: restarting the world takes cv_lock).
        unsafe {
            WORLD.cv_lock.reset_after_fork();
            WORLD.next_stop_after.reset_after_fork();
        }
        crate::signals::set_main_thread();
        world.threads.retain(|s| Arc::ptr_eq(s, &ts.slot));
        // Indices into the old list; nobody is left to resume.
        world.suspended.clear();
    }
    // Restarts the world (in the child: clears the request, wakes nobody).
    drop(world);
    if pid == 0 {
        WORLD.held_back.store(0, Ordering::SeqCst);
        *WORLD.next_stop_after.lock() = None;
        ts.interp.gil.after_fork_child(ts.gil_id(), ts.holds_gil.get());
        ts.interp.import_locks.after_fork_child(ts);
        ts.interp.gc.after_fork_child();
        crate::qsbr::after_fork_child();
        // Last: merging what was queued to the others may free objects,
        // and so run `__del__`.
        crate::brc::after_fork_child(&ts.brc);
    }
    Ok(pid)
}
