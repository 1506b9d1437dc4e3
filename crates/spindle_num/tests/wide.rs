//! The three `Int` representations (`Small` i64, `Wide` i128, `Big`) at and around
//! their boundaries: every operation agrees with plain `BigInt` arithmetic written
//! independently here, and every result is in normal form (the narrowest
//! representation that holds it), so that derived equality and hashing stay value-based.

use std::cmp::Ordering;

use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{Signed, ToPrimitive, Zero};
use spindle_num::{Int, IntPow, hash_int};

/// Values at the edges of the immediate (2**62), `i64`, `u64`, `i128` and `u128`
/// ranges, their neighbours and negations, and some in between.
fn boundary_values() -> Vec<BigInt> {
    let mut out = Vec::new();
    let two = BigInt::from(2);
    for e in [0u32, 1, 31, 32, 61, 62, 63, 64, 65, 95, 126, 127, 128, 129, 200] {
        let p = two.pow(e);
        for d in [-1i32, 0, 1] {
            let v = &p + d;
            out.push(v.clone());
            out.push(-v);
        }
    }
    out.push(BigInt::from(3));
    out.push(BigInt::from(-7));
    out.push(BigInt::from(1_000_000_007));
    out.push(BigInt::parse_bytes(b"333333283333335000000", 10).unwrap());
    out.push(-BigInt::parse_bytes(b"12345678901234567890123456789", 10).unwrap());
    out.sort();
    out.dedup();
    out
}

/// The representation a normalised `Int` of value `v` must have.
fn assert_normal(i: &Int, v: &BigInt, what: &str) {
    let ok = match i {
        Int::Small(s) => BigInt::from(*s) == *v,
        Int::Wide(w) => BigInt::from(*w) == *v && v.to_i64().is_none(),
        Int::Big(b) => b == v && v.to_i128().is_none(),
    };
    assert!(ok, "{what}: got {i:?}, want {v} in normal form");
}

fn int(v: &BigInt) -> Int {
    let i = Int::from(v.clone());
    assert_normal(&i, v, "From<BigInt>");
    i
}

fn floor_divmod(a: &BigInt, b: &BigInt) -> (BigInt, BigInt) {
    a.div_mod_floor(b)
}

#[test]
fn constructors_normalise() {
    assert_eq!(Int::from(i128::from(i64::MAX)), Int::Small(i64::MAX));
    assert_eq!(Int::from(i128::from(i64::MAX) + 1), Int::Wide(1i128 << 63));
    assert_eq!(Int::from(i128::from(i64::MIN) - 1), Int::Wide(-(1i128 << 63) - 1));
    assert_eq!(Int::from(u64::MAX), Int::Wide(i128::from(u64::MAX)));
    assert_eq!(Int::from(u128::MAX), Int::Big(BigInt::from(u128::MAX)));
    assert_eq!(Int::from(1u128 << 127), Int::Big(BigInt::from(1u128 << 127)));
    assert_eq!(Int::from(i128::MAX as u128), Int::Wide(i128::MAX));
    for v in boundary_values() {
        let i = int(&v);
        assert_normal(&Int::from(&v), &v, "From<&BigInt>");
        assert_eq!(i.to_bigint(), v);
        assert_eq!(i.clone().into_bigint(), v);
        assert_eq!(i.to_i64(), v.to_i64());
        assert_eq!(i.to_i128(), v.to_i128());
        assert_eq!(i.to_string(), v.to_string());
        assert_eq!(i.is_negative(), v.is_negative());
        assert_eq!(i.is_zero(), v.is_zero());
        assert_eq!(i.signum(), if v.is_zero() { 0 } else if v.is_negative() { -1 } else { 1 });
        assert_eq!(i.bit_length(), v.bits());
        assert_eq!(i.bit_count(), v.magnitude().count_ones());
        assert_eq!(i.magnitude(), *v.magnitude());
        assert_eq!(i.to_radix_string(16), v.to_str_radix(16));
        assert_eq!(i.to_decimal_string(4300).unwrap(), v.to_string());
    }
}

#[test]
fn arithmetic_matches_bigint() {
    let vals = boundary_values();
    for a in &vals {
        let ia = int(a);
        assert_normal(&ia.neg(), &-a, "neg");
        assert_normal(&ia.abs(), &a.abs(), "abs");
        assert_normal(&ia.invert(), &(-a - 1), "invert");
        for b in &vals {
            let ib = int(b);
            let ctx = format!("{a} op {b}");
            assert_normal(&ia.add(&ib), &(a + b), &format!("{ctx} add"));
            assert_normal(&ia.sub(&ib), &(a - b), &format!("{ctx} sub"));
            assert_normal(&ia.mul(&ib), &(a * b), &format!("{ctx} mul"));
            assert_normal(&ia.bitand(&ib), &(a & b), &format!("{ctx} and"));
            assert_normal(&ia.bitor(&ib), &(a | b), &format!("{ctx} or"));
            assert_normal(&ia.bitxor(&ib), &(a ^ b), &format!("{ctx} xor"));
            assert_eq!(ia.cmp(&ib), a.cmp(b), "{ctx} cmp");
            assert_eq!(ia == ib, a == b, "{ctx} eq");
            if b.is_zero() {
                assert!(ia.divmod(&ib).is_err());
                assert!(ia.modulo(&ib).is_err());
                assert!(ia.floordiv(&ib).is_err());
                assert!(ia.truediv(&ib).is_err());
                continue;
            }
            let (q, r) = floor_divmod(a, b);
            let (iq, ir) = ia.divmod(&ib).unwrap();
            assert_normal(&iq, &q, &format!("{ctx} divmod q"));
            assert_normal(&ir, &r, &format!("{ctx} divmod r"));
            assert_normal(&ia.floordiv(&ib).unwrap(), &q, &format!("{ctx} floordiv"));
            assert_normal(&ia.modulo(&ib).unwrap(), &r, &format!("{ctx} mod"));
            // True division agrees with the all-big path (both operands as Big would
            // take it; here the reference is the quotient of the two floats when both
            // are exact, else just a sanity check on sign and finiteness).
            let t = ia.truediv(&ib);
            if let (Some(x), Some(y)) = (a.to_i64(), b.to_i64())
                && x.unsigned_abs() <= 1 << 53
                && y.unsigned_abs() <= 1 << 53
            {
                assert_eq!(t.unwrap(), x as f64 / y as f64, "{ctx} truediv");
            } else if let Ok(t) = t {
                assert!(t == 0.0 || (t < 0.0) == (a.is_negative() != b.is_negative()), "{ctx}");
            }
        }
    }
}

#[test]
fn shifts_and_pow_match_bigint() {
    let vals = boundary_values();
    for a in &vals {
        let ia = int(a);
        for n in [0u32, 1, 2, 30, 61, 62, 63, 64, 65, 100, 126, 127, 128, 129, 300] {
            let c = Int::from(i64::from(n));
            assert_normal(&ia.shl(&c).unwrap(), &(a << n), &format!("{a} << {n}"));
            // Python's >> floors; BigInt's >> on negatives rounds toward -inf too, but
            // compute it as floor division to be independent of that.
            let want = a.div_floor(&(BigInt::from(1) << n));
            assert_normal(&ia.shr(&c).unwrap(), &want, &format!("{a} >> {n}"));
        }
        for e in [0u32, 1, 2, 3, 5] {
            let want = a.pow(e);
            match ia.pow(&Int::from(i64::from(e))).unwrap() {
                IntPow::Int(r) => assert_normal(&r, &want, &format!("{a} ** {e}")),
                IntPow::Float(f) => panic!("{a} ** {e} gave float {f}"),
            }
        }
        let m = int(&BigInt::from(1_000_000_007));
        let want = a.modpow(&BigInt::from(65537), &BigInt::from(1_000_000_007));
        assert_normal(&ia.pow_mod(&Int::from(65537i64), &m).unwrap(), &want, &format!("pow({a}, 65537, p)"));
    }
    assert!(Int::from(1i64).shl(&Int::from(-1i64)).is_err());
    assert!(Int::Wide(1 << 100).shr(&Int::from(-1i64)).is_err());
}

#[test]
fn floats_bytes_and_hash() {
    const MODULUS: u64 = (1 << 61) - 1;
    for v in boundary_values() {
        let i = int(&v);
        // Conversion to float rounds to nearest, ties to even, like an exact reference:
        // a 200-bit value goes through the Big path, which is tested elsewhere, so it
        // serves as the reference for the narrower ones via the same bits.
        let f = i.to_f64().unwrap();
        let via_big = Int::Big(v.clone() * BigInt::from(1u128 << 127))
            .to_f64()
            .unwrap()
            / 2f64.powi(127);
        assert_eq!(f, via_big, "float({v})");
        // Exact comparison with floats, both ways around a float near the value.
        // (f is integral: exact below 2**53, and every larger float is an integer.)
        assert_eq!(i.cmp_f64(f), Some(i.cmp(&Int::from_f64(f).unwrap())));
        assert_eq!(i.cmp_f64(f + f.abs() * 1e-15 + 0.5), Some(Ordering::Less));
        assert_eq!(i.eq_f64(f), Int::from_f64(f).unwrap() == i);
        assert_eq!(i.cmp_f64(f64::INFINITY), Some(Ordering::Less));
        assert_eq!(i.cmp_f64(f64::NAN), None);
        // int(float) normalises.
        let back = Int::from_f64(f).unwrap();
        assert_normal(&back, &back.to_bigint(), "from_f64");
        // hash: |v| mod (2**61 - 1) with the sign, -1 becoming -2.
        let m = (v.magnitude() % BigInt::from(MODULUS).magnitude()).to_i64().unwrap();
        let h = if v.is_negative() { -m } else { m };
        assert_eq!(hash_int(&i), if h == -1 { -2 } else { h }, "hash({v})");
        // to_bytes / from_bytes against BigInt's two's complement bytes.
        let signed = v.to_signed_bytes_le();
        for len in [signed.len(), signed.len() + 3, 17, 32] {
            let got = i.to_bytes(len, true, true);
            if len < signed.len() {
                assert!(got.is_err());
                continue;
            }
            let mut want = signed.clone();
            want.resize(len, if v.is_negative() { 0xff } else { 0 });
            if v.is_zero() {
                want = vec![0; len];
            }
            assert_eq!(got.unwrap(), want, "{v}.to_bytes({len}, 'little', signed=True)");
            let mut be = want.clone();
            be.reverse();
            assert_eq!(i.to_bytes(len, false, true).unwrap(), be);
            assert_normal(&Int::from_bytes(&want, true, true), &v, "from_bytes signed le");
            assert_normal(&Int::from_bytes(&be, false, true), &v, "from_bytes signed be");
        }
        if !v.is_negative() {
            let mag = v.magnitude().to_bytes_le();
            let n = if v.is_zero() { 0 } else { mag.len() };
            assert!(i.to_bytes(n.saturating_sub(1), true, false).is_err() || n == 0);
            let got = i.to_bytes(n, true, false).unwrap();
            assert_normal(&Int::from_bytes(&got, true, false), &v, "from_bytes unsigned");
        } else {
            assert!(i.to_bytes(40, true, false).is_err());
        }
    }
    // 16 bytes of 0xff: -1 signed, 2**128 - 1 unsigned (Big).
    assert_eq!(Int::from_bytes(&[0xff; 16], false, true), Int::Small(-1));
    assert_eq!(Int::from_bytes(&[0xff; 16], false, false), Int::Big(BigInt::from(u128::MAX)));
    assert_eq!(Int::from_bytes(&[], false, true), Int::Small(0));
    assert_eq!(Int::from_bytes(&[0x80], true, true), Int::Small(-128));
}

#[test]
fn from_f64_across_boundaries() {
    for (x, want) in [
        (9.223372036854775807e18, "9223372036854775808"),
        (-9.223372036854775808e18, "-9223372036854775808"),
        (1.8446744073709552e19, "18446744073709551616"),
        (1.7014118346046923e38, "170141183460469231731687303715884105728"),
        (-1.7014118346046923e38, "-170141183460469231731687303715884105728"),
        (1.6e38, "159999999999999992620202531233938276352"),
        (-2.5e20, "-250000000000000000000"),
    ] {
        let got = Int::from_f64(x).unwrap();
        let v = BigInt::parse_bytes(want.as_bytes(), 10).unwrap();
        assert_normal(&got, &v, &format!("int({x})"));
    }
}
