//! `Int` and text: `int(s, base)` parsing with Python's grammar (bases 0 and 2..36,
//! prefixes, underscores, whitespace, Unicode digits) and error messages, decimal
//! conversion guarded by `sys.int_max_str_digits`, and `bin()`/`oct()`/`hex()`.

use num_bigint::BigInt;

use crate::error::{NumError, NumResult};
use crate::int::Int;
use crate::text::{py_str_repr_200, strip_py_space, to_ascii_number};

/// CPython's default for `sys.get_int_max_str_digits()`; 0 means no limit.
pub const DEFAULT_MAX_STR_DIGITS: usize = 4300;

/// `int(s, base)`. `max_str_digits` is `sys.get_int_max_str_digits()` (0: unlimited);
/// it applies to bases that are not powers of two.
pub fn int_from_str(s: &str, base: u32, max_str_digits: usize) -> NumResult<Int> {
    if base == 1 || base > 36 {
        return Err(NumError::value("int() base must be >= 2 and <= 36, or 0"));
    }
    let ascii = to_ascii_number(s);
    let invalid = || {
        NumError::value(format!(
            "invalid literal for int() with base {base}: {}",
            py_str_repr_200(s)
        ))
    };
    let t = strip_py_space(&ascii);
    let (neg, t) = match t.as_bytes().first() {
        Some(b'-') => (true, &t[1..]),
        Some(b'+') => (false, &t[1..]),
        _ => (false, t),
    };
    let b = t.as_bytes();
    let prefix_base = if b.len() >= 2 && b[0] == b'0' {
        match b[1] {
            b'x' | b'X' => 16,
            b'o' | b'O' => 8,
            b'b' | b'B' => 2,
            _ => 0,
        }
    } else {
        0
    };
    let mut radix = base;
    let mut body = b;
    let mut after_prefix = false;
    if base == 0 {
        if prefix_base != 0 {
            radix = prefix_base;
            body = &b[2..];
            after_prefix = true;
        } else {
            radix = 10;
        }
    } else if prefix_base == base {
        body = &b[2..];
        after_prefix = true;
    }
    // One underscore may follow a prefix ("0x_1f"); otherwise underscores separate digits.
    if after_prefix && body.first() == Some(&b'_') {
        body = &body[1..];
    }
    let mut digits: Vec<u8> = Vec::with_capacity(body.len());
    let mut prev_underscore = true;
    for &c in body {
        if c == b'_' {
            if prev_underscore {
                return Err(invalid());
            }
            prev_underscore = true;
            continue;
        }
        let d = (c as char)
            .to_digit(36)
            .filter(|&d| d < radix)
            .ok_or_else(invalid)?;
        digits.push(d as u8);
        prev_underscore = false;
    }
    if digits.is_empty() || prev_underscore {
        return Err(invalid());
    }
    // Base 0 takes decimal literals as Python source does: no leading zeros.
    if base == 0 && prefix_base == 0 && digits[0] == 0 && digits.iter().any(|&d| d != 0) {
        return Err(invalid());
    }
    if !radix.is_power_of_two() && max_str_digits > 0 && digits.len() > max_str_digits {
        return Err(NumError::value(format!(
            "Exceeds the limit ({max_str_digits} digits) for integer string conversion: \
             value has {} digits; use sys.set_int_max_str_digits() to increase the limit",
            digits.len()
        )));
    }
    if digits.len() <= 12 {
        let mut v: i64 = 0;
        for &d in &digits {
            v = v * i64::from(radix) + i64::from(d);
        }
        return Ok(Int::Small(if neg { -v } else { v }));
    }
    let mag = BigInt::from_radix_be(num_bigint::Sign::Plus, &digits, radix).ok_or_else(invalid)?;
    Ok(Int::from(if neg { -mag } else { mag }))
}

impl Int {
    /// `str(self)`, refusing values with more than `max_str_digits` digits (0: no limit)
    /// with CPython's `ValueError`.
    pub fn to_decimal_string(&self, max_str_digits: usize) -> NumResult<String> {
        let too_many = || {
            NumError::value(format!(
                "Exceeds the limit ({max_str_digits} digits) for integer string conversion; \
                 use sys.set_int_max_str_digits() to increase the limit"
            ))
        };
        match self {
            // 39 digits at most: below any limit CPython allows (the minimum is 640).
            Int::Small(v) => Ok(v.to_string()),
            Int::Wide(v) => Ok(v.to_string()),
            Int::Big(v) => {
                if max_str_digits > 0 {
                    // A lower bound on the digit count, to refuse huge values cheaply.
                    let bits = v.bits();
                    let min_digits = ((bits - 1) as f64 * std::f64::consts::LOG10_2) as u64;
                    if min_digits > max_str_digits as u64 {
                        return Err(too_many());
                    }
                }
                let s = v.to_string();
                let ndigits = s.len() - usize::from(v.sign() == num_bigint::Sign::Minus);
                if max_str_digits > 0 && ndigits > max_str_digits {
                    return Err(too_many());
                }
                Ok(s)
            }
        }
    }

    /// The digits of `self` in `radix` (2..=36), lower case, with a leading `-` for
    /// negative values and no prefix.
    #[must_use]
    pub fn to_radix_string(&self, radix: u32) -> String {
        let radix = radix.clamp(2, 36);
        match self {
            Int::Small(v) => BigInt::from(*v).to_str_radix(radix),
            Int::Wide(v) => BigInt::from(*v).to_str_radix(radix),
            Int::Big(v) => v.to_str_radix(radix),
        }
    }

    /// `bin(self)`: `'0b101'`, `'-0b101'`.
    #[must_use]
    pub fn to_bin(&self) -> String {
        self.prefixed(2, "0b")
    }

    /// `oct(self)`: `'0o17'`.
    #[must_use]
    pub fn to_oct(&self) -> String {
        self.prefixed(8, "0o")
    }

    /// `hex(self)`: `'0xff'`, `'-0xff'`.
    #[must_use]
    pub fn to_hex(&self) -> String {
        self.prefixed(16, "0x")
    }

    fn prefixed(&self, radix: u32, prefix: &str) -> String {
        let mag = self.abs().to_radix_string(radix);
        let sign = if self.is_negative() { "-" } else { "" };
        format!("{sign}{prefix}{mag}")
    }

    /// Parses a Python source integer literal body without sign (`0x_ff`, `1_000`,
    /// `0o17`), as the compiler needs; `None` when it is not one.
    #[must_use]
    pub fn from_literal(text: &str) -> Option<Int> {
        int_from_str(text, 0, 0)
            .ok()
            .filter(|_| !text.starts_with(['+', '-', ' ']))
    }
}
