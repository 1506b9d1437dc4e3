//! `repr(str)` and `ascii(str)`: quote choice and backslash escapes as
//! CPython writes them.

use crate::data::{PyStrData, StrBuilder};
use crate::unicode;

const HEX: &[u8; 16] = b"0123456789abcdef";

/// Append `\xhh`, `\uhhhh` or `\Uhhhhhhhh` for `cp`.
pub(crate) fn push_escape(b: &mut StrBuilder, cp: u32) {
    let (prefix, digits) = if cp < 0x100 {
        ('x', 2)
    } else if cp < 0x1_0000 {
        ('u', 4)
    } else {
        ('U', 8)
    };
    b.push(u32::from(b'\\'));
    b.push(u32::from(prefix));
    for k in (0..digits).rev() {
        b.push(u32::from(HEX[((cp >> (4 * k)) & 0xF) as usize]));
    }
}

fn quote_for(s: &PyStrData) -> u32 {
    let mut single = false;
    let mut double = false;
    for c in s.code_points() {
        single |= c == u32::from(b'\'');
        double |= c == u32::from(b'"');
    }
    if single && !double {
        u32::from(b'"')
    } else {
        u32::from(b'\'')
    }
}

fn quoted(s: &PyStrData, escape_non_ascii: bool) -> PyStrData {
    let quote = quote_for(s);
    let mut b = StrBuilder::new();
    b.push(quote);
    for c in s.code_points() {
        match c {
            _ if c == quote || c == u32::from(b'\\') => {
                b.push(u32::from(b'\\'));
                b.push(c);
            }
            0x09 => b.push_ascii("\\t"),
            0x0A => b.push_ascii("\\n"),
            0x0D => b.push_ascii("\\r"),
            0x20..=0x7E => b.push(c),
            0..=0x7F => push_escape(&mut b, c),
            _ if !escape_non_ascii && unicode::is_printable(c) => b.push(c),
            _ => push_escape(&mut b, c),
        }
    }
    b.push(quote);
    b.finish()
}

/// `repr(s)`: printable code points as they are, others escaped.
pub fn repr(s: &PyStrData) -> PyStrData {
    quoted(s, false)
}

/// `ascii(s)`: like `repr`, with every non-ASCII code point escaped.
pub fn ascii(s: &PyStrData) -> PyStrData {
    quoted(s, true)
}
