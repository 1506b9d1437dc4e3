//! Spindle's bytecode: the one instruction table (`opcode`), the instruction and
//! operand types, `CodeObject` with its constants, positions and exception table,
//! a `dis`-style disassembler, and a stack-depth checker. Depends on no other
//! Spindle crate; the compiler produces these values and the VM executes them.

mod code;
mod constant;
mod dis;
mod instruction;
mod opcode;
mod serialize;
mod stackdepth;

pub use code::{
    CodeFlags, CodeObject, ExceptionTableEntry, LocalKind, Position,
};
pub use constant::Constant;
pub use dis::{disassemble, disassemble_recursive};
pub use instruction::{ConstIdx, Instruction, JumpTarget, LocalIdx, NameIdx};
pub use opcode::{
    BinaryOp, CommonConstant, CompareOp, FunctionAttr, Intrinsic1, Intrinsic2, Opcode,
    OperandKind, SpecialMethod,
};
pub use serialize::{DecodeError, decode, encode};
pub use stackdepth::{StackDepthError, compute_stack_depth, falls_through, stack_depths};

#[cfg(test)]
mod tests;

/// A hash of this crate's and the compiler's sources (build.rs): equal for
/// two builds only if their compiled code means the same.
pub fn code_fingerprint() -> u64 {
    env!("SPINDLE_CODE_FINGERPRINT").parse().unwrap_or(0)
}
