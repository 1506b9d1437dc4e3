//! `_collections`' native helpers for its Python `deque` (py/_collections.py),
//! which keeps its items in a list: the steps that must be one atomic
//! change of that list, as each deque operation is in CPython (a bounded
//! append that also drops the item at the other end, a bounded insert,
//! rotate, remove), done under the list's lock.

use spindle_vm::error::PyResult;
use spindle_vm::function::Args;
use spindle_vm::interp::ThreadState;
use spindle_vm::num::{int_to_i64, new_bool};
use spindle_vm::runtime::none;
use spindle_vm::seq::PyList;
use spindle_vm::value::Value;
use spindle_vm::{ops, raise};

pub(crate) const FUNCTIONS: &[(&str, spindle_vm::function::NativeFnPtr)] =
    &[("_push", push), ("_insert", insert), ("_rotate", rotate), ("_remove", remove)];

fn list_arg<'a>(a: &'a Args<'_>, what: &str) -> PyResult<&'a PyList> {
    match a.args.first().and_then(|v| v.downcast::<PyList>()) {
        Some(l) => Ok(l),
        None => raise!(TypeError, "{what}() argument 1 must be list"),
    }
}

fn usize_arg(v: Option<&Value>, what: &str) -> PyResult<usize> {
    match v.and_then(int_to_i64) {
        Some(n) if n >= 0 => Ok(n as usize),
        _ => raise!(TypeError, "{what}() expects a non-negative int"),
    }
}

/// `_push(items, x, maxlen, left)`: appends `x` (at the front when `left`)
/// and drops items from the other end until at most `maxlen` remain.
fn push(ts: &ThreadState, a: Args<'_>) -> PyResult {
    let l = list_arg(&a, "_push")?;
    let (Some(x), Some(left)) = (a.args.get(1), a.args.get(3)) else { raise!(TypeError, "_push() takes 4 arguments") };
    let maxlen = usize_arg(a.args.get(2), "_push")?;
    let left = ops::is_true(ts, left)?;
    let mut items = l.items.lock();
    let dropped: Vec<Value> = if left {
        items.insert(0, x.clone());
        let keep = maxlen.min(items.len());
        items.drain(keep..).collect()
    } else {
        items.push(x.clone());
        let cut = items.len().saturating_sub(maxlen);
        items.drain(..cut).collect()
    };
    // Released after the lock: a `__del__` may touch this deque.
    drop(items);
    drop(dropped);
    Ok(none())
}

/// `_insert(items, i, x, maxlen)`: `items.insert(i, x)` unless `maxlen`
/// items are there already (IndexError, as deque.insert).
fn insert(_ts: &ThreadState, a: Args<'_>) -> PyResult {
    let l = list_arg(&a, "_insert")?;
    let (Some(i), Some(x)) = (a.args.get(1).and_then(int_to_i64), a.args.get(2)) else { raise!(TypeError, "_insert() expects (list, int, object, int)") };
    let maxlen = usize_arg(a.args.get(3), "_insert")?;
    let mut items = l.items.lock();
    let n = items.len() as i64;
    if items.len() >= maxlen {
        drop(items);
        raise!(IndexError, "deque already at its maximum size");
    }
    let at = if i < 0 { (i + n).max(0) } else { i.min(n) };
    items.insert(at as usize, x.clone());
    Ok(none())
}

/// `_rotate(items, n)`: rotates right by `n` (left when negative); false
/// when nothing moved (fewer than two items, or a whole number of turns).
fn rotate(_ts: &ThreadState, a: Args<'_>) -> PyResult {
    let l = list_arg(&a, "_rotate")?;
    let Some(n) = a.args.get(1).and_then(int_to_i64) else { raise!(TypeError, "_rotate() expects (list, int)") };
    let mut items = l.items.lock();
    let k = items.len() as i64;
    if k <= 1 {
        return Ok(new_bool(false));
    }
    let r = n.rem_euclid(k) as usize;
    if r == 0 {
        return Ok(new_bool(false));
    }
    items.rotate_right(r);
    Ok(new_bool(true))
}

/// `_remove(items, x)`: removes the first item equal to `x` (list.remove's
/// search); false when there is none.
fn remove(ts: &ThreadState, a: Args<'_>) -> PyResult {
    let l = list_arg(&a, "_remove")?;
    let Some(x) = a.args.get(1) else { raise!(TypeError, "_remove() takes 2 arguments") };
    Ok(new_bool(spindle_vm::builtins_init::containers::list_remove_value(ts, l, x)?))
}
