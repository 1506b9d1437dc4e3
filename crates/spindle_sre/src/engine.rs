//! The matcher: runs a validated code array at one position, CPython 3.14's `SRE(match)`
//! reformulated as an explicit machine. Each construct that may need to backtrack (a
//! branch, a repeat, a look-around, an atomic group) calls a sub-match by pushing a
//! [`Frame`] that records what to do with the sub-match's answer, then carries on at
//! the sub-pattern; `SUCCESS` or a failure "returns" by popping frames until one of them
//! resumes work. Nothing recurses in Rust, so the depth of backtracking is bounded by
//! memory (and the configurable stack limit), never by the thread's stack.
//!
//! Group marks, `lastmark`, `lastindex`, the repeat contexts and when marks are saved
//! and restored follow CPython exactly, because they decide which groups are reported
//! after backtracking (for example `(a)|b` leaves group 1 unset, `(?:(a)|b)*` on "ab"
//! keeps "a").

use crate::chars::{
    char_loc_ignore, in_category, is_word, loc_is_word, lower_ascii, lower_locale, lower_unicode,
    uni_is_word, upper_locale, upper_unicode,
};
use crate::constants::{MAXREPEAT, at, op};
use crate::{Program, SreError, Subject};

/// An unset mark or a never-set `last_ptr`.
const NONE: usize = usize::MAX;

/// How many dispatched opcodes pass between two calls of the check hook.
const CHECK_INTERVAL: u32 = 4096;

/// A successful match: the span of group 0, the span of every capturing group
/// (`None` where the group did not participate) and `lastindex`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Match {
    pub start: usize,
    pub end: usize,
    /// Spans of groups 1..=groups, in order.
    pub groups: Vec<Option<(usize, usize)>>,
    pub lastindex: Option<usize>,
}

impl Match {
    /// The span of `group` (0 is the whole match); `None` for a group that did not
    /// participate or does not exist.
    #[must_use]
    pub fn span(&self, group: usize) -> Option<(usize, usize)> {
        if group == 0 {
            Some((self.start, self.end))
        } else {
            self.groups.get(group - 1).copied().flatten()
        }
    }
}

/// The state of one use of a pattern on one subject (CPython's `SRE_STATE`): the
/// subject window `pos..endpos`, the marks of the current attempt, and for iteration
/// (`finditer`, `findall`, `sub`, `split`, `Scanner`) where the next search starts.
pub struct State<'a, S: Subject + ?Sized> {
    code: &'a [u32],
    groups: usize,
    subject: &'a S,
    len: usize,
    pos: usize,
    end: usize,
    /// Where the current attempt started (`state->start`).
    start: usize,
    /// `state->ptr`: where a sub-match begins, and where a successful one ended.
    ptr: usize,
    marks: Vec<usize>,
    lastmark: isize,
    lastindex: isize,
    repeat: Option<usize>,
    repeats: Vec<RepeatCtx>,
    frames: Vec<Frame>,
    saved: Vec<usize>,
    must_advance: bool,
    match_all: bool,
    steps: u32,
    hook: Option<Box<dyn FnMut() -> bool + 'a>>,
    stack_limit: usize,
    /// Where the scanner's next attempt starts; `None` once it is exhausted.
    scan: Option<usize>,
}

/// The context of a `REPEAT ... MAX_UNTIL/MIN_UNTIL` loop (CPython's `SRE_REPEAT`).
struct RepeatCtx {
    /// Iterations matched so far (-1 before the first).
    count: isize,
    /// Position of the `REPEAT` opcode (its min, max and body follow it).
    pc: usize,
    prev: Option<usize>,
    /// Where the last iteration started, to stop empty iterations.
    last_ptr: usize,
}

/// Saved `lastmark`/`lastindex`, and where the marks were pushed on the save stack.
#[derive(Clone, Copy)]
struct Saved {
    lastmark: isize,
    lastindex: isize,
    marks_at: Option<usize>,
}

/// A suspended construct waiting for a sub-match, with the caller's registers.
struct Frame {
    resume: Resume,
    pc: usize,
    ptr: usize,
    toplevel: bool,
}

enum Resume {
    /// Trying the `BRANCH` alternative whose skip word is at `alt`.
    Branch {
        alt: usize,
        saved: Saved,
    },
    /// `REPEAT_ONE` tried its tail after `count` items from `base`.
    RepeatOne {
        base: usize,
        count: usize,
        saved: Saved,
    },
    /// `MIN_REPEAT_ONE` tried its tail after `count` items.
    MinRepeatOne {
        count: usize,
        saved: Saved,
    },
    /// `POSSESSIVE_REPEAT` matched its body once more; `prev` is where the try began
    /// (`NONE` while the minimum is not reached yet, when nothing is saved). `rep` is
    /// the placeholder repeat context it installs so that constructs in its body save
    /// marks, as they do inside any other repeat.
    PossRepeat {
        rep: usize,
        count: usize,
        prev: usize,
        saved: Saved,
    },
    /// `REPEAT` ran its loop; the repeat context is to be dropped.
    Repeat {
        rep: usize,
    },
    /// An `UNTIL` ran one more body iteration below the minimum.
    UntilBelowMin {
        rep: usize,
        count: isize,
    },
    /// `MAX_UNTIL` ran one more body iteration.
    MaxUntilMore {
        rep: usize,
        count: isize,
        last_ptr: usize,
        saved: Saved,
    },
    /// `MAX_UNTIL` (or `MIN_UNTIL`'s extra iteration) gave up and ran the tail.
    MaxUntilTail {
        rep: usize,
    },
    /// `MIN_UNTIL` tried the tail first.
    MinUntilTail {
        rep: usize,
        count: isize,
        saved: Saved,
    },
    /// `MIN_UNTIL` ran one more body iteration after the tail failed.
    MinUntilMore {
        rep: usize,
        count: isize,
        last_ptr: usize,
    },
    AtomicGroup,
    Assert,
    AssertNot {
        saved: Saved,
    },
}

/// What the machine does next.
enum Step {
    /// Dispatch at `pc` with the current position `ptr`.
    Goto { pc: usize, ptr: usize },
    /// Push `frame` and start a sub-match at `target` from `self.ptr`.
    Call {
        frame: Frame,
        target: usize,
        toplevel: bool,
    },
    /// The current sub-match finished with this answer.
    Return(bool),
}

impl<'a, S: Subject + ?Sized> State<'a, S> {
    /// Prepares to run `program` over `subject[pos..endpos]`, with CPython's clamping of
    /// `pos` and `endpos` into `0..=len`.
    pub fn new(program: &'a Program, subject: &'a S, pos: isize, endpos: isize) -> Self {
        let len = subject.len();
        let clamp = |i: isize| usize::try_from(i).map_or(0, |i| i.min(len));
        let pos = clamp(pos);
        let end = clamp(endpos);
        State {
            code: program.code(),
            groups: program.groups(),
            subject,
            len,
            pos,
            end,
            start: pos,
            ptr: pos,
            marks: Vec::new(),
            lastmark: -1,
            lastindex: -1,
            repeat: None,
            repeats: Vec::new(),
            frames: Vec::new(),
            saved: Vec::new(),
            must_advance: false,
            match_all: false,
            steps: 0,
            hook: None,
            stack_limit: usize::MAX,
            scan: Some(pos),
        }
    }

    /// Installs `hook`, called every few thousand steps of a match; returning `true`
    /// stops the match with [`SreError::Interrupted`].
    pub fn set_check_hook(&mut self, hook: impl FnMut() -> bool + 'a) {
        self.hook = Some(Box::new(hook));
    }

    /// Bounds the backtracking stack to about `bytes`; going beyond it fails the match
    /// with [`SreError::Memory`]. Unbounded by default, as in CPython.
    pub fn set_stack_limit(&mut self, bytes: usize) {
        self.stack_limit = bytes;
    }

    /// The clamped `pos`.
    #[must_use]
    pub fn pos(&self) -> usize {
        self.pos
    }

    /// The clamped `endpos`.
    #[must_use]
    pub fn endpos(&self) -> usize {
        self.end
    }

    /// `Pattern.match`: a match starting exactly at `pos`.
    ///
    /// # Errors
    /// See [`SreError`].
    pub fn match_prefix(&mut self) -> Result<Option<Match>, SreError> {
        self.one_shot(false)
    }

    /// `Pattern.fullmatch`: a match spanning all of `pos..endpos`.
    ///
    /// # Errors
    /// See [`SreError`].
    pub fn fullmatch(&mut self) -> Result<Option<Match>, SreError> {
        self.one_shot(true)
    }

    /// `Pattern.search`: the first match at or after `pos`.
    ///
    /// # Errors
    /// See [`SreError`].
    pub fn search(&mut self) -> Result<Option<Match>, SreError> {
        self.reset();
        self.start = self.pos;
        self.ptr = self.pos;
        self.must_advance = false;
        self.match_all = false;
        let found = self.search_from_start()?;
        self.result(found)
    }

    /// The next match of the iteration behind `finditer`, `findall`, `sub`, `split`
    /// and `Scanner.search`: searches from the end of the previous match; an empty
    /// match is not allowed where the previous match ended if that one was empty too.
    ///
    /// # Errors
    /// See [`SreError`].
    pub fn scan_search(&mut self) -> Result<Option<Match>, SreError> {
        let Some(start) = self.scan else {
            return Ok(None);
        };
        self.reset();
        self.start = start;
        self.ptr = start;
        self.match_all = false;
        let found = self.search_from_start()?;
        self.scan_advance(found)
    }

    /// `Scanner.match`: like [`State::scan_search`] but the match must start where the
    /// previous one ended.
    ///
    /// # Errors
    /// See [`SreError`].
    pub fn scan_match(&mut self) -> Result<Option<Match>, SreError> {
        let Some(start) = self.scan else {
            return Ok(None);
        };
        self.reset();
        self.start = start;
        self.ptr = start;
        self.match_all = false;
        let found = self.run(0, true)?;
        self.scan_advance(found)
    }

    fn scan_advance(&mut self, found: bool) -> Result<Option<Match>, SreError> {
        if !found {
            self.scan = None;
            return Ok(None);
        }
        let m = self.result(true)?;
        self.must_advance = self.ptr == self.start;
        self.scan = Some(self.ptr);
        Ok(m)
    }

    fn one_shot(&mut self, match_all: bool) -> Result<Option<Match>, SreError> {
        self.reset();
        self.start = self.pos;
        self.ptr = self.pos;
        self.must_advance = false;
        self.match_all = match_all;
        let found = self.run(0, true)?;
        self.result(found)
    }

    /// Forgets the marks of a previous attempt (`state_reset`).
    pub(crate) fn reset(&mut self) {
        self.lastmark = -1;
        self.lastindex = -1;
        self.repeat = None;
        self.repeats.clear();
        self.frames.clear();
        self.saved.clear();
    }

    /// Builds the match object for the current marks (`pattern_new_match`).
    fn result(&self, found: bool) -> Result<Option<Match>, SreError> {
        if !found {
            return Ok(None);
        }
        let mut groups = Vec::new();
        groups
            .try_reserve_exact(self.groups)
            .map_err(|_| SreError::Memory)?;
        for g in 0..self.groups {
            let j = 2 * g;
            let (a, b) = (self.mark(j), self.mark(j + 1));
            if (j as isize) < self.lastmark && a != NONE && b != NONE {
                if a > b {
                    return Err(SreError::WrongSpan);
                }
                groups.push(Some((a, b)));
            } else {
                groups.push(None);
            }
        }
        let lastindex = usize::try_from(self.lastindex).ok();
        Ok(Some(Match {
            start: self.start,
            end: self.ptr,
            groups,
            lastindex,
        }))
    }

    // ----- the machine -----

    /// Runs the code at `pc` from `self.ptr`; on success `self.ptr` is the end.
    pub(crate) fn run(&mut self, pc: usize, toplevel: bool) -> Result<bool, SreError> {
        debug_assert!(self.frames.is_empty());
        let base = self.frames.len();
        let mut toplevel = toplevel;
        let mut step = self.enter(pc, self.ptr);
        loop {
            step = match step {
                Step::Goto { pc, ptr } => self.exec(pc, ptr, toplevel)?,
                Step::Call {
                    frame,
                    target,
                    toplevel: sub_toplevel,
                } => {
                    self.push_frame(frame)?;
                    toplevel = sub_toplevel;
                    self.enter(target, self.ptr)
                }
                Step::Return(answer) => {
                    if self.frames.len() <= base {
                        return Ok(answer);
                    }
                    let Some(frame) = self.frames.pop() else {
                        return Ok(answer);
                    };
                    toplevel = frame.toplevel;
                    self.resume(frame, answer)?
                }
            };
        }
    }

    /// The entry of a (sub-)match: an `INFO` block rejects subjects that are too short.
    fn enter(&self, pc: usize, ptr: usize) -> Step {
        if self.c(pc) == op::INFO {
            let min = self.c(pc + 3) as usize;
            if min != 0 && ptr <= self.end && self.end - ptr < min {
                return Step::Return(false);
            }
            return Step::Goto {
                pc: pc + 1 + self.c(pc + 1) as usize,
                ptr,
            };
        }
        Step::Goto { pc, ptr }
    }

    fn push_frame(&mut self, frame: Frame) -> Result<(), SreError> {
        let used = self.frames.len() * size_of::<Frame>() + self.saved.len() * size_of::<usize>();
        if used >= self.stack_limit {
            return Err(SreError::Memory);
        }
        self.frames.try_reserve(1).map_err(|_| SreError::Memory)?;
        self.frames.push(frame);
        Ok(())
    }

    /// A code word; reads past the end see `FAILURE`, so even code that slipped past
    /// validation cannot index out of bounds.
    fn c(&self, i: usize) -> u32 {
        self.code.get(i).copied().unwrap_or(op::FAILURE)
    }

    fn ch(&self, i: usize) -> u32 {
        self.subject.char_at(i)
    }

    fn mark(&self, i: usize) -> usize {
        self.marks.get(i).copied().unwrap_or(NONE)
    }

    fn tick(&mut self) -> Result<(), SreError> {
        self.steps = self.steps.wrapping_add(1);
        if self.steps.is_multiple_of(CHECK_INTERVAL)
            && let Some(hook) = self.hook.as_mut()
            && hook()
        {
            return Err(SreError::Interrupted);
        }
        Ok(())
    }

    fn save(&mut self, push_marks: bool) -> Result<Saved, SreError> {
        let marks_at = if push_marks && self.lastmark >= 0 {
            let at = self.saved.len();
            let n = (self.lastmark + 1) as usize;
            self.saved.try_reserve(n).map_err(|_| SreError::Memory)?;
            for i in 0..n {
                let m = self.mark(i);
                self.saved.push(m);
            }
            Some(at)
        } else {
            None
        };
        Ok(Saved {
            lastmark: self.lastmark,
            lastindex: self.lastindex,
            marks_at,
        })
    }

    /// Copies the pushed marks back (`MARK_POP_KEEP`), leaving them on the stack.
    fn restore_marks(&mut self, saved: Saved) {
        if let Some(at) = saved.marks_at {
            let n = (saved.lastmark + 1) as usize;
            if self.marks.len() < n {
                self.marks.resize(n, NONE);
            }
            self.marks[..n].copy_from_slice(&self.saved[at..at + n]);
        }
    }

    fn discard_marks(&mut self, saved: Saved) {
        if let Some(at) = saved.marks_at {
            self.saved.truncate(at);
        }
    }

    fn restore_lastmark(&mut self, saved: Saved) {
        self.lastmark = saved.lastmark;
        self.lastindex = saved.lastindex;
    }

    fn set_mark(&mut self, i: usize, ptr: usize) -> Result<(), SreError> {
        if i & 1 == 1 {
            self.lastindex = (i / 2 + 1) as isize;
        }
        if i as isize > self.lastmark {
            // Marks between the old lastmark and i were not reached on this path.
            let from = (self.lastmark + 1) as usize;
            if self.marks.len() <= i {
                self.marks
                    .try_reserve(i + 1 - self.marks.len())
                    .map_err(|_| SreError::Memory)?;
                self.marks.resize(i + 1, NONE);
            }
            self.marks[from..i].fill(NONE);
            self.lastmark = i as isize;
        }
        self.marks[i] = ptr;
        Ok(())
    }

    /// Executes opcodes from `pc` until a sub-match call or an answer.
    #[allow(clippy::too_many_lines)]
    fn exec(&mut self, mut pc: usize, mut ptr: usize, toplevel: bool) -> Result<Step, SreError> {
        let end = self.end;
        loop {
            self.tick()?;
            let opcode = self.c(pc);
            match opcode {
                op::MARK => {
                    self.set_mark(self.c(pc + 1) as usize, ptr)?;
                    pc += 2;
                }
                op::LITERAL
                | op::NOT_LITERAL
                | op::LITERAL_IGNORE
                | op::NOT_LITERAL_IGNORE
                | op::LITERAL_UNI_IGNORE
                | op::NOT_LITERAL_UNI_IGNORE
                | op::LITERAL_LOC_IGNORE
                | op::NOT_LITERAL_LOC_IGNORE
                | op::CATEGORY => {
                    if ptr >= end || !self.single(pc, self.ch(ptr)) {
                        return Ok(Step::Return(false));
                    }
                    ptr += 1;
                    pc += 2;
                }
                op::ANY | op::ANY_ALL => {
                    if ptr >= end || !self.single(pc, self.ch(ptr)) {
                        return Ok(Step::Return(false));
                    }
                    ptr += 1;
                    pc += 1;
                }
                op::IN | op::IN_IGNORE | op::IN_UNI_IGNORE | op::IN_LOC_IGNORE => {
                    if ptr >= end || !self.single(pc, self.ch(ptr)) {
                        return Ok(Step::Return(false));
                    }
                    ptr += 1;
                    pc += 1 + self.c(pc + 1) as usize;
                }
                op::SUCCESS => {
                    if toplevel
                        && ((self.match_all && ptr != end)
                            || (self.must_advance && ptr == self.start))
                    {
                        return Ok(Step::Return(false));
                    }
                    self.ptr = ptr;
                    return Ok(Step::Return(true));
                }
                op::FAILURE => return Ok(Step::Return(false)),
                op::AT => {
                    if !self.at(ptr, self.c(pc + 1)) {
                        return Ok(Step::Return(false));
                    }
                    pc += 2;
                }
                op::JUMP | op::INFO => pc += 1 + self.c(pc + 1) as usize,
                op::BRANCH => {
                    let saved = self.save(self.repeat.is_some())?;
                    return Ok(self.branch_from(pc + 1, pc, ptr, toplevel, saved));
                }
                op::REPEAT_ONE => {
                    let min = self.c(pc + 2) as usize;
                    if ptr > end || min > end - ptr {
                        return Ok(Step::Return(false));
                    }
                    let count = self.count(pc + 4, ptr, self.c(pc + 3));
                    if count < min {
                        return Ok(Step::Return(false));
                    }
                    let tail = pc + 1 + self.c(pc + 1) as usize;
                    let after = ptr + count;
                    if self.c(tail) == op::SUCCESS
                        && after == end
                        && !(toplevel && self.must_advance && after == self.start)
                    {
                        self.ptr = after;
                        return Ok(Step::Return(true));
                    }
                    let saved = self.save(self.repeat.is_some())?;
                    return Ok(self.repeat_one_try(pc, ptr, toplevel, ptr, Some(count), saved));
                }
                op::MIN_REPEAT_ONE => {
                    let min = self.c(pc + 2) as usize;
                    if ptr > end || min > end - ptr {
                        return Ok(Step::Return(false));
                    }
                    let mut count = 0;
                    if min > 0 {
                        count = self.count(pc + 4, ptr, self.c(pc + 2));
                        if count < min {
                            return Ok(Step::Return(false));
                        }
                    }
                    let at_ptr = ptr + count;
                    let tail = pc + 1 + self.c(pc + 1) as usize;
                    if self.c(tail) == op::SUCCESS
                        && !(toplevel
                            && ((self.match_all && at_ptr != end)
                                || (self.must_advance && at_ptr == self.start)))
                    {
                        self.ptr = at_ptr;
                        return Ok(Step::Return(true));
                    }
                    let saved = self.save(self.repeat.is_some())?;
                    return Ok(self.min_repeat_one_try(pc, at_ptr, toplevel, count, saved));
                }
                op::POSSESSIVE_REPEAT_ONE => {
                    let min = self.c(pc + 2) as usize;
                    if ptr > end || min > end - ptr {
                        return Ok(Step::Return(false));
                    }
                    let count = self.count(pc + 4, ptr, self.c(pc + 3));
                    if count < min {
                        return Ok(Step::Return(false));
                    }
                    ptr += count;
                    pc += 1 + self.c(pc + 1) as usize;
                    if self.c(pc) == op::SUCCESS
                        && ptr == end
                        && !(toplevel && self.must_advance && ptr == self.start)
                    {
                        self.ptr = ptr;
                        return Ok(Step::Return(true));
                    }
                }
                op::REPEAT => {
                    self.repeats.try_reserve(1).map_err(|_| SreError::Memory)?;
                    let rep = self.repeats.len();
                    self.repeats.push(RepeatCtx {
                        count: -1,
                        pc,
                        prev: self.repeat,
                        last_ptr: NONE,
                    });
                    self.repeat = Some(rep);
                    self.ptr = ptr;
                    let target = pc + 1 + self.c(pc + 1) as usize;
                    return Ok(Step::Call {
                        frame: Frame {
                            resume: Resume::Repeat { rep },
                            pc,
                            ptr,
                            toplevel,
                        },
                        target,
                        toplevel,
                    });
                }
                op::MAX_UNTIL => {
                    let rep = self.repeat.ok_or(SreError::Internal)?;
                    self.ptr = ptr;
                    let count = self.repeats[rep].count + 1;
                    let rpc = self.repeats[rep].pc;
                    let (min, max) = (self.c(rpc + 2), self.c(rpc + 3));
                    if count < min as isize {
                        self.repeats[rep].count = count;
                        let resume = Resume::UntilBelowMin { rep, count };
                        return Ok(Step::Call {
                            frame: Frame {
                                resume,
                                pc,
                                ptr,
                                toplevel,
                            },
                            target: rpc + 4,
                            toplevel,
                        });
                    }
                    if (count < max as isize || max == MAXREPEAT)
                        && self.ptr != self.repeats[rep].last_ptr
                    {
                        self.repeats[rep].count = count;
                        let saved = self.save(true)?;
                        let last_ptr = self.repeats[rep].last_ptr;
                        self.repeats[rep].last_ptr = self.ptr;
                        let resume = Resume::MaxUntilMore {
                            rep,
                            count,
                            last_ptr,
                            saved,
                        };
                        return Ok(Step::Call {
                            frame: Frame {
                                resume,
                                pc,
                                ptr,
                                toplevel,
                            },
                            target: rpc + 4,
                            toplevel,
                        });
                    }
                    return Ok(self.until_tail(rep, pc, ptr, toplevel));
                }
                op::MIN_UNTIL => {
                    let rep = self.repeat.ok_or(SreError::Internal)?;
                    self.ptr = ptr;
                    let count = self.repeats[rep].count + 1;
                    let rpc = self.repeats[rep].pc;
                    if count < self.c(rpc + 2) as isize {
                        self.repeats[rep].count = count;
                        let resume = Resume::UntilBelowMin { rep, count };
                        return Ok(Step::Call {
                            frame: Frame {
                                resume,
                                pc,
                                ptr,
                                toplevel,
                            },
                            target: rpc + 4,
                            toplevel,
                        });
                    }
                    self.repeat = self.repeats[rep].prev;
                    let saved = self.save(self.repeat.is_some())?;
                    let resume = Resume::MinUntilTail { rep, count, saved };
                    return Ok(Step::Call {
                        frame: Frame {
                            resume,
                            pc,
                            ptr,
                            toplevel,
                        },
                        target: pc + 1,
                        toplevel,
                    });
                }
                op::POSSESSIVE_REPEAT => {
                    self.ptr = ptr;
                    self.repeats.try_reserve(1).map_err(|_| SreError::Memory)?;
                    let rep = self.repeats.len();
                    self.repeats.push(RepeatCtx {
                        count: -1,
                        pc,
                        prev: self.repeat,
                        last_ptr: NONE,
                    });
                    self.repeat = Some(rep);
                    let no_save = Saved {
                        lastmark: -1,
                        lastindex: -1,
                        marks_at: None,
                    };
                    if self.c(pc + 2) > 0 {
                        let resume = Resume::PossRepeat {
                            rep,
                            count: 0,
                            prev: NONE,
                            saved: no_save,
                        };
                        return Ok(Step::Call {
                            frame: Frame {
                                resume,
                                pc,
                                ptr,
                                toplevel,
                            },
                            target: pc + 4,
                            toplevel: false,
                        });
                    }
                    return self.poss_repeat_more(rep, pc, ptr, toplevel, 0, NONE);
                }
                op::ATOMIC_GROUP => {
                    self.ptr = ptr;
                    let frame = Frame {
                        resume: Resume::AtomicGroup,
                        pc,
                        ptr,
                        toplevel,
                    };
                    return Ok(Step::Call {
                        frame,
                        target: pc + 2,
                        toplevel: false,
                    });
                }
                op::GROUPREF
                | op::GROUPREF_IGNORE
                | op::GROUPREF_UNI_IGNORE
                | op::GROUPREF_LOC_IGNORE => {
                    let g = self.c(pc + 1) as usize;
                    match self.group_ref(opcode, g, ptr) {
                        Some(after) => ptr = after,
                        None => return Ok(Step::Return(false)),
                    }
                    pc += 2;
                }
                op::GROUPREF_EXISTS => {
                    let g = self.c(pc + 1) as usize;
                    if self.group_span(g).is_some() {
                        pc += 3;
                    } else {
                        pc += 1 + self.c(pc + 2) as usize;
                    }
                }
                op::ASSERT => {
                    let back = self.c(pc + 2) as usize;
                    if ptr < back {
                        return Ok(Step::Return(false));
                    }
                    self.ptr = ptr - back;
                    let frame = Frame {
                        resume: Resume::Assert,
                        pc,
                        ptr,
                        toplevel,
                    };
                    return Ok(Step::Call {
                        frame,
                        target: pc + 3,
                        toplevel: false,
                    });
                }
                op::ASSERT_NOT => {
                    let back = self.c(pc + 2) as usize;
                    if ptr >= back {
                        self.ptr = ptr - back;
                        let saved = self.save(self.repeat.is_some())?;
                        let frame = Frame {
                            resume: Resume::AssertNot { saved },
                            pc,
                            ptr,
                            toplevel,
                        };
                        return Ok(Step::Call {
                            frame,
                            target: pc + 3,
                            toplevel: false,
                        });
                    }
                    pc += 1 + self.c(pc + 1) as usize;
                }
                _ => return Err(SreError::Internal),
            }
        }
    }

    /// Continues a suspended construct with the answer of its sub-match.
    #[allow(clippy::too_many_lines)]
    fn resume(&mut self, frame: Frame, answer: bool) -> Result<Step, SreError> {
        let Frame {
            resume,
            pc,
            ptr,
            toplevel,
        } = frame;
        Ok(match resume {
            Resume::Branch { alt, saved } => {
                if answer {
                    self.discard_marks(saved);
                    return Ok(Step::Return(true));
                }
                self.restore_marks(saved);
                self.restore_lastmark(saved);
                let next = alt + self.c(alt) as usize;
                self.branch_from(next, pc, ptr, toplevel, saved)
            }
            Resume::RepeatOne { base, count, saved } => {
                if answer {
                    self.discard_marks(saved);
                    return Ok(Step::Return(true));
                }
                self.restore_marks(saved);
                self.restore_lastmark(saved);
                self.repeat_one_try(pc, ptr, toplevel, base, count.checked_sub(1), saved)
            }
            Resume::MinRepeatOne { count, saved } => {
                if answer {
                    self.discard_marks(saved);
                    return Ok(Step::Return(true));
                }
                self.restore_marks(saved);
                self.restore_lastmark(saved);
                // ptr is where the tail was tried; take one more item if possible.
                self.ptr = ptr;
                if self.count(pc + 4, ptr, 1) == 0 {
                    self.discard_marks(saved);
                    return Ok(Step::Return(false));
                }
                self.min_repeat_one_try(pc, ptr + 1, toplevel, count + 1, saved)
            }
            Resume::PossRepeat {
                rep,
                count,
                prev,
                saved,
            } => {
                if prev == NONE {
                    // Still below the minimum.
                    if !answer {
                        self.ptr = ptr;
                        self.drop_repeat(rep);
                        return Ok(Step::Return(false));
                    }
                    let count = count + 1;
                    if count < self.c(pc + 2) as usize {
                        let resume = Resume::PossRepeat {
                            rep,
                            count,
                            prev: NONE,
                            saved,
                        };
                        return Ok(Step::Call {
                            frame: Frame {
                                resume,
                                pc,
                                ptr,
                                toplevel,
                            },
                            target: pc + 4,
                            toplevel: false,
                        });
                    }
                    return self.poss_repeat_more(rep, pc, ptr, toplevel, count, NONE);
                }
                if answer {
                    self.discard_marks(saved);
                    return self.poss_repeat_more(rep, pc, ptr, toplevel, count + 1, prev);
                }
                self.restore_marks(saved);
                self.discard_marks(saved);
                self.restore_lastmark(saved);
                self.ptr = prev;
                self.drop_repeat(rep);
                let tail = pc + 2 + self.c(pc + 1) as usize;
                Step::Goto {
                    pc: tail,
                    ptr: self.ptr,
                }
            }
            Resume::Repeat { rep } => {
                self.drop_repeat(rep);
                Step::Return(answer)
            }
            Resume::UntilBelowMin { rep, count } => {
                if answer {
                    return Ok(Step::Return(true));
                }
                self.repeats[rep].count = count - 1;
                self.ptr = ptr;
                Step::Return(false)
            }
            Resume::MaxUntilMore {
                rep,
                count,
                last_ptr,
                saved,
            } => {
                self.repeats[rep].last_ptr = last_ptr;
                if answer {
                    self.discard_marks(saved);
                    return Ok(Step::Return(true));
                }
                self.restore_marks(saved);
                self.discard_marks(saved);
                self.restore_lastmark(saved);
                self.repeats[rep].count = count - 1;
                self.ptr = ptr;
                self.until_tail(rep, pc, ptr, toplevel)
            }
            Resume::MaxUntilTail { rep } => {
                self.repeat = Some(rep);
                if answer {
                    return Ok(Step::Return(true));
                }
                self.ptr = ptr;
                Step::Return(false)
            }
            Resume::MinUntilTail { rep, count, saved } => {
                self.repeat = Some(rep);
                if answer {
                    self.discard_marks(saved);
                    return Ok(Step::Return(true));
                }
                self.restore_marks(saved);
                self.discard_marks(saved);
                self.restore_lastmark(saved);
                self.ptr = ptr;
                let rpc = self.repeats[rep].pc;
                let max = self.c(rpc + 3);
                if (count >= max as isize && max != MAXREPEAT)
                    || self.ptr == self.repeats[rep].last_ptr
                {
                    return Ok(Step::Return(false));
                }
                self.repeats[rep].count = count;
                let last_ptr = self.repeats[rep].last_ptr;
                self.repeats[rep].last_ptr = self.ptr;
                let resume = Resume::MinUntilMore {
                    rep,
                    count,
                    last_ptr,
                };
                Step::Call {
                    frame: Frame {
                        resume,
                        pc,
                        ptr,
                        toplevel,
                    },
                    target: rpc + 4,
                    toplevel,
                }
            }
            Resume::MinUntilMore {
                rep,
                count,
                last_ptr,
            } => {
                self.repeats[rep].last_ptr = last_ptr;
                if answer {
                    return Ok(Step::Return(true));
                }
                self.repeats[rep].count = count - 1;
                self.ptr = ptr;
                Step::Return(false)
            }
            Resume::AtomicGroup => {
                if !answer {
                    self.ptr = ptr;
                    return Ok(Step::Return(false));
                }
                Step::Goto {
                    pc: pc + 1 + self.c(pc + 1) as usize,
                    ptr: self.ptr,
                }
            }
            Resume::Assert => {
                if !answer {
                    return Ok(Step::Return(false));
                }
                Step::Goto {
                    pc: pc + 1 + self.c(pc + 1) as usize,
                    ptr,
                }
            }
            Resume::AssertNot { saved } => {
                if answer {
                    self.discard_marks(saved);
                    return Ok(Step::Return(false));
                }
                self.restore_marks(saved);
                self.discard_marks(saved);
                self.restore_lastmark(saved);
                Step::Goto {
                    pc: pc + 1 + self.c(pc + 1) as usize,
                    ptr,
                }
            }
        })
    }

    /// Tries the first viable `BRANCH` alternative at or after the skip word `alt`.
    fn branch_from(
        &mut self,
        mut alt: usize,
        pc: usize,
        ptr: usize,
        toplevel: bool,
        saved: Saved,
    ) -> Step {
        loop {
            let skip = self.c(alt);
            if skip == 0 {
                self.discard_marks(saved);
                return Step::Return(false);
            }
            // Cheap rejections of alternatives starting with a literal or a set.
            let first = self.c(alt + 1);
            let viable = match first {
                op::LITERAL => ptr < self.end && self.ch(ptr) == self.c(alt + 2),
                op::IN => ptr < self.end && self.charset(alt + 3, self.ch(ptr)),
                _ => true,
            };
            if viable {
                self.ptr = ptr;
                let frame = Frame {
                    resume: Resume::Branch { alt, saved },
                    pc,
                    ptr,
                    toplevel,
                };
                return Step::Call {
                    frame,
                    target: alt + 1,
                    toplevel,
                };
            }
            alt += skip as usize;
        }
    }

    /// `REPEAT_ONE` at `pc` tries its tail after `count` items from `base`, giving back
    /// items (and, when the tail starts with a literal, skipping hopeless positions).
    fn repeat_one_try(
        &mut self,
        pc: usize,
        ptr: usize,
        toplevel: bool,
        base: usize,
        count: Option<usize>,
        saved: Saved,
    ) -> Step {
        let min = self.c(pc + 2) as usize;
        let tail = pc + 1 + self.c(pc + 1) as usize;
        let mut count = count;
        if self.c(tail) == op::LITERAL {
            let lit = self.c(tail + 1);
            while let Some(n) = count {
                if n < min {
                    break;
                }
                let at = base + n;
                if at < self.end && self.ch(at) == lit {
                    break;
                }
                count = n.checked_sub(1);
            }
        }
        match count {
            Some(n) if n >= min => {
                self.ptr = base + n;
                let frame = Frame {
                    resume: Resume::RepeatOne {
                        base,
                        count: n,
                        saved,
                    },
                    pc,
                    ptr,
                    toplevel,
                };
                Step::Call {
                    frame,
                    target: tail,
                    toplevel,
                }
            }
            _ => {
                self.discard_marks(saved);
                Step::Return(false)
            }
        }
    }

    /// `MIN_REPEAT_ONE` at `pc` tries its tail at `at_ptr` after `count` items.
    fn min_repeat_one_try(
        &mut self,
        pc: usize,
        at_ptr: usize,
        toplevel: bool,
        count: usize,
        saved: Saved,
    ) -> Step {
        let max = self.c(pc + 3);
        if max != MAXREPEAT && count > max as usize {
            self.discard_marks(saved);
            return Step::Return(false);
        }
        self.ptr = at_ptr;
        let tail = pc + 1 + self.c(pc + 1) as usize;
        let frame = Frame {
            resume: Resume::MinRepeatOne { count, saved },
            pc,
            ptr: at_ptr,
            toplevel,
        };
        Step::Call {
            frame,
            target: tail,
            toplevel,
        }
    }

    /// `POSSESSIVE_REPEAT` at `pc` has matched `count` times and tries once more, or
    /// goes on with its tail.
    fn poss_repeat_more(
        &mut self,
        rep: usize,
        pc: usize,
        ptr: usize,
        toplevel: bool,
        count: usize,
        prev: usize,
    ) -> Result<Step, SreError> {
        let max = self.c(pc + 3);
        if (max == MAXREPEAT || count < max as usize) && self.ptr != prev {
            let saved = self.save(true)?;
            let prev = self.ptr;
            let resume = Resume::PossRepeat {
                rep,
                count,
                prev,
                saved,
            };
            return Ok(Step::Call {
                frame: Frame {
                    resume,
                    pc,
                    ptr,
                    toplevel,
                },
                target: pc + 4,
                toplevel: false,
            });
        }
        self.drop_repeat(rep);
        let tail = pc + 2 + self.c(pc + 1) as usize;
        Ok(Step::Goto {
            pc: tail,
            ptr: self.ptr,
        })
    }

    /// Uninstalls the repeat context `rep` (the newest one: contexts nest like frames).
    fn drop_repeat(&mut self, rep: usize) {
        self.repeat = self.repeats.get(rep).and_then(|r| r.prev);
        self.repeats.truncate(rep);
    }

    /// An `UNTIL` at `pc` runs the tail with the enclosing repeat context.
    fn until_tail(&mut self, rep: usize, pc: usize, ptr: usize, toplevel: bool) -> Step {
        self.repeat = self.repeats[rep].prev;
        let frame = Frame {
            resume: Resume::MaxUntilTail { rep },
            pc,
            ptr,
            toplevel,
        };
        Step::Call {
            frame,
            target: pc + 1,
            toplevel,
        }
    }

    /// The span of group `g` (0-based) if it is set on the current path.
    fn group_span(&self, g: usize) -> Option<(usize, usize)> {
        let j = 2 * g;
        if j as isize >= self.lastmark {
            return None;
        }
        let (a, b) = (self.mark(j), self.mark(j + 1));
        if a == NONE || b == NONE || b < a {
            None
        } else {
            Some((a, b))
        }
    }

    /// Matches the text of group `g` at `ptr`; returns where it ends.
    fn group_ref(&self, opcode: u32, g: usize, mut ptr: usize) -> Option<usize> {
        let (a, b) = self.group_span(g)?;
        let fold: fn(u32) -> u32 = match opcode {
            op::GROUPREF_IGNORE => lower_ascii,
            op::GROUPREF_UNI_IGNORE => lower_unicode,
            op::GROUPREF_LOC_IGNORE => lower_locale,
            _ => |c| c,
        };
        for i in a..b {
            if ptr >= self.end || fold(self.ch(ptr)) != fold(self.ch(i)) {
                return None;
            }
            ptr += 1;
        }
        Some(ptr)
    }

    /// How many consecutive characters from `ptr` the one-character item at `item`
    /// matches, at most `max` (`MAXREPEAT`: no limit).
    fn count(&self, item: usize, ptr: usize, max: u32) -> usize {
        if ptr >= self.end {
            return 0;
        }
        let mut limit = self.end;
        if max != MAXREPEAT && (max as usize) < self.end - ptr {
            limit = ptr + max as usize;
        }
        let opcode = self.c(item);
        let mut p = ptr;
        match opcode {
            op::ANY_ALL => p = limit,
            op::LITERAL => {
                let lit = self.c(item + 1);
                while p < limit && self.ch(p) == lit {
                    p += 1;
                }
            }
            op::ANY => {
                while p < limit && self.ch(p) != u32::from(b'\n') {
                    p += 1;
                }
            }
            _ => {
                while p < limit && self.single(item, self.ch(p)) {
                    p += 1;
                }
            }
        }
        p - ptr
    }

    /// Whether the one-character opcode at `pc` accepts `ch`.
    fn single(&self, pc: usize, ch: u32) -> bool {
        let arg = self.c(pc + 1);
        match self.c(pc) {
            op::LITERAL => ch == arg,
            op::NOT_LITERAL => ch != arg,
            op::LITERAL_IGNORE => lower_ascii(ch) == arg,
            op::NOT_LITERAL_IGNORE => lower_ascii(ch) != arg,
            op::LITERAL_UNI_IGNORE => lower_unicode(ch) == arg,
            op::NOT_LITERAL_UNI_IGNORE => lower_unicode(ch) != arg,
            op::LITERAL_LOC_IGNORE => char_loc_ignore(arg, ch),
            op::NOT_LITERAL_LOC_IGNORE => !char_loc_ignore(arg, ch),
            op::CATEGORY => in_category(arg, ch),
            op::ANY => ch != u32::from(b'\n'),
            op::ANY_ALL => true,
            op::IN => self.charset(pc + 2, ch),
            op::IN_IGNORE => self.charset(pc + 2, lower_ascii(ch)),
            op::IN_UNI_IGNORE => self.charset(pc + 2, lower_unicode(ch)),
            op::IN_LOC_IGNORE => {
                let lo = lower_locale(ch);
                if self.charset(pc + 2, lo) {
                    return true;
                }
                let up = upper_locale(ch);
                up != lo && self.charset(pc + 2, up)
            }
            _ => false,
        }
    }

    /// Runs the set program at `set` for `ch`.
    fn charset(&self, mut set: usize, ch: u32) -> bool {
        let mut ok = true;
        loop {
            let opcode = self.c(set);
            set += 1;
            match opcode {
                op::FAILURE => return !ok,
                op::LITERAL => {
                    if ch == self.c(set) {
                        return ok;
                    }
                    set += 1;
                }
                op::CATEGORY => {
                    if in_category(self.c(set), ch) {
                        return ok;
                    }
                    set += 1;
                }
                op::CHARSET => {
                    if ch < 256 && self.c(set + (ch as usize >> 5)) & (1 << (ch & 31)) != 0 {
                        return ok;
                    }
                    set += 8;
                }
                op::RANGE => {
                    if self.c(set) <= ch && ch <= self.c(set + 1) {
                        return ok;
                    }
                    set += 2;
                }
                op::RANGE_UNI_IGNORE => {
                    // ch is already lower-cased; its upper-case form may be in range too.
                    let (lo, hi) = (self.c(set), self.c(set + 1));
                    if lo <= ch && ch <= hi {
                        return ok;
                    }
                    let up = upper_unicode(ch);
                    if lo <= up && up <= hi {
                        return ok;
                    }
                    set += 2;
                }
                op::NEGATE => ok = !ok,
                op::BIGCHARSET => {
                    let blocks = self.c(set) as usize;
                    set += 1;
                    if ch < 0x10000 {
                        // 256 block numbers, one byte each, packed four to a word in
                        // the byte order of the compiler that produced them (native).
                        let hi = (ch >> 8) as usize;
                        let block = self.c(set + hi / 4).to_ne_bytes()[hi % 4] as usize;
                        let bit = block * 256 + (ch & 255) as usize;
                        if self.c(set + 64 + bit / 32) & (1 << (bit % 32)) != 0 {
                            return ok;
                        }
                    }
                    set += 64 + blocks * 8;
                }
                _ => return false,
            }
        }
    }

    /// Whether `ptr` is at the position `code` describes.
    fn at(&self, ptr: usize, code: u32) -> bool {
        let end = self.end;
        let newline = u32::from(b'\n');
        // Characters just outside the window are still read when they exist, as CPython
        // reads them through its pointers.
        let before = |f: fn(u32) -> bool| ptr > 0 && ptr - 1 < self.len && f(self.ch(ptr - 1));
        let after = |f: fn(u32) -> bool| ptr < end && f(self.ch(ptr));
        let boundary = |f: fn(u32) -> bool| before(f) != after(f);
        let non_boundary = |f: fn(u32) -> bool| before(f) == after(f);
        match code {
            at::BEGINNING | at::BEGINNING_STRING => ptr == 0,
            at::BEGINNING_LINE => ptr == 0 || (ptr - 1 < self.len && self.ch(ptr - 1) == newline),
            at::END => ptr == end || (ptr + 1 == end && self.ch(ptr) == newline),
            at::END_LINE => ptr == end || (ptr < self.len && self.ch(ptr) == newline),
            at::END_STRING => ptr == end,
            at::BOUNDARY => boundary(is_word),
            at::NON_BOUNDARY => non_boundary(is_word),
            at::LOC_BOUNDARY => boundary(loc_is_word),
            at::LOC_NON_BOUNDARY => non_boundary(loc_is_word),
            at::UNI_BOUNDARY => boundary(uni_is_word),
            at::UNI_NON_BOUNDARY => non_boundary(uni_is_word),
            _ => false,
        }
    }

    // ----- accessors for the search module -----

    pub(crate) fn code(&self) -> &'a [u32] {
        self.code
    }

    pub(crate) fn end(&self) -> usize {
        self.end
    }

    pub(crate) fn char_at(&self, i: usize) -> u32 {
        self.ch(i)
    }

    pub(crate) fn set_start(&mut self, start: usize, ptr: usize) {
        self.start = start;
        self.ptr = ptr;
    }

    pub(crate) fn start(&self) -> usize {
        self.start
    }

    pub(crate) fn clear_must_advance(&mut self) {
        self.must_advance = false;
    }

    pub(crate) fn reset_marks(&mut self) {
        self.lastmark = -1;
        self.lastindex = -1;
    }

    pub(crate) fn in_charset(&self, set: usize, ch: u32) -> bool {
        self.charset(set, ch)
    }

    pub(crate) fn check(&mut self) -> Result<(), SreError> {
        self.tick()
    }
}
