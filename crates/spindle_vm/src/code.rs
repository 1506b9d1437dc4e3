//! The runtime `code` object: a compiled `spindle_bytecode::CodeObject` plus
//! its constants and names turned into Python values once, at load time.

use std::sync::Arc;

use spindle_bytecode::{CodeObject, Constant};

use crate::object::{PayloadKind, PyPayload, alloc};
use crate::runtime::rt;
use crate::value::Value;

pub struct PyCode {
    pub code: Arc<CodeObject>,
    pub consts: Vec<Value>,
    /// `co_names`, interned.
    pub names: Vec<Value>,
    /// `localsplus` names, interned.
    pub local_names: Vec<Value>,
    pub filename: Value,
    pub name: Value,
    pub qualname: Value,
    /// Slot index of each free variable (the last n_free slots).
    pub n_free: usize,
}

impl PyPayload for PyCode {
    const KIND: PayloadKind = crate::kinds::CODE;
    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        self.consts.iter().for_each(visit);
    }
}

pub fn new_code(code: Arc<CodeObject>) -> Value {
    let consts = code.constants.iter().map(constant_value).collect();
    let names = code.names.iter().map(|n| crate::str::intern(n)).collect();
    let local_names = code.localsplus.iter().map(|n| crate::str::intern(n)).collect();
    let n_free = code.localspluskinds.iter().filter(|k| k.any(spindle_bytecode::LocalKind::FREE)).count();
    let filename = crate::str::intern(&code.filename);
    let name = crate::str::intern(&code.name);
    let qualname = crate::str::new_str(&code.qualname);
    alloc(rt().types.code, PyCode { code, consts, names, local_names, filename, name, qualname, n_free })
}

pub fn constant_value(c: &Constant) -> Value {
    use crate::num::{new_bigint, new_bool, new_float, new_int};
    let r = rt();
    match c {
        Constant::None => r.none.clone(),
        Constant::Bool(b) => new_bool(*b),
        Constant::Ellipsis => r.ellipsis.clone(),
        Constant::Int(i) => new_int(*i),
        Constant::BigInt(b) => new_bigint(b.clone()),
        Constant::Float(f) => new_float(*f),
        Constant::Complex(re, im) => alloc(r.types.complex, crate::num::PyComplex { re: *re, im: *im }),
        Constant::Str(s) => {
            if s.len() <= 40 && s.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_') {
                crate::str::intern(s)
            } else {
                crate::str::new_str(s)
            }
        }
        Constant::StrCodePoints(cps) => match spindle_str::PyStrData::from_code_points(cps.iter().copied()) {
            Ok(d) => crate::str::new_data(d),
            // The compiler only emits code points up to U+10FFFF; stay total anyway.
            Err(_) => crate::str::new_string(cps.iter().map(|c| char::from_u32(*c).unwrap_or('\u{FFFD}')).collect()),
        },
        Constant::Bytes(b) => crate::bytes::new_bytes(b),
        Constant::Tuple(items) => crate::seq::new_tuple(items.iter().map(constant_value).collect()),
        Constant::FrozenSet(items) => crate::builtins_init::new_frozenset_from(items.iter().map(constant_value).collect()),
        Constant::Code(code) => new_code(code.clone()),
    }
}

/// `code.replace(**changes)`: a copy with the named fields changed. Fields
/// Spindle derives from the instructions (`co_code`, `co_consts`, names
/// tuples, tables) may only be "changed" to their current value.
fn code_replace(ts: &crate::interp::ThreadState, a: crate::function::Args<'_>) -> crate::error::PyResult {
    use crate::raise;
    let Some(c) = a.args.first().and_then(|v| v.downcast::<PyCode>()) else {
        raise!(TypeError, "descriptor 'replace' for 'code' objects doesn't apply to this object")
    };
    if a.positional().len() > 1 {
        raise!(TypeError, "replace() takes no positional arguments");
    }
    let mut code: CodeObject = (*c.code).clone();
    for (k, v) in a.kwargs() {
        let int_field = match k {
            "co_flags" => Some(&mut code.flags.0),
            "co_firstlineno" => Some(&mut code.first_line),
            "co_argcount" => Some(&mut code.argcount),
            "co_posonlyargcount" => Some(&mut code.posonlyargcount),
            "co_kwonlyargcount" => Some(&mut code.kwonlyargcount),
            "co_stacksize" => Some(&mut code.stacksize),
            _ => None,
        };
        if let Some(slot) = int_field {
            let n = crate::ops::index(ts, v)?;
            let n = crate::num::int_to_i64(&n).unwrap_or(-1);
            *slot = u32::try_from(n).map_err(|_| crate::err!(OverflowError, "Python int too large to convert to C int"))?;
            continue;
        }
        let str_field = match k {
            "co_name" => Some(&mut code.name),
            "co_qualname" => Some(&mut code.qualname),
            "co_filename" => Some(&mut code.filename),
            _ => None,
        };
        if let Some(slot) = str_field {
            let Some(s) = crate::str::as_str(v) else {
                raise!(TypeError, "replace() argument '{}' must be str, not {}", k, crate::ops::type_name(v));
            };
            *slot = s.to_owned();
            continue;
        }
        const DERIVED: &[&str] = &[
            "co_nlocals", "co_code", "co_consts", "co_names", "co_varnames", "co_freevars", "co_cellvars", "co_linetable", "co_exceptiontable",
        ];
        if !DERIVED.contains(&k) {
            raise!(TypeError, "replace() got an unexpected keyword argument '{}'", k);
        }
        let current = crate::ops::getattr_str(ts, &a.args[0], k)?;
        if !crate::ops::eq(ts, &current, v)? {
            raise!(ValueError, "code.replace(): changing {} is not supported", k);
        }
    }
    Ok(new_code(Arc::new(code)))
}

pub(crate) fn init(r: &crate::runtime::Runtime) {
    crate::builtins_init::add_methods(r.types.code, &[("replace", code_replace), ("__replace__", code_replace)]);
}
