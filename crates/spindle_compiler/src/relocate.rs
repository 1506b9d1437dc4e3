//! Positions of a tree's unparsed text moved to the tree's own.
//!
//! `compile(tree, ...)` compiles `ast.unparse(tree)`; the caller pairs each
//! node's position in that text (found by re-parsing it) with the node's
//! position in the tree (`Relocation::add`), and code generation then asks
//! `Relocation::position` for every position it records: the whole range if
//! a node had it, else its start and end points each (a node's start or end,
//! or a point on the same line at the same distance from one), else its lines
//! alone. Nothing keeps a coordinate of the unparsed text except CPython's
//! artificial line 0.

use std::collections::{BTreeMap, HashMap};

use spindle_bytecode::Position;
use spindle_parser::SyntaxErrorInfo;

/// A point: (line, column in UTF-8 bytes).
type Point = (u32, u32);

/// Text positions to tree positions; where nodes share a key, the first
/// added (the outermost, when added in preorder) wins.
#[derive(Debug, Default)]
pub struct Relocation {
    ranges: HashMap<(Point, Point), (Point, Point)>,
    starts: HashMap<Point, Point>,
    ends: HashMap<Point, Point>,
    /// Every node start and end, ordered, for points between them.
    anchors: BTreeMap<Point, Point>,
    /// Text line -> tree line, from node starts.
    lines: BTreeMap<u32, u32>,
    /// Text line -> tree line, from node ends.
    end_lines: HashMap<u32, u32>,
}

impl Relocation {
    /// Records that the node at `(start, end)` in the text is at `tree` in
    /// the tree.
    pub fn add(&mut self, text: (Point, Point), tree: (Point, Point)) {
        self.ranges.entry(text).or_insert(tree);
        self.starts.entry(text.0).or_insert(tree.0);
        self.ends.entry(text.1).or_insert(tree.1);
        self.anchors.entry(text.0).or_insert(tree.0);
        self.anchors.entry(text.1).or_insert(tree.1);
        self.lines.entry(text.0.0).or_insert(tree.0.0);
        self.end_lines.entry(text.1.0).or_insert(tree.1.0);
    }

    /// The tree line of text line `line`: that of the first node starting
    /// there, else of the nearest line above where one does.
    fn line(&self, line: u32) -> Option<u32> {
        self.lines.range(..=line).next_back().map(|(_, &l)| l)
    }

    /// A text point that is no node's start or end: the same distance from
    /// the next node point on its line (else the previous one) in the tree.
    fn near(&self, p: Point) -> Option<Point> {
        if let Some((&a, &t)) = self.anchors.range(p..).next().filter(|(a, _)| a.0 == p.0) {
            return t.1.checked_sub(a.1 - p.1).map(|c| (t.0, c));
        }
        let (&a, &t) = self.anchors.range(..p).next_back().filter(|(a, _)| a.0 == p.0)?;
        Some((t.0, t.1.saturating_add(p.1 - a.1)))
    }

    /// The tree line of the text point `p` (a code object's first line,
    /// a class's `__firstlineno__`, a warning's line).
    #[must_use]
    pub fn line_at(&self, p: Point) -> u32 {
        self.starts.get(&p).copied().or_else(|| self.near(p)).map(|t| t.0).or_else(|| self.line(p.0)).unwrap_or(p.0)
    }

    /// Where the text position `p` is in the tree.
    #[must_use]
    pub fn position(&self, p: Position) -> Position {
        let Some(l1) = p.lineno else { return p };
        if l1 == 0 {
            // CPython's artificial location (a module's RESUME).
            return p;
        }
        let l2 = p.end_lineno.unwrap_or(l1);
        if let (Some(c1), Some(c2)) = (p.col, p.end_col) {
            let (s, e) = ((l1, c1), (l2, c2));
            if let Some(&(ts, te)) = self.ranges.get(&(s, e)) {
                return whole(ts, te);
            }
            let width = c2.checked_sub(c1).filter(|_| l1 == l2);
            match (self.starts.get(&s).copied(), self.ends.get(&e).copied(), width) {
                (Some(ts), Some(te), _) => return whole(ts, te),
                (Some(ts), None, Some(w)) => return whole(ts, (ts.0, ts.1.saturating_add(w))),
                (None, Some(te), Some(w)) if te.1 >= w => return whole((te.0, te.1 - w), te),
                (ts, te, _) => {
                    if let (Some(ts), Some(te)) = (ts.or_else(|| self.near(s)), te.or_else(|| self.near(e))) {
                        return whole(ts, te);
                    }
                }
            }
        }
        let Some(t1) = self.line(l1) else {
            return Position { lineno: None, end_lineno: None, col: None, end_col: None };
        };
        let t2 = p.end_lineno.and_then(|l| self.end_lines.get(&l).copied().or_else(|| self.line(l))).unwrap_or(t1);
        Position { lineno: Some(t1), end_lineno: Some(t2.max(t1)), col: None, end_col: None }
    }

    /// A syntax error in `source` (the text) moved to the tree: columns are
    /// the tree's bytes + 1 and there is no source line, as CPython reports
    /// errors in a tree.
    #[must_use]
    pub fn syntax_error(&self, e: SyntaxErrorInfo, source: &str) -> SyntaxErrorInfo {
        let byte_col = |line: u32, offset: u32| -> Option<u32> {
            let text = source.split('\n').nth(usize::try_from(line).ok()?.checked_sub(1)?)?;
            let chars = usize::try_from(offset).ok()?.checked_sub(1)?;
            let col = text.char_indices().nth(chars).map_or(text.len(), |(i, _)| i);
            u32::try_from(col).ok()
        };
        let end_col = if e.end_offset == u32::MAX { None } else { byte_col(e.end_lineno, e.end_offset) };
        let p = self.position(Position {
            lineno: Some(e.lineno),
            end_lineno: Some(e.end_lineno),
            col: byte_col(e.lineno, e.offset),
            end_col,
        });
        let lineno = p.lineno.unwrap_or(0);
        SyntaxErrorInfo {
            kind: e.kind,
            msg: e.msg,
            lineno,
            offset: p.col.map_or(0, |c| c.saturating_add(1)),
            end_lineno: p.end_lineno.unwrap_or(lineno),
            // u32::MAX: CPython's -1, no end column.
            end_offset: p.end_col.map_or(u32::MAX, |c| c.saturating_add(1)),
            text: None,
        }
    }
}

fn whole(s: Point, e: Point) -> Position {
    Position { lineno: Some(s.0), end_lineno: Some(e.0), col: Some(s.1), end_col: Some(e.1) }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pos(l1: u32, c1: u32, l2: u32, c2: u32) -> Position {
        whole((l1, c1), (l2, c2))
    }

    #[test]
    fn moves_ranges_points_and_lines() {
        let mut r = Relocation::default();
        // text `y = f(a)` on line 2 is `y = f(\n    a)` at lines 7-8 in the tree.
        r.add(((2, 0), (2, 8)), ((7, 0), (8, 6)));
        r.add(((2, 4), (2, 8)), ((7, 4), (8, 6)));
        r.add(((2, 6), (2, 7)), ((8, 4), (8, 5)));
        assert_eq!(r.position(pos(2, 4, 2, 8)), pos(7, 4, 8, 6));
        // start of one node, end of another
        assert_eq!(r.position(pos(2, 0, 2, 7)), pos(7, 0, 8, 5));
        // a known end and the text's width: `f(a` ending where `a` does
        assert_eq!(r.position(pos(2, 5, 2, 7)), pos(8, 3, 8, 5));
        // nothing known on the line: lines only
        assert_eq!(r.position(pos(5, 1, 5, 2)), Position { lineno: Some(7), end_lineno: Some(7), col: None, end_col: None });
        // CPython's artificial line 0 stays
        assert_eq!(r.position(pos(0, 0, 1, 0)), pos(0, 0, 1, 0));
        assert_eq!(r.line_at((2, 0)), 7);
        assert_eq!(r.line_at((2, 5)), 8);
    }

    #[test]
    fn syntax_error_has_tree_columns_and_no_text() {
        let mut r = Relocation::default();
        r.add(((1, 9), (1, 17)), ((3, 4), (3, 12)));
        let e = SyntaxErrorInfo {
            kind: spindle_parser::SyntaxErrorKind::SyntaxError,
            msg: "'return' outside function".into(),
            lineno: 1,
            offset: 9,
            end_lineno: 1,
            end_offset: 17,
            text: Some("s = 'é'; return 5".into()),
        };
        let moved = r.syntax_error(e, "s = 'é'; return 5");
        assert_eq!((moved.lineno, moved.offset, moved.end_lineno, moved.end_offset, moved.text), (3, 5, 3, 13, None));
    }
}
