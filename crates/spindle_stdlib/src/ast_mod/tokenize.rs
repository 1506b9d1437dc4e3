//! `_tokenize`: `TokenizerIter` (Python, `_tokenize.py`) over `_tokens`, which
//! lexes a whole source with spindle_parser and returns CPython-shaped token
//! tuples `(type name, string, (row, col), (end_row, end_col), line)` with
//! character columns, as the C tokenizer reports them to `tokenize`.

use spindle_parser::{LineIndex, TextRange};
use spindle_vm::error::PyResult;
use spindle_vm::function::Args;
use spindle_vm::interp::ThreadState;
use spindle_vm::num::new_int;
use spindle_vm::seq::{new_list, new_tuple};
use spindle_vm::str::{as_str, new_str};
use spindle_vm::value::Value;
use spindle_vm::raise;

struct Pos<'a> {
    source: &'a str,
    index: LineIndex,
}

impl Pos<'_> {
    /// (row, character column) of byte `offset`.
    fn at(&self, offset: usize) -> (u32, u32) {
        self.index.char_position(self.source, offset)
    }

    fn pair(row: u32, col: u32) -> Value {
        new_tuple(vec![new_int(i64::from(row)), new_int(i64::from(col))])
    }

    /// The physical lines `first..=last`.
    fn lines(&self, first: u32, last: u32) -> String {
        let mut s = String::new();
        for l in first..=last {
            s.push_str(self.index.line_text(self.source, l).unwrap_or(""));
        }
        s
    }
}

fn tuple(kind: &str, text: &str, start: (u32, u32), end: (u32, u32), line: &str) -> Value {
    new_tuple(vec![new_str(kind), new_str(text), Pos::pair(start.0, start.1), Pos::pair(end.0, end.1), new_str(line)])
}

/// `_tokens(source)` -> `(tokens, error)`; `error` is None or
/// `(msg, lineno, offset)` of the first lexical error.
pub(crate) fn tokens(_ts: &ThreadState, a: Args<'_>) -> PyResult {
    let Some(source) = a.positional().first().and_then(|v| as_str(v)) else {
        raise!(TypeError, "_tokens() argument must be str")
    };
    let (toks, err) = spindle_parser::tokenize(source);
    let p = Pos { source, index: LineIndex::new(source) };
    let len = source.len();
    let ends_nl = source.is_empty() || source.ends_with('\n') || source.ends_with('\r');
    // Where tokens at the very end of an unterminated last line go.
    let (last_row, _) = p.at(len);
    let eof_row = if ends_nl { last_row } else { last_row + 1 };
    let mut out = Vec::with_capacity(toks.len() + 1);
    let ended = toks.last().is_some_and(|t| t.0 == "ENDMARKER");
    for (kind, r) in toks {
        let (s, e) = (r.start().to_usize(), r.end().to_usize());
        match kind {
            "ENDMARKER" => out.push(tuple(kind, "", (eof_row, 0), (eof_row, 0), "")),
            "DEDENT" if s >= len => out.push(tuple(kind, "", (eof_row, 0), (eof_row, 0), "")),
            "DEDENT" => {
                let (row, col) = p.at(s);
                out.push(tuple(kind, "", (row, col), (row, col), &p.lines(row, row)));
            }
            "NEWLINE" | "NL" => {
                let (row, col) = p.at(s);
                let text = source.get(s..e).unwrap_or("");
                out.push(tuple(kind, text, (row, col), (row, col + 1), &p.lines(row, row)));
            }
            "FSTRING_MIDDLE" | "TSTRING_MIDDLE" => middle(&p, kind, r, &mut out),
            _ => {
                let text = source.get(s..e).unwrap_or("");
                let start = p.at(s);
                let end = p.at(e);
                out.push(tuple(kind, text, start, end, &p.lines(start.0, end.0)));
            }
        }
    }
    if !ended && err.is_none() {
        out.push(tuple("ENDMARKER", "", (eof_row, 0), (eof_row, 0), ""));
    }
    let err = match err {
        Some(e) => new_tuple(vec![new_str(&e.msg), new_int(i64::from(e.lineno)), new_int(i64::from(e.offset))]),
        None => spindle_vm::runtime::none(),
    };
    Ok(new_tuple(vec![new_list(out), err]))
}

/// An f/t-string middle: CPython splits it after each doubled brace, whose
/// second character it drops (the token's end is its start plus the
/// unescaped length).
fn middle(p: &Pos<'_>, kind: &str, r: TextRange, out: &mut Vec<Value>) {
    let (s, e) = (r.start().to_usize(), r.end().to_usize());
    let text = p.source.get(s..e).unwrap_or("");
    let mut seg_start = s;
    let mut cur = String::new();
    let mut chars = text.char_indices().peekable();
    let emit = |seg_start: usize, cur: &str, out: &mut Vec<Value>| {
        let start = p.at(seg_start);
        let n = u32::try_from(cur.chars().count()).unwrap_or(0);
        let end_row = start.0 + u32::try_from(cur.matches('\n').count()).unwrap_or(0);
        let end_col = match cur.rfind('\n') {
            Some(i) => u32::try_from(cur.get(i + 1..).map_or(0, |t| t.chars().count())).unwrap_or(0),
            None => start.1 + n,
        };
        out.push(tuple(kind, cur, start, (end_row, end_col), &p.lines(start.0, end_row)));
    };
    while let Some((i, c)) = chars.next() {
        cur.push(c);
        if (c == '{' || c == '}') && chars.peek().is_some_and(|&(_, d)| d == c) {
            chars.next();
            emit(seg_start, &cur, out);
            cur.clear();
            seg_start = s + i + 2;
        }
    }
    if !cur.is_empty() {
        emit(seg_start, &cur, out);
    }
}
