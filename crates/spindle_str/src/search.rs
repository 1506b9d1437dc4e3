//! Substring search: `find`, `rfind`, `index`, `rindex`, `count`,
//! `startswith`, `endswith` and `in`.
//!
//! Positions are code point indices. The needle is first narrowed to the
//! haystack's unit width (storage is canonical, so a needle of a wider kind
//! cannot occur), then the search runs with `memchr`: `memchr` itself for a
//! one-unit needle in Latin-1 text, `memmem` over the units' bytes otherwise,
//! discarding byte matches that do not fall on a unit boundary.

use std::borrow::Cow;

use memchr::memmem;

use crate::data::{PyStrData, Unit, UnitsRef};
use crate::error::{StrError, StrResult};

/// Python's `ADJUST_INDICES`: `None` means the whole string; negative values
/// count from the end; results are clamped to `0..=len`. `start` may end up
/// past `end`, which callers treat as "nothing to search".
pub fn adjust_indices(len: usize, start: Option<i64>, end: Option<i64>) -> (usize, usize) {
    let ilen = i64::try_from(len).unwrap_or(i64::MAX);
    let fix = |v: i64| -> usize {
        let v = if v < 0 {
            v.saturating_add(ilen).max(0)
        } else {
            v.min(ilen)
        };
        usize::try_from(v).unwrap_or(0)
    };
    let end = end.map_or(len, fix);
    let start = match start {
        None => 0,
        Some(s) if s < 0 => fix(s),
        // A start past the end is kept past the end (clamped only to len + 1).
        Some(s) => usize::try_from(s)
            .unwrap_or(usize::MAX)
            .min(len.saturating_add(1)),
    };
    (start, end)
}

/// The needle in the haystack's unit type, or `None` if it cannot occur.
pub(crate) fn needle_units<T: Unit>(needle: &PyStrData) -> Option<Cow<'_, [T]>> {
    let width = std::mem::size_of::<T>();
    if needle.kind().width() > width {
        return None;
    }
    if needle.kind().width() == width {
        let cast = match needle.units() {
            UnitsRef::Latin1(v) => bytemuck::try_cast_slice::<u8, T>(v).ok(),
            UnitsRef::Ucs2(v) => bytemuck::try_cast_slice::<u16, T>(v).ok(),
            UnitsRef::Ucs4(v) => bytemuck::try_cast_slice::<u32, T>(v).ok(),
        };
        if let Some(v) = cast {
            return Some(Cow::Borrowed(v));
        }
    }
    Some(Cow::Owned(needle.code_points().map(T::from_cp).collect()))
}

/// A prepared search for one needle in one haystack. The byte searchers
/// are built on first use (a `startswith` needs neither, a `find` only the
/// forward one).
pub(crate) struct Finder<'a, T: Unit> {
    hay: &'a [T],
    needle: &'a [T],
    fwd: std::cell::OnceCell<memmem::Finder<'a>>,
    rev: std::cell::OnceCell<memmem::FinderRev<'a>>,
}

impl<'a, T: Unit> Finder<'a, T> {
    pub(crate) fn new(hay: &'a [T], needle: &'a [T]) -> Self {
        Self {
            hay,
            needle,
            fwd: std::cell::OnceCell::new(),
            rev: std::cell::OnceCell::new(),
        }
    }

    fn needle_bytes(&self) -> &'a [u8] {
        bytemuck::cast_slice(self.needle)
    }

    /// First match starting in `from..` and ending by `to`.
    pub(crate) fn find(&self, from: usize, to: usize) -> Option<usize> {
        let to = to.min(self.hay.len());
        let n = self.needle.len();
        if from > to || to - from < n {
            return None;
        }
        let hay = &self.hay[from..to];
        match self.needle {
            [] => Some(from),
            [one] => {
                if let Some(bytes) = as_bytes(hay) {
                    let b: &[u8] = bytemuck::cast_slice(std::slice::from_ref(one));
                    return memchr::memchr(b[0], bytes).map(|i| i + from);
                }
                hay.iter().position(|u| u == one).map(|i| i + from)
            }
            _ => {
                let fwd = self.fwd.get_or_init(|| memmem::Finder::new(self.needle_bytes()));
                let w = std::mem::size_of::<T>();
                let hb: &[u8] = bytemuck::cast_slice(hay);
                let mut pos = 0;
                while pos <= hb.len() {
                    let at = pos + fwd.find(&hb[pos..])?;
                    if at % w == 0 {
                        return Some(at / w + from);
                    }
                    pos = at + 1;
                }
                None
            }
        }
    }

    /// Last match starting in `from..` and ending by `to`.
    pub(crate) fn rfind(&self, from: usize, to: usize) -> Option<usize> {
        let to = to.min(self.hay.len());
        let n = self.needle.len();
        if from > to || to - from < n {
            return None;
        }
        let hay = &self.hay[from..to];
        match self.needle {
            [] => Some(to),
            [one] => {
                if let Some(bytes) = as_bytes(hay) {
                    let b: &[u8] = bytemuck::cast_slice(std::slice::from_ref(one));
                    return memchr::memrchr(b[0], bytes).map(|i| i + from);
                }
                hay.iter().rposition(|u| u == one).map(|i| i + from)
            }
            _ => {
                let rev = self.rev.get_or_init(|| memmem::FinderRev::new(self.needle_bytes()));
                let w = std::mem::size_of::<T>();
                let hb: &[u8] = bytemuck::cast_slice(hay);
                let mut end = hb.len();
                loop {
                    let at = rev.rfind(&hb[..end])?;
                    if at % w == 0 {
                        return Some(at / w + from);
                    }
                    // Retry with matches that start before `at`.
                    end = at + std::mem::size_of_val(self.needle) - 1;
                }
            }
        }
    }
}

fn as_bytes<T: Unit>(v: &[T]) -> Option<&[u8]> {
    if std::mem::size_of::<T>() == 1 {
        bytemuck::try_cast_slice(v).ok()
    } else {
        None
    }
}

macro_rules! with_finder {
    ($s:expr, $sub:expr, $f:ident => $body:expr, $absent:expr) => {
        match $s.units() {
            $crate::data::UnitsRef::Latin1(h) => match $crate::search::needle_units::<u8>($sub) {
                Some(n) => {
                    let $f = $crate::search::Finder::new(h, &n);
                    $body
                }
                None => $absent,
            },
            $crate::data::UnitsRef::Ucs2(h) => match $crate::search::needle_units::<u16>($sub) {
                Some(n) => {
                    let $f = $crate::search::Finder::new(h, &n);
                    $body
                }
                None => $absent,
            },
            $crate::data::UnitsRef::Ucs4(h) => match $crate::search::needle_units::<u32>($sub) {
                Some(n) => {
                    let $f = $crate::search::Finder::new(h, &n);
                    $body
                }
                None => $absent,
            },
        }
    };
}
pub(crate) use with_finder;

/// `s.find(sub, start, end)`; `None` is Python's -1.
pub fn find(s: &PyStrData, sub: &PyStrData, start: Option<i64>, end: Option<i64>) -> Option<usize> {
    let (start, end) = adjust_indices(s.len(), start, end);
    if start > end || end - start < sub.len() {
        return None;
    }
    with_finder!(s, sub, f => f.find(start, end), None)
}

/// `s.rfind(sub, start, end)`; `None` is Python's -1.
pub fn rfind(
    s: &PyStrData,
    sub: &PyStrData,
    start: Option<i64>,
    end: Option<i64>,
) -> Option<usize> {
    let (start, end) = adjust_indices(s.len(), start, end);
    if start > end || end - start < sub.len() {
        return None;
    }
    with_finder!(s, sub, f => f.rfind(start, end), None)
}

/// `s.index(sub, start, end)`: `ValueError("substring not found")` if absent.
pub fn index(
    s: &PyStrData,
    sub: &PyStrData,
    start: Option<i64>,
    end: Option<i64>,
) -> StrResult<usize> {
    find(s, sub, start, end).ok_or_else(|| StrError::value("substring not found"))
}

/// `s.rindex(sub, start, end)`: `ValueError("substring not found")` if absent.
pub fn rindex(
    s: &PyStrData,
    sub: &PyStrData,
    start: Option<i64>,
    end: Option<i64>,
) -> StrResult<usize> {
    rfind(s, sub, start, end).ok_or_else(|| StrError::value("substring not found"))
}

/// `s.count(sub, start, end)`: non-overlapping occurrences.
pub fn count(s: &PyStrData, sub: &PyStrData, start: Option<i64>, end: Option<i64>) -> usize {
    let (start, end) = adjust_indices(s.len(), start, end);
    if start > end || end - start < sub.len() {
        return 0;
    }
    if sub.is_empty() {
        return end - start + 1;
    }
    count_range(s, sub, start, end, usize::MAX)
}

/// Non-overlapping occurrences of a non-empty `sub` in `start..end`, at most
/// `max`.
pub(crate) fn count_range(
    s: &PyStrData,
    sub: &PyStrData,
    start: usize,
    end: usize,
    max: usize,
) -> usize {
    with_finder!(s, sub, f => {
        let mut n = 0;
        let mut pos = start;
        while n < max {
            match f.find(pos, end) {
                Some(at) => {
                    n += 1;
                    pos = at + sub.len().max(1);
                }
                None => break,
            }
        }
        n
    }, 0)
}

fn match_at(s: &PyStrData, sub: &PyStrData, at: usize) -> bool {
    with_finder!(s, sub, f => f.hay.get(at..at + f.needle.len()) == Some(f.needle), false)
}

/// `s.startswith(prefix, start, end)` for one prefix (the VM loops over a
/// tuple).
pub fn startswith(s: &PyStrData, prefix: &PyStrData, start: Option<i64>, end: Option<i64>) -> bool {
    let (start, end) = adjust_indices(s.len(), start, end);
    if start > end || end - start < prefix.len() {
        return false;
    }
    match_at(s, prefix, start)
}

/// `s.endswith(suffix, start, end)` for one suffix.
pub fn endswith(s: &PyStrData, suffix: &PyStrData, start: Option<i64>, end: Option<i64>) -> bool {
    let (start, end) = adjust_indices(s.len(), start, end);
    if start > end || end - start < suffix.len() {
        return false;
    }
    match_at(s, suffix, end - suffix.len())
}
