"""Record expected results of str methods and codecs from CPython 3.14.

Run from the repository root:

    ../shared/tools/python3.14 crates/spindle_str/gen/gen_cases.py > crates/spindle_str/tests/data/cases.jsonl

Each line is one case: {"op": name, "args": [...], "out": value}. A str is a
JSON string, or {"u": [code points]} when it holds lone surrogates (which JSON
text cannot carry), bytes are {"b": [...]},
an exception is {"exc": class name, "msg": str(exc), ...}.
"""
import json
import random
import sys
import codecs

sys.stdout.reconfigure(encoding="utf-8")


def enc(v):
    if isinstance(v, str):
        if any(0xD800 <= ord(c) <= 0xDFFF for c in v):
            return {"u": [ord(c) for c in v]}
        return v
    if isinstance(v, (bytes, bytearray)):
        return {"b": list(v)}
    if isinstance(v, (list, tuple)):
        return [enc(x) for x in v]
    return v


def case(op, *args, call=None):
    try:
        out = enc(call())
    except UnicodeEncodeError as e:
        out = {"exc": "UnicodeEncodeError", "encoding": e.encoding, "start": e.start, "end": e.end,
               "reason": e.reason, "msg": str(e)}
    except UnicodeDecodeError as e:
        out = {"exc": "UnicodeDecodeError", "encoding": e.encoding, "start": e.start, "end": e.end,
               "reason": e.reason, "msg": str(e)}
    except Exception as e:
        out = {"exc": type(e).__name__, "msg": str(e)}
    print(json.dumps({"op": op, "args": [enc(a) for a in args], "out": out}, ensure_ascii=False, separators=(",", ":")))


rng = random.Random(1234)

SAMPLES = [
    "", "a", "abc", " a  b\tc \n", "\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0\u1680\u2000\u200b\u2028\u2029\u3000x",
    "Hello World", "hello world", "HELLO", "ǅungla ǆ Ǆ", "ΣΑΣ", "ὈΔΥΣΣΕΎΣ", "aΣ", "aΣb", "a.Σ.", "AΣ'", "Σ",
    "ﬁﬂ ß ŉ ǰ İstanbul", "ßtraße", "Ⅻ ⅻ", "Ⓐⓐ", "ǈ", "ﬃ", "ΐ", "aé€😀", "\ud800\udc00", "a\udc80b",
    "١٢٣", "²³", "½", "一二三", "_ident", "1abc", "café", "ℌ", "\u0345", "\u0130\u0131", "ʰ", "Aʰ",
    "line1\nline2\r\nline3\rline4\x0bline5\x0cline6\x1cline7\x85line8\u2028line9\u2029end\n",
    "a,b,,c,", ",,", "aaa", "aaaa", "ababab", "  leading", "trailing  ", "\x00\x7f\x80\xff",
    "quote's", 'dq"', "both'\"", "back\\slash", "\u00ad\u200e\ue000\U000f0000\U0010ffff\u0378",
    "ǳ Ǳ ǲ", "ᾳ ᾼ ᾀ", "ﬓ", "tHiS iS", "ß", "ꭰ", "𐐀𐐨", "Ǆǅǆ", "o\u0301k", "123", "-42", "+7", "😀😃",
]

# Every code point of some interesting ranges plus a random sample, in chunks.
cps = list(range(0, 0x800)) + list(range(0x1E00, 0x2000)) + list(range(0x2C00, 0x2E00)) + \
    list(range(0xA640, 0xA800)) + list(range(0xD7F0, 0xE010)) + list(range(0xFB00, 0xFB50)) + \
    list(range(0xFF00, 0xFF70)) + list(range(0x10400, 0x10500)) + list(range(0x1E900, 0x1E960)) + \
    [rng.randrange(0x110000) for _ in range(600)]
CHUNKS = ["".join(chr(c) for c in cps[i:i + 40]) for i in range(0, len(cps), 40)]

PREDICATES = ["isalpha", "isalnum", "isdecimal", "isdigit", "isnumeric", "isspace", "isprintable",
              "isidentifier", "isupper", "islower", "istitle", "isascii"]
for s in SAMPLES + CHUNKS:
    for m in ["upper", "lower", "casefold", "title", "capitalize", "swapcase"] + (PREDICATES if s in SAMPLES else []):
        case(m, s, call=lambda: getattr(s, m)())
    case("repr", s, call=lambda: repr(s))
    case("ascii", s, call=lambda: ascii(s))
    if s in SAMPLES:
        case("split", s, None, -1, call=lambda: s.split())
        case("splitlines", s, False, call=lambda: s.splitlines())
        case("splitlines", s, True, call=lambda: s.splitlines(True))

# Single code points: each property and mapping, one code point at a time.
for c in cps[::7]:
    ch = chr(c)
    for m in ["upper", "lower", "title", "casefold", "isalpha", "isdecimal", "isdigit", "isnumeric",
              "isspace", "isprintable", "isidentifier", "isupper", "islower", "istitle"]:
        case(m, ch, call=lambda: getattr(ch, m)())

SHORT = [s for s in SAMPLES if len(s) <= 12] + ["line1\nline2\r\n\rx\x85", " a  b\tc \n"]
for s in SHORT:
    for ms in (-1, 0, 1, 2):
        case("split", s, None, ms, call=lambda: s.split(None, ms))
        case("rsplit", s, None, ms, call=lambda: s.rsplit(None, ms))
        for sep in [",", "a", "ab", "", "Σ", "\udc00", " "]:
            case("split", s, sep, ms, call=lambda: s.split(sep, ms))
            case("rsplit", s, sep, ms, call=lambda: s.rsplit(sep, ms))
    for sub in ["", "a", "ab", "aa", "Σ", "😀", "\udc80", "line", "\n"]:
        for start, end in [(None, None), (-3, None), (2, 5), (len(s) + 1, None)]:
            case("find", s, sub, start, end, call=lambda: s.find(sub, start, end))
            case("rfind", s, sub, start, end, call=lambda: s.rfind(sub, start, end))
            case("count", s, sub, start, end, call=lambda: s.count(sub, start, end))
            case("startswith", s, sub, start, end, call=lambda: s.startswith(sub, start, end))
            case("endswith", s, sub, start, end, call=lambda: s.endswith(sub, start, end))
        case("index", s, sub, None, None, call=lambda: s.index(sub))
        case("rindex", s, sub, 1, None, call=lambda: s.rindex(sub, 1))
        case("partition", s, sub, call=lambda: s.partition(sub))
        case("rpartition", s, sub, call=lambda: s.rpartition(sub))
        case("removeprefix", s, sub, call=lambda: s.removeprefix(sub))
        case("removesuffix", s, sub, call=lambda: s.removesuffix(sub))
        for new in ["", "XYZ", "€"]:
            for cnt in (-1, 0, 2):
                case("replace", s, sub, new, cnt, call=lambda: s.replace(sub, new, cnt))
    for chars in [None, " ", "a", "ab\n", "Σ€", ""]:
        case("strip", s, chars, call=lambda: s.strip(chars))
        case("lstrip", s, chars, call=lambda: s.lstrip(chars))
        case("rstrip", s, chars, call=lambda: s.rstrip(chars))
    for w in (-1, 3, 8, 9, 20):
        for fill in ("*", "€"):
            case("center", s, w, fill, call=lambda: s.center(w, fill))
            case("ljust", s, w, fill, call=lambda: s.ljust(w, fill))
            case("rjust", s, w, fill, call=lambda: s.rjust(w, fill))
        case("zfill", s, w, call=lambda: s.zfill(w))
    for step in (None, 1, 2, -1, -2, 3):
        for start, stop in [(None, None), (1, None), (-2, None), (5, 1), (100, -100)]:
            case("slice", s, start, stop, step, call=lambda: s[start:stop:step])

for s in ["a\tb", "\tab\tcde\tf\n\tg\r\th", "€\t\t", "", "abcdefgh\tx"]:
    for ts in (-1, 0, 1, 4, 8):
        case("expandtabs", s, ts, call=lambda: s.expandtabs(ts))

for sep in ["", ",", "€", "😀"]:
    for items in [[], ["a"], ["a", "b"], ["", ""], ["é", "x", "😀"]]:
        case("join", sep, items, call=lambda: sep.join(items))

for x, y, z in [("abc", "xyz", None), ("ab", "x", None), ("a€", "😀b", "q"), ("", "", "abc")]:
    case("maketrans", x, y, z, call=lambda: sorted((str(k) + "=" + str(v)) for k, v in (str.maketrans(x, y, z) if z is not None else str.maketrans(x, y)).items()))

texts = ["", "abc", "a\xe9\u20ac\U0001f600\udc80\ud800b", "\udc80\udcff", "a\x81\x8d\u20acx\u0152",
         "\U0010ffff\ud83d\ude00", "\xe9" * 3, "\U0001f600"]
encodings = ["utf-8", "ascii", "latin-1", "utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-32-le",
             "utf-32-be", "cp1252"]
handlers = ["strict", "ignore", "replace", "surrogateescape", "surrogatepass", "backslashreplace",
            "xmlcharrefreplace", "namereplace"]
for t in texts:
    for e in encodings:
        for h in handlers:
            case("encode", t, e, h, call=lambda: t.encode(e, h))
raw = [b"", b"abc", b"a\x80\xed\xa0\x80\xf0\x9f\x98b\xe2\x82", b"\xc3\xa9\xe2\x82\xac\xf0\x9f\x98\x80",
       b"\xed\xb2\x80\xed\xa0\x80", b"a\x00\x00\xd8\x00\xdcb\x00\x00\xd8", b"\xff\xfea\x00", b"\xfe\xff\x00a",
       b"a\x00\x00\x00\x00\xd8\x00\x00\x00\x00\x11\x00b", b"\xff\xfe\x00\x00a\x00\x00\x00",
       b"\x00\x00\xfe\xff\x00\x00\x00a", b"a\x81\x80\x9f", b"\xc0\xaf\xe0\x80\xbf\xf4\x90\x80\x80",
       b"\xf8\x88\x80\x80\x80", b"\x00\xdc\x00\xd8a", b"\x80\x81\x82\x83\x84\x85x", bytes(range(256))]
for r in raw:
    for e in encodings:
        for h in handlers:
            case("decode", r, e, h, call=lambda: r.decode(e, h))
