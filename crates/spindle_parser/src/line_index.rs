//! `LineIndex`: maps byte offsets in a source text to 1-based lines and 0-based
//! columns, in UTF-8 bytes (what code-object positions use) or in characters
//! (what `SyntaxError.offset` uses).

/// Line-start table of one source text.
#[derive(Clone, Debug)]
pub struct LineIndex {
    /// Byte offset of the start of each line; `starts[0] == 0`.
    starts: Vec<usize>,
}

impl LineIndex {
    /// Builds the index; `\n`, `\r\n` and a lone `\r` all end a line.
    #[must_use]
    pub fn new(source: &str) -> LineIndex {
        let bytes = source.as_bytes();
        let mut starts = vec![0];
        let mut i = 0;
        while i < bytes.len() {
            match bytes[i] {
                b'\n' => starts.push(i + 1),
                b'\r' => {
                    if bytes.get(i + 1) == Some(&b'\n') {
                        i += 1;
                    }
                    starts.push(i + 1);
                }
                _ => {}
            }
            i += 1;
        }
        LineIndex { starts }
    }

    /// Number of lines (a trailing newline starts an empty last line).
    #[must_use]
    pub fn line_count(&self) -> usize {
        self.starts.len()
    }

    /// `(line, byte_column)`: 1-based line, 0-based UTF-8 byte column.
    #[must_use]
    pub fn line_col(&self, offset: usize) -> (u32, u32) {
        let line = self.starts.partition_point(|&s| s <= offset).max(1);
        let col = offset - self.starts[line - 1];
        (to_u32(line), to_u32(col))
    }

    /// `(line, char_column)`: 1-based line, 0-based column in characters.
    #[must_use]
    pub fn char_position(&self, source: &str, offset: usize) -> (u32, u32) {
        let offset = offset.min(source.len());
        let (line, _) = self.line_col(offset);
        let start = self.starts[line as usize - 1];
        let col = source.get(start..offset).map_or(offset - start, |s| s.chars().count());
        (line, to_u32(col))
    }

    /// Byte offset where 1-based `line` starts.
    #[must_use]
    pub fn line_start(&self, line: u32) -> Option<usize> {
        self.starts.get((line as usize).checked_sub(1)?).copied()
    }

    /// The text of 1-based `line` including its line terminator.
    #[must_use]
    pub fn line_text<'s>(&self, source: &'s str, line: u32) -> Option<&'s str> {
        let start = self.line_start(line)?;
        let end = self.starts.get(line as usize).copied().unwrap_or(source.len());
        source.get(start..end)
    }
}

fn to_u32(v: usize) -> u32 {
    u32::try_from(v).unwrap_or(u32::MAX)
}
