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
    /// The instructions in CPython's code-unit layout, made on first use.
    pub layout: std::sync::OnceLock<CpythonLayout>,
    /// How many local slots a frame of this code gets: `localsplus.len()`,
    /// or more if an instruction names a slot past it (see `new_code`).
    pub nlocals: usize,
    /// A number no other code object of this process has: the per-thread
    /// site caches key instructions by (serial, index). An address would
    /// not do: code that `eval` compiles dies and the next gets its memory.
    pub serial: usize,
}

static NEXT_CODE_SERIAL: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(1);

impl PyPayload for PyCode {
    const KIND: PayloadKind = crate::kinds::CODE;
    /// GC-capable but untracked, as CPython's code objects are untracked:
    /// only a deferred code object (`deferred`, which the collector alone
    /// frees) is tracked.
    const GC: bool = true;
    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        self.consts.iter().for_each(visit);
    }
    fn born_untracked(&self) -> bool {
        true
    }
}

/// The code object for `code`.
///
/// Invariant the interpreter loop relies on to index without bounds checks:
/// every operand that indexes a table (a local slot, a constant, a name) is
/// within that table here. The compiler never emits one that is not; for
/// any other code (a bug, or a hand-made `CodeObject`) the tables are padded
/// (None constants, empty names, extra local slots) so that it holds anyway.
pub fn new_code(code: Arc<CodeObject>) -> Value {
    use spindle_bytecode::OperandKind as K;
    let (mut need_locals, mut need_consts, mut need_names) = (0usize, 0usize, 0usize);
    for ins in &code.instructions {
        let a = ins.arg as usize;
        match ins.op.operand_kind() {
            K::Local | K::Deref => need_locals = need_locals.max(a + 1),
            K::LocalPair => need_locals = need_locals.max((a >> 4).max(a & 15) + 1),
            K::Const => need_consts = need_consts.max(a + 1),
            K::Name => need_names = need_names.max(a + 1),
            K::GlobalName | K::AttrName => need_names = need_names.max((a >> 1) + 1),
            _ => {}
        }
    }
    let mut consts: Vec<Value> = code.constants.iter().map(constant_value).collect();
    if consts.len() < need_consts {
        consts.resize_with(need_consts, crate::runtime::none);
    }
    let mut names: Vec<Value> = code.names.iter().map(|n| crate::str::intern(n)).collect();
    if names.len() < need_names {
        names.resize_with(need_names, || crate::str::intern(""));
    }
    let nlocals = code.localsplus.len().max(need_locals);
    let local_names = code.localsplus.iter().map(|n| crate::str::intern(n)).collect();
    let n_free = code.localspluskinds.iter().filter(|k| k.any(spindle_bytecode::LocalKind::FREE)).count();
    let filename = crate::str::intern(&code.filename);
    let name = crate::str::intern(&code.name);
    let qualname = crate::str::new_str(&code.qualname);
    alloc(rt().types.code, PyCode { code, consts, names, local_names, filename, name, qualname, n_free, layout: std::sync::OnceLock::new(), nlocals, serial: NEXT_CODE_SERIAL.fetch_add(1, std::sync::atomic::Ordering::Relaxed) })
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

/// `code.replace(**changes)`: a copy with the named fields changed. Fields
/// Spindle derives from the instructions (`co_code`, `co_consts`, names
/// tuples, tables) may only be "changed" to their current value.
fn code_replace(ts: &crate::interp::ThreadState, a: crate::function::Args<'_>) -> crate::error::PyResult {
    use crate::raise;
    let Some(c) = a.args.first().and_then(|v| v.downcast::<PyCode>()) else {
        raise!(TypeError, "descriptor 'replace' for 'code' objects doesn't apply to this object")
    };
    if a.positional().len() > 1 {
        raise!(TypeError, "replace() takes no positional arguments");
    }
    let mut code: CodeObject = (*c.code).clone();
    for (k, v) in a.kwargs() {
        let int_field = match k {
            "co_flags" => Some(&mut code.flags.0),
            "co_firstlineno" => Some(&mut code.first_line),
            "co_argcount" => Some(&mut code.argcount),
            "co_posonlyargcount" => Some(&mut code.posonlyargcount),
            "co_kwonlyargcount" => Some(&mut code.kwonlyargcount),
            "co_stacksize" => Some(&mut code.stacksize),
            _ => None,
        };
        if let Some(slot) = int_field {
            let n = crate::ops::index(ts, v)?;
            let n = crate::num::int_to_i64(&n).unwrap_or(-1);
            *slot = u32::try_from(n).map_err(|_| crate::err!(OverflowError, "Python int too large to convert to C int"))?;
            continue;
        }
        let str_field = match k {
            "co_name" => Some(&mut code.name),
            "co_qualname" => Some(&mut code.qualname),
            "co_filename" => Some(&mut code.filename),
            _ => None,
        };
        if let Some(slot) = str_field {
            let Some(s) = crate::str::as_str(v) else {
                raise!(TypeError, "replace() argument '{}' must be str, not {}", k, crate::ops::type_name(v));
            };
            *slot = s.to_owned();
            continue;
        }
        const DERIVED: &[&str] = &[
            "co_nlocals", "co_code", "co_consts", "co_names", "co_varnames", "co_freevars", "co_cellvars", "co_linetable", "co_exceptiontable",
        ];
        if !DERIVED.contains(&k) {
            raise!(TypeError, "replace() got an unexpected keyword argument '{}'", k);
        }
        let current = crate::ops::getattr_str(ts, &a.args[0], k)?;
        if !crate::ops::eq(ts, &current, v)? {
            raise!(ValueError, "code.replace(): changing {} is not supported", k);
        }
    }
    Ok(new_code(Arc::new(code)))
}

/// Spindle's instructions laid out as CPython 3.14 lays out its bytecode,
/// so that the Lib's `dis` (and `inspect`, `traceback`) read Spindle's code:
/// every Spindle opcode is one of CPython's, under its CPython number, with
/// CPython's `EXTENDED_ARG` prefixes for wide operands, its inline `CACHE`
/// units, and jump operands relative in code units (two bytes each). The
/// offsets `co_positions`, `co_lines`, `co_exceptiontable` and `tb_lasti`
/// use are offsets into this layout.
pub struct CpythonLayout {
    /// `co_code`.
    pub code: Vec<u8>,
    /// First code unit of each instruction (its first prefix), and the total.
    pub start: Vec<u32>,
    /// The code unit of each instruction's own opcode (after its prefixes).
    pub op_unit: Vec<u32>,
    /// `co_exceptiontable`.
    pub exception_table: Vec<u8>,
}

/// CPython's number and inline cache size for each opcode name, and the
/// numbers of `EXTENDED_ARG` and `CACHE`.
struct OpTable {
    ops: std::collections::HashMap<&'static str, (u8, u32)>,
    extended_arg: u8,
    cache: u8,
}

/// CPython's opcode numbering, read once from the Lib's `opcode` module
/// (immutable data: not Python-visible state).
static OP_TABLE: std::sync::OnceLock<OpTable> = std::sync::OnceLock::new();

fn op_table(ts: &crate::interp::ThreadState) -> crate::error::PyResult<&'static OpTable> {
    if let Some(t) = OP_TABLE.get() {
        return Ok(t);
    }
    let opcode = crate::import::import_module(ts, "opcode")?;
    let opmap = crate::ops::getattr_str(ts, &opcode, "opmap")?;
    let caches = crate::ops::getattr_str(ts, &opcode, "_inline_cache_entries")?;
    let number = |name: &str| -> crate::error::PyResult<u8> {
        let v = crate::ops::getitem(ts, &opmap, &crate::str::new_str(name))?;
        Ok(crate::num::int_to_i64(&v).and_then(|n| u8::try_from(n).ok()).unwrap_or(0))
    };
    let mut ops = std::collections::HashMap::new();
    for b in 0..=u8::MAX {
        let Some(op) = spindle_bytecode::Opcode::from_u8(b) else { continue };
        let name = op.cpython_name();
        let n = crate::ops::call_method(ts, &caches, "get", &[crate::str::new_str(name), crate::num::new_int(0)])?;
        let n = crate::num::int_to_i64(&n).and_then(|n| u32::try_from(n).ok()).unwrap_or(0);
        ops.insert(op.name(), (number(name)?, n));
    }
    let table = OpTable { ops, extended_arg: number("EXTENDED_ARG")?, cache: number("CACHE")? };
    Ok(OP_TABLE.get_or_init(|| table))
}

/// The CPython layout of `c` (computed once per code object).
pub fn cpython_layout<'a>(ts: &crate::interp::ThreadState, c: &'a PyCode) -> crate::error::PyResult<&'a CpythonLayout> {
    if let Some(l) = c.layout.get() {
        return Ok(l);
    }
    let table = op_table(ts)?;
    Ok(c.layout.get_or_init(|| build_layout(&c.code, table)))
}

/// Number of `EXTENDED_ARG` prefixes an operand needs.
fn prefixes(arg: u32) -> u32 {
    match arg {
        0..=0xff => 0,
        0x100..=0xffff => 1,
        0x1_0000..=0xff_ffff => 2,
        _ => 3,
    }
}

fn build_layout(code: &CodeObject, table: &OpTable) -> CpythonLayout {
    use spindle_bytecode::OperandKind;
    let ins = &code.instructions;
    let n = ins.len();
    let info: Vec<(u8, u32)> = ins.iter().map(|i| table.ops.get(i.op.name()).copied().unwrap_or((0, 0))).collect();
    let mut ext = vec![0u32; n];
    // Jump operands depend on offsets, which depend on prefix counts: grow
    // the prefixes until every operand fits (they only grow, so this ends).
    loop {
        let mut start = Vec::with_capacity(n + 1);
        let mut pos = 0u32;
        for i in 0..n {
            start.push(pos);
            pos += ext[i] + 1 + info[i].1;
        }
        start.push(pos);
        let args: Vec<u32> = (0..n)
            .map(|i| {
                let arg = ins[i].arg;
                match ins[i].op.operand_kind() {
                    OperandKind::Jump => {
                        let next = start[i] + ext[i] + 1 + info[i].1;
                        let target = start[(arg as usize).min(n)];
                        if ins[i].op.name().starts_with("JUMP_BACKWARD") { next.saturating_sub(target) } else { target.saturating_sub(next) }
                    }
                    // CPython keeps the comparison in the high bits.
                    OperandKind::CompareOp => arg << 5,
                    _ => arg,
                }
            })
            .collect();
        let mut grew = false;
        for i in 0..n {
            let need = prefixes(args[i]);
            if need > ext[i] {
                ext[i] = need;
                grew = true;
            }
        }
        if grew {
            continue;
        }
        let mut bytes = Vec::with_capacity(2 * pos as usize);
        let mut op_unit = Vec::with_capacity(n);
        for i in 0..n {
            for k in (1..=ext[i]).rev() {
                bytes.extend_from_slice(&[table.extended_arg, (args[i] >> (8 * k)) as u8]);
            }
            op_unit.push(start[i] + ext[i]);
            bytes.extend_from_slice(&[info[i].0, args[i] as u8]);
            for _ in 0..info[i].1 {
                bytes.extend_from_slice(&[table.cache, 0]);
            }
        }
        let mut exc = Vec::new();
        for e in &code.exception_table {
            let unit = |i: u32| start[(i as usize).min(n)];
            let (s, t) = (unit(e.start), unit(e.target));
            let len = unit(e.end).saturating_sub(s);
            push_varint(&mut exc, s, true);
            push_varint(&mut exc, len, false);
            push_varint(&mut exc, t, false);
            push_varint(&mut exc, (e.depth << 1) | u32::from(e.lasti), false);
        }
        return CpythonLayout { code: bytes, start, op_unit, exception_table: exc };
    }
}

/// One number of CPython's exception table: 6-bit groups, most significant
/// first, bit 6 set on all but the last; bit 7 marks an entry's first byte.
fn push_varint(out: &mut Vec<u8>, v: u32, entry_start: bool) {
    let mut groups = vec![(v & 63) as u8];
    let mut rest = v >> 6;
    while rest > 0 {
        groups.push((rest & 63) as u8 | 64);
        rest >>= 6;
    }
    groups.reverse();
    if entry_start {
        groups[0] |= 128;
    }
    out.extend_from_slice(&groups);
}

/// The source position of each code unit of the layout (prefixes and
/// caches share their instruction's).
pub fn unit_positions<'a>(code: &'a CodeObject, layout: &CpythonLayout) -> Vec<Option<&'a spindle_bytecode::Position>> {
    let mut out = Vec::with_capacity(layout.start.last().copied().unwrap_or(0) as usize);
    for i in 0..code.instructions.len() {
        let units = layout.start[i + 1] - layout.start[i];
        for _ in 0..units {
            out.push(code.positions.get(i));
        }
    }
    out
}

/// The PEP 626 line table: `(start, end, line)` byte offsets for each run
/// of code units on one source line; `line` is None for code without one.
/// Consecutive units of one line form a single range, as CPython's
/// `co_lines()` merges its table entries.
pub fn line_ranges(code: &CodeObject, layout: &CpythonLayout) -> Vec<(usize, usize, Option<u32>)> {
    let mut out: Vec<(usize, usize, Option<u32>)> = Vec::new();
    for (u, p) in unit_positions(code, layout).into_iter().enumerate() {
        let line = p.and_then(|p| p.lineno);
        let (start, end) = (2 * u, 2 * u + 2);
        match out.last_mut() {
            Some(last) if last.2 == line && last.1 == start => last.1 = end,
            _ => out.push((start, end, line)),
        }
    }
    out
}

fn self_code<'a>(a: &'a crate::function::Args<'_>, what: &str) -> crate::error::PyResult<&'a PyCode> {
    match a.args.first().and_then(|v| v.downcast::<PyCode>()) {
        Some(c) => Ok(c),
        None => crate::raise!(TypeError, "descriptor '{}' for 'code' objects doesn't apply to this object", what),
    }
}

fn new_iterator(items: Vec<Value>) -> Value {
    alloc(rt().types.iterator, crate::iter::PyIter { state: crate::lock::ShortMutex::new(crate::iter::IterState::Values { items, index: 0 }) })
}

/// `code.co_lines()`: an iterator over `line_ranges`.
fn code_lines(ts: &crate::interp::ThreadState, a: crate::function::Args<'_>) -> crate::error::PyResult {
    use crate::num::new_int;
    let c = self_code(&a, "co_lines")?;
    crate::builtins_init::check_args("co_lines", a, 0, 0)?;
    let layout = cpython_layout(ts, c)?;
    let items = line_ranges(&c.code, layout)
        .into_iter()
        .map(|(start, end, line)| {
            let line = line.map_or_else(crate::runtime::none, |l| new_int(i64::from(l)));
            crate::seq::new_tuple(vec![new_int(start as i64), new_int(end as i64), line])
        })
        .collect();
    Ok(new_iterator(items))
}

/// `code.co_positions()`: `(lineno, end_lineno, col, end_col)` of each code unit.
fn code_positions(ts: &crate::interp::ThreadState, a: crate::function::Args<'_>) -> crate::error::PyResult {
    use crate::num::new_int;
    let c = self_code(&a, "co_positions")?;
    crate::builtins_init::check_args("co_positions", a, 0, 0)?;
    let layout = cpython_layout(ts, c)?;
    let opt = |x: Option<u32>| x.map_or_else(crate::runtime::none, |v| new_int(i64::from(v)));
    let items = unit_positions(&c.code, layout)
        .into_iter()
        .map(|p| match p {
            Some(p) => crate::seq::new_tuple(vec![opt(p.lineno), opt(p.end_lineno), opt(p.col), opt(p.end_col)]),
            None => crate::seq::new_tuple(vec![crate::runtime::none(); 4]),
        })
        .collect();
    Ok(new_iterator(items))
}

/// `code._varname_from_oparg(i)`: the name of local slot `i` (for `dis`).
fn code_varname(ts: &crate::interp::ThreadState, a: crate::function::Args<'_>) -> crate::error::PyResult {
    let c = self_code(&a, "_varname_from_oparg")?;
    crate::builtins_init::check_args("_varname_from_oparg", a, 1, 1)?;
    let i = crate::ops::index_isize(ts, &a.args[1])?;
    match usize::try_from(i).ok().and_then(|i| c.local_names.get(i)) {
        Some(n) => Ok(n.clone()),
        None => crate::raise!(IndexError, "tuple index out of range"),
    }
}

/// `tb_lasti`/`f_lasti` for instruction `index` of `code`: the byte offset
/// of its opcode in `co_code` (its index times two if the layout is unknown).
pub fn lasti_offset(ts: &crate::interp::ThreadState, code: &Value, index: usize) -> i64 {
    let unit = code.downcast::<PyCode>().and_then(|c| cpython_layout(ts, c).ok()).and_then(|l| l.op_unit.get(index).copied());
    match unit {
        Some(u) => 2 * i64::from(u),
        None => 2 * index as i64,
    }
}

pub(crate) fn init(r: &crate::runtime::Runtime) {
    crate::builtins_init::add_methods(r.types.code, &[("replace", code_replace), ("__replace__", code_replace), ("co_lines", code_lines), ("co_positions", code_positions), ("_varname_from_oparg", code_varname)]);
}
