//! Codec error handlers: the standard ones (`strict`, `ignore`, `replace`,
//! `surrogateescape`, `surrogatepass`, `backslashreplace`,
//! `xmlcharrefreplace`, `namereplace`) and calls into a custom one.

use super::{CodecError, Encoding, UnicodeErrorInfo, is_surrogate};
use crate::data::{PyStrData, StrBuilder};
use crate::error::StrError;

/// What the custom handler is asked to deal with.
#[derive(Clone, Copy, Debug)]
pub enum Input<'a> {
    /// Encoding this string (`UnicodeEncodeError.object`).
    Str(&'a PyStrData),
    /// Decoding these bytes (`UnicodeDecodeError.object`).
    Bytes(&'a [u8]),
}

/// One call of a custom error handler: the exception it receives.
#[derive(Clone, Debug)]
pub struct HandlerCall<'a> {
    /// The error's codec name, range and reason.
    pub info: UnicodeErrorInfo,
    /// The object being encoded or decoded.
    pub input: Input<'a>,
}

/// The first item of a handler's `(replacement, newpos)` result.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Replacement {
    /// A `str`: encoded again by the codec (encoding) or inserted (decoding).
    Str(PyStrData),
    /// A `bytes` object: copied as is (encoding only).
    Bytes(Vec<u8>),
}

/// The signature of a custom handler: `(replacement, newpos)` or the VM's
/// error. `newpos` may be negative (counted from the end), as in Python.
pub type CustomHandler<'a, E> = dyn FnMut(&HandlerCall<'_>) -> Result<(Replacement, i64), E> + 'a;

/// An error handler for `encode`/`decode`.
pub enum ErrorHandler<'a, E> {
    /// `strict`: raise.
    Strict,
    /// `ignore`: skip the bad input.
    Ignore,
    /// `replace`: `?` when encoding, U+FFFD when decoding.
    Replace,
    /// `surrogateescape`: bytes 0x80..=0xFF <-> U+DC80..=U+DCFF.
    SurrogateEscape,
    /// `surrogatepass`: surrogates encoded as if valid (UTF codecs only).
    SurrogatePass,
    /// `backslashreplace`: `\xhh`, `\uhhhh`, `\Uhhhhhhhh`.
    BackslashReplace,
    /// `xmlcharrefreplace`: `&#ddd;` (encoding only).
    XmlCharRefReplace,
    /// `namereplace`: `\N{NAME}` (encoding only).
    NameReplace,
    /// A handler registered with `codecs.register_error`.
    Custom(&'a mut CustomHandler<'a, E>),
}

impl<E> ErrorHandler<'_, E> {
    /// A standard handler by name; `LookupError` like CPython's for others
    /// (the VM looks up registered ones first).
    pub fn by_name(name: &str) -> Result<Self, StrError> {
        Ok(match name {
            "strict" => ErrorHandler::Strict,
            "ignore" => ErrorHandler::Ignore,
            "replace" => ErrorHandler::Replace,
            "surrogateescape" => ErrorHandler::SurrogateEscape,
            "surrogatepass" => ErrorHandler::SurrogatePass,
            "backslashreplace" => ErrorHandler::BackslashReplace,
            "xmlcharrefreplace" => ErrorHandler::XmlCharRefReplace,
            "namereplace" => ErrorHandler::NameReplace,
            _ => {
                return Err(StrError::lookup(format!(
                    "unknown error handler name '{name}'"
                )));
            }
        })
    }
}

fn resolve_newpos(newpos: i64, len: usize) -> Result<usize, StrError> {
    let ilen = i64::try_from(len).unwrap_or(i64::MAX);
    let pos = if newpos < 0 {
        newpos.saturating_add(ilen)
    } else {
        newpos
    };
    usize::try_from(pos)
        .ok()
        .filter(|&p| p <= len)
        .ok_or_else(|| {
            StrError::index(format!(
                "position {newpos} from error handler out of bounds"
            ))
        })
}

fn push_ascii_encoded(enc: Encoding, out: &mut Vec<u8>, text: &str) {
    for c in text.bytes() {
        enc.put(out, u32::from(c));
    }
}

fn backslash_escape(text: &mut String, cp: u32) {
    use std::fmt::Write as _;
    let _ = if cp <= 0xFF {
        write!(text, "\\x{cp:02x}")
    } else if cp <= 0xFFFF {
        write!(text, "\\u{cp:04x}")
    } else {
        write!(text, "\\U{cp:08x}")
    };
}

/// Deal with unencodable code points `start..end`; returns where to go on.
pub(super) fn handle_encode<E>(
    s: &PyStrData,
    enc: Encoding,
    start: usize,
    end: usize,
    errors: &mut ErrorHandler<'_, E>,
    out: &mut Vec<u8>,
) -> Result<usize, CodecError<E>> {
    let info = |start: usize| UnicodeErrorInfo {
        encoding: enc.error_name(),
        start,
        end,
        reason: enc.encode_reason(),
    };
    let cps = (start..end).map(|i| s.char_at(i).unwrap_or(0));
    match errors {
        ErrorHandler::Strict => Err(CodecError::Encode(info(start))),
        ErrorHandler::Ignore => Ok(end),
        ErrorHandler::Replace => {
            for _ in start..end {
                enc.put(out, u32::from(b'?'));
            }
            Ok(end)
        }
        ErrorHandler::BackslashReplace
        | ErrorHandler::XmlCharRefReplace
        | ErrorHandler::NameReplace => {
            let mut text = String::new();
            for cp in cps {
                match errors {
                    ErrorHandler::XmlCharRefReplace => text.push_str(&format!("&#{cp};")),
                    ErrorHandler::NameReplace => match crate::unicode::name(cp) {
                        Some(name) => {
                            text.push_str("\\N{");
                            text.push_str(&name);
                            text.push('}');
                        }
                        None => backslash_escape(&mut text, cp),
                    },
                    _ => backslash_escape(&mut text, cp),
                }
            }
            push_ascii_encoded(enc, out, &text);
            Ok(end)
        }
        ErrorHandler::SurrogateEscape => {
            let mut raw = Vec::new();
            for (i, cp) in (start..end).zip(cps) {
                if !(0xDC80..=0xDCFF).contains(&cp) {
                    // CPython's fast paths keep what was escaped so far and
                    // report from here; the charmap codec reports the run.
                    let from = if enc == Encoding::Cp1252 { start } else { i };
                    return Err(CodecError::Encode(info(from)));
                }
                raw.push((cp - 0xDC00) as u8);
            }
            if raw.len() % enc.unit_size() != 0 {
                return Err(CodecError::Encode(info(start)));
            }
            out.extend_from_slice(&raw);
            Ok(end)
        }
        ErrorHandler::SurrogatePass => {
            let mut raw = Vec::new();
            for cp in cps {
                if !is_surrogate(cp) || !enc.put_surrogate(&mut raw, cp) {
                    return Err(CodecError::Encode(info(start)));
                }
            }
            out.extend_from_slice(&raw);
            Ok(end)
        }
        ErrorHandler::Custom(f) => {
            let call = HandlerCall {
                info: info(start),
                input: super::Input::Str(s),
            };
            let (rep, newpos) = f(&call).map_err(CodecError::Handler)?;
            let newpos = resolve_newpos(newpos, s.len())?;
            match rep {
                Replacement::Str(r) => {
                    if r.code_points().any(|c| !enc.replacement_ok(c)) {
                        return Err(CodecError::Encode(info(start)));
                    }
                    for c in r.code_points() {
                        enc.put(out, c);
                    }
                }
                Replacement::Bytes(b) => {
                    if b.len() % enc.unit_size() != 0 {
                        return Err(CodecError::Encode(info(start)));
                    }
                    out.extend_from_slice(&b);
                }
            }
            Ok(newpos)
        }
    }
}

/// Deal with the malformed bytes `info.start..info.end`; returns where to go
/// on.
pub(super) fn handle_decode<E>(
    bytes: &[u8],
    enc: Encoding,
    info: UnicodeErrorInfo,
    errors: &mut ErrorHandler<'_, E>,
    b: &mut StrBuilder,
) -> Result<usize, CodecError<E>> {
    let (start, end) = (info.start, info.end.min(bytes.len()).max(info.start));
    match errors {
        ErrorHandler::Strict => Err(CodecError::Decode(info)),
        ErrorHandler::Ignore => Ok(end),
        ErrorHandler::Replace => {
            b.push(0xFFFD);
            Ok(end)
        }
        ErrorHandler::BackslashReplace => {
            let mut text = String::new();
            for &byte in bytes.get(start..end).unwrap_or(&[]) {
                backslash_escape(&mut text, u32::from(byte));
            }
            b.push_ascii(&text);
            Ok(end)
        }
        ErrorHandler::XmlCharRefReplace | ErrorHandler::NameReplace => Err(CodecError::Other(
            StrError::type_error("don't know how to handle UnicodeDecodeError in error callback"),
        )),
        ErrorHandler::SurrogateEscape => {
            let mut consumed = 0;
            while consumed < 4 && start + consumed < end {
                let byte = bytes.get(start + consumed).copied().unwrap_or(0);
                if byte < 0x80 {
                    break;
                }
                consumed += 1;
            }
            if consumed == 0 {
                return Err(CodecError::Decode(info));
            }
            for &byte in bytes.get(start..start + consumed).unwrap_or(&[]) {
                b.push(0xDC00 + u32::from(byte));
            }
            Ok(start + consumed)
        }
        ErrorHandler::SurrogatePass => match decode_surrogate(bytes, start, enc) {
            Some((cp, n)) => {
                b.push(cp);
                Ok(start + n)
            }
            None => Err(CodecError::Decode(info)),
        },
        ErrorHandler::Custom(f) => {
            let call = HandlerCall {
                info,
                input: super::Input::Bytes(bytes),
            };
            let (rep, newpos) = f(&call).map_err(CodecError::Handler)?;
            let Replacement::Str(r) = rep else {
                return Err(CodecError::Other(StrError::type_error(
                    "decoding error handler must return (str, int) tuple",
                )));
            };
            let newpos = resolve_newpos(newpos, bytes.len())?;
            b.push_str(&r);
            Ok(newpos)
        }
    }
}

/// A surrogate encoded at `start` as the `surrogatepass` handler reads it.
fn decode_surrogate(bytes: &[u8], start: usize, enc: Encoding) -> Option<(u32, usize)> {
    let (cp, n) = match enc {
        Encoding::Utf8 => {
            let p = bytes.get(start..start + 3)?;
            if p[0] & 0xF0 != 0xE0 || p[1] & 0xC0 != 0x80 || p[2] & 0xC0 != 0x80 {
                return None;
            }
            let cp = (u32::from(p[0] & 0x0F) << 12)
                | (u32::from(p[1] & 0x3F) << 6)
                | u32::from(p[2] & 0x3F);
            (cp, 3)
        }
        Encoding::Utf16 | Encoding::Utf16Le | Encoding::Utf16Be => {
            let p = bytes.get(start..start + 2)?;
            let pair = [p[0], p[1]];
            let u = if enc == Encoding::Utf16Be {
                u16::from_be_bytes(pair)
            } else {
                u16::from_le_bytes(pair)
            };
            (u32::from(u), 2)
        }
        Encoding::Utf32 | Encoding::Utf32Le | Encoding::Utf32Be => {
            let p = bytes.get(start..start + 4)?;
            let quad = [p[0], p[1], p[2], p[3]];
            let u = if enc == Encoding::Utf32Be {
                u32::from_be_bytes(quad)
            } else {
                u32::from_le_bytes(quad)
            };
            (u, 4)
        }
        _ => return None,
    };
    is_surrogate(cp).then_some((cp, n))
}
