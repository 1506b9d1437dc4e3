//! `str.encode` / `bytes.decode` (and `str(b, encoding)`, `bytes(s, encoding)`)
//! over `spindle_str::codecs`: UTF-8, ASCII, Latin-1, UTF-16/32 (with and
//! without BOM), cp1252 and every standard error handler. Failures become
//! `UnicodeEncodeError`/`UnicodeDecodeError` carrying CPython's five
//! arguments (encoding, object, start, end, reason); `init` gives the
//! Unicode error classes CPython's `__str__` over those arguments.

use std::convert::Infallible;

use spindle_str::codecs::{self, CodecError, Encoding, ErrorHandler, HandlerCall, Replacement, UnicodeErrorInfo};
use spindle_str::{ErrorKind, StrError};

use super::add_methods;
use crate::error::{PyErr, PyResult};
use crate::function::Args;
use crate::interp::ThreadState;
use crate::num::new_int;
use crate::ops;
use crate::runtime::{Runtime, rt};
use crate::str::{as_data, as_str, new_data, new_str, new_string};
use crate::value::Value;
use crate::raise;

pub(super) fn init(r: &Runtime) {
    add_methods(r.exc.UnicodeEncodeError, &[("__str__", |ts, a| unicode_error_str(ts, a, "encode"))]);
    add_methods(r.exc.UnicodeDecodeError, &[("__str__", |ts, a| unicode_error_str(ts, a, "decode"))]);
    add_methods(r.exc.UnicodeTranslateError, &[("__str__", |ts, a| unicode_error_str(ts, a, "translate"))]);
}

/// A `spindle_str` error as the Python exception it names.
pub fn str_error(e: StrError) -> PyErr {
    let r = rt();
    let ty = match e.kind {
        ErrorKind::Value => r.exc.ValueError,
        ErrorKind::Type => r.exc.TypeError,
        ErrorKind::Overflow => r.exc.OverflowError,
        ErrorKind::Index => r.exc.IndexError,
        ErrorKind::Memory => return PyErr::bare(r.exc.MemoryError),
        ErrorKind::Lookup => r.exc.LookupError,
    };
    PyErr::new(ty, e.message.into_owned())
}

/// A UnicodeEncodeError/UnicodeDecodeError with CPython's five args.
pub fn unicode_error(ty: crate::object::TypeRef, info: &UnicodeErrorInfo, object: Value) -> PyErr {
    PyErr(crate::exceptions::new_exception(
        ty,
        vec![new_str(info.encoding), object, new_int(info.start as i64), new_int(info.end as i64), new_str(info.reason)],
    ))
}

/// The optional `encoding`/`errors` argument of `fname` as a Rust string.
fn opt_name<'a>(v: &'a Option<Value>, fname: &str, what: &str, default: &'static str) -> PyResult<&'a str> {
    match v {
        None => Ok(default),
        Some(x) => match as_str(x) {
            Some(s) => Ok(s),
            None => raise!(TypeError, "{}() argument '{}' must be str, not {}", fname, what, ops::type_name(x)),
        },
    }
}

/// Run a codec with the handler named `errors`. An unknown handler name is
/// only an error when the handler is needed, as in CPython.
pub fn with_handler<T>(
    errors: &str,
    run: impl Fn(ErrorHandler<'_, Infallible>) -> Result<T, CodecError<Infallible>>,
) -> Result<T, CodecError<Infallible>> {
    match ErrorHandler::by_name(errors) {
        Ok(h) => run(h),
        Err(lookup) => match run(ErrorHandler::Strict) {
            Ok(v) => Ok(v),
            Err(CodecError::Encode(_) | CodecError::Decode(_)) => Err(CodecError::Other(lookup)),
            Err(e) => Err(e),
        },
    }
}

/// Run a codec with the handler named `errors`: a standard one, or one
/// registered with `codecs.register_error` (looked up only when an error
/// needs it, as in CPython). `object` makes the exception's `object`.
pub fn with_handler_py<T>(
    ts: &ThreadState,
    errors: &str,
    encode: bool,
    object: &dyn Fn() -> Value,
    run: impl Fn(ErrorHandler<'_, PyErr>) -> Result<T, CodecError<PyErr>>,
) -> Result<T, CodecError<PyErr>> {
    match ErrorHandler::by_name(errors) {
        Ok(h) => run(h),
        Err(_) => match run(ErrorHandler::Strict) {
            Err(CodecError::Encode(_) | CodecError::Decode(_)) => {
                let handler = registered_handler(ts, errors).map_err(CodecError::Handler)?;
                let obj = object();
                let mut f = |call: &HandlerCall<'_>| call_handler(ts, &handler, call, &obj, encode);
                run(ErrorHandler::Custom(&mut f))
            }
            other => other,
        },
    }
}

/// `_codecs.lookup_error(name)` (LookupError when none is registered).
fn registered_handler(ts: &ThreadState, name: &str) -> PyResult {
    let m = crate::import::import_module(ts, "_codecs")?;
    let f = ops::getattr_str(ts, &m, "lookup_error")?;
    ops::call(ts, &f, &[new_str(name)])
}

/// Calls a registered error handler with the Unicode error of `call` and
/// checks its `(replacement, newpos)` result.
fn call_handler(
    ts: &ThreadState,
    handler: &Value,
    call: &HandlerCall<'_>,
    obj: &Value,
    encode: bool,
) -> Result<(Replacement, i64), PyErr> {
    let ty = if encode { rt().exc.UnicodeEncodeError } else { rt().exc.UnicodeDecodeError };
    let exc = unicode_error(ty, &call.info, obj.clone());
    let r = ops::call(ts, handler, &[exc.0.clone()])?;
    let bad = || {
        if encode {
            crate::err!(TypeError, "encoding error handler must return (str/bytes, int) tuple")
        } else {
            crate::err!(TypeError, "decoding error handler must return (str, int) tuple")
        }
    };
    let Some([rep, pos]) = crate::seq::tuple_items(&r) else { return Err(bad()) };
    let rep = if let Some(d) = as_data(rep) {
        Replacement::Str(d.clone())
    } else if encode && rep.downcast::<crate::bytes::PyBytes>().is_some() {
        Replacement::Bytes(super::containers::bytes_data(rep).unwrap_or_default())
    } else {
        return Err(bad());
    };
    if !crate::num::is_int(pos) {
        return Err(bad());
    }
    let pos = ops::index_isize(ts, pos)? as i64;
    Ok((rep, pos))
}

/// A codec failure as the Python exception; `object` is the exception's object.
pub fn codec_err(e: CodecError<PyErr>, object: &dyn Fn() -> Value) -> PyErr {
    match e {
        CodecError::Encode(info) => unicode_error(rt().exc.UnicodeEncodeError, &info, object()),
        CodecError::Decode(info) => unicode_error(rt().exc.UnicodeDecodeError, &info, object()),
        CodecError::Other(e) => str_error(e),
        CodecError::Handler(e) => e,
    }
}

pub fn encode_str(ts: &ThreadState, s: &Value, encoding: Option<Value>, errors: Option<Value>) -> PyResult {
    let Some(data) = as_data(s) else {
        raise!(TypeError, "descriptor 'encode' for 'str' objects doesn't apply to a '{}' object", ops::type_name(s))
    };
    let enc_name = opt_name(&encoding, "encode", "encoding", "utf-8")?;
    let errors = opt_name(&errors, "encode", "errors", "strict")?;
    let Some(enc) = Encoding::lookup(enc_name) else {
        return via_registry(ts, s, enc_name, errors, true);
    };
    let obj = || s.clone();
    match with_handler_py(ts, errors, true, &obj, |h| codecs::encode(data, enc, h)) {
        Ok(b) => Ok(crate::bytes::new_bytes(&b)),
        Err(e) => Err(codec_err(e, &obj)),
    }
}

pub fn decode_bytes(ts: &ThreadState, b: &Value, encoding: Option<Value>, errors: Option<Value>) -> PyResult {
    let Some(data) = super::containers::bytes_data(b) else {
        if as_str(b).is_some() {
            raise!(TypeError, "decoding str is not supported");
        }
        raise!(TypeError, "decoding to str: need a bytes-like object, {} found", ops::type_name(b))
    };
    let enc_name = opt_name(&encoding, "decode", "encoding", "utf-8")?;
    let errors = opt_name(&errors, "decode", "errors", "strict")?;
    let Some(enc) = Encoding::lookup(enc_name) else {
        return via_registry(ts, b, enc_name, errors, false);
    };
    let obj = || crate::bytes::new_bytes(&data);
    match with_handler_py(ts, errors, false, &obj, |h| codecs::decode(&data, enc, h)) {
        Ok(s) => Ok(new_data(s)),
        Err(e) => Err(codec_err(e, &obj)),
    }
}

/// `str.encode` / `bytes.decode` with an encoding spindle_str does not know:
/// the codec registry (`_codecs.lookup`, which searches the Lib's
/// `encodings` package), as CPython's `PyUnicode_AsEncodedString` does.
fn via_registry(ts: &ThreadState, obj: &Value, encoding: &str, errors: &str, encode: bool) -> PyResult {
    let codecs_mod = crate::import::import_module(ts, "_codecs")?;
    let lookup = ops::getattr_str(ts, &codecs_mod, "lookup")?;
    let info = ops::call(ts, &lookup, &[new_str(encoding)])?;
    if let Some(is_text) = ops::getattr_opt(ts, &info, "_is_text_encoding")? {
        if !ops::is_true(ts, &is_text)? {
            raise!(
                LookupError,
                "'{}' is not a text encoding; use codecs.{}() to handle arbitrary codecs",
                encoding,
                if encode { "encode" } else { "decode" }
            );
        }
    }
    let f = ops::getattr_str(ts, &info, if encode { "encode" } else { "decode" })?;
    let arg = if encode {
        obj.clone()
    } else {
        // Decoders get the bytes-like object itself (bytes for bytearray).
        match super::containers::bytes_data(obj) {
            Some(d) if obj.type_ref() != rt().types.bytes => crate::bytes::new_bytes(&d),
            _ => obj.clone(),
        }
    };
    let r = ops::call(ts, &f, &[arg, new_str(errors)])?;
    let out = match crate::seq::tuple_items(&r) {
        Some([v, _]) => v.clone(),
        _ => raise!(TypeError, "{} must return a tuple (object, integer)", if encode { "encoder" } else { "decoder" }),
    };
    if encode && out.type_ref() != rt().types.bytes {
        if out.type_ref() == rt().types.bytearray {
            return Ok(crate::bytes::new_bytes(&super::containers::bytes_data(&out).unwrap_or_default()));
        }
        raise!(
            TypeError,
            "'{}' encoder returned '{}' instead of 'bytes'; use codecs.encode() to encode to arbitrary types",
            encoding,
            ops::type_name(&out)
        );
    }
    if !encode && as_str(&out).is_none() {
        raise!(
            TypeError,
            "'{}' decoder returned '{}' instead of 'str'; use codecs.decode() to decode to arbitrary types",
            encoding,
            ops::type_name(&out)
        );
    }
    Ok(out)
}

/// `str(exc)` of the Unicode error classes, worded as CPython's.
fn unicode_error_str(ts: &ThreadState, a: Args<'_>, what: &str) -> PyResult {
    let Some(this) = a.args.first() else { raise!(TypeError, "expected an exception") };
    let args: Vec<Value> = this
        .downcast::<crate::exceptions::PyBaseException>()
        .and_then(|e| crate::seq::tuple_items(&e.args.lock()).map(<[Value]>::to_vec))
        .unwrap_or_default();
    // (encoding, object, start, end, reason), or (object, start, end, reason)
    // for UnicodeTranslateError.
    let (encoding, rest) = if what == "translate" {
        (None, &args[..])
    } else {
        match args.split_first() {
            Some((e, rest)) => (Some(e), rest),
            None => (None, &args[..0]),
        }
    };
    let fields = match rest {
        [object, start, end, reason] => Some((object, start, end, reason)),
        _ => None,
    };
    let Some((object, start, end, reason)) = fields.filter(|_| what == "translate" || encoding.is_some()) else {
        return match args.len() {
            0 => Ok(new_str("")),
            1 => ops::str_(ts, &args[0]),
            _ => ops::repr(ts, &crate::seq::new_tuple(args)),
        };
    };
    let reason = ops::str_string(ts, reason)?;
    let start = crate::num::int_to_i64(start).unwrap_or(0);
    let end = crate::num::int_to_i64(end).unwrap_or(0);
    let prefix = match encoding {
        Some(e) => format!("'{}' codec can't {what}", ops::str_string(ts, e)?),
        None => format!("can't {what}"),
    };
    if end == start + 1 && start >= 0 {
        if what == "decode" {
            if let Some(byte) = super::containers::bytes_data(object).and_then(|d| d.get(start as usize).copied()) {
                return Ok(new_string(format!("{prefix} byte 0x{byte:02x} in position {start}: {reason}")));
            }
        } else if let Some(cp) = as_data(object).and_then(|d| d.char_at(start as usize)) {
            let ch = if cp <= 0xFF {
                format!("\\x{cp:02x}")
            } else if cp <= 0xFFFF {
                format!("\\u{cp:04x}")
            } else {
                format!("\\U{cp:08x}")
            };
            return Ok(new_string(format!("{prefix} character '{ch}' in position {start}: {reason}")));
        }
    }
    let unit = if what == "decode" { "bytes" } else { "characters" };
    Ok(new_string(format!("{prefix} {unit} in position {start}-{}: {reason}", end - 1)))
}

