//! `search`: finds the leftmost match at or after the current start, CPython's
//! `SRE(search)`. The pattern's `INFO` block gives fast paths: a subject shorter than
//! the pattern's minimum width fails at once; a literal prefix is located by scanning
//! before the matcher runs (and when the whole pattern is that literal, the matcher
//! does not run at all); a set of possible first characters skips positions that
//! cannot start a match. A pattern anchored at the beginning is tried only once.

use crate::constants::{at, info, op};
use crate::engine::State;
use crate::{SreError, Subject};

impl<S: Subject + ?Sized> State<'_, S> {
    /// Searches from `self.start`; on success the match is `self.start..self.ptr`.
    pub(crate) fn search_from_start(&mut self) -> Result<bool, SreError> {
        let code = self.code();
        let end = self.end();
        let mut ptr = self.start();
        if ptr > end {
            return Ok(false);
        }
        let c = |i: usize| code.get(i).copied().unwrap_or(op::FAILURE);
        let mut body = 0;
        let mut flags = 0;
        let mut scan_end = end;
        if c(0) == op::INFO {
            flags = c(2);
            let min = c(3) as usize;
            if min != 0 && end - ptr < min {
                return Ok(false);
            }
            if min > 1 {
                // Leave room for the pattern's minimum width.
                scan_end = (end - (min - 1)).max(ptr);
            }
            body = 1 + c(1) as usize;
        }

        if flags & info::PREFIX != 0 {
            let len = c(5) as usize;
            let skip = c(6) as usize;
            let prefix = code.get(7..7 + len).unwrap_or(&[]);
            let literal = flags & info::LITERAL != 0;
            self.clear_must_advance();
            let Some(&first) = prefix.first() else {
                return Ok(false);
            };
            while ptr + len <= end {
                if self.char_at(ptr) == first
                    && (1..len).all(|i| self.char_at(ptr + i) == prefix[i])
                {
                    self.set_start(ptr, ptr + skip);
                    if literal {
                        return Ok(true);
                    }
                    if self.run(body + 2 * skip, false)? {
                        return Ok(true);
                    }
                    self.reset_marks();
                } else {
                    self.check()?;
                }
                ptr += 1;
            }
            return Ok(false);
        }

        if flags & info::CHARSET != 0 {
            self.clear_must_advance();
            loop {
                while ptr < end && !self.in_charset(5, self.char_at(ptr)) {
                    ptr += 1;
                }
                if ptr >= end {
                    return Ok(false);
                }
                self.set_start(ptr, ptr);
                if self.run(body, false)? {
                    return Ok(true);
                }
                ptr += 1;
                self.reset_marks();
            }
        }

        self.set_start(ptr, ptr);
        let mut found = self.run(body, true)?;
        self.clear_must_advance();
        if !found
            && c(body) == op::AT
            && matches!(c(body + 1), at::BEGINNING | at::BEGINNING_STRING)
        {
            self.set_start(scan_end, scan_end);
            return Ok(false);
        }
        while !found && ptr < scan_end {
            ptr += 1;
            self.reset_marks();
            self.set_start(ptr, ptr);
            found = self.run(body, false)?;
        }
        Ok(found)
    }
}
