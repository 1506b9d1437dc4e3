//! Prints Spindle's disassembly of a Python file (or `-c CODE`), recursively,
//! like `python -m dis`. Usage: `cargo run -p spindle_compiler --example spindle_dis -- FILE`.

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (src, name) = match args.as_slice() {
        [flag, code] if flag == "-c" => (code.clone(), "<string>".to_owned()),
        [file] => match std::fs::read_to_string(file) {
            Ok(s) => (s, file.clone()),
            Err(e) => {
                eprintln!("{file}: {e}");
                std::process::exit(2);
            }
        },
        _ => {
            eprintln!("usage: spindle_dis FILE | -c CODE");
            std::process::exit(2);
        }
    };
    match spindle_compiler::compile(&src, &name, spindle_compiler::Mode::Exec, 0) {
        Ok(code) => print!("{}", spindle_bytecode::disassemble_recursive(&code)),
        Err(e) => {
            eprintln!("{}: {} ({}:{}:{})", e.kind.name(), e.msg, name, e.lineno, e.offset);
            std::process::exit(1);
        }
    }
}
