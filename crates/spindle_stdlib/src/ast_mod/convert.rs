//! ruff's AST (via `spindle_parser`) -> instances of the `_ast` node classes,
//! shaped and positioned as CPython 3.14's parser builds them: `elif` chains
//! become nested `If` nodes, implicitly concatenated strings one `Constant`
//! or `JoinedStr`, decorated definitions start at their `def`/`class`
//! keyword, and column offsets are UTF-8 byte offsets into the line.

use std::collections::HashMap;

use num_bigint::BigInt;
use spindle_parser::ast::{self, Expr, Pattern, Stmt};
use spindle_parser::{LineIndex, Ranged, TextRange};
use spindle_vm::error::PyResult;
use spindle_vm::interp::ThreadState;
use spindle_vm::num::{new_bigint, new_float, new_int};
use spindle_vm::runtime::rt;
use spindle_vm::seq::new_list;
use spindle_vm::str::{intern, new_str};
use spindle_vm::value::Value;
use spindle_vm::{ops, raise};

/// One conversion: the source (for positions and surrogate recovery) and the
/// `_ast` namespace the classes come from.
pub(crate) struct Conv<'a> {
    ts: &'a ThreadState,
    source: &'a str,
    index: LineIndex,
    ns: Value,
    object_new: Value,
    classes: HashMap<&'static str, Value>,
    singletons: HashMap<&'static str, Value>,
}

type Fields<'f> = &'f [(&'static str, Value)];

impl<'a> Conv<'a> {
    pub(crate) fn new(ts: &'a ThreadState, source: &'a str, ns: Value) -> PyResult<Conv<'a>> {
        let object_new = ops::getattr_str(ts, &rt().types.object.to_value(), "__new__")?;
        Ok(Conv {
            ts,
            source,
            index: LineIndex::new(source),
            ns,
            object_new,
            classes: HashMap::new(),
            singletons: HashMap::new(),
        })
    }

    fn class(&mut self, name: &'static str) -> PyResult<Value> {
        if let Some(c) = self.classes.get(name) {
            return Ok(c.clone());
        }
        let c = ops::getitem(self.ts, &self.ns, &new_str(name))?;
        self.classes.insert(name, c.clone());
        Ok(c)
    }

    /// A node of class `name` with `fields` and, when `range` is given, the
    /// four position attributes.
    fn node(&mut self, name: &'static str, fields: Fields<'_>, range: Option<TextRange>) -> PyResult<Value> {
        let cls = self.class(name)?;
        let obj = ops::call(self.ts, &self.object_new, &[cls])?;
        for (k, v) in fields {
            ops::setattr(self.ts, &obj, &intern(k), Some(v.clone()))?;
        }
        if let Some(r) = range {
            let (l, c) = self.index.line_col(r.start().to_usize());
            let (el, ec) = self.index.line_col(r.end().to_usize());
            for (k, v) in [("lineno", l), ("col_offset", c), ("end_lineno", el), ("end_col_offset", ec)] {
                ops::setattr(self.ts, &obj, &intern(k), Some(new_int(i64::from(v))))?;
            }
        }
        Ok(obj)
    }

    /// The shared instance of a field-less node (`Load()`, `Add()` ...).
    fn single(&mut self, name: &'static str) -> PyResult<Value> {
        if let Some(v) = self.singletons.get(name) {
            return Ok(v.clone());
        }
        let v = self.node(name, &[], None)?;
        self.singletons.insert(name, v.clone());
        Ok(v)
    }

    fn text(&self, r: TextRange) -> &'a str {
        self.source.get(r.start().to_usize()..r.end().to_usize()).unwrap_or("")
    }

    pub(crate) fn module(&mut self, body: &[Stmt]) -> PyResult<Value> {
        let body = self.stmts(body)?;
        self.node("Module", &[("body", body), ("type_ignores", new_list(vec![]))], None)
    }

    pub(crate) fn interactive(&mut self, body: &[Stmt]) -> PyResult<Value> {
        let body = self.stmts(body)?;
        self.node("Interactive", &[("body", body)], None)
    }

    pub(crate) fn expression(&mut self, body: &Expr) -> PyResult<Value> {
        let body = self.expr(body)?;
        self.node("Expression", &[("body", body)], None)
    }

    fn stmts(&mut self, s: &[Stmt]) -> PyResult<Value> {
        let mut out = Vec::with_capacity(s.len());
        for st in s {
            out.push(self.stmt(st)?);
        }
        Ok(new_list(out))
    }

    fn exprs<'e>(&mut self, e: impl IntoIterator<Item = &'e Expr>) -> PyResult<Value> {
        let mut out = Vec::new();
        for x in e {
            out.push(self.expr(x)?);
        }
        Ok(new_list(out))
    }

    fn opt_expr(&mut self, e: Option<&Expr>) -> PyResult<Value> {
        match e {
            Some(e) => self.expr(e),
            None => Ok(rt().none.clone()),
        }
    }

    fn ident(id: &ast::Identifier) -> Value {
        new_str(id.as_str())
    }

    fn opt_ident(id: Option<&ast::Identifier>) -> Value {
        id.map_or_else(|| rt().none.clone(), Self::ident)
    }

    /// Where a decorated `def`/`class` starts: its keyword (or `async`), which
    /// precedes the name with only whitespace in between.
    fn def_start(&self, range: TextRange, decorated: bool, name: &ast::Identifier, kw: &str, is_async: bool) -> TextRange {
        if !decorated {
            return range;
        }
        let before = self.source.get(..name.range.start().to_usize()).unwrap_or("");
        let Some(mut p) = before.rfind(kw) else { return range };
        if is_async {
            if let Some(q) = before.get(..p).and_then(|b| b.rfind("async")) {
                p = q;
            }
        }
        let start = u32::try_from(p).map_or(range.start(), spindle_parser::TextSize::new);
        TextRange::new(start.min(range.end()), range.end())
    }

    fn type_params(&mut self, tp: Option<&ast::TypeParams>) -> PyResult<Value> {
        let mut out = Vec::new();
        if let Some(tp) = tp {
            for p in &tp.type_params {
                out.push(match p {
                    ast::TypeParam::TypeVar(t) => {
                        let bound = self.opt_expr(t.bound.as_deref())?;
                        let dv = self.opt_expr(t.default.as_deref())?;
                        self.node(
                            "TypeVar",
                            &[("name", Self::ident(&t.name)), ("bound", bound), ("default_value", dv)],
                            Some(t.range),
                        )?
                    }
                    ast::TypeParam::ParamSpec(t) => {
                        let dv = self.opt_expr(t.default.as_deref())?;
                        self.node("ParamSpec", &[("name", Self::ident(&t.name)), ("default_value", dv)], Some(t.range))?
                    }
                    ast::TypeParam::TypeVarTuple(t) => {
                        let dv = self.opt_expr(t.default.as_deref())?;
                        self.node("TypeVarTuple", &[("name", Self::ident(&t.name)), ("default_value", dv)], Some(t.range))?
                    }
                });
            }
        }
        Ok(new_list(out))
    }

    fn arg(&mut self, p: &ast::Parameter) -> PyResult<Value> {
        let ann = self.opt_expr(p.annotation.as_deref())?;
        self.node(
            "arg",
            &[("arg", Self::ident(&p.name)), ("annotation", ann), ("type_comment", rt().none.clone())],
            Some(p.range),
        )
    }

    /// `*args` / `**kw`: CPython's `arg` node starts at the name, not the stars.
    fn opt_arg(&mut self, p: Option<&ast::Parameter>) -> PyResult<Value> {
        match p {
            Some(p) => {
                let mut p2 = p.clone();
                p2.range = TextRange::new(p.name.range.start().min(p.range.end()), p.range.end());
                self.arg(&p2)
            }
            None => Ok(rt().none.clone()),
        }
    }

    fn arguments(&mut self, p: Option<&ast::Parameters>) -> PyResult<Value> {
        let none = rt().none.clone();
        let (mut posonly, mut args, mut kwonly, mut kw_defaults, mut defaults) = (vec![], vec![], vec![], vec![], vec![]);
        let (mut vararg, mut kwarg) = (none.clone(), none.clone());
        if let Some(p) = p {
            for a in &p.posonlyargs {
                posonly.push(self.arg(&a.parameter)?);
                if let Some(d) = &a.default {
                    defaults.push(self.expr(d)?);
                }
            }
            for a in &p.args {
                args.push(self.arg(&a.parameter)?);
                if let Some(d) = &a.default {
                    defaults.push(self.expr(d)?);
                }
            }
            vararg = self.opt_arg(p.vararg.as_deref())?;
            for a in &p.kwonlyargs {
                kwonly.push(self.arg(&a.parameter)?);
                kw_defaults.push(self.opt_expr(a.default.as_deref())?);
            }
            kwarg = self.opt_arg(p.kwarg.as_deref())?;
        }
        self.node(
            "arguments",
            &[
                ("posonlyargs", new_list(posonly)),
                ("args", new_list(args)),
                ("vararg", vararg),
                ("kwonlyargs", new_list(kwonly)),
                ("kw_defaults", new_list(kw_defaults)),
                ("kwarg", kwarg),
                ("defaults", new_list(defaults)),
            ],
            None,
        )
    }

    fn keywords(&mut self, kws: &[ast::Keyword]) -> PyResult<Value> {
        let mut out = Vec::with_capacity(kws.len());
        for k in kws {
            let v = self.expr(&k.value)?;
            out.push(self.node("keyword", &[("arg", Self::opt_ident(k.arg.as_ref())), ("value", v)], Some(k.range))?);
        }
        Ok(new_list(out))
    }

    fn aliases(&mut self, names: &[ast::Alias]) -> PyResult<Value> {
        let mut out = Vec::with_capacity(names.len());
        for a in names {
            out.push(self.node(
                "alias",
                &[("name", Self::ident(&a.name)), ("asname", Self::opt_ident(a.asname.as_ref()))],
                Some(a.range),
            )?);
        }
        Ok(new_list(out))
    }

    /// The `orelse` of an `if` whose `elif`/`else` clauses are `clauses`.
    fn elif_chain(&mut self, clauses: &[ast::ElifElseClause]) -> PyResult<Value> {
        let Some((first, rest)) = clauses.split_first() else { return Ok(new_list(vec![])) };
        match &first.test {
            None => self.stmts(&first.body),
            Some(test) => {
                let test = self.expr(test)?;
                let body = self.stmts(&first.body)?;
                let orelse = self.elif_chain(rest)?;
                let end = clauses.last().map_or(first.range.end(), |c| c.range.end());
                let n = self.node(
                    "If",
                    &[("test", test), ("body", body), ("orelse", orelse)],
                    Some(TextRange::new(first.range.start(), end)),
                )?;
                Ok(new_list(vec![n]))
            }
        }
    }

    #[allow(clippy::too_many_lines)]
    fn stmt(&mut self, s: &Stmt) -> PyResult<Value> {
        let none = rt().none.clone();
        let r = Some(s.range());
        match s {
            Stmt::FunctionDef(f) => {
                let range = self.def_start(f.range, !f.decorator_list.is_empty(), &f.name, "def", f.is_async);
                let args = self.arguments(Some(&f.parameters))?;
                let body = self.stmts(&f.body)?;
                let decos = self.exprs(f.decorator_list.iter().map(|d| &d.expression))?;
                let returns = self.opt_expr(f.returns.as_deref())?;
                let tps = self.type_params(f.type_params.as_deref())?;
                self.node(
                    if f.is_async { "AsyncFunctionDef" } else { "FunctionDef" },
                    &[
                        ("name", Self::ident(&f.name)),
                        ("args", args),
                        ("body", body),
                        ("decorator_list", decos),
                        ("returns", returns),
                        ("type_comment", none),
                        ("type_params", tps),
                    ],
                    Some(range),
                )
            }
            Stmt::ClassDef(c) => {
                let range = self.def_start(c.range, !c.decorator_list.is_empty(), &c.name, "class", false);
                let (bases, kws) = match c.arguments.as_deref() {
                    Some(a) => (self.exprs(a.args.iter())?, self.keywords(&a.keywords)?),
                    None => (new_list(vec![]), new_list(vec![])),
                };
                let body = self.stmts(&c.body)?;
                let decos = self.exprs(c.decorator_list.iter().map(|d| &d.expression))?;
                let tps = self.type_params(c.type_params.as_deref())?;
                self.node(
                    "ClassDef",
                    &[
                        ("name", Self::ident(&c.name)),
                        ("bases", bases),
                        ("keywords", kws),
                        ("body", body),
                        ("decorator_list", decos),
                        ("type_params", tps),
                    ],
                    Some(range),
                )
            }
            Stmt::Return(x) => {
                let v = self.opt_expr(x.value.as_deref())?;
                self.node("Return", &[("value", v)], r)
            }
            Stmt::Delete(x) => {
                let t = self.exprs(&x.targets)?;
                self.node("Delete", &[("targets", t)], r)
            }
            Stmt::TypeAlias(x) => {
                let name = self.expr(&x.name)?;
                let tps = self.type_params(x.type_params.as_deref())?;
                let v = self.expr(&x.value)?;
                self.node("TypeAlias", &[("name", name), ("type_params", tps), ("value", v)], r)
            }
            Stmt::Assign(x) => {
                let t = self.exprs(&x.targets)?;
                let v = self.expr(&x.value)?;
                self.node("Assign", &[("targets", t), ("value", v), ("type_comment", none)], r)
            }
            Stmt::AugAssign(x) => {
                let t = self.expr(&x.target)?;
                let op = self.single(operator_name(x.op))?;
                let v = self.expr(&x.value)?;
                self.node("AugAssign", &[("target", t), ("op", op), ("value", v)], r)
            }
            Stmt::AnnAssign(x) => {
                let t = self.expr(&x.target)?;
                let a = self.expr(&x.annotation)?;
                let v = self.opt_expr(x.value.as_deref())?;
                self.node(
                    "AnnAssign",
                    &[("target", t), ("annotation", a), ("value", v), ("simple", new_int(i64::from(x.simple)))],
                    r,
                )
            }
            Stmt::For(x) => {
                let t = self.expr(&x.target)?;
                let i = self.expr(&x.iter)?;
                let b = self.stmts(&x.body)?;
                let o = self.stmts(&x.orelse)?;
                self.node(
                    if x.is_async { "AsyncFor" } else { "For" },
                    &[("target", t), ("iter", i), ("body", b), ("orelse", o), ("type_comment", none)],
                    r,
                )
            }
            Stmt::While(x) => {
                let t = self.expr(&x.test)?;
                let b = self.stmts(&x.body)?;
                let o = self.stmts(&x.orelse)?;
                self.node("While", &[("test", t), ("body", b), ("orelse", o)], r)
            }
            Stmt::If(x) => {
                let t = self.expr(&x.test)?;
                let b = self.stmts(&x.body)?;
                let o = self.elif_chain(&x.elif_else_clauses)?;
                self.node("If", &[("test", t), ("body", b), ("orelse", o)], r)
            }
            Stmt::With(x) => {
                let mut items = Vec::with_capacity(x.items.len());
                for it in &x.items {
                    let c = self.expr(&it.context_expr)?;
                    let v = self.opt_expr(it.optional_vars.as_deref())?;
                    items.push(self.node("withitem", &[("context_expr", c), ("optional_vars", v)], None)?);
                }
                let b = self.stmts(&x.body)?;
                self.node(
                    if x.is_async { "AsyncWith" } else { "With" },
                    &[("items", new_list(items)), ("body", b), ("type_comment", none)],
                    r,
                )
            }
            Stmt::Match(x) => {
                let subj = self.expr(&x.subject)?;
                let mut cases = Vec::with_capacity(x.cases.len());
                for c in &x.cases {
                    let p = self.pattern(&c.pattern)?;
                    let g = self.opt_expr(c.guard.as_deref())?;
                    let b = self.stmts(&c.body)?;
                    cases.push(self.node("match_case", &[("pattern", p), ("guard", g), ("body", b)], None)?);
                }
                self.node("Match", &[("subject", subj), ("cases", new_list(cases))], r)
            }
            Stmt::Raise(x) => {
                let e = self.opt_expr(x.exc.as_deref())?;
                let c = self.opt_expr(x.cause.as_deref())?;
                self.node("Raise", &[("exc", e), ("cause", c)], r)
            }
            Stmt::Try(x) => {
                let b = self.stmts(&x.body)?;
                let mut hs = Vec::with_capacity(x.handlers.len());
                for h in &x.handlers {
                    let ast::ExceptHandler::ExceptHandler(h) = h;
                    let t = self.opt_expr(h.type_.as_deref())?;
                    let body = self.stmts(&h.body)?;
                    hs.push(self.node(
                        "ExceptHandler",
                        &[("type", t), ("name", Self::opt_ident(h.name.as_ref())), ("body", body)],
                        Some(h.range),
                    )?);
                }
                let o = self.stmts(&x.orelse)?;
                let f = self.stmts(&x.finalbody)?;
                self.node(
                    if x.is_star { "TryStar" } else { "Try" },
                    &[("body", b), ("handlers", new_list(hs)), ("orelse", o), ("finalbody", f)],
                    r,
                )
            }
            Stmt::Assert(x) => {
                let t = self.expr(&x.test)?;
                let m = self.opt_expr(x.msg.as_deref())?;
                self.node("Assert", &[("test", t), ("msg", m)], r)
            }
            Stmt::Import(x) => {
                let n = self.aliases(&x.names)?;
                self.node("Import", &[("names", n)], r)
            }
            Stmt::ImportFrom(x) => {
                let n = self.aliases(&x.names)?;
                self.node(
                    "ImportFrom",
                    &[
                        ("module", Self::opt_ident(x.module.as_ref())),
                        ("names", n),
                        ("level", new_int(i64::from(x.level))),
                    ],
                    r,
                )
            }
            Stmt::Global(x) => {
                let n = new_list(x.names.iter().map(Self::ident).collect());
                self.node("Global", &[("names", n)], r)
            }
            Stmt::Nonlocal(x) => {
                let n = new_list(x.names.iter().map(Self::ident).collect());
                self.node("Nonlocal", &[("names", n)], r)
            }
            Stmt::Expr(x) => {
                let v = self.expr(&x.value)?;
                self.node("Expr", &[("value", v)], r)
            }
            Stmt::Pass(_) => self.node("Pass", &[], r),
            Stmt::Break(_) => self.node("Break", &[], r),
            Stmt::Continue(_) => self.node("Continue", &[], r),
            Stmt::IpyEscapeCommand(_) => raise!(SyntaxError, "invalid syntax"),
        }
    }

    fn comprehensions(&mut self, gens: &[ast::Comprehension]) -> PyResult<Value> {
        let mut out = Vec::with_capacity(gens.len());
        for g in gens {
            let t = self.expr(&g.target)?;
            let i = self.expr(&g.iter)?;
            let ifs = self.exprs(&g.ifs)?;
            out.push(self.node(
                "comprehension",
                &[("target", t), ("iter", i), ("ifs", ifs), ("is_async", new_int(i64::from(g.is_async)))],
                None,
            )?);
        }
        Ok(new_list(out))
    }

    fn ctx(&mut self, c: ast::ExprContext) -> PyResult<Value> {
        self.single(match c {
            ast::ExprContext::Store => "Store",
            ast::ExprContext::Del => "Del",
            _ => "Load",
        })
    }

    fn constant(&mut self, value: Value, kind: Value, range: TextRange) -> PyResult<Value> {
        self.node("Constant", &[("value", value), ("kind", kind)], Some(range))
    }

    fn string_value(&self, s: &ast::ExprStringLiteral) -> Value {
        let value = s.value.to_str();
        if !value.contains('\u{fffd}') {
            return new_str(value);
        }
        // The parser replaced lone surrogates by U+FFFD: re-decode the parts.
        let mut points: Vec<u32> = Vec::new();
        for part in &s.value {
            match spindle_parser::decode_string_literal(self.text(part.range)) {
                Some(p) => points.extend(p),
                None => points.extend(part.value.chars().map(u32::from)),
            }
        }
        match spindle_str::PyStrData::from_code_points(points) {
            Ok(d) => spindle_vm::str::new_data(d),
            Err(_) => new_str(value),
        }
    }

    /// Appends the values of f/t-string `elements` to `out`, merging literal
    /// text into `pending`.
    fn interp_elements(
        &mut self,
        elements: &ast::InterpolatedStringElements,
        template: bool,
        pending: &mut Option<(String, TextRange)>,
        out: &mut Vec<Value>,
    ) -> PyResult<()> {
        for el in elements {
            match el {
                ast::InterpolatedStringElement::Literal(l) => push_text(pending, &l.value, l.range),
                ast::InterpolatedStringElement::Interpolation(i) => {
                    if let Some(d) = &i.debug_text {
                        let t = format!("{}{}{}", d.leading(), d.expression(), d.trailing());
                        let len = u32::try_from(t.len() + 1).unwrap_or(0);
                        let end = (i.range.start() + spindle_parser::TextSize::new(len)).min(i.range.end());
                        push_text(pending, &t, TextRange::new(i.range.start(), end));
                    }
                    self.flush(pending, out)?;
                    let value = self.expr(&i.expression)?;
                    let conv = match i.conversion {
                        ast::ConversionFlag::None if i.debug_text.is_some() && i.format_spec.is_none() => i64::from(b'r'),
                        ast::ConversionFlag::None => -1,
                        ast::ConversionFlag::Str => i64::from(b's'),
                        ast::ConversionFlag::Ascii => i64::from(b'a'),
                        ast::ConversionFlag::Repr => i64::from(b'r'),
                    };
                    let spec = match &i.format_spec {
                        Some(fs) => {
                            let mut p = None;
                            let mut vals = Vec::new();
                            self.interp_elements(&fs.elements, false, &mut p, &mut vals)?;
                            self.flush(&mut p, &mut vals)?;
                            // CPython's spec node starts at the ':'.
                            let mut range = fs.range;
                            let st = range.start().to_usize();
                            if st > 0 && self.source.as_bytes().get(st - 1) == Some(&b':') {
                                range = TextRange::new(range.start() - spindle_parser::TextSize::new(1), range.end());
                            }
                            self.node("JoinedStr", &[("values", new_list(vals))], Some(range))?
                        }
                        None => rt().none.clone(),
                    };
                    out.push(if template {
                        let src = self.text(i.expression.range());
                        self.node(
                            "Interpolation",
                            &[("value", value), ("str", new_str(src)), ("conversion", new_int(conv)), ("format_spec", spec)],
                            Some(i.range),
                        )?
                    } else {
                        self.node(
                            "FormattedValue",
                            &[("value", value), ("conversion", new_int(conv)), ("format_spec", spec)],
                            Some(i.range),
                        )?
                    });
                }
            }
        }
        Ok(())
    }

    fn flush(&mut self, pending: &mut Option<(String, TextRange)>, out: &mut Vec<Value>) -> PyResult<()> {
        if let Some((s, r)) = pending.take() {
            if !s.is_empty() {
                out.push(self.constant(new_str(&s), rt().none.clone(), r)?);
            }
        }
        Ok(())
    }

    fn expr(&mut self, e: &Expr) -> PyResult<Value> {
        self.expr_at(e, e.range())
    }

    #[allow(clippy::too_many_lines)]
    fn expr_at(&mut self, e: &Expr, range: TextRange) -> PyResult<Value> {
        let none = rt().none.clone();
        let r = Some(range);
        match e {
            Expr::BoolOp(x) => {
                let op = self.single(if x.op == ast::BoolOp::And { "And" } else { "Or" })?;
                let v = self.exprs(&x.values)?;
                self.node("BoolOp", &[("op", op), ("values", v)], r)
            }
            Expr::Named(x) => {
                let t = self.expr(&x.target)?;
                let v = self.expr(&x.value)?;
                self.node("NamedExpr", &[("target", t), ("value", v)], r)
            }
            Expr::BinOp(x) => {
                let l = self.expr(&x.left)?;
                let op = self.single(operator_name(x.op))?;
                let rr = self.expr(&x.right)?;
                self.node("BinOp", &[("left", l), ("op", op), ("right", rr)], r)
            }
            Expr::UnaryOp(x) => {
                let op = self.single(match x.op {
                    ast::UnaryOp::Invert => "Invert",
                    ast::UnaryOp::Not => "Not",
                    ast::UnaryOp::UAdd => "UAdd",
                    ast::UnaryOp::USub => "USub",
                })?;
                let o = self.expr(&x.operand)?;
                self.node("UnaryOp", &[("op", op), ("operand", o)], r)
            }
            Expr::Lambda(x) => {
                let a = self.arguments(x.parameters.as_deref())?;
                let b = self.expr(&x.body)?;
                self.node("Lambda", &[("args", a), ("body", b)], r)
            }
            Expr::If(x) => {
                let t = self.expr(&x.test)?;
                let b = self.expr(&x.body)?;
                let o = self.expr(&x.orelse)?;
                self.node("IfExp", &[("test", t), ("body", b), ("orelse", o)], r)
            }
            Expr::Dict(x) => {
                let mut keys = Vec::with_capacity(x.items.len());
                let mut values = Vec::with_capacity(x.items.len());
                for it in &x.items {
                    keys.push(self.opt_expr(it.key.as_ref())?);
                    values.push(self.expr(&it.value)?);
                }
                self.node("Dict", &[("keys", new_list(keys)), ("values", new_list(values))], r)
            }
            Expr::Set(x) => {
                let v = self.exprs(&x.elts)?;
                self.node("Set", &[("elts", v)], r)
            }
            Expr::ListComp(x) => {
                let elt = self.expr(&x.elt)?;
                let g = self.comprehensions(&x.generators)?;
                self.node("ListComp", &[("elt", elt), ("generators", g)], r)
            }
            Expr::SetComp(x) => {
                let elt = self.expr(&x.elt)?;
                let g = self.comprehensions(&x.generators)?;
                self.node("SetComp", &[("elt", elt), ("generators", g)], r)
            }
            Expr::DictComp(x) => {
                let k = self.opt_expr(x.key.as_deref())?;
                let v = self.expr(&x.value)?;
                let g = self.comprehensions(&x.generators)?;
                self.node("DictComp", &[("key", k), ("value", v), ("generators", g)], r)
            }
            Expr::Generator(x) => {
                let elt = self.expr(&x.elt)?;
                let g = self.comprehensions(&x.generators)?;
                self.node("GeneratorExp", &[("elt", elt), ("generators", g)], r)
            }
            Expr::Await(x) => {
                let v = self.expr(&x.value)?;
                self.node("Await", &[("value", v)], r)
            }
            Expr::Yield(x) => {
                let v = self.opt_expr(x.value.as_deref())?;
                self.node("Yield", &[("value", v)], r)
            }
            Expr::YieldFrom(x) => {
                let v = self.expr(&x.value)?;
                self.node("YieldFrom", &[("value", v)], r)
            }
            Expr::Compare(x) => {
                let l = self.expr(&x.left)?;
                let mut ops = Vec::with_capacity(x.ops.len());
                for op in &x.ops {
                    ops.push(self.single(match op {
                        ast::CmpOp::Eq => "Eq",
                        ast::CmpOp::NotEq => "NotEq",
                        ast::CmpOp::Lt => "Lt",
                        ast::CmpOp::LtE => "LtE",
                        ast::CmpOp::Gt => "Gt",
                        ast::CmpOp::GtE => "GtE",
                        ast::CmpOp::Is => "Is",
                        ast::CmpOp::IsNot => "IsNot",
                        ast::CmpOp::In => "In",
                        ast::CmpOp::NotIn => "NotIn",
                    })?);
                }
                let c = self.exprs(x.comparators.iter())?;
                self.node("Compare", &[("left", l), ("ops", new_list(ops)), ("comparators", c)], r)
            }
            Expr::Call(x) => {
                let f = self.expr(&x.func)?;
                let a = &x.arguments;
                let mut args = Vec::with_capacity(a.args.len());
                for arg in &a.args {
                    // A lone unparenthesized generator argument spans the
                    // call's parentheses, as in CPython.
                    match arg {
                        Expr::Generator(g) if !g.parenthesized && a.args.len() == 1 && a.keywords.is_empty() => {
                            args.push(self.expr_at(arg, a.range)?);
                        }
                        _ => args.push(self.expr(arg)?),
                    }
                }
                let k = self.keywords(&a.keywords)?;
                self.node("Call", &[("func", f), ("args", new_list(args)), ("keywords", k)], r)
            }
            Expr::FString(x) => {
                let mut out = Vec::new();
                let mut pending = None;
                for part in &x.value {
                    match part {
                        ast::FStringPart::Literal(l) => push_text(&mut pending, &l.value, l.range),
                        ast::FStringPart::FString(f) => self.interp_elements(&f.elements, false, &mut pending, &mut out)?,
                    }
                }
                self.flush(&mut pending, &mut out)?;
                self.node("JoinedStr", &[("values", new_list(out))], r)
            }
            Expr::TString(x) => {
                let mut out = Vec::new();
                let mut pending = None;
                for part in &x.value {
                    self.interp_elements(&part.elements, true, &mut pending, &mut out)?;
                }
                self.flush(&mut pending, &mut out)?;
                self.node("TemplateStr", &[("values", new_list(out))], r)
            }
            Expr::StringLiteral(s) => {
                let v = self.string_value(s);
                let kind = if s.value.is_unicode() { new_str("u") } else { none };
                self.constant(v, kind, range)
            }
            Expr::BytesLiteral(b) => {
                let data: Vec<u8> = b.value.bytes().collect();
                self.constant(spindle_vm::bytes::new_bytes(&data), none, range)
            }
            Expr::NumberLiteral(n) => {
                let v = match &n.value {
                    ast::Number::Int(i) => int_value(i),
                    ast::Number::Float(f) => new_float(*f),
                    ast::Number::Complex { real, imag } => spindle_vm::builtins_init::numbers::new_complex(spindle_num::Complex { re: *real, im: *imag }),
                };
                self.constant(v, none, range)
            }
            Expr::BooleanLiteral(b) => {
                let v = if b.value { rt().true_.clone() } else { rt().false_.clone() };
                self.constant(v, none, range)
            }
            Expr::NoneLiteral(_) => self.constant(none.clone(), none, range),
            Expr::EllipsisLiteral(_) => self.constant(rt().ellipsis.clone(), none, range),
            Expr::Attribute(x) => {
                let v = self.expr(&x.value)?;
                let c = self.ctx(x.ctx)?;
                self.node("Attribute", &[("value", v), ("attr", Self::ident(&x.attr)), ("ctx", c)], r)
            }
            Expr::Subscript(x) => {
                let v = self.expr(&x.value)?;
                let s = self.expr(&x.slice)?;
                let c = self.ctx(x.ctx)?;
                self.node("Subscript", &[("value", v), ("slice", s), ("ctx", c)], r)
            }
            Expr::Starred(x) => {
                let v = self.expr(&x.value)?;
                let c = self.ctx(x.ctx)?;
                self.node("Starred", &[("value", v), ("ctx", c)], r)
            }
            Expr::Name(x) => {
                let c = self.ctx(x.ctx)?;
                self.node("Name", &[("id", new_str(x.id.as_str())), ("ctx", c)], r)
            }
            Expr::List(x) => {
                let v = self.exprs(&x.elts)?;
                let c = self.ctx(x.ctx)?;
                self.node("List", &[("elts", v), ("ctx", c)], r)
            }
            Expr::Tuple(x) => {
                let v = self.exprs(&x.elts)?;
                let c = self.ctx(x.ctx)?;
                self.node("Tuple", &[("elts", v), ("ctx", c)], r)
            }
            Expr::Slice(x) => {
                let l = self.opt_expr(x.lower.as_deref())?;
                let u = self.opt_expr(x.upper.as_deref())?;
                let s = self.opt_expr(x.step.as_deref())?;
                self.node("Slice", &[("lower", l), ("upper", u), ("step", s)], r)
            }
            Expr::IpyEscapeCommand(_) => raise!(SyntaxError, "invalid syntax"),
        }
    }

    fn patterns(&mut self, ps: &[Pattern]) -> PyResult<Value> {
        let mut out = Vec::with_capacity(ps.len());
        for p in ps {
            out.push(self.pattern(p)?);
        }
        Ok(new_list(out))
    }

    fn pattern(&mut self, p: &Pattern) -> PyResult<Value> {
        let r = Some(p.range());
        match p {
            Pattern::MatchValue(x) => {
                let v = self.expr(&x.value)?;
                self.node("MatchValue", &[("value", v)], r)
            }
            Pattern::MatchSingleton(x) => {
                let v = match x.value {
                    ast::Singleton::None => rt().none.clone(),
                    ast::Singleton::True => rt().true_.clone(),
                    ast::Singleton::False => rt().false_.clone(),
                };
                self.node("MatchSingleton", &[("value", v)], r)
            }
            Pattern::MatchSequence(x) => {
                let ps = self.patterns(&x.patterns)?;
                self.node("MatchSequence", &[("patterns", ps)], r)
            }
            Pattern::MatchMapping(x) => {
                let k = self.exprs(x.keys.iter())?;
                let ps = self.patterns(&x.patterns)?;
                self.node(
                    "MatchMapping",
                    &[("keys", k), ("patterns", ps), ("rest", Self::opt_ident(x.rest.as_ref()))],
                    r,
                )
            }
            Pattern::MatchClass(x) => {
                let c = self.expr(&x.cls)?;
                let ps = self.patterns(&x.arguments.patterns)?;
                let attrs = new_list(x.arguments.keywords.iter().map(|k| Self::ident(&k.attr)).collect());
                let mut kps = Vec::with_capacity(x.arguments.keywords.len());
                for k in &x.arguments.keywords {
                    kps.push(self.pattern(&k.pattern)?);
                }
                self.node(
                    "MatchClass",
                    &[("cls", c), ("patterns", ps), ("kwd_attrs", attrs), ("kwd_patterns", new_list(kps))],
                    r,
                )
            }
            Pattern::MatchStar(x) => self.node("MatchStar", &[("name", Self::opt_ident(x.name.as_ref()))], r),
            Pattern::MatchAs(x) => {
                let pat = match x.pattern.as_deref() {
                    Some(p) => self.pattern(p)?,
                    None => rt().none.clone(),
                };
                self.node("MatchAs", &[("pattern", pat), ("name", Self::opt_ident(x.name.as_ref()))], r)
            }
            Pattern::MatchOr(x) => {
                let ps = self.patterns(&x.patterns)?;
                self.node("MatchOr", &[("patterns", ps)], r)
            }
        }
    }
}

fn push_text(pending: &mut Option<(String, TextRange)>, s: &str, r: TextRange) {
    match pending {
        Some((t, range)) => {
            t.push_str(s);
            *range = range.cover(r);
        }
        None => *pending = Some((s.to_owned(), r)),
    }
}

fn operator_name(op: ast::Operator) -> &'static str {
    match op {
        ast::Operator::Add => "Add",
        ast::Operator::Sub => "Sub",
        ast::Operator::Mult => "Mult",
        ast::Operator::MatMult => "MatMult",
        ast::Operator::Div => "Div",
        ast::Operator::Mod => "Mod",
        ast::Operator::Pow => "Pow",
        ast::Operator::LShift => "LShift",
        ast::Operator::RShift => "RShift",
        ast::Operator::BitOr => "BitOr",
        ast::Operator::BitXor => "BitXor",
        ast::Operator::BitAnd => "BitAnd",
        ast::Operator::FloorDiv => "FloorDiv",
    }
}

fn int_value(i: &ast::Int) -> Value {
    if let Some(v) = i.as_i64() {
        return new_int(v);
    }
    let text = i.to_string().replace('_', "").to_ascii_lowercase();
    let (digits, radix) = if let Some(d) = text.strip_prefix("0x") {
        (d, 16)
    } else if let Some(d) = text.strip_prefix("0o") {
        (d, 8)
    } else if let Some(d) = text.strip_prefix("0b") {
        (d, 2)
    } else {
        (text.as_str(), 10)
    };
    BigInt::parse_bytes(digits.as_bytes(), radix).map_or_else(|| new_int(0), new_bigint)
}
