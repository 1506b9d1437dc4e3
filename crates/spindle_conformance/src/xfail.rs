//! The expected-failure list, `expected_failures.txt` at the conformance root.
//!
//! One line per case: `path | how it fails | reason`. `how it fails` is the signature
//! the runner computes ([`crate::Outcome::signature`]); `reason` is free text written
//! by whoever triaged the case. Blank lines and lines starting with `#` are comments;
//! blessing keeps the leading comment block and rewrites the rest, sorted by path.

use std::collections::BTreeMap;
use std::fmt::Write as _;

/// The list's file name, relative to the conformance root.
pub const FILE_NAME: &str = "expected_failures.txt";
/// The reason given to an entry that blessing adds.
pub const UNTRIAGED: &str = "untriaged";

/// One listed case.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    pub signature: String,
    pub reason: String,
}

/// The parsed list: entries by case path, plus the file's leading comment block.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ExpectedFailures {
    pub entries: BTreeMap<String, Entry>,
    pub preamble: String,
}

impl ExpectedFailures {
    /// Parses the list; returns the malformed lines as errors, keeping the rest.
    pub fn parse(text: &str) -> (ExpectedFailures, Vec<String>) {
        let mut list = ExpectedFailures::default();
        let mut errors = Vec::new();
        let mut in_preamble = true;
        for (lineno, line) in text.lines().enumerate() {
            let trimmed = line.trim();
            if trimmed.is_empty() || trimmed.starts_with('#') {
                if in_preamble && trimmed.starts_with('#') {
                    list.preamble.push_str(line);
                    list.preamble.push('\n');
                }
                continue;
            }
            in_preamble = false;
            let parts: Vec<&str> = trimmed.splitn(3, '|').map(str::trim).collect();
            match parts.as_slice() {
                [path, signature, reason] if !path.is_empty() && !signature.is_empty() => {
                    let entry = Entry {
                        signature: (*signature).to_owned(),
                        reason: (*reason).to_owned(),
                    };
                    if list.entries.insert((*path).to_owned(), entry).is_some() {
                        errors.push(format!(
                            "{FILE_NAME}:{}: {path} is listed twice",
                            lineno + 1
                        ));
                    }
                }
                _ => errors.push(format!(
                    "{FILE_NAME}:{}: expected `path | how it fails | reason`, got {line:?}",
                    lineno + 1
                )),
            }
        }
        (list, errors)
    }

    /// The file's text.
    pub fn render(&self) -> String {
        let mut out = if self.preamble.is_empty() {
            default_preamble()
        } else {
            self.preamble.clone()
        };
        for (path, entry) in &self.entries {
            let _ = writeln!(out, "{path} | {} | {}", entry.signature, entry.reason);
        }
        out
    }
}

fn default_preamble() -> String {
    "# Conformance cases that are known to fail, and how: `path | how it fails | reason`.\n\
     # The runner fails the run when a listed case passes or fails differently, and when an\n\
     # unlisted case fails. Regenerate the signatures with SPINDLE_CONFORMANCE_BLESS=1\n\
     # (reasons are kept; new entries get `untriaged`).\n"
        .to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parse_and_render_round_trip() {
        let text =
            "# header\n\nlang/a.py | exit 1 (expected 0) | no classes yet\nb.py | panic | x | y\n";
        let (list, errors) = ExpectedFailures::parse(text);
        assert!(errors.is_empty(), "{errors:?}");
        assert_eq!(list.entries["b.py"].reason, "x | y");
        assert_eq!(
            list.render(),
            "# header\nb.py | panic | x | y\nlang/a.py | exit 1 (expected 0) | no classes yet\n"
        );
    }

    #[test]
    fn malformed_lines_are_reported() {
        let (list, errors) =
            ExpectedFailures::parse("just a path\na.py | panic | r\na.py | timeout | r\n");
        assert_eq!(errors.len(), 2, "{errors:?}");
        assert_eq!(list.entries.len(), 1);
    }
}
