//! The os group of native modules (see lib.rs).

use spindle_vm::interp::NativeModuleInit;

pub(crate) fn table() -> Vec<(&'static str, NativeModuleInit)> {
    Vec::new()
}
