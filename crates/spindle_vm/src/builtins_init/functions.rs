//! The functions of the `builtins` module, and formatting (`format()`,
//! `str.format`, `%`).

use super::{check_args, new_dict, parse_args};
use crate::dict::PyDict;
use crate::error::PyResult;
use crate::function::{Args, NativeFnPtr};
use crate::interp::ThreadState;
use crate::num::{new_bool, new_int};
use crate::object::TypeRef;
use crate::ops::{self, CmpOp};
use crate::runtime::{Runtime, is_none, none, rt};
use crate::seq::new_list;
use crate::str::{as_str, new_str, new_string};
use crate::value::Value;
use crate::{err, raise};

pub(super) fn init_types(_r: &Runtime) {}

/// Fills the `builtins` module dict.
pub fn fill_builtins(d: &PyDict) {
    let r = rt();
    let fns: &[(&'static str, NativeFnPtr)] = &[
        ("print", builtin_print),
        ("len", |ts, a| {
            one("len", &a)?;
            Ok(new_int(ops::len(ts, &a.args[0])? as i64))
        }),
        ("repr", |ts, a| {
            one("repr", &a)?;
            ops::repr(ts, &a.args[0])
        }),
        ("ascii", |ts, a| {
            one("ascii", &a)?;
            ascii(ts, &a.args[0])
        }),
        ("isinstance", builtin_isinstance),
        ("issubclass", builtin_issubclass),
        ("hasattr", |ts, a| {
            two("hasattr", &a)?;
            if as_str(&a.args[1]).is_none() {
                raise!(TypeError, "attribute name must be string, not '{}'", ops::type_name(&a.args[1]));
            }
            Ok(new_bool(ops::getattr_opt(ts, &a.args[0], as_str(&a.args[1]).unwrap_or(""))?.is_some()))
        }),
        ("getattr", |ts, a| {
            if a.args.len() < 2 || a.args.len() > 3 {
                raise!(TypeError, "getattr expected at least 2 arguments, got {}", a.args.len());
            }
            if as_str(&a.args[1]).is_none() {
                raise!(TypeError, "attribute name must be string, not '{}'", ops::type_name(&a.args[1]));
            }
            match a.args.get(2) {
                Some(d) => Ok(ops::getattr_opt(ts, &a.args[0], as_str(&a.args[1]).unwrap_or(""))?.unwrap_or_else(|| d.clone())),
                None => ops::getattr(ts, &a.args[0], &a.args[1]),
            }
        }),
        ("setattr", |ts, a| {
            if a.args.len() != 3 {
                raise!(TypeError, "setattr expected 3 arguments, got {}", a.args.len());
            }
            if as_str(&a.args[1]).is_none() {
                raise!(TypeError, "attribute name must be string, not '{}'", ops::type_name(&a.args[1]));
            }
            ops::setattr(ts, &a.args[0], &a.args[1], Some(a.args[2].clone()))?;
            Ok(none())
        }),
        ("delattr", |ts, a| {
            two("delattr", &a)?;
            ops::setattr(ts, &a.args[0], &a.args[1], None)?;
            Ok(none())
        }),
        ("id", |_, a| {
            one("id", &a)?;
            Ok(new_int(a.args[0].id() as i64))
        }),
        ("hash", |ts, a| {
            one("hash", &a)?;
            Ok(new_int(ops::hash(ts, &a.args[0])?))
        }),
        ("abs", |ts, a| {
            one("abs", &a)?;
            match ops::call_dunder(ts, &a.args[0], "__abs__", &[])? {
                Some(v) => Ok(v),
                None => raise!(TypeError, "bad operand type for abs(): '{}'", ops::type_name(&a.args[0])),
            }
        }),
        ("min", |ts, a| min_max(ts, a, true)),
        ("max", |ts, a| min_max(ts, a, false)),
        ("sum", builtin_sum),
        ("sorted", builtin_sorted),
        ("iter", |ts, a| match a.args.len() {
            1 => ops::iter(ts, &a.args[0]),
            2 => {
                if !ops::is_callable(&a.args[0]) {
                    raise!(TypeError, "iter(v, w): v must be callable");
                }
                Ok(crate::object::alloc(
                    rt().types.callable_iterator,
                    crate::iter::PyIter {
                        state: crate::lock::ShortMutex::new(crate::iter::IterState::Callable { callable: a.args[0].clone(), sentinel: a.args[1].clone() }),
                    },
                ))
            }
            0 => raise!(TypeError, "iter expected at least 1 argument, got 0"),
            n => raise!(TypeError, "iter expected at most 2 arguments, got {}", n),
        }),
        ("next", |ts, a| {
            if a.args.is_empty() || a.args.len() > 2 {
                raise!(TypeError, "next expected at least 1 argument, got {}", a.args.len());
            }
            let it = &a.args[0];
            if it.type_ref().lookup_static("__next__").is_none() {
                raise!(TypeError, "'{}' object is not an iterator", ops::type_name(it));
            }
            if let Some(g) = it.downcast::<crate::generator::PyGenerator>() {
                return match crate::generator::resume(ts, g, none(), None) {
                    Ok(crate::generator::SendResult::Yielded(v)) => Ok(v),
                    Ok(crate::generator::SendResult::Returned(v)) => match a.args.get(1) {
                        Some(d) => Ok(d.clone()),
                        None => Err(crate::generator::stop_iteration(v)),
                    },
                    Err(e) => Err(e),
                };
            }
            if let Some(step) = it.type_ref().data().iternext.get() {
                return match step(ts, it)? {
                    Some(v) => Ok(v),
                    None => match a.args.get(1) {
                        Some(d) => Ok(d.clone()),
                        None => Err(crate::error::PyErr::bare(rt().exc.StopIteration)),
                    },
                };
            }
            match ops::call_dunder(ts, it, "__next__", &[]) {
                Ok(Some(v)) => Ok(v),
                Ok(None) => raise!(TypeError, "'{}' object is not an iterator", ops::type_name(it)),
                Err(e) if e.is_instance(rt().exc.StopIteration) && a.args.len() == 2 => Ok(a.args[1].clone()),
                Err(e) => Err(e),
            }
        }),
        ("all", |ts, a| {
            one("all", &a)?;
            let it = ops::iter(ts, &a.args[0])?;
            while let Some(v) = ops::next(ts, &it)? {
                if !ops::is_true(ts, &v)? {
                    return Ok(new_bool(false));
                }
            }
            Ok(new_bool(true))
        }),
        ("any", |ts, a| {
            one("any", &a)?;
            let it = ops::iter(ts, &a.args[0])?;
            while let Some(v) = ops::next(ts, &it)? {
                if ops::is_true(ts, &v)? {
                    return Ok(new_bool(true));
                }
            }
            Ok(new_bool(false))
        }),
        ("chr", |ts, a| {
            one("chr", &a)?;
            let i = ops::index(ts, &a.args[0])?;
            match crate::num::int_to_i64(&i) {
                Some(c) if (0..=0x10FFFF).contains(&c) => Ok(crate::str::char_value(c as u32)),
                _ => raise!(ValueError, "chr() arg not in range(0x110000)"),
            }
        }),
        ("ord", |_, a| {
            one("ord", &a)?;
            if let Some(s) = crate::str::as_data(&a.args[0]) {
                return match (s.len(), s.char_at(0)) {
                    (1, Some(c)) => Ok(new_int(i64::from(c))),
                    (n, _) => raise!(TypeError, "ord() expected a character, but string of length {} found", n),
                };
            }
            if let Some(b) = super::containers::bytes_data(&a.args[0]) {
                if b.len() == 1 {
                    return Ok(new_int(i64::from(b[0])));
                }
                raise!(TypeError, "ord() expected a character, but string of length {} found", b.len());
            }
            raise!(TypeError, "ord() expected string of length 1, but {} found", ops::type_name(&a.args[0]))
        }),
        ("hex", |ts, a| radix(ts, a, 16, "0x")),
        ("oct", |ts, a| radix(ts, a, 8, "0o")),
        ("bin", |ts, a| radix(ts, a, 2, "0b")),
        ("divmod", |ts, a| {
            two("divmod", &a)?;
            binop_dunder(ts, &a.args[0], &a.args[1], "__divmod__", "__rdivmod__", "divmod()")
        }),
        ("pow", |ts, a| {
            let [b, e, m] = parse_args("pow", a, ["base", "exp", "mod"], 2)?;
            let (b, e) = (b.unwrap_or_else(none), e.unwrap_or_else(none));
            match m.filter(|x| !is_none(x)) {
                Some(m) => {
                    // Three-argument pow: the base's __pow__, then (3.14) the
                    // exponent's __rpow__ when its type differs.
                    let ni = &rt().not_implemented;
                    if let Some(r) = ops::call_dunder(ts, &b, "__pow__", &[e.clone(), m.clone()])? {
                        if !r.is(ni) {
                            return Ok(r);
                        }
                    }
                    if e.type_ref() != b.type_ref() {
                        if let Some(r) = ops::call_dunder(ts, &e, "__rpow__", &[b.clone(), m.clone()])? {
                            if !r.is(ni) {
                                return Ok(r);
                            }
                        }
                    }
                    // A float or complex modulus gets its type's own refusal.
                    let real = |v: &Value| crate::num::is_int(v) || crate::num::float_value(v).is_some();
                    if real(&b) && real(&e) {
                        if crate::num::float_value(&m).is_some() {
                            raise!(TypeError, "pow() 3rd argument not allowed unless all arguments are integers");
                        }
                    }
                    raise!(
                        TypeError,
                        "unsupported operand type(s) for ** or pow(): '{}', '{}', '{}'",
                        ops::type_name(&b),
                        ops::type_name(&e),
                        ops::type_name(&m)
                    )
                }
                None => crate::arith::binary_op(ts, &b, &e, 8),
            }
        }),
        ("round", |ts, a| {
            let [x, nd] = parse_args("round", a, ["number", "ndigits"], 1)?;
            let x = x.unwrap_or_else(none);
            let args: Vec<Value> = nd.into_iter().filter(|v| !is_none(v)).collect();
            match ops::call_dunder(ts, &x, "__round__", &args)? {
                Some(r) => Ok(r),
                None => raise!(TypeError, "type {} doesn't define __round__ method", ops::type_name(&x)),
            }
        }),
        ("callable", |_, a| {
            one("callable", &a)?;
            Ok(new_bool(ops::is_callable(&a.args[0])))
        }),
        ("vars", |ts, a| match a.args.first() {
            None => builtin_locals(ts, a),
            Some(o) => match ops::getattr_opt(ts, o, "__dict__")? {
                Some(d) => Ok(d),
                None => raise!(TypeError, "vars() argument must have __dict__ attribute"),
            },
        }),
        ("dir", |ts, a| match at_most("dir", &a, 1)?.first() {
            Some(o) => {
                let r = ops::call_dunder(ts, o, "__dir__", &[])?.unwrap_or_else(|| new_list(vec![]));
                let items = ops::collect(ts, &r)?;
                builtin_sorted(ts, Args::new(&[new_list(items)]))
            }
            None => {
                let l = builtin_locals(ts, a)?;
                let keys = ops::collect(ts, &l)?;
                builtin_sorted(ts, Args::new(&[new_list(keys)]))
            }
        }),
        ("globals", |ts, a| {
            at_most("globals", &a, 0)?;
            let frames = ts.frames.borrow();
            match frames.last() {
                // SAFETY: live frame pointers are valid while registered.
                Some(f) => Ok(unsafe { &**f }.globals.clone()),
                None => Ok(new_dict()),
            }
        }),
        ("locals", |ts, a| {
            at_most("locals", &a, 0)?;
            builtin_locals(ts, a)
        }),
        ("exec", |ts, a| exec_eval(ts, a, true)),
        ("eval", |ts, a| exec_eval(ts, a, false)),
        ("compile", builtin_compile),
        ("__import__", crate::import::builtin_import),
        ("__build_class__", crate::class::build_class),
        ("format", |ts, a| {
            at_most("format", &a, 2)?;
            let [v, spec] = parse_args("format", a, ["value", "format_spec"], 1)?;
            format(ts, &v.unwrap_or_else(none), &spec.unwrap_or_else(|| new_str("")))
        }),
        ("input", super::sysmod::builtin_input),
        ("open", super::sysmod::builtin_open),
        ("aiter", |ts, a| {
            one("aiter", &a)?;
            match ops::call_dunder(ts, &a.args[0], "__aiter__", &[])? {
                Some(v) if v.type_ref().lookup("__anext__").is_none() => {
                    raise!(TypeError, "aiter() returned not an async iterator of type '{}'", ops::type_name(&v))
                }
                Some(v) => Ok(v),
                None => raise!(TypeError, "'{}' object is not an async iterable", ops::type_name(&a.args[0])),
            }
        }),
        ("anext", crate::generator::builtin_anext),
        ("breakpoint", |_, _| Ok(none())),
        // `exit`/`quit` as site.py installs them (Spindle does not run site yet).
        ("exit", |_, a| Err(crate::error::PyErr(crate::exceptions::new_exception(rt().exc.SystemExit, a.positional().to_vec())))),
        ("quit", |_, a| Err(crate::error::PyErr(crate::exceptions::new_exception(rt().exc.SystemExit, a.positional().to_vec())))),
    ];
    for (name, f) in fns {
        let func = crate::function::NativeFunction {
            name,
            qualname: (*name).to_owned(),
            func: *f,
            self_: None,
            owner: None,
            doc: super::docs::builtin_fn_doc(name),
            module: None,
            slot_wrapper: false,
            slot_args: crate::function::SlotArgs::Any,
        };
        d.set_str(crate::str::intern(name), crate::object::alloc(r.types.builtin_function, func));
    }
    let types: &[(&str, TypeRef)] = &[
        ("object", r.types.object),
        ("type", r.types.type_),
        ("int", r.types.int),
        ("bool", r.types.bool_),
        ("float", r.types.float),
        ("complex", r.types.complex),
        ("str", r.types.str),
        ("bytes", r.types.bytes),
        ("bytearray", r.types.bytearray),
        ("tuple", r.types.tuple),
        ("list", r.types.list),
        ("dict", r.types.dict),
        ("set", r.types.set),
        ("frozenset", r.types.frozenset),
        ("range", r.types.range),
        ("slice", r.types.slice),
        ("property", r.types.property),
        ("classmethod", r.types.classmethod),
        ("staticmethod", r.types.staticmethod),
        ("super", r.types.super_),
        ("enumerate", r.types.enumerate),
        ("zip", r.types.zip),
        ("map", r.types.map),
        ("filter", r.types.filter),
        ("reversed", r.types.reversed),
        ("memoryview", r.types.memoryview),
    ];
    for (name, t) in types {
        d.set_str(crate::str::intern(name), t.to_value());
    }
    for (name, t) in r.exc.all() {
        d.set_str(crate::str::intern(name), t.to_value());
    }
    d.set_str(crate::str::intern("EnvironmentError"), r.exc.OSError.to_value());
    d.set_str(crate::str::intern("IOError"), r.exc.OSError.to_value());
    d.set_str(crate::str::intern("None"), none());
    d.set_str(crate::str::intern("True"), r.true_.clone());
    d.set_str(crate::str::intern("False"), r.false_.clone());
    d.set_str(crate::str::intern("Ellipsis"), r.ellipsis.clone());
    d.set_str(crate::str::intern("NotImplemented"), r.not_implemented.clone());
    d.set_str(crate::str::intern("__debug__"), r.true_.clone());
}

fn one(name: &str, a: &Args<'_>) -> PyResult<()> {
    if a.has_kwargs() {
        raise!(TypeError, "{}() takes no keyword arguments", name);
    }
    if a.args.len() != 1 {
        raise!(TypeError, "{}() takes exactly one argument ({} given)", name, a.args.len());
    }
    Ok(())
}

/// A builtin function's check that it got no keyword arguments and at most
/// `max` positional ones; returns them.
fn at_most<'a>(name: &str, a: &Args<'a>, max: usize) -> PyResult<&'a [Value]> {
    if a.has_kwargs() {
        raise!(TypeError, "{}() takes no keyword arguments", name);
    }
    match a.args.len() {
        n if n <= max => Ok(a.args),
        n if max == 0 => raise!(TypeError, "{}() takes no arguments ({} given)", name, n),
        n => raise!(TypeError, "{} expected at most {} argument{}, got {}", name, max, if max == 1 { "" } else { "s" }, n),
    }
}

fn two(name: &str, a: &Args<'_>) -> PyResult<()> {
    if a.has_kwargs() {
        raise!(TypeError, "{}() takes no keyword arguments", name);
    }
    if a.args.len() != 2 {
        raise!(TypeError, "{} expected 2 arguments, got {}", name, a.args.len());
    }
    Ok(())
}

fn builtin_print(ts: &ThreadState, a: Args<'_>) -> PyResult {
    let mut sep = None;
    let mut end = None;
    let mut file = None;
    let mut flush = false;
    for (k, v) in a.kwargs() {
        match k {
            "sep" => sep = Some(v.clone()).filter(|x| !is_none(x)),
            "end" => end = Some(v.clone()).filter(|x| !is_none(x)),
            "file" => file = Some(v.clone()).filter(|x| !is_none(x)),
            "flush" => flush = ops::is_true(ts, v)?,
            _ => raise!(TypeError, "print() got an unexpected keyword argument '{}'", k),
        }
    }
    let sep_s = match &sep {
        Some(s) => as_str(s).ok_or_else(|| err!(TypeError, "sep must be None or a string, not {}", ops::type_name(s)))?.to_owned(),
        None => " ".into(),
    };
    let end_s = match &end {
        Some(s) => as_str(s).ok_or_else(|| err!(TypeError, "end must be None or a string, not {}", ops::type_name(s)))?.to_owned(),
        None => "\n".into(),
    };
    let file = match file {
        Some(f) => f,
        None => match super::sys_attr(ts, "stdout") {
            Some(f) => f,
            None => return Ok(none()),
        },
    };
    if is_none(&file) {
        return Ok(none());
    }
    // CPython writes each piece on its own (a file object sees every call);
    // the interpreter's own streams get one joined write, with what was
    // formatted before a failing str() still written.
    let std_stream = ["__stdout__", "__stderr__"].iter().any(|n| super::sys_attr(ts, n).is_some_and(|s| s.is(&file)));
    let mut out = String::new();
    let mut failed = None;
    for (i, v) in a.positional().iter().enumerate() {
        if i > 0 {
            if std_stream {
                out.push_str(&sep_s);
            } else {
                ops::call_method(ts, &file, "write", &[new_str(&sep_s)])?;
            }
        }
        match ops::str_string(ts, v) {
            Ok(text) if std_stream => out.push_str(&text),
            Ok(text) => {
                ops::call_method(ts, &file, "write", &[new_string(text)])?;
            }
            Err(e) => {
                failed = Some(e);
                break;
            }
        }
    }
    if let Some(e) = failed {
        if std_stream && !out.is_empty() {
            ops::call_method(ts, &file, "write", &[new_string(out)])?;
        }
        return Err(e);
    }
    out.push_str(&end_s);
    ops::call_method(ts, &file, "write", &[new_string(if std_stream { out } else { end_s })])?;
    if flush {
        ops::call_method(ts, &file, "flush", &[])?;
    }
    Ok(none())
}

fn isinstance_one(ts: &ThreadState, o: &Value, cls: &Value, depth: usize) -> PyResult<bool> {
    if depth > 1000 {
        raise!(RecursionError, "maximum recursion depth exceeded in __instancecheck__");
    }
    if let Some(items) = crate::seq::tuple_items(cls) {
        for c in items {
            if isinstance_one(ts, o, c, depth + 1)? {
                return Ok(true);
            }
        }
        return Ok(false);
    }
    if let Some(t) = TypeRef::from_value(cls) {
        if o.type_ref().is_subtype(t) {
            return Ok(true);
        }
        let meta = cls.type_ref();
        if meta != rt().types.type_ {
            if let Some(r) = ops::call_dunder(ts, cls, "__instancecheck__", &[o.clone()])? {
                return ops::is_true(ts, &r);
            }
        }
        if let Some(c) = ops::getattr_opt(ts, o, "__class__")? {
            if !c.is(&o.type_ref().to_value()) {
                if let Some(ct) = TypeRef::from_value(&c) {
                    return Ok(ct.is_subtype(t));
                }
            }
        }
        return Ok(false);
    }
    if let Some(u) = cls.downcast::<crate::class::PyUnion>() {
        for c in ops::collect(ts, &u.args)? {
            if isinstance_one(ts, o, &c, depth + 1)? {
                return Ok(true);
            }
        }
        return Ok(false);
    }
    if let Some(r) = ops::call_dunder(ts, cls, "__instancecheck__", &[o.clone()])? {
        return ops::is_true(ts, &r);
    }
    if cls.downcast::<crate::class::PyGenericAlias>().is_some() {
        raise!(TypeError, "isinstance() argument 2 cannot be a parameterized generic");
    }
    raise!(TypeError, "isinstance() arg 2 must be a type, a tuple of types, or a union")
}

fn builtin_isinstance(ts: &ThreadState, a: Args<'_>) -> PyResult {
    two("isinstance", &a)?;
    Ok(new_bool(isinstance_one(ts, &a.args[0], &a.args[1], 0)?))
}

fn issubclass_one(ts: &ThreadState, c: &Value, cls: &Value, depth: usize) -> PyResult<bool> {
    if depth > 1000 {
        raise!(RecursionError, "maximum recursion depth exceeded in __subclasscheck__");
    }
    if let Some(items) = crate::seq::tuple_items(cls) {
        for x in items {
            if issubclass_one(ts, c, x, depth + 1)? {
                return Ok(true);
            }
        }
        return Ok(false);
    }
    if let Some(u) = cls.downcast::<crate::class::PyUnion>() {
        for x in ops::collect(ts, &u.args)? {
            if issubclass_one(ts, c, &x, depth + 1)? {
                return Ok(true);
            }
        }
        return Ok(false);
    }
    if cls.type_ref() != rt().types.type_ {
        if let Some(r) = ops::call_dunder(ts, cls, "__subclasscheck__", &[c.clone()])? {
            return ops::is_true(ts, &r);
        }
    }
    let Some(ct) = TypeRef::from_value(c) else { raise!(TypeError, "issubclass() arg 1 must be a class") };
    match TypeRef::from_value(cls) {
        Some(t) => Ok(ct.is_subtype(t)),
        None => raise!(TypeError, "issubclass() arg 2 must be a class, a tuple of classes, or a union"),
    }
}

fn builtin_issubclass(ts: &ThreadState, a: Args<'_>) -> PyResult {
    two("issubclass", &a)?;
    Ok(new_bool(issubclass_one(ts, &a.args[0], &a.args[1], 0)?))
}

fn min_max(ts: &ThreadState, a: Args<'_>, is_min: bool) -> PyResult {
    let name = if is_min { "min" } else { "max" };
    let mut key = None;
    let mut default = None;
    for (k, v) in a.kwargs() {
        match k {
            "key" => key = Some(v.clone()).filter(|x| !is_none(x)),
            "default" => default = Some(v.clone()),
            _ => raise!(TypeError, "{}() got an unexpected keyword argument '{}'", name, k),
        }
    }
    let pos = a.positional();
    let items = match pos.len() {
        0 => raise!(TypeError, "{} expected at least 1 argument, got 0", name),
        1 => ops::collect(ts, &pos[0])?,
        _ => {
            if default.is_some() {
                raise!(TypeError, "Cannot specify a default for {}() with multiple positional arguments", name);
            }
            pos.to_vec()
        }
    };
    let mut best: Option<(Value, Value)> = None;
    for it in items {
        let k = match &key {
            Some(f) => ops::call(ts, f, &[it.clone()])?,
            None => it.clone(),
        };
        best = Some(match best {
            None => (k, it),
            Some((bk, bv)) => {
                let better = ops::compare_bool(ts, &k, &bk, if is_min { CmpOp::Lt } else { CmpOp::Gt })?;
                if better { (k, it) } else { (bk, bv) }
            }
        });
    }
    match best {
        Some((_, v)) => Ok(v),
        None => match default {
            Some(d) => Ok(d),
            None => raise!(ValueError, "{}() iterable argument is empty", name),
        },
    }
}

/// A compensated (Neumaier) float accumulator, as `sum()` of floats uses since 3.12.
#[derive(Clone, Copy, Default)]
struct Compensated {
    sum: f64,
    comp: f64,
}

impl Compensated {
    fn add(&mut self, x: f64) {
        let t = self.sum + x;
        if self.sum.abs() >= x.abs() {
            self.comp += (self.sum - t) + x;
        } else {
            self.comp += (x - t) + self.sum;
        }
        self.sum = t;
    }
    fn value(self) -> f64 {
        if self.comp != 0.0 && self.comp.is_finite() { self.sum + self.comp } else { self.sum }
    }
}

/// The running total of `sum()`: an exact int, a compensated float or complex
/// while every item keeps that exact type, else any object.
enum SumAcc {
    Int(i64),
    Float(Compensated),
    Complex(Compensated, Compensated),
    Obj(Value),
}

impl SumAcc {
    fn from_value(v: Value) -> SumAcc {
        let r = rt();
        if v.is_small_int() {
            return v.as_small_int().map_or(SumAcc::Obj(v.clone()), SumAcc::Int);
        }
        if v.type_ref() == r.types.float {
            if let Some(f) = crate::num::float_value(&v) {
                return SumAcc::Float(Compensated { sum: f, comp: 0.0 });
            }
        }
        if v.type_ref() == r.types.complex {
            if let Some(c) = v.downcast::<crate::num::PyComplex>() {
                return SumAcc::Complex(Compensated { sum: c.re, comp: 0.0 }, Compensated { sum: c.im, comp: 0.0 });
            }
        }
        SumAcc::Obj(v)
    }
    fn into_value(self) -> Value {
        match self {
            SumAcc::Int(i) => new_int(i),
            SumAcc::Float(f) => crate::num::new_float(f.value()),
            SumAcc::Complex(re, im) => super::numbers::new_complex(spindle_num::Complex { re: re.value(), im: im.value() }),
            SumAcc::Obj(v) => v,
        }
    }
}

/// An item's value as a real number for the float and complex fast paths:
/// exact floats, and exact ints (or bools) that fit a machine word.
fn sum_real_item(v: &Value) -> Option<f64> {
    let r = rt();
    if v.type_ref() == r.types.float {
        return crate::num::float_value(v);
    }
    if v.type_ref() == r.types.int || v.type_ref() == r.types.bool_ {
        return crate::num::int_to_i64(v).map(|i| i as f64);
    }
    None
}

fn builtin_sum(ts: &ThreadState, a: Args<'_>) -> PyResult {
    let [it, start] = parse_args("sum", a, ["iterable", "start"], 1)?;
    let start = start.unwrap_or_else(|| new_int(0));
    if as_str(&start).is_some() {
        raise!(TypeError, "sum() can't sum strings [use ''.join(seq) instead]");
    }
    if start.downcast::<crate::bytes::PyBytes>().is_some() {
        raise!(TypeError, "sum() can't sum bytes [use b''.join(seq) instead]");
    }
    if start.downcast::<crate::bytes::PyByteArray>().is_some() {
        raise!(TypeError, "sum() can't sum bytearray [use b''.join(seq) instead]");
    }
    let iter = ops::iter(ts, &it.unwrap_or_else(none))?;
    let mut acc = SumAcc::from_value(start);
    while let Some(v) = ops::next(ts, &iter)? {
        acc = match acc {
            SumAcc::Int(x) => {
                let y = if v.type_ref() == rt().types.int || v.type_ref() == rt().types.bool_ {
                    crate::num::int_to_i64(&v)
                } else {
                    None
                };
                match y.and_then(|y| x.checked_add(y)) {
                    Some(z) => SumAcc::Int(z),
                    None => SumAcc::from_value(crate::arith::binary_op(ts, &new_int(x), &v, 0)?),
                }
            }
            SumAcc::Float(mut f) => match sum_real_item(&v) {
                Some(x) => {
                    f.add(x);
                    SumAcc::Float(f)
                }
                None => match SumAcc::from_value(crate::arith::binary_op(ts, &crate::num::new_float(f.value()), &v, 0)?) {
                    c @ SumAcc::Complex(..) => c,
                    other => SumAcc::Obj(other.into_value()),
                },
            },
            SumAcc::Complex(mut re, mut im) => {
                if let Some(x) = sum_real_item(&v) {
                    re.add(x);
                    SumAcc::Complex(re, im)
                } else if let Some(c) = v.downcast::<crate::num::PyComplex>().filter(|_| v.type_ref() == rt().types.complex) {
                    re.add(c.re);
                    im.add(c.im);
                    SumAcc::Complex(re, im)
                } else {
                    let cur = SumAcc::Complex(re, im).into_value();
                    SumAcc::Obj(crate::arith::binary_op(ts, &cur, &v, 0)?)
                }
            }
            SumAcc::Obj(o) => SumAcc::Obj(crate::arith::binary_op(ts, &o, &v, 0)?),
        };
    }
    Ok(acc.into_value())
}

fn builtin_sorted(ts: &ThreadState, a: Args<'_>) -> PyResult {
    let pos = a.positional();
    if pos.len() != 1 {
        raise!(TypeError, "sorted expected 1 argument, got {}", pos.len());
    }
    let items = ops::collect(ts, &pos[0])?;
    let l = new_list(items);
    let n = a.args.len() - a.kwnames.len();
    let mut args = vec![l.clone()];
    args.extend_from_slice(&a.args[n..]);
    let sort = ops::getattr_str(ts, &l, "sort")?;
    ops::call_args(ts, &sort, Args { args: &args[1..], kwnames: a.kwnames })?;
    Ok(l)
}

fn radix(ts: &ThreadState, a: Args<'_>, base: u32, prefix: &str) -> PyResult {
    let name = match base {
        16 => "hex",
        8 => "oct",
        _ => "bin",
    };
    one(name, &a)?;
    let i = ops::index(ts, &a.args[0])?;
    let Some(v) = super::numbers::to_int(&i) else { raise!(TypeError, "expected int") };
    let s = v.abs().to_radix_string(base);
    Ok(new_string(format!("{}{}{}", if v.is_negative() { "-" } else { "" }, prefix, s)))
}

fn binop_dunder(ts: &ThreadState, x: &Value, y: &Value, name: &'static str, rname: &'static str, sym: &str) -> PyResult {
    if let Some(r) = ops::call_dunder(ts, x, name, &[y.clone()])? {
        if !r.is(&rt().not_implemented) {
            return Ok(r);
        }
    }
    if let Some(r) = ops::call_dunder(ts, y, rname, &[x.clone()])? {
        if !r.is(&rt().not_implemented) {
            return Ok(r);
        }
    }
    raise!(TypeError, "unsupported operand type(s) for {}: '{}' and '{}'", sym, ops::type_name(x), ops::type_name(y))
}

fn builtin_locals(ts: &ThreadState, _a: Args<'_>) -> PyResult {
    let frames = ts.frames.borrow();
    let Some(fp) = frames.last() else { return Ok(new_dict()) };
    // SAFETY: live frame pointers are valid while registered.
    let f = unsafe { &**fp };
    if let Some(m) = &f.locals_map {
        return Ok(m.clone());
    }
    Ok(crate::frame::fast_locals(f))
}

fn exec_eval(ts: &ThreadState, a: Args<'_>, is_exec: bool) -> PyResult {
    let name = if is_exec { "exec" } else { "eval" };
    let [src, globals, locals] = parse_args(name, a, ["source", "globals", "locals"], 1)?;
    let src = src.unwrap_or_else(none);
    let globals = match globals.filter(|g| !is_none(g)) {
        Some(g) => {
            if g.downcast::<PyDict>().is_none() {
                if is_exec {
                    raise!(TypeError, "exec() globals must be a dict, not {}", ops::type_name(&g));
                }
                if g.type_ref().lookup("__getitem__").is_some() {
                    raise!(TypeError, "globals must be a real dict; try eval(expr, {{}}, mapping)");
                }
                raise!(TypeError, "globals must be a dict");
            }
            g
        }
        None => {
            let frames = ts.frames.borrow();
            match frames.last() {
                // SAFETY: live frame pointers are valid while registered.
                Some(f) => unsafe { &**f }.globals.clone(),
                None => new_dict(),
            }
        }
    };
    let locals = match locals.filter(|l| !is_none(l)) {
        Some(l) => Some(l),
        None => {
            let frames = ts.frames.borrow();
            // SAFETY: as above.
            let f = frames.last().map(|f| unsafe { &**f });
            match f {
                Some(f) if f.globals.is(&globals) => f.locals_map.clone().or_else(|| Some(globals.clone())),
                _ => Some(globals.clone()),
            }
        }
    };
    if let Some(g) = globals.downcast::<PyDict>() {
        if g.get_str("__builtins__").is_none() {
            // CPython inserts the builtins namespace (a dict), not the module.
            let b = crate::native::module_dict(&ts.interp.builtins).map_or_else(|| ts.interp.builtins.clone(), |_| {
                ops::getattr_str(ts, &ts.interp.builtins, "__dict__").unwrap_or_else(|_| ts.interp.builtins.clone())
            });
            g.set_str(new_str("__builtins__"), b);
        }
    }
    let code = if src.type_ref() == rt().types.code {
        src
    } else {
        let text = match as_str(&src) {
            Some(s) => s.to_owned(),
            None => match super::containers::bytes_data(&src) {
                Some(b) => String::from_utf8_lossy(&b).into_owned(),
                None => raise!(TypeError, "{}() arg 1 must be a string, bytes or code object", name),
            },
        };
        let text = if is_exec { text } else { text.trim_start_matches([' ', '\t']).to_owned() };
        crate::import::compile_source(ts, &text, "<string>", if is_exec { "exec" } else { "eval" })?
    };
    let r = crate::eval::run_code(ts, &code, &globals, locals.as_ref())?;
    Ok(if is_exec { none() } else { r })
}

fn builtin_compile(ts: &ThreadState, a: Args<'_>) -> PyResult {
    let [src, filename, mode, flags, _dont_inherit, optimize, _feature_version] = parse_args(
        "compile",
        a,
        ["source", "filename", "mode", "flags", "dont_inherit", "optimize", "_feature_version"],
        3,
    )?;
    let src = src.unwrap_or_else(none);
    let flag_bits = match &flags {
        Some(f) => crate::num::int_to_i64(f).unwrap_or(0),
        None => 0,
    };
    // PyCF_ONLY_AST, and AST objects as the source: the `_ast` module (in
    // spindle_stdlib) builds node objects from the parser's tree and
    // compiles a tree back (via ast.unparse).
    const PYCF_ONLY_AST: i64 = 0x400;
    let ast_mod = if flag_bits & PYCF_ONLY_AST != 0 || (as_str(&src).is_none() && super::containers::bytes_data(&src).is_none()) {
        Some(crate::import::import_module(ts, "_ast")?)
    } else {
        None
    };
    if let Some(m) = &ast_mod {
        let base = ops::getattr_str(ts, m, "AST")?;
        let filename_v = filename.clone().unwrap_or_else(none);
        let mode_v = mode.clone().unwrap_or_else(none);
        if isinstance_one(ts, &src, &base, 0)? {
            let f = ops::getattr_str(ts, m, "_compile_tree")?;
            let optimize = optimize.clone().unwrap_or_else(|| crate::num::new_int(-1));
            // A tree is complete by construction: codeop's incomplete-input
            // flags (0x200, 0x4000) do not apply to it.
            return ops::call(ts, &f, &[src, filename_v, mode_v, crate::num::new_int(flag_bits & !0x4200), optimize]);
        }
        // With codeop's incomplete-input flags the text takes the checks below.
        if flag_bits & PYCF_ONLY_AST != 0 && flag_bits & 0x4200 == 0 && (as_str(&src).is_some() || super::containers::bytes_data(&src).is_some()) {
            let f = ops::getattr_str(ts, m, "_parse")?;
            return ops::call(ts, &f, &[src, filename_v, mode_v]);
        }
    }
    let text = match as_str(&src) {
        Some(s) => s.to_owned(),
        None => match super::containers::bytes_data(&src) {
            Some(b) => String::from_utf8_lossy(&b).into_owned(),
            None => raise!(TypeError, "compile() arg 1 must be a string, bytes or AST object"),
        },
    };
    let filename = filename.map(|f| ops::str_string(ts, &f)).transpose()?.unwrap_or_default();
    let mode = mode.and_then(|m| as_str(&m).map(str::to_owned)).unwrap_or_default();
    if !["exec", "eval", "single"].contains(&mode.as_str()) {
        raise!(ValueError, "compile() mode must be 'exec', 'eval' or 'single'");
    }
    // codeop's flags: PyCF_DONT_IMPLY_DEDENT (an indented last line without
    // its newline leaves its block open) and PyCF_ALLOW_INCOMPLETE_INPUT
    // (input that more lines could complete raises _IncompleteInputError).
    const PYCF_DONT_IMPLY_DEDENT: i64 = 0x200;
    const PYCF_ALLOW_INCOMPLETE_INPUT: i64 = 0x4000;
    let syntax = |cls: TypeRef, msg: &str, line: i64| {
        let details = crate::seq::new_tuple(vec![new_str(&filename), new_int(line), new_int(0), none(), new_int(line), new_int(0)]);
        match ops::call(ts, &cls.to_value(), &[new_str(msg), details]) {
            Ok(v) => crate::error::PyErr(v),
            Err(e) => e,
        }
    };
    let incomplete = |line: i64| syntax(rt().exc._IncompleteInputError, "incomplete input", line);
    if flag_bits & PYCF_DONT_IMPLY_DEDENT != 0 && block_left_open(&text) {
        return Err(if flag_bits & PYCF_ALLOW_INCOMPLETE_INPUT != 0 {
            incomplete(text.lines().count() as i64)
        } else {
            syntax(rt().exc.SyntaxError, "invalid syntax", text.lines().count() as i64)
        });
    }
    let compiled = match &ast_mod {
        Some(m) if flag_bits & PYCF_ONLY_AST != 0 => {
            let f = ops::getattr_str(ts, m, "_parse")?;
            ops::call(ts, &f, &[src, new_str(&filename), new_str(&mode)])
        }
        _ => crate::import::compile_string(ts, &text, &filename, &mode),
    };
    match compiled {
        Err(e) if flag_bits & PYCF_ALLOW_INCOMPLETE_INPUT != 0 && e.is_instance(rt().exc.SyntaxError) => {
            let msg = ops::getattr_str(ts, e.value(), "msg").ok().and_then(|m| as_str(&m).map(str::to_owned)).unwrap_or_default();
            let line = ops::getattr_str(ts, e.value(), "lineno").ok().and_then(|l| crate::num::int_to_i64(&l)).unwrap_or(0);
            let lines = text.trim_end_matches(['\n', ' ', '\t']).lines().count() as i64;
            let wants_more = msg.starts_with("expected an indented block")
                || msg.starts_with("unterminated triple-quoted string")
                || msg.ends_with("was never closed")
                || msg == "unexpected EOF while parsing"
                || msg == "expected 'except' or 'finally' block"
                || line > lines;
            Err(if wants_more { incomplete(line) } else { e })
        }
        r => r,
    }
}

/// Without an implied dedent: the text does not end its last line, that
/// line is indented, and an earlier line opened a block (ends with ':').
fn block_left_open(text: &str) -> bool {
    if text.ends_with('\n') {
        return false;
    }
    let Some(last) = text.rsplit('\n').next() else { return false };
    if last.trim().is_empty() || !last.starts_with([' ', '\t']) {
        return false;
    }
    text.lines().any(|l| {
        let code = l.split('#').next().unwrap_or("");
        code.trim_end().ends_with(':')
    })
}

/// `ascii(x)`: repr with non-ASCII characters escaped.
pub fn ascii(ts: &ThreadState, v: &Value) -> PyResult {
    let r = ops::repr(ts, v)?;
    match crate::str::as_data(&r) {
        Some(d) if d.is_ascii() => Ok(r),
        Some(d) => {
            let mut out = String::with_capacity(d.len() + 8);
            for u in d.code_points() {
                match char::from_u32(u) {
                    Some(c) if u < 128 => out.push(c),
                    _ if u < 0x100 => out.push_str(&format!("\\x{u:02x}")),
                    _ if u < 0x10000 => out.push_str(&format!("\\u{u:04x}")),
                    _ => out.push_str(&format!("\\U{u:08x}")),
                }
            }
            Ok(new_string(out))
        }
        None => Ok(r),
    }
}

/// `format(value, spec)`.
pub fn format(ts: &ThreadState, v: &Value, spec: &Value) -> PyResult {
    if as_str(spec).is_none() {
        raise!(TypeError, "format() argument 2 must be str, not {}", ops::type_name(spec));
    }
    match ops::call_dunder(ts, v, "__format__", &[spec.clone()])? {
        Some(r) if as_str(&r).is_some() => Ok(r),
        Some(r) => raise!(TypeError, "__format__ must return a str, not {}", ops::type_name(&r)),
        None => raise!(TypeError, "Type {} doesn't define __format__", ops::type_name(v)),
    }
}

/// `int.__format__` / `float.__format__` / `complex.__format__`.
pub fn number_format(ts: &ThreadState, a: Args<'_>) -> PyResult {
    check_args("__format__", a, 1, 1)?;
    let Some(spec) = crate::str::as_data(&a.args[1]) else {
        raise!(TypeError, "__format__() argument must be str, not {}", ops::type_name(&a.args[1]))
    };
    let v = &a.args[0];
    if spec.is_empty() {
        return ops::str_(ts, v);
    }
    super::format::format_number_exact(ts, v, spec)
}

/// `str.__format__`.
pub fn str_format_spec(ts: &ThreadState, a: Args<'_>) -> PyResult {
    check_args("__format__", a, 1, 1)?;
    let Some(spec) = crate::str::as_data(&a.args[1]) else {
        raise!(TypeError, "__format__() argument must be str, not {}", ops::type_name(&a.args[1]))
    };
    super::format::format_str_obj(ts, &a.args[0], spec)
}

/// `str.format(*args, **kwargs)`. Works on code points: lone surrogates in
/// the format and in the fields' text are kept.
pub fn str_format_method(ts: &ThreadState, a: Args<'_>) -> PyResult {
    let Some(fmt) = a.args.first().and_then(crate::str::as_data) else {
        raise!(TypeError, "descriptor 'format' requires a 'str' object")
    };
    let fmt: Vec<u32> = fmt.code_points().collect();
    let pos = a.positional()[1..].to_vec();
    let kw = new_dict();
    let n = a.args.len() - a.kwnames.len();
    // The keyword names as given (exact str values, lone surrogates kept).
    for (k, v) in a.kwnames.iter().zip(&a.args[n..]) {
        super::dict_set(ts, &kw, k.clone(), v.clone())?;
    }
    let mut st = FormatState { pos: Some(&pos), kw: &kw, next_auto: 0, numbering: Numbering::Unknown };
    Ok(crate::str::new_data(vformat(ts, &fmt, &mut st, 2)?))
}

/// `str.format_map(mapping)`.
pub fn str_format_map(ts: &ThreadState, a: Args<'_>) -> PyResult {
    check_args("format_map", a, 1, 1)?;
    let Some(fmt) = crate::str::as_data(&a.args[0]) else {
        raise!(TypeError, "descriptor 'format_map' requires a 'str' object")
    };
    let fmt: Vec<u32> = fmt.code_points().collect();
    let mut st = FormatState { pos: None, kw: &a.args[1], next_auto: 0, numbering: Numbering::Unknown };
    Ok(crate::str::new_data(vformat(ts, &fmt, &mut st, 2)?))
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Numbering {
    Unknown,
    Auto,
    Manual,
}

/// The operands of one `str.format` call, shared by nested format specs.
struct FormatState<'a> {
    /// Positional operands; `None` for `format_map`.
    pos: Option<&'a [Value]>,
    kw: &'a Value,
    next_auto: usize,
    numbering: Numbering,
}

/// One replacement field: `{name!conv:spec}`, in code points.
struct Field {
    name: Vec<u32>,
    conv: Option<u32>,
    spec: Vec<u32>,
    spec_has_fields: bool,
}

/// The code point of an ASCII syntax character.
const fn cp(c: char) -> u32 {
    c as u32
}

/// A str value of code points from a format string.
fn str_of(cps: &[u32]) -> Value {
    crate::str::new_data(spindle_str::PyStrData::from_code_points(cps.iter().copied()).unwrap_or_default())
}

/// Reads the field after a `{` at `*i`, leaving `*i` after its closing `}`.
fn read_field(chars: &[u32], i: &mut usize) -> PyResult<Field> {
    let start = *i;
    let mut stop = None;
    while *i < chars.len() {
        let c = chars[*i];
        *i += 1;
        match char::from_u32(c).unwrap_or('\u{FFFD}') {
            '{' => raise!(ValueError, "unexpected '{{' in field name"),
            '[' => {
                while *i < chars.len() && chars[*i] != cp(']') {
                    *i += 1;
                }
            }
            c @ ('}' | ':' | '!') => {
                stop = Some(c);
                break;
            }
            _ => {}
        }
    }
    let name_end = if stop.is_some() { *i - 1 } else { *i };
    let mut field = Field { name: chars[start..name_end].to_vec(), conv: None, spec: Vec::new(), spec_has_fields: false };
    match stop {
        Some('}') => return Ok(field),
        Some('!') => {
            let Some(&c) = chars.get(*i) else { raise!(ValueError, "end of string while looking for conversion specifier") };
            field.conv = Some(c);
            *i += 1;
            if let Some(&c) = chars.get(*i) {
                *i += 1;
                if c == cp('}') {
                    return Ok(field);
                }
                if c != cp(':') {
                    raise!(ValueError, "expected ':' after conversion specifier");
                }
            }
        }
        Some(_) => {}
        None => raise!(ValueError, "expected '}}' before end of string"),
    }
    let spec_start = *i;
    let mut depth = 1;
    while *i < chars.len() {
        let c = chars[*i];
        *i += 1;
        if c == cp('{') {
            field.spec_has_fields = true;
            depth += 1;
        } else if c == cp('}') {
            depth -= 1;
            if depth == 0 {
                field.spec = chars[spec_start..*i - 1].to_vec();
                return Ok(field);
            }
        }
    }
    raise!(ValueError, "unmatched '{{' in format spec")
}

/// A decimal field index, as `str.format` reads one: `None` if `s` is not all digits.
fn field_index(s: &[u32]) -> PyResult<Option<usize>> {
    if s.is_empty() || !s.iter().all(|c| (cp('0')..=cp('9')).contains(c)) {
        return Ok(None);
    }
    let mut n: usize = 0;
    for c in s {
        let d = (c - cp('0')) as usize;
        match n.checked_mul(10).and_then(|n| n.checked_add(d)).filter(|&n| n <= isize::MAX as usize) {
            Some(v) => n = v,
            None => raise!(ValueError, "Too many decimal digits in format string"),
        }
    }
    Ok(Some(n))
}

/// Looks up a field name (`first.attr[key]...`) against the call's operands.
fn resolve_field(ts: &ThreadState, name: &[u32], st: &mut FormatState<'_>) -> PyResult {
    let first_end = name.iter().position(|&c| c == cp('.') || c == cp('[')).unwrap_or(name.len());
    let first = &name[..first_end];
    let index = if first.is_empty() {
        if st.numbering == Numbering::Manual {
            raise!(ValueError, "cannot switch from manual field specification to automatic field numbering");
        }
        st.numbering = Numbering::Auto;
        st.next_auto += 1;
        Some(st.next_auto - 1)
    } else {
        let n = field_index(first)?;
        if n.is_some() {
            if st.numbering == Numbering::Auto {
                raise!(ValueError, "cannot switch from automatic field numbering to manual field specification");
            }
            st.numbering = Numbering::Manual;
        }
        n
    };
    let mut val = match index {
        Some(n) => {
            let Some(pos) = st.pos else { raise!(ValueError, "Format string contains positional fields") };
            match pos.get(n) {
                Some(v) => v.clone(),
                None => raise!(IndexError, "Replacement index {} out of range for positional args tuple", n),
            }
        }
        None => ops::getitem(ts, st.kw, &str_of(first))?,
    };
    let mut i = first_end;
    while i < name.len() {
        let c = name[i];
        i += 1;
        let start = i;
        if c == cp('.') {
            while i < name.len() && name[i] != cp('.') && name[i] != cp('[') {
                i += 1;
            }
            if i == start {
                raise!(ValueError, "Empty attribute in format string");
            }
            val = ops::getattr(ts, &val, &str_of(&name[start..i]))?;
        } else if c == cp('[') {
            while i < name.len() && name[i] != cp(']') {
                i += 1;
            }
            if i >= name.len() {
                raise!(ValueError, "Missing ']' in format string");
            }
            if i == start {
                raise!(ValueError, "Empty attribute in format string");
            }
            let key_chars = &name[start..i];
            i += 1;
            if i < name.len() && name[i] != cp('.') && name[i] != cp('[') {
                raise!(ValueError, "Only '.' or '[' may follow ']' in format field specifier");
            }
            let key = match field_index(key_chars)? {
                Some(n) => new_int(n as i64),
                None => str_of(key_chars),
            };
            val = ops::getitem(ts, &val, &key)?;
        } else {
            raise!(ValueError, "Only '.' or '[' may follow ']' in format field specifier");
        }
    }
    Ok(val)
}

fn vformat(ts: &ThreadState, chars: &[u32], st: &mut FormatState<'_>, depth: u32) -> PyResult<spindle_str::PyStrData> {
    if depth == 0 {
        raise!(ValueError, "Max string recursion exceeded");
    }
    let mut out = spindle_str::StrBuilder::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        i += 1;
        if c != cp('{') && c != cp('}') {
            out.push(c);
            continue;
        }
        if chars.get(i) == Some(&c) {
            out.push(c);
            i += 1;
            continue;
        }
        if c == cp('}') {
            raise!(ValueError, "Single '}}' encountered in format string");
        }
        if i >= chars.len() {
            raise!(ValueError, "Single '{{' encountered in format string");
        }
        let field = read_field(chars, &mut i)?;
        let val = resolve_field(ts, &field.name, st)?;
        let val = match field.conv.map(|c| (c, char::from_u32(c))) {
            None => val,
            Some((_, Some('s'))) => ops::str_(ts, &val)?,
            Some((_, Some('r'))) => ops::repr(ts, &val)?,
            Some((_, Some('a'))) => ascii(ts, &val)?,
            Some((_, Some(c))) if ('!'..='~').contains(&c) => raise!(ValueError, "Unknown conversion specifier {}", c),
            Some((c, _)) => raise!(ValueError, "Unknown conversion specifier \\x{:x}", c),
        };
        let spec = if field.spec_has_fields {
            crate::str::new_data(vformat(ts, &field.spec, st, depth - 1)?)
        } else {
            str_of(&field.spec)
        };
        let r = format(ts, &val, &spec)?;
        if let Some(d) = crate::str::as_data(&r) {
            out.push_str(d);
        }
    }
    Ok(out.finish())
}

/// `fmt % args` for str.
pub fn percent_format(ts: &ThreadState, fmt: &spindle_str::PyStrData, args: &Value) -> PyResult {
    crate::builtins_init::sysmod::percent_format_impl(ts, fmt, args)
}
