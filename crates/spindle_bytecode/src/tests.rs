//! Invariants of the instruction table and the helpers built on it.

use crate::{Opcode, OperandKind};

#[test]
fn discriminants_are_dense_and_ordered() {
    for (i, op) in Opcode::ALL.iter().enumerate() {
        assert_eq!(*op as usize, i, "{}", op.name());
        assert_eq!(Opcode::from_u8(u8::try_from(i).unwrap()), Some(*op));
    }
    assert!(Opcode::ALL.len() < 256);
    assert_eq!(Opcode::from_u8(u8::try_from(Opcode::ALL.len()).unwrap()), None);
}

#[test]
fn names_are_unique_upper_snake_and_documented() {
    let mut seen = std::collections::HashSet::new();
    for op in Opcode::ALL {
        let name = op.name();
        assert!(seen.insert(name), "duplicate {name}");
        assert!(name.chars().all(|c| c.is_ascii_uppercase() || c == '_' || c.is_ascii_digit()));
        // Every doc starts with the opcode's own name and a stack picture.
        let doc = op.doc();
        assert!(doc.trim_start().starts_with(&format!("`{name}")), "{name}: {doc}");
        assert!(doc.contains("--"), "{name} doc lacks a stack picture");
        // Variant name is the CamelCase of the CPython name.
        let camel: String = name
            .split('_')
            .map(|w| {
                let mut cs = w.chars();
                cs.next().map_or(String::new(), |f| f.to_string() + &cs.as_str().to_ascii_lowercase())
            })
            .collect();
        assert_eq!(format!("{op:?}"), camel);
    }
}

#[test]
fn stack_effects_are_sane() {
    for op in Opcode::ALL {
        for arg in [0u32, 1, 2, 3, 7, 0x102] {
            let (pop, push) = op.stack_effect(arg);
            assert!(pop <= 3 + 2 * arg.max(8) && push <= 3 + arg.max(8) + 260, "{}", op.name());
            let (jpop, jpush) = op.jump_stack_effect(arg);
            if op.operand_kind() != OperandKind::Jump {
                assert_eq!((jpop, jpush), (pop, push));
            }
        }
    }
    assert_eq!(Opcode::ForIter.stack_effect(0), (1, 2));
    assert_eq!(Opcode::ForIter.jump_stack_effect(0), (1, 1));
    assert_eq!(Opcode::LoadGlobal.stack_effect(1), (0, 2));
    assert_eq!(Opcode::LoadAttr.stack_effect(3), (1, 2));
    assert_eq!(Opcode::UnpackEx.stack_effect(1 | (2 << 8)), (1, 4));
}
