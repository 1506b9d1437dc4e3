//! The `_typing` module: the primitives `typing` imports from its C half
//! (TypeVar, ParamSpec, TypeVarTuple, TypeAliasType, Generic, NoDefault,
//! Union, _idfunc), written in Python in `_typing.py` and run into a fresh
//! module at import.

use spindle_vm::error::PyResult;
use spindle_vm::interp::ThreadState;
use spindle_vm::value::Value;

mod operator;

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

/// `_imp`: the import hooks `importlib` expects (written in Python, `_imp.py`).
pub(crate) fn init_imp(ts: &ThreadState) -> PyResult<Value> {
    run_python_module(ts, "_imp", include_str!("_imp.py"))
}

/// `_warnings`: `warn`/`warn_explicit` forwarding to `warnings` (importlib's
/// bootstrap calls them), without the C state, so `warnings` keeps its
/// pure-Python implementation.
pub(crate) fn init_warnings(ts: &ThreadState) -> PyResult<Value> {
    run_python_module(ts, "_warnings", include_str!("_warnings.py"))
}

/// `_sysconfigdata_*`: the build-time variables `sysconfig` reads on POSIX.
/// Spindle has no Makefile or pyconfig.h, so only what is true of it is set;
/// `sysconfig` adds the interpreter-derived values itself.
pub(crate) fn init_sysconfigdata(ts: &ThreadState) -> PyResult<Value> {
    run_python_module(
        ts,
        "_sysconfigdata__linux_x86_64-linux-gnu",
        "build_time_vars = {'SOABI': 'spindle-314-x86_64-linux-gnu', 'EXT_SUFFIX': '.so', 'SHLIB_SUFFIX': '.so', 'MULTIARCH': 'x86_64-linux-gnu', 'HOST_GNU_TYPE': 'x86_64-pc-linux-gnu', 'WITH_DOC_STRINGS': 1}\n",
    )
}

/// `marshal`: importable (importlib imports it) but without a format yet.
/// FIXME(marshal): CPython's marshal format for the Lib's pyc/zipimport users.
pub(crate) fn init_marshal(ts: &ThreadState) -> PyResult<Value> {
    run_python_module(
        ts,
        "marshal",
        "version = 5\n\ndef dumps(value, version=version, /, *, allow_code=True):\n    raise ValueError('unmarshallable object')\n\ndef loads(data, /, *, allow_code=True):\n    raise EOFError('marshal data too short')\n\ndef dump(value, file, version=version, /, *, allow_code=True):\n    file.write(dumps(value, version))\n\ndef load(file, /, *, allow_code=True):\n    return loads(file.read())\n",
    )
}

/// `_operator`: only what the Lib needs beyond `operator.py` (which is pure
/// Python): `_compare_digest` for `hmac`/`secrets`.
pub(crate) fn init_operator(ts: &ThreadState) -> PyResult<Value> {
    let m = spindle_vm::native::new_module("_operator", &operator::functions());
    exec_into(
        ts,
        &m,
        "_operator",
        "def _compare_digest(a, b, /):\n    if isinstance(a, str) and isinstance(b, str):\n        if not (a.isascii() and b.isascii()):\n            raise TypeError('comparing strings with non-ASCII characters is not supported')\n        a = a.encode(); b = b.encode()\n    else:\n        for x in (a, b):\n            try:\n                memoryview(x)\n            except TypeError:\n                raise TypeError(f\"a bytes-like object is required, not '{type(x).__name__}'\") from None\n    a = bytes(a); b = bytes(b)\n    result = len(a) ^ len(b)\n    for x, y in zip(a, b if len(a) == len(b) else a):\n        result |= x ^ y\n    return result == 0\n",
    )
}

fn run_python_module(ts: &ThreadState, name: &str, src: &str) -> PyResult<Value> {
    let m = spindle_vm::native::new_module(name, &[]);
    exec_into(ts, &m, name, src)
}

/// Runs `src` in module `m`'s namespace; returns `m`.
fn exec_into(ts: &ThreadState, m: &Value, name: &str, src: &str) -> PyResult<Value> {
    let m = m.clone();
    let Some(d) = spindle_vm::native::module_dict(&m) else { return Ok(m) };
    d.set_str(spindle_vm::str::new_str("__builtins__"), ts.interp.builtins.clone());
    let globals = m.downcast::<spindle_vm::cell::PyModule>().map(|pm| pm.dict.clone());
    if let Some(globals) = globals {
        let code = spindle_vm::import::compile_source(ts, src, &format!("<{name}>"), "exec")?;
        spindle_vm::eval::run_code(ts, &code, &globals, None)?;
    }
    Ok(m)
}

/// A capsule: an opaque pointer CPython's C modules hand each other.
/// Spindle makes none yet; the type exists for `types.CapsuleType`.
pub(crate) struct PyCapsule;

impl spindle_vm::object::PyPayload for PyCapsule {
    const KIND: spindle_vm::object::PayloadKind = crate::kinds::kind(crate::kinds::TYPING_BASE);
}

static CAPSULE_T: std::sync::OnceLock<spindle_vm::object::TypeRef> = std::sync::OnceLock::new();

/// `_types`: the internal types `types` re-exports (Python, `_types.py`),
/// with `CapsuleType`, which Python code cannot reach otherwise.
pub(crate) fn init_types(ts: &ThreadState) -> PyResult<Value> {
    let m = spindle_vm::native::new_module("_types", &[]);
    let t = *CAPSULE_T.get_or_init(|| spindle_vm::native::new_type::<PyCapsule>("PyCapsule", "builtins", None, false));
    spindle_vm::native::add_value(&m, "CapsuleType", t.to_value());
    exec_into(ts, &m, "_types", include_str!("_types.py"))
}

/// `_opcode`: what `opcode`/`dis` import (written in Python, `_opcode.py`).
pub(crate) fn init_opcode(ts: &ThreadState) -> PyResult<Value> {
    let m = spindle_vm::native::new_module("_opcode", &[]);
    let Some(d) = spindle_vm::native::module_dict(&m) else { return Ok(m) };
    d.set_str(spindle_vm::str::new_str("__builtins__"), ts.interp.builtins.clone());
    let globals = m.downcast::<spindle_vm::cell::PyModule>().map(|pm| pm.dict.clone());
    if let Some(globals) = globals {
        let code = spindle_vm::import::compile_source(ts, include_str!("_opcode.py"), "<_opcode>", "exec")?;
        spindle_vm::eval::run_code(ts, &code, &globals, None)?;
    }
    Ok(m)
}
