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
