//! `match` statement code generation (PEP 634): every pattern kind, with
//! CPython's structural checks (`MATCH_SEQUENCE`/`MATCH_MAPPING`/`MATCH_CLASS`/
//! `MATCH_KEYS`/`GET_LEN`) and compile-time errors (unreachable patterns,
//! duplicate captures, alternatives binding different names). A failed
//! sub-pattern jumps to a "fail-pop" label that pops exactly the items the
//! pattern left on the stack, as CPython's `pattern_context` does. Names are
//! bound as soon as their sub-pattern matches.

use spindle_bytecode::{CompareOp, Constant, Opcode};
use spindle_parser::ast::{self, Expr, Pattern};
use spindle_parser::{Ranged, TextRange};

use super::{CResult, Compiler, Label, NameCtx};

/// Per-pattern state: labels that pop `i` items then fail, how many working
/// items sit above the captures, and the captured names whose values wait on
/// the stack (the first captured nearest the top of the capture area).
struct PatternCtx {
    fail_pop: Vec<Label>,
    on_top: u32,
    stores: Vec<String>,
}

fn count(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

impl<'a> Compiler<'a> {
    pub(crate) fn match_stmt(&mut self, m: &'a ast::StmtMatch) -> CResult {
        self.expr(&m.subject)?;
        let end = self.new_label();
        let n = m.cases.len();
        for (i, case) in m.cases.iter().enumerate() {
            let last = i + 1 == n;
            if !last && case.guard.is_none() {
                self.check_reachable(&case.pattern)?;
            }
            self.set_loc(case.pattern.range());
            if !last {
                self.emit(Opcode::Copy, 1);
            }
            let mut pc = PatternCtx { fail_pop: Vec::new(), on_top: 0, stores: Vec::new() };
            self.pattern(&case.pattern, &mut pc)?;
            // The whole pattern matched: bind the captures (first name on top).
            self.set_loc(case.pattern.range());
            for name in std::mem::take(&mut pc.stores) {
                self.nameop(&name, NameCtx::Store);
            }
            if let Some(g) = &case.guard {
                let fail = self.fail_label(&mut pc, 0);
                self.jump_if(g, false, fail)?;
            }
            if !last {
                self.emit(Opcode::PopTop, 0);
            }
            self.body(&case.body)?;
            self.jump(end);
            // Failure path: pop what is left, continue with the next case.
            self.emit_fail_pops(&pc);
        }
        self.bind(end);
        Ok(())
    }

    fn check_reachable(&self, p: &Pattern) -> CResult {
        match p {
            Pattern::MatchAs(a) if a.pattern.is_none() => {
                let msg = match &a.name {
                    Some(n) => format!("name capture '{}' makes remaining patterns unreachable", n.id),
                    None => "wildcard makes remaining patterns unreachable".to_owned(),
                };
                Err(self.error_at(&msg, a.range))
            }
            Pattern::MatchOr(o) => {
                for alt in &o.patterns {
                    self.check_reachable(alt)?;
                }
                Ok(())
            }
            Pattern::MatchAs(a) => match &a.pattern {
                Some(inner) => self.check_reachable(inner),
                None => Ok(()),
            },
            _ => Ok(()),
        }
    }

    fn fail_label(&mut self, pc: &mut PatternCtx, pops: u32) -> Label {
        while pc.fail_pop.len() <= pops as usize {
            let l = self.new_label();
            pc.fail_pop.push(l);
        }
        pc.fail_pop[pops as usize]
    }

    /// Jumps to the label popping `pops` working items plus every capture
    /// waiting on the stack.
    fn jump_to_fail(&mut self, pc: &mut PatternCtx, op: Opcode, pops: u32) {
        let pops = pops + count(pc.stores.len());
        let l = self.fail_label(pc, pops);
        self.emit_jump(op, l);
    }

    fn emit_fail_pops(&mut self, pc: &PatternCtx) {
        let saved = self.unit_ref().loc;
        self.unit().loc = spindle_bytecode::Position::default();
        for (i, l) in pc.fail_pop.iter().enumerate().rev() {
            self.bind(*l);
            if i > 0 {
                self.emit(Opcode::PopTop, 0);
            }
        }
        self.unit().loc = saved;
    }

    fn store_capture(&mut self, name: &'a ast::Identifier, pc: &mut PatternCtx) -> CResult {
        let n = name.id.as_str();
        if n == "_" {
            return Err(self.error_at("cannot use '_' as a target", name.range));
        }
        if pc.stores.iter().any(|s| s == n) {
            return Err(self.error_at(&format!("multiple assignments to name '{n}' in pattern"), name.range));
        }
        // Move the value under the working items and the earlier captures.
        self.rotate(pc.on_top + count(pc.stores.len()) + 1);
        pc.stores.push(n.to_owned());
        Ok(())
    }

    /// Moves TOS down to the `n`th stack position, the items above it moving up.
    fn rotate(&mut self, n: u32) {
        let mut k = n;
        while k > 1 {
            self.emit(Opcode::Swap, k);
            k -= 1;
        }
    }

    /// Matches TOS (consumed on success). On failure jumps to a fail-pop label
    /// popping `pc.on_top` items (the subject already consumed).
    #[allow(clippy::too_many_lines)]
    fn pattern(&mut self, p: &'a Pattern, pc: &mut PatternCtx) -> CResult {
        self.set_loc(p.range());
        match p {
            Pattern::MatchValue(v) => {
                self.expr(&v.value)?;
                self.emit(Opcode::CompareOp, CompareOp::Eq as u32);
                self.emit(Opcode::ToBool, 0);
                self.jump_to_fail(pc, Opcode::PopJumpIfFalse, pc.on_top);
            }
            Pattern::MatchSingleton(s) => {
                self.load_const(match s.value {
                    ast::Singleton::None => Constant::None,
                    ast::Singleton::True => Constant::Bool(true),
                    ast::Singleton::False => Constant::Bool(false),
                });
                self.emit(Opcode::IsOp, 0);
                self.jump_to_fail(pc, Opcode::PopJumpIfFalse, pc.on_top);
            }
            Pattern::MatchAs(a) => match (&a.pattern, &a.name) {
                (None, None) => self.emit(Opcode::PopTop, 0),
                (None, Some(n)) => self.store_capture(n, pc)?,
                (Some(inner), name) => {
                    self.emit(Opcode::Copy, 1);
                    pc.on_top += 1;
                    self.pattern(inner, pc)?;
                    pc.on_top -= 1;
                    match name {
                        Some(n) => self.store_capture(n, pc)?,
                        None => self.emit(Opcode::PopTop, 0),
                    }
                }
            },
            Pattern::MatchStar(s) => match &s.name {
                Some(n) => self.store_capture(n, pc)?,
                None => self.emit(Opcode::PopTop, 0),
            },
            Pattern::MatchOr(o) => self.or_pattern(o, pc)?,
            Pattern::MatchSequence(s) => self.sequence_pattern(&s.patterns, s.range, pc)?,
            Pattern::MatchMapping(m) => self.mapping_pattern(m, pc)?,
            Pattern::MatchClass(c) => self.class_pattern(c, pc)?,
        }
        Ok(())
    }

    fn or_pattern(&mut self, o: &'a ast::PatternMatchOr, pc: &mut PatternCtx) -> CResult {
        let end = self.new_label();
        let n = o.patterns.len();
        // The names the first alternative binds, in the order their values
        // lie on the stack; later alternatives reorder theirs to match.
        let mut control: Option<Vec<String>> = None;
        for (i, alt) in o.patterns.iter().enumerate() {
            if i + 1 < n {
                self.check_reachable_alt(alt)?;
            }
            // Each alternative matches a copy; its failures pop back to the subject.
            let mut sub = PatternCtx { fail_pop: Vec::new(), on_top: 0, stores: Vec::new() };
            self.emit(Opcode::Copy, 1);
            self.pattern(alt, &mut sub)?;
            match &control {
                None => control = Some(sub.stores.clone()),
                Some(ctl) => {
                    if ctl.len() != sub.stores.len() || ctl.iter().any(|c| !sub.stores.contains(c)) {
                        return Err(self.error_at("alternative patterns bind different names", o.range));
                    }
                    // Reorder the values (a name's index is its depth below
                    // the top): from the deepest, swap each into its place.
                    for ic in (0..ctl.len()).rev() {
                        let Some(is) = sub.stores.iter().position(|s| *s == ctl[ic]) else {
                            return Err(self.error_at("alternative patterns bind different names", o.range));
                        };
                        if is != ic {
                            if is != 0 {
                                self.emit(Opcode::Swap, count(is + 1));
                                sub.stores.swap(0, is);
                            }
                            self.emit(Opcode::Swap, count(ic + 1));
                            sub.stores.swap(0, ic);
                        }
                    }
                }
            }
            self.jump(end);
            self.emit_fail_pops(&sub);
        }
        // No alternative matched: the subject is still on the stack.
        self.emit(Opcode::PopTop, 0);
        self.jump_to_fail(pc, Opcode::JumpForward, pc.on_top);
        // `JumpForward` with a label: resolved by the assembler like any jump.
        self.bind(end);
        // [outer captures, working items, subject, new captures]: move each new
        // capture below the outer ones, then drop the subject copy.
        let control = control.unwrap_or_default();
        let nrots = count(control.len()) + 1 + pc.on_top + count(pc.stores.len());
        for name in control {
            self.rotate(nrots);
            if pc.stores.contains(&name) {
                return Err(self.error_at(&format!("multiple assignments to name '{name}' in pattern"), o.range));
            }
            pc.stores.push(name);
        }
        self.emit(Opcode::PopTop, 0);
        Ok(())
    }

    fn check_reachable_alt(&self, p: &Pattern) -> CResult {
        if let Pattern::MatchAs(a) = p
            && a.pattern.is_none()
        {
            let msg = match &a.name {
                Some(n) => format!("name capture '{}' makes remaining patterns unreachable", n.id),
                None => "wildcard makes remaining patterns unreachable".to_owned(),
            };
            return Err(self.error_at(&msg, a.range));
        }
        Ok(())
    }

    fn sequence_pattern(&mut self, pats: &'a [Pattern], range: TextRange, pc: &mut PatternCtx) -> CResult {
        let star = pats.iter().position(|p| matches!(p, Pattern::MatchStar(_)));
        if pats.iter().filter(|p| matches!(p, Pattern::MatchStar(_))).count() > 1 {
            return Err(self.error_at("multiple starred names in sequence pattern", range));
        }
        let n = pats.len();
        self.emit(Opcode::MatchSequence, 0);
        self.jump_to_fail(pc, Opcode::PopJumpIfFalse, pc.on_top + 1);
        match star {
            None => {
                self.emit(Opcode::GetLen, 0);
                self.load_const(Constant::Int(i64::try_from(n).unwrap_or(0)));
                self.emit(Opcode::CompareOp, CompareOp::Eq as u32);
                self.emit(Opcode::ToBool, 0);
                self.jump_to_fail(pc, Opcode::PopJumpIfFalse, pc.on_top + 1);
                self.emit(Opcode::UnpackSequence, u32::try_from(n).unwrap_or(0));
            }
            Some(si) => {
                if n > 1 {
                    self.emit(Opcode::GetLen, 0);
                    self.load_const(Constant::Int(i64::try_from(n - 1).unwrap_or(0)));
                    self.emit(Opcode::CompareOp, CompareOp::Ge as u32);
                    self.emit(Opcode::ToBool, 0);
                    self.jump_to_fail(pc, Opcode::PopJumpIfFalse, pc.on_top + 1);
                }
                let after = n - si - 1;
                self.emit(Opcode::UnpackEx, u32::try_from(si | (after << 8)).unwrap_or(0));
            }
        }
        let base = pc.on_top;
        for (i, p) in pats.iter().enumerate() {
            pc.on_top = base + u32::try_from(n - 1 - i).unwrap_or(0);
            self.pattern(p, pc)?;
        }
        pc.on_top = base;
        Ok(())
    }

    fn mapping_pattern(&mut self, m: &'a ast::PatternMatchMapping, pc: &mut PatternCtx) -> CResult {
        let n = m.keys.len();
        self.emit(Opcode::MatchMapping, 0);
        self.jump_to_fail(pc, Opcode::PopJumpIfFalse, pc.on_top + 1);
        if n == 0 && m.rest.is_none() {
            self.emit(Opcode::PopTop, 0);
            return Ok(());
        }
        if n > 0 {
            self.emit(Opcode::GetLen, 0);
            self.load_const(Constant::Int(i64::try_from(n).unwrap_or(0)));
            self.emit(Opcode::CompareOp, CompareOp::Ge as u32);
            self.emit(Opcode::ToBool, 0);
            self.jump_to_fail(pc, Opcode::PopJumpIfFalse, pc.on_top + 1);
        }
        let mut seen: Vec<Constant> = Vec::new();
        for k in &m.keys {
            match crate::fold::constant_in(k, self.source) {
                Some(c) => {
                    if seen.contains(&c) {
                        return Err(self.error_at(&format!("mapping pattern checks duplicate key ({})", c.repr()), m.range));
                    }
                    seen.push(c);
                }
                None if matches!(k, Expr::Attribute(_)) => {}
                None => {
                    return Err(self.error_at("mapping pattern keys may only match literals and attribute lookups", k.range()));
                }
            }
        }
        let key_refs: Vec<&Expr> = m.keys.iter().collect();
        self.sequence_build(&key_refs, Opcode::BuildTuple)?;
        self.emit(Opcode::MatchKeys, 0);
        self.emit(Opcode::Copy, 1);
        self.jump_to_fail(pc, Opcode::PopJumpIfNone, pc.on_top + 3);
        self.emit(Opcode::UnpackSequence, u32::try_from(n).unwrap_or(0));
        let base = pc.on_top;
        for (i, p) in m.patterns.iter().enumerate() {
            pc.on_top = base + 2 + u32::try_from(n - 1 - i).unwrap_or(0);
            self.pattern(p, pc)?;
        }
        pc.on_top = base;
        // [subject, keys]
        match &m.rest {
            Some(rest) => {
                self.emit(Opcode::BuildMap, 0);
                self.emit(Opcode::Swap, 3);
                self.emit(Opcode::DictUpdate, 2);
                let mut size = u32::try_from(n).unwrap_or(0);
                self.emit(Opcode::UnpackSequence, size);
                while size > 0 {
                    self.emit(Opcode::Copy, 1 + size);
                    size -= 1;
                    self.emit(Opcode::Swap, 2);
                    self.emit(Opcode::DeleteSubscr, 0);
                }
                self.store_capture(rest, pc)?;
            }
            None => {
                self.emit(Opcode::PopTop, 0);
                self.emit(Opcode::PopTop, 0);
            }
        }
        Ok(())
    }

    fn class_pattern(&mut self, c: &'a ast::PatternMatchClass, pc: &mut PatternCtx) -> CResult {
        let args = &c.arguments;
        let npos = args.patterns.len();
        let nkw = args.keywords.len();
        for (i, k) in args.keywords.iter().enumerate() {
            if args.keywords[..i].iter().any(|o| o.attr.id == k.attr.id) {
                return Err(self.error_at(&format!("attribute name repeated in class pattern: {}", k.attr.id), k.pattern.range()));
            }
        }
        self.expr(&c.cls)?;
        let names: Vec<Constant> = args.keywords.iter().map(|k| Constant::str(k.attr.id.as_str())).collect();
        self.load_const(Constant::Tuple(names.into()));
        self.set_loc(c.range);
        self.emit(Opcode::MatchClass, u32::try_from(npos).unwrap_or(0));
        self.emit(Opcode::Copy, 1);
        self.jump_to_fail(pc, Opcode::PopJumpIfNone, pc.on_top + 1);
        let total = npos + nkw;
        self.emit(Opcode::UnpackSequence, u32::try_from(total).unwrap_or(0));
        let base = pc.on_top;
        let subs: Vec<&'a Pattern> = args.patterns.iter().chain(args.keywords.iter().map(|k| &k.pattern)).collect();
        for (i, p) in subs.into_iter().enumerate() {
            pc.on_top = base + u32::try_from(total - 1 - i).unwrap_or(0);
            self.pattern(p, pc)?;
        }
        pc.on_top = base;
        Ok(())
    }
}
