//! The format-spec mini-language of `format()`, `str.format()` and f-strings, as
//! CPython 3.14 implements it for int, float, complex and str: parsing
//! `[[fill]align][sign]["z"]["#"]["0"][width][grouping]["." [precision][grouping]][type]`
//! with CPython's error messages, then rendering with padding, alignment, sign, alternate
//! forms, thousands grouping (including zero padding that is itself grouped, and 3.14's
//! grouping of fractional digits).

use crate::complex::Complex;
use crate::error::{NumError, NumResult};
use crate::float_str::{Style, double_to_string};
use crate::int::Int;

/// Widths and precisions beyond this raise `MemoryError` (CPython would try to build
/// the string and fail; a failed Rust allocation aborts the process).
pub const MAX_FORMAT_WIDTH: usize = 1 << 28;

/// A parsed format spec. `fill`, `align` and the `0` flag are kept as written; each
/// type resolves its own defaults.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FormatSpec {
    pub fill: Option<char>,
    /// `<`, `>`, `^` or `=`.
    pub align: Option<char>,
    /// `+`, `-` or ` `.
    pub sign: Option<char>,
    /// The `z` flag: coerce a negative zero result to positive.
    pub no_neg_zero: bool,
    /// The `#` flag.
    pub alternate: bool,
    /// The `0` flag before the width.
    pub zero: bool,
    pub width: Option<usize>,
    /// `,` or `_` for the integer part.
    pub grouping: Option<char>,
    pub precision: Option<usize>,
    /// `,` or `_` after the precision: groups fractional digits (3.14).
    pub frac_grouping: Option<char>,
    /// The presentation type.
    pub ty: Option<char>,
}

/// Parses a format spec; `type_name` (e.g. `"int"`) is for error messages, and
/// `default_ty` is the type's presentation type when none is given (`'s'` for str,
/// `'d'` for int, none for float and complex), which grouping is checked against.
pub fn parse_format_spec(
    spec: &str,
    type_name: &str,
    default_ty: Option<char>,
) -> NumResult<FormatSpec> {
    let chars: Vec<char> = spec.chars().collect();
    let mut f = FormatSpec::default();
    let mut i = 0;
    let is_align = |c: char| matches!(c, '<' | '>' | '=' | '^');
    if chars.len() >= 2 && is_align(chars[1]) {
        f.fill = Some(chars[0]);
        f.align = Some(chars[1]);
        i = 2;
    } else if !chars.is_empty() && is_align(chars[0]) {
        f.align = Some(chars[0]);
        i = 1;
    }
    if let Some(&c @ ('+' | '-' | ' ')) = chars.get(i) {
        f.sign = Some(c);
        i += 1;
    }
    if chars.get(i) == Some(&'z') {
        f.no_neg_zero = true;
        i += 1;
    }
    if chars.get(i) == Some(&'#') {
        f.alternate = true;
        i += 1;
    }
    if chars.get(i) == Some(&'0') {
        f.zero = true;
        i += 1;
    }
    let (width, n) = parse_decimal(&chars[i..])?;
    i += n;
    f.width = width;
    f.grouping = parse_grouping(&chars, &mut i)?;
    if chars.get(i) == Some(&'.') {
        i += 1;
        let (prec, n) = parse_decimal(&chars[i..])?;
        i += n;
        f.precision = prec;
        f.frac_grouping = parse_grouping(&chars, &mut i)?;
        if prec.is_none() && f.frac_grouping.is_none() {
            return Err(NumError::value("Format specifier missing precision"));
        }
    }
    // A precision only float and complex render (`float_precision`).
    if f.width.unwrap_or(0) > MAX_FORMAT_WIDTH {
        return Err(NumError::memory());
    }
    match chars.len() - i {
        0 => {}
        1 => f.ty = Some(chars[i]),
        _ => {
            return Err(NumError::value(format!(
                "Invalid format specifier '{spec}' for object of type '{type_name}'"
            )));
        }
    }
    // Fractional grouping is only refused with 'n' here; other types ignore it or
    // reject the precision later.
    if let (Some(sep), Some('n')) = (f.frac_grouping, f.ty) {
        return Err(NumError::value(format!("Cannot specify '{sep}' with 'n'.")));
    }
    if let Some(sep) = f.grouping {
        match f.ty.or(default_ty) {
            None | Some('d' | 'e' | 'f' | 'g' | 'E' | 'F' | 'G' | '%') => {}
            Some('b' | 'o' | 'x' | 'X') if sep == '_' => {}
            Some(t) => {
                return Err(NumError::value(format!(
                    "Cannot specify '{sep}' with {}.",
                    quote_code(t)
                )));
            }
        }
    }
    Ok(f)
}

/// `'x'`, or `'\x..'` for a character that is not printable ASCII.
fn quote_code(t: char) -> String {
    if (t as u32) > 32 && (t as u32) < 128 {
        format!("'{t}'")
    } else {
        format!("'\\x{:x}'", t as u32)
    }
}

fn parse_decimal(chars: &[char]) -> NumResult<(Option<usize>, usize)> {
    let mut v: usize = 0;
    let mut n = 0;
    while let Some(d) = chars.get(n).and_then(|c| c.to_digit(10)) {
        v = v
            .checked_mul(10)
            .and_then(|v| v.checked_add(d as usize))
            .filter(|&v| v <= isize::MAX as usize)
            .ok_or_else(|| NumError::value("Too many decimal digits in format string"))?;
        n += 1;
    }
    Ok(((n > 0).then_some(v), n))
}

fn parse_grouping(chars: &[char], i: &mut usize) -> NumResult<Option<char>> {
    let both = || NumError::value("Cannot specify both ',' and '_'.");
    match chars.get(*i) {
        Some(&c @ (',' | '_')) => {
            *i += 1;
            let other = if c == ',' { '_' } else { ',' };
            if chars.get(*i) == Some(&other) {
                return Err(both());
            }
            Ok(Some(c))
        }
        _ => Ok(None),
    }
}

fn unknown_code(t: char, type_name: &str) -> NumError {
    NumError::value(format!(
        "Unknown format code {} for object of type '{type_name}'",
        quote_code(t)
    ))
}

/// `format(s, spec)` for a string.
pub fn format_str(s: &str, spec: &str) -> NumResult<String> {
    let f = parse_str_spec(spec)?;
    let text: String = match f.precision {
        Some(p) => s.chars().take(p).collect(),
        None => s.to_owned(),
    };
    let fill = f.fill.unwrap_or(if f.zero { '0' } else { ' ' });
    Ok(pad(&text, fill, f.align.unwrap_or('<'), f.width))
}

/// Parses a format spec for a string, refusing what strings do not take
/// (signs, `z`, `#`, `=` alignment, a type other than `s`).
pub fn parse_str_spec(spec: &str) -> NumResult<FormatSpec> {
    let f = parse_format_spec(spec, "str", Some('s'))?;
    if let Some(t) = f.ty
        && t != 's'
    {
        return Err(unknown_code(t, "str"));
    }
    match f.sign {
        Some(' ') => {
            return Err(NumError::value(
                "Space not allowed in string format specifier",
            ));
        }
        Some(_) => {
            return Err(NumError::value(
                "Sign not allowed in string format specifier",
            ));
        }
        None => {}
    }
    if f.no_neg_zero {
        return Err(NumError::value(
            "Negative zero coercion (z) not allowed in string format specifier",
        ));
    }
    if f.alternate {
        return Err(NumError::value(
            "Alternate form (#) not allowed in string format specifier",
        ));
    }
    if f.align == Some('=') {
        return Err(NumError::value(
            "'=' alignment not allowed in string format specifier",
        ));
    }
    Ok(f)
}

/// Pads `text` to `width` characters.
fn pad(text: &str, fill: char, align: char, width: Option<usize>) -> String {
    let len = text.chars().count();
    let n = width.unwrap_or(0).saturating_sub(len);
    if n == 0 {
        return text.to_owned();
    }
    let (left, right) = match align {
        '<' => (0, n),
        '^' => (n / 2, n - n / 2),
        _ => (n, 0),
    };
    let mut out = String::with_capacity(text.len() + n * fill.len_utf8());
    out.extend(std::iter::repeat_n(fill, left));
    out.push_str(text);
    out.extend(std::iter::repeat_n(fill, right));
    out
}

/// The pieces of a formatted number: `sign prefix digits rest`, where only `digits`
/// (the integer part) is grouped and zero padded.
struct Parts {
    sign: &'static str,
    prefix: &'static str,
    digits: String,
    rest: String,
    /// False for inf and nan, whose zero padding is not grouped.
    finite: bool,
}

fn layout(p: &Parts, f: &FormatSpec, group: Option<(char, usize)>) -> String {
    let fill = f.fill.unwrap_or(if f.zero { '0' } else { ' ' });
    let align = f.align.unwrap_or(if f.zero { '=' } else { '>' });
    if p.finite
        && fill == '0'
        && align == '='
        && let Some(w) = f.width
    {
        let fixed = p.sign.len() + p.prefix.len() + p.rest.chars().count();
        let min = w.saturating_sub(fixed);
        let body = group_digits(&p.digits, group, min);
        return format!("{}{}{body}{}", p.sign, p.prefix, p.rest);
    }
    let body = if p.finite {
        group_digits(&p.digits, group, 0)
    } else {
        p.digits.clone()
    };
    if align == '=' {
        let len = p.sign.len() + p.prefix.len() + body.chars().count() + p.rest.chars().count();
        let n = f.width.unwrap_or(0).saturating_sub(len);
        let fills: String = std::iter::repeat_n(fill, n).collect();
        return format!("{}{}{fills}{body}{}", p.sign, p.prefix, p.rest);
    }
    pad(
        &format!("{}{}{body}{}", p.sign, p.prefix, p.rest),
        fill,
        align,
        f.width,
    )
}

/// Inserts separators every `size` digits from the right, first padding with zeros so
/// that the result is at least `min_width` long (a leading separator is never
/// produced: one more zero goes in front instead).
fn group_digits(digits: &str, group: Option<(char, usize)>, min_width: usize) -> String {
    let Some((sep, size)) = group else {
        let n = min_width.saturating_sub(digits.len());
        return "0".repeat(n) + digits;
    };
    if digits.is_empty() && min_width == 0 {
        return String::new();
    }
    let mut d = digits.len().max(1);
    while d + (d - 1) / size < min_width {
        d += 1;
    }
    let padded = "0".repeat(d - digits.len()) + digits;
    let b = padded.as_bytes();
    let mut out = String::with_capacity(d + d / size);
    for (i, &c) in b.iter().enumerate() {
        if i > 0 && (d - i).is_multiple_of(size) {
            out.push(sep);
        }
        out.push(char::from(c));
    }
    out
}

/// Groups the fractional digits of `rest` (`.ddddd[e..][%]`) in threes from the left.
fn group_fraction(rest: &str, sep: Option<char>) -> String {
    let Some(sep) = sep else {
        return rest.to_owned();
    };
    let Some(stripped) = rest.strip_prefix('.') else {
        return rest.to_owned();
    };
    let n = stripped.bytes().take_while(u8::is_ascii_digit).count();
    let mut out = String::from(".");
    for (i, c) in stripped[..n].chars().enumerate() {
        if i > 0 && i % 3 == 0 {
            out.push(sep);
        }
        out.push(c);
    }
    out.push_str(&stripped[n..]);
    out
}

fn sign_str(negative: bool, sign: Option<char>) -> &'static str {
    match (negative, sign) {
        (true, _) => "-",
        (false, Some('+')) => "+",
        (false, Some(' ')) => " ",
        _ => "",
    }
}

/// `format(i, spec)` for an int; `max_str_digits` is `sys.get_int_max_str_digits()`.
pub fn format_int(v: &Int, spec: &str, max_str_digits: usize) -> NumResult<String> {
    let f = parse_format_spec(spec, "int", Some('d'))?;
    match f.ty {
        None | Some('d' | 'n' | 'b' | 'o' | 'x' | 'X' | 'c') => {}
        Some('e' | 'E' | 'f' | 'F' | 'g' | 'G' | '%') => {
            return format_float_spec(v.to_f64()?, &f);
        }
        Some(t) => return Err(unknown_code(t, "int")),
    }
    if f.precision.is_some() {
        return Err(NumError::value(
            "Precision not allowed in integer format specifier",
        ));
    }
    if f.no_neg_zero {
        return Err(NumError::value(
            "Negative zero coercion (z) not allowed in integer format specifier",
        ));
    }
    if f.ty == Some('c') {
        if f.sign.is_some() {
            return Err(NumError::value(
                "Sign not allowed with integer format specifier 'c'",
            ));
        }
        if f.alternate {
            return Err(NumError::value(
                "Alternate form (#) not allowed with integer format specifier 'c'",
            ));
        }
        let Some(cp) = v.to_i64() else {
            return Err(NumError::overflow(
                "Python int too large to convert to C long",
            ));
        };
        let c = u32::try_from(cp)
            .ok()
            .and_then(char::from_u32)
            .or_else(|| (0xd800..0xe000).contains(&cp).then_some('\u{fffd}'))
            .filter(|_| (0..0x11_0000).contains(&cp))
            .ok_or_else(|| NumError::overflow("%c arg not in range(0x110000)"))?;
        let parts = Parts {
            sign: "",
            prefix: "",
            digits: String::new(),
            rest: c.to_string(),
            finite: false,
        };
        return Ok(layout(&parts, &f, None));
    }
    let mag = v.abs();
    let (digits, prefix, group_size) = match f.ty {
        Some('b') => (mag.to_radix_string(2), "0b", 4),
        Some('o') => (mag.to_radix_string(8), "0o", 4),
        Some('x') => (mag.to_radix_string(16), "0x", 4),
        Some('X') => (mag.to_radix_string(16).to_ascii_uppercase(), "0X", 4),
        _ => (mag.to_decimal_string(max_str_digits)?, "", 3),
    };
    let parts = Parts {
        sign: sign_str(v.is_negative(), f.sign),
        prefix: if f.alternate && !prefix.is_empty() {
            prefix
        } else {
            ""
        },
        digits,
        rest: String::new(),
        finite: true,
    };
    let group = if f.ty == Some('n') {
        None
    } else {
        f.grouping.map(|g| (g, group_size))
    };
    Ok(layout(&parts, &f, group))
}

/// `format(x, spec)` for a float.
pub fn format_float(x: f64, spec: &str) -> NumResult<String> {
    let f = parse_format_spec(spec, "float", None)?;
    format_float_spec(x, &f)
}

/// How CPython resolves a float presentation type: the layout style, precision,
/// whether to add `.0`, upper case, and a trailing `%` (value already scaled).
struct FloatMode {
    style: Style,
    precision: usize,
    add_dot0: bool,
    upper: bool,
    percent: bool,
}

fn float_mode(ty: Option<char>, precision: Option<usize>) -> FloatMode {
    let (style, default_prec, add_dot0) = match ty {
        None => (Style::Repr, 0, true),
        Some('e' | 'E') => (Style::Exp, 6, false),
        Some('f' | 'F' | '%') => (Style::Fixed, 6, false),
        _ => (Style::General, 6, false),
    };
    let style = if style == Style::Repr && precision.is_some() {
        Style::General
    } else {
        style
    };
    FloatMode {
        style,
        precision: precision.unwrap_or(default_prec),
        add_dot0,
        upper: matches!(ty, Some('E' | 'F' | 'G')),
        percent: ty == Some('%'),
    }
}

/// Formats one float part (no padding): returns the sign and the unsigned body.
fn float_body(x: f64, m: &FloatMode, alt: bool, no_neg_zero: bool) -> (bool, String) {
    let v = if m.percent { x * 100.0 } else { x };
    let mut body = double_to_string(v.abs(), m.style, m.precision, alt, m.add_dot0);
    if m.upper {
        body = body.to_ascii_uppercase();
    }
    let mut negative = v.is_sign_negative() && !v.is_nan();
    if negative && no_neg_zero {
        let mantissa = body.split(['e', 'E']).next().unwrap_or("");
        if mantissa.bytes().all(|b| b == b'0' || b == b'.') {
            negative = false;
        }
    }
    if m.percent {
        body.push('%');
    }
    (negative, body)
}

/// Splits a float body into its integer digits and the rest.
fn split_body(body: String) -> (String, String, bool) {
    let n = body.bytes().take_while(u8::is_ascii_digit).count();
    if n == 0 {
        return (String::new(), body, false);
    }
    let rest = body[n..].to_owned();
    let mut digits = body;
    digits.truncate(n);
    (digits, rest, true)
}

/// The precision of a float or complex spec: past a C `int`, CPython's
/// ValueError; past what could be rendered, MemoryError.
fn float_precision(f: &FormatSpec) -> NumResult<Option<usize>> {
    match f.precision {
        Some(p) if p > i32::MAX as usize => Err(NumError::value("precision too big")),
        Some(p) if p > MAX_FORMAT_WIDTH => Err(NumError::memory()),
        p => Ok(p),
    }
}

fn format_float_spec(x: f64, f: &FormatSpec) -> NumResult<String> {
    let ty = match f.ty {
        None | Some('e' | 'E' | 'f' | 'F' | 'g' | 'G' | '%') => f.ty,
        Some('n') => Some('g'),
        Some(t) => return Err(unknown_code(t, "float")),
    };
    let mode = float_mode(ty, float_precision(f)?);
    let (negative, body) = float_body(x, &mode, f.alternate, f.no_neg_zero);
    let (digits, rest, finite) = split_body(body);
    let parts = Parts {
        sign: sign_str(negative, f.sign),
        prefix: "",
        digits,
        rest: group_fraction(&rest, f.frac_grouping),
        finite,
    };
    let group = if f.ty == Some('n') {
        None
    } else {
        f.grouping.map(|g| (g, 3))
    };
    Ok(layout(&parts, f, group))
}

/// `format(z, spec)` for a complex.
pub fn format_complex(z: Complex, spec: &str) -> NumResult<String> {
    let f = parse_format_spec(spec, "complex", None)?;
    let ty = match f.ty {
        None | Some('e' | 'E' | 'f' | 'F' | 'g' | 'G') => f.ty,
        Some('n') => Some('g'),
        Some(t) => return Err(unknown_code(t, "complex")),
    };
    if f.fill.unwrap_or(if f.zero { '0' } else { ' ' }) == '0' {
        return Err(NumError::value(
            "Zero padding is not allowed in complex format specifier",
        ));
    }
    if f.align == Some('=') {
        return Err(NumError::value(
            "'=' alignment flag is not allowed in complex format specifier",
        ));
    }
    let mut mode = float_mode(ty, float_precision(&f)?);
    // Complex parts never get the ".0" of an integral float.
    mode.add_dot0 = false;
    let (skip_re, parens) = if ty.is_none() {
        let skip = z.re == 0.0 && z.re.is_sign_positive();
        (skip, !skip)
    } else {
        (false, false)
    };
    let group = f.grouping.map(|g| (g, 3));
    let part = |v: f64, sign: Option<char>| {
        let (negative, body) = float_body(v, &mode, f.alternate, f.no_neg_zero);
        let (digits, rest, _) = split_body(body);
        format!(
            "{}{}{}",
            sign_str(negative, sign),
            group_digits(&digits, if digits.is_empty() { None } else { group }, 0),
            group_fraction(&rest, f.frac_grouping)
        )
    };
    let mut out = String::new();
    if parens {
        out.push('(');
    }
    if skip_re {
        out.push_str(&part(z.im, f.sign));
    } else {
        out.push_str(&part(z.re, f.sign));
        out.push_str(&part(z.im, Some('+')));
    }
    out.push('j');
    if parens {
        out.push(')');
    }
    let fill = f.fill.unwrap_or(' ');
    Ok(pad(&out, fill, f.align.unwrap_or('>'), f.width))
}
