//! Python's numeric hash: every number hashes to its value modulo the Mersenne prime
//! `2**61 - 1`, so that `hash(1) == hash(1.0) == hash(1+0j)` (and a fraction `p/q`
//! hashes as `p * q**-1`). `-1` is reserved for errors and becomes `-2`.

use num_bigint::BigUint;
use num_traits::ToPrimitive;

use crate::int::{Int, decompose};

/// `2**61 - 1`, `sys.hash_info.modulus`.
pub const HASH_MODULUS: u64 = (1 << 61) - 1;
/// `sys.hash_info.inf`: the hash of `inf` (`-314159` for `-inf`).
pub const HASH_INF: i64 = 314_159;
/// `sys.hash_info.imag`: the multiplier of the imaginary part's hash.
pub const HASH_IMAG: u64 = 1_000_003;

/// `hash(i)` for an int.
#[must_use]
pub fn hash_int(i: &Int) -> i64 {
    let (mag_mod, neg) = match i {
        Int::Small(v) => (v.unsigned_abs() % HASH_MODULUS, *v < 0),
        Int::Wide(v) => ((v.unsigned_abs() % u128::from(HASH_MODULUS)) as u64, *v < 0),
        Int::Big(v) => {
            let r: BigUint = v.magnitude() % BigUint::from(HASH_MODULUS);
            (r.to_u64().unwrap_or(0), i.is_negative())
        }
    };
    finish(mag_mod as i64, neg)
}

/// `hash(x)` for a float. A NaN hashes by identity since Python 3.10: pass the object's
/// id (its address), which is hashed as [`hash_pointer`] does.
#[must_use]
pub fn hash_float(x: f64, id: usize) -> i64 {
    if x.is_nan() {
        return hash_pointer(id);
    }
    if x.is_infinite() {
        return if x > 0.0 { HASH_INF } else { -HASH_INF };
    }
    if x == 0.0 {
        return 0;
    }
    let (mant, exp) = decompose(x);
    // mant * 2**exp mod P, using 2**61 == 1 (mod P) so 2**exp == 2**(exp mod 61).
    let m = mant % HASH_MODULUS;
    let e = exp.rem_euclid(61) as u32;
    let v = mul_mod(m, 1u64 << e);
    finish(v as i64, x < 0.0)
}

/// `hash(z)` for a complex: `hash(real) + 1000003 * hash(imag)` in wrapping arithmetic.
/// `id` is the complex object's id, used when a part is NaN.
#[must_use]
pub fn hash_complex(re: f64, im: f64, id: usize) -> i64 {
    let hr = hash_float(re, id) as u64;
    let hi = hash_float(im, id) as u64;
    let h = hr.wrapping_add(HASH_IMAG.wrapping_mul(hi)) as i64;
    if h == -1 { -2 } else { h }
}

/// CPython's `_Py_HashPointer`: the address rotated right by 4 bits.
#[must_use]
pub fn hash_pointer(id: usize) -> i64 {
    let h = (id as u64).rotate_right(4) as i64;
    if h == -1 { -2 } else { h }
}

fn mul_mod(a: u64, b: u64) -> u64 {
    ((u128::from(a) * u128::from(b)) % u128::from(HASH_MODULUS)) as u64
}

fn finish(v: i64, neg: bool) -> i64 {
    let h = if neg { -v } else { v };
    if h == -1 { -2 } else { h }
}
