//! The math group's modules (`math`, `cmath`, `_random`, `_struct`,
//! `binascii`, `zlib`, `_bz2`/`_lzma` (compress.rs), the hashlib backends, `_bisect`, `array`,
//! `unicodedata`) and the small argument/exception helpers they share.

pub(crate) mod array;
pub(crate) mod binascii;
pub(crate) mod bisect;
pub(crate) mod cmath;
pub(crate) mod compress;
pub(crate) mod hashes;
pub(crate) mod heapq;
pub(crate) mod mathmod;
pub(crate) mod random;
pub(crate) mod structmod;
pub(crate) mod unicodedata;
pub(crate) mod zlib;

use spindle_num::Int;
use spindle_vm::builtins_init::numbers::{num_err, to_int};
use spindle_vm::function::Args;
use spindle_vm::interp::ThreadState;
use spindle_vm::num::float_value;
use spindle_vm::object::TypeRef;
use spindle_vm::runtime::rt;
use spindle_vm::str::new_str;
use spindle_vm::{PyErr, PyResult, Value, ops, raise};

/// Parses positional-or-keyword parameters `names`, the first `required`
/// mandatory (positional args start at `skip`, to pass over `self`).
pub(crate) fn parse<const N: usize>(
    fname: &str,
    args: &Args<'_>,
    skip: usize,
    names: [&str; N],
    required: usize,
) -> PyResult<[Option<Value>; N]> {
    let mut out: [Option<Value>; N] = std::array::from_fn(|_| None);
    let pos = args.positional();
    let pos = pos.get(skip..).unwrap_or(&[]);
    if pos.len() > N {
        raise!(
            TypeError,
            "{}() takes at most {} argument{} ({} given)",
            fname,
            N,
            if N == 1 { "" } else { "s" },
            pos.len()
        );
    }
    for (i, v) in pos.iter().enumerate() {
        out[i] = Some(v.clone());
    }
    for (k, v) in args.kwargs() {
        match names.iter().position(|n| *n == k) {
            Some(i) => {
                if out[i].is_some() {
                    raise!(TypeError, "argument for {}() given by name ('{}') and position ({})", fname, k, i + 1);
                }
                out[i] = Some(v.clone());
            }
            None => raise!(TypeError, "{}() got an unexpected keyword argument '{}'", fname, k),
        }
    }
    for (i, o) in out.iter().enumerate().take(required) {
        if o.is_none() {
            raise!(TypeError, "{}() missing required argument '{}' (pos {})", fname, names[i], i + 1);
        }
    }
    Ok(out)
}

/// Exactly `n` positional arguments after `skip`, no keywords.
pub(crate) fn exact<'a>(fname: &str, args: &Args<'a>, skip: usize, min: usize, max: usize) -> PyResult<&'a [Value]> {
    if args.has_kwargs() {
        raise!(TypeError, "{}() takes no keyword arguments", fname);
    }
    let pos = args.args.get(skip..).unwrap_or(&[]);
    if pos.len() < min || pos.len() > max {
        if min == max {
            if min == 1 {
                raise!(TypeError, "{}() takes exactly one argument ({} given)", fname, pos.len());
            }
            if min == 0 {
                raise!(TypeError, "{}() takes no arguments ({} given)", fname, pos.len());
            }
            raise!(TypeError, "{} expected {} arguments, got {}", fname, min, pos.len());
        }
        if pos.len() < min {
            raise!(TypeError, "{} expected at least {} argument{}, got {}", fname, min, if min == 1 { "" } else { "s" }, pos.len());
        }
        raise!(TypeError, "{} expected at most {} argument{}, got {}", fname, max, if max == 1 { "" } else { "s" }, pos.len());
    }
    Ok(pos)
}

/// A float from a real number (float, `__float__`, `__index__`), as
/// CPython's `PyFloat_AsDouble`.
pub(crate) fn real(ts: &ThreadState, v: &Value) -> PyResult<f64> {
    if let Some(f) = float_value(v) {
        return Ok(f);
    }
    if let Some(i) = to_int(v) {
        return i.to_f64().map_err(num_err);
    }
    if let Some(r) = ops::call_dunder(ts, v, "__float__", &[])? {
        return match float_value(&r) {
            Some(f) => Ok(f),
            None => raise!(TypeError, "{}.__float__ returned non-float (type {})", ops::type_name(v), ops::type_name(&r)),
        };
    }
    if let Some(r) = ops::call_dunder(ts, v, "__index__", &[])? {
        if let Some(i) = to_int(&r) {
            return i.to_f64().map_err(num_err);
        }
    }
    raise!(TypeError, "must be real number, not {}", ops::type_name(v))
}

/// An int from an object with `__index__`.
pub(crate) fn index_int(ts: &ThreadState, v: &Value) -> PyResult<Int> {
    if let Some(i) = to_int(v) {
        return Ok(i);
    }
    let r = ops::index(ts, v)?;
    to_int(&r).ok_or_else(|| spindle_vm::err!(TypeError, "'{}' object cannot be interpreted as an integer", ops::type_name(v)))
}

/// An i64 from an index; overflow raises OverflowError with `msg`.
pub(crate) fn index_i64(ts: &ThreadState, v: &Value) -> PyResult<i64> {
    let i = index_int(ts, v)?;
    i.to_i64().ok_or_else(|| spindle_vm::err!(OverflowError, "Python int too large to convert to C ssize_t"))
}

/// A new exception class `module.name` deriving from `base`.
pub(crate) fn new_exc_class(ts: &ThreadState, module: &str, name: &str, base: TypeRef) -> PyResult<Value> {
    let d = spindle_vm::builtins_init::new_dict();
    ops::setitem(ts, &d, &new_str("__module__"), new_str(module))?;
    let bases = spindle_vm::seq::new_tuple(vec![base.to_value()]);
    ops::call(ts, &rt().types.type_.to_value(), &[new_str(name), bases, d])
}

/// An exception instance of class `cls` (a Value) with message `msg`.
pub(crate) fn exc_of(ts: &ThreadState, cls: &Value, msg: &str) -> PyErr {
    match ops::call(ts, cls, &[new_str(msg)]) {
        Ok(v) => PyErr(v),
        Err(e) => e,
    }
}

/// Bytes of a bytes-like argument (bytes, bytearray, memoryview-ish).
pub(crate) fn bytes_of(ts: &ThreadState, v: &Value, fname: &str) -> PyResult<Vec<u8>> {
    if let Some(b) = v.downcast::<spindle_vm::bytes::PyBytes>() {
        return Ok(b.data.to_vec());
    }
    if let Some(b) = v.downcast::<spindle_vm::bytes::PyByteArray>() {
        return Ok(b.data.lock().clone());
    }
    if let Some(a) = v.downcast::<array::PyArray>() {
        return Ok(a.to_bytes());
    }
    if let Some(b) = spindle_vm::builtins_init::containers::bytes_data(v) {
        return Ok(b);
    }
    let _ = ts;
    raise!(TypeError, "{}a bytes-like object is required, not '{}'", fname, ops::type_name(v))
}

/// Bytes of an ASCII str or bytes-like argument (binascii's `a2b_*` input).
pub(crate) fn ascii_or_bytes(ts: &ThreadState, v: &Value) -> PyResult<Vec<u8>> {
    if let Some(s) = spindle_vm::str::as_str(v) {
        if !s.is_ascii() {
            raise!(ValueError, "string argument should contain only ASCII characters");
        }
        return Ok(s.as_bytes().to_vec());
    }
    if v.downcast::<spindle_vm::bytes::PyBytes>().is_some()
        || v.downcast::<spindle_vm::bytes::PyByteArray>().is_some()
        || v.downcast::<array::PyArray>().is_some()
    {
        return bytes_of(ts, v, "");
    }
    raise!(TypeError, "argument should be bytes, buffer or ASCII string, not '{}'", ops::type_name(v))
}

/// A bool from an optional argument (default `dflt`).
pub(crate) fn opt_bool(ts: &ThreadState, v: &Option<Value>, dflt: bool) -> PyResult<bool> {
    match v {
        Some(v) => ops::is_true(ts, v),
        None => Ok(dflt),
    }
}

/// The payload of `args[0]` (the bound instance) as `T`.
pub(crate) fn this<'a, T: spindle_vm::object::PyPayload>(a: &'a Args<'_>, what: &str) -> PyResult<(&'a Value, &'a T)> {
    let Some(v) = a.args.first() else { raise!(TypeError, "descriptor needs an argument") };
    match v.downcast::<T>() {
        Some(p) => Ok((v, p)),
        None => raise!(TypeError, "descriptor requires a '{}' object but received a '{}'", what, ops::type_name(v)),
    }
}

/// Adds a read-only attribute computed by `get(self)`.
pub(crate) fn add_getter(t: TypeRef, name: &'static str, get: spindle_vm::function::NativeFnPtr) {
    spindle_vm::native::add_property(t, name, get, None);
}

/// The class `cls` (`args[0]` of a `__new__`) as a TypeRef.
pub(crate) fn cls_of(a: &Args<'_>) -> PyResult<TypeRef> {
    match a.args.first().and_then(TypeRef::from_value) {
        Some(t) => Ok(t),
        None => raise!(TypeError, "__new__(X): X is not a type object"),
    }
}

/// `n` bytes from the OS's random source.
pub(crate) fn urandom(n: usize) -> Vec<u8> {
    use std::io::Read;
    let mut buf = vec![0u8; n];
    let ok = std::fs::File::open("/dev/urandom").and_then(|mut f| f.read_exact(&mut buf)).is_ok();
    if !ok {
        let t = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.as_nanos()).unwrap_or(0);
        let mut x = (t as u64) ^ (std::process::id() as u64).rotate_left(32) ^ 0x9E37_79B9_7F4A_7C15;
        for b in buf.iter_mut() {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            *b = x as u8;
        }
    }
    buf
}
