//! Python-visible frame and traceback objects, and the per-thread list of
//! live frames (`sys._getframe`).

use parking_lot::Mutex;

use crate::eval::Frame;
use crate::interp::ThreadState;
use crate::object::{PayloadKind, PyPayload, alloc};
use crate::runtime::rt;
use crate::value::Value;

/// A snapshot handle on a frame: what tracebacks and `sys._getframe` expose.
pub struct PyFrameObj {
    pub code: Value,
    pub globals: Value,
    pub lineno: Mutex<u32>,
    pub back: Option<Value>,
    pub locals: Option<Value>,
}

impl PyPayload for PyFrameObj {
    const KIND: PayloadKind = crate::kinds::FRAME;
    const GC: bool = true;
    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        visit(&self.code);
        visit(&self.globals);
        if let Some(b) = &self.back {
            visit(b);
        }
    }
}

pub struct PyTraceback {
    pub frame: Value,
    pub lasti: usize,
    pub lineno: u32,
    /// `tb_next` (writable from Python, as in CPython).
    pub next: Mutex<Option<Value>>,
}

impl PyPayload for PyTraceback {
    const KIND: PayloadKind = crate::kinds::TRACEBACK;
    const GC: bool = true;
    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        visit(&self.frame);
        if let Some(n) = &*self.next.lock() {
            visit(n);
        }
    }
}

pub(crate) fn push_live(ts: &ThreadState, f: &Frame) {
    ts.frames.borrow_mut().push(f as *const Frame);
}

pub(crate) fn pop_live(ts: &ThreadState) {
    ts.frames.borrow_mut().pop();
}

/// A frame object for the live frame `depth` levels up (0 = innermost).
pub fn frame_object(ts: &ThreadState, depth: usize) -> Option<Value> {
    let frames = ts.frames.borrow().clone();
    let n = frames.len();
    if depth >= n {
        return None;
    }
    let mut back: Option<Value> = None;
    for (i, p) in frames[..n - depth].iter().enumerate() {
        // SAFETY: frames in ts.frames are live Box<Frame>s owned by running loops on this thread.
        let f = unsafe { &**p };
        let _ = i;
        back = Some(snapshot(f, back));
    }
    back
}

pub fn snapshot(f: &Frame, back: Option<Value>) -> Value {
    alloc(
        rt().types.frame,
        PyFrameObj {
            code: f.code_obj.clone(),
            globals: f.globals.clone(),
            lineno: Mutex::new(f.lineno()),
            back,
            locals: f.locals_map.clone(),
        },
    )
}

pub fn new_traceback(frame: Value, lasti: usize, lineno: u32, next: Option<Value>) -> Value {
    alloc(rt().types.traceback, PyTraceback { frame, lasti, lineno, next: Mutex::new(next) })
}
