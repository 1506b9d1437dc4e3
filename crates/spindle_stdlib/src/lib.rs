//! Spindle's native (Rust) modules: what CPython writes in C and the Lib
//! imports. One file per module; each group file lists its modules in a
//! table, and `table()` is the one registry the `spindle` binary installs.
//! Every module here is safe without a GIL.

#[path = "core/mod.rs"]
mod core_mods;
mod group_core;
mod group_math;
mod group_os;
pub mod os;
mod group_sre;
mod group_ast;
mod ast_mod;
mod group_typing;
mod typing_mod;
mod sre;
mod math;
pub mod kinds;
mod csv_mod;
#[path = "datetime_mod/mod.rs"]
mod datetime_mod;
#[path = "pickle_mod/mod.rs"]
mod pickle_mod;
#[path = "decimal_mod/mod.rs"]
mod decimal_mod;
#[path = "sqlite_mod/mod.rs"]
mod sqlite_mod;

use spindle_vm::interp::{NativeModuleDef, NativeModuleInit};

/// Every native module, by import name.
///
/// Every module here declares that it runs safely without the GIL (CPython's
/// `Py_mod_gil = Py_MOD_GIL_NOT_USED`): they are Spindle's own, written for
/// free threading, so importing one never turns GIL mode on.
pub fn table() -> Vec<(&'static str, NativeModuleDef)> {
    let mut t: Vec<(&'static str, NativeModuleInit)> = Vec::new();
    t.extend(group_os::table());
    t.extend(group_math::table());
    t.extend(group_core::table());
    t.extend(group_sre::table());
    t.extend(group_ast::table());
    t.extend(group_typing::table());
    t.push(("_csv", csv_mod::init as NativeModuleInit));
    t.push(("_datetime", datetime_mod::init as NativeModuleInit));
    t.push(("_pickle", pickle_mod::init as NativeModuleInit));
    t.push(("_decimal", decimal_mod::init as NativeModuleInit));
    t.push(("_sqlite3", sqlite_mod::init as NativeModuleInit));
    t.into_iter().map(|(name, init)| (name, NativeModuleDef::free_threaded(init))).collect()
}
