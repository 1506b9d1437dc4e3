//! Spindle's object model and interpreter: values and object headers,
//! builtin types, the protocols between them, and the bytecode loop.
//!
//! Entry points: [`interp::Interpreter`] (made by [`boot::new_interpreter`]),
//! [`eval::run_code`], [`ops`] for the object protocols.

pub mod arith;
mod attr_cache;
pub mod boot;
mod brc;
pub mod deferred;
pub mod buffer;
pub mod builtins_init;
pub mod bytes;
pub mod cell;
pub mod class;
pub mod code;
pub mod dict;
pub mod error;
pub mod eval;
pub mod exceptions;
mod finalize;
pub mod frame;
pub mod frame_dump;
pub mod freelist;
pub mod function;
pub mod gc;
pub mod gil;
pub mod generator;
pub mod globals_cache;
pub mod header;
pub mod import;
pub mod import_lock;
pub mod inline_values;
pub mod interp;
mod interp_hooks;
mod intrinsics;
pub mod iter;
pub mod kinds;
pub mod list_items;
pub mod memoryview;
pub mod native;
pub mod lock;
pub mod memory;
pub mod num;
pub mod object;
pub mod ops;
pub mod qsbr;
mod patterns;
pub mod runtime;
pub mod seq;
pub mod signals;
mod site_table;
pub mod set;
pub mod str;
pub mod thread_local;
pub mod traceback;
pub mod types;
pub mod value;
pub mod value_stack;
pub mod wait;

pub use error::{PyErr, PyResult};
pub use value::Value;

/// The first argument of an exception (its message), or None.
pub(crate) fn exceptions_args_first(e: &Value) -> Value {
    e.downcast::<exceptions::PyBaseException>()
        .and_then(|x| seq::tuple_items(&x.args.lock()).and_then(|t| t.first().cloned()))
        .unwrap_or_else(runtime::none)
}
