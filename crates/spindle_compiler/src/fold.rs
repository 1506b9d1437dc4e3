//! Constant folding, as CPython's AST optimizer and flowgraph do it: literals,
//! unary `-`/`+`/`~` on numbers, binary operators on numbers, strings and bytes
//! (within CPython's size limits), tuples of constants, and `__debug__`. Used
//! by codegen to load folded values and to prune `if 0:` / `while 1:` tests.

use num_bigint::BigInt;
use num_traits::{Signed, ToPrimitive, Zero};
use spindle_bytecode::Constant;
use spindle_parser::ast::{self, Expr};

/// CPython's folding limits (`Python/ast_opt.c` / `flowgraph.c`).
const MAX_INT_BITS: u64 = 128;
const MAX_COLLECTION_SIZE: usize = 256;
const MAX_STR_SIZE: usize = 4096;

/// The constant value of `e`, if it is one after folding (string literals
/// as the parser gives them: a lone surrogate reads as U+FFFD).
pub(crate) fn constant_of(e: &Expr) -> Option<Constant> {
    constant_in(e, "")
}

/// `constant_of`, with string literals read exactly from `source` (the
/// text the tree was parsed from: lone surrogates kept).
pub(crate) fn constant_in(e: &Expr, source: &str) -> Option<Constant> {
    Some(match e {
        Expr::NoneLiteral(_) => Constant::None,
        Expr::BooleanLiteral(b) => Constant::Bool(b.value),
        Expr::EllipsisLiteral(_) => Constant::Ellipsis,
        Expr::NumberLiteral(n) => match &n.value {
            ast::Number::Int(i) => int_constant(i)?,
            ast::Number::Float(f) => Constant::Float(*f),
            ast::Number::Complex { real, imag } => Constant::Complex(*real, *imag),
        },
        Expr::StringLiteral(s) => string_constant_src(s, source),
        Expr::BytesLiteral(b) => Constant::Bytes(b.value.bytes().collect::<Vec<u8>>().into()),
        Expr::Tuple(t) => {
            if t.elts.iter().any(|e| matches!(e, Expr::Starred(_))) {
                return None;
            }
            let items: Option<Vec<Constant>> = t.elts.iter().map(|e| constant_in(e, source)).collect();
            Constant::Tuple(items?.into())
        }
        Expr::UnaryOp(u) => {
            let v = constant_in(&u.operand, source)?;
            match u.op {
                ast::UnaryOp::USub => negate(&v)?,
                ast::UnaryOp::UAdd => match v {
                    Constant::Int(_) | Constant::BigInt(_) | Constant::Float(_) | Constant::Complex(..) => v,
                    _ => return None,
                },
                ast::UnaryOp::Invert => match v {
                    Constant::Int(i) => Constant::Int(!i),
                    Constant::BigInt(b) => Constant::int(-b - 1),
                    _ => return None,
                },
                ast::UnaryOp::Not => return None,
            }
        }
        Expr::BinOp(b) => {
            let l = constant_in(&b.left, source)?;
            let r = constant_in(&b.right, source)?;
            binop(b.op, &l, &r)?
        }
        Expr::Name(n) if n.id.as_str() == "__debug__" => return None,
        _ => return None,
    })
}

/// The constant for a (possibly implicitly concatenated) string literal,
/// recovering from `source` the lone surrogates the parser replaced by
/// U+FFFD (with no source, they stay U+FFFD).
pub(crate) fn string_constant_src(s: &ast::ExprStringLiteral, source: &str) -> Constant {
    let value = s.value.to_str();
    if !value.contains('\u{fffd}') {
        return Constant::str(value);
    }
    let mut points: Vec<u32> = Vec::new();
    for part in &s.value {
        points.extend(string_part_points(part, source));
    }
    if points.iter().any(|&c| (0xd800..=0xdfff).contains(&c)) {
        Constant::StrCodePoints(points.into())
    } else {
        Constant::str(value)
    }
}

/// The code points of one string literal token (`part`), decoded from
/// `source` when the parser's value may have lost lone surrogates.
pub(crate) fn string_part_points(part: &ast::StringLiteral, source: &str) -> Vec<u32> {
    let value = || part.value.chars().map(u32::from).collect();
    if !part.value.contains('\u{fffd}') {
        return value();
    }
    let text = source.get(part.range.start().to_usize()..part.range.end().to_usize()).unwrap_or("");
    spindle_parser::decode_string_literal(text).unwrap_or_else(value)
}

/// The code points of an f-/t-string's literal text (`raw`: the string has
/// an `r` prefix), decoded from `source` when the parser's value may have
/// lost lone surrogates.
pub(crate) fn interpolated_literal_points(l: &ast::InterpolatedStringLiteralElement, raw: bool, source: &str) -> Vec<u32> {
    let value = || l.value.chars().map(u32::from).collect();
    if !l.value.contains('\u{fffd}') {
        return value();
    }
    let Some(text) = source.get(l.range.start().to_usize()..l.range.end().to_usize()) else { return value() };
    // The element's source is a string body with doubled braces; decode it
    // as the body of a plain literal (a leading `''` would read as a triple
    // quote, so it gets the other quotes).
    let body = text.replace("{{", "{").replace("}}", "}");
    let quote = if body.starts_with("''") { '"' } else { '\'' };
    let token = format!("{}{quote}{body}{quote}", if raw { "r" } else { "" });
    spindle_parser::decode_string_literal(&token).unwrap_or_else(value)
}

/// The str constant of `points` (a code-point constant only when it holds a
/// lone surrogate).
pub(crate) fn str_constant(points: &[u32]) -> Constant {
    if points.iter().any(|&c| (0xd800..=0xdfff).contains(&c)) {
        return Constant::StrCodePoints(points.into());
    }
    Constant::str(&points.iter().map(|&c| char::from_u32(c).unwrap_or('\u{fffd}')).collect::<String>())
}

/// Truth value of a constant test (`if 0:`, `while True:`), if known.
pub(crate) fn constant_truth(e: &Expr) -> Option<bool> {
    constant_of(e).map(|c| c.is_truthy())
}

/// An expression statement that is just a constant (no effect).
pub(crate) fn is_constant_expr(e: &Expr) -> bool {
    constant_of(e).is_some()
}

fn int_constant(i: &ast::Int) -> Option<Constant> {
    if let Some(v) = i.as_i64() {
        return Some(Constant::Int(v));
    }
    let text = i.to_string().replace('_', "");
    let lower = text.to_ascii_lowercase();
    let (digits, radix) = if let Some(d) = lower.strip_prefix("0x") {
        (d.to_owned(), 16)
    } else if let Some(d) = lower.strip_prefix("0o") {
        (d.to_owned(), 8)
    } else if let Some(d) = lower.strip_prefix("0b") {
        (d.to_owned(), 2)
    } else {
        (lower, 10)
    };
    BigInt::parse_bytes(digits.as_bytes(), radix).map(Constant::int)
}

fn to_big(c: &Constant) -> Option<BigInt> {
    match c {
        Constant::Int(i) => Some(BigInt::from(*i)),
        Constant::BigInt(b) => Some(b.clone()),
        Constant::Bool(b) => Some(BigInt::from(i64::from(*b))),
        _ => None,
    }
}

fn to_f64(c: &Constant) -> Option<f64> {
    match c {
        Constant::Int(i) => Some(*i as f64),
        Constant::BigInt(b) => b.to_f64().filter(|f| f.is_finite()),
        Constant::Float(f) => Some(*f),
        Constant::Bool(b) => Some(f64::from(u8::from(*b))),
        _ => None,
    }
}

fn negate(v: &Constant) -> Option<Constant> {
    Some(match v {
        Constant::Int(i) => match i.checked_neg() {
            Some(n) => Constant::Int(n),
            None => Constant::int(-BigInt::from(*i)),
        },
        Constant::BigInt(b) => Constant::int(-b.clone()),
        Constant::Float(f) => Constant::Float(-f),
        Constant::Complex(r, i) => Constant::Complex(-r, -i),
        _ => return None,
    })
}

fn is_int(c: &Constant) -> bool {
    matches!(c, Constant::Int(_) | Constant::BigInt(_))
}

fn int_fits(v: &BigInt) -> bool {
    v.bits() <= MAX_INT_BITS
}

fn binop(op: ast::Operator, l: &Constant, r: &Constant) -> Option<Constant> {
    use ast::Operator as O;
    if is_int(l) && is_int(r) {
        let (a, b) = (to_big(l)?, to_big(r)?);
        let res = match op {
            O::Add => a + b,
            O::Sub => a - b,
            O::Mult => {
                if a.bits() + b.bits() > MAX_INT_BITS {
                    return None;
                }
                a * b
            }
            O::FloorDiv => {
                if b.is_zero() {
                    return None;
                }
                floor_div(&a, &b)
            }
            O::Mod => {
                if b.is_zero() {
                    return None;
                }
                let m = &a % &b;
                if !m.is_zero() && (m.is_negative() != b.is_negative()) { m + b } else { m }
            }
            O::Pow => {
                if b.is_negative() {
                    let (fa, fb) = (a.to_f64()?, b.to_f64()?);
                    if fa == 0.0 {
                        return None;
                    }
                    return Some(Constant::Float(fa.powf(fb)));
                }
                let e = b.to_u64()?;
                if a.bits().saturating_mul(e) > MAX_INT_BITS {
                    return None;
                }
                num_traits::pow(a, usize::try_from(e).ok()?)
            }
            O::LShift => {
                if b.is_negative() {
                    return None;
                }
                let s = b.to_u64()?;
                if a.bits() + s > MAX_INT_BITS {
                    return None;
                }
                a << usize::try_from(s).ok()?
            }
            O::RShift => {
                if b.is_negative() {
                    return None;
                }
                let s = b.to_u64().unwrap_or(u64::MAX).min(1 << 20);
                a >> usize::try_from(s).ok()?
            }
            O::BitAnd => a & b,
            O::BitOr => a | b,
            O::BitXor => a ^ b,
            O::Div => {
                // Only operands that convert exactly: then one IEEE division
                // is the correctly rounded quotient, as the runtime gives it.
                let exact = |x: &BigInt| x.magnitude().bits() <= 53;
                if !exact(&a) || !exact(&b) {
                    return None;
                }
                let (fa, fb) = (a.to_f64()?, b.to_f64()?);
                if fb == 0.0 {
                    return None;
                }
                return Some(Constant::Float(fa / fb));
            }
            O::MatMult => return None,
        };
        if !int_fits(&res) {
            return None;
        }
        return Some(Constant::int(res));
    }
    match (l, r) {
        (Constant::Str(a), Constant::Str(b)) if matches!(op, O::Add) => {
            if a.chars().count() + b.chars().count() > MAX_STR_SIZE {
                return None;
            }
            return Some(Constant::str(&format!("{a}{b}")));
        }
        (Constant::Bytes(a), Constant::Bytes(b)) if matches!(op, O::Add) => {
            if a.len() + b.len() > MAX_STR_SIZE {
                return None;
            }
            let mut v = a.to_vec();
            v.extend_from_slice(b);
            return Some(Constant::Bytes(v.into()));
        }
        (Constant::Str(s), n) | (n, Constant::Str(s)) if matches!(op, O::Mult) && is_int(n) => {
            let count = to_big(n)?.to_i64()?.max(0);
            let len = s.chars().count();
            if usize::try_from(count).ok()?.saturating_mul(len) > MAX_STR_SIZE {
                return None;
            }
            return Some(Constant::str(&s.repeat(usize::try_from(count).ok()?)));
        }
        (Constant::Bytes(s), n) | (n, Constant::Bytes(s)) if matches!(op, O::Mult) && is_int(n) => {
            let count = to_big(n)?.to_i64()?.max(0);
            if usize::try_from(count).ok()?.saturating_mul(s.len()) > MAX_STR_SIZE {
                return None;
            }
            return Some(Constant::Bytes(s.repeat(usize::try_from(count).ok()?).into()));
        }
        (Constant::Tuple(t), n) | (n, Constant::Tuple(t)) if matches!(op, O::Mult) && is_int(n) => {
            let count = to_big(n)?.to_i64()?.max(0);
            if usize::try_from(count).ok()?.saturating_mul(t.len()) > MAX_COLLECTION_SIZE {
                return None;
            }
            let mut v = Vec::new();
            for _ in 0..count {
                v.extend(t.iter().cloned());
            }
            return Some(Constant::Tuple(v.into()));
        }
        (Constant::Tuple(a), Constant::Tuple(b)) if matches!(op, O::Add) => {
            if a.len() + b.len() > MAX_COLLECTION_SIZE {
                return None;
            }
            let v: Vec<Constant> = a.iter().chain(b.iter()).cloned().collect();
            return Some(Constant::Tuple(v.into()));
        }
        _ => {}
    }
    // Float arithmetic (no complex folding beyond negation).
    if matches!(l, Constant::Float(_)) || matches!(r, Constant::Float(_)) {
        let (a, b) = (to_f64(l)?, to_f64(r)?);
        let v = match op {
            O::Add => a + b,
            O::Sub => a - b,
            O::Mult => a * b,
            O::Div => {
                if b == 0.0 {
                    return None;
                }
                a / b
            }
            // `//` and `%` on floats are left to the runtime, whose
            // algorithm (fmod-based, signed zeros) the fold would have to copy.
            O::FloorDiv | O::Mod => return None,
            O::Pow => {
                if a == 0.0 && b < 0.0 || a < 0.0 && b.fract() != 0.0 {
                    return None;
                }
                a.powf(b)
            }
            _ => return None,
        };
        if !v.is_finite() {
            return None;
        }
        return Some(Constant::Float(v));
    }
    None
}

fn floor_div(a: &BigInt, b: &BigInt) -> BigInt {
    let q = a / b;
    if (a % b != BigInt::zero()) && (a.is_negative() != b.is_negative()) { q - 1 } else { q }
}
