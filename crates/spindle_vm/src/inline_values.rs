//! Instance attributes kept in the instance itself, without a dict object
//! (CPython 3.11+'s inline values with shared keys).
//!
//! Each type has a [`SharedKeys`]: up to [`INLINE_ATTRS`] attribute names,
//! in the order its instances first stored them. An instance keeps
//! [`InlineValues`]: value `i` belongs to the type's name `i`, plus its own
//! insertion order (so a dict made from them later, `__dict__`, lists the
//! attributes in the order this instance set them, as CPython's does).
//!
//! The names are interned strs (immortal), published with the count that
//! covers them (Release/Acquire), and never removed while the type lives, so
//! readers scan them without a lock. An instance leaves this mode for good
//! the first time it needs a real dict (`DictSlot::dict`): when `__dict__`
//! is asked for, when a name is not an exact str, or when the type's names
//! are all taken.

use std::sync::atomic::{AtomicUsize, Ordering};

use crate::lock::ShortMutex;

use crate::value::Value;

/// How many attributes instances keep inline; more go to a dict.
pub const INLINE_ATTRS: usize = 6;

/// A type's inline attribute names (see the module docs).
#[derive(Default)]
pub struct SharedKeys {
    /// `names[i]` for `i < len`: the address of an interned (immortal) str.
    names: [AtomicUsize; INLINE_ATTRS],
    len: AtomicUsize,
    /// Serialises appends.
    append: parking_lot::Mutex<()>,
}

impl SharedKeys {
    /// The index of `name`, if the type has it.
    #[inline]
    pub fn find(&self, name: &Value) -> Option<usize> {
        let n = self.len.load(Ordering::Acquire).min(INLINE_ATTRS);
        let bits = name.bits();
        if let Some(i) = self.names[..n].iter().position(|k| k.load(Ordering::Relaxed) == bits) {
            return Some(i);
        }
        // Names are interned: an interned name that is none of them is absent.
        if name.header()?.has_flag(crate::header::flags::INTERNED) {
            return None;
        }
        // Not the interned object itself: compare the text.
        let s = name.downcast::<crate::str::PyStr>()?;
        let text = s.as_str();
        self.names[..n].iter().position(|k| {
            // SAFETY: published names are immortal strs (see `names`).
            let key = std::mem::ManuallyDrop::new(unsafe { Value::from_raw(k.load(Ordering::Relaxed) as *const crate::header::ObjHeader) });
            crate::str::as_str(&key) == Some(text)
        })
    }

    /// The index of `name`, added if there is room; None for a name that
    /// is no exact str (or holds a lone surrogate), or when all are taken.
    pub fn find_or_add(&self, name: &Value) -> Option<usize> {
        if let Some(i) = self.find(name) {
            return Some(i);
        }
        let r = crate::runtime::rt();
        if name.type_ref() != r.types.str {
            return None;
        }
        let s = name.downcast::<crate::str::PyStr>()?;
        if s.has_surrogates() {
            return None;
        }
        let key = crate::str::intern(s.as_str());
        let _guard = self.append.lock();
        if let Some(i) = self.find(&key) {
            return Some(i);
        }
        let i = self.len.load(Ordering::Relaxed);
        if i >= INLINE_ATTRS {
            return None;
        }
        // The interned str is immortal: the address stays valid.
        self.names[i].store(key.bits(), Ordering::Relaxed);
        self.len.store(i + 1, Ordering::Release);
        Some(i)
    }

    /// Whether name `i` is `name` itself (an attribute cache's hint).
    #[inline]
    pub fn is_at(&self, i: usize, name: &Value) -> bool {
        i < self.len.load(Ordering::Acquire).min(INLINE_ATTRS) && self.names[i].load(Ordering::Relaxed) == name.bits()
    }

    /// Name `i` (an interned str).
    pub fn name(&self, i: usize) -> Option<Value> {
        if i >= self.len.load(Ordering::Acquire).min(INLINE_ATTRS) {
            return None;
        }
        // SAFETY: published names are immortal strs; a counted copy of an
        // immortal object needs no increment to be sound, but `clone` keeps
        // the usual discipline.
        let key = std::mem::ManuallyDrop::new(unsafe { Value::from_raw(self.names[i].load(Ordering::Relaxed) as *const crate::header::ObjHeader) });
        Some((*key).clone())
    }
}

/// One instance's inline attribute values (see the module docs).
///
/// The values are written only under `order`'s lock and read either under
/// it or, by `DictSlot::get_attr_hinted`, without it: each slot is one
/// atomic word holding an owned `Value`'s bits (0: unset), stored with
/// Release and loaded with Acquire. A lock-free reader may load a value
/// just as a writer replaces it; `DictSlot` makes that sound by retiring
/// replaced values through QSBR whenever lock-free readers can exist.
#[derive(Default)]
pub struct InlineValues {
    vals: [AtomicUsize; INLINE_ATTRS],
    order: ShortMutex<Order>,
}

/// The indexes of the set values, in the order they were first set.
#[derive(Default)]
struct Order {
    idx: [u8; INLINE_ATTRS],
    n: u8,
}

/// `InlineValues` with its lock held: the only way to change them.
pub struct Locked<'a> {
    vals: &'a [AtomicUsize; INLINE_ATTRS],
    order: parking_lot::lock_api::MutexGuard<'a, crate::lock::ShortLock, Order>,
}

impl InlineValues {
    #[inline]
    pub fn lock(&self) -> Locked<'_> {
        Locked { vals: &self.vals, order: self.order.lock() }
    }

    /// Value `i`'s bits (0: unset), read without the lock: the caller makes
    /// sure the value cannot be freed meanwhile (see `DictSlot`).
    #[inline]
    pub fn load_bits(&self, i: usize) -> usize {
        self.vals.get(i).map_or(0, |v| v.load(Ordering::Acquire))
    }
}

impl Drop for InlineValues {
    fn drop(&mut self) {
        for v in &mut self.vals {
            let bits = std::mem::take(v.get_mut());
            if let Some(b) = std::num::NonZeroUsize::new(bits) {
                // SAFETY: a nonzero slot owns the value with these bits.
                drop(unsafe { Value::from_bits(b) });
            }
        }
    }
}

impl Locked<'_> {
    /// A counted copy of value `i`.
    #[inline]
    pub fn get(&self, i: usize) -> Option<Value> {
        let bits = std::num::NonZeroUsize::new(self.vals.get(i)?.load(Ordering::Relaxed))?;
        // SAFETY: the slot owns the value and cannot change while the lock
        // is held; the copy is a borrowed view, cloned into a counted one.
        let v = std::mem::ManuallyDrop::new(unsafe { Value::from_bits(bits) });
        Some((*v).clone())
    }

    /// Sets value `i`; the replaced one comes back (for the caller to drop
    /// outside the lock, or retire).
    #[inline]
    pub fn set(&mut self, i: usize, v: Value) -> Option<Value> {
        let slot = self.vals.get(i)?;
        let old = slot.swap(v.into_raw(), Ordering::Release);
        match std::num::NonZeroUsize::new(old) {
            // SAFETY: the slot owned the value it held; it is handed back.
            Some(b) => Some(unsafe { Value::from_bits(b) }),
            None => {
                let n = self.order.n as usize;
                if let Some(o) = self.order.idx.get_mut(n) {
                    *o = i as u8;
                    self.order.n += 1;
                }
                None
            }
        }
    }

    /// Removes value `i`, which comes back.
    pub fn remove(&mut self, i: usize) -> Option<Value> {
        let old = std::num::NonZeroUsize::new(self.vals.get(i)?.swap(0, Ordering::Release))?;
        let n = self.order.n as usize;
        if let Some(p) = self.order.idx[..n].iter().position(|&o| o as usize == i) {
            self.order.idx.copy_within(p + 1..n, p);
            self.order.n -= 1;
        }
        // SAFETY: the slot owned the value it held; it is handed back.
        Some(unsafe { Value::from_bits(old) })
    }

    pub fn is_empty(&self) -> bool {
        self.order.n == 0
    }

    /// Counted copies of every value with its index, in insertion order.
    pub fn copy_in_order(&self) -> Vec<(usize, Value)> {
        let n = self.order.n as usize;
        self.order.idx[..n].iter().filter_map(|&i| Some((i as usize, self.get(i as usize)?))).collect()
    }

    /// Every value with its index, in insertion order, leaving none.
    pub fn take_in_order(&mut self) -> Vec<(usize, Value)> {
        let n = std::mem::take(&mut self.order.n) as usize;
        let order = self.order.idx;
        order[..n]
            .iter()
            .filter_map(|&i| {
                let bits = std::num::NonZeroUsize::new(self.vals.get(i as usize)?.swap(0, Ordering::Release))?;
                // SAFETY: the slot owned the value; it is handed back.
                Some((i as usize, unsafe { Value::from_bits(bits) }))
            })
            .collect()
    }

    pub fn visit(&self, visit: &mut dyn FnMut(&Value)) {
        for slot in self.vals {
            if let Some(bits) = std::num::NonZeroUsize::new(slot.load(Ordering::Relaxed)) {
                // SAFETY: the slot owns the value and cannot change while
                // the lock is held; the view is never dropped.
                let v = std::mem::ManuallyDrop::new(unsafe { Value::from_bits(bits) });
                visit(&v);
            }
        }
    }
}
