//! A frame's value stack: one fixed block of slots and a pointer to the
//! first free one, so a push or pop is a store or load and one pointer
//! bump (a `Vec` reloads and rewrites its length and checks its capacity).
//!
//! Invariant: `base..top` are initialised slots owned by the stack,
//! `top..end` are free (uninitialised). The block holds at least the code's
//! `co_stacksize` slots plus one (`reserve`), and the interpreter's pushes
//! and pops never take a stack past its `co_stacksize` nor below empty, so
//! `push` and `pop_slot` do not check (a bounds check on every push and pop
//! was a tenth of the instructions of a simple opcode). That rests on two
//! things, each tested: every code object comes from our compiler, whose
//! assembler rejects an underflow and computes `co_stacksize` from the
//! opcode table's stack effects (`spindle_pylib` re-verifies every Lib code
//! object with `spindle_bytecode::compute_stack_depth`); and each opcode's arm in
//! `eval` pushes and pops what its table entry says, which a debug build
//! checks before every instruction (`eval::check_stack_depth`) while the
//! test command runs the conformance and fuzz programs on it.

use std::ptr;

use crate::value::Value;

/// One slot: a value, or `None` for the NULL that CALL sequences push.
pub type Slot = Option<Value>;

pub struct ValueStack {
    base: *mut Slot,
    top: *mut Slot,
    end: *mut Slot,
}

// SAFETY: the stack owns its slots like a `Vec<Slot>` would; `Value` is Send
// and Sync (reference counts are thread-safe), so the stack is too.
unsafe impl Send for ValueStack {}
// SAFETY: as above; shared access only reads.
unsafe impl Sync for ValueStack {}

impl Default for ValueStack {
    fn default() -> Self {
        Self::new()
    }
}

impl ValueStack {
    pub const fn new() -> Self {
        let p = ptr::NonNull::<Slot>::dangling().as_ptr();
        ValueStack { base: p, top: p, end: p }
    }

    pub fn with_capacity(n: usize) -> Self {
        let mut s = Self::new();
        s.reserve(n);
        s
    }

    #[inline]
    pub fn len(&self) -> usize {
        // SAFETY: top and base point into (or one past) the same block.
        unsafe { self.top.offset_from(self.base) as usize }
    }

    #[inline]
    pub fn is_empty(&self) -> bool {
        self.top == self.base
    }

    #[inline]
    pub fn capacity(&self) -> usize {
        // SAFETY: end and base point into (or one past) the same block.
        unsafe { self.end.offset_from(self.base) as usize }
    }

    /// Makes room for `n` slots in all (not `n` more), keeping the contents.
    pub fn reserve(&mut self, n: usize) {
        if self.capacity() < n {
            self.grow_to(n);
        }
    }

    #[cold]
    #[inline(never)]
    fn grow_to(&mut self, n: usize) {
        let len = self.len();
        let cap = self.capacity();
        let mut v: Vec<Slot> = Vec::with_capacity(n.max(cap * 2).max(4));
        // SAFETY: the `len` initialised slots move into the new block and
        // the old block is freed without dropping them (its Vec has len 0).
        unsafe {
            ptr::copy_nonoverlapping(self.base, v.as_mut_ptr(), len);
            if cap != 0 {
                drop(Vec::from_raw_parts(self.base, 0, cap));
            }
            let newcap = v.capacity();
            let p = v.as_mut_ptr();
            std::mem::forget(v);
            self.base = p;
            self.top = p.add(len);
            self.end = p.add(newcap);
        }
    }

    /// Pushes onto a stack with room (see the module invariant).
    #[inline]
    pub fn push(&mut self, v: Slot) {
        debug_assert!(self.top != self.end, "value stack overflow");
        // SAFETY: top < end by the module invariant: a free slot of the block.
        unsafe {
            ptr::write(self.top, v);
            self.top = self.top.add(1);
        }
    }

    /// The top slot, removed; None when the stack is empty.
    #[inline]
    pub fn pop(&mut self) -> Option<Slot> {
        if self.top == self.base {
            return None;
        }
        // SAFETY: the stack is not empty, so top-1 is an initialised slot,
        // which becomes free as the pointer drops below it.
        unsafe {
            self.top = self.top.sub(1);
            Some(ptr::read(self.top))
        }
    }

    /// The top slot, removed, for the interpreter's own pops, whose depth
    /// the compiler has checked (see the module invariant).
    #[inline]
    pub fn pop_slot(&mut self) -> Slot {
        debug_assert!(self.top != self.base, "value stack underflow");
        // SAFETY: the stack is not empty by the module invariant, so top-1
        // is an initialised slot, which becomes free as the pointer drops.
        unsafe {
            self.top = self.top.sub(1);
            ptr::read(self.top)
        }
    }

    /// The `n`th slot from the top (1 is the top), for COPY, whose operand
    /// the compiler keeps within the stack (see the module invariant).
    #[inline]
    pub fn peek(&self, n: usize) -> &Slot {
        debug_assert!(n >= 1 && n <= self.len(), "value stack peek out of range");
        // SAFETY: 1 <= n <= len by the module invariant, so top-n is an
        // initialised slot of the block.
        unsafe { &*self.top.sub(n) }
    }

    /// Swaps the top slot with the `n`th from the top (SWAP; 2 is the one
    /// below the top), within the stack by the module invariant.
    #[inline]
    pub fn swap_top(&mut self, n: usize) {
        debug_assert!(n >= 1 && n <= self.len(), "value stack swap out of range");
        // SAFETY: 1 <= n <= len by the module invariant, so both are
        // initialised slots of the block (the same one when n is 1).
        unsafe { ptr::swap(self.top.sub(1), self.top.sub(n)) }
    }

    /// Drops every slot from `n` up.
    #[inline]
    pub fn truncate(&mut self, n: usize) {
        if self.len() > n {
            self.drop_from(n);
        }
    }

    #[inline(never)]
    fn drop_from(&mut self, n: usize) {
        // SAFETY: n < len, so base+n is within the block; the slots above
        // leave the stack (top moves first, so a destructor that reaches
        // this stack again sees only live slots) and are dropped in place.
        unsafe {
            let from = self.base.add(n);
            let count = self.top.offset_from(from) as usize;
            self.top = from;
            ptr::drop_in_place(std::ptr::slice_from_raw_parts_mut(from, count));
        }
    }

    pub fn clear(&mut self) {
        self.truncate(0);
    }

    /// Moves the top `dst.len()` slots (fewer if the stack is shorter) into
    /// `dst`, in order, dropping what `dst` held (a fresh frame's empty
    /// locals, so nothing).
    #[inline]
    pub fn pop_into(&mut self, dst: &mut [Slot]) {
        let n = dst.len().min(self.len());
        for d in dst.iter_mut().take(n) {
            if d.is_some() {
                *d = None;
            }
        }
        // SAFETY: the top n slots are initialised and leave the stack (top
        // drops below them); dst's first n slots are None, so overwriting
        // them without dropping leaks nothing; the ranges do not overlap
        // (dst is not part of this stack: it is borrowed mutably apart).
        unsafe {
            self.top = self.top.sub(n);
            ptr::copy_nonoverlapping(self.top, dst.as_mut_ptr(), n);
        }
    }

    /// Removes the slots from `start` up and hands them over in order.
    pub fn drain_from(&mut self, start: usize) -> DrainFrom<'_> {
        let len = self.len();
        let start = start.min(len);
        // SAFETY: start <= len, so the pointers stay within the block; the
        // slots start..len leave the stack's ownership now and the iterator
        // owns them (dropping any it was not asked for).
        unsafe {
            let from = self.base.add(start);
            let to = self.top;
            self.top = from;
            DrainFrom { cur: from, end: to, _stack: std::marker::PhantomData }
        }
    }

    #[inline]
    pub fn as_slice(&self) -> &[Slot] {
        // SAFETY: base..top are initialised slots of one block.
        unsafe { std::slice::from_raw_parts(self.base, self.len()) }
    }

    #[inline]
    pub fn as_mut_slice(&mut self) -> &mut [Slot] {
        // SAFETY: as in `as_slice`, exclusively borrowed.
        unsafe { std::slice::from_raw_parts_mut(self.base, self.len()) }
    }
}

impl std::ops::Deref for ValueStack {
    type Target = [Slot];
    #[inline]
    fn deref(&self) -> &[Slot] {
        self.as_slice()
    }
}

impl std::ops::DerefMut for ValueStack {
    #[inline]
    fn deref_mut(&mut self) -> &mut [Slot] {
        self.as_mut_slice()
    }
}

impl Drop for ValueStack {
    fn drop(&mut self) {
        self.clear();
        let cap = self.capacity();
        if cap != 0 {
            // SAFETY: the block came from a `Vec<Slot>` of this capacity
            // (`grow_to`) and holds no initialised slots now.
            unsafe { drop(Vec::from_raw_parts(self.base, 0, cap)) }
        }
    }
}

/// `ValueStack::drain_from`'s iterator: owns the slots it has not yielded.
pub struct DrainFrom<'a> {
    cur: *mut Slot,
    end: *mut Slot,
    _stack: std::marker::PhantomData<&'a mut ValueStack>,
}

impl Iterator for DrainFrom<'_> {
    type Item = Slot;
    #[inline]
    fn next(&mut self) -> Option<Slot> {
        if self.cur == self.end {
            return None;
        }
        // SAFETY: cur..end are initialised slots this iterator owns.
        unsafe {
            let v = ptr::read(self.cur);
            self.cur = self.cur.add(1);
            Some(v)
        }
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        // SAFETY: cur and end point into the same block.
        let n = unsafe { self.end.offset_from(self.cur) as usize };
        (n, Some(n))
    }
}

impl Drop for DrainFrom<'_> {
    #[inline]
    fn drop(&mut self) {
        for v in self.by_ref() {
            drop(v);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn push_pop_grow_drain() {
        let mut s = ValueStack::with_capacity(2);
        assert!(s.capacity() >= 2);
        s.push(Some(crate::num::new_int(0)));
        // Pushes do not grow the block: `reserve` does, keeping the contents.
        s.reserve(11);
        assert!(s.capacity() >= 11);
        assert_eq!(s.len(), 1);
        for i in 1..10 {
            s.push(Some(crate::num::new_int(i)));
        }
        s.push(None);
        assert_eq!(s.len(), 11);
        assert!(s.pop().unwrap().is_none());
        let tail: Vec<i64> = s.drain_from(7).map(|v| crate::num::int_to_i64(&v.unwrap()).unwrap()).collect();
        assert_eq!(tail, vec![7, 8, 9]);
        assert_eq!(s.len(), 7);
        s.truncate(3);
        assert_eq!(s.len(), 3);
        assert_eq!(crate::num::int_to_i64(s.last().unwrap().as_ref().unwrap()), Some(2));
        s.clear();
        assert!(s.pop().is_none());
    }
}
