//! Arithmetic dispatch: `a + b` and friends with CPython's rules (in-place
//! first, the reflected method first when the right operand's type is a
//! subclass that overrides it, NotImplemented falls through), plus the
//! small-int and float fast paths.

use crate::error::PyResult;
use crate::interp::ThreadState;
use spindle_num::{Int, IntPow};

use crate::num::{new_float, new_int, new_int_from};
use crate::ops;
use crate::runtime::rt;
use crate::value::Value;
use crate::raise;

/// (symbol, dunder, reflected dunder) for BINARY_OP codes 0..=12.
const OPS: [(&str, &str, &str); 13] = [
    ("+", "__add__", "__radd__"),
    ("&", "__and__", "__rand__"),
    ("//", "__floordiv__", "__rfloordiv__"),
    ("<<", "__lshift__", "__rlshift__"),
    ("@", "__matmul__", "__rmatmul__"),
    ("*", "__mul__", "__rmul__"),
    ("%", "__mod__", "__rmod__"),
    ("|", "__or__", "__ror__"),
    ("**", "__pow__", "__rpow__"),
    (">>", "__rshift__", "__rrshift__"),
    ("-", "__sub__", "__rsub__"),
    ("/", "__truediv__", "__rtruediv__"),
    ("^", "__xor__", "__rxor__"),
];

const IOPS: [&str; 13] = [
    "__iadd__", "__iand__", "__ifloordiv__", "__ilshift__", "__imatmul__", "__imul__", "__imod__", "__ior__",
    "__ipow__", "__irshift__", "__isub__", "__itruediv__", "__ixor__",
];

pub fn binary_op(ts: &ThreadState, a: &Value, b: &Value, code: u32) -> PyResult {
    let code = code as usize;
    let (base, inplace) = if code >= 13 { (code - 13, true) } else { (code, false) };
    if base >= 13 {
        raise!(SystemError, "bad binary op code {}", code);
    }
    if let Some(v) = fast_binary(a, b, base) {
        return Ok(v);
    }
    if inplace {
        if let Some(r) = ops::call_dunder(ts, a, IOPS[base], &[b.clone()])? {
            if !r.is(&rt().not_implemented) {
                return Ok(r);
            }
        }
    }
    binary_dispatch(ts, a, b, base, inplace)
}

fn binary_dispatch(ts: &ThreadState, a: &Value, b: &Value, base: usize, inplace: bool) -> PyResult {
    let (_, name, rname) = OPS[base];
    let ta = a.type_ref();
    let tb = b.type_ref();
    let ni = &rt().not_implemented;
    let mut tried_reflected = false;
    if ta != tb && tb.is_subtype(ta) && overrides(tb, ta, rname) {
        tried_reflected = true;
        if let Some(r) = ops::call_dunder(ts, b, rname, &[a.clone()])? {
            if !r.is(ni) {
                return Ok(r);
            }
        }
    }
    // A builtin sequence's `+` is its sq_concat, which CPython tries only
    // after the other operand's __radd__ (`[0] + UserList(...)`).
    let r0 = rt();
    if base == 0 && ta != tb && !tried_reflected && [r0.types.list, r0.types.tuple, r0.types.str].contains(&ta) {
        tried_reflected = true;
        if let Some(r) = ops::call_dunder(ts, b, rname, &[a.clone()])? {
            if !r.is(ni) {
                return Ok(r);
            }
        }
    }
    if let Some(r) = ops::call_dunder(ts, a, name, &[b.clone()])? {
        if !r.is(ni) {
            return Ok(r);
        }
    }
    if ta != tb && !tried_reflected {
        if let Some(r) = ops::call_dunder(ts, b, rname, &[a.clone()])? {
            if !r.is(ni) {
                return Ok(r);
            }
        }
    }
    Err(unsupported(a, b, base, inplace))
}

/// The method name of BINARY_OP code `base` (0..=12).
pub(crate) fn dunder_name(base: usize) -> Option<&'static str> {
    OPS.get(base).map(|o| o.1)
}

/// The TypeError for `a <op> b` when no method applies.
pub(crate) fn unsupported(a: &Value, b: &Value, base: usize, inplace: bool) -> crate::error::PyErr {
    let sym = OPS.get(base).map_or("?", |o| o.0);
    let (ta, tb) = (a.type_ref(), b.type_ref());
    // Types as CPython's messages name them (`tp_name`: 'decimal.Decimal').
    let (na, nb) = (crate::ops::type_name(a), crate::ops::type_name(b));
    if base == 5 {
        // Sequence repetition by a non-integer: CPython's message names the other operand.
        let r = rt();
        // A class that defines `__mul__` or `__rmul__` in Python gives up
        // its base's sequence repetition (CPython clears `sq_repeat`).
        let python_mul = |t: crate::object::TypeRef| {
            t.is_heap()
                && ["__mul__", "__rmul__"].iter().any(|n| t.lookup(n).is_some_and(|m| m.downcast::<crate::function::PyFunction>().is_some()))
        };
        let is_seq = |t: crate::object::TypeRef| {
            [r.types.list, r.types.tuple, r.types.str, r.types.bytes, r.types.bytearray].iter().any(|s| t.is_subtype(*s)) && !python_mul(t)
        };
        if is_seq(ta) || is_seq(tb) {
            let other = if is_seq(ta) { &nb } else { &na };
            return crate::err!(TypeError, "can't multiply sequence by non-int of type '{}'", other);
        }
    }
    let sym = if inplace { format!("{sym}=") } else { sym.to_owned() };
    if base == 8 && !inplace {
        return crate::err!(TypeError, "unsupported operand type(s) for ** or pow(): '{}' and '{}'", na, nb);
    }
    if base == 9 && ta == rt().types.builtin_function && a.downcast::<crate::function::NativeFunction>().is_some_and(|f| f.name == "print") {
        return crate::err!(
            TypeError,
            "unsupported operand type(s) for >>: '{}' and '{}'. Did you mean \"print(<message>, file=<output_stream>)\"?",
            na,
            nb
        );
    }
    crate::err!(TypeError, "unsupported operand type(s) for {}: '{}' and '{}'", sym, na, nb)
}

fn overrides(sub: crate::object::TypeRef, base: crate::object::TypeRef, name: &str) -> bool {
    match (sub.lookup(name), base.lookup(name)) {
        (Some(x), Some(y)) => !x.is(&y),
        (Some(_), None) => true,
        _ => false,
    }
}

/// The operand as an f64 when it is an exact float, or a small int that
/// converts exactly (as `float(i)` would give it).
#[inline]
fn exact_f64(v: &Value) -> Option<f64> {
    const EXACT: i64 = 1 << 53;
    match v.as_small_int() {
        Some(i) if (-EXACT..=EXACT).contains(&i) => Some(i as f64),
        Some(_) => None,
        None if v.type_ref() == rt().types.float => crate::num::float_value(v),
        None => None,
    }
}

/// `a <op> b` (`base` as in `fast_binary`) for two exact floats and `+`,
/// `-`, `*` or `/` by a non-zero: the result goes into an operand's object
/// when the caller held its only reference (as CPython 3.14 reuses a dying
/// float), else into a new float. The operands come back when the case does
/// not apply.
#[inline]
pub fn float_binary_consume(a: Value, b: Value, base: usize) -> Result<Value, (Value, Value)> {
    let ft = rt().types.float;
    if a.is_small_int() || b.is_small_int() || a.type_ref() != ft || b.type_ref() != ft {
        return Err((a, b));
    }
    let (Some(x), Some(y)) = (crate::num::float_value(&a), crate::num::float_value(&b)) else { return Err((a, b)) };
    let r = match base {
        0 => x + y,
        5 => x * y,
        10 => x - y,
        11 if y != 0.0 => x / y,
        _ => return Err((a, b)),
    };
    Ok(reuse_float(a, b, r))
}

/// A float holding `r`, made from `a` or `b` when the caller owns it alone.
#[inline]
fn reuse_float(a: Value, b: Value, r: f64) -> Value {
    if a.header().is_some_and(crate::header::ObjHeader::is_unique) {
        // SAFETY: `a` is an exact float (checked by the caller) and this is
        // its only reference, so no borrow of its payload exists anywhere;
        // writing through the object's own address changes nothing another
        // holder could see.
        unsafe { (*(a.header_ptr() as *mut crate::object::PyObj<crate::num::PyFloat>)).payload.value = r };
        drop(b);
        return a;
    }
    if b.header().is_some_and(crate::header::ObjHeader::is_unique) {
        // SAFETY: as above, for `b`.
        unsafe { (*(b.header_ptr() as *mut crate::object::PyObj<crate::num::PyFloat>)).payload.value = r };
        drop(a);
        return b;
    }
    drop(a);
    drop(b);
    new_float(r)
}

/// BINARY_OP `arg` (add, subtract or multiply, in place or not) of two
/// immediate ints whose result is one too: the commonest arithmetic, with
/// no call and no allocation.
#[inline(always)]
pub fn small_int_add_sub_mul(a: &Value, b: &Value, arg: u32) -> Option<Value> {
    if a.bits() & b.bits() & 1 == 0 {
        return None;
    }
    let (x, y) = (a.as_small_int()?, b.as_small_int()?);
    let r = match arg {
        0 | 13 => x.checked_add(y),
        10 | 23 => x.checked_sub(y),
        5 | 18 => x.checked_mul(y),
        _ => None,
    };
    r.and_then(Value::small_int)
}

/// `a <op> b` for the operand kinds whose result needs no dispatch: two exact
/// ints (immediate or heap), or an exact float with a float or small int;
/// `None` otherwise (or when the operation must raise, e.g. division by
/// zero). `base` is the BINARY_OP code without the in-place offset.
#[inline]
pub fn fast_binary(a: &Value, b: &Value, base: usize) -> Option<Value> {
    if let (Some(x), Some(y)) = (a.as_small_int(), b.as_small_int()) {
        if base == 11 {
            // int / int: exact operands give the correctly rounded quotient.
            let (fx, fy) = (exact_f64(a)?, exact_f64(b)?);
            return if fy == 0.0 { None } else { Some(new_float(fx / fy)) };
        }
        // Past the word-sized paths (overflow, shifts): the Int arithmetic.
        return small_int_op(x, y, base).or_else(|| exact_int_op(a, b, base));
    }
    let types = &rt().types;
    let as_f64 = |v: &Value| match v.header() {
        None => exact_f64(v),
        Some(h) if h.ty == types.float => crate::num::float_value(v),
        Some(_) => None,
    };
    if let Some(x) = as_f64(a)
        && let Some(y) = as_f64(b)
    {
        return float_op(x, y, base);
    }
    // Exact ints, at least one on the heap: int's own methods, which no
    // subclass or reflected method can preempt.
    let type_of = |v: &Value| v.header().map_or(types.int, |h| h.ty);
    if type_of(a) == types.int && type_of(b) == types.int {
        return exact_int_op(a, b, base);
    }
    None
}

/// The value of an exact int operand (immediate, or a heap object of type
/// `int` itself: not a bool or a subclass instance).
#[inline]
fn exact_int(v: &Value) -> Option<std::borrow::Cow<'_, Int>> {
    match v.as_small_int() {
        Some(i) => Some(std::borrow::Cow::Owned(Int::Small(i))),
        None => v.downcast_exact::<crate::num::PyInt>(rt().types.int).map(|p| std::borrow::Cow::Borrowed(&p.value)),
    }
}

/// The value of an exact int operand that is not `Big`.
#[inline(always)]
fn exact_i128(v: &Value, int_type: crate::object::TypeRef) -> Option<i128> {
    if let Some(i) = v.as_small_int() {
        return Some(i128::from(i));
    }
    if v.header()?.ty != int_type {
        return None;
    }
    // SAFETY: an object whose type is exactly `int` was allocated as a
    // `PyObj<PyInt>` (the type's payload kind), and `v` keeps it alive.
    let p = unsafe { &(*(v.header_ptr() as *const crate::object::PyObj<crate::num::PyInt>)).payload };
    p.value.to_i128()
}

/// `a <op> b` for two exact ints (immediate, or heap objects of type `int`
/// itself) on `spindle_num::Int` (inline `i128` arithmetic below 2**127,
/// `BigInt` beyond); `None` when an operand is not an exact int (a float,
/// a bool, a subclass instance...) or the operation raises (the general
/// path then raises it).
#[inline(never)]
fn exact_int_op(a: &Value, b: &Value, base: usize) -> Option<Value> {
    // The common case, `i128` arithmetic that does not overflow, without
    // going through `Int`.
    let int_type = rt().types.int;
    if let (Some(x), Some(y)) = (exact_i128(a, int_type), exact_i128(b, int_type))
        && let Some(r) = i128_op(x, y, base)
    {
        return Some(crate::num::new_int_i128_of(int_type, r));
    }
    exact_int_op_general(a, b, base)
}

/// `x <op> y` for the operators whose `i128` form is exact unless it
/// overflows; `None` for overflow and for the other operators.
#[inline(always)]
fn i128_op(x: i128, y: i128, base: usize) -> Option<i128> {
    match base {
        0 => x.checked_add(y),
        1 => Some(x & y),
        5 => x.checked_mul(y),
        7 => Some(x | y),
        10 => x.checked_sub(y),
        12 => Some(x ^ y),
        _ => None,
    }
}

/// `exact_int_op` past `i128_op`: every operator, any size.
#[inline(never)]
fn exact_int_op_general(a: &Value, b: &Value, base: usize) -> Option<Value> {
    let (x, y) = (exact_int(a)?, exact_int(b)?);
    let r = match base {
        0 => x.add(&y),
        1 => x.bitand(&y),
        2 => x.floordiv(&y).ok()?,
        3 => x.shl(&y).ok()?,
        5 => x.mul(&y),
        6 => x.modulo(&y).ok()?,
        7 => x.bitor(&y),
        8 => match x.pow(&y).ok()? {
            IntPow::Int(i) => i,
            IntPow::Float(f) => return Some(new_float(f)),
        },
        9 => x.shr(&y).ok()?,
        10 => x.sub(&y),
        11 => return x.truediv(&y).ok().map(new_float),
        12 => x.bitxor(&y),
        _ => return None,
    };
    Some(new_int_from(r))
}

fn small_int_op(x: i64, y: i64, op: usize) -> Option<Value> {
    let r = match op {
        0 => x.checked_add(y)?,
        1 => x & y,
        2 => {
            if y == 0 {
                return None;
            }
            x.checked_div_euclid(y).map(|_| floor_div(x, y))?
        }
        5 => x.checked_mul(y)?,
        6 => {
            if y == 0 {
                return None;
            }
            let m = x % y;
            if m != 0 && ((m < 0) != (y < 0)) { m + y } else { m }
        }
        7 => x | y,
        // int ** int with a non-negative exponent stays an int.
        8 => x.checked_pow(u32::try_from(y).ok()?)?,
        10 => x.checked_sub(y)?,
        12 => x ^ y,
        _ => return None,
    };
    Value::small_int(r).or_else(|| Some(new_int(r)))
}

fn floor_div(x: i64, y: i64) -> i64 {
    let q = x / y;
    if (x % y != 0) && ((x < 0) != (y < 0)) { q - 1 } else { q }
}

fn float_op(x: f64, y: f64, op: usize) -> Option<Value> {
    let r = match op {
        0 => x + y,
        5 => x * y,
        10 => x - y,
        11 => {
            if y == 0.0 {
                return None;
            }
            x / y
        }
        // A positive finite base never needs float_pow's special cases
        // (complex results, ZeroDivisionError); overflow goes the slow way.
        8 if x > 0.0 && x.is_finite() && y.is_finite() => {
            let r = x.powf(y);
            if !r.is_finite() {
                return None;
            }
            r
        }
        _ => return None,
    };
    Some(new_float(r))
}

pub enum Unary {
    Neg,
    Pos,
    Invert,
}

pub fn unary(ts: &ThreadState, v: &Value, op: Unary) -> PyResult {
    if let Some(i) = v.as_small_int() {
        match op {
            Unary::Neg => return Ok(new_int(-i)),
            Unary::Pos => return Ok(v.clone()),
            Unary::Invert => return Ok(new_int(!i)),
        }
    }
    if let Some(p) = v.downcast_exact::<crate::num::PyInt>(rt().types.int) {
        match op {
            Unary::Neg => return Ok(new_int_from(p.value.neg())),
            Unary::Pos => return Ok(v.clone()),
            Unary::Invert => return Ok(new_int_from(p.value.invert())),
        }
    }
    let (name, sym) = match op {
        Unary::Neg => ("__neg__", "unary -"),
        Unary::Pos => ("__pos__", "unary +"),
        Unary::Invert => ("__invert__", "unary ~"),
    };
    match ops::call_dunder(ts, v, name, &[])? {
        Some(r) => Ok(r),
        None => raise!(TypeError, "bad operand type for {}: '{}'", sym, ops::type_name(v)),
    }
}
