//! Turning ruff's parse errors into CPython 3.14's SyntaxError wording and
//! positions. CPython's messages depend on context the external parser does not
//! keep, so this module looks at the token stream and source text around the
//! error: bracket balance first (`'(' was never closed`, `unmatched ')'`), then
//! indentation, then a per-error-kind mapping, falling back to `invalid syntax`.

use ruff_python_ast::token::{Token, TokenKind};
use ruff_python_parser::{
    InterpolatedStringErrorType, LexicalErrorType, ParseError, ParseErrorType, Parsed,
    UnsupportedSyntaxError,
};
use ruff_python_ast as ast;
use ruff_text_size::{Ranged, TextRange, TextSize};

use crate::line_index::LineIndex;
use crate::{MAX_PAREN_NESTING, SyntaxErrorInfo, SyntaxErrorKind};

/// CPython's tokenizer limit on indentation levels (`MAXINDENT`).
const MAX_INDENT: usize = 100;

/// Longest chain of recursive constructs (unary and binary operators, `**`,
/// `lambda`, `not`, conditional expressions, attribute chains, brackets) accepted
/// within one expression item; deeper input would overflow the recursive parser
/// and compiler. CPython's own limit is higher (its parser stack is 6000 deep);
/// beyond ours we report CPython's "too complex" error (a `MemoryError`).
const MAX_CHAIN: usize = 1000;

fn err(kind: SyntaxErrorKind, msg: impl Into<String>, source: &str, index: &LineIndex, range: TextRange) -> SyntaxErrorInfo {
    let mut e = SyntaxErrorInfo::with_index(kind, msg, source, index, range);
    // The parser's errors show their line with a newline, even the last line
    // of a source without one (`tokenizer_text` undoes this for the
    // tokenizer's errors).
    if let Some(t) = &mut e.text
        && !t.ends_with('\n')
    {
        t.push('\n');
    }
    e
}

fn syntax(msg: impl Into<String>, source: &str, index: &LineIndex, range: TextRange) -> SyntaxErrorInfo {
    err(SyntaxErrorKind::SyntaxError, msg, source, index, range)
}

/// Rejects input nested deeper than CPython allows, before the recursive parser
/// sees it. Uses the (iterative) lexer only.
pub(crate) fn check_nesting(source: &str, index: &LineIndex) -> Result<(), SyntaxErrorInfo> {
    let mut lexer = ruff_python_parser::lexer::lex(source, ruff_python_parser::Mode::Module);
    let mut depth = 0usize;
    let mut indent = 0usize;
    let mut chain = 0usize;
    let mut max_chain = 0usize;
    loop {
        let kind = lexer.next_token();
        match kind {
            TokenKind::EndOfFile => break,
            TokenKind::Lpar | TokenKind::Lsqb | TokenKind::Lbrace => {
                depth += 1;
                chain += 1;
                if depth > MAX_PAREN_NESTING {
                    let offset = nth_open_bracket(source, MAX_PAREN_NESTING + 1);
                    let r = TextRange::at(offset, TextSize::new(1));
                    let mut e = syntax("too many nested parentheses", source, index, r);
                    e.end_offset = e.offset;
                    return Err(e);
                }
            }
            TokenKind::Rpar | TokenKind::Rsqb | TokenKind::Rbrace => {
                depth = depth.saturating_sub(1);
                chain = chain.saturating_sub(1);
            }
            TokenKind::Indent => {
                indent += 1;
                if indent >= MAX_INDENT {
                    let (line, _) = nth_indent_line(source, index, MAX_INDENT);
                    let start = index.line_start(line).unwrap_or(0);
                    let r = TextRange::empty(TextSize::new(u32::try_from(start).unwrap_or(0)));
                    return Err(err(SyntaxErrorKind::IndentationError, "too many levels of indentation", source, index, r));
                }
            }
            TokenKind::Dedent => indent = indent.saturating_sub(1),
            TokenKind::Minus
            | TokenKind::Plus
            | TokenKind::Tilde
            | TokenKind::Not
            | TokenKind::DoubleStar
            | TokenKind::Lambda
            | TokenKind::If
            | TokenKind::Await
            | TokenKind::Star
            | TokenKind::Dot
            | TokenKind::Slash
            | TokenKind::DoubleSlash
            | TokenKind::Percent
            | TokenKind::At
            | TokenKind::Vbar
            | TokenKind::Amper
            | TokenKind::CircumFlex
            | TokenKind::LeftShift
            | TokenKind::RightShift => chain += 1,
            // Items of a display or argument list nest side by side, not inside
            // each other.
            TokenKind::Newline | TokenKind::Comma | TokenKind::Semi => chain = depth,
            _ => {}
        }
        max_chain = max_chain.max(chain);
        if max_chain > MAX_CHAIN + MAX_PAREN_NESTING {
            let r = TextRange::empty(TextSize::new(0));
            return Err(syntax("Parser stack overflowed - Python source too complex to parse", source, index, r)
                .with_kind(SyntaxErrorKind::TooComplex));
        }
    }
    Ok(())
}

impl SyntaxErrorInfo {
    fn with_kind(mut self, kind: SyntaxErrorKind) -> SyntaxErrorInfo {
        self.kind = kind;
        self
    }
}

/// Byte offset of the `n`th opening bracket outside strings and comments (a
/// best-effort scan used only to position the nesting error).
fn nth_open_bracket(source: &str, n: usize) -> TextSize {
    let mut count = 0;
    let mut in_comment = false;
    let mut quote: Option<u8> = None;
    for (i, b) in source.bytes().enumerate() {
        if in_comment {
            in_comment = b != b'\n';
            continue;
        }
        if let Some(q) = quote {
            if b == q {
                quote = None;
            }
            continue;
        }
        match b {
            b'#' => in_comment = true,
            b'\'' | b'"' => quote = Some(b),
            b'(' | b'[' | b'{' => {
                count += 1;
                if count == n {
                    return TextSize::new(u32::try_from(i).unwrap_or(0));
                }
            }
            _ => {}
        }
    }
    TextSize::new(0)
}

fn nth_indent_line(source: &str, index: &LineIndex, n: usize) -> (u32, usize) {
    let mut levels: Vec<usize> = vec![0];
    for line in 1..=u32::try_from(index.line_count()).unwrap_or(u32::MAX) {
        let Some(text) = index.line_text(source, line) else { break };
        let trimmed = text.trim_start_matches([' ', '\t']);
        if trimmed.trim().is_empty() || trimmed.starts_with('#') {
            continue;
        }
        let width = text.len() - trimmed.len();
        if width > *levels.last().unwrap_or(&0) {
            levels.push(width);
            if levels.len() > n {
                return (line, width);
            }
        } else {
            while levels.len() > 1 && *levels.last().unwrap_or(&0) > width {
                levels.pop();
            }
        }
    }
    (1, 0)
}

/// The first error of a parse, CPython-worded; `None` if the parse is clean.
pub(crate) fn first_error(source: &str, index: &LineIndex, parsed: &Parsed<ast::Mod>) -> Option<SyntaxErrorInfo> {
    // A lexical error wins over a parse error at the same place (the tokenizer
    // reports it first in CPython).
    let first_parse = parsed.errors().iter().min_by_key(|e| (e.location.start(), !matches!(e.error, ParseErrorType::Lexical(_))));
    let first_unsupported = parsed.unsupported_syntax_errors().iter().min_by_key(|e| e.range.start());
    if first_parse.is_none() && first_unsupported.is_none() {
        return None;
    }
    let tokens: &[Token] = parsed.tokens();
    if let Some(e) = bracket_error(source, index, tokens, first_parse) {
        return Some(e);
    }
    match (first_parse, first_unsupported) {
        (Some(p), Some(u)) if u.range.start() < p.location.start() => Some(map_unsupported(source, index, u)),
        (Some(p), _) => Some(map_parse_error(source, index, tokens, parsed.syntax(), p)),
        (None, Some(u)) => Some(map_unsupported(source, index, u)),
        (None, None) => None,
    }
}

fn bracket_char(kind: TokenKind) -> Option<(char, bool)> {
    Some(match kind {
        TokenKind::Lpar => ('(', true),
        TokenKind::Lsqb => ('[', true),
        TokenKind::Lbrace => ('{', true),
        TokenKind::Rpar => (')', false),
        TokenKind::Rsqb => (']', false),
        TokenKind::Rbrace => ('}', false),
        _ => return None,
    })
}

/// CPython's tokenizer-level bracket errors. Mismatched or unmatched closers are
/// reported when they come before the first parse error; unclosed brackets at
/// end of input always win (CPython's tokenizer reports them at EOF).
fn bracket_error(source: &str, index: &LineIndex, tokens: &[Token], first: Option<&ParseError>) -> Option<SyntaxErrorInfo> {
    let limit = first.map(|e| e.location.start());
    let mut stack: Vec<(char, TextRange)> = Vec::new();
    let mut fstring_depth = 0u32;
    for tok in tokens {
        match tok.kind() {
            TokenKind::FStringStart | TokenKind::TStringStart => fstring_depth += 1,
            TokenKind::FStringEnd | TokenKind::TStringEnd => fstring_depth = fstring_depth.saturating_sub(1),
            _ => {}
        }
        // Braces of f-string replacement fields are checked by the f-string
        // errors, not here.
        if fstring_depth > 0 && matches!(tok.kind(), TokenKind::Lbrace | TokenKind::Rbrace) {
            continue;
        }
        let Some((ch, open)) = bracket_char(tok.kind()) else { continue };
        if open {
            stack.push((ch, tok.range()));
            continue;
        }
        let before_error = limit.is_none_or(|l| tok.start() <= l);
        match stack.pop() {
            None if before_error => {
                let mut e = syntax(format!("unmatched '{ch}'"), source, index, tok.range());
                e.end_offset = e.offset;
                return Some(tokenizer_text(e));
            }
            Some((o, orange)) if before_error && matching(o) != ch => {
                let (oline, _) = index.line_col(orange.start().to_usize());
                let (cline, _) = index.line_col(tok.start().to_usize());
                let msg = if oline == cline {
                    format!("closing parenthesis '{ch}' does not match opening parenthesis '{o}'")
                } else {
                    format!("closing parenthesis '{ch}' does not match opening parenthesis '{o}' on line {oline}")
                };
                let mut e = syntax(msg, source, index, tok.range());
                e.end_offset = e.offset;
                return Some(tokenizer_text(e));
            }
            _ => {}
        }
    }
    let (o, orange) = stack.pop()?;
    let mut tokenizer_pass = false;
    // CPython reports the unclosed bracket when its parser ran into the end
    // of input, or when the parse error lies on a later line than the bracket
    // (the tokenizer pass over the rest of the source overrides it then).
    if let Some(f) = first {
        // The last real token: a parser stopped there has looked at what
        // follows it, the end of input.
        let last = tokens
            .iter()
            .filter(|t| {
                !t.kind().is_trivia()
                    && !matches!(t.kind(), TokenKind::Newline | TokenKind::NonLogicalNewline | TokenKind::Dedent | TokenKind::EndOfFile)
                    && !(t.kind() == TokenKind::Unknown && t.range().is_empty())
            })
            .last();
        // Past the last token, or on a last token that may continue (a name,
        // number, string or closer): the parser peeked at the end of input.
        let at_eof = last.is_none_or(|t| {
            f.location.start() >= t.end()
                || f.location.end() >= t.start()
                    && matches!(
                        t.kind(),
                        TokenKind::Name
                            | TokenKind::Int
                            | TokenKind::Float
                            | TokenKind::Complex
                            | TokenKind::String
                            | TokenKind::FStringEnd
                            | TokenKind::TStringEnd
                            | TokenKind::Rpar
                            | TokenKind::Rsqb
                            | TokenKind::Rbrace
                            | TokenKind::True
                            | TokenKind::False
                            | TokenKind::None
                    )
        });
        let (eline, _) = index.line_col(f.location.start().to_usize());
        let (bline, _) = index.line_col(orange.start().to_usize());
        if !at_eof && eline <= bline {
            return None;
        }
        if !at_eof {
            // Found by the tokenizer pass over the rest of the source.
            tokenizer_pass = true;
        }
    }
    // An unterminated string swallows the rest of the input; CPython reports the
    // string, not the bracket.
    if let Some(f) = first
        && let ParseErrorType::Lexical(LexicalErrorType::UnclosedStringError | LexicalErrorType::StringError) = &f.error
    {
        return None;
    }
    let mut e = syntax(format!("'{o}' was never closed"), source, index, orange);
    e.end_lineno = e.lineno;
    e.end_offset = 0;
    Some(if tokenizer_pass { tokenizer_text(e) } else { e })
}

/// The bracket closing the one that encloses `range` (the last token CPython's
/// parser read for argument-order errors), else `range` itself.
fn closing_bracket_after(tokens: &[Token], range: TextRange) -> TextRange {
    let mut depth = 0u32;
    for t in tokens.iter().filter(|t| t.start() >= range.end()) {
        match t.kind() {
            TokenKind::Lpar | TokenKind::Lsqb | TokenKind::Lbrace => depth += 1,
            TokenKind::Rpar | TokenKind::Rsqb | TokenKind::Rbrace => {
                if depth == 0 {
                    return t.range();
                }
                depth -= 1;
            }
            TokenKind::Newline | TokenKind::EndOfFile => break,
            _ => {}
        }
    }
    range
}

fn matching(open: char) -> char {
    match open {
        '(' => ')',
        '[' => ']',
        _ => '}',
    }
}

fn map_unsupported(source: &str, index: &LineIndex, e: &UnsupportedSyntaxError) -> SyntaxErrorInfo {
    let msg = e.to_string();
    if msg.contains("iterable unpacking") && (msg.contains("comprehension") || msg.contains("generator")) {
        return syntax("iterable unpacking cannot be used in comprehension", source, index, e.range);
    }
    let msg = msg.split(" on Python").next().unwrap_or(&msg).to_owned();
    syntax(if msg.is_empty() { "invalid syntax".to_owned() } else { msg }, source, index, e.range)
}

/// Keyword introducing the compound statement whose header ends on `line`
/// (for "expected an indented block after ...").
fn block_description(source: &str, index: &LineIndex, line: u32) -> Option<String> {
    let text = index.line_text(source, line)?.trim_start();
    let word: String = text.chars().take_while(|c| c.is_alphanumeric() || *c == '_').collect();
    let word = if word == "async" {
        text[5..].trim_start().chars().take_while(|c| c.is_alphanumeric() || *c == '_').collect()
    } else {
        word
    };
    Some(match word.as_str() {
        "def" => "function definition".to_owned(),
        "class" => "class definition".to_owned(),
        "if" | "elif" | "else" | "for" | "while" | "try" | "except" | "finally" | "with" | "match" | "case" => {
            if word == "except" && text[6..].trim_start().starts_with('*') {
                "'except*' statement".to_owned()
            } else {
                format!("'{word}' statement")
            }
        }
        _ => return None,
    })
}

fn header_line_before(source: &str, index: &LineIndex, line: u32) -> Option<u32> {
    let mut l = line.checked_sub(1)?;
    while l >= 1 {
        let text = index.line_text(source, l)?;
        let t = text.trim();
        if !t.is_empty() && !t.starts_with('#') {
            return Some(l);
        }
        l -= 1;
    }
    None
}

#[allow(clippy::too_many_lines)]
fn map_parse_error(source: &str, index: &LineIndex, tokens: &[Token], tree: &ast::Mod, e: &ParseError) -> SyntaxErrorInfo {
    let range = e.location;
    let token_at = |offset: TextSize| tokens.iter().find(|t| t.start() >= offset);
    let prev_token = |offset: TextSize| {
        tokens.iter().filter(|t| t.end() <= offset && !t.kind().is_trivia() && !matches!(t.kind(), TokenKind::Newline | TokenKind::NonLogicalNewline | TokenKind::Indent | TokenKind::Dedent)).last()
    };
    // A number glued to a name or digit (`12abc`, `0b102`, `1__0`): the
    // tokenizer's malformed-literal error, whatever the parser made of it.
    if !matches!(e.error, ParseErrorType::Lexical(_))
        && let Some(p) = prev_token(range.start())
        && matches!(p.kind(), TokenKind::Int | TokenKind::Float | TokenKind::Complex)
        && p.end() == range.start()
        && source.get(range.start().to_usize()..).and_then(|s| s.chars().next()).is_some_and(|c| c.is_alphanumeric() || c == '_')
    {
        return tokenizer_text(bad_number(source, index, p.start()));
    }
    match &e.error {
        ParseErrorType::Lexical(lex) => map_lexical(source, index, tokens, lex, range),
        ParseErrorType::OtherError(msg) => {
            if let Some(rest) = msg.strip_prefix("Expected an indented block after ") {
                let (line, _) = index.line_col(range.start().to_usize());
                let header = header_line_before(source, index, line).unwrap_or(line);
                let what = rest
                    .replace('`', "'")
                    .replace("'class' definition", "class definition")
                    .replace("'def' definition", "function definition")
                    .replace("'function' definition", "function definition")
                    .replace(" clause", " statement");
                let tok_range = token_at(range.start()).map_or(range, Ranged::range);
                return err(SyntaxErrorKind::IndentationError, format!("expected an indented block after {what} on line {header}"), source, index, tok_range);
            }
            if msg.starts_with("Expected `except` or `finally`") {
                let at = prev_token(range.start()).map_or(range.start(), Ranged::end);
                let mut e = syntax("expected 'except' or 'finally' block", source, index, TextRange::empty(at));
                e.end_offset = u32::MAX;
                return e;
            }
            if msg.starts_with("Cannot have both") {
                let tok_range = token_at(range.start()).map_or(range, Ranged::range);
                return syntax("cannot have both 'except' and 'except*' on the same 'try'", source, index, tok_range);
            }
            if msg.starts_with("Only single target") {
                let (first, _) = msg.split_at(msg.find('(').unwrap_or(0));
                let _ = first;
                let what = if msg.contains("(not list)") { "list" } else { "tuple" };
                let start = TextRange::at(range.start(), TextSize::new(1));
                let r = if msg.contains("(not tuple)") && !source[range.start().to_usize()..].starts_with('(') {
                    tokens.iter().find(|t| t.start() >= range.start()).map_or(start, Ranged::range)
                } else {
                    range
                };
                return syntax(format!("only single target (not {what}) can be annotated"), source, index, r);
            }
            if msg.starts_with("Expected one or more exception types") {
                return syntax("expected one or more exception types", source, index, range);
            }
            if msg.contains("iterable unpacking") && msg.contains("comprehension") || msg.contains("generator expression") {
                return syntax("iterable unpacking cannot be used in comprehension", source, index, range);
            }
            let tok_range = token_at(range.start()).map_or(range, Ranged::range);
            syntax("invalid syntax", source, index, tok_range)
        }
        ParseErrorType::SimpleStatementsOnSameLine => {
            let prev = prev_token(range.start());
            let glued = prev.is_some_and(|p| p.end() == range.start());
            match prev.map(|p| (p.kind(), p.range())) {
                Some((TokenKind::Int | TokenKind::Float | TokenKind::Complex, pr)) if glued => tokenizer_text(bad_number(source, index, pr.start())),
                Some((TokenKind::Name, pr)) if matches!(&source[pr.start().to_usize()..pr.end().to_usize()], "print" | "exec") => {
                    let name = &source[pr.start().to_usize()..pr.end().to_usize()];
                    let line_end = tokens.iter().find(|t| t.start() >= range.start() && matches!(t.kind(), TokenKind::Newline | TokenKind::EndOfFile)).map_or(range.end(), Ranged::start);
                    syntax(format!("Missing parentheses in call to '{name}'. Did you mean {name}(...)?"), source, index, TextRange::new(pr.start(), line_end))
                }
                Some((_, pr)) if glued_or_adjacent_exprs(tokens, pr, range) && inside_brackets(tokens, range.start()) => {
                    comma_hint(source, index, tokens, pr, range)
                }
                _ => {
                    let tok_range = token_at(range.start()).map_or(range, Ranged::range);
                    syntax("invalid syntax", source, index, tok_range)
                }
            }
        }
        ParseErrorType::InvalidAssignmentTarget
        | ParseErrorType::InvalidNamedAssignmentTarget
        | ParseErrorType::InvalidAnnotatedAssignmentTarget
        | ParseErrorType::InvalidAugmentedAssignmentTarget
        | ParseErrorType::InvalidDeleteTarget => invalid_target(source, index, tokens, tree, &e.error, range),
        ParseErrorType::ExpectedToken { expected: TokenKind::Else, .. } => {
            let start = find_expr(tree, |x| matches!(x, ast::Expr::If(_)) && x.start() < range.start() && x.end() >= prev_token(range.start()).map_or(range.start(), Ranged::end))
                .map_or(range.start(), |x| x.start());
            syntax("expected 'else' after 'if' expression", source, index, TextRange::new(start, range.start()))
        }
        ParseErrorType::ExpectedExpression if prev_token(range.start()).is_some_and(|t| t.kind() == TokenKind::Else) => {
            let mut e = syntax("expected expression after 'else', but statement is given", source, index, range);
            e.end_offset = e.offset + 1;
            e
        }
        ParseErrorType::ExpectedExpression if source.get(range.start().to_usize()..).is_some_and(|s| s.starts_with('}')) && prev_token(range.start()).is_some_and(|t| t.kind() == TokenKind::Lbrace) => {
            syntax("f-string: valid expression required before '}'", source, index, TextRange::at(range.start(), TextSize::new(1)))
        }
        ParseErrorType::UnexpectedIndentation if indentation_mixes_tabs(source, index, index.line_col(range.end().to_usize()).0) => {
            let (line, _) = index.line_col(range.end().to_usize());
            let start = index.line_start(line).unwrap_or(0);
            let mut e = err(SyntaxErrorKind::TabError, "inconsistent use of tabs and spaces in indentation", source, index, TextRange::empty(TextSize::new(u32::try_from(start).unwrap_or(0))));
            e.end_offset = 0;
            e
        }
        ParseErrorType::UnexpectedIndentation => {
            let mut err = err(SyntaxErrorKind::IndentationError, "unexpected indent", source, index, range);
            let (line, col) = index.char_position(source, range.end().to_usize());
            err.lineno = line;
            err.offset = col;
            err.end_lineno = line;
            err.end_offset = 0;
            err.end_offset = err.end_offset.wrapping_sub(1);
            err
        }
        ParseErrorType::ExpectedToken { expected: TokenKind::Indent, .. } => {
            let (line, _) = index.line_col(range.start().to_usize());
            let header = header_line_before(source, index, line).unwrap_or(line);
            let what = block_description(source, index, header).unwrap_or_else(|| "statement".to_owned());
            let tok_range = token_at(range.start()).map_or(range, Ranged::range);
            err(
                SyntaxErrorKind::IndentationError,
                format!("expected an indented block after {what} on line {header}"),
                source,
                index,
                tok_range,
            )
        }
        ParseErrorType::ExpectedToken { expected: TokenKind::Colon, found: TokenKind::Equal } if header_keyword(source, index, range).is_some() => {
            // `if x = 1:` — CPython suggests `==` / `:=` over the whole `x = 1`.
            let kw_end = header_keyword(source, index, range).unwrap_or(range.start());
            let eq = token_at(range.start()).map_or(range, Ranged::range);
            let before_eq = prev_token(eq.start()).map_or(eq.start(), Ranged::end);
            // The expression left of '=' decides, as CPython's invalid_named_expression.
            let target = find_expr(tree, |x| x.start() >= kw_end && x.end() <= eq.start());
            let parenthesized = target.is_some_and(|t| t.end() != before_eq);
            match target {
                Some(t @ ast::Expr::Name(_)) if !parenthesized => {
                    let _ = t;
                }
                Some(t)
                    if parenthesized
                        || !matches!(
                            t,
                            ast::Expr::Compare(_) | ast::Expr::BoolOp(_) | ast::Expr::Lambda(_) | ast::Expr::If(_) | ast::Expr::Named(_)
                        ) && !matches!(t, ast::Expr::UnaryOp(u) if u.op == ast::UnaryOp::Not) =>
                {
                    let what = expr_name(t);
                    return syntax(format!("cannot assign to {what} here. Maybe you meant '==' instead of '='?"), source, index, t.range());
                }
                Some(_) => return syntax("invalid syntax", source, index, eq),
                None => {}
            }
            let start = token_at(kw_end).map_or(range.start(), Ranged::start);
            let end = tokens.iter().find(|t| t.start() >= range.end() && matches!(t.kind(), TokenKind::Colon | TokenKind::Newline)).map_or(range.end(), Ranged::start);
            let end = prev_token(end).map_or(end, Ranged::end);
            syntax("invalid syntax. Maybe you meant '==' or ':=' instead of '='?", source, index, TextRange::new(start, end))
        }
        ParseErrorType::ExpectedToken { expected: TokenKind::Colon, found: TokenKind::Rbrace | TokenKind::Comma } if inside_brackets(tokens, range.start()) => {
            let at = prev_token(range.start()).map_or(range, Ranged::range);
            let mut e = syntax("':' expected after dictionary key", source, index, at);
            e.end_offset = 0;
            e
        }
        ParseErrorType::ExpectedToken { expected: TokenKind::Colon, found } if !matches!(found, TokenKind::Newline | TokenKind::EndOfFile | TokenKind::NonLogicalNewline) => {
            let tok_range = token_at(range.start()).map_or(range, Ranged::range);
            syntax("invalid syntax", source, index, tok_range)
        }
        ParseErrorType::ExpectedToken { expected: TokenKind::Colon, .. } => {
            // CPython points just past the previous token.
            let prev = tokens
                .iter()
                .filter(|t| t.end() <= range.start() && !t.kind().is_trivia() && t.kind() != TokenKind::Newline)
                .last();
            let at = prev.map_or(range.start(), Ranged::end);
            let mut e = syntax("expected ':'", source, index, TextRange::at(at, TextSize::new(1)));
            e.end_offset = e.offset + 1;
            e
        }
        ParseErrorType::PositionalAfterKeywordArgument => {
            syntax("positional argument follows keyword argument", source, index, closing_bracket_after(tokens, range))
        }
        ParseErrorType::PositionalAfterKeywordUnpacking => {
            syntax("positional argument follows keyword argument unpacking", source, index, closing_bracket_after(tokens, range))
        }
        ParseErrorType::InvalidArgumentUnpackingOrder => {
            // CPython's range starts at the comma before the starred argument.
            let start = prev_token(range.start()).filter(|t| t.kind() == TokenKind::Comma).map_or(range.start(), Ranged::start);
            syntax("iterable argument unpacking follows keyword argument unpacking", source, index, TextRange::new(start, range.end()))
        }
        ParseErrorType::IterableUnpackingInComprehension => {
            syntax("iterable unpacking cannot be used in comprehension", source, index, range)
        }
        ParseErrorType::UnparenthesizedGeneratorExpression => {
            syntax("Generator expression must be parenthesized", source, index, range)
        }
        ParseErrorType::NonDefaultParamAfterDefaultParam => {
            syntax("parameter without a default follows parameter with a default", source, index, range)
        }
        ParseErrorType::ParamAfterVarKeywordParam => {
            syntax("arguments cannot follow var-keyword argument", source, index, range)
        }
        ParseErrorType::ExpectedKeywordParam => syntax("named arguments must follow bare *", source, index, range),
        ParseErrorType::VarParameterWithDefault => syntax("var-positional argument cannot have default value", source, index, range),
        ParseErrorType::EmptyImportNames => {
            let mut e = syntax("Expected one or more names after 'import'", source, index, range);
            e.end_offset = e.offset;
            e
        }
        ParseErrorType::FStringError(fe) | ParseErrorType::TStringError(fe) => {
            let prefix = if matches!(e.error, ParseErrorType::FStringError(_)) { "f-string" } else { "t-string" };
            let mut msg = interpolated_message(fe);
            if matches!(fe, InterpolatedStringErrorType::InvalidConversionFlag)
                && let Some(c) = source.get(range.start().to_usize()..).and_then(|s| s.chars().next())
            {
                msg = if c == '}' || c == ':' {
                    "missing conversion character".to_owned()
                } else {
                    format!("invalid conversion character '{c}': expected 's', 'r', or 'a'")
                };
            }
            if matches!(fe, InterpolatedStringErrorType::UnclosedLbrace) {
                let prev = prev_token(range.start());
                let tok_range = token_at(range.start()).map_or(range, Ranged::range);
                // `{x y}`: two expressions side by side, CPython's comma hint.
                if let Some(p) = prev
                    && glued_or_adjacent_exprs(tokens, p.range(), tok_range)
                {
                    return comma_hint(source, index, tokens, p.range(), tok_range);
                }
                // `{x:` ended by the closing quote: a format spec was expected.
                if prev.is_some_and(|p| p.kind() == TokenKind::Colon && p.end() == range.start()) {
                    let mut e = syntax(format!("{prefix}: expecting '}}', or format specs"), source, index, range);
                    e.end_offset = e.offset + 1;
                    return e;
                }
            }
            let mut e = syntax(format!("{prefix}: {msg}"), source, index, range);
            if matches!(fe, InterpolatedStringErrorType::UnclosedLbrace) {
                e.end_offset = e.offset;
                // The tokenizer finds the string ending inside the field.
                return tokenizer_text(e);
            }
            e
        }
        ParseErrorType::ExpectedExpression
            if prev_token(range.start()).is_some_and(|t| t.kind() == TokenKind::Lbrace)
                && token_at(range.start()).is_some_and(|t| matches!(t.kind(), TokenKind::FStringEnd | TokenKind::TStringEnd)) =>
        {
            // `f'{'`: the string ends inside the replacement field.
            let prefix = if token_at(range.start()).is_some_and(|t| t.kind() == TokenKind::TStringEnd) { "t-string" } else { "f-string" };
            let mut e = syntax(format!("{prefix}: expecting '}}'"), source, index, TextRange::empty(range.start()));
            e.end_offset = e.offset;
            tokenizer_text(e)
        }
        ParseErrorType::ExpectedRealNumber | ParseErrorType::ExpectedImaginaryNumber
            if source
                .get(range.start().to_usize()..)
                .is_some_and(|t| t.trim_start_matches('-').starts_with(|c: char| c.is_ascii_digit() || c == '.')) =>
        {
            // A number on the wrong side of a complex literal pattern (`case 1 + 1:`);
            // anything else there is plain invalid syntax in CPython's grammar.
            let msg = if matches!(e.error, ParseErrorType::ExpectedRealNumber) {
                "real number required in complex literal"
            } else {
                "imaginary number required in complex literal"
            };
            // CPython points at the number itself, past a unary minus.
            let text = source.get(range.start().to_usize()..range.end().to_usize()).unwrap_or("");
            let skip = text.len() - text.trim_start_matches(|c: char| c == '-' || c.is_whitespace()).len();
            let start = range.start() + TextSize::try_from(skip).unwrap_or_default();
            syntax(msg, source, index, TextRange::new(start.min(range.end()), range.end()))
        }
        _ => {
            // Generic: CPython reports "invalid syntax" at the offending token,
            // with the comma hint when two expressions are juxtaposed inside brackets.
            let tok = token_at(range.start());
            let tok_range = tok.map_or(range, Ranged::range);
            if let Some(p) = prev_token(range.start())
                && glued_or_adjacent_exprs(tokens, p.range(), tok_range)
                && inside_brackets(tokens, range.start())
            {
                return comma_hint(source, index, tokens, p.range(), tok_range);
            }
            let mut e = syntax("invalid syntax", source, index, tok_range);
            // The end of an input without a final newline: a module gets
            // CPython's implicit NEWLINE (one column wide); an expression's end
            // marker has no column.
            if tok_range.is_empty() && tok_range.start().to_usize() >= source.len() && !source.ends_with('\n') {
                let module = matches!(tree, ast::Mod::Module(_));
                if module {
                    e.end_offset = e.offset + 1;
                } else {
                    e.offset = 0;
                    e.end_offset = 0;
                }
            }
            e
        }
    }
}

fn interpolated_message(e: &InterpolatedStringErrorType) -> String {
    match e {
        InterpolatedStringErrorType::UnclosedLbrace => "expecting '}'".to_owned(),
        InterpolatedStringErrorType::InvalidConversionFlag => "invalid conversion character: expected 's', 'r', or 'a'".to_owned(),
        InterpolatedStringErrorType::SingleRbrace => "single '}' is not allowed".to_owned(),
        InterpolatedStringErrorType::UnterminatedString => "unterminated string".to_owned(),
        InterpolatedStringErrorType::UnterminatedTripleQuotedString => "unterminated triple-quoted string".to_owned(),
        InterpolatedStringErrorType::LambdaWithoutParentheses => "lambda expressions are not allowed without parentheses".to_owned(),
        InterpolatedStringErrorType::ConversionFlagNotImmediatelyAfterExclamation => {
            "conversion type must come right after the exclamanation mark".to_owned()
        }
        InterpolatedStringErrorType::NewlineInFormatSpec => "newlines are not allowed in format specifiers for single quoted f-strings".to_owned(),
    }
}

fn map_lexical(source: &str, index: &LineIndex, tokens: &[Token], lex: &LexicalErrorType, range: TextRange) -> SyntaxErrorInfo {
    match lex {
        LexicalErrorType::IndentationError => {
            let mut e = err(SyntaxErrorKind::IndentationError, "unindent does not match any outer indentation level", source, index, range);
            let (line, _) = index.line_col(range.start().to_usize());
            let text = index.line_text(source, line).unwrap_or("");
            let width = text.len() - text.trim_start_matches([' ', '\t']).len();
            if indentation_mixes_tabs(source, index, line) {
                e.kind = SyntaxErrorKind::TabError;
                e.msg = "inconsistent use of tabs and spaces in indentation".to_owned();
                e.offset = 1;
                e.end_offset = 0;
            } else {
                // CPython points just past the end of the offending line.
                let _ = width;
                let len = text.trim_end_matches(['\n', '\r']).chars().count();
                e.offset = u32::try_from(len).unwrap_or(0) + 1;
                e.end_offset = u32::MAX;
            }
            e.lineno = line;
            e.end_lineno = line;
            e
        }
        LexicalErrorType::UnclosedStringError | LexicalErrorType::StringError
            if fstring_quote_inside_field(source, tokens, range.start()).is_some() =>
        {
            // The f-string's own quote inside a replacement field: CPython's
            // tokenizer ends the f-string there and misses the '}'.
            let prefix = fstring_quote_inside_field(source, tokens, range.start()).unwrap_or("f-string");
            let mut e = syntax(format!("{prefix}: expecting '}}'"), source, index, TextRange::empty(range.start()));
            e.end_offset = e.offset;
            tokenizer_text(e)
        }
        LexicalErrorType::UnclosedStringError | LexicalErrorType::StringError => {
            let (line, _) = index.line_col(range.start().to_usize());
            let triple = source.get(range.start().to_usize()..).is_some_and(|s| {
                let s = s.trim_start_matches(|c: char| c.is_ascii_alphabetic());
                s.starts_with("'''") || s.starts_with("\"\"\"")
            });
            let last_line = index.line_col(source.len().saturating_sub(1)).0;
            let (msg, detected) = if triple {
                ("unterminated triple-quoted string literal", last_line)
            } else {
                ("unterminated string literal", line)
            };
            let mut e = syntax(format!("{msg} (detected at line {detected})"), source, index, range);
            e.end_lineno = e.lineno;
            e.end_offset = e.offset;
            tokenizer_text(e)
        }
        LexicalErrorType::FStringError(fe) => syntax(format!("f-string: {}", interpolated_message(fe)), source, index, range),
        LexicalErrorType::TStringError(fe) => syntax(format!("t-string: {}", interpolated_message(fe)), source, index, range),
        LexicalErrorType::InvalidByteLiteral => {
            let tok = tokens.iter().find(|t| t.range().contains_range(range)).map_or(range, Ranged::range);
            syntax("bytes can only contain ASCII literal characters", source, index, tok)
        }
        LexicalErrorType::LineContinuationError => {
            syntax("unexpected character after line continuation character", source, index, range)
        }
        LexicalErrorType::Eof => syntax("unexpected EOF while parsing", source, index, range),
        LexicalErrorType::UnrecognizedToken { tok } if tok.is_ascii() && !tok.is_ascii_control() => {
            // `$`, `?`, `` ` ``: tokens CPython's parser rejects as plain syntax.
            syntax("invalid syntax", source, index, TextRange::at(range.start(), TextSize::new(1)))
        }
        LexicalErrorType::UnrecognizedToken { tok } => {
            let msg = if tok.is_control() || (tok.is_whitespace() && *tok != ' ') || ('\u{e000}'..='\u{f8ff}').contains(tok) {
                format!("invalid non-printable character U+{:04X}", u32::from(*tok))
            } else {
                format!("invalid character '{tok}' (U+{:04X})", u32::from(*tok))
            };
            let mut e = syntax(msg, source, index, TextRange::empty(range.start()));
            e.end_offset = e.offset;
            tokenizer_text(e)
        }
        LexicalErrorType::UnicodeError | LexicalErrorType::MissingUnicodeLbrace | LexicalErrorType::MissingUnicodeRbrace => {
            // The string token holding the bad escape: CPython reports the
            // decoder's error over the whole literal.
            let tok = tokens.iter().find(|t| t.start() <= range.start() && range.start() < t.end() && source.get(t.start().to_usize()..).is_some_and(|x| x.trim_start_matches(|c: char| c.is_ascii_alphabetic()).starts_with(['\'', '"'])));
            match tok.and_then(|t| unicode_escape_error(source.get(t.start().to_usize()..t.end().to_usize())?).map(|m| (t.range(), m))) {
                Some((r, m)) => syntax(format!("(unicode error) 'unicodeescape' codec can't decode {m}"), source, index, r),
                None => syntax("(unicode error) 'unicodeescape' codec can't decode bytes: malformed \\N character escape", source, index, range),
            }
        }
        LexicalErrorType::OtherError(msg) => tokenizer_text(number_error(source, index, msg, range)),
    }
}

/// When the string starting at `at` opens with the quote of an enclosing
/// single-quoted f-string (or t-string) that has not ended: its kind.
fn fstring_quote_inside_field(source: &str, tokens: &[Token], at: TextSize) -> Option<&'static str> {
    let mut open: Vec<&Token> = Vec::new();
    for t in tokens.iter().take_while(|t| t.start() < at) {
        match t.kind() {
            TokenKind::FStringStart | TokenKind::TStringStart => open.push(t),
            TokenKind::FStringEnd | TokenKind::TStringEnd => {
                open.pop();
            }
            _ => {}
        }
    }
    let start = open.last()?;
    let quote_of = |text: &str| -> Option<String> {
        let rest = text.trim_start_matches(|c: char| c.is_ascii_alphabetic());
        let q = rest.chars().next().filter(|c| *c == '\'' || *c == '"')?;
        let triple: String = std::iter::repeat_n(q, 3).collect();
        Some(if rest.starts_with(&triple) { triple } else { q.to_string() })
    };
    let outer = quote_of(source.get(start.start().to_usize()..start.end().to_usize())?)?;
    let inner = quote_of(source.get(at.to_usize()..)?)?;
    if outer.len() != 1 || !inner.starts_with(&outer) {
        return None;
    }
    Some(if start.kind() == TokenKind::TStringStart { "t-string" } else { "f-string" })
}

/// Whether line `line`'s indentation compares differently with tab size 8 and
/// tab size 1 against an earlier line (CPython's TabError test, simplified).
fn indentation_mixes_tabs(source: &str, index: &LineIndex, line: u32) -> bool {
    let widths = |text: &str| {
        let (mut w8, mut w1) = (0u32, 0u32);
        for c in text.chars() {
            match c {
                ' ' => {
                    w8 += 1;
                    w1 += 1;
                }
                '\t' => {
                    w8 = (w8 / 8 + 1) * 8;
                    w1 += 1;
                }
                _ => break,
            }
        }
        (w8, w1)
    };
    let Some(text) = index.line_text(source, line) else { return false };
    let (a8, a1) = widths(text);
    (1..line).any(|l| {
        index.line_text(source, l).is_some_and(|t| {
            let trimmed = t.trim();
            if trimmed.is_empty() || trimmed.starts_with('#') {
                return false;
            }
            let (b8, b1) = widths(t);
            (a8.cmp(&b8)) != (a1.cmp(&b1))
        })
    })
}

/// The end offset of the `if`/`elif`/`while` keyword starting the header line
/// containing `range`.
fn header_keyword(source: &str, index: &LineIndex, range: TextRange) -> Option<TextSize> {
    let (line, _) = index.line_col(range.start().to_usize());
    let start = index.line_start(line)?;
    let text = index.line_text(source, line)?;
    let trimmed = text.trim_start();
    let indent = text.len() - trimmed.len();
    for kw in ["if", "elif", "while"] {
        if trimmed.starts_with(kw) && trimmed[kw.len()..].starts_with([' ', '(']) {
            return u32::try_from(start + indent + kw.len()).ok().map(TextSize::new);
        }
    }
    None
}

/// Whether the tokens around an error look like two expressions juxtaposed.
fn glued_or_adjacent_exprs(tokens: &[Token], prev: TextRange, next: TextRange) -> bool {
    let kind_at = |r: TextRange| tokens.iter().find(|t| t.range() == r).map(Token::kind);
    let ends_expr = matches!(kind_at(prev), Some(TokenKind::Name | TokenKind::Int | TokenKind::Float | TokenKind::Complex | TokenKind::String | TokenKind::Rpar | TokenKind::Rsqb | TokenKind::Rbrace | TokenKind::FStringEnd | TokenKind::True | TokenKind::False | TokenKind::None));
    let starts_expr = matches!(kind_at(next), Some(TokenKind::Name | TokenKind::Int | TokenKind::Float | TokenKind::Complex | TokenKind::String | TokenKind::Lpar | TokenKind::Lsqb | TokenKind::Lbrace | TokenKind::FStringStart | TokenKind::True | TokenKind::False | TokenKind::None));
    ends_expr && starts_expr
}

fn inside_brackets(tokens: &[Token], offset: TextSize) -> bool {
    let mut depth = 0i32;
    for t in tokens.iter().take_while(|t| t.start() < offset) {
        match t.kind() {
            TokenKind::Lpar | TokenKind::Lsqb | TokenKind::Lbrace => depth += 1,
            TokenKind::Rpar | TokenKind::Rsqb | TokenKind::Rbrace => depth -= 1,
            _ => {}
        }
    }
    depth > 0
}

fn comma_hint(source: &str, index: &LineIndex, tokens: &[Token], prev: TextRange, next: TextRange) -> SyntaxErrorInfo {
    // The range runs from the start of the expression ending at `prev` (walking
    // back over `a.b` chains) to the end of the token starting at `next`.
    let mut start = prev.start();
    let pos = tokens.iter().position(|t| t.range() == prev).unwrap_or(0);
    let mut i = pos;
    while i >= 2 && tokens[i - 1].kind() == TokenKind::Dot && tokens[i - 2].kind() == TokenKind::Name {
        start = tokens[i - 2].start();
        i -= 2;
    }
    syntax("invalid syntax. Perhaps you forgot a comma?", source, index, TextRange::new(start, next.end()))
}

/// Lexer number errors, worded as CPython's tokenizer.
fn number_error(source: &str, index: &LineIndex, msg: &str, range: TextRange) -> SyntaxErrorInfo {
    let text = source.get(range.start().to_usize()..).unwrap_or("");
    if msg.to_ascii_lowercase().contains("tab") {
        let mut e = syntax("inconsistent use of tabs and spaces in indentation", source, index, TextRange::empty(range.start()));
        e.end_offset = e.offset;
        return e;
    }
    let radix_prefix = text.len() >= 2 && matches!(&text[..2].to_ascii_lowercase()[..], "0b" | "0o" | "0x");
    if !radix_prefix && text.starts_with('0') && text[1..].starts_with(|c: char| c.is_ascii_digit()) {
        return syntax(
            "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers",
            source,
            index,
            TextRange::at(range.start(), TextSize::new(1)),
        );
    }
    bad_number(source, index, range.start())
}

/// CPython's tokenizer error for the malformed number starting at `start`:
/// scans the literal as the tokenizer does and reports the first character
/// that cannot continue it. CPython's column is that character's 0-based
/// index, so the caret lands on the character before it; only "invalid
/// digit" points at the digit itself.
fn bad_number(source: &str, index: &LineIndex, start: TextSize) -> SyntaxErrorInfo {
    let base = start.to_usize();
    let text = source.get(base..).unwrap_or("");
    let b = text.as_bytes();
    let at = |i: usize| b.get(i).copied().map_or('\n', char::from);
    // Reports `msg` with CPython's column `col` (0-based index, as 1-based).
    let report = |msg: String, i: usize, on_char: bool| {
        let pos = base + i;
        let p = if on_char { pos } else { pos.saturating_sub(1) };
        let mut e = syntax(msg, source, index, TextRange::empty(TextSize::new(u32::try_from(p).unwrap_or(0))));
        if !on_char && pos == 0 {
            e.offset = 0;
        }
        e.end_offset = e.offset;
        e
    };
    // Digits of `radix` with single underscores between them, from `i`;
    // returns the end and whether it stopped right after an underscore.
    let digits = |mut i: usize, radix: u32| -> (usize, bool) {
        loop {
            if at(i).is_digit(radix) {
                i += 1;
            } else if at(i) == '_' && at(i + 1).is_digit(radix) {
                i += 1;
            } else if at(i) == '_' {
                return (i + 1, true);
            } else {
                return (i, false);
            }
        }
    };
    let lower: String = text.chars().take(2).collect::<String>().to_ascii_lowercase();
    let radix = match lower.as_str() {
        "0b" => Some(("binary", 2)),
        "0o" => Some(("octal", 8)),
        "0x" => Some(("hexadecimal", 16)),
        _ => None,
    };
    if let Some((name, radix)) = radix {
        let mut i = 2;
        if at(i) == '_' {
            i += 1;
        }
        let (end, trailing_underscore) = digits(i, radix);
        let c = at(end);
        if !trailing_underscore && end > i && c.is_ascii_digit() {
            return report(format!("invalid digit '{c}' in {name} literal"), end, true);
        }
        if !trailing_underscore && end == i && radix < 10 && c.is_ascii_digit() {
            return report(format!("invalid digit '{c}' in {name} literal"), end, true);
        }
        return report(format!("invalid {name} literal"), end, false);
    }
    let (mut end, mut underscore) = digits(0, 10);
    if !underscore && at(end) == '.' {
        let (e2, u2) = digits(end + 1, 10);
        end = e2;
        underscore = u2;
    }
    if !underscore && matches!(at(end), 'e' | 'E') {
        let mut j = end + 1;
        if matches!(at(j), '+' | '-') {
            j += 1;
        }
        if at(j).is_ascii_digit() {
            let (e2, u2) = digits(j, 10);
            end = e2;
            underscore = u2;
        } else {
            // `1e` / `1ex`: the exponent has no digits; the 'e' is the culprit.
            return report("invalid decimal literal".to_owned(), end, false);
        }
    }
    let mut imaginary = false;
    if !underscore && matches!(at(end), 'j' | 'J') {
        end += 1;
        imaginary = true;
    }
    let what = if imaginary { "imaginary" } else { "decimal" };
    report(format!("invalid {what} literal"), end, false)
}

/// CPython's tokenizer errors carry their line without the newline.
fn tokenizer_text(mut e: SyntaxErrorInfo) -> SyntaxErrorInfo {
    if let Some(t) = &mut e.text {
        let n = t.trim_end_matches(['\n', '\r']).len();
        t.truncate(n);
    }
    e
}

/// CPython's `_PyPegen_get_expr_name`.
fn expr_name(e: &ast::Expr) -> &'static str {
    use ast::Expr as E;
    match e {
        E::Attribute(_) => "attribute",
        E::Subscript(_) => "subscript",
        E::Starred(_) => "starred",
        E::Name(_) => "name",
        E::List(_) => "list",
        E::Tuple(_) => "tuple",
        E::Lambda(_) => "lambda",
        E::Call(_) => "function call",
        E::BoolOp(_) | E::BinOp(_) | E::UnaryOp(_) => "expression",
        E::Generator(_) => "generator expression",
        E::Yield(_) | E::YieldFrom(_) => "yield expression",
        E::Await(_) => "await expression",
        E::ListComp(_) => "list comprehension",
        E::SetComp(_) => "set comprehension",
        E::DictComp(_) => "dict comprehension",
        E::Dict(_) => "dict literal",
        E::Set(_) => "set display",
        E::FString(_) => "f-string expression",
        E::TString(_) => "t-string expression",
        E::NoneLiteral(_) => "None",
        E::BooleanLiteral(b) => if b.value { "True" } else { "False" },
        E::EllipsisLiteral(_) => "ellipsis",
        E::NumberLiteral(_) | E::StringLiteral(_) | E::BytesLiteral(_) => "literal",
        E::Compare(_) => "comparison",
        E::If(_) => "conditional expression",
        E::Named(_) => "named expression",
        E::Slice(_) | E::IpyEscapeCommand(_) => "expression",
    }
}

/// Finds the first expression (source order) matching `pred`.
fn find_expr<'t>(tree: &'t ast::Mod, pred: impl Fn(&ast::Expr) -> bool) -> Option<&'t ast::Expr> {
    use ruff_python_ast::visitor::source_order::{SourceOrderVisitor, walk_expr};
    struct Finder<'t, F> {
        pred: F,
        found: Option<&'t ast::Expr>,
    }
    impl<'t, F: Fn(&ast::Expr) -> bool> SourceOrderVisitor<'t> for Finder<'t, F> {
        fn visit_expr(&mut self, expr: &'t ast::Expr) {
            if self.found.is_some() {
                return;
            }
            if (self.pred)(expr) {
                self.found = Some(expr);
                return;
            }
            walk_expr(self, expr);
        }
    }
    let mut f = Finder { pred, found: None };
    match tree {
        ast::Mod::Module(m) => f.visit_body(&m.body),
        ast::Mod::Expression(e) => f.visit_expr(&e.body),
    }
    f.found
}

fn invalid_target(source: &str, index: &LineIndex, tokens: &[Token], tree: &ast::Mod, kind: &ParseErrorType, range: TextRange) -> SyntaxErrorInfo {
    let target = find_expr(tree, |x| x.range() == range);
    let Some(target) = target else {
        return syntax("invalid syntax", source, index, range);
    };
    let name = expr_name(target);
    let next_kind = tokens.iter().find(|t| t.start() >= range.end() && !t.kind().is_trivia()).map(Token::kind);
    let stmt_start = tokens.iter().filter(|t| t.end() <= range.start() && !t.kind().is_trivia()).last().is_none_or(|t| {
        matches!(t.kind(), TokenKind::Newline | TokenKind::Indent | TokenKind::Dedent | TokenKind::Semi | TokenKind::NonLogicalNewline | TokenKind::Colon)
    });
    let msg = match kind {
        ParseErrorType::InvalidDeleteTarget => format!("cannot delete {name}"),
        ParseErrorType::InvalidAugmentedAssignmentTarget => format!("'{name}' is an illegal expression for augmented assignment"),
        ParseErrorType::InvalidAnnotatedAssignmentTarget => match target {
            ast::Expr::Tuple(_) => "only single target (not tuple) can be annotated".to_owned(),
            ast::Expr::List(_) => "only single target (not list) can be annotated".to_owned(),
            _ => "illegal target for annotation".to_owned(),
        },
        ParseErrorType::InvalidNamedAssignmentTarget => format!("cannot use assignment expressions with {name}"),
        _ => {
            let hint_ok = !matches!(
                target,
                ast::Expr::List(_)
                    | ast::Expr::Tuple(_)
                    | ast::Expr::Generator(_)
                    | ast::Expr::NoneLiteral(_)
                    | ast::Expr::BooleanLiteral(_)
                    | ast::Expr::Compare(_)
                    | ast::Expr::If(_)
                    | ast::Expr::Lambda(_)
                    | ast::Expr::Named(_)
                    | ast::Expr::Yield(_)
                    | ast::Expr::YieldFrom(_)
                    | ast::Expr::Starred(_)
            ) && !matches!(target, ast::Expr::UnaryOp(u) if u.op == ast::UnaryOp::Not)
                && !matches!(target, ast::Expr::BoolOp(_));
            if matches!(target, ast::Expr::Yield(_) | ast::Expr::YieldFrom(_)) {
                "assignment to yield expression not possible".to_owned()
            } else if matches!(target, ast::Expr::Starred(_)) {
                "starred assignment target must be in a list or tuple".to_owned()
            } else if hint_ok && stmt_start && next_kind == Some(TokenKind::Equal) {
                format!("cannot assign to {name} here. Maybe you meant '==' instead of '='?")
            } else {
                format!("cannot assign to {name}")
            }
        }
    };
    let range = if let (ParseErrorType::InvalidAnnotatedAssignmentTarget, ast::Expr::Tuple(t)) = (kind, target)
        && !t.parenthesized
    {
        t.elts.first().map_or(range, Ranged::range)
    } else {
        range
    };
    syntax(msg, source, index, range)
}

/// The `unicodeescape` decoder's complaint about the first bad escape of a
/// str literal's text (prefix and quotes included): `bytes in position S-E:
/// reason`, positions counted as CPython's decoder sees the body (each
/// non-ASCII character already turned into a 10-byte `\UXXXXXXXX`).
fn unicode_escape_error(literal: &str) -> Option<String> {
    let plen = literal.find(['\'', '"'])?;
    let prefix = literal[..plen].to_ascii_lowercase();
    if prefix.contains('b') || prefix.contains('r') {
        return None;
    }
    let rest = &literal[plen..];
    let q = if rest.starts_with("'''") || rest.starts_with("\"\"\"") { 3 } else { 1 };
    let body: Vec<char> = rest.get(q..rest.len().saturating_sub(q))?.chars().collect();
    // Decoder position of each character.
    let mut pos = Vec::with_capacity(body.len() + 1);
    let mut p = 0usize;
    for c in &body {
        pos.push(p);
        p += if c.is_ascii() { 1 } else { 10 };
    }
    pos.push(p);
    let report = |start: usize, end: usize, reason: &str| -> String {
        let (s, e) = (pos[start], pos[end]);
        format!("bytes in position {s}-{e}: {reason}")
    };
    let mut i = 0;
    while i < body.len() {
        if body[i] != '\\' {
            i += 1;
            continue;
        }
        let Some(&c) = body.get(i + 1) else { return None };
        let hex = |n: usize, what: &str| -> Option<String> {
            let got = body[i + 2..].iter().take(n).take_while(|d| d.is_ascii_hexdigit()).count();
            if got < n {
                return Some(report(i, i + 1 + got, &format!("truncated {what} escape")));
            }
            let v: String = body[i + 2..i + 2 + n].iter().collect();
            if u32::from_str_radix(&v, 16).unwrap_or(0) > 0x10_FFFF {
                return Some(report(i, i + 1 + n, "illegal Unicode character"));
            }
            None
        };
        match c {
            'x' => {
                if let Some(m) = hex(2, "\\xXX") {
                    return Some(m);
                }
            }
            'u' => {
                if let Some(m) = hex(4, "\\uXXXX") {
                    return Some(m);
                }
            }
            'U' => {
                if let Some(m) = hex(8, "\\UXXXXXXXX") {
                    return Some(m);
                }
            }
            'N' => {
                if body.get(i + 2) != Some(&'{') {
                    return Some(report(i, i + 1, "malformed \\N character escape"));
                }
                match body[i + 3..].iter().position(|d| *d == '}') {
                    Some(k) if k > 0 => return Some(report(i, i + 3 + k, "unknown Unicode character name")),
                    _ => return Some(report(i, body.len() - 1, "malformed \\N character escape")),
                }
            }
            _ => {}
        }
        i += 2;
    }
    None
}
