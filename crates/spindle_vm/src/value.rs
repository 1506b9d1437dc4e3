//! `Value`: one machine word, either an immediate small int or a strong
//! reference to a heap object (DESIGN.md section 3).
//!
//! Encoding: bit 0 set means a small int stored in the upper 63 bits; bit 0
//! clear means a non-null, 8-aligned pointer to an `ObjHeader`. Cloning a
//! pointer value increfs, dropping it decrefs; small ints touch nothing.

use std::num::NonZeroUsize;

use crate::header::ObjHeader;
use crate::object::{self, PyObj, PyPayload, TypeRef};

#[repr(transparent)]
pub struct Value(NonZeroUsize);

/// Inclusive bounds of the immediate small-int range (63-bit).
pub const SMALL_MIN: i64 = -(1 << 62);
pub const SMALL_MAX: i64 = (1 << 62) - 1;

// SAFETY: the refcount protocol in header.rs is thread-safe (biased counting
// with atomic shared counts); payload types are Sync by PyPayload's bound.
unsafe impl Send for Value {}
// SAFETY: as above.
unsafe impl Sync for Value {}

impl Value {
    #[inline]
    pub fn small_int(i: i64) -> Option<Value> {
        if (SMALL_MIN..=SMALL_MAX).contains(&i) {
            let bits = ((i << 1) | 1) as usize;
            // bit 0 is set, so bits != 0.
            Some(Value(NonZeroUsize::new(bits).unwrap_or(NonZeroUsize::MIN)))
        } else {
            None
        }
    }

    #[inline]
    pub fn is_small_int(&self) -> bool {
        self.0.get() & 1 == 1
    }

    #[inline]
    pub fn as_small_int(&self) -> Option<i64> {
        if self.is_small_int() { Some((self.0.get() as i64) >> 1) } else { None }
    }

    /// Takes ownership of one reference to the object at `ptr`.
    ///
    /// # Safety
    /// `ptr` must point to a live object header, and the caller transfers one
    /// strong reference it owns.
    #[inline]
    pub unsafe fn from_raw(ptr: *const ObjHeader) -> Value {
        debug_assert!(!ptr.is_null() && (ptr as usize) & 7 == 0);
        Value(NonZeroUsize::new(ptr as usize).unwrap_or(NonZeroUsize::MIN))
    }

    /// A new strong reference to a borrowed header.
    ///
    /// # Safety
    /// `ptr` must point to a live object header.
    #[inline]
    pub unsafe fn from_borrowed(ptr: *const ObjHeader) -> Value {
        // SAFETY: the caller guarantees ptr is live.
        unsafe { (*ptr).incref() };
        // SAFETY: we just took the reference we transfer.
        unsafe { Value::from_raw(ptr) }
    }

    /// Takes ownership of the value whose `into_raw` bits are `bits` (a small
    /// int or one strong reference).
    ///
    /// # Safety
    /// `bits` came from `into_raw` (or `bits` of a value whose reference the
    /// caller owns) and is handed over once.
    #[inline]
    pub unsafe fn from_bits(bits: NonZeroUsize) -> Value {
        Value(bits)
    }

    /// Gives up ownership without decref.
    #[inline]
    pub fn into_raw(self) -> usize {
        let bits = self.0.get();
        std::mem::forget(self);
        bits
    }

    #[inline]
    pub fn bits(&self) -> usize {
        self.0.get()
    }

    #[inline]
    pub fn header(&self) -> Option<&ObjHeader> {
        if self.is_small_int() {
            None
        } else {
            // SAFETY: a pointer Value always refers to a live object while the Value exists.
            Some(unsafe { &*(self.0.get() as *const ObjHeader) })
        }
    }

    #[inline]
    pub fn header_ptr(&self) -> *const ObjHeader {
        self.0.get() as *const ObjHeader
    }

    /// The object's type. Small ints report `int`.
    #[inline]
    pub fn type_ref(&self) -> TypeRef {
        match self.header() {
            Some(h) => h.ty,
            None => crate::runtime::rt().types.int,
        }
    }

    /// Identity comparison (`is`).
    #[inline]
    pub fn is(&self, other: &Value) -> bool {
        self.0 == other.0
    }

    /// The object's payload if it has layout `T` (exact type or a subclass of it).
    #[inline]
    pub fn downcast<T: PyPayload>(&self) -> Option<&T> {
        let h = self.header()?;
        if h.ty.payload_kind() == T::KIND {
            // SAFETY: objects whose type has payload kind T::KIND were allocated as PyObj<T>.
            Some(unsafe { &(*(self.0.get() as *const PyObj<T>)).payload })
        } else {
            None
        }
    }

    /// Like `downcast` but requires the exact builtin type (no subclass).
    #[inline]
    pub fn downcast_exact<T: PyPayload>(&self, ty: TypeRef) -> Option<&T> {
        let h = self.header()?;
        if h.ty == ty { self.downcast::<T>() } else { None }
    }

    pub fn id(&self) -> usize {
        self.0.get()
    }
}

impl Clone for Value {
    #[inline]
    fn clone(&self) -> Value {
        if let Some(h) = self.header() {
            h.incref();
        }
        Value(self.0)
    }
}

impl Drop for Value {
    #[inline]
    fn drop(&mut self) {
        if let Some(h) = self.header() {
            if h.decref() {
                // SAFETY: the count reached zero, so this was the last reference.
                unsafe { object::dealloc(self.0.get() as *mut ObjHeader) }
            }
        }
    }
}

impl std::fmt::Debug for Value {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.as_small_int() {
            Some(i) => write!(f, "Value({i})"),
            None => write!(f, "Value(<{} at {:#x}>)", self.type_ref().name(), self.0.get()),
        }
    }
}
