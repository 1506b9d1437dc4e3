//! The builtin types' methods and the `builtins`/`sys` modules, registered
//! into the type dicts at runtime start (one table per type, one file per
//! family), plus small helpers the interpreter uses to build and inspect
//! builtin objects.

pub mod bytes_type;
pub mod codecs;
pub mod docs;
pub mod containers;
pub mod exceptions;
pub mod format;
pub mod functions;
pub mod numbers;
pub mod object_type;
pub mod instance_attrs;
pub mod strings;
pub mod signatures;
pub mod sysmod;

use num_bigint::BigInt;

use crate::dict::PyDict;
use crate::error::{PyErr, PyResult};
use crate::function::{Args, NativeFnPtr, new_method_descriptor};
use crate::interp::ThreadState;
use crate::object::TypeRef;
use crate::ops;
use crate::runtime::{Runtime, none, rt};
use crate::str::{as_str, new_str};
use crate::value::Value;
use crate::{err, raise};

pub use containers::{
    builtin_iter_step, dict_merge_kwargs, dict_set, dict_update, iter_next, mapping_items, new_frozenset_from, new_set, new_slice,
    seq_iter, set_add,
};
pub use exceptions::{add_note, exception_group_match, exception_matches, format_syntax_error, prep_reraise_star};
pub use functions::{ascii, format};
pub use object_type::{builtin_attr, builtin_setattr, generic_alias, getset_store, make_union, object_new_raw};
pub use sysmod::{flush_std_streams, is_tty, make_stream_type, new_fd_stream, source_line, sys_attr, write_stderr, write_stdout};
pub use functions::fill_builtins;

/// Registers `methods` as method descriptors in `ty`'s dict.
pub fn add_methods(ty: TypeRef, methods: &[(&'static str, NativeFnPtr)]) {
    let d = ty.data().dict_data();
    for (name, f) in methods {
        d.set_str(crate::str::intern(name), new_method_descriptor(ty, name, *f));
    }
}

/// Registers a static function (like `__new__`) or a plain value.
pub(crate) fn add_value(ty: TypeRef, name: &str, v: Value) {
    ty.data().dict_data().set_str(crate::str::intern(name), v);
}

pub fn add_new(ty: TypeRef, f: NativeFnPtr) {
    let nf = crate::function::new_native("__new__", f);
    add_value(ty, "__new__", nf);
    let _ = ty.data().new_fn.set(f);
}

pub(crate) fn init_type_dicts(r: &Runtime) {
    let mut all = r.types.all();
    all.extend(r.exc.all().into_iter().map(|(_, t)| t));
    for t in &all {
        let _ = t.data().dict.set(crate::object::alloc_immortal(r.types.dict, PyDict::new()));
        add_value(*t, "__module__", crate::str::intern("builtins"));
        let doc = docs::type_doc(&t.name()).map(new_str).unwrap_or_else(none);
        add_value(*t, "__doc__", doc);
    }
    // `int | str` is a `typing.Union` (3.14).
    add_value(r.types.union, "__module__", crate::str::intern("typing"));
    object_type::init(r);
    numbers::init(r);
    strings::init(r);
    containers::init(r);
    exceptions::init(r);
    codecs::init(r);
    functions::init_types(r);
    crate::generator::init(r);
    crate::memoryview::init();
    crate::code::init(r);
}

pub fn new_dict() -> Value {
    crate::object::alloc_with(rt().types.dict, PyDict::new)
}

pub fn name_error(name: &str) -> PyErr {
    let e = err!(NameError, "name '{}' is not defined", name);
    if let Some(ex) = e.0.downcast::<crate::exceptions::PyBaseException>() {
        let _ = ex;
    }
    let _ = ops::setattr_silent(&e.0, "name", new_str(name));
    e
}

pub fn hash_int_small(i: i64) -> i64 {
    const MODULUS: i64 = (1 << 61) - 1;
    let h = if i >= 0 { i % MODULUS } else { -((-(i as i128) % MODULUS as i128) as i64) };
    crate::str::fix_hash(h)
}

pub fn hash_bigint(b: &BigInt) -> i64 {
    let modulus = BigInt::from((1i64 << 61) - 1);
    let neg = b.sign() == num_bigint::Sign::Minus;
    let m: BigInt = if neg { -b } else { b.clone() } % &modulus;
    let v = i64::try_from(&m).unwrap_or(0);
    crate::str::fix_hash(if neg { -v } else { v })
}

pub fn hash_float(f: f64) -> i64 {
    if f.is_nan() {
        return 0;
    }
    if f.is_infinite() {
        return if f > 0.0 { 314_159 } else { -314_159 };
    }
    if f.fract() == 0.0 && f.abs() < 9.2e18 {
        return hash_int_small(f as i64);
    }
    // Exact rational hash: m * 2**e mod (2**61 - 1).
    const BITS: u32 = 61;
    const MODULUS: u64 = (1 << BITS) - 1;
    let (mut m, mut e) = frexp(f.abs());
    let mut x: u64 = 0;
    while m != 0.0 {
        x = ((x << 28) & MODULUS) | (x >> (BITS - 28));
        m *= 268_435_456.0;
        e -= 28;
        let y = m as u64;
        m -= y as f64;
        x += y;
        if x >= MODULUS {
            x -= MODULUS;
        }
    }
    let e = if e >= 0 { (e as u32) % BITS } else { BITS - 1 - (((-1 - e) as u32) % BITS) };
    x = ((x << e) & MODULUS) | (x >> (BITS - e));
    let h = x as i64;
    crate::str::fix_hash(if f < 0.0 { -h } else { h })
}

fn frexp(f: f64) -> (f64, i32) {
    if f == 0.0 || !f.is_finite() {
        return (f, 0);
    }
    let bits = f.to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i32;
    if exp == 0 {
        let (m, e) = frexp(f * 2f64.powi(64));
        return (m, e - 64);
    }
    let m = f64::from_bits((bits & !(0x7ff << 52)) | (1022 << 52));
    (m, exp - 1022)
}

/// Parses a fixed-arity argument list: positional-or-keyword parameters named
/// `names`, the first `required` of them mandatory.
pub fn parse_args<const N: usize>(
    fname: &str,
    args: Args<'_>,
    names: [&str; N],
    required: usize,
) -> PyResult<[Option<Value>; N]> {
    let mut out: [Option<Value>; N] = std::array::from_fn(|_| None);
    let pos = args.positional();
    // A method's `self` (a constructor's `cls`) is not counted in messages.
    let implicit = usize::from(matches!(names.first(), Some(&"self" | &"cls")));
    if pos.len() > N {
        let (most, given) = (N - implicit, pos.len() - implicit);
        if most == 0 {
            raise!(TypeError, "{}() takes no arguments ({} given)", fname, given);
        }
        raise!(TypeError, "{}() takes at most {} argument{} ({} given)", fname, most, if most == 1 { "" } else { "s" }, given);
    }
    for (i, v) in pos.iter().enumerate() {
        out[i] = Some(v.clone());
    }
    for (k, v) in args.kwargs() {
        match names.iter().position(|n| *n == k) {
            Some(i) => {
                if out[i].is_some() {
                    raise!(TypeError, "argument for {}() given by name ('{}') and position ({})", fname, k, i + 1);
                }
                out[i] = Some(v.clone());
            }
            None => raise!(TypeError, "{}() got an unexpected keyword argument '{}'", fname, k),
        }
    }
    for (i, o) in out.iter().enumerate().take(required) {
        if o.is_none() {
            if pos.len() < required && args.kwnames.is_empty() {
                if required == N && N == 1 {
                    raise!(TypeError, "{}() takes exactly one argument ({} given)", fname, pos.len());
                }
                raise!(
                    TypeError,
                    "{}() missing required argument '{}' (pos {})",
                    fname,
                    names[i],
                    i + 1 - implicit
                );
            }
            raise!(TypeError, "{}() missing required argument '{}' (pos {})", fname, names[i], i + 1 - implicit);
        }
    }
    Ok(out)
}

/// A method's name as CPython words it in arity errors: qualified by the
/// builtin class that defines it on `self`'s type (`list.append`).
#[cold]
fn method_qualname(fname: &str, args: Args<'_>) -> String {
    let Some(this) = args.args.first() else { return fname.to_owned() };
    for t in this.type_ref().mro() {
        if let Some(d) = t.data().dict_data().get_str(fname) {
            if let Some(f) = d.downcast::<crate::function::NativeFunction>().filter(|f| f.is_method()) {
                return f.qualname.clone();
            }
            break;
        }
    }
    fname.to_owned()
}

/// Checks a method got no keyword arguments and between `min` and `max` positionals (self excluded).
pub fn check_args(fname: &str, args: Args<'_>, min: usize, max: usize) -> PyResult<()> {
    if args.has_kwargs() {
        raise!(TypeError, "{}() takes no keyword arguments", method_qualname(fname, args));
    }
    let n = args.args.len().saturating_sub(1);
    if n < min || n > max {
        if min == max {
            if min == 0 {
                raise!(TypeError, "{}() takes no arguments ({} given)", method_qualname(fname, args), n);
            }
            if min == 1 {
                raise!(TypeError, "{}() takes exactly one argument ({} given)", method_qualname(fname, args), n);
            }
            raise!(TypeError, "{} expected {} arguments, got {}", fname, min, n);
        }
        if n < min {
            raise!(TypeError, "{} expected at least {} argument{}, got {}", fname, min, if min == 1 { "" } else { "s" }, n);
        }
        raise!(TypeError, "{} expected at most {} argument{}, got {}", fname, max, if max == 1 { "" } else { "s" }, n);
    }
    Ok(())
}

/// `self` of a method call, downcast to the payload of the method's class.
/// Calls through the method descriptor have had `self`'s class checked
/// (`NativeFunction::call_unbound`, with CPython's message naming the
/// method); this refuses what else may reach the function.
pub fn this<'a, T: crate::object::PyPayload>(args: &'a Args<'_>, tyname: &str) -> PyResult<&'a T> {
    match args.args.first().and_then(|v| v.downcast::<T>()) {
        Some(t) => Ok(t),
        None => {
            let got = args.args.first().map(ops::type_name).unwrap_or_else(|| "nothing".into());
            Err(err!(TypeError, "a '{}' method needs a '{}' object, not '{}'", tyname, tyname, got))
        }
    }
}

pub fn str_arg<'a>(v: &'a Value, fname: &str, what: &str) -> PyResult<&'a str> {
    match as_str(v) {
        Some(s) => Ok(s),
        None => Err(err!(TypeError, "{}() argument {} must be str, not {}", fname, what, ops::type_name(v))),
    }
}

/// The module holding Spindle's Template/Interpolation classes (created once).
fn templatelib(ts: &ThreadState) -> PyResult {
    if let Some(m) = ts.interp.modules.downcast::<PyDict>().and_then(|d| d.get_str("_spindle_templatelib")) {
        return Ok(m);
    }
    let m = crate::import::new_module("_spindle_templatelib");
    let code = crate::import::compile_source(ts, include_str!("../py/templatelib.py"), "<spindle templatelib>", "exec")?;
    let g = m.downcast::<crate::cell::PyModule>().map(|p| p.dict.clone()).unwrap_or_else(none);
    if let Some(d) = g.downcast::<PyDict>() {
        d.set_str(new_str("__builtins__"), ts.interp.builtins.clone());
    }
    crate::eval::run_code(ts, &code, &g, None)?;
    if let Some(d) = ts.interp.modules.downcast::<PyDict>() {
        d.set_str(new_str("_spindle_templatelib"), m.clone());
    }
    Ok(m)
}

/// `BUILD_TEMPLATE` / `BUILD_INTERPOLATION` (t-strings, PEP 750).
pub fn build_template(ts: &ThreadState, f: &mut crate::eval::Frame, op: spindle_bytecode::Opcode, arg: u32) -> PyResult {
    let m = templatelib(ts)?;
    let pop = |f: &mut crate::eval::Frame| f.stack.pop().flatten().unwrap_or_else(none);
    if op == spindle_bytecode::Opcode::BuildTemplate {
        let interps = pop(f);
        let strings = pop(f);
        let b = ops::getattr_str(ts, &m, "_build")?;
        return ops::call(ts, &b, &[strings, interps]);
    }
    let spec = if arg & 1 == 1 { pop(f) } else { new_str("") };
    let expr = pop(f);
    let value = pop(f);
    let conv = match arg >> 2 {
        1 => new_str("s"),
        2 => new_str("r"),
        3 => new_str("a"),
        _ => none(),
    };
    let cls = ops::getattr_str(ts, &m, "Interpolation")?;
    ops::call(ts, &cls, &[value, expr, conv, spec])
}

pub fn typing_intrinsic1(ts: &ThreadState, code: u32, v: Value) -> PyResult {
    let typing = crate::import::import_module(ts, "typing")?;
    let name = match code {
        7 => "TypeVar",
        8 => "ParamSpec",
        9 => "TypeVarTuple",
        10 => {
            // `Generic[*params]`: a TypeVarTuple goes in unpacked (`*Ts`).
            let g = ops::getattr_str(ts, &typing, "Generic")?;
            let tvt = ops::getattr_str(ts, &typing, "TypeVarTuple")?;
            let mut items = Vec::new();
            for p in crate::seq::tuple_items(&v).map(<[Value]>::to_vec).unwrap_or_default() {
                if TypeRef::from_value(&tvt).is_some_and(|t| ops::isinstance_type(&p, t)) {
                    let it = ops::iter(ts, &p)?;
                    items.extend(ops::next(ts, &it)?);
                } else {
                    items.push(p);
                }
            }
            return ops::getitem(ts, &g, &crate::seq::new_tuple(items));
        }
        _ => {
            let items = crate::seq::tuple_items(&v).map(<[Value]>::to_vec).unwrap_or_default();
            let ta = ops::getattr_str(ts, &typing, "TypeAliasType")?;
            let name = items.first().cloned().unwrap_or_else(none);
            let params = items.get(1).cloned().unwrap_or_else(none);
            let func = items.get(2).cloned().unwrap_or_else(none);
            let params = if crate::runtime::is_none(&params) { crate::seq::new_tuple(vec![]) } else { params };
            // The value is evaluated lazily, on first `__value__` (PEP 695);
            // the alias belongs to the module running the `type` statement.
            let sys = crate::import::import_module(ts, "sys")?;
            let frame = ops::call(ts, &ops::getattr_str(ts, &sys, "_getframe")?, &[crate::num::new_int(0)])?;
            let globals = ops::getattr_str(ts, &frame, "f_globals")?;
            let module = globals.downcast::<crate::dict::PyDict>().and_then(|d| d.get_str("__name__")).unwrap_or_else(none);
            let lazy = ops::getattr_str(ts, &ta, "_lazy")?;
            return ops::call(ts, &lazy, &[name, func, params, module]);
        }
    };
    let cls = ops::getattr_str(ts, &typing, name)?;
    if code == 9 {
        return ops::call(ts, &cls, &[v]);
    }
    // PEP 695 type parameters infer their variance.
    let kwn = [new_str("infer_variance")];
    ops::call_args(ts, &cls, Args { args: &[v, crate::num::new_bool(true)], kwnames: &kwn })
}

pub fn typing_intrinsic2(ts: &ThreadState, code: u32, a: Value, b: Value) -> PyResult {
    let typing = crate::import::import_module(ts, "typing")?;
    // `b` is the compiler's evaluation function of the bound, constraints or
    // default; as CPython, it runs when the attribute is first read.
    match code {
        2 | 3 => {
            let tv = ops::getattr_str(ts, &typing, "TypeVar")?;
            let make = ops::getattr_str(ts, &tv, "_pep695")?;
            let kwn = [new_str(if code == 2 { "evaluate_bound" } else { "evaluate_constraints" })];
            ops::call_args(ts, &make, Args { args: &[a, b], kwnames: &kwn })
        }
        _ => {
            ops::setattr(ts, &a, &new_str("_evaluate_default"), Some(b))?;
            Ok(a)
        }
    }
}

pub fn is_mapping_for_match(ts: &ThreadState, v: &Value) -> PyResult<bool> {
    let t = v.type_ref();
    let r = rt();
    if t.is_subtype(r.types.dict) {
        return Ok(true);
    }
    if t.is_subtype(r.types.list) || t.is_subtype(r.types.tuple) || t.is_subtype(r.types.str) {
        return Ok(false);
    }
    abc_check(ts, v, "Mapping")
}

pub fn is_sequence_for_match(ts: &ThreadState, v: &Value) -> PyResult<bool> {
    let t = v.type_ref();
    let r = rt();
    if t.is_subtype(r.types.list) || t.is_subtype(r.types.tuple) || t.is_subtype(r.types.range) {
        return Ok(true);
    }
    if t.is_subtype(r.types.str) || t.is_subtype(r.types.bytes) || t.is_subtype(r.types.bytearray) || t.is_subtype(r.types.dict) {
        return Ok(false);
    }
    if t.flags() & crate::types::type_flags::SEQUENCE != 0 {
        return Ok(true);
    }
    if t.is_heap() {
        return abc_check(ts, v, "Sequence");
    }
    Ok(false)
}

fn abc_check(ts: &ThreadState, v: &Value, name: &str) -> PyResult<bool> {
    if !v.type_ref().is_heap() {
        return Ok(false);
    }
    let abc = match crate::import::import_module(ts, "collections.abc") {
        Ok(m) => m,
        Err(_) => return Ok(false),
    };
    let cls = ops::getattr_str(ts, &abc, name)?;
    let r = ops::call(ts, &load_builtin(ts, "isinstance")?, &[v.clone(), cls])?;
    ops::is_true(ts, &r)
}

pub fn load_builtin(ts: &ThreadState, name: &str) -> PyResult {
    match ts.interp.builtins_dict.downcast::<PyDict>().and_then(|d| d.get_str(name)) {
        Some(v) => Ok(v),
        None => raise!(NameError, "name '{}' is not defined", name),
    }
}

/// A `types.SimpleNamespace` whose attributes are the items of `d`.
pub fn simple_namespace(d: Value) -> Value {
    let o = crate::object::alloc(rt().types.simple_namespace, crate::cell::Empty);
    if let Some(e) = crate::object::ext(&o) {
        e.dict.set(Some(d));
    }
    o
}

/// A struct-sequence (like `sys.version_info`): a tuple subclass whose items
/// are also readable by field name.
pub fn named_tuple_like(ts: &ThreadState, name: &str, fields: &[&str], values: Value) -> PyResult {
    let (module, short) = name.rsplit_once('.').unwrap_or(("builtins", name));
    let ns = new_dict();
    let nsd = ns.downcast::<PyDict>().ok_or_else(|| err!(SystemError, "namespace"))?;
    nsd.set_str(new_str("_fields"), crate::seq::new_tuple(fields.iter().map(|f| new_str(f)).collect()));
    nsd.set_str(new_str("n_fields"), crate::num::new_int(fields.len() as i64));
    nsd.set_str(new_str("__module__"), new_str(module));
    let bases = crate::seq::new_tuple(vec![rt().types.tuple.to_value()]);
    let cls = crate::class::type_new(ts, rt().types.type_, &new_str(short), &bases, &ns, Args::new(&[]))?;
    let items = crate::seq::tuple_items(&values).map(<[Value]>::to_vec).unwrap_or_default();
    let ct = TypeRef::from_value(&cls).ok_or_else(|| err!(SystemError, "structseq"))?;
    // Method descriptors, so that instances bind as `self`.
    let d = ct.data().dict_data();
    d.set_str(new_str("__getattr__"), crate::function::new_method_descriptor(ct, "__getattr__", structseq_getattr));
    d.set_str(new_str("__repr__"), crate::function::new_method_descriptor(ct, "__repr__", structseq_repr));
    Ok(crate::object::alloc(ct, crate::seq::PyTuple { items: items.into_boxed_slice() }))
}

fn structseq_fields(v: &Value) -> Vec<String> {
    v.type_ref()
        .lookup_static("_fields")
        .and_then(|f| crate::seq::tuple_items(&f).map(|t| t.iter().filter_map(|x| as_str(x).map(str::to_owned)).collect()))
        .unwrap_or_default()
}

fn structseq_getattr(_ts: &ThreadState, a: Args<'_>) -> PyResult {
    let (Some(o), Some(n)) = (a.args.first(), a.args.get(1).and_then(as_str)) else { raise!(TypeError, "bad call") };
    let fields = structseq_fields(o);
    if let Some(i) = fields.iter().position(|f| f == n) {
        if let Some(v) = crate::seq::tuple_items(o).and_then(|t| t.get(i)) {
            return Ok(v.clone());
        }
    }
    Err(ops::attribute_error(o, n))
}

fn structseq_repr(ts: &ThreadState, a: Args<'_>) -> PyResult {
    let Some(o) = a.args.first() else { raise!(TypeError, "bad call") };
    let fields = structseq_fields(o);
    let items = crate::seq::tuple_items(o).map(<[Value]>::to_vec).unwrap_or_default();
    let t = o.type_ref();
    let module = t.data().dict_data().get_str("__module__").and_then(|m| as_str(&m).map(str::to_owned)).unwrap_or_default();
    let mut s = format!("{module}.{}(", t.name());
    for (i, (f, v)) in fields.iter().zip(items.iter()).enumerate() {
        if i > 0 {
            s.push_str(", ");
        }
        s.push_str(&format!("{f}={}", ops::repr_string(ts, v)?));
    }
    s.push(')');
    Ok(new_str(&s))
}

