//! Expression code generation: literals (with constant folding), names,
//! operators, boolean and conditional jumps, comparisons, calls (plain, method,
//! keyword, `*`/`**` unpacking), displays with star-unpacking, subscripts and
//! slices, lambdas, comprehensions and generator expressions (as nested
//! functions), `yield`/`yield from`/`await`, walrus, and f-/t-strings.

use spindle_bytecode::{BinaryOp, CodeFlags, CompareOp, Constant, Intrinsic1, Opcode};
use spindle_parser::ast::{self, Expr, Stmt};
use spindle_parser::{Ranged, TextRange};

use super::{CResult, Compiler, FBlockKind, NameCtx};
use crate::symtable::{self, NameScope, ScopeId, ScopeKey, ScopeKind, Tag};

pub(crate) fn binary_op(op: ast::Operator) -> BinaryOp {
    match op {
        ast::Operator::Add => BinaryOp::Add,
        ast::Operator::Sub => BinaryOp::Subtract,
        ast::Operator::Mult => BinaryOp::Multiply,
        ast::Operator::MatMult => BinaryOp::MatrixMultiply,
        ast::Operator::Div => BinaryOp::TrueDivide,
        ast::Operator::Mod => BinaryOp::Remainder,
        ast::Operator::Pow => BinaryOp::Power,
        ast::Operator::LShift => BinaryOp::Lshift,
        ast::Operator::RShift => BinaryOp::Rshift,
        ast::Operator::BitOr => BinaryOp::Or,
        ast::Operator::BitXor => BinaryOp::Xor,
        ast::Operator::BitAnd => BinaryOp::And,
        ast::Operator::FloorDiv => BinaryOp::FloorDivide,
    }
}

impl<'a> Compiler<'a> {
    pub(crate) fn expr(&mut self, e: &'a Expr) -> CResult {
        let saved = self.unit_ref().loc;
        self.set_loc(e.range());
        let r = self.expr_inner(e);
        self.unit().loc = saved;
        r
    }

    #[allow(clippy::too_many_lines)]
    fn expr_inner(&mut self, e: &'a Expr) -> CResult {
        if let Some(c) = crate::fold::constant_in(e, self.source) {
            self.load_const(c);
            return Ok(());
        }
        match e {
            Expr::BoolOp(b) => {
                let end = self.new_label();
                let jump_true = matches!(b.op, ast::BoolOp::Or);
                let n = b.values.len();
                for (i, v) in b.values.iter().enumerate() {
                    self.expr(v)?;
                    if i + 1 < n {
                        self.emit(Opcode::Copy, 1);
                        self.emit(Opcode::ToBool, 0);
                        self.emit_jump(if jump_true { Opcode::PopJumpIfTrue } else { Opcode::PopJumpIfFalse }, end);
                        self.emit(Opcode::PopTop, 0);
                    }
                }
                self.bind(end);
            }
            Expr::Named(n) => {
                self.expr(&n.value)?;
                self.emit(Opcode::Copy, 1);
                self.assign_target(&n.target)?;
            }
            Expr::BinOp(b) => {
                self.expr(&b.left)?;
                self.expr(&b.right)?;
                self.emit(Opcode::BinaryOp, binary_op(b.op) as u32);
            }
            Expr::UnaryOp(u) => {
                self.expr(&u.operand)?;
                match u.op {
                    ast::UnaryOp::Invert => self.emit(Opcode::UnaryInvert, 0),
                    ast::UnaryOp::Not => {
                        self.emit(Opcode::ToBool, 0);
                        self.emit(Opcode::UnaryNot, 0);
                    }
                    ast::UnaryOp::UAdd => self.emit(Opcode::CallIntrinsic1, Intrinsic1::UnaryPositive as u32),
                    ast::UnaryOp::USub => self.emit(Opcode::UnaryNegative, 0),
                }
            }
            Expr::Lambda(l) => self.lambda(l)?,
            Expr::If(i) => {
                let end = self.new_label();
                let orelse = self.new_label();
                self.jump_if(&i.test, false, orelse)?;
                self.expr(&i.body)?;
                self.jump(end);
                self.bind(orelse);
                self.expr(&i.orelse)?;
                self.bind(end);
            }
            Expr::Dict(d) => self.dict_display(d)?,
            Expr::Set(s) => {
                let elts: Vec<&Expr> = s.elts.iter().collect();
                self.starred_display(&elts, Opcode::BuildSet)?;
            }
            Expr::List(l) => {
                let elts: Vec<&Expr> = l.elts.iter().collect();
                self.starred_display(&elts, Opcode::BuildList)?;
            }
            Expr::Tuple(t) => {
                let elts: Vec<&Expr> = t.elts.iter().collect();
                self.starred_display(&elts, Opcode::BuildTuple)?;
            }
            Expr::ListComp(_) | Expr::SetComp(_) | Expr::DictComp(_) | Expr::Generator(_) => self.comprehension(e)?,
            Expr::Await(a) => {
                let u = self.unit_ref();
                let in_comp = u.kind == ScopeKind::Comprehension;
                if !in_comp && u.flags & (CodeFlags::COROUTINE | CodeFlags::ASYNC_GENERATOR) == 0 {
                    return Err(self.error_at("'await' outside async function", a.range));
                }
                self.expr(&a.value)?;
                self.emit(Opcode::GetAwaitable, 0);
                self.load_const(Constant::None);
                self.yield_from_loop(true)?;
            }
            Expr::Yield(y) => {
                match &y.value {
                    Some(v) => self.expr(v)?,
                    None => self.load_const(Constant::None),
                }
                if self.unit_ref().flags & CodeFlags::ASYNC_GENERATOR != 0 {
                    self.emit(Opcode::CallIntrinsic1, Intrinsic1::AsyncGenWrap as u32);
                }
                self.emit(Opcode::YieldValue, 0);
                self.emit(Opcode::Resume, 1);
            }
            Expr::YieldFrom(y) => {
                self.expr(&y.value)?;
                self.emit(Opcode::GetYieldFromIter, 0);
                self.load_const(Constant::None);
                self.yield_from_loop(false)?;
            }
            Expr::Compare(c) => self.compare(c)?,
            Expr::Call(c) => self.call(c)?,
            Expr::FString(f) => self.fstring(f)?,
            Expr::TString(t) => self.tstring(t)?,
            Expr::StringLiteral(s) => {
                let c = crate::fold::string_constant_src(s, self.source);
                self.load_const(c);
            }
            Expr::BytesLiteral(b) => {
                let bytes: Vec<u8> = b.value.bytes().collect();
                self.load_const(Constant::Bytes(bytes.into()));
            }
            Expr::NumberLiteral(_) | Expr::BooleanLiteral(_) | Expr::NoneLiteral(_) | Expr::EllipsisLiteral(_) => {
                let c = crate::fold::constant_of(e).unwrap_or(Constant::None);
                self.load_const(c);
            }
            Expr::Attribute(a) => {
                self.expr(&a.value)?;
                self.set_loc(a.range);
                let name = self.mangle(a.attr.id.as_str());
                let i = self.add_name(&name);
                self.emit(Opcode::LoadAttr, i << 1);
            }
            Expr::Subscript(s) => {
                self.check_subscript(&s.value, &s.slice);
                self.expr(&s.value)?;
                if let Expr::Slice(sl) = &*s.slice
                    && sl.step.is_none()
                {
                    self.slice_bound(sl.lower.as_deref())?;
                    self.slice_bound(sl.upper.as_deref())?;
                    self.set_loc(s.range);
                    self.emit(Opcode::BinarySlice, 0);
                } else {
                    self.expr(&s.slice)?;
                    self.set_loc(s.range);
                    self.emit(Opcode::BinaryOp, BinaryOp::Subscr as u32);
                }
            }
            Expr::Starred(s) => {
                return Err(self.error_at("can't use starred expression here", s.range));
            }
            Expr::Name(n) => {
                if n.id.as_str() == "__debug__" {
                    self.load_const(Constant::Bool(self.optimize == 0));
                } else {
                    self.nameop(n.id.as_str(), NameCtx::Load);
                }
            }
            Expr::Slice(s) => {
                self.slice_bound(s.lower.as_deref())?;
                self.slice_bound(s.upper.as_deref())?;
                let n = if let Some(step) = &s.step {
                    self.expr(step)?;
                    3
                } else {
                    2
                };
                self.emit(Opcode::BuildSlice, n);
            }
            Expr::IpyEscapeCommand(i) => return Err(self.error_at("invalid syntax", i.range)),
        }
        Ok(())
    }

    pub(crate) fn slice_bound(&mut self, e: Option<&'a Expr>) -> CResult {
        match e {
            Some(e) => self.expr(e),
            None => {
                self.load_const(Constant::None);
                Ok(())
            }
        }
    }

    /// Emits a conditional jump to `target` taken when `e`'s truth equals `cond`,
    /// short-circuiting `and`/`or`/`not` and chained comparisons like CPython.
    pub(crate) fn jump_if(&mut self, e: &'a Expr, cond: bool, target: super::Label) -> CResult {
        match e {
            Expr::UnaryOp(u) if matches!(u.op, ast::UnaryOp::Not) => return self.jump_if(&u.operand, !cond, target),
            Expr::BoolOp(b) => {
                let is_or = matches!(b.op, ast::BoolOp::Or);
                let next2 = if is_or == cond { target } else { self.new_label() };
                let n = b.values.len();
                for (i, v) in b.values.iter().enumerate() {
                    if i + 1 < n {
                        self.jump_if(v, is_or, next2)?;
                    } else {
                        self.jump_if(v, cond, target)?;
                    }
                }
                if next2 != target {
                    self.bind(next2);
                }
                return Ok(());
            }
            Expr::If(i) => {
                let end = self.new_label();
                let next2 = self.new_label();
                self.jump_if(&i.test, false, next2)?;
                self.jump_if(&i.body, cond, target)?;
                self.jump(end);
                self.bind(next2);
                self.jump_if(&i.orelse, cond, target)?;
                self.bind(end);
                return Ok(());
            }
            _ => {}
        }
        if let Some(t) = crate::fold::constant_truth(e) {
            if t == cond {
                self.jump(target);
            }
            return Ok(());
        }
        // `x is None` / `x is not None` as a condition: one POP_JUMP_IF_NONE
        // or POP_JUMP_IF_NOT_NONE on x, as CPython's flow-graph optimiser
        // makes of LOAD_CONST None, IS_OP, POP_JUMP_IF_*.
        if let Expr::Compare(c) = e {
            if let ([op @ (ast::CmpOp::Is | ast::CmpOp::IsNot)], [Expr::NoneLiteral(_)]) = (&c.ops[..], &c.comparators[..]) {
                self.check_compare(c);
                self.expr(&c.left)?;
                self.set_loc(c.range);
                let jump_if_none = matches!(op, ast::CmpOp::Is) == cond;
                self.emit_jump(if jump_if_none { Opcode::PopJumpIfNone } else { Opcode::PopJumpIfNotNone }, target);
                return Ok(());
            }
        }
        self.expr(e)?;
        self.set_loc(e.range());
        self.emit(Opcode::ToBool, 0);
        self.emit_jump(if cond { Opcode::PopJumpIfTrue } else { Opcode::PopJumpIfFalse }, target);
        Ok(())
    }

    fn compare_one(&mut self, op: ast::CmpOp) {
        match op {
            ast::CmpOp::Eq => self.emit(Opcode::CompareOp, CompareOp::Eq as u32),
            ast::CmpOp::NotEq => self.emit(Opcode::CompareOp, CompareOp::Ne as u32),
            ast::CmpOp::Lt => self.emit(Opcode::CompareOp, CompareOp::Lt as u32),
            ast::CmpOp::LtE => self.emit(Opcode::CompareOp, CompareOp::Le as u32),
            ast::CmpOp::Gt => self.emit(Opcode::CompareOp, CompareOp::Gt as u32),
            ast::CmpOp::GtE => self.emit(Opcode::CompareOp, CompareOp::Ge as u32),
            ast::CmpOp::Is => self.emit(Opcode::IsOp, 0),
            ast::CmpOp::IsNot => self.emit(Opcode::IsOp, 1),
            ast::CmpOp::In => self.emit(Opcode::ContainsOp, 0),
            ast::CmpOp::NotIn => self.emit(Opcode::ContainsOp, 1),
        }
    }

    fn compare(&mut self, c: &'a ast::ExprCompare) -> CResult {
        self.check_compare(c);
        self.expr(&c.left)?;
        let n = c.ops.len();
        if n == 1 {
            self.expr(&c.comparators[0])?;
            self.set_loc(c.range);
            self.compare_one(c.ops[0]);
            return Ok(());
        }
        let cleanup = self.new_label();
        let end = self.new_label();
        for i in 0..n - 1 {
            self.expr(&c.comparators[i])?;
            self.set_loc(c.range);
            self.emit(Opcode::Swap, 2);
            self.emit(Opcode::Copy, 2);
            self.compare_one(c.ops[i]);
            self.emit(Opcode::Copy, 1);
            self.emit(Opcode::ToBool, 0);
            self.emit_jump(Opcode::PopJumpIfFalse, cleanup);
            self.emit(Opcode::PopTop, 0);
        }
        self.expr(&c.comparators[n - 1])?;
        self.set_loc(c.range);
        self.compare_one(c.ops[n - 1]);
        self.jump(end);
        self.bind(cleanup);
        self.emit(Opcode::Swap, 2);
        self.emit(Opcode::PopTop, 0);
        self.bind(end);
        Ok(())
    }

    // ----- displays ----------------------------------------------------------------

    /// Builds a tuple/list/set from `elts`, handling `*x` items; constant tuples
    /// are loaded directly.
    pub(crate) fn starred_display(&mut self, elts: &[&'a Expr], build: Opcode) -> CResult {
        let has_star = elts.iter().any(|e| matches!(e, Expr::Starred(_)));
        if !has_star {
            if build == Opcode::BuildTuple {
                return self.sequence_build(elts, build);
            }
            let items: Vec<Constant> = elts.iter().filter_map(|e| crate::fold::constant_in(e, self.source)).collect();
            if elts.len() > 2 && items.len() == elts.len() {
                // CPython: BUILD_LIST 0; LOAD_CONST tuple; LIST_EXTEND 1.
                self.emit(build, 0);
                if build == Opcode::BuildSet {
                    self.load_const(Constant::FrozenSet(dedup(items).into()));
                    self.emit(Opcode::SetUpdate, 1);
                } else {
                    self.load_const(Constant::Tuple(items.into()));
                    self.emit(Opcode::ListExtend, 1);
                }
                return Ok(());
            }
            for e in elts {
                self.expr(e)?;
            }
            self.emit(build, u32::try_from(elts.len()).unwrap_or(0));
            return Ok(());
        }
        // With stars: build a list, then convert.
        let (inner_build, extend, add) = if build == Opcode::BuildSet {
            (Opcode::BuildSet, Opcode::SetUpdate, Opcode::SetAdd)
        } else {
            (Opcode::BuildList, Opcode::ListExtend, Opcode::ListAppend)
        };
        let mut started = false;
        let mut pending = 0u32;
        for e in elts {
            match e {
                Expr::Starred(s) => {
                    if !started {
                        self.emit(inner_build, pending);
                        started = true;
                    }
                    self.expr(&s.value)?;
                    self.emit(extend, 1);
                }
                other => {
                    self.expr(other)?;
                    if started {
                        self.emit(add, 1);
                    } else {
                        pending += 1;
                    }
                }
            }
        }
        if build == Opcode::BuildTuple {
            self.emit(Opcode::CallIntrinsic1, Intrinsic1::ListToTuple as u32);
        }
        Ok(())
    }

    /// Pushes the items and `build`s them (tuples of constants become one constant).
    pub(crate) fn sequence_build(&mut self, elts: &[&'a Expr], build: Opcode) -> CResult {
        if build == Opcode::BuildTuple && !elts.is_empty() {
            let consts: Vec<Constant> = elts.iter().filter_map(|e| crate::fold::constant_in(e, self.source)).collect();
            if consts.len() == elts.len() {
                self.load_const(Constant::Tuple(consts.into()));
                return Ok(());
            }
        }
        for e in elts {
            self.expr(e)?;
        }
        self.emit(build, u32::try_from(elts.len()).unwrap_or(0));
        Ok(())
    }

    fn dict_display(&mut self, d: &'a ast::ExprDict) -> CResult {
        let mut pending = 0u32;
        let mut started = false;
        for item in &d.items {
            match &item.key {
                Some(k) => {
                    self.expr(k)?;
                    self.expr(&item.value)?;
                    pending += 1;
                    if started {
                        self.emit(Opcode::MapAdd, 1);
                        pending = 0;
                    }
                }
                None => {
                    if !started {
                        self.emit(Opcode::BuildMap, pending);
                        started = true;
                        pending = 0;
                    }
                    self.expr(&item.value)?;
                    self.emit(Opcode::DictUpdate, 1);
                }
            }
        }
        if !started {
            self.emit(Opcode::BuildMap, pending);
        }
        Ok(())
    }

    // ----- calls ----------------------------------------------------------------------

    fn call(&mut self, c: &'a ast::ExprCall) -> CResult {
        if let Some((r, m)) = call_warning(c) {
            self.warn(r, m, false);
        }
        let has_unpack = c.arguments.args.iter().any(|a| matches!(a, Expr::Starred(_)))
            || c.arguments.keywords.iter().any(|k| k.arg.is_none());
        self.check_keywords(&c.arguments)?;
        match &*c.func {
            Expr::Attribute(a) if !has_unpack && !matches!(&*a.value, Expr::Name(n) if n.id.as_str() == "super") => {
                self.expr(&a.value)?;
                self.set_loc(a.range);
                let name = self.mangle(a.attr.id.as_str());
                let i = self.add_name(&name);
                self.emit(Opcode::LoadAttr, (i << 1) | 1);
            }
            Expr::Name(n) if self.is_global_load(n.id.as_str()) && n.id.as_str() != "__debug__" => {
                self.set_loc(n.range);
                let m = self.mangle(n.id.as_str());
                let i = self.add_name(&m);
                self.emit(Opcode::LoadGlobal, (i << 1) | 1);
            }
            other => {
                self.expr(other)?;
                self.emit(Opcode::PushNull, 0);
            }
        }
        let range = c.range();
        self.call_args(&c.arguments, 0, Some(range))
    }

    fn check_keywords(&self, args: &ast::Arguments) -> CResult {
        for (i, k) in args.keywords.iter().enumerate() {
            let Some(name) = &k.arg else { continue };
            if args.keywords[..i].iter().any(|o| o.arg.as_ref().is_some_and(|a| a.id == name.id)) {
                return Err(self.error_at(&format!("keyword argument repeated: {}", name.id), k.range));
            }
        }
        Ok(())
    }

    /// Pushes the arguments and emits the call. `extra` positional arguments were
    /// already pushed after `[callable, self_or_null]`.
    pub(crate) fn call_args(&mut self, args: &'a ast::Arguments, extra: u32, range: Option<TextRange>) -> CResult {
        let has_unpack = args.args.iter().any(|a| matches!(a, Expr::Starred(_))) || args.keywords.iter().any(|k| k.arg.is_none());
        let loc_range = range.unwrap_or(args.range);
        if !has_unpack {
            match args.args.as_ref() {
                [g @ Expr::Generator(x)] if !x.parenthesized && args.keywords.is_empty() => self.comprehension_at(g, args.range)?,
                _ => {
                    for a in &args.args {
                        self.expr(a)?;
                    }
                }
            }
            let nkw = args.keywords.len();
            for k in &args.keywords {
                self.expr(&k.value)?;
            }
            let argc = extra + u32::try_from(args.args.len() + nkw).unwrap_or(0);
            self.set_loc(loc_range);
            if nkw > 0 {
                let names: Vec<Constant> = args.keywords.iter().filter_map(|k| k.arg.as_ref()).map(|a| Constant::str(a.id.as_str())).collect();
                self.load_const(Constant::Tuple(names.into()));
                self.emit(Opcode::CallKw, argc);
            } else {
                self.emit(Opcode::Call, argc);
            }
            return Ok(());
        }
        // Positional part: a tuple (extra args already on the stack are folded in).
        let pos: Vec<&'a Expr> = args.args.iter().collect();
        if let (0, [Expr::Starred(s)]) = (extra, pos.as_slice()) {
            // `f(*x)`: CALL_FUNCTION_EX makes the tuple (and names `f` in its error).
            self.expr(&s.value)?;
        } else {
            let mut started = false;
            let mut pending = extra;
            for a in &pos {
                match a {
                    Expr::Starred(s) => {
                        if !started {
                            self.emit(Opcode::BuildList, pending);
                            started = true;
                        }
                        self.expr(&s.value)?;
                        self.emit(Opcode::ListExtend, 1);
                    }
                    other => {
                        self.expr(other)?;
                        if started {
                            self.emit(Opcode::ListAppend, 1);
                        } else {
                            pending += 1;
                        }
                    }
                }
            }
            if started {
                self.emit(Opcode::CallIntrinsic1, Intrinsic1::ListToTuple as u32);
            } else {
                self.emit(Opcode::BuildTuple, pending);
            }
        }
        // Keyword part: a dict, or NULL.
        if args.keywords.is_empty() {
            self.emit(Opcode::PushNull, 0);
        } else {
            let mut started = false;
            let mut pending = 0u32;
            for k in &args.keywords {
                match &k.arg {
                    Some(name) => {
                        self.load_const(Constant::str(name.id.as_str()));
                        self.expr(&k.value)?;
                        pending += 1;
                    }
                    None => {
                        if pending > 0 || !started {
                            self.emit(Opcode::BuildMap, pending);
                            if started {
                                self.emit(Opcode::DictMerge, 1);
                            }
                            started = true;
                            pending = 0;
                        }
                        self.expr(&k.value)?;
                        self.emit(Opcode::DictMerge, 1);
                    }
                }
            }
            if pending > 0 {
                self.emit(Opcode::BuildMap, pending);
                if started {
                    self.emit(Opcode::DictMerge, 1);
                }
            }
        }
        self.set_loc(loc_range);
        self.emit(Opcode::CallFunctionEx, 0);
        Ok(())
    }

    // ----- lambda and comprehensions ---------------------------------------------------

    fn lambda(&mut self, l: &'a ast::ExprLambda) -> CResult {
        let attrs = match &l.parameters {
            Some(p) => self.defaults(p)?,
            None => 0,
        };
        let scope = self.scope_for(ScopeKey::of(l, Tag::Body))?;
        let qualname = self.qualname_for("<lambda>", ScopeKind::Lambda);
        let line = self.line_of(l.range);
        self.enter_unit(scope, "<lambda>", &qualname, line);
        self.set_arg_counts(l.parameters.as_deref());
        self.set_loc(l.body.range());
        let handler = self.begin_body();
        if self.is_generator_like() {
            self.expr(&l.body)?;
            self.emit(Opcode::PopTop, 0);
            self.return_none();
        } else {
            self.expr(&l.body)?;
            self.emit(Opcode::ReturnValue, 0);
        }
        self.end_body(handler);
        let code = self.finish_unit()?;
        self.set_loc(l.range);
        self.make_closure(code, attrs);
        Ok(())
    }

    fn comprehension(&mut self, e: &'a Expr) -> CResult {
        self.comprehension_at(e, e.range())
    }

    /// A comprehension located at `range`: its own, or for a call's lone
    /// unparenthesized generator argument the call's parentheses, as CPython.
    fn comprehension_at(&mut self, e: &'a Expr, range: TextRange) -> CResult {
        let (name, generators, kind): (&str, &'a [ast::Comprehension], u8) = match e {
            Expr::ListComp(c) => ("<listcomp>", &c.generators, 0),
            Expr::SetComp(c) => ("<setcomp>", &c.generators, 1),
            Expr::DictComp(c) => ("<dictcomp>", &c.generators, 2),
            Expr::Generator(c) => ("<genexpr>", &c.generators, 3),
            _ => return Ok(()),
        };
        let scope = self.scope_for(ScopeKey::of(e, Tag::Body))?;
        let is_async_comp = self.table.scopes[scope].is_coroutine;
        let outer_is_async = self.unit_ref().flags & (CodeFlags::COROUTINE | CodeFlags::ASYNC_GENERATOR) != 0
            || (self.unit_ref().kind == ScopeKind::Comprehension && self.table.scopes[self.unit_ref().scope].is_coroutine);
        if is_async_comp && kind != 3 && !outer_is_async {
            return Err(self.error_at("asynchronous comprehension outside of an asynchronous function", e.range()));
        }
        let Some(first) = generators.first() else { return Ok(()) };
        if self.table.scopes[scope].comp_inlined && kind != 3 {
            return self.inlined_comprehension(e, scope, generators, kind);
        }
        let qualname = self.qualname_for(name, ScopeKind::Comprehension);
        let line = self.line_of(range);
        self.enter_unit(scope, name, &qualname, line);
        self.unit().argcount = 1;
        if kind != 3 && is_async_comp {
            let u = self.unit();
            u.flags = (u.flags & !(CodeFlags::GENERATOR | CodeFlags::ASYNC_GENERATOR)) | CodeFlags::COROUTINE;
        }
        self.set_loc(range);
        let handler = self.begin_body();
        if kind != 3 {
            self.emit(
                match kind {
                    0 => Opcode::BuildList,
                    1 => Opcode::BuildSet,
                    _ => Opcode::BuildMap,
                },
                0,
            );
        }
        self.comprehension_generator(e, generators, 0, kind, false)?;
        if kind == 3 {
            self.return_none();
        } else {
            self.emit(Opcode::ReturnValue, 0);
        }
        self.end_body(handler);
        let code = self.finish_unit()?;
        self.set_loc(range);
        self.make_closure(code, 0);
        self.expr(&first.iter)?;
        self.set_loc(range);
        if first.is_async {
            self.emit(Opcode::GetAiter, 0);
        } else {
            self.emit(Opcode::GetIter, 0);
        }
        self.emit(Opcode::Call, 0);
        if is_async_comp && kind != 3 {
            self.emit(Opcode::GetAwaitable, 0);
            self.load_const(Constant::None);
            self.yield_from_loop(true)?;
        }
        Ok(())
    }

    /// PEP 709: a list/set/dict comprehension run in the enclosing frame. The
    /// names it binds become (hidden) fast locals of this code, their outer values
    /// saved on the stack beneath the result and restored afterwards, also when
    /// the comprehension raises.
    fn inlined_comprehension(&mut self, e: &'a Expr, scope: ScopeId, generators: &'a [ast::Comprehension], kind: u8) -> CResult {
        let Some(first) = generators.first() else { return Ok(()) };
        self.expr(&first.iter)?;
        self.set_loc(e.range());
        self.emit(if first.is_async { Opcode::GetAiter } else { Opcode::GetIter }, 0);
        // Isolate the names the comprehension binds.
        let in_class_block = self.unit_ref().kind == ScopeKind::Class && self.unit_ref().in_inlined_comp == 0;
        let outer_function_like = self.unit_ref().kind.is_function_like();
        let comp_syms = self.table.scopes[scope].symbols.clone();
        let mut saved_overrides: Vec<(String, Option<symtable::Symbol>)> = Vec::new();
        let mut new_hidden: Vec<String> = Vec::new();
        // (slot, is deref slot) of each saved name, in push order.
        let mut pushed: Vec<(u32, bool)> = Vec::new();
        for (name, sym) in comp_syms {
            if sym.flags & symtable::flags::DEF_PARAM != 0 {
                continue;
            }
            let inner = sym.scope;
            let outer = self.symbol_of(&name).1;
            let differs = Some(inner) != outer
                && inner != NameScope::Free
                && !(inner == NameScope::Cell && outer == Some(NameScope::Free));
            if differs || in_class_block {
                let prev = self.unit().comp_overrides.insert(name.clone(), sym.clone());
                saved_overrides.push((name.clone(), prev));
            }
            let f = sym.flags;
            if f & symtable::flags::DEF_LOCAL != 0 && f & symtable::flags::DEF_NONLOCAL == 0 {
                if !outer_function_like && self.unit().fast_hidden.insert(name.clone()) {
                    new_hidden.push(name.clone());
                }
                if inner == NameScope::Cell {
                    let idx = self.deref_index(&name);
                    self.emit_deref(Opcode::LoadFastAndClear, idx);
                    self.emit_deref(Opcode::MakeCell, idx);
                    pushed.push((idx, true));
                } else {
                    let idx = self.varname(&name);
                    self.emit(Opcode::LoadFastAndClear, idx);
                    pushed.push((idx, false));
                }
            }
        }
        let n = u32::try_from(pushed.len()).unwrap_or(0);
        let cleanup = self.new_label();
        if n > 0 {
            self.emit(Opcode::Swap, n + 1);
            self.emit_pseudo(super::Op::SetupFinally, Some(cleanup));
        }
        self.unit().in_inlined_comp += 1;
        self.emit(
            match kind {
                0 => Opcode::BuildList,
                1 => Opcode::BuildSet,
                _ => Opcode::BuildMap,
            },
            0,
        );
        self.emit(Opcode::Swap, 2);
        let body = self.comprehension_generator(e, generators, 0, kind, true);
        self.unit().in_inlined_comp -= 1;
        for (name, prev) in saved_overrides.into_iter().rev() {
            match prev {
                Some(p) => self.unit().comp_overrides.insert(name, p),
                None => self.unit().comp_overrides.remove(&name),
            };
        }
        body?;
        if n > 0 {
            let end = self.new_label();
            self.emit_pseudo(super::Op::PopBlock, None);
            self.emit_pseudo(super::Op::JumpNoInterrupt, Some(end));
            let loc = self.unit_ref().loc;
            self.unit().loc = spindle_bytecode::Position::default();
            self.bind(cleanup);
            // Drop the partial result beneath the exception, restore, re-raise.
            self.emit(Opcode::Swap, 2);
            self.emit(Opcode::PopTop, 0);
            self.unit().loc = loc;
            self.restore_comprehension_locals(&pushed);
            self.emit(Opcode::Reraise, 0);
            self.bind(end);
            self.restore_comprehension_locals(&pushed);
        }
        for name in new_hidden {
            self.unit().fast_hidden.remove(&name);
        }
        Ok(())
    }

    fn restore_comprehension_locals(&mut self, pushed: &[(u32, bool)]) {
        let n = u32::try_from(pushed.len()).unwrap_or(0);
        self.emit(Opcode::Swap, n + 1);
        for &(idx, deref) in pushed.iter().rev() {
            if deref {
                self.emit_deref(Opcode::StoreFastMaybeNull, idx);
            } else {
                self.emit(Opcode::StoreFastMaybeNull, idx);
            }
        }
    }

    fn comprehension_generator(&mut self, e: &'a Expr, gens: &'a [ast::Comprehension], depth: usize, kind: u8, inlined: bool) -> CResult {
        let Some(g) = gens.get(depth) else {
            return self.comprehension_element(e, gens.len(), kind);
        };
        let start = self.new_label();
        let if_cleanup = self.new_label();
        let anchor = self.new_label();
        if depth == 0 && inlined {
            // The iterator is already on the stack.
        } else if depth == 0 {
            let i = self.varname(".0");
            self.emit(Opcode::LoadFast, i);
        } else {
            self.expr(&g.iter)?;
            self.set_loc(g.iter.range());
            self.emit(if g.is_async { Opcode::GetAiter } else { Opcode::GetIter }, 0);
        }
        self.bind(start);
        if g.is_async {
            self.emit_pseudo(super::Op::SetupFinally, Some(anchor));
            self.emit(Opcode::GetAnext, 0);
            self.load_const(Constant::None);
            self.yield_from_loop(true)?;
            self.emit_pseudo(super::Op::PopBlock, None);
            self.push_fblock(FBlockKind::AsyncComprehensionGenerator, Some(start), None, g.range)?;
        } else {
            // An error raised by the iterator points at the iterable.
            self.set_loc(g.iter.range());
            self.emit_jump(Opcode::ForIter, anchor);
        }
        self.assign_target(&g.target)?;
        for cond in &g.ifs {
            self.jump_if(cond, false, if_cleanup)?;
        }
        self.comprehension_generator(e, gens, depth + 1, kind, inlined)?;
        self.bind(if_cleanup);
        self.jump(start);
        if g.is_async {
            self.pop_fblock();
        }
        self.bind(anchor);
        if g.is_async {
            self.emit(Opcode::EndAsyncFor, 0);
        } else {
            self.emit(Opcode::PopIter, 0);
        }
        Ok(())
    }

    fn comprehension_element(&mut self, e: &'a Expr, ngens: usize, kind: u8) -> CResult {
        let depth = u32::try_from(ngens + 1).unwrap_or(0);
        match e {
            Expr::ListComp(c) => {
                self.expr(&c.elt)?;
                self.emit(Opcode::ListAppend, depth);
            }
            Expr::SetComp(c) => {
                self.expr(&c.elt)?;
                self.emit(Opcode::SetAdd, depth);
            }
            Expr::DictComp(c) => match &c.key {
                Some(k) => {
                    self.expr(k)?;
                    self.expr(&c.value)?;
                    // CPython locates MAP_ADD over `key: value`.
                    self.set_loc(TextRange::new(k.range().start(), c.value.range().end()));
                    self.emit(Opcode::MapAdd, depth);
                }
                None => {
                    self.expr(&c.value)?;
                    self.emit(Opcode::DictUpdate, depth);
                }
            },
            Expr::Generator(c) => {
                self.expr(&c.elt)?;
                if self.unit_ref().flags & CodeFlags::ASYNC_GENERATOR != 0 {
                    self.emit(Opcode::CallIntrinsic1, Intrinsic1::AsyncGenWrap as u32);
                }
                self.emit(Opcode::YieldValue, 0);
                self.emit(Opcode::Resume, 1);
                self.emit(Opcode::PopTop, 0);
            }
            _ => {}
        }
        let _ = kind;
        Ok(())
    }

    // ----- f-strings and t-strings -----------------------------------------------------

    fn fstring(&mut self, f: &'a ast::ExprFString) -> CResult {
        let mut pieces = 0u32;
        // Code points: literal text may hold lone surrogates (`fold::interpolated_literal_points`).
        let mut literal: Vec<u32> = Vec::new();
        for part in &f.value {
            match part {
                ast::FStringPart::Literal(l) => literal.extend(crate::fold::string_part_points(l, self.source)),
                ast::FStringPart::FString(fs) => {
                    let raw = fs.flags.prefix().is_raw();
                    for el in fs.elements.iter() {
                        match el {
                            ast::InterpolatedStringElement::Literal(l) => {
                                literal.extend(crate::fold::interpolated_literal_points(l, raw, self.source));
                            }
                            ast::InterpolatedStringElement::Interpolation(i) => {
                                if let Some(d) = &i.debug_text {
                                    for t in [d.leading(), d.expression(), d.trailing()] {
                                        literal.extend(t.chars().map(u32::from));
                                    }
                                }
                                if !literal.is_empty() {
                                    self.load_const(crate::fold::str_constant(&literal));
                                    literal.clear();
                                    pieces += 1;
                                }
                                self.formatted_value(i, raw)?;
                                pieces += 1;
                            }
                        }
                    }
                }
            }
        }
        if !literal.is_empty() || pieces == 0 {
            self.load_const(crate::fold::str_constant(&literal));
            pieces += 1;
        }
        if pieces > 1 {
            self.emit(Opcode::BuildString, pieces);
        }
        Ok(())
    }

    /// `raw`: the enclosing f-/t-string has an `r` prefix (for its spec's literal text).
    fn formatted_value(&mut self, i: &'a ast::InterpolatedElement, raw: bool) -> CResult {
        self.expr(&i.expression)?;
        let conv = match i.conversion {
            ast::ConversionFlag::None => {
                // `f"{x=}"` defaults to repr unless a format spec is given.
                if i.debug_text.is_some() && i.format_spec.is_none() { 2 } else { 0 }
            }
            ast::ConversionFlag::Str => 1,
            ast::ConversionFlag::Repr => 2,
            ast::ConversionFlag::Ascii => 3,
        };
        if conv != 0 {
            self.emit(Opcode::ConvertValue, conv);
        }
        match &i.format_spec {
            Some(spec) => {
                self.format_spec(&spec.elements, raw)?;
                self.emit(Opcode::FormatWithSpec, 0);
            }
            None => self.emit(Opcode::FormatSimple, 0),
        }
        Ok(())
    }

    fn format_spec(&mut self, elements: &'a ast::InterpolatedStringElements, raw: bool) -> CResult {
        let mut pieces = 0u32;
        for el in elements.iter() {
            match el {
                ast::InterpolatedStringElement::Literal(l) => {
                    self.load_const(crate::fold::str_constant(&crate::fold::interpolated_literal_points(l, raw, self.source)));
                    pieces += 1;
                }
                ast::InterpolatedStringElement::Interpolation(i) => {
                    if let Some(d) = &i.debug_text {
                        let text = format!("{}{}{}", d.leading(), d.expression(), d.trailing());
                        self.load_const(Constant::str(&text));
                        pieces += 1;
                    }
                    self.formatted_value(i, raw)?;
                    pieces += 1;
                }
            }
        }
        if pieces == 0 {
            self.load_const(Constant::str(""));
        } else if pieces > 1 {
            self.emit(Opcode::BuildString, pieces);
        }
        Ok(())
    }

    fn tstring(&mut self, t: &'a ast::ExprTString) -> CResult {
        // strings tuple: one more than interpolations; interpolations tuple.
        // Code points, as in `fstring`; each interpolation with its string's `r` prefix.
        let mut strings: Vec<Vec<u32>> = vec![Vec::new()];
        let mut interps: Vec<(&'a ast::InterpolatedElement, bool)> = Vec::new();
        for ts in &t.value {
            let raw = ts.flags.prefix().is_raw();
            for el in ts.elements.iter() {
                match el {
                    ast::InterpolatedStringElement::Literal(l) => {
                        if let Some(last) = strings.last_mut() {
                            last.extend(crate::fold::interpolated_literal_points(l, raw, self.source));
                        }
                    }
                    ast::InterpolatedStringElement::Interpolation(i) => {
                        if let (Some(d), Some(last)) = (&i.debug_text, strings.last_mut()) {
                            for t in [d.leading(), d.expression(), d.trailing()] {
                                last.extend(t.chars().map(u32::from));
                            }
                        }
                        interps.push((i, raw));
                        strings.push(Vec::new());
                    }
                }
            }
        }
        let consts: Vec<Constant> = strings.iter().map(|s| crate::fold::str_constant(s)).collect();
        self.load_const(Constant::Tuple(consts.into()));
        for &(i, raw) in &interps {
            self.expr(&i.expression)?;
            let text = self.source.get(i.expression.range().start().to_usize()..i.expression.range().end().to_usize()).unwrap_or("");
            self.load_const(Constant::str(text));
            let conv: u32 = match i.conversion {
                ast::ConversionFlag::None => u32::from(i.debug_text.is_some() && i.format_spec.is_none()) * 2,
                ast::ConversionFlag::Str => 1,
                ast::ConversionFlag::Repr => 2,
                ast::ConversionFlag::Ascii => 3,
            };
            let mut flags = conv << 2;
            if let Some(spec) = &i.format_spec {
                self.format_spec(&spec.elements, raw)?;
                flags |= 1;
            }
            self.emit(Opcode::BuildInterpolation, flags);
        }
        self.emit(Opcode::BuildTuple, u32::try_from(interps.len()).unwrap_or(0));
        self.emit(Opcode::BuildTemplate, 0);
        Ok(())
    }
}

fn dedup(items: Vec<Constant>) -> Vec<Constant> {
    let mut out: Vec<Constant> = Vec::with_capacity(items.len());
    for i in items {
        if !out.contains(&i) {
            out.push(i);
        }
    }
    out
}


// ----- compile-time SyntaxWarnings (CPython's check_compare / check_caller /
// check_subscripter / check_index) ---------------------------------------------

/// The type name of a node that is a constant after CPython's AST folding
/// (literals and tuples of literals; unary minus is not folded).
fn literal_type(e: &Expr) -> Option<&'static str> {
    Some(match e {
        Expr::NoneLiteral(_) => "NoneType",
        Expr::BooleanLiteral(_) => "bool",
        Expr::EllipsisLiteral(_) => "ellipsis",
        Expr::NumberLiteral(n) => match n.value {
            ast::Number::Int(_) => "int",
            ast::Number::Float(_) => "float",
            ast::Number::Complex { .. } => "complex",
        },
        Expr::StringLiteral(_) => "str",
        Expr::BytesLiteral(_) => "bytes",
        Expr::Tuple(t) if t.elts.iter().all(|x| literal_type(x).is_some()) => "tuple",
        _ => return None,
    })
}

/// CPython's `infer_type`.
fn infer_type(e: &Expr) -> Option<&'static str> {
    if let Some(t) = literal_type(e) {
        return Some(t);
    }
    Some(match e {
        Expr::Tuple(_) => "tuple",
        Expr::List(_) | Expr::ListComp(_) => "list",
        Expr::Dict(_) | Expr::DictComp(_) => "dict",
        Expr::Set(_) | Expr::SetComp(_) => "set",
        Expr::Generator(_) => "generator",
        Expr::Lambda(_) => "function",
        Expr::FString(_) => "str",
        _ => return None,
    })
}

fn callee_literal_type(e: &Expr) -> Option<&'static str> {
    match e {
        Expr::Tuple(_)
        | Expr::List(_)
        | Expr::ListComp(_)
        | Expr::Dict(_)
        | Expr::DictComp(_)
        | Expr::Set(_)
        | Expr::SetComp(_)
        | Expr::Generator(_)
        | Expr::FString(_) => infer_type(e),
        _ => literal_type(e),
    }
}

/// An operand of `is` that is not a literal, or a named singleton.
fn is_arg_ok(e: &Expr) -> bool {
    matches!(literal_type(e), None | Some("NoneType" | "bool" | "ellipsis"))
}

/// CPython's `check_compare`: a warning for `is` / `is not` with a literal.
fn compare_warning(c: &ast::ExprCompare) -> Option<(TextRange, String)> {
    let mut left = &*c.left;
    for (op, right) in c.ops.iter().zip(c.comparators.iter()) {
        if matches!(op, ast::CmpOp::Is | ast::CmpOp::IsNot) && !(is_arg_ok(left) && is_arg_ok(right)) {
            let lit = if is_arg_ok(left) { right } else { left };
            let t = literal_type(lit).unwrap_or("object");
            let msg = if matches!(op, ast::CmpOp::Is) {
                format!("\"is\" with '{t}' literal. Did you mean \"==\"?")
            } else {
                format!("\"is not\" with '{t}' literal. Did you mean \"!=\"?")
            };
            return Some((c.range, msg));
        }
        left = right;
    }
    None
}

/// CPython's `check_caller`.
fn call_warning(c: &ast::ExprCall) -> Option<(TextRange, String)> {
    let t = callee_literal_type(&c.func)?;
    Some((c.func.range(), format!("'{t}' object is not callable; perhaps you missed a comma?")))
}

/// CPython's `check_subscripter` and `check_index` (loads only).
fn subscript_warning(value: &Expr, index: &Expr) -> Option<(TextRange, String)> {
    let not_subscriptable = match value {
        Expr::Set(_) | Expr::SetComp(_) | Expr::Generator(_) | Expr::Lambda(_) => true,
        _ => !matches!(literal_type(value), None | Some("str" | "bytes" | "tuple")),
    };
    if not_subscriptable {
        let t = infer_type(value).unwrap_or("object");
        return Some((value.range(), format!("'{t}' object is not subscriptable; perhaps you missed a comma?")));
    }
    let it = infer_type(index)?;
    if matches!(it, "int" | "bool") {
        return None;
    }
    let sequence = match value {
        Expr::Tuple(_) | Expr::List(_) | Expr::ListComp(_) | Expr::FString(_) => true,
        _ => matches!(literal_type(value), Some("str" | "bytes" | "tuple")),
    };
    if !sequence {
        return None;
    }
    let t = infer_type(value).unwrap_or("object");
    Some((value.range(), format!("{t} indices must be integers or slices, not {it}; perhaps you missed a comma?")))
}

/// Collects the code-generation warnings of code the compiler drops unseen
/// (`if 0:` bodies): CPython generates it before removing it.
struct DeadCodeWarnings(Vec<(TextRange, String)>);

impl<'a> ast::visitor::Visitor<'a> for DeadCodeWarnings {
    fn visit_expr(&mut self, e: &'a Expr) {
        let w = match e {
            Expr::Compare(c) => compare_warning(c),
            Expr::Call(c) => call_warning(c),
            Expr::Subscript(s) if s.ctx.is_load() => subscript_warning(&s.value, &s.slice),
            _ => None,
        };
        self.0.extend(w);
        ast::visitor::walk_expr(self, e);
    }
}

impl<'a> Compiler<'a> {
    fn check_compare(&mut self, c: &'a ast::ExprCompare) {
        if let Some((r, m)) = compare_warning(c) {
            self.warn(r, m, false);
        }
    }

    fn check_subscript(&mut self, value: &Expr, index: &Expr) {
        if let Some((r, m)) = subscript_warning(value, index) {
            self.warn(r, m, false);
        }
    }

    /// Issues the warnings of statements that are compiled away.
    pub(crate) fn warn_dead_code(&mut self, body: &[Stmt]) {
        let mut v = DeadCodeWarnings(Vec::new());
        for s in body {
            ast::visitor::Visitor::visit_stmt(&mut v, s);
        }
        for (r, m) in v.0 {
            self.warn(r, m, false);
        }
    }
}
