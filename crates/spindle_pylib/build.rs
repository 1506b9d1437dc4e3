//! Embeds CPython 3.14's pure-Python standard library (the `Lib/` folder that
//! the pinned `rustpython-pylib` crate ships, plus the few modules it lacks,
//! written by us in `lib/`) into one blob with an index, so
//! `spindle` runs from any folder with nothing installed, and every module
//! compiled once here with Spindle's own compiler (`code.blob`), so imports
//! skip parsing and compiling. Cargo re-runs this script whenever the compiler
//! or the bytecode crate changes, which keeps the two in step.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

/// Top-level Lib entries we do not ship (GUI toolkits, demos, tests).
const SKIP: &[&str] = &["idlelib", "tkinter", "turtledemo", "__phello__", "site-packages", "test"];

/// Packages whose data files (not `.py`) are embedded too, as resources:
/// they read them from beside their own `__file__` (venv's activation
/// scripts, ensurepip's pip wheel), so Spindle writes such a package out to
/// a folder before importing it (`spindle_pylib::materialize`).
pub const WITH_DATA: &[&str] = &["venv", "ensurepip"];

/// The Lib files whose RustPython changes would show (paths named after
/// RustPython): (file, RustPython's text, what Spindle embeds instead). The
/// build fails if a text is missing, so a new `rustpython-pylib` gets looked
/// at; docs/ARCHITECTURE.md lists these.
const REVERTS: &[(&str, &str, &str)] = &[
    (
        "site.py",
        "    return 'RustPython' # XXX: RUSTPYTHON; for site-packages\n",
        "    return 'Python'\n",
    ),
    (
        "site.py",
        "    # XXX: RUSTPYTHON\n    return f'{userbase}/lib/rustpython{version[0]}",
        "    return f'{userbase}/lib/{implementation_lower}{version[0]}",
    ),
    (
        "sysconfig/__init__.py",
        "    return 'RustPython'  # XXX: RUSTPYTHON; For site-packages\n",
        "    return 'Python'\n",
    ),
];

/// `data` of Lib file `rel` with its `REVERTS` applied.
fn reverted(rel: &str, data: Vec<u8>) -> Vec<u8> {
    let mut text = None;
    for (file, from, to) in REVERTS.iter().filter(|(f, _, _)| *f == rel) {
        let t = text.get_or_insert_with(|| String::from_utf8(data.clone()).unwrap_or_else(|_| panic!("{file} is not UTF-8")));
        assert!(t.contains(from), "rustpython-pylib's {file} no longer has {from:?}: look at REVERTS in build.rs");
        *t = t.replacen(from, to, 1);
    }
    text.map_or(data, String::into_bytes)
}

fn main() {
    let lib = PathBuf::from(rustpython_pylib::LIB_PATH);
    println!("cargo:rerun-if-changed=build.rs");
    let mut files = Vec::new();
    collect(&lib, &lib, &mut files);
    // Modules CPython's Lib has that the pinned crate does not ship, written
    // by us (docs/ARCHITECTURE.md lists them).
    let own = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").unwrap_or_else(|_| ".".into())).join("lib");
    println!("cargo:rerun-if-changed={}", own.display());
    let mut own_files = Vec::new();
    collect(&own, &own, &mut own_files);
    for (rel, _) in &own_files {
        assert!(files.iter().all(|(r, _)| r != rel), "lib/{rel} shadows a file of the pinned Lib");
    }
    files.extend(own_files);
    files.sort();
    let mut blob: Vec<u8> = Vec::new();
    let mut code_blob: Vec<u8> = Vec::new();
    // (path, source offset, source length, code offset, code length); a code
    // length of 0 means "compile at import" (a file our compiler rejects).
    let mut index = String::from("pub(crate) static INDEX: &[(&str, usize, usize, usize, usize)] = &[\n");
    for (rel, path) in &files {
        let data = reverted(rel, std::fs::read(path).unwrap_or_default());
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
    // Data files of the WITH_DATA packages: (path, offset, length) in res.blob.
    let mut res_files = Vec::new();
    for pkg in WITH_DATA {
        collect_where(&lib, &lib.join(pkg), &mut res_files, &|rel| !rel.ends_with(".py"));
    }
    res_files.sort();
    let mut res_blob: Vec<u8> = Vec::new();
    index.push_str("pub(crate) static RESOURCES: &[(&str, usize, usize)] = &[\n");
    for (rel, path) in &res_files {
        let data = std::fs::read(path).unwrap_or_default();
        let _ = writeln!(index, "    ({rel:?}, {}, {}),", res_blob.len(), data.len());
        res_blob.extend_from_slice(&data);
    }
    index.push_str("];\n");
    // A hash of everything embedded: the folder materialised packages go to.
    let mut h = 0xcbf2_9ce4_8422_2325u64;
    for b in blob.iter().chain(&res_blob) {
        h ^= u64::from(*b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    let _ = writeln!(index, "pub(crate) const CONTENT_HASH: u64 = {h};");
    let _ = writeln!(index, "pub(crate) static WITH_DATA: &[&str] = &{WITH_DATA:?};");
    let out = PathBuf::from(std::env::var("OUT_DIR").unwrap_or_else(|_| ".".into()));
    std::fs::write(out.join("lib.blob"), &blob).unwrap_or_else(|e| panic!("writing lib.blob: {e}"));
    std::fs::write(out.join("code.blob"), &code_blob).unwrap_or_else(|e| panic!("writing code.blob: {e}"));
    std::fs::write(out.join("res.blob"), &res_blob).unwrap_or_else(|e| panic!("writing res.blob: {e}"));
    std::fs::write(out.join("lib_index.rs"), index).unwrap_or_else(|e| panic!("writing lib_index.rs: {e}"));
}

fn collect(root: &Path, dir: &Path, out: &mut Vec<(String, PathBuf)>) {
    collect_where(root, dir, out, &|rel| rel.ends_with(".py"));
}

fn collect_where(root: &Path, dir: &Path, out: &mut Vec<(String, PathBuf)>, keep: &dyn Fn(&str) -> bool) {
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
            collect_where(root, &p, out, keep);
        } else if keep(&rel) {
            out.push((rel, p));
        }
    }
}
