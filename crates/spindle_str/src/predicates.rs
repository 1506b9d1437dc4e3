//! The `str.is*` predicates, with Python's definitions: most require a
//! non-empty string whose every code point has the property; `isupper`,
//! `islower` and `istitle` look only at cased code points.

use crate::data::PyStrData;
use crate::unicode;

fn all_nonempty(s: &PyStrData, f: fn(u32) -> bool) -> bool {
    !s.is_empty() && s.code_points().all(f)
}

/// `s.isalpha()`.
pub fn isalpha(s: &PyStrData) -> bool {
    all_nonempty(s, unicode::is_alpha)
}
/// `s.isalnum()`.
pub fn isalnum(s: &PyStrData) -> bool {
    all_nonempty(s, unicode::is_alnum)
}
/// `s.isdecimal()`.
pub fn isdecimal(s: &PyStrData) -> bool {
    all_nonempty(s, unicode::is_decimal)
}
/// `s.isdigit()`.
pub fn isdigit(s: &PyStrData) -> bool {
    all_nonempty(s, unicode::is_digit)
}
/// `s.isnumeric()`.
pub fn isnumeric(s: &PyStrData) -> bool {
    all_nonempty(s, unicode::is_numeric)
}
/// `s.isspace()`.
pub fn isspace(s: &PyStrData) -> bool {
    all_nonempty(s, unicode::is_space)
}
/// `s.isprintable()` (true for the empty string).
pub fn isprintable(s: &PyStrData) -> bool {
    if let Some(t) = s.as_str() {
        return t.bytes().all(|b| (0x20..0x7f).contains(&b));
    }
    s.code_points().all(unicode::is_printable)
}
/// `s.isascii()` (true for the empty string).
pub fn isascii(s: &PyStrData) -> bool {
    s.is_ascii()
}
/// `s.isidentifier()`: XID_Start or `_`, then XID_Continue.
pub fn isidentifier(s: &PyStrData) -> bool {
    let mut cps = s.code_points();
    match cps.next() {
        Some(c) if c == u32::from(b'_') || unicode::is_xid_start(c) => {}
        _ => return false,
    }
    cps.all(unicode::is_xid_continue)
}
/// `s.isupper()`: at least one cased code point and no lowercase or
/// titlecase one.
pub fn isupper(s: &PyStrData) -> bool {
    let mut cased = false;
    for c in s.code_points() {
        if unicode::is_lower(c) || unicode::is_title(c) {
            return false;
        }
        cased |= unicode::is_upper(c);
    }
    cased
}
/// `s.islower()`: at least one cased code point and no uppercase or
/// titlecase one.
pub fn islower(s: &PyStrData) -> bool {
    let mut cased = false;
    for c in s.code_points() {
        if unicode::is_upper(c) || unicode::is_title(c) {
            return false;
        }
        cased |= unicode::is_lower(c);
    }
    cased
}
/// `s.istitle()`: uppercase and titlecase code points only after uncased
/// ones, lowercase ones only after cased ones, and at least one cased.
pub fn istitle(s: &PyStrData) -> bool {
    let mut cased = false;
    let mut previous_is_cased = false;
    for c in s.code_points() {
        if unicode::is_upper(c) || unicode::is_title(c) {
            if previous_is_cased {
                return false;
            }
            previous_is_cased = true;
            cased = true;
        } else if unicode::is_lower(c) {
            if !previous_is_cased {
                return false;
            }
            previous_is_cased = true;
            cased = true;
        } else {
            previous_is_cased = false;
        }
    }
    cased
}

/// The text `int()` and `float()` parse: code points below U+007F kept,
/// whitespace turned into `' '`, decimal digits into ASCII digits, and any
/// other code point into `'?'` (which then fails to parse, as in CPython).
pub fn to_ascii_number_text(s: &PyStrData) -> String {
    if let Some(t) = s.as_str() {
        return t.to_owned();
    }
    s.code_points()
        .map(|c| {
            if c < 0x7F {
                char::from(c as u8)
            } else if unicode::is_space(c) {
                ' '
            } else if let Some(d) = unicode::decimal_value(c) {
                char::from(b'0' + d as u8)
            } else {
                '?'
            }
        })
        .collect()
}
