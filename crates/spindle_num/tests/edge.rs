//! Hand-written checks for what the recorded tables cannot hold: results CPython
//! cannot compute in reasonable memory (which must come back as errors here, never as
//! a panic or an abort), and API details the VM relies on.

use spindle_num::{
    Complex, ErrorKind, Int, IntPow, PrintfSpec, complex_repr, float_repr, float_repr_no_dot0,
    format_float, format_int, format_str, hash_float, hash_pointer, int_from_str, printf_float,
};

fn big(s: &str) -> Int {
    int_from_str(s, 10, 0).unwrap()
}

fn kind<T: std::fmt::Debug>(r: Result<T, spindle_num::NumError>) -> ErrorKind {
    r.unwrap_err().kind
}

#[test]
fn huge_results_are_memory_errors() {
    let two = Int::from(2i64);
    assert_eq!(
        kind(two.pow(&big("10000000000000000000000000000000"))),
        ErrorKind::Memory
    );
    assert_eq!(kind(two.pow(&Int::from(1i64 << 40))), ErrorKind::Memory);
    assert_eq!(
        kind(Int::from(1i64).shl(&Int::from(1i64 << 62))),
        ErrorKind::Memory
    );
    let e = Int::from(1i64)
        .shl(&big("1180591620717411303424"))
        .unwrap_err();
    assert_eq!(
        (e.kind, &*e.msg),
        (ErrorKind::Overflow, "too many digits in integer")
    );
    assert_eq!(
        kind(Int::from(1i64).to_bytes(1 << 40, false, false)),
        ErrorKind::Memory
    );
    assert_eq!(
        kind(format_int(&Int::from(1i64), "999999999999", 0)),
        ErrorKind::Memory
    );
    // A str precision only truncates (CPython allocates nothing for it).
    assert_eq!(format_str("x", ".999999999999").unwrap(), "x");
    let e = format_float(1.0, ".2000000000000f").unwrap_err();
    assert_eq!((e.kind, &*e.msg), (ErrorKind::Value, "precision too big"));
    let spec = PrintfSpec::parse("999999999999d").unwrap();
    assert_eq!(
        kind(spindle_num::printf_int(&Int::from(1i64), &spec, 0)),
        ErrorKind::Memory
    );
    // Trivial bases never blow up, whatever the exponent.
    for (b, e, r) in [
        (0, "10000000000000000000000", 0),
        (1, "10000000000000000000000", 1),
        (-1, "10000000000000000000001", -1),
    ] {
        assert_eq!(
            Int::from(b as i64).pow(&big(e)).unwrap(),
            IntPow::Int(Int::from(r as i64))
        );
    }
    // Shifting right by a huge count.
    assert_eq!(
        big("-5").shr(&big("100000000000000000000000")).unwrap(),
        Int::from(-1i64)
    );
}

#[test]
fn normalisation_and_small_ints() {
    let a = big("9223372036854775807").add(&Int::from(1i64));
    assert!(matches!(a, Int::Wide(_)));
    let b = a.sub(&Int::from(1i64));
    assert_eq!(b, Int::Small(i64::MAX));
    assert_eq!(Int::Small(i64::MIN).neg(), big("9223372036854775808"));
    assert_eq!(
        Int::Small(i64::MIN).floordiv(&Int::from(-1i64)).unwrap(),
        big("9223372036854775808")
    );
    assert_eq!(
        Int::Small(i64::MIN).modulo(&Int::from(-1i64)).unwrap(),
        Int::Small(0)
    );
    assert!(Int::Small((1 << 61) - 1).fits_bits(62));
    assert!(!Int::Small(1 << 61).fits_bits(62));
    assert!(Int::Small(-(1 << 61)).fits_bits(62));
    assert_eq!(Int::from_literal("0x_ff"), Some(Int::Small(255)));
    assert_eq!(Int::from_literal("-1"), None);
}

#[test]
fn reprs() {
    assert_eq!(float_repr(1e16), "1e+16");
    assert_eq!(float_repr(1.5e-5), "1.5e-05");
    assert_eq!(float_repr(-0.0), "-0.0");
    assert_eq!(float_repr(f64::NAN), "nan");
    assert_eq!(float_repr(-f64::INFINITY), "-inf");
    assert_eq!(float_repr_no_dot0(-0.0), "-0");
    assert_eq!(complex_repr(Complex::new(-0.0, -0.0)), "(-0-0j)");
    assert_eq!(complex_repr(Complex::new(0.0, 2.0)), "2j");
    assert_eq!(format_float(1234.5, ",.2f").unwrap(), "1,234.50");
    let spec = PrintfSpec::parse("+08.3f").unwrap();
    assert_eq!(printf_float(-1.5, &spec).unwrap(), "-001.500");
}

#[test]
fn nan_hash_uses_identity() {
    assert_eq!(hash_float(f64::NAN, 0x1230), 0x123);
    assert_eq!(hash_pointer(0x1230), 0x123);
    assert_eq!(hash_pointer(usize::MAX), -2);
}

/// A small deterministic generator, so the no-panic sweep needs no dependency.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn pick<'a>(&mut self, items: &'a [&'a str]) -> &'a str {
        items[(self.next() % items.len() as u64) as usize]
    }
}

#[test]
fn no_panic_sweep() {
    let atoms = [
        "0",
        "1",
        "9",
        "_",
        ".",
        "e",
        "E",
        "+",
        "-",
        " ",
        "x",
        "0x",
        "0b",
        "0o",
        "j",
        "J",
        "(",
        ")",
        "inf",
        "nan",
        "p",
        "f",
        ",",
        "#",
        "z",
        "<",
        "^",
        "=",
        "%",
        "99999999999999999999",
        "\u{663}",
        "\u{3000}",
        "\u{e9}",
        "g",
        "d",
        "c",
        "s",
        "n",
        "a",
    ];
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    let ints = [
        Int::from(0i64),
        Int::from(-1i64),
        Int::from(i64::MAX),
        Int::from(i64::MIN),
        big("-123456789012345678901234567890"),
        big("1114111"),
    ];
    let floats = [
        0.0,
        -0.0,
        1.5,
        -1e308,
        5e-324,
        f64::NAN,
        f64::INFINITY,
        -f64::INFINITY,
        1e22,
    ];
    for _ in 0..20_000 {
        let n = rng.next() % 8;
        let s: String = (0..n).map(|_| rng.pick(&atoms)).collect();
        let _ = int_from_str(&s, (rng.next() % 38) as u32, 4300);
        let _ = spindle_num::float_from_str(&s);
        let _ = spindle_num::complex_from_str(&s);
        let _ = spindle_num::float_from_hex(&s);
        let i = &ints[(rng.next() % ints.len() as u64) as usize];
        let j = &ints[(rng.next() % ints.len() as u64) as usize];
        let x = floats[(rng.next() % floats.len() as u64) as usize];
        let y = floats[(rng.next() % floats.len() as u64) as usize];
        let _ = format_int(i, &s, 4300);
        let _ = format_float(x, &s);
        let _ = spindle_num::format_complex(Complex::new(x, y), &s);
        let _ = format_str(&s, &s);
        if let Some(spec) = PrintfSpec::parse(&s) {
            let _ = spindle_num::printf_int(i, &spec, 4300);
            let _ = printf_float(x, &spec);
            let _ = spindle_num::printf_char(i, &spec);
        }
        let _ = (
            i.floordiv(j),
            i.modulo(j),
            i.truediv(j),
            i.pow_mod(j, i),
            i.cmp_f64(x),
        );
        let _ = (
            i.shr(j),
            i.to_f64(),
            Int::from_f64(x),
            spindle_num::float_pow(x, y),
        );
        let _ = (
            spindle_num::float_divmod(x, y),
            spindle_num::float_fmod(x, y),
        );
        let _ = spindle_num::float_round_digits(x, (rng.next() as i64) % 700 - 350);
        let _ = spindle_num::complex_pow(Complex::new(x, y), Complex::new(y, x));
        let _ = spindle_num::complex_quot(Complex::new(x, y), Complex::new(y, x));
    }
}
