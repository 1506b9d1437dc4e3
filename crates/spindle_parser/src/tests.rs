//! Parser adapter tests: clean parses, error wording/positions, line index.

use crate::{LineIndex, ParseMode, SyntaxErrorKind, parse};

fn error_of(src: &str) -> (SyntaxErrorKind, String, u32, u32) {
    let e = parse(src, ParseMode::Module).expect_err("should fail");
    (e.kind, e.msg, e.lineno, e.offset)
}

#[test]
fn parses_valid_code() {
    assert!(parse("def f(x, /, y=1, *a, z, **k):\n    return x\n", ParseMode::Module).is_ok());
    assert!(parse("type X[T] = list[T]\nx = t'{a}'\n", ParseMode::Module).is_ok());
    assert!(parse("1 + 2", ParseMode::Expression).is_ok());
}

#[test]
fn bracket_errors() {
    assert_eq!(error_of("foo(1 +"), (SyntaxErrorKind::SyntaxError, "'(' was never closed".into(), 1, 4));
    assert_eq!(error_of("x = )").1, "unmatched ')'");
    assert_eq!(error_of("(1]").1, "closing parenthesis ']' does not match opening parenthesis '('");
}

#[test]
fn nesting_limits() {
    assert!(parse(&format!("{}{}", "(".repeat(200), ")".repeat(200)), ParseMode::Module).is_ok());
    let e = error_of(&"[".repeat(201));
    assert_eq!((e.1.as_str(), e.3), ("too many nested parentheses", 201));
    let deep = format!("{}1", "-".repeat(100_000));
    assert_eq!(parse(&deep, ParseMode::Module).unwrap_err().kind, SyntaxErrorKind::TooComplex);
}

#[test]
fn line_index_maps_bytes_and_chars() {
    let src = "ab\né = 1\r\nx";
    let idx = LineIndex::new(src);
    assert_eq!(idx.line_col(0), (1, 0));
    assert_eq!(idx.line_col(3), (2, 0));
    assert_eq!(idx.line_col(6), (2, 3));
    assert_eq!(idx.char_position(src, 6), (2, 2));
    assert_eq!(idx.line_col(src.len() - 1), (3, 0));
}

#[test]
fn surrogate_literals_decode() {
    assert_eq!(crate::decode_string_literal(r"'a\ud800'"), Some(vec![97, 0xd800]));
    assert_eq!(crate::decode_string_literal(r"b'x'"), None);
}
