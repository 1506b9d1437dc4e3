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
use crate::str::{as_data, new_data, new_string};
use spindle_str::{PyStrData, StrBuilder};
use crate::value::Value;
use crate::{err, raise};

/// `sys.get_int_max_str_digits()` as `spindle_num` wants it (`0` = unlimited).
pub fn max_str_digits(ts: &ThreadState) -> usize {
    ts.interp.int_max_str_digits.load(std::sync::atomic::Ordering::Relaxed)
}

/// A format error naming the object's real type (`bool`, a subclass) where
/// `spindle_num` names the base type.
fn spec_err(e: NumError, base: &str, actual: &str) -> NumError {
    let from = format!("for object of type '{base}'");
    if base == actual || !e.msg.contains(&from) {
        return e;
    }
    let msg = e.msg.replace(&from, &format!("for object of type '{actual}'"));
    NumError { kind: e.kind, msg: msg.into() }
}

/// `format(s, spec)` for a str value.
pub fn format_str(_ts: &ThreadState, v: &str, spec: &str) -> PyResult {
    spindle_num::format_str(v, spec).map(new_string).map_err(num_err)
}

/// `format(v, spec)` for an int, bool, float or complex (or a subclass).
pub fn format_number(ts: &ThreadState, v: &Value, spec: &str) -> PyResult {
    format_number_with(ts, v, spec, num_err)
}

/// `format_number`, its errors raised by `raise`.
fn format_number_with(ts: &ThreadState, v: &Value, spec: &str, raise: impl Fn(NumError) -> PyErr) -> PyResult {
    let tyname = ops::type_name(v);
    if let Some(i) = to_int(v) {
        return spindle_num::format_int(&i, spec, max_str_digits(ts))
            .map(new_string)
            .map_err(|e| raise(spec_err(e, "int", &tyname)));
    }
    if let Some(f) = float_value(v) {
        return spindle_num::format_float(f, spec).map(new_string).map_err(|e| raise(spec_err(e, "float", &tyname)));
    }
    if let Some(c) = v.downcast::<PyComplex>() {
        return spindle_num::format_complex(Complex { re: c.re, im: c.im }, spec)
            .map(new_string)
            .map_err(|e| raise(spec_err(e, "complex", &tyname)));
    }
    raise!(TypeError, "unsupported format string passed to {}.__format__", tyname)
}

fn is_surrogate(c: u32) -> bool {
    (0xD800..=0xDFFF).contains(&c)
}

/// A format spec as UTF-8 for `spindle_num`, which takes Rust strings: each
/// lone surrogate (the fill, the type, anywhere in an invalid spec) is
/// written as a private-use stand-in found nowhere in the spec, and results
/// and error messages get the surrogates back.
struct SpecText {
    text: String,
    /// (stand-in, the code point it stands for).
    stand_ins: Vec<(u32, u32)>,
    /// Private-use code points not free for stand-ins: in the spec, named
    /// by it as the escape `\x..'` an error message quotes a type code
    /// with, or the value's character (type `c`).
    used: Vec<bool>,
}

const PRIVATE_USE: std::ops::RangeInclusive<u32> = 0xE000..=0xF8FF;

impl SpecText {
    fn new(spec: &PyStrData, value_char: Option<u32>) -> SpecText {
        let mut used = vec![false; PRIVATE_USE.count()];
        let mut mark = |c: u32| {
            if PRIVATE_USE.contains(&c) {
                used[(c - PRIVATE_USE.start()) as usize] = true;
            }
        };
        spec.code_points().chain(value_char).for_each(&mut mark);
        let lossy = spec.to_string_lossy();
        for (at, _) in lossy.match_indices("\\x") {
            let hex: String = lossy[at + 2..].chars().take_while(char::is_ascii_hexdigit).collect();
            if lossy[at + 2 + hex.len()..].starts_with('\'') {
                if let Ok(c) = u32::from_str_radix(&hex, 16) {
                    mark(c);
                }
            }
        }
        let mut t = SpecText { text: String::with_capacity(lossy.len()), stand_ins: Vec::new(), used };
        for c in spec.code_points() {
            let c = if is_surrogate(c) { t.stand_in(c) } else { c };
            t.text.push(char::from_u32(c).unwrap_or(char::REPLACEMENT_CHARACTER));
        }
        t
    }

    /// The stand-in for `c`, a new one on first use (U+FFFD once none is
    /// left, a spec of thousands of private-use characters).
    fn stand_in(&mut self, c: u32) -> u32 {
        if let Some(&(s, _)) = self.stand_ins.iter().find(|p| p.1 == c) {
            return s;
        }
        let Some(i) = self.used.iter().position(|u| !u) else { return u32::from(char::REPLACEMENT_CHARACTER) };
        self.used[i] = true;
        let s = PRIVATE_USE.start() + i as u32;
        self.stand_ins.push((s, c));
        s
    }

    fn restore(&self, c: u32) -> u32 {
        self.stand_ins.iter().find(|p| p.0 == c).map_or(c, |p| p.1)
    }

    /// `text` (a result, a message) with the stand-ins put back.
    fn restore_str(&self, text: &str) -> Value {
        new_data(PyStrData::from_code_points(text.chars().map(|c| self.restore(u32::from(c)))).unwrap_or_default())
    }

    /// A `spindle_num` error about the spec: the spec it quotes and the type
    /// code it escapes (`'\xd800'`) are the spec as given.
    fn error(&self, e: NumError) -> PyErr {
        if self.stand_ins.is_empty() || e.kind != spindle_num::ErrorKind::Value {
            return num_err(e);
        }
        let mut msg = e.msg.into_owned();
        for (s, c) in &self.stand_ins {
            msg = msg.replace(&format!("'\\x{s:x}'"), &format!("'\\x{c:x}'"));
        }
        PyErr(crate::exceptions::new_exception(rt().exc.ValueError, vec![self.restore_str(&msg)]))
    }
}

/// `format_number` on a spec as given: a lone surrogate may be in it, or
/// (type `c`) be the value's character, neither of which a Rust string
/// holds: those are formatted as stand-ins, then put back.
pub fn format_number_exact(ts: &ThreadState, v: &Value, spec: &PyStrData) -> PyResult {
    let char_type = spec.char_at(spec.len().saturating_sub(1)) == Some(u32::from('c'));
    let value_char = if char_type { to_int(v).and_then(|i| i.to_i64()).and_then(|i| u32::try_from(i).ok()) } else { None };
    let value = value_char.filter(|&c| is_surrogate(c));
    if value.is_none() && !spec.has_surrogates() {
        return format_number(ts, v, &spec.to_string_lossy());
    }
    let mut text = SpecText::new(spec, value_char);
    let shown = match value {
        Some(c) => crate::num::new_int(i64::from(text.stand_in(c))),
        None => v.clone(),
    };
    let r = format_number_with(ts, &shown, &text.text, |e| text.error(e))?;
    match crate::str::as_str(&r) {
        Some(out) => Ok(text.restore_str(out)),
        None => Ok(r),
    }
}

/// `str.__format__(v, spec)` (names a subclass in errors). Exact: lone
/// surrogates are kept, in the value and as the fill character.
pub fn format_str_obj(ts: &ThreadState, v: &Value, spec: &PyStrData) -> PyResult {
    let Some(s) = as_data(v) else { raise!(TypeError, "descriptor '__format__' requires a 'str' object") };
    if spec.is_empty() {
        return if v.type_ref() == rt().types.str { Ok(v.clone()) } else { ops::str_(ts, v) };
    }
    let f = if spec.has_surrogates() {
        let text = SpecText::new(spec, None);
        spindle_num::parse_str_spec(&text.text).map_err(|e| text.error(spec_err(e, "str", &ops::type_name(v))))?
    } else {
        spindle_num::parse_str_spec(&spec.to_string_lossy()).map_err(|e| num_err(spec_err(e, "str", &ops::type_name(v))))?
    };
    // A fill comes first in the spec; it may be any character (a lone
    // surrogate reads as a stand-in in the text parsed above).
    let fill = match f.fill {
        Some(_) => spec.char_at(0).unwrap_or(u32::from(' ')),
        None => u32::from(if f.zero { '0' } else { ' ' }),
    };
    let take = f.precision.map_or(s.len(), |p| p.min(s.len()));
    let n = f.width.unwrap_or(0).saturating_sub(take);
    let (left, right) = match f.align.unwrap_or('<') {
        '<' => (0, n),
        '^' => (n / 2, n - n / 2),
        _ => (n, 0),
    };
    let mut out = StrBuilder::new();
    out.try_reserve(take + n).map_err(|_| num_err(NumError { kind: spindle_num::ErrorKind::Memory, msg: "".into() }))?;
    (0..left).for_each(|_| out.push(fill));
    out.push_range(s, 0, take);
    (0..right).for_each(|_| out.push(fill));
    Ok(new_data(out.finish()))
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

/// `str % args`, on code points: lone surrogates in the format and in the
/// operands' text are kept.
pub fn percent_format_impl(ts: &ThreadState, fmt: &PyStrData, args: &Value) -> PyResult {
    let cps: Vec<u32> = fmt.code_points().collect();
    percent_core(ts, &cps, args, Mode::Str).map(|out| new_data(out.finish()))
}

/// `bytes % args`: the formatted bytes.
pub fn bytes_percent_format(ts: &ThreadState, fmt: &[u8], args: &Value) -> PyResult<Vec<u8>> {
    let cps: Vec<u32> = fmt.iter().map(|&b| u32::from(b)).collect();
    let out = percent_core(ts, &cps, args, Mode::Bytes)?.finish();
    // Every code point in `out` is below 256 (bytes operands map bytewise, numbers are ASCII).
    Ok(out.code_points().map(|c| u8::try_from(c).unwrap_or(b'?')).collect())
}

/// The character at `i` of a format, for parsing (a lone surrogate, never
/// syntax, reads as U+FFFD).
fn char_of(cps: &[u32], i: usize) -> Option<char> {
    cps.get(i).map(|&c| char::from_u32(c).unwrap_or('\u{FFFD}'))
}

/// A written width (a C `Py_ssize_t` in CPython, `max` `isize::MAX`) or
/// precision (a C `int`).
fn read_num(chars: &[u32], i: &mut usize, what: &str, max: usize) -> PyResult<Option<usize>> {
    let mut v: Option<usize> = None;
    while let Some(d) = char_of(chars, *i).and_then(|c| c.to_digit(10)) {
        let n = v.unwrap_or(0).checked_mul(10).and_then(|n| n.checked_add(d as usize));
        match n {
            Some(n) if n <= max => v = Some(n),
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

fn percent_core(ts: &ThreadState, chars: &[u32], args: &Value, mode: Mode) -> PyResult<StrBuilder> {
    let is_tuple = crate::seq::tuple_items(args).is_some();
    let items: Vec<Value> = crate::seq::tuple_items(args).map(<[Value]>::to_vec).unwrap_or_default();
    let is_strlike = match mode {
        Mode::Str => as_data(args).is_some(),
        Mode::Bytes => as_data(args).is_some() || super::containers::bytes_data(args).is_some(),
    };
    let dict = (!is_tuple && !is_strlike && has_attr(args, "__getitem__")).then(|| args.clone());
    let (arglen, argidx) = if is_tuple { (items.len() as isize, 0) } else { (-1, -2) };
    let mut ctx = Ctx { args, items, arglen, argidx, dict };
    let mut out = StrBuilder::new();
    let mut i = 0;
    while i < chars.len() {
        if chars[i] != u32::from('%') {
            out.push(chars[i]);
            i += 1;
            continue;
        }
        i += 1;
        if char_of(chars, i) == Some('%') {
            out.push(u32::from('%'));
            i += 1;
            continue;
        }
        // Mapping key.
        let mut keyed: Option<Value> = None;
        if char_of(chars, i) == Some('(') {
            let Some(d) = ctx.dict.clone() else { raise!(TypeError, "format requires a mapping") };
            i += 1;
            let start = i;
            let mut depth = 1;
            while let Some(c) = char_of(chars, i) {
                match c {
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
            let key_cps = &chars[start..i];
            i += 1;
            let key = match mode {
                Mode::Str => new_data(PyStrData::from_code_points(key_cps.iter().copied()).unwrap_or_default()),
                Mode::Bytes => crate::bytes::new_bytes(&key_cps.iter().map(|&c| u8::try_from(c).unwrap_or(b'?')).collect::<Vec<u8>>()),
            };
            keyed = Some(ops::getitem(ts, &d, &key)?);
            // A keyed conversion leaves no positional operand to take.
            ctx.arglen = -1;
            ctx.argidx = -1;
        }
        let mut spec = PrintfSpec::default();
        while let Some(c) = char_of(chars, i) {
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
        if char_of(chars, i) == Some('*') {
            let w = star_arg(&mut ctx, true)?;
            if w < 0 {
                spec.left = true;
            }
            spec.width = Some(usize::try_from(w.unsigned_abs()).unwrap_or(usize::MAX));
            i += 1;
        } else {
            spec.width = read_num(chars, &mut i, "width", isize::MAX as usize)?;
        }
        if char_of(chars, i) == Some('.') {
            i += 1;
            if char_of(chars, i) == Some('*') {
                let p = star_arg(&mut ctx, false)?;
                spec.precision = Some(p.max(0) as usize);
                i += 1;
            } else {
                spec.precision = Some(read_num(chars, &mut i, "precision", i32::MAX as usize)?.unwrap_or(0));
            }
        }
        if matches!(char_of(chars, i), Some('h' | 'l' | 'L')) {
            i += 1;
        }
        let (Some(conv), Some(&conv_cp)) = (char_of(chars, i), chars.get(i)) else { raise!(ValueError, "incomplete format") };
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
            raise!(ValueError, "unsupported format character '{}' (0x{:x}) at index {}", shown, conv_cp, i - 1);
        }
        convert(ts, &val, &spec, mode, &mut out)?;
    }
    if ctx.argidx < ctx.arglen && ctx.dict.is_none() {
        match mode {
            Mode::Str => raise!(TypeError, "not all arguments converted during string formatting"),
            Mode::Bytes => raise!(TypeError, "not all arguments converted during bytes formatting"),
        }
    }
    Ok(out)
}

/// Appends the first `take` code points of `body` (all when None), padded
/// with spaces for `%s`-like conversions: only the width and `-` apply.
fn push_padded(out: &mut StrBuilder, body: &PyStrData, take: Option<usize>, spec: &PrintfSpec) -> PyResult<()> {
    let width = spec.width.unwrap_or(0);
    if width > spindle_num::MAX_FORMAT_WIDTH {
        return Err(num_err(NumError { kind: spindle_num::ErrorKind::Memory, msg: "".into() }));
    }
    let take = take.map_or(body.len(), |p| p.min(body.len()));
    let n = width.saturating_sub(take);
    if !spec.left {
        (0..n).for_each(|_| out.push(u32::from(' ')));
    }
    out.push_range(body, 0, take);
    if spec.left {
        (0..n).for_each(|_| out.push(u32::from(' ')));
    }
    Ok(())
}

/// `push_padded` of a str value's text, cut to the precision.
fn push_text_value(out: &mut StrBuilder, text: &Value, spec: &PrintfSpec) -> PyResult<()> {
    let empty = PyStrData::new();
    push_padded(out, as_data(text).unwrap_or(&empty), spec.precision, spec)
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

fn convert(ts: &ThreadState, val: &Value, spec: &PrintfSpec, mode: Mode, out: &mut StrBuilder) -> PyResult<()> {
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
            push_padded(out, &PyStrData::from_latin1(&data), spec.precision, spec)
        }
        's' => push_text_value(out, &ops::str_(ts, val)?, spec),
        'r' if mode == Mode::Str => push_text_value(out, &ops::repr(ts, val)?, spec),
        'r' | 'a' => push_text_value(out, &super::functions::ascii(ts, val)?, spec),
        'c' => convert_char(ts, val, spec, mode, out),
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
            out.push_ascii(&spindle_num::printf_int(&i, spec, max_str_digits(ts)).map_err(num_err)?);
            Ok(())
        }
        _ => {
            let x = real_as_f64(ts, val)?;
            out.push_ascii(&spindle_num::printf_float(x, spec).map_err(num_err)?);
            Ok(())
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

fn convert_char(ts: &ThreadState, val: &Value, spec: &PrintfSpec, mode: Mode, out: &mut StrBuilder) -> PyResult<()> {
    let tyname = ops::type_name(val);
    match mode {
        Mode::Str => {
            if let Some(s) = as_data(val) {
                return match s.len() {
                    1 => push_padded(out, s, None, spec),
                    n => Err(num_err(spindle_num::printf_type_error('c', &tyname, Some(n)))),
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
            // A lone surrogate is a valid `%c` code point, which a Rust string cannot hold.
            if let Some(c) = i.to_i64().and_then(|c| u32::try_from(c).ok()).filter(|c| (0xD800..=0xDFFF).contains(c)) {
                return push_padded(out, &PyStrData::from_code_point(c).unwrap_or_default(), None, spec);
            }
            out.push_str(&PyStrData::from_str(&spindle_num::printf_char(&i, spec).map_err(num_err)?));
            Ok(())
        }
        Mode::Bytes => {
            if let Some(d) = super::containers::bytes_data(val) {
                if d.len() == 1 {
                    return push_padded(out, &PyStrData::from_latin1(&d), None, spec);
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
                Some(b @ 0..=255) => push_padded(out, &PyStrData::from_latin1(&[b as u8]), None, spec),
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
