//! The core native modules (`itertools`, `_collections`, `_functools`,
//! `_weakref`, `gc`, `atexit`, `_codecs`, `_string`, `_locale`, `_signal`,
//! `_contextvars`, `pyexpat`, `_abc`). Each is a Rust part (module object, native functions and
//! types) plus, where that was quicker to get right, a Python part written
//! for Spindle (under `py/`) executed in the module's namespace at import.

mod codecs;
mod deque;
mod gcmod;
mod itertools;
mod json;
mod abc;
pub(crate) mod partial;
mod weakref;

use spindle_vm::error::PyResult;
use spindle_vm::interp::{NativeModuleInit, ThreadState};
use spindle_vm::value::Value;

pub(crate) fn table() -> Vec<(&'static str, NativeModuleInit)> {
    vec![
        ("itertools", itertools::init),
        ("_collections", |ts| {
            let m = spindle_vm::native::new_module("_collections", &[]);
            deque::add_to(&m);
            exec_py(ts, &m, include_str!("py/_collections.py"), "_collections")?;
            Ok(m)
        }),
        ("_functools", |ts| {
            let m = py_module(ts, "_functools", include_str!("py/_functools.py"))?;
            partial::add_to(ts, &m);
            Ok(m)
        }),
        ("_weakref", weakref::init),
        ("_abc", abc::init),
        ("gc", gcmod::init),
        ("atexit", |ts| py_module(ts, "atexit", include_str!("py/atexit.py"))),
        ("_codecs", codecs::init),
        ("_json", json::init),
        ("_string", |ts| py_module(ts, "_string", include_str!("py/_string.py"))),
        ("_locale", |ts| py_module(ts, "_locale", include_str!("py/_locale.py"))),
        ("_signal", |ts| py_module(ts, "_signal", include_str!("py/_signal.py"))),
        ("_contextvars", |ts| py_module(ts, "_contextvars", include_str!("py/_contextvars.py"))),
        // FIXME(perf): a Python XML scanner; a Rust one would be faster.
        ("pyexpat", |ts| py_module(ts, "pyexpat", include_str!("py/pyexpat.py"))),
    ]
}

/// `_generic_alias(cls, item)`: `types.GenericAlias(cls, item)` for the Python parts.
fn generic_alias(ts: &ThreadState, a: spindle_vm::function::Args<'_>) -> PyResult<Value> {
    match a.args {
        [cls, item] => spindle_vm::builtins_init::generic_alias(ts, cls, item),
        _ => spindle_vm::raise!(TypeError, "_generic_alias expected 2 arguments"),
    }
}

/// A module whose body is the Python `source`.
fn py_module(ts: &ThreadState, name: &str, source: &str) -> PyResult<Value> {
    let m = spindle_vm::native::new_module(name, &[]);
    exec_py(ts, &m, source, name)?;
    Ok(m)
}

/// Runs `source` in the namespace of module `m`.
pub(crate) fn exec_py(ts: &ThreadState, m: &Value, source: &str, name: &str) -> PyResult<()> {
    let Some(d) = m.downcast::<spindle_vm::cell::PyModule>().map(|p| p.dict.clone()) else { return Ok(()) };
    if let Some(dd) = spindle_vm::native::module_dict(m) {
        dd.set_str(spindle_vm::str::intern("__builtins__"), ts.interp.builtins.clone());
        dd.set_str(spindle_vm::str::intern("_generic_alias"), spindle_vm::function::new_native("_generic_alias", generic_alias));
    }
    let code = spindle_vm::import::compile_source(ts, source, &format!("<spindle:{name}>"), "exec")?;
    spindle_vm::eval::run_code(ts, &code, &d, None)?;
    Ok(())
}
