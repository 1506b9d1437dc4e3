//! One instruction (`Opcode` + `u32` operand) and the typed operand newtypes the
//! compiler uses to build them.

use crate::opcode::Opcode;

/// One instruction: an opcode and its operand (0 when the opcode takes none).
/// There are no `EXTENDED_ARG` prefixes and no inline cache entries.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Instruction {
    /// What to do.
    pub op: Opcode,
    /// The operand; its meaning is `op.operand_kind()`.
    pub arg: u32,
}

impl Instruction {
    /// An instruction with a raw operand.
    #[must_use]
    pub const fn new(op: Opcode, arg: u32) -> Instruction {
        Instruction { op, arg }
    }

    /// The jump target, if the opcode's operand is one.
    #[must_use]
    pub fn jump_target(self) -> Option<JumpTarget> {
        (self.op.operand_kind() == crate::OperandKind::Jump).then_some(JumpTarget(self.arg))
    }
}

macro_rules! index_newtype {
    ($($(#[doc = $doc:expr])* $name:ident;)*) => {$(
        $(#[doc = $doc])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub struct $name(pub u32);

        impl $name {
            /// The index as a `usize`.
            #[must_use]
            pub fn index(self) -> usize {
                self.0 as usize
            }
        }
    )*};
}

index_newtype! {
    /// An absolute instruction index inside one `CodeObject`.
    JumpTarget;
    /// An index into `CodeObject::localsplus` (locals, cells and free variables).
    LocalIdx;
    /// An index into `CodeObject::constants`.
    ConstIdx;
    /// An index into `CodeObject::names`.
    NameIdx;
}
