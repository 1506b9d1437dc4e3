//! The engine's promises beyond CPython parity: malformed code is refused (or, if it
//! slips through, never makes the matcher panic), backtracking never recurses on the
//! Rust stack, the backtracking stack can be bounded, and a catastrophic pattern can
//! be interrupted through the check hook. Also checks the `_sre` helper functions
//! against values recorded from CPython 3.14.

use std::cell::Cell;

use serde_json::Value;
use spindle_sre::constants::{MAXREPEAT, op};
use spindle_sre::{InvalidCode, Program, SreError, State, unicode_iscased};

const FIXTURES: &str = include_str!("data/fixtures.jsonl");
const ISCASED: &str = include_str!("data/iscased.txt");

/// Code for `(a*)*b` as CPython 3.14 (64-bit) compiles it.
fn nested_star_code() -> Vec<u32> {
    let line = FIXTURES
        .lines()
        .find(|l| l.contains(r#""pattern":"(a*)*b""#))
        .unwrap();
    let v: Value = serde_json::from_str(line).unwrap();
    v["code"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c.as_u64().unwrap() as u32)
        .collect()
}

fn fixture_codes() -> Vec<(Vec<u32>, u32, usize)> {
    FIXTURES
        .lines()
        .map(|l| {
            let v: Value = serde_json::from_str(l).unwrap();
            let code = v["code"]
                .as_array()
                .unwrap()
                .iter()
                .map(|c| c.as_u64().unwrap() as u32)
                .collect();
            (
                code,
                v["flags"].as_u64().unwrap() as u32,
                v["groups"].as_u64().unwrap() as usize,
            )
        })
        .collect()
}

#[test]
fn catastrophic_pattern_is_interruptible() {
    let program = Program::new(nested_star_code(), 32, 1).unwrap();
    let subject = vec![b'a'; 30];
    let calls = Cell::new(0u32);
    let mut state = State::new(&program, subject.as_slice(), 0, isize::MAX);
    state.set_check_hook(|| {
        calls.set(calls.get() + 1);
        calls.get() >= 200
    });
    assert_eq!(state.match_prefix(), Err(SreError::Interrupted));
    assert_eq!(calls.get(), 200);
    // The same pattern on a short subject finishes (with CPython's answer: no match).
    let short = vec![b'a'; 12];
    let mut state = State::new(&program, short.as_slice(), 0, isize::MAX);
    assert_eq!(state.search(), Ok(None));
}

#[test]
fn deep_backtracking_does_not_use_the_rust_stack() {
    // 200_000 nested choice points, run on a thread with a 256 KiB stack.
    let handle = std::thread::Builder::new()
        .stack_size(256 * 1024)
        .spawn(|| {
            let line = FIXTURES
                .lines()
                .find(|l| l.contains(r#""pattern":"(a|b)*c""#))
                .unwrap();
            let v: Value = serde_json::from_str(line).unwrap();
            let code: Vec<u32> = v["code"]
                .as_array()
                .unwrap()
                .iter()
                .map(|c| c.as_u64().unwrap() as u32)
                .collect();
            let program = Program::new(code, 32, 1).unwrap();
            let mut subject = b"ab".repeat(100_000);
            subject.push(b'c');
            let m = State::new(&program, subject.as_slice(), 0, isize::MAX)
                .match_prefix()
                .unwrap()
                .unwrap();
            assert_eq!((m.start, m.end), (0, subject.len()));
            assert_eq!(m.span(1), Some((subject.len() - 2, subject.len() - 1)));
            subject.pop();
            let mut state = State::new(&program, subject.as_slice(), 0, isize::MAX);
            assert_eq!(state.match_prefix().unwrap(), None);
        })
        .unwrap();
    handle.join().unwrap();
}

#[test]
fn stack_limit_turns_into_memory_error() {
    let line = FIXTURES
        .lines()
        .find(|l| l.contains(r#""pattern":"(a|b)*c""#))
        .unwrap();
    let v: Value = serde_json::from_str(line).unwrap();
    let code: Vec<u32> = v["code"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c.as_u64().unwrap() as u32)
        .collect();
    let program = Program::new(code, 32, 1).unwrap();
    let subject = b"ab".repeat(10_000);
    let mut state = State::new(&program, subject.as_slice(), 0, isize::MAX);
    state.set_stack_limit(64 * 1024);
    assert_eq!(state.match_prefix(), Err(SreError::Memory));
}

#[test]
fn malformed_code_is_refused() {
    let ok = Program::new(vec![op::LITERAL, 97, op::SUCCESS], 0, 0);
    assert!(ok.is_ok());
    let bad: &[(&[u32], usize)] = &[
        (&[], 0),
        (&[op::LITERAL, 97], 0),
        (&[op::LITERAL, op::SUCCESS], 0),
        (&[99, op::SUCCESS], 0),
        (&[op::MARK, 0, op::SUCCESS], 0),
        (&[op::MARK, 2, op::SUCCESS], 1),
        (&[op::GROUPREF, 1, op::SUCCESS], 1),
        (&[op::JUMP, 5, op::SUCCESS], 0),
        (&[op::IN, 100, op::FAILURE, op::SUCCESS], 0),
        (&[op::IN, 2, op::LITERAL, op::SUCCESS], 0),
        (
            &[
                op::REPEAT_ONE,
                6,
                2,
                1,
                op::LITERAL,
                97,
                op::SUCCESS,
                op::SUCCESS,
            ],
            0,
        ),
        (
            &[
                op::REPEAT_ONE,
                6,
                0,
                MAXREPEAT,
                op::MARK,
                0,
                op::SUCCESS,
                op::SUCCESS,
            ],
            1,
        ),
        (&[op::REPEAT, 5, 0, 3, op::ANY, op::SUCCESS, op::SUCCESS], 0),
        (&[op::BRANCH, 0, op::SUCCESS], 0),
        (&[op::BRANCH, 4, op::ANY, op::JUMP, 9, 0, op::SUCCESS], 0),
        (&[op::MAX_UNTIL, op::SUCCESS], 0),
        (&[op::IN, 4, op::CATEGORY, 99, op::FAILURE, op::SUCCESS], 0),
        (
            &[op::IN, 68, op::BIGCHARSET, 0, op::FAILURE, op::SUCCESS],
            0,
        ),
        (&[op::INFO, 4, 8, 0, 0, op::SUCCESS], 0),
        (&[op::ASSERT, 1, 0, op::SUCCESS], 0),
        (&[op::GROUPREF_EXISTS, 0, 0, op::SUCCESS], 1),
    ];
    for (code, groups) in bad {
        assert_eq!(
            Program::new(code.to_vec(), 0, *groups).map(|_| ()),
            Err(InvalidCode),
            "{code:?}"
        );
    }
}

/// Every one-word mutation, truncation and extension of every fixture's code either
/// fails validation or runs to an answer (or an `SreError`) without panicking.
#[test]
fn mutated_code_never_panics() {
    let subjects: [&[u8]; 4] = [b"", b"abcab", b"aaaaaaaaaaaa", b"xa\nb_1 c"];
    let mut seed = 0x2545_f491_4f6c_dd1du64;
    let mut next = move || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    let mut accepted = 0;
    for (code, flags, groups) in fixture_codes() {
        if code.len() > 200 {
            continue;
        }
        let mut variants = vec![
            code[..code.len() - 1].to_vec(),
            [code.clone(), vec![op::SUCCESS]].concat(),
        ];
        for _ in 0..60 {
            let mut c = code.clone();
            let i = (next() % c.len() as u64) as usize;
            c[i] = match next() % 4 {
                0 => (next() % 45) as u32,
                1 => c[i].wrapping_add(1),
                2 => c[i].wrapping_sub(1),
                _ => next() as u32,
            };
            variants.push(c);
        }
        for c in variants {
            let Ok(program) = Program::new(c, flags, groups) else {
                continue;
            };
            accepted += 1;
            for s in subjects {
                let steps = Cell::new(0u32);
                let hook = || {
                    steps.set(steps.get() + 1);
                    steps.get().is_multiple_of(20)
                };
                let mut state = State::new(&program, s, 0, isize::MAX);
                state.set_check_hook(hook);
                let _ = state.search();
                let mut state = State::new(&program, s, 1, 3);
                state.set_check_hook(hook);
                let _ = state.fullmatch();
                let mut state = State::new(&program, s, 0, isize::MAX);
                state.set_check_hook(hook);
                for _ in 0..20 {
                    if !matches!(state.scan_search(), Ok(Some(_))) {
                        break;
                    }
                }
            }
        }
    }
    assert!(accepted > 100, "only {accepted} mutants were accepted");
}

#[test]
fn unicode_iscased_matches_cpython_everywhere() {
    let mut cased = vec![false; 0x110000];
    for line in ISCASED.lines().filter(|l| !l.starts_with('#')) {
        let (lo, hi) = line.split_once(' ').unwrap();
        let (lo, hi) = (
            u32::from_str_radix(lo, 16).unwrap(),
            u32::from_str_radix(hi, 16).unwrap(),
        );
        for c in lo..=hi {
            cased[c as usize] = true;
        }
    }
    for (c, want) in cased.iter().enumerate() {
        assert_eq!(unicode_iscased(c as u32), *want, "U+{c:04X}");
    }
}

#[test]
fn module_constants() {
    assert_eq!(spindle_sre::getcodesize(), 4);
    assert_eq!(spindle_sre::MAGIC, 20_230_612);
    assert_eq!(spindle_sre::MAXREPEAT, 4_294_967_295);
    assert_eq!(spindle_sre::MAXGROUPS, 1_073_741_823);
}

/// `Scanner.match` and `Scanner.search` (the `re.Scanner` and `finditer` loops) on
/// `(\d+)|(\s+)|([a-z]*)` over "12 ab 3!x", as CPython 3.14 reports them.
#[test]
fn scanner_match_and_search() {
    let code = vec![
        14, 4, 0, 0, 4294967295, 7, 17, 17, 0, 24, 9, 1, 4294967295, 13, 4, 8, 10, 0, 1, 17, 1, 15,
        37, 17, 17, 2, 24, 9, 1, 4294967295, 13, 4, 8, 12, 0, 1, 17, 3, 15, 20, 18, 17, 4, 24, 10,
        0, 4294967295, 13, 5, 22, 97, 122, 0, 1, 17, 5, 15, 2, 0, 1,
    ];
    let program = Program::new(code, 32, 3).unwrap();
    let subject: Vec<u16> = "12 ab 3!x".encode_utf16().collect();
    let spans = |next: &mut dyn FnMut() -> Option<spindle_sre::Match>| {
        let mut out = Vec::new();
        while let Some(m) = next() {
            out.push(((m.start, m.end), m.lastindex));
        }
        out
    };
    let mut state = State::new(&program, subject.as_slice(), 0, isize::MAX);
    let matched = spans(&mut || state.scan_match().unwrap());
    assert_eq!(
        matched,
        [
            ((0, 2), Some(1)),
            ((2, 3), Some(2)),
            ((3, 5), Some(3)),
            ((5, 6), Some(2)),
            ((6, 7), Some(1)),
            ((7, 7), Some(3))
        ]
    );
    assert_eq!(state.scan_match(), Ok(None));
    let mut state = State::new(&program, subject.as_slice(), 0, isize::MAX);
    let searched = spans(&mut || state.scan_search().unwrap());
    assert_eq!(
        searched,
        [
            ((0, 2), Some(1)),
            ((2, 3), Some(2)),
            ((3, 5), Some(3)),
            ((5, 6), Some(2)),
            ((6, 7), Some(1)),
            ((7, 7), Some(3)),
            ((8, 9), Some(3)),
            ((9, 9), Some(3)),
        ]
    );
}
