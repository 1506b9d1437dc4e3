//! Per-thread free lists of float and int objects. Float arithmetic, and int
//! arithmetic past the immediate range, allocates a result per operation and
//! frees an operand soon after; recycling the blocks here skips the allocator
//! and the general dealloc path (GC untrack, finalizer and weakref checks),
//! none of which applies to an exact float or int.
//!
//! Invariant: every block on a list is the allocation of a dead object of the
//! list's exact builtin type (`Box<PyObj<T>>`, never GC-tracked, no weak
//! references, payload already dropped), and only the owning thread touches
//! its list. A block's first word holds the next block while it waits here.

use std::alloc::Layout;
use std::cell::Cell;

use crate::header::{ObjHeader, flags};
use crate::num::{PyFloat, PyInt};
use crate::object::PyObj;
use crate::runtime::rt;
use crate::value::Value;

/// Enough for the temporaries of any numeric expression, small enough not to
/// hold memory hostage.
const MAX_LEN: u32 = 256;

struct FreeList<T> {
    head: Cell<*mut PyObj<T>>,
    len: Cell<u32>,
}

impl<T> FreeList<T> {
    const fn new() -> Self {
        FreeList { head: Cell::new(std::ptr::null_mut()), len: Cell::new(0) }
    }

    /// A block off the list, or null when it is empty.
    #[inline]
    fn pop(&self) -> *mut PyObj<T> {
        let p = self.head.get();
        if !p.is_null() {
            // SAFETY: p is a list block (see the module invariant): its first word is the link.
            self.head.set(unsafe { *(p as *mut *mut PyObj<T>) });
            self.len.set(self.len.get() - 1);
        }
        p
    }

    /// Puts a dead block on the list; false when the list is full.
    ///
    /// # Safety
    /// `p` must be a `Box<PyObj<T>>` allocation whose payload was dropped (or
    /// needs no drop) and that nothing refers to any more.
    #[inline]
    unsafe fn push(&self, p: *mut PyObj<T>) -> bool {
        let n = self.len.get();
        if n >= MAX_LEN {
            return false;
        }
        // SAFETY: the block is dead and at least a word long; the caller owns it.
        unsafe { *(p as *mut *mut PyObj<T>) = self.head.get() };
        self.head.set(p);
        self.len.set(n + 1);
        true
    }
}

impl<T> Drop for FreeList<T> {
    fn drop(&mut self) {
        let mut p = self.head.replace(std::ptr::null_mut());
        while !p.is_null() {
            // SAFETY: list blocks are allocations whose first word is the next link.
            let next = unsafe { *(p as *mut *mut PyObj<T>) };
            // SAFETY: p came from Box<PyObj<T>> (the global allocator, this layout) and
            // holds no live value, so freeing the memory without dropping is right.
            unsafe { std::alloc::dealloc(p as *mut u8, Layout::new::<PyObj<T>>()) };
            p = next;
        }
    }
}

thread_local! {
    static FLOATS: FreeList<PyFloat> = const { FreeList::new() };
    static INTS: FreeList<PyInt> = const { FreeList::new() };
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
                if fl.len.get() >= MAX_LEN {
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
