//! The `_typing` module: the primitives `typing` imports from its C half
//! (TypeVar, ParamSpec, TypeVarTuple, TypeAliasType, Generic, NoDefault,
//! Union, _idfunc), written in Python in `_typing.py` and run into a fresh
//! module at import.

use spindle_vm::error::PyResult;
use spindle_vm::interp::ThreadState;
use spindle_vm::value::Value;

const PY_SRC: &str = include_str!("_typing.py");

pub(crate) fn init(ts: &ThreadState) -> PyResult<Value> {
    let m = spindle_vm::native::new_module("_typing", &[]);
    let Some(d) = spindle_vm::native::module_dict(&m) else { return Ok(m) };
    if d.get_str("__builtins__").is_none() {
        d.set_str(spindle_vm::str::new_str("__builtins__"), ts.interp.builtins.clone());
    }
    let globals = m.downcast::<spindle_vm::cell::PyModule>().map(|pm| pm.dict.clone());
    if let Some(globals) = globals {
        let code = spindle_vm::import::compile_source(ts, PY_SRC, "<_typing>", "exec")?;
        spindle_vm::eval::run_code(ts, &code, &globals, None)?;
    }
    Ok(m)
}
