//! The `math` module: CPython 3.14's functions and constants over f64 and
//! spindle_num's ints, with CPython's error classes and messages ("math
//! domain error", "math range error", and 3.14's "expected ..., got x").

use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{One, Signed, ToPrimitive, Zero};
use spindle_num::{Int, float_repr};
use spindle_vm::builtins_init::numbers::{from_int, num_err, to_int};
use spindle_vm::function::Args;
use spindle_vm::interp::ThreadState;
use spindle_vm::native::{add_value, new_module};
use spindle_vm::num::{float_value, new_bool, new_float, new_int};
use spindle_vm::runtime::{is_none, none};
use spindle_vm::seq::new_tuple;
use spindle_vm::{PyResult, Value, arith, err, ops, raise};

use super::{exact, index_int, parse, real};

#[allow(unsafe_code)]
mod libm {
    unsafe extern "C" {
        pub fn erf(x: f64) -> f64;
        pub fn erfc(x: f64) -> f64;
        pub fn tgamma(x: f64) -> f64;
        pub fn lgamma(x: f64) -> f64;
        pub fn asinh(x: f64) -> f64;
        pub fn acosh(x: f64) -> f64;
        pub fn atanh(x: f64) -> f64;
        pub fn remainder(x: f64, y: f64) -> f64;
        pub fn log1p(x: f64) -> f64;
        pub fn expm1(x: f64) -> f64;
    }
}

macro_rules! cfn {
    ($name:ident, $f:ident) => {
        pub(crate) fn $name(x: f64) -> f64 {
            // SAFETY: pure C math function on a plain double.
            unsafe { libm::$f(x) }
        }
    };
}
cfn!(c_erf, erf);
cfn!(c_erfc, erfc);
cfn!(c_tgamma, tgamma);
cfn!(c_lgamma, lgamma);
cfn!(c_asinh, asinh);
cfn!(c_acosh, acosh);
cfn!(c_atanh, atanh);
cfn!(c_log1p, log1p);
cfn!(c_expm1, expm1);

fn c_remainder(x: f64, y: f64) -> f64 {
    // SAFETY: pure C math function on plain doubles.
    unsafe { libm::remainder(x, y) }
}

fn domain(msg: Option<&str>, x: f64) -> spindle_vm::PyErr {
    match msg {
        Some(m) => err!(ValueError, "{}, got {}", m, float_repr(x)),
        None => err!(ValueError, "math domain error"),
    }
}

/// One-argument float function with CPython's error rules.
fn m1(ts: &ThreadState, a: &Args<'_>, name: &str, f: fn(f64) -> f64, overflow: bool, msg: Option<&str>) -> PyResult<Value> {
    let v = exact(name, a, 0, 1, 1)?;
    let x = real(ts, &v[0])?;
    m1f(x, f, overflow, msg).map(new_float)
}

fn m1f(x: f64, f: fn(f64) -> f64, overflow: bool, msg: Option<&str>) -> PyResult<f64> {
    let r = f(x);
    if r.is_nan() && !x.is_nan() {
        return Err(domain(msg, x));
    }
    if r.is_infinite() && x.is_finite() {
        if overflow {
            raise!(OverflowError, "math range error");
        }
        return Err(domain(msg, x));
    }
    Ok(r)
}

macro_rules! mf {
    ($name:ident, $py:expr, $f:expr, $ov:expr, $msg:expr) => {
        fn $name(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
            m1(ts, &a, $py, $f, $ov, $msg)
        }
    };
}

const FINITE: Option<&str> = Some("expected a finite input");
const UNIT: Option<&str> = Some("expected a number in range from -1 up to 1");

mf!(m_sqrt, "sqrt", f64::sqrt, false, Some("expected a nonnegative input"));
mf!(m_exp, "exp", f64::exp, true, None);
mf!(m_exp2, "exp2", f64::exp2, true, None);
mf!(m_expm1, "expm1", c_expm1, true, None);
mf!(m_log1p, "log1p", c_log1p, false, Some("expected argument value > -1"));
mf!(m_sin, "sin", f64::sin, false, FINITE);
mf!(m_cos, "cos", f64::cos, false, FINITE);
mf!(m_tan, "tan", f64::tan, false, FINITE);
mf!(m_asin, "asin", f64::asin, false, UNIT);
mf!(m_acos, "acos", f64::acos, false, UNIT);
mf!(m_atan, "atan", f64::atan, false, None);
mf!(m_sinh, "sinh", f64::sinh, true, None);
mf!(m_cosh, "cosh", f64::cosh, true, None);
mf!(m_tanh, "tanh", f64::tanh, false, None);
mf!(m_asinh, "asinh", c_asinh, false, None);
mf!(m_acosh, "acosh", c_acosh, false, Some("expected argument value not less than 1"));
mf!(m_atanh, "atanh", c_atanh, false, Some("expected a number between -1 and 1"));
mf!(m_cbrt, "cbrt", f64::cbrt, false, None);
mf!(m_erf, "erf", c_erf, false, None);
mf!(m_erfc, "erfc", c_erfc, false, None);
mf!(m_fabs, "fabs", f64::abs, false, None);

fn gamma_like(ts: &ThreadState, a: &Args<'_>, name: &str, f: fn(f64) -> f64) -> PyResult<Value> {
    let v = exact(name, a, 0, 1, 1)?;
    let x = real(ts, &v[0])?;
    if x.is_finite() && x <= 0.0 && x == x.floor() {
        return Err(domain(Some("expected a noninteger or positive integer"), x));
    }
    if x.is_nan() {
        return Ok(new_float(x));
    }
    if x.is_infinite() {
        if x < 0.0 {
            if name == "lgamma" {
                return Ok(new_float(f64::INFINITY));
            }
            return Err(domain(None, x));
        }
        return Ok(new_float(x));
    }
    let r = f(x);
    if r.is_infinite() || r.is_nan() {
        raise!(OverflowError, "math range error");
    }
    Ok(new_float(r))
}

fn m_gamma(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    gamma_like(ts, &a, "gamma", c_tgamma)
}
fn m_lgamma(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    gamma_like(ts, &a, "lgamma", c_lgamma)
}

fn two(ts: &ThreadState, a: &Args<'_>, name: &str) -> PyResult<(f64, f64)> {
    let v = exact(name, a, 0, 2, 2)?;
    Ok((real(ts, &v[0])?, real(ts, &v[1])?))
}

fn m_atan2(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let (y, x) = two(ts, &a, "atan2")?;
    Ok(new_float(y.atan2(x)))
}

fn m_copysign(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let (x, y) = two(ts, &a, "copysign")?;
    Ok(new_float(x.copysign(y)))
}

fn m_fmod(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let (x, y) = two(ts, &a, "fmod")?;
    if y.is_infinite() && x.is_finite() {
        return Ok(new_float(x));
    }
    let r = x % y;
    if r.is_nan() && !x.is_nan() && !y.is_nan() {
        raise!(ValueError, "math domain error");
    }
    Ok(new_float(r))
}

fn m_remainder(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let (x, y) = two(ts, &a, "remainder")?;
    if x.is_nan() || y.is_nan() {
        return Ok(new_float(f64::NAN));
    }
    if x.is_infinite() || y == 0.0 {
        raise!(ValueError, "math domain error");
    }
    if y.is_infinite() {
        return Ok(new_float(x));
    }
    Ok(new_float(c_remainder(x, y)))
}

fn m_pow(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let (x, y) = two(ts, &a, "pow")?;
    let r = x.powf(y);
    if x.is_finite() && y.is_finite() {
        if r.is_nan() {
            raise!(ValueError, "math domain error");
        }
        if r.is_infinite() {
            if x == 0.0 {
                raise!(ValueError, "math domain error");
            }
            raise!(OverflowError, "math range error");
        }
    }
    Ok(new_float(r))
}

fn m_fma(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let v = exact("fma", &a, 0, 3, 3)?;
    let (x, y, z) = (real(ts, &v[0])?, real(ts, &v[1])?, real(ts, &v[2])?);
    let r = x.mul_add(y, z);
    if !r.is_finite() {
        if r.is_nan() {
            if !x.is_nan() && !y.is_nan() && !z.is_nan() {
                raise!(ValueError, "invalid operation in fma");
            }
        } else if x.is_finite() && y.is_finite() && z.is_finite() {
            raise!(OverflowError, "overflow in fma");
        }
    }
    Ok(new_float(r))
}

fn m_degrees(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let v = exact("degrees", &a, 0, 1, 1)?;
    Ok(new_float(real(ts, &v[0])? * (180.0 / std::f64::consts::PI)))
}

fn m_radians(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let v = exact("radians", &a, 0, 1, 1)?;
    Ok(new_float(real(ts, &v[0])? * (std::f64::consts::PI / 180.0)))
}

fn pred(ts: &ThreadState, a: &Args<'_>, name: &str, f: fn(f64) -> bool) -> PyResult<Value> {
    let v = exact(name, a, 0, 1, 1)?;
    Ok(new_bool(f(real(ts, &v[0])?)))
}
fn m_isfinite(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    pred(ts, &a, "isfinite", f64::is_finite)
}
fn m_isinf(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    pred(ts, &a, "isinf", f64::is_infinite)
}
fn m_isnan(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    pred(ts, &a, "isnan", f64::is_nan)
}

fn m_isclose(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let [x, y, rt, at] = parse("isclose", &a, 0, ["a", "b", "rel_tol", "abs_tol"], 2)?;
    let x = real(ts, x.as_ref().unwrap_or(&none()))?;
    let y = real(ts, y.as_ref().unwrap_or(&none()))?;
    let rel = match rt {
        Some(v) => real(ts, &v)?,
        None => 1e-9,
    };
    let abs = match at {
        Some(v) => real(ts, &v)?,
        None => 0.0,
    };
    if rel < 0.0 || abs < 0.0 {
        raise!(ValueError, "tolerances must be non-negative");
    }
    if x == y {
        return Ok(new_bool(true));
    }
    if x.is_infinite() || y.is_infinite() {
        return Ok(new_bool(false));
    }
    let d = (y - x).abs();
    Ok(new_bool(d <= (rel * y).abs() || d <= (rel * x).abs() || d <= abs))
}

fn rounding(ts: &ThreadState, a: &Args<'_>, name: &str, dunder: &'static str, f: fn(f64) -> spindle_num::NumResult<Int>) -> PyResult<Value> {
    let v = exact(name, a, 0, 1, 1)?;
    let x = &v[0];
    if let Some(f0) = float_value(x) {
        if x.type_ref() == spindle_vm::runtime::rt().types.float {
            return f(f0).map(from_int).map_err(num_err);
        }
    }
    if x.type_ref() == spindle_vm::runtime::rt().types.int || x.type_ref() == spindle_vm::runtime::rt().types.bool_ {
        if let Some(i) = to_int(x) {
            return Ok(from_int(i));
        }
    }
    if let Some(r) = ops::call_dunder(ts, x, dunder, &[])? {
        return Ok(r);
    }
    if dunder == "__trunc__" {
        raise!(TypeError, "type {} doesn't define __trunc__ method", ops::type_name(x));
    }
    f(real(ts, x)?).map(from_int).map_err(num_err)
}

fn m_floor(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    rounding(ts, &a, "floor", "__floor__", spindle_num::float_floor)
}
fn m_ceil(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    rounding(ts, &a, "ceil", "__ceil__", spindle_num::float_ceil)
}
fn m_trunc(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    rounding(ts, &a, "trunc", "__trunc__", spindle_num::float_trunc)
}

fn m_frexp(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let v = exact("frexp", &a, 0, 1, 1)?;
    let x = real(ts, &v[0])?;
    let (m, e) = if x.is_finite() && x != 0.0 { spindle_num::float_frexp(x) } else { (x, 0) };
    Ok(new_tuple(vec![new_float(m), new_int(e as i64)]))
}

fn m_ldexp(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let v = exact("ldexp", &a, 0, 2, 2)?;
    let x = real(ts, &v[0])?;
    if float_value(&v[1]).is_some() {
        raise!(TypeError, "Expected an int as second argument to ldexp.");
    }
    let n = index_int(ts, &v[1])?;
    let n = n.to_i64().unwrap_or(if n.is_negative() { i64::MIN / 2 } else { i64::MAX / 2 });
    if x == 0.0 || !x.is_finite() {
        return Ok(new_float(x));
    }
    spindle_num::float_ldexp(x, n).map(new_float).map_err(|_| err!(OverflowError, "math range error"))
}

fn m_modf(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let v = exact("modf", &a, 0, 1, 1)?;
    let x = real(ts, &v[0])?;
    if x.is_infinite() {
        return Ok(new_tuple(vec![new_float(0.0f64.copysign(x)), new_float(x)]));
    }
    let t = x.trunc();
    Ok(new_tuple(vec![new_float((x - t).copysign(x)), new_float(t)]))
}

/// (mantissa in [0.5, 1), exponent) of a positive big int.
fn big_frexp(i: &BigInt) -> (f64, i64) {
    let bits = i.bits() as i64;
    let shift = bits - 63;
    let top = if shift > 0 { i >> (shift as usize) } else { i.clone() };
    let t = top.to_u64().unwrap_or(u64::MAX) as f64;
    let m = t / 2f64.powi((bits - shift.max(0)) as i32);
    (m, bits)
}

fn loghelper(ts: &ThreadState, v: &Value, f: fn(f64) -> f64) -> PyResult<f64> {
    if float_value(v).is_none() {
        if let Some(i) = to_int(v) {
            if i.signum() <= 0 {
                raise!(ValueError, "expected a positive input");
            }
            return match i.to_f64() {
                Ok(x) => m1f(x, f, false, Some("expected a positive input")),
                Err(_) => {
                    let (m, e) = big_frexp(&i.to_bigint());
                    Ok(f(m) + (e as f64) * f(2.0))
                }
            };
        }
    }
    let x = real(ts, v)?;
    m1f(x, f, false, Some("expected a positive input"))
}

fn m_log(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let v = exact("log", &a, 0, 1, 2)?;
    let num = loghelper(ts, &v[0], f64::ln)?;
    if v.len() == 2 {
        let den = loghelper(ts, &v[1], f64::ln)?;
        if den == 0.0 {
            raise!(ZeroDivisionError, "division by zero");
        }
        return Ok(new_float(num / den));
    }
    Ok(new_float(num))
}
fn m_log2(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let v = exact("log2", &a, 0, 1, 1)?;
    loghelper(ts, &v[0], f64::log2).map(new_float)
}
fn m_log10(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let v = exact("log10", &a, 0, 1, 1)?;
    loghelper(ts, &v[0], f64::log10).map(new_float)
}

fn big_of(ts: &ThreadState, v: &Value) -> PyResult<BigInt> {
    Ok(index_int(ts, v)?.into_bigint())
}

fn product(lo: u64, hi: u64) -> BigInt {
    // Product of lo..=hi by halving, so big multiplications stay balanced.
    if lo > hi {
        return BigInt::one();
    }
    if hi - lo < 16 {
        let mut p = BigInt::one();
        for k in lo..=hi {
            p *= k;
        }
        return p;
    }
    let mid = lo + (hi - lo) / 2;
    product(lo, mid) * product(mid + 1, hi)
}

fn m_factorial(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let v = exact("factorial", &a, 0, 1, 1)?;
    let n = index_int(ts, &v[0])?;
    if n.is_negative() {
        raise!(ValueError, "factorial() not defined for negative values");
    }
    let n = n.to_i64().ok_or_else(|| err!(OverflowError, "factorial() argument should not exceed {}", i64::MAX))?;
    if n > 1_000_000 {
        raise!(OverflowError, "factorial() argument is too large");
    }
    Ok(from_int(Int::from(product(1, n as u64))))
}

fn comb_perm(ts: &ThreadState, n: &Value, k: &Value, comb: bool) -> PyResult<Value> {
    let n = big_of(ts, n)?;
    let k = big_of(ts, k)?;
    if n.is_negative() {
        raise!(ValueError, "n must be a non-negative integer");
    }
    if k.is_negative() {
        raise!(ValueError, "k must be a non-negative integer");
    }
    if k > n {
        return Ok(new_int(0));
    }
    let mut k = k.to_u64().ok_or_else(|| err!(OverflowError, "k must not exceed {}", i64::MAX))?;
    if comb {
        let nk = &n - BigInt::from(k);
        if let Some(nk) = nk.to_u64() {
            k = k.min(nk);
        }
    }
    if k > 10_000_000 {
        raise!(OverflowError, "k too large");
    }
    let mut r = BigInt::one();
    for j in 0..k {
        r *= &n - BigInt::from(j);
        if comb {
            r /= BigInt::from(j + 1);
        }
    }
    Ok(from_int(Int::from(r)))
}

fn m_comb(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let v = exact("comb", &a, 0, 2, 2)?;
    comb_perm(ts, &v[0], &v[1], true)
}

fn m_perm(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let v = exact("perm", &a, 0, 1, 2)?;
    match v.get(1) {
        Some(k) if !is_none(k) => comb_perm(ts, &v[0], k, false),
        _ => comb_perm(ts, &v[0], &v[0], false),
    }
}

fn m_gcd(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    if a.has_kwargs() {
        raise!(TypeError, "gcd() takes no keyword arguments");
    }
    let mut g = BigInt::zero();
    for x in a.args {
        let x = big_of(ts, x)?;
        g = g.gcd(&x);
    }
    Ok(from_int(Int::from(g)))
}

fn m_lcm(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    if a.has_kwargs() {
        raise!(TypeError, "lcm() takes no keyword arguments");
    }
    let mut l = BigInt::one();
    for x in a.args {
        let x = big_of(ts, x)?;
        if l.is_zero() || x.is_zero() {
            l = BigInt::zero();
            continue;
        }
        l = l.lcm(&x);
    }
    Ok(from_int(Int::from(l.abs())))
}

fn m_isqrt(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let v = exact("isqrt", &a, 0, 1, 1)?;
    let n = big_of(ts, &v[0])?;
    if n.is_negative() {
        raise!(ValueError, "isqrt() argument must be nonnegative");
    }
    Ok(from_int(Int::from(n.sqrt())))
}

fn m_fsum(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let v = exact("fsum", &a, 0, 1, 1)?;
    let items = ops::collect(ts, &v[0])?;
    let mut xs = Vec::with_capacity(items.len());
    for it in &items {
        xs.push(real(ts, it)?);
    }
    spindle_num::fsum(xs).map(new_float).map_err(num_err)
}

const ADD: u32 = 0;
const MUL: u32 = 5;

fn m_prod(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    if a.positional().len() != 1 {
        raise!(TypeError, "prod() takes exactly 1 positional argument ({} given)", a.positional().len());
    }
    let mut acc = new_int(1);
    for (k, v) in a.kwargs() {
        if k == "start" {
            acc = v.clone();
        } else {
            raise!(TypeError, "prod() got an unexpected keyword argument '{}'", k);
        }
    }
    let it = ops::iter(ts, &a.args[0])?;
    while let Some(x) = ops::next(ts, &it)? {
        acc = arith::binary_op(ts, &acc, &x, MUL)?;
    }
    Ok(acc)
}

fn two_prod(a: f64, b: f64) -> (f64, f64) {
    let p = a * b;
    (p, a.mul_add(b, -p))
}

fn m_sumprod(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let v = exact("sumprod", &a, 0, 2, 2)?;
    let p = ops::collect(ts, &v[0])?;
    let q = ops::collect(ts, &v[1])?;
    if p.len() != q.len() {
        raise!(ValueError, "Inputs are not the same length");
    }
    let is_exact_int = |x: &Value| x.type_ref() == spindle_vm::runtime::rt().types.int || x.type_ref() == spindle_vm::runtime::rt().types.bool_;
    let is_float = |x: &Value| x.type_ref() == spindle_vm::runtime::rt().types.float;
    if p.iter().chain(q.iter()).all(is_exact_int) {
        let mut s = Int::Small(0);
        for (x, y) in p.iter().zip(q.iter()) {
            if let (Some(x), Some(y)) = (to_int(x), to_int(y)) {
                s = s.add(&x.mul(&y));
            }
        }
        return Ok(from_int(s));
    }
    let pairs_ok = p.iter().zip(q.iter()).all(|(x, y)| (is_float(x) && (is_float(y) || is_exact_int(y))) || (is_exact_int(x) && is_float(y)));
    if pairs_ok {
        let mut parts = Vec::with_capacity(p.len() * 2);
        let mut ok = true;
        for (x, y) in p.iter().zip(q.iter()) {
            let (xf, yf) = (real(ts, x)?, real(ts, y)?);
            let (hi, lo) = two_prod(xf, yf);
            if !hi.is_finite() {
                ok = false;
                break;
            }
            parts.push(hi);
            parts.push(lo);
        }
        if ok {
            if let Ok(r) = spindle_num::fsum(parts) {
                return Ok(new_float(r));
            }
        }
    }
    let mut acc = new_int(0);
    for (x, y) in p.iter().zip(q.iter()) {
        let m = arith::binary_op(ts, x, y, MUL)?;
        acc = arith::binary_op(ts, &acc, &m, ADD)?;
    }
    Ok(acc)
}

/// Accurate Euclidean norm of `v` (finite values, `max` their largest magnitude).
fn vector_norm(v: &[f64]) -> f64 {
    let mut max = 0.0f64;
    let mut nan = false;
    for x in v {
        let x = x.abs();
        if x.is_infinite() {
            return f64::INFINITY;
        }
        if x.is_nan() {
            nan = true;
        }
        if x > max {
            max = x;
        }
    }
    if nan {
        return f64::NAN;
    }
    if max == 0.0 || v.len() <= 1 {
        return max;
    }
    let (_, e) = spindle_num::float_frexp(max);
    let scale = 2f64.powi(-e);
    let mut parts = Vec::with_capacity(v.len() * 2);
    for x in v {
        let s = x * scale;
        let (h, l) = two_prod(s, s);
        parts.push(h);
        parts.push(l);
    }
    let sum = spindle_num::fsum(parts.iter().copied()).unwrap_or(f64::NAN);
    let mut h = sum.sqrt();
    // One correction step: h += (sum - h*h) / (2h), with h*h computed exactly.
    let (hh, hl) = two_prod(h, h);
    parts.push(-hh);
    parts.push(-hl);
    let resid = spindle_num::fsum(parts).unwrap_or(0.0);
    if h != 0.0 {
        h += resid / (2.0 * h);
    }
    h / scale
}

fn m_hypot(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    if a.has_kwargs() {
        raise!(TypeError, "hypot() takes no keyword arguments");
    }
    let mut xs = Vec::with_capacity(a.args.len());
    for x in a.args {
        xs.push(real(ts, x)?);
    }
    Ok(new_float(vector_norm(&xs)))
}

fn m_dist(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let v = exact("dist", &a, 0, 2, 2)?;
    let p = ops::collect(ts, &v[0])?;
    let q = ops::collect(ts, &v[1])?;
    if p.len() != q.len() {
        raise!(ValueError, "both points must have the same number of dimensions");
    }
    let mut xs = Vec::with_capacity(p.len());
    for (x, y) in p.iter().zip(q.iter()) {
        xs.push(real(ts, x)? - real(ts, y)?);
    }
    Ok(new_float(vector_norm(&xs)))
}

fn next_toward(x: f64, y: f64) -> f64 {
    if x.is_nan() || y.is_nan() {
        return f64::NAN;
    }
    if x == y {
        return y;
    }
    if x == 0.0 {
        return f64::from_bits(1).copysign(y);
    }
    let b = x.to_bits();
    let up = (y > x) == (x > 0.0);
    f64::from_bits(if up { b + 1 } else { b - 1 })
}

fn m_nextafter(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let [x, y, steps] = parse("nextafter", &a, 0, ["x", "y", "steps"], 2)?;
    let mut x = real(ts, x.as_ref().unwrap_or(&none()))?;
    let y = real(ts, y.as_ref().unwrap_or(&none()))?;
    let n = match steps {
        Some(s) if !is_none(&s) => {
            let n = index_int(ts, &s)?;
            if n.is_negative() {
                raise!(ValueError, "steps must be a non-negative integer");
            }
            n.to_i64().unwrap_or(i64::MAX)
        }
        _ => 1,
    };
    for _ in 0..n.min(1 << 20) {
        let nx = next_toward(x, y);
        if nx == x && nx.to_bits() == x.to_bits() {
            break;
        }
        x = nx;
    }
    if n > (1 << 20) {
        // Far enough: the walk would reach y.
        x = y;
    }
    Ok(new_float(x))
}

fn m_ulp(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let v = exact("ulp", &a, 0, 1, 1)?;
    let x = real(ts, &v[0])?.abs();
    if !x.is_finite() {
        return Ok(new_float(x));
    }
    let up = next_toward(x, f64::INFINITY);
    if up.is_infinite() {
        return Ok(new_float(x - next_toward(x, 0.0)));
    }
    Ok(new_float(up - x))
}

pub(crate) fn init(_ts: &ThreadState) -> PyResult<Value> {
    let m = new_module(
        "math",
        &[
            ("sqrt", m_sqrt),
            ("exp", m_exp),
            ("exp2", m_exp2),
            ("expm1", m_expm1),
            ("log", m_log),
            ("log2", m_log2),
            ("log10", m_log10),
            ("log1p", m_log1p),
            ("sin", m_sin),
            ("cos", m_cos),
            ("tan", m_tan),
            ("asin", m_asin),
            ("acos", m_acos),
            ("atan", m_atan),
            ("atan2", m_atan2),
            ("sinh", m_sinh),
            ("cosh", m_cosh),
            ("tanh", m_tanh),
            ("asinh", m_asinh),
            ("acosh", m_acosh),
            ("atanh", m_atanh),
            ("cbrt", m_cbrt),
            ("erf", m_erf),
            ("erfc", m_erfc),
            ("gamma", m_gamma),
            ("lgamma", m_lgamma),
            ("fabs", m_fabs),
            ("copysign", m_copysign),
            ("fmod", m_fmod),
            ("remainder", m_remainder),
            ("pow", m_pow),
            ("fma", m_fma),
            ("degrees", m_degrees),
            ("radians", m_radians),
            ("isfinite", m_isfinite),
            ("isinf", m_isinf),
            ("isnan", m_isnan),
            ("isclose", m_isclose),
            ("floor", m_floor),
            ("ceil", m_ceil),
            ("trunc", m_trunc),
            ("frexp", m_frexp),
            ("ldexp", m_ldexp),
            ("modf", m_modf),
            ("factorial", m_factorial),
            ("comb", m_comb),
            ("perm", m_perm),
            ("gcd", m_gcd),
            ("lcm", m_lcm),
            ("isqrt", m_isqrt),
            ("fsum", m_fsum),
            ("prod", m_prod),
            ("sumprod", m_sumprod),
            ("hypot", m_hypot),
            ("dist", m_dist),
            ("nextafter", m_nextafter),
            ("ulp", m_ulp),
        ],
    );
    add_value(&m, "pi", new_float(std::f64::consts::PI));
    add_value(&m, "e", new_float(std::f64::consts::E));
    add_value(&m, "tau", new_float(std::f64::consts::TAU));
    add_value(&m, "inf", new_float(f64::INFINITY));
    add_value(&m, "nan", new_float(f64::NAN));
    Ok(m)
}
