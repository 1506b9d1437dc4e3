//! The `int` (heap part), `bool` and `float` payloads. Ints in the small range
//! are immediate `Value`s; `PyInt` holds the rest (and bools and int subclass
//! instances, whatever their size).

use num_bigint::BigInt;
use spindle_num::Int;

use crate::object::{PayloadKind, PyPayload};
use crate::runtime::rt;
use crate::value::Value;

/// Invariant: for an exact `int` object the value lies outside the immediate
/// range (`Value::small_int` refuses it); bools and subclass instances hold any value.
pub struct PyInt {
    pub value: Int,
}

impl PyPayload for PyInt {
    const KIND: PayloadKind = crate::kinds::INT;
}

pub struct PyFloat {
    pub value: f64,
}

impl PyPayload for PyFloat {
    const KIND: PayloadKind = crate::kinds::FLOAT;
}

pub struct PyComplex {
    pub re: f64,
    pub im: f64,
}

impl PyPayload for PyComplex {
    const KIND: PayloadKind = crate::kinds::COMPLEX;
}

/// An int value: immediate when it fits, heap otherwise.
pub fn new_int(i: i64) -> Value {
    match Value::small_int(i) {
        Some(v) => v,
        None => crate::freelist::new_int_obj(Int::Small(i)),
    }
}

pub fn new_bigint(b: BigInt) -> Value {
    new_int_from(Int::from(b))
}

/// An int value from an `Int`: immediate when it fits, heap otherwise.
#[inline]
pub fn new_int_from(i: Int) -> Value {
    if let Int::Small(s) = i
        && let Some(v) = Value::small_int(s)
    {
        return v;
    }
    crate::freelist::new_int_obj(i)
}

/// An int value from an `i128`: immediate when it fits, heap otherwise.
#[inline]
pub fn new_int_i128(i: i128) -> Value {
    new_int_i128_of(rt().types.int, i)
}

/// `new_int_i128` for a caller that has `int_type` (the `int` type) at hand.
#[inline]
pub fn new_int_i128_of(int_type: crate::object::TypeRef, i: i128) -> Value {
    if let Ok(s) = i64::try_from(i)
        && let Some(v) = Value::small_int(s)
    {
        return v;
    }
    crate::freelist::new_int_obj_of(int_type, Int::from(i))
}

#[inline]
pub fn new_float(f: f64) -> Value {
    crate::freelist::new_float(f)
}

#[inline]
pub fn new_bool(b: bool) -> Value {
    let r = rt();
    let v = if b { &r.true_ } else { &r.false_ };
    // SAFETY: True and False are immortal: a copy that took no count is as
    // good as a counted one, and dropping it touches no count.
    unsafe { Value::from_raw(v.header_ptr()) }
}

/// Is `v` an int (including bool and int subclasses)?
pub fn is_int(v: &Value) -> bool {
    v.is_small_int() || v.downcast::<PyInt>().is_some()
}

/// The value of an int as i64 if it fits.
pub fn int_to_i64(v: &Value) -> Option<i64> {
    if let Some(i) = v.as_small_int() {
        return Some(i);
    }
    v.downcast::<PyInt>().and_then(|p| p.value.to_i64())
}

/// The value of an int as a BigInt.
pub fn int_to_big(v: &Value) -> Option<BigInt> {
    if let Some(i) = v.as_small_int() {
        return Some(BigInt::from(i));
    }
    v.downcast::<PyInt>().map(|p| p.value.to_bigint())
}

pub fn float_value(v: &Value) -> Option<f64> {
    v.downcast::<PyFloat>().map(|f| f.value)
}
