//! The buffer protocol for exporters defined outside the VM (`array.array`
//! in spindle_stdlib): a native module registers, per payload kind, how to
//! read and write the object's bytes and its item format. `memoryview`,
//! `bytes()`/`bytearray()` and every `bytes_data` consumer consult it after
//! the VM's own bytes-like types.

use parking_lot::RwLock;

use crate::object::PayloadKind;
use crate::value::Value;

pub struct BufferExporter {
    /// The payload kind whose objects export through this entry.
    pub kind: PayloadKind,
    /// A copy of the object's bytes.
    pub read: fn(&Value) -> Vec<u8>,
    /// The struct-style item format ('B', 'i', 'd', ...).
    pub format: fn(&Value) -> char,
    /// Writes `data` at byte offset `at`; false when read-only or out of range.
    pub write: fn(&Value, usize, &[u8]) -> bool,
    /// A view starts (`true`) or stops (`false`) exporting the object's memory.
    pub export: fn(&Value, bool),
    /// For large exporters (an mmap): their length and a range of their
    /// bytes without copying all of them. None: `read` serves every access.
    pub ranges: Option<&'static RangeReads>,
}

/// Reads of part of an exporter's bytes (see `BufferExporter::ranges`).
pub struct RangeReads {
    pub len: fn(&Value) -> usize,
    /// Up to `n` bytes from byte offset `at`.
    pub read: fn(&Value, usize, usize) -> Vec<u8>,
}

/// Registered exporters. Not Python-visible: function tables filled once by
/// native-module initialisation.
static EXPORTERS: RwLock<Vec<&'static BufferExporter>> = RwLock::new(Vec::new());

/// Registers `e` (once per kind; later registrations of a kind are ignored).
pub fn register(e: &'static BufferExporter) {
    let mut v = EXPORTERS.write();
    if !v.iter().any(|x| x.kind == e.kind) {
        v.push(e);
    }
}

/// The exporter of `v`'s layout, if one is registered.
pub fn exporter(v: &Value) -> Option<&'static BufferExporter> {
    if v.is_small_int() {
        return None;
    }
    let kind = v.type_ref().data().vtable.kind;
    EXPORTERS.read().iter().find(|e| e.kind == kind).copied()
}
