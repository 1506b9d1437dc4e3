//! `_bisect`: bisect_left/right and insort_left/right over any sequence,
//! with `lo`, `hi` and `key` as in CPython.

use spindle_vm::function::Args;
use spindle_vm::interp::ThreadState;
use spindle_vm::native::new_module;
use spindle_vm::num::new_int;
use spindle_vm::ops::{self, CmpOp};
use spindle_vm::runtime::{is_none, none};
use spindle_vm::{PyResult, Value, raise};

use super::{index_i64, parse};

fn search(ts: &ThreadState, a: &Args<'_>, name: &str, right: bool, insort: bool) -> PyResult<(Value, Value, usize)> {
    let [seq, x, lo, hi, key] = parse(name, a, 0, ["a", "x", "lo", "hi", "key"], 2)?;
    let seq = seq.unwrap_or_else(none);
    let x = x.unwrap_or_else(none);
    let lo = match lo {
        Some(v) => index_i64(ts, &v)?,
        None => 0,
    };
    if lo < 0 {
        raise!(ValueError, "lo must be non-negative");
    }
    let hi = match hi {
        Some(v) if !is_none(&v) => index_i64(ts, &v)?,
        _ => ops::len(ts, &seq)? as i64,
    };
    let key = key.filter(|k| !is_none(k));
    let kx = match (&key, insort) {
        (Some(k), true) => ops::call(ts, k, &[x.clone()])?,
        _ => x.clone(),
    };
    let (mut lo, mut hi) = (lo, hi);
    while lo < hi {
        let mid = lo + (hi - lo) / 2;
        let mut item = ops::getitem(ts, &seq, &new_int(mid))?;
        if let Some(k) = &key {
            item = ops::call(ts, k, &[item])?;
        }
        let go_left = if right { ops::compare_bool(ts, &kx, &item, CmpOp::Lt)? } else { !ops::compare_bool(ts, &item, &kx, CmpOp::Lt)? };
        if go_left {
            hi = mid;
        } else {
            lo = mid + 1;
        }
    }
    Ok((seq, x, lo as usize))
}

fn bisect_right(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    search(ts, &a, "bisect_right", true, false).map(|r| new_int(r.2 as i64))
}
fn bisect_left(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    search(ts, &a, "bisect_left", false, false).map(|r| new_int(r.2 as i64))
}
fn insort(ts: &ThreadState, a: &Args<'_>, name: &str, right: bool) -> PyResult<Value> {
    let (seq, x, i) = search(ts, a, name, right, true)?;
    ops::call_method(ts, &seq, "insert", &[new_int(i as i64), x])?;
    Ok(none())
}
fn insort_right(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    insort(ts, &a, "insort_right", true)
}
fn insort_left(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    insort(ts, &a, "insort_left", false)
}

pub(crate) fn init(_ts: &ThreadState) -> PyResult<Value> {
    Ok(new_module(
        "_bisect",
        &[("bisect_right", bisect_right), ("bisect_left", bisect_left), ("insort_right", insort_right), ("insort_left", insort_left)],
    ))
}
