//! `_operator`'s functions that must be builtin functions rather than
//! Python functions: the Lib stores some of them as class attributes
//! (`glob` keeps `concat_path = operator.add`), where a Python function
//! would bind as a method. The rest of `operator` stays pure Python.

use spindle_vm::arith::{Unary, binary_op, unary};
use spindle_vm::error::PyResult;
use spindle_vm::function::{Args, NativeFnPtr};
use spindle_vm::interp::ThreadState;
use spindle_vm::num::new_bool;
use spindle_vm::ops::{self, CmpOp};
use spindle_vm::runtime::none;
use spindle_vm::value::Value;
use spindle_vm::raise;

/// Exactly `N` positional arguments, CPython's wording for `name`.
fn args<'a, const N: usize>(name: &str, a: &'a Args<'_>) -> PyResult<&'a [Value; N]> {
    if a.has_kwargs() {
        raise!(TypeError, "{}() takes no keyword arguments", name);
    }
    let pos = a.positional();
    match <&[Value; N]>::try_from(pos) {
        Ok(v) => Ok(v),
        Err(_) => {
            if N == 1 {
                raise!(TypeError, "{}() takes exactly one argument ({} given)", name, pos.len())
            }
            raise!(TypeError, "{} expected {} arguments, got {}", name, N, pos.len())
        }
    }
}

macro_rules! binops {
    ($($name:ident = $pyname:literal, $code:expr;)*) => {
        $(
            fn $name(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
                let [x, y] = args::<2>($pyname, &a)?;
                binary_op(ts, x, y, $code)
            }
        )*
        const BINOPS: &[(&str, NativeFnPtr)] = &[$(($pyname, $name)),*];
    };
}

// BINARY_OP codes: + & // << @ * % | ** >> - / ^, then the in-place forms (+13).
binops! {
    op_add = "add", 0; op_and = "and_", 1; op_floordiv = "floordiv", 2; op_lshift = "lshift", 3;
    op_matmul = "matmul", 4; op_mul = "mul", 5; op_mod = "mod", 6; op_or = "or_", 7;
    op_pow = "pow", 8; op_rshift = "rshift", 9; op_sub = "sub", 10; op_truediv = "truediv", 11;
    op_xor = "xor", 12;
    op_iadd = "iadd", 13; op_iand = "iand", 14; op_ifloordiv = "ifloordiv", 15; op_ilshift = "ilshift", 16;
    op_imatmul = "imatmul", 17; op_imul = "imul", 18; op_imod = "imod", 19; op_ior = "ior", 20;
    op_ipow = "ipow", 21; op_irshift = "irshift", 22; op_isub = "isub", 23; op_itruediv = "itruediv", 24;
    op_ixor = "ixor", 25;
}

macro_rules! cmpops {
    ($($name:ident = $pyname:literal, $op:expr;)*) => {
        $(
            fn $name(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
                let [x, y] = args::<2>($pyname, &a)?;
                ops::rich_compare(ts, x, y, $op)
            }
        )*
        const CMPOPS: &[(&str, NativeFnPtr)] = &[$(($pyname, $name)),*];
    };
}

cmpops! {
    op_lt = "lt", CmpOp::Lt; op_le = "le", CmpOp::Le; op_eq = "eq", CmpOp::Eq;
    op_ne = "ne", CmpOp::Ne; op_gt = "gt", CmpOp::Gt; op_ge = "ge", CmpOp::Ge;
}

fn op_neg(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    unary(ts, &args::<1>("neg", &a)?[0], Unary::Neg)
}
fn op_pos(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    unary(ts, &args::<1>("pos", &a)?[0], Unary::Pos)
}
fn op_invert(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    unary(ts, &args::<1>("invert", &a)?[0], Unary::Invert)
}
fn op_inv(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    unary(ts, &args::<1>("inv", &a)?[0], Unary::Invert)
}
fn op_index(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    ops::index(ts, &args::<1>("index", &a)?[0])
}
fn op_truth(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    Ok(new_bool(ops::is_true(ts, &args::<1>("truth", &a)?[0])?))
}
fn op_not(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    Ok(new_bool(!ops::is_true(ts, &args::<1>("not_", &a)?[0])?))
}
fn op_is(_ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let [x, y] = args::<2>("is_", &a)?;
    Ok(new_bool(x.is(y)))
}
fn op_is_not(_ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let [x, y] = args::<2>("is_not", &a)?;
    Ok(new_bool(!x.is(y)))
}
fn op_contains(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let [x, y] = args::<2>("contains", &a)?;
    Ok(new_bool(ops::contains(ts, x, y)?))
}
fn op_getitem(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let [x, y] = args::<2>("getitem", &a)?;
    ops::getitem(ts, x, y)
}
fn op_setitem(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let [x, y, z] = args::<3>("setitem", &a)?;
    ops::setitem(ts, x, y, z.clone())?;
    Ok(none())
}
fn op_delitem(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let [x, y] = args::<2>("delitem", &a)?;
    ops::delitem(ts, x, y)?;
    Ok(none())
}

/// Every native function of `_operator`.
pub(crate) fn functions() -> Vec<(&'static str, NativeFnPtr)> {
    let mut v: Vec<(&'static str, NativeFnPtr)> = Vec::new();
    v.extend_from_slice(BINOPS);
    v.extend_from_slice(CMPOPS);
    v.extend_from_slice(&[
        ("neg", op_neg as NativeFnPtr),
        ("pos", op_pos),
        ("invert", op_invert),
        ("inv", op_inv),
        ("index", op_index),
        ("truth", op_truth),
        ("not_", op_not),
        ("is_", op_is),
        ("is_not", op_is_not),
        ("contains", op_contains),
        ("getitem", op_getitem),
        ("setitem", op_setitem),
        ("delitem", op_delitem),
    ]);
    v
}

// ------------------------------------------- attrgetter, itemgetter, methodcaller
//
// CPython's C classes (`operator.attrgetter` ...): immutable callables that
// are not subclassable. Each call is one native step, no Python frame.

use std::sync::OnceLock;

use spindle_vm::function::new_method_descriptor;
use spindle_vm::native;
use spindle_vm::object::{PyPayload, TypeRef, alloc};
use spindle_vm::seq::new_tuple;
use spindle_vm::str::{as_str, intern, new_str};

use crate::kinds::{TYPING_BASE, kind};

/// `attrgetter(*names)`: each name split at its dots (interned parts).
pub(crate) struct AttrGetter {
    names: Vec<Value>,
    paths: Vec<Vec<Value>>,
}

impl PyPayload for AttrGetter {
    const KIND: spindle_vm::object::PayloadKind = kind(TYPING_BASE + 10);
}

/// `itemgetter(*items)`.
pub(crate) struct ItemGetter {
    items: Vec<Value>,
}

impl PyPayload for ItemGetter {
    const KIND: spindle_vm::object::PayloadKind = kind(TYPING_BASE + 11);
    const GC: bool = true;
    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        self.items.iter().for_each(visit);
    }
}

/// `methodcaller(name, *args, **kwargs)`: `call_args` holds the positional
/// then the keyword values, `kwnames` the keywords' names.
pub(crate) struct MethodCaller {
    name: Value,
    call_args: Vec<Value>,
    kwnames: Vec<Value>,
}

impl PyPayload for MethodCaller {
    const KIND: spindle_vm::object::PayloadKind = kind(TYPING_BASE + 12);
    const GC: bool = true;
    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        self.call_args.iter().for_each(visit);
    }
}

static ATTRGETTER_T: OnceLock<TypeRef> = OnceLock::new();
static ITEMGETTER_T: OnceLock<TypeRef> = OnceLock::new();
static METHODCALLER_T: OnceLock<TypeRef> = OnceLock::new();

fn no_kwargs(name: &str, a: &Args<'_>) -> PyResult<()> {
    if a.has_kwargs() {
        raise!(TypeError, "{}() takes no keyword arguments", name);
    }
    Ok(())
}

/// The one positional argument of a call, CPython's wording.
fn one_arg<'a>(name: &str, a: &'a Args<'_>) -> PyResult<&'a Value> {
    no_kwargs(name, a)?;
    match a.args {
        [_, obj] => Ok(obj),
        _ => raise!(TypeError, "{} expected 1 argument, got {}", name, a.args.len().saturating_sub(1)),
    }
}

/// `Type(...)` repr: `operator.name(arg, ...)`.
fn repr_call(ts: &ThreadState, name: &str, parts: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    let mut out = format!("operator.{name}(");
    let mut first = true;
    for p in parts {
        if !first {
            out.push_str(", ");
        }
        first = false;
        out.push_str(&ops::repr_string(ts, p)?);
    }
    for (k, v) in kw {
        if !first {
            out.push_str(", ");
        }
        first = false;
        out.push_str(as_str(k).unwrap_or(""));
        out.push('=');
        out.push_str(&ops::repr_string(ts, v)?);
    }
    out.push(')');
    Ok(new_str(&out))
}

fn attrgetter_new(_ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    no_kwargs("attrgetter", &a)?;
    let names = a.args.get(1..).unwrap_or(&[]);
    if names.is_empty() {
        raise!(TypeError, "attrgetter expected 1 argument, got 0");
    }
    let mut paths = Vec::with_capacity(names.len());
    for n in names {
        let Some(s) = as_str(n) else { raise!(TypeError, "attribute name must be a string") };
        paths.push(s.split('.').map(intern).collect());
    }
    let t = attrgetter_type();
    Ok(alloc(t, AttrGetter { names: names.to_vec(), paths }))
}

fn this<'a, T: PyPayload>(a: &'a Args<'_>, what: &str) -> PyResult<&'a T> {
    match a.args.first().and_then(|v| v.downcast::<T>()) {
        Some(p) => Ok(p),
        None => raise!(TypeError, "descriptor requires a 'operator.{}' object", what),
    }
}

fn attrgetter_call(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let g = this::<AttrGetter>(&a, "attrgetter")?;
    let obj = one_arg("attrgetter", &a)?;
    let fetch = |path: &Vec<Value>| -> PyResult<Value> {
        let mut v = obj.clone();
        for part in path {
            v = ops::getattr(ts, &v, part)?;
        }
        Ok(v)
    };
    if let [path] = g.paths.as_slice() {
        return fetch(path);
    }
    Ok(new_tuple(g.paths.iter().map(fetch).collect::<PyResult<Vec<_>>>()?))
}

fn attrgetter_repr(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    repr_call(ts, "attrgetter", &this::<AttrGetter>(&a, "attrgetter")?.names, &[])
}

fn attrgetter_reduce(_ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let g = this::<AttrGetter>(&a, "attrgetter")?;
    Ok(new_tuple(vec![attrgetter_type().to_value(), new_tuple(g.names.clone())]))
}

fn itemgetter_new(_ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    no_kwargs("itemgetter", &a)?;
    let items = a.args.get(1..).unwrap_or(&[]);
    if items.is_empty() {
        raise!(TypeError, "itemgetter expected 1 argument, got 0");
    }
    Ok(alloc(itemgetter_type(), ItemGetter { items: items.to_vec() }))
}

fn itemgetter_call(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let g = this::<ItemGetter>(&a, "itemgetter")?;
    let obj = one_arg("itemgetter", &a)?;
    if let [item] = g.items.as_slice() {
        return ops::getitem(ts, obj, item);
    }
    Ok(new_tuple(g.items.iter().map(|i| ops::getitem(ts, obj, i)).collect::<PyResult<Vec<_>>>()?))
}

fn itemgetter_repr(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    repr_call(ts, "itemgetter", &this::<ItemGetter>(&a, "itemgetter")?.items, &[])
}

fn itemgetter_reduce(_ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let g = this::<ItemGetter>(&a, "itemgetter")?;
    Ok(new_tuple(vec![itemgetter_type().to_value(), new_tuple(g.items.clone())]))
}

fn methodcaller_new(_ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let pos = a.positional();
    let Some(name) = pos.get(1) else { raise!(TypeError, "methodcaller needs at least one argument, the method name") };
    if as_str(name).is_none() {
        raise!(TypeError, "method name must be a string");
    }
    let name = intern(as_str(name).unwrap_or(""));
    let call_args = a.args.get(2..).unwrap_or(&[]).to_vec();
    Ok(alloc(methodcaller_type(), MethodCaller { name, call_args, kwnames: a.kwnames.to_vec() }))
}

fn methodcaller_call(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let m = this::<MethodCaller>(&a, "methodcaller")?;
    let obj = one_arg("methodcaller", &a)?;
    spindle_vm::eval::call_method_args(ts, obj, &m.name, Args { args: &m.call_args, kwnames: &m.kwnames })
}

/// (positional, keyword pairs) of a methodcaller's stored arguments.
fn methodcaller_parts(m: &MethodCaller) -> (&[Value], Vec<(Value, Value)>) {
    let npos = m.call_args.len() - m.kwnames.len();
    let kw = m.kwnames.iter().cloned().zip(m.call_args[npos..].iter().cloned()).collect();
    (&m.call_args[..npos], kw)
}

fn methodcaller_repr(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let m = this::<MethodCaller>(&a, "methodcaller")?;
    let (pos, kw) = methodcaller_parts(m);
    let mut parts = vec![m.name.clone()];
    parts.extend_from_slice(pos);
    repr_call(ts, "methodcaller", &parts, &kw)
}

fn methodcaller_reduce(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let m = this::<MethodCaller>(&a, "methodcaller")?;
    let (pos, _) = methodcaller_parts(m);
    let t = methodcaller_type().to_value();
    if m.kwnames.is_empty() {
        let mut parts = vec![m.name.clone()];
        parts.extend_from_slice(pos);
        return Ok(new_tuple(vec![t, new_tuple(parts)]));
    }
    // As CPython: partial(type, name, **kwargs) rebuilt with the positionals.
    let mut pargs = vec![t, m.name.clone()];
    pargs.extend_from_slice(&m.call_args[pos.len()..]);
    let partial = ops::call_args(ts, &crate::core_mods::partial::partial_type().to_value(), Args { args: &pargs, kwnames: &m.kwnames })?;
    Ok(new_tuple(vec![partial, new_tuple(pos.to_vec())]))
}

/// A non-subclassable `operator.<name>` class with `__call__`, `__repr__`
/// and `__reduce__`.
fn make_type<T: PyPayload>(
    name: &'static str,
    new: NativeFnPtr,
    call: NativeFnPtr,
    repr: NativeFnPtr,
    reduce: NativeFnPtr,
    doc: &str,
) -> TypeRef {
    let t = native::new_type::<T>(name, "operator", None, false);
    native::set_new(t, new);
    native::add_methods(t, &[("__repr__", repr), ("__reduce__", reduce)]);
    native::add_class_value(t, "__call__", new_method_descriptor(t, "__call__", call));
    native::add_class_value(t, "__doc__", new_str(doc));
    t
}

fn attrgetter_type() -> TypeRef {
    *ATTRGETTER_T.get_or_init(|| {
        make_type::<AttrGetter>(
            "attrgetter",
            attrgetter_new,
            attrgetter_call,
            attrgetter_repr,
            attrgetter_reduce,
            "Return a callable object that fetches the given attribute(s) from its operand.\nAfter f = attrgetter('name'), the call f(r) returns r.name.\nAfter g = attrgetter('name', 'date'), the call g(r) returns (r.name, r.date).\nAfter h = attrgetter('name.first', 'name.last'), the call h(r) returns\n(r.name.first, r.name.last).",
        )
    })
}

fn itemgetter_type() -> TypeRef {
    *ITEMGETTER_T.get_or_init(|| {
        make_type::<ItemGetter>(
            "itemgetter",
            itemgetter_new,
            itemgetter_call,
            itemgetter_repr,
            itemgetter_reduce,
            "Return a callable object that fetches the given item(s) from its operand.\nAfter f = itemgetter(2), the call f(r) returns r[2].\nAfter g = itemgetter(2, 5, 3), the call g(r) returns (r[2], r[5], r[3])",
        )
    })
}

fn methodcaller_type() -> TypeRef {
    *METHODCALLER_T.get_or_init(|| {
        make_type::<MethodCaller>(
            "methodcaller",
            methodcaller_new,
            methodcaller_call,
            methodcaller_repr,
            methodcaller_reduce,
            "Return a callable object that calls the given method on its operand.\nAfter f = methodcaller('name'), the call f(r) returns r.name().\nAfter g = methodcaller('name', 'date', foo=1), the call g(r) returns\nr.name('date', foo=1).",
        )
    })
}

/// Adds the three classes to `_operator`.
pub(crate) fn add_classes(m: &Value) {
    native::add_value(m, "attrgetter", attrgetter_type().to_value());
    native::add_value(m, "itemgetter", itemgetter_type().to_value());
    native::add_value(m, "methodcaller", methodcaller_type().to_value());
}
