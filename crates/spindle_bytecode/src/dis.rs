//! A `dis`-style disassembler: one line per instruction with its line number
//! (when it changes), index, name, operand and an interpretation of the operand,
//! followed by the exception table. Used by tests and debugging tools.

use std::fmt::Write as _;

use crate::code::CodeObject;
use crate::constant::Constant;
use crate::opcode::{
    BinaryOp, CommonConstant, CompareOp, Intrinsic1, Intrinsic2, OperandKind, SpecialMethod,
};

/// Disassembles one code object (not its nested code objects).
#[must_use]
pub fn disassemble(code: &CodeObject) -> String {
    let mut out = String::new();
    let mut last_line = None;
    for (i, ins) in code.instructions.iter().enumerate() {
        let line = code.positions.get(i).and_then(|p| p.lineno);
        let line_col = if line != last_line && line.is_some() {
            last_line = line;
            line.map_or(String::new(), |l| l.to_string())
        } else {
            String::new()
        };
        let _ = write!(out, "{line_col:>4} {i:>5} {}", ins.op.name());
        if ins.op.operand_kind() != OperandKind::None {
            let _ = write!(out, " {}", ins.arg);
            if let Some(desc) = describe(code, ins.op.operand_kind(), ins.arg) {
                let _ = write!(out, " ({desc})");
            }
        }
        out.push('\n');
    }
    if !code.exception_table.is_empty() {
        out.push_str("ExceptionTable:\n");
        for e in &code.exception_table {
            let _ = writeln!(
                out,
                "  {} to {} -> {} [{}]{}",
                e.start,
                e.end,
                e.target,
                e.depth,
                if e.lasti { " lasti" } else { "" }
            );
        }
    }
    out
}

/// Disassembles a code object and then, recursively, every code object in its
/// constants, each under a `Disassembly of <name>:` header.
#[must_use]
pub fn disassemble_recursive(code: &CodeObject) -> String {
    let mut out = disassemble(code);
    let mut stack: Vec<&CodeObject> = code
        .constants
        .iter()
        .rev()
        .filter_map(|c| if let Constant::Code(c) = c { Some(&**c) } else { None })
        .collect();
    while let Some(inner) = stack.pop() {
        let _ = write!(out, "\nDisassembly of <code object {}>:\n", inner.qualname);
        out.push_str(&disassemble(inner));
        stack.extend(
            inner
                .constants
                .iter()
                .rev()
                .filter_map(|c| if let Constant::Code(c) = c { Some(&**c) } else { None }),
        );
    }
    out
}

fn describe(code: &CodeObject, kind: OperandKind, arg: u32) -> Option<String> {
    let idx = arg as usize;
    let name = |i: usize| code.names.get(i).map_or_else(|| "<bad>".to_owned(), |n| n.to_string());
    Some(match kind {
        OperandKind::None | OperandKind::Count | OperandKind::SmallInt | OperandKind::Resume => {
            return None;
        }
        OperandKind::Local | OperandKind::Deref => {
            code.localsplus.get(idx).map_or_else(|| "<bad>".to_owned(), |n| n.to_string())
        }
        OperandKind::LocalPair => {
            let local = |i: usize| code.localsplus.get(i).map_or_else(|| "<bad>".to_owned(), |n| n.to_string());
            format!("{}, {}", local(idx >> 4), local(idx & 15))
        }
        OperandKind::Const => code.constants.get(idx).map_or_else(|| "<bad>".to_owned(), |c| {
            if let Constant::Code(c) = c { format!("<code object {}>", c.name) } else { c.repr() }
        }),
        OperandKind::Name => name(idx),
        OperandKind::GlobalName => {
            let n = name(idx >> 1);
            if arg & 1 == 1 { format!("{n} + NULL") } else { n }
        }
        OperandKind::AttrName => {
            let n = name(idx >> 1);
            if arg & 1 == 1 { format!("{n} + NULL|self") } else { n }
        }
        OperandKind::Jump => format!("to {arg}"),
        OperandKind::BinaryOp => BinaryOp::from_u32(arg)?.symbol().to_owned(),
        OperandKind::CompareOp => CompareOp::from_u32(arg)?.symbol().to_owned(),
        OperandKind::Invert => return (arg == 1).then(|| "invert".to_owned()),
        OperandKind::Intrinsic1 => Intrinsic1::ALL.get(idx)?.name().to_owned(),
        OperandKind::Intrinsic2 => Intrinsic2::ALL.get(idx)?.name().to_owned(),
        OperandKind::FunctionAttr => match arg {
            0x01 => "defaults",
            0x02 => "kwdefaults",
            0x04 => "annotations",
            0x08 => "closure",
            0x10 => "annotate",
            _ => return None,
        }
        .to_owned(),
        OperandKind::Special => {
            let all = [SpecialMethod::Enter, SpecialMethod::Exit, SpecialMethod::Aenter, SpecialMethod::Aexit];
            all.get(idx)?.name().to_owned()
        }
        OperandKind::CommonConstant => {
            let all = [
                CommonConstant::AssertionError,
                CommonConstant::NotImplementedError,
                CommonConstant::Tuple,
                CommonConstant::All,
                CommonConstant::Any,
            ];
            all.get(idx)?.name().to_owned()
        }
        OperandKind::Convert => match arg {
            1 => "str",
            2 => "repr",
            3 => "ascii",
            _ => return None,
        }
        .to_owned(),
        OperandKind::UnpackEx => format!("{} before, {} after", arg & 0xff, arg >> 8),
    })
}
