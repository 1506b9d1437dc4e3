//! Embeds CPython 3.14's pure-Python standard library (the `Lib/` folder that
//! the pinned `rustpython-pylib` crate ships) into one blob with an index, so
//! `spindle` runs from any folder with nothing installed, and every module
//! compiled once here with Spindle's own compiler (`code.blob`), so imports
//! skip parsing and compiling. Cargo re-runs this script whenever the compiler
//! or the bytecode crate changes, which keeps the two in step.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

/// Top-level Lib entries we do not ship (GUI toolkits, bundled wheels, demos).
const SKIP: &[&str] = &["idlelib", "tkinter", "turtledemo", "ensurepip", "__phello__", "site-packages", "test"];

fn main() {
    let lib = PathBuf::from(rustpython_pylib::LIB_PATH);
    println!("cargo:rerun-if-changed=build.rs");
    let mut files = Vec::new();
    collect(&lib, &lib, &mut files);
    files.sort();
    let mut blob: Vec<u8> = Vec::new();
    let mut code_blob: Vec<u8> = Vec::new();
    // (path, source offset, source length, code offset, code length); a code
    // length of 0 means "compile at import" (a file our compiler rejects).
    let mut index = String::from("pub(crate) static INDEX: &[(&str, usize, usize, usize, usize)] = &[\n");
    for (rel, path) in &files {
        let data = std::fs::read(path).unwrap_or_default();
        let off = blob.len();
        blob.extend_from_slice(&data);
        let code_off = code_blob.len();
        let filename = format!("<spindle-lib>/{rel}");
        if let Ok(code) = std::str::from_utf8(&data).map_err(|_| ()).and_then(|src| spindle_compiler::compile(src, &filename, spindle_compiler::Mode::Exec, 0).map_err(|_| ())) {
            code_blob.extend_from_slice(&spindle_bytecode::encode(&code));
        }
        let _ = writeln!(index, "    ({rel:?}, {off}, {}, {code_off}, {}),", data.len(), code_blob.len() - code_off);
    }
    index.push_str("];\n");
    let out = PathBuf::from(std::env::var("OUT_DIR").unwrap_or_else(|_| ".".into()));
    std::fs::write(out.join("lib.blob"), &blob).unwrap_or_else(|e| panic!("writing lib.blob: {e}"));
    std::fs::write(out.join("code.blob"), &code_blob).unwrap_or_else(|e| panic!("writing code.blob: {e}"));
    std::fs::write(out.join("lib_index.rs"), index).unwrap_or_else(|e| panic!("writing lib_index.rs: {e}"));
}

fn collect(root: &Path, dir: &Path, out: &mut Vec<(String, PathBuf)>) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    for e in entries.flatten() {
        let p = e.path();
        let rel = p.strip_prefix(root).unwrap_or(&p).to_string_lossy().replace('\\', "/");
        if dir == root && SKIP.iter().any(|s| rel == *s) {
            continue;
        }
        if p.is_dir() {
            if rel.ends_with("__pycache__") || rel.ends_with("/tests") || rel.ends_with("/test") {
                continue;
            }
            collect(root, &p, out);
        } else if rel.ends_with(".py") {
            out.push((rel, p));
        }
    }
}
