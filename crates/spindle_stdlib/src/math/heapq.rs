//! `_heapq`: the binary-heap primitives over a list (min-heap and, as in
//! 3.14, max-heap), sifting as heapq.py documents so heaps are laid out
//! exactly as CPython's. The list's lock is never held across a comparison
//! (which runs Python code); a list resized meanwhile raises RuntimeError.

use spindle_vm::function::Args;
use spindle_vm::interp::ThreadState;
use spindle_vm::native::new_module;
use spindle_vm::ops::{self, CmpOp};
use spindle_vm::runtime::none;
use spindle_vm::seq::PyList;
use spindle_vm::{PyErr, PyResult, Value, err, raise};

fn changed() -> PyErr {
    err!(RuntimeError, "list changed size during iteration")
}

fn get(h: &PyList, i: usize) -> PyResult<Value> {
    h.items.lock().get(i).cloned().ok_or_else(changed)
}

fn set(h: &PyList, i: usize, v: Value) -> PyResult<()> {
    let mut g = h.items.lock();
    if i >= g.len() {
        return Err(changed());
    }
    let old = g.set(i, v);
    // Released after the lock: its `__del__` may touch the heap.
    drop(g);
    drop(old);
    Ok(())
}

/// `a` sorts before `b` in this heap (`a < b`, or `b < a` for a max-heap);
/// the list must keep length `n` through the comparison.
fn before(ts: &ThreadState, h: &PyList, n: usize, a: &Value, b: &Value, max: bool) -> PyResult<bool> {
    let r = if max { ops::compare_bool(ts, b, a, CmpOp::Lt)? } else { ops::compare_bool(ts, a, b, CmpOp::Lt)? };
    if h.len() != n {
        return Err(changed());
    }
    Ok(r)
}

/// Moves the item at `pos` up towards `start` while it sorts before its parent.
fn sift_down(ts: &ThreadState, h: &PyList, start: usize, mut pos: usize, max: bool) -> PyResult<()> {
    let n = h.len();
    let item = get(h, pos)?;
    while pos > start {
        let parent_pos = (pos - 1) >> 1;
        let parent = get(h, parent_pos)?;
        if !before(ts, h, n, &item, &parent, max)? {
            break;
        }
        set(h, pos, parent)?;
        pos = parent_pos;
    }
    set(h, pos, item)
}

/// Moves the smaller child up until the hole at `pos` reaches a leaf, puts
/// the item there, then sifts it back into place.
fn sift_up(ts: &ThreadState, h: &PyList, mut pos: usize, max: bool) -> PyResult<()> {
    let n = h.len();
    let start = pos;
    let item = get(h, pos)?;
    let mut child = 2 * pos + 1;
    while child < n {
        let right = child + 1;
        if right < n {
            let (c, r) = (get(h, child)?, get(h, right)?);
            if !before(ts, h, n, &c, &r, max)? {
                child = right;
            }
        }
        set(h, pos, get(h, child)?)?;
        pos = child;
        child = 2 * pos + 1;
    }
    set(h, pos, item)?;
    sift_down(ts, h, start, pos, max)
}

fn heap_arg<'a>(v: &'a Value) -> PyResult<&'a PyList> {
    match v.downcast::<PyList>() {
        Some(l) => Ok(l),
        None => raise!(TypeError, "heap argument must be a list"),
    }
}

fn args<'a, const N: usize>(name: &str, a: &'a Args<'_>) -> PyResult<&'a [Value; N]> {
    if a.has_kwargs() {
        raise!(TypeError, "{}() takes no keyword arguments", name);
    }
    let pos = a.positional();
    match <&[Value; N]>::try_from(pos) {
        Ok(v) => Ok(v),
        Err(_) if N == 1 => raise!(TypeError, "{}() takes exactly one argument ({} given)", name, pos.len()),
        Err(_) => raise!(TypeError, "{} expected {} arguments, got {}", name, N, pos.len()),
    }
}

fn push(ts: &ThreadState, a: Args<'_>, name: &str, max: bool) -> PyResult<Value> {
    let [heap, item] = args::<2>(name, &a)?;
    let h = heap_arg(heap)?;
    let n = {
        let mut g = h.items.lock();
        g.push(item.clone());
        g.len()
    };
    sift_down(ts, h, 0, n - 1, max)?;
    Ok(none())
}

fn pop(ts: &ThreadState, a: Args<'_>, name: &str, max: bool) -> PyResult<Value> {
    let [heap] = args::<1>(name, &a)?;
    let h = heap_arg(heap)?;
    let (last, rest) = {
        let mut g = h.items.lock();
        match g.pop() {
            Some(v) => (v, g.len()),
            None => raise!(IndexError, "index out of range"),
        }
    };
    if rest == 0 {
        return Ok(last);
    }
    let top = get(h, 0)?;
    set(h, 0, last)?;
    sift_up(ts, h, 0, max)?;
    Ok(top)
}

fn replace(ts: &ThreadState, a: Args<'_>, name: &str, max: bool) -> PyResult<Value> {
    let [heap, item] = args::<2>(name, &a)?;
    let h = heap_arg(heap)?;
    let top = {
        let mut g = h.items.lock();
        if g.is_empty() {
            drop(g);
            raise!(IndexError, "index out of range");
        }
        g.replace(0, item.clone())
    };
    sift_up(ts, h, 0, max)?;
    Ok(top)
}

fn pushpop(ts: &ThreadState, a: Args<'_>, name: &str, max: bool) -> PyResult<Value> {
    let [heap, item] = args::<2>(name, &a)?;
    let h = heap_arg(heap)?;
    let n = h.len();
    let Some(top) = h.items.lock().first().cloned() else { return Ok(item.clone()) };
    if !before(ts, h, n, &top, item, max)? {
        return Ok(item.clone());
    }
    let top = {
        let mut g = h.items.lock();
        if g.is_empty() {
            return Err(changed());
        }
        g.replace(0, item.clone())
    };
    sift_up(ts, h, 0, max)?;
    Ok(top)
}

fn heapify(ts: &ThreadState, a: Args<'_>, name: &str, max: bool) -> PyResult<Value> {
    let [heap] = args::<1>(name, &a)?;
    let h = heap_arg(heap)?;
    let n = h.len();
    for i in (0..n / 2).rev() {
        sift_up(ts, h, i, max)?;
    }
    Ok(none())
}

pub(crate) fn init(_ts: &ThreadState) -> PyResult<Value> {
    Ok(new_module(
        "_heapq",
        &[
            ("heappush", |ts, a| push(ts, a, "heappush", false)),
            ("heappop", |ts, a| pop(ts, a, "heappop", false)),
            ("heapreplace", |ts, a| replace(ts, a, "heapreplace", false)),
            ("heappushpop", |ts, a| pushpop(ts, a, "heappushpop", false)),
            ("heapify", |ts, a| heapify(ts, a, "heapify", false)),
            ("heappush_max", |ts, a| push(ts, a, "heappush_max", true)),
            ("heappop_max", |ts, a| pop(ts, a, "heappop_max", true)),
            ("heapreplace_max", |ts, a| replace(ts, a, "heapreplace_max", true)),
            ("heappushpop_max", |ts, a| pushpop(ts, a, "heappushpop_max", true)),
            ("heapify_max", |ts, a| heapify(ts, a, "heapify_max", true)),
        ],
    ))
}
