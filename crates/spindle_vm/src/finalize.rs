//! Running `__del__` when a heap-type instance dies (PEP 442: at most once).

use crate::header::{ObjHeader, flags};
use crate::value::Value;

/// Runs the type's `__del__` for a dead object; true if it resurrected it.
pub(crate) fn run_del_if_any(ptr: *mut ObjHeader) -> bool {
    // SAFETY: the caller passes a dead, not yet freed object.
    let h = unsafe { &*ptr };
    if h.has_flag(flags::FINALIZED) {
        return false;
    }
    let Some(del) = h.ty.lookup("__del__") else { return false };
    h.set_flag(flags::FINALIZED);
    // Temporarily resurrect: the Value we build holds the one reference.
    h.incref_from_zero();
    // SAFETY: we just took a reference to the live (resurrected) object.
    let obj = unsafe { Value::from_raw(ptr) };
    crate::ops::with_thread_state(|ts| {
        if let Err(e) = crate::ops::call(ts, &del, &[obj.clone()]) {
            crate::ops::write_unraisable(ts, &e, Some("Exception ignored while calling deallocator"), Some(&del));
        }
    });
    let resurrected = obj.header().map(|h| h.refcount() > 1).unwrap_or(false);
    if resurrected {
        drop(obj);
        return true;
    }
    // Give back our reference without recursing into dealloc.
    std::mem::forget(obj);
    h.reset_dead();
    false
}
