//! `_queue`: `SimpleQueue` (an unbounded FIFO that `queue.py` re-exports,
//! and that `concurrent.futures` and `logging.handlers` use) and `Empty`.
//! A blocked `get` waits detached, so a stop-the-world collection and, in
//! GIL mode, other threads go on meanwhile.

use std::collections::VecDeque;
use std::sync::OnceLock;
use std::time::{Duration, Instant};

use spindle_vm::wait::{WaitCondvar, WaitMutex};
use spindle_vm::error::{PyErr, PyResult};
use spindle_vm::function::Args;
use spindle_vm::interp::ThreadState;
use spindle_vm::num::{new_bool, new_int};
use spindle_vm::object::{PyPayload, TypeRef};
use spindle_vm::runtime::none;
use spindle_vm::value::Value;
use spindle_vm::{native, raise};

use super::{given, parse, truthy};

static SIMPLEQUEUE_T: OnceLock<TypeRef> = OnceLock::new();
static EMPTY: OnceLock<TypeRef> = OnceLock::new();

/// The items, and how many `get`s sleep on `cond` (a `put` notifies only
/// then). Both under one mutex, so a put cannot miss a sleeper. No Python
/// code runs and no item is dropped while it is held.
struct State {
    items: VecDeque<Value>,
    sleepers: usize,
}

pub(crate) struct SimpleQueue {
    state: WaitMutex<State>,
    cond: WaitCondvar,
}

impl PyPayload for SimpleQueue {
    const KIND: spindle_vm::object::PayloadKind = crate::kinds::kind(crate::kinds::OS_BASE + 3);
    const GC: bool = true;
    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        // Blocking: every pass of one collection must see the same items.
        // While the world is stopped the lock is held at most by a detached
        // getter between its wake-up and its look, which lets it go without
        // attaching; attached threads hold it only for a push or pop, with
        // no safepoint inside.
        self.state.lock().items.iter().for_each(visit);
    }
    fn clear(&self) {
        let items = std::mem::take(&mut self.state.lock().items);
        drop(items);
    }
}

impl SimpleQueue {
    fn push(&self, item: Value) {
        let mut s = self.state.lock();
        s.items.push_back(item);
        let wake = s.sleepers > 0;
        drop(s);
        if wake {
            self.cond.notify_one();
        }
    }

    #[inline]
    fn try_pop(&self) -> Option<Value> {
        self.state.lock().items.pop_front()
    }

    /// Waits (the caller is detached) until the queue holds an item or
    /// `deadline` (None: forever) passes; true when it holds one. It only
    /// looks: a detached thread must not change what the collector sees
    /// (an item popped here, mid-collection, would leave the queue after
    /// the collector counted the queue's reference to it but before it
    /// marked what the queue reaches, and the live item would be freed).
    fn wait_nonempty(&self, deadline: Option<Instant>) -> bool {
        let mut s = self.state.lock();
        while s.items.is_empty() {
            s.sleepers += 1;
            let timed_out = match deadline {
                None => {
                    s = self.cond.wait(s);
                    false
                }
                Some(d) => {
                    let timed_out;
                    (s, timed_out) = self.cond.wait_until(s, d);
                    timed_out
                }
            };
            s.sleepers -= 1;
            if timed_out {
                return !s.items.is_empty();
            }
        }
        true
    }

    /// Pops an item, waiting detached between tries until `deadline`; the
    /// pop itself happens attached. Another getter may win the item a
    /// wait saw, so this loops.
    fn pop_wait(&self, ts: &ThreadState, deadline: Option<Instant>) -> Option<Value> {
        loop {
            if let Some(v) = self.try_pop() {
                return Some(v);
            }
            if !ts.detached(|| self.wait_nonempty(deadline)) {
                return None;
            }
        }
    }
}

fn this<'a>(a: &'a Args<'_>) -> PyResult<&'a SimpleQueue> {
    match a.args.first().and_then(|v| v.downcast::<SimpleQueue>()) {
        Some(q) => Ok(q),
        None => raise!(TypeError, "descriptor requires a '_queue.SimpleQueue' object"),
    }
}

fn rest<'a>(a: &'a Args<'_>) -> Args<'a> {
    Args { args: a.args.get(1..).unwrap_or(&[]), kwnames: a.kwnames }
}

fn empty_error() -> PyErr {
    match EMPTY.get() {
        Some(t) => PyErr::bare(*t),
        None => spindle_vm::err!(RuntimeError, "_queue not initialised"),
    }
}

fn sq_new(_ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let Some(cls) = a.args.first().and_then(TypeRef::from_value) else {
        raise!(TypeError, "SimpleQueue.__new__(X): X is not a type object")
    };
    // As CPython: a subclass with its own __init__ may take arguments.
    let plain = cls == simplequeue_type();
    if plain && a.positional().len() > 1 {
        raise!(TypeError, "SimpleQueue() takes no positional arguments");
    }
    if plain && a.has_kwargs() {
        raise!(TypeError, "SimpleQueue() takes no keyword arguments");
    }
    let q = SimpleQueue { state: WaitMutex::new(State { items: VecDeque::new(), sleepers: 0 }), cond: WaitCondvar::new() };
    Ok(spindle_vm::object::alloc(cls, q))
}

fn sq_put(_ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let q = this(&a)?;
    // Fast path: put(item).
    if a.args.len() == 2 && a.kwnames.is_empty() {
        q.push(a.args[1].clone());
        return Ok(none());
    }
    let [item, _block, _timeout] = parse("put", rest(&a), ["item", "block", "timeout"], 1)?;
    q.push(item.unwrap_or_else(none));
    Ok(none())
}

fn sq_put_nowait(_ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let q = this(&a)?;
    let [item] = parse("put_nowait", rest(&a), ["item"], 1)?;
    q.push(item.unwrap_or_else(none));
    Ok(none())
}

fn sq_get(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let q = this(&a)?;
    if let Some(v) = q.try_pop() {
        // Still check the arguments, as CPython does before it looks.
        if a.args.len() > 1 {
            if let Err(e) = get_deadline(ts, &a) {
                q.state.lock().items.push_front(v);
                return Err(e);
            }
        }
        return Ok(v);
    }
    let deadline = get_deadline(ts, &a)?;
    let got = match deadline {
        Some(None) => None,
        Some(Some(d)) => q.pop_wait(ts, Some(d)),
        None => q.pop_wait(ts, None),
    };
    got.ok_or_else(empty_error)
}

/// get's (block, timeout) as a deadline: None = forever, Some(None) = don't wait.
fn get_deadline(ts: &ThreadState, a: &Args<'_>) -> PyResult<Option<Option<Instant>>> {
    let [block, timeout] = parse("get", rest(a), ["block", "timeout"], 0)?;
    if !truthy(ts, &block, true)? {
        // As CPython: the timeout is not even looked at.
        return Ok(Some(None));
    }
    let Some(t) = given(&timeout) else { return Ok(None) };
    let t = super::thread::seconds_arg(ts, t)?;
    if t < 0.0 {
        raise!(ValueError, "'timeout' must be a non-negative number");
    }
    // A deadline past what Instant holds is no deadline.
    Ok(Instant::now().checked_add(Duration::from_secs_f64(t.min(1e12))).map(Some))
}

fn sq_get_nowait(_ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let q = this(&a)?;
    if a.args.len() > 1 {
        raise!(TypeError, "get_nowait() takes no arguments");
    }
    q.try_pop().ok_or_else(empty_error)
}

/// A method without parameters: CPython's wording for extra arguments.
fn no_args(name: &str, a: &Args<'_>) -> PyResult<()> {
    if a.has_kwargs() {
        raise!(TypeError, "SimpleQueue.{}() takes no keyword arguments", name);
    }
    if a.args.len() > 1 {
        raise!(TypeError, "SimpleQueue.{}() takes no arguments ({} given)", name, a.args.len() - 1);
    }
    Ok(())
}

fn sq_empty(_ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let q = this(&a)?;
    no_args("empty", &a)?;
    Ok(new_bool(q.state.lock().items.is_empty()))
}

fn sq_qsize(_ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let q = this(&a)?;
    no_args("qsize", &a)?;
    Ok(new_int(q.state.lock().items.len() as i64))
}

fn simplequeue_type() -> TypeRef {
    *SIMPLEQUEUE_T.get_or_init(|| {
        let t = native::new_type::<SimpleQueue>("SimpleQueue", "_queue", None, true);
        native::set_new(t, sq_new);
        native::add_methods(
            t,
            &[
                ("put", sq_put),
                ("put_nowait", sq_put_nowait),
                ("get", sq_get),
                ("get_nowait", sq_get_nowait),
                ("empty", sq_empty),
                ("qsize", sq_qsize),
            ],
        );
        native::add_classmethod(t, "__class_getitem__", |ts, a| match a.args {
            [cls, item] => spindle_vm::builtins_init::generic_alias(ts, cls, item),
            _ => raise!(TypeError, "__class_getitem__ expected 1 argument"),
        });
        native::add_class_value(t, "__doc__", spindle_vm::str::new_str("Simple, unbounded, reentrant FIFO queue."));
        t
    })
}

pub(crate) fn init(ts: &ThreadState) -> PyResult<Value> {
    let m = native::new_module("_queue", &[]);
    super::run_source(
        ts,
        &m,
        "class Empty(Exception):\n    'Exception raised by Queue.get(block=0)/get_nowait().'\n    pass\n",
        "<_queue>",
    )?;
    if let Some(e) = native::module_dict(&m).and_then(|d| d.get_str("Empty")).as_ref().and_then(TypeRef::from_value) {
        let _ = EMPTY.set(e);
    }
    native::add_value(&m, "SimpleQueue", simplequeue_type().to_value());
    Ok(m)
}
