//! The `_typing` module: the primitives `typing` imports from its C half
//! (TypeVar, ParamSpec, TypeVarTuple, TypeAliasType, Generic, NoDefault,
//! Union, _idfunc), written in Python in `_typing.py` and run into a fresh
//! module at import.

mod marshal;

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
    let m = run_python_module(ts, "_imp", include_str!("_imp.py"))?;
    // importlib's MAGIC_NUMBER (two bytes, then "\r\n"), from this build's
    // code fingerprint: a `.pyc` another build wrote reads as stale.
    let magic = 0x8000 | (spindle_bytecode::code_fingerprint() & 0x7fff) as i64;
    spindle_vm::native::add_value(&m, "pyc_magic_number_token", spindle_vm::num::new_int(magic | (0x0d << 16) | (0x0a << 24)));
    Ok(m)
}

/// `_frozen_importlib` and `_frozen_importlib_external` (what `zipimport`
/// imports): in CPython the frozen `importlib._bootstrap` and
/// `_bootstrap_external`, which `importlib` adopts as its own. Here they are
/// those modules once `importlib` is whole. While `importlib/__init__.py`
/// runs (it tries these names first) they do not exist yet, so it takes its
/// other branch and sets its bootstrap up itself.
fn frozen_importlib_alias(ts: &ThreadState, name: &str, attr: &str) -> PyResult<Value> {
    use spindle_vm::dict::PyDict;
    let modules = ts.interp.modules.downcast::<PyDict>().and_then(|m| m.get_str("importlib"));
    let importlib = match modules {
        None => spindle_vm::import::import_module(ts, "importlib")?,
        Some(m) => {
            let whole = m.downcast::<spindle_vm::cell::PyModule>().and_then(|pm| pm.dict.downcast::<PyDict>().map(|d| d.get_str("_bootstrap_external").is_some()));
            if whole != Some(true) {
                let e = spindle_vm::err!(ModuleNotFoundError, "No module named '{}'", name);
                let _ = spindle_vm::ops::setattr(ts, e.value(), &spindle_vm::str::new_str("name"), Some(spindle_vm::str::new_str(name)));
                return Err(e);
            }
            m
        }
    };
    spindle_vm::ops::getattr_str(ts, &importlib, attr)
}

pub(crate) fn init_frozen_importlib(ts: &ThreadState) -> PyResult<Value> {
    frozen_importlib_alias(ts, "_frozen_importlib", "_bootstrap")
}

pub(crate) fn init_frozen_importlib_external(ts: &ThreadState) -> PyResult<Value> {
    frozen_importlib_alias(ts, "_frozen_importlib_external", "_bootstrap_external")
}

/// `_warnings`: the state `warnings` takes from its C half (`_warnings.py`)
/// and native `warn`/`warn_explicit`, which run `_py_warnings`' functions
/// and leave their frames out of the traceback of a warning raised as an
/// error (the "error" action), as CPython's C functions add no frames: the
/// traceback ends at the line that called `warnings.warn`.
pub(crate) fn init_warnings(ts: &ThreadState) -> PyResult<Value> {
    let m = run_python_module(ts, "_warnings", include_str!("_warnings.py"))?;
    if let Some(d) = spindle_vm::native::module_dict(&m) {
        d.set_str(spindle_vm::str::new_str("warn"), spindle_vm::function::new_native("warn", warnings_warn));
        d.set_str(spindle_vm::str::new_str("warn_explicit"), spindle_vm::function::new_native("warn_explicit", warnings_warn_explicit));
    }
    Ok(m)
}

fn warnings_warn(ts: &ThreadState, a: spindle_vm::function::Args<'_>) -> PyResult<Value> {
    call_py_warnings(ts, "warn", a)
}

fn warnings_warn_explicit(ts: &ThreadState, a: spindle_vm::function::Args<'_>) -> PyResult<Value> {
    call_py_warnings(ts, "warn_explicit", a)
}

/// Calls `_py_warnings.<name>` with `a` (this native caller adds no frame, so
/// `stacklevel` counts from the Python caller as in C). `warnings` is
/// imported first: it points `_py_warnings` at its state. An exception that
/// leaves the call loses the leading traceback entries of `_py_warnings`'
/// own frames.
fn call_py_warnings(ts: &ThreadState, name: &str, a: spindle_vm::function::Args<'_>) -> PyResult<Value> {
    use spindle_vm::ops;
    spindle_vm::import::import_module(ts, "warnings")?;
    let py = spindle_vm::import::import_module(ts, "_py_warnings")?;
    let func = ops::getattr_str(ts, &py, name)?;
    let err = match ops::call_args(ts, &func, a) {
        Ok(v) => return Ok(v),
        Err(e) => e,
    };
    let own_file = ops::getattr_str(ts, &py, "__file__").ok();
    let mut tb = ops::getattr_opt(ts, &err.0, "__traceback__").ok().flatten();
    let mut stripped = false;
    while let (Some(entry), Some(file)) = (tb.clone(), own_file.as_ref()) {
        if spindle_vm::runtime::is_none(&entry) {
            break;
        }
        let entry_file = ops::getattr_str(ts, &entry, "tb_frame")
            .and_then(|f| ops::getattr_str(ts, &f, "f_code"))
            .and_then(|c| ops::getattr_str(ts, &c, "co_filename"));
        match entry_file {
            Ok(f) if ops::eq(ts, &f, file).unwrap_or(false) => {
                tb = ops::getattr_opt(ts, &entry, "tb_next").ok().flatten();
                stripped = true;
            }
            _ => break,
        }
    }
    if stripped {
        let rest = tb.unwrap_or_else(spindle_vm::runtime::none);
        ops::setattr(ts, &err.0, &spindle_vm::str::new_str("__traceback__"), Some(rest))?;
    }
    Err(err)
}

/// `_sysconfigdata_t_*`: the build-time variables `sysconfig` reads on POSIX.
/// Spindle has no Makefile or pyconfig.h, so only what is true of it is set;
/// `sysconfig` adds the interpreter-derived values itself. Spindle is a
/// free-threaded build (CPython's `--disable-gil`: `Py_GIL_DISABLED`, ABI
/// flag `t`), whether or not GIL mode is on at run time.
pub(crate) fn init_sysconfigdata(ts: &ThreadState) -> PyResult<Value> {
    run_python_module(
        ts,
        SYSCONFIGDATA,
        "build_time_vars = {'SOABI': 'spindle-314t-x86_64-linux-gnu', 'EXT_SUFFIX': '.so', 'SHLIB_SUFFIX': '.so', 'MULTIARCH': 'x86_64-linux-gnu', 'HOST_GNU_TYPE': 'x86_64-pc-linux-gnu', 'WITH_DOC_STRINGS': 1, 'Py_GIL_DISABLED': 1, 'Py_DEBUG': 0, 'ABIFLAGS': 't'}\n",
    )
}

/// The name `sysconfig` derives from `sys.abiflags` ("t"), `sys.platform`
/// and `sys.implementation._multiarch`.
pub(crate) const SYSCONFIGDATA: &str = "_sysconfigdata_t_linux_x86_64-linux-gnu";

/// `marshal`: importable (importlib imports it) but without a format yet.
/// FIXME(marshal): CPython's marshal format for the Lib's pyc/zipimport users.
pub(crate) fn init_marshal(ts: &ThreadState) -> PyResult<Value> {
    marshal::init(ts)
}

/// `_operator`: only what the Lib needs beyond `operator.py` (which is pure
/// Python): `_compare_digest` for `hmac`/`secrets`.
pub(crate) fn init_operator(ts: &ThreadState) -> PyResult<Value> {
    let m = spindle_vm::native::new_module("_operator", &operator::functions());
    operator::add_classes(&m);
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
