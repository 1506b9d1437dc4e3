//! The `dict` payload: an insertion-ordered hash table (a dense entry array
//! plus an open-addressed index), read without a lock and changed under a
//! per-object lock.
//!
//! The table is one block: its size (index slots, a power of two) and
//! capacity (entry slots), then the index (`i32` entry numbers, `EMPTY` for
//! a free slot), then the entries (hash, key and value words, 0 when
//! deleted). A dict of up to five keys keeps it inline (`PyDict::small`);
//! a bigger one points at a heap block (`PyDict::table`, null: the inline
//! one).
//!
//! Within one table an entry slot holds at most one key: entries are
//! appended, a deleted entry stays a hole (value, then key, cleared) until
//! the next rebuild, and a rebuild makes a new table. An index slot goes
//! from `EMPTY` to an entry number once, after that entry is written
//! (Release). So a reader that loads an index slot, the entry's key and
//! then its value sees a pair the dict held under that key, with no
//! validation or retry: lookups of keys that compare without Python code
//! (exact str, small int, identity: `d[k]`, `d.get(k)`, `k in d`, names)
//! take no lock. One that would call `__eq__` takes the locked path: it
//! copies the candidate key out, releases, compares, re-locks and restarts
//! if the table changed meanwhile (`mutations`).
//!
//! The owner/shared protocol of `list_items`: the thread that made the dict
//! reads without the lock; another thread marks it `shared` (under the
//! lock) before its first lock-free read or first change. While it is
//! shared, a key or value the dict lets go of is retired
//! (`qsbr::retire_value`), and so is a replaced table (`qsbr::release_block`),
//! so a reader that loaded one just before can still count it. Before that,
//! changes drop and free at once (the creator is the only lock-free reader,
//! and it is the one changing).

use std::alloc::Layout;
use std::mem::ManuallyDrop;
use std::num::NonZeroUsize;
use std::sync::atomic::{AtomicBool, AtomicI32, AtomicI64, AtomicPtr, AtomicU64, AtomicUsize, Ordering};

use crate::error::PyResult;
use crate::object::{PayloadKind, PyPayload};
use crate::str::PyStr;
use crate::value::Value;

const EMPTY: i32 = -1;
/// Index slots and entry slots of the inline table.
const SMALL_SIZE: usize = 8;
const SMALL_CAP: usize = 5;

/// The head of a table; `size` index slots and `cap` entries follow it.
#[repr(C)]
struct Head {
    size: usize,
    cap: usize,
}

/// One entry: hash, key and value words (a `Value`'s bits; 0: none).
#[repr(C)]
struct Slot {
    hash: AtomicI64,
    key: AtomicUsize,
    value: AtomicUsize,
}

impl Slot {
    const fn new() -> Slot {
        Slot { hash: AtomicI64::new(0), key: AtomicUsize::new(0), value: AtomicUsize::new(0) }
    }
}

/// The inline table, laid out as a heap table of `SMALL_SIZE` index slots
/// and `SMALL_CAP` entries.
#[repr(C)]
struct SmallTable {
    head: Head,
    indices: [AtomicI32; SMALL_SIZE],
    slots: [Slot; SMALL_CAP],
}

const _: () = assert!(std::mem::offset_of!(SmallTable, indices) == std::mem::size_of::<Head>());
const _: () = assert!(std::mem::offset_of!(SmallTable, slots) == std::mem::size_of::<Head>() + 4 * SMALL_SIZE);

impl SmallTable {
    fn new() -> SmallTable {
        SmallTable {
            head: Head { size: SMALL_SIZE, cap: SMALL_CAP },
            indices: [const { AtomicI32::new(EMPTY) }; SMALL_SIZE],
            slots: [const { Slot::new() }; SMALL_CAP],
        }
    }
}

/// The layout of a heap table (`size` >= 8, so the entries after the
/// index stay 8-aligned).
fn table_layout(size: usize, cap: usize) -> Layout {
    let bytes = size
        .checked_mul(4)
        .and_then(|i| cap.checked_mul(std::mem::size_of::<Slot>()).and_then(|e| e.checked_add(i)))
        .and_then(|b| b.checked_add(std::mem::size_of::<Head>()));
    bytes.and_then(|b| Layout::from_size_align(b, 8).ok()).unwrap_or_else(|| alloc_failed())
}

#[cold]
fn alloc_failed() -> ! {
    std::alloc::handle_alloc_error(Layout::new::<Head>())
}

/// A new heap table: every index slot `EMPTY`, every entry 0.
fn table_new(size: usize, cap: usize) -> *mut Head {
    debug_assert!(size >= SMALL_SIZE && size.is_power_of_two() && cap < size);
    let layout = table_layout(size, cap);
    // SAFETY: the layout has a non-zero size (the head at least).
    let p = unsafe { std::alloc::alloc_zeroed(layout) } as *mut Head;
    if p.is_null() {
        std::alloc::handle_alloc_error(layout);
    }
    // SAFETY: `p` is a fresh allocation of the layout: the head, then
    // `size` i32 index slots (all bits set is `EMPTY`).
    unsafe {
        p.write(Head { size, cap });
        std::ptr::write_bytes(p.add(1) as *mut u8, 0xff, size * 4);
    }
    p
}

/// Frees heap table `p`'s memory (not the references in it).
///
/// # Safety
/// `p` came from `table_new`, nothing owns it any more and no thread can
/// read it.
unsafe fn table_free(p: *mut Head) {
    // SAFETY: as the caller promises; the layout is the one it was made with.
    unsafe { std::alloc::dealloc(p as *mut u8, table_layout((*p).size, (*p).cap)) }
}

/// A view of a live table (the inline one or a heap block), used while it
/// lives: under the lock, or while a `ReadGuard` keeps a replaced one.
#[derive(Clone, Copy)]
struct Table<'a>(&'a Head);

impl<'a> Table<'a> {
    #[inline(always)]
    fn head(self) -> &'a Head {
        self.0
    }

    #[inline(always)]
    fn mask(self) -> usize {
        self.head().size - 1
    }

    #[inline(always)]
    fn index(self, i: usize) -> &'a AtomicI32 {
        debug_assert!(i < self.head().size);
        // SAFETY: `i` < size; the index follows the head in the same block.
        unsafe { &*((self.0 as *const Head).add(1) as *const AtomicI32).add(i) }
    }

    #[inline(always)]
    fn slot(self, ix: usize) -> &'a Slot {
        debug_assert!(ix < self.head().cap);
        // SAFETY: `ix` < cap; the entries follow the index in the same block
        // (8-aligned: size is a multiple of 8).
        unsafe { &*(((self.0 as *const Head).add(1) as *const AtomicI32).add(self.head().size) as *const Slot).add(ix) }
    }

    /// The first index slot of `hash`'s probe sequence, and the state to
    /// step it.
    #[inline(always)]
    fn probe_start(self, hash: i64) -> (usize, u64) {
        ((hash as u64 as usize) & self.mask(), hash as u64)
    }

    #[inline(always)]
    fn probe_next(self, i: usize, perturb: &mut u64) -> usize {
        *perturb >>= 5;
        (i.wrapping_mul(5).wrapping_add(1).wrapping_add(*perturb as usize)) & self.mask()
    }

    /// The entry of str key `key` (or of the very object `same`, matched
    /// without comparing text: names are interned, so an identical key is
    /// the common hit). `order` loads the index and key words: Relaxed
    /// under the lock, Acquire for a lock-free reader (see `lookup_lockfree`).
    #[inline(always)]
    fn find_str(self, key: &str, same: Option<&Value>, hash: i64, order: Ordering) -> Option<usize> {
        let (mut i, mut perturb) = self.probe_start(hash);
        loop {
            let ix = self.index(i).load(order);
            if ix == EMPTY {
                return None;
            }
            let s = self.slot(ix as usize);
            if let Some(k) = view(s.key.load(order)) {
                if (same.is_some_and(|x| x.is(&k)) || s.hash.load(Ordering::Relaxed) == hash) && str_key_matches(&k, key, same) {
                    return Some(ix as usize);
                }
            }
            i = self.probe_next(i, &mut perturb);
        }
    }
}

/// A value word viewed as a `Value` (not a reference of its own: never
/// dropped).
#[inline(always)]
fn view(bits: usize) -> Option<ManuallyDrop<Value>> {
    // SAFETY: a non-zero word holds a value's bits; the view is never dropped.
    NonZeroUsize::new(bits).map(|b| ManuallyDrop::new(unsafe { Value::from_bits(b) }))
}

/// The writer's state, under the lock.
#[derive(Default)]
struct DictInner {
    /// Entry slots used in the current table (live or holes).
    used: usize,
    /// No live entry at or above this slot (`popitem` starts there).
    tail: usize,
    len: usize,
    /// Incremented whenever keys are added or removed or the table is rebuilt.
    mutations: u64,
    /// Incremented whenever the table is replaced or reset: entry indexes
    /// seen under one value keep naming the same keys (or holes).
    tables: u64,
}

impl crate::lock::HasLen for DictInner {
    fn len(&self) -> usize {
        self.len
    }
}

/// Laid out with what lock-free readers load first and the lock (which
/// every change writes) last, so a change dirties fewer of the lines
/// readers use.
#[repr(C)]
pub struct PyDict {
    /// The table: null for `small`, else an owned heap table. Replaced only
    /// under the lock (Release).
    table: AtomicPtr<Head>,
    /// The thread that made the dict (`header::current_thread_id`).
    creator: usize,
    /// 0 until LOAD_GLOBAL caches a read of this dict (it is a module's
    /// globals or builtins); from then on a process-unique version that every
    /// mutation replaces (see `globals_cache`).
    watch_version: AtomicU64,
    /// Set, under the lock, once a thread other than the creator reads
    /// without the lock or changes the dict; from then on changes retire
    /// what they let go of.
    shared: AtomicBool,
    /// Set once a type attribute lookup has read this dict (it is a type's
    /// namespace): from then on every mutation invalidates the type lookup
    /// caches (`types::invalidate_lookup_caches`).
    feeds_type_lookups: AtomicBool,
    small: SmallTable,
    inner: crate::lock::LenMutex<DictInner>,
}

impl Default for PyDict {
    fn default() -> Self {
        PyDict {
            table: AtomicPtr::new(std::ptr::null_mut()),
            creator: crate::header::current_thread_id(),
            watch_version: AtomicU64::new(0),
            shared: AtomicBool::new(false),
            feeds_type_lookups: AtomicBool::new(false),
            small: SmallTable::new(),
            inner: Default::default(),
        }
    }
}

impl Drop for PyDict {
    fn drop(&mut self) {
        let used = self.inner.lock().used;
        let t = self.table_ptr();
        for ix in 0..used {
            let s = t.slot(ix);
            for w in [&s.key, &s.value] {
                if let Some(b) = NonZeroUsize::new(w.load(Ordering::Relaxed)) {
                    // SAFETY: the dict is dying, so no reader can reach it (a
                    // lock-free reader holds a reference to it): its
                    // references are ours to drop.
                    drop(unsafe { Value::from_bits(b) });
                }
            }
        }
        let p = *self.table.get_mut();
        if !p.is_null() {
            // SAFETY: the dict's own heap table, which nothing else reads now.
            unsafe { table_free(p) };
        }
    }
}

impl PyPayload for PyDict {
    const KIND: PayloadKind = crate::kinds::DICT;
    const GC: bool = true;
    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        let g = self.lock_read();
        g.for_each_live(|_, k, v| {
            visit(k);
            visit(v);
        });
    }
    fn clear(&self) {
        // The collector clears a dict no thread can reach: no mark needed.
        let mut g = DictGuard { dict: self, inner: self.inner.lock() };
        let old = g.take_all();
        drop(g);
        self.mutated();
        drop(old);
    }
}

/// How a probe for `key` went.
enum Probe {
    Found(usize),
    /// Not present.
    Missing,
    /// Need a Python-level comparison with the key at this entry index.
    Compare(usize),
}

/// How a lock-free lookup went.
enum Quick {
    Found(Value),
    Missing,
    /// A comparison needs Python code: take the locked path.
    Slow,
}

/// Compares two keys; may run Python code.
pub type KeyEq<'a> = &'a mut dyn FnMut(&Value, &Value) -> PyResult<bool>;

/// Equality that needs no Python code: identity, small ints, exact str.
#[inline(always)]
pub(crate) fn fast_eq(a: &Value, b: &Value) -> Option<bool> {
    if a.is(b) {
        return Some(true);
    }
    if a.is_small_int() && b.is_small_int() {
        return Some(false);
    }
    let rt = crate::runtime::rt();
    if let (Some(x), Some(y)) = (a.downcast_exact::<PyStr>(rt.types.str), b.downcast_exact::<PyStr>(rt.types.str)) {
        return Some(x.as_str() == y.as_str());
    }
    None
}

/// Whether entry key `k` is the str `key` (or the very object `same`).
#[inline(always)]
fn str_key_matches(k: &Value, key: &str, same: Option<&Value>) -> bool {
    if same.is_some_and(|s| s.is(k)) {
        return true;
    }
    k.downcast::<PyStr>().is_some_and(|s| s.as_str() == key)
}

/// The dict's lock: reads of the table under it, and the changes a dict
/// makes. What a change lets go of comes back to the caller to drop after
/// the lock (its `__del__` may touch the dict), except in a shared dict,
/// where it is retired instead (the caller gets a counted copy if it asked
/// for the value).
struct DictGuard<'a> {
    dict: &'a PyDict,
    inner: crate::lock::LenGuard<'a, DictInner>,
}

impl<'a> DictGuard<'a> {
    #[inline(always)]
    fn table(&self) -> Table<'a> {
        self.dict.table_ptr()
    }

    #[inline(always)]
    fn shared(&self) -> bool {
        self.dict.shared.load(Ordering::Relaxed)
    }

    pub fn len(&self) -> usize {
        self.inner.len
    }

    /// Calls `f(entry index, key, value)` for every live entry, in order.
    fn for_each_live(&self, mut f: impl FnMut(usize, &Value, &Value)) {
        let t = self.table();
        for ix in 0..self.inner.used {
            let s = t.slot(ix);
            if let (Some(k), Some(v)) = (view(s.key.load(Ordering::Relaxed)), view(s.value.load(Ordering::Relaxed))) {
                f(ix, &k, &v);
            }
        }
    }

    /// The live entry at `pos` or later: (its index, key, value) as views
    /// valid while the lock is held.
    fn next_live(&self, mut pos: usize) -> Option<(usize, ManuallyDrop<Value>, ManuallyDrop<Value>)> {
        let t = self.table();
        while pos < self.inner.used {
            let s = t.slot(pos);
            if let (Some(k), Some(v)) = (view(s.key.load(Ordering::Relaxed)), view(s.value.load(Ordering::Relaxed))) {
                return Some((pos, k, v));
            }
            pos += 1;
        }
        None
    }

    /// A counted copy of the key of entry `ix`, if live.
    fn key_at(&self, ix: usize) -> Option<Value> {
        view(self.table().slot(ix).key.load(Ordering::Relaxed)).map(|k| (*k).clone())
    }

    /// A counted copy of the value of live entry `ix`.
    fn value_at(&self, ix: usize) -> Option<Value> {
        view(self.table().slot(ix).value.load(Ordering::Relaxed)).map(|v| (*v).clone())
    }

    /// Probes for `key`; `skip` lists entry indices already compared unequal in this lookup.
    fn probe(&self, key: &Value, hash: i64, skip: &[usize]) -> Probe {
        let t = self.table();
        let (mut i, mut perturb) = t.probe_start(hash);
        loop {
            let ix = t.index(i).load(Ordering::Relaxed);
            if ix == EMPTY {
                return Probe::Missing;
            }
            let ix = ix as usize;
            let s = t.slot(ix);
            if s.hash.load(Ordering::Relaxed) == hash && !skip.contains(&ix) {
                if let Some(k) = view(s.key.load(Ordering::Relaxed)) {
                    match fast_eq(&k, key) {
                        Some(true) => return Probe::Found(ix),
                        Some(false) => {}
                        None => return Probe::Compare(ix),
                    }
                }
            }
            i = t.probe_next(i, &mut perturb);
        }
    }

    /// `Table::find_str` under the lock.
    fn find_str_or_same(&self, key: &str, same: Option<&Value>, hash: i64) -> Option<usize> {
        self.table().find_str(key, same, hash, Ordering::Relaxed)
    }

    /// What the caller gets for a reference the dict let go of: the value,
    /// or in a shared dict a counted copy, the dict's reference being
    /// retired.
    fn hand_out(&self, v: Value) -> Value {
        crate::qsbr::hand_out(self.shared(), v)
    }

    /// A reference the dict let go of, for the caller to drop after the
    /// lock (None: retired).
    fn release(&self, v: Value) -> Option<Value> {
        crate::qsbr::release(self.shared(), v)
    }

    /// Replaces the value of live entry `ix`: the dict's reference to the
    /// old one, for `hand_out` or `release`.
    fn replace_value(&mut self, ix: usize, value: Value) -> Value {
        let old = self.table().slot(ix).value.swap(value.into_raw(), Ordering::Release);
        // SAFETY: a live entry's value word holds a reference of the dict's,
        // handed over here.
        unsafe { Value::from_bits(NonZeroUsize::new_unchecked(old)) }
    }

    /// Deletes live entry `ix`: the dict's references to its key and
    /// value, for `hand_out` or `release`.
    fn remove_at(&mut self, ix: usize) -> (Value, Value) {
        let s = self.table().slot(ix);
        // Value first: a reader that still sees the key finds no value.
        let v = s.value.swap(0, Ordering::Release);
        let k = s.key.swap(0, Ordering::Release);
        self.inner.len -= 1;
        self.inner.mutations += 1;
        // SAFETY: a live entry's words hold references of the dict's, handed
        // over here.
        let (k, v) = unsafe { (Value::from_bits(NonZeroUsize::new_unchecked(k)), Value::from_bits(NonZeroUsize::new_unchecked(v))) };
        (k, v)
    }

    /// Appends a new entry (the key is known missing).
    fn insert_new(&mut self, hash: i64, key: Value, value: Value) {
        if self.inner.used == self.table().head().cap {
            self.rebuild(self.inner.len * 2 + 1);
        }
        let t = self.table();
        let ix = self.inner.used;
        let s = t.slot(ix);
        s.hash.store(hash, Ordering::Relaxed);
        s.key.store(key.into_raw(), Ordering::Relaxed);
        s.value.store(value.into_raw(), Ordering::Relaxed);
        let (mut i, mut perturb) = t.probe_start(hash);
        while t.index(i).load(Ordering::Relaxed) != EMPTY {
            i = t.probe_next(i, &mut perturb);
        }
        // Publishes the entry written above.
        t.index(i).store(ix as i32, Ordering::Release);
        self.inner.used += 1;
        self.inner.tail = self.inner.used;
        self.inner.len += 1;
        self.inner.mutations += 1;
    }

    /// Moves the live entries, in order, to a new heap table with room for
    /// `min_capacity` of them, and publishes it.
    fn rebuild(&mut self, min_capacity: usize) {
        let n = self.inner.len;
        let need = min_capacity.max(n + 1);
        let mut size = SMALL_SIZE;
        while (size * 2 - 1) / 3 < need {
            size = size.checked_mul(2).unwrap_or_else(|| alloc_failed());
        }
        let cap = (size * 2 - 1) / 3;
        let old = self.table();
        let p = table_new(size, cap);
        // SAFETY: the fresh table, published below.
        let new = Table(unsafe { &*p });
        let mut k = 0;
        for ix in 0..self.inner.used {
            let s = old.slot(ix);
            let key = s.key.load(Ordering::Relaxed);
            let value = s.value.load(Ordering::Relaxed);
            if key == 0 || value == 0 {
                continue;
            }
            let hash = s.hash.load(Ordering::Relaxed);
            let d = new.slot(k);
            d.hash.store(hash, Ordering::Relaxed);
            d.key.store(key, Ordering::Relaxed);
            d.value.store(value, Ordering::Relaxed);
            let (mut i, mut perturb) = new.probe_start(hash);
            while new.index(i).load(Ordering::Relaxed) != EMPTY {
                i = new.probe_next(i, &mut perturb);
            }
            new.index(i).store(k as i32, Ordering::Relaxed);
            k += 1;
        }
        debug_assert_eq!(k, n);
        self.publish(p, k);
    }

    /// Makes heap table `p` (holding `used` entries) the dict's, and lets
    /// the old table's memory go (its words are no references any more).
    fn publish(&mut self, p: *mut Head, used: usize) {
        let old = self.dict.table.swap(p, Ordering::Release);
        self.inner.used = used;
        self.inner.tail = used;
        self.inner.mutations += 1;
        self.inner.tables += 1;
        if old.is_null() {
            // The inline table is never reused once the dict is shared;
            // otherwise `take_all` resets it before use.
            return;
        }
        // SAFETY: the dict let go of `old` (swapped out above); its words
        // are no references (moved to the new table or retired one by one).
        unsafe { crate::qsbr::release_block(self.shared(), old.cast(), |p| table_free(p.cast())) };
    }

    /// Empties the dict: the references it held, to drop after the lock
    /// (none in a shared dict: retired).
    fn take_all(&mut self) -> Vec<Value> {
        let t = self.table();
        let mut out = Vec::with_capacity(self.inner.len * 2);
        for ix in 0..self.inner.used {
            let s = t.slot(ix);
            for w in [&s.key, &s.value] {
                if let Some(b) = NonZeroUsize::new(w.load(Ordering::Relaxed)) {
                    // SAFETY: the word holds a reference of the dict's; the
                    // table it is in is replaced below, so it is handed over.
                    out.push(unsafe { Value::from_bits(b) });
                }
            }
        }
        self.inner.len = 0;
        if self.shared() {
            // Readers may hold the old table: a fresh empty one replaces it.
            let p = table_new(SMALL_SIZE, SMALL_CAP);
            self.publish(p, 0);
            out.drain(..).for_each(crate::qsbr::retire_value);
            return out;
        }
        // Unshared: back to the inline table, reset.
        let old = self.dict.table.swap(std::ptr::null_mut(), Ordering::Release);
        if !old.is_null() {
            // SAFETY: unshared: only this thread reads without the lock.
            unsafe { table_free(old) };
        }
        for i in &self.dict.small.indices {
            i.store(EMPTY, Ordering::Relaxed);
        }
        for s in &self.dict.small.slots {
            s.key.store(0, Ordering::Relaxed);
            s.value.store(0, Ordering::Relaxed);
        }
        self.inner.used = 0;
        self.inner.tail = 0;
        self.inner.mutations += 1;
        self.inner.tables += 1;
        out
    }
}

impl PyDict {
    pub fn new() -> PyDict {
        PyDict::default()
    }

    #[inline(always)]
    fn table_ptr(&self) -> Table<'_> {
        let p = self.table.load(Ordering::Acquire);
        // SAFETY: a non-null pointer is the dict's heap table, or one it
        // replaced while the caller was reading (retired, see `Table`).
        if p.is_null() { Table(&self.small.head) } else { Table(unsafe { &*p }) }
    }

    #[inline(always)]
    fn mine(&self) -> bool {
        self.creator == crate::header::current_thread_id()
    }

    /// The lock, for a read under it (no mark: a locked read does not race
    /// with the creator's lock-free ones).
    #[inline]
    fn lock_read(&self) -> DictGuard<'_> {
        DictGuard { dict: self, inner: self.inner.lock() }
    }

    /// The lock, for a change: marks the dict shared when the caller is
    /// not its creator (the creator reads without the lock).
    #[inline]
    fn lock_mut(&self) -> DictGuard<'_> {
        let g = self.lock_read();
        if !self.shared.load(Ordering::Relaxed) && !self.mine() {
            self.shared.store(true, Ordering::Release);
        }
        g
    }

    /// Lets this thread read without the lock: a non-creator of a dict not
    /// yet shared marks it shared first (under the lock).
    #[inline(always)]
    fn ensure_lockfree(&self) {
        if !self.shared.load(Ordering::Acquire) && !self.mine() {
            self.mark_shared();
        }
    }

    #[cold]
    #[inline(never)]
    fn mark_shared(&self) {
        drop(self.lock_mut());
    }

    /// Looks `key` up without the lock (see the module docs).
    #[inline]
    fn lookup_lockfree(&self, key: &Value, hash: i64) -> Quick {
        self.ensure_lockfree();
        let _guard = crate::qsbr::ReadGuard::new();
        let t = self.table_ptr();
        let (mut i, mut perturb) = t.probe_start(hash);
        loop {
            let ix = t.index(i).load(Ordering::Acquire);
            if ix == EMPTY {
                return Quick::Missing;
            }
            let s = t.slot(ix as usize);
            // The entry was written before its index slot was published.
            if s.hash.load(Ordering::Relaxed) == hash {
                // A key or value let go of since the table was loaded was
                // retired (shared) or this thread is the only one changing
                // the dict (unshared), so the views stay valid while
                // `_guard` lives.
                if let Some(k) = view(s.key.load(Ordering::Acquire)) {
                    match fast_eq(&k, key) {
                        Some(true) => {
                            return match view(s.value.load(Ordering::Acquire)) {
                                Some(v) => Quick::Found((*v).clone()),
                                // Deleted meanwhile.
                                None => Quick::Missing,
                            };
                        }
                        Some(false) => {}
                        None => return Quick::Slow,
                    }
                }
            }
            i = t.probe_next(i, &mut perturb);
        }
    }

    /// Looks a str key up without the lock: the value and its entry index,
    /// if present.
    #[inline]
    fn find_str_lockfree(&self, key: &str, same: Option<&Value>, hash: i64) -> Option<(Value, usize)> {
        self.ensure_lockfree();
        let _guard = crate::qsbr::ReadGuard::new();
        let t = self.table_ptr();
        let ix = t.find_str(key, same, hash, Ordering::Acquire)?;
        view(t.slot(ix).value.load(Ordering::Acquire)).map(|v| ((*v).clone(), ix))
    }

    /// Marks this dict as a type namespace read by `TypeRef::lookup`.
    pub(crate) fn mark_type_namespace(&self) {
        if !self.feeds_type_lookups.load(Ordering::Relaxed) {
            self.feeds_type_lookups.store(true, Ordering::Relaxed);
        }
    }

    /// Called after every mutation.
    #[inline]
    fn mutated(&self) {
        if self.feeds_type_lookups.load(Ordering::Relaxed) {
            crate::types::invalidate_lookup_caches();
        }
        if self.watch_version.load(Ordering::Relaxed) != 0 {
            self.watch_version.store(crate::globals_cache::fresh_version(), Ordering::Release);
            crate::globals_cache::forget_this_thread();
        }
    }

    /// The version LOAD_GLOBAL's cache validates against; watches the dict
    /// from the first call.
    #[inline]
    pub(crate) fn watch_version(&self) -> u64 {
        let v = self.watch_version.load(Ordering::Acquire);
        if v != 0 {
            return v;
        }
        let fresh = crate::globals_cache::fresh_version();
        match self.watch_version.compare_exchange(0, fresh, Ordering::AcqRel, Ordering::Acquire) {
            Ok(_) => fresh,
            Err(cur) => cur,
        }
    }

    pub fn len(&self) -> usize {
        self.inner.len()
    }

    /// Finds the entry index for `key`, running `eq` outside the lock as needed.
    fn locate(&self, key: &Value, hash: i64, eq: KeyEq<'_>) -> PyResult<Option<(usize, u64)>> {
        Ok(self.locate_or_miss(key, hash, eq)?.ok())
    }

    /// Like `locate`, but a miss tells the mutation count it was seen at (an
    /// insert may rely on the miss only while that count is unchanged).
    ///
    /// A comparison that changed the dict restarts the probe only when the
    /// table was replaced or reset (`tables`) or the compared entry no
    /// longer holds the key (as CPython): within one table entries are only
    /// appended or emptied, so the probe sequence seen so far still stands,
    /// and a key whose `__eq__` changes the dict on every call cannot
    /// restart it forever.
    fn locate_or_miss(&self, key: &Value, hash: i64, eq: KeyEq<'_>) -> PyResult<Result<(usize, u64), u64>> {
        let mut skip: Vec<usize> = Vec::new();
        loop {
            let (probe, mutations, cand, table) = {
                let g = self.lock_read();
                let probe = g.probe(key, hash, &skip);
                // The candidate, counted, to compare after the lock.
                let cand = match probe {
                    Probe::Compare(ix) => g.key_at(ix),
                    _ => None,
                };
                (probe, g.inner.mutations, cand, g.inner.tables)
            };
            match (probe, cand) {
                (Probe::Found(ix), _) => return Ok(Ok((ix, mutations))),
                (Probe::Missing, _) => return Ok(Err(mutations)),
                (Probe::Compare(_), None) => continue,
                (Probe::Compare(ix), Some(cand)) => {
                    let equal = eq(&cand, key)?;
                    let g = self.lock_read();
                    let now = g.inner.mutations;
                    if now != mutations && (g.inner.tables != table || !g.key_at(ix).is_some_and(|k| k.is(&cand))) {
                        skip.clear();
                        continue;
                    }
                    if equal {
                        return Ok(Ok((ix, now)));
                    }
                    skip.push(ix);
                }
            }
        }
    }

    pub fn get(&self, key: &Value, hash: i64, eq: KeyEq<'_>) -> PyResult<Option<Value>> {
        match self.lookup_lockfree(key, hash) {
            Quick::Found(v) => return Ok(Some(v)),
            Quick::Missing => return Ok(None),
            Quick::Slow => {}
        }
        loop {
            match self.locate(key, hash, eq)? {
                None => return Ok(None),
                Some((ix, m)) => {
                    let g = self.lock_read();
                    if g.inner.mutations == m {
                        return Ok(g.value_at(ix));
                    }
                }
            }
        }
    }

    /// Sets `key` to `value`: the replaced value, for the caller to drop
    /// after the lock (None when there was none, or it was retired).
    pub fn set(&self, key: Value, hash: i64, value: Value, eq: KeyEq<'_>) -> PyResult<Option<Value>> {
        let r = self.set_inner(key, hash, value, eq);
        self.mutated();
        r
    }

    fn set_inner(&self, key: Value, hash: i64, value: Value, eq: KeyEq<'_>) -> PyResult<Option<Value>> {
        {
            // Keys that compare without Python code: one critical section.
            let mut g = self.lock_mut();
            match g.probe(&key, hash, &[]) {
                Probe::Found(ix) => {
                    let old = g.replace_value(ix, value);
                    return Ok(g.release(old));
                }
                Probe::Missing => {
                    g.insert_new(hash, key, value);
                    return Ok(None);
                }
                Probe::Compare(_) => {}
            }
        }
        loop {
            let found = self.locate_or_miss(&key, hash, eq)?;
            let mut g = self.lock_mut();
            match found {
                Ok((ix, m)) if g.inner.mutations == m => {
                    let old = g.replace_value(ix, value);
                    return Ok(g.release(old));
                }
                // Missing, and nothing changed since the probe (keys compared
                // unequal then are still unequal): insert.
                Err(m) if g.inner.mutations == m => {
                    g.insert_new(hash, key, value);
                    return Ok(None);
                }
                _ => {}
            }
        }
    }

    pub fn remove(&self, key: &Value, hash: i64, eq: KeyEq<'_>) -> PyResult<Option<Value>> {
        let r = self.remove_inner(key, hash, eq);
        self.mutated();
        r
    }

    fn remove_inner(&self, key: &Value, hash: i64, eq: KeyEq<'_>) -> PyResult<Option<Value>> {
        {
            // Keys that compare without Python code: one critical section.
            let mut g = self.lock_mut();
            match g.probe(key, hash, &[]) {
                Probe::Found(ix) => {
                    let (k, v) = g.remove_at(ix);
                    let (k, v) = (g.release(k), g.hand_out(v));
                    drop(g);
                    drop(k);
                    return Ok(Some(v));
                }
                Probe::Missing => return Ok(None),
                Probe::Compare(_) => {}
            }
        }
        loop {
            let Some((ix, m)) = self.locate(key, hash, eq)? else { return Ok(None) };
            let mut g = self.lock_mut();
            if g.inner.mutations != m {
                continue;
            }
            let (k, v) = g.remove_at(ix);
            let (k, v) = (g.release(k), g.hand_out(v));
            drop(g);
            drop(k);
            return Ok(Some(v));
        }
    }

    /// Lookup by a Rust string; only str keys match.
    pub fn get_str(&self, key: &str) -> Option<Value> {
        self.get_str_hashed(key, crate::str::hash_str(key))
    }

    /// `get_str` with the key's hash already known.
    #[inline]
    pub fn get_str_hashed(&self, key: &str, hash: i64) -> Option<Value> {
        self.find_str_lockfree(key, None, hash).map(|(v, _)| v)
    }

    /// Looks up a str key given as a str object, using its cached hash and
    /// identity (for interned names); never runs Python code. A key that is
    /// not a str finds nothing.
    pub fn get_name(&self, key: &Value) -> Option<Value> {
        let s = key.downcast::<PyStr>()?;
        self.find_str_lockfree(s.as_str(), Some(key), s.hash()).map(|(v, _)| v)
    }

    /// `get_name` for attribute caches: tries entry `hint` first (instances of
    /// one class usually store their attributes in the same order, so the
    /// entry index repeats), matching the key by identity there. Returns the
    /// value and the index it was found at.
    #[inline]
    pub fn get_name_hinted(&self, key: &Value, hint: usize) -> Option<(Value, usize)> {
        self.ensure_lockfree();
        {
            let _guard = crate::qsbr::ReadGuard::new();
            let t = self.table_ptr();
            if hint < t.head().cap {
                let s = t.slot(hint);
                // As in `lookup_lockfree`: the entry holds no other key in
                // this table, so its value was stored under `key`.
                if s.key.load(Ordering::Acquire) == key.bits() {
                    if let Some(v) = view(s.value.load(Ordering::Acquire)) {
                        return Some(((*v).clone(), hint));
                    }
                }
            }
        }
        let s = key.downcast::<PyStr>()?;
        self.find_str_lockfree(s.as_str(), Some(key), s.hash())
    }

    /// `set_str` for attribute caches, trying entry `hint` first (see
    /// `get_name_hinted`). Returns the replaced value (dropped by the caller,
    /// outside the lock) and the entry's index.
    #[inline]
    pub fn set_name_hinted(&self, key: &Value, value: Value, hint: usize) -> (Option<Value>, usize) {
        {
            let mut g = self.lock_mut();
            if hint < g.inner.used {
                let s = g.table().slot(hint);
                if s.key.load(Ordering::Relaxed) == key.bits() && s.value.load(Ordering::Relaxed) != 0 {
                    let old = g.replace_value(hint, value);
                    let old = g.release(old);
                    drop(g);
                    self.mutated();
                    return (old, hint);
                }
            }
        }
        let r = self.set_str_inner(key.clone(), value);
        self.mutated();
        r
    }

    /// Sets a str key (given as a str Value) without running Python code.
    pub fn set_str(&self, key: Value, value: Value) -> Option<Value> {
        let (old, _) = self.set_str_inner(key, value);
        self.mutated();
        old
    }

    /// Stores a str key: the replaced value (to drop after the lock; None
    /// when retired) and the entry's index (`usize::MAX`, storing nothing,
    /// for a key that is no str).
    fn set_str_inner(&self, key: Value, value: Value) -> (Option<Value>, usize) {
        let Some(s) = key.downcast::<PyStr>() else { return (None, usize::MAX) };
        let hash = s.hash();
        let mut g = self.lock_mut();
        if let Some(ix) = g.find_str_or_same(s.as_str(), Some(&key), hash) {
            let old = g.replace_value(ix, value);
            return (g.release(old), ix);
        }
        g.insert_new(hash, key, value);
        (None, g.inner.used - 1)
    }

    pub fn remove_str(&self, key: &str) -> Option<Value> {
        let hash = crate::str::hash_str(key);
        let mut g = self.lock_mut();
        let ix = g.find_str_or_same(key, None, hash)?;
        let (k, v) = g.remove_at(ix);
        let (k, v) = (g.release(k), g.hand_out(v));
        drop(g);
        drop(k);
        self.mutated();
        Some(v)
    }

    /// A snapshot of the items, in order.
    pub fn items(&self) -> Vec<(Value, Value)> {
        let g = self.lock_read();
        let mut out = Vec::with_capacity(g.len());
        g.for_each_live(|_, k, v| out.push((k.clone(), v.clone())));
        out
    }

    pub fn keys(&self) -> Vec<Value> {
        let g = self.lock_read();
        let mut out = Vec::with_capacity(g.len());
        g.for_each_live(|_, k, _| out.push(k.clone()));
        out
    }

    pub fn values(&self) -> Vec<Value> {
        let g = self.lock_read();
        let mut out = Vec::with_capacity(g.len());
        g.for_each_live(|_, _, v| out.push(v.clone()));
        out
    }

    pub fn clear_all(&self) {
        let mut g = self.lock_mut();
        let old = g.take_all();
        drop(g);
        self.mutated();
        drop(old);
    }

    /// Removes and returns the last entry.
    pub fn pop_last(&self) -> Option<(Value, Value)> {
        let mut g = self.lock_mut();
        let t = g.table();
        // The slot stays used (a hole): an entry slot is never reused
        // within a table (see the module docs).
        let mut ix = g.inner.tail;
        while ix > 0 {
            ix -= 1;
            if t.slot(ix).key.load(Ordering::Relaxed) != 0 {
                g.inner.tail = ix;
                let (k, v) = g.remove_at(ix);
                let (k, v) = (g.hand_out(k), g.hand_out(v));
                drop(g);
                self.mutated();
                return Some((k, v));
            }
        }
        None
    }

    /// Entry at iteration position `pos` (skipping holes): (next pos, key, value).
    pub fn entry_at(&self, pos: usize) -> Option<(usize, Value, Value)> {
        let g = self.lock_read();
        g.next_live(pos).map(|(ix, k, v)| (ix + 1, (*k).clone(), (*v).clone()))
    }

    pub fn mutations(&self) -> u64 {
        self.lock_read().inner.mutations
    }
}
