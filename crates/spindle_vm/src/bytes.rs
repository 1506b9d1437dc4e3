//! The `bytes` (immutable) and `bytearray` (locked, mutable) payloads.

use std::sync::atomic::AtomicUsize;

use parking_lot::Mutex;

use crate::object::{PayloadKind, PyPayload, alloc};
use crate::runtime::rt;
use crate::value::Value;

pub struct PyBytes {
    pub data: Box<[u8]>,
}

impl PyPayload for PyBytes {
    const KIND: PayloadKind = crate::kinds::BYTES;
}

#[derive(Default)]
pub struct PyByteArray {
    pub data: Mutex<Vec<u8>>,
    /// Live memoryviews over this bytearray: while non-zero it may not change size.
    pub exports: AtomicUsize,
}

impl PyPayload for PyByteArray {
    const KIND: PayloadKind = crate::kinds::BYTEARRAY;
}

pub fn new_bytes(data: &[u8]) -> Value {
    alloc(rt().types.bytes, PyBytes { data: data.into() })
}

pub fn new_bytearray(data: Vec<u8>) -> Value {
    alloc(rt().types.bytearray, PyByteArray { data: Mutex::new(data), exports: AtomicUsize::new(0) })
}
