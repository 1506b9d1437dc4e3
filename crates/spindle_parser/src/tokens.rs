//! The token stream of a source, classified as CPython's `tokenize` module
//! names token types (what `_tokenize.TokenizerIter` yields).

use ruff_python_ast::token::TokenKind;
use ruff_python_parser::{LexicalErrorType, Mode, ParseErrorType, ParseOptions};
use ruff_text_size::{Ranged, TextRange};

use crate::{LineIndex, PythonVersion, SyntaxErrorInfo, SyntaxErrorKind};

/// Tokens of `source` as `(tokenize type name, byte range)`: NAME (keywords
/// included), NUMBER, STRING, OP, COMMENT, NEWLINE, NL, INDENT, DEDENT,
/// FSTRING_*/TSTRING_*, ENDMARKER; and the first lexical error,
/// if any (tokens stop before it).
#[must_use]
pub fn tokenize(source: &str) -> (Vec<(&'static str, TextRange)>, Option<SyntaxErrorInfo>) {
    let options = ParseOptions::from(Mode::Module).with_target_version(PythonVersion::PY314);
    let parsed = ruff_python_parser::parse_unchecked(source, options);
    // A stray character (`$`, `?`, a backtick) is yielded as an OP token, as
    // CPython's tokenizer does; other lexical errors stop the stream.
    let error = parsed.errors().iter().find_map(|e| match &e.error {
        ParseErrorType::Lexical(LexicalErrorType::UnrecognizedToken { .. }) => None,
        ParseErrorType::Lexical(l) => Some((e.location, l.to_string())),
        _ => None,
    });
    let stop = error.as_ref().map(|(r, _)| r.start());
    let mut out = Vec::new();
    for t in parsed.tokens().iter() {
        if stop.is_some_and(|s| t.start() >= s) {
            break;
        }
        let k = t.kind();
        let name = match k {
            TokenKind::Name => "NAME",
            _ if k.is_keyword() || k.is_soft_keyword() => "NAME",
            TokenKind::Int | TokenKind::Float | TokenKind::Complex => "NUMBER",
            TokenKind::String => "STRING",
            TokenKind::FStringStart => "FSTRING_START",
            TokenKind::FStringMiddle => "FSTRING_MIDDLE",
            TokenKind::FStringEnd => "FSTRING_END",
            TokenKind::TStringStart => "TSTRING_START",
            TokenKind::TStringMiddle => "TSTRING_MIDDLE",
            TokenKind::TStringEnd => "TSTRING_END",
            TokenKind::Comment => "COMMENT",
            TokenKind::Newline => "NEWLINE",
            TokenKind::NonLogicalNewline => "NL",
            TokenKind::Indent => "INDENT",
            TokenKind::Dedent => "DEDENT",
            TokenKind::EndOfFile => "ENDMARKER",
            TokenKind::IpyEscapeCommand => "ERRORTOKEN",
            _ => "OP",
        };
        out.push((name, t.range()));
    }
    let err = error.map(|(r, msg)| {
        let index = LineIndex::new(source);
        SyntaxErrorInfo::with_index(SyntaxErrorKind::SyntaxError, msg, source, &index, r)
    });
    (out, err)
}
