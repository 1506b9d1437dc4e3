//! `_ast`: the AST node classes `Lib/ast.py` re-exports, plus the `PyCF_*`
//! compile flags. The classes are plain Python (`_ast.py`, written for
//! Spindle) executed in the module's namespace at import. `_ast._parse` (what
//! `compile(..., PyCF_ONLY_AST)` calls) builds them from the parser's tree
//! (`convert.rs`); `_ast._compile_tree` (what `compile(tree, ...)` calls)
//! turns a tree back into code by `ast.unparse` and compiling that source
//! with its positions moved to the tree's (`_compile_relocated`).

mod convert;
mod tokenize;

use spindle_parser::{ParseMode, Parsed};
use spindle_vm::error::PyResult;
use spindle_vm::function::Args;
use spindle_vm::interp::ThreadState;
use spindle_vm::str::as_str;
use spindle_vm::value::Value;
use spindle_vm::{ops, raise};

/// Creates module `_ast` and runs its Python body in it.
pub(crate) fn init(ts: &ThreadState) -> PyResult<Value> {
    let m = spindle_vm::native::new_module("_ast", &[("_parse", ast_parse), ("_compile_relocated", ast_compile_relocated)]);
    let Some(d) = m.downcast::<spindle_vm::cell::PyModule>().map(|p| p.dict.clone()) else { return Ok(m) };
    if let Some(dd) = spindle_vm::native::module_dict(&m) {
        dd.set_str(spindle_vm::str::intern("__builtins__"), ts.interp.builtins.clone());
    }
    let code = spindle_vm::import::compile_source(ts, include_str!("_ast.py"), "<spindle:_ast>", "exec")?;
    spindle_vm::eval::run_code(ts, &code, &d, None)?;
    Ok(m)
}

/// `_ast._parse(source, filename, mode)`: the AST of `source` as `_ast`
/// node instances (`mode` is 'exec', 'eval' or 'single').
fn ast_parse(ts: &ThreadState, a: Args<'_>) -> PyResult {
    let pos = a.positional();
    let [src, filename, mode] = pos else { raise!(TypeError, "_parse() takes exactly 3 arguments") };
    let text = match as_str(src) {
        Some(s) => s.to_owned(),
        None => match src.downcast::<spindle_vm::bytes::PyBytes>() {
            Some(b) => String::from_utf8_lossy(&b.data).into_owned(),
            None => raise!(TypeError, "compile() arg 1 must be a string, bytes or AST object"),
        },
    };
    let filename = ops::str_string(ts, filename)?;
    let mode = as_str(mode).unwrap_or("");
    let pm = match mode {
        "exec" => ParseMode::Module,
        "eval" => ParseMode::Expression,
        "single" => ParseMode::Interactive,
        "func_type" => raise!(ValueError, "compile() mode 'func_type' is not supported by Spindle"),
        _ => raise!(ValueError, "compile() mode must be 'exec', 'eval', 'single' or 'func_type'"),
    };
    let parsed = spindle_parser::parse(&text, pm).map_err(|e| spindle_vm::import::syntax_error(ts, &e, &filename, &text))?;
    let ns = ops::getattr_str(ts, &spindle_vm::import::import_module(ts, "_ast")?, "__dict__")?;
    let mut conv = convert::Conv::new(ts, &text, ns)?;
    match parsed {
        Parsed::Module(m) if mode == "single" => conv.interactive(&m.body),
        Parsed::Module(m) => conv.module(&m.body),
        Parsed::Expression(e) => conv.expression(&e.body),
    }
}

/// `_ast._compile_relocated(source, filename, mode, pairs)`: compiles
/// `source`, a tree's unparsed text, with its positions moved to the tree's.
/// `pairs` is a flat tuple of ints, eight per node: its position in the text
/// (line, column, end line, end column), then in the tree; outermost nodes
/// first.
fn ast_compile_relocated(ts: &ThreadState, a: Args<'_>) -> PyResult {
    let [src, filename, mode, pairs] = a.positional() else { raise!(TypeError, "_compile_relocated() takes exactly 4 arguments") };
    let (Some(src), Some(mode)) = (as_str(src), as_str(mode)) else { raise!(TypeError, "_compile_relocated() arguments 1 and 3 must be str") };
    let Some(items) = spindle_vm::seq::tuple_items(pairs) else { raise!(TypeError, "_compile_relocated() argument 4 must be tuple") };
    let filename = ops::str_string(ts, filename)?;
    let mut relocation = spindle_compiler::Relocation::default();
    for node in items.chunks_exact(8) {
        let mut v = [0u32; 8];
        let mut ok = true;
        for (slot, item) in v.iter_mut().zip(node) {
            match spindle_vm::num::int_to_i64(item).and_then(|n| u32::try_from(n).ok()) {
                Some(n) => *slot = n,
                None => ok = false,
            }
        }
        if ok {
            relocation.add(((v[0], v[1]), (v[2], v[3])), ((v[4], v[5]), (v[6], v[7])));
        }
    }
    spindle_vm::import::compile_relocated(ts, src, &filename, mode, &relocation)
}

/// `_tokenize`: `TokenizerIter` (Python) over the native `_tokens`.
pub(crate) fn init_tokenize(ts: &ThreadState) -> PyResult<Value> {
    let m = spindle_vm::native::new_module("_tokenize", &[("_tokens", tokenize::tokens)]);
    let Some(d) = m.downcast::<spindle_vm::cell::PyModule>().map(|p| p.dict.clone()) else { return Ok(m) };
    if let Some(dd) = spindle_vm::native::module_dict(&m) {
        dd.set_str(spindle_vm::str::intern("__builtins__"), ts.interp.builtins.clone());
    }
    let code = spindle_vm::import::compile_source(ts, include_str!("_tokenize.py"), "<spindle:_tokenize>", "exec")?;
    spindle_vm::eval::run_code(ts, &code, &d, None)?;
    Ok(m)
}
