//! The `set` and `frozenset` payload: an open-addressed hash table laid out
//! as CPython's (`Objects/setobject.c`), so a set iterates in CPython's order
//! (`print({3, 1, 2})` shows `{1, 2, 3}`): slots probed from `hash & mask`,
//! up to 9 neighbours at a time, then perturbed; deleted slots become dummies
//! that a later insertion reuses (the last one its probe passed); the table
//! grows (to 4x the live count, 2x above 50,000) once live + dummy slots
//! reach 3/5 of it, re-inserting in slot order; `pop` scans from a finger
//! left after the last pop.
//!
//! The table is one heap block (null until the first key): its size, then
//! the slots, each a hash word and a key word (0: never used, `DUMMY`: a
//! removed key's, else the key's `Value` bits). Changes happen under a
//! per-set lock; membership tests of keys that compare without Python code
//! (identity, exact str, small int) take no lock:
//! - a slot's key word goes from 0 to a key once and never back within a
//!   table (removal leaves `DUMMY`; `clear` and growing make a new table), so
//!   a probe never stops early at a slot that was passed over for a key;
//! - a key is written with its hash first and then its key word (Release);
//!   a reader loads the key word (Acquire) and then the hash, so it sees
//!   that key's hash or, if the slot was refilled since, a later key's: the
//!   hash only filters, the key object itself decides (`fast_eq`), so the
//!   answer is always about a key the slot held when its word was loaded;
//! - a replaced table is not written any more.
//!
//! Ownership follows the dict (`dict.rs`): the thread that made the set
//! reads without the lock; another thread marks it `shared` (under the
//! lock) before its first lock-free read or first change. While it is
//! shared, a key the set lets go of is retired (`qsbr::retire_value`) and a
//! replaced table too (`qsbr::release_block`), so a reader that loaded one
//! just before can still read it. Before that, changes drop and free at
//! once.
//!
//! Equality of other keys may run Python code (`__eq__`), so such lookups
//! take the lock and never call the comparison while holding it: they copy
//! the candidate key out, release, compare and re-lock. As CPython, they
//! start again only if the comparison replaced the table (`tables`) or
//! emptied or refilled the compared slot; other changes leave the probe
//! going on, so a key whose `__eq__` adds to the set on every call does not
//! restart it forever.

use std::alloc::Layout;
use std::mem::ManuallyDrop;
use std::num::NonZeroUsize;
use std::sync::atomic::{AtomicBool, AtomicI64, AtomicPtr, AtomicUsize, Ordering};

use crate::dict::{KeyEq, fast_eq};
use crate::error::PyResult;
use crate::object::{PayloadKind, PyPayload};
use crate::value::Value;

/// Slots probed in a row before the perturbed jump (CPython's LINEAR_PROBES).
const LINEAR_PROBES: usize = 9;
const PERTURB_SHIFT: u32 = 5;
/// The smallest table (CPython's PySet_MINSIZE).
const MIN_SIZE: usize = 8;

/// The key word of a never-used slot.
const EMPTY: usize = 0;
/// The key word of a removed key's slot: probing goes on past it; insertion
/// may reuse it. Neither a small int (bit 0 clear) nor an object pointer
/// (not 8-aligned).
const DUMMY: usize = 2;

/// The head of a table; `size` slots follow it.
#[repr(C)]
struct Head {
    size: usize,
}

#[repr(C)]
struct Slot {
    hash: AtomicI64,
    key: AtomicUsize,
}

fn table_layout(size: usize) -> Layout {
    let bytes = size.checked_mul(std::mem::size_of::<Slot>()).and_then(|b| b.checked_add(std::mem::size_of::<Head>()));
    bytes.and_then(|b| Layout::from_size_align(b, 8).ok()).unwrap_or_else(|| alloc_failed())
}

#[cold]
fn alloc_failed() -> ! {
    std::alloc::handle_alloc_error(Layout::new::<Head>())
}

/// A new table of `size` empty slots.
fn table_new(size: usize) -> *mut Head {
    debug_assert!(size >= MIN_SIZE && size.is_power_of_two());
    let layout = table_layout(size);
    // SAFETY: the layout has a non-zero size (the head at least).
    let p = unsafe { std::alloc::alloc_zeroed(layout) } as *mut Head;
    if p.is_null() {
        std::alloc::handle_alloc_error(layout);
    }
    // SAFETY: a fresh allocation of the layout; zeroed slots are empty.
    unsafe { p.write(Head { size }) };
    p
}

/// Frees table `p`'s memory (not the keys in it).
///
/// # Safety
/// `p` came from `table_new`, nothing owns it any more and no thread can
/// read it.
unsafe fn table_free(p: *mut Head) {
    // SAFETY: as the caller promises; the layout is the one it was made with.
    unsafe { std::alloc::dealloc(p as *mut u8, table_layout((*p).size)) }
}

/// A view of a live table, used under the lock or while a `ReadGuard`
/// keeps a replaced one.
#[derive(Clone, Copy)]
struct Table<'a>(&'a Head);

impl<'a> Table<'a> {
    #[inline(always)]
    fn size(self) -> usize {
        self.0.size
    }

    #[inline(always)]
    fn mask(self) -> usize {
        self.0.size - 1
    }

    #[inline(always)]
    fn slot(self, i: usize) -> &'a Slot {
        debug_assert!(i < self.0.size);
        // SAFETY: `i` < size; the slots follow the head in the same block.
        unsafe { &*((self.0 as *const Head).add(1) as *const Slot).add(i) }
    }

    /// The first empty slot of `hash`'s probe sequence (under the lock).
    fn first_empty(self, hash: i64) -> usize {
        let mut seq = ProbeSeq::new(hash, self.mask());
        while self.slot(seq.slot()).key.load(Ordering::Relaxed) != EMPTY {
            seq.advance();
        }
        seq.slot()
    }
}

/// A key word viewed as a `Value` (not a reference of its own: never
/// dropped); None for an empty or dummy slot.
#[inline(always)]
fn view(bits: usize) -> Option<ManuallyDrop<Value>> {
    if bits == DUMMY {
        return None;
    }
    // SAFETY: any other non-zero word holds a key's bits; the view is never
    // dropped.
    NonZeroUsize::new(bits).map(|b| ManuallyDrop::new(unsafe { Value::from_bits(b) }))
}

/// The writer's state, under the lock.
#[derive(Default)]
struct SetInner {
    /// Active plus dummy slots.
    fill: usize,
    /// Active slots.
    used: usize,
    /// Where the next `pop` starts looking.
    finger: usize,
    /// Bumped whenever the table is replaced (grown, rebuilt or cleared).
    tables: u64,
}

impl crate::lock::HasLen for SetInner {
    fn len(&self) -> usize {
        self.used
    }
}

/// How a probe for a key went.
enum Probe {
    Found(usize),
    /// Not present: the last dummy passed (where CPython inserts), else the
    /// empty slot that ended the probe (None: no table yet).
    Missing { empty: Option<usize>, dummy: Option<usize> },
    /// Needs a Python-level comparison with the key in this slot.
    Compare(usize, Value),
}

/// How a lock-free lookup went.
enum Quick {
    Found,
    Missing,
    /// A comparison needs Python code: take the locked path.
    Slow,
}

/// CPython's probe sequence over a table of `mask + 1` slots: runs of up to
/// LINEAR_PROBES + 1 neighbours, each run starting at a perturbed jump from
/// the previous run's start.
struct ProbeSeq {
    mask: usize,
    base: usize,
    offset: usize,
    run: usize,
    perturb: u64,
}

impl ProbeSeq {
    #[inline(always)]
    fn new(hash: i64, mask: usize) -> ProbeSeq {
        let base = (hash as u64 as usize) & mask;
        ProbeSeq { mask, base, offset: 0, run: Self::run_at(base, mask), perturb: hash as u64 }
    }

    #[inline(always)]
    fn run_at(base: usize, mask: usize) -> usize {
        if base + LINEAR_PROBES <= mask { LINEAR_PROBES } else { 0 }
    }

    /// The slot to look at now.
    #[inline(always)]
    fn slot(&self) -> usize {
        self.base + self.offset
    }

    #[inline(always)]
    fn advance(&mut self) {
        if self.offset < self.run {
            self.offset += 1;
            return;
        }
        self.perturb >>= PERTURB_SHIFT;
        self.base = (self.base.wrapping_mul(5).wrapping_add(1).wrapping_add(self.perturb as usize)) & self.mask;
        self.offset = 0;
        self.run = Self::run_at(self.base, self.mask);
    }
}

/// A set's table; see the module comment. Laid out with what lock-free
/// readers load first and the lock and writer's state (which every change
/// writes) a cache line apart from them and from the object header.
#[repr(C)]
pub struct SetTable {
    /// The table: null (no keys yet, or cleared) or an owned heap table.
    /// Replaced only under the lock (Release).
    table: AtomicPtr<Head>,
    /// The thread that made the set (`header::current_thread_id`).
    creator: usize,
    /// Set, under the lock, once a thread other than the creator reads
    /// without the lock or changes the set; from then on changes retire
    /// what they let go of.
    shared: AtomicBool,
    _apart: [u64; 7],
    inner: crate::lock::LenMutex<SetInner>,
}

// `inner` starts a full cache line after `shared`, the last field readers
// load (after the header's type), so no line holds both, however the
// object is aligned.
const _: () = assert!(std::mem::offset_of!(SetTable, inner) >= std::mem::offset_of!(SetTable, shared) + 64);

impl Default for SetTable {
    fn default() -> Self {
        SetTable {
            table: AtomicPtr::new(std::ptr::null_mut()),
            creator: crate::header::current_thread_id(),
            shared: AtomicBool::new(false),
            _apart: [0; 7],
            inner: Default::default(),
        }
    }
}

impl Drop for SetTable {
    fn drop(&mut self) {
        let p = *self.table.get_mut();
        if p.is_null() {
            return;
        }
        // SAFETY: the set's own table; the set is dying, so no reader can
        // reach it (a lock-free reader holds a reference to the set).
        let t = Table(unsafe { &*p });
        for i in 0..t.size() {
            if let Some(k) = view(t.slot(i).key.load(Ordering::Relaxed)) {
                // The table's reference, ours to drop.
                drop(ManuallyDrop::into_inner(k));
            }
        }
        // SAFETY: as above; its keys were dropped.
        unsafe { table_free(p) };
    }
}

/// The set's lock, held for a read or a change. What a change lets go of
/// is dropped by the caller after the lock (a `__del__` may touch the set),
/// except in a shared set, where it is retired.
struct SetGuard<'a> {
    set: &'a SetTable,
    inner: crate::lock::LenGuard<'a, SetInner>,
}

impl<'a> SetGuard<'a> {
    #[inline(always)]
    fn table(&self) -> Option<Table<'a>> {
        self.set.table_now()
    }

    #[inline(always)]
    fn shared(&self) -> bool {
        self.set.shared.load(Ordering::Relaxed)
    }

    /// Probes for `key`; `skip` lists slots already compared unequal in
    /// this lookup (valid while `tables` is unchanged).
    fn probe(&self, key: &Value, hash: i64, skip: &[usize]) -> Probe {
        let Some(t) = self.table() else { return Probe::Missing { empty: None, dummy: None } };
        let mut seq = ProbeSeq::new(hash, t.mask());
        let mut dummy = None;
        // The table always has an empty slot (fill stays below 3/5), so the
        // probe ends.
        loop {
            let i = seq.slot();
            let s = t.slot(i);
            match s.key.load(Ordering::Relaxed) {
                EMPTY => return Probe::Missing { empty: Some(i), dummy },
                // CPython fills the last dummy the probe passed.
                DUMMY => dummy = Some(i),
                bits => {
                    if s.hash.load(Ordering::Relaxed) == hash && !skip.contains(&i) {
                        if let Some(k) = view(bits) {
                            match fast_eq(&k, key) {
                                Some(true) => return Probe::Found(i),
                                Some(false) => {}
                                None => return Probe::Compare(i, (*k).clone()),
                            }
                        }
                    }
                }
            }
            seq.advance();
        }
    }

    /// Writes `key` into slot `i` of `t` (empty or dummy): the hash, then
    /// the key word that publishes it.
    #[inline]
    fn write_slot(t: Table<'_>, i: usize, hash: i64, key: Value) {
        let s = t.slot(i);
        s.hash.store(hash, Ordering::Relaxed);
        s.key.store(key.into_raw(), Ordering::Release);
    }

    /// Adds a key known to be absent where `probe` said (`Probe::Missing`).
    fn insert(&mut self, empty: Option<usize>, dummy: Option<usize>, hash: i64, key: Value) {
        let (t, slot) = match self.table() {
            Some(t) => (t, dummy.or(empty).unwrap_or_else(|| t.first_empty(hash))),
            None => {
                self.replace_table(table_new(MIN_SIZE));
                let Some(t) = self.table() else { alloc_failed() };
                (t, t.first_empty(hash))
            }
        };
        Self::write_slot(t, slot, hash, key);
        self.inner.used += 1;
        if dummy.is_some() {
            return;
        }
        self.inner.fill += 1;
        if self.inner.fill * 5 >= t.mask() * 3 {
            let target = if self.inner.used > 50_000 { self.inner.used * 2 } else { self.inner.used * 4 };
            self.resize(target);
        }
    }

    /// Rebuilds into the smallest table larger than `min_used`, re-inserting
    /// the keys in slot order (dummies dropped), and publishes it.
    fn resize(&mut self, min_used: usize) {
        let mut size = MIN_SIZE;
        while size <= min_used {
            size = size.checked_mul(2).unwrap_or_else(|| alloc_failed());
        }
        let p = table_new(size);
        // SAFETY: the fresh table, published below.
        let new = Table(unsafe { &*p });
        if let Some(old) = self.table() {
            for i in 0..old.size() {
                let s = old.slot(i);
                let bits = s.key.load(Ordering::Relaxed);
                if bits == EMPTY || bits == DUMMY {
                    continue;
                }
                let hash = s.hash.load(Ordering::Relaxed);
                let d = new.slot(new.first_empty(hash));
                d.hash.store(hash, Ordering::Relaxed);
                // The reference moves; the table is published (Release) below.
                d.key.store(bits, Ordering::Relaxed);
            }
        }
        self.replace_table(p);
        self.inner.fill = self.inner.used;
    }

    /// Makes table `p` (or none, null) the set's; the old table's memory
    /// goes (its key words are no references any more).
    fn replace_table(&mut self, p: *mut Head) {
        let old = self.set.table.swap(p, Ordering::Release);
        self.inner.tables += 1;
        if old.is_null() {
            return;
        }
        // SAFETY: the set let go of `old` (swapped out above); its key
        // words are no references (moved to the new table or retired).
        unsafe { crate::qsbr::release_block(self.shared(), old.cast(), |p| table_free(p.cast())) };
    }

    /// Empties slot `i` (a live key): the set's reference to the key, for
    /// the caller to drop after the lock (None: retired).
    fn remove_at(&mut self, i: usize) -> Option<Value> {
        let t = self.table()?;
        let bits = t.slot(i).key.swap(DUMMY, Ordering::Release);
        self.inner.used -= 1;
        // SAFETY: a live slot's key word holds a reference of the set's,
        // handed over here.
        let k = ManuallyDrop::into_inner(view(bits)?);
        crate::qsbr::release(self.shared(), k)
    }

    /// Empties the set (no table): the keys it held, to drop after the lock
    /// (none in a shared set: retired).
    fn take_all(&mut self) -> Vec<Value> {
        let mut out = Vec::with_capacity(self.inner.used);
        if let Some(t) = self.table() {
            for i in 0..t.size() {
                if let Some(k) = view(t.slot(i).key.load(Ordering::Relaxed)) {
                    // The table's reference, handed over: the table goes below.
                    out.push(ManuallyDrop::into_inner(k));
                }
            }
        }
        self.replace_table(std::ptr::null_mut());
        let tables = self.inner.tables;
        *self.inner = SetInner { tables, ..SetInner::default() };
        if self.shared() {
            out.drain(..).for_each(crate::qsbr::retire_value);
        }
        out
    }
}

impl SetTable {
    /// The current table, if any: under the lock, or while a `ReadGuard`
    /// keeps a replaced one.
    #[inline(always)]
    fn table_now(&self) -> Option<Table<'_>> {
        let p = self.table.load(Ordering::Acquire);
        // SAFETY: a non-null pointer is the set's table, or one it replaced
        // while the caller was reading (retired, see `Table`).
        (!p.is_null()).then(|| Table(unsafe { &*p }))
    }

    #[inline(always)]
    fn mine(&self) -> bool {
        self.creator == crate::header::current_thread_id()
    }

    /// The lock, for a read under it (no mark: a locked read does not race
    /// with the creator's lock-free ones).
    #[inline]
    fn lock_read(&self) -> SetGuard<'_> {
        SetGuard { set: self, inner: self.inner.lock() }
    }

    /// The lock, for a change: marks the set shared when the caller is not
    /// its creator (the creator reads without the lock).
    #[inline]
    fn lock_mut(&self) -> SetGuard<'_> {
        let g = self.lock_read();
        if !self.shared.load(Ordering::Relaxed) && !self.mine() {
            self.shared.store(true, Ordering::Release);
        }
        g
    }

    /// Lets this thread read without the lock: a non-creator of a set not
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
    fn contains_lockfree(&self, key: &Value, hash: i64) -> Quick {
        self.ensure_lockfree();
        let _guard = crate::qsbr::ReadGuard::new();
        let Some(t) = self.table_now() else { return Quick::Missing };
        let mut seq = ProbeSeq::new(hash, t.mask());
        loop {
            let s = t.slot(seq.slot());
            // A slot never goes back to empty within a table, and a table
            // always has an empty slot, so the probe ends.
            let bits = s.key.load(Ordering::Acquire);
            if bits == EMPTY {
                return Quick::Missing;
            }
            // The hash was written before the key word was published.
            if bits != DUMMY && s.hash.load(Ordering::Relaxed) == hash {
                // A key let go of since it was loaded was retired (shared)
                // or this thread is the only one changing the set
                // (unshared), so the view stays valid while `_guard` lives.
                if let Some(k) = view(bits) {
                    match fast_eq(&k, key) {
                        Some(true) => return Quick::Found,
                        Some(false) => {}
                        None => return Quick::Slow,
                    }
                }
            }
            seq.advance();
        }
    }

    pub fn len(&self) -> usize {
        self.inner.len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The keys in iteration (slot) order.
    pub fn keys(&self) -> Vec<Value> {
        let g = self.lock_read();
        let mut out = Vec::with_capacity(g.inner.used);
        if let Some(t) = g.table() {
            for i in 0..t.size() {
                if let Some(k) = view(t.slot(i).key.load(Ordering::Relaxed)) {
                    out.push((*k).clone());
                }
            }
        }
        out
    }

    /// Runs the probe for `key` to its end, comparing outside the lock, and
    /// then `done` on the locked set with the outcome.
    fn locate<'s, R>(
        &'s self,
        lock: impl Fn() -> SetGuard<'s>,
        key: &Value,
        hash: i64,
        eq: KeyEq<'_>,
        done: impl FnOnce(&mut SetGuard<'s>, Probe) -> R,
    ) -> PyResult<R> {
        let mut skip: Vec<usize> = Vec::new();
        let mut g = lock();
        loop {
            match g.probe(key, hash, &skip) {
                Probe::Compare(i, candidate) => {
                    let tables = g.inner.tables;
                    drop(g);
                    let equal = eq(&candidate, key)?;
                    let bits = candidate.bits();
                    // Our copy may be the last reference now (the comparison
                    // can remove it); it dies before we lock again.
                    drop(candidate);
                    g = lock();
                    let same_slot = g.inner.tables == tables && g.table().is_some_and(|t| t.slot(i).key.load(Ordering::Relaxed) == bits);
                    if !same_slot {
                        skip.clear();
                        continue;
                    }
                    if equal {
                        return Ok(done(&mut g, Probe::Found(i)));
                    }
                    skip.push(i);
                }
                outcome => return Ok(done(&mut g, outcome)),
            }
        }
    }

    /// Whether `key` is in the set.
    pub fn contains(&self, key: &Value, hash: i64, eq: KeyEq<'_>) -> PyResult<bool> {
        match self.contains_lockfree(key, hash) {
            Quick::Found => return Ok(true),
            Quick::Missing => return Ok(false),
            Quick::Slow => {}
        }
        self.locate(|| self.lock_read(), key, hash, eq, |_, p| matches!(p, Probe::Found(_)))
    }

    /// Adds `key`; whether it was missing.
    pub fn add(&self, key: Value, hash: i64, eq: KeyEq<'_>) -> PyResult<bool> {
        let probe_key = key.clone();
        let mut key = Some(key);
        let added = self.locate(|| self.lock_mut(), &probe_key, hash, eq, |g, p| match p {
            Probe::Missing { empty, dummy } => match key.take() {
                Some(key) => {
                    g.insert(empty, dummy, hash, key);
                    true
                }
                None => false,
            },
            _ => false,
        });
        // An unused key (already present) dies here, outside the lock.
        drop(key);
        added
    }

    /// Removes `key`; whether it was present.
    pub fn remove(&self, key: &Value, hash: i64, eq: KeyEq<'_>) -> PyResult<bool> {
        let (found, old) = self.locate(|| self.lock_mut(), key, hash, eq, |g, p| match p {
            Probe::Found(i) => (true, g.remove_at(i)),
            _ => (false, None),
        })?;
        // Dropped after the lock (its `__del__` may touch this set).
        drop(old);
        Ok(found)
    }

    /// Adds `other`'s keys in its slot order, as CPython's `set_merge`: one
    /// resize up front when they may not fit; an empty table takes a same-size
    /// dummy-free table's layout as it is, or re-inserts without comparisons.
    pub fn merge_from(&self, other: &SetTable, eq: KeyEq<'_>) -> PyResult<()> {
        if std::ptr::eq(self, other) {
            return Ok(());
        }
        // Other's keys with their slots, in slot order.
        let (keys, other_size, other_fill) = {
            let o = other.lock_read();
            let mut keys = Vec::with_capacity(o.inner.used);
            let mut size = 0;
            if let Some(t) = o.table() {
                size = t.size();
                for i in 0..size {
                    let s = t.slot(i);
                    if let Some(k) = view(s.key.load(Ordering::Relaxed)) {
                        keys.push((i, s.hash.load(Ordering::Relaxed), (*k).clone()));
                    }
                }
            }
            (keys, size, o.inner.fill)
        };
        if keys.is_empty() {
            return Ok(());
        }
        let other_used = keys.len();
        {
            let mut g = self.lock_mut();
            let size = g.table().map_or(MIN_SIZE, |t| t.size());
            if (g.inner.fill + other_used) * 5 >= (size - 1) * 3 {
                let target = (g.inner.used + other_used) * 2;
                g.resize(target);
            } else if g.table().is_none() {
                g.replace_table(table_new(MIN_SIZE));
            }
            if g.inner.fill == 0 {
                let Some(t) = g.table() else { alloc_failed() };
                let same_layout = t.size() == other_size && other_fill == other_used;
                for (i, hash, key) in keys {
                    let slot = if same_layout { i } else { t.first_empty(hash) };
                    SetGuard::write_slot(t, slot, hash, key);
                }
                g.inner.fill = other_used;
                g.inner.used = other_used;
                return Ok(());
            }
        }
        for (_, hash, key) in keys {
            self.add(key, hash, eq)?;
        }
        Ok(())
    }

    /// `set.pop()`: the first key from the finger on (wrapping), as CPython.
    pub fn pop_last(&self) -> Option<Value> {
        let mut g = self.lock_mut();
        if g.inner.used == 0 {
            return None;
        }
        let t = g.table()?;
        let n = t.size();
        let mut i = g.inner.finger & (n - 1);
        while view(t.slot(i).key.load(Ordering::Relaxed)).is_none() {
            i = (i + 1) % n;
        }
        let bits = t.slot(i).key.swap(DUMMY, Ordering::Release);
        g.inner.used -= 1;
        g.inner.finger = i + 1;
        // SAFETY: a live slot's key word holds a reference of the set's,
        // handed over here.
        let k = ManuallyDrop::into_inner(view(bits)?);
        Some(crate::qsbr::hand_out(g.shared(), k))
    }

    /// Empties the set (back to no table).
    pub fn clear_all(&self) {
        let mut g = self.lock_mut();
        let old = g.take_all();
        drop(g);
        // Keys die outside the lock (their __del__ may touch this set).
        drop(old);
    }

    pub fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        let g = self.lock_read();
        if let Some(t) = g.table() {
            for i in 0..t.size() {
                if let Some(k) = view(t.slot(i).key.load(Ordering::Relaxed)) {
                    visit(&k);
                }
            }
        }
    }
}

#[derive(Default)]
pub struct PySet {
    pub table: SetTable,
}

impl PyPayload for PySet {
    const KIND: PayloadKind = crate::kinds::SET;
    const GC: bool = true;
    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        self.table.traverse(visit);
    }
    fn clear(&self) {
        // The collector clears a set no thread can reach: no mark needed.
        let mut g = self.table.lock_read();
        let old = g.take_all();
        drop(g);
        drop(old);
    }
}
