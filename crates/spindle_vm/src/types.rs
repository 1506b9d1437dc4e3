//! Type objects: `TypeData` is the payload of every `type` instance, builtin
//! or made by a `class` statement. Attribute lookup walks the MRO's dicts,
//! behind a per-thread cache (`LookupCache`).

use std::sync::OnceLock;
use std::cell::RefCell;
use std::sync::atomic::{AtomicU32, AtomicU64, Ordering};

use parking_lot::RwLock;

use crate::object::{PayloadKind, PayloadVtable, PyPayload, TypeRef};
use crate::value::Value;

/// A native iterator's step: Ok(None) when exhausted.
pub type IterNextFn = fn(&crate::interp::ThreadState, &Value) -> crate::error::PyResult<Option<Value>>;
pub type LengthFn = fn(&Value) -> Option<usize>;

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
    /// A builtin class whose instances run `__del__` when they die, as
    /// heap-type instances do (native files that flush and close).
    pub const FINALIZE: u32 = 128;
    /// A builtin class whose instances bind through their `__get__` when
    /// found on a class, as heap-type descriptors do (`functools.partial`).
    pub const DESCRIPTOR: u32 = 256;
    /// A builtin class that `match` treats as a sequence
    /// (`Py_TPFLAGS_SEQUENCE`: `collections.deque`).
    pub const SEQUENCE: u32 = 512;
}

pub struct TypeData {
    name: RwLock<String>,
    pub qualname: RwLock<String>,
    pub vtable: &'static PayloadVtable,
    /// `vtable.kind`, kept here too: `Value::downcast` reads it for every
    /// payload access, and this saves a dependent load.
    kind: crate::object::PayloadKind,
    flags: AtomicU32,
    nslots: usize,
    /// `__slots__` names in storage order (own and inherited).
    pub slot_names: Vec<String>,
    /// The primary base (`__base__`); None only for `object`.
    pub base: RwLock<Option<Value>>,
    pub bases: RwLock<Vec<Value>>,
    /// The MRO without the type itself (which would be a self-reference).
    /// Read on every isinstance check and attribute lookup miss, by every
    /// thread: lock-free (`qsbr`), replaced whole when `__bases__` changes.
    pub mro_rest: crate::qsbr::QsbrCell<Vec<Value>>,
    pub dict: OnceLock<Value>,
    /// Bumped on every change to this type's or a base's namespace (for caches).
    pub version: AtomicU32,
    /// Direct subclasses, in creation order (`__subclasses__`): the
    /// addresses of their type objects, uncounted (weak, as CPython's), so
    /// a class nothing else holds can die. A subclass removes its address
    /// here as it dies (`Drop`); readers take counted references under this
    /// lock and skip one whose count already reached zero (the discipline
    /// weakref objects follow too).
    subclasses: parking_lot::Mutex<Vec<usize>>,
    /// Rust constructor for builtin types; heap types inherit their base's.
    pub new_fn: OnceLock<crate::function::NativeFnPtr>,
    /// A builtin iterator class's step (`tp_iternext`): `ops::next` calls
    /// it directly (no `__next__` lookup, no StopIteration object), and
    /// `ops::iter` returns such an iterator itself. Never set on heap types,
    /// whose `__next__` a subclass may override.
    pub iternext: OnceLock<IterNextFn>,
    /// A builtin container class's length (`sq_length`), read without
    /// running Python code: `len()` and truth testing call it directly
    /// instead of looking up `__len__` (None: not this class's payload).
    /// Never set on heap types, whose `__len__` a subclass may override.
    pub length: OnceLock<LengthFn>,
    /// The lookup epoch in which this type was seen to have no `__del__`
    /// (0: not known), so freeing its instances skips the lookup.
    pub(crate) no_del_epoch: AtomicU64,
    /// The attribute names instances keep inline (`inline_values`).
    pub attr_keys: crate::inline_values::SharedKeys,
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
        for b in self.mro_rest.read(&crate::qsbr::ReadGuard::new()).iter() {
            visit(b);
        }
    }
}

impl TypeData {
    #[inline]
    pub fn payload_kind(&self) -> crate::object::PayloadKind {
        self.kind
    }

    pub fn new(name: &str, vtable: &'static PayloadVtable, flags: u32, nslots: usize, slot_names: Vec<String>) -> TypeData {
        TypeData {
            name: RwLock::new(name.to_owned()),
            qualname: RwLock::new(name.to_owned()),
            vtable,
            kind: vtable.kind,
            flags: AtomicU32::new(flags),
            nslots,
            slot_names,
            base: RwLock::new(None),
            bases: RwLock::new(Vec::new()),
            mro_rest: crate::qsbr::QsbrCell::new(Vec::new()),
            dict: OnceLock::new(),
            version: AtomicU32::new(1),
            subclasses: parking_lot::Mutex::new(Vec::new()),
            new_fn: OnceLock::new(),
            iternext: OnceLock::new(),
            length: OnceLock::new(),
            no_del_epoch: AtomicU64::new(0),
            attr_keys: Default::default(),
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

/// Bumped by every change that can alter a `TypeRef::lookup` result anywhere:
/// a type's namespace or MRO changing, a type being freed (its address may be
/// reused). Cache entries from an older epoch are never used.
static LOOKUP_EPOCH: AtomicU64 = AtomicU64::new(1);

const CACHE_SLOTS: usize = 1024;

struct CacheEntry {
    ty: usize,
    epoch: u64,
    name: Box<str>,
    /// The address of the queried text when it can never be freed (a static
    /// or an immortal str's), else 0: a later query at that same stable
    /// address is the same text, so the hit skips comparing it.
    stable_ptr: usize,
    value: Option<Value>,
}

/// One thread's cache of `lookup` results keyed by (type address, name). It
/// holds strong references, so an entry stays valid while its epoch is
/// current; the owning thread drops its stale entries as soon as it changes a
/// type, other threads when they next miss on that slot.
struct LookupCache {
    slots: Vec<Option<CacheEntry>>,
    filled: usize,
}

impl Drop for LookupCache {
    fn drop(&mut self) {
        // Thread exit: dropping values here could run finalizers with no
        // thread state; leak these few references instead.
        for e in self.slots.drain(..).flatten() {
            std::mem::forget(e.value);
        }
    }
}

thread_local! {
    static LOOKUP_CACHE: RefCell<LookupCache> = const { RefCell::new(LookupCache { slots: Vec::new(), filled: 0 }) };
}

/// The current lookup epoch (see `LOOKUP_EPOCH`), which caches of type
/// lookups (`attr_cache`) record and compare.
#[inline]
pub(crate) fn lookup_epoch() -> u64 {
    LOOKUP_EPOCH.load(Ordering::Acquire)
}

/// Forgets every cached type lookup (call after mutating a type).
pub fn invalidate_lookup_caches() {
    LOOKUP_EPOCH.fetch_add(1, Ordering::Release);
    crate::attr_cache::forget_this_thread();
    forget_this_thread();
}

/// Drops this thread's type-lookup entries (their strong references).
pub(crate) fn forget_this_thread() {
    // Drop this thread's entries now, outside the borrow (dropping may run
    // `__del__`, which looks types up again).
    let stale: Vec<CacheEntry> = LOOKUP_CACHE
        .try_with(|c| match c.try_borrow_mut() {
            Ok(mut c) if c.filled > 0 => {
                c.filled = 0;
                c.slots.iter_mut().filter_map(Option::take).collect()
            }
            _ => Vec::new(),
        })
        .unwrap_or_default();
    drop(stale);
}

/// The cache slot for (type, name). It hashes the name's address, not its
/// text: names are string literals or interned strs, so a given name nearly
/// always arrives at the same address. Another address for equal text only
/// costs a miss, since a hit also compares the text.
fn slot_of(ty: usize, name: &str) -> usize {
    let h = (ty as u64 >> 4).wrapping_mul(0x9e37_79b9_7f4a_7c15) ^ (name.as_ptr() as u64).wrapping_mul(0xc2b2_ae3d_27d4_eb4f) ^ name.len() as u64;
    (h ^ (h >> 32)) as usize & (CACHE_SLOTS - 1)
}

impl Drop for TypeData {
    fn drop(&mut self) {
        // This type object's address: the payload sits right after the
        // header in `PyObj<TypeData>` (repr(C)).
        let me = self as *const TypeData as usize - std::mem::offset_of!(crate::object::PyObj<TypeData>, payload);
        for b in self.bases.get_mut().iter() {
            if let Some(bt) = TypeRef::from_value(b) {
                bt.data().subclasses.lock().retain(|&a| a != me);
            }
        }
        invalidate_lookup_caches();
    }
}

impl TypeRef {
    /// Records `sub` as a direct subclass (uncounted; see `subclasses`).
    pub(crate) fn add_subclass(&self, sub: TypeRef) {
        let mut l = self.data().subclasses.lock();
        if !l.contains(&sub.ptr()) {
            l.push(sub.ptr());
        }
    }

    pub(crate) fn remove_subclass(&self, sub: TypeRef) {
        self.data().subclasses.lock().retain(|&a| a != sub.ptr());
    }

    /// The live direct subclasses, in creation order (`__subclasses__`).
    pub fn subclasses(&self) -> Vec<Value> {
        let l = self.data().subclasses.lock();
        l.iter()
            .filter_map(|&a| {
                // SAFETY: an address stays listed only while its type object
                // is allocated (its `Drop` unlists it under this lock, which
                // we hold); a count of zero means it is dying: skipped.
                let h = unsafe { &*(a as *const crate::header::ObjHeader) };
                if h.refcount() == 0 {
                    return None;
                }
                // SAFETY: allocated and not dying (above).
                Some(unsafe { Value::from_borrowed(h) })
            })
            .collect()
    }
}

impl TypeRef {
    /// `type.__mro__` as a list of types, the type itself first.
    pub fn mro(&self) -> Vec<TypeRef> {
        let mut v = vec![*self];
        for t in self.data().mro_rest.read(&crate::qsbr::ReadGuard::new()).iter() {
            if let Some(tr) = TypeRef::from_value(t) {
                v.push(tr);
            }
        }
        v
    }

    /// Looks `name` up along the MRO, as `_PyType_Lookup` does. No descriptors are invoked.
    pub fn lookup(&self, name: &str) -> Option<Value> {
        self.lookup_cached(name, false)
    }

    /// `lookup` of a name in static memory (a literal): cache hits compare addresses.
    #[inline]
    pub fn lookup_static(&self, name: &'static str) -> Option<Value> {
        self.lookup_cached(name, true)
    }

    /// `lookup` of a str object's text; an immortal (interned) str's text
    /// never moves, so cache hits compare addresses.
    #[inline]
    pub fn lookup_name(&self, name: &Value) -> Option<Value> {
        let stable = name.header().is_some_and(crate::header::ObjHeader::is_immortal);
        self.lookup_cached(crate::str::as_str(name).unwrap_or(""), stable)
    }

    fn lookup_cached(&self, name: &str, stable: bool) -> Option<Value> {
        let ty = self.ptr();
        let slot = slot_of(ty, name);
        let epoch = LOOKUP_EPOCH.load(Ordering::Acquire);
        let ptr = name.as_ptr() as usize;
        let hit = LOOKUP_CACHE.try_with(|c| {
            let c = c.try_borrow().ok()?;
            match c.slots.get(slot) {
                Some(Some(e))
                    if e.ty == ty
                        && e.epoch == epoch
                        && ((stable && e.stable_ptr == ptr && e.name.len() == name.len()) || &*e.name == name) =>
                {
                    Some(e.value.clone())
                }
                _ => None,
            }
        });
        if let Ok(Some(v)) = hit {
            return v;
        }
        let value = self.lookup_uncached(name);
        let replaced = LOOKUP_CACHE.try_with(|c| {
            let mut c = c.try_borrow_mut().ok()?;
            if c.slots.is_empty() {
                c.slots.resize_with(CACHE_SLOTS, || None);
            }
            let entry = CacheEntry { ty, epoch, name: name.into(), stable_ptr: if stable { ptr } else { 0 }, value: value.clone() };
            let old = c.slots.get_mut(slot)?.replace(entry);
            if old.is_none() {
                c.filled += 1;
            }
            old
        });
        // Dropped after the borrow ends: it may run `__del__`.
        drop(replaced);
        value
    }

    /// `lookup` without the cache: walks the MRO's dicts.
    pub fn lookup_uncached(&self, name: &str) -> Option<Value> {
        let hash = crate::str::hash_str(name);
        // Every dict read here is marked, so that changing it later
        // invalidates the cached result.
        let probe = |t: &TypeRef| {
            let d = t.data().dict_data();
            d.mark_type_namespace();
            d.get_str_hashed(name, hash)
        };
        if let Some(v) = probe(self) {
            return Some(v);
        }
        for t in self.data().mro_rest.read(&crate::qsbr::ReadGuard::new()).iter() {
            if let Some(tr) = TypeRef::from_value(t) {
                if let Some(v) = probe(&tr) {
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
        self.data().mro_rest.read(&crate::qsbr::ReadGuard::new()).iter().any(|t| t.header_ptr() as usize == other.ptr())
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
