//! The `match` statement's helper instructions.

use spindle_bytecode::Opcode;

use crate::error::PyResult;
use crate::eval::Frame;
use crate::interp::ThreadState;
use crate::num::new_bool;
use crate::object::TypeRef;
use crate::ops;
use crate::runtime::{none, rt};
use crate::str::as_str;
use crate::value::Value;
use crate::raise;

fn top(f: &Frame, i: usize) -> Value {
    let n = f.stack.len();
    f.stack.get(n.wrapping_sub(i)).and_then(crate::value_stack::SlotView::cloned).unwrap_or_else(none)
}

pub(crate) fn execute_match(ts: &ThreadState, f: &mut Frame, op: Opcode, arg: u32) -> PyResult<()> {
    match op {
        Opcode::MatchMapping => {
            let s = top(f, 1);
            let r = crate::builtins_init::is_mapping_for_match(ts, &s)?;
            f.stack.push(Some(new_bool(r)));
        }
        Opcode::MatchSequence => {
            let s = top(f, 1);
            let r = crate::builtins_init::is_sequence_for_match(ts, &s)?;
            f.stack.push(Some(new_bool(r)));
        }
        Opcode::MatchKeys => {
            let keys = top(f, 1);
            let subject = top(f, 2);
            let get = ops::getattr_str(ts, &subject, "get")?;
            let sentinel = crate::object::alloc(rt().types.object, crate::cell::Empty);
            let mut vals = Vec::new();
            let mut ok = true;
            for k in crate::seq::tuple_items(&keys).unwrap_or(&[]) {
                let v = ops::call(ts, &get, &[k.clone(), sentinel.clone()])?;
                if v.is(&sentinel) {
                    ok = false;
                    break;
                }
                vals.push(v);
            }
            f.stack.push(Some(if ok { crate::seq::new_tuple(vals) } else { none() }));
        }
        Opcode::MatchClass => {
            let names = f.stack.pop().flatten().unwrap_or_else(none);
            let cls = f.stack.pop().flatten().unwrap_or_else(none);
            let subject = f.stack.pop().flatten().unwrap_or_else(none);
            let r = match_class(ts, &subject, &cls, arg as usize, &names)?;
            f.stack.push(Some(r.unwrap_or_else(none)));
        }
        _ => {}
    }
    Ok(())
}

fn match_class(ts: &ThreadState, subject: &Value, cls: &Value, npos: usize, names: &Value) -> PyResult<Option<Value>> {
    let Some(ct) = TypeRef::from_value(cls) else { raise!(TypeError, "called match pattern must be a class") };
    if !subject.type_ref().is_subtype(ct) {
        return Ok(None);
    }
    let mut out = Vec::new();
    let mut seen: Vec<String> = Vec::new();
    if npos > 0 {
        let r = rt();
        let self_match = [
            r.types.bool_, r.types.bytearray, r.types.bytes, r.types.dict, r.types.float, r.types.frozenset,
            r.types.int, r.types.list, r.types.set, r.types.str, r.types.tuple,
        ]
        .iter()
        .any(|t| ct.is_subtype(*t) && ct.lookup_static("__match_args__").is_none());
        if self_match {
            if npos > 1 {
                raise!(TypeError, "{}() accepts 1 positional sub-pattern ({} given)", ct.name(), npos);
            }
            out.push(subject.clone());
        } else {
            let ma = match ops::getattr_opt(ts, cls, "__match_args__")? {
                Some(m) => m,
                None => crate::seq::new_tuple(vec![]),
            };
            let Some(items) = crate::seq::tuple_items(&ma) else {
                raise!(TypeError, "{}.__match_args__ must be a tuple (got {})", ct.name(), ops::type_name(&ma))
            };
            if npos > items.len() {
                raise!(
                    TypeError,
                    "{}() accepts {} positional sub-pattern{} ({} given)",
                    ct.name(),
                    items.len(),
                    if items.len() == 1 { "" } else { "s" },
                    npos
                );
            }
            for n in &items[..npos] {
                let Some(s) = as_str(n) else {
                    raise!(TypeError, "__match_args__ elements must be strings (got {})", ops::type_name(n))
                };
                seen.push(s.to_owned());
                match ops::getattr_opt(ts, subject, s)? {
                    Some(v) => out.push(v),
                    None => return Ok(None),
                }
            }
        }
    }
    for n in crate::seq::tuple_items(names).unwrap_or(&[]) {
        let s = as_str(n).unwrap_or("");
        if seen.iter().any(|x| x == s) {
            raise!(TypeError, "{}() got multiple sub-patterns for attribute '{}'", ct.name(), s);
        }
        seen.push(s.to_owned());
        match ops::getattr_opt(ts, subject, s)? {
            Some(v) => out.push(v),
            None => return Ok(None),
        }
    }
    Ok(Some(crate::seq::new_tuple(out)))
}
