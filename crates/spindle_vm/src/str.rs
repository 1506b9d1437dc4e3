//! The `str` payload. Storage is UTF-8 with a known-ASCII flag and a cached
//! code-point length; ASCII strings index in O(1).
//!
//! FIXME(str-storage): switch the payload to `spindle_str::PyStrData`
//! (PEP 393 storage, O(1) indexing for every string, lone surrogates).

use std::sync::atomic::{AtomicI64, Ordering};

use crate::object::{PayloadKind, PyPayload, alloc};
use crate::runtime::rt;
use crate::value::Value;

pub struct PyStr {
    s: Box<str>,
    char_len: usize,
    /// Cached hash; -1 when not computed yet (a real hash is never -1).
    hash: AtomicI64,
}

impl PyPayload for PyStr {
    const KIND: PayloadKind = crate::kinds::STR;
}

impl PyStr {
    pub fn new(s: &str) -> PyStr {
        PyStr { s: s.into(), char_len: s.chars().count(), hash: AtomicI64::new(-1) }
    }
    #[inline]
    pub fn as_str(&self) -> &str {
        &self.s
    }
    #[inline]
    pub fn char_len(&self) -> usize {
        self.char_len
    }
    #[inline]
    pub fn is_ascii(&self) -> bool {
        self.char_len == self.s.len()
    }
    pub fn char_at(&self, i: usize) -> Option<char> {
        if self.is_ascii() { self.s.as_bytes().get(i).map(|b| *b as char) } else { self.s.chars().nth(i) }
    }
    pub fn hash(&self) -> i64 {
        let h = self.hash.load(Ordering::Relaxed);
        if h != -1 {
            return h;
        }
        let h = hash_str(&self.s);
        self.hash.store(h, Ordering::Relaxed);
        h
    }
}

/// CPython's str hash: SipHash-1-3 over the PEP 393 buffer (1, 2 or 4 bytes per
/// code point, native little-endian), with the runtime's key.
pub fn hash_str(s: &str) -> i64 {
    use std::hash::Hasher;
    if s.is_empty() {
        return 0;
    }
    let (k0, k1) = rt().hash_key;
    let mut h = siphasher::sip::SipHasher13::new_with_keys(k0, k1);
    let max = s.chars().map(|c| c as u32).max().unwrap_or(0);
    if max < 0x100 {
        let bytes: Vec<u8> = s.chars().map(|c| c as u8).collect();
        h.write(&bytes);
    } else if max < 0x10000 {
        let bytes: Vec<u8> = s.chars().flat_map(|c| (c as u16).to_le_bytes()).collect();
        h.write(&bytes);
    } else {
        let bytes: Vec<u8> = s.chars().flat_map(|c| (c as u32).to_le_bytes()).collect();
        h.write(&bytes);
    }
    fix_hash(h.finish() as i64)
}

/// Python hashes are never -1 (the C API's error marker).
pub fn fix_hash(h: i64) -> i64 {
    if h == -1 { -2 } else { h }
}

pub fn new_str(s: &str) -> Value {
    if s.is_empty() {
        return rt().empty_str.clone();
    }
    if s.len() == 1 {
        return rt().ascii_chars[s.as_bytes()[0] as usize].clone();
    }
    alloc(rt().types.str, PyStr::new(s))
}

pub fn new_string(s: String) -> Value {
    new_str(&s)
}

/// The `&str` of a value known to be a str (or a subclass); "" otherwise.
pub fn as_str(v: &Value) -> Option<&str> {
    v.downcast::<PyStr>().map(PyStr::as_str)
}

/// Returns the interned (immortal, unique) string for `s`.
pub fn intern(s: &str) -> Value {
    let r = rt();
    let mut map = r.interned.lock();
    if let Some(v) = map.get(s) {
        return v.clone();
    }
    let v = crate::object::alloc_immortal(r.types.str, PyStr::new(s));
    map.insert(s.into(), v.clone());
    v
}
