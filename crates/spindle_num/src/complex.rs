//! Complex numbers as two floats: CPython's repr, division (Smith's algorithm with the
//! C99 Annex G recovery of infinities and zeros, as 3.14), the mixed real/complex
//! division of 3.14, `**` with the integer-exponent fast path, and `complex(str)`.

use crate::error::{NumError, NumResult};
use crate::float_str::{float_repr_no_dot0, parse_float_prefix_clean};
use crate::text::{is_c_space, py_str_repr, to_ascii_number};

/// A Python `complex`.
#[derive(Clone, Copy, Debug, PartialEq, Default)]
pub struct Complex {
    pub re: f64,
    pub im: f64,
}

// The arithmetic methods take operands by reference and are called by name from the
// VM's slots, so they are inherent methods rather than operator impls.
#[allow(clippy::should_implement_trait)]
impl Complex {
    #[must_use]
    pub const fn new(re: f64, im: f64) -> Complex {
        Complex { re, im }
    }

    #[must_use]
    pub fn add(self, o: Complex) -> Complex {
        Complex::new(self.re + o.re, self.im + o.im)
    }

    #[must_use]
    pub fn sub(self, o: Complex) -> Complex {
        Complex::new(self.re - o.re, self.im - o.im)
    }

    /// Complex times complex (the textbook formula, as CPython's `_Py_c_prod`).
    #[must_use]
    pub fn mul(self, o: Complex) -> Complex {
        Complex::new(
            self.re * o.re - self.im * o.im,
            self.re * o.im + self.im * o.re,
        )
    }

    /// Complex times real (3.14 mixed-mode arithmetic: the real operand has no
    /// imaginary zero to contaminate signs or NaNs).
    #[must_use]
    pub fn mul_real(self, r: f64) -> Complex {
        Complex::new(self.re * r, self.im * r)
    }

    #[must_use]
    pub fn neg(self) -> Complex {
        Complex::new(-self.re, -self.im)
    }

    /// `abs(z)`; `OverflowError("absolute value too large")` when finite parts overflow.
    pub fn abs(self) -> NumResult<f64> {
        if !self.re.is_finite() || !self.im.is_finite() {
            if self.re.is_infinite() || self.im.is_infinite() {
                return Ok(f64::INFINITY);
            }
            return Ok(f64::NAN);
        }
        let r = self.re.hypot(self.im);
        if r.is_infinite() {
            return Err(NumError::overflow("absolute value too large"));
        }
        Ok(r)
    }
}

/// `repr(z)`: `'(1+2j)'`, `'2j'`, `'(-0-0j)'`, `'(nan+infj)'`.
#[must_use]
pub fn complex_repr(z: Complex) -> String {
    let im = float_repr_no_dot0(z.im);
    if z.re == 0.0 && z.re.is_sign_positive() {
        return format!("{im}j");
    }
    let re = float_repr_no_dot0(z.re);
    let sign = if im.starts_with('-') { "" } else { "+" };
    format!("({re}{sign}{im}j)")
}

/// `a / b` for complex operands.
pub fn complex_quot(a: Complex, b: Complex) -> NumResult<Complex> {
    let abs_br = b.re.abs();
    let abs_bi = b.im.abs();
    let mut r = if abs_br >= abs_bi {
        if abs_br == 0.0 {
            return Err(NumError::zero_div("division by zero"));
        }
        let ratio = b.im / b.re;
        let denom = b.re + b.im * ratio;
        Complex::new((a.re + a.im * ratio) / denom, (a.im - a.re * ratio) / denom)
    } else if abs_bi >= abs_br {
        let ratio = b.re / b.im;
        let denom = b.re * ratio + b.im;
        Complex::new((a.re * ratio + a.im) / denom, (a.im * ratio - a.re) / denom)
    } else {
        // At least one part of b is NaN.
        Complex::new(f64::NAN, f64::NAN)
    };
    if r.re.is_nan() && r.im.is_nan() {
        recover_quot(&mut r, a, b);
    }
    Ok(r)
}

/// C99 Annex G: a NaN+NaNj quotient that should be an infinity or a zero.
fn recover_quot(r: &mut Complex, a: Complex, b: Complex) {
    let unit = |v: f64| (if v.is_infinite() { 1.0f64 } else { 0.0 }).copysign(v);
    if (a.re.is_infinite() || a.im.is_infinite()) && b.re.is_finite() && b.im.is_finite() {
        let x = unit(a.re);
        let y = unit(a.im);
        r.re = f64::INFINITY * (x * b.re + y * b.im);
        r.im = f64::INFINITY * (y * b.re - x * b.im);
    } else if (b.re.is_infinite() || b.im.is_infinite()) && a.re.is_finite() && a.im.is_finite() {
        let x = unit(b.re);
        let y = unit(b.im);
        r.re = 0.0 * (a.re * x + a.im * y);
        r.im = 0.0 * (a.im * x - a.re * y);
    }
}

/// `a / r` for a complex `a` and a real (float or int) `r`.
pub fn complex_quot_real(a: Complex, r: f64) -> NumResult<Complex> {
    if r == 0.0 {
        return Err(NumError::zero_div("division by zero"));
    }
    Ok(Complex::new(a.re / r, a.im / r))
}

/// `r / b` for a real `r` and a complex `b`.
pub fn complex_rquot(r: f64, b: Complex) -> NumResult<Complex> {
    let abs_br = b.re.abs();
    let abs_bi = b.im.abs();
    let mut q = if abs_br >= abs_bi {
        if abs_br == 0.0 {
            return Err(NumError::zero_div("division by zero"));
        }
        let ratio = b.im / b.re;
        let denom = b.re + b.im * ratio;
        Complex::new(r / denom, (-r * ratio) / denom)
    } else if abs_bi >= abs_br {
        let ratio = b.re / b.im;
        let denom = b.re * ratio + b.im;
        Complex::new((r * ratio) / denom, (-r) / denom)
    } else {
        Complex::new(f64::NAN, f64::NAN)
    };
    if q.re.is_nan() && q.im.is_nan() {
        // Annex G recovery for a real numerator (no imaginary zero to add signs).
        let unit = |v: f64| (if v.is_infinite() { 1.0f64 } else { 0.0 }).copysign(v);
        if r.is_infinite() && b.re.is_finite() && b.im.is_finite() {
            let x = unit(r);
            q = Complex::new(f64::INFINITY * (x * b.re), f64::INFINITY * (-x * b.im));
        } else if (b.re.is_infinite() || b.im.is_infinite()) && r.is_finite() {
            let x = unit(b.re);
            let y = unit(b.im);
            q = Complex::new(0.0 * (r * x), 0.0 * (-r * y));
        }
    }
    Ok(q)
}

/// `a ** b` for complex operands (the VM converts real operands to complex first).
pub fn complex_pow(a: Complex, b: Complex) -> NumResult<Complex> {
    let p = if b.im == 0.0 && b.re == b.re.floor() && b.re.abs() <= 100.0 {
        powi(a, b.re as i64)?
    } else {
        pow_general(a, b)?
    };
    if p.re.is_infinite() || p.im.is_infinite() {
        return Err(NumError::overflow("complex exponentiation"));
    }
    Ok(p)
}

const ZERO_POW: &str = "zero to a negative or complex power";

fn powi(a: Complex, n: i64) -> NumResult<Complex> {
    if n > 0 {
        Ok(powu(a, n as u64))
    } else {
        complex_quot(Complex::new(1.0, 0.0), powu(a, n.unsigned_abs()))
            .map_err(|_| NumError::zero_div(ZERO_POW))
    }
}

fn powu(a: Complex, n: u64) -> Complex {
    let mut r = Complex::new(1.0, 0.0);
    let mut p = a;
    let mut mask = 1u64;
    while mask > 0 && n >= mask {
        if n & mask != 0 {
            r = r.mul(p);
        }
        mask <<= 1;
        p = p.mul(p);
    }
    r
}

fn pow_general(a: Complex, b: Complex) -> NumResult<Complex> {
    if b.re == 0.0 && b.im == 0.0 {
        return Ok(Complex::new(1.0, 0.0));
    }
    if a.re == 0.0 && a.im == 0.0 {
        if b.im != 0.0 || b.re < 0.0 {
            return Err(NumError::zero_div(ZERO_POW));
        }
        return Ok(Complex::new(0.0, 0.0));
    }
    let vabs = a.re.hypot(a.im);
    let mut len = vabs.powf(b.re);
    let at = a.im.atan2(a.re);
    let mut phase = at * b.re;
    if b.im != 0.0 {
        len /= (at * b.im).exp();
        phase += b.im * vabs.ln();
    }
    // glibc's cos/sin of an infinity set errno to EDOM, which CPython (on Linux)
    // reports as this ZeroDivisionError.
    if phase.is_infinite() {
        return Err(NumError::zero_div(ZERO_POW));
    }
    Ok(Complex::new(len * phase.cos(), len * phase.sin()))
}

/// `complex(s)` for a string.
pub fn complex_from_str(s: &str) -> NumResult<Complex> {
    let ascii = to_ascii_number(s);
    // Misplaced underscores get the generic conversion message, anything else the
    // complex-specific one.
    let clean = remove_digit_underscores(&ascii).ok_or_else(|| {
        NumError::value(format!(
            "could not convert string to complex: {}",
            py_str_repr(s)
        ))
    })?;
    parse_complex(&clean).ok_or_else(|| NumError::value("complex() arg is a malformed string"))
}

fn parse_complex(clean: &str) -> Option<Complex> {
    let b = clean.as_bytes();
    let skip_ws = |mut i: usize| {
        while i < b.len() && is_c_space(b[i]) {
            i += 1;
        }
        i
    };
    let mut i = skip_ws(0);
    let bracket = b.get(i) == Some(&b'(');
    if bracket {
        i = skip_ws(i + 1);
    }
    let is_j = |i: usize| matches!(b.get(i), Some(b'j' | b'J'));
    let (mut re, mut im) = (0.0, 0.0);
    if let Some((z, n)) = parse_float_prefix_clean(&b[i..]) {
        i += n;
        match b.get(i) {
            Some(b'+' | b'-') => {
                re = z;
                if let Some((y, m)) = parse_float_prefix_clean(&b[i..]) {
                    im = y;
                    i += m;
                } else {
                    im = if b[i] == b'+' { 1.0 } else { -1.0 };
                    i += 1;
                }
                if !is_j(i) {
                    return None;
                }
                i += 1;
            }
            Some(b'j' | b'J') => {
                im = z;
                i += 1;
            }
            _ => re = z,
        }
    } else {
        match b.get(i) {
            Some(b'+' | b'-') if is_j(i + 1) => {
                im = if b[i] == b'+' { 1.0 } else { -1.0 };
                i += 2;
            }
            Some(b'j' | b'J') => {
                im = 1.0;
                i += 1;
            }
            _ => return None,
        }
    }
    i = skip_ws(i);
    if bracket {
        if b.get(i) != Some(&b')') {
            return None;
        }
        i = skip_ws(i + 1);
    }
    (i == b.len()).then_some(Complex::new(re, im))
}

/// Removes each underscore that sits between two digits; `None` for any other.
fn remove_digit_underscores(s: &str) -> Option<String> {
    let b = s.as_bytes();
    let mut out = String::with_capacity(s.len());
    for (i, &c) in b.iter().enumerate() {
        if c == b'_' {
            let ok =
                i > 0 && b[i - 1].is_ascii_digit() && b.get(i + 1).is_some_and(u8::is_ascii_digit);
            if !ok {
                return None;
            }
        } else {
            out.push(char::from(c));
        }
    }
    Some(out)
}
