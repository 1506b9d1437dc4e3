//! `_random`: the Mersenne Twister (MT19937) behind `random.Random`, seeded
//! the way CPython seeds it (init_by_array over the 32-bit words of the
//! seed's absolute value), so sequences match CPython bit for bit.

use std::sync::OnceLock;

use num_bigint::{BigInt, Sign};
use parking_lot::Mutex;
use spindle_num::Int;
use spindle_vm::builtins_init::numbers::{from_int, to_int};
use spindle_vm::function::Args;
use spindle_vm::interp::ThreadState;
use spindle_vm::native::{add_methods, add_value, new_module, new_type, set_new};
use spindle_vm::num::{new_float, new_int};
use spindle_vm::object::{PyPayload, TypeRef, alloc};
use spindle_vm::runtime::{is_none, none};
use spindle_vm::seq::{new_tuple, tuple_items};
use spindle_vm::{PyResult, Value, ops, raise};

use super::{cls_of, exact, index_int, this, urandom};

const N: usize = 624;
const M: usize = 397;

pub(crate) struct Mt {
    state: [u32; N],
    index: usize,
}

impl Mt {
    fn new() -> Mt {
        Mt { state: [0; N], index: N + 1 }
    }

    fn init_genrand(&mut self, s: u32) {
        self.state[0] = s;
        for i in 1..N {
            let p = self.state[i - 1];
            self.state[i] = 1_812_433_253u32.wrapping_mul(p ^ (p >> 30)).wrapping_add(i as u32);
        }
        self.index = N;
    }

    fn init_by_array(&mut self, key: &[u32]) {
        self.init_genrand(19_650_218);
        let (mut i, mut j) = (1usize, 0usize);
        let len = key.len().max(1);
        for _ in 0..N.max(len) {
            let p = self.state[i - 1];
            let k = key.get(j).copied().unwrap_or(0);
            self.state[i] = (self.state[i] ^ (p ^ (p >> 30)).wrapping_mul(1_664_525)).wrapping_add(k).wrapping_add(j as u32);
            i += 1;
            j += 1;
            if i >= N {
                self.state[0] = self.state[N - 1];
                i = 1;
            }
            if j >= len {
                j = 0;
            }
        }
        for _ in 0..N - 1 {
            let p = self.state[i - 1];
            self.state[i] = (self.state[i] ^ (p ^ (p >> 30)).wrapping_mul(1_566_083_941)).wrapping_sub(i as u32);
            i += 1;
            if i >= N {
                self.state[0] = self.state[N - 1];
                i = 1;
            }
        }
        self.state[0] = 0x8000_0000;
        self.index = N;
    }

    fn twist(&mut self) {
        let mag = |y: u32| if y & 1 == 1 { 0x9908_b0df } else { 0 };
        for k in 0..N {
            let y = (self.state[k] & 0x8000_0000) | (self.state[(k + 1) % N] & 0x7fff_ffff);
            self.state[k] = self.state[(k + M) % N] ^ (y >> 1) ^ mag(y);
        }
        self.index = 0;
    }

    fn next_u32(&mut self) -> u32 {
        if self.index >= N {
            if self.index > N {
                self.init_genrand(5489);
            }
            self.twist();
        }
        let mut y = self.state[self.index];
        self.index += 1;
        y ^= y >> 11;
        y ^= (y << 7) & 0x9d2c_5680;
        y ^= (y << 15) & 0xefc6_0000;
        y ^= y >> 18;
        y
    }

    fn random(&mut self) -> f64 {
        let a = (self.next_u32() >> 5) as f64;
        let b = (self.next_u32() >> 6) as f64;
        (a * 67_108_864.0 + b) * (1.0 / 9_007_199_254_740_992.0)
    }
}

pub(crate) struct PyRandom {
    mt: Mutex<Mt>,
}

impl PyPayload for PyRandom {
    const KIND: spindle_vm::object::PayloadKind = crate::kinds::kind(crate::kinds::MATH_BASE + 1);
}

static TYPE: OnceLock<TypeRef> = OnceLock::new();

fn words_of(b: &BigInt) -> Vec<u32> {
    let (_, mut w) = b.to_u32_digits();
    if w.is_empty() {
        w.push(0);
    }
    w
}

fn seed_with(ts: &ThreadState, mt: &mut Mt, arg: Option<&Value>) -> PyResult<()> {
    let key = match arg {
        None => {
            let b = urandom(N * 4);
            b.chunks(4).map(|c| u32::from_le_bytes([c[0], c[1], c[2], c[3]])).collect()
        }
        Some(v) if is_none(v) => {
            let b = urandom(N * 4);
            b.chunks(4).map(|c| u32::from_le_bytes([c[0], c[1], c[2], c[3]])).collect()
        }
        Some(v) => match to_int(v) {
            Some(i) => words_of(&i.to_bigint()),
            None => {
                let h = ops::hash(ts, v)? as u64;
                words_of(&BigInt::from(h))
            }
        },
    };
    mt.init_by_array(&key);
    Ok(())
}

fn r_new(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let cls = cls_of(&a)?;
    let ty = TYPE.get().copied();
    if Some(cls) == ty && a.has_kwargs() {
        raise!(TypeError, "Random() takes no keyword arguments");
    }
    let mut mt = Mt::new();
    let arg = if Some(cls) == ty { a.positional().get(1) } else { None };
    if Some(cls) == ty && a.positional().len() > 2 {
        raise!(TypeError, "Random() expected at most 1 argument, got {}", a.positional().len() - 1);
    }
    seed_with(ts, &mut mt, arg)?;
    Ok(alloc(cls, PyRandom { mt: Mutex::new(mt) }))
}

fn r_init(_ts: &ThreadState, _a: Args<'_>) -> PyResult<Value> {
    Ok(none())
}

fn r_seed(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let (_, r) = this::<PyRandom>(&a, "_random.Random")?;
    let v = exact("seed", &a, 1, 0, 1)?;
    let mut mt = Mt::new();
    seed_with(ts, &mut mt, v.first())?;
    *r.mt.lock() = mt;
    Ok(none())
}

fn r_random(_ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let (_, r) = this::<PyRandom>(&a, "_random.Random")?;
    exact("random", &a, 1, 0, 0)?;
    Ok(new_float(r.mt.lock().random()))
}

fn r_getrandbits(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let (_, r) = this::<PyRandom>(&a, "_random.Random")?;
    let v = exact("getrandbits", &a, 1, 1, 1)?;
    let k = index_int(ts, &v[0])?;
    if k.is_negative() {
        raise!(ValueError, "Cannot convert negative int");
    }
    let Some(mut k) = k.to_i64() else { raise!(OverflowError, "Python int too large to convert to C int") };
    if k > i32::MAX as i64 {
        raise!(OverflowError, "Python int too large to convert to C int");
    }
    if k == 0 {
        return Ok(new_int(0));
    }
    let mut mt = r.mt.lock();
    if k <= 32 {
        return Ok(new_int((mt.next_u32() >> (32 - k)) as i64));
    }
    let mut words = Vec::with_capacity(((k + 31) / 32) as usize);
    while k > 0 {
        let mut w = mt.next_u32();
        if k < 32 {
            w >>= 32 - k;
        }
        words.push(w);
        k -= 32;
    }
    Ok(from_int(Int::from(BigInt::from_slice(Sign::Plus, &words))))
}

fn r_getstate(_ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let (_, r) = this::<PyRandom>(&a, "_random.Random")?;
    let mt = r.mt.lock();
    let mut items: Vec<Value> = mt.state.iter().map(|w| new_int(*w as i64)).collect();
    items.push(new_int(mt.index as i64));
    Ok(new_tuple(items))
}

fn r_setstate(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let (_, r) = this::<PyRandom>(&a, "_random.Random")?;
    let v = exact("setstate", &a, 1, 1, 1)?;
    let Some(items) = tuple_items(&v[0]) else { raise!(TypeError, "state vector must be a tuple") };
    if items.len() != N + 1 {
        raise!(ValueError, "state vector is the wrong size");
    }
    let mut mt = Mt::new();
    for (i, it) in items.iter().take(N).enumerate() {
        let x = index_int(ts, it)?;
        let w = x.to_i64().filter(|w| (0..=u32::MAX as i64).contains(w));
        let Some(w) = w else { raise!(OverflowError, "Python int too large to convert to C unsigned long") };
        mt.state[i] = w as u32;
    }
    let idx = index_int(ts, &items[N])?.to_i64().unwrap_or(-1);
    if idx < 0 || idx > N as i64 {
        raise!(ValueError, "invalid state");
    }
    mt.index = idx as usize;
    *r.mt.lock() = mt;
    Ok(none())
}

pub(crate) fn init(_ts: &ThreadState) -> PyResult<Value> {
    let t = *TYPE.get_or_init(|| {
        let t = new_type::<PyRandom>("Random", "_random", None, true);
        set_new(t, r_new);
        add_methods(
            t,
            &[
                ("__init__", r_init),
                ("seed", r_seed),
                ("random", r_random),
                ("getrandbits", r_getrandbits),
                ("getstate", r_getstate),
                ("setstate", r_setstate),
            ],
        );
        t
    });
    let m = new_module("_random", &[]);
    add_value(&m, "Random", t.to_value());
    Ok(m)
}
