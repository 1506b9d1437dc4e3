//! The sre group of native modules (see lib.rs): `_sre`, the matching half of `re`
//! (implemented in the `sre` folder).

use spindle_vm::interp::NativeModuleInit;

pub(crate) fn table() -> Vec<(&'static str, NativeModuleInit)> {
    vec![("_sre", crate::sre::init as NativeModuleInit)]
}
