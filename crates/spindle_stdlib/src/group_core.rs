//! The core group of native modules (see lib.rs); the modules themselves
//! live in `core/`.

use spindle_vm::interp::NativeModuleInit;

pub(crate) fn table() -> Vec<(&'static str, NativeModuleInit)> {
    crate::core_mods::table()
}
