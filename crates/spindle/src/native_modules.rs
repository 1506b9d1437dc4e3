//! The one table of native (Rust) modules this binary provides, by import name.

use spindle_vm::interp::{NativeModuleDef, ThreadState};
use spindle_vm::{PyResult, Value};

/// The environment variable that makes `_spindle_test_gil_module` importable.
const TEST_GIL_MODULE_VAR: &str = "SPINDLE_TEST_GIL_MODULE";

pub fn table() -> Vec<(&'static str, NativeModuleDef)> {
    #[cfg(feature = "stdlib")]
    let mut t = spindle_stdlib::table();
    #[cfg(not(feature = "stdlib"))]
    let mut t = Vec::new();
    // Test-only: the one module that does not declare it can run without
    // the GIL, so tests can exercise CPython's "GIL has been enabled to load
    // module" path (crates/spindle/tests/gil.rs). Absent unless asked for.
    if std::env::var_os(TEST_GIL_MODULE_VAR).is_some_and(|v| v == "1") {
        t.push(("_spindle_test_gil_module", NativeModuleDef::requires_gil(init_test_gil_module)));
    }
    t
}

fn init_test_gil_module(_ts: &ThreadState) -> PyResult<Value> {
    Ok(spindle_vm::native::new_module("_spindle_test_gil_module", &[]))
}
