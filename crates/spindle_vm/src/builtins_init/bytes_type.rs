//! `bytes` and `bytearray`: one method table shared by both types. Methods
//! that build a new byte string return self's builtin kind (`bytes` for bytes
//! and its subclasses, `bytearray` for bytearray and its subclasses), as
//! CPython does; arguments accept any bytes-like object.

use crate::bytes::{PyByteArray, PyBytes, new_bytearray, new_bytes};
use crate::cell::PySlice;
use crate::error::PyResult;
use crate::function::Args;
use crate::interp::ThreadState;
use crate::memory;
use crate::num::{new_bool, new_int};
use crate::ops::{self, CmpOp};
use crate::runtime::{Runtime, is_none, none, rt};
use crate::seq::{new_list, new_tuple};
use crate::str::{as_data, as_str, new_string};
use crate::value::Value;
use crate::{err, raise};

use super::{add_methods, add_new};

// ---------------------------------------------------------------- data access

/// The bytes of any bytes-like object (bytes, bytearray, memoryview), copied.
pub fn bytes_data(v: &Value) -> Option<Vec<u8>> {
    if let Some(b) = v.downcast::<PyBytes>() {
        return Some(b.data.to_vec());
    }
    if let Some(m) = v.downcast::<crate::memoryview::PyMemoryView>() {
        return Some(m.to_vec());
    }
    if let Some(b) = v.downcast::<PyByteArray>() {
        return Some(b.data.lock().clone());
    }
    crate::buffer::exporter(v).map(|e| (e.read)(v))
}

/// A bytes-like object's bytes, or the bytes of an iterable of ints.
pub fn bytes_like(ts: &ThreadState, v: &Value) -> PyResult<Vec<u8>> {
    match bytes_data(v) {
        Some(d) => Ok(d),
        None => {
            let items = ops::collect(ts, v)?;
            items.iter().map(|x| byte_value(ts, x)).collect()
        }
    }
}

/// An int in range(256), as CPython checks a single byte.
pub fn byte_value(ts: &ThreadState, x: &Value) -> PyResult<u8> {
    let i = ops::index(ts, x).map_err(|_| err!(TypeError, "'{}' object cannot be interpreted as an integer", ops::type_name(x)))?;
    match crate::num::int_to_i64(&i) {
        Some(v) if (0..256).contains(&v) => Ok(v as u8),
        _ => raise!(ValueError, "byte must be in range(0, 256)"),
    }
}

/// A required buffer argument: "a bytes-like object is required, not 'str'".
fn buffer(v: &Value) -> PyResult<Vec<u8>> {
    bytes_data(v).ok_or_else(|| err!(TypeError, "a bytes-like object is required, not '{}'", ops::type_name(v)))
}

/// The needle of find/count/index: a bytes-like object or one byte as an int.
fn needle(ts: &ThreadState, v: &Value) -> PyResult<Vec<u8>> {
    if let Some(d) = bytes_data(v) {
        return Ok(d);
    }
    if !crate::num::is_int(v) && v.type_ref().lookup_static("__index__").is_none() {
        raise!(TypeError, "argument should be integer or bytes-like object, not '{}'", ops::type_name(v));
    }
    Ok(vec![byte_value(ts, v)?])
}

fn is_ba(v: &Value) -> bool {
    v.downcast::<PyByteArray>().is_some()
}

fn tyname(a: &Args<'_>) -> &'static str {
    if a.args.first().is_some_and(is_ba) { "bytearray" } else { "bytes" }
}

/// Self's bytes.
fn me(a: &Args<'_>) -> PyResult<Vec<u8>> {
    a.args.first().and_then(bytes_data).ok_or_else(|| err!(TypeError, "descriptor requires a 'bytes' object"))
}

/// A new object of self's builtin kind.
fn make(a: &Args<'_>, d: Vec<u8>) -> Value {
    if a.args.first().is_some_and(is_ba) { new_bytearray(d) } else { new_bytes(&d) }
}

/// Self itself when it is an exact `bytes` (CPython shares it), else a copy of `d`.
fn same_or_make(a: &Args<'_>, d: Vec<u8>) -> Value {
    match a.args.first() {
        Some(s) if s.type_ref() == rt().types.bytes => s.clone(),
        _ => make(a, d),
    }
}

fn bytearray_of<'a>(a: &'a Args<'_>) -> PyResult<&'a PyByteArray> {
    super::this::<PyByteArray>(a, "bytearray")
}

/// A bytearray about to change size: refused while a memoryview exports it.
fn check_resizable(ba: &PyByteArray) -> PyResult<()> {
    if ba.exports.load(std::sync::atomic::Ordering::Acquire) > 0 {
        raise!(BufferError, "Existing exports of data: object cannot be re-sized");
    }
    Ok(())
}

/// CPython's header and trailing NUL of a bytes object (`PyBytesObject_SIZE`):
/// a bytes object holds at most `isize::MAX` less this many bytes.
const BYTES_OVERHEAD: usize = 33;

/// `n` zero bytes to become a bytes object: past the largest bytes object,
/// CPython's OverflowError; MemoryError when the allocator refuses.
pub fn zeroed_bytes_object(n: usize) -> PyResult<Vec<u8>> {
    if n > isize::MAX as usize - BYTES_OVERHEAD {
        raise!(OverflowError, "byte string is too large");
    }
    memory::zeroed_bytes(n)
}

/// An empty buffer with room for a result of `n` bytes: past the largest
/// bytes object, CPython's OverflowError for bytes (a bytearray's is a
/// MemoryError); MemoryError when the allocator refuses.
fn result_buf(bytes: bool, n: usize) -> PyResult<Vec<u8>> {
    if bytes && n > isize::MAX as usize - BYTES_OVERHEAD {
        raise!(OverflowError, "byte string is too large");
    }
    memory::with_capacity(n)
}

/// Whether a method's result is a bytes object (not a bytearray).
fn makes_bytes(a: &Args<'_>) -> bool {
    !a.args.first().is_some_and(is_ba)
}

// ---------------------------------------------------------------- argument parsing

/// Positional-only arguments (self excluded), with CPython's Argument Clinic messages.
fn pos_args<'a>(a: &Args<'a>, name: &str, min: usize, max: usize) -> PyResult<&'a [Value]> {
    let ty = tyname(a);
    if a.has_kwargs() {
        raise!(TypeError, "{}.{}() takes no keyword arguments", ty, name);
    }
    let pos = a.args.get(1..).unwrap_or(&[]);
    let n = pos.len();
    if n < min || n > max {
        if min == max {
            match min {
                0 => raise!(TypeError, "{}.{}() takes no arguments ({} given)", ty, name, n),
                1 => raise!(TypeError, "{}.{}() takes exactly one argument ({} given)", ty, name, n),
                _ => raise!(TypeError, "{} expected {} arguments, got {}", name, min, n),
            }
        }
        if n < min {
            raise!(TypeError, "{} expected at least {} argument{}, got {}", name, min, if min == 1 { "" } else { "s" }, n);
        }
        raise!(TypeError, "{} expected at most {} argument{}, got {}", name, max, if max == 1 { "" } else { "s" }, n);
    }
    Ok(pos)
}

/// Positional-or-keyword arguments (self excluded) named `names`, the first `required` mandatory.
fn kw_args<const N: usize>(a: &Args<'_>, name: &str, names: [&str; N], required: usize) -> PyResult<[Option<Value>; N]> {
    let mut out: [Option<Value>; N] = std::array::from_fn(|_| None);
    let pos = a.positional().get(1..).unwrap_or(&[]);
    let given = a.args.len().saturating_sub(1);
    if given > N {
        raise!(TypeError, "{}() takes at most {} argument{} ({} given)", name, N, if N == 1 { "" } else { "s" }, given);
    }
    for (slot, v) in out.iter_mut().zip(pos) {
        *slot = Some(v.clone());
    }
    for (k, v) in a.kwargs() {
        match names.iter().position(|n| *n == k) {
            Some(i) if out[i].is_some() => raise!(TypeError, "argument for {}() given by name ('{}') and position ({})", name, k, i + 1),
            Some(i) => out[i] = Some(v.clone()),
            None => raise!(TypeError, "{}() got an unexpected keyword argument '{}'", name, k),
        }
    }
    for (i, o) in out.iter().enumerate().take(required) {
        if o.is_none() {
            raise!(TypeError, "{}() missing required argument '{}' (pos {})", name, names[i], i + 1);
        }
    }
    Ok(out)
}

/// An int argument through `__index__`, saturated to the isize range.
fn int_arg(ts: &ThreadState, v: &Value) -> PyResult<isize> {
    let i = ops::index(ts, v).map_err(|_| err!(TypeError, "'{}' object cannot be interpreted as an integer", ops::type_name(v)))?;
    Ok(match crate::num::int_to_i64(&i) {
        Some(x) => x.clamp(isize::MIN as i64, isize::MAX as i64) as isize,
        None if crate::num::int_to_big(&i).is_some_and(|b| b < 0.into()) => isize::MIN,
        None => raise!(OverflowError, "Python int too large to convert to C ssize_t"),
    })
}

/// A start/end slice index (None allowed), saturated.
fn slice_index(ts: &ThreadState, v: Option<&Value>) -> PyResult<Option<i64>> {
    let Some(v) = v.filter(|v| !is_none(v)) else { return Ok(None) };
    let i = ops::index(ts, v).map_err(|_| err!(TypeError, "slice indices must be integers or None or have an __index__ method"))?;
    Ok(Some(crate::num::int_to_i64(&i).unwrap_or_else(|| if crate::num::int_to_big(&i).is_some_and(|b| b < 0.into()) { i64::MIN } else { i64::MAX })))
}

/// CPython's index adjustment for start/end: negative counts from the end,
/// clamped to 0 and to `len` (start may stay past the end).
fn adjust(start: Option<i64>, end: Option<i64>, len: usize) -> (usize, usize) {
    let n = len as i64;
    let fix = |v: i64| if v < 0 { (v.saturating_add(n)).max(0) } else { v };
    let s = fix(start.unwrap_or(0));
    let e = fix(end.unwrap_or(n)).min(n);
    (s.max(0) as usize, e.max(0) as usize)
}

// ---------------------------------------------------------------- searching

fn find_in(hay: &[u8], sub: &[u8]) -> Option<usize> {
    if sub.is_empty() {
        return Some(0);
    }
    if sub.len() > hay.len() {
        return None;
    }
    hay.windows(sub.len()).position(|w| w == sub)
}

fn rfind_in(hay: &[u8], sub: &[u8]) -> Option<usize> {
    if sub.is_empty() {
        return Some(hay.len());
    }
    if sub.len() > hay.len() {
        return None;
    }
    hay.windows(sub.len()).rposition(|w| w == sub)
}

/// Non-overlapping occurrences of a non-empty `sub`, at most `max`.
fn count_in(hay: &[u8], sub: &[u8], max: usize) -> usize {
    let mut n = 0;
    let mut i = 0;
    while n < max && i + sub.len() <= hay.len() {
        if &hay[i..i + sub.len()] == sub {
            n += 1;
            i += sub.len();
        } else {
            i += 1;
        }
    }
    n
}

/// find/rfind/index/rindex/count(sub[, start[, end]]).
fn search(ts: &ThreadState, a: Args<'_>, name: &str) -> PyResult {
    let p = pos_args(&a, name, 1, 3)?;
    let d = me(&a)?;
    let sub = needle(ts, &p[0])?;
    let (s, e) = adjust(slice_index(ts, p.get(1))?, slice_index(ts, p.get(2))?, d.len());
    if name == "count" {
        if s > e || s > d.len() {
            return Ok(new_int(0));
        }
        let hay = &d[s..e];
        return Ok(new_int(if sub.is_empty() { hay.len() as i64 + 1 } else { count_in(hay, &sub, usize::MAX) as i64 }));
    }
    let found = if s > e || s > d.len() {
        None
    } else if name.starts_with('r') {
        rfind_in(&d[s..e], &sub).map(|p| p + s)
    } else {
        find_in(&d[s..e], &sub).map(|p| p + s)
    };
    match found {
        Some(i) => Ok(new_int(i as i64)),
        None if name.ends_with("index") => raise!(ValueError, "subsection not found"),
        None => Ok(new_int(-1)),
    }
}

/// startswith/endswith(prefix[, start[, end]]), prefix a bytes-like object or a tuple of them.
fn starts_ends(ts: &ThreadState, a: Args<'_>, name: &str) -> PyResult {
    let p = pos_args(&a, name, 1, 3)?;
    let d = me(&a)?;
    let (s, e) = adjust(slice_index(ts, p.get(1))?, slice_index(ts, p.get(2))?, d.len());
    let test = |pre: &[u8]| -> bool {
        if s > d.len() || e < s || e - s < pre.len() {
            return false;
        }
        let hay = &d[s..e];
        if name == "startswith" { hay.starts_with(pre) } else { hay.ends_with(pre) }
    };
    if let Some(items) = crate::seq::tuple_items(&p[0]) {
        for it in items {
            if test(&buffer(it)?) {
                return Ok(new_bool(true));
            }
        }
        return Ok(new_bool(false));
    }
    match bytes_data(&p[0]) {
        Some(pre) => Ok(new_bool(test(&pre))),
        None => raise!(TypeError, "{} first arg must be bytes or a tuple of bytes, not {}", name, ops::type_name(&p[0])),
    }
}

// ---------------------------------------------------------------- character classes

/// CPython's Py_ISSPACE for bytes (includes \v, unlike Rust's is_ascii_whitespace).
fn is_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c)
}

fn predicate(a: Args<'_>, name: &str, f: fn(&[u8]) -> bool) -> PyResult {
    pos_args(&a, name, 0, 0)?;
    Ok(new_bool(f(&me(&a)?)))
}

fn is_lower(d: &[u8]) -> bool {
    d.iter().any(u8::is_ascii_lowercase) && !d.iter().any(u8::is_ascii_uppercase)
}

fn is_upper(d: &[u8]) -> bool {
    d.iter().any(u8::is_ascii_uppercase) && !d.iter().any(u8::is_ascii_lowercase)
}

fn is_title(d: &[u8]) -> bool {
    let mut cased = false;
    let mut prev_cased = false;
    for &b in d {
        if b.is_ascii_uppercase() {
            if prev_cased {
                return false;
            }
            prev_cased = true;
            cased = true;
        } else if b.is_ascii_lowercase() {
            if !prev_cased {
                return false;
            }
            prev_cased = true;
            cased = true;
        } else {
            prev_cased = false;
        }
    }
    cased
}

fn title(d: &[u8]) -> Vec<u8> {
    let mut prev_cased = false;
    d.iter()
        .map(|&b| {
            let out = if b.is_ascii_lowercase() {
                if prev_cased { b } else { b.to_ascii_uppercase() }
            } else if b.is_ascii_uppercase() {
                if prev_cased { b.to_ascii_lowercase() } else { b }
            } else {
                b
            };
            prev_cased = b.is_ascii_alphabetic();
            out
        })
        .collect()
}

fn transform(a: Args<'_>, name: &str, f: fn(&[u8]) -> Vec<u8>) -> PyResult {
    pos_args(&a, name, 0, 0)?;
    let d = me(&a)?;
    Ok(make(&a, f(&d)))
}

// ---------------------------------------------------------------- padding

/// The fill byte of center/ljust/rjust: a bytes-like object of length 1.
fn fill_byte(name: &str, v: Option<&Value>) -> PyResult<u8> {
    let Some(v) = v else { return Ok(b' ') };
    match bytes_data(v) {
        Some(d) if d.len() == 1 => Ok(d[0]),
        Some(d) => raise!(TypeError, "{}(): argument 2 must be a byte string of length 1, not a {} object of length {}", name, ops::type_name(v), d.len()),
        None => raise!(TypeError, "{}() argument 2 must be a byte string of length 1, not {}", name, ops::type_name(v)),
    }
}

fn pad(ts: &ThreadState, a: Args<'_>, name: &str) -> PyResult {
    let p = pos_args(&a, name, 1, 2)?;
    let d = me(&a)?;
    let width = int_arg(ts, &p[0])?;
    let fill = fill_byte(name, p.get(1))?;
    if width <= d.len() as isize {
        return Ok(same_or_make(&a, d));
    }
    let marg = width as usize - d.len();
    let left = match name {
        "ljust" => 0,
        "rjust" => marg,
        // CPython's centring: the odd extra column goes left when the width is odd.
        _ => marg / 2 + (marg & width as usize & 1),
    };
    let mut out = result_buf(makes_bytes(&a), width as usize)?;
    out.resize(left, fill);
    out.extend_from_slice(&d);
    out.resize(width as usize, fill);
    Ok(make(&a, out))
}

// ---------------------------------------------------------------- splitting

fn split_whitespace(d: &[u8], maxsplit: isize, reverse: bool) -> Vec<Vec<u8>> {
    let mut parts = Vec::new();
    let mut left = if maxsplit < 0 { usize::MAX } else { maxsplit as usize };
    if !reverse {
        let mut i = 0;
        while i < d.len() {
            while i < d.len() && is_space(d[i]) {
                i += 1;
            }
            if i == d.len() {
                break;
            }
            if left == 0 {
                parts.push(d[i..].to_vec());
                break;
            }
            let s = i;
            while i < d.len() && !is_space(d[i]) {
                i += 1;
            }
            parts.push(d[s..i].to_vec());
            left -= 1;
        }
    } else {
        let mut i = d.len();
        while i > 0 {
            while i > 0 && is_space(d[i - 1]) {
                i -= 1;
            }
            if i == 0 {
                break;
            }
            if left == 0 {
                parts.push(d[..i].to_vec());
                break;
            }
            let e = i;
            while i > 0 && !is_space(d[i - 1]) {
                i -= 1;
            }
            parts.push(d[i..e].to_vec());
            left -= 1;
        }
        parts.reverse();
    }
    parts
}

fn split_sep(d: &[u8], sep: &[u8], maxsplit: isize, reverse: bool) -> Vec<Vec<u8>> {
    let mut parts = Vec::new();
    let mut left = if maxsplit < 0 { usize::MAX } else { maxsplit as usize };
    if !reverse {
        let mut start = 0;
        let mut i = 0;
        while left > 0 && i + sep.len() <= d.len() {
            if &d[i..i + sep.len()] == sep {
                parts.push(d[start..i].to_vec());
                i += sep.len();
                start = i;
                left -= 1;
            } else {
                i += 1;
            }
        }
        parts.push(d[start..].to_vec());
    } else {
        let mut end = d.len();
        let mut i = d.len();
        while left > 0 && i >= sep.len() {
            if &d[i - sep.len()..i] == sep {
                parts.push(d[i..end].to_vec());
                i -= sep.len();
                end = i;
                left -= 1;
            } else {
                i -= 1;
            }
        }
        parts.push(d[..end].to_vec());
        parts.reverse();
    }
    parts
}

fn split(ts: &ThreadState, a: Args<'_>, name: &str) -> PyResult {
    let [sep, maxsplit] = kw_args(&a, name, ["sep", "maxsplit"], 0)?;
    let d = me(&a)?;
    let maxsplit = match &maxsplit {
        Some(m) => int_arg(ts, m)?,
        None => -1,
    };
    let reverse = name == "rsplit";
    let parts = match sep.filter(|s| !is_none(s)) {
        None => split_whitespace(&d, maxsplit, reverse),
        Some(s) => {
            let sep = buffer(&s)?;
            if sep.is_empty() {
                raise!(ValueError, "empty separator");
            }
            split_sep(&d, &sep, maxsplit, reverse)
        }
    };
    Ok(new_list(parts.into_iter().map(|p| make(&a, p)).collect()))
}

fn partition(a: Args<'_>, name: &str) -> PyResult {
    let p = pos_args(&a, name, 1, 1)?;
    let d = me(&a)?;
    let sep = buffer(&p[0])?;
    if sep.is_empty() {
        raise!(ValueError, "empty separator");
    }
    let empty = || make(&a, Vec::new());
    let found = if name == "partition" { find_in(&d, &sep) } else { rfind_in(&d, &sep) };
    Ok(match found {
        Some(i) => new_tuple(vec![make(&a, d[..i].to_vec()), make(&a, sep.clone()), make(&a, d[i + sep.len()..].to_vec())]),
        None if name == "partition" => new_tuple(vec![same_or_make(&a, d), empty(), empty()]),
        None => new_tuple(vec![empty(), empty(), same_or_make(&a, d)]),
    })
}

fn splitlines(d: &[u8], keep: bool) -> Vec<Vec<u8>> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while i < d.len() {
        if d[i] == b'\n' || d[i] == b'\r' {
            let mut end = i + 1;
            if d[i] == b'\r' && d.get(i + 1) == Some(&b'\n') {
                end += 1;
            }
            out.push(d[start..if keep { end } else { i }].to_vec());
            start = end;
            i = end;
        } else {
            i += 1;
        }
    }
    if start < d.len() {
        out.push(d[start..].to_vec());
    }
    out
}

// ---------------------------------------------------------------- strip, replace, misc

fn strip(a: Args<'_>, name: &str, which: u8) -> PyResult {
    let p = pos_args(&a, name, 0, 1)?;
    let d = me(&a)?;
    let chars = match p.first().filter(|x| !is_none(x)) {
        Some(c) => Some(buffer(c)?),
        None => None,
    };
    let strip = |b: u8| match &chars {
        Some(c) => c.contains(&b),
        None => is_space(b),
    };
    let mut s = 0;
    let mut e = d.len();
    if which & 1 != 0 {
        while s < e && strip(d[s]) {
            s += 1;
        }
    }
    if which & 2 != 0 {
        while e > s && strip(d[e - 1]) {
            e -= 1;
        }
    }
    if s == 0 && e == d.len() {
        return Ok(same_or_make(&a, d));
    }
    Ok(make(&a, d[s..e].to_vec()))
}

fn replace(ts: &ThreadState, a: Args<'_>) -> PyResult {
    let p = pos_args(&a, "replace", 2, 3)?;
    let d = me(&a)?;
    let old = buffer(&p[0])?;
    let new = buffer(&p[1])?;
    let count = match p.get(2) {
        Some(c) => int_arg(ts, c)?,
        None => -1,
    };
    let mut left = if count < 0 { usize::MAX } else { count as usize };
    let mut out = Vec::with_capacity(d.len());
    if old.is_empty() {
        // The new bytes go before every byte and at the end, `count` times at most.
        let k = left.min(d.len() + 1);
        for (i, &b) in d.iter().enumerate() {
            if i < k {
                memory::reserve(&mut out, new.len())?;
                out.extend_from_slice(&new);
            }
            out.push(b);
        }
        if k > d.len() {
            memory::reserve(&mut out, new.len())?;
            out.extend_from_slice(&new);
        }
        return Ok(make(&a, out));
    }
    let mut i = 0;
    while i < d.len() {
        if left > 0 && d[i..].starts_with(&old) {
            memory::reserve(&mut out, new.len())?;
            out.extend_from_slice(&new);
            i += old.len();
            left -= 1;
        } else {
            out.push(d[i]);
            i += 1;
        }
    }
    Ok(make(&a, out))
}

fn expandtabs(ts: &ThreadState, a: Args<'_>) -> PyResult {
    let [tabsize] = kw_args(&a, "expandtabs", ["tabsize"], 0)?;
    let d = me(&a)?;
    let tab = match &tabsize {
        Some(t) => ops::c_int(ts, t)? as isize,
        None => 8,
    };
    let mut out = Vec::with_capacity(d.len());
    let mut col: usize = 0;
    for &b in &d {
        match b {
            b'\t' => {
                if tab > 0 {
                    let n = tab as usize - col % tab as usize;
                    memory::reserve(&mut out, n)?;
                    out.resize(out.len() + n, b' ');
                    col += n;
                }
            }
            b'\n' | b'\r' => {
                out.push(b);
                col = 0;
            }
            _ => {
                out.push(b);
                col += 1;
            }
        }
    }
    Ok(make(&a, out))
}

fn zfill(ts: &ThreadState, a: Args<'_>) -> PyResult {
    let p = pos_args(&a, "zfill", 1, 1)?;
    let d = me(&a)?;
    let width = int_arg(ts, &p[0])?;
    if width <= d.len() as isize {
        return Ok(same_or_make(&a, d));
    }
    let fill = width as usize - d.len();
    let mut out = result_buf(makes_bytes(&a), width as usize)?;
    out.resize(fill, b'0');
    out.extend_from_slice(&d);
    if let Some(&sign @ (b'+' | b'-')) = out.get(fill) {
        out[0] = sign;
        out[fill] = b'0';
    }
    Ok(make(&a, out))
}

fn affix(a: Args<'_>, name: &str) -> PyResult {
    let p = pos_args(&a, name, 1, 1)?;
    let d = me(&a)?;
    let x = buffer(&p[0])?;
    if name == "removeprefix" && !x.is_empty() && d.starts_with(&x) {
        return Ok(make(&a, d[x.len()..].to_vec()));
    }
    if name == "removesuffix" && !x.is_empty() && d.ends_with(&x) {
        return Ok(make(&a, d[..d.len() - x.len()].to_vec()));
    }
    Ok(same_or_make(&a, d))
}

fn join(ts: &ThreadState, a: Args<'_>) -> PyResult {
    let p = pos_args(&a, "join", 1, 1)?;
    let sep = me(&a)?;
    if ops::iter(ts, &p[0]).is_err() {
        raise!(TypeError, "can only join an iterable");
    }
    let mut out = Vec::new();
    for (i, x) in ops::collect(ts, &p[0])?.iter().enumerate() {
        if i > 0 {
            out.extend_from_slice(&sep);
        }
        match bytes_data(x) {
            Some(d) => out.extend(d),
            None => raise!(TypeError, "sequence item {}: expected a bytes-like object, {} found", i, ops::type_name(x)),
        }
    }
    Ok(make(&a, out))
}

fn translate(a: Args<'_>) -> PyResult {
    let [table, delete] = kw_args(&a, "translate", ["table", "delete"], 1)?;
    if a.kwargs().any(|(k, _)| k == "table") {
        raise!(TypeError, "translate() got some positional-only arguments passed as keyword arguments: 'table'");
    }
    let d = me(&a)?;
    let tbl = match table.filter(|t| !is_none(t)) {
        Some(t) => {
            let tb = buffer(&t)?;
            if tb.len() != 256 {
                raise!(ValueError, "translation table must be 256 characters long");
            }
            Some(tb)
        }
        None => None,
    };
    let del = match delete {
        Some(x) => buffer(&x)?,
        None => Vec::new(),
    };
    let out: Vec<u8> = d.iter().filter(|b| !del.contains(b)).map(|&b| tbl.as_ref().and_then(|t| t.get(b as usize).copied()).unwrap_or(b)).collect();
    Ok(make(&a, out))
}

fn maketrans(_ts: &ThreadState, a: Args<'_>) -> PyResult {
    // Called as a static method: the arguments are all positional, no self.
    if a.has_kwargs() {
        raise!(TypeError, "maketrans() takes no keyword arguments");
    }
    let [x, y] = a.args else { raise!(TypeError, "maketrans expected 2 arguments, got {}", a.args.len()) };
    let x = buffer(x)?;
    let y = buffer(y)?;
    if x.len() != y.len() {
        raise!(ValueError, "maketrans arguments must have same length");
    }
    let mut table: Vec<u8> = (0..=255u8).collect();
    for (f, t) in x.iter().zip(y.iter()) {
        table[*f as usize] = *t;
    }
    Ok(new_bytes(&table))
}

// ---------------------------------------------------------------- hex

/// `hex(sep=..., bytes_per_sep=1)`, shared with memoryview.
pub fn hex_with_sep(ts: &ThreadState, d: &[u8], sep: Option<&Value>, per: Option<&Value>) -> PyResult<String> {
    let sep = match sep {
        None => None,
        Some(s) => {
            let chars: Vec<u32> = if let Some(sd) = as_data(s) {
                sd.code_points().collect()
            } else if let Some(b) = bytes_data(s) {
                b.iter().map(|&x| u32::from(x)).collect()
            } else {
                raise!(TypeError, "object of type '{}' has no len()", ops::type_name(s))
            };
            if chars.len() != 1 {
                raise!(ValueError, "sep must be length 1.");
            }
            match char::from_u32(chars[0]).filter(char::is_ascii) {
                Some(c) => Some(c),
                None => raise!(ValueError, "sep must be ASCII."),
            }
        }
    };
    let per = match per {
        Some(p) => int_arg(ts, p)?,
        None => 1,
    };
    let mut out = String::with_capacity(d.len() * 3);
    let group = per.unsigned_abs();
    for (i, b) in d.iter().enumerate() {
        if let Some(c) = sep {
            // Groups count from the right for a positive bytes_per_sep, from the left otherwise.
            let boundary = if per > 0 { (d.len() - i) % group == 0 } else { i % group == 0 };
            if i > 0 && group > 0 && boundary {
                out.push(c);
            }
        }
        out.push_str(&format!("{b:02x}"));
    }
    Ok(out)
}

fn hex(ts: &ThreadState, a: Args<'_>) -> PyResult {
    let [sep, per] = kw_args(&a, "hex", ["sep", "bytes_per_sep"], 0)?;
    let d = me(&a)?;
    Ok(new_string(hex_with_sep(ts, &d, sep.as_ref(), per.as_ref())?))
}

fn hex_digit(c: u32) -> Option<u8> {
    char::from_u32(c).and_then(|c| c.to_digit(16)).map(|v| v as u8)
}

fn fromhex(ts: &ThreadState, a: Args<'_>) -> PyResult {
    // Bound as a class method: args[0] is the class.
    if a.has_kwargs() {
        raise!(TypeError, "fromhex() takes no keyword arguments");
    }
    let [cls, s] = a.args else { raise!(TypeError, "fromhex() takes exactly one argument ({} given)", a.args.len().saturating_sub(1)) };
    let units: Vec<u32> = if let Some(sd) = as_data(s) {
        sd.code_points().collect()
    } else if let Some(b) = bytes_data(s) {
        b.iter().map(|&x| u32::from(x)).collect()
    } else {
        raise!(TypeError, "fromhex() argument must be str or bytes-like, not {}", ops::type_name(s))
    };
    let mut out = Vec::with_capacity(units.len() / 2);
    let mut i = 0;
    loop {
        while i < units.len() && u8::try_from(units[i]).is_ok_and(is_space) {
            i += 1;
        }
        let Some(&hi) = units.get(i) else { break };
        let Some(top) = hex_digit(hi) else { raise!(ValueError, "non-hexadecimal number found in fromhex() arg at position {}", i) };
        i += 1;
        let Some(&lo) = units.get(i) else { raise!(ValueError, "fromhex() arg must contain an even number of hexadecimal digits") };
        let Some(bot) = hex_digit(lo) else { raise!(ValueError, "non-hexadecimal number found in fromhex() arg at position {}", i) };
        out.push(top * 16 + bot);
        i += 1;
    }
    let r = rt();
    if cls.is(&r.types.bytearray.to_value()) {
        return Ok(new_bytearray(out));
    }
    let b = new_bytes(&out);
    if cls.is(&r.types.bytes.to_value()) {
        return Ok(b);
    }
    ops::call(ts, cls, &[b])
}

// ---------------------------------------------------------------- dunders

pub fn bytes_repr(d: &[u8]) -> String {
    repr_quoted(d, false)
}

/// `b'...'` with CPython's quoting; bytearray's repr escapes `'` even inside `"`.
fn repr_quoted(d: &[u8], always_escape_single: bool) -> String {
    let quote = if d.contains(&b'\'') && !d.contains(&b'"') { '"' } else { '\'' };
    let mut s = String::from("b");
    s.push(quote);
    for &b in d {
        match b {
            b'\\' => s.push_str("\\\\"),
            b'\'' if always_escape_single => s.push_str("\\'"),
            b'\t' => s.push_str("\\t"),
            b'\n' => s.push_str("\\n"),
            b'\r' => s.push_str("\\r"),
            b if b as char == quote => {
                s.push('\\');
                s.push(quote);
            }
            32..=126 => s.push(b as char),
            _ => s.push_str(&format!("\\x{b:02x}")),
        }
    }
    s.push(quote);
    s
}

fn getitem(ts: &ThreadState, a: Args<'_>) -> PyResult {
    let p = pos_args(&a, "__getitem__", 1, 1)?;
    let key = &p[0];
    if let Some(sl) = key.downcast::<PySlice>() {
        // Slices copy just the selected bytes (one memcpy for step 1), never
        // the whole object first: _pyio's buffers slice 128 KiB blocks.
        let this = &a.args[0];
        let len = if let Some(b) = this.downcast::<PyBytes>() {
            Some(b.data.len())
        } else {
            this.downcast::<PyByteArray>().map(|b| b.data.lock().len())
        };
        if let Some(len) = len {
            let (start, _, step, count) = super::strings::slice_indices(ts, sl, len)?;
            let pick = |d: &[u8]| -> Vec<u8> {
                if step == 1 {
                    let s = start.max(0) as usize;
                    let e = s.saturating_add(count).min(d.len());
                    d.get(s..e).map(<[u8]>::to_vec).unwrap_or_default()
                } else {
                    let mut out = Vec::with_capacity(count);
                    out.extend((0..count).filter_map(|i| d.get((start + i as isize * step) as usize).copied()));
                    out
                }
            };
            let out = match this.downcast::<PyBytes>() {
                Some(b) => pick(&b.data),
                None => match this.downcast::<PyByteArray>() {
                    Some(b) => pick(&b.data.lock()),
                    None => Vec::new(),
                },
            };
            return Ok(make(&a, out));
        }
    }
    let d = me(&a)?;
    if let Some(sl) = key.downcast::<PySlice>() {
        let (start, _, step, count) = super::strings::slice_indices(ts, sl, d.len())?;
        let out: Vec<u8> = (0..count).filter_map(|i| d.get((start + i as isize * step) as usize).copied()).collect();
        return Ok(make(&a, out));
    }
    if !crate::num::is_int(key) && key.type_ref().lookup_static("__index__").is_none() {
        let what = if is_ba(&a.args[0]) { "bytearray" } else { "byte" };
        raise!(TypeError, "{} indices must be integers or slices, not {}", what, ops::type_name(key));
    }
    let i = ops::index_isize(ts, key)?;
    let n = d.len() as isize;
    let j = if i < 0 { i + n } else { i };
    match usize::try_from(j).ok().and_then(|j| d.get(j)) {
        Some(b) => Ok(new_int(i64::from(*b))),
        None if is_ba(&a.args[0]) => raise!(IndexError, "bytearray index out of range"),
        None => raise!(IndexError, "index out of range"),
    }
}

fn cmp(a: Args<'_>, op: CmpOp) -> PyResult {
    // bytes compares only with bytes-likes it knows; bytearray with any buffer.
    if a.args.first().is_some_and(|v| v.downcast::<PyBytes>().is_some()) && a.args.get(1).and_then(crate::buffer::exporter).is_some() {
        return Ok(rt().not_implemented.clone());
    }
    let (Some(x), Some(y)) = (a.args.first().and_then(bytes_data), a.args.get(1).and_then(bytes_data)) else {
        return Ok(rt().not_implemented.clone());
    };
    Ok(new_bool(op.apply(&x, &y)))
}

fn add(_ts: &ThreadState, a: Args<'_>) -> PyResult {
    let p = pos_args(&a, "__add__", 1, 1)?;
    let mut d = me(&a)?;
    match bytes_data(&p[0]) {
        Some(o) => d.extend(o),
        None => raise!(TypeError, "can't concat {} to {}", ops::type_name(&p[0]), ops::type_name(&a.args[0])),
    }
    Ok(make(&a, d))
}

/// The repeat count of `*`: None (NotImplemented) for a non-integer.
fn repeat_count(ts: &ThreadState, v: &Value) -> PyResult<Option<usize>> {
    if !crate::num::is_int(v) && v.type_ref().lookup_static("__index__").is_none() {
        return Ok(None);
    }
    let i = ops::index(ts, v)?;
    match crate::num::int_to_i64(&i) {
        Some(x) => Ok(Some(x.max(0) as usize)),
        None if crate::num::int_to_big(&i).is_some_and(|b| b < 0.into()) => Ok(Some(0)),
        None => raise!(OverflowError, "cannot fit 'int' into an index-sized integer"),
    }
}

/// `d` `n` times over, for a bytes result (`bytes`) or a bytearray.
fn repeated(d: &[u8], n: usize, bytes: bool) -> PyResult<Vec<u8>> {
    if bytes && d.len().checked_mul(n).is_none_or(|total| total > isize::MAX as usize) {
        raise!(OverflowError, "repeated bytes are too long");
    }
    memory::repeat(d, n)
}

fn mul(ts: &ThreadState, a: Args<'_>) -> PyResult {
    let p = pos_args(&a, "__mul__", 1, 1)?;
    let Some(n) = repeat_count(ts, &p[0])? else { return Ok(rt().not_implemented.clone()) };
    let d = me(&a)?;
    Ok(make(&a, repeated(&d, n, makes_bytes(&a))?))
}

fn contains(ts: &ThreadState, a: Args<'_>) -> PyResult {
    let p = pos_args(&a, "__contains__", 1, 1)?;
    let d = me(&a)?;
    if let Some(sub) = bytes_data(&p[0]) {
        return Ok(new_bool(find_in(&d, &sub).is_some()));
    }
    let b = needle(ts, &p[0])?;
    Ok(new_bool(d.contains(&b[0])))
}

fn hash(_ts: &ThreadState, a: Args<'_>) -> PyResult {
    use std::hash::Hasher;
    let d = me(&a)?;
    if d.is_empty() {
        return Ok(new_int(0));
    }
    let (k0, k1) = rt().hash_key;
    let mut h = siphasher::sip::SipHasher13::new_with_keys(k0, k1);
    h.write(&d);
    Ok(new_int(crate::str::fix_hash(h.finish() as i64)))
}

fn iter(_ts: &ThreadState, a: Args<'_>) -> PyResult {
    pos_args(&a, "__iter__", 0, 0)?;
    let t = if is_ba(&a.args[0]) { rt().types.bytearray_iterator } else { rt().types.bytes_iterator };
    Ok(super::containers::new_seq_iter(t, a.args[0].clone()))
}

fn bytes_new(ts: &ThreadState, a: Args<'_>) -> PyResult {
    let [cls, src, encoding, errors] = super::parse_args("bytes", a, ["cls", "source", "encoding", "errors"], 1)?;
    // A single argument with `__bytes__` converts through it.
    if let (Some(s), None, None) = (&src, &encoding, &errors) {
        if s.downcast::<PyBytes>().is_none() {
            if let Some(r) = ops::call_dunder(ts, s, "__bytes__", &[])? {
                if r.downcast::<PyBytes>().is_none() {
                    raise!(TypeError, "__bytes__ returned non-bytes (type {})", ops::type_name(&r));
                }
                return subclass_of_bytes(cls, r);
            }
        }
    }
    let data = bytes_source(ts, src, encoding, errors, true)?;
    subclass_of_bytes(cls, new_bytes(&data))
}

/// `bytes.__new__(cls, ...)` for a subclass: the same bytes in an instance of `cls`.
fn subclass_of_bytes(cls: Option<Value>, b: Value) -> PyResult {
    match cls.as_ref().and_then(crate::object::TypeRef::from_value) {
        Some(t) if t != rt().types.bytes => {
            let d = bytes_data(&b).unwrap_or_default();
            Ok(crate::object::alloc(t, PyBytes { data: d.into() }))
        }
        _ => Ok(b),
    }
}

fn bytearray_new(_ts: &ThreadState, a: Args<'_>) -> PyResult {
    // The contents come from __init__, as in CPython; __new__ only allocates (subclasses included).
    let t = a.args.first().and_then(crate::object::TypeRef::from_value).unwrap_or(rt().types.bytearray);
    Ok(crate::object::alloc(t, PyByteArray::default()))
}

fn bytearray_init(ts: &ThreadState, a: Args<'_>) -> PyResult {
    let ba = bytearray_of(&a)?;
    let [src, encoding, errors] = kw_args(&a, "bytearray", ["source", "encoding", "errors"], 0)?;
    let data = bytes_source(ts, src, encoding, errors, false)?;
    *ba.data.lock() = data;
    Ok(none())
}

/// `bytes(n)` / `bytearray(n)` (`bytes` tells which): `n` zero bytes.
fn zeroed_count(ts: &ThreadState, n: &Value, bytes: bool) -> PyResult<Vec<u8>> {
    let i = ops::index(ts, n)?;
    let Some(n) = crate::num::int_to_i64(&i) else {
        raise!(OverflowError, "cannot fit 'int' into an index-sized integer");
    };
    if n < 0 {
        raise!(ValueError, "negative count");
    }
    if bytes && n as usize > isize::MAX as usize - BYTES_OVERHEAD {
        raise!(OverflowError, "byte string is too large");
    }
    memory::zeroed_bytes(n as usize)
}

fn bytes_source(ts: &ThreadState, src: Option<Value>, encoding: Option<Value>, errors: Option<Value>, plural: bool) -> PyResult<Vec<u8>> {
    let Some(src) = src else {
        if encoding.is_some() {
            raise!(TypeError, "encoding without a string argument");
        }
        if errors.is_some() {
            raise!(TypeError, "errors without a string argument");
        }
        return Ok(Vec::new());
    };
    if as_str(&src).is_some() {
        if encoding.is_none() {
            raise!(TypeError, "string argument without an encoding");
        }
        let b = super::codecs::encode_str(ts, &src, encoding, errors)?;
        return Ok(bytes_data(&b).unwrap_or_default());
    }
    if encoding.is_some() {
        raise!(TypeError, "encoding without a string argument");
    }
    if errors.is_some() {
        raise!(TypeError, "errors without a string argument");
    }
    if crate::num::is_int(&src) {
        return zeroed_count(ts, &src, plural);
    }
    if let Some(d) = bytes_data(&src) {
        return Ok(d);
    }
    if src.type_ref().lookup_static("__index__").is_some() {
        return zeroed_count(ts, &src, plural);
    }
    if ops::iter(ts, &src).is_err() {
        raise!(TypeError, "cannot convert '{}' object to bytes", ops::type_name(&src));
    }
    let bytes = iterable_bytes(ts, &src, plural);
    // bytes() words the range error in the plural, bytearray() does not.
    bytes.map_err(|e| if plural && e.0.type_ref() == rt().exc.ValueError { err!(ValueError, "bytes must be in range(0, 256)") } else { e })
}

/// The bytes an iterable of ints yields, each checked as it comes. bytes()
/// (`hinted`) makes room from the length hint first, bytearray() does not
/// (as CPython's).
fn iterable_bytes(ts: &ThreadState, src: &Value, hinted: bool) -> PyResult<Vec<u8>> {
    let it = ops::iter(ts, src)?;
    let mut out = if hinted { memory::with_capacity(ops::length_hint(ts, src, 64)?)? } else { Vec::new() };
    while let Some(x) = ops::next(ts, &it)? {
        out.push(byte_value(ts, &x)?);
    }
    Ok(out)
}

// ---------------------------------------------------------------- bytearray mutation

fn ba_setitem(ts: &ThreadState, a: Args<'_>) -> PyResult {
    let p = pos_args(&a, "__setitem__", 2, 2)?;
    let ba = bytearray_of(&a)?;
    if let Some(sl) = p[0].downcast::<PySlice>() {
        // Read the source first: it may be this very bytearray.
        let new = if crate::num::is_int(&p[1]) {
            raise!(TypeError, "can assign only bytes, buffers, or iterables of ints in range(0, 256)")
        } else {
            bytes_like(ts, &p[1])?
        };
        // A plain slice resolves against the length under the lock, so the
        // assignment is one step; another's parts may run Python code
        // (`__index__`), so it resolves first and clamps under the lock.
        let plain = super::strings::slice_is_plain(sl);
        let mut d = ba.data.lock();
        let len = d.len();
        let (start, stop, step, count) = if plain {
            super::strings::slice_indices(ts, sl, len)?
        } else {
            drop(d);
            let r = super::strings::slice_indices(ts, sl, len)?;
            d = ba.data.lock();
            r
        };
        if step == 1 {
            let len = d.len();
            let st = (start.max(0) as usize).min(len);
            let en = (stop.max(start).max(0) as usize).min(len).max(st);
            if en - st != new.len() && ba.exports.load(std::sync::atomic::Ordering::Acquire) > 0 {
                drop(d);
                raise!(BufferError, "Existing exports of data: object cannot be re-sized");
            }
            d.splice(st..en, new);
            return Ok(none());
        }
        if new.len() != count {
            drop(d);
            raise!(ValueError, "attempt to assign bytes of size {} to extended slice of size {}", new.len(), count);
        }
        for (k, b) in new.into_iter().enumerate() {
            let idx = (start + k as isize * step) as usize;
            if let Some(slot) = d.get_mut(idx) {
                *slot = b;
            }
        }
        return Ok(none());
    }
    if !crate::num::is_int(&p[0]) && p[0].type_ref().lookup_static("__index__").is_none() {
        raise!(TypeError, "bytearray indices must be integers or slices, not {}", ops::type_name(&p[0]));
    }
    let i = ops::index_isize(ts, &p[0])?;
    let b = byte_value(ts, &p[1])?;
    let mut d = ba.data.lock();
    let n = d.len() as isize;
    let j = if i < 0 { i + n } else { i };
    match usize::try_from(j).ok().and_then(|j| d.get_mut(j)) {
        Some(slot) => *slot = b,
        None => {
            drop(d);
            raise!(IndexError, "bytearray index out of range");
        }
    }
    Ok(none())
}

fn ba_delitem(ts: &ThreadState, a: Args<'_>) -> PyResult {
    let p = pos_args(&a, "__delitem__", 1, 1)?;
    let ba = bytearray_of(&a)?;
    if let Some(sl) = p[0].downcast::<PySlice>() {
        let (start, step, count, mut d) = if super::strings::slice_is_plain(sl) {
            // Resolved against the length under the lock: one step.
            let d = ba.data.lock();
            let (start, _, step, count) = super::strings::slice_indices(ts, sl, d.len())?;
            (start, step, count, d)
        } else {
            let len = ba.data.lock().len();
            let (start, _, step, count) = super::strings::slice_indices(ts, sl, len)?;
            (start, step, count, ba.data.lock())
        };
        if count == 0 {
            return Ok(none());
        }
        if ba.exports.load(std::sync::atomic::Ordering::Acquire) > 0 {
            drop(d);
            raise!(BufferError, "Existing exports of data: object cannot be re-sized");
        }
        let mut gone = vec![false; d.len()];
        for i in 0..count {
            if let Some(g) = gone.get_mut((start + i as isize * step) as usize) {
                *g = true;
            }
        }
        let mut k = 0;
        d.retain(|_| {
            let keep = !gone.get(k).copied().unwrap_or(false);
            k += 1;
            keep
        });
        return Ok(none());
    }
    if !crate::num::is_int(&p[0]) && p[0].type_ref().lookup_static("__index__").is_none() {
        raise!(TypeError, "bytearray indices must be integers or slices, not {}", ops::type_name(&p[0]));
    }
    let i = ops::index_isize(ts, &p[0])?;
    let mut d = ba.data.lock();
    let n = d.len() as isize;
    let j = if i < 0 { i + n } else { i };
    if j < 0 || j >= n {
        drop(d);
        raise!(IndexError, "bytearray index out of range");
    }
    if ba.exports.load(std::sync::atomic::Ordering::Acquire) > 0 {
        drop(d);
        raise!(BufferError, "Existing exports of data: object cannot be re-sized");
    }
    d.remove(j as usize);
    Ok(none())
}

fn ba_append(ts: &ThreadState, a: Args<'_>) -> PyResult {
    let p = pos_args(&a, "append", 1, 1)?;
    let ba = bytearray_of(&a)?;
    let b = byte_value(ts, &p[0])?;
    check_resizable(ba)?;
    ba.data.lock().push(b);
    Ok(none())
}

fn ba_extend(ts: &ThreadState, a: Args<'_>) -> PyResult {
    let p = pos_args(&a, "extend", 1, 1)?;
    let ba = bytearray_of(&a)?;
    let d = match bytes_data(&p[0]) {
        Some(d) => d,
        None if as_str(&p[0]).is_some() => raise!(TypeError, "expected iterable of integers; got: 'str'"),
        None => {
            if ops::iter(ts, &p[0]).is_err() {
                raise!(TypeError, "can't extend bytearray with {}", ops::type_name(&p[0]));
            }
            bytes_like(ts, &p[0])?
        }
    };
    check_resizable(ba)?;
    ba.data.lock().extend(d);
    Ok(none())
}

fn ba_insert(ts: &ThreadState, a: Args<'_>) -> PyResult {
    let p = pos_args(&a, "insert", 2, 2)?;
    let ba = bytearray_of(&a)?;
    let i = int_arg(ts, &p[0])?;
    let b = byte_value(ts, &p[1])?;
    check_resizable(ba)?;
    let mut d = ba.data.lock();
    let n = d.len() as isize;
    let j = if i < 0 { i.saturating_add(n).max(0) } else { i.min(n) };
    d.insert(j as usize, b);
    Ok(none())
}

fn ba_pop(ts: &ThreadState, a: Args<'_>) -> PyResult {
    let p = pos_args(&a, "pop", 0, 1)?;
    let ba = bytearray_of(&a)?;
    let i = match p.first() {
        Some(v) => int_arg(ts, v)?,
        None => -1,
    };
    // Index checks and removal in one step under the lock.
    let mut d = ba.data.lock();
    let n = d.len() as isize;
    if n == 0 {
        drop(d);
        raise!(IndexError, "pop from empty bytearray");
    }
    let j = if i < 0 { i.saturating_add(n) } else { i };
    if j < 0 || j >= n {
        drop(d);
        raise!(IndexError, "pop index out of range");
    }
    if ba.exports.load(std::sync::atomic::Ordering::Acquire) > 0 {
        drop(d);
        raise!(BufferError, "Existing exports of data: object cannot be re-sized");
    }
    Ok(new_int(i64::from(d.remove(j as usize))))
}

fn ba_remove(ts: &ThreadState, a: Args<'_>) -> PyResult {
    let p = pos_args(&a, "remove", 1, 1)?;
    let ba = bytearray_of(&a)?;
    let b = byte_value(ts, &p[0])?;
    // Search and removal in one step under the lock.
    let mut d = ba.data.lock();
    let Some(pos) = d.iter().position(|x| *x == b) else {
        drop(d);
        raise!(ValueError, "value not found in bytearray")
    };
    if ba.exports.load(std::sync::atomic::Ordering::Acquire) > 0 {
        drop(d);
        raise!(BufferError, "Existing exports of data: object cannot be re-sized");
    }
    d.remove(pos);
    Ok(none())
}

fn ba_clear(_ts: &ThreadState, a: Args<'_>) -> PyResult {
    pos_args(&a, "clear", 0, 0)?;
    let ba = bytearray_of(&a)?;
    check_resizable(ba)?;
    ba.data.lock().clear();
    Ok(none())
}

fn ba_reverse(_ts: &ThreadState, a: Args<'_>) -> PyResult {
    pos_args(&a, "reverse", 0, 0)?;
    bytearray_of(&a)?.data.lock().reverse();
    Ok(none())
}

fn ba_copy(_ts: &ThreadState, a: Args<'_>) -> PyResult {
    pos_args(&a, "copy", 0, 0)?;
    Ok(new_bytearray(bytearray_of(&a)?.data.lock().clone()))
}

fn ba_resize(ts: &ThreadState, a: Args<'_>) -> PyResult {
    let p = pos_args(&a, "resize", 1, 1)?;
    let ba = bytearray_of(&a)?;
    let n = int_arg(ts, &p[0])?;
    if n < 0 {
        raise!(ValueError, "Can only resize to positive sizes, got {}", n);
    }
    let cur = ba.data.lock().len();
    if n as usize != cur {
        check_resizable(ba)?;
        memory::resize(&mut ba.data.lock(), n as usize, 0)?;
    }
    Ok(none())
}

fn ba_iadd(ts: &ThreadState, a: Args<'_>) -> PyResult {
    let p = pos_args(&a, "__iadd__", 1, 1)?;
    let ba = bytearray_of(&a)?;
    let Some(d) = bytes_data(&p[0]) else { raise!(TypeError, "can't concat {} to bytearray", ops::type_name(&p[0])) };
    let _ = ts;
    if !d.is_empty() {
        check_resizable(ba)?;
    }
    ba.data.lock().extend(d);
    Ok(a.args[0].clone())
}

fn ba_imul(ts: &ThreadState, a: Args<'_>) -> PyResult {
    let p = pos_args(&a, "__imul__", 1, 1)?;
    let ba = bytearray_of(&a)?;
    let Some(n) = repeat_count(ts, &p[0])? else {
        raise!(TypeError, "'{}' object cannot be interpreted as an integer", ops::type_name(&p[0]))
    };
    let cur = ba.data.lock().clone();
    let new = repeated(&cur, n, false)?;
    if new.len() != cur.len() {
        check_resizable(ba)?;
    }
    *ba.data.lock() = new;
    Ok(a.args[0].clone())
}

fn ba_alloc(_ts: &ThreadState, a: Args<'_>) -> PyResult {
    pos_args(&a, "__alloc__", 0, 0)?;
    let n = bytearray_of(&a)?.data.lock().len();
    Ok(new_int(if n == 0 { 0 } else { n as i64 + 1 }))
}

fn ba_reduce(ts: &ThreadState, a: Args<'_>, proto: i64) -> PyResult {
    let d = bytearray_of(&a)?.data.lock().clone();
    let cls = a.args[0].type_ref().to_value();
    let state = ops::getattr_opt(ts, &a.args[0], "__dict__")?.filter(|d| d.downcast::<crate::dict::PyDict>().is_some_and(|d| d.len() > 0)).unwrap_or_else(none);
    let args = if proto < 3 {
        // Protocols before 3 have no bytes: a latin-1 str round-trips the data.
        let s: String = d.iter().map(|&b| char::from(b)).collect();
        new_tuple(vec![new_string(s), crate::str::new_str("latin-1")])
    } else {
        new_tuple(vec![new_bytes(&d)])
    };
    Ok(new_tuple(vec![cls, args, state]))
}

// ---------------------------------------------------------------- registration

pub(super) fn init(r: &Runtime) {
    add_new(r.types.bytes, bytes_new);
    add_new(r.types.bytearray, bytearray_new);
    for t in [r.types.bytes, r.types.bytearray] {
        add_methods(
            t,
            &[
                ("__len__", |_, a| {
                    pos_args(&a, "__len__", 0, 0)?;
                    // The length without copying the data (len() of a
                    // growing bytearray buffer is on _pyio's write path).
                    let v = a.args.first();
                    if let Some(b) = v.and_then(|v| v.downcast::<PyBytes>()) {
                        return Ok(new_int(b.data.len() as i64));
                    }
                    if let Some(b) = v.and_then(|v| v.downcast::<PyByteArray>()) {
                        return Ok(new_int(b.data.lock().len() as i64));
                    }
                    Ok(new_int(me(&a)?.len() as i64))
                }),
                ("__repr__", |_, a| {
                    let d = me(&a)?;
                    if is_ba(&a.args[0]) {
                        let name = a.args[0].type_ref().name();
                        return Ok(new_string(format!("{name}({})", repr_quoted(&d, true))));
                    }
                    Ok(new_string(bytes_repr(&d)))
                }),
                ("__getitem__", getitem),
                ("__iter__", iter),
                ("__eq__", |_, a| cmp(a, CmpOp::Eq)),
                ("__ne__", |_, a| cmp(a, CmpOp::Ne)),
                ("__lt__", |_, a| cmp(a, CmpOp::Lt)),
                ("__le__", |_, a| cmp(a, CmpOp::Le)),
                ("__gt__", |_, a| cmp(a, CmpOp::Gt)),
                ("__ge__", |_, a| cmp(a, CmpOp::Ge)),
                ("__add__", add),
                ("__mul__", mul),
                ("__rmul__", mul),
                ("__mod__", super::format::bytes_mod_method),
                ("__rmod__", |_, a| {
                    pos_args(&a, "__rmod__", 1, 1)?;
                    Ok(rt().not_implemented.clone())
                }),
                ("__contains__", contains),
                ("__buffer__", |ts, a| {
                    pos_args(&a, "__buffer__", 1, 1)?;
                    int_arg(ts, &a.args[1])?;
                    crate::memoryview::new_memoryview(ts, &a.args[0])
                }),
                ("decode", |ts, a| {
                    let [enc, errors] = kw_args(&a, "decode", ["encoding", "errors"], 0)?;
                    super::codecs::decode_bytes(ts, &a.args[0], enc, errors)
                }),
                ("hex", hex),
                ("join", join),
                ("find", |ts, a| search(ts, a, "find")),
                ("rfind", |ts, a| search(ts, a, "rfind")),
                ("index", |ts, a| search(ts, a, "index")),
                ("rindex", |ts, a| search(ts, a, "rindex")),
                ("count", |ts, a| search(ts, a, "count")),
                ("startswith", |ts, a| starts_ends(ts, a, "startswith")),
                ("endswith", |ts, a| starts_ends(ts, a, "endswith")),
                ("strip", |_, a| strip(a, "strip", 3)),
                ("lstrip", |_, a| strip(a, "lstrip", 1)),
                ("rstrip", |_, a| strip(a, "rstrip", 2)),
                ("split", |ts, a| split(ts, a, "split")),
                ("rsplit", |ts, a| split(ts, a, "rsplit")),
                ("partition", |_, a| partition(a, "partition")),
                ("rpartition", |_, a| partition(a, "rpartition")),
                ("splitlines", |ts, a| {
                    let [keep] = kw_args(&a, "splitlines", ["keepends"], 0)?;
                    let keep = match keep {
                        Some(k) => ops::is_true(ts, &k)?,
                        None => false,
                    };
                    let d = me(&a)?;
                    Ok(new_list(splitlines(&d, keep).into_iter().map(|p| make(&a, p)).collect()))
                }),
                ("replace", replace),
                ("removeprefix", |_, a| affix(a, "removeprefix")),
                ("removesuffix", |_, a| affix(a, "removesuffix")),
                ("center", |ts, a| pad(ts, a, "center")),
                ("ljust", |ts, a| pad(ts, a, "ljust")),
                ("rjust", |ts, a| pad(ts, a, "rjust")),
                ("zfill", zfill),
                ("expandtabs", expandtabs),
                ("translate", |_, a| translate(a)),
                ("upper", |_, a| transform(a, "upper", |d| d.to_ascii_uppercase())),
                ("lower", |_, a| transform(a, "lower", |d| d.to_ascii_lowercase())),
                ("swapcase", |_, a| {
                    transform(a, "swapcase", |d| d.iter().map(|&b| if b.is_ascii_alphabetic() { b ^ 0x20 } else { b }).collect())
                }),
                ("capitalize", |_, a| {
                    transform(a, "capitalize", |d| d.iter().enumerate().map(|(i, b)| if i == 0 { b.to_ascii_uppercase() } else { b.to_ascii_lowercase() }).collect())
                }),
                ("title", |_, a| transform(a, "title", title)),
                ("isalnum", |_, a| predicate(a, "isalnum", |d| !d.is_empty() && d.iter().all(u8::is_ascii_alphanumeric))),
                ("isalpha", |_, a| predicate(a, "isalpha", |d| !d.is_empty() && d.iter().all(u8::is_ascii_alphabetic))),
                ("isdigit", |_, a| predicate(a, "isdigit", |d| !d.is_empty() && d.iter().all(u8::is_ascii_digit))),
                ("isspace", |_, a| predicate(a, "isspace", |d| !d.is_empty() && d.iter().all(|&b| is_space(b)))),
                ("isascii", |_, a| predicate(a, "isascii", <[u8]>::is_ascii)),
                ("islower", |_, a| predicate(a, "islower", is_lower)),
                ("isupper", |_, a| predicate(a, "isupper", is_upper)),
                ("istitle", |_, a| predicate(a, "istitle", is_title)),
            ],
        );
        super::add_value(t, "maketrans", super::object_type::static_builtin(crate::function::new_native("maketrans", maketrans)));
        super::add_value(t, "fromhex", crate::function::new_method_descriptor(t, "fromhex", fromhex));
        super::containers::classmethodize(t, "fromhex");
    }
    add_methods(
        r.types.bytes,
        &[
            ("__hash__", hash),
            ("__bytes__", |_, a| {
                pos_args(&a, "__bytes__", 0, 0)?;
                Ok(new_bytes(&me(&a)?))
            }),
            ("__getnewargs__", |_, a| {
                pos_args(&a, "__getnewargs__", 0, 0)?;
                Ok(new_tuple(vec![new_bytes(&me(&a)?)]))
            }),
            ("__sizeof__", |_, a| Ok(new_int(33 + me(&a)?.len() as i64))),
        ],
    );
    add_methods(
        r.types.bytearray,
        &[
            ("append", ba_append),
            ("extend", ba_extend),
            ("insert", ba_insert),
            ("pop", ba_pop),
            ("remove", ba_remove),
            ("clear", ba_clear),
            ("reverse", ba_reverse),
            ("copy", ba_copy),
            ("resize", ba_resize),
            ("__init__", bytearray_init),
            ("__setitem__", ba_setitem),
            ("__delitem__", ba_delitem),
            ("__iadd__", ba_iadd),
            ("__imul__", ba_imul),
            ("__alloc__", ba_alloc),
            ("__reduce__", |ts, a| ba_reduce(ts, a, 0)),
            ("__reduce_ex__", |ts, a| {
                let proto = match a.args.get(1) {
                    Some(p) => int_arg(ts, p)? as i64,
                    None => 0,
                };
                ba_reduce(ts, a, proto)
            }),
            ("__release_buffer__", |_, a| {
                pos_args(&a, "__release_buffer__", 1, 1)?;
                Ok(none())
            }),
        ],
    );
    super::add_value(r.types.bytearray, "__hash__", none());
}
