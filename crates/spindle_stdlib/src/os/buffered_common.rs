//! What `BufferedReader` and `BufferedWriter` do alike: the methods and
//! properties passed through to the raw stream, `raw`, `_dealloc_warn`,
//! pickling refusal and `repr`. Each class implements `Buffered`; its method
//! table names these functions instantiated for its payload.

use std::sync::OnceLock;
use std::sync::atomic::{AtomicUsize, Ordering};

use parking_lot::{Mutex, MutexGuard};

use spindle_vm::function::Args;
use spindle_vm::interp::ThreadState;
use spindle_vm::object::{PyPayload, TypeRef};
use spindle_vm::runtime::{none, rt};
use spindle_vm::str::new_str;
use spindle_vm::{PyResult, Value, ops, raise};

use crate::math::exact;

pub(crate) trait Buffered: PyPayload {
    /// The class's full name, as CPython's messages and repr give it.
    const CLASS: &'static str;
    /// The exact class (subclasses repr with their own name).
    fn class() -> &'static OnceLock<TypeRef>;
    /// The raw stream, or CPython's error when detached or uninitialized.
    fn raw(&self) -> PyResult<Value>;
    fn is_detached(&self) -> bool;
    /// The raw stream if there is one, without checks.
    fn raw_opt(&self) -> Option<Value>;
}

/// The lock that keeps one buffered object's operations whole across
/// threads: held for an operation (while the thread waits, it is detached),
/// and a re-entrant call from the holding thread raises CPython's
/// RuntimeError instead of deadlocking.
pub(crate) struct IoLock {
    io: Mutex<()>,
    /// The thread holding `io` (`thread_mark`), 0 if none.
    owner: AtomicUsize,
}

/// Holds an `IoLock` for one operation; releases it (and the owner mark) on drop.
pub(crate) struct IoGuard<'a> {
    lock: &'a IoLock,
    _g: MutexGuard<'a, ()>,
}

impl Drop for IoGuard<'_> {
    fn drop(&mut self) {
        self.lock.owner.store(0, Ordering::Release);
    }
}

thread_local! {
    static THREAD_MARK: u8 = const { 0 };
}

/// An address unique to each live thread.
pub(crate) fn thread_mark() -> usize {
    THREAD_MARK.with(|m| m as *const u8 as usize)
}

impl IoLock {
    pub(crate) fn new() -> IoLock {
        IoLock { io: Mutex::new(()), owner: AtomicUsize::new(0) }
    }

    /// Takes the lock for an operation on `this`.
    pub(crate) fn enter<'a>(&'a self, ts: &ThreadState, this: &Value) -> PyResult<IoGuard<'a>> {
        let mark = thread_mark();
        if self.owner.load(Ordering::Acquire) == mark {
            let r = ops::repr_string(ts, this).unwrap_or_default();
            raise!(RuntimeError, "reentrant call inside {}", r);
        }
        let g = match self.io.try_lock() {
            Some(g) => g,
            None => ts.detached(|| self.io.lock()),
        };
        self.owner.store(mark, Ordering::Release);
        Ok(IoGuard { lock: self, _g: g })
    }
}

/// `self` of a method of `T`, with CPython's descriptor errors.
pub(crate) fn me<'a, T: Buffered>(a: &'a Args<'_>) -> PyResult<(&'a Value, &'a T)> {
    let Some(v) = a.args.first() else { raise!(TypeError, "descriptor needs an argument") };
    match v.downcast::<T>() {
        Some(p) => Ok((v, p)),
        None => raise!(TypeError, "descriptor requires a '{}' object but received a '{}'", T::CLASS, ops::type_name(v)),
    }
}

/// A method passed on to the raw stream unchanged.
fn pass_on<T: Buffered>(ts: &ThreadState, a: &Args<'_>, name: &'static str) -> PyResult {
    let (_, p) = me::<T>(a)?;
    exact(name, a, 1, 0, 0)?;
    let raw = p.raw()?;
    ops::call_method(ts, &raw, name, &[])
}

pub(crate) fn fileno<T: Buffered>(ts: &ThreadState, a: Args<'_>) -> PyResult {
    pass_on::<T>(ts, &a, "fileno")
}
pub(crate) fn isatty<T: Buffered>(ts: &ThreadState, a: Args<'_>) -> PyResult {
    pass_on::<T>(ts, &a, "isatty")
}
pub(crate) fn seekable<T: Buffered>(ts: &ThreadState, a: Args<'_>) -> PyResult {
    pass_on::<T>(ts, &a, "seekable")
}
pub(crate) fn readable<T: Buffered>(ts: &ThreadState, a: Args<'_>) -> PyResult {
    pass_on::<T>(ts, &a, "readable")
}
pub(crate) fn writable<T: Buffered>(ts: &ThreadState, a: Args<'_>) -> PyResult {
    pass_on::<T>(ts, &a, "writable")
}

fn attr_of_raw<T: Buffered>(ts: &ThreadState, a: &Args<'_>, name: &str) -> PyResult {
    let (_, p) = me::<T>(a)?;
    let raw = p.raw()?;
    ops::getattr_str(ts, &raw, name)
}

pub(crate) fn closed<T: Buffered>(ts: &ThreadState, a: Args<'_>) -> PyResult {
    attr_of_raw::<T>(ts, &a, "closed")
}
pub(crate) fn name<T: Buffered>(ts: &ThreadState, a: Args<'_>) -> PyResult {
    attr_of_raw::<T>(ts, &a, "name")
}
pub(crate) fn mode<T: Buffered>(ts: &ThreadState, a: Args<'_>) -> PyResult {
    attr_of_raw::<T>(ts, &a, "mode")
}

/// The `raw` property: None once detached.
pub(crate) fn raw<T: Buffered>(_ts: &ThreadState, a: Args<'_>) -> PyResult {
    let (_, p) = me::<T>(&a)?;
    if p.is_detached() {
        return Ok(none());
    }
    p.raw()
}

pub(crate) fn dealloc_warn<T: Buffered>(ts: &ThreadState, a: Args<'_>) -> PyResult {
    let (_, p) = me::<T>(&a)?;
    let v = exact("_dealloc_warn", &a, 1, 1, 1)?;
    if let Some(raw) = p.raw_opt() {
        if let Some(f) = ops::getattr_opt(ts, &raw, "_dealloc_warn")? {
            ops::call(ts, &f, &[v[0].clone()])?;
        }
    }
    Ok(none())
}

pub(crate) fn getstate<T: Buffered>(_ts: &ThreadState, a: Args<'_>) -> PyResult {
    let (this, _) = me::<T>(&a)?;
    raise!(TypeError, "cannot pickle '{}' instances", this.type_ref().name())
}

pub(crate) fn repr<T: Buffered>(ts: &ThreadState, a: Args<'_>) -> PyResult {
    let (this, _) = me::<T>(&a)?;
    let class_name = if Some(this.type_ref()) == T::class().get().copied() { T::CLASS.to_owned() } else { ops::type_name(this) };
    match ops::getattr_str(ts, this, "name") {
        Ok(name) => Ok(new_str(&format!("<{} name={}>", class_name, ops::repr_string(ts, &name)?))),
        Err(e) if e.is_instance(rt().exc.AttributeError) || e.is_instance(rt().exc.ValueError) => Ok(new_str(&format!("<{class_name}>"))),
        Err(e) => Err(e),
    }
}
