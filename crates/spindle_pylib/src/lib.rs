//! CPython 3.14's standard library sources, embedded at build time (see
//! build.rs). Paths are relative to `Lib/`, e.g. `json/__init__.py`.

include!(concat!(env!("OUT_DIR"), "/lib_index.rs"));

static BLOB: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/lib.blob"));

/// The prefix `sys.path` uses for the embedded Lib; files under it resolve here.
pub const LIB_PREFIX: &str = "<spindle-lib>";

/// The source of the Lib file at `rel` (e.g. `"os.py"`), if embedded.
pub fn source(rel: &str) -> Option<&'static str> {
    let i = INDEX.binary_search_by(|(p, _, _)| (*p).cmp(rel)).ok()?;
    let (_, off, len) = INDEX[i];
    std::str::from_utf8(BLOB.get(off..off + len)?).ok()
}

/// Is there an embedded package directory `rel` (e.g. `"json"`)?
pub fn is_package(rel: &str) -> bool {
    source(&format!("{rel}/__init__.py")).is_some()
}

/// Every embedded path, sorted.
pub fn all_paths() -> impl Iterator<Item = &'static str> {
    INDEX.iter().map(|(p, _, _)| *p)
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
    }
}
