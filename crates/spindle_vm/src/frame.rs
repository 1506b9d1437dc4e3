//! Python-visible frame and traceback objects, and the per-thread list of
//! live frames (`sys._getframe`).

use parking_lot::Mutex;

use crate::eval::Frame;
use crate::interp::ThreadState;
use crate::object::{PayloadKind, PyPayload, alloc};
use crate::runtime::rt;
use crate::value::Value;

/// A handle on a frame: what tracebacks and `sys._getframe` expose.
///
/// `sys._getframe` gives each running frame one frame object (kept in
/// `ThreadState::frame_objects`, by depth) that follows the frame while it
/// runs: `f_lineno` and `f_locals` read the live frame. When the frame ends
/// (`pop_live`), the object keeps what it last saw. Traceback entries are
/// plain snapshots.
pub struct PyFrameObj {
    pub code: Value,
    pub globals: Value,
    pub lineno: Mutex<u32>,
    pub back: Option<Value>,
    /// The frame's locals: its mapping (module and class bodies), else the
    /// last copy of a function frame's variables.
    pub locals: Mutex<Option<Value>>,
    /// While the frame runs: (address of the owning `ThreadState`, depth
    /// index in its `frames`). Cleared by `pop_live` when the frame ends.
    pub live: Mutex<Option<(usize, usize)>>,
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
        if let Some(l) = &*self.locals.lock() {
            visit(l);
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

#[inline]
pub(crate) fn pop_live(ts: &ThreadState) {
    let depth = {
        let mut frames = ts.frames.borrow_mut();
        frames.pop();
        frames.len()
    };
    // Only frames `sys._getframe` has seen have frame objects to detach.
    if ts.frame_objects.borrow().len() > depth {
        detach_frame_objects(ts, depth);
    }
}

/// The frame objects of frames at `depth` and deeper, which have ended, stop
/// following them (see `PyFrameObj`).
#[cold]
#[inline(never)]
fn detach_frame_objects(ts: &ThreadState, depth: usize) {
    let ended: Vec<Value> = ts.frame_objects.borrow_mut().drain(depth..).collect();
    for o in &ended {
        if let Some(fo) = o.downcast::<PyFrameObj>() {
            *fo.live.lock() = None;
        }
    }
    // Dropped here, with no borrow held: the last reference may run `__del__`.
    drop(ended);
}

/// The frame object of the live frame `depth` levels up (0 = innermost):
/// the same object for as long as that frame runs, with `f_back` the frame
/// object of its caller.
pub fn frame_object(ts: &ThreadState, depth: usize) -> Option<Value> {
    let frames = ts.frames.borrow().clone();
    let n = frames.len();
    if depth >= n {
        return None;
    }
    let target = n - depth;
    let mut objs = ts.frame_objects.borrow().clone();
    // Entries exist for the outermost frames only (`pop_live` trims them).
    objs.truncate(n);
    let mut back = objs.get(objs.len().min(target).wrapping_sub(1)).cloned();
    for (i, p) in frames.iter().enumerate().take(target).skip(objs.len()) {
        // SAFETY: frames in ts.frames are live Box<Frame>s owned by running loops on this thread.
        let f = unsafe { &**p };
        let o = snapshot(f, back.take());
        if let Some(fo) = o.downcast::<PyFrameObj>() {
            if fo.locals.lock().is_none() {
                *fo.locals.lock() = Some(fast_locals(f));
            }
            *fo.live.lock() = Some((ts as *const ThreadState as usize, i));
        }
        objs.push(o.clone());
        back = Some(o);
    }
    let result = objs.get(target - 1).cloned();
    let old = std::mem::replace(&mut *ts.frame_objects.borrow_mut(), objs);
    drop(old);
    result
}

/// The running frame a frame object follows, if it still runs and belongs
/// to this thread.
fn live_frame<'a>(ts: &'a ThreadState, fo: &PyFrameObj, obj: &Value) -> Option<&'a Frame> {
    let (owner, depth) = (*fo.live.lock())?;
    if owner != ts as *const ThreadState as usize {
        return None;
    }
    if !ts.frame_objects.borrow().get(depth).is_some_and(|o| o.is(obj)) {
        return None;
    }
    let p = *ts.frames.borrow().get(depth)?;
    // SAFETY: `pop_live` clears `live` (and the registry entry checked above)
    // when the frame at `depth` ends, so the pointer is a live Box<Frame> of
    // this thread's running loops.
    Some(unsafe { &*p })
}

/// `frame.f_lineno`: the running frame's current line, else the last seen.
pub fn frame_lineno(ts: &ThreadState, obj: &Value) -> Option<u32> {
    let fo = obj.downcast::<PyFrameObj>()?;
    if let Some(f) = live_frame(ts, fo, obj) {
        *fo.lineno.lock() = f.lineno();
    }
    Some(*fo.lineno.lock())
}

/// `frame.f_locals`: the locals mapping, or a fresh copy of a running
/// function frame's variables (the last copy once it has ended).
pub fn frame_locals(ts: &ThreadState, obj: &Value) -> Option<Value> {
    let fo = obj.downcast::<PyFrameObj>()?;
    if let Some(f) = live_frame(ts, fo, obj) {
        let d = match &f.locals_map {
            Some(m) => m.clone(),
            None => fast_locals(f),
        };
        let old = fo.locals.lock().replace(d.clone());
        drop(old);
        return Some(d);
    }
    fo.locals.lock().clone()
}

/// A dict of a function frame's bound variables (cells and free variables
/// by their contents), as `locals()` returns it.
pub fn fast_locals(f: &Frame) -> Value {
    let d = crate::builtins_init::new_dict();
    if let Some(dd) = d.downcast::<crate::dict::PyDict>() {
        for (i, name) in f.code.localsplus.iter().enumerate() {
            let Some(v) = f.locals.get(i).cloned().flatten() else { continue };
            let kind = f.code.localspluskinds.get(i).copied().unwrap_or(spindle_bytecode::LocalKind(0));
            let v = if kind.any(spindle_bytecode::LocalKind::CELL | spindle_bytecode::LocalKind::FREE) {
                match crate::cell::cell_get(&v) {
                    Some(x) => x,
                    None => continue,
                }
            } else {
                v
            };
            dd.set_str(crate::str::new_str(name), v);
        }
    }
    d
}

/// A frame object for a suspended generator or coroutine frame, with a
/// copy of its variables (`gi_frame.f_locals`).
pub fn suspended_frame(f: &Frame) -> Value {
    let o = snapshot(f, None);
    if let Some(fo) = o.downcast::<PyFrameObj>() {
        if fo.locals.lock().is_none() {
            *fo.locals.lock() = Some(fast_locals(f));
        }
    }
    o
}

pub fn snapshot(f: &Frame, back: Option<Value>) -> Value {
    alloc(
        rt().types.frame,
        PyFrameObj {
            code: f.code_obj.clone(),
            globals: f.globals.clone(),
            lineno: Mutex::new(f.lineno()),
            back,
            locals: Mutex::new(f.locals_map.clone()),
            live: Mutex::new(None),
        },
    )
}

pub fn new_traceback(frame: Value, lasti: usize, lineno: u32, next: Option<Value>) -> Value {
    alloc(rt().types.traceback, PyTraceback { frame, lasti, lineno, next: Mutex::new(next) })
}
