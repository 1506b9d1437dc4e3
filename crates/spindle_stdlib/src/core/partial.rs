//! `_functools.partial` and `_functools.Placeholder` (CPython's C
//! `partial`, 3.14): a callable holding a function, leading positional
//! arguments (where `Placeholder` marks a slot the call fills) and keyword
//! arguments. Nested partials flatten at construction; in 3.14 a partial is a
//! method descriptor (`__get__` binds it to an instance).

use parking_lot::Mutex;
use spindle_vm::builtins_init::{dict_set, generic_alias, new_dict};
use spindle_vm::dict::PyDict;
use spindle_vm::error::PyResult;
use spindle_vm::function::{Args, new_method};
use spindle_vm::interp::ThreadState;
use spindle_vm::native;
use spindle_vm::object::{PyPayload, TypeRef, alloc};
use spindle_vm::ops;
use spindle_vm::raise;
use spindle_vm::runtime::{is_none, none};
use spindle_vm::seq::{new_tuple, tuple_items};
use spindle_vm::str::{as_str, new_str};
use spindle_vm::types::type_flags;
use spindle_vm::value::Value;

use crate::kinds::{CORE_BASE, kind};

/// What a partial holds; replaced as a whole by `__setstate__`.
#[derive(Clone)]
struct State {
    func: Value,
    /// A tuple; `Placeholder` marks the slots a call fills, never last.
    args: Value,
    /// A dict (the object `.keywords` returns).
    keywords: Value,
    /// How many `Placeholder`s `args` holds.
    placeholders: usize,
}

pub(crate) struct Partial {
    state: Mutex<State>,
}

impl PyPayload for Partial {
    const KIND: spindle_vm::object::PayloadKind = kind(CORE_BASE + 50);
    const GC: bool = true;
    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        // The lock is held only to copy or replace the state (no Python
        // code runs under it), so it is free whenever the world is stopped.
        if let Some(s) = self.state.try_lock() {
            visit(&s.func);
            visit(&s.args);
            visit(&s.keywords);
        }
    }
    fn clear(&self) {
        let mut s = self.state.lock();
        let old = std::mem::replace(&mut *s, State { func: none(), args: new_tuple(Vec::new()), keywords: none(), placeholders: 0 });
        drop(s);
        drop(old);
    }
}

/// The `Placeholder` singleton's payload.
pub(crate) struct PlaceholderType;

impl PyPayload for PlaceholderType {
    const KIND: spindle_vm::object::PayloadKind = kind(CORE_BASE + 51);
}

static PARTIAL_T: std::sync::OnceLock<TypeRef> = std::sync::OnceLock::new();
static PLACEHOLDER_T: std::sync::OnceLock<TypeRef> = std::sync::OnceLock::new();

pub(crate) fn partial_type() -> TypeRef {
    *PARTIAL_T.get_or_init(|| {
        let t = native::new_type::<Partial>("partial", "functools", None, true);
        // Instances have a `__dict__` (and so can be weakly referenced and
        // given attributes), as C partial objects.
        t.data().set_flags(type_flags::HAS_EXT | type_flags::HAS_DICT | type_flags::DESCRIPTOR);
        native::set_new(t, partial_new);
        native::add_methods(
            t,
            &[
                ("__call__", partial_call),
                ("__get__", partial_get),
                ("__repr__", partial_repr),
                ("__reduce__", partial_reduce),
                ("__setstate__", partial_setstate),
            ],
        );
        crate::math::add_getter(t, "func", |_, a| Ok(state_of(&a)?.func));
        crate::math::add_getter(t, "args", |_, a| Ok(state_of(&a)?.args));
        crate::math::add_getter(t, "keywords", |_, a| Ok(state_of(&a)?.keywords));
        native::add_classmethod(t, "__class_getitem__", |ts, a| match a.args {
            [cls, item] => generic_alias(ts, cls, item),
            _ => raise!(TypeError, "__class_getitem__ expected 1 argument"),
        });
        native::add_class_value(t, "__text_signature__", new_str("(func, /, *args, **keywords)"));
        native::add_class_value(
            t,
            "__doc__",
            new_str("Create a new function with partial application of the given arguments\nand keywords."),
        );
        t
    })
}

fn placeholder_type() -> TypeRef {
    *PLACEHOLDER_T.get_or_init(|| {
        let t = native::new_type::<PlaceholderType>("_PlaceholderType", "functools", None, false);
        native::set_new(t, |ts, a| {
            if a.args.len() > 1 {
                raise!(TypeError, "PlaceholderType takes no arguments");
            }
            Ok(placeholder(ts))
        });
        native::add_methods(t, &[("__repr__", |_, _| Ok(new_str("Placeholder"))), ("__reduce__", |_, _| Ok(new_str("Placeholder")))]);
        native::add_class_value(t, "__doc__", new_str("The type of the Placeholder singleton.\n\nUsed as a placeholder for partial arguments."));
        t
    })
}

/// The interpreter's `Placeholder` object.
fn placeholder(ts: &ThreadState) -> Value {
    let t = placeholder_type();
    ts.interp.module_state("functools.Placeholder", || alloc(t, PlaceholderType))
}

fn is_placeholder(v: &Value) -> bool {
    v.type_ref() == placeholder_type()
}

/// Adds `partial`, `Placeholder` and `_PlaceholderType` to `_functools`.
pub(crate) fn add_to(ts: &ThreadState, m: &Value) {
    native::add_value(m, "partial", partial_type().to_value());
    native::add_value(m, "_PlaceholderType", placeholder_type().to_value());
    native::add_value(m, "Placeholder", placeholder(ts));
}

fn state_of(a: &Args<'_>) -> PyResult<State> {
    match a.args.first().and_then(|v| v.downcast::<Partial>()) {
        Some(p) => Ok(p.state.lock().clone()),
        None => raise!(TypeError, "descriptor requires a 'functools.partial' object"),
    }
}

/// Whether `v` is a partial whose calls run `partial.__call__` and that has
/// no attributes of its own: its parts can be taken over (flattening).
fn flattenable(v: &Value) -> Option<State> {
    let p = v.downcast::<Partial>()?;
    let t = v.type_ref();
    if t != partial_type() {
        let ours = partial_type().lookup_static("__call__")?;
        if !t.lookup_static("__call__").is_some_and(|c| c.is(&ours)) {
            return None;
        }
    }
    // As CPython: only while its `__dict__` was never made.
    if spindle_vm::object::dict_if_any(v).is_some() {
        return None;
    }
    Some(p.state.lock().clone())
}

/// `partial(func, /, *args, **keywords)`.
fn partial_new(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let Some(cls) = a.args.first().and_then(TypeRef::from_value) else { raise!(TypeError, "partial.__new__(X): X is not a type object") };
    let pos = a.positional();
    if pos.len() < 2 {
        raise!(TypeError, "type 'partial' takes at least one argument");
    }
    let mut func = pos[1].clone();
    let new_args = &pos[2..];
    let inner = flattenable(&func);
    if let Some(s) = &inner {
        func = s.func.clone();
    }
    if !ops::is_callable(&func) {
        raise!(TypeError, "the first argument must be callable");
    }
    if new_args.last().is_some_and(is_placeholder) {
        raise!(TypeError, "trailing Placeholders are not allowed");
    }
    if a.kwargs().any(|(_, v)| is_placeholder(v)) {
        raise!(TypeError, "Placeholder cannot be passed as a keyword argument");
    }
    let (args, keywords) = match &inner {
        Some(s) => {
            // The new arguments fill the inner partial's placeholders first.
            let mut merged: Vec<Value> = tuple_items(&s.args).unwrap_or(&[]).to_vec();
            let mut rest = new_args.iter();
            if s.placeholders > 0 {
                for slot in merged.iter_mut() {
                    if is_placeholder(slot) {
                        match rest.next() {
                            Some(v) => *slot = v.clone(),
                            None => break,
                        }
                    }
                }
            }
            merged.extend(rest.cloned());
            let kw = new_dict();
            if let Some(d) = s.keywords.downcast::<PyDict>() {
                for (k, v) in d.items() {
                    dict_set(ts, &kw, k, v)?;
                }
            }
            (merged, kw)
        }
        None => (new_args.to_vec(), new_dict()),
    };
    for (k, v) in a.kwargs() {
        dict_set(ts, &keywords, new_str(k), v.clone())?;
    }
    let placeholders = args.iter().filter(|v| is_placeholder(v)).count();
    let state = State { func, args: new_tuple(args), keywords, placeholders };
    Ok(alloc(cls, Partial { state: Mutex::new(state) }))
}

/// `partial(*args, **keywords)`: the stored arguments (placeholders filled
/// from the call's first ones), then the call's; stored keywords, overridden
/// by the call's.
fn partial_call(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let s = state_of(&a)?;
    let pos = &a.positional()[1..];
    let stored = tuple_items(&s.args).unwrap_or(&[]);
    let stored_kw = s.keywords.downcast::<PyDict>().filter(|d| d.len() > 0).map(PyDict::items).unwrap_or_default();
    let n_kw = a.kwnames.len();
    let mut args: Vec<Value> = Vec::with_capacity(stored.len() + pos.len() + stored_kw.len() + n_kw);
    let mut call_pos = pos.iter();
    if s.placeholders > 0 {
        if pos.len() < s.placeholders {
            raise!(
                TypeError,
                "missing positional arguments in 'partial' call; expected at least {}, got {}",
                s.placeholders,
                pos.len()
            );
        }
        for v in stored {
            if is_placeholder(v) {
                // Counted above: there are enough call arguments.
                args.push(call_pos.next().cloned().unwrap_or_else(none));
            } else {
                args.push(v.clone());
            }
        }
    } else {
        args.extend_from_slice(stored);
    }
    args.extend(call_pos.cloned());
    if stored_kw.is_empty() {
        args.extend_from_slice(&a.args[a.args.len() - n_kw..]);
        return ops::call_args(ts, &s.func, Args { args: &args, kwnames: a.kwnames });
    }
    // Stored keywords keep their order (a call's value replaces one in
    // place); the call's other keywords follow, as `{**stored, **call}`.
    let call_kw: Vec<(&str, &Value)> = a.kwargs().collect();
    let mut names: Vec<Value> = Vec::with_capacity(stored_kw.len() + n_kw);
    for (k, v) in &stored_kw {
        let Some(name) = as_str(k) else { raise!(TypeError, "keywords must be strings") };
        names.push(k.clone());
        match call_kw.iter().find(|(ck, _)| *ck == name) {
            Some((_, cv)) => args.push((*cv).clone()),
            None => args.push(v.clone()),
        }
    }
    for (i, (ck, cv)) in call_kw.iter().enumerate() {
        if !stored_kw.iter().any(|(k, _)| as_str(k) == Some(*ck)) {
            names.push(a.kwnames[i].clone());
            args.push((*cv).clone());
        }
    }
    ops::call_args(ts, &s.func, Args { args: &args, kwnames: &names })
}

/// `__get__(obj, type=None)`: 3.14 partials bind as methods do.
fn partial_get(_ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let pos = a.positional();
    match pos {
        [this, obj, ..] if !is_none(obj) => Ok(new_method(this.clone(), obj.clone())),
        [this, ..] => Ok(this.clone()),
        [] => raise!(TypeError, "descriptor '__get__' of 'functools.partial' object needs an argument"),
    }
}

/// `functools.partial(<func>, 1, key=...)`, `...` when it contains itself.
fn partial_repr(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let this = a.args.first().cloned().unwrap_or_else(none);
    let s = state_of(&a)?;
    spindle_vm::builtins_init::containers::repr_guard(&this, "...", || {
        let t = this.type_ref();
        let module = ops::getattr_str(ts, &t.to_value(), "__module__").ok().and_then(|m| as_str(&m).map(str::to_owned));
        let qualname = t.data().qualname.read().clone();
        let mut parts = vec![ops::repr_string(ts, &s.func)?];
        for v in tuple_items(&s.args).unwrap_or(&[]) {
            parts.push(ops::repr_string(ts, v)?);
        }
        if let Some(d) = s.keywords.downcast::<PyDict>() {
            for (k, v) in d.items() {
                parts.push(format!("{}={}", ops::str_string(ts, &k)?, ops::repr_string(ts, &v)?));
            }
        }
        let prefix = match module {
            Some(m) => format!("{m}.{qualname}"),
            None => qualname,
        };
        Ok(new_str(&format!("{prefix}({})", parts.join(", "))))
    })
}

/// `(type(p), (p.func,), (p.func, p.args, p.keywords, p.__dict__ or None))`.
fn partial_reduce(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let s = state_of(&a)?;
    let this = &a.args[0];
    // The `__dict__` only if it was ever made (C's NULL otherwise).
    let dict = spindle_vm::object::dict_if_any(this).unwrap_or_else(none);
    let _ = ts;
    Ok(new_tuple(vec![this.type_ref().to_value(), new_tuple(vec![s.func.clone()]), new_tuple(vec![s.func, s.args, s.keywords, dict])]))
}

/// `__setstate__((func, args, keywords, dict))`, as pickle calls it.
fn partial_setstate(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let (Some(this), Some(state)) = (a.args.first(), a.args.get(1)) else { raise!(TypeError, "__setstate__() takes exactly one argument") };
    let Some(p) = this.downcast::<Partial>() else { raise!(TypeError, "descriptor requires a 'functools.partial' object") };
    let Some(items) = tuple_items(state).filter(|i| i.len() == 4) else { raise!(TypeError, "invalid partial state") };
    let (func, args, kw, dict) = (&items[0], &items[1], &items[2], &items[3]);
    let is_dict = |v: &Value| v.type_ref().is_subtype(spindle_vm::runtime::rt().types.dict);
    let is_tuple = |v: &Value| v.type_ref().is_subtype(spindle_vm::runtime::rt().types.tuple);
    // (C takes any object as the namespace; Spindle's instance dicts are dicts.)
    if !ops::is_callable(func) || !is_tuple(args) || (!is_none(kw) && !is_dict(kw)) || (!is_none(dict) && !is_dict(dict)) {
        raise!(TypeError, "invalid partial state");
    }
    let arg_items = tuple_items(args).unwrap_or(&[]).to_vec();
    if arg_items.last().is_some_and(is_placeholder) {
        raise!(TypeError, "trailing Placeholders are not allowed");
    }
    let placeholders = arg_items.iter().filter(|v| is_placeholder(v)).count();
    let keywords = if is_none(kw) {
        new_dict()
    } else if kw.type_ref() == spindle_vm::runtime::rt().types.dict {
        kw.clone()
    } else {
        let copy = new_dict();
        for (k, v) in spindle_vm::builtins_init::mapping_items(ts, kw)? {
            dict_set(ts, &copy, k, v)?;
        }
        copy
    };
    if let Some(ext) = spindle_vm::object::ext(this) {
        // The given dict becomes the `__dict__` itself; None leaves none.
        ext.dict.set((!is_none(dict)).then(|| dict.clone()));
    }
    let new = State { func: func.clone(), args: new_tuple(arg_items), keywords, placeholders };
    let old = std::mem::replace(&mut *p.state.lock(), new);
    drop(old);
    Ok(none())
}
