//! The `set` and `frozenset` payload: an open-addressed hash table laid out
//! as CPython's (`Objects/setobject.c`), so a set iterates in CPython's order
//! (`print({3, 1, 2})` shows `{1, 2, 3}`): slots probed from `hash & mask`,
//! up to 9 neighbours at a time, then perturbed; deleted slots become dummies
//! that a later insertion reuses (the last one its probe passed); the table grows (to 4x the live count, 2x
//! above 50,000) once live + dummy slots reach 3/5 of it, re-inserting in slot
//! order; `pop` scans from a finger left after the last pop.
//!
//! Equality of keys may run Python code (`__eq__`), so lookups never call the
//! comparison while holding the lock: they copy the candidate key out,
//! release, compare, re-lock and start again if the table changed meanwhile
//! (detected by `mutations`), as the dict does.


use crate::dict::KeyEq;
use crate::error::PyResult;
use crate::object::{PayloadKind, PyPayload};
use crate::value::Value;

/// Slots probed in a row before the perturbed jump (CPython's LINEAR_PROBES).
const LINEAR_PROBES: usize = 9;
const PERTURB_SHIFT: u32 = 5;
/// The smallest table (CPython's PySet_MINSIZE).
const MIN_SIZE: usize = 8;

#[derive(Clone, Default)]
enum Slot {
    #[default]
    Empty,
    /// A removed key's slot: probing goes on past it; insertion may reuse it.
    Dummy,
    Active { hash: i64, key: Value },
}

#[derive(Default)]
struct SetInner {
    /// Empty (no allocation yet) or a power of two long, at least MIN_SIZE.
    slots: Vec<Slot>,
    /// Active plus dummy slots.
    fill: usize,
    /// Active slots.
    used: usize,
    /// Where the next `pop` starts looking.
    finger: usize,
    /// Bumped by every insertion, removal and rebuild.
    mutations: u64,
    /// Locked lookups by threads other than the set's creator since the
    /// last change (see `SetTable::snapshot`).
    shared_reads: u32,
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
    /// empty slot that ended the probe.
    Missing { empty: usize, dummy: Option<usize> },
    /// Needs a Python-level comparison with the key in this slot.
    Compare(usize, Value),
}

/// Equality that needs no Python code: identity, exact str, small ints.
fn fast_eq(a: &Value, b: &Value) -> Option<bool> {
    if a.is(b) {
        return Some(true);
    }
    let rt = crate::runtime::rt();
    if let (Some(x), Some(y)) = (a.downcast_exact::<crate::str::PyStr>(rt.types.str), b.downcast_exact::<crate::str::PyStr>(rt.types.str)) {
        return Some(x.as_str() == y.as_str());
    }
    if a.is_small_int() && b.is_small_int() {
        return Some(false);
    }
    None
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
    fn new(hash: i64, mask: usize) -> ProbeSeq {
        let base = (hash as u64 as usize) & mask;
        ProbeSeq { mask, base, offset: 0, run: Self::run_at(base, mask), perturb: hash as u64 }
    }

    fn run_at(base: usize, mask: usize) -> usize {
        if base + LINEAR_PROBES <= mask { LINEAR_PROBES } else { 0 }
    }

    /// The slot to look at now.
    fn slot(&self) -> usize {
        self.base + self.offset
    }

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

impl SetInner {
    /// A read-only copy for `SetTable::snapshot` (counted references).
    fn copy(&self) -> SetInner {
        SetInner { slots: self.slots.clone(), fill: self.fill, used: self.used, finger: self.finger, mutations: self.mutations, shared_reads: 0 }
    }

    fn mask(&self) -> usize {
        self.slots.len().wrapping_sub(1)
    }

    /// Probes for `key`; `skip` lists slots already compared unequal in
    /// this lookup (valid while `mutations` is unchanged).
    fn probe(&self, key: &Value, hash: i64, skip: &[usize]) -> Probe {
        if self.slots.is_empty() {
            return Probe::Missing { empty: (hash as u64 as usize) & (MIN_SIZE - 1), dummy: None };
        }
        let mut seq = ProbeSeq::new(hash, self.mask());
        let mut dummy = None;
        // The table always has an empty slot (fill stays below 3/5), so the
        // probe ends.
        loop {
            let i = seq.slot();
            match &self.slots[i] {
                Slot::Empty => return Probe::Missing { empty: i, dummy },
                // CPython fills the last dummy the probe passed.
                Slot::Dummy => dummy = Some(i),
                Slot::Active { hash: h, key: k } => {
                    if *h == hash && !skip.contains(&i) {
                        match fast_eq(k, key) {
                            Some(true) => return Probe::Found(i),
                            Some(false) => {}
                            None => return Probe::Compare(i, k.clone()),
                        }
                    }
                }
            }
            seq.advance();
        }
    }

    /// Puts a key known to be absent at `slot` (from a probe of this table).
    fn insert_at(&mut self, slot: usize, reuses_dummy: bool, hash: i64, key: Value) {
        if self.slots.is_empty() {
            self.slots = vec![Slot::Empty; MIN_SIZE];
        }
        self.slots[slot] = Slot::Active { hash, key };
        self.used += 1;
        self.mutations += 1;
        if reuses_dummy {
            return;
        }
        self.fill += 1;
        if self.fill * 5 >= self.mask() * 3 {
            let target = if self.used > 50_000 { self.used * 2 } else { self.used * 4 };
            self.resize(target);
        }
    }

    /// Rebuilds into the smallest table larger than `min_used`, re-inserting
    /// the keys in slot order (dummies dropped).
    fn resize(&mut self, min_used: usize) {
        let mut size = MIN_SIZE;
        while size <= min_used {
            size <<= 1;
        }
        let old = std::mem::replace(&mut self.slots, vec![Slot::Empty; size]);
        let mask = size - 1;
        for s in old {
            if let Slot::Active { hash, key } = s {
                let mut seq = ProbeSeq::new(hash, mask);
                while !matches!(self.slots[seq.slot()], Slot::Empty) {
                    seq.advance();
                }
                let i = seq.slot();
                self.slots[i] = Slot::Active { hash, key };
            }
        }
        self.fill = self.used;
        self.mutations += 1;
    }
}

/// A set's table; see the module comment.
pub struct SetTable {
    inner: crate::lock::LenMutex<SetInner>,
    /// A read-only copy of the table that lookups needing no Python code
    /// read without the lock, published (as the dict's, see `dict.rs`) once
    /// other threads than the creator have looked keys up in the unchanged
    /// set often enough, and unlinked and retired by every change
    /// (`lock_mut`).
    snapshot: crate::qsbr::Snapshot<SetInner>,
    /// The thread that made the set (`header::current_thread_id`).
    creator: usize,
}

impl Default for SetTable {
    fn default() -> Self {
        SetTable { inner: Default::default(), snapshot: Default::default(), creator: crate::header::current_thread_id() }
    }
}

impl SetTable {
    /// The lock, for a change: unlinks the snapshot (retired once the guard
    /// is dropped).
    #[inline]
    fn lock_mut(&self) -> crate::qsbr::WriteGuard<'_, SetInner> {
        let mut guard = self.inner.lock();
        guard.shared_reads = 0;
        self.snapshot.write(guard)
    }

    /// A locked lookup happened: by another thread than the creator, often
    /// enough since the last change, it publishes a snapshot.
    #[inline(always)]
    fn note_read(&self, inner: &mut SetInner) {
        if self.creator != crate::header::current_thread_id() {
            self.note_shared_read(inner);
        }
    }

    #[cold]
    #[inline(never)]
    fn note_shared_read(&self, inner: &mut SetInner) {
        inner.shared_reads = inner.shared_reads.saturating_add(1);
        if inner.shared_reads >= snapshot_after(inner.used) && !self.snapshot.is_published() {
            self.snapshot.publish(inner.copy());
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
        let inner = self.inner.lock();
        let mut out = Vec::with_capacity(inner.used);
        for s in &inner.slots {
            if let Slot::Active { key, .. } = s {
                out.push(key.clone());
            }
        }
        out
    }

    /// Runs the probe for `key` to its end, comparing outside the lock, and
    /// then `done` on the locked table with the outcome.
    fn locate<G: std::ops::DerefMut<Target = SetInner>, R>(
        &self,
        lock: impl Fn() -> G,
        key: &Value,
        hash: i64,
        eq: KeyEq<'_>,
        done: impl FnOnce(&mut SetInner, Probe) -> R,
    ) -> PyResult<R> {
        let mut skip: Vec<usize> = Vec::new();
        let mut inner = lock();
        let mut seen = inner.mutations;
        loop {
            if inner.mutations != seen {
                skip.clear();
                seen = inner.mutations;
            }
            match inner.probe(key, hash, &skip) {
                Probe::Compare(i, candidate) => {
                    drop(inner);
                    let equal = eq(&candidate, key)?;
                    // Our copy may be the last reference now (the comparison
                    // can remove it); it dies before we lock again.
                    drop(candidate);
                    inner = lock();
                    if inner.mutations != seen {
                        continue;
                    }
                    if equal {
                        return Ok(done(&mut *inner, Probe::Found(i)));
                    }
                    skip.push(i);
                }
                outcome => return Ok(done(&mut *inner, outcome)),
            }
        }
    }

    /// The key equal to `key`, if present (the dict-shaped API: Some(None)).
    pub fn get(&self, key: &Value, hash: i64, eq: KeyEq<'_>) -> PyResult<Option<Value>> {
        let found = |t: &SetInner, p: Probe| match p {
            Probe::Found(i) => match &t.slots[i] {
                Slot::Active { key, .. } => Some(key.clone()),
                _ => None,
            },
            _ => None,
        };
        if self.snapshot.is_published() {
            let guard = crate::qsbr::ReadGuard::new();
            if let Some(t) = self.snapshot.read(&guard) {
                match t.probe(key, hash, &[]) {
                    Probe::Compare(..) => {}
                    p => return Ok(found(t, p)),
                }
            }
        }
        self.locate(
            || self.inner.lock(),
            key,
            hash,
            eq,
            |inner, p| {
                self.note_read(inner);
                found(inner, p)
            },
        )
    }

    /// Adds `key`; returns Some(the present equal key) if it was there. The
    /// value is ignored (the dict-shaped API).
    pub fn set(&self, key: Value, hash: i64, _value: Value, eq: KeyEq<'_>) -> PyResult<Option<Value>> {
        let probe_key = key.clone();
        let mut key = Some(key);
        let found = self.locate(|| self.lock_mut(), &probe_key, hash, eq, |inner, p| match p {
            Probe::Found(i) => match &inner.slots[i] {
                Slot::Active { key, .. } => Some(key.clone()),
                _ => None,
            },
            Probe::Missing { empty, dummy } => {
                if let Some(key) = key.take() {
                    match dummy {
                        Some(d) => inner.insert_at(d, true, hash, key),
                        None => inner.insert_at(empty, false, hash, key),
                    }
                }
                None
            }
            Probe::Compare(..) => None,
        });
        // An unused key (already present) dies here, outside the lock.
        drop(key);
        found
    }

    /// Removes `key`; returns the removed key.
    pub fn remove(&self, key: &Value, hash: i64, eq: KeyEq<'_>) -> PyResult<Option<Value>> {
        let old = self.locate(|| self.lock_mut(), key, hash, eq, |inner, p| match p {
            Probe::Found(i) => {
                let old = std::mem::replace(&mut inner.slots[i], Slot::Dummy);
                inner.used -= 1;
                inner.mutations += 1;
                match old {
                    Slot::Active { key, .. } => Some(key),
                    _ => None,
                }
            }
            _ => None,
        })?;
        Ok(old)
    }

    /// Adds `other`'s keys in its slot order, as CPython's `set_merge`: one
    /// resize up front when they may not fit; an empty table takes a same-size
    /// dummy-free table's layout as it is, or re-inserts without comparisons.
    pub fn merge_from(&self, other: &SetTable, eq: KeyEq<'_>) -> PyResult<()> {
        if std::ptr::eq(self, other) {
            return Ok(());
        }
        let (slots, other_mask, other_fill, other_used) = {
            let o = other.inner.lock();
            (o.slots.clone(), o.mask(), o.fill, o.used)
        };
        if other_used == 0 {
            return Ok(());
        }
        {
            let mut inner = self.lock_mut();
            if inner.slots.is_empty() {
                inner.slots = vec![Slot::Empty; MIN_SIZE];
            }
            if (inner.fill + other_used) * 5 >= inner.mask() * 3 {
                let target = (inner.used + other_used) * 2;
                inner.resize(target);
            }
            if inner.fill == 0 {
                inner.mutations += 1;
                inner.fill = other_used;
                inner.used = other_used;
                if inner.mask() == other_mask && other_fill == other_used {
                    inner.slots = slots;
                    return Ok(());
                }
                let mask = inner.mask();
                for s in slots {
                    if let Slot::Active { hash, key } = s {
                        let mut seq = ProbeSeq::new(hash, mask);
                        while !matches!(inner.slots[seq.slot()], Slot::Empty) {
                            seq.advance();
                        }
                        let i = seq.slot();
                        inner.slots[i] = Slot::Active { hash, key };
                    }
                }
                return Ok(());
            }
        }
        for s in slots {
            if let Slot::Active { hash, key } = s {
                self.set(key, hash, crate::runtime::none(), eq)?;
            }
        }
        Ok(())
    }

    /// `set.pop()`: the first key from the finger on (wrapping), as CPython.
    pub fn pop_last(&self) -> Option<(Value, Value)> {
        let mut inner = self.lock_mut();
        if inner.used == 0 {
            return None;
        }
        let n = inner.slots.len();
        let mut i = inner.finger & (n - 1);
        while !matches!(inner.slots[i], Slot::Active { .. }) {
            i = (i + 1) % n;
        }
        let old = std::mem::replace(&mut inner.slots[i], Slot::Dummy);
        inner.used -= 1;
        inner.finger = i + 1;
        inner.mutations += 1;
        drop(inner);
        match old {
            Slot::Active { key, .. } => Some((key, crate::runtime::none())),
            _ => None,
        }
    }

    /// Empties the set (back to the smallest table).
    pub fn clear_all(&self) {
        let mut inner = self.lock_mut();
        let mutations = inner.mutations + 1;
        let old = std::mem::take(&mut *inner);
        inner.mutations = mutations;
        drop(inner);
        // Keys die outside the lock (their __del__ may touch this set).
        drop(old);
    }

    pub fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        let inner = self.inner.lock();
        // The snapshot's references are the set's too.
        let copy = self.snapshot.locked();
        for s in inner.slots.iter().chain(copy.iter().flat_map(|c| c.slots.iter())) {
            if let Slot::Active { key, .. } = s {
                visit(key);
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
        self.table.clear_all();
    }
}

/// Locked lookups by other threads in an unchanged set after which one of
/// them publishes a snapshot: a copy costs a count per entry, so a set
/// changed that often between lookups is not worth copying.
fn snapshot_after(len: usize) -> u32 {
    (8 + len / 2).min(u32::MAX as usize) as u32
}
