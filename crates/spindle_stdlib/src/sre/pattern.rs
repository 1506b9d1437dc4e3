//! `re.Pattern`: a validated program with the pattern source, flags and group
//! names, and the operations that run it: `match`, `fullmatch`, `search`,
//! `findall`, `finditer`, `scanner`, `split`, `sub` and `subn`. Iterating
//! operations collect the engine's matches first and then build Python values, so
//! a replacement function runs after matching (it cannot change the subject,
//! which is a copy, nor the program).

use std::hash::{Hash, Hasher};
use std::sync::Arc;

use spindle_sre::{Match, Program, State};
use spindle_vm::builtins_init::{dict_set, new_dict};
use spindle_vm::bytes::{PyByteArray, PyBytes, new_bytes};
use spindle_vm::dict::PyDict;
use spindle_vm::error::PyResult;
use spindle_vm::function::Args;
use spindle_vm::interp::ThreadState;
use spindle_vm::iter::{IterState, PyIter};
use spindle_vm::native::add_methods;
use spindle_vm::num::{int_to_i64, new_bool, new_int};
use spindle_vm::object::{PyPayload, TypeRef, alloc};
use spindle_vm::ops;
use spindle_vm::raise;
use spindle_vm::runtime::{is_none, none, rt};
use spindle_vm::seq::{PyList, PyTuple, new_list, new_tuple};
use spindle_vm::str::{PyStr, new_string};
use spindle_vm::value::Value;

use super::subject::{SubjectBuf, subject_of, with_units};
use super::{MatchObj, ScannerObj, TemplateObj, bind, engine_error, ssize_or, this, types};

pub(crate) struct PatternObj {
    pub(crate) program: Program,
    /// The source `str` or `bytes`, or None.
    pub(crate) pattern: Value,
    pub(crate) flags: u32,
    /// Capturing groups, not counting group 0.
    pub(crate) groups: usize,
    /// A private dict: group name -> number.
    pub(crate) groupindex: Value,
    /// A tuple: group number -> name or None.
    pub(crate) indexgroup: Value,
    /// Whether the pattern is bytes; None when compiled without a source.
    pub(crate) is_bytes: Option<bool>,
}

impl PyPayload for PatternObj {
    const KIND: spindle_vm::object::PayloadKind = crate::kinds::kind(crate::kinds::SRE_BASE);
    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        visit(&self.pattern);
        visit(&self.groupindex);
        visit(&self.indexgroup);
    }
}

impl PatternObj {
    pub(crate) fn groupindex_get(&self, name: &str) -> Option<Value> {
        self.groupindex.downcast::<PyDict>().and_then(|d| d.get_str(name))
    }

    /// The name of group `index`, if it has one.
    pub(crate) fn group_name(&self, index: usize) -> Option<Value> {
        let t = self.indexgroup.downcast::<PyTuple>()?;
        t.items.get(index).filter(|v| !is_none(v)).cloned()
    }

    /// Converts `string` for matching, checking its kind against the pattern's.
    pub(crate) fn subject(&self, string: &Value) -> PyResult<Arc<SubjectBuf>> {
        let buf = subject_of(string)?;
        match (self.is_bytes, buf.is_bytes) {
            (Some(false), true) => raise!(TypeError, "cannot use a string pattern on a bytes-like object"),
            (Some(true), false) => raise!(TypeError, "cannot use a bytes pattern on a string-like object"),
            _ => Ok(buf),
        }
    }
}

/// `_sre.compile(pattern, flags, code, groups, groupindex, indexgroup)`.
pub(super) fn compile(
    ts: &ThreadState,
    pattern: Value,
    flags: &Value,
    code: &Value,
    groups: &Value,
    groupindex: Value,
    indexgroup: Value,
) -> PyResult<Value> {
    let flags = match int_to_i64(&ops::index(ts, flags)?).and_then(|f| i32::try_from(f).ok()) {
        Some(f) => f as u32,
        None => raise!(OverflowError, "Python int too large to convert to C int"),
    };
    let Some(list) = code.downcast::<PyList>() else {
        raise!(TypeError, "compile() argument 'code' must be list, not {}", ops::type_name(code))
    };
    let mut words = Vec::with_capacity(list.len());
    for item in list.snapshot() {
        let i = ops::index(ts, &item)?;
        match int_to_i64(&i).and_then(|x| u32::try_from(x).ok()) {
            Some(w) => words.push(w),
            None => raise!(OverflowError, "regular expression code size limit exceeded"),
        }
    }
    let groups = super::ssize(ts, groups)?;
    let Ok(groups) = usize::try_from(groups) else { raise!(RuntimeError, "invalid SRE code") };
    if groupindex.downcast::<PyDict>().is_none() {
        raise!(TypeError, "compile() argument 'groupindex' must be dict, not {}", ops::type_name(&groupindex));
    }
    if indexgroup.downcast::<PyTuple>().is_none() {
        raise!(TypeError, "compile() argument 'indexgroup' must be tuple, not {}", ops::type_name(&indexgroup));
    }
    let is_bytes = if is_none(&pattern) {
        None
    } else if pattern.downcast::<PyStr>().is_some() {
        Some(false)
    } else if pattern.downcast::<PyBytes>().is_some() || pattern.downcast::<PyByteArray>().is_some() {
        Some(true)
    } else {
        raise!(TypeError, "expected string or bytes-like object, got '{}'", ops::type_name(&pattern))
    };
    let Ok(program) = Program::new(words, flags, groups) else { raise!(RuntimeError, "invalid SRE code") };
    let gi = new_dict();
    if let Some(d) = groupindex.downcast::<PyDict>() {
        for (k, v) in d.items() {
            dict_set(ts, &gi, k, v)?;
        }
    }
    Ok(alloc(
        types().pattern,
        PatternObj { program, pattern, flags, groups, groupindex: gi, indexgroup, is_bytes },
    ))
}

// ---------------------------------------------------------------- one-shot

#[derive(Clone, Copy)]
enum OneShot {
    Match,
    Fullmatch,
    Search,
}

fn one_shot(ts: &ThreadState, a: &Args<'_>, kind: OneShot, fname: &str) -> PyResult<Value> {
    let (pv, pat) = this::<PatternObj>(a, "re.Pattern")?;
    let [string, pos, endpos] = bind(fname, a, ["string", "pos", "endpos"], 1)?;
    let string = string.unwrap_or_else(none);
    let pos = ssize_or(ts, &pos, 0)?;
    let endpos = ssize_or(ts, &endpos, isize::MAX)?;
    let buf = pat.subject(&string)?;
    let (res, pos, endpos) = with_units!(buf, |s| {
        let mut st = State::new(&pat.program, s, pos, endpos);
        let r = match kind {
            OneShot::Match => st.match_prefix(),
            OneShot::Fullmatch => st.fullmatch(),
            OneShot::Search => st.search(),
        };
        (r, st.pos(), st.endpos())
    });
    match res.map_err(engine_error)? {
        Some(m) => Ok(super::matchobj::new_match(pv, &string, &buf, pos, endpos, &m)),
        None => Ok(none()),
    }
}

fn pattern_match(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    one_shot(ts, &a, OneShot::Match, "match")
}

fn pattern_fullmatch(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    one_shot(ts, &a, OneShot::Fullmatch, "fullmatch")
}

fn pattern_search(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    one_shot(ts, &a, OneShot::Search, "search")
}

// ---------------------------------------------------------------- iterating

/// Every match of the scan from `pos` to `endpos`, at most `limit` of them.
fn collect_matches(
    pat: &PatternObj,
    buf: &SubjectBuf,
    pos: isize,
    endpos: isize,
    limit: Option<usize>,
) -> PyResult<(Vec<Match>, usize, usize)> {
    let r = with_units!(buf, |s| {
        let mut st = State::new(&pat.program, s, pos, endpos);
        let mut out = Vec::new();
        let mut err = None;
        while limit.is_none_or(|l| out.len() < l) {
            match st.scan_search() {
                Ok(Some(m)) => out.push(m),
                Ok(None) => break,
                Err(e) => {
                    err = Some(e);
                    break;
                }
            }
        }
        (out, err, st.pos(), st.endpos())
    });
    match r {
        (_, Some(e), _, _) => Err(engine_error(e)),
        (out, None, p, e) => Ok((out, p, e)),
    }
}

fn pattern_findall(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let (_, pat) = this::<PatternObj>(&a, "re.Pattern")?;
    let [string, pos, endpos] = bind("findall", &a, ["string", "pos", "endpos"], 1)?;
    let string = string.unwrap_or_else(none);
    let pos = ssize_or(ts, &pos, 0)?;
    let endpos = ssize_or(ts, &endpos, isize::MAX)?;
    let buf = pat.subject(&string)?;
    let (matches, _, _) = collect_matches(pat, &buf, pos, endpos, None)?;
    let empty = || buf.slice(&string, 0, 0);
    let group = |m: &Match, g: usize| match m.span(g) {
        Some((s, e)) => buf.slice(&string, s, e),
        None => empty(),
    };
    let items = matches
        .iter()
        .map(|m| match pat.groups {
            0 => buf.slice(&string, m.start, m.end),
            1 => group(m, 1),
            n => new_tuple((1..=n).map(|g| group(m, g)).collect()),
        })
        .collect();
    Ok(new_list(items))
}

fn new_scanner(ts: &ThreadState, a: &Args<'_>, fname: &str) -> PyResult<Value> {
    let (pv, pat) = this::<PatternObj>(a, "re.Pattern")?;
    let [string, pos, endpos] = bind(fname, a, ["string", "pos", "endpos"], 1)?;
    let string = string.unwrap_or_else(none);
    let pos = ssize_or(ts, &pos, 0)?;
    let endpos = ssize_or(ts, &endpos, isize::MAX)?;
    let buf = pat.subject(&string)?;
    Ok(ScannerObj::new_value(pv.clone(), string, buf, pos, endpos))
}

fn pattern_scanner(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    new_scanner(ts, &a, "scanner")
}

fn pattern_finditer(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let scanner = new_scanner(ts, &a, "finditer")?;
    let search = ops::getattr_str(ts, &scanner, "search")?;
    Ok(alloc(
        rt().types.callable_iterator,
        PyIter { state: spindle_vm::lock::ShortMutex::new(IterState::Callable { callable: search, sentinel: none() }) },
    ))
}

fn pattern_split(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let (_, pat) = this::<PatternObj>(&a, "re.Pattern")?;
    let [string, maxsplit] = bind("split", &a, ["string", "maxsplit"], 1)?;
    let string = string.unwrap_or_else(none);
    let maxsplit = ssize_or(ts, &maxsplit, 0)?;
    let buf = pat.subject(&string)?;
    let limit = match maxsplit {
        0 => None,
        n => Some(usize::try_from(n).unwrap_or(0)),
    };
    let (matches, _, endpos) = collect_matches(pat, &buf, 0, isize::MAX, limit)?;
    let mut out = Vec::new();
    let mut last = 0;
    for m in &matches {
        out.push(buf.slice(&string, last, m.start));
        for g in 1..=pat.groups {
            out.push(match m.span(g) {
                Some((s, e)) => buf.slice(&string, s, e),
                None => none(),
            });
        }
        last = m.end;
    }
    out.push(buf.slice(&string, last, endpos));
    Ok(new_list(out))
}

/// What replaces each match in `sub`.
enum Filter {
    Literal(Option<Value>),
    Callable(Value),
    Template(Value),
}

fn has_backslash(v: &Value) -> Option<bool> {
    if let Some(s) = v.downcast::<PyStr>() {
        return Some(s.as_str().contains('\\'));
    }
    if let Some(b) = v.downcast::<PyBytes>() {
        return Some(b.data.contains(&b'\\'));
    }
    if let Some(b) = v.downcast::<PyByteArray>() {
        return Some(b.data.lock().contains(&b'\\'));
    }
    None
}

/// `re._compile_template(pattern, repl)`, which parses the replacement in Python
/// (and raises `re.error` for a bad one) and calls `_sre.template`.
pub(super) fn compile_template(ts: &ThreadState, pattern: &Value, repl: &Value) -> PyResult<Value> {
    let re = spindle_vm::import::import_module(ts, "re")?;
    let f = ops::getattr_str(ts, &re, "_compile_template")?;
    let t = ops::call(ts, &f, &[pattern.clone(), repl.clone()])?;
    if t.downcast::<TemplateObj>().is_none() {
        raise!(TypeError, "expected _sre.SRE_Template, got {}", ops::type_name(&t));
    }
    Ok(t)
}

/// Concatenates `pieces` as `''.join` or `b''.join` would, with their errors.
pub(super) fn join(pieces: &[Value], is_bytes: bool) -> PyResult<Value> {
    if is_bytes {
        let mut out = Vec::new();
        for (i, p) in pieces.iter().enumerate() {
            if let Some(b) = p.downcast::<PyBytes>() {
                out.extend_from_slice(&b.data);
            } else if let Some(b) = p.downcast::<PyByteArray>() {
                out.extend_from_slice(&b.data.lock());
            } else {
                raise!(TypeError, "sequence item {}: expected a bytes-like object, {} found", i, ops::type_name(p));
            }
        }
        return Ok(new_bytes(&out));
    }
    if let [one] = pieces
        && one.type_ref() == rt().types.str
    {
        return Ok(one.clone());
    }
    let mut out = String::new();
    for (i, p) in pieces.iter().enumerate() {
        match p.downcast::<PyStr>() {
            Some(s) => out.push_str(s.as_str()),
            None => raise!(TypeError, "sequence item {}: expected str instance, {} found", i, ops::type_name(p)),
        }
    }
    Ok(new_string(out))
}

fn subx(ts: &ThreadState, a: &Args<'_>, fname: &str, with_count: bool) -> PyResult<Value> {
    let (pv, pat) = this::<PatternObj>(a, "re.Pattern")?;
    let [repl, string, count] = bind(fname, a, ["repl", "string", "count"], 2)?;
    let repl = repl.unwrap_or_else(none);
    let string = string.unwrap_or_else(none);
    let count = ssize_or(ts, &count, 0)?;
    let filter = if ops::is_callable(&repl) {
        Filter::Callable(repl)
    } else if has_backslash(&repl) == Some(false) {
        Filter::Literal(Some(repl))
    } else {
        let t = compile_template(ts, pv, &repl)?;
        match t.downcast::<TemplateObj>().and_then(TemplateObj::as_literal) {
            Some(lit) => Filter::Literal(lit),
            None => Filter::Template(t),
        }
    };
    let buf = pat.subject(&string)?;
    let limit = match count {
        0 => None,
        n => Some(usize::try_from(n).unwrap_or(0)),
    };
    let (matches, pos, endpos) = collect_matches(pat, &buf, 0, isize::MAX, limit)?;
    let mut pieces = Vec::new();
    let mut i = pos;
    for m in &matches {
        if i < m.start {
            pieces.push(buf.slice(&string, i, m.start));
        }
        let item = match &filter {
            Filter::Literal(v) => v.clone().unwrap_or_else(none),
            Filter::Callable(f) => {
                let mo = super::matchobj::new_match(pv, &string, &buf, pos, endpos, m);
                ops::call(ts, f, &[mo])?
            }
            Filter::Template(t) => {
                let mo = super::matchobj::new_match(pv, &string, &buf, pos, endpos, m);
                match (mo.downcast::<MatchObj>(), t.downcast::<TemplateObj>()) {
                    (Some(mo), Some(t)) => t.expand(mo)?,
                    _ => none(),
                }
            }
        };
        if !is_none(&item) {
            pieces.push(item);
        }
        i = m.end;
    }
    if i < endpos {
        pieces.push(buf.slice(&string, i, endpos));
    }
    let result = join(&pieces, buf.is_bytes)?;
    if with_count {
        Ok(new_tuple(vec![result, new_int(matches.len() as i64)]))
    } else {
        Ok(result)
    }
}

fn pattern_sub(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    subx(ts, &a, "sub", false)
}

fn pattern_subn(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    subx(ts, &a, "subn", true)
}

// ---------------------------------------------------------------- protocol

const FLAG_NAMES: [(&str, u32); 8] = [
    ("re.IGNORECASE", 2),
    ("re.LOCALE", 4),
    ("re.MULTILINE", 8),
    ("re.DOTALL", 16),
    ("re.UNICODE", 32),
    ("re.VERBOSE", 64),
    ("re.DEBUG", 128),
    ("re.ASCII", 256),
];

/// The first `n` characters of `s`.
pub(super) fn truncate(s: &str, n: usize) -> &str {
    match s.char_indices().nth(n) {
        Some((i, _)) => &s[..i],
        None => s,
    }
}

fn pattern_repr(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let (_, pat) = this::<PatternObj>(&a, "re.Pattern")?;
    let src = ops::repr_string(ts, &pat.pattern)?;
    let mut flags = pat.flags;
    if pat.is_bytes == Some(false) && flags & (4 | 32 | 256) == 32 {
        flags &= !32;
    }
    let mut out = format!("re.compile({}", truncate(&src, 200));
    if flags != 0 {
        let mut names = Vec::new();
        for (name, bit) in FLAG_NAMES {
            if flags & bit != 0 {
                names.push(name.to_owned());
                flags &= !bit;
            }
        }
        if flags != 0 {
            names.push(format!("{flags:#x}"));
        }
        out.push_str(", ");
        out.push_str(&names.join("|"));
    }
    out.push(')');
    Ok(new_string(out))
}

fn pattern_eq(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let (_, pat) = this::<PatternObj>(&a, "re.Pattern")?;
    let Some(other) = a.args.get(1) else { raise!(TypeError, "expected 1 argument") };
    let Some(o) = other.downcast::<PatternObj>() else { return Ok(rt().not_implemented.clone()) };
    if std::ptr::eq(pat, o) {
        return Ok(new_bool(true));
    }
    let same = pat.flags == o.flags
        && pat.is_bytes == o.is_bytes
        && pat.program.code() == o.program.code()
        && ops::eq(ts, &pat.pattern, &o.pattern)?;
    Ok(new_bool(same))
}

fn pattern_ne(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let r = pattern_eq(ts, a)?;
    if r.is(&rt().not_implemented) {
        return Ok(r);
    }
    Ok(new_bool(!ops::is_true(ts, &r)?))
}

fn pattern_hash(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let (_, pat) = this::<PatternObj>(&a, "re.Pattern")?;
    let h = ops::hash(ts, &pat.pattern)?;
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    pat.program.code().hash(&mut hasher);
    let h2 = hasher.finish() as i64;
    let mut h = h ^ h2 ^ i64::from(pat.flags) ^ i64::from(pat.is_bytes == Some(true));
    h ^= pat.program.code().len() as i64;
    if h == -1 {
        h = -2;
    }
    Ok(new_int(h))
}

fn pattern_copy(_ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let (v, _) = this::<PatternObj>(&a, "re.Pattern")?;
    Ok(v.clone())
}

fn get_pattern(_ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let (_, pat) = this::<PatternObj>(&a, "re.Pattern")?;
    Ok(pat.pattern.clone())
}

fn get_flags(_ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let (_, pat) = this::<PatternObj>(&a, "re.Pattern")?;
    Ok(new_int(i64::from(pat.flags)))
}

fn get_groups(_ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let (_, pat) = this::<PatternObj>(&a, "re.Pattern")?;
    Ok(new_int(pat.groups as i64))
}

/// `Pattern.groupindex`: a fresh dict each time, as CPython 3.14 returns.
fn get_groupindex(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let (_, pat) = this::<PatternObj>(&a, "re.Pattern")?;
    spindle_vm::ops::call(ts, &rt().types.dict.to_value(), &[pat.groupindex.clone()])
}

fn pattern_new(_ts: &ThreadState, _a: Args<'_>) -> PyResult<Value> {
    raise!(TypeError, "cannot create 're.Pattern' instances")
}

pub(super) fn make_type() -> TypeRef {
    let t = super::sealed_type::<PatternObj>("Pattern", "re", pattern_new);
    add_methods(
        t,
        &[
            ("match", pattern_match),
            ("fullmatch", pattern_fullmatch),
            ("search", pattern_search),
            ("findall", pattern_findall),
            ("finditer", pattern_finditer),
            ("scanner", pattern_scanner),
            ("split", pattern_split),
            ("sub", pattern_sub),
            ("subn", pattern_subn),
            ("__repr__", pattern_repr),
            ("__eq__", pattern_eq),
            ("__ne__", pattern_ne),
            ("__hash__", pattern_hash),
            ("__copy__", pattern_copy),
            ("__deepcopy__", pattern_copy),
        ],
    );
    super::add_getter(t, "pattern", get_pattern);
    super::add_getter(t, "flags", get_flags);
    super::add_getter(t, "groups", get_groups);
    super::add_getter(t, "groupindex", get_groupindex);
    t
}
