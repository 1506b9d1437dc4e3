//! `timedelta`: a normalised (days, seconds, microseconds) triple, its
//! constructor's exact mixed int/float accumulation, and its arithmetic
//! (products and quotients go through exact Python ints, as in CPython).

use spindle_vm::arith::binary_op;
use spindle_vm::function::Args;
use spindle_vm::interp::ThreadState;
use spindle_vm::num::{float_value, is_int, new_bool, new_float, new_int};
use spindle_vm::object::TypeRef;
use spindle_vm::ops::{self, CmpOp};
use spindle_vm::seq::{new_tuple, tuple_items};
use spindle_vm::str::new_str;
use spindle_vm::{PyResult, Value, raise};

use super::{DeltaObj, Sig, Types, add, alloc_in, i128_of, int_of_i128, no_args, not_impl, this, types};

const MAX_DAYS: i64 = 999_999_999;
const US_PER_DAY: i128 = 86_400_000_000;

// Binary op codes of `arith::binary_op` (CPython's NB_* order).
const NB_FLOOR_DIVIDE: u32 = 2;
const NB_MULTIPLY: u32 = 5;
const NB_REMAINDER: u32 = 6;
const NB_TRUE_DIVIDE: u32 = 11;

#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Debug)]
pub(crate) struct Delta {
    pub(crate) days: i32,
    pub(crate) secs: i32,
    pub(crate) us: i32,
}

impl Delta {
    pub(crate) const ZERO: Delta = Delta { days: 0, secs: 0, us: 0 };

    /// Normalises; OverflowError when the days leave +-999999999.
    pub(crate) fn new(days: i64, secs: i64, us: i64) -> PyResult<Delta> {
        let secs = secs + us.div_euclid(1_000_000);
        let us = us.rem_euclid(1_000_000);
        let days = days + secs.div_euclid(86_400);
        let secs = secs.rem_euclid(86_400);
        if !(-MAX_DAYS..=MAX_DAYS).contains(&days) {
            raise!(OverflowError, "days={}; must have magnitude <= {}", days, MAX_DAYS);
        }
        Ok(Delta { days: days as i32, secs: secs as i32, us: us as i32 })
    }

    pub(crate) fn total_us(self) -> i128 {
        i128::from(self.days) * US_PER_DAY + i128::from(self.secs) * 1_000_000 + i128::from(self.us)
    }

    /// From a count of microseconds (CPython's `microseconds_to_delta`).
    pub(crate) fn from_us(us: i128) -> PyResult<Delta> {
        let days = us.div_euclid(US_PER_DAY);
        let rest = us.rem_euclid(US_PER_DAY);
        let Ok(days) = i32::try_from(days) else { raise!(OverflowError, "Python int too large to convert to C int") };
        Delta::new(i64::from(days), (rest / 1_000_000) as i64, (rest % 1_000_000) as i64)
    }

    pub(crate) fn neg(self) -> PyResult<Delta> {
        Delta::new(-i64::from(self.days), -i64::from(self.secs), -i64::from(self.us))
    }

    pub(crate) fn is_zero(self) -> bool {
        self == Delta::ZERO
    }

    pub(crate) fn add(self, o: Delta) -> PyResult<Delta> {
        Delta::new(
            i64::from(self.days) + i64::from(o.days),
            i64::from(self.secs) + i64::from(o.secs),
            i64::from(self.us) + i64::from(o.us),
        )
    }

    pub(crate) fn sub(self, o: Delta) -> PyResult<Delta> {
        Delta::new(
            i64::from(self.days) - i64::from(o.days),
            i64::from(self.secs) - i64::from(o.secs),
            i64::from(self.us) - i64::from(o.us),
        )
    }
}

/// A timedelta of the exact type.
pub(crate) fn new_delta(d: Delta) -> Value {
    alloc_in(types().delta, DeltaObj { d })
}

pub(crate) fn delta_of(v: &Value) -> Option<Delta> {
    v.downcast::<DeltaObj>().map(|o| o.d)
}

fn from_us_value(ts: &ThreadState, v: &Value) -> PyResult<Value> {
    let _ = ts;
    match i128_of(v) {
        Some(us) => Ok(new_delta(Delta::from_us(us)?)),
        None => raise!(OverflowError, "Python int too large to convert to C int"),
    }
}

fn us_value(d: Delta) -> Value {
    int_of_i128(d.total_us())
}

// ---------------------------------------------------------------- constructor

/// Adds `num * factor` microseconds to `sofar`; a float's fraction below a
/// microsecond goes to `leftover`.
fn accum(ts: &ThreadState, tag: &str, sofar: Value, num: &Value, factor: i64, leftover: &mut f64) -> PyResult<Value> {
    if is_int(num) {
        let prod = binary_op(ts, num, &new_int(factor), NB_MULTIPLY)?;
        return binary_op(ts, &sofar, &prod, 0);
    }
    if let Some(f) = float_value(num) {
        let int_part = f.trunc();
        let frac = f - int_part;
        let x = float_to_int(int_part)?;
        let prod = binary_op(ts, &x, &new_int(factor), NB_MULTIPLY)?;
        let sum = binary_op(ts, &sofar, &prod, 0)?;
        if frac == 0.0 {
            return Ok(sum);
        }
        let scaled = factor as f64 * frac;
        let whole = scaled.trunc();
        *leftover += scaled - whole;
        return binary_op(ts, &sum, &float_to_int(whole)?, 0);
    }
    raise!(TypeError, "unsupported type for timedelta {} component: {}", tag, ops::type_name(num))
}

fn float_to_int(f: f64) -> PyResult<Value> {
    if f.is_nan() {
        raise!(ValueError, "cannot convert float NaN to integer");
    }
    if f.is_infinite() {
        raise!(OverflowError, "cannot convert float infinity to integer");
    }
    if f.abs() < 9.0e18 {
        return Ok(new_int(f as i64));
    }
    match <num_bigint::BigInt as num_traits::FromPrimitive>::from_f64(f) {
        Some(b) => Ok(spindle_vm::num::new_bigint(b)),
        None => raise!(OverflowError, "cannot convert float infinity to integer"),
    }
}

fn delta_new(ts: &ThreadState, a: Args<'_>) -> PyResult {
    let cls = super::cls_of(&a)?;
    let sig = Sig {
        fname: Some("__new__"),
        names: ["days", "seconds", "microseconds", "milliseconds", "minutes", "hours", "weeks"],
        required: 0,
        max_pos: 7,
    };
    let [days, secs, us, ms, mins, hours, weeks] = sig.bind(&a, 1)?;
    // Fast path: small ints only.
    let small = |v: &Option<Value>| v.as_ref().map_or(Some(0), spindle_vm::num::int_to_i64);
    if let (Some(d), Some(s), Some(u), Some(m), Some(mi), Some(h), Some(w)) =
        (small(&days), small(&secs), small(&us), small(&ms), small(&mins), small(&hours), small(&weeks))
    {
        let total = [(u, 1i128), (m, 1_000), (s, 1_000_000), (mi, 60_000_000), (h, 3_600_000_000), (d, US_PER_DAY), (w, 7 * US_PER_DAY)]
            .iter()
            .try_fold(0i128, |acc, (n, f)| i128::from(*n).checked_mul(*f).and_then(|p| acc.checked_add(p)));
        if let Some(t) = total {
            return alloc_typed(cls, Delta::from_us(t)?);
        }
    }
    let mut x = new_int(0);
    let mut leftover = 0.0f64;
    for (v, tag, factor) in [
        (&us, "microseconds", 1i64),
        (&ms, "milliseconds", 1_000),
        (&secs, "seconds", 1_000_000),
        (&mins, "minutes", 60_000_000),
        (&hours, "hours", 3_600_000_000),
        (&days, "days", 86_400_000_000),
        (&weeks, "weeks", 604_800_000_000),
    ] {
        if let Some(v) = v {
            x = accum(ts, tag, x, v, factor, &mut leftover)?;
        }
    }
    if leftover != 0.0 {
        let mut whole = leftover.round();
        if (whole - leftover).abs() == 0.5 {
            let odd = i128_of(&x).map_or(0, |i| i.rem_euclid(2)) as f64;
            whole = 2.0 * ((leftover + odd) * 0.5).round() - odd;
        }
        x = binary_op(ts, &x, &new_int(whole as i64), 0)?;
    }
    let Some(total) = i128_of(&x) else { raise!(OverflowError, "Python int too large to convert to C int") };
    alloc_typed(cls, Delta::from_us(total)?)
}

fn alloc_typed(cls: TypeRef, d: Delta) -> PyResult {
    Ok(alloc_in(cls, DeltaObj { d }))
}

// ---------------------------------------------------------------- methods

fn me(a: &Args<'_>) -> PyResult<Delta> {
    Ok(this::<DeltaObj>(a, "timedelta")?.1.d)
}

fn other(a: &Args<'_>) -> Option<Value> {
    a.args.get(1).cloned()
}

fn m_add(_ts: &ThreadState, a: Args<'_>) -> PyResult {
    let s = me(&a)?;
    match other(&a).as_ref().and_then(delta_of) {
        Some(o) => Ok(new_delta(s.add(o)?)),
        None => not_impl(),
    }
}

fn m_sub(_ts: &ThreadState, a: Args<'_>) -> PyResult {
    let s = me(&a)?;
    match other(&a).as_ref().and_then(delta_of) {
        Some(o) => Ok(new_delta(s.sub(o)?)),
        None => not_impl(),
    }
}

fn m_rsub(_ts: &ThreadState, a: Args<'_>) -> PyResult {
    let s = me(&a)?;
    match other(&a).as_ref().and_then(delta_of) {
        Some(o) => Ok(new_delta(o.sub(s)?)),
        None => not_impl(),
    }
}

/// `delta * float` or `delta / float` through the float's exact ratio.
fn mul_div_float(ts: &ThreadState, d: Delta, f: &Value, divide: bool) -> PyResult {
    let ratio = ops::call_method(ts, f, "as_integer_ratio", &[])?;
    let Some(items) = tuple_items(&ratio) else {
        raise!(TypeError, "unexpected return type from as_integer_ratio(): expected tuple, got '{}'", ops::type_name(&ratio))
    };
    if items.len() != 2 {
        raise!(ValueError, "as_integer_ratio() must return a 2-tuple");
    }
    let (num, den) = if divide { (&items[1], &items[0]) } else { (&items[0], &items[1]) };
    let t = binary_op(ts, &us_value(d), num, NB_MULTIPLY)?;
    let q = divide_nearest(ts, &t, den)?;
    from_us_value(ts, &q)
}

/// Round-half-even quotient of two ints.
fn divide_nearest(ts: &ThreadState, m: &Value, n: &Value) -> PyResult<Value> {
    if let (Some(a), Some(b)) = (i128_of(m), i128_of(n)) {
        if b == 0 {
            raise!(ZeroDivisionError, "division by zero");
        }
        let q = a.div_euclid(b);
        let r = a.rem_euclid(b);
        // Compare 2r with |b| (r has b's sign convention: 0 <= r < |b|).
        let (q, r, b) = if b < 0 { (q, r, -b) } else { (q, r, b) };
        let twice = 2 * r;
        let q = if twice > b || (twice == b && q % 2 != 0) { q + if n_positive(n) { 1 } else { -1 } } else { q };
        let _ = r;
        return Ok(int_of_i128(q));
    }
    let dm = ops::call_method(ts, m, "__divmod__", std::slice::from_ref(n))?;
    let Some(parts) = tuple_items(&dm) else { raise!(TypeError, "divmod() returned non-tuple (type {})", ops::type_name(&dm)) };
    let [q, r] = parts else { raise!(TypeError, "divmod() returned a tuple of size {}", parts.len()) };
    let (q, r) = (q.clone(), r.clone());
    let twice = binary_op(ts, &r, &new_int(2), NB_MULTIPLY)?;
    let absn = ops::call_method(ts, n, "__abs__", &[])?;
    let abs2 = ops::call_method(ts, &twice, "__abs__", &[])?;
    let gt = ops::compare_bool(ts, &abs2, &absn, CmpOp::Gt)?;
    let eq = ops::compare_bool(ts, &abs2, &absn, CmpOp::Eq)?;
    let odd = ops::is_true(ts, &binary_op(ts, &q, &new_int(1), 1)?)?;
    if gt || (eq && odd) {
        return binary_op(ts, &q, &new_int(1), 0);
    }
    Ok(q)
}

fn n_positive(n: &Value) -> bool {
    i128_of(n).is_some_and(|i| i > 0)
}

fn m_mul(ts: &ThreadState, a: Args<'_>) -> PyResult {
    let s = me(&a)?;
    let Some(o) = other(&a) else { return not_impl() };
    if is_int(&o) {
        let p = binary_op(ts, &o, &us_value(s), NB_MULTIPLY)?;
        return from_us_value(ts, &p);
    }
    if float_value(&o).is_some() {
        return mul_div_float(ts, s, &o, false);
    }
    not_impl()
}

fn m_floordiv(ts: &ThreadState, a: Args<'_>) -> PyResult {
    let s = me(&a)?;
    let Some(o) = other(&a) else { return not_impl() };
    if is_int(&o) {
        let q = binary_op(ts, &us_value(s), &o, NB_FLOOR_DIVIDE)?;
        return from_us_value(ts, &q);
    }
    if let Some(od) = delta_of(&o) {
        return binary_op(ts, &us_value(s), &us_value(od), NB_FLOOR_DIVIDE);
    }
    not_impl()
}

fn m_truediv(ts: &ThreadState, a: Args<'_>) -> PyResult {
    let s = me(&a)?;
    let Some(o) = other(&a) else { return not_impl() };
    if let Some(od) = delta_of(&o) {
        return binary_op(ts, &us_value(s), &us_value(od), NB_TRUE_DIVIDE);
    }
    if float_value(&o).is_some() {
        return mul_div_float(ts, s, &o, true);
    }
    if is_int(&o) {
        let q = divide_nearest(ts, &us_value(s), &o)?;
        return from_us_value(ts, &q);
    }
    not_impl()
}

fn m_mod(ts: &ThreadState, a: Args<'_>) -> PyResult {
    let s = me(&a)?;
    let Some(od) = other(&a).as_ref().and_then(delta_of) else { return not_impl() };
    let r = binary_op(ts, &us_value(s), &us_value(od), NB_REMAINDER)?;
    from_us_value(ts, &r)
}

fn m_divmod(ts: &ThreadState, a: Args<'_>) -> PyResult {
    let s = me(&a)?;
    let Some(od) = other(&a).as_ref().and_then(delta_of) else { return not_impl() };
    let (l, r) = (us_value(s), us_value(od));
    let q = binary_op(ts, &l, &r, NB_FLOOR_DIVIDE)?;
    let m = binary_op(ts, &l, &r, NB_REMAINDER)?;
    Ok(new_tuple(vec![q, from_us_value(ts, &m)?]))
}

/// `other <op> self` for the reflected slots: only a timedelta on the left
/// has a meaning (CPython's number slots take both operands).
fn reflected(ts: &ThreadState, a: &Args<'_>, f: fn(&ThreadState, Args<'_>) -> PyResult) -> PyResult {
    let Some(o) = a.args.get(1) else { return not_impl() };
    if delta_of(o).is_none() {
        return not_impl();
    }
    let Some(s) = a.args.first() else { return not_impl() };
    let swapped = [o.clone(), s.clone()];
    f(ts, Args::new(&swapped))
}

fn compare(a: &Args<'_>, op: CmpOp) -> PyResult {
    let s = me(a)?;
    match other(a).as_ref().and_then(delta_of) {
        Some(o) => Ok(new_bool(op.apply(&s, &o))),
        None => not_impl(),
    }
}

pub(crate) fn delta_hash(_ts: &ThreadState, d: Delta) -> PyResult<i64> {
    Ok(super::mix_hash(&[d.days.into(), d.secs.into(), d.us.into()]))
}

pub(crate) fn delta_repr_args(d: Delta) -> String {
    let mut parts = Vec::new();
    if d.days != 0 {
        parts.push(format!("days={}", d.days));
    }
    if d.secs != 0 {
        parts.push(format!("seconds={}", d.secs));
    }
    if d.us != 0 {
        parts.push(format!("microseconds={}", d.us));
    }
    if parts.is_empty() { "0".to_string() } else { parts.join(", ") }
}

fn m_repr(_ts: &ThreadState, a: Args<'_>) -> PyResult {
    let (v, o) = this::<DeltaObj>(&a, "timedelta")?;
    Ok(new_str(&format!("{}({})", ops::type_name(v), delta_repr_args(o.d))))
}

pub(crate) fn delta_str(d: Delta) -> String {
    let (mi, ss) = (d.secs / 60, d.secs % 60);
    let (hh, mi) = (mi / 60, mi % 60);
    let mut s = String::new();
    if d.days != 0 {
        let plural = if d.days == 1 || d.days == -1 { "" } else { "s" };
        s.push_str(&format!("{} day{}, ", d.days, plural));
    }
    s.push_str(&format!("{hh}:{mi:02}:{ss:02}"));
    if d.us != 0 {
        s.push_str(&format!(".{:06}", d.us));
    }
    s
}

fn m_total_seconds(ts: &ThreadState, a: Args<'_>) -> PyResult {
    no_args(&a, "timedelta.total_seconds")?;
    let s = me(&a)?;
    let us = s.total_us();
    if us.unsigned_abs() < (1u128 << 53) {
        return Ok(new_float(us as f64 / 1e6));
    }
    binary_op(ts, &int_of_i128(us), &new_int(1_000_000), NB_TRUE_DIVIDE)
}

fn m_reduce(_ts: &ThreadState, a: Args<'_>) -> PyResult {
    let (v, o) = this::<DeltaObj>(&a, "timedelta")?;
    let d = o.d;
    let state = new_tuple(vec![new_int(d.days.into()), new_int(d.secs.into()), new_int(d.us.into())]);
    Ok(new_tuple(vec![v.type_ref().to_value(), state]))
}

pub(crate) fn install(t: &Types) {
    let d = t.delta;
    spindle_vm::native::set_new(d, delta_new);
    add(
        d,
        &[
            meth!(delta, "__add__", m_add),
            meth!(delta, "__radd__", m_add),
            meth!(delta, "__sub__", m_sub),
            meth!(delta, "__rsub__", m_rsub),
            meth!(delta, "__mul__", m_mul),
            meth!(delta, "__rmul__", m_mul),
            meth!(delta, "__floordiv__", m_floordiv),
            meth!(delta, "__truediv__", m_truediv),
            meth!(delta, "__mod__", m_mod),
            meth!(delta, "__rfloordiv__", |ts, a| reflected(ts, &a, m_floordiv)),
            meth!(delta, "__rtruediv__", |ts, a| reflected(ts, &a, m_truediv)),
            meth!(delta, "__rmod__", |ts, a| reflected(ts, &a, m_mod)),
            meth!(delta, "__rdivmod__", |ts, a| reflected(ts, &a, m_divmod)),
            meth!(delta, "__divmod__", m_divmod),
            meth!(delta, "__neg__", |_, a| Ok(new_delta(me(&a)?.neg()?))),
            meth!(delta, "__pos__", |_, a| Ok(new_delta(me(&a)?))),
            meth!(delta, "__abs__", |_, a| {
                let s = me(&a)?;
                Ok(new_delta(if s.days < 0 { s.neg()? } else { s }))
            }),
            meth!(delta, "__bool__", |_, a| Ok(new_bool(!me(&a)?.is_zero()))),
            meth!(delta, "__eq__", |_, a| compare(&a, CmpOp::Eq)),
            meth!(delta, "__ne__", |_, a| compare(&a, CmpOp::Ne)),
            meth!(delta, "__lt__", |_, a| compare(&a, CmpOp::Lt)),
            meth!(delta, "__le__", |_, a| compare(&a, CmpOp::Le)),
            meth!(delta, "__gt__", |_, a| compare(&a, CmpOp::Gt)),
            meth!(delta, "__ge__", |_, a| compare(&a, CmpOp::Ge)),
            meth!(delta, "__hash__", |ts, a| Ok(new_int(delta_hash(ts, me(&a)?)?))),
            meth!(delta, "__repr__", m_repr),
            meth!(delta, "__str__", |_, a| Ok(new_str(&delta_str(me(&a)?)))),
            meth!(delta, "total_seconds", m_total_seconds),
            meth!(delta, "__reduce__", m_reduce),
        ],
    );
    attr!(member d, delta, "days", |_, a| Ok(new_int(me(&a)?.days.into())));
    attr!(member d, delta, "seconds", |_, a| Ok(new_int(me(&a)?.secs.into())));
    attr!(member d, delta, "microseconds", |_, a| Ok(new_int(me(&a)?.us.into())));
    let cv = spindle_vm::native::add_class_value;
    cv(d, "min", new_delta(Delta { days: -999_999_999, secs: 0, us: 0 }));
    cv(d, "max", new_delta(Delta { days: 999_999_999, secs: 86_399, us: 999_999 }));
    cv(d, "resolution", new_delta(Delta { days: 0, secs: 0, us: 1 }));
    cv(
        d,
        "__doc__",
        new_str(
            "Difference between two datetime values.\n\ntimedelta(days=0, seconds=0, microseconds=0, milliseconds=0, minutes=0, hours=0, weeks=0)\n\nAll arguments are optional and default to 0.\nArguments may be integers or floats, and may be positive or negative.",
        ),
    );
}
