//! `_csv`: the CSV parser and writer behind the Lib's `csv.py` — dialects
//! (with CPython's validation and messages), the registry, `reader` (a
//! character state machine fed line by line) and `writer`.

use std::sync::OnceLock;
use std::sync::atomic::{AtomicI64, Ordering};

use parking_lot::Mutex;
use spindle_str::PyStrData;
use spindle_vm::function::Args;
use spindle_vm::interp::ThreadState;
use spindle_vm::native::{add_fn, add_methods, add_value, new_module, new_type, set_new};
use spindle_vm::num::{int_to_big, new_bool, new_int};
use spindle_vm::object::{PayloadKind, PyPayload, TypeRef, alloc};
use spindle_vm::runtime::{is_none, none, rt};
use spindle_vm::str::{as_data, char_value, new_data, new_str};
use spindle_vm::{PyErr, PyResult, Value, ops, raise};

use spindle_vm::function::NativeFnPtr;

use crate::math::{new_exc_class, this};

const QUOTE_MINIMAL: i64 = 0;
const QUOTE_ALL: i64 = 1;
const QUOTE_NONNUMERIC: i64 = 2;
const QUOTE_NONE: i64 = 3;
const QUOTE_STRINGS: i64 = 4;
const QUOTE_NOTNULL: i64 = 5;

/// The module's (immutable, immortal) types.
static DIALECT_T: OnceLock<TypeRef> = OnceLock::new();
static READER_T: OnceLock<TypeRef> = OnceLock::new();
static WRITER_T: OnceLock<TypeRef> = OnceLock::new();
static STATE_T: OnceLock<TypeRef> = OnceLock::new();

/// The module state, kept by the interpreter: the `Error` class, the dialect
/// registry (the dict the module exposes as `_dialects`) and the field limit.
struct CsvState {
    error: Value,
    dialects: Value,
    field_limit: AtomicI64,
}

impl PyPayload for CsvState {
    const KIND: PayloadKind = crate::kinds::kind(crate::kinds::CSV_BASE + 3);
    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        visit(&self.error);
        visit(&self.dialects);
    }
}

/// The interpreter's `_csv` state (made by the first import).
fn state(ts: &ThreadState) -> PyResult<Value> {
    match ts.interp.module_state.lock().get("_csv") {
        Some(v) => Ok(v.clone()),
        None => raise!(RuntimeError, "_csv is not initialised"),
    }
}

fn with_state<R>(ts: &ThreadState, f: impl FnOnce(&CsvState) -> R) -> PyResult<R> {
    let v = state(ts)?;
    match v.downcast::<CsvState>() {
        Some(s) => Ok(f(s)),
        None => raise!(RuntimeError, "_csv state is corrupt"),
    }
}

fn field_limit(ts: &ThreadState) -> i64 {
    with_state(ts, |s| s.field_limit.load(Ordering::Relaxed)).unwrap_or(128 * 1024)
}

pub(crate) struct Dialect {
    delimiter: u32,
    quotechar: Option<u32>,
    escapechar: Option<u32>,
    doublequote: bool,
    skipinitialspace: bool,
    strict: bool,
    quoting: i64,
    /// The line terminator as a str value and as code points.
    lineterminator: Value,
    lt: Vec<u32>,
}

impl PyPayload for Dialect {
    const KIND: PayloadKind = crate::kinds::kind(crate::kinds::CSV_BASE);
    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        visit(&self.lineterminator);
    }
}

/// A `_csv.Error` carrying `msg`, built without running Python code (the
/// reader raises it while holding its parser lock).
fn csv_error(ts: &ThreadState, msg: &str) -> PyErr {
    match with_state(ts, |s| TypeRef::from_value(&s.error)).ok().flatten() {
        Some(t) => PyErr::new(t, msg),
        None => spindle_vm::err!(Exception, "{}", msg),
    }
}

fn code_points(v: &Value) -> Vec<u32> {
    as_data(v).map(|d| d.code_points().collect()).unwrap_or_default()
}

fn str_of(cps: &[u32]) -> Value {
    match PyStrData::from_ucs4(cps) {
        Ok(d) => new_data(d),
        Err(_) => new_str(""),
    }
}

fn is_str(v: &Value) -> bool {
    as_data(v).is_some()
}

// ---------------------------------------------------------------- dialects

fn set_char(name: &str, src: Option<Value>, dflt: Option<u32>, or_none: bool) -> PyResult<Option<u32>> {
    let Some(src) = src else { return Ok(dflt) };
    if or_none && is_none(&src) {
        return Ok(None);
    }
    let what = if or_none { "a unicode character or None" } else { "a unicode character" };
    let Some(d) = as_data(&src) else { raise!(TypeError, "\"{}\" must be {}, not {}", name, what, ops::type_name(&src)) };
    if d.len() != 1 {
        raise!(TypeError, "\"{}\" must be {}, not a string of length {}", name, what, d.len());
    }
    Ok(d.char_at(0))
}

fn set_bool(ts: &ThreadState, src: Option<Value>, dflt: bool) -> PyResult<bool> {
    match src {
        Some(v) => ops::is_true(ts, &v),
        None => Ok(dflt),
    }
}

const DIALECT_KW: [&str; 9] =
    ["dialect", "delimiter", "doublequote", "escapechar", "lineterminator", "quotechar", "quoting", "skipinitialspace", "strict"];

/// `_csv.Dialect(dialect=None, **fmtparams)`.
fn dialect_new(ts: &ThreadState, a: Args<'_>) -> PyResult {
    let cls = crate::math::cls_of(&a)?;
    let pos = a.positional();
    let pos = pos.get(1..).unwrap_or(&[]);
    if pos.len() > 9 {
        raise!(TypeError, "function takes at most 9 arguments ({} given)", pos.len());
    }
    let mut p: [Option<Value>; 9] = std::array::from_fn(|i| pos.get(i).cloned());
    for (k, v) in a.kwargs() {
        match DIALECT_KW.iter().position(|n| *n == k) {
            Some(i) => {
                if p[i].is_some() {
                    raise!(TypeError, "argument for function given by name ('{}') and position ({})", k, i + 1);
                }
                p[i] = Some(v.clone());
            }
            None => raise!(TypeError, "this function got an unexpected keyword argument '{}'", k),
        }
    }
    let [dialect, delimiter, doublequote, escapechar, lineterminator, quotechar, quoting, skipinitialspace, strict] = p;
    make_dialect(ts, cls, dialect, [delimiter, doublequote, escapechar, lineterminator, quotechar, quoting, skipinitialspace, strict])
}

fn make_dialect(ts: &ThreadState, cls: TypeRef, dialect: Option<Value>, params: [Option<Value>; 8]) -> PyResult {
    let mut params = params;
    let mut dialect = dialect;
    if let Some(d) = &dialect {
        if is_str(d) {
            dialect = Some(get_dialect_from_registry(ts, d)?);
        }
    }
    if let Some(d) = &dialect {
        if d.downcast::<Dialect>().is_some() && params.iter().all(Option::is_none) {
            return Ok(d.clone());
        }
        const ATTRS: [&str; 8] =
            ["delimiter", "doublequote", "escapechar", "lineterminator", "quotechar", "quoting", "skipinitialspace", "strict"];
        for (slot, name) in params.iter_mut().zip(ATTRS) {
            if slot.is_none() {
                *slot = ops::getattr_str(ts, d, name).ok();
            }
        }
    }
    let [delimiter, doublequote, escapechar, lineterminator, quotechar, quoting, skipinitialspace, strict] = params;
    let quotechar_is_none = quotechar.as_ref().is_some_and(is_none);
    let quoting_given = quoting.is_some();
    let delimiter = set_char("delimiter", delimiter, Some(u32::from(',')), false)?;
    let doublequote = set_bool(ts, doublequote, true)?;
    let escapechar = set_char("escapechar", escapechar, None, true)?;
    let lineterminator = match lineterminator {
        None => Some(new_str("\r\n")),
        Some(v) if is_str(&v) => Some(v),
        Some(v) => raise!(TypeError, "\"lineterminator\" must be a string, not {}", ops::type_name(&v)),
    };
    let quotechar = set_char("quotechar", quotechar, Some(u32::from('"')), true)?;
    let mut quoting = match quoting {
        None => QUOTE_MINIMAL,
        Some(v) => {
            if v.type_ref() != rt().types.int && v.type_ref() != rt().types.bool_ {
                raise!(TypeError, "\"quoting\" must be an integer, not {}", ops::type_name(&v));
            }
            match int_to_big(&v).and_then(|b| i32::try_from(&b).ok()) {
                Some(q) => i64::from(q),
                None => raise!(OverflowError, "Python int too large to convert to C int"),
            }
        }
    };
    let skipinitialspace = set_bool(ts, skipinitialspace, false)?;
    let strict = set_bool(ts, strict, false)?;
    if !(QUOTE_MINIMAL..=QUOTE_NOTNULL).contains(&quoting) {
        raise!(TypeError, "bad \"quoting\" value");
    }
    let Some(delimiter) = delimiter else { raise!(TypeError, "\"delimiter\" must be a 1-character string") };
    if quotechar_is_none && !quoting_given {
        quoting = QUOTE_NONE;
    }
    if quoting != QUOTE_NONE && quotechar.is_none() {
        raise!(TypeError, "quotechar must be set if quoting enabled");
    }
    let Some(lineterminator) = lineterminator else { raise!(TypeError, "lineterminator must be set") };
    let lt = code_points(&lineterminator);
    let check_char = |name: &str, c: Option<u32>, allowspace: bool| -> PyResult<()> {
        let Some(c) = c else { return Ok(()) };
        if c == u32::from('\r') || c == u32::from('\n') || (c == u32::from(' ') && !allowspace) {
            raise!(ValueError, "bad {} value", name);
        }
        if lt.contains(&c) {
            raise!(ValueError, "bad {} or lineterminator value", name);
        }
        Ok(())
    };
    check_char("delimiter", Some(delimiter), true)?;
    check_char("escapechar", escapechar, !skipinitialspace)?;
    check_char("quotechar", quotechar, !skipinitialspace)?;
    let check_chars = |n1: &str, n2: &str, c1: Option<u32>, c2: Option<u32>| -> PyResult<()> {
        if c1.is_some() && c1 == c2 {
            raise!(ValueError, "bad {} or {} value", n1, n2);
        }
        Ok(())
    };
    check_chars("delimiter", "escapechar", Some(delimiter), escapechar)?;
    check_chars("delimiter", "quotechar", Some(delimiter), quotechar)?;
    check_chars("escapechar", "quotechar", escapechar, quotechar)?;
    Ok(alloc(cls, Dialect { delimiter, quotechar, escapechar, doublequote, skipinitialspace, strict, quoting, lineterminator, lt }))
}

fn dialect_type() -> TypeRef {
    DIALECT_T.get().copied().unwrap_or(rt().types.object)
}

/// `Dialect(dialect, **kwargs)` as the reader, writer and register_dialect call it.
fn call_dialect(ts: &ThreadState, args: &[Value], kwnames: &[Value]) -> PyResult {
    ops::call_args(ts, &dialect_type().to_value(), Args { args, kwnames })
}

fn registry(ts: &ThreadState) -> PyResult<Value> {
    with_state(ts, |s| s.dialects.clone())
}

fn get_dialect_from_registry(ts: &ThreadState, name: &Value) -> PyResult {
    let reg = &registry(ts)?;
    match ops::getitem(ts, reg, name) {
        Ok(v) => Ok(v),
        Err(e) if e.is_instance(rt().exc.KeyError) => Err(csv_error(ts, "unknown dialect")),
        Err(e) => Err(e),
    }
}

fn dialect_of<'a>(a: &'a Args<'_>) -> PyResult<&'a Dialect> {
    Ok(this::<Dialect>(a, "_csv.Dialect")?.1)
}

fn char_or_none(c: Option<u32>) -> Value {
    c.map(char_value).unwrap_or_else(none)
}

/// A setter (and deleter) refusing to change a getter-only attribute, worded as CPython's.
macro_rules! read_only {
    ($name:literal, $ty:literal) => {
        |_: &ThreadState, _: Args<'_>| -> PyResult {
            raise!(AttributeError, concat!("attribute '", $name, "' of '_csv.", $ty, "' objects is not writable"))
        }
    };
}

/// CPython's refusal for a read-only struct member.
fn readonly_member(_: &ThreadState, _: Args<'_>) -> PyResult {
    raise!(AttributeError, "readonly attribute")
}

/// A read-only member `name` of `t`, computed by `get`.
fn member(t: TypeRef, name: &'static str, get: NativeFnPtr, set: NativeFnPtr) {
    spindle_vm::native::add_property(t, name, get, Some(set));
}

fn dialect_getters(t: TypeRef) {
    member(t, "delimiter", |_, a| Ok(char_value(dialect_of(&a)?.delimiter)), read_only!("delimiter", "Dialect"));
    member(t, "quotechar", |_, a| Ok(char_or_none(dialect_of(&a)?.quotechar)), read_only!("quotechar", "Dialect"));
    member(t, "escapechar", |_, a| Ok(char_or_none(dialect_of(&a)?.escapechar)), read_only!("escapechar", "Dialect"));
    member(t, "lineterminator", |_, a| Ok(dialect_of(&a)?.lineterminator.clone()), read_only!("lineterminator", "Dialect"));
    member(t, "quoting", |_, a| Ok(new_int(dialect_of(&a)?.quoting)), read_only!("quoting", "Dialect"));
    member(t, "doublequote", |_, a| Ok(new_bool(dialect_of(&a)?.doublequote)), readonly_member);
    member(t, "skipinitialspace", |_, a| Ok(new_bool(dialect_of(&a)?.skipinitialspace)), readonly_member);
    member(t, "strict", |_, a| Ok(new_bool(dialect_of(&a)?.strict)), readonly_member);
}

// ---------------------------------------------------------------- module functions

fn register_dialect(ts: &ThreadState, a: Args<'_>) -> PyResult {
    let pos = a.positional();
    if pos.is_empty() {
        raise!(TypeError, "register_dialect expected at least 1 argument, got 0");
    }
    if pos.len() > 2 {
        raise!(TypeError, "register_dialect expected at most 2 arguments, got {}", pos.len());
    }
    let name = &pos[0];
    if !is_str(name) {
        raise!(TypeError, "dialect name must be a string");
    }
    let d = call_dialect(ts, &a.args[1..], a.kwnames)?;
    ops::setitem(ts, &registry(ts)?, name, d)?;
    Ok(none())
}

fn one_name(fname: &str, a: &Args<'_>) -> PyResult<Value> {
    let [n] = crate::math::parse(fname, a, 0, ["name"], 1)?;
    match n {
        Some(v) => Ok(v),
        None => raise!(TypeError, "{}() missing required argument 'name' (pos 1)", fname),
    }
}

fn unregister_dialect(ts: &ThreadState, a: Args<'_>) -> PyResult {
    let name = one_name("unregister_dialect", &a)?;
    match ops::delitem(ts, &registry(ts)?, &name) {
        Ok(()) => Ok(none()),
        Err(e) if e.is_instance(rt().exc.KeyError) => Err(csv_error(ts, "unknown dialect")),
        Err(e) => Err(e),
    }
}

fn get_dialect(ts: &ThreadState, a: Args<'_>) -> PyResult {
    let name = one_name("get_dialect", &a)?;
    get_dialect_from_registry(ts, &name)
}

fn list_dialects(ts: &ThreadState, a: Args<'_>) -> PyResult {
    crate::math::exact("list_dialects", &a, 0, 0, 0)?;
    let keys = ops::collect(ts, &registry(ts)?)?;
    Ok(spindle_vm::seq::new_list(keys))
}

fn field_size_limit(ts: &ThreadState, a: Args<'_>) -> PyResult {
    let pos = a.positional();
    if pos.len() + a.kwnames.len() > 1 {
        raise!(TypeError, "field_size_limit() takes at most 1 argument ({} given)", pos.len() + a.kwnames.len());
    }
    let [new] = crate::math::parse("field_size_limit", &a, 0, ["new_limit"], 0)?;
    let old = field_limit(ts);
    if let Some(v) = new {
        if v.type_ref() != rt().types.int {
            raise!(TypeError, "limit must be an integer");
        }
        match int_to_big(&v).and_then(|b| i64::try_from(&b).ok()) {
            Some(n) => with_state(ts, |s| s.field_limit.store(n, Ordering::Relaxed))?,
            None => raise!(OverflowError, "Python int too large to convert to C long"),
        }
    }
    Ok(new_int(old))
}

// ---------------------------------------------------------------- reader

#[derive(Clone, Copy, PartialEq, Eq)]
enum State {
    StartRecord,
    StartField,
    EscapedChar,
    InField,
    InQuotedField,
    EscapeInQuotedField,
    QuoteInQuotedField,
    EatCrnl,
    AfterEscapedCrnl,
}

struct ReaderState {
    state: State,
    fields: Vec<Value>,
    field: Vec<u32>,
    unquoted: bool,
    line_num: i64,
}

pub(crate) struct Reader {
    input: Value,
    dialect: Value,
    st: Mutex<ReaderState>,
}

impl PyPayload for Reader {
    const KIND: PayloadKind = crate::kinds::kind(crate::kinds::CSV_BASE + 1);
    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        visit(&self.input);
        visit(&self.dialect);
        // The parser may hold the lock while it allocates; a collector
        // running then sees the fields on its next pass.
        if let Some(st) = self.st.try_lock() {
            for f in &st.fields {
                visit(f);
            }
        }
    }
}

/// A character of input, or the end of a line.
const EOL: Option<u32> = None;

const CR: u32 = '\r' as u32;
const LF: u32 = '\n' as u32;

fn is_crlf(c: Option<u32>) -> bool {
    c == Some(CR) || c == Some(LF)
}

fn save_field(ts: &ThreadState, d: &Dialect, s: &mut ReaderState) -> PyResult<()> {
    let q = d.quoting;
    let v = if s.unquoted && s.field.is_empty() && (q == QUOTE_NOTNULL || q == QUOTE_STRINGS) {
        none()
    } else {
        let f = str_of(&s.field);
        let numeric = s.unquoted && !s.field.is_empty() && (q == QUOTE_NONNUMERIC || q == QUOTE_STRINGS);
        s.field.clear();
        if numeric { ops::call(ts, &rt().types.float.to_value(), &[f])? } else { f }
    };
    s.fields.push(v);
    Ok(())
}

fn add_char(ts: &ThreadState, s: &mut ReaderState, c: u32) -> PyResult<()> {
    let limit = field_limit(ts);
    if s.field.len() as i64 >= limit {
        return Err(csv_error(ts, &format!("field larger than field limit ({limit})")));
    }
    s.field.push(c);
    Ok(())
}

fn process_char(ts: &ThreadState, d: &Dialect, s: &mut ReaderState, c: Option<u32>) -> PyResult<()> {
    let quote = |c: Option<u32>| c.is_some() && c == d.quotechar && d.quoting != QUOTE_NONE;
    let mut state = s.state;
    // Fall-through between states is a loop around the match.
    loop {
        match state {
            State::StartRecord => {
                if c == EOL {
                    return Ok(());
                }
                if is_crlf(c) {
                    s.state = State::EatCrnl;
                    return Ok(());
                }
                state = State::StartField;
                s.state = state;
            }
            State::StartField => {
                s.unquoted = true;
                if is_crlf(c) || c == EOL {
                    save_field(ts, d, s)?;
                    s.state = if c == EOL { State::StartRecord } else { State::EatCrnl };
                } else if quote(c) {
                    s.unquoted = false;
                    s.state = State::InQuotedField;
                } else if c.is_some() && c == d.escapechar {
                    s.state = State::EscapedChar;
                } else if c == Some(u32::from(' ')) && d.skipinitialspace {
                } else if c == Some(d.delimiter) {
                    save_field(ts, d, s)?;
                } else {
                    add_char(ts, s, c.unwrap_or(0))?;
                    s.state = State::InField;
                }
                return Ok(());
            }
            State::EscapedChar => {
                if is_crlf(c) {
                    add_char(ts, s, c.unwrap_or(0))?;
                    s.state = State::AfterEscapedCrnl;
                    return Ok(());
                }
                add_char(ts, s, c.unwrap_or(LF))?;
                s.state = State::InField;
                return Ok(());
            }
            State::AfterEscapedCrnl => {
                if c == EOL {
                    return Ok(());
                }
                state = State::InField;
            }
            State::InField => {
                if is_crlf(c) || c == EOL {
                    save_field(ts, d, s)?;
                    s.state = if c == EOL { State::StartRecord } else { State::EatCrnl };
                } else if c.is_some() && c == d.escapechar {
                    s.state = State::EscapedChar;
                } else if c == Some(d.delimiter) {
                    save_field(ts, d, s)?;
                    s.state = State::StartField;
                } else {
                    add_char(ts, s, c.unwrap_or(0))?;
                    s.state = State::InField;
                }
                return Ok(());
            }
            State::InQuotedField => {
                if c == EOL {
                } else if c == d.escapechar {
                    s.state = State::EscapeInQuotedField;
                } else if quote(c) {
                    s.state = if d.doublequote { State::QuoteInQuotedField } else { State::InField };
                } else {
                    add_char(ts, s, c.unwrap_or(0))?;
                }
                return Ok(());
            }
            State::EscapeInQuotedField => {
                add_char(ts, s, c.unwrap_or(LF))?;
                s.state = State::InQuotedField;
                return Ok(());
            }
            State::QuoteInQuotedField => {
                if quote(c) {
                    add_char(ts, s, c.unwrap_or(0))?;
                    s.state = State::InQuotedField;
                } else if c == Some(d.delimiter) {
                    save_field(ts, d, s)?;
                    s.state = State::StartField;
                } else if is_crlf(c) || c == EOL {
                    save_field(ts, d, s)?;
                    s.state = if c == EOL { State::StartRecord } else { State::EatCrnl };
                } else if !d.strict {
                    add_char(ts, s, c.unwrap_or(0))?;
                    s.state = State::InField;
                } else {
                    let ch = |c: u32| char::from_u32(c).unwrap_or('\u{FFFD}');
                    return Err(csv_error(
                        ts,
                        &format!("'{}' expected after '{}'", ch(d.delimiter), ch(d.quotechar.unwrap_or(0))),
                    ));
                }
                return Ok(());
            }
            State::EatCrnl => {
                if is_crlf(c) {
                } else if c == EOL {
                    s.state = State::StartRecord;
                } else {
                    return Err(csv_error(
                        ts,
                        "new-line character seen in unquoted field - do you need to open the file with newline=''?",
                    ));
                }
                return Ok(());
            }
        }
    }
}

fn reader_fn(ts: &ThreadState, a: Args<'_>) -> PyResult {
    let pos = a.positional();
    if pos.is_empty() {
        raise!(TypeError, "reader expected at least 1 argument, got 0");
    }
    if pos.len() > 2 {
        raise!(TypeError, "reader expected at most 2 arguments, got {}", pos.len());
    }
    let input = ops::iter(ts, &pos[0])?;
    let dialect = call_dialect(ts, &a.args[1..], a.kwnames)?;
    let t = READER_T.get().copied().unwrap_or(rt().types.object);
    let st = ReaderState { state: State::StartRecord, fields: Vec::new(), field: Vec::new(), unquoted: true, line_num: 0 };
    Ok(alloc(t, Reader { input, dialect, st: Mutex::new(st) }))
}

fn reader_next(ts: &ThreadState, a: Args<'_>) -> PyResult {
    let (_, r) = this::<Reader>(&a, "_csv.reader")?;
    let Some(d) = r.dialect.downcast::<Dialect>() else { raise!(TypeError, "bad dialect") };
    {
        let mut s = r.st.lock();
        s.fields.clear();
        s.field.clear();
        s.state = State::StartRecord;
        s.unquoted = true;
    }
    loop {
        // The input iterator runs Python code: no lock held here.
        let line = ops::next(ts, &r.input)?;
        let mut s = r.st.lock();
        let Some(line) = line else {
            if !s.field.is_empty() || s.state == State::InQuotedField {
                if d.strict {
                    return Err(csv_error(ts, "unexpected end of data"));
                }
                save_field(ts, d, &mut s)?;
                break;
            }
            return Err(PyErr::bare(rt().exc.StopIteration));
        };
        let Some(data) = as_data(&line) else {
            drop(s);
            return Err(csv_error(
                ts,
                &format!(
                    "iterator should return strings, not {} (the file should be opened in text mode)",
                    ops::type_name(&line)
                ),
            ));
        };
        s.line_num += 1;
        for c in data.code_points() {
            process_char(ts, d, &mut s, Some(c))?;
        }
        process_char(ts, d, &mut s, EOL)?;
        if s.state == State::StartRecord {
            break;
        }
    }
    let fields = std::mem::take(&mut r.st.lock().fields);
    Ok(spindle_vm::seq::new_list(fields))
}

// ---------------------------------------------------------------- writer

pub(crate) struct Writer {
    write: Value,
    dialect: Value,
}

impl PyPayload for Writer {
    const KIND: PayloadKind = crate::kinds::kind(crate::kinds::CSV_BASE + 2);
    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        visit(&self.write);
        visit(&self.dialect);
    }
}

fn writer_fn(ts: &ThreadState, a: Args<'_>) -> PyResult {
    let pos = a.positional();
    if pos.is_empty() {
        raise!(TypeError, "writer expected at least 1 argument, got 0");
    }
    if pos.len() > 2 {
        raise!(TypeError, "writer expected at most 2 arguments, got {}", pos.len());
    }
    let write = match ops::getattr_opt(ts, &pos[0], "write")? {
        Some(w) => w,
        None => raise!(TypeError, "argument 1 must have a \"write\" method"),
    };
    let dialect = call_dialect(ts, &a.args[1..], a.kwnames)?;
    let t = WRITER_T.get().copied().unwrap_or(rt().types.object);
    Ok(alloc(t, Writer { write, dialect }))
}

struct Record {
    rec: Vec<u32>,
    num_fields: usize,
}

fn join_append(ts: &ThreadState, d: &Dialect, r: &mut Record, field: Option<&[u32]>, quoted: bool) -> PyResult<()> {
    let mut quoted = quoted;
    let data = field.unwrap_or(&[]);
    if data.is_empty() && d.delimiter == u32::from(' ') && d.skipinitialspace {
        if d.quoting == QUOTE_NONE || (field.is_none() && (d.quoting == QUOTE_STRINGS || d.quoting == QUOTE_NOTNULL)) {
            return Err(csv_error(ts, "empty field must be quoted if delimiter is a space and skipinitialspace is true"));
        }
        quoted = true;
    }
    let mut body = Vec::with_capacity(data.len() + 2);
    for &c in data {
        let special = c == d.delimiter
            || Some(c) == d.escapechar
            || Some(c) == d.quotechar
            || c == CR
            || c == LF
            || d.lt.contains(&c);
        if special {
            let mut want_escape = false;
            if d.quoting == QUOTE_NONE {
                want_escape = true;
            } else {
                if Some(c) == d.quotechar {
                    if d.doublequote {
                        body.push(c);
                    } else {
                        want_escape = true;
                    }
                } else if Some(c) == d.escapechar {
                    want_escape = true;
                }
                if !want_escape {
                    quoted = true;
                }
            }
            if want_escape {
                let Some(e) = d.escapechar else { return Err(csv_error(ts, "need to escape, but no escapechar set")) };
                body.push(e);
            }
        }
        body.push(c);
    }
    if r.num_fields > 0 {
        r.rec.push(d.delimiter);
    }
    let q = d.quotechar.unwrap_or(0);
    if quoted {
        r.rec.push(q);
    }
    r.rec.extend_from_slice(&body);
    if quoted {
        r.rec.push(q);
    }
    r.num_fields += 1;
    Ok(())
}

/// PyNumber_Check: ints, floats, complex numbers and objects with
/// `__index__`, `__int__` or `__float__`.
fn is_number(v: &Value) -> bool {
    let t = v.type_ref();
    t.lookup_static("__index__").is_some()
        || t.lookup_static("__int__").is_some()
        || t.lookup_static("__float__").is_some()
        || ops::isinstance_type(v, rt().types.complex)
}

fn writerow_impl(ts: &ThreadState, w: &Writer, row: &Value) -> PyResult {
    let Some(d) = w.dialect.downcast::<Dialect>() else { raise!(TypeError, "bad dialect") };
    let it = match ops::iter(ts, row) {
        Ok(it) => it,
        Err(e) if e.is_instance(rt().exc.TypeError) => {
            return Err(csv_error(ts, &format!("iterable expected, not {}", ops::type_name(row))));
        }
        Err(e) => return Err(e),
    };
    let mut r = Record { rec: Vec::new(), num_fields: 0 };
    let mut null_field = false;
    while let Some(field) = ops::next(ts, &it)? {
        let quoted = match d.quoting {
            QUOTE_NONNUMERIC => !is_number(&field),
            QUOTE_ALL => true,
            QUOTE_STRINGS => is_str(&field),
            QUOTE_NOTNULL => !is_none(&field),
            _ => false,
        };
        null_field = is_none(&field);
        if is_str(&field) {
            join_append(ts, d, &mut r, Some(&code_points(&field)), quoted)?;
        } else if null_field {
            join_append(ts, d, &mut r, None, quoted)?;
        } else {
            let s = ops::str_(ts, &field)?;
            join_append(ts, d, &mut r, Some(&code_points(&s)), quoted)?;
        }
    }
    if r.num_fields > 0 && r.rec.is_empty() {
        if d.quoting == QUOTE_NONE || (null_field && (d.quoting == QUOTE_STRINGS || d.quoting == QUOTE_NOTNULL)) {
            return Err(csv_error(ts, "single empty field record must be quoted"));
        }
        r.num_fields -= 1;
        join_append(ts, d, &mut r, None, true)?;
    }
    r.rec.extend_from_slice(&d.lt);
    let line = str_of(&r.rec);
    ops::call(ts, &w.write, &[line])
}

fn writerow(ts: &ThreadState, a: Args<'_>) -> PyResult {
    let (_, w) = this::<Writer>(&a, "_csv.writer")?;
    let v = crate::math::exact("writerow", &a, 1, 1, 1)?;
    writerow_impl(ts, w, &v[0])
}

fn writerows(ts: &ThreadState, a: Args<'_>) -> PyResult {
    let (_, w) = this::<Writer>(&a, "_csv.writer")?;
    let v = crate::math::exact("writerows", &a, 1, 1, 1)?;
    let it = ops::iter(ts, &v[0])?;
    while let Some(row) = ops::next(ts, &it)? {
        writerow_impl(ts, w, &row)?;
    }
    Ok(none())
}

fn no_new(_ts: &ThreadState, a: Args<'_>) -> PyResult {
    let n = a.args.first().and_then(TypeRef::from_value).map(|t| t.name().to_string()).unwrap_or_default();
    raise!(TypeError, "cannot create '_csv.{}' instances", n)
}

// ---------------------------------------------------------------- module

pub(crate) fn init(ts: &ThreadState) -> PyResult<Value> {
    let dt = *DIALECT_T.get_or_init(|| {
        let t = new_type::<Dialect>("Dialect", "_csv", None, true);
        set_new(t, dialect_new);
        dialect_getters(t);
        add_methods(
            t,
            &[("__reduce_ex__", |_, a| {
                let n = a.args.first().map(|v| v.type_ref().name().to_string()).unwrap_or_default();
                raise!(TypeError, "cannot pickle '_csv.{}' instances", n)
            })],
        );
        t
    });
    let rtp = *READER_T.get_or_init(|| {
        let t = new_type::<Reader>("reader", "_csv", None, false);
        set_new(t, no_new);
        add_methods(t, &[("__iter__", |_, a| Ok(this::<Reader>(&a, "_csv.reader")?.0.clone())), ("__next__", reader_next)]);
        member(t, "line_num", |_, a| Ok(new_int(this::<Reader>(&a, "_csv.reader")?.1.st.lock().line_num)), readonly_member);
        member(t, "dialect", |_, a| Ok(this::<Reader>(&a, "_csv.reader")?.1.dialect.clone()), readonly_member);
        t
    });
    let wt = *WRITER_T.get_or_init(|| {
        let t = new_type::<Writer>("writer", "_csv", None, false);
        set_new(t, no_new);
        add_methods(t, &[("writerow", writerow), ("writerows", writerows)]);
        member(t, "dialect", |_, a| Ok(this::<Writer>(&a, "_csv.writer")?.1.dialect.clone()), readonly_member);
        t
    });
    let st = *STATE_T.get_or_init(|| new_type::<CsvState>("_csv_state", "_csv", None, false));
    let error = new_exc_class(ts, "_csv", "Error", rt().exc.Exception)?;
    let state = ts.interp.module_state("_csv", || {
        let field_limit = AtomicI64::new(128 * 1024);
        alloc(st, CsvState { error, dialects: spindle_vm::builtins_init::new_dict(), field_limit })
    });
    let (error, dialects) = match state.downcast::<CsvState>() {
        Some(s) => (s.error.clone(), s.dialects.clone()),
        None => raise!(RuntimeError, "_csv state is corrupt"),
    };
    let m = new_module("_csv", &[]);
    add_fn(&m, "reader", reader_fn);
    add_fn(&m, "writer", writer_fn);
    add_fn(&m, "register_dialect", register_dialect);
    add_fn(&m, "unregister_dialect", unregister_dialect);
    add_fn(&m, "get_dialect", get_dialect);
    add_fn(&m, "list_dialects", list_dialects);
    add_fn(&m, "field_size_limit", field_size_limit);
    add_value(&m, "Dialect", dt.to_value());
    add_value(&m, "Reader", rtp.to_value());
    add_value(&m, "Writer", wt.to_value());
    add_value(&m, "Error", error);
    add_value(&m, "_dialects", dialects);
    for (n, v) in [
        ("QUOTE_MINIMAL", QUOTE_MINIMAL),
        ("QUOTE_ALL", QUOTE_ALL),
        ("QUOTE_NONNUMERIC", QUOTE_NONNUMERIC),
        ("QUOTE_NONE", QUOTE_NONE),
        ("QUOTE_STRINGS", QUOTE_STRINGS),
        ("QUOTE_NOTNULL", QUOTE_NOTNULL),
    ] {
        add_value(&m, n, new_int(v));
    }
    add_value(&m, "__doc__", new_str("CSV parsing and writing.\n"));
    Ok(m)
}
