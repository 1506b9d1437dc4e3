//! The `__dict__` and `__weakref__` getset descriptors of Python classes.
//!
//! As in CPython, a class statement whose bases give its instances no
//! `__dict__` (or no weak-reference slot) adds that slot, and with it a
//! `getset_descriptor` in its own namespace; `__slots__` without the name
//! leaves it out. Attribute access on instances does not need these entries
//! (`builtin_attr` serves `obj.__dict__` directly); they exist so that
//! `C.__dict__['__dict__'].__get__(obj)` and friends, `dir()` and `vars(C)`
//! see what CPython's do.

use crate::class::PyGetSet;
use crate::dict::PyDict;
use crate::error::PyResult;
use crate::interp::ThreadState;
use crate::object::{TypeRef, alloc};
use crate::ops;
use crate::runtime::{none, rt};
use crate::types::type_flags;
use crate::value::Value;
use crate::raise;

/// Adds the `__dict__`/`__weakref__` getsets to the namespace `d` of a new
/// class named `owner` when its `bases` do not already provide them.
/// `wants_dict`/`wants_weakref`: no `__slots__`, or the name is in them.
pub fn add_instance_getsets(d: &PyDict, owner: &str, bases: &[TypeRef], wants_dict: bool, wants_weakref: bool) {
    let r = rt();
    let add_dict = wants_dict && !bases.iter().any(|b| provides_dict(*b));
    let add_weakref = wants_weakref && !bases.iter().any(|b| provides_weakref(*b));
    for (name, add) in [("__dict__", add_dict), ("__weakref__", add_weakref)] {
        if add && d.get_str(name).is_none() {
            d.set_str(crate::str::intern(name), alloc(r.types.getset_descriptor, PyGetSet { name, owner: owner.to_owned() }));
        }
    }
}

/// Whether instances of `t` already have a `__dict__` slot.
fn provides_dict(t: TypeRef) -> bool {
    // The common cases without walking the MRO.
    if t.is_heap() && t.data().has_dict() {
        return true;
    }
    let ty = &rt().types;
    if t == ty.object {
        return false;
    }
    t.mro().iter().any(|c| {
        if c.is_heap() {
            c.data().has_dict()
        } else {
            // CPython's builtin types whose instances carry a dict.
            c.flags() & type_flags::EXCEPTION != 0 || [ty.type_, ty.module, ty.classmethod, ty.staticmethod, ty.function].contains(c)
        }
    })
}

/// Whether instances of `t` already have a weak-reference slot, or cannot
/// get one (CPython's variable-sized builtins: int, tuple, bytes).
fn provides_weakref(t: TypeRef) -> bool {
    let ty = &rt().types;
    if t == ty.object {
        return false;
    }
    t.mro().iter().any(|c| {
        if c.is_heap() {
            c.data().dict_data().get_str("__weakref__").is_some()
        } else {
            [ty.int, ty.bool_, ty.tuple, ty.bytes, ty.set, ty.frozenset, ty.type_, ty.module, ty.function].contains(c)
        }
    })
}

/// Whether the getset `descr` (of an instance attribute) is one of the
/// descriptors of `obj`'s class or its bases.
pub fn applies_to(descr: &Value, name: &str, obj: &Value) -> bool {
    obj.type_ref().mro().iter().any(|t| t.data().dict_data().get_str(name).is_some_and(|v| v.is(descr)))
}

/// `descr.__objclass__`: the class whose namespace holds the getset `descr`
/// (a builtin type, else the Python class found among `object`'s
/// subclasses, transitively).
pub fn objclass(descr: &Value, g: &PyGetSet) -> Option<Value> {
    let r = rt();
    let holds = |t: &TypeRef| t.data().dict_data().get_str(g.name).is_some_and(|v| v.is(descr));
    if let Some(t) = r.types.all().into_iter().chain(r.exc.all().into_iter().map(|(_, t)| t)).find(|t| holds(t)) {
        return Some(t.to_value());
    }
    let mut seen = std::collections::HashSet::new();
    let mut todo = vec![r.types.object];
    while let Some(t) = todo.pop() {
        if !seen.insert(t.to_value().id()) {
            continue;
        }
        if t.is_heap() && t.name() == g.owner && holds(&t) {
            return Some(t.to_value());
        }
        let subs = t.subclasses();
        todo.extend(subs.iter().filter_map(TypeRef::from_value));
    }
    None
}

/// CPython's error for a getset used on an object of another class.
pub fn check_applies(descr: &Value, g: &PyGetSet, obj: &Value) -> PyResult<()> {
    if matches!(g.name, "__dict__" | "__weakref__") && TypeRef::from_value(obj).is_none() && !applies_to(descr, g.name, obj) {
        raise!(TypeError, "descriptor '{}' for '{}' objects doesn't apply to a '{}' object", g.name, g.owner, ops::type_name(obj));
    }
    Ok(())
}

/// `obj.__weakref__` for an instance of a class with the slot: the first
/// weak reference to `obj` (as `_weakref.getweakrefs` lists them), or None.
/// Ok(None) when `obj`'s class has no such slot.
pub fn weakref_attr(ts: &ThreadState, obj: &Value) -> PyResult<Option<Value>> {
    if crate::object::ext(obj).is_none() || obj.type_ref().lookup("__weakref__").is_none() {
        return Ok(None);
    }
    let wr = crate::import::import_module(ts, "_weakref")?;
    let refs = ops::call(ts, &ops::getattr_str(ts, &wr, "getweakrefs")?, &[obj.clone()])?;
    Ok(Some(ops::collect(ts, &refs)?.into_iter().next().unwrap_or_else(none)))
}

/// `obj.__dict__ = d` / `del obj.__dict__` on an instance of a Python class
/// with a dict slot; Ok(false) when `obj` has none.
pub fn set_instance_dict(obj: &Value, value: Option<&Value>) -> PyResult<bool> {
    let Some(ext) = crate::object::ext(obj) else { return Ok(false) };
    if !obj.type_ref().data().has_dict() {
        return Ok(false);
    }
    let new = match value {
        // CPython 3.14 lets `del obj.__dict__` go; the next use makes a fresh one.
        None => None,
        Some(v) if v.downcast::<PyDict>().is_some() => Some(v.clone()),
        Some(v) => raise!(TypeError, "__dict__ must be set to a dictionary, not a '{}'", ops::type_name(v)),
    };
    // The old dict is retired (a reader may still hold it) until the
    // instance dies.
    ext.dict.set(new);
    Ok(true)
}
