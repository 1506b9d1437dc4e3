//! The `dict` payload: an insertion-ordered hash table (a dense entry array
//! plus an open-addressed index), guarded by a per-object lock.
//!
//! Equality of keys may run Python code (`__eq__`), so lookups never call the
//! comparison while holding the lock: they copy the candidate key out,
//! release, compare, re-lock and restart if the table changed meanwhile
//! (detected by `mutations`).
//!
//! Lookups of a dict that other threads read too take no lock once it has
//! gone a while unchanged: the lookup that finds it so publishes a
//! read-only copy of the table (`snapshot`, holding its own references),
//! which lookups that need no Python code read instead; the next change
//! unlinks it under the lock and retires it through QSBR, so a reader that
//! loaded it can still finish (and count the value it found).

use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};


use crate::error::PyResult;
use crate::object::{PayloadKind, PyPayload};
use crate::str::PyStr;
use crate::value::Value;

const EMPTY: i32 = -1;

#[derive(Clone)]
pub struct Entry {
    pub hash: i64,
    pub key: Value,
    pub value: Value,
}

pub struct DictInner {
    /// Small tables (most instance dicts, keyword arguments) live inline:
    /// a dict of up to five keys costs no allocation beyond its object.
    indices: smallvec::SmallVec<[i32; 8]>,
    entries: smallvec::SmallVec<[Option<Entry>; 5]>,
    len: usize,
    /// Incremented whenever keys are added or removed or the table is rebuilt.
    pub mutations: u64,
    /// Locked lookups by threads other than the dict's creator since the
    /// last change (see `PyDict::snapshot`).
    shared_reads: u32,
}

impl Default for DictInner {
    /// An empty table whose inline index is ready: the first insert needs
    /// no rebuild.
    fn default() -> Self {
        DictInner { indices: smallvec::SmallVec::from_buf([EMPTY; 8]), entries: smallvec::SmallVec::new(), len: 0, mutations: 0, shared_reads: 0 }
    }
}

pub struct PyDict {
    pub inner: crate::lock::LenMutex<DictInner>,
    /// Null, or a read-only copy of the table (an owned `Box<DictInner>`
    /// holding its own references), published under the lock once threads
    /// other than the creator have looked keys up in the unchanged dict
    /// often enough (`SNAPSHOT_AFTER`), read without the lock, and unlinked
    /// under the lock by every change (`lock_mut`), which retires it.
    snapshot: crate::qsbr::Snapshot<DictInner>,
    /// The thread that made the dict (`header::current_thread_id`).
    creator: usize,
    /// Set once a type attribute lookup has read this dict (it is a type's
    /// namespace): from then on every mutation invalidates the type lookup
    /// caches (`types::invalidate_lookup_caches`).
    feeds_type_lookups: AtomicBool,
    /// 0 until LOAD_GLOBAL caches a read of this dict (it is a module's
    /// globals or builtins); from then on a process-unique version that every
    /// mutation replaces (see `globals_cache`).
    watch_version: AtomicU64,
}

impl Default for PyDict {
    fn default() -> Self {
        PyDict {
            inner: Default::default(),
            snapshot: Default::default(),
            creator: crate::header::current_thread_id(),
            feeds_type_lookups: AtomicBool::new(false),
            watch_version: AtomicU64::new(0),
        }
    }
}

impl PyPayload for PyDict {
    const KIND: PayloadKind = crate::kinds::DICT;
    const GC: bool = true;
    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        let inner = self.inner.lock();
        for e in inner.entries.iter().flatten() {
            visit(&e.key);
            visit(&e.value);
        }
        // The snapshot's references are the dict's too.
        if let Some(copy) = self.snapshot.locked() {
            for e in copy.entries.iter().flatten() {
                visit(&e.key);
                visit(&e.value);
            }
        }
    }
    fn clear(&self) {
        let old = std::mem::take(&mut *self.lock_mut());
        self.mutated();
        drop(old);
    }
}

/// Locked lookups by other threads in an unchanged dict after which one of
/// them publishes a snapshot: a copy costs a count per entry, so a dict
/// changed that often between lookups is not worth copying.
pub(crate) fn snapshot_after(len: usize) -> u32 {
    (8 + len / 2).min(u32::MAX as usize) as u32
}

/// `PyDict::read_table`: the locked table or the snapshot, borrowed with a
/// QSBR read guard (never held across Python code).
enum ReadTable<'a> {
    Locked(crate::lock::LenGuard<'a, DictInner>),
    Snapshot(&'a DictInner, crate::qsbr::ReadGuard),
}

impl std::ops::Deref for ReadTable<'_> {
    type Target = DictInner;
    #[inline]
    fn deref(&self) -> &DictInner {
        match self {
            ReadTable::Locked(g) => g,
            ReadTable::Snapshot(t, _) => t,
        }
    }
}

/// The dict's lock for a change (`PyDict::lock_mut`).
pub type DictWriteGuard<'a> = crate::qsbr::WriteGuard<'a, DictInner>;

/// How a probe for `key` went.
enum Probe {
    Found(usize),
    /// Not present.
    Missing,
    /// Need a Python-level comparison with this candidate at entry index.
    Compare(usize, Value),
}

/// Compares two keys; may run Python code.
pub type KeyEq<'a> = &'a mut dyn FnMut(&Value, &Value) -> PyResult<bool>;

fn fast_eq(a: &Value, b: &Value) -> Option<bool> {
    if a.is(b) {
        return Some(true);
    }
    let rt = crate::runtime::rt();
    if let (Some(x), Some(y)) = (a.downcast_exact::<PyStr>(rt.types.str), b.downcast_exact::<PyStr>(rt.types.str)) {
        return Some(x.as_str() == y.as_str());
    }
    if a.is_small_int() && b.is_small_int() {
        return Some(false);
    }
    None
}

impl crate::lock::HasLen for DictInner {
    fn len(&self) -> usize {
        self.len
    }
}

impl DictInner {
    fn mask(&self) -> usize {
        self.indices.len().wrapping_sub(1)
    }

    /// Probes for `key`; `skip` lists entry indices already compared unequal in this lookup.
    fn probe(&self, key: &Value, hash: i64, skip: &[usize]) -> Probe {
        if self.indices.is_empty() {
            return Probe::Missing;
        }
        let mask = self.mask();
        let mut perturb = hash as u64;
        let mut i = (hash as u64 as usize) & mask;
        loop {
            let ix = self.indices[i];
            if ix == EMPTY {
                return Probe::Missing;
            }
            let ix = ix as usize;
            if let Some(e) = &self.entries[ix] {
                if e.hash == hash && !skip.contains(&ix) {
                    match fast_eq(&e.key, key) {
                        Some(true) => return Probe::Found(ix),
                        Some(false) => {}
                        None => return Probe::Compare(ix, e.key.clone()),
                    }
                }
            }
            perturb >>= 5;
            i = (i.wrapping_mul(5).wrapping_add(1).wrapping_add(perturb as usize)) & mask;
        }
    }

    /// A read-only copy for `PyDict::snapshot` (counted references).
    fn copy(&self) -> DictInner {
        DictInner { indices: self.indices.clone(), entries: self.entries.clone(), len: self.len, mutations: self.mutations, shared_reads: 0 }
    }

    fn find_str(&self, key: &str, hash: i64) -> Option<usize> {
        self.find_str_or_same(key, None, hash)
    }

    /// `find_str`, also matching the very object `same` without comparing text
    /// (names are interned, so an identical key is the common hit).
    fn find_str_or_same(&self, key: &str, same: Option<&Value>, hash: i64) -> Option<usize> {
        if self.indices.is_empty() {
            return None;
        }
        let mask = self.mask();
        let mut perturb = hash as u64;
        let mut i = (hash as u64 as usize) & mask;
        loop {
            let ix = self.indices[i];
            if ix == EMPTY {
                return None;
            }
            if let Some(e) = &self.entries[ix as usize] {
                if same.is_some_and(|k| k.is(&e.key)) {
                    return Some(ix as usize);
                }
                if e.hash == hash {
                    if let Some(s) = e.key.downcast::<PyStr>() {
                        if s.as_str() == key {
                            return Some(ix as usize);
                        }
                    }
                }
            }
            perturb >>= 5;
            i = (i.wrapping_mul(5).wrapping_add(1).wrapping_add(perturb as usize)) & mask;
        }
    }

    fn rebuild(&mut self, min_capacity: usize) {
        // Deleted entries leave holes; the live ones keep their order.
        if self.len != self.entries.len() {
            self.entries.retain(|e| e.is_some());
        }
        let n = self.entries.len();
        let mut size = 8;
        while size * 2 < (min_capacity.max(n + 1)) * 3 {
            size *= 2;
        }
        self.indices = smallvec::smallvec![EMPTY; size];
        let mask = size - 1;
        for (ix, e) in self.entries.iter().enumerate() {
            let Some(e) = e else { continue };
            let mut perturb = e.hash as u64;
            let mut i = (e.hash as u64 as usize) & mask;
            while self.indices[i] != EMPTY {
                perturb >>= 5;
                i = (i.wrapping_mul(5).wrapping_add(1).wrapping_add(perturb as usize)) & mask;
            }
            self.indices[i] = ix as i32;
        }
        // Room for every entry this table takes before the next rebuild.
        let usable = (size * 2 - 1) / 3;
        self.entries.reserve(usable.saturating_sub(n));
        self.len = n;
        self.mutations += 1;
    }

    fn insert_new(&mut self, hash: i64, key: Value, value: Value) {
        if self.indices.is_empty() || (self.entries.len() + 1) * 3 >= self.indices.len() * 2 {
            self.rebuild(self.len * 2 + 1);
        }
        let mask = self.mask();
        let mut perturb = hash as u64;
        let mut i = (hash as u64 as usize) & mask;
        while self.indices[i] != EMPTY {
            perturb >>= 5;
            i = (i.wrapping_mul(5).wrapping_add(1).wrapping_add(perturb as usize)) & mask;
        }
        self.indices[i] = self.entries.len() as i32;
        self.entries.push(Some(Entry { hash, key, value }));
        self.len += 1;
        self.mutations += 1;
    }

    pub fn len(&self) -> usize {
        self.len
    }

    /// The entry at position `pos` or later: (next position, entry). For iteration.
    pub fn next_entry(&self, mut pos: usize) -> Option<(usize, &Entry)> {
        while pos < self.entries.len() {
            if let Some(e) = &self.entries[pos] {
                return Some((pos + 1, e));
            }
            pos += 1;
        }
        None
    }

    pub fn entries(&self) -> impl Iterator<Item = &Entry> {
        self.entries.iter().flatten()
    }
}

impl PyDict {
    pub fn new() -> PyDict {
        PyDict::default()
    }

    /// The lock, for a change: unlinks the snapshot (retired once the guard
    /// is dropped).
    #[inline]
    fn lock_mut(&self) -> DictWriteGuard<'_> {
        let mut guard = self.inner.lock();
        guard.shared_reads = 0;
        self.snapshot.write(guard)
    }

    /// Answers a lookup from the snapshot, without the lock: None when
    /// there is none or `f` cannot answer there (a comparison needs Python
    /// code).
    #[inline]
    fn from_snapshot<R>(&self, f: impl FnOnce(&DictInner) -> Option<R>) -> Option<R> {
        if !self.snapshot.is_published() {
            return None;
        }
        let guard = crate::qsbr::ReadGuard::new();
        f(self.snapshot.read(&guard)?)
    }

    /// The table for a lookup that runs no Python code: the snapshot if
    /// there is one (no lock), else the locked table.
    #[inline(always)]
    fn read_table(&self) -> ReadTable<'_> {
        if self.snapshot.is_published() {
            let guard = crate::qsbr::ReadGuard::new();
            if let Some(copy) = self.snapshot.read(&guard) {
                // SAFETY: the copy lives until this thread's next quiescent
                // state; the guard goes with the reference in the returned
                // value, which callers drop at once.
                let copy: &DictInner = unsafe { &*(copy as *const DictInner) };
                return ReadTable::Snapshot(copy, guard);
            }
        }
        let mut inner = self.inner.lock();
        self.note_read(&mut inner);
        ReadTable::Locked(inner)
    }

    /// A locked lookup happened: by another thread than the creator, often
    /// enough since the last change, it publishes a snapshot.
    #[inline(always)]
    fn note_read(&self, inner: &mut DictInner) {
        if self.creator != crate::header::current_thread_id() {
            self.note_shared_read(inner);
        }
    }

    #[cold]
    #[inline(never)]
    fn note_shared_read(&self, inner: &mut DictInner) {
        inner.shared_reads = inner.shared_reads.saturating_add(1);
        if inner.shared_reads >= snapshot_after(inner.len) && !self.snapshot.is_published() {
            self.snapshot.publish(inner.copy());
        }
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
    fn locate_or_miss(&self, key: &Value, hash: i64, eq: KeyEq<'_>) -> PyResult<Result<(usize, u64), u64>> {
        let mut skip: Vec<usize> = Vec::new();
        loop {
            let (probe, mutations) = {
                let inner = self.inner.lock();
                (inner.probe(key, hash, &skip), inner.mutations)
            };
            match probe {
                Probe::Found(ix) => return Ok(Ok((ix, mutations))),
                Probe::Missing => return Ok(Err(mutations)),
                Probe::Compare(ix, cand) => {
                    let equal = eq(&cand, key)?;
                    let inner = self.inner.lock();
                    if inner.mutations != mutations {
                        skip.clear();
                        continue;
                    }
                    if equal {
                        return Ok(Ok((ix, mutations)));
                    }
                    skip.push(ix);
                }
            }
        }
    }

    pub fn get(&self, key: &Value, hash: i64, eq: KeyEq<'_>) -> PyResult<Option<Value>> {
        let quick = self.from_snapshot(|t| match t.probe(key, hash, &[]) {
            Probe::Found(ix) => Some(t.entries[ix].as_ref().map(|e| e.value.clone())),
            Probe::Missing => Some(None),
            Probe::Compare(..) => None,
        });
        if let Some(v) = quick {
            return Ok(v);
        }
        loop {
            match self.locate(key, hash, eq)? {
                None => return Ok(None),
                Some((ix, m)) => {
                    let mut inner = self.inner.lock();
                    if inner.mutations == m {
                        self.note_read(&mut inner);
                        return Ok(inner.entries[ix].as_ref().map(|e| e.value.clone()));
                    }
                }
            }
        }
    }

    /// Sets `key` to `value`; returns the previous value.
    pub fn set(&self, key: Value, hash: i64, value: Value, eq: KeyEq<'_>) -> PyResult<Option<Value>> {
        let r = self.set_inner(key, hash, value, eq);
        self.mutated();
        r
    }

    fn set_inner(&self, key: Value, hash: i64, value: Value, eq: KeyEq<'_>) -> PyResult<Option<Value>> {
        loop {
            let found = self.locate_or_miss(&key, hash, eq)?;
            let mut inner = self.lock_mut();
            match found {
                Ok((ix, m)) if inner.mutations == m => {
                    if let Some(e) = inner.entries[ix].as_mut() {
                        return Ok(Some(std::mem::replace(&mut e.value, value)));
                    }
                }
                // Missing, and nothing changed since the probe (keys compared
                // unequal then are still unequal): insert.
                Err(m) if inner.mutations == m => {
                    inner.insert_new(hash, key, value);
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
        loop {
            let Some((ix, m)) = self.locate(key, hash, eq)? else { return Ok(None) };
            let mut inner = self.lock_mut();
            if inner.mutations != m {
                continue;
            }
            let old = inner.entries[ix].take();
            inner.len -= 1;
            inner.mutations += 1;
            drop(inner);
            return Ok(old.map(|e| e.value));
        }
    }

    /// Lookup by a Rust string; only str keys match.
    pub fn get_str(&self, key: &str) -> Option<Value> {
        self.get_str_hashed(key, crate::str::hash_str(key))
    }

    /// `get_str` with the key's hash already known.
    #[inline]
    pub fn get_str_hashed(&self, key: &str, hash: i64) -> Option<Value> {
        let t = self.read_table();
        t.find_str(key, hash).and_then(|ix| t.entries[ix].as_ref().map(|e| e.value.clone()))
    }

    /// Looks up a str key given as a str object, using its cached hash and
    /// identity (for interned names); never runs Python code. A key that is
    /// not a str finds nothing.
    pub fn get_name(&self, key: &Value) -> Option<Value> {
        let s = key.downcast::<PyStr>()?;
        let t = self.read_table();
        t.find_str_or_same(s.as_str(), Some(key), s.hash()).and_then(|ix| t.entries[ix].as_ref().map(|e| e.value.clone()))
    }

    /// `get_name` for attribute caches: tries entry `hint` first (instances of
    /// one class usually store their attributes in the same order, so the
    /// entry index repeats), matching the key by identity there. Returns the
    /// value and the index it was found at.
    #[inline]
    pub fn get_name_hinted(&self, key: &Value, hint: usize) -> Option<(Value, usize)> {
        let inner = self.inner.lock();
        if let Some(Some(e)) = inner.entries.get(hint) {
            if e.key.is(key) {
                return Some((e.value.clone(), hint));
            }
        }
        let s = key.downcast::<PyStr>()?;
        let ix = inner.find_str_or_same(s.as_str(), Some(key), s.hash())?;
        inner.entries[ix].as_ref().map(|e| (e.value.clone(), ix))
    }

    /// `set_str` for attribute caches, trying entry `hint` first (see
    /// `get_name_hinted`). Returns the replaced value (dropped by the caller,
    /// outside the lock) and the entry's index.
    #[inline]
    pub fn set_name_hinted(&self, key: &Value, value: Value, hint: usize) -> (Option<Value>, usize) {
        {
            let mut inner = self.lock_mut();
            if let Some(Some(e)) = inner.entries.get_mut(hint) {
                if e.key.is(key) {
                    let old = std::mem::replace(&mut e.value, value);
                    drop(inner);
                    self.mutated();
                    return (Some(old), hint);
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

    /// Stores a str key: the replaced value and the entry's index
    /// (`usize::MAX`, storing nothing, for a key that is no str).
    fn set_str_inner(&self, key: Value, value: Value) -> (Option<Value>, usize) {
        let Some(s) = key.downcast::<PyStr>() else { return (None, usize::MAX) };
        let hash = s.hash();
        let mut inner = self.lock_mut();
        if let Some(ix) = inner.find_str_or_same(s.as_str(), Some(&key), hash) {
            if let Some(e) = inner.entries[ix].as_mut() {
                return (Some(std::mem::replace(&mut e.value, value)), ix);
            }
        }
        inner.insert_new(hash, key, value);
        (None, inner.entries.len() - 1)
    }

    pub fn remove_str(&self, key: &str) -> Option<Value> {
        let hash = crate::str::hash_str(key);
        let mut inner = self.lock_mut();
        let ix = inner.find_str(key, hash)?;
        let old = inner.entries[ix].take();
        inner.len -= 1;
        inner.mutations += 1;
        drop(inner);
        self.mutated();
        old.map(|e| e.value)
    }

    /// A snapshot of the items, in order.
    pub fn items(&self) -> Vec<(Value, Value)> {
        self.inner.lock().entries().map(|e| (e.key.clone(), e.value.clone())).collect()
    }

    pub fn keys(&self) -> Vec<Value> {
        self.inner.lock().entries().map(|e| e.key.clone()).collect()
    }

    pub fn values(&self) -> Vec<Value> {
        self.inner.lock().entries().map(|e| e.value.clone()).collect()
    }

    pub fn clear_all(&self) {
        let old = std::mem::take(&mut *self.lock_mut());
        self.mutated();
        drop(old);
    }

    /// Removes and returns the last entry.
    pub fn pop_last(&self) -> Option<(Value, Value)> {
        let mut inner = self.lock_mut();
        while let Some(last) = inner.entries.pop() {
            if let Some(e) = last {
                inner.len -= 1;
                inner.mutations += 1;
                // Rebuild so the index has no dangling entry positions.
                let cap = inner.len;
                inner.rebuild(cap);
                drop(inner);
                self.mutated();
                return Some((e.key, e.value));
            }
        }
        None
    }

    /// Entry at iteration position `pos` (skipping holes): (next pos, key, value).
    pub fn entry_at(&self, pos: usize) -> Option<(usize, Value, Value)> {
        let inner = self.inner.lock();
        inner.next_entry(pos).map(|(n, e)| (n, e.key.clone(), e.value.clone()))
    }

    pub fn mutations(&self) -> u64 {
        self.inner.lock().mutations
    }
}
