//! The `sys` module, the standard streams, `input()`, source-line lookup for
//! tracebacks, warnings from native code, and the formatting glue that will
//! move onto `spindle_num`'s format-spec engine.

use std::io::Write;

use parking_lot::Mutex;

use super::{add_methods, check_args};
use crate::error::{PyErr, PyResult};
use crate::function::Args;
use crate::interp::ThreadState;
use crate::num::{new_bool, new_int};
use crate::object::{PayloadKind, PyPayload, TypeRef, alloc};
use crate::ops;
use crate::runtime::{is_none, none, rt};
use crate::str::{as_str, new_str, new_string};
use crate::value::Value;
use crate::{err, raise};

/// A minimal text stream on a file descriptor (stdout is block-buffered
/// unless `-u`, stderr unbuffered), used until `_io` provides the real ones.
pub struct FdStream {
    pub fd: i32,
    pub buf: Mutex<Vec<u8>>,
    pub buffered: bool,
}

impl PyPayload for FdStream {
    const KIND: PayloadKind = crate::kinds::NATIVE_STREAM;
}

impl FdStream {
    pub fn write_bytes(&self, b: &[u8]) {
        if self.buffered {
            let mut buf = self.buf.lock();
            buf.extend_from_slice(b);
            if buf.len() >= 8192 {
                let data = std::mem::take(&mut *buf);
                drop(buf);
                raw_write(self.fd, &data);
            }
        } else {
            raw_write(self.fd, b);
        }
    }
    pub fn flush(&self) {
        let data = std::mem::take(&mut *self.buf.lock());
        if !data.is_empty() {
            raw_write(self.fd, &data);
        }
    }
}

fn raw_write(fd: i32, data: &[u8]) {
    if fd == 2 {
        let _ = std::io::stderr().write_all(data);
        let _ = std::io::stderr().flush();
    } else {
        let mut out = std::io::stdout().lock();
        let _ = out.write_all(data);
        let _ = out.flush();
    }
}

pub fn make_stream_type() -> TypeRef {
    let r = rt();
    let td = crate::types::TypeData::new("TextIOWrapper", &<FdStream as crate::object::HasVtable>::VTABLE, 0, 0, Vec::new());
    let v = crate::object::alloc_immortal(r.types.type_, td);
    let t = TypeRef::from_value(&v).unwrap_or(r.types.object);
    crate::class::set_builtin_base_pub(t, r.types.object);
    let _ = t.data().dict.set(crate::object::alloc_immortal(r.types.dict, crate::dict::PyDict::new()));
    add_methods(
        t,
        &[
            ("write", |_, a| {
                check_args("write", a, 1, 1)?;
                let s = &a.args[1];
                let Some(text) = as_str(s) else { raise!(TypeError, "write() argument must be str, not {}", ops::type_name(s)) };
                if let Some(f) = a.args[0].downcast::<FdStream>() {
                    f.write_bytes(text.as_bytes());
                }
                Ok(new_int(text.chars().count() as i64))
            }),
            ("flush", |_, a| {
                if let Some(f) = a.args[0].downcast::<FdStream>() {
                    f.flush();
                }
                Ok(none())
            }),
            ("fileno", |_, a| Ok(new_int(i64::from(a.args[0].downcast::<FdStream>().map(|f| f.fd).unwrap_or(-1))))),
            ("isatty", |_, a| {
                let fd = a.args[0].downcast::<FdStream>().map(|f| f.fd).unwrap_or(-1);
                Ok(new_bool(is_tty(fd)))
            }),
            ("writable", |_, _| Ok(new_bool(true))),
            ("readable", |_, _| Ok(new_bool(false))),
            ("readline", |_, _| {
                let mut line = String::new();
                let _ = std::io::stdin().read_line(&mut line);
                Ok(new_string(line))
            }),
        ],
    );
    super::add_value(t, "encoding", new_str("utf-8"));
    super::add_value(t, "errors", new_str("strict"));
    t
}

pub fn is_tty(fd: i32) -> bool {
    use std::io::IsTerminal;
    match fd {
        0 => std::io::stdin().is_terminal(),
        1 => std::io::stdout().is_terminal(),
        2 => std::io::stderr().is_terminal(),
        _ => false,
    }
}

pub fn sys_attr(ts: &ThreadState, name: &str) -> Option<Value> {
    ts.interp.sys_dict.downcast::<crate::dict::PyDict>().and_then(|d| d.get_str(name))
}

/// Writes text to `sys.stderr` (falling back to fd 2).
pub fn write_stderr(ts: &ThreadState, s: &str) {
    match sys_attr(ts, "stderr").filter(|e| !is_none(e)) {
        Some(e) => {
            if let Some(f) = e.downcast::<FdStream>() {
                f.write_bytes(s.as_bytes());
                return;
            }
            if ops::call_method(ts, &e, "write", &[new_str(s)]).is_err() {
                raw_write(2, s.as_bytes());
            }
            let _ = ops::call_method(ts, &e, "flush", &[]);
        }
        None => raw_write(2, s.as_bytes()),
    }
}

pub fn write_stdout(ts: &ThreadState, s: &str) -> PyResult<()> {
    match sys_attr(ts, "stdout").filter(|e| !is_none(e)) {
        Some(o) => ops::call_method(ts, &o, "write", &[new_str(s)]).map(drop),
        None => Ok(()),
    }
}

/// Flushes sys.stdout and sys.stderr (at exit and before printing tracebacks).
pub fn flush_std_streams(ts: &ThreadState) {
    for name in ["stdout", "stderr"] {
        if let Some(s) = sys_attr(ts, name).filter(|e| !is_none(e)) {
            if let Some(f) = s.downcast::<FdStream>() {
                f.flush();
            } else {
                let _ = ops::call_method(ts, &s, "flush", &[]);
            }
        }
    }
}

/// Line `lineno` of `filename` (for tracebacks), from the embedded Lib or disk.
pub fn source_line(filename: &str, lineno: u32) -> Option<String> {
    if lineno == 0 {
        return None;
    }
    let text = crate::import::source_for_traceback(filename)?;
    text.lines().nth(lineno as usize - 1).map(str::to_owned)
}

pub fn builtin_input(ts: &ThreadState, a: Args<'_>) -> PyResult {
    if a.args.len() > 1 {
        raise!(TypeError, "input expected at most 1 argument, got {}", a.args.len());
    }
    if let Some(p) = a.args.first() {
        let s = ops::str_string(ts, p)?;
        write_stdout(ts, &s)?;
    }
    flush_std_streams(ts);
    if let Some(stdin) = sys_attr(ts, "stdin").filter(|s| !is_none(s) && s.downcast::<FdStream>().is_none()) {
        let line = ops::call_method(ts, &stdin, "readline", &[])?;
        let s = ops::str_string(ts, &line)?;
        if s.is_empty() {
            raise!(EOFError, "EOF when reading a line");
        }
        return Ok(new_string(s.strip_suffix('\n').unwrap_or(&s).to_owned()));
    }
    let mut buf = Vec::new();
    let mut stdin = std::io::stdin().lock();
    let n = std::io::BufRead::read_until(&mut stdin, b'\n', &mut buf).unwrap_or(0);
    if n == 0 {
        raise!(EOFError, "EOF when reading a line");
    }
    if buf.last() == Some(&b'\n') {
        buf.pop();
        if buf.last() == Some(&b'\r') {
            buf.pop();
        }
    }
    Ok(new_string(String::from_utf8_lossy(&buf).into_owned()))
}

pub fn builtin_open(ts: &ThreadState, a: Args<'_>) -> PyResult {
    let io = crate::import::import_module(ts, "io")?;
    let open = ops::getattr_str(ts, &io, "open")?;
    ops::call_args(ts, &open, a)
}

/// Issues a warning from native code (via `warnings.warn` once importable).
pub fn warn(ts: &ThreadState, w: &PyErr) -> PyResult<()> {
    let msg = ops::str_string(ts, w.value())?;
    let cat = w.value().type_ref().to_value();
    match crate::import::import_module(ts, "warnings") {
        Ok(m) => {
            let f = ops::getattr_str(ts, &m, "warn")?;
            ops::call(ts, &f, &[new_str(&msg), cat, new_int(1)])?;
        }
        Err(_) => write_stderr(ts, &format!("{}: {}\n", w.value().type_ref().name(), msg)),
    }
    Ok(())
}

// ---------------------------------------------------------------- formatting glue
// FIXME(format): move onto spindle_num's format-spec and printf engines.

struct Spec {
    fill: char,
    align: Option<char>,
    sign: char,
    alt: bool,
    zero: bool,
    width: usize,
    grouping: Option<char>,
    precision: Option<usize>,
    ty: Option<char>,
}

fn parse_spec(spec: &str, tyname: &str) -> PyResult<Spec> {
    let c: Vec<char> = spec.chars().collect();
    let mut i = 0;
    let mut s = Spec { fill: ' ', align: None, sign: '-', alt: false, zero: false, width: 0, grouping: None, precision: None, ty: None };
    if c.len() >= 2 && matches!(c[1], '<' | '>' | '^' | '=') {
        s.fill = c[0];
        s.align = Some(c[1]);
        i = 2;
    } else if !c.is_empty() && matches!(c[0], '<' | '>' | '^' | '=') {
        s.align = Some(c[0]);
        i = 1;
    }
    if i < c.len() && matches!(c[i], '+' | '-' | ' ') {
        s.sign = c[i];
        i += 1;
    }
    if i < c.len() && c[i] == 'z' {
        i += 1;
    }
    if i < c.len() && c[i] == '#' {
        s.alt = true;
        i += 1;
    }
    if i < c.len() && c[i] == '0' {
        s.zero = true;
        i += 1;
    }
    let st = i;
    while i < c.len() && c[i].is_ascii_digit() {
        i += 1;
    }
    s.width = c[st..i].iter().collect::<String>().parse().unwrap_or(0);
    if i < c.len() && matches!(c[i], ',' | '_') {
        s.grouping = Some(c[i]);
        i += 1;
    }
    if i < c.len() && c[i] == '.' {
        i += 1;
        let st = i;
        while i < c.len() && c[i].is_ascii_digit() {
            i += 1;
        }
        if st == i {
            raise!(ValueError, "Format specifier missing precision");
        }
        s.precision = c[st..i].iter().collect::<String>().parse().ok();
    }
    if i < c.len() {
        s.ty = Some(c[i]);
        i += 1;
    }
    if i < c.len() {
        raise!(ValueError, "Invalid format specifier '{}' for object of type '{}'", spec, tyname);
    }
    Ok(s)
}

fn pad(s: &Spec, body: String, sign: &str, default_align: char) -> String {
    let len = body.chars().count() + sign.chars().count();
    let align = s.align.unwrap_or(if s.zero { '=' } else { default_align });
    let fill = if s.zero && s.align.is_none() { '0' } else { s.fill };
    if len >= s.width {
        return format!("{sign}{body}");
    }
    let n = s.width - len;
    let f = |k: usize| std::iter::repeat_n(fill, k).collect::<String>();
    match align {
        '<' => format!("{sign}{body}{}", f(n)),
        '^' => format!("{}{sign}{body}{}", f(n / 2), f(n - n / 2)),
        '=' => format!("{sign}{}{body}", f(n)),
        _ => format!("{}{sign}{body}", f(n)),
    }
}

fn group(digits: &str, sep: char, every: usize) -> String {
    let mut out: Vec<char> = Vec::new();
    for (k, ch) in digits.chars().rev().enumerate() {
        if k > 0 && k % every == 0 {
            out.push(sep);
        }
        out.push(ch);
    }
    out.into_iter().rev().collect()
}

pub fn format_str(_ts: &ThreadState, v: &str, spec: &str) -> PyResult {
    let s = parse_spec(spec, "str")?;
    if let Some(t) = s.ty {
        if t != 's' {
            raise!(ValueError, "Unknown format code '{}' for object of type 'str'", t);
        }
    }
    if s.sign != '-' {
        raise!(ValueError, "Sign not allowed in string format specifier");
    }
    let body: String = match s.precision {
        Some(p) => v.chars().take(p).collect(),
        None => v.to_owned(),
    };
    Ok(new_string(pad(&s, body, "", '<')))
}

pub fn format_number(ts: &ThreadState, v: &Value, spec: &str) -> PyResult {
    let is_float = crate::num::float_value(v).is_some();
    let tyname = ops::type_name(v);
    let s = parse_spec(spec, &tyname)?;
    let ty = s.ty;
    if !is_float && matches!(ty, None | Some('d' | 'b' | 'o' | 'x' | 'X' | 'c' | 'n')) {
        let i = super::numbers::to_int(v).unwrap_or(spindle_num::Int::Small(0));
        let neg = i.is_negative();
        let mag = i.abs();
        let (digits, prefix) = match ty {
            Some('b') => (mag.to_radix_string(2), "0b"),
            Some('o') => (mag.to_radix_string(8), "0o"),
            Some('x') => (mag.to_radix_string(16), "0x"),
            Some('X') => (mag.to_radix_string(16).to_uppercase(), "0X"),
            Some('c') => {
                let c = i.to_i64().and_then(|x| u32::try_from(x).ok()).and_then(char::from_u32).unwrap_or('\0');
                return Ok(new_string(pad(&s, c.to_string(), "", '<')));
            }
            _ => (mag.to_decimal_string(usize::MAX).map_err(super::numbers::num_err)?, ""),
        };
        let digits = match s.grouping {
            Some(g) => group(&digits, g, if matches!(ty, Some('b' | 'o' | 'x' | 'X')) { 4 } else { 3 }),
            None => digits,
        };
        let sign = if neg { "-" } else if s.sign == '+' { "+" } else if s.sign == ' ' { " " } else { "" };
        let sign = format!("{sign}{}", if s.alt { prefix } else { "" });
        return Ok(new_string(pad(&s, digits, &sign, '>')));
    }
    let x = super::numbers::float_of(ts, v)?;
    let neg = x.is_sign_negative() && !(x.is_nan());
    let a = x.abs();
    let body = if a.is_nan() {
        "nan".to_owned()
    } else if a.is_infinite() {
        "inf".to_owned()
    } else {
        match ty {
            Some('f' | 'F') => format!("{:.*}", s.precision.unwrap_or(6), a),
            Some('e' | 'E') => exp_fmt(a, s.precision.unwrap_or(6)),
            Some('%') => format!("{:.*}%", s.precision.unwrap_or(6), a * 100.0),
            Some('g' | 'G') | None => {
                if ty.is_none() && s.precision.is_none() {
                    let r = spindle_num::float_repr(a);
                    if is_float { r } else { r }
                } else {
                    g_fmt(a, s.precision.unwrap_or(6).max(1), s.alt || ty.is_none())
                }
            }
            Some(t) => raise!(ValueError, "Unknown format code '{}' for object of type '{}'", t, tyname),
        }
    };
    let body = if matches!(ty, Some('E' | 'G' | 'F')) { body.to_uppercase() } else { body };
    let body = match s.grouping {
        Some(g) => {
            let (int_part, rest) = match body.find(['.', 'e', 'E', '%']) {
                Some(p) => (body[..p].to_owned(), body[p..].to_owned()),
                None => (body.clone(), String::new()),
            };
            if int_part.chars().all(|c| c.is_ascii_digit()) { format!("{}{}", group(&int_part, g, 3), rest) } else { body }
        }
        None => body,
    };
    let sign = if neg { "-" } else if s.sign == '+' { "+" } else if s.sign == ' ' { " " } else { "" };
    Ok(new_string(pad(&s, body, sign, '>')))
}

fn exp_fmt(a: f64, prec: usize) -> String {
    let s = format!("{:.*e}", prec, a);
    let (m, e) = s.split_once('e').unwrap_or((&s, "0"));
    let e: i32 = e.parse().unwrap_or(0);
    format!("{m}e{}{:02}", if e < 0 { '-' } else { '+' }, e.abs())
}

fn g_fmt(a: f64, prec: usize, strip_default: bool) -> String {
    if a == 0.0 {
        return "0".to_owned();
    }
    let e = exp_fmt(a, prec - 1);
    let exp: i32 = e.rsplit_once('e').and_then(|(_, x)| x.parse().ok()).unwrap_or(0);
    let r = if exp < -4 || exp >= prec as i32 {
        let (m, x) = e.split_once('e').unwrap_or((&e, ""));
        let m = if m.contains('.') { m.trim_end_matches('0').trim_end_matches('.') } else { m };
        format!("{m}e{x}")
    } else {
        let f = format!("{:.*}", (prec as i32 - 1 - exp).max(0) as usize, a);
        if f.contains('.') { f.trim_end_matches('0').trim_end_matches('.').to_owned() } else { f }
    };
    let _ = strip_default;
    r
}

pub fn percent_format_impl(ts: &ThreadState, fmt: &str, args: &Value) -> PyResult {
    let items: Vec<Value> = match crate::seq::tuple_items(args) {
        Some(t) => t.to_vec(),
        None => vec![args.clone()],
    };
    let is_mapping = crate::seq::tuple_items(args).is_none() && args.type_ref().lookup("__getitem__").is_some() && as_str(args).is_none();
    let chars: Vec<char> = fmt.chars().collect();
    let mut out = String::new();
    let mut i = 0;
    let mut ai = 0;
    while i < chars.len() {
        if chars[i] != '%' {
            out.push(chars[i]);
            i += 1;
            continue;
        }
        i += 1;
        if i >= chars.len() {
            raise!(ValueError, "incomplete format");
        }
        let mut key: Option<String> = None;
        if chars[i] == '(' {
            let st = i + 1;
            let mut depth = 1;
            i += 1;
            while i < chars.len() && depth > 0 {
                if chars[i] == '(' {
                    depth += 1;
                } else if chars[i] == ')' {
                    depth -= 1;
                }
                i += 1;
            }
            key = Some(chars[st..i - 1].iter().collect());
        }
        let mut flags = String::new();
        while i < chars.len() && matches!(chars[i], '-' | '+' | ' ' | '#' | '0') {
            flags.push(chars[i]);
            i += 1;
        }
        let mut width = String::new();
        if i < chars.len() && chars[i] == '*' {
            let w = items.get(ai).cloned().unwrap_or_else(none);
            ai += 1;
            width = ops::str_string(ts, &w)?;
            i += 1;
        }
        while i < chars.len() && chars[i].is_ascii_digit() {
            width.push(chars[i]);
            i += 1;
        }
        let mut prec: Option<String> = None;
        if i < chars.len() && chars[i] == '.' {
            i += 1;
            let mut p = String::new();
            while i < chars.len() && chars[i].is_ascii_digit() {
                p.push(chars[i]);
                i += 1;
            }
            prec = Some(p);
        }
        if i >= chars.len() {
            raise!(ValueError, "incomplete format");
        }
        let conv = chars[i];
        i += 1;
        if conv == '%' {
            out.push('%');
            continue;
        }
        let val = match &key {
            Some(k) => ops::getitem(ts, args, &new_str(k))?,
            None => {
                let v = items.get(ai).cloned();
                ai += 1;
                match v {
                    Some(v) => v,
                    None => raise!(TypeError, "not enough arguments for format string"),
                }
            }
        };
        let mut spec = String::new();
        if flags.contains('-') {
            spec.push('<');
        } else if conv != 's' && conv != 'r' && conv != 'a' && conv != 'c' {
            spec.push('>');
        } else {
            spec.push('>');
        }
        if flags.contains('+') {
            spec.push('+');
        } else if flags.contains(' ') {
            spec.push(' ');
        }
        if flags.contains('#') {
            spec.push('#');
        }
        if flags.contains('0') && !flags.contains('-') && !matches!(conv, 's' | 'r' | 'a' | 'c') {
            spec = spec.replacen('>', "", 1);
            spec.push('0');
        }
        spec.push_str(&width);
        let piece = match conv {
            's' | 'r' | 'a' => {
                let s = match conv {
                    's' => ops::str_string(ts, &val)?,
                    'r' => ops::repr_string(ts, &val)?,
                    _ => as_str(&super::functions::ascii(ts, &val)?).unwrap_or("").to_owned(),
                };
                let s = match &prec {
                    Some(p) => s.chars().take(p.parse().unwrap_or(0)).collect(),
                    None => s,
                };
                let r = format_str(ts, &s, &spec)?;
                as_str(&r).unwrap_or("").to_owned()
            }
            'd' | 'i' | 'u' => {
                let iv = if crate::num::is_int(&val) {
                    val.clone()
                } else if crate::num::float_value(&val).is_some() {
                    super::numbers::int_from_args(ts, Some(val.clone()), None)?
                } else {
                    match ops::call_dunder(ts, &val, "__int__", &[])? {
                        Some(x) => x,
                        None => raise!(TypeError, "%{} format: a real number is required, not {}", conv, ops::type_name(&val)),
                    }
                };
                spec.push('d');
                let r = format_number(ts, &iv, &spec)?;
                as_str(&r).unwrap_or("").to_owned()
            }
            'x' | 'X' | 'o' => {
                if !crate::num::is_int(&val) {
                    raise!(TypeError, "%{} format: an integer is required, not {}", conv, ops::type_name(&val));
                }
                spec.push(conv);
                let r = format_number(ts, &val, &spec)?;
                as_str(&r).unwrap_or("").to_owned()
            }
            'f' | 'F' | 'e' | 'E' | 'g' | 'G' => {
                if super::numbers::float_of(ts, &val).is_err() {
                    raise!(TypeError, "must be real number, not {}", ops::type_name(&val));
                }
                spec.push('.');
                spec.push_str(prec.as_deref().unwrap_or("6"));
                spec.push(conv);
                let f = crate::num::new_float(super::numbers::float_of(ts, &val)?);
                let r = format_number(ts, &f, &spec)?;
                as_str(&r).unwrap_or("").to_owned()
            }
            'c' => {
                let c = if let Some(s) = as_str(&val) {
                    s.to_owned()
                } else {
                    let i = crate::num::int_to_i64(&val).unwrap_or(0);
                    u32::try_from(i).ok().and_then(char::from_u32).map(|c| c.to_string()).unwrap_or_default()
                };
                let r = format_str(ts, &c, &spec)?;
                as_str(&r).unwrap_or("").to_owned()
            }
            c => raise!(ValueError, "unsupported format character '{}' (0x{:x}) at index {}", c, c as u32, i - 1),
        };
        out.push_str(&piece);
    }
    if !is_mapping && ai < items.len() {
        raise!(TypeError, "not all arguments converted during string formatting");
    }
    Ok(new_string(out))
}

pub fn new_fd_stream(t: TypeRef, fd: i32, buffered: bool) -> Value {
    alloc(t, FdStream { fd, buf: Mutex::new(Vec::new()), buffered })
}

pub(crate) fn unused_err() -> PyErr {
    err!(TypeError, "")
}
