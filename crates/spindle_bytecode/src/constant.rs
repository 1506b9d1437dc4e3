//! `Constant`: the closed set of values a code object's `co_consts` can hold.
//! Equality and hashing are "same constant" (floats by bit pattern, types never
//! mixed: `1`, `1.0` and `True` are different constants), which is what constant
//! de-duplication in the compiler needs.

use std::fmt::{self, Write as _};
use std::hash::{Hash, Hasher};
use std::sync::Arc;

use num_bigint::BigInt;

use crate::code::CodeObject;

/// A compile-time constant.
#[derive(Clone, Debug)]
pub enum Constant {
    /// `None`
    None,
    /// `True` / `False`
    Bool(bool),
    /// `...`
    Ellipsis,
    /// An int that fits in an `i64`.
    Int(i64),
    /// Any other int (never one that fits in an `i64`).
    BigInt(BigInt),
    /// A float.
    Float(f64),
    /// A complex number `(real, imag)`.
    Complex(f64, f64),
    /// A str with no lone surrogates.
    Str(Arc<str>),
    /// A str holding at least one lone surrogate (e.g. `"\ud800"`), as code points.
    StrCodePoints(Arc<[u32]>),
    /// A bytes object.
    Bytes(Arc<[u8]>),
    /// A tuple of constants.
    Tuple(Arc<[Constant]>),
    /// A frozenset of constants (in insertion order; duplicates removed).
    FrozenSet(Arc<[Constant]>),
    /// A nested code object (function, class body, comprehension...).
    Code(Arc<CodeObject>),
}

impl Constant {
    /// A str constant.
    #[must_use]
    pub fn str(s: &str) -> Constant {
        Constant::Str(Arc::from(s))
    }

    /// An int constant, normalised to `Int` when it fits.
    #[must_use]
    pub fn int(v: BigInt) -> Constant {
        match i64::try_from(&v) {
            Ok(small) => Constant::Int(small),
            Err(_) => Constant::BigInt(v),
        }
    }

    /// The Python type name (`'int'`, `'str'`...).
    #[must_use]
    pub fn type_name(&self) -> &'static str {
        match self {
            Constant::None => "NoneType",
            Constant::Bool(_) => "bool",
            Constant::Ellipsis => "ellipsis",
            Constant::Int(_) | Constant::BigInt(_) => "int",
            Constant::Float(_) => "float",
            Constant::Complex(..) => "complex",
            Constant::Str(_) | Constant::StrCodePoints(_) => "str",
            Constant::Bytes(_) => "bytes",
            Constant::Tuple(_) => "tuple",
            Constant::FrozenSet(_) => "frozenset",
            Constant::Code(_) => "code",
        }
    }

    /// The str value if this is a plain `Str`.
    #[must_use]
    pub fn as_str(&self) -> Option<&str> {
        match self {
            Constant::Str(s) => Some(s),
            _ => None,
        }
    }

    /// Python truthiness of the constant.
    #[must_use]
    pub fn is_truthy(&self) -> bool {
        match self {
            Constant::None => false,
            Constant::Bool(b) => *b,
            Constant::Ellipsis | Constant::Code(_) => true,
            Constant::Int(i) => *i != 0,
            Constant::BigInt(_) => true,
            Constant::Float(f) => *f != 0.0,
            Constant::Complex(r, i) => *r != 0.0 || *i != 0.0,
            Constant::Str(s) => !s.is_empty(),
            Constant::StrCodePoints(s) => !s.is_empty(),
            Constant::Bytes(b) => !b.is_empty(),
            Constant::Tuple(t) | Constant::FrozenSet(t) => !t.is_empty(),
        }
    }

    /// `repr()` of the constant, as CPython prints it (code objects abbreviated).
    #[must_use]
    pub fn repr(&self) -> String {
        let mut out = String::new();
        self.write_repr(&mut out);
        out
    }

    fn write_repr(&self, out: &mut String) {
        match self {
            Constant::None => out.push_str("None"),
            Constant::Bool(true) => out.push_str("True"),
            Constant::Bool(false) => out.push_str("False"),
            Constant::Ellipsis => out.push_str("Ellipsis"),
            Constant::Int(i) => {
                let _ = write!(out, "{i}");
            }
            Constant::BigInt(i) => {
                let _ = write!(out, "{i}");
            }
            Constant::Float(f) => out.push_str(&float_repr(*f)),
            Constant::Complex(r, i) => {
                if *r == 0.0 && r.is_sign_positive() {
                    let _ = write!(out, "{}j", float_repr_short(*i));
                } else {
                    let sign = if *i < 0.0 || (*i == 0.0 && i.is_sign_negative()) { '-' } else { '+' };
                    let _ = write!(out, "({}{}{}j)", float_repr_short(*r), sign, float_repr_short(i.abs()));
                }
            }
            Constant::Str(s) => str_repr(s.chars().map(u32::from), out),
            Constant::StrCodePoints(s) => str_repr(s.iter().copied(), out),
            Constant::Bytes(b) => bytes_repr(b, out),
            Constant::Tuple(items) => {
                out.push('(');
                for (i, item) in items.iter().enumerate() {
                    if i > 0 {
                        out.push_str(", ");
                    }
                    item.write_repr(out);
                }
                if items.len() == 1 {
                    out.push(',');
                }
                out.push(')');
            }
            Constant::FrozenSet(items) => {
                out.push_str("frozenset({");
                for (i, item) in items.iter().enumerate() {
                    if i > 0 {
                        out.push_str(", ");
                    }
                    item.write_repr(out);
                }
                out.push_str("})");
            }
            Constant::Code(code) => {
                let _ = write!(out, "<code object {} at 0x..., file \"{}\", line {}>", code.name, code.filename, code.first_line);
            }
        }
    }
}

/// `repr(float)` as CPython: shortest round-trip digits, `inf`, `nan`, `1e+16`.
#[must_use]
pub fn float_repr(f: f64) -> String {
    if f.is_nan() {
        return "nan".into();
    }
    if f.is_infinite() {
        return if f > 0.0 { "inf".into() } else { "-inf".into() };
    }
    // Rust's `{:e}` gives the shortest round-trip digits; lay them out like
    // CPython's `float_repr_style = 'short'` (exponent form below 1e-4 / from 1e16).
    let sci = format!("{f:e}");
    let (mantissa, exp) = sci.split_once('e').unwrap_or((&sci, "0"));
    let exp: i32 = exp.parse().unwrap_or(0);
    let negative = mantissa.starts_with('-');
    let digits: String = mantissa.chars().filter(char::is_ascii_digit).collect();
    let mut out = String::new();
    if negative {
        out.push('-');
    }
    if (-4..16).contains(&exp) {
        let n = digits.len() as i32;
        if exp >= 0 {
            let int_len = exp + 1;
            if n <= int_len {
                out.push_str(&digits);
                for _ in 0..(int_len - n) {
                    out.push('0');
                }
                out.push_str(".0");
            } else {
                out.push_str(&digits[..int_len as usize]);
                out.push('.');
                out.push_str(&digits[int_len as usize..]);
            }
        } else {
            out.push_str("0.");
            for _ in 0..(-exp - 1) {
                out.push('0');
            }
            out.push_str(&digits);
        }
    } else {
        out.push_str(&digits[..1]);
        if digits.len() > 1 {
            out.push('.');
            out.push_str(&digits[1..]);
        }
        let _ = write!(out, "e{}{:02}", if exp < 0 { '-' } else { '+' }, exp.abs());
    }
    out
}

fn float_repr_short(f: f64) -> String {
    let r = float_repr(f);
    r.strip_suffix(".0").map_or(r.clone(), str::to_owned)
}

fn str_repr(chars: impl Iterator<Item = u32> + Clone, out: &mut String) {
    let has_single = chars.clone().any(|c| c == u32::from('\''));
    let has_double = chars.clone().any(|c| c == u32::from('"'));
    let quote = if has_single && !has_double { '"' } else { '\'' };
    out.push(quote);
    for c in chars {
        match char::from_u32(c) {
            Some('\\') => out.push_str("\\\\"),
            Some('\n') => out.push_str("\\n"),
            Some('\r') => out.push_str("\\r"),
            Some('\t') => out.push_str("\\t"),
            Some(ch) if ch == quote => {
                out.push('\\');
                out.push(ch);
            }
            Some(ch) if (ch as u32) < 0x20 || ch as u32 == 0x7f => {
                let _ = write!(out, "\\x{:02x}", ch as u32);
            }
            Some(ch) if is_printable(ch) => out.push(ch),
            _ if c <= 0xff => {
                let _ = write!(out, "\\x{c:02x}");
            }
            _ if c <= 0xffff => {
                let _ = write!(out, "\\u{c:04x}");
            }
            _ => {
                let _ = write!(out, "\\U{c:08x}");
            }
        }
    }
    out.push(quote);
}

/// An approximation of `str.isprintable` good enough for disassembly output.
fn is_printable(ch: char) -> bool {
    !(ch.is_control() || ('\u{80}'..='\u{a0}').contains(&ch) || ch == '\u{ad}')
}

fn bytes_repr(b: &[u8], out: &mut String) {
    let has_single = b.contains(&b'\'');
    let has_double = b.contains(&b'"');
    let quote = if has_single && !has_double { '"' } else { '\'' };
    out.push('b');
    out.push(quote);
    for &byte in b {
        match byte {
            b'\\' => out.push_str("\\\\"),
            b'\n' => out.push_str("\\n"),
            b'\r' => out.push_str("\\r"),
            b'\t' => out.push_str("\\t"),
            _ if char::from(byte) == quote => {
                out.push('\\');
                out.push(quote);
            }
            0x20..=0x7e => out.push(char::from(byte)),
            _ => {
                let _ = write!(out, "\\x{byte:02x}");
            }
        }
    }
    out.push(quote);
}

impl fmt::Display for Constant {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.repr())
    }
}

impl PartialEq for Constant {
    fn eq(&self, other: &Constant) -> bool {
        match (self, other) {
            (Constant::None, Constant::None) | (Constant::Ellipsis, Constant::Ellipsis) => true,
            (Constant::Bool(a), Constant::Bool(b)) => a == b,
            (Constant::Int(a), Constant::Int(b)) => a == b,
            (Constant::BigInt(a), Constant::BigInt(b)) => a == b,
            (Constant::Float(a), Constant::Float(b)) => a.to_bits() == b.to_bits(),
            (Constant::Complex(a, b), Constant::Complex(c, d)) => {
                a.to_bits() == c.to_bits() && b.to_bits() == d.to_bits()
            }
            (Constant::Str(a), Constant::Str(b)) => a == b,
            (Constant::StrCodePoints(a), Constant::StrCodePoints(b)) => a == b,
            (Constant::Bytes(a), Constant::Bytes(b)) => a == b,
            (Constant::Tuple(a), Constant::Tuple(b))
            | (Constant::FrozenSet(a), Constant::FrozenSet(b)) => a == b,
            (Constant::Code(a), Constant::Code(b)) => Arc::ptr_eq(a, b),
            _ => false,
        }
    }
}

impl Eq for Constant {}

impl Hash for Constant {
    fn hash<H: Hasher>(&self, state: &mut H) {
        std::mem::discriminant(self).hash(state);
        match self {
            Constant::None | Constant::Ellipsis => {}
            Constant::Bool(b) => b.hash(state),
            Constant::Int(i) => i.hash(state),
            Constant::BigInt(i) => i.hash(state),
            Constant::Float(f) => f.to_bits().hash(state),
            Constant::Complex(a, b) => {
                a.to_bits().hash(state);
                b.to_bits().hash(state);
            }
            Constant::Str(s) => s.hash(state),
            Constant::StrCodePoints(s) => s.hash(state),
            Constant::Bytes(b) => b.hash(state),
            Constant::Tuple(t) | Constant::FrozenSet(t) => t.hash(state),
            Constant::Code(c) => Arc::as_ptr(c).hash(state),
        }
    }
}
