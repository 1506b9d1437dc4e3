//! `PyErr` carries a raised Python exception instance; `PyResult` is the one
//! result type of every fallible runtime function. `raise!` builds an
//! exception of a builtin class with CPython's wording.

use crate::value::Value;

#[derive(Clone, Debug)]
pub struct PyErr(pub Value);

pub type PyResult<T = Value> = Result<T, PyErr>;

impl PyErr {
    /// An exception of builtin class `ty` with the single argument `msg`.
    pub fn new(ty: crate::object::TypeRef, msg: impl Into<String>) -> PyErr {
        let arg = crate::str::new_str(&msg.into());
        PyErr(crate::exceptions::new_exception(ty, vec![arg]))
    }

    /// An exception of class `ty` with no arguments.
    pub fn bare(ty: crate::object::TypeRef) -> PyErr {
        PyErr(crate::exceptions::new_exception(ty, vec![]))
    }

    pub fn value(&self) -> &Value {
        &self.0
    }

    pub fn is_instance(&self, ty: crate::object::TypeRef) -> bool {
        self.0.type_ref().is_subtype(ty)
    }
}

/// `raise!(TypeError, "fmt", args...)` returns `Err` of a new exception of the
/// builtin class named by the field of `rt().exc`.
#[macro_export]
macro_rules! raise {
    ($exc:ident, $($fmt:tt)+) => {
        return Err($crate::error::PyErr::new($crate::runtime::rt().exc.$exc, format!($($fmt)+)))
    };
}

/// Like `raise!` but evaluates to the `PyErr` instead of returning.
#[macro_export]
macro_rules! err {
    ($exc:ident, $($fmt:tt)+) => {
        $crate::error::PyErr::new($crate::runtime::rt().exc.$exc, format!($($fmt)+))
    };
}
