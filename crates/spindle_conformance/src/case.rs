//! Discovering conformance cases on disk and reading their headers and recorded
//! expectations.
//!
//! A case is any `*.py` file under the root, except files inside a directory whose
//! name starts with `_` (those hold helper modules and packages that cases import).
//! Its expectations sit beside it: `name.py.out`, `name.py.err` and `name.py.code`.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::time::Duration;

/// The default wall-clock limit for one case.
pub const DEFAULT_TIMEOUT: Duration = Duration::from_secs(10);

/// How many leading lines may carry header comments.
const HEADER_LINES: usize = 8;

/// One conformance program and how to run it.
#[derive(Debug, Clone)]
pub struct Case {
    /// Path relative to the conformance root, with `/` separators (`lang/closures.py`).
    pub name: String,
    /// Absolute path of the program.
    pub path: PathBuf,
    pub header: Header,
}

/// What the leading `# key: value` comments of a case ask for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Header {
    /// `# args: a b c` — extra command-line arguments, split on whitespace.
    pub args: Vec<String>,
    /// `# stdin: file.txt` — a file beside the case fed to stdin (else `/dev/null`).
    pub stdin: Option<String>,
    /// `# timeout: 30` — seconds, instead of [`DEFAULT_TIMEOUT`].
    pub timeout: Duration,
    /// `# recorded-with: cpython-3.13` — which interpreter recorded the expectations
    /// (informational for the runner; `record.sh` honours it).
    pub recorded_with: Option<String>,
}

impl Default for Header {
    fn default() -> Self {
        Header {
            args: Vec::new(),
            stdin: None,
            timeout: DEFAULT_TIMEOUT,
            recorded_with: None,
        }
    }
}

impl Header {
    /// Reads the header from the leading comment lines of `source`. Unknown keys and
    /// ordinary comments are ignored, so the first line can say what the case pins.
    pub fn parse(source: &str) -> Header {
        let mut header = Header::default();
        for line in source.lines().take(HEADER_LINES) {
            let Some(comment) = line.strip_prefix('#') else {
                break;
            };
            let Some((key, value)) = comment.trim().split_once(':') else {
                continue;
            };
            let value = value.trim();
            match key.trim() {
                "args" => header.args = value.split_whitespace().map(str::to_owned).collect(),
                "stdin" => header.stdin = Some(value.to_owned()),
                "timeout" => {
                    if let Ok(secs) = value.parse::<u64>() {
                        header.timeout = Duration::from_secs(secs);
                    }
                }
                "recorded-with" => header.recorded_with = Some(value.to_owned()),
                _ => {}
            }
        }
        header
    }
}

/// What CPython produced for a case.
#[derive(Debug, Clone)]
pub struct Expected {
    pub stdout: String,
    pub stderr: String,
    pub code: i32,
}

impl Case {
    /// The directory the case runs in.
    pub fn dir(&self) -> &Path {
        self.path.parent().unwrap_or(Path::new("."))
    }

    /// The file's bare name, passed as the program argument.
    pub fn file_name(&self) -> String {
        self.path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default()
    }

    fn sibling(&self, suffix: &str) -> PathBuf {
        let mut name = self.path.as_os_str().to_owned();
        name.push(suffix);
        PathBuf::from(name)
    }

    /// Reads the recorded expectations; a missing `.out` or `.code` is an error
    /// (the case was never recorded), a missing `.err` means empty stderr.
    pub fn expected(&self) -> Result<Expected, String> {
        let read = |suffix: &str| fs::read(self.sibling(suffix));
        let stdout = read(".out").map_err(|e| format!("cannot read {}.out: {e}", self.name))?;
        let stderr = match read(".err") {
            Ok(bytes) => bytes,
            Err(e) if e.kind() == io::ErrorKind::NotFound => Vec::new(),
            Err(e) => return Err(format!("cannot read {}.err: {e}", self.name)),
        };
        let code = read(".code").map_err(|e| format!("cannot read {}.code: {e}", self.name))?;
        let code = String::from_utf8_lossy(&code);
        let code = code
            .trim()
            .parse::<i32>()
            .map_err(|_| format!("{}.code does not hold an exit status: {code:?}", self.name))?;
        Ok(Expected {
            stdout: String::from_utf8_lossy(&stdout).into_owned(),
            stderr: String::from_utf8_lossy(&stderr).into_owned(),
            code,
        })
    }
}

/// Finds every case under `root`, sorted by name, keeping those whose name contains
/// `filter` (all when `None`).
pub fn discover(root: &Path, filter: Option<&str>) -> io::Result<Vec<Case>> {
    let mut paths = Vec::new();
    walk(root, 0, &mut paths)?;
    let mut cases = Vec::new();
    for path in paths {
        let name = relative_name(root, &path);
        if filter.is_some_and(|f| !name.contains(f)) {
            continue;
        }
        let source = fs::read(&path)?;
        let header = Header::parse(&String::from_utf8_lossy(&source));
        cases.push(Case { name, path, header });
    }
    cases.sort_by(|a, b| a.name.cmp(&b.name));
    Ok(cases)
}

/// Cases are `<area>/<name>.py`: one folder level, so folders that cases
/// create at run time (scratch trees) never hold cases.
fn walk(dir: &Path, depth: usize, out: &mut Vec<PathBuf>) -> io::Result<()> {
    for entry in fs::read_dir(dir)? {
        let entry = entry?;
        let path = entry.path();
        let file_name = entry.file_name();
        let file_name = file_name.to_string_lossy();
        if entry.file_type()?.is_dir() {
            if depth == 0 && !file_name.starts_with('_') && !file_name.starts_with('.') {
                walk(&path, depth + 1, out)?;
            }
        } else if path.extension().is_some_and(|e| e == "py") {
            out.push(path);
        }
    }
    Ok(())
}

/// `root/a/b.py` -> `a/b.py`.
pub fn relative_name(root: &Path, path: &Path) -> String {
    let rel = path.strip_prefix(root).unwrap_or(path);
    let parts: Vec<String> = rel
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    parts.join("/")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn header_reads_known_keys_and_stops_at_code() {
        let h = Header::parse(
            "# Pins: argv handling.\n# args: a  b\n# stdin: in.txt\n# timeout: 3\n\
             # recorded-with: cpython-3.13\nprint(1)\n# args: ignored\n",
        );
        assert_eq!(h.args, ["a", "b"]);
        assert_eq!(h.stdin.as_deref(), Some("in.txt"));
        assert_eq!(h.timeout, Duration::from_secs(3));
        assert_eq!(h.recorded_with.as_deref(), Some("cpython-3.13"));
        assert_eq!(Header::parse("print(1)\n# args: x\n"), Header::default());
    }
}
