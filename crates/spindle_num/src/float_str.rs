//! Float to text and back: `repr()` (the shortest round-tripping digits, from ryu, laid
//! out by CPython's rules), exact correctly rounded digit generation for a given
//! number of significant or fractional digits (what `format()`, `%` and `round()`
//! need), the shared layout routine for the `e`, `f`, `g` and `r` styles, and
//! `float(str)` parsing with Python's grammar (underscores, `inf`/`nan`, whitespace).

use num_bigint::BigUint;
use num_integer::Integer;
use num_traits::{One, Pow, Zero};

use crate::error::{NumError, NumResult};
use crate::int::decompose;
use crate::text::{py_str_repr, strip_py_space, to_ascii_number};

/// `repr(x)` / `str(x)` for a float: `'1.0'`, `'1e+16'`, `'1.5e-05'`, `'inf'`, `'nan'`.
#[must_use]
pub fn float_repr(x: f64) -> String {
    let mut s = String::new();
    if x.is_sign_negative() && !x.is_nan() {
        s.push('-');
    }
    s.push_str(&double_to_string(x.abs(), Style::Repr, 0, false, true));
    s
}

/// The repr of a float without the `.0` that marks an integral value (`'1'`, `'-0'`),
/// as used inside a complex repr.
#[must_use]
pub fn float_repr_no_dot0(x: f64) -> String {
    let mut s = String::new();
    if x.is_sign_negative() && !x.is_nan() {
        s.push('-');
    }
    s.push_str(&double_to_string(x.abs(), Style::Repr, 0, false, false));
    s
}

/// The layout styles of CPython's `PyOS_double_to_string`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Style {
    /// `e`: one digit before the point, `precision` after, always an exponent.
    Exp,
    /// `f`: `precision` digits after the point, never an exponent.
    Fixed,
    /// `g`: `precision` significant digits, exponent when it is < -4 or >= precision.
    General,
    /// `r`: shortest round-trip digits, exponent when it is < -4 or >= 16.
    Repr,
}

/// Formats a non-negative (or NaN) float without sign. `alt` is the `#` flag (keep the
/// point and trailing zeros), `add_dot0` appends `.0` to an integral value shown without
/// exponent (repr, and `format` with no presentation type).
pub(crate) fn double_to_string(
    x: f64,
    style: Style,
    precision: usize,
    alt: bool,
    add_dot0: bool,
) -> String {
    if x.is_nan() {
        return "nan".into();
    }
    if x.is_infinite() {
        return "inf".into();
    }
    let precision = if style == Style::General && precision == 0 {
        1
    } else {
        precision
    };
    let (digits, decpt) = match style {
        Style::Repr => shortest_digits(x),
        Style::Exp => sig_digits(x, precision.saturating_add(1)),
        Style::General => sig_digits(x, precision),
        Style::Fixed => {
            // Digits beyond 1074 places are all zero; the layout pads them back.
            let p = precision.min(1074);
            let s = fixed_digits(x, p as i64).to_string();
            let decpt = s.len() as i64 - p as i64;
            (s, decpt)
        }
    };
    // Strip trailing zeros; the styles that show them pad back below.
    let digits = {
        let t = digits.trim_end_matches('0');
        if t.is_empty() { "0" } else { t }
    };
    let (digits, decpt) = if digits == "0" {
        ("0", 1)
    } else {
        (digits, decpt)
    };
    let n = digits.len() as i64;
    let use_exp = match style {
        Style::Exp => true,
        Style::Fixed => false,
        // With `add_dot0` (no presentation type) CPython switches to exponent one digit
        // earlier, so `format(100.0, '.3')` is `'1e+02'`.
        Style::General => decpt <= -4 || decpt > precision as i64 - i64::from(add_dot0),
        Style::Repr => decpt <= -4 || decpt > 16,
    };
    let point = if use_exp { 1 } else { decpt };
    let frac_len: i64 = match style {
        Style::Exp | Style::Fixed => precision as i64,
        Style::General if alt => (precision as i64 - point).max(0),
        Style::General | Style::Repr => {
            let f = (n - point).max(0);
            if f == 0 && add_dot0 && !use_exp { 1 } else { f }
        }
    };
    let mut out = String::with_capacity((n.max(point) + frac_len + 8) as usize);
    // Integer part.
    if point <= 0 {
        out.push('0');
    } else {
        for i in 0..point {
            out.push(digit_at(digits, i));
        }
    }
    if frac_len > 0 || alt {
        out.push('.');
        for i in point..point + frac_len {
            out.push(digit_at(digits, i));
        }
    }
    if use_exp {
        let e = decpt - 1;
        out.push('e');
        out.push(if e < 0 { '-' } else { '+' });
        let ea = e.unsigned_abs();
        if ea < 10 {
            out.push('0');
        }
        out.push_str(&ea.to_string());
    }
    out
}

fn digit_at(digits: &str, i: i64) -> char {
    if i < 0 {
        return '0';
    }
    digits
        .as_bytes()
        .get(i as usize)
        .map_or('0', |&b| char::from(b))
}

/// The shortest digits that round-trip, with the decimal point position: the value is
/// `0.DIGITS * 10**decpt`. Zero gives `("0", 1)`.
pub(crate) fn shortest_digits(x: f64) -> (String, i64) {
    if x == 0.0 {
        return ("0".into(), 1);
    }
    let mut buf = ryu::Buffer::new();
    let s = buf.format_finite(x.abs());
    // ryu prints either "ddd.ddd" or "d.ddde[-]N" (or "de[-]N").
    let (mantissa, exp) = match s.find('e') {
        Some(i) => (&s[..i], s[i + 1..].parse::<i64>().unwrap_or(0)),
        None => (s, 0),
    };
    let (int_part, frac_part) = match mantissa.find('.') {
        Some(i) => (&mantissa[..i], &mantissa[i + 1..]),
        None => (mantissa, ""),
    };
    let mut digits = String::with_capacity(int_part.len() + frac_part.len());
    digits.push_str(int_part);
    digits.push_str(frac_part);
    let mut decpt = int_part.len() as i64 + exp;
    let lead = digits.len() - digits.trim_start_matches('0').len();
    digits.drain(..lead);
    decpt -= lead as i64;
    let t = digits.trim_end_matches('0').len();
    digits.truncate(t);
    (digits, decpt)
}

/// `x` (finite, >= 0) as the exact fraction `num / den` with `den` a power of two.
fn as_fraction(x: f64) -> (BigUint, BigUint) {
    if x == 0.0 {
        return (BigUint::zero(), BigUint::one());
    }
    let (mant, exp) = decompose(x);
    if exp >= 0 {
        (BigUint::from(mant) << exp as u64, BigUint::one())
    } else {
        (BigUint::from(mant), BigUint::one() << (-exp) as u64)
    }
}

/// `num / den` rounded to the nearest integer, ties to even.
fn div_round_half_even(num: &BigUint, den: &BigUint) -> BigUint {
    let (q, r) = num.div_rem(den);
    let twice: BigUint = r << 1u32;
    match twice.cmp(den) {
        std::cmp::Ordering::Greater => q + 1u32,
        std::cmp::Ordering::Equal if q.is_odd() => q + 1u32,
        _ => q,
    }
}

fn pow10(n: u64) -> BigUint {
    Pow::pow(BigUint::from(10u32), n)
}

/// `round(x * 10**ndigits)` exactly, ties to even (`x` finite, >= 0). Every float
/// times `10**1074` is an integer, so larger `ndigits` only append zeros.
pub(crate) fn fixed_digits(x: f64, ndigits: i64) -> BigUint {
    let (num, den) = as_fraction(x);
    if ndigits > 1074 {
        let r = fixed_digits(x, 1074);
        return r * pow10((ndigits - 1074) as u64);
    }
    if ndigits >= 0 {
        div_round_half_even(&(num * pow10(ndigits as u64)), &den)
    } else {
        // |ndigits| beyond the float range rounds everything to zero.
        let k = (-ndigits).min(400) as u64;
        div_round_half_even(&num, &(den * pow10(k)))
    }
}

/// `n >= 1` significant digits of `x` (finite, > 0 or zero), correctly rounded (ties to
/// even), with the decimal point position: the value is about `0.DIGITS * 10**decpt`.
pub(crate) fn sig_digits(x: f64, n: usize) -> (String, i64) {
    if x == 0.0 {
        return ("0".into(), 1);
    }
    let n = n.max(1);
    // Every float has at most 767 significant decimal digits; beyond, pad with zeros.
    if n > 800 {
        let (mut d, decpt) = sig_digits(x, 800);
        d.extend(std::iter::repeat_n('0', n - d.len()));
        return (d, decpt);
    }
    let (num, den) = as_fraction(x);
    let (mant, exp) = decompose(x);
    let top = 63 - i64::from(mant.leading_zeros()) + exp;
    // k = floor(log10(x)); start at or below it and step up.
    let mut k = ((top as f64) * std::f64::consts::LOG10_2).floor() as i64 - 1;
    loop {
        let next = k + 1;
        let ge = if next >= 0 {
            num >= &den * pow10(next as u64)
        } else {
            &num * pow10((-next) as u64) >= den
        };
        if ge {
            k = next;
        } else {
            break;
        }
    }
    let s = n as i64 - 1 - k;
    let r = if s >= 0 {
        div_round_half_even(&(num * pow10(s as u64)), &den)
    } else {
        div_round_half_even(&num, &(den * pow10((-s) as u64)))
    };
    let mut digits = r.to_string();
    if digits.len() > n {
        // Rounded up to 10**n.
        digits.truncate(n);
        k += 1;
    }
    (digits, k + 1)
}

/// `float(s)` for a string.
pub fn float_from_str(s: &str) -> NumResult<f64> {
    parse_float_body(strip_py_space(&to_ascii_number(s))).ok_or_else(|| {
        NumError::value(format!(
            "could not convert string to float: {}",
            py_str_repr(s)
        ))
    })
}

/// Parses a float with Python's grammar (no surrounding whitespace allowed): sign,
/// `inf`/`infinity`/`nan` in any case, or digits with an optional point and exponent,
/// single underscores allowed between digits.
pub(crate) fn parse_float_body(s: &str) -> Option<f64> {
    let b = s.as_bytes();
    let (neg, rest) = match b.first() {
        Some(b'-') => (true, &s[1..]),
        Some(b'+') => (false, &s[1..]),
        _ => (false, s),
    };
    let lower = rest.to_ascii_lowercase();
    let special = match lower.as_str() {
        "inf" | "infinity" => Some(f64::INFINITY),
        "nan" => Some(f64::NAN),
        _ => None,
    };
    if let Some(v) = special {
        return Some(if neg { -v } else { v });
    }
    let clean = strip_underscores(rest)?;
    if !valid_decimal(&clean) {
        return None;
    }
    let v: f64 = clean.parse().ok()?;
    Some(if neg { -v } else { v })
}

/// Removes underscores that sit between two digits; `None` if any other underscore.
fn strip_underscores(s: &str) -> Option<String> {
    let b = s.as_bytes();
    if !b.contains(&b'_') {
        return Some(s.to_owned());
    }
    let mut out = String::with_capacity(s.len());
    for (i, &c) in b.iter().enumerate() {
        if c == b'_' {
            let prev_ok = i > 0 && b[i - 1].is_ascii_digit();
            let next_ok = b.get(i + 1).is_some_and(u8::is_ascii_digit);
            if !(prev_ok && next_ok) {
                return None;
            }
        } else {
            out.push(char::from(c));
        }
    }
    Some(out)
}

/// `digits [. digits*] | . digits`, then an optional `e [sign] digits`.
fn valid_decimal(s: &str) -> bool {
    let b = s.as_bytes();
    let mut i = 0;
    let int_start = i;
    while i < b.len() && b[i].is_ascii_digit() {
        i += 1;
    }
    let mut any = i > int_start;
    if i < b.len() && b[i] == b'.' {
        i += 1;
        let f = i;
        while i < b.len() && b[i].is_ascii_digit() {
            i += 1;
        }
        any |= i > f;
    }
    if !any {
        return false;
    }
    if i < b.len() && (b[i] == b'e' || b[i] == b'E') {
        i += 1;
        if i < b.len() && (b[i] == b'+' || b[i] == b'-') {
            i += 1;
        }
        let e = i;
        while i < b.len() && b[i].is_ascii_digit() {
            i += 1;
        }
        if i == e {
            return false;
        }
    }
    i == b.len()
}

/// Parses the longest float at the start of `b` (which holds no underscores), as C's
/// `strtod` would with Python's grammar: returns the value and the bytes consumed.
pub(crate) fn parse_float_prefix_clean(b: &[u8]) -> Option<(f64, usize)> {
    let mut i = 0;
    let neg = match b.first() {
        Some(b'-') => {
            i = 1;
            true
        }
        Some(b'+') => {
            i = 1;
            false
        }
        _ => false,
    };
    let starts = |word: &str, at: usize| {
        b.len() >= at + word.len() && b[at..at + word.len()].eq_ignore_ascii_case(word.as_bytes())
    };
    let sign = if neg { -1.0 } else { 1.0 };
    if starts("infinity", i) {
        return Some((sign * f64::INFINITY, i + 8));
    }
    if starts("inf", i) {
        return Some((sign * f64::INFINITY, i + 3));
    }
    if starts("nan", i) {
        return Some((sign * f64::NAN, i + 3));
    }
    let start = i;
    while i < b.len() && b[i].is_ascii_digit() {
        i += 1;
    }
    let mut any = i > start;
    if i < b.len() && b[i] == b'.' {
        let f = i + 1;
        let mut j = f;
        while j < b.len() && b[j].is_ascii_digit() {
            j += 1;
        }
        if any || j > f {
            any = true;
            i = j;
        }
    }
    if !any {
        return None;
    }
    if i < b.len() && (b[i] == b'e' || b[i] == b'E') {
        let mut j = i + 1;
        if j < b.len() && (b[j] == b'+' || b[j] == b'-') {
            j += 1;
        }
        let e = j;
        while j < b.len() && b[j].is_ascii_digit() {
            j += 1;
        }
        if j > e {
            i = j;
        }
    }
    let text = std::str::from_utf8(&b[start..i]).ok()?;
    let v: f64 = text.parse().ok()?;
    Some((sign * v, i))
}
