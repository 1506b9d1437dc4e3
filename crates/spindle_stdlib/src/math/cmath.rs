//! `cmath`: complex-valued elementary functions (CPython's formulas for
//! sqrt and the inverse functions, the C library's complex routines for the
//! rest), phase/polar/rect, isclose, predicates and constants.

use spindle_num::Complex;
use spindle_vm::builtins_init::numbers::new_complex;
use spindle_vm::function::Args;
use spindle_vm::interp::ThreadState;
use spindle_vm::native::{add_value, new_module};
use spindle_vm::num::{PyComplex, new_bool, new_float};
use spindle_vm::runtime::none;
use spindle_vm::seq::new_tuple;
use spindle_vm::{PyResult, Value, ops, raise};

use super::{exact, parse, real};

#[repr(C)]
#[derive(Clone, Copy)]
struct C64 {
    re: f64,
    im: f64,
}

#[allow(unsafe_code)]
mod clib {
    use super::C64;
    unsafe extern "C" {
        pub fn csqrt(z: C64) -> C64;
        pub fn cexp(z: C64) -> C64;
        pub fn clog(z: C64) -> C64;
        pub fn csin(z: C64) -> C64;
        pub fn ccos(z: C64) -> C64;
        pub fn ctan(z: C64) -> C64;
        pub fn casin(z: C64) -> C64;
        pub fn cacos(z: C64) -> C64;
        pub fn catan(z: C64) -> C64;
        pub fn csinh(z: C64) -> C64;
        pub fn ccosh(z: C64) -> C64;
        pub fn ctanh(z: C64) -> C64;
        pub fn casinh(z: C64) -> C64;
        pub fn cacosh(z: C64) -> C64;
        pub fn catanh(z: C64) -> C64;
        pub fn asinh(x: f64) -> f64;
    }
}

/// The C library's real asinh (Rust's loses precision for huge arguments).
fn asinh(x: f64) -> f64 {
    // SAFETY: pure C math function on a plain double.
    unsafe { clib::asinh(x) }
}

fn to_c(ts: &ThreadState, v: &Value) -> PyResult<C64> {
    if let Some(c) = v.downcast::<PyComplex>() {
        return Ok(C64 { re: c.re, im: c.im });
    }
    if let Some(r) = ops::call_dunder(ts, v, "__complex__", &[])? {
        if let Some(c) = r.downcast::<PyComplex>() {
            return Ok(C64 { re: c.re, im: c.im });
        }
        raise!(TypeError, "__complex__ returned non-complex (type {})", ops::type_name(&r));
    }
    match real(ts, v) {
        Ok(x) => Ok(C64 { re: x, im: 0.0 }),
        Err(_) => raise!(TypeError, "must be real number, not {}", ops::type_name(v)),
    }
}

fn out(z: C64) -> Value {
    new_complex(Complex { re: z.re, im: z.im })
}

fn finite(z: C64) -> bool {
    z.re.is_finite() && z.im.is_finite()
}

// For finite arguments, sqrt and the inverse functions use the formulas
// CPython uses (Kahan's, through one careful sqrt), so results agree with
// CPython to the last bit; the C library's complex routines round
// differently. Infinities and NaNs keep the C library's C99 Annex G values.

const LN2: f64 = std::f64::consts::LN_2;
/// Beyond this, `z*z` style intermediates would overflow: use the asymptotic forms.
const LARGE: f64 = f64::MAX / 4.0;

fn k_sqrt(z: C64) -> C64 {
    if z.re == 0.0 && z.im == 0.0 {
        return C64 { re: 0.0, im: z.im };
    }
    let (ax, ay) = (z.re.abs(), z.im.abs());
    let s = if ax < f64::MIN_POSITIVE && ay < f64::MIN_POSITIVE {
        // Subnormal: scale by 2**53 for precision; sqrt((ax + |z|) / 2) is
        // then sqrt(ax' + |z'|) * 2**-27.
        let (sx, sy) = (ax * 2f64.powi(53), ay * 2f64.powi(53));
        (sx + sx.hypot(sy)).sqrt() * 2f64.powi(-27)
    } else {
        let ax8 = ax / 8.0;
        2.0 * (ax8 + ax8.hypot(ay / 8.0)).sqrt()
    };
    let d = ay / (2.0 * s);
    if z.re >= 0.0 { C64 { re: s, im: d.copysign(z.im) } } else { C64 { re: d, im: s.copysign(z.im) } }
}

fn k_asinh(z: C64) -> C64 {
    let (x, y) = (z.re, z.im);
    if x.abs() > LARGE || y.abs() > LARGE {
        let re = if y >= 0.0 {
            ((x / 2.0).hypot(y / 2.0).ln() + 2.0 * LN2).copysign(x)
        } else {
            -((x / 2.0).hypot(y / 2.0).ln() + 2.0 * LN2).copysign(-x)
        };
        return C64 { re, im: y.atan2(x.abs()) };
    }
    let s1 = k_sqrt(C64 { re: 1.0 + y, im: -x });
    let s2 = k_sqrt(C64 { re: 1.0 - y, im: x });
    C64 { re: asinh(s1.re * s2.im - s2.re * s1.im), im: y.atan2(s1.re * s2.re - s1.im * s2.im) }
}

fn k_asin(z: C64) -> C64 {
    let r = k_asinh(C64 { re: -z.im, im: z.re });
    C64 { re: r.im, im: -r.re }
}

fn k_acos(z: C64) -> C64 {
    let (x, y) = (z.re, z.im);
    if x.abs() > LARGE || y.abs() > LARGE {
        let l = (x / 2.0).hypot(y / 2.0).ln() + 2.0 * LN2;
        let im = if x < 0.0 { -l.copysign(y) } else { l.copysign(-y) };
        return C64 { re: y.abs().atan2(x), im };
    }
    let s1 = k_sqrt(C64 { re: 1.0 - x, im: -y });
    let s2 = k_sqrt(C64 { re: 1.0 + x, im: y });
    C64 { re: 2.0 * s1.re.atan2(s2.re), im: asinh(s2.re * s1.im - s2.im * s1.re) }
}

fn k_acosh(z: C64) -> C64 {
    let (x, y) = (z.re, z.im);
    if x.abs() > LARGE || y.abs() > LARGE {
        return C64 { re: (x / 2.0).hypot(y / 2.0).ln() + 2.0 * LN2, im: y.atan2(x) };
    }
    let s1 = k_sqrt(C64 { re: x - 1.0, im: y });
    let s2 = k_sqrt(C64 { re: x + 1.0, im: y });
    C64 { re: asinh(s1.re * s2.re + s1.im * s2.im), im: 2.0 * s1.im.atan2(s2.re) }
}

fn k_atanh(z: C64) -> C64 {
    let (x, y) = (z.re, z.im);
    if x < 0.0 {
        let r = k_atanh(C64 { re: -x, im: -y });
        return C64 { re: -r.re, im: -r.im };
    }
    let ay = y.abs();
    let sqrt_large = LARGE.sqrt();
    if x > sqrt_large || ay > sqrt_large {
        let h = (x / 2.0).hypot(y / 2.0);
        return C64 { re: x / 4.0 / h / h, im: -(std::f64::consts::FRAC_PI_2).copysign(-y) };
    }
    if x == 1.0 && ay < f64::MIN_POSITIVE.sqrt() {
        if ay == 0.0 {
            return C64 { re: f64::INFINITY, im: y };
        }
        return C64 { re: -(ay.sqrt() / ay.hypot(2.0).sqrt()).ln(), im: (2.0f64.atan2(-ay) / 2.0).copysign(y) };
    }
    C64 {
        re: (4.0 * x / ((1.0 - x) * (1.0 - x) + ay * ay)).ln_1p() / 4.0,
        im: -(-2.0 * y).atan2((1.0 - x) * (1.0 + x) - ay * ay) / 2.0,
    }
}

fn k_atan(z: C64) -> C64 {
    let r = k_atanh(C64 { re: -z.im, im: z.re });
    C64 { re: r.im, im: -r.re }
}

/// The formula used for finite arguments of `name`, if it has one here.
fn own(name: &str) -> Option<fn(C64) -> C64> {
    Some(match name {
        "sqrt" => k_sqrt,
        "asin" => k_asin,
        "acos" => k_acos,
        "atan" => k_atan,
        "asinh" => k_asinh,
        "acosh" => k_acosh,
        "atanh" => k_atanh,
        _ => return None,
    })
}

fn apply(ts: &ThreadState, a: &Args<'_>, name: &str, f: unsafe extern "C" fn(C64) -> C64, overflow: bool) -> PyResult<Value> {
    let v = exact(name, a, 0, 1, 1)?;
    let z = to_c(ts, &v[0])?;
    let r = match own(name) {
        Some(g) if finite(z) => g(z),
        // SAFETY: pure C math function on a plain complex double.
        _ => unsafe { f(z) },
    };
    if finite(z) && !finite(r) {
        if overflow && !(r.re.is_nan() || r.im.is_nan()) {
            raise!(OverflowError, "math range error");
        }
        raise!(ValueError, "math domain error");
    }
    Ok(out(r))
}

macro_rules! cf {
    ($name:ident, $py:expr, $f:ident, $ov:expr) => {
        fn $name(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
            apply(ts, &a, $py, clib::$f, $ov)
        }
    };
}
cf!(c_sqrt, "sqrt", csqrt, false);
cf!(c_exp, "exp", cexp, true);
cf!(c_sin, "sin", csin, true);
cf!(c_cos, "cos", ccos, true);
cf!(c_tan, "tan", ctan, true);
cf!(c_asin, "asin", casin, false);
cf!(c_acos, "acos", cacos, false);
cf!(c_atan, "atan", catan, false);
cf!(c_sinh, "sinh", csinh, true);
cf!(c_cosh, "cosh", ccosh, true);
cf!(c_tanh, "tanh", ctanh, true);
cf!(c_asinh, "asinh", casinh, false);
cf!(c_acosh, "acosh", cacosh, false);
cf!(c_atanh, "atanh", catanh, false);

fn clog(z: C64) -> PyResult<C64> {
    // SAFETY: pure C math function.
    let r = unsafe { clib::clog(z) };
    if finite(z) && !finite(r) {
        raise!(ValueError, "math domain error");
    }
    Ok(r)
}

fn c_log(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let v = exact("log", &a, 0, 1, 2)?;
    let z = clog(to_c(ts, &v[0])?)?;
    if let Some(b) = v.get(1) {
        let b = clog(to_c(ts, b)?)?;
        let q = spindle_num::complex_quot(Complex { re: z.re, im: z.im }, Complex { re: b.re, im: b.im })
            .map_err(spindle_vm::builtins_init::numbers::num_err)?;
        return Ok(new_complex(q));
    }
    Ok(out(z))
}

fn c_log10(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let v = exact("log10", &a, 0, 1, 1)?;
    let z = clog(to_c(ts, &v[0])?)?;
    let l = std::f64::consts::LN_10;
    Ok(out(C64 { re: z.re / l, im: z.im / l }))
}

fn c_phase(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let v = exact("phase", &a, 0, 1, 1)?;
    let z = to_c(ts, &v[0])?;
    Ok(new_float(z.im.atan2(z.re)))
}

fn c_polar(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let v = exact("polar", &a, 0, 1, 1)?;
    let z = to_c(ts, &v[0])?;
    let r = z.re.hypot(z.im);
    if finite(z) && r.is_infinite() {
        raise!(OverflowError, "math range error");
    }
    Ok(new_tuple(vec![new_float(r), new_float(z.im.atan2(z.re))]))
}

fn c_rect(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let v = exact("rect", &a, 0, 2, 2)?;
    let r = real(ts, &v[0])?;
    let phi = real(ts, &v[1])?;
    if r.is_finite() && phi.is_infinite() {
        raise!(ValueError, "math domain error");
    }
    if r.is_infinite() && phi.is_finite() && phi != 0.0 {
        let re = if phi.cos() == 0.0 { 0.0 } else { r * phi.cos() };
        let im = if phi.sin() == 0.0 { 0.0 } else { r * phi.sin() };
        return Ok(out(C64 { re, im }));
    }
    if phi == 0.0 {
        return Ok(out(C64 { re: r, im: if r.is_nan() { phi } else { phi * r.signum() } }));
    }
    Ok(out(C64 { re: r * phi.cos(), im: r * phi.sin() }))
}

fn pred(ts: &ThreadState, a: &Args<'_>, name: &str, f: fn(C64) -> bool) -> PyResult<Value> {
    let v = exact(name, a, 0, 1, 1)?;
    Ok(new_bool(f(to_c(ts, &v[0])?)))
}
fn c_isfinite(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    pred(ts, &a, "isfinite", finite)
}
fn c_isinf(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    pred(ts, &a, "isinf", |z| z.re.is_infinite() || z.im.is_infinite())
}
fn c_isnan(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    pred(ts, &a, "isnan", |z| z.re.is_nan() || z.im.is_nan())
}

fn c_isclose(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let [x, y, rt, at] = parse("isclose", &a, 0, ["a", "b", "rel_tol", "abs_tol"], 2)?;
    let x = to_c(ts, x.as_ref().unwrap_or(&none()))?;
    let y = to_c(ts, y.as_ref().unwrap_or(&none()))?;
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
    if x.re == y.re && x.im == y.im {
        return Ok(new_bool(true));
    }
    if !finite(x) || !finite(y) {
        return Ok(new_bool(false));
    }
    let d = (x.re - y.re).hypot(x.im - y.im);
    let ax = x.re.hypot(x.im);
    let ay = y.re.hypot(y.im);
    Ok(new_bool(d <= rel * ay || d <= rel * ax || d <= abs))
}

pub(crate) fn init(_ts: &ThreadState) -> PyResult<Value> {
    let m = new_module(
        "cmath",
        &[
            ("sqrt", c_sqrt),
            ("exp", c_exp),
            ("log", c_log),
            ("log10", c_log10),
            ("sin", c_sin),
            ("cos", c_cos),
            ("tan", c_tan),
            ("asin", c_asin),
            ("acos", c_acos),
            ("atan", c_atan),
            ("sinh", c_sinh),
            ("cosh", c_cosh),
            ("tanh", c_tanh),
            ("asinh", c_asinh),
            ("acosh", c_acosh),
            ("atanh", c_atanh),
            ("phase", c_phase),
            ("polar", c_polar),
            ("rect", c_rect),
            ("isfinite", c_isfinite),
            ("isinf", c_isinf),
            ("isnan", c_isnan),
            ("isclose", c_isclose),
        ],
    );
    add_value(&m, "pi", new_float(std::f64::consts::PI));
    add_value(&m, "e", new_float(std::f64::consts::E));
    add_value(&m, "tau", new_float(std::f64::consts::TAU));
    add_value(&m, "inf", new_float(f64::INFINITY));
    add_value(&m, "nan", new_float(f64::NAN));
    add_value(&m, "infj", new_complex(Complex { re: 0.0, im: f64::INFINITY }));
    add_value(&m, "nanj", new_complex(Complex { re: 0.0, im: f64::NAN }));
    Ok(m)
}
