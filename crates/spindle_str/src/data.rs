//! `PyStrData`, the storage of a Python `str`, and `StrBuilder`, which makes one.
//!
//! Storage follows PEP 393: a string keeps its code points in 1-byte
//! (Latin-1), 2-byte (UCS-2) or 4-byte (UCS-4) units, always the narrowest kind
//! that holds its largest code point. That canonical form is an invariant every
//! constructor keeps, so two equal strings have the same kind and equality can
//! compare kinds first. Code points are `u32`, not `char`: lone surrogates
//! (U+D800..U+DFFF) are ordinary code points of a Python string. Every code
//! point is at most U+10FFFF. Indexing and `len` are O(1), in code points.

use std::borrow::Cow;
use std::cmp::Ordering;
use std::fmt;
use std::sync::OnceLock;

use crate::error::{StrError, StrResult};

/// The width of a string's code units.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Kind {
    /// One byte per code point; every code point is below U+0100.
    Latin1,
    /// Two bytes per code point; the largest is in U+0100..=U+FFFF.
    Ucs2,
    /// Four bytes per code point; the largest is above U+FFFF.
    Ucs4,
}

impl Kind {
    /// The narrowest kind that holds `max`.
    pub fn for_max(max: u32) -> Kind {
        if max < 0x100 {
            Kind::Latin1
        } else if max < 0x1_0000 {
            Kind::Ucs2
        } else {
            Kind::Ucs4
        }
    }
    /// Bytes per code unit: 1, 2 or 4.
    pub fn width(self) -> usize {
        match self {
            Kind::Latin1 => 1,
            Kind::Ucs2 => 2,
            Kind::Ucs4 => 4,
        }
    }
}

/// A borrowed view of a string's code units.
#[derive(Clone, Copy, Debug)]
pub enum UnitsRef<'a> {
    /// Latin-1 units.
    Latin1(&'a [u8]),
    /// UCS-2 units (surrogates are separate code points, never pairs).
    Ucs2(&'a [u16]),
    /// UCS-4 units.
    Ucs4(&'a [u32]),
}

#[derive(Clone)]
enum Units {
    Latin1(Box<[u8]>),
    Ucs2(Box<[u16]>),
    Ucs4(Box<[u32]>),
}

/// The contents of a Python `str`: an immutable sequence of code points.
#[derive(Clone)]
pub struct PyStrData {
    units: Units,
    ascii: bool,
    /// The UTF-8 form, made on first request; `None` inside when the string
    /// holds surrogates and so has no UTF-8 form.
    utf8: OnceLock<Option<Box<str>>>,
}

/// A code unit type: `u8`, `u16` or `u32`.
pub(crate) trait Unit: Copy + Ord + Into<u32> + bytemuck::Pod + fmt::Debug {
    /// Narrow a code point known to fit.
    fn from_cp(cp: u32) -> Self;
}
impl Unit for u8 {
    fn from_cp(cp: u32) -> Self {
        cp as u8
    }
}
impl Unit for u16 {
    fn from_cp(cp: u32) -> Self {
        cp as u16
    }
}
impl Unit for u32 {
    fn from_cp(cp: u32) -> Self {
        cp
    }
}

/// Run `$body` with `$v` bound to the string's unit slice, whatever its kind.
macro_rules! with_units {
    ($s:expr, $v:ident => $body:expr) => {
        match $s.units() {
            UnitsRef::Latin1($v) => $body,
            UnitsRef::Ucs2($v) => $body,
            UnitsRef::Ucs4($v) => $body,
        }
    };
}

/// The largest code point Python allows.
pub const MAX_CODE_POINT: u32 = 0x10FFFF;

fn is_surrogate(cp: u32) -> bool {
    (0xD800..=0xDFFF).contains(&cp)
}

fn max_of<T: Unit>(units: &[T]) -> u32 {
    units.iter().copied().max().map_or(0, Into::into)
}

impl PyStrData {
    fn from_parts(units: Units, ascii: bool) -> Self {
        // `as_str` relies on this flag for soundness, so it is verified here
        // rather than trusted from the callers.
        let ascii = ascii && matches!(&units, Units::Latin1(v) if v.is_ascii());
        Self {
            units,
            ascii,
            utf8: OnceLock::new(),
        }
    }

    /// The empty string.
    pub fn new() -> Self {
        Self::from_parts(Units::Latin1(Box::new([])), true)
    }

    /// The string of one code point, or `None` past U+10FFFF.
    pub fn from_code_point(cp: u32) -> Option<Self> {
        let mut b = StrBuilder::new();
        if cp > MAX_CODE_POINT {
            return None;
        }
        b.push(cp);
        Some(b.finish())
    }

    /// Copy a Rust string (never holds surrogates).
    #[allow(clippy::should_implement_trait)]
    pub fn from_str(s: &str) -> Self {
        if s.is_ascii() {
            return Self::from_parts(Units::Latin1(s.as_bytes().into()), true);
        }
        let max = s.chars().map(u32::from).max().unwrap_or(0);
        let units = match Kind::for_max(max) {
            Kind::Latin1 => Units::Latin1(s.chars().map(|c| c as u8).collect()),
            Kind::Ucs2 => Units::Ucs2(s.chars().map(|c| c as u16).collect()),
            Kind::Ucs4 => Units::Ucs4(s.chars().map(u32::from).collect()),
        };
        Self::from_parts(units, false)
    }

    /// Latin-1 bytes, one code point each.
    pub fn from_latin1(bytes: &[u8]) -> Self {
        Self::from_parts(Units::Latin1(bytes.into()), bytes.is_ascii())
    }

    /// UCS-2 units, one code point each (surrogates stay separate).
    pub fn from_ucs2(units: &[u16]) -> Self {
        Self::from_unit_slice(units)
    }

    /// UCS-4 units; a value past U+10FFFF is a `ValueError`.
    pub fn from_ucs4(units: &[u32]) -> StrResult<Self> {
        if units.iter().any(|&c| c > MAX_CODE_POINT) {
            return Err(StrError::value(
                "character U+110000 is not in range [U+0000; U+10ffff]",
            ));
        }
        Ok(Self::from_unit_slice(units))
    }

    /// Code points from an iterator; one past U+10FFFF is a `ValueError`
    /// (worded as `chr()` words it).
    pub fn from_code_points(cps: impl IntoIterator<Item = u32>) -> StrResult<Self> {
        let mut b = StrBuilder::new();
        for cp in cps {
            if cp > MAX_CODE_POINT {
                return Err(StrError::value("chr() arg not in range(0x110000)"));
            }
            b.push(cp);
        }
        Ok(b.finish())
    }

    /// Decode generalized UTF-8 ("WTF-8"): UTF-8 in which surrogate code
    /// points may appear, each encoded alone in three bytes. Surrogates are
    /// kept as separate code points, even when two of them would form a pair.
    /// Anything else that is not UTF-8 is a `ValueError`.
    pub fn from_wtf8(bytes: &[u8]) -> StrResult<Self> {
        if let Ok(s) = std::str::from_utf8(bytes) {
            return Ok(Self::from_str(s));
        }
        let mut b = StrBuilder::new();
        let mut i = 0;
        while i < bytes.len() {
            match crate::codecs::decode_utf8_char(bytes, i, true) {
                Ok((cp, n)) => {
                    b.push(cp);
                    i += n;
                }
                Err(_) => return Err(StrError::value("invalid WTF-8 data")),
            }
        }
        Ok(b.finish())
    }

    pub(crate) fn from_unit_slice<T: Unit>(units: &[T]) -> Self {
        let max = max_of(units);
        let ascii = max < 0x80;
        let parts = match Kind::for_max(max) {
            Kind::Latin1 => Units::Latin1(units.iter().map(|&u| u.into() as u8).collect()),
            Kind::Ucs2 => Units::Ucs2(units.iter().map(|&u| u.into() as u16).collect()),
            Kind::Ucs4 => Units::Ucs4(units.iter().map(|&u| u.into()).collect()),
        };
        Self::from_parts(parts, ascii)
    }

    /// Number of code points.
    pub fn len(&self) -> usize {
        with_units!(self, v => v.len())
    }

    /// Whether the string is empty.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The storage kind (always the narrowest that fits).
    pub fn kind(&self) -> Kind {
        match &self.units {
            Units::Latin1(_) => Kind::Latin1,
            Units::Ucs2(_) => Kind::Ucs2,
            Units::Ucs4(_) => Kind::Ucs4,
        }
    }

    /// Whether every code point is below U+0080 (`str.isascii`).
    pub fn is_ascii(&self) -> bool {
        self.ascii
    }

    /// The code units.
    pub fn units(&self) -> UnitsRef<'_> {
        match &self.units {
            Units::Latin1(v) => UnitsRef::Latin1(v),
            Units::Ucs2(v) => UnitsRef::Ucs2(v),
            Units::Ucs4(v) => UnitsRef::Ucs4(v),
        }
    }

    /// The largest code point, 0 for the empty string.
    pub fn max_code_point(&self) -> u32 {
        with_units!(self, v => max_of(v))
    }

    /// The code point at `index`, or `None` out of range.
    #[allow(clippy::useless_conversion)]
    pub fn char_at(&self, index: usize) -> Option<u32> {
        with_units!(self, v => v.get(index).map(|&u| u.into()))
    }

    /// The code point at a Python index (negative counts from the end).
    pub fn char_at_py(&self, index: i64) -> Option<u32> {
        let len = self.len() as i64;
        let i = if index < 0 {
            index.checked_add(len)?
        } else {
            index
        };
        usize::try_from(i).ok().and_then(|i| self.char_at(i))
    }

    /// `s[index]`: the one-code-point string at a Python index, or
    /// `IndexError("string index out of range")`.
    pub fn getitem(&self, index: i64) -> StrResult<PyStrData> {
        self.char_at_py(index)
            .and_then(PyStrData::from_code_point)
            .ok_or_else(|| StrError::index("string index out of range"))
    }

    /// Iterate over the code points.
    pub fn code_points(&self) -> CodePoints<'_> {
        CodePoints {
            units: self.units(),
            front: 0,
            back: self.len(),
        }
    }

    /// The string as `&str` without any work when it is ASCII.
    pub fn as_str(&self) -> Option<&str> {
        match &self.units {
            Units::Latin1(v) if self.ascii => {
                debug_assert!(v.is_ascii());
                // SAFETY: `ascii` is true only when every unit is below 0x80
                // (`from_parts` checks it), and ASCII bytes are valid UTF-8.
                Some(unsafe { std::str::from_utf8_unchecked(v) })
            }
            _ => None,
        }
    }

    /// The UTF-8 form, made once and cached; `None` when the string holds
    /// lone surrogates.
    pub fn to_str(&self) -> Option<&str> {
        if let Some(s) = self.as_str() {
            return Some(s);
        }
        self.utf8
            .get_or_init(|| {
                let mut out = String::with_capacity(self.len());
                for cp in self.code_points() {
                    out.push(char::from_u32(cp)?);
                }
                Some(out.into_boxed_str())
            })
            .as_deref()
    }

    /// A Rust string; each lone surrogate becomes U+FFFD.
    pub fn to_string_lossy(&self) -> Cow<'_, str> {
        if let Some(s) = self.to_str() {
            return Cow::Borrowed(s);
        }
        Cow::Owned(
            self.code_points()
                .map(|cp| char::from_u32(cp).unwrap_or('\u{FFFD}'))
                .collect(),
        )
    }

    /// Generalized UTF-8 ("WTF-8"): UTF-8 with each lone surrogate encoded
    /// alone in three bytes, as the `surrogatepass` error handler does.
    pub fn to_wtf8(&self) -> Vec<u8> {
        if let Some(s) = self.to_str() {
            return s.as_bytes().to_vec();
        }
        let mut out = Vec::with_capacity(self.len() * 3);
        for cp in self.code_points() {
            crate::codecs::push_utf8(&mut out, cp);
        }
        out
    }

    /// Whether the string holds a lone surrogate.
    pub fn has_surrogates(&self) -> bool {
        match &self.units {
            Units::Latin1(_) => false,
            Units::Ucs2(v) => v.iter().any(|&u| is_surrogate(u.into())),
            Units::Ucs4(v) => v.iter().any(|&u| is_surrogate(u)),
        }
    }

    /// Code points `start..end`, with both ends clamped to the string.
    pub fn substring(&self, start: usize, end: usize) -> PyStrData {
        let len = self.len();
        let end = end.min(len);
        let start = start.min(end);
        if start == 0 && end == len {
            return self.clone();
        }
        match self.units() {
            UnitsRef::Latin1(v) => {
                let part = &v[start..end];
                Self::from_parts(Units::Latin1(part.into()), self.ascii || part.is_ascii())
            }
            UnitsRef::Ucs2(v) => Self::from_unit_slice(&v[start..end]),
            UnitsRef::Ucs4(v) => Self::from_unit_slice(&v[start..end]),
        }
    }

    /// `s[start:stop:step]` with Python's slice semantics: `None` fields take
    /// their defaults, negative indices count from the end, out-of-range
    /// indices are clamped. A zero step is a `ValueError`.
    pub fn get_slice(
        &self,
        start: Option<i64>,
        stop: Option<i64>,
        step: Option<i64>,
    ) -> StrResult<PyStrData> {
        let (start, step, count) = slice_indices(self.len(), start, stop, step)?;
        Ok(self.slice_normalized(start, step, count))
    }

    /// The `count` code points at `start`, `start + step`, … as produced by
    /// `PySlice_AdjustIndices`. Positions outside the string end the slice
    /// early rather than panicking.
    pub fn slice_normalized(&self, start: i64, step: i64, count: usize) -> PyStrData {
        let len = self.len();
        if step == 1
            && let Ok(s) = usize::try_from(start)
        {
            return self.substring(s, s.saturating_add(count));
        }
        let count = count.min(len);
        let mut b = StrBuilder::new();
        let mut pos = start;
        for _ in 0..count {
            let Some(cp) = usize::try_from(pos).ok().and_then(|p| self.char_at(p)) else {
                break;
            };
            b.push(cp);
            let Some(next) = pos.checked_add(step) else {
                break;
            };
            pos = next;
        }
        b.finish()
    }

    /// `a + b`.
    pub fn concat(&self, other: &PyStrData) -> StrResult<PyStrData> {
        if other.is_empty() {
            return Ok(self.clone());
        }
        if self.is_empty() {
            return Ok(other.clone());
        }
        let total = self
            .len()
            .checked_add(other.len())
            .filter(|&n| n <= max_len())
            .ok_or_else(|| StrError::overflow("strings are too large to concat"))?;
        let mut b = StrBuilder::with_max(self.max_code_point().max(other.max_code_point()));
        b.try_reserve(total)?;
        b.push_str(self);
        b.push_str(other);
        Ok(b.finish())
    }

    /// `s * n`; a count of zero or less gives the empty string.
    pub fn repeat(&self, n: i64) -> StrResult<PyStrData> {
        if n <= 0 || self.is_empty() {
            return Ok(PyStrData::new());
        }
        if n == 1 {
            return Ok(self.clone());
        }
        let n =
            usize::try_from(n).map_err(|_| StrError::overflow("repeated string is too long"))?;
        // CPython: a length past `PY_SSIZE_T_MAX` overflows; a shorter one
        // that cannot be allocated is a MemoryError.
        let total = self
            .len()
            .checked_mul(n)
            .filter(|&t| t <= isize::MAX as usize)
            .ok_or_else(|| StrError::overflow("repeated string is too long"))?;
        if total > max_len() {
            return Err(StrError::memory());
        }
        let units = match &self.units {
            Units::Latin1(v) => Units::Latin1(repeat_units(v, n, total)?),
            Units::Ucs2(v) => Units::Ucs2(repeat_units(v, n, total)?),
            Units::Ucs4(v) => Units::Ucs4(repeat_units(v, n, total)?),
        };
        Ok(Self::from_parts(units, self.ascii))
    }

    /// Whether `needle` occurs in the string (`needle in s`).
    pub fn contains(&self, needle: &PyStrData) -> bool {
        crate::search::find(self, needle, None, None).is_some()
    }
}

/// The longest string length allowed: `PY_SSIZE_T_MAX` less headroom, as
/// bytes of the widest kind.
pub(crate) fn max_len() -> usize {
    (isize::MAX as usize) / 4
}

fn repeat_units<T: Unit>(v: &[T], n: usize, total: usize) -> StrResult<Box<[T]>> {
    let mut out: Vec<T> = Vec::new();
    out.try_reserve_exact(total)
        .map_err(|_| StrError::memory())?;
    if v.len() == 1 {
        out.resize(total, v[0]);
    } else {
        for _ in 0..n {
            out.extend_from_slice(v);
        }
    }
    Ok(out.into_boxed_slice())
}

/// Python's `slice.indices` followed by the slice length: returns
/// `(start, step, count)`. A zero step is a `ValueError`.
pub fn slice_indices(
    len: usize,
    start: Option<i64>,
    stop: Option<i64>,
    step: Option<i64>,
) -> StrResult<(i64, i64, usize)> {
    let step = step.unwrap_or(1);
    if step == 0 {
        return Err(StrError::value("slice step cannot be zero"));
    }
    // Like CPython, keep -step from overflowing.
    let step = step.max(-i64::MAX);
    let len = i64::try_from(len).unwrap_or(i64::MAX);
    let (lower, upper) = if step < 0 { (-1, len - 1) } else { (0, len) };
    let adjust = |v: Option<i64>, default: i64| match v {
        None => default,
        Some(v) if v < 0 => (v.saturating_add(len)).max(lower),
        Some(v) => v.min(upper),
    };
    let start = adjust(start, if step < 0 { upper } else { lower });
    let stop = adjust(stop, if step < 0 { lower } else { upper });
    let count = if step < 0 {
        if stop < start {
            (start - stop - 1) / (-step) + 1
        } else {
            0
        }
    } else if start < stop {
        (stop - start - 1) / step + 1
    } else {
        0
    };
    Ok((start, step, usize::try_from(count).unwrap_or(0)))
}

impl Default for PyStrData {
    fn default() -> Self {
        Self::new()
    }
}

impl From<&str> for PyStrData {
    fn from(s: &str) -> Self {
        Self::from_str(s)
    }
}

impl From<String> for PyStrData {
    fn from(s: String) -> Self {
        Self::from_str(&s)
    }
}

impl From<char> for PyStrData {
    fn from(c: char) -> Self {
        let mut b = StrBuilder::new();
        b.push(u32::from(c));
        b.finish()
    }
}

impl PartialEq for PyStrData {
    fn eq(&self, other: &Self) -> bool {
        match (self.units(), other.units()) {
            (UnitsRef::Latin1(a), UnitsRef::Latin1(b)) => a == b,
            (UnitsRef::Ucs2(a), UnitsRef::Ucs2(b)) => a == b,
            (UnitsRef::Ucs4(a), UnitsRef::Ucs4(b)) => a == b,
            // Canonical kinds: different kinds mean different strings.
            _ => false,
        }
    }
}

impl Eq for PyStrData {}

impl PartialEq<str> for PyStrData {
    fn eq(&self, other: &str) -> bool {
        match self.as_str() {
            Some(s) => s == other,
            None => !self.ascii && self.code_points().eq(other.chars().map(u32::from)),
        }
    }
}

impl PartialEq<&str> for PyStrData {
    fn eq(&self, other: &&str) -> bool {
        *self == **other
    }
}

impl PartialOrd for PyStrData {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for PyStrData {
    /// Code point order, as Python's `<` on `str`.
    fn cmp(&self, other: &Self) -> Ordering {
        match (self.units(), other.units()) {
            (UnitsRef::Latin1(a), UnitsRef::Latin1(b)) => a.cmp(b),
            (UnitsRef::Ucs2(a), UnitsRef::Ucs2(b)) => a.cmp(b),
            (UnitsRef::Ucs4(a), UnitsRef::Ucs4(b)) => a.cmp(b),
            _ => self.code_points().cmp(other.code_points()),
        }
    }
}

impl std::hash::Hash for PyStrData {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        // Canonical kinds make the units a faithful key.
        state.write_usize(self.len());
        with_units!(self, v => state.write(bytemuck::cast_slice(v)));
    }
}

impl fmt::Display for PyStrData {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.to_string_lossy())
    }
}

impl fmt::Debug for PyStrData {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&crate::repr::repr(self).to_string_lossy())
    }
}

/// Iterator over the code points of a `PyStrData`.
#[derive(Clone, Debug)]
pub struct CodePoints<'a> {
    units: UnitsRef<'a>,
    front: usize,
    back: usize,
}

impl CodePoints<'_> {
    fn at(&self, i: usize) -> Option<u32> {
        match self.units {
            UnitsRef::Latin1(v) => v.get(i).map(|&u| u32::from(u)),
            UnitsRef::Ucs2(v) => v.get(i).map(|&u| u32::from(u)),
            UnitsRef::Ucs4(v) => v.get(i).copied(),
        }
    }
}

impl Iterator for CodePoints<'_> {
    type Item = u32;
    fn next(&mut self) -> Option<u32> {
        if self.front >= self.back {
            return None;
        }
        let cp = self.at(self.front);
        self.front += 1;
        cp
    }
    fn size_hint(&self) -> (usize, Option<usize>) {
        let n = self.back.saturating_sub(self.front);
        (n, Some(n))
    }
}

impl DoubleEndedIterator for CodePoints<'_> {
    fn next_back(&mut self) -> Option<u32> {
        if self.front >= self.back {
            return None;
        }
        self.back -= 1;
        self.at(self.back)
    }
}

impl ExactSizeIterator for CodePoints<'_> {}

enum BuilderUnits {
    Latin1(Vec<u8>),
    Ucs2(Vec<u16>),
    Ucs4(Vec<u32>),
}

/// Builds a `PyStrData` code point by code point, widening its storage only
/// when a code point needs it, so the result is already canonical.
pub struct StrBuilder {
    units: BuilderUnits,
    max: u32,
}

impl Default for StrBuilder {
    fn default() -> Self {
        Self::new()
    }
}

impl StrBuilder {
    /// An empty builder.
    pub fn new() -> Self {
        Self {
            units: BuilderUnits::Latin1(Vec::new()),
            max: 0,
        }
    }

    /// An empty builder whose storage already fits code points up to `max`
    /// (an upper bound is fine: `finish` narrows again if needed).
    pub fn with_max(max: u32) -> Self {
        let units = match Kind::for_max(max) {
            Kind::Latin1 => BuilderUnits::Latin1(Vec::new()),
            Kind::Ucs2 => BuilderUnits::Ucs2(Vec::new()),
            Kind::Ucs4 => BuilderUnits::Ucs4(Vec::new()),
        };
        Self { units, max: 0 }
    }

    /// Reserve room for `additional` more code points; `MemoryError` if the
    /// allocation cannot be made.
    pub fn try_reserve(&mut self, additional: usize) -> StrResult<()> {
        let r = match &mut self.units {
            BuilderUnits::Latin1(v) => v.try_reserve(additional),
            BuilderUnits::Ucs2(v) => v.try_reserve(additional),
            BuilderUnits::Ucs4(v) => v.try_reserve(additional),
        };
        r.map_err(|_| StrError::memory())
    }

    /// Number of code points so far.
    pub fn len(&self) -> usize {
        match &self.units {
            BuilderUnits::Latin1(v) => v.len(),
            BuilderUnits::Ucs2(v) => v.len(),
            BuilderUnits::Ucs4(v) => v.len(),
        }
    }

    /// Whether nothing was pushed yet.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    fn widen(&mut self, kind: Kind) {
        let units = std::mem::replace(&mut self.units, BuilderUnits::Latin1(Vec::new()));
        self.units = match (units, kind) {
            (BuilderUnits::Latin1(v), Kind::Ucs2) => {
                BuilderUnits::Ucs2(v.into_iter().map(u16::from).collect())
            }
            (BuilderUnits::Latin1(v), Kind::Ucs4) => {
                BuilderUnits::Ucs4(v.into_iter().map(u32::from).collect())
            }
            (BuilderUnits::Ucs2(v), Kind::Ucs4) => {
                BuilderUnits::Ucs4(v.into_iter().map(u32::from).collect())
            }
            (units, _) => units,
        };
    }

    /// Append one code point. A value past U+10FFFF is replaced by U+FFFD
    /// (callers are expected to have checked; this keeps the invariant).
    pub fn push(&mut self, cp: u32) {
        let cp = if cp > MAX_CODE_POINT { 0xFFFD } else { cp };
        self.max = self.max.max(cp);
        match &mut self.units {
            BuilderUnits::Latin1(v) if cp < 0x100 => v.push(cp as u8),
            BuilderUnits::Ucs2(v) if cp < 0x1_0000 => v.push(cp as u16),
            BuilderUnits::Ucs4(v) => v.push(cp),
            _ => {
                self.widen(Kind::for_max(cp));
                self.push(cp);
            }
        }
    }

    /// Append ASCII text (non-ASCII `str` input is appended correctly too).
    pub fn push_ascii(&mut self, s: &str) {
        if let BuilderUnits::Latin1(v) = &mut self.units
            && s.is_ascii()
        {
            self.max = self.max.max(s.bytes().max().map_or(0, u32::from));
            v.extend_from_slice(s.as_bytes());
            return;
        }
        for c in s.chars() {
            self.push(u32::from(c));
        }
    }

    /// Append a whole string.
    pub fn push_str(&mut self, s: &PyStrData) {
        self.push_range(s, 0, s.len());
    }

    /// Append code points `start..end` of `s` (clamped).
    pub fn push_range(&mut self, s: &PyStrData, start: usize, end: usize) {
        let end = end.min(s.len());
        let start = start.min(end);
        if start == end {
            return;
        }
        let smax = match s.kind() {
            Kind::Latin1 if s.is_ascii() => 0x7F,
            Kind::Latin1 => 0xFF,
            Kind::Ucs2 => 0xFFFF,
            Kind::Ucs4 => MAX_CODE_POINT,
        };
        let need = Kind::for_max(smax);
        let have = match &self.units {
            BuilderUnits::Latin1(_) => Kind::Latin1,
            BuilderUnits::Ucs2(_) => Kind::Ucs2,
            BuilderUnits::Ucs4(_) => Kind::Ucs4,
        };
        if need > have {
            self.widen(need);
        }
        match (&mut self.units, s.units()) {
            (BuilderUnits::Latin1(d), UnitsRef::Latin1(v)) => d.extend_from_slice(&v[start..end]),
            (BuilderUnits::Ucs2(d), UnitsRef::Latin1(v)) => {
                d.extend(v[start..end].iter().map(|&u| u16::from(u)));
            }
            (BuilderUnits::Ucs2(d), UnitsRef::Ucs2(v)) => d.extend_from_slice(&v[start..end]),
            (BuilderUnits::Ucs4(d), UnitsRef::Latin1(v)) => {
                d.extend(v[start..end].iter().map(|&u| u32::from(u)));
            }
            (BuilderUnits::Ucs4(d), UnitsRef::Ucs2(v)) => {
                d.extend(v[start..end].iter().map(|&u| u32::from(u)));
            }
            (BuilderUnits::Ucs4(d), UnitsRef::Ucs4(v)) => d.extend_from_slice(&v[start..end]),
            _ => {}
        }
        // The true maximum of the range may be lower than `smax`; `finish`
        // recomputes it when the storage is wider than needed.
        self.max = self.max.max(smax.min(match s.units() {
            UnitsRef::Latin1(v) => max_of(&v[start..end]),
            UnitsRef::Ucs2(v) => max_of(&v[start..end]),
            UnitsRef::Ucs4(v) => max_of(&v[start..end]),
        }));
    }

    /// The finished, canonical string.
    pub fn finish(self) -> PyStrData {
        let ascii = self.max < 0x80;
        let want = Kind::for_max(self.max);
        match self.units {
            BuilderUnits::Latin1(v) => PyStrData::from_parts(Units::Latin1(v.into()), ascii),
            BuilderUnits::Ucs2(v) if want == Kind::Ucs2 => {
                PyStrData::from_parts(Units::Ucs2(v.into()), ascii)
            }
            BuilderUnits::Ucs4(v) if want == Kind::Ucs4 => {
                PyStrData::from_parts(Units::Ucs4(v.into()), ascii)
            }
            BuilderUnits::Ucs2(v) => PyStrData::from_unit_slice(&v),
            BuilderUnits::Ucs4(v) => PyStrData::from_unit_slice(&v),
        }
    }
}
