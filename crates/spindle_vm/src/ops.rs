//! The object protocols the interpreter and native code use: attribute access
//! (with descriptors), calls, truth, hashing, comparison, arithmetic with the
//! reflected-operand rules, iteration, items, repr/str. Builtin types take a
//! Rust fast path; everything else dispatches through the type's dunders.

use std::cell::Cell;

use crate::error::{PyErr, PyResult};
use crate::function::{Args, NativeFunction, PyFunction, PyMethod, PyProperty, PyWrapper};
use crate::interp::ThreadState;
use crate::num::{PyFloat, PyInt, new_bool};
use crate::object::TypeRef;
use crate::runtime::{is_none, rt};
use crate::str::{PyStr, new_str};
use crate::value::Value;
use crate::{err, raise};

thread_local! {
    static CURRENT_TS: Cell<*const ThreadState> = const { Cell::new(std::ptr::null()) };
}

/// Makes `ts` the current thread's state for code that has no `ts` at hand
/// (`__del__` run from a refcount drop). Returns the previous one.
pub fn set_thread_state(ts: *const ThreadState) -> *const ThreadState {
    CURRENT_TS.with(|c| c.replace(ts))
}

/// Unsets the current thread state if it is `ts` (which is being dropped).
pub(crate) fn clear_thread_state_if(ts: *const ThreadState) {
    CURRENT_TS.with(|c| {
        if c.get() == ts {
            c.set(std::ptr::null());
        }
    });
}

/// The current thread's registered state, null if none: one read of a
/// const-initialised thread-local, so signal handlers may call it.
pub(crate) fn current_thread_state_ptr() -> *const ThreadState {
    CURRENT_TS.with(|c| c.get())
}

pub fn with_thread_state(f: impl FnOnce(&ThreadState)) {
    let p = CURRENT_TS.with(|c| c.get());
    if !p.is_null() {
        // SAFETY: set_thread_state is given a ThreadState that outlives its registration.
        f(unsafe { &*p })
    }
}

/// The name CPython's messages give a value's type (its `tp_name`): a class
/// statement's type is its bare name; a native type defined outside
/// `builtins` is `module.Name` (`types.SimpleNamespace`, `array.array`).
pub fn type_name(v: &Value) -> String {
    tp_name(v.type_ref())
}

/// A class's name as CPython's `tp_name` gives it in messages: a builtin
/// class outside `builtins` is named with its module (`collections.deque`).
pub fn tp_name(t: TypeRef) -> String {
    let name = t.name();
    if t.is_heap() {
        return name;
    }
    match t.data().dict_data().get_str("__module__").as_ref().and_then(crate::str::as_str) {
        Some(m) if m != "builtins" && !name.contains('.') => format!("{m}.{name}"),
        _ => name,
    }
}

pub fn is_type(v: &Value) -> bool {
    TypeRef::from_value(v).is_some()
}

pub fn isinstance_type(v: &Value, t: TypeRef) -> bool {
    v.type_ref().is_subtype(t)
}

// ---------------------------------------------------------------- attributes

/// `getattr(obj, name)`.
pub fn getattr(ts: &ThreadState, obj: &Value, name: &Value) -> PyResult {
    let ty = obj.type_ref();
    if obj.downcast::<crate::class::PySuper>().is_some() {
        return crate::class::super_getattr(ts, obj, name);
    }
    if ty.is_heap() {
        if let Some(ga) = ty.lookup_static("__getattribute__") {
            if !is_native_object_getattribute(&ga) {
                return call_getattr_hook(ts, ty, &ga, obj, name);
            }
        }
    }
    match generic_getattr(ts, obj, name) {
        Err(e) if ty.is_heap() && e.is_instance(rt().exc.AttributeError) => {
            if let Some(hook) = ty.lookup_static("__getattr__") {
                return call(ts, &hook, &[obj.clone(), name.clone()]);
            }
            Err(e)
        }
        r => r,
    }
}

fn call_getattr_hook(ts: &ThreadState, ty: TypeRef, ga: &Value, obj: &Value, name: &Value) -> PyResult {
    match call(ts, ga, &[obj.clone(), name.clone()]) {
        Err(e) if e.is_instance(rt().exc.AttributeError) => match ty.lookup_static("__getattr__") {
            Some(hook) => call(ts, &hook, &[obj.clone(), name.clone()]),
            None => Err(e),
        },
        r => r,
    }
}

pub(crate) fn is_native_object_getattribute(v: &Value) -> bool {
    v.downcast::<NativeFunction>().map(|f| f.name == "__getattribute__").unwrap_or(false)
}

pub fn getattr_str(ts: &ThreadState, obj: &Value, name: &str) -> PyResult {
    getattr(ts, obj, &crate::str::intern(name))
}

/// getattr returning None on AttributeError.
pub fn getattr_opt(ts: &ThreadState, obj: &Value, name: &str) -> PyResult<Option<Value>> {
    match getattr_str(ts, obj, name) {
        Ok(v) => Ok(Some(v)),
        Err(e) if e.is_instance(rt().exc.AttributeError) => Ok(None),
        Err(e) => Err(e),
    }
}

pub fn is_data_descriptor(d: &Value) -> bool {
    if d.downcast::<PyProperty>().is_some() {
        return true;
    }
    if crate::class::is_slot_member(d) {
        return true;
    }
    let t = d.type_ref();
    if !t.is_heap() {
        return false;
    }
    t.lookup_static("__set__").is_some() || t.lookup_static("__delete__").is_some()
}

/// Calls `descr.__get__(obj, owner)` for the descriptor kinds; returns the
/// attribute itself when it is not a descriptor.
pub fn descr_get(ts: &ThreadState, descr: Value, obj: Option<&Value>, owner: TypeRef) -> PyResult {
    let t = descr.type_ref();
    let r = rt();
    if t == r.types.function {
        return Ok(match obj {
            Some(o) => crate::function::new_method(descr, o.clone()),
            None => descr,
        });
    }
    if r.types.is_method_descriptor(t) {
        if let (Some(o), Some(f)) = (obj, descr.downcast::<NativeFunction>()) {
            f.check_binds_to(o)?;
            return Ok(crate::function::bind_native(f, o.clone()));
        }
        return Ok(descr);
    }
    if let Some(m) = descr.downcast::<crate::class::PyMember>() {
        return match obj {
            Some(o) => crate::class::member_get(o, m),
            None => Ok(descr.clone()),
        };
    }
    if let Some(g) = descr.downcast::<crate::class::PyGetSet>() {
        return match obj {
            Some(o) => match crate::builtins_init::builtin_attr(ts, o, g.name)? {
                Some(v) => Ok(v),
                None => Err(attribute_error(o, g.name)),
            },
            None => Ok(descr.clone()),
        };
    }
    if t == r.types.classmethod_descriptor {
        let cls = owner.to_value();
        crate::builtins_init::object_type::check_classmethod_owner(&descr, &cls)?;
        return Ok(crate::builtins_init::object_type::classmethod_descriptor_bind(&descr, cls));
    }
    if t == r.types.classmethod {
        if let Some(w) = descr.downcast::<PyWrapper>() {
            let f = w.func.get();
            return Ok(crate::function::new_method(f, owner.to_value()));
        }
    }
    if t == r.types.staticmethod {
        if let Some(w) = descr.downcast::<PyWrapper>() {
            return Ok(w.func.get());
        }
    }
    if let Some(p) = descr.downcast::<PyProperty>() {
        if t == r.types.property {
            return match obj {
                None => Ok(descr.clone()),
                Some(o) => match &p.fget {
                    Some(g) => call(ts, g, &[o.clone()]),
                    None => {
                        let name = p.name.lock().clone();
                        match name {
                            Some(n) => Err(err!(
                                AttributeError,
                                "property {} of '{}' object has no getter",
                                repr_string(ts, &n)?,
                                owner.name()
                            )),
                            None => Err(err!(AttributeError, "property of '{}' object has no getter", owner.name())),
                        }
                    }
                },
            };
        }
    }
    if t.is_heap() || t == r.types.property || t == r.types.classmethod || t == r.types.staticmethod || t.flags() & crate::types::type_flags::DESCRIPTOR != 0 {
        if let Some(get) = t.lookup_static("__get__") {
            let o = obj.cloned().unwrap_or_else(crate::runtime::none);
            return call(ts, &get, &[descr.clone(), o, owner.to_value()]);
        }
    }
    Ok(descr)
}

/// `object.__getattribute__`: data descriptors, then the instance dict, then
/// other class attributes; types look in their MRO with `obj = None` binding.
pub fn generic_getattr(ts: &ThreadState, obj: &Value, name: &Value) -> PyResult {
    let name_s = crate::str::as_str(name).unwrap_or("");
    if let Some(t) = TypeRef::from_value(obj) {
        return crate::class::type_getattr(ts, t, obj, name, name_s);
    }
    if name_s == "__class__" {
        return Ok(obj.type_ref().to_value());
    }
    if let Some(l) = obj.downcast::<crate::thread_local::PyThreadLocal>() {
        return crate::thread_local::getattr(ts, obj, l, name, name_s);
    }
    // A builtin function's own module (the type dict's `__module__` is the type's).
    if name_s == "__module__" && obj.downcast::<NativeFunction>().is_some() {
        if let Some(v) = crate::builtins_init::builtin_attr(ts, obj, name_s)? {
            return Ok(v);
        }
    }
    let ty = obj.type_ref();
    let found = ty.lookup_name(name);
    if let Some(d) = &found {
        if is_data_descriptor(d) {
            return descr_get(ts, d.clone(), Some(obj), ty);
        }
    }
    if let Some(v) = instance_dict_get(obj, name) {
        return Ok(v);
    }
    if let Some(m) = obj.downcast::<crate::cell::PyModule>() {
        if let Some(v) = m.dict.downcast::<crate::dict::PyDict>().and_then(|d| d.get_name(name)) {
            return Ok(v);
        }
        if let Some(v) = crate::builtins_init::builtin_attr(ts, obj, name_s)? {
            return Ok(v);
        }
        if let Some(ga) = m.dict.downcast::<crate::dict::PyDict>().and_then(|d| d.get_str("__getattr__")) {
            return call(ts, &ga, &[name.clone()]);
        }
        let mname = m.dict.downcast::<crate::dict::PyDict>().and_then(|d| d.get_str("__name__"));
        let mname = mname.as_ref().and_then(|v| crate::str::as_str(v).map(str::to_owned)).unwrap_or_default();
        let e = err!(AttributeError, "module '{}' has no attribute '{}'", mname, name_s);
        let _ = setattr_silent(&e.0, "name", name.clone());
        let _ = setattr_silent(&e.0, "obj", obj.clone());
        return Err(e);
    }
    if let Some(d) = found {
        // A builtin class's `__module__` names the class; its instances
        // (functions, builtin functions) have their own.
        if name_s == "__module__" && !ty.is_heap() {
            if let Some(v) = crate::builtins_init::builtin_attr(ts, obj, name_s)? {
                return Ok(v);
            }
        }
        return descr_get(ts, d, Some(obj), ty);
    }
    if let Some(v) = crate::builtins_init::builtin_attr(ts, obj, name_s)? {
        return Ok(v);
    }
    Err(attribute_error(obj, name_s))
}

/// `AttributeError` with its `name` and `obj` (which "Did you mean" reads).
pub fn attribute_error(obj: &Value, name: &str) -> PyErr {
    let e = err!(AttributeError, "'{}' object has no attribute '{}'", type_name(obj), name);
    let _ = setattr_silent(&e.0, "name", crate::str::new_str(name));
    let _ = setattr_silent(&e.0, "obj", obj.clone());
    e
}

/// Looks `name` up in the instance's own `__dict__` (module, function or
/// instance), without creating the dict when it does not exist yet.
pub fn instance_dict_get(obj: &Value, name: &Value) -> Option<Value> {
    // The same sources, in the same order, as `instance_dict`.
    let from = |d: &Value| d.downcast::<crate::dict::PyDict>().and_then(|d| d.get_name(name));
    if let Some(m) = obj.downcast::<crate::cell::PyModule>() {
        return from(&m.dict);
    }
    if let Some(f) = obj.downcast::<crate::function::PyFunction>() {
        return f.attrs.lock().dict.as_ref().and_then(from);
    }
    if let Some(l) = obj.downcast::<crate::thread_local::PyThreadLocal>() {
        return crate::thread_local::instance_dict_get(l, name);
    }
    let ext = crate::object::ext(obj)?;
    let td = obj.type_ref().data();
    if !td.has_dict() {
        return None;
    }
    // Inline values or a str-keyed dict probe: no Python code runs.
    ext.dict.get_attr(&td.attr_keys, name, owns(obj))
}

/// `instance_dict_get` for a plain instance (`attr_cache` checked its type
/// has a dict), trying dict entry `hint` first: (value, entry index).
#[inline]
pub(crate) fn instance_dict_get_hinted(obj: &Value, name: &Value, hint: usize) -> Option<(Value, usize)> {
    let ext = crate::object::ext(obj)?;
    ext.dict.get_attr_hinted(&obj.type_ref().data().attr_keys, name, hint, owns(obj))
}

/// Whether the calling thread owns `obj` (its biased reference count).
#[inline]
pub(crate) fn owns(obj: &Value) -> bool {
    obj.header().is_some_and(|h| h.owner() == crate::header::current_thread_id())
}

/// Stores into a plain instance's dict (`attr_cache` checked its type has
/// one; made here on first use), trying entry `hint` first: the entry index.
#[inline]
pub(crate) fn instance_dict_set_hinted(obj: &Value, name: &Value, value: Value, hint: usize) -> Result<usize, Value> {
    let Some(ext) = crate::object::ext(obj) else { return Err(value) };
    let (old, ix) = ext.dict.set_attr_hinted(&obj.type_ref().data().attr_keys, name, value, hint, owns(obj));
    // The replaced value dies outside every lock (its `__del__` may run).
    drop(old);
    Ok(ix)
}

/// The `__dict__` of an instance, created on first use.
pub fn instance_dict(obj: &Value) -> Option<Value> {
    if let Some(m) = obj.downcast::<crate::cell::PyModule>() {
        return Some(m.dict.clone());
    }
    if let Some(f) = obj.downcast::<crate::function::PyFunction>() {
        let mut a = f.attrs.lock();
        if a.dict.is_none() {
            a.dict = Some(crate::builtins_init::new_dict());
        }
        return a.dict.clone();
    }
    if let Some(l) = obj.downcast::<crate::thread_local::PyThreadLocal>() {
        return Some(crate::thread_local::instance_dict(l));
    }
    let ext = crate::object::ext(obj)?;
    let td = obj.type_ref().data();
    if !td.has_dict() {
        return None;
    }
    Some((*ext.dict.get_or_create(&td.attr_keys)).clone())
}

pub fn setattr(ts: &ThreadState, obj: &Value, name: &Value, value: Option<Value>) -> PyResult<()> {
    let ty = obj.type_ref();
    if ty.is_heap() {
        let hook = if value.is_some() { "__setattr__" } else { "__delattr__" };
        if let Some(sa) = ty.lookup_static(hook) {
            if sa.downcast::<NativeFunction>().is_none() {
                let mut args = vec![obj.clone(), name.clone()];
                if let Some(v) = value {
                    args.push(v);
                }
                call(ts, &sa, &args)?;
                return Ok(());
            }
        }
    }
    generic_setattr(ts, obj, name, value)
}

pub fn generic_setattr(ts: &ThreadState, obj: &Value, name: &Value, value: Option<Value>) -> PyResult<()> {
    let name_s = crate::str::as_str(name).unwrap_or("");
    let local = obj.downcast::<crate::thread_local::PyThreadLocal>();
    if let Some(l) = local {
        crate::thread_local::before_setattr(ts, obj, l, name_s)?;
    }
    // Plain instances of Python classes have none of builtin_setattr's special attributes.
    let plain = obj.type_ref().payload_kind() == crate::kinds::OBJECT;
    if !plain && crate::builtins_init::builtin_setattr(ts, obj, name_s, value.as_ref())? {
        return Ok(());
    }
    if name_s == "__class__" {
        return set_class(obj, value);
    }
    if name_s == "__dict__" && plain && crate::builtins_init::instance_attrs::set_instance_dict(obj, value.as_ref())? {
        return Ok(());
    }
    if let Some(t) = TypeRef::from_value(obj) {
        return crate::class::type_setattr(ts, t, name, value);
    }
    let ty = obj.type_ref();
    if let Some(d) = ty.lookup_name(name) {
        if let Some(p) = d.downcast::<PyProperty>() {
            let f = if value.is_some() { &p.fset } else { &p.fdel };
            return match (f, value) {
                (Some(f), Some(v)) => call(ts, f, &[obj.clone(), v]).map(drop),
                (Some(f), None) => call(ts, f, &[obj.clone()]).map(drop),
                (None, v) => {
                    let what = if v.is_some() { "setter" } else { "deleter" };
                    let pname = p.name.lock().clone();
                    match pname {
                        Some(n) => raise!(
                            AttributeError,
                            "property {} of '{}' object has no {}",
                            repr_string(ts, &n)?,
                            ty.name(),
                            what
                        ),
                        None => raise!(AttributeError, "property of '{}' object has no {}", ty.name(), what),
                    }
                }
            };
        }
        if let Some(m) = d.downcast::<crate::class::PyMember>() {
            return crate::class::member_set(obj, m, value);
        }
        if let Some(g) = d.downcast::<crate::class::PyGetSet>() {
            return crate::builtins_init::getset_store(ts, g, obj, value.as_ref());
        }
        let dt = d.type_ref();
        if dt.is_heap() {
            let hook = if value.is_some() { "__set__" } else { "__delete__" };
            if let Some(f) = dt.lookup(hook) {
                let mut args = vec![d.clone(), obj.clone()];
                if let Some(v) = value {
                    args.push(v);
                }
                return call(ts, &f, &args).map(drop);
            }
        }
    }
    // Modules and functions keep their own dicts (see `instance_dict`).
    let own_dict = obj.downcast::<crate::cell::PyModule>().is_some() || obj.downcast::<crate::function::PyFunction>().is_some() || local.is_some();
    if let Some(ext) = crate::object::ext(obj).filter(|_| !own_dict) {
        let td = ty.data();
        if td.has_dict() {
            match value {
                Some(v) => {
                    // `ext` exists, so the store cannot be refused.
                    let _ = instance_dict_set_hinted(obj, name, v, usize::MAX);
                    return Ok(());
                }
                None => match ext.dict.remove_inline(&td.attr_keys, name, owns(obj)) {
                    Some(crate::object::Removed::Value(old)) => {
                        drop(old);
                        return Ok(());
                    }
                    Some(crate::object::Removed::Absent) => return Err(attribute_error(obj, name_s)),
                    None => {}
                },
            }
            // Deleting from the instance's dict: below.
        }
    }
    match instance_dict(obj) {
        Some(d) => {
            let dd = d.downcast::<crate::dict::PyDict>();
            match (dd, value) {
                (Some(dd), Some(v)) => {
                    dd.set_str(name.clone(), v);
                    Ok(())
                }
                (Some(dd), None) => match dd.remove_str(name_s) {
                    Some(_) => Ok(()),
                    None => Err(attribute_error(obj, name_s)),
                },
                (None, Some(v)) => setitem(ts, &d, name, v),
                (None, None) => delitem(ts, &d, name),
            }
        }
        None => {
            if ty.lookup(name_s).is_some() {
                raise!(AttributeError, "'{}' object attribute '{}' is read-only", type_name(obj), name_s);
            }
            // The longer wording only when the type keeps object's __setattr__.
            let generic = match (ty.lookup("__setattr__"), rt().types.object.lookup("__setattr__")) {
                (Some(a), Some(b)) => a.is(&b),
                _ => true,
            };
            if !generic {
                raise!(AttributeError, "'{}' object has no attribute '{}'", type_name(obj), name_s);
            }
            raise!(AttributeError, "'{}' object has no attribute '{}' and no __dict__ for setting new attributes", type_name(obj), name_s)
        }
    }
}

// ---------------------------------------------------------------- calls

/// `callable(*args)`.
pub fn call(ts: &ThreadState, callable: &Value, args: &[Value]) -> PyResult {
    call_args(ts, callable, Args::new(args))
}

pub fn call_args(ts: &ThreadState, callable: &Value, args: Args<'_>) -> PyResult {
    ts.check_stack()?;
    let t = callable.type_ref();
    let r = rt();
    if let Some(f) = callable.downcast::<NativeFunction>() {
        return match &f.self_ {
            Some(s) => {
                f.check_slot_args(args.positional().len(), args.has_kwargs())?;
                let mut v = Vec::with_capacity(args.args.len() + 1);
                v.push(s.clone());
                v.extend_from_slice(args.args);
                (f.func)(ts, Args { args: &v, kwnames: args.kwnames })
            }
            None => f.call_unbound(ts, args),
        };
    }
    if t == r.types.function {
        return crate::eval::call_function(ts, callable, args);
    }
    if let Some(m) = callable.downcast::<PyMethod>() {
        let mut v = Vec::with_capacity(args.args.len() + 1);
        v.push(m.self_.clone());
        v.extend_from_slice(args.args);
        return call_args(ts, &m.func, Args { args: &v, kwnames: args.kwnames });
    }
    if let Some(ty) = TypeRef::from_value(callable) {
        return crate::class::call_type(ts, ty, callable, args);
    }
    if let Some(c) = t.lookup_static("__call__") {
        let mut v: smallvec::SmallVec<[Value; 6]> = smallvec::SmallVec::with_capacity(args.args.len() + 1);
        v.push(callable.clone());
        v.extend(args.args.iter().cloned());
        // A native `__call__` (operator.methodcaller, partial ...) runs at once.
        if let Some(f) = c.downcast::<NativeFunction>().filter(|f| f.self_.is_none() && f.is_method()) {
            return f.call_unbound(ts, Args { args: &v, kwnames: args.kwnames });
        }
        return call_args(ts, &c, Args { args: &v, kwnames: args.kwnames });
    }
    raise!(TypeError, "'{}' object is not callable", t.name())
}

pub fn call_method(ts: &ThreadState, obj: &Value, name: &str, args: &[Value]) -> PyResult {
    let m = getattr_str(ts, obj, name)?;
    call(ts, &m, args)
}

/// Looks up a dunder on the type (not the instance) and calls it bound to `obj`.
pub fn call_dunder(ts: &ThreadState, obj: &Value, name: &'static str, args: &[Value]) -> PyResult<Option<Value>> {
    let ty = obj.type_ref();
    let Some(f) = ty.lookup_static(name) else { return Ok(None) };
    let mut v: smallvec::SmallVec<[Value; 4]> = smallvec::SmallVec::with_capacity(args.len() + 1);
    v.push(obj.clone());
    v.extend(args.iter().cloned());
    let f = match f.type_ref() {
        t if t == rt().types.function || rt().types.is_method_descriptor(t) => f,
        _ => {
            let bound = descr_get(ts, f, Some(obj), ty)?;
            return call(ts, &bound, args).map(Some);
        }
    };
    call(ts, &f, &v).map(Some)
}

pub fn is_callable(v: &Value) -> bool {
    let t = v.type_ref();
    let r = rt();
    t == r.types.function
        || t == r.types.builtin_function
        || r.types.is_method_descriptor(t)
        || t == r.types.method_wrapper
        || t == r.types.method
        || TypeRef::from_value(v).is_some()
        || t.lookup_static("__call__").is_some()
}

// ---------------------------------------------------------------- truth, hash, repr

pub fn is_true(ts: &ThreadState, v: &Value) -> PyResult<bool> {
    let r = rt();
    if let Some(i) = v.as_small_int() {
        return Ok(i != 0);
    }
    if v.is(&r.true_) {
        return Ok(true);
    }
    if v.is(&r.false_) || v.is(&r.none) {
        return Ok(false);
    }
    let t = v.type_ref();
    if !t.is_heap() {
        if let Some(i) = v.downcast::<PyInt>() {
            return Ok(i.value != 0.into());
        }
        if let Some(f) = v.downcast::<PyFloat>() {
            return Ok(f.value != 0.0);
        }
        if let Some(s) = v.downcast::<PyStr>() {
            return Ok(s.char_len() > 0);
        }
        if let Some(l) = v.downcast::<crate::seq::PyList>() {
            return Ok(l.len() > 0);
        }
        if let Some(l) = v.downcast::<crate::seq::PyTuple>() {
            return Ok(!l.items.is_empty());
        }
        if let Some(d) = v.downcast::<crate::dict::PyDict>() {
            return Ok(d.len() > 0);
        }
        if let Some(n) = t.data().length.get().and_then(|f| f(v)) {
            return Ok(n > 0);
        }
    }
    if let Some(b) = call_dunder(ts, v, "__bool__", &[])? {
        if b.is(&r.true_) {
            return Ok(true);
        }
        if b.is(&r.false_) {
            return Ok(false);
        }
        raise!(TypeError, "__bool__ should return bool, returned {}", type_name(&b));
    }
    if t.lookup_static("__len__").is_some() {
        return Ok(len(ts, v)? > 0);
    }
    Ok(true)
}

pub fn hash(ts: &ThreadState, v: &Value) -> PyResult<i64> {
    if let Some(i) = v.as_small_int() {
        return Ok(crate::builtins_init::hash_int_small(i));
    }
    let t = v.type_ref();
    if let Some(s) = v.downcast::<PyStr>() {
        if !t.is_heap() {
            return Ok(s.hash());
        }
    }
    match t.lookup_static("__hash__") {
        Some(h) if !is_none(&h) => {
            let r = call_dunder(ts, v, "__hash__", &[])?.unwrap_or_else(crate::runtime::none);
            if let Some(i) = crate::num::int_to_i64(&r) {
                return Ok(crate::str::fix_hash(i));
            }
            if let Some(b) = crate::num::int_to_big(&r) {
                return Ok(crate::builtins_init::hash_bigint(&b));
            }
            raise!(TypeError, "__hash__ method should return an integer")
        }
        _ => raise!(TypeError, "unhashable type: '{}'", type_name(v)),
    }
}

pub fn repr(ts: &ThreadState, v: &Value) -> PyResult {
    ts.check_stack()?;
    match call_dunder(ts, v, "__repr__", &[])? {
        Some(r) if r.downcast::<PyStr>().is_some() => Ok(r),
        Some(r) => raise!(TypeError, "__repr__ returned non-string (type {})", type_name(&r)),
        None => Ok(new_str(&format!("<{} object>", type_name(v)))),
    }
}

pub fn repr_string(ts: &ThreadState, v: &Value) -> PyResult<String> {
    let r = repr(ts, v)?;
    Ok(crate::str::as_str(&r).unwrap_or("").to_owned())
}

pub fn str_(ts: &ThreadState, v: &Value) -> PyResult {
    if v.type_ref() == rt().types.str {
        return Ok(v.clone());
    }
    ts.check_stack()?;
    match call_dunder(ts, v, "__str__", &[])? {
        Some(r) if r.downcast::<PyStr>().is_some() => Ok(r),
        Some(r) => raise!(TypeError, "__str__ returned non-string (type {})", type_name(&r)),
        None => repr(ts, v),
    }
}

pub fn str_string(ts: &ThreadState, v: &Value) -> PyResult<String> {
    let r = str_(ts, v)?;
    Ok(crate::str::as_str(&r).unwrap_or("").to_owned())
}

// ---------------------------------------------------------------- comparison

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum CmpOp {
    Lt,
    Le,
    Eq,
    Ne,
    Gt,
    Ge,
}

impl CmpOp {
    pub fn from_code(c: u32) -> CmpOp {
        [CmpOp::Lt, CmpOp::Le, CmpOp::Eq, CmpOp::Ne, CmpOp::Gt, CmpOp::Ge][(c as usize).min(5)]
    }
    pub fn dunder(self) -> &'static str {
        ["__lt__", "__le__", "__eq__", "__ne__", "__gt__", "__ge__"][self as usize]
    }
    pub fn swapped(self) -> CmpOp {
        [CmpOp::Gt, CmpOp::Ge, CmpOp::Eq, CmpOp::Ne, CmpOp::Lt, CmpOp::Le][self as usize]
    }
    pub fn symbol(self) -> &'static str {
        ["<", "<=", "==", "!=", ">", ">="][self as usize]
    }
    pub fn apply<T: PartialOrd>(self, a: &T, b: &T) -> bool {
        match self {
            CmpOp::Lt => a < b,
            CmpOp::Le => a <= b,
            CmpOp::Eq => a == b,
            CmpOp::Ne => a != b,
            CmpOp::Gt => a > b,
            CmpOp::Ge => a >= b,
        }
    }
}

pub fn rich_compare(ts: &ThreadState, a: &Value, b: &Value, op: CmpOp) -> PyResult {
    if let (Some(x), Some(y)) = (a.as_small_int(), b.as_small_int()) {
        return Ok(new_bool(op.apply(&x, &y)));
    }
    ts.check_stack()?;
    let r = rt();
    let ta = a.type_ref();
    let tb = b.type_ref();
    let mut checked_reflected = false;
    if ta != tb && tb.is_subtype(ta) && tb.lookup(op.swapped().dunder()).is_some() {
        checked_reflected = true;
        if let Some(res) = call_dunder(ts, b, op.swapped().dunder(), &[a.clone()])? {
            if !res.is(&r.not_implemented) {
                return Ok(res);
            }
        }
    }
    if let Some(res) = call_dunder(ts, a, op.dunder(), &[b.clone()])? {
        if !res.is(&r.not_implemented) {
            return Ok(res);
        }
    }
    if !checked_reflected {
        if let Some(res) = call_dunder(ts, b, op.swapped().dunder(), &[a.clone()])? {
            if !res.is(&r.not_implemented) {
                return Ok(res);
            }
        }
    }
    match op {
        CmpOp::Eq => Ok(new_bool(a.is(b))),
        CmpOp::Ne => Ok(new_bool(!a.is(b))),
        _ => raise!(
            TypeError,
            "'{}' not supported between instances of '{}' and '{}'",
            op.symbol(),
            type_name(a),
            type_name(b)
        ),
    }
}

pub fn compare_bool(ts: &ThreadState, a: &Value, b: &Value, op: CmpOp) -> PyResult<bool> {
    let r = rich_compare(ts, a, b, op)?;
    is_true(ts, &r)
}

/// `a == b` with the identity shortcut containers use.
pub fn eq(ts: &ThreadState, a: &Value, b: &Value) -> PyResult<bool> {
    if a.is(b) {
        return Ok(true);
    }
    compare_bool(ts, a, b, CmpOp::Eq)
}

// ---------------------------------------------------------------- containers

pub fn len(ts: &ThreadState, v: &Value) -> PyResult<usize> {
    if let Some(s) = v.downcast::<PyStr>() {
        return Ok(s.char_len());
    }
    if let Some(l) = v.downcast::<crate::seq::PyList>() {
        if !v.type_ref().is_heap() {
            return Ok(l.len());
        }
    }
    if let Some(t) = v.downcast::<crate::seq::PyTuple>() {
        if !v.type_ref().is_heap() {
            return Ok(t.items.len());
        }
    }
    let t = v.type_ref();
    if !t.is_heap() {
        if let Some(n) = t.data().length.get().and_then(|f| f(v)) {
            return Ok(n);
        }
    }
    match call_dunder(ts, v, "__len__", &[])? {
        Some(n) => {
            let Some(b) = crate::num::int_to_big(&index(ts, &n)?) else {
                raise!(TypeError, "'{}' object cannot be interpreted as an integer", type_name(&n))
            };
            if b < 0.into() {
                raise!(ValueError, "__len__() should return >= 0");
            }
            match usize::try_from(&b) {
                Ok(u) if u <= isize::MAX as usize => Ok(u),
                _ => raise!(OverflowError, "cannot fit 'int' into an index-sized integer"),
            }
        }
        None => raise!(TypeError, "object of type '{}' has no len()", type_name(v)),
    }
}

/// `v` as a C `int` argument (Argument Clinic's `int`, `PyLong_AsInt`).
pub fn c_int(ts: &ThreadState, v: &Value) -> PyResult<i32> {
    let i = index(ts, v)?;
    match crate::num::int_to_i64(&i).and_then(|x| i32::try_from(x).ok()) {
        Some(x) => Ok(x),
        None => raise!(OverflowError, "Python int too large to convert to C int"),
    }
}

/// `operator.index(v)`: an exact int.
pub fn index(ts: &ThreadState, v: &Value) -> PyResult {
    if v.is_small_int() {
        return Ok(v.clone());
    }
    if v.downcast::<PyInt>().is_some() {
        if v.type_ref() == rt().types.int {
            return Ok(v.clone());
        }
        return Ok(crate::num::new_bigint(crate::num::int_to_big(v).unwrap_or_default()));
    }
    match call_dunder(ts, v, "__index__", &[])? {
        Some(r) if crate::num::is_int(&r) => Ok(r),
        Some(r) => raise!(TypeError, "__index__ returned non-int (type {})", type_name(&r)),
        None => raise!(TypeError, "'{}' object cannot be interpreted as an integer", type_name(v)),
    }
}

pub fn index_isize(ts: &ThreadState, v: &Value) -> PyResult<isize> {
    let i = index(ts, v)?;
    match crate::num::int_to_i64(&i) {
        Some(x) if isize::try_from(x).is_ok() => Ok(x as isize),
        _ => raise!(IndexError, "cannot fit '{}' into an index-sized integer", type_name(v)),
    }
}

/// `i` (negative counts from the end) as an index into `len` items.
fn seq_index(i: i64, len: usize) -> Option<usize> {
    let n = len as i64;
    let j = if i < 0 { i + n } else { i };
    (0..n).contains(&j).then_some(j as usize)
}

pub fn getitem(ts: &ThreadState, obj: &Value, key: &Value) -> PyResult {
    let r = rt();
    let ty = obj.type_ref();
    if let Some(i) = key.as_small_int() {
        if ty == r.types.list {
            if let Some(l) = obj.downcast::<crate::seq::PyList>() {
                if let Some(v) = l.get_index(i) {
                    return Ok(v);
                }
                raise!(IndexError, "list index out of range");
            }
        } else if ty == r.types.tuple {
            if let Some(t) = obj.downcast::<crate::seq::PyTuple>() {
                if let Some(j) = seq_index(i, t.items.len()) {
                    return Ok(t.items[j].clone());
                }
                raise!(IndexError, "tuple index out of range");
            }
        }
    }
    if ty == r.types.dict && key.type_ref() == r.types.str {
        // An exact dict with an exact str key: no Python code can run.
        if let Some(v) = obj.downcast::<crate::dict::PyDict>().and_then(|d| d.get_name(key)) {
            return Ok(v);
        }
    }
    if ty == r.types.list {
        if let (Some(l), Some(sl)) = (obj.downcast::<crate::seq::PyList>(), key.downcast::<crate::cell::PySlice>()) {
            return crate::builtins_init::containers::list_slice(ts, l, sl);
        }
    }
    if let Some(r) = call_dunder(ts, obj, "__getitem__", &[key.clone()])? {
        return Ok(r);
    }
    if let Some(t) = TypeRef::from_value(obj) {
        if let Some(cg) = t.lookup_static("__class_getitem__") {
            let f = descr_get(ts, cg, None, t)?;
            let f = match f.downcast::<PyFunction>() {
                Some(_) => crate::function::new_method(f, obj.clone()),
                None => f,
            };
            return call(ts, &f, &[key.clone()]);
        }
        if t == rt().types.type_ {
            return crate::builtins_init::generic_alias(ts, obj, key);
        }
        raise!(TypeError, "type '{}' is not subscriptable", t.name());
    }
    raise!(TypeError, "'{}' object is not subscriptable", type_name(obj))
}

pub fn setitem(ts: &ThreadState, obj: &Value, key: &Value, value: Value) -> PyResult<()> {
    let r = rt();
    let ty = obj.type_ref();
    if ty == r.types.list {
        if let (Some(i), Some(l)) = (key.as_small_int(), obj.downcast::<crate::seq::PyList>()) {
            let mut items = l.items.lock();
            let Some(j) = seq_index(i, items.len()) else {
                drop(items);
                raise!(IndexError, "list assignment index out of range");
            };
            let old = items.set(j, value);
            drop(items);
            // Released after the lock: its `__del__` may touch this list.
            drop(old);
            return Ok(());
        }
        if let (Some(l), Some(sl)) = (obj.downcast::<crate::seq::PyList>(), key.downcast::<crate::cell::PySlice>()) {
            return crate::builtins_init::containers::list_slice_assign(ts, l, sl, &value).map(drop);
        }
    } else if ty == r.types.dict && key.type_ref() == r.types.str {
        // Replacing the value of an existing str key runs no Python code
        // (new keys take the general path, which compares with non-str keys).
        if let Some(d) = obj.downcast::<crate::dict::PyDict>().filter(|d| d.get_name(key).is_some()) {
            let old = d.set_str(key.clone(), value);
            drop(old);
            return Ok(());
        }
    }
    match call_dunder(ts, obj, "__setitem__", &[key.clone(), value])? {
        Some(_) => Ok(()),
        None => raise!(TypeError, "'{}' object does not support item assignment", type_name(obj)),
    }
}

/// Whether CPython would give the type a tp_as_sequence (containers, and
/// every class statement's type).
fn has_sequence_protocol(t: TypeRef) -> bool {
    t.is_heap() || ["__getitem__", "__contains__", "__len__"].iter().any(|n| t.lookup(n).is_some())
}

fn lookup_index(key: &Value) -> bool {
    key.is_small_int() || key.type_ref().lookup("__index__").is_some()
}

pub fn delitem(ts: &ThreadState, obj: &Value, key: &Value) -> PyResult<()> {
    match call_dunder(ts, obj, "__delitem__", &[key.clone()])? {
        Some(_) => Ok(()),
        // CPython: "doesn't" from the sequence protocol (an index key on a
        // subscriptable object), "does not" otherwise.
        None if lookup_index(key) && has_sequence_protocol(obj.type_ref()) => {
            raise!(TypeError, "'{}' object doesn't support item deletion", type_name(obj))
        }
        None => raise!(TypeError, "'{}' object does not support item deletion", type_name(obj)),
    }
}

pub fn contains(ts: &ThreadState, container: &Value, item: &Value) -> PyResult<bool> {
    // Exact sets and dicts answer directly: no bound call, and no count
    // on a container other threads may be reading too.
    let t = container.type_ref();
    let r = rt();
    if t == r.types.frozenset || t == r.types.set {
        if let Some(s) = container.downcast::<crate::set::PySet>() {
            return crate::builtins_init::containers::set_contains(ts, s, item);
        }
    } else if t == r.types.dict {
        return Ok(crate::builtins_init::containers::dict_get(ts, container, item)?.is_some());
    }
    if let Some(r) = call_dunder(ts, container, "__contains__", &[item.clone()])? {
        return is_true(ts, &r);
    }
    let t = container.type_ref();
    if t.lookup_static("__iter__").is_none() && t.lookup_static("__getitem__").is_none() {
        raise!(TypeError, "argument of type '{}' is not a container or iterable", t.name());
    }
    let it = iter(ts, container)?;
    while let Some(x) = next(ts, &it)? {
        if eq(ts, &x, item)? {
            return Ok(true);
        }
    }
    Ok(false)
}

// ---------------------------------------------------------------- iteration

pub fn iter(ts: &ThreadState, v: &Value) -> PyResult {
    if let Some(it) = crate::builtins_init::containers::builtin_iter(v) {
        return Ok(it);
    }
    if v.type_ref().data().iternext.get().is_some() {
        return Ok(v.clone());
    }
    if let Some(r) = call_dunder(ts, v, "__iter__", &[])? {
        let t = r.type_ref();
        if t.lookup_static("__next__").is_none() {
            raise!(TypeError, "iter() returned non-iterator of type '{}'", t.name());
        }
        return Ok(r);
    }
    if v.type_ref().lookup_static("__getitem__").is_some() {
        return Ok(crate::builtins_init::seq_iter(v.clone()));
    }
    raise!(TypeError, "'{}' object is not iterable", type_name(v))
}

/// `next(it)`: Ok(None) when exhausted (StopIteration swallowed).
pub fn next(ts: &ThreadState, it: &Value) -> PyResult<Option<Value>> {
    if let Some(p) = it.downcast::<crate::iter::PyIter>() {
        if !it.type_ref().is_heap() {
            return crate::builtins_init::iter_next(ts, p);
        }
    }
    if let Some(g) = it.downcast::<crate::generator::PyGenerator>() {
        return crate::generator::gen_next(ts, it, g);
    }
    if let Some(step) = it.type_ref().data().iternext.get() {
        return step(ts, it);
    }
    match call_dunder(ts, it, "__next__", &[]) {
        Ok(Some(v)) => Ok(Some(v)),
        Ok(None) => raise!(TypeError, "'{}' object is not an iterator", type_name(it)),
        Err(e) if e.is_instance(rt().exc.StopIteration) => Ok(None),
        Err(e) => Err(e),
    }
}

/// Collects an iterable into a Vec.
pub fn collect(ts: &ThreadState, v: &Value) -> PyResult<Vec<Value>> {
    let r = rt();
    let t = v.type_ref();
    if t == r.types.list {
        if let Some(l) = v.downcast::<crate::seq::PyList>() {
            return Ok(l.snapshot());
        }
    }
    if t == r.types.tuple {
        if let Some(tp) = v.downcast::<crate::seq::PyTuple>() {
            return Ok(tp.items.to_vec());
        }
    }
    // Exact dicts, sets and dict views copy under their lock, in one step
    // (as CPython's list(), whose copy of them no other thread can split):
    // a concurrent mutation never makes this raise "changed size during
    // iteration".
    if t == r.types.dict {
        if let Some(d) = v.downcast::<crate::dict::PyDict>() {
            return Ok(d.keys());
        }
    }
    if t == r.types.set || t == r.types.frozenset {
        if let Some(s) = v.downcast::<crate::set::PySet>() {
            return Ok(s.table.keys());
        }
    }
    if t == r.types.dict_keys || t == r.types.dict_values || t == r.types.dict_items {
        if let Some(d) = v.downcast::<crate::iter::PyDictView>().and_then(|view| view.dict.downcast::<crate::dict::PyDict>()) {
            return Ok(if t == r.types.dict_keys {
                d.keys()
            } else if t == r.types.dict_values {
                d.values()
            } else {
                d.items().into_iter().map(|(k, v)| crate::seq::new_tuple(vec![k, v])).collect()
            });
        }
    }
    let it = iter(ts, v)?;
    // Room for the items `v` says it has, as CPython's `list.extend`: a
    // hint too large to allocate is a MemoryError at once, not a slow death.
    let mut out = crate::memory::with_capacity(length_hint(ts, v, 8)?)?;
    while let Some(x) = next(ts, &it)? {
        if out.len() == out.capacity() {
            crate::memory::reserve(&mut out, 1)?;
        }
        out.push(x);
    }
    Ok(out)
}

/// CPython's `PyObject_LengthHint(v, default)`: `len(v)` when `v` has a
/// length, else what `v.__length_hint__()` says, else `default`.
pub fn length_hint(ts: &ThreadState, v: &Value, default: usize) -> PyResult<usize> {
    let t = v.type_ref();
    // The commonest iterable here, and one with neither method (it cannot
    // be subclassed).
    if t == rt().types.generator {
        return Ok(default);
    }
    // A builtin iterator's own hint, without the method call.
    if !t.is_heap()
        && let Some(n) = v.downcast::<crate::iter::PyIter>().and_then(crate::builtins_init::containers::iter_hint)
    {
        return Ok(n);
    }
    if t.lookup_static("__len__").is_some() {
        match len(ts, v) {
            Ok(n) => return Ok(n),
            Err(e) if e.is_instance(rt().exc.TypeError) => {}
            Err(e) => return Err(e),
        }
    }
    if t.lookup_static("__length_hint__").is_none() {
        return Ok(default);
    }
    let hint = match call_dunder(ts, v, "__length_hint__", &[])? {
        Some(h) if !h.is(&rt().not_implemented) => h,
        _ => return Ok(default),
    };
    if !crate::num::is_int(&hint) {
        raise!(TypeError, "__length_hint__ must be an integer, not {}", type_name(&hint));
    }
    match crate::num::int_to_i64(&hint) {
        Some(n) if n < 0 => raise!(ValueError, "__length_hint__() should return >= 0"),
        Some(n) => Ok(n as usize),
        None if crate::num::int_to_big(&hint).is_some_and(|b| b < 0.into()) => raise!(ValueError, "__length_hint__() should return >= 0"),
        None => raise!(OverflowError, "Python int too large to convert to C ssize_t"),
    }
}

// ---------------------------------------------------------------- errors

/// How CPython names a callable in call errors (`_PyObject_FunctionStr`):
/// `module.qualname()`, or `qualname()` for builtins, else `str(func)`.
pub fn function_str(ts: &ThreadState, func: &Value) -> String {
    let Ok(Some(q)) = getattr_opt(ts, func, "__qualname__") else {
        return str_string(ts, func).unwrap_or_default();
    };
    let q = crate::str::as_str(&q).map(str::to_owned).unwrap_or_else(|| str_string(ts, &q).unwrap_or_default());
    match getattr_opt(ts, func, "__module__") {
        Ok(Some(m)) => match crate::str::as_str(&m) {
            Some(m) if m != "builtins" => format!("{m}.{q}()"),
            _ => format!("{q}()"),
        },
        _ => format!("{q}()"),
    }
}

/// Reports an exception that cannot be raised (from `__del__`, callbacks)
/// through `sys.unraisablehook`. `msg` "Exception ignored in" is CPython's
/// `PyErr_WriteUnraisable(obj)` (the hook gets `object=obj`); any other
/// message is `PyErr_FormatUnraisable("msg %R", obj)` (`err_msg`, no object).
pub fn write_unraisable(ts: &ThreadState, e: &PyErr, msg: Option<&str>, obj: Option<&Value>) {
    let (err_msg, object) = match (msg, obj) {
        (Some("Exception ignored in"), Some(o)) => (None, Some(o.clone())),
        (Some(m), Some(o)) => (Some(format!("{m} {}", repr_string(ts, o).unwrap_or_else(|_| "<object>".into()))), None),
        (Some(m), None) => (Some(m.to_owned()), None),
        (None, o) => (None, o.cloned()),
    };
    let hook = crate::builtins_init::sys_attr(ts, "unraisablehook");
    let default = crate::builtins_init::sys_attr(ts, "__unraisablehook__");
    if let Some(h) = hook.filter(|h| !is_none(h) && !default.as_ref().is_some_and(|d| d.is(h))) {
        let exc = e.value().clone();
        let fields = crate::seq::new_tuple(vec![
            exc.type_ref().to_value(),
            exc.clone(),
            crate::traceback::get_traceback(&exc),
            err_msg.as_deref().map(crate::str::new_str).unwrap_or_else(crate::runtime::none),
            object.clone().unwrap_or_else(crate::runtime::none),
        ]);
        let args = crate::builtins_init::named_tuple_like(ts, "UnraisableHookArgs", &["exc_type", "exc_value", "exc_traceback", "err_msg", "object"], fields);
        match args.and_then(|a| call(ts, &h, &[a])) {
            Ok(_) => return,
            Err(hook_err) => {
                print_unraisable(ts, &hook_err, Some("Exception ignored in sys.unraisablehook"), Some(&h));
            }
        }
    }
    print_unraisable(ts, e, err_msg.as_deref(), object.as_ref());
}

/// The default `sys.unraisablehook` output.
fn print_unraisable(ts: &ThreadState, e: &PyErr, err_msg: Option<&str>, object: Option<&Value>) {
    let mut s = String::new();
    match (err_msg, object) {
        (Some(m), _) => {
            s.push_str(m);
            s.push_str(":\n");
        }
        (None, Some(o)) => {
            s.push_str("Exception ignored in: ");
            s.push_str(&repr_string(ts, o).unwrap_or_else(|_| "<object>".into()));
            s.push('\n');
        }
        (None, None) => {}
    }
    s.push_str(&crate::traceback::format_unraisable(ts, e.value()));
    crate::builtins_init::write_stderr(ts, &s);
}

/// `sys.__unraisablehook__(unraisable)`.
pub fn default_unraisablehook(ts: &ThreadState, a: crate::function::Args<'_>) -> PyResult {
    let Some(u) = a.args.first() else { crate::raise!(TypeError, "unraisablehook expected 1 argument") };
    let exc = getattr_str(ts, u, "exc_value")?;
    let err_msg = getattr_str(ts, u, "err_msg")?;
    let object = getattr_str(ts, u, "object")?;
    let err_msg = crate::str::as_str(&err_msg).map(str::to_owned);
    let object = if is_none(&object) { None } else { Some(object) };
    print_unraisable(ts, &PyErr(exc), err_msg.as_deref(), object.as_ref());
    Ok(crate::runtime::none())
}

/// Sets an attribute in the instance dict, ignoring failure (for exception
/// attributes such as `NameError.name` set by the runtime).
pub fn setattr_silent(obj: &Value, name: &str, v: Value) -> Option<()> {
    let d = instance_dict(obj)?;
    d.downcast::<crate::dict::PyDict>()?.set_str(crate::str::intern(name), v);
    Some(())
}

/// `obj.__class__ = cls`: only between heap classes with the same layout.
fn set_class(obj: &Value, value: Option<Value>) -> PyResult<()> {
    let Some(v) = value else { raise!(TypeError, "can't delete __class__ attribute") };
    let Some(new) = TypeRef::from_value(&v) else {
        raise!(TypeError, "__class__ must be set to a class, not '{}' object", type_name(&v))
    };
    let old = obj.type_ref();
    let (od, nd) = (old.data(), new.data());
    let module = rt().types.module;
    if !(old.is_heap() && new.is_heap() || old.is_subtype(module) && new.is_subtype(module)) {
        raise!(TypeError, "__class__ assignment only supported for mutable types or ModuleType subclasses");
    }
    if od.vtable.kind != nd.vtable.kind || od.has_ext() != nd.has_ext() || od.nslots() != nd.nslots() || od.has_dict() != nd.has_dict() {
        raise!(TypeError, "__class__ assignment: '{}' object layout differs from '{}'", new.name(), old.name());
    }
    let Some(h) = obj.header() else { raise!(TypeError, "__class__ assignment: not a heap object") };
    // Inline attribute values index the old type's names: they move into a
    // dict first, which stays the instance's dict under the new type. (A
    // thread racing to store an attribute meanwhile may still store it
    // inline under the old names; CPython locks the object here.)
    if let Some(e) = crate::object::ext(obj) {
        if od.has_dict() {
            drop(e.dict.dict(&od.attr_keys));
        }
    }
    // The instance holds a strong reference to its heap type (see object::alloc).
    if new.is_heap() {
        std::mem::forget(new.to_value());
    }
    let hp = h as *const crate::header::ObjHeader as *mut crate::header::ObjHeader;
    // SAFETY: `ty` is one aligned word; both types have the same layout (checked
    // above), so every reader sees a type that describes this object.
    unsafe { (*hp).ty = new };
    if old.is_heap() {
        // SAFETY: releases the reference the instance held on its old heap type.
        drop(unsafe { Value::from_raw(old.ptr() as *const crate::header::ObjHeader) });
    }
    Ok(())
}
