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

fn one_char(v: &Value, fname: &str) -> PyResult<char> {
    let Some(s) = as_str(v) else { raise!(TypeError, "{}() argument 1 must be a unicode character, not {}", fname, ops::type_name(v)) };
    let mut it = s.chars();
    match (it.next(), it.next()) {
        (Some(c), None) => Ok(c),
        _ => raise!(TypeError, "{}() argument 1 must be a unicode character, not str", fname),
    }
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
    let c = one_char(&v[0], "mirrored")?;
    Ok(new_int(matches!(c, '(' | ')' | '<' | '>' | '[' | ']' | '{' | '}' | '«' | '»') as i64))
}

fn u_decomposition(_ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let v = exact("decomposition", &a, 0, 1, 1)?;
    let c = one_char(&v[0], "decomposition")?;
    let mut canon = Vec::new();
    unicode_normalization::char::decompose_canonical(c, |d| canon.push(d));
    let hex = |v: &[char]| v.iter().map(|d| format!("{:04X}", *d as u32)).collect::<Vec<_>>().join(" ");
    if canon.len() > 1 || (canon.len() == 1 && canon[0] != c) {
        // The first level of the canonical mapping only.
        let first: String = std::iter::once(c).nfd().collect();
        let _ = first;
        return Ok(new_str(&hex(&canon)));
    }
    let mut compat = Vec::new();
    unicode_normalization::char::decompose_compatible(c, |d| compat.push(d));
    if compat.len() > 1 || (compat.len() == 1 && compat[0] != c) {
        return Ok(new_str(&format!("<compat> {}", hex(&compat))));
    }
    Ok(new_str(""))
}

/// The general category, from the predicates spindle_str's tables answer.
fn category(c: char) -> &'static str {
    use spindle_str::unicode as u;
    let cp = c as u32;
    if !u::is_assigned(cp) {
        return if (0xE000..=0xF8FF).contains(&cp) || cp >= 0xF0000 { "Co" } else if (0xD800..=0xDFFF).contains(&cp) { "Cs" } else { "Cn" };
    }
    if c.is_control() {
        return "Cc";
    }
    if u::is_upper(cp) {
        return "Lu";
    }
    if u::is_lower(cp) {
        return "Ll";
    }
    if u::is_title(cp) {
        return "Lt";
    }
    if u::is_decimal(cp) {
        return "Nd";
    }
    if u::is_alpha(cp) {
        return if u::is_case_ignorable(cp) { "Lm" } else { "Lo" };
    }
    if u::is_numeric(cp) {
        return if (0x2160..=0x2188).contains(&cp) || (0x3021..=0x3029).contains(&cp) || cp == 0x3007 { "Nl" } else { "No" };
    }
    if cp == 0x20 || cp == 0xA0 || cp == 0x1680 || (0x2000..=0x200A).contains(&cp) || cp == 0x202F || cp == 0x205F || cp == 0x3000 {
        return "Zs";
    }
    if cp == 0x2028 {
        return "Zl";
    }
    if cp == 0x2029 {
        return "Zp";
    }
    if unicode_normalization::char::canonical_combining_class(c) != 0 || (0x300..=0x36F).contains(&cp) {
        return "Mn";
    }
    if c.is_ascii() {
        return match c {
            '!' | '"' | '#' | '%' | '&' | '\'' | '*' | ',' | '.' | '/' | ':' | ';' | '?' | '@' | '\\' => "Po",
            '(' | '[' | '{' => "Ps",
            ')' | ']' | '}' => "Pe",
            '-' => "Pd",
            '_' => "Pc",
            '$' => "Sc",
            '+' | '<' | '=' | '>' | '|' | '~' => "Sm",
            '^' | '`' => "Sk",
            _ => "Cn",
        };
    }
    if u::is_case_ignorable(cp) {
        return "Mn";
    }
    if (0x2000..=0x206F).contains(&cp) {
        return "Po";
    }
    if (0x20A0..=0x20CF).contains(&cp) || matches!(cp, 0xA2..=0xA5) {
        return "Sc";
    }
    if (0x2190..=0x22FF).contains(&cp) || matches!(cp, 0xAC | 0xB1 | 0xD7 | 0xF7) {
        return "Sm";
    }
    "So"
}

fn u_category(_ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let v = exact("category", &a, 0, 1, 1)?;
    let c = one_char(&v[0], "category")?;
    Ok(new_str(category(c)))
}

fn u_bidirectional(_ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let v = exact("bidirectional", &a, 0, 1, 1)?;
    let c = one_char(&v[0], "bidirectional")?;
    let cp = c as u32;
    let r = match category(c) {
        "Nd" if c.is_ascii() => "EN",
        "Zs" => "WS",
        "Zl" => "WS",
        "Zp" => "B",
        "Mn" => "NSM",
        "Cn" => "",
        _ if c == '\n' || c == '\r' || cp == 0x1C || cp == 0x1D || cp == 0x1E || cp == 0x85 => "B",
        _ if c == '\t' || cp == 0x0B || cp == 0x1F => "S",
        _ if c == '\x0c' => "WS",
        "Cc" => "BN",
        _ if (0x0590..=0x05FF).contains(&cp) => "R",
        _ if (0x0600..=0x07BF).contains(&cp) => "AL",
        _ if c.is_alphabetic() => "L",
        _ if matches!(c, '+' | '-') => "ES",
        _ if matches!(c, '#' | '$' | '%') => "ET",
        _ if matches!(c, ',' | '.' | '/' | ':') => "CS",
        _ => "ON",
    };
    Ok(new_str(r))
}

fn u_east_asian_width(_ts: &ThreadState, a: Args<'_>) -> PyResult<Value> {
    let v = exact("east_asian_width", &a, 0, 1, 1)?;
    let c = one_char(&v[0], "east_asian_width")?;
    let cp = c as u32;
    let r = if (0xFF01..=0xFF60).contains(&cp) || (0xFFE0..=0xFFE6).contains(&cp) || cp == 0x3000 {
        "F"
    } else if (0xFF61..=0xFFDC).contains(&cp) || (0xFFE8..=0xFFEE).contains(&cp) || cp == 0x20A9 {
        "H"
    } else if (0x1100..=0x115F).contains(&cp)
        || (0x2E80..=0x303E).contains(&cp)
        || (0x3041..=0x33FF).contains(&cp)
        || (0x3400..=0x4DBF).contains(&cp)
        || (0x4E00..=0x9FFF).contains(&cp)
        || (0xA000..=0xA4CF).contains(&cp)
        || (0xAC00..=0xD7A3).contains(&cp)
        || (0xF900..=0xFAFF).contains(&cp)
        || (0xFE30..=0xFE4F).contains(&cp)
        || (0x1F300..=0x1F64F).contains(&cp)
        || (0x1F900..=0x1F9FF).contains(&cp)
        || (0x20000..=0x3FFFD).contains(&cp)
    {
        "W"
    } else if c.is_ascii() && !c.is_control() {
        "Na"
    } else if matches!(cp, 0xA1 | 0xA4 | 0xA7 | 0xA8 | 0xAA | 0xAD | 0xAE | 0xB0..=0xB4 | 0xB6..=0xBA | 0xBC..=0xBF | 0xC6 | 0xD0 | 0xD7 | 0xD8 | 0xDE..=0xE1 | 0xE6 | 0xE8..=0xEA | 0xEC | 0xED | 0xF0 | 0xF2 | 0xF3 | 0xF7..=0xFA | 0xFC | 0xFE)
        || (0x391..=0x3C9).contains(&cp)
        || (0x401..=0x451).contains(&cp)
        || (0x2460..=0x24E9).contains(&cp)
        || (0x2500..=0x257F).contains(&cp)
        || (0xE000..=0xF8FF).contains(&cp)
    {
        "A"
    } else {
        "N"
    };
    Ok(new_str(r))
}

pub(crate) fn init(_ts: &ThreadState) -> PyResult<Value> {
    let m = new_module(
        "unicodedata",
        &[
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
        ],
    );
    add_value(&m, "unidata_version", new_str("16.0.0"));
    Ok(m)
}
