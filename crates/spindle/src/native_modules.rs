//! The one table of native (Rust) modules this binary provides, by import name.

use spindle_vm::interp::NativeModuleInit;

pub fn table() -> Vec<(&'static str, NativeModuleInit)> {
    #[cfg(feature = "stdlib")]
    return spindle_stdlib::table();
    #[cfg(not(feature = "stdlib"))]
    return Vec::new();
}
