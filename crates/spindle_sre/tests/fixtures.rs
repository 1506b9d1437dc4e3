//! Differential tests against CPython 3.14: `tests/data/fixtures.jsonl` holds, for each
//! pattern, the code `re._compiler` produced and what CPython's `match`, `fullmatch`,
//! `search` and `finditer` returned on some subjects (regenerate with
//! `tools/gen_fixtures.py`). Every subject is run in its natural storage width and in
//! every wider one, since a `str` may be stored as Latin-1, UCS-2 or UCS-4.

use serde_json::Value;
use spindle_sre::{Match, Program, State, Subject};

const FIXTURES: &str = include_str!("data/fixtures.jsonl");

/// Spans of groups 0..=groups and `lastindex`, or `None` for no match.
type Outcome = Option<(Vec<Option<(usize, usize)>>, Option<usize>)>;

fn expected(v: &Value) -> Outcome {
    if v.is_null() {
        return None;
    }
    let spans = v["spans"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| {
            let a = s[0].as_i64().unwrap();
            let b = s[1].as_i64().unwrap();
            if a < 0 {
                None
            } else {
                Some((a as usize, b as usize))
            }
        })
        .collect();
    let lastindex = v["lastindex"].as_u64().map(|i| i as usize);
    Some((spans, lastindex))
}

fn actual(m: Option<Match>, groups: usize) -> Outcome {
    let m = m?;
    Some(((0..=groups).map(|g| m.span(g)).collect(), m.lastindex))
}

fn run_subject<S: Subject + ?Sized>(
    program: &Program,
    subject: &S,
    case: &Value,
    label: &str,
    failures: &mut Vec<String>,
) {
    let groups = program.groups();
    let pos = case["pos"].as_i64().map_or(0, |p| p as isize);
    let endpos = case["endpos"].as_i64().map_or(isize::MAX, |p| p as isize);
    let mut check = |what: &str, got: Outcome, want: &Value| {
        let want = expected(want);
        if got != want {
            failures.push(format!("{label} {what}: got {got:?}, want {want:?}"));
        }
    };
    let mut state = State::new(program, subject, pos, endpos);
    check(
        "match",
        actual(state.match_prefix().unwrap(), groups),
        &case["match"],
    );
    let mut state = State::new(program, subject, pos, endpos);
    check(
        "fullmatch",
        actual(state.fullmatch().unwrap(), groups),
        &case["fullmatch"],
    );
    let mut state = State::new(program, subject, pos, endpos);
    check(
        "search",
        actual(state.search().unwrap(), groups),
        &case["search"],
    );
    let mut state = State::new(program, subject, pos, endpos);
    let mut all = Vec::new();
    while let Some(m) = state.scan_search().unwrap() {
        all.push(actual(Some(m), groups));
        assert!(all.len() <= 100_000, "{label}: runaway finditer");
    }
    let want: Vec<_> = case["finditer"]
        .as_array()
        .unwrap()
        .iter()
        .map(expected)
        .collect();
    if all != want {
        failures.push(format!("{label} finditer: got {all:?}, want {want:?}"));
    }
}

#[test]
fn cpython_fixtures() {
    let mut failures = Vec::new();
    let mut patterns = 0;
    let mut runs = 0;
    for line in FIXTURES.lines().filter(|l| !l.trim().is_empty()) {
        let fixture: Value = serde_json::from_str(line).unwrap();
        let code: Vec<u32> = fixture["code"]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| c.as_u64().unwrap() as u32)
            .collect();
        let flags = fixture["flags"].as_u64().unwrap() as u32;
        let groups = fixture["groups"].as_u64().unwrap() as usize;
        let pattern = fixture["pattern"].as_str().unwrap();
        let program = match Program::new(code, flags, groups) {
            Ok(p) => p,
            Err(e) => {
                failures.push(format!("{pattern:?}: {e}"));
                continue;
            }
        };
        patterns += 1;
        for case in fixture["subjects"].as_array().unwrap() {
            let units: Vec<u32> = case["subject"]
                .as_array()
                .unwrap()
                .iter()
                .map(|c| c.as_u64().unwrap() as u32)
                .collect();
            let shown: String = units
                .iter()
                .take(40)
                .map(|&c| char::from_u32(c).unwrap_or('?'))
                .collect();
            let label = format!(
                "{pattern:?} on {shown:?} (pos {:?}, endpos {:?})",
                case["pos"], case["endpos"]
            );
            let max = units.iter().copied().max().unwrap_or(0);
            if max < 256 {
                let narrow: Vec<u8> = units.iter().map(|&c| c as u8).collect();
                run_subject(
                    &program,
                    narrow.as_slice(),
                    case,
                    &format!("{label} [u8]"),
                    &mut failures,
                );
            }
            if max < 65536 && !case["bytes"].as_bool().unwrap() {
                let mid: Vec<u16> = units.iter().map(|&c| c as u16).collect();
                run_subject(
                    &program,
                    mid.as_slice(),
                    case,
                    &format!("{label} [u16]"),
                    &mut failures,
                );
            }
            if !case["bytes"].as_bool().unwrap() {
                run_subject(
                    &program,
                    units.as_slice(),
                    case,
                    &format!("{label} [u32]"),
                    &mut failures,
                );
            }
            runs += 1;
        }
    }
    for f in failures.iter().take(40) {
        eprintln!("{f}");
    }
    assert!(
        failures.is_empty(),
        "{} failures ({patterns} patterns, {runs} subjects)",
        failures.len()
    );
    eprintln!("{patterns} patterns, {runs} subjects");
}
