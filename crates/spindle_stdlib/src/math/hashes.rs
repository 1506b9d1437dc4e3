//! The hashlib backends `_md5`, `_sha1`, `_sha2`, `_sha3` and `_blake2`
//! (hash objects with update/digest/hexdigest/copy, name, digest_size,
//! block_size), on the RustCrypto digest crates; BLAKE2 takes CPython's
//! digest_size/key/salt/person parameters.

use std::sync::OnceLock;

use blake2::digest::core_api::{Buffer, UpdateCore, VariableOutputCore};
use blake2::digest::{Digest, ExtendableOutput, Update};
use blake2::{Blake2bVarCore, Blake2sVarCore};
use parking_lot::Mutex;
use spindle_vm::bytes::new_bytes;
use spindle_vm::function::Args;
use spindle_vm::interp::ThreadState;
use spindle_vm::native::{add_fn, add_methods, add_value, new_module, new_type};
use spindle_vm::num::new_int;
use spindle_vm::object::{PyPayload, TypeRef, alloc};
use spindle_vm::runtime::{is_none, none, rt};
use spindle_vm::str::{as_str, new_str};
use spindle_vm::{PyResult, Value, ops, raise};

use super::{add_getter, bytes_of, exact, index_i64, opt_bool, this};

/// Data to hash: a bytes-like object, with the hash modules' TypeError.
fn buffer_of(ts: &ThreadState, v: &Value) -> PyResult<Vec<u8>> {
    bytes_of(ts, v, "").map_err(|e| {
        if e.is_instance(spindle_vm::runtime::rt().exc.TypeError) {
            spindle_vm::err!(TypeError, "object supporting the buffer API required")
        } else {
            e
        }
    })
}

/// BLAKE2 over a variable-output core, keeping the last block back as
/// BLAKE2's finalization needs.
#[derive(Clone)]
struct Blake<C: Clone> {
    core: C,
    pending: Vec<u8>,
    size: usize,
    block: usize,
}

macro_rules! blake_impl {
    ($core:ty) => {
        impl Blake<$core> {
            fn update(&mut self, data: &[u8]) {
                self.pending.extend_from_slice(data);
                if self.pending.len() > self.block {
                    let n = (self.pending.len() - 1) / self.block * self.block;
                    let blocks: Vec<blake2::digest::core_api::Block<$core>> = self.pending[..n]
                        .chunks(self.block)
                        .map(blake2::digest::generic_array::GenericArray::clone_from_slice)
                        .collect();
                    self.core.update_blocks(&blocks);
                    self.pending.drain(..n);
                }
            }

            fn finish(&self) -> Vec<u8> {
                let mut core = self.core.clone();
                let mut buf = Buffer::<$core>::new(&self.pending);
                let mut out = blake2::digest::Output::<$core>::default();
                core.finalize_variable_core(&mut buf, &mut out);
                out[..self.size].to_vec()
            }
        }
    };
}
blake_impl!(Blake2bVarCore);
blake_impl!(Blake2sVarCore);

#[derive(Clone)]
enum State {
    Md5(md5::Md5),
    Sha1(sha1::Sha1),
    Sha224(sha2::Sha224),
    Sha256(sha2::Sha256),
    Sha384(sha2::Sha384),
    Sha512(sha2::Sha512),
    Sha3_224(sha3::Sha3_224),
    Sha3_256(sha3::Sha3_256),
    Sha3_384(sha3::Sha3_384),
    Sha3_512(sha3::Sha3_512),
    Shake128(sha3::Shake128),
    Shake256(sha3::Shake256),
    B2b(Blake<Blake2bVarCore>),
    B2s(Blake<Blake2sVarCore>),
}

impl State {
    fn update(&mut self, d: &[u8]) {
        match self {
            State::Md5(h) => Digest::update(h, d),
            State::Sha1(h) => Digest::update(h, d),
            State::Sha224(h) => Digest::update(h, d),
            State::Sha256(h) => Digest::update(h, d),
            State::Sha384(h) => Digest::update(h, d),
            State::Sha512(h) => Digest::update(h, d),
            State::Sha3_224(h) => Digest::update(h, d),
            State::Sha3_256(h) => Digest::update(h, d),
            State::Sha3_384(h) => Digest::update(h, d),
            State::Sha3_512(h) => Digest::update(h, d),
            State::Shake128(h) => Update::update(h, d),
            State::Shake256(h) => Update::update(h, d),
            State::B2b(h) => h.update(d),
            State::B2s(h) => h.update(d),
        }
    }

    /// The digest; `xof_len` bytes of a SHAKE (a length Python chose, so
    /// MemoryError when it cannot be had).
    fn digest(&self, xof_len: usize) -> PyResult<Vec<u8>> {
        Ok(match self.clone() {
            State::Md5(h) => h.finalize().to_vec(),
            State::Sha1(h) => h.finalize().to_vec(),
            State::Sha224(h) => h.finalize().to_vec(),
            State::Sha256(h) => h.finalize().to_vec(),
            State::Sha384(h) => h.finalize().to_vec(),
            State::Sha512(h) => h.finalize().to_vec(),
            State::Sha3_224(h) => h.finalize().to_vec(),
            State::Sha3_256(h) => h.finalize().to_vec(),
            State::Sha3_384(h) => h.finalize().to_vec(),
            State::Sha3_512(h) => h.finalize().to_vec(),
            State::Shake128(h) => {
                let mut out = spindle_vm::memory::zeroed_bytes(xof_len)?;
                h.finalize_xof_into(&mut out);
                out
            }
            State::Shake256(h) => {
                let mut out = spindle_vm::memory::zeroed_bytes(xof_len)?;
                h.finalize_xof_into(&mut out);
                out
            }
            State::B2b(h) => h.finish(),
            State::B2s(h) => h.finish(),
        })
    }
}

pub(crate) struct PyHash {
    name: &'static str,
    digest_size: usize,
    block_size: usize,
    st: Mutex<State>,
}

impl PyPayload for PyHash {
    const KIND: spindle_vm::object::PayloadKind = crate::kinds::kind(crate::kinds::MATH_BASE + 30);
}

const ALGOS: [(&str, &str, &str, usize, usize); 14] = [
    // (name, module, type name, digest size, block size)
    ("md5", "_md5", "MD5Type", 16, 64),
    ("sha1", "_sha1", "SHA1Type", 20, 64),
    ("sha224", "_sha2", "SHA224Type", 28, 64),
    ("sha256", "_sha2", "SHA256Type", 32, 64),
    ("sha384", "_sha2", "SHA384Type", 48, 128),
    ("sha512", "_sha2", "SHA512Type", 64, 128),
    ("sha3_224", "_sha3", "sha3_224", 28, 144),
    ("sha3_256", "_sha3", "sha3_256", 32, 136),
    ("sha3_384", "_sha3", "sha3_384", 48, 104),
    ("sha3_512", "_sha3", "sha3_512", 64, 72),
    ("shake_128", "_sha3", "shake_128", 0, 168),
    ("shake_256", "_sha3", "shake_256", 0, 136),
    ("blake2b", "_blake2", "blake2b", 64, 128),
    ("blake2s", "_blake2", "blake2s", 32, 64),
];

static TYPES: OnceLock<Vec<TypeRef>> = OnceLock::new();

fn types() -> &'static Vec<TypeRef> {
    TYPES.get_or_init(|| {
        ALGOS
            .iter()
            .map(|(name, module, tname, _, _)| {
                let t = new_type::<PyHash>(tname, module, None, false);
                add_methods(
                    t,
                    &[("update", h_update), ("digest", h_digest), ("hexdigest", h_hexdigest), ("copy", h_copy), ("__repr__", h_repr)],
                );
                add_getter(t, "name", h_name);
                add_getter(t, "digest_size", h_digest_size);
                add_getter(t, "block_size", h_block_size);
                let _ = name;
                t
            })
            .collect()
    })
}

fn fresh(i: usize) -> State {
    match i {
        0 => State::Md5(md5::Md5::new()),
        1 => State::Sha1(sha1::Sha1::new()),
        2 => State::Sha224(sha2::Sha224::new()),
        3 => State::Sha256(sha2::Sha256::new()),
        4 => State::Sha384(sha2::Sha384::new()),
        5 => State::Sha512(sha2::Sha512::new()),
        6 => State::Sha3_224(sha3::Sha3_224::new()),
        7 => State::Sha3_256(sha3::Sha3_256::new()),
        8 => State::Sha3_384(sha3::Sha3_384::new()),
        9 => State::Sha3_512(sha3::Sha3_512::new()),
        10 => State::Shake128(sha3::Shake128::default()),
        _ => State::Shake256(sha3::Shake256::default()),
    }
}

fn make(i: usize, st: State, digest_size: usize) -> PyResult<Value> {
    let (name, _, _, _, bs) = ALGOS[i];
    let t = types().get(i).copied().unwrap_or(rt().types.object);
    Ok(alloc(t, PyHash { name, digest_size, block_size: bs, st: Mutex::new(st) }))
}

/// The initial data of a constructor: `data` or the legacy `string` keyword.
fn init_data(ts: &ThreadState, a: &Args<'_>, fname: &str, extra: &[&str]) -> PyResult<(Option<Vec<u8>>, Vec<(String, Value)>)> {
    let pos = a.positional();
    if pos.len() > 1 {
        raise!(TypeError, "{}() takes at most 1 positional argument ({} given)", fname, pos.len());
    }
    let mut data = pos.first().cloned();
    let mut rest = Vec::new();
    for (k, v) in a.kwargs() {
        match k {
            "data" | "string" => {
                if data.is_some() {
                    raise!(TypeError, "'data' and 'string' are mutually exclusive and support for 'string' keyword parameter is slated for removal in a future version.");
                }
                data = Some(v.clone());
            }
            "usedforsecurity" => {}
            k if extra.contains(&k) => rest.push((k.to_owned(), v.clone())),
            k => raise!(TypeError, "{}() got an unexpected keyword argument '{}'", fname, k),
        }
    }
    let d = match data {
        Some(v) if !is_none(&v) => {
            if as_str(&v).is_some() {
                raise!(TypeError, "Strings must be encoded before hashing");
            }
            Some(buffer_of(ts, &v)?)
        }
        _ => None,
    };
    Ok((d, rest))
}

fn construct(ts: &ThreadState, a: &Args<'_>, i: usize) -> PyResult<Value> {
    let (data, _) = init_data(ts, a, ALGOS[i].0, &[])?;
    let mut st = fresh(i);
    if let Some(d) = data {
        st.update(&d);
    }
    make(i, st, ALGOS[i].3)
}

macro_rules! ctor {
    ($f:ident, $i:expr) => {
        fn $f(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
            construct(ts, &a, $i)
        }
    };
}
ctor!(n_md5, 0);
ctor!(n_sha1, 1);
ctor!(n_sha224, 2);
ctor!(n_sha256, 3);
ctor!(n_sha384, 4);
ctor!(n_sha512, 5);
ctor!(n_sha3_224, 6);
ctor!(n_sha3_256, 7);
ctor!(n_sha3_384, 8);
ctor!(n_sha3_512, 9);
ctor!(n_shake128, 10);
ctor!(n_shake256, 11);

const BLAKE_KW: [&str; 11] =
    ["digest_size", "key", "salt", "person", "fanout", "depth", "leaf_size", "node_offset", "node_depth", "inner_size", "last_node"];

fn blake(ts: &ThreadState, a: &Args<'_>, big: bool) -> PyResult<Value> {
    let name = if big { "blake2b" } else { "blake2s" };
    let (data, kws) = init_data(ts, a, name, &BLAKE_KW)?;
    let maxd = if big { 64 } else { 32 };
    let maxsp = if big { 16 } else { 8 };
    let mut size = maxd;
    let (mut key, mut salt, mut person) = (Vec::new(), Vec::new(), Vec::new());
    for (k, v) in &kws {
        match k.as_str() {
            "digest_size" => {
                let n = index_i64(ts, v)?;
                if n < 1 || n > maxd as i64 {
                    let label = if big { "Blake2b" } else { "Blake2s" };
                    raise!(ValueError, "digest_size for {} must be between 1 and {} bytes, here it is {}", label, maxd, n);
                }
                size = n as usize;
            }
            "key" => key = bytes_of(ts, v, "")?,
            "salt" => salt = bytes_of(ts, v, "")?,
            "person" => person = bytes_of(ts, v, "")?,
            "last_node" => {
                let _ = opt_bool(ts, &Some(v.clone()), false)?;
            }
            _ => {
                let n = index_i64(ts, v)?;
                let default = match k.as_str() {
                    "fanout" | "depth" => 1,
                    _ => 0,
                };
                if n != default {
                    raise!(ValueError, "{}: only sequential (non-tree) hashing is supported, {} must be {}", name, k, default);
                }
            }
        }
    }
    if key.len() > maxd {
        raise!(ValueError, "maximum key length is {} bytes", maxd);
    }
    if salt.len() > maxsp {
        raise!(ValueError, "maximum salt length is {} bytes", maxsp);
    }
    if person.len() > maxsp {
        raise!(ValueError, "maximum person length is {} bytes", maxsp);
    }
    let block = if big { 128 } else { 64 };
    let mut st = if big {
        State::B2b(Blake { core: Blake2bVarCore::new_with_params(&salt, &person, key.len(), size), pending: Vec::new(), size, block })
    } else {
        State::B2s(Blake { core: Blake2sVarCore::new_with_params(&salt, &person, key.len(), size), pending: Vec::new(), size, block })
    };
    if !key.is_empty() {
        let mut kb = key.clone();
        kb.resize(block, 0);
        st.update(&kb);
    }
    if let Some(d) = data {
        st.update(&d);
    }
    make(if big { 12 } else { 13 }, st, size)
}

fn n_blake2b(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    blake(ts, &a, true)
}
fn n_blake2s(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    blake(ts, &a, false)
}

fn h_update(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let (_, h) = this::<PyHash>(&a, "HASH")?;
    let v = exact("update", &a, 1, 1, 1)?;
    if as_str(&v[0]).is_some() {
        raise!(TypeError, "Strings must be encoded before hashing");
    }
    let d = buffer_of(ts, &v[0])?;
    h.st.lock().update(&d);
    Ok(none())
}

fn xof_len(ts: &ThreadState, h: &PyHash, a: &Args<'_>, fname: &str) -> PyResult<usize> {
    if h.digest_size != 0 || h.name.starts_with("blake") {
        exact(fname, a, 1, 0, 0)?;
        return Ok(0);
    }
    let [n] = super::parse(fname, a, 1, ["length"], 1)?;
    let n = index_i64(ts, n.as_ref().unwrap_or(&none()))?;
    if n < 0 {
        raise!(ValueError, "negative digest length");
    }
    Ok(n as usize)
}

fn h_digest(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let (_, h) = this::<PyHash>(&a, "HASH")?;
    let n = xof_len(ts, h, &a, "digest")?;
    Ok(new_bytes(&h.st.lock().digest(n)?))
}

fn h_hexdigest(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let (_, h) = this::<PyHash>(&a, "HASH")?;
    let n = xof_len(ts, h, &a, "hexdigest")?;
    let d = h.st.lock().digest(n)?;
    let s: String = d.iter().map(|b| format!("{:02x}", b)).collect();
    Ok(new_str(&s))
}

fn h_copy(_ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let (v, h) = this::<PyHash>(&a, "HASH")?;
    let st = h.st.lock().clone();
    Ok(alloc(v.type_ref(), PyHash { name: h.name, digest_size: h.digest_size, block_size: h.block_size, st: Mutex::new(st) }))
}

fn h_repr(_ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let (v, h) = this::<PyHash>(&a, "HASH")?;
    Ok(new_str(&format!("<{} _hashlib.HASH object @ {:#x}>", h.name, v.type_ref().ptr())))
}

fn h_name(_ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let (_, h) = this::<PyHash>(&a, "HASH")?;
    Ok(new_str(h.name))
}
fn h_digest_size(_ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let (_, h) = this::<PyHash>(&a, "HASH")?;
    Ok(new_int(h.digest_size as i64))
}
fn h_block_size(_ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let (_, h) = this::<PyHash>(&a, "HASH")?;
    Ok(new_int(h.block_size as i64))
}

fn module(name: &str, fns: &[(&'static str, spindle_vm::function::NativeFnPtr)]) -> Value {
    let m = new_module(name, &[]);
    for (n, f) in fns {
        add_fn(&m, n, *f);
    }
    for (i, (_, module, tname, _, _)) in ALGOS.iter().enumerate() {
        if *module == name && !fns.iter().any(|(n, _)| n == tname) {
            if let Some(t) = types().get(i) {
                add_value(&m, tname, t.to_value());
            }
        }
    }
    let _ = ops::type_name;
    m
}

pub(crate) fn init_md5(_ts: &ThreadState) -> PyResult<Value> {
    Ok(module("_md5", &[("md5", n_md5)]))
}
pub(crate) fn init_sha1(_ts: &ThreadState) -> PyResult<Value> {
    Ok(module("_sha1", &[("sha1", n_sha1)]))
}
pub(crate) fn init_sha2(_ts: &ThreadState) -> PyResult<Value> {
    Ok(module("_sha2", &[("sha224", n_sha224), ("sha256", n_sha256), ("sha384", n_sha384), ("sha512", n_sha512)]))
}
pub(crate) fn init_sha3(_ts: &ThreadState) -> PyResult<Value> {
    let m = module(
        "_sha3",
        &[
            ("sha3_224", n_sha3_224),
            ("sha3_256", n_sha3_256),
            ("sha3_384", n_sha3_384),
            ("sha3_512", n_sha3_512),
            ("shake_128", n_shake128),
            ("shake_256", n_shake256),
        ],
    );
    add_value(&m, "implementation", new_str("RustCrypto"));
    Ok(m)
}
pub(crate) fn init_blake2(_ts: &ThreadState) -> PyResult<Value> {
    let m = module("_blake2", &[("blake2b", n_blake2b), ("blake2s", n_blake2s)]);
    for (k, v) in [
        ("BLAKE2B_SALT_SIZE", 16),
        ("BLAKE2B_PERSON_SIZE", 16),
        ("BLAKE2B_MAX_KEY_SIZE", 64),
        ("BLAKE2B_MAX_DIGEST_SIZE", 64),
        ("BLAKE2S_SALT_SIZE", 8),
        ("BLAKE2S_PERSON_SIZE", 8),
        ("BLAKE2S_MAX_KEY_SIZE", 32),
        ("BLAKE2S_MAX_DIGEST_SIZE", 32),
    ] {
        add_value(&m, k, new_int(v));
    }
    Ok(m)
}
