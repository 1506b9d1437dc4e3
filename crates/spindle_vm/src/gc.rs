//! The cycle collector (DESIGN.md section 4.6): tracking of GC-capable
//! objects, generations, and the collection itself (PEP 442 finalization,
//! weak references, `gc.garbage`, `gc.callbacks`).
//!
//! # Tracking
//! A GC-capable object (a payload with `PyPayload::GC`, or any instance of a
//! heap type) is allocated with a [`GcHead`] right before its header. A
//! tracked object's address sits in one slot of a [`Registry`]; its head
//! records which registry and which slot. Each OS thread tracks the objects
//! it allocates in its own registry (a `Vec` behind an uncontended mutex),
//! so allocation and deallocation cost one uncontended lock and a push or a
//! store; there is no global list every allocation must lock. A registry
//! outlives its thread: when the thread exits it goes back to a pool, its
//! objects still in it, and a later thread takes it over.
//!
//! Slots keep tracking order; freed slots become holes, removed by a stable
//! compaction once they make up half the vector. The generations are ranges
//! of slots: `[0, frozen)` the permanent generation (`gc.freeze`),
//! `[frozen, gen1)` generation 2, `[gen1, gen0)` generation 1 and
//! `[gen0, len)` generation 0 (the young objects). Collecting generation g
//! looks at the generations up to g; survivors move one generation up.
//!
//! # Collection (see `collect_generation`)
//! 1. World stopped (`interp::stop_the_world`): every object of the collected
//!    generations is a candidate; `gc_refs = refcount - references from other
//!    candidates` (found by `traverse`). Candidates with `gc_refs > 0` are
//!    referenced from outside (other generations, Rust locals, value stacks of
//!    any thread) and so is everything they reach. The rest is unreachable:
//!    the collector adopts each (folds its biased counts into a local count
//!    owned by the collecting thread, sound because no other thread runs) and
//!    takes a strong reference; weak references to them are cleared, their
//!    callbacks kept for later when the weakref itself is reachable.
//! 2. World running: weakref callbacks, then finalizers (`__del__`, closing
//!    suspended generators), each object at most once (PEP 442).
//! 3. World stopped again if any finalizer ran: objects now referenced from
//!    outside the unreachable set (resurrected) and what they reach are dropped
//!    from it.
//! 4. World running: `clear` (tp_clear) on what is left breaks the cycles;
//!    dropping the collector's references frees them.
//!
//! Invariant the collector relies on: a thread that may run Python code is
//! either at a safepoint (parked) or detached while the world is stopped, so
//! no reference count changes and no object is between its last decref and
//! its `untrack` (untracking is the first thing `object::dealloc` does, and
//! there is no safepoint in between). Every `traverse` visits only counted
//! references, each at most once, so `gc_refs` never undercounts outside
//! references. A detached thread must not move references in or out of
//! containers either (`ThreadState::detached`); as a second line, marking
//! walks the edges recorded while counting, not a second traversal, so a
//! container that changed in between cannot hide a counted reference.

use std::sync::atomic::{AtomicBool, AtomicIsize, AtomicPtr, AtomicU32, AtomicUsize, Ordering};

use parking_lot::Mutex;

use crate::error::PyResult;
use crate::header::{ObjHeader, flags};
use crate::interp::ThreadState;
use crate::value::Value;

/// Size of the [`GcHead`] in front of a GC-capable object's header.
pub const GC_HEAD_SIZE: usize = 16;
const NO_REG: u32 = u32::MAX;

/// What the collector keeps in front of a GC-capable object.
#[repr(C)]
pub struct GcHead {
    /// Id of the registry tracking the object; `NO_REG` when untracked.
    reg: AtomicU32,
    /// Slot index in that registry (changed only under the registry's lock).
    idx: AtomicU32,
    /// Collector scratch: 1 + index in the running collection's candidate
    /// array, 0 otherwise. Written only by the collecting thread while the
    /// world is stopped.
    scratch: AtomicUsize,
}

const _: () = assert!(std::mem::size_of::<GcHead>() == GC_HEAD_SIZE);

impl GcHead {
    pub(crate) const fn new() -> GcHead {
        GcHead { reg: AtomicU32::new(NO_REG), idx: AtomicU32::new(0), scratch: AtomicUsize::new(0) }
    }
}

/// The head of a GC-capable object.
///
/// # Safety
/// `ptr` must be an allocated (live or dying) object of a GC-capable type,
/// allocated by `object::alloc` (which puts the head `GC_HEAD_SIZE` bytes
/// before the header).
unsafe fn head<'a>(ptr: *const ObjHeader) -> &'a GcHead {
    // SAFETY: per the function's contract.
    unsafe { &*((ptr as *const u8).sub(GC_HEAD_SIZE) as *const GcHead) }
}

/// Whether the object at `ptr` carries a GC head.
///
/// # Safety
/// `ptr` must be an allocated object.
unsafe fn is_gc(ptr: *const ObjHeader) -> bool {
    // SAFETY: allocated per the caller; its type outlives it.
    crate::object::is_gc_type(unsafe { (*ptr).ty.data() })
}

// ---------------------------------------------------------------------------
// Registries.

/// The tracked objects allocated by one thread (see the module docs).
pub struct Registry {
    id: u32,
    inner: Mutex<RegInner>,
    /// Tracked allocations minus deallocations since the last collection
    /// (generation 0's count); written under `inner`'s lock.
    count: AtomicIsize,
}

#[derive(Default)]
struct RegInner {
    /// Object addresses in tracking order; 0 is a hole.
    slots: Vec<usize>,
    holes: usize,
    frozen: usize,
    gen1: usize,
    gen0: usize,
}

impl RegInner {
    fn start_of(&self, generation: usize) -> usize {
        match generation {
            0 => self.gen0,
            1 => self.gen1,
            _ => self.frozen,
        }
    }

    fn clamp_bounds(&mut self) {
        let n = self.slots.len();
        self.frozen = self.frozen.min(n);
        self.gen1 = self.gen1.min(n).max(self.frozen);
        self.gen0 = self.gen0.min(n).max(self.gen1);
    }

    /// Removes the holes, keeping order, and renumbers the moved objects.
    fn compact(&mut self) {
        let (f, g1, g0) = (self.frozen, self.gen1, self.gen0);
        let (mut nf, mut ng1, mut ng0) = (0, 0, 0);
        let mut w = 0;
        for r in 0..self.slots.len() {
            if r == f {
                nf = w;
            }
            if r == g1 {
                ng1 = w;
            }
            if r == g0 {
                ng0 = w;
            }
            let p = self.slots[r];
            if p != 0 {
                self.slots[w] = p;
                // SAFETY: a tracked object is alive: untracking (under this
                // lock, which we hold) precedes its free.
                unsafe { head(p as *const ObjHeader) }.idx.store(w as u32, Ordering::Relaxed);
                w += 1;
            }
        }
        let n = self.slots.len();
        if f >= n {
            nf = w;
        }
        if g1 >= n {
            ng1 = w;
        }
        if g0 >= n {
            ng0 = w;
        }
        self.slots.truncate(w);
        self.holes = 0;
        self.frozen = nf;
        self.gen1 = ng1;
        self.gen0 = ng0;
    }
}

const MAX_REGS: usize = 4096;
static REG_TABLE: [AtomicPtr<Registry>; MAX_REGS] = [const { AtomicPtr::new(std::ptr::null_mut()) }; MAX_REGS];
static NREGS: AtomicU32 = AtomicU32::new(0);
static FREE_REGS: Mutex<Vec<u32>> = Mutex::new(Vec::new());
static NEW_REG_LOCK: Mutex<()> = Mutex::new(());

fn reg(id: u32) -> &'static Registry {
    let p = REG_TABLE[id as usize].load(Ordering::Acquire);
    // SAFETY: ids are handed out only after their registry is published in
    // REG_TABLE, and registries are leaked (never freed).
    unsafe { &*p }
}

fn nregs() -> u32 {
    NREGS.load(Ordering::Acquire)
}

fn create_registry() -> &'static Registry {
    let _g = NEW_REG_LOCK.lock();
    let n = NREGS.load(Ordering::Relaxed);
    if n as usize >= MAX_REGS {
        // Out of ids: share registry 0 (registries are locked anyway).
        return reg(0);
    }
    let r: &'static Registry = Box::leak(Box::new(Registry { id: n, inner: Mutex::new(RegInner::default()), count: AtomicIsize::new(0) }));
    REG_TABLE[n as usize].store(r as *const Registry as *mut Registry, Ordering::Release);
    NREGS.store(n + 1, Ordering::Release);
    r
}

fn take_registry() -> &'static Registry {
    if let Some(id) = FREE_REGS.lock().pop() {
        return reg(id);
    }
    create_registry()
}

struct MyRegistry(&'static Registry);

impl Drop for MyRegistry {
    fn drop(&mut self) {
        // The thread exits: its objects stay in the registry for a later thread.
        FREE_REGS.lock().push(self.0.id);
    }
}

thread_local! {
    static MY_REG: MyRegistry = MyRegistry(take_registry());
}

/// The registry of the current thread (registry 0, shared, once the thread's
/// thread-locals are being destroyed).
pub(crate) fn current_registry() -> &'static Registry {
    match MY_REG.try_with(|r| r.0) {
        Ok(r) => r,
        Err(_) => {
            if nregs() == 0 {
                create_registry()
            } else {
                reg(0)
            }
        }
    }
}

impl Registry {
    /// This registry's generation-0 count.
    #[inline]
    pub(crate) fn count(&self) -> isize {
        self.count.load(Ordering::Relaxed)
    }
}

/// Starts tracking a GC-capable object (no-op if already tracked).
///
/// # Safety
/// `ptr` must be a live object of a GC-capable type, and the caller must be
/// the only thread that can track or untrack it now (its allocator, or the
/// thread that revived it).
pub(crate) unsafe fn track(ptr: *const ObjHeader) {
    // SAFETY: per the contract.
    let h = unsafe { head(ptr) };
    if h.reg.load(Ordering::Relaxed) != NO_REG {
        return;
    }
    let r = current_registry();
    let mut g = r.inner.lock();
    if g.holes > 1024 && g.holes * 2 > g.slots.len() && !IN_COLLECTION.load(Ordering::Relaxed) {
        g.compact();
    }
    if g.slots.len() >= u32::MAX as usize {
        return;
    }
    h.idx.store(g.slots.len() as u32, Ordering::Relaxed);
    h.reg.store(r.id, Ordering::Relaxed);
    g.slots.push(ptr as usize);
    // SAFETY: `ptr` is live per the contract.
    if !unsafe { &*ptr }.has_flag(flags::GC_UNCOUNTED) {
        r.count.store(r.count.load(Ordering::Relaxed) + 1, Ordering::Relaxed);
    }
}

/// Stops tracking the object at `ptr` if it is GC-capable and tracked.
///
/// # Safety
/// `ptr` must be an allocated object (live, or dead and not yet freed), and
/// the caller the only thread that can track or untrack it now.
pub(crate) unsafe fn untrack(ptr: *const ObjHeader) {
    // SAFETY: allocated per the contract.
    if !unsafe { is_gc(ptr) } {
        return;
    }
    // SAFETY: GC-capable, allocated.
    let h = unsafe { head(ptr) };
    let id = h.reg.load(Ordering::Relaxed);
    if id == NO_REG {
        return;
    }
    let r = reg(id);
    let mut g = r.inner.lock();
    let i = h.idx.load(Ordering::Relaxed) as usize;
    if g.slots.get(i) == Some(&(ptr as usize)) {
        if i + 1 == g.slots.len() {
            g.slots.pop();
            g.clamp_bounds();
        } else {
            g.slots[i] = 0;
            g.holes += 1;
        }
    }
    h.reg.store(NO_REG, Ordering::Relaxed);
    let c = r.count.load(Ordering::Relaxed);
    // SAFETY: allocated per the contract.
    if c > 0 && !unsafe { &*ptr }.has_flag(flags::GC_UNCOUNTED) {
        r.count.store(c - 1, Ordering::Relaxed);
    }
}

/// Stops tracking `v` (e.g. an object made immortal).
pub(crate) fn untrack_value(v: &Value) {
    if !v.is_small_int() {
        // SAFETY: `v` keeps the object alive; its creator calls this before sharing it.
        unsafe { untrack(v.header_ptr()) }
    }
}

/// `gc.is_tracked(obj)`.
pub fn is_tracked(v: &Value) -> bool {
    if v.is_small_int() {
        return false;
    }
    let p = v.header_ptr();
    // SAFETY: `v` keeps the object alive.
    unsafe { is_gc(p) && head(p).reg.load(Ordering::Relaxed) != NO_REG }
}

// ---------------------------------------------------------------------------
// Interpreter-level state (what the `gc` module shows).

#[derive(Clone, Copy, Default)]
pub struct GenStats {
    pub collections: usize,
    pub collected: usize,
    pub uncollectable: usize,
}

pub struct GcState {
    pub enabled: AtomicBool,
    pub threshold: [AtomicUsize; 3],
    pub debug: AtomicU32,
    /// Collections of generation 0 (resp. 1) since the last collection of generation 1 (resp. 2).
    count1: AtomicUsize,
    count2: AtomicUsize,
    long_lived_total: AtomicUsize,
    long_lived_pending: AtomicUsize,
    stats: Mutex<[GenStats; 3]>,
    /// The thread running a collection (its `current_thread_id`), 0: none.
    collecting: AtomicUsize,
    /// `gc.garbage` and `gc.callbacks`.
    pub garbage: Value,
    pub callbacks: Value,
}

pub const DEBUG_STATS: u32 = 1;
pub const DEBUG_COLLECTABLE: u32 = 2;
pub const DEBUG_UNCOLLECTABLE: u32 = 4;
pub const DEBUG_SAVEALL: u32 = 32;

impl GcState {
    pub fn new() -> GcState {
        GcState {
            enabled: AtomicBool::new(true),
            threshold: [AtomicUsize::new(2000), AtomicUsize::new(10), AtomicUsize::new(0)],
            debug: AtomicU32::new(0),
            count1: AtomicUsize::new(0),
            count2: AtomicUsize::new(0),
            long_lived_total: AtomicUsize::new(0),
            long_lived_pending: AtomicUsize::new(0),
            stats: Mutex::new([GenStats::default(); 3]),
            collecting: AtomicUsize::new(0),
            garbage: crate::seq::new_list(Vec::new()),
            callbacks: crate::seq::new_list(Vec::new()),
        }
    }

    pub fn stats(&self) -> [GenStats; 3] {
        *self.stats.lock()
    }

    /// `gc.get_count()`.
    pub fn count(&self) -> (usize, usize, usize) {
        let mut c0: isize = 0;
        for id in 0..nregs() {
            c0 += reg(id).count().max(0);
        }
        (c0 as usize, self.count1.load(Ordering::Relaxed), self.count2.load(Ordering::Relaxed))
    }
}

impl Default for GcState {
    fn default() -> Self {
        Self::new()
    }
}

// ---------------------------------------------------------------------------
// Entry points.

impl GcState {
    /// In a forked child: a collection another thread was running is over
    /// (that thread does not exist there); one this thread runs goes on.
    pub(crate) fn after_fork_child(&self) {
        let me = crate::header::current_thread_id();
        if self.collecting.load(Ordering::Acquire) != me {
            self.collecting.store(0, Ordering::Release);
            IN_COLLECTION.store(false, Ordering::Relaxed);
        }
    }
}

/// Called from the eval breaker when this thread's generation-0 count passed
/// the threshold: runs the generation CPython would collect, if enabled.
#[cold]
pub(crate) fn maybe_collect_auto(ts: &ThreadState) {
    let st = &ts.interp.gc;
    let t0 = st.threshold[0].load(Ordering::Relaxed);
    if !st.enabled.load(Ordering::Relaxed) || t0 == 0 || st.collecting.load(Ordering::Relaxed) != 0 {
        return;
    }
    let (c0, c1, c2) = st.count();
    if c0 <= t0 {
        return;
    }
    let t1 = st.threshold[1].load(Ordering::Relaxed);
    let t2 = st.threshold[2].load(Ordering::Relaxed);
    let mut generation = 0;
    if c1 >= t1 {
        generation = 1;
        let pending = st.long_lived_pending.load(Ordering::Relaxed);
        let total = st.long_lived_total.load(Ordering::Relaxed);
        if c2 >= t2.max(1) && pending >= total / 4 {
            generation = 2;
        }
    }
    if let Err(e) = collect_with_callbacks(ts, generation, false) {
        crate::ops::write_unraisable(ts, &e, Some("Exception ignored in garbage collection"), None);
    }
}

/// `gc.collect(generation)`: the number of unreachable objects found
/// (collected plus uncollectable); 0 when a collection is already running.
pub fn collect(ts: &ThreadState, generation: usize) -> PyResult<usize> {
    // References shared containers let go of wait in QSBR (`retire_value`)
    // for lock-free readers; what only they keep alive would have died
    // already without the wait. Drop those that are ready; a collection
    // stops the world (every other thread passes a quiescent state), after
    // which the rest are ready too, and what they held may be cyclic
    // garbage for another pass.
    crate::qsbr::quiescent();
    let mut n = collect_with_callbacks(ts, generation.min(2), true)?;
    if crate::qsbr::waiting() {
        crate::qsbr::quiescent();
        n += collect_with_callbacks(ts, generation.min(2), true)?;
    }
    Ok(n)
}

fn collect_with_callbacks(ts: &ThreadState, generation: usize, explicit: bool) -> PyResult<usize> {
    let st = &ts.interp.gc;
    let me = crate::header::current_thread_id();
    if st.collecting.compare_exchange(0, me, Ordering::AcqRel, Ordering::Acquire).is_err() {
        return Ok(0);
    }
    struct Reset<'a>(&'a AtomicUsize);
    impl Drop for Reset<'_> {
        fn drop(&mut self) {
            self.0.store(0, Ordering::Release);
        }
    }
    let _reset = Reset(&st.collecting);
    if explicit || generation == 2 {
        // This thread's instruction-site and type-lookup caches hold strong
        // references (methods, globals) the collector cannot see: dropped before a
        // full or explicit collection, so cycles they kept alive (a class
        // made in a loop, through its methods) are garbage again. Other
        // threads' caches keep theirs until those slots are reused.
        crate::attr_cache::forget_this_thread();
        crate::globals_cache::forget_this_thread();
        crate::types::forget_this_thread();
    }
    run_callbacks(ts, "start", generation, 0, 0);
    let timeout = if explicit { std::time::Duration::from_secs(2) } else { std::time::Duration::from_millis(100) };
    let result = collect_generation(ts, generation, timeout);
    let (collected, uncollectable) = match result {
        Some(r) => r,
        None => {
            // Other threads could not be stopped: skip this round.
            if st.debug.load(Ordering::Relaxed) & DEBUG_STATS != 0 {
                eprintln!("gc: other threads did not stop in time; collection skipped");
            }
            zero_counts();
            bump_counts(generation, st, 0);
            (0, 0)
        }
    };
    {
        let mut s = st.stats.lock();
        s[generation].collections += 1;
        s[generation].collected += collected;
        s[generation].uncollectable += uncollectable;
    }
    if st.debug.load(Ordering::Relaxed) & DEBUG_STATS != 0 {
        eprintln!("gc: done, {collected} unreachable, {uncollectable} uncollectable");
    }
    run_callbacks(ts, "stop", generation, collected, uncollectable);
    Ok(collected + uncollectable)
}

fn run_callbacks(ts: &ThreadState, phase: &str, generation: usize, collected: usize, uncollectable: usize) {
    let st = &ts.interp.gc;
    let Some(list) = st.callbacks.downcast::<crate::seq::PyList>() else { return };
    let cbs = list.snapshot();
    if cbs.is_empty() {
        return;
    }
    let info = crate::builtins_init::new_dict();
    if let Some(d) = info.downcast::<crate::dict::PyDict>() {
        d.set_str(crate::str::intern("generation"), crate::num::new_int(generation as i64));
        d.set_str(crate::str::intern("collected"), crate::num::new_int(collected as i64));
        d.set_str(crate::str::intern("uncollectable"), crate::num::new_int(uncollectable as i64));
    }
    let phase = crate::str::new_str(phase);
    for cb in &cbs {
        if let Err(e) = crate::ops::call(ts, cb, &[phase.clone(), info.clone()]) {
            crate::ops::write_unraisable(ts, &e, Some("Exception ignored on invoking gc callback"), Some(cb));
        }
    }
}

/// After a collection of `generation` (or a skipped one): the examined
/// survivors (slots below `ends[registry]`, the lengths when the world was
/// stopped) move up one generation; objects tracked since stay young.
fn promote(generation: usize, ends: &[usize]) -> usize {
    let mut survivors = 0;
    for (id, &end) in ends.iter().enumerate() {
        let mut g = reg(id as u32).inner.lock();
        let end = end.min(g.slots.len());
        let start = g.start_of(generation).min(end);
        survivors += g.slots[start..end].iter().filter(|&&p| p != 0).count();
        match generation {
            0 => g.gen0 = end.max(g.gen0),
            _ => {
                g.gen1 = end.max(g.gen1);
                g.gen0 = end.max(g.gen0);
            }
        }
    }
    survivors
}

/// Counts after a collection of `generation` (or a skipped one).
fn bump_counts(generation: usize, st: &GcState, survivors: usize) {
    match generation {
        0 => {
            st.count1.fetch_add(1, Ordering::Relaxed);
        }
        1 => {
            st.count1.store(0, Ordering::Relaxed);
            st.count2.fetch_add(1, Ordering::Relaxed);
            st.long_lived_pending.fetch_add(survivors, Ordering::Relaxed);
        }
        _ => {
            st.count1.store(0, Ordering::Relaxed);
            st.count2.store(0, Ordering::Relaxed);
            st.long_lived_pending.store(0, Ordering::Relaxed);
            st.long_lived_total.store(survivors, Ordering::Relaxed);
        }
    }
}

fn zero_counts() {
    for id in 0..nregs() {
        let r = reg(id);
        let _g = r.inner.lock();
        r.count.store(0, Ordering::Relaxed);
    }
}

/// Set while a collection runs: slot indices must stay stable (no compaction).
static IN_COLLECTION: AtomicBool = AtomicBool::new(false);

/// The candidate index of the object `v` refers to, if it is a candidate of
/// the running collection.
///
/// # Safety
/// Only while the world is stopped by the collecting thread, with `cands`
/// the candidates whose scratch words are set.
#[inline]
unsafe fn cand_index(v: &Value, cands: &[*const ObjHeader]) -> Option<usize> {
    if v.is_small_int() {
        return None;
    }
    let p = v.header_ptr();
    // SAFETY: `v` is a counted reference held by a live object: alive.
    if !unsafe { is_gc(p) } {
        return None;
    }
    // SAFETY: GC-capable and alive.
    let s = unsafe { head(p) }.scratch.load(Ordering::Relaxed);
    if s == 0 || s > cands.len() || cands[s - 1] != p {
        return None;
    }
    Some(s - 1)
}

/// Marks `cands` (scratch = 1 + index).
///
/// # Safety
/// World stopped by this thread; every pointer is a live tracked object.
unsafe fn mark(cands: &[*const ObjHeader]) {
    for (i, &p) in cands.iter().enumerate() {
        // SAFETY: per the contract.
        unsafe { head(p) }.scratch.store(i + 1, Ordering::Relaxed);
    }
}

/// # Safety
/// As `mark`, for the same candidates.
unsafe fn unmark(cands: &[*const ObjHeader]) {
    for &p in cands {
        // SAFETY: per the contract.
        unsafe { head(p) }.scratch.store(0, Ordering::Relaxed);
    }
}

/// Which candidates are reachable from outside the set, given each one's
/// count of references (`gc_refs`, from which the references between
/// candidates are subtracted here).
///
/// Each candidate is traversed once; the edges found are recorded and the
/// marking walks those, so subtracting and marking see the same graph even
/// if a container's contents could change meanwhile (a reference moved out
/// of it keeps its target reachable through the recorded edge).
///
/// # Safety
/// World stopped, candidates marked.
unsafe fn reachable(cands: &[*const ObjHeader], mut gc_refs: Vec<isize>) -> Vec<bool> {
    // Candidate i's edges are edges[starts[i]..starts[i + 1]].
    let mut edges: Vec<u32> = Vec::new();
    let mut starts: Vec<usize> = Vec::with_capacity(cands.len() + 1);
    for &p in cands {
        starts.push(edges.len());
        // SAFETY: candidates are alive while the world is stopped.
        unsafe {
            crate::object::traverse_ptr(p, &mut |v| {
                if let Some(j) = cand_index(v, cands) {
                    gc_refs[j] -= 1;
                    // Indexes fit: 2^32 tracked objects would take over 200 GiB.
                    edges.push(j as u32);
                }
            })
        };
    }
    starts.push(edges.len());
    let mut reach = vec![false; cands.len()];
    let mut work: Vec<usize> = Vec::new();
    for (i, &r) in gc_refs.iter().enumerate() {
        if r > 0 {
            reach[i] = true;
            work.push(i);
        }
    }
    while let Some(i) = work.pop() {
        for &j in &edges[starts[i]..starts[i + 1]] {
            let j = j as usize;
            if !reach[j] {
                reach[j] = true;
                work.push(j);
            }
        }
    }
    reach
}

/// The whole count of a live object; only with the world stopped (a
/// deferred object's is summed over every thread).
fn refcount_of(p: *const ObjHeader) -> isize {
    // SAFETY: callers pass live objects.
    let h = unsafe { &*p };
    let local = h.local_word();
    if local == crate::header::IMMORTAL {
        isize::MAX / 4
    } else if local >= crate::header::DEFERRED_BASE {
        // SAFETY: callers hold the world stopped.
        unsafe { crate::deferred::total(h, local) }
    } else {
        h.refcount() as isize
    }
}

/// Adds to `gc_refs` the references running frames hold without a count
/// (`Frame::uncounted_refs`: deferred stack slots and borrowed `func`s),
/// as CPython 3.14t's collector scans thread stacks for deferred
/// references. If the frames cannot be read, every candidate counts as
/// referenced (nothing is collected).
///
/// # Safety
/// World stopped by this thread (`world`), `cands` marked.
unsafe fn count_frame_refs(world: &crate::interp::StoppedWorld, cands: &[*const ObjHeader], gc_refs: &mut [isize]) {
    let read = world.for_each_running_frame(&mut |f| {
        f.uncounted_refs(&mut |w| {
            // SAFETY: an uncounted word of a running frame is a live object
            // (a deferred one is freed only by a collection, which counts
            // this reference; a borrowed one's local holds it); the view
            // never drops.
            let v = std::mem::ManuallyDrop::new(unsafe { Value::from_bits(std::num::NonZeroUsize::new_unchecked(w)) });
            // SAFETY: world stopped by us, candidates marked.
            if let Some(j) = unsafe { cand_index(&v, cands) } {
                gc_refs[j] += 1;
            }
        })
    });
    if !read {
        gc_refs.iter_mut().for_each(|r| *r = (*r).max(1));
    }
}

/// One collection of `generation`; `None` when the world could not be stopped.
fn collect_generation(ts: &ThreadState, generation: usize, timeout: std::time::Duration) -> Option<(usize, usize)> {
    let st = &ts.interp.gc;
    let debug = st.debug.load(Ordering::Relaxed);
    // ---- Phase 1: world stopped.
    let world = crate::interp::stop_the_world(ts, timeout)?;
    IN_COLLECTION.store(true, Ordering::Relaxed);
    let mut cands: Vec<*const ObjHeader> = Vec::new();
    let mut ends: Vec<usize> = Vec::new();
    for id in 0..nregs() {
        let r = reg(id);
        let g = r.inner.lock();
        let start = g.start_of(generation);
        cands.extend(g.slots[start..].iter().filter(|&&p| p != 0).map(|&p| p as *const ObjHeader));
        ends.push(g.slots.len());
        r.count.store(0, Ordering::Relaxed);
    }
    // SAFETY (this block): the world is stopped by us, so every tracked object
    // is alive (a dying one untracks itself before any safepoint) and no
    // count or container changes under us; candidates are marked only for
    // the duration of this stop.
    let mut held: Vec<Value> = Vec::new();
    let mut weak_calls: Vec<(Value, Value)> = Vec::new();
    let mut deferred_drops: Vec<Value> = Vec::new();
    let mut hidden: std::collections::HashSet<usize> = std::collections::HashSet::new();
    unsafe {
        mark(&cands);
        let mut gc_refs: Vec<isize> = cands.iter().map(|&p| refcount_of(p)).collect();
        count_frame_refs(&world, &cands, &mut gc_refs);
        let reach = reachable(&cands, gc_refs);
        // Instance dicts only their instance refers to are part of the
        // instance, as CPython's inline values (not counted).
        for (i, &p) in cands.iter().enumerate() {
            if reach[i] {
                continue;
            }
            if let Some(e) = crate::object::ext_ptr(p) {
                if let Some(d) = e.dict.get_existing() {
                    if let Some(j) = cand_index(&d, &cands) {
                        if !reach[j] && refcount_of(cands[j]) == 1 {
                            hidden.insert(cands[j] as usize);
                        }
                    }
                }
            }
        }
        let unreachable: Vec<usize> = (0..cands.len()).filter(|&i| !reach[i]).collect();
        for &i in &unreachable {
            let h = &*cands[i];
            h.gc_adopt();
            held.push(Value::from_borrowed(cands[i]));
        }
        // Weak references to unreachable objects die now; callbacks run
        // later, only for weakrefs that are themselves reachable.
        for &i in &unreachable {
            let p = cands[i];
            if (*p).has_flag(flags::HAS_WEAKREFS) {
                for (wr, cb) in crate::finalize::gc_clear_weakrefs(p as usize) {
                    match cand_index(&wr, &cands) {
                        Some(j) if !reach[j] => {
                            deferred_drops.push(wr);
                            deferred_drops.push(cb);
                        }
                        _ => weak_calls.push((wr, cb)),
                    }
                }
            }
        }
        unmark(&cands);
    }
    drop(world);
    drop(deferred_drops);
    drop(cands);
    // ---- Phase 2: world running: weakref callbacks, then finalizers.
    for (wr, cb) in &weak_calls {
        if let Err(e) = crate::ops::call(ts, cb, &[wr.clone()]) {
            crate::ops::write_unraisable(ts, &e, Some("Exception ignored while calling weakref callback"), Some(cb));
        }
    }
    drop(weak_calls);
    let mut finalized_any = false;
    for obj in &held {
        if crate::finalize::gc_finalize(ts, obj) {
            finalized_any = true;
        }
    }
    // Finalizers may have broken cycles (a closed generator drops its
    // frame): what only the collector still refers to would have been freed
    // by reference counting in CPython, where the collector holds no
    // references; free it now, uncounted.
    if finalized_any {
        loop {
            let before = held.len();
            let (dead, live): (Vec<Value>, Vec<Value>) =
                held.into_iter().partition(|v| v.header().map(|h| h.refcount() == 1).unwrap_or(false));
            held = live;
            drop(dead);
            if held.len() == before {
                break;
            }
        }
    }
    // ---- Phase 3: resurrection check.
    if finalized_any && !held.is_empty() {
        match crate::interp::stop_the_world(ts, std::time::Duration::from_secs(2)) {
            None => {
                // Cannot check: keep everything (sound, collects nothing).
                held.clear();
            }
            Some(world) => {
                let set: Vec<*const ObjHeader> = held.iter().map(|v| v.header_ptr()).collect();
                // SAFETY: world stopped by us; `held` keeps each object alive.
                let reach = unsafe {
                    mark(&set);
                    let mut gc_refs: Vec<isize> = set.iter().map(|&p| refcount_of(p) - 1).collect();
                    count_frame_refs(&world, &set, &mut gc_refs);
                    let r = reachable(&set, gc_refs);
                    unmark(&set);
                    r
                };
                drop(world);
                let mut keep = Vec::with_capacity(held.len());
                let mut revived = Vec::new();
                for (i, v) in held.into_iter().enumerate() {
                    if reach[i] { revived.push(v) } else { keep.push(v) }
                }
                held = keep;
                drop(revived);
            }
        }
    }
    let n = held.iter().filter(|v| !hidden.contains(&v.id())).count();
    if debug & DEBUG_COLLECTABLE != 0 {
        for v in &held {
            eprintln!("gc: collectable <{} {:#x}>", v.type_ref().name(), v.id());
        }
    }
    // ---- Phase 4: break the cycles.
    if debug & DEBUG_SAVEALL != 0 {
        if let Some(l) = st.garbage.downcast::<crate::seq::PyList>() {
            for v in held.drain(..) {
                l.push(v);
            }
        }
    } else {
        for v in &held {
            // SAFETY: `held` keeps the object alive; it is unreachable from
            // everything but other garbage, so nobody else uses it.
            unsafe { crate::object::clear_ptr(v.header_ptr()) };
        }
    }
    drop(held);
    let survivors = promote(generation, &ends);
    bump_counts(generation, st, survivors);
    IN_COLLECTION.store(false, Ordering::Relaxed);
    Some((n, 0))
}

// ---------------------------------------------------------------------------
// Introspection (`gc.get_objects`, `get_referrers`, `freeze`...).

/// Runs `f` over every tracked object from generation `generation`
/// (`None`: all, the permanent generation included) with the world stopped.
/// `f` must not run Python code or drop references.
fn with_all_tracked<R>(ts: &ThreadState, generation: Option<usize>, f: impl FnOnce(&[*const ObjHeader]) -> R) -> Option<R> {
    let world = crate::interp::stop_the_world(ts, std::time::Duration::from_secs(2))?;
    let mut objs = Vec::new();
    for id in 0..nregs() {
        let g = reg(id).inner.lock();
        let (a, b) = match generation {
            None => (0, g.slots.len()),
            Some(0) => (g.gen0, g.slots.len()),
            Some(1) => (g.gen1, g.gen0),
            Some(_) => (g.frozen, g.gen1),
        };
        objs.extend(g.slots[a..b].iter().filter(|&&p| p != 0).map(|&p| p as *const ObjHeader));
    }
    // Objects whose count is zero are dead (leaked by a cross-thread
    // decref) and must not be revived.
    // Deferred objects live until a collection frees them, even at zero
    // (a running frame may hold them uncounted).
    // SAFETY: tracked objects are allocated while the world is stopped.
    objs.retain(|&p| refcount_of(p) > 0 || unsafe { (*p).local_word() } >= crate::header::DEFERRED_BASE);
    let r = f(&objs);
    drop(world);
    Some(r)
}

fn stw_failed() -> crate::error::PyErr {
    crate::err!(RuntimeError, "gc: other threads did not reach a safe point")
}

/// `gc.get_objects(generation)`.
pub fn get_objects(ts: &ThreadState, generation: Option<usize>) -> PyResult<Vec<Value>> {
    // SAFETY: with the world stopped every listed object is alive with a
    // positive count, so taking a new reference is sound.
    with_all_tracked(ts, generation, |objs| objs.iter().map(|&p| unsafe { Value::from_borrowed(p) }).collect())
        .ok_or_else(stw_failed)
}

/// `gc.get_referrers(*objs)`.
pub fn get_referrers(ts: &ThreadState, targets: &[Value]) -> PyResult<Vec<Value>> {
    let ids: Vec<usize> = targets.iter().filter(|v| !v.is_small_int()).map(|v| v.id()).collect();
    with_all_tracked(ts, None, |objs| {
        let mut out = Vec::new();
        for &p in objs {
            let mut hit = false;
            // SAFETY: world stopped; p is alive.
            unsafe { crate::object::traverse_ptr(p, &mut |v| hit |= !v.is_small_int() && ids.contains(&v.id())) };
            if hit {
                // SAFETY: alive with a positive count (see with_all_tracked).
                out.push(unsafe { Value::from_borrowed(p) });
            }
        }
        out
    })
    .ok_or_else(stw_failed)
}

/// `gc.get_referents(*objs)`.
pub fn get_referents(objs: &[Value]) -> Vec<Value> {
    let mut out = Vec::new();
    for o in objs {
        if o.is_small_int() {
            continue;
        }
        // Only GC-capable objects report referents, as CPython's tp_traverse
        // (code objects are GC-capable here only to be deferred).
        // SAFETY: `o` keeps the object alive.
        if !unsafe { is_gc(o.header_ptr()) } || o.type_ref().payload_kind() == crate::kinds::CODE {
            continue;
        }
        crate::object::traverse(o, &mut |v| out.push(v.clone()));
    }
    out
}

/// `gc.freeze()`: every tracked object moves to the permanent generation.
pub fn freeze() {
    for id in 0..nregs() {
        let mut g = reg(id).inner.lock();
        let n = g.slots.len();
        g.frozen = n;
        g.gen1 = n;
        g.gen0 = n;
        reg(id).count.store(0, Ordering::Relaxed);
    }
}

/// `gc.unfreeze()`: the permanent generation goes back into the oldest one.
pub fn unfreeze() {
    for id in 0..nregs() {
        reg(id).inner.lock().frozen = 0;
    }
}

/// Whether definitions are deferred: set when the first extra thread
/// starts (`defer_definitions`); from then on new ones are deferred as they
/// are made (`defer_new_function` and the like).
static DEFINITIONS_DEFERRED: AtomicBool = AtomicBool::new(false);

/// Whether threads share definitions now (see `DEFINITIONS_DEFERRED`).
#[inline]
pub fn definitions_deferred() -> bool {
    DEFINITIONS_DEFERRED.load(Ordering::Relaxed)
}

/// How a definition is shared by threads (`Stopped`: the world is stopped;
/// `Fresh`: made by this thread, which may defer only what it alone counts).
#[derive(Clone, Copy, PartialEq)]
enum Sharing {
    Stopped,
    Fresh,
}

/// Makes `v` a shared definition: a GC-capable object is tracked and
/// deferred (`deferred`: counted per thread, freed by the collector);
/// another (a str, int, float or bytes: no references of its own) is made
/// immortal. Small ints have no header: nothing to do.
fn defer_value(v: &Value, how: Sharing) {
    let Some(h) = v.header() else { return };
    if h.never_freed_by_decref() {
        return;
    }
    let p = v.header_ptr();
    // SAFETY: `v` keeps the object alive.
    if unsafe { is_gc(p) } {
        if how == Sharing::Fresh && h.owner() != crate::header::current_thread_id() {
            return;
        }
        // SAFETY: live and GC-capable; with the world stopped, or owned by
        // this thread (checked), nobody else tracks or untracks it now.
        unsafe { track(p) };
        if !is_tracked(v) {
            return;
        }
        match how {
            // SAFETY: the world is stopped; live, tracked and GC-capable.
            Sharing::Stopped => unsafe { crate::deferred::make_deferred(h) },
            Sharing::Fresh => crate::deferred::defer_new(h),
        };
    } else {
        immortalize_constant(v, how);
    }
}

/// Defers a function's code and the code of the functions it makes (a
/// constant), and makes its names and other constants immortal, as CPython
/// 3.14t does: LOAD_CONST counts them on every use, and MAKE_FUNCTION
/// copies a code's name and qualname into each function it makes.
fn defer_code(code: &Value, how: Sharing) {
    defer_value(code, how);
    let Some(c) = code.downcast::<crate::code::PyCode>() else { return };
    for v in [&c.name, &c.qualname, &c.filename] {
        immortalize_constant(v, how);
    }
    for k in c.consts.iter() {
        if k.downcast::<crate::code::PyCode>().is_some() {
            defer_code(k, how);
        } else {
            immortalize_constant(k, how);
        }
    }
}

/// Makes a code constant immortal, with the items of a constant tuple
/// (constants refer to nothing mutable, so they hold no cycle the
/// collector would have to break).
fn immortalize_constant(v: &Value, how: Sharing) {
    let Some(h) = v.header() else { return };
    if h.never_freed_by_decref() {
        return;
    }
    // A fresh code's constant may be counted by other threads already only
    // through the shared count; this thread, its owner, is the only writer
    // of the local one the mark goes into.
    if how == Sharing::Fresh && (h.owner() != crate::header::current_thread_id() || h.shared_part() != 0) {
        return;
    }
    h.make_immortal();
    for item in crate::seq::tuple_items(v).unwrap_or(&[]) {
        immortalize_constant(item, how);
    }
}

/// Defers the values in the namespaces of `t` and its MRO: type lookups
/// (`__new__`, `__init__`, methods, class constants) return them counted,
/// on every instantiation and call.
/// `done` holds the types already seen (bases are shared by many classes).
fn defer_namespaces(t: crate::object::TypeRef, done: &mut std::collections::HashSet<usize>, how: Sharing) {
    for c in t.mro() {
        if !done.insert(c.ptr()) {
            continue;
        }
        for value in c.data().dict_data().values() {
            defer_value(&value, how);
        }
    }
}

/// Defers a function: its code, closure cells (a method's `__class__`) and
/// defaults (a `_sentinel=[]`), which every call copies into its frame.
fn defer_function(f: &crate::function::PyFunction, how: Sharing) {
    // SAFETY: the function's current code is alive while it is; the view
    // is never dropped.
    let code = std::mem::ManuallyDrop::new(unsafe { Value::from_raw(f.code.current_ptr()) });
    defer_code(&code, how);
    let guard = crate::qsbr::ReadGuard::new();
    for t in [f.closure.read(&guard), f.defaults.read(&guard)].into_iter().flatten() {
        for c in std::iter::once(&*t).chain(crate::seq::tuple_items(&t).unwrap_or(&[])) {
            defer_value(c, how);
        }
    }
    drop(guard);
}

/// A new module-level or class-level function, once threads share
/// definitions (CPython 3.14t defers functions that are not nested): it is
/// deferred with its code and defaults.
pub fn defer_new_function(func: &Value) {
    if let Some(f) = func.downcast::<crate::function::PyFunction>() {
        defer_function(f, Sharing::Fresh);
        defer_value(func, Sharing::Fresh);
    }
}

/// A new class (with the values of its namespace) or module (with its
/// dict), once threads share definitions.
pub fn defer_new_definition(v: &Value) {
    if let Some(m) = v.downcast::<crate::cell::PyModule>() {
        defer_value(&m.dict, Sharing::Fresh);
    } else if let Some(t) = crate::object::TypeRef::from_value(v) {
        for value in t.data().dict_data().values() {
            defer_value(&value, Sharing::Fresh);
        }
    }
    defer_value(v, Sharing::Fresh);
}

/// A module-level value `defer_definitions` treats as a definition:
/// a builtin function (`len`, `math.sqrt`: looked up as globals and called
/// by every thread) or an immutable scalar bound at import (a module
/// constant; its code object's constant, immortal in CPython 3.13's
/// free-threaded build, is gone by then).
fn is_module_constant(v: &Value) -> bool {
    let t = v.type_ref();
    let ty = &crate::runtime::rt().types;
    t == ty.builtin_function || t == ty.str || t == ty.int || t == ty.float || t == ty.bytes
}

/// `gc.get_freeze_count()`.
pub fn freeze_count() -> usize {
    let mut n = 0;
    for id in 0..nregs() {
        let g = reg(id).inner.lock();
        n += g.slots[..g.frozen].iter().filter(|&&p| p != 0).count();
    }
    n
}

/// Defers the program's definitions (see `deferred`): every tracked
/// function (with its code, globals, builtins, closure cells and
/// defaults), module (with its dict, builtin functions and scalar
/// constants) and class (with the values of its and its bases' namespaces,
/// builtin classes' included). Called once, when the first extra thread
/// starts, as CPython 3.13t made them immortal then: from now on threads
/// share these without writing their reference counts (a non-owner's count
/// is an atomic read-modify-write on a shared cache line), and what is made
/// later is deferred as it is made. Scalars (no references of their own,
/// not GC-capable) become immortal instead.
pub fn defer_definitions(ts: &ThreadState) {
    let mut types_done = std::collections::HashSet::new();
    let how = Sharing::Stopped;
    let _ = with_all_tracked(ts, None, |objs| {
        DEFINITIONS_DEFERRED.store(true, Ordering::Relaxed);
        for &p in objs {
            // SAFETY: with the world stopped every listed object is alive;
            // the view is never dropped, so no count changes.
            let v = std::mem::ManuallyDrop::new(unsafe { Value::from_raw(p) });
            let kind = v.type_ref().payload_kind();
            if kind == crate::kinds::FUNCTION {
                if let Some(f) = v.downcast::<crate::function::PyFunction>() {
                    defer_function(f, how);
                    for d in [&f.globals, &f.builtins] {
                        defer_value(d, how);
                    }
                }
            } else if kind == crate::kinds::MODULE {
                if let Some(m) = v.downcast::<crate::cell::PyModule>() {
                    defer_value(&m.dict, how);
                    if let Some(d) = m.dict.downcast::<crate::dict::PyDict>() {
                        for value in d.values() {
                            if is_module_constant(&value) {
                                defer_value(&value, how);
                            } else if let Some(t) = crate::object::TypeRef::from_value(&value) {
                                // Builtin classes (`ValueError`) are immortal
                                // but untracked: reached only from here.
                                defer_namespaces(t, &mut types_done, how);
                            }
                        }
                    }
                }
            } else if kind == crate::kinds::TYPE {
                if let Some(t) = crate::object::TypeRef::from_value(&v) {
                    defer_namespaces(t, &mut types_done, how);
                }
            } else {
                continue;
            }
            defer_value(&v, how);
        }
    });
}
