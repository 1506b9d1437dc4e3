//! `binascii`: hex and base64 conversions, CRC-32 and CRC-CCITT, with
//! CPython's `binascii.Error` / `binascii.Incomplete` and messages.

use std::sync::OnceLock;

use spindle_vm::bytes::new_bytes;
use spindle_vm::function::Args;
use spindle_vm::interp::ThreadState;
use spindle_vm::native::{add_value, new_module};
use spindle_vm::num::new_int;
use spindle_vm::runtime::{is_none, none, rt};
use spindle_vm::str::as_str;
use spindle_vm::{PyErr, PyResult, Value, err, ops, raise};

use super::{ascii_or_bytes, bytes_of, exc_of, index_int, new_exc_class, opt_bool, parse};

static ERROR: OnceLock<Value> = OnceLock::new();

fn error(ts: &ThreadState, msg: &str) -> PyErr {
    match ERROR.get() {
        Some(c) => exc_of(ts, c, msg),
        None => err!(ValueError, "{}", msg),
    }
}

static CRC_TABLE: OnceLock<[u32; 256]> = OnceLock::new();

/// CRC-32 (IEEE, reflected) of `data` continuing from `crc`.
pub(crate) fn crc32(data: &[u8], crc: u32) -> u32 {
    let t = CRC_TABLE.get_or_init(|| {
        let mut t = [0u32; 256];
        for (n, slot) in t.iter_mut().enumerate() {
            let mut c = n as u32;
            for _ in 0..8 {
                c = if c & 1 != 0 { 0xEDB8_8320 ^ (c >> 1) } else { c >> 1 };
            }
            *slot = c;
        }
        t
    });
    let mut c = !crc;
    for b in data {
        c = t[((c ^ *b as u32) & 0xff) as usize] ^ (c >> 8);
    }
    !c
}

/// The starting-value argument of a checksum, reduced to 32 bits.
pub(crate) fn u32_arg(ts: &ThreadState, v: Option<&Value>, dflt: u32) -> PyResult<u32> {
    match v {
        None => Ok(dflt),
        Some(v) => {
            let i = index_int(ts, v)?;
            let b = i.to_bigint() & num_bigint::BigInt::from(0xffff_ffffu32);
            Ok(num_traits::ToPrimitive::to_u32(&b).unwrap_or(0))
        }
    }
}

fn b_crc32(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let v = super::exact("crc32", &a, 0, 1, 2)?;
    let data = bytes_of(ts, &v[0], "")?;
    let c = u32_arg(ts, v.get(1), 0)?;
    Ok(new_int(crc32(&data, c) as i64))
}

fn b_crc_hqx(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let v = super::exact("crc_hqx", &a, 0, 2, 2)?;
    let data = bytes_of(ts, &v[0], "")?;
    let mut c = (u32_arg(ts, Some(&v[1]), 0)? & 0xffff) as u16;
    for b in data {
        c ^= (b as u16) << 8;
        for _ in 0..8 {
            c = if c & 0x8000 != 0 { (c << 1) ^ 0x1021 } else { c << 1 };
        }
    }
    Ok(new_int(c as i64))
}

const HEX: &[u8; 16] = b"0123456789abcdef";

fn hexlify_impl(ts: &ThreadState, a: &Args<'_>, name: &str) -> PyResult<Value> {
    let [data, sep, bps] = parse(name, a, 0, ["data", "sep", "bytes_per_sep"], 1)?;
    let data = bytes_of(ts, data.as_ref().unwrap_or(&none()), "")?;
    let sep = match sep {
        Some(s) if !is_none(&s) => {
            let sb = match as_str(&s) {
                Some(x) => x.as_bytes().to_vec(),
                None => bytes_of(ts, &s, "")?,
            };
            if sb.len() != 1 {
                raise!(ValueError, "sep must be length 1.");
            }
            if !sb[0].is_ascii() {
                raise!(ValueError, "sep must be ASCII.");
            }
            Some(sb[0])
        }
        _ => None,
    };
    let bps = match bps {
        Some(v) => super::index_i64(ts, &v)?,
        None => 1,
    };
    let mut out = Vec::with_capacity(data.len() * 3);
    match sep {
        Some(s) if bps != 0 && !data.is_empty() => {
            let g = bps.unsigned_abs() as usize;
            let n = data.len();
            for (i, b) in data.iter().enumerate() {
                let boundary = if bps > 0 { i != 0 && (n - i) % g == 0 } else { i != 0 && i % g == 0 };
                if boundary {
                    out.push(s);
                }
                out.push(HEX[(b >> 4) as usize]);
                out.push(HEX[(b & 15) as usize]);
            }
        }
        _ => {
            for b in &data {
                out.push(HEX[(b >> 4) as usize]);
                out.push(HEX[(b & 15) as usize]);
            }
        }
    }
    Ok(new_bytes(&out))
}

fn b_hexlify(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    hexlify_impl(ts, &a, "hexlify")
}
fn b_b2a_hex(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    hexlify_impl(ts, &a, "b2a_hex")
}

fn unhex(ts: &ThreadState, a: &Args<'_>, name: &str) -> PyResult<Value> {
    let v = super::exact(name, a, 0, 1, 1)?;
    let s = ascii_or_bytes(ts, &v[0])?;
    if s.len() % 2 != 0 {
        return Err(error(ts, "Odd-length string"));
    }
    let mut out = Vec::with_capacity(s.len() / 2);
    for p in s.chunks(2) {
        let h = (p[0] as char).to_digit(16);
        let l = (p[1] as char).to_digit(16);
        match (h, l) {
            (Some(h), Some(l)) => out.push((h * 16 + l) as u8),
            _ => return Err(error(ts, "Non-hexadecimal digit found")),
        }
    }
    Ok(new_bytes(&out))
}

fn b_unhexlify(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    unhex(ts, &a, "unhexlify")
}
fn b_a2b_hex(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    unhex(ts, &a, "a2b_hex")
}

const B64: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

pub(crate) fn b64_encode(data: &[u8], newline: bool) -> Vec<u8> {
    let mut out = Vec::with_capacity(data.len().div_ceil(3) * 4 + 1);
    for c in data.chunks(3) {
        let n = (c[0] as u32) << 16 | (*c.get(1).unwrap_or(&0) as u32) << 8 | *c.get(2).unwrap_or(&0) as u32;
        out.push(B64[(n >> 18) as usize & 63]);
        out.push(B64[(n >> 12) as usize & 63]);
        out.push(if c.len() > 1 { B64[(n >> 6) as usize & 63] } else { b'=' });
        out.push(if c.len() > 2 { B64[n as usize & 63] } else { b'=' });
    }
    if newline {
        out.push(b'\n');
    }
    out
}

fn b64_val(c: u8) -> Option<u32> {
    match c {
        b'A'..=b'Z' => Some((c - b'A') as u32),
        b'a'..=b'z' => Some((c - b'a' + 26) as u32),
        b'0'..=b'9' => Some((c - b'0' + 52) as u32),
        b'+' => Some(62),
        b'/' => Some(63),
        _ => None,
    }
}

fn b_a2b_base64(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let [data, strict] = parse("a2b_base64", &a, 0, ["data", "strict_mode"], 1)?;
    let s = ascii_or_bytes(ts, data.as_ref().unwrap_or(&none()))?;
    let strict = opt_bool(ts, &strict, false)?;
    let mut out = Vec::with_capacity(s.len() / 4 * 3);
    let (mut quad, mut acc, mut pads, mut nchars) = (0u32, 0u32, 0u32, 0usize);
    let mut padding_started = false;
    if strict && s.first() == Some(&b'=') {
        return Err(error(ts, "Leading padding not allowed"));
    }
    let mut i = 0;
    while i < s.len() {
        let c = s[i];
        i += 1;
        if c == b'=' {
            padding_started = true;
            pads += 1;
            if quad >= 2 && quad + pads >= 4 {
                if strict && i < s.len() {
                    return Err(error(ts, "Excess data after padding"));
                }
                quad = 0;
                break;
            }
            continue;
        }
        let Some(v) = b64_val(c) else {
            if strict {
                return Err(error(ts, "Only base64 data is allowed"));
            }
            continue;
        };
        if strict && padding_started {
            return Err(error(ts, "Discontinuous padding not allowed"));
        }
        pads = 0;
        nchars += 1;
        acc = (acc << 6) | v;
        quad += 1;
        match quad {
            2 => out.push((acc >> 4) as u8),
            3 => out.push((acc >> 2) as u8),
            4 => {
                out.push(acc as u8);
                quad = 0;
                acc = 0;
            }
            _ => {}
        }
        acc &= 0xff;
    }
    if quad != 0 {
        if quad == 1 {
            return Err(error(
                ts,
                &format!(
                    "Invalid base64-encoded string: number of data characters ({}) cannot be 1 more than a multiple of 4",
                    nchars
                ),
            ));
        }
        return Err(error(ts, "Incorrect padding"));
    }
    Ok(new_bytes(&out))
}

fn b_b2a_base64(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let [data, nl] = parse("b2a_base64", &a, 0, ["data", "newline"], 1)?;
    let d = bytes_of(ts, data.as_ref().unwrap_or(&none()), "")?;
    let nl = opt_bool(ts, &nl, true)?;
    Ok(new_bytes(&b64_encode(&d, nl)))
}

const QP_MAXLINE: usize = 76;
const HEXU: &[u8; 16] = b"0123456789ABCDEF";

fn push_qp_escape(out: &mut Vec<u8>, c: u8) {
    out.push(b'=');
    out.push(HEXU[usize::from(c >> 4)]);
    out.push(HEXU[usize::from(c & 15)]);
}

/// `b2a_qp(data, quotetabs=False, istext=True, header=False)`: quoted-printable
/// (RFC 1521) with CPython's line-length and trailing-whitespace rules.
fn b_b2a_qp(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let [data, quotetabs, istext, header] = parse("b2a_qp", &a, 0, ["data", "quotetabs", "istext", "header"], 1)?;
    let d = bytes_of(ts, data.as_ref().unwrap_or(&none()), "")?;
    let quotetabs = opt_bool(ts, &quotetabs, false)?;
    let istext = opt_bool(ts, &istext, true)?;
    let header = opt_bool(ts, &header, false)?;
    let n = d.len();
    // CRLF line ends if the first line feed follows a carriage return.
    let crlf = d.iter().position(|&c| c == b'\n').is_some_and(|i| i > 0 && d[i - 1] == b'\r');
    let soft_break = |out: &mut Vec<u8>| {
        out.push(b'=');
        if crlf {
            out.push(b'\r');
        }
        out.push(b'\n');
    };
    let mut out = Vec::with_capacity(n * 3 / 2);
    let mut linelen = 0usize;
    let mut i = 0usize;
    while i < n {
        let c = d[i];
        let next = d.get(i + 1).copied();
        let encode = c > 126
            || c == b'='
            || (header && c == b'_')
            || (c == b'.' && linelen == 0 && matches!(next, None | Some(b'\n' | b'\r' | 0)))
            || (!istext && (c == b'\r' || c == b'\n'))
            || ((c == b'\t' || c == b' ') && next.is_none())
            || (c < 33 && c != b'\r' && c != b'\n' && (quotetabs || (c != b'\t' && c != b' ')));
        if encode {
            if linelen + 3 >= QP_MAXLINE {
                soft_break(&mut out);
                linelen = 0;
            }
            push_qp_escape(&mut out, c);
            i += 1;
            linelen += 3;
        } else if istext && (c == b'\n' || (c == b'\r' && next == Some(b'\n'))) {
            linelen = 0;
            // No whitespace may end a line: quote it.
            if let Some(&last) = out.last() {
                if last == b' ' || last == b'\t' {
                    out.pop();
                    push_qp_escape(&mut out, last);
                }
            }
            if crlf {
                out.push(b'\r');
            }
            out.push(b'\n');
            i += if c == b'\r' { 2 } else { 1 };
        } else {
            if next.is_some() && next != Some(b'\n') && linelen + 1 >= QP_MAXLINE {
                soft_break(&mut out);
                linelen = 0;
            }
            linelen += 1;
            out.push(if header && c == b' ' { b'_' } else { c });
            i += 1;
        }
    }
    Ok(new_bytes(&out))
}

/// `a2b_qp(data, header=False)`.
fn b_a2b_qp(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let [data, header] = parse("a2b_qp", &a, 0, ["data", "header"], 1)?;
    let d = ascii_or_bytes(ts, data.as_ref().unwrap_or(&none()))?;
    let header = opt_bool(ts, &header, false)?;
    let hex = |c: u8| (c as char).to_digit(16);
    let n = d.len();
    let mut out = Vec::with_capacity(n);
    let mut i = 0usize;
    while i < n {
        let c = d[i];
        if c == b'=' {
            i += 1;
            if i >= n {
                break;
            }
            let c2 = d[i];
            if c2 == b'\n' || c2 == b'\r' {
                // Soft line break: skip to past the line feed.
                while i < n && d[i] != b'\n' {
                    i += 1;
                }
                if i < n {
                    i += 1;
                }
            } else if c2 == b'=' {
                out.push(b'=');
                i += 1;
            } else if let (Some(h), Some(l)) = (hex(c2), d.get(i + 1).and_then(|&x| hex(x))) {
                out.push((h * 16 + l) as u8);
                i += 2;
            } else {
                out.push(b'=');
            }
        } else if header && c == b'_' {
            out.push(b' ');
            i += 1;
        } else {
            out.push(c);
            i += 1;
        }
    }
    Ok(new_bytes(&out))
}

/// `b2a_uu(data, *, backtick=False)`: one uuencoded line.
fn b_b2a_uu(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let [data, backtick] = parse("b2a_uu", &a, 0, ["data", "backtick"], 1)?;
    let d = bytes_of(ts, data.as_ref().unwrap_or(&none()), "")?;
    let backtick = opt_bool(ts, &backtick, false)?;
    if d.len() > 45 {
        return Err(error(ts, "At most 45 bytes at once"));
    }
    let enc = |v: u8| if backtick && v == 0 { b'`' } else { b' ' + v };
    let mut out = vec![enc(d.len() as u8 & 0x3f)];
    for chunk in d.chunks(3) {
        let b0 = chunk[0];
        let b1 = chunk.get(1).copied().unwrap_or(0);
        let b2 = chunk.get(2).copied().unwrap_or(0);
        out.push(enc(b0 >> 2));
        out.push(enc(((b0 << 4) | (b1 >> 4)) & 0x3f));
        out.push(enc(((b1 << 2) | (b2 >> 6)) & 0x3f));
        out.push(enc(b2 & 0x3f));
    }
    out.push(b'\n');
    Ok(new_bytes(&out))
}

/// `a2b_uu(data)`: decodes one uuencoded line.
fn b_a2b_uu(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let v = super::exact("a2b_uu", &a, 0, 1, 1)?;
    let d = ascii_or_bytes(ts, &v[0])?;
    let Some((&first, rest)) = d.split_first() else { return Ok(new_bytes(&[0u8; 32])) };
    let bin_len = usize::from(first.wrapping_sub(b' ') & 0x3f);
    let mut out = Vec::with_capacity(bin_len);
    let (mut acc, mut bits) = (0u32, 0u32);
    let mut i = 0usize;
    while out.len() < bin_len {
        let this = match rest.get(i) {
            None | Some(b'\n' | b'\r') => 0,
            Some(&c) => {
                if !(b' '..=b' ' + 64).contains(&c) {
                    return Err(error(ts, "Illegal char"));
                }
                u32::from((c - b' ') & 0x3f)
            }
        };
        acc = ((acc << 6) | this) & 0xffff;
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push(((acc >> bits) & 0xff) as u8);
            acc &= (1 << bits) - 1;
        }
        i += 1;
    }
    // Whatever follows on the line must be padding.
    for &c in rest.iter().skip(i) {
        if c != b' ' && c != b' ' + 64 && c != b'\n' && c != b'\r' {
            return Err(error(ts, "Trailing garbage"));
        }
    }
    Ok(new_bytes(&out))
}

pub(crate) fn init(ts: &ThreadState) -> PyResult<Value> {
    let m = new_module(
        "binascii",
        &[
            ("crc32", b_crc32),
            ("crc_hqx", b_crc_hqx),
            ("hexlify", b_hexlify),
            ("b2a_hex", b_b2a_hex),
            ("unhexlify", b_unhexlify),
            ("a2b_hex", b_a2b_hex),
            ("a2b_base64", b_a2b_base64),
            ("b2a_base64", b_b2a_base64),
            ("b2a_qp", b_b2a_qp),
            ("a2b_qp", b_a2b_qp),
            ("b2a_uu", b_b2a_uu),
            ("a2b_uu", b_a2b_uu),
        ],
    );
    let e = match ERROR.get() {
        Some(e) => e.clone(),
        None => {
            let e = new_exc_class(ts, "binascii", "Error", rt().exc.ValueError)?;
            let _ = ERROR.set(e.clone());
            e
        }
    };
    add_value(&m, "Error", e);
    add_value(&m, "Incomplete", new_exc_class(ts, "binascii", "Incomplete", rt().exc.Exception)?);
    let _ = ops::type_name;
    Ok(m)
}
