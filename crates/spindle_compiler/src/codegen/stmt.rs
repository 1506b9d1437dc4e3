//! Statement code generation: assignments, control flow (if/while/for, break,
//! continue, return), exception handling (try/except/except*/finally, raise),
//! `with`/`async with`, imports, `global`/`nonlocal`, `del`, `assert`, and
//! function/class definitions (delegating the scope work to `mod.rs`/`typing.rs`).

use spindle_bytecode::{BinaryOp, CodeFlags, CommonConstant, Constant, Intrinsic1, Intrinsic2, Opcode, SpecialMethod};
use spindle_parser::ast::{self, Expr, Stmt};
use spindle_parser::{Ranged, TextRange};

use super::{CResult, Compiler, FBlockKind, NameCtx, Op};
use crate::symtable::ScopeKind;

impl<'a> Compiler<'a> {
    pub(crate) fn body(&mut self, body: &'a [Stmt]) -> CResult {
        for s in body {
            self.stmt(s)?;
        }
        Ok(())
    }

    #[allow(clippy::too_many_lines)]
    pub(crate) fn stmt(&mut self, s: &'a Stmt) -> CResult {
        self.set_loc(s.range());
        match s {
            Stmt::FunctionDef(f) => self.function_def(f),
            Stmt::ClassDef(c) => self.class_def(c),
            Stmt::Return(r) => self.return_stmt(r),
            Stmt::Delete(d) => {
                for t in &d.targets {
                    self.delete_target(t)?;
                }
                Ok(())
            }
            Stmt::TypeAlias(t) => self.type_alias(t),
            Stmt::Assign(a) => {
                self.expr(&a.value)?;
                let n = a.targets.len();
                for (i, t) in a.targets.iter().enumerate() {
                    if i + 1 < n {
                        self.emit(Opcode::Copy, 1);
                    }
                    self.assign_target(t)?;
                }
                Ok(())
            }
            Stmt::AugAssign(a) => self.aug_assign(a),
            Stmt::AnnAssign(a) => self.ann_assign(a),
            Stmt::For(f) => {
                if f.is_async {
                    self.async_for(f)
                } else {
                    self.for_loop(f)
                }
            }
            Stmt::While(w) => self.while_loop(w),
            Stmt::If(i) => self.if_stmt(i),
            Stmt::With(w) => {
                if w.is_async {
                    self.check_async("'async with' outside async function", w.range)?;
                }
                self.with_stmt(w, 0)
            }
            Stmt::Match(m) => self.match_stmt(m),
            Stmt::Raise(r) => {
                let mut n = 0;
                if let Some(e) = &r.exc {
                    self.expr(e)?;
                    n = 1;
                    if let Some(c) = &r.cause {
                        self.expr(c)?;
                        n = 2;
                    }
                }
                self.set_loc(r.range);
                self.emit(Opcode::RaiseVarargs, n);
                Ok(())
            }
            Stmt::Try(t) => {
                // Like CPython, the `try:` line gets an instruction of its own.
                self.emit(Opcode::Nop, 0);
                if t.is_star {
                    if t.finalbody.is_empty() {
                        self.try_star_except(t)
                    } else {
                        self.try_finally(t)
                    }
                } else if t.finalbody.is_empty() {
                    self.try_except(t)
                } else {
                    self.try_finally(t)
                }
            }
            Stmt::Assert(a) => self.assert_stmt(a),
            Stmt::Import(i) => self.import(i),
            Stmt::ImportFrom(i) => self.import_from(i),
            Stmt::Global(_) | Stmt::Nonlocal(_) | Stmt::IpyEscapeCommand(_) => Ok(()),
            Stmt::Expr(e) => {
                if self.interactive && self.units.len() == 1 {
                    self.expr(&e.value)?;
                    self.emit(Opcode::CallIntrinsic1, Intrinsic1::Print as u32);
                    self.emit(Opcode::PopTop, 0);
                    return Ok(());
                }
                if crate::fold::is_constant_expr(&e.value) {
                    // A constant expression statement has no effect.
                    self.emit(Opcode::Nop, 0);
                    return Ok(());
                }
                self.expr(&e.value)?;
                self.emit(Opcode::PopTop, 0);
                Ok(())
            }
            Stmt::Pass(_) => {
                self.emit(Opcode::Nop, 0);
                Ok(())
            }
            Stmt::Break(b) => self.break_stmt(b.range),
            Stmt::Continue(c) => self.continue_stmt(c.range),
        }
    }

    pub(crate) fn check_async(&self, msg: &str, range: TextRange) -> CResult {
        let u = self.unit_ref();
        let ok = u.flags & (CodeFlags::COROUTINE | CodeFlags::ASYNC_GENERATOR) != 0
            || (u.kind == ScopeKind::Comprehension && self.table.scopes[u.scope].is_coroutine);
        if ok { Ok(()) } else { Err(self.error_at(msg, range)) }
    }

    // ----- assignment ----------------------------------------------------------------

    pub(crate) fn assign_target(&mut self, t: &'a Expr) -> CResult {
        match t {
            Expr::Name(n) => {
                self.set_loc(n.range);
                self.nameop(n.id.as_str(), NameCtx::Store);
            }
            Expr::Attribute(a) => {
                self.expr(&a.value)?;
                self.set_loc(a.range);
                self.record_static_attribute(&a.value, a.attr.id.as_str());
                let name = self.mangle(a.attr.id.as_str());
                let i = self.add_name(&name);
                self.emit(Opcode::StoreAttr, i);
            }
            Expr::Subscript(s) => {
                if let Expr::Slice(sl) = &*s.slice
                    && sl.step.is_none()
                {
                    self.expr(&s.value)?;
                    self.slice_bound(sl.lower.as_deref())?;
                    self.slice_bound(sl.upper.as_deref())?;
                    self.set_loc(s.range);
                    self.emit(Opcode::StoreSlice, 0);
                } else {
                    self.expr(&s.value)?;
                    self.expr(&s.slice)?;
                    self.set_loc(s.range);
                    self.emit(Opcode::StoreSubscr, 0);
                }
            }
            Expr::Tuple(t) => self.unpack_targets(&t.elts, t.range)?,
            Expr::List(t) => self.unpack_targets(&t.elts, t.range)?,
            Expr::Starred(s) => {
                return Err(self.error_at("starred assignment target must be in a list or tuple", s.range));
            }
            other => return Err(self.error_at("cannot assign to expression", other.range())),
        }
        Ok(())
    }

    fn record_static_attribute(&mut self, value: &Expr, attr: &str) {
        let Expr::Name(n) = value else { return };
        let len = self.units.len();
        let Some(self_name) = self.units[len - 1].self_name.clone() else { return };
        if n.id.as_str() != self_name {
            return;
        }
        for u in self.units.iter_mut().rev() {
            if u.kind == ScopeKind::Class {
                u.static_attributes.insert(attr.to_owned());
                break;
            }
        }
    }

    fn unpack_targets(&mut self, elts: &'a [Expr], range: TextRange) -> CResult {
        let star = elts.iter().position(|e| matches!(e, Expr::Starred(_)));
        if let Some(si) = star {
            if elts.iter().filter(|e| matches!(e, Expr::Starred(_))).count() > 1 {
                return Err(self.error_at("multiple starred expressions in assignment", range));
            }
            let after = elts.len() - si - 1;
            if si >= 256 || after >= (1 << 24) {
                return Err(self.error_at("too many expressions in star-unpacking assignment", range));
            }
            self.set_loc(range);
            self.emit(Opcode::UnpackEx, u32::try_from(si | (after << 8)).unwrap_or(0));
        } else {
            self.set_loc(range);
            self.emit(Opcode::UnpackSequence, u32::try_from(elts.len()).unwrap_or(0));
        }
        for e in elts {
            match e {
                Expr::Starred(s) => self.assign_target(&s.value)?,
                other => self.assign_target(other)?,
            }
        }
        Ok(())
    }

    fn delete_target(&mut self, t: &'a Expr) -> CResult {
        match t {
            Expr::Name(n) => {
                self.set_loc(n.range);
                self.nameop(n.id.as_str(), NameCtx::Del);
            }
            Expr::Attribute(a) => {
                self.expr(&a.value)?;
                self.set_loc(a.range);
                let name = self.mangle(a.attr.id.as_str());
                let i = self.add_name(&name);
                self.emit(Opcode::DeleteAttr, i);
            }
            Expr::Subscript(s) => {
                self.expr(&s.value)?;
                self.expr(&s.slice)?;
                self.set_loc(s.range);
                self.emit(Opcode::DeleteSubscr, 0);
            }
            Expr::Tuple(t) => {
                for e in &t.elts {
                    self.delete_target(e)?;
                }
            }
            Expr::List(t) => {
                for e in &t.elts {
                    self.delete_target(e)?;
                }
            }
            other => return Err(self.error_at("cannot delete expression", other.range())),
        }
        Ok(())
    }

    fn aug_assign(&mut self, a: &'a ast::StmtAugAssign) -> CResult {
        let op = super::expr::binary_op(a.op).inplace();
        match &*a.target {
            Expr::Name(n) => {
                self.set_loc(n.range);
                self.nameop(n.id.as_str(), NameCtx::Load);
                self.expr(&a.value)?;
                self.set_loc(a.range);
                self.emit(Opcode::BinaryOp, op as u32);
                self.set_loc(n.range);
                self.nameop(n.id.as_str(), NameCtx::Store);
            }
            Expr::Attribute(at) => {
                self.expr(&at.value)?;
                self.emit(Opcode::Copy, 1);
                let name = self.mangle(at.attr.id.as_str());
                let i = self.add_name(&name);
                self.set_loc(at.range);
                self.emit(Opcode::LoadAttr, i << 1);
                self.expr(&a.value)?;
                self.set_loc(a.range);
                self.emit(Opcode::BinaryOp, op as u32);
                self.emit(Opcode::Swap, 2);
                self.set_loc(at.range);
                self.emit(Opcode::StoreAttr, i);
            }
            Expr::Subscript(s) => {
                self.expr(&s.value)?;
                self.expr(&s.slice)?;
                self.emit(Opcode::Copy, 2);
                self.emit(Opcode::Copy, 2);
                self.set_loc(s.range);
                self.emit(Opcode::BinaryOp, BinaryOp::Subscr as u32);
                self.expr(&a.value)?;
                self.set_loc(a.range);
                self.emit(Opcode::BinaryOp, op as u32);
                self.emit(Opcode::Swap, 3);
                self.emit(Opcode::Swap, 2);
                self.set_loc(s.range);
                self.emit(Opcode::StoreSubscr, 0);
            }
            other => return Err(self.error_at("'expression' is an illegal expression for augmented assignment", other.range())),
        }
        Ok(())
    }

    fn ann_assign(&mut self, a: &'a ast::StmtAnnAssign) -> CResult {
        if let Some(v) = &a.value {
            self.expr(v)?;
            self.assign_target(&a.target)?;
        }
        let kind = self.unit_ref().kind;
        match &*a.target {
            Expr::Name(_) if a.simple => {
                if kind == ScopeKind::Module && !self.future_annotations {
                    // Record that this annotation executed.
                    let idx = self.ann_counter;
                    self.ann_counter += 1;
                    self.set_loc(a.range);
                    self.nameop("__conditional_annotations__", NameCtx::Load);
                    self.load_const(Constant::Int(i64::from(idx)));
                    self.emit(Opcode::SetAdd, 1);
                    self.emit(Opcode::PopTop, 0);
                } else if kind == ScopeKind::Module || kind == ScopeKind::Class {
                    if self.future_annotations {
                        self.future_annotation_store(a)?;
                    }
                }
            }
            Expr::Attribute(at) if a.value.is_none() => {
                self.expr(&at.value)?;
                self.emit(Opcode::PopTop, 0);
            }
            Expr::Subscript(s) if a.value.is_none() => {
                self.expr(&s.value)?;
                self.emit(Opcode::PopTop, 0);
                self.expr(&s.slice)?;
                self.emit(Opcode::PopTop, 0);
            }
            _ => {}
        }
        Ok(())
    }

    /// Under `from __future__ import annotations`, module/class annotations are
    /// stored eagerly as strings into `__annotations__`.
    fn future_annotation_store(&mut self, a: &'a ast::StmtAnnAssign) -> CResult {
        let Expr::Name(n) = &*a.target else { return Ok(()) };
        let text = self.source.get(a.annotation.range().start().to_usize()..a.annotation.range().end().to_usize()).unwrap_or("");
        self.load_const(Constant::str(text));
        self.nameop("__annotations__", NameCtx::Load);
        let name = self.mangle(n.id.as_str());
        self.load_const(Constant::str(&name));
        self.emit(Opcode::StoreSubscr, 0);
        Ok(())
    }

    // ----- control flow -------------------------------------------------------------

    fn if_stmt(&mut self, i: &'a ast::StmtIf) -> CResult {
        let end = self.new_label();
        let mut clauses: Vec<(Option<&'a Expr>, &'a [Stmt])> = vec![(Some(&*i.test), &i.body)];
        for c in &i.elif_else_clauses {
            clauses.push((c.test.as_ref(), &c.body));
        }
        let n = clauses.len();
        for (k, (test, body)) in clauses.into_iter().enumerate() {
            match test {
                Some(t) => {
                    match crate::fold::constant_truth(t) {
                        Some(true) => {
                            // `if 1:` — the rest is dead.
                            self.body(body)?;
                            for c in i.elif_else_clauses.iter().skip(k) {
                                self.warn_dead_code(&c.body);
                            }
                            break;
                        }
                        Some(false) => {
                            self.warn_dead_code(body);
                            continue;
                        }
                        None => {}
                    }
                    let next = self.new_label();
                    self.jump_if(t, false, next)?;
                    self.body(body)?;
                    if k + 1 < n {
                        self.jump(end);
                    }
                    self.bind(next);
                }
                None => self.body(body)?,
            }
        }
        self.bind(end);
        Ok(())
    }

    fn while_loop(&mut self, w: &'a ast::StmtWhile) -> CResult {
        let start = self.new_label();
        let anchor = self.new_label();
        let end = self.new_label();
        let truth = crate::fold::constant_truth(&w.test);
        if truth == Some(false) {
            self.warn_dead_code(&w.body);
            return self.body(&w.orelse);
        }
        self.bind(start);
        self.push_fblock(FBlockKind::WhileLoop, Some(start), Some(end), w.range)?;
        if truth.is_none() {
            self.jump_if(&w.test, false, anchor)?;
        }
        self.body(&w.body)?;
        self.set_loc(w.test.range());
        self.jump(start);
        self.pop_fblock();
        self.bind(anchor);
        self.body(&w.orelse)?;
        self.bind(end);
        Ok(())
    }

    fn for_loop(&mut self, f: &'a ast::StmtFor) -> CResult {
        let start = self.new_label();
        let cleanup = self.new_label();
        let end = self.new_label();
        self.expr(&f.iter)?;
        self.set_loc(f.iter.range());
        self.emit(Opcode::GetIter, 0);
        self.bind(start);
        self.push_fblock(FBlockKind::ForLoop, Some(start), Some(end), f.range)?;
        self.emit_jump(Opcode::ForIter, cleanup);
        self.assign_target(&f.target)?;
        self.body(&f.body)?;
        self.set_loc(f.iter.range());
        self.jump(start);
        self.pop_fblock();
        self.bind(cleanup);
        self.set_loc(f.iter.range());
        self.emit(Opcode::PopIter, 0);
        self.body(&f.orelse)?;
        self.bind(end);
        Ok(())
    }

    fn async_for(&mut self, f: &'a ast::StmtFor) -> CResult {
        self.check_async("'async for' outside async function", f.range)?;
        let start = self.new_label();
        let except = self.new_label();
        let end = self.new_label();
        self.expr(&f.iter)?;
        self.set_loc(f.iter.range());
        self.emit(Opcode::GetAiter, 0);
        self.bind(start);
        self.push_fblock(FBlockKind::AsyncForLoop, Some(start), Some(end), f.range)?;
        self.emit_pseudo(Op::SetupFinally, Some(except));
        self.emit(Opcode::GetAnext, 0);
        self.load_const(Constant::None);
        self.yield_from_loop(true)?;
        self.emit_pseudo(Op::PopBlock, None);
        self.assign_target(&f.target)?;
        self.body(&f.body)?;
        self.set_loc(f.iter.range());
        self.jump(start);
        self.pop_fblock();
        self.bind(except);
        self.set_loc(f.iter.range());
        self.emit(Opcode::EndAsyncFor, 0);
        self.body(&f.orelse)?;
        self.bind(end);
        Ok(())
    }

    /// The `SEND` loop of `await` / `yield from`: `(receiver, value -- result)`.
    pub(crate) fn yield_from_loop(&mut self, is_await: bool) -> CResult {
        let send = self.new_label();
        let fail = self.new_label();
        let exit = self.new_label();
        self.bind(send);
        self.emit_jump(Opcode::Send, exit);
        self.emit_pseudo(Op::SetupFinally, Some(fail));
        self.emit(Opcode::YieldValue, 1);
        self.emit_pseudo(Op::PopBlock, None);
        self.emit(Opcode::Resume, if is_await { 3 } else { 2 });
        self.emit_pseudo(Op::JumpNoInterrupt, Some(send));
        self.bind(fail);
        self.emit(Opcode::CleanupThrow, 0);
        self.bind(exit);
        self.emit(Opcode::EndSend, 0);
        Ok(())
    }

    fn return_stmt(&mut self, r: &'a ast::StmtReturn) -> CResult {
        let u = self.unit_ref();
        if !u.kind.is_function_like() {
            return Err(self.error_at("'return' outside function", r.range));
        }
        if r.value.is_some() && u.flags & CodeFlags::ASYNC_GENERATOR != 0 {
            return Err(self.error_at("'return' with value in async generator", r.range));
        }
        if self.unit_ref().fblocks.iter().any(|b| matches!(b.kind, FBlockKind::FinallyEnd)) {
            self.warn(r.range, "'return' in a 'finally' block".to_owned(), true);
        }
        let value = r.value.as_deref();
        let constant = value.and_then(|v| crate::fold::constant_in(v, self.source));
        match (value, constant) {
            (None, _) => {
                self.unwind_all(false)?;
                self.set_loc(r.range);
                self.return_none();
            }
            (Some(_), Some(c)) => {
                self.unwind_all(false)?;
                self.set_loc(r.range);
                self.load_const(c);
                self.emit(Opcode::ReturnValue, 0);
            }
            (Some(v), None) => {
                self.expr(v)?;
                self.unwind_all(true)?;
                self.set_loc(r.range);
                self.emit(Opcode::ReturnValue, 0);
            }
        }
        Ok(())
    }

    fn unwind_all(&mut self, preserve_tos: bool) -> CResult {
        let blocks = self.unit_ref().fblocks.clone();
        for (i, b) in blocks.iter().enumerate().rev() {
            self.unwind_fblock(i, *b, preserve_tos)?;
        }
        Ok(())
    }

    fn innermost_loop(&self) -> Option<usize> {
        self.unit_ref().fblocks.iter().rposition(|b| {
            matches!(b.kind, FBlockKind::WhileLoop | FBlockKind::ForLoop | FBlockKind::AsyncForLoop)
        })
    }

    fn break_stmt(&mut self, range: TextRange) -> CResult {
        let Some(li) = self.innermost_loop() else {
            return Err(self.error_at("'break' outside loop", range));
        };
        let blocks = self.unit_ref().fblocks.clone();
        if blocks[li + 1..].iter().any(|b| matches!(b.kind, FBlockKind::FinallyEnd)) {
            self.warn(range, "'break' in a 'finally' block".to_owned(), true);
        }
        for i in (li + 1..blocks.len()).rev() {
            self.unwind_fblock(i, blocks[i], false)?;
        }
        self.unwind_fblock(li, blocks[li], false)?;
        self.set_loc(range);
        if let Some(exit) = blocks[li].exit {
            self.jump(exit);
        }
        Ok(())
    }

    fn continue_stmt(&mut self, range: TextRange) -> CResult {
        let Some(li) = self.innermost_loop() else {
            return Err(self.error_at("'continue' not properly in loop", range));
        };
        let blocks = self.unit_ref().fblocks.clone();
        if blocks[li + 1..].iter().any(|b| matches!(b.kind, FBlockKind::FinallyEnd)) {
            self.warn(range, "'continue' in a 'finally' block".to_owned(), true);
        }
        for i in (li + 1..blocks.len()).rev() {
            self.unwind_fblock(i, blocks[i], false)?;
        }
        self.set_loc(range);
        if let Some(start) = blocks[li].start {
            self.jump(start);
        }
        Ok(())
    }

    /// Emits the code that leaves fblock `index` early (CPython's
    /// `compiler_unwind_fblock`). The fblock stack is temporarily truncated so
    /// a `finally` body copy sees only the enclosing blocks.
    fn unwind_fblock(&mut self, index: usize, b: super::FBlock<'a>, preserve_tos: bool) -> CResult {
        let saved_loc = self.unit_ref().loc;
        match b.kind {
            FBlockKind::WhileLoop
            | FBlockKind::ExceptionHandler
            | FBlockKind::ExceptionGroupHandler
            | FBlockKind::AsyncComprehensionGenerator => {}
            FBlockKind::ForLoop => {
                if preserve_tos {
                    self.emit(Opcode::Swap, 2);
                }
                self.emit(Opcode::PopIter, 0);
            }
            FBlockKind::AsyncForLoop => {
                if preserve_tos {
                    self.emit(Opcode::Swap, 2);
                }
                self.emit(Opcode::PopTop, 0);
            }
            FBlockKind::TryExcept => self.emit_pseudo(Op::PopBlock, None),
            FBlockKind::FinallyTry(body) => {
                self.emit_pseudo(Op::PopBlock, None);
                let saved: Vec<_> = self.unit().fblocks.drain(index..).collect();
                if preserve_tos {
                    self.push_fblock(FBlockKind::PopValue, None, None, TextRange::default())?;
                }
                self.body(body)?;
                if preserve_tos {
                    self.pop_fblock();
                }
                self.unit().fblocks.extend(saved);
            }
            FBlockKind::FinallyEnd => {
                if preserve_tos {
                    self.emit(Opcode::Swap, 2);
                }
                self.emit(Opcode::PopTop, 0);
                if preserve_tos {
                    self.emit(Opcode::Swap, 2);
                }
                self.emit_pseudo(Op::PopBlock, None);
                self.emit(Opcode::PopExcept, 0);
            }
            FBlockKind::With | FBlockKind::AsyncWith => {
                self.unit().loc = b.loc;
                self.emit_pseudo(Op::PopBlock, None);
                if preserve_tos {
                    self.emit(Opcode::Swap, 3);
                    self.emit(Opcode::Swap, 2);
                }
                self.call_exit_with_nones();
                if matches!(b.kind, FBlockKind::AsyncWith) {
                    self.emit(Opcode::GetAwaitable, 2);
                    self.load_const(Constant::None);
                    self.yield_from_loop(true)?;
                }
                self.emit(Opcode::PopTop, 0);
            }
            FBlockKind::HandlerCleanup(name) => {
                if name.is_some() {
                    self.emit_pseudo(Op::PopBlock, None);
                }
                if preserve_tos {
                    self.emit(Opcode::Swap, 2);
                }
                self.emit_pseudo(Op::PopBlock, None);
                self.emit(Opcode::PopExcept, 0);
                if let Some(n) = name {
                    self.load_const(Constant::None);
                    self.nameop(n, NameCtx::Store);
                    self.nameop(n, NameCtx::Del);
                }
            }
            FBlockKind::PopValue => {
                if preserve_tos {
                    self.emit(Opcode::Swap, 2);
                }
                self.emit(Opcode::PopTop, 0);
            }
        }
        self.unit().loc = saved_loc;
        Ok(())
    }

    pub(crate) fn call_exit_with_nones(&mut self) {
        self.load_const(Constant::None);
        self.load_const(Constant::None);
        self.load_const(Constant::None);
        self.emit(Opcode::Call, 3);
    }

    // ----- exceptions ----------------------------------------------------------------

    /// `[prev_exc, lasti, exc] -> reraise` after restoring `prev_exc`.
    fn pop_except_and_reraise(&mut self) {
        self.emit(Opcode::Copy, 3);
        self.emit(Opcode::PopExcept, 0);
        self.emit(Opcode::Reraise, 1);
    }

    fn try_except(&mut self, t: &'a ast::StmtTry) -> CResult {
        let body = self.new_label();
        let except = self.new_label();
        let end = self.new_label();
        let cleanup = self.new_label();
        self.emit_pseudo(Op::SetupFinally, Some(except));
        self.bind(body);
        self.push_fblock(FBlockKind::TryExcept, Some(body), None, t.range)?;
        self.body(&t.body)?;
        self.pop_fblock();
        self.unit().loc = spindle_bytecode::Position::default();
        self.emit_pseudo(Op::PopBlock, None);
        self.body(&t.orelse)?;
        self.jump(end);

        self.bind(except);
        self.unit().loc = spindle_bytecode::Position::default();
        self.emit_pseudo(Op::SetupCleanup, Some(cleanup));
        self.emit(Opcode::PushExcInfo, 0);
        self.push_fblock(FBlockKind::ExceptionHandler, None, None, t.range)?;
        let n = t.handlers.len();
        for (i, h) in t.handlers.iter().enumerate() {
            let ast::ExceptHandler::ExceptHandler(h) = h;
            self.set_loc(h.range);
            if h.type_.is_none() && i + 1 < n {
                return Err(self.error_at("default 'except:' must be last", h.range));
            }
            let next = self.new_label();
            if let Some(ty) = &h.type_ {
                self.expr(ty)?;
                self.set_loc(h.range);
                self.emit(Opcode::CheckExcMatch, 0);
                self.emit_jump(Opcode::PopJumpIfFalse, next);
            }
            if let Some(name) = &h.name {
                let cleanup_end = self.new_label();
                let cleanup_body = self.new_label();
                self.nameop(name.id.as_str(), NameCtx::Store);
                self.emit_pseudo(Op::SetupCleanup, Some(cleanup_end));
                self.bind(cleanup_body);
                self.push_fblock(FBlockKind::HandlerCleanup(Some(name.id.as_str())), Some(cleanup_body), None, h.range)?;
                self.body(&h.body)?;
                self.pop_fblock();
                self.unit().loc = spindle_bytecode::Position::default();
                self.emit_pseudo(Op::PopBlock, None);
                self.emit_pseudo(Op::PopBlock, None);
                self.emit(Opcode::PopExcept, 0);
                self.load_const(Constant::None);
                self.nameop(name.id.as_str(), NameCtx::Store);
                self.nameop(name.id.as_str(), NameCtx::Del);
                self.jump(end);
                self.bind(cleanup_end);
                self.load_const(Constant::None);
                self.nameop(name.id.as_str(), NameCtx::Store);
                self.nameop(name.id.as_str(), NameCtx::Del);
                self.emit(Opcode::Reraise, 1);
            } else {
                let cleanup_body = self.new_label();
                self.emit(Opcode::PopTop, 0);
                self.bind(cleanup_body);
                self.push_fblock(FBlockKind::HandlerCleanup(None), Some(cleanup_body), None, h.range)?;
                self.body(&h.body)?;
                self.pop_fblock();
                self.unit().loc = spindle_bytecode::Position::default();
                self.emit_pseudo(Op::PopBlock, None);
                self.emit(Opcode::PopExcept, 0);
                self.jump(end);
            }
            self.bind(next);
        }
        self.pop_fblock();
        self.unit().loc = spindle_bytecode::Position::default();
        self.emit(Opcode::Reraise, 0);
        self.bind(cleanup);
        self.pop_except_and_reraise();
        self.bind(end);
        Ok(())
    }

    fn try_finally(&mut self, t: &'a ast::StmtTry) -> CResult {
        let body = self.new_label();
        let end = self.new_label();
        let exit = self.new_label();
        let cleanup = self.new_label();
        self.emit_pseudo(Op::SetupFinally, Some(end));
        self.bind(body);
        self.push_fblock(FBlockKind::FinallyTry(&t.finalbody), Some(body), Some(end), t.range)?;
        if t.handlers.is_empty() {
            self.body(&t.body)?;
        } else if t.is_star {
            self.try_star_except(t)?;
        } else {
            self.try_except(t)?;
        }
        self.unit().loc = spindle_bytecode::Position::default();
        self.emit_pseudo(Op::PopBlock, None);
        self.pop_fblock();
        self.body(&t.finalbody)?;
        self.emit_pseudo(Op::JumpNoInterrupt, Some(exit));

        self.bind(end);
        self.unit().loc = spindle_bytecode::Position::default();
        self.emit_pseudo(Op::SetupCleanup, Some(cleanup));
        self.emit(Opcode::PushExcInfo, 0);
        self.push_fblock(FBlockKind::FinallyEnd, Some(end), None, t.range)?;
        self.body(&t.finalbody)?;
        self.pop_fblock();
        self.unit().loc = spindle_bytecode::Position::default();
        self.emit(Opcode::Reraise, 0);
        self.bind(cleanup);
        self.pop_except_and_reraise();
        self.bind(exit);
        Ok(())
    }

    /// `try: ... except* T as e: ...` following CPython's `codegen_try_star_except`.
    #[allow(clippy::too_many_lines)]
    fn try_star_except(&mut self, t: &'a ast::StmtTry) -> CResult {
        let body = self.new_label();
        let except = self.new_label();
        let orelse = self.new_label();
        let end = self.new_label();
        let cleanup = self.new_label();
        let reraise_star = self.new_label();
        self.emit_pseudo(Op::SetupFinally, Some(except));
        self.bind(body);
        self.push_fblock(FBlockKind::TryExcept, Some(body), None, t.range)?;
        self.body(&t.body)?;
        self.pop_fblock();
        self.unit().loc = spindle_bytecode::Position::default();
        self.emit_pseudo(Op::PopBlock, None);
        self.jump(orelse);

        self.bind(except);
        self.unit().loc = spindle_bytecode::Position::default();
        self.emit_pseudo(Op::SetupCleanup, Some(cleanup));
        self.emit(Opcode::PushExcInfo, 0);
        self.push_fblock(FBlockKind::ExceptionGroupHandler, None, None, t.range)?;
        let n = t.handlers.len();
        for (i, h) in t.handlers.iter().enumerate() {
            let ast::ExceptHandler::ExceptHandler(h) = h;
            self.set_loc(h.range);
            let next_except = self.new_label();
            let except_with_error = self.new_label();
            let no_match = self.new_label();
            if i == 0 {
                // [prev, orig] -> [prev, orig, [], orig]: the list collects what
                // the handlers raise; the copy is what is left to match.
                self.emit(Opcode::BuildList, 0);
                self.emit(Opcode::Copy, 2);
            }
            let Some(ty) = &h.type_ else {
                return Err(self.error_at("expected one or more exception types", h.range));
            };
            self.expr(ty)?;
            self.set_loc(h.range);
            self.emit(Opcode::CheckEgMatch, 0);
            self.emit(Opcode::Copy, 1);
            self.emit_jump(Opcode::PopJumpIfNone, no_match);
            let cleanup_end = self.new_label();
            let cleanup_body = self.new_label();
            let hname = h.name.as_ref().map(|n| n.id.as_str());
            match hname {
                Some(name) => self.nameop(name, NameCtx::Store),
                None => self.emit(Opcode::PopTop, 0),
            }
            self.emit_pseudo(Op::SetupCleanup, Some(cleanup_end));
            self.bind(cleanup_body);
            self.push_fblock(FBlockKind::HandlerCleanup(hname), Some(cleanup_body), None, h.range)?;
            self.body(&h.body)?;
            self.pop_fblock();
            self.unit().loc = spindle_bytecode::Position::default();
            self.emit_pseudo(Op::PopBlock, None);
            if let Some(name) = hname {
                self.load_const(Constant::None);
                self.nameop(name, NameCtx::Store);
                self.nameop(name, NameCtx::Del);
            }
            self.jump(next_except);
            self.bind(cleanup_end);
            if let Some(name) = hname {
                self.load_const(Constant::None);
                self.nameop(name, NameCtx::Store);
                self.nameop(name, NameCtx::Del);
            }
            // [prev, orig, list, rest, lasti, exc]: record the raised exception.
            self.emit(Opcode::ListAppend, 3);
            self.emit(Opcode::PopTop, 0);
            self.jump(except_with_error);
            self.bind(next_except);
            self.emit(Opcode::Nop, 0);
            self.jump(except_with_error);
            self.bind(no_match);
            self.set_loc(h.range);
            self.emit(Opcode::PopTop, 0);
            self.bind(except_with_error);
            if i + 1 == n {
                self.unit().loc = spindle_bytecode::Position::default();
                self.emit(Opcode::ListAppend, 1);
                self.jump(reraise_star);
            }
        }
        self.pop_fblock();
        let reraise = self.new_label();
        self.bind(reraise_star);
        self.emit(Opcode::CallIntrinsic2, Intrinsic2::PrepReraiseStar as u32);
        self.emit(Opcode::Copy, 1);
        self.emit_jump(Opcode::PopJumpIfNotNone, reraise);
        self.emit(Opcode::PopTop, 0);
        self.emit_pseudo(Op::PopBlock, None);
        self.emit(Opcode::PopExcept, 0);
        self.jump(end);
        self.bind(reraise);
        self.emit_pseudo(Op::PopBlock, None);
        self.emit(Opcode::Swap, 2);
        self.emit(Opcode::PopExcept, 0);
        self.emit(Opcode::Reraise, 0);
        self.bind(cleanup);
        self.pop_except_and_reraise();
        self.bind(orelse);
        self.body(&t.orelse)?;
        self.bind(end);
        Ok(())
    }

    fn with_stmt(&mut self, w: &'a ast::StmtWith, item_index: usize) -> CResult {
        let Some(item) = w.items.get(item_index) else { return self.body(&w.body) };
        let is_async = w.is_async;
        let block = self.new_label();
        let final_label = self.new_label();
        let exit = self.new_label();
        let cleanup = self.new_label();
        self.expr(&item.context_expr)?;
        self.set_loc(item.context_expr.range());
        self.emit(Opcode::Copy, 1);
        let (enter, exit_m) = if is_async { (SpecialMethod::Aenter, SpecialMethod::Aexit) } else { (SpecialMethod::Enter, SpecialMethod::Exit) };
        self.emit(Opcode::LoadSpecial, exit_m as u32);
        self.emit(Opcode::Swap, 2);
        self.emit(Opcode::Swap, 3);
        self.emit(Opcode::LoadSpecial, enter as u32);
        self.emit(Opcode::Call, 0);
        if is_async {
            self.emit(Opcode::GetAwaitable, 1);
            self.load_const(Constant::None);
            self.yield_from_loop(true)?;
        }
        self.emit_pseudo(Op::SetupWith, Some(final_label));
        self.bind(block);
        self.push_fblock(if is_async { FBlockKind::AsyncWith } else { FBlockKind::With }, Some(block), Some(final_label), w.range)?;
        match &item.optional_vars {
            Some(v) => self.assign_target(v)?,
            None => self.emit(Opcode::PopTop, 0),
        }
        self.with_stmt(w, item_index + 1)?;
        self.pop_fblock();
        self.set_loc(w.range);
        self.emit_pseudo(Op::PopBlock, None);
        self.call_exit_with_nones();
        if is_async {
            self.emit(Opcode::GetAwaitable, 2);
            self.load_const(Constant::None);
            self.yield_from_loop(true)?;
        }
        self.emit(Opcode::PopTop, 0);
        self.jump(exit);

        self.bind(final_label);
        self.emit_pseudo(Op::SetupCleanup, Some(cleanup));
        self.emit(Opcode::PushExcInfo, 0);
        self.emit(Opcode::WithExceptStart, 0);
        if is_async {
            self.emit(Opcode::GetAwaitable, 2);
            self.load_const(Constant::None);
            self.yield_from_loop(true)?;
        }
        let suppress = self.new_label();
        self.emit(Opcode::ToBool, 0);
        self.emit_jump(Opcode::PopJumpIfTrue, suppress);
        self.emit(Opcode::Reraise, 2);
        self.bind(suppress);
        self.emit(Opcode::PopTop, 0);
        self.emit_pseudo(Op::PopBlock, None);
        self.emit(Opcode::PopExcept, 0);
        self.emit(Opcode::PopTop, 0);
        self.emit(Opcode::PopTop, 0);
        self.emit(Opcode::PopTop, 0);
        self.emit_pseudo(Op::JumpNoInterrupt, Some(exit));
        self.bind(cleanup);
        self.pop_except_and_reraise();
        self.bind(exit);
        Ok(())
    }

    fn assert_stmt(&mut self, a: &'a ast::StmtAssert) -> CResult {
        if self.optimize >= 1 {
            return Ok(());
        }
        let end = self.new_label();
        self.jump_if(&a.test, true, end)?;
        self.set_loc(a.range);
        self.emit(Opcode::LoadCommonConstant, CommonConstant::AssertionError as u32);
        if let Some(m) = &a.msg {
            self.expr(m)?;
            self.set_loc(a.range);
            self.emit(Opcode::Call, 0);
        }
        // CPython 3.14 reports a failed assert at its test expression.
        self.set_loc(a.test.range());
        self.emit(Opcode::RaiseVarargs, 1);
        self.bind(end);
        Ok(())
    }

    // ----- imports ----------------------------------------------------------------------

    fn import(&mut self, i: &'a ast::StmtImport) -> CResult {
        for alias in &i.names {
            // Every instruction of an import statement carries the statement's location.
            self.set_loc(i.range);
            let full = alias.name.id.as_str();
            self.load_const(Constant::Int(0));
            self.load_const(Constant::None);
            let ni = self.add_name(full);
            self.emit(Opcode::ImportName, ni);
            match &alias.asname {
                Some(asname) => {
                    let parts: Vec<&str> = full.split('.').collect();
                    if parts.len() > 1 {
                        for (k, part) in parts.iter().enumerate().skip(1) {
                            let pi = self.add_name(part);
                            self.emit(Opcode::ImportFrom, pi);
                            if k + 1 < parts.len() {
                                self.emit(Opcode::Swap, 2);
                                self.emit(Opcode::PopTop, 0);
                            }
                        }
                        self.nameop(asname.id.as_str(), NameCtx::Store);
                        self.emit(Opcode::PopTop, 0);
                    } else {
                        self.nameop(asname.id.as_str(), NameCtx::Store);
                    }
                }
                None => {
                    let first = full.split('.').next().unwrap_or(full);
                    self.nameop(first, NameCtx::Store);
                }
            }
        }
        Ok(())
    }

    fn import_from(&mut self, i: &'a ast::StmtImportFrom) -> CResult {
        let module = i.module.as_ref().map_or("", |m| m.id.as_str());
        self.load_const(Constant::Int(i64::from(i.level)));
        let names: Vec<Constant> = i.names.iter().map(|a| Constant::str(a.name.id.as_str())).collect();
        self.load_const(Constant::Tuple(names.into()));
        let mi = self.add_name(module);
        self.emit(Opcode::ImportName, mi);
        if i.names.len() == 1 && i.names[0].name.id.as_str() == "*" {
            self.emit(Opcode::CallIntrinsic1, Intrinsic1::ImportStar as u32);
            self.emit(Opcode::PopTop, 0);
            return Ok(());
        }
        for alias in &i.names {
            self.set_loc(alias.range);
            let ni = self.add_name(alias.name.id.as_str());
            self.emit(Opcode::ImportFrom, ni);
            let store = alias.asname.as_ref().unwrap_or(&alias.name);
            self.nameop(store.id.as_str(), NameCtx::Store);
        }
        self.emit(Opcode::PopTop, 0);
        Ok(())
    }

    // ----- definitions ------------------------------------------------------------------

    pub(crate) fn decorators(&mut self, decorators: &'a [ast::Decorator]) -> CResult {
        for d in decorators {
            self.expr(&d.expression)?;
        }
        Ok(())
    }

    pub(crate) fn apply_decorators(&mut self, decorators: &'a [ast::Decorator]) {
        for d in decorators.iter().rev() {
            self.set_loc(d.expression.range());
            self.emit(Opcode::Call, 0);
        }
    }

    /// Pushes the defaults tuple and kw-defaults dict; returns the attribute flags.
    pub(crate) fn defaults(&mut self, params: &'a ast::Parameters) -> CResult<u32> {
        let mut attrs = 0;
        let pos: Vec<&Expr> = params.posonlyargs.iter().chain(&params.args).filter_map(|p| p.default.as_deref()).collect();
        if !pos.is_empty() {
            self.sequence_build(&pos, Opcode::BuildTuple)?;
            attrs |= spindle_bytecode::FunctionAttr::Defaults as u32;
        }
        let kw: Vec<(&str, &Expr)> = params
            .kwonlyargs
            .iter()
            .filter_map(|p| p.default.as_deref().map(|d| (p.parameter.name.id.as_str(), d)))
            .collect();
        if !kw.is_empty() {
            for (name, d) in &kw {
                let m = self.mangle(name);
                self.load_const(Constant::str(&m));
                self.expr(d)?;
            }
            self.emit(Opcode::BuildMap, u32::try_from(kw.len()).unwrap_or(0));
            attrs |= spindle_bytecode::FunctionAttr::KwDefaults as u32;
        }
        Ok(attrs)
    }

    /// Sets argument counts and flags of the current unit from `params`.
    pub(crate) fn set_arg_counts(&mut self, params: Option<&ast::Parameters>) {
        let Some(p) = params else { return };
        let u = self.unit();
        u.posonlyargcount = u32::try_from(p.posonlyargs.len()).unwrap_or(0);
        u.argcount = u32::try_from(p.posonlyargs.len() + p.args.len()).unwrap_or(0);
        u.kwonlyargcount = u32::try_from(p.kwonlyargs.len()).unwrap_or(0);
        if p.vararg.is_some() {
            u.flags |= CodeFlags::VARARGS;
        }
        if p.kwarg.is_some() {
            u.flags |= CodeFlags::VARKEYWORDS;
        }
    }

    fn function_def(&mut self, f: &'a ast::StmtFunctionDef) -> CResult {
        self.decorators(&f.decorator_list)?;
        if f.type_params.is_some() {
            self.generic_function(f)?;
        } else {
            let attrs = self.defaults(&f.parameters)?;
            let attrs = attrs | self.function_annotate(f)?;
            self.function_body(f, attrs)?;
        }
        self.apply_decorators(&f.decorator_list);
        self.set_loc(f.range);
        self.nameop(f.name.id.as_str(), NameCtx::Store);
        Ok(())
    }

    /// Compiles the body of `f` into a code object and pushes the function
    /// (attributes `attrs` were pushed before).
    pub(crate) fn function_body(&mut self, f: &'a ast::StmtFunctionDef, attrs: u32) -> CResult {
        let scope = self.scope_for(crate::symtable::ScopeKey::of(f, crate::symtable::Tag::Body))?;
        let name = f.name.id.as_str();
        let qualname = self.qualname_for(name, ScopeKind::Function);
        let first_line = f.decorator_list.first().map_or(self.line_of(f.range), |d| self.line_of(d.range));
        let parent_is_class = self.unit_ref().kind == ScopeKind::Class;
        self.enter_unit(scope, name, &qualname, first_line);
        self.set_arg_counts(Some(&f.parameters));
        if parent_is_class {
            self.unit().self_name = f.parameters.posonlyargs.iter().chain(&f.parameters.args).next().map(|p| p.parameter.name.id.as_str().to_owned());
            if self.unit_ref().freevars.iter().any(|v| v == "__class__") {
                self.unit().flags |= CodeFlags::METHOD;
            }
        }
        self.set_loc(f.range);
        let mut body: &'a [Stmt] = &f.body;
        if let Some((doc, rest)) = super::docstring_of(body) {
            if self.optimize < 2 {
                self.add_const(doc);
                self.unit().flags |= CodeFlags::HAS_DOCSTRING;
            }
            body = rest;
            if rest.is_empty() {
                body = &f.body[..0];
            }
        }
        let handler = self.begin_body();
        self.body(body)?;
        if !ends_with_return(body) {
            self.unit().loc = spindle_bytecode::Position::default();
            if let Some(last) = f.body.last() {
                let p = self.position(last.range());
                self.unit().loc = spindle_bytecode::Position { lineno: p.end_lineno, end_lineno: p.end_lineno, col: None, end_col: None };
                self.unit().loc = p;
            }
            self.return_none();
        }
        self.end_body(handler);
        let code = self.finish_unit()?;
        self.set_loc(f.range);
        self.make_closure(code, attrs);
        Ok(())
    }

    fn class_def(&mut self, c: &'a ast::StmtClassDef) -> CResult {
        self.decorators(&c.decorator_list)?;
        if c.type_params.is_some() {
            self.generic_class(c)?;
        } else {
            self.set_loc(c.range);
            self.emit(Opcode::LoadBuildClass, 0);
            self.emit(Opcode::PushNull, 0);
            self.class_body(c)?;
            self.load_const(Constant::str(c.name.id.as_str()));
            match &c.arguments {
                // CPython locates the class's CALL at the whole statement.
                Some(args) => self.call_args(args, 2, Some(c.range))?,
                None => {
                    self.set_loc(c.range);
                    self.emit(Opcode::Call, 2);
                }
            }
        }
        self.apply_decorators(&c.decorator_list);
        self.set_loc(c.range);
        self.nameop(c.name.id.as_str(), NameCtx::Store);
        Ok(())
    }

    /// Compiles the class body function and pushes it.
    pub(crate) fn class_body(&mut self, c: &'a ast::StmtClassDef) -> CResult {
        let scope = self.scope_for(crate::symtable::ScopeKey::of(c, crate::symtable::Tag::Body))?;
        let name = c.name.id.as_str();
        let qualname = self.qualname_for(name, ScopeKind::Class);
        let first_line = c.decorator_list.first().map_or(self.line_of(c.range), |d| self.line_of(d.range));
        self.enter_unit(scope, name, &qualname, first_line);
        self.set_loc(c.range);
        self.prologue();
        self.emit(Opcode::Resume, 0);
        self.nameop("__name__", NameCtx::Load);
        self.nameop("__module__", NameCtx::Store);
        self.load_const(Constant::str(&qualname));
        self.nameop("__qualname__", NameCtx::Store);
        self.load_const(Constant::Int(i64::from(self.line_of(c.range))));
        self.nameop("__firstlineno__", NameCtx::Store);
        let needs_classdict = self.table.scopes[scope].needs_classdict;
        if needs_classdict {
            self.emit(Opcode::LoadLocals, 0);
            let i = self.deref_index("__classdict__");
            self.emit_deref(Opcode::StoreDeref, i);
        }
        if c.type_params.is_some() {
            self.nameop(".type_params", NameCtx::Load);
            self.nameop("__type_params__", NameCtx::Store);
        }
        let mut body: &'a [Stmt] = &c.body;
        if let Some((doc, rest)) = super::docstring_of(body) {
            self.set_loc(body[0].range());
            if self.optimize < 2 {
                self.load_const(doc);
                self.nameop("__doc__", NameCtx::Store);
            }
            body = rest;
        }
        if self.future_annotations && !super::collect_simple_annotations(body).is_empty() {
            self.emit(Opcode::SetupAnnotations, 0);
        }
        self.body(body)?;
        self.set_loc(c.range);
        let anns = super::collect_simple_annotations(body);
        if !anns.is_empty() && !self.future_annotations {
            self.class_annotate(c, &anns)?;
        }
        let attrs: Vec<Constant> = self.unit_ref().static_attributes.iter().map(|s| Constant::str(s)).collect();
        self.load_const(Constant::Tuple(attrs.into()));
        self.nameop("__static_attributes__", NameCtx::Store);
        if needs_classdict {
            let i = self.deref_index("__classdict__");
            self.emit_deref(Opcode::LoadFast, i);
            self.nameop("__classdictcell__", NameCtx::Store);
        }
        if self.table.scopes[scope].needs_class_closure {
            let i = self.deref_index("__class__");
            self.emit_deref(Opcode::LoadFast, i);
            self.emit(Opcode::Copy, 1);
            self.nameop("__classcell__", NameCtx::Store);
            self.emit(Opcode::ReturnValue, 0);
        } else {
            self.return_none();
        }
        let code = self.finish_unit()?;
        self.set_loc(c.range);
        self.make_closure(code, 0);
        Ok(())
    }
}

/// Whether a body certainly ends with a `return`/`raise` (so no implicit
/// `return None` is needed; an extra one would be unreachable anyway).
fn ends_with_return(body: &[Stmt]) -> bool {
    matches!(body.last(), Some(Stmt::Return(_) | Stmt::Raise(_)))
}
