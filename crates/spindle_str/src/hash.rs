//! Python's `str` and `bytes` hash: SipHash-1-3 over the PEP 393 buffer.
//!
//! CPython hashes the raw code units of a string (1, 2 or 4 bytes each, in
//! the machine's little-endian order) with a 128-bit key, maps -1 to -2, and
//! gives the empty string and empty bytes the hash 0. Because storage is
//! canonical, equal strings have equal buffers and so equal hashes.

use std::hash::Hasher;

use siphasher::sip::SipHasher13;

use crate::data::{PyStrData, UnitsRef};

/// The hash of `s` as CPython computes it with SipHash-1-3 keys `k0`, `k1`
/// (`PYTHONHASHSEED=0` means both are 0).
pub fn hash_with_key(s: &PyStrData, k0: u64, k1: u64) -> i64 {
    if s.is_empty() {
        return 0;
    }
    let mut h = SipHasher13::new_with_keys(k0, k1);
    match s.units() {
        UnitsRef::Latin1(v) => h.write(v),
        UnitsRef::Ucs2(v) => write_le(&mut h, v.iter().map(|u| u.to_le_bytes())),
        UnitsRef::Ucs4(v) => write_le(&mut h, v.iter().map(|u| u.to_le_bytes())),
    }
    finish(h.finish())
}

/// The hash of a `bytes` object (and of `memoryview`/`bytearray` contents
/// where Python hashes them) with the same keys.
pub fn hash_bytes_with_key(bytes: &[u8], k0: u64, k1: u64) -> i64 {
    if bytes.is_empty() {
        return 0;
    }
    let mut h = SipHasher13::new_with_keys(k0, k1);
    h.write(bytes);
    finish(h.finish())
}

fn finish(raw: u64) -> i64 {
    match raw as i64 {
        -1 => -2,
        x => x,
    }
}

/// Feed little-endian unit bytes through a small buffer, so the hasher sees
/// the same byte stream as CPython's in-memory buffer on any host.
fn write_le<const N: usize>(h: &mut SipHasher13, units: impl Iterator<Item = [u8; N]>) {
    let mut buf = [0u8; 512];
    let mut used = 0;
    for bytes in units {
        if used + N > buf.len() {
            h.write(&buf[..used]);
            used = 0;
        }
        buf[used..used + N].copy_from_slice(&bytes);
        used += N;
    }
    h.write(&buf[..used]);
}
