//! Splitting and joining: `split`, `rsplit`, `splitlines`, `partition`,
//! `rpartition` and `join`, with CPython's edge cases (whitespace runs,
//! `maxsplit`, `\r\n` as one line boundary, "empty separator").

use crate::data::{PyStrData, StrBuilder, max_len};
use crate::error::{StrError, StrResult};
use crate::search::with_finder;
use crate::unicode;

fn empty_separator() -> StrError {
    StrError::value("empty separator")
}

/// A negative `maxsplit` means "no limit".
fn limit(maxsplit: i64) -> usize {
    usize::try_from(maxsplit).unwrap_or(usize::MAX)
}

/// `s.split(sep, maxsplit)`; `sep = None` splits on runs of whitespace.
pub fn split(s: &PyStrData, sep: Option<&PyStrData>, maxsplit: i64) -> StrResult<Vec<PyStrData>> {
    let mut max = limit(maxsplit);
    let len = s.len();
    let mut out = Vec::new();
    let Some(sep) = sep else {
        let cps: Vec<bool> = s.code_points().map(unicode::is_space).collect();
        let mut i = 0;
        while max > 0 {
            while i < len && cps[i] {
                i += 1;
            }
            if i == len {
                break;
            }
            let j = i;
            i += 1;
            while i < len && !cps[i] {
                i += 1;
            }
            out.push(s.substring(j, i));
            max -= 1;
        }
        if i < len {
            while i < len && cps[i] {
                i += 1;
            }
            if i != len {
                out.push(s.substring(i, len));
            }
        }
        return Ok(out);
    };
    if sep.is_empty() {
        return Err(empty_separator());
    }
    let seplen = sep.len();
    let mut i = 0;
    with_finder!(s, sep, f => {
        while max > 0 {
            let Some(pos) = f.find(i, len) else { break };
            out.push(s.substring(i, pos));
            i = pos + seplen;
            max -= 1;
        }
    }, ());
    out.push(s.substring(i, len));
    Ok(out)
}

/// `s.rsplit(sep, maxsplit)`: like `split`, counting splits from the right.
pub fn rsplit(s: &PyStrData, sep: Option<&PyStrData>, maxsplit: i64) -> StrResult<Vec<PyStrData>> {
    let mut max = limit(maxsplit);
    let len = s.len();
    let mut out = Vec::new();
    let Some(sep) = sep else {
        let cps: Vec<bool> = s.code_points().map(unicode::is_space).collect();
        // `i` is one past the current position, so it never goes negative.
        let mut i = len;
        while max > 0 {
            while i > 0 && cps[i - 1] {
                i -= 1;
            }
            if i == 0 {
                break;
            }
            let j = i;
            i -= 1;
            while i > 0 && !cps[i - 1] {
                i -= 1;
            }
            out.push(s.substring(i, j));
            max -= 1;
        }
        if i > 0 {
            while i > 0 && cps[i - 1] {
                i -= 1;
            }
            if i > 0 {
                out.push(s.substring(0, i));
            }
        }
        out.reverse();
        return Ok(out);
    };
    if sep.is_empty() {
        return Err(empty_separator());
    }
    let seplen = sep.len();
    let mut j = len;
    with_finder!(s, sep, f => {
        while max > 0 {
            let Some(pos) = f.rfind(0, j) else { break };
            out.push(s.substring(pos + seplen, j));
            j = pos;
            max -= 1;
        }
    }, ());
    out.push(s.substring(0, j));
    out.reverse();
    Ok(out)
}

/// `s.splitlines(keepends)`: splits at `\n`, `\r`, `\r\n`, `\v`, `\f`,
/// `\x1c`, `\x1d`, `\x1e`, `\x85`, `\u2028` and `\u2029`.
pub fn splitlines(s: &PyStrData, keepends: bool) -> Vec<PyStrData> {
    let len = s.len();
    let at = |i: usize| s.char_at(i).unwrap_or(0);
    let mut out = Vec::new();
    let mut i = 0;
    while i < len {
        let j = i;
        while i < len && !unicode::is_linebreak(at(i)) {
            i += 1;
        }
        let mut eol = i;
        if i < len {
            if at(i) == u32::from(b'\r') && i + 1 < len && at(i + 1) == u32::from(b'\n') {
                i += 2;
            } else {
                i += 1;
            }
            if keepends {
                eol = i;
            }
        }
        out.push(s.substring(j, eol));
    }
    out
}

/// `s.partition(sep)`: `(head, sep, tail)`, or `(s, "", "")` if absent.
pub fn partition(s: &PyStrData, sep: &PyStrData) -> StrResult<(PyStrData, PyStrData, PyStrData)> {
    if sep.is_empty() {
        return Err(empty_separator());
    }
    match crate::search::find(s, sep, None, None) {
        Some(pos) => Ok((
            s.substring(0, pos),
            sep.clone(),
            s.substring(pos + sep.len(), s.len()),
        )),
        None => Ok((s.clone(), PyStrData::new(), PyStrData::new())),
    }
}

/// `s.rpartition(sep)`: `(head, sep, tail)`, or `("", "", s)` if absent.
pub fn rpartition(s: &PyStrData, sep: &PyStrData) -> StrResult<(PyStrData, PyStrData, PyStrData)> {
    if sep.is_empty() {
        return Err(empty_separator());
    }
    match crate::search::rfind(s, sep, None, None) {
        Some(pos) => Ok((
            s.substring(0, pos),
            sep.clone(),
            s.substring(pos + sep.len(), s.len()),
        )),
        None => Ok((PyStrData::new(), PyStrData::new(), s.clone())),
    }
}

/// `sep.join(items)`. The VM checks that every item is a `str` (and words the
/// `TypeError`) before calling this.
pub fn join<'a>(
    sep: &PyStrData,
    items: impl IntoIterator<Item = &'a PyStrData>,
) -> StrResult<PyStrData> {
    let items: Vec<&PyStrData> = items.into_iter().collect();
    match items.as_slice() {
        [] => return Ok(PyStrData::new()),
        [one] => return Ok((*one).clone()),
        _ => {}
    }
    let too_long = || StrError::overflow("join() result is too long for a Python string");
    let mut total = sep
        .len()
        .checked_mul(items.len() - 1)
        .ok_or_else(too_long)?;
    let mut max = sep.max_code_point();
    for item in &items {
        total = total.checked_add(item.len()).ok_or_else(too_long)?;
        max = max.max(item.max_code_point());
    }
    if total > max_len() {
        return Err(too_long());
    }
    let mut b = StrBuilder::with_max(max);
    b.try_reserve(total)?;
    for (i, item) in items.iter().enumerate() {
        if i > 0 {
            b.push_str(sep);
        }
        b.push_str(item);
    }
    Ok(b.finish())
}
