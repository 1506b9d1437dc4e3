//! `_sre.SRE_Scanner`: `Pattern.scanner(string)`, whose `match` and `search`
//! return successive matches (the iterator behind `finditer`). Between calls it
//! keeps only where the next attempt starts and whether the previous match was
//! empty; the engine's rule that an empty match may not follow an empty match at
//! the same position is restored by replaying that previous (deterministic)
//! attempt on a fresh engine state before the real one.

use std::sync::Arc;

use parking_lot::Mutex;
use spindle_sre::{Match, SreError, State, Subject};
use spindle_vm::error::PyResult;
use spindle_vm::function::Args;
use spindle_vm::interp::ThreadState;
use spindle_vm::native::add_methods;
use spindle_vm::object::{PyPayload, TypeRef, alloc};
use spindle_vm::raise;
use spindle_vm::runtime::none;
use spindle_vm::value::Value;

use super::subject::{SubjectBuf, with_units};
use super::{PatternObj, engine_error, this, types};

#[derive(Clone, Copy)]
struct ScanPos {
    /// Where the next attempt starts; None once an attempt failed.
    next: Option<usize>,
    /// Whether the previous match was empty (and ended at `next`).
    prev_empty: bool,
}

pub(crate) struct ScannerObj {
    pattern: Value,
    string: Value,
    buf: Arc<SubjectBuf>,
    pos: usize,
    endpos: usize,
    at: Mutex<ScanPos>,
}

impl PyPayload for ScannerObj {
    const KIND: spindle_vm::object::PayloadKind = crate::kinds::kind(crate::kinds::SRE_BASE + 2);
    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        visit(&self.pattern);
        visit(&self.string);
    }
}

impl ScannerObj {
    pub(crate) fn new_value(pattern: Value, string: Value, buf: Arc<SubjectBuf>, pos: isize, endpos: isize) -> Value {
        let len = buf.len();
        let clamp = |i: isize| usize::try_from(i).map_or(0, |i| i.min(len));
        let (pos, endpos) = (clamp(pos), clamp(endpos));
        alloc(
            types().scanner,
            ScannerObj { pattern, string, buf, pos, endpos, at: Mutex::new(ScanPos { next: Some(pos), prev_empty: false }) },
        )
    }
}

/// One step of the scan from `at`, updating it.
fn step<S: Subject + ?Sized>(
    pat: &PatternObj,
    s: &S,
    at: &mut ScanPos,
    endpos: usize,
    search: bool,
) -> Result<Option<Match>, SreError> {
    let Some(start) = at.next else { return Ok(None) };
    let (Ok(p), Ok(e)) = (isize::try_from(start), isize::try_from(endpos)) else { return Ok(None) };
    let mut st = State::new(&pat.program, s, p, e);
    let attempt = |st: &mut State<'_, S>| if search { st.scan_search() } else { st.scan_match() };
    let mut m = attempt(&mut st)?;
    if at.prev_empty {
        // The replay found the previous empty match again; the engine now forbids
        // another empty match here, as it did in the original scan.
        if matches!(&m, Some(r) if r.start == start && r.end == start) {
            m = attempt(&mut st)?;
        }
    }
    match &m {
        Some(r) => {
            at.next = Some(r.end);
            at.prev_empty = r.start == r.end;
        }
        None => at.next = None,
    }
    Ok(m)
}

fn scan(a: &Args<'_>, search: bool) -> PyResult<Value> {
    let (_, sc) = this::<ScannerObj>(a, "_sre.SRE_Scanner")?;
    if a.args.len() > 1 {
        raise!(TypeError, "{}() takes no arguments ({} given)", if search { "search" } else { "match" }, a.args.len() - 1);
    }
    let Some(pat) = sc.pattern.downcast::<PatternObj>() else { return Ok(none()) };
    let mut at = *sc.at.lock();
    let r = with_units!(sc.buf, |s| step(pat, s, &mut at, sc.endpos, search));
    *sc.at.lock() = at;
    match r.map_err(engine_error)? {
        Some(m) => Ok(super::matchobj::new_match(&sc.pattern, &sc.string, &sc.buf, sc.pos, sc.endpos, &m)),
        None => Ok(none()),
    }
}

fn scanner_match(_ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    scan(&a, false)
}

fn scanner_search(_ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    scan(&a, true)
}

fn get_pattern(_ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    Ok(this::<ScannerObj>(&a, "_sre.SRE_Scanner")?.1.pattern.clone())
}

fn scanner_new(_ts: &ThreadState, _a: Args<'_>) -> PyResult<Value> {
    raise!(TypeError, "cannot create '_sre.SRE_Scanner' instances")
}

pub(super) fn make_type() -> TypeRef {
    let t = super::sealed_type::<ScannerObj>("SRE_Scanner", "_sre", scanner_new);
    add_methods(t, &[("match", scanner_match), ("search", scanner_search)]);
    super::add_getter(t, "pattern", get_pattern);
    t
}
