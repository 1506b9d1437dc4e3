//! `_json`: the C half of `json` that `json.decoder` picks up when present.
//! Only `scanstring` for now (its error messages and positions are the ones
//! CPython reports; the pure-Python fallback words them differently).
//! `make_scanner` / `make_encoder` are absent, so `json` uses its Python
//! scanner and encoder for those.

use spindle_vm::error::{PyErr, PyResult};
use spindle_vm::function::Args;
use spindle_vm::interp::ThreadState;
use spindle_vm::num::new_int;
use spindle_vm::seq::new_tuple;
use spindle_vm::str::{as_data, new_str};
use spindle_vm::value::Value;
use spindle_vm::{native, ops, raise};

pub(crate) fn init(_ts: &ThreadState) -> PyResult<Value> {
    Ok(native::new_module("_json", &[("scanstring", scanstring)]))
}

fn decode_error(ts: &ThreadState, msg: &str, s: &Value, pos: usize) -> PyErr {
    let cls = match spindle_vm::import::import_module(ts, "json.decoder").and_then(|m| ops::getattr_str(ts, &m, "JSONDecodeError")) {
        Ok(c) => c,
        Err(e) => return e,
    };
    match ops::call(ts, &cls, &[new_str(msg), s.clone(), new_int(pos as i64)]) {
        Ok(exc) => PyErr(exc),
        Err(e) => e,
    }
}

fn hex4(d: &spindle_str::PyStrData, at: usize) -> Option<u32> {
    let mut v = 0u32;
    for k in 0..4 {
        let c = d.char_at(at + k)?;
        v = v * 16 + char::from_u32(c)?.to_digit(16)?;
    }
    Some(v)
}

/// `scanstring(s, end, strict=True) -> (str, end)`: decodes the JSON string
/// whose opening quote is just before index `end`.
fn scanstring(ts: &ThreadState, a: Args<'_>) -> PyResult {
    let pos = a.positional();
    if pos.len() < 2 || pos.len() > 3 {
        raise!(TypeError, "scanstring expected 2 or 3 arguments, got {}", pos.len());
    }
    let s = &pos[0];
    let Some(d) = as_data(s) else { raise!(TypeError, "first argument must be a string, not {}", ops::type_name(s)) };
    let end = ops::index_isize(ts, &pos[1])?;
    let strict = match pos.get(2) {
        Some(v) => ops::is_true(ts, v)?,
        None => true,
    };
    let len = d.len();
    if end < 0 || end as usize > len {
        raise!(ValueError, "end is out of bounds");
    }
    let mut end = end as usize;
    let begin = end.saturating_sub(1);
    let mut out: Vec<u32> = Vec::new();
    loop {
        // Copy up to the next quote or backslash.
        let mut next = end;
        let c = loop {
            let Some(c) = d.char_at(next) else {
                return Err(decode_error(ts, "Unterminated string starting at", s, begin));
            };
            if c == u32::from(b'"') || c == u32::from(b'\\') {
                break c;
            }
            if strict && c <= 0x1f {
                return Err(decode_error(ts, "Invalid control character at", s, next));
            }
            out.push(c);
            next += 1;
        };
        if c == u32::from(b'"') {
            end = next + 1;
            break;
        }
        next += 1;
        let Some(e) = d.char_at(next) else {
            return Err(decode_error(ts, "Unterminated string starting at", s, begin));
        };
        if e != u32::from(b'u') {
            end = next + 1;
            let ch = match char::from_u32(e) {
                Some('"') => '"',
                Some('\\') => '\\',
                Some('/') => '/',
                Some('b') => '\u{8}',
                Some('f') => '\u{c}',
                Some('n') => '\n',
                Some('r') => '\r',
                Some('t') => '\t',
                _ => return Err(decode_error(ts, "Invalid \\escape", s, end - 2)),
            };
            out.push(u32::from(ch));
            continue;
        }
        next += 1;
        end = next + 4;
        if end > len {
            return Err(decode_error(ts, "Invalid \\uXXXX escape", s, next - 1));
        }
        let Some(mut u) = hex4(d, next) else { return Err(decode_error(ts, "Invalid \\uXXXX escape", s, end - 5)) };
        // A high surrogate followed by an escaped low surrogate is one character.
        if (0xd800..=0xdbff).contains(&u)
            && end + 6 <= len
            && d.char_at(end) == Some(u32::from(b'\\'))
            && d.char_at(end + 1) == Some(u32::from(b'u'))
        {
            let Some(u2) = hex4(d, end + 2) else { return Err(decode_error(ts, "Invalid \\uXXXX escape", s, end)) };
            if (0xdc00..=0xdfff).contains(&u2) {
                u = 0x10000 + (((u - 0xd800) << 10) | (u2 - 0xdc00));
                end += 6;
            }
        }
        out.push(u);
    }
    let text = match spindle_str::PyStrData::from_code_points(out) {
        Ok(t) => spindle_vm::str::new_data(t),
        Err(_) => raise!(ValueError, "invalid code point in JSON string"),
    };
    Ok(new_tuple(vec![text, new_int(end as i64)]))
}
