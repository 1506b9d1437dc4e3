//! Annotation and typing code generation (3.14): the PEP 649/749 `__annotate__`
//! functions of modules, classes and functions; PEP 695 generic functions and
//! classes (the `<generic parameters of X>` wrapper), `type X = ...` aliases,
//! and lazily evaluated TypeVar bounds/constraints/defaults, via the intrinsics
//! CPython uses.

use spindle_bytecode::{CodeFlags, CommonConstant, CompareOp, Constant, FunctionAttr, Intrinsic1, Intrinsic2, Opcode};
use spindle_parser::ast::{self, Expr};
use spindle_parser::{Ranged, TextRange};

use super::{CResult, Compiler, NameCtx};
use crate::symtable::{ScopeKey, ScopeKind, Tag};

impl<'a> Compiler<'a> {
    /// `if format > 2: raise NotImplementedError` at the top of an annotate-like
    /// function (`VALUE_WITH_FAKE_GLOBALS` is 2).
    fn annotate_prologue(&mut self, param: &str) {
        let body = self.new_label();
        let fi = self.varname(param);
        self.emit(Opcode::LoadFast, fi);
        self.load_const(Constant::Int(2));
        self.emit(Opcode::CompareOp, CompareOp::Gt as u32);
        self.emit(Opcode::ToBool, 0);
        self.emit_jump(Opcode::PopJumpIfFalse, body);
        self.emit(Opcode::LoadCommonConstant, CommonConstant::NotImplementedError as u32);
        self.emit(Opcode::RaiseVarargs, 1);
        self.bind(body);
    }

    fn enter_annotate_unit(&mut self, scope: usize, line: u32, range: TextRange) {
        let qualname = self.qualname_for("__annotate__", ScopeKind::Annotation);
        self.enter_unit(scope, "__annotate__", &qualname, line);
        let u = self.unit();
        u.argcount = 1;
        u.posonlyargcount = 1;
        self.set_loc(range);
        self.prologue();
        self.emit(Opcode::Resume, 0);
        self.annotate_prologue("format");
    }

    /// Emits `__annotate__` for the module and `__conditional_annotations__`.
    pub(crate) fn module_annotate(&mut self, anns: &[(&'a ast::ExprName, &'a Expr)]) -> CResult {
        let key = ScopeKey::of_raw(crate::symtable::MODULE_KEY, Tag::Annotations);
        let scope = self.scope_for(key)?;
        let line = anns.first().map_or(1, |(n, _)| self.line_of(n.range));
        self.enter_annotate_unit(scope, line, anns.first().map_or(TextRange::default(), |(n, _)| n.range));
        self.emit(Opcode::BuildMap, 0);
        for (i, (name, ann)) in anns.iter().enumerate() {
            let skip = self.new_label();
            self.set_loc(ann.range());
            self.load_const(Constant::Int(i64::try_from(i).unwrap_or(0)));
            self.nameop("__conditional_annotations__", NameCtx::Load);
            self.emit(Opcode::ContainsOp, 0);
            self.emit_jump(Opcode::PopJumpIfFalse, skip);
            self.expr(ann)?;
            self.emit(Opcode::Copy, 2);
            let m = self.mangle(name.id.as_str());
            self.load_const(Constant::str(&m));
            self.emit(Opcode::StoreSubscr, 0);
            self.bind(skip);
        }
        self.emit(Opcode::ReturnValue, 0);
        let code = self.finish_unit()?;
        self.make_closure(code, 0);
        self.nameop("__annotate__", NameCtx::Store);
        self.emit(Opcode::BuildSet, 0);
        self.nameop("__conditional_annotations__", NameCtx::Store);
        Ok(())
    }

    /// Emits the class's `__annotate__` (stored as `__annotate_func__`).
    pub(crate) fn class_annotate(&mut self, c: &'a ast::StmtClassDef, anns: &[(&'a ast::ExprName, &'a Expr)]) -> CResult {
        let class_scope = self.unit_ref().scope;
        let key = ScopeKey::of_raw(usize::MAX - class_scope, Tag::Annotations);
        let scope = self.scope_for(key)?;
        let line = self.line_of(c.range);
        self.enter_annotate_unit(scope, line, c.range);
        self.emit(Opcode::BuildMap, 0);
        for (name, ann) in anns {
            self.set_loc(ann.range());
            self.expr(ann)?;
            self.emit(Opcode::Copy, 2);
            let m = self.mangle(name.id.as_str());
            self.load_const(Constant::str(&m));
            self.emit(Opcode::StoreSubscr, 0);
        }
        self.emit(Opcode::ReturnValue, 0);
        let code = self.finish_unit()?;
        self.set_loc(c.range);
        self.make_closure(code, 0);
        self.nameop("__annotate_func__", NameCtx::Store);
        Ok(())
    }

    /// Pushes the `__annotate__` function of a `def` if it has annotations;
    /// returns the `SET_FUNCTION_ATTRIBUTE` flag to apply.
    pub(crate) fn function_annotate(&mut self, f: &'a ast::StmtFunctionDef) -> CResult<u32> {
        let Some(scope) = self.table.scope_for(ScopeKey::of(f, Tag::Annotations)) else { return Ok(0) };
        if self.future_annotations {
            return self.function_annotations_as_strings(f);
        }
        let line = self.line_of(f.range);
        self.enter_annotate_unit(scope, line, f.range);
        let mut n = 0u32;
        let p = &f.parameters;
        let mut items: Vec<(&str, &'a Expr)> = Vec::new();
        for a in p.posonlyargs.iter().chain(&p.args) {
            if let Some(ann) = &a.parameter.annotation {
                items.push((a.parameter.name.id.as_str(), ann));
            }
        }
        if let Some(v) = &p.vararg
            && let Some(ann) = &v.annotation
        {
            items.push((v.name.id.as_str(), ann));
        }
        for a in &p.kwonlyargs {
            if let Some(ann) = &a.parameter.annotation {
                items.push((a.parameter.name.id.as_str(), ann));
            }
        }
        if let Some(k) = &p.kwarg
            && let Some(ann) = &k.annotation
        {
            items.push((k.name.id.as_str(), ann));
        }
        if let Some(r) = &f.returns {
            items.push(("return", r));
        }
        for (name, ann) in items {
            let m = self.mangle(name);
            self.load_const(Constant::str(&m));
            self.annotation_value(ann)?;
            n += 1;
        }
        self.emit(Opcode::BuildMap, n);
        self.emit(Opcode::ReturnValue, 0);
        let code = self.finish_unit()?;
        self.set_loc(f.range);
        self.make_closure(code, 0);
        Ok(FunctionAttr::Annotate as u32)
    }

    /// `*args: *Ts` annotations are unpacked as CPython does (`(*Ts,)[0]`-like);
    /// here the starred value is evaluated and wrapped in a 1-tuple iterator.
    fn annotation_value(&mut self, ann: &'a Expr) -> CResult {
        if let Expr::Starred(s) = ann {
            self.expr(&s.value)?;
            self.emit(Opcode::UnpackSequence, 1);
            return Ok(());
        }
        self.expr(ann)
    }

    fn function_annotations_as_strings(&mut self, f: &'a ast::StmtFunctionDef) -> CResult<u32> {
        let p = &f.parameters;
        let mut n = 0u32;
        let mut push = |c: &mut Self, name: &str, e: &Expr| {
            let text = c.source.get(e.range().start().to_usize()..e.range().end().to_usize()).unwrap_or("").to_owned();
            let m = c.mangle(name);
            c.load_const(Constant::str(&m));
            c.load_const(Constant::str(&text));
            n += 1;
        };
        for a in p.posonlyargs.iter().chain(&p.args) {
            if let Some(ann) = &a.parameter.annotation {
                push(self, a.parameter.name.id.as_str(), ann);
            }
        }
        if let Some(v) = &p.vararg
            && let Some(ann) = &v.annotation
        {
            push(self, v.name.id.as_str(), ann);
        }
        for a in &p.kwonlyargs {
            if let Some(ann) = &a.parameter.annotation {
                push(self, a.parameter.name.id.as_str(), ann);
            }
        }
        if let Some(k) = &p.kwarg
            && let Some(ann) = &k.annotation
        {
            push(self, k.name.id.as_str(), ann);
        }
        if let Some(r) = &f.returns {
            push(self, "return", r);
        }
        self.emit(Opcode::BuildMap, n);
        Ok(FunctionAttr::Annotations as u32)
    }

    // ----- PEP 695 -----------------------------------------------------------------

    /// Creates each type parameter, stores it under its name and leaves a
    /// tuple of all of them on the stack.
    fn type_params(&mut self, tp: &'a ast::TypeParams) -> CResult {
        let n = tp.type_params.len();
        for p in &tp.type_params {
            self.set_loc(p.range());
            let (name, intrinsic, default) = match p {
                ast::TypeParam::TypeVar(t) => (&t.name, Intrinsic1::TypeVar, t.default.as_deref()),
                ast::TypeParam::TypeVarTuple(t) => (&t.name, Intrinsic1::TypeVarTuple, t.default.as_deref()),
                ast::TypeParam::ParamSpec(t) => (&t.name, Intrinsic1::ParamSpec, t.default.as_deref()),
            };
            self.load_const(Constant::str(name.id.as_str()));
            match p {
                ast::TypeParam::TypeVar(ast::TypeParamTypeVar { bound: Some(bound), range, .. }) => {
                    let t_range = *range;
                    let bound: &Expr = bound;
                    let constraints = matches!(bound, Expr::Tuple(_));
                    self.lazy_value(ScopeKey::of(p, Tag::Bound), name.id.as_str(), bound, t_range)?;
                    self.emit(
                        Opcode::CallIntrinsic2,
                        if constraints { Intrinsic2::TypeVarWithConstraints } else { Intrinsic2::TypeVarWithBound } as u32,
                    );
                }
                _ => self.emit(Opcode::CallIntrinsic1, intrinsic as u32),
            }
            if let Some(d) = default {
                self.lazy_value(ScopeKey::of(p, Tag::Default), name.id.as_str(), d, p.range())?;
                self.emit(Opcode::CallIntrinsic2, Intrinsic2::SetTypeparamDefault as u32);
            }
            self.emit(Opcode::Copy, 1);
            self.nameop(name.id.as_str(), NameCtx::Store);
        }
        self.emit(Opcode::BuildTuple, u32::try_from(n).unwrap_or(0));
        Ok(())
    }

    /// Pushes a function of `format` that evaluates `value` lazily.
    fn lazy_value(&mut self, key: ScopeKey, name: &str, value: &'a Expr, range: TextRange) -> CResult {
        let scope = self.scope_for(key)?;
        let qualname = self.qualname_for(name, ScopeKind::TypeValue);
        let line = self.line_of(range);
        self.enter_unit(scope, name, &qualname, line);
        let u = self.unit();
        u.argcount = 1;
        u.posonlyargcount = 1;
        self.set_loc(value.range());
        self.prologue();
        self.emit(Opcode::Resume, 0);
        self.annotate_prologue(".format");
        if let Expr::Tuple(t) = value {
            let elts: Vec<&Expr> = t.elts.iter().collect();
            self.starred_display(&elts, Opcode::BuildTuple)?;
        } else if let Expr::Starred(s) = value {
            // A TypeVarTuple default `*Ts`: the one item unpacking yields.
            self.expr(&s.value)?;
            self.emit(Opcode::UnpackSequence, 1);
        } else {
            self.expr(value)?;
        }
        self.emit(Opcode::ReturnValue, 0);
        let code = self.finish_unit()?;
        // `.format` defaults to 1 (VALUE), so the function can be called bare.
        self.load_const(Constant::Tuple(vec![Constant::Int(1)].into()));
        self.make_closure(code, FunctionAttr::Defaults as u32);
        Ok(())
    }

    fn enter_type_params_unit(&mut self, key: ScopeKey, name: &str, range: TextRange) -> CResult {
        let scope = self.scope_for(key)?;
        let label = format!("<generic parameters of {name}>");
        let qualname = self.qualname_for(&label, ScopeKind::TypeParams);
        let line = self.line_of(range);
        self.enter_unit(scope, &label, &qualname, line);
        self.set_loc(range);
        self.prologue();
        self.emit(Opcode::Resume, 0);
        Ok(())
    }

    pub(crate) fn generic_function(&mut self, f: &'a ast::StmtFunctionDef) -> CResult {
        let p = &f.parameters;
        let has_defaults = p.posonlyargs.iter().chain(&p.args).any(|a| a.default.is_some());
        let has_kwdefaults = p.kwonlyargs.iter().any(|a| a.default.is_some());
        let nargs = u32::from(has_defaults) + u32::from(has_kwdefaults);
        let tp = f.type_params.as_deref().ok_or_else(|| self.error_at("internal error", f.range))?;
        self.enter_type_params_unit(ScopeKey::of(f, Tag::TypeParams), f.name.id.as_str(), f.range)?;
        self.unit().argcount = nargs;
        self.type_params(tp)?;
        let mut attrs = 0;
        if has_defaults {
            let i = self.varname(".defaults");
            self.emit(Opcode::LoadFast, i);
            attrs |= FunctionAttr::Defaults as u32;
        }
        if has_kwdefaults {
            let i = self.varname(".kwdefaults");
            self.emit(Opcode::LoadFast, i);
            attrs |= FunctionAttr::KwDefaults as u32;
        }
        attrs |= self.function_annotate(f)?;
        self.function_body(f, attrs)?;
        self.emit(Opcode::Swap, 2);
        self.emit(Opcode::CallIntrinsic2, Intrinsic2::SetFunctionTypeParams as u32);
        self.emit(Opcode::ReturnValue, 0);
        let code = self.finish_unit()?;
        self.set_loc(f.range);
        self.make_closure(code, 0);
        self.emit(Opcode::PushNull, 0);
        // Defaults are evaluated in the enclosing scope and passed in.
        let pos: Vec<&Expr> = p.posonlyargs.iter().chain(&p.args).filter_map(|a| a.default.as_deref()).collect();
        if !pos.is_empty() {
            self.sequence_build(&pos, Opcode::BuildTuple)?;
        }
        if has_kwdefaults {
            let mut n = 0;
            for a in &p.kwonlyargs {
                if let Some(d) = &a.default {
                    let m = self.mangle(a.parameter.name.id.as_str());
                    self.load_const(Constant::str(&m));
                    self.expr(d)?;
                    n += 1;
                }
            }
            self.emit(Opcode::BuildMap, n);
        }
        self.set_loc(f.range);
        self.emit(Opcode::Call, nargs);
        Ok(())
    }

    pub(crate) fn generic_class(&mut self, c: &'a ast::StmtClassDef) -> CResult {
        let tp = c.type_params.as_deref().ok_or_else(|| self.error_at("internal error", c.range))?;
        self.enter_type_params_unit(ScopeKey::of(c, Tag::TypeParams), c.name.id.as_str(), c.range)?;
        self.type_params(tp)?;
        self.nameop(".type_params", NameCtx::Store);
        self.emit(Opcode::LoadBuildClass, 0);
        self.emit(Opcode::PushNull, 0);
        self.class_body(c)?;
        self.load_const(Constant::str(c.name.id.as_str()));
        // Bases, then `Generic[*params]` as an extra last base.
        let empty = ast::Arguments {
            range: c.range,
            node_index: ast::AtomicNodeIndex::default(),
            args: Box::new([]),
            keywords: Default::default(),
        };
        let _ = &empty;
        let args = c.arguments.as_deref();
        let has_unpack = args.is_some_and(|a| a.args.iter().any(|x| matches!(x, Expr::Starred(_))) || a.keywords.iter().any(|k| k.arg.is_none()));
        if has_unpack {
            return Err(self.error_at("generic classes with * or ** base arguments are not supported yet", c.range));
        }
        let mut argc = 2u32;
        if let Some(a) = args {
            for b in &a.args {
                self.expr(b)?;
                argc += 1;
            }
        }
        self.nameop(".type_params", NameCtx::Load);
        self.emit(Opcode::CallIntrinsic1, Intrinsic1::SubscriptGeneric as u32);
        self.nameop(".generic_base", NameCtx::Store);
        self.nameop(".generic_base", NameCtx::Load);
        argc += 1;
        let kws: Vec<&'a ast::Keyword> = args.map(|a| a.keywords.iter().collect()).unwrap_or_default();
        for k in &kws {
            self.expr(&k.value)?;
        }
        self.set_loc(c.range);
        if kws.is_empty() {
            self.emit(Opcode::Call, argc);
        } else {
            let names: Vec<Constant> = kws.iter().filter_map(|k| k.arg.as_ref()).map(|a| Constant::str(a.id.as_str())).collect();
            self.load_const(Constant::Tuple(names.into()));
            self.emit(Opcode::CallKw, argc + u32::try_from(kws.len()).unwrap_or(0));
        }
        self.emit(Opcode::ReturnValue, 0);
        let code = self.finish_unit()?;
        self.set_loc(c.range);
        self.make_closure(code, 0);
        self.emit(Opcode::PushNull, 0);
        self.emit(Opcode::Call, 0);
        Ok(())
    }

    pub(crate) fn type_alias(&mut self, t: &'a ast::StmtTypeAlias) -> CResult {
        let Expr::Name(name) = &*t.name else {
            return Err(self.error_at("invalid syntax", t.name.range()));
        };
        let n = name.id.as_str();
        if let Some(tp) = &t.type_params {
            self.enter_type_params_unit(ScopeKey::of(t, Tag::TypeParams), n, t.range)?;
            self.load_const(Constant::str(n));
            self.type_params(tp)?;
        } else {
            self.load_const(Constant::str(n));
            self.load_const(Constant::None);
        }
        self.lazy_value(ScopeKey::of(t, Tag::TypeAliasValue), n, &t.value, t.range)?;
        self.emit(Opcode::BuildTuple, 3);
        self.emit(Opcode::CallIntrinsic1, Intrinsic1::TypeAlias as u32);
        if t.type_params.is_some() {
            self.emit(Opcode::ReturnValue, 0);
            let code = self.finish_unit()?;
            self.set_loc(t.range);
            self.make_closure(code, 0);
            self.emit(Opcode::PushNull, 0);
            self.emit(Opcode::Call, 0);
        }
        self.set_loc(t.range);
        self.nameop(n, NameCtx::Store);
        let _ = CodeFlags::OPTIMIZED;
        Ok(())
    }
}

