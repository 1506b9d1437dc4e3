//! Character predicates and case mappings as CPython's `_sre` defines them: the ASCII
//! forms (used by bytes patterns and `re.ASCII`), the locale forms (Spindle runs in the
//! C locale, where `isalnum`/`tolower`/`toupper` only know ASCII) and the Unicode forms
//! (CPython 3.14's Unicode database, see `unicode_tables`). Case mapping is the
//! single-code-point mapping behind `Py_UNICODE_TOLOWER`/`Py_UNICODE_TOUPPER`, not the
//! full mapping of `str.lower()`; the extra equivalences (like `ſ` ~ `s`) are spelled out
//! by the compiler from `re._casefix`, never by the matcher.

use crate::constants::category;
use crate::unicode_tables::{ALNUM, CASE, DECIMAL, LINEBREAK, SPACE};

/// `_sre.ascii_iscased`: whether `ch` is an ASCII letter.
#[must_use]
pub fn ascii_iscased(ch: u32) -> bool {
    ch < 128 && (ch as u8).is_ascii_alphabetic()
}

/// `_sre.unicode_iscased`: whether `ch` has a lower- or upper-case mapping other than
/// itself.
#[must_use]
pub fn unicode_iscased(ch: u32) -> bool {
    ch != lower_unicode(ch) || ch != upper_unicode(ch)
}

/// `_sre.ascii_tolower`: lower-cases ASCII letters, leaves everything else alone.
#[must_use]
pub fn ascii_tolower(ch: u32) -> u32 {
    lower_ascii(ch)
}

/// `_sre.unicode_tolower`: the single-code-point lower-case mapping.
#[must_use]
pub fn unicode_tolower(ch: u32) -> u32 {
    lower_unicode(ch)
}

pub(crate) fn lower_ascii(ch: u32) -> u32 {
    if (u32::from(b'A')..=u32::from(b'Z')).contains(&ch) {
        ch + 32
    } else {
        ch
    }
}

fn upper_ascii(ch: u32) -> u32 {
    if (u32::from(b'a')..=u32::from(b'z')).contains(&ch) {
        ch - 32
    } else {
        ch
    }
}

/// `tolower` of the C locale for a byte; other code points are unchanged.
pub(crate) fn lower_locale(ch: u32) -> u32 {
    lower_ascii(ch)
}

/// `toupper` of the C locale for a byte; other code points are unchanged.
pub(crate) fn upper_locale(ch: u32) -> u32 {
    upper_ascii(ch)
}

fn case_entry(ch: u32) -> Option<&'static (u32, u32, u32)> {
    CASE.binary_search_by_key(&ch, |e| e.0)
        .ok()
        .map(|i| &CASE[i])
}

pub(crate) fn lower_unicode(ch: u32) -> u32 {
    if ch < 128 {
        return lower_ascii(ch);
    }
    case_entry(ch).map_or(ch, |e| e.1)
}

pub(crate) fn upper_unicode(ch: u32) -> u32 {
    if ch < 128 {
        return upper_ascii(ch);
    }
    case_entry(ch).map_or(ch, |e| e.2)
}

fn in_ranges(table: &[(u32, u32)], ch: u32) -> bool {
    // Index of the first range whose upper bound is >= ch.
    let i = table.partition_point(|&(_, hi)| hi < ch);
    table.get(i).is_some_and(|&(lo, _)| lo <= ch)
}

fn is_digit(ch: u32) -> bool {
    (u32::from(b'0')..=u32::from(b'9')).contains(&ch)
}

fn is_space(ch: u32) -> bool {
    // Py_ISSPACE: space, \t, \n, \v, \f, \r.
    ch == 0x20 || (0x09..=0x0d).contains(&ch)
}

pub(crate) fn is_word(ch: u32) -> bool {
    ch < 128 && ((ch as u8).is_ascii_alphanumeric() || ch == u32::from(b'_'))
}

fn is_linebreak(ch: u32) -> bool {
    ch == u32::from(b'\n')
}

pub(crate) fn loc_is_word(ch: u32) -> bool {
    // The C locale's isalnum is ASCII-only, so this coincides with the ASCII form.
    is_word(ch)
}

fn uni_is_digit(ch: u32) -> bool {
    if ch < 128 {
        return is_digit(ch);
    }
    in_ranges(DECIMAL, ch)
}

fn uni_is_space(ch: u32) -> bool {
    if ch < 128 {
        return (0x09..=0x0d).contains(&ch) || (0x1c..=0x20).contains(&ch);
    }
    in_ranges(SPACE, ch)
}

pub(crate) fn uni_is_word(ch: u32) -> bool {
    if ch < 128 {
        return is_word(ch);
    }
    in_ranges(ALNUM, ch)
}

fn uni_is_linebreak(ch: u32) -> bool {
    in_ranges(LINEBREAK, ch)
}

/// Whether `ch` belongs to the category `code`; unknown codes never match (the
/// validator rejects them before a match runs).
pub(crate) fn in_category(code: u32, ch: u32) -> bool {
    match code {
        category::DIGIT => is_digit(ch),
        category::NOT_DIGIT => !is_digit(ch),
        category::SPACE => is_space(ch),
        category::NOT_SPACE => !is_space(ch),
        category::WORD => is_word(ch),
        category::NOT_WORD => !is_word(ch),
        category::LINEBREAK => is_linebreak(ch),
        category::NOT_LINEBREAK => !is_linebreak(ch),
        category::LOC_WORD => loc_is_word(ch),
        category::LOC_NOT_WORD => !loc_is_word(ch),
        category::UNI_DIGIT => uni_is_digit(ch),
        category::UNI_NOT_DIGIT => !uni_is_digit(ch),
        category::UNI_SPACE => uni_is_space(ch),
        category::UNI_NOT_SPACE => !uni_is_space(ch),
        category::UNI_WORD => uni_is_word(ch),
        category::UNI_NOT_WORD => !uni_is_word(ch),
        category::UNI_LINEBREAK => uni_is_linebreak(ch),
        category::UNI_NOT_LINEBREAK => !uni_is_linebreak(ch),
        _ => false,
    }
}

/// `LITERAL_LOC_IGNORE`: `ch` equals `pattern` itself or its locale lower/upper form.
pub(crate) fn char_loc_ignore(pattern: u32, ch: u32) -> bool {
    ch == pattern || lower_locale(ch) == pattern || upper_locale(ch) == pattern
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn case_helpers_match_cpython() {
        // Values recorded from CPython 3.14's _sre.
        assert_eq!(unicode_tolower(0x130), 0x69);
        assert_eq!(unicode_tolower(0x1e9e), 0xdf);
        assert_eq!(unicode_tolower(0x3a3), 0x3c3);
        assert_eq!(unicode_tolower(0x10400), 0x10428);
        assert_eq!(unicode_tolower(0x1f88), 0x1f80);
        assert_eq!(unicode_tolower(0x110000), 0x110000);
        assert!(unicode_iscased(0xdf));
        assert!(unicode_iscased(0x345));
        assert!(unicode_iscased(0x149));
        assert!(!unicode_iscased(u32::from(b'1')));
        assert!(ascii_iscased(u32::from(b'q')));
        assert!(!ascii_iscased(0xe9));
        assert_eq!(ascii_tolower(u32::from(b'Q')), u32::from(b'q'));
        assert_eq!(ascii_tolower(0xc9), 0xc9);
    }

    #[test]
    fn categories() {
        assert!(in_category(category::UNI_DIGIT, 0x661));
        assert!(!in_category(category::DIGIT, 0x661));
        assert!(in_category(category::UNI_SPACE, 0x1c));
        assert!(!in_category(category::SPACE, 0x1c));
        assert!(in_category(category::UNI_WORD, 0x4e2d));
        assert!(in_category(category::UNI_LINEBREAK, 0x2028));
        assert!(!in_category(category::LINEBREAK, u32::from(b'\r')));
    }
}
