//! `PickleBuffer(buffer)`: a wrapper around a bytes-like object that the
//! pickler (protocol 5) serialises in-band or hands to `buffer_callback`
//! as an out-of-band buffer. It exports its bytes (`memoryview(pb)`),
//! `raw()` gives a flat byte view and `release()` drops the wrapped view.

use std::sync::OnceLock;

use parking_lot::Mutex;
use spindle_vm::function::Args;
use spindle_vm::interp::ThreadState;
use spindle_vm::memoryview::PyMemoryView;
use spindle_vm::object::{PayloadKind, PyPayload, TypeRef, alloc};
use spindle_vm::runtime::none;
use spindle_vm::str::new_str;
use spindle_vm::{PyResult, Value, ops, raise};

use super::pickle_kind;

pub(crate) struct PickleBuffer {
    /// A memoryview of the wrapped object; None once released.
    view: Mutex<Option<Value>>,
}

impl PyPayload for PickleBuffer {
    const KIND: PayloadKind = pickle_kind(1);
    const GC: bool = true;
    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        if let Some(g) = self.view.try_lock() {
            if let Some(v) = g.as_ref() {
                visit(v);
            }
        }
    }
    fn clear(&self) {
        let old = self.view.lock().take();
        drop(old);
    }
}

static PB_T: OnceLock<TypeRef> = OnceLock::new();

fn exported_view(v: &Value) -> Option<Value> {
    v.downcast::<PickleBuffer>().and_then(|p| p.view.lock().clone())
}

fn pb_read(v: &Value) -> Vec<u8> {
    exported_view(v).and_then(|m| m.downcast::<PyMemoryView>().map(PyMemoryView::to_vec)).unwrap_or_default()
}

fn pb_format(_v: &Value) -> char {
    'B'
}

/// Writes through to a writable bytearray behind a flat view.
fn pb_write(v: &Value, at: usize, data: &[u8]) -> bool {
    let Some(view) = exported_view(v) else { return false };
    let Some(m) = view.downcast::<PyMemoryView>() else { return false };
    if m.layout.readonly || m.layout.shape.len() != 1 || m.layout.strides.first().copied() != Some(m.layout.itemsize as isize) {
        return false;
    }
    let Some(ba) = m.obj.downcast::<spindle_vm::bytes::PyByteArray>() else { return false };
    let Ok(base) = usize::try_from(m.layout.offset) else { return false };
    let mut buf = ba.data.lock();
    let start = base + at;
    match buf.get_mut(start..start + data.len()) {
        Some(dst) => {
            dst.copy_from_slice(data);
            true
        }
        None => false,
    }
}

fn pb_export(_v: &Value, _start: bool) {}

static EXPORTER: spindle_vm::buffer::BufferExporter = spindle_vm::buffer::BufferExporter {
    kind: pickle_kind(1),
    read: pb_read,
    format: pb_format,
    write: pb_write,
    export: pb_export,
    ranges: None,
};

pub(crate) fn picklebuffer_type() -> TypeRef {
    *PB_T.get_or_init(|| {
        let t = spindle_vm::native::new_type::<PickleBuffer>("PickleBuffer", "pickle", None, false);
        spindle_vm::native::set_new(t, pb_new);
        spindle_vm::native::add_methods(t, &[("raw", pb_raw), ("release", pb_release), ("__buffer__", pb_buffer), ("__release_buffer__", |_, _| Ok(none()))]);
        spindle_vm::native::add_class_value(t, "__doc__", new_str("Wrapper for potentially out-of-band buffers"));
        spindle_vm::buffer::register(&EXPORTER);
        t
    })
}

/// `PickleBuffer(buffer)`.
fn pb_new(ts: &ThreadState, a: Args<'_>) -> PyResult {
    let [_, buffer] = spindle_vm::builtins_init::parse_args("PickleBuffer", a, ["cls", "buffer"], 2)?;
    let obj = buffer.unwrap_or_else(none);
    let view = spindle_vm::memoryview::new_memoryview(ts, &obj)
        .map_err(|_| spindle_vm::err!(TypeError, "a bytes-like object is required, not '{}'", ops::type_name(&obj)))?;
    Ok(alloc(picklebuffer_type(), PickleBuffer { view: Mutex::new(Some(view)) }))
}

/// The live view of a PickleBuffer, or CPython's released error.
pub(crate) fn live_view(v: &Value) -> PyResult<Value> {
    let Some(p) = v.downcast::<PickleBuffer>() else { raise!(TypeError, "descriptor requires a 'pickle.PickleBuffer' object") };
    match p.view.lock().clone() {
        Some(m) => Ok(m),
        None => raise!(ValueError, "operation forbidden on released PickleBuffer object"),
    }
}

/// `raw()`: a flat, unsigned-byte view of the wrapped buffer.
fn pb_raw(ts: &ThreadState, a: Args<'_>) -> PyResult {
    let view = live_view(a.args.first().unwrap_or(&none()))?;
    if !ops::is_true(ts, &ops::getattr_str(ts, &view, "c_contiguous")?)? {
        raise!(BufferError, "cannot extract raw buffer from non-contiguous buffer");
    }
    let copy = spindle_vm::memoryview::new_memoryview(ts, &view)?;
    ops::call_method(ts, &copy, "cast", &[new_str("B")])
}

/// `release()`: releases the wrapped view (idempotent).
fn pb_release(ts: &ThreadState, a: Args<'_>) -> PyResult {
    let Some(p) = a.args.first().and_then(|v| v.downcast::<PickleBuffer>()) else { raise!(TypeError, "descriptor 'release' requires a 'pickle.PickleBuffer' object") };
    let old = p.view.lock().take();
    if let Some(v) = old {
        ops::call_method(ts, &v, "release", &[])?;
    }
    Ok(none())
}

/// `__buffer__(flags)`: a view of the wrapped buffer.
fn pb_buffer(ts: &ThreadState, a: Args<'_>) -> PyResult {
    let view = live_view(a.args.first().unwrap_or(&none()))?;
    spindle_vm::memoryview::new_memoryview(ts, &view)
}
