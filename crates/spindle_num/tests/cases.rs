//! Differential tests: every line of `tests/data/*.txt` is an operation, its arguments
//! and the result CPython 3.14 gave (recorded by `gen_cases.py`); each is replayed
//! against spindle_num and the encoded results compared as text.
//!
//! Encoding: `i:` int (decimal), `f:` float (IEEE bits in hex; any NaN reads as `nan`),
//! `c:` complex (two float bit patterns), `s:` string (`\\`, `\t`, `\n`, `\u{..}`
//! escapes), `y:` bytes (hex), `b:` bool, `t:` tuple, `none`, and `!Type:message` for an
//! exception.

mod common;

use common::{Val, enc_complex, enc_err, enc_float, enc_int, enc_str, run_file};
use spindle_num::{
    Complex, FloatPow, Int, IntPow, NumResult, complex_from_str, complex_pow, complex_quot,
    complex_quot_real, complex_repr, complex_rquot, float_as_integer_ratio, float_ceil,
    float_divmod, float_floor, float_floordiv, float_fmod, float_frexp, float_from_hex,
    float_from_str, float_is_integer, float_ldexp, float_mod, float_pow, float_repr, float_round,
    float_round_digits, float_to_hex, float_trunc, fsum, hash_complex, hash_float, hash_int,
    int_from_str,
};

fn r<T>(v: NumResult<T>, f: impl FnOnce(T) -> String) -> String {
    match v {
        Ok(v) => f(v),
        Err(e) => enc_err(&e),
    }
}

fn ri(v: NumResult<Int>) -> String {
    r(v, |v| enc_int(&v))
}

fn rf(v: NumResult<f64>) -> String {
    r(v, enc_float)
}

fn int_case(op: &str, a: &[Val]) -> String {
    let i = |k: usize| a[k].int();
    let f = |k: usize| a[k].float();
    match op {
        "add" => enc_int(&i(0).add(&i(1))),
        "sub" => enc_int(&i(0).sub(&i(1))),
        "mul" => enc_int(&i(0).mul(&i(1))),
        "floordiv" => ri(i(0).floordiv(&i(1))),
        "mod" => ri(i(0).modulo(&i(1))),
        "divmod" => r(i(0).divmod(&i(1)), |(q, m)| {
            format!("t:{},{}", enc_int(&q), enc_int(&m))
        }),
        "truediv" => rf(i(0).truediv(&i(1))),
        "and" => enc_int(&i(0).bitand(&i(1))),
        "or" => enc_int(&i(0).bitor(&i(1))),
        "xor" => enc_int(&i(0).bitxor(&i(1))),
        "cmp" => format!("i:{}", i(0).cmp(&i(1)) as i32),
        "lshift" => ri(i(0).shl(&i(1))),
        "rshift" => ri(i(0).shr(&i(1))),
        "pow" => r(i(0).pow(&i(1)), |p| match p {
            IntPow::Int(v) => enc_int(&v),
            IntPow::Float(x) => enc_float(x),
        }),
        "powmod" => ri(i(0).pow_mod(&i(1), &i(2))),
        "neg" => enc_int(&i(0).neg()),
        "invert" => enc_int(&i(0).invert()),
        "abs" => enc_int(&i(0).abs()),
        "bit_length" => format!("i:{}", i(0).bit_length()),
        "bit_count" => format!("i:{}", i(0).bit_count()),
        "float" => rf(i(0).to_f64()),
        "str" => r(i(0).to_decimal_string(4300), |s| enc_str(&s)),
        "hex" => enc_str(&i(0).to_hex()),
        "oct" => enc_str(&i(0).to_oct()),
        "bin" => enc_str(&i(0).to_bin()),
        "hash" => format!("i:{}", hash_int(&i(0))),
        "to_bytes" => r(
            i(0).to_bytes(
                a[1].int().to_i64().unwrap() as usize,
                a[2].bool(),
                a[3].bool(),
            ),
            |b| format!("y:{}", hex(&b)),
        ),
        "from_bytes" => enc_int(&Int::from_bytes(&a[0].bytes(), a[1].bool(), a[2].bool())),
        "cmpf" => match i(0).cmp_f64(f(1)) {
            None => "none".into(),
            Some(o) => format!("i:{}", o as i32),
        },
        "from_float" => ri(Int::from_f64(f(0))),
        _ => panic!("unknown op {op}"),
    }
}

fn hex(b: &[u8]) -> String {
    b.iter().map(|x| format!("{x:02x}")).collect()
}

fn float_case(op: &str, a: &[Val]) -> String {
    let f = |k: usize| a[k].float();
    let fp = |p: NumResult<FloatPow>| {
        r(p, |p| match p {
            FloatPow::Float(x) => enc_float(x),
            FloatPow::Complex => enc_str("complex"),
        })
    };
    match op {
        "repr" => enc_str(&float_repr(f(0))),
        "hex" => enc_str(&float_to_hex(f(0))),
        "ratio" => r(float_as_integer_ratio(f(0)), |(n, d)| {
            format!("t:{},{}", enc_int(&n), enc_int(&d))
        }),
        "is_integer" => format!("b:{}", u8::from(float_is_integer(f(0)))),
        "round0" => ri(float_round(f(0))),
        "floor" => ri(float_floor(f(0))),
        "ceil" => ri(float_ceil(f(0))),
        "trunc" => ri(float_trunc(f(0))),
        "frexp" => {
            let (m, e) = float_frexp(f(0));
            format!("t:{},i:{e}", enc_float(m))
        }
        "hash" => {
            if f(0).is_nan() {
                "none".into()
            } else {
                format!("i:{}", hash_float(f(0), 0))
            }
        }
        "round" => rf(float_round_digits(f(0), a[1].int().to_i64().unwrap())),
        "ldexp" => rf(float_ldexp(f(0), a[1].int().to_i64().unwrap())),
        "fromhex" => rf(float_from_hex(&a[0].str())),
        "parse" => rf(float_from_str(&a[0].str())),
        "floordiv" => rf(float_floordiv(f(0), f(1))),
        "mod" => rf(float_mod(f(0), f(1))),
        "divmod" => r(float_divmod(f(0), f(1)), |(q, m)| {
            format!("t:{},{}", enc_float(q), enc_float(m))
        }),
        "pow" => fp(float_pow(f(0), f(1))),
        "fmod" => rf(float_fmod(f(0), f(1))),
        "fsum" => rf(fsum(a[0].tuple().iter().map(Val::float))),
        _ => panic!("unknown op {op}"),
    }
}

fn complex_case(op: &str, a: &[Val]) -> String {
    let c = |k: usize| a[k].complex();
    let rc = |v: NumResult<Complex>| r(v, enc_complex);
    match op {
        "repr" => enc_str(&complex_repr(c(0))),
        "quot" => rc(complex_quot(c(0), c(1))),
        "pow" => rc(complex_pow(c(0), c(1))),
        "quot_real" => rc(complex_quot_real(c(0), a[1].float())),
        "rquot" => rc(complex_rquot(a[0].float(), c(1))),
        "hash" => {
            let z = c(0);
            if z.re.is_nan() || z.im.is_nan() {
                "none".into()
            } else {
                format!("i:{}", hash_complex(z.re, z.im, 0))
            }
        }
        "parse" => rc(complex_from_str(&a[0].str())),
        _ => panic!("unknown op {op}"),
    }
}

#[test]
fn int_ops() {
    run_file("int", int_case);
}

#[test]
fn int_parse() {
    run_file("intparse", |op, a| {
        assert_eq!(op, "int");
        let base = a[1].int().to_i64().unwrap() as u32;
        ri(int_from_str(&a[0].str(), base, 4300))
    });
}

#[test]
fn float_ops() {
    run_file("float", float_case);
}

#[test]
fn complex_ops() {
    run_file("complex", complex_case);
}

#[test]
fn format_spec() {
    run_file("format", |op, a| {
        let spec = a[1].str();
        let out = match op {
            "int" => spindle_num::format_int(&a[0].int(), &spec, 4300),
            "float" => spindle_num::format_float(a[0].float(), &spec),
            "complex" => spindle_num::format_complex(a[0].complex(), &spec),
            "str" => spindle_num::format_str(&a[0].str(), &spec),
            _ => panic!("unknown op {op}"),
        };
        r(out, |s| enc_str(&s))
    });
}

#[test]
fn printf() {
    use spindle_num::{
        PrintfSpec, printf_char, printf_char_str, printf_float, printf_int, printf_type_error,
    };
    run_file("printf", |op, a| {
        let text = a[0].str();
        let spec = PrintfSpec::parse(text.trim_start_matches('%')).expect("spec parses");
        let s = |v: NumResult<String>| r(v, |s| enc_str(&s));
        match op {
            "int" => s(printf_int(&a[1].int(), &spec, 4300)),
            "float" => s(printf_float(a[1].float(), &spec)),
            "char" => s(printf_char(&a[1].int(), &spec)),
            // What the VM does with each operand type.
            "typeerror" => match (&a[1], spec.conv) {
                (Val::Str(t), 'c') if t.chars().count() == 1 => {
                    enc_str(&printf_char_str(t.chars().next().unwrap(), &spec))
                }
                (Val::Float(x), 'd') => {
                    s(Int::from_f64(*x).and_then(|i| printf_int(&i, &spec, 4300)))
                }
                (Val::Float(x), 'f') => s(printf_float(*x, &spec)),
                (v, c) => {
                    let (name, len) = match v {
                        Val::Str(t) => ("str", Some(t.chars().count())),
                        Val::Float(_) => ("float", None),
                        _ => ("NoneType", None),
                    };
                    enc_err(&printf_type_error(
                        c,
                        name,
                        if c == 'c' { len } else { None },
                    ))
                }
            },
            _ => panic!("unknown op {op}"),
        }
    });
}
