//! The API native modules (crate `spindle_stdlib`) use to build modules and
//! classes: one call per module, per function, per type.

use crate::dict::PyDict;
use crate::function::{NativeFnPtr, new_method_descriptor, new_native};
use crate::object::{HasVtable, PyPayload, TypeRef, alloc_immortal};
use crate::runtime::rt;
use crate::str::{intern, new_str};
use crate::types::{TypeData, type_flags};
use crate::value::Value;

/// A new module object `name` holding `fns` as builtin functions.
pub fn new_module(name: &str, fns: &[(&'static str, NativeFnPtr)]) -> Value {
    let m = crate::import::new_module(name);
    for (n, f) in fns {
        add_fn(&m, n, *f);
    }
    m
}

pub fn module_dict(m: &Value) -> Option<&PyDict> {
    m.downcast::<crate::cell::PyModule>().and_then(|m| m.dict.downcast::<PyDict>())
}

pub fn add_fn(m: &Value, name: &'static str, f: NativeFnPtr) {
    let func = new_native(name, f);
    if let (Some(d), Some(nf)) = (module_dict(m), func.downcast::<crate::function::NativeFunction>()) {
        let modname = d.get_str("__name__");
        // SAFETY-free: module is set once, before the function is shared.
        let _ = nf;
        let func = crate::object::alloc(
            rt().types.builtin_function,
            crate::function::NativeFunction {
                name,
                qualname: name.to_owned(),
                func: f,
                self_: None,
                owner: None,
                doc: None,
                module: modname,
                slot_wrapper: false,
                slot_args: crate::function::SlotArgs::Any,
            },
        );
        d.set_str(intern(name), func);
    }
}

pub fn add_value(m: &Value, name: &str, v: Value) {
    if let Some(d) = module_dict(m) {
        d.set_str(intern(name), v);
    }
}

/// A new immortal builtin class whose instances have payload `T`.
/// `base` defaults to `object`; `subclassable` lets Python code derive from it.
pub fn new_type<T: PyPayload>(name: &str, module: &str, base: Option<TypeRef>, subclassable: bool) -> TypeRef {
    let r = rt();
    let mut flags = 0;
    if subclassable {
        flags |= type_flags::BASETYPE;
    }
    let td = TypeData::new(name, &<T as HasVtable>::VTABLE, flags, 0, Vec::new());
    let v = alloc_immortal(r.types.type_, td);
    let t = TypeRef::from_value(&v).unwrap_or(r.types.object);
    crate::class::set_builtin_base_pub(t, base.unwrap_or(r.types.object));
    let _ = t.data().dict.set(alloc_immortal(r.types.dict, PyDict::new()));
    t.data().dict_data().set_str(intern("__module__"), new_str(module));
    t
}

/// Adds methods (bound to instances) to a builtin class.
pub fn add_methods(t: TypeRef, methods: &[(&'static str, NativeFnPtr)]) {
    let d = t.data().dict_data();
    for (name, f) in methods {
        d.set_str(intern(name), new_method_descriptor(t, name, *f));
    }
}

/// Sets `__new__` (a static function taking `cls` first) of a builtin class.
pub fn set_new(t: TypeRef, f: NativeFnPtr) {
    t.data().dict_data().set_str(intern("__new__"), new_native("__new__", f));
    let _ = t.data().new_fn.set(f);
}

/// Sets the native step of a builtin iterator class (see
/// `TypeData::iternext`); the class's `__next__` should call the same step.
pub fn set_iternext(t: TypeRef, f: crate::types::IterNextFn) {
    let _ = t.data().iternext.set(f);
}

/// Sets the native length of a builtin container class (see
/// `TypeData::length`); the class's `__len__` should give the same.
pub fn set_length(t: TypeRef, f: crate::types::LengthFn) {
    let _ = t.data().length.set(f);
}

/// Adds a class attribute.
pub fn add_class_value(t: TypeRef, name: &str, v: Value) {
    t.data().dict_data().set_str(intern(name), v);
}

/// Adds a property computed by `get(self)`; `set`, if any, runs for both
/// assignment and deletion (read-only members pass one that raises).
pub fn add_property(t: TypeRef, name: &'static str, get: NativeFnPtr, set: Option<NativeFnPtr>) {
    let setter = || set.map(|f| crate::function::new_native(name, f));
    let p = crate::object::alloc(
        rt().types.property,
        crate::function::PyProperty {
            fget: Some(crate::function::new_native(name, get)),
            fset: setter(),
            fdel: setter(),
            doc: parking_lot::Mutex::new(None),
            name: parking_lot::Mutex::new(Some(new_str(name))),
        },
    );
    add_class_value(t, name, p);
}

/// Wraps a native function as a classmethod attribute of `t`.
pub fn add_classmethod(t: TypeRef, name: &'static str, f: NativeFnPtr) {
    let w = crate::object::alloc(
        rt().types.classmethod_descriptor,
        crate::function::PyWrapper { func: crate::function::WrappedFunc::new(crate::function::new_method_descriptor(t, name, f)), dict: parking_lot::Mutex::new(None) },
    );
    add_class_value(t, name, w);
}
