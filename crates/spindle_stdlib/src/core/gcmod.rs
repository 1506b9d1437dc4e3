//! The `gc` module: a thin layer over the VM's cycle collector
//! (`spindle_vm::gc`); its state lives in the interpreter.

use std::sync::atomic::Ordering;

use spindle_vm::error::PyResult;
use spindle_vm::function::Args;
use spindle_vm::interp::ThreadState;
use spindle_vm::num::{new_bool, new_int};
use spindle_vm::runtime::{is_none, none};
use spindle_vm::seq::{new_list, new_tuple};
use spindle_vm::value::Value;
use spindle_vm::{native, ops, raise};

use crate::os::parse;

fn int_arg(ts: &ThreadState, v: &Value) -> PyResult<i64> {
    if let Some(i) = spindle_vm::num::int_to_i64(v) {
        return Ok(i);
    }
    if spindle_vm::num::float_value(v).is_some() {
        raise!(TypeError, "'float' object cannot be interpreted as an integer");
    }
    let i = ops::index(ts, v)?;
    match spindle_vm::num::int_to_i64(&i) {
        Some(i) => Ok(i),
        None => raise!(OverflowError, "Python int too large to convert to C int"),
    }
}

fn no_args(name: &str, a: &Args<'_>) -> PyResult<()> {
    if !a.args.is_empty() {
        if !a.kwnames.is_empty() {
            raise!(TypeError, "gc.{}() takes no keyword arguments", name);
        }
        raise!(TypeError, "gc.{}() takes no arguments ({} given)", name, a.args.len());
    }
    Ok(())
}

fn one_positional<'a>(name: &str, a: &'a Args<'a>) -> PyResult<&'a Value> {
    if !a.kwnames.is_empty() {
        raise!(TypeError, "gc.{}() takes no keyword arguments", name);
    }
    match a.args {
        [x] => Ok(x),
        _ => raise!(TypeError, "gc.{}() takes exactly one argument ({} given)", name, a.args.len()),
    }
}

fn collect(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let [g] = parse("collect", a, ["generation"], 0)?;
    let generation = match &g {
        Some(v) => int_arg(ts, v)?,
        None => 2,
    };
    if !(0..=2).contains(&generation) {
        raise!(ValueError, "invalid generation");
    }
    let n = spindle_vm::gc::collect(ts, generation as usize)?;
    Ok(new_int(n as i64))
}

fn enable(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    no_args("enable", &a)?;
    ts.interp.gc.enabled.store(true, Ordering::Relaxed);
    Ok(none())
}

fn disable(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    no_args("disable", &a)?;
    ts.interp.gc.enabled.store(false, Ordering::Relaxed);
    Ok(none())
}

fn isenabled(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    no_args("isenabled", &a)?;
    Ok(new_bool(ts.interp.gc.enabled.load(Ordering::Relaxed)))
}

fn get_threshold(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    no_args("get_threshold", &a)?;
    let t = &ts.interp.gc.threshold;
    Ok(new_tuple(t.iter().map(|x| new_int(x.load(Ordering::Relaxed) as i64)).collect()))
}

fn set_threshold(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    if !a.kwnames.is_empty() {
        raise!(TypeError, "set_threshold() takes no keyword arguments");
    }
    if a.args.is_empty() || a.args.len() > 3 {
        raise!(TypeError, "set_threshold() takes from 1 to 3 positional arguments but {} were given", a.args.len());
    }
    let mut vals = Vec::new();
    for v in a.args {
        let i = int_arg(ts, v)?;
        if i < i32::MIN as i64 || i > i32::MAX as i64 {
            raise!(OverflowError, "signed integer is greater than maximum");
        }
        vals.push(i.max(0) as usize);
    }
    for (i, v) in vals.into_iter().enumerate() {
        ts.interp.gc.threshold[i].store(v, Ordering::Relaxed);
    }
    Ok(none())
}

fn get_count(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    no_args("get_count", &a)?;
    let (c0, c1, c2) = ts.interp.gc.count();
    Ok(new_tuple(vec![new_int(c0 as i64), new_int(c1 as i64), new_int(c2 as i64)]))
}

fn get_debug(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    no_args("get_debug", &a)?;
    Ok(new_int(ts.interp.gc.debug.load(Ordering::Relaxed) as i64))
}

fn set_debug(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let f = one_positional("set_debug", &a)?;
    let v = int_arg(ts, f)?;
    ts.interp.gc.debug.store(v as u32, Ordering::Relaxed);
    Ok(none())
}

fn get_objects(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let [g] = parse("get_objects", a, ["generation"], 0)?;
    let generation = match g.as_ref().filter(|v| !is_none(v)) {
        None => None,
        Some(v) => {
            let i = int_arg(ts, v)?;
            if i >= 3 {
                raise!(ValueError, "generation parameter must be less than the number of available generations (3)");
            }
            if i < 0 {
                raise!(ValueError, "generation parameter cannot be negative");
            }
            Some(i as usize)
        }
    };
    Ok(new_list(spindle_vm::gc::get_objects(ts, generation)?.into_iter().filter(shown).collect()))
}

fn get_stats(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    no_args("get_stats", &a)?;
    let mut out = Vec::new();
    for s in ts.interp.gc.stats() {
        let d = spindle_vm::builtins_init::new_dict();
        if let Some(dd) = d.downcast::<spindle_vm::dict::PyDict>() {
            dd.set_str(spindle_vm::str::intern("collections"), new_int(s.collections as i64));
            dd.set_str(spindle_vm::str::intern("collected"), new_int(s.collected as i64));
            dd.set_str(spindle_vm::str::intern("uncollectable"), new_int(s.uncollectable as i64));
        }
        out.push(d);
    }
    Ok(new_list(out))
}

fn get_referrers(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    if !a.kwnames.is_empty() {
        raise!(TypeError, "gc.get_referrers() takes no keyword arguments");
    }
    Ok(new_list(spindle_vm::gc::get_referrers(ts, a.args)?.into_iter().filter(shown).collect()))
}

fn get_referents(_ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    if !a.kwnames.is_empty() {
        raise!(TypeError, "gc.get_referents() takes no keyword arguments");
    }
    Ok(new_list(spindle_vm::gc::get_referents(a.args)))
}

fn is_tracked(_ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let o = one_positional("is_tracked", &a)?;
    Ok(new_bool(spindle_vm::gc::is_tracked(o) && shown(o)))
}

/// Whether the `gc` module shows a tracked object. Code objects are tracked
/// only so that they can be deferred once a second thread starts; CPython's
/// are no GC objects at all, so they never appear as tracked.
fn shown(v: &Value) -> bool {
    v.type_ref().payload_kind() != spindle_vm::kinds::CODE
}

fn is_finalized(_ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let o = one_positional("is_finalized", &a)?;
    Ok(new_bool(o.header().map(|h| h.has_flag(spindle_vm::header::flags::FINALIZED)).unwrap_or(false)))
}

fn freeze(_ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    no_args("freeze", &a)?;
    spindle_vm::gc::freeze();
    Ok(none())
}

fn unfreeze(_ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    no_args("unfreeze", &a)?;
    spindle_vm::gc::unfreeze();
    Ok(none())
}

fn get_freeze_count(_ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    no_args("get_freeze_count", &a)?;
    Ok(new_int(spindle_vm::gc::freeze_count() as i64))
}

pub fn init(ts: &ThreadState) -> PyResult<Value> {
    let m = native::new_module(
        "gc",
        &[
            ("collect", collect),
            ("enable", enable),
            ("disable", disable),
            ("isenabled", isenabled),
            ("get_threshold", get_threshold),
            ("set_threshold", set_threshold),
            ("get_count", get_count),
            ("get_debug", get_debug),
            ("set_debug", set_debug),
            ("get_objects", get_objects),
            ("get_stats", get_stats),
            ("get_referrers", get_referrers),
            ("get_referents", get_referents),
            ("is_tracked", is_tracked),
            ("is_finalized", is_finalized),
            ("freeze", freeze),
            ("unfreeze", unfreeze),
            ("get_freeze_count", get_freeze_count),
        ],
    );
    native::add_value(&m, "garbage", ts.interp.gc.garbage.clone());
    native::add_value(&m, "callbacks", ts.interp.gc.callbacks.clone());
    for (n, v) in [("DEBUG_STATS", 1), ("DEBUG_COLLECTABLE", 2), ("DEBUG_UNCOLLECTABLE", 4), ("DEBUG_SAVEALL", 32), ("DEBUG_LEAK", 38)] {
        native::add_value(&m, n, new_int(v));
    }
    Ok(m)
}
