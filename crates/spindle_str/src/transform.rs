//! Methods that build a new string: `replace`, the strips, `removeprefix`
//! and `removesuffix`, padding (`center`, `ljust`, `rjust`, `zfill`),
//! `expandtabs`, and `maketrans`/`translate`.

use crate::data::{PyStrData, StrBuilder, max_len};
use crate::error::{StrError, StrResult};
use crate::search::{count_range, with_finder};
use crate::unicode;

/// `s.replace(old, new, count)`; a negative count replaces every
/// occurrence.
pub fn replace(
    s: &PyStrData,
    old: &PyStrData,
    new: &PyStrData,
    count: i64,
) -> StrResult<PyStrData> {
    let max = usize::try_from(count).unwrap_or(usize::MAX);
    let len = s.len();
    if max == 0 {
        return Ok(s.clone());
    }
    let too_long = || StrError::overflow("replace string is too long");
    if old.is_empty() {
        // Insert `new` before every code point and at the end.
        let n = max.min(len.saturating_add(1));
        let total = new
            .len()
            .checked_mul(n)
            .and_then(|t| t.checked_add(len))
            .filter(|&t| t <= max_len())
            .ok_or_else(too_long)?;
        let mut b = StrBuilder::with_max(s.max_code_point().max(new.max_code_point()));
        b.try_reserve(total)?;
        for i in 0..n {
            b.push_str(new);
            if i < len {
                b.push_range(s, i, i + 1);
            }
        }
        if n <= len {
            b.push_range(s, n, len);
        }
        return Ok(b.finish());
    }
    let found = count_range(s, old, 0, len, max);
    if found == 0 {
        return Ok(s.clone());
    }
    let total = if new.len() >= old.len() {
        (new.len() - old.len())
            .checked_mul(found)
            .and_then(|g| g.checked_add(len))
    } else {
        Some(len - (old.len() - new.len()) * found)
    }
    .filter(|&t| t <= max_len())
    .ok_or_else(too_long)?;
    let mut b = StrBuilder::with_max(s.max_code_point().max(new.max_code_point()));
    b.try_reserve(total)?;
    let mut i = 0;
    with_finder!(s, old, f => {
        for _ in 0..found {
            let Some(pos) = f.find(i, len) else { break };
            b.push_range(s, i, pos);
            b.push_str(new);
            i = pos + old.len();
        }
    }, ());
    b.push_range(s, i, len);
    Ok(b.finish())
}

/// Which ends `strip` works on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StripSide {
    /// `lstrip`.
    Left,
    /// `rstrip`.
    Right,
    /// `strip`.
    Both,
}

/// `s.strip(chars)`, `s.lstrip(chars)` or `s.rstrip(chars)`; `chars = None`
/// strips whitespace.
pub fn strip(s: &PyStrData, chars: Option<&PyStrData>, side: StripSide) -> PyStrData {
    let set: Option<Vec<u32>> = chars.map(|c| {
        let mut v: Vec<u32> = c.code_points().collect();
        v.sort_unstable();
        v.dedup();
        v
    });
    let strippable = |cp: u32| match &set {
        None => unicode::is_space(cp),
        Some(v) => v.binary_search(&cp).is_ok(),
    };
    let len = s.len();
    let mut start = 0;
    let mut end = len;
    if side != StripSide::Right {
        while start < end && s.char_at(start).is_some_and(strippable) {
            start += 1;
        }
    }
    if side != StripSide::Left {
        while end > start && s.char_at(end - 1).is_some_and(strippable) {
            end -= 1;
        }
    }
    s.substring(start, end)
}

/// `s.removeprefix(prefix)`.
pub fn removeprefix(s: &PyStrData, prefix: &PyStrData) -> PyStrData {
    if crate::search::startswith(s, prefix, None, None) {
        s.substring(prefix.len(), s.len())
    } else {
        s.clone()
    }
}

/// `s.removesuffix(suffix)`.
pub fn removesuffix(s: &PyStrData, suffix: &PyStrData) -> PyStrData {
    if !suffix.is_empty() && crate::search::endswith(s, suffix, None, None) {
        s.substring(0, s.len() - suffix.len())
    } else {
        s.clone()
    }
}

fn pad(s: &PyStrData, left: usize, right: usize, fill: u32) -> StrResult<PyStrData> {
    let total = left
        .checked_add(right)
        .and_then(|p| p.checked_add(s.len()))
        .ok_or_else(|| StrError::overflow("padded string is too long"))?;
    if total > max_len() {
        return Err(StrError::memory());
    }
    let mut b = StrBuilder::with_max(s.max_code_point().max(fill));
    b.try_reserve(total)?;
    for _ in 0..left {
        b.push(fill);
    }
    b.push_str(s);
    for _ in 0..right {
        b.push(fill);
    }
    Ok(b.finish())
}

/// How much padding reaching `width` needs, or `None` if none.
fn margin(s: &PyStrData, width: i64) -> Option<usize> {
    let width = usize::try_from(width).ok()?;
    width.checked_sub(s.len()).filter(|&m| m > 0)
}

/// `s.ljust(width, fillchar)`; the VM checks that the fill character is one
/// code point.
pub fn ljust(s: &PyStrData, width: i64, fill: u32) -> StrResult<PyStrData> {
    match margin(s, width) {
        Some(m) => pad(s, 0, m, fill),
        None => Ok(s.clone()),
    }
}

/// `s.rjust(width, fillchar)`.
pub fn rjust(s: &PyStrData, width: i64, fill: u32) -> StrResult<PyStrData> {
    match margin(s, width) {
        Some(m) => pad(s, m, 0, fill),
        None => Ok(s.clone()),
    }
}

/// `s.center(width, fillchar)`, with CPython's choice of which side gets
/// the odd fill character.
pub fn center(s: &PyStrData, width: i64, fill: u32) -> StrResult<PyStrData> {
    let Some(m) = margin(s, width) else {
        return Ok(s.clone());
    };
    let w = usize::try_from(width).unwrap_or(0);
    let left = m / 2 + (m & w & 1);
    pad(s, left, m - left, fill)
}

/// `s.zfill(width)`: pad with `0` on the left, after a leading sign.
pub fn zfill(s: &PyStrData, width: i64) -> StrResult<PyStrData> {
    let Some(m) = margin(s, width) else {
        return Ok(s.clone());
    };
    let first = s.char_at(0);
    let mut b = StrBuilder::with_max(s.max_code_point());
    b.try_reserve(s.len().saturating_add(m))?;
    let rest = match first {
        Some(c) if c == u32::from(b'+') || c == u32::from(b'-') => {
            b.push(c);
            1
        }
        _ => 0,
    };
    if s.len().saturating_add(m) > max_len() {
        return Err(StrError::memory());
    }
    for _ in 0..m {
        b.push(u32::from(b'0'));
    }
    b.push_range(s, rest, s.len());
    Ok(b.finish())
}

/// `s.expandtabs(tabsize)`: a tab moves to the next multiple of `tabsize`
/// columns; `\n` and `\r` reset the column; a tab size of 0 or less drops
/// tabs.
pub fn expandtabs(s: &PyStrData, tabsize: i64) -> StrResult<PyStrData> {
    let too_long = || StrError::overflow("result too long");
    // First pass: the result length, checked for overflow.
    let mut total: usize = 0;
    let mut col: i64 = 0;
    for cp in s.code_points() {
        if cp == u32::from(b'\t') {
            if tabsize > 0 {
                let incr = tabsize - col % tabsize;
                col = col.checked_add(incr).ok_or_else(too_long)?;
                total = total
                    .checked_add(usize::try_from(incr).map_err(|_| too_long())?)
                    .ok_or_else(too_long)?;
            }
        } else {
            col = col.checked_add(1).ok_or_else(too_long)?;
            total = total.checked_add(1).ok_or_else(too_long)?;
            if cp == u32::from(b'\n') || cp == u32::from(b'\r') {
                col = 0;
            }
        }
    }
    if total > max_len() {
        return Err(too_long());
    }
    let mut b = StrBuilder::with_max(s.max_code_point());
    b.try_reserve(total)?;
    let mut col: i64 = 0;
    for cp in s.code_points() {
        if cp == u32::from(b'\t') {
            if tabsize > 0 {
                let incr = tabsize - col % tabsize;
                col += incr;
                for _ in 0..incr {
                    b.push(u32::from(b' '));
                }
            }
        } else {
            col += 1;
            b.push(cp);
            if cp == u32::from(b'\n') || cp == u32::from(b'\r') {
                col = 0;
            }
        }
    }
    Ok(b.finish())
}

/// `str.maketrans(x, y, z)` with string arguments: the pairs of the
/// resulting dict in insertion order (`None` maps to `None`). The one-dict
/// form is the VM's, since it converts keys.
pub fn maketrans(
    x: &PyStrData,
    y: &PyStrData,
    z: Option<&PyStrData>,
) -> StrResult<Vec<(u32, Option<u32>)>> {
    if x.len() != y.len() {
        return Err(StrError::value(
            "the first two maketrans arguments must have equal length",
        ));
    }
    let mut out: Vec<(u32, Option<u32>)> = x.code_points().zip(y.code_points().map(Some)).collect();
    if let Some(z) = z {
        out.extend(z.code_points().map(|c| (c, None)));
    }
    Ok(out)
}

/// What a translation table says about one code point.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Translation {
    /// The lookup raised `LookupError`: keep the code point.
    Keep,
    /// The table maps it to `None`: drop it.
    Delete,
    /// The table maps it to an int: that code point (checked against
    /// U+10FFFF here).
    Char(u32),
    /// The table maps it to an int that does not fit in a `u32` (negative or
    /// huge): always the range `ValueError`.
    OutOfRange,
    /// The table maps it to a string.
    Str(PyStrData),
}

/// `s.translate(table)`: `lookup` performs `table[cp]` for the VM (so it may
/// run Python code and fail with the VM's error). Lookups of ASCII code
/// points are made once each, as in CPython's fast path.
pub fn translate<E: From<StrError>>(
    s: &PyStrData,
    mut lookup: impl FnMut(u32) -> Result<Translation, E>,
) -> Result<PyStrData, E> {
    let mut cache: [Option<Translation>; 128] = std::array::from_fn(|_| None);
    let mut b = StrBuilder::new();
    for cp in s.code_points() {
        let cached = cache.get(cp as usize).and_then(Clone::clone);
        let t = match cached {
            Some(t) => t,
            None => {
                let t = lookup(cp)?;
                if let Some(slot) = cache.get_mut(cp as usize) {
                    *slot = Some(t.clone());
                }
                t
            }
        };
        match t {
            Translation::Keep => b.push(cp),
            Translation::Delete => {}
            Translation::Char(c) if c <= crate::data::MAX_CODE_POINT => b.push(c),
            Translation::Char(_) | Translation::OutOfRange => {
                return Err(StrError::value("character mapping must be in range(0x110000)").into());
            }
            Translation::Str(t) => b.push_str(&t),
        }
        if b.len() > max_len() {
            return Err(StrError::memory().into());
        }
    }
    Ok(b.finish())
}
