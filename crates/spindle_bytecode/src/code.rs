//! `CodeObject`: the compiled form of one scope (module, class body, function,
//! lambda, comprehension, annotation scope), with CPython's `co_*` metadata,
//! per-instruction source positions and the zero-cost exception table.

use std::sync::Arc;

use crate::constant::Constant;
use crate::instruction::Instruction;

/// `co_flags` bits, CPython's values.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct CodeFlags(pub u32);

#[allow(missing_docs)]
impl CodeFlags {
    pub const OPTIMIZED: u32 = 0x0001;
    pub const NEWLOCALS: u32 = 0x0002;
    pub const VARARGS: u32 = 0x0004;
    pub const VARKEYWORDS: u32 = 0x0008;
    pub const NESTED: u32 = 0x0010;
    pub const GENERATOR: u32 = 0x0020;
    pub const COROUTINE: u32 = 0x0080;
    pub const ITERABLE_COROUTINE: u32 = 0x0100;
    pub const ASYNC_GENERATOR: u32 = 0x0200;
    pub const HAS_DOCSTRING: u32 = 0x0400_0000;
    pub const METHOD: u32 = 0x0800_0000;

    /// Whether every bit of `bits` is set.
    #[must_use]
    pub const fn has(self, bits: u32) -> bool {
        self.0 & bits == bits
    }

    /// Whether any bit of `bits` is set.
    #[must_use]
    pub const fn has_any(self, bits: u32) -> bool {
        self.0 & bits != 0
    }

    /// The flag names as `dis.code_info` prints them.
    #[must_use]
    pub fn names(self) -> Vec<&'static str> {
        const NAMES: [(u32, &str); 11] = [
            (CodeFlags::OPTIMIZED, "OPTIMIZED"),
            (CodeFlags::NEWLOCALS, "NEWLOCALS"),
            (CodeFlags::VARARGS, "VARARGS"),
            (CodeFlags::VARKEYWORDS, "VARKEYWORDS"),
            (CodeFlags::NESTED, "NESTED"),
            (CodeFlags::GENERATOR, "GENERATOR"),
            (CodeFlags::COROUTINE, "COROUTINE"),
            (CodeFlags::ITERABLE_COROUTINE, "ITERABLE_COROUTINE"),
            (CodeFlags::ASYNC_GENERATOR, "ASYNC_GENERATOR"),
            (CodeFlags::HAS_DOCSTRING, "HAS_DOCSTRING"),
            (CodeFlags::METHOD, "METHOD"),
        ];
        NAMES.iter().filter(|(bit, _)| self.0 & bit != 0).map(|(_, n)| *n).collect()
    }
}

/// `co_localspluskinds` bits, CPython's values. A slot may combine e.g.
/// `ARG_POS | LOCAL | CELL` (an argument captured by an inner function).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct LocalKind(pub u8);

#[allow(missing_docs)]
impl LocalKind {
    pub const ARG_POS: u8 = 0x02;
    pub const ARG_KW: u8 = 0x04;
    pub const ARG_VAR: u8 = 0x08;
    pub const HIDDEN: u8 = 0x10;
    pub const LOCAL: u8 = 0x20;
    pub const CELL: u8 = 0x40;
    pub const FREE: u8 = 0x80;

    /// Whether any bit of `bits` is set.
    #[must_use]
    pub const fn any(self, bits: u8) -> bool {
        self.0 & bits != 0
    }
}

/// Source span of one instruction: 1-based lines, 0-based UTF-8 byte columns,
/// as CPython's `co_positions()`. `None` where CPython has no location.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Position {
    /// First line.
    pub lineno: Option<u32>,
    /// Last line.
    pub end_lineno: Option<u32>,
    /// Start column (UTF-8 bytes from the line start).
    pub col: Option<u32>,
    /// End column (exclusive, UTF-8 bytes).
    pub end_col: Option<u32>,
}

/// One exception-table row: an exception raised by an instruction with index in
/// `start..end` is handled by popping the value stack down to `depth` items,
/// pushing the index of the raising instruction as an int if `lasti`, pushing the
/// exception, and jumping to `target`. Rows never overlap; an instruction not
/// covered by any row propagates the exception to the caller.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct ExceptionTableEntry {
    /// First covered instruction index.
    pub start: u32,
    /// One past the last covered instruction index.
    pub end: u32,
    /// Handler instruction index.
    pub target: u32,
    /// Stack depth to unwind to (before pushing `lasti` and the exception).
    pub depth: u32,
    /// Whether to push the raising instruction's index.
    pub lasti: bool,
}

/// A compiled scope.
#[derive(Clone, Debug, Default)]
pub struct CodeObject {
    /// `co_name`
    pub name: String,
    /// `co_qualname`
    pub qualname: String,
    /// `co_filename`
    pub filename: String,
    /// `co_firstlineno`
    pub first_line: u32,
    /// `co_argcount` (positional arguments, including positional-only).
    pub argcount: u32,
    /// `co_posonlyargcount`
    pub posonlyargcount: u32,
    /// `co_kwonlyargcount`
    pub kwonlyargcount: u32,
    /// `co_flags`
    pub flags: CodeFlags,
    /// `co_stacksize`: the maximum value-stack depth.
    pub stacksize: u32,
    /// The instructions.
    pub instructions: Vec<Instruction>,
    /// One position per instruction (same length as `instructions`).
    pub positions: Vec<Position>,
    /// `co_consts`. When `CO_HAS_DOCSTRING` is set, `constants[0]` is the docstring.
    pub constants: Vec<Constant>,
    /// `co_names`: global, attribute and import names.
    pub names: Vec<Arc<str>>,
    /// `co_localsplusnames`: arguments first (positional, keyword-only, `*args`,
    /// `**kwargs`), then other locals, then cells that are not arguments, then free
    /// variables (the last `n_free` slots, filled by `COPY_FREE_VARS`).
    pub localsplus: Vec<Arc<str>>,
    /// `co_localspluskinds`, parallel to `localsplus`.
    pub localspluskinds: Vec<LocalKind>,
    /// The exception table, sorted by `start`.
    pub exception_table: Vec<ExceptionTableEntry>,
}

impl CodeObject {
    /// The docstring, if the code has one.
    #[must_use]
    pub fn docstring(&self) -> Option<&Constant> {
        if self.flags.has(CodeFlags::HAS_DOCSTRING) { self.constants.first() } else { None }
    }

    /// `co_varnames`: names of the plain local slots (arguments and locals, including
    /// ones that are also cells), in slot order.
    #[must_use]
    pub fn varnames(&self) -> Vec<Arc<str>> {
        self.slots_where(|k| k.any(LocalKind::LOCAL))
    }

    /// `co_cellvars`: slots that are cells.
    #[must_use]
    pub fn cellvars(&self) -> Vec<Arc<str>> {
        self.slots_where(|k| k.any(LocalKind::CELL))
    }

    /// `co_freevars`: slots that are free variables, in closure order.
    #[must_use]
    pub fn freevars(&self) -> Vec<Arc<str>> {
        self.slots_where(|k| k.any(LocalKind::FREE))
    }

    /// `co_nlocals`
    #[must_use]
    pub fn nlocals(&self) -> usize {
        self.varnames().len()
    }

    fn slots_where(&self, pred: impl Fn(LocalKind) -> bool) -> Vec<Arc<str>> {
        self.localsplus
            .iter()
            .zip(&self.localspluskinds)
            .filter(|(_, k)| pred(**k))
            .map(|(n, _)| n.clone())
            .collect()
    }

    /// The exception-table entry covering instruction `index`, if any.
    #[must_use]
    pub fn handler_for(&self, index: u32) -> Option<&ExceptionTableEntry> {
        let pos = self.exception_table.partition_point(|e| e.end <= index);
        self.exception_table.get(pos).filter(|e| e.start <= index && index < e.end)
    }

    /// The line of instruction `index` (for tracebacks and `f_lineno`).
    #[must_use]
    pub fn line_of(&self, index: usize) -> Option<u32> {
        self.positions.get(index).and_then(|p| p.lineno)
    }
}
