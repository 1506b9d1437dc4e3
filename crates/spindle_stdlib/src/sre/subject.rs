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
use spindle_vm::str::{PyStr, new_string};
use spindle_vm::value::Value;

/// The code units of a subject.
pub(crate) enum Units {
    U8(Box<[u8]>),
    U16(Box<[u16]>),
    U32(Box<[u32]>),
}

/// A subject converted once per call and shared by the match objects it yields.
pub(crate) struct SubjectBuf {
    pub(crate) units: Units,
    pub(crate) is_bytes: bool,
}

impl SubjectBuf {
    pub(crate) fn len(&self) -> usize {
        match &self.units {
            Units::U8(v) => v.len(),
            Units::U16(v) => v.len(),
            Units::U32(v) => v.len(),
        }
    }

    fn unit(&self, i: usize) -> u32 {
        match &self.units {
            Units::U8(v) => v.get(i).map_or(0, |&c| u32::from(c)),
            Units::U16(v) => v.get(i).map_or(0, |&c| u32::from(c)),
            Units::U32(v) => v.get(i).copied().unwrap_or(0),
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
            let bytes: Vec<u8> = match &self.units {
                Units::U8(v) => v.get(start..end).unwrap_or(&[]).to_vec(),
                _ => (start..end).map(|i| self.unit(i) as u8).collect(),
            };
            return new_bytes(&bytes);
        }
        let s: String = match &self.units {
            Units::U8(v) => v.get(start..end).unwrap_or(&[]).iter().map(|&b| char::from(b)).collect(),
            _ => (start..end).map(|i| char::from_u32(self.unit(i)).unwrap_or('\u{FFFD}')).collect(),
        };
        new_string(s)
    }
}

/// Converts `v` into match units: a `str` by code point, `bytes`/`bytearray` by
/// byte. CPython's `getstring`, with its error for anything else.
///
/// FIXME(str-storage): once the str payload is PEP 393 storage, borrow its
/// Latin-1/UCS-2/UCS-4 units here instead of copying.
pub(crate) fn subject_of(v: &Value) -> PyResult<Arc<SubjectBuf>> {
    if let Some(s) = v.downcast::<PyStr>() {
        let text = s.as_str();
        let max = text.chars().map(u32::from).max().unwrap_or(0);
        let units = if max < 0x100 {
            Units::U8(text.chars().map(|c| u32::from(c) as u8).collect())
        } else if max < 0x10000 {
            Units::U16(text.chars().map(|c| u32::from(c) as u16).collect())
        } else {
            Units::U32(text.chars().map(u32::from).collect())
        };
        return Ok(Arc::new(SubjectBuf { units, is_bytes: false }));
    }
    if let Some(b) = v.downcast::<PyBytes>() {
        return Ok(Arc::new(SubjectBuf { units: Units::U8(b.data.clone()), is_bytes: true }));
    }
    if let Some(b) = v.downcast::<PyByteArray>() {
        let data = b.data.lock().clone().into_boxed_slice();
        return Ok(Arc::new(SubjectBuf { units: Units::U8(data), is_bytes: true }));
    }
    raise!(TypeError, "expected string or bytes-like object, got '{}'", type_name(v))
}

/// Runs `$body` with `$s` bound to the subject's units as a concrete slice type, so
/// generic engine code is instantiated for each width.
macro_rules! with_units {
    ($buf:expr, |$s:ident| $body:expr) => {
        match &$buf.units {
            $crate::sre::subject::Units::U8(v) => {
                let $s: &[u8] = v;
                $body
            }
            $crate::sre::subject::Units::U16(v) => {
                let $s: &[u16] = v;
                $body
            }
            $crate::sre::subject::Units::U32(v) => {
                let $s: &[u32] = v;
                $body
            }
        }
    };
}
pub(crate) use with_units;
