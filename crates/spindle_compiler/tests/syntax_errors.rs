//! Compiles syntactically invalid snippets and compares the SyntaxError class,
//! message and position with what CPython 3.14 reported for them
//! (`tests/data/syntax_errors.txt`, recorded by `tests/data/gen_syntax_errors.py`).
//! Known differences are listed, with the reason, in
//! `tests/data/syntax_errors_xfail.txt`; a listed case that starts to pass, or an
//! unlisted case that fails, fails the test.

use std::collections::BTreeMap;

use spindle_compiler::{Mode, compile};

/// Decodes a Python `repr()` of a str.
fn unrepr(s: &str) -> Option<String> {
    let quote = s.chars().next()?;
    let body = s.strip_prefix(quote)?.strip_suffix(quote)?;
    let mut out = String::new();
    let mut chars = body.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next()? {
            'n' => out.push('\n'),
            't' => out.push('\t'),
            'r' => out.push('\r'),
            '\\' => out.push('\\'),
            '\'' => out.push('\''),
            '"' => out.push('"'),
            'x' => {
                let h: String = chars.by_ref().take(2).collect();
                out.push(char::from_u32(u32::from_str_radix(&h, 16).ok()?)?);
            }
            'u' => {
                let h: String = chars.by_ref().take(4).collect();
                out.push(char::from_u32(u32::from_str_radix(&h, 16).ok()?)?);
            }
            _ => return None,
        }
    }
    Some(out)
}

#[test]
fn syntax_errors_match_cpython() {
    let data = include_str!("data/syntax_errors.txt");
    let xfail_text = include_str!("data/syntax_errors_xfail.txt");
    let xfail: BTreeMap<String, String> = xfail_text
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .filter_map(|l| l.split_once('\t').map(|(a, b)| (a.to_owned(), b.to_owned())))
        .collect();
    let mut unexpected = Vec::new();
    let mut passing_xfail = Vec::new();
    let (mut total, mut matched) = (0, 0);
    for line in data.lines() {
        let fields: Vec<&str> = line.split('\t').collect();
        let Some(src) = fields.first().and_then(|f| unrepr(f)) else { continue };
        total += 1;
        let expected = fields[1..].join("|");
        let got = std::panic::catch_unwind(|| compile(&src, "<case>", Mode::Exec, 0));
        let got = match got {
            Ok(Ok(_)) => "OK".to_owned(),
            Ok(Err(e)) => format!("{}|{}|{}|{}|{}|{}", e.kind.name(), e.msg, e.lineno, e.offset, e.end_lineno, e.end_offset as i32),
            Err(_) => "PANIC".to_owned(),
        };
        // Compare class, message, line and offset (end positions are informative).
        let key = |s: &str| s.split('|').take(4).collect::<Vec<_>>().join("|");
        let ok = key(&got) == key(&expected);
        if ok {
            matched += 1;
        }
        let listed = xfail.contains_key(fields[0]);
        if got == "PANIC" || (!ok && !listed) {
            unexpected.push(format!("{}\n    expected {expected}\n    got      {got}", fields[0]));
        } else if ok && listed {
            passing_xfail.push(fields[0].to_owned());
        }
    }
    eprintln!("syntax errors: {matched}/{total} match CPython");
    for u in &unexpected {
        eprintln!("UNEXPECTED {u}");
    }
    for p in &passing_xfail {
        eprintln!("NOW PASSING (remove from xfail) {p}");
    }
    assert!(unexpected.is_empty() && passing_xfail.is_empty());
}
