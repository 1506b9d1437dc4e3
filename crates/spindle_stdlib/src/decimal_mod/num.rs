//! The arithmetic core of `_decimal`: decimal floating-point numbers and the
//! General Decimal Arithmetic operations over a context, free of the VM.
//! Every operation returns a result and ORs libmpdec-style condition bits
//! into a status word; the bindings turn those bits into flags and raise
//! the trapped ones, as CPython's `dec_addstatus` does.

use std::cmp::Ordering;
use std::sync::OnceLock;

use num_bigint::{BigInt, BigUint, Sign};
use num_integer::Integer;
use num_traits::{One, Signed, ToPrimitive, Zero};

// Condition bits (libmpdec's MPD_* status flags).
pub const CLAMPED: u32 = 1;
pub const CONVERSION_SYNTAX: u32 = 2;
pub const DIVISION_BY_ZERO: u32 = 4;
pub const DIVISION_IMPOSSIBLE: u32 = 8;
pub const DIVISION_UNDEFINED: u32 = 16;
pub const FPU_ERROR: u32 = 32;
pub const INEXACT: u32 = 64;
pub const INVALID_CONTEXT: u32 = 128;
pub const INVALID_OPERATION: u32 = 256;
pub const MALLOC_ERROR: u32 = 512;
/// `FloatOperation` (libmpdec's MPD_Not_implemented bit, reused by CPython).
pub const FLOAT_OPERATION: u32 = 1024;
pub const OVERFLOW: u32 = 2048;
pub const ROUNDED: u32 = 4096;
pub const SUBNORMAL: u32 = 8192;
pub const UNDERFLOW: u32 = 16384;
/// Every condition that signals InvalidOperation.
pub const IEEE_INVALID: u32 = CONVERSION_SYNTAX
    | DIVISION_IMPOSSIBLE
    | DIVISION_UNDEFINED
    | FPU_ERROR
    | INVALID_CONTEXT
    | INVALID_OPERATION
    | MALLOC_ERROR;

/// The limits of a 64-bit libmpdec.
pub const MAX_PREC: i64 = 999_999_999_999_999_999;
pub const MAX_EMAX: i64 = 999_999_999_999_999_999;
pub const MIN_EMIN: i64 = -999_999_999_999_999_999;
pub const MIN_ETINY: i64 = MIN_EMIN - (MAX_PREC - 1);
/// Exponents are kept within this bound (beyond any context's reach, yet
/// far from i64 overflow when digit counts are added).
const EXP_LIMIT: i64 = 3 * MAX_EMAX;

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Rounding {
    Up,
    Down,
    Ceiling,
    Floor,
    HalfUp,
    HalfDown,
    HalfEven,
    R05Up,
}

impl Rounding {
    pub const ALL: [Rounding; 8] = [
        Rounding::Up,
        Rounding::Down,
        Rounding::Ceiling,
        Rounding::Floor,
        Rounding::HalfUp,
        Rounding::HalfDown,
        Rounding::HalfEven,
        Rounding::R05Up,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Rounding::Up => "ROUND_UP",
            Rounding::Down => "ROUND_DOWN",
            Rounding::Ceiling => "ROUND_CEILING",
            Rounding::Floor => "ROUND_FLOOR",
            Rounding::HalfUp => "ROUND_HALF_UP",
            Rounding::HalfDown => "ROUND_HALF_DOWN",
            Rounding::HalfEven => "ROUND_HALF_EVEN",
            Rounding::R05Up => "ROUND_05UP",
        }
    }

    pub fn from_name(s: &str) -> Option<Rounding> {
        Rounding::ALL.iter().copied().find(|r| r.name() == s)
    }
}

/// The arithmetic part of a context.
#[derive(Clone, Debug)]
pub struct Ctx {
    pub prec: i64,
    pub emax: i64,
    pub emin: i64,
    pub round: Rounding,
    pub clamp: bool,
}

impl Default for Ctx {
    fn default() -> Self {
        Ctx { prec: 28, emax: 999_999, emin: -999_999, round: Rounding::HalfEven, clamp: false }
    }
}

impl Ctx {
    pub fn etiny(&self) -> i64 {
        self.emin - self.prec + 1
    }
    pub fn etop(&self) -> i64 {
        self.emax - self.prec + 1
    }
    fn with_round(&self, r: Rounding) -> Ctx {
        Ctx { round: r, ..self.clone() }
    }
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Kind {
    Finite,
    Inf,
    NaN,
    SNaN,
}

/// A decimal number: (-1)**neg * coeff * 10**exp, or a special value (a
/// NaN's payload is `coeff`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Dec {
    pub neg: bool,
    pub coeff: BigUint,
    pub exp: i64,
    pub kind: Kind,
}

// ---------------------------------------------------------------- integers

fn pow10_table() -> &'static [BigUint] {
    static T: OnceLock<Vec<BigUint>> = OnceLock::new();
    T.get_or_init(|| {
        let mut v = Vec::with_capacity(80);
        let mut p = BigUint::one();
        for _ in 0..80 {
            v.push(p.clone());
            p *= 10u32;
        }
        v
    })
}

/// Coefficients are never scaled past this many digits: an operation that
/// would (only reachable with an enormous precision or exponent spread)
/// sets the thread's out-of-memory mark instead, which the bindings raise
/// as MemoryError, as libmpdec's failed allocation is.
const MAX_SCALE_DIGITS: u64 = 100_000_000;

thread_local! {
    static TOO_BIG: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Whether an operation since the last call hit `MAX_SCALE_DIGITS` (and
/// clears the mark).
pub fn take_too_big() -> bool {
    TOO_BIG.with(|c| c.replace(false))
}

/// 10**n (n >= 0).
pub fn pow10(n: u64) -> BigUint {
    if n > MAX_SCALE_DIGITS {
        TOO_BIG.with(|c| c.set(true));
        return BigUint::one();
    }
    let t = pow10_table();
    match t.get(n as usize) {
        Some(p) => p.clone(),
        None => num_traits::pow(BigUint::from(10u32), n as usize),
    }
}

fn ipow10(n: u64) -> BigInt {
    BigInt::from(pow10(n))
}

/// The number of decimal digits of `c` (1 for zero).
pub fn ndigits(c: &BigUint) -> i64 {
    let bits = c.bits();
    if bits <= 64 {
        let v = c.to_u64().unwrap_or(0);
        if v == 0 {
            return 1;
        }
        return i64::from(v.ilog10()) + 1;
    }
    // 2**(bits-1) <= c < 2**bits: the digit count is one of two values.
    let est = ((bits - 1) as f64 * std::f64::consts::LOG10_2).floor() as u64 + 1;
    if *c >= pow10(est) { est as i64 + 1 } else { est as i64 }
}

fn ndigits_i(c: &BigInt) -> i64 {
    ndigits(c.magnitude())
}

fn shl10(c: &BigUint, n: i64) -> BigUint {
    if n <= 0 || c.is_zero() { c.clone() } else { c * pow10(n as u64) }
}

/// Decimal digits of `c` as ASCII.
pub fn digit_string(c: &BigUint) -> String {
    if let Some(v) = c.to_u64() {
        return v.to_string();
    }
    c.to_str_radix(10)
}

fn trailing_zeros(c: &BigUint) -> i64 {
    if c.is_zero() {
        return 0;
    }
    if let Some(mut v) = c.to_u64() {
        let mut n = 0;
        while v % 10 == 0 {
            v /= 10;
            n += 1;
        }
        return n;
    }
    let s = digit_string(c);
    (s.len() - s.trim_end_matches('0').len()) as i64
}

/// How the digits dropped from a coefficient compare with half a unit of
/// the last kept digit.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Rest {
    Zero,
    BelowHalf,
    Half,
    AboveHalf,
}

/// Splits `c` into (c // 10**n, how the remainder compares with half).
fn split(c: &BigUint, n: i64) -> (BigUint, Rest) {
    if n <= 0 {
        return (c.clone(), Rest::Zero);
    }
    if let Some(v) = c.to_u64() {
        if n >= 20 {
            return (BigUint::zero(), if v == 0 { Rest::Zero } else { Rest::BelowHalf });
        }
        let p = 10u64.pow(n as u32);
        let (q, r) = (v / p, v % p);
        let half = p / 2;
        let rest = if r == 0 {
            Rest::Zero
        } else {
            match r.cmp(&half) {
                Ordering::Less => Rest::BelowHalf,
                Ordering::Equal => Rest::Half,
                Ordering::Greater => Rest::AboveHalf,
            }
        };
        return (BigUint::from(q), rest);
    }
    if n > ndigits(c) {
        return (BigUint::zero(), if c.is_zero() { Rest::Zero } else { Rest::BelowHalf });
    }
    let p = pow10(n as u64);
    let (q, r) = c.div_rem(&p);
    let rest = if r.is_zero() {
        Rest::Zero
    } else {
        let twice = &r * 2u32;
        match twice.cmp(&p) {
            Ordering::Less => Rest::BelowHalf,
            Ordering::Equal => Rest::Half,
            Ordering::Greater => Rest::AboveHalf,
        }
    };
    (q, rest)
}

/// Whether rounding the kept part `q` (of a number with sign `neg`) away
/// from zero is required under `mode`.
fn rounds_up(mode: Rounding, neg: bool, q: &BigUint, rest: Rest) -> bool {
    if rest == Rest::Zero {
        return false;
    }
    match mode {
        Rounding::Down => false,
        Rounding::Up => true,
        Rounding::Ceiling => !neg,
        Rounding::Floor => neg,
        Rounding::HalfUp => matches!(rest, Rest::Half | Rest::AboveHalf),
        Rounding::HalfDown => rest == Rest::AboveHalf,
        Rounding::HalfEven => match rest {
            Rest::AboveHalf => true,
            Rest::Half => q.is_odd(),
            _ => false,
        },
        Rounding::R05Up => {
            let last = (q % 10u32).to_u32().unwrap_or(0);
            last == 0 || last == 5
        }
    }
}

/// `c` with its last `n` digits rounded away under `mode`: (kept, inexact).
fn round_off(c: &BigUint, n: i64, mode: Rounding, neg: bool) -> (BigUint, bool) {
    let (q, rest) = split(c, n);
    if rounds_up(mode, neg, &q, rest) { (q + 1u32, true) } else { (q, rest != Rest::Zero) }
}

// ---------------------------------------------------------------- values

impl Dec {
    pub fn finite(neg: bool, coeff: BigUint, exp: i64) -> Dec {
        Dec { neg, coeff, exp, kind: Kind::Finite }
    }
    pub fn from_i64(v: i64) -> Dec {
        Dec::finite(v < 0, BigUint::from(v.unsigned_abs()), 0)
    }
    pub fn from_bigint(v: &BigInt) -> Dec {
        Dec::finite(v.sign() == Sign::Minus, v.magnitude().clone(), 0)
    }
    pub fn zero() -> Dec {
        Dec::from_i64(0)
    }
    pub fn one() -> Dec {
        Dec::from_i64(1)
    }
    pub fn inf(neg: bool) -> Dec {
        Dec { neg, coeff: BigUint::zero(), exp: 0, kind: Kind::Inf }
    }
    pub fn nan() -> Dec {
        Dec { neg: false, coeff: BigUint::zero(), exp: 0, kind: Kind::NaN }
    }
    pub fn is_special(&self) -> bool {
        self.kind != Kind::Finite
    }
    pub fn is_nan(&self) -> bool {
        matches!(self.kind, Kind::NaN | Kind::SNaN)
    }
    pub fn is_snan(&self) -> bool {
        self.kind == Kind::SNaN
    }
    pub fn is_qnan(&self) -> bool {
        self.kind == Kind::NaN
    }
    pub fn is_inf(&self) -> bool {
        self.kind == Kind::Inf
    }
    pub fn is_finite(&self) -> bool {
        self.kind == Kind::Finite
    }
    pub fn is_zero(&self) -> bool {
        self.kind == Kind::Finite && self.coeff.is_zero()
    }
    pub fn digits(&self) -> i64 {
        ndigits(&self.coeff)
    }
    pub fn adjusted(&self) -> i64 {
        if self.is_special() { 0 } else { self.exp + self.digits() - 1 }
    }
    pub fn negate(&self) -> Dec {
        Dec { neg: !self.neg, ..self.clone() }
    }
    pub fn abs_copy(&self) -> Dec {
        Dec { neg: false, ..self.clone() }
    }
    pub fn with_sign(&self, neg: bool) -> Dec {
        Dec { neg, ..self.clone() }
    }
    /// Whether a finite value is an integer.
    pub fn is_integer(&self) -> bool {
        if !self.is_finite() {
            return false;
        }
        if self.exp >= 0 || self.coeff.is_zero() {
            return true;
        }
        trailing_zeros(&self.coeff) >= -self.exp
    }
    fn is_even_int(&self) -> bool {
        // Assumes an integer.
        if self.coeff.is_zero() || self.exp > 0 {
            return true;
        }
        let (q, _) = split(&self.coeff, -self.exp);
        q.is_even()
    }
    /// The integer value of a finite integral Dec (truncating others).
    pub fn to_bigint_trunc(&self) -> BigInt {
        let mag = if self.exp >= 0 {
            shl10(&self.coeff, self.exp)
        } else if -self.exp > self.digits() {
            BigUint::zero()
        } else {
            &self.coeff / pow10((-self.exp) as u64)
        };
        let v = BigInt::from(mag);
        if self.neg { -v } else { v }
    }
    fn signed_coeff(&self) -> BigInt {
        let v = BigInt::from(self.coeff.clone());
        if self.neg { -v } else { v }
    }
}

/// The quiet NaN an invalid operation yields.
fn invalid(st: &mut u32, cond: u32) -> Dec {
    *st |= cond;
    Dec::nan()
}

/// A NaN's payload cut to what the context can hold.
fn fix_nan(d: &Dec, ctx: &Ctx) -> Dec {
    let max_len = ctx.prec - i64::from(ctx.clamp);
    if d.digits() > max_len && !d.coeff.is_zero() {
        let keep = if max_len <= 0 { BigUint::zero() } else { &d.coeff % pow10(max_len as u64) };
        return Dec { neg: d.neg, coeff: keep, exp: 0, kind: Kind::NaN };
    }
    Dec { kind: Kind::NaN, ..d.clone() }
}

/// The NaN result of an operation with NaN operands, if any.
fn check_nans(a: &Dec, b: Option<&Dec>, ctx: &Ctx, st: &mut u32) -> Option<Dec> {
    let ops: [Option<&Dec>; 2] = [Some(a), b];
    for d in ops.iter().flatten() {
        if d.is_snan() {
            *st |= INVALID_OPERATION;
            return Some(fix_nan(d, ctx));
        }
    }
    for d in ops.iter().flatten() {
        if d.is_qnan() {
            return Some(fix_nan(d, ctx));
        }
    }
    None
}

fn check_nans3(a: &Dec, b: &Dec, c: &Dec, ctx: &Ctx, st: &mut u32) -> Option<Dec> {
    for d in [a, b, c] {
        if d.is_snan() {
            *st |= INVALID_OPERATION;
            return Some(fix_nan(d, ctx));
        }
    }
    for d in [a, b, c] {
        if d.is_qnan() {
            return Some(fix_nan(d, ctx));
        }
    }
    None
}

/// The result of an overflow under the context's rounding.
fn overflow_result(neg: bool, ctx: &Ctx, st: &mut u32) -> Dec {
    *st |= OVERFLOW | INEXACT | ROUNDED;
    let to_inf = match ctx.round {
        Rounding::HalfUp | Rounding::HalfEven | Rounding::HalfDown | Rounding::Up => true,
        Rounding::Ceiling => !neg,
        Rounding::Floor => neg,
        Rounding::Down | Rounding::R05Up => false,
    };
    if to_inf {
        Dec::inf(neg)
    } else {
        Dec::finite(neg, pow10(ctx.prec as u64) - 1u32, ctx.etop())
    }
}

/// Rounds and range-checks `d` for the context (the spec's "finalize").
pub fn fix(d: Dec, ctx: &Ctx, st: &mut u32) -> Dec {
    match d.kind {
        Kind::NaN | Kind::SNaN => return fix_nan(&d, ctx),
        Kind::Inf => return d,
        Kind::Finite => {}
    }
    let etiny = ctx.etiny();
    let etop = ctx.etop();
    if d.coeff.is_zero() {
        let exp_max = if ctx.clamp { etop } else { ctx.emax };
        let new_exp = d.exp.max(etiny).min(exp_max);
        if new_exp != d.exp {
            *st |= CLAMPED;
            return Dec::finite(d.neg, BigUint::zero(), new_exp);
        }
        return d;
    }
    let nd = d.digits();
    let mut exp_min = nd + d.exp - ctx.prec;
    if exp_min > etop {
        return overflow_result(d.neg, ctx, st);
    }
    let subnormal = exp_min < etiny;
    if subnormal {
        exp_min = etiny;
    }
    if d.exp < exp_min {
        let drop = exp_min - d.exp;
        let (mut q, changed) = round_off(&d.coeff, drop, ctx.round, d.neg);
        if changed && ndigits(&q) > ctx.prec {
            q /= 10u32;
            exp_min += 1;
        }
        let ans = if exp_min > etop {
            overflow_result(d.neg, ctx, st)
        } else {
            Dec::finite(d.neg, q, exp_min)
        };
        if changed && subnormal {
            *st |= UNDERFLOW;
        }
        if subnormal {
            *st |= SUBNORMAL;
        }
        if changed {
            *st |= INEXACT;
        }
        *st |= ROUNDED;
        if ans.is_zero() {
            *st |= CLAMPED;
        }
        return ans;
    }
    if subnormal {
        *st |= SUBNORMAL;
    }
    if ctx.clamp && d.exp > etop {
        *st |= CLAMPED;
        let c = shl10(&d.coeff, d.exp - etop);
        return Dec::finite(d.neg, c, etop);
    }
    d
}

/// `d` rescaled to exponent `exp` (quietly rounding with `mode`).
pub fn rescale(d: &Dec, exp: i64, mode: Rounding) -> Dec {
    if d.is_special() {
        return d.clone();
    }
    if d.coeff.is_zero() {
        return Dec::finite(d.neg, BigUint::zero(), exp);
    }
    if d.exp >= exp {
        return Dec::finite(d.neg, shl10(&d.coeff, d.exp - exp), exp);
    }
    let (q, _) = round_off(&d.coeff, exp - d.exp, mode, d.neg);
    Dec::finite(d.neg, q, exp)
}

// ---------------------------------------------------------------- parsing

/// Parses a numeric string (Python's Decimal syntax; surrounding
/// whitespace and single underscores between digits allowed).
pub fn parse(s: &str) -> Option<Dec> {
    let s = s.trim_matches(|c: char| c.is_whitespace());
    let mut chars: Vec<char> = Vec::with_capacity(s.len());
    for c in s.chars() {
        // Unicode decimal digits count as their ASCII value.
        chars.push(match unicode_digit(c) {
            Some(d) => (b'0' + d) as char,
            None => c,
        });
    }
    let mut i = 0;
    let mut neg = false;
    match chars.first() {
        Some('+') => i = 1,
        Some('-') => {
            neg = true;
            i = 1
        }
        _ => {}
    }
    let rest: String = chars[i..].iter().collect();
    let lower = rest.to_ascii_lowercase();
    if lower == "inf" || lower == "infinity" {
        return Some(Dec::inf(neg));
    }
    for (prefix, kind) in [("snan", Kind::SNaN), ("nan", Kind::NaN)] {
        if let Some(payload) = lower.strip_prefix(prefix) {
            if payload.is_empty() {
                return Some(Dec { neg, coeff: BigUint::zero(), exp: 0, kind });
            }
            if !payload.bytes().all(|b| b.is_ascii_digit()) {
                return None;
            }
            let coeff = BigUint::parse_bytes(payload.as_bytes(), 10)?;
            return Some(Dec { neg, coeff, exp: 0, kind });
        }
    }
    let b = rest.as_bytes();
    let mut digits = String::new();
    let mut frac_len: i64 = 0;
    let mut seen_dot = false;
    let mut any_digit = false;
    let mut j = 0;
    let mut prev_digit = false;
    while j < b.len() {
        let c = b[j];
        if c.is_ascii_digit() {
            digits.push(c as char);
            any_digit = true;
            prev_digit = true;
            if seen_dot {
                frac_len += 1;
            }
        } else if c == b'_' {
            if !prev_digit || !b.get(j + 1).is_some_and(|n| n.is_ascii_digit()) {
                return None;
            }
            prev_digit = false;
        } else if c == b'.' && !seen_dot {
            seen_dot = true;
            prev_digit = false;
        } else {
            break;
        }
        j += 1;
    }
    if !any_digit {
        return None;
    }
    let mut exp: i128 = 0;
    if j < b.len() {
        if b[j] != b'e' && b[j] != b'E' {
            return None;
        }
        j += 1;
        let mut eneg = false;
        if j < b.len() && (b[j] == b'+' || b[j] == b'-') {
            eneg = b[j] == b'-';
            j += 1;
        }
        let mut any = false;
        let mut prev = false;
        while j < b.len() {
            let c = b[j];
            if c.is_ascii_digit() {
                exp = (exp * 10 + i128::from(c - b'0')).min(i128::from(i64::MAX) * 4);
                any = true;
                prev = true;
            } else if c == b'_' && prev && b.get(j + 1).is_some_and(|n| n.is_ascii_digit()) {
                prev = false;
            } else {
                return None;
            }
            j += 1;
        }
        if !any {
            return None;
        }
        if eneg {
            exp = -exp;
        }
    }
    let exp = exp - i128::from(frac_len);
    // Exponents beyond any context's reach saturate; `fix` then overflows
    // or underflows them.
    let exp = exp.clamp(-i128::from(EXP_LIMIT), i128::from(EXP_LIMIT)) as i64;
    let trimmed = digits.trim_start_matches('0');
    let coeff = if trimmed.is_empty() {
        BigUint::zero()
    } else if trimmed.len() <= 19 {
        BigUint::from(trimmed.parse::<u64>().ok()?)
    } else {
        BigUint::parse_bytes(trimmed.as_bytes(), 10)?
    };
    Some(Dec::finite(neg, coeff, exp))
}

/// Whether an exactly converted value fits libmpdec's maximum context
/// (CPython's exact conversions signal InvalidOperation otherwise).
pub fn fits_max_context(d: &Dec) -> bool {
    if !d.is_finite() {
        return d.digits() <= MAX_PREC;
    }
    if d.coeff.is_zero() {
        return d.exp <= MAX_EMAX && d.exp >= MIN_ETINY;
    }
    d.adjusted() <= MAX_EMAX && d.exp >= MIN_ETINY
}

/// The value of a Unicode decimal digit outside ASCII (Nd category, by
/// the standard's blocks of ten).
fn unicode_digit(c: char) -> Option<u8> {
    if c.is_ascii() {
        return None;
    }
    const ZEROS: [u32; 37] = [
        0x0660, 0x06F0, 0x07C0, 0x0966, 0x09E6, 0x0A66, 0x0AE6, 0x0B66, 0x0BE6, 0x0C66, 0x0CE6, 0x0D66, 0x0DE6,
        0x0E50, 0x0ED0, 0x0F20, 0x1040, 0x1090, 0x17E0, 0x1810, 0x1946, 0x19D0, 0x1A80, 0x1A90, 0x1B50, 0x1BB0,
        0x1C40, 0x1C50, 0xA620, 0xA8D0, 0xA900, 0xA9D0, 0xA9F0, 0xAA50, 0xABF0, 0xFF10, 0x104A0,
    ];
    let u = c as u32;
    ZEROS.iter().find(|&&z| u >= z && u < z + 10).map(|&z| (u - z) as u8)
}

// ---------------------------------------------------------------- strings

/// The spec's to-scientific-string (or to-engineering-string).
pub fn to_string(d: &Dec, eng: bool, capitals: bool) -> String {
    let sign = if d.neg { "-" } else { "" };
    match d.kind {
        Kind::Inf => return format!("{sign}Infinity"),
        Kind::NaN | Kind::SNaN => {
            let p = if d.coeff.is_zero() { String::new() } else { digit_string(&d.coeff) };
            let n = if d.kind == Kind::SNaN { "sNaN" } else { "NaN" };
            return format!("{sign}{n}{p}");
        }
        Kind::Finite => {}
    }
    let digits = digit_string(&d.coeff);
    let nd = digits.len() as i64;
    let leftdigits = d.exp + nd;
    let dotplace = if d.exp <= 0 && leftdigits > -6 {
        leftdigits
    } else if !eng {
        1
    } else if d.coeff.is_zero() {
        (leftdigits + 1).rem_euclid(3) - 1
    } else {
        (leftdigits - 1).rem_euclid(3) + 1
    };
    let (intpart, fracpart) = if dotplace <= 0 {
        ("0".to_string(), format!(".{}{}", "0".repeat((-dotplace) as usize), digits))
    } else if dotplace >= nd {
        (format!("{}{}", digits, "0".repeat((dotplace - nd) as usize)), String::new())
    } else {
        let (a, b) = digits.split_at(dotplace as usize);
        (a.to_string(), format!(".{b}"))
    };
    let exp = if leftdigits == dotplace {
        String::new()
    } else {
        let e = leftdigits - dotplace;
        format!("{}{}{}", if capitals { "E" } else { "e" }, if e >= 0 { "+" } else { "" }, e)
    };
    format!("{sign}{intpart}{fracpart}{exp}")
}

// ---------------------------------------------------------------- comparison

/// Numeric comparison of two non-NaN values.
pub fn cmp(a: &Dec, b: &Dec) -> Ordering {
    if a.is_inf() || b.is_inf() {
        let av = if a.is_inf() { if a.neg { -1 } else { 1 } } else { 0 };
        let bv = if b.is_inf() { if b.neg { -1 } else { 1 } } else { 0 };
        if av != bv || av != 0 {
            return av.cmp(&bv);
        }
    }
    let az = a.coeff.is_zero();
    let bz = b.coeff.is_zero();
    if az && bz {
        return Ordering::Equal;
    }
    if az {
        return if b.neg { Ordering::Greater } else { Ordering::Less };
    }
    if bz {
        return if a.neg { Ordering::Less } else { Ordering::Greater };
    }
    if a.neg != b.neg {
        return if a.neg { Ordering::Less } else { Ordering::Greater };
    }
    let mag = cmp_mag(a, b);
    if a.neg { mag.reverse() } else { mag }
}

/// Compares |a| and |b| for finite nonzero values.
fn cmp_mag(a: &Dec, b: &Dec) -> Ordering {
    let aa = a.adjusted();
    let ba = b.adjusted();
    if aa != ba {
        return aa.cmp(&ba);
    }
    // Same adjusted exponent: align the coefficients.
    if a.exp >= b.exp {
        shl10(&a.coeff, a.exp - b.exp).cmp(&b.coeff)
    } else {
        a.coeff.cmp(&shl10(&b.coeff, b.exp - a.exp))
    }
}

/// `compare`: -1, 0, 1 as a Dec, or NaN.
pub fn compare(a: &Dec, b: &Dec, ctx: &Ctx, st: &mut u32) -> Dec {
    if let Some(n) = check_nans(a, Some(b), ctx, st) {
        return n;
    }
    Dec::from_i64(cmp(a, b) as i64)
}

pub fn compare_signal(a: &Dec, b: &Dec, ctx: &Ctx, st: &mut u32) -> Dec {
    if a.is_nan() || b.is_nan() {
        *st |= INVALID_OPERATION;
        return check_nans(a, Some(b), ctx, &mut 0).unwrap_or_else(Dec::nan);
    }
    compare(a, b, ctx, st)
}

/// The spec's total order.
pub fn cmp_total(a: &Dec, b: &Dec) -> Ordering {
    if a.neg != b.neg {
        return if a.neg { Ordering::Less } else { Ordering::Greater };
    }
    let rank = |d: &Dec| match d.kind {
        Kind::Finite => 0,
        Kind::Inf => 1,
        Kind::SNaN => 2,
        Kind::NaN => 3,
    };
    let ord = match (rank(a), rank(b)) {
        (x, y) if x != y => x.cmp(&y),
        (0, _) => match cmp(&a.abs_copy(), &b.abs_copy()) {
            Ordering::Equal => a.exp.cmp(&b.exp),
            o => o,
        },
        (1, _) => Ordering::Equal,
        _ => a.coeff.cmp(&b.coeff),
    };
    if a.neg { ord.reverse() } else { ord }
}

fn ord_dec(o: Ordering) -> Dec {
    Dec::from_i64(o as i64)
}

pub fn compare_total(a: &Dec, b: &Dec) -> Dec {
    ord_dec(cmp_total(a, b))
}

pub fn compare_total_mag(a: &Dec, b: &Dec) -> Dec {
    ord_dec(cmp_total(&a.abs_copy(), &b.abs_copy()))
}

fn minmax(a: &Dec, b: &Dec, ctx: &Ctx, st: &mut u32, want_max: bool, mag: bool) -> Dec {
    if a.is_nan() || b.is_nan() {
        if a.is_qnan() && !b.is_nan() {
            return fix(b.clone(), ctx, st);
        }
        if b.is_qnan() && !a.is_nan() {
            return fix(a.clone(), ctx, st);
        }
        return check_nans(a, Some(b), ctx, st).unwrap_or_else(Dec::nan);
    }
    let mut c = if mag { cmp(&a.abs_copy(), &b.abs_copy()) } else { cmp(a, b) };
    if c == Ordering::Equal {
        c = cmp_total(a, b);
    }
    let pick_b = if want_max { c == Ordering::Less } else { c != Ordering::Less };
    let pick = if pick_b { b } else { a };
    fix(pick.clone(), ctx, st)
}

pub fn max(a: &Dec, b: &Dec, ctx: &Ctx, st: &mut u32) -> Dec {
    minmax(a, b, ctx, st, true, false)
}
pub fn min(a: &Dec, b: &Dec, ctx: &Ctx, st: &mut u32) -> Dec {
    minmax(a, b, ctx, st, false, false)
}
pub fn max_mag(a: &Dec, b: &Dec, ctx: &Ctx, st: &mut u32) -> Dec {
    minmax(a, b, ctx, st, true, true)
}
pub fn min_mag(a: &Dec, b: &Dec, ctx: &Ctx, st: &mut u32) -> Dec {
    minmax(a, b, ctx, st, false, true)
}

// ---------------------------------------------------------------- arithmetic

pub fn plus(a: &Dec, ctx: &Ctx, st: &mut u32) -> Dec {
    signed(a, false, ctx, st)
}

pub fn minus(a: &Dec, ctx: &Ctx, st: &mut u32) -> Dec {
    signed(a, true, ctx, st)
}

/// Unary `+a` or `-a`: rounded to the context, and a zero result is
/// positive unless rounding toward -Infinity.
fn signed(a: &Dec, negate: bool, ctx: &Ctx, st: &mut u32) -> Dec {
    if let Some(n) = check_nans(a, None, ctx, st) {
        return n;
    }
    let mut d = if negate { a.negate() } else { a.clone() };
    if d.is_zero() && ctx.round != Rounding::Floor {
        d.neg = false;
    }
    fix(d, ctx, st)
}

pub fn abs(a: &Dec, ctx: &Ctx, st: &mut u32) -> Dec {
    if let Some(n) = check_nans(a, None, ctx, st) {
        return n;
    }
    fix(a.abs_copy(), ctx, st)
}

pub fn add(a: &Dec, b: &Dec, ctx: &Ctx, st: &mut u32) -> Dec {
    if a.is_special() || b.is_special() {
        if let Some(n) = check_nans(a, Some(b), ctx, st) {
            return n;
        }
        if a.is_inf() {
            if b.is_inf() && a.neg != b.neg {
                return invalid(st, INVALID_OPERATION);
            }
            return a.clone();
        }
        return b.clone();
    }
    let mut exp = a.exp.min(b.exp);
    let negzero = ctx.round == Rounding::Floor && a.neg != b.neg;
    let az = a.coeff.is_zero();
    let bz = b.coeff.is_zero();
    if az && bz {
        let neg = if negzero { true } else { a.neg && b.neg };
        return fix(Dec::finite(neg, BigUint::zero(), exp), ctx, st);
    }
    if az || bz {
        let other = if az { b } else { a };
        exp = exp.max(other.exp - ctx.prec - 1);
        let r = rescale(other, exp, ctx.round);
        return fix(r, ctx, st);
    }
    // Align; when the exponents are far apart the smaller operand only
    // matters as a sticky digit below the precision.
    let (hi, lo) = if a.exp < b.exp { (b, a) } else { (a, b) };
    let hi_len = hi.digits();
    let sticky_exp = hi.exp + (-1i64).min(hi_len - ctx.prec - 2);
    let (lo_coeff, lo_exp) =
        if lo.digits() + lo.exp - 1 < sticky_exp { (BigUint::one(), sticky_exp) } else { (lo.coeff.clone(), lo.exp) };
    let hi_coeff = shl10(&hi.coeff, hi.exp - lo_exp);
    let (hs, ls) = (hi.neg, lo.neg);
    let (neg, coeff) = if hs == ls {
        (hs, hi_coeff + lo_coeff)
    } else {
        match hi_coeff.cmp(&lo_coeff) {
            Ordering::Equal => return fix(Dec::finite(negzero, BigUint::zero(), exp), ctx, st),
            Ordering::Greater => (hs, hi_coeff - lo_coeff),
            Ordering::Less => (ls, lo_coeff - hi_coeff),
        }
    };
    fix(Dec::finite(neg, coeff, lo_exp), ctx, st)
}

pub fn sub(a: &Dec, b: &Dec, ctx: &Ctx, st: &mut u32) -> Dec {
    if let Some(n) = check_nans(a, Some(b), ctx, st) {
        return n;
    }
    add(a, &b.negate(), ctx, st)
}

pub fn mul(a: &Dec, b: &Dec, ctx: &Ctx, st: &mut u32) -> Dec {
    let neg = a.neg != b.neg;
    if a.is_special() || b.is_special() {
        if let Some(n) = check_nans(a, Some(b), ctx, st) {
            return n;
        }
        if (a.is_inf() && b.is_zero()) || (b.is_inf() && a.is_zero()) {
            return invalid(st, INVALID_OPERATION);
        }
        return Dec::inf(neg);
    }
    let exp = a.exp.saturating_add(b.exp).clamp(-EXP_LIMIT, EXP_LIMIT);
    fix(Dec::finite(neg, &a.coeff * &b.coeff, exp), ctx, st)
}

pub fn div(a: &Dec, b: &Dec, ctx: &Ctx, st: &mut u32) -> Dec {
    let neg = a.neg != b.neg;
    if a.is_special() || b.is_special() {
        if let Some(n) = check_nans(a, Some(b), ctx, st) {
            return n;
        }
        if a.is_inf() && b.is_inf() {
            return invalid(st, INVALID_OPERATION);
        }
        if a.is_inf() {
            return Dec::inf(neg);
        }
        *st |= CLAMPED;
        return Dec::finite(neg, BigUint::zero(), ctx.etiny());
    }
    if b.coeff.is_zero() {
        if a.coeff.is_zero() {
            return invalid(st, DIVISION_UNDEFINED);
        }
        *st |= DIVISION_BY_ZERO;
        return Dec::inf(neg);
    }
    let (coeff, exp) = if a.coeff.is_zero() {
        (BigUint::zero(), a.exp - b.exp)
    } else {
        let shift = b.digits() - a.digits() + ctx.prec + 1;
        let mut exp = a.exp - b.exp - shift;
        let (mut q, r) = if shift >= 0 {
            shl10(&a.coeff, shift).div_rem(&b.coeff)
        } else {
            a.coeff.div_rem(&(&b.coeff * pow10((-shift) as u64)))
        };
        if !r.is_zero() {
            if (&q % 5u32).is_zero() {
                q += 1u32;
            }
        } else {
            let ideal = a.exp - b.exp;
            while exp < ideal && (&q % 10u32).is_zero() {
                q /= 10u32;
                exp += 1;
            }
        }
        (q, exp)
    };
    fix(Dec::finite(neg, coeff, exp), ctx, st)
}

/// (a // b, a % b) for finite a, nonzero b (b may be infinite).
fn divide_int_rem(a: &Dec, b: &Dec, ctx: &Ctx, st: &mut u32) -> (Dec, Dec) {
    let neg = a.neg != b.neg;
    let ideal = if b.is_inf() { a.exp } else { a.exp.min(b.exp) };
    let expdiff = a.adjusted() - b.adjusted();
    if a.coeff.is_zero() || b.is_inf() || expdiff <= -2 {
        return (Dec::finite(neg, BigUint::zero(), 0), rescale(a, ideal, ctx.round));
    }
    if expdiff <= ctx.prec {
        let (x, y) = if a.exp >= b.exp {
            (shl10(&a.coeff, a.exp - b.exp), b.coeff.clone())
        } else {
            (a.coeff.clone(), shl10(&b.coeff, b.exp - a.exp))
        };
        let (q, r) = x.div_rem(&y);
        if q < pow10(ctx.prec as u64) {
            return (Dec::finite(neg, q, 0), Dec::finite(a.neg, r, ideal));
        }
    }
    let n = invalid(st, DIVISION_IMPOSSIBLE);
    (n.clone(), n)
}

pub fn divmod(a: &Dec, b: &Dec, ctx: &Ctx, st: &mut u32) -> (Dec, Dec) {
    if let Some(n) = check_nans(a, Some(b), ctx, st) {
        return (n.clone(), n);
    }
    let neg = a.neg != b.neg;
    if a.is_inf() {
        if b.is_inf() {
            let n = invalid(st, INVALID_OPERATION);
            return (n.clone(), n);
        }
        let n = invalid(st, INVALID_OPERATION);
        return (Dec::inf(neg), n);
    }
    if b.is_zero() {
        if a.is_zero() {
            let n = invalid(st, DIVISION_UNDEFINED);
            return (n.clone(), n);
        }
        *st |= DIVISION_BY_ZERO;
        let n = invalid(st, INVALID_OPERATION);
        return (Dec::inf(neg), n);
    }
    let (q, r) = divide_int_rem(a, b, ctx, st);
    let r = fix(r, ctx, st);
    (q, r)
}

pub fn divint(a: &Dec, b: &Dec, ctx: &Ctx, st: &mut u32) -> Dec {
    if let Some(n) = check_nans(a, Some(b), ctx, st) {
        return n;
    }
    let neg = a.neg != b.neg;
    if a.is_inf() {
        if b.is_inf() {
            return invalid(st, INVALID_OPERATION);
        }
        return Dec::inf(neg);
    }
    if b.is_zero() {
        if a.is_zero() {
            return invalid(st, DIVISION_UNDEFINED);
        }
        *st |= DIVISION_BY_ZERO;
        return Dec::inf(neg);
    }
    divide_int_rem(a, b, ctx, st).0
}

pub fn rem(a: &Dec, b: &Dec, ctx: &Ctx, st: &mut u32) -> Dec {
    if let Some(n) = check_nans(a, Some(b), ctx, st) {
        return n;
    }
    if a.is_inf() {
        return invalid(st, INVALID_OPERATION);
    }
    if b.is_zero() {
        return invalid(st, if a.is_zero() { DIVISION_UNDEFINED } else { INVALID_OPERATION });
    }
    let r = divide_int_rem(a, b, ctx, st).1;
    fix(r, ctx, st)
}

pub fn rem_near(a: &Dec, b: &Dec, ctx: &Ctx, st: &mut u32) -> Dec {
    if let Some(n) = check_nans(a, Some(b), ctx, st) {
        return n;
    }
    if a.is_inf() {
        return invalid(st, INVALID_OPERATION);
    }
    if b.is_zero() {
        return invalid(st, if a.is_zero() { DIVISION_UNDEFINED } else { INVALID_OPERATION });
    }
    if b.is_inf() {
        return fix(a.clone(), ctx, st);
    }
    let ideal = a.exp.min(b.exp);
    if a.coeff.is_zero() {
        return fix(Dec::finite(a.neg, BigUint::zero(), ideal), ctx, st);
    }
    let expdiff = a.adjusted() - b.adjusted();
    if expdiff > ctx.prec {
        return invalid(st, DIVISION_IMPOSSIBLE);
    }
    if expdiff <= -2 {
        return fix(rescale(a, ideal, ctx.round), ctx, st);
    }
    let (x, y) = if a.exp >= b.exp {
        (shl10(&a.coeff, a.exp - b.exp), b.coeff.clone())
    } else {
        (a.coeff.clone(), shl10(&b.coeff, b.exp - a.exp))
    };
    let (mut q, r) = x.div_rem(&y);
    let mut r = BigInt::from(r);
    let yi = BigInt::from(y.clone());
    if BigInt::from(2u32) * &r + BigInt::from(u32::from(q.is_odd())) > yi {
        r -= &yi;
        q += 1u32;
    }
    if q >= pow10(ctx.prec as u64) {
        return invalid(st, DIVISION_IMPOSSIBLE);
    }
    let mut neg = a.neg;
    if r.is_negative() {
        neg = !neg;
    }
    fix(Dec::finite(neg, r.magnitude().clone(), ideal), ctx, st)
}

pub fn fma(a: &Dec, b: &Dec, c: &Dec, ctx: &Ctx, st: &mut u32) -> Dec {
    let product = if a.is_special() || b.is_special() {
        if let Some(n) = check_nans3(a, b, c, ctx, st) {
            return n;
        }
        if (a.is_inf() && b.is_zero()) || (b.is_inf() && a.is_zero()) {
            return invalid(st, INVALID_OPERATION);
        }
        Dec::inf(a.neg != b.neg)
    } else {
        if let Some(n) = check_nans(c, None, ctx, st) {
            return n;
        }
        Dec::finite(a.neg != b.neg, &a.coeff * &b.coeff, a.exp + b.exp)
    };
    add(&product, c, ctx, st)
}

// ---------------------------------------------------------------- quantize etc.

pub fn quantize(a: &Dec, e: &Dec, mode: Rounding, ctx: &Ctx, st: &mut u32) -> Dec {
    if a.is_special() || e.is_special() {
        if let Some(n) = check_nans(a, Some(e), ctx, st) {
            return n;
        }
        if a.is_inf() && e.is_inf() {
            return a.clone();
        }
        return invalid(st, INVALID_OPERATION);
    }
    if !(ctx.etiny() <= e.exp && e.exp <= ctx.emax) {
        return invalid(st, INVALID_OPERATION);
    }
    if a.coeff.is_zero() {
        return fix(Dec::finite(a.neg, BigUint::zero(), e.exp), ctx, st);
    }
    let adj = a.adjusted();
    if adj > ctx.emax || adj - e.exp + 1 > ctx.prec {
        return invalid(st, INVALID_OPERATION);
    }
    let ans = rescale(a, e.exp, mode);
    if ans.adjusted() > ctx.emax || ans.digits() > ctx.prec {
        return invalid(st, INVALID_OPERATION);
    }
    if !ans.coeff.is_zero() && ans.adjusted() < ctx.emin {
        *st |= SUBNORMAL;
    }
    if ans.exp > a.exp {
        if cmp(&ans, a) != Ordering::Equal {
            *st |= INEXACT;
        }
        *st |= ROUNDED;
    }
    fix(ans, ctx, st)
}

pub fn same_quantum(a: &Dec, b: &Dec) -> bool {
    if a.is_special() || b.is_special() {
        return (a.is_nan() && b.is_nan()) || (a.is_inf() && b.is_inf());
    }
    a.exp == b.exp
}

pub fn to_integral(a: &Dec, mode: Rounding, exact: bool, ctx: &Ctx, st: &mut u32) -> Dec {
    if a.is_special() {
        if let Some(n) = check_nans(a, None, ctx, st) {
            return n;
        }
        return a.clone();
    }
    if a.exp >= 0 {
        return a.clone();
    }
    if a.coeff.is_zero() {
        return Dec::finite(a.neg, BigUint::zero(), 0);
    }
    let ans = rescale(a, 0, mode);
    if exact {
        if cmp(&ans, a) != Ordering::Equal {
            *st |= INEXACT;
        }
        *st |= ROUNDED;
    }
    ans
}

pub fn normalize(a: &Dec, ctx: &Ctx, st: &mut u32) -> Dec {
    if a.is_special() {
        if let Some(n) = check_nans(a, None, ctx, st) {
            return n;
        }
    }
    let dup = fix(a.clone(), ctx, st);
    if dup.is_inf() {
        return dup;
    }
    if dup.coeff.is_zero() {
        return Dec::finite(dup.neg, BigUint::zero(), 0);
    }
    let exp_max = if ctx.clamp { ctx.etop() } else { ctx.emax };
    let tz = trailing_zeros(&dup.coeff).min((exp_max - dup.exp).max(0));
    if tz == 0 {
        return dup;
    }
    Dec::finite(dup.neg, &dup.coeff / pow10(tz as u64), dup.exp + tz)
}

pub fn logb(a: &Dec, ctx: &Ctx, st: &mut u32) -> Dec {
    if let Some(n) = check_nans(a, None, ctx, st) {
        return n;
    }
    if a.is_inf() {
        return Dec::inf(false);
    }
    if a.coeff.is_zero() {
        *st |= DIVISION_BY_ZERO;
        return Dec::inf(true);
    }
    fix(Dec::from_i64(a.adjusted()), ctx, st)
}

/// The integer value of an operand that must have exponent 0 and lie in
/// [lo, hi], or None.
fn small_int_arg(b: &Dec, lo: i64, hi: i64) -> Option<i64> {
    if !b.is_finite() || b.exp != 0 {
        return None;
    }
    let v = b.to_bigint_trunc().to_i64()?;
    if v < lo || v > hi { None } else { Some(v) }
}

pub fn scaleb(a: &Dec, b: &Dec, ctx: &Ctx, st: &mut u32) -> Dec {
    if let Some(n) = check_nans(a, Some(b), ctx, st) {
        return n;
    }
    let lim = 2i64.saturating_mul(ctx.emax.saturating_add(ctx.prec));
    let Some(n) = small_int_arg(b, -lim, lim) else { return invalid(st, INVALID_OPERATION) };
    if a.is_inf() {
        return a.clone();
    }
    fix(Dec::finite(a.neg, a.coeff.clone(), a.exp.saturating_add(n).clamp(-EXP_LIMIT, EXP_LIMIT)), ctx, st)
}

fn digits_padded(a: &Dec, prec: i64) -> Vec<u8> {
    let s = digit_string(&a.coeff);
    let mut v: Vec<u8> = s.bytes().map(|b| b - b'0').collect();
    let p = prec as usize;
    if v.len() < p {
        let mut pad = vec![0u8; p - v.len()];
        pad.extend(v);
        v = pad;
    } else if v.len() > p {
        v = v[v.len() - p..].to_vec();
    }
    v
}

fn from_digits(neg: bool, d: &[u8], exp: i64) -> Dec {
    let s: String = d.iter().map(|x| (b'0' + x) as char).collect();
    let t = s.trim_start_matches('0');
    let coeff = if t.is_empty() { BigUint::zero() } else { BigUint::parse_bytes(t.as_bytes(), 10).unwrap_or_default() };
    Dec::finite(neg, coeff, exp)
}

pub fn rotate(a: &Dec, b: &Dec, ctx: &Ctx, st: &mut u32) -> Dec {
    if let Some(n) = check_nans(a, Some(b), ctx, st) {
        return n;
    }
    let Some(n) = small_int_arg(b, -ctx.prec, ctx.prec) else { return invalid(st, INVALID_OPERATION) };
    if a.is_inf() {
        return a.clone();
    }
    let d = digits_padded(a, ctx.prec);
    let k = n.rem_euclid(ctx.prec.max(1)) as usize;
    let mut r = d[k..].to_vec();
    r.extend_from_slice(&d[..k]);
    from_digits(a.neg, &r, a.exp)
}

pub fn shift(a: &Dec, b: &Dec, ctx: &Ctx, st: &mut u32) -> Dec {
    if let Some(n) = check_nans(a, Some(b), ctx, st) {
        return n;
    }
    let Some(n) = small_int_arg(b, -ctx.prec, ctx.prec) else { return invalid(st, INVALID_OPERATION) };
    if a.is_inf() {
        return a.clone();
    }
    let d = digits_padded(a, ctx.prec);
    let p = d.len();
    let r: Vec<u8> = if n < 0 {
        d[..p - (-n) as usize].to_vec()
    } else {
        let mut v = d.clone();
        v.extend(std::iter::repeat_n(0u8, n as usize));
        v[v.len() - p..].to_vec()
    };
    from_digits(a.neg, &r, a.exp)
}

fn logical_digits(a: &Dec) -> Option<String> {
    if a.neg || a.exp != 0 || !a.is_finite() {
        return None;
    }
    let s = digit_string(&a.coeff);
    if s.bytes().all(|c| c == b'0' || c == b'1') { Some(s) } else { None }
}

/// A digit-wise logical operation; `op` combines two bits.
pub fn logical(a: &Dec, b: &Dec, ctx: &Ctx, st: &mut u32, op: fn(u8, u8) -> u8) -> Dec {
    let (Some(x), Some(y)) = (logical_digits(a), logical_digits(b)) else { return invalid(st, INVALID_OPERATION) };
    let p = ctx.prec as usize;
    let fit = |s: String| -> Vec<u8> {
        let mut v: Vec<u8> = s.bytes().map(|c| c - b'0').collect();
        if v.len() > p {
            v = v[v.len() - p..].to_vec();
        }
        let mut pad = vec![0u8; p - v.len()];
        pad.extend(v);
        pad
    };
    let (x, y) = (fit(x), fit(y));
    let r: Vec<u8> = x.iter().zip(y.iter()).map(|(p, q)| op(*p, *q)).collect();
    from_digits(false, &r, 0)
}

pub fn logical_invert(a: &Dec, ctx: &Ctx, st: &mut u32) -> Dec {
    let ones = Dec::finite(false, (pow10(ctx.prec as u64) - 1u32) / 9u32, 0);
    logical(a, &ones, ctx, st, |p, q| p ^ q)
}

pub fn next_minus(a: &Dec, ctx: &Ctx, st: &mut u32) -> Dec {
    next_adjacent(a, false, ctx, st)
}

pub fn next_plus(a: &Dec, ctx: &Ctx, st: &mut u32) -> Dec {
    next_adjacent(a, true, ctx, st)
}

/// The representable neighbour of `a` above (`up`) or below it: rounding
/// toward that side settles it when `a` does not fit the context, else one
/// unit of the smallest exponent moves it past `a`.
fn next_adjacent(a: &Dec, up: bool, ctx: &Ctx, st: &mut u32) -> Dec {
    if let Some(n) = check_nans(a, None, ctx, st) {
        return n;
    }
    if a.is_inf() {
        // Infinity on the far side stays; the other goes to the largest finite.
        if a.neg != up {
            return a.clone();
        }
        return Dec::finite(up, pow10(ctx.prec as u64) - 1u32, ctx.etop());
    }
    let c2 = ctx.with_round(if up { Rounding::Ceiling } else { Rounding::Floor });
    let fixed = fix(a.clone(), &c2, &mut 0);
    if cmp(&fixed, a) != Ordering::Equal {
        return fixed;
    }
    add(a, &Dec::finite(!up, BigUint::one(), ctx.etiny() - 1), &c2, &mut 0)
}

pub fn next_toward(a: &Dec, b: &Dec, ctx: &Ctx, st: &mut u32) -> Dec {
    if let Some(n) = check_nans(a, Some(b), ctx, st) {
        return n;
    }
    let c = cmp(a, b);
    if c == Ordering::Equal {
        return a.with_sign(b.neg);
    }
    let ans = if c == Ordering::Less { next_plus(a, ctx, st) } else { next_minus(a, ctx, st) };
    if ans.is_inf() {
        *st |= OVERFLOW | INEXACT | ROUNDED;
    } else if ans.adjusted() < ctx.emin {
        *st |= UNDERFLOW | SUBNORMAL | INEXACT | ROUNDED;
        if ans.coeff.is_zero() {
            *st |= CLAMPED;
        }
    }
    ans
}

pub fn number_class(a: &Dec, ctx: &Ctx) -> &'static str {
    match a.kind {
        Kind::SNaN => "sNaN",
        Kind::NaN => "NaN",
        Kind::Inf => {
            if a.neg {
                "-Infinity"
            } else {
                "+Infinity"
            }
        }
        Kind::Finite => {
            if a.coeff.is_zero() {
                if a.neg { "-Zero" } else { "+Zero" }
            } else if a.adjusted() < ctx.emin {
                if a.neg { "-Subnormal" } else { "+Subnormal" }
            } else if a.neg {
                "-Normal"
            } else {
                "+Normal"
            }
        }
    }
}

pub fn is_normal(a: &Dec, ctx: &Ctx) -> bool {
    a.is_finite() && !a.coeff.is_zero() && ctx.emin <= a.adjusted()
}

pub fn is_subnormal(a: &Dec, ctx: &Ctx) -> bool {
    a.is_finite() && !a.coeff.is_zero() && a.adjusted() < ctx.emin
}

// ---------------------------------------------------------------- sqrt

fn isqrt(n: &BigUint) -> BigUint {
    n.sqrt()
}

pub fn sqrt(a: &Dec, ctx: &Ctx, st: &mut u32) -> Dec {
    if a.is_special() {
        if let Some(n) = check_nans(a, None, ctx, st) {
            return n;
        }
        if a.is_inf() && !a.neg {
            return a.clone();
        }
    }
    if a.is_zero() {
        return fix(Dec::finite(a.neg, BigUint::zero(), a.exp.div_euclid(2)), ctx, st);
    }
    if a.neg {
        return invalid(st, INVALID_OPERATION);
    }
    let prec = ctx.prec + 1;
    let mut e = a.exp >> 1;
    let nd = a.digits();
    let (c, l) = if a.exp & 1 != 0 { (&a.coeff * 10u32, (nd >> 1) + 1) } else { (a.coeff.clone(), (nd + 1) >> 1) };
    let shift = prec - l;
    let (c, mut exact) = if shift >= 0 {
        (shl10(&c, 2 * shift), true)
    } else {
        let (q, r) = c.div_rem(&pow10((-2 * shift) as u64));
        (q, r.is_zero())
    };
    e -= shift;
    let mut n = isqrt(&c);
    exact = exact && &n * &n == c;
    if exact {
        if shift >= 0 {
            n /= pow10(shift as u64);
        } else {
            n *= pow10((-shift) as u64);
        }
        e += shift;
    } else if (&n % 5u32).is_zero() {
        n += 1u32;
    }
    fix(Dec::finite(false, n, e), &ctx.with_round(Rounding::HalfEven), st)
}

// ---------------------------------------------------------------- exp, ln, log10

fn div_nearest(a: &BigInt, b: &BigInt) -> BigInt {
    let (q, r) = a.div_mod_floor(b);
    let twice_r: BigInt = &r * 2;
    if twice_r.clone() + BigInt::from(u8::from(q.is_odd())) > *b { q + 1 } else { q }
}

fn rshift_nearest(x: &BigInt, shift: u64) -> BigInt {
    let b = BigInt::one() << shift;
    let q = x >> shift;
    let low = x - (&q << shift);
    if BigInt::from(2) * low + BigInt::from(u8::from(q.is_odd())) > b { q + 1 } else { q }
}

fn sqrt_nearest(n: &BigInt, a: &BigInt) -> BigInt {
    let mut a = a.clone();
    let mut b = BigInt::zero();
    while a != b {
        b = a.clone();
        // a = a - (-n // a) >> 1
        let t = (-n).div_floor(&a);
        a = (&a - t) >> 1;
    }
    a
}

fn ilog(x: &BigInt, m: &BigInt) -> BigInt {
    let l: u64 = 8;
    let mut y = x - m;
    let mut r: u64 = 0;
    loop {
        let ay = y.abs();
        let cond = if r <= l { (&ay << (l - r)) >= *m } else { (&ay >> (r - l)) >= *m };
        if !cond {
            break;
        }
        let inner = m * (m + rshift_nearest(&y, r));
        let den = m + sqrt_nearest(&inner, m);
        y = div_nearest(&((m * &y) << 1), &den);
        r += 1;
    }
    let mlen = ndigits_i(m);
    let t = (10 * mlen + 3 * l as i64 - 1) / (3 * l as i64);
    let yshift = rshift_nearest(&y, r);
    let mut w = div_nearest(m, &BigInt::from(t));
    let mut k = t - 1;
    while k > 0 {
        w = div_nearest(m, &BigInt::from(k)) - div_nearest(&(&yshift * &w), m);
        k -= 1;
    }
    div_nearest(&(w * y), m)
}

/// Digits of ln(10): floor(ln(10) * 10**p) rounded as the memo does.
fn log10_digits(p: i64) -> BigInt {
    static CACHE: parking_lot::Mutex<Option<String>> = parking_lot::Mutex::new(None);
    let mut g = CACHE.lock();
    let digits = g.get_or_insert_with(|| "23025850929940456840179914546843642076011014886".to_string());
    if p as usize >= digits.len() {
        let mut extra = 3;
        loop {
            let m = ipow10((p + extra + 2) as u64);
            let d = div_nearest(&ilog(&(BigInt::from(10) * &m), &m), &BigInt::from(100)).to_string();
            if !d.ends_with(&"0".repeat(extra as usize)) {
                let t = d.trim_end_matches('0');
                *digits = t[..t.len() - 1].to_string();
                break;
            }
            extra += 3;
        }
    }
    let end = (p as usize + 1).min(digits.len());
    digits[..end].parse::<BigInt>().unwrap_or_default()
}

fn dlog10(c: &BigInt, e: i64, p: i64) -> BigInt {
    let p = p + 2;
    let l = ndigits_i(c);
    let f = e + l - i64::from(e + l >= 1);
    let (log_d, log_tenpower) = if p > 0 {
        let m = ipow10(p as u64);
        let k = e + p - f;
        let c2 = if k >= 0 { c * ipow10(k as u64) } else { div_nearest(c, &ipow10((-k) as u64)) };
        let log_d = ilog(&c2, &m);
        let log_10 = log10_digits(p);
        (div_nearest(&(log_d * &m), &log_10), BigInt::from(f) * m)
    } else {
        (BigInt::zero(), div_nearest(&BigInt::from(f), &ipow10((-p) as u64)))
    };
    div_nearest(&(log_tenpower + log_d), &BigInt::from(100))
}

fn dlog(c: &BigInt, e: i64, p: i64) -> BigInt {
    let p = p + 2;
    let l = ndigits_i(c);
    let f = e + l - i64::from(e + l >= 1);
    let log_d = if p > 0 {
        let k = e + p - f;
        let c2 = if k >= 0 { c * ipow10(k as u64) } else { div_nearest(c, &ipow10((-k) as u64)) };
        ilog(&c2, &ipow10(p as u64))
    } else {
        BigInt::zero()
    };
    let f_log_ten = if f != 0 {
        let extra = ndigits_i(&BigInt::from(f)) - 1;
        if p + extra >= 0 {
            div_nearest(&(BigInt::from(f) * log10_digits(p + extra)), &ipow10(extra as u64))
        } else {
            BigInt::zero()
        }
    } else {
        BigInt::zero()
    };
    div_nearest(&(f_log_ten + log_d), &BigInt::from(100))
}

fn iexp(x: &BigInt, m: &BigInt) -> BigInt {
    let l: u64 = 8;
    let r = ((x << l) / m).bits();
    let mlen = ndigits_i(m);
    let t = (10 * mlen + 3 * l as i64 - 1) / (3 * l as i64);
    let mut y = div_nearest(x, &BigInt::from(t));
    let mshift = m << r;
    let mut i = t - 1;
    while i > 0 {
        y = div_nearest(&(x * (&mshift + &y)), &(&mshift * BigInt::from(i)));
        i -= 1;
    }
    let mut k = r as i64 - 1;
    while k >= 0 {
        let ms = m << (k as u64 + 2);
        y = div_nearest(&(&y * (&y + &ms)), &ms);
        k -= 1;
    }
    m + y
}

fn dexp(c: &BigInt, e: i64, p: i64) -> (BigInt, i64) {
    let p = p + 2;
    let extra = (e + ndigits_i(c) - 1).max(0);
    let q = p + extra;
    let shift = e + q;
    let cshift = if shift >= 0 { c * ipow10(shift as u64) } else { c.div_floor(&ipow10((-shift) as u64)) };
    let (quot, rem) = cshift.div_mod_floor(&log10_digits(q));
    let rem = div_nearest(&rem, &ipow10(extra as u64));
    let quot = quot.to_i64().unwrap_or(0);
    (div_nearest(&iexp(&rem, &ipow10(p as u64)), &BigInt::from(1000)), quot - p + 3)
}

fn dpower(xc: &BigInt, xe: i64, yc: &BigInt, ye: i64, p: i64) -> (BigInt, i64) {
    let b = ndigits_i(yc) + ye;
    let lxc = dlog(xc, xe, p + b + 1);
    let shift = ye - b;
    let pc = if shift >= 0 { lxc * yc * ipow10(shift as u64) } else { div_nearest(&(lxc * yc), &ipow10((-shift) as u64)) };
    if pc.is_zero() {
        if (ndigits_i(xc) + xe >= 1) == yc.is_positive() {
            (ipow10((p - 1) as u64) + 1, 1 - p)
        } else {
            (ipow10(p as u64) - 1, -p)
        }
    } else {
        let (coeff, exp) = dexp(&pc, -(p + 1), p + 1);
        (div_nearest(&coeff, &BigInt::from(10)), exp + 1)
    }
}

/// Whether the approximation `coeff` (error < 1 in its last digit) rounds
/// unambiguously to `p` digits.
fn settled(coeff: &BigInt, p: i64) -> bool {
    let n = ndigits_i(coeff) - p - 1;
    if n < 0 {
        return true;
    }
    !(coeff.magnitude() % (pow10(n as u64) * 5u32)).is_zero()
}

pub fn exp(a: &Dec, ctx: &Ctx, st: &mut u32) -> Dec {
    if let Some(n) = check_nans(a, None, ctx, st) {
        return n;
    }
    if a.is_inf() {
        return if a.neg { Dec::zero() } else { a.clone() };
    }
    if a.coeff.is_zero() {
        return Dec::one();
    }
    let p = ctx.prec;
    let adj = a.adjusted();
    let ans = if !a.neg && adj > ndigits(&BigUint::from(((ctx.emax + 1) * 3).unsigned_abs())) {
        Dec::finite(false, BigUint::one(), ctx.emax + 1)
    } else if a.neg && adj > ndigits(&BigUint::from(((-ctx.etiny() + 1) * 3).unsigned_abs())) {
        Dec::finite(false, BigUint::one(), ctx.etiny() - 1)
    } else if !a.neg && adj < -p {
        Dec::finite(false, pow10(p as u64) + 1u32, -p)
    } else if a.neg && adj < -p - 1 {
        Dec::finite(false, pow10((p + 1) as u64) - 1u32, -p - 1)
    } else {
        let c = a.signed_coeff();
        let mut extra = 3;
        loop {
            let (coeff, e) = dexp(&c, a.exp, p + extra);
            if settled(&coeff, p) {
                break Dec::finite(false, coeff.magnitude().clone(), e);
            }
            extra += 3;
        }
    };
    transcendental(ans, ctx, st)
}

/// A transcendental result: finalized with ROUND_HALF_EVEN, and always
/// inexact and rounded (the value is irrational unless a special case
/// returned earlier).
fn transcendental(ans: Dec, ctx: &Ctx, st: &mut u32) -> Dec {
    let r = fix(ans, &ctx.with_round(Rounding::HalfEven), st);
    *st |= INEXACT | ROUNDED;
    r
}

fn is_one(a: &Dec) -> bool {
    a.is_finite() && !a.neg && cmp(a, &Dec::one()) == Ordering::Equal
}

fn ln_exp_bound(a: &Dec) -> i64 {
    let adj = a.adjusted();
    if adj >= 1 {
        return ndigits(&BigUint::from((i128::from(adj) * 23 / 10) as u128)) - 1;
    }
    if adj <= -2 {
        return ndigits(&BigUint::from((i128::from(-1 - adj) * 23 / 10) as u128)) - 1;
    }
    let c = BigInt::from(a.coeff.clone());
    let e = a.exp;
    if adj == 0 {
        let num = (&c - ipow10((-e) as u64)).to_string();
        let den = c.to_string();
        return num.len() as i64 - den.len() as i64 - i64::from(num < den);
    }
    e + (ipow10((-e) as u64) - c).to_string().len() as i64 - 1
}

pub fn ln(a: &Dec, ctx: &Ctx, st: &mut u32) -> Dec {
    if let Some(n) = check_nans(a, None, ctx, st) {
        return n;
    }
    if a.is_zero() {
        return Dec::inf(true);
    }
    if a.is_inf() && !a.neg {
        return a.clone();
    }
    if is_one(a) {
        return Dec::zero();
    }
    if a.neg {
        return invalid(st, INVALID_OPERATION);
    }
    logarithm(a, ctx, st, ln_exp_bound(a), dlog)
}

/// A logarithm of finite positive `a` by `approx` (`dlog`/`dlog10`, which
/// give it to a number of places), with more places until the digits past
/// the precision settle the rounding; `bound` is its exponent's estimate.
fn logarithm(a: &Dec, ctx: &Ctx, st: &mut u32, bound: i64, approx: fn(&BigInt, i64, i64) -> BigInt) -> Dec {
    let c = BigInt::from(a.coeff.clone());
    let p = ctx.prec;
    let mut places = p - bound + 2;
    let coeff = loop {
        let coeff = approx(&c, a.exp, places);
        if settled(&coeff, p) {
            break coeff;
        }
        places += 3;
    };
    let ans = Dec::finite(coeff.is_negative(), coeff.magnitude().clone(), -places);
    transcendental(ans, ctx, st)
}

fn log10_exp_bound(a: &Dec) -> i64 {
    let adj = a.adjusted();
    if adj >= 1 {
        return ndigits(&BigUint::from(adj as u64)) - 1;
    }
    if adj <= -2 {
        return ndigits(&BigUint::from((-1 - adj) as u64)) - 1;
    }
    let c = BigInt::from(a.coeff.clone());
    let e = a.exp;
    if adj == 0 {
        let num = (&c - ipow10((-e) as u64)).to_string();
        let den = (BigInt::from(231) * &c).to_string();
        return num.len() as i64 - den.len() as i64 - i64::from(num < den) + 2;
    }
    let num = (ipow10((-e) as u64) - c).to_string();
    num.len() as i64 + e - i64::from(num.as_str() < "231") - 1
}

pub fn log10(a: &Dec, ctx: &Ctx, st: &mut u32) -> Dec {
    if let Some(n) = check_nans(a, None, ctx, st) {
        return n;
    }
    if a.is_zero() {
        return Dec::inf(true);
    }
    if a.is_inf() && !a.neg {
        return a.clone();
    }
    if a.neg {
        return invalid(st, INVALID_OPERATION);
    }
    // A power of ten has an exact logarithm.
    let s = digit_string(&a.coeff);
    if s.starts_with('1') && s[1..].bytes().all(|b| b == b'0') {
        let ans = Dec::from_i64(a.exp + s.len() as i64 - 1);
        return fix(ans, &ctx.with_round(Rounding::HalfEven), st);
    }
    logarithm(a, ctx, st, log10_exp_bound(a), dlog10)
}

// ---------------------------------------------------------------- power

fn log10_lb(c: &BigUint) -> i64 {
    let s = digit_string(c);
    let corr = match s.as_bytes().first() {
        Some(b'1') => 100,
        Some(b'2') => 70,
        Some(b'3') => 53,
        Some(b'4') => 40,
        Some(b'5') => 31,
        Some(b'6') => 23,
        Some(b'7') => 16,
        Some(b'8') => 10,
        _ => 5,
    };
    100 * s.len() as i64 - corr
}

fn decimal_lshift_exact(n: &BigInt, e: i64) -> Option<BigInt> {
    if n.is_zero() {
        return Some(BigInt::zero());
    }
    if e >= 0 {
        return Some(n * ipow10(e as u64));
    }
    let tz = trailing_zeros(n.magnitude());
    if tz < -e { None } else { Some(n / ipow10((-e) as u64)) }
}

fn strip_tens(c: &BigUint, e: i64) -> (BigUint, i64) {
    let tz = trailing_zeros(c);
    if tz == 0 { (c.clone(), e) } else { (c / pow10(tz as u64), e + tz) }
}

/// self**other exactly in p digits, or None (the spec's exact-power test).
fn power_exact(x: &Dec, y: &Dec, p: i64) -> Option<Dec> {
    let (xc, xe) = strip_tens(&x.coeff, x.exp);
    let (yc, ye) = strip_tens(&y.coeff, y.exp);
    let mut xe = BigInt::from(xe);
    let yc = BigInt::from(yc);
    if xc.is_one() {
        xe *= &yc;
        let mut ye = ye;
        while (&xe % 10u32).is_zero() && !xe.is_zero() {
            xe /= 10u32;
            ye += 1;
        }
        if ye < 0 {
            return None;
        }
        if ye > 40 {
            return None;
        }
        let mut exponent = xe * ipow10(ye as u64);
        if y.neg {
            exponent = -exponent;
        }
        let exponent = exponent.to_i64()?;
        let zeros = if y.is_integer() && !y.neg {
            let ideal = BigInt::from(x.exp) * y.to_bigint_trunc();
            let ideal = ideal.to_i64()?;
            (exponent - ideal).min(p - 1)
        } else {
            0
        };
        let zeros = zeros.max(0);
        return Some(Dec::finite(false, pow10(zeros as u64), exponent - zeros));
    }
    if y.neg {
        let last = (&xc % 10u32).to_u32().unwrap_or(0);
        let (new_xc, e) = if last.is_multiple_of(2) {
            // xc must be a power of two.
            if (&xc & (&xc - 1u32)) != BigUint::zero() {
                return None;
            }
            let e = xc.bits() as i64 - 1;
            let emax = p * 93 / 65;
            if ye >= ndigits(&BigUint::from(emax as u64)) {
                return None;
            }
            let e = decimal_lshift_exact(&(BigInt::from(e) * &yc), ye)?;
            xe = decimal_lshift_exact(&(&xe * &yc), ye)?;
            let e = e.to_i64()?;
            if e > emax {
                return None;
            }
            (num_traits::pow(BigUint::from(5u32), e as usize), e)
        } else if last == 5 {
            let e0 = xc.bits() as i64 * 28 / 65;
            let five = num_traits::pow(BigUint::from(5u32), e0 as usize);
            let (mut q, r) = five.div_rem(&xc);
            if !r.is_zero() {
                return None;
            }
            let mut e0 = e0;
            while (&q % 5u32).is_zero() && !q.is_zero() {
                q /= 5u32;
                e0 -= 1;
            }
            let emax = p * 10 / 3;
            if ye >= ndigits(&BigUint::from(emax as u64)) {
                return None;
            }
            let e = decimal_lshift_exact(&(BigInt::from(e0) * &yc), ye)?;
            xe = decimal_lshift_exact(&(&xe * &yc), ye)?;
            let e = e.to_i64()?;
            if e > emax {
                return None;
            }
            (BigUint::one() << e as u64, e)
        } else {
            return None;
        };
        if ndigits(&new_xc) > p {
            return None;
        }
        let xe = -BigInt::from(e) - xe;
        return Some(Dec::finite(false, new_xc, xe.to_i64()?));
    }
    let (m, n) = if ye >= 0 {
        if ye > 40 {
            return None;
        }
        (yc * ipow10(ye as u64), BigInt::one())
    } else {
        if !xe.is_zero() && ndigits_i(&(&yc * &xe)) <= -ye {
            return None;
        }
        let xc_bits = xc.bits() as i64;
        if ndigits_i(&(&yc * BigInt::from(xc_bits))) <= -ye {
            return None;
        }
        let mut m = yc;
        let mut n = ipow10((-ye) as u64);
        while m.is_even() && n.is_even() {
            m /= 2u32;
            n /= 2u32;
        }
        while (&m % 5u32).is_zero() && (&n % 5u32).is_zero() {
            m /= 5u32;
            n /= 5u32;
        }
        (m, n)
    };
    let mut xc = xc;
    if n > BigInt::one() {
        let nn = n.to_u64()?;
        if xc.bits() <= nn {
            return None;
        }
        let (q, r) = xe.div_mod_floor(&n);
        if !r.is_zero() {
            return None;
        }
        xe = q;
        let root = xc.nth_root(nn as u32);
        if num_traits::pow(root.clone(), nn as usize) != xc {
            return None;
        }
        xc = root;
    }
    let m = m.to_u64()?;
    if xc > BigUint::one() && m as i64 > p * 100 / log10_lb(&xc) {
        return None;
    }
    let xc = num_traits::pow(xc, m as usize);
    let xe = xe * BigInt::from(m);
    let len = ndigits(&xc);
    if len > p {
        return None;
    }
    let xe = xe.to_i64()?;
    let zeros = if y.is_integer() && !y.neg {
        let ideal = (BigInt::from(x.exp) * y.to_bigint_trunc()).to_i64()?;
        (xe - ideal).min(p - len).max(0)
    } else {
        0
    };
    Some(Dec::finite(false, shl10(&xc, zeros), xe - zeros))
}

pub fn power(a: &Dec, b: &Dec, ctx: &Ctx, st: &mut u32) -> Dec {
    if let Some(n) = check_nans(a, Some(b), ctx, st) {
        return n;
    }
    if b.is_zero() {
        if a.is_zero() {
            return invalid(st, INVALID_OPERATION);
        }
        return Dec::one();
    }
    let mut result_neg = false;
    let mut x = a.clone();
    if a.neg {
        if b.is_integer() {
            if !b.is_even_int() {
                result_neg = true;
            }
        } else if !a.is_zero() {
            return invalid(st, INVALID_OPERATION);
        }
        x = a.negate();
    }
    if x.is_zero() {
        return if !b.neg { Dec::finite(result_neg, BigUint::zero(), 0) } else { Dec::inf(result_neg) };
    }
    if x.is_inf() {
        return if !b.neg { Dec::inf(result_neg) } else { Dec::finite(result_neg, BigUint::zero(), 0) };
    }
    if is_one(&x) {
        let exp = if b.is_integer() {
            let mult = if b.neg {
                0
            } else if cmp(b, &Dec::from_i64(ctx.prec)) == Ordering::Greater {
                ctx.prec
            } else {
                b.to_bigint_trunc().to_i64().unwrap_or(ctx.prec)
            };
            let mut exp = x.exp.saturating_mul(mult);
            if exp < 1 - ctx.prec {
                exp = 1 - ctx.prec;
                *st |= ROUNDED;
            }
            exp
        } else {
            *st |= INEXACT | ROUNDED;
            1 - ctx.prec
        };
        return Dec::finite(result_neg, pow10((-exp) as u64), exp);
    }
    let x_adj = x.adjusted();
    if b.is_inf() {
        return if b.neg != (x_adj < 0) { Dec::finite(result_neg, BigUint::zero(), 0) } else { Dec::inf(result_neg) };
    }
    if let Some(r) = pow_bounds(&x, b, result_neg, ctx, st) {
        return r;
    }
    if b.is_integer() {
        if let Some(r) = pow_int(&x, b, result_neg, ctx, st) {
            return r;
        }
    }
    let mut ans = None;
    let mut exact = false;
    let bound = log10_exp_bound(&x) + b.adjusted();
    if (x_adj >= 0) != b.neg {
        if bound >= ndigits(&BigUint::from(ctx.emax.unsigned_abs())) {
            ans = Some(Dec::finite(result_neg, BigUint::one(), ctx.emax + 1));
        }
    } else if bound >= ndigits(&BigUint::from(ctx.etiny().unsigned_abs())) {
        ans = Some(Dec::finite(result_neg, BigUint::one(), ctx.etiny() - 1));
    }
    if ans.is_none() {
        if let Some(e) = power_exact(&x, b, ctx.prec + 1) {
            ans = Some(e.with_sign(result_neg));
            exact = true;
        }
    }
    let ans = match ans {
        Some(v) => v,
        None => {
            let p = ctx.prec;
            let xc = BigInt::from(x.coeff.clone());
            let yc = b.signed_coeff();
            let mut extra = 3;
            loop {
                let (coeff, e) = dpower(&xc, x.exp, &yc, b.exp, p + extra);
                if settled(&coeff, p) {
                    break Dec::finite(result_neg, coeff.magnitude().clone(), e);
                }
                extra += 3;
            }
        }
    };
    if exact && !b.is_integer() {
        let mut ans = ans;
        let len = ans.digits();
        if len <= ctx.prec {
            let d = ctx.prec + 1 - len;
            ans = Dec::finite(ans.neg, shl10(&ans.coeff, d), ans.exp - d);
        }
        let mut s2 = 0u32;
        let r = fix(ans, ctx, &mut s2);
        s2 |= INEXACT;
        if s2 & SUBNORMAL != 0 {
            s2 |= UNDERFLOW;
        }
        *st |= s2 & (OVERFLOW | UNDERFLOW | SUBNORMAL | INEXACT | ROUNDED | CLAMPED);
        r
    } else {
        fix(ans, ctx, st)
    }
}

fn exp_digits(v: i64) -> i64 {
    ndigits(&BigUint::from(v.unsigned_abs()))
}

/// A lower bound of log10(|log10(x)|) for positive x != 1 (libmpdec's
/// `_lower_bound_zeta`).
fn lower_bound_zeta(x: &Dec) -> i64 {
    let t = x.adjusted();
    if t > 0 {
        return exp_digits(t) - 1;
    }
    if t < -1 {
        return exp_digits(t + 1) - 1;
    }
    let mut st = 0;
    let wide = Ctx { prec: MAX_PREC, emax: MAX_EMAX, emin: MIN_EMIN, round: Rounding::HalfEven, clamp: false };
    let u = sub(x, &Dec::one(), &wide, &mut st).adjusted();
    if t == 0 { u - 2 } else { u - 1 }
}

/// libmpdec's test for a certain overflow or underflow of x**y (x > 0,
/// x != 1, y finite nonzero): the finalized 10**(Emax+1) or 10**(Etiny-1).
fn pow_bounds(x: &Dec, y: &Dec, neg: bool, ctx: &Ctx, st: &mut u32) -> Option<Dec> {
    let lb_theta = y.adjusted();
    let lb_zeta = lower_bound_zeta(x);
    let above = (x.adjusted() < 0) == y.neg;
    let limit = if above { exp_digits(ctx.emax) } else { exp_digits(ctx.etiny()) };
    if limit >= lb_zeta.saturating_add(lb_theta) {
        return None;
    }
    let e = if above { ctx.emax + 1 } else { ctx.etiny() - 1 };
    Some(fix(Dec::finite(neg, BigUint::one(), e), ctx, st))
}

/// x**y for an integer y as libmpdec computes it: binary powering at a
/// few extra digits with ROUND_HALF_EVEN, then one final rounding (so the
/// result can differ from the correctly rounded one by double rounding,
/// exactly as CPython's). None when |y| does not fit a u64.
fn pow_int(x: &Dec, y: &Dec, neg: bool, ctx: &Ctx, st: &mut u32) -> Option<Dec> {
    let n = y.to_bigint_trunc().magnitude().to_u64()?;
    let mut w = Ctx {
        prec: ctx.prec.saturating_add(y.digits() + y.exp + 2),
        round: Rounding::HalfEven,
        clamp: false,
        ..ctx.clone()
    };
    let mut base = x.abs_copy();
    let mut result = 'calc: {
        if y.neg {
            w.prec += 1;
            let mut ws = 0;
            base = div(&Dec::one(), &base, &w, &mut ws);
            *st |= ws;
            if ws & (IEEE_INVALID | DIVISION_BY_ZERO) != 0 {
                break 'calc Dec::nan();
            }
        }
        if n == 0 {
            break 'calc Dec::one();
        }
        let mut r = base.clone();
        let mut ws = 0;
        let mut mask = 1u64 << (63 - n.leading_zeros());
        loop {
            mask >>= 1;
            if mask == 0 {
                break;
            }
            r = mul(&r, &r, &w, &mut ws);
            if n & mask != 0 {
                r = mul(&r, &base, &w, &mut ws);
            }
            if r.is_special() || (r.coeff.is_zero() && ws & CLAMPED != 0) {
                break;
            }
        }
        *st |= ws;
        r
    };
    result.neg = neg;
    if result.is_inf() {
        // Let the final rounding pick Infinity or the largest number.
        result = Dec::finite(neg, BigUint::one(), EXP_LIMIT);
    }
    Some(fix(result, ctx, st))
}

pub fn power_mod(a: &Dec, b: &Dec, m: &Dec, ctx: &Ctx, st: &mut u32) -> Dec {
    if let Some(n) = check_nans3(a, b, m, ctx, st) {
        return n;
    }
    if !(a.is_integer() && b.is_integer() && m.is_integer()) {
        return invalid(st, INVALID_OPERATION);
    }
    if b.neg && !b.is_zero() {
        return invalid(st, INVALID_OPERATION);
    }
    if m.is_zero() {
        return invalid(st, INVALID_OPERATION);
    }
    if m.adjusted() >= ctx.prec {
        return invalid(st, INVALID_OPERATION);
    }
    if b.is_zero() && a.is_zero() {
        return invalid(st, INVALID_OPERATION);
    }
    let neg = if b.is_even_int() { false } else { a.neg };
    let modulo = m.to_bigint_trunc().magnitude().clone();
    let base = a.to_bigint_trunc().magnitude().clone() % &modulo;
    let e = b.to_bigint_trunc().magnitude().clone();
    let r = base.modpow(&e, &modulo);
    Dec::finite(neg, r, 0)
}

// ---------------------------------------------------------------- hashing

/// Python's hash of the value (equal to hash() of an equal int, float or
/// Fraction), for a non-NaN value; NaNs hash by identity in the caller.
pub fn hash(d: &Dec) -> i64 {
    const MODULUS: u64 = (1u64 << 61) - 1;
    const INF: i64 = 314_159;
    if d.is_inf() {
        return if d.neg { -INF } else { INF };
    }
    let m = BigUint::from(MODULUS);
    let coeff = (&d.coeff % &m).to_u64().unwrap_or(0);
    let e_hash = if d.exp >= 0 {
        BigUint::from(10u32).modpow(&BigUint::from(d.exp as u64), &m)
    } else {
        // 10**-1 mod M is pow(10, M-2, M); raise it to -exp.
        let inv10 = BigUint::from(10u32).modpow(&BigUint::from(MODULUS - 2), &m);
        inv10.modpow(&BigUint::from(d.exp.unsigned_abs()), &m)
    };
    let e_hash = e_hash.to_u64().unwrap_or(0);
    let h = ((u128::from(coeff) * u128::from(e_hash)) % u128::from(MODULUS)) as i64;
    let h = if d.neg { -h } else { h };
    if h == -1 { -2 } else { h }
}

// ---------------------------------------------------------------- floats

/// The exact value of a finite float.
pub fn from_f64(f: f64) -> Dec {
    if f.is_nan() {
        return Dec { neg: f.is_sign_negative(), ..Dec::nan() };
    }
    if f.is_infinite() {
        return Dec::inf(f < 0.0);
    }
    let neg = f.is_sign_negative();
    let bits = f.abs().to_bits();
    let exp_bits = ((bits >> 52) & 0x7ff) as i64;
    let mant = bits & ((1u64 << 52) - 1);
    let (mut m, mut e) = if exp_bits == 0 { (mant, -1074) } else { (mant | (1u64 << 52), exp_bits - 1075) };
    if m == 0 {
        return Dec::finite(neg, BigUint::zero(), 0);
    }
    let tz = m.trailing_zeros() as i64;
    m >>= tz;
    e += tz;
    if e >= 0 {
        Dec::finite(neg, BigUint::from(m) << e as u64, 0)
    } else {
        // m / 2**k == m * 5**k / 10**k
        let k = (-e) as usize;
        Dec::finite(neg, BigUint::from(m) * num_traits::pow(BigUint::from(5u32), k), -(k as i64))
    }
}

/// The nearest float (via the shortest exact string, as CPython does).
pub fn to_f64(d: &Dec) -> f64 {
    match d.kind {
        Kind::NaN | Kind::SNaN => {
            if d.neg {
                -f64::NAN
            } else {
                f64::NAN
            }
        }
        Kind::Inf => {
            if d.neg {
                f64::NEG_INFINITY
            } else {
                f64::INFINITY
            }
        }
        Kind::Finite => {
            if d.coeff.is_zero() {
                return if d.neg { -0.0 } else { 0.0 };
            }
            let s = format!("{}{}e{}", if d.neg { "-" } else { "" }, digit_string(&d.coeff), d.exp);
            s.parse::<f64>().unwrap_or(if d.neg { f64::NEG_INFINITY } else { f64::INFINITY })
        }
    }
}

/// (numerator, denominator) of a finite value in lowest terms.
pub fn as_integer_ratio(d: &Dec) -> (BigInt, BigInt) {
    let n = d.signed_coeff();
    if d.exp >= 0 {
        return (n * ipow10(d.exp as u64), BigInt::one());
    }
    let den = ipow10((-d.exp) as u64);
    let g = n.gcd(&den);
    if g.is_zero() {
        return (BigInt::zero(), BigInt::one());
    }
    (n / &g, den / g)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Dec {
        parse(s).expect("valid literal")
    }
    fn s(x: &Dec) -> String {
        to_string(x, false, true)
    }
    fn ctx(prec: i64) -> Ctx {
        Ctx { prec, ..Ctx::default() }
    }

    #[test]
    fn parse_and_print() {
        for (i, o) in [
            ("1.20", "1.20"),
            ("-0", "-0"),
            ("1e3", "1E+3"),
            ("0.000001", "0.000001"),
            ("1e-7", "1E-7"),
            ("  12_3.4_5 ", "123.45"),
            ("-inf", "-Infinity"),
            ("nan12", "NaN12"),
            ("-sNaN", "-sNaN"),
            ("123456789012345678901234567890", "123456789012345678901234567890"),
            (".5", "0.5"),
            ("5.", "5"),
        ] {
            assert_eq!(s(&d(i)), o, "{i}");
        }
        for bad in ["", "abc", "1e", "1__0", "_1", "1_", ". ", "1.2.3", "nanx", "in f"] {
            assert!(parse(bad).is_none(), "{bad}");
        }
        assert_eq!(to_string(&d("123E+1"), true, true), "1.23E+3");
        assert_eq!(to_string(&d("0E+1"), true, true), "0.00E+3");
    }

    #[test]
    fn arithmetic() {
        let c = ctx(28);
        let mut st = 0;
        assert_eq!(s(&add(&d("0.1"), &d("0.2"), &c, &mut st)), "0.3");
        assert_eq!(s(&div(&d("1"), &d("7"), &c, &mut st)), "0.1428571428571428571428571429");
        assert_eq!(st, INEXACT | ROUNDED);
        assert_eq!(s(&div(&d("3.000"), &d("3"), &c, &mut st)), "1.000");
        assert_eq!(s(&div(&d("10"), &d("4"), &c, &mut st)), "2.5");
        assert_eq!(s(&mul(&d("1.0"), &d("1.00"), &c, &mut st)), "1.000");
        assert_eq!(s(&sub(&d("100"), &d("0.01"), &c, &mut st)), "99.99");
        assert_eq!(s(&rem(&d("-10"), &d("3"), &c, &mut st)), "-1");
        assert_eq!(s(&divint(&d("-10"), &d("3"), &c, &mut st)), "-3");
        assert_eq!(s(&rem_near(&d("7"), &d("4"), &c, &mut st)), "-1");
        assert_eq!(s(&sqrt(&d("2"), &c, &mut st)), "1.414213562373095048801688724");
        assert_eq!(s(&sqrt(&d("4"), &c, &mut st)), "2");
        assert_eq!(s(&exp(&d("1"), &c, &mut st)), "2.718281828459045235360287471");
        assert_eq!(s(&ln(&d("10"), &c, &mut st)), "2.302585092994045684017991455");
        assert_eq!(s(&log10(&d("100"), &c, &mut st)), "2");
        assert_eq!(s(&power(&d("2"), &d("0.5"), &c, &mut st)), "1.414213562373095048801688724");
        assert_eq!(s(&power(&d("4"), &d("0.5"), &c, &mut st)), "2.000000000000000000000000000");
        assert_eq!(s(&power(&d("10"), &d("20"), &c, &mut st)), "100000000000000000000");
        assert_eq!(s(&power(&d("2"), &d("100"), &c, &mut st)), "1.267650600228229401496703205E+30");
        assert_eq!(s(&power(&d("2"), &d("-2"), &c, &mut st)), "0.25");
        assert_eq!(s(&power(&d("1.00"), &d("3"), &c, &mut st)), "1.000000");
        assert_eq!(s(&power(&d("3"), &d("1.5"), &c, &mut st)), "5.196152422706631880582339025");
        assert_eq!(s(&power(&d("8"), &d("0.333"), &c, &mut st)), "1.998614185980905043844758711");
    }

    #[test]
    fn rounding_and_quantize() {
        let c = ctx(28);
        let vals = ["2.5", "3.5", "-2.5", "2.45", "2.55", "-2.55"];
        let want = [
            ("ROUND_HALF_EVEN", ["2", "4", "-2", "2.4", "2.6", "-2.6"]),
            ("ROUND_HALF_UP", ["3", "4", "-3", "2.5", "2.6", "-2.6"]),
            ("ROUND_HALF_DOWN", ["2", "3", "-2", "2.4", "2.5", "-2.5"]),
            ("ROUND_UP", ["3", "4", "-3", "2.5", "2.6", "-2.6"]),
            ("ROUND_DOWN", ["2", "3", "-2", "2.4", "2.5", "-2.5"]),
            ("ROUND_CEILING", ["3", "4", "-2", "2.5", "2.6", "-2.5"]),
            ("ROUND_FLOOR", ["2", "3", "-3", "2.4", "2.5", "-2.6"]),
            ("ROUND_05UP", ["2", "3", "-2", "2.4", "2.6", "-2.6"]),
        ];
        for (mode, outs) in want {
            let r = Rounding::from_name(mode).expect("mode");
            for (v, o) in vals.iter().zip(outs) {
                let q = if v.len() > 4 || v.ends_with("45") || v.ends_with("55") { "0.1" } else { "1" };
                let mut st = 0;
                assert_eq!(s(&quantize(&d(v), &d(q), r, &c, &mut st)), o, "{mode} {v}");
            }
        }
        let mut st = 0;
        assert_eq!(s(&quantize(&d("1e3"), &d("1"), Rounding::HalfEven, &c, &mut st)), "1000");
        assert_eq!(s(&quantize(&d("123.456"), &d("1e1"), Rounding::HalfEven, &c, &mut st)), "1.2E+2");
        assert_eq!(s(&normalize(&d("1.20"), &c, &mut st)), "1.2");
        assert_eq!(s(&normalize(&d("100"), &c, &mut st)), "1E+2");
    }

    #[test]
    fn hashes_and_floats() {
        assert_eq!(hash(&d("2.50")), hash(&d("2.5")));
        assert_eq!(hash(&d("3")), 3);
        assert_eq!(hash(&d("-1")), -2);
        assert_eq!(s(&from_f64(0.1)), "0.1000000000000000055511151231257827021181583404541015625");
        assert_eq!(s(&from_f64(1.5)), "1.5");
        assert_eq!(to_f64(&d("0.1")), 0.1);
        let (n, q) = as_integer_ratio(&d("-1.230"));
        assert_eq!((n.to_string(), q.to_string()), ("-123".to_string(), "100".to_string()));
    }

    #[test]
    fn integer_powers_round_like_libmpdec() {
        // 9.9995**3 = 999.850015...: libmpdec's binary powering rounds to
        // 999.8500 first, so the final HALF_EVEN rounding sees a tie.
        let c = ctx(4);
        let mut st = 0;
        assert_eq!(s(&power(&d("9.9995"), &d("3"), &c, &mut st)), "999.8");
        assert_eq!(s(&power(&d("2.50"), &d("2"), &c, &mut st)), "6.250");
        assert_eq!(s(&power(&d("10"), &d("-2"), &c, &mut st)), "0.01");
        // Certain underflow by libmpdec's bound test rounds 1E-106 up.
        let tiny = Ctx { prec: 7, emax: 99, emin: -99, round: Rounding::Up, clamp: false };
        let mut st = 0;
        assert_eq!(s(&power(&d("1e-7"), &d("1E+5"), &tiny, &mut st)), "1E-105");
        // 0.1**1E+5 escapes the bound test and underflows to zero while powering.
        let mut st = 0;
        assert_eq!(s(&power(&d("0.1"), &d("1E+5"), &tiny, &mut st)), "0E-105");
        assert_ne!(st & CLAMPED, 0);
    }

    #[test]
    fn overflow_underflow() {
        let c = Ctx { prec: 3, emax: 5, emin: -5, ..Ctx::default() };
        let mut st = 0;
        assert_eq!(s(&mul(&d("1e5"), &d("100"), &c, &mut st)), "Infinity");
        assert_eq!(st & OVERFLOW, OVERFLOW);
        let mut st = 0;
        assert_eq!(s(&div(&d("1e-5"), &d("100"), &c, &mut st)), "1E-7");
        assert_eq!(st, SUBNORMAL);
        let mut st = 0;
        assert_eq!(s(&div(&d("1e-5"), &d("1e10"), &c, &mut st)), "0E-7");
        assert_eq!(st, UNDERFLOW | SUBNORMAL | INEXACT | ROUNDED | CLAMPED);
    }
}
