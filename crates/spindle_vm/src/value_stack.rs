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
//!
//! # Borrowed slots (`LOAD_FAST_BORROW`, CPython 3.14's `_PyStackRef`)
//! A slot is one word: 0 for NULL, else a `Value`'s bits, except that a
//! pointer with bit 1 set ([`BORROWED`]; objects are 8-aligned, and small
//! ints have bit 0 set, so the pattern `..10` is free) is a copy of a fast
//! local's value that owns no reference count. The compiler emits the
//! borrowing loads only where the local keeps its value until the slot is
//! consumed (`spindle_compiler::assemble::borrowable_loads`), so the object
//! stays alive, and lets only a few instructions consume a borrowed slot:
//! those that pop it with `pop_ref` (handed out still borrowed, for an
//! instruction that only reads it), and calls, whose arguments are read in
//! place (`untag_from`, then `truncate_borrowed`, which forgets the
//! borrowed ones instead of dropping them) or moved out by `pop_into` and
//! `drain_from` (which give them a count). So `pop_slot`, the pop of every
//! other instruction, never meets one and does not look (debug builds
//! assert it): the test is one bit of the word a pop has loaded anyway.
//! Every read in place (`at`, `top`) untags. A reader that counts
//! references (the collector's traverse of a suspended frame) skips
//! borrowed slots (`for_each_owned`).
//!
//! # Deferred slots (CPython 3.14t's deferred stack references)
//! A borrowed word with bit 2 set as well ([`DEFERRED`], pattern `..110`)
//! is a deferred or immortal object pushed without a count by LOAD_GLOBAL
//! of a callable (`push_shared`): no local keeps it alive, but nothing but
//! the cycle collector frees a deferred object, and the collector counts
//! every running frame's deferred slots as references (`deferred_words`,
//! `gc::count_frame_refs`). So such a slot must never leave the stack
//! memory of a running frame while a safepoint can come: consumers either
//! read it in place (CALL), move it into the callee's `func` (a running
//! frame the collector also sees), or give it a count (`untag_from`,
//! `move_args_into`, `pop_owned`, `own_deferred` at a yield). Everything
//! else treats it as borrowed.

use std::marker::PhantomData;
use std::mem::ManuallyDrop;
use std::ptr;

use crate::value::Value;

/// One slot: a value, or `None` for the NULL that CALL sequences push.
pub type Slot = Option<Value>;

/// The tag of a borrowed slot's word (with bit 0 clear: a pointer).
pub const BORROWED: usize = 2;

/// Added to `BORROWED` for a deferred slot (see the module docs).
pub const DEFERRED: usize = 4;

/// Any uncounted word: a local's borrowed value or a deferred slot.
#[inline(always)]
fn is_borrowed(w: usize) -> bool {
    w & 3 == BORROWED
}

/// A deferred slot's word: uncounted, and kept alive by no local.
#[inline(always)]
fn is_deferred(w: usize) -> bool {
    w & 7 == BORROWED | DEFERRED
}

/// The value word of an uncounted word (objects are 8-aligned).
#[inline(always)]
fn untag(w: usize) -> usize {
    w & !(BORROWED | DEFERRED)
}

/// The word of an owned slot (0 for NULL).
#[inline(always)]
fn word_of(v: Slot) -> usize {
    match v {
        Some(v) => v.into_raw(),
        None => 0,
    }
}

/// Takes ownership of an owned slot's word.
///
/// # Safety
/// `w` is 0 or the bits of a value whose reference the caller owns (not a
/// borrowed word), handed over once.
#[inline(always)]
unsafe fn slot_of(w: usize) -> Slot {
    debug_assert!(!is_borrowed(w), "a borrowed slot popped as owned");
    // SAFETY: the caller's contract; `from_bits` of a non-zero word.
    std::num::NonZeroUsize::new(w).map(|b| unsafe { Value::from_bits(b) })
}

/// A slot's value seen in place, untagged; it owns no count (dropping it
/// does nothing) and lives no longer than the stack borrow.
pub struct SlotView<'a>(ManuallyDrop<Slot>, PhantomData<&'a ValueStack>);

impl SlotView<'_> {
    #[inline(always)]
    fn new(w: usize) -> Self {
        let w = if is_borrowed(w) { untag(w) } else { w };
        // SAFETY: an untagged slot word; ManuallyDrop keeps the view from
        // dropping a count it does not own.
        SlotView(ManuallyDrop::new(std::num::NonZeroUsize::new(w).map(|b| unsafe { Value::from_bits(b) })), PhantomData)
    }
}

impl SlotView<'_> {
    /// The slot with a count of its own.
    #[inline]
    pub fn cloned(self) -> Slot {
        (*self.0).clone()
    }
}

impl std::ops::Deref for SlotView<'_> {
    type Target = Slot;
    #[inline(always)]
    fn deref(&self) -> &Slot {
        &self.0
    }
}

/// A value taken off the stack by `pop_ref`: owned, or borrowed from a local
/// that outlives it. Derefs to the (untagged) value; dropping it drops only
/// an owned one. `raw` is the slot's word as it was, `val` its value.
pub struct StackRef {
    raw: usize,
    val: ManuallyDrop<Value>,
}

impl StackRef {
    /// `v`, read from a container that may let go of it meanwhile: a
    /// deferred or immortal object uncounted, as a deferred slot's word
    /// (see the module docs), anything else with a count of its own. A
    /// deferred one must be pushed before a safepoint can come: the
    /// collector sees it only on the stack.
    #[inline]
    pub fn shared(v: &Value) -> StackRef {
        let raw = match v.header() {
            Some(h) if h.never_freed_by_decref() => v.bits() | BORROWED | DEFERRED,
            _ => v.clone().into_raw(),
        };
        // SAFETY: a bitwise copy of `v`; `raw` records whether it holds
        // the count just taken, and `val` itself is never dropped.
        StackRef { raw, val: ManuallyDrop::new(unsafe { Value::from_bits(std::num::NonZeroUsize::new_unchecked(v.bits())) }) }
    }

    /// `v` with its count.
    #[inline]
    pub fn owned(v: Value) -> StackRef {
        let raw = v.into_raw();
        // SAFETY: a bitwise copy of `v`, whose count `raw` now holds; `val`
        // itself is never dropped.
        StackRef { raw, val: ManuallyDrop::new(unsafe { Value::from_bits(std::num::NonZeroUsize::new_unchecked(raw)) }) }
    }

    /// The value with a count of its own.
    #[inline]
    pub fn into_owned(self) -> Value {
        let mut me = ManuallyDrop::new(self);
        // SAFETY: `me` is never used or dropped again, so the value is
        // moved out exactly once.
        let v = unsafe { ManuallyDrop::take(&mut me.val) };
        if is_borrowed(me.raw) {
            std::mem::forget(v.clone());
        }
        v
    }
}

impl std::ops::Deref for StackRef {
    type Target = Value;
    #[inline(always)]
    fn deref(&self) -> &Value {
        &self.val
    }
}

impl Drop for StackRef {
    #[inline(always)]
    fn drop(&mut self) {
        // One test: only an untagged pointer (not borrowed, not a small
        // int) holds a count.
        if self.raw & 3 == 0 {
            // SAFETY: an owned pointer word is the value itself, dropped
            // once, here (`val` is a copy that is never dropped).
            drop(unsafe { Value::from_bits(std::num::NonZeroUsize::new_unchecked(self.raw)) })
        }
    }
}

/// The value a NULL slot reads as (`pop_ref` of one: None, uncounted).
#[cold]
fn null_ref() -> StackRef {
    let w = crate::runtime::rt().none_ref().bits();
    // SAFETY: None is immortal; the borrowed raw word keeps the ref from
    // dropping a count it never took.
    StackRef { raw: w | BORROWED, val: ManuallyDrop::new(unsafe { Value::from_bits(std::num::NonZeroUsize::new(w).unwrap_or(std::num::NonZeroUsize::MIN)) }) }
}

/// Makes a bitwise copy of a borrowed value own a count of its own.
#[inline]
fn take_count(v: &Slot) {
    if let Some(v) = v {
        std::mem::forget(v.clone());
    }
}

/// Gives the untagged word of a borrowed slot a count of its own.
#[inline]
fn count_word(w: usize) {
    // SAFETY: a borrowed slot's object is live (its local holds it); the
    // view does not drop, so the clone's count stays with the word.
    let view = ManuallyDrop::new(std::num::NonZeroUsize::new(w).map(|b| unsafe { Value::from_bits(b) }));
    take_count(&view);
}

/// Which of a call's argument slots were borrowed (`untag_from`): bit i is
/// the slot `start + i`.
#[derive(Clone, Copy)]
#[must_use]
pub struct Borrows {
    start: usize,
    mask: u64,
}

pub struct ValueStack {
    base: *mut usize,
    top: *mut usize,
    end: *mut usize,
}

// SAFETY: the stack owns its slots like a `Vec<Slot>` would (borrowed ones
// own nothing); `Value` is Send and Sync (reference counts are
// thread-safe), so the stack is too.
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
        let p = ptr::NonNull::<usize>::dangling().as_ptr();
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
        let mut v: Vec<usize> = Vec::with_capacity(n.max(cap * 2).max(4));
        // SAFETY: the `len` initialised slots move into the new block (the
        // words keep their tags: borrowing depends on the local, not on the
        // slot's address) and the old block is freed.
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
        let w = word_of(v);
        debug_assert!(!is_borrowed(w), "an owned value whose word looks borrowed: {w:#x}");
        self.push_word(w);
    }

    #[inline(always)]
    fn push_word(&mut self, w: usize) {
        debug_assert!(self.top != self.end, "value stack overflow");
        // SAFETY: top < end by the module invariant: a free slot of the block.
        unsafe {
            ptr::write(self.top, w);
            self.top = self.top.add(1);
        }
    }

    /// Pushes `v` without taking a count: the caller guarantees `v` is a
    /// fast local of this frame that keeps its value until the slot is
    /// consumed (see the module docs).
    #[inline]
    pub fn push_borrowed(&mut self, v: &Value) {
        let w = v.bits();
        // Small ints own nothing: they go as they are.
        self.push_word(if w & 1 == 0 { w | BORROWED } else { w });
    }

    /// Pushes `v`, read from a container that may let go of it meanwhile
    /// (LOAD_GLOBAL of a callable): a deferred or immortal object goes
    /// uncounted, as a deferred slot (see the module docs), anything else
    /// with a count of its own.
    #[inline]
    pub fn push_shared(&mut self, v: &Value) {
        self.push_ref(StackRef::shared(v));
    }

    /// Pushes back a value `pop_ref` took, borrowed if it was.
    #[inline]
    pub fn push_ref(&mut self, r: StackRef) {
        let r = ManuallyDrop::new(r);
        self.push_word(r.raw);
    }

    /// The top slot, removed, with a count of its own (even a borrowed
    /// one); None when the stack is empty.
    #[inline]
    pub fn pop(&mut self) -> Option<Slot> {
        if self.top == self.base {
            return None;
        }
        Some(self.pop_owned())
    }

    #[inline(always)]
    fn pop_word(&mut self) -> usize {
        debug_assert!(self.top != self.base, "value stack underflow");
        // SAFETY: the stack is not empty by the module invariant, so top-1
        // is an initialised slot, which becomes free as the pointer drops.
        unsafe {
            self.top = self.top.sub(1);
            ptr::read(self.top)
        }
    }

    /// The top value, removed, as it is: borrowed ones stay borrowed (for
    /// an instruction that reads the value and lets it go). NULL reads as
    /// None.
    #[inline(always)]
    pub fn pop_ref(&mut self) -> StackRef {
        let raw = self.pop_word();
        // A deferred slot must stay where the collector sees it (only
        // calls consume one).
        debug_assert!(!is_deferred(raw), "a deferred slot popped by reference");
        if raw == 0 {
            return null_ref();
        }
        let w = if is_borrowed(raw) { untag(raw) } else { raw };
        // SAFETY: `raw` is not 0, and a borrowed word is a tagged pointer
        // (at least 8), so `w` is not 0 either: an untagged value; `raw`
        // records whether it holds a count.
        StackRef { raw, val: ManuallyDrop::new(unsafe { Value::from_bits(std::num::NonZeroUsize::new_unchecked(w)) }) }
    }

    /// Drops the top slot (POP_TOP): a borrowed one owns nothing.
    #[inline(always)]
    pub fn pop_discard(&mut self) {
        let w = self.pop_word();
        if !is_borrowed(w) {
            // SAFETY: an owned slot's word, handed over once.
            drop(unsafe { slot_of(w) });
        }
    }

    /// The top slot, removed, for the interpreter's own pops, whose depth
    /// the compiler has checked (see the module invariant). The slot is
    /// never borrowed: the compiler lets only instructions that pop with
    /// `pop_ref` (or read their arguments in place) consume borrowed slots,
    /// so the hot pops pay nothing for them (debug builds check).
    #[inline]
    pub fn pop_slot(&mut self) -> Slot {
        debug_assert!(self.top != self.base, "value stack underflow");
        // SAFETY: the stack is not empty by the module invariant, so top-1
        // is an initialised slot, which becomes free as the pointer drops;
        // it is owned (see above), so its word is a `Slot`.
        unsafe {
            self.top = self.top.sub(1);
            slot_of(ptr::read(self.top))
        }
    }

    /// The top slot, removed, with a count of its own even when it was
    /// borrowed (a call's callable, which the callee frame keeps).
    #[inline]
    pub fn pop_owned(&mut self) -> Slot {
        let w = self.pop_word();
        if is_borrowed(w) {
            count_word(untag(w));
            // SAFETY: the untagged word now owns the count just taken.
            return unsafe { slot_of(untag(w)) };
        }
        // SAFETY: an owned slot's word, handed over once.
        unsafe { slot_of(w) }
    }

    /// The top slot, removed, for the `func` of the callee frame a call
    /// moves it into, and whether it holds no count: a borrowed or deferred
    /// slot stays uncounted (the caller's local outlives the callee; the
    /// collector counts a running frame's uncounted `func`), so the frame
    /// must forget the value rather than drop it.
    #[inline]
    pub fn pop_callee(&mut self) -> (Slot, bool) {
        let w = self.pop_word();
        let uncounted = is_borrowed(w);
        let w = if uncounted { untag(w) } else { w };
        // SAFETY: an untagged word: 0 or a value's bits, whose count (if
        // any) moves to the caller, which knows whether it has one.
        (std::num::NonZeroUsize::new(w).map(|b| unsafe { Value::from_bits(b) }), uncounted)
    }

    /// The word of slot `i` (within the stack).
    #[inline(always)]
    fn word(&self, i: usize) -> usize {
        debug_assert!(i < self.len(), "value stack read out of range");
        // SAFETY: i < len by the callers' checks: an initialised slot.
        unsafe { *self.base.add(i) }
    }

    /// Slot `i` (from the bottom) seen in place, untagged.
    #[inline]
    pub fn at(&self, i: usize) -> SlotView<'_> {
        SlotView::new(self.word(i))
    }

    /// Slot `i` seen in place, if the stack has one.
    #[inline]
    pub fn get(&self, i: usize) -> Option<SlotView<'_>> {
        (i < self.len()).then(|| self.at(i))
    }

    /// Whether slot `i` holds NULL.
    #[inline]
    pub fn is_null(&self, i: usize) -> bool {
        self.word(i) == 0
    }

    /// The top slot seen in place.
    #[inline]
    pub fn top(&self) -> Option<SlotView<'_>> {
        let n = self.len();
        n.checked_sub(1).map(|i| self.at(i))
    }

    /// The top slot in place, for an instruction whose operand is never
    /// borrowed (FOR_ITER's iterator, which GET_ITER pushed); the stack is
    /// not empty by the module invariant.
    #[inline]
    pub fn top_owned(&self) -> &Slot {
        debug_assert!(self.top != self.base, "value stack underflow");
        // SAFETY: top-1 is an initialised slot (module invariant); it is
        // owned (debug builds check), so its word is a `Slot`.
        unsafe {
            let p = self.top.sub(1);
            debug_assert!(!is_borrowed(*p), "a borrowed slot read as owned");
            &*p.cast::<Slot>()
        }
    }

    /// The `n`th slot from the top (1 is the top) with a count of its own,
    /// for COPY, whose operand the compiler keeps within the stack (see
    /// the module invariant) and never borrows (COPY does not consume).
    #[inline]
    pub fn peek_cloned(&self, n: usize) -> Slot {
        debug_assert!(n >= 1 && n <= self.len(), "value stack peek out of range");
        // SAFETY: 1 <= n <= len: an initialised slot; owned (debug builds
        // check), so its word is a `Slot`.
        unsafe {
            let p = self.top.sub(n);
            debug_assert!(!is_borrowed(*p), "a borrowed slot read as owned");
            (*p.cast::<Slot>()).clone()
        }
    }

    /// Swaps the top slot with the `n`th from the top (SWAP; 2 is the one
    /// below the top), within the stack by the module invariant. Tags move
    /// with their words.
    #[inline]
    pub fn swap_top(&mut self, n: usize) {
        debug_assert!(n >= 1 && n <= self.len(), "value stack swap out of range");
        // SAFETY: 1 <= n <= len by the module invariant, so both are
        // initialised slots of the block (the same one when n is 1).
        unsafe { ptr::swap(self.top.sub(1), self.top.sub(n)) }
    }

    /// Drops every slot from `n` up (borrowed ones own nothing).
    #[inline]
    pub fn truncate(&mut self, n: usize) {
        if self.len() > n {
            self.drop_from(n);
        }
    }

    #[inline(never)]
    fn drop_from(&mut self, n: usize) {
        let len = self.len();
        // SAFETY: n < len, so base+n is within the block; the slots above
        // leave the stack first (so a destructor that reaches this stack
        // again sees only live slots), then are dropped in order, except
        // borrowed ones, which own nothing.
        unsafe {
            let from = self.base.add(n);
            self.top = from;
            for i in 0..len - n {
                let w = *from.add(i);
                if !is_borrowed(w) {
                    drop(slot_of(w));
                }
            }
        }
    }

    /// Untags the slots from `start` up in place, so `slice_from(start)`
    /// can hand them to a native call as values, and records which were
    /// borrowed; `truncate_borrowed` must remove them afterwards (before
    /// anything else pops or truncates). A slot past the 64th, and a
    /// deferred one (the collector would not see it once untagged), gets a
    /// count of its own instead.
    #[inline]
    pub fn untag_from(&mut self, start: usize) -> Borrows {
        let mut mask = 0u64;
        let mut bit = 1u64;
        let mut p = self.base.wrapping_add(start);
        while p < self.top {
            // SAFETY: base+start <= p < top: an initialised slot.
            let w = unsafe { *p };
            if is_borrowed(w) {
                // SAFETY: as above; the untagged word is a valid value.
                unsafe { *p = untag(w) };
                if bit == 0 || is_deferred(w) {
                    count_word(untag(w));
                } else {
                    mask |= bit;
                }
            }
            bit <<= 1;
            p = p.wrapping_add(1);
        }
        Borrows { start, mask }
    }

    /// Drops every slot from `b`'s start up (`untag_from`), forgetting the
    /// borrowed ones it recorded.
    #[inline]
    pub fn truncate_borrowed(&mut self, b: Borrows) {
        if b.mask == 0 {
            return self.truncate(b.start);
        }
        let len = self.len();
        if len <= b.start {
            return;
        }
        let mut m = b.mask;
        // SAFETY: as in `drop_from`: start < len; each slot is dropped once
        // after the stack has let go of it, borrowed ones (bit set) not at
        // all.
        unsafe {
            let from = self.base.add(b.start);
            self.top = from;
            for i in 0..len - b.start {
                let w = *from.add(i);
                if m & 1 == 0 {
                    drop(slot_of(w));
                }
                m >>= 1;
            }
        }
    }

    /// The slots from `start` up, as values (None for NULL). None of them
    /// may be borrowed (`untag_from` first; debug builds check).
    #[inline]
    pub fn slice_from(&self, start: usize) -> &[Slot] {
        let len = self.len();
        let start = start.min(len);
        debug_assert!((start..len).all(|i| !is_borrowed(self.word(i))), "a borrowed slot read as a value");
        // SAFETY: base+start..top are initialised words of one block, none
        // borrowed, so each is 0 or an owned value's bits: the layout of
        // `Option<Value>` (the guaranteed null-pointer optimisation).
        unsafe { std::slice::from_raw_parts(self.base.add(start).cast::<Slot>(), len - start) }
    }

    /// Gives every borrowed slot from `n` up a count of its own.
    #[inline]
    fn own_from(&mut self, n: usize) {
        for i in n..self.len() {
            // SAFETY: i < len: an initialised slot of the block.
            let p = unsafe { self.base.add(i) };
            // SAFETY: as above.
            let w = unsafe { *p };
            if is_borrowed(w) {
                let w = untag(w);
                count_word(w);
                // SAFETY: as above.
                unsafe { *p = w };
            }
        }
    }

    /// The values of the slots borrowed from locals (debug checks of the
    /// compiler's borrow analysis).
    pub fn borrowed_words(&self) -> impl Iterator<Item = (usize, usize)> + '_ {
        (0..self.len()).filter_map(|i| {
            let w = self.word(i);
            (is_borrowed(w) && !is_deferred(w)).then_some((i, untag(w)))
        })
    }

    /// Whether a slot borrowed from a local holds `v` (debug checks of the
    /// compiler's borrow analysis).
    pub fn borrows(&self, v: &Value) -> bool {
        (0..self.len()).any(|i| {
            let w = self.word(i);
            is_borrowed(w) && !is_deferred(w) && untag(w) == v.bits()
        })
    }

    /// Calls `visit` with the object word of each deferred slot: references
    /// the collector counts for a running frame (see the module docs).
    pub fn deferred_words(&self, visit: &mut dyn FnMut(usize)) {
        for i in 0..self.len() {
            let w = self.word(i);
            if is_deferred(w) {
                visit(untag(w));
            }
        }
    }

    /// Whether the top slot is a deferred one (LOAD_GLOBAL's `module.name`
    /// owner, for LOAD_ATTR).
    #[inline(always)]
    pub fn top_is_deferred(&self) -> bool {
        // SAFETY: base <= top; a non-empty stack's top-1 is initialised.
        self.top != self.base && is_deferred(unsafe { *self.top.sub(1) })
    }

    /// Gives the top slot a count of its own if it is a deferred one.
    #[inline]
    pub fn own_top(&mut self) {
        if self.top_is_deferred() {
            // SAFETY: the stack is not empty (checked above).
            let p = unsafe { self.top.sub(1) };
            // SAFETY: an initialised deferred slot; its untagged word now
            // owns the count taken.
            unsafe {
                count_word(untag(*p));
                *p = untag(*p);
            }
        }
    }

    /// Gives every deferred slot a count of its own (a generator frame
    /// about to leave the running frames, where the collector no longer
    /// looks).
    pub fn own_deferred(&mut self) {
        for i in 0..self.len() {
            // SAFETY: i < len: an initialised slot of the block.
            let p = unsafe { self.base.add(i) };
            // SAFETY: as above.
            let w = unsafe { *p };
            if is_deferred(w) {
                count_word(untag(w));
                // SAFETY: as above; the untagged word now owns that count.
                unsafe { *p = untag(w) };
            }
        }
    }

    /// Visits the values the stack holds counts on (not borrowed slots).
    pub fn for_each_owned(&self, visit: &mut dyn FnMut(&Value)) {
        for i in 0..self.len() {
            let w = self.word(i);
            if !is_borrowed(w) {
                if let Some(v) = &*SlotView::new(w) {
                    visit(v);
                }
            }
        }
    }

    pub fn clear(&mut self) {
        self.truncate(0);
    }

    /// Moves the top `dst.len()` slots (fewer if the stack is shorter) into
    /// `dst`, in order, each with a count of its own, dropping what `dst`
    /// held (a fresh frame's empty locals, so nothing).
    #[inline]
    pub fn pop_into(&mut self, dst: &mut [Slot]) {
        let n = dst.len().min(self.len());
        self.own_from(self.len() - n);
        for d in dst.iter_mut().take(n) {
            if d.is_some() {
                *d = None;
            }
        }
        // SAFETY: the top n slots are initialised, owned (just above) and
        // leave the stack (top drops below them); dst's first n slots are
        // None, so overwriting them without dropping leaks nothing; the
        // ranges do not overlap (dst is not part of this stack: it is
        // borrowed mutably apart); a word of an owned slot is a `Slot`.
        unsafe {
            self.top = self.top.sub(n);
            ptr::copy_nonoverlapping(self.top.cast::<Slot>(), dst.as_mut_ptr(), n);
        }
    }

    /// Moves the slots from `start` up into `dst` (a fresh frame's empty
    /// locals, at least as many), in order and as they are: a borrowed slot
    /// arrives as its untagged value without a count, and its bit is set
    /// in the mask returned (`Frame::borrowed_args`); past the 64th it gets
    /// a count instead.
    #[inline]
    pub fn move_args_into(&mut self, start: usize, dst: &mut [Slot]) -> u64 {
        let len = self.len();
        let start = start.min(len);
        let n = (len - start).min(dst.len());
        let mut mask = 0u64;
        // SAFETY: start + n <= len: initialised slots, which leave the stack
        // (top drops to start; any beyond n are dropped after); dst's slots
        // are None (a fresh frame's), so overwriting them leaks nothing; a
        // borrowed slot's untagged word is a value whose count stays with
        // the caller's local, which the mask records.
        unsafe {
            let from = self.base.add(start);
            self.top = from;
            for (i, d) in dst.iter_mut().take(n).enumerate() {
                let mut w = *from.add(i);
                if is_borrowed(w) {
                    let deferred = is_deferred(w);
                    w = untag(w);
                    match 1u64.checked_shl(i as u32) {
                        Some(bit) if !deferred => mask |= bit,
                        _ => count_word(w),
                    }
                }
                ptr::write(d, slot_of(w));
            }
            for i in n..len - start {
                let w = *from.add(i);
                if !is_borrowed(w) {
                    drop(slot_of(w));
                }
            }
        }
        mask
    }

    /// Removes the slots from `start` up and hands them over in order, each
    /// with a count of its own.
    pub fn drain_from(&mut self, start: usize) -> DrainFrom<'_> {
        let len = self.len();
        let start = start.min(len);
        // SAFETY: start <= len, so the pointers stay within the block; the
        // slots start..len leave the stack's ownership now and the iterator
        // owns them (giving borrowed ones a count as it yields them, and
        // dropping the owned ones it was not asked for).
        unsafe {
            let from = self.base.add(start);
            let to = self.top;
            self.top = from;
            DrainFrom { cur: from, end: to, _stack: PhantomData }
        }
    }
}

impl Drop for ValueStack {
    fn drop(&mut self) {
        self.clear();
        let cap = self.capacity();
        if cap != 0 {
            // SAFETY: the block came from a `Vec<usize>` of this capacity
            // (`grow_to`) and holds no initialised slots now.
            unsafe { drop(Vec::from_raw_parts(self.base, 0, cap)) }
        }
    }
}

/// `ValueStack::drain_from`'s iterator: owns the slots it has not yielded
/// (a borrowed one owns nothing until it is yielded).
pub struct DrainFrom<'a> {
    cur: *mut usize,
    end: *mut usize,
    _stack: PhantomData<&'a mut ValueStack>,
}

impl Iterator for DrainFrom<'_> {
    type Item = Slot;
    #[inline]
    fn next(&mut self) -> Option<Slot> {
        if self.cur == self.end {
            return None;
        }
        // SAFETY: cur..end are initialised slots this iterator owns; a
        // borrowed one gets a count of its own as it leaves.
        unsafe {
            let mut w = ptr::read(self.cur);
            self.cur = self.cur.add(1);
            if is_borrowed(w) {
                w = untag(w);
                count_word(w);
            }
            Some(slot_of(w))
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
        while self.cur != self.end {
            // SAFETY: as in `next`; borrowed slots own nothing to drop.
            unsafe {
                let w = ptr::read(self.cur);
                self.cur = self.cur.add(1);
                if !is_borrowed(w) {
                    drop(slot_of(w));
                }
            }
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
        assert_eq!(crate::num::int_to_i64(s.top().unwrap().as_ref().unwrap()), Some(2));
        s.clear();
        assert!(s.pop().is_none());
    }

    /// Borrowed slots never change the object's count, whichever way they
    /// leave; moving one out gives it a count of its own.
    #[test]
    fn borrowed_slots_own_nothing() {
        let obj = crate::seq::new_list(vec![crate::num::new_int(1)]);
        let count = || obj.header().map(|h| h.refcount()).unwrap_or(0);
        let base = count();
        let mut s = ValueStack::with_capacity(8);
        s.push_borrowed(&obj);
        s.push_borrowed(&crate::num::new_int(5));
        assert_eq!(count(), base);
        assert!(s.borrows(&obj));
        assert!(s.at(0).as_ref().is_some_and(|v| v.is(&obj)));
        assert_eq!(crate::num::int_to_i64(s.top().unwrap().as_ref().unwrap()), Some(5));
        let mut seen = 0;
        s.for_each_owned(&mut |_| seen += 1);
        assert_eq!(seen, 1, "only the small int is counted");
        // Read in place by a call, then truncated: no count moves.
        let b = s.untag_from(0);
        assert!(s.slice_from(0)[0].as_ref().is_some_and(|v| v.is(&obj)));
        s.truncate_borrowed(b);
        assert_eq!(count(), base);
        // pop_ref hands it out borrowed; push_ref puts it back as it was.
        s.push_borrowed(&obj);
        let r = s.pop_ref();
        assert!(r.is(&obj));
        s.push_ref(r);
        assert!(s.borrows(&obj));
        drop(s.pop_ref());
        assert_eq!(count(), base);
        // Moved out (a callee's locals, or `pop`): a count of its own.
        s.push_borrowed(&obj);
        let moved: Vec<Slot> = s.drain_from(0).collect();
        assert_eq!(count(), base + 1);
        drop(moved);
        s.push_borrowed(&obj);
        let owned = s.pop().flatten();
        assert_eq!(count(), base + 1);
        drop(owned);
        // Moved into a callee's locals as they are: the borrowed one keeps
        // no count and is marked in the mask.
        s.push(Some(obj.clone()));
        s.push_borrowed(&obj);
        let mut dst: Vec<Slot> = vec![None, None, None];
        let mask = s.move_args_into(0, &mut dst);
        assert_eq!(mask, 0b10);
        assert!(s.is_empty());
        assert_eq!(count(), base + 1);
        std::mem::forget(dst.pop().flatten());
        std::mem::forget(dst.pop().flatten());
        drop(dst);
        assert_eq!(count(), base);
        // Unwinding drops the stack: borrowed slots are skipped.
        s.push_borrowed(&obj);
        s.push(Some(obj.clone()));
        assert_eq!(count(), base + 1);
        s.clear();
        assert_eq!(count(), base);
    }
}

