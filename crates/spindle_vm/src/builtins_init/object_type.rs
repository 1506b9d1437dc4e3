//! `object` and `type` methods, and the special attributes of builtin objects
//! (`__name__` of functions, `co_*` of code, `f_*` of frames, ...), read and
//! written without descriptors.

use parking_lot::Mutex;

use super::{add_methods, add_new, add_value, check_args};
use crate::cell::{PyCell, PyModule};
use crate::code::PyCode;
use crate::error::PyResult;
use crate::exceptions::PyBaseException;
use crate::frame::{PyFrameObj, PyTraceback};
use crate::function::{Args, NativeFunction, PyFunction, PyMethod, PyProperty, PyWrapper};
use crate::interp::ThreadState;
use crate::num::{new_bool, new_int};
use crate::object::{TypeRef, alloc};
use crate::ops;
use crate::runtime::{Runtime, is_none, none, rt};
use crate::seq::new_tuple;
use crate::str::{as_str, new_str};
use crate::value::Value;
use crate::{err, raise};

pub(super) fn init(r: &Runtime) {
    let o = r.types.object;
    add_new(o, object_new_raw);
    add_methods(
        o,
        &[
            ("__init__", object_init),
            ("__repr__", object_repr),
            ("__str__", object_str),
            ("__eq__", object_eq),
            ("__ne__", object_ne),
            ("__lt__", not_impl),
            ("__le__", not_impl),
            ("__gt__", not_impl),
            ("__ge__", not_impl),
            ("__hash__", object_hash),
            ("__getattribute__", object_getattribute),
            ("__setattr__", object_setattr),
            ("__delattr__", object_delattr),
            ("__init_subclass__", object_init_subclass),
            ("__format__", object_format),
            ("__dir__", object_dir),
            ("__sizeof__", object_sizeof),
            ("__reduce_ex__", object_reduce_ex),
            ("__reduce__", |ts, a| {
                let obj = a.args.first().cloned().unwrap_or_else(none);
                let copyreg = crate::import::import_module(ts, "copyreg")?;
                let f = ops::getattr_str(ts, &copyreg, "_reduce_ex")?;
                ops::call(ts, &f, &[obj, new_int(0)])
            }),
            ("__getstate__", object_getstate),
            ("__subclasshook__", not_impl),
        ],
    );
    super::containers::classmethodize(o, "__init_subclass__");
    super::containers::classmethodize(o, "__subclasshook__");
    let t = r.types.type_;
    add_new(t, type_new_native);
    add_methods(
        t,
        &[
            ("__init__", type_init),
            ("__repr__", type_repr),
            ("mro", type_mro),
            ("__instancecheck__", type_instancecheck),
            ("__subclasscheck__", type_subclasscheck),
            ("__subclasses__", type_subclasses),
            ("__or__", type_or),
            ("__ror__", type_ror),
            ("__dir__", object_dir),
            ("__call__", crate::class::type_call_method),
        ],
    );
    add_value(t, "__prepare__", crate::function::new_native("__prepare__", type_prepare));
    for ty in [r.types.none, r.types.not_implemented, r.types.ellipsis] {
        add_methods(ty, &[("__repr__", singleton_repr), ("__bool__", singleton_bool)]);
        add_new(ty, singleton_new);
    }
    // Pickled by name, as CPython's `ellipsis.__reduce__` / `NotImplementedType.__reduce__`.
    add_methods(r.types.ellipsis, &[("__reduce__", |_, _| Ok(new_str("Ellipsis")))]);
    add_methods(r.types.not_implemented, &[("__reduce__", |_, _| Ok(new_str("NotImplemented")))]);
    add_methods(r.types.function, &[("__repr__", function_repr), ("__get__", function_get)]);
    for t in [r.types.builtin_function, r.types.method_wrapper] {
        add_methods(t, &[("__repr__", native_repr), ("__reduce__", native_reduce), ("__eq__", native_eq), ("__hash__", native_hash)]);
    }
    add_methods(r.types.builtin_function, &[("__call__", call_self)]);
    // Callables show `__call__`, as CPython's tp_call slots do (collections.abc.Callable
    // and unittest.mock's `_callable` look for it).
    for t in [r.types.function, r.types.method, r.types.method_descriptor, r.types.wrapper_descriptor, r.types.method_wrapper] {
        add_methods(t, &[("__call__", call_self)]);
    }
    for t in [r.types.method_descriptor, r.types.wrapper_descriptor] {
        add_methods(t, &[("__repr__", native_repr), ("__get__", method_descriptor_get), ("__reduce__", native_reduce)]);
    }
    add_methods(r.types.method, &[("__repr__", method_repr), ("__eq__", method_eq), ("__hash__", method_hash)]);
    add_methods(r.types.module, &[("__repr__", module_repr), ("__dir__", module_dir)]);
    add_new(r.types.module, module_new);
    add_methods(r.types.module, &[("__init__", module_init)]);
    add_methods(r.types.cell, &[("__repr__", cell_repr)]);
    add_methods(r.types.code, &[("__repr__", code_repr)]);
    add_new(r.types.property, property_new);
    add_methods(
        r.types.property,
        &[
            ("__init__", property_init),
            ("getter", property_getter),
            ("setter", property_setter),
            ("deleter", property_deleter),
            ("__get__", property_get),
            ("__set__", property_set),
            ("__delete__", property_delete),
            ("__set_name__", property_set_name),
        ],
    );
    add_new(r.types.classmethod, wrapper_new);
    add_new(r.types.staticmethod, wrapper_new);
    add_methods(r.types.classmethod, &[("__init__", wrapper_init), ("__get__", classmethod_get), ("__repr__", wrapper_repr)]);
    add_methods(
        r.types.classmethod_descriptor,
        &[("__get__", classmethod_descriptor_get), ("__repr__", classmethod_descriptor_repr), ("__call__", classmethod_descriptor_call)],
    );
    add_methods(
        r.types.staticmethod,
        &[("__init__", wrapper_init), ("__get__", staticmethod_get), ("__call__", staticmethod_call), ("__repr__", wrapper_repr)],
    );
    add_new(r.types.super_, super_new_native);
    add_methods(r.types.super_, &[("__init__", noop_init), ("__repr__", super_repr)]);
    add_methods(r.types.member_descriptor, &[("__get__", member_get), ("__set__", member_set), ("__delete__", member_delete)]);
    add_new(r.types.generic_alias, |_ts, a| {
        let pos = a.positional();
        let Some(cls) = pos.first().and_then(TypeRef::from_value) else { raise!(TypeError, "expected a type") };
        if pos.len() != 3 {
            raise!(TypeError, "GenericAlias expected 2 arguments, got {}", pos.len().saturating_sub(1));
        }
        let args = if crate::seq::tuple_items(&pos[2]).is_some() { pos[2].clone() } else { new_tuple(vec![pos[2].clone()]) };
        Ok(alloc(cls, crate::class::PyGenericAlias { origin: pos[1].clone(), args, starred: false }))
    });
    add_value(r.types.generic_alias, "__module__", new_str("types"));
    add_methods(
        r.types.generic_alias,
        &[
            ("__mro_entries__", |_, a| {
                let Some(g) = a.args[0].downcast::<crate::class::PyGenericAlias>() else { raise!(TypeError, "expected GenericAlias") };
                Ok(new_tuple(vec![g.origin.clone()]))
            }),
            // 3.11+: `*alias` unpacks to the one starred alias (`*tuple[int, ...]`).
            ("__iter__", |ts, a| {
                let Some(g) = a.args[0].downcast::<crate::class::PyGenericAlias>() else { raise!(TypeError, "expected GenericAlias") };
                let starred = crate::class::PyGenericAlias { origin: g.origin.clone(), args: g.args.clone(), starred: true };
                ops::iter(ts, &new_tuple(vec![alloc(a.args[0].type_ref(), starred)]))
            }),
            ("__call__", |ts, a| {
                let Some(g) = a.args[0].downcast::<crate::class::PyGenericAlias>() else { raise!(TypeError, "expected GenericAlias") };
                let r = ops::call_args(ts, &g.origin, Args { args: &a.args[1..], kwnames: a.kwnames })?;
                let _ = ops::setattr(ts, &r, &new_str("__orig_class__"), Some(a.args[0].clone()));
                Ok(r)
            }),
        ],
    );
    add_methods(r.types.generic_alias, &[("__repr__", generic_alias_repr), ("__eq__", generic_alias_eq), ("__hash__", generic_alias_hash)]);
    add_methods(r.types.frame, &[("__repr__", frame_repr), ("clear", frame_clear)]);
    add_methods(
        r.types.simple_namespace,
        &[
            ("__init__", |ts, a| {
                if a.positional().len() > 2 {
                    raise!(TypeError, "SimpleNamespace expected at most 1 positional argument, got {}", a.positional().len() - 1);
                }
                if let Some(m) = a.positional().get(1) {
                    for (k, v) in super::mapping_items(ts, m)? {
                        ops::setattr(ts, &a.args[0], &k, Some(v))?;
                    }
                }
                for (k, v) in a.kwargs() {
                    ops::setattr(ts, &a.args[0], &new_str(k), Some(v.clone()))?;
                }
                Ok(none())
            }),
            ("__repr__", |ts, a| {
                let o = &a.args[0];
                let name = if o.type_ref() == rt().types.simple_namespace { "namespace".to_owned() } else { o.type_ref().name() };
                let d = ops::instance_dict(o).unwrap_or_else(super::new_dict);
                let items = super::mapping_items(ts, &d)?;
                let mut parts = Vec::new();
                for (k, v) in items {
                    parts.push(format!("{}={}", as_str(&k).unwrap_or(""), ops::repr_string(ts, &v)?));
                }
                Ok(new_str(&format!("{}({})", name, parts.join(", "))))
            }),
            ("__eq__", |ts, a| {
                let (x, y) = (&a.args[0], &a.args[1]);
                if !y.type_ref().is_subtype(rt().types.simple_namespace) {
                    return Ok(rt().not_implemented.clone());
                }
                let dx = ops::instance_dict(x).unwrap_or_else(super::new_dict);
                let dy = ops::instance_dict(y).unwrap_or_else(super::new_dict);
                ops::rich_compare(ts, &dx, &dy, ops::CmpOp::Eq)
            }),
        ],
    );
    add_value(r.types.simple_namespace, "__module__", new_str("types"));
    add_new(r.types.method, |_ts, a| {
        let pos = a.positional();
        if pos.len() != 3 {
            raise!(TypeError, "method expected 2 arguments, got {}", pos.len().saturating_sub(1));
        }
        if !ops::is_callable(&pos[1]) {
            raise!(TypeError, "first argument must be callable");
        }
        Ok(crate::function::new_method(pos[1].clone(), pos[2].clone()))
    });
    add_new(r.types.cell, |_ts, a| {
        let v = a.positional().get(1).cloned();
        Ok(alloc(rt().types.cell, PyCell::new(v)))
    });
    add_new(r.types.function, |_ts, a| {
        let [_, code, globals, name, argdefs, closure, kwdefaults] =
            super::parse_args("function", a, ["cls", "code", "globals", "name", "argdefs", "closure", "kwdefaults"], 3)?;
        let code = code.unwrap_or_else(none);
        let Some(c) = code.downcast::<PyCode>() else { raise!(TypeError, "function() argument 'code' must be code, not {}", ops::type_name(&code)) };
        let globals = globals.unwrap_or_else(none);
        if globals.downcast::<crate::dict::PyDict>().is_none() {
            raise!(TypeError, "function() argument 'globals' must be dict, not {}", ops::type_name(&globals));
        }
        let module = globals.downcast::<crate::dict::PyDict>().and_then(|g| g.get_str("__name__")).unwrap_or_else(none);
        let builtins = globals
            .downcast::<crate::dict::PyDict>()
            .and_then(|g| g.get_str("__builtins__"))
            .and_then(|b| b.downcast::<PyModule>().map(|m| m.dict.clone()).or(Some(b)))
            .unwrap_or_else(|| _ts.interp.builtins_dict.clone());
        let attrs = crate::function::FunctionAttrs {
            name: name.filter(|n| !is_none(n)).unwrap_or_else(|| c.name.clone()),
            qualname: c.qualname.clone(),
            annotations: None,
            annotate: None,
            doc: none(),
            module,
            dict: None,
            type_params: None,
        };
        Ok(alloc(
            rt().types.function,
            PyFunction { code: crate::function::CodeCell::new(code.clone()), globals, builtins, closure: crate::qsbr::AtomicValue::new(closure.filter(|x| !is_none(x))), attrs: Mutex::new(attrs), defaults: crate::qsbr::AtomicValue::new(argdefs.filter(|x| !is_none(x))), kwdefaults: crate::qsbr::AtomicValue::new(kwdefaults.filter(|x| !is_none(x))) },
        ))
    });
    init_getsets(r);
    add_methods(
        r.types.union,
        &[
            ("__repr__", union_repr),
            ("__or__", |ts, a| make_union(ts, &a.args[0], &a.args[1])),
            ("__ror__", |ts, a| make_union(ts, &a.args[1], &a.args[0])),
            ("__eq__", |ts, a| {
                let (Some(x), Some(y)) = (a.args[0].downcast::<crate::class::PyUnion>(), a.args[1].downcast::<crate::class::PyUnion>()) else {
                    return Ok(rt().not_implemented.clone());
                };
                let xs = ops::collect(ts, &x.args)?;
                let ys = ops::collect(ts, &y.args)?;
                let mut same = xs.len() == ys.len();
                for v in &xs {
                    if !ys.iter().any(|w| w.is(v)) {
                        same = false;
                    }
                }
                Ok(new_bool(same))
            }),
            ("__hash__", |ts, a| {
                let Some(x) = a.args[0].downcast::<crate::class::PyUnion>() else { raise!(TypeError, "expected Union") };
                let mut h: i64 = 0x345678;
                for v in ops::collect(ts, &x.args)? {
                    h ^= ops::hash(ts, &v)?;
                }
                Ok(new_int(h))
            }),
        ],
    );
    add_methods(r.types.generic_alias, &[("__or__", |ts, a| make_union(ts, &a.args[0], &a.args[1])), ("__ror__", |ts, a| make_union(ts, &a.args[1], &a.args[0]))]);
}

fn not_impl(_ts: &ThreadState, _a: Args<'_>) -> PyResult {
    Ok(rt().not_implemented.clone())
}

fn noop_init(_ts: &ThreadState, _a: Args<'_>) -> PyResult {
    Ok(none())
}

/// `object.__new__(cls)`: allocates an instance of the layout of `cls`.
pub fn object_new_raw(ts: &ThreadState, args: Args<'_>) -> PyResult {
    let Some(cls) = args.args.first() else { raise!(TypeError, "object.__new__(): not enough arguments") };
    let Some(ct) = TypeRef::from_value(cls) else {
        raise!(TypeError, "object.__new__(X): X is not a type object ({})", ops::type_name(cls))
    };
    if ct.payload_kind() != crate::kinds::OBJECT {
        // A builtin type without a constructor of its own (tp_new NULL).
        let inherits_object_new = match (ct.lookup("__new__"), rt().types.object.lookup("__new__")) {
            (Some(a), Some(b)) => a.is(&b),
            _ => false,
        };
        if inherits_object_new && !ct.is_heap() {
            raise!(TypeError, "cannot create '{}' instances", ct.name());
        }
        let solid = ct.mro().into_iter().find(|t| !t.is_heap()).map(|t| t.name()).unwrap_or_default();
        raise!(TypeError, "object.__new__({}) is not safe, use {}.__new__()", ct.name(), solid);
    }
    if ct.flags() & crate::types::type_flags::ABSTRACT != 0 || has_abstract_methods(ct) {
        let methods = abstract_names(ts, ct)?;
        raise!(
            TypeError,
            "Can't instantiate abstract class {} without an implementation for abstract method{} {}",
            ct.name(),
            if methods.len() == 1 { "" } else { "s" },
            methods.iter().map(|m| format!("'{m}'")).collect::<Vec<_>>().join(", ")
        );
    }
    crate::class::object_new_check(ts, ct, args)?;
    Ok(alloc(ct, crate::cell::Empty))
}

fn has_abstract_methods(ct: TypeRef) -> bool {
    match ct.lookup_static("__abstractmethods__") {
        Some(v) => v.downcast::<crate::set::PySet>().map(|s| s.table.len() > 0).unwrap_or(false),
        None => false,
    }
}

fn abstract_names(ts: &ThreadState, ct: TypeRef) -> PyResult<Vec<String>> {
    let v = ct.lookup_static("__abstractmethods__").unwrap_or_else(none);
    let mut names: Vec<String> = ops::collect(ts, &v)?.iter().filter_map(|x| as_str(x).map(str::to_owned)).collect();
    names.sort();
    Ok(names)
}

fn object_init(_ts: &ThreadState, args: Args<'_>) -> PyResult {
    if let Some(o) = args.args.first() {
        crate::class::object_init_check(o, args)?;
    }
    Ok(none())
}

fn object_repr(ts: &ThreadState, args: Args<'_>) -> PyResult {
    let Some(o) = args.args.first() else { raise!(TypeError, "expected self") };
    let t = o.type_ref();
    let module = t.data().dict_data().get_str("__module__");
    let qual = t.data().qualname.read().clone();
    let _ = ts;
    let name = match module.as_ref().and_then(as_str) {
        Some(m) if m != "builtins" => format!("{m}.{qual}"),
        _ => qual,
    };
    Ok(new_str(&format!("<{} object at {:#x}>", name, o.id())))
}

fn object_str(ts: &ThreadState, args: Args<'_>) -> PyResult {
    let Some(o) = args.args.first() else { raise!(TypeError, "expected self") };
    ops::repr(ts, o)
}

fn object_eq(_ts: &ThreadState, args: Args<'_>) -> PyResult {
    check_args("__eq__", args, 1, 1)?;
    Ok(if args.args[0].is(&args.args[1]) { rt().true_.clone() } else { rt().not_implemented.clone() })
}

fn object_ne(ts: &ThreadState, args: Args<'_>) -> PyResult {
    check_args("__ne__", args, 1, 1)?;
    let r = ops::call_dunder(ts, &args.args[0], "__eq__", &[args.args[1].clone()])?.unwrap_or_else(|| rt().not_implemented.clone());
    if r.is(&rt().not_implemented) {
        return Ok(r);
    }
    Ok(new_bool(!ops::is_true(ts, &r)?))
}

fn object_hash(_ts: &ThreadState, args: Args<'_>) -> PyResult {
    let Some(o) = args.args.first() else { raise!(TypeError, "expected self") };
    let id = o.id() as u64;
    Ok(new_int(((id >> 4) | (id << 60)) as i64 & i64::MAX))
}

fn object_getattribute(ts: &ThreadState, args: Args<'_>) -> PyResult {
    check_args("__getattribute__", args, 1, 1)?;
    if as_str(&args.args[1]).is_none() {
        raise!(TypeError, "attribute name must be string, not '{}'", ops::type_name(&args.args[1]));
    }
    ops::generic_getattr(ts, &args.args[0], &args.args[1])
}

fn object_setattr(ts: &ThreadState, args: Args<'_>) -> PyResult {
    check_args("__setattr__", args, 2, 2)?;
    ops::generic_setattr(ts, &args.args[0], &args.args[1], Some(args.args[2].clone()))?;
    Ok(none())
}

fn object_delattr(ts: &ThreadState, args: Args<'_>) -> PyResult {
    check_args("__delattr__", args, 1, 1)?;
    ops::generic_setattr(ts, &args.args[0], &args.args[1], None)?;
    Ok(none())
}

fn object_init_subclass(_ts: &ThreadState, args: Args<'_>) -> PyResult {
    if args.has_kwargs() || args.args.len() > 1 {
        let name = args.args.first().and_then(TypeRef::from_value).map(|t| t.name()).unwrap_or_else(|| "object".into());
        raise!(TypeError, "{}.__init_subclass__() takes no keyword arguments", name);
    }
    Ok(none())
}

fn object_format(ts: &ThreadState, args: Args<'_>) -> PyResult {
    check_args("__format__", args, 1, 1)?;
    let spec = as_str(&args.args[1]).unwrap_or("");
    if !spec.is_empty() {
        raise!(TypeError, "unsupported format string passed to {}.__format__", ops::type_name(&args.args[0]));
    }
    ops::str_(ts, &args.args[0])
}

fn object_dir(ts: &ThreadState, args: Args<'_>) -> PyResult {
    let Some(o) = args.args.first() else { raise!(TypeError, "expected self") };
    let mut names: Vec<String> = Vec::new();
    let mut push = |k: &Value| {
        if let Some(s) = as_str(k) {
            if !names.iter().any(|n| n == s) {
                names.push(s.to_owned());
            }
        }
    };
    if let Some(d) = ops::instance_dict(o) {
        for k in ops::collect(ts, &d)? {
            push(&k);
        }
    }
    let types = match TypeRef::from_value(o) {
        Some(t) => t.mro(),
        None => o.type_ref().mro(),
    };
    for t in types {
        for k in t.data().dict_data().keys() {
            push(&k);
        }
    }
    names.sort();
    Ok(crate::seq::new_list(names.iter().map(|n| new_str(n)).collect()))
}

fn object_sizeof(_ts: &ThreadState, _args: Args<'_>) -> PyResult {
    Ok(new_int(32))
}

/// `object.__reduce_ex__(protocol)`: a class's own `__reduce__` wins;
/// protocol 2+ uses `copyreg.__newobj__`, older ones `copyreg._reduce_ex`.
fn object_reduce_ex(ts: &ThreadState, args: Args<'_>) -> PyResult {
    let obj = args.args.first().cloned().unwrap_or_else(none);
    let proto = args.args.get(1).and_then(crate::num::int_to_i64).unwrap_or(0);
    let t = obj.type_ref();
    let own_reduce = t.lookup_static("__reduce__");
    let base_reduce = rt().types.object.data().dict_data().get_str("__reduce__");
    if let (Some(r), Some(b)) = (&own_reduce, &base_reduce) {
        if !r.is(b) {
            return ops::call_method(ts, &obj, "__reduce__", &[]);
        }
    }
    let copyreg = crate::import::import_module(ts, "copyreg")?;
    if proto < 2 {
        let f = ops::getattr_str(ts, &copyreg, "_reduce_ex")?;
        return ops::call(ts, &f, &[obj, new_int(proto)]);
    }
    // A builtin layout without a constructor of its own (generators,
    // frames...) cannot be rebuilt: CPython's reduce_newobj refuses it.
    if t.payload_kind() != crate::kinds::OBJECT {
        let obj_new = rt().types.object.data().dict_data().get_str("__new__");
        let own_new = t.lookup("__new__");
        if own_new.is_none() || matches!((&own_new, &obj_new), (Some(a), Some(b)) if a.is(b)) {
            raise!(TypeError, "cannot pickle '{}' object", t.name());
        }
    }
    // `__getnewargs_ex__` (args and keywords) wins over `__getnewargs__`;
    // keywords make the reconstructor `copyreg.__newobj_ex__`.
    let is_tuple = |v: &Value| v.type_ref().is_subtype(rt().types.tuple);
    let mut args: Vec<Value> = Vec::new();
    let mut kwargs = None;
    if let Some(g) = ops::getattr_opt(ts, &obj, "__getnewargs_ex__")? {
        let r = ops::call(ts, &g, &[])?;
        if !is_tuple(&r) {
            raise!(TypeError, "__getnewargs_ex__ should return a tuple, not '{}'", ops::type_name(&r));
        }
        let items = crate::seq::tuple_items(&r).unwrap_or(&[]);
        if items.len() != 2 {
            raise!(TypeError, "__getnewargs_ex__ should return a tuple of length 2, not {}", items.len());
        }
        if !is_tuple(&items[0]) {
            raise!(TypeError, "first item of the tuple returned by __getnewargs_ex__ must be a tuple, not '{}'", ops::type_name(&items[0]));
        }
        if !items[1].type_ref().is_subtype(rt().types.dict) {
            raise!(TypeError, "second item of the tuple returned by __getnewargs_ex__ must be a dict, not '{}'", ops::type_name(&items[1]));
        }
        args = crate::seq::tuple_items(&items[0]).unwrap_or(&[]).to_vec();
        if items[1].downcast::<crate::dict::PyDict>().is_some_and(|d| d.len() > 0) {
            kwargs = Some(items[1].clone());
        }
    } else if let Some(g) = ops::getattr_opt(ts, &obj, "__getnewargs__")? {
        let r = ops::call(ts, &g, &[])?;
        if !is_tuple(&r) {
            raise!(TypeError, "__getnewargs__ should return a tuple, not '{}'", ops::type_name(&r));
        }
        args = crate::seq::tuple_items(&r).unwrap_or(&[]).to_vec();
    }
    let (newobj, newargs) = match kwargs {
        Some(kw) => (ops::getattr_str(ts, &copyreg, "__newobj_ex__")?, vec![t.to_value(), new_tuple(args), kw]),
        None => {
            let mut v = vec![t.to_value()];
            v.extend(args);
            (ops::getattr_str(ts, &copyreg, "__newobj__")?, v)
        }
    };
    let state = match ops::getattr_opt(ts, &obj, "__getstate__")? {
        Some(g) => ops::call(ts, &g, &[])?,
        None => none(),
    };
    let listitems = if t.is_subtype(rt().types.list) { ops::iter(ts, &obj)? } else { none() };
    let dictitems = if t.is_subtype(rt().types.dict) {
        let items = ops::call_method(ts, &obj, "items", &[])?;
        ops::iter(ts, &items)?
    } else {
        none()
    };
    Ok(new_tuple(vec![newobj, new_tuple(newargs), state, listitems, dictitems]))
}

/// `object.__getstate__()`: the instance dict (None when empty), paired
/// with the slot values when some slot is set.
fn object_getstate(ts: &ThreadState, args: Args<'_>) -> PyResult {
    let obj = args.args.first().cloned().unwrap_or_else(none);
    let dict = ops::instance_dict(&obj).filter(|d| d.downcast::<crate::dict::PyDict>().map(|x| x.len() > 0).unwrap_or(true));
    let names = slot_names(ts, obj.type_ref())?;
    let slots = super::new_dict();
    let mut any = false;
    for n in names {
        let Some(ns) = as_str(&n).map(str::to_owned) else { continue };
        if let Some(v) = ops::getattr_opt(ts, &obj, &ns)? {
            super::dict_set(ts, &slots, n, v)?;
            any = true;
        }
    }
    if !any {
        return Ok(dict.unwrap_or_else(none));
    }
    Ok(new_tuple(vec![dict.unwrap_or_else(none), slots]))
}

/// The slot names of `t` (mangled), as `copyreg._slotnames` computes them
/// and caches them in the class's `__slotnames__` (CPython's
/// `_PyType_GetSlotNames`).
fn slot_names(ts: &ThreadState, t: TypeRef) -> PyResult<Vec<Value>> {
    let names = match t.data().dict_data().get_str("__slotnames__") {
        Some(v) => {
            if !is_none(&v) && v.downcast::<crate::seq::PyList>().is_none() {
                raise!(TypeError, "{}.__slotnames__ should be a list or None, not {}", t.name(), ops::type_name(&v));
            }
            v
        }
        None => {
            let copyreg = crate::import::import_module(ts, "copyreg")?;
            let v = ops::call(ts, &ops::getattr_str(ts, &copyreg, "_slotnames")?, &[t.to_value()])?;
            if !is_none(&v) && v.downcast::<crate::seq::PyList>().is_none() {
                raise!(TypeError, "copyreg._slotnames didn't return a list or None");
            }
            v
        }
    };
    Ok(names.downcast::<crate::seq::PyList>().map(|l| l.snapshot()).unwrap_or_default())
}

// ---------------------------------------------------------------- type

fn type_new_native(ts: &ThreadState, args: Args<'_>) -> PyResult {
    let pos = args.positional();
    let Some(meta) = pos.first().and_then(TypeRef::from_value) else {
        raise!(TypeError, "type.__new__(X): X is not a type object")
    };
    if pos.len() == 2 && meta == rt().types.type_ {
        return Ok(pos[1].type_ref().to_value());
    }
    if pos.len() != 4 {
        raise!(TypeError, "type.__new__() takes exactly 3 arguments ({} given)", pos.len().saturating_sub(1));
    }
    let n = args.args.len() - args.kwnames.len();
    let kw = Args { args: &args.args[n..], kwnames: args.kwnames };
    // The most derived metaclass of the bases wins; if it has its own
    // __new__, hand the whole call to it (as CPython's type_new does).
    let winner = crate::class::calculate_metaclass(meta, crate::seq::tuple_items(&pos[2]).unwrap_or(&[]))?;
    if winner != meta {
        let type_new = rt().types.type_.data().dict_data().get_str("__new__");
        if let Some(wn) = winner.lookup_static("__new__") {
            let same = type_new.as_ref().map(|t| t.is(&wn)).unwrap_or(false);
            if !same {
                let wn = match wn.downcast::<PyWrapper>() {
                    Some(w) => w.func.get(),
                    None => wn,
                };
                let mut v = vec![winner.to_value(), pos[1].clone(), pos[2].clone(), pos[3].clone()];
                v.extend_from_slice(&args.args[n..]);
                return ops::call_args(ts, &wn, Args { args: &v, kwnames: args.kwnames });
            }
        }
    }
    crate::class::type_new(ts, winner, &pos[1], &pos[2], &pos[3], kw)
}

fn type_init(_ts: &ThreadState, _args: Args<'_>) -> PyResult {
    Ok(none())
}

fn type_prepare(_ts: &ThreadState, _args: Args<'_>) -> PyResult {
    Ok(super::new_dict())
}

fn type_repr(_ts: &ThreadState, args: Args<'_>) -> PyResult {
    let Some(t) = args.args.first().and_then(TypeRef::from_value) else { raise!(TypeError, "expected a type") };
    let module = t.data().dict_data().get_str("__module__");
    let qual = t.data().qualname.read().clone();
    Ok(new_str(&match module.as_ref().and_then(as_str) {
        Some(m) if m != "builtins" => format!("<class '{m}.{qual}'>"),
        _ => format!("<class '{qual}'>"),
    }))
}

fn type_mro(_ts: &ThreadState, args: Args<'_>) -> PyResult {
    let Some(t) = args.args.first().and_then(TypeRef::from_value) else { raise!(TypeError, "expected a type") };
    Ok(crate::seq::new_list(t.mro().iter().map(TypeRef::to_value).collect()))
}

fn type_instancecheck(ts: &ThreadState, args: Args<'_>) -> PyResult {
    check_args("__instancecheck__", args, 1, 1)?;
    let Some(t) = TypeRef::from_value(&args.args[0]) else { raise!(TypeError, "expected a type") };
    let o = &args.args[1];
    if o.type_ref().is_subtype(t) {
        return Ok(new_bool(true));
    }
    if let Some(c) = ops::getattr_opt(ts, o, "__class__")? {
        if let Some(ct) = TypeRef::from_value(&c) {
            return Ok(new_bool(ct.is_subtype(t)));
        }
    }
    Ok(new_bool(false))
}

fn type_subclasscheck(_ts: &ThreadState, args: Args<'_>) -> PyResult {
    check_args("__subclasscheck__", args, 1, 1)?;
    let Some(t) = TypeRef::from_value(&args.args[0]) else { raise!(TypeError, "expected a type") };
    let Some(s) = TypeRef::from_value(&args.args[1]) else { raise!(TypeError, "issubclass() arg 1 must be a class") };
    Ok(new_bool(s.is_subtype(t)))
}

fn type_subclasses(_ts: &ThreadState, args: Args<'_>) -> PyResult {
    let Some(t) = args.args.first().and_then(TypeRef::from_value) else { raise!(TypeError, "expected a type") };
    Ok(crate::seq::new_list(t.subclasses()))
}

fn type_or(ts: &ThreadState, args: Args<'_>) -> PyResult {
    check_args("__or__", args, 1, 1)?;
    make_union(ts, &args.args[0], &args.args[1])
}

/// `X | cls` with `cls` on the right: the union keeps the operands' order.
fn type_ror(ts: &ThreadState, args: Args<'_>) -> PyResult {
    check_args("__ror__", args, 1, 1)?;
    make_union(ts, &args.args[1], &args.args[0])
}

fn union_operand_ok(v: &Value) -> bool {
    is_none(v) || TypeRef::from_value(v).is_some() || v.downcast::<crate::class::PyUnion>().is_some() || v.downcast::<crate::class::PyGenericAlias>().is_some()
}

/// `a | b` for types, None, generic aliases and unions.
pub fn make_union(ts: &ThreadState, a: &Value, b: &Value) -> PyResult {
    if !union_operand_ok(a) || !union_operand_ok(b) {
        return Ok(rt().not_implemented.clone());
    }
    let mut items: Vec<Value> = Vec::new();
    for v in [a, b] {
        let parts = match v.downcast::<crate::class::PyUnion>() {
            Some(u) => crate::seq::tuple_items(&u.args).map(<[Value]>::to_vec).unwrap_or_default(),
            None => vec![if is_none(v) { rt().types.none.to_value() } else { v.clone() }],
        };
        for p in parts {
            let mut dup = false;
            for x in &items {
                if x.is(&p) || ops::eq(ts, x, &p)? {
                    dup = true;
                    break;
                }
            }
            if !dup {
                items.push(p);
            }
        }
    }
    if items.len() == 1 {
        return Ok(items.pop().unwrap_or_else(none));
    }
    Ok(alloc(rt().types.union, crate::class::PyUnion { args: new_tuple(items) }))
}

fn union_repr(ts: &ThreadState, a: Args<'_>) -> PyResult {
    let Some(u) = a.args[0].downcast::<crate::class::PyUnion>() else { raise!(TypeError, "expected Union") };
    let mut parts = Vec::new();
    for x in crate::seq::tuple_items(&u.args).unwrap_or(&[]) {
        if TypeRef::from_value(x) == Some(rt().types.none) {
            parts.push("None".to_owned());
        } else {
            parts.push(type_repr_for_alias(ts, x)?);
        }
    }
    Ok(new_str(&parts.join(" | ")))
}

// ---------------------------------------------------------------- small types

fn singleton_repr(_ts: &ThreadState, args: Args<'_>) -> PyResult {
    let r = rt();
    let o = &args.args[0];
    Ok(new_str(if o.is(&r.none) {
        "None"
    } else if o.is(&r.not_implemented) {
        "NotImplemented"
    } else {
        "Ellipsis"
    }))
}

fn singleton_bool(_ts: &ThreadState, args: Args<'_>) -> PyResult {
    if args.args[0].is(&rt().not_implemented) {
        raise!(TypeError, "NotImplemented should not be used in a boolean context");
    }
    Ok(new_bool(!is_none(&args.args[0])))
}

/// `type(None)()`, `type(NotImplemented)()`, `type(...)()`: the singleton itself.
fn singleton_new(_ts: &ThreadState, args: Args<'_>) -> PyResult {
    let r = rt();
    let t = args.args.first().and_then(TypeRef::from_value).unwrap_or(r.types.none);
    let (name, v) = if t == r.types.not_implemented {
        ("NotImplementedType", r.not_implemented.clone())
    } else if t == r.types.ellipsis {
        ("EllipsisType", r.ellipsis.clone())
    } else {
        ("NoneType", none())
    };
    if args.args.len() > 1 {
        raise!(TypeError, "{} takes no arguments", name);
    }
    Ok(v)
}

fn function_repr(_ts: &ThreadState, args: Args<'_>) -> PyResult {
    let o = &args.args[0];
    let q = o.downcast::<PyFunction>().map(|f| as_str(&f.attrs.lock().qualname).unwrap_or("?").to_owned()).unwrap_or_default();
    Ok(new_str(&format!("<function {} at {:#x}>", q, o.id())))
}

fn function_get(_ts: &ThreadState, args: Args<'_>) -> PyResult {
    let f = args.args[0].clone();
    match args.args.get(1) {
        Some(o) if !is_none(o) => Ok(crate::function::new_method(f, o.clone())),
        _ => Ok(f),
    }
}

fn native_repr(_ts: &ThreadState, args: Args<'_>) -> PyResult {
    let o = &args.args[0];
    let Some(f) = o.downcast::<NativeFunction>() else { raise!(TypeError, "expected builtin") };
    if let Some(owner) = f.owner_type() {
        let what = if f.slot_wrapper { "slot wrapper" } else { "method" };
        return Ok(new_str(&format!("<{what} '{}' of '{}' objects>", f.name, crate::ops::tp_name(owner))));
    }
    match &f.self_ {
        Some(s) if f.slot_wrapper => {
            Ok(new_str(&format!("<method-wrapper '{}' of {} object at {:#x}>", f.name, ops::type_name(s), s.id())))
        }
        Some(s) if s.downcast::<PyModule>().is_none() => Ok(new_str(&format!(
            "<built-in method {} of {} object at {:#x}>",
            f.name,
            ops::type_name(s),
            s.id()
        ))),
        _ => Ok(new_str(&format!("<built-in function {}>", f.name))),
    }
}

/// The class whose slot wrapper a method-wrapper was bound from: the first
/// class on its object's MRO with a slot wrapper of the same function.
fn wrapped_slot_owner(f: &NativeFunction) -> Option<TypeRef> {
    let this = f.self_.as_ref()?;
    this.type_ref().mro().iter().find_map(|t| {
        let d = t.data().dict_data().get_str(f.name)?;
        let w = d.downcast::<NativeFunction>()?;
        (w.slot_wrapper && std::ptr::fn_addr_eq(w.func, f.func)).then(|| w.owner_type()).flatten()
    })
}

/// Builtin functions pickle by name; builtin methods as `getattr(self, name)`
/// and method descriptors as `getattr(class, name)`.
fn native_reduce(ts: &ThreadState, args: Args<'_>) -> PyResult {
    let o = &args.args[0];
    let Some(f) = o.downcast::<NativeFunction>() else { raise!(TypeError, "expected builtin") };
    let holder = match (&f.self_, &f.owner) {
        (Some(s), _) if s.downcast::<PyModule>().is_none() => s,
        (None, Some(owner)) => owner,
        _ => return Ok(new_str(f.name)),
    };
    let getattr = ops::getattr_str(ts, &ts.interp.builtins, "getattr")?;
    Ok(crate::seq::new_tuple(vec![getattr, crate::seq::new_tuple(vec![holder.clone(), new_str(f.name)])]))
}

fn method_repr(ts: &ThreadState, args: Args<'_>) -> PyResult {
    let Some(m) = args.args[0].downcast::<PyMethod>() else { raise!(TypeError, "expected method") };
    // `__qualname__`, else `__name__`; a non-str name reads as "?".
    let name = match ops::getattr_opt(ts, &m.func, "__qualname__")? {
        Some(q) => Some(q),
        None => ops::getattr_opt(ts, &m.func, "__name__")?,
    };
    let q = name.as_ref().and_then(as_str).unwrap_or("?").to_owned();
    Ok(new_str(&format!("<bound method {} of {}>", q, ops::repr_string(ts, &m.self_)?)))
}

fn method_eq(ts: &ThreadState, args: Args<'_>) -> PyResult {
    check_args("__eq__", args, 1, 1)?;
    let (Some(a), Some(b)) = (args.args[0].downcast::<PyMethod>(), args.args[1].downcast::<PyMethod>()) else {
        return Ok(rt().not_implemented.clone());
    };
    let _ = ts;
    Ok(new_bool(a.func.is(&b.func) && a.self_.is(&b.self_)))
}

fn method_hash(ts: &ThreadState, args: Args<'_>) -> PyResult {
    let Some(m) = args.args[0].downcast::<PyMethod>() else { raise!(TypeError, "expected method") };
    Ok(new_int(ops::hash(ts, &m.func)? ^ (m.self_.id() as i64 >> 4)))
}

/// Bound builtins are equal when they bind the same object to the same
/// function, as CPython's `meth_richcompare` and `wrapper_richcompare`.
fn native_eq(_ts: &ThreadState, args: Args<'_>) -> PyResult {
    check_args("__eq__", args, 1, 1)?;
    let (a, b) = (&args.args[0], &args.args[1]);
    let (Some(fa), Some(fb)) = (a.downcast::<NativeFunction>(), b.downcast::<NativeFunction>()) else {
        return Ok(rt().not_implemented.clone());
    };
    if a.type_ref() != b.type_ref() {
        return Ok(rt().not_implemented.clone());
    }
    let same_self = match (&fa.self_, &fb.self_) {
        (Some(x), Some(y)) => x.is(y),
        (None, None) => true,
        _ => false,
    };
    Ok(new_bool(same_self && std::ptr::fn_addr_eq(fa.func, fb.func) && fa.name == fb.name))
}

fn native_hash(_ts: &ThreadState, args: Args<'_>) -> PyResult {
    let Some(f) = args.args[0].downcast::<NativeFunction>() else { raise!(TypeError, "expected builtin") };
    let self_id = f.self_.as_ref().map_or(0, Value::id);
    let h = ((self_id >> 4) ^ (f.func as usize >> 4)) as i64;
    Ok(new_int(if h == -1 { -2 } else { h }))
}

fn module_new(_ts: &ThreadState, args: Args<'_>) -> PyResult {
    let Some(t) = args.args.first().and_then(TypeRef::from_value) else { raise!(TypeError, "module.__new__(X): X is not a type") };
    Ok(alloc(t, PyModule { dict: super::new_dict() }))
}

fn module_init(_ts: &ThreadState, args: Args<'_>) -> PyResult {
    let [_, name, doc] = super::parse_args("module", args, ["self", "name", "doc"], 2)?;
    let m = &args.args[0];
    if let Some(d) = m.downcast::<PyModule>().and_then(|m| m.dict.downcast::<crate::dict::PyDict>()) {
        d.set_str(new_str("__name__"), name.unwrap_or_else(none));
        d.set_str(new_str("__doc__"), doc.unwrap_or_else(none));
        d.set_str(new_str("__package__"), none());
        d.set_str(new_str("__loader__"), none());
        d.set_str(new_str("__spec__"), none());
    }
    Ok(none())
}

fn module_repr(ts: &ThreadState, args: Args<'_>) -> PyResult {
    let m = &args.args[0];
    let d = m.downcast::<PyModule>().and_then(|m| m.dict.downcast::<crate::dict::PyDict>().map(|d| (d.get_str("__name__"), d.get_str("__file__"))));
    let (name, file) = d.unwrap_or((None, None));
    let name = match name {
        Some(n) => ops::str_string(ts, &n)?,
        None => "?".into(),
    };
    // Only a module the interpreter itself provides is "(built-in)"; one made
    // by `types.ModuleType(name)` has no origin to show.
    let native = name == "sys" || name == "builtins" || ts.interp.native_module(&name).is_some();
    Ok(new_str(&match file {
        Some(f) if !is_none(&f) => format!("<module '{}' from '{}'>", name, ops::str_string(ts, &f)?),
        _ if native => format!("<module '{}' (built-in)>", name),
        _ => format!("<module '{}'>", name),
    }))
}

fn module_dir(ts: &ThreadState, args: Args<'_>) -> PyResult {
    let m = &args.args[0];
    let Some(d) = m.downcast::<PyModule>().map(|p| p.dict.clone()) else { raise!(TypeError, "expected module") };
    if let Some(f) = d.downcast::<crate::dict::PyDict>().and_then(|dd| dd.get_str("__dir__")) {
        return ops::call(ts, &f, &[]);
    }
    Ok(crate::seq::new_list(ops::collect(ts, &d)?))
}

fn cell_repr(_ts: &ThreadState, args: Args<'_>) -> PyResult {
    let o = &args.args[0];
    let inner = crate::cell::cell_get(o);
    Ok(new_str(&match inner {
        Some(v) => format!("<cell at {:#x}: {} object at {:#x}>", o.id(), ops::type_name(&v), v.id()),
        None => format!("<cell at {:#x}: empty>", o.id()),
    }))
}

fn code_repr(_ts: &ThreadState, args: Args<'_>) -> PyResult {
    let o = &args.args[0];
    let Some(c) = o.downcast::<PyCode>() else { raise!(TypeError, "expected code") };
    Ok(new_str(&format!(
        "<code object {} at {:#x}, file \"{}\", line {}>",
        c.code.name,
        o.id(),
        c.code.filename,
        c.code.first_line
    )))
}

/// `type.__flags__` in CPython's bit layout (`Py_TPFLAGS_*`), which
/// `copyreg` and `inspect` test: heap type, base type, immutable, abstract,
/// ready, GC, managed dict, and the fast-subclass bits.
fn cpython_type_flags(t: TypeRef) -> i64 {
    use crate::types::type_flags as f;
    let r = rt();
    let own = t.flags();
    let mut out: i64 = 1 << 12; // READY
    let heap = own & f::HEAP != 0;
    if heap {
        out |= (1 << 9) | (1 << 14); // HEAPTYPE | HAVE_GC
        if own & f::HAS_DICT != 0 {
            out |= 1 << 4; // MANAGED_DICT
        }
    } else {
        out |= 1 << 8; // IMMUTABLETYPE
    }
    if own & f::BASETYPE != 0 || heap {
        out |= 1 << 10;
    }
    if own & f::ABSTRACT != 0 {
        out |= 1 << 20;
    }
    for (base, bit) in [
        (r.types.int, 24),
        (r.types.list, 25),
        (r.types.tuple, 26),
        (r.types.bytes, 27),
        (r.types.str, 28),
        (r.types.dict, 29),
        (r.exc.BaseException, 30),
        (r.types.type_, 31),
    ] {
        if t.is_subtype(base) {
            out |= 1 << bit;
        }
    }
    out
}

/// `method_descriptor.__get__(obj, type=None)`: the method bound to `obj`,
/// or the descriptor itself when `obj` is None.
fn method_descriptor_get(_ts: &ThreadState, args: Args<'_>) -> PyResult {
    check_args("__get__", args, 1, 2)?;
    let d = &args.args[0];
    let obj = &args.args[1];
    if is_none(obj) {
        if args.args.get(2).is_none_or(is_none) {
            raise!(TypeError, "__get__(None, None) is invalid");
        }
        return Ok(d.clone());
    }
    let Some(f) = d.downcast::<crate::function::NativeFunction>() else { raise!(TypeError, "expected a method descriptor") };
    f.check_binds_to(obj)?;
    Ok(crate::function::bind_native(f, obj.clone()))
}

/// `frame.clear()`: frame objects here are snapshots that hold no locals of
/// their own beyond a mapping shared with the running code, so there is
/// nothing to release.
/// FIXME(frames): drop the snapshot's locals and refuse executing frames
/// ("cannot clear an executing frame") once frames are live objects.
fn frame_clear(_ts: &ThreadState, args: Args<'_>) -> PyResult {
    check_args("clear", args, 0, 0)?;
    Ok(none())
}

fn frame_repr(ts: &ThreadState, args: Args<'_>) -> PyResult {
    let o = &args.args[0];
    let Some(f) = o.downcast::<PyFrameObj>() else { raise!(TypeError, "expected frame") };
    let c = f.code.downcast::<PyCode>();
    Ok(new_str(&format!(
        "<frame at {:#x}, file '{}', line {}, code {}>",
        o.id(),
        c.map(|c| c.code.filename.clone()).unwrap_or_default(),
        crate::frame::frame_lineno(ts, o).unwrap_or(*f.lineno.lock()),
        c.map(|c| c.code.name.clone()).unwrap_or_default()
    )))
}

// ---------------------------------------------------------------- property, classmethod, staticmethod

fn property_new(_ts: &ThreadState, args: Args<'_>) -> PyResult {
    let Some(t) = args.args.first().and_then(TypeRef::from_value) else { raise!(TypeError, "property.__new__(X): X is not a type") };
    Ok(alloc(t, PyProperty { fget: None, fset: None, fdel: None, doc: Mutex::new(None), name: Mutex::new(None) }))
}

fn property_init(ts: &ThreadState, args: Args<'_>) -> PyResult {
    let [_, fget, fset, fdel, doc] = super::parse_args("property", args, ["self", "fget", "fset", "fdel", "doc"], 1)?;
    let o = &args.args[0];
    let clean = |v: Option<Value>| v.filter(|x| !is_none(x));
    let fget = clean(fget);
    let mut doc = clean(doc);
    if doc.is_none() {
        if let Some(g) = &fget {
            doc = ops::getattr_opt(ts, g, "__doc__")?.filter(|d| !is_none(d));
        }
    }
    let name = match &fget {
        Some(g) => ops::getattr_opt(ts, g, "__name__")?,
        None => None,
    };
    // SAFETY-free re-initialisation: property payload fields are immutable after
    // init, so build a fresh payload and swap it in via the per-object lock.
    if let Some(p) = o.downcast::<PyProperty>() {
        let ptr = p as *const PyProperty as *mut PyProperty;
        // SAFETY: __init__ runs before the property is shared (it was just created
        // by property.__new__); no other reference reads it concurrently.
        unsafe {
            (*ptr).fget = fget;
            (*ptr).fset = clean(fset);
            (*ptr).fdel = clean(fdel);
            *(*ptr).doc.lock() = doc;
        }
        *p.name.lock() = name;
    }
    Ok(none())
}

fn property_copy(ts: &ThreadState, args: Args<'_>, which: usize) -> PyResult {
    check_args("property", args, 1, 1)?;
    let o = &args.args[0];
    let Some(p) = o.downcast::<PyProperty>() else { raise!(TypeError, "expected property") };
    let f = Some(args.args[1].clone()).filter(|x| !is_none(x));
    let (mut g, mut s, mut d) = (p.fget.clone(), p.fset.clone(), p.fdel.clone());
    match which {
        0 => g = f,
        1 => s = f,
        _ => d = f,
    }
    let old_doc = p.doc.lock().clone();
    // A doc taken from the old getter is not kept: the new property takes its
    // getter's own (CPython's `getter_doc`).
    let from_getter = match (&p.fget, &old_doc) {
        (Some(og), Some(d)) => ops::getattr_opt(ts, og, "__doc__")?.is_some_and(|gd| gd.is(d)),
        _ => false,
    };
    let doc = if from_getter && g.is_some() { none() } else { old_doc.unwrap_or_else(none) };
    let cls = o.type_ref().to_value();
    let mut a = vec![g.unwrap_or_else(none), s.unwrap_or_else(none), d.unwrap_or_else(none), doc];
    let _ = &mut a;
    let np = ops::call(ts, &cls, &a)?;
    if let (Some(newp), Some(n)) = (np.downcast::<PyProperty>(), p.name.lock().clone()) {
        *newp.name.lock() = Some(n);
    }
    Ok(np)
}

fn property_getter(ts: &ThreadState, args: Args<'_>) -> PyResult {
    property_copy(ts, args, 0)
}
fn property_setter(ts: &ThreadState, args: Args<'_>) -> PyResult {
    property_copy(ts, args, 1)
}
fn property_deleter(ts: &ThreadState, args: Args<'_>) -> PyResult {
    property_copy(ts, args, 2)
}

fn property_get(ts: &ThreadState, args: Args<'_>) -> PyResult {
    let o = args.args.get(1).cloned().unwrap_or_else(none);
    let Some(p) = args.args[0].downcast::<PyProperty>() else { raise!(TypeError, "descriptor '__get__' requires a 'property' object") };
    // Not through ops::descr_get: for a property subclass that would call this __get__ again.
    if is_none(&o) {
        return Ok(args.args[0].clone());
    }
    match &p.fget {
        Some(g) => ops::call(ts, g, &[o]),
        None => match p.name.lock().clone() {
            Some(n) => raise!(AttributeError, "property {} of '{}' object has no getter", ops::repr_string(ts, &n)?, o.type_ref().name()),
            None => raise!(AttributeError, "property of '{}' object has no getter", o.type_ref().name()),
        },
    }
}

fn property_set(ts: &ThreadState, args: Args<'_>) -> PyResult {
    check_args("__set__", args, 2, 2)?;
    let Some(p) = args.args[0].downcast::<PyProperty>() else { raise!(TypeError, "expected property") };
    match &p.fset {
        Some(f) => ops::call(ts, f, &[args.args[1].clone(), args.args[2].clone()]),
        None => Err(property_missing(ts, p, &args.args[1], "setter")?),
    }
}

fn property_delete(ts: &ThreadState, args: Args<'_>) -> PyResult {
    check_args("__delete__", args, 1, 1)?;
    let Some(p) = args.args[0].downcast::<PyProperty>() else { raise!(TypeError, "expected property") };
    match &p.fdel {
        Some(f) => ops::call(ts, f, &[args.args[1].clone()]),
        None => Err(property_missing(ts, p, &args.args[1], "deleter")?),
    }
}

/// "property 'p' of 'C' object has no setter" (the name only when known).
fn property_missing(ts: &ThreadState, p: &PyProperty, obj: &Value, what: &str) -> PyResult<crate::error::PyErr> {
    let owner = obj.type_ref().name();
    Ok(match p.name.lock().clone() {
        Some(n) => err!(AttributeError, "property {} of '{}' object has no {}", ops::repr_string(ts, &n)?, owner, what),
        None => err!(AttributeError, "property of '{}' object has no {}", owner, what),
    })
}

fn property_set_name(_ts: &ThreadState, args: Args<'_>) -> PyResult {
    check_args("__set_name__", args, 2, 2)?;
    if let Some(p) = args.args[0].downcast::<PyProperty>() {
        *p.name.lock() = Some(args.args[2].clone());
    }
    Ok(none())
}

fn wrapper_new(_ts: &ThreadState, args: Args<'_>) -> PyResult {
    let Some(t) = args.args.first().and_then(TypeRef::from_value) else { raise!(TypeError, "expected a type") };
    let f = args.args.get(1).cloned().unwrap_or_else(none);
    Ok(alloc(t, PyWrapper { func: crate::function::WrappedFunc::new(f), dict: Mutex::new(None) }))
}

fn wrapper_init(_ts: &ThreadState, args: Args<'_>) -> PyResult {
    let name = if args.args[0].type_ref().is_subtype(rt().types.classmethod) { "classmethod" } else { "staticmethod" };
    if args.has_kwargs() {
        raise!(TypeError, "{}() takes no keyword arguments", name);
    }
    if args.args.len() != 2 {
        raise!(TypeError, "{} expected 1 argument, got {}", name, args.args.len() - 1);
    }
    if let Some(w) = args.args[0].downcast::<PyWrapper>() {
        w.func.set(args.args[1].clone());
    }
    Ok(none())
}

/// `<staticmethod(f)>` / `<classmethod(f)>`, the type's own name for subclasses.
fn wrapper_repr(ts: &ThreadState, args: Args<'_>) -> PyResult {
    let Some(w) = args.args[0].downcast::<PyWrapper>() else { raise!(TypeError, "expected staticmethod") };
    let f = w.func.get();
    let inner = ops::repr_string(ts, &f)?;
    let name = if args.args[0].type_ref().is_subtype(rt().types.classmethod) { "classmethod" } else { "staticmethod" };
    Ok(new_str(&format!("<{name}({inner})>")))
}

/// A builtin function as a `staticmethod` class attribute (`str.maketrans`).
pub(crate) fn static_builtin(f: Value) -> Value {
    alloc(rt().types.staticmethod, PyWrapper { func: crate::function::WrappedFunc::new(f), dict: Mutex::new(None) })
}

/// `<method 'fromkeys' of 'dict' objects>`.
fn classmethod_descriptor_repr(ts: &ThreadState, args: Args<'_>) -> PyResult {
    let Some(w) = args.args[0].downcast::<PyWrapper>() else { raise!(TypeError, "expected classmethod_descriptor") };
    let f = w.func.get();
    match f.downcast::<NativeFunction>() {
        Some(n) => {
            let owner = n.qualname.rsplit_once('.').map_or("", |(o, _)| o);
            Ok(new_str(&format!("<method '{}' of '{}' objects>", n.name, owner)))
        }
        None => Ok(new_str(&format!("<classmethod_descriptor({})>", ops::repr_string(ts, &f)?))),
    }
}

/// A builtin class method bound to `owner`: a builtin method whose
/// `__self__` is the class, as CPython's classmethod_descriptor gives.
pub(crate) fn classmethod_descriptor_bind(descr: &Value, owner: Value) -> Value {
    let Some(w) = descr.downcast::<PyWrapper>() else { return descr.clone() };
    let f = w.func.get();
    match f.downcast::<NativeFunction>() {
        Some(n) => crate::function::bind_native(n, owner),
        None => crate::function::new_method(f, owner),
    }
}

fn classmethod_descriptor_get(_ts: &ThreadState, args: Args<'_>) -> PyResult {
    let owner = match args.args.get(2) {
        Some(t) if !is_none(t) => t.clone(),
        _ => match args.args.get(1) {
            Some(o) if !is_none(o) => o.type_ref().to_value(),
            _ => {
                let (name, tyname) = classmethod_descriptor_names(&args.args[0]);
                raise!(TypeError, "descriptor '{}' for type '{}' needs either an object or a type", name, tyname)
            }
        },
    };
    check_classmethod_owner(&args.args[0], &owner)?;
    Ok(classmethod_descriptor_bind(&args.args[0], owner))
}

/// The method's name and its class's name, for a classmethod_descriptor's errors.
fn classmethod_descriptor_names(descr: &Value) -> (String, String) {
    let f = descr.downcast::<PyWrapper>().map(|w| w.func.get());
    match f.as_ref().and_then(|f| f.downcast::<NativeFunction>()) {
        Some(n) => (n.name.to_owned(), n.owner_type().map_or_else(String::new, ops::tp_name)),
        None => (String::new(), String::new()),
    }
}

/// A builtin class method applies to its class and the subclasses.
pub(crate) fn check_classmethod_owner(descr: &Value, cls: &Value) -> PyResult<()> {
    let Some(ct) = TypeRef::from_value(cls) else {
        let (name, tyname) = classmethod_descriptor_names(descr);
        raise!(TypeError, "descriptor '{}' for type '{}' needs a type, not a '{}' as arg 2", name, tyname, ops::type_name(cls))
    };
    let f = descr.downcast::<PyWrapper>().map(|w| w.func.get());
    let owner = f.as_ref().and_then(|f| f.downcast::<NativeFunction>()).and_then(NativeFunction::owner_type);
    match owner {
        Some(o) if !ct.is_subtype(o) => {
            let (name, tyname) = classmethod_descriptor_names(descr);
            raise!(TypeError, "descriptor '{}' requires a subtype of '{}' but received '{}'", name, tyname, ops::tp_name(ct))
        }
        _ => Ok(()),
    }
}

/// Calling the descriptor itself: the class comes first, as for a bound call.
fn classmethod_descriptor_call(ts: &ThreadState, args: Args<'_>) -> PyResult {
    let Some(w) = args.args[0].downcast::<PyWrapper>() else { raise!(TypeError, "expected classmethod_descriptor") };
    let f = w.func.get();
    let Some(cls) = args.positional().get(1) else {
        let (name, tyname) = classmethod_descriptor_names(&args.args[0]);
        raise!(TypeError, "descriptor '{}' of '{}' object needs an argument", name, tyname)
    };
    check_classmethod_owner(&args.args[0], cls)?;
    let rest = Args { args: &args.args[1..], kwnames: args.kwnames };
    // The class stands where a method's `self` would: no instance check.
    match f.downcast::<NativeFunction>() {
        Some(n) => (n.func)(ts, rest),
        None => ops::call_args(ts, &f, rest),
    }
}

fn classmethod_get(_ts: &ThreadState, args: Args<'_>) -> PyResult {
    let Some(w) = args.args[0].downcast::<PyWrapper>() else { raise!(TypeError, "expected classmethod") };
    let owner = match args.args.get(2) {
        Some(t) if !is_none(t) => t.clone(),
        _ => args.args.get(1).map(|o| o.type_ref().to_value()).unwrap_or_else(none),
    };
    Ok(crate::function::new_method(w.func.get(), owner))
}

fn staticmethod_get(_ts: &ThreadState, args: Args<'_>) -> PyResult {
    let Some(w) = args.args[0].downcast::<PyWrapper>() else { raise!(TypeError, "expected staticmethod") };
    Ok(w.func.get())
}

fn staticmethod_call(ts: &ThreadState, args: Args<'_>) -> PyResult {
    let Some(w) = args.args[0].downcast::<PyWrapper>() else { raise!(TypeError, "expected staticmethod") };
    let f = w.func.get();
    ops::call_args(ts, &f, Args { args: &args.args[1..], kwnames: args.kwnames })
}

fn super_new_native(ts: &ThreadState, args: Args<'_>) -> PyResult {
    crate::class::super_new(ts, args)
}

fn super_repr(ts: &ThreadState, args: Args<'_>) -> PyResult {
    let Some(s) = args.args[0].downcast::<crate::class::PySuper>() else { raise!(TypeError, "expected super") };
    let tn = TypeRef::from_value(&s.thisclass).map(|t| t.name()).unwrap_or_default();
    Ok(new_str(&match &s.obj_type {
        Some(ot) => format!("<super: <class '{}'>, <{} object>>", tn, TypeRef::from_value(ot).map(|t| t.name()).unwrap_or_default()),
        None => {
            let _ = ts;
            format!("<super: <class '{tn}'>, NULL>")
        }
    }))
}

fn member_get(_ts: &ThreadState, args: Args<'_>) -> PyResult {
    let Some(m) = args.args[0].downcast::<crate::class::PyMember>() else { raise!(TypeError, "expected member") };
    match args.args.get(1) {
        Some(o) if !is_none(o) => crate::class::member_get(o, m),
        _ => Ok(args.args[0].clone()),
    }
}

fn member_set(_ts: &ThreadState, args: Args<'_>) -> PyResult {
    check_args("__set__", args, 2, 2)?;
    let Some(m) = args.args[0].downcast::<crate::class::PyMember>() else { raise!(TypeError, "expected member") };
    crate::class::member_set(&args.args[1], m, Some(args.args[2].clone()))?;
    Ok(none())
}

fn member_delete(_ts: &ThreadState, args: Args<'_>) -> PyResult {
    check_args("__delete__", args, 1, 1)?;
    let Some(m) = args.args[0].downcast::<crate::class::PyMember>() else { raise!(TypeError, "expected member") };
    crate::class::member_set(&args.args[1], m, None)?;
    Ok(none())
}

pub fn generic_alias(_ts: &ThreadState, obj: &Value, key: &Value) -> PyResult {
    let args = if crate::seq::tuple_items(key).is_some() { key.clone() } else { new_tuple(vec![key.clone()]) };
    Ok(alloc(rt().types.generic_alias, crate::class::PyGenericAlias { origin: obj.clone(), args, starred: false }))
}

fn type_repr_for_alias(ts: &ThreadState, v: &Value) -> PyResult<String> {
    if let Some(t) = TypeRef::from_value(v) {
        let module = t.data().dict_data().get_str("__module__");
        let q = t.data().qualname.read().clone();
        return Ok(match module.as_ref().and_then(as_str) {
            Some(m) if m != "builtins" => format!("{m}.{q}"),
            _ => q,
        });
    }
    if v.is(&rt().ellipsis) {
        return Ok("...".into());
    }
    ops::repr_string(ts, v)
}

fn generic_alias_repr(ts: &ThreadState, args: Args<'_>) -> PyResult {
    let Some(g) = args.args[0].downcast::<crate::class::PyGenericAlias>() else { raise!(TypeError, "expected alias") };
    let mut parts = Vec::new();
    for a in crate::seq::tuple_items(&g.args).unwrap_or(&[]) {
        parts.push(type_repr_for_alias(ts, a)?);
    }
    let inner = if parts.is_empty() { "()".to_owned() } else { parts.join(", ") };
    let star = if g.starred { "*" } else { "" };
    Ok(new_str(&format!("{star}{}[{}]", type_repr_for_alias(ts, &g.origin)?, inner)))
}

fn generic_alias_eq(ts: &ThreadState, args: Args<'_>) -> PyResult {
    check_args("__eq__", args, 1, 1)?;
    let (Some(a), Some(b)) = (
        args.args[0].downcast::<crate::class::PyGenericAlias>(),
        args.args[1].downcast::<crate::class::PyGenericAlias>(),
    ) else {
        return Ok(rt().not_implemented.clone());
    };
    Ok(new_bool(a.starred == b.starred && ops::eq(ts, &a.origin, &b.origin)? && ops::eq(ts, &a.args, &b.args)?))
}

fn generic_alias_hash(ts: &ThreadState, args: Args<'_>) -> PyResult {
    let Some(a) = args.args[0].downcast::<crate::class::PyGenericAlias>() else { raise!(TypeError, "expected alias") };
    Ok(new_int(ops::hash(ts, &a.origin)? ^ ops::hash(ts, &a.args)?))
}

// ---------------------------------------------------------------- special attributes

fn opt(v: &Option<Value>) -> Value {
    v.clone().unwrap_or_else(none)
}

/// Special attributes of builtin objects, found after the type's MRO and the
/// instance dict. Ok(None) when `name` is not one of them.
pub fn builtin_attr(ts: &ThreadState, obj: &Value, name: &str) -> PyResult<Option<Value>> {
    if name == "__dict__" {
        if let Some(t) = TypeRef::from_value(obj) {
            let items = t.data().dict_data().items();
            let d = super::new_dict();
            for (k, v) in items {
                super::dict_set(ts, &d, k, v)?;
            }
            return Ok(Some(alloc(rt().types.mappingproxy, crate::iter::PyDictView { dict: d })));
        }
        if let Some(f) = obj.downcast::<PyFunction>() {
            let mut a = f.attrs.lock();
            if a.dict.is_none() {
                a.dict = Some(super::new_dict());
            }
            return Ok(a.dict.clone());
        }
        return Ok(ops::instance_dict(obj));
    }
    if name == "__weakref__" {
        return super::instance_attrs::weakref_attr(ts, obj);
    }
    if let Some(t) = TypeRef::from_value(obj) {
        let td = t.data();
        return Ok(Some(match name {
            "__name__" => new_str(&td.name()),
            "__qualname__" => new_str(&td.qualname.read()),
            "__mro__" => new_tuple(t.mro().iter().map(TypeRef::to_value).collect()),
            "__bases__" => new_tuple(td.bases.read().clone()),
            "__base__" => td.base.read().clone().unwrap_or_else(none),
            "__doc__" => match td.dict_data().get_str("__doc__") {
                // A builtin type whose instances carry their own __doc__ keeps its docstring aside.
                Some(v) if v.downcast::<crate::class::PyGetSet>().is_some() => super::docs::type_doc(&td.name()).map(new_str).unwrap_or_else(none),
                Some(v) => v,
                None => none(),
            },
            // A getset there is the instances' `__module__` (functions).
            "__module__" => td
                .dict_data()
                .get_str("__module__")
                .filter(|v| v.downcast::<crate::class::PyGetSet>().is_none())
                .unwrap_or_else(|| new_str("builtins")),
            // CPython derives it from tp_doc; of the builtin types only
            // `object` documents a signature there, and native modules' types
            // may keep one in their dict (`functools.partial`).
            "__text_signature__" => match td.dict_data().get_str("__text_signature__") {
                _ if t == rt().types.object => new_str("()"),
                Some(sig) if !t.is_heap() => sig,
                _ => none(),
            },
            "__basicsize__" => new_int(32),
            "__flags__" => new_int(cpython_type_flags(t)),
            // A generic class's body stores its parameters in its namespace.
            "__type_params__" => td.dict_data().get_str("__type_params__").filter(|v| crate::seq::tuple_items(v).is_some()).unwrap_or_else(|| new_tuple(vec![])),
            "__annotations__" | "__annotate__" => return type_annotations(ts, t, name),
            "__abstractmethods__" => match td.dict_data().get_str("__abstractmethods__") {
                Some(v) => v,
                None => raise!(AttributeError, "__abstractmethods__"),
            },
            _ => return Ok(None),
        }));
    }
    if let Some(f) = obj.downcast::<PyFunction>() {
        let a = f.attrs.lock();
        return Ok(Some(match name {
            "__name__" => a.name.clone(),
            "__qualname__" => a.qualname.clone(),
            "__doc__" => a.doc.clone(),
            "__module__" => a.module.clone(),
            "__defaults__" => opt(&f.defaults.get()),
            "__kwdefaults__" => opt(&f.kwdefaults.get()),
            "__code__" => f.code(),
            "__globals__" => f.globals.clone(),
            "__builtins__" => f.builtins.clone(),
            "__closure__" => opt(&f.closure.get()),
            "__type_params__" => a.type_params.clone().unwrap_or_else(|| new_tuple(vec![])),
            "__annotate__" => opt(&a.annotate),
            "__annotations__" => {
                if let Some(an) = &a.annotations {
                    return Ok(Some(an.clone()));
                }
                let annotate = a.annotate.clone();
                drop(a);
                let d = match annotate {
                    Some(fnc) if !is_none(&fnc) => ops::call(ts, &fnc, &[new_int(1)])?,
                    _ => super::new_dict(),
                };
                f.attrs.lock().annotations = Some(d.clone());
                d
            }
            _ => return Ok(None),
        }));
    }
    if let Some(m) = obj.downcast::<PyMethod>() {
        return Ok(match name {
            "__func__" => Some(m.func.clone()),
            "__self__" => Some(m.self_.clone()),
            "__name__" | "__qualname__" | "__doc__" | "__module__" | "__wrapped__" | "__annotations__" => {
                Some(ops::getattr_str(ts, &m.func, name)?)
            }
            _ => ops::getattr_opt(ts, &m.func, name)?,
        });
    }
    if let Some(f) = obj.downcast::<NativeFunction>() {
        return Ok(Some(match name {
            "__name__" => new_str(f.name),
            "__qualname__" => new_str(&f.qualname),
            "__doc__" => f.doc.map(new_str).unwrap_or_else(none),
            // A module-level builtin's `__self__` is its module, as in CPython;
            // an unbound method descriptor has none.
            "__self__" => match &f.self_ {
                Some(s) => s.clone(),
                None if !f.is_method() => {
                    let name = f.module.as_ref().and_then(|m| as_str(m).map(str::to_owned)).unwrap_or_else(|| "builtins".to_owned());
                    ts.interp.modules.downcast::<crate::dict::PyDict>().and_then(|d| d.get_str(&name)).unwrap_or_else(none)
                }
                None => return Ok(None),
            },
            // Descriptors and method-wrappers have no `__module__`; a bound
            // builtin method's is None.
            "__module__" if f.is_method() || f.slot_wrapper => return Ok(None),
            "__module__" => f.module.clone().unwrap_or_else(|| if f.self_.is_some() { none() } else { new_str("builtins") }),
            "__text_signature__" => match super::signatures::text_signature(&f.qualname) {
                Some(sig) => new_str(sig),
                None if f.slot_wrapper => super::signatures::slot_wrapper_doc(f.name).map_or_else(none, |(sig, _)| new_str(sig)),
                None => none(),
            },
            "__objclass__" if f.is_method() => f.owner.clone().unwrap_or_else(none),
            "__objclass__" if f.slot_wrapper => match wrapped_slot_owner(f) {
                Some(t) => t.to_value(),
                None => return Ok(None),
            },
            _ => return Ok(None),
        }));
    }
    if let Some(c) = obj.downcast::<PyCode>() {
        let code = &c.code;
        let names = |v: Vec<std::sync::Arc<str>>| new_tuple(v.iter().map(|n| new_str(n)).collect());
        return Ok(Some(match name {
            "co_name" => c.name.clone(),
            "co_qualname" => c.qualname.clone(),
            "co_filename" => c.filename.clone(),
            "co_firstlineno" => new_int(i64::from(code.first_line)),
            "co_argcount" => new_int(i64::from(code.argcount)),
            "co_posonlyargcount" => new_int(i64::from(code.posonlyargcount)),
            "co_kwonlyargcount" => new_int(i64::from(code.kwonlyargcount)),
            "co_flags" => new_int(i64::from(code.flags.0)),
            "co_nlocals" => new_int(code.nlocals() as i64),
            "co_stacksize" => new_int(i64::from(code.stacksize)),
            "co_varnames" => names(code.varnames()),
            "co_cellvars" => names(code.cellvars()),
            "co_freevars" => names(code.freevars()),
            "co_names" => new_tuple(c.names.clone()),
            "co_consts" => new_tuple(c.consts.clone()),
            "co_code" => crate::bytes::new_bytes(&crate::code::cpython_layout(ts, c)?.code),
            "co_exceptiontable" => crate::bytes::new_bytes(&crate::code::cpython_layout(ts, c)?.exception_table),
            _ => return Ok(None),
        }));
    }
    if let Some(e) = obj.downcast::<PyBaseException>() {
        return Ok(match name {
            "args" => Some(e.args.lock().clone()),
            "__traceback__" => Some(opt(&e.traceback.lock())),
            "__cause__" => Some(opt(&e.cause.lock())),
            "__context__" => Some(opt(&e.context.lock())),
            "__suppress_context__" => Some(new_bool(*e.suppress_context.lock())),
            _ => super::exceptions::exception_attr(ts, obj, e, name)?,
        });
    }
    if let Some(g) = obj.downcast::<crate::generator::PyGenerator>() {
        use std::sync::atomic::Ordering;
        let prefix = match g.kind {
            crate::generator::GenKind::Generator => "gi_",
            crate::generator::GenKind::Coroutine => "cr_",
            crate::generator::GenKind::AsyncGenerator => "ag_",
        };
        let short = name.strip_prefix(prefix);
        return Ok(Some(match (name, short) {
            ("__name__", _) => g.name.lock().clone(),
            ("__qualname__", _) => g.qualname.lock().clone(),
            (_, Some("code")) => g.code.clone(),
            (_, Some("running")) => new_bool(crate::generator::is_running(g)),
            (_, Some("suspended")) => new_bool(g.started.load(Ordering::Relaxed) && g.frame.lock().is_some() && !g.running.load(Ordering::Relaxed)),
            (_, Some("frame")) => match g.frame.lock().as_ref() {
                Some(f) => crate::frame::suspended_frame(f),
                None => none(),
            },
            (_, Some("yieldfrom")) | (_, Some("await")) => {
                // Suspended inside `yield from` / `await`: the delegate is on top of the stack.
                let fr = g.frame.lock();
                match fr.as_ref() {
                    Some(f) if f.pc > 0 && !g.running.load(Ordering::Relaxed) => {
                        let ins = f.code.instructions.get(f.pc - 1).copied();
                        match ins {
                            Some(i) if i.op == spindle_bytecode::Opcode::YieldValue && i.arg == 1 => f.stack.top().and_then(crate::value_stack::SlotView::cloned).unwrap_or_else(none),
                            _ => none(),
                        }
                    }
                    _ => none(),
                }
            }
            _ => return Ok(None),
        }));
    }
    if let Some(f) = obj.downcast::<PyFrameObj>() {
        return Ok(Some(match name {
            "f_code" => f.code.clone(),
            "f_globals" => f.globals.clone(),
            "f_lineno" => new_int(i64::from(crate::frame::frame_lineno(ts, obj).unwrap_or(*f.lineno.lock()))),
            "f_back" => opt(&f.back),
            "f_locals" => crate::frame::frame_locals(ts, obj).unwrap_or_else(super::new_dict),
            "f_builtins" => ts.interp.builtins_dict.clone(),
            "f_lasti" => new_int(0),
            "f_trace" => none(),
            _ => return Ok(None),
        }));
    }
    if let Some(t) = obj.downcast::<PyTraceback>() {
        return Ok(Some(match name {
            "tb_frame" => t.frame.clone(),
            "tb_lineno" => new_int(i64::from(t.lineno)),
            "tb_lasti" => new_int(t.frame.downcast::<PyFrameObj>().map_or(t.lasti as i64 * 2, |f| crate::code::lasti_offset(ts, &f.code, t.lasti))),
            "tb_next" => opt(&t.next.lock()),
            _ => return Ok(None),
        }));
    }
    if obj.downcast::<PyCell>().is_some() {
        if name == "cell_contents" {
            return match crate::cell::cell_get(obj) {
                Some(v) => Ok(Some(v)),
                None => raise!(ValueError, "Cell is empty"),
            };
        }
        return Ok(None);
    }
    if let Some(p) = obj.downcast::<PyProperty>() {
        return Ok(Some(match name {
            "fget" => opt(&p.fget),
            "fset" => opt(&p.fset),
            "fdel" => opt(&p.fdel),
            "__doc__" => opt(&p.doc.lock()),
            "__name__" => match p.name.lock().clone() {
                Some(n) => n,
                None => return Ok(None),
            },
            "__isabstractmethod__" => {
                let mut any = false;
                for f in [&p.fget, &p.fset, &p.fdel].into_iter().flatten() {
                    if let Some(v) = ops::getattr_opt(ts, f, "__isabstractmethod__")? {
                        any |= ops::is_true(ts, &v)?;
                    }
                }
                new_bool(any)
            }
            _ => return Ok(None),
        }));
    }
    if let Some(w) = obj.downcast::<PyWrapper>() {
        return Ok(match name {
            "__func__" | "__wrapped__" => Some(w.func.get()),
            "__isabstractmethod__" => {
                let f = w.func.get();
                Some(ops::getattr_opt(ts, &f, "__isabstractmethod__")?.unwrap_or_else(|| new_bool(false)))
            }
            "__name__" | "__qualname__" | "__doc__" | "__module__" => {
                let f = w.func.get();
                ops::getattr_opt(ts, &f, name)?
            }
            _ => None,
        });
    }
    if let Some(g) = obj.downcast::<crate::class::PyGenericAlias>() {
        return Ok(match name {
            "__origin__" => Some(g.origin.clone()),
            "__args__" => Some(g.args.clone()),
            "__parameters__" => Some(new_tuple(vec![])),
            "__unpacked__" => Some(crate::num::new_bool(g.starred)),
            _ => ops::getattr_opt(ts, &g.origin, name)?,
        });
    }
    if let Some(v) = crate::memoryview::memoryview_attr(obj, name)? {
        return Ok(Some(v));
    }
    if let Some(g) = obj.downcast::<crate::class::PyGetSet>() {
        return Ok(match name {
            "__name__" => Some(new_str(g.name)),
            "__qualname__" => Some(new_str(&format!("{}.{}", g.owner, g.name))),
            "__doc__" => Some(none()),
            "__objclass__" => super::instance_attrs::objclass(obj, g),
            _ => None,
        });
    }
    if let Some(m) = obj.downcast::<crate::class::PyMember>() {
        return Ok(match name {
            "__name__" => Some(new_str(&m.name)),
            "__qualname__" => Some(new_str(&format!("{}.{}", m.owner, m.name))),
            "__doc__" => Some(none()),
            _ => None,
        });
    }
    if let Some(u) = obj.downcast::<crate::class::PyUnion>() {
        return Ok(match name {
            "__args__" => Some(u.args.clone()),
            "__parameters__" => Some(new_tuple(vec![])),
            "__origin__" => Some(rt().types.union.to_value()),
            _ => None,
        });
    }
    if let Some(s) = obj.downcast::<crate::class::PySuper>() {
        return Ok(match name {
            "__thisclass__" => Some(s.thisclass.clone()),
            "__self__" => Some(opt(&s.obj)),
            "__self_class__" => Some(opt(&s.obj_type)),
            _ => None,
        });
    }
    super::numbers::number_attr(ts, obj, name).or_else(|e| Err(e)).and_then(|r| match r {
        Some(v) => Ok(Some(v)),
        None => super::containers::container_attr(ts, obj, name),
    })
}

fn type_annotations(ts: &ThreadState, t: TypeRef, name: &str) -> PyResult<Option<Value>> {
    let d = t.data().dict_data();
    if name == "__annotate__" {
        return Ok(Some(d.get_str("__annotate__").or_else(|| d.get_str("__annotate_func__")).unwrap_or_else(none)));
    }
    if let Some(a) = d.get_str("__annotations__").or_else(|| d.get_str("__annotations_cache__")) {
        return Ok(Some(a));
    }
    let annotate = d.get_str("__annotate__").or_else(|| d.get_str("__annotate_func__"));
    let res = match annotate {
        Some(f) if !is_none(&f) => ops::call(ts, &f, &[new_int(1)])?,
        _ => super::new_dict(),
    };
    if t.is_heap() {
        d.set_str(new_str("__annotations_cache__"), res.clone());
    }
    Ok(Some(res))
}

/// Writes special attributes of builtin objects; Ok(false) when `name` is not one.
pub fn builtin_setattr(ts: &ThreadState, obj: &Value, name: &str, value: Option<&Value>) -> PyResult<bool> {
    if name == "__dict__" && super::instance_attrs::set_instance_dict(obj, value)? {
        return Ok(true);
    }
    if let (Some(t), "tb_next") = (obj.downcast::<PyTraceback>(), name) {
        let Some(v) = value else { raise!(TypeError, "can't delete tb_next attribute") };
        let v = Some(v.clone()).filter(|x| !is_none(x));
        if let Some(x) = &v {
            if x.downcast::<PyTraceback>().is_none() {
                raise!(TypeError, "expected traceback object or None, got '{}'", ops::type_name(x));
            }
            // Refuse a loop: walk from the new next and look for `obj`.
            let mut cur = Some(x.clone());
            while let Some(c) = cur {
                if c.is(obj) {
                    raise!(ValueError, "traceback loop detected");
                }
                cur = c.downcast::<PyTraceback>().and_then(|n| n.next.lock().clone());
            }
        }
        *t.next.lock() = v;
        return Ok(true);
    }
    if let Some(f) = obj.downcast::<PyFunction>() {
        let mut a = f.attrs.lock();
        let v = value.cloned();
        match name {
            "__name__" => match v {
                Some(v) if as_str(&v).is_some() => a.name = v,
                _ => raise!(TypeError, "__name__ must be set to a string object"),
            },
            "__qualname__" => match v {
                Some(v) if as_str(&v).is_some() => a.qualname = v,
                _ => raise!(TypeError, "__qualname__ must be set to a string object"),
            },
            "__doc__" => a.doc = v.unwrap_or_else(none),
            "__module__" => a.module = v.unwrap_or_else(none),
            "__defaults__" => match v.filter(|x| !is_none(x)) {
                Some(x) if x.downcast::<crate::seq::PyTuple>().is_none() => {
                    raise!(TypeError, "__defaults__ must be set to a tuple object")
                }
                x => f.defaults.set(x),
            },
            "__kwdefaults__" => match v.filter(|x| !is_none(x)) {
                Some(x) if x.downcast::<crate::dict::PyDict>().is_none() => {
                    raise!(TypeError, "__kwdefaults__ must be set to a dict object")
                }
                x => f.kwdefaults.set(x),
            },
            "__annotations__" => match v.filter(|x| !is_none(x)) {
                Some(x) if x.downcast::<crate::dict::PyDict>().is_none() => {
                    raise!(TypeError, "__annotations__ must be set to a dict object")
                }
                x => a.annotations = x,
            },
            "__annotate__" => match v {
                None => raise!(TypeError, "__annotate__ cannot be deleted"),
                Some(x) if is_none(&x) => a.annotate = None,
                Some(x) => {
                    drop(a);
                    if !ops::is_callable(&x) {
                        raise!(TypeError, "__annotate__ must be callable or None");
                    }
                    let mut a = f.attrs.lock();
                    a.annotate = Some(x);
                    // A new __annotate__ drops the cached annotations.
                    a.annotations = None;
                }
            },
            "__type_params__" => match v {
                Some(x) if x.downcast::<crate::seq::PyTuple>().is_some() => a.type_params = Some(x),
                _ => raise!(TypeError, "__type_params__ must be set to a tuple"),
            },
            "__dict__" => match v {
                None => raise!(TypeError, "cannot delete __dict__"),
                Some(x) if x.downcast::<crate::dict::PyDict>().is_none() => {
                    raise!(TypeError, "__dict__ must be set to a dictionary, not a '{}'", ops::type_name(&x))
                }
                x => a.dict = x,
            },
            "__globals__" | "__closure__" | "__builtins__" => raise!(AttributeError, "readonly attribute"),
            "__code__" => {
                drop(a);
                return crate::function::set_code(f, v).map(|()| true);
            }
            _ => {
                if a.dict.is_none() {
                    a.dict = Some(super::new_dict());
                }
                let d = a.dict.clone();
                drop(a);
                if let Some(dd) = d.as_ref().and_then(|d| d.downcast::<crate::dict::PyDict>()) {
                    match v {
                        Some(v) => {
                            dd.set_str(new_str(name), v);
                        }
                        None => {
                            if dd.remove_str(name).is_none() {
                                raise!(AttributeError, "'function' object has no attribute '{}'", name);
                            }
                        }
                    }
                }
            }
        }
        return Ok(true);
    }
    if let Some(e) = obj.downcast::<PyBaseException>() {
        let v = value.cloned();
        match name {
            "args" => {
                let items = match &v {
                    Some(x) => ops::collect(ts, x)?,
                    None => raise!(TypeError, "args may not be deleted"),
                };
                *e.args.lock() = new_tuple(items);
            }
            "__traceback__" => {
                let v = v.filter(|x| !is_none(x));
                if let Some(x) = &v {
                    if x.downcast::<PyTraceback>().is_none() {
                        raise!(TypeError, "__traceback__ must be a traceback or None");
                    }
                }
                *e.traceback.lock() = v;
            }
            "__cause__" => {
                let v = v.filter(|x| !is_none(x));
                if let Some(x) = &v {
                    if !x.type_ref().is_subtype(rt().exc.BaseException) {
                        raise!(TypeError, "exception cause must be None or derive from BaseException");
                    }
                }
                *e.cause.lock() = v;
                *e.suppress_context.lock() = true;
            }
            "__context__" => {
                let v = v.filter(|x| !is_none(x));
                if let Some(x) = &v {
                    if !x.type_ref().is_subtype(rt().exc.BaseException) {
                        raise!(TypeError, "exception context must be None or derive from BaseException");
                    }
                }
                *e.context.lock() = v;
            }
            "__suppress_context__" => {
                *e.suppress_context.lock() = match &v {
                    Some(x) => ops::is_true(ts, x)?,
                    None => false,
                };
            }
            "__notes__" => *e.notes.lock() = v,
            _ => return Ok(false),
        }
        return Ok(true);
    }
    if let Some(p) = obj.downcast::<PyProperty>() {
        if name == "__doc__" {
            *p.doc.lock() = value.cloned();
            return Ok(true);
        }
    }
    if obj.downcast::<PyCell>().is_some() {
        if name == "cell_contents" {
            drop(crate::cell::cell_set(obj, value.cloned()));
            return Ok(true);
        }
    }
    if let Some(w) = obj.downcast::<PyWrapper>() {
        if name == "__func__" || name == "__wrapped__" {
            raise!(AttributeError, "readonly attribute");
        }
        let mut d = w.dict.lock();
        if d.is_none() {
            *d = Some(super::new_dict());
        }
        if let (Some(dd), Some(v)) = (d.as_ref().and_then(|d| d.downcast::<crate::dict::PyDict>()), value) {
            dd.set_str(new_str(name), v.clone());
            return Ok(true);
        }
    }
    if let Some(f) = obj.downcast::<PyFrameObj>() {
        if name == "f_lineno" {
            if let Some(v) = value.and_then(crate::num::int_to_i64) {
                *f.lineno.lock() = v as u32;
            }
            return Ok(true);
        }
    }
    Ok(false)
}

/// Registers the special attributes of builtin objects as `getset_descriptor`s
/// in their types, so `FunctionType.__code__` and `vars(type)` see them; the
/// values come from `builtin_attr` / `builtin_setattr`.
fn init_getsets(r: &Runtime) {
    let t = &r.types;
    let table: &[(TypeRef, &[&'static str])] = &[
        (t.type_, &["__name__", "__qualname__", "__bases__", "__base__", "__mro__", "__dict__", "__doc__", "__module__", "__annotations__", "__annotate__", "__type_params__", "__abstractmethods__", "__text_signature__"]),
        (t.function, &["__code__", "__globals__", "__name__", "__qualname__", "__defaults__", "__kwdefaults__", "__closure__", "__doc__", "__module__", "__dict__", "__annotations__", "__annotate__", "__type_params__", "__builtins__"]),
        (t.method, &["__func__", "__self__", "__doc__"]),
        (t.builtin_function, &["__name__", "__qualname__", "__self__", "__module__", "__doc__", "__text_signature__"]),
        (t.method_descriptor, &["__name__", "__qualname__", "__objclass__", "__doc__", "__text_signature__"]),
        (t.wrapper_descriptor, &["__name__", "__qualname__", "__objclass__", "__doc__", "__text_signature__"]),
        (t.method_wrapper, &["__name__", "__qualname__", "__self__", "__objclass__", "__doc__", "__text_signature__"]),
        (t.code, &["co_name", "co_qualname", "co_filename", "co_firstlineno", "co_argcount", "co_posonlyargcount", "co_kwonlyargcount", "co_flags", "co_nlocals", "co_stacksize", "co_varnames", "co_cellvars", "co_freevars", "co_names", "co_consts", "co_code", "co_exceptiontable"]),
        (t.frame, &["f_code", "f_globals", "f_lineno", "f_back", "f_locals", "f_builtins", "f_lasti", "f_trace"]),
        (t.traceback, &["tb_frame", "tb_lineno", "tb_lasti", "tb_next"]),
        (t.cell, &["cell_contents"]),
        (t.property, &["fget", "fset", "fdel", "__doc__", "__isabstractmethod__"]),
        (t.classmethod, &["__func__", "__wrapped__", "__isabstractmethod__", "__doc__"]),
        (t.staticmethod, &["__func__", "__wrapped__", "__isabstractmethod__", "__doc__"]),
        (t.object, &["__class__"]),
        (t.generator, &["gi_code", "gi_frame", "gi_running", "gi_suspended", "gi_yieldfrom", "__name__", "__qualname__"]),
        (t.coroutine, &["cr_code", "cr_frame", "cr_running", "cr_suspended", "cr_await", "__name__", "__qualname__"]),
        (t.async_generator, &["ag_code", "ag_frame", "ag_running", "ag_await", "__name__", "__qualname__"]),
        (r.exc.BaseException, &["args", "__traceback__", "__cause__", "__context__", "__suppress_context__"]),
        (t.int, &["real", "imag", "numerator", "denominator"]),
        (t.float, &["real", "imag"]),
        (t.complex, &["real", "imag"]),
        (t.slice, &["start", "stop", "step"]),
        (t.range, &["start", "stop", "step"]),
        (t.module, &["__dict__"]),
        (t.generic_alias, &["__origin__", "__args__", "__parameters__"]),
        (t.union, &["__args__", "__parameters__", "__origin__"]),
        (t.super_, &["__thisclass__", "__self__", "__self_class__"]),
        (t.dict_keys, &["mapping"]),
        (t.dict_values, &["mapping"]),
        (t.dict_items, &["mapping"]),
    ];
    for (ty, names) in table {
        let d = ty.data().dict_data();
        for n in *names {
            // A plain `__module__`/`__doc__` string put in the type's dict
            // describes the type itself; instances need the getset (e.g. a
            // function's `__module__`). `type` keeps its own entries.
            let shadowed = *ty != t.type_
                && *n == "__module__"
                && d.get_str(n).is_some_and(|v| as_str(&v).is_some());
            // `__doc__` replaces the type's docstring value: these instances carry their own.
            if d.get_str(n).is_none() || shadowed || *n == "__doc__" {
                d.set_str(crate::str::intern(n), crate::object::alloc_immortal(r.types.getset_descriptor, crate::class::PyGetSet { name: n, owner: ty.name() }));
            }
        }
    }
    // Every builtin type has a `__doc__` entry (so instances have the
    // attribute, as in CPython); types without a recorded docstring get None.
    // FIXME(docs): CPython's docstrings for the builtin types.
    for ty in r.types.all().into_iter().chain(r.exc.all().into_iter().map(|(_, t)| t)) {
        let d = ty.data().dict_data();
        if d.get_str("__doc__").is_none() {
            d.set_str(crate::str::intern("__doc__"), none());
        }
    }
    add_methods(r.types.getset_descriptor, &[("__get__", getset_get), ("__set__", getset_set), ("__delete__", getset_delete), ("__repr__", getset_repr)]);
    add_methods(r.types.member_descriptor, &[("__repr__", member_repr)]);
}

fn getset_get(ts: &ThreadState, a: Args<'_>) -> PyResult {
    match a.args.get(1) {
        Some(o) if !is_none(o) => {
            if let Some(g) = a.args[0].downcast::<crate::class::PyGetSet>() {
                super::instance_attrs::check_applies(&a.args[0], g, o)?;
            }
            ops::descr_get(ts, a.args[0].clone(), Some(o), o.type_ref())
        }
        _ => Ok(a.args[0].clone()),
    }
}

fn getset_set(ts: &ThreadState, a: Args<'_>) -> PyResult {
    check_args("__set__", a, 2, 2)?;
    let Some(g) = a.args[0].downcast::<crate::class::PyGetSet>() else { raise!(TypeError, "expected getset_descriptor") };
    super::instance_attrs::check_applies(&a.args[0], g, &a.args[1])?;
    getset_store(ts, g, &a.args[1], Some(&a.args[2]))?;
    Ok(none())
}

fn getset_delete(ts: &ThreadState, a: Args<'_>) -> PyResult {
    check_args("__delete__", a, 1, 1)?;
    let Some(g) = a.args[0].downcast::<crate::class::PyGetSet>() else { raise!(TypeError, "expected getset_descriptor") };
    super::instance_attrs::check_applies(&a.args[0], g, &a.args[1])?;
    getset_store(ts, g, &a.args[1], None)?;
    Ok(none())
}

/// Writes a getset attribute (or raises CPython's not-writable error).
pub fn getset_store(ts: &ThreadState, g: &crate::class::PyGetSet, obj: &Value, value: Option<&Value>) -> PyResult<()> {
    if let Some(t) = TypeRef::from_value(obj) {
        return crate::class::type_setattr(ts, t, &new_str(g.name), value.cloned());
    }
    if builtin_setattr(ts, obj, g.name, value)? {
        return Ok(());
    }
    // What CPython declares as read-only members (not getsets) words it differently.
    let member = matches!(
        (g.owner.as_str(), g.name),
        ("range" | "slice", "start" | "stop" | "step")
            | ("complex", "real" | "imag")
            | ("property", "fget" | "fset" | "fdel")
            | ("classmethod" | "staticmethod", "__func__" | "__wrapped__")
            | ("function", "__globals__" | "__closure__" | "__builtins__")
            | ("super", "__thisclass__" | "__self__" | "__self_class__")
            | ("method", "__func__" | "__self__")
            | ("code", _)
    );
    if member {
        raise!(AttributeError, "readonly attribute");
    }
    raise!(AttributeError, "attribute '{}' of '{}' objects is not writable", g.name, g.owner)
}

fn getset_repr(_ts: &ThreadState, a: Args<'_>) -> PyResult {
    let Some(g) = a.args[0].downcast::<crate::class::PyGetSet>() else { raise!(TypeError, "expected getset_descriptor") };
    Ok(new_str(&format!("<attribute '{}' of '{}' objects>", g.name, g.owner)))
}

fn member_repr(_ts: &ThreadState, a: Args<'_>) -> PyResult {
    let Some(m) = a.args[0].downcast::<crate::class::PyMember>() else { raise!(TypeError, "expected member_descriptor") };
    Ok(new_str(&format!("<member '{}' of '{}' objects>", m.name, m.owner)))
}

/// `__call__` of the builtin callable types: calls `self` with the rest.
fn call_self(ts: &ThreadState, a: Args<'_>) -> PyResult {
    let Some(f) = a.args.first() else { raise!(TypeError, "descriptor '__call__' needs an argument") };
    ops::call_args(ts, f, Args { args: &a.args[1..], kwnames: a.kwnames })
}
