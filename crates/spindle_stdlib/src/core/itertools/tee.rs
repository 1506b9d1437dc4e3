//! `tee` and its `_tee` iterators: the items read from the source are kept
//! in a linked list of `_tee_dataobject` chunks (each up to `LINK` items
//! and a link to the next), shared by all the copies; a `_tee` is a
//! position (chunk, index). A chunk no `_tee` points into any more is freed.
//!
//! Only the copy at the front reads the source, and one at a time: a
//! re-entrant read raises CPython's RuntimeError, a read by another thread
//! waits (detached) until the first one is done. Each `_tee`'s own
//! position advances by compare-and-swap, so one `_tee` shared by threads
//! hands each item to one of them.

use std::sync::OnceLock;

use spindle_vm::error::PyResult;
use spindle_vm::function::Args;
use spindle_vm::interp::ThreadState;
use spindle_vm::lock::ShortMutex;
use spindle_vm::native;
use spindle_vm::object::{PyPayload, TypeRef, alloc};
use spindle_vm::ops;
use spindle_vm::raise;
use spindle_vm::runtime::{is_none, rt};
use spindle_vm::seq::{PyList, new_tuple};
use spindle_vm::value::Value;

use super::{Itr, K, Visit, cls_of, exact_args, self_of, ssize, ty, visit_opt};
use crate::kinds::{CORE_BASE, kind};

/// Items per chunk.
const LINK: usize = 57;

#[derive(Default)]
struct TeeDataSt {
    it: Option<Value>,
    values: Vec<Value>,
    next: Option<Value>,
    /// The thread reading the source for this chunk (`thread_mark`), 0 if none.
    running: usize,
}

pub(crate) struct TeeData {
    st: ShortMutex<TeeDataSt>,
}

impl PyPayload for TeeData {
    const KIND: spindle_vm::object::PayloadKind = kind(CORE_BASE + 61);
    const GC: bool = true;
    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        // As for `Itr`: a held lock only keeps the referents alive.
        if let Some(g) = self.st.try_lock() {
            visit_opt(&g.it, visit);
            g.values.iter().for_each(&mut *visit);
            visit_opt(&g.next, visit);
        }
    }
    fn clear(&self) {
        let old = std::mem::take(&mut *self.st.lock());
        drop(old);
    }
}

static TEE_DATA_T: OnceLock<TypeRef> = OnceLock::new();

pub(crate) fn tee_data_type() -> TypeRef {
    *TEE_DATA_T.get_or_init(|| {
        let t = native::new_type::<TeeData>("_tee_dataobject", "itertools", None, false);
        native::set_new(t, tee_data_new);
        t
    })
}

fn new_data(it: Option<Value>) -> Value {
    alloc(tee_data_type(), TeeData { st: ShortMutex::new(TeeDataSt { it, ..Default::default() }) })
}

/// `_tee_dataobject(iterable, values, next)`.
fn tee_data_new(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let p = exact_args("teedataobject", &super::rest(&a), 3)?;
    let it = ops::iter(ts, &p[0])?;
    let Some(list) = p[1].downcast::<PyList>().filter(|_| p[1].type_ref().is_subtype(rt().types.list)) else {
        raise!(TypeError, "teedataobject() argument 2 must be list, not {}", ops::type_name(&p[1]))
    };
    let values = list.snapshot();
    if values.len() > LINK {
        raise!(ValueError, "_tee_dataobject should never have more than {} values", LINK);
    }
    let next = if is_none(&p[2]) {
        None
    } else if p[2].downcast::<TeeData>().is_some() {
        if values.len() < LINK {
            raise!(ValueError, "_tee_dataobject 'next' must be None when not full");
        }
        Some(p[2].clone())
    } else {
        raise!(TypeError, "_tee_dataobject next link must be a _tee_dataobject");
    };
    let st = TeeDataSt { it: Some(it), values, next, running: 0 };
    Ok(alloc(tee_data_type(), TeeData { st: ShortMutex::new(st) }))
}

#[derive(Default)]
pub(crate) struct TeeSt {
    data: Option<Value>,
    index: usize,
}

impl Visit for TeeSt {
    fn visit(&self, f: &mut dyn FnMut(&Value)) {
        visit_opt(&self.data, f);
    }
}

pub(crate) fn add_extras() {
    native::add_methods(ty(K::Tee), &[("__copy__", tee_copy)]);
}

fn new_tee(data: Value, index: usize) -> Value {
    alloc(ty(K::Tee), Itr::Tee(ShortMutex::new(TeeSt { data: Some(data), index })))
}

/// A copy of `_tee` `v` (same position, same buffer).
fn copy_of(v: &Value) -> Option<Value> {
    let Some(Itr::Tee(m)) = v.downcast::<Itr>() else { return None };
    let (data, index) = {
        let g = m.lock();
        (g.data.clone(), g.index)
    };
    Some(new_tee(data.unwrap_or_else(|| new_data(None)), index))
}

/// CPython's `tee_fromiterable`: a copy of a `_tee`, else a new `_tee` over
/// `iter(iterable)`.
fn tee_from_iterable(ts: &ThreadState, iterable: &Value) -> PyResult<Value> {
    let it = ops::iter(ts, iterable)?;
    if it.type_ref().is_subtype(ty(K::Tee))
        && let Some(c) = copy_of(&it)
    {
        return Ok(c);
    }
    Ok(new_tee(new_data(Some(it)), 0))
}

pub(crate) fn tee_type_new(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let p = exact_args("_tee", &super::rest(&a), 1)?;
    cls_of(&a, K::Tee)?;
    tee_from_iterable(ts, &p[0])
}

fn tee_copy(_ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let this = self_of(&a, K::Tee as usize, "__copy__")?;
    match copy_of(this) {
        Some(c) => Ok(c),
        None => raise!(TypeError, "not a _tee object"),
    }
}

/// `tee(iterable, n=2, /)`.
pub(crate) fn tee_fn(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    if a.has_kwargs() {
        raise!(TypeError, "itertools.tee() takes no keyword arguments");
    }
    let p = a.positional();
    if p.is_empty() {
        raise!(TypeError, "tee expected at least 1 argument, got 0");
    }
    if p.len() > 2 {
        raise!(TypeError, "tee expected at most 2 arguments, got {}", p.len());
    }
    let n = match p.get(1) {
        Some(v) => ssize(ts, v)?,
        None => 2,
    };
    if n < 0 {
        raise!(ValueError, "n must be >= 0");
    }
    if n == 0 {
        return Ok(new_tuple(Vec::new()));
    }
    let first = tee_from_iterable(ts, &p[0])?;
    let mut out = Vec::with_capacity(usize::try_from(n).unwrap_or(0).min(1 << 16));
    for _ in 1..n {
        match copy_of(&first) {
            Some(c) => out.push(c),
            None => raise!(TypeError, "not a _tee object"),
        }
    }
    out.insert(0, first);
    Ok(new_tuple(out))
}

thread_local! {
    static THREAD_MARK: u8 = const { 0 };
}

/// An address unique to each live thread (never 0).
fn thread_mark() -> usize {
    THREAD_MARK.with(|m| m as *const u8 as usize)
}

enum Slot {
    Item(Value),
    /// The chunk is full: go on in this next one.
    Next(Value),
    End,
}

/// The item at `idx` of chunk `d`, reading the source if `idx` is just past
/// what was read.
fn data_get(ts: &ThreadState, d: &TeeData, idx: usize) -> PyResult<Slot> {
    let mark = thread_mark();
    loop {
        let mut g = d.st.lock();
        if let Some(v) = g.values.get(idx) {
            return Ok(Slot::Item(v.clone()));
        }
        if idx >= LINK {
            let it = g.it.clone();
            let next = g.next.get_or_insert_with(|| new_data(it)).clone();
            return Ok(Slot::Next(next));
        }
        if g.running != 0 {
            if g.running == mark {
                raise!(RuntimeError, "cannot re-enter the tee iterator");
            }
            drop(g);
            ts.detached(std::thread::yield_now);
            continue;
        }
        let Some(it) = g.it.clone() else { return Ok(Slot::End) };
        g.running = mark;
        drop(g);
        let r = ops::next(ts, &it);
        let mut g = d.st.lock();
        g.running = 0;
        return match r {
            Ok(Some(v)) => {
                // Only the running thread appends, so the item lands at `idx`.
                g.values.push(v.clone());
                Ok(Slot::Item(v))
            }
            Ok(None) => Ok(Slot::End),
            Err(e) => Err(e),
        };
    }
}

pub(crate) fn tee_next(ts: &ThreadState, m: &ShortMutex<TeeSt>) -> PyResult<Option<Value>> {
    loop {
        let (data, idx) = {
            let g = m.lock();
            (g.data.clone(), g.index)
        };
        let Some(data) = data else { return Ok(None) };
        let Some(d) = data.downcast::<TeeData>() else { return Ok(None) };
        let item = match data_get(ts, d, idx)? {
            Slot::Item(v) => v,
            Slot::End => return Ok(None),
            Slot::Next(next) => {
                let old = {
                    let mut g = m.lock();
                    if g.data.as_ref().is_some_and(|x| x.is(&data)) && g.index == idx {
                        g.index = 0;
                        g.data.replace(next)
                    } else {
                        Some(next)
                    }
                };
                drop(old);
                continue;
            }
        };
        let mut g = m.lock();
        if g.data.as_ref().is_some_and(|x| x.is(&data)) && g.index == idx {
            g.index += 1;
            return Ok(Some(item));
        }
        // Another thread took this position of this `_tee`: try the next.
        drop(g);
        drop(item);
    }
}
