//! `groupby` and its `_grouper`s. A grouper reads and advances its parent's
//! state; only the parent's newest grouper yields (an older one is over).
//! Threads sharing a groupby get no promise beyond "no crash" (as in
//! CPython 3.14t): every field is read and written under the parent's
//! lock, key calls and comparisons run outside it.

use spindle_vm::error::PyResult;
use spindle_vm::function::Args;
use spindle_vm::interp::ThreadState;
use spindle_vm::lock::ShortMutex;
use spindle_vm::object::alloc;
use spindle_vm::ops;
use spindle_vm::raise;
use spindle_vm::runtime::{is_none, none};
use spindle_vm::seq::new_tuple;
use spindle_vm::value::Value;

use super::{Itr, K, Visit, clinic, cls_of, rest, ty, visit_opt};

#[derive(Default)]
pub(crate) struct GroupBySt {
    it: Option<Value>,
    keyfunc: Option<Value>,
    tgtkey: Option<Value>,
    currkey: Option<Value>,
    currvalue: Option<Value>,
    /// Id of the grouper that may still yield (0: none).
    current: u64,
    /// Last id handed out.
    ids: u64,
}

impl Visit for GroupBySt {
    fn visit(&self, f: &mut dyn FnMut(&Value)) {
        visit_opt(&self.it, f);
        visit_opt(&self.keyfunc, f);
        visit_opt(&self.tgtkey, f);
        visit_opt(&self.currkey, f);
        visit_opt(&self.currvalue, f);
    }
}

#[derive(Default)]
pub(crate) struct GrouperSt {
    parent: Option<Value>,
    tgtkey: Option<Value>,
    id: u64,
}

impl Visit for GrouperSt {
    fn visit(&self, f: &mut dyn FnMut(&Value)) {
        visit_opt(&self.parent, f);
        visit_opt(&self.tgtkey, f);
    }
}

pub(crate) fn groupby_new(ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let p = clinic("groupby", rest(&a), &["iterable", "key"], 1, 2)?;
    let keyfunc = p[1].clone().filter(|k| !is_none(k));
    let it = ops::iter(ts, p[0].as_ref().unwrap_or(&none()))?;
    let st = GroupBySt { it: Some(it), keyfunc, ..Default::default() };
    Ok(alloc(cls_of(&a, K::GroupBy)?, Itr::GroupBy(ShortMutex::new(st))))
}

/// `_grouper(parent, tgtkey)`, as CPython allows.
pub(crate) fn grouper_new(_ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let r = rest(&a);
    if r.has_kwargs() {
        raise!(TypeError, "_grouper() takes no keyword arguments");
    }
    let p = r.positional();
    if p.len() != 2 {
        raise!(TypeError, "_grouper expected 2 arguments, got {}", p.len());
    }
    let parent = &p[0];
    let Some(Itr::GroupBy(m)) = parent.downcast::<Itr>().filter(|_| parent.type_ref().is_subtype(ty(K::GroupBy))) else {
        raise!(TypeError, "_grouper() argument 1 must be itertools.groupby, not {}", ops::type_name(parent))
    };
    Ok(new_grouper(parent, m, p[1].clone()))
}

fn new_grouper(parent: &Value, m: &ShortMutex<GroupBySt>, tgtkey: Value) -> Value {
    let id = {
        let mut g = m.lock();
        g.ids += 1;
        g.current = g.ids;
        g.ids
    };
    let st = GrouperSt { parent: Some(parent.clone()), tgtkey: Some(tgtkey), id };
    alloc(ty(K::Grouper), Itr::Grouper(ShortMutex::new(st)))
}

/// Takes the next value from the source and computes its key; stores both
/// as the current ones. Ok(false) at the end.
fn groupby_step(ts: &ThreadState, m: &ShortMutex<GroupBySt>) -> PyResult<bool> {
    let (it, keyfunc) = {
        let g = m.lock();
        (g.it.clone(), g.keyfunc.clone())
    };
    let Some(it) = it else { return Ok(false) };
    let Some(v) = ops::next(ts, &it)? else { return Ok(false) };
    let k = match &keyfunc {
        Some(f) => ops::call(ts, f, std::slice::from_ref(&v))?,
        None => v.clone(),
    };
    let (a, b) = {
        let mut g = m.lock();
        (g.currvalue.replace(v), g.currkey.replace(k))
    };
    drop(a);
    drop(b);
    Ok(true)
}

pub(crate) fn groupby_next(ts: &ThreadState, this: &Value, m: &ShortMutex<GroupBySt>) -> PyResult<Option<Value>> {
    m.lock().current = 0;
    // Skip to the first value whose key differs from the target key.
    loop {
        let (tgt, cur) = {
            let g = m.lock();
            (g.tgtkey.clone(), g.currkey.clone())
        };
        match (tgt, cur) {
            (_, None) => {}
            (None, Some(_)) => break,
            (Some(t), Some(c)) => {
                if !ops::eq(ts, &t, &c)? {
                    break;
                }
            }
        }
        if !groupby_step(ts, m)? {
            return Ok(None);
        }
    }
    let (key, old) = {
        let mut g = m.lock();
        let key = g.currkey.clone().unwrap_or_else(none);
        (key.clone(), g.tgtkey.replace(key))
    };
    drop(old);
    let grouper = new_grouper(this, m, key.clone());
    Ok(Some(new_tuple(vec![key, grouper])))
}

pub(crate) fn grouper_next(ts: &ThreadState, m: &ShortMutex<GrouperSt>) -> PyResult<Option<Value>> {
    let (parent, tgtkey, id) = {
        let g = m.lock();
        (g.parent.clone(), g.tgtkey.clone(), g.id)
    };
    let (Some(parent), Some(tgtkey)) = (parent, tgtkey) else { return Ok(None) };
    let Some(Itr::GroupBy(pm)) = parent.downcast::<Itr>() else { return Ok(None) };
    let (current, has_value) = {
        let g = pm.lock();
        (g.current, g.currvalue.is_some())
    };
    if current != id {
        return Ok(None);
    }
    if !has_value && !groupby_step(ts, pm)? {
        return Ok(None);
    }
    let Some(currkey) = pm.lock().currkey.clone() else { return Ok(None) };
    if !ops::eq(ts, &tgtkey, &currkey)? {
        return Ok(None);
    }
    let (value, key) = {
        let mut g = pm.lock();
        (g.currvalue.take(), g.currkey.take())
    };
    drop(key);
    Ok(value)
}
