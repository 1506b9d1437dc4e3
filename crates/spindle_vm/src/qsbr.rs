//! Lock-free reads of rarely replaced data, with the old copy freed through
//! quiescent-state-based reclamation (the protocol is `spindle_qsbr`,
//! model-checked with loom).
//!
//! A [`QsbrCell`] holds a boxed value that readers borrow with one load and
//! no write to shared memory (a read lock or a reference count on shared
//! data is a cache-line transfer per read when several threads read it).
//! Replacing the value retires the old box; it is freed once every thread
//! has passed a quiescent state: its eval breaker while the [`QSBR_PENDING`]
//! bit is set, or detaching (`ThreadState::detach`), where it holds no
//! borrowed pointer.
//!
//! The rule readers follow: a borrow ([`ReadGuard`]) never lives across
//! anything that reaches a quiescent state: running Python code (its eval
//! breaker) or a blocking call. Debug builds count each thread's live
//! guards and check the count is zero at every quiescent state; the test
//! command runs the conformance programs on a debug build.

use std::any::Any;
use std::cell::{Cell, RefCell};
use std::marker::PhantomData;
use std::sync::Arc;
use std::sync::atomic::{AtomicPtr, AtomicUsize, Ordering};

use spindle_qsbr::{Domain, Reader, Retired};

use crate::interp_hooks::QSBR_PENDING;
use crate::value::Value;

static DOMAIN: Domain = Domain::new();
static RETIRED: Retired<Box<dyn Any + Send>> = Retired::new();

/// Threads whose `LOCAL` list is not empty.
static THREADS_WAITING: AtomicUsize = AtomicUsize::new(0);

thread_local! {
    /// References this thread dropped that lock-free readers may still be
    /// about to take (`retire_value`), with their goals, oldest first.
    static LOCAL: RefCell<Vec<(u64, Value)>> = const { RefCell::new(Vec::new()) };
    /// This thread's reader, while it has a `ThreadState`.
    static READER: RefCell<Option<Arc<Reader>>> = const { RefCell::new(None) };
    /// Live `ReadGuard`s on this thread (checked in debug builds).
    static GUARDS: Cell<usize> = const { Cell::new(0) };
    /// Set once the thread has unregistered (it is ending): what it
    /// retires from then on (a weakref callback run by the last frees
    /// discarding from a shared set, say) goes to the shared list, as no
    /// quiescent state of this thread will free `LOCAL` any more. No
    /// destructor, so readable while thread-locals are torn down.
    static LEAVING: Cell<bool> = const { Cell::new(false) };
}

/// Registers the calling thread as a reader, offline until `online`.
pub(crate) fn register_thread() {
    let r = DOMAIN.register();
    READER.with(|slot| *slot.borrow_mut() = Some(r));
    LEAVING.set(false);
}

/// Removes the calling thread's reader (it is ending); the references it
/// still waits to drop, and any it retires from now on, go to the shared
/// list.
pub(crate) fn unregister_thread() {
    LEAVING.set(true);
    let left = LOCAL.with(|l| std::mem::take(&mut *l.borrow_mut()));
    if !left.is_empty() {
        THREADS_WAITING.fetch_sub(1, Ordering::SeqCst);
        for (goal, v) in left {
            RETIRED.push(goal, Box::new(v));
        }
        // Their goals were deferred: make sure the sequence reaches them.
        DOMAIN.advance();
        crate::interp_hooks::set_pending(QSBR_PENDING);
    }
    // The thread holds no borrowed pointer here: report it, then free
    // while still a reader (what this frees may run Python code, `__del__`
    // or weakref callbacks, that reads containers without a lock).
    check_no_guards();
    with_reader(|r| r.quiescent(&DOMAIN));
    free_ready();
    if let Some(r) = READER.with(|slot| slot.borrow_mut().take()) {
        DOMAIN.unregister(&r);
    }
}

/// In a forked child, run by the forking thread: the other threads'
/// readers go (offline when the world stopped for the fork, so they held
/// nothing back), and so does their count in `THREADS_WAITING`, which would
/// otherwise keep the pending bit set for good. What they had retired
/// locally stays unfreed: their memory is the child's only through a copy
/// of their thread-locals, which nothing reaches.
pub(crate) fn after_fork_child() {
    with_reader_arc(|r| DOMAIN.retain_only(r));
    let mine = LOCAL.with(|l| !l.borrow().is_empty());
    THREADS_WAITING.store(usize::from(mine), Ordering::SeqCst);
}

fn with_reader_arc(f: impl FnOnce(&Arc<Reader>)) {
    let _ = READER.try_with(|slot| {
        if let Some(r) = &*slot.borrow() {
            f(r)
        }
    });
}

fn with_reader(f: impl FnOnce(&Reader)) {
    // Gone while thread-locals are torn down: the thread reads nothing then.
    let _ = READER.try_with(|slot| {
        if let Some(r) = &*slot.borrow() {
            f(r)
        }
    });
}

fn check_no_guards() {
    debug_assert_eq!(GUARDS.get(), 0, "a QSBR read guard is live at a quiescent state");
}

/// The calling thread attaches: it may read again.
pub(crate) fn online() {
    with_reader(|r| r.online(&DOMAIN));
}

/// The calling thread detaches: it reads nothing until `online`.
pub(crate) fn offline() {
    check_no_guards();
    with_reader(Reader::offline);
}

/// The eval breaker saw `QSBR_PENDING`: report a quiescent state and free
/// what is ready.
#[cold]
pub(crate) fn quiescent() {
    check_no_guards();
    with_reader(|r| r.quiescent(&DOMAIN));
    free_local();
    free_ready();
}

/// Whether this thread's retired references or any retired box wait.
pub(crate) fn waiting() -> bool {
    LOCAL.with(|l| !l.borrow().is_empty()) || !RETIRED.is_empty()
}

/// Frees retired boxes whose goal passed; clears the pending bit once
/// nothing waits anywhere (cleared first, then re-set if a retire raced
/// in, so none is lost).
fn free_ready() {
    let ready = RETIRED.take_ready(&DOMAIN);
    // Only when nothing waits: while something does, the bit stays set
    // without a write to the shared word at every thread's breaker.
    let idle = || RETIRED.is_empty() && THREADS_WAITING.load(Ordering::SeqCst) == 0;
    if idle() {
        crate::interp_hooks::clear_pending(QSBR_PENDING);
        if !idle() {
            crate::interp_hooks::set_pending(QSBR_PENDING);
        }
    }
    drop(ready);
}

/// Drops this thread's retired references whose goal passed.
fn free_local() {
    let ready = LOCAL.with(|l| {
        let mut l = l.borrow_mut();
        let newest = l.last()?.0;
        // Goals are deferred (no bump per retirement): bump once for all.
        if DOMAIN.current() < newest {
            DOMAIN.advance();
            with_reader(|r| r.quiescent(&DOMAIN));
        }
        let n = l.iter().take_while(|(goal, _)| DOMAIN.poll(*goal)).count();
        let ready: Vec<(u64, Value)> = l.drain(..n).collect();
        if l.is_empty() {
            THREADS_WAITING.fetch_sub(1, Ordering::SeqCst);
        }
        Some(ready)
    });
    // Outside the borrow: a `__del__` may run and retire more.
    drop(ready);
}

/// Drops `v`, a reference a container of shared objects let go of, once no
/// thread can be about to take a reference from the pointer it read
/// without a lock (see `DictSlot`). Small ints, immortal objects and
/// deferred ones, whose memory no decref frees, are dropped at once.
pub(crate) fn retire_value(v: Value) {
    if v.header().is_none_or(|h| h.never_freed_by_decref()) {
        return;
    }
    if LEAVING.get() {
        RETIRED.push(DOMAIN.advance(), Box::new(v));
        crate::interp_hooks::set_pending(QSBR_PENDING);
        return;
    }
    let goal = DOMAIN.deferred_goal();
    let first = LOCAL.with(|l| {
        let mut l = l.borrow_mut();
        l.push((goal, v));
        l.len() == 1
    });
    if first {
        THREADS_WAITING.fetch_add(1, Ordering::SeqCst);
        crate::interp_hooks::set_pending(QSBR_PENDING);
    }
}

/// What a container that let go of `v` gives its caller: `v` itself, or,
/// when lock-free readers share the container (`shared`), a counted copy
/// while the container's own reference is retired.
#[inline]
pub(crate) fn hand_out(shared: bool, v: Value) -> Value {
    if shared {
        let c = v.clone();
        retire_value(v);
        return c;
    }
    v
}

/// A reference a container let go of, for the caller to drop after its
/// lock: `v`, or None when lock-free readers share the container
/// (`shared`) and it was retired instead.
#[inline]
pub(crate) fn release(shared: bool, v: Value) -> Option<Value> {
    if shared {
        retire_value(v);
        return None;
    }
    Some(v)
}

/// A container's replaced table or buffer that lock-free readers may still
/// be reading: `free(ptr)` releases it once none can. It holds no
/// references (its words moved on or were retired), so no `__del__` runs
/// when it goes.
struct RetiredBlock {
    ptr: *mut u8,
    free: unsafe fn(*mut u8),
}

// SAFETY: plain memory no thread writes any more; freeing it on another
// thread is fine.
unsafe impl Send for RetiredBlock {}

impl Drop for RetiredBlock {
    fn drop(&mut self) {
        // SAFETY: `release_block`'s contract: QSBR drops this once no reader
        // can still hold the block, and only once.
        unsafe { (self.free)(self.ptr) }
    }
}

/// Frees the block `ptr` a container let go of, with `free`: at once when
/// no lock-free reader can hold it (the container is not `shared`: only
/// its creator reads without the lock, and it is the caller), else once
/// no thread can still be reading it. The caller holds no `ReadGuard` and
/// no container lock.
///
/// # Safety
/// `free(ptr)` is sound once no reader holds the block; nothing else frees
/// or writes it.
pub(crate) unsafe fn release_block(shared: bool, ptr: *mut u8, free: unsafe fn(*mut u8)) {
    if shared {
        retire(Box::new(RetiredBlock { ptr, free }))
    } else {
        // SAFETY: the caller's contract, with no reader left (see above).
        unsafe { free(ptr) }
    }
}

/// Frees `item` once no thread can still be reading it (at once when no
/// other thread is online).
fn retire(item: Box<dyn Any + Send>) {
    let goal = DOMAIN.advance();
    // The caller holds no guard (the rule), so this thread is quiescent.
    check_no_guards();
    with_reader(|r| r.quiescent(&DOMAIN));
    if DOMAIN.poll(goal) {
        drop(item);
        return;
    }
    RETIRED.push(goal, item);
    crate::interp_hooks::set_pending(QSBR_PENDING);
}

/// Proof that the current thread may borrow from `QsbrCell`s: it is not
/// `Send`, and the borrows it hands out end with it.
pub struct ReadGuard {
    _not_send: PhantomData<*const ()>,
}

impl ReadGuard {
    #[inline]
    pub fn new() -> ReadGuard {
        if cfg!(debug_assertions) {
            GUARDS.set(GUARDS.get() + 1);
        }
        ReadGuard { _not_send: PhantomData }
    }
}

impl Default for ReadGuard {
    fn default() -> Self {
        Self::new()
    }
}

impl Drop for ReadGuard {
    #[inline]
    fn drop(&mut self) {
        if cfg!(debug_assertions) {
            GUARDS.set(GUARDS.get() - 1);
        }
    }
}

/// A value read without a lock and replaced whole (see the module docs).
pub struct QsbrCell<T: Send + Sync + 'static> {
    /// Always a live `Box<T>` owned by the cell.
    ptr: AtomicPtr<T>,
}

impl<T: Send + Sync + 'static> QsbrCell<T> {
    pub fn new(v: T) -> QsbrCell<T> {
        QsbrCell { ptr: AtomicPtr::new(Box::into_raw(Box::new(v))) }
    }

    /// The current value, borrowed for as long as `guard` lives.
    #[inline]
    pub fn read<'g>(&self, _guard: &'g ReadGuard) -> &'g T {
        // SAFETY: the pointer is a live box: replaced boxes are freed only
        // after this thread's next quiescent state, which cannot come while
        // `guard` lives (the module rule; checked in debug builds).
        unsafe { &*self.ptr.load(Ordering::SeqCst) }
    }

    /// A copy of the current value.
    pub fn get(&self) -> T
    where
        T: Clone,
    {
        let g = ReadGuard::new();
        self.read(&g).clone()
    }

    /// Publishes `v`; the old value is freed once no reader can hold it.
    pub fn set(&self, v: T) {
        let old = self.ptr.swap(Box::into_raw(Box::new(v)), Ordering::SeqCst);
        // SAFETY: `old` was the cell's live box, now unlinked: only readers
        // that loaded it before the swap can reach it, and `retire` waits
        // for them.
        retire(unsafe { Box::from_raw(old) });
    }
}

impl<T: Send + Sync + 'static> Drop for QsbrCell<T> {
    fn drop(&mut self) {
        let p = *self.ptr.get_mut();
        // SAFETY: the cell owns its box. A cell dies with its object, which
        // nobody else can reach any more, so no reader borrows from it.
        drop(unsafe { Box::from_raw(p) });
    }
}

/// An optional `Value` read without a lock or a reference count (see the
/// module docs): one atomic word with the value's bits (0: None). A
/// replaced value is retired (`retire_value`), so a reader that loaded it
/// just before can still take a reference.
pub struct AtomicValue(AtomicUsize);

/// A value borrowed from an `AtomicValue` for as long as a `ReadGuard`.
pub struct Borrowed<'g>(std::mem::ManuallyDrop<Value>, PhantomData<&'g ReadGuard>);

impl std::ops::Deref for Borrowed<'_> {
    type Target = Value;
    fn deref(&self) -> &Value {
        &self.0
    }
}

impl AtomicValue {
    pub fn new(v: Option<Value>) -> AtomicValue {
        AtomicValue(AtomicUsize::new(v.map_or(0, Value::into_raw)))
    }

    /// The value, borrowed while `guard` lives.
    #[inline]
    pub fn read<'g>(&self, _guard: &'g ReadGuard) -> Option<Borrowed<'g>> {
        let bits = std::num::NonZeroUsize::new(self.0.load(Ordering::Acquire))?;
        // SAFETY: the value was stored here when loaded; if it was replaced
        // since, it was retired, not dropped, and this thread passes no
        // quiescent state while `guard` lives; the view is never dropped.
        Some(Borrowed(std::mem::ManuallyDrop::new(unsafe { Value::from_bits(bits) }), PhantomData))
    }

    /// A counted copy of the value.
    pub fn get(&self) -> Option<Value> {
        let g = ReadGuard::new();
        self.read(&g).map(|v| (*v).clone())
    }

    /// Publishes `v`; the old value is retired.
    pub fn set(&self, v: Option<Value>) {
        let old = self.0.swap(v.map_or(0, Value::into_raw), Ordering::AcqRel);
        if let Some(bits) = std::num::NonZeroUsize::new(old) {
            // SAFETY: the cell owned the value it held; it is handed over.
            retire_value(unsafe { Value::from_bits(bits) });
        }
    }

    /// Publishes `v` and hands the old value back to the caller, who must
    /// retire it unless no lock-free reader can hold it (`cell::PyCell`).
    pub fn swap(&self, v: Option<Value>) -> Option<Value> {
        let old = std::num::NonZeroUsize::new(self.0.swap(v.map_or(0, Value::into_raw), Ordering::AcqRel))?;
        // SAFETY: the cell owned the value it held; it is handed over.
        Some(unsafe { Value::from_bits(old) })
    }

    /// Takes the value out (the cycle collector's clear, on an object no
    /// reader can reach: dropped by the caller, not retired).
    pub fn take(&self) -> Option<Value> {
        let old = std::num::NonZeroUsize::new(self.0.swap(0, Ordering::AcqRel))?;
        // SAFETY: the cell owned the value it held; it is handed over.
        Some(unsafe { Value::from_bits(old) })
    }
}

impl Default for AtomicValue {
    fn default() -> Self {
        AtomicValue::new(None)
    }
}

impl Drop for AtomicValue {
    fn drop(&mut self) {
        if let Some(bits) = std::num::NonZeroUsize::new(*self.0.get_mut()) {
            // SAFETY: the cell owns its value; its object is dying, so no
            // reader borrows from it.
            drop(unsafe { Value::from_bits(bits) });
        }
    }
}
