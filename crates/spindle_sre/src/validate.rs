//! Checks a code array before anything runs it, the job of CPython's `_validate`: every
//! opcode is known, every skip stays inside its enclosing block, blocks end with the
//! opcode their construct requires, jumps of a `BRANCH` share one target, charset
//! words and `BIGCHARSET` block indices are in range, group numbers are below the group
//! count. On top of CPython's checks, the item of a `*REPEAT_ONE` must be a single
//! one-character opcode (the only thing the compiler emits there), and `MARK` numbers
//! must name an existing group, which lets the matcher size its mark array from the
//! group count alone.
//!
//! Nesting is walked with an explicit stack of open blocks, so a deeply nested code
//! array cannot overflow the Rust stack.

use crate::InvalidCode;
use crate::constants::{MAXGROUPS, at, category, info, op};

/// What must follow, and where to resume, once an open block is fully read.
enum Close {
    /// The whole pattern (before its final `SUCCESS`).
    Top,
    /// A body followed by one terminating opcode at `end` (one of `expect`).
    Terminated { expect: &'static [u32] },
    /// One alternative of a `BRANCH`: `end` holds its `JUMP`; `outer` bounds the branch.
    Alternative { outer: usize, target: Option<usize> },
    /// The "then" part of `GROUPREF_EXISTS` at `op_pc`, which may end with a `JUMP`
    /// over an "else" part; `outer` bounds the whole construct.
    Then {
        op_pc: usize,
        skip: usize,
        outer: usize,
    },
    /// The "else" part of `GROUPREF_EXISTS`.
    Else,
}

struct Block {
    end: usize,
    close: Close,
    ends_with_jump: bool,
}

pub(crate) fn validate(code: &[u32], groups: usize) -> Result<(), InvalidCode> {
    if groups > MAXGROUPS || code.last() != Some(&op::SUCCESS) {
        return Err(InvalidCode);
    }
    Validator { code, groups }.run(code.len() - 1)
}

struct Validator<'a> {
    code: &'a [u32],
    groups: usize,
}

fn check(ok: bool) -> Result<(), InvalidCode> {
    if ok { Ok(()) } else { Err(InvalidCode) }
}

impl Validator<'_> {
    fn word(&self, at: usize, end: usize) -> Result<u32, InvalidCode> {
        if at < end {
            self.code.get(at).copied().ok_or(InvalidCode)
        } else {
            Err(InvalidCode)
        }
    }

    /// Reads the skip at `at`; it may reach at most `end` counting from `at + adj`.
    fn skip(&self, at: usize, end: usize, adj: usize) -> Result<usize, InvalidCode> {
        let skip = self.word(at, end)? as usize;
        check(skip.checked_sub(adj).is_some_and(|s| s <= end - at))?;
        Ok(skip)
    }

    fn run(&self, body_end: usize) -> Result<(), InvalidCode> {
        let mut stack = vec![Block {
            end: body_end,
            close: Close::Top,
            ends_with_jump: false,
        }];
        let mut pos = 0usize;
        while let Some(block) = stack.last_mut() {
            let end = block.end;
            if pos == end {
                let Some(done) = stack.pop() else { break };
                pos = self.close(done, &mut stack)?;
                continue;
            }
            check(pos < end)?;
            let opcode = self.word(pos, end)?;
            pos += 1;
            match opcode {
                op::MARK => {
                    let arg = self.word(pos, end)? as usize;
                    check(arg < self.groups.saturating_mul(2))?;
                    pos += 1;
                }
                op::LITERAL
                | op::NOT_LITERAL
                | op::LITERAL_IGNORE
                | op::NOT_LITERAL_IGNORE
                | op::LITERAL_UNI_IGNORE
                | op::NOT_LITERAL_UNI_IGNORE
                | op::LITERAL_LOC_IGNORE
                | op::NOT_LITERAL_LOC_IGNORE => {
                    self.word(pos, end)?;
                    pos += 1;
                }
                op::SUCCESS | op::FAILURE | op::ANY | op::ANY_ALL => {}
                op::AT => {
                    check(self.word(pos, end)? <= at::UNI_NON_BOUNDARY)?;
                    pos += 1;
                }
                op::IN | op::IN_IGNORE | op::IN_UNI_IGNORE | op::IN_LOC_IGNORE => {
                    pos = self.in_set(pos, end)?;
                }
                op::INFO => pos = self.info(pos, end)?,
                op::BRANCH => {
                    let block = self.alternative(pos, end, None)?;
                    pos += 1;
                    stack.push(block);
                }
                op::REPEAT_ONE | op::MIN_REPEAT_ONE | op::POSSESSIVE_REPEAT_ONE => {
                    let skip = self.skip(pos, end, 0)?;
                    check(skip >= 4)?;
                    self.bounds(pos, end)?;
                    let item_end = self.single(pos + 3, pos + skip - 1)?;
                    check(item_end == pos + skip - 1)?;
                    check(self.word(pos + skip - 1, end)? == op::SUCCESS)?;
                    pos += skip;
                }
                op::REPEAT | op::POSSESSIVE_REPEAT => {
                    let skip = self.skip(pos, end, 0)?;
                    check(skip >= 3)?;
                    self.bounds(pos, end)?;
                    let expect: &'static [u32] = if opcode == op::REPEAT {
                        &[op::MAX_UNTIL, op::MIN_UNTIL]
                    } else {
                        &[op::SUCCESS]
                    };
                    // The terminator sits at pos + skip, which must lie inside `end`.
                    check(pos + skip < end)?;
                    stack.push(Block {
                        end: pos + skip,
                        close: Close::Terminated { expect },
                        ends_with_jump: false,
                    });
                    pos += 3;
                }
                op::ATOMIC_GROUP => {
                    let skip = self.skip(pos, end, 0)?;
                    check(skip >= 2)?;
                    stack.push(Block {
                        end: pos + skip - 1,
                        close: Close::Terminated {
                            expect: &[op::SUCCESS],
                        },
                        ends_with_jump: false,
                    });
                    pos += 1;
                }
                op::ASSERT | op::ASSERT_NOT => {
                    let skip = self.skip(pos, end, 0)?;
                    check(skip >= 3)?;
                    self.word(pos + 1, end)?; // look-behind width
                    stack.push(Block {
                        end: pos + skip - 1,
                        close: Close::Terminated {
                            expect: &[op::SUCCESS],
                        },
                        ends_with_jump: false,
                    });
                    pos += 2;
                }
                op::GROUPREF
                | op::GROUPREF_IGNORE
                | op::GROUPREF_UNI_IGNORE
                | op::GROUPREF_LOC_IGNORE => {
                    check((self.word(pos, end)? as usize) < self.groups)?;
                    pos += 1;
                }
                op::GROUPREF_EXISTS => {
                    let op_pc = pos - 1;
                    check((self.word(pos, end)? as usize) < self.groups)?;
                    let skip = self.skip(pos + 1, end, 1)?;
                    check(skip >= 2)?;
                    stack.push(Block {
                        end: op_pc + 1 + skip,
                        close: Close::Then {
                            op_pc,
                            skip,
                            outer: end,
                        },
                        ends_with_jump: false,
                    });
                    pos += 2;
                }
                op::JUMP => {
                    // Only allowed as the last instruction of a block; the enclosing
                    // construct checks where it goes.
                    check(pos + 1 == end)?;
                    if let Some(block) = stack.last_mut() {
                        block.ends_with_jump = true;
                    }
                    pos += 1;
                }
                _ => return Err(InvalidCode),
            }
        }
        Ok(())
    }

    /// Handles a finished block; returns where reading resumes.
    fn close(&self, done: Block, stack: &mut Vec<Block>) -> Result<usize, InvalidCode> {
        match done.close {
            Close::Top => {
                check(!done.ends_with_jump)?;
                Ok(done.end)
            }
            Close::Terminated { expect } => {
                check(!done.ends_with_jump)?;
                let parent_end = stack.last().map_or(0, |b| b.end);
                check(expect.contains(&self.word(done.end, parent_end)?))?;
                Ok(done.end + 1)
            }
            Close::Alternative { outer, target } => {
                check(!done.ends_with_jump)?;
                let jump_at = done.end;
                check(self.word(jump_at, outer)? == op::JUMP)?;
                let jskip = self.skip(jump_at + 1, outer, 0)?;
                let this_target = jump_at + 1 + jskip;
                if let Some(t) = target {
                    check(t == this_target)?;
                }
                let next = jump_at + 2;
                if self.word(next, outer)? == 0 {
                    check(next + 1 == this_target)?;
                    Ok(next + 1)
                } else {
                    stack.push(self.alternative(next, outer, Some(this_target))?);
                    Ok(next + 1)
                }
            }
            Close::Then { op_pc, skip, outer } => {
                if done.ends_with_jump {
                    let at = op_pc + skip;
                    let skipno = self.skip(at, outer, 0)?;
                    check(skipno >= 1)?;
                    stack.push(Block {
                        end: at + skipno,
                        close: Close::Else,
                        ends_with_jump: false,
                    });
                    Ok(at + 1)
                } else {
                    Ok(done.end)
                }
            }
            Close::Else => {
                check(!done.ends_with_jump)?;
                Ok(done.end)
            }
        }
    }

    /// Opens the `BRANCH` alternative whose skip word is at `at`.
    fn alternative(
        &self,
        at: usize,
        outer: usize,
        target: Option<usize>,
    ) -> Result<Block, InvalidCode> {
        let skip = self.skip(at, outer, 0)?;
        check(skip >= 3)?;
        Ok(Block {
            end: at + skip - 2,
            close: Close::Alternative { outer, target },
            ends_with_jump: false,
        })
    }

    /// Checks `<min> <max>` after a repeat's skip word at `at`.
    fn bounds(&self, at: usize, end: usize) -> Result<(), InvalidCode> {
        let min = self.word(at + 1, end)?;
        let max = self.word(at + 2, end)?;
        // MAXREPEAT is the largest code word, so `max` cannot exceed it.
        check(min <= max)
    }

    /// Checks one single-character item starting at `at`; returns where it ends.
    fn single(&self, at: usize, end: usize) -> Result<usize, InvalidCode> {
        match self.word(at, end)? {
            op::LITERAL
            | op::NOT_LITERAL
            | op::LITERAL_IGNORE
            | op::NOT_LITERAL_IGNORE
            | op::LITERAL_UNI_IGNORE
            | op::NOT_LITERAL_UNI_IGNORE
            | op::LITERAL_LOC_IGNORE
            | op::NOT_LITERAL_LOC_IGNORE => {
                self.word(at + 1, end)?;
                Ok(at + 2)
            }
            op::ANY | op::ANY_ALL | op::FAILURE => Ok(at + 1),
            op::IN | op::IN_IGNORE | op::IN_UNI_IGNORE | op::IN_LOC_IGNORE => {
                self.in_set(at + 1, end)
            }
            _ => Err(InvalidCode),
        }
    }

    /// `<skip> <set> FAILURE` of an `IN` opcode whose skip word is at `at`.
    fn in_set(&self, at: usize, end: usize) -> Result<usize, InvalidCode> {
        let skip = self.skip(at, end, 0)?;
        check(skip >= 2)?;
        self.charset(at + 1, at + skip - 1)?;
        check(self.word(at + skip - 1, end)? == op::FAILURE)?;
        Ok(at + skip)
    }

    /// A set program in `[pos, end)`, without its final `FAILURE`.
    fn charset(&self, mut pos: usize, end: usize) -> Result<(), InvalidCode> {
        while pos < end {
            let opcode = self.word(pos, end)?;
            pos += 1;
            match opcode {
                op::NEGATE => {}
                op::LITERAL => pos += 1,
                op::RANGE | op::RANGE_UNI_IGNORE => pos += 2,
                op::CHARSET => pos += 8,
                op::BIGCHARSET => {
                    let blocks = self.word(pos, end)?;
                    pos += 1;
                    check(pos + 64 <= end)?;
                    for &w in &self.code[pos..pos + 64] {
                        check(w.to_ne_bytes().iter().all(|&b| u32::from(b) < blocks))?;
                    }
                    pos += 64;
                    pos = pos
                        .checked_add((blocks as usize).checked_mul(8).ok_or(InvalidCode)?)
                        .ok_or(InvalidCode)?;
                }
                op::CATEGORY => {
                    check(self.word(pos, end)? <= category::UNI_NOT_LINEBREAK)?;
                    pos += 1;
                }
                _ => return Err(InvalidCode),
            }
            check(pos <= end)?;
        }
        Ok(())
    }

    /// `<skip> <flags> <min> <max> [prefix | charset]` of an `INFO` block.
    fn info(&self, at: usize, end: usize) -> Result<usize, InvalidCode> {
        let skip = self.skip(at, end, 0)?;
        check(skip >= 4)?;
        let block_end = at + skip;
        let flags = self.word(at + 1, block_end)?;
        self.word(at + 3, block_end)?;
        check(flags & !(info::PREFIX | info::LITERAL | info::CHARSET) == 0)?;
        check(!(flags & info::PREFIX != 0 && flags & info::CHARSET != 0))?;
        check(flags & info::LITERAL == 0 || flags & info::PREFIX != 0)?;
        let mut pos = at + 4;
        if flags & info::PREFIX != 0 {
            let len = self.word(pos, block_end)? as usize;
            let prefix_skip = self.word(pos + 1, block_end)? as usize;
            check(len >= 1 && prefix_skip <= len)?;
            pos += 2;
            check(len <= block_end - pos)?;
            pos += len;
            check(len <= block_end - pos)?;
            check(
                self.code[pos..pos + len]
                    .iter()
                    .all(|&o| (o as usize) < len),
            )?;
            pos += len;
            // The matcher resumes 2 * prefix_skip words into the body after INFO.
            check(
                block_end
                    .checked_add(2 * prefix_skip)
                    .is_some_and(|b| b < self.code.len()),
            )?;
        }
        if flags & info::CHARSET != 0 {
            check(pos < block_end)?;
            self.charset(pos, block_end - 1)?;
            check(self.code[block_end - 1] == op::FAILURE)?;
        } else {
            check(pos == block_end)?;
        }
        Ok(block_end)
    }
}
