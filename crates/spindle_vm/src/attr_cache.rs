//! LOAD_ATTR and STORE_ATTR caches: per thread, keyed by (code object's
//! serial, instruction), each entry remembers how an attribute of one type resolved
//! (CPython's LOAD_ATTR_INSTANCE_VALUE, LOAD_ATTR_METHOD_WITH_VALUES,
//! STORE_ATTR_INSTANCE_VALUE specialisations), so a hit skips the type's MRO
//! lookup, the descriptor checks and the `__getattribute__` test.
//!
//! Soundness:
//! - An entry is valid only while the type lookup epoch is the one it was
//!   filled under (`types::lookup_epoch`): every change to a type's namespace
//!   or MRO, and every type's death (its address may be reused), starts a new
//!   epoch, so a matching (type address, epoch) pair still classifies the
//!   name as it did when the entry was made.
//! - Code is keyed by its serial (`PyCode::serial`), never reused, so one
//!   code object's entries cannot answer for another's; the name also
//!   matches by identity (the entry holds a reference to it).
//! - Entries hold strong references (a method); when this thread changes a
//!   type it drops all its entries (`forget_this_thread`), as the lookup
//!   cache does.
//! - `hint` is only a guess at the entry index in the instance dict; the
//!   dict checks the key there before using it.

use std::cell::Cell;

use crate::site_table::{self, SiteTable};

use crate::value::Value;

const SLOTS: usize = 2048;

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum Kind {
    /// The type has no attribute of this name: the instance dict answers
    /// (a miss there takes the general path, which tries `__getattr__`).
    InstanceDict,
    /// The type attribute is a plain function or method descriptor, for the
    /// method form of LOAD_ATTR: pushes (function, self) unless the instance
    /// dict shadows it.
    Method,
    /// The type attribute is no descriptor at all (a class constant): it is
    /// the value unless the instance dict shadows it.
    ClassValue,
    /// The type attribute is an exact `property` whose getter (`value`) is
    /// a Python function, on a type without `__getattr__`: LOAD_ATTR runs
    /// the getter's frame inline (a data descriptor: the instance dict
    /// cannot shadow it).
    Property,
    /// STORE_ATTR straight into the instance dict (no data descriptor, the
    /// default `__setattr__`).
    StoreDict,
    /// CALL of a class that instantiates inline (`value` is its `__init__`),
    /// or BINARY_OP on two instances of a class whose dunder runs inline
    /// (`value` is the dunder); see `eval::inline_target`.
    Inline,
    /// Such a CALL or BINARY_OP that takes the general path.
    NoInline,
}

struct Entry {
    code: usize,
    pc: usize,
    name: Value,
    ty: usize,
    epoch: u64,
    kind: Kind,
    value: Option<Value>,
    hint: usize,
}

impl Entry {
    /// Made for `name` on type `ty` at (code, pc) in lookup epoch `epoch`.
    #[inline(always)]
    fn is_for(&self, code: usize, pc: usize, name: &Value, ty: usize, epoch: u64) -> bool {
        self.code == code && self.pc == pc && self.ty == ty && self.epoch == epoch && self.name.is(name)
    }
}

thread_local! {
    /// This thread's entries (see `site_table`).
    static CACHE: Cell<*mut SiteTable<Entry>> = const { Cell::new(std::ptr::null_mut()) };
}

/// Frees this thread's cache (at thread exit, from `ThreadState`'s drop).
pub(crate) fn drop_thread_cache() {
    site_table::drop_table(&CACHE);
}

/// The slot of (site, type): a site that sees several types (`shape.hit()`
/// over shape classes) keeps an entry per type instead of thrashing one.
#[inline]
fn slot_of(code: usize, pc: usize, ty: usize) -> usize {
    let h = (code as u64).wrapping_mul(0x9e37_79b9_7f4a_7c15)
        ^ (pc as u64).wrapping_mul(0xc2b2_ae3d_27d4_eb4f)
        ^ (ty as u64 >> 4).wrapping_mul(0x1656_67b1_9e37_79f9);
    (h ^ (h >> 29)) as usize & (SLOTS - 1)
}

/// What a hit found.
pub(crate) struct Hit {
    pub kind: Kind,
    pub value: Option<Value>,
    pub hint: usize,
}

/// The entry for (code, pc) if it was made for `name` on type `ty` in the
/// current epoch.
#[inline]
pub(crate) fn get(code: usize, pc: usize, name: &Value, ty: usize) -> Option<Hit> {
    let slot = slot_of(code, pc, ty);
    let epoch = crate::types::lookup_epoch();
    site_table::with_table(&CACHE, |c| match c.get(slot) {
        Some(e) if e.is_for(code, pc, name, ty, epoch) => Some(Hit { kind: e.kind, value: e.value.clone(), hint: e.hint }),
        _ => None,
    })
}

/// `f` of the kind and value (borrowed from the entry) of `get`'s hit.
/// `f` must not use the cache.
#[inline]
pub(crate) fn with_hit<R>(code: usize, pc: usize, name: &Value, ty: usize, f: impl FnOnce(Kind, Option<&Value>) -> R) -> Option<R> {
    let slot = slot_of(code, pc, ty);
    let epoch = crate::types::lookup_epoch();
    site_table::with_table(&CACHE, |c| match c.get(slot) {
        Some(e) if e.is_for(code, pc, name, ty, epoch) => Some(f(e.kind, e.value.as_ref())),
        _ => None,
    })
}

/// Records how `name` resolved on type `ty` at (code, pc), classified
/// under `epoch` (read before the classification).
pub(crate) fn put(code: usize, pc: usize, name: &Value, ty: usize, epoch: u64, kind: Kind, value: Option<Value>) {
    let slot = slot_of(code, pc, ty);
    let entry = Entry { code, pc, name: name.clone(), ty, epoch, kind, value, hint: 0 };
    let old = site_table::with_table(&CACHE, |c| c.put(slot, SLOTS, entry));
    // Dropped after the table access ends: it may run `__del__`.
    drop(old);
}

/// Remembers where the instance dict had the name, for the next hit.
#[inline]
pub(crate) fn set_hint(code: usize, pc: usize, ty: usize, hint: usize) {
    let slot = slot_of(code, pc, ty);
    site_table::with_table(&CACHE, |c| {
        if let Some(e) = c.get_mut(slot) {
            if e.code == code && e.pc == pc && e.ty == ty {
                e.hint = hint;
            }
        }
    });
}

/// Drops this thread's entries (it just changed a type).
pub(crate) fn forget_this_thread() {
    let stale = site_table::with_table(&CACHE, SiteTable::take_all);
    // Dropped after the table access ends: it may run `__del__`.
    drop(stale);
}

/// How LOAD_ATTR of `name` on an instance of `ty` can be cached, if it can:
/// plain attribute lookup (`object.__getattribute__`) on a non-type,
/// non-module object, and a name that is no dunder (those meet special
/// cases in `generic_getattr`).
pub(crate) fn classify_load(owner: &Value, name: &Value, method: bool) -> Option<(Kind, Option<Value>)> {
    use crate::object::TypeRef;
    let r = crate::runtime::rt();
    let s = crate::str::as_str(name)?;
    if s.starts_with("__") {
        return None;
    }
    let ty = owner.type_ref();
    if TypeRef::from_value(owner).is_some()
        || owner.downcast::<crate::cell::PyModule>().is_some()
        || owner.downcast::<crate::class::PySuper>().is_some()
        || owner.downcast::<crate::function::PyFunction>().is_some()
        // A local's first access on a thread runs its `__init__`
        // (`thread_local::getattr`), which a cached load would skip.
        || owner.downcast::<crate::thread_local::PyThreadLocal>().is_some()
    {
        return None;
    }
    if ty.is_heap() {
        let ga = ty.lookup_static("__getattribute__")?;
        if !crate::ops::is_native_object_getattribute(&ga) {
            return None;
        }
    }
    match ty.lookup_name(name) {
        None if ty.is_heap() && ty.payload_kind() == crate::kinds::OBJECT && ty.data().has_dict() => Some((Kind::InstanceDict, None)),
        None => None,
        Some(d) => {
            let dt = d.type_ref();
            if method && (dt == r.types.function || r.types.is_method_descriptor(dt)) {
                return Some((Kind::Method, Some(d)));
            }
            if !method && dt == r.types.property && ty.lookup_static("__getattr__").is_none() {
                let getter = d.downcast::<crate::function::PyProperty>()?.fget.clone()?;
                return (getter.type_ref() == r.types.function).then_some((Kind::Property, Some(getter)));
            }
            // No descriptor at all: the class attribute is the value.
            if !method && ty.is_heap() && dt.lookup_static("__get__").is_none() && dt.lookup_static("__set__").is_none() {
                return Some((Kind::ClassValue, Some(d)));
            }
            None
        }
    }
}

/// Whether STORE_ATTR of `name` on `owner` can go straight into its
/// instance dict: a plain instance of a Python class with the default
/// `__setattr__`, and no data descriptor of that name on the type.
pub(crate) fn classify_store(owner: &Value, name: &Value) -> Option<Kind> {
    let s = crate::str::as_str(name)?;
    if s.starts_with("__") {
        return None;
    }
    let ty = owner.type_ref();
    if !ty.is_heap() || ty.payload_kind() != crate::kinds::OBJECT || !ty.data().has_dict() {
        return None;
    }
    let sa = ty.lookup_static("__setattr__")?;
    sa.downcast::<crate::function::NativeFunction>()?;
    match ty.lookup_name(name) {
        None => Some(Kind::StoreDict),
        Some(d) => {
            let dt = d.type_ref();
            let descriptor = crate::ops::is_data_descriptor(&d)
                || d.downcast::<crate::class::PyGetSet>().is_some()
                || dt.lookup_static("__set__").is_some()
                || dt.lookup_static("__delete__").is_some();
            if descriptor { None } else { Some(Kind::StoreDict) }
        }
    }
}
