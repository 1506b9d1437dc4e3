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
