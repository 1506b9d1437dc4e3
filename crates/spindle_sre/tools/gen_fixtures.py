"""Regenerate tests/data/fixtures.jsonl from the reference interpreter.

Run with CPython 3.14 (../shared/tools/python3.14) from the repository root:

    python3.14 crates/spindle_sre/tools/gen_fixtures.py > crates/spindle_sre/tests/data/fixtures.jsonl

Each line is one pattern: the code list, flags and group count exactly as
`re._compiler.compile` hands them to `_sre.compile`, and for each subject what
`match`, `fullmatch`, `search` and `finditer` return (spans of every group and
`lastindex`). The reference build is 32-bit WebAssembly, whose MAXREPEAT is
2**31-1; repeat bounds equal to it are rewritten to the 64-bit MAXREPEAT (2**32-1)
that Spindle's `_sre` exposes, exactly as a 64-bit CPython would have compiled them.
"""
import json
import re
import sys
import _sre
from re import _compiler, _parser
from re._constants import *

WASM_MAXREPEAT = _sre.MAXREPEAT
MAXREPEAT64 = 2**32 - 1

def fix_maxrepeat(code):
    # Walk the code the way the validator does and patch repeat maxima.
    code = list(code)
    def walk(i, end):
        while i < end:
            op = code[i]
            if op in (REPEAT, REPEAT_ONE, MIN_REPEAT_ONE, POSSESSIVE_REPEAT, POSSESSIVE_REPEAT_ONE):
                if code[i + 3] == WASM_MAXREPEAT:
                    code[i + 3] = MAXREPEAT64
                walk(i + 4, i + 1 + code[i + 1])
                i = i + 1 + code[i + 1]
            elif op == INFO:
                if code[i + 4] == WASM_MAXREPEAT:
                    code[i + 4] = MAXREPEAT64
                i = i + 1 + code[i + 1]
            elif op in (ASSERT, ASSERT_NOT):
                walk(i + 3, i + 1 + code[i + 1])
                i = i + 1 + code[i + 1]
            elif op == ATOMIC_GROUP:
                walk(i + 2, i + 1 + code[i + 1])
                i = i + 1 + code[i + 1]
            elif op in (IN, IN_IGNORE, IN_UNI_IGNORE, IN_LOC_IGNORE):
                i = i + 1 + code[i + 1]
            elif op == BRANCH:
                j = i + 1
                while code[j]:
                    walk(j + 1, j + code[j] - 2)
                    j = j + code[j]
                i = j + 1
            elif op == GROUPREF_EXISTS:
                i += 3
            elif op in (SUCCESS, FAILURE, ANY, ANY_ALL, MAX_UNTIL, MIN_UNTIL):
                i += 1
            elif op == JUMP:
                i += 2
            else:
                i += 2  # one-argument ops: LITERAL*, NOT_LITERAL*, AT, CATEGORY, MARK, GROUPREF*
    walk(0, len(code))
    return code

def compile_info(pattern, flags):
    p = _parser.parse(pattern, flags)
    code = _compiler._code(p, flags)
    return fix_maxrepeat(code), flags | p.state.flags, p.state.groups - 1

def spans(m, groups):
    if m is None:
        return None
    return {"spans": [list(m.span(g)) for g in range(groups + 1)], "lastindex": m.lastindex}

def units(s):
    return list(s) if isinstance(s, bytes) else [ord(c) for c in s]

S = lambda *a: list(a)

CASES = [
    # literals and simple classes
    ("abc", 0, S("abc", "xabcx", "ab", "", "abcabc")),
    ("a", 0, S("a", "bab", "", "aaa")),
    ("a.c", 0, S("abc", "a\nc", "ac", "xxa-cxx")),
    ("a.c", re.S, S("abc", "a\nc")),
    ("[abc]+", 0, S("xxabcbaxx", "", "dd")),
    ("[^abc]+", 0, S("abcxyzabc", "abc")),
    ("[a-z0-9_]+", 0, S("Hello_World 42!", "!!")),
    ("[\\d\\s]+", 0, S("ab 12 3cd", "x")),
    ("\\d+", 0, S("abc123def45", "\u0661\u0662x", "none")),
    ("\\d+", re.A, S("abc123def45", "\u0661\u0662x")),
    ("\\w+", 0, S("héllo wörld_1", "  ", "\u4e2d\u6587 ok")),
    ("\\w+", re.A, S("héllo wörld_1",)),
    ("\\s+", 0, S("a \t\n b\u2003c\x1cd", "x")),
    ("\\S+", 0, S("  ab  cd ",)),
    ("\\W+", 0, S("ab, cd!!", "abc")),
    ("\\D+", 0, S("12ab34",)),
    ("[\\w-]+", 0, S("foo-bar baz",)),
    ("[\\s\\S]", 0, S("ab", "")),
    ("[^\\W\\d]+", 0, S("ab12cd",)),
    ("[\u0100-\u0200]+", 0, S("x\u0150\u01ffy", "abc")),
    ("[\u4e00-\u9fff]+", 0, S("hi \u4e2d\u6587 there",)),
    ("[a\u4e2d\U0001F600]+", 0, S("xa\u4e2d\U0001F600ay",)),
    ("[^\U0001F600]+", 0, S("ab\U0001F600cd",)),
    ("[\U00010000-\U0001FFFF]+", 0, S("ab\U0001F600\U00010001cd",)),
    ("[\u00e0-\u00ff\u0100-\u0180\u2000-\u2100]+", 0, S("x\u00e9\u0101\u2050y",)),
    ("[" + "".join(chr(c) for c in range(0x3b1, 0x3ca, 2)) + "\u4e00]+", 0, S("\u03b1\u03b3\u03b2\u4e00",)),
    ("\\x00+", 0, S("a\x00\x00b",)),
    # anchors
    ("^abc", 0, S("abc", "xabc", "x\nabc")),
    ("^abc", re.M, S("x\nabc", "abc")),
    ("abc$", 0, S("abc", "abc\n", "abc\nx", "abcx")),
    ("abc$", re.M, S("abc\nx", "xabc")),
    ("\\Aabc", re.M, S("x\nabc", "abc")),
    ("abc\\Z", 0, S("abc\n", "xxabc")),
    ("$", 0, S("", "a", "a\n", "a\nb\n")),
    ("^", re.M, S("", "a\nb\n")),
    ("\\b\\w+\\b", 0, S("  hello  world ", "")),
    ("\\B\\w+\\B", 0, S("  hello  world ",)),
    ("\\bfoo\\b", 0, S("foo", "foobar", "a foo.", "")),
    ("\\B", 0, S("", "ab", " ")),
    ("\\b", 0, S("", "ab", " ")),
    ("\\B", re.A, S("", "a")),
    ("^\\B$", 0, S("",)),
    ("\\bé\\w*", 0, S("x éte",)),
    ("\\bé\\w*", re.A, S("x éte", "xéte")),
    # alternation
    ("a|b|c", 0, S("xxcxx", "")),
    ("cat|category|dog", 0, S("category", "hotdog", "ca")),
    ("(a|ab)(c|bcd)(d*)", 0, S("abcd", "abcdd")),
    ("(?:foo|foobar)baz", 0, S("foobarbaz", "foobaz")),
    ("x(?:a|[bc]|\\d)+y", 0, S("xab1cy", "xy", "xa_y")),
    ("(a)|(b)|(c)", 0, S("c", "b", "zzz")),
    ("|a", 0, S("a", "")),
    ("(a|)+", 0, S("aaa", "")),
    # repeats
    ("a*", 0, S("aaa", "baaa", "")),
    ("a+", 0, S("baaa", "")),
    ("a?b", 0, S("ab", "b", "aab")),
    ("a{2,3}", 0, S("a", "aa", "aaaa", "aaaaaaa")),
    ("a{3}", 0, S("aaaa", "aa")),
    ("a{2,}", 0, S("aaaaa", "a")),
    ("a{,2}b", 0, S("aaab",)),
    ("a*?b", 0, S("aaab",)),
    ("a+?", 0, S("aaa",)),
    ("a??b", 0, S("ab", "b")),
    ("a{2,4}?", 0, S("aaaaa",)),
    ("<.*>", 0, S("<a><b>",)),
    ("<.*?>", 0, S("<a><b>",)),
    ("<[^>]*>", 0, S("<a><b>",)),
    ("(ab)*", 0, S("ababab", "abac", "")),
    ("(ab)+c", 0, S("ababc", "abab")),
    ("(ab)*?c", 0, S("ababc",)),
    ("(ab){2}", 0, S("ababab", "ab")),
    ("(ab){2,3}?", 0, S("abababab",)),
    ("(a|b)*c", 0, S("abbac", "abab")),
    ("(a+|b+)*c", 0, S("aabbbac", "ab")),
    ("(?:a*)*", 0, S("aaa", "b")),
    ("(?:a*)+b", 0, S("aab",)),
    ("(a*)*b", 0, S("aaab", "b", "aaa")),
    ("(a*)+b", 0, S("aaab", "b")),
    ("(a*?)*b", 0, S("aab",)),
    ("(?:x*)*?y", 0, S("xxy",)),
    ("(\\w+)\\s*=\\s*(\\w+)", 0, S("key = value; a=b",)),
    ("(\\d+)-(\\d+)-(\\d+)", 0, S("on 2024-01-15 and 1999-12-31",)),
    ("(.)(.)(.)(.)(.)(.)(.)(.)(.)(.)(.)", 0, S("abcdefghijkl",)),
    ("x{0}y", 0, S("xy",)),
    ("(?:ab|a)*c", 0, S("abac", "aab")),
    ("(a{2})*", 0, S("aaaaa",)),
    ("(?:(a)|b)*", 0, S("ab", "ba", "abab")),
    ("(?:(a)|(b))+", 0, S("ab", "ba")),
    ("((a)|b)+", 0, S("ab", "ba")),
    ("(a)*", 0, S("aaa", "")),
    ("(a)+?", 0, S("aaa",)),
    ("(?:(a)*b)*", 0, S("aabab", "abaab")),
    ("([ab]*?)(b)?c", 0, S("abbc",)),
    ("a{1000}", 0, S("a" * 1000, "a" * 999)),
    ("(?:ab){500,}", 0, S("ab" * 600, "ab" * 400)),
    ("a{0,65535}", 0, S("a" * 70000,)),
    ("(a{1,3}){2}", 0, S("aaaa",)),
    ("(?:a|b){3,5}?c", 0, S("ababac",)),
    # backreferences and conditionals
    ("(a+)b\\1", 0, S("aabaa", "aaba", "abaa")),
    ("(\\w+) \\1", 0, S("hello hello world", "ab abc")),
    ("(?P<q>['\"]).*?(?P=q)", 0, S("say \"hi\" and 'yo'",)),
    ("(a)|\\1", 0, S("x",)),
    ("(?:(a)|b)\\1", 0, S("aa", "ba")),
    ("(a)?(?(1)b|c)", 0, S("ab", "c", "ac", "b")),
    ("(<)?\\w+(?(1)>)", 0, S("<abc>", "abc", "<abc")),
    ("(?P<x>a)?(?(x)b)c", 0, S("abc", "c", "bc")),
    ("(a)?(b)?(?(2)x|y)", 0, S("abx", "ay", "by")),
    ("(x)?(?(1)a|b)+", 0, S("xaaa", "bbb")),
    # lookaround
    ("foo(?=bar)", 0, S("foobar", "foobaz")),
    ("foo(?!bar)", 0, S("foobar", "foobaz")),
    ("(?<=ab)c", 0, S("abc", "xbc")),
    ("(?<!ab)c", 0, S("abc", "xbc", "c")),
    ("(?<=\\d{3})x", 0, S("12x123x",)),
    ("(?<=(a))b", 0, S("ab",)),
    ("(?=(a+))a*b\\1", 0, S("baaabac",)),
    ("(?!(a)b)\\w", 0, S("abc",)),
    ("(?<=a|b)c", 0, S("bc", "ac", "cc")),
    ("\\w+(?<!ing)\\b", 0, S("singing sing",)),
    ("(?=.*\\d)(?=.*[a-z]).{6,}", 0, S("abc123", "abcdef", "12345678a")),
    ("(?:(?!ab).)*", 0, S("xxabyy",)),
    ("(?<=^|,)\\w+", 0, S("a,bc,,d",)),
    ("(?<![a-z])\\d+", 0, S("a12 34",)),
    # atomic and possessive
    ("(?>a+)b", 0, S("aaab", "aaa")),
    ("(?>a+)a", 0, S("aaa",)),
    ("(?>(a|ab))c", 0, S("abc", "ac")),
    ("a++b", 0, S("aaab",)),
    ("a++a", 0, S("aaaa",)),
    ("(?:ab)++c", 0, S("ababc", "ababa")),
    ("(?:ab)*+ab", 0, S("abab",)),
    ("[ab]*+b", 0, S("aab",)),
    ("a?+a", 0, S("a", "aa")),
    ("(a|b)++c", 0, S("abc",)),
    ("(?:a|b)?+", 0, S("c", "a")),
    ("(?:a{2,3})++x", 0, S("aaaaax", "aaaax")),
    ("(?>x*)*y", 0, S("xxy",)),
    ("(?:(a)|b)++", 0, S("ab",)),
    ("(?>(\\d+))\\.", 0, S("123.", "123")),
    ("a{2,3}+", 0, S("aaaa",)),
    ("(?:a*)++", 0, S("aa", "")),
    ("(?:(a)b|ac)++", 0, S("abac", "acab")),
    ("(?:(a)|b)*+", 0, S("ab", "ba")),
    ("(?>(?:(a)|b)+)", 0, S("ab",)),
    ("(?:(a)|b){2}+", 0, S("ab",)),
    ("(?:(?:(a)|b)c)++d", 0, S("acbcd",)),
    ("(?:x(?!(a)b)|y)++", 0, S("xayx",)),
    ("(?>(a)b|(a)c)", 0, S("ac",)),
    ("(?:(a)|(b))*?c", 0, S("abc",)),
    ("(?:(a)|b)*?c", 0, S("abc", "bac")),
    ("(?:(a)|b)+?$", 0, S("ab",)),
    ("((a)|b)*?(?(2)x|y)", 0, S("aby", "abx")),
    ("(?:(a)|b)++(?(1)x|y)", 0, S("abx", "bby")),
    # case-insensitive
    ("abc", re.I, S("ABC", "aBc", "xAbCx")),
    ("[a-z]+", re.I, S("HeLLo 123",)),
    ("[^a-z]+", re.I, S("HeLLo 123",)),
    ("\u00e9t\u00e9", re.I, S("\u00c9T\u00c9",)),
    ("stra\u00dfe", re.I, S("STRASSE", "STRA\u1e9eE", "strasse")),
    ("\u03c3", re.I, S("\u03a3\u03c2\u03c3",)),
    ("[\u03c3]+", re.I, S("\u03a3\u03c2\u03c3",)),
    ("\u0130", re.I, S("i\u0130\u0069\u0131I",)),
    ("i", re.I, S("I\u0130\u0131",)),
    ("k", re.I, S("K\u212a",)),
    ("[k]", re.I, S("K\u212a",)),
    ("[a-k]+", re.I, S("\u212aABC",)),
    ("s", re.I, S("S\u017f",)),
    ("\U00010400", re.I, S("\U00010428",)),
    ("[\U00010400-\U00010410]+", re.I, S("\U00010428\U00010430",)),
    ("(a)\\1", re.I, S("aA",)),
    ("(\u00e9)\\1", re.I, S("\u00e9\u00c9",)),
    ("(\u03c3)\\1\\1", re.I, S("\u03c3\u03a3\u03c2",)),
    ("[^k]", re.I, S("K\u212ax",)),
    ("\\w+", re.I | re.A, S("HeLLo",)),
    ("abc", re.I | re.A, S("ABC",)),
    ("k", re.I | re.A, S("K\u212a",)),
    ("[\u00e0-\u00ff]+", re.I, S("\u00c0\u00c9\u00ff\u0178",)),
    ("\u01c5", re.I, S("\u01c4\u01c5\u01c6",)),
    ("x\u00b5", re.I, S("X\u039c\u03bc",)),
    ("[^\u00b5]", re.I, S("\u039c",)),
    ("a(?i:b)c", 0, S("aBc", "ABc")),
    ("(?i)a(?-i:b)c", 0, S("AbC", "ABC")),
    ("\\bAB", re.I, S("ab ab",)),
    # multiline and dotall combos
    ("^\\w+$", re.M, S("foo\nbar\n\nbaz",)),
    (".+", 0, S("ab\ncd",)),
    (".+", re.S, S("ab\ncd",)),
    ("^.*$", re.M, S("a\nbc\n",)),
    # empty matches for finditer rules
    ("", 0, S("", "abc")),
    ("x*", 0, S("axxb", "")),
    ("\\b|x", 0, S("ax b",)),
    ("a|(?=b)", 0, S("abab",)),
    ("(?:)", 0, S("ab",)),
    ("(?=a)|a", 0, S("aa",)),
    ("a*?", 0, S("aa",)),
    ("(?<=a)", 0, S("aaa",)),
    # prefix / charset fast paths
    ("hello world", 0, S("say hello world!", "hello worl")),
    ("abab", 0, S("abababab", "aabab")),
    ("aab", 0, S("aaab",)),
    ("(ab)c", 0, S("xxabcx",)),
    ("ab(c)", 0, S("xxabcx",)),
    ("(?:ab)(cd)", 0, S("zabcd",)),
    ("abc\\d", 0, S("abc abc5",)),
    ("[xy]z+", 0, S("aaxzzyz",)),
    ("(?:x|y)z", 0, S("ayz",)),
    ("\u4e2d\u6587", 0, S("\u8fd9\u662f\u4e2d\u6587",)),
    ("\u0100", 0, S("abc", "\u0100")),
    ("\U0001F600+", 0, S("x\U0001F600\U0001F600y",)),
    ("x\u4e2d", 0, S("xx\u4e2d", "abc")),
    ("ab", 0, S("ab ab",)),
    ("a\\Z", 0, S("aaa",)),
    # pathological but finite
    ("(a|aa)*c", 0, S("a" * 20 + "c", "a" * 18)),
    ("(x+x+)+y", 0, S("x" * 14,)),
    ("(?:a+)+$", 0, S("a" * 16 + "!",)),
    ("(.*)(.*)(.*)x", 0, S("abcdefghij" * 3,)),
    ("(\\w+\\s?)*$", 0, S("one two three four!",)),
]

BYTES_CASES = [
    (b"abc", 0, S(b"xabcx", b"ab")),
    (b"[a-z]+", re.I, S(b"HeLLo \xe9\xc9",)),
    (b"\\w+", 0, S(b"h\xe9llo w_1",)),
    (b"\\d+\\s+\\D", 0, S(b"12 \t x",)),
    (b"\\xe9", re.I, S(b"\xc9\xe9",)),
    (b"[\\x80-\\xff]+", 0, S(b"ab\x80\xff\x7fc",)),
    (b"(a)\\1", re.I, S(b"aA",)),
    (b"^b", re.M, S(b"a\nb",)),
    (b"\\bx\\b", 0, S(b"x \xe9x",)),
    (b"a.c", re.S, S(b"a\nc",)),
    (b"(?<=a)b", 0, S(b"ab",)),
    (b"a{2,}?", 0, S(b"aaaa",)),
    (b"\\w+", re.L, S(b"ab_1 \xe9",)),
    (b"ab", re.L | re.I, S(b"AB aB",)),
    (b"[a-c]+", re.L | re.I, S(b"ABC abc",)),
    (b"[^a]", re.L | re.I, S(b"Ab",)),
    (b"(a)\\1", re.L | re.I, S(b"aA",)),
    (b"\\bA\\B", re.L, S(b"AB A",)),
    (b"x", re.L | re.I, S(b"X",)),
    (b"\\B", 0, S(b"", b"a ")),
    (b"\\B", re.L, S(b"", b"a ")),
    (b"[\\w\\s]+", re.L, S(b"ab c\xe9",)),
    (b"[^x]+", re.L | re.I, S(b"abXc",)),
]

POS_CASES = [
    ("a+", 0, "baaab", [(1, 3), (2, 5), (0, 0), (5, 5), (4, 2)]),
    ("^a", 0, "baa", [(1, 3)]),
    ("^a", re.M, "b\naa", [(2, 4), (1, 4)]),
    ("a$", 0, "aab", [(0, 2)]),
    ("\\b", 0, "ab cd", [(1, 4)]),
    ("(?<=a)b", 0, "ab", [(1, 2)]),
    ("x*", 0, "axxxb", [(1, 4), (2, 3)]),
    ("", 0, "abcde", [(4, 2), (2, 2), (9, 9), (-3, 1)]),
    ("(?<=a)b|(?<!a)c", 0, "abac", [(1, 4), (3, 4)]),
    ("\\bb", 0, "ab b", [(1, 4)]),
    ("$", 0, "ab\n", [(0, 2), (0, 1)]),
    ("a\\Z", 0, "aab", [(0, 2)]),
    ("\\w+$", re.M, "ab\ncd", [(0, 1), (3, 5)]),
]

out = []
def record(pattern, flags, subjects, posranges=None):
    try:
        code, allflags, groups = compile_info(pattern, flags)
    except Exception as e:
        print("skip", pattern, e, file=sys.stderr)
        return
    rx = re.compile(pattern, flags)
    subj_out = []
    for s in subjects:
        ranges = posranges if posranges is not None else [None]
        for pr in ranges:
            args = () if pr is None else pr
            rec = {
                "subject": units(s),
                "bytes": isinstance(s, bytes),
                "pos": None if pr is None else pr[0],
                "endpos": None if pr is None else pr[1],
                "match": spans(rx.match(s, *args), groups),
                "fullmatch": spans(rx.fullmatch(s, *args), groups),
                "search": spans(rx.search(s, *args), groups),
                "finditer": [spans(m, groups) for m in rx.finditer(s, *args)],
            }
            subj_out.append(rec)
    out.append({
        "pattern": pattern if isinstance(pattern, str) else pattern.decode("latin-1"),
        "bytes": isinstance(pattern, bytes),
        "flags": allflags,
        "groups": groups,
        "code": code,
        "subjects": subj_out,
    })

for p, f, subs in CASES:
    record(p, f, subs)
for p, f, subs in BYTES_CASES:
    record(p, f, subs)
for p, f, s, prs in POS_CASES:
    record(p, f, [s], prs)
for o in out:
    print(json.dumps(o, ensure_ascii=True, separators=(",", ":")))
print(len(out), "patterns", file=sys.stderr)
