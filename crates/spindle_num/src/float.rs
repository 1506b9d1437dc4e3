//! Float operations with CPython's semantics where they differ from IEEE or C: floor
//! division and modulo with Python signs, `**` with its special cases, `round()` via
//! exact decimal rounding, `float.hex()`/`float.fromhex()`, `as_integer_ratio()`,
//! conversions to `Int`, `math.fsum`, `math.fmod`, `math.frexp` and `math.ldexp`.
//! Also the exact "big mantissa times power of two" rounding that int-to-float
//! conversion, int true division and `fromhex` share.

use num_bigint::BigUint;
use num_traits::{ToPrimitive, Zero};

use crate::error::{ERANGE_MSG, NumError, NumResult};
use crate::float_str::fixed_digits;
use crate::int::{Int, decompose};
use crate::text::strip_py_space;

/// The result of `float ** float`: a float, or `Complex` when CPython would compute the
/// power in the complex domain (negative base, non-integer exponent); the VM then calls
/// [`crate::complex_pow`].
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum FloatPow {
    Float(f64),
    Complex,
}

/// `x // y`.
pub fn float_floordiv(x: f64, y: f64) -> NumResult<f64> {
    Ok(float_divmod(x, y)?.0)
}

/// `x % y`, with the sign of `y`.
pub fn float_mod(x: f64, y: f64) -> NumResult<f64> {
    if y == 0.0 {
        return Err(NumError::zero_div("division by zero"));
    }
    let mut m = x % y;
    if m != 0.0 {
        if (y < 0.0) != (m < 0.0) {
            m += y;
        }
    } else {
        m = 0.0f64.copysign(y);
    }
    Ok(m)
}

/// `divmod(x, y)`.
pub fn float_divmod(x: f64, y: f64) -> NumResult<(f64, f64)> {
    if y == 0.0 {
        return Err(NumError::zero_div("division by zero"));
    }
    let mut m = x % y;
    // x - m is (nearly) an exact multiple of y; the division recovers the quotient.
    let mut div = (x - m) / y;
    if m != 0.0 {
        if (y < 0.0) != (m < 0.0) {
            m += y;
            div -= 1.0;
        }
    } else {
        m = 0.0f64.copysign(y);
    }
    let q = if div != 0.0 {
        let mut f = div.floor();
        if div - f > 0.5 {
            f += 1.0;
        }
        f
    } else {
        0.0f64.copysign(x / y)
    };
    Ok((q, m))
}

/// `x ** y` for floats.
pub fn float_pow(x: f64, y: f64) -> NumResult<FloatPow> {
    use FloatPow::Float;
    if y == 0.0 || x == 1.0 {
        return Ok(Float(1.0));
    }
    if x.is_nan() || y.is_nan() {
        return Ok(Float(f64::NAN));
    }
    if y.is_infinite() {
        let ax = x.abs();
        return Ok(Float(if ax == 1.0 {
            1.0
        } else if (ax > 1.0) == (y > 0.0) {
            f64::INFINITY
        } else {
            0.0
        }));
    }
    let y_odd = is_odd_integer(y);
    if x.is_infinite() {
        let mag = if y > 0.0 { f64::INFINITY } else { 0.0 };
        return Ok(Float(if y_odd { mag.copysign(x) } else { mag }));
    }
    if x == 0.0 {
        if y < 0.0 {
            return Err(NumError::zero_div("zero to a negative power"));
        }
        return Ok(Float(if y_odd { x } else { 0.0 }));
    }
    let mut negate = false;
    let mut base = x;
    if x < 0.0 {
        if y.floor() != y {
            return Ok(FloatPow::Complex);
        }
        base = -x;
        negate = y_odd;
    }
    if base == 1.0 {
        return Ok(Float(if negate { -1.0 } else { 1.0 }));
    }
    let r = base.powf(y);
    if r.is_infinite() {
        return Err(NumError::overflow(ERANGE_MSG));
    }
    Ok(Float(if negate { -r } else { r }))
}

fn is_odd_integer(y: f64) -> bool {
    y.is_finite() && y.floor() == y && (y % 2.0).abs() == 1.0
}

/// `math.fmod(x, y)`: C `fmod` with Python's domain errors.
pub fn float_fmod(x: f64, y: f64) -> NumResult<f64> {
    if y.is_infinite() && x.is_finite() {
        return Ok(x);
    }
    if x.is_nan() || y.is_nan() {
        return Ok(f64::NAN);
    }
    if y == 0.0 || x.is_infinite() {
        return Err(NumError::value("math domain error"));
    }
    Ok(x % y)
}

/// `round(x)`: to the nearest integer, ties to even.
pub fn float_round(x: f64) -> NumResult<Int> {
    Int::from_f64(x.round_ties_even())
}

/// `round(x, ndigits)`, correctly rounded through the exact decimal value (ties to
/// even). The VM clamps a huge `ndigits` to the `i64` range first, as CPython clamps to
/// `Py_ssize_t`.
pub fn float_round_digits(x: f64, ndigits: i64) -> NumResult<f64> {
    const NDIGITS_MAX: i64 = 323;
    const NDIGITS_MIN: i64 = -308;
    if !x.is_finite() || x == 0.0 {
        return Ok(x);
    }
    if ndigits > NDIGITS_MAX {
        return Ok(x);
    }
    if ndigits < NDIGITS_MIN {
        return Ok(0.0 * x);
    }
    // round(|x| * 10**ndigits) as an exact integer, then back through decimal parsing.
    let r = fixed_digits(x.abs(), ndigits);
    let text = format!("{r}e{}", -ndigits);
    let v: f64 = text.parse().unwrap_or(f64::INFINITY);
    if v.is_infinite() {
        return Err(NumError::overflow("rounded value too large to represent"));
    }
    Ok(if x < 0.0 { -v } else { v })
}

/// `math.trunc(x)` / `int(x)`.
pub fn float_trunc(x: f64) -> NumResult<Int> {
    Int::from_f64(x)
}

/// `math.floor(x)`.
pub fn float_floor(x: f64) -> NumResult<Int> {
    Int::from_f64(x.floor())
}

/// `math.ceil(x)`.
pub fn float_ceil(x: f64) -> NumResult<Int> {
    Int::from_f64(x.ceil())
}

/// `float.is_integer()`.
#[must_use]
pub fn float_is_integer(x: f64) -> bool {
    x.is_finite() && x.floor() == x
}

/// `float.as_integer_ratio()`: the lowest-terms fraction, denominator positive.
pub fn float_as_integer_ratio(x: f64) -> NumResult<(Int, Int)> {
    if x.is_infinite() {
        return Err(NumError::overflow(
            "cannot convert Infinity to integer ratio",
        ));
    }
    if x.is_nan() {
        return Err(NumError::value("cannot convert NaN to integer ratio"));
    }
    if x == 0.0 {
        return Ok((Int::zero(), Int::Small(1)));
    }
    let (mant, exp) = decompose(x);
    let tz = i64::from(mant.trailing_zeros());
    let (num, den) = if exp >= 0 {
        (Int::from(mant).shl(&Int::Small(exp))?, Int::Small(1))
    } else {
        let shift = tz.min(-exp);
        (
            Int::from(mant >> shift),
            Int::Small(1).shl(&Int::Small(-exp - shift))?,
        )
    };
    Ok((if x < 0.0 { num.neg() } else { num }, den))
}

/// `math.frexp(x)`: `(m, e)` with `x == m * 2**e` and `0.5 <= |m| < 1`; zero, infinities
/// and NaN come back unchanged with `e == 0`.
#[must_use]
pub fn float_frexp(x: f64) -> (f64, i32) {
    if x == 0.0 || !x.is_finite() {
        return (x, 0);
    }
    let (mant, exp) = decompose(x);
    // |x| = mant * 2**exp with mant < 2**53; normalise mant into [2**52, 2**53).
    let shift = mant.leading_zeros() as i64 - 11;
    let e = exp - shift + 53;
    let m = f64::from_bits((1022u64 << 52) | ((mant << shift) & ((1 << 52) - 1)));
    (m.copysign(x), e as i32)
}

/// `math.ldexp(x, n)`, correctly rounded, with `OverflowError('math range error')`.
pub fn float_ldexp(x: f64, n: i64) -> NumResult<f64> {
    if x == 0.0 || !x.is_finite() {
        return Ok(x);
    }
    let n = n.clamp(-100_000, 100_000) as i32;
    let r = scalbn(x, n);
    if r.is_infinite() {
        return Err(NumError::overflow("math range error"));
    }
    Ok(r)
}

/// `x * 2**n` with a single rounding.
pub(crate) fn scalbn(mut x: f64, mut n: i32) -> f64 {
    let two_1023 = f64::from_bits(0x7fe0_0000_0000_0000);
    // 2**-1022 * 2**53: stepping by this keeps intermediates normal, so only the last
    // multiplication rounds.
    let down = f64::from_bits(0x0010_0000_0000_0000) * f64::from_bits(0x4340_0000_0000_0000);
    if n > 1023 {
        x *= two_1023;
        n -= 1023;
        if n > 1023 {
            x *= two_1023;
            n -= 1023;
            n = n.min(1023);
        }
    } else if n < -1022 {
        x *= down;
        n += 1022 - 53;
        if n < -1022 {
            x *= down;
            n += 1022 - 53;
            n = n.max(-1022);
        }
    }
    x * f64::from_bits(((0x3ff + n) as u64) << 52)
}

/// Rounds `(m + s) * 2**exp` to the nearest float (ties to even), where `s` is 0 when
/// `sticky` is false and some value strictly between 0 and 1 otherwise. Callers that set
/// `sticky` keep at least two bits of `m` below the rounding position. `None` on overflow.
pub(crate) fn round_biguint_to_f64(m: &BigUint, exp: i64, sticky: bool) -> Option<f64> {
    if m.is_zero() {
        return Some(0.0);
    }
    let bits = m.bits() as i64;
    let top = bits - 1 + exp;
    if top > 1023 {
        return None;
    }
    if top < -1076 {
        // Below half the smallest subnormal.
        return Some(0.0);
    }
    let ulp = (top - 52).max(-1074);
    let drop = ulp - exp;
    if drop <= 0 {
        let v = m.to_u64()? << (-drop) as u64;
        return Some(scalbn(v as f64, ulp as i32));
    }
    let drop = drop as u64;
    let kept: BigUint = m >> drop;
    let mut mant = kept.to_u64()?;
    let low_mask = (BigUint::from(1u32) << drop) - 1u32;
    let rem = m & &low_mask;
    let half = BigUint::from(1u32) << (drop - 1);
    let round_up = match rem.cmp(&half) {
        std::cmp::Ordering::Greater => true,
        std::cmp::Ordering::Equal => sticky || mant & 1 == 1,
        std::cmp::Ordering::Less => false,
    };
    if round_up {
        mant += 1;
    }
    let v = scalbn(mant as f64, ulp as i32);
    if v.is_infinite() { None } else { Some(v) }
}

/// `float.hex(x)`.
#[must_use]
pub fn float_to_hex(x: f64) -> String {
    if x.is_nan() {
        return "nan".into();
    }
    if x.is_infinite() {
        return if x > 0.0 { "inf".into() } else { "-inf".into() };
    }
    let sign = if x.is_sign_negative() { "-" } else { "" };
    if x == 0.0 {
        return format!("{sign}0x0.0p+0");
    }
    let bits = x.to_bits();
    let biased = ((bits >> 52) & 0x7ff) as i64;
    let frac = bits & ((1 << 52) - 1);
    let (lead, exp) = if biased == 0 {
        (0, -1022)
    } else {
        (1, biased - 1023)
    };
    let esign = if exp < 0 { '-' } else { '+' };
    format!("{sign}0x{lead}.{frac:013x}p{esign}{}", exp.unsigned_abs())
}

/// `float.fromhex(s)`.
pub fn float_from_hex(s: &str) -> NumResult<f64> {
    let invalid = || NumError::value("invalid hexadecimal floating-point string");
    let t = strip_py_space(s);
    let (neg, t) = match t.as_bytes().first() {
        Some(b'-') => (true, &t[1..]),
        Some(b'+') => (false, &t[1..]),
        _ => (false, t),
    };
    let lower = t.to_ascii_lowercase();
    if lower == "inf" || lower == "infinity" {
        return Ok(if neg {
            f64::NEG_INFINITY
        } else {
            f64::INFINITY
        });
    }
    if lower == "nan" {
        return Ok(if neg { -f64::NAN } else { f64::NAN });
    }
    let b = lower.as_bytes();
    let mut i = 0;
    if b.len() >= 2 && b[0] == b'0' && b[1] == b'x' {
        i = 2;
    }
    let mut mant = BigUint::zero();
    let mut any_digit = false;
    let mut frac_digits: i64 = 0;
    let mut seen_point = false;
    // Leading zeros add nothing; count only significant digits into the big mantissa.
    let mut digits: Vec<u8> = Vec::new();
    while i < b.len() {
        let c = b[i];
        if c == b'.' && !seen_point {
            seen_point = true;
        } else if let Some(d) = (c as char).to_digit(16) {
            any_digit = true;
            if seen_point {
                frac_digits += 1;
            }
            if !(digits.is_empty() && d == 0) {
                digits.push(d as u8);
            }
        } else {
            break;
        }
        i += 1;
    }
    if !any_digit {
        return Err(invalid());
    }
    let mut exp: i64 = 0;
    if i < b.len() && b[i] == b'p' {
        i += 1;
        let mut eneg = false;
        if i < b.len() && (b[i] == b'+' || b[i] == b'-') {
            eneg = b[i] == b'-';
            i += 1;
        }
        let start = i;
        while i < b.len() && b[i].is_ascii_digit() {
            // Saturate: beyond this every nonzero mantissa overflows or underflows.
            exp = (exp * 10 + i64::from(b[i] - b'0')).min(1 << 40);
            i += 1;
        }
        if i == start {
            return Err(invalid());
        }
        if eneg {
            exp = -exp;
        }
    }
    if i != b.len() {
        return Err(invalid());
    }
    if !digits.is_empty() {
        mant = BigUint::from_radix_be(&digits, 16).ok_or_else(invalid)?;
    }
    let v = round_biguint_to_f64(&mant, exp - 4 * frac_digits, false)
        .ok_or_else(|| NumError::overflow("hexadecimal value too large to represent as a float"))?;
    Ok(if neg { -v } else { v })
}

/// `math.fsum(values)`: the correctly rounded sum, with CPython's handling of
/// infinities, NaNs and intermediate overflow.
pub fn fsum(values: impl IntoIterator<Item = f64>) -> NumResult<f64> {
    let mut partials: Vec<f64> = Vec::new();
    let mut special_sum = 0.0f64;
    let mut inf_sum = 0.0f64;
    for xsave in values {
        let mut x = xsave;
        let mut i = 0;
        for j in 0..partials.len() {
            let mut y = partials[j];
            if x.abs() < y.abs() {
                std::mem::swap(&mut x, &mut y);
            }
            let hi = x + y;
            let lo = y - (hi - x);
            if lo != 0.0 {
                partials[i] = lo;
                i += 1;
            }
            x = hi;
        }
        partials.truncate(i);
        if x != 0.0 {
            if !x.is_finite() {
                if xsave.is_finite() {
                    return Err(NumError::overflow("intermediate overflow in fsum"));
                }
                if xsave.is_infinite() {
                    inf_sum += xsave;
                }
                special_sum += xsave;
                partials.clear();
            } else {
                partials.push(x);
            }
        }
    }
    if special_sum != 0.0 || special_sum.is_nan() {
        if inf_sum.is_nan() {
            return Err(NumError::value("-inf + inf in fsum"));
        }
        return Ok(special_sum);
    }
    let mut hi = 0.0;
    let mut n = partials.len();
    if n > 0 {
        n -= 1;
        hi = partials[n];
        let mut lo = 0.0;
        while n > 0 {
            let x = hi;
            n -= 1;
            let y = partials[n];
            hi = x + y;
            let yr = hi - x;
            lo = y - yr;
            if lo != 0.0 {
                break;
            }
        }
        // Make half-way cases round like the exact sum: if the rest of the partials
        // pushes lo further in its direction, round away.
        if n > 0 && ((lo < 0.0 && partials[n - 1] < 0.0) || (lo > 0.0 && partials[n - 1] > 0.0)) {
            let y = lo * 2.0;
            let x = hi + y;
            let yr = x - hi;
            if y == yr {
                hi = x;
            }
        }
    }
    Ok(hi)
}
