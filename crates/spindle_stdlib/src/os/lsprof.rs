//! `_lsprof`: the deterministic profiler behind `cProfile`. `Profiler`
//! keeps, per function (a code object, or a builtin named as CPython names
//! it: `<built-in method builtins.len>`, `<method 'append' of 'list'
//! objects>`), its call counts and total/inline times, and per caller its
//! sub-call counts, with CPython's bookkeeping (a stack of running
//! contexts; recursion counted at the outermost call).
//!
//! Events come from the thread's profile hook (`sys.setprofile`'s
//! machinery: call/return for Python frames, c_call/c_return/c_exception
//! for builtins): `enable()` installs a builtin bound to the profiler as the
//! enabling thread's hook, so, as CPython's, a profiler sees only the
//! thread that enabled it. Unlike CPython 3.12+ (which uses
//! `sys.monitoring`), `sys.getprofile()` shows that hook meanwhile, and
//! `enable()` refuses while another profile hook is set.

use std::collections::HashMap;
use std::sync::{Mutex, OnceLock, PoisonError};

use spindle_vm::error::PyResult;
use spindle_vm::function::{Args, NativeFunction};
use spindle_vm::interp::ThreadState;
use spindle_vm::num::{new_float, new_int};
use spindle_vm::object::{PyPayload, TypeRef};
use spindle_vm::runtime::{is_none, none, rt};
use spindle_vm::seq::new_list;
use spindle_vm::str::{as_str, new_str};
use spindle_vm::value::Value;
use spindle_vm::{native, ops, raise};

use super::{parse, truthy};

static PROFILER_T: OnceLock<TypeRef> = OnceLock::new();

/// What an entry is keyed by: a code object's address (the entry holds the
/// code, so the address stays its own) or a builtin's label.
#[derive(Clone, PartialEq, Eq, Hash)]
enum Key {
    Code(usize),
    Builtin(String),
}

#[derive(Default, Clone, Copy)]
struct SubEntry {
    tt: i64,
    it: i64,
    callcount: i64,
    recursivecallcount: i64,
    recursion_level: i64,
}

struct Entry {
    /// The code object, or the builtin's label (a str).
    user_obj: Value,
    tt: i64,
    it: i64,
    callcount: i64,
    recursivecallcount: i64,
    recursion_level: i64,
    /// Callees' sub-entries, by callee entry index.
    calls: HashMap<usize, SubEntry>,
}

/// One running call: its entry, start time and time spent in sub-calls.
struct Context {
    entry: usize,
    t0: i64,
    subt: i64,
}

struct State {
    entries: Vec<Entry>,
    index: HashMap<Key, usize>,
    stack: Vec<Context>,
    subcalls: bool,
    builtins: bool,
    /// The hook installed by `enable` (to know it is still ours).
    hook: Option<Value>,
    /// Builtin labels by (name, anchor) address: the anchor (the method's
    /// class, or its instance's class or module) is held here, so its
    /// address is not reused while the label is cached.
    labels: HashMap<(usize, usize), (Value, Value)>,
}

pub(crate) struct Profiler {
    state: Mutex<State>,
    timer: Option<Value>,
    /// `timeunit` of an external timer (0.0: it returns seconds).
    timeunit: f64,
}

impl PyPayload for Profiler {
    const KIND: spindle_vm::object::PayloadKind = crate::kinds::kind(crate::kinds::OS_BASE + 50);
    const GC: bool = true;
    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        // The lock is held only for bookkeeping with no safepoint inside.
        let s = self.state.lock().unwrap_or_else(PoisonError::into_inner);
        s.entries.iter().for_each(|e| visit(&e.user_obj));
        if let Some(h) = &s.hook {
            visit(h);
        }
        for (anchor, label) in s.labels.values() {
            visit(anchor);
            visit(label);
        }
        drop(s);
        if let Some(t) = &self.timer {
            visit(t);
        }
    }
    fn clear(&self) {
        let mut s = self.state.lock().unwrap_or_else(PoisonError::into_inner);
        let entries = std::mem::take(&mut s.entries);
        let hook = s.hook.take();
        let labels = std::mem::take(&mut s.labels);
        s.index.clear();
        s.stack.clear();
        drop(s);
        drop((entries, hook, labels));
    }
}

fn now_ns() -> i64 {
    let mut t = libc::timespec { tv_sec: 0, tv_nsec: 0 };
    // SAFETY: t is a valid out-pointer.
    unsafe { libc::clock_gettime(libc::CLOCK_MONOTONIC, &mut t) };
    t.tv_sec * 1_000_000_000 + t.tv_nsec
}

impl Profiler {
    /// The time now, in the profiler's ticks (ns unless an external timer
    /// with a time unit gives its own).
    fn time(&self, ts: &ThreadState) -> i64 {
        let Some(timer) = &self.timer else { return now_ns() };
        match ops::call(ts, timer, &[]) {
            Ok(v) => {
                if self.timeunit == 0.0 {
                    let secs = spindle_vm::num::float_value(&v).or_else(|| spindle_vm::num::int_to_i64(&v).map(|i| i as f64));
                    secs.map_or(0, |s| (s * 1e9) as i64)
                } else {
                    spindle_vm::num::int_to_i64(&v).or_else(|| spindle_vm::num::float_value(&v).map(|f| f as i64)).unwrap_or(0)
                }
            }
            Err(e) => {
                ops::write_unraisable(ts, &e, Some("Exception ignored in profiler timer"), Some(timer));
                0
            }
        }
    }

    fn factor(&self) -> f64 {
        if self.timer.is_none() || self.timeunit == 0.0 { 1e-9 } else { self.timeunit }
    }

    fn enter(&self, ts: &ThreadState, key: Key, user_obj: impl FnOnce() -> Value) {
        let t0 = self.time(ts);
        let mut s = self.state.lock().unwrap_or_else(PoisonError::into_inner);
        let idx = match s.index.get(&key) {
            Some(&i) => i,
            None => {
                let i = s.entries.len();
                s.entries.push(Entry {
                    user_obj: user_obj(),
                    tt: 0,
                    it: 0,
                    callcount: 0,
                    recursivecallcount: 0,
                    recursion_level: 0,
                    calls: HashMap::new(),
                });
                s.index.insert(key, i);
                i
            }
        };
        s.entries[idx].recursion_level += 1;
        if s.subcalls {
            if let Some(caller) = s.stack.last().map(|c| c.entry) {
                s.entries[caller].calls.entry(idx).or_default().recursion_level += 1;
            }
        }
        s.stack.push(Context { entry: idx, t0, subt: 0 });
    }

    fn leave(&self, ts: &ThreadState, key: &Key) {
        let now = self.time(ts);
        let mut s = self.state.lock().unwrap_or_else(PoisonError::into_inner);
        if s.stack.is_empty() {
            return;
        }
        if s.index.contains_key(key) {
            stop(&mut s, now);
        } else {
            s.stack.pop();
        }
    }

    /// Ends every call still open (CPython's `flush_unmatched`).
    fn flush(&self, ts: &ThreadState) {
        let now = self.time(ts);
        let mut s = self.state.lock().unwrap_or_else(PoisonError::into_inner);
        while !s.stack.is_empty() {
            stop(&mut s, now);
        }
    }
}

/// Closes the innermost context at `now` (CPython's `Stop`).
fn stop(s: &mut State, now: i64) {
    let Some(ctx) = s.stack.pop() else { return };
    let tt = now - ctx.t0;
    let it = tt - ctx.subt;
    let caller = s.stack.last_mut().map(|c| {
        c.subt += tt;
        c.entry
    });
    let e = &mut s.entries[ctx.entry];
    e.recursion_level -= 1;
    if e.recursion_level == 0 {
        e.tt += tt;
    } else {
        e.recursivecallcount += 1;
    }
    e.it += it;
    e.callcount += 1;
    if let (true, Some(caller)) = (s.subcalls, caller) {
        let sub = s.entries[caller].calls.entry(ctx.entry).or_default();
        sub.recursion_level -= 1;
        if sub.recursion_level == 0 {
            sub.tt += tt;
        } else {
            sub.recursivecallcount += 1;
        }
        sub.it += it;
        sub.callcount += 1;
    }
}

fn this<'a>(a: &'a Args<'_>) -> PyResult<&'a Profiler> {
    match a.args.first().and_then(|v| v.downcast::<Profiler>()) {
        Some(p) => Ok(p),
        None => raise!(TypeError, "descriptor requires a '_lsprof.Profiler' object"),
    }
}

fn rest<'a>(a: &Args<'a>) -> Args<'a> {
    Args { args: &a.args[1..], kwnames: a.kwnames }
}

/// CPython's `normalizeUserObj` for a builtin: how it is named in stats.
fn builtin_label(ts: &ThreadState, callable: &Value, nf: &NativeFunction) -> String {
    if nf.owner.is_some() {
        if let Ok(r) = ops::repr_string(ts, callable) {
            return r;
        }
    }
    let module_name = |m: &Option<Value>| -> Option<String> {
        let m = m.as_ref()?;
        if let Some(s) = as_str(m) {
            return Some(s.to_owned());
        }
        let n = ops::getattr_str(ts, m, "__name__").ok()?;
        as_str(&n).map(str::to_owned)
    };
    if let Some(s) = &nf.self_ {
        if s.downcast::<spindle_vm::cell::PyModule>().is_none() {
            let ty = s.type_ref().to_value();
            if let Ok(m) = ops::getattr_str(ts, &ty, nf.name) {
                if let Ok(r) = ops::repr_string(ts, &m) {
                    return r;
                }
            }
        } else if let Some(m) = module_name(&Some(s.clone())) {
            return format!("<built-in method {}.{}>", m, nf.name);
        }
    }
    let module = module_name(&nf.module).or_else(|| module_name(&ops::getattr_str(ts, callable, "__module__").ok().filter(|m| !is_none(m))));
    match module {
        Some(m) => format!("<built-in method {}.{}>", m, nf.name),
        None => format!("<built-in method {}>", nf.name),
    }
}

/// What a builtin's label depends on besides its name: its class (a method
/// descriptor), its instance's class or its module; None when unknown.
fn label_anchor(nf: &NativeFunction) -> Option<Value> {
    if let Some(o) = &nf.owner {
        return Some(o.clone());
    }
    if let Some(s) = &nf.self_ {
        if s.downcast::<spindle_vm::cell::PyModule>().is_some() {
            return Some(s.clone());
        }
        return Some(s.type_ref().to_value());
    }
    nf.module.clone()
}

/// `builtin_label`, cached per (name, anchor): the label text and its str.
fn cached_label(ts: &ThreadState, p: &Profiler, callable: &Value, nf: &NativeFunction) -> (String, Value) {
    let anchor = label_anchor(nf);
    let key = anchor.as_ref().map(|a| (nf.name.as_ptr() as usize, a.bits() as usize));
    if let Some(k) = key {
        let s = p.state.lock().unwrap_or_else(PoisonError::into_inner);
        if let Some((_, label)) = s.labels.get(&k) {
            let label = label.clone();
            drop(s);
            return (as_str(&label).unwrap_or("").to_owned(), label);
        }
    }
    let text = builtin_label(ts, callable, nf);
    let obj = new_str(&text);
    if let (Some(k), Some(a)) = (key, anchor) {
        let mut s = p.state.lock().unwrap_or_else(PoisonError::into_inner);
        s.labels.entry(k).or_insert_with(|| (a, obj.clone()));
    }
    (text, obj)
}

/// The profile hook `enable` installs: `(frame, event, arg)`.
fn prof_callback(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let p = this(&a)?;
    let [frame, event, arg] = match &a.args[1..] {
        [f, e, x] => [f, e, x],
        _ => return Ok(none()),
    };
    let event = as_str(event).unwrap_or("");
    match event {
        "call" | "return" => {
            let Some(fo) = frame.downcast::<spindle_vm::frame::PyFrameObj>() else { return Ok(none()) };
            let code = fo.code.clone();
            let key = Key::Code(code.bits() as usize);
            if event == "call" {
                p.enter(ts, key, || code);
            } else {
                p.leave(ts, &key);
            }
        }
        "c_call" | "c_return" | "c_exception" => {
            let builtins = p.state.lock().unwrap_or_else(PoisonError::into_inner).builtins;
            let Some(nf) = arg.downcast::<NativeFunction>().filter(|_| builtins) else { return Ok(none()) };
            let (label, label_obj) = cached_label(ts, p, arg, nf);
            let key = Key::Builtin(label);
            if event == "c_call" {
                p.enter(ts, key, || label_obj);
            } else {
                p.leave(ts, &key);
            }
        }
        _ => {}
    }
    Ok(none())
}

fn prof_new(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let Some(cls) = a.args.first().and_then(TypeRef::from_value) else {
        raise!(TypeError, "Profiler.__new__(X): X is not a type object")
    };
    let [timer, timeunit, subcalls, builtins] = parse("Profiler", rest(&a), ["timer", "timeunit", "subcalls", "builtins"], 0)?;
    let timeunit = match &timeunit {
        Some(v) => super::to_f64(ts, v)?,
        None => 0.0,
    };
    let subcalls = truthy(ts, &subcalls, true)?;
    let builtins = truthy(ts, &builtins, true)?;
    let state = State { entries: Vec::new(), index: HashMap::new(), stack: Vec::new(), subcalls, builtins, hook: None, labels: HashMap::new() };
    let timer = timer.filter(|t| !is_none(t));
    Ok(spindle_vm::object::alloc(cls, Profiler { state: Mutex::new(state), timer, timeunit }))
}

fn prof_init(_ts: &ThreadState, _a: Args<'_>) -> PyResult<Value> {
    Ok(none())
}

fn prof_enable(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let p = this(&a)?;
    let [subcalls, builtins] = parse("enable", rest(&a), ["subcalls", "builtins"], 0)?;
    // As CPython's: each enable() sets both flags, True unless given.
    let subcalls = truthy(ts, &subcalls, true)?;
    let builtins = truthy(ts, &builtins, true)?;
    let current = ts.profile_fn.borrow().clone();
    let ours = p.state.lock().unwrap_or_else(PoisonError::into_inner).hook.clone();
    if let Some(c) = &current {
        if ours.as_ref().is_none_or(|o| !o.is(c)) {
            raise!(ValueError, "Another profiling tool is already active");
        }
        let mut s = p.state.lock().unwrap_or_else(PoisonError::into_inner);
        s.subcalls = subcalls;
        s.builtins = builtins;
        return Ok(none());
    }
    let hook = spindle_vm::object::alloc(
        rt().types.builtin_function,
        NativeFunction {
            name: "_lsprof_hook",
            qualname: "Profiler._lsprof_hook".to_owned(),
            func: prof_callback,
            self_: Some(a.args[0].clone()),
            owner: None,
            doc: None,
            module: None,
            slot_wrapper: false,
            slot_args: spindle_vm::function::SlotArgs::Any,
        },
    );
    {
        let mut s = p.state.lock().unwrap_or_else(PoisonError::into_inner);
        s.subcalls = subcalls;
        s.builtins = builtins;
        s.hook = Some(hook.clone());
    }
    spindle_vm::eval::set_hook(ts, true, Some(hook));
    Ok(none())
}

fn prof_disable(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let p = this(&a)?;
    super::positional_only("disable", "disable", rest(&a), 0, 0)?;
    let hook = p.state.lock().unwrap_or_else(PoisonError::into_inner).hook.take();
    if let Some(h) = hook {
        let current = ts.profile_fn.borrow().clone();
        if current.as_ref().is_some_and(|c| c.is(&h)) {
            spindle_vm::eval::set_hook(ts, true, None);
        }
        p.flush(ts);
    }
    Ok(none())
}

fn prof_clear(_ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let p = this(&a)?;
    super::positional_only("clear", "clear", rest(&a), 0, 0)?;
    let mut s = p.state.lock().unwrap_or_else(PoisonError::into_inner);
    let entries = std::mem::take(&mut s.entries);
    s.index.clear();
    s.stack.clear();
    drop(s);
    drop(entries);
    Ok(none())
}

fn prof_getstats(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let p = this(&a)?;
    super::positional_only("getstats", "getstats", rest(&a), 0, 0)?;
    let factor = p.factor();
    // Copied out first: building the results runs Python code.
    struct Row {
        code: Value,
        counts: [i64; 4],
        calls: Option<Vec<(Value, [i64; 4])>>,
    }
    let rows: Vec<Row> = {
        let s = p.state.lock().unwrap_or_else(PoisonError::into_inner);
        s.entries
            .iter()
            .map(|e| Row {
                code: e.user_obj.clone(),
                counts: [e.callcount, e.recursivecallcount, e.tt, e.it],
                // None when nothing was recorded (CPython's empty tree).
                calls: (!e.calls.is_empty()).then(|| {
                    e.calls
                        .iter()
                        .map(|(&i, sub)| (s.entries[i].user_obj.clone(), [sub.callcount, sub.recursivecallcount, sub.tt, sub.it]))
                        .collect()
                }),
            })
            .collect()
    };
    let mut out = Vec::with_capacity(rows.len());
    for r in rows {
        let calls = match r.calls {
            Some(subs) => {
                let mut items = Vec::with_capacity(subs.len());
                for (code, [cc, rc, tt, it]) in subs {
                    let v = vec![code, new_int(cc), new_int(rc), new_float(tt as f64 * factor), new_float(it as f64 * factor)];
                    items.push(super::new_structseq(ts, "_lsprof.profiler_subentry", v)?);
                }
                new_list(items)
            }
            None => none(),
        };
        let [cc, rc, tt, it] = r.counts;
        let v = vec![r.code, new_int(cc), new_int(rc), new_float(tt as f64 * factor), new_float(it as f64 * factor), calls];
        out.push(super::new_structseq(ts, "_lsprof.profiler_entry", v)?);
    }
    Ok(new_list(out))
}

fn profiler_type() -> TypeRef {
    *PROFILER_T.get_or_init(|| {
        let t = native::new_type::<Profiler>("Profiler", "_lsprof", None, true);
        native::set_new(t, prof_new);
        native::add_methods(
            t,
            &[
                ("__init__", prof_init),
                ("enable", prof_enable),
                ("disable", prof_disable),
                ("clear", prof_clear),
                ("getstats", prof_getstats),
            ],
        );
        native::add_class_value(
            t,
            "__doc__",
            new_str(
                "Profiler(timer=None, timeunit=None, subcalls=True, builtins=True)\n\n    \
                 Builds a profiler object using the specified timer function.\n    \
                 The default timer is a fast built-in one based on real time.\n    \
                 For custom timer functions returning integers, timeunit can\n    \
                 be a float specifying a scale (i.e. how long each integer unit\n    \
                 is, in seconds).\n",
            ),
        );
        t
    })
}

const PY_SRC: &str = r#"
profiler_entry = _structseq('_lsprof.profiler_entry', ('code', 'callcount', 'reccallcount', 'totaltime', 'inlinetime', 'calls'))
profiler_subentry = _structseq('_lsprof.profiler_subentry', ('code', 'callcount', 'reccallcount', 'totaltime', 'inlinetime'))
"#;

pub(crate) fn init(ts: &ThreadState) -> PyResult<Value> {
    let m = native::new_module("_lsprof", &[]);
    native::add_value(&m, "__doc__", new_str("Fast profiler"));
    native::add_value(&m, "Profiler", profiler_type().to_value());
    super::define_structseqs(ts, &m, PY_SRC, &["_lsprof.profiler_entry", "_lsprof.profiler_subentry"])?;
    Ok(m)
}
