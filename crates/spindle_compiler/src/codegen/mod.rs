//! Code generation core: the `Compiler` with its stack of compilation units (one
//! per scope being compiled), instruction emission with labels and
//! pseudo-instructions, constant/name/local tables, name-op selection from the
//! symbol table, and the builders for module, function, lambda and class code
//! objects. Statement, expression, pattern and annotation/type-parameter code
//! live in the sibling modules.

mod expr;
mod pattern;
mod stmt;
mod typing;

use std::collections::{BTreeSet, HashMap};
use std::sync::Arc;

use spindle_bytecode::{CodeFlags, CodeObject, Constant, FunctionAttr, Opcode, Position};
use spindle_parser::ast::{self, Expr, Stmt};
use spindle_parser::{LineIndex, Ranged, SyntaxErrorInfo, SyntaxErrorKind, TextRange};

use crate::symtable::{self, NameScope, ScopeId, ScopeKey, ScopeKind, SymbolTable};

/// An instruction or a pseudo-instruction resolved by the assembler.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Op {
    Real(Opcode),
    /// Push an exception handler (no `lasti`) targeting the label.
    SetupFinally,
    /// Push a handler that also pushes `lasti`.
    SetupCleanup,
    /// Like `SetupCleanup`, but the handler's depth excludes TOS (the
    /// `__enter__` result).
    SetupWith,
    /// Pop the innermost handler.
    PopBlock,
    /// Unconditional jump (becomes `JUMP_FORWARD`/`JUMP_BACKWARD`).
    Jump,
    /// Unconditional jump without eval-breaker check.
    JumpNoInterrupt,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(crate) struct Label(pub(crate) u32);

#[derive(Clone, Copy, Debug)]
pub(crate) struct Instr {
    pub(crate) op: Op,
    pub(crate) arg: u32,
    pub(crate) target: Option<Label>,
    pub(crate) loc: Position,
    /// `arg` indexes `cellvars ++ freevars` and is fixed up to a localsplus slot.
    pub(crate) deref: bool,
}

#[derive(Clone, Copy, Debug)]
pub(crate) enum FBlockKind<'a> {
    WhileLoop,
    ForLoop,
    AsyncForLoop,
    TryExcept,
    FinallyTry(&'a [Stmt]),
    FinallyEnd,
    With,
    AsyncWith,
    HandlerCleanup(Option<&'a str>),
    PopValue,
    ExceptionHandler,
    ExceptionGroupHandler,
    AsyncComprehensionGenerator,
}

#[derive(Clone, Copy, Debug)]
pub(crate) struct FBlock<'a> {
    pub(crate) kind: FBlockKind<'a>,
    pub(crate) start: Option<Label>,
    pub(crate) exit: Option<Label>,
    pub(crate) loc: Position,
}

pub(crate) struct Unit<'a> {
    pub(crate) scope: ScopeId,
    pub(crate) kind: ScopeKind,
    pub(crate) name: String,
    pub(crate) qualname: String,
    pub(crate) first_line: u32,
    pub(crate) instrs: Vec<Instr>,
    pub(crate) labels: Vec<Option<u32>>,
    pub(crate) consts: Vec<Constant>,
    const_map: HashMap<Constant, u32>,
    pub(crate) names: Vec<String>,
    name_map: HashMap<String, u32>,
    pub(crate) varnames: Vec<String>,
    var_map: HashMap<String, u32>,
    pub(crate) cellvars: Vec<String>,
    pub(crate) freevars: Vec<String>,
    pub(crate) argcount: u32,
    pub(crate) posonlyargcount: u32,
    pub(crate) kwonlyargcount: u32,
    pub(crate) flags: u32,
    pub(crate) fblocks: Vec<FBlock<'a>>,
    pub(crate) loc: Position,
    pub(crate) private: Option<String>,
    /// `self.x = ...` attribute names (class units only).
    pub(crate) static_attributes: BTreeSet<String>,
    /// Name of the first parameter of a function directly inside a class.
    pub(crate) self_name: Option<String>,
    /// While compiling an inlined comprehension (PEP 709): the comprehension's
    /// view of names whose resolution differs from this unit's.
    pub(crate) comp_overrides: HashMap<String, symtable::Symbol>,
    /// Names that use fast slots in module/class code while an inlined
    /// comprehension binding them runs.
    pub(crate) fast_hidden: std::collections::HashSet<String>,
    /// Nesting depth of inlined comprehensions being compiled.
    pub(crate) in_inlined_comp: u32,
}

pub(crate) struct Compiler<'a> {
    pub(crate) source: &'a str,
    pub(crate) filename: String,
    pub(crate) index: LineIndex,
    pub(crate) table: SymbolTable,
    pub(crate) units: Vec<Unit<'a>>,
    pub(crate) optimize: u8,
    pub(crate) interactive: bool,
    /// `from __future__ import annotations`: annotations become strings.
    pub(crate) future_annotations: bool,
    /// Index of the next module-level simple annotation (for
    /// `__conditional_annotations__`).
    pub(crate) ann_counter: u32,
    /// SyntaxWarnings CPython's AST preprocessing emits (control flow in `finally`).
    pub(crate) early_warnings: Vec<crate::CompileWarning>,
    /// SyntaxWarnings from code generation, in emission order.
    pub(crate) warnings: Vec<crate::CompileWarning>,
    /// (source offset, message) of the warnings issued.
    pub(crate) warned: std::collections::HashSet<(u32, String)>,
    /// Compiling a tree's unparsed text: where its positions are in the tree.
    pub(crate) relocation: Option<&'a crate::Relocation>,
}

/// A codegen error carrying the message; converted to `SyntaxErrorInfo` at the end.
pub(crate) type CResult<T = ()> = Result<T, SyntaxErrorInfo>;

/// CPython's limit on statically nested blocks (`CO_MAXBLOCKS`).
const MAX_BLOCKS: usize = 21;

pub(crate) fn compile_module(
    module: &ast::ModModule,
    source: &str,
    filename: &str,
    interactive: bool,
    optimize: u8,
    relocation: Option<&crate::Relocation>,
) -> CResult<(CodeObject, Vec<crate::CompileWarning>)> {
    let index = LineIndex::new(source);
    let table = symtable::build_module(&module.body, module.range)
        .map_err(|e| SyntaxErrorInfo::with_index(SyntaxErrorKind::SyntaxError, e.msg, source, &index, e.range))?;
    let mut c = Compiler {
        source,
        filename: filename.to_owned(),
        index,
        table,
        units: Vec::new(),
        optimize,
        interactive,
        future_annotations: has_future_annotations(&module.body),
        ann_counter: 0,
        early_warnings: Vec::new(),
        warnings: Vec::new(),
        warned: std::collections::HashSet::new(),
        relocation,
    };
    c.enter_unit(0, "<module>", "<module>", 1);
    c.module_body(&module.body)?;
    let code = c.finish_unit()?;
    Ok((code, c.take_warnings()))
}

pub(crate) fn compile_expression(
    expr: &ast::ModExpression,
    source: &str,
    filename: &str,
    optimize: u8,
    relocation: Option<&crate::Relocation>,
) -> CResult<(CodeObject, Vec<crate::CompileWarning>)> {
    let index = LineIndex::new(source);
    let table = symtable::build_expression(&expr.body)
        .map_err(|e| SyntaxErrorInfo::with_index(SyntaxErrorKind::SyntaxError, e.msg, source, &index, e.range))?;
    let mut c = Compiler {
        source,
        filename: filename.to_owned(),
        index,
        table,
        units: Vec::new(),
        optimize,
        interactive: false,
        future_annotations: false,
        ann_counter: 0,
        early_warnings: Vec::new(),
        warnings: Vec::new(),
        warned: std::collections::HashSet::new(),
        relocation,
    };
    c.enter_unit(0, "<module>", "<module>", 1);
    c.set_loc(expr.body.range());
    c.emit(Opcode::Resume, 0);
    c.expr(&expr.body)?;
    c.emit(Opcode::ReturnValue, 0);
    let code = c.finish_unit()?;
    Ok((code, c.take_warnings()))
}

fn has_future_annotations(body: &[Stmt]) -> bool {
    for s in body {
        match s {
            Stmt::ImportFrom(f) if f.module.as_ref().is_some_and(|m| m.id.as_str() == "__future__") => {
                if f.names.iter().any(|a| a.name.id.as_str() == "annotations") {
                    return true;
                }
            }
            Stmt::Expr(e) if matches!(&*e.value, Expr::StringLiteral(_)) => {}
            _ => return false,
        }
    }
    false
}

/// What a name operation does.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum NameCtx {
    Load,
    Store,
    Del,
}

impl<'a> Compiler<'a> {
    // ----- units -------------------------------------------------------------

    pub(crate) fn unit(&mut self) -> &mut Unit<'a> {
        let n = self.units.len() - 1;
        &mut self.units[n]
    }

    pub(crate) fn unit_ref(&self) -> &Unit<'a> {
        &self.units[self.units.len() - 1]
    }

    pub(crate) fn enter_unit(&mut self, scope: ScopeId, name: &str, qualname: &str, first_line: u32) {
        let sc = &self.table.scopes[scope];
        let kind = sc.kind;
        let private = match kind {
            ScopeKind::Class => Some(sc.name.clone()),
            _ => self.units.last().and_then(|u| u.private.clone()),
        };
        let mut unit = Unit {
            scope,
            kind,
            name: name.to_owned(),
            qualname: qualname.to_owned(),
            first_line,
            instrs: Vec::new(),
            labels: Vec::new(),
            consts: Vec::new(),
            const_map: HashMap::new(),
            names: Vec::new(),
            name_map: HashMap::new(),
            varnames: Vec::new(),
            var_map: HashMap::new(),
            cellvars: Vec::new(),
            freevars: Vec::new(),
            argcount: 0,
            posonlyargcount: 0,
            kwonlyargcount: 0,
            flags: 0,
            fblocks: Vec::new(),
            loc: Position::default(),
            private,
            static_attributes: BTreeSet::new(),
            self_name: None,
            comp_overrides: HashMap::new(),
            fast_hidden: std::collections::HashSet::new(),
            in_inlined_comp: 0,
        };
        for p in &sc.params {
            let i = u32::try_from(unit.varnames.len()).unwrap_or(u32::MAX);
            unit.var_map.insert(p.clone(), i);
            unit.varnames.push(p.clone());
        }
        let mut cells: Vec<String> = Vec::new();
        let mut frees: Vec<String> = Vec::new();
        for (n, sym) in &sc.symbols {
            match sym.scope {
                NameScope::Cell => cells.push(n.clone()),
                NameScope::Free => frees.push(n.clone()),
                _ => {}
            }
            if sym.flags & symtable::flags::DEF_FREE_CLASS != 0 && sym.scope != NameScope::Free && self.name_bound_outside(scope, n) {
                frees.push(n.clone());
            }
        }
        for n in &sc.extra_cells {
            if !cells.contains(n) && !frees.contains(n) {
                cells.push(n.clone());
            }
        }
        if kind == ScopeKind::Class {
            if sc.needs_class_closure {
                cells.push("__class__".into());
            }
            if sc.needs_classdict {
                cells.push("__classdict__".into());
            }
        }
        cells.sort();
        frees.sort();
        frees.dedup();
        unit.cellvars = cells;
        unit.freevars = frees;
        let mut flags = 0;
        if kind.is_function_like() {
            flags |= CodeFlags::OPTIMIZED | CodeFlags::NEWLOCALS;
        }
        if sc.is_nested {
            flags |= CodeFlags::NESTED;
        }
        if sc.is_generator && sc.is_coroutine {
            flags |= CodeFlags::ASYNC_GENERATOR;
        } else if sc.is_generator {
            flags |= CodeFlags::GENERATOR;
        } else if sc.is_coroutine && kind != ScopeKind::Comprehension {
            flags |= CodeFlags::COROUTINE;
        }
        unit.flags = flags;
        self.units.push(unit);
    }

    /// Whether `name` is bound in a function scope enclosing `scope` (for class
    /// pass-through free variables).
    fn name_bound_outside(&self, scope: ScopeId, name: &str) -> bool {
        let mut s = self.table.scopes[scope].parent;
        while let Some(id) = s {
            let sc = &self.table.scopes[id];
            if sc.kind.is_function_like()
                && let Some(sym) = sc.lookup(name)
                && matches!(sym.scope, NameScope::Local | NameScope::Cell | NameScope::Free)
            {
                return true;
            }
            s = sc.parent;
        }
        false
    }

    pub(crate) fn finish_unit(&mut self) -> CResult<CodeObject> {
        let Some(unit) = self.units.pop() else {
            return Err(self.error_at("internal compiler error: no unit", TextRange::default()));
        };
        crate::assemble::assemble(unit, &self.filename).map_err(|msg| self.error_at(&msg, TextRange::default()))
    }

    // ----- positions and errors ---------------------------------------------

    pub(crate) fn position(&self, range: TextRange) -> Position {
        let (l1, c1) = self.index.line_col(range.start().to_usize());
        let (l2, c2) = self.index.line_col(range.end().to_usize());
        let p = Position { lineno: Some(l1), end_lineno: Some(l2), col: Some(c1), end_col: Some(c2) };
        match self.relocation {
            Some(r) => r.position(p),
            None => p,
        }
    }

    pub(crate) fn set_loc(&mut self, range: TextRange) {
        let p = self.position(range);
        self.unit().loc = p;
    }

    pub(crate) fn line_of(&self, range: TextRange) -> u32 {
        let p = self.index.line_col(range.start().to_usize());
        match self.relocation {
            Some(r) => r.line_at(p),
            None => p.0,
        }
    }

    /// Records a SyntaxWarning at the start of `range`. A body compiled twice
    /// (`finally`) warns once.
    pub(crate) fn warn(&mut self, range: TextRange, msg: String, early: bool) {
        let key = (range.start().to_u32(), msg.clone());
        if !self.warned.insert(key) {
            return;
        }
        let w = crate::CompileWarning { lineno: self.line_of(range), msg };
        if early {
            self.early_warnings.push(w);
        } else {
            self.warnings.push(w);
        }
    }

    fn take_warnings(&mut self) -> Vec<crate::CompileWarning> {
        let mut all = std::mem::take(&mut self.early_warnings);
        all.append(&mut self.warnings);
        all
    }

    pub(crate) fn error_at(&self, msg: &str, range: TextRange) -> SyntaxErrorInfo {
        SyntaxErrorInfo::with_index(SyntaxErrorKind::SyntaxError, msg, self.source, &self.index, range)
    }

    // ----- emission ------------------------------------------------------------

    pub(crate) fn emit(&mut self, op: Opcode, arg: u32) {
        let loc = self.unit().loc;
        self.unit().instrs.push(Instr { op: Op::Real(op), arg, target: None, loc, deref: false });
    }

    pub(crate) fn emit_deref(&mut self, op: Opcode, arg: u32) {
        let loc = self.unit().loc;
        self.unit().instrs.push(Instr { op: Op::Real(op), arg, target: None, loc, deref: true });
    }

    pub(crate) fn emit_jump(&mut self, op: Opcode, target: Label) {
        if matches!(op, Opcode::PopJumpIfTrue | Opcode::PopJumpIfFalse) {
            // The jump takes its operand's truth itself: a TO_BOOL just
            // before it only costs a dispatch. (A label bound at the TO_BOOL
            // then names the jump; none may sit between the two.)
            let u = self.unit();
            let n = u.instrs.len();
            let between = u32::try_from(n).ok().is_some_and(|at| u.labels.iter().any(|l| *l == Some(at)));
            if !between && u.instrs.last().is_some_and(|i| i.op == Op::Real(Opcode::ToBool)) {
                u.instrs.pop();
            }
        }
        let loc = self.unit().loc;
        self.unit().instrs.push(Instr { op: Op::Real(op), arg: 0, target: Some(target), loc, deref: false });
    }

    pub(crate) fn emit_pseudo(&mut self, op: Op, target: Option<Label>) {
        let loc = self.unit().loc;
        self.unit().instrs.push(Instr { op, arg: 0, target, loc, deref: false });
    }

    pub(crate) fn jump(&mut self, target: Label) {
        self.emit_pseudo(Op::Jump, Some(target));
    }

    pub(crate) fn new_label(&mut self) -> Label {
        let u = self.unit();
        u.labels.push(None);
        Label(u32::try_from(u.labels.len() - 1).unwrap_or(u32::MAX))
    }

    pub(crate) fn bind(&mut self, label: Label) {
        let u = self.unit();
        let at = u32::try_from(u.instrs.len()).unwrap_or(u32::MAX);
        u.labels[label.0 as usize] = Some(at);
    }

    pub(crate) fn add_const(&mut self, c: Constant) -> u32 {
        let u = self.unit();
        if let Some(&i) = u.const_map.get(&c) {
            return i;
        }
        let i = u32::try_from(u.consts.len()).unwrap_or(u32::MAX);
        u.const_map.insert(c.clone(), i);
        u.consts.push(c);
        i
    }

    pub(crate) fn load_const(&mut self, c: Constant) {
        if let Constant::Int(v) = c
            && (0..=255).contains(&v)
        {
            self.emit(Opcode::LoadSmallInt, u32::try_from(v).unwrap_or(0));
            return;
        }
        let i = self.add_const(c);
        self.emit(Opcode::LoadConst, i);
    }

    pub(crate) fn add_name(&mut self, name: &str) -> u32 {
        let u = self.unit();
        if let Some(&i) = u.name_map.get(name) {
            return i;
        }
        let i = u32::try_from(u.names.len()).unwrap_or(u32::MAX);
        u.name_map.insert(name.to_owned(), i);
        u.names.push(name.to_owned());
        i
    }

    pub(crate) fn varname(&mut self, name: &str) -> u32 {
        let u = self.unit();
        if let Some(&i) = u.var_map.get(name) {
            return i;
        }
        let i = u32::try_from(u.varnames.len()).unwrap_or(u32::MAX);
        u.var_map.insert(name.to_owned(), i);
        u.varnames.push(name.to_owned());
        i
    }

    /// Index into `cellvars ++ freevars` for a deref op.
    pub(crate) fn deref_index(&mut self, name: &str) -> u32 {
        let u = self.unit_ref();
        if let Some(i) = u.cellvars.iter().position(|n| n == name) {
            return u32::try_from(i).unwrap_or(u32::MAX);
        }
        if let Some(i) = u.freevars.iter().position(|n| n == name) {
            return u32::try_from(u.cellvars.len() + i).unwrap_or(u32::MAX);
        }
        // Should not happen: treat as a new free variable so the code stays valid.
        let u = self.unit();
        u.freevars.push(name.to_owned());
        u32::try_from(u.cellvars.len() + u.freevars.len() - 1).unwrap_or(u32::MAX)
    }

    pub(crate) fn mangle(&self, name: &str) -> String {
        crate::mangle(self.unit_ref().private.as_deref(), name).into_owned()
    }

    // ----- names ------------------------------------------------------------------

    /// Emits the load/store/delete of a variable, choosing the opcode family from
    /// the symbol table as CPython's `compiler_nameop` does.
    pub(crate) fn nameop(&mut self, name: &str, ctx: NameCtx) {
        let mangled = self.mangle(name);
        let name = mangled.as_str();
        let scope_id = self.unit_ref().scope;
        let kind = self.unit_ref().kind;
        let sc = &self.table.scopes[scope_id];
        let (sym_flags, mut scope) = self.symbol_of(name);
        let can_see_class = sc.can_see_class_scope;
        let in_comp = self.unit_ref().in_inlined_comp > 0;
        let fast_hidden = self.unit_ref().fast_hidden.contains(name);
        // `__class__`/`__classdict__` in a class body refer to its own cells.
        if kind == ScopeKind::Class && (name == "__class__" || name == "__classdict__") && self.unit_ref().cellvars.iter().any(|c| c == name) {
            scope = Some(NameScope::Cell);
        }
        if self.unit_ref().freevars.iter().any(|f| f == name) && scope != Some(NameScope::Local) && scope != Some(NameScope::Cell) {
            scope = Some(NameScope::Free);
        }
        let scope = scope.unwrap_or(NameScope::GlobalImplicit);
        match scope {
            NameScope::Free | NameScope::Cell => {
                let idx = self.deref_index(name);
                match ctx {
                    NameCtx::Load => {
                        if kind == ScopeKind::Class && !in_comp {
                            self.emit(Opcode::LoadLocals, 0);
                            self.emit_deref(Opcode::LoadFromDictOrDeref, idx);
                        } else if can_see_class {
                            let cd = self.deref_index("__classdict__");
                            self.emit_deref(Opcode::LoadDeref, cd);
                            self.emit_deref(Opcode::LoadFromDictOrDeref, idx);
                        } else {
                            self.emit_deref(Opcode::LoadDeref, idx);
                        }
                    }
                    NameCtx::Store => self.emit_deref(Opcode::StoreDeref, idx),
                    NameCtx::Del => self.emit_deref(Opcode::DeleteDeref, idx),
                }
            }
            NameScope::Local if kind.is_function_like() || fast_hidden => {
                let f = sym_flags;
                // A parameter that is never deleted is always bound.
                let always_bound = f & symtable::flags::DEF_PARAM != 0 && f & symtable::flags::DEF_DELETED == 0;
                let idx = self.varname(name);
                match ctx {
                    NameCtx::Load if always_bound => self.emit(Opcode::LoadFast, idx),
                    NameCtx::Load => self.emit(Opcode::LoadFastCheck, idx),
                    NameCtx::Store => self.emit(Opcode::StoreFast, idx),
                    NameCtx::Del => self.emit(Opcode::DeleteFast, idx),
                }
            }
            NameScope::GlobalImplicit if kind.is_function_like() => {
                let idx = self.add_name(name);
                match ctx {
                    NameCtx::Load => {
                        if can_see_class {
                            let cd = self.deref_index("__classdict__");
                            self.emit_deref(Opcode::LoadDeref, cd);
                            self.emit(Opcode::LoadFromDictOrGlobals, idx);
                        } else {
                            self.emit(Opcode::LoadGlobal, idx << 1);
                        }
                    }
                    NameCtx::Store => self.emit(Opcode::StoreGlobal, idx),
                    NameCtx::Del => self.emit(Opcode::DeleteGlobal, idx),
                }
            }
            NameScope::GlobalExplicit => {
                let idx = self.add_name(name);
                match ctx {
                    NameCtx::Load => self.emit(Opcode::LoadGlobal, idx << 1),
                    NameCtx::Store => self.emit(Opcode::StoreGlobal, idx),
                    NameCtx::Del => self.emit(Opcode::DeleteGlobal, idx),
                }
            }
            _ => {
                let idx = self.add_name(name);
                match ctx {
                    // Class-level names are invisible inside an inlined comprehension.
                    NameCtx::Load if kind == ScopeKind::Class && in_comp => self.emit(Opcode::LoadGlobal, idx << 1),
                    NameCtx::Load => self.emit(Opcode::LoadName, idx),
                    NameCtx::Store => self.emit(Opcode::StoreName, idx),
                    NameCtx::Del => self.emit(Opcode::DeleteName, idx),
                }
            }
        }
    }

    /// Whether loading `name` uses `LOAD_GLOBAL` (so a call can use its NULL bit).
    pub(crate) fn is_global_load(&self, name: &str) -> bool {
        let mangled = crate::mangle(self.unit_ref().private.as_deref(), name);
        let u = self.unit_ref();
        let sc = &self.table.scopes[u.scope];
        if u.freevars.iter().any(|f| *f == *mangled) || sc.can_see_class_scope {
            return false;
        }
        match self.symbol_of(&mangled).1.unwrap_or(NameScope::GlobalImplicit) {
            NameScope::GlobalExplicit => true,
            NameScope::GlobalImplicit => u.kind.is_function_like() || (u.kind == ScopeKind::Class && u.in_inlined_comp > 0),
            _ => false,
        }
    }

    /// Flags and resolution of an (already mangled) name in the current unit,
    /// seen through the overrides of the inlined comprehensions being compiled.
    pub(crate) fn symbol_of(&self, name: &str) -> (u32, Option<NameScope>) {
        let u = self.unit_ref();
        if let Some(sym) = u.comp_overrides.get(name) {
            return (sym.flags, Some(sym.scope));
        }
        let sc = &self.table.scopes[u.scope];
        (sc.flags_of(name), sc.scope_of(name))
    }

    // ----- fblocks ------------------------------------------------------------------

    pub(crate) fn push_fblock(&mut self, kind: FBlockKind<'a>, start: Option<Label>, exit: Option<Label>, range: TextRange) -> CResult {
        if self.unit_ref().fblocks.len() >= MAX_BLOCKS {
            return Err(self.error_at("too many statically nested blocks", range));
        }
        let loc = self.unit_ref().loc;
        self.unit().fblocks.push(FBlock { kind, start, exit, loc });
        Ok(())
    }

    pub(crate) fn pop_fblock(&mut self) {
        self.unit().fblocks.pop();
    }

    // ----- scopes -------------------------------------------------------------------

    pub(crate) fn scope_for(&self, key: ScopeKey) -> CResult<ScopeId> {
        self.table.scope_for(key).ok_or_else(|| self.error_at("internal compiler error: missing scope", TextRange::default()))
    }

    pub(crate) fn qualname_for(&self, name: &str, kind: ScopeKind) -> String {
        let _ = kind;
        let Some(parent) = self.units.last() else { return name.to_owned() };
        if parent.kind == ScopeKind::Module {
            return name.to_owned();
        }
        // A name declared global in the parent is not qualified.
        let sc = &self.table.scopes[parent.scope];
        let mangled = crate::mangle(parent.private.as_deref(), name);
        if sc.scope_of(&mangled) == Some(NameScope::GlobalExplicit) {
            return name.to_owned();
        }
        match parent.kind {
            ScopeKind::Function | ScopeKind::Lambda | ScopeKind::Comprehension => format!("{}.<locals>.{name}", parent.qualname),
            ScopeKind::TypeParams | ScopeKind::Annotation | ScopeKind::TypeValue => {
                // Generic wrappers are transparent for naming purposes.
                let base = parent.qualname.clone();
                match base.rsplit_once('.') {
                    Some((outer, _)) if self.units.len() >= 2 => {
                        let grand = &self.units[self.units.len() - 2];
                        if grand.kind == ScopeKind::Module { name.to_owned() } else { format!("{outer}.{name}") }
                    }
                    _ => {
                        let grand = self.units.len().checked_sub(2).map(|i| &self.units[i]);
                        match grand {
                            Some(g) if matches!(g.kind, ScopeKind::Function | ScopeKind::Lambda) => format!("{}.<locals>.{name}", g.qualname),
                            Some(g) if g.kind == ScopeKind::Class => format!("{}.{name}", g.qualname),
                            _ => name.to_owned(),
                        }
                    }
                }
            }
            _ => format!("{}.{name}", parent.qualname),
        }
    }

    /// Loads the function object for `code` with a closure if it has free
    /// variables, then applies `attrs` (already pushed below, in flag order).
    pub(crate) fn make_closure(&mut self, code: CodeObject, attrs: u32) {
        let frees = code.freevars();
        if !frees.is_empty() {
            for f in &frees {
                // The cell for `f` lives in this unit as a cell or free slot.
                let idx = self.deref_index(f);
                self.emit_deref(Opcode::LoadFast, idx);
            }
            self.emit(Opcode::BuildTuple, u32::try_from(frees.len()).unwrap_or(0));
        }
        let ci = self.add_const(Constant::Code(Arc::new(code)));
        self.emit(Opcode::LoadConst, ci);
        self.emit(Opcode::MakeFunction, 0);
        if !frees.is_empty() {
            self.emit(Opcode::SetFunctionAttribute, FunctionAttr::Closure as u32);
        }
        for flag in [FunctionAttr::Annotate, FunctionAttr::Annotations, FunctionAttr::KwDefaults, FunctionAttr::Defaults] {
            if attrs & flag as u32 != 0 {
                self.emit(Opcode::SetFunctionAttribute, flag as u32);
            }
        }
    }

    /// Prologue instructions: `MAKE_CELL`s, `COPY_FREE_VARS`, `RETURN_GENERATOR`.
    pub(crate) fn prologue(&mut self) {
        let loc = Position::default();
        let saved = self.unit().loc;
        self.unit().loc = loc;
        let ncells = self.unit_ref().cellvars.len();
        let nfree = self.unit_ref().freevars.len();
        for i in 0..ncells {
            self.emit_deref(Opcode::MakeCell, u32::try_from(i).unwrap_or(0));
        }
        if nfree > 0 {
            self.emit(Opcode::CopyFreeVars, u32::try_from(nfree).unwrap_or(0));
        }
        self.unit().loc = saved;
        let flags = self.unit_ref().flags;
        if flags & (CodeFlags::GENERATOR | CodeFlags::COROUTINE | CodeFlags::ASYNC_GENERATOR) != 0 {
            self.emit(Opcode::ReturnGenerator, 0);
            self.emit(Opcode::PopTop, 0);
        }
    }

    /// For generator-like code: the handler converting an escaping StopIteration.
    pub(crate) fn is_generator_like(&self) -> bool {
        self.unit_ref().flags & (CodeFlags::GENERATOR | CodeFlags::COROUTINE | CodeFlags::ASYNC_GENERATOR) != 0
    }

    pub(crate) fn begin_body(&mut self) -> Option<Label> {
        self.prologue();
        if self.is_generator_like() {
            let handler = self.new_label();
            self.emit_pseudo(Op::SetupCleanup, Some(handler));
            self.emit(Opcode::Resume, 0);
            Some(handler)
        } else {
            self.emit(Opcode::Resume, 0);
            None
        }
    }

    pub(crate) fn end_body(&mut self, handler: Option<Label>) {
        let saved = self.unit_ref().loc;
        if let Some(h) = handler {
            self.unit().loc = Position::default();
            self.bind(h);
            self.emit(Opcode::CallIntrinsic1, spindle_bytecode::Intrinsic1::StopIterationError as u32);
            self.emit(Opcode::Reraise, 1);
        }
        self.unit().loc = saved;
    }

    pub(crate) fn return_none(&mut self) {
        self.load_const(Constant::None);
        self.emit(Opcode::ReturnValue, 0);
    }

    // ----- module ---------------------------------------------------------------------

    fn module_body(&mut self, body: &'a [Stmt]) -> CResult {
        let first = body.first().map_or(TextRange::default(), Ranged::range);
        self.unit().loc = Position { lineno: Some(0), end_lineno: Some(1), col: Some(0), end_col: Some(0) };
        self.prologue();
        self.emit(Opcode::Resume, 0);
        let mut rest = body;
        if !self.interactive
            && let Some((doc, tail)) = docstring_of(body)
        {
            self.set_loc(body[0].range());
            if self.optimize < 2 {
                self.load_const(doc);
                self.nameop("__doc__", NameCtx::Store);
            }
            rest = tail;
        }
        // Deferred annotations (PEP 649): the module's `__annotate__` is made first.
        let anns = collect_simple_annotations(rest);
        if !anns.is_empty() {
            self.set_loc(first);
            if self.future_annotations {
                // PEP 563: annotations are stored eagerly, as strings.
                self.emit(Opcode::SetupAnnotations, 0);
            } else {
                self.module_annotate(&anns)?;
            }
        }
        self.ann_counter = 0;
        for s in rest {
            self.stmt(s)?;
        }
        self.unit().loc = Position::default();
        self.return_none();
        Ok(())
    }
}

/// The docstring constant of a body, and the remaining statements.
pub(crate) fn docstring_of(body: &[Stmt]) -> Option<(Constant, &[Stmt])> {
    let Some(Stmt::Expr(e)) = body.first() else { return None };
    let Expr::StringLiteral(s) = &*e.value else { return None };
    Some((crate::fold::string_constant_src(s, ""), &body[1..]))
}

/// Simple-name annotated assignments at module/class level, in source order,
/// including ones nested in compound statements (not in nested scopes).
pub(crate) fn collect_simple_annotations(body: &[Stmt]) -> Vec<(&ast::ExprName, &Expr)> {
    let mut out = Vec::new();
    // Iterative walk in source order: a LIFO of statements still to visit.
    let mut queue: Vec<&Stmt> = body.iter().rev().collect();
    while let Some(s) = queue.pop() {
        let mut nested: Vec<&[Stmt]> = Vec::new();
        match s {
            Stmt::AnnAssign(a) if a.simple => {
                if let Expr::Name(n) = &*a.target {
                    out.push((n, &*a.annotation));
                }
            }
            Stmt::If(i) => {
                nested.push(&i.body);
                for c in &i.elif_else_clauses {
                    nested.push(&c.body);
                }
            }
            Stmt::For(f) => {
                nested.push(&f.body);
                nested.push(&f.orelse);
            }
            Stmt::While(w) => {
                nested.push(&w.body);
                nested.push(&w.orelse);
            }
            Stmt::With(w) => nested.push(&w.body),
            Stmt::Try(t) => {
                nested.push(&t.body);
                for h in &t.handlers {
                    let ast::ExceptHandler::ExceptHandler(h) = h;
                    nested.push(&h.body);
                }
                nested.push(&t.orelse);
                nested.push(&t.finalbody);
            }
            Stmt::Match(m) => {
                for c in &m.cases {
                    nested.push(&c.body);
                }
            }
            _ => {}
        }
        for block in nested.into_iter().rev() {
            for st in block.iter().rev() {
                queue.push(st);
            }
        }
    }
    out
}
