//! Spindle's compiler: Python source (or an already parsed AST) -> `CodeObject`.
//! One module per pass: `symtable` (scopes and name resolution), `codegen`
//! (AST -> instruction sequence with labels and pseudo-instructions, split by
//! statement / expression / pattern families), `fold` (constant folding), and
//! `assemble` (label resolution, exception table, stack depth, `CodeObject`).
//! Produces inert data only; never creates runtime objects.

mod assemble;
mod codegen;
mod fold;
mod relocate;
mod symtable;

pub use relocate::Relocation;

pub use spindle_bytecode as bytecode;
pub use spindle_parser::{SyntaxErrorInfo, SyntaxErrorKind};

use spindle_bytecode::CodeObject;
use spindle_parser::ast;

/// The `mode` argument of `compile()`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    /// A module / `exec`.
    Exec,
    /// A single expression / `eval`.
    Eval,
    /// One interactive statement / `single` (expression values are printed).
    Single,
}

/// Compiles `source` to a module code object.
///
/// # Errors
/// A `SyntaxErrorInfo` with CPython's wording for any syntax error, whether found
/// by the parser, the symbol table or code generation.
pub fn compile(source: &str, filename: &str, mode: Mode, optimize: u8) -> Result<CodeObject, SyntaxErrorInfo> {
    compile_with_warnings(source, filename, mode, optimize).map(|(code, _)| code)
}

/// A compile-time `SyntaxWarning` (CPython emits it through `warnings.warn_explicit`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CompileWarning {
    pub lineno: u32,
    pub msg: String,
}

/// `compile` that also returns the SyntaxWarnings, in CPython's order.
///
/// # Errors
/// As `compile`.
pub fn compile_with_warnings(
    source: &str,
    filename: &str,
    mode: Mode,
    optimize: u8,
) -> Result<(CodeObject, Vec<CompileWarning>), SyntaxErrorInfo> {
    let parse_mode = match mode {
        Mode::Exec => spindle_parser::ParseMode::Module,
        Mode::Eval => spindle_parser::ParseMode::Expression,
        Mode::Single => spindle_parser::ParseMode::Interactive,
    };
    let (parsed, parse_warnings) = spindle_parser::parse_with_warnings(source, parse_mode)?;
    let (code, mut warnings) = match &parsed {
        spindle_parser::Parsed::Module(m) => codegen::compile_module(m, source, filename, mode == Mode::Single, optimize, None),
        spindle_parser::Parsed::Expression(e) => codegen::compile_expression(e, source, filename, optimize, None),
    }?;
    // The parser's warnings come first, as CPython issues them while parsing.
    if !parse_warnings.is_empty() {
        let mut all: Vec<CompileWarning> = parse_warnings.into_iter().map(|w| CompileWarning { lineno: w.lineno, msg: w.msg }).collect();
        all.append(&mut warnings);
        warnings = all;
    }
    Ok((code, warnings))
}

/// Compiles an already parsed tree. `source` must be the text it was parsed from
/// (positions and some error messages are computed from it).
///
/// # Errors
/// As `compile`, for errors found after parsing.
pub fn compile_parsed(
    parsed: &spindle_parser::Parsed,
    source: &str,
    filename: &str,
    mode: Mode,
    optimize: u8,
) -> Result<CodeObject, SyntaxErrorInfo> {
    match parsed {
        spindle_parser::Parsed::Module(m) => compile_module(m, source, filename, mode, optimize),
        spindle_parser::Parsed::Expression(e) => codegen::compile_expression(e, source, filename, optimize, None).map(|(c, _)| c),
    }
}

/// Compiles a parsed module (`exec` or `single` mode).
///
/// # Errors
/// As `compile`.
pub fn compile_module(
    module: &ast::ModModule,
    source: &str,
    filename: &str,
    mode: Mode,
    optimize: u8,
) -> Result<CodeObject, SyntaxErrorInfo> {
    codegen::compile_module(module, source, filename, mode == Mode::Single, optimize, None).map(|(c, _)| c)
}

/// `compile(tree, ...)`: compiles `source`, the tree's unparsed text, as
/// `compile_with_warnings` does, with every position, first line and
/// warning line moved to the tree's by `relocation`, and a syntax error too
/// (without a source line, as CPython reports errors in a tree).
///
/// # Errors
/// As `compile`.
pub fn compile_relocated(
    source: &str,
    filename: &str,
    mode: Mode,
    optimize: u8,
    relocation: &Relocation,
) -> Result<(CodeObject, Vec<CompileWarning>), SyntaxErrorInfo> {
    let parse_mode = match mode {
        Mode::Exec => spindle_parser::ParseMode::Module,
        Mode::Eval => spindle_parser::ParseMode::Expression,
        Mode::Single => spindle_parser::ParseMode::Interactive,
    };
    let moved = |e: SyntaxErrorInfo| relocation.syntax_error(e, source);
    let (parsed, parse_warnings) = spindle_parser::parse_with_warnings(source, parse_mode).map_err(moved)?;
    let (code, warnings) = match &parsed {
        spindle_parser::Parsed::Module(m) => codegen::compile_module(m, source, filename, mode == Mode::Single, optimize, Some(relocation)),
        spindle_parser::Parsed::Expression(e) => codegen::compile_expression(e, source, filename, optimize, Some(relocation)),
    }
    .map_err(moved)?;
    let mut all: Vec<CompileWarning> =
        parse_warnings.into_iter().map(|w| CompileWarning { lineno: relocation.line_at((w.lineno, 0)), msg: w.msg }).collect();
    all.extend(warnings);
    Ok((code, all))
}

/// Private name mangling: `__x` inside class `C` becomes `_C__x`.
pub(crate) fn mangle<'a>(private: Option<&str>, name: &'a str) -> std::borrow::Cow<'a, str> {
    let Some(class) = private else { return name.into() };
    if !name.starts_with("__") || name.ends_with("__") || name.contains('.') {
        return name.into();
    }
    let stripped = class.trim_start_matches('_');
    if stripped.is_empty() {
        return name.into();
    }
    format!("_{stripped}{name}").into()
}

#[cfg(test)]
mod tests;
