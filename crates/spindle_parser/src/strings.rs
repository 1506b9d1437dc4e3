//! Re-decoding of string literals that contain lone surrogates. The external
//! parser replaces an escape such as `"\ud800"` by U+FFFD; when a decoded value
//! contains U+FFFD, the compiler calls `decode_string_literal` on the literal's
//! source text to recover the exact code points.

/// Decodes the source text of ONE non-f string literal token (prefix, quotes and
/// body, e.g. `'a\ud800'` or `r"x"`) into code points. Returns `None` if the text
/// is not a plain string literal (bytes, f-string, malformed).
#[must_use]
pub fn decode_string_literal(token: &str) -> Option<Vec<u32>> {
    let prefix_len = token.find(['\'', '"'])?;
    let prefix = token[..prefix_len].to_ascii_lowercase();
    if prefix.contains('b') || prefix.contains('f') || prefix.contains('t') {
        return None;
    }
    let raw = prefix.contains('r');
    let rest = &token[prefix_len..];
    let quote_len = if rest.starts_with("'''") || rest.starts_with("\"\"\"") { 3 } else { 1 };
    if rest.len() < 2 * quote_len {
        return None;
    }
    let body = &rest[quote_len..rest.len() - quote_len];
    let mut out = Vec::with_capacity(body.len());
    let mut chars = body.chars().peekable();
    while let Some(c) = chars.next() {
        if c != '\\' || raw {
            if c == '\\' {
                // In a raw string a backslash still escapes the next quote/backslash
                // (both are kept).
                out.push(u32::from(c));
                if let Some(&n) = chars.peek() {
                    chars.next();
                    out.push(u32::from(n));
                }
                continue;
            }
            if c == '\r' {
                // Newlines inside literals are normalised to "\n".
                if chars.peek() == Some(&'\n') {
                    chars.next();
                }
                out.push(u32::from('\n'));
                continue;
            }
            out.push(u32::from(c));
            continue;
        }
        let Some(e) = chars.next() else { return None };
        match e {
            '\n' => {}
            '\r' => {
                if chars.peek() == Some(&'\n') {
                    chars.next();
                }
            }
            '\\' | '\'' | '"' => out.push(u32::from(e)),
            'a' => out.push(7),
            'b' => out.push(8),
            'f' => out.push(12),
            'n' => out.push(10),
            'r' => out.push(13),
            't' => out.push(9),
            'v' => out.push(11),
            '0'..='7' => {
                let mut v = e.to_digit(8)?;
                for _ in 0..2 {
                    match chars.peek().and_then(|c| c.to_digit(8)) {
                        Some(d) => {
                            v = v * 8 + d;
                            chars.next();
                        }
                        None => break,
                    }
                }
                out.push(v);
            }
            'x' | 'u' | 'U' => {
                let n = match e {
                    'x' => 2,
                    'u' => 4,
                    _ => 8,
                };
                let mut v = 0u32;
                for _ in 0..n {
                    v = v.checked_mul(16)?.checked_add(chars.next()?.to_digit(16)?)?;
                }
                if v > 0x10_ffff {
                    return None;
                }
                out.push(v);
            }
            'N' => {
                // Named escapes never produce surrogates; the caller keeps the
                // parser's value for them, so decoding them here is not needed.
                return None;
            }
            other => {
                out.push(u32::from('\\'));
                out.push(u32::from(other));
            }
        }
    }
    Some(out)
}

/// The first invalid escape sequence of each non-raw string, bytes and
/// f-/t-string literal part, as CPython's SyntaxWarning: `"\d" is an invalid
/// escape sequence...` (or `invalid octal escape sequence` past `\377`), on
/// the line of the backslash.
pub(crate) fn escape_warnings(
    source: &str,
    index: &crate::LineIndex,
    tokens: &[ruff_python_ast::token::Token],
) -> Vec<crate::ParseWarning> {
    use ruff_python_ast::token::TokenKind;
    use ruff_text_size::Ranged;
    let mut out = Vec::new();
    // Prefixes of the f-/t-strings being read (their middles carry no prefix).
    let mut open: Vec<String> = Vec::new();
    for t in tokens {
        let text = source.get(t.start().to_usize()..t.end().to_usize()).unwrap_or("");
        let (prefix, body_start, body) = match t.kind() {
            TokenKind::FStringStart | TokenKind::TStringStart => {
                open.push(text.chars().take_while(char::is_ascii_alphabetic).collect::<String>().to_ascii_lowercase());
                continue;
            }
            TokenKind::FStringEnd | TokenKind::TStringEnd => {
                open.pop();
                continue;
            }
            TokenKind::FStringMiddle | TokenKind::TStringMiddle => {
                let Some(p) = open.last() else { continue };
                (p.clone(), t.start().to_usize(), text)
            }
            TokenKind::String => {
                let plen = text.find(['\'', '"']).unwrap_or(0);
                let prefix = text[..plen].to_ascii_lowercase();
                let rest = &text[plen..];
                let q = if rest.starts_with("'''") || rest.starts_with("\"\"\"") { 3 } else { 1 };
                if rest.len() < 2 * q {
                    continue;
                }
                (prefix, t.start().to_usize() + plen + q, &rest[q..rest.len() - q])
            }
            _ => continue,
        };
        if prefix.contains('r') {
            continue;
        }
        let bytes = prefix.contains('b');
        if let Some((off, msg)) = first_invalid_escape(body, bytes) {
            let (line, _) = index.line_col(body_start + off);
            out.push(crate::ParseWarning { lineno: line, msg });
        }
    }
    out
}

/// Byte offset of the first invalid escape's backslash in `body`, and the warning.
fn first_invalid_escape(body: &str, bytes: bool) -> Option<(usize, String)> {
    let b = body.as_bytes();
    let mut i = 0;
    while i < b.len() {
        if b[i] != b'\\' {
            i += 1;
            continue;
        }
        let c = body.get(i + 1..)?.chars().next()?;
        match c {
            '\n' | '\r' | '\\' | '\'' | '"' | 'a' | 'b' | 'f' | 'n' | 'r' | 't' | 'v' | 'x' => {}
            'N' | 'u' | 'U' if !bytes => {}
            '0'..='7' => {
                let digits: String = body[i + 1..].chars().take(3).take_while(|d| ('0'..='7').contains(d)).collect();
                if digits.len() == 3 && u32::from_str_radix(&digits, 8).unwrap_or(0) > 0o377 {
                    return Some((
                        i,
                        format!(
                            "\"\\{digits}\" is an invalid octal escape sequence. Such sequences will not work in the future. Did you mean \"\\\\{digits}\"? A raw string is also an option."
                        ),
                    ));
                }
                i += 1 + digits.len();
                continue;
            }
            _ => {
                return Some((
                    i,
                    format!(
                        "\"\\{c}\" is an invalid escape sequence. Such sequences will not work in the future. Did you mean \"\\\\{c}\"? A raw string is also an option."
                    ),
                ));
            }
        }
        i += 1 + c.len_utf8();
    }
    None
}
