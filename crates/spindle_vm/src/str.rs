//! The `str` payload: a `spindle_str::PyStrData` (PEP 393 storage: 1, 2 or 4
//! bytes per code point, O(1) indexing and `len`, lone surrogates allowed)
//! plus the VM-side caches: the hash, and a UTF-8 view for the many places
//! of the VM that want a `&str` (strings holding lone surrogates give a lossy
//! view there, each surrogate shown as U+FFFD; code that must be exact uses
//! `PyStr::data()`).

use std::sync::OnceLock;
use std::sync::atomic::{AtomicI64, Ordering};

use spindle_str::PyStrData;

use crate::object::{PayloadKind, PyPayload, alloc};
use crate::runtime::rt;
use crate::value::Value;

pub struct PyStr {
    data: PyStrData,
    /// The lossy UTF-8 view, made on first request, only for strings that hold
    /// lone surrogates (the others use `PyStrData`'s own UTF-8 cache).
    lossy: OnceLock<Box<str>>,
    /// Cached hash; -1 when not computed yet (a real hash is never -1).
    hash: AtomicI64,
}

impl PyPayload for PyStr {
    const KIND: PayloadKind = crate::kinds::STR;
}

impl PyStr {
    pub fn new(s: &str) -> PyStr {
        PyStr::from_data(PyStrData::from_str(s))
    }
    pub fn from_data(data: PyStrData) -> PyStr {
        PyStr { data, lossy: OnceLock::new(), hash: AtomicI64::new(-1) }
    }
    /// The exact contents.
    #[inline]
    pub fn data(&self) -> &PyStrData {
        &self.data
    }
    /// The contents as UTF-8; lone surrogates show as U+FFFD.
    #[inline]
    pub fn as_str(&self) -> &str {
        match self.data.to_str() {
            Some(s) => s,
            None => self.lossy.get_or_init(|| self.data.to_string_lossy().into_owned().into_boxed_str()),
        }
    }
    #[inline]
    pub fn char_len(&self) -> usize {
        self.data.len()
    }
    #[inline]
    pub fn is_ascii(&self) -> bool {
        self.data.is_ascii()
    }
    /// The code point at `i` as a `char`; a lone surrogate gives U+FFFD
    /// (use `code_point` for the exact value).
    pub fn char_at(&self, i: usize) -> Option<char> {
        self.data.char_at(i).map(|c| char::from_u32(c).unwrap_or('\u{FFFD}'))
    }
    /// The code point at `i` (O(1)).
    #[inline]
    pub fn code_point(&self, i: usize) -> Option<u32> {
        self.data.char_at(i)
    }
    /// The one-character string at `i` (O(1)), shared for ASCII.
    pub fn item(&self, i: usize) -> Option<Value> {
        self.data.char_at(i).map(char_value)
    }
    /// Whether the string holds a lone surrogate (so `as_str` is lossy).
    pub fn has_surrogates(&self) -> bool {
        self.data.to_str().is_none()
    }
    pub fn hash(&self) -> i64 {
        let h = self.hash.load(Ordering::Relaxed);
        if h != -1 {
            return h;
        }
        let (k0, k1) = rt().hash_key;
        let h = spindle_str::hash_with_key(&self.data, k0, k1);
        self.hash.store(h, Ordering::Relaxed);
        h
    }
}

/// CPython's str hash: SipHash-1-3 over the PEP 393 buffer (1, 2 or 4 bytes per
/// code point, native little-endian), with the runtime's key.
pub fn hash_str(s: &str) -> i64 {
    if s.is_empty() {
        return 0;
    }
    let (k0, k1) = rt().hash_key;
    if s.is_ascii() {
        // An ASCII str's PEP 393 buffer is its UTF-8 bytes: no conversion.
        return spindle_str::hash_bytes_with_key(s.as_bytes(), k0, k1);
    }
    spindle_str::hash_with_key(&PyStrData::from_str(s), k0, k1)
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

/// A `str` value holding `d` (shared singletons for "" and ASCII characters).
pub fn new_data(d: PyStrData) -> Value {
    if d.is_empty() {
        return rt().empty_str.clone();
    }
    if d.len() == 1
        && let Some(c) = d.char_at(0).filter(|c| *c < 128)
    {
        return rt().ascii_chars[c as usize].clone();
    }
    alloc(rt().types.str, PyStr::from_data(d))
}

/// The concatenation of str values, exactly (lone surrogates kept); other
/// values add nothing. (The f-string's `BUILD_STRING`.)
pub fn concat(items: &[Value]) -> Value {
    let mut out = spindle_str::StrBuilder::new();
    let total = items.iter().filter_map(as_data).map(PyStrData::len).sum();
    // Only a hint: a failed reservation leaves the pushes to grow the buffer.
    let _ = out.try_reserve(total);
    for d in items.iter().filter_map(as_data) {
        out.push_str(d);
    }
    new_data(out.finish())
}

/// The one-character string of code point `cp` (any value up to U+10FFFF,
/// lone surrogates included; larger values give U+FFFD).
pub fn char_value(cp: u32) -> Value {
    if cp < 128 {
        return rt().ascii_chars[cp as usize].clone();
    }
    let d = PyStrData::from_code_point(cp).unwrap_or_else(|| PyStrData::from('\u{FFFD}'));
    alloc(rt().types.str, PyStr::from_data(d))
}

/// The `&str` of a value known to be a str (or a subclass); "" otherwise.
pub fn as_str(v: &Value) -> Option<&str> {
    v.downcast::<PyStr>().map(PyStr::as_str)
}

/// The exact contents of a str value (or a subclass).
pub fn as_data(v: &Value) -> Option<&PyStrData> {
    v.downcast::<PyStr>().map(PyStr::data)
}

/// Returns the interned (immortal, unique) string for `s`.
pub fn intern(s: &str) -> Value {
    let r = rt();
    let mut map = r.interned.lock();
    if let Some(v) = map.get(s) {
        return v.clone();
    }
    let v = crate::object::alloc_immortal(r.types.str, PyStr::new(s));
    if let Some(h) = v.header() {
        h.set_flag(crate::header::flags::INTERNED);
    }
    map.insert(s.into(), v.clone());
    v
}

#[cfg(test)]
mod tests {
    use spindle_str::PyStrData;

    #[test]
    fn lossy_view_of_surrogates() {
        let d = PyStrData::from_code_points([0x61, 0xD800, 0x62]).expect("valid code points");
        let s = super::PyStr::from_data(d);
        assert_eq!(s.as_str(), "a\u{FFFD}b");
        assert_eq!(s.char_len(), 3);
        assert_eq!(s.code_point(1), Some(0xD800));
        assert_eq!(s.char_at(1), Some('\u{FFFD}'));
        assert!(s.has_surrogates());
    }

    #[test]
    fn indexing_is_by_code_point() {
        let s = super::PyStr::new("h\u{e9}llo\u{1F600}!");
        assert_eq!(s.char_len(), 7);
        assert_eq!(s.code_point(5), Some(0x1F600));
        assert_eq!(s.char_at(1), Some('\u{e9}'));
        assert!(!s.is_ascii());
        assert_eq!(s.as_str(), "h\u{e9}llo\u{1F600}!");
    }
}
