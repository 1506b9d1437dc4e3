//! The typing group of native modules (see lib.rs): `_typing`, the
//! primitives `typing` imports (implemented in the `typing_mod` folder).

use spindle_vm::interp::NativeModuleInit;

pub(crate) fn table() -> Vec<(&'static str, NativeModuleInit)> {
    vec![("_typing", crate::typing_mod::init as NativeModuleInit)]
}
