//! `os.fork` and `os.register_at_fork`, as CPython's posixmodule: the
//! `before` hooks run last-registered first, then the runtime splits the
//! process with the world stopped (`interp::fork_process`); the child
//! forgets the other threads (`_thread`'s handles and exit gates too) and
//! runs the `after_in_child` hooks, the parent warns when it had other
//! threads and runs the `after_in_parent` hooks, both in registration
//! order. A hook's exception is reported through `sys.unraisablehook` and
//! ignored.

use spindle_vm::error::PyResult;
use spindle_vm::function::Args;
use spindle_vm::interp::ThreadState;
use spindle_vm::num::new_int;
use spindle_vm::runtime::none;
use spindle_vm::seq::{PyList, new_list, new_tuple, tuple_items};
use spindle_vm::str::new_str;
use spindle_vm::value::Value;
use spindle_vm::{err, ops, raise};

use super::errno_err;

/// Which list of hooks (the index into the state tuple).
#[derive(Clone, Copy)]
enum When {
    Before = 0,
    AfterInChild = 1,
    AfterInParent = 2,
}

const NAMES: [&str; 3] = ["before", "after_in_child", "after_in_parent"];

/// The interpreter's three hook lists.
fn hooks(ts: &ThreadState) -> Value {
    ts.interp.module_state("posix.at_fork", || new_tuple(vec![new_list(vec![]), new_list(vec![]), new_list(vec![])]))
}

fn hook_list(ts: &ThreadState, when: When) -> Option<Value> {
    tuple_items(&hooks(ts))?.get(when as usize).cloned()
}

/// `register_at_fork(*, before=None, after_in_child=None, after_in_parent=None)`.
pub(crate) fn register_at_fork(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    if !a.positional().is_empty() {
        raise!(TypeError, "register_at_fork() takes no positional arguments");
    }
    let mut given: [Option<Value>; 3] = [None, None, None];
    for (k, v) in a.kwargs() {
        match NAMES.iter().position(|n| *n == k) {
            Some(i) => given[i] = Some(v.clone()),
            None => raise!(TypeError, "register_at_fork() got an unexpected keyword argument '{}'", k),
        }
    }
    if given.iter().all(Option::is_none) {
        raise!(TypeError, "At least one argument is required.");
    }
    for (name, v) in NAMES.iter().zip(&given) {
        if let Some(v) = v.as_ref().filter(|v| !ops::is_callable(v)) {
            raise!(TypeError, "'{}' must be callable, not {}", name, ops::type_name(v));
        }
    }
    for (i, v) in given.into_iter().enumerate() {
        let when = [When::Before, When::AfterInChild, When::AfterInParent][i];
        if let (Some(v), Some(l)) = (v, hook_list(ts, when)) {
            if let Some(l) = l.downcast::<PyList>() {
                l.push(v);
            }
        }
    }
    Ok(none())
}

/// Runs one list of hooks (a copy: a hook may register more).
fn run_hooks(ts: &ThreadState, when: When) {
    let Some(l) = hook_list(ts, when) else { return };
    let Some(l) = l.downcast::<PyList>() else { return };
    let mut funcs = l.snapshot();
    if matches!(when, When::Before) {
        funcs.reverse();
    }
    for f in funcs {
        if let Err(e) = ops::call(ts, &f, &[]) {
            ops::write_unraisable(ts, &e, Some("Exception ignored in"), Some(&f));
        }
    }
}

/// `fork()`.
pub(crate) fn fork(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    if !a.args.is_empty() {
        raise!(TypeError, "posix.fork() takes no arguments ({} given)", a.args.len());
    }
    let sys = ts.interp.sys.clone();
    ops::call_method(ts, &sys, "audit", &[new_str("os.fork")])?;
    run_hooks(ts, When::Before);
    let threads = spindle_vm::interp::thread_count();
    let pid = spindle_vm::interp::fork_process(ts)?;
    let failure = (pid < 0).then(|| errno_err(None));
    if pid == 0 {
        super::thread::after_fork_child(ts);
        run_hooks(ts, When::AfterInChild);
    } else {
        if threads > 1 {
            warn_multithreaded(ts, "fork");
        }
        run_hooks(ts, When::AfterInParent);
    }
    match failure {
        Some(e) => Err(e),
        None => Ok(new_int(pid as i64)),
    }
}

/// CPython's warning (3.12+) after a fork of a process that had other
/// threads running Python; an error it raises (warnings as errors) is
/// reported, not raised: the fork has happened.
fn warn_multithreaded(ts: &ThreadState, name: &str) {
    // SAFETY: getpid cannot fail.
    let pid = unsafe { libc::getpid() };
    let w = err!(DeprecationWarning, "This process (pid={}) is multi-threaded, use of {}() may lead to deadlocks in the child.", pid, name);
    if let Err(e) = spindle_vm::builtins_init::sysmod::warn(ts, &w) {
        ops::write_unraisable(ts, &e, None, None);
    }
}
