//! `re.Match`, the result of a successful match (group spans over a shared copy of
//! the subject, sliced on demand), and `_sre.SRE_Template`, a parsed replacement
//! template: literals alternating with group numbers, as `re._parser.parse_template`
//! produces them, expanded against a match by `sub` and `Match.expand`.

use std::sync::Arc;

use spindle_sre::Match;
use spindle_vm::builtins_init::{dict_set, new_dict};
use spindle_vm::bytes::{PyByteArray, PyBytes};
use spindle_vm::dict::PyDict;
use spindle_vm::error::PyResult;
use spindle_vm::function::Args;
use spindle_vm::interp::ThreadState;
use spindle_vm::native::add_methods;
use spindle_vm::num::new_int;
use spindle_vm::object::{PyPayload, TypeRef, alloc};
use spindle_vm::ops;
use spindle_vm::raise;
use spindle_vm::runtime::none;
use spindle_vm::seq::{PyList, new_tuple};
use spindle_vm::str::{PyStr, new_string};
use spindle_vm::value::Value;

use super::pattern::{join, truncate};
use super::subject::SubjectBuf;
use super::{PatternObj, bind, group_index, this, types};

pub(crate) struct MatchObj {
    pattern: Value,
    string: Value,
    buf: Arc<SubjectBuf>,
    pos: usize,
    endpos: usize,
    /// The span of every group, group 0 first; None where a group did not take part.
    spans: Vec<Option<(usize, usize)>>,
    lastindex: Option<usize>,
}

impl PyPayload for MatchObj {
    const KIND: spindle_vm::object::PayloadKind = crate::kinds::kind(crate::kinds::SRE_BASE + 1);
    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        visit(&self.pattern);
        visit(&self.string);
    }
}

/// A new `re.Match` for the engine's `m` over `string`.
pub(crate) fn new_match(
    pattern: &Value,
    string: &Value,
    buf: &Arc<SubjectBuf>,
    pos: usize,
    endpos: usize,
    m: &Match,
) -> Value {
    let mut spans = Vec::with_capacity(m.groups.len() + 1);
    spans.push(Some((m.start, m.end)));
    spans.extend(m.groups.iter().copied());
    alloc(
        types().match_,
        MatchObj {
            pattern: pattern.clone(),
            string: string.clone(),
            buf: buf.clone(),
            pos,
            endpos,
            spans,
            lastindex: m.lastindex,
        },
    )
}

impl MatchObj {
    fn pat(&self) -> PyResult<&PatternObj> {
        match self.pattern.downcast::<PatternObj>() {
            Some(p) => Ok(p),
            None => raise!(SystemError, "match object without a pattern"),
        }
    }

    fn index(&self, ts: &ThreadState, key: Option<&Value>) -> PyResult<usize> {
        match key {
            None => Ok(0),
            Some(k) => group_index(ts, self.pat()?, k, self.spans.len()),
        }
    }

    /// Group `g` as a str/bytes slice, or `default` if it did not take part.
    fn slice(&self, g: usize, default: &Value) -> Value {
        match self.spans.get(g).copied().flatten() {
            Some((s, e)) => self.buf.slice(&self.string, s, e),
            None => default.clone(),
        }
    }

    fn span_of(&self, g: usize) -> (i64, i64) {
        match self.spans.get(g).copied().flatten() {
            Some((s, e)) => (s as i64, e as i64),
            None => (-1, -1),
        }
    }
}

fn me<'a>(a: &'a Args<'_>) -> PyResult<(&'a Value, &'a MatchObj)> {
    this::<MatchObj>(a, "re.Match")
}

fn match_group(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let (_, m) = me(&a)?;
    if a.has_kwargs() {
        raise!(TypeError, "group() takes no keyword arguments");
    }
    let keys = a.args.get(1..).unwrap_or(&[]);
    let n = none();
    match keys {
        [] => Ok(m.slice(0, &n)),
        [k] => Ok(m.slice(m.index(ts, Some(k))?, &n)),
        ks => {
            let mut out = Vec::with_capacity(ks.len());
            for k in ks {
                out.push(m.slice(m.index(ts, Some(k))?, &n));
            }
            Ok(new_tuple(out))
        }
    }
}

fn match_getitem(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let (_, m) = me(&a)?;
    let Some(k) = a.args.get(1) else { raise!(TypeError, "expected 1 argument") };
    Ok(m.slice(m.index(ts, Some(k))?, &none()))
}

fn match_groups(_ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let (_, m) = me(&a)?;
    let [default] = bind("groups", &a, ["default"], 0)?;
    let default = default.unwrap_or_else(none);
    Ok(new_tuple((1..m.spans.len()).map(|g| m.slice(g, &default)).collect()))
}

fn match_groupdict(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let (_, m) = me(&a)?;
    let [default] = bind("groupdict", &a, ["default"], 0)?;
    let default = default.unwrap_or_else(none);
    let out = new_dict();
    let pat = m.pat()?;
    if let Some(d) = pat.groupindex.downcast::<PyDict>() {
        for (k, _) in d.items() {
            let g = group_index(ts, pat, &k, m.spans.len())?;
            dict_set(ts, &out, k, m.slice(g, &default))?;
        }
    }
    Ok(out)
}

fn one_group_arg(ts: &ThreadState, a: &Args<'_>, fname: &str) -> PyResult<usize> {
    let (_, m) = me(a)?;
    let [g] = bind(fname, a, ["group"], 0)?;
    m.index(ts, g.as_ref())
}

fn match_start(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let g = one_group_arg(ts, &a, "start")?;
    let (_, m) = me(&a)?;
    Ok(new_int(m.span_of(g).0))
}

fn match_end(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let g = one_group_arg(ts, &a, "end")?;
    let (_, m) = me(&a)?;
    Ok(new_int(m.span_of(g).1))
}

fn span_value(s: (i64, i64)) -> Value {
    new_tuple(vec![new_int(s.0), new_int(s.1)])
}

fn match_span(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let g = one_group_arg(ts, &a, "span")?;
    let (_, m) = me(&a)?;
    Ok(span_value(m.span_of(g)))
}

fn match_expand(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let (_, m) = me(&a)?;
    let [template] = bind("expand", &a, ["template"], 1)?;
    let template = template.unwrap_or_else(none);
    let t = super::pattern::compile_template(ts, &m.pattern, &template)?;
    match t.downcast::<TemplateObj>() {
        Some(t) => t.expand(m),
        None => Ok(none()),
    }
}

fn match_repr(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let (_, m) = me(&a)?;
    let (s, e) = m.span_of(0);
    let text = ops::repr_string(ts, &m.slice(0, &none()))?;
    Ok(new_string(format!("<re.Match object; span=({s}, {e}), match={}>", truncate(&text, 50))))
}

fn match_copy(_ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let (v, _) = me(&a)?;
    Ok(v.clone())
}

fn get_pos(_ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    Ok(new_int(me(&a)?.1.pos as i64))
}

fn get_endpos(_ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    Ok(new_int(me(&a)?.1.endpos as i64))
}

fn get_lastindex(_ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    Ok(match me(&a)?.1.lastindex {
        Some(i) => new_int(i as i64),
        None => none(),
    })
}

fn get_lastgroup(_ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let (_, m) = me(&a)?;
    Ok(m.lastindex.and_then(|i| m.pat().ok().and_then(|p| p.group_name(i))).unwrap_or_else(none))
}

fn get_re(_ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    Ok(me(&a)?.1.pattern.clone())
}

fn get_string(_ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    Ok(me(&a)?.1.string.clone())
}

fn get_regs(_ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let (_, m) = me(&a)?;
    Ok(new_tuple((0..m.spans.len()).map(|g| span_value(m.span_of(g))).collect()))
}

fn match_new(_ts: &ThreadState, _a: Args<'_>) -> PyResult<Value> {
    raise!(TypeError, "cannot create 're.Match' instances")
}

pub(super) fn make_match_type() -> TypeRef {
    let t = super::sealed_type::<MatchObj>("Match", "re", match_new);
    add_methods(
        t,
        &[
            ("group", match_group),
            ("__getitem__", match_getitem),
            ("groups", match_groups),
            ("groupdict", match_groupdict),
            ("start", match_start),
            ("end", match_end),
            ("span", match_span),
            ("expand", match_expand),
            ("__repr__", match_repr),
            ("__copy__", match_copy),
            ("__deepcopy__", match_copy),
        ],
    );
    for (name, f) in [
        ("pos", get_pos as spindle_vm::function::NativeFnPtr),
        ("endpos", get_endpos),
        ("lastindex", get_lastindex),
        ("lastgroup", get_lastgroup),
        ("re", get_re),
        ("string", get_string),
        ("regs", get_regs),
    ] {
        super::add_getter(t, name, f);
    }
    t
}

// ---------------------------------------------------------------- template

pub(crate) struct TemplateObj {
    /// The literal before the first group reference (None when empty).
    first: Option<Value>,
    /// Each group reference with the literal after it.
    items: Vec<(usize, Option<Value>)>,
}

impl PyPayload for TemplateObj {
    const KIND: spindle_vm::object::PayloadKind = crate::kinds::kind(crate::kinds::SRE_BASE + 3);
    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        if let Some(v) = &self.first {
            visit(v);
        }
        for v in self.items.iter().filter_map(|(_, l)| l.as_ref()) {
            visit(v);
        }
    }
}

/// None for an empty str or bytes literal.
fn literal(v: &Value) -> Option<Value> {
    let empty = v.downcast::<PyStr>().map(|s| s.as_str().is_empty())
        .or_else(|| v.downcast::<PyBytes>().map(|b| b.data.is_empty()))
        .or_else(|| v.downcast::<PyByteArray>().map(|b| b.data.lock().is_empty()))
        .unwrap_or(false);
    if empty { None } else { Some(v.clone()) }
}

/// `_sre.template(pattern, template)`: `template` is `[literal, group, literal, ...]`.
pub(super) fn new_template(ts: &ThreadState, _pattern: &Value, template: &Value) -> PyResult<Value> {
    let Some(list) = template.downcast::<PyList>() else {
        raise!(TypeError, "template() argument 2 must be list, not {}", ops::type_name(template))
    };
    let items = list.snapshot();
    if items.len() % 2 == 0 {
        raise!(TypeError, "invalid template");
    }
    let first = literal(&items[0]);
    let mut chunks = Vec::with_capacity(items.len() / 2);
    for pair in items[1..].chunks(2) {
        let [g, lit] = pair else { raise!(TypeError, "invalid template") };
        let g = super::ssize(ts, g)?;
        let Ok(g) = usize::try_from(g) else { raise!(TypeError, "invalid template") };
        chunks.push((g, literal(lit)));
    }
    Ok(alloc(types().template, TemplateObj { first, items: chunks }))
}

impl TemplateObj {
    /// The whole replacement when the template references no group.
    pub(crate) fn as_literal(&self) -> Option<Option<Value>> {
        if !self.items.is_empty() {
            return None;
        }
        Some(self.first.clone())
    }

    /// The replacement for match `m`; groups that did not take part are empty.
    pub(crate) fn expand(&self, m: &MatchObj) -> PyResult<Value> {
        if self.items.is_empty() {
            // No group reference: the literal itself, whatever its type.
            return Ok(self.first.clone().unwrap_or_else(|| m.buf.slice(&m.string, 0, 0)));
        }
        let mut pieces = Vec::with_capacity(2 * self.items.len() + 1);
        if let Some(v) = &self.first {
            pieces.push(v.clone());
        }
        for (g, lit) in &self.items {
            if *g >= m.spans.len() {
                raise!(IndexError, "no such group");
            }
            if let Some((s, e)) = m.spans[*g] {
                pieces.push(m.buf.slice(&m.string, s, e));
            }
            if let Some(v) = lit {
                pieces.push(v.clone());
            }
        }
        join(&pieces, m.buf.is_bytes)
    }
}

fn template_new(_ts: &ThreadState, _a: Args<'_>) -> PyResult<Value> {
    raise!(TypeError, "cannot create '_sre.SRE_Template' instances")
}

pub(super) fn make_template_type() -> TypeRef {
    super::sealed_type::<TemplateObj>("SRE_Template", "_sre", template_new)
}
