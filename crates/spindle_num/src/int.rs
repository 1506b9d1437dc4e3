//! `Int`, Python's arbitrary-precision integer as a value: a machine word while the
//! value fits in `i64`, an inline `i128` while it fits in that, a heap `BigInt` beyond,
//! always normalised so that equal values have equal representations. Arithmetic on
//! the two inline forms runs on `i128` with overflow checks and never allocates. Arithmetic follows Python: floor division and modulo
//! take the sign of the divisor, bitwise operators act on infinite two's complement,
//! true division and conversion to float are correctly rounded, and comparison with a
//! float is exact.

use std::cmp::Ordering;

use num_bigint::{BigInt, BigUint, Sign};
use num_integer::Integer;
use num_traits::{One, Pow, Signed, ToPrimitive, Zero};

use crate::error::{NumError, NumResult};
use crate::float::{FloatPow, float_pow, round_biguint_to_f64};

/// Results larger than this many bits raise `MemoryError` instead of being computed
/// (CPython would try to allocate them and fail; a Rust allocation failure aborts).
pub const MAX_INT_BITS: u64 = 1 << 34;

/// A Python `int`. Invariant (normal form, so derived equality is value equality):
/// `Small` holds every value that fits in `i64`; `Wide` holds exactly the values that
/// fit in `i128` but not in `i64`; `Big` holds only values outside the `i128` range.
/// Build values through the `From` impls, which normalise.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Int {
    Small(i64),
    Wide(i128),
    Big(BigInt),
}

/// The result of `int ** int` without a modulus: an int, or for a negative exponent the
/// float that CPython computes by converting both operands to float.
#[derive(Clone, Debug, PartialEq)]
pub enum IntPow {
    Int(Int),
    Float(f64),
}

impl From<i64> for Int {
    fn from(v: i64) -> Self {
        Int::Small(v)
    }
}

impl From<i32> for Int {
    fn from(v: i32) -> Self {
        Int::Small(i64::from(v))
    }
}

impl From<u64> for Int {
    fn from(v: u64) -> Self {
        match i64::try_from(v) {
            Ok(v) => Int::Small(v),
            Err(_) => Int::Wide(i128::from(v)),
        }
    }
}

impl From<i128> for Int {
    #[inline]
    fn from(v: i128) -> Self {
        match i64::try_from(v) {
            Ok(v) => Int::Small(v),
            Err(_) => Int::Wide(v),
        }
    }
}

impl From<u128> for Int {
    fn from(v: u128) -> Self {
        match i128::try_from(v) {
            Ok(v) => Int::from(v),
            Err(_) => Int::Big(BigInt::from(v)),
        }
    }
}

impl From<BigInt> for Int {
    fn from(v: BigInt) -> Self {
        match v.to_i128() {
            Some(s) => Int::from(s),
            None => Int::Big(v),
        }
    }
}

impl From<&BigInt> for Int {
    fn from(v: &BigInt) -> Self {
        match v.to_i128() {
            Some(s) => Int::from(s),
            None => Int::Big(v.clone()),
        }
    }
}

impl PartialOrd for Int {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Int {
    fn cmp(&self, other: &Self) -> Ordering {
        if let (Some(a), Some(b)) = (self.to_i128(), other.to_i128()) {
            return a.cmp(&b);
        }
        match (self, other) {
            (Int::Big(a), Int::Big(b)) => a.cmp(b),
            // A normalised big value lies outside the i128 range, so its sign decides.
            (_, Int::Big(b)) => {
                if b.is_negative() {
                    Ordering::Greater
                } else {
                    Ordering::Less
                }
            }
            (Int::Big(a), _) => {
                if a.is_negative() {
                    Ordering::Less
                } else {
                    Ordering::Greater
                }
            }
            // Both inline: handled above.
            _ => Ordering::Equal,
        }
    }
}

impl std::fmt::Display for Int {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Int::Small(v) => write!(f, "{v}"),
            Int::Wide(v) => write!(f, "{v}"),
            Int::Big(v) => write!(f, "{v}"),
        }
    }
}

// The arithmetic methods take operands by reference and are called by name from the
// VM's slots, so they are inherent methods rather than operator impls.
#[allow(clippy::should_implement_trait)]
impl Int {
    /// Zero.
    #[must_use]
    pub const fn zero() -> Int {
        Int::Small(0)
    }

    /// The value as `i64`, if it fits.
    #[must_use]
    #[inline]
    pub fn to_i64(&self) -> Option<i64> {
        match self {
            Int::Small(v) => Some(*v),
            _ => None,
        }
    }

    /// The value as `i128`, if it fits (always, unless the value is `Big`).
    #[must_use]
    #[inline]
    pub fn to_i128(&self) -> Option<i128> {
        match self {
            Int::Small(v) => Some(i128::from(*v)),
            Int::Wide(v) => Some(*v),
            Int::Big(_) => None,
        }
    }

    /// The value as a `BigInt` (allocates for inline values).
    #[must_use]
    pub fn to_bigint(&self) -> BigInt {
        match self {
            Int::Small(v) => BigInt::from(*v),
            Int::Wide(v) => BigInt::from(*v),
            Int::Big(v) => v.clone(),
        }
    }

    /// Consumes the value into a `BigInt`.
    #[must_use]
    pub fn into_bigint(self) -> BigInt {
        match self {
            Int::Small(v) => BigInt::from(v),
            Int::Wide(v) => BigInt::from(v),
            Int::Big(v) => v,
        }
    }

    #[must_use]
    pub fn is_zero(&self) -> bool {
        matches!(self, Int::Small(0))
    }

    #[must_use]
    pub fn is_negative(&self) -> bool {
        match self {
            Int::Small(v) => *v < 0,
            Int::Wide(v) => *v < 0,
            Int::Big(v) => v.is_negative(),
        }
    }

    /// -1, 0 or 1.
    #[must_use]
    pub fn signum(&self) -> i32 {
        match self {
            Int::Small(v) => v.signum() as i32,
            Int::Wide(v) => v.signum() as i32,
            Int::Big(v) => {
                if v.is_negative() {
                    -1
                } else {
                    1
                }
            }
        }
    }

    /// The absolute value as a `BigUint`.
    #[must_use]
    pub fn magnitude(&self) -> BigUint {
        match self {
            Int::Small(v) => BigUint::from(v.unsigned_abs()),
            Int::Wide(v) => BigUint::from(v.unsigned_abs()),
            Int::Big(v) => v.magnitude().clone(),
        }
    }

    /// Both operands as `i128`, when neither is `Big`.
    #[inline]
    fn both_i128(&self, other: &Int) -> Option<(i128, i128)> {
        Some((self.to_i128()?, other.to_i128()?))
    }

    #[inline]
    pub fn add(&self, other: &Int) -> Int {
        if let Some((a, b)) = self.both_i128(other)
            && let Some(r) = a.checked_add(b)
        {
            return Int::from(r);
        }
        Int::from(self.to_bigint() + other.to_bigint())
    }

    #[inline]
    pub fn sub(&self, other: &Int) -> Int {
        if let Some((a, b)) = self.both_i128(other)
            && let Some(r) = a.checked_sub(b)
        {
            return Int::from(r);
        }
        Int::from(self.to_bigint() - other.to_bigint())
    }

    #[inline]
    pub fn mul(&self, other: &Int) -> Int {
        if let Some((a, b)) = self.both_i128(other)
            && let Some(r) = a.checked_mul(b)
        {
            return Int::from(r);
        }
        Int::from(self.to_bigint() * other.to_bigint())
    }

    #[must_use]
    pub fn neg(&self) -> Int {
        if let Some(v) = self.to_i128()
            && let Some(r) = v.checked_neg()
        {
            return Int::from(r);
        }
        Int::from(-self.to_bigint())
    }

    #[must_use]
    pub fn abs(&self) -> Int {
        if self.is_negative() {
            self.neg()
        } else {
            self.clone()
        }
    }

    /// `self // other`, rounding toward negative infinity.
    pub fn floordiv(&self, other: &Int) -> NumResult<Int> {
        Ok(self.divmod(other)?.0)
    }

    /// `self % other`, with the sign of `other`.
    pub fn modulo(&self, other: &Int) -> NumResult<Int> {
        if let Some((a, b)) = self.both_i128(other) {
            if b == 0 {
                return Err(NumError::zero_div("division by zero"));
            }
            // i128::MIN % -1 is 0, but the division it implies overflows.
            if b == -1 {
                return Ok(Int::zero());
            }
            return Ok(Int::from(a.mod_floor(&b)));
        }
        Ok(self.divmod(other)?.1)
    }

    /// `divmod(self, other)`.
    pub fn divmod(&self, other: &Int) -> NumResult<(Int, Int)> {
        if other.is_zero() {
            return Err(NumError::zero_div("division by zero"));
        }
        // i128::MIN // -1 overflows i128; it goes the big way.
        if let Some((a, b)) = self.both_i128(other)
            && !(a == i128::MIN && b == -1)
        {
            let (q, r) = a.div_mod_floor(&b);
            return Ok((Int::from(q), Int::from(r)));
        }
        let (q, r) = self.to_bigint().div_mod_floor(&other.to_bigint());
        Ok((Int::from(q), Int::from(r)))
    }

    /// `self / other`, correctly rounded to the nearest float.
    pub fn truediv(&self, other: &Int) -> NumResult<f64> {
        if other.is_zero() {
            return Err(NumError::zero_div("division by zero"));
        }
        const EXACT: i64 = 1 << 53;
        if let (Int::Small(a), Int::Small(b)) = (self, other)
            && (-EXACT..=EXACT).contains(a)
            && (-EXACT..=EXACT).contains(b)
        {
            return Ok(*a as f64 / *b as f64);
        }
        let negative = self.is_negative() != other.is_negative();
        let sign = if negative { -1.0 } else { 1.0 };
        if self.is_zero() {
            return Ok(sign * 0.0);
        }
        let a = self.magnitude();
        let b = other.magnitude();
        let diff = a.bits() as i64 - b.bits() as i64;
        // 2**(diff-1) < a/b < 2**(diff+1).
        if diff > 1025 {
            return Err(NumError::overflow(
                "integer division result too large for a float",
            ));
        }
        if diff < -1080 {
            return Ok(sign * 0.0);
        }
        // Scale so the quotient keeps at least two bits below the final rounding
        // position (55+ bits for normal results, ulp/4 units for subnormal ones); the
        // remainder then only decides ties, as a sticky bit.
        let e = (diff - 55).max(-1076);
        let (q, r) = if e < 0 {
            (&a << (-e) as u64).div_rem(&b)
        } else {
            a.div_rem(&(&b << e as u64))
        };
        match round_biguint_to_f64(&q, e, !r.is_zero()) {
            Some(v) => Ok(sign * v),
            None => Err(NumError::overflow(
                "integer division result too large for a float",
            )),
        }
    }

    /// `self ** exp` without a modulus.
    pub fn pow(&self, exp: &Int) -> NumResult<IntPow> {
        if exp.is_negative() {
            let b = self.to_f64()?;
            let e = exp.to_f64()?;
            return match float_pow(b, e)? {
                FloatPow::Float(v) => Ok(IntPow::Float(v)),
                // A negative integer exponent never makes a complex result.
                FloatPow::Complex => Ok(IntPow::Float(f64::NAN)),
            };
        }
        match self {
            Int::Small(0) => return Ok(IntPow::Int(Int::from(i64::from(exp.is_zero())))),
            Int::Small(1) => return Ok(IntPow::Int(Int::Small(1))),
            Int::Small(-1) => {
                let odd = match exp {
                    Int::Small(e) => e & 1 == 1,
                    Int::Wide(e) => e & 1 == 1,
                    Int::Big(e) => e.is_odd(),
                };
                return Ok(IntPow::Int(Int::Small(if odd { -1 } else { 1 })));
            }
            _ => {}
        }
        let Some(e) = exp.to_i64() else {
            return Err(NumError::memory());
        };
        let e = e as u64;
        if let (Some(b), Ok(e32)) = (self.to_i128(), u32::try_from(e))
            && let Some(r) = b.checked_pow(e32)
        {
            return Ok(IntPow::Int(Int::from(r)));
        }
        let bits = self.bit_length();
        if (bits - 1).saturating_mul(e) > MAX_INT_BITS {
            return Err(NumError::memory());
        }
        Ok(IntPow::Int(Int::from(Pow::pow(&self.to_bigint(), e))))
    }

    /// `pow(self, exp, modulus)`, including negative exponents (modular inverse).
    pub fn pow_mod(&self, exp: &Int, modulus: &Int) -> NumResult<Int> {
        if modulus.is_zero() {
            return Err(NumError::value("pow() 3rd argument cannot be 0"));
        }
        let negative_out = modulus.is_negative();
        let m = BigInt::from(modulus.magnitude());
        if m.is_one() {
            return Ok(Int::zero());
        }
        let mut base = self.to_bigint().mod_floor(&m);
        let mut e = exp.to_bigint();
        if e.is_negative() {
            base = mod_inverse(&base, &m)
                .ok_or_else(|| NumError::value("base is not invertible for the given modulus"))?;
            e = -e;
        }
        let mut r = base.modpow(&e, &m);
        if negative_out && !r.is_zero() {
            r -= &m;
        }
        Ok(Int::from(r))
    }

    /// `self << count`.
    pub fn shl(&self, count: &Int) -> NumResult<Int> {
        if count.is_negative() {
            return Err(NumError::value("negative shift count"));
        }
        if self.is_zero() {
            return Ok(Int::zero());
        }
        let Some(n) = count.to_i64() else {
            return Err(NumError::overflow("too many digits in integer"));
        };
        let n = n as u64;
        if let Some(v) = self.to_i128()
            && n < 128
        {
            let shifted = v << n;
            if shifted >> n == v {
                return Ok(Int::from(shifted));
            }
        }
        // CPython 3.14 refuses a result of more 30-bit digits than an int64
        // bit count holds before it tries to allocate one.
        let digits = self.bit_length().div_ceil(30) + n.div_ceil(30);
        if digits > (i64::MAX as u64 - 1) / 30 {
            return Err(NumError::overflow("too many digits in integer"));
        }
        if self.bit_length().saturating_add(n) > MAX_INT_BITS {
            return Err(NumError::memory());
        }
        Ok(Int::from(self.to_bigint() << n))
    }

    /// `self >> count` (rounds toward negative infinity).
    pub fn shr(&self, count: &Int) -> NumResult<Int> {
        if count.is_negative() {
            return Err(NumError::value("negative shift count"));
        }
        let n = match count.to_i64() {
            Some(n) if (n as u64) < self.bit_length() + 1 => n as u64,
            _ => return Ok(Int::Small(if self.is_negative() { -1 } else { 0 })),
        };
        match self {
            Int::Small(v) => Ok(Int::Small(v >> n.min(63))),
            Int::Wide(v) => Ok(Int::from(v >> n.min(127))),
            Int::Big(v) => Ok(Int::from(floor_shr(v, n))),
        }
    }

    #[must_use]
    pub fn bitand(&self, other: &Int) -> Int {
        if let Some((a, b)) = self.both_i128(other) {
            return Int::from(a & b);
        }
        Int::from(self.to_bigint() & other.to_bigint())
    }

    #[must_use]
    pub fn bitor(&self, other: &Int) -> Int {
        if let Some((a, b)) = self.both_i128(other) {
            return Int::from(a | b);
        }
        Int::from(self.to_bigint() | other.to_bigint())
    }

    #[must_use]
    pub fn bitxor(&self, other: &Int) -> Int {
        if let Some((a, b)) = self.both_i128(other) {
            return Int::from(a ^ b);
        }
        Int::from(self.to_bigint() ^ other.to_bigint())
    }

    /// `~self`, which is `-(self + 1)`.
    #[must_use]
    pub fn invert(&self) -> Int {
        match self {
            Int::Small(v) => Int::Small(!v),
            Int::Wide(v) => Int::from(!v),
            Int::Big(v) => Int::from(-(v + 1u32)),
        }
    }

    /// `int.bit_length()`.
    #[must_use]
    pub fn bit_length(&self) -> u64 {
        match self {
            Int::Small(v) => u64::from(64 - v.unsigned_abs().leading_zeros()),
            Int::Wide(v) => u64::from(128 - v.unsigned_abs().leading_zeros()),
            Int::Big(v) => v.bits(),
        }
    }

    /// `int.bit_count()`: the number of ones in the binary form of `abs(self)`.
    #[must_use]
    pub fn bit_count(&self) -> u64 {
        match self {
            Int::Small(v) => u64::from(v.unsigned_abs().count_ones()),
            Int::Wide(v) => u64::from(v.unsigned_abs().count_ones()),
            Int::Big(v) => v.magnitude().count_ones(),
        }
    }

    /// `float(self)`, correctly rounded (ties to even).
    pub fn to_f64(&self) -> NumResult<f64> {
        match self {
            Int::Small(v) => Ok(*v as f64),
            // Integer-to-float `as` rounds to nearest, ties to even; every i128 is
            // within f64's range.
            Int::Wide(v) => Ok(*v as f64),
            Int::Big(v) => {
                let m = round_biguint_to_f64(v.magnitude(), 0, false)
                    .ok_or_else(|| NumError::overflow("int too large to convert to float"))?;
                Ok(if v.is_negative() { -m } else { m })
            }
        }
    }

    /// `int(x)` for a float: truncation toward zero, exact.
    pub fn from_f64(x: f64) -> NumResult<Int> {
        if x.is_nan() {
            return Err(NumError::value("cannot convert float NaN to integer"));
        }
        if x.is_infinite() {
            return Err(NumError::overflow(
                "cannot convert float infinity to integer",
            ));
        }
        let t = x.trunc();
        if t.abs() < 9.2e18 {
            return Ok(Int::Small(t as i64));
        }
        // 2**127 is exactly representable; below it the truncated value fits i128.
        if t.abs() < 1.7e38 {
            return Ok(Int::from(t as i128));
        }
        let (mant, exp) = decompose(t);
        let mag = BigInt::from(mant) << exp as u64;
        Ok(Int::from(if x < 0.0 { -mag } else { mag }))
    }

    /// Exact comparison with a float; `None` when `x` is NaN.
    #[must_use]
    pub fn cmp_f64(&self, x: f64) -> Option<Ordering> {
        if x.is_nan() {
            return None;
        }
        if x.is_infinite() {
            return Some(if x > 0.0 {
                Ordering::Less
            } else {
                Ordering::Greater
            });
        }
        if let Int::Small(v) = self
            && v.unsigned_abs() <= 1 << 53
        {
            return (*v as f64).partial_cmp(&x);
        }
        // Compare with the integer part exactly; on a tie the fraction decides.
        let t = x.trunc();
        let ti = Int::from_f64(t).ok()?;
        match self.cmp(&ti) {
            Ordering::Equal => Some(0.0f64.partial_cmp(&(x - t))?),
            o => Some(o),
        }
    }

    /// `self == x` for a float, exactly.
    #[must_use]
    pub fn eq_f64(&self, x: f64) -> bool {
        self.cmp_f64(x) == Some(Ordering::Equal)
    }

    /// `int.to_bytes(length, byteorder, signed=signed)`.
    pub fn to_bytes(&self, length: usize, little: bool, signed: bool) -> NumResult<Vec<u8>> {
        if self.is_negative() && !signed {
            return Err(NumError::overflow("can't convert negative int to unsigned"));
        }
        if length as u64 > MAX_INT_BITS / 8 {
            return Err(NumError::memory());
        }
        if let Some(v) = self.to_i128() {
            return i128_to_bytes(v, length, little, signed);
        }
        let mut bytes = if self.is_zero() {
            Vec::new()
        } else if signed {
            self.to_bigint().to_signed_bytes_le()
        } else {
            self.magnitude().to_bytes_le()
        };
        if bytes.len() > length {
            return Err(NumError::overflow("int too big to convert"));
        }
        let pad = if self.is_negative() { 0xff } else { 0 };
        bytes.resize(length, pad);
        if !little {
            bytes.reverse();
        }
        Ok(bytes)
    }

    /// `int.from_bytes(bytes, byteorder, signed=signed)`.
    #[must_use]
    pub fn from_bytes(bytes: &[u8], little: bool, signed: bool) -> Int {
        if bytes.len() <= 16 {
            return i128_from_bytes(bytes, little, signed);
        }
        let v = match (little, signed) {
            (true, true) => BigInt::from_signed_bytes_le(bytes),
            (false, true) => BigInt::from_signed_bytes_be(bytes),
            (true, false) => BigInt::from_bytes_le(Sign::Plus, bytes),
            (false, false) => BigInt::from_bytes_be(Sign::Plus, bytes),
        };
        Int::from(v)
    }

    /// Whether the value fits in a tagged small int of `bits` bits (e.g. 62).
    #[must_use]
    pub fn fits_bits(&self, bits: u32) -> bool {
        match self {
            Int::Small(v) => {
                let bits = bits.clamp(1, 64);
                let lim = 1i128 << (bits - 1);
                (-lim..lim).contains(&i128::from(*v))
            }
            Int::Wide(_) | Int::Big(_) => false,
        }
    }
}

/// `int.to_bytes` for a value that fits in `i128`, without a `BigInt`: the minimal
/// two's complement (signed) or magnitude (unsigned) bytes, sign-extended to `length`.
fn i128_to_bytes(v: i128, length: usize, little: bool, signed: bool) -> NumResult<Vec<u8>> {
    // The bytes the value needs: magnitude bits, plus a sign bit when signed.
    let bits = if signed {
        // For v < 0, !v has the same significant bits as the two's complement form.
        let m = if v < 0 { !v } else { v };
        128 - m.leading_zeros() + 1
    } else {
        128 - v.leading_zeros()
    };
    let needed = if v == 0 { 0 } else { bits.div_ceil(8) as usize };
    if needed > length {
        return Err(NumError::overflow("int too big to convert"));
    }
    let le = v.to_le_bytes();
    let pad = if v < 0 { 0xff } else { 0 };
    let mut bytes: Vec<u8> = (0..length).map(|i| le.get(i).copied().unwrap_or(pad)).collect();
    if !little {
        bytes.reverse();
    }
    Ok(bytes)
}

/// `int.from_bytes` for at most 16 bytes: the value fits in `u128`.
fn i128_from_bytes(bytes: &[u8], little: bool, signed: bool) -> Int {
    let mut le = [0u8; 16];
    let n = bytes.len().min(16);
    for i in 0..n {
        le[i] = if little { bytes[i] } else { bytes[bytes.len() - 1 - i] };
    }
    let negative = signed && n > 0 && le[n - 1] & 0x80 != 0;
    if negative {
        for b in le.iter_mut().skip(n) {
            *b = 0xff;
        }
        return Int::from(i128::from_le_bytes(le));
    }
    Int::from(u128::from_le_bytes(le))
}

/// `v >> n` rounding toward negative infinity, whatever the shift semantics of the
/// big-int library.
fn floor_shr(v: &BigInt, n: u64) -> BigInt {
    if v.is_negative() {
        // -((|v| - 1) >> n) - 1 == floor(v / 2**n) for v < 0.
        let m: BigUint = v.magnitude() - 1u32;
        -BigInt::from(m >> n) - 1
    } else {
        v >> n
    }
}

/// The inverse of `a` modulo `m` (`m > 1`, `0 <= a < m`), if it exists.
fn mod_inverse(a: &BigInt, m: &BigInt) -> Option<BigInt> {
    let g = a.extended_gcd(m);
    if !g.gcd.is_one() {
        return None;
    }
    Some(g.x.mod_floor(m))
}

/// Splits a finite nonzero float's magnitude into an integer mantissa and a binary
/// exponent: `|x| == mant * 2**exp`.
pub(crate) fn decompose(x: f64) -> (u64, i64) {
    let bits = x.to_bits();
    let exp_bits = ((bits >> 52) & 0x7ff) as i64;
    let frac = bits & ((1 << 52) - 1);
    if exp_bits == 0 {
        (frac, -1074)
    } else {
        (frac | (1 << 52), exp_bits - 1075)
    }
}
