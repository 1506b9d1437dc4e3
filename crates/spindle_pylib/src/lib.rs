//! CPython 3.14's standard library sources, embedded at build time (see
//! build.rs). Paths are relative to `Lib/`, e.g. `json/__init__.py`.

include!(concat!(env!("OUT_DIR"), "/lib_index.rs"));

static BLOB: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/lib.blob"));
static CODE_BLOB: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/code.blob"));

/// The prefix `sys.path` uses for the embedded Lib; files under it resolve here.
pub const LIB_PREFIX: &str = "<spindle-lib>";

/// The source of the Lib file at `rel` (e.g. `"os.py"`), if embedded.
pub fn source(rel: &str) -> Option<&'static str> {
    let i = INDEX.binary_search_by(|e| e.0.cmp(rel)).ok()?;
    let (_, off, len, _, _) = INDEX[i];
    std::str::from_utf8(BLOB.get(off..off + len)?).ok()
}

/// The module code of the Lib file at `rel`, compiled at build time with
/// filename `<spindle-lib>/{rel}` and optimisation level 0, in
/// `spindle_bytecode::encode`'s format; `None` if it must be compiled at import.
pub fn precompiled(rel: &str) -> Option<&'static [u8]> {
    let i = INDEX.binary_search_by(|e| e.0.cmp(rel)).ok()?;
    let (_, _, _, off, len) = INDEX[i];
    if len == 0 { None } else { CODE_BLOB.get(off..off + len) }
}

/// Is the Lib file `rel` embedded? (Cheaper than `source`: no UTF-8 check.)
pub fn contains(rel: &str) -> bool {
    INDEX.binary_search_by(|e| e.0.cmp(rel)).is_ok()
}

/// Is there an embedded package directory `rel` (e.g. `"json"`)?
pub fn is_package(rel: &str) -> bool {
    source(&format!("{rel}/__init__.py")).is_some()
}

static RES_BLOB: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/res.blob"));

/// Whether top-level package `name` reads data files from beside itself
/// and so runs from a folder `materialize` writes (venv, ensurepip).
pub fn has_data_files(name: &str) -> bool {
    WITH_DATA.contains(&name)
}

/// Writes package `name` (its `.py` files and data files) to a folder of
/// its own under `cache`, once per embedded Lib (the folder's name holds
/// the Lib's content hash), and returns the folder that holds the package
/// (an entry for `sys.path`). Written to a temporary folder and renamed, so
/// processes racing each other never see half of it.
pub fn materialize(name: &str, cache: &std::path::Path) -> std::io::Result<std::path::PathBuf> {
    let root = cache.join(format!("lib-{CONTENT_HASH:016x}"));
    if root.join(name).join("__init__.py").is_file() {
        return Ok(root);
    }
    std::fs::create_dir_all(&root)?;
    let tmp = root.join(format!(".{name}.{}.tmp", std::process::id()));
    let _ = std::fs::remove_dir_all(&tmp);
    let prefix = format!("{name}/");
    let sources = INDEX.iter().filter(|e| e.0.starts_with(&prefix)).map(|e| (e.0, BLOB.get(e.1..e.1 + e.2)));
    let data = RESOURCES.iter().filter(|e| e.0.starts_with(&prefix)).map(|e| (e.0, RES_BLOB.get(e.1..e.1 + e.2)));
    for (rel, bytes) in sources.chain(data) {
        let path = tmp.join(&rel[prefix.len()..]);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent)?;
        }
        std::fs::write(&path, bytes.unwrap_or_default())?;
    }
    match std::fs::rename(&tmp, root.join(name)) {
        Ok(()) => Ok(root),
        // Another process got there first: use its copy.
        Err(_) if root.join(name).join("__init__.py").is_file() => {
            let _ = std::fs::remove_dir_all(&tmp);
            Ok(root)
        }
        Err(e) => Err(e),
    }
}

/// Every embedded path, sorted.
pub fn all_paths() -> impl Iterator<Item = &'static str> {
    INDEX.iter().map(|e| e.0)
}

#[cfg(test)]
mod tests {
    #[test]
    fn finds_core_modules() {
        for m in ["os.py", "json/__init__.py", "importlib/_bootstrap.py", "re/_compiler.py"] {
            assert!(super::source(m).is_some(), "{m}");
        }
        assert!(super::is_package("collections"));
        assert!(super::source("no_such_module.py").is_none());
        let code = super::precompiled("os.py").map(spindle_bytecode::decode);
        assert!(matches!(code, Some(Ok(c)) if c.filename == "<spindle-lib>/os.py"));
    }

    /// The embedded code is what compiling the embedded source gives now.
    #[test]
    fn precompiled_code_matches_the_compiler() {
        let mut checked = 0;
        for rel in super::all_paths() {
            let Some(src) = super::source(rel) else { continue };
            let fresh = spindle_compiler::compile(src, &format!("<spindle-lib>/{rel}"), spindle_compiler::Mode::Exec, 0);
            match (fresh, super::precompiled(rel)) {
                (Ok(code), Some(bytes)) => {
                    let stored = spindle_bytecode::decode(bytes).unwrap_or_else(|e| panic!("{rel}: {e:?}"));
                    assert_eq!(format!("{code:?}"), format!("{stored:?}"), "{rel}");
                    verify_depth(&code, rel);
                    checked += 1;
                }
                (Err(_), None) => {}
                (fresh, stored) => panic!("{rel}: compiles {} but precompiled {}", fresh.is_ok(), stored.is_some()),
            }
        }
        assert!(checked > 500, "only {checked} modules precompiled");
    }

    /// Every code object's stack is consistent at every join (a jump into
    /// the middle of a fused superinstruction would show here) and fits
    /// its `co_stacksize`, which the interpreter's value stack relies on.
    fn verify_depth(code: &spindle_bytecode::CodeObject, rel: &str) {
        let depth = spindle_bytecode::compute_stack_depth(code).unwrap_or_else(|e| panic!("{rel}: {}: {e:?}", code.qualname));
        assert!(depth <= code.stacksize, "{rel}: {}: {depth} > {}", code.qualname, code.stacksize);
        for c in &code.constants {
            if let spindle_bytecode::Constant::Code(inner) = c {
                verify_depth(inner, rel);
            }
        }
    }
}
