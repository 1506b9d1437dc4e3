//! Raising (`raise X from Y`, context chaining), traceback entries, and
//! printing an exception the way CPython 3.14 does.

use crate::error::{PyErr, PyResult};
use crate::eval::Frame;
use crate::exceptions::PyBaseException;
use crate::frame::PyTraceback;
use crate::interp::ThreadState;
use crate::object::TypeRef;
use crate::ops;
use crate::runtime::{is_none, none, rt};
use crate::value::Value;
use crate::{err, raise};

/// Prepends a traceback entry for frame `f` to the exception's traceback.
pub fn add_traceback(_ts: &ThreadState, e: &PyErr, f: &Frame) {
    let Some(ex) = e.0.downcast::<PyBaseException>() else { return };
    let frame = crate::frame::snapshot(f, None);
    let mut tb = ex.traceback.lock();
    let next = tb.take();
    *tb = Some(crate::frame::new_traceback(frame, f.lasti, f.lineno(), next));
}

/// Sets `__context__` of a newly raised exception to the one being handled.
pub fn chain_context(ts: &ThreadState, e: &PyErr) {
    let Some(current) = ts.current_exception() else { return };
    if current.is(&e.0) {
        return;
    }
    let Some(ex) = e.0.downcast::<PyBaseException>() else { return };
    let mut ctx = ex.context.lock();
    if ctx.is_none() {
        // Avoid creating a cycle: cut the chain where it would reach `e`.
        let mut o = Some(current.clone());
        let mut steps = 0;
        while let Some(c) = o {
            if steps > 1000 {
                break;
            }
            steps += 1;
            let Some(cex) = c.downcast::<PyBaseException>() else { break };
            let next = cex.context.lock().clone();
            if let Some(n) = &next {
                if n.is(&e.0) {
                    *cex.context.lock() = None;
                    break;
                }
            }
            o = next;
        }
        *ctx = Some(current);
    }
}

pub fn get_traceback(exc: &Value) -> Value {
    exc.downcast::<PyBaseException>().and_then(|e| e.traceback.lock().clone()).unwrap_or_else(none)
}

/// Turns the operand of `raise` into the exception instance to raise.
pub fn instantiate(ts: &ThreadState, exc: Value) -> PyResult<Value> {
    if let Some(t) = TypeRef::from_value(&exc) {
        if t.is_subtype(rt().exc.BaseException) {
            let inst = ops::call(ts, &exc, &[])?;
            if !inst.type_ref().is_subtype(rt().exc.BaseException) {
                raise!(
                    TypeError,
                    "calling {} should have returned an instance of BaseException, not {}",
                    ops::repr_string(ts, &exc)?,
                    ops::type_name(&inst)
                );
            }
            return Ok(inst);
        }
    } else if exc.type_ref().is_subtype(rt().exc.BaseException) {
        return Ok(exc);
    }
    raise!(TypeError, "exceptions must derive from BaseException")
}

/// `raise exc from cause`: returns the error to propagate.
pub fn make_raise(ts: &ThreadState, exc: Option<Value>, cause: Option<Value>) -> PyResult<PyErr> {
    let Some(exc) = exc else {
        return match ts.current_exception() {
            Some(e) => {
                // A bare `raise` adds no traceback entry for its own frame
                // (CPython unwinds without PyTraceBack_Here).
                ts.skip_traceback_once.set(true);
                Ok(PyErr(e))
            }
            None => Err(err!(RuntimeError, "No active exception to reraise")),
        };
    };
    let inst = instantiate(ts, exc)?;
    if let Some(c) = cause {
        let cause_val = if is_none(&c) {
            None
        } else if TypeRef::from_value(&c).is_some() || c.type_ref().is_subtype(rt().exc.BaseException) {
            match instantiate(ts, c) {
                Ok(v) => Some(v),
                Err(_) => raise!(TypeError, "exception causes must derive from BaseException"),
            }
        } else {
            raise!(TypeError, "exception causes must derive from BaseException")
        };
        if let Some(ex) = inst.downcast::<PyBaseException>() {
            *ex.cause.lock() = cause_val;
            *ex.suppress_context.lock() = true;
        }
    }
    Ok(PyErr(inst))
}

/// Formats an exception with its chain and traceback as `traceback.print_exception` does.
pub fn format_exception(ts: &ThreadState, exc: &Value) -> String {
    let mut out = String::new();
    let mut seen: Vec<usize> = Vec::new();
    let mut ctx = GroupCtx { depth: 0, need_close: false };
    format_chain(ts, exc, &mut out, &mut seen, &mut ctx);
    out
}

/// `traceback._ExceptionPrintContext`: nesting inside exception groups.
struct GroupCtx {
    depth: usize,
    need_close: bool,
}

/// CPython's `max_group_width` / `max_group_depth`.
const MAX_GROUP_WIDTH: usize = 15;
const MAX_GROUP_DEPTH: usize = 10;

impl GroupCtx {
    fn indent(&self) -> String {
        " ".repeat(2 * self.depth)
    }

    /// Writes `text` with every line prefixed by the group margin.
    fn emit(&self, text: &str, margin: char, out: &mut String) {
        let mut prefix = self.indent();
        if self.depth > 0 {
            prefix.push(margin);
            prefix.push(' ');
        }
        for line in text.split_inclusive('\n') {
            out.push_str(&prefix);
            out.push_str(line);
        }
    }
}

fn format_chain(ts: &ThreadState, exc: &Value, out: &mut String, seen: &mut Vec<usize>, ctx: &mut GroupCtx) {
    // (exception, message linking it to its cause printed before it); reversed to print.
    let mut chain: Vec<(Option<&'static str>, Value)> = Vec::new();
    let mut cur = Some(exc.clone());
    while let Some(e) = cur.take() {
        seen.push(e.id());
        if let Some(ex) = e.downcast::<PyBaseException>() {
            if chain.len() < 100 {
                let cause = ex.cause.lock().clone();
                let context = ex.context.lock().clone();
                let suppress = *ex.suppress_context.lock();
                let next_msg;
                if let Some(c) = cause.filter(|c| !seen.contains(&c.id())) {
                    next_msg = Some("\nThe above exception was the direct cause of the following exception:\n\n");
                    cur = Some(c);
                } else if let Some(c) = context.filter(|c| !suppress && !seen.contains(&c.id())) {
                    next_msg = Some("\nDuring handling of the above exception, another exception occurred:\n\n");
                    cur = Some(c);
                } else {
                    next_msg = None;
                }
                chain.push((next_msg, e));
                continue;
            }
        }
        chain.push((None, e));
    }
    for (msg, e) in chain.iter().rev() {
        if let Some(m) = msg {
            ctx.emit(m, '|', out);
        }
        format_one(ts, e, out, seen, ctx);
    }
}

fn format_one(ts: &ThreadState, exc: &Value, out: &mut String, seen: &mut Vec<usize>, ctx: &mut GroupCtx) {
    let members = if exc.type_ref().is_subtype(rt().exc.BaseExceptionGroup) {
        ops::getattr_str(ts, exc, "exceptions").ok().and_then(|t| crate::seq::tuple_items(&t).map(<[Value]>::to_vec))
    } else {
        None
    };
    let Some(members) = members else {
        let mut stack = String::new();
        if format_stack(exc, &mut stack, true) {
            ctx.emit("Traceback (most recent call last):\n", '|', out);
            ctx.emit(&stack, '|', out);
        }
        ctx.emit(&format_exception_only(ts, exc), '|', out);
        return;
    };
    if ctx.depth > MAX_GROUP_DEPTH {
        ctx.emit(&format!("... (max_group_depth is {MAX_GROUP_DEPTH})\n"), '|', out);
        return;
    }
    let toplevel = ctx.depth == 0;
    if toplevel {
        ctx.depth += 1;
    }
    let mut stack = String::new();
    if format_stack(exc, &mut stack, true) {
        ctx.emit("Exception Group Traceback (most recent call last):\n", if toplevel { '+' } else { '|' }, out);
        ctx.emit(&stack, '|', out);
    }
    ctx.emit(&format_exception_only(ts, exc), '|', out);
    let n = if members.len() <= MAX_GROUP_WIDTH { members.len() } else { MAX_GROUP_WIDTH + 1 };
    ctx.need_close = false;
    for i in 0..n {
        let last = i + 1 == n;
        if last {
            ctx.need_close = true;
        }
        let truncated = i >= MAX_GROUP_WIDTH;
        let title = if truncated { "...".to_owned() } else { (i + 1).to_string() };
        out.push_str(&ctx.indent());
        out.push_str(if i == 0 { "+-" } else { "  " });
        out.push_str(&format!("+---------------- {title} ----------------\n"));
        ctx.depth += 1;
        if truncated {
            let remaining = members.len() - MAX_GROUP_WIDTH;
            ctx.emit(&format!("and {remaining} more exception{}\n", if remaining > 1 { "s" } else { "" }), '|', out);
        } else if let Some(m) = members.get(i) {
            format_chain(ts, m, out, seen, ctx);
        }
        if last && ctx.need_close {
            out.push_str(&ctx.indent());
            out.push_str("+------------------------------------\n");
            ctx.need_close = false;
        }
        ctx.depth -= 1;
    }
    if toplevel {
        ctx.depth = 0;
    }
}

/// The traceback entries of `exc` (without the header); false when it has
/// none. `carets`: the `~~^~~` lines under each entry's source, as the
/// traceback module draws them (the C-level printer does not).
fn format_stack(exc: &Value, out: &mut String, carets: bool) -> bool {
    let tb = get_traceback(exc);
    if is_none(&tb) {
        return false;
    }
    let mut cur = Some(tb);
    let mut last: Option<(String, u32, String)> = None;
    let mut repeats = 0usize;
    while let Some(t) = cur {
        let Some(tbd) = t.downcast::<PyTraceback>() else { break };
        let key = tb_key(tbd);
        if key.is_some() && key == last {
            repeats += 1;
        } else {
            flush_repeats(out, repeats);
            repeats = 0;
            last = key;
        }
        // CPython prints a repeated entry three times, then a summary line.
        if repeats < 3 {
            format_tb_entry(tbd, out, carets);
        }
        cur = tbd.next.lock().clone();
    }
    flush_repeats(out, repeats);
    true
}

fn format_tb_entry(tb: &PyTraceback, out: &mut String, carets: bool) {
    let Some(fr) = tb.frame.downcast::<crate::frame::PyFrameObj>() else { return };
    let Some(code) = fr.code.downcast::<crate::code::PyCode>() else { return };
    let filename = &code.code.filename;
    let name = &code.code.name;
    out.push_str(&format!("  File \"{}\", line {}, in {}\n", filename, tb.lineno, name));
    if let Some(pos) = code.code.positions.get(tb.lasti) {
        if let (Some(l0), Some(l1)) = (pos.lineno, pos.end_lineno) {
            if l1 > l0 && l0 == tb.lineno {
                format_multiline(filename, l0, l1, pos.col.zip(pos.end_col), out);
                return;
            }
        }
    }
    let line = crate::builtins_init::source_line(filename, tb.lineno)
        .or_else(|| crate::import::interactive_source_line(&code.code, tb.lineno));
    if let Some(line) = line {
        let trimmed = line.trim_start();
        let indent = line.len() - trimmed.len();
        let trimmed = trimmed.trim_end();
        if trimmed.is_empty() {
            return;
        }
        out.push_str("    ");
        out.push_str(trimmed);
        out.push('\n');
        if let Some(pos) = code.code.positions.get(tb.lasti).filter(|_| carets) {
            if let (Some(l0), Some(l1), Some(c0), Some(c1)) = (pos.lineno, pos.end_lineno, pos.col, pos.end_col) {
                if l0 == l1 && l0 == tb.lineno {
                    let c0 = byte_to_char_col(&line, c0 as usize);
                    let c1 = byte_to_char_col(&line, c1 as usize);
                    let start = c0.saturating_sub(indent);
                    let end = c1.saturating_sub(indent);
                    let seg: String = line.chars().skip(c0).take(c1.saturating_sub(c0)).collect();
                    let anchor = anchors(&seg);
                    if end > start && should_show_carets(trimmed, start, end, anchor.is_some()) {
                        // Columns are display columns: wide characters take two.
                        let lead: usize = line.chars().skip(indent.min(c0)).take(c0.saturating_sub(indent)).map(display_width).sum();
                        let marks: String = seg
                            .chars()
                            .enumerate()
                            .flat_map(|(i, ch)| {
                                let m = match anchor {
                                    Some((l, r)) if i < l || i >= r => '~',
                                    _ => '^',
                                };
                                std::iter::repeat_n(m, display_width(ch))
                            })
                            .collect();
                        out.push_str("    ");
                        out.push_str(&" ".repeat(lead));
                        out.push_str(&marks);
                        out.push('\n');
                    }
                }
            }
        }
    }
}

/// `". Did you mean 'x'?"` for the closest of `candidates` to `name`, or ""
/// (CPython's suggestion rule: a weighted edit distance — a case change
/// costs 1, any other edit 2 — of at most a third of the characters).
pub fn did_you_mean<'a>(name: &str, candidates: impl Iterator<Item = &'a str>) -> String {
    const MOVE: usize = 2;
    const MAX_LEN: usize = 40;
    let a: Vec<char> = name.chars().collect();
    if a.len() > MAX_LEN {
        return String::new();
    }
    let mut best: Option<(&str, usize)> = None;
    for cand in candidates.take(750) {
        if cand == name {
            continue;
        }
        let b: Vec<char> = cand.chars().collect();
        if b.len() > MAX_LEN {
            continue;
        }
        let mut limit = (a.len() + b.len() + 3) * MOVE / 6;
        if let Some((_, d)) = best {
            limit = limit.min(d.saturating_sub(1));
        }
        let d = weighted_distance(&a, &b);
        if d > limit {
            continue;
        }
        if best.is_none_or(|(_, bd)| d < bd) {
            best = Some((cand, d));
        }
    }
    best.map_or_else(String::new, |(c, _)| format!(". Did you mean '{c}'?"))
}

fn weighted_distance(a: &[char], b: &[char]) -> usize {
    const MOVE: usize = 2;
    const CASE: usize = 1;
    let sub = |x: char, y: char| {
        if x == y {
            0
        } else if x.to_ascii_lowercase() == y.to_ascii_lowercase() {
            CASE
        } else {
            MOVE
        }
    };
    let mut row: Vec<usize> = (0..=b.len()).map(|j| j * MOVE).collect();
    for (i, &x) in a.iter().enumerate() {
        let mut prev = row[0];
        row[0] = (i + 1) * MOVE;
        for (j, &y) in b.iter().enumerate() {
            let next = (prev + sub(x, y)).min(row[j] + MOVE).min(row[j + 1] + MOVE);
            prev = row[j + 1];
            row[j + 1] = next;
        }
    }
    row[b.len()]
}

/// Terminal columns of `c`: two for East Asian wide and fullwidth
/// characters (CJK, Hangul, fullwidth forms, most emoji), as the traceback
/// module's `_display_width`.
fn display_width(c: char) -> usize {
    let cp = u32::from(c);
    let wide = (0x1100..=0x115F).contains(&cp)
        || (0x2E80..=0x303E).contains(&cp)
        || (0x3041..=0x33FF).contains(&cp)
        || (0x3400..=0x4DBF).contains(&cp)
        || (0x4E00..=0x9FFF).contains(&cp)
        || (0xA000..=0xA4CF).contains(&cp)
        || (0xAC00..=0xD7A3).contains(&cp)
        || (0xF900..=0xFAFF).contains(&cp)
        || (0xFE30..=0xFE4F).contains(&cp)
        || (0xFF01..=0xFF60).contains(&cp)
        || (0xFFE0..=0xFFE6).contains(&cp)
        || cp == 0x3000
        || (0x1F300..=0x1F64F).contains(&cp)
        || (0x1F680..=0x1F6FF).contains(&cp)
        || (0x1F900..=0x1F9FF).contains(&cp)
        || (0x20000..=0x3FFFD).contains(&cp);
    if wide { 2 } else { 1 }
}

fn byte_to_char_col(line: &str, byte: usize) -> usize {
    line.char_indices().take_while(|(i, _)| *i < byte).count()
}

/// The "Did you mean" / "Did you forget to import" text `traceback`
/// appends to NameError, AttributeError and ImportError messages. The
/// candidates and distances are computed by the `traceback` module's own
/// `_compute_suggestion_error`; any failure means no suggestion.
fn suggestion_suffix(ts: &ThreadState, exc: &Value) -> String {
    let r = rt();
    let ty = exc.type_ref();
    let attr = if ty.is_subtype(r.exc.NameError) || ty.is_subtype(r.exc.AttributeError) {
        "name"
    } else if ty.is_subtype(r.exc.ImportError) {
        "name_from"
    } else {
        return String::new();
    };
    let Ok(Some(wrong)) = ops::getattr_opt(ts, exc, attr) else { return String::new() };
    let Some(wrong_s) = crate::str::as_str(&wrong).map(str::to_owned) else { return String::new() };
    let suggestion = crate::import::import_module(ts, "traceback")
        .and_then(|m| ops::getattr_str(ts, &m, "_compute_suggestion_error"))
        .and_then(|f| ops::call(ts, &f, &[exc.clone(), get_traceback(exc), wrong.clone()]))
        .ok()
        .filter(|v| ops::is_true(ts, v).unwrap_or(false))
        .and_then(|v| ops::str_string(ts, &v).ok());
    let mut out = String::new();
    if let Some(sug) = &suggestion {
        out.push_str(&format!(". Did you mean: '{sug}'?"));
    }
    if ty.is_subtype(r.exc.NameError) {
        let stdlib = crate::builtins_init::sys_attr(ts, "stdlib_module_names")
            .map(|names| ops::contains(ts, &names, &wrong).unwrap_or(false))
            .unwrap_or(false);
        if stdlib {
            if suggestion.is_some() {
                out.push_str(&format!(" Or did you forget to import '{wrong_s}'?"));
            } else {
                out.push_str(&format!(". Did you forget to import '{wrong_s}'?"));
            }
        }
    }
    out
}

/// The last line(s): `TypeName: message`, plus notes.
/// The default `sys.unraisablehook`'s report of `exc`, as CPython 3.14's
/// C-level printer (`write_unraisable_exc_file`) writes it: this
/// exception's own traceback (no chained exceptions, no carets), then
/// `module.QualName: str` — the `: ` even when str() is empty — and no notes.
pub fn format_unraisable(ts: &ThreadState, exc: &Value) -> String {
    let mut out = String::new();
    let mut stack = String::new();
    if format_stack(exc, &mut stack, false) {
        out.push_str("Traceback (most recent call last):\n");
        out.push_str(&stack);
    }
    let ty = exc.type_ref();
    let qualname = ty.data().qualname.read().to_string();
    match ty.data().dict_data().get_str("__module__").as_ref().and_then(|m| crate::str::as_str(m).map(str::to_owned)) {
        Some(m) if m != "builtins" && m != "__main__" => out.push_str(&format!("{m}.{qualname}")),
        Some(_) => out.push_str(&qualname),
        None => out.push_str("<unknown>"),
    }
    out.push_str(": ");
    match ops::str_(ts, exc) {
        Ok(s) => out.push_str(crate::str::as_str(&s).unwrap_or("")),
        Err(_) => out.push_str("<exception str() failed>"),
    }
    out.push('\n');
    out
}

pub fn format_exception_only(ts: &ThreadState, exc: &Value) -> String {
    let ty = exc.type_ref();
    let mut name = ty.name();
    let module = ty.data().dict_data().get_str("__module__");
    if let Some(m) = module.as_ref().and_then(|m| crate::str::as_str(m).map(str::to_owned)) {
        if m != "builtins" && m != "__main__" {
            name = format!("{m}.{}", ty.data().qualname.read());
        }
    }
    let mut msg = match ops::str_(ts, exc) {
        Ok(s) => crate::str::as_str(&s).unwrap_or("").to_owned(),
        Err(_) => "<exception str() failed>".to_owned(),
    };
    msg.push_str(&suggestion_suffix(ts, exc));
    let mut out = String::new();
    if ty.is_subtype(rt().exc.SyntaxError) {
        out.push_str(&crate::builtins_init::format_syntax_error(ts, exc));
        return out;
    }
    if msg.is_empty() {
        out.push_str(&name);
    } else {
        out.push_str(&format!("{name}: {msg}"));
    }
    out.push('\n');
    if let Some(ex) = exc.downcast::<PyBaseException>() {
        if let Some(notes) = ex.notes.lock().clone() {
            if let Ok(items) = ops::collect(ts, &notes) {
                for n in items {
                    let s = ops::str_string(ts, &n).unwrap_or_default();
                    out.push_str(&s);
                    out.push('\n');
                }
            }
        }
    }
    out
}

/// CPython's traceback anchors: for a binary operation the operator, for a
/// subscript the `[...]`, for a call the `(...)` — as character offsets into
/// the segment (the rest is drawn with `~`).
fn anchors(seg: &str) -> Option<(usize, usize)> {
    use spindle_parser::Ranged;
    use spindle_parser::ast::Expr;
    let parsed = spindle_parser::parse_expression(seg).ok()?;
    let chars: Vec<char> = seg.chars().collect();
    let byte_to_char = |b: u32| seg.char_indices().take_while(|(i, _)| *i < b as usize).count();
    // Skip whitespace, closing parens and comments after `from`.
    let skip = |mut i: usize| -> usize {
        while i < chars.len() {
            match chars[i] {
                c if c.is_whitespace() || c == ')' || c == '\\' => i += 1,
                '#' => {
                    while i < chars.len() && chars[i] != '\n' {
                        i += 1;
                    }
                }
                _ => break,
            }
        }
        i
    };
    let total = chars.len();
    match &*parsed.body {
        Expr::BinOp(b) => {
            let l = skip(byte_to_char(b.left.range().end().to_u32()));
            let two = l + 1 < total && matches!((chars[l], chars[l + 1]), ('*', '*') | ('/', '/') | ('<', '<') | ('>', '>'));
            Some((l, if two { l + 2 } else { l + 1 }))
        }
        Expr::Subscript(s) => {
            let l = skip(byte_to_char(s.value.range().end().to_u32()));
            (l < total && chars[l] == '[').then_some((l, total))
        }
        Expr::Call(c) => {
            let l = skip(byte_to_char(c.func.range().end().to_u32()));
            (l < total && chars[l] == '(').then_some((l, total))
        }
        _ => None,
    }
}

fn tb_key(tb: &PyTraceback) -> Option<(String, u32, String)> {
    let fr = tb.frame.downcast::<crate::frame::PyFrameObj>()?;
    let code = fr.code.downcast::<crate::code::PyCode>()?;
    Some((code.code.filename.clone(), tb.lineno, code.code.name.clone()))
}

fn flush_repeats(out: &mut String, repeats: usize) {
    if repeats >= 3 {
        let n = repeats - 2;
        out.push_str(&format!("  [Previous line repeated {} more time{}]\n", n, if n == 1 { "" } else { "s" }));
    }
}

/// CPython 3.13+'s rule for drawing the markers under a traceback line
/// (`line` is the stripped source line, `start..end` the segment in chars).
fn should_show_carets(line: &str, start: usize, end: usize, has_anchors: bool) -> bool {
    use spindle_parser::Ranged;
    use spindle_parser::ast::{Expr, Stmt};
    if let Ok(m) = spindle_parser::parse_module(line) {
        if let Some(stmt) = m.body.first() {
            let value = match stmt {
                Stmt::Return(r) => match r.value.as_deref() {
                    Some(Expr::Call(c)) if matches!(&*c.func, Expr::Name(_)) => r.value.as_deref(),
                    _ => None,
                },
                Stmt::Assign(a) if a.targets.len() == 1 && matches!(a.targets[0], Expr::Name(_)) => match &*a.value {
                    Expr::Call(_) => Some(&*a.value),
                    _ => None,
                },
                _ => None,
            };
            if let Some(v) = value {
                let r = v.range();
                let to_char = |b: u32| line.char_indices().take_while(|(i, _)| *i < b as usize).count();
                if to_char(r.start().to_u32()) == start && to_char(r.end().to_u32()) == end {
                    return false;
                }
            }
        }
    }
    if has_anchors {
        return true;
    }
    let width = line.chars().count();
    start > 0 || end < width
}

/// An instruction spanning several lines: CPython 3.13+ prints all of them
/// (common indentation removed), without markers.
fn format_multiline(filename: &str, l0: u32, l1: u32, cols: Option<(u32, u32)>, out: &mut String) {
    let lines: Vec<String> = (l0..=l1).filter_map(|n| crate::builtins_init::source_line(filename, n)).collect();
    let indent = lines
        .iter()
        .filter(|l| !l.trim().is_empty())
        .map(|l| l.len() - l.trim_start().len())
        .min()
        .unwrap_or(0);
    let body = |l: &String| -> String { if l.len() >= indent { l[indent..].trim_end().to_owned() } else { l.trim().to_owned() } };
    // The first and last lines; one line between them is shown, more are
    // summarised as `...<N lines>...`.
    let n = lines.len();
    let emit = |i: usize, out: &mut String| {
        out.push_str("    ");
        out.push_str(&body(&lines[i]));
        out.push('\n');
    };
    if n == 0 {
        return;
    }
    // Lines shown: the first, the last, and those around the anchors (a
    // call's parentheses, a subscript's bracket, a binary operator).
    let mut significant: Vec<usize> = vec![0, n - 1];
    if let Some((c0, c1)) = cols {
        let (c0, c1) = (c0 as usize, c1 as usize);
        let first = lines[0].trim_end_matches(['\n', '\r']);
        let last = lines[n - 1].trim_end_matches(['\n', '\r']);
        if c0 <= first.len() && c1 <= last.len() && first.is_char_boundary(c0) && last.is_char_boundary(c1) {
            let mut seg = String::from(&first[c0..]);
            for l in &lines[1..n - 1] {
                seg.push('\n');
                seg.push_str(l.trim_end_matches(['\n', '\r']));
            }
            seg.push('\n');
            seg.push_str(&last[..c1]);
            if let Some((l, r)) = anchors(&seg) {
                let line_of = |ch: usize| seg.chars().take(ch).filter(|c| *c == '\n').count();
                for a in [line_of(l), line_of(r.saturating_sub(1))] {
                    significant.extend([a.saturating_sub(1), a, a + 1]);
                }
            }
        }
    }
    significant.retain(|i| *i < n);
    significant.sort_unstable();
    significant.dedup();
    for (k, &i) in significant.iter().enumerate() {
        if k > 0 {
            let gap = i - significant[k - 1];
            if gap == 2 {
                emit(i - 1, out);
            } else if gap > 2 {
                out.push_str(&format!("    ...<{} lines>...\n", gap - 1));
            }
        }
        emit(i, out);
    }
}
