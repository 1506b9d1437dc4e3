//! The `_sre` module: the native half of `re`. CPython's own `re` package parses
//! and compiles a pattern to code words in Python and calls `_sre.compile`; this
//! module wraps the `spindle_sre` engine in the `re.Pattern`, `re.Match`,
//! `_sre.SRE_Scanner` and `_sre.SRE_Template` types with CPython 3.14's methods,
//! attributes, reprs and error wording.

mod matchobj;
mod pattern;
mod scanner;
pub(crate) mod subject;

use std::sync::OnceLock;

use spindle_sre::SreError;
use spindle_vm::error::{PyErr, PyResult};
use spindle_vm::function::{Args, NativeFnPtr};
use spindle_vm::interp::ThreadState;
use spindle_vm::native::{add_classmethod, add_fn, add_value, new_module, new_type, set_new};
use spindle_vm::num::{int_to_i64, new_bool, new_int};
use spindle_vm::object::{PyPayload, TypeRef};
use spindle_vm::ops;
use spindle_vm::runtime::rt;
use spindle_vm::str::{as_str, new_str};
use spindle_vm::value::Value;
use spindle_vm::{err, raise};

pub(crate) use matchobj::{MatchObj, TemplateObj};
pub(crate) use pattern::PatternObj;
pub(crate) use scanner::ScannerObj;

/// The classes this module defines, created once per process.
pub(crate) struct Types {
    pub(crate) pattern: TypeRef,
    pub(crate) match_: TypeRef,
    pub(crate) scanner: TypeRef,
    pub(crate) template: TypeRef,
}

static TYPES: OnceLock<Types> = OnceLock::new();

pub(crate) fn types() -> &'static Types {
    TYPES.get_or_init(|| Types {
        pattern: pattern::make_type(),
        match_: matchobj::make_match_type(),
        scanner: scanner::make_type(),
        template: matchobj::make_template_type(),
    })
}

/// A new class `module.name` whose instances cannot be created from Python.
pub(crate) fn sealed_type<T: PyPayload>(name: &str, module: &str, new: NativeFnPtr) -> TypeRef {
    let t = new_type::<T>(name, module, None, false);
    set_new(t, new);
    add_classmethod(t, "__class_getitem__", class_getitem);
    t
}

fn class_getitem(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    match a.args {
        [cls, key] => spindle_vm::builtins_init::generic_alias(ts, cls, key),
        _ => raise!(TypeError, "__class_getitem__ expected 1 argument, got {}", a.args.len().saturating_sub(1)),
    }
}

/// Adds a read-only attribute computed by `get(self)`.
pub(crate) fn add_getter(t: TypeRef, name: &'static str, get: NativeFnPtr) {
    spindle_vm::native::add_property(t, name, get, None);
}

/// The payload of `args[0]` (the bound instance) as `T`.
pub(crate) fn this<'a, T: PyPayload>(a: &'a Args<'_>, what: &str) -> PyResult<(&'a Value, &'a T)> {
    let Some(v) = a.args.first() else { raise!(TypeError, "descriptor needs an argument") };
    match v.downcast::<T>() {
        Some(p) => Ok((v, p)),
        None => raise!(TypeError, "descriptor requires a '{}' object but received a '{}'", what, ops::type_name(v)),
    }
}

/// Binds the arguments after `self` to `names`, Argument Clinic style: at most
/// `names.len()` arguments, the first `required` of them mandatory.
pub(crate) fn bind<const N: usize>(
    fname: &str,
    a: &Args<'_>,
    names: [&str; N],
    required: usize,
) -> PyResult<[Option<Value>; N]> {
    let pos = a.positional();
    let pos = pos.get(1..).unwrap_or(&[]);
    let mut out: [Option<Value>; N] = std::array::from_fn(|_| None);
    let total = pos.len() + a.kwnames.len();
    if pos.len() > N {
        if required == N {
            raise!(TypeError, "{}() takes exactly {} argument{} ({} given)", fname, N, if N == 1 { "" } else { "s" }, total);
        }
        raise!(TypeError, "{}() takes at most {} argument{} ({} given)", fname, N, if N == 1 { "" } else { "s" }, total);
    }
    for (slot, v) in out.iter_mut().zip(pos) {
        *slot = Some(v.clone());
    }
    for (k, v) in a.kwargs() {
        match names.iter().position(|n| *n == k) {
            Some(i) if out[i].is_some() => {
                raise!(TypeError, "argument for {}() given by name ('{}') and position ({})", fname, k, i + 1)
            }
            Some(i) => out[i] = Some(v.clone()),
            None => raise!(TypeError, "{}() got an unexpected keyword argument '{}'", fname, k),
        }
    }
    for (i, name) in names.iter().enumerate().take(required) {
        if out[i].is_none() {
            raise!(TypeError, "{}() missing required argument '{}' (pos {})", fname, name, i + 1);
        }
    }
    Ok(out)
}

/// A `Py_ssize_t` argument.
pub(crate) fn ssize(ts: &ThreadState, v: &Value) -> PyResult<isize> {
    let i = ops::index(ts, v)?;
    match int_to_i64(&i).and_then(|x| isize::try_from(x).ok()) {
        Some(x) => Ok(x),
        None => raise!(OverflowError, "Python int too large to convert to C ssize_t"),
    }
}

/// An optional `Py_ssize_t` argument with a default.
pub(crate) fn ssize_or(ts: &ThreadState, v: &Option<Value>, default: isize) -> PyResult<isize> {
    match v {
        Some(v) => ssize(ts, v),
        None => Ok(default),
    }
}

/// The Python exception for an engine failure.
pub(crate) fn engine_error(e: SreError) -> PyErr {
    match e {
        SreError::Internal => err!(RuntimeError, "internal error in regular expression engine"),
        SreError::Interrupted => err!(KeyboardInterrupt, ""),
        SreError::Memory => PyErr::bare(rt().exc.MemoryError),
        SreError::WrongSpan => err!(SystemError, "{}", e),
    }
}

/// Converts a group number or name to an index into the match's spans (CPython's
/// `match_getindex`), with `IndexError("no such group")` otherwise.
pub(crate) fn group_index(ts: &ThreadState, pattern: &PatternObj, key: &Value, ngroups: usize) -> PyResult<usize> {
    let r = rt();
    let idx: Option<i64> = if spindle_vm::num::is_int(key) {
        int_to_i64(key).or(Some(-1))
    } else if key.type_ref() != r.types.str && key.type_ref().lookup_static("__index__").is_some() && as_str(key).is_none() {
        int_to_i64(&ops::index(ts, key)?).or(Some(-1))
    } else {
        match as_str(key) {
            Some(name) => pattern.groupindex_get(name).and_then(|v| int_to_i64(&v)),
            None => None,
        }
    };
    match idx {
        Some(i) if i >= 0 && (i as u64) < ngroups as u64 => Ok(i as usize),
        _ => raise!(IndexError, "no such group"),
    }
}

// ------------------------------------------------------------------- module

fn sre_compile(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    // `compile` is a module function: there is no `self`, so bind from a view with
    // a placeholder in front.
    let mut with_self = Vec::with_capacity(a.args.len() + 1);
    with_self.push(rt().none.clone());
    with_self.extend(a.args.iter().cloned());
    let shifted = Args { args: &with_self, kwnames: a.kwnames };
    let [pattern, flags, code, groups, groupindex, indexgroup] =
        bind("compile", &shifted, ["pattern", "flags", "code", "groups", "groupindex", "indexgroup"], 6)?;
    let (Some(pattern), Some(flags), Some(code), Some(groups), Some(groupindex), Some(indexgroup)) =
        (pattern, flags, code, groups, groupindex, indexgroup)
    else {
        raise!(TypeError, "compile() missing required argument");
    };
    pattern::compile(ts, pattern, &flags, &code, &groups, groupindex, indexgroup)
}

fn sre_template(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    if a.has_kwargs() {
        raise!(TypeError, "template() takes no keyword arguments");
    }
    match a.args {
        [pattern, template] => matchobj::new_template(ts, pattern, template),
        _ => raise!(TypeError, "template expected 2 arguments, got {}", a.args.len()),
    }
}

fn one_char(ts: &ThreadState, a: &Args<'_>, fname: &str) -> PyResult<Option<u32>> {
    let [c] = a.args else { raise!(TypeError, "{}() takes exactly one argument ({} given)", fname, a.args.len()) };
    let i = ops::index(ts, c)?;
    match int_to_i64(&i) {
        Some(x) if i32::try_from(x).is_ok() => Ok(u32::try_from(x).ok()),
        _ => raise!(OverflowError, "Python int too large to convert to C int"),
    }
}

fn sre_getcodesize(_ts: &ThreadState, _a: Args<'_>) -> PyResult<Value> {
    Ok(new_int(spindle_sre::getcodesize() as i64))
}

fn sre_ascii_iscased(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    Ok(new_bool(one_char(ts, &a, "ascii_iscased")?.is_some_and(spindle_sre::ascii_iscased)))
}

fn sre_unicode_iscased(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    Ok(new_bool(one_char(ts, &a, "unicode_iscased")?.is_some_and(spindle_sre::unicode_iscased)))
}

fn sre_ascii_tolower(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    Ok(match one_char(ts, &a, "ascii_tolower")? {
        Some(c) => new_int(i64::from(spindle_sre::ascii_tolower(c))),
        None => a.args[0].clone(),
    })
}

fn sre_unicode_tolower(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    Ok(match one_char(ts, &a, "unicode_tolower")? {
        Some(c) => new_int(i64::from(spindle_sre::unicode_tolower(c))),
        None => a.args[0].clone(),
    })
}

/// Creates the `_sre` module.
pub(crate) fn init(_ts: &ThreadState) -> PyResult<Value> {
    let m = new_module("_sre", &[]);
    add_fn(&m, "compile", sre_compile);
    add_fn(&m, "template", sre_template);
    add_fn(&m, "getcodesize", sre_getcodesize);
    add_fn(&m, "ascii_iscased", sre_ascii_iscased);
    add_fn(&m, "unicode_iscased", sre_unicode_iscased);
    add_fn(&m, "ascii_tolower", sre_ascii_tolower);
    add_fn(&m, "unicode_tolower", sre_unicode_tolower);
    add_value(&m, "MAGIC", new_int(i64::from(spindle_sre::MAGIC)));
    add_value(&m, "CODESIZE", new_int(spindle_sre::CODESIZE as i64));
    add_value(&m, "MAXREPEAT", new_int(spindle_sre::MAXREPEAT as i64));
    add_value(&m, "MAXGROUPS", new_int(spindle_sre::MAXGROUPS as i64));
    add_value(&m, "copyright", new_str(" SRE 2.2.2 Copyright (c) 1997-2002 by Secret Labs AB "));
    let _ = types();
    Ok(m)
}
