//! The typing group of native modules (see lib.rs): `_typing`, the
//! primitives `typing` imports (implemented in the `typing_mod` folder).

use spindle_vm::interp::NativeModuleInit;

pub(crate) fn table() -> Vec<(&'static str, NativeModuleInit)> {
    vec![
        ("_typing", crate::typing_mod::init as NativeModuleInit),
        ("_opcode", crate::typing_mod::init_opcode as NativeModuleInit),
        ("_imp", crate::typing_mod::init_imp as NativeModuleInit),
        ("_frozen_importlib", crate::typing_mod::init_frozen_importlib as NativeModuleInit),
        ("_frozen_importlib_external", crate::typing_mod::init_frozen_importlib_external as NativeModuleInit),
        ("_warnings", crate::typing_mod::init_warnings as NativeModuleInit),
        ("marshal", crate::typing_mod::init_marshal as NativeModuleInit),
        ("_tokenize", crate::ast_mod::init_tokenize as NativeModuleInit),
        ("_operator", crate::typing_mod::init_operator as NativeModuleInit),
        ("_types", crate::typing_mod::init_types as NativeModuleInit),
        (crate::typing_mod::SYSCONFIGDATA, crate::typing_mod::init_sysconfigdata as NativeModuleInit),
    ]
}
