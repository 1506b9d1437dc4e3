//! Per-code-point Unicode properties as CPython 3.14's `str` sees them.
//!
//! The data comes from `tables.rs`, which `gen/gen_tables.py` derives from the
//! reference interpreter's own `str` methods and `unicodedata` (Unicode 16.0),
//! so every predicate here agrees with CPython code point by code point,
//! surrogates included. Lookups are O(1): a two-level index selects one
//! deduplicated `Record`. Every function accepts any `u32`; values past
//! U+10FFFF behave like unassigned code points.

#[rustfmt::skip]
mod tables;

/// The Unicode version of the tables (CPython 3.14 uses 16.0.0).
pub const UNICODE_VERSION: &str = tables::UNICODE_VERSION;

/// One deduplicated row of properties shared by many code points.
#[derive(Clone, Copy)]
pub(crate) struct Record {
    flags: u16,
    /// Bit n set: mapping n (upper, lower, title, fold) is an offset into
    /// `SPECIAL` (a length followed by code points) rather than a delta.
    ext: u8,
    decimal: i8,
    digit: i8,
    /// Index into `NUMERIC_VALUES`; 0 means "no numeric value".
    numeric: u16,
    upper: i32,
    lower: i32,
    title: i32,
    fold: i32,
}

const ALPHA: u16 = 1 << 0;
const DECIMAL: u16 = 1 << 1;
const DIGIT: u16 = 1 << 2;
const NUMERIC: u16 = 1 << 3;
const SPACE: u16 = 1 << 4;
const PRINTABLE: u16 = 1 << 5;
const LOWER: u16 = 1 << 6;
const UPPER: u16 = 1 << 7;
const TITLE: u16 = 1 << 8;
const CASED: u16 = 1 << 9;
const CASE_IGNORABLE: u16 = 1 << 10;
const XID_START: u16 = 1 << 11;
const XID_CONTINUE: u16 = 1 << 12;
const LINEBREAK: u16 = 1 << 13;
const ASSIGNED: u16 = 1 << 14;

/// The record of an unassigned code point, used past U+10FFFF.
const UNASSIGNED: Record = Record {
    flags: 0,
    ext: 0,
    decimal: -1,
    digit: -1,
    numeric: 0,
    upper: 0,
    lower: 0,
    title: 0,
    fold: 0,
};

fn record(cp: u32) -> &'static Record {
    if cp > 0x10FFFF {
        return &UNASSIGNED;
    }
    let block = (cp >> tables::SHIFT) as usize;
    let mask = (1u32 << tables::SHIFT) - 1;
    let Some(&base) = tables::INDEX1.get(block) else {
        return &UNASSIGNED;
    };
    let slot = ((base as usize) << tables::SHIFT) + (cp & mask) as usize;
    let Some(&rec) = tables::INDEX2.get(slot) else {
        return &UNASSIGNED;
    };
    tables::RECORDS.get(rec as usize).unwrap_or(&UNASSIGNED)
}

fn has(cp: u32, flag: u16) -> bool {
    if cp < 0x80 {
        // Fast path for ASCII: the same answers as the table, without it.
        let b = cp as u8;
        return match flag {
            ALPHA => b.is_ascii_alphabetic(),
            DECIMAL | DIGIT | NUMERIC => b.is_ascii_digit(),
            SPACE => matches!(b, b'\t'..=b'\r' | 0x1c..=0x1f | b' '),
            PRINTABLE => (0x20..0x7f).contains(&b),
            LOWER => b.is_ascii_lowercase(),
            UPPER => b.is_ascii_uppercase(),
            CASED => b.is_ascii_alphabetic(),
            _ => record(cp).flags & flag != 0,
        };
    }
    record(cp).flags & flag != 0
}

/// `str.isalpha` for one code point (general category L*).
pub fn is_alpha(cp: u32) -> bool {
    has(cp, ALPHA)
}
/// `str.isdecimal` for one code point (has a decimal digit value).
pub fn is_decimal(cp: u32) -> bool {
    has(cp, DECIMAL)
}
/// `str.isdigit` for one code point (has a digit value).
pub fn is_digit(cp: u32) -> bool {
    has(cp, DIGIT)
}
/// `str.isnumeric` for one code point (has a numeric value).
pub fn is_numeric(cp: u32) -> bool {
    has(cp, NUMERIC)
}
/// `str.isalnum` for one code point.
pub fn is_alnum(cp: u32) -> bool {
    let f = if cp < 0x80 {
        return (cp as u8).is_ascii_alphanumeric();
    } else {
        record(cp).flags
    };
    f & (ALPHA | DECIMAL | DIGIT | NUMERIC) != 0
}
/// The whitespace test of `str.isspace`, `str.split()`, `str.strip()` and
/// `int()`: bidirectional class WS, B or S, or category Zs.
pub fn is_space(cp: u32) -> bool {
    has(cp, SPACE)
}
/// `str.isprintable` for one code point; also decides `repr` escaping.
pub fn is_printable(cp: u32) -> bool {
    has(cp, PRINTABLE)
}
/// The Lowercase derived property.
pub fn is_lower(cp: u32) -> bool {
    has(cp, LOWER)
}
/// The Uppercase derived property.
pub fn is_upper(cp: u32) -> bool {
    has(cp, UPPER)
}
/// General category Lt.
pub fn is_title(cp: u32) -> bool {
    has(cp, TITLE)
}
/// The Cased derived property.
pub fn is_cased(cp: u32) -> bool {
    has(cp, CASED)
}
/// The Case_Ignorable derived property.
pub fn is_case_ignorable(cp: u32) -> bool {
    has(cp, CASE_IGNORABLE)
}
/// XID_Start (not including `_`, which `isidentifier` adds itself).
pub fn is_xid_start(cp: u32) -> bool {
    has(cp, XID_START)
}
/// XID_Continue.
pub fn is_xid_continue(cp: u32) -> bool {
    has(cp, XID_CONTINUE)
}
/// A line boundary for `str.splitlines`: `\n \r \v \f \x1c \x1d \x1e \x85
/// \u2028 \u2029`.
pub fn is_linebreak(cp: u32) -> bool {
    has(cp, LINEBREAK)
}
/// Whether the code point is assigned in Unicode 16.0 (category is not Cn).
pub fn is_assigned(cp: u32) -> bool {
    has(cp, ASSIGNED)
}

/// The decimal digit value (`unicodedata.decimal`), used by `int()` and
/// `float()` to read non-ASCII digits.
pub fn decimal_value(cp: u32) -> Option<u32> {
    if cp < 0x80 {
        return (cp as u8).is_ascii_digit().then(|| cp - u32::from(b'0'));
    }
    u32::try_from(record(cp).decimal).ok()
}
/// The digit value (`unicodedata.digit`).
pub fn digit_value(cp: u32) -> Option<u32> {
    if cp < 0x80 {
        return decimal_value(cp);
    }
    u32::try_from(record(cp).digit).ok()
}
/// The numeric value (`unicodedata.numeric`).
pub fn numeric_value(cp: u32) -> Option<f64> {
    let idx = record(cp).numeric as usize;
    if idx == 0 {
        return None;
    }
    tables::NUMERIC_VALUES.get(idx).copied()
}

/// A full case mapping: up to three code points.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Mapping {
    buf: [u32; 3],
    len: u8,
}

impl Mapping {
    fn one(cp: u32) -> Mapping {
        Mapping {
            buf: [cp, 0, 0],
            len: 1,
        }
    }
    /// The mapped code points.
    pub fn as_slice(&self) -> &[u32] {
        &self.buf[..usize::from(self.len).min(3)]
    }
}

fn map(cp: u32, which: u8) -> Mapping {
    let rec = record(cp);
    let value = match which {
        0 => rec.upper,
        1 => rec.lower,
        2 => rec.title,
        _ => rec.fold,
    };
    if rec.ext & (1 << which) == 0 {
        let mapped = i64::from(cp) + i64::from(value);
        return Mapping::one(u32::try_from(mapped).unwrap_or(cp));
    }
    let Ok(offset) = usize::try_from(value) else {
        return Mapping::one(cp);
    };
    let len = tables::SPECIAL.get(offset).copied().unwrap_or(0) as usize;
    let Some(cps) = tables::SPECIAL.get(offset + 1..offset + 1 + len) else {
        return Mapping::one(cp);
    };
    let mut m = Mapping {
        buf: [0; 3],
        len: 0,
    };
    for (slot, &c) in m.buf.iter_mut().zip(cps) {
        *slot = c;
        m.len += 1;
    }
    m
}

/// Full uppercase mapping (SpecialCasing included, no language rules).
pub fn to_upper(cp: u32) -> Mapping {
    if cp < 0x80 {
        return Mapping::one(u32::from((cp as u8).to_ascii_uppercase()));
    }
    map(cp, 0)
}
/// Full lowercase mapping, without the final-sigma rule (callers apply it).
pub fn to_lower(cp: u32) -> Mapping {
    if cp < 0x80 {
        return Mapping::one(u32::from((cp as u8).to_ascii_lowercase()));
    }
    map(cp, 1)
}
/// Full titlecase mapping.
pub fn to_title(cp: u32) -> Mapping {
    if cp < 0x80 {
        return Mapping::one(u32::from((cp as u8).to_ascii_uppercase()));
    }
    map(cp, 2)
}
/// Full case folding (`str.casefold`).
pub fn to_fold(cp: u32) -> Mapping {
    if cp < 0x80 {
        return Mapping::one(u32::from((cp as u8).to_ascii_lowercase()));
    }
    map(cp, 3)
}

/// The Unicode name of a code point as `unicodedata.name` gives it, for the
/// `namereplace` error handler. Names come from `unicode_names2`; code points
/// that Unicode 16.0 leaves unassigned get none, whatever that crate's
/// Unicode version says.
pub fn name(cp: u32) -> Option<String> {
    if !is_assigned(cp) {
        return None;
    }
    let c = char::from_u32(cp)?;
    unicode_names2::name(c).map(|n| n.to_string())
}
