//! The one-input and many-input iterators: count, cycle, repeat,
//! accumulate, batched, chain, compress, dropwhile, filterfalse, starmap,
//! takewhile, islice, pairwise, zip_longest. See mod.rs for the locking.

use std::collections::VecDeque;

use spindle_vm::arith;
use spindle_vm::error::PyResult;
use spindle_vm::function::Args;
use spindle_vm::interp::ThreadState;
use spindle_vm::lock::ShortMutex;
use spindle_vm::native;
use spindle_vm::num::{int_to_i64, is_int, new_int};
use spindle_vm::object::alloc;
use spindle_vm::ops;
use spindle_vm::raise;
use spindle_vm::runtime::{is_none, none, rt};
use spindle_vm::seq::{new_tuple, tuple_items};
use spindle_vm::str::new_str;
use spindle_vm::value::Value;

use super::{Garbage, Itr, K, Visit, clinic, cls_of, exact_args, inner_item, inner_step, rest, self_of, ssize, ty, visit_opt};

/// Takes `slot`'s iterator if it is still `it` (another thread may have
/// replaced or cleared it meanwhile); the caller drops it unlocked.
fn take_if_same(slot: &mut Option<Value>, it: &Value) -> Option<Value> {
    if slot.as_ref().is_some_and(|s| s.is(it)) { slot.take() } else { None }
}

/// The state of `self` (args[0]) of a method of class `k`.
fn state<'a>(a: &'a Args<'_>, k: K, meth: &str) -> PyResult<(&'a Value, &'a Itr)> {
    let v = self_of(a, k as usize, meth)?;
    match v.downcast::<Itr>() {
        Some(p) => Ok((v, p)),
        None => raise!(TypeError, "descriptor '{}' needs an itertools object", meth),
    }
}

/// Methods beyond `__iter__`/`__next__`, added once the classes exist.
pub(crate) fn add_extras() {
    native::add_methods(ty(K::Count), &[("__repr__", count_repr)]);
    native::add_methods(ty(K::Repeat), &[("__repr__", repeat_repr), ("__length_hint__", repeat_length_hint)]);
    native::add_classmethod(ty(K::Chain), "from_iterable", chain_from_iterable);
    native::add_classmethod(ty(K::Chain), "__class_getitem__", |ts, a| match a.args {
        [cls, item] => spindle_vm::builtins_init::generic_alias(ts, cls, item),
        _ => raise!(TypeError, "__class_getitem__ expected 1 argument"),
    });
    super::combin::add_extras();
    super::tee::add_extras();
}

// ---------------------------------------------------------------- count

#[derive(Default)]
pub(crate) struct CountSt {
    cur: Option<Value>,
    step: Option<Value>,
    /// Bumped by every step: a step computed outside the lock commits only
    /// if no other step came between.
    ver: u64,
}

impl Visit for CountSt {
    fn visit(&self, f: &mut dyn FnMut(&Value)) {
        visit_opt(&self.cur, f);
        visit_opt(&self.step, f);
    }
}

/// CPython's `PyNumber_Check`: int, float, complex or anything with
/// `__index__`, `__int__` or `__float__`.
fn is_number(v: &Value) -> bool {
    if is_int(v) {
        return true;
    }
    let t = v.type_ref();
    let r = rt();
    t.is_subtype(r.types.float)
        || t.is_subtype(r.types.complex)
        || t.lookup_static("__index__").is_some()
        || t.lookup_static("__int__").is_some()
        || t.lookup_static("__float__").is_some()
}

fn is_int_one(v: &Value) -> bool {
    is_int(v) && int_to_i64(v) == Some(1)
}

pub(crate) fn count_new(_ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let p = clinic("count", rest(&a), &["start", "step"], 0, 2)?;
    let start = p[0].clone().unwrap_or_else(|| new_int(0));
    let step = p[1].clone().unwrap_or_else(|| new_int(1));
    if !is_number(&start) || !is_number(&step) {
        raise!(TypeError, "a number is required");
    }
    // CPython's fast mode (an int start that fits a word, step 1) counts
    // in plain ints, so a bool or int-subclass start comes out as an int.
    let start = match int_to_i64(&start) {
        Some(i) if is_int_one(&step) => new_int(i),
        _ => start,
    };
    let st = CountSt { cur: Some(start), step: Some(step), ver: 0 };
    Ok(alloc(cls_of(&a, K::Count)?, Itr::Count(ShortMutex::new(st))))
}

/// A step of a count whose operands add natively (ints, floats).
pub(crate) fn count_native(m: &ShortMutex<CountSt>) -> Option<Value> {
    let mut g = m.lock();
    let (cur, step) = (g.cur.as_ref()?, g.step.as_ref()?);
    let next = match (cur.as_small_int(), step.as_small_int()) {
        (Some(c), Some(s)) => c.checked_add(s).and_then(Value::small_int).or_else(|| arith::fast_binary(cur, step, 0))?,
        _ => arith::fast_binary(cur, step, 0)?,
    };
    g.ver = g.ver.wrapping_add(1);
    // The old value is handed to the caller, not dropped here.
    g.cur.replace(next)
}

pub(crate) fn count_next(ts: &ThreadState, m: &ShortMutex<CountSt>) -> PyResult<Option<Value>> {
    if let Some(v) = count_native(m) {
        return Ok(Some(v));
    }
    loop {
        let (cur, step, ver) = {
            let g = m.lock();
            (g.cur.clone(), g.step.clone(), g.ver)
        };
        let (Some(cur), Some(step)) = (cur, step) else { return Ok(None) };
        let next = arith::binary_op(ts, &cur, &step, 0)?;
        let mut g = m.lock();
        if g.ver == ver {
            g.ver = g.ver.wrapping_add(1);
            let old = g.cur.replace(next);
            drop(g);
            drop(old);
            return Ok(Some(cur));
        }
        drop(g);
        drop(next);
    }
}

fn count_repr(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let (this, p) = state(&a, K::Count, "__repr__")?;
    let Itr::Count(m) = p else { return Ok(new_str("count()")) };
    let (cur, step) = {
        let g = m.lock();
        (g.cur.clone().unwrap_or_else(|| new_int(0)), g.step.clone().unwrap_or_else(|| new_int(1)))
    };
    let name = this.type_ref().name();
    let cur = ops::repr_string(ts, &cur)?;
    if is_int_one(&step) {
        return Ok(new_str(&format!("{name}({cur})")));
    }
    let step = ops::repr_string(ts, &step)?;
    Ok(new_str(&format!("{name}({cur}, {step})")))
}

// ---------------------------------------------------------------- cycle

#[derive(Default)]
pub(crate) struct CycleSt {
    /// The source during the first pass; None once it is exhausted.
    it: Option<Value>,
    /// The first pass is over but `it` is still held: a native step met
    /// its end under the lock, where it may not be dropped. `cycle_next`
    /// drops it later, unlocked.
    spent: bool,
    saved: Vec<Value>,
    /// The next position in `saved` after the first pass.
    idx: usize,
}

impl Visit for CycleSt {
    fn visit(&self, f: &mut dyn FnMut(&Value)) {
        visit_opt(&self.it, f);
        self.saved.iter().for_each(f);
    }
}

pub(crate) fn cycle_new(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let p = exact_args("cycle", &rest(&a), 1)?;
    let it = ops::iter(ts, &p[0])?;
    Ok(alloc(cls_of(&a, K::Cycle)?, Itr::Cycle(ShortMutex::new(CycleSt { it: Some(it), spent: false, saved: Vec::new(), idx: 0 }))))
}

/// The next saved item once the first pass is over; `None` if the source
/// gave nothing.
fn cycle_saved(st: &mut CycleSt) -> Option<Value> {
    let n = st.saved.len();
    if n == 0 {
        return None;
    }
    let i = st.idx % n;
    st.idx = (i + 1) % n;
    Some(st.saved[i].clone())
}

/// A step of a cycle that runs no Python code (see `inner_step`): past the
/// first pass, or during it over a builtin source. Once the source has
/// ended it is moved to `spent` for the caller to drop unlocked; with no
/// place for it (inside another iterator's critical section) it stays until
/// `cycle_next` drops it.
fn cycle_step(m: &ShortMutex<CycleSt>, spent: Option<&mut Option<Value>>) -> Option<Option<Value>> {
    let mut g = m.lock();
    let st = &mut *g;
    if let Some(it) = st.it.as_ref().filter(|_| !st.spent) {
        match inner_step(it)? {
            Some(v) => {
                st.saved.push(v.clone());
                return Some(Some(v));
            }
            None => {
                st.spent = true;
                st.idx = 0;
            }
        }
    }
    if let Some(out) = spent.filter(|_| st.spent) {
        *out = st.it.take();
    }
    Some(cycle_saved(st))
}

pub(crate) fn cycle_native(m: &ShortMutex<CycleSt>) -> Option<Option<Value>> {
    cycle_step(m, None)
}

pub(crate) fn cycle_next(ts: &ThreadState, m: &ShortMutex<CycleSt>) -> PyResult<Option<Value>> {
    let mut spent = None;
    if let Some(step) = cycle_step(m, Some(&mut spent)) {
        drop(spent);
        return Ok(step);
    }
    loop {
        let it = {
            let mut g = m.lock();
            let st = &mut *g;
            match st.it.as_ref().filter(|_| !st.spent) {
                Some(it) => it.clone(),
                None => return Ok(cycle_saved(st)),
            }
        };
        match ops::next(ts, &it)? {
            Some(v) => {
                m.lock().saved.push(v.clone());
                return Ok(Some(v));
            }
            None => {
                let old = {
                    let mut g = m.lock();
                    let old = take_if_same(&mut g.it, &it);
                    if old.is_some() {
                        g.idx = 0;
                    }
                    old
                };
                drop(old);
            }
        }
    }
}

// ---------------------------------------------------------------- repeat

#[derive(Default)]
pub(crate) struct RepeatSt {
    obj: Option<Value>,
    /// Items left; None: endless.
    left: Option<i64>,
}

impl Visit for RepeatSt {
    fn visit(&self, f: &mut dyn FnMut(&Value)) {
        visit_opt(&self.obj, f);
    }
}

pub(crate) fn repeat_new(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let p = clinic("repeat", rest(&a), &["object", "times"], 1, 2)?;
    let left = match &p[1] {
        Some(t) => Some(ssize(ts, t)?.max(0)),
        None => None,
    };
    Ok(alloc(cls_of(&a, K::Repeat)?, Itr::Repeat(ShortMutex::new(RepeatSt { obj: p[0].clone(), left }))))
}

pub(crate) fn repeat_next(m: &ShortMutex<RepeatSt>) -> Option<Value> {
    let mut g = m.lock();
    match g.left {
        None => g.obj.clone(),
        Some(n) if n <= 0 => None,
        Some(n) => {
            g.left = Some(n - 1);
            g.obj.clone()
        }
    }
}

fn repeat_parts(a: &Args<'_>, meth: &str) -> PyResult<(Value, Value, Option<i64>)> {
    let (this, p) = state(a, K::Repeat, meth)?;
    let Itr::Repeat(m) = p else { raise!(TypeError, "not a repeat object") };
    let g = m.lock();
    Ok((this.clone(), g.obj.clone().unwrap_or_else(none), g.left))
}

fn repeat_repr(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let (this, obj, left) = repeat_parts(&a, "__repr__")?;
    let name = this.type_ref().name();
    let obj = ops::repr_string(ts, &obj)?;
    Ok(new_str(&match left {
        None => format!("{name}({obj})"),
        Some(n) => format!("{name}({obj}, {n})"),
    }))
}

fn repeat_length_hint(_ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    match repeat_parts(&a, "__length_hint__")?.2 {
        None => raise!(TypeError, "len() of unsized object"),
        Some(n) => Ok(new_int(n)),
    }
}

// ---------------------------------------------------------------- accumulate

#[derive(Default)]
pub(crate) struct AccSt {
    it: Option<Value>,
    func: Option<Value>,
    total: Option<Value>,
    /// Given and not yet produced.
    initial: Option<Value>,
    /// Bumped whenever `total` changes (compare-and-swap of a total
    /// computed outside the lock).
    ver: u64,
}

impl Visit for AccSt {
    fn visit(&self, f: &mut dyn FnMut(&Value)) {
        visit_opt(&self.it, f);
        visit_opt(&self.func, f);
        visit_opt(&self.total, f);
        visit_opt(&self.initial, f);
    }
}

pub(crate) fn accumulate_new(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let p = clinic("accumulate", rest(&a), &["iterable", "func", "initial"], 1, 2)?;
    let it = ops::iter(ts, p[0].as_ref().unwrap_or(&none()))?;
    let func = p[1].clone().filter(|f| !is_none(f));
    let initial = p[2].clone().filter(|f| !is_none(f));
    let st = AccSt { it: Some(it), func, total: None, initial, ver: 0 };
    Ok(alloc(cls_of(&a, K::Accumulate)?, Itr::Accumulate(ShortMutex::new(st))))
}

pub(crate) fn accumulate_next(ts: &ThreadState, m: &ShortMutex<AccSt>) -> PyResult<Option<Value>> {
    let (it, func) = {
        let mut g = m.lock();
        if let Some(init) = g.initial.take() {
            g.ver = g.ver.wrapping_add(1);
            let old = g.total.replace(init.clone());
            drop(g);
            drop(old);
            return Ok(Some(init));
        }
        let st = &mut *g;
        let Some(it) = st.it.as_ref() else { return Ok(None) };
        if st.func.is_none()
            && let Some(v) = inner_item(it)
        {
            // Fetch and add in one critical section: threads sharing the
            // accumulate see the running totals in the source's order.
            let sum = match &g.total {
                None => Some(v.clone()),
                Some(t) => arith::fast_binary(t, &v, 0),
            };
            if let Some(sum) = sum {
                g.ver = g.ver.wrapping_add(1);
                let old = g.total.replace(sum.clone());
                drop(g);
                drop(old);
                return Ok(Some(sum));
            }
            drop(g);
            return combine(ts, m, v, None);
        }
        (it.clone(), st.func.clone())
    };
    let Some(v) = ops::next(ts, &it)? else { return Ok(None) };
    combine(ts, m, v, func)
}

/// `total = func(total, v)` (or `total + v`), retried if another thread
/// changed the total while this one computed.
fn combine(ts: &ThreadState, m: &ShortMutex<AccSt>, v: Value, func: Option<Value>) -> PyResult<Option<Value>> {
    loop {
        let (total, ver) = {
            let mut g = m.lock();
            match &g.total {
                None => {
                    g.ver = g.ver.wrapping_add(1);
                    g.total = Some(v.clone());
                    return Ok(Some(v));
                }
                Some(t) => (t.clone(), g.ver),
            }
        };
        let sum = match &func {
            Some(f) => ops::call(ts, f, &[total, v.clone()])?,
            None => arith::binary_op(ts, &total, &v, 0)?,
        };
        let mut g = m.lock();
        if g.ver == ver {
            g.ver = g.ver.wrapping_add(1);
            let old = g.total.replace(sum.clone());
            drop(g);
            drop(old);
            return Ok(Some(sum));
        }
        drop(g);
        drop(sum);
    }
}

// ---------------------------------------------------------------- batched

#[derive(Default)]
pub(crate) struct BatchedSt {
    it: Option<Value>,
    n: usize,
    strict: bool,
}

impl Visit for BatchedSt {
    fn visit(&self, f: &mut dyn FnMut(&Value)) {
        visit_opt(&self.it, f);
    }
}

pub(crate) fn batched_new(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let p = clinic("batched", rest(&a), &["iterable", "n", "strict"], 2, 2)?;
    let n = ssize(ts, p[1].as_ref().unwrap_or(&none()))?;
    let strict = match &p[2] {
        Some(s) => ops::is_true(ts, s)?,
        None => false,
    };
    if n < 1 {
        raise!(ValueError, "n must be at least one");
    }
    let it = ops::iter(ts, p[0].as_ref().unwrap_or(&none()))?;
    let st = BatchedSt { it: Some(it), n: usize::try_from(n).unwrap_or(usize::MAX), strict };
    Ok(alloc(cls_of(&a, K::Batched)?, Itr::Batched(ShortMutex::new(st))))
}

pub(crate) fn batched_next(ts: &ThreadState, m: &ShortMutex<BatchedSt>) -> PyResult<Option<Value>> {
    let mut items: Vec<Value> = Vec::new();
    let (it, n, strict) = {
        let g = m.lock();
        let Some(it) = g.it.clone() else { return Ok(None) };
        // A batch of a builtin source is taken whole, in order.
        while items.len() < g.n {
            match inner_item(&it) {
                Some(v) => items.push(v),
                None => break,
            }
        }
        (it, g.n, g.strict)
    };
    while items.len() < n {
        match ops::next(ts, &it) {
            Ok(Some(v)) => items.push(v),
            Ok(None) => break,
            Err(e) => {
                let old = take_if_same(&mut m.lock().it, &it);
                drop(old);
                return Err(e);
            }
        }
    }
    if items.len() < n {
        let old = take_if_same(&mut m.lock().it, &it);
        drop(old);
        if items.is_empty() {
            return Ok(None);
        }
        if strict {
            raise!(ValueError, "batched(): incomplete batch");
        }
    }
    Ok(Some(new_tuple(items)))
}

// ---------------------------------------------------------------- chain

#[derive(Default)]
pub(crate) struct ChainSt {
    /// The iterator over the iterables; None once exhausted.
    source: Option<Value>,
    /// Iterators of the iterables taken from `source`, front first (more
    /// than one only when threads took the next iterable at once).
    active: VecDeque<Value>,
}

impl Visit for ChainSt {
    fn visit(&self, f: &mut dyn FnMut(&Value)) {
        visit_opt(&self.source, f);
        self.active.iter().for_each(f);
    }
}

pub(crate) fn chain_new(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let r = rest(&a);
    if r.has_kwargs() {
        raise!(TypeError, "chain() takes no keyword arguments");
    }
    let source = ops::iter(ts, &new_tuple(r.positional().to_vec()))?;
    Ok(alloc(cls_of(&a, K::Chain)?, Itr::Chain(ShortMutex::new(ChainSt { source: Some(source), active: VecDeque::new() }))))
}

fn chain_from_iterable(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    if a.has_kwargs() {
        raise!(TypeError, "chain.from_iterable() takes no keyword arguments");
    }
    let pos = a.positional();
    if pos.len() != 2 {
        raise!(TypeError, "chain.from_iterable() takes exactly one argument ({} given)", pos.len().saturating_sub(1));
    }
    let source = ops::iter(ts, &pos[1])?;
    Ok(alloc(cls_of(&a, K::Chain)?, Itr::Chain(ShortMutex::new(ChainSt { source: Some(source), active: VecDeque::new() }))))
}

pub(crate) fn chain_next(ts: &ThreadState, m: &ShortMutex<ChainSt>) -> PyResult<Option<Value>> {
    loop {
        let (front, source) = {
            let g = m.lock();
            match g.active.front() {
                Some(a) => {
                    if let Some(v) = inner_item(a) {
                        return Ok(Some(v));
                    }
                    (Some(a.clone()), None)
                }
                None => (None, g.source.clone()),
            }
        };
        if let Some(a) = front {
            if let Some(v) = ops::next(ts, &a)? {
                return Ok(Some(v));
            }
            let old = {
                let mut g = m.lock();
                if g.active.front().is_some_and(|x| x.is(&a)) { g.active.pop_front() } else { None }
            };
            drop(old);
            continue;
        }
        let Some(source) = source else { return Ok(None) };
        match ops::next(ts, &source)? {
            Some(iterable) => {
                let it = ops::iter(ts, &iterable)?;
                m.lock().active.push_back(it);
            }
            None => {
                let old = take_if_same(&mut m.lock().source, &source);
                drop(old);
            }
        }
    }
}

// ---------------------------------------------------------------- compress

#[derive(Default)]
pub(crate) struct CompressSt {
    data: Option<Value>,
    selectors: Option<Value>,
}

impl Visit for CompressSt {
    fn visit(&self, f: &mut dyn FnMut(&Value)) {
        visit_opt(&self.data, f);
        visit_opt(&self.selectors, f);
    }
}

pub(crate) fn compress_new(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let p = clinic("compress", rest(&a), &["data", "selectors"], 2, 2)?;
    let data = ops::iter(ts, p[0].as_ref().unwrap_or(&none()))?;
    let selectors = ops::iter(ts, p[1].as_ref().unwrap_or(&none()))?;
    Ok(alloc(cls_of(&a, K::Compress)?, Itr::Compress(ShortMutex::new(CompressSt { data: Some(data), selectors: Some(selectors) }))))
}

/// Truth without Python code for the common selector types.
fn quick_truth(v: &Value) -> Option<bool> {
    if let Some(i) = v.as_small_int() {
        return Some(i != 0);
    }
    let r = rt();
    if v.is(&r.true_) {
        return Some(true);
    }
    if v.is(&r.false_) || v.is(&r.none) {
        return Some(false);
    }
    None
}

pub(crate) fn compress_next(ts: &ThreadState, m: &ShortMutex<CompressSt>) -> PyResult<Option<Value>> {
    loop {
        let (data, selectors, pair) = {
            let g = m.lock();
            let (Some(d), Some(s)) = (g.data.clone(), g.selectors.clone()) else { return Ok(None) };
            // A datum and its selector from one critical section, when both
            // sources step natively (threads never pair them across), and
            // either one's end met there too.
            let pair = match inner_step(&d) {
                Some(None) => return Ok(None),
                Some(Some(dv)) => match inner_step(&s) {
                    Some(None) => return Ok(None),
                    sv => Some((dv, sv.flatten())),
                },
                None => None,
            };
            (d, s, pair)
        };
        let (datum, selector) = match pair {
            Some((dv, Some(sv))) => (dv, sv),
            Some((dv, None)) => match ops::next(ts, &selectors)? {
                Some(sv) => (dv, sv),
                None => return Ok(None),
            },
            None => {
                let Some(dv) = ops::next(ts, &data)? else { return Ok(None) };
                let Some(sv) = ops::next(ts, &selectors)? else { return Ok(None) };
                (dv, sv)
            }
        };
        let keep = match quick_truth(&selector) {
            Some(b) => b,
            None => ops::is_true(ts, &selector)?,
        };
        if keep {
            return Ok(Some(datum));
        }
    }
}

// ---------------------------------------------------------------- dropwhile, takewhile, filterfalse, starmap

#[derive(Default)]
pub(crate) struct PredSt {
    func: Option<Value>,
    it: Option<Value>,
    /// dropwhile: dropping is over; takewhile: taking is over.
    flag: bool,
}

impl Visit for PredSt {
    fn visit(&self, f: &mut dyn FnMut(&Value)) {
        visit_opt(&self.func, f);
        visit_opt(&self.it, f);
    }
}

fn pred_new(ts: &ThreadState, a: &Args<'_>, name: &str, k: K, wrap: fn(ShortMutex<PredSt>) -> Itr) -> PyResult<Value> {
    let p = exact_args(name, &rest(a), 2)?;
    let it = ops::iter(ts, &p[1])?;
    Ok(alloc(cls_of(a, k)?, wrap(ShortMutex::new(PredSt { func: Some(p[0].clone()), it: Some(it), flag: false }))))
}

pub(crate) fn dropwhile_new(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    pred_new(ts, &a, "dropwhile", K::DropWhile, Itr::DropWhile)
}
pub(crate) fn takewhile_new(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    pred_new(ts, &a, "takewhile", K::TakeWhile, Itr::TakeWhile)
}
pub(crate) fn filterfalse_new(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    pred_new(ts, &a, "filterfalse", K::FilterFalse, Itr::FilterFalse)
}
pub(crate) fn starmap_new(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    pred_new(ts, &a, "starmap", K::StarMap, Itr::StarMap)
}

/// (func, it, flag), or None once cleared.
fn pred_parts(m: &ShortMutex<PredSt>) -> Option<(Value, Value, bool)> {
    let g = m.lock();
    Some((g.func.clone()?, g.it.clone()?, g.flag))
}

fn call_truth(ts: &ThreadState, func: &Value, v: &Value) -> PyResult<bool> {
    let r = ops::call(ts, func, std::slice::from_ref(v))?;
    match quick_truth(&r) {
        Some(b) => Ok(b),
        None => ops::is_true(ts, &r),
    }
}

pub(crate) fn dropwhile_next(ts: &ThreadState, m: &ShortMutex<PredSt>) -> PyResult<Option<Value>> {
    loop {
        let Some((func, it, done)) = pred_parts(m) else { return Ok(None) };
        let Some(v) = ops::next(ts, &it)? else { return Ok(None) };
        if done || !call_truth(ts, &func, &v)? {
            m.lock().flag = true;
            return Ok(Some(v));
        }
    }
}

pub(crate) fn takewhile_next(ts: &ThreadState, m: &ShortMutex<PredSt>) -> PyResult<Option<Value>> {
    let Some((func, it, stopped)) = pred_parts(m) else { return Ok(None) };
    if stopped {
        return Ok(None);
    }
    let Some(v) = ops::next(ts, &it)? else { return Ok(None) };
    if call_truth(ts, &func, &v)? {
        return Ok(Some(v));
    }
    m.lock().flag = true;
    Ok(None)
}

pub(crate) fn filterfalse_next(ts: &ThreadState, m: &ShortMutex<PredSt>) -> PyResult<Option<Value>> {
    let Some((func, it, _)) = pred_parts(m) else { return Ok(None) };
    let plain = is_none(&func) || func.is(&rt().types.bool_.to_value());
    loop {
        let Some(v) = ops::next(ts, &it)? else { return Ok(None) };
        let t = if plain {
            match quick_truth(&v) {
                Some(b) => b,
                None => ops::is_true(ts, &v)?,
            }
        } else {
            call_truth(ts, &func, &v)?
        };
        if !t {
            return Ok(Some(v));
        }
    }
}

pub(crate) fn starmap_next(ts: &ThreadState, m: &ShortMutex<PredSt>) -> PyResult<Option<Value>> {
    let Some((func, it, _)) = pred_parts(m) else { return Ok(None) };
    let Some(args) = ops::next(ts, &it)? else { return Ok(None) };
    if args.type_ref() == rt().types.tuple
        && let Some(items) = tuple_items(&args)
    {
        return ops::call(ts, &func, items).map(Some);
    }
    let items = ops::collect(ts, &args)?;
    ops::call(ts, &func, &items).map(Some)
}

// ---------------------------------------------------------------- islice

#[derive(Default)]
pub(crate) struct ISliceSt {
    it: Option<Value>,
    /// Index of the next item to produce.
    next: usize,
    stop: Option<usize>,
    step: usize,
    /// Items taken from the source so far (counting reservations).
    cnt: usize,
}

impl Visit for ISliceSt {
    fn visit(&self, f: &mut dyn FnMut(&Value)) {
        visit_opt(&self.it, f);
    }
}

const STOP_MSG: &str = "Stop argument for islice() must be None or an integer: 0 <= x <= sys.maxsize.";
const INDEX_MSG: &str = "Indices for islice() must be None or an integer: 0 <= x <= sys.maxsize.";
const STEP_MSG: &str = "Step for islice() must be a positive integer or None.";

/// `PyNumber_AsSsize_t` with an overflow error, any failure as -1.
fn islice_index(ts: &ThreadState, v: &Value) -> i64 {
    ssize(ts, v).unwrap_or(-1)
}

pub(crate) fn islice_new(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let r = rest(&a);
    if r.has_kwargs() {
        raise!(TypeError, "islice() takes no keyword arguments");
    }
    let p = r.positional();
    if p.len() < 2 {
        raise!(TypeError, "islice expected at least 2 arguments, got {}", p.len());
    }
    if p.len() > 4 {
        raise!(TypeError, "islice expected at most 4 arguments, got {}", p.len());
    }
    let (start_v, stop_v, step_v) = if p.len() == 2 { (None, &p[1], None) } else { (Some(&p[1]), &p[2], p.get(3)) };
    let mut stop = -1i64;
    if !is_none(stop_v) {
        stop = islice_index(ts, stop_v);
        if stop == -1 {
            raise!(ValueError, "{}", STOP_MSG);
        }
    }
    let mut start = 0i64;
    if let Some(s) = start_v.filter(|s| !is_none(s)) {
        start = islice_index(ts, s);
    }
    if start < 0 || stop < -1 {
        raise!(ValueError, "{}", INDEX_MSG);
    }
    let mut step = 1i64;
    if let Some(s) = step_v.filter(|s| !is_none(s)) {
        step = islice_index(ts, s);
    }
    if step < 1 {
        raise!(ValueError, "{}", STEP_MSG);
    }
    let it = ops::iter(ts, &p[0])?;
    let st = ISliceSt {
        it: Some(it),
        next: start as usize,
        stop: (stop >= 0).then_some(stop as usize),
        step: step as usize,
        cnt: 0,
    };
    Ok(alloc(cls_of(&a, K::ISlice)?, Itr::ISlice(ShortMutex::new(st))))
}

/// Most source items a step skips inside its critical section.
const MAX_LOCKED_SKIP: usize = 256;

pub(crate) fn islice_next(ts: &ThreadState, m: &ShortMutex<ISliceSt>) -> PyResult<Option<Value>> {
    // Reserve this step's share of the source (items to skip, then maybe
    // one to produce) under the lock; other threads reserve the next ones.
    let (it, mut skip, fetch, got, garbage) = {
        let mut g = m.lock();
        let st = &mut *g;
        let Some(it) = st.it.as_ref() else { return Ok(None) };
        let target = st.next;
        let skip = target.saturating_sub(st.cnt);
        let fetch = st.stop.is_none_or(|s| target < s);
        let (cnt, next) = if fetch {
            let n = target.saturating_add(st.step);
            (
                target.saturating_add(1),
                match st.stop {
                    Some(s) if n > s => s,
                    _ => n,
                },
            )
        } else {
            (target, target)
        };
        if skip == 0
            && fetch
            && let Some(v) = inner_item(it)
        {
            st.cnt = cnt;
            st.next = next;
            return Ok(Some(v));
        }
        st.cnt = cnt;
        st.next = next;
        let it = it.clone();
        let mut garbage = Garbage::new();
        let mut skip = skip;
        let mut got = None;
        if skip <= MAX_LOCKED_SKIP {
            while skip > 0 {
                match inner_item(&it) {
                    Some(v) => {
                        garbage.push(v);
                        skip -= 1;
                    }
                    None => break,
                }
            }
            if skip == 0 && fetch {
                got = inner_item(&it);
            }
        }
        (it, skip, fetch, got, garbage)
    };
    drop(garbage);
    if got.is_some() {
        return Ok(got);
    }
    let finish = |r: PyResult<Option<Value>>| {
        let old = take_if_same(&mut m.lock().it, &it);
        drop(old);
        r
    };
    while skip > 0 {
        match ops::next(ts, &it) {
            Ok(Some(_)) => skip -= 1,
            Ok(None) => return finish(Ok(None)),
            Err(e) => return finish(Err(e)),
        }
    }
    if !fetch {
        return finish(Ok(None));
    }
    match ops::next(ts, &it) {
        Ok(Some(v)) => Ok(Some(v)),
        Ok(None) => finish(Ok(None)),
        Err(e) => finish(Err(e)),
    }
}

// ---------------------------------------------------------------- pairwise

#[derive(Default)]
pub(crate) struct PairwiseSt {
    it: Option<Value>,
    old: Option<Value>,
}

impl Visit for PairwiseSt {
    fn visit(&self, f: &mut dyn FnMut(&Value)) {
        visit_opt(&self.it, f);
        visit_opt(&self.old, f);
    }
}

pub(crate) fn pairwise_new(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let p = exact_args("pairwise", &rest(&a), 1)?;
    let it = ops::iter(ts, &p[0])?;
    Ok(alloc(cls_of(&a, K::Pairwise)?, Itr::Pairwise(ShortMutex::new(PairwiseSt { it: Some(it), old: None }))))
}

pub(crate) fn pairwise_next(ts: &ThreadState, m: &ShortMutex<PairwiseSt>) -> PyResult<Option<Value>> {
    loop {
        let it = {
            let mut g = m.lock();
            let st = &mut *g;
            let Some(it) = st.it.as_ref() else { return Ok(None) };
            if st.old.is_some()
                && let Some(new) = inner_item(it)
                && let Some(old) = st.old.replace(new.clone())
            {
                return Ok(Some(new_tuple(vec![old, new])));
            }
            it.clone()
        };
        match ops::next(ts, &it) {
            Ok(Some(new)) => {
                // The swap is atomic: whatever order threads get here in,
                // each item ends one pair and starts the next.
                let prev = m.lock().old.replace(new.clone());
                if let Some(old) = prev {
                    return Ok(Some(new_tuple(vec![old, new])));
                }
            }
            r => {
                let (a, b) = {
                    let mut g = m.lock();
                    let a = take_if_same(&mut g.it, &it);
                    let b = if a.is_some() { g.old.take() } else { None };
                    (a, b)
                };
                drop(a);
                drop(b);
                return r.map(|_| None);
            }
        }
    }
}

// ---------------------------------------------------------------- zip_longest

#[derive(Default)]
pub(crate) struct ZipLongestSt {
    /// None for an exhausted input.
    iters: Vec<Option<Value>>,
    active: usize,
    fill: Option<Value>,
    done: bool,
}

impl Visit for ZipLongestSt {
    fn visit(&self, f: &mut dyn FnMut(&Value)) {
        self.iters.iter().for_each(|i| visit_opt(i, f));
        visit_opt(&self.fill, f);
    }
}

pub(crate) fn zip_longest_new(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let r = rest(&a);
    let mut fill = None;
    if r.has_kwargs() {
        let kw: Vec<(&str, &Value)> = r.kwargs().collect();
        match kw.as_slice() {
            [("fillvalue", v)] => fill = Some((*v).clone()),
            _ => raise!(TypeError, "zip_longest() got an unexpected keyword argument"),
        }
    }
    let mut iters = Vec::with_capacity(r.positional().len());
    for x in r.positional() {
        iters.push(Some(ops::iter(ts, x)?));
    }
    let st = ZipLongestSt { active: iters.len(), iters, fill: Some(fill.unwrap_or_else(none)), done: false };
    Ok(alloc(cls_of(&a, K::ZipLongest)?, Itr::ZipLongest(ShortMutex::new(st))))
}

pub(crate) fn zip_longest_next(ts: &ThreadState, m: &ShortMutex<ZipLongestSt>) -> PyResult<Option<Value>> {
    let (iters, fill, mut row) = {
        let g = m.lock();
        if g.done || g.iters.is_empty() {
            return Ok(None);
        }
        let iters = g.iters.clone();
        let fill = g.fill.clone().unwrap_or_else(none);
        let mut row = Vec::with_capacity(iters.len());
        for it in &iters {
            match it {
                None => row.push(fill.clone()),
                Some(i) => match inner_item(i) {
                    Some(v) => row.push(v),
                    None => break,
                },
            }
        }
        (iters, fill, row)
    };
    for i in row.len()..iters.len() {
        let Some(it) = &iters[i] else {
            row.push(fill.clone());
            continue;
        };
        match ops::next(ts, it) {
            Ok(Some(v)) => row.push(v),
            Ok(None) => {
                let (old, finished) = {
                    let mut g = m.lock();
                    let old = g.iters.get_mut(i).and_then(|slot| take_if_same(slot, it));
                    if old.is_some() {
                        g.active = g.active.saturating_sub(1);
                        if g.active == 0 {
                            g.done = true;
                        }
                    }
                    (old, g.done)
                };
                drop(old);
                if finished {
                    return Ok(None);
                }
                row.push(fill.clone());
            }
            Err(e) => {
                m.lock().done = true;
                return Err(e);
            }
        }
    }
    Ok(Some(new_tuple(row)))
}
