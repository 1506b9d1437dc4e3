//! The flowgraph/assemble pass: walks a unit's instruction sequence from entry
//! (fall-through, jumps and exception handlers), computing the stack depth and
//! the active exception handler at every reachable instruction; drops
//! unreachable code and pseudo-instructions; resolves labels to absolute
//! instruction indices; builds the exception table; fixes cell/free operands to
//! localsplus slots; and produces the final `CodeObject`.

use std::sync::Arc;

use spindle_bytecode::{
    CodeFlags, CodeObject, ExceptionTableEntry, Instruction, LocalKind, Opcode, Position,
    falls_through,
};

use crate::codegen::{Instr, Op, Unit};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Handler {
    target: usize,
    depth: u32,
    lasti: bool,
}

#[derive(Clone, Debug)]
struct State {
    depth: u32,
    /// Innermost last.
    handlers: Vec<Handler>,
}

pub(crate) fn assemble(mut unit: Unit<'_>, filename: &str) -> Result<CodeObject, String> {
    let instrs = std::mem::take(&mut unit.instrs);
    let n = instrs.len();
    let label_pos = |l: crate::codegen::Label| -> Result<usize, String> {
        unit.labels
            .get(l.0 as usize)
            .copied()
            .flatten()
            .map(|p| p as usize)
            .ok_or_else(|| "internal compiler error: unbound label".to_owned())
    };
    // 1. Flow analysis.
    let mut states: Vec<Option<State>> = vec![None; n + 1];
    let mut work: Vec<usize> = Vec::new();
    let mut max_depth = 0u32;
    if n > 0 {
        states[0] = Some(State { depth: 0, handlers: Vec::new() });
        work.push(0);
    }
    let visit = |states: &mut Vec<Option<State>>, work: &mut Vec<usize>, at: usize, st: State| {
        if at > n {
            return;
        }
        if states[at].is_none() {
            states[at] = Some(st);
            work.push(at);
        }
    };
    while let Some(i) = work.pop() {
        let Some(state) = states[i].clone() else { continue };
        if i >= n {
            // Falling off the end: only possible for malformed sequences.
            return Err("internal compiler error: code falls off the end".to_owned());
        }
        let ins = instrs[i];
        let depth = state.depth;
        match ins.op {
            Op::SetupFinally | Op::SetupCleanup | Op::SetupWith => {
                let target = label_pos(ins.target.ok_or("setup without target")?)?;
                let base = if ins.op == Op::SetupWith { depth.saturating_sub(1) } else { depth };
                let lasti = ins.op != Op::SetupFinally;
                let h = Handler { target, depth: base, lasti };
                let hdepth = base + u32::from(lasti) + 1;
                max_depth = max_depth.max(hdepth);
                visit(&mut states, &mut work, target, State { depth: hdepth, handlers: state.handlers.clone() });
                let mut next = state.clone();
                next.handlers.push(h);
                visit(&mut states, &mut work, i + 1, next);
            }
            Op::PopBlock => {
                let mut next = state.clone();
                next.handlers.pop();
                visit(&mut states, &mut work, i + 1, next);
            }
            Op::Jump | Op::JumpNoInterrupt => {
                let target = label_pos(ins.target.ok_or("jump without target")?)?;
                visit(&mut states, &mut work, target, state.clone());
            }
            Op::Real(op) => {
                let (pop, push) = op.stack_effect(ins.arg);
                if pop > depth {
                    return Err(format!("internal compiler error: stack underflow at {} in {}", op.name(), unit.qualname));
                }
                let after = depth - pop + push;
                max_depth = max_depth.max(after);
                if let Some(t) = ins.target {
                    let target = label_pos(t)?;
                    let (jpop, jpush) = op.jump_stack_effect(ins.arg);
                    let jd = depth - jpop + jpush;
                    max_depth = max_depth.max(jd);
                    visit(&mut states, &mut work, target, State { depth: jd, handlers: state.handlers.clone() });
                }
                if falls_through(op) {
                    visit(&mut states, &mut work, i + 1, State { depth: after, handlers: state.handlers.clone() });
                }
            }
        }
    }
    let bound = definitely_bound_loads(&instrs, &unit, &label_pos);
    // 2. Keep reachable real instructions; map old index -> new index.
    // Adjacent LOAD_FAST/STORE_FAST pairs fuse into one superinstruction
    // where nothing can tell: one line, one handler, plain slots below 16,
    // and the second no label's target.
    let mut is_target = vec![false; n + 1];
    for p in unit.labels.iter().flatten() {
        if let Some(t) = is_target.get_mut(*p as usize) {
            *t = true;
        }
    }
    let mut new_index = vec![u32::MAX; n + 1];
    let mut out: Vec<(Instr, Option<Handler>)> = Vec::with_capacity(n);
    // Whether a label names a position since the last kept instruction
    // (dropped pseudo-instructions and unreachable code included: such a
    // label resolves to the next kept instruction, which must not fuse).
    let mut label_since = false;
    for (i, ins) in instrs.iter().enumerate() {
        new_index[i] = u32::try_from(out.len()).unwrap_or(u32::MAX);
        label_since |= is_target[i];
        let Some(st) = &states[i] else { continue };
        let real = match ins.op {
            Op::Real(Opcode::LoadFastCheck) if bound[i] => Instr { op: Op::Real(Opcode::LoadFast), ..*ins },
            Op::Real(_) => *ins,
            Op::Jump => Instr { op: Op::Real(Opcode::JumpForward), ..*ins },
            Op::JumpNoInterrupt => Instr { op: Op::Real(Opcode::JumpBackwardNoInterrupt), ..*ins },
            _ => continue,
        };
        let handler = st.handlers.last().copied();
        if !std::mem::take(&mut label_since)
            && let Some((prev, prev_handler)) = out.last_mut()
            && *prev_handler == handler
            && let Some(fused) = fuse_locals(prev, &real)
        {
            *prev = fused;
            new_index[i] = new_index[i].saturating_sub(1);
            continue;
        }
        out.push((real, handler));
    }
    new_index[n] = u32::try_from(out.len()).unwrap_or(u32::MAX);
    // A label pointing at dropped code resolves to the next kept instruction.
    let resolve = |pos: usize| -> u32 { new_index[pos.min(n)] };
    let mut block_start = vec![false; out.len() + 1];
    for (ins, handler) in &out {
        let targets = [ins.target.map(label_pos).transpose()?, handler.map(|h| h.target)];
        for t in targets.into_iter().flatten() {
            if let Some(b) = block_start.get_mut(resolve(t) as usize) {
                *b = true;
            }
        }
    }
    for (i, borrow) in borrowable_loads(&out, &block_start, unit.varnames.len()).into_iter().enumerate() {
        let op = match (out[i].0.op, borrow) {
            (_, 0) => continue,
            (Op::Real(Opcode::LoadFast), _) => Opcode::LoadFastBorrow,
            (_, 1) => Opcode::LoadFastBorrowLoadFast,
            (_, 2) => Opcode::LoadFastLoadFastBorrow,
            _ => Opcode::LoadFastBorrowLoadFastBorrow,
        };
        out[i].0.op = Op::Real(op);
    }
    // 3. Localsplus layout and deref fix-ups.
    let nvars = unit.varnames.len();
    let mut localsplus: Vec<Arc<str>> = unit.varnames.iter().map(|s| Arc::from(s.as_str())).collect();
    let mut kinds: Vec<LocalKind> = vec![LocalKind(LocalKind::LOCAL); nvars];
    let nargs = (unit.argcount + unit.kwonlyargcount) as usize;
    for (i, k) in kinds.iter_mut().enumerate() {
        if i < nargs {
            k.0 |= if i < unit.posonlyargcount as usize {
                LocalKind::ARG_POS
            } else if i < unit.argcount as usize {
                LocalKind::ARG_POS | LocalKind::ARG_KW
            } else {
                LocalKind::ARG_KW
            };
        }
    }
    let mut extra = nargs;
    if unit.flags & CodeFlags::VARARGS != 0 {
        if let Some(k) = kinds.get_mut(extra) {
            k.0 |= LocalKind::ARG_VAR;
        }
        extra += 1;
    }
    if unit.flags & CodeFlags::VARKEYWORDS != 0
        && let Some(k) = kinds.get_mut(extra)
    {
        k.0 |= LocalKind::ARG_VAR;
    }
    let mut deref_slot: Vec<u32> = Vec::new();
    for cell in &unit.cellvars {
        if let Some(i) = unit.varnames.iter().position(|v| v == cell) {
            kinds[i].0 |= LocalKind::CELL;
            deref_slot.push(u32::try_from(i).unwrap_or(0));
        } else {
            deref_slot.push(u32::try_from(localsplus.len()).unwrap_or(0));
            localsplus.push(Arc::from(cell.as_str()));
            kinds.push(LocalKind(LocalKind::CELL));
        }
    }
    for free in &unit.freevars {
        deref_slot.push(u32::try_from(localsplus.len()).unwrap_or(0));
        localsplus.push(Arc::from(free.as_str()));
        kinds.push(LocalKind(LocalKind::FREE));
    }
    if matches!(unit.kind, crate::symtable::ScopeKind::Comprehension) && !unit.varnames.is_empty() {
        // `.0` is a positional argument.
        kinds[0].0 |= LocalKind::ARG_POS;
    }
    // 4. Final instructions, positions, exception table.
    let mut instructions = Vec::with_capacity(out.len());
    let mut positions: Vec<Position> = Vec::with_capacity(out.len());
    let mut table: Vec<ExceptionTableEntry> = Vec::new();
    for (idx, (ins, handler)) in out.iter().enumerate() {
        let Op::Real(mut op) = ins.op else { continue };
        let mut arg = ins.arg;
        if ins.deref {
            arg = *deref_slot.get(arg as usize).ok_or("internal compiler error: bad deref")?;
        }
        if let Some(t) = ins.target {
            let target = resolve(label_pos(t)?);
            arg = target;
            if op == Opcode::JumpForward && (target as usize) <= idx {
                op = Opcode::JumpBackward;
            } else if op == Opcode::JumpBackwardNoInterrupt && (target as usize) > idx {
                op = Opcode::JumpForward;
            }
        }
        instructions.push(Instruction::new(op, arg));
        positions.push(ins.loc);
        let idx32 = u32::try_from(idx).unwrap_or(u32::MAX);
        match handler {
            Some(h) => {
                let target = resolve(h.target);
                match table.last_mut() {
                    Some(last) if last.end == idx32 && last.target == target && last.depth == h.depth && last.lasti == h.lasti => {
                        last.end += 1;
                    }
                    _ => table.push(ExceptionTableEntry { start: idx32, end: idx32 + 1, target, depth: h.depth, lasti: h.lasti }),
                }
            }
            None => {}
        }
    }
    let final_instrs = instructions;
    let consts = std::mem::take(&mut unit.consts);
    Ok(CodeObject {
        name: unit.name.clone(),
        qualname: unit.qualname.clone(),
        filename: filename.to_owned(),
        first_line: unit.first_line,
        argcount: unit.argcount,
        posonlyargcount: unit.posonlyargcount,
        kwonlyargcount: unit.kwonlyargcount,
        flags: CodeFlags(unit.flags),
        stacksize: max_depth,
        instructions: final_instrs,
        positions,
        constants: consts,
        names: unit.names.iter().map(|s| Arc::from(s.as_str())).collect(),
        localsplus,
        localspluskinds: kinds,
        exception_table: table,
    })
}

/// Which `LOAD_FAST`s and `LOAD_FAST_LOAD_FAST`s may push their locals
/// borrowed (`LOAD_FAST_BORROW`: no reference count; see
/// `spindle_vm::value_stack`). A load qualifies when, within its basic
/// block (no jump lands inside it and one exception handler covers all of
/// it, so an exception only ever discards the slot), every value it pushed
/// is popped by an instruction that reads it without taking a count
/// (`reads_borrowed`) before anything stores to, deletes or clears that
/// local. Anything else (left on the stack at the block's end, peeked in
/// place, moved by an instruction this pass does not model) keeps the load
/// owned. `block_start[i]`: a jump or handler lands at `i`.
fn borrowable_loads(out: &[(Instr, Option<Handler>)], block_start: &[bool], nvars: usize) -> Vec<u8> {
    /// A stack entry pushed by load `at` (`2 * instruction + 0`, or `+ 1`
    /// for a pair's second local) from local `local`.
    #[derive(Clone, Copy)]
    struct Origin {
        at: usize,
        local: u32,
    }
    let mut ok = vec![false; 2 * out.len()];
    let mut bad = vec![false; 2 * out.len()];
    let mut stack: Vec<Option<Origin>> = Vec::new();
    let plain_local = |ins: &Instr, local: u32| !ins.deref && (local as usize) < nvars;
    let end_block = |stack: &mut Vec<Option<Origin>>, bad: &mut Vec<bool>| {
        for o in stack.drain(..).flatten() {
            bad[o.at] = true;
        }
    };
    for (i, (ins, handler)) in out.iter().enumerate() {
        if block_start[i] || (i > 0 && out[i - 1].1 != *handler) {
            end_block(&mut stack, &mut bad);
        }
        let Op::Real(op) = ins.op else { continue };
        // Stores to a local first: a borrowed copy of it still on the stack
        // could outlive the old value.
        let stored: &[u32] = match op {
            Opcode::StoreFast | Opcode::StoreFastMaybeNull | Opcode::DeleteFast | Opcode::LoadFastAndClear if !ins.deref => &[ins.arg],
            Opcode::StoreFastLoadFast => &[ins.arg >> 4],
            Opcode::StoreFastStoreFast => &[ins.arg >> 4, ins.arg & 15],
            _ => &[],
        };
        for o in stack.iter().flatten() {
            if stored.contains(&o.local) {
                bad[o.at] = true;
            }
        }
        match op {
            Opcode::LoadFast if plain_local(ins, ins.arg) => {
                ok[2 * i] = true;
                stack.push(Some(Origin { at: 2 * i, local: ins.arg }));
            }
            Opcode::LoadFastLoadFast if !ins.deref => {
                ok[2 * i] = true;
                ok[2 * i + 1] = true;
                stack.push(Some(Origin { at: 2 * i, local: ins.arg >> 4 }));
                stack.push(Some(Origin { at: 2 * i + 1, local: ins.arg & 15 }));
            }
            Opcode::Swap => {
                let n = ins.arg as usize;
                let len = stack.len();
                if n >= 1 && n <= len {
                    stack.swap(len - 1, len - n);
                } else {
                    // An entry from before the block moves up: unknown.
                    end_block(&mut stack, &mut bad);
                }
            }
            // The top stays in place when it is a bool: it keeps its origin.
            Opcode::ToBool => {}
            // The method form pushes the method, then its owner as `self`
            // as it was (`ValueStack::push_ref`): the origin moves up.
            Opcode::LoadAttr if ins.arg & 1 == 1 => {
                let owner = stack.pop().flatten();
                stack.push(None);
                stack.push(owner);
            }
            _ => {
                let (pops, pushes) = op.stack_effect(ins.arg);
                for depth in 0..pops {
                    if let Some(Some(o)) = stack.pop() {
                        if !reads_borrowed(op, ins.arg, depth) {
                            bad[o.at] = true;
                        }
                    }
                }
                stack.extend((0..pushes).map(|_| None));
            }
        }
        if ins.target.is_some() || !falls_through(op) {
            end_block(&mut stack, &mut bad);
        }
    }
    end_block(&mut stack, &mut bad);
    // Bit 0: the (first) local may be borrowed; bit 1: a pair's second.
    let may = |k: usize| ok[k] && !bad[k];
    (0..out.len()).map(|i| may(2 * i) as u8 | (may(2 * i + 1) as u8) << 1).collect()
}

/// Whether the input `depth` below the top of the stack of instruction
/// `op` is one it reads where it is and lets go without taking a count
/// (the VM pops it with `ValueStack::pop_ref`, or drops a call's arguments
/// with the stack's `truncate`): the consumers a borrowed load pays off
/// for. Every modelled input is popped; nothing they read stays on the
/// stack in place. Any other consumer would take a count on the pop
/// anyway, so its input stays an owned load. STORE_SUBSCR borrows only
/// its container (depth 1), the shared object whose header a count would
/// write: the value is stored (it needs a count), and the key is usually
/// a computed int or a constant, for which the tag test costs more.
/// Conditional jumps, `not`, POP_TOP and comparisons are left out on
/// purpose: their inputs are mostly computed values or small ints, which
/// need no count, so testing every pop for the tag cost more than
/// borrowing saved (nbody, fannkuch; primes_threads +4.6% with
/// comparisons in).
fn reads_borrowed(op: Opcode, arg: u32, depth: u32) -> bool {
    use Opcode::*;
    match op {
        BinaryOp => arg == 26,
        StoreSubscr => depth == 1,
        IsOp | ContainsOp | GetIter | Call | CallKw => true,
        _ => false,
    }
}

/// `a` then `b` as one superinstruction, when both are plain local
/// loads/stores of slots below 16 on one line.
fn fuse_locals(a: &Instr, b: &Instr) -> Option<Instr> {
    if a.deref || b.deref || a.target.is_some() || b.target.is_some() || a.arg >= 16 || b.arg >= 16 || a.loc.lineno != b.loc.lineno {
        return None;
    }
    let op = match (a.op, b.op) {
        (Op::Real(Opcode::LoadFast), Op::Real(Opcode::LoadFast)) => Opcode::LoadFastLoadFast,
        (Op::Real(Opcode::StoreFast), Op::Real(Opcode::LoadFast)) => Opcode::StoreFastLoadFast,
        (Op::Real(Opcode::StoreFast), Op::Real(Opcode::StoreFast)) => Opcode::StoreFastStoreFast,
        _ => return None,
    };
    Some(Instr { op: Op::Real(op), arg: (a.arg << 4) | b.arg, ..*a })
}

/// Which `LOAD_FAST_CHECK`s read a local that every path to them has bound,
/// so a plain `LOAD_FAST` will do: a forward must-analysis (intersection
/// at joins) from the parameters, through stores and checked loads. Locals
/// that something unbinds (`DELETE_FAST`, an inlined comprehension's
/// save/restore) are never trusted, so bindings only accumulate along a
/// path, and an exception handler may start from the state at its SETUP.
fn definitely_bound_loads(
    instrs: &[Instr],
    unit: &Unit<'_>,
    label_pos: &dyn Fn(crate::codegen::Label) -> Result<usize, String>,
) -> Vec<bool> {
    let n = instrs.len();
    let nvars = unit.varnames.len();
    let words = nvars.div_ceil(64);
    let mut result = vec![false; n];
    if nvars == 0 || n == 0 {
        return result;
    }
    let local = |ins: &Instr| -> Option<usize> {
        match ins.op {
            Op::Real(op) if !ins.deref && op.operand_kind() == spindle_bytecode::OperandKind::Local => Some(ins.arg as usize).filter(|&a| a < nvars),
            _ => None,
        }
    };
    let mut unbindable = vec![false; nvars];
    for ins in instrs {
        if let (Op::Real(Opcode::DeleteFast | Opcode::LoadFastAndClear | Opcode::StoreFastMaybeNull), Some(a)) = (ins.op, local(ins)) {
            unbindable[a] = true;
        }
    }
    let set = |bits: &mut Vec<u64>, a: usize| bits[a / 64] |= 1 << (a % 64);
    let has = |bits: &Vec<u64>, a: usize| bits[a / 64] & (1 << (a % 64)) != 0;
    let mut entry = vec![0u64; words];
    let mut nparams = (unit.argcount + unit.kwonlyargcount) as usize;
    nparams += usize::from(unit.flags & CodeFlags::VARARGS != 0) + usize::from(unit.flags & CodeFlags::VARKEYWORDS != 0);
    for a in 0..nparams.min(nvars) {
        set(&mut entry, a);
    }
    let mut states: Vec<Option<Vec<u64>>> = vec![None; n + 1];
    let mut work = vec![0usize];
    states[0] = Some(entry);
    let flow = |states: &mut Vec<Option<Vec<u64>>>, work: &mut Vec<usize>, at: usize, bits: &Vec<u64>| {
        let Some(slot) = states.get_mut(at) else { return };
        match slot {
            None => {
                *slot = Some(bits.clone());
                work.push(at);
            }
            Some(old) => {
                let mut changed = false;
                for (o, b) in old.iter_mut().zip(bits) {
                    let m = *o & b;
                    changed |= m != *o;
                    *o = m;
                }
                if changed {
                    work.push(at);
                }
            }
        }
    };
    while let Some(i) = work.pop() {
        let (Some(Some(state)), Some(ins)) = (states.get(i).cloned(), instrs.get(i)) else { continue };
        let mut after = state;
        if let (Op::Real(Opcode::StoreFast | Opcode::LoadFastCheck | Opcode::LoadFast), Some(a)) = (ins.op, local(ins)) {
            if !unbindable[a] {
                set(&mut after, a);
            }
        }
        let target = ins.target.and_then(|t| label_pos(t).ok());
        match ins.op {
            Op::SetupFinally | Op::SetupCleanup | Op::SetupWith => {
                if let Some(t) = target {
                    flow(&mut states, &mut work, t, &after);
                }
                flow(&mut states, &mut work, i + 1, &after);
            }
            Op::Jump | Op::JumpNoInterrupt => {
                if let Some(t) = target {
                    flow(&mut states, &mut work, t, &after);
                }
            }
            Op::Real(op) => {
                if let Some(t) = target {
                    flow(&mut states, &mut work, t, &after);
                }
                if falls_through(op) {
                    flow(&mut states, &mut work, i + 1, &after);
                }
            }
            _ => flow(&mut states, &mut work, i + 1, &after),
        }
    }
    for (i, ins) in instrs.iter().enumerate() {
        if let (Op::Real(Opcode::LoadFastCheck), Some(a), Some(Some(st))) = (ins.op, local(ins), states.get(i)) {
            result[i] = !unbindable[a] && has(st, a);
        }
    }
    result
}
