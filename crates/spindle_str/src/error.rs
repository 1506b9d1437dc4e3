//! The error type of `str` operations: which Python exception to raise and
//! CPython's exact message for it.

use std::borrow::Cow;
use std::fmt;

/// The Python exception class a `StrError` maps to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ErrorKind {
    /// `ValueError`.
    Value,
    /// `TypeError`.
    Type,
    /// `OverflowError`.
    Overflow,
    /// `IndexError`.
    Index,
    /// `MemoryError` (an allocation that could not be made).
    Memory,
    /// `LookupError` (for example an unknown codec error handler).
    Lookup,
}

/// An error from a `str` operation, shaped as the Python exception to raise.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StrError {
    /// Which exception class.
    pub kind: ErrorKind,
    /// The message, worded as CPython words it.
    pub message: Cow<'static, str>,
}

impl StrError {
    /// A `ValueError`.
    pub fn value(message: impl Into<Cow<'static, str>>) -> Self {
        Self {
            kind: ErrorKind::Value,
            message: message.into(),
        }
    }
    /// A `TypeError`.
    pub fn type_error(message: impl Into<Cow<'static, str>>) -> Self {
        Self {
            kind: ErrorKind::Type,
            message: message.into(),
        }
    }
    /// An `OverflowError`.
    pub fn overflow(message: impl Into<Cow<'static, str>>) -> Self {
        Self {
            kind: ErrorKind::Overflow,
            message: message.into(),
        }
    }
    /// An `IndexError`.
    pub fn index(message: impl Into<Cow<'static, str>>) -> Self {
        Self {
            kind: ErrorKind::Index,
            message: message.into(),
        }
    }
    /// A `LookupError`.
    pub fn lookup(message: impl Into<Cow<'static, str>>) -> Self {
        Self {
            kind: ErrorKind::Lookup,
            message: message.into(),
        }
    }
    /// A `MemoryError` (CPython raises it without a message).
    pub fn memory() -> Self {
        Self {
            kind: ErrorKind::Memory,
            message: Cow::Borrowed(""),
        }
    }
}

impl fmt::Display for StrError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let name = match self.kind {
            ErrorKind::Value => "ValueError",
            ErrorKind::Type => "TypeError",
            ErrorKind::Overflow => "OverflowError",
            ErrorKind::Index => "IndexError",
            ErrorKind::Memory => "MemoryError",
            ErrorKind::Lookup => "LookupError",
        };
        if self.message.is_empty() {
            f.write_str(name)
        } else {
            write!(f, "{name}: {}", self.message)
        }
    }
}

impl std::error::Error for StrError {}

/// `Result` with a `StrError`.
pub type StrResult<T> = Result<T, StrError>;
