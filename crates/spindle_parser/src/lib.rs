//! Spindle's parser adapter: parses Python 3.14 source with `ruff_python_parser`
//! (the only crate that depends on it; the AST is re-exported as `ast`) and turns
//! every parse or unsupported-syntax error into a `SyntaxErrorInfo` worded and
//! positioned as CPython 3.14 reports it. Also enforces CPython's parser nesting
//! limit, and provides `LineIndex` for byte-offset -> (line, column) mapping.

mod errors;
mod line_index;
mod strings;
mod tokens;

use ruff_python_parser::{Mode, ParseOptions};
pub use ruff_python_ast as ast;
pub use ruff_python_ast::PythonVersion;
pub use ruff_text_size::{Ranged, TextRange, TextSize};

pub use line_index::LineIndex;
pub use strings::decode_string_literal;
pub use tokens::tokenize;

/// Which exception class a syntax error is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum SyntaxErrorKind {
    /// `SyntaxError`
    SyntaxError,
    /// `IndentationError` (a `SyntaxError` subclass)
    IndentationError,
    /// `TabError` (an `IndentationError` subclass)
    TabError,
    /// Input too deeply nested to parse; CPython raises `MemoryError` with the
    /// message `Parser stack overflowed - Python source too complex to parse`.
    TooComplex,
}

impl SyntaxErrorKind {
    /// The Python class name.
    #[must_use]
    pub const fn name(self) -> &'static str {
        match self {
            SyntaxErrorKind::SyntaxError => "SyntaxError",
            SyntaxErrorKind::IndentationError => "IndentationError",
            SyntaxErrorKind::TabError => "TabError",
            SyntaxErrorKind::TooComplex => "MemoryError",
        }
    }
}

/// Everything needed to build a Python `SyntaxError` instance: the attributes
/// `msg`, `lineno`, `offset`, `end_lineno`, `end_offset`, `text` (filename is
/// added by the caller). Lines are 1-based; offsets are 1-based CHARACTER
/// offsets into the line, as CPython's `SyntaxError.offset`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SyntaxErrorInfo {
    /// The exception class.
    pub kind: SyntaxErrorKind,
    /// The message, e.g. `"'(' was never closed"`.
    pub msg: String,
    /// 1-based line of the error start.
    pub lineno: u32,
    /// 1-based character offset of the error start in its line.
    pub offset: u32,
    /// 1-based line of the error end.
    pub end_lineno: u32,
    /// 1-based character offset just past the error end.
    pub end_offset: u32,
    /// The source line of `lineno`, with its newline.
    pub text: Option<String>,
}

impl SyntaxErrorInfo {
    /// A `SyntaxError` covering the byte range `range` of `source`.
    #[must_use]
    pub fn new(kind: SyntaxErrorKind, msg: impl Into<String>, source: &str, range: TextRange) -> SyntaxErrorInfo {
        let index = LineIndex::new(source);
        Self::with_index(kind, msg, source, &index, range)
    }

    /// Like `new` with a precomputed line index.
    #[must_use]
    pub fn with_index(
        kind: SyntaxErrorKind,
        msg: impl Into<String>,
        source: &str,
        index: &LineIndex,
        range: TextRange,
    ) -> SyntaxErrorInfo {
        let start = index.char_position(source, range.start().to_usize());
        let mut end = index.char_position(source, range.end().to_usize());
        // A range over a line's newline ends on that line, one past it.
        if end.0 > start.0 && matches!(source.get(range.start().to_usize()..range.end().to_usize()), Some("\n" | "\r\n" | "\r")) {
            end = (start.0, start.1 + 1);
        }
        SyntaxErrorInfo {
            kind,
            msg: msg.into(),
            lineno: start.0,
            offset: start.1 + 1,
            end_lineno: end.0,
            end_offset: end.1 + 1,
            text: index.line_text(source, start.0).map(str::to_owned),
        }
    }
}

impl std::fmt::Display for SyntaxErrorInfo {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {} (line {}, offset {})", self.kind.name(), self.msg, self.lineno, self.offset)
    }
}

/// What to parse.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ParseMode {
    /// A module (`exec`).
    Module,
    /// A single expression (`eval`).
    Expression,
    /// One interactive statement (`single`); parsed as a module.
    Interactive,
}

/// A parsed source: either a module body or an expression.
#[derive(Clone, Debug)]
pub enum Parsed {
    /// `exec` / `single`
    Module(ast::ModModule),
    /// `eval`
    Expression(ast::ModExpression),
}

/// CPython's parser nesting limit (`MAXSTACK` in the tokenizer for brackets).
pub const MAX_PAREN_NESTING: usize = 200;

/// Parses `source`.
///
/// # Errors
/// The first syntax error, CPython-worded.
pub fn parse(source: &str, mode: ParseMode) -> Result<Parsed, SyntaxErrorInfo> {
    parse_with_warnings(source, mode).map(|(p, _)| p)
}

/// A SyntaxWarning the parser issues (invalid escape sequences), with the
/// line CPython reports it on.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ParseWarning {
    pub lineno: u32,
    pub msg: String,
}

/// `parse`, also returning the parser's SyntaxWarnings in source order.
///
/// # Errors
/// The first syntax error, CPython-worded.
pub fn parse_with_warnings(source: &str, mode: ParseMode) -> Result<(Parsed, Vec<ParseWarning>), SyntaxErrorInfo> {
    let index = LineIndex::new(source);
    // The nesting check runs first: deeply nested input must not reach the
    // recursive-descent parser (which would overflow the Rust stack).
    errors::check_nesting(source, &index)?;
    let ruff_mode = match mode {
        ParseMode::Module | ParseMode::Interactive => Mode::Module,
        ParseMode::Expression => Mode::Expression,
    };
    let options = ParseOptions::from(ruff_mode).with_target_version(PythonVersion::PY314);
    let parsed = ruff_python_parser::parse_unchecked(source, options);
    if let Some(err) = errors::first_error(source, &index, &parsed) {
        return Err(err);
    }
    let warnings = strings::escape_warnings(source, &index, parsed.tokens());
    let tree = parsed.into_syntax();
    Ok((
        match tree {
            ast::Mod::Module(m) => Parsed::Module(m),
            ast::Mod::Expression(e) => Parsed::Expression(e),
        },
        warnings,
    ))
}

/// Parses a module.
///
/// # Errors
/// The first syntax error.
pub fn parse_module(source: &str) -> Result<ast::ModModule, SyntaxErrorInfo> {
    match parse(source, ParseMode::Module)? {
        Parsed::Module(m) => Ok(m),
        Parsed::Expression(e) => Ok(ast::ModModule {
            range: e.range,
            node_index: ast::AtomicNodeIndex::default(),
            body: vec![ast::Stmt::Expr(ast::StmtExpr {
                range: e.range,
                node_index: ast::AtomicNodeIndex::default(),
                value: e.body,
            })]
            .into(),
        }),
    }
}

/// Parses a single expression.
///
/// # Errors
/// The first syntax error.
pub fn parse_expression(source: &str) -> Result<ast::ModExpression, SyntaxErrorInfo> {
    match parse(source, ParseMode::Expression)? {
        Parsed::Expression(e) => Ok(e),
        Parsed::Module(m) => Err(SyntaxErrorInfo::new(
            SyntaxErrorKind::SyntaxError,
            "invalid syntax",
            source,
            m.range,
        )),
    }
}

#[cfg(test)]
mod tests;
