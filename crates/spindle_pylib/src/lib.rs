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
