//! Case mapping: `upper`, `lower`, `casefold`, `title`, `capitalize` and
//! `swapcase`, with full (one-to-many) mappings and the final-sigma rule,
//! as CPython 3.14 applies them. No language-specific tailoring, as in
//! CPython.

use crate::data::{PyStrData, StrBuilder, UnitsRef};
use crate::unicode::{self, Mapping};

const CAPITAL_SIGMA: u32 = 0x3A3;
const SMALL_SIGMA: u32 = 0x3C3;
const FINAL_SIGMA: u32 = 0x3C2;

/// The lowercase of the code point at `i`, applying the final-sigma rule:
/// a capital sigma preceded by a cased letter (skipping case-ignorable code
/// points) and not followed by one becomes `ς`.
fn lower_at(s: &PyStrData, i: usize, cp: u32) -> Mapping {
    if cp != CAPITAL_SIGMA {
        return unicode::to_lower(cp);
    }
    let mut final_sigma = false;
    let mut j = i;
    while j > 0 {
        j -= 1;
        let c = s.char_at(j).unwrap_or(0);
        if !unicode::is_case_ignorable(c) {
            final_sigma = unicode::is_cased(c);
            break;
        }
    }
    if final_sigma {
        let mut j = i + 1;
        while let Some(c) = s.char_at(j) {
            if !unicode::is_case_ignorable(c) {
                final_sigma = !unicode::is_cased(c);
                break;
            }
            j += 1;
        }
    }
    let mapped = if final_sigma {
        FINAL_SIGMA
    } else {
        SMALL_SIGMA
    };
    unicode::to_lower(mapped)
}

fn push(b: &mut StrBuilder, m: Mapping) {
    for &c in m.as_slice() {
        b.push(c);
    }
}

fn ascii_map(s: &PyStrData, f: fn(&u8) -> u8) -> Option<PyStrData> {
    match s.units() {
        UnitsRef::Latin1(v) if s.is_ascii() => {
            let mapped: Vec<u8> = v.iter().map(f).collect();
            Some(PyStrData::from_latin1(&mapped))
        }
        _ => None,
    }
}

/// `s.upper()`.
pub fn upper(s: &PyStrData) -> PyStrData {
    if let Some(r) = ascii_map(s, u8::to_ascii_uppercase) {
        return r;
    }
    let mut b = StrBuilder::new();
    for cp in s.code_points() {
        push(&mut b, unicode::to_upper(cp));
    }
    b.finish()
}

/// `s.lower()`.
pub fn lower(s: &PyStrData) -> PyStrData {
    if let Some(r) = ascii_map(s, u8::to_ascii_lowercase) {
        return r;
    }
    let mut b = StrBuilder::new();
    for (i, cp) in s.code_points().enumerate() {
        push(&mut b, lower_at(s, i, cp));
    }
    b.finish()
}

/// `s.casefold()`.
pub fn casefold(s: &PyStrData) -> PyStrData {
    if let Some(r) = ascii_map(s, u8::to_ascii_lowercase) {
        return r;
    }
    let mut b = StrBuilder::new();
    for cp in s.code_points() {
        push(&mut b, unicode::to_fold(cp));
    }
    b.finish()
}

/// `s.title()`: titlecase after an uncased code point, lowercase after a
/// cased one.
pub fn title(s: &PyStrData) -> PyStrData {
    let mut b = StrBuilder::new();
    let mut previous_is_cased = false;
    for (i, cp) in s.code_points().enumerate() {
        if previous_is_cased {
            push(&mut b, lower_at(s, i, cp));
        } else {
            push(&mut b, unicode::to_title(cp));
        }
        previous_is_cased = unicode::is_cased(cp);
    }
    b.finish()
}

/// `s.capitalize()`: the first code point titlecased, the rest lowercased.
pub fn capitalize(s: &PyStrData) -> PyStrData {
    let mut b = StrBuilder::new();
    for (i, cp) in s.code_points().enumerate() {
        if i == 0 {
            push(&mut b, unicode::to_title(cp));
        } else {
            push(&mut b, lower_at(s, i, cp));
        }
    }
    b.finish()
}

/// `s.swapcase()`: uppercase code points lowercased, lowercase ones
/// uppercased.
pub fn swapcase(s: &PyStrData) -> PyStrData {
    let mut b = StrBuilder::new();
    for (i, cp) in s.code_points().enumerate() {
        if unicode::is_upper(cp) {
            push(&mut b, lower_at(s, i, cp));
        } else if unicode::is_lower(cp) {
            push(&mut b, unicode::to_upper(cp));
        } else {
            b.push(cp);
        }
    }
    b.finish()
}
