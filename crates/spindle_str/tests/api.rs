//! Tests of the storage, hashing, codec-handler and overflow behaviour that
//! the recorded CPython cases do not reach, plus property tests against
//! simple models (a `Vec<u32>` of code points).

use proptest::prelude::*;
use spindle_str::codecs::{self, CodecError, Encoding, ErrorHandler, HandlerCall, Replacement};
use spindle_str::{ErrorKind, Kind, PyStrData, StrBuilder, Translation, UnitsRef};

fn p(s: &str) -> PyStrData {
    PyStrData::from_str(s)
}

fn cps(v: &[u32]) -> PyStrData {
    PyStrData::from_code_points(v.iter().copied()).expect("valid code points")
}

#[test]
fn storage_is_canonical() {
    assert_eq!(p("abc").kind(), Kind::Latin1);
    assert!(p("abc").is_ascii());
    assert_eq!(p("é").kind(), Kind::Latin1);
    assert!(!p("é").is_ascii());
    assert_eq!(p("€").kind(), Kind::Ucs2);
    assert_eq!(p("😀").kind(), Kind::Ucs4);
    assert_eq!(cps(&[0xD800]).kind(), Kind::Ucs2);
    // Slicing and building narrow again.
    let s = p("a€😀");
    assert_eq!(s.substring(0, 1).kind(), Kind::Latin1);
    assert_eq!(s.substring(0, 2).kind(), Kind::Ucs2);
    assert_eq!(s.get_slice(None, None, Some(2)).unwrap(), p("a😀"));
    assert_eq!(
        s.get_slice(Some(0), Some(2), None).unwrap().kind(),
        Kind::Ucs2
    );
    let mut b = StrBuilder::new();
    b.push_str(&s);
    let t = b.finish();
    assert_eq!(t, s);
    let mut b = StrBuilder::with_max(0x10FFFF);
    b.push_ascii("abc");
    assert_eq!(b.finish().kind(), Kind::Latin1);
    // Equality is by content, across construction routes.
    assert_eq!(p("é€"), cps(&[0xE9, 0x20AC]));
    assert_eq!(PyStrData::from_ucs2(&[0x61, 0x62]), p("ab"));
    assert_eq!(PyStrData::from_ucs4(&[0x61, 0x1F600]).unwrap(), p("a😀"));
    assert!(PyStrData::from_ucs4(&[0x110000]).is_err());
    assert!(PyStrData::from_code_points([0x110000]).is_err());
    assert!(PyStrData::from_code_point(0x110000).is_none());
}

#[test]
fn views_and_conversions() {
    let s = p("abc");
    assert_eq!(s.as_str(), Some("abc"));
    assert!(matches!(s.units(), UnitsRef::Latin1(b"abc")));
    let u = p("é€");
    assert_eq!(u.as_str(), None);
    assert_eq!(u.to_str(), Some("é€"));
    // The cached view is stable.
    assert!(std::ptr::eq(u.to_str().unwrap(), u.to_str().unwrap()));
    let sur = cps(&[0x61, 0xD800, 0x62]);
    assert_eq!(sur.to_str(), None);
    assert_eq!(sur.to_string_lossy(), "a\u{FFFD}b");
    assert_eq!(sur.to_wtf8(), b"a\xed\xa0\x80b");
    assert_eq!(PyStrData::from_wtf8(b"a\xed\xa0\x80b").unwrap(), sur);
    assert!(PyStrData::from_wtf8(b"\xff").is_err());
    assert_eq!(sur.char_at(1), Some(0xD800));
    assert_eq!(sur.char_at(3), None);
    assert_eq!(sur.char_at_py(-1), Some(0x62));
    assert_eq!(sur.char_at_py(-4), None);
    assert_eq!(sur.char_at_py(i64::MIN), None);
    assert_eq!(
        sur.code_points().rev().collect::<Vec<_>>(),
        vec![0x62, 0xD800, 0x61]
    );
    assert_eq!(format!("{:?}", sur), "'a\\ud800b'");
    assert!(p("é€") == "é€");
    assert_eq!(sur.getitem(-2).unwrap(), cps(&[0xD800]));
    assert_eq!(
        sur.getitem(3).unwrap_err().message,
        "string index out of range"
    );
    fn shareable<T: Send + Sync>() {}
    shareable::<PyStrData>();
}

#[test]
fn ordering_is_by_code_point() {
    let mut v = vec![
        p("b"),
        p("a😀"),
        p("a€"),
        p("aé"),
        p("a"),
        p(""),
        cps(&[0x61, 0xDFFF]),
    ];
    v.sort();
    let want = vec![
        p(""),
        p("a"),
        p("aé"),
        p("a€"),
        cps(&[0x61, 0xDFFF]),
        p("a😀"),
        p("b"),
    ];
    assert_eq!(v, want);
    assert!(p("é") > p("e"));
    assert!(p("€") > p("ÿ"));
}

#[test]
fn concat_and_repeat() {
    assert_eq!(p("ab").concat(&p("€")).unwrap(), p("ab€"));
    assert_eq!(p("ab").repeat(3).unwrap(), p("ababab"));
    assert_eq!(p("ab").repeat(0).unwrap(), p(""));
    assert_eq!(p("ab").repeat(-5).unwrap(), p(""));
    let e = p("ab").repeat(i64::MAX).unwrap_err();
    assert_eq!(e.kind, ErrorKind::Overflow);
    assert_eq!(e.message, "repeated string is too long");
    // Too big to allocate but not overflowing: MemoryError or overflow, never a panic.
    assert!(p("abcdefgh").repeat(1 << 58).is_err());
    assert!(p("").repeat(i64::MAX).unwrap().is_empty());
}

#[test]
fn hash_matches_cpython_siphash13() {
    // Values from CPython 3.11 (64-bit, siphash13) with PYTHONHASHSEED=0,
    // which zeroes the key.
    let h = |s: &PyStrData| spindle_str::hash_with_key(s, 0, 0);
    assert_eq!(h(&p("abc")), -4594863902769663758);
    assert_eq!(h(&p("é")), 6047309291227476195);
    assert_eq!(h(&p("€")), -5529981157763016009);
    assert_eq!(h(&p("😀")), -3536540696076613844);
    assert_eq!(h(&p("")), 0);
    assert_eq!(h(&p(&"€".repeat(300))), 4733847888724141783);
    assert_eq!(h(&p(&"a😀".repeat(200))), 200325312255502351);
    assert_eq!(h(&cps(&[0xD800, 0x78])), -661544577070205241);
    assert_eq!(h(&p(&"é".repeat(1000))), 218608512539176170);
    assert_eq!(
        spindle_str::hash_bytes_with_key(b"abc", 0, 0),
        -4594863902769663758
    );
    assert_eq!(
        spindle_str::hash_bytes_with_key(b"\0\0\0", 0, 0),
        -3096660642933721800
    );
    assert_eq!(spindle_str::hash_bytes_with_key(b"", 1, 2), 0);
}

#[test]
fn translate_with_a_lookup_closure() {
    let s = p("abcabc€");
    let mut calls = 0;
    let r = spindle_str::translate::<spindle_str::StrError>(&s, |c| {
        calls += 1;
        Ok(match c {
            0x61 => Translation::Char(0x41),
            0x62 => Translation::Delete,
            0x20AC => Translation::Str(p("EUR")),
            _ => Translation::Keep,
        })
    })
    .unwrap();
    assert_eq!(r, p("AcAcEUR"));
    assert_eq!(calls, 4, "ASCII lookups are cached");
    let e =
        spindle_str::translate::<spindle_str::StrError>(&s, |_| Ok(Translation::Char(0x110000)))
            .unwrap_err();
    assert_eq!(e.message, "character mapping must be in range(0x110000)");
    let e = spindle_str::translate::<spindle_str::StrError>(&s, |_| Ok(Translation::OutOfRange))
        .unwrap_err();
    assert_eq!(e.kind, ErrorKind::Value);
}

#[test]
fn custom_error_handlers() {
    let s = p("a€\u{1F600}b");
    let mut seen = Vec::new();
    let mut handler = |call: &HandlerCall<'_>| -> Result<(Replacement, i64), String> {
        seen.push((call.info.start, call.info.end, call.info.reason));
        Ok((Replacement::Str(p("?!")), call.info.end as i64))
    };
    let out = codecs::encode(&s, Encoding::Ascii, ErrorHandler::Custom(&mut handler)).unwrap();
    assert_eq!(out, b"a?!b");
    assert_eq!(seen, vec![(1, 3, "ordinal not in range(128)")]);

    // A handler error is passed through untouched.
    let mut failing =
        |_: &HandlerCall<'_>| -> Result<(Replacement, i64), String> { Err("boom".into()) };
    let r = codecs::encode(&s, Encoding::Ascii, ErrorHandler::Custom(&mut failing));
    assert_eq!(r, Err(CodecError::Handler("boom".to_string())));

    // Out-of-range positions are IndexErrors, worded as CPython's.
    let mut oob = |_: &HandlerCall<'_>| -> Result<(Replacement, i64), String> {
        Ok((Replacement::Str(p("")), 100))
    };
    match codecs::encode(&s, Encoding::Ascii, ErrorHandler::Custom(&mut oob)) {
        Err(CodecError::Other(e)) => {
            assert_eq!(e.kind, ErrorKind::Index);
            assert_eq!(e.message, "position 100 from error handler out of bounds");
        }
        other => panic!("{other:?}"),
    }

    // Decoding: negative positions count from the end.
    let mut back = |call: &HandlerCall<'_>| -> Result<(Replacement, i64), String> {
        assert!(matches!(call.input, codecs::Input::Bytes(b"a\xffbc")));
        Ok((Replacement::Str(p("X")), -1))
    };
    let r = codecs::decode(b"a\xffbc", Encoding::Utf8, ErrorHandler::Custom(&mut back)).unwrap();
    assert_eq!(r, p("aXc"));

    let mut bytes_back = |_: &HandlerCall<'_>| -> Result<(Replacement, i64), String> {
        Ok((Replacement::Bytes(vec![1]), 2))
    };
    match codecs::decode(
        b"a\xffbc",
        Encoding::Utf8,
        ErrorHandler::Custom(&mut bytes_back),
    ) {
        Err(CodecError::Other(e)) => assert_eq!(
            e.message,
            "decoding error handler must return (str, int) tuple"
        ),
        other => panic!("{other:?}"),
    }
}

#[test]
fn handler_and_encoding_lookup() {
    assert!(ErrorHandler::<()>::by_name("strict").is_ok());
    let e = ErrorHandler::<()>::by_name("nope").err().unwrap();
    assert_eq!(e.kind, ErrorKind::Lookup);
    assert_eq!(e.message, "unknown error handler name 'nope'");
    assert_eq!(Encoding::lookup("UTF-8"), Some(Encoding::Utf8));
    assert_eq!(Encoding::lookup("Latin-1"), Some(Encoding::Latin1));
    assert_eq!(Encoding::lookup("utf_16_be"), Some(Encoding::Utf16Be));
    assert_eq!(Encoding::lookup("windows-1252"), Some(Encoding::Cp1252));
    assert_eq!(Encoding::lookup("koi8-r"), None);
    match codecs::encode_by_name(&p("x"), "nope", "strict") {
        Err(CodecError::Other(e)) => assert_eq!(e.message, "unknown encoding: nope"),
        other => panic!("{other:?}"),
    }
}

#[test]
fn unicode_properties() {
    use spindle_str::unicode;
    assert_eq!(unicode::UNICODE_VERSION, "16.0.0");
    assert_eq!(unicode::decimal_value(u32::from('7')), Some(7));
    assert_eq!(unicode::decimal_value(0x0663), Some(3)); // ARABIC-INDIC DIGIT THREE
    assert_eq!(unicode::decimal_value(0xB2), None); // SUPERSCRIPT TWO is a digit, not decimal
    assert_eq!(unicode::digit_value(0xB2), Some(2));
    assert_eq!(unicode::numeric_value(0xBD), Some(0.5));
    assert!(unicode::is_space(0x3000));
    assert!(!unicode::is_space(0x200B));
    assert_eq!(unicode::name(0x20AC).as_deref(), Some("EURO SIGN"));
    assert_eq!(
        unicode::name(0x4E00).as_deref(),
        Some("CJK UNIFIED IDEOGRAPH-4E00")
    );
    assert_eq!(unicode::name(0xD800), None);
    assert_eq!(unicode::name(0x378), None);
    // Past U+10FFFF: no properties, identity mappings, no panic.
    assert!(!unicode::is_alpha(u32::MAX));
    assert_eq!(unicode::to_upper(u32::MAX).as_slice(), &[u32::MAX]);
    assert_eq!(
        spindle_str::to_ascii_number_text(&p(" \u{0661}\u{0662}\u{3000}x\u{00e9}")),
        " 12 x?"
    );
}

#[test]
fn overflow_and_huge_arguments() {
    let s = p("ab");
    assert!(spindle_str::ljust(&s, i64::MAX, 32).is_err());
    assert!(spindle_str::center(&s, i64::MAX, 32).is_err());
    assert!(spindle_str::zfill(&s, i64::MAX).is_err());
    assert_eq!(
        spindle_str::expandtabs(&p("\t\t"), i64::MAX)
            .unwrap_err()
            .message,
        "result too long"
    );
    assert_eq!(
        spindle_str::find(&s, &p("b"), Some(i64::MIN), Some(i64::MAX)),
        Some(1)
    );
    assert_eq!(spindle_str::count(&s, &p(""), Some(i64::MAX), None), 0);
    assert!(
        s.get_slice(Some(i64::MIN), Some(i64::MAX), Some(i64::MIN))
            .unwrap()
            .is_empty()
    );
    assert_eq!(
        s.get_slice(Some(i64::MAX), Some(i64::MIN), Some(i64::MIN))
            .unwrap(),
        p("b")
    );
    assert_eq!(
        s.get_slice(None, None, Some(0)).unwrap_err().message,
        "slice step cannot be zero"
    );
    assert_eq!(s.slice_normalized(-5, 3, 10), p(""));
    assert_eq!(s.slice_normalized(1, -1, 10), p("ba"));
    let long = p(&"x".repeat(1000));
    assert!(spindle_str::replace(&long, &p(""), &long, -1).is_ok());
    assert_eq!(
        spindle_str::split(&s, Some(&p("")), -1)
            .unwrap_err()
            .message,
        "empty separator"
    );
    assert_eq!(
        spindle_str::maketrans(&p("ab"), &p("a"), None)
            .unwrap_err()
            .message,
        "the first two maketrans arguments must have equal length"
    );
}

fn code_point() -> impl Strategy<Value = u32> {
    prop_oneof![
        0u32..0x80,
        0x80u32..0x100,
        0x100u32..0x1_0000,
        0x1_0000u32..0x11_0000
    ]
}

/// `v` with each high surrogate directly followed by a low one replaced by
/// the code point the pair encodes (what UTF-16 decoding makes of them).
fn join_surrogate_pairs(v: &[u32]) -> Vec<u32> {
    let mut out = Vec::with_capacity(v.len());
    let mut i = 0;
    while i < v.len() {
        match (v[i], v.get(i + 1)) {
            (hi @ 0xD800..=0xDBFF, Some(&lo @ 0xDC00..=0xDFFF)) => {
                out.push(0x10000 + ((hi - 0xD800) << 10) + (lo - 0xDC00));
                i += 2;
            }
            (c, _) => {
                out.push(c);
                i += 1;
            }
        }
    }
    out
}

fn model() -> impl Strategy<Value = Vec<u32>> {
    prop::collection::vec(code_point(), 0..24)
}

fn small_model() -> impl Strategy<Value = Vec<u32>> {
    prop::collection::vec(
        prop_oneof![
            Just(0x61u32),
            Just(0x62),
            Just(0x20AC),
            Just(0xD800),
            Just(0x1F600)
        ],
        0..12,
    )
}

proptest! {
    #[test]
    fn round_trips_and_indexing(v in model()) {
        let s = cps(&v);
        prop_assert_eq!(s.len(), v.len());
        prop_assert_eq!(s.code_points().collect::<Vec<_>>(), v.clone());
        for (i, &c) in v.iter().enumerate() {
            prop_assert_eq!(s.char_at(i), Some(c));
        }
        let max = v.iter().copied().max().unwrap_or(0);
        prop_assert_eq!(s.kind(), Kind::for_max(max));
        prop_assert_eq!(s.is_ascii(), max < 0x80);
        prop_assert_eq!(PyStrData::from_wtf8(&s.to_wtf8()).unwrap(), s.clone());
        // UTF-8 and UTF-32 with surrogatepass round trip everything. UTF-16
        // does too, except that a lone high surrogate followed by a lone low
        // one reads back as the pair's code point, as in CPython.
        let joined = cps(&join_surrogate_pairs(&v));
        for enc in [Encoding::Utf8, Encoding::Utf16, Encoding::Utf16Be, Encoding::Utf32, Encoding::Utf32Be] {
            let bytes = codecs::encode::<()>(&s, enc, ErrorHandler::SurrogatePass).unwrap();
            let back = codecs::decode::<()>(&bytes, enc, ErrorHandler::SurrogatePass).unwrap();
            let want = if matches!(enc, Encoding::Utf16 | Encoding::Utf16Be) { &joined } else { &s };
            prop_assert_eq!(&back, want);
        }
    }

    #[test]
    fn slicing_matches_model(v in model(), start in -30i64..30, stop in -30i64..30, step in -5i64..5) {
        prop_assume!(step != 0);
        let s = cps(&v);
        let got = s.get_slice(Some(start), Some(stop), Some(step)).unwrap();
        // Model: Python's slice semantics on a Vec.
        let len = v.len() as i64;
        let norm = |x: i64, lo: i64, hi: i64| if x < 0 { (x + len).max(lo) } else { x.min(hi) };
        let mut want = Vec::new();
        if step > 0 {
            let (mut i, e) = (norm(start, 0, len), norm(stop, 0, len));
            while i < e { want.push(v[i as usize]); i += step; }
        } else {
            let (mut i, e) = (norm(start, -1, len - 1), norm(stop, -1, len - 1));
            while i > e { want.push(v[i as usize]); i += step; }
        }
        prop_assert_eq!(got, cps(&want));
    }

    #[test]
    fn search_matches_model(h in small_model(), n in prop::collection::vec(prop_oneof![Just(0x61u32), Just(0x62), Just(0x20AC), Just(0xD800), Just(0x1F600)], 0..4)) {
        let (hs, ns) = (cps(&h), cps(&n));
        let want = (0..=h.len()).find(|&i| h[i..].starts_with(&n));
        prop_assert_eq!(spindle_str::find(&hs, &ns, None, None), want);
        let want_r = (0..=h.len()).rev().find(|&i| h[i..].starts_with(&n));
        prop_assert_eq!(spindle_str::rfind(&hs, &ns, None, None), want_r);
        prop_assert_eq!(hs.contains(&ns), want.is_some());
        if !n.is_empty() {
            let mut count = 0;
            let mut i = 0;
            while i + n.len() <= h.len() {
                if h[i..].starts_with(&n) { count += 1; i += n.len(); } else { i += 1; }
            }
            prop_assert_eq!(spindle_str::count(&hs, &ns, None, None), count);
            let parts = spindle_str::split(&hs, Some(&ns), -1).unwrap();
            prop_assert_eq!(parts.len(), count + 1);
            prop_assert_eq!(spindle_str::join(&ns, parts.iter()).unwrap(), hs.clone());
            let r = spindle_str::replace(&hs, &ns, &ns, -1).unwrap();
            prop_assert_eq!(r, hs.clone());
        }
    }

    #[test]
    fn ordering_matches_model(a in small_model(), b in small_model()) {
        prop_assert_eq!(cps(&a).cmp(&cps(&b)), a.cmp(&b));
        prop_assert_eq!(cps(&a) == cps(&b), a == b);
    }

    #[test]
    fn no_panics_on_arbitrary_bytes(bytes in prop::collection::vec(any::<u8>(), 0..40)) {
        for enc in ["utf-8", "ascii", "latin-1", "utf-16", "utf-16-be", "utf-32", "utf-32-be", "cp1252"] {
            for h in ["strict", "ignore", "replace", "surrogateescape", "surrogatepass", "backslashreplace"] {
                let r = codecs::decode_by_name(&bytes, enc, h);
                if let Ok(s) = r
                    && h == "surrogateescape" && (enc == "utf-8" || enc == "ascii") {
                        // surrogateescape is a lossless round trip for these.
                        prop_assert_eq!(codecs::encode_by_name(&s, enc, h).unwrap(), bytes.clone());
                    }
            }
        }
        let _ = PyStrData::from_wtf8(&bytes);
    }
}

#[test]
fn partial_decoding_leaves_incomplete_tails() {
    // Expected values recorded from CPython 3.14's `_codecs.*_decode(..., final=False)`.
    let d = |b: &[u8], enc, h: &str| {
        let (s, n) =
            codecs::decode_partial::<()>(b, enc, ErrorHandler::by_name(h).unwrap(), false).unwrap();
        (s.to_string_lossy().into_owned(), n)
    };
    assert_eq!(
        d(b"a\xe2\x82", Encoding::Utf8, "strict"),
        ("a".to_string(), 1)
    );
    assert_eq!(
        d(b"a\xe2\x82", Encoding::Utf8, "replace"),
        ("a".to_string(), 1)
    );
    assert_eq!(
        d(b"a\xff\xe2", Encoding::Utf8, "replace"),
        ("a\u{FFFD}".to_string(), 2)
    );
    assert_eq!(
        d(b"a\x00b", Encoding::Utf16Le, "strict"),
        ("a".to_string(), 2)
    );
    assert_eq!(d(b"\xff", Encoding::Utf16, "strict"), (String::new(), 0));
    assert_eq!(
        d(b"\x00\xd8", Encoding::Utf16Le, "strict"),
        (String::new(), 0)
    );
    assert_eq!(
        d(b"a\x00\x00\x00b\x00", Encoding::Utf32Le, "strict"),
        ("a".to_string(), 4)
    );
    // With `is_final` the tail is an error as usual.
    assert!(
        codecs::decode_partial::<()>(b"a\xe2\x82", Encoding::Utf8, ErrorHandler::Strict, true)
            .is_err()
    );
}
