//! Per-thread free lists of dead objects' memory, for the payloads that
//! are made and freed at a high rate: floats and ints (a result per
//! arithmetic operation), iterators (one per `for`) and ranges.
//!
//! Floats and ints skip the general dealloc path as well (GC untrack,
//! finalizer and weakref checks, none of which applies to an exact float or
//! int: `reclaim`). The others opt in with `PyPayload::free_list`: `alloc`
//! takes a block from the list and their dealloc puts it back after the
//! general path (untracked, finalized, weak references cleared, payload
//! dropped). Either way a hot loop does not depend on the allocator keeping
//! a page it just emptied.
//!
//! Invariant: every block on a list is the allocation of a dead object of
//! the list's payload layout (the object's own memory, `object::alloc`'s
//! layout for `T` without an instance extension), untracked, with no weak
//! references and its payload dropped; only the owning thread touches its
//! list. A block is listed by its object (header) address, and the object's
//! first word holds the next one while it waits here.

use std::cell::Cell;

use crate::header::{ObjHeader, flags};
use crate::num::{PyFloat, PyInt};
use crate::object::{PyObj, PyPayload};
use crate::runtime::rt;
use crate::value::Value;

pub struct FreeList<T: PyPayload> {
    head: Cell<*mut PyObj<T>>,
    len: Cell<u32>,
    max_len: u32,
}

impl<T: PyPayload> FreeList<T> {
    /// A list that keeps at most `max_len` blocks: enough for the
    /// temporaries of a hot loop, few enough not to hold memory hostage.
    pub const fn new(max_len: u32) -> Self {
        FreeList { head: Cell::new(std::ptr::null_mut()), len: Cell::new(0), max_len }
    }

    /// A block off the list, or null when it is empty.
    #[inline]
    pub(crate) fn pop(&self) -> *mut PyObj<T> {
        let p = self.head.get();
        if !p.is_null() {
            // SAFETY: p is a list block (see the module invariant): its first word is the link.
            self.head.set(unsafe { *(p as *mut *mut PyObj<T>) });
            self.len.set(self.len.get() - 1);
        }
        p
    }

    #[inline]
    fn is_full(&self) -> bool {
        self.len.get() >= self.max_len
    }

    /// Puts a dead block on the list; false when the list is full.
    ///
    /// # Safety
    /// `p` must be an object allocated by `object::alloc` for payload `T`
    /// without an instance extension, untracked, whose payload was dropped
    /// (or needs no drop) and that nothing refers to any more.
    #[inline]
    pub(crate) unsafe fn push(&self, p: *mut PyObj<T>) -> bool {
        if self.is_full() {
            return false;
        }
        // SAFETY: the block is dead and at least a word long; the caller owns it.
        unsafe { *(p as *mut *mut PyObj<T>) = self.head.get() };
        self.head.set(p);
        self.len.set(self.len.get() + 1);
        true
    }
}

impl<T: PyPayload> Drop for FreeList<T> {
    fn drop(&mut self) {
        let mut p = self.head.replace(std::ptr::null_mut());
        while !p.is_null() {
            // SAFETY: list blocks are allocations whose first word is the next link.
            let next = unsafe { *(p as *mut *mut PyObj<T>) };
            // SAFETY: p is a dead object of layout T without extension whose
            // payload was dropped: freeing its memory is all that is left.
            unsafe { crate::object::free_memory::<T>(p as *mut ObjHeader) };
            p = next;
        }
    }
}

/// A block off `T`'s free list, or null (no list, an empty one, or a
/// thread that is exiting).
#[inline]
pub(crate) fn take<T: PyPayload>() -> *mut PyObj<T> {
    match T::free_list() {
        Some(list) => list.try_with(FreeList::pop).unwrap_or(std::ptr::null_mut()),
        None => std::ptr::null_mut(),
    }
}

/// Puts the dead object `p` on `T`'s free list; false when `T` has none or
/// it is full (the caller frees the memory).
///
/// # Safety
/// As `FreeList::push`.
#[inline]
pub(crate) unsafe fn give<T: PyPayload>(p: *mut PyObj<T>) -> bool {
    match T::free_list() {
        // SAFETY: forwarded from the caller.
        Some(list) => list.try_with(|l| unsafe { l.push(p) }).unwrap_or(false),
        None => false,
    }
}

/// Enough for the temporaries of any numeric expression.
const NUMBERS_MAX_LEN: u32 = 256;

thread_local! {
    static FLOATS: FreeList<PyFloat> = const { FreeList::new(NUMBERS_MAX_LEN) };
    static INTS: FreeList<PyInt> = const { FreeList::new(NUMBERS_MAX_LEN) };
}

/// A new float object, from the free list when it has a block.
#[inline]
pub fn new_float(value: f64) -> Value {
    let block = FLOATS.try_with(FreeList::pop).unwrap_or(std::ptr::null_mut());
    let ty = rt().types.float;
    if block.is_null() {
        return crate::object::alloc(ty, PyFloat { value });
    }
    // SAFETY: the block is a dead float's allocation, the size and alignment of
    // PyObj<PyFloat>; writing a whole new object makes it live with one reference.
    unsafe {
        block.write(PyObj { header: ObjHeader::new(ty), payload: PyFloat { value } });
        Value::from_raw(block as *const ObjHeader)
    }
}

/// A new exact int object (the caller keeps immediate-range values out, see
/// `PyInt`), from the free list when it has a block.
#[inline]
pub fn new_int_obj(value: spindle_num::Int) -> Value {
    new_int_obj_of(rt().types.int, value)
}

/// `new_int_obj` for a caller that has `ty`, the `int` type, at hand.
#[inline]
pub fn new_int_obj_of(ty: crate::object::TypeRef, value: spindle_num::Int) -> Value {
    debug_assert!(ty == rt().types.int);
    let block = INTS.try_with(FreeList::pop).unwrap_or(std::ptr::null_mut());
    if block.is_null() {
        return alloc_int(ty, value);
    }
    // SAFETY: the block is a dead exact int's allocation, the size and alignment
    // of PyObj<PyInt>; writing a whole new object makes it live with one reference.
    unsafe {
        block.write(PyObj { header: ObjHeader::new(ty), payload: PyInt { value } });
        Value::from_raw(block as *const ObjHeader)
    }
}

#[cold]
#[inline(never)]
fn alloc_int(ty: crate::object::TypeRef, value: spindle_num::Int) -> Value {
    crate::object::alloc(ty, PyInt { value })
}

/// Takes a dead object's memory if it is an exact float or int; false leaves
/// the object to the general dealloc path.
///
/// # Safety
/// `ptr` must be an object whose reference count just reached zero.
#[inline]
pub(crate) unsafe fn reclaim(ptr: *mut ObjHeader) -> bool {
    // SAFETY: the object is dead but still allocated.
    let h = unsafe { &*ptr };
    let types = &rt().types;
    if h.has_flag(flags::HAS_WEAKREFS) {
        return false;
    }
    if h.ty == types.float {
        // SAFETY: an exact float was allocated as Box<PyObj<PyFloat>> (not GC-capable:
        // no GC head, no instance extension) and nothing else refers to it; its
        // payload needs no drop.
        return FLOATS.try_with(|fl| unsafe { fl.push(ptr as *mut PyObj<PyFloat>) }).unwrap_or(false);
    }
    if h.ty == types.int {
        return INTS
            .try_with(|fl| {
                if fl.is_full() {
                    return false;
                }
                let obj = ptr as *mut PyObj<PyInt>;
                // SAFETY: an exact int was allocated as Box<PyObj<PyInt>> (not
                // GC-capable, no instance extension) and nothing else refers to it.
                // Its payload (a BigInt may own memory) is dropped once, here; the
                // list has room, so the push below takes the block.
                unsafe {
                    std::ptr::drop_in_place(&raw mut (*obj).payload);
                    fl.push(obj)
                }
            })
            .unwrap_or(false);
    }
    false
}
