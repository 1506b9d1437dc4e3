//! `_ast`: the AST node classes `Lib/ast.py` re-exports, plus the `PyCF_*`
//! compile flags. The classes are plain Python (`_ast.py`, written for
//! Spindle) executed in the module's namespace at import.
//! FIXME: `compile(..., PyCF_ONLY_AST)` (and so `ast.parse`) needs the VM to
//! build these nodes from the compiler's AST; not done yet.

use spindle_vm::error::PyResult;
use spindle_vm::interp::ThreadState;
use spindle_vm::value::Value;

/// Creates module `_ast` and runs its Python body in it.
pub(crate) fn init(ts: &ThreadState) -> PyResult<Value> {
    let m = spindle_vm::native::new_module("_ast", &[]);
    let Some(d) = m.downcast::<spindle_vm::cell::PyModule>().map(|p| p.dict.clone()) else { return Ok(m) };
    if let Some(dd) = spindle_vm::native::module_dict(&m) {
        dd.set_str(spindle_vm::str::intern("__builtins__"), ts.interp.builtins.clone());
    }
    let code = spindle_vm::import::compile_source(ts, include_str!("_ast.py"), "<spindle:_ast>", "exec")?;
    spindle_vm::eval::run_code(ts, &code, &d, None)?;
    Ok(m)
}
