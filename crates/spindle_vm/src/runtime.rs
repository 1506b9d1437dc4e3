//! `Runtime`: the process-wide, immutable-after-start part of Spindle: builtin
//! type objects, immortal singletons, the interned-string table and the hash
//! key (DESIGN.md section 2). Everything Python code can change lives in an
//! `Interpreter` instead.

use std::collections::HashMap;
use std::sync::OnceLock;

use parking_lot::Mutex;

use crate::exceptions::ExceptionTypes;
use crate::header::ObjHeader;
use crate::object::{HasVtable, PyObj, PyPayload, TypeRef, alloc_immortal};
use crate::types::{TypeData, type_flags};
use crate::value::Value;

macro_rules! builtin_types {
    ($( $field:ident = $name:literal : $payload:ty, $flags:expr ;)*) => {
        /// The builtin classes.
        pub struct BuiltinTypes {
            pub object: TypeRef,
            pub type_: TypeRef,
            $( pub $field: TypeRef, )*
        }

        fn make_builtin_types(object: TypeRef, type_: TypeRef) -> BuiltinTypes {
            BuiltinTypes {
                object,
                type_,
                $( $field: make_type($name, &<$payload as HasVtable>::VTABLE, $flags, type_), )*
            }
        }

        impl BuiltinTypes {
            pub fn all(&self) -> Vec<TypeRef> {
                vec![self.object, self.type_, $( self.$field, )*]
            }
        }
    };
}

use crate::cell::{Empty, PyCell, PyModule, PySlice};
use crate::dict::PyDict;
use crate::function::{NativeFunction, PyFunction, PyMethod, PyProperty, PyWrapper};
use crate::num::{PyComplex, PyFloat, PyInt};
use crate::seq::{PyList, PyTuple};
use crate::str::PyStr;
use type_flags::BASETYPE as B;

builtin_types! {
    int = "int": PyInt, B;
    bool_ = "bool": PyInt, 0;
    float = "float": PyFloat, B;
    complex = "complex": PyComplex, B;
    str = "str": PyStr, B;
    bytes = "bytes": crate::bytes::PyBytes, B;
    bytearray = "bytearray": crate::bytes::PyByteArray, B;
    tuple = "tuple": PyTuple, B;
    list = "list": PyList, B;
    dict = "dict": PyDict, B;
    set = "set": crate::set::PySet, B;
    frozenset = "frozenset": crate::set::PySet, B;
    none = "NoneType": Empty, 0;
    not_implemented = "NotImplementedType": Empty, 0;
    ellipsis = "ellipsis": Empty, 0;
    builtin_function = "builtin_function_or_method": NativeFunction, 0;
    method_descriptor = "method_descriptor": NativeFunction, 0;
    wrapper_descriptor = "wrapper_descriptor": NativeFunction, 0;
    method_wrapper = "method-wrapper": NativeFunction, 0;
    function = "function": PyFunction, 0;
    method = "method": PyMethod, 0;
    code = "code": crate::code::PyCode, 0;
    cell = "cell": PyCell, 0;
    module = "module": PyModule, B | type_flags::HAS_EXT | type_flags::HAS_DICT;
    slice = "slice": PySlice, 0;
    property = "property": PyProperty, B;
    classmethod = "classmethod": PyWrapper, B;
    classmethod_descriptor = "classmethod_descriptor": PyWrapper, 0;
    staticmethod = "staticmethod": PyWrapper, B;
    range = "range": crate::iter::PyRange, 0;
    iterator = "iterator": crate::iter::PyIter, 0;
    list_iterator = "list_iterator": crate::iter::PyIter, 0;
    tuple_iterator = "tuple_iterator": crate::iter::PyIter, 0;
    str_iterator = "str_ascii_iterator": crate::iter::PyIter, 0;
    range_iterator = "range_iterator": crate::iter::PyIter, 0;
    dict_keyiterator = "dict_keyiterator": crate::iter::PyIter, 0;
    dict_valueiterator = "dict_valueiterator": crate::iter::PyIter, 0;
    dict_itemiterator = "dict_itemiterator": crate::iter::PyIter, 0;
    set_iterator = "set_iterator": crate::iter::PyIter, 0;
    callable_iterator = "callable_iterator": crate::iter::PyIter, 0;
    bytes_iterator = "bytes_iterator": crate::iter::PyIter, 0;
    bytearray_iterator = "bytearray_iterator": crate::iter::PyIter, 0;
    list_reverseiterator = "list_reverseiterator": crate::iter::PyIter, 0;
    dict_reversekeyiterator = "dict_reversekeyiterator": crate::iter::PyIter, 0;
    dict_reversevalueiterator = "dict_reversevalueiterator": crate::iter::PyIter, 0;
    dict_reverseitemiterator = "dict_reverseitemiterator": crate::iter::PyIter, 0;
    enumerate = "enumerate": crate::iter::PyIter, B;
    zip = "zip": crate::iter::PyIter, B;
    map = "map": crate::iter::PyIter, B;
    filter = "filter": crate::iter::PyIter, B;
    reversed = "reversed": crate::iter::PyIter, B;
    dict_keys = "dict_keys": crate::iter::PyDictView, 0;
    dict_values = "dict_values": crate::iter::PyDictView, 0;
    dict_items = "dict_items": crate::iter::PyDictView, 0;
    generator = "generator": crate::generator::PyGenerator, 0;
    coroutine = "coroutine": crate::generator::PyGenerator, 0;
    async_generator = "async_generator": crate::generator::PyGenerator, 0;
    super_ = "super": crate::class::PySuper, B;
    frame = "frame": crate::frame::PyFrameObj, 0;
    traceback = "traceback": crate::frame::PyTraceback, 0;
    mappingproxy = "mappingproxy": crate::iter::PyDictView, 0;
    simple_namespace = "SimpleNamespace": Empty, B | type_flags::HAS_EXT | type_flags::HAS_DICT;
    member_descriptor = "member_descriptor": crate::class::PyMember, 0;
    getset_descriptor = "getset_descriptor": crate::class::PyGetSet, 0;
    generic_alias = "GenericAlias": crate::class::PyGenericAlias, B;
    union = "Union": crate::class::PyUnion, 0;
    memoryview = "memoryview": crate::memoryview::PyMemoryView, 0;
}

impl BuiltinTypes {
    /// Whether `t` is a class of unbound builtin methods (`method_descriptor`,
    /// or `wrapper_descriptor` for a type slot's method): called with `self`
    /// first, bound by prepending it.
    #[inline]
    pub fn is_method_descriptor(&self, t: TypeRef) -> bool {
        t == self.method_descriptor || t == self.wrapper_descriptor
    }
}

pub struct Runtime {
    pub types: BuiltinTypes,
    pub exc: ExceptionTypes,
    pub none: Value,
    pub true_: Value,
    pub false_: Value,
    pub not_implemented: Value,
    pub ellipsis: Value,
    pub empty_tuple: Value,
    pub empty_str: Value,
    pub ascii_chars: Vec<Value>,
    /// Identifier texts are short and trusted-ish; Fx hashing costs a fraction of SipHash.
    pub interned: Mutex<HashMap<Box<str>, Value, rustc_hash::FxBuildHasher>>,
    pub hash_key: (u64, u64),
    empty_dict: PyDict,
}

static RUNTIME: OnceLock<Runtime> = OnceLock::new();

/// The process's runtime. Created on first use.
#[inline]
pub fn rt() -> &'static Runtime {
    match RUNTIME.get() {
        Some(r) => r,
        None => init(),
    }
}

impl Runtime {
    pub fn none_ref(&self) -> &Value {
        &self.none
    }
    pub(crate) fn empty_dict_data(&self) -> &PyDict {
        &self.empty_dict
    }
    pub fn empty_dict_data_pub(&self) -> &PyDict {
        &self.empty_dict
    }
}

fn make_type(name: &str, vtable: &'static crate::object::PayloadVtable, flags: u32, meta: TypeRef) -> TypeRef {
    let v = alloc_immortal(meta, TypeData::new(name, vtable, flags, 0, Vec::new()));
    // SAFETY: immortal type object.
    unsafe { TypeRef::from_value_unchecked(&v) }
}

fn hash_key_from_env() -> (u64, u64) {
    match std::env::var("PYTHONHASHSEED") {
        Ok(s) if s == "0" => (0, 0),
        Ok(s) => {
            let seed: u64 = s.parse().unwrap_or(0);
            (seed.wrapping_mul(0x9E37_79B9_7F4A_7C15), seed.rotate_left(17) ^ 0xA076_1D64_78BD_642F)
        }
        Err(_) => {
            use std::hash::{BuildHasher, Hasher};
            let s = std::collections::hash_map::RandomState::new();
            let mut h = s.build_hasher();
            h.write_u64(std::process::id() as u64);
            let a = h.finish();
            h.write_u64(a);
            (a, h.finish())
        }
    }
}

#[cold]
fn init() -> &'static Runtime {
    static INIT_LOCK: Mutex<()> = Mutex::new(());
    let _g = INIT_LOCK.lock();
    if let Some(r) = RUNTIME.get() {
        return r;
    }
    // `type` is an instance of itself: allocate it, then point its header at itself.
    let type_obj = crate::object::bootstrap_type_object(PyObj {
        header: ObjHeader::new_immortal(dangling_type()),
        payload: TypeData::new("type", &<TypeData as HasVtable>::VTABLE, type_flags::BASETYPE, 0, Vec::new()),
    });
    // SAFETY: type_obj is a valid, exclusively owned allocation during bootstrap.
    let type_ = unsafe {
        let tr = TypeRef::from_value_unchecked(&std::mem::ManuallyDrop::new(Value::from_raw(type_obj as *const ObjHeader)));
        (*type_obj).header.ty = tr;
        tr
    };
    let object = make_type("object", &<Empty as HasVtable>::VTABLE, type_flags::BASETYPE, type_);
    let types = make_builtin_types(object, type_);
    let exc_flags = type_flags::BASETYPE | type_flags::HAS_EXT | type_flags::HAS_DICT | type_flags::EXCEPTION;
    let exc = ExceptionTypes::create(
        &mut |name, base| {
            let t = make_type(name, &<crate::exceptions::PyBaseException as HasVtable>::VTABLE, exc_flags, type_);
            crate::class::set_builtin_base(t, Some(base));
            t
        },
        object,
    );
    let none = alloc_immortal(types.none, Empty);
    let r = Runtime {
        none: none.clone(),
        true_: alloc_immortal(types.bool_, PyInt { value: 1.into() }),
        false_: alloc_immortal(types.bool_, PyInt { value: 0.into() }),
        not_implemented: alloc_immortal(types.not_implemented, Empty),
        ellipsis: alloc_immortal(types.ellipsis, Empty),
        empty_tuple: alloc_immortal(types.tuple, PyTuple { items: Box::new([]) }),
        empty_str: alloc_immortal(types.str, PyStr::new("")),
        ascii_chars: (0u8..128).map(|b| alloc_immortal(types.str, PyStr::new(&(b as char).to_string()))).collect(),
        interned: Mutex::new(HashMap::with_hasher(rustc_hash::FxBuildHasher)),
        hash_key: hash_key_from_env(),
        empty_dict: PyDict::new(),
        types,
        exc,
    };
    if RUNTIME.set(r).is_err() {
        // Unreachable: guarded by INIT_LOCK.
    }
    let r = RUNTIME.get().unwrap_or_else(|| unreachable_runtime());
    crate::class::init_builtin_type_hierarchy(r);
    crate::builtins_init::init_type_dicts(r);
    r
}

fn unreachable_runtime() -> &'static Runtime {
    std::process::abort()
}

fn dangling_type() -> TypeRef {
    // SAFETY: only stored during bootstrap and overwritten before any use.
    unsafe { TypeRef::from_value_unchecked(&std::mem::ManuallyDrop::new(Value::from_raw(8 as *const ObjHeader))) }
}

/// A value of type `bool`, `NoneType`, ...: helpers for the singletons.
#[inline]
pub fn none() -> Value {
    // SAFETY: None is immortal (`alloc_immortal`): a copy that took no
    // count is as good as a counted one, and dropping it touches no count.
    unsafe { Value::from_raw(rt().none.header_ptr()) }
}

pub fn is_none(v: &Value) -> bool {
    v.is(&rt().none)
}

pub fn new_payload<T: PyPayload>(ty: TypeRef, p: T) -> Value {
    crate::object::alloc(ty, p)
}
