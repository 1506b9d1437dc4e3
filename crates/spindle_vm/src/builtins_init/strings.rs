//! `str` methods.
//!
//! FIXME(str-storage): these work on the UTF-8 payload; when `spindle_str`
//! lands they delegate to its PEP 393 algorithms (Unicode-exact predicates,
//! case mapping, codecs).

use super::{add_methods, add_new, check_args};
use crate::error::PyResult;
use crate::function::Args;
use crate::interp::ThreadState;
use crate::num::{new_bool, new_int};
use crate::object::{TypeRef, alloc};
use crate::ops::{self, CmpOp};
use crate::runtime::{Runtime, is_none, none, rt};
use crate::seq::{new_list, new_tuple};
use crate::str::{PyStr, as_str, new_str, new_string};
use crate::value::Value;
use crate::{err, raise};

pub(super) fn init(r: &Runtime) {
    let s = r.types.str;
    add_new(s, str_new);
    add_methods(
        s,
        &[
            ("__repr__", |_, a| Ok(new_string(spindle_num::py_str_repr(me(&a)?)))),
            ("__str__", |_, a| Ok(new_str(me(&a)?))),
            ("__len__", |_, a| Ok(new_int(a.args[0].downcast::<PyStr>().map(PyStr::char_len).unwrap_or(0) as i64))),
            ("__hash__", |_, a| Ok(new_int(a.args[0].downcast::<PyStr>().map(PyStr::hash).unwrap_or(0)))),
            ("__getitem__", str_getitem),
            ("__add__", str_add),
            ("__mul__", str_mul),
            ("__rmul__", str_mul),
            ("__mod__", str_mod),
            ("__contains__", str_contains),
            ("__eq__", |_, a| str_cmp(a, CmpOp::Eq)),
            ("__ne__", |_, a| str_cmp(a, CmpOp::Ne)),
            ("__lt__", |_, a| str_cmp(a, CmpOp::Lt)),
            ("__le__", |_, a| str_cmp(a, CmpOp::Le)),
            ("__gt__", |_, a| str_cmp(a, CmpOp::Gt)),
            ("__ge__", |_, a| str_cmp(a, CmpOp::Ge)),
            ("__iter__", |_, a| Ok(crate::builtins_init::containers::new_seq_iter(rt().types.str_iterator, a.args[0].clone()))),
            ("__format__", crate::builtins_init::functions::str_format_spec),
            ("__getnewargs__", |_, a| Ok(new_tuple(vec![new_str(me(&a)?)]))),
            ("join", str_join),
            ("split", |ts, a| str_split(ts, a, false)),
            ("rsplit", |ts, a| str_split(ts, a, true)),
            ("splitlines", str_splitlines),
            ("strip", |ts, a| str_strip(ts, a, 3)),
            ("lstrip", |ts, a| str_strip(ts, a, 1)),
            ("rstrip", |ts, a| str_strip(ts, a, 2)),
            ("startswith", |ts, a| str_startsend(ts, a, true)),
            ("endswith", |ts, a| str_startsend(ts, a, false)),
            ("find", |ts, a| str_find(ts, a, false, false)),
            ("rfind", |ts, a| str_find(ts, a, true, false)),
            ("index", |ts, a| str_find(ts, a, false, true)),
            ("rindex", |ts, a| str_find(ts, a, true, true)),
            ("count", str_count),
            ("replace", str_replace),
            ("upper", |_, a| Ok(new_string(me(&a)?.to_uppercase()))),
            ("lower", |_, a| Ok(new_string(me(&a)?.to_lowercase()))),
            ("casefold", |_, a| Ok(new_string(me(&a)?.to_lowercase()))),
            ("swapcase", |_, a| {
                Ok(new_string(
                    me(&a)?
                        .chars()
                        .flat_map(|c| if c.is_uppercase() { c.to_lowercase().collect::<Vec<_>>() } else { c.to_uppercase().collect() })
                        .collect(),
                ))
            }),
            ("capitalize", |_, a| {
                let s = me(&a)?;
                let mut out = String::new();
                let mut cs = s.chars();
                if let Some(c) = cs.next() {
                    out.extend(c.to_uppercase());
                }
                out.extend(cs.flat_map(char::to_lowercase));
                Ok(new_string(out))
            }),
            ("title", |_, a| Ok(new_string(title(me(&a)?)))),
            ("isdigit", |_, a| pred(&a, |c| c.is_ascii_digit() || c.is_numeric() && !c.is_alphabetic())),
            ("isdecimal", |_, a| pred(&a, |c| c.is_ascii_digit() || (c.is_numeric() && c.to_digit(10).is_some()))),
            ("isnumeric", |_, a| pred(&a, char::is_numeric)),
            ("isalpha", |_, a| pred(&a, char::is_alphabetic)),
            ("isalnum", |_, a| pred(&a, char::is_alphanumeric)),
            ("isspace", |_, a| pred(&a, is_py_space)),
            ("isascii", |_, a| Ok(new_bool(me(&a)?.is_ascii()))),
            ("isprintable", |_, a| Ok(new_bool(me(&a)?.chars().all(|c| !c.is_control() && (c == ' ' || !c.is_whitespace()))))),
            ("isupper", |_, a| {
                let s = me(&a)?;
                Ok(new_bool(s.chars().any(char::is_uppercase) && !s.chars().any(char::is_lowercase)))
            }),
            ("islower", |_, a| {
                let s = me(&a)?;
                Ok(new_bool(s.chars().any(char::is_lowercase) && !s.chars().any(char::is_uppercase)))
            }),
            ("istitle", |_, a| {
                let s = me(&a)?;
                Ok(new_bool(s.chars().any(char::is_alphabetic) && title(s) == s))
            }),
            ("isidentifier", |_, a| Ok(new_bool(is_identifier(me(&a)?)))),
            ("center", |ts, a| str_pad(ts, a, 0)),
            ("ljust", |ts, a| str_pad(ts, a, 1)),
            ("rjust", |ts, a| str_pad(ts, a, 2)),
            ("zfill", str_zfill),
            ("partition", |_, a| str_partition(a, false)),
            ("rpartition", |_, a| str_partition(a, true)),
            ("removeprefix", |_, a| {
                check_args("removeprefix", a, 1, 1)?;
                let s = me(&a)?;
                let p = arg_str(&a.args[1], "removeprefix")?;
                Ok(new_str(s.strip_prefix(p).unwrap_or(s)))
            }),
            ("removesuffix", |_, a| {
                check_args("removesuffix", a, 1, 1)?;
                let s = me(&a)?;
                let p = arg_str(&a.args[1], "removesuffix")?;
                Ok(new_str(if p.is_empty() { s } else { s.strip_suffix(p).unwrap_or(s) }))
            }),
            ("expandtabs", str_expandtabs),
            ("encode", str_encode),
            ("format", crate::builtins_init::functions::str_format_method),
            ("format_map", crate::builtins_init::functions::str_format_map),
            ("translate", str_translate),
        ],
    );
    super::add_value(s, "maketrans", crate::function::new_native("maketrans", str_maketrans));
}

fn me<'a>(a: &'a Args<'_>) -> PyResult<&'a str> {
    a.args.first().and_then(as_str).ok_or_else(|| err!(TypeError, "descriptor requires a 'str' object"))
}

fn arg_str<'a>(v: &'a Value, fname: &str) -> PyResult<&'a str> {
    as_str(v).ok_or_else(|| err!(TypeError, "{}() argument must be str, not {}", fname, ops::type_name(v)))
}

pub fn is_py_space(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\n' | '\r' | '\x0b' | '\x0c' | '\x1c' | '\x1d' | '\x1e' | '\x1f' | '\u{85}') || c.is_whitespace()
}

fn pred(a: &Args<'_>, f: impl Fn(char) -> bool) -> PyResult {
    let s = me(a)?;
    Ok(new_bool(!s.is_empty() && s.chars().all(f)))
}

fn is_identifier(s: &str) -> bool {
    let mut cs = s.chars();
    match cs.next() {
        Some(c) if c == '_' || c.is_alphabetic() => {}
        _ => return false,
    }
    cs.all(|c| c == '_' || c.is_alphanumeric())
}

fn title(s: &str) -> String {
    let mut out = String::new();
    let mut prev_cased = false;
    for c in s.chars() {
        if prev_cased {
            out.extend(c.to_lowercase());
        } else {
            out.extend(c.to_uppercase());
        }
        prev_cased = c.is_alphabetic();
    }
    out
}

fn str_new(ts: &ThreadState, a: Args<'_>) -> PyResult {
    let [cls, obj, encoding, errors] = super::parse_args("str", a, ["cls", "object", "encoding", "errors"], 1)?;
    let cls = cls.as_ref().and_then(TypeRef::from_value).unwrap_or(rt().types.str);
    let s = match obj {
        None => new_str(""),
        Some(o) => {
            if encoding.is_some() || errors.is_some() {
                crate::builtins_init::containers::decode_bytes(ts, &o, encoding, errors)?
            } else {
                ops::str_(ts, &o)?
            }
        }
    };
    if cls == rt().types.str {
        return Ok(s);
    }
    Ok(alloc(cls, PyStr::new(as_str(&s).unwrap_or(""))))
}

/// Python slice indices over a sequence of length `len`: (start, stop, step, count).
pub fn slice_indices(ts: &ThreadState, slice: &crate::cell::PySlice, len: usize) -> PyResult<(isize, isize, isize, usize)> {
    let len = len as isize;
    let step = if is_none(&slice.step) { 1 } else { ops::index_isize(ts, &slice.step).unwrap_or(isize::MAX) };
    if step == 0 {
        raise!(ValueError, "slice step cannot be zero");
    }
    let clamp = |v: &Value, default: isize| -> PyResult<isize> {
        if is_none(v) {
            return Ok(default);
        }
        let i = match ops::index(ts, v) {
            Ok(i) => i,
            Err(_) => raise!(TypeError, "slice indices must be integers or None or have an __index__ method"),
        };
        let x = crate::num::int_to_i64(&i).unwrap_or(if crate::num::int_to_big(&i).map(|b| b < 0.into()).unwrap_or(false) { i64::MIN } else { i64::MAX });
        let x = x.clamp(isize::MIN as i64 / 2, isize::MAX as i64 / 2) as isize;
        Ok(if x < 0 {
            let y = x + len;
            if y < 0 { if step < 0 { -1 } else { 0 } } else { y }
        } else if x >= len {
            if step < 0 { len - 1 } else { len }
        } else {
            x
        })
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
    let s = a.args[0].downcast::<PyStr>().ok_or_else(|| err!(TypeError, "expected str"))?;
    let key = &a.args[1];
    if let Some(sl) = key.downcast::<crate::cell::PySlice>() {
        let (start, _stop, step, count) = slice_indices(ts, sl, s.char_len())?;
        if s.is_ascii() {
            let b = s.as_str().as_bytes();
            let out: String = (0..count).map(|i| b[(start + i as isize * step) as usize] as char).collect();
            return Ok(new_string(out));
        }
        let chars: Vec<char> = s.as_str().chars().collect();
        let out: String = (0..count).map(|i| chars[(start + i as isize * step) as usize]).collect();
        return Ok(new_string(out));
    }
    if crate::num::is_int(key) || key.type_ref().lookup("__index__").is_some() {
        let i = ops::index_isize(ts, key)?;
        let n = s.char_len() as isize;
        let j = if i < 0 { i + n } else { i };
        if j < 0 || j >= n {
            raise!(IndexError, "string index out of range");
        }
        let c = s.char_at(j as usize).unwrap_or('\0');
        return Ok(new_string(c.to_string()));
    }
    raise!(TypeError, "string indices must be integers, not '{}'", ops::type_name(key))
}

fn str_add(_ts: &ThreadState, a: Args<'_>) -> PyResult {
    check_args("__add__", a, 1, 1)?;
    let s = me(&a)?;
    match as_str(&a.args[1]) {
        Some(o) => {
            let mut r = String::with_capacity(s.len() + o.len());
            r.push_str(s);
            r.push_str(o);
            Ok(new_string(r))
        }
        None => raise!(TypeError, "can only concatenate str (not \"{}\") to str", ops::type_name(&a.args[1])),
    }
}

fn str_mul(ts: &ThreadState, a: Args<'_>) -> PyResult {
    check_args("__mul__", a, 1, 1)?;
    let s = me(&a)?;
    let n = &a.args[1];
    if !crate::num::is_int(n) && n.type_ref().lookup("__index__").is_none() {
        return Ok(rt().not_implemented.clone());
    }
    let k = ops::index_isize(ts, n).map_err(|_| err!(OverflowError, "cannot fit 'int' into an index-sized integer"))?;
    if k <= 0 || s.is_empty() {
        return Ok(new_str(""));
    }
    if s.len().checked_mul(k as usize).map(|t| t > (1 << 40)).unwrap_or(true) {
        raise!(MemoryError, "");
    }
    Ok(new_string(s.repeat(k as usize)))
}

fn str_mod(ts: &ThreadState, a: Args<'_>) -> PyResult {
    check_args("__mod__", a, 1, 1)?;
    crate::builtins_init::functions::percent_format(ts, me(&a)?, &a.args[1])
}

fn str_contains(_ts: &ThreadState, a: Args<'_>) -> PyResult {
    check_args("__contains__", a, 1, 1)?;
    match as_str(&a.args[1]) {
        Some(o) => Ok(new_bool(me(&a)?.contains(o))),
        None => raise!(TypeError, "'in <string>' requires string as left operand, not {}", ops::type_name(&a.args[1])),
    }
}

fn str_cmp(a: Args<'_>, op: CmpOp) -> PyResult {
    if a.args.len() != 2 {
        raise!(TypeError, "expected 1 argument");
    }
    match (as_str(&a.args[0]), as_str(&a.args[1])) {
        (Some(x), Some(y)) => Ok(new_bool(op.apply(&x, &y))),
        _ => Ok(rt().not_implemented.clone()),
    }
}

fn str_join(ts: &ThreadState, a: Args<'_>) -> PyResult {
    check_args("join", a, 1, 1)?;
    let sep = me(&a)?;
    let items = ops::collect(ts, &a.args[1])?;
    let mut out = String::new();
    for (i, it) in items.iter().enumerate() {
        if i > 0 {
            out.push_str(sep);
        }
        match as_str(it) {
            Some(s) => out.push_str(s),
            None => raise!(TypeError, "sequence item {}: expected str instance, {} found", i, ops::type_name(it)),
        }
    }
    Ok(new_string(out))
}

fn str_split(_ts: &ThreadState, a: Args<'_>, right: bool) -> PyResult {
    let fname = if right { "rsplit" } else { "split" };
    let [_, sep, maxsplit] = super::parse_args(fname, a, ["self", "sep", "maxsplit"], 1)?;
    let s = me(&a)?;
    let max = match &maxsplit {
        Some(m) => crate::num::int_to_i64(m).ok_or_else(|| err!(TypeError, "'{}' object cannot be interpreted as an integer", ops::type_name(m)))?,
        None => -1,
    };
    let max = if max < 0 { usize::MAX } else { max as usize };
    let parts: Vec<String> = match sep.filter(|x| !is_none(x)) {
        Some(sepv) => {
            let sep = arg_str(&sepv, fname)?;
            if sep.is_empty() {
                raise!(ValueError, "empty separator");
            }
            if right {
                let mut v: Vec<String> = s.rsplitn(max.saturating_add(1), sep).map(str::to_owned).collect();
                v.reverse();
                v
            } else {
                s.splitn(max.saturating_add(1), sep).map(str::to_owned).collect()
            }
        }
        None => split_whitespace(s, max, right),
    };
    Ok(new_list(parts.iter().map(|p| new_str(p)).collect()))
}

fn split_whitespace(s: &str, max: usize, right: bool) -> Vec<String> {
    let chars: Vec<char> = s.chars().collect();
    let mut out = Vec::new();
    if !right {
        let mut i = 0;
        let n = chars.len();
        while i < n {
            while i < n && is_py_space(chars[i]) {
                i += 1;
            }
            if i >= n {
                break;
            }
            if out.len() == max {
                let rest: String = chars[i..].iter().collect();
                out.push(rest.trim_end_matches(is_py_space).to_owned());
                break;
            }
            let st = i;
            while i < n && !is_py_space(chars[i]) {
                i += 1;
            }
            out.push(chars[st..i].iter().collect());
        }
    } else {
        let mut i = chars.len();
        while i > 0 {
            while i > 0 && is_py_space(chars[i - 1]) {
                i -= 1;
            }
            if i == 0 {
                break;
            }
            if out.len() == max {
                let rest: String = chars[..i].iter().collect();
                out.push(rest.trim_start_matches(is_py_space).to_owned());
                break;
            }
            let end = i;
            while i > 0 && !is_py_space(chars[i - 1]) {
                i -= 1;
            }
            out.push(chars[i..end].iter().collect());
        }
        out.reverse();
    }
    out
}

fn str_splitlines(_ts: &ThreadState, a: Args<'_>) -> PyResult {
    let [_, keep] = super::parse_args("splitlines", a, ["self", "keepends"], 1)?;
    let keep = keep.map(|k| !k.is(&rt().false_) && !matches!(k.as_small_int(), Some(0))).unwrap_or(false);
    let s = me(&a)?;
    let chars: Vec<char> = s.chars().collect();
    let mut out = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let is_nl = matches!(c, '\n' | '\r' | '\x0b' | '\x0c' | '\x1c' | '\x1d' | '\x1e' | '\u{85}' | '\u{2028}' | '\u{2029}');
        if is_nl {
            let mut end = i + 1;
            if c == '\r' && chars.get(i + 1) == Some(&'\n') {
                end += 1;
            }
            let line: String = chars[start..if keep { end } else { i }].iter().collect();
            out.push(new_string(line));
            start = end;
            i = end;
        } else {
            i += 1;
        }
    }
    if start < chars.len() {
        out.push(new_string(chars[start..].iter().collect()));
    }
    Ok(new_list(out))
}

fn str_strip(_ts: &ThreadState, a: Args<'_>, which: u8) -> PyResult {
    let name = ["", "lstrip", "rstrip", "strip"][which as usize];
    check_args(name, a, 0, 1)?;
    let s = me(&a)?;
    let chars = a.args.get(1).filter(|x| !is_none(x));
    let r = match chars {
        Some(c) => {
            let set: Vec<char> = arg_str(c, name)?.chars().collect();
            let f = |ch: char| set.contains(&ch);
            match which {
                1 => s.trim_start_matches(f),
                2 => s.trim_end_matches(f),
                _ => s.trim_matches(f),
            }
        }
        None => match which {
            1 => s.trim_start_matches(is_py_space),
            2 => s.trim_end_matches(is_py_space),
            _ => s.trim_matches(is_py_space),
        },
    };
    Ok(new_str(r))
}

fn char_range(ts: &ThreadState, s: &str, start: Option<&Value>, end: Option<&Value>) -> PyResult<(usize, usize)> {
    let n = s.chars().count() as isize;
    let norm = |v: Option<&Value>, d: isize| -> PyResult<isize> {
        match v {
            None => Ok(d),
            Some(x) if is_none(x) => Ok(d),
            Some(x) => {
                let i = ops::index_isize(ts, x)?;
                Ok(if i < 0 { (i + n).max(0) } else { i.min(n) })
            }
        }
    };
    let st = norm(start, 0)?;
    let en = norm(end, n)?;
    Ok((st as usize, en.max(0) as usize))
}

fn byte_offset(s: &str, char_idx: usize) -> usize {
    s.char_indices().nth(char_idx).map(|(b, _)| b).unwrap_or(s.len())
}

fn str_startsend(ts: &ThreadState, a: Args<'_>, start: bool) -> PyResult {
    let name = if start { "startswith" } else { "endswith" };
    check_args(name, a, 1, 3)?;
    let s = me(&a)?;
    let (st, en) = char_range(ts, s, a.args.get(2), a.args.get(3))?;
    if st > en {
        return Ok(new_bool(false));
    }
    let sub = &s[byte_offset(s, st)..byte_offset(s, en)];
    let test = |p: &Value| -> PyResult<bool> {
        match as_str(p) {
            Some(p) => Ok(if start { sub.starts_with(p) } else { sub.ends_with(p) }),
            None => raise!(
                TypeError,
                "tuple for {} must only contain str, not {}",
                name,
                ops::type_name(p)
            ),
        }
    };
    let prefix = &a.args[1];
    if let Some(items) = crate::seq::tuple_items(prefix) {
        for p in items {
            if test(p)? {
                return Ok(new_bool(true));
            }
        }
        return Ok(new_bool(false));
    }
    if as_str(prefix).is_none() {
        raise!(
            TypeError,
            "{} first arg must be str or a tuple of str, not {}",
            name,
            ops::type_name(prefix)
        );
    }
    Ok(new_bool(test(prefix)?))
}

fn str_find(ts: &ThreadState, a: Args<'_>, right: bool, raise_: bool) -> PyResult {
    let name = match (right, raise_) {
        (false, false) => "find",
        (true, false) => "rfind",
        (false, true) => "index",
        (true, true) => "rindex",
    };
    check_args(name, a, 1, 3)?;
    let s = me(&a)?;
    let sub = as_str(&a.args[1]).ok_or_else(|| err!(TypeError, "must be str, not {}", ops::type_name(&a.args[1])))?;
    let (st, en) = char_range(ts, s, a.args.get(2), a.args.get(3))?;
    let mut found: Option<usize> = None;
    if st <= en {
        let bs = byte_offset(s, st);
        let be = byte_offset(s, en);
        let hay = &s[bs..be];
        let pos = if right { hay.rfind(sub) } else { hay.find(sub) };
        found = pos.map(|p| st + hay[..p].chars().count());
    }
    match found {
        Some(i) => Ok(new_int(i as i64)),
        None if raise_ => raise!(ValueError, "substring not found"),
        None => Ok(new_int(-1)),
    }
}

fn str_count(ts: &ThreadState, a: Args<'_>) -> PyResult {
    check_args("count", a, 1, 3)?;
    let s = me(&a)?;
    let sub = as_str(&a.args[1]).ok_or_else(|| err!(TypeError, "must be str, not {}", ops::type_name(&a.args[1])))?;
    let (st, en) = char_range(ts, s, a.args.get(2), a.args.get(3))?;
    if st > en {
        return Ok(new_int(0));
    }
    let hay = &s[byte_offset(s, st)..byte_offset(s, en)];
    let n = if sub.is_empty() { hay.chars().count() + 1 } else { hay.matches(sub).count() };
    Ok(new_int(n as i64))
}

fn str_replace(_ts: &ThreadState, a: Args<'_>) -> PyResult {
    let [_, old, new, count] = super::parse_args("replace", a, ["self", "old", "new", "count"], 3)?;
    let s = me(&a)?;
    let old = old.unwrap_or_else(none);
    let new = new.unwrap_or_else(none);
    let old = as_str(&old).ok_or_else(|| err!(TypeError, "replace() argument 1 must be str, not {}", ops::type_name(&old)))?;
    let new = as_str(&new).ok_or_else(|| err!(TypeError, "replace() argument 2 must be str, not {}", ops::type_name(&new)))?;
    let count = count.and_then(|c| crate::num::int_to_i64(&c)).unwrap_or(-1);
    if count < 0 {
        if old.is_empty() {
            let mut out = String::new();
            out.push_str(new);
            for c in s.chars() {
                out.push(c);
                out.push_str(new);
            }
            return Ok(new_string(out));
        }
        return Ok(new_string(s.replace(old, new)));
    }
    if old.is_empty() {
        let mut out = String::new();
        let mut n = 0;
        for c in s.chars() {
            if (n as i64) < count {
                out.push_str(new);
                n += 1;
            }
            out.push(c);
        }
        if (n as i64) < count {
            out.push_str(new);
        }
        return Ok(new_string(out));
    }
    Ok(new_string(s.replacen(old, new, count as usize)))
}

fn str_pad(ts: &ThreadState, a: Args<'_>, which: u8) -> PyResult {
    let name = ["center", "ljust", "rjust"][which as usize];
    check_args(name, a, 1, 2)?;
    let s = me(&a)?;
    let width = ops::index_isize(ts, &a.args[1])?;
    let fill = match a.args.get(2) {
        Some(f) => {
            let fs = as_str(f).ok_or_else(|| err!(TypeError, "{}() argument 2 must be str, not {}", name, ops::type_name(f)))?;
            let mut cs = fs.chars();
            match (cs.next(), cs.next()) {
                (Some(c), None) => c,
                _ => raise!(TypeError, "The fill character must be exactly one character long"),
            }
        }
        None => ' ',
    };
    let n = s.chars().count() as isize;
    if width <= n {
        return Ok(a.args[0].clone());
    }
    let pad = (width - n) as usize;
    let (l, r) = match which {
        0 => {
            let l = pad / 2 + (pad & width as usize & 1);
            (l, pad - l)
        }
        1 => (0, pad),
        _ => (pad, 0),
    };
    let mut out = String::new();
    out.extend(std::iter::repeat_n(fill, l));
    out.push_str(s);
    out.extend(std::iter::repeat_n(fill, r));
    Ok(new_string(out))
}

fn str_zfill(ts: &ThreadState, a: Args<'_>) -> PyResult {
    check_args("zfill", a, 1, 1)?;
    let s = me(&a)?;
    let width = ops::index_isize(ts, &a.args[1])?;
    let n = s.chars().count() as isize;
    if width <= n {
        return Ok(new_str(s));
    }
    let pad = "0".repeat((width - n) as usize);
    let (sign, rest) = match s.chars().next() {
        Some(c @ ('+' | '-')) => (c.to_string(), &s[1..]),
        _ => (String::new(), s),
    };
    Ok(new_string(format!("{sign}{pad}{rest}")))
}

fn str_partition(a: Args<'_>, right: bool) -> PyResult {
    check_args(if right { "rpartition" } else { "partition" }, a, 1, 1)?;
    let s = me(&a)?;
    let sep = as_str(&a.args[1]).ok_or_else(|| err!(TypeError, "must be str, not {}", ops::type_name(&a.args[1])))?;
    if sep.is_empty() {
        raise!(ValueError, "empty separator");
    }
    let pos = if right { s.rfind(sep) } else { s.find(sep) };
    Ok(match pos {
        Some(p) => new_tuple(vec![new_str(&s[..p]), new_str(sep), new_str(&s[p + sep.len()..])]),
        None if right => new_tuple(vec![new_str(""), new_str(""), new_str(s)]),
        None => new_tuple(vec![new_str(s), new_str(""), new_str("")]),
    })
}

fn str_expandtabs(ts: &ThreadState, a: Args<'_>) -> PyResult {
    let [_, ts_] = super::parse_args("expandtabs", a, ["self", "tabsize"], 1)?;
    let tab = match ts_ {
        Some(t) => ops::index_isize(ts, &t)?,
        None => 8,
    };
    let mut out = String::new();
    let mut col = 0isize;
    for c in me(&a)?.chars() {
        match c {
            '\t' => {
                if tab > 0 {
                    let n = tab - col % tab;
                    out.extend(std::iter::repeat_n(' ', n as usize));
                    col += n;
                }
            }
            '\n' | '\r' => {
                out.push(c);
                col = 0;
            }
            _ => {
                out.push(c);
                col += 1;
            }
        }
    }
    Ok(new_string(out))
}

fn str_encode(ts: &ThreadState, a: Args<'_>) -> PyResult {
    let [_, encoding, errors] = super::parse_args("encode", a, ["self", "encoding", "errors"], 1)?;
    crate::builtins_init::containers::encode_str(ts, &a.args[0], encoding, errors)
}

fn str_maketrans(ts: &ThreadState, a: Args<'_>) -> PyResult {
    let d = super::new_dict();
    let pos = a.positional();
    match pos.len() {
        1 => {
            for (k, v) in super::mapping_items(ts, &pos[0])? {
                let key = match as_str(&k) {
                    Some(s) if s.chars().count() == 1 => new_int(s.chars().next().map(|c| c as i64).unwrap_or(0)),
                    Some(_) => raise!(ValueError, "string keys in translate table must be of length 1"),
                    None => k,
                };
                super::dict_set(ts, &d, key, v)?;
            }
        }
        2 | 3 => {
            let x: Vec<char> = arg_str(&pos[0], "maketrans")?.chars().collect();
            let y: Vec<char> = arg_str(&pos[1], "maketrans")?.chars().collect();
            if x.len() != y.len() {
                raise!(ValueError, "the first two maketrans arguments must have equal length");
            }
            for (c1, c2) in x.iter().zip(&y) {
                super::dict_set(ts, &d, new_int(*c1 as i64), new_int(*c2 as i64))?;
            }
            if let Some(z) = pos.get(2) {
                for c in arg_str(z, "maketrans")?.chars() {
                    super::dict_set(ts, &d, new_int(c as i64), none())?;
                }
            }
        }
        _ => raise!(TypeError, "maketrans() takes at most 3 arguments"),
    }
    Ok(d)
}

fn str_translate(ts: &ThreadState, a: Args<'_>) -> PyResult {
    check_args("translate", a, 1, 1)?;
    let table = &a.args[1];
    let mut out = String::new();
    for c in me(&a)?.chars() {
        match ops::getitem(ts, table, &new_int(c as i64)) {
            Ok(v) => {
                if is_none(&v) {
                    continue;
                }
                if let Some(s) = as_str(&v) {
                    out.push_str(s);
                } else if let Some(i) = crate::num::int_to_i64(&v) {
                    match u32::try_from(i).ok().and_then(char::from_u32) {
                        Some(ch) => out.push(ch),
                        None => raise!(ValueError, "character mapping must be in range(0x110000)"),
                    }
                } else {
                    raise!(TypeError, "character mapping must return integer, None or str");
                }
            }
            Err(e) if e.is_instance(rt().exc.LookupError) => out.push(c),
            Err(e) => return Err(e),
        }
    }
    Ok(new_string(out))
}
