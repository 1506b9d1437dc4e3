//! Formatting glue between Python objects and `spindle_num`'s engines: the
//! `__format__` of int, bool, float, complex and str (and their subclasses) on
//! the format-spec mini-language, and printf-style `str % args` and
//! `bytes % args` (mapping keys, `*` width and precision, length modifiers,
//! every conversion, CPython's exact errors) on `spindle_num`'s printf renderers.

use spindle_num::{Complex, Int, NumError, PrintfSpec};

use super::numbers::{num_err, to_int};
use crate::error::{PyErr, PyResult};
use crate::interp::ThreadState;
use crate::num::{PyComplex, float_value};
use crate::ops;
use crate::runtime::rt;
use crate::str::{as_str, new_string};
use crate::value::Value;
use crate::{err, raise};

/// `sys.get_int_max_str_digits()` as `spindle_num` wants it (`0` = unlimited).
pub fn max_str_digits(ts: &ThreadState) -> usize {
    ts.interp.int_max_str_digits.load(std::sync::atomic::Ordering::Relaxed)
}

/// Converts a format error, naming the object's real type (`bool`, a subclass)
/// where `spindle_num` names the base type.
fn spec_err(e: NumError, base: &str, actual: &str) -> PyErr {
    if base == actual {
        return num_err(e);
    }
    let from = format!("for object of type '{base}'");
    if e.msg.contains(&from) {
        let msg = e.msg.replace(&from, &format!("for object of type '{actual}'"));
        return num_err(NumError { kind: e.kind, msg: msg.into() });
    }
    num_err(e)
}

/// `format(s, spec)` for a str value.
pub fn format_str(_ts: &ThreadState, v: &str, spec: &str) -> PyResult {
    spindle_num::format_str(v, spec).map(new_string).map_err(num_err)
}

/// `format(v, spec)` for an int, bool, float or complex (or a subclass).
pub fn format_number(ts: &ThreadState, v: &Value, spec: &str) -> PyResult {
    let tyname = ops::type_name(v);
    if let Some(i) = to_int(v) {
        return spindle_num::format_int(&i, spec, max_str_digits(ts))
            .map(new_string)
            .map_err(|e| spec_err(e, "int", &tyname));
    }
    if let Some(f) = float_value(v) {
        return spindle_num::format_float(f, spec).map(new_string).map_err(|e| spec_err(e, "float", &tyname));
    }
    if let Some(c) = v.downcast::<PyComplex>() {
        return spindle_num::format_complex(Complex { re: c.re, im: c.im }, spec)
            .map(new_string)
            .map_err(|e| spec_err(e, "complex", &tyname));
    }
    raise!(TypeError, "unsupported format string passed to {}.__format__", tyname)
}

/// `format(s, spec)` for a str subclass instance (names the subclass in errors).
pub fn format_str_obj(ts: &ThreadState, v: &Value, spec: &str) -> PyResult {
    let Some(s) = as_str(v) else { raise!(TypeError, "descriptor '__format__' requires a 'str' object") };
    if spec.is_empty() {
        return if v.type_ref() == rt().types.str { Ok(v.clone()) } else { ops::str_(ts, v) };
    }
    let tyname = ops::type_name(v);
    spindle_num::format_str(s, spec).map(new_string).map_err(|e| spec_err(e, "str", &tyname))
}

// ---------------------------------------------------------------- % formatting

/// Which `%` operator is running: `str % args` or `bytes % args`. Bytes are
/// handled as Latin-1 characters so one engine serves both.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Mode {
    Str,
    Bytes,
}

struct Ctx<'a> {
    args: &'a Value,
    /// The tuple items, or the single operand.
    items: Vec<Value>,
    /// CPython's arglen / argidx protocol: a lone operand is `(-1, -2)`.
    arglen: isize,
    argidx: isize,
    dict: Option<Value>,
}

impl Ctx<'_> {
    fn next_arg(&mut self) -> PyResult<Value> {
        if self.argidx < self.arglen {
            let i = self.argidx;
            self.argidx += 1;
            if self.arglen < 0 {
                return Ok(self.args.clone());
            }
            if let Some(v) = usize::try_from(i).ok().and_then(|i| self.items.get(i)) {
                return Ok(v.clone());
            }
        }
        raise!(TypeError, "not enough arguments for format string")
    }
}

fn has_attr(v: &Value, name: &str) -> bool {
    v.type_ref().lookup(name).is_some()
}

/// `str % args`.
pub fn percent_format_impl(ts: &ThreadState, fmt: &str, args: &Value) -> PyResult {
    let chars: Vec<char> = fmt.chars().collect();
    percent_core(ts, &chars, args, Mode::Str).map(new_string)
}

/// `bytes % args`: the formatted bytes.
pub fn bytes_percent_format(ts: &ThreadState, fmt: &[u8], args: &Value) -> PyResult<Vec<u8>> {
    let chars: Vec<char> = fmt.iter().map(|&b| char::from(b)).collect();
    let out = percent_core(ts, &chars, args, Mode::Bytes)?;
    // Every char in `out` is below 256 (bytes operands map bytewise, numbers are ASCII).
    Ok(out.chars().map(|c| u8::try_from(u32::from(c)).unwrap_or(b'?')).collect())
}

fn read_num(chars: &[char], i: &mut usize, what: &str) -> PyResult<Option<usize>> {
    let mut v: Option<usize> = None;
    while let Some(d) = chars.get(*i).and_then(|c| c.to_digit(10)) {
        let n = v.unwrap_or(0).checked_mul(10).and_then(|n| n.checked_add(d as usize));
        match n {
            Some(n) if n <= i32::MAX as usize => v = Some(n),
            _ => raise!(ValueError, "{} too big", what),
        }
        *i += 1;
    }
    Ok(v)
}

/// A `*` width (a C `Py_ssize_t` in CPython) or precision (a C `int`).
fn star_arg(ctx: &mut Ctx<'_>, is_width: bool) -> PyResult<i64> {
    let v = ctx.next_arg()?;
    let Some(i) = to_int(&v) else { raise!(TypeError, "* wants int") };
    let x = i.to_i64();
    if is_width {
        return x.ok_or_else(|| err!(OverflowError, "Python int too large to convert to C ssize_t"));
    }
    match x.filter(|x| (i64::from(i32::MIN)..=i64::from(i32::MAX)).contains(x)) {
        Some(x) => Ok(x),
        None => raise!(OverflowError, "Python int too large to convert to C int"),
    }
}

fn percent_core(ts: &ThreadState, chars: &[char], args: &Value, mode: Mode) -> PyResult<String> {
    let is_tuple = crate::seq::tuple_items(args).is_some();
    let items: Vec<Value> = crate::seq::tuple_items(args).map(<[Value]>::to_vec).unwrap_or_default();
    let is_strlike = match mode {
        Mode::Str => as_str(args).is_some(),
        Mode::Bytes => as_str(args).is_some() || super::containers::bytes_data(args).is_some(),
    };
    let dict = (!is_tuple && !is_strlike && has_attr(args, "__getitem__")).then(|| args.clone());
    let (arglen, argidx) = if is_tuple { (items.len() as isize, 0) } else { (-1, -2) };
    let mut ctx = Ctx { args, items, arglen, argidx, dict };
    let mut out = String::new();
    let mut i = 0;
    while i < chars.len() {
        if chars[i] != '%' {
            out.push(chars[i]);
            i += 1;
            continue;
        }
        i += 1;
        if chars.get(i) == Some(&'%') {
            out.push('%');
            i += 1;
            continue;
        }
        // Mapping key.
        let mut keyed: Option<Value> = None;
        if chars.get(i) == Some(&'(') {
            let Some(d) = ctx.dict.clone() else { raise!(TypeError, "format requires a mapping") };
            i += 1;
            let start = i;
            let mut depth = 1;
            while i < chars.len() {
                match chars[i] {
                    '(' => depth += 1,
                    ')' => {
                        depth -= 1;
                        if depth == 0 {
                            break;
                        }
                    }
                    _ => {}
                }
                i += 1;
            }
            if i >= chars.len() {
                raise!(ValueError, "incomplete format key");
            }
            let key_text: String = chars[start..i].iter().collect();
            i += 1;
            let key = match mode {
                Mode::Str => new_string(key_text),
                Mode::Bytes => {
                    crate::bytes::new_bytes(&key_text.chars().map(|c| u8::try_from(u32::from(c)).unwrap_or(b'?')).collect::<Vec<u8>>())
                }
            };
            keyed = Some(ops::getitem(ts, &d, &key)?);
            // A keyed conversion leaves no positional operand to take.
            ctx.arglen = -1;
            ctx.argidx = -1;
        }
        let mut spec = PrintfSpec::default();
        while let Some(&c) = chars.get(i) {
            match c {
                '-' => spec.left = true,
                '+' => spec.plus = true,
                ' ' => spec.space = true,
                '#' => spec.alt = true,
                '0' => spec.zero = true,
                _ => break,
            }
            i += 1;
        }
        if chars.get(i) == Some(&'*') {
            let w = star_arg(&mut ctx, true)?;
            if w < 0 {
                spec.left = true;
            }
            spec.width = Some(usize::try_from(w.unsigned_abs()).unwrap_or(usize::MAX));
            i += 1;
        } else {
            spec.width = read_num(chars, &mut i, "width")?;
        }
        if chars.get(i) == Some(&'.') {
            i += 1;
            if chars.get(i) == Some(&'*') {
                let p = star_arg(&mut ctx, false)?;
                spec.precision = Some(p.max(0) as usize);
                i += 1;
            } else {
                spec.precision = Some(read_num(chars, &mut i, "precision")?.unwrap_or(0));
            }
        }
        if matches!(chars.get(i), Some('h' | 'l' | 'L')) {
            i += 1;
        }
        let Some(&conv) = chars.get(i) else { raise!(ValueError, "incomplete format") };
        i += 1;
        spec.conv = conv;
        let val = match keyed.take() {
            Some(v) => v,
            None => ctx.next_arg()?,
        };
        if !matches!(conv, 's' | 'r' | 'a' | 'b' | 'c' | 'd' | 'i' | 'u' | 'o' | 'x' | 'X' | 'e' | 'E' | 'f' | 'F' | 'g' | 'G')
            || (mode == Mode::Str && conv == 'b')
        {
            let shown = if (' '..='~').contains(&conv) { conv } else { '?' };
            raise!(ValueError, "unsupported format character '{}' (0x{:x}) at index {}", shown, u32::from(conv), i - 1);
        }
        let piece = convert(ts, &val, &spec, mode)?;
        out.push_str(&piece);
    }
    if ctx.argidx < ctx.arglen && ctx.dict.is_none() {
        match mode {
            Mode::Str => raise!(TypeError, "not all arguments converted during string formatting"),
            Mode::Bytes => raise!(TypeError, "not all arguments converted during bytes formatting"),
        }
    }
    Ok(out)
}

/// Pads `body` for `%s`-like conversions: only the width and `-` apply.
fn pad_text(body: String, spec: &PrintfSpec) -> PyResult<String> {
    let width = spec.width.unwrap_or(0);
    if width > spindle_num::MAX_FORMAT_WIDTH {
        return Err(num_err(NumError { kind: spindle_num::ErrorKind::Memory, msg: "".into() }));
    }
    let n = width.saturating_sub(body.chars().count());
    if n == 0 {
        return Ok(body);
    }
    let fill = " ".repeat(n);
    Ok(if spec.left { body + &fill } else { fill + &body })
}

fn truncate(s: String, spec: &PrintfSpec) -> String {
    match spec.precision {
        Some(p) => s.chars().take(p).collect(),
        None => s,
    }
}

fn ascii_of(ts: &ThreadState, v: &Value) -> PyResult<String> {
    let r = super::functions::ascii(ts, v)?;
    Ok(as_str(&r).unwrap_or("").to_owned())
}

/// `PyNumber_Check`: can the value be used as a number at all?
fn is_number(v: &Value) -> bool {
    to_int(v).is_some()
        || float_value(v).is_some()
        || v.downcast::<PyComplex>().is_some()
        || has_attr(v, "__index__")
        || has_attr(v, "__int__")
        || has_attr(v, "__float__")
}

fn convert(ts: &ThreadState, val: &Value, spec: &PrintfSpec, mode: Mode) -> PyResult<String> {
    let tyname = ops::type_name(val);
    match spec.conv {
        's' | 'b' if mode == Mode::Bytes => {
            let data = if let Some(d) = super::containers::bytes_data(val) {
                d
            } else if let Some(b) = ops::call_dunder(ts, val, "__bytes__", &[])? {
                match super::containers::bytes_data(&b) {
                    Some(d) => d,
                    None => raise!(TypeError, "__bytes__ returned non-bytes (type {})", ops::type_name(&b)),
                }
            } else {
                raise!(
                    TypeError,
                    "%b requires a bytes-like object, or an object that implements __bytes__, not '{}'",
                    tyname
                )
            };
            let s: String = data.iter().map(|&b| char::from(b)).collect();
            pad_text(truncate(s, spec), spec)
        }
        's' => pad_text(truncate(ops::str_string(ts, val)?, spec), spec),
        'r' if mode == Mode::Str => pad_text(truncate(ops::repr_string(ts, val)?, spec), spec),
        'r' | 'a' => pad_text(truncate(ascii_of(ts, val)?, spec), spec),
        'c' => convert_char(ts, val, spec, mode),
        'd' | 'i' | 'u' | 'o' | 'x' | 'X' => {
            let wrong = || spindle_num::printf_type_error(spec.conv, &tyname, None);
            let i = match to_int(val) {
                Some(i) => i,
                None => {
                    if !is_number(val) {
                        return Err(num_err(wrong()));
                    }
                    let r = if matches!(spec.conv, 'o' | 'x' | 'X') {
                        ops::index(ts, val)
                    } else {
                        super::numbers::int_from_args(ts, Some(val.clone()), None)
                    };
                    match r {
                        Ok(v) => to_int(&v).ok_or_else(|| num_err(wrong()))?,
                        Err(e) if e.is_instance(rt().exc.TypeError) => return Err(num_err(wrong())),
                        Err(e) => return Err(e),
                    }
                }
            };
            spindle_num::printf_int(&i, spec, max_str_digits(ts)).map_err(num_err)
        }
        _ => {
            let x = real_as_f64(ts, val)?;
            spindle_num::printf_float(x, spec).map_err(num_err)
        }
    }
}

/// `PyFloat_AsDouble` as `%f` uses it: floats, ints, `__float__`, `__index__`.
pub(crate) fn real_as_f64(ts: &ThreadState, val: &Value) -> PyResult<f64> {
    if let Some(f) = float_value(val) {
        return Ok(f);
    }
    if let Some(i) = to_int(val) {
        return i.to_f64().map_err(num_err);
    }
    if let Some(r) = ops::call_dunder(ts, val, "__float__", &[])? {
        return match float_value(&r) {
            Some(f) => Ok(f),
            None => raise!(
                TypeError,
                "{}.__float__ returned non-float (type {})",
                ops::type_name(val),
                ops::type_name(&r)
            ),
        };
    }
    if has_attr(val, "__index__") {
        let r = ops::index(ts, val)?;
        if let Some(i) = to_int(&r) {
            return i.to_f64().map_err(num_err);
        }
    }
    raise!(TypeError, "must be real number, not {}", ops::type_name(val))
}

fn convert_char(ts: &ThreadState, val: &Value, spec: &PrintfSpec, mode: Mode) -> PyResult<String> {
    let tyname = ops::type_name(val);
    match mode {
        Mode::Str => {
            if let Some(s) = as_str(val) {
                let n = s.chars().count();
                let mut it = s.chars();
                return match (it.next(), n) {
                    (Some(c), 1) => pad_text(c.to_string(), spec),
                    _ => Err(num_err(spindle_num::printf_type_error('c', &tyname, Some(n)))),
                };
            }
            let i = match to_int(val) {
                Some(i) => i,
                None if has_attr(val, "__index__") => {
                    let r = ops::index(ts, val).map_err(|_| err!(TypeError, "%c requires an int or a unicode character, not {}", tyname))?;
                    to_int(&r).unwrap_or(Int::Small(-1))
                }
                None => return Err(num_err(spindle_num::printf_type_error('c', &tyname, None))),
            };
            spindle_num::printf_char(&i, spec).map_err(num_err)
        }
        Mode::Bytes => {
            if let Some(d) = super::containers::bytes_data(val) {
                if d.len() == 1 {
                    return pad_text(char::from(d[0]).to_string(), spec);
                }
                raise!(TypeError, "%c requires an integer in range(256) or a single byte, not a bytes object of length {}", d.len());
            }
            let i = match to_int(val) {
                Some(i) => Some(i),
                None if has_attr(val, "__index__") => to_int(&ops::index(ts, val)?),
                None => None,
            };
            let Some(i) = i else {
                raise!(TypeError, "%c requires an integer in range(256) or a single byte, not {}", tyname)
            };
            match i.to_i64() {
                Some(b @ 0..=255) => pad_text(char::from(b as u8).to_string(), spec),
                _ => raise!(OverflowError, "%c arg not in range(256)"),
            }
        }
    }
}

/// `bytes.__mod__` / `bytearray.__mod__` as native methods, ready for the bytes
/// types' method tables: `NotImplemented` unless `self` is bytes-like, and a
/// result of `self`'s kind (bytes or bytearray).
pub fn bytes_mod_method(ts: &ThreadState, a: crate::function::Args<'_>) -> PyResult {
    if a.args.len() != 2 {
        raise!(TypeError, "expected 1 argument, got {}", a.args.len().saturating_sub(1));
    }
    let Some(fmt) = super::containers::bytes_data(&a.args[0]) else { return Ok(rt().not_implemented.clone()) };
    let out = bytes_percent_format(ts, &fmt, &a.args[1])?;
    if a.args[0].downcast::<crate::bytes::PyByteArray>().is_some() {
        return Ok(crate::bytes::new_bytearray(out));
    }
    Ok(crate::bytes::new_bytes(&out))
}
