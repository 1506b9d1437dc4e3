//! `list`, `tuple`, `dict`, `set`/`frozenset`, `range`, `slice`, `bytes`,
//! `bytearray`, the dict views and the builtin iterators.

use parking_lot::Mutex;

use super::{add_methods, add_new, check_args, new_dict};
use crate::bytes::PyByteArray;
use crate::cell::PySlice;
use crate::dict::PyDict;
use crate::error::PyResult;
use crate::function::Args;
use crate::interp::ThreadState;
use crate::iter::{IterState, PyDictView, PyIter, PyRange};
use crate::num::{new_bool, new_int};
use crate::object::{TypeRef, alloc};
use crate::ops::{self, CmpOp};
use crate::runtime::{Runtime, is_none, none, rt};
use crate::seq::{PyList, PyTuple, new_list, new_tuple};
use crate::set::PySet;
use crate::str::{as_str, new_str, new_string};
pub use super::codecs::{decode_bytes, encode_str};
use crate::value::Value;
use crate::{err, raise};

pub(super) fn init(r: &Runtime) {
    list_init(r);
    tuple_init(r);
    dict_init(r);
    set_init(r);
    range_init(r);
    iter_init(r);
    super::bytes_type::init(r);
    add_new(r.types.slice, slice_new);
    add_methods(
        r.types.slice,
        &[
            ("__repr__", slice_repr),
            ("indices", slice_indices_m),
            ("__eq__", |ts, a| slice_cmp(ts, a, CmpOp::Eq)),
            ("__ne__", |ts, a| slice_cmp(ts, a, CmpOp::Ne)),
            ("__lt__", |ts, a| slice_cmp(ts, a, CmpOp::Lt)),
            ("__le__", |ts, a| slice_cmp(ts, a, CmpOp::Le)),
            ("__gt__", |ts, a| slice_cmp(ts, a, CmpOp::Gt)),
            ("__ge__", |ts, a| slice_cmp(ts, a, CmpOp::Ge)),
            ("__hash__", |ts, a| {
                let s = a.args[0].downcast::<PySlice>().ok_or_else(|| err!(TypeError, "expected slice"))?;
                Ok(new_int(ops::hash(ts, &slice_tuple(s))?))
            }),
            ("__reduce__", |_, a| {
                let s = a.args[0].downcast::<PySlice>().ok_or_else(|| err!(TypeError, "expected slice"))?;
                Ok(new_tuple(vec![rt().types.slice.to_value(), slice_tuple(s)]))
            }),
        ],
    );
}

// ---------------------------------------------------------------- helpers used by the interpreter

pub fn new_slice(start: Value, stop: Value, step: Value) -> Value {
    alloc(rt().types.slice, PySlice { start, stop, step })
}

fn key_eq(ts: &ThreadState) -> impl FnMut(&Value, &Value) -> PyResult<bool> + '_ {
    move |a: &Value, b: &Value| ops::eq(ts, a, b)
}

fn dict_of(v: &Value) -> PyResult<&PyDict> {
    v.downcast::<PyDict>().ok_or_else(|| err!(TypeError, "expected dict, got {}", ops::type_name(v)))
}

/// `C.__class_getitem__(item)` of a builtin container class: `C[item]`.
fn class_getitem(ts: &ThreadState, a: Args<'_>) -> PyResult {
    let class_name = |cls: &Value| TypeRef::from_value(cls).map_or_else(|| ops::type_name(cls), |t| t.name());
    match a.args {
        [cls, item] if !a.has_kwargs() => super::generic_alias(ts, cls, item),
        [cls, ..] if a.has_kwargs() => raise!(TypeError, "{}.__class_getitem__() takes no keyword arguments", class_name(cls)),
        [cls, rest @ ..] => raise!(
            TypeError,
            "{}.__class_getitem__() takes exactly one argument ({} given)",
            class_name(cls),
            rest.len()
        ),
        [] => raise!(TypeError, "__class_getitem__() takes exactly one argument (0 given)"),
    }
}

/// Hashes a key, with 3.14's "cannot use 'T' as a dict key" wording.
fn key_hash(ts: &ThreadState, k: &Value, what: &str) -> PyResult<i64> {
    ops::hash(ts, k).map_err(|e| unusable_key(ts, e, k, what))
}

/// `e`, from hashing `k`: a plain TypeError (an unhashable `k`, or one
/// inside it) in 3.14's wording, which quotes the original message.
fn unusable_key(ts: &ThreadState, e: crate::error::PyErr, k: &Value, what: &str) -> crate::error::PyErr {
    if e.0.type_ref() != rt().exc.TypeError {
        return e;
    }
    match ops::str_string(ts, &e.0) {
        Ok(msg) => err!(TypeError, "cannot use '{}' as a {} ({})", ops::type_name(k), what, msg),
        Err(e) => e,
    }
}

pub fn dict_set(ts: &ThreadState, d: &Value, k: Value, v: Value) -> PyResult<()> {
    let dd = dict_of(d)?;
    let h = key_hash(ts, &k, "dict key")?;
    dd.set(k, h, v, &mut key_eq(ts))?;
    Ok(())
}

pub fn dict_get(ts: &ThreadState, d: &Value, k: &Value) -> PyResult<Option<Value>> {
    let dd = dict_of(d)?;
    let h = key_hash(ts, k, "dict key")?;
    dd.get(k, h, &mut key_eq(ts))
}

/// Items of any mapping (`keys()` + `__getitem__`).
pub fn mapping_items(ts: &ThreadState, m: &Value) -> PyResult<Vec<(Value, Value)>> {
    if let Some(d) = m.downcast::<PyDict>() {
        if !m.type_ref().is_heap() || m.type_ref().lookup_static("keys").map(|k| rt().types.is_method_descriptor(k.type_ref())).unwrap_or(true) {
            return Ok(d.items());
        }
    }
    let keys = ops::call_method(ts, m, "keys", &[])?;
    let mut out = Vec::new();
    for k in ops::collect(ts, &keys)? {
        let v = ops::getitem(ts, m, &k)?;
        out.push((k, v));
    }
    Ok(out)
}

pub fn dict_update(ts: &ThreadState, target: &Value, m: &Value) -> PyResult<()> {
    for (k, v) in mapping_items(ts, m)? {
        dict_set(ts, target, k, v)?;
    }
    Ok(())
}

pub fn dict_merge_kwargs(ts: &ThreadState, target: &Value, m: &Value, func: &Value) -> PyResult<()> {
    let fname = || ops::function_str(ts, func);
    if m.type_ref().lookup_static("keys").is_none() {
        raise!(TypeError, "{} argument after ** must be a mapping, not {}", fname(), ops::type_name(m));
    }
    for (k, v) in mapping_items(ts, m)? {
        if as_str(&k).is_none() {
            raise!(TypeError, "keywords must be strings");
        }
        if dict_get(ts, target, &k)?.is_some() {
            raise!(TypeError, "{} got multiple values for keyword argument '{}'", fname(), as_str(&k).unwrap_or(""));
        }
        dict_set(ts, target, k, v)?;
    }
    Ok(())
}

pub fn new_set(ts: &ThreadState, items: Vec<Value>) -> PyResult {
    let s = alloc(rt().types.set, PySet::default());
    for it in items {
        set_add(ts, &s, it)?;
    }
    Ok(s)
}

pub fn new_frozenset_from(items: Vec<Value>) -> Value {
    let s = alloc(rt().types.frozenset, PySet::default());
    // Constants hash and compare without running Python code; with a thread
    // state at hand they go in by their real hashes (CPython's layout).
    let mut pending = Some(items);
    if let Some(p) = s.downcast::<PySet>() {
        ops::with_thread_state(|ts| {
            let Some(items) = pending.take() else { return };
            for it in items {
                let h = ops::hash(ts, &it).unwrap_or(it.id() as i64);
                let _ = p.table.add(it, h, &mut key_eq(ts));
            }
        });
    }
    let items = pending.unwrap_or_default();
    if let Some(p) = s.downcast::<PySet>() {
        for it in items {
            let h = match it.downcast::<crate::str::PyStr>() {
                Some(st) => st.hash(),
                None => crate::num::int_to_i64(&it).map(super::hash_int_small).unwrap_or(it.id() as i64),
            };
            let _ = p.table.add(it, h, &mut |a, b| Ok(a.is(b)));
        }
    }
    s
}

/// Adds every item of `it` to the set `s`, as CPython's
/// `set_update_internal`: another set's keys are merged in its slot order
/// (`SetTable::merge_from`), so copies and unions keep CPython's layout.
pub fn set_update_from(ts: &ThreadState, s: &Value, it: &Value) -> PyResult<()> {
    if let (Some(dst), Some(src)) = (s.downcast::<PySet>(), it.downcast::<PySet>()) {
        return dst.table.merge_from(&src.table, &mut key_eq(ts));
    }
    for v in ops::collect(ts, it)? {
        set_add(ts, s, v)?;
    }
    Ok(())
}

/// A new empty set (or frozenset, like `like`).
fn empty_like(like: &Value) -> Value {
    let t = if like.type_ref().is_subtype(rt().types.frozenset) { rt().types.frozenset } else { rt().types.set };
    alloc(t, PySet::default())
}

pub fn set_add(ts: &ThreadState, s: &Value, v: Value) -> PyResult<()> {
    let p = s.downcast::<PySet>().ok_or_else(|| err!(TypeError, "expected set"))?;
    let h = key_hash(ts, &v, "set element")?;
    p.table.add(v, h, &mut key_eq(ts))?;
    Ok(())
}

pub(crate) fn set_contains(ts: &ThreadState, s: &PySet, v: &Value) -> PyResult<bool> {
    let h = match ops::hash(ts, v) {
        Ok(h) => h,
        Err(e) if e.is_instance(rt().exc.TypeError) && v.downcast::<PySet>().is_some() => {
            // A set is looked up as the equal frozenset.
            let items = v.downcast::<PySet>().map(|p| p.table.keys()).unwrap_or_default();
            let fs = new_frozenset_from(items);
            let h = frozenset_hash_value(ts, &fs)?;
            return s.table.contains(&fs, h, &mut key_eq(ts));
        }
        Err(e) => return Err(unusable_key(ts, e, v, "set element")),
    };
    s.table.contains(v, h, &mut key_eq(ts))
}

pub fn seq_iter(v: Value) -> Value {
    new_seq_iter(rt().types.iterator, v)
}

pub fn new_seq_iter(ty: TypeRef, v: Value) -> Value {
    alloc(ty, PyIter { state: crate::lock::ShortMutex::new(IterState::Seq { seq: v, index: 0 }) })
}

/// `iter(v)` for an exact list, tuple, range, str or dict: the iterator
/// their `__iter__` makes, without the method lookup and call. None for
/// anything else (subclasses may override `__iter__`).
#[inline]
pub(crate) fn builtin_iter(v: &Value) -> Option<Value> {
    let r = rt();
    let t = v.type_ref();
    if t == r.types.list {
        Some(new_seq_iter(r.types.list_iterator, v.clone()))
    } else if t == r.types.tuple {
        Some(new_seq_iter(r.types.tuple_iterator, v.clone()))
    } else if t == r.types.range {
        small_range_iter(v.downcast::<PyRange>()?)
    } else if t == r.types.str {
        Some(new_seq_iter(r.types.str_iterator, v.clone()))
    } else if t == r.types.dict {
        Some(dict_iter(v, 0))
    } else {
        None
    }
}

/// `range(...)` of one to three immediate ints (what `for i in range(n)`
/// calls), without the type call's `__new__` lookup; None for anything
/// else, including a zero step (the general path raises).
#[inline]
pub(crate) fn range_of_small_ints(args: &[Option<Value>]) -> Option<Value> {
    let int = |v: &Option<Value>| v.as_ref().and_then(Value::as_small_int);
    let (start, stop, step) = match args {
        [stop] => (0, int(stop)?, 1),
        [start, stop] => (int(start)?, int(stop)?, 1),
        [start, stop, step] => (int(start)?, int(stop)?, int(step)?),
        _ => return None,
    };
    if step == 0 {
        return None;
    }
    Some(alloc(rt().types.range, PyRange { start: new_int(start), stop: new_int(stop), step: new_int(step) }))
}

fn new_values_iter(ty: TypeRef, items: Vec<Value>) -> Value {
    alloc(ty, PyIter { state: crate::lock::ShortMutex::new(IterState::Values { items, index: 0 }) })
}

/// One step of a builtin iterator over a range, an exact list or an exact
/// tuple, taken without running Python code, allocating only the item:
/// `Some(Some(item))`, or `Some(None)` at its end; `None` for any other
/// iterator, which the caller advances with `ops::next`. At the end the
/// iterator is left as it was (exhausting it would drop the sequence):
/// native iterators that wrap others (itertools) call this inside their own
/// critical section, so it must never drop a reference. Telling the end
/// apart lets a wrapper that pairs two sources (compress) finish inside its
/// critical section instead of meeting the end outside it, where another
/// thread's step could come between.
pub fn builtin_iter_step(it: &Value) -> Option<Option<Value>> {
    let p = it.downcast::<PyIter>()?;
    if it.type_ref().is_heap() {
        return None;
    }
    let r = rt();
    let mut st = p.lock_state();
    match &mut *st {
        IterState::Exhausted => Some(None),
        IterState::Range { next, stop, step } => {
            if (*step > 0 && *next < *stop) || (*step < 0 && *next > *stop) {
                let v = *next;
                *next = next.saturating_add(*step);
                return Some(Some(new_int(v)));
            }
            Some(None)
        }
        IterState::Seq { seq, index } if seq.type_ref() == r.types.list => {
            let v = seq.downcast::<PyList>()?.get(*index);
            if v.is_some() {
                *index += 1;
            }
            Some(v)
        }
        IterState::Seq { seq, index } if seq.type_ref() == r.types.tuple => {
            let v = crate::seq::tuple_items(seq)?.get(*index).cloned();
            if v.is_some() {
                *index += 1;
            }
            Some(v)
        }
        _ => None,
    }
}

/// Advances a builtin iterator. Never holds the iterator's lock while running Python code.
pub fn iter_next(ts: &ThreadState, it: &PyIter) -> PyResult<Option<Value>> {
    let mut st = it.lock_state();
    match &mut *st {
        IterState::Exhausted => Ok(None),
        IterState::Range { next, stop, step } => {
            if (*step > 0 && *next < *stop) || (*step < 0 && *next > *stop) {
                let v = *next;
                *next = next.saturating_add(*step);
                Ok(Some(new_int(v)))
            } else {
                st.exhaust();
                Ok(None)
            }
        }
        IterState::BigRange { next, stop, step } => {
            let positive = step.sign() == num_bigint::Sign::Plus;
            if (positive && *next < *stop) || (!positive && *next > *stop) {
                let v = next.clone();
                *next += &*step;
                Ok(Some(crate::num::new_bigint(v)))
            } else {
                st.exhaust();
                Ok(None)
            }
        }
        IterState::Values { items, index } => {
            if *index < items.len() {
                let v = items[*index].clone();
                *index += 1;
                Ok(Some(v))
            } else {
                st.exhaust();
                Ok(None)
            }
        }
        IterState::SetValues { set, len, items, index } => {
            let now = set.downcast::<PySet>().map_or(*len, |s| s.table.len());
            if now != *len {
                // Sticky, as in CPython: every later call raises too.
                *len = usize::MAX;
                raise!(RuntimeError, "Set changed size during iteration");
            }
            if *index < items.len() {
                let v = items[*index].clone();
                *index += 1;
                Ok(Some(v))
            } else {
                st.exhaust();
                Ok(None)
            }
        }
        IterState::Seq { seq, index } => {
            let i = *index;
            if let Some(l) = seq.downcast::<PyList>() {
                if !seq.type_ref().is_heap() || seq.type_ref().lookup_static("__getitem__").map(|g| rt().types.is_method_descriptor(g.type_ref())).unwrap_or(true) {
                    return match l.get(i) {
                        Some(v) => {
                            *index += 1;
                            Ok(Some(v))
                        }
                        None => {
                            st.exhaust();
                            Ok(None)
                        }
                    };
                }
            }
            if let Some(t) = seq.downcast::<PyTuple>() {
                return match t.items.get(i) {
                    Some(v) => {
                        *index += 1;
                        Ok(Some(v.clone()))
                    }
                    None => {
                        st.exhaust();
                        Ok(None)
                    }
                };
            }
            let byte = if let Some(b) = seq.downcast::<crate::bytes::PyBytes>() {
                Some(b.data.get(i).copied())
            } else {
                seq.downcast::<PyByteArray>().map(|b| b.data.lock().get(i).copied())
            };
            if let Some(byte) = byte {
                return match byte {
                    Some(b) => {
                        *index += 1;
                        Ok(Some(new_int(i64::from(b))))
                    }
                    None => {
                        st.exhaust();
                        Ok(None)
                    }
                };
            }
            if let Some(s) = seq.downcast::<crate::str::PyStr>() {
                return match s.item(i) {
                    Some(c) => {
                        *index += 1;
                        Ok(Some(c))
                    }
                    None => {
                        st.exhaust();
                        Ok(None)
                    }
                };
            }
            let seq = seq.clone();
            *index += 1;
            drop(st);
            match ops::getitem(ts, &seq, &new_int(i as i64)) {
                Ok(v) => Ok(Some(v)),
                Err(e) if e.is_instance(rt().exc.IndexError) || e.is_instance(rt().exc.StopIteration) => {
                    it.lock_state().exhaust();
                    Ok(None)
                }
                Err(e) => Err(e),
            }
        }
        IterState::Reversed { seq, index } => {
            if *index < 0 {
                st.exhaust();
                return Ok(None);
            }
            let i = *index;
            *index -= 1;
            let seq = seq.clone();
            drop(st);
            match ops::getitem(ts, &seq, &new_int(i as i64)) {
                Ok(v) => Ok(Some(v)),
                Err(e) if e.is_instance(rt().exc.IndexError) => {
                    it.lock_state().exhaust();
                    Ok(None)
                }
                Err(e) => Err(e),
            }
        }
        IterState::Dict { dict, pos, kind, len } => {
            let Some(d) = dict.downcast::<PyDict>() else { return Ok(None) };
            if d.len() != *len {
                *len = usize::MAX;
                let what = if dict.downcast::<PySet>().is_some() || dict.type_ref() == rt().types.set { "set" } else { "dictionary" };
                raise!(RuntimeError, "{} changed size during iteration", what);
            }
            match d.entry_at(*pos) {
                Some((next, k, v)) => {
                    *pos = next;
                    Ok(Some(match kind {
                        0 => k,
                        1 => v,
                        _ => new_tuple(vec![k, v]),
                    }))
                }
                None => {
                    st.exhaust();
                    Ok(None)
                }
            }
        }
        IterState::Callable { callable, sentinel } => {
            let (c, s) = (callable.clone(), sentinel.clone());
            drop(st);
            let v = ops::call(ts, &c, &[])?;
            if ops::eq(ts, &v, &s)? {
                it.lock_state().exhaust();
                return Ok(None);
            }
            Ok(Some(v))
        }
        IterState::Enumerate { iter, .. } => {
            let i = iter.clone();
            drop(st);
            let Some(v) = ops::next(ts, &i)? else { return Ok(None) };
            // The count is taken and advanced in one step under the lock, so
            // threads sharing the enumerate never get the same index.
            let mut st = it.lock_state();
            let IterState::Enumerate { count, .. } = &mut *st else { return Ok(None) };
            let c = count.clone();
            if let Some(n) = c.as_small_int().filter(|n| *n < i64::MAX) {
                *count = new_int(n + 1);
                drop(st);
                return Ok(Some(new_tuple(vec![c, v])));
            }
            drop(st);
            let next = crate::arith::binary_op(ts, &c, &new_int(1), 0)?;
            if let IterState::Enumerate { count, .. } = &mut *it.state.lock() {
                *count = next;
            }
            Ok(Some(new_tuple(vec![c, v])))
        }
        IterState::Zip { iters, strict } => {
            let (iters, strict) = (iters.clone(), *strict);
            drop(st);
            let mut out = Vec::with_capacity(iters.len());
            for (n, i) in iters.iter().enumerate() {
                match ops::next(ts, i)? {
                    Some(v) => out.push(v),
                    None => {
                        it.lock_state().exhaust();
                        if strict {
                            if n > 0 {
                                let plural = if n == 1 { " " } else { "s 1-" };
                                raise!(ValueError, "zip() argument {} is shorter than argument{}{}", n + 1, plural, n);
                            }
                            for (m, j) in iters.iter().enumerate().skip(1) {
                                if ops::next(ts, j)?.is_some() {
                                    let plural = if m == 1 { " " } else { "s 1-" };
                                    raise!(ValueError, "zip() argument {} is longer than argument{}{}", m + 1, plural, m);
                                }
                            }
                        }
                        return Ok(None);
                    }
                }
            }
            if iters.is_empty() {
                return Ok(None);
            }
            Ok(Some(new_tuple(out)))
        }
        IterState::Map { func, iters } => {
            let (f, iters) = (func.clone(), iters.clone());
            drop(st);
            let mut args = Vec::with_capacity(iters.len());
            for i in &iters {
                match ops::next(ts, i)? {
                    Some(v) => args.push(v),
                    None => return Ok(None),
                }
            }
            ops::call(ts, &f, &args).map(Some)
        }
        IterState::Filter { func, iter } => {
            let (f, i) = (func.clone(), iter.clone());
            drop(st);
            loop {
                let Some(v) = ops::next(ts, &i)? else { return Ok(None) };
                let keep = if is_none(&f) { ops::is_true(ts, &v)? } else { ops::is_true(ts, &ops::call(ts, &f, &[v.clone()])?)? };
                if keep {
                    return Ok(Some(v));
                }
            }
        }
    }
}

fn iter_init(r: &Runtime) {
    let t = &r.types;
    let sized = [
        t.iterator,
        t.list_iterator,
        t.tuple_iterator,
        t.str_iterator,
        t.range_iterator,
        t.dict_keyiterator,
        t.dict_valueiterator,
        t.dict_itemiterator,
        t.set_iterator,
        t.bytes_iterator,
        t.bytearray_iterator,
        t.reversed,
        t.list_reverseiterator,
        t.dict_reversekeyiterator,
        t.dict_reversevalueiterator,
        t.dict_reverseitemiterator,
    ];
    for ty in sized.iter().chain(&[t.callable_iterator, t.enumerate, t.zip, t.map, t.filter]) {
        add_methods(*ty, &[("__iter__", |_, a| Ok(a.args[0].clone())), ("__next__", iter_next_method), ("__reduce__", iter_reduce)]);
    }
    for ty in sized {
        add_methods(ty, &[("__length_hint__", iter_length_hint)]);
    }
    for ty in [t.iterator, t.list_iterator, t.tuple_iterator, t.str_iterator, t.bytes_iterator, t.bytearray_iterator, t.reversed, t.list_reverseiterator, t.zip, t.map] {
        add_methods(ty, &[("__setstate__", iter_setstate)]);
    }
    add_new(t.enumerate, enumerate_new);
    add_new(t.zip, zip_new);
    add_new(t.map, map_new);
    add_new(t.filter, filter_new);
    add_new(t.reversed, reversed_new);
}

/// `__reduce__` of the builtin iterators: what rebuilds one at its current position.
fn iter_reduce(ts: &ThreadState, a: Args<'_>) -> PyResult {
    check_args("__reduce__", a, 0, 0)?;
    let it = a.args[0].downcast::<PyIter>().ok_or_else(|| err!(TypeError, "expected iterator"))?;
    let r = rt();
    let iter_fn = super::load_builtin(ts, "iter")?;
    let reversed_cls = r.types.reversed.to_value();
    let reversing = [r.types.reversed, r.types.list_reverseiterator].contains(&a.args[0].type_ref());
    let st = it.state.lock();
    let one = |f: &Value, x: Value| new_tuple(vec![f.clone(), new_tuple(vec![x])]);
    let with_index = |f: &Value, x: Value, i: i64| new_tuple(vec![f.clone(), new_tuple(vec![x]), new_int(i)]);
    let remaining = |items: Vec<Value>| one(&iter_fn, new_list(items));
    Ok(match &*st {
        IterState::Seq { seq, index } => with_index(&iter_fn, seq.clone(), *index as i64),
        IterState::Reversed { seq, index } if *index >= 0 => with_index(&reversed_cls, seq.clone(), *index as i64),
        IterState::Range { next, stop, step } => {
            let n = range_len(&(*next).into(), &(*stop).into(), &(*step).into());
            let end = num_bigint::BigInt::from(*next) + n * *step;
            let rng = alloc(r.types.range, PyRange { start: new_int(*next), stop: crate::num::new_bigint(end), step: new_int(*step) });
            new_tuple(vec![iter_fn, new_tuple(vec![rng]), none()])
        }
        IterState::BigRange { next, stop, step } => {
            let n = range_len(next, stop, step);
            let end = next + n * step;
            let big = |b: &num_bigint::BigInt| crate::num::new_bigint(b.clone());
            let rng = alloc(r.types.range, PyRange { start: big(next), stop: big(&end), step: big(step) });
            new_tuple(vec![iter_fn, new_tuple(vec![rng]), none()])
        }
        IterState::Values { items, index } => remaining(items.get(*index..).unwrap_or(&[]).to_vec()),
        IterState::SetValues { items, index, .. } => remaining(items.get(*index..).unwrap_or(&[]).to_vec()),
        IterState::Dict { dict, pos, kind, .. } => {
            let mut out = Vec::new();
            if let Some(d) = dict.downcast::<PyDict>() {
                let mut p = *pos;
                while let Some((next, k, v)) = d.entry_at(p) {
                    out.push(match kind {
                        0 => k,
                        1 => v,
                        _ => new_tuple(vec![k, v]),
                    });
                    p = next;
                }
            }
            remaining(out)
        }
        IterState::Callable { callable, sentinel } => new_tuple(vec![iter_fn, new_tuple(vec![callable.clone(), sentinel.clone()])]),
        IterState::Enumerate { iter, count } => new_tuple(vec![r.types.enumerate.to_value(), new_tuple(vec![iter.clone(), count.clone()])]),
        IterState::Zip { iters, strict } => {
            let mut out = vec![r.types.zip.to_value(), new_tuple(iters.clone())];
            if *strict {
                out.push(new_bool(true));
            }
            new_tuple(out)
        }
        IterState::Map { func, iters } => {
            let mut args = vec![func.clone()];
            args.extend(iters.iter().cloned());
            new_tuple(vec![r.types.map.to_value(), new_tuple(args)])
        }
        IterState::Filter { func, iter } => new_tuple(vec![r.types.filter.to_value(), new_tuple(vec![func.clone(), iter.clone()])]),
        IterState::Reversed { .. } | IterState::Exhausted if reversing => one(&reversed_cls, new_list(vec![])),
        IterState::Reversed { .. } | IterState::Exhausted => remaining(vec![]),
    })
}

/// `__setstate__`: the position of a sequence iterator, or zip's strictness.
fn iter_setstate(ts: &ThreadState, a: Args<'_>) -> PyResult {
    check_args("__setstate__", a, 1, 1)?;
    let it = a.args[0].downcast::<PyIter>().ok_or_else(|| err!(TypeError, "expected iterator"))?;
    if a.args[0].type_ref() == rt().types.zip {
        let strict = ops::is_true(ts, &a.args[1])?;
        if let IterState::Zip { strict: s, .. } = &mut *it.state.lock() {
            *s = strict;
        }
        return Ok(none());
    }
    let i = ops::index_isize(ts, &a.args[1])?;
    let len = match &*it.state.lock() {
        IterState::Seq { seq, .. } | IterState::Reversed { seq, .. } => Some(seq.clone()),
        _ => None,
    };
    let n = match &len {
        Some(seq) => ops::len(ts, seq)? as isize,
        None => return Ok(none()),
    };
    match &mut *it.state.lock() {
        IterState::Seq { index, .. } => *index = i.clamp(0, n) as usize,
        IterState::Reversed { index, .. } => *index = i.clamp(-1, n - 1),
        _ => {}
    }
    Ok(none())
}

fn iter_next_method(ts: &ThreadState, a: Args<'_>) -> PyResult {
    let it = a.args[0].downcast::<PyIter>().ok_or_else(|| err!(TypeError, "expected iterator"))?;
    match iter_next(ts, it)? {
        Some(v) => Ok(v),
        None => Err(crate::error::PyErr::bare(rt().exc.StopIteration)),
    }
}

fn iter_length_hint(_ts: &ThreadState, a: Args<'_>) -> PyResult {
    let it = a.args[0].downcast::<PyIter>().ok_or_else(|| err!(TypeError, "expected iterator"))?;
    if let IterState::BigRange { next, stop, step } = &*it.state.lock() {
        return Ok(crate::num::new_bigint(range_len(next, stop, step)));
    }
    Ok(new_int(iter_hint(it).unwrap_or(0) as i64))
}

/// How many items a builtin iterator has left (its `__length_hint__`);
/// None for a range iterator past the `usize` range, or an iterator kind
/// with no hint.
pub(crate) fn iter_hint(it: &PyIter) -> Option<usize> {
    Some(match &*it.state.lock() {
        IterState::Values { items, index } | IterState::SetValues { items, index, .. } => items.len().saturating_sub(*index),
        IterState::Seq { seq, index } => seq_len_hint(seq).saturating_sub(*index),
        IterState::Reversed { seq, index } => {
            let n = seq_len_hint(seq) as isize;
            if *index >= 0 && *index < n { *index as usize + 1 } else { 0 }
        }
        IterState::Dict { dict, pos, len, .. } => {
            // Entries left: count from the current position (a dict changed in size reports 0).
            let Some(d) = dict.downcast::<PyDict>() else { return Some(0) };
            if d.len() != *len {
                0
            } else {
                let mut p = *pos;
                let mut n = 0;
                while let Some((next, ..)) = d.entry_at(p) {
                    n += 1;
                    p = next;
                }
                n
            }
        }
        IterState::BigRange { .. } => return None,
        IterState::Range { next, stop, step } => {
            if *step > 0 && next < stop {
                ((stop - next - 1) / step + 1) as usize
            } else if *step < 0 && next > stop {
                ((next - stop - 1) / (-step) + 1) as usize
            } else {
                0
            }
        }
        IterState::Exhausted => 0,
        // Iterators with no hint of their own (map, zip, ...).
        _ => return None,
    })
}

/// The length of a builtin sequence an iterator walks (0 for others).
fn seq_len_hint(seq: &Value) -> usize {
    if let Some(l) = seq.downcast::<PyList>() {
        return l.len();
    }
    if let Some(t) = seq.downcast::<PyTuple>() {
        return t.items.len();
    }
    if let Some(s) = seq.downcast::<crate::str::PyStr>() {
        return s.char_len();
    }
    if let Some(b) = seq.downcast::<crate::bytes::PyBytes>() {
        return b.data.len();
    }
    seq.downcast::<PyByteArray>().map(|b| b.data.lock().len()).unwrap_or(0)
}

fn enumerate_new(ts: &ThreadState, a: Args<'_>) -> PyResult {
    if a.args.len() == 1 {
        raise!(TypeError, "enumerate() missing required argument 'iterable'");
    }
    let [cls, iterable, start] = super::parse_args("enumerate", a, ["cls", "iterable", "start"], 2)?;
    let it = ops::iter(ts, iterable.as_ref().unwrap_or(&none()))?;
    let start = match start {
        Some(s) if crate::num::is_int(&s) => s,
        Some(s) => raise!(TypeError, "'{}' object cannot be interpreted as an integer", ops::type_name(&s)),
        None => new_int(0),
    };
    let t = cls.as_ref().and_then(TypeRef::from_value).unwrap_or(rt().types.enumerate);
    Ok(alloc(t, PyIter { state: crate::lock::ShortMutex::new(IterState::Enumerate { iter: it, count: start }) }))
}

fn zip_new(ts: &ThreadState, a: Args<'_>) -> PyResult {
    let mut strict = false;
    for (k, v) in a.kwargs() {
        if k == "strict" {
            strict = ops::is_true(ts, v)?;
        } else {
            raise!(TypeError, "zip() got an unexpected keyword argument '{}'", k);
        }
    }
    let pos = a.positional();
    let mut iters = Vec::new();
    for x in &pos[1..] {
        iters.push(ops::iter(ts, x)?);
    }
    let t = pos.first().and_then(TypeRef::from_value).unwrap_or(rt().types.zip);
    Ok(alloc(t, PyIter { state: crate::lock::ShortMutex::new(IterState::Zip { iters, strict }) }))
}

fn map_new(ts: &ThreadState, a: Args<'_>) -> PyResult {
    let pos = a.positional();
    if pos.len() < 3 {
        raise!(TypeError, "map() must have at least two arguments.");
    }
    let mut iters = Vec::new();
    for x in &pos[2..] {
        iters.push(ops::iter(ts, x)?);
    }
    let t = TypeRef::from_value(&pos[0]).unwrap_or(rt().types.map);
    Ok(alloc(t, PyIter { state: crate::lock::ShortMutex::new(IterState::Map { func: pos[1].clone(), iters }) }))
}

fn filter_new(ts: &ThreadState, a: Args<'_>) -> PyResult {
    let pos = a.positional();
    if pos.len() != 3 {
        raise!(TypeError, "filter expected 2 arguments, got {}", pos.len().saturating_sub(1));
    }
    let it = ops::iter(ts, &pos[2])?;
    let t = TypeRef::from_value(&pos[0]).unwrap_or(rt().types.filter);
    Ok(alloc(t, PyIter { state: crate::lock::ShortMutex::new(IterState::Filter { func: pos[1].clone(), iter: it }) }))
}

fn reversed_new(ts: &ThreadState, a: Args<'_>) -> PyResult {
    let pos = a.positional();
    if pos.len() != 2 {
        raise!(TypeError, "reversed expected 1 argument, got {}", pos.len().saturating_sub(1));
    }
    let seq = &pos[1];
    if let Some(r) = ops::call_dunder(ts, seq, "__reversed__", &[])? {
        return Ok(r);
    }
    let t = seq.type_ref();
    if t.lookup_static("__getitem__").is_none() || t.lookup_static("__len__").is_none() || t.is_subtype(rt().types.dict) {
        raise!(TypeError, "'{}' object is not reversible", t.name());
    }
    let n = ops::len(ts, seq)? as isize;
    Ok(alloc(rt().types.reversed, PyIter { state: crate::lock::ShortMutex::new(IterState::Reversed { seq: seq.clone(), index: n - 1 }) }))
}

// ---------------------------------------------------------------- list

fn list_init(r: &Runtime) {
    let l = r.types.list;
    add_new(l, list_new);
    add_methods(
        l,
        &[
            ("__init__", list_init_m),
            ("__len__", |_, a| Ok(new_int(lst(&a)?.len() as i64))),
            ("__getitem__", list_getitem),
            ("__setitem__", list_setitem),
            ("__delitem__", list_delitem),
            ("__contains__", |ts, a| {
                check_args("__contains__", a, 1, 1)?;
                for x in lst(&a)?.snapshot() {
                    if ops::eq(ts, &x, &a.args[1])? {
                        return Ok(new_bool(true));
                    }
                }
                Ok(new_bool(false))
            }),
            ("__iter__", |_, a| Ok(new_seq_iter(rt().types.list_iterator, a.args[0].clone()))),
            ("__reversed__", |_, a| {
                let n = lst(&a)?.len() as isize;
                Ok(alloc(rt().types.list_reverseiterator, PyIter { state: crate::lock::ShortMutex::new(IterState::Reversed { seq: a.args[0].clone(), index: n - 1 }) }))
            }),
            ("__repr__", |ts, a| seq_repr(ts, &a.args[0], &lst(&a)?.snapshot(), "[", "]")),
            ("__add__", |_, a| {
                check_args("__add__", a, 1, 1)?;
                let Some(o) = a.args[1].downcast::<PyList>() else {
                    raise!(TypeError, "can only concatenate list (not \"{}\") to list", ops::type_name(&a.args[1]))
                };
                let mut v = lst(&a)?.snapshot();
                v.extend(o.snapshot());
                Ok(new_list(v))
            }),
            ("__iadd__", |ts, a| {
                check_args("__iadd__", a, 1, 1)?;
                let items = ops::collect(ts, &a.args[1])?;
                lst(&a)?.items.lock().extend(items);
                Ok(a.args[0].clone())
            }),
            ("__mul__", |ts, a| {
                check_args("__mul__", a, 1, 1)?;
                let n = repeat_count(ts, &a.args[1])?;
                let Some(n) = n else { return Ok(rt().not_implemented.clone()) };
                let v = lst(&a)?.snapshot();
                Ok(new_list(crate::memory::repeat(&v, n)?))
            }),
            ("__rmul__", |ts, a| {
                check_args("__rmul__", a, 1, 1)?;
                let Some(n) = repeat_count(ts, &a.args[1])? else { return Ok(rt().not_implemented.clone()) };
                let v = lst(&a)?.snapshot();
                Ok(new_list(crate::memory::repeat(&v, n)?))
            }),
            ("__imul__", |ts, a| {
                check_args("__imul__", a, 1, 1)?;
                let Some(n) = repeat_count(ts, &a.args[1])? else { return Ok(rt().not_implemented.clone()) };
                let l = lst(&a)?;
                let v = l.snapshot();
                let old = l.items.lock().replace_all(crate::memory::repeat(&v, n)?);
                drop(old);
                Ok(a.args[0].clone())
            }),
            ("__eq__", |ts, a| seq_cmp(ts, a, CmpOp::Eq, true)),
            ("__ne__", |ts, a| seq_cmp(ts, a, CmpOp::Ne, true)),
            ("__lt__", |ts, a| seq_cmp(ts, a, CmpOp::Lt, true)),
            ("__le__", |ts, a| seq_cmp(ts, a, CmpOp::Le, true)),
            ("__gt__", |ts, a| seq_cmp(ts, a, CmpOp::Gt, true)),
            ("__ge__", |ts, a| seq_cmp(ts, a, CmpOp::Ge, true)),
            ("append", |_, a| {
                check_args("append", a, 1, 1)?;
                lst(&a)?.push(a.args[1].clone());
                Ok(none())
            }),
            ("extend", |ts, a| {
                check_args("extend", a, 1, 1)?;
                let items = ops::collect(ts, &a.args[1])?;
                let mut list = lst(&a)?.items.lock();
                if list.try_reserve(items.len()).is_err() {
                    return Err(crate::memory::no_memory());
                }
                list.extend(items);
                Ok(none())
            }),
            ("insert", |ts, a| {
                check_args("insert", a, 2, 2)?;
                let i = ops::index_isize(ts, &a.args[1])?;
                let l = lst(&a)?;
                let mut items = l.items.lock();
                let n = items.len() as isize;
                let j = if i < 0 { (i + n).max(0) } else { i.min(n) } as usize;
                items.insert(j, a.args[2].clone());
                Ok(none())
            }),
            ("pop", |ts, a| {
                check_args("pop", a, 0, 1)?;
                let l = lst(&a)?;
                let i = match a.args.get(1) {
                    Some(v) => ops::index_isize(ts, v)?,
                    None => -1,
                };
                let mut items = l.items.lock();
                if items.is_empty() {
                    drop(items);
                    raise!(IndexError, "pop from empty list");
                }
                let n = items.len() as isize;
                let j = if i < 0 { i + n } else { i };
                if j < 0 || j >= n {
                    drop(items);
                    raise!(IndexError, "pop index out of range");
                }
                Ok(items.remove(j as usize))
            }),
            ("remove", list_remove),
            ("index", |ts, a| {
                check_args("index", a, 1, 3)?;
                let v = lst(&a)?.snapshot();
                let (st, en) = range_args(ts, &a, v.len())?;
                for (i, x) in v.iter().enumerate().take(en).skip(st) {
                    if ops::eq(ts, x, &a.args[1])? {
                        return Ok(new_int(i as i64));
                    }
                }
                raise!(ValueError, "list.index(x): x not in list")
            }),
            ("count", |ts, a| {
                check_args("count", a, 1, 1)?;
                let mut n = 0;
                for x in lst(&a)?.snapshot() {
                    if ops::eq(ts, &x, &a.args[1])? {
                        n += 1;
                    }
                }
                Ok(new_int(n))
            }),
            ("clear", |_, a| {
                let old = lst(&a)?.items.lock().clear();
                drop(old);
                Ok(none())
            }),
            ("copy", |_, a| Ok(new_list(lst(&a)?.snapshot()))),
            ("reverse", |_, a| {
                lst(&a)?.items.lock().reverse();
                Ok(none())
            }),
            ("sort", list_sort),
            ("__class_getitem__", class_getitem),
            ("__sizeof__", |_, a| Ok(new_int(40 + 8 * lst(&a)?.len() as i64))),
        ],
    );
    classmethodize(l, "__class_getitem__");
    super::add_value(l, "__hash__", none());
}

/// Wraps a registered native in `classmethod` (for `__class_getitem__`, `fromkeys`...).
pub(crate) fn classmethodize(t: TypeRef, name: &str) {
    let d = t.data().dict_data();
    if let Some(f) = d.get_str(name) {
        // A builtin's class method is a `classmethod_descriptor`, as in CPython.
        let w = alloc(rt().types.classmethod_descriptor, crate::function::PyWrapper { func: crate::function::WrappedFunc::new(f), dict: Mutex::new(None) });
        d.set_str(crate::str::intern(name), w);
    }
}

fn lst<'a>(a: &'a Args<'_>) -> PyResult<&'a PyList> {
    super::this::<PyList>(a, "list")
}

fn repeat_count(ts: &ThreadState, v: &Value) -> PyResult<Option<usize>> {
    if !crate::num::is_int(v) && v.type_ref().lookup_static("__index__").is_none() {
        return Ok(None);
    }
    let i = ops::index(ts, v)?;
    match crate::num::int_to_i64(&i) {
        Some(x) => Ok(Some(x.max(0) as usize)),
        None if crate::num::int_to_big(&i).map(|b| b < 0.into()).unwrap_or(false) => Ok(Some(0)),
        None => raise!(OverflowError, "cannot fit 'int' into an index-sized integer"),
    }
}

fn range_args(ts: &ThreadState, a: &Args<'_>, len: usize) -> PyResult<(usize, usize)> {
    let n = len as isize;
    let norm = |v: Option<&Value>, d: isize| -> PyResult<usize> {
        match v {
            None => Ok(d as usize),
            Some(x) => {
                let i = ops::index_isize(ts, x)?;
                Ok(if i < 0 { (i + n).max(0) } else { i.min(n) } as usize)
            }
        }
    };
    Ok((norm(a.args.get(2), 0)?, norm(a.args.get(3), n)?))
}

fn list_new(_ts: &ThreadState, a: Args<'_>) -> PyResult {
    let t = a.args.first().and_then(TypeRef::from_value).unwrap_or(rt().types.list);
    Ok(alloc(t, PyList::default()))
}

fn list_init_m(ts: &ThreadState, a: Args<'_>) -> PyResult {
    if a.has_kwargs() {
        raise!(TypeError, "list() takes no keyword arguments");
    }
    if a.args.len() > 2 {
        raise!(TypeError, "list expected at most 1 argument, got {}", a.args.len() - 1);
    }
    let l = lst(&a)?;
    let items = match a.args.get(1) {
        Some(x) => ops::collect(ts, x)?,
        None => Vec::new(),
    };
    let old = l.items.lock().replace_all(items);
    // Released after the lock: a `__del__` may touch this list.
    drop(old);
    Ok(none())
}

/// `l[sl]`: the items copied under the lock (see `resolve_slice_locked`; a
/// list that shrank after a non-plain slice resolved gives fewer).
pub(crate) fn list_slice(ts: &ThreadState, l: &PyList, sl: &PySlice) -> PyResult {
    let (start, _, step, count, items) = resolve_slice_locked(ts, l, sl)?;
    let out = crate::seq::new_list_exact(count, (0..count).filter_map(|i| items.get((start + i as isize * step) as usize).cloned()));
    drop(items);
    Ok(out)
}

fn list_getitem(ts: &ThreadState, a: Args<'_>) -> PyResult {
    check_args("__getitem__", a, 1, 1)?;
    let l = lst(&a)?;
    let key = &a.args[1];
    if let Some(sl) = key.downcast::<PySlice>() {
        return list_slice(ts, l, sl);
    }
    if !crate::num::is_int(key) && key.type_ref().lookup_static("__index__").is_none() {
        raise!(TypeError, "list indices must be integers or slices, not {}", ops::type_name(key));
    }
    let i = ops::index_isize(ts, key)?;
    match l.get_index(i as i64) {
        Some(v) => Ok(v),
        None => raise!(IndexError, "list index out of range"),
    }
}

fn list_setitem(ts: &ThreadState, a: Args<'_>) -> PyResult {
    check_args("__setitem__", a, 2, 2)?;
    let l = lst(&a)?;
    let key = &a.args[1];
    if let Some(sl) = key.downcast::<PySlice>() {
        return list_slice_assign(ts, l, sl, &a.args[2]);
    }
    list_index_assign(ts, l, key, &a.args[2])
}

/// `sl`'s indices (start, stop, step, count) with `l`'s lock held. A plain
/// slice (None or small-int parts) resolves against the length under the
/// lock, so the caller's read or change is one atomic step, as in CPython;
/// another's parts may run Python code (`__index__`), so it resolves first
/// and the caller must bound its indexes by the length it then finds.
fn resolve_slice_locked<'a>(
    ts: &ThreadState,
    l: &'a PyList,
    sl: &PySlice,
) -> PyResult<(isize, isize, isize, usize, crate::list_items::ListGuard<'a>)> {
    if super::strings::slice_is_plain(sl) {
        let items = l.items.lock();
        let (start, stop, step, count) = super::strings::slice_indices(ts, sl, items.len())?;
        return Ok((start, stop, step, count, items));
    }
    let (start, stop, step, count) = super::strings::slice_indices(ts, sl, l.len())?;
    Ok((start, stop, step, count, l.items.lock()))
}

/// `l[sl] = value`.
pub(crate) fn list_slice_assign(ts: &ThreadState, l: &PyList, sl: &PySlice, value: &Value) -> PyResult {
    {
        let new_items = ops::collect(ts, value)?;
        let (start, stop, step, count, mut items) = resolve_slice_locked(ts, l, sl)?;
        if step == 1 {
            let st = start.max(0) as usize;
            let en = (stop.max(start)).max(0) as usize;
            let en = en.min(items.len());
            let st = st.min(en);
            let old: Vec<Value> = items.splice(st..en, new_items);
            drop(items);
            drop(old);
            return Ok(none());
        }
        if new_items.len() != count {
            drop(items);
            raise!(
                ValueError,
                "attempt to assign sequence of size {} to extended slice of size {}",
                new_items.len(),
                count
            );
        }
        let mut old = Vec::with_capacity(new_items.len());
        for (i, v) in new_items.into_iter().enumerate() {
            let idx = (start + i as isize * step) as usize;
            if idx < items.len() {
                old.extend(items.set(idx, v));
            }
        }
        // Released after the lock: a `__del__` may touch this list.
        drop(items);
        drop(old);
        Ok(none())
    }
}

/// `l[key] = value` for an index key.
fn list_index_assign(ts: &ThreadState, l: &PyList, key: &Value, value: &Value) -> PyResult {
    if !crate::num::is_int(key) && key.type_ref().lookup_static("__index__").is_none() {
        raise!(TypeError, "list indices must be integers or slices, not {}", ops::type_name(key));
    }
    let i = ops::index_isize(ts, key)?;
    let mut items = l.items.lock();
    let n = items.len() as isize;
    let j = if i < 0 { i + n } else { i };
    if j < 0 || j >= n {
        drop(items);
        raise!(IndexError, "list assignment index out of range");
    }
    let old = items.set(j as usize, value.clone());
    drop(items);
    drop(old);
    Ok(none())
}

fn list_delitem(ts: &ThreadState, a: Args<'_>) -> PyResult {
    check_args("__delitem__", a, 1, 1)?;
    let l = lst(&a)?;
    let key = &a.args[1];
    if let Some(sl) = key.downcast::<PySlice>() {
        let (start, _, step, count, mut items) = resolve_slice_locked(ts, l, sl)?;
        let mut idx: Vec<usize> = (0..count).map(|i| (start + i as isize * step) as usize).collect();
        idx.sort_unstable();
        let mut removed = Vec::new();
        for i in idx.into_iter().rev() {
            if i < items.len() {
                removed.push(items.remove(i));
            }
        }
        drop(items);
        drop(removed);
        return Ok(none());
    }
    let i = ops::index_isize(ts, key)?;
    let mut items = l.items.lock();
    let n = items.len() as isize;
    let j = if i < 0 { i + n } else { i };
    if j < 0 || j >= n {
        drop(items);
        raise!(IndexError, "list assignment index out of range");
    }
    let old = items.remove(j as usize);
    drop(items);
    drop(old);
    Ok(none())
}

/// `list.remove(x)`: one atomic step when every comparison is native (as
/// CPython's, which no other thread can split); otherwise the comparisons
/// run on a snapshot, outside the lock, and the item found is removed only
/// if it is still in the list (else the search starts again), so a
/// concurrent change never makes it remove some other item.
fn list_remove(ts: &ThreadState, a: Args<'_>) -> PyResult {
    check_args("remove", a, 1, 1)?;
    if !list_remove_value(ts, lst(&a)?, &a.args[1])? {
        raise!(ValueError, "list.remove(x): x not in list");
    }
    Ok(none())
}

/// Removes the first item of `l` equal to `target` (see `list_remove`);
/// false when there is none.
pub fn list_remove_value(ts: &ThreadState, l: &PyList, target: &Value) -> PyResult<bool> {
    {
        let mut items = l.items.lock();
        let mut found = None;
        let mut all_native = true;
        for (i, x) in items.iter().enumerate() {
            match native_eq(x, target) {
                Some(true) => {
                    found = Some(i);
                    break;
                }
                Some(false) => {}
                None => {
                    all_native = false;
                    break;
                }
            }
        }
        if let Some(i) = found {
            let old = items.remove(i);
            // Released after the lock: a `__del__` may touch this list.
            drop(items);
            drop(old);
            return Ok(true);
        }
        if all_native {
            return Ok(false);
        }
    }
    'search: loop {
        for (i, x) in l.snapshot().iter().enumerate() {
            if ops::eq(ts, x, target)? {
                let mut items = l.items.lock();
                // Where it was, or where a concurrent change moved it.
                let at = if items.get(i).is_some_and(|y| y.is(x)) { Some(i) } else { items.iter().position(|y| y.is(x)) };
                let Some(at) = at else { continue 'search };
                let old = items.remove(at);
                drop(items);
                drop(old);
                return Ok(true);
            }
        }
        return Ok(false);
    }
}

/// `a == b` (as `PyObject_RichCompareBool`: identity first) when no Python
/// code can take part: ints, floats, strs, bytes, bools, None; None when
/// the comparison needs the general path.
pub fn native_eq(a: &Value, b: &Value) -> Option<bool> {
    if a.is(b) {
        return Some(true);
    }
    if let (Some(x), Some(y)) = (a.as_small_int(), b.as_small_int()) {
        return Some(x == y);
    }
    let r = rt();
    // 1 int or bool, 2 float, 3 str, 4 bytes, 5 None, 0 anything else.
    let kind = |t: TypeRef| {
        if t == r.types.int || t == r.types.bool_ {
            1
        } else if t == r.types.float {
            2
        } else if t == r.types.str {
            3
        } else if t == r.types.bytes {
            4
        } else if t == r.types.none {
            5
        } else {
            0
        }
    };
    match (kind(a.type_ref()), kind(b.type_ref())) {
        (0, _) | (_, 0) | (1, 2) | (2, 1) => None,
        (1, 1) => Some(int_value(a) == int_value(b)),
        (2, 2) => Some(crate::num::float_value(a)? == crate::num::float_value(b)?),
        (3, 3) => Some(crate::str::as_data(a)? == crate::str::as_data(b)?),
        (4, 4) => Some(a.downcast::<crate::bytes::PyBytes>()?.data == b.downcast::<crate::bytes::PyBytes>()?.data),
        // Distinct kinds, or two different None objects (there is one).
        _ => Some(false),
    }
}

fn list_sort(ts: &ThreadState, a: Args<'_>) -> PyResult {
    if a.positional().len() > 1 {
        raise!(TypeError, "sort() takes no positional arguments");
    }
    let mut key = None;
    let mut reverse = false;
    for (k, v) in a.kwargs() {
        match k {
            "key" => key = Some(v.clone()).filter(|x| !is_none(x)),
            "reverse" => reverse = ops::is_true(ts, v)?,
            _ => raise!(TypeError, "sort() got an unexpected keyword argument '{}'", k),
        }
    }
    let l = lst(&a)?;
    if key.is_none() {
        // Items that compare without Python code sort in place under the
        // lock, one atomic step as in CPython (whose sort of such a list
        // never lets another thread in): no "list modified during sort"
        // from a concurrent append, which would lose the appended items.
        let mut items = l.items.lock();
        if let Some(order) = native_order(&items) {
            if reverse {
                items.sort_by(|x, y| native_cmp(order, y, x));
            } else {
                items.sort_by(|x, y| native_cmp(order, x, y));
            }
            return Ok(none());
        }
    }
    // Comparisons run Python code: as CPython, the list is empty while it
    // sorts, and what other code put in it meanwhile is discarded.
    let items = l.items.lock().take_all();
    let (restored, err) = match sort_values(ts, items, key.as_ref(), reverse) {
        Ok(sorted) => (sorted, None),
        Err((e, orig)) => (orig, Some(e)),
    };
    let mut items = l.items.lock();
    let modified = !items.is_empty();
    let displaced = items.replace_all(restored);
    drop(items);
    // Released after the lock: a `__del__` may touch this list.
    drop(displaced);
    if let Some(e) = err {
        return Err(e);
    }
    if modified {
        raise!(ValueError, "list modified during sort");
    }
    Ok(none())
}

/// Item kinds whose `<` is native and a total preorder, so that any stable
/// sort orders them as CPython's does.
#[derive(Clone, Copy)]
enum NativeOrder {
    Int,
    Str,
    Float,
}

/// The native order of `items` when they are all exact ints, all exact
/// strs, or all exact floats none of which is a NaN.
fn native_order(items: &[Value]) -> Option<NativeOrder> {
    let r = rt();
    let t = items.first()?.type_ref();
    let order = if t == r.types.int {
        NativeOrder::Int
    } else if t == r.types.str {
        NativeOrder::Str
    } else if t == r.types.float {
        NativeOrder::Float
    } else {
        return None;
    };
    let all = match order {
        NativeOrder::Float => items.iter().all(|v| v.type_ref() == t && crate::num::float_value(v).is_some_and(|f| !f.is_nan())),
        _ => items.iter().all(|v| v.type_ref() == t),
    };
    all.then_some(order)
}

/// An exact int's value (borrowed from a heap int).
fn int_value(v: &Value) -> std::borrow::Cow<'_, spindle_num::Int> {
    match (v.as_small_int(), v.downcast::<crate::num::PyInt>()) {
        (Some(i), _) => std::borrow::Cow::Owned(spindle_num::Int::Small(i)),
        (None, Some(p)) => std::borrow::Cow::Borrowed(&p.value),
        (None, None) => std::borrow::Cow::Owned(spindle_num::Int::Small(0)),
    }
}

fn native_cmp(order: NativeOrder, x: &Value, y: &Value) -> std::cmp::Ordering {
    use std::cmp::Ordering;
    match order {
        NativeOrder::Int => match (x.as_small_int(), y.as_small_int()) {
            (Some(a), Some(b)) => a.cmp(&b),
            _ => int_value(x).cmp(&int_value(y)),
        },
        NativeOrder::Str => match (crate::str::as_data(x), crate::str::as_data(y)) {
            (Some(a), Some(b)) => a.cmp(b),
            _ => Ordering::Equal,
        },
        NativeOrder::Float => {
            let (a, b) = (crate::num::float_value(x).unwrap_or(0.0), crate::num::float_value(y).unwrap_or(0.0));
            a.partial_cmp(&b).unwrap_or(Ordering::Equal)
        }
    }
}

/// Stable merge sort with Python comparisons (`<` only), as list.sort.
pub fn sort_values(ts: &ThreadState, items: Vec<Value>, key: Option<&Value>, reverse: bool) -> Result<Vec<Value>, (crate::error::PyErr, Vec<Value>)> {
    let keys: Vec<Value> = match key {
        Some(k) => {
            let mut ks = Vec::with_capacity(items.len());
            for it in &items {
                match ops::call(ts, k, &[it.clone()]) {
                    Ok(v) => ks.push(v),
                    Err(e) => return Err((e, items)),
                }
            }
            ks
        }
        None => items.clone(),
    };
    let mut idx: Vec<usize> = (0..items.len()).collect();
    if reverse {
        idx.reverse();
    }
    let mut err = None;
    // Insertion-merge sort on indices; comparisons may fail, so stop at the first error.
    let lt = |x: usize, y: usize, err: &mut Option<crate::error::PyErr>| -> bool {
        if err.is_some() {
            return false;
        }
        if let (Some(a), Some(b)) = (keys[x].as_small_int(), keys[y].as_small_int()) {
            return a < b;
        }
        match ops::rich_compare(ts, &keys[x], &keys[y], CmpOp::Lt).and_then(|r| ops::is_true(ts, &r)) {
            Ok(b) => b,
            Err(e) => {
                *err = Some(e);
                false
            }
        }
    };
    merge_sort(&mut idx, &mut |x, y| lt(x, y, &mut err));
    if let Some(e) = err {
        return Err((e, items));
    }
    if reverse {
        idx.reverse();
    }
    Ok(idx.into_iter().map(|i| items[i].clone()).collect())
}

fn merge_sort(v: &mut Vec<usize>, lt: &mut dyn FnMut(usize, usize) -> bool) {
    let n = v.len();
    if n < 2 {
        return;
    }
    if n < 64 {
        // A short list is one run, as in CPython: the natural run at its
        // start, then binary insertion of the rest (same comparisons, same
        // order, so side effects and errors match).
        let run = count_run(v, lt);
        binary_insertion(v, run, lt);
        return;
    }
    let mut width = 1;
    let mut buf = v.clone();
    while width < n {
        let mut i = 0;
        while i < n {
            let mid = (i + width).min(n);
            let hi = (i + 2 * width).min(n);
            let (mut l, mut r, mut k) = (i, mid, i);
            while l < mid && r < hi {
                // Stable: take from the right only when strictly less.
                if lt(v[r], v[l]) {
                    buf[k] = v[r];
                    r += 1;
                } else {
                    buf[k] = v[l];
                    l += 1;
                }
                k += 1;
            }
            while l < mid {
                buf[k] = v[l];
                l += 1;
                k += 1;
            }
            while r < hi {
                buf[k] = v[r];
                r += 1;
                k += 1;
            }
            i += 2 * width;
        }
        std::mem::swap(v, &mut buf);
        width *= 2;
    }
}

/// Length of the run at the start of `v`, made ascending: a non-descending
/// prefix, or a descending one (equal neighbours kept in order) reversed in
/// place and then extended by what follows it in order.
fn count_run(v: &mut [usize], lt: &mut dyn FnMut(usize, usize) -> bool) -> usize {
    let len = v.len();
    let mut n = 1;
    while n < len && !lt(v[n], v[n - 1]) {
        n += 1;
    }
    if n == len {
        return n;
    }
    // v[n] < v[n-1].
    if n > 1 {
        if lt(v[0], v[n - 1]) {
            return n;
        }
        // v[..n] are all equal: one group of equals in a descending run.
        v[..n].reverse();
    }
    n += 1;
    let mut neq = 0;
    while n < len {
        if lt(v[n], v[n - 1]) {
            if neq > 0 {
                v[n - neq - 1..n].reverse();
                neq = 0;
            }
        } else if lt(v[n - 1], v[n]) {
            break;
        } else {
            neq += 1;
        }
        n += 1;
    }
    if neq > 0 {
        v[n - neq - 1..n].reverse();
    }
    v[..n].reverse();
    while n < len && !lt(v[n], v[n - 1]) {
        n += 1;
    }
    n
}

/// Inserts `v[ok..]` one by one into the sorted prefix (binary search,
/// after equal elements for stability).
fn binary_insertion(v: &mut [usize], ok: usize, lt: &mut dyn FnMut(usize, usize) -> bool) {
    for i in ok.max(1)..v.len() {
        let pivot = v[i];
        let (mut l, mut r) = (0, i);
        while l < r {
            let m = (l + r) >> 1;
            if lt(pivot, v[m]) {
                r = m;
            } else {
                l = m + 1;
            }
        }
        v.copy_within(l..i, l + 1);
        v[l] = pivot;
    }
}

thread_local! {
    static REPR_STACK: std::cell::RefCell<Vec<usize>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// Runs `f` unless `obj` is already being repr'd on this thread (then returns `recursive`).
pub fn repr_guard(obj: &Value, recursive: &str, f: impl FnOnce() -> PyResult) -> PyResult {
    let id = obj.id();
    let busy = REPR_STACK.with(|s| s.borrow().contains(&id));
    if busy {
        return Ok(new_str(recursive));
    }
    REPR_STACK.with(|s| s.borrow_mut().push(id));
    let r = f();
    REPR_STACK.with(|s| {
        let mut s = s.borrow_mut();
        if let Some(p) = s.iter().rposition(|x| *x == id) {
            s.remove(p);
        }
    });
    r
}

fn seq_repr(ts: &ThreadState, obj: &Value, items: &[Value], open: &str, close: &str) -> PyResult {
    let rec = format!("{open}...{close}");
    repr_guard(obj, &rec, || {
        let mut s = String::from(open);
        for (i, x) in items.iter().enumerate() {
            if i > 0 {
                s.push_str(", ");
            }
            s.push_str(&ops::repr_string(ts, x)?);
        }
        if open == "(" && items.len() == 1 {
            s.push(',');
        }
        s.push_str(close);
        Ok(new_string(s))
    })
}

fn seq_items(v: &Value, list: bool) -> Option<Vec<Value>> {
    if list { v.downcast::<PyList>().map(PyList::snapshot) } else { v.downcast::<PyTuple>().map(|t| t.items.to_vec()) }
}

fn seq_cmp(ts: &ThreadState, a: Args<'_>, op: CmpOp, list: bool) -> PyResult {
    check_args(op.dunder(), a, 1, 1)?;
    let (Some(x), Some(y)) = (seq_items(&a.args[0], list), seq_items(&a.args[1], list)) else {
        return Ok(rt().not_implemented.clone());
    };
    compare_items(ts, &x, &y, op)
}

/// Lexicographic comparison of two item sequences, as list, tuple and
/// array compare: the first unequal pair decides, else the lengths.
pub fn compare_items(ts: &ThreadState, x: &[Value], y: &[Value], op: CmpOp) -> PyResult {
    if (op == CmpOp::Eq || op == CmpOp::Ne) && x.len() != y.len() {
        return Ok(new_bool(op == CmpOp::Ne));
    }
    for (p, q) in x.iter().zip(y) {
        if !ops::eq(ts, p, q)? {
            return match op {
                CmpOp::Eq => Ok(new_bool(false)),
                CmpOp::Ne => Ok(new_bool(true)),
                _ => ops::rich_compare(ts, p, q, op),
            };
        }
    }
    Ok(new_bool(op.apply(&x.len(), &y.len())))
}

// ---------------------------------------------------------------- tuple

fn tuple_init(r: &Runtime) {
    let t = r.types.tuple;
    add_new(t, tuple_new);
    add_methods(
        t,
        &[
            ("__len__", |_, a| Ok(new_int(tup(&a)?.items.len() as i64))),
            ("__getitem__", tuple_getitem),
            ("__contains__", |ts, a| {
                check_args("__contains__", a, 1, 1)?;
                for x in tup(&a)?.items.iter() {
                    if ops::eq(ts, x, &a.args[1])? {
                        return Ok(new_bool(true));
                    }
                }
                Ok(new_bool(false))
            }),
            ("__iter__", |_, a| Ok(new_seq_iter(rt().types.tuple_iterator, a.args[0].clone()))),
            ("__repr__", |ts, a| seq_repr(ts, &a.args[0], &tup(&a)?.items, "(", ")")),
            ("__hash__", |ts, a| {
                let mut acc: u64 = 0x27D4_EB2F_1656_67C5;
                for x in tup(&a)?.items.iter() {
                    let h = ops::hash(ts, x)? as u64;
                    acc = acc.wrapping_add(h.wrapping_mul(0xC2B2_AE3D_27D4_EB4F));
                    acc = acc.rotate_left(31).wrapping_mul(0x9E37_79B1_85EB_CA87);
                }
                acc = acc.wrapping_add((tup(&a)?.items.len() as u64) ^ (0x27D4_EB2F_1656_67C5 ^ 3_527_539));
                Ok(new_int(crate::str::fix_hash((acc >> 1) as i64)))
            }),
            ("__add__", |_, a| {
                check_args("__add__", a, 1, 1)?;
                let Some(o) = a.args[1].downcast::<PyTuple>() else {
                    raise!(TypeError, "can only concatenate tuple (not \"{}\") to tuple", ops::type_name(&a.args[1]))
                };
                let mut v = tup(&a)?.items.to_vec();
                v.extend(o.items.iter().cloned());
                Ok(new_tuple(v))
            }),
            ("__mul__", |ts, a| {
                check_args("__mul__", a, 1, 1)?;
                let Some(n) = repeat_count(ts, &a.args[1])? else { return Ok(rt().not_implemented.clone()) };
                let v = tup(&a)?.items.to_vec();
                Ok(new_tuple(crate::memory::repeat(&v, n)?))
            }),
            ("__rmul__", |ts, a| {
                check_args("__rmul__", a, 1, 1)?;
                let Some(n) = repeat_count(ts, &a.args[1])? else { return Ok(rt().not_implemented.clone()) };
                let v = tup(&a)?.items.to_vec();
                Ok(new_tuple(crate::memory::repeat(&v, n)?))
            }),
            ("__eq__", |ts, a| seq_cmp(ts, a, CmpOp::Eq, false)),
            ("__ne__", |ts, a| seq_cmp(ts, a, CmpOp::Ne, false)),
            ("__lt__", |ts, a| seq_cmp(ts, a, CmpOp::Lt, false)),
            ("__le__", |ts, a| seq_cmp(ts, a, CmpOp::Le, false)),
            ("__gt__", |ts, a| seq_cmp(ts, a, CmpOp::Gt, false)),
            ("__ge__", |ts, a| seq_cmp(ts, a, CmpOp::Ge, false)),
            ("index", |ts, a| {
                check_args("index", a, 1, 3)?;
                let v = tup(&a)?.items.to_vec();
                let (st, en) = range_args(ts, &a, v.len())?;
                for (i, x) in v.iter().enumerate().take(en).skip(st) {
                    if ops::eq(ts, x, &a.args[1])? {
                        return Ok(new_int(i as i64));
                    }
                }
                raise!(ValueError, "tuple.index(x): x not in tuple")
            }),
            ("count", |ts, a| {
                check_args("count", a, 1, 1)?;
                let mut n = 0;
                for x in tup(&a)?.items.iter() {
                    if ops::eq(ts, x, &a.args[1])? {
                        n += 1;
                    }
                }
                Ok(new_int(n))
            }),
            ("__getnewargs__", |_, a| Ok(new_tuple(vec![new_tuple(tup(&a)?.items.to_vec())]))),
            ("__class_getitem__", class_getitem),
        ],
    );
    classmethodize(t, "__class_getitem__");
}

fn tup<'a>(a: &'a Args<'_>) -> PyResult<&'a PyTuple> {
    super::this::<PyTuple>(a, "tuple")
}

fn tuple_new(ts: &ThreadState, a: Args<'_>) -> PyResult {
    if a.has_kwargs() {
        raise!(TypeError, "tuple() takes no keyword arguments");
    }
    let t = a.args.first().and_then(TypeRef::from_value).unwrap_or(rt().types.tuple);
    if a.args.len() > 2 {
        raise!(TypeError, "tuple expected at most 1 argument, got {}", a.args.len() - 1);
    }
    let items = match a.args.get(1) {
        Some(x) => ops::collect(ts, x)?,
        None => Vec::new(),
    };
    if t == rt().types.tuple {
        return Ok(new_tuple(items));
    }
    Ok(alloc(t, PyTuple { items: items.into_boxed_slice() }))
}

fn tuple_getitem(ts: &ThreadState, a: Args<'_>) -> PyResult {
    check_args("__getitem__", a, 1, 1)?;
    let t = tup(&a)?;
    let key = &a.args[1];
    if let Some(sl) = key.downcast::<PySlice>() {
        let (start, _, step, count) = super::strings::slice_indices(ts, sl, t.items.len())?;
        return Ok(new_tuple((0..count).map(|i| t.items[(start + i as isize * step) as usize].clone()).collect()));
    }
    if !crate::num::is_int(key) && key.type_ref().lookup_static("__index__").is_none() {
        raise!(TypeError, "tuple indices must be integers or slices, not {}", ops::type_name(key));
    }
    let i = ops::index_isize(ts, key)?;
    let n = t.items.len() as isize;
    let j = if i < 0 { i + n } else { i };
    if j < 0 || j >= n {
        raise!(IndexError, "tuple index out of range");
    }
    Ok(t.items[j as usize].clone())
}

// ---------------------------------------------------------------- dict

fn dict_init(r: &Runtime) {
    let d = r.types.dict;
    add_new(d, dict_new);
    add_methods(
        d,
        &[
            ("__init__", dict_init_m),
            ("__len__", |_, a| Ok(new_int(dct(&a)?.len() as i64))),
            ("__getitem__", dict_getitem),
            ("__setitem__", |ts, a| {
                check_args("__setitem__", a, 2, 2)?;
                dict_set(ts, &a.args[0], a.args[1].clone(), a.args[2].clone())?;
                Ok(none())
            }),
            ("__delitem__", |ts, a| {
                check_args("__delitem__", a, 1, 1)?;
                let h = key_hash(ts, &a.args[1], "dict key")?;
                match dct(&a)?.remove(&a.args[1], h, &mut key_eq(ts))? {
                    Some(_) => Ok(none()),
                    None => Err(key_error(&a.args[1])),
                }
            }),
            ("__contains__", |ts, a| {
                check_args("__contains__", a, 1, 1)?;
                Ok(new_bool(dict_get(ts, &a.args[0], &a.args[1])?.is_some()))
            }),
            ("__iter__", |_, a| Ok(dict_iter(&a.args[0], 0))),
            ("__reversed__", |_, a| Ok(new_values_iter(rt().types.dict_reversekeyiterator, dct(&a)?.keys().into_iter().rev().collect()))),
            ("__repr__", dict_repr),
            ("__eq__", |ts, a| dict_eq(ts, a, false)),
            ("__ne__", |ts, a| dict_eq(ts, a, true)),
            ("__or__", |ts, a| {
                check_args("__or__", a, 1, 1)?;
                if a.args[1].downcast::<PyDict>().is_none() {
                    return Ok(rt().not_implemented.clone());
                }
                let n = new_dict();
                dict_update(ts, &n, &a.args[0])?;
                dict_update(ts, &n, &a.args[1])?;
                Ok(n)
            }),
            ("__ror__", |ts, a| {
                check_args("__ror__", a, 1, 1)?;
                if a.args[1].downcast::<PyDict>().is_none() {
                    return Ok(rt().not_implemented.clone());
                }
                let n = new_dict();
                dict_update(ts, &n, &a.args[1])?;
                dict_update(ts, &n, &a.args[0])?;
                Ok(n)
            }),
            ("__ior__", |ts, a| {
                check_args("__ior__", a, 1, 1)?;
                update_from(ts, &a.args[0], &a.args[1])?;
                Ok(a.args[0].clone())
            }),
            ("keys", |_, a| Ok(alloc(rt().types.dict_keys, PyDictView { dict: a.args[0].clone() }))),
            ("values", |_, a| Ok(alloc(rt().types.dict_values, PyDictView { dict: a.args[0].clone() }))),
            ("items", |_, a| Ok(alloc(rt().types.dict_items, PyDictView { dict: a.args[0].clone() }))),
            ("get", |ts, a| {
                check_args("get", a, 1, 2)?;
                Ok(dict_get(ts, &a.args[0], &a.args[1])?.unwrap_or_else(|| a.args.get(2).cloned().unwrap_or_else(none)))
            }),
            ("setdefault", |ts, a| {
                check_args("setdefault", a, 1, 2)?;
                if let Some(v) = dict_get(ts, &a.args[0], &a.args[1])? {
                    return Ok(v);
                }
                let d = a.args.get(2).cloned().unwrap_or_else(none);
                dict_set(ts, &a.args[0], a.args[1].clone(), d.clone())?;
                Ok(d)
            }),
            ("pop", |ts, a| {
                check_args("pop", a, 1, 2)?;
                let h = key_hash(ts, &a.args[1], "dict key")?;
                match dct(&a)?.remove(&a.args[1], h, &mut key_eq(ts))? {
                    Some(v) => Ok(v),
                    None => match a.args.get(2) {
                        Some(d) => Ok(d.clone()),
                        None => Err(key_error(&a.args[1])),
                    },
                }
            }),
            ("popitem", |_, a| match dct(&a)?.pop_last() {
                Some((k, v)) => Ok(new_tuple(vec![k, v])),
                None => raise!(KeyError, "popitem(): dictionary is empty"),
            }),
            ("update", |ts, a| {
                if a.positional().len() > 2 {
                    raise!(TypeError, "update expected at most 1 argument, got {}", a.positional().len() - 1);
                }
                if let Some(o) = a.positional().get(1) {
                    update_from(ts, &a.args[0], o)?;
                }
                for (k, v) in a.kwargs() {
                    dict_set(ts, &a.args[0], new_str(k), v.clone())?;
                }
                Ok(none())
            }),
            ("clear", |_, a| {
                dct(&a)?.clear_all();
                Ok(none())
            }),
            ("copy", |ts, a| {
                let n = new_dict();
                for (k, v) in dct(&a)?.items() {
                    dict_set(ts, &n, k, v)?;
                }
                Ok(n)
            }),
            ("fromkeys", |ts, a| {
                check_args("fromkeys", a, 1, 2)?;
                let cls = a.args[0].clone();
                let d = ops::call(ts, &cls, &[])?;
                let v = a.args.get(2).cloned().unwrap_or_else(none);
                for k in ops::collect(ts, a.args.get(1).unwrap_or(&none()))? {
                    ops::setitem(ts, &d, &k, v.clone())?;
                }
                Ok(d)
            }),
            ("__class_getitem__", class_getitem),
        ],
    );
    classmethodize(d, "fromkeys");
    classmethodize(d, "__class_getitem__");
    super::add_value(d, "__hash__", none());
    for (t, kind) in [(r.types.dict_keys, 0u8), (r.types.dict_values, 1), (r.types.dict_items, 2)] {
        add_methods(
            t,
            &[
                ("__len__", |_, a| Ok(new_int(view_dict(&a)?.len() as i64))),
                ("__repr__", view_repr),
                ("__reversed__", |_, a| {
                    let name = a.args[0].type_ref().name();
                    let d = view_dict(&a)?;
                    let types = &rt().types;
                    let (items, ty): (Vec<Value>, _) = match name.as_str() {
                        "dict_keys" => (d.keys(), types.dict_reversekeyiterator),
                        "dict_values" => (d.values(), types.dict_reversevalueiterator),
                        _ => (d.items().into_iter().map(|(k, v)| new_tuple(vec![k, v])).collect(), types.dict_reverseitemiterator),
                    };
                    Ok(new_values_iter(ty, items.into_iter().rev().collect()))
                }),
            ],
        );
        let iterf: crate::function::NativeFnPtr = match kind {
            0 => |_, a| Ok(view_iter(&a, 0)),
            1 => |_, a| Ok(view_iter(&a, 1)),
            _ => |_, a| Ok(view_iter(&a, 2)),
        };
        add_methods(t, &[("__iter__", iterf)]);
        if kind != 1 {
            // Set-like views compare by content, so (as in CPython) they are unhashable.
            super::add_value(t, "__hash__", none());
            add_methods(
                t,
                &[
                    ("__contains__", view_contains),
                    ("__eq__", |ts, a| view_cmp(ts, a, CmpOp::Eq)),
                    ("__ne__", |ts, a| view_cmp(ts, a, CmpOp::Ne)),
                    ("__lt__", |ts, a| view_cmp(ts, a, CmpOp::Lt)),
                    ("__le__", |ts, a| view_cmp(ts, a, CmpOp::Le)),
                    ("__gt__", |ts, a| view_cmp(ts, a, CmpOp::Gt)),
                    ("__ge__", |ts, a| view_cmp(ts, a, CmpOp::Ge)),
                    ("__and__", |ts, a| view_setop(ts, a, "and", false)),
                    ("__or__", |ts, a| view_setop(ts, a, "or", false)),
                    ("__sub__", |ts, a| view_setop(ts, a, "sub", false)),
                    ("__xor__", |ts, a| view_setop(ts, a, "xor", false)),
                    ("__rand__", |ts, a| view_setop(ts, a, "and", true)),
                    ("__ror__", |ts, a| view_setop(ts, a, "or", true)),
                    ("__rsub__", |ts, a| view_setop(ts, a, "sub", true)),
                    ("__rxor__", |ts, a| view_setop(ts, a, "xor", true)),
                    ("isdisjoint", |ts, a| view_setop(ts, a, "isdisjoint", false)),
                ],
            );
            // Set-like views compare by contents, so they are unhashable.
            super::add_value(t, "__hash__", none());
        }
    }
    add_new(r.types.mappingproxy, |ts, a| {
        let [_, m] = super::parse_args("mappingproxy", a, ["cls", "mapping"], 2)?;
        let m = m.unwrap_or_else(none);
        if m.type_ref().lookup_static("__getitem__").is_none() || m.downcast::<PyList>().is_some() || m.downcast::<PyTuple>().is_some() {
            raise!(TypeError, "mappingproxy() argument must be a mapping, not {}", ops::type_name(&m));
        }
        let _ = ts;
        Ok(alloc(rt().types.mappingproxy, PyDictView { dict: m }))
    });
    add_methods(
        r.types.mappingproxy,
        &[
            ("__getitem__", |ts, a| ops::getitem(ts, &view_inner(&a)?, &a.args[1])),
            ("__len__", |ts, a| Ok(new_int(ops::len(ts, &view_inner(&a)?)? as i64))),
            ("__iter__", |ts, a| ops::iter(ts, &view_inner(&a)?)),
            ("__contains__", |ts, a| Ok(new_bool(ops::contains(ts, &view_inner(&a)?, &a.args[1])?))),
            ("keys", |ts, a| ops::call_method(ts, &view_inner(&a)?, "keys", &[])),
            ("values", |ts, a| ops::call_method(ts, &view_inner(&a)?, "values", &[])),
            ("items", |ts, a| ops::call_method(ts, &view_inner(&a)?, "items", &[])),
            ("get", |ts, a| {
                let mut args = a.args[1..].to_vec();
                let _ = &mut args;
                ops::call_method(ts, &view_inner(&a)?, "get", &args)
            }),
            ("copy", |ts, a| ops::call_method(ts, &view_inner(&a)?, "copy", &[])),
            ("__repr__", |ts, a| Ok(new_string(format!("mappingproxy({})", ops::repr_string(ts, &view_inner(&a)?)?)))),
            ("__str__", |ts, a| ops::str_(ts, &view_inner(&a)?)),
            // `|` works on the underlying mapping (BINARY_OP code 7 is `|`).
            ("__or__", |ts, a| {
                check_args("__or__", a, 1, 1)?;
                crate::arith::binary_op(ts, &view_inner(&a)?, &a.args[1], 7)
            }),
            ("__ror__", |ts, a| {
                check_args("__ror__", a, 1, 1)?;
                crate::arith::binary_op(ts, &a.args[1], &view_inner(&a)?, 7)
            }),
            ("__ior__", |_, a| {
                check_args("__ior__", a, 1, 1)?;
                raise!(TypeError, "'|=' is not supported by mappingproxy; use '|' instead")
            }),
        ],
    );
}

fn view_inner(a: &Args<'_>) -> PyResult<Value> {
    a.args[0].downcast::<PyDictView>().map(|v| v.dict.clone()).ok_or_else(|| err!(TypeError, "expected view"))
}

fn view_dict<'a>(a: &'a Args<'_>) -> PyResult<&'a PyDict> {
    a.args[0].downcast::<PyDictView>().and_then(|v| v.dict.downcast::<PyDict>()).ok_or_else(|| err!(TypeError, "expected dict view"))
}

fn view_iter(a: &Args<'_>, kind: u8) -> Value {
    let d = a.args[0].downcast::<PyDictView>().map(|v| v.dict.clone()).unwrap_or_else(none);
    dict_iter(&d, kind)
}

fn dict_iter(d: &Value, kind: u8) -> Value {
    let r = rt();
    let ty = [r.types.dict_keyiterator, r.types.dict_valueiterator, r.types.dict_itemiterator][kind as usize];
    let len = d.downcast::<PyDict>().map(PyDict::len).unwrap_or(0);
    alloc(ty, PyIter { state: crate::lock::ShortMutex::new(IterState::Dict { dict: d.clone(), pos: 0, kind, len }) })
}

fn view_repr(ts: &ThreadState, a: Args<'_>) -> PyResult {
    let name = a.args[0].type_ref().name();
    let d = view_dict(&a)?;
    let items: Vec<Value> = match name.as_str() {
        "dict_keys" => d.keys(),
        "dict_values" => d.values(),
        _ => d.items().into_iter().map(|(k, v)| new_tuple(vec![k, v])).collect(),
    };
    let mut s = format!("{name}([");
    for (i, x) in items.iter().enumerate() {
        if i > 0 {
            s.push_str(", ");
        }
        s.push_str(&ops::repr_string(ts, x)?);
    }
    s.push_str("])");
    Ok(new_string(s))
}

fn view_contains(ts: &ThreadState, a: Args<'_>) -> PyResult {
    check_args("__contains__", a, 1, 1)?;
    let name = a.args[0].type_ref().name();
    let dv = a.args[0].downcast::<PyDictView>().map(|v| v.dict.clone()).unwrap_or_else(none);
    if name == "dict_keys" {
        return Ok(new_bool(dict_get(ts, &dv, &a.args[1])?.is_some()));
    }
    let Some(kv) = crate::seq::tuple_items(&a.args[1]).filter(|t| t.len() == 2).map(<[Value]>::to_vec) else {
        return Ok(new_bool(false));
    };
    match dict_get(ts, &dv, &kv[0])? {
        Some(v) => Ok(new_bool(ops::eq(ts, &v, &kv[1])?)),
        None => Ok(new_bool(false)),
    }
}

/// A set, frozenset, dict_keys or dict_items: what dict views compare with.
fn is_setlike(v: &Value) -> bool {
    let t = v.type_ref();
    let r = rt();
    v.downcast::<PySet>().is_some() || t == r.types.dict_keys || t == r.types.dict_items
}

/// `a.__op__(b)` of dict_keys/dict_items: a comparison with a set-like object.
fn view_cmp(ts: &ThreadState, a: Args<'_>, op: CmpOp) -> PyResult {
    check_args(op.dunder(), a, 1, 1)?;
    let (x, y) = (&a.args[0], &a.args[1]);
    if !is_setlike(y) {
        return Ok(rt().not_implemented.clone());
    }
    let (lx, ly) = (ops::len(ts, x)?, ops::len(ts, y)?);
    let within = |p: &Value, q: &Value| -> PyResult<bool> {
        for k in ops::collect(ts, p)? {
            if !ops::contains(ts, q, &k)? {
                return Ok(false);
            }
        }
        Ok(true)
    };
    Ok(new_bool(match op {
        CmpOp::Eq => lx == ly && within(x, y)?,
        CmpOp::Ne => !(lx == ly && within(x, y)?),
        CmpOp::Lt => lx < ly && within(x, y)?,
        CmpOp::Le => lx <= ly && within(x, y)?,
        CmpOp::Gt => lx > ly && within(y, x)?,
        CmpOp::Ge => lx >= ly && within(y, x)?,
    }))
}

/// The set operators of dict_keys/dict_items: a new set from the left operand
/// (any iterable when reflected) updated with the right one.
fn view_setop(ts: &ThreadState, a: Args<'_>, op: &str, reflected: bool) -> PyResult {
    check_args(op, a, 1, 1)?;
    let (x, y) = if reflected { (&a.args[1], &a.args[0]) } else { (&a.args[0], &a.args[1]) };
    let left = new_set(ts, ops::collect(ts, x)?)?;
    if op == "isdisjoint" {
        for k in ops::collect(ts, y)? {
            if ops::contains(ts, &left, &k)? {
                return Ok(new_bool(false));
            }
        }
        return Ok(new_bool(true));
    }
    let name = match op {
        "and" => "intersection_update",
        "or" => "update",
        "sub" => "difference_update",
        _ => "symmetric_difference_update",
    };
    ops::call_method(ts, &left, name, &[y.clone()])?;
    Ok(left)
}

fn dct<'a>(a: &'a Args<'_>) -> PyResult<&'a PyDict> {
    super::this::<PyDict>(a, "dict")
}

pub fn key_error(k: &Value) -> crate::error::PyErr {
    crate::error::PyErr(crate::exceptions::new_exception(rt().exc.KeyError, vec![k.clone()]))
}

fn dict_new(_ts: &ThreadState, a: Args<'_>) -> PyResult {
    let t = a.args.first().and_then(TypeRef::from_value).unwrap_or(rt().types.dict);
    Ok(alloc(t, PyDict::new()))
}

fn update_from(ts: &ThreadState, target: &Value, o: &Value) -> PyResult<()> {
    if o.type_ref().lookup_static("keys").is_some() {
        return dict_update(ts, target, o);
    }
    let it = match ops::iter(ts, o) {
        Ok(it) => it,
        Err(e) if e.is_instance(rt().exc.TypeError) => raise!(TypeError, "'{}' object is not iterable", ops::type_name(o)),
        Err(e) => return Err(e),
    };
    let mut i = 0;
    while let Some(item) = ops::next(ts, &it)? {
        // CPython 3.14 replaces any TypeError from iterating an element with this terse one.
        let kv = match ops::collect(ts, &item) {
            Ok(v) => v,
            Err(e) if e.is_instance(rt().exc.TypeError) => raise!(TypeError, "object is not iterable"),
            Err(e) => return Err(e),
        };
        if kv.len() != 2 {
            raise!(ValueError, "dictionary update sequence element #{} has length {}; 2 is required", i, kv.len());
        }
        let mut kv = kv.into_iter();
        if let (Some(k), Some(v)) = (kv.next(), kv.next()) {
            ops::setitem(ts, target, &k, v)?;
        }
        i += 1;
    }
    Ok(())
}

fn dict_init_m(ts: &ThreadState, a: Args<'_>) -> PyResult {
    let pos = a.positional();
    if pos.len() > 2 {
        raise!(TypeError, "dict expected at most 1 argument, got {}", pos.len() - 1);
    }
    if let Some(o) = pos.get(1) {
        update_from(ts, &a.args[0], o)?;
    }
    for (k, v) in a.kwargs() {
        dict_set(ts, &a.args[0], new_str(k), v.clone())?;
    }
    Ok(none())
}

fn dict_getitem(ts: &ThreadState, a: Args<'_>) -> PyResult {
    check_args("__getitem__", a, 1, 1)?;
    if let Some(v) = dict_get(ts, &a.args[0], &a.args[1])? {
        return Ok(v);
    }
    if a.args[0].type_ref().is_heap() {
        if let Some(r) = ops::call_dunder(ts, &a.args[0], "__missing__", &[a.args[1].clone()])? {
            return Ok(r);
        }
    }
    Err(key_error(&a.args[1]))
}

fn dict_repr(ts: &ThreadState, a: Args<'_>) -> PyResult {
    let items = dct(&a)?.items();
    repr_guard(&a.args[0], "{...}", || {
        let mut s = String::from("{");
        for (i, (k, v)) in items.iter().enumerate() {
            if i > 0 {
                s.push_str(", ");
            }
            s.push_str(&ops::repr_string(ts, k)?);
            s.push_str(": ");
            s.push_str(&ops::repr_string(ts, v)?);
        }
        s.push('}');
        Ok(new_string(s))
    })
}

fn dict_eq(ts: &ThreadState, a: Args<'_>, negate: bool) -> PyResult {
    check_args("__eq__", a, 1, 1)?;
    let (Some(x), Some(y)) = (a.args[0].downcast::<PyDict>(), a.args[1].downcast::<PyDict>()) else {
        return Ok(rt().not_implemented.clone());
    };
    if x.len() != y.len() {
        return Ok(new_bool(negate));
    }
    for (k, v) in x.items() {
        match dict_get(ts, &a.args[1], &k)? {
            Some(w) => {
                if !ops::eq(ts, &v, &w)? {
                    return Ok(new_bool(negate));
                }
            }
            None => return Ok(new_bool(negate)),
        }
    }
    Ok(new_bool(!negate))
}

// ---------------------------------------------------------------- set

fn set_init(r: &Runtime) {
    for (t, frozen) in [(r.types.set, false), (r.types.frozenset, true)] {
        add_new(t, if frozen { frozenset_new } else { set_new });
        add_methods(
            t,
            &[
                ("__len__", |_, a| Ok(new_int(st(&a)?.table.len() as i64))),
                ("__contains__", |ts, a| {
                    check_args("__contains__", a, 1, 1)?;
                    Ok(new_bool(set_contains(ts, st(&a)?, &a.args[1])?))
                }),
                ("__iter__", |_, a| {
                    let s = st(&a)?;
                    let state = IterState::SetValues { set: a.args[0].clone(), len: s.table.len(), items: s.table.keys(), index: 0 };
                    Ok(alloc(rt().types.set_iterator, PyIter { state: crate::lock::ShortMutex::new(state) }))
                }),
                ("__repr__", set_repr),
                ("__eq__", |ts, a| set_cmp(ts, a, CmpOp::Eq)),
                ("__ne__", |ts, a| set_cmp(ts, a, CmpOp::Ne)),
                ("__le__", |ts, a| set_cmp(ts, a, CmpOp::Le)),
                ("__lt__", |ts, a| set_cmp(ts, a, CmpOp::Lt)),
                ("__ge__", |ts, a| set_cmp(ts, a, CmpOp::Ge)),
                ("__gt__", |ts, a| set_cmp(ts, a, CmpOp::Gt)),
                ("__and__", |ts, a| set_binop(ts, a, 0, true)),
                ("__or__", |ts, a| set_binop(ts, a, 1, true)),
                ("__sub__", |ts, a| set_binop(ts, a, 2, true)),
                ("__xor__", |ts, a| set_binop(ts, a, 3, true)),
                ("__rand__", |ts, a| set_binop(ts, a, 0, true)),
                ("__ror__", |ts, a| set_binop(ts, a, 1, true)),
                ("__rxor__", |ts, a| set_binop(ts, a, 3, true)),
                ("__rsub__", |ts, a| {
                    check_args("__rsub__", a, 1, 1)?;
                    if a.args[1].downcast::<PySet>().is_none() {
                        return Ok(rt().not_implemented.clone());
                    }
                    set_binop(ts, Args { args: &[a.args[1].clone(), a.args[0].clone()], kwnames: &[] }, 2, true)
                }),
                ("intersection", |ts, a| set_multi(ts, a, 0)),
                ("union", |ts, a| set_multi(ts, a, 1)),
                ("difference", |ts, a| set_multi(ts, a, 2)),
                ("symmetric_difference", |ts, a| set_binop(ts, a, 3, false)),
                ("issubset", |ts, a| set_rel(ts, a, true)),
                ("issuperset", |ts, a| set_rel(ts, a, false)),
                ("__reduce__", |_, a| {
                    check_args("__reduce__", a, 0, 0)?;
                    let s = st(&a)?;
                    let items = new_list(s.table.keys());
                    let state = ops::instance_dict(&a.args[0])
                        .filter(|d| d.downcast::<crate::dict::PyDict>().is_some_and(|d| d.len() > 0))
                        .unwrap_or_else(none);
                    Ok(new_tuple(vec![a.args[0].type_ref().to_value(), new_tuple(vec![items]), state]))
                }),
                ("isdisjoint", |ts, a| {
                    check_args("isdisjoint", a, 1, 1)?;
                    let s = st(&a)?;
                    for x in ops::collect(ts, &a.args[1])? {
                        if set_contains(ts, s, &x)? {
                            return Ok(new_bool(false));
                        }
                    }
                    Ok(new_bool(true))
                }),
                ("copy", |ts, a| {
                    st(&a)?;
                    if a.args[0].type_ref() == rt().types.frozenset {
                        return Ok(a.args[0].clone());
                    }
                    let out = empty_like(&a.args[0]);
                    set_update_from(ts, &out, &a.args[0])?;
                    Ok(out)
                }),
                ("__class_getitem__", class_getitem),
            ],
        );
        classmethodize(t, "__class_getitem__");
    }
    add_methods(r.types.frozenset, &[("__hash__", |ts, a| Ok(new_int(frozenset_hash_value(ts, &a.args[0])?)))]);
    super::add_value(r.types.set, "__hash__", none());
    add_methods(
        r.types.set,
        &[
            ("__init__", |ts, a| {
                if a.has_kwargs() {
                    raise!(TypeError, "set() takes no keyword arguments");
                }
                let s = st(&a)?;
                s.table.clear_all();
                if let Some(x) = a.args.get(1) {
                    set_update_from(ts, &a.args[0], x)?;
                }
                Ok(none())
            }),
            ("add", |ts, a| {
                check_args("add", a, 1, 1)?;
                set_add(ts, &a.args[0], a.args[1].clone())?;
                Ok(none())
            }),
            ("discard", |ts, a| {
                check_args("discard", a, 1, 1)?;
                let h = key_hash(ts, &a.args[1], "set element")?;
                st(&a)?.table.remove(&a.args[1], h, &mut key_eq(ts))?;
                Ok(none())
            }),
            ("remove", |ts, a| {
                check_args("remove", a, 1, 1)?;
                let h = key_hash(ts, &a.args[1], "set element")?;
                if st(&a)?.table.remove(&a.args[1], h, &mut key_eq(ts))? { Ok(none()) } else { Err(key_error(&a.args[1])) }
            }),
            ("pop", |_, a| match st(&a)?.table.pop_last() {
                Some(k) => Ok(k),
                None => raise!(KeyError, "pop from an empty set"),
            }),
            ("clear", |_, a| {
                st(&a)?.table.clear_all();
                Ok(none())
            }),
            ("update", |ts, a| {
                for o in &a.args[1..] {
                    set_update_from(ts, &a.args[0], o)?;
                }
                Ok(none())
            }),
            ("__ior__", |ts, a| {
                set_update_from(ts, &a.args[0], &a.args[1])?;
                Ok(a.args[0].clone())
            }),
            ("intersection_update", |ts, a| inplace_from(ts, a, 0)),
            ("difference_update", |ts, a| inplace_from(ts, a, 2)),
            ("symmetric_difference_update", |ts, a| inplace_from(ts, a, 3)),
            ("__iand__", |ts, a| inplace_from(ts, a, 0).map(|_| a.args[0].clone())),
            ("__isub__", |ts, a| inplace_from(ts, a, 2).map(|_| a.args[0].clone())),
            ("__ixor__", |ts, a| inplace_from(ts, a, 3).map(|_| a.args[0].clone())),
        ],
    );
}

fn st<'a>(a: &'a Args<'_>) -> PyResult<&'a PySet> {
    super::this::<PySet>(a, "set")
}

fn set_new(_ts: &ThreadState, a: Args<'_>) -> PyResult {
    let t = a.args.first().and_then(TypeRef::from_value).unwrap_or(rt().types.set);
    Ok(alloc(t, PySet::default()))
}

fn frozenset_new(ts: &ThreadState, a: Args<'_>) -> PyResult {
    if a.has_kwargs() {
        raise!(TypeError, "frozenset() takes no keyword arguments");
    }
    let t = a.args.first().and_then(TypeRef::from_value).unwrap_or(rt().types.frozenset);
    let s = alloc(t, PySet::default());
    if let Some(x) = a.args.get(1) {
        set_update_from(ts, &s, x)?;
    }
    Ok(s)
}

fn make_like(ts: &ThreadState, like: &Value, items: Vec<Value>) -> PyResult {
    let t = if like.type_ref().is_subtype(rt().types.frozenset) { rt().types.frozenset } else { rt().types.set };
    let s = alloc(t, PySet::default());
    for v in items {
        set_add(ts, &s, v)?;
    }
    Ok(s)
}

fn frozenset_hash_value(ts: &ThreadState, v: &Value) -> PyResult<i64> {
    let Some(s) = v.downcast::<PySet>() else { raise!(TypeError, "expected frozenset") };
    let mut acc: u64 = 0;
    for k in s.table.keys() {
        let h = ops::hash(ts, &k)? as u64;
        acc ^= (h ^ (h << 16) ^ 89_869_747).wrapping_mul(3_644_798_167);
    }
    acc ^= (s.table.len() as u64 + 1).wrapping_mul(1_927_868_237);
    acc = acc.wrapping_mul(69069).wrapping_add(907_133_923);
    Ok(crate::str::fix_hash(acc as i64))
}

fn set_repr(ts: &ThreadState, a: Args<'_>) -> PyResult {
    let items = st(&a)?.table.keys();
    let t = a.args[0].type_ref();
    let name = t.name();
    if items.is_empty() {
        return Ok(new_string(format!("{name}()")));
    }
    repr_guard(&a.args[0], &format!("{name}(...)"), || {
        let mut s = String::from("{");
        for (i, x) in items.iter().enumerate() {
            if i > 0 {
                s.push_str(", ");
            }
            s.push_str(&ops::repr_string(ts, x)?);
        }
        s.push('}');
        if t != rt().types.set {
            s = format!("{name}({s})");
        }
        Ok(new_string(s))
    })
}

fn set_cmp(ts: &ThreadState, a: Args<'_>, op: CmpOp) -> PyResult {
    check_args(op.dunder(), a, 1, 1)?;
    let (Some(x), Some(y)) = (a.args[0].downcast::<PySet>(), a.args[1].downcast::<PySet>()) else {
        return Ok(rt().not_implemented.clone());
    };
    let sub = |p: &PySet, q: &PySet| -> PyResult<bool> {
        for k in p.table.keys() {
            if !set_contains(ts, q, &k)? {
                return Ok(false);
            }
        }
        Ok(true)
    };
    let (lx, ly) = (x.table.len(), y.table.len());
    Ok(new_bool(match op {
        CmpOp::Eq => lx == ly && sub(x, y)?,
        CmpOp::Ne => !(lx == ly && sub(x, y)?),
        CmpOp::Le => sub(x, y)?,
        CmpOp::Lt => lx < ly && sub(x, y)?,
        CmpOp::Ge => sub(y, x)?,
        CmpOp::Gt => ly < lx && sub(y, x)?,
    }))
}

/// The keys of `left` <op> `other` in the order CPython adds them to its
/// result: 0 intersection (iterating the smaller set, the argument on a
/// tie, or the iterable), 2 difference (left's order).
fn set_op_items(ts: &ThreadState, left: &Value, other: &Value, op: u8) -> PyResult<Vec<Value>> {
    let Some(l) = left.downcast::<PySet>() else { raise!(TypeError, "expected set") };
    let mut out = Vec::new();
    if op == 0 {
        match other.downcast::<PySet>() {
            Some(os) => {
                let (keys, probe) = if os.table.len() > l.table.len() { (l.table.keys(), os) } else { (os.table.keys(), l) };
                for k in keys {
                    if set_contains(ts, probe, &k)? {
                        out.push(k);
                    }
                }
            }
            None => {
                for k in ops::collect(ts, other)? {
                    if set_contains(ts, l, &k)? {
                        out.push(k);
                    }
                }
            }
        }
        return Ok(out);
    }
    let r = match other.downcast::<PySet>() {
        Some(_) => other.clone(),
        None => new_set(ts, ops::collect(ts, other)?)?,
    };
    let Some(rs) = r.downcast::<PySet>() else { raise!(TypeError, "expected set") };
    for k in l.table.keys() {
        if !set_contains(ts, rs, &k)? {
            out.push(k);
        }
    }
    Ok(out)
}

/// `left ^ other`, as CPython: a set of `other`'s items with `left`'s keys
/// toggled in (removed if present, else added).
fn set_symmetric(ts: &ThreadState, left: &Value, other: &Value) -> PyResult {
    let Some(l) = left.downcast::<PySet>() else { raise!(TypeError, "expected set") };
    let out = empty_like(left);
    set_update_from(ts, &out, other)?;
    toggle_keys(ts, &out, l.table.keys())?;
    Ok(out)
}

/// Removes each of `keys` from the set `s` if present, else adds it.
fn toggle_keys(ts: &ThreadState, s: &Value, keys: Vec<Value>) -> PyResult<()> {
    let Some(p) = s.downcast::<PySet>() else { raise!(TypeError, "expected set") };
    for k in keys {
        let h = key_hash(ts, &k, "set element")?;
        if !p.table.remove(&k, h, &mut key_eq(ts))? {
            p.table.add(k, h, &mut key_eq(ts))?;
        }
    }
    Ok(())
}

/// `left - other`, as CPython: when `other` is not a set or dict, or is
/// much smaller, a copy of `left` with `other`'s items discarded; else
/// `left`'s keys not in `other`, added in order to a new set.
fn set_difference(ts: &ThreadState, left: &Value, other: &Value) -> PyResult {
    let Some(l) = left.downcast::<PySet>() else { raise!(TypeError, "expected set") };
    let other_size = match (other.downcast::<PySet>(), other.downcast::<PyDict>()) {
        (Some(o), _) => Some(o.table.len()),
        (None, Some(d)) if other.type_ref() == rt().types.dict => Some(d.len()),
        _ => None,
    };
    if other_size.is_none_or(|n| (l.table.len() >> 2) > n) {
        let out = empty_like(left);
        set_update_from(ts, &out, left)?;
        discard_all(ts, &out, other)?;
        return Ok(out);
    }
    let items = set_op_items(ts, left, other, 2)?;
    make_like(ts, left, items)
}

/// Discards every item of `other` from the set `s`.
fn discard_all(ts: &ThreadState, s: &Value, other: &Value) -> PyResult<()> {
    let Some(p) = s.downcast::<PySet>() else { raise!(TypeError, "expected set") };
    let keys = match other.downcast::<PySet>() {
        Some(o) => o.table.keys(),
        None => ops::collect(ts, other)?,
    };
    for k in keys {
        let h = key_hash(ts, &k, "set element")?;
        p.table.remove(&k, h, &mut key_eq(ts))?;
    }
    Ok(())
}

fn set_binop(ts: &ThreadState, a: Args<'_>, op: u8, operator: bool) -> PyResult {
    check_args("set operation", a, 1, 1)?;
    let other = &a.args[1];
    if operator && other.downcast::<PySet>().is_none() {
        return Ok(rt().not_implemented.clone());
    }
    match op {
        1 => {
            let out = empty_like(&a.args[0]);
            set_update_from(ts, &out, &a.args[0])?;
            set_update_from(ts, &out, other)?;
            Ok(out)
        }
        3 => set_symmetric(ts, &a.args[0], other),
        2 => set_difference(ts, &a.args[0], other),
        _ => {
            let out = set_op_items(ts, &a.args[0], other, op)?;
            make_like(ts, &a.args[0], out)
        }
    }
}

fn set_multi(ts: &ThreadState, a: Args<'_>, op: u8) -> PyResult {
    let mut cur = a.args[0].clone();
    if a.args.len() == 1 || op == 1 {
        st(&a)?;
        let out = empty_like(&a.args[0]);
        for o in a.args {
            set_update_from(ts, &out, o)?;
        }
        return Ok(out);
    }
    if op == 2 {
        let out = set_difference(ts, &a.args[0], &a.args[1])?;
        for o in &a.args[2..] {
            discard_all(ts, &out, o)?;
        }
        return Ok(out);
    }
    for o in &a.args[1..] {
        let out = set_op_items(ts, &cur, o, op)?;
        cur = make_like(ts, &a.args[0], out)?;
    }
    Ok(cur)
}

fn set_rel(ts: &ThreadState, a: Args<'_>, subset: bool) -> PyResult {
    check_args(if subset { "issubset" } else { "issuperset" }, a, 1, 1)?;
    let other = new_set(ts, ops::collect(ts, &a.args[1])?)?;
    let (x, y) = if subset { (a.args[0].clone(), other) } else { (other, a.args[0].clone()) };
    set_cmp(ts, Args { args: &[x, y], kwnames: &[] }, CmpOp::Le)
}

/// The in-place set operations, as CPython does them: `&=` replaces the
/// contents with the intersection, `-=` discards the other's items, `^=`
/// toggles the other's keys (in its set's order).
fn inplace_from(ts: &ThreadState, a: Args<'_>, op: u8) -> PyResult {
    let s = st(&a)?;
    for o in &a.args[1..] {
        if o.is(&a.args[0]) && op != 0 {
            s.table.clear_all();
            continue;
        }
        match op {
            0 => {
                let items = set_op_items(ts, &a.args[0], o, 0)?;
                s.table.clear_all();
                for v in items {
                    set_add(ts, &a.args[0], v)?;
                }
            }
            2 => discard_all(ts, &a.args[0], o)?,
            _ => {
                let keys = match o.downcast::<PySet>() {
                    Some(os) => os.table.keys(),
                    None => {
                        let tmp = new_set(ts, ops::collect(ts, o)?)?;
                        tmp.downcast::<PySet>().map(|p| p.table.keys()).unwrap_or_default()
                    }
                };
                toggle_keys(ts, &a.args[0], keys)?;
            }
        }
    }
    Ok(none())
}

// ---------------------------------------------------------------- range, slice

fn range_init(r: &Runtime) {
    let t = r.types.range;
    add_new(t, range_new);
    add_methods(
        t,
        &[
            ("__len__", |ts, a| {
                let (s, e, st_) = range_big(&a)?;
                let n = range_len(&s, &e, &st_);
                let _ = ts;
                match i64::try_from(&n) {
                    Ok(v) => Ok(new_int(v)),
                    Err(_) => raise!(OverflowError, "Python int too large to convert to C ssize_t"),
                }
            }),
            ("__iter__", range_iter),
            ("__reduce__", |_, a| {
                check_args("__reduce__", a, 0, 0)?;
                let Some(r) = a.args[0].downcast::<crate::iter::PyRange>() else { raise!(TypeError, "expected range") };
                let args = new_tuple(vec![r.start.clone(), r.stop.clone(), r.step.clone()]);
                Ok(new_tuple(vec![rt().types.range.to_value(), args]))
            }),
            ("__getitem__", range_getitem),
            ("__contains__", |ts, a| {
                check_args("__contains__", a, 1, 1)?;
                let (s, e, step) = range_big(&a)?;
                if let Some(x) = crate::num::int_to_big(&a.args[1]) {
                    let inr = if step > 0.into() { x >= s && x < e } else { x <= s && x > e };
                    let on = {
                        let d: num_bigint::BigInt = &x - &s;
                        num_integer::Integer::mod_floor(&d, &step) == 0.into()
                    };
                    return Ok(new_bool(inr && on));
                }
                let it = range_iter(ts, a)?;
                while let Some(v) = ops::next(ts, &it)? {
                    if ops::eq(ts, &v, &a.args[1])? {
                        return Ok(new_bool(true));
                    }
                }
                Ok(new_bool(false))
            }),
            ("__repr__", |ts, a| {
                let r = a.args[0].downcast::<PyRange>().ok_or_else(|| err!(TypeError, "expected range"))?;
                let s = if r.step.as_small_int() == Some(1) {
                    format!("range({}, {})", ops::repr_string(ts, &r.start)?, ops::repr_string(ts, &r.stop)?)
                } else {
                    format!("range({}, {}, {})", ops::repr_string(ts, &r.start)?, ops::repr_string(ts, &r.stop)?, ops::repr_string(ts, &r.step)?)
                };
                Ok(new_string(s))
            }),
            ("__reversed__", |ts, a| {
                let (s, e, step) = range_big(&a)?;
                let n = range_len(&s, &e, &step);
                let last: num_bigint::BigInt = &s + (&n - 1) * &step;
                let first_out = &s - &step;
                let _ = ts;
                match (i64::try_from(&last), i64::try_from(&first_out), i64::try_from(&step)) {
                    _ if n <= 0.into() => Ok(alloc(rt().types.range_iterator, PyIter { state: crate::lock::ShortMutex::new(IterState::Exhausted) })),
                    (Ok(l), Ok(f), Ok(st_)) => Ok(alloc(rt().types.range_iterator, PyIter { state: crate::lock::ShortMutex::new(IterState::Range { next: l, stop: f, step: -st_ }) })),
                    _ => Ok(alloc(rt().types.range_iterator, PyIter { state: crate::lock::ShortMutex::new(IterState::BigRange { next: last, stop: first_out, step: -step }) })),
                }
            }),
            ("index", |ts, a| {
                check_args("index", a, 1, 1)?;
                let (s, _e, step) = range_big(&a)?;
                let c = ops::call_dunder(ts, &a.args[0], "__contains__", &[a.args[1].clone()])?.unwrap_or_else(none);
                if !c.is(&rt().true_) {
                    raise!(ValueError, "range.index(x): x not in range");
                }
                let x = crate::num::int_to_big(&a.args[1]).unwrap_or_default();
                Ok(crate::num::new_bigint((x - s) / step))
            }),
            ("count", |ts, a| {
                let c = ops::call_dunder(ts, &a.args[0], "__contains__", &[a.args[1].clone()])?.unwrap_or_else(none);
                Ok(new_int(if c.is(&rt().true_) { 1 } else { 0 }))
            }),
            ("__eq__", |ts, a| {
                check_args("__eq__", a, 1, 1)?;
                if a.args[1].downcast::<PyRange>().is_none() {
                    return Ok(rt().not_implemented.clone());
                }
                let x = ops::collect(ts, &a.args[0])?;
                let y = ops::collect(ts, &a.args[1])?;
                Ok(new_bool(x.len() == y.len() && x.iter().zip(&y).all(|(p, q)| crate::num::int_to_big(p) == crate::num::int_to_big(q))))
            }),
            ("__hash__", |ts, a| {
                let r = a.args[0].downcast::<PyRange>().ok_or_else(|| err!(TypeError, "expected range"))?;
                let t = new_tuple(vec![r.start.clone(), r.stop.clone(), r.step.clone()]);
                Ok(new_int(ops::hash(ts, &t)?))
            }),
            ("__bool__", |_, a| {
                let (s, e, step) = range_big(&a)?;
                Ok(new_bool(range_len(&s, &e, &step) > 0.into()))
            }),
        ],
    );
}

type Big = num_bigint::BigInt;

fn range_big(a: &Args<'_>) -> PyResult<(Big, Big, Big)> {
    let r = a.args[0].downcast::<PyRange>().ok_or_else(|| err!(TypeError, "expected range"))?;
    let g = |v: &Value| crate::num::int_to_big(v).unwrap_or_default();
    Ok((g(&r.start), g(&r.stop), g(&r.step)))
}

fn range_len(s: &Big, e: &Big, step: &Big) -> Big {
    let zero = Big::from(0);
    if *step > zero {
        if e > s { (e - s - 1) / step + 1 } else { zero }
    } else if s > e {
        (s - e - 1) / (-step) + 1
    } else {
        zero
    }
}

fn range_new(ts: &ThreadState, a: Args<'_>) -> PyResult {
    if a.has_kwargs() {
        raise!(TypeError, "range() takes no keyword arguments");
    }
    let pos = &a.args[1..];
    let idx = |v: &Value| ops::index(ts, v);
    let (start, stop, step) = match pos.len() {
        1 => (new_int(0), idx(&pos[0])?, new_int(1)),
        2 => (idx(&pos[0])?, idx(&pos[1])?, new_int(1)),
        3 => (idx(&pos[0])?, idx(&pos[1])?, idx(&pos[2])?),
        0 => raise!(TypeError, "range expected at least 1 argument, got 0"),
        n => raise!(TypeError, "range expected at most 3 arguments, got {}", n),
    };
    if step.as_small_int() == Some(0) {
        raise!(ValueError, "range() arg 3 must not be zero");
    }
    Ok(alloc(rt().types.range, PyRange { start, stop, step }))
}

/// The iterator of a range of immediate ints (the common case), with no
/// detour through big ints; None for other ranges.
fn small_range_iter(r: &PyRange) -> Option<Value> {
    let (next, stop, step) = (r.start.as_small_int()?, r.stop.as_small_int()?, r.step.as_small_int()?);
    Some(alloc(rt().types.range_iterator, PyIter { state: crate::lock::ShortMutex::new(IterState::Range { next, stop, step }) }))
}

fn range_iter(_ts: &ThreadState, a: Args<'_>) -> PyResult {
    if let Some(it) = a.args.first().and_then(|v| v.downcast::<PyRange>()).and_then(small_range_iter) {
        return Ok(it);
    }
    let (s, e, step) = range_big(&a)?;
    let state = match (i64::try_from(&s), i64::try_from(&e), i64::try_from(&step)) {
        (Ok(s), Ok(e), Ok(st_)) => IterState::Range { next: s, stop: e, step: st_ },
        _ => IterState::BigRange { next: s, stop: e, step },
    };
    Ok(alloc(rt().types.range_iterator, PyIter { state: crate::lock::ShortMutex::new(state) }))
}

fn range_getitem(ts: &ThreadState, a: Args<'_>) -> PyResult {
    check_args("__getitem__", a, 1, 1)?;
    let (s, e, step) = range_big(&a)?;
    let n = range_len(&s, &e, &step);
    let key = &a.args[1];
    if let Some(sl) = key.downcast::<PySlice>() {
        let (start, stop, sstep) = slice_indices_big(ts, sl, &n)?;
        let ns = &s + start * &step;
        let ne = &s + stop * &step;
        let nstep = &step * sstep;
        return Ok(alloc(rt().types.range, PyRange { start: crate::num::new_bigint(ns), stop: crate::num::new_bigint(ne), step: crate::num::new_bigint(nstep) }));
    }
    let i = crate::num::int_to_big(&ops::index(ts, key).map_err(|_| err!(TypeError, "range indices must be integers or slices, not {}", ops::type_name(key)))?).unwrap_or_default();
    let i = if i < 0.into() { i + &n } else { i };
    if i < 0.into() || i >= n {
        raise!(IndexError, "range object index out of range");
    }
    Ok(crate::num::new_bigint(s + i * step))
}

fn slice_new(_ts: &ThreadState, a: Args<'_>) -> PyResult {
    let pos = &a.args[1..];
    let (start, stop, step) = match pos.len() {
        1 => (none(), pos[0].clone(), none()),
        2 => (pos[0].clone(), pos[1].clone(), none()),
        3 => (pos[0].clone(), pos[1].clone(), pos[2].clone()),
        n => raise!(TypeError, "slice expected at {} 1 argument{}, got {}", if n == 0 { "least" } else { "most" }, if n == 0 { "" } else { "s" }, n),
    };
    Ok(new_slice(start, stop, step))
}

fn slice_repr(ts: &ThreadState, a: Args<'_>) -> PyResult {
    let s = a.args[0].downcast::<PySlice>().ok_or_else(|| err!(TypeError, "expected slice"))?;
    Ok(new_string(format!(
        "slice({}, {}, {})",
        ops::repr_string(ts, &s.start)?,
        ops::repr_string(ts, &s.stop)?,
        ops::repr_string(ts, &s.step)?
    )))
}

/// Slices compare (and hash) as the tuple (start, stop, step).
fn slice_tuple(s: &PySlice) -> Value {
    new_tuple(vec![s.start.clone(), s.stop.clone(), s.step.clone()])
}

fn slice_cmp(ts: &ThreadState, a: Args<'_>, op: CmpOp) -> PyResult {
    check_args(op.dunder(), a, 1, 1)?;
    let (Some(x), Some(y)) = (a.args[0].downcast::<PySlice>(), a.args[1].downcast::<PySlice>()) else {
        return Ok(rt().not_implemented.clone());
    };
    if a.args[0].is(&a.args[1]) && matches!(op, CmpOp::Eq | CmpOp::Ne) {
        return Ok(new_bool(op == CmpOp::Eq));
    }
    ops::rich_compare(ts, &slice_tuple(x), &slice_tuple(y), op)
}

/// `slice.indices(length)` in arbitrary precision: (start, stop, step) clamped as CPython does.
fn slice_indices_big(ts: &ThreadState, sl: &PySlice, len: &Big) -> PyResult<(Big, Big, Big)> {
    let as_big = |v: &Value| -> PyResult<Big> {
        let i = ops::index(ts, v).map_err(|_| err!(TypeError, "slice indices must be integers or None or have an __index__ method"))?;
        Ok(crate::num::int_to_big(&i).unwrap_or_default())
    };
    let step = if is_none(&sl.step) { Big::from(1) } else { as_big(&sl.step)? };
    if step == Big::from(0) {
        raise!(ValueError, "slice step cannot be zero");
    }
    let back = step < Big::from(0);
    let (lower, upper) = if back { (Big::from(-1), len - 1) } else { (Big::from(0), len.clone()) };
    let clamp = |v: &Value, default: &Big| -> PyResult<Big> {
        if is_none(v) {
            return Ok(default.clone());
        }
        let mut x = as_big(v)?;
        if x < Big::from(0) {
            x += len;
            if x < lower {
                x = lower.clone();
            }
        } else if x > upper {
            x = upper.clone();
        }
        Ok(x)
    };
    let start = clamp(&sl.start, if back { &upper } else { &lower })?;
    let stop = clamp(&sl.stop, if back { &lower } else { &upper })?;
    Ok((start, stop, step))
}

fn slice_indices_m(ts: &ThreadState, a: Args<'_>) -> PyResult {
    check_args("indices", a, 1, 1)?;
    let s = a.args[0].downcast::<PySlice>().ok_or_else(|| err!(TypeError, "expected slice"))?;
    let n = crate::num::int_to_big(&ops::index(ts, &a.args[1])?).unwrap_or_default();
    if n < Big::from(0) {
        raise!(ValueError, "length should not be negative");
    }
    let (start, stop, step) = slice_indices_big(ts, s, &n)?;
    let big = crate::num::new_bigint;
    Ok(new_tuple(vec![big(start), big(stop), big(step)]))
}

// ---------------------------------------------------------------- bytes

pub use super::bytes_type::{byte_value, bytes_data, bytes_like, bytes_repr};

pub fn container_attr(_ts: &ThreadState, obj: &Value, name: &str) -> PyResult<Option<Value>> {
    if let Some(s) = obj.downcast::<PySlice>() {
        return Ok(match name {
            "start" => Some(s.start.clone()),
            "stop" => Some(s.stop.clone()),
            "step" => Some(s.step.clone()),
            _ => None,
        });
    }
    if let Some(r) = obj.downcast::<PyRange>() {
        return Ok(match name {
            "start" => Some(r.start.clone()),
            "stop" => Some(r.stop.clone()),
            "step" => Some(r.step.clone()),
            _ => None,
        });
    }
    if let Some(v) = obj.downcast::<PyDictView>() {
        if name == "mapping" {
            return Ok(Some(alloc(rt().types.mappingproxy, PyDictView { dict: v.dict.clone() })));
        }
    }
    Ok(None)
}
