//! `_pickle`: the native pickler and unpickler behind the Lib's `pickle.py`
//! (CPython's Modules/_pickle.c, 3.14): `Pickler`, `Unpickler` (both
//! subclassable from Python), `PickleBuffer`, the module functions
//! `dump`/`dumps`/`load`/`loads` and the three exception classes that
//! `pickle.py` re-exports. The output is byte-identical to CPython's C
//! pickler; bad input raises CPython's exceptions with its messages.
//!
//! Layout: `pickler.rs` writes (the `save` dispatch, framing, memo),
//! `unpickler.rs` reads (opcode loop, stack and marks, memo), `buffer.rs`
//! holds `PickleBuffer`. The exceptions are Python classes made at import.

mod buffer;
mod pickler;
mod unpickler;

use spindle_vm::function::Args;
use spindle_vm::interp::ThreadState;
use spindle_vm::object::{PayloadKind, PyPayload, alloc};
use spindle_vm::runtime::{none, rt};
use spindle_vm::str::new_str;
use spindle_vm::{PyErr, PyResult, Value, ops, raise};

/// Payload kinds of this module (`kinds::PICKLE_BASE`..+10).
pub(crate) const fn pickle_kind(n: u16) -> PayloadKind {
    crate::kinds::kind(crate::kinds::PICKLE_BASE + n)
}

/// The interpreter's `_pickle` state: the exception classes and the
/// registries of `copyreg` and `_compat_pickle` the C module caches.
pub(crate) struct PickleState {
    pub(crate) pickle_error: Value,
    pub(crate) pickling_error: Value,
    pub(crate) unpickling_error: Value,
    /// `copyreg.dispatch_table`.
    pub(crate) dispatch_table: Value,
    pub(crate) extension_registry: Value,
    pub(crate) inverted_registry: Value,
    pub(crate) extension_cache: Value,
    pub(crate) name_mapping_2to3: Value,
    pub(crate) import_mapping_2to3: Value,
    pub(crate) name_mapping_3to2: Value,
    pub(crate) import_mapping_3to2: Value,
}

impl PyPayload for PickleState {
    const KIND: PayloadKind = pickle_kind(0);
    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        for v in [
            &self.pickle_error,
            &self.pickling_error,
            &self.unpickling_error,
            &self.dispatch_table,
            &self.extension_registry,
            &self.inverted_registry,
            &self.extension_cache,
            &self.name_mapping_2to3,
            &self.import_mapping_2to3,
            &self.name_mapping_3to2,
            &self.import_mapping_3to2,
        ] {
            visit(v);
        }
    }
}

const STATE_KEY: &str = "_pickle";

/// The interpreter's `_pickle` state value (made by the first import).
pub(crate) fn state_value(ts: &ThreadState) -> PyResult<Value> {
    match ts.interp.module_state.lock().get(STATE_KEY) {
        Some(v) => Ok(v.clone()),
        None => raise!(RuntimeError, "_pickle is not initialised"),
    }
}

/// Runs `f` on the `_pickle` state.
pub(crate) fn with_state<R>(ts: &ThreadState, f: impl FnOnce(&PickleState) -> R) -> PyResult<R> {
    let v = state_value(ts)?;
    match v.downcast::<PickleState>() {
        Some(s) => Ok(f(s)),
        None => raise!(RuntimeError, "_pickle state is corrupt"),
    }
}

/// An exception of one of the module's classes with message `msg`.
fn exc(ts: &ThreadState, pick: fn(&PickleState) -> &Value, msg: &str) -> PyErr {
    match with_state(ts, |s| pick(s).clone()) {
        Ok(cls) => crate::math::exc_of(ts, &cls, msg),
        Err(e) => e,
    }
}

pub(crate) fn pickling_error(ts: &ThreadState, msg: &str) -> PyErr {
    exc(ts, |s| &s.pickling_error, msg)
}

pub(crate) fn unpickling_error(ts: &ThreadState, msg: &str) -> PyErr {
    exc(ts, |s| &s.unpickling_error, msg)
}

/// Whether `e` is an instance of the module's UnpicklingError.
pub(crate) fn is_unpickling_error(ts: &ThreadState, e: &PyErr) -> bool {
    with_state(ts, |s| {
        spindle_vm::object::TypeRef::from_value(&s.unpickling_error).is_some_and(|t| e.is_instance(t))
    })
    .unwrap_or(false)
}

/// `type(obj)` named as pickle's notes and messages name it: the
/// qualified name, prefixed by the module unless builtins or `__main__`.
pub(crate) fn type_label(ts: &ThreadState, t: spindle_vm::object::TypeRef) -> String {
    let qual = t.data().qualname.read().clone();
    let module = ops::getattr_str(ts, &t.to_value(), "__module__")
        .ok()
        .and_then(|m| spindle_vm::str::as_str(&m).map(str::to_owned));
    match module.as_deref() {
        None | Some("builtins") | Some("__main__") => qual,
        Some(m) => format!("{m}.{qual}"),
    }
}

/// Adds `note` to the exception `e` (`BaseException.add_note`).
pub(crate) fn add_note(ts: &ThreadState, e: &PyErr, note: &str) {
    spindle_vm::builtins_init::exceptions::add_note(ts, e, note);
}

pub(crate) fn import_attr(ts: &ThreadState, module: &str, name: &str) -> PyResult<Value> {
    let m = spindle_vm::import::import_module(ts, module)?;
    ops::getattr_str(ts, &m, name)
}

/// A boolean argument as `p` converts it (absent: `default`).
pub(crate) fn bool_arg(ts: &ThreadState, v: &Option<Value>, default: bool) -> PyResult<bool> {
    match v {
        Some(v) => ops::is_true(ts, v),
        None => Ok(default),
    }
}

/// `dump(obj, file, protocol=None, *, fix_imports=True, buffer_callback=None)`.
fn dump_fn(ts: &ThreadState, a: Args<'_>) -> PyResult {
    let [obj, file, protocol, fix_imports, buffer_callback] =
        pickler::bind_kwonly("dump", &a, ["obj", "file", "protocol", "fix_imports", "buffer_callback"], 2, 3)?;
    let obj = obj.unwrap_or_else(none);
    let file = file.unwrap_or_else(none);
    let mut p = pickler::PicklerCore::new(ts, Some(&file), protocol.as_ref(), bool_arg(ts, &fix_imports, true)?, buffer_callback.as_ref())?;
    p.dump_plain(ts, &obj)?;
    Ok(none())
}

/// `dumps(obj, protocol=None, *, fix_imports=True, buffer_callback=None)`.
fn dumps_fn(ts: &ThreadState, a: Args<'_>) -> PyResult {
    let [obj, protocol, fix_imports, buffer_callback] =
        pickler::bind_kwonly("dumps", &a, ["obj", "protocol", "fix_imports", "buffer_callback"], 1, 2)?;
    let obj = obj.unwrap_or_else(none);
    let mut p = pickler::PicklerCore::new(ts, None, protocol.as_ref(), bool_arg(ts, &fix_imports, true)?, buffer_callback.as_ref())?;
    let out = p.dump_plain(ts, &obj)?;
    Ok(spindle_vm::bytes::new_bytes(&out))
}

/// `load(file, *, fix_imports=True, encoding='ASCII', errors='strict', buffers=())`.
fn load_fn(ts: &ThreadState, a: Args<'_>) -> PyResult {
    let [file, fix_imports, encoding, errors, buffers] =
        pickler::bind_kwonly("load", &a, ["file", "fix_imports", "encoding", "errors", "buffers"], 1, 1)?;
    let file = file.unwrap_or_else(none);
    let opts = unpickler::Options::parse(ts, &fix_imports, &encoding, &errors, buffers.as_ref())?;
    let mut u = unpickler::UnpicklerCore::from_file(ts, &file, opts)?;
    u.load(ts, None)
}

/// `loads(data, /, *, fix_imports=True, encoding='ASCII', errors='strict', buffers=())`.
fn loads_fn(ts: &ThreadState, a: Args<'_>) -> PyResult {
    let [data, fix_imports, encoding, errors, buffers] =
        pickler::bind_kwonly("loads", &a, ["data", "fix_imports", "encoding", "errors", "buffers"], 1, 1)?;
    let data = data.unwrap_or_else(none);
    let bytes = match spindle_vm::builtins_init::bytes_type::bytes_data(&data) {
        Some(b) => b,
        None => raise!(TypeError, "a bytes-like object is required, not '{}'", ops::type_name(&data)),
    };
    let opts = unpickler::Options::parse(ts, &fix_imports, &encoding, &errors, buffers.as_ref())?;
    let mut u = unpickler::UnpicklerCore::from_bytes(bytes, opts);
    u.load(ts, None)
}

const PY_SRC: &str = r#"
class PickleError(Exception):
    __module__ = '_pickle'

class PicklingError(PickleError):
    __module__ = '_pickle'

class UnpicklingError(PickleError):
    __module__ = '_pickle'

for _c in (PickleError, PicklingError, UnpicklingError):
    del _c.__firstlineno__, _c.__static_attributes__
del _c
"#;

fn attr_dict(ts: &ThreadState, m: &Value, name: &str, modname: &str) -> PyResult<Value> {
    let v = ops::getattr_str(ts, m, name)?;
    if v.type_ref() != rt().types.dict {
        raise!(RuntimeError, "{}.{} should be a dict, not {}", modname, name, ops::type_name(&v));
    }
    Ok(v)
}

pub(crate) fn init(ts: &ThreadState) -> PyResult<Value> {
    let m = spindle_vm::native::new_module("_pickle", &[]);
    crate::os::run_source(ts, &m, PY_SRC, "<_pickle>")?;
    let get = |n: &str| crate::os::module_attr(&m, n).unwrap_or_else(none);
    let copyreg = spindle_vm::import::import_module(ts, "copyreg")?;
    let compat = spindle_vm::import::import_module(ts, "_compat_pickle")?;
    let st = *STATE_T.get_or_init(|| spindle_vm::native::new_type::<PickleState>("_pickle_state", "_pickle", None, false));
    let fresh = PickleState {
        pickle_error: get("PickleError"),
        pickling_error: get("PicklingError"),
        unpickling_error: get("UnpicklingError"),
        dispatch_table: attr_dict(ts, &copyreg, "dispatch_table", "copyreg")?,
        extension_registry: attr_dict(ts, &copyreg, "_extension_registry", "copyreg")?,
        inverted_registry: attr_dict(ts, &copyreg, "_inverted_registry", "copyreg")?,
        extension_cache: attr_dict(ts, &copyreg, "_extension_cache", "copyreg")?,
        name_mapping_2to3: attr_dict(ts, &compat, "NAME_MAPPING", "_compat_pickle")?,
        import_mapping_2to3: attr_dict(ts, &compat, "IMPORT_MAPPING", "_compat_pickle")?,
        name_mapping_3to2: attr_dict(ts, &compat, "REVERSE_NAME_MAPPING", "_compat_pickle")?,
        import_mapping_3to2: attr_dict(ts, &compat, "REVERSE_IMPORT_MAPPING", "_compat_pickle")?,
    };
    let state = ts.interp.module_state(STATE_KEY, || alloc(st, fresh));
    // A second import (a fresh module object) shares the first one's
    // exception classes, as the state outlives the module.
    let (pe, pie, upe) = match state.downcast::<PickleState>() {
        Some(s) => (s.pickle_error.clone(), s.pickling_error.clone(), s.unpickling_error.clone()),
        None => raise!(RuntimeError, "_pickle state is corrupt"),
    };
    let add = spindle_vm::native::add_value;
    add(&m, "PickleError", pe);
    add(&m, "PicklingError", pie);
    add(&m, "UnpicklingError", upe);
    add(&m, "Pickler", pickler::pickler_type().to_value());
    add(&m, "Unpickler", unpickler::unpickler_type().to_value());
    add(&m, "PickleBuffer", buffer::picklebuffer_type().to_value());
    spindle_vm::native::add_fn(&m, "dump", dump_fn);
    spindle_vm::native::add_fn(&m, "dumps", dumps_fn);
    spindle_vm::native::add_fn(&m, "load", load_fn);
    spindle_vm::native::add_fn(&m, "loads", loads_fn);
    add(&m, "__doc__", new_str("Optimized C implementation for the Python pickle module."));
    Ok(m)
}

static STATE_T: std::sync::OnceLock<spindle_vm::object::TypeRef> = std::sync::OnceLock::new();
