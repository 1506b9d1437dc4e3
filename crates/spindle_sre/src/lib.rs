//! The regular-expression engine behind Spindle's `_sre` module, as plain data and
//! independent of the VM. Spindle's `re` is CPython's own `re` package: its parser and
//! compiler (`re._parser`, `re._compiler`, in Python) turn a pattern into a list of
//! 32-bit code words and hand it, with the flags and group count, to `_sre.compile`.
//! This crate validates that code ([`Program::new`]) and runs it ([`State`]) over a
//! subject of bytes, or of a `str` stored as Latin-1, UCS-2 or UCS-4 code units (any
//! [`Subject`]), with CPython 3.14's semantics: `match`, `fullmatch`, `search`, and
//! the scanner loop behind `finditer`, `findall`, `sub` and `split`, including the
//! empty-match rule of 3.7+ (an empty match may touch the previous match, but the
//! scanner never returns two matches at the same position when the second is empty).
//!
//! The matcher never recurses in Rust: backtracking points live on an explicit stack
//! whose growth is fallible (an allocation failure, or a configured limit, gives
//! [`SreError::Memory`]), and a check hook runs every few thousand steps so the VM can
//! stop a long match to deliver a signal ([`SreError::Interrupted`]).

mod chars;
pub mod constants;
mod engine;
mod search;
mod unicode_tables;
mod validate;

pub use chars::{ascii_iscased, ascii_tolower, unicode_iscased, unicode_tolower};
pub use constants::{CODESIZE, MAGIC, MAXGROUPS, MAXREPEAT};
pub use engine::{Match, State};

/// `_sre.getcodesize()`: the size of a code word in bytes.
#[must_use]
pub fn getcodesize() -> usize {
    CODESIZE
}

/// The code array does not have the shape `re._compiler` produces; `_sre.compile`
/// raises `RuntimeError("invalid SRE code")` for it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct InvalidCode;

impl std::fmt::Display for InvalidCode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("invalid SRE code")
    }
}

impl std::error::Error for InvalidCode {}

/// Why a match operation stopped without an answer.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SreError {
    /// The code reached a state the compiler never produces (CPython raises
    /// `RuntimeError("internal error in regular expression engine")`).
    Internal,
    /// The check hook asked to stop (a signal handler raised, in the VM).
    Interrupted,
    /// The backtracking stack could not grow (`MemoryError`).
    Memory,
    /// A group ended before it started (CPython raises `SystemError("The span of
    /// capturing group is wrong, please report a bug for the re module.")`).
    WrongSpan,
}

impl std::fmt::Display for SreError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            SreError::Internal => "internal error in regular expression engine",
            SreError::Interrupted => "interrupted",
            SreError::Memory => "out of memory",
            SreError::WrongSpan => {
                "The span of capturing group is wrong, please report a bug for the re module."
            }
        })
    }
}

impl std::error::Error for SreError {}

/// A validated pattern: what `_sre.compile` keeps from its arguments.
#[derive(Clone, Debug)]
pub struct Program {
    code: Box<[u32]>,
    flags: u32,
    groups: usize,
}

impl Program {
    /// Validates `code` as `re._compiler` produced it for a pattern with `groups`
    /// capturing groups (`_sre.compile`'s `groups` argument, which excludes group 0).
    ///
    /// # Errors
    /// [`InvalidCode`] if the code is malformed.
    pub fn new(code: Vec<u32>, flags: u32, groups: usize) -> Result<Program, InvalidCode> {
        validate::validate(&code, groups)?;
        Ok(Program {
            code: code.into_boxed_slice(),
            flags,
            groups,
        })
    }

    #[must_use]
    pub fn code(&self) -> &[u32] {
        &self.code
    }

    #[must_use]
    pub fn flags(&self) -> u32 {
        self.flags
    }

    /// The number of capturing groups, not counting group 0.
    #[must_use]
    pub fn groups(&self) -> usize {
        self.groups
    }
}

/// A string the matcher can run over: a sequence of code units, each a character
/// (bytes, or a `str` stored as Latin-1, UCS-2 or UCS-4 as PEP 393 does).
pub trait Subject {
    fn len(&self) -> usize;
    /// The character at `index`; callers guarantee `index < self.len()`.
    fn char_at(&self, index: usize) -> u32;
    fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

impl Subject for [u8] {
    fn len(&self) -> usize {
        <[u8]>::len(self)
    }
    fn char_at(&self, index: usize) -> u32 {
        u32::from(self[index])
    }
}

impl Subject for [u16] {
    fn len(&self) -> usize {
        <[u16]>::len(self)
    }
    fn char_at(&self, index: usize) -> u32 {
        u32::from(self[index])
    }
}

impl Subject for [u32] {
    fn len(&self) -> usize {
        <[u32]>::len(self)
    }
    fn char_at(&self, index: usize) -> u32 {
        self[index]
    }
}
