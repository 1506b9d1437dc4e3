//! The error type every fallible operation returns: the Python exception class to raise
//! and CPython's exact message text, so the VM can turn it into an exception object
//! without any knowledge of where it came from.

use std::borrow::Cow;
use std::fmt;

/// Which Python exception class an error maps to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ErrorKind {
    /// `ZeroDivisionError`.
    ZeroDivision,
    /// `OverflowError`.
    Overflow,
    /// `ValueError`.
    Value,
    /// `TypeError`.
    Type,
    /// `MemoryError` (raised with no message, so `msg` is empty).
    Memory,
}

/// A Python exception to raise: its class and the text of `str(exc)`.
///
/// One message is special: float `**` overflow raises `OverflowError(34, 'Numerical
/// result out of range')` in CPython (an errno-style exception with two args). Its
/// `msg` here is that `str()` form, `"(34, 'Numerical result out of range')"`; the VM
/// may build the two-argument exception from [`NumError::is_errno_range`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NumError {
    pub kind: ErrorKind,
    pub msg: Cow<'static, str>,
}

/// The result type of every fallible numeric operation.
pub type NumResult<T> = Result<T, NumError>;

/// The `str()` of CPython's errno-style float overflow error on Linux.
pub(crate) const ERANGE_MSG: &str = "(34, 'Numerical result out of range')";

impl NumError {
    pub(crate) fn new(kind: ErrorKind, msg: impl Into<Cow<'static, str>>) -> Self {
        NumError {
            kind,
            msg: msg.into(),
        }
    }
    pub(crate) fn zero_div(msg: &'static str) -> Self {
        Self::new(ErrorKind::ZeroDivision, msg)
    }
    pub(crate) fn overflow(msg: impl Into<Cow<'static, str>>) -> Self {
        Self::new(ErrorKind::Overflow, msg)
    }
    pub(crate) fn value(msg: impl Into<Cow<'static, str>>) -> Self {
        Self::new(ErrorKind::Value, msg)
    }
    pub(crate) fn type_error(msg: impl Into<Cow<'static, str>>) -> Self {
        Self::new(ErrorKind::Type, msg)
    }
    pub(crate) fn memory() -> Self {
        Self::new(ErrorKind::Memory, "")
    }

    /// True for the errno-style `OverflowError(34, 'Numerical result out of range')`.
    #[must_use]
    pub fn is_errno_range(&self) -> bool {
        self.kind == ErrorKind::Overflow && self.msg == ERANGE_MSG
    }

    /// The Python exception class name, e.g. `"ValueError"`.
    #[must_use]
    pub fn type_name(&self) -> &'static str {
        match self.kind {
            ErrorKind::ZeroDivision => "ZeroDivisionError",
            ErrorKind::Overflow => "OverflowError",
            ErrorKind::Value => "ValueError",
            ErrorKind::Type => "TypeError",
            ErrorKind::Memory => "MemoryError",
        }
    }
}

impl fmt::Display for NumError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.type_name(), self.msg)
    }
}

impl std::error::Error for NumError {}
