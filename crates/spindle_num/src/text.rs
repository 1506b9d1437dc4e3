//! Text helpers shared by the parsers: Python's notion of whitespace (`str.isspace`),
//! Unicode decimal digits (which `int()`, `float()` and `complex()` accept), and a
//! `repr()` of a string for error messages. Tables are from Unicode 16.0, the
//! database of CPython 3.14.

/// The code points for which Python's `str.isspace()` is true.
const WHITESPACE: [u32; 29] = [
    0x9, 0xa, 0xb, 0xc, 0xd, 0x1c, 0x1d, 0x1e, 0x1f, 0x20, 0x85, 0xa0, 0x1680, 0x2000, 0x2001,
    0x2002, 0x2003, 0x2004, 0x2005, 0x2006, 0x2007, 0x2008, 0x2009, 0x200a, 0x2028, 0x2029, 0x202f,
    0x205f, 0x3000,
];

/// The digit zero of every run of ten Unicode decimal digits (category Nd); each run is
/// contiguous, so `c - zero` is the digit value.
const DECIMAL_ZEROS: [u32; 76] = [
    0x30, 0x660, 0x6f0, 0x7c0, 0x966, 0x9e6, 0xa66, 0xae6, 0xb66, 0xbe6, 0xc66, 0xce6, 0xd66,
    0xde6, 0xe50, 0xed0, 0xf20, 0x1040, 0x1090, 0x17e0, 0x1810, 0x1946, 0x19d0, 0x1a80, 0x1a90,
    0x1b50, 0x1bb0, 0x1c40, 0x1c50, 0xa620, 0xa8d0, 0xa900, 0xa9d0, 0xa9f0, 0xaa50, 0xabf0, 0xff10,
    0x104a0, 0x10d30, 0x10d40, 0x11066, 0x110f0, 0x11136, 0x111d0, 0x112f0, 0x11450, 0x114d0,
    0x11650, 0x116c0, 0x116d0, 0x116da, 0x11730, 0x118e0, 0x11950, 0x11bf0, 0x11c50, 0x11d50,
    0x11da0, 0x11f50, 0x16130, 0x16a60, 0x16ac0, 0x16b50, 0x16d70, 0x1ccf0, 0x1d7ce, 0x1d7d8,
    0x1d7e2, 0x1d7ec, 0x1d7f6, 0x1e140, 0x1e2f0, 0x1e4f0, 0x1e5f1, 0x1e950, 0x1fbf0,
];

/// Python's `str.isspace()` for one character.
pub(crate) fn is_py_space(c: char) -> bool {
    WHITESPACE.binary_search(&(c as u32)).is_ok()
}

/// The value of a Unicode decimal digit, as `unicodedata.decimal(c)`.
pub(crate) fn decimal_value(c: char) -> Option<u32> {
    let cp = c as u32;
    if c.is_ascii() {
        return c.to_digit(10);
    }
    let i = DECIMAL_ZEROS.partition_point(|&z| z <= cp);
    let zero = DECIMAL_ZEROS[i.checked_sub(1)?];
    (cp - zero < 10).then_some(cp - zero)
}

/// Maps a string the way CPython does before parsing a number: non-ASCII whitespace
/// becomes a space, Unicode decimal digits become ASCII digits, and any other non-ASCII
/// character becomes `?` (which no number grammar accepts). Returns the input borrowed
/// when it is already ASCII.
pub(crate) fn to_ascii_number(s: &str) -> std::borrow::Cow<'_, str> {
    if s.is_ascii() {
        return std::borrow::Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if c.is_ascii() {
            out.push(c);
        } else if is_py_space(c) {
            out.push(' ');
        } else if let Some(d) = decimal_value(c) {
            out.push(char::from(b'0' + d as u8));
        } else {
            out.push('?');
        }
    }
    std::borrow::Cow::Owned(out)
}

/// C's `isspace` in the C locale, which the number parsers use after
/// [`to_ascii_number`] (so `\x1c`..`\x1f`, Python whitespace, are not skipped).
pub(crate) fn is_c_space(c: u8) -> bool {
    matches!(c, b' ' | b'\t' | b'\n' | b'\x0b' | b'\x0c' | b'\r')
}

/// Strips C whitespace from both ends.
pub(crate) fn strip_py_space(s: &str) -> &str {
    s.trim_matches(|c: char| c.is_ascii() && is_c_space(c as u8))
}

/// `repr()` of a Python string, as used in error messages.
///
/// Printability of non-ASCII characters is approximated (control, separator, format
/// and private-use characters are escaped); the VM's own `str.__repr__` is exact.
#[must_use]
pub fn py_str_repr(s: &str) -> String {
    let quote = if s.contains('\'') && !s.contains('"') {
        '"'
    } else {
        '\''
    };
    let mut out = String::with_capacity(s.len() + 2);
    out.push(quote);
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c == quote => {
                out.push('\\');
                out.push(c);
            }
            c if (c as u32) < 0x20 || c as u32 == 0x7f => {
                out.push_str(&format!("\\x{:02x}", c as u32));
            }
            c if c.is_ascii() => out.push(c),
            c if !is_printable(c) => {
                let cp = c as u32;
                if cp <= 0xff {
                    out.push_str(&format!("\\x{cp:02x}"));
                } else if cp <= 0xffff {
                    out.push_str(&format!("\\u{cp:04x}"));
                } else {
                    out.push_str(&format!("\\U{cp:08x}"));
                }
            }
            c => out.push(c),
        }
    }
    out.push(quote);
    out
}

/// `%.200R`: the repr cut to its first 200 characters, as CPython's `int()` error does.
pub(crate) fn py_str_repr_200(s: &str) -> String {
    let r = py_str_repr(s);
    match r.char_indices().nth(200) {
        Some((i, _)) => r[..i].to_owned(),
        None => r,
    }
}

fn is_printable(c: char) -> bool {
    let cp = c as u32;
    !(c.is_control()
        || (is_py_space(c) && c != ' ')
        || cp == 0xad
        || (0x200b..=0x200f).contains(&cp)
        || (0x202a..=0x202e).contains(&cp)
        || (0x2060..=0x206f).contains(&cp)
        || cp == 0xfeff
        || (0xfff9..=0xfffb).contains(&cp)
        || (0xe000..=0xf8ff).contains(&cp)
        || cp >= 0xf0000
        || (cp & 0xfffe) == 0xfffe)
}
