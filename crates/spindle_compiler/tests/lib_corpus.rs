//! Compiles every `.py` file of CPython 3.14's `Lib/` (from the pinned
//! `rustpython-pylib` crate) and checks there are no syntax errors, no panics,
//! and that every produced code object passes the independent stack-depth check.

use std::path::{Path, PathBuf};

use spindle_bytecode::{CodeObject, Constant, compute_stack_depth};
use spindle_compiler::{Mode, compile};

fn collect(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    for e in entries.flatten() {
        let p = e.path();
        if p.is_dir() {
            collect(&p, out);
        } else if p.extension().is_some_and(|x| x == "py") {
            out.push(p);
        }
    }
}

fn verify(code: &CodeObject) -> Result<(), String> {
    compute_stack_depth(code).map_err(|e| format!("{}: {e:?}", code.qualname))?;
    for c in &code.constants {
        if let Constant::Code(inner) = c {
            verify(inner)?;
        }
    }
    Ok(())
}

#[test]
fn compiles_all_of_lib() {
    let mut files = Vec::new();
    collect(Path::new(rustpython_pylib::LIB_PATH), &mut files);
    files.sort();
    assert!(files.len() > 500, "Lib not found at {}", rustpython_pylib::LIB_PATH);
    let mut failures = Vec::new();
    let mut ok = 0;
    for f in &files {
        let Ok(bytes) = std::fs::read(f) else { continue };
        // A few test-data files are deliberately not UTF-8; CPython rejects them too.
        let Ok(src) = String::from_utf8(bytes) else { continue };
        let name = f.display().to_string();
        let result = std::panic::catch_unwind(|| compile(&src, &name, Mode::Exec, 0));
        match result {
            Ok(Ok(code)) => match verify(&code) {
                Ok(()) => ok += 1,
                Err(e) => failures.push(format!("{name}: stack check: {e}")),
            },
            Ok(Err(e)) => failures.push(format!("{name}: {e}")),
            Err(_) => failures.push(format!("{name}: PANIC")),
        }
    }
    eprintln!("compiled {ok}/{} files", files.len());
    for f in failures.iter().take(40) {
        eprintln!("{f}");
    }
    assert!(failures.is_empty(), "{} failures", failures.len());
}
