//! Encoding `str` to bytes and decoding bytes to `str` for the codecs the
//! runtime needs natively: UTF-8, ASCII, Latin-1, UTF-16 and UTF-32 (each
//! with and without BOM), and cp1252.
//!
//! Errors are shaped like Python's `UnicodeEncodeError`/`UnicodeDecodeError`
//! (codec name, `start`/`end` range, reason) with CPython's reason strings and
//! ranges: encoders report a run of consecutive unencodable code points as one
//! error (UTF-16 and UTF-32 report one code point at a time); decoders report
//! the bytes of one malformed sequence. Every standard error handler is here;
//! `ErrorHandler::Custom` calls a closure, which is how the VM plugs in the
//! handlers registered with `codecs.register_error`.

mod handlers;

use std::convert::Infallible;
use std::fmt::Write as _;

use crate::data::{PyStrData, StrBuilder};
use crate::error::StrError;

pub use handlers::{CustomHandler, ErrorHandler, HandlerCall, Input, Replacement};

/// A codec implemented here.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Encoding {
    /// UTF-8.
    Utf8,
    /// ASCII.
    Ascii,
    /// Latin-1 (ISO 8859-1).
    Latin1,
    /// UTF-16 with a BOM (little-endian when encoding; BOM-detected when
    /// decoding, little-endian without one).
    Utf16,
    /// UTF-16, little-endian, no BOM.
    Utf16Le,
    /// UTF-16, big-endian, no BOM.
    Utf16Be,
    /// UTF-32 with a BOM (as `Utf16`).
    Utf32,
    /// UTF-32, little-endian, no BOM.
    Utf32Le,
    /// UTF-32, big-endian, no BOM.
    Utf32Be,
    /// Windows code page 1252.
    Cp1252,
}

impl Encoding {
    /// Find a codec by one of its Python names or aliases (case, `-` and
    /// spaces ignored as Python's `normalize_encoding` does).
    pub fn lookup(name: &str) -> Option<Encoding> {
        let norm: String = name
            .trim()
            .chars()
            .map(|c| {
                if c.is_ascii_alphanumeric() || c == '.' {
                    c.to_ascii_lowercase()
                } else {
                    '_'
                }
            })
            .collect();
        Some(match norm.as_str() {
            "utf_8" | "utf8" | "u8" | "utf" | "utf8_ucs2" | "utf8_ucs4" | "cp65001" => {
                Encoding::Utf8
            }
            "ascii" | "646" | "us_ascii" | "ansi_x3.4_1968" | "ansi_x3_4_1968"
            | "ansi_x3.4_1986" | "cp367" | "csascii" | "ibm367" | "iso646_us"
            | "iso_646.irv_1991" | "iso_ir_6" | "us" => Encoding::Ascii,
            "latin_1" | "latin1" | "latin" | "l1" | "iso8859_1" | "iso_8859_1" | "8859"
            | "cp819" | "iso_ir_100" | "ibm819" | "csisolatin1" | "iso_8859_1_1987" => {
                Encoding::Latin1
            }
            "utf_16" | "utf16" | "u16" => Encoding::Utf16,
            "utf_16_le" | "utf_16le" | "unicodelittleunmarked" => Encoding::Utf16Le,
            "utf_16_be" | "utf_16be" | "unicodebigunmarked" => Encoding::Utf16Be,
            "utf_32" | "utf32" | "u32" => Encoding::Utf32,
            "utf_32_le" | "utf_32le" => Encoding::Utf32Le,
            "utf_32_be" | "utf_32be" => Encoding::Utf32Be,
            "cp1252" | "windows_1252" | "1252" => Encoding::Cp1252,
            _ => return None,
        })
    }

    /// The codec name that Python's encode errors carry.
    pub fn error_name(self) -> &'static str {
        match self {
            Encoding::Utf8 => "utf-8",
            Encoding::Ascii => "ascii",
            Encoding::Latin1 => "latin-1",
            Encoding::Utf16 => "utf-16",
            Encoding::Utf16Le => "utf-16-le",
            Encoding::Utf16Be => "utf-16-be",
            Encoding::Utf32 => "utf-32",
            Encoding::Utf32Le => "utf-32-le",
            Encoding::Utf32Be => "utf-32-be",
            Encoding::Cp1252 => "charmap",
        }
    }

    fn encode_reason(self) -> &'static str {
        match self {
            Encoding::Ascii => "ordinal not in range(128)",
            Encoding::Latin1 => "ordinal not in range(256)",
            Encoding::Cp1252 => "character maps to <undefined>",
            _ => "surrogates not allowed",
        }
    }

    /// Whether the codec can encode `cp` at all.
    fn encodable(self, cp: u32) -> bool {
        match self {
            Encoding::Ascii => cp < 0x80,
            Encoding::Latin1 => cp < 0x100,
            Encoding::Cp1252 => cp1252_encode(cp).is_some(),
            _ => !is_surrogate(cp),
        }
    }

    /// Whether an error covers a run of unencodable code points (else one).
    fn reports_runs(self) -> bool {
        !matches!(
            self,
            Encoding::Utf16
                | Encoding::Utf16Le
                | Encoding::Utf16Be
                | Encoding::Utf32
                | Encoding::Utf32Le
                | Encoding::Utf32Be
        )
    }

    /// Bytes replacements must be a multiple of this.
    fn unit_size(self) -> usize {
        match self {
            Encoding::Utf16 | Encoding::Utf16Le | Encoding::Utf16Be => 2,
            Encoding::Utf32 | Encoding::Utf32Le | Encoding::Utf32Be => 4,
            _ => 1,
        }
    }

    /// Whether a code point of a custom handler's `str` replacement is
    /// accepted (CPython's UTF encoders take ASCII only).
    fn replacement_ok(self, cp: u32) -> bool {
        match self {
            Encoding::Latin1 => cp < 0x100,
            Encoding::Cp1252 => cp1252_encode(cp).is_some(),
            _ => cp < 0x80,
        }
    }

    /// Append an encodable code point.
    fn put(self, out: &mut Vec<u8>, cp: u32) {
        match self {
            Encoding::Utf8 => push_utf8(out, cp),
            Encoding::Ascii | Encoding::Latin1 => out.push(cp as u8),
            Encoding::Cp1252 => out.push(cp1252_encode(cp).unwrap_or(b'?')),
            Encoding::Utf16 | Encoding::Utf16Le | Encoding::Utf16Be => {
                let big = self == Encoding::Utf16Be;
                let mut unit = |u: u16| {
                    out.extend_from_slice(&if big {
                        u.to_be_bytes()
                    } else {
                        u.to_le_bytes()
                    });
                };
                if cp >= 0x1_0000 {
                    let v = cp - 0x1_0000;
                    unit(0xD800 | (v >> 10) as u16);
                    unit(0xDC00 | (v & 0x3FF) as u16);
                } else {
                    unit(cp as u16);
                }
            }
            Encoding::Utf32 | Encoding::Utf32Le => out.extend_from_slice(&cp.to_le_bytes()),
            Encoding::Utf32Be => out.extend_from_slice(&cp.to_be_bytes()),
        }
    }

    /// A surrogate as the `surrogatepass` handler writes it, if this codec
    /// supports that.
    fn put_surrogate(self, out: &mut Vec<u8>, cp: u32) -> bool {
        match self {
            Encoding::Utf8 => push_utf8(out, cp),
            Encoding::Utf16 | Encoding::Utf16Le => {
                out.extend_from_slice(&(cp as u16).to_le_bytes())
            }
            Encoding::Utf16Be => out.extend_from_slice(&(cp as u16).to_be_bytes()),
            Encoding::Utf32 | Encoding::Utf32Le => out.extend_from_slice(&cp.to_le_bytes()),
            Encoding::Utf32Be => out.extend_from_slice(&cp.to_be_bytes()),
            _ => return false,
        }
        true
    }
}

/// Where an encode or decode error lies and why, as the attributes of
/// Python's `UnicodeEncodeError`/`UnicodeDecodeError` (the object itself is
/// the caller's input).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UnicodeErrorInfo {
    /// The codec name (`exc.encoding`).
    pub encoding: &'static str,
    /// First code point (encode) or byte (decode) in error.
    pub start: usize,
    /// One past the last.
    pub end: usize,
    /// `exc.reason`, worded as CPython's.
    pub reason: &'static str,
}

impl UnicodeErrorInfo {
    /// `str(exc)` for a `UnicodeEncodeError` over `input`.
    pub fn encode_message(&self, input: &PyStrData) -> String {
        let mut m = format!("'{}' codec can't encode ", self.encoding);
        match input.char_at(self.start) {
            Some(cp) if self.end == self.start + 1 => {
                let _ = if cp <= 0xFF {
                    write!(m, "character '\\x{cp:02x}'")
                } else if cp <= 0xFFFF {
                    write!(m, "character '\\u{cp:04x}'")
                } else {
                    write!(m, "character '\\U{cp:08x}'")
                };
                let _ = write!(m, " in position {}: {}", self.start, self.reason);
            }
            _ => {
                let _ = write!(
                    m,
                    "characters in position {}-{}: {}",
                    self.start,
                    self.end.saturating_sub(1),
                    self.reason
                );
            }
        }
        m
    }

    /// `str(exc)` for a `UnicodeDecodeError` over `input`.
    pub fn decode_message(&self, input: &[u8]) -> String {
        match input.get(self.start) {
            Some(b) if self.end == self.start + 1 => format!(
                "'{}' codec can't decode byte 0x{b:02x} in position {}: {}",
                self.encoding, self.start, self.reason
            ),
            _ => format!(
                "'{}' codec can't decode bytes in position {}-{}: {}",
                self.encoding,
                self.start,
                self.end.saturating_sub(1),
                self.reason
            ),
        }
    }
}

/// Why an encode or decode failed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CodecError<E> {
    /// Raise `UnicodeEncodeError`.
    Encode(UnicodeErrorInfo),
    /// Raise `UnicodeDecodeError`.
    Decode(UnicodeErrorInfo),
    /// Raise another exception (`TypeError`, `IndexError`, `LookupError`).
    Other(StrError),
    /// A custom error handler failed with this error.
    Handler(E),
}

impl<E> From<StrError> for CodecError<E> {
    fn from(e: StrError) -> Self {
        CodecError::Other(e)
    }
}

/// Encode `s` with a codec and an error handler.
pub fn encode<E>(
    s: &PyStrData,
    enc: Encoding,
    mut errors: ErrorHandler<'_, E>,
) -> Result<Vec<u8>, CodecError<E>> {
    let mut out = Vec::with_capacity(s.len() + 4);
    match enc {
        Encoding::Utf16 => out.extend_from_slice(&[0xFF, 0xFE]),
        Encoding::Utf32 => out.extend_from_slice(&[0xFF, 0xFE, 0, 0]),
        _ => {}
    }
    // Fast paths: the whole string is encodable without work.
    if let Some(t) = s.as_str()
        && matches!(
            enc,
            Encoding::Utf8 | Encoding::Ascii | Encoding::Latin1 | Encoding::Cp1252
        )
    {
        out.extend_from_slice(t.as_bytes());
        return Ok(out);
    }
    if enc == Encoding::Utf8
        && let Some(t) = s.to_str()
    {
        out.extend_from_slice(t.as_bytes());
        return Ok(out);
    }
    let len = s.len();
    let mut pos = 0;
    while pos < len {
        let cp = s.char_at(pos).unwrap_or(0);
        if enc.encodable(cp) {
            enc.put(&mut out, cp);
            pos += 1;
            continue;
        }
        let mut end = pos + 1;
        if enc.reports_runs() {
            while end < len && s.char_at(end).is_some_and(|c| !enc.encodable(c)) {
                end += 1;
            }
        }
        pos = handlers::handle_encode(s, enc, pos, end, &mut errors, &mut out)?;
    }
    Ok(out)
}

/// Decode `bytes` with a codec and an error handler.
pub fn decode<E>(
    bytes: &[u8],
    enc: Encoding,
    errors: ErrorHandler<'_, E>,
) -> Result<PyStrData, CodecError<E>> {
    decode_partial(bytes, enc, errors, true).map(|(s, _)| s)
}

/// Decode as `_codecs.*_decode(data, errors, final)` does for incremental
/// decoders: returns the text and how many bytes were consumed. Unless
/// `is_final`, an incomplete sequence at the end (and a BOM that may not be
/// complete yet) is left unconsumed instead of being an error.
pub fn decode_partial<E>(
    bytes: &[u8],
    enc: Encoding,
    mut errors: ErrorHandler<'_, E>,
    is_final: bool,
) -> Result<(PyStrData, usize), CodecError<E>> {
    if !is_final
        && ((enc == Encoding::Utf16 && bytes.len() < 2)
            || (enc == Encoding::Utf32 && bytes.len() < 4))
    {
        return Ok((PyStrData::new(), 0));
    }
    // Settle the byte order from a BOM.
    let (enc, mut pos) = match enc {
        Encoding::Utf16 => match bytes {
            [0xFE, 0xFF, ..] => (Encoding::Utf16Be, 2),
            [0xFF, 0xFE, ..] => (Encoding::Utf16Le, 2),
            _ => (Encoding::Utf16Le, 0),
        },
        Encoding::Utf32 => match bytes {
            [0, 0, 0xFE, 0xFF, ..] => (Encoding::Utf32Be, 4),
            [0xFF, 0xFE, 0, 0, ..] => (Encoding::Utf32Le, 4),
            _ => (Encoding::Utf32Le, 0),
        },
        e => (e, 0),
    };
    match enc {
        Encoding::Latin1 => return Ok((PyStrData::from_latin1(bytes), bytes.len())),
        Encoding::Utf8 | Encoding::Ascii => {
            if let Ok(t) = std::str::from_utf8(bytes)
                && (enc == Encoding::Utf8 || t.is_ascii())
            {
                return Ok((PyStrData::from_str(t), bytes.len()));
            }
        }
        _ => {}
    }
    let mut b = StrBuilder::new();
    let _ = b.try_reserve(bytes.len());
    while pos < bytes.len() {
        if enc == Encoding::Utf8 {
            // Copy the valid UTF-8 that follows in one go.
            let rest = &bytes[pos..];
            let valid = match std::str::from_utf8(rest) {
                Ok(t) => t,
                Err(e) => std::str::from_utf8(&rest[..e.valid_up_to()]).unwrap_or(""),
            };
            if !valid.is_empty() {
                b.push_ascii(valid);
                pos += valid.len();
                continue;
            }
        }
        match decode_one(enc, bytes, pos) {
            Ok((cp, n)) => {
                b.push(cp);
                pos += n;
            }
            Err((end, reason)) => {
                if !is_final
                    && end == bytes.len()
                    && matches!(reason, "unexpected end of data" | "truncated data")
                {
                    // Wait for the rest of the sequence.
                    return Ok((b.finish(), pos));
                }
                let info = UnicodeErrorInfo {
                    encoding: enc.error_name(),
                    start: pos,
                    end,
                    reason,
                };
                pos = handlers::handle_decode(bytes, enc, info, &mut errors, &mut b)?;
            }
        }
    }
    Ok((b.finish(), bytes.len()))
}

/// Encode with a codec and a handler given by their Python names; unknown
/// names are `LookupError`s worded as CPython's.
pub fn encode_by_name(
    s: &PyStrData,
    encoding: &str,
    errors: &str,
) -> Result<Vec<u8>, CodecError<Infallible>> {
    let enc = Encoding::lookup(encoding)
        .ok_or_else(|| StrError::lookup(format!("unknown encoding: {encoding}")))?;
    encode(s, enc, ErrorHandler::by_name(errors)?)
}

/// Decode with a codec and a handler given by their Python names.
pub fn decode_by_name(
    bytes: &[u8],
    encoding: &str,
    errors: &str,
) -> Result<PyStrData, CodecError<Infallible>> {
    let enc = Encoding::lookup(encoding)
        .ok_or_else(|| StrError::lookup(format!("unknown encoding: {encoding}")))?;
    decode(bytes, enc, ErrorHandler::by_name(errors)?)
}

fn is_surrogate(cp: u32) -> bool {
    (0xD800..=0xDFFF).contains(&cp)
}

/// Decode one code point at `pos`, or give the end of the malformed
/// sequence and the reason.
fn decode_one(
    enc: Encoding,
    bytes: &[u8],
    pos: usize,
) -> Result<(u32, usize), (usize, &'static str)> {
    let len = bytes.len();
    let b0 = bytes.get(pos).copied().unwrap_or(0);
    match enc {
        Encoding::Utf8 => decode_utf8_char(bytes, pos, false),
        Encoding::Ascii if b0 < 0x80 => Ok((u32::from(b0), 1)),
        Encoding::Ascii => Err((pos + 1, "ordinal not in range(128)")),
        Encoding::Latin1 => Ok((u32::from(b0), 1)),
        Encoding::Cp1252 => match cp1252_decode(b0) {
            Some(cp) => Ok((cp, 1)),
            None => Err((pos + 1, "character maps to <undefined>")),
        },
        Encoding::Utf16 | Encoding::Utf16Le | Encoding::Utf16Be => {
            let big = enc == Encoding::Utf16Be;
            let unit = |at: usize| -> Option<u32> {
                let b = bytes.get(at..at + 2)?;
                let pair = [b[0], b[1]];
                Some(u32::from(if big {
                    u16::from_be_bytes(pair)
                } else {
                    u16::from_le_bytes(pair)
                }))
            };
            let Some(u) = unit(pos) else {
                return Err((len, "truncated data"));
            };
            if !is_surrogate(u) {
                return Ok((u, 2));
            }
            if u >= 0xDC00 {
                return Err((pos + 2, "illegal encoding"));
            }
            match unit(pos + 2) {
                None => Err((len, "unexpected end of data")),
                Some(lo) if (0xDC00..=0xDFFF).contains(&lo) => {
                    Ok((0x1_0000 + ((u - 0xD800) << 10) + (lo - 0xDC00), 4))
                }
                Some(_) => Err((pos + 2, "illegal UTF-16 surrogate")),
            }
        }
        Encoding::Utf32 | Encoding::Utf32Le | Encoding::Utf32Be => {
            let Some(b) = bytes.get(pos..pos + 4) else {
                return Err((len, "truncated data"));
            };
            let quad = [b[0], b[1], b[2], b[3]];
            let v = if enc == Encoding::Utf32Be {
                u32::from_be_bytes(quad)
            } else {
                u32::from_le_bytes(quad)
            };
            if v > 0x10FFFF {
                Err((pos + 4, "code point not in range(0x110000)"))
            } else if is_surrogate(v) {
                Err((
                    pos + 4,
                    "code point in surrogate code point range(0xd800, 0xe000)",
                ))
            } else {
                Ok((v, 4))
            }
        }
    }
}

/// Decode one UTF-8 sequence at `pos`: the code point and its length, or the
/// end of the maximal malformed prefix and CPython's reason. With
/// `surrogates`, three-byte encodings of U+D800..U+DFFF are accepted.
pub(crate) fn decode_utf8_char(
    bytes: &[u8],
    pos: usize,
    surrogates: bool,
) -> Result<(u32, usize), (usize, &'static str)> {
    let len = bytes.len();
    let Some(&b0) = bytes.get(pos) else {
        return Err((len, "unexpected end of data"));
    };
    if b0 < 0x80 {
        return Ok((u32::from(b0), 1));
    }
    if !(0xC2..=0xF4).contains(&b0) {
        return Err((pos + 1, "invalid start byte"));
    }
    let need = if b0 < 0xE0 {
        1
    } else if b0 < 0xF0 {
        2
    } else {
        3
    };
    let (lo, hi) = match b0 {
        0xE0 => (0xA0, 0xBF),
        0xED if !surrogates => (0x80, 0x9F),
        0xF0 => (0x90, 0xBF),
        0xF4 => (0x80, 0x8F),
        _ => (0x80, 0xBF),
    };
    let mut cp = u32::from(b0) & (0x7F >> (need + 1));
    for k in 1..=need {
        let Some(&b) = bytes.get(pos + k) else {
            return Err((len, "unexpected end of data"));
        };
        let ok = if k == 1 {
            (lo..=hi).contains(&b)
        } else {
            (0x80..=0xBF).contains(&b)
        };
        if !ok {
            return Err((pos + k, "invalid continuation byte"));
        }
        cp = (cp << 6) | u32::from(b & 0x3F);
    }
    Ok((cp, need + 1))
}

/// Append `cp` as (generalized) UTF-8; surrogates take three bytes.
pub(crate) fn push_utf8(out: &mut Vec<u8>, cp: u32) {
    if cp < 0x80 {
        out.push(cp as u8);
    } else if cp < 0x800 {
        out.extend_from_slice(&[0xC0 | (cp >> 6) as u8, 0x80 | (cp & 0x3F) as u8]);
    } else if cp < 0x1_0000 {
        out.extend_from_slice(&[
            0xE0 | (cp >> 12) as u8,
            0x80 | ((cp >> 6) & 0x3F) as u8,
            0x80 | (cp & 0x3F) as u8,
        ]);
    } else {
        out.extend_from_slice(&[
            0xF0 | ((cp >> 18) & 0x07) as u8,
            0x80 | ((cp >> 12) & 0x3F) as u8,
            0x80 | ((cp >> 6) & 0x3F) as u8,
            0x80 | (cp & 0x3F) as u8,
        ]);
    }
}

/// Bytes 0x80..=0x9F of cp1252; 0 marks the five undefined bytes.
const CP1252_HIGH: [u16; 32] = [
    0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039,
    0x0152, 0, 0x017D, 0, 0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC,
    0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178,
];

fn cp1252_decode(b: u8) -> Option<u32> {
    match b {
        0x80..=0x9F => match CP1252_HIGH[usize::from(b - 0x80)] {
            0 => None,
            cp => Some(u32::from(cp)),
        },
        _ => Some(u32::from(b)),
    }
}

fn cp1252_encode(cp: u32) -> Option<u8> {
    match cp {
        0..=0x7F | 0xA0..=0xFF => Some(cp as u8),
        _ => CP1252_HIGH
            .iter()
            .position(|&c| c != 0 && u32::from(c) == cp)
            .map(|i| 0x80 + i as u8),
    }
}
