//! Running `__del__` when a heap-type instance dies (PEP 442: at most once).

use crate::header::{ObjHeader, flags};
use crate::value::Value;

/// Runs the type's `__del__` for a dead object; true if it resurrected it.
pub(crate) fn run_del_if_any(ptr: *mut ObjHeader) -> bool {
    // SAFETY: the caller passes a dead, not yet freed object.
    let h = unsafe { &*ptr };
    if h.has_flag(flags::FINALIZED) {
        return false;
    }
    let td = h.ty.data();
    let epoch = crate::types::lookup_epoch();
    if td.no_del_epoch.load(std::sync::atomic::Ordering::Relaxed) == epoch {
        return false;
    }
    let Some(del) = h.ty.lookup_static("__del__") else {
        td.no_del_epoch.store(epoch, std::sync::atomic::Ordering::Relaxed);
        return false;
    };
    h.set_flag(flags::FINALIZED);
    // Temporarily resurrect: the Value we build holds the one reference.
    h.incref_from_zero();
    // SAFETY: we just took a reference to the live (resurrected) object.
    let obj = unsafe { Value::from_raw(ptr) };
    crate::ops::with_thread_state(|ts| {
        if let Err(e) = crate::ops::call(ts, &del, &[obj.clone()]) {
            crate::ops::write_unraisable(ts, &e, Some("Exception ignored while calling deallocator"), Some(&del));
        }
    });
    let resurrected = obj.header().map(|h| h.refcount() > 1).unwrap_or(false);
    if resurrected {
        drop(obj);
        return true;
    }
    // Give back our reference without recursing into dealloc.
    std::mem::forget(obj);
    h.reset_dead();
    false
}

// ---------------------------------------------------------------------------
// Weak references.
//
// The runtime keeps, per referent address, the addresses of the weak
// reference objects pointing at it (not strong references: a weakref keeps
// neither its referent nor itself alive through this table). The referent's
// header carries `flags::HAS_WEAKREFS` so `dealloc` only looks here for
// objects that ever had one. The weakref type itself lives in
// `spindle_stdlib` (`_weakref`); it installs `WeakrefHooks` so the runtime can
// clear its objects and fetch their callbacks without knowing their layout.

use std::collections::HashMap;
use std::sync::{LazyLock, OnceLock};

const SHARDS: usize = 16;

static REGISTRY: LazyLock<[parking_lot::Mutex<HashMap<usize, Vec<usize>>>; SHARDS]> =
    LazyLock::new(|| std::array::from_fn(|_| parking_lot::Mutex::new(HashMap::new())));

/// What the weakref implementation provides to the runtime.
pub struct WeakrefHooks {
    /// Called with the registry shard locked, for each weak reference (by
    /// address) of a dying referent: marks it dead and returns it (as a new
    /// strong reference, unless it is itself dying) with its callback, if any.
    pub clear: fn(usize) -> Option<(Value, Value)>,
}

static HOOKS: OnceLock<WeakrefHooks> = OnceLock::new();

/// Installs the weakref implementation's hooks (first call wins).
pub fn set_weakref_hooks(h: WeakrefHooks) {
    let _ = HOOKS.set(h);
}

fn shard(referent: usize) -> &'static parking_lot::Mutex<HashMap<usize, Vec<usize>>> {
    &REGISTRY[(referent >> 4) % SHARDS]
}

/// Records that the weakref object at address `wr` points at `referent`.
pub fn weakref_register(referent: &Value, wr: usize) {
    let Some(h) = referent.header() else { return };
    let mut g = shard(referent.id()).lock();
    h.set_flag(flags::HAS_WEAKREFS);
    g.entry(referent.id()).or_default().push(wr);
}

/// Forgets the weakref object at `wr` (when it dies before its referent).
pub fn weakref_unregister(referent: usize, wr: usize) {
    let mut g = shard(referent).lock();
    if let Some(list) = g.get_mut(&referent) {
        list.retain(|&x| x != wr);
        if list.is_empty() {
            g.remove(&referent);
        }
    }
}

/// Runs `f` over the weakref addresses of `referent`, with the registry
/// locked (so none of them can be freed meanwhile). `f` must not call Python.
pub fn weakref_with_list<R>(referent: &Value, f: impl FnOnce(&[usize]) -> R) -> R {
    let g = shard(referent.id()).lock();
    match g.get(&referent.id()) {
        Some(l) => f(l),
        None => f(&[]),
    }
}

/// Called by `dealloc` for a dying object that had weak references: marks
/// each dead, then runs the callbacks (most recent first), as CPython does.
pub(crate) fn clear_weakrefs(referent: usize) {
    let Some(hooks) = HOOKS.get() else { return };
    let calls: Vec<(Value, Value)> = {
        let mut g = shard(referent).lock();
        let list = g.remove(&referent).unwrap_or_default();
        list.iter().rev().filter_map(|&wr| (hooks.clear)(wr)).collect()
    };
    if calls.is_empty() {
        return;
    }
    crate::ops::with_thread_state(|ts| {
        for (wr, cb) in &calls {
            if let Err(e) = crate::ops::call(ts, cb, &[wr.clone()]) {
                crate::ops::write_unraisable(
                    ts,
                    &e,
                    Some("Exception ignored while calling weakref callback"),
                    Some(cb),
                );
            }
        }
    });
}

/// For the cycle collector (world stopped): clears every weak reference to
/// `referent` and returns them with their callbacks (weakrefs without a
/// callback, or dying ones, are not returned). Calls nothing.
pub(crate) fn gc_clear_weakrefs(referent: usize) -> Vec<(Value, Value)> {
    let Some(hooks) = HOOKS.get() else { return Vec::new() };
    let mut g = shard(referent).lock();
    let list = g.remove(&referent).unwrap_or_default();
    list.iter().rev().filter_map(|&wr| (hooks.clear)(wr)).collect()
}

/// For the cycle collector (world running): runs the finalizer of the
/// unreachable object `obj` if it has one that has not run (`__del__` of a
/// heap-type instance, closing a suspended generator). True if one ran.
pub(crate) fn gc_finalize(ts: &crate::interp::ThreadState, obj: &Value) -> bool {
    use std::sync::atomic::Ordering;
    let Some(h) = obj.header() else { return false };
    if h.has_flag(flags::FINALIZED) {
        return false;
    }
    let td = h.ty.data();
    if td.is_heap() {
        if let Some(del) = h.ty.lookup_static("__del__") {
            h.set_flag(flags::FINALIZED);
            if let Err(e) = crate::ops::call(ts, &del, &[obj.clone()]) {
                crate::ops::write_unraisable(ts, &e, Some("Exception ignored while calling deallocator"), Some(&del));
            }
            return true;
        }
    }
    if let Some(g) = obj.downcast::<crate::generator::PyGenerator>() {
        let needs = g.started.load(Ordering::Acquire) && g.frame.lock().is_some();
        if needs {
            h.set_flag(flags::FINALIZED);
            if let Err(e) = crate::generator::gen_close(ts, g) {
                crate::ops::write_unraisable(ts, &e, Some("Exception ignored while closing generator"), Some(obj));
            }
            return true;
        }
    }
    false
}

/// A suspended generator being freed is closed first (its `finally` blocks
/// run), as CPython does. True if closing resurrected it.
pub(crate) fn close_suspended_generator(ptr: *mut ObjHeader) -> bool {
    // SAFETY: the caller passes a dead, not yet freed object.
    let h = unsafe { &*ptr };
    if h.has_flag(flags::FINALIZED) {
        return false;
    }
    h.set_flag(flags::FINALIZED);
    h.incref_from_zero();
    // SAFETY: we just took a reference to the live (resurrected) object.
    let obj = unsafe { Value::from_raw(ptr) };
    let needs = obj.downcast::<crate::generator::PyGenerator>().map(crate::generator::needs_finalize).unwrap_or(false);
    if needs {
        crate::ops::with_thread_state(|ts| {
            if let Some(g) = obj.downcast::<crate::generator::PyGenerator>() {
                crate::generator::finalize(ts, &obj, g);
            }
        });
    }
    let resurrected = obj.header().map(|h| h.refcount() > 1).unwrap_or(false);
    if resurrected {
        drop(obj);
        return true;
    }
    std::mem::forget(obj);
    h.reset_dead();
    false
}
