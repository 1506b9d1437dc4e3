//! The ast group of native modules (see lib.rs): `_ast` (its code is in
//! `ast_mod/`), registered by import name.

use spindle_vm::interp::NativeModuleInit;

use crate::ast_mod;

pub(crate) fn table() -> Vec<(&'static str, NativeModuleInit)> {
    vec![("_ast", ast_mod::init as NativeModuleInit)]
}
