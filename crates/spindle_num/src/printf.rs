//! printf-style `%` conversions for numbers, as `str % args` uses them: `%d %i %u %o
//! %x %X` for ints, `%e %E %f %F %g %G` for floats and `%c` for a code point, with the
//! flags `-`, `+`, ` `, `#`, `0`, a width and a precision. The VM parses the format
//! string (mapping keys, `*`, length modifiers) and converts operands (for example
//! `%d` of a float truncates through [`Int::from_f64`]); this module renders.

use crate::error::{NumError, NumResult};
use crate::float_str::{Style, double_to_string};
use crate::format::MAX_FORMAT_WIDTH;
use crate::int::Int;

/// One parsed `%` conversion.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct PrintfSpec {
    /// `-`: left-justify.
    pub left: bool,
    /// `+`: always show a sign.
    pub plus: bool,
    /// ` `: a space before non-negative numbers.
    pub space: bool,
    /// `#`: alternate form.
    pub alt: bool,
    /// `0`: pad with zeros after the sign.
    pub zero: bool,
    pub width: Option<usize>,
    pub precision: Option<usize>,
    /// The conversion character.
    pub conv: char,
}

impl PrintfSpec {
    /// Parses `[flags][width][.precision]conv` (no `%`, mapping key, `*` or length
    /// modifier); `None` if that is not what `text` holds.
    #[must_use]
    pub fn parse(text: &str) -> Option<PrintfSpec> {
        let mut s = PrintfSpec::default();
        let mut it = text.chars().peekable();
        while let Some(&c) = it.peek() {
            match c {
                '-' => s.left = true,
                '+' => s.plus = true,
                ' ' => s.space = true,
                '#' => s.alt = true,
                '0' => s.zero = true,
                _ => break,
            }
            it.next();
        }
        let num = |it: &mut std::iter::Peekable<std::str::Chars<'_>>| {
            let mut v: Option<usize> = None;
            while let Some(d) = it.peek().and_then(|c| c.to_digit(10)) {
                v = Some(v.unwrap_or(0).checked_mul(10)?.checked_add(d as usize)?);
                it.next();
            }
            Some(v)
        };
        s.width = num(&mut it)?;
        if it.peek() == Some(&'.') {
            it.next();
            s.precision = Some(num(&mut it)?.unwrap_or(0));
        }
        s.conv = it.next()?;
        it.next().is_none().then_some(s)
    }

    /// Refuses widths and precisions whose output could not be allocated.
    fn check_size(&self) -> NumResult<()> {
        if self.width.unwrap_or(0) > MAX_FORMAT_WIDTH
            || self.precision.unwrap_or(0) > MAX_FORMAT_WIDTH
        {
            return Err(NumError::memory());
        }
        Ok(())
    }

    fn sign(&self, negative: bool) -> &'static str {
        if negative {
            "-"
        } else if self.plus {
            "+"
        } else if self.space {
            " "
        } else {
            ""
        }
    }

    /// Applies width, `-` and `0` to `sign prefix body`.
    fn pad(&self, sign: &str, prefix: &str, body: &str) -> String {
        let len = sign.len() + prefix.len() + body.chars().count();
        let n = self.width.unwrap_or(0).saturating_sub(len);
        if self.left {
            format!("{sign}{prefix}{body}{}", " ".repeat(n))
        } else if self.zero {
            format!("{sign}{prefix}{}{body}", "0".repeat(n))
        } else {
            format!("{}{sign}{prefix}{body}", " ".repeat(n))
        }
    }
}

/// `%d %i %u %o %x %X` of an int. `max_str_digits` limits decimal conversions.
pub fn printf_int(v: &Int, spec: &PrintfSpec, max_str_digits: usize) -> NumResult<String> {
    spec.check_size()?;
    let mag = v.abs();
    let (mut digits, prefix) = match spec.conv {
        'o' => (mag.to_radix_string(8), "0o"),
        'x' => (mag.to_radix_string(16), "0x"),
        'X' => (mag.to_radix_string(16).to_ascii_uppercase(), "0X"),
        'd' | 'i' | 'u' => (mag.to_decimal_string(max_str_digits)?, ""),
        c => return Err(unsupported(c)),
    };
    if let Some(p) = spec.precision
        && p > digits.len()
    {
        digits = "0".repeat(p - digits.len()) + &digits;
    }
    let prefix = if spec.alt { prefix } else { "" };
    Ok(spec.pad(spec.sign(v.is_negative()), prefix, &digits))
}

/// `%e %E %f %F %g %G` of a float.
pub fn printf_float(x: f64, spec: &PrintfSpec) -> NumResult<String> {
    spec.check_size()?;
    let style = match spec.conv.to_ascii_lowercase() {
        'e' => Style::Exp,
        'f' => Style::Fixed,
        'g' => Style::General,
        _ => return Err(unsupported(spec.conv)),
    };
    let mut body = double_to_string(x.abs(), style, spec.precision.unwrap_or(6), spec.alt, false);
    if spec.conv.is_ascii_uppercase() {
        body = body.to_ascii_uppercase();
    }
    let negative = x.is_sign_negative() && !x.is_nan();
    Ok(spec.pad(spec.sign(negative), "", &body))
}

/// `%c` of an int code point (the VM handles `%c` of a one-character string by
/// padding it the same way: see [`printf_char_str`]).
pub fn printf_char(v: &Int, spec: &PrintfSpec) -> NumResult<String> {
    spec.check_size()?;
    let range = || NumError::overflow("%c arg not in range(0x110000)");
    let cp = v.to_i64().ok_or_else(range)?;
    let c = u32::try_from(cp)
        .ok()
        .filter(|&c| c < 0x11_0000)
        .ok_or_else(range)?;
    // Lone surrogates cannot live in a Rust string; the VM's str can hold them.
    let c = char::from_u32(c).unwrap_or('\u{fffd}');
    Ok(printf_char_str(c, spec))
}

/// `%c` of a character: only the width and `-` apply.
#[must_use]
pub fn printf_char_str(c: char, spec: &PrintfSpec) -> String {
    let n = spec
        .width
        .unwrap_or(0)
        .min(MAX_FORMAT_WIDTH)
        .saturating_sub(1);
    if spec.left {
        format!("{c}{}", " ".repeat(n))
    } else {
        format!("{}{c}", " ".repeat(n))
    }
}

fn unsupported(c: char) -> NumError {
    NumError::value(format!(
        "unsupported format character '{c}' (0x{:x})",
        c as u32
    ))
}

/// The `TypeError` that `%` raises when an operand has the wrong type for `conv`;
/// `type_name` is the operand's type, `len` its length when it is a str (for `%c`).
#[must_use]
pub fn printf_type_error(conv: char, type_name: &str, len: Option<usize>) -> NumError {
    match conv {
        'd' | 'i' | 'u' => NumError::type_error(format!(
            "%{conv} format: a real number is required, not {type_name}"
        )),
        'o' | 'x' | 'X' => NumError::type_error(format!(
            "%{conv} format: an integer is required, not {type_name}"
        )),
        'c' => match len {
            Some(n) => NumError::type_error(format!(
                "%c requires an int or a unicode character, not a string of length {n}"
            )),
            None => NumError::type_error(format!(
                "%c requires an int or a unicode character, not {type_name}"
            )),
        },
        _ => NumError::type_error(format!("must be real number, not {type_name}")),
    }
}
