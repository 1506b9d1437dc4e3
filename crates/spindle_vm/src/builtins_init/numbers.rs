//! `int`, `bool`, `float` and `complex` methods, on `spindle_num`'s Python
//! numeric semantics.

use spindle_num::{Complex, ErrorKind, FloatPow, Int, IntPow, NumError};

use super::{add_methods, add_new};
use crate::error::{PyErr, PyResult};
use crate::function::Args;
use crate::interp::ThreadState;
use crate::num::{PyComplex, PyFloat, PyInt, new_bool, new_float, new_int};
use crate::object::{TypeRef, alloc};
use crate::ops::{self, CmpOp};
use crate::runtime::{Runtime, is_none, none, rt};
use crate::str::{as_str, new_str};
use crate::value::Value;
use crate::{err, raise};

pub fn num_err(e: NumError) -> PyErr {
    let r = rt();
    let t = match e.kind {
        ErrorKind::ZeroDivision => r.exc.ZeroDivisionError,
        ErrorKind::Overflow => r.exc.OverflowError,
        ErrorKind::Value => r.exc.ValueError,
        ErrorKind::Type => r.exc.TypeError,
        ErrorKind::Memory => return PyErr::bare(r.exc.MemoryError),
    };
    if e.is_errno_range() {
        return PyErr(crate::exceptions::new_exception(t, vec![new_int(34), new_str("Numerical result out of range")]));
    }
    PyErr::new(t, e.msg.into_owned())
}

/// The Int value of an int object (small, big, bool, subclass).
pub fn to_int(v: &Value) -> Option<Int> {
    if let Some(i) = v.as_small_int() {
        return Some(Int::Small(i));
    }
    v.downcast::<PyInt>().map(|p| p.value.clone())
}

pub fn from_int(i: Int) -> Value {
    crate::num::new_int_from(i)
}

fn to_f64_coerce(v: &Value) -> PyResult<Option<f64>> {
    if let Some(f) = v.downcast::<PyFloat>() {
        return Ok(Some(f.value));
    }
    match to_int(v) {
        Some(i) => i.to_f64().map(Some).map_err(num_err),
        None => Ok(None),
    }
}

pub(super) fn init(r: &Runtime) {
    let i = r.types.int;
    add_new(i, int_new);
    add_methods(
        i,
        &[
            ("__add__", |ts, a| int_bin(ts, a, 0, false)),
            ("__radd__", |ts, a| int_bin(ts, a, 0, true)),
            ("__sub__", |ts, a| int_bin(ts, a, 10, false)),
            ("__rsub__", |ts, a| int_bin(ts, a, 10, true)),
            ("__mul__", |ts, a| int_bin(ts, a, 5, false)),
            ("__rmul__", |ts, a| int_bin(ts, a, 5, true)),
            ("__floordiv__", |ts, a| int_bin(ts, a, 2, false)),
            ("__rfloordiv__", |ts, a| int_bin(ts, a, 2, true)),
            ("__mod__", |ts, a| int_bin(ts, a, 6, false)),
            ("__rmod__", |ts, a| int_bin(ts, a, 6, true)),
            ("__truediv__", |ts, a| int_bin(ts, a, 11, false)),
            ("__rtruediv__", |ts, a| int_bin(ts, a, 11, true)),
            ("__lshift__", |ts, a| int_bin(ts, a, 3, false)),
            ("__rlshift__", |ts, a| int_bin(ts, a, 3, true)),
            ("__rshift__", |ts, a| int_bin(ts, a, 9, false)),
            ("__rrshift__", |ts, a| int_bin(ts, a, 9, true)),
            ("__and__", |ts, a| int_bin(ts, a, 1, false)),
            ("__rand__", |ts, a| int_bin(ts, a, 1, true)),
            ("__or__", |ts, a| int_bin(ts, a, 7, false)),
            ("__ror__", |ts, a| int_bin(ts, a, 7, true)),
            ("__xor__", |ts, a| int_bin(ts, a, 12, false)),
            ("__rxor__", |ts, a| int_bin(ts, a, 12, true)),
            ("__divmod__", |ts, a| int_bin(ts, a, 100, false)),
            ("__rdivmod__", |ts, a| int_bin(ts, a, 100, true)),
            ("__pow__", int_pow),
            ("__rpow__", int_rpow),
            ("__neg__", |_, a| Ok(from_int(self_int(&a)?.neg()))),
            ("__pos__", |_, a| Ok(from_int(self_int(&a)?))),
            ("__abs__", |_, a| Ok(from_int(self_int(&a)?.abs()))),
            ("__invert__", |_, a| Ok(from_int(self_int(&a)?.invert()))),
            ("__bool__", |_, a| Ok(new_bool(!self_int(&a)?.is_zero()))),
            ("__int__", |_, a| Ok(from_int(self_int(&a)?))),
            ("__index__", |_, a| Ok(from_int(self_int(&a)?))),
            ("__trunc__", |_, a| Ok(from_int(self_int(&a)?))),
            ("__floor__", |_, a| Ok(from_int(self_int(&a)?))),
            ("__ceil__", |_, a| Ok(from_int(self_int(&a)?))),
            ("conjugate", |_, a| Ok(from_int(self_int(&a)?))),
            ("__float__", |_, a| self_int(&a)?.to_f64().map(new_float).map_err(num_err)),
            ("__hash__", |_, a| Ok(new_int(spindle_num::hash_int(&self_int(&a)?)))),
            ("__repr__", int_repr),
            ("__eq__", |ts, a| int_cmp(ts, a, CmpOp::Eq)),
            ("__ne__", |ts, a| int_cmp(ts, a, CmpOp::Ne)),
            ("__lt__", |ts, a| int_cmp(ts, a, CmpOp::Lt)),
            ("__le__", |ts, a| int_cmp(ts, a, CmpOp::Le)),
            ("__gt__", |ts, a| int_cmp(ts, a, CmpOp::Gt)),
            ("__ge__", |ts, a| int_cmp(ts, a, CmpOp::Ge)),
            ("bit_length", |_, a| Ok(new_int(self_int(&a)?.bit_length() as i64))),
            ("bit_count", |_, a| Ok(new_int(self_int(&a)?.bit_count() as i64))),
            ("is_integer", |_, _a| Ok(new_bool(true))),
            ("as_integer_ratio", |_, a| Ok(crate::seq::new_tuple(vec![from_int(self_int(&a)?), new_int(1)]))),
            ("__round__", int_round),
            ("to_bytes", int_to_bytes),
            ("__getnewargs__", |_, a| Ok(crate::seq::new_tuple(vec![from_int(self_int(&a)?)]))),
            ("__format__", crate::builtins_init::functions::number_format),
            ("__sizeof__", |_, _a| Ok(new_int(28))),
        ],
    );
    super::add_value(i, "from_bytes", alloc(r.types.classmethod_descriptor, crate::function::PyWrapper {
        func: crate::function::WrappedFunc::new(crate::function::new_method_descriptor(i, "from_bytes", int_from_bytes)),
        dict: parking_lot::Mutex::new(None),
    }));
    add_methods(r.types.bool_, &[("__repr__", bool_repr), ("__and__", bool_and), ("__or__", bool_or), ("__xor__", bool_xor), ("__rand__", bool_and), ("__ror__", bool_or), ("__rxor__", bool_xor), ("__invert__", bool_invert)]);
    add_new(r.types.bool_, bool_new);

    let f = r.types.float;
    add_new(f, float_new);
    add_methods(
        f,
        &[
            ("__add__", |ts, a| float_bin(ts, a, 0, false)),
            ("__radd__", |ts, a| float_bin(ts, a, 0, true)),
            ("__sub__", |ts, a| float_bin(ts, a, 10, false)),
            ("__rsub__", |ts, a| float_bin(ts, a, 10, true)),
            ("__mul__", |ts, a| float_bin(ts, a, 5, false)),
            ("__rmul__", |ts, a| float_bin(ts, a, 5, true)),
            ("__truediv__", |ts, a| float_bin(ts, a, 11, false)),
            ("__rtruediv__", |ts, a| float_bin(ts, a, 11, true)),
            ("__floordiv__", |ts, a| float_bin(ts, a, 2, false)),
            ("__rfloordiv__", |ts, a| float_bin(ts, a, 2, true)),
            ("__mod__", |ts, a| float_bin(ts, a, 6, false)),
            ("__rmod__", |ts, a| float_bin(ts, a, 6, true)),
            ("__divmod__", |ts, a| float_bin(ts, a, 100, false)),
            ("__rdivmod__", |ts, a| float_bin(ts, a, 100, true)),
            ("__pow__", |ts, a| float_pow_method(ts, a, false)),
            ("__rpow__", |ts, a| float_pow_method(ts, a, true)),
            ("__neg__", |_, a| Ok(new_float(-self_float(&a)?))),
            ("__pos__", |_, a| Ok(new_float(self_float(&a)?))),
            ("__abs__", |_, a| Ok(new_float(self_float(&a)?.abs()))),
            ("__bool__", |_, a| Ok(new_bool(self_float(&a)? != 0.0))),
            ("__float__", |_, a| Ok(new_float(self_float(&a)?))),
            ("__int__", |_, a| spindle_num::float_trunc(self_float(&a)?).map(from_int).map_err(num_err)),
            ("__trunc__", |_, a| spindle_num::float_trunc(self_float(&a)?).map(from_int).map_err(num_err)),
            ("__floor__", |_, a| spindle_num::float_floor(self_float(&a)?).map(from_int).map_err(num_err)),
            ("__ceil__", |_, a| spindle_num::float_ceil(self_float(&a)?).map(from_int).map_err(num_err)),
            ("__round__", float_round),
            ("__hash__", |_, a| Ok(new_int(spindle_num::hash_float(self_float(&a)?, a.args[0].id())))),
            ("__repr__", |_, a| Ok(new_str(&spindle_num::float_repr(self_float(&a)?)))),
            ("__eq__", |ts, a| float_cmp(ts, a, CmpOp::Eq)),
            ("__ne__", |ts, a| float_cmp(ts, a, CmpOp::Ne)),
            ("__lt__", |ts, a| float_cmp(ts, a, CmpOp::Lt)),
            ("__le__", |ts, a| float_cmp(ts, a, CmpOp::Le)),
            ("__gt__", |ts, a| float_cmp(ts, a, CmpOp::Gt)),
            ("__ge__", |ts, a| float_cmp(ts, a, CmpOp::Ge)),
            ("is_integer", |_, a| Ok(new_bool(spindle_num::float_is_integer(self_float(&a)?)))),
            ("as_integer_ratio", |_, a| {
                let (n, d) = spindle_num::float_as_integer_ratio(self_float(&a)?).map_err(num_err)?;
                Ok(crate::seq::new_tuple(vec![from_int(n), from_int(d)]))
            }),
            ("hex", |_, a| Ok(new_str(&spindle_num::float_to_hex(self_float(&a)?)))),
            ("conjugate", |_, a| Ok(new_float(self_float(&a)?))),
            ("__getnewargs__", |_, a| Ok(crate::seq::new_tuple(vec![new_float(self_float(&a)?)]))),
            ("__format__", crate::builtins_init::functions::number_format),
        ],
    );
    super::add_value(f, "fromhex", alloc(r.types.classmethod_descriptor, crate::function::PyWrapper {
        func: crate::function::WrappedFunc::new(crate::function::new_method_descriptor(f, "fromhex", float_fromhex)),
        dict: parking_lot::Mutex::new(None),
    }));
    super::add_value(f, "__getformat__", alloc(r.types.classmethod_descriptor, crate::function::PyWrapper {
        func: crate::function::WrappedFunc::new(crate::function::new_method_descriptor(f, "__getformat__", float_getformat)),
        dict: parking_lot::Mutex::new(None),
    }));
    let c = r.types.complex;
    add_new(c, complex_new);
    add_methods(
        c,
        &[
            ("__add__", |ts, a| complex_bin(ts, a, 0, false)),
            ("__radd__", |ts, a| complex_bin(ts, a, 0, true)),
            ("__sub__", |ts, a| complex_bin(ts, a, 10, false)),
            ("__rsub__", |ts, a| complex_bin(ts, a, 10, true)),
            ("__mul__", |ts, a| complex_bin(ts, a, 5, false)),
            ("__rmul__", |ts, a| complex_bin(ts, a, 5, true)),
            ("__truediv__", |ts, a| complex_bin(ts, a, 11, false)),
            ("__rtruediv__", |ts, a| complex_bin(ts, a, 11, true)),
            ("__pow__", |ts, a| complex_pow_method(ts, a, false)),
            ("__rpow__", |ts, a| complex_pow_method(ts, a, true)),
            ("__eq__", complex_eq),
            ("__ne__", |ts, a| {
                let r = complex_eq(ts, a)?;
                if r.is(&rt().not_implemented) { Ok(r) } else { Ok(new_bool(!r.is(&rt().true_))) }
            }),
            ("__neg__", |_, a| {
                let z = self_complex(&a)?;
                Ok(new_complex(z.neg()))
            }),
            ("__pos__", |_, a| Ok(new_complex(self_complex(&a)?))),
            ("__abs__", |_, a| self_complex(&a)?.abs().map(new_float).map_err(num_err)),
            ("__bool__", |_, a| {
                let z = self_complex(&a)?;
                Ok(new_bool(z.re != 0.0 || z.im != 0.0))
            }),
            ("__repr__", |_, a| Ok(new_str(&spindle_num::complex_repr(self_complex(&a)?)))),
            ("__hash__", |_, a| {
                let z = self_complex(&a)?;
                Ok(new_int(spindle_num::hash_complex(z.re, z.im, a.args[0].id())))
            }),
            ("conjugate", |_, a| {
                let z = self_complex(&a)?;
                Ok(new_complex(Complex { re: z.re, im: -z.im }))
            }),
            ("__format__", crate::builtins_init::functions::number_format),
        ],
    );
}

fn self_int(a: &Args<'_>) -> PyResult<Int> {
    a.args.first().and_then(to_int).ok_or_else(|| err!(TypeError, "descriptor requires an 'int' object"))
}

fn self_float(a: &Args<'_>) -> PyResult<f64> {
    a.args.first().and_then(crate::num::float_value).ok_or_else(|| err!(TypeError, "descriptor requires a 'float' object"))
}

fn self_complex(a: &Args<'_>) -> PyResult<Complex> {
    a.args.first().and_then(|v| v.downcast::<PyComplex>()).map(|c| Complex { re: c.re, im: c.im }).ok_or_else(|| err!(TypeError, "descriptor requires a 'complex' object"))
}

pub fn new_complex(z: Complex) -> Value {
    alloc(rt().types.complex, PyComplex { re: z.re, im: z.im })
}

fn operands<'a>(a: &'a Args<'_>, name: &str) -> PyResult<(&'a Value, &'a Value)> {
    if a.args.len() != 2 {
        raise!(TypeError, "expected 1 argument, got {}", a.args.len().saturating_sub(1));
    }
    let _ = name;
    Ok((&a.args[0], &a.args[1]))
}

fn int_bin(_ts: &ThreadState, a: Args<'_>, op: u32, reflected: bool) -> PyResult {
    let (x, y) = operands(&a, "int")?;
    let (Some(x), Some(y)) = (to_int(x), to_int(y)) else { return Ok(rt().not_implemented.clone()) };
    let (x, y) = if reflected { (y, x) } else { (x, y) };
    let r = match op {
        0 => x.add(&y),
        10 => x.sub(&y),
        5 => x.mul(&y),
        2 => x.floordiv(&y).map_err(num_err)?,
        6 => x.modulo(&y).map_err(num_err)?,
        11 => return x.truediv(&y).map(new_float).map_err(num_err),
        3 => x.shl(&y).map_err(num_err)?,
        9 => x.shr(&y).map_err(num_err)?,
        1 => x.bitand(&y),
        7 => x.bitor(&y),
        12 => x.bitxor(&y),
        100 => {
            let (q, m) = x.divmod(&y).map_err(num_err)?;
            return Ok(crate::seq::new_tuple(vec![from_int(q), from_int(m)]));
        }
        _ => return Ok(rt().not_implemented.clone()),
    };
    Ok(from_int(r))
}

fn do_int_pow(x: Int, y: Int, m: Option<&Value>) -> PyResult {
    match m {
        Some(m) if !is_none(m) => {
            let Some(m) = to_int(m) else { return Ok(rt().not_implemented.clone()) };
            x.pow_mod(&y, &m).map(from_int).map_err(num_err)
        }
        _ => match x.pow(&y).map_err(num_err)? {
            IntPow::Int(i) => Ok(from_int(i)),
            IntPow::Float(f) => Ok(new_float(f)),
        },
    }
}

fn int_pow(_ts: &ThreadState, a: Args<'_>) -> PyResult {
    let (Some(x), Some(y)) = (a.args.first().and_then(to_int), a.args.get(1).and_then(to_int)) else {
        return Ok(rt().not_implemented.clone());
    };
    do_int_pow(x, y, a.args.get(2))
}

fn int_rpow(_ts: &ThreadState, a: Args<'_>) -> PyResult {
    let (Some(x), Some(y)) = (a.args.first().and_then(to_int), a.args.get(1).and_then(to_int)) else {
        return Ok(rt().not_implemented.clone());
    };
    do_int_pow(y, x, a.args.get(2))
}

fn int_repr(ts: &ThreadState, a: Args<'_>) -> PyResult {
    let i = self_int(&a)?;
    let limit = ts.interp.int_max_str_digits.load(std::sync::atomic::Ordering::Relaxed);
    i.to_decimal_string(limit).map(|s| new_str(&s)).map_err(num_err)
}

fn int_cmp(_ts: &ThreadState, a: Args<'_>, op: CmpOp) -> PyResult {
    let (x, y) = operands(&a, "int")?;
    let Some(x) = to_int(x) else { return Ok(rt().not_implemented.clone()) };
    match to_int(y) {
        Some(y) => Ok(new_bool(op.apply(&x, &y))),
        None => Ok(rt().not_implemented.clone()),
    }
}

fn int_round(_ts: &ThreadState, a: Args<'_>) -> PyResult {
    let x = self_int(&a)?;
    match a.args.get(1) {
        None => Ok(from_int(x)),
        Some(n) if is_none(n) => Ok(from_int(x)),
        Some(n) => {
            let Some(n) = to_int(n) else { raise!(TypeError, "'{}' object cannot be interpreted as an integer", ops::type_name(n)) };
            if !n.is_negative() {
                return Ok(from_int(x));
            }
            let ten = Int::Small(10);
            let p = match ten.pow(&n.neg()).map_err(num_err)? {
                IntPow::Int(i) => i,
                IntPow::Float(_) => return Ok(from_int(x)),
            };
            let (q, r) = x.divmod(&p).map_err(num_err)?;
            let twice = r.add(&r);
            let q = match twice.cmp(&p) {
                std::cmp::Ordering::Greater => q.add(&Int::Small(1)),
                std::cmp::Ordering::Equal if q.bitand(&Int::Small(1)) == Int::Small(1) => q.add(&Int::Small(1)),
                _ => q,
            };
            Ok(from_int(q.mul(&p)))
        }
    }
}

fn int_to_bytes(_ts: &ThreadState, a: Args<'_>) -> PyResult {
    let [_, length, byteorder, signed] = super::parse_args("to_bytes", a, ["self", "length", "byteorder", "signed"], 1)?;
    let x = self_int(&a)?;
    let length = match length {
        Some(l) => crate::num::int_to_i64(&l).unwrap_or(-1),
        None => 1,
    };
    if length < 0 {
        raise!(ValueError, "length argument must be non-negative");
    }
    let little = match byteorder.as_ref().map(|b| as_str(b).unwrap_or("")) {
        None | Some("big") => false,
        Some("little") => true,
        Some(_) => raise!(ValueError, "byteorder must be either 'little' or 'big'"),
    };
    let signed = signed.map(|s| s.is(&rt().true_)).unwrap_or(false);
    let bytes = x.to_bytes(length as usize, little, signed).map_err(num_err)?;
    Ok(crate::bytes::new_bytes(&bytes))
}

fn int_from_bytes(ts: &ThreadState, a: Args<'_>) -> PyResult {
    let [cls, bytes, byteorder, signed] = super::parse_args("from_bytes", a, ["cls", "bytes", "byteorder", "signed"], 2)?;
    let data = object_bytes(ts, bytes.as_ref().unwrap_or(&none()))?;
    let little = match byteorder.as_ref().map(|b| as_str(b).unwrap_or("")) {
        None | Some("big") => false,
        Some("little") => true,
        Some(_) => raise!(ValueError, "byteorder must be either 'little' or 'big'"),
    };
    let signed = signed.map(|s| s.is(&rt().true_)).unwrap_or(false);
    let v = from_int(Int::from_bytes(&data, little, signed));
    match cls {
        Some(c) if !c.is(&rt().types.int.to_value()) => ops::call(ts, &c, &[v]),
        _ => Ok(v),
    }
}

/// `bytes(v)` as `int.from_bytes` takes it (CPython's `PyObject_Bytes`):
/// `__bytes__`, a buffer, or an iterable of ints, but never a str.
fn object_bytes(ts: &ThreadState, v: &Value) -> PyResult<Vec<u8>> {
    use crate::builtins_init::containers::{byte_value, bytes_data};
    if let Some(d) = bytes_data(v) {
        return Ok(d);
    }
    if let Some(r) = ops::call_dunder(ts, v, "__bytes__", &[])? {
        return bytes_data(&r).ok_or_else(|| crate::err!(TypeError, "__bytes__ returned non-bytes (type {})", ops::type_name(&r)));
    }
    let not_convertible = || crate::err!(TypeError, "cannot convert '{}' object to bytes", ops::type_name(v));
    if as_str(v).is_some() {
        return Err(not_convertible());
    }
    let it = ops::iter(ts, v).map_err(|e| if e.is_instance(rt().exc.TypeError) { not_convertible() } else { e })?;
    let in_range = |e: crate::error::PyErr| {
        if e.0.type_ref() == rt().exc.ValueError { crate::err!(ValueError, "bytes must be in range(0, 256)") } else { e }
    };
    ops::collect(ts, &it)?.iter().map(|x| byte_value(ts, x).map_err(in_range)).collect()
}

/// `int(x=0, base=10)`.
fn int_new(ts: &ThreadState, a: Args<'_>) -> PyResult {
    if a.kwargs().any(|(k, _)| k == "x") {
        raise!(TypeError, "int() got an unexpected keyword argument 'x'");
    }
    // `cls` comes first; CPython's vectorcall counts the rest.
    if a.positional().len() > 3 {
        raise!(TypeError, "int expected at most 2 arguments, got {}", a.positional().len() - 1);
    }
    let [cls, x, base] = super::parse_args("int", a, ["cls", "x", "base"], 1)?;
    let cls = cls.unwrap_or_else(|| rt().types.int.to_value());
    let v = int_from_args(ts, x, base)?;
    let Some(ct) = TypeRef::from_value(&cls) else { raise!(TypeError, "int.__new__(X): X is not a type object") };
    if ct == rt().types.int {
        return Ok(v);
    }
    Ok(alloc(ct, PyInt { value: to_int(&v).unwrap_or(Int::Small(0)) }))
}

pub fn int_from_args(ts: &ThreadState, x: Option<Value>, base: Option<Value>) -> PyResult {
    let limit = ts.interp.int_max_str_digits.load(std::sync::atomic::Ordering::Relaxed);
    let Some(x) = x else {
        if base.is_some() {
            raise!(TypeError, "int() missing string argument");
        }
        return Ok(new_int(0));
    };
    if let Some(b) = base {
        let Some(bi) = to_int(&b).and_then(|i| i.to_i64()) else {
            raise!(TypeError, "'{}' object cannot be interpreted as an integer", ops::type_name(&b))
        };
        if bi != 0 && !(2..=36).contains(&bi) {
            raise!(ValueError, "int() base must be >= 2 and <= 36, or 0");
        }
        let s = if let Some(s) = as_str(&x) {
            s.to_owned()
        } else if let Some(bs) = crate::builtins_init::containers::bytes_data(&x) {
            String::from_utf8_lossy(&bs).into_owned()
        } else {
            raise!(TypeError, "int() can't convert non-string with explicit base")
        };
        return spindle_num::int_from_str(&s, bi as u32, limit).map(from_int).map_err(num_err);
    }
    if to_int(&x).is_some() {
        return Ok(from_int(to_int(&x).unwrap_or(Int::Small(0))));
    }
    if let Some(f) = crate::num::float_value(&x) {
        return spindle_num::float_trunc(f).map(from_int).map_err(num_err);
    }
    if let Some(s) = as_str(&x) {
        return spindle_num::int_from_str(s, 10, limit).map(from_int).map_err(num_err);
    }
    if let Some(bs) = crate::builtins_init::containers::bytes_data(&x) {
        return spindle_num::int_from_str(&String::from_utf8_lossy(&bs), 10, limit).map(from_int).map_err(num_err);
    }
    for m in ["__int__", "__index__"] {
        if let Some(r) = ops::call_dunder(ts, &x, m, &[])? {
            if to_int(&r).is_none() {
                raise!(TypeError, "{} returned non-int (type {})", m, ops::type_name(&r));
            }
            return Ok(from_int(to_int(&r).unwrap_or(Int::Small(0))));
        }
    }
    raise!(
        TypeError,
        "int() argument must be a string, a bytes-like object or a real number, not '{}'",
        ops::type_name(&x)
    )
}

fn bool_new(ts: &ThreadState, a: Args<'_>) -> PyResult {
    if a.has_kwargs() {
        raise!(TypeError, "bool() takes no keyword arguments");
    }
    match a.args.len() {
        1 => Ok(new_bool(false)),
        2 => Ok(new_bool(ops::is_true(ts, &a.args[1])?)),
        n => raise!(TypeError, "bool expected at most 1 argument, got {}", n - 1),
    }
}

fn bool_repr(_ts: &ThreadState, a: Args<'_>) -> PyResult {
    Ok(new_str(if a.args[0].is(&rt().true_) { "True" } else { "False" }))
}

fn bool_logic(ts: &ThreadState, a: Args<'_>, op: u32) -> PyResult {
    let (x, y) = operands(&a, "bool")?;
    let r = rt();
    if x.type_ref() == r.types.bool_ && y.type_ref() == r.types.bool_ {
        let (p, q) = (x.is(&r.true_), y.is(&r.true_));
        return Ok(new_bool(match op {
            1 => p & q,
            7 => p | q,
            _ => p ^ q,
        }));
    }
    int_bin(ts, a, op, false)
}

fn bool_and(ts: &ThreadState, a: Args<'_>) -> PyResult {
    bool_logic(ts, a, 1)
}
fn bool_or(ts: &ThreadState, a: Args<'_>) -> PyResult {
    bool_logic(ts, a, 7)
}
fn bool_xor(ts: &ThreadState, a: Args<'_>) -> PyResult {
    bool_logic(ts, a, 12)
}
fn bool_invert(ts: &ThreadState, a: Args<'_>) -> PyResult {
    let w = crate::err!(DeprecationWarning, "Bitwise inversion '~' on bool is deprecated and will be removed in Python 3.16. This returns the bitwise inversion of the underlying int object and is usually not what you expect from negating a bool. Use the 'not' operator for boolean negation or ~int(x) if you really want the bitwise inversion of the underlying int.");
    crate::builtins_init::sysmod::warn(ts, &w)?;
    Ok(from_int(self_int(&a)?.invert()))
}

fn float_bin(_ts: &ThreadState, a: Args<'_>, op: u32, reflected: bool) -> PyResult {
    let (x, y) = operands(&a, "float")?;
    let (Some(x), Some(y)) = (to_f64_coerce(x)?, to_f64_coerce(y)?) else { return Ok(rt().not_implemented.clone()) };
    let (x, y) = if reflected { (y, x) } else { (x, y) };
    let r = match op {
        0 => x + y,
        10 => x - y,
        5 => x * y,
        11 => {
            if y == 0.0 {
                raise!(ZeroDivisionError, "division by zero");
            }
            x / y
        }
        2 => spindle_num::float_floordiv(x, y).map_err(num_err)?,
        6 => spindle_num::float_mod(x, y).map_err(num_err)?,
        100 => {
            let (q, m) = spindle_num::float_divmod(x, y).map_err(num_err)?;
            return Ok(crate::seq::new_tuple(vec![new_float(q), new_float(m)]));
        }
        8 => match spindle_num::float_pow(x, y).map_err(num_err)? {
            FloatPow::Float(f) => f,
            FloatPow::Complex => {
                let z = spindle_num::complex_pow(Complex { re: x, im: 0.0 }, Complex { re: y, im: 0.0 }).map_err(num_err)?;
                return Ok(new_complex(z));
            }
        },
        _ => return Ok(rt().not_implemented.clone()),
    };
    Ok(new_float(r))
}

/// Splits `(self, other[, mod])` for `__pow__`; `None` mod when absent or None.
fn pow_operands(a: Args<'_>) -> PyResult<(Value, Value, Option<Value>)> {
    let n = a.args.len();
    if !(2..=3).contains(&n) {
        raise!(TypeError, "expected 1 or 2 arguments, got {}", n.saturating_sub(1));
    }
    let m = a.args.get(2).filter(|m| !is_none(m)).cloned();
    Ok((a.args[0].clone(), a.args[1].clone(), m))
}

/// `float.__pow__(other[, mod])`: a modulus is refused once both are numbers.
fn float_pow_method(ts: &ThreadState, a: Args<'_>, reflected: bool) -> PyResult {
    let (x, y, m) = pow_operands(a)?;
    if to_f64_coerce(&x)?.is_none() || to_f64_coerce(&y)?.is_none() {
        return Ok(rt().not_implemented.clone());
    }
    if m.is_some() {
        raise!(TypeError, "pow() 3rd argument not allowed unless all arguments are integers");
    }
    float_bin(ts, Args::new(&[x, y]), 8, reflected)
}

/// `complex.__pow__(other[, mod])`: a modulus raises "complex modulo".
fn complex_pow_method(ts: &ThreadState, a: Args<'_>, reflected: bool) -> PyResult {
    let (x, y, m) = pow_operands(a)?;
    if cx_operand(&x)?.is_none() || cx_operand(&y)?.is_none() {
        return Ok(rt().not_implemented.clone());
    }
    if m.is_some() {
        raise!(ValueError, "complex modulo");
    }
    complex_bin(ts, Args::new(&[x, y]), 8, reflected)
}

fn float_cmp(_ts: &ThreadState, a: Args<'_>, op: CmpOp) -> PyResult {
    let (x, y) = operands(&a, "float")?;
    let Some(x) = crate::num::float_value(x) else { return Ok(rt().not_implemented.clone()) };
    if let Some(yf) = crate::num::float_value(y) {
        return Ok(new_bool(op.apply(&x, &yf)));
    }
    if let Some(yi) = to_int(y) {
        // Exact comparison of float and int.
        let ord = yi.cmp_f64(x).map(std::cmp::Ordering::reverse);
        return Ok(new_bool(match ord {
            None => op == CmpOp::Ne,
            Some(o) => match op {
                CmpOp::Lt => o.is_lt(),
                CmpOp::Le => o.is_le(),
                CmpOp::Eq => o.is_eq(),
                CmpOp::Ne => o.is_ne(),
                CmpOp::Gt => o.is_gt(),
                CmpOp::Ge => o.is_ge(),
            },
        }));
    }
    Ok(rt().not_implemented.clone())
}

fn float_round(_ts: &ThreadState, a: Args<'_>) -> PyResult {
    let x = self_float(&a)?;
    match a.args.get(1) {
        None => spindle_num::float_round(x).map(from_int).map_err(num_err),
        Some(n) if is_none(n) => spindle_num::float_round(x).map(from_int).map_err(num_err),
        Some(n) => {
            let Some(n) = to_int(n) else { raise!(TypeError, "'{}' object cannot be interpreted as an integer", ops::type_name(n)) };
            let nd = n.to_i64().unwrap_or(if n.is_negative() { i64::MIN } else { i64::MAX });
            spindle_num::float_round_digits(x, nd).map(new_float).map_err(num_err)
        }
    }
}

fn float_new(ts: &ThreadState, a: Args<'_>) -> PyResult {
    if a.has_kwargs() {
        raise!(TypeError, "float() takes no keyword arguments");
    }
    let cls = a.args.first().and_then(TypeRef::from_value).unwrap_or(rt().types.float);
    let v = match a.args.get(1) {
        None => 0.0,
        Some(x) => float_of(ts, x)?,
    };
    if a.args.len() > 2 {
        raise!(TypeError, "float expected at most 1 argument, got {}", a.args.len() - 1);
    }
    if cls == rt().types.float {
        return Ok(new_float(v));
    }
    Ok(alloc(cls, PyFloat { value: v }))
}

/// `float(x)` conversion.
pub fn float_of(ts: &ThreadState, x: &Value) -> PyResult<f64> {
    if let Some(f) = crate::num::float_value(x) {
        return Ok(f);
    }
    if let Some(i) = to_int(x) {
        return i.to_f64().map_err(num_err);
    }
    if let Some(s) = as_str(x) {
        return spindle_num::float_from_str(s).map_err(num_err);
    }
    if let Some(b) = crate::builtins_init::containers::bytes_data(x) {
        return spindle_num::float_from_str(&String::from_utf8_lossy(&b)).map_err(num_err);
    }
    if let Some(r) = ops::call_dunder(ts, x, "__float__", &[])? {
        return match crate::num::float_value(&r) {
            Some(f) => Ok(f),
            None => raise!(TypeError, "{}.__float__ returned non-float (type {})", ops::type_name(x), ops::type_name(&r)),
        };
    }
    if let Some(r) = ops::call_dunder(ts, x, "__index__", &[])? {
        if let Some(i) = to_int(&r) {
            return i.to_f64().map_err(num_err);
        }
    }
    raise!(TypeError, "float() argument must be a string or a real number, not '{}'", ops::type_name(x))
}

/// `float.__getformat__(typestr)`: the storage format of C doubles and floats
/// (IEEE 754 in the machine's byte order; CPython 3.14 knows no other).
fn float_getformat(_ts: &ThreadState, a: Args<'_>) -> PyResult {
    if a.has_kwargs() {
        raise!(TypeError, "float.__getformat__() takes no keyword arguments");
    }
    let [_, typestr] = a.args else { raise!(TypeError, "float.__getformat__() takes exactly one argument ({} given)", a.args.len().saturating_sub(1)) };
    let Some(s) = as_str(typestr) else { raise!(TypeError, "__getformat__() argument must be str, not {}", if crate::runtime::is_none(typestr) { "None".to_owned() } else { ops::type_name(typestr) }) };
    if s != "double" && s != "float" {
        raise!(ValueError, "__getformat__() argument 1 must be 'double' or 'float'");
    }
    Ok(new_str(if cfg!(target_endian = "little") { "IEEE, little-endian" } else { "IEEE, big-endian" }))
}

fn float_fromhex(ts: &ThreadState, a: Args<'_>) -> PyResult {
    let s = a.args.get(1).and_then(as_str).ok_or_else(|| err!(TypeError, "fromhex() argument must be str"))?;
    let v = new_float(spindle_num::float_from_hex(s).map_err(num_err)?);
    match a.args.first() {
        Some(c) if !c.is(&rt().types.float.to_value()) => ops::call(ts, c, &[v]),
        _ => Ok(v),
    }
}

fn to_complex(v: &Value) -> PyResult<Option<Complex>> {
    if let Some(c) = v.downcast::<PyComplex>() {
        return Ok(Some(Complex { re: c.re, im: c.im }));
    }
    Ok(to_f64_coerce(v)?.map(|re| Complex { re, im: 0.0 }))
}

/// A `complex` operand, or a real one (float or int) that 3.14's mixed-mode
/// arithmetic keeps real (no imaginary zero to contaminate signs).
#[derive(Clone, Copy)]
enum CxOperand {
    Cx(Complex),
    Real(f64),
}

fn cx_operand(v: &Value) -> PyResult<Option<CxOperand>> {
    if let Some(c) = v.downcast::<PyComplex>() {
        return Ok(Some(CxOperand::Cx(Complex { re: c.re, im: c.im })));
    }
    Ok(to_f64_coerce(v)?.map(CxOperand::Real))
}

fn complex_bin(_ts: &ThreadState, a: Args<'_>, op: u32, reflected: bool) -> PyResult {
    use CxOperand::{Cx, Real};
    let (x, y) = operands(&a, "complex")?;
    let (Some(x), Some(y)) = (cx_operand(x)?, cx_operand(y)?) else { return Ok(rt().not_implemented.clone()) };
    let (x, y) = if reflected { (y, x) } else { (x, y) };
    let full = |o: CxOperand| match o {
        Cx(z) => z,
        Real(r) => Complex { re: r, im: 0.0 },
    };
    let r = match (op, x, y) {
        (0, Cx(z), Real(r)) | (0, Real(r), Cx(z)) => Complex { re: z.re + r, im: z.im },
        (0, x, y) => full(x).add(full(y)),
        (10, Cx(z), Real(r)) => Complex { re: z.re - r, im: z.im },
        (10, Real(r), Cx(z)) => Complex { re: r - z.re, im: -z.im },
        (10, x, y) => full(x).sub(full(y)),
        (5, Cx(z), Real(r)) | (5, Real(r), Cx(z)) => z.mul_real(r),
        (5, x, y) => full(x).mul(full(y)),
        (11, Cx(z), Real(r)) => spindle_num::complex_quot_real(z, r).map_err(num_err)?,
        (11, Real(r), Cx(z)) => spindle_num::complex_rquot(r, z).map_err(num_err)?,
        (11, x, y) => spindle_num::complex_quot(full(x), full(y)).map_err(num_err)?,
        (8, x, y) => spindle_num::complex_pow(full(x), full(y)).map_err(num_err)?,
        _ => return Ok(rt().not_implemented.clone()),
    };
    Ok(new_complex(r))
}

fn complex_eq(_ts: &ThreadState, a: Args<'_>) -> PyResult {
    let (x, y) = operands(&a, "complex")?;
    let Some(x) = to_complex(x)? else { return Ok(rt().not_implemented.clone()) };
    if let Some(i) = to_int(y) {
        return Ok(new_bool(x.im == 0.0 && i.eq_f64(x.re)));
    }
    match to_complex(y)? {
        Some(y) => Ok(new_bool(x.re == y.re && x.im == y.im)),
        None => Ok(rt().not_implemented.clone()),
    }
}

fn complex_new(ts: &ThreadState, a: Args<'_>) -> PyResult {
    let [cls, real, imag] = super::parse_args("complex", a, ["cls", "real", "imag"], 1)?;
    let cls = cls.as_ref().and_then(TypeRef::from_value).unwrap_or(rt().types.complex);
    let z = match (real, imag) {
        (None, None) => Complex { re: 0.0, im: 0.0 },
        (Some(r), None) => {
            if let Some(s) = as_str(&r) {
                spindle_num::complex_from_str(s).map_err(num_err)?
            } else if let Some(c) = to_complex(&r)? {
                c
            } else if let Some(c) = ops::call_dunder(ts, &r, "__complex__", &[])? {
                to_complex(&c)?.unwrap_or(Complex { re: 0.0, im: 0.0 })
            } else {
                if !has_float_or_index(&r) {
                    raise!(TypeError, "complex() argument must be a string or a number, not {}", ops::type_name(&r));
                }
                Complex { re: float_of(ts, &r)?, im: 0.0 }
            }
        }
        (r, Some(i)) => {
            for (v, which) in [(r.as_ref(), "real"), (Some(&i), "imag")] {
                if let Some(v) = v.filter(|v| v.downcast::<PyComplex>().is_some()) {
                    let w = err!(DeprecationWarning, "complex() argument '{}' must be a real number, not {}", which, ops::type_name(v));
                    crate::builtins_init::sysmod::warn(ts, &w)?;
                }
            }
            // Only complex operands contribute cross terms (no spurious signed zeros).
            let r = match r {
                Some(r) => cx_operand(&r)?.ok_or_else(|| err!(TypeError, "complex() argument 'real' must be a real number, not {}", ops::type_name(&r)))?,
                None => CxOperand::Real(0.0),
            };
            let i = cx_operand(&i)?.ok_or_else(|| err!(TypeError, "complex() argument 'imag' must be a real number, not {}", ops::type_name(&i)))?;
            let (mut re, cross_im) = match r {
                CxOperand::Cx(z) => (z.re, Some(z.im)),
                CxOperand::Real(x) => (x, None),
            };
            let mut im = match i {
                CxOperand::Cx(z) => {
                    re -= z.im;
                    z.re
                }
                CxOperand::Real(x) => x,
            };
            if let Some(ci) = cross_im {
                im += ci;
            }
            Complex { re, im }
        }
    };
    Ok(alloc(cls, PyComplex { re: z.re, im: z.im }))
}

fn has_float_or_index(v: &Value) -> bool {
    let t = v.type_ref();
    t.lookup_static("__float__").is_some() || t.lookup_static("__index__").is_some()
}

/// `real`, `imag`, `numerator`, `denominator` of numbers.
pub fn number_attr(_ts: &ThreadState, obj: &Value, name: &str) -> PyResult<Option<Value>> {
    if let Some(i) = to_int(obj) {
        return Ok(match name {
            "real" | "numerator" => Some(from_int(i)),
            "imag" => Some(new_int(0)),
            "denominator" => Some(new_int(1)),
            _ => None,
        });
    }
    if let Some(f) = crate::num::float_value(obj) {
        return Ok(match name {
            "real" => Some(new_float(f)),
            "imag" => Some(new_float(0.0)),
            _ => None,
        });
    }
    if let Some(c) = obj.downcast::<PyComplex>() {
        return Ok(match name {
            "real" => Some(new_float(c.re)),
            "imag" => Some(new_float(c.im)),
            _ => None,
        });
    }
    Ok(None)
}
