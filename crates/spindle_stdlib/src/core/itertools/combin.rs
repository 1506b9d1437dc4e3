//! The combinatoric iterators: product, permutations, combinations,
//! combinations_with_replacement. Their pools are tuples taken at
//! construction, so a step runs no Python code and is one critical section.

use spindle_vm::error::PyResult;
use spindle_vm::function::Args;
use spindle_vm::interp::ThreadState;
use spindle_vm::lock::ShortMutex;
use spindle_vm::native;
use spindle_vm::num::{int_to_i64, is_int, new_int};
use spindle_vm::object::alloc;
use spindle_vm::ops;
use spindle_vm::raise;
use spindle_vm::runtime::{is_none, none};
use spindle_vm::seq::new_tuple;
use spindle_vm::value::Value;

use super::{Itr, K, Visit, clinic, cls_of, rest, self_of, ssize, ty};

/// The most index slots an iterator allocates (beyond: MemoryError, as
/// CPython's allocation would fail, never an abort).
const MAX_POSITIONS: usize = 1 << 28;

pub(crate) fn add_extras() {
    for k in [K::Product, K::Permutations, K::Combinations, K::Cwr] {
        native::add_methods(ty(k), &[("__sizeof__", sizeof)]);
    }
}

/// `__sizeof__`: the object and its index arrays.
fn sizeof(_ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let Some(v) = a.args.first() else { raise!(TypeError, "__sizeof__ needs an argument") };
    let words = match v.downcast::<Itr>() {
        Some(Itr::Product(m)) => {
            let g = m.lock();
            g.indices.len() + g.pools.len()
        }
        Some(Itr::Permutations(m)) => {
            let g = m.lock();
            g.indices.len() + g.cycles.len()
        }
        Some(Itr::Combinations(m) | Itr::Cwr(m)) => m.lock().indices.len(),
        _ => {
            self_of(&a, K::Product as usize, "__sizeof__")?;
            0
        }
    };
    Ok(new_int((64 + 8 * words) as i64))
}

// ---------------------------------------------------------------- product

#[derive(Default)]
pub(crate) struct ProductSt {
    /// One tuple per position (the inputs, `repeat` times over).
    pools: Vec<Vec<Value>>,
    indices: Vec<usize>,
    started: bool,
    stopped: bool,
}

impl Visit for ProductSt {
    fn visit(&self, f: &mut dyn FnMut(&Value)) {
        for p in &self.pools {
            p.iter().for_each(&mut *f);
        }
    }
}

pub(crate) fn product_new(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let r = rest(&a);
    let npos = r.positional().len();
    let mut repeat = 1i64;
    if r.has_kwargs() {
        let kw = Args { args: &r.args[npos..], kwnames: r.kwnames };
        let p = clinic("product", kw, &["repeat"], 0, 0)?;
        if let Some(v) = &p[0] {
            repeat = ssize(ts, v)?;
        }
        if repeat < 0 {
            raise!(ValueError, "repeat argument cannot be negative");
        }
    }
    let repeat = repeat as usize;
    // CPython's bound: the index array's bytes must fit an isize.
    if repeat > 0 && npos > isize::MAX as usize / size_of::<usize>() / repeat {
        raise!(OverflowError, "repeat argument too large");
    }
    let total = npos * repeat;
    if total > MAX_POSITIONS {
        raise!(MemoryError, "");
    }
    let mut inputs = Vec::with_capacity(npos);
    for x in r.positional() {
        inputs.push(ops::collect(ts, x)?);
    }
    let mut pools = Vec::with_capacity(total);
    if npos > 0 {
        for _ in 0..repeat {
            pools.extend(inputs.iter().cloned());
        }
    }
    let st = ProductSt { indices: vec![0; pools.len()], pools, started: false, stopped: false };
    Ok(alloc(cls_of(&a, K::Product)?, Itr::Product(ShortMutex::new(st))))
}

pub(crate) fn product_next(m: &ShortMutex<ProductSt>) -> Option<Value> {
    let mut g = m.lock();
    let st = &mut *g;
    if st.stopped {
        return None;
    }
    if !st.started {
        st.started = true;
        if st.pools.iter().any(Vec::is_empty) {
            st.stopped = true;
            return None;
        }
    } else {
        // Like an odometer: the rightmost index that can still advance.
        let mut i = st.indices.len();
        loop {
            if i == 0 {
                st.stopped = true;
                return None;
            }
            i -= 1;
            st.indices[i] += 1;
            if st.indices[i] < st.pools[i].len() {
                break;
            }
            st.indices[i] = 0;
        }
    }
    let items = st.indices.iter().zip(&st.pools).map(|(&i, p)| p[i].clone()).collect();
    Some(new_tuple(items))
}

// ---------------------------------------------------------------- permutations

#[derive(Default)]
pub(crate) struct PermSt {
    pool: Vec<Value>,
    r: usize,
    indices: Vec<usize>,
    cycles: Vec<usize>,
    started: bool,
    stopped: bool,
}

impl Visit for PermSt {
    fn visit(&self, f: &mut dyn FnMut(&Value)) {
        self.pool.iter().for_each(f);
    }
}

pub(crate) fn permutations_new(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let p = clinic("permutations", rest(&a), &["iterable", "r"], 1, 2)?;
    let pool = ops::collect(ts, p[0].as_ref().unwrap_or(&none()))?;
    let n = pool.len();
    let r = match &p[1] {
        Some(v) if !is_none(v) => {
            if !is_int(v) {
                raise!(TypeError, "Expected int as r");
            }
            match int_to_i64(v) {
                Some(r) if r < 0 => raise!(ValueError, "r must be non-negative"),
                Some(r) => usize::try_from(r).unwrap_or(usize::MAX),
                None => raise!(OverflowError, "Python int too large to convert to C ssize_t"),
            }
        }
        _ => n,
    };
    // CPython allocates `r` cycle counters whatever the pool's size.
    if r > MAX_POSITIONS {
        raise!(MemoryError, "");
    }
    let st = PermSt {
        pool,
        r,
        indices: (0..n).collect(),
        cycles: if r <= n { (n - r + 1..=n).rev().collect() } else { Vec::new() },
        started: false,
        stopped: false,
    };
    Ok(alloc(cls_of(&a, K::Permutations)?, Itr::Permutations(ShortMutex::new(st))))
}

pub(crate) fn permutations_next(m: &ShortMutex<PermSt>) -> Option<Value> {
    let mut g = m.lock();
    let st = &mut *g;
    let (n, r) = (st.pool.len(), st.r);
    if st.stopped {
        return None;
    }
    if !st.started {
        st.started = true;
        if r > n {
            st.stopped = true;
            return None;
        }
    } else {
        if n == 0 {
            st.stopped = true;
            return None;
        }
        // The rightmost position whose cycle has not run out moves on;
        // the ones after it start over.
        let mut i = r;
        loop {
            if i == 0 {
                st.stopped = true;
                return None;
            }
            i -= 1;
            st.cycles[i] -= 1;
            if st.cycles[i] == 0 {
                st.indices[i..].rotate_left(1);
                st.cycles[i] = n - i;
            } else {
                let j = st.cycles[i];
                st.indices.swap(i, n - j);
                break;
            }
        }
    }
    let items = st.indices[..r].iter().map(|&i| st.pool[i].clone()).collect();
    Some(new_tuple(items))
}

// ---------------------------------------------------------------- combinations

#[derive(Default)]
pub(crate) struct CombSt {
    pool: Vec<Value>,
    r: usize,
    indices: Vec<usize>,
    started: bool,
    stopped: bool,
}

impl Visit for CombSt {
    fn visit(&self, f: &mut dyn FnMut(&Value)) {
        self.pool.iter().for_each(f);
    }
}

/// `(iterable, r)` of combinations and combinations_with_replacement.
fn pool_and_r(ts: &ThreadState, a: &Args<'_>, name: &str) -> PyResult<(Vec<Value>, usize)> {
    let p = clinic(name, rest(a), &["iterable", "r"], 2, 2)?;
    let r = ssize(ts, p[1].as_ref().unwrap_or(&none()))?;
    let pool = ops::collect(ts, p[0].as_ref().unwrap_or(&none()))?;
    if r < 0 {
        raise!(ValueError, "r must be non-negative");
    }
    // CPython allocates `r` indices whatever the pool's size.
    if r as u64 > MAX_POSITIONS as u64 {
        raise!(MemoryError, "");
    }
    Ok((pool, usize::try_from(r).unwrap_or(usize::MAX)))
}

pub(crate) fn combinations_new(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let (pool, r) = pool_and_r(ts, &a, "combinations")?;
    let indices = if r <= pool.len() { (0..r).collect() } else { Vec::new() };
    let st = CombSt { pool, r, indices, started: false, stopped: false };
    Ok(alloc(cls_of(&a, K::Combinations)?, Itr::Combinations(ShortMutex::new(st))))
}

pub(crate) fn cwr_new(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let (pool, r) = pool_and_r(ts, &a, "combinations_with_replacement")?;
    let indices = if pool.is_empty() && r > 0 { Vec::new() } else { vec![0; r] };
    let st = CombSt { pool, r, indices, started: false, stopped: false };
    Ok(alloc(cls_of(&a, K::Cwr)?, Itr::Cwr(ShortMutex::new(st))))
}

fn comb_tuple(st: &CombSt) -> Value {
    new_tuple(st.indices.iter().map(|&i| st.pool[i].clone()).collect())
}

pub(crate) fn combinations_next(m: &ShortMutex<CombSt>) -> Option<Value> {
    let mut g = m.lock();
    let st = &mut *g;
    let (n, r) = (st.pool.len(), st.r);
    if st.stopped {
        return None;
    }
    if !st.started {
        st.started = true;
        if r > n {
            st.stopped = true;
            return None;
        }
        return Some(comb_tuple(st));
    }
    // The rightmost index not yet at its highest value (n - r + i).
    let Some(i) = (0..r).rev().find(|&i| st.indices[i] != i + n - r) else {
        st.stopped = true;
        return None;
    };
    st.indices[i] += 1;
    for j in i + 1..r {
        st.indices[j] = st.indices[j - 1] + 1;
    }
    Some(comb_tuple(st))
}

pub(crate) fn cwr_next(m: &ShortMutex<CombSt>) -> Option<Value> {
    let mut g = m.lock();
    let st = &mut *g;
    let (n, r) = (st.pool.len(), st.r);
    if st.stopped {
        return None;
    }
    if !st.started {
        st.started = true;
        if n == 0 && r > 0 {
            st.stopped = true;
            return None;
        }
        return Some(comb_tuple(st));
    }
    // The rightmost index below n - 1; it and all after it take its next value.
    let Some(i) = (0..r).rev().find(|&i| st.indices[i] != n - 1) else {
        st.stopped = true;
        return None;
    };
    let v = st.indices[i] + 1;
    for x in &mut st.indices[i..] {
        *x = v;
    }
    Some(comb_tuple(st))
}
