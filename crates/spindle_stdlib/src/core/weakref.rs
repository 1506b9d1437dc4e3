//! `_weakref`: the weak reference type `ref` (subclassable, callable, with
//! callbacks), `getweakrefcount`, `getweakrefs` and `_remove_dead_weakref`.
//! A weakref records its referent only by address in the runtime's weakref
//! registry (spindle_vm::finalize); when the referent dies the runtime asks
//! this module (through `WeakrefHooks`) to mark each weakref dead and hand
//! back its callback. Proxies are written in Python on top of `ref` (see
//! `py/_weakref.py`), since only heap types may override attribute access.

use std::mem::ManuallyDrop;
use std::sync::atomic::{AtomicUsize, Ordering};

use parking_lot::Mutex;
use spindle_vm::error::PyResult;
use spindle_vm::function::Args;
use spindle_vm::interp::ThreadState;
use spindle_vm::object::{PyPayload, TypeRef, WeakrefHooks, alloc};
use spindle_vm::runtime::{is_none, none, rt};
use spindle_vm::value::Value;
use spindle_vm::{native, ops, raise};

use crate::kinds::{CORE_BASE, kind};

pub struct WeakRef {
    /// Address of the referent; 0 once it died.
    referent: AtomicUsize,
    /// Address of this weakref object (for unregistering).
    me: AtomicUsize,
    callback: Mutex<Option<Value>>,
    hash: Mutex<Option<i64>>,
}

impl PyPayload for WeakRef {
    const KIND: spindle_vm::object::PayloadKind = kind(CORE_BASE + 1);
    const GC: bool = true;
    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        if let Some(c) = self.callback.lock().as_ref() {
            visit(c);
        }
    }
    fn clear(&self) {
        let c = self.callback.lock().take();
        drop(c);
    }
}

impl Drop for WeakRef {
    fn drop(&mut self) {
        let r = self.referent.load(Ordering::Acquire);
        if r != 0 {
            spindle_vm::object::weakref_unregister(r, self.me.load(Ordering::Relaxed));
        }
    }
}

/// A borrowed view of the object at `addr` without touching its count.
fn borrowed(addr: usize) -> ManuallyDrop<Value> {
    // SAFETY: callers pass addresses of live objects (registry entries are
    // removed before their objects are freed); ManuallyDrop never decrefs.
    ManuallyDrop::new(unsafe { Value::from_raw(addr as *const spindle_vm::header::ObjHeader) })
}

fn clear_hook(wr: usize) -> Option<(Value, Value)> {
    let v = borrowed(wr);
    let w = v.downcast::<WeakRef>()?;
    w.referent.store(0, Ordering::Release);
    let cb = w.callback.lock().take()?;
    let alive = v.header().map(|h| h.refcount() > 0).unwrap_or(false);
    if !alive {
        return None;
    }
    Some(((*v).clone(), cb))
}

/// The referent of a weakref, if still alive.
pub fn deref(w: &WeakRef) -> Option<Value> {
    let r = w.referent.load(Ordering::Acquire);
    if r == 0 {
        return None;
    }
    let v = borrowed(r);
    if v.header().map(|h| h.refcount() == 0).unwrap_or(true) {
        return None;
    }
    Some((*v).clone())
}

fn this<'a>(a: &'a Args<'a>) -> PyResult<&'a WeakRef> {
    match a.args.first().and_then(|v| v.downcast::<WeakRef>()) {
        Some(w) => Ok(w),
        None => raise!(TypeError, "descriptor requires a 'weakref.ReferenceType' object"),
    }
}

fn check_weakrefable(ts: &ThreadState, ob: &Value) -> PyResult<()> {
    let t = rt();
    let ty = ob.type_ref();
    let types = &t.types;
    // Instances of builtin types without a weakref slot refuse. A class
    // statement's instances have one unless every class down to the first
    // builtin base declares `__slots__` without `__weakref__`.
    let builtin_refuses = |b: TypeRef| {
        [types.int, types.bool_, types.str, types.bytes, types.tuple, types.list, types.dict, types.none, types.float, types.complex, types.bytearray, types.object]
            .contains(&b)
            // range and the builtin iterators (list_iterator, enumerate, map...).
            || [spindle_vm::kinds::RANGE, spindle_vm::kinds::ITERATOR].contains(&b.payload_kind())
    };
    let mut refusing = ob.is_small_int();
    if !refusing {
        refusing = true;
        for b in ty.mro() {
            if !b.is_heap() {
                refusing = builtin_refuses(b);
                break;
            }
            let Some(slots) = b.data().dict_data().get_str("__slots__") else {
                refusing = false;
                break;
            };
            let names: Vec<Value> = match spindle_vm::str::as_str(&slots) {
                Some(_) => vec![slots.clone()],
                None => spindle_vm::ops::collect(ts, &slots).unwrap_or_default(),
            };
            if names.iter().any(|n| spindle_vm::str::as_str(n) == Some("__weakref__")) {
                refusing = false;
                break;
            }
        }
    }
    if refusing {
        raise!(TypeError, "cannot create weak reference to '{}' object", ty.name());
    }
    Ok(())
}

fn ref_new(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let pos = a.positional();
    let Some(cls) = pos.first().and_then(TypeRef::from_value) else {
        raise!(TypeError, "ref.__new__(X): X is not a type object")
    };
    if pos.len() < 2 || pos.len() > 3 {
        raise!(TypeError, "__new__ expected at least 1 argument, got {}", pos.len().saturating_sub(1));
    }
    let ob = pos[1].clone();
    let callback = pos.get(2).filter(|c| !is_none(c)).cloned();
    check_weakrefable(ts, &ob)?;
    let exact = cls == ref_type();
    if exact && callback.is_none() {
        // Reuse an existing plain ref, as CPython does.
        let found = spindle_vm::object::weakref_with_list(&ob, |l| {
            l.iter().find_map(|&wr| {
                let v = borrowed(wr);
                let w = v.downcast::<WeakRef>()?;
                let plain = v.type_ref() == ref_type() && w.callback.lock().is_none();
                let alive = v.header().map(|h| h.refcount() > 0).unwrap_or(false);
                (plain && alive).then(|| (*v).clone())
            })
        });
        if let Some(f) = found {
            return Ok(f);
        }
    }
    let v = alloc(
        cls,
        WeakRef {
            referent: AtomicUsize::new(ob.id()),
            me: AtomicUsize::new(0),
            callback: Mutex::new(callback),
            hash: Mutex::new(None),
        },
    );
    if let Some(w) = v.downcast::<WeakRef>() {
        w.me.store(v.id(), Ordering::Relaxed);
    }
    // Immortal objects never die: no need to track them.
    if !ob.header().map(|h| h.is_immortal()).unwrap_or(true) {
        spindle_vm::object::weakref_register(&ob, v.id());
    }
    Ok(v)
}

fn ref_init(_ts: &ThreadState, _a: Args<'_>) -> PyResult<Value> {
    Ok(none())
}

fn ref_call(_ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let w = this(&a)?;
    if a.args.len() > 1 {
        raise!(TypeError, "weakref() takes no arguments");
    }
    Ok(deref(w).unwrap_or_else(none))
}

fn ref_hash(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let w = this(&a)?;
    if let Some(h) = *w.hash.lock() {
        return Ok(spindle_vm::num::new_int(h));
    }
    let Some(obj) = deref(w) else { raise!(TypeError, "weak object has gone away") };
    let h = ops::hash(ts, &obj)?;
    *w.hash.lock() = Some(h);
    Ok(spindle_vm::num::new_int(h))
}

fn ref_cmp(ts: &ThreadState, a: Args<'_>, eq: bool) -> PyResult<Value> {
    let (Some(x), Some(y)) = (a.args.first(), a.args.get(1)) else { raise!(TypeError, "expected 1 argument") };
    let (Some(wx), Some(wy)) = (x.downcast::<WeakRef>(), y.downcast::<WeakRef>()) else {
        return Ok(rt().not_implemented.clone());
    };
    let r = match (deref(wx), deref(wy)) {
        (Some(ox), Some(oy)) => ops::eq(ts, &ox, &oy)?,
        _ => x.is(y),
    };
    Ok(spindle_vm::num::new_bool(if eq { r } else { !r }))
}

fn ref_repr(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let w = this(&a)?;
    let me = a.args[0].id();
    let s = match deref(w) {
        None => format!("<weakref at {me:#x}; dead>"),
        Some(o) => {
            let name = match ops::getattr_opt(ts, &o, "__name__") {
                Ok(Some(n)) => spindle_vm::str::as_str(&n).map(|s| format!(" ({s})")).unwrap_or_default(),
                _ => String::new(),
            };
            format!("<weakref at {me:#x}; to '{}' at {:#x}{name}>", o.type_ref().name(), o.id())
        }
    };
    Ok(spindle_vm::str::new_string(s))
}

fn ref_callback(_ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let w = this(&a)?;
    Ok(w.callback.lock().clone().unwrap_or_else(none))
}

fn ref_class_getitem(_ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let (Some(cls), Some(item)) = (a.args.first(), a.args.get(1)) else { raise!(TypeError, "expected 1 argument") };
    spindle_vm::builtins_init::generic_alias(_ts, cls, item)
}

fn getweakrefcount(_ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let Some(ob) = a.args.first() else { raise!(TypeError, "getweakrefcount() takes exactly one argument (0 given)") };
    let n = spindle_vm::object::weakref_with_list(ob, |l| l.len());
    Ok(spindle_vm::num::new_int(n as i64))
}

fn getweakrefs(_ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let Some(ob) = a.args.first() else { raise!(TypeError, "getweakrefs() takes exactly one argument (0 given)") };
    let v = spindle_vm::object::weakref_with_list(ob, |l| {
        l.iter()
            .filter_map(|&wr| {
                let v = borrowed(wr);
                let alive = v.header().map(|h| h.refcount() > 0).unwrap_or(false);
                alive.then(|| (*v).clone())
            })
            .collect::<Vec<_>>()
    });
    Ok(spindle_vm::seq::new_list(v))
}

fn remove_dead_weakref(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let (Some(d), Some(key)) = (a.args.first(), a.args.get(1)) else {
        raise!(TypeError, "_remove_dead_weakref expected 2 arguments")
    };
    let cur = match ops::getitem(ts, d, key) {
        Ok(v) => v,
        Err(e) if e.is_instance(rt().exc.KeyError) => return Ok(none()),
        Err(e) => return Err(e),
    };
    let dead = cur.downcast::<WeakRef>().map(|w| deref(w).is_none()).unwrap_or(false);
    if dead {
        match ops::delitem(ts, d, key) {
            Ok(()) => {}
            Err(e) if e.is_instance(rt().exc.KeyError) => {}
            Err(e) => return Err(e),
        }
    }
    Ok(none())
}

static REF_TYPE: std::sync::OnceLock<TypeRef> = std::sync::OnceLock::new();

fn ref_type() -> TypeRef {
    *REF_TYPE.get_or_init(|| {
        spindle_vm::object::set_weakref_hooks(WeakrefHooks { clear: clear_hook });
        let t = native::new_type::<WeakRef>("ReferenceType", "weakref", None, true);
        native::set_new(t, ref_new);
        native::add_methods(
            t,
            &[
                ("__init__", ref_init),
                ("__call__", ref_call),
                ("__hash__", ref_hash),
                ("__eq__", |ts, a| ref_cmp(ts, a, true)),
                ("__ne__", |ts, a| ref_cmp(ts, a, false)),
                ("__repr__", ref_repr),
            ],
        );
        native::add_classmethod(t, "__class_getitem__", ref_class_getitem);
        t
    })
}

/// Builds the native half of `_weakref`; the Python half adds proxies.
pub fn init(ts: &ThreadState) -> PyResult<Value> {
    let t = ref_type();
    if let Ok(prop) = ops::call(ts, &rt().types.property.to_value(), &[spindle_vm::function::new_native("__callback__", ref_callback)]) {
        native::add_class_value(t, "__callback__", prop);
    }
    let m = native::new_module(
        "_weakref",
        &[("getweakrefcount", getweakrefcount), ("getweakrefs", getweakrefs), ("_remove_dead_weakref", remove_dead_weakref)],
    );
    native::add_value(&m, "ref", t.to_value());
    native::add_value(&m, "ReferenceType", t.to_value());
    super::exec_py(ts, &m, include_str!("py/_weakref.py"), "_weakref")?;
    Ok(m)
}
