//! The subject of a match as the engine sees it: a `str` as code points (one unit
//! per character, stored as narrowly as its widest character allows, as PEP 393
//! does) or a bytes-like object as bytes. [`subject_of`] is the one place a Python
//! object becomes units; [`SubjectBuf::slice`] turns a span back into a `str` or
//! `bytes` value, the way CPython's `getslice` does.

use std::sync::Arc;

use spindle_vm::bytes::{PyByteArray, PyBytes, new_bytes};
use spindle_vm::error::PyResult;
use spindle_vm::ops::type_name;
use spindle_vm::raise;
use spindle_vm::runtime::rt;
use spindle_str::UnitsRef;
use spindle_vm::str::{PyStr, new_data, new_string};
use spindle_vm::value::Value;

/// The code units of a subject.
pub(crate) enum Units {
    U8(Box<[u8]>),
    /// A `str`'s own PEP 393 storage, borrowed: str objects are immutable,
    /// and the buffer keeps the object alive.
    Str(Value),
    /// An exact `bytes` object's storage, borrowed likewise.
    Bytes(Value),
}

/// The units of a subject as one concrete slice type.
pub(crate) enum View<'a> {
    U8(&'a [u8]),
    U16(&'a [u16]),
    U32(&'a [u32]),
}

/// A subject converted once per call and shared by the match objects it yields.
pub(crate) struct SubjectBuf {
    pub(crate) units: Units,
    pub(crate) is_bytes: bool,
}

impl SubjectBuf {
    pub(crate) fn view(&self) -> View<'_> {
        match &self.units {
            Units::U8(v) => View::U8(v),
            Units::Str(v) => match v.downcast::<PyStr>().map(|s| s.data().units()) {
                Some(UnitsRef::Latin1(u)) => View::U8(u),
                Some(UnitsRef::Ucs2(u)) => View::U16(u),
                Some(UnitsRef::Ucs4(u)) => View::U32(u),
                None => View::U8(&[]),
            },
            Units::Bytes(v) => View::U8(v.downcast::<PyBytes>().map(|b| &b.data[..]).unwrap_or(&[])),
        }
    }

    pub(crate) fn len(&self) -> usize {
        match self.view() {
            View::U8(v) => v.len(),
            View::U16(v) => v.len(),
            View::U32(v) => v.len(),
        }
    }

    fn unit(&self, i: usize) -> u32 {
        match self.view() {
            View::U8(v) => v.get(i).map_or(0, |&c| u32::from(c)),
            View::U16(v) => v.get(i).map_or(0, |&c| u32::from(c)),
            View::U32(v) => v.get(i).copied().unwrap_or(0),
        }
    }

    /// `string[start:end]` as a new `str` (str subjects) or `bytes` (bytes-like
    /// subjects); the original object itself when the span covers an exact `str` or
    /// `bytes` entirely.
    pub(crate) fn slice(&self, original: &Value, start: usize, end: usize) -> Value {
        let len = self.len();
        let end = end.min(len);
        let start = start.min(end);
        let t = original.type_ref();
        let r = rt();
        if start == 0 && end == len && (t == r.types.str || t == r.types.bytes) {
            return original.clone();
        }
        if self.is_bytes {
            let bytes: Vec<u8> = match self.view() {
                View::U8(v) => v.get(start..end).unwrap_or(&[]).to_vec(),
                _ => (start..end).map(|i| self.unit(i) as u8).collect(),
            };
            return new_bytes(&bytes);
        }
        if let Units::Str(v) = &self.units {
            if let Some(s) = v.downcast::<PyStr>() {
                return new_data(s.data().substring(start, end));
            }
        }
        let s: String = match self.view() {
            View::U8(v) => v.get(start..end).unwrap_or(&[]).iter().map(|&b| char::from(b)).collect(),
            _ => (start..end).map(|i| char::from_u32(self.unit(i)).unwrap_or('\u{FFFD}')).collect(),
        };
        new_string(s)
    }
}

/// Converts `v` into match units: a `str` by code point, `bytes`, `bytearray`
/// or another buffer by byte. CPython's `getstring`, with its error for anything else. A `str` or
/// exact `bytes` is borrowed, not copied (matching at a position in a long
/// string must not cost the string's length).
pub(crate) fn subject_of(v: &Value) -> PyResult<Arc<SubjectBuf>> {
    if v.downcast::<PyStr>().is_some() {
        return Ok(Arc::new(SubjectBuf { units: Units::Str(v.clone()), is_bytes: false }));
    }
    if v.downcast::<PyBytes>().is_some() {
        return Ok(Arc::new(SubjectBuf { units: Units::Bytes(v.clone()), is_bytes: true }));
    }
    if let Some(b) = v.downcast::<PyByteArray>() {
        let data = b.data.lock().clone().into_boxed_slice();
        return Ok(Arc::new(SubjectBuf { units: Units::U8(data), is_bytes: true }));
    }
    // Any other buffer (memoryview, array, mmap): its bytes as they are now.
    if let Some(data) = spindle_vm::builtins_init::bytes_type::bytes_data(v) {
        return Ok(Arc::new(SubjectBuf { units: Units::U8(data.into_boxed_slice()), is_bytes: true }));
    }
    raise!(TypeError, "expected string or bytes-like object, got '{}'", type_name(v))
}

/// Runs `$body` with `$s` bound to the subject's units as a concrete slice type, so
/// generic engine code is instantiated for each width.
macro_rules! with_units {
    ($buf:expr, |$s:ident| $body:expr) => {
        match $buf.view() {
            $crate::sre::subject::View::U8($s) => $body,
            $crate::sre::subject::View::U16($s) => $body,
            $crate::sre::subject::View::U32($s) => $body,
        }
    };
}
pub(crate) use with_units;
