//! `SPINDLE_CODE_FINGERPRINT`: a hash of the sources that decide what a
//! compiled code object means (this crate's format and opcodes, the
//! compiler's output), so code serialised by one build (a `.pyc` file) is
//! told apart from another's (`marshal`, `_imp.pyc_magic_number_token`).

use std::path::Path;

fn hash_dir(dir: &Path, h: &mut u64) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    let mut paths: Vec<_> = entries.flatten().map(|e| e.path()).collect();
    paths.sort();
    for p in paths {
        if p.is_dir() {
            hash_dir(&p, h);
        } else if p.extension().is_some_and(|e| e == "rs") {
            println!("cargo:rerun-if-changed={}", p.display());
            for b in std::fs::read(&p).unwrap_or_default() {
                // FNV-1a.
                *h ^= u64::from(b);
                *h = h.wrapping_mul(0x0100_0000_01b3);
            }
        }
    }
}

fn main() {
    let here = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut h = 0xcbf2_9ce4_8422_2325u64;
    hash_dir(&here.join("src"), &mut h);
    hash_dir(&here.join("../spindle_compiler/src"), &mut h);
    println!("cargo:rustc-env=SPINDLE_CODE_FINGERPRINT={h}");
}
