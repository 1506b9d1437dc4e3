//! A list's items: read without a lock, changed under a one-byte lock.
//!
//! The items live in one allocation, a `Buf`: its capacity and length,
//! then the item words (a `Value`'s bits each). The list holds an atomic
//! pointer to it (null: no items, no allocation). A reader loads the
//! pointer, the buffer's length and the item word, and counts the value;
//! it takes no lock and writes nothing of the list's.
//!
//! The owner/shared protocol of `object::DictSlot` and `cell::PyCell`:
//! the thread that made the list reads without the lock; another thread
//! marks the list `shared` (under the lock) the first time it uses it,
//! and reads without the lock from then on. While the list is shared,
//! every change keeps what a lock-free reader may hold alive until it
//! has passed a quiescent state:
//! - a value the list lets go of is retired (`qsbr::retire_value`), not
//!   dropped (a caller that takes it, as `pop`, gets a counted copy);
//! - a replaced buffer is retired (`qsbr::release_block`), not freed;
//! - item words are moved one atomic word at a time, and an item is
//!   written before the length that covers it is published (Release), so
//!   a reader that sees a length sees the words below it.
//!
//! A reader that loaded a buffer may find its length stale: every word
//! below that length held a value of the list at some point since the
//! reader started (a value removed since is retired, and a buffer
//! replaced since was retired with the words it had), so the read returns
//! a value that was in the list during the read, as a locked read racing
//! with the same writers could have.

use std::alloc::Layout;
use std::sync::atomic::{AtomicBool, AtomicPtr, AtomicUsize, Ordering};

use crate::lock::ShortMutex;
use crate::value::Value;

/// The head of an item buffer; `cap` item words follow it.
#[repr(C)]
struct Buf {
    cap: usize,
    /// How many leading words hold the list's items.
    len: AtomicUsize,
}

const _: () = assert!(std::mem::size_of::<Buf>() % std::mem::align_of::<AtomicUsize>() == 0);

/// The layout of a buffer of `cap` words; None past `isize::MAX` bytes.
fn buf_layout(cap: usize) -> Option<Layout> {
    Layout::array::<usize>(cap.checked_add(2)?).ok()
}

/// The allocator refused a buffer (or it would pass `isize::MAX` bytes).
#[derive(Debug)]
pub struct AllocFailed;

/// The process's end for a buffer of a size that existing items imply
/// (not one Python chose: those go through `try_reserve`).
#[cold]
fn alloc_failed() -> ! {
    std::alloc::handle_alloc_error(Layout::new::<Buf>())
}

/// A new buffer of `cap` (> 0) words, none of them items yet.
fn buf_new(cap: usize) -> Result<*mut Buf, AllocFailed> {
    let layout = buf_layout(cap).ok_or(AllocFailed)?;
    // SAFETY: the layout has a non-zero size (two header words at least).
    let p = unsafe { std::alloc::alloc(layout) } as *mut Buf;
    if p.is_null() {
        return Err(AllocFailed);
    }
    // SAFETY: `p` is a fresh allocation big enough for the head.
    unsafe { p.write(Buf { cap, len: AtomicUsize::new(0) }) };
    Ok(p)
}

/// The first item word of buffer `p`.
#[inline]
fn buf_words(p: *mut Buf) -> *mut AtomicUsize {
    // SAFETY: the words follow the head in the same allocation.
    unsafe { p.add(1) as *mut AtomicUsize }
}

/// Frees buffer `p`'s memory (not its items).
///
/// # Safety
/// `p` came from `buf_new`, nothing owns it any more and no thread can
/// read it.
unsafe fn buf_free(p: *mut Buf) {
    // SAFETY: `p` is a live buffer, as the caller promises.
    let cap = unsafe { (*p).cap };
    // `buf_new` made `p` with this layout, so it exists.
    if let Some(layout) = buf_layout(cap) {
        // SAFETY: as the caller promises; the layout is the one it was made with.
        unsafe { std::alloc::dealloc(p as *mut u8, layout) }
    }
}

pub struct ListItems {
    /// Null: no items and no buffer.
    buf: AtomicPtr<Buf>,
    /// The length as of the last change (read by `len()` with no buffer
    /// access, which a non-owner could not do before marking the list
    /// shared).
    len: AtomicUsize,
    /// The thread that made the list (`header::current_thread_id`).
    creator: usize,
    lock: ShortMutex<()>,
    /// Set, under the lock, once a thread other than the creator used the
    /// list; from then on every thread reads without the lock and changes
    /// retire what they let go of.
    shared: AtomicBool,
}

impl Default for ListItems {
    fn default() -> Self {
        ListItems::new(Vec::new())
    }
}

impl ListItems {
    /// The items `items` yields, at most `n` (the count it will yield), in
    /// a buffer allocated once (no intermediate vector).
    pub fn with_exact(n: usize, items: impl Iterator<Item = Value>) -> ListItems {
        let l = Self::new(Vec::new());
        if n > 0 {
            let p = buf_new(n).unwrap_or_else(|_| alloc_failed());
            let mut k = 0;
            for v in items.take(n) {
                // SAFETY: k < n, the buffer's capacity; it is not published
                // yet, so nothing else reads the word.
                unsafe { (*buf_words(p).add(k)).store(v.into_raw(), Ordering::Relaxed) };
                k += 1;
            }
            // SAFETY: `p` is the fresh buffer above.
            unsafe { (*p).len.store(k, Ordering::Relaxed) };
            l.buf.store(p, Ordering::Relaxed);
            l.len.store(k, Ordering::Relaxed);
        }
        l
    }

    pub fn new(items: Vec<Value>) -> ListItems {
        let l = ListItems {
            buf: AtomicPtr::new(std::ptr::null_mut()),
            len: AtomicUsize::new(0),
            creator: crate::header::current_thread_id(),
            lock: ShortMutex::new(()),
            shared: AtomicBool::new(false),
        };
        let n = items.len();
        if n > 0 {
            let p = buf_new(n).unwrap_or_else(|_| alloc_failed());
            let mut items = std::mem::ManuallyDrop::new(items);
            // SAFETY: the buffer has room for `n` words and is not published
            // yet; the references move into it (the Vec's are forgotten,
            // its memory freed below without dropping them).
            unsafe {
                std::ptr::copy_nonoverlapping(items.as_ptr() as *const usize, buf_words(p) as *mut usize, n);
                items.set_len(0);
                std::mem::ManuallyDrop::drop(&mut items);
                (*p).len.store(n, Ordering::Relaxed);
            }
            l.buf.store(p, Ordering::Relaxed);
            l.len.store(n, Ordering::Relaxed);
        }
        l
    }

    /// The length as of the last change.
    #[inline]
    pub fn len(&self) -> usize {
        self.len.load(Ordering::Relaxed)
    }

    #[inline]
    fn mine(&self) -> bool {
        self.creator == crate::header::current_thread_id()
    }

    /// Takes the lock (marking the list shared when the caller is not its
    /// creator) for a read or a change of the items.
    #[inline]
    pub fn lock(&self) -> ListGuard<'_> {
        let g = self.lock.lock();
        if !self.shared.load(Ordering::Relaxed) && !self.mine() {
            self.shared.store(true, Ordering::Release);
        }
        ListGuard { items: self, _lock: g }
    }

    /// Takes the lock without marking the list shared: for the cycle
    /// collector only, which reads (a read under the lock needs no mark:
    /// the mark is for a non-creator's changes, which the creator's
    /// lock-free reads would race with) or clears a list no thread can
    /// reach.
    pub(crate) fn lock_for_collector(&self) -> ListGuard<'_> {
        ListGuard { items: self, _lock: self.lock.lock() }
    }

    /// Item `i` (negative counts from the end), a counted copy; None when
    /// out of range. Takes no lock once the caller may read lock-free.
    #[inline(always)]
    pub fn get_index(&self, i: i64) -> Option<Value> {
        if !self.shared.load(Ordering::Acquire) && !self.mine() {
            return self.first_use_get(i);
        }
        let _guard = crate::qsbr::ReadGuard::new();
        let p = self.buf.load(Ordering::Acquire);
        if p.is_null() {
            return None;
        }
        // SAFETY: `p` was the list's buffer when loaded; a buffer replaced
        // since was retired (the list is shared) or freed by this thread
        // itself (the creator of an unshared list, which is not changing
        // it now), and `_guard` keeps this thread from a quiescent state.
        let len = unsafe { (*p).len.load(Ordering::Acquire) };
        let j = resolve(i, len)?;
        // SAFETY: `j < len <= cap`; the word was written before `len` was
        // published (see the module docs).
        let bits = unsafe { (*buf_words(p).add(j)).load(Ordering::Acquire) };
        // SAFETY: the word held a reference of the list's since this read
        // began; had it been let go of, it was retired, not dropped, so the
        // object lives while `_guard` does. The view is not dropped.
        let v = std::mem::ManuallyDrop::new(unsafe { Value::from_bits(std::num::NonZeroUsize::new(bits)?) });
        Some((*v).clone())
    }

    /// `get_index` by a non-creator of a list not yet shared: marks it
    /// shared, under the lock.
    #[cold]
    #[inline(never)]
    fn first_use_get(&self, i: i64) -> Option<Value> {
        let g = self.lock();
        let j = resolve(i, g.len())?;
        Some(g[j].clone())
    }

    /// Item `i`, a counted copy; None when out of range.
    #[inline]
    pub fn get(&self, i: usize) -> Option<Value> {
        self.get_index(i64::try_from(i).ok()?)
    }
}

/// Python index `i` into `len` items.
#[inline]
fn resolve(i: i64, len: usize) -> Option<usize> {
    let i = if i < 0 { i.checked_add(len as i64)? } else { i };
    usize::try_from(i).ok().filter(|&i| i < len)
}

impl Drop for ListItems {
    fn drop(&mut self) {
        let p = *self.buf.get_mut();
        if p.is_null() {
            return;
        }
        // SAFETY: the list is dying: no reader can reach it (a lock-free
        // reader holds a reference to the list), so the buffer and its items
        // are ours alone.
        unsafe {
            let n = (*p).len.load(Ordering::Relaxed);
            std::ptr::drop_in_place(std::ptr::slice_from_raw_parts_mut(buf_words(p) as *mut Value, n));
            buf_free(p);
        }
    }
}

/// The items with the list's lock held: a slice view for reads, and the
/// changes a list makes. Values it lets go of come back to the caller to
/// drop after the lock (their `__del__` may touch the list), except in a
/// shared list, where they are retired instead.
pub struct ListGuard<'a> {
    items: &'a ListItems,
    _lock: parking_lot::lock_api::MutexGuard<'a, crate::lock::ShortLock, ()>,
}

impl std::ops::Deref for ListGuard<'_> {
    type Target = [Value];
    #[inline]
    fn deref(&self) -> &[Value] {
        let p = self.buf();
        if p.is_null() {
            return &[];
        }
        // SAFETY: the lock is held, so no word changes while the slice
        // lives (readers only load); the first `len` words are items, and a
        // `Value` is one word (repr(transparent) over a NonZeroUsize).
        unsafe { std::slice::from_raw_parts(buf_words(p) as *const Value, (*p).len.load(Ordering::Relaxed)) }
    }
}

impl<'a> ListGuard<'a> {
    #[inline]
    fn buf(&self) -> *mut Buf {
        self.items.buf.load(Ordering::Relaxed)
    }

    #[inline]
    fn shared(&self) -> bool {
        self.items.shared.load(Ordering::Relaxed)
    }

    fn cap(&self) -> usize {
        let p = self.buf();
        // SAFETY: a non-null buffer is live while the lock is held.
        if p.is_null() { 0 } else { unsafe { (*p).cap } }
    }

    /// Publishes length `n` of the current buffer.
    #[inline]
    fn set_len(&mut self, n: usize) {
        let p = self.buf();
        if !p.is_null() {
            // SAFETY: live under the lock.
            unsafe { (*p).len.store(n, Ordering::Release) };
        }
        self.items.len.store(n, Ordering::Relaxed);
    }

    #[inline]
    fn word(&self, i: usize) -> &AtomicUsize {
        // SAFETY: callers pass `i < cap` of the live buffer.
        unsafe { &*buf_words(self.buf()).add(i) }
    }

    /// Stores `v` in word `i` (< cap), taking over its reference.
    #[inline]
    fn write(&mut self, i: usize, v: Value) {
        self.word(i).store(v.into_raw(), Ordering::Release);
    }

    /// The value in word `i` (< len), taken out of the list (the word is
    /// left as it was).
    #[inline]
    fn read_out(&self, i: usize) -> Value {
        debug_assert!(i < self.len(), "list item index out of range");
        let bits = self.word(i).load(Ordering::Relaxed);
        // SAFETY: words below the length hold references the list owns;
        // the caller hands this one over (shortening the list past it).
        unsafe { Value::from_bits(std::num::NonZeroUsize::new_unchecked(bits)) }
    }

    /// What the caller gets for a value the list let go of: the value, or
    /// in a shared list a counted copy, the list's reference being retired.
    fn hand_out(&self, v: Value) -> Value {
        crate::qsbr::hand_out(self.shared(), v)
    }

    /// A value the list let go of, for the caller to drop after the lock
    /// (None: retired).
    fn release(&self, v: Value) -> Option<Value> {
        crate::qsbr::release(self.shared(), v)
    }

    /// `release` of each value, in place: the values themselves when the
    /// list is not shared (no second vector), none when it is.
    fn release_all(&self, mut vs: Vec<Value>) -> Vec<Value> {
        if self.shared() {
            vs.drain(..).for_each(crate::qsbr::retire_value);
        }
        vs
    }

    /// Makes room for `extra` more items (a count the items in hand imply,
    /// so a refusal is the machine out of memory).
    #[inline(never)]
    fn reserve(&mut self, extra: usize) {
        if self.try_reserve(extra).is_err() {
            alloc_failed();
        }
    }

    /// Makes room for `extra` more items, or says the allocator refused
    /// (the items unchanged): for counts Python chose, whose refusal is a
    /// MemoryError.
    pub fn try_reserve(&mut self, extra: usize) -> Result<(), AllocFailed> {
        let len = self.len();
        let need = len.checked_add(extra).ok_or(AllocFailed)?;
        let cap = self.cap();
        if need <= cap {
            return Ok(());
        }
        let new_cap = need.max(cap.saturating_mul(2)).max(4);
        self.try_move_to(new_cap)
    }

    /// Moves the items to a new buffer of `new_cap` (>= len) words, or none
    /// when `new_cap` is 0.
    fn move_to(&mut self, new_cap: usize) {
        if self.try_move_to(new_cap).is_err() {
            alloc_failed();
        }
    }

    /// `move_to`, or (nothing changed) the allocator's refusal.
    fn try_move_to(&mut self, new_cap: usize) -> Result<(), AllocFailed> {
        let old = self.buf();
        let len = self.len();
        if !old.is_null() && new_cap > 0 && !self.shared() {
            // Unshared: no other thread reads the buffer (see below), so it
            // may grow in place.
            let old_layout = buf_layout(self.cap()).ok_or(AllocFailed)?;
            let new_size = buf_layout(new_cap).ok_or(AllocFailed)?.size();
            // SAFETY: `old` came from `buf_new` with `old_layout`; the new
            // size is non-zero and fits `isize` (`buf_layout` checked).
            let p = unsafe { std::alloc::realloc(old as *mut u8, old_layout, new_size) } as *mut Buf;
            if p.is_null() {
                // `old` is untouched: still the list's.
                return Err(AllocFailed);
            }
            // SAFETY: the head moved with the block; the first `len` words
            // are the items.
            unsafe { (*p).cap = new_cap };
            self.items.buf.store(p, Ordering::Release);
            return Ok(());
        }
        let new = if new_cap == 0 {
            std::ptr::null_mut()
        } else {
            let p = buf_new(new_cap)?;
            if len > 0 {
                // SAFETY: both buffers hold at least `len` words; the new one
                // is not published, the old one only read.
                unsafe { std::ptr::copy_nonoverlapping(buf_words(old) as *const usize, buf_words(p) as *mut usize, len) };
                // SAFETY: `p` is ours.
                unsafe { (*p).len.store(len, Ordering::Relaxed) };
            }
            p
        };
        self.items.buf.store(new, Ordering::Release);
        if old.is_null() {
            return Ok(());
        }
        // SAFETY: the list let go of `old` (swapped out above); its item
        // words are no references (moved to the new buffer or retired).
        unsafe { crate::qsbr::release_block(self.shared(), old.cast(), |p| buf_free(p.cast())) };
        Ok(())
    }

    /// Moves words `from..from + n` to start at `to` (within capacity).
    #[inline]
    fn shift(&mut self, from: usize, to: usize, n: usize) {
        if n != 0 && from != to {
            self.shift_words(from, to, n);
        }
    }

    fn shift_words(&mut self, from: usize, to: usize, n: usize) {
        let w = buf_words(self.buf());
        if !self.shared() {
            // SAFETY: in capacity; unshared, so no other thread reads the
            // words (see `move_to`).
            unsafe { std::ptr::copy(w.add(from) as *const usize, w.add(to) as *mut usize, n) };
            return;
        }
        // One word at a time, so a concurrent reader sees each word whole.
        if to < from {
            for k in 0..n {
                let bits = self.word(from + k).load(Ordering::Relaxed);
                self.word(to + k).store(bits, Ordering::Release);
            }
        } else {
            for k in (0..n).rev() {
                let bits = self.word(from + k).load(Ordering::Relaxed);
                self.word(to + k).store(bits, Ordering::Release);
            }
        }
    }

    #[inline]
    pub fn push(&mut self, v: Value) {
        let n = self.len();
        if n == self.cap() {
            self.reserve(1);
        }
        self.write(n, v);
        self.set_len(n + 1);
    }

    pub fn extend(&mut self, items: impl IntoIterator<Item = Value>) {
        let it = items.into_iter();
        self.reserve(it.size_hint().0);
        for v in it {
            self.push(v);
        }
    }

    /// Inserts `v` at `i` (<= len).
    pub fn insert(&mut self, i: usize, v: Value) {
        let n = self.len();
        assert!(i <= n, "list insert index out of range");
        self.reserve(1);
        if i == n {
            return self.push(v);
        }
        // The last item is copied up first and the length published, so
        // every index below it holds an item throughout.
        let last = self.word(n - 1).load(Ordering::Relaxed);
        self.word(n).store(last, Ordering::Release);
        self.set_len(n + 1);
        self.shift(i, i + 1, n - 1 - i);
        self.write(i, v);
    }

    /// Removes item `i` (< len); the caller gets it.
    #[inline]
    pub fn remove(&mut self, i: usize) -> Value {
        let n = self.len();
        assert!(i < n, "list remove index out of range");
        let v = self.read_out(i);
        self.shift(i + 1, i, n - 1 - i);
        self.set_len(n - 1);
        self.hand_out(v)
    }

    pub fn pop(&mut self) -> Option<Value> {
        let n = self.len();
        if n == 0 {
            return None;
        }
        Some(self.remove(n - 1))
    }

    /// Replaces item `i` (< len): the old value to drop after the lock.
    pub fn set(&mut self, i: usize, v: Value) -> Option<Value> {
        let old = self.read_out(i);
        self.write(i, v);
        self.release(old)
    }

    /// Replaces item `i` (< len): the caller gets the old value.
    pub fn replace(&mut self, i: usize, v: Value) -> Value {
        let old = self.read_out(i);
        self.write(i, v);
        self.hand_out(old)
    }

    /// Replaces items `range` with `new`: the old ones to drop after the
    /// lock.
    pub fn splice(&mut self, range: std::ops::Range<usize>, new: Vec<Value>) -> Vec<Value> {
        let len = self.len();
        let st = range.start.min(len);
        let en = range.end.clamp(st, len);
        let removed: Vec<Value> = (st..en).map(|i| self.read_out(i)).collect();
        let add = new.len();
        if add > en - st {
            self.reserve(add - (en - st));
        }
        // The tail moves, the new items are written, and only then is the
        // length published: every word below any length a reader can see
        // holds a live value throughout.
        self.shift(en, st + add, len - en);
        for (k, v) in new.into_iter().enumerate() {
            self.write(st + k, v);
        }
        self.set_len(len - (en - st) + add);
        self.release_all(removed)
    }

    /// Replaces all the items with `new`: the old ones to drop after the
    /// lock.
    pub fn replace_all(&mut self, new: Vec<Value>) -> Vec<Value> {
        let len = self.len();
        let old: Vec<Value> = (0..len).map(|i| self.read_out(i)).collect();
        self.set_len(0);
        if new.len() > self.cap() || (new.is_empty() && self.cap() > 0) {
            self.move_to(new.len());
        }
        let n = new.len();
        for (k, v) in new.into_iter().enumerate() {
            self.write(k, v);
        }
        self.set_len(n);
        self.release_all(old)
    }

    /// Empties the list: the items to drop after the lock.
    pub fn clear(&mut self) -> Vec<Value> {
        self.replace_all(Vec::new())
    }

    /// Takes all the items out, leaving the list empty (the caller owns
    /// them: counted copies in a shared list).
    pub fn take_all(&mut self) -> Vec<Value> {
        let len = self.len();
        let old: Vec<Value> = (0..len).map(|i| self.read_out(i)).collect();
        self.set_len(0);
        self.move_to(0);
        old.into_iter().map(|v| self.hand_out(v)).collect()
    }

    /// Reorders the items with `f`, which must keep the same values.
    fn permute(&mut self, f: impl FnOnce(&mut [Value])) {
        let len = self.len();
        if len < 2 {
            return;
        }
        if !self.shared() {
            // SAFETY: unshared: no other thread reads the words (see
            // `move_to`); the lock is held, and the items are `len` Values.
            let s = unsafe { std::slice::from_raw_parts_mut(buf_words(self.buf()) as *mut Value, len) };
            return f(s);
        }
        // A shared list's words change one atomic store at a time: reorder
        // a copy, then write it back.
        let bits: Vec<usize> = (0..len).map(|i| self.word(i).load(Ordering::Relaxed)).collect();
        let mut copy = std::mem::ManuallyDrop::new(bits);
        // SAFETY: the words are `len` Values; the copy is a view (never
        // dropped as values: the references stay the list's).
        let s = unsafe { std::slice::from_raw_parts_mut(copy.as_mut_ptr() as *mut Value, len) };
        f(s);
        for (i, b) in copy.iter().enumerate() {
            self.word(i).store(*b, Ordering::Release);
        }
        drop(std::mem::ManuallyDrop::into_inner(copy));
    }

    pub fn reverse(&mut self) {
        self.permute(|s| s.reverse());
    }

    pub fn sort_by(&mut self, cmp: impl FnMut(&Value, &Value) -> std::cmp::Ordering) {
        self.permute(|s| s.sort_by(cmp));
    }

}
