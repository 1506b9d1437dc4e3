//! `BaseException` and friends: construction, `str`/`repr`, `add_note`,
//! `with_traceback`, per-class attributes (`StopIteration.value`,
//! `SystemExit.code`, `OSError.errno`...), exception groups and `except*`.

use super::{add_methods, add_new, check_args};
use crate::error::{PyErr, PyResult};
use crate::exceptions::PyBaseException;
use crate::function::Args;
use crate::interp::ThreadState;
use crate::object::{TypeRef, alloc};
use crate::ops;
use crate::runtime::{Runtime, is_none, none, rt};
use crate::seq::{new_tuple, tuple_items};
use crate::str::{as_str, new_str, new_string};
use crate::value::Value;
use crate::{err, raise};

pub(super) fn init(r: &Runtime) {
    let b = r.exc.BaseException;
    add_new(b, exc_new);
    add_methods(
        b,
        &[
            ("__init__", exc_init),
            ("__repr__", exc_repr),
            ("__str__", exc_str),
            ("with_traceback", |_, a| {
                check_args("with_traceback", a, 1, 1)?;
                if let Some(e) = a.args[0].downcast::<PyBaseException>() {
                    *e.traceback.lock() = Some(a.args[1].clone()).filter(|x| !is_none(x));
                }
                Ok(a.args[0].clone())
            }),
            ("add_note", |ts, a| {
                check_args("add_note", a, 1, 1)?;
                if as_str(&a.args[1]).is_none() {
                    raise!(TypeError, "add_note() argument must be str, not {}", ops::type_name(&a.args[1]));
                }
                add_note(ts, &PyErr(a.args[0].clone()), as_str(&a.args[1]).unwrap_or(""));
                Ok(none())
            }),
            ("__reduce__", |_, a| {
                let e = a.args[0].downcast::<PyBaseException>().ok_or_else(|| err!(TypeError, "expected exception"))?;
                Ok(new_tuple(vec![a.args[0].type_ref().to_value(), e.args.lock().clone()]))
            }),
        ],
    );
    add_methods(r.exc.KeyError, &[("__str__", keyerror_str)]);
    add_methods(r.exc.BaseExceptionGroup, &[("__str__", eg_str), ("derive", eg_derive), ("split", eg_split), ("subgroup", eg_subgroup)]);
    add_new(r.exc.BaseExceptionGroup, eg_new);
    add_methods(r.exc.OSError, &[("__str__", oserror_str), ("__init__", oserror_init)]);
    add_new(r.exc.OSError, oserror_new);
    add_methods(r.exc.SyntaxError, &[("__str__", syntaxerror_str), ("__init__", syntaxerror_init)]);
    add_methods(r.exc.ImportError, &[("__init__", importerror_init), ("__str__", importerror_str)]);
    add_methods(r.exc.AttributeError, &[("__init__", name_attr_init)]);
    add_methods(r.exc.NameError, &[("__init__", name_attr_init)]);
    add_methods(r.exc.UnicodeDecodeError, &[("__str__", exc_str)]);
}

fn exc_new(_ts: &ThreadState, a: Args<'_>) -> PyResult {
    let Some(t) = a.args.first().and_then(TypeRef::from_value) else { raise!(TypeError, "BaseException.__new__(X): X is not a type object") };
    let args = new_tuple(a.positional()[1..].to_vec());
    Ok(alloc(t, PyBaseException::new(args)))
}

fn exc_init(_ts: &ThreadState, a: Args<'_>) -> PyResult {
    if a.has_kwargs() {
        let t = a.args[0].type_ref();
        if !t.is_heap() {
            raise!(TypeError, "{}() takes no keyword arguments", t.name());
        }
    }
    if let Some(e) = a.args[0].downcast::<PyBaseException>() {
        *e.args.lock() = new_tuple(a.positional()[1..].to_vec());
    }
    Ok(none())
}

fn args_of(v: &Value) -> Vec<Value> {
    v.downcast::<PyBaseException>().and_then(|e| tuple_items(&e.args.lock()).map(<[Value]>::to_vec)).unwrap_or_default()
}

fn exc_str(ts: &ThreadState, a: Args<'_>) -> PyResult {
    let args = args_of(&a.args[0]);
    match args.len() {
        0 => Ok(new_str("")),
        1 => ops::str_(ts, &args[0]),
        _ => ops::repr(ts, &new_tuple(args)),
    }
}

fn exc_repr(ts: &ThreadState, a: Args<'_>) -> PyResult {
    let args = args_of(&a.args[0]);
    let name = a.args[0].type_ref().name();
    let inner = if args.len() == 1 {
        ops::repr_string(ts, &args[0])?
    } else {
        let r = ops::repr_string(ts, &new_tuple(args.clone()))?;
        if args.is_empty() { String::new() } else { r[1..r.len() - 1].trim_end_matches(',').to_owned() }
    };
    Ok(new_string(format!("{name}({inner})")))
}

fn keyerror_str(ts: &ThreadState, a: Args<'_>) -> PyResult {
    let args = args_of(&a.args[0]);
    if args.len() == 1 {
        return ops::repr(ts, &args[0]);
    }
    exc_str(ts, a)
}

/// The OSError subclass CPython picks for an errno (Linux numbering).
fn oserror_subclass(errno: i64) -> Option<TypeRef> {
    let e = &rt().exc;
    Some(match errno {
        11 | 114 | 115 => e.BlockingIOError, // EAGAIN, EALREADY, EINPROGRESS
        10 => e.ChildProcessError,           // ECHILD
        32 | 108 => e.BrokenPipeError,       // EPIPE, ESHUTDOWN
        103 => e.ConnectionAbortedError,     // ECONNABORTED
        111 => e.ConnectionRefusedError,     // ECONNREFUSED
        104 => e.ConnectionResetError,       // ECONNRESET
        17 => e.FileExistsError,             // EEXIST
        2 => e.FileNotFoundError,            // ENOENT
        21 => e.IsADirectoryError,           // EISDIR
        20 => e.NotADirectoryError,          // ENOTDIR
        4 => e.InterruptedError,             // EINTR
        13 | 1 => e.PermissionError,         // EACCES, EPERM
        3 => e.ProcessLookupError,           // ESRCH
        110 => e.TimeoutError,               // ETIMEDOUT
        _ => return None,
    })
}

/// `OSError(errno, strerror, ...)` builds the errno's subclass when called on OSError itself.
fn oserror_new(ts: &ThreadState, a: Args<'_>) -> PyResult {
    let Some(t) = a.args.first().and_then(TypeRef::from_value) else { raise!(TypeError, "OSError.__new__(X): X is not a type object") };
    let pos = &a.positional()[1..];
    if t == rt().exc.OSError && (2..=5).contains(&pos.len()) {
        if let Some(sub) = crate::num::int_to_i64(&pos[0]).and_then(oserror_subclass) {
            let mut args = vec![sub.to_value()];
            args.extend_from_slice(&a.args[1..]);
            return exc_new(ts, Args { args: &args, kwnames: a.kwnames });
        }
    }
    exc_new(ts, a)
}

/// Sets errno/strerror/filename/filename2 from 2 to 5 arguments; with a
/// filename, `args` keeps only (errno, strerror), as in CPython.
fn oserror_init(ts: &ThreadState, a: Args<'_>) -> PyResult {
    exc_init(ts, a)?;
    let o = &a.args[0];
    let args = args_of(o);
    let (mut errno, mut strerror, mut filename, mut filename2) = (none(), none(), none(), none());
    if (2..=5).contains(&args.len()) {
        errno = args[0].clone();
        strerror = args[1].clone();
        if let Some(f) = args.get(2) {
            filename = f.clone();
            if let Some(f2) = args.get(4) {
                filename2 = f2.clone();
            }
            if let Some(e) = o.downcast::<PyBaseException>() {
                *e.args.lock() = new_tuple(args[..2].to_vec());
            }
        }
    }
    set_attr(o, "errno", errno);
    set_attr(o, "strerror", strerror);
    set_attr(o, "filename", filename);
    set_attr(o, "filename2", filename2);
    Ok(none())
}

fn oserror_str(ts: &ThreadState, a: Args<'_>) -> PyResult {
    let o = &a.args[0];
    let get = |n: &str| ops::getattr_opt(ts, o, n).ok().flatten().filter(|v| !is_none(v));
    let (errno, strerror) = (get("errno"), get("strerror"));
    if let (Some(e), Some(s)) = (&errno, &strerror) {
        let head = format!("[Errno {}] {}", ops::str_string(ts, e)?, ops::str_string(ts, s)?);
        return Ok(new_string(match (get("filename"), get("filename2")) {
            (Some(f), Some(f2)) => format!("{head}: {} -> {}", ops::repr_string(ts, &f)?, ops::repr_string(ts, &f2)?),
            (Some(f), None) => format!("{head}: {}", ops::repr_string(ts, &f)?),
            _ => head,
        }));
    }
    exc_str(ts, a)
}

fn set_attr(obj: &Value, name: &str, v: Value) {
    let _ = ops::setattr_silent(obj, name, v);
}

fn syntaxerror_init(ts: &ThreadState, a: Args<'_>) -> PyResult {
    exc_init(ts, a)?;
    let args = args_of(&a.args[0]);
    let o = &a.args[0];
    set_attr(o, "msg", args.first().cloned().unwrap_or_else(none));
    let details = args.get(1).and_then(|d| tuple_items(d).map(<[Value]>::to_vec)).unwrap_or_default();
    let names = ["filename", "lineno", "offset", "text", "end_lineno", "end_offset"];
    for (i, n) in names.iter().enumerate() {
        set_attr(o, n, details.get(i).cloned().unwrap_or_else(none));
    }
    set_attr(o, "print_file_and_line", none());
    Ok(none())
}

fn syntaxerror_str(ts: &ThreadState, a: Args<'_>) -> PyResult {
    let o = &a.args[0];
    let get = |n: &str| ops::instance_dict(o).and_then(|d| d.downcast::<crate::dict::PyDict>().and_then(|d| d.get_str(n))).filter(|v| !is_none(v));
    let msg = match get("msg") {
        Some(m) => ops::str_string(ts, &m)?,
        None => return exc_str(ts, a),
    };
    let file = get("filename").and_then(|f| as_str(&f).map(str::to_owned));
    let line = get("lineno").and_then(|l| crate::num::int_to_i64(&l));
    let base = file.map(|f| std::path::Path::new(&f).file_name().map(|s| s.to_string_lossy().into_owned()).unwrap_or(f));
    Ok(new_string(match (base, line) {
        (Some(f), Some(l)) => format!("{msg} ({f}, line {l})"),
        (Some(f), None) => format!("{msg} ({f})"),
        (None, Some(l)) => format!("{msg} (line {l})"),
        (None, None) => msg,
    }))
}

fn importerror_init(ts: &ThreadState, a: Args<'_>) -> PyResult {
    let n = a.args.len() - a.kwnames.len();
    exc_init(ts, Args { args: &a.args[..n], kwnames: &[] })?;
    let o = &a.args[0];
    set_attr(o, "name", none());
    set_attr(o, "path", none());
    set_attr(o, "name_from", none());
    let args = args_of(o);
    set_attr(o, "msg", args.first().cloned().unwrap_or_else(none));
    for (k, v) in a.kwargs() {
        match k {
            "name" | "path" | "name_from" => set_attr(o, k, v.clone()),
            _ => raise!(TypeError, "'{}' is an invalid keyword argument for ImportError()", k),
        }
    }
    Ok(none())
}

fn importerror_str(ts: &ThreadState, a: Args<'_>) -> PyResult {
    let o = &a.args[0];
    let msg = ops::instance_dict(o).and_then(|d| d.downcast::<crate::dict::PyDict>().and_then(|d| d.get_str("msg"))).filter(|v| !is_none(v));
    match msg {
        Some(m) if args_of(o).len() <= 1 => ops::str_(ts, &m),
        _ => exc_str(ts, a),
    }
}

fn name_attr_init(ts: &ThreadState, a: Args<'_>) -> PyResult {
    let n = a.args.len() - a.kwnames.len();
    exc_init(ts, Args { args: &a.args[..n], kwnames: &[] })?;
    let o = &a.args[0];
    let is_attr = o.type_ref().is_subtype(rt().exc.AttributeError);
    set_attr(o, "name", none());
    if is_attr {
        set_attr(o, "obj", none());
    }
    for (k, v) in a.kwargs() {
        match k {
            "name" => set_attr(o, k, v.clone()),
            "obj" if is_attr => set_attr(o, k, v.clone()),
            _ => raise!(TypeError, "'{}' is an invalid keyword argument for {}()", k, o.type_ref().name()),
        }
    }
    Ok(none())
}

/// Per-class exception attributes computed from `args`.
pub fn exception_attr(_ts: &ThreadState, obj: &Value, e: &PyBaseException, name: &str) -> PyResult<Option<Value>> {
    let t = obj.type_ref();
    let r = rt();
    let args = tuple_items(&e.args.lock()).map(<[Value]>::to_vec).unwrap_or_default();
    if name == "__notes__" {
        return match e.notes.lock().clone() {
            Some(n) => Ok(Some(n)),
            None => Err(err!(AttributeError, "'{}' object has no attribute '__notes__'", t.name())),
        };
    }
    if t.is_subtype(r.exc.StopIteration) && name == "value" {
        return Ok(Some(args.first().cloned().unwrap_or_else(none)));
    }
    if t.is_subtype(r.exc.SystemExit) && name == "code" {
        return Ok(Some(match args.len() {
            0 => none(),
            1 => args[0].clone(),
            _ => new_tuple(args),
        }));
    }
    if t.is_subtype(r.exc.OSError) {
        // OSError.__init__ stores these in the instance dict; an instance made
        // without it (natively raised) derives them from its args.
        return Ok(match name {
            "errno" => Some(if args.len() >= 2 { args[0].clone() } else { none() }),
            "strerror" => Some(if args.len() >= 2 { args[1].clone() } else { none() }),
            "filename" => Some(if args.len() >= 3 { args[2].clone() } else { none() }),
            "filename2" => Some(if args.len() >= 5 { args[4].clone() } else { none() }),
            _ => None,
        });
    }
    if t.is_subtype(r.exc.BaseExceptionGroup) {
        return Ok(match name {
            "message" => Some(args.first().cloned().unwrap_or_else(|| new_str(""))),
            "exceptions" => Some(args.get(1).map(|l| new_tuple(tuple_items(l).map(<[Value]>::to_vec).unwrap_or_else(|| l.downcast::<crate::seq::PyList>().map(|x| x.snapshot()).unwrap_or_default()))).unwrap_or_else(|| new_tuple(vec![]))),
            _ => None,
        });
    }
    if t.is_subtype(r.exc.UnicodeError) {
        return Ok(match name {
            "encoding" => args.first().cloned(),
            "object" => args.get(1).cloned(),
            "start" => args.get(2).cloned(),
            "end" => args.get(3).cloned(),
            "reason" => args.get(4).cloned(),
            _ => None,
        });
    }
    Ok(None)
}

pub fn add_note(ts: &ThreadState, e: &PyErr, note: &str) {
    let Some(ex) = e.0.downcast::<PyBaseException>() else { return };
    let mut notes = ex.notes.lock();
    match notes.as_ref() {
        Some(l) => {
            if let Some(list) = l.downcast::<crate::seq::PyList>() {
                list.push(new_str(note));
            }
        }
        None => *notes = Some(crate::seq::new_list(vec![new_str(note)])),
    }
    let _ = ts;
}

/// `except T:` matching; validates `T`.
pub fn exception_matches(ts: &ThreadState, exc: &Value, ty: &Value) -> PyResult<bool> {
    let check = |t: &Value| -> PyResult<TypeRef> {
        match TypeRef::from_value(t) {
            Some(tr) if tr.is_subtype(rt().exc.BaseException) => Ok(tr),
            _ => raise!(TypeError, "catching classes that do not inherit from BaseException is not allowed"),
        }
    };
    let _ = ts;
    if let Some(items) = tuple_items(ty) {
        let mut m = false;
        for t in items {
            let tr = check(t)?;
            m |= exc.type_ref().is_subtype(tr);
        }
        return Ok(m);
    }
    let tr = check(ty)?;
    Ok(exc.type_ref().is_subtype(tr))
}

fn eg_new(ts: &ThreadState, a: Args<'_>) -> PyResult {
    let pos = a.positional();
    let Some(cls) = pos.first().and_then(TypeRef::from_value) else { raise!(TypeError, "expected a type") };
    if pos.len() != 3 {
        raise!(TypeError, "BaseExceptionGroup.__new__() takes exactly 2 arguments ({} given)", pos.len().saturating_sub(1));
    }
    if as_str(&pos[1]).is_none() {
        raise!(TypeError, "BaseExceptionGroup.__new__() argument 1 must be str, not {}", ops::type_name(&pos[1]));
    }
    let excs = ops::collect(ts, &pos[2]).map_err(|_| err!(TypeError, "second argument (exceptions) must be a sequence"))?;
    if excs.is_empty() {
        raise!(ValueError, "second argument (exceptions) must be a non-empty sequence");
    }
    let r = rt();
    let mut all_exc = true;
    for (i, e) in excs.iter().enumerate() {
        let t = e.type_ref();
        if !t.is_subtype(r.exc.BaseException) {
            raise!(ValueError, "Item {} of second argument (exceptions) is not an exception", i);
        }
        all_exc &= t.is_subtype(r.exc.Exception);
    }
    let mut cls = cls;
    if cls == r.exc.BaseExceptionGroup && all_exc {
        cls = r.exc.ExceptionGroup;
    } else if cls.is_subtype(r.exc.Exception) && !all_exc {
        if cls == r.exc.ExceptionGroup {
            raise!(TypeError, "Cannot nest BaseExceptions in an ExceptionGroup");
        }
        raise!(TypeError, "Cannot nest BaseExceptions in '{}'", cls.name());
    }
    let args = new_tuple(vec![pos[1].clone(), new_tuple(excs)]);
    Ok(alloc(cls, PyBaseException::new(args)))
}

fn eg_parts(v: &Value) -> (Value, Vec<Value>) {
    let args = args_of(v);
    let msg = args.first().cloned().unwrap_or_else(|| new_str(""));
    // `args[1]` is the sequence given to the constructor (a list or a tuple).
    let ex = args
        .get(1)
        .and_then(|t| tuple_items(t).map(<[Value]>::to_vec).or_else(|| t.downcast::<crate::seq::PyList>().map(|l| l.snapshot())))
        .unwrap_or_default();
    (msg, ex)
}

fn eg_str(ts: &ThreadState, a: Args<'_>) -> PyResult {
    let (msg, ex) = eg_parts(&a.args[0]);
    let n = ex.len();
    Ok(new_string(format!("{} ({} sub-exception{})", ops::str_string(ts, &msg)?, n, if n == 1 { "" } else { "s" })))
}

fn eg_derive(ts: &ThreadState, a: Args<'_>) -> PyResult {
    check_args("derive", a, 1, 1)?;
    let (msg, _) = eg_parts(&a.args[0]);
    let cls = rt().exc.BaseExceptionGroup.to_value();
    ops::call(ts, &cls, &[msg, a.args[1].clone()])
}

enum Matcher {
    Type(Value),
    Pred(Value),
}

fn matcher_for(ts: &ThreadState, cond: &Value) -> PyResult<Matcher> {
    if TypeRef::from_value(cond).is_some() || tuple_items(cond).is_some() {
        exception_matches(ts, &rt().exc.BaseException.to_value(), cond).map_err(|_| err!(TypeError, "expected an exception type, a tuple of exception types, or a callable (other than a class)"))?;
        return Ok(Matcher::Type(cond.clone()));
    }
    if ops::is_callable(cond) {
        return Ok(Matcher::Pred(cond.clone()));
    }
    raise!(TypeError, "expected an exception type, a tuple of exception types, or a callable (other than a class)")
}

fn matches(ts: &ThreadState, m: &Matcher, e: &Value) -> PyResult<bool> {
    match m {
        Matcher::Type(t) => exception_matches(ts, e, t),
        Matcher::Pred(p) => {
            let r = ops::call(ts, p, &[e.clone()])?;
            ops::is_true(ts, &r)
        }
    }
}

fn copy_meta(from: &Value, to: &Value) {
    let (Some(f), Some(t)) = (from.downcast::<PyBaseException>(), to.downcast::<PyBaseException>()) else { return };
    *t.traceback.lock() = f.traceback.lock().clone();
    *t.cause.lock() = f.cause.lock().clone();
    *t.context.lock() = f.context.lock().clone();
    *t.notes.lock() = f.notes.lock().clone();
}

/// Splits `eg` by `m`: (matching part, rest), each None when empty.
fn split_group(ts: &ThreadState, eg: &Value, m: &Matcher) -> PyResult<(Option<Value>, Option<Value>)> {
    if matches(ts, m, eg)? {
        return Ok((Some(eg.clone()), None));
    }
    if !eg.type_ref().is_subtype(rt().exc.BaseExceptionGroup) {
        return Ok((None, Some(eg.clone())));
    }
    let (_, ex) = eg_parts(eg);
    let mut yes = Vec::new();
    let mut no = Vec::new();
    for e in ex {
        let (y, n) = split_group(ts, &e, m)?;
        yes.extend(y);
        no.extend(n);
    }
    let derive = |items: Vec<Value>| -> PyResult<Option<Value>> {
        if items.is_empty() {
            return Ok(None);
        }
        let d = ops::call_method(ts, eg, "derive", &[crate::seq::new_list(items)])?;
        copy_meta(eg, &d);
        Ok(Some(d))
    };
    Ok((derive(yes)?, derive(no)?))
}

fn eg_split(ts: &ThreadState, a: Args<'_>) -> PyResult {
    check_args("split", a, 1, 1)?;
    let m = matcher_for(ts, &a.args[1])?;
    let (y, n) = split_group(ts, &a.args[0], &m)?;
    Ok(new_tuple(vec![y.unwrap_or_else(none), n.unwrap_or_else(none)]))
}

fn eg_subgroup(ts: &ThreadState, a: Args<'_>) -> PyResult {
    check_args("subgroup", a, 1, 1)?;
    let m = matcher_for(ts, &a.args[1])?;
    let (y, _) = split_group(ts, &a.args[0], &m)?;
    Ok(y.unwrap_or_else(none))
}

/// `except* T`: (rest, match).
pub fn exception_group_match(ts: &ThreadState, exc: &Value, ty: &Value) -> PyResult<(Value, Value)> {
    let r = rt();
    let types: Vec<Value> = tuple_items(ty).map(<[Value]>::to_vec).unwrap_or_else(|| vec![ty.clone()]);
    for t in &types {
        match TypeRef::from_value(t) {
            Some(tr) if tr.is_subtype(r.exc.BaseExceptionGroup) => {
                raise!(TypeError, "catching ExceptionGroup with except* is not allowed. Use except instead.")
            }
            Some(tr) if tr.is_subtype(r.exc.BaseException) => {}
            _ => raise!(TypeError, "catching classes that do not inherit from BaseException is not allowed"),
        }
    }
    if is_none(exc) {
        return Ok((none(), none()));
    }
    if exception_matches(ts, exc, ty)? {
        // A naked exception is wrapped in an ExceptionGroup.
        let wrapped = if exc.type_ref().is_subtype(r.exc.BaseExceptionGroup) {
            exc.clone()
        } else {
            let g = ops::call(ts, &r.exc.BaseExceptionGroup.to_value(), &[new_str(""), new_tuple(vec![exc.clone()])])?;
            copy_meta(exc, &g);
            g
        };
        return Ok((none(), wrapped));
    }
    if exc.type_ref().is_subtype(r.exc.BaseExceptionGroup) {
        let (y, n) = split_group(ts, exc, &Matcher::Type(ty.clone()))?;
        return Ok((n.unwrap_or_else(none), y.unwrap_or_else(none)));
    }
    Ok((exc.clone(), none()))
}

/// The `except*` epilogue: what to re-raise after the handlers ran.
pub fn prep_reraise_star(ts: &ThreadState, orig: Value, excs: Value) -> PyResult {
    let list = excs.downcast::<crate::seq::PyList>().map(|l| l.snapshot()).unwrap_or_default();
    let raised: Vec<Value> = list.into_iter().filter(|e| !is_none(e)).collect();
    if raised.is_empty() {
        return Ok(none());
    }
    if !orig.type_ref().is_subtype(rt().exc.BaseExceptionGroup) {
        return Ok(raised.into_iter().next().unwrap_or_else(none));
    }
    // Re-raised parts keep the original group's structure; new ones are appended.
    let mut reraised_leaves: Vec<usize> = Vec::new();
    let mut new_ones = Vec::new();
    let orig_leaves = leaf_ids(&orig);
    for e in &raised {
        let ids = leaf_ids(e);
        if !ids.is_empty() && ids.iter().all(|i| orig_leaves.contains(i)) {
            reraised_leaves.extend(ids);
        } else {
            new_ones.push(e.clone());
        }
    }
    let kept = if reraised_leaves.is_empty() {
        None
    } else {
        let keep_ids = reraised_leaves.clone();
        project(ts, &orig, &keep_ids)?
    };
    let mut parts = Vec::new();
    if let Some(k) = kept {
        parts.push(k);
    }
    parts.extend(new_ones);
    if parts.len() == 1 {
        return Ok(parts.into_iter().next().unwrap_or_else(none));
    }
    ops::call(ts, &rt().exc.BaseExceptionGroup.to_value(), &[new_str(""), crate::seq::new_list(parts)])
}

fn leaf_ids(e: &Value) -> Vec<usize> {
    if e.type_ref().is_subtype(rt().exc.BaseExceptionGroup) {
        let (_, ex) = eg_parts(e);
        ex.iter().flat_map(leaf_ids).collect()
    } else {
        vec![e.id()]
    }
}

fn project(ts: &ThreadState, eg: &Value, keep: &[usize]) -> PyResult<Option<Value>> {
    if !eg.type_ref().is_subtype(rt().exc.BaseExceptionGroup) {
        return Ok(if keep.contains(&eg.id()) { Some(eg.clone()) } else { None });
    }
    let (_, ex) = eg_parts(eg);
    let mut items = Vec::new();
    for e in ex {
        if let Some(p) = project(ts, &e, keep)? {
            items.push(p);
        }
    }
    if items.is_empty() {
        return Ok(None);
    }
    let d = ops::call_method(ts, eg, "derive", &[crate::seq::new_list(items)])?;
    copy_meta(eg, &d);
    Ok(Some(d))
}

/// The last lines of a SyntaxError report: file/line, source line, caret, message.
/// The parts of a SyntaxError that its display draws (header line aside).
struct SyntaxFields {
    text: Option<String>,
    offset: Option<i64>,
    end_offset: Option<i64>,
    lineno: Option<i64>,
    end_lineno: Option<i64>,
}

/// CPython 3.14's "invalid syntax. Did you mean 'for'?": the `traceback`
/// module's own search (`TracebackException._find_keyword_typos`, which
/// recompiles the line with each close keyword in place of a name) run at
/// display time, as CPython's display does. Returns the new message and the
/// token's position, or None (no `_metadata`, no match, any failure).
fn keyword_typo(ts: &ThreadState, exc: &Value) -> Option<(String, SyntaxFields)> {
    ops::getattr_opt(ts, exc, "_metadata").ok().flatten().filter(|m| !is_none(m))?;
    let tb = crate::import::import_module(ts, "traceback").ok()?;
    let class = ops::getattr_str(ts, &tb, "TracebackException").ok()?;
    let te = ops::call(ts, &class, &[exc.type_ref().to_value(), exc.clone(), none()]).ok()?;
    let before = ops::getattr_str(ts, &te, "msg").ok()?;
    let find = ops::getattr_str(ts, &te, "_find_keyword_typos").ok()?;
    ops::call(ts, &find, &[]).ok()?;
    let after = ops::getattr_str(ts, &te, "msg").ok()?;
    if ops::eq(ts, &before, &after).unwrap_or(true) {
        return None;
    }
    let int = |n: &str| ops::getattr_str(ts, &te, n).ok().filter(|v| !is_none(v)).and_then(|v| crate::num::int_to_i64(&v));
    let fields = SyntaxFields {
        text: ops::getattr_str(ts, &te, "text").ok().and_then(|t| as_str(&t).map(str::to_owned)),
        offset: int("offset"),
        end_offset: int("end_offset"),
        lineno: int("lineno"),
        end_lineno: int("end_lineno"),
    };
    Some((as_str(&after)?.to_owned(), fields))
}

pub fn format_syntax_error(ts: &ThreadState, exc: &Value) -> String {
    let get = |n: &str| ops::instance_dict(exc).and_then(|d| d.downcast::<crate::dict::PyDict>().and_then(|d| d.get_str(n))).filter(|v| !is_none(v));
    let name = exc.type_ref().name();
    let msg = get("msg").map(|m| ops::str_string(ts, &m).unwrap_or_default()).unwrap_or_else(|| {
        let a = args_of(exc);
        a.first().map(|m| ops::str_string(ts, m).unwrap_or_default()).unwrap_or_default()
    });
    let mut out = String::new();
    let file = get("filename").and_then(|f| as_str(&f).map(str::to_owned));
    let line = get("lineno").and_then(|l| crate::num::int_to_i64(&l));
    let mut suffix = String::new();
    match (&file, line) {
        (f, Some(l)) => out.push_str(&format!("  File \"{}\", line {}\n", f.as_deref().filter(|f| !f.is_empty()).unwrap_or("<string>"), l)),
        (Some(f), None) => suffix = format!(" ({f})"),
        (None, None) => {}
    }
    let mut msg = msg;
    let mut fields = SyntaxFields {
        text: get("text").and_then(|t| as_str(&t).map(str::to_owned)),
        offset: get("offset").and_then(|o| crate::num::int_to_i64(&o)),
        end_offset: get("end_offset").and_then(|o| crate::num::int_to_i64(&o)),
        lineno: line,
        end_lineno: get("end_lineno").and_then(|l| crate::num::int_to_i64(&l)),
    };
    if fields.text.is_some() && (msg == "invalid syntax" || msg.contains("Perhaps you forgot a comma")) {
        if let Some((typo_msg, typo_fields)) = keyword_typo(ts, exc) {
            msg = typo_msg;
            fields = typo_fields;
        }
    }
    let line = fields.lineno;
    if let Some(text) = fields.text {
        // As the traceback module: strip the newline, then leading spaces,
        // newlines and form feeds (a leading tab shows); columns are 1-based
        // offsets into the unstripped line.
        let rtext = text.trim_end_matches('\n');
        let ltext = rtext.trim_start_matches([' ', '\n', '\x0c']);
        let spaces = (rtext.chars().count() - ltext.chars().count()) as i64;
        let rlen = rtext.chars().count() as i64;
        let tlen = text.chars().count() as i64;
        match fields.offset {
            None => out.push_str(&format!("    {ltext}\n")),
            Some(mut offset) => {
                let end_line = fields.end_lineno;
                let mut end_offset = if end_line == line {
                    match fields.end_offset {
                        Some(e) if e != 0 => e,
                        _ => offset,
                    }
                } else {
                    rlen + 1
                };
                if tlen > 0 && offset > tlen {
                    offset = rlen + 1;
                }
                if tlen > 0 && end_offset > tlen {
                    end_offset = rlen + 1;
                }
                if offset >= end_offset || end_offset < 0 {
                    end_offset = offset + 1;
                }
                let colno = offset - 1 - spaces;
                let end_colno = end_offset - 1 - spaces;
                out.push_str(&format!("    {ltext}\n"));
                if colno >= 0 {
                    // Whitespace other than spaces (tabs) is kept for alignment.
                    let lead: String = ltext.chars().take(colno as usize).map(|c| if c.is_whitespace() { c } else { ' ' }).collect();
                    let carets = "^".repeat((end_colno - colno).max(0) as usize);
                    out.push_str(&format!("    {lead}{carets}\n"));
                }
            }
        }
    }
    out.push_str(&format!("{name}: {msg}{suffix}\n"));
    out
}
