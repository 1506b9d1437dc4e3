//! The decoder, encoder and runner shared by the data-driven tests (see `cases.rs` for
//! the encoding).

use spindle_num::{Complex, Int, NumError, int_from_str};

/// One decoded argument.
#[derive(Clone, Debug)]
pub enum Val {
    Int(Int),
    Float(f64),
    Complex(Complex),
    Str(String),
    Bytes(Vec<u8>),
    Bool(bool),
    Tuple(Vec<Val>),
    None,
}

impl Val {
    pub fn int(&self) -> Int {
        match self {
            Val::Int(i) => i.clone(),
            Val::Bool(b) => Int::from(i64::from(*b)),
            v => panic!("not an int: {v:?}"),
        }
    }
    pub fn float(&self) -> f64 {
        match self {
            Val::Float(x) => *x,
            v => panic!("not a float: {v:?}"),
        }
    }
    pub fn complex(&self) -> Complex {
        match self {
            Val::Complex(c) => *c,
            v => panic!("not a complex: {v:?}"),
        }
    }
    pub fn str(&self) -> String {
        match self {
            Val::Str(s) => s.clone(),
            v => panic!("not a str: {v:?}"),
        }
    }
    pub fn bytes(&self) -> Vec<u8> {
        match self {
            Val::Bytes(b) => b.clone(),
            v => panic!("not bytes: {v:?}"),
        }
    }
    pub fn bool(&self) -> bool {
        match self {
            Val::Bool(b) => *b,
            v => panic!("not a bool: {v:?}"),
        }
    }
    pub fn tuple(&self) -> Vec<Val> {
        match self {
            Val::Tuple(t) => t.clone(),
            v => panic!("not a tuple: {v:?}"),
        }
    }
}

fn unesc(s: &str) -> String {
    let mut out = String::new();
    let mut it = s.chars();
    while let Some(c) = it.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match it.next() {
            Some('\\') => out.push('\\'),
            Some('t') => out.push('\t'),
            Some('n') => out.push('\n'),
            Some('u') => {
                assert_eq!(it.next(), Some('{'));
                let hex: String = it.by_ref().take_while(|&c| c != '}').collect();
                out.push(char::from_u32(u32::from_str_radix(&hex, 16).unwrap()).unwrap());
            }
            other => panic!("bad escape {other:?}"),
        }
    }
    out
}

fn float_from_bits(h: &str) -> f64 {
    f64::from_bits(u64::from_str_radix(h, 16).unwrap())
}

pub fn decode(s: &str) -> Val {
    if s == "none" {
        return Val::None;
    }
    let (tag, body) = s.split_at(2);
    match tag {
        "i:" => Val::Int(int_from_str(body, 10, 0).unwrap()),
        "f:" => Val::Float(float_from_bits(body)),
        "c:" => {
            let (a, b) = body.split_once(',').unwrap();
            Val::Complex(Complex::new(float_from_bits(a), float_from_bits(b)))
        }
        "s:" => Val::Str(unesc(body)),
        "y:" => Val::Bytes(
            (0..body.len())
                .step_by(2)
                .map(|i| u8::from_str_radix(&body[i..i + 2], 16).unwrap())
                .collect(),
        ),
        "b:" => Val::Bool(body == "1"),
        "t:" => Val::Tuple(if body.is_empty() {
            vec![]
        } else {
            body.split(',').map(decode).collect()
        }),
        _ => panic!("bad value {s}"),
    }
}

pub fn esc(s: &str) -> String {
    let mut out = String::new();
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\t' => out.push_str("\\t"),
            '\n' => out.push_str("\\n"),
            c if (c as u32) < 0x20 || (c as u32) > 0x7e => {
                out.push_str(&format!("\\u{{{:x}}}", c as u32))
            }
            c => out.push(c),
        }
    }
    out
}

pub fn enc_int(i: &Int) -> String {
    format!("i:{}", i.to_decimal_string(0).unwrap())
}

pub fn enc_float(x: f64) -> String {
    if x.is_nan() {
        "f:nan".into()
    } else {
        format!("f:{:016x}", x.to_bits())
    }
}

pub fn enc_complex(c: Complex) -> String {
    format!("c:{},{}", &enc_float(c.re)[2..], &enc_float(c.im)[2..])
}

pub fn enc_str(s: &str) -> String {
    format!("s:{}", esc(s))
}

pub fn enc_err(e: &NumError) -> String {
    format!("!{}:{}", e.type_name(), esc(&e.msg))
}

/// Rewrites every NaN bit pattern in an expected value to `nan`.
fn normalise(expected: &str) -> String {
    if expected.starts_with('!') || expected.starts_with("s:") {
        return expected.to_owned();
    }
    let norm_bits = |h: &str| {
        let x = float_from_bits(h);
        if x.is_nan() {
            "nan".to_owned()
        } else {
            h.to_owned()
        }
    };
    let (tag, body) = expected.split_at(2.min(expected.len()));
    match tag {
        "f:" => format!("f:{}", norm_bits(body)),
        "c:" => {
            let (a, b) = body.split_once(',').unwrap();
            format!("c:{},{}", norm_bits(a), norm_bits(b))
        }
        "t:" => format!(
            "t:{}",
            body.split(',').map(normalise).collect::<Vec<_>>().join(",")
        ),
        _ => expected.to_owned(),
    }
}

/// Runs every case of `tests/data/{name}.txt` through `f` and fails listing mismatches.
pub fn run_file(name: &str, f: impl Fn(&str, &[Val]) -> String) {
    let path = format!("{}/tests/data/{name}.txt", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).unwrap();
    let mut failures = Vec::new();
    let mut total = 0;
    for line in text.lines() {
        if line.starts_with('#') || line.is_empty() {
            continue;
        }
        total += 1;
        let fields: Vec<&str> = line.split('\t').collect();
        let (op, rest) = fields.split_first().unwrap();
        let (expected, args) = rest.split_last().unwrap();
        let args: Vec<Val> = args.iter().map(|a| decode(a)).collect();
        let expected = normalise(expected);
        let got = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| f(op, &args)))
            .unwrap_or_else(|_| "PANIC".to_owned());
        if got != expected {
            failures.push(format!(
                "{op} {:?}\n   expected {expected}\n   got      {got}",
                &fields[1..fields.len() - 1]
            ));
        }
    }
    if !failures.is_empty() {
        let shown: Vec<_> = failures.iter().take(40).cloned().collect();
        panic!(
            "{name}: {} of {total} cases failed:\n{}",
            failures.len(),
            shown.join("\n")
        );
    }
}
