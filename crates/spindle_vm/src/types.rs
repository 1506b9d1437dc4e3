//! Type objects: `TypeData` is the payload of every `type` instance, builtin
//! or made by a `class` statement. Attribute lookup walks the MRO's dicts.

use std::sync::OnceLock;
use std::sync::atomic::{AtomicU32, Ordering};

use parking_lot::RwLock;

use crate::object::{PayloadKind, PayloadVtable, PyPayload, TypeRef};
use crate::value::Value;

pub mod type_flags {
    /// Made by a `class` statement (mutable, refcounted, instances hold it).
    pub const HEAP: u32 = 1;
    /// May be subclassed.
    pub const BASETYPE: u32 = 2;
    /// Instances carry an InstanceExt (__dict__ / __slots__ storage).
    pub const HAS_EXT: u32 = 4;
    /// Instances have a `__dict__`.
    pub const HAS_DICT: u32 = 8;
    pub const ABSTRACT: u32 = 16;
    /// Instances are exceptions (subclass of BaseException).
    pub const EXCEPTION: u32 = 32;
    pub const IMMUTABLE: u32 = 64;
}

pub struct TypeData {
    name: RwLock<String>,
    pub qualname: RwLock<String>,
    pub vtable: &'static PayloadVtable,
    flags: AtomicU32,
    nslots: usize,
    /// `__slots__` names in storage order (own and inherited).
    pub slot_names: Vec<String>,
    /// The primary base (`__base__`); None only for `object`.
    pub base: RwLock<Option<Value>>,
    pub bases: RwLock<Vec<Value>>,
    /// The MRO without the type itself (which would be a self-reference).
    pub mro_rest: RwLock<Vec<Value>>,
    pub dict: OnceLock<Value>,
    /// Bumped on every change to this type's or a base's namespace (for caches).
    pub version: AtomicU32,
    /// Direct subclasses, in creation order (`__subclasses__`).
    /// FIXME(gc): strong references keep dead subclasses alive until weak refs land here.
    pub subclasses: parking_lot::Mutex<Vec<Value>>,
    /// Rust constructor for builtin types; heap types inherit their base's.
    pub new_fn: OnceLock<crate::function::NativeFnPtr>,
}

impl PyPayload for TypeData {
    const KIND: PayloadKind = crate::kinds::TYPE;
    const GC: bool = true;
    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        if let Some(d) = self.dict.get() {
            visit(d);
        }
        for b in self.bases.read().iter() {
            visit(b);
        }
        for b in self.mro_rest.read().iter() {
            visit(b);
        }
    }
}

impl TypeData {
    pub fn new(name: &str, vtable: &'static PayloadVtable, flags: u32, nslots: usize, slot_names: Vec<String>) -> TypeData {
        TypeData {
            name: RwLock::new(name.to_owned()),
            qualname: RwLock::new(name.to_owned()),
            vtable,
            flags: AtomicU32::new(flags),
            nslots,
            slot_names,
            base: RwLock::new(None),
            bases: RwLock::new(Vec::new()),
            mro_rest: RwLock::new(Vec::new()),
            dict: OnceLock::new(),
            version: AtomicU32::new(1),
            subclasses: parking_lot::Mutex::new(Vec::new()),
            new_fn: OnceLock::new(),
        }
    }

    pub fn name(&self) -> String {
        self.name.read().clone()
    }
    pub fn set_name(&self, n: String) {
        *self.name.write() = n;
    }
    pub fn flags(&self) -> u32 {
        self.flags.load(Ordering::Relaxed)
    }
    pub fn set_flags(&self, f: u32) {
        self.flags.fetch_or(f, Ordering::Relaxed);
    }
    pub fn is_heap(&self) -> bool {
        self.flags() & type_flags::HEAP != 0
    }
    pub fn has_ext(&self) -> bool {
        self.flags() & type_flags::HAS_EXT != 0
    }
    pub fn has_dict(&self) -> bool {
        self.flags() & type_flags::HAS_DICT != 0
    }
    pub fn nslots(&self) -> usize {
        self.nslots
    }
    pub fn dict(&self) -> &Value {
        self.dict.get().unwrap_or_else(|| crate::runtime::rt().none_ref())
    }
    pub fn dict_data(&self) -> &crate::dict::PyDict {
        self.dict().downcast::<crate::dict::PyDict>().unwrap_or_else(|| crate::runtime::rt().empty_dict_data())
    }
}

impl TypeRef {
    /// `type.__mro__` as a list of types, the type itself first.
    pub fn mro(&self) -> Vec<TypeRef> {
        let mut v = vec![*self];
        for t in self.data().mro_rest.read().iter() {
            if let Some(tr) = TypeRef::from_value(t) {
                v.push(tr);
            }
        }
        v
    }

    /// Looks `name` up along the MRO, as `_PyType_Lookup` does. No descriptors are invoked.
    pub fn lookup(&self, name: &str) -> Option<Value> {
        if let Some(v) = self.data().dict_data().get_str(name) {
            return Some(v);
        }
        for t in self.data().mro_rest.read().iter() {
            if let Some(tr) = TypeRef::from_value(t) {
                if let Some(v) = tr.data().dict_data().get_str(name) {
                    return Some(v);
                }
            }
        }
        None
    }

    pub fn is_subtype(&self, other: TypeRef) -> bool {
        if *self == other {
            return true;
        }
        self.data().mro_rest.read().iter().any(|t| t.header_ptr() as usize == other.ptr())
    }

    pub fn is_heap(&self) -> bool {
        self.data().is_heap()
    }

    pub fn flags(&self) -> u32 {
        self.data().flags()
    }

    pub fn bump_version(&self) {
        self.data().version.fetch_add(1, Ordering::Relaxed);
    }
}
