//! `sqlite3.Row`: a result row indexable by position and, ignoring ASCII
//! case, by column name (the cursor's description when it was made).

use spindle_vm::function::Args;
use spindle_vm::interp::ThreadState;
use spindle_vm::num::{new_bool, new_int};
use spindle_vm::object::{PayloadKind, PyPayload, TypeRef, alloc};
use spindle_vm::ops::CmpOp;
use spindle_vm::runtime::{is_none, rt};
use spindle_vm::seq::tuple_items;
use spindle_vm::str::as_data;
use spindle_vm::{PyResult, Value, ops, raise};

use crate::kinds::{SQLITE_BASE, kind};

pub(crate) struct Row {
    /// The cursor's `description` (a tuple of 7-tuples, or None).
    description: Value,
    /// The values (a tuple).
    data: Value,
}

impl PyPayload for Row {
    const KIND: PayloadKind = kind(SQLITE_BASE + 3);
    const GC: bool = true;
    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        visit(&self.description);
        visit(&self.data);
    }
}

/// A Row of `data` (a tuple) under `description`, of class `t`.
pub(crate) fn new_row(t: TypeRef, description: Value, data: Value) -> Value {
    alloc(t, Row { description, data })
}

fn type_label(v: &Value) -> String {
    if is_none(v) { "None".to_owned() } else { ops::type_name(v) }
}

/// `Row(cursor, data, /)`.
fn row_new(ts: &ThreadState, a: Args<'_>) -> PyResult {
    let cls = crate::math::cls_of(&a)?;
    if a.has_kwargs() {
        raise!(TypeError, "Row() takes no keyword arguments");
    }
    let pos = a.args.get(1..).unwrap_or(&[]);
    if pos.len() != 2 {
        raise!(TypeError, "Row expected 2 arguments, got {}", pos.len());
    }
    let (cursor, data) = (&pos[0], &pos[1]);
    let cursor_cls = super::class_value(ts, "Cursor");
    let is_cursor = match cursor_cls.as_ref().and_then(TypeRef::from_value) {
        Some(t) => ops::isinstance_type(cursor, t),
        None => false,
    };
    if !is_cursor {
        raise!(TypeError, "Row() argument 1 must be sqlite3.Cursor, not {}", type_label(cursor));
    }
    if !ops::isinstance_type(data, rt().types.tuple) {
        raise!(TypeError, "Row() argument 2 must be tuple, not {}", type_label(data));
    }
    let description = ops::getattr_str(ts, cursor, "description")?;
    Ok(new_row(cls, description, data.clone()))
}

fn this<'a>(a: &'a Args<'_>) -> PyResult<&'a Row> {
    Ok(crate::math::this::<Row>(a, "sqlite3.Row")?.1)
}

fn items(r: &Row) -> &[Value] {
    tuple_items(&r.data).unwrap_or(&[])
}

/// The column names of the description (None where a name is missing).
fn names(r: &Row) -> Vec<Option<Value>> {
    tuple_items(&r.description)
        .unwrap_or(&[])
        .iter()
        .map(|col| tuple_items(col).and_then(|c| c.first()).cloned())
        .collect()
}

fn eq_ascii_nocase(a: &Value, key: &str) -> bool {
    let Some(d) = as_data(a) else { return false };
    let mut it = d.code_points();
    let mut kt = key.chars();
    loop {
        match (it.next(), kt.next()) {
            (None, None) => return true,
            (Some(x), Some(y)) => {
                let lower = |c: u32| if (u32::from('A')..=u32::from('Z')).contains(&c) { c + 32 } else { c };
                if lower(x) != lower(u32::from(y)) {
                    return false;
                }
            }
            _ => return false,
        }
    }
}

fn row_getitem(ts: &ThreadState, a: Args<'_>) -> PyResult {
    let r = this(&a)?;
    let v = crate::math::exact("__getitem__", &a, 1, 1, 1)?;
    let key = &v[0];
    let types = &rt().types;
    if ops::isinstance_type(key, types.int) {
        return ops::getitem(ts, &r.data, key);
    }
    if ops::isinstance_type(key, types.str) {
        let k = super::utf8_of(ts, key)?;
        for (i, name) in names(r).into_iter().enumerate() {
            if name.as_ref().is_some_and(|n| eq_ascii_nocase(n, &k)) {
                if let Some(x) = items(r).get(i) {
                    return Ok(x.clone());
                }
            }
        }
        raise!(IndexError, "No item with that key");
    }
    if ops::isinstance_type(key, types.slice) {
        return ops::getitem(ts, &r.data, key);
    }
    raise!(IndexError, "Index must be int or string")
}

fn row_keys(_ts: &ThreadState, a: Args<'_>) -> PyResult {
    let r = this(&a)?;
    crate::math::exact("keys", &a, 1, 0, 0)?;
    let keys = names(r).into_iter().map(|n| n.unwrap_or_else(spindle_vm::runtime::none)).collect();
    Ok(spindle_vm::seq::new_list(keys))
}

fn row_compare(ts: &ThreadState, a: &Args<'_>, op: CmpOp) -> PyResult {
    let r = this(a)?;
    let v = crate::math::exact("__eq__", a, 1, 1, 1)?;
    let Some(o) = v[0].downcast::<Row>() else { return Ok(rt().not_implemented.clone()) };
    if !matches!(op, CmpOp::Eq | CmpOp::Ne) {
        return Ok(rt().not_implemented.clone());
    }
    let same = ops::compare_bool(ts, &r.description, &o.description, CmpOp::Eq)?
        && ops::compare_bool(ts, &r.data, &o.data, CmpOp::Eq)?;
    Ok(new_bool(if matches!(op, CmpOp::Eq) { same } else { !same }))
}

pub(crate) fn install(t: TypeRef) {
    use spindle_vm::native::{add_methods, set_new};
    set_new(t, row_new);
    add_methods(
        t,
        &[
            ("__getitem__", row_getitem),
            ("__len__", |_, a| Ok(new_int(items(this(&a)?).len() as i64))),
            ("__iter__", |ts, a| ops::iter(ts, &this(&a)?.data)),
            ("keys", row_keys),
            ("__hash__", |ts, a| {
                let r = this(&a)?;
                Ok(new_int(ops::hash(ts, &r.description)? ^ ops::hash(ts, &r.data)?))
            }),
            ("__eq__", |ts, a| row_compare(ts, &a, CmpOp::Eq)),
            ("__ne__", |ts, a| row_compare(ts, &a, CmpOp::Ne)),
            ("__lt__", |ts, a| row_compare(ts, &a, CmpOp::Lt)),
            ("__le__", |ts, a| row_compare(ts, &a, CmpOp::Le)),
            ("__gt__", |ts, a| row_compare(ts, &a, CmpOp::Gt)),
            ("__ge__", |ts, a| row_compare(ts, &a, CmpOp::Ge)),
        ],
    );
}
