//! A per-thread free list of float objects. Float arithmetic allocates a
//! result per operation and frees an operand soon after; recycling the
//! blocks here skips the allocator and the general dealloc path (GC untrack,
//! finalizer and weakref checks), none of which applies to an exact float.
//!
//! Invariant: every block on the list is the allocation of a dead exact
//! float (`Box<PyObj<PyFloat>>`, never GC-tracked, no weak references), and
//! only the owning thread touches its list. A block's first word holds the
//! next block while it waits here.

use std::alloc::Layout;
use std::cell::Cell;

use crate::header::{ObjHeader, flags};
use crate::num::PyFloat;
use crate::object::PyObj;
use crate::runtime::rt;
use crate::value::Value;

type FloatObj = PyObj<PyFloat>;

/// Enough for the temporaries of any float expression, small enough not to
/// hold memory hostage.
const MAX_LEN: u32 = 256;

struct FreeList {
    head: Cell<*mut FloatObj>,
    len: Cell<u32>,
}

impl Drop for FreeList {
    fn drop(&mut self) {
        let mut p = self.head.replace(std::ptr::null_mut());
        while !p.is_null() {
            // SAFETY: list blocks are float allocations whose first word is the next link.
            let next = unsafe { *(p as *mut *mut FloatObj) };
            // SAFETY: p came from Box<FloatObj> (the global allocator, this layout) and
            // holds no live value, so freeing the memory without dropping is right.
            unsafe { std::alloc::dealloc(p as *mut u8, Layout::new::<FloatObj>()) };
            p = next;
        }
    }
}

thread_local! {
    static FLOATS: FreeList = const { FreeList { head: Cell::new(std::ptr::null_mut()), len: Cell::new(0) } };
}

/// A new float object, from the free list when it has a block.
#[inline]
pub fn new_float(value: f64) -> Value {
    let block = FLOATS
        .try_with(|fl| {
            let p = fl.head.get();
            if !p.is_null() {
                // SAFETY: p is a list block (see the module invariant).
                fl.head.set(unsafe { *(p as *mut *mut FloatObj) });
                fl.len.set(fl.len.get() - 1);
            }
            p
        })
        .unwrap_or(std::ptr::null_mut());
    let ty = rt().types.float;
    if block.is_null() {
        return crate::object::alloc(ty, PyFloat { value });
    }
    // SAFETY: the block is a dead float's allocation, the size and alignment of
    // FloatObj; writing a whole new object makes it live with one reference.
    unsafe {
        block.write(PyObj { header: ObjHeader::new(ty), payload: PyFloat { value } });
        Value::from_raw(block as *const ObjHeader)
    }
}

/// Takes a dead object's memory if it is an exact float; false leaves the
/// object to the general dealloc path.
///
/// # Safety
/// `ptr` must be an object whose reference count just reached zero.
#[inline]
pub(crate) unsafe fn reclaim(ptr: *mut ObjHeader) -> bool {
    // SAFETY: the object is dead but still allocated.
    let h = unsafe { &*ptr };
    if h.ty != rt().types.float || h.has_flag(flags::HAS_WEAKREFS) {
        return false;
    }
    FLOATS
        .try_with(|fl| {
            let n = fl.len.get();
            if n >= MAX_LEN {
                return false;
            }
            // SAFETY: an exact float was allocated as Box<FloatObj> (not GC-capable:
            // no GC head) and nothing else refers to it; its payload needs no drop.
            unsafe { *(ptr as *mut *mut FloatObj) = fl.head.get() };
            fl.head.set(ptr as *mut FloatObj);
            fl.len.set(n + 1);
            true
        })
        .unwrap_or(false)
}
