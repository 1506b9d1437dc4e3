//! `unicodedata`: character names (both ways), numeric/decimal/digit
//! values, normalization, and the properties spindle_str's tables carry.

use spindle_vm::function::Args;
use spindle_vm::interp::ThreadState;
use spindle_vm::native::{add_value, new_module};
use spindle_vm::num::{new_bool, new_float, new_int};
use spindle_vm::str::{as_str, new_str, new_string};
use spindle_vm::{PyResult, Value, ops, raise};
use unicode_normalization::UnicodeNormalization;

use super::exact;

#[path = "unicodedata_tables.rs"]
mod tables;

/// The code point of a one-character str argument, with CPython's errors
/// (`multi`: the function has more parameters, so "argument 1").
fn one_cp(v: &Value, fname: &str, multi: bool) -> PyResult<u32> {
    let arg = if multi { "argument 1" } else { "argument" };
    let Some(s) = v.downcast::<spindle_vm::str::PyStr>() else {
        raise!(TypeError, "{}() {} must be a unicode character, not {}", fname, arg, ops::type_name(v))
    };
    match (s.char_len(), s.code_point(0)) {
        (1, Some(cp)) => Ok(cp),
        (n, _) => raise!(TypeError, "{}(): {} must be a unicode character, not a string of length {}", fname, arg, n),
    }
}

/// As `one_cp`, as a `char`; a lone surrogate reads as U+FFFF (a
/// noncharacter: no name, value or mapping, as a surrogate has none).
fn one_char(v: &Value, fname: &str) -> PyResult<char> {
    let multi = matches!(fname, "name" | "decimal" | "digit" | "numeric");
    Ok(char::from_u32(one_cp(v, fname, multi)?).unwrap_or('\u{FFFF}'))
}

fn u_name(_ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let v = exact("name", &a, 0, 1, 2)?;
    let c = one_char(&v[0], "name")?;
    match spindle_str::unicode::name(c as u32) {
        Some(n) => Ok(new_string(n)),
        None => match v.get(1) {
            Some(d) => Ok(d.clone()),
            None => raise!(ValueError, "no such name"),
        },
    }
}

fn u_lookup(_ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let v = exact("lookup", &a, 0, 1, 1)?;
    let Some(n) = as_str(&v[0]) else { raise!(TypeError, "lookup() argument must be str, not {}", ops::type_name(&v[0])) };
    match unicode_names2::character(n) {
        Some(c) => Ok(new_string(c.to_string())),
        None => raise!(KeyError, "undefined character name '{}'", n),
    }
}

fn numeric_like(a: &Args<'_>, fname: &str, f: fn(u32) -> Option<Value>) -> PyResult<Value> {
    let v = exact(fname, a, 0, 1, 2)?;
    let c = one_char(&v[0], fname)?;
    match f(c as u32) {
        Some(r) => Ok(r),
        None => match v.get(1) {
            Some(d) => Ok(d.clone()),
            None => raise!(ValueError, "not a {}", if fname == "numeric" { "numeric character" } else { fname }),
        },
    }
}

fn u_decimal(_ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    numeric_like(&a, "decimal", |c| spindle_str::unicode::decimal_value(c).map(|d| new_int(d as i64)))
}
fn u_digit(_ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    numeric_like(&a, "digit", |c| spindle_str::unicode::digit_value(c).map(|d| new_int(d as i64)))
}
fn u_numeric(_ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    numeric_like(&a, "numeric", |c| spindle_str::unicode::numeric_value(c).map(new_float))
}

fn form_of(v: &Value) -> PyResult<&str> {
    let Some(f) = as_str(v) else { raise!(TypeError, "normalize() argument 1 must be str, not {}", ops::type_name(v)) };
    match f {
        "NFC" | "NFD" | "NFKC" | "NFKD" => Ok(f),
        _ => raise!(ValueError, "invalid normalization form"),
    }
}

fn normalized(form: &str, s: &str) -> String {
    match form {
        "NFC" => s.nfc().collect(),
        "NFD" => s.nfd().collect(),
        "NFKC" => s.nfkc().collect(),
        _ => s.nfkd().collect(),
    }
}

fn u_normalize(_ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let v = exact("normalize", &a, 0, 2, 2)?;
    let form = form_of(&v[0])?;
    let Some(s) = as_str(&v[1]) else { raise!(TypeError, "normalize() argument 2 must be str, not {}", ops::type_name(&v[1])) };
    Ok(new_string(normalized(form, s)))
}

fn u_is_normalized(_ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let v = exact("is_normalized", &a, 0, 2, 2)?;
    let form = form_of(&v[0])?;
    let Some(s) = as_str(&v[1]) else { raise!(TypeError, "is_normalized() argument 2 must be str, not {}", ops::type_name(&v[1])) };
    Ok(new_bool(normalized(form, s) == s))
}

fn u_combining(_ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let v = exact("combining", &a, 0, 1, 1)?;
    let c = one_char(&v[0], "combining")?;
    Ok(new_int(unicode_normalization::char::canonical_combining_class(c) as i64))
}

fn u_mirrored(_ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let v = exact("mirrored", &a, 0, 1, 1)?;
    let cp = one_cp(&v[0], "mirrored", false)?;
    Ok(new_int(run_lookup(&tables::MIRRORED_RUNS, cp) as i64))
}

fn u_decomposition(_ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let v = exact("decomposition", &a, 0, 1, 1)?;
    let cp = one_cp(&v[0], "decomposition", false)?;
    match tables::DECOMPOSITIONS.binary_search_by_key(&cp, |e| e.0) {
        Ok(i) => Ok(new_str(tables::DECOMPOSITIONS[i].1)),
        Err(_) => Ok(new_str("")),
    }
}

fn u_category(_ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let v = exact("category", &a, 0, 1, 1)?;
    let cp = one_cp(&v[0], "category", false)?;
    let i = run_lookup(&tables::CATEGORY_RUNS, cp);
    Ok(new_str(tables::CATEGORY_NAMES.get(i).copied().unwrap_or("Cn")))
}

/// The class of `cp` in a run table (first code point, class) sorted by code point.
fn run_lookup(runs: &[(u32, u8)], cp: u32) -> usize {
    let i = runs.partition_point(|(start, _)| *start <= cp);
    runs.get(i.wrapping_sub(1)).map(|r| r.1 as usize).unwrap_or(0)
}

fn u_bidirectional(_ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let v = exact("bidirectional", &a, 0, 1, 1)?;
    let cp = one_cp(&v[0], "bidirectional", false)?;
    let i = run_lookup(&tables::BIDI_RUNS, cp);
    Ok(new_str(tables::BIDI_NAMES.get(i).copied().unwrap_or("")))
}

fn u_east_asian_width(_ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let v = exact("east_asian_width", &a, 0, 1, 1)?;
    let cp = one_cp(&v[0], "east_asian_width", false)?;
    let i = run_lookup(&tables::EAW_RUNS, cp);
    Ok(new_str(tables::EAW_NAMES.get(i).copied().unwrap_or("N")))
}

/// `unicodedata.UCD`: the type of `ucd_3_2_0`.
pub(crate) struct PyUcd;
impl spindle_vm::object::PyPayload for PyUcd {
    const KIND: spindle_vm::object::PayloadKind = crate::kinds::kind(crate::kinds::MATH_BASE + 60);
}

static UCD_T: std::sync::OnceLock<spindle_vm::object::TypeRef> = std::sync::OnceLock::new();

const FUNCTIONS: [(&str, spindle_vm::function::NativeFnPtr); 13] = [
    ("name", u_name),
    ("lookup", u_lookup),
    ("decimal", u_decimal),
    ("digit", u_digit),
    ("numeric", u_numeric),
    ("normalize", u_normalize),
    ("is_normalized", u_is_normalized),
    ("combining", u_combining),
    ("mirrored", u_mirrored),
    ("decomposition", u_decomposition),
    ("category", u_category),
    ("bidirectional", u_bidirectional),
    ("east_asian_width", u_east_asian_width),
];

pub(crate) fn init(_ts: &ThreadState) -> PyResult<Value> {
    let m = new_module("unicodedata", &FUNCTIONS);
    add_value(&m, "unidata_version", new_str("16.0.0"));
    // ucd_3_2_0 (IDNA's stringprep tables): the same functions over the
    // current database (FIXME: characters assigned after 3.2 should read as
    // unassigned). Builtin functions stored on the class do not bind.
    let t = *UCD_T.get_or_init(|| {
        let t = spindle_vm::native::new_type::<PyUcd>("UCD", "unicodedata", None, false);
        for (name, f) in FUNCTIONS {
            spindle_vm::native::add_class_value(t, name, spindle_vm::function::new_native(name, f));
        }
        spindle_vm::native::add_class_value(t, "unidata_version", new_str("3.2.0"));
        t
    });
    add_value(&m, "UCD", t.to_value());
    add_value(&m, "ucd_3_2_0", spindle_vm::object::alloc(t, PyUcd));
    Ok(m)
}
