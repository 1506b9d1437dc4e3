//! Precompiled code for the Python source that Spindle's native modules run
//! (see build.rs): CPython's frozen modules, found by source text.

include!(concat!(env!("OUT_DIR"), "/frozen_index.rs"));

static TEXT_BLOB: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/frozen_text.blob"));
static CODE_BLOB: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/frozen_code.blob"));

include!("fnv.rs");

/// The module code for exactly this source text, compiled at build time in
/// `exec` mode at optimisation level 0 with filename `<frozen>` (the caller
/// sets the real one), in `spindle_bytecode::encode`'s format.
pub fn code_for(text: &str) -> Option<&'static [u8]> {
    let h = fnv1a(text.as_bytes());
    let first = INDEX.partition_point(|e| e.0 < h);
    INDEX[first..].iter().take_while(|e| e.0 == h).find_map(|&(_, to, tl, co, cl)| {
        (TEXT_BLOB.get(to..to + tl)? == text.as_bytes()).then(|| CODE_BLOB.get(co..co + cl)).flatten()
    })
}

#[cfg(test)]
mod tests {
    /// Every frozen entry decodes to what compiling its text gives now.
    #[test]
    fn frozen_code_matches_a_fresh_compile() {
        let mut n = 0;
        for &(_, to, tl, co, cl) in super::INDEX {
            let text = std::str::from_utf8(&super::TEXT_BLOB[to..to + tl]).expect("utf-8 text");
            let fresh = spindle_compiler::compile(text, "<frozen>", spindle_compiler::Mode::Exec, 0).expect("compiles");
            assert_eq!(spindle_bytecode::encode(&fresh), &super::CODE_BLOB[co..co + cl]);
            assert_eq!(super::code_for(text), Some(&super::CODE_BLOB[co..co + cl]));
            n += 1;
        }
        assert!(n > 10, "only {n} frozen snippets");
        assert_eq!(super::code_for("x = 'surely not a frozen snippet'\n"), None);
    }
}
