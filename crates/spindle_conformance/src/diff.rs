//! A small line-based unified diff, enough to show why a case failed.
//!
//! Common leading and trailing lines are trimmed first; the differing middle is
//! aligned with a longest-common-subsequence table when it is small, and shown as a
//! plain replacement when it is not. Output is capped at [`MAX_DIFF_LINES`].

use std::fmt::Write as _;

/// The most lines of diff body kept in a report.
pub const MAX_DIFF_LINES: usize = 40;
const CONTEXT: usize = 3;
/// Cells of LCS table we are willing to fill (about 16 MB of `u32`).
const MAX_TABLE: usize = 4_000_000;

/// The 1-based number of the first line where `expected` and `actual` differ,
/// or `None` when they are equal. A missing final newline counts as a difference
/// on the last line.
pub fn first_difference(expected: &str, actual: &str) -> Option<usize> {
    if expected == actual {
        return None;
    }
    let e: Vec<&str> = expected.split_inclusive('\n').collect();
    let a: Vec<&str> = actual.split_inclusive('\n').collect();
    let same = e.iter().zip(&a).take_while(|(x, y)| x == y).count();
    Some(same + 1)
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Op {
    Keep,
    Del,
    Add,
}

/// A unified diff of `expected` (`-`) against `actual` (`+`) under a `--- label` header.
pub fn unified(label: &str, expected: &str, actual: &str) -> String {
    let e: Vec<&str> = expected.split_inclusive('\n').collect();
    let a: Vec<&str> = actual.split_inclusive('\n').collect();
    let prefix = e.iter().zip(&a).take_while(|(x, y)| x == y).count();
    let suffix = e[prefix..]
        .iter()
        .rev()
        .zip(a[prefix..].iter().rev())
        .take_while(|(x, y)| x == y)
        .count();
    let (em, am) = (&e[prefix..e.len() - suffix], &a[prefix..a.len() - suffix]);

    let mut ops: Vec<(Op, &str)> = Vec::new();
    let start = prefix.saturating_sub(CONTEXT);
    ops.extend(e[start..prefix].iter().map(|l| (Op::Keep, *l)));
    ops.extend(align(em, am));
    ops.extend(
        e[e.len() - suffix..]
            .iter()
            .take(CONTEXT)
            .map(|l| (Op::Keep, *l)),
    );

    let mut out = format!("--- expected {label}\n+++ actual {label}\n");
    let _ = writeln!(out, "@@ -{} +{} @@", start + 1, start + 1);
    let mut shown = 0;
    let mut pending_keep: Vec<&str> = Vec::new();
    for (op, line) in &ops {
        if *op == Op::Keep {
            pending_keep.push(line);
            continue;
        }
        // Collapse long runs of unchanged lines between hunks.
        if pending_keep.len() > 2 * CONTEXT && shown > 0 {
            for l in &pending_keep[..CONTEXT] {
                push_line(&mut out, ' ', l);
            }
            out.push_str("@@ ... @@\n");
            pending_keep.drain(..pending_keep.len() - CONTEXT);
        }
        for l in pending_keep.drain(..) {
            push_line(&mut out, ' ', l);
            shown += 1;
        }
        push_line(&mut out, if *op == Op::Del { '-' } else { '+' }, line);
        shown += 1;
        if shown >= MAX_DIFF_LINES {
            out.push_str("... (diff truncated)\n");
            return out;
        }
    }
    for l in pending_keep.iter().take(CONTEXT) {
        push_line(&mut out, ' ', l);
    }
    out
}

fn push_line(out: &mut String, sign: char, line: &str) {
    out.push(sign);
    if let Some(body) = line.strip_suffix('\n') {
        out.push_str(body);
        out.push('\n');
    } else {
        out.push_str(line);
        out.push_str("\n\\ No newline at end of output\n");
    }
}

/// Aligns two runs of lines with an LCS table; falls back to "delete all, add all".
fn align<'a>(e: &[&'a str], a: &[&'a str]) -> Vec<(Op, &'a str)> {
    let (n, m) = (e.len(), a.len());
    if n == 0 || m == 0 || (n + 1) * (m + 1) > MAX_TABLE {
        let mut ops: Vec<(Op, &str)> = e.iter().map(|l| (Op::Del, *l)).collect();
        ops.extend(a.iter().map(|l| (Op::Add, *l)));
        return ops;
    }
    // lcs[i][j] = LCS length of e[i..] and a[j..].
    let width = m + 1;
    let mut lcs = vec![0u32; (n + 1) * width];
    for i in (0..n).rev() {
        for j in (0..m).rev() {
            lcs[i * width + j] = if e[i] == a[j] {
                lcs[(i + 1) * width + j + 1] + 1
            } else {
                lcs[(i + 1) * width + j].max(lcs[i * width + j + 1])
            };
        }
    }
    let (mut i, mut j) = (0, 0);
    let mut ops = Vec::with_capacity(n + m);
    while i < n && j < m {
        if e[i] == a[j] {
            ops.push((Op::Keep, e[i]));
            i += 1;
            j += 1;
        } else if lcs[(i + 1) * width + j] >= lcs[i * width + j + 1] {
            ops.push((Op::Del, e[i]));
            i += 1;
        } else {
            ops.push((Op::Add, a[j]));
            j += 1;
        }
    }
    ops.extend(e[i..].iter().map(|l| (Op::Del, *l)));
    ops.extend(a[j..].iter().map(|l| (Op::Add, *l)));
    ops
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn first_difference_is_one_based() {
        assert_eq!(first_difference("a\nb\n", "a\nb\n"), None);
        assert_eq!(first_difference("a\nb\n", "a\nc\n"), Some(2));
        assert_eq!(first_difference("a\n", "a\nb\n"), Some(2));
        assert_eq!(first_difference("a\n", "a"), Some(1));
        assert_eq!(first_difference("", "x\n"), Some(1));
    }

    #[test]
    fn unified_shows_changed_lines_with_context() {
        let d = unified("stdout", "1\n2\n3\n4\n5\n6\n", "1\n2\n3\nfour\n5\n6\n");
        assert_eq!(
            d,
            "--- expected stdout\n+++ actual stdout\n@@ -1 +1 @@\n 1\n 2\n 3\n-4\n+four\n 5\n 6\n"
        );
    }

    #[test]
    fn unified_marks_missing_newline_and_truncates() {
        let d = unified("stdout", "a\n", "a");
        assert!(
            d.contains("-a\n+a\n\\ No newline at end of output\n"),
            "{d}"
        );
        let many: String = (0..200).fold(String::new(), |mut s, i| {
            let _ = writeln!(s, "{i}");
            s
        });
        let d = unified("stdout", "", &many);
        assert!(d.ends_with("... (diff truncated)\n"), "{d}");
    }
}
