//! Symbol tables: the first compiler pass. Walks the AST once to build the tree
//! of scopes (module, class, function, lambda, comprehension, and the 3.12+/3.14
//! implicit scopes: annotation, type-parameter, type-alias and type-variable
//! bound scopes), records how each name is used, then resolves every name to
//! local / global (explicit or implicit) / free / cell as CPython's `symtable.c`
//! does, reporting CPython's SyntaxErrors for misplaced `global`/`nonlocal`,
//! `return`/`yield`/`await` outside functions and similar.
//!
//! Scopes are found again by codegen through `ScopeKey`: the address of the AST
//! node plus a tag, valid because the AST is borrowed, unmoved, by both passes.

use std::collections::{HashMap, HashSet};

use spindle_parser::ast::{self, Expr, Stmt};
use spindle_parser::{Ranged, TextRange};

/// An index into `SymbolTable::scopes`.
pub(crate) type ScopeId = usize;

/// Identifies the scope created for an AST node.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(crate) struct ScopeKey(usize, u8);

impl ScopeKey {
    pub(crate) fn of<T>(node: &T, tag: Tag) -> ScopeKey {
        ScopeKey(std::ptr::from_ref(node) as usize, tag as u8)
    }

    pub(crate) fn of_raw(addr: usize, tag: Tag) -> ScopeKey {
        ScopeKey(addr, tag as u8)
    }
}

/// Which of the scopes an AST node can own.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Tag {
    Body = 0,
    TypeParams = 1,
    Annotations = 2,
    TypeAliasValue = 3,
    Bound = 4,
    Default = 5,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum ScopeKind {
    Module,
    Class,
    Function,
    Lambda,
    Comprehension,
    /// An `__annotate__` function (PEP 649).
    Annotation,
    /// `<generic parameters of X>`.
    TypeParams,
    /// The lazily evaluated value of a `type` statement, a TypeVar bound,
    /// constraints or default.
    TypeValue,
}

impl ScopeKind {
    /// Scopes whose locals live in fast slots.
    pub(crate) fn is_function_like(self) -> bool {
        !matches!(self, ScopeKind::Module | ScopeKind::Class)
    }
}

/// How a name resolves inside one scope.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum NameScope {
    Local,
    GlobalExplicit,
    GlobalImplicit,
    Free,
    Cell,
}

pub(crate) mod flags {
    pub(crate) const DEF_LOCAL: u32 = 1;
    pub(crate) const DEF_GLOBAL: u32 = 2;
    pub(crate) const DEF_NONLOCAL: u32 = 4;
    pub(crate) const DEF_PARAM: u32 = 8;
    pub(crate) const USE: u32 = 16;
    pub(crate) const DEF_FREE_CLASS: u32 = 32;
    pub(crate) const DEF_IMPORT: u32 = 64;
    pub(crate) const DEF_ANNOT: u32 = 128;
    pub(crate) const DEF_COMP_ITER: u32 = 256;
    pub(crate) const DEF_TYPE_PARAM: u32 = 512;
    /// The name is the target of `del` (or an `except ... as` name, deleted
    /// implicitly), so a load may find it unbound even if it is a parameter.
    pub(crate) const DEF_DELETED: u32 = 1024;
    pub(crate) const DEF_BOUND: u32 = DEF_LOCAL | DEF_PARAM | DEF_IMPORT | DEF_TYPE_PARAM;
}
use flags::*;

#[derive(Clone, Debug)]
pub(crate) struct Symbol {
    pub(crate) flags: u32,
    pub(crate) scope: NameScope,
}

#[derive(Clone, Debug)]
pub(crate) struct Scope {
    pub(crate) kind: ScopeKind,
    pub(crate) name: String,
    pub(crate) parent: Option<ScopeId>,
    pub(crate) children: Vec<ScopeId>,
    /// Symbols in first-seen order.
    pub(crate) symbols: Vec<(String, Symbol)>,
    index: HashMap<String, usize>,
    /// Where each name was first declared `global`/`nonlocal` (for errors).
    pub(crate) decl_ranges: HashMap<String, TextRange>,
    /// Parameter names in definition order.
    pub(crate) params: Vec<String>,
    pub(crate) is_generator: bool,
    pub(crate) is_coroutine: bool,
    pub(crate) is_nested: bool,
    /// A class whose methods use `__class__`/`super`.
    pub(crate) needs_class_closure: bool,
    /// A class containing annotation/type-param scopes that read its namespace.
    pub(crate) needs_classdict: bool,
    /// Module/class with annotations executed conditionally.
    pub(crate) has_conditional_annotations: bool,
    /// An annotation/type-param scope directly inside a class.
    pub(crate) can_see_class_scope: bool,
    /// Comprehension is a generator expression.
    pub(crate) is_genexpr: bool,
    /// A list/set/dict comprehension compiled inline in its parent's code
    /// (PEP 709): every non-generator comprehension except those directly in an
    /// annotation/type-param scope that can see a class namespace.
    pub(crate) comp_inlined: bool,
    /// Cells needed only by inlined comprehensions whose names stay ordinary
    /// (name-op) locals of this module/class scope.
    pub(crate) extra_cells: Vec<String>,
    pub(crate) first_line_range: TextRange,
    /// For annotation-like scopes: how CPython names them in errors.
    pub(crate) what: &'static str,
}

impl Scope {
    fn new(kind: ScopeKind, name: &str, parent: Option<ScopeId>, range: TextRange) -> Scope {
        Scope {
            kind,
            name: name.to_owned(),
            parent,
            children: Vec::new(),
            symbols: Vec::new(),
            index: HashMap::new(),
            decl_ranges: HashMap::new(),
            params: Vec::new(),
            is_generator: false,
            is_coroutine: false,
            is_nested: false,
            needs_class_closure: false,
            needs_classdict: false,
            has_conditional_annotations: false,
            can_see_class_scope: false,
            is_genexpr: false,
            comp_inlined: false,
            extra_cells: Vec::new(),
            first_line_range: range,
            what: "an annotation",
        }
    }

    pub(crate) fn lookup(&self, name: &str) -> Option<&Symbol> {
        self.index.get(name).map(|&i| &self.symbols[i].1)
    }

    fn lookup_mut(&mut self, name: &str) -> Option<&mut Symbol> {
        self.index.get(name).map(|&i| &mut self.symbols[i].1)
    }

    pub(crate) fn flags_of(&self, name: &str) -> u32 {
        self.lookup(name).map_or(0, |s| s.flags)
    }

    pub(crate) fn scope_of(&self, name: &str) -> Option<NameScope> {
        self.lookup(name).map(|s| s.scope)
    }

    fn add(&mut self, name: &str, flag: u32) -> u32 {
        if let Some(sym) = self.lookup_mut(name) {
            let old = sym.flags;
            sym.flags |= flag;
            return old;
        }
        self.index.insert(name.to_owned(), self.symbols.len());
        self.symbols.push((name.to_owned(), Symbol { flags: flag, scope: NameScope::GlobalImplicit }));
        0
    }
}

/// A symtable error: message and the range it points at.
#[derive(Clone, Debug)]
pub(crate) struct SymtableError {
    pub(crate) msg: String,
    pub(crate) range: TextRange,
}

pub(crate) struct SymbolTable {
    pub(crate) scopes: Vec<Scope>,
    map: HashMap<ScopeKey, ScopeId>,
}

impl SymbolTable {
    pub(crate) fn scope_for(&self, key: ScopeKey) -> Option<ScopeId> {
        self.map.get(&key).copied()
    }
}

/// The module-level key (annotation scope of a module uses `Tag::Annotations`).
pub(crate) const MODULE_KEY: usize = 0;

struct Builder {
    scopes: Vec<Scope>,
    map: HashMap<ScopeKey, ScopeId>,
    current: ScopeId,
    /// Per-scope: names declared global/nonlocal with their first-use info, to
    /// report "used prior to global declaration".
    error: Option<SymtableError>,
    /// Depth of conditional blocks (if/for/while/try/with/match) at module or
    /// class level, for `__conditional_annotations__`.
    conditional_depth: usize,
    /// Comprehension iteration variables of enclosing comprehensions (for walrus
    /// checks).
    comp_iter_targets: Vec<Vec<String>>,
    in_annotation: bool,
    /// Class name used for private-name mangling.
    private: Option<String>,
}

/// Builds and analyzes the symbol table of a module.
pub(crate) fn build_module(body: &[Stmt], range: TextRange) -> Result<SymbolTable, SymtableError> {
    let mut b = Builder {
        scopes: vec![Scope::new(ScopeKind::Module, "top", None, range)],
        map: HashMap::new(),
        current: 0,
        error: None,
        conditional_depth: 0,
        comp_iter_targets: Vec::new(),
        in_annotation: false,
        private: None,
    };
    b.map.insert(ScopeKey(MODULE_KEY, Tag::Body as u8), 0);
    for s in body {
        b.stmt(s);
        if b.error.is_some() {
            break;
        }
    }
    b.finish_module_annotations();
    if let Some(e) = b.error {
        return Err(e);
    }
    let mut table = SymbolTable { scopes: b.scopes, map: b.map };
    analyze(&mut table)?;
    Ok(table)
}

/// Builds the symbol table for an expression (`eval` mode).
pub(crate) fn build_expression(expr: &Expr) -> Result<SymbolTable, SymtableError> {
    let mut b = Builder {
        scopes: vec![Scope::new(ScopeKind::Module, "top", None, expr.range())],
        map: HashMap::new(),
        current: 0,
        error: None,
        conditional_depth: 0,
        comp_iter_targets: Vec::new(),
        in_annotation: false,
        private: None,
    };
    b.map.insert(ScopeKey(MODULE_KEY, Tag::Body as u8), 0);
    b.expr(expr);
    if let Some(e) = b.error {
        return Err(e);
    }
    let mut table = SymbolTable { scopes: b.scopes, map: b.map };
    analyze(&mut table)?;
    Ok(table)
}

impl Builder {
    fn fail(&mut self, msg: impl Into<String>, range: TextRange) {
        if self.error.is_none() {
            self.error = Some(SymtableError { msg: msg.into(), range });
        }
    }

    fn cur(&mut self) -> &mut Scope {
        &mut self.scopes[self.current]
    }

    fn enter(&mut self, kind: ScopeKind, name: &str, key: ScopeKey, range: TextRange) -> ScopeId {
        let id = self.scopes.len();
        let parent = self.current;
        let mut scope = Scope::new(kind, name, Some(parent), range);
        let pk = self.scopes[parent].kind;
        scope.is_nested = pk.is_function_like() || self.scopes[parent].is_nested;
        if matches!(kind, ScopeKind::Annotation | ScopeKind::TypeParams | ScopeKind::TypeValue)
            && pk == ScopeKind::Class
        {
            scope.can_see_class_scope = true;
        }
        self.scopes.push(scope);
        self.scopes[parent].children.push(id);
        self.map.insert(key, id);
        self.current = id;
        id
    }

    fn leave(&mut self, parent: ScopeId) {
        self.current = parent;
    }

    fn def(&mut self, name: &str, flag: u32, range: TextRange) {
        if name == "__debug__" && flag & (DEF_LOCAL | DEF_PARAM | DEF_IMPORT) != 0 {
            self.fail("cannot assign to __debug__", range);
            return;
        }
        let mangled = crate::mangle(self.private.as_deref(), name);
        let name = mangled.as_ref();
        let scope = self.current;
        let old = self.scopes[scope].add(name, flag);
        if flag & DEF_PARAM != 0 && old & DEF_PARAM != 0 {
            self.fail(format!("duplicate argument '{name}' in function definition"), range);
        }
    }

    fn use_name(&mut self, name: &str) {
        let mangled = crate::mangle(self.private.as_deref(), name);
        let name = mangled.as_ref();
        let scope = self.current;
        self.scopes[scope].add(name, USE);
        if self.scopes[scope].can_see_class_scope {
            self.scopes[scope].add("__classdict__", USE);
        }
    }

    fn body(&mut self, body: &[Stmt]) {
        for s in body {
            self.stmt(s);
        }
    }

    fn conditional_body(&mut self, body: &[Stmt]) {
        self.conditional_depth += 1;
        self.body(body);
        self.conditional_depth -= 1;
    }

    fn in_function(&self) -> bool {
        self.scopes[self.current].kind.is_function_like()
    }

    #[allow(clippy::too_many_lines)]
    fn stmt(&mut self, s: &Stmt) {
        if self.error.is_some() {
            return;
        }
        match s {
            Stmt::FunctionDef(f) => self.function_def(f),
            Stmt::ClassDef(c) => self.class_def(c),
            Stmt::Return(r) => {
                if !self.in_function() || matches!(self.scopes[self.current].kind, ScopeKind::Annotation) {
                    self.fail("'return' outside function", r.range);
                    return;
                }
                if let Some(v) = &r.value {
                    self.expr(v);
                }
            }
            Stmt::Delete(d) => {
                for t in &d.targets {
                    if let Expr::Name(n) = t
                        && n.id.as_str() == "__debug__"
                    {
                        self.fail("cannot delete __debug__", n.range);
                        return;
                    }
                    self.delete_target(t);
                }
            }
            Stmt::TypeAlias(t) => self.type_alias(t),
            Stmt::Assign(a) => {
                self.expr(&a.value);
                for t in &a.targets {
                    self.target(t);
                }
            }
            Stmt::AugAssign(a) => {
                self.target(&a.target);
                self.expr(&a.value);
            }
            Stmt::AnnAssign(a) => self.ann_assign(a),
            Stmt::For(f) => {
                self.expr(&f.iter);
                self.target(&f.target);
                self.conditional_body(&f.body);
                self.conditional_body(&f.orelse);
            }
            Stmt::While(w) => {
                self.expr(&w.test);
                self.conditional_body(&w.body);
                self.conditional_body(&w.orelse);
            }
            Stmt::If(i) => {
                self.expr(&i.test);
                self.conditional_body(&i.body);
                for c in &i.elif_else_clauses {
                    if let Some(t) = &c.test {
                        self.expr(t);
                    }
                    self.conditional_body(&c.body);
                }
            }
            Stmt::With(w) => {
                for item in &w.items {
                    self.expr(&item.context_expr);
                    if let Some(v) = &item.optional_vars {
                        self.target(v);
                    }
                }
                self.conditional_body(&w.body);
            }
            Stmt::Match(m) => {
                self.expr(&m.subject);
                for case in &m.cases {
                    self.pattern(&case.pattern);
                    if let Some(g) = &case.guard {
                        self.expr(g);
                    }
                    self.conditional_body(&case.body);
                }
            }
            Stmt::Raise(r) => {
                if let Some(e) = &r.exc {
                    self.expr(e);
                }
                if let Some(c) = &r.cause {
                    self.expr(c);
                }
            }
            Stmt::Try(t) => {
                self.conditional_body(&t.body);
                for h in &t.handlers {
                    let ast::ExceptHandler::ExceptHandler(h) = h;
                    if let Some(ty) = &h.type_ {
                        self.expr(ty);
                    }
                    if let Some(n) = &h.name {
                        self.def(n.id.as_str(), DEF_LOCAL | DEF_DELETED, n.range);
                    }
                    self.conditional_body(&h.body);
                }
                self.conditional_body(&t.orelse);
                self.conditional_body(&t.finalbody);
            }
            Stmt::Assert(a) => {
                self.expr(&a.test);
                if let Some(m) = &a.msg {
                    self.expr(m);
                }
            }
            Stmt::Import(i) => {
                for alias in &i.names {
                    let name = alias.asname.as_ref().map_or_else(
                        || alias.name.id.as_str().split('.').next().unwrap_or("").to_owned(),
                        |a| a.id.as_str().to_owned(),
                    );
                    self.def(&name, DEF_IMPORT, alias.range);
                }
            }
            Stmt::ImportFrom(i) => {
                for alias in &i.names {
                    if alias.name.id.as_str() == "*" {
                        if self.scopes[self.current].kind != ScopeKind::Module {
                            self.fail("import * only allowed at module level", alias.range);
                        }
                        continue;
                    }
                    let name = alias.asname.as_ref().unwrap_or(&alias.name);
                    self.def(name.id.as_str(), DEF_IMPORT, alias.range);
                }
            }
            Stmt::Global(g) => {
                for n in &g.names {
                    self.global_decl(n.id.as_str(), g.range, true);
                }
            }
            Stmt::Nonlocal(g) => {
                for n in &g.names {
                    self.global_decl(n.id.as_str(), g.range, false);
                }
            }
            Stmt::Expr(e) => self.expr(&e.value),
            Stmt::Pass(_) | Stmt::Break(_) | Stmt::Continue(_) | Stmt::IpyEscapeCommand(_) => {}
        }
    }

    fn global_decl(&mut self, name: &str, range: TextRange, global: bool) {
        let mangled = crate::mangle(self.private.as_deref(), name);
        let name = mangled.as_ref();
        let scope = &self.scopes[self.current];
        let kw = if global { "global" } else { "nonlocal" };
        if !global && scope.kind == ScopeKind::Module {
            self.fail("nonlocal declaration not allowed at module level", range);
            return;
        }
        let old = scope.flags_of(name);
        let first_decl = scope.decl_ranges.get(name).copied();
        if old & DEF_PARAM != 0 {
            self.fail(format!("name '{name}' is parameter and {kw}"), range);
            return;
        }
        if (global && old & DEF_NONLOCAL != 0) || (!global && old & DEF_GLOBAL != 0) {
            self.fail(format!("name '{name}' is nonlocal and global"), first_decl.unwrap_or(range));
            return;
        }
        if old & (DEF_LOCAL | DEF_IMPORT) != 0 && old & (DEF_GLOBAL | DEF_NONLOCAL) == 0 {
            self.fail(format!("name '{name}' is assigned to before {kw} declaration"), range);
            return;
        }
        if old & DEF_ANNOT != 0 {
            self.fail(format!("annotated name '{name}' can't be {kw}"), range);
            return;
        }
        if old & USE != 0 && old & (DEF_GLOBAL | DEF_NONLOCAL) == 0 {
            self.fail(format!("name '{name}' is used prior to {kw} declaration"), range);
            return;
        }
        self.def(name, if global { DEF_GLOBAL } else { DEF_NONLOCAL }, range);
        let cur = self.current;
        self.scopes[cur].decl_ranges.entry(name.to_owned()).or_insert(range);
    }

    fn decorators(&mut self, decorators: &[ast::Decorator]) {
        for d in decorators {
            self.expr(&d.expression);
        }
    }

    fn function_def(&mut self, f: &ast::StmtFunctionDef) {
        self.decorators(&f.decorator_list);
        // Defaults are evaluated in the enclosing scope.
        for p in f.parameters.iter_non_variadic_params() {
            if let Some(d) = &p.default {
                self.expr(d);
            }
        }
        self.def(f.name.id.as_str(), DEF_LOCAL, f.name.range);
        let outer = self.current;
        if let Some(tp) = &f.type_params {
            self.enter(ScopeKind::TypeParams, &format!("<generic parameters of {}>", f.name.id), ScopeKey::of(f, Tag::TypeParams), f.range);
            if f.parameters.iter_non_variadic_params().any(|p| p.default.is_some() && p.parameter.annotation.is_none())
                || f.parameters.iter_non_variadic_params().any(|p| p.default.is_some())
            {
                // `.defaults` / `.kwdefaults` parameters carry the evaluated defaults.
                if f.parameters.posonlyargs.iter().chain(&f.parameters.args).any(|p| p.default.is_some()) {
                    self.def(".defaults", DEF_PARAM, f.range);
                    self.cur().params.push(".defaults".into());
                }
                if f.parameters.kwonlyargs.iter().any(|p| p.default.is_some()) {
                    self.def(".kwdefaults", DEF_PARAM, f.range);
                    self.cur().params.push(".kwdefaults".into());
                }
            }
            self.type_params(tp);
        }
        let tp_scope = self.current;
        self.function_annotations(f);
        self.current = tp_scope;
        self.enter(ScopeKind::Function, f.name.id.as_str(), ScopeKey::of(f, Tag::Body), f.range);
        if f.is_async {
            self.cur().is_coroutine = true;
        }
        self.parameters(&f.parameters);
        let saved_cond = std::mem::replace(&mut self.conditional_depth, 0);
        let saved_iters = std::mem::take(&mut self.comp_iter_targets);
        self.body(&f.body);
        self.comp_iter_targets = saved_iters;
        self.conditional_depth = saved_cond;
        self.leave(outer);
    }

    fn function_annotations(&mut self, f: &ast::StmtFunctionDef) {
        let params = &f.parameters;
        let has = f.returns.is_some()
            || params.iter_non_variadic_params().any(|p| p.parameter.annotation.is_some())
            || params.vararg.as_ref().is_some_and(|p| p.annotation.is_some())
            || params.kwarg.as_ref().is_some_and(|p| p.annotation.is_some());
        if !has {
            return;
        }
        let parent = self.current;
        self.enter(ScopeKind::Annotation, "__annotate__", ScopeKey::of(f, Tag::Annotations), f.range);
        self.def("format", DEF_PARAM, f.range);
        self.cur().params.push("format".into());
        let saved = std::mem::replace(&mut self.in_annotation, true);
        for p in params.posonlyargs.iter().chain(&params.args) {
            if let Some(a) = &p.parameter.annotation {
                self.expr(a);
            }
        }
        if let Some(a) = params.vararg.as_ref().and_then(|p| p.annotation.as_ref()) {
            self.expr(a);
        }
        for p in &params.kwonlyargs {
            if let Some(a) = &p.parameter.annotation {
                self.expr(a);
            }
        }
        if let Some(a) = params.kwarg.as_ref().and_then(|p| p.annotation.as_ref()) {
            self.expr(a);
        }
        if let Some(r) = &f.returns {
            self.expr(r);
        }
        self.in_annotation = saved;
        self.leave(parent);
    }

    fn parameters(&mut self, p: &ast::Parameters) {
        for a in p.posonlyargs.iter().chain(&p.args) {
            self.param(&a.parameter);
        }
        for a in &p.kwonlyargs {
            self.param(&a.parameter);
        }
        if let Some(v) = &p.vararg {
            self.param(v);
        }
        if let Some(k) = &p.kwarg {
            self.param(k);
        }
    }

    fn param(&mut self, p: &ast::Parameter) {
        self.def(p.name.id.as_str(), DEF_PARAM, p.name.range);
        // Parameters are mangled in class bodies like any other name.
        let mangled = crate::mangle(self.private.as_deref(), p.name.id.as_str()).into_owned();
        self.cur().params.push(mangled);
    }

    fn type_params(&mut self, tp: &ast::TypeParams) {
        let mut seen = HashSet::new();
        for p in &tp.type_params {
            let (name, range) = match p {
                ast::TypeParam::TypeVar(t) => (&t.name, t.range),
                ast::TypeParam::TypeVarTuple(t) => (&t.name, t.range),
                ast::TypeParam::ParamSpec(t) => (&t.name, t.range),
            };
            if !seen.insert(name.id.as_str()) {
                self.fail(format!("duplicate type parameter '{}'", name.id), name.range);
                return;
            }
            self.def(name.id.as_str(), DEF_TYPE_PARAM | DEF_LOCAL, range);
            let parent = self.current;
            if let ast::TypeParam::TypeVar(t) = p
                && let Some(b) = &t.bound
            {
                self.enter(ScopeKind::TypeValue, name.id.as_str(), ScopeKey::of(p, Tag::Bound), t.range);
                self.cur().what = "a TypeVar bound";
                self.format_param(t.range);
                self.expr(b);
                self.leave(parent);
            }
            let default = match p {
                ast::TypeParam::TypeVar(t) => t.default.as_deref(),
                ast::TypeParam::TypeVarTuple(t) => t.default.as_deref(),
                ast::TypeParam::ParamSpec(t) => t.default.as_deref(),
            };
            if let Some(d) = default {
                self.enter(ScopeKind::TypeValue, name.id.as_str(), ScopeKey::of(p, Tag::Default), range);
                self.cur().what = match p {
                    ast::TypeParam::TypeVar(_) => "a TypeVar default",
                    ast::TypeParam::TypeVarTuple(_) => "a TypeVarTuple default",
                    ast::TypeParam::ParamSpec(_) => "a ParamSpec default",
                };
                self.format_param(range);
                self.expr(d);
                self.leave(parent);
            }
        }
    }

    fn class_def(&mut self, c: &ast::StmtClassDef) {
        self.decorators(&c.decorator_list);
        self.def(c.name.id.as_str(), DEF_LOCAL, c.name.range);
        let outer = self.current;
        let saved_private = self.private.replace(c.name.id.as_str().to_owned());
        if let Some(tp) = &c.type_params {
            self.enter(ScopeKind::TypeParams, &format!("<generic parameters of {}>", c.name.id), ScopeKey::of(c, Tag::TypeParams), c.range);
            self.type_params(tp);
            self.def(".type_params", DEF_LOCAL, c.range);
            self.def(".generic_base", DEF_LOCAL, c.range);
            self.use_name(".type_params");
            self.use_name(".generic_base");
        }
        if let Some(args) = &c.arguments {
            for a in &args.args {
                self.expr(a);
            }
            for k in &args.keywords {
                self.expr(&k.value);
            }
        }
        self.enter(ScopeKind::Class, c.name.id.as_str(), ScopeKey::of(c, Tag::Body), c.range);
        if c.type_params.is_some() {
            self.use_name(".type_params");
        }
        let saved_cond = std::mem::replace(&mut self.conditional_depth, 0);
        let saved_iters = std::mem::take(&mut self.comp_iter_targets);
        self.body(&c.body);
        self.comp_iter_targets = saved_iters;
        self.conditional_depth = saved_cond;
        self.private = saved_private;
        self.leave(outer);
    }

    fn type_alias(&mut self, t: &ast::StmtTypeAlias) {
        let Expr::Name(name) = &*t.name else { return };
        self.def(name.id.as_str(), DEF_LOCAL, name.range);
        let outer = self.current;
        if let Some(tp) = &t.type_params {
            self.enter(ScopeKind::TypeParams, &format!("<generic parameters of {}>", name.id), ScopeKey::of(t, Tag::TypeParams), t.range);
            self.type_params(tp);
        }
        self.enter(ScopeKind::TypeValue, name.id.as_str(), ScopeKey::of(t, Tag::TypeAliasValue), t.range);
        self.cur().what = "a type alias";
        self.format_param(t.range);
        self.expr(&t.value);
        self.leave(outer);
    }

    fn ann_assign(&mut self, a: &ast::StmtAnnAssign) {
        let kind = self.scopes[self.current].kind;
        if let Expr::Name(n) = &*a.target {
            let old = self.scopes[self.current].flags_of(n.id.as_str());
            if old & (DEF_GLOBAL | DEF_NONLOCAL) != 0 && a.simple {
                let kw = if old & DEF_GLOBAL != 0 { "global" } else { "nonlocal" };
                self.fail(format!("annotated name '{}' can't be {kw}", n.id), n.range);
                return;
            }
            if a.simple {
                self.def(n.id.as_str(), DEF_ANNOT | DEF_LOCAL, n.range);
            } else if a.value.is_some() {
                self.def(n.id.as_str(), DEF_LOCAL, n.range);
            }
        } else {
            self.target(&a.target);
        }
        if a.simple && matches!(kind, ScopeKind::Module | ScopeKind::Class) {
            if kind == ScopeKind::Module {
                self.cur().has_conditional_annotations = true;
            }
            self.module_or_class_annotation(&a.annotation);
        }
        if let Some(v) = &a.value {
            self.expr(v);
        }
    }

    /// Adds an annotation to the shared `__annotate__` scope of the current module
    /// or class.
    fn module_or_class_annotation(&mut self, ann: &Expr) {
        let parent = self.current;
        let key = if self.scopes[parent].kind == ScopeKind::Module {
            ScopeKey(MODULE_KEY, Tag::Annotations as u8)
        } else {
            // Class annotation scopes are keyed by the class body scope id.
            ScopeKey(usize::MAX - parent, Tag::Annotations as u8)
        };
        let existing = self.map.get(&key).copied();
        match existing {
            Some(id) => self.current = id,
            None => {
                self.enter(ScopeKind::Annotation, "__annotate__", key, ann.range());
                self.def("format", DEF_PARAM, ann.range());
                self.cur().params.push("format".into());
                if self.scopes[parent].kind == ScopeKind::Class {
                    self.use_name("__classdict__");
                }
            }
        }
        if self.scopes[parent].has_conditional_annotations {
            self.use_name("__conditional_annotations__");
        }
        let saved = std::mem::replace(&mut self.in_annotation, true);
        self.expr(ann);
        self.in_annotation = saved;
        self.current = parent;
    }

    fn finish_module_annotations(&mut self) {}

    fn format_param(&mut self, range: TextRange) {
        self.def(".format", DEF_PARAM, range);
        self.cur().params.push(".format".into());
    }

    fn target(&mut self, t: &Expr) {
        match t {
            Expr::Name(n) => {
                if self.is_comp_iter_var(n.id.as_str()) {
                    // plain rebinding inside comprehension body is impossible
                }
                self.def(n.id.as_str(), DEF_LOCAL, n.range);
            }
            Expr::Tuple(t) => t.elts.iter().for_each(|e| self.target(e)),
            Expr::List(t) => t.elts.iter().for_each(|e| self.target(e)),
            Expr::Starred(s) => self.target(&s.value),
            Expr::Attribute(a) => {
                if a.attr.id.as_str() == "__debug__" {
                    self.fail("cannot assign to __debug__", a.range);
                    return;
                }
                self.expr(&a.value);
            }
            Expr::Subscript(s) => {
                self.expr(&s.value);
                self.expr(&s.slice);
            }
            other => self.expr(other),
        }
    }

    fn delete_target(&mut self, t: &Expr) {
        match t {
            Expr::Name(n) => self.def(n.id.as_str(), DEF_LOCAL | DEF_DELETED, n.range),
            Expr::Tuple(t) => t.elts.iter().for_each(|e| self.delete_target(e)),
            Expr::List(t) => t.elts.iter().for_each(|e| self.delete_target(e)),
            other => self.target(other),
        }
    }

    fn is_comp_iter_var(&self, name: &str) -> bool {
        self.comp_iter_targets.iter().any(|v| v.iter().any(|n| n == name))
    }

    #[allow(clippy::too_many_lines)]
    fn expr(&mut self, e: &Expr) {
        if self.error.is_some() {
            return;
        }
        match e {
            Expr::BoolOp(b) => b.values.iter().for_each(|v| self.expr(v)),
            Expr::Named(n) => self.named_expr(n),
            Expr::BinOp(b) => {
                self.expr(&b.left);
                self.expr(&b.right);
            }
            Expr::UnaryOp(u) => self.expr(&u.operand),
            Expr::Lambda(l) => {
                if let Some(p) = &l.parameters {
                    for d in p.iter_non_variadic_params() {
                        if let Some(d) = &d.default {
                            self.expr(d);
                        }
                    }
                }
                let parent = self.current;
                self.enter(ScopeKind::Lambda, "<lambda>", ScopeKey::of(l, Tag::Body), l.range);
                if let Some(p) = &l.parameters {
                    self.parameters(p);
                }
                let saved_iters = std::mem::take(&mut self.comp_iter_targets);
                self.expr(&l.body);
                self.comp_iter_targets = saved_iters;
                self.leave(parent);
            }
            Expr::If(i) => {
                self.expr(&i.test);
                self.expr(&i.body);
                self.expr(&i.orelse);
            }
            Expr::Dict(d) => {
                for item in &d.items {
                    if let Some(k) = &item.key {
                        self.expr(k);
                    }
                    self.expr(&item.value);
                }
            }
            Expr::Set(s) => s.elts.iter().for_each(|v| self.expr(v)),
            Expr::ListComp(c) => self.comprehension(e, "<listcomp>", &c.generators, &[&c.elt], false),
            Expr::SetComp(c) => self.comprehension(e, "<setcomp>", &c.generators, &[&c.elt], false),
            Expr::DictComp(c) => match &c.key {
                Some(k) => self.comprehension(e, "<dictcomp>", &c.generators, &[k, &c.value], false),
                None => self.comprehension(e, "<dictcomp>", &c.generators, &[&c.value], false),
            },
            Expr::Generator(c) => self.comprehension(e, "<genexpr>", &c.generators, &[&c.elt], true),
            Expr::Await(a) => {
                self.await_check(a.range);
                self.expr(&a.value);
            }
            Expr::Yield(y) => {
                self.yield_check(y.range, false);
                if let Some(v) = &y.value {
                    self.expr(v);
                }
            }
            Expr::YieldFrom(y) => {
                self.yield_check(y.range, true);
                self.expr(&y.value);
            }
            Expr::Compare(c) => {
                self.expr(&c.left);
                c.comparators.iter().for_each(|v| self.expr(v));
            }
            Expr::Call(c) => {
                self.expr(&c.func);
                c.arguments.args.iter().for_each(|v| self.expr(v));
                for k in &c.arguments.keywords {
                    self.expr(&k.value);
                }
            }
            Expr::FString(f) => {
                for part in &f.value {
                    if let ast::FStringPart::FString(fs) = part {
                        self.interpolated(&fs.elements);
                    }
                }
            }
            Expr::TString(t) => {
                for ts in &t.value {
                    self.interpolated(&ts.elements);
                }
            }
            Expr::StringLiteral(_)
            | Expr::BytesLiteral(_)
            | Expr::NumberLiteral(_)
            | Expr::BooleanLiteral(_)
            | Expr::NoneLiteral(_)
            | Expr::EllipsisLiteral(_)
            | Expr::IpyEscapeCommand(_) => {}
            Expr::Attribute(a) => self.expr(&a.value),
            Expr::Subscript(s) => {
                self.expr(&s.value);
                self.expr(&s.slice);
            }
            Expr::Starred(s) => self.expr(&s.value),
            Expr::Name(n) => match n.ctx {
                ast::ExprContext::Load | ast::ExprContext::Invalid => {
                    self.use_name(n.id.as_str());
                    // `super` and `__class__` in a function need the class cell.
                    let kind = self.scopes[self.current].kind;
                    if (n.id.as_str() == "super" || n.id.as_str() == "__class__") && kind.is_function_like() && kind != ScopeKind::Module {
                        self.use_name("__class__");
                    }
                }
                ast::ExprContext::Store => self.def(n.id.as_str(), DEF_LOCAL, n.range),
                ast::ExprContext::Del => {
                    if n.id.as_str() == "__debug__" {
                        self.fail("cannot delete __debug__", n.range);
                        return;
                    }
                    self.def(n.id.as_str(), DEF_LOCAL, n.range);
                }
            },
            Expr::List(l) => l.elts.iter().for_each(|v| self.expr(v)),
            Expr::Tuple(t) => t.elts.iter().for_each(|v| self.expr(v)),
            Expr::Slice(s) => {
                for p in [&s.lower, &s.upper, &s.step].into_iter().flatten() {
                    self.expr(p);
                }
            }
        }
    }

    fn interpolated(&mut self, elements: &ast::InterpolatedStringElements) {
        for el in elements.iter() {
            if let ast::InterpolatedStringElement::Interpolation(i) = el {
                self.expr(&i.expression);
                if let Some(spec) = &i.format_spec {
                    self.interpolated(&spec.elements);
                }
            }
        }
    }

    fn await_check(&mut self, range: TextRange) {
        let scope = &self.scopes[self.current];
        match scope.kind {
            ScopeKind::Module | ScopeKind::Class => {
                // Top-level await is allowed only with PyCF_ALLOW_TOP_LEVEL_AWAIT.
                self.fail("'await' outside function", range);
            }
            ScopeKind::Annotation | ScopeKind::TypeParams | ScopeKind::TypeValue => {
                let what = if scope.kind == ScopeKind::TypeParams { "a type parameter scope" } else { scope.what };
                self.fail(format!("await expression cannot be used within {what}"), range);
            }
            ScopeKind::Function | ScopeKind::Lambda => {
                if !scope.is_coroutine {
                    self.fail("'await' outside async function", range);
                }
            }
            ScopeKind::Comprehension => {
                // Allowed in generator expressions (they become async) and in
                // comprehensions inside async functions; checked by codegen.
                self.scopes[self.current].is_coroutine = true;
            }
        }
    }

    fn yield_check(&mut self, range: TextRange, from: bool) {
        let kw = if from { "yield from" } else { "yield" };
        let scope = &self.scopes[self.current];
        match scope.kind {
            ScopeKind::Module | ScopeKind::Class => self.fail(format!("'{kw}' outside function"), range),
            ScopeKind::Annotation | ScopeKind::TypeParams | ScopeKind::TypeValue => {
                let what = if scope.kind == ScopeKind::TypeParams { "a type parameter scope" } else { scope.what };
                self.fail(format!("{kw} expression cannot be used within {what}"), range);
            }
            ScopeKind::Comprehension => {
                let what = match scope.name.as_str() {
                    "<listcomp>" => "list comprehension",
                    "<setcomp>" => "set comprehension",
                    "<dictcomp>" => "dict comprehension",
                    _ => "generator expression",
                };
                self.fail(format!("'yield' inside {what}"), range);
            }
            ScopeKind::Function | ScopeKind::Lambda => {
                if from && scope.is_coroutine {
                    self.fail("'yield from' inside async function", range);
                    return;
                }
                self.scopes[self.current].is_generator = true;
            }
        }
    }

    fn named_expr(&mut self, n: &ast::ExprNamed) {
        self.expr(&n.value);
        let Expr::Name(target) = &*n.target else {
            self.expr(&n.target);
            return;
        };
        let name = target.id.as_str();
        if self.scopes[self.current].kind != ScopeKind::Comprehension {
            self.def(name, DEF_LOCAL, target.range);
            return;
        }
        if self.is_comp_iter_var(name) {
            self.fail(format!("assignment expression cannot rebind comprehension iteration variable '{name}'"), target.range);
            return;
        }
        // Bind in the nearest enclosing non-comprehension scope.
        let mut comps = vec![self.current];
        let mut s = self.scopes[self.current].parent;
        while let Some(id) = s {
            match self.scopes[id].kind {
                ScopeKind::Comprehension => {
                    comps.push(id);
                    s = self.scopes[id].parent;
                }
                ScopeKind::Class => {
                    self.fail("assignment expression within a comprehension cannot be used in a class body", n.range);
                    return;
                }
                ScopeKind::Module => {
                    for c in &comps {
                        self.scopes[*c].add(name, DEF_GLOBAL);
                    }
                    self.scopes[id].add(name, DEF_LOCAL);
                    return;
                }
                _ => {
                    for c in &comps {
                        self.scopes[*c].add(name, DEF_NONLOCAL);
                    }
                    let flags_before = self.scopes[id].flags_of(name);
                    if flags_before & DEF_GLOBAL != 0 {
                        for c in &comps {
                            if let Some(sym) = self.scopes[*c].lookup_mut(name) {
                                sym.flags = (sym.flags & !DEF_NONLOCAL) | DEF_GLOBAL;
                            }
                        }
                    }
                    self.scopes[id].add(name, DEF_LOCAL);
                    return;
                }
            }
        }
    }

    fn comprehension(&mut self, node: &Expr, name: &str, generators: &[ast::Comprehension], elts: &[&Expr], genexpr: bool) {
        let Some(first) = generators.first() else { return };
        // The first iterable is evaluated in the enclosing scope.
        self.expr(&first.iter);
        let parent = self.current;
        let id = self.enter(ScopeKind::Comprehension, name, ScopeKey::of(node, Tag::Body), node.range());
        self.scopes[id].is_genexpr = genexpr;
        self.scopes[id].comp_inlined = !genexpr && !self.scopes[parent].can_see_class_scope;
        if genexpr {
            self.scopes[id].is_generator = true;
        }
        self.def(".0", DEF_PARAM, node.range());
        self.scopes[id].params.push(".0".into());
        let mut iter_names = Vec::new();
        for g in generators {
            collect_names(&g.target, &mut iter_names);
        }
        for (i, g) in generators.iter().enumerate() {
            if i > 0 {
                self.expr(&g.iter);
            }
            self.comp_target(&g.target);
            if g.is_async {
                self.scopes[id].is_coroutine = true;
            }
            self.comp_iter_targets.push(iter_names.clone());
            for cond in &g.ifs {
                self.expr(cond);
            }
            self.comp_iter_targets.pop();
        }
        self.comp_iter_targets.push(iter_names);
        for e in elts {
            self.expr(e);
        }
        self.comp_iter_targets.pop();
        self.leave(parent);
    }

    fn comp_target(&mut self, t: &Expr) {
        match t {
            Expr::Name(n) => self.def(n.id.as_str(), DEF_LOCAL | DEF_COMP_ITER, n.range),
            other => self.target(other),
        }
    }

    fn pattern(&mut self, p: &ast::Pattern) {
        match p {
            ast::Pattern::MatchValue(v) => self.expr(&v.value),
            ast::Pattern::MatchSingleton(_) => {}
            ast::Pattern::MatchSequence(s) => s.patterns.iter().for_each(|p| self.pattern(p)),
            ast::Pattern::MatchMapping(m) => {
                m.keys.iter().for_each(|k| self.expr(k));
                m.patterns.iter().for_each(|p| self.pattern(p));
                if let Some(r) = &m.rest {
                    self.def(r.id.as_str(), DEF_LOCAL, r.range);
                }
            }
            ast::Pattern::MatchClass(c) => {
                self.expr(&c.cls);
                c.arguments.patterns.iter().for_each(|p| self.pattern(p));
                c.arguments.keywords.iter().for_each(|k| self.pattern(&k.pattern));
            }
            ast::Pattern::MatchStar(s) => {
                if let Some(n) = &s.name {
                    self.def(n.id.as_str(), DEF_LOCAL, n.range);
                }
            }
            ast::Pattern::MatchAs(a) => {
                if let Some(p) = &a.pattern {
                    self.pattern(p);
                }
                if let Some(n) = &a.name {
                    self.def(n.id.as_str(), DEF_LOCAL, n.range);
                }
            }
            ast::Pattern::MatchOr(o) => o.patterns.iter().for_each(|p| self.pattern(p)),
        }
    }
}

fn collect_names(t: &Expr, out: &mut Vec<String>) {
    match t {
        Expr::Name(n) => out.push(n.id.as_str().to_owned()),
        Expr::Tuple(t) => t.elts.iter().for_each(|e| collect_names(e, out)),
        Expr::List(t) => t.elts.iter().for_each(|e| collect_names(e, out)),
        Expr::Starred(s) => collect_names(&s.value, out),
        _ => {}
    }
}

// ---------------------------------------------------------------------------
// Analysis: resolve every symbol's scope (CPython's analyze_block).

fn analyze(table: &mut SymbolTable) -> Result<(), SymtableError> {
    // Iterative pre-order over scopes: compute each scope's visible bindings
    // (`bound`: names bound in enclosing function scopes) and globals, then a
    // post-order pass propagates free variables upward.
    let n = table.scopes.len();
    let mut bound: Vec<HashSet<String>> = vec![HashSet::new(); n];
    let mut globals: Vec<HashSet<String>> = vec![HashSet::new(); n];
    let mut order = Vec::with_capacity(n);
    let mut stack = vec![0usize];
    while let Some(id) = stack.pop() {
        order.push(id);
        let scope = &table.scopes[id];
        let mut child_bound = bound[id].clone();
        let mut child_globals = globals[id].clone();
        for (name, sym) in &scope.symbols {
            if sym.flags & DEF_GLOBAL != 0 {
                child_globals.insert(name.clone());
                child_bound.remove(name);
            } else if sym.flags & DEF_NONLOCAL != 0 {
                // stays bound (resolved in an outer scope)
            } else if sym.flags & DEF_BOUND != 0 && scope.kind.is_function_like() {
                child_bound.insert(name.clone());
                child_globals.remove(name);
            }
        }
        if scope.kind == ScopeKind::Class {
            // Class-level names are invisible to nested scopes, except the
            // implicit cells.
            child_bound.insert("__class__".to_owned());
            child_bound.insert("__classdict__".to_owned());
            child_bound.insert("__conditional_annotations__".to_owned());
        }
        for &c in scope.children.iter().rev() {
            // Type-param scopes of a class see `.type_params` etc. as bound.
            bound[c] = child_bound.clone();
            globals[c] = child_globals.clone();
            stack.push(c);
        }
    }
    // First resolve each scope's own symbols.
    for &id in &order {
        let kind = table.scopes[id].kind;
        let mut err = None;
        for (name, sym) in &mut table.scopes[id].symbols {
            let f = sym.flags;
            sym.scope = if f & DEF_GLOBAL != 0 {
                NameScope::GlobalExplicit
            } else if f & DEF_NONLOCAL != 0 {
                if !bound[id].contains(name) {
                    err.get_or_insert_with(|| (format!("no binding for nonlocal '{name}' found"), name.clone()));
                }
                NameScope::Free
            } else if f & DEF_BOUND != 0 {
                NameScope::Local
            } else if bound[id].contains(name) && kind != ScopeKind::Module {
                NameScope::Free
            } else {
                NameScope::GlobalImplicit
            };
        }
        if let Some((msg, name)) = err {
            let sc = &table.scopes[id];
            let range = sc.decl_ranges.get(&name).copied().unwrap_or(sc.first_line_range);
            return Err(SymtableError { msg, range });
        }
    }
    // Post-order: free variables of children become cells (if bound here) or
    // free here (pass-through).
    for &id in order.iter().rev() {
        let children = table.scopes[id].children.clone();
        let mut child_free: Vec<String> = Vec::new();
        let mut inlined_cells: Vec<String> = Vec::new();
        for c in children {
            if table.scopes[c].comp_inlined {
                inline_comprehension(table, id, c, &mut child_free, &mut inlined_cells);
                continue;
            }
            let child_is_class = table.scopes[c].kind == ScopeKind::Class;
            for (name, sym) in &table.scopes[c].symbols {
                // A class that binds a name its methods close over still passes
                // the enclosing cell through (DEF_FREE_CLASS).
                let passes = sym.scope == NameScope::Free || (child_is_class && sym.flags & DEF_FREE_CLASS != 0);
                if passes && !child_free.contains(name) {
                    child_free.push(name.clone());
                }
            }
        }
        let kind = table.scopes[id].kind;
        for name in child_free {
            let scope = &mut table.scopes[id];
            if kind == ScopeKind::Class {
                match name.as_str() {
                    "__class__" => {
                        scope.needs_class_closure = true;
                        continue;
                    }
                    "__classdict__" => {
                        scope.needs_classdict = true;
                        continue;
                    }
                    "__conditional_annotations__" if scope.has_conditional_annotations => {
                        continue;
                    }
                    _ => {}
                }
                // The class binds it as a class attribute too: keep NAME ops
                // for the class body, but pass the cell through.
                match scope.lookup_mut(&name) {
                    Some(sym) if sym.scope == NameScope::Local || sym.scope == NameScope::GlobalImplicit => {
                        sym.flags |= DEF_FREE_CLASS;
                    }
                    Some(_) => {}
                    None => {
                        scope.add(&name, DEF_FREE_CLASS);
                    }
                }
                continue;
            }
            match scope.lookup_mut(&name) {
                Some(sym) => match sym.scope {
                    NameScope::Local => sym.scope = NameScope::Cell,
                    NameScope::GlobalImplicit if kind.is_function_like() => sym.scope = NameScope::Free,
                    _ => {}
                },
                None => {
                    if kind.is_function_like() {
                        scope.add(&name, 0);
                        if let Some(sym) = scope.lookup_mut(&name) {
                            sym.scope = NameScope::Free;
                        }
                    }
                }
            }
        }
        // Cells of inlined comprehensions: a function-like parent's local of the
        // same name becomes a cell; elsewhere the cell is only used while the
        // comprehension runs.
        for name in inlined_cells {
            let scope = &mut table.scopes[id];
            let func_like = kind.is_function_like();
            match scope.lookup_mut(&name) {
                Some(sym) if sym.scope == NameScope::Local && func_like => sym.scope = NameScope::Cell,
                Some(sym) if sym.scope == NameScope::Cell || sym.scope == NameScope::Free => {}
                _ => {
                    if !scope.extra_cells.contains(&name) {
                        scope.extra_cells.push(name);
                    }
                }
            }
        }
        // A class's DEF_FREE_CLASS names that are not bound in the class body are
        // free in the class (pass-through) when an enclosing function binds them.
        if kind == ScopeKind::Class {
            let b = bound[id].clone();
            for (name, sym) in &mut table.scopes[id].symbols {
                if sym.flags & DEF_FREE_CLASS != 0 && sym.flags & DEF_BOUND == 0 && b.contains(name) {
                    sym.scope = NameScope::Free;
                }
            }
        }
    }
    Ok(())
}

/// Merges the symbols of the inlined comprehension `comp` into its parent `id`
/// (PEP 709), collecting the names that stay free through the parent and the
/// names that must be cells while the comprehension runs.
fn inline_comprehension(table: &mut SymbolTable, id: ScopeId, comp: ScopeId, child_free: &mut Vec<String>, inlined_cells: &mut Vec<String>) {
    let parent_kind = table.scopes[id].kind;
    let syms = table.scopes[comp].symbols.clone();
    for (name, sym) in syms {
        if sym.flags & DEF_PARAM != 0 {
            continue;
        }
        let mut scope = sym.scope;
        if scope == NameScope::Cell && !inlined_cells.contains(&name) {
            inlined_cells.push(name.clone());
        }
        // `__class__` never passes through a class body.
        if scope == NameScope::Free && parent_kind == ScopeKind::Class && name == "__class__" {
            scope = NameScope::GlobalImplicit;
            if let Some(s) = table.scopes[comp].lookup_mut(&name) {
                s.scope = NameScope::GlobalImplicit;
            }
        }
        let mut free = scope == NameScope::Free;
        let existing = table.scopes[id].lookup(&name).map(|s| s.flags);
        match existing {
            None => {
                let parent = &mut table.scopes[id];
                parent.add(&name, sym.flags);
                if let Some(s) = parent.lookup_mut(&name) {
                    s.scope = scope;
                }
            }
            Some(flags) => {
                if flags & DEF_BOUND != 0 && parent_kind != ScopeKind::Class && !free_in_any_child(table, comp, &name) {
                    free = false;
                }
            }
        }
        if free && !child_free.contains(&name) {
            child_free.push(name);
        }
    }
}

fn free_in_any_child(table: &SymbolTable, scope: ScopeId, name: &str) -> bool {
    table.scopes[scope].children.iter().any(|&c| table.scopes[c].scope_of(name) == Some(NameScope::Free))
}
