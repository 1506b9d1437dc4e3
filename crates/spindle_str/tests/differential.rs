//! Differential test: every case in `data/cases.jsonl` was recorded from
//! CPython 3.14.2 by `gen/gen_cases.py`; this replays each one against
//! `spindle_str` and compares results, exceptions and messages.

use std::convert::Infallible;

use serde_json::{Value, json};
use spindle_str::codecs::{self, CodecError};
use spindle_str::{ErrorKind, PyStrData, StrError, StripSide};

const CASES: &str = include_str!("data/cases.jsonl");

fn arg_str(v: &Value) -> PyStrData {
    match v {
        Value::String(s) => PyStrData::from_str(s),
        Value::Object(o) => {
            let cps = o["u"].as_array().expect("code point list");
            PyStrData::from_code_points(cps.iter().map(|c| c.as_u64().expect("int") as u32))
                .expect("valid")
        }
        other => panic!("not a str: {other}"),
    }
}

fn arg_opt_i64(v: &Value) -> Option<i64> {
    v.as_i64()
}

fn s(v: &PyStrData) -> Value {
    if v.has_surrogates() {
        json!({ "u": v.code_points().collect::<Vec<u32>>() })
    } else {
        Value::String(v.to_string_lossy().into_owned())
    }
}

fn list(v: &[PyStrData]) -> Value {
    Value::Array(v.iter().map(s).collect())
}

fn exc(e: &StrError) -> Value {
    let name = match e.kind {
        ErrorKind::Value => "ValueError",
        ErrorKind::Type => "TypeError",
        ErrorKind::Overflow => "OverflowError",
        ErrorKind::Index => "IndexError",
        ErrorKind::Memory => "MemoryError",
        ErrorKind::Lookup => "LookupError",
    };
    json!({ "exc": name, "msg": e.message })
}

fn res<T>(r: Result<T, StrError>, f: impl FnOnce(T) -> Value) -> Value {
    match r {
        Ok(v) => f(v),
        Err(e) => exc(&e),
    }
}

fn codec_err(e: CodecError<Infallible>, input: Result<&PyStrData, &[u8]>) -> Value {
    match e {
        CodecError::Encode(i) | CodecError::Decode(i) => {
            let (name, msg) = match input {
                Ok(st) => ("UnicodeEncodeError", i.encode_message(st)),
                Err(b) => ("UnicodeDecodeError", i.decode_message(b)),
            };
            json!({"exc": name, "encoding": i.encoding, "start": i.start, "end": i.end,
                   "reason": i.reason, "msg": msg})
        }
        CodecError::Other(e) => exc(&e),
        CodecError::Handler(never) => match never {},
    }
}

fn run(op: &str, a: &[Value]) -> Value {
    let st = || arg_str(&a[0]);
    let sub = || arg_str(&a[1]);
    match op {
        "upper" => s(&spindle_str::upper(&st())),
        "lower" => s(&spindle_str::lower(&st())),
        "casefold" => s(&spindle_str::casefold(&st())),
        "title" => s(&spindle_str::title(&st())),
        "capitalize" => s(&spindle_str::capitalize(&st())),
        "swapcase" => s(&spindle_str::swapcase(&st())),
        "isalpha" => json!(spindle_str::isalpha(&st())),
        "isalnum" => json!(spindle_str::isalnum(&st())),
        "isdecimal" => json!(spindle_str::isdecimal(&st())),
        "isdigit" => json!(spindle_str::isdigit(&st())),
        "isnumeric" => json!(spindle_str::isnumeric(&st())),
        "isspace" => json!(spindle_str::isspace(&st())),
        "isprintable" => json!(spindle_str::isprintable(&st())),
        "isidentifier" => json!(spindle_str::isidentifier(&st())),
        "isupper" => json!(spindle_str::isupper(&st())),
        "islower" => json!(spindle_str::islower(&st())),
        "istitle" => json!(spindle_str::istitle(&st())),
        "isascii" => json!(spindle_str::isascii(&st())),
        "repr" => s(&spindle_str::repr(&st())),
        "ascii" => s(&spindle_str::ascii(&st())),
        "split" | "rsplit" => {
            let sep = if a[1].is_null() { None } else { Some(sub()) };
            let ms = a[2].as_i64().unwrap_or(-1);
            let r = if op == "split" {
                spindle_str::split(&st(), sep.as_ref(), ms)
            } else {
                spindle_str::rsplit(&st(), sep.as_ref(), ms)
            };
            res(r, |v| list(&v))
        }
        "splitlines" => list(&spindle_str::splitlines(
            &st(),
            a[1].as_bool().unwrap_or(false),
        )),
        "find" | "rfind" | "count" | "startswith" | "endswith" | "index" | "rindex" => {
            let (x, y, start, end) = (st(), sub(), arg_opt_i64(&a[2]), arg_opt_i64(&a[3]));
            match op {
                "find" => json!(spindle_str::find(&x, &y, start, end).map_or(-1, |i| i as i64)),
                "rfind" => json!(spindle_str::rfind(&x, &y, start, end).map_or(-1, |i| i as i64)),
                "count" => json!(spindle_str::count(&x, &y, start, end)),
                "startswith" => json!(spindle_str::startswith(&x, &y, start, end)),
                "endswith" => json!(spindle_str::endswith(&x, &y, start, end)),
                "index" => res(spindle_str::index(&x, &y, start, end), |i| json!(i)),
                _ => res(spindle_str::rindex(&x, &y, start, end), |i| json!(i)),
            }
        }
        "partition" | "rpartition" => {
            let r = if op == "partition" {
                spindle_str::partition(&st(), &sub())
            } else {
                spindle_str::rpartition(&st(), &sub())
            };
            res(r, |(h, m, t)| Value::Array(vec![s(&h), s(&m), s(&t)]))
        }
        "removeprefix" => s(&spindle_str::removeprefix(&st(), &sub())),
        "removesuffix" => s(&spindle_str::removesuffix(&st(), &sub())),
        "replace" => res(
            spindle_str::replace(&st(), &sub(), &arg_str(&a[2]), a[3].as_i64().unwrap_or(-1)),
            |v| s(&v),
        ),
        "strip" | "lstrip" | "rstrip" => {
            let chars = if a[1].is_null() { None } else { Some(sub()) };
            let side = match op {
                "strip" => StripSide::Both,
                "lstrip" => StripSide::Left,
                _ => StripSide::Right,
            };
            s(&spindle_str::strip(&st(), chars.as_ref(), side))
        }
        "center" | "ljust" | "rjust" => {
            let w = a[1].as_i64().unwrap_or(0);
            let fill = arg_str(&a[2]).char_at(0).unwrap_or(32);
            let r = match op {
                "center" => spindle_str::center(&st(), w, fill),
                "ljust" => spindle_str::ljust(&st(), w, fill),
                _ => spindle_str::rjust(&st(), w, fill),
            };
            res(r, |v| s(&v))
        }
        "zfill" => res(spindle_str::zfill(&st(), a[1].as_i64().unwrap_or(0)), |v| {
            s(&v)
        }),
        "expandtabs" => res(
            spindle_str::expandtabs(&st(), a[1].as_i64().unwrap_or(8)),
            |v| s(&v),
        ),
        "slice" => res(
            st().get_slice(a[1].as_i64(), a[2].as_i64(), a[3].as_i64()),
            |v| s(&v),
        ),
        "join" => {
            let items: Vec<PyStrData> =
                a[1].as_array().expect("list").iter().map(arg_str).collect();
            res(spindle_str::join(&st(), items.iter()), |v| s(&v))
        }
        "maketrans" => {
            let z = if a[2].is_null() {
                None
            } else {
                Some(arg_str(&a[2]))
            };
            res(spindle_str::maketrans(&st(), &sub(), z.as_ref()), |pairs| {
                let mut m = std::collections::BTreeMap::new();
                for (k, v) in pairs {
                    m.insert(k, v);
                }
                let mut out: Vec<String> = m
                    .into_iter()
                    .map(|(k, v)| {
                        format!("{k}={}", v.map_or("None".to_string(), |v| v.to_string()))
                    })
                    .collect();
                out.sort();
                Value::Array(out.into_iter().map(Value::String).collect())
            })
        }
        "encode" => {
            let text = st();
            let r = codecs::encode_by_name(
                &text,
                a[1].as_str().unwrap_or(""),
                a[2].as_str().unwrap_or(""),
            );
            match r {
                Ok(b) => json!({ "b": b }),
                Err(e) => codec_err(e, Ok(&text)),
            }
        }
        "decode" => {
            let bytes: Vec<u8> = a[0]["b"]
                .as_array()
                .expect("bytes")
                .iter()
                .map(|b| b.as_u64().expect("byte") as u8)
                .collect();
            let r = codecs::decode_by_name(
                &bytes,
                a[1].as_str().unwrap_or(""),
                a[2].as_str().unwrap_or(""),
            );
            match r {
                Ok(v) => s(&v),
                Err(e) => codec_err(e, Err(&bytes)),
            }
        }
        other => panic!("unknown op {other}"),
    }
}

#[test]
fn matches_cpython() {
    let mut failures = Vec::new();
    let mut total = 0;
    for line in CASES.lines() {
        let case: Value = serde_json::from_str(line).expect("valid JSON");
        let op = case["op"].as_str().expect("op");
        let args = case["args"].as_array().expect("args");
        let got = run(op, args);
        total += 1;
        if got != case["out"] {
            failures.push(format!(
                "{op}{}\n    want {}\n    got  {got}",
                Value::Array(args.clone()),
                case["out"]
            ));
        }
    }
    for f in failures.iter().take(40) {
        eprintln!("{f}");
    }
    eprintln!("{total} cases replayed");
    assert!(total > 40_000, "the case file is truncated");
    assert!(
        failures.is_empty(),
        "{} of {total} cases differ from CPython",
        failures.len()
    );
}
