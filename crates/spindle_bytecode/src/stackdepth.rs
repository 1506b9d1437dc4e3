//! Stack-depth computation over finished code: a worklist walk of every path
//! (fall-through, jumps, exception handlers) that checks the depth is consistent
//! where paths merge and never negative, and returns the maximum. The compiler's
//! assembler computes the same number while it resolves pseudo-instructions; this
//! is the independent check (and what a loader of untrusted code would use).

use crate::code::CodeObject;
use crate::opcode::{Opcode, OperandKind};

/// Why a code object's stack discipline is invalid.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StackDepthError {
    /// An instruction would pop more than the stack holds.
    Underflow {
        /// Instruction index.
        at: usize,
    },
    /// Two paths reach an instruction with different depths.
    Mismatch {
        /// Instruction index.
        at: usize,
        /// Depth seen first.
        first: u32,
        /// Depth seen later.
        second: u32,
    },
    /// A jump or handler target is out of range.
    BadTarget {
        /// Instruction index.
        at: usize,
    },
    /// Execution can run off the end of the instructions.
    FallsOffEnd,
}

/// Whether control can continue to the next instruction after `op`.
#[must_use]
pub fn falls_through(op: Opcode) -> bool {
    !matches!(
        op,
        Opcode::ReturnValue
            | Opcode::RaiseVarargs
            | Opcode::Reraise
            | Opcode::JumpForward
            | Opcode::JumpBackward
            | Opcode::JumpBackwardNoInterrupt
    )
}

/// Computes the maximum stack depth of `code`, verifying consistency.
///
/// # Errors
/// Returns the first inconsistency found.
pub fn compute_stack_depth(code: &CodeObject) -> Result<u32, StackDepthError> {
    stack_depths(code).map(|(max, _)| max)
}

/// The maximum stack depth of `code` and the depth before each instruction
/// (None where no path reaches it), verifying consistency as
/// [`compute_stack_depth`] does.
///
/// # Errors
/// Returns the first inconsistency found.
pub fn stack_depths(code: &CodeObject) -> Result<(u32, Vec<Option<u32>>), StackDepthError> {
    let n = code.instructions.len();
    let mut depth_at: Vec<Option<u32>> = vec![None; n];
    let mut work = vec![(0usize, 0u32)];
    let mut max = 0;
    let visit = |work: &mut Vec<(usize, u32)>, depth_at: &mut Vec<Option<u32>>, at: usize, target: usize, d: u32| {
        if target >= n {
            return Err(StackDepthError::BadTarget { at });
        }
        match depth_at[target] {
            Some(prev) if prev != d => Err(StackDepthError::Mismatch { at: target, first: prev, second: d }),
            Some(_) => Ok(()),
            None => {
                depth_at[target] = Some(d);
                work.push((target, d));
                Ok(())
            }
        }
    };
    if n == 0 {
        return Err(StackDepthError::FallsOffEnd);
    }
    depth_at[0] = Some(0);
    while let Some((at, depth)) = work.pop() {
        let ins = code.instructions[at];
        if let Some(h) = code.handler_for(at as u32) {
            let d = h.depth + u32::from(h.lasti) + 1;
            if h.depth > depth {
                return Err(StackDepthError::Underflow { at });
            }
            max = max.max(d);
            visit(&mut work, &mut depth_at, at, h.target as usize, d)?;
        }
        let (pop, push) = ins.op.stack_effect(ins.arg);
        if pop > depth {
            return Err(StackDepthError::Underflow { at });
        }
        let after = depth - pop + push;
        max = max.max(after);
        if ins.op.operand_kind() == OperandKind::Jump {
            let (jpop, jpush) = ins.op.jump_stack_effect(ins.arg);
            let jd = depth - jpop + jpush;
            max = max.max(jd);
            visit(&mut work, &mut depth_at, at, ins.arg as usize, jd)?;
        }
        if falls_through(ins.op) {
            if at + 1 >= n {
                return Err(StackDepthError::FallsOffEnd);
            }
            visit(&mut work, &mut depth_at, at, at + 1, after)?;
        }
    }
    Ok((max, depth_at))
}
