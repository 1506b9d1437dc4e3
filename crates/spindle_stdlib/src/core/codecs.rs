//! `_codecs`: the native UTF-8/ASCII/Latin-1/UTF-16/UTF-32 encoders and
//! decoders (over `spindle_str::codecs`, returning CPython's `(result,
//! consumed)` pairs, with incremental `final` handling), plus the Python half
//! (`py/_codecs.py`): the codec registry, error-handler registry, charmap and
//! escape codecs.

use spindle_vm::builtins_init::codecs::{codec_err, with_handler_py};

use spindle_str::codecs::{self, Encoding};
use spindle_vm::error::PyResult;
use spindle_vm::function::Args;
use spindle_vm::interp::ThreadState;
use spindle_vm::num::new_int;
use spindle_vm::runtime::{is_none, rt};
use spindle_vm::seq::new_tuple;
use spindle_vm::str::{as_data, as_str, new_data, new_str};
use spindle_vm::value::Value;
use spindle_vm::{native, ops, raise};

fn bytes_arg(ts: &ThreadState, v: &Value) -> PyResult<Vec<u8>> {
    if let Some(b) = v.downcast::<spindle_vm::bytes::PyBytes>() {
        return Ok(b.data.to_vec());
    }
    if let Some(b) = v.downcast::<spindle_vm::bytes::PyByteArray>() {
        return Ok(b.data.lock().clone());
    }
    if as_str(v).is_some() {
        raise!(TypeError, "a bytes-like object is required, not 'str'");
    }
    // Other buffers (memoryview, array): go through bytes().
    let b = ops::call(ts, &rt().types.bytes.to_value(), &[v.clone()])
        .map_err(|_| spindle_vm::err!(TypeError, "a bytes-like object is required, not '{}'", ops::type_name(v)))?;
    match b.downcast::<spindle_vm::bytes::PyBytes>() {
        Some(b) => Ok(b.data.to_vec()),
        None => raise!(TypeError, "a bytes-like object is required, not '{}'", ops::type_name(v)),
    }
}

fn errors_arg(v: Option<&Value>) -> PyResult<String> {
    match v {
        None => Ok("strict".into()),
        Some(x) if is_none(x) => Ok("strict".into()),
        Some(x) => match as_str(x) {
            Some(s) => Ok(s.to_owned()),
            None => raise!(TypeError, "argument 'errors' must be str or None, not {}", ops::type_name(x)),
        },
    }
}

fn bool_arg(ts: &ThreadState, v: Option<&Value>) -> PyResult<bool> {
    match v {
        None => Ok(false),
        Some(x) => ops::is_true(ts, x),
    }
}




fn do_encode(ts: &ThreadState, a: &Args<'_>, fname: &str, enc: Encoding) -> PyResult<Value> {
    let pos = a.positional();
    let Some(s) = pos.first() else { raise!(TypeError, "{}() missing required argument 'str' (pos 1)", fname) };
    let Some(data) = as_data(s) else { raise!(TypeError, "{}() argument 1 must be str, not {}", fname, ops::type_name(s)) };
    let errors = errors_arg(pos.get(1))?;
    let obj = || s.clone();
    let out = with_handler_py(ts, &errors, true, &obj, |h| codecs::encode(data, enc, h)).map_err(|e| codec_err(e, &obj))?;
    Ok(new_tuple(vec![spindle_vm::bytes::new_bytes(&out), new_int(data.len() as i64)]))
}

fn do_decode(ts: &ThreadState, a: &Args<'_>, fname: &str, enc: Encoding, has_final: bool) -> PyResult<Value> {
    let pos = a.positional();
    let Some(b) = pos.first() else { raise!(TypeError, "{}() missing required argument 'data' (pos 1)", fname) };
    let data = bytes_arg(ts, b)?;
    let errors = errors_arg(pos.get(1))?;
    let mut fin = if has_final { bool_arg(ts, pos.get(2))? } else { true };
    for (k, v) in a.kwargs() {
        if k == "final" && has_final {
            fin = ops::is_true(ts, v)?;
        }
    }
    let obj = || spindle_vm::bytes::new_bytes(&data);
    let (s, used) = with_handler_py(ts, &errors, false, &obj, |h| codecs::decode_partial(&data, enc, h, fin))
        .map_err(|e| codec_err(e, &obj))?;
    Ok(new_tuple(vec![new_data(s), new_int(used as i64)]))
}

fn bom_encoding(byteorder: i64, wide: bool) -> Encoding {
    match (byteorder, wide) {
        (b, false) if b < 0 => Encoding::Utf16Le,
        (b, false) if b > 0 => Encoding::Utf16Be,
        (_, false) => Encoding::Utf16,
        (b, true) if b < 0 => Encoding::Utf32Le,
        (b, true) if b > 0 => Encoding::Utf32Be,
        (_, true) => Encoding::Utf32,
    }
}

fn encode_bom(ts: &ThreadState, a: Args<'_>, wide: bool) -> PyResult<Value> {
    let byteorder = match a.positional().get(2) {
        Some(v) => ops::index_isize(ts, v)? as i64,
        None => 0,
    };
    do_encode(ts, &a, if wide { "utf_32_encode" } else { "utf_16_encode" }, bom_encoding(byteorder, wide))
}

/// `utf_16_ex_decode(data, errors=None, byteorder=0, final=False)` ->
/// `(str, consumed, byteorder)`.
fn ex_decode(ts: &ThreadState, a: Args<'_>, wide: bool) -> PyResult<Value> {
    let pos = a.positional();
    let Some(b) = pos.first() else { raise!(TypeError, "ex_decode() missing required argument 'data' (pos 1)") };
    let data = bytes_arg(ts, b)?;
    let errors = errors_arg(pos.get(1))?;
    let mut byteorder = match pos.get(2) {
        Some(v) => ops::index_isize(ts, v)? as i64,
        None => 0,
    };
    let fin = bool_arg(ts, pos.get(3))?;
    let mut skip = 0;
    if byteorder == 0 {
        let (le, be): (&[u8], &[u8]) = if wide { (&[0xFF, 0xFE, 0, 0], &[0, 0, 0xFE, 0xFF]) } else { (&[0xFF, 0xFE], &[0xFE, 0xFF]) };
        if data.starts_with(le) {
            byteorder = -1;
            skip = le.len();
        } else if data.starts_with(be) {
            byteorder = 1;
            skip = be.len();
        } else if !fin && data.len() < le.len() {
            return Ok(new_tuple(vec![new_str(""), new_int(0), new_int(0)]));
        }
    }
    let enc = match (byteorder, wide) {
        (b, false) if b > 0 => Encoding::Utf16Be,
        (_, false) => Encoding::Utf16Le,
        (b, true) if b > 0 => Encoding::Utf32Be,
        (_, true) => Encoding::Utf32Le,
    };
    let rest = &data[skip..];
    let obj = || spindle_vm::bytes::new_bytes(&data);
    let (s, used) = with_handler_py(ts, &errors, false, &obj, |h| codecs::decode_partial(rest, enc, h, fin))
        .map_err(|e| codec_err(e, &obj))?;
    Ok(new_tuple(vec![new_data(s), new_int((used + skip) as i64), new_int(byteorder)]))
}

pub fn init(ts: &ThreadState) -> PyResult<Value> {
    let m = native::new_module(
        "_codecs",
        &[
            ("utf_8_encode", |ts, a| do_encode(ts, &a, "utf_8_encode", Encoding::Utf8)),
            ("utf_8_decode", |ts, a| do_decode(ts, &a, "utf_8_decode", Encoding::Utf8, true)),
            ("ascii_encode", |ts, a| do_encode(ts, &a, "ascii_encode", Encoding::Ascii)),
            ("ascii_decode", |ts, a| do_decode(ts, &a, "ascii_decode", Encoding::Ascii, false)),
            ("latin_1_encode", |ts, a| do_encode(ts, &a, "latin_1_encode", Encoding::Latin1)),
            ("latin_1_decode", |ts, a| do_decode(ts, &a, "latin_1_decode", Encoding::Latin1, false)),
            ("utf_16_encode", |ts, a| encode_bom(ts, a, false)),
            ("utf_16_decode", |ts, a| do_decode(ts, &a, "utf_16_decode", Encoding::Utf16, true)),
            ("utf_16_le_encode", |ts, a| do_encode(ts, &a, "utf_16_le_encode", Encoding::Utf16Le)),
            ("utf_16_le_decode", |ts, a| do_decode(ts, &a, "utf_16_le_decode", Encoding::Utf16Le, true)),
            ("utf_16_be_encode", |ts, a| do_encode(ts, &a, "utf_16_be_encode", Encoding::Utf16Be)),
            ("utf_16_be_decode", |ts, a| do_decode(ts, &a, "utf_16_be_decode", Encoding::Utf16Be, true)),
            ("utf_16_ex_decode", |ts, a| ex_decode(ts, a, false)),
            ("utf_32_encode", |ts, a| encode_bom(ts, a, true)),
            ("utf_32_decode", |ts, a| do_decode(ts, &a, "utf_32_decode", Encoding::Utf32, true)),
            ("utf_32_le_encode", |ts, a| do_encode(ts, &a, "utf_32_le_encode", Encoding::Utf32Le)),
            ("utf_32_le_decode", |ts, a| do_decode(ts, &a, "utf_32_le_decode", Encoding::Utf32Le, true)),
            ("utf_32_be_encode", |ts, a| do_encode(ts, &a, "utf_32_be_encode", Encoding::Utf32Be)),
            ("utf_32_be_decode", |ts, a| do_decode(ts, &a, "utf_32_be_decode", Encoding::Utf32Be, true)),
            ("utf_32_ex_decode", |ts, a| ex_decode(ts, a, true)),
        ],
    );
    super::exec_py(ts, &m, include_str!("py/_codecs.py"), "_codecs")?;
    Ok(m)
}
