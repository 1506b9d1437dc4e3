//! `str` methods. Each one unpacks its Python arguments, words the VM-side
//! `TypeError`s as CPython does, and delegates the work to `spindle_str`
//! over the exact PEP 393 contents (`PyStr::data()`), so Unicode predicates,
//! case mapping, searching, splitting and indexing follow CPython to the code
//! point, lone surrogates included.

use spindle_str::{PyStrData, StrError, StripSide, Translation, UnitsRef};

use super::codecs::str_error;
use super::{add_methods, add_new, check_args};
use crate::error::{PyErr, PyResult};
use crate::function::Args;
use crate::interp::ThreadState;
use crate::num::{new_bool, new_int};
use crate::object::{TypeRef, alloc};
use crate::ops::{self, CmpOp};
use crate::runtime::{Runtime, is_none, none, rt};
use crate::seq::{new_list, new_tuple};
use crate::str::{PyStr, as_data, char_value, new_data};
use crate::value::Value;
use crate::{err, raise};

type Method = fn(&ThreadState, Args<'_>) -> PyResult;

pub(super) fn init(r: &Runtime) {
    let s = r.types.str;
    add_new(s, str_new);
    add_methods(
        s,
        &[
            ("__repr__", |_, a| Ok(new_data(spindle_str::repr(me(&a)?)))),
            ("__str__", |_, a| {
                let v = &a.args[0];
                if v.type_ref() == rt().types.str {
                    return Ok(v.clone());
                }
                Ok(new_data(me(&a)?.clone()))
            }),
            ("__len__", |_, a| Ok(new_int(me(&a)?.len() as i64))),
            ("__hash__", |_, a| Ok(new_int(a.args[0].downcast::<PyStr>().map(PyStr::hash).unwrap_or(0)))),
            ("__sizeof__", |_, a| Ok(new_int(str_sizeof(me(&a)?) as i64))),
            ("__getitem__", str_getitem),
            ("__add__", str_add),
            ("__mul__", str_mul),
            ("__rmul__", str_mul),
            ("__mod__", str_mod),
            ("__rmod__", str_rmod),
            ("__contains__", str_contains),
            ("__eq__", |_, a| str_cmp(a, CmpOp::Eq)),
            ("__ne__", |_, a| str_cmp(a, CmpOp::Ne)),
            ("__lt__", |_, a| str_cmp(a, CmpOp::Lt)),
            ("__le__", |_, a| str_cmp(a, CmpOp::Le)),
            ("__gt__", |_, a| str_cmp(a, CmpOp::Gt)),
            ("__ge__", |_, a| str_cmp(a, CmpOp::Ge)),
            ("__iter__", |_, a| Ok(crate::builtins_init::containers::new_seq_iter(rt().types.str_iterator, a.args[0].clone()))),
            ("__format__", crate::builtins_init::functions::str_format_spec),
            ("__getnewargs__", |_, a| Ok(new_tuple(vec![new_data(me(&a)?.clone())]))),
            ("join", str_join),
            ("split", |ts, a| str_split(ts, a, false)),
            ("rsplit", |ts, a| str_split(ts, a, true)),
            ("splitlines", str_splitlines),
            ("strip", |_, a| str_strip(a, StripSide::Both)),
            ("lstrip", |_, a| str_strip(a, StripSide::Left)),
            ("rstrip", |_, a| str_strip(a, StripSide::Right)),
            ("startswith", |ts, a| str_startsend(ts, a, true)),
            ("endswith", |ts, a| str_startsend(ts, a, false)),
            ("find", |ts, a| str_find(ts, a, "find")),
            ("rfind", |ts, a| str_find(ts, a, "rfind")),
            ("index", |ts, a| str_find(ts, a, "index")),
            ("rindex", |ts, a| str_find(ts, a, "rindex")),
            ("count", |ts, a| str_find(ts, a, "count")),
            ("replace", str_replace),
            ("upper", |_, a| unary(a, "upper", spindle_str::upper)),
            ("lower", |_, a| unary(a, "lower", spindle_str::lower)),
            ("casefold", |_, a| unary(a, "casefold", spindle_str::casefold)),
            ("swapcase", |_, a| unary(a, "swapcase", spindle_str::swapcase)),
            ("capitalize", |_, a| unary(a, "capitalize", spindle_str::capitalize)),
            ("title", |_, a| unary(a, "title", spindle_str::title)),
            ("isdigit", |_, a| pred(a, "isdigit", spindle_str::isdigit)),
            ("isdecimal", |_, a| pred(a, "isdecimal", spindle_str::isdecimal)),
            ("isnumeric", |_, a| pred(a, "isnumeric", spindle_str::isnumeric)),
            ("isalpha", |_, a| pred(a, "isalpha", spindle_str::isalpha)),
            ("isalnum", |_, a| pred(a, "isalnum", spindle_str::isalnum)),
            ("isspace", |_, a| pred(a, "isspace", spindle_str::isspace)),
            ("isascii", |_, a| pred(a, "isascii", spindle_str::isascii)),
            // Lone surrogates (category Cs) are never printable.
            ("isprintable", |_, a| pred(a, "isprintable", |s| spindle_str::isprintable(s) && !s.has_surrogates())),
            ("isupper", |_, a| pred(a, "isupper", spindle_str::isupper)),
            ("islower", |_, a| pred(a, "islower", spindle_str::islower)),
            ("istitle", |_, a| pred(a, "istitle", spindle_str::istitle)),
            ("isidentifier", |_, a| pred(a, "isidentifier", spindle_str::isidentifier)),
            ("center", |ts, a| str_pad(ts, a, "center")),
            ("ljust", |ts, a| str_pad(ts, a, "ljust")),
            ("rjust", |ts, a| str_pad(ts, a, "rjust")),
            ("zfill", str_zfill),
            ("partition", |_, a| str_partition(a, false)),
            ("rpartition", |_, a| str_partition(a, true)),
            ("removeprefix", |_, a| str_remove(a, true)),
            ("removesuffix", |_, a| str_remove(a, false)),
            ("expandtabs", str_expandtabs),
            ("encode", str_encode),
            ("format", crate::builtins_init::functions::str_format_method),
            ("format_map", crate::builtins_init::functions::str_format_map),
            ("translate", str_translate),
        ],
    );
    let maketrans: Method = str_maketrans;
    super::add_value(s, "maketrans", super::object_type::static_builtin(crate::function::new_native("maketrans", maketrans)));
}

/// The exact contents of `self`.
fn me<'a>(a: &'a Args<'_>) -> PyResult<&'a PyStrData> {
    match a.args.first() {
        Some(v) => as_data(v).ok_or_else(|| err!(TypeError, "descriptor requires a 'str' object but received a '{}'", ops::type_name(v))),
        None => raise!(TypeError, "descriptor requires a 'str' object"),
    }
}

/// The contents of a `str` argument, or `TypeError: <prefix>must be str, not T`.
fn arg_data<'a>(v: &'a Value, prefix: &str) -> PyResult<&'a PyStrData> {
    as_data(v).ok_or_else(|| err!(TypeError, "{}must be str, not {}", prefix, ops::type_name(v)))
}

fn res(r: Result<PyStrData, StrError>) -> PyResult {
    r.map(new_data).map_err(str_error)
}

fn unary(a: Args<'_>, name: &str, f: fn(&PyStrData) -> PyStrData) -> PyResult {
    check_args(&format!("str.{name}"), a, 0, 0)?;
    Ok(new_data(f(me(&a)?)))
}

fn pred(a: Args<'_>, name: &str, f: fn(&PyStrData) -> bool) -> PyResult {
    check_args(&format!("str.{name}"), a, 0, 0)?;
    Ok(new_bool(f(me(&a)?)))
}

/// A `Py_ssize_t` argument (an `__index__`-able object); too big is
/// `OverflowError`, as CPython's converter.
fn ssize(ts: &ThreadState, v: &Value) -> PyResult<i64> {
    let i = ops::index(ts, v)?;
    match crate::num::int_to_i64(&i) {
        Some(x) => Ok(x),
        None => raise!(OverflowError, "Python int too large to convert to C ssize_t"),
    }
}

/// A `start`/`end` argument of the search methods: `None` or an index,
/// saturated to the `i64` range (clamping happens later).
fn opt_index(ts: &ThreadState, v: Option<&Value>) -> PyResult<Option<i64>> {
    let Some(v) = v.filter(|v| !is_none(v)) else { return Ok(None) };
    let i = match ops::index(ts, v) {
        Ok(i) => i,
        Err(_) => raise!(TypeError, "slice indices must be integers or None or have an __index__ method"),
    };
    Ok(Some(crate::num::int_to_i64(&i).unwrap_or_else(|| {
        if crate::num::int_to_big(&i).is_some_and(|b| b < 0.into()) { i64::MIN } else { i64::MAX }
    })))
}

/// `str.__sizeof__`: CPython's compact-object layout (header, units and NUL).
fn str_sizeof(s: &PyStrData) -> usize {
    let n = s.len() + 1;
    match s.units() {
        UnitsRef::Latin1(_) if s.is_ascii() => 40 + n,
        UnitsRef::Latin1(_) => 56 + n,
        UnitsRef::Ucs2(_) => 56 + 2 * n,
        UnitsRef::Ucs4(_) => 56 + 4 * n,
    }
}

fn str_new(ts: &ThreadState, a: Args<'_>) -> PyResult {
    // `cls` comes first; CPython's vectorcall counts the rest.
    if a.positional().len() > 4 {
        raise!(TypeError, "str expected at most 3 arguments, got {}", a.positional().len() - 1);
    }
    let [cls, obj, encoding, errors] = super::parse_args("str", a, ["cls", "object", "encoding", "errors"], 1)?;
    let cls = cls.as_ref().and_then(TypeRef::from_value).unwrap_or(rt().types.str);
    let s = match obj {
        None => new_data(PyStrData::new()),
        Some(o) => {
            if encoding.is_some() || errors.is_some() {
                super::codecs::decode_bytes(ts, &o, encoding, errors)?
            } else {
                ops::str_(ts, &o)?
            }
        }
    };
    if cls == rt().types.str {
        return Ok(s);
    }
    let d = as_data(&s).cloned().unwrap_or_default();
    Ok(alloc(cls, PyStr::from_data(d)))
}

/// A slice bound `x` (within ±isize::MAX / 2) clamped into a sequence of
/// `len` items, as a slice with step `step` reads it.
#[inline]
fn clamp_index(x: isize, len: isize, step: isize) -> isize {
    if x < 0 {
        let y = x + len;
        if y < 0 { if step < 0 { -1 } else { 0 } } else { y }
    } else if x >= len {
        if step < 0 { len - 1 } else { len }
    } else {
        x
    }
}

/// Python slice indices over a sequence of length `len`: (start, stop, step, count).
/// Whether `slice_indices` neither runs Python code nor fails for `slice`
/// (its parts are None or small ints, its step not 0), so a container may
/// resolve it under its lock, in the same step as the change it makes.
pub fn slice_is_plain(slice: &crate::cell::PySlice) -> bool {
    [&slice.start, &slice.stop, &slice.step].iter().all(|v| is_none(v) || v.is_small_int()) && slice.step.as_small_int() != Some(0)
}

pub fn slice_indices(ts: &ThreadState, slice: &crate::cell::PySlice, len: usize) -> PyResult<(isize, isize, isize, usize)> {
    let len = len as isize;
    let step = if is_none(&slice.step) {
        1
    } else if let Some(st) = slice.step.as_small_int() {
        st as isize
    } else {
        ops::index_isize(ts, &slice.step).unwrap_or(isize::MAX)
    };
    if step == 0 {
        raise!(ValueError, "slice step cannot be zero");
    }
    let clamp = |v: &Value, default: isize| -> PyResult<isize> {
        if is_none(v) {
            return Ok(default);
        }
        let i = match v.as_small_int() {
            Some(x) => return Ok(clamp_index(x as isize, len, step)),
            None => ops::index(ts, v),
        };
        let i = match i {
            Ok(i) => i,
            Err(_) => raise!(TypeError, "slice indices must be integers or None or have an __index__ method"),
        };
        let x = crate::num::int_to_i64(&i).unwrap_or(if crate::num::int_to_big(&i).map(|b| b < 0.into()).unwrap_or(false) { i64::MIN } else { i64::MAX });
        let x = x.clamp(isize::MIN as i64 / 2, isize::MAX as i64 / 2) as isize;
        Ok(clamp_index(x, len, step))
    };
    let (start, stop) = if step > 0 { (clamp(&slice.start, 0)?, clamp(&slice.stop, len)?) } else { (clamp(&slice.start, len - 1)?, clamp(&slice.stop, -1)?) };
    let count = if step > 0 {
        if stop > start { ((stop - start - 1) / step + 1) as usize } else { 0 }
    } else if start > stop {
        ((start - stop - 1) / (-step) + 1) as usize
    } else {
        0
    };
    Ok((start, stop, step, count))
}

fn str_getitem(ts: &ThreadState, a: Args<'_>) -> PyResult {
    check_args("__getitem__", a, 1, 1)?;
    let s = me(&a)?;
    let key = &a.args[1];
    if let Some(sl) = key.downcast::<crate::cell::PySlice>() {
        let (start, _stop, step, count) = slice_indices(ts, sl, s.len())?;
        if step == 1 && count == s.len() && a.args[0].type_ref() == rt().types.str {
            return Ok(a.args[0].clone());
        }
        return Ok(new_data(s.slice_normalized(start as i64, step as i64, count)));
    }
    if crate::num::is_int(key) || key.type_ref().lookup_static("__index__").is_some() {
        let i = ops::index(ts, key)?;
        let Some(i) = crate::num::int_to_i64(&i) else {
            raise!(IndexError, "cannot fit 'int' into an index-sized integer")
        };
        return match s.char_at_py(i) {
            Some(c) => Ok(char_value(c)),
            None => raise!(IndexError, "string index out of range"),
        };
    }
    raise!(TypeError, "string indices must be integers, not '{}'", ops::type_name(key))
}

fn str_add(_ts: &ThreadState, a: Args<'_>) -> PyResult {
    check_args("__add__", a, 1, 1)?;
    let s = me(&a)?;
    match as_data(&a.args[1]) {
        Some(o) => res(s.concat(o)),
        None => raise!(TypeError, "can only concatenate str (not \"{}\") to str", ops::type_name(&a.args[1])),
    }
}

fn str_mul(ts: &ThreadState, a: Args<'_>) -> PyResult {
    check_args("__mul__", a, 1, 1)?;
    let s = me(&a)?;
    let n = &a.args[1];
    if !crate::num::is_int(n) && n.type_ref().lookup_static("__index__").is_none() {
        return Ok(rt().not_implemented.clone());
    }
    let i = ops::index(ts, n)?;
    let Some(k) = crate::num::int_to_i64(&i) else {
        raise!(OverflowError, "cannot fit 'int' into an index-sized integer")
    };
    res(s.repeat(k))
}

fn str_mod(ts: &ThreadState, a: Args<'_>) -> PyResult {
    check_args("__mod__", a, 1, 1)?;
    let fmt = crate::str::as_data(&a.args[0]).ok_or_else(|| err!(TypeError, "descriptor '__mod__' requires a 'str' object"))?;
    crate::builtins_init::functions::percent_format(ts, fmt, &a.args[1])
}

/// `s.__rmod__(other)`: `other % s` when `other` is a str, else NotImplemented.
fn str_rmod(ts: &ThreadState, a: Args<'_>) -> PyResult {
    check_args("__rmod__", a, 1, 1)?;
    match crate::str::as_data(&a.args[1]) {
        Some(fmt) => crate::builtins_init::functions::percent_format(ts, fmt, &a.args[0]),
        None => Ok(rt().not_implemented.clone()),
    }
}

fn str_contains(_ts: &ThreadState, a: Args<'_>) -> PyResult {
    check_args("__contains__", a, 1, 1)?;
    match as_data(&a.args[1]) {
        Some(o) => Ok(new_bool(me(&a)?.contains(o))),
        None => raise!(TypeError, "'in <string>' requires string as left operand, not {}", ops::type_name(&a.args[1])),
    }
}

fn str_cmp(a: Args<'_>, op: CmpOp) -> PyResult {
    if a.args.len() != 2 {
        raise!(TypeError, "expected 1 argument");
    }
    match (as_data(&a.args[0]), as_data(&a.args[1])) {
        (Some(x), Some(y)) => Ok(new_bool(op.apply(&x, &y))),
        _ => Ok(rt().not_implemented.clone()),
    }
}

fn str_join(ts: &ThreadState, a: Args<'_>) -> PyResult {
    check_args("join", a, 1, 1)?;
    let sep = me(&a)?;
    let src = &a.args[1];
    let items = if crate::seq::tuple_items(src).is_some() || src.downcast::<crate::seq::PyList>().is_some() {
        ops::collect(ts, src)?
    } else {
        // PySequence_Fast: a TypeError from iter() becomes join's own.
        let it = ops::iter(ts, src).map_err(|e| if e.is_instance(rt().exc.TypeError) { err!(TypeError, "can only join an iterable") } else { e })?;
        ops::collect(ts, &it)?
    };
    let mut parts: Vec<&PyStrData> = Vec::with_capacity(items.len());
    for (i, it) in items.iter().enumerate() {
        match as_data(it) {
            Some(s) => parts.push(s),
            None => raise!(TypeError, "sequence item {}: expected str instance, {} found", i, ops::type_name(it)),
        }
    }
    res(spindle_str::join(sep, parts))
}

fn str_split(ts: &ThreadState, a: Args<'_>, right: bool) -> PyResult {
    let fname = if right { "rsplit" } else { "split" };
    let [_, sep, maxsplit] = super::parse_args(fname, a, ["self", "sep", "maxsplit"], 1)?;
    let s = me(&a)?;
    let max = match &maxsplit {
        Some(m) => ssize(ts, m)?,
        None => -1,
    };
    let sep = match sep.as_ref().filter(|x| !is_none(x)) {
        Some(v) => Some(as_data(v).ok_or_else(|| err!(TypeError, "must be str or None, not {}", ops::type_name(v)))?),
        None => None,
    };
    let parts = if right { spindle_str::rsplit(s, sep, max) } else { spindle_str::split(s, sep, max) }.map_err(str_error)?;
    Ok(new_list(parts.into_iter().map(new_data).collect()))
}

fn str_splitlines(ts: &ThreadState, a: Args<'_>) -> PyResult {
    let [_, keep] = super::parse_args("splitlines", a, ["self", "keepends"], 1)?;
    let keep = match keep {
        Some(k) => ops::is_true(ts, &k)?,
        None => false,
    };
    let parts = spindle_str::splitlines(me(&a)?, keep);
    Ok(new_list(parts.into_iter().map(new_data).collect()))
}

fn str_strip(a: Args<'_>, side: StripSide) -> PyResult {
    let name = match side {
        StripSide::Left => "lstrip",
        StripSide::Right => "rstrip",
        StripSide::Both => "strip",
    };
    check_args(name, a, 0, 1)?;
    let s = me(&a)?;
    let chars = match a.args.get(1).filter(|x| !is_none(x)) {
        Some(c) => Some(as_data(c).ok_or_else(|| err!(TypeError, "{} arg must be None or str", name))?),
        None => None,
    };
    Ok(new_data(spindle_str::strip(s, chars, side)))
}

fn str_startsend(ts: &ThreadState, a: Args<'_>, start: bool) -> PyResult {
    let name = if start { "startswith" } else { "endswith" };
    check_args(name, a, 1, 3)?;
    let s = me(&a)?;
    let st = opt_index(ts, a.args.get(2))?;
    let en = opt_index(ts, a.args.get(3))?;
    let test = |p: &PyStrData| if start { spindle_str::startswith(s, p, st, en) } else { spindle_str::endswith(s, p, st, en) };
    let prefix = &a.args[1];
    if let Some(items) = crate::seq::tuple_items(prefix) {
        for p in items {
            match as_data(p) {
                Some(p) if test(p) => return Ok(new_bool(true)),
                Some(_) => {}
                None => raise!(TypeError, "tuple for {} must only contain str, not {}", name, ops::type_name(p)),
            }
        }
        return Ok(new_bool(false));
    }
    match as_data(prefix) {
        Some(p) => Ok(new_bool(test(p))),
        None => raise!(TypeError, "{} first arg must be str or a tuple of str, not {}", name, ops::type_name(prefix)),
    }
}

fn str_find(ts: &ThreadState, a: Args<'_>, name: &str) -> PyResult {
    check_args(name, a, 1, 3)?;
    let s = me(&a)?;
    let sub = arg_data(&a.args[1], &format!("{name}() argument 1 "))?;
    let st = opt_index(ts, a.args.get(2))?;
    let en = opt_index(ts, a.args.get(3))?;
    let found = match name {
        "find" => spindle_str::find(s, sub, st, en),
        "rfind" => spindle_str::rfind(s, sub, st, en),
        "index" => Some(spindle_str::index(s, sub, st, en).map_err(str_error)?),
        "rindex" => Some(spindle_str::rindex(s, sub, st, en).map_err(str_error)?),
        _ => return Ok(new_int(spindle_str::count(s, sub, st, en) as i64)),
    };
    Ok(new_int(found.map_or(-1, |i| i as i64)))
}

fn str_replace(ts: &ThreadState, a: Args<'_>) -> PyResult {
    if a.positional().len() < 3 {
        raise!(TypeError, "replace() takes at least 2 positional arguments ({} given)", a.positional().len().saturating_sub(1));
    }
    let [_, old, new, count] = super::parse_args("replace", a, ["self", "old", "new", "count"], 3)?;
    let s = me(&a)?;
    let old = old.unwrap_or_else(none);
    let new = new.unwrap_or_else(none);
    let old = arg_data(&old, "replace() argument 1 ")?;
    let new = arg_data(&new, "replace() argument 2 ")?;
    let count = match &count {
        Some(c) => ssize(ts, c)?,
        None => -1,
    };
    res(spindle_str::replace(s, old, new, count))
}

fn str_pad(ts: &ThreadState, a: Args<'_>, name: &str) -> PyResult {
    check_args(name, a, 1, 2)?;
    let s = me(&a)?;
    let width = ssize(ts, &a.args[1])?;
    let fill = match a.args.get(2) {
        Some(f) => {
            let fs = as_data(f).ok_or_else(|| err!(TypeError, "The fill character must be a unicode character, not {}", ops::type_name(f)))?;
            match (fs.len(), fs.char_at(0)) {
                (1, Some(c)) => c,
                _ => raise!(TypeError, "The fill character must be exactly one character long"),
            }
        }
        None => u32::from(b' '),
    };
    let r = match name {
        "center" => spindle_str::center(s, width, fill),
        "ljust" => spindle_str::ljust(s, width, fill),
        _ => spindle_str::rjust(s, width, fill),
    };
    res(r)
}

fn str_zfill(ts: &ThreadState, a: Args<'_>) -> PyResult {
    check_args("zfill", a, 1, 1)?;
    let width = ssize(ts, &a.args[1])?;
    res(spindle_str::zfill(me(&a)?, width))
}

fn str_partition(a: Args<'_>, right: bool) -> PyResult {
    check_args(if right { "rpartition" } else { "partition" }, a, 1, 1)?;
    let s = me(&a)?;
    let sep = arg_data(&a.args[1], "")?;
    let (x, y, z) = if right { spindle_str::rpartition(s, sep) } else { spindle_str::partition(s, sep) }.map_err(str_error)?;
    Ok(new_tuple(vec![new_data(x), new_data(y), new_data(z)]))
}

fn str_remove(a: Args<'_>, prefix: bool) -> PyResult {
    let name = if prefix { "removeprefix" } else { "removesuffix" };
    check_args(name, a, 1, 1)?;
    let s = me(&a)?;
    let p = as_data(&a.args[1]).ok_or_else(|| err!(TypeError, "{}() argument must be str, not {}", name, ops::type_name(&a.args[1])))?;
    Ok(new_data(if prefix { spindle_str::removeprefix(s, p) } else { spindle_str::removesuffix(s, p) }))
}

fn str_expandtabs(ts: &ThreadState, a: Args<'_>) -> PyResult {
    let [_, tab] = super::parse_args("expandtabs", a, ["self", "tabsize"], 1)?;
    let tab = match &tab {
        Some(t) => i64::from(ops::c_int(ts, t)?),
        None => 8,
    };
    res(spindle_str::expandtabs(me(&a)?, tab))
}

fn str_encode(ts: &ThreadState, a: Args<'_>) -> PyResult {
    let [_, encoding, errors] = super::parse_args("encode", a, ["self", "encoding", "errors"], 1)?;
    super::codecs::encode_str(ts, &a.args[0], encoding, errors)
}

fn str_maketrans(ts: &ThreadState, a: Args<'_>) -> PyResult {
    let d = super::new_dict();
    let pos = a.positional();
    match pos.len() {
        1 => {
            if pos[0].downcast::<crate::dict::PyDict>().is_none() {
                raise!(TypeError, "if you give only one argument to maketrans it must be a dict");
            }
            for (k, v) in super::mapping_items(ts, &pos[0])? {
                let key = match as_data(&k) {
                    Some(s) if s.len() == 1 => new_int(i64::from(s.char_at(0).unwrap_or(0))),
                    Some(_) => raise!(ValueError, "string keys in translate table must be of length 1"),
                    None if crate::num::is_int(&k) => k,
                    None => raise!(TypeError, "keys in translate table must be strings or integers"),
                };
                super::dict_set(ts, &d, key, v)?;
            }
        }
        2 | 3 => {
            let x = as_data(&pos[0]).ok_or_else(|| err!(TypeError, "maketrans() argument 1 must be str, not {}", ops::type_name(&pos[0])))?;
            let y = as_data(&pos[1]).ok_or_else(|| err!(TypeError, "maketrans() argument 2 must be str, not {}", ops::type_name(&pos[1])))?;
            let z = match pos.get(2) {
                Some(z) => Some(as_data(z).ok_or_else(|| err!(TypeError, "maketrans() argument 3 must be str, not {}", ops::type_name(z)))?),
                None => None,
            };
            if pos.len() == 2 && x.len() != y.len() {
                raise!(ValueError, "the first two maketrans arguments must have equal length");
            }
            for (k, v) in spindle_str::maketrans(x, y, z).map_err(str_error)? {
                let v = match v {
                    Some(c) => new_int(i64::from(c)),
                    None => none(),
                };
                super::dict_set(ts, &d, new_int(i64::from(k)), v)?;
            }
        }
        0 => raise!(TypeError, "maketrans() takes at least 1 argument (0 given)"),
        n => raise!(TypeError, "maketrans() takes at most 3 arguments ({} given)", n),
    }
    Ok(d)
}

/// The error type of `translate`'s lookups: a Python exception.
struct TranslateErr(PyErr);

impl From<StrError> for TranslateErr {
    fn from(e: StrError) -> Self {
        TranslateErr(str_error(e))
    }
}

fn str_translate(ts: &ThreadState, a: Args<'_>) -> PyResult {
    check_args("translate", a, 1, 1)?;
    let table = &a.args[1];
    let lookup = |cp: u32| -> Result<Translation, TranslateErr> {
        match ops::getitem(ts, table, &new_int(i64::from(cp))) {
            Ok(v) => {
                if is_none(&v) {
                    return Ok(Translation::Delete);
                }
                if let Some(s) = as_data(&v) {
                    return Ok(Translation::Str(s.clone()));
                }
                if crate::num::is_int(&v) {
                    return Ok(match crate::num::int_to_i64(&v).and_then(|i| u32::try_from(i).ok()) {
                        Some(c) => Translation::Char(c),
                        None => Translation::OutOfRange,
                    });
                }
                Err(TranslateErr(err!(TypeError, "character mapping must return integer, None or str")))
            }
            Err(e) if e.is_instance(rt().exc.LookupError) => Ok(Translation::Keep),
            Err(e) => Err(TranslateErr(e)),
        }
    };
    spindle_str::translate(me(&a)?, lookup).map(new_data).map_err(|e| e.0)
}
