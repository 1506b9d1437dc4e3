//! `collections.deque` and its iterators (`_collections`), as CPython 3.14's
//! C type. The items are a `VecDeque` behind the per-object short lock
//! lists use (`LenMutex`: `len()` reads without it), so each deque
//! operation is one atomic step, as in CPython's free-threaded build.
//!
//! Locking discipline (the containers'): no Python code runs and no item
//! is dropped while the lock is held. Operations that compare (`count`,
//! `index`, `remove`, `in`) scan under the lock while every comparison is
//! between builtin values (no Python code can run); otherwise they compare
//! a snapshot unlocked and check `state` (bumped by every change that moves
//! items, as CPython's) after each comparison, raising "deque mutated during
//! iteration" as CPython does. Lock order: iterator, then deque.

use std::collections::VecDeque;
use std::sync::OnceLock;

use spindle_vm::builtins_init::containers::{compare_items, native_eq, repr_guard};
use spindle_vm::error::{PyErr, PyResult};
use spindle_vm::function::Args;
use spindle_vm::interp::ThreadState;
use spindle_vm::lock::{HasLen, LenMutex, ShortMutex};
use spindle_vm::num::{int_to_big, int_to_i64, is_int, new_bool, new_int};
use spindle_vm::object::{PyPayload, TypeRef, alloc};
use spindle_vm::ops::{self, CmpOp};
use spindle_vm::runtime::{none, rt};
use spindle_vm::seq::{PyList, PyTuple, new_list, new_tuple};
use spindle_vm::str::new_str;
use spindle_vm::value::Value;
use spindle_vm::{err, native, raise};

use crate::kinds::{CORE_BASE, kind};

static DEQUE_T: OnceLock<TypeRef> = OnceLock::new();
static ITER_T: OnceLock<TypeRef> = OnceLock::new();
static REVITER_T: OnceLock<TypeRef> = OnceLock::new();

pub(crate) struct DequeState {
    items: VecDeque<Value>,
    /// None: unbounded.
    maxlen: Option<usize>,
    /// Bumped by every change that moves items (not by `d[i] = x` or
    /// `reverse()`, as CPython); iterators and scans compare it.
    state: u64,
}

impl HasLen for DequeState {
    fn len(&self) -> usize {
        self.items.len()
    }
}

impl DequeState {
    /// Appends at the right (left when `left`), then trims the other end
    /// to `maxlen`; the trimmed item, if any, is the caller's to drop
    /// after the lock.
    #[inline]
    fn push(&mut self, x: Value, left: bool) -> Option<Value> {
        self.state = self.state.wrapping_add(1);
        if left {
            self.items.push_front(x);
        } else {
            self.items.push_back(x);
        }
        match self.maxlen {
            Some(m) if self.items.len() > m => {
                if left {
                    self.items.pop_back()
                } else {
                    self.items.pop_front()
                }
            }
            _ => None,
        }
    }

    fn bump(&mut self) {
        self.state = self.state.wrapping_add(1);
    }
}

pub(crate) struct Deque {
    inner: LenMutex<DequeState>,
}

impl PyPayload for Deque {
    const KIND: spindle_vm::object::PayloadKind = kind(CORE_BASE + 70);
    const GC: bool = true;
    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        // Blocking, as a list's: the lock is held only by attached threads
        // for one operation, with no safepoint inside, and never by a
        // detached one; so it is free while the world is stopped.
        self.inner.lock().items.iter().for_each(visit);
    }
    fn clear(&self) {
        let old = std::mem::take(&mut self.inner.lock().items);
        drop(old);
    }
}

impl Deque {
    fn snapshot(&self) -> (Vec<Value>, u64) {
        let g = self.inner.lock();
        (g.items.iter().cloned().collect(), g.state)
    }
    fn state(&self) -> u64 {
        self.inner.lock().state
    }
}

/// The state of a (reverse) iterator: how many items are left to give
/// and how many were given; valid while the deque's `state` is `state`.
#[derive(Default)]
struct IterState {
    given: usize,
    left: usize,
}

pub(crate) struct DequeIter {
    deque: Value,
    state: u64,
    reverse: bool,
    pos: ShortMutex<IterState>,
}

impl PyPayload for DequeIter {
    const KIND: spindle_vm::object::PayloadKind = kind(CORE_BASE + 71);
    const GC: bool = true;
    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        visit(&self.deque);
    }
}

fn deque_type() -> TypeRef {
    DEQUE_T.get().copied().unwrap_or(rt().types.object)
}

// ---------------------------------------------------------------- arguments

fn this<'a>(a: &'a Args<'_>, name: &str) -> PyResult<(&'a Value, &'a Deque)> {
    match a.args.first() {
        Some(v) => match v.downcast::<Deque>() {
            Some(d) => Ok((v, d)),
            // CPython's wording for a slot wrapper, then for a method.
            None if SLOTS.contains(&name) => raise!(
                TypeError,
                "descriptor '{}' requires a 'collections.deque' object but received a '{}'",
                name,
                ops::type_name(v)
            ),
            None => raise!(
                TypeError,
                "descriptor '{}' for 'collections.deque' objects doesn't apply to a '{}' object",
                name,
                ops::type_name(v)
            ),
        },
        None => raise!(TypeError, "descriptor '{}' of 'collections.deque' object needs an argument", name),
    }
}

/// The methods CPython's deque has as type slots (slot wrappers).
const SLOTS: &[&str] = &[
    "__init__", "__len__", "__getitem__", "__setitem__", "__delitem__", "__contains__", "__iter__", "__add__",
    "__iadd__", "__mul__", "__rmul__", "__imul__", "__eq__", "__ne__", "__lt__", "__le__", "__gt__", "__ge__",
    "__repr__",
];

/// A METH_NOARGS method's receiver.
fn noargs<'a>(a: &'a Args<'_>, name: &str) -> PyResult<(&'a Value, &'a Deque)> {
    let r = this(a, name)?;
    if a.has_kwargs() {
        raise!(TypeError, "deque.{}() takes no keyword arguments", name);
    }
    if a.args.len() != 1 {
        raise!(TypeError, "deque.{}() takes no arguments ({} given)", name, a.args.len() - 1);
    }
    Ok(r)
}

/// A METH_O method's receiver and argument.
fn one_arg<'a>(a: &'a Args<'_>, name: &str) -> PyResult<(&'a Value, &'a Deque, &'a Value)> {
    let (v, d) = this(a, name)?;
    if a.has_kwargs() {
        raise!(TypeError, "deque.{}() takes no keyword arguments", name);
    }
    match a.args {
        [_, x] => Ok((v, d, x)),
        _ => raise!(TypeError, "deque.{}() takes exactly one argument ({} given)", name, a.args.len() - 1),
    }
}

/// A slot wrapper's (`__len__`, `__getitem__`, ...) receiver and arguments.
fn slot<'a>(a: &'a Args<'_>, name: &str, n: usize) -> PyResult<(&'a Value, &'a Deque, &'a [Value])> {
    let (v, d) = this(a, name)?;
    if a.has_kwargs() {
        raise!(TypeError, "wrapper {}() takes no keyword arguments", name);
    }
    let rest = &a.args[1..];
    if rest.len() != n {
        raise!(TypeError, "expected {} argument{}, got {}", n, if n == 1 { "" } else { "s" }, rest.len());
    }
    Ok((v, d, rest))
}

/// A positional-only method's receiver and arguments (`index`, `insert`,
/// `rotate`), with CPython's wording for a wrong count.
fn positional<'a>(a: &'a Args<'_>, name: &str, min: usize, max: usize) -> PyResult<(&'a Deque, &'a [Value])> {
    let (_, d) = this(a, name)?;
    if a.has_kwargs() {
        raise!(TypeError, "deque.{}() takes no keyword arguments", name);
    }
    let rest = &a.args[1..];
    let plural = |n: usize| if n == 1 { "" } else { "s" };
    if rest.len() < min || rest.len() > max {
        if min == max {
            raise!(TypeError, "{} expected {} argument{}, got {}", name, min, plural(min), rest.len());
        }
        if rest.len() < min {
            raise!(TypeError, "{} expected at least {} argument{}, got {}", name, min, plural(min), rest.len());
        }
        raise!(TypeError, "{} expected at most {} argument{}, got {}", name, max, plural(max), rest.len());
    }
    Ok((d, rest))
}

/// `PyNumber_AsSsize_t(v, OverflowError)`.
fn ssize_arg(ts: &ThreadState, v: &Value) -> PyResult<i64> {
    if let Some(i) = v.as_small_int() {
        return Ok(i);
    }
    let i = ops::index(ts, v)?;
    match int_to_i64(&i) {
        Some(x) => Ok(x),
        None => raise!(OverflowError, "Python int too large to convert to C ssize_t"),
    }
}

/// `_PyEval_SliceIndexNotNone`: an index, clamped to the ssize range.
fn slice_index(ts: &ThreadState, v: &Value) -> PyResult<i64> {
    if let Some(i) = v.as_small_int() {
        return Ok(i);
    }
    if !is_int(v) && v.type_ref().lookup_static("__index__").is_none() {
        raise!(TypeError, "slice indices must be integers or have an __index__ method");
    }
    let i = ops::index(ts, v)?;
    Ok(match int_to_i64(&i) {
        Some(x) => x,
        None if int_to_big(&i).is_some_and(|b| b < 0.into()) => i64::MIN,
        None => i64::MAX,
    })
}

/// A subscript's index as an integer (its conversion may run Python code).
fn subscript(ts: &ThreadState, key: &Value) -> PyResult<isize> {
    if let Some(i) = key.as_small_int() {
        return Ok(i as isize);
    }
    if !is_int(key) && key.type_ref().lookup_static("__index__").is_none() {
        raise!(TypeError, "sequence index must be integer, not '{}'", ops::type_name(key));
    }
    ops::index_isize(ts, key)
}

/// Index `i` (negative counts from the end) into `len` items; taken under
/// the lock, so the lookup and its bounds are one step.
fn position(i: isize, len: usize) -> Option<usize> {
    let n = len as isize;
    let j = if i < 0 { i + n } else { i };
    (0..n).contains(&j).then_some(j as usize)
}

fn out_of_range() -> PyErr {
    err!(IndexError, "deque index out of range")
}

/// `maxlen` as `deque()` takes it: None, or an int (no `__index__`).
fn maxlen_arg(v: Option<&Value>) -> PyResult<Option<usize>> {
    let Some(v) = v.filter(|v| !v.is(&none())) else { return Ok(None) };
    if !is_int(v) {
        raise!(TypeError, "an integer is required");
    }
    match int_to_i64(v) {
        Some(n) if n < 0 => raise!(ValueError, "maxlen must be non-negative"),
        Some(n) => Ok(Some(n as usize)),
        None => raise!(OverflowError, "Python int too large to convert to C ssize_t"),
    }
}

// ---------------------------------------------------------------- construction

fn deque_new(_ts: &ThreadState, a: Args<'_>) -> PyResult {
    let Some(first) = a.args.first() else { raise!(TypeError, "collections.deque.__new__(): not enough arguments") };
    let Some(cls) = TypeRef::from_value(first) else {
        raise!(TypeError, "collections.deque.__new__(X): X is not a type object ({})", ops::type_name(first))
    };
    if !cls.is_subtype(deque_type()) {
        raise!(TypeError, "collections.deque.__new__({}): {} is not a subtype of collections.deque", cls.name(), cls.name());
    }
    Ok(new_deque_of(cls, VecDeque::new(), None))
}

fn new_deque_of(cls: TypeRef, items: VecDeque<Value>, maxlen: Option<usize>) -> Value {
    alloc(cls, Deque { inner: LenMutex::new(DequeState { items, maxlen, state: 0 }) })
}

fn deque_init(ts: &ThreadState, a: Args<'_>) -> PyResult {
    let (v, d) = this(&a, "__init__")?;
    // (args[0] may be a keyword's value: then there are no positionals.)
    let pos = a.positional().get(1..).unwrap_or(&[]);
    if pos.len() > 2 {
        raise!(TypeError, "deque() takes at most 2 arguments ({} given)", pos.len() + a.kwnames.len());
    }
    let mut iterable = pos.first();
    let mut maxlen = pos.get(1);
    for (k, x) in a.kwargs() {
        let (slot, at) = match k {
            "iterable" => (&mut iterable, 1),
            "maxlen" => (&mut maxlen, 2),
            _ => raise!(TypeError, "deque() got an unexpected keyword argument '{}'", k),
        };
        if slot.is_some() {
            raise!(TypeError, "argument for deque() given by name ('{}') and position ({})", k, at);
        }
        *slot = Some(x);
    }
    let maxlen = maxlen_arg(maxlen)?;
    let old = {
        let mut g = d.inner.lock();
        g.maxlen = maxlen;
        if g.items.is_empty() {
            VecDeque::new()
        } else {
            g.bump();
            std::mem::take(&mut g.items)
        }
    };
    drop(old);
    if let Some(it) = iterable {
        extend(ts, v, d, it, false)?;
    }
    Ok(none())
}

// ---------------------------------------------------------------- end operations

fn push_one(d: &Deque, x: Value, left: bool) {
    let dropped = d.inner.lock().push(x, left);
    // Released after the lock: a `__del__` may touch this deque.
    drop(dropped);
}

fn m_append(_ts: &ThreadState, a: Args<'_>) -> PyResult {
    let (_, d, x) = one_arg(&a, "append")?;
    push_one(d, x.clone(), false);
    Ok(none())
}

fn m_appendleft(_ts: &ThreadState, a: Args<'_>) -> PyResult {
    let (_, d, x) = one_arg(&a, "appendleft")?;
    push_one(d, x.clone(), true);
    Ok(none())
}

fn pop_end(d: &Deque, left: bool) -> PyResult {
    let mut g = d.inner.lock();
    let x = if left { g.items.pop_front() } else { g.items.pop_back() };
    match x {
        Some(x) => {
            g.bump();
            Ok(x)
        }
        None => {
            drop(g);
            raise!(IndexError, "pop from an empty deque")
        }
    }
}

fn m_pop(_ts: &ThreadState, a: Args<'_>) -> PyResult {
    let (_, d) = noargs(&a, "pop")?;
    pop_end(d, false)
}

fn m_popleft(_ts: &ThreadState, a: Args<'_>) -> PyResult {
    let (_, d) = noargs(&a, "popleft")?;
    pop_end(d, true)
}

/// The items of an exact list, tuple or deque, copied in one step; None for
/// other iterables (whose iteration may run Python code).
fn builtin_items(v: &Value) -> Option<Vec<Value>> {
    let r = rt();
    let t = v.type_ref();
    if t == r.types.list {
        return v.downcast::<PyList>().map(PyList::snapshot);
    }
    if t == r.types.tuple {
        return v.downcast::<PyTuple>().map(|t| t.items.to_vec());
    }
    if t == deque_type() {
        return v.downcast::<Deque>().map(|d| d.snapshot().0);
    }
    None
}

/// `extend` (`extendleft` when `left`): items of a builtin sequence go in
/// under one hold of the lock; others one at a time as the iterator gives
/// them (it may run Python code).
fn extend(ts: &ThreadState, v: &Value, d: &Deque, iterable: &Value, left: bool) -> PyResult<()> {
    if d.inner.lock().maxlen == Some(0) {
        // Nothing is kept: the iterable is only consumed (the deque is
        // unchanged, as CPython's, so its iterators go on).
        let it = ops::iter(ts, iterable)?;
        while ops::next(ts, &it)?.is_some() {}
        return Ok(());
    }
    let items = if iterable.is(v) { Some(d.snapshot().0) } else { builtin_items(iterable) };
    if let Some(items) = items {
        let mut dropped = Vec::new();
        let mut g = d.inner.lock();
        for x in items {
            if let Some(old) = g.push(x, left) {
                dropped.push(old);
            }
        }
        drop(g);
        drop(dropped);
        return Ok(());
    }
    let it = ops::iter(ts, iterable)?;
    while let Some(x) = ops::next(ts, &it)? {
        push_one(d, x, left);
    }
    Ok(())
}

fn m_extend(ts: &ThreadState, a: Args<'_>) -> PyResult {
    let (v, d, it) = one_arg(&a, "extend")?;
    extend(ts, v, d, it, false)?;
    Ok(none())
}

fn m_extendleft(ts: &ThreadState, a: Args<'_>) -> PyResult {
    let (v, d, it) = one_arg(&a, "extendleft")?;
    extend(ts, v, d, it, true)?;
    Ok(none())
}

fn m_clear(_ts: &ThreadState, a: Args<'_>) -> PyResult {
    let (_, d) = noargs(&a, "clear")?;
    clear(d);
    Ok(none())
}

fn clear(d: &Deque) {
    let old = {
        let mut g = d.inner.lock();
        if g.items.is_empty() {
            return;
        }
        g.bump();
        std::mem::take(&mut g.items)
    };
    drop(old);
}

// ---------------------------------------------------------------- rotation, insertion, deletion

fn m_rotate(ts: &ThreadState, a: Args<'_>) -> PyResult {
    let (d, rest) = positional(&a, "rotate", 0, 1)?;
    let n = match rest.first() {
        Some(n) => ssize_arg(ts, n)?,
        None => 1,
    };
    let mut g = d.inner.lock();
    let len = g.items.len();
    if len <= 1 {
        return Ok(none());
    }
    // Even a whole number of turns counts as a change, as in CPython.
    g.bump();
    let r = n.rem_euclid(len as i64) as usize;
    g.items.rotate_right(r);
    Ok(none())
}

fn m_reverse(_ts: &ThreadState, a: Args<'_>) -> PyResult {
    let (_, d) = noargs(&a, "reverse")?;
    d.inner.lock().items.make_contiguous().reverse();
    Ok(none())
}

fn m_insert(ts: &ThreadState, a: Args<'_>) -> PyResult {
    let (d, rest) = positional(&a, "insert", 2, 2)?;
    let i = ssize_arg(ts, &rest[0])?;
    let mut g = d.inner.lock();
    let n = g.items.len() as i64;
    if g.maxlen == Some(g.items.len()) {
        drop(g);
        raise!(IndexError, "deque already at its maximum size");
    }
    let at = if i < 0 { (i + n).max(0) } else { i.min(n) };
    g.items.insert(at as usize, rest[1].clone());
    g.bump();
    Ok(none())
}

fn m_getitem(ts: &ThreadState, a: Args<'_>) -> PyResult {
    let (_, d, k) = slot(&a, "__getitem__", 1)?;
    let i = subscript(ts, &k[0])?;
    let g = d.inner.lock();
    let x = position(i, g.items.len()).and_then(|j| g.items.get(j)).cloned();
    drop(g);
    x.ok_or_else(out_of_range)
}

fn m_setitem(ts: &ThreadState, a: Args<'_>) -> PyResult {
    let (_, d, k) = slot(&a, "__setitem__", 2)?;
    let i = subscript(ts, &k[0])?;
    let mut g = d.inner.lock();
    let len = g.items.len();
    let Some(slot) = position(i, len).and_then(|j| g.items.get_mut(j)) else {
        drop(g);
        return Err(out_of_range());
    };
    let old = std::mem::replace(slot, k[1].clone());
    drop(g);
    drop(old);
    Ok(none())
}

fn m_delitem(ts: &ThreadState, a: Args<'_>) -> PyResult {
    let (_, d, k) = slot(&a, "__delitem__", 1)?;
    let i = subscript(ts, &k[0])?;
    let mut g = d.inner.lock();
    let old = position(i, g.items.len()).and_then(|j| g.items.remove(j));
    if old.is_none() {
        drop(g);
        return Err(out_of_range());
    }
    g.bump();
    drop(g);
    drop(old);
    Ok(none())
}

// ---------------------------------------------------------------- searching

/// What a scan does when it meets an item equal to the value.
#[derive(Clone, Copy, PartialEq)]
enum Scan {
    /// Stop there (`index`, `in`, `remove`).
    First,
    /// Count it and go on (`count`).
    All,
}

/// Compares the items at `start..stop` (clamped to the length) with
/// `value`: the first equal one's index and the deque's state it was found
/// in (`Scan::First`), or how many are equal (`Scan::All`, index unused).
/// A change of the deque by a comparison raises `mutated` (CPython's
/// exception for the operation).
fn scan(
    ts: &ThreadState,
    d: &Deque,
    value: &Value,
    start: i64,
    stop: i64,
    mode: Scan,
    mutated: fn() -> PyErr,
) -> PyResult<(Option<usize>, usize, u64)> {
    let (items, state, lo) = {
        let g = d.inner.lock();
        let n = g.items.len() as i64;
        let clamp = |i: i64| if i < 0 { (i.saturating_add(n)).max(0) } else { i.min(n) };
        let (lo, hi) = (clamp(start) as usize, clamp(stop) as usize);
        let hi = hi.max(lo);
        // Builtin comparisons first: one atomic step when they decide it all.
        let mut count = 0;
        let mut all_native = true;
        for (k, x) in g.items.range(lo..hi).enumerate() {
            match native_eq(x, value) {
                Some(true) if mode == Scan::First => return Ok((Some(lo + k), 0, g.state)),
                Some(true) => count += 1,
                Some(false) => {}
                None => {
                    all_native = false;
                    break;
                }
            }
        }
        if all_native {
            return Ok((None, count, g.state));
        }
        (g.items.range(lo..hi).cloned().collect::<Vec<_>>(), g.state, lo)
    };
    let mut count = 0;
    for (k, x) in items.iter().enumerate() {
        let equal = ops::eq(ts, x, value)?;
        if equal && mode == Scan::First {
            return Ok((Some(lo + k), 0, state));
        }
        count += usize::from(equal);
        if d.state() != state {
            return Err(mutated());
        }
    }
    Ok((None, count, state))
}

fn mutated_runtime() -> PyErr {
    err!(RuntimeError, "deque mutated during iteration")
}

fn mutated_index() -> PyErr {
    err!(IndexError, "deque mutated during iteration")
}

fn m_count(ts: &ThreadState, a: Args<'_>) -> PyResult {
    let (_, d, x) = one_arg(&a, "count")?;
    let (_, n, _) = scan(ts, d, x, 0, i64::MAX, Scan::All, mutated_runtime)?;
    Ok(new_int(n as i64))
}

fn m_contains(ts: &ThreadState, a: Args<'_>) -> PyResult {
    let (_, d, k) = slot(&a, "__contains__", 1)?;
    let (found, _, _) = scan(ts, d, &k[0], 0, i64::MAX, Scan::First, mutated_runtime)?;
    Ok(new_bool(found.is_some()))
}

fn m_index(ts: &ThreadState, a: Args<'_>) -> PyResult {
    let (d, rest) = positional(&a, "index", 1, 3)?;
    let start = match rest.get(1) {
        Some(v) => slice_index(ts, v)?,
        None => 0,
    };
    let stop = match rest.get(2) {
        Some(v) => slice_index(ts, v)?,
        None => i64::MAX,
    };
    match scan(ts, d, &rest[0], start, stop, Scan::First, mutated_runtime)?.0 {
        Some(i) => Ok(new_int(i as i64)),
        None => raise!(ValueError, "deque.index(x): x not in deque"),
    }
}

fn m_remove(ts: &ThreadState, a: Args<'_>) -> PyResult {
    let (_, d, x) = one_arg(&a, "remove")?;
    loop {
        let (Some(i), _, state) = scan(ts, d, x, 0, i64::MAX, Scan::First, mutated_index)? else {
            raise!(ValueError, "deque.remove(x): x not in deque");
        };
        let mut g = d.inner.lock();
        if g.state != state {
            // Another thread changed it after the match: search again.
            continue;
        }
        let old = g.items.remove(i);
        g.bump();
        drop(g);
        drop(old);
        return Ok(none());
    }
}

// ---------------------------------------------------------------- copies, operators

/// `copy()`: a plain deque copies itself; a subclass is called with the
/// deque (and its maxlen), as CPython.
fn copy_of(ts: &ThreadState, v: &Value, d: &Deque) -> PyResult {
    let t = v.type_ref();
    let maxlen = d.inner.lock().maxlen;
    if t == deque_type() {
        let (items, _) = d.snapshot();
        return Ok(new_deque_of(t, items.into(), maxlen));
    }
    let r = match maxlen {
        None => ops::call(ts, &t.to_value(), &[v.clone()])?,
        Some(m) => ops::call(ts, &t.to_value(), &[v.clone(), new_int(m as i64)])?,
    };
    if r.downcast::<Deque>().is_none() {
        raise!(TypeError, "{}() must return a deque, not {}", ops::type_name(v), ops::type_name(&r));
    }
    Ok(r)
}

fn m_copy(ts: &ThreadState, a: Args<'_>) -> PyResult {
    let (v, d) = noargs(&a, "copy")?;
    copy_of(ts, v, d)
}

fn m_dunder_copy(ts: &ThreadState, a: Args<'_>) -> PyResult {
    let (v, d) = noargs(&a, "__copy__")?;
    copy_of(ts, v, d)
}

fn m_add(ts: &ThreadState, a: Args<'_>) -> PyResult {
    let (v, d, k) = slot(&a, "__add__", 1)?;
    let other = &k[0];
    let Some(o) = other.downcast::<Deque>() else {
        raise!(TypeError, "can only concatenate deque (not \"{}\") to deque", ops::type_name(other))
    };
    let new = copy_of(ts, v, d)?;
    if let Some(nd) = new.downcast::<Deque>() {
        let items = if other.is(v) { d.snapshot().0 } else { o.snapshot().0 };
        extend(ts, &new, nd, &new_list(items), false)?;
    }
    Ok(new)
}

fn m_iadd(ts: &ThreadState, a: Args<'_>) -> PyResult {
    let (v, d, k) = slot(&a, "__iadd__", 1)?;
    extend(ts, v, d, &k[0], false)?;
    Ok(v.clone())
}

/// A repeat count; None when `n` is no integer (the operator then gives
/// the other operand its turn).
fn repeat_count(ts: &ThreadState, n: &Value) -> PyResult<Option<i64>> {
    if !is_int(n) && n.type_ref().lookup_static("__index__").is_none() {
        return Ok(None);
    }
    let i = ops::index(ts, n)?;
    match int_to_i64(&i) {
        Some(x) => Ok(Some(x)),
        None if int_to_big(&i).is_some_and(|b| b < 0.into()) => Ok(Some(0)),
        None => raise!(OverflowError, "cannot fit 'int' into an index-sized integer"),
    }
}

/// `d *= n` in one hold of the lock.
fn repeat_in_place(d: &Deque, n: i64) -> PyResult<()> {
    if n <= 0 {
        clear(d);
        return Ok(());
    }
    let mut g = d.inner.lock();
    let size = g.items.len();
    if size == 0 || n == 1 {
        return Ok(());
    }
    let mut n = n as usize;
    if size > 1 && size.checked_mul(n).is_none_or(|t| t > isize::MAX as usize) {
        drop(g);
        return Err(PyErr::bare(rt().exc.MemoryError));
    }
    // No more copies than maxlen keeps.
    if let Some(m) = g.maxlen {
        if size.saturating_mul(n) > m {
            n = if size == 1 { m } else { m.div_ceil(size) };
        }
    }
    let grow = size.saturating_mul(n.saturating_sub(1));
    if g.items.try_reserve(grow).is_err() {
        drop(g);
        return Err(PyErr::bare(rt().exc.MemoryError));
    }
    let items: Vec<Value> = g.items.iter().cloned().collect();
    let mut dropped = Vec::new();
    for _ in 1..n {
        for x in &items {
            if let Some(old) = g.push(x.clone(), false) {
                dropped.push(old);
            }
        }
    }
    drop(g);
    drop(dropped);
    drop(items);
    Ok(())
}

fn not_a_count(n: &Value) -> PyResult {
    if n.type_ref().is_heap() && n.type_ref().lookup_static("__rmul__").is_some() {
        return Ok(rt().not_implemented.clone());
    }
    raise!(TypeError, "can't multiply sequence by non-int of type '{}'", ops::type_name(n))
}

fn mul(ts: &ThreadState, a: Args<'_>, name: &str) -> PyResult {
    let (v, d, k) = slot(&a, name, 1)?;
    let Some(n) = repeat_count(ts, &k[0])? else { return not_a_count(&k[0]) };
    let new = copy_of(ts, v, d)?;
    if let Some(nd) = new.downcast::<Deque>() {
        repeat_in_place(nd, n)?;
    }
    Ok(new)
}

fn m_imul(ts: &ThreadState, a: Args<'_>) -> PyResult {
    let (v, d, k) = slot(&a, "__imul__", 1)?;
    let Some(n) = repeat_count(ts, &k[0])? else { return not_a_count(&k[0]) };
    repeat_in_place(d, n)?;
    Ok(v.clone())
}

fn compare(ts: &ThreadState, a: Args<'_>, op: CmpOp) -> PyResult {
    let (v, d, k) = slot(&a, op.dunder(), 1)?;
    let Some(o) = k[0].downcast::<Deque>() else { return Ok(rt().not_implemented.clone()) };
    if v.is(&k[0]) && matches!(op, CmpOp::Eq | CmpOp::Ne) {
        return Ok(new_bool(op == CmpOp::Eq));
    }
    compare_items(ts, &d.snapshot().0, &o.snapshot().0, op)
}

fn m_len(_ts: &ThreadState, a: Args<'_>) -> PyResult {
    let (_, d, _) = slot(&a, "__len__", 0)?;
    Ok(new_int(d.inner.len() as i64))
}

fn m_repr(ts: &ThreadState, a: Args<'_>) -> PyResult {
    let (v, d, _) = slot(&a, "__repr__", 0)?;
    repr_guard(v, "[...]", || {
        let (items, _) = d.snapshot();
        let maxlen = d.inner.lock().maxlen;
        let body = ops::repr_string(ts, &new_list(items))?;
        let name = v.type_ref().name();
        let name = name.rsplit('.').next().unwrap_or("deque");
        Ok(new_str(&match maxlen {
            Some(m) => format!("{name}({body}, maxlen={m})"),
            None => format!("{name}({body})"),
        }))
    })
}

/// `(type(d), () or ((), maxlen), state, iter(d))`, where state is
/// the instance's `__getstate__()` (None for a plain deque).
fn m_reduce(ts: &ThreadState, a: Args<'_>) -> PyResult {
    let (v, d) = noargs(&a, "__reduce__")?;
    let state = if v.type_ref().is_heap() { ops::call_method(ts, v, "__getstate__", &[])? } else { none() };
    let it = new_iter(v, false);
    let maxlen = d.inner.lock().maxlen;
    let args = match maxlen {
        None => new_tuple(Vec::new()),
        Some(m) => new_tuple(vec![new_tuple(Vec::new()), new_int(m as i64)]),
    };
    Ok(new_tuple(vec![v.type_ref().to_value(), args, state, it]))
}

fn m_sizeof(_ts: &ThreadState, a: Args<'_>) -> PyResult {
    let (_, d) = noargs(&a, "__sizeof__")?;
    let cap = d.inner.lock().items.capacity();
    Ok(new_int((64 + cap * std::mem::size_of::<Value>()) as i64))
}

fn get_maxlen(_ts: &ThreadState, a: Args<'_>) -> PyResult {
    let (_, d) = this(&a, "maxlen")?;
    Ok(match d.inner.lock().maxlen {
        Some(m) => new_int(m as i64),
        None => none(),
    })
}

// ---------------------------------------------------------------- iterators

fn new_iter(v: &Value, reverse: bool) -> Value {
    let Some(d) = v.downcast::<Deque>() else { return none() };
    let g = d.inner.lock();
    let it = DequeIter { deque: v.clone(), state: g.state, reverse, pos: ShortMutex::new(IterState { given: 0, left: g.items.len() }) };
    drop(g);
    let t = if reverse { REVITER_T.get() } else { ITER_T.get() };
    alloc(t.copied().unwrap_or(rt().types.object), it)
}

fn m_iter(_ts: &ThreadState, a: Args<'_>) -> PyResult {
    let (v, _, _) = slot(&a, "__iter__", 0)?;
    Ok(new_iter(v, false))
}

fn m_reversed(_ts: &ThreadState, a: Args<'_>) -> PyResult {
    let (v, _) = noargs(&a, "__reversed__")?;
    Ok(new_iter(v, true))
}

/// One step. A forward iterator checks for a change before it checks
/// for the end, a reverse one after (as CPython).
fn iter_step(it: &DequeIter) -> PyResult<Option<Value>> {
    let Some(d) = it.deque.downcast::<Deque>() else { return Ok(None) };
    let mut p = it.pos.lock();
    if it.reverse && p.left == 0 {
        return Ok(None);
    }
    let g = d.inner.lock();
    if g.state != it.state {
        drop(g);
        p.left = 0;
        drop(p);
        return Err(mutated_runtime());
    }
    if p.left == 0 {
        return Ok(None);
    }
    // Unchanged since the iterator was made: the length is as it was then.
    let at = if it.reverse { g.items.len().checked_sub(p.given + 1) } else { Some(p.given) };
    let x = at.and_then(|i| g.items.get(i)).cloned();
    drop(g);
    if x.is_some() {
        p.given += 1;
        p.left -= 1;
    }
    Ok(x)
}

fn iternext(_ts: &ThreadState, v: &Value) -> PyResult<Option<Value>> {
    match v.downcast::<DequeIter>() {
        Some(it) => iter_step(it),
        None => Ok(None),
    }
}

fn it_this<'a>(a: &'a Args<'_>) -> PyResult<(&'a Value, &'a DequeIter)> {
    match a.args.first() {
        Some(v) => match v.downcast::<DequeIter>() {
            Some(it) => Ok((v, it)),
            None => raise!(TypeError, "descriptor requires a '_collections._deque_iterator' object"),
        },
        None => raise!(TypeError, "descriptor needs an argument"),
    }
}

fn it_next(ts: &ThreadState, a: Args<'_>) -> PyResult {
    let (v, _) = it_this(&a)?;
    match iternext(ts, v)? {
        Some(x) => Ok(x),
        None => Err(PyErr::bare(rt().exc.StopIteration)),
    }
}

fn it_length_hint(_ts: &ThreadState, a: Args<'_>) -> PyResult {
    let (_, it) = it_this(&a)?;
    Ok(new_int(it.pos.lock().left as i64))
}

/// `(type(it), (deque, given))`: the constructor skips `given` items.
fn it_reduce(_ts: &ThreadState, a: Args<'_>) -> PyResult {
    let (v, it) = it_this(&a)?;
    let left = it.pos.lock().left;
    let len = it.deque.downcast::<Deque>().map_or(0, |d| d.inner.len());
    let given = len.saturating_sub(left);
    Ok(new_tuple(vec![v.type_ref().to_value(), new_tuple(vec![it.deque.clone(), new_int(given as i64)])]))
}

fn iter_new(ts: &ThreadState, a: Args<'_>, reverse: bool) -> PyResult {
    let pos = a.positional();
    let rest = pos.get(1..).unwrap_or(&[]);
    if rest.is_empty() {
        raise!(TypeError, "function takes at least 1 argument (0 given)");
    }
    if rest.len() > 2 {
        raise!(TypeError, "function takes at most 2 arguments ({} given)", rest.len());
    }
    if rest[0].downcast::<Deque>().is_none() {
        raise!(TypeError, "argument 1 must be collections.deque, not {}", ops::type_name(&rest[0]));
    }
    let skip = match rest.get(1) {
        Some(n) => ssize_arg(ts, n)?,
        None => 0,
    };
    let it = new_iter(&rest[0], reverse);
    if let Some(i) = it.downcast::<DequeIter>() {
        for _ in 0..skip.max(0) {
            if iter_step(i)?.is_none() {
                break;
            }
        }
    }
    Ok(it)
}

// ---------------------------------------------------------------- types

fn generic_alias(ts: &ThreadState, a: Args<'_>) -> PyResult {
    match a.args {
        [cls, item] => spindle_vm::builtins_init::generic_alias(ts, cls, item),
        _ => raise!(TypeError, "__class_getitem__ expected 1 argument"),
    }
}

fn init_types() -> (TypeRef, TypeRef, TypeRef) {
    let t = *DEQUE_T.get_or_init(|| {
        let t = native::new_type::<Deque>("deque", "collections", None, true);
        native::set_new(t, deque_new);
        t.data().set_flags(spindle_vm::types::type_flags::SEQUENCE);
        native::set_length(t, |v| v.downcast::<Deque>().map(|d| d.inner.len()));
        native::add_methods(
            t,
            &[
                ("__init__", deque_init),
                ("append", m_append),
                ("appendleft", m_appendleft),
                ("pop", m_pop),
                ("popleft", m_popleft),
                ("extend", m_extend),
                ("extendleft", m_extendleft),
                ("clear", m_clear),
                ("copy", m_copy),
                ("__copy__", m_dunder_copy),
                ("count", m_count),
                ("index", m_index),
                ("insert", m_insert),
                ("remove", m_remove),
                ("reverse", m_reverse),
                ("rotate", m_rotate),
                ("__len__", m_len),
                ("__getitem__", m_getitem),
                ("__setitem__", m_setitem),
                ("__delitem__", m_delitem),
                ("__contains__", m_contains),
                ("__iter__", m_iter),
                ("__reversed__", m_reversed),
                ("__add__", m_add),
                ("__iadd__", m_iadd),
                ("__mul__", |ts, a| mul(ts, a, "__mul__")),
                ("__rmul__", |ts, a| mul(ts, a, "__rmul__")),
                ("__imul__", m_imul),
                ("__eq__", |ts, a| compare(ts, a, CmpOp::Eq)),
                ("__ne__", |ts, a| compare(ts, a, CmpOp::Ne)),
                ("__lt__", |ts, a| compare(ts, a, CmpOp::Lt)),
                ("__le__", |ts, a| compare(ts, a, CmpOp::Le)),
                ("__gt__", |ts, a| compare(ts, a, CmpOp::Gt)),
                ("__ge__", |ts, a| compare(ts, a, CmpOp::Ge)),
                ("__repr__", m_repr),
                ("__reduce__", m_reduce),
                ("__sizeof__", m_sizeof),
            ],
        );
        native::add_property(
            t,
            "maxlen",
            get_maxlen,
            Some(|_, _| raise!(AttributeError, "attribute 'maxlen' of 'collections.deque' objects is not writable")),
        );
        native::add_classmethod(t, "__class_getitem__", generic_alias);
        native::add_class_value(t, "__hash__", none());
        native::add_class_value(t, "__doc__", new_str("A list-like sequence optimized for data accesses near its endpoints."));
        native::add_class_value(t, "__text_signature__", new_str("([iterable[, maxlen]])"));
        t
    });
    let mk = |name: &str, reverse: bool| {
        let it = native::new_type::<DequeIter>(name, "collections", None, false);
        native::set_new(it, if reverse { |ts, a| iter_new(ts, a, true) } else { |ts, a| iter_new(ts, a, false) });
        native::add_methods(
            it,
            &[
                ("__iter__", |_, a| Ok(it_this(&a)?.0.clone())),
                ("__next__", it_next),
                ("__length_hint__", it_length_hint),
                ("__reduce__", it_reduce),
            ],
        );
        native::set_iternext(it, iternext);
        it
    };
    let it = *ITER_T.get_or_init(|| mk("_deque_iterator", false));
    let rit = *REVITER_T.get_or_init(|| mk("_deque_reverse_iterator", true));
    (t, it, rit)
}

/// Adds `deque` and its iterator classes to the `_collections` module `m`.
pub(crate) fn add_to(m: &Value) {
    let (t, it, rit) = init_types();
    native::add_value(m, "deque", t.to_value());
    native::add_value(m, "_deque_iterator", it.to_value());
    native::add_value(m, "_deque_reverse_iterator", rit.to_value());
}
