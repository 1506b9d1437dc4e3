//! Heap object layout: `PyObj<T>` = header + payload, the per-layout vtable,
//! allocation, typed access and deallocation (with a depth bound so freeing a
//! long chain never recurses deeply in Rust).
//!
//! Instances of heap types (classes made by `class`) carry an `InstanceExt`
//! (the `__dict__` and `__slots__` storage) after the payload; the type records
//! whether its instances have one and at which offset.

use std::cell::{Cell, RefCell};
use std::ptr::NonNull;

use parking_lot::Mutex;

use crate::header::ObjHeader;

pub use crate::finalize::{WeakrefHooks, set_weakref_hooks, weakref_register, weakref_unregister, weakref_with_list};
use crate::types::TypeData;
use crate::value::Value;

/// Identifies the Rust payload type of an object's layout.
#[derive(Copy, Clone, PartialEq, Eq, Debug)]
pub struct PayloadKind(pub u16);

/// A Rust type that can be the payload of a Python object.
pub trait PyPayload: Sized + Send + Sync + 'static {
    const KIND: PayloadKind;
    /// Objects of this layout are tracked by the cycle collector (they hold
    /// references that can form cycles). Instances of heap types are always
    /// tracked, whatever their payload. A tracked object carries a `GcHead`
    /// in front of its header (see `gc.rs`).
    const GC: bool = false;
    /// Visits every strong reference the payload holds (for the cycle
    /// collector). Must visit each reference the payload owns at most once
    /// and never a borrowed (uncounted) one; leaving one out is safe (the
    /// referent then looks externally referenced), visiting too many is not.
    fn traverse(&self, _visit: &mut dyn FnMut(&Value)) {}
    /// Breaks reference cycles by dropping held references (the collector's tp_clear).
    fn clear(&self) {}
    /// A new object that holds no trackable references may skip tracking
    /// (CPython does this for tuples of atomic values).
    fn born_untracked(&self) -> bool {
        false
    }
    /// The per-thread list of dead objects' memory that objects of this
    /// layout (without an instance extension) are allocated from and
    /// returned to (see `freelist.rs`); None: the allocator's.
    fn free_list() -> Option<&'static std::thread::LocalKey<crate::freelist::FreeList<Self>>> {
        None
    }
}

#[repr(C)]
pub struct PyObj<T> {
    pub header: ObjHeader,
    pub payload: T,
}

#[repr(C)]
struct PyObjExt<T> {
    obj: PyObj<T>,
    ext: InstanceExt,
}

/// The allocation of a GC-capable object: the collector's head, then the object.
#[repr(C)]
struct GcBox<O> {
    head: crate::gc::GcHead,
    obj: O,
}

/// Per-instance storage of heap-type instances.
pub struct InstanceExt {
    pub dict: DictSlot,
    pub slots: Box<[Mutex<Option<Value>>]>,
}

/// An instance's attributes: inline values (`inline_values`) until the
/// instance needs a dict object, then that dict, read without a lock
/// (attribute reads are the hottest path there is).
///
/// Invariants:
/// - A non-null `ptr` owns one reference to the dict, published with
///   Release and read with Acquire; `ptr` changes only under `values`'s
///   lock, and while it is non-null `values` is empty.
/// - A dict the slot stops pointing to (`__dict__` replaced or deleted)
///   moves to `retired` instead of dying, and stays there until the
///   instance dies or the collector clears it, so a reader that loaded the
///   old pointer while holding a reference to the instance can go on using
///   it. (Replacing `__dict__` is rare; a program that does it in a loop on
///   one object keeps the old dicts until then.)
/// - `values` indexes the names of the instance's type's `SharedKeys`; the
///   type never changes while values are inline (`__class__` assignment
///   moves them into a dict first).
pub struct DictSlot {
    ptr: std::sync::atomic::AtomicPtr<ObjHeader>,
    retired: Mutex<Vec<Value>>,
    values: crate::inline_values::InlineValues,
    /// Set, under the values' lock, once a thread other than the instance's
    /// owner used its inline values. Before that only the owner reads them
    /// without the lock; from then on every thread does, and a replaced or
    /// removed value is retired through QSBR (`qsbr::retire_value`) rather
    /// than dropped, so a lock-free reader that loaded it just before can
    /// still take its reference. (A writer that sees the flag clear holds
    /// the lock after every non-owner that ever held it: no such reader
    /// can exist then.)
    shared: std::sync::atomic::AtomicBool,
}

/// What `DictSlot::remove_inline` found.
pub enum Removed {
    Absent,
    /// It was there; the value to drop outside the lock (None: retired).
    Value(Option<Value>),
}

/// A dict borrowed from a `DictSlot`, valid while its instance lives.
pub struct BorrowedDict<'a>(std::mem::ManuallyDrop<Value>, std::marker::PhantomData<&'a DictSlot>);

impl std::ops::Deref for BorrowedDict<'_> {
    type Target = Value;
    fn deref(&self) -> &Value {
        &self.0
    }
}

impl Default for DictSlot {
    fn default() -> Self {
        DictSlot {
            ptr: std::sync::atomic::AtomicPtr::new(std::ptr::null_mut()),
            retired: Mutex::new(Vec::new()),
            values: crate::inline_values::InlineValues::default(),
            shared: std::sync::atomic::AtomicBool::new(false),
        }
    }
}

use crate::inline_values::SharedKeys;

impl DictSlot {
    /// The dict object, if the instance has one already (inline values are
    /// not moved into one).
    #[inline]
    pub fn get_existing(&self) -> Option<BorrowedDict<'_>> {
        let p = self.ptr.load(std::sync::atomic::Ordering::Acquire);
        if p.is_null() {
            return None;
        }
        // SAFETY: a non-null pointer holds a reference the slot owns, and a
        // dict the slot lets go of is retired, not freed, while `self` (the
        // instance) lives; the copy never touches the count (ManuallyDrop).
        Some(BorrowedDict(std::mem::ManuallyDrop::new(unsafe { Value::from_raw(p) }), std::marker::PhantomData))
    }

    /// The instance's dict if it has attributes or a dict: inline values
    /// move into a new dict first. `keys` are the instance's type's.
    pub fn dict(&self, keys: &SharedKeys) -> Option<BorrowedDict<'_>> {
        if let Some(d) = self.get_existing() {
            return Some(d);
        }
        if self.values.lock().is_empty() {
            return self.get_existing();
        }
        Some(self.get_or_create(keys))
    }

    /// A counted reference to the dict (see `dict`), if any.
    pub fn get_cloned(&self, keys: &SharedKeys) -> Option<Value> {
        self.dict(keys).map(|d| (*d).clone())
    }

    /// The dict, made first if the instance has none (from its inline
    /// values, in their insertion order).
    pub fn get_or_create(&self, keys: &SharedKeys) -> BorrowedDict<'_> {
        loop {
            if let Some(d) = self.get_existing() {
                return d;
            }
            let mut vals = self.values.lock();
            if !self.ptr.load(std::sync::atomic::Ordering::Acquire).is_null() {
                continue;
            }
            // Outside generation 0's count (`flags::GC_UNCOUNTED`).
            let fresh = alloc_with_flags(crate::runtime::rt().types.dict, crate::header::flags::GC_UNCOUNTED, crate::dict::PyDict::new);
            if let Some(d) = fresh.downcast::<crate::dict::PyDict>() {
                for (i, v) in vals.copy_in_order() {
                    if let Some(k) = keys.name(i) {
                        // A str key: no Python code runs, nothing is replaced.
                        d.set_str(k, v);
                    }
                }
            }
            let p = fresh.header_ptr() as *mut ObjHeader;
            // The slot owns the new dict's reference now.
            std::mem::forget(fresh);
            // Published before the inline values go: a lock-free reader
            // that finds a value gone then finds the dict (`get_attr_hinted`).
            self.ptr.store(p, std::sync::atomic::Ordering::Release);
            let old = vals.take_in_order();
            self.release_all(old);
            drop(vals);
        }
    }

    /// Replaces the dict (None: no dict until the next use); the old one is
    /// retired, and inline values are dropped.
    pub fn set(&self, v: Option<Value>) {
        let p = match v {
            Some(v) => {
                let p = v.header_ptr() as *mut ObjHeader;
                std::mem::forget(v);
                p
            }
            None => std::ptr::null_mut(),
        };
        let old = {
            let mut vals = self.values.lock();
            let old = self.ptr.swap(p, std::sync::atomic::Ordering::AcqRel);
            let dropped = vals.take_in_order();
            self.release_all(dropped);
            old
        };
        if !old.is_null() {
            // SAFETY: the slot owned this reference; it moves to `retired`.
            self.retired.lock().push(unsafe { Value::from_raw(old) });
        }
    }

    /// Inline values let go of under the values' lock: retired (none can
    /// run Python code) when lock-free readers may hold them (see
    /// `shared`), else dropped. The conversions that call this may run on
    /// any thread, so they count as shared use.
    fn release_all(&self, vals: Vec<(usize, Value)>) {
        self.shared.store(true, std::sync::atomic::Ordering::Release);
        for (_, v) in vals {
            crate::qsbr::retire_value(v);
        }
    }

    /// A value replaced or removed under the values' lock: handed back to
    /// drop outside the lock, or retired when lock-free readers may hold it.
    #[inline]
    fn release(&self, old: Option<Value>) -> Option<Value> {
        let v = old?;
        if self.shared.load(std::sync::atomic::Ordering::Relaxed) {
            crate::qsbr::retire_value(v);
            return None;
        }
        Some(v)
    }

    /// Attribute `name`, from the inline values or the dict (a str-keyed
    /// probe: no Python code runs).
    #[inline]
    pub fn get_attr(&self, keys: &SharedKeys, name: &Value, mine: bool) -> Option<Value> {
        self.get_attr_hinted(keys, name, usize::MAX, mine).map(|(v, _)| v)
    }

    /// `get_attr` trying position `hint` first (an inline index, or a dict
    /// entry index): (value, position it was found at). `mine`: the
    /// calling thread owns the instance.
    #[inline]
    pub fn get_attr_hinted(&self, keys: &SharedKeys, name: &Value, hint: usize, mine: bool) -> Option<(Value, usize)> {
        if self.ptr.load(std::sync::atomic::Ordering::Acquire).is_null() {
            // A name the type never stored inline is absent (the commonest
            // miss: a method name, checked for shadowing): no lock needed.
            let i = if keys.is_at(hint, name) { hint } else { keys.find(name)? };
            if mine || self.shared.load(std::sync::atomic::Ordering::Acquire) {
                // Without the lock (see `shared`).
                let guard = crate::qsbr::ReadGuard::new();
                let bits = self.values.load_bits(i);
                if self.ptr.load(std::sync::atomic::Ordering::Acquire).is_null() {
                    let bits = std::num::NonZeroUsize::new(bits)?;
                    // SAFETY: the value was stored here when loaded; if it
                    // has been replaced or removed since, it was retired
                    // (not dropped), and this thread has not passed a
                    // quiescent state since loading it (`guard`), so it is
                    // alive; the view is cloned, never dropped.
                    let v = std::mem::ManuallyDrop::new(unsafe { Value::from_bits(bits) });
                    let out = (*v).clone();
                    drop(guard);
                    return Some((out, i));
                }
                // Moved into a dict meanwhile: read that.
            } else {
                let vals = self.values.lock();
                self.shared.store(true, std::sync::atomic::Ordering::Release);
                if self.ptr.load(std::sync::atomic::Ordering::Acquire).is_null() {
                    return vals.get(i).map(|v| (v, i));
                }
            }
        }
        let d = self.get_existing()?;
        d.downcast::<crate::dict::PyDict>()?.get_name_hinted(name, hint)
    }

    /// Stores attribute `name` (inline while there is room, else in the
    /// dict), trying position `hint` first: the replaced value (for the
    /// caller to drop outside every lock) and the position.
    #[inline]
    pub fn set_attr_hinted(&self, keys: &SharedKeys, name: &Value, value: Value, hint: usize, mine: bool) -> (Option<Value>, usize) {
        if self.ptr.load(std::sync::atomic::Ordering::Acquire).is_null() {
            let mut vals = self.values.lock();
            if !mine {
                self.shared.store(true, std::sync::atomic::Ordering::Release);
            }
            if self.ptr.load(std::sync::atomic::Ordering::Acquire).is_null() {
                let i = if keys.is_at(hint, name) { Some(hint) } else { keys.find_or_add(name) };
                if let Some(i) = i {
                    let old = vals.set(i, value);
                    return (self.release(old), i);
                }
            }
        }
        match self.get_or_create(keys).downcast::<crate::dict::PyDict>() {
            Some(dd) => dd.set_name_hinted(name, value, hint),
            None => (Some(value), usize::MAX),
        }
    }

    /// Removes attribute `name` from the inline values, if they hold the
    /// attributes: Some(removed value or None when absent); None when the
    /// instance has a dict (the caller deletes from it).
    /// `mine`: the calling thread owns the instance.
    pub fn remove_inline(&self, keys: &SharedKeys, name: &Value, mine: bool) -> Option<Removed> {
        let mut vals = self.values.lock();
        if !mine {
            self.shared.store(true, std::sync::atomic::Ordering::Release);
        }
        if !self.ptr.load(std::sync::atomic::Ordering::Acquire).is_null() {
            return None;
        }
        Some(match keys.find(name).and_then(|i| vals.remove(i)) {
            None => Removed::Absent,
            Some(v) => Removed::Value(self.release(Some(v))),
        })
    }

    /// Visits the dict, the retired ones and the inline values (the collector's traverse).
    pub fn visit(&self, visit: &mut dyn FnMut(&Value)) {
        if let Some(d) = self.get_existing() {
            visit(&d);
        }
        for d in self.retired.lock().iter() {
            visit(d);
        }
        self.values.lock().visit(visit);
    }

    /// Takes every reference the slot holds (tp_clear, dealloc): only for an
    /// instance nothing else can reach, so no reader holds a borrowed dict.
    pub fn take_all(&self) -> Vec<Value> {
        let mut out = std::mem::take(&mut *self.retired.lock());
        let mut vals = self.values.lock();
        let p = self.ptr.swap(std::ptr::null_mut(), std::sync::atomic::Ordering::AcqRel);
        out.extend(vals.take_in_order().into_iter().map(|(_, v)| v));
        drop(vals);
        if !p.is_null() {
            // SAFETY: the reference the slot owned, handed to the caller.
            out.push(unsafe { Value::from_raw(p) });
        }
        out
    }
}

impl Drop for DictSlot {
    fn drop(&mut self) {
        let p = std::mem::replace(self.ptr.get_mut(), std::ptr::null_mut());
        if !p.is_null() {
            // SAFETY: the reference the slot owned (see `get_existing`); the
            // instance is dying, so no reader holds a borrowed copy.
            drop(unsafe { Value::from_raw(p) });
        }
        drop(std::mem::take(self.retired.get_mut()));
    }
}

/// What the runtime needs to know about one payload layout, independent of type.
pub struct PayloadVtable {
    pub kind: PayloadKind,
    /// Frees an object of this layout (with or without an extension).
    pub dealloc: unsafe fn(*mut ObjHeader, bool),
    pub ext_offset: usize,
    pub traverse: unsafe fn(*const ObjHeader, &mut dyn FnMut(&Value)),
    pub clear: unsafe fn(*const ObjHeader),
    /// Objects of this layout are GC-capable even without an instance extension.
    pub gc: bool,
}

pub trait HasVtable: PyPayload {
    const VTABLE: PayloadVtable;
}

impl<T: PyPayload> HasVtable for T {
    const VTABLE: PayloadVtable = PayloadVtable {
        kind: T::KIND,
        dealloc: dealloc_impl::<T>,
        ext_offset: std::mem::offset_of!(PyObjExt<T>, ext),
        traverse: traverse_impl::<T>,
        clear: clear_impl::<T>,
        gc: T::GC,
    };
}

unsafe fn dealloc_impl<T: PyPayload>(ptr: *mut ObjHeader, has_ext: bool) {
    let head = crate::gc::GC_HEAD_SIZE;
    if !has_ext && T::free_list().is_some() {
        let obj = ptr as *mut PyObj<T>;
        // SAFETY: the object is dead and untracked (`dealloc`), its weak
        // references are cleared, and nothing refers to it: its payload is
        // dropped once, here, and then its memory is listed or freed.
        unsafe {
            std::ptr::drop_in_place(&raw mut (*obj).payload);
            if !crate::freelist::give(obj) {
                free_memory::<T>(ptr);
            }
        }
        return;
    }
    if has_ext {
        // SAFETY: objects of types with has_ext are GC-capable and were
        // allocated as Box<GcBox<PyObjExt<T>>>, the header `head` bytes in.
        drop(unsafe { Box::from_raw((ptr as *mut u8).sub(head) as *mut GcBox<PyObjExt<T>>) });
    } else if T::GC {
        // SAFETY: GC-capable layouts without extension were allocated as
        // Box<GcBox<PyObj<T>>>, the header `head` bytes in.
        drop(unsafe { Box::from_raw((ptr as *mut u8).sub(head) as *mut GcBox<PyObj<T>>) });
    } else {
        // SAFETY: otherwise they were allocated as Box<PyObj<T>>.
        drop(unsafe { Box::from_raw(ptr as *mut PyObj<T>) });
    }
}

/// The layout `alloc` gives an object of payload `T` without an instance
/// extension, and the offset of its header in that allocation.
fn block_layout<T: PyPayload>() -> (std::alloc::Layout, usize) {
    if T::GC {
        (std::alloc::Layout::new::<GcBox<PyObj<T>>>(), std::mem::offset_of!(GcBox<PyObj<T>>, obj))
    } else {
        (std::alloc::Layout::new::<PyObj<T>>(), 0)
    }
}

/// Frees the memory of a dead object without dropping anything.
///
/// # Safety
/// `ptr` must be an object `alloc` made for payload `T` without an instance
/// extension, whose payload was dropped (or needs no drop) and that nothing
/// refers to.
pub(crate) unsafe fn free_memory<T: PyPayload>(ptr: *mut ObjHeader) {
    let (layout, offset) = block_layout::<T>();
    // SAFETY: per the contract, the allocation starts `offset` bytes before
    // the header and has this layout.
    unsafe { std::alloc::dealloc((ptr as *mut u8).sub(offset), layout) };
}

/// Memory for a new object of payload `T` without an instance extension:
/// a block off `T`'s free list, else a fresh allocation. Returns the
/// (uninitialised) object's address; for a GC-capable layout its GC head,
/// written here, is in front.
#[inline]
fn object_memory<T: PyPayload>() -> *mut PyObj<T> {
    let mut p = crate::freelist::take::<T>();
    if p.is_null() {
        let (layout, offset) = block_layout::<T>();
        // SAFETY: the layout has a nonzero size (it holds a header).
        let b = unsafe { std::alloc::alloc(layout) };
        if b.is_null() {
            std::alloc::handle_alloc_error(layout);
        }
        // SAFETY: the header lies `offset` bytes into the block.
        p = unsafe { b.add(offset) } as *mut PyObj<T>;
    }
    if T::GC {
        // SAFETY: GC layouts have their head right before the object (`block_layout`).
        unsafe { ((p as *mut u8).sub(crate::gc::GC_HEAD_SIZE) as *mut crate::gc::GcHead).write(crate::gc::GcHead::new()) };
    }
    p
}

unsafe fn traverse_impl<T: PyPayload>(ptr: *const ObjHeader, visit: &mut dyn FnMut(&Value)) {
    // SAFETY: the caller passes an object of layout T.
    unsafe { (*(ptr as *const PyObj<T>)).payload.traverse(visit) }
}

unsafe fn clear_impl<T: PyPayload>(ptr: *const ObjHeader) {
    // SAFETY: the caller passes a live object of layout T.
    unsafe { (*(ptr as *const PyObj<T>)).payload.clear() }
}

/// A borrowed pointer to a type object. Types outlive every instance: builtin
/// types are immortal and each instance of a heap type holds a strong
/// reference to its type (released in `dealloc`).
#[derive(Copy, Clone, PartialEq, Eq, Hash)]
pub struct TypeRef(NonNull<PyObj<TypeData>>);

// SAFETY: TypeData is Sync; the pointer is only read.
unsafe impl Send for TypeRef {}
// SAFETY: as above.
unsafe impl Sync for TypeRef {}

impl TypeRef {
    /// # Safety
    /// `v` must be a type object kept alive for as long as the TypeRef is used.
    pub unsafe fn from_value_unchecked(v: &Value) -> TypeRef {
        TypeRef(NonNull::new(v.header_ptr() as *mut PyObj<TypeData>).unwrap_or(NonNull::dangling()))
    }

    pub fn from_value(v: &Value) -> Option<TypeRef> {
        v.downcast::<TypeData>()?;
        // SAFETY: checked to be a type object above; the caller holds `v`.
        Some(unsafe { Self::from_value_unchecked(v) })
    }

    #[inline]
    pub fn data(&self) -> &'static TypeData {
        // SAFETY: see the type's invariant: types outlive their users.
        unsafe { &(*self.0.as_ptr()).payload }
    }

    #[inline]
    pub fn payload_kind(&self) -> PayloadKind {
        self.data().payload_kind()
    }

    pub fn name(&self) -> String {
        self.data().name()
    }

    /// A new strong reference to the type object.
    pub fn to_value(&self) -> Value {
        // SAFETY: the type is live (invariant above).
        unsafe { Value::from_borrowed(self.0.as_ptr() as *const ObjHeader) }
    }

    pub fn ptr(&self) -> usize {
        self.0.as_ptr() as usize
    }
}

/// Allocates a new object of type `ty` with payload `payload`; the payload type
/// must be the layout of `ty`.
pub fn alloc<T: PyPayload>(ty: TypeRef, payload: T) -> Value {
    // The GC head sits exactly GC_HEAD_SIZE bytes before the header.
    const { assert!(std::mem::align_of::<PyObjExt<T>>() <= crate::gc::GC_HEAD_SIZE) };
    let td = ty.data();
    debug_assert_eq!(td.vtable.kind, T::KIND, "payload does not match {}", td.name());
    if td.is_heap() {
        // Instances keep their heap type alive.
        std::mem::forget(ty.to_value());
    }
    let untracked = T::GC && payload.born_untracked();
    let head = crate::gc::GcHead::new();
    let ptr = if td.has_ext() {
        let nslots = td.nslots();
        let ext = InstanceExt {
            dict: DictSlot::default(),
            slots: (0..nslots).map(|_| Mutex::new(None)).collect(),
        };
        let b = Box::into_raw(Box::new(GcBox { head, obj: PyObjExt { obj: PyObj { header: ObjHeader::new(ty), payload }, ext } }));
        // SAFETY: b is a fresh allocation; the object is its field.
        unsafe { &raw const (*b).obj.obj.header }
    } else if T::free_list().is_some() {
        let p = object_memory::<T>();
        // SAFETY: `p` is memory for one object of this layout, nothing else's.
        unsafe { p.write(PyObj { header: ObjHeader::new(ty), payload }) };
        p as *const ObjHeader
    } else if T::GC {
        let b = Box::into_raw(Box::new(GcBox { head, obj: PyObj { header: ObjHeader::new(ty), payload } }));
        // SAFETY: as above.
        unsafe { &raw const (*b).obj.header }
    } else {
        Box::into_raw(Box::new(PyObj { header: ObjHeader::new(ty), payload })) as *const ObjHeader
    };
    if (T::GC || td.has_ext()) && !untracked {
        // SAFETY: ptr is a fresh GC-capable object, live and not yet shared.
        unsafe { crate::gc::track(ptr) };
    }
    // SAFETY: freshly allocated with a count of one, which we hand over.
    unsafe { Value::from_raw(ptr) }
}

/// `alloc` of a payload made once the memory is there, for GC-capable
/// payloads of types without an instance extension (a dict): written in
/// place, not built on the stack and copied into the heap.
#[inline]
pub fn alloc_with<T: PyPayload>(ty: TypeRef, make: impl FnOnce() -> T) -> Value {
    alloc_with_flags(ty, 0, make)
}

/// `alloc_with` of an object whose header starts with `flags` (see
/// `header::flags`), set before the object is tracked. Always fresh
/// memory (the layouts with a free list are not made here; one that were
/// would still be freed right, its block having the same layout).
#[inline]
pub(crate) fn alloc_with_flags<T: PyPayload>(ty: TypeRef, flags: u8, make: impl FnOnce() -> T) -> Value {
    let td = ty.data();
    if !T::GC || td.has_ext() {
        debug_assert_eq!(flags, 0, "flags need alloc_with's in-place path");
        return alloc(ty, make());
    }
    debug_assert_eq!(td.vtable.kind, T::KIND, "payload does not match {}", td.name());
    if td.is_heap() {
        // Instances keep their heap type alive.
        std::mem::forget(ty.to_value());
    }
    let mut b: Box<std::mem::MaybeUninit<GcBox<PyObj<T>>>> = Box::new_uninit();
    let p = b.as_mut_ptr();
    // SAFETY: `p` is the box's own (uninitialised) memory; each field is
    // written exactly once before the box is treated as initialised.
    let ptr = unsafe {
        (&raw mut (*p).head).write(crate::gc::GcHead::new());
        (&raw mut (*p).obj.header).write(ObjHeader::with_flags(ty, flags));
        (&raw mut (*p).obj.payload).write(make());
        let raw = Box::into_raw(b) as *mut GcBox<PyObj<T>>;
        &raw const (*raw).obj.header
    };
    // SAFETY: the payload was just written and nothing else sees the object.
    let untracked = unsafe { (*(ptr as *const PyObj<T>)).payload.born_untracked() };
    if !untracked {
        // SAFETY: ptr is a fresh GC-capable object, live and not yet shared.
        unsafe { crate::gc::track(ptr) };
    }
    // SAFETY: freshly allocated with a count of one, which we hand over.
    unsafe { Value::from_raw(ptr) }
}

/// Allocates the `type` type object itself during bootstrap, in the same
/// GC-capable layout as every other type object (untracked: it is immortal).
pub(crate) fn bootstrap_type_object(obj: PyObj<TypeData>) -> *mut PyObj<TypeData> {
    let b = Box::into_raw(Box::new(GcBox { head: crate::gc::GcHead::new(), obj }));
    // SAFETY: b is a fresh allocation; the object is its field.
    unsafe { &raw mut (*b).obj }
}

/// Whether objects of this type carry a GC head (are GC-capable).
#[inline]
pub fn is_gc_type(td: &TypeData) -> bool {
    td.vtable.gc || td.has_ext()
}

/// Allocates an immortal object (never freed).
pub fn alloc_immortal<T: PyPayload>(ty: TypeRef, payload: T) -> Value {
    let v = alloc(ty, payload);
    if let Some(h) = v.header() {
        h.make_immortal();
        // Immortal objects are never collected: the collector need not see them.
        crate::gc::untrack_value(&v);
    }
    v
}

/// The instance extension of `v`, if its type has one.
pub fn ext(v: &Value) -> Option<&InstanceExt> {
    let h = v.header()?;
    let td = h.ty.data();
    if !td.has_ext() {
        return None;
    }
    // SAFETY: objects of a type with has_ext were allocated as PyObjExt with the
    // extension at vtable.ext_offset.
    Some(unsafe { &*((v.header_ptr() as *const u8).add(td.vtable.ext_offset) as *const InstanceExt) })
}

/// The instance's `__dict__` if it has attributes or a dict (inline
/// values move into one), without making an empty one.
pub fn dict_if_any(v: &Value) -> Option<Value> {
    ext(v)?.dict.get_cloned(&v.type_ref().data().attr_keys)
}

/// Visits the strong references held by `v` (payload and extension).
pub fn traverse(v: &Value, visit: &mut dyn FnMut(&Value)) {
    if v.is_small_int() {
        return;
    }
    // SAFETY: `v` keeps the object alive.
    unsafe { traverse_ptr(v.header_ptr(), visit) }
}

/// Visits the strong references held by the object at `ptr`.
///
/// # Safety
/// `ptr` must be a live object for the duration of the call.
pub(crate) unsafe fn traverse_ptr(ptr: *const ObjHeader, visit: &mut dyn FnMut(&Value)) {
    // SAFETY: live per the caller.
    let h = unsafe { &*ptr };
    let td = h.ty.data();
    // SAFETY: the vtable matches the object's layout.
    unsafe { (td.vtable.traverse)(ptr, visit) };
    if let Some(e) = ext_ptr(ptr) {
        e.dict.visit(visit);
        for s in e.slots.iter() {
            if let Some(x) = s.lock().as_ref() {
                visit(x);
            }
        }
    }
    if td.is_heap() {
        // The reference alloc() leaked for this instance; borrowed here
        // without touching the count (ManuallyDrop never decrefs).
        // SAFETY: the type outlives its instances.
        let t = std::mem::ManuallyDrop::new(unsafe { Value::from_raw(h.ty.ptr() as *const ObjHeader) });
        visit(&t);
    }
}

/// Drops the references the object at `ptr` holds that can form cycles
/// (payload `clear`, `__dict__` and `__slots__` of instances). The collector's
/// tp_clear.
///
/// # Safety
/// `ptr` must be a live object for the duration of the call.
pub(crate) unsafe fn clear_ptr(ptr: *const ObjHeader) {
    // SAFETY: live per the caller.
    let td = unsafe { (*ptr).ty.data() };
    // SAFETY: the vtable matches the object's layout.
    unsafe { (td.vtable.clear)(ptr) };
    if let Some(e) = ext_ptr(ptr) {
        drop(e.dict.take_all());
        for s in e.slots.iter() {
            let x = s.lock().take();
            drop(x);
        }
    }
}

pub(crate) fn ext_ptr<'a>(ptr: *const ObjHeader) -> Option<&'a InstanceExt> {
    // SAFETY: callers pass live objects.
    let td = unsafe { (*ptr).ty.data() };
    if !td.has_ext() {
        return None;
    }
    // SAFETY: objects of a type with has_ext were allocated as PyObjExt with the
    // extension at vtable.ext_offset; the caller keeps the object alive.
    Some(unsafe { &*((ptr as *const u8).add(td.vtable.ext_offset) as *const InstanceExt) })
}

thread_local! {
    static DEALLOC_DEPTH: Cell<u32> = const { Cell::new(0) };
    static DEALLOC_PENDING: RefCell<Vec<usize>> = const { RefCell::new(Vec::new()) };
}
const DEALLOC_MAX_DEPTH: u32 = 64;

/// Frees a dead object. Nested frees beyond a small depth are queued and run by
/// the outermost call, so freeing a million-deep chain uses constant Rust stack.
///
/// # Safety
/// `ptr` must be an object whose refcount just reached zero.
pub unsafe fn dealloc(ptr: *mut ObjHeader) {
    // SAFETY: forwarded from the caller.
    if unsafe { crate::freelist::reclaim(ptr) } {
        return;
    }
    // A dying object leaves the collector's view at once (it may wait in the
    // pending queue below, with a zero count the collector must not see).
    // SAFETY: ptr is dead but still allocated.
    unsafe { crate::gc::untrack(ptr) };
    let depth = DEALLOC_DEPTH.get();
    if depth >= DEALLOC_MAX_DEPTH {
        DEALLOC_PENDING.with(|p| p.borrow_mut().push(ptr as usize));
        return;
    }
    DEALLOC_DEPTH.set(depth + 1);
    // SAFETY: forwarded from the caller.
    unsafe { dealloc_now(ptr) };
    if depth == 0 {
        loop {
            let next = DEALLOC_PENDING.with(|p| p.borrow_mut().pop());
            match next {
                // SAFETY: queued pointers are dead objects awaiting their free.
                Some(p) => unsafe { dealloc_now(p as *mut ObjHeader) },
                None => break,
            }
        }
    }
    DEALLOC_DEPTH.set(depth);
}

unsafe fn dealloc_now(ptr: *mut ObjHeader) {
    // SAFETY: ptr is a dead but not yet freed object.
    let ty = unsafe { (*ptr).ty };
    let td = ty.data();
    let finalizes = td.is_heap() || td.flags() & crate::types::type_flags::FINALIZE != 0;
    if finalizes && crate::finalize::run_del_if_any(ptr) {
        // Resurrected by __del__: tracked again, as CPython does.
        // SAFETY: the object is alive again (its count is positive).
        unsafe { crate::gc::track(ptr) };
        return;
    }
    if td.vtable.kind == crate::kinds::GENERATOR && crate::finalize::close_suspended_generator(ptr) {
        // SAFETY: as above.
        unsafe { crate::gc::track(ptr) };
        return;
    }
    // SAFETY: ptr is still allocated (freed just below).
    if unsafe { (*ptr).has_flag(crate::header::flags::HAS_WEAKREFS) } {
        crate::finalize::clear_weakrefs(ptr as usize);
    }
    // SAFETY: the vtable describes how this object was allocated.
    unsafe { (td.vtable.dealloc)(ptr, td.has_ext()) };
    if td.is_heap() {
        // Release the reference the instance held on its heap type.
        // SAFETY: alloc() leaked exactly one reference for this instance.
        drop(unsafe { Value::from_raw(ty.ptr() as *const ObjHeader) });
    }
}
