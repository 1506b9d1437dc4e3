//! Precompiles the Python that Spindle's native modules run at start-up (the
//! `.py` files and `r#"..."#` source strings under spindle_vm/src and
//! spindle_stdlib/src), as CPython freezes its start-up modules. The runtime
//! looks a source text up here by content (`code_for`), so nothing depends on
//! this scan finding every snippet: one it misses is compiled at run time as
//! before, and text that is not Python simply fails to compile and is left
//! out. Snippets whose compilation warns are left out too, so the warnings
//! still appear at run time.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

fn main() {
    let manifest = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").unwrap_or_else(|_| ".".into()));
    let crates = manifest.parent().map(Path::to_path_buf).unwrap_or_default();
    let mut texts: Vec<String> = Vec::new();
    for dir in ["spindle_vm/src", "spindle_stdlib/src"] {
        let d = crates.join(dir);
        println!("cargo:rerun-if-changed={}", d.display());
        collect(&d, &mut texts);
    }
    println!("cargo:rerun-if-changed=build.rs");
    texts.sort();
    texts.dedup();
    let mut text_blob: Vec<u8> = Vec::new();
    let mut code_blob: Vec<u8> = Vec::new();
    // (hash, text offset, text length, code offset, code length)
    let mut index = String::from("pub(crate) static INDEX: &[(u64, usize, usize, usize, usize)] = &[\n");
    let mut entries = Vec::new();
    for t in &texts {
        let Ok((code, warnings)) = spindle_compiler::compile_with_warnings(t, "<frozen>", spindle_compiler::Mode::Exec, 0) else { continue };
        if !warnings.is_empty() {
            continue;
        }
        let bytes = spindle_bytecode::encode(&code);
        entries.push((fnv1a(t.as_bytes()), text_blob.len(), t.len(), code_blob.len(), bytes.len()));
        text_blob.extend_from_slice(t.as_bytes());
        code_blob.extend_from_slice(&bytes);
    }
    entries.sort();
    for (h, to, tl, co, cl) in entries {
        let _ = writeln!(index, "    ({h}, {to}, {tl}, {co}, {cl}),");
    }
    index.push_str("];\n");
    let out = PathBuf::from(std::env::var("OUT_DIR").unwrap_or_else(|_| ".".into()));
    std::fs::write(out.join("frozen_text.blob"), &text_blob).unwrap_or_else(|e| panic!("writing frozen_text.blob: {e}"));
    std::fs::write(out.join("frozen_code.blob"), &code_blob).unwrap_or_else(|e| panic!("writing frozen_code.blob: {e}"));
    std::fs::write(out.join("frozen_index.rs"), index).unwrap_or_else(|e| panic!("writing frozen_index.rs: {e}"));
}

include!("src/fnv.rs");

fn collect(dir: &Path, out: &mut Vec<String>) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    for e in entries.flatten() {
        let p = e.path();
        if p.is_dir() {
            collect(&p, out);
        } else if p.extension().is_some_and(|x| x == "py") {
            if let Ok(t) = std::fs::read_to_string(&p) {
                out.push(t);
            }
        } else if p.extension().is_some_and(|x| x == "rs") {
            if let Ok(t) = std::fs::read_to_string(&p) {
                raw_strings(&t, out);
            }
        }
    }
}

/// The contents of every `r#"..."#` literal in Rust source `src`.
fn raw_strings(src: &str, out: &mut Vec<String>) {
    let mut rest = src;
    while let Some(start) = rest.find("r#\"") {
        let body = &rest[start + 3..];
        let Some(end) = body.find("\"#") else { break };
        out.push(body[..end].to_owned());
        rest = &body[end + 2..];
    }
}
