#!/usr/bin/env python3
"""Crash finder for spindle: feeds generated and mutated Python programs through the
spindle binary and fails on any Rust panic, abort/segfault or hang.

Run with the host's python3 (standard library only):

    python3 fuzz/run.py                          # 1000 programs, seed 1, 2 jobs
    python3 fuzz/run.py --count 5000 --seed 7 --jobs 2
    python3 fuzz/run.py --mode all               # every program via file, -c and stdin
    python3 fuzz/run.py --spindle ./my-wrapper --timeout 5 --minimize
    python3 fuzz/run.py --self-test              # proves it detects a planted crash

What counts as a failure (see fuzz/README.md):
  panic  exit status 101, or "panicked at" anywhere in stderr;
  abort  death by a signal (SIGABRT, SIGSEGV, SIGBUS, SIGILL, ...; also exit 128+N
         of those signals, as a shell wrapper would report them);
  hang   still running after --timeout seconds (the whole process group is killed).
An abort, a hang or a bare exit 101 (no panic message) is confirmed against the
reference interpreter (--ref, default python3): when CPython does the same with the
same program (a mutated `while` loop that never ends, a program that calls
sys.exit(101), CPython's own C-stack overflow) it is counted as "also in reference"
and not as a failure.  A panic message is never excused.

Every failing input is saved under --out (default: a fresh temp dir) as
KIND-INDEX.py with KIND-INDEX.txt beside it (command, exit status, stderr tail).
Last line: `N programs, P panics, A aborts, H hangs`.  Exit status 1 if any failure,
0 if none, 2 on bad arguments.
"""
import argparse
import concurrent.futures
import os
import random
import re
import shlex
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
CORPUS = os.path.join(HERE, "corpus")

MODES = ("file", "c", "stdin")
ABORT_SIGNALS = {signal.SIGABRT, signal.SIGSEGV, signal.SIGBUS, signal.SIGILL,
                 signal.SIGFPE, signal.SIGTRAP, signal.SIGSYS}


# ============================================================================
# Seed corpus

def load_corpus(path):
    seeds = []
    if os.path.isdir(path):
        for name in sorted(os.listdir(path)):
            if name.endswith(".py"):
                with open(os.path.join(path, name), "rb") as fh:
                    seeds.append((name, fh.read()))
    # A few byte-level seeds that cannot live comfortably in a .py file.
    seeds.extend([
        ("bytes_bom", b"\xef\xbb\xbfprint('bom ok')\n"),
        ("bytes_latin1_cookie", b"# -*- coding: latin-1 -*-\ns = '\xe9\xe8\xff'\nprint(len(s), s)\n"),
        ("bytes_crlf", b"x = 1\r\nif x:\r\n    print('crlf')\r\nelse:\r\n\tprint('no')\r\n"),
        ("bytes_cr_only", b"x = 2\rprint(x)\r"),
        ("bytes_formfeed_tabs", b"\x0cdef f():\n\tif 1:\n\t\treturn 'tabs'\n\x0cprint(f())\n"),
        ("bytes_utf8_names", "ñame = 'ü'\nπ = 3.14\n変数 = [ñame, π]\nprint(変数)\n".encode()),
        ("bytes_no_newline_eof", b"def g():\n    return 5\nprint(g())"),
        ("bytes_backslash_cont", b"total = 1 + \\\n    2 + \\\n    3\nprint(total)\n"),
    ])
    return seeds


# ============================================================================
# Mutators (all operate on bytes)

TOKEN_RE = re.compile(
    rb"[A-Za-z_][A-Za-z0-9_]*"
    rb"|\d[\d_]*(?:\.\d*)?(?:[eE][+-]?\d+)?[jJ]?"
    rb"|[rbfRBF]{0,2}\"(?:[^\"\\\n]|\\.)*\"|[rbfRBF]{0,2}'(?:[^'\\\n]|\\.)*'"
    rb"|\*\*=?|//=?|<<=?|>>=?|->|:=|[-+*/%&|^@=<>!]=|[^\s\w]")
NUM_RE = re.compile(rb"(?<![\w.])\d[\d_]*(?:\.\d*)?(?:[eE][+-]?\d+)?[jJ]?")
STR_RE = re.compile(rb"\"(?:[^\"\\\n]|\\.)*\"|'(?:[^'\\\n]|\\.)*'")

KEYWORDS = [b"False", b"None", b"True", b"and", b"as", b"assert", b"async", b"await",
            b"break", b"class", b"continue", b"def", b"del", b"elif", b"else", b"except",
            b"finally", b"for", b"from", b"global", b"if", b"import", b"in", b"is",
            b"lambda", b"nonlocal", b"not", b"or", b"pass", b"raise", b"return", b"try",
            b"while", b"with", b"yield", b"match", b"case", b"type", b"_", b"print",
            b"__class__", b"super", b"self", b"*", b"**", b"except*"]
OPERATORS = [b"+", b"-", b"*", b"/", b"//", b"%", b"**", b"@", b"<<", b">>", b"&", b"|",
             b"^", b"~", b"<", b">", b"<=", b">=", b"==", b"!=", b"=", b":=", b"->",
             b"+=", b"**=", b".", b",", b":", b";", b"...", b"\\", b"!", b"$", b"?", b"`"]
BRACKETS = [b"(", b")", b"[", b"]", b"{", b"}", b"()", b"[]", b"{}", b"((", b"]]", b"}}",
            b"{{", b"\"\"\"", b"'''", b"\"", b"'", b"f\"{", b"f'{x!r:>{", b"#", b"\n", b"\\\n",
            b"\n    ", b"\n\t", b":\n"]
EXTREMES = [b"10**10000", b"-10**10000", b"2**63", b"-2**63", b"2**63-1", b"2**64",
            b"-2**64-1", b"2**31-1", b"-2**31", b"2**53+1", b"0", b"-1", b"-0", b"1e308",
            b"1e309", b"-1e309", b"5e-324", b"-0.0", b"float('nan')", b"float('-inf')",
            b"1e308j", b"0j", b"0x7fffffffffffffff", b"0xffffffffffffffffffffffffffffffff",
            b"1" + b"0" * 300, b"9" * 5000, b"1_" * 100 + b"1", b"'\\x00'", b"'\\x00' * 4096",
            b"'\\udcff'", b"'\\ud800'", b"'\\U0010ffff'", b"'\\uffff'", b"'\\N{SNAKE}'",
            b"'" + b"a" * 10000 + b"'", b"b'\\xff' * 100", b"b'\\x00\\x80'", b"''", b"b''",
            b"None", b"...", b"True", b"[]", b"()", b"{}", b"set()", b"[[]] * 100000",
            b"range(2**62)", b"(1 << 200)", b"-(1 << 1000)", b"object()", b"type",
            b"NotImplemented", b"'\\t\\r\\n\\x0b\\x0c'", b"'\\u0301'", b"'\\x1b[0m'",
            b"\"\"\"\n\"\"\"", b"r'\\'", b"f'{1}{{'", b"lambda: 0", b"(yield)", b"[*()]",
            b"-2**1023.0", b"1.7976931348623157e308 * 2", b"2**-1074"]
RAW_BYTES = [b"\x00", b"\xff", b"\xfe", b"\xef\xbb\xbf", b"\xc3", b"\xc3\x28",
             b"\xed\xa0\x80", b"\xf4\x90\x80\x80", b"\xf0\x9f\x90", b"\xe2\x80\xae",
             b"\r", b"\x0c", b"\t", b"\x0b", b"\x1a", b"\x7f", b"\x1b", b"\xc2\xa0",
             b"\xe3\x80\x80", b"\xe2\x80\x8b", b"\\", b"\r\n", b"\n\n\n"]
COOKIES = [b"# -*- coding: latin-1 -*-\n", b"# coding: utf-16\n", b"# coding: bogus-codec\n",
           b"# vim: set fileencoding=ascii :\n", b"# coding=utf-8\n", b"#!/usr/bin/env python\n",
           b"# coding: utf-8\n# coding: latin-1\n", b"\xef\xbb\xbf# coding: latin-1\n"]
DEPTHS = [10, 50, 99, 100, 101, 199, 200, 201, 255, 256, 500, 1000, 3000, 10000, 50000]


def _lines(src):
    return src.split(b"\n")


def _tokens(src):
    return [m.span() for m in TOKEN_RE.finditer(src)]


def m_delete_lines(rng, src, corpus):
    ls = _lines(src)
    if len(ls) < 2:
        return src[:-1]
    i = rng.randrange(len(ls))
    n = rng.choice([1, 1, 1, 2, 3])
    del ls[i:i + n]
    return b"\n".join(ls)


def m_duplicate_line(rng, src, corpus):
    ls = _lines(src)
    i = rng.randrange(len(ls))
    j = rng.randrange(len(ls) + 1)
    ls.insert(j, ls[i])
    return b"\n".join(ls)


def m_swap_lines(rng, src, corpus):
    ls = _lines(src)
    if len(ls) < 2:
        return src
    i, j = rng.randrange(len(ls)), rng.randrange(len(ls))
    ls[i], ls[j] = ls[j], ls[i]
    return b"\n".join(ls)


def m_reindent(rng, src, corpus):
    ls = _lines(src)
    i = rng.randrange(len(ls))
    body = ls[i].lstrip(b" \t")
    ls[i] = rng.choice([b"", b" ", b"    ", b"        ", b"\t", b" \t", b"\t    ", b"   "]) + body
    return b"\n".join(ls)


def m_delete_token(rng, src, corpus):
    t = _tokens(src)
    if not t:
        return src
    a, b = rng.choice(t)
    return src[:a] + src[b:]


def m_duplicate_token(rng, src, corpus):
    t = _tokens(src)
    if not t:
        return src
    a, b = rng.choice(t)
    return src[:b] + b" " + src[a:b] + src[b:]


def m_swap_tokens(rng, src, corpus):
    t = _tokens(src)
    if len(t) < 2:
        return src
    (a1, b1), (a2, b2) = sorted(rng.sample(t, 2))
    if b1 > a2:
        return src
    return src[:a1] + src[a2:b2] + src[b1:a2] + src[a1:b1] + src[b2:]


def _insert_at_token(rng, src, what):
    t = _tokens(src)
    pos = rng.choice(t)[rng.randrange(2)] if t else rng.randrange(len(src) + 1)
    return src[:pos] + what + src[pos:]


def m_insert_keyword(rng, src, corpus):
    return _insert_at_token(rng, src, b" " + rng.choice(KEYWORDS) + b" ")


def m_insert_operator(rng, src, corpus):
    return _insert_at_token(rng, src, rng.choice(OPERATORS))


def m_insert_bracket(rng, src, corpus):
    return _insert_at_token(rng, src, rng.choice(BRACKETS))


def m_insert_identifier(rng, src, corpus):
    names = [m.group() for m in re.finditer(rb"[A-Za-z_]\w*", src)] or [b"x"]
    return _insert_at_token(rng, src, b" " + rng.choice(names) + b" ")


def m_replace_token(rng, src, corpus):
    t = _tokens(src)
    if not t:
        return src
    a, b = rng.choice(t)
    pool = rng.choice([KEYWORDS, OPERATORS, BRACKETS, EXTREMES])
    return src[:a] + rng.choice(pool) + src[b:]


def m_truncate(rng, src, corpus):
    if not src:
        return src
    return src[:rng.randrange(len(src))]


def m_splice(rng, src, corpus):
    other = rng.choice(corpus)[1]
    a, b = _lines(src), _lines(other)
    i, j = rng.randrange(len(a) + 1), rng.randrange(len(b) + 1)
    return b"\n".join(a[:i] + b[j:])


def m_insert_block(rng, src, corpus):
    """Insert a few lines of another program in the middle of this one."""
    other = _lines(rng.choice(corpus)[1])
    k = rng.randrange(len(other))
    chunk = other[k:k + rng.randint(1, 6)]
    a = _lines(src)
    i = rng.randrange(len(a) + 1)
    return b"\n".join(a[:i] + chunk + a[i:])


def m_extreme_literal(rng, src, corpus):
    spans = [m.span() for m in NUM_RE.finditer(src)] + [m.span() for m in STR_RE.finditer(src)]
    if not spans:
        return _insert_at_token(rng, src, rng.choice(EXTREMES))
    a, b = rng.choice(spans)
    return src[:a] + rng.choice(EXTREMES) + src[b:]


def m_deep_brackets(rng, src, corpus):
    t = _tokens(src)
    n = rng.choice(DEPTHS)
    o, c = rng.choice([(b"(", b")"), (b"[", b"]"), (b"{", b"}"), (b"(", b",)"),
                       (b"-(", b")"), (b"not (", b")"), (b"[*", b"]"), (b"(lambda: ", b")()")])
    if not t:
        return o * n + src + c * n
    a, b = rng.choice(t)
    if rng.random() < 0.3:  # unbalanced on purpose
        return src[:a] + o * n + src[a:]
    return src[:a] + o * n + src[a:b] + c * n + src[b:]


def m_deep_chain(rng, src, corpus):
    n = rng.choice(DEPTHS)
    tpl = rng.choice([b"not " * n + b"x", b"-" * n + b"1", b"~" * n + b"1",
                      b"1" + b" + 1" * n, b"x" + b".a" * n, b"f" + b"()" * n,
                      b"x" + b"[0]" * n, b"lambda: " * n + b"0", b"1 if 1 else " * n + b"0",
                      b"a = " * n + b"1", b"1" + b" ** 1" * n, b"x" + b" < x" * n,
                      b"[" + b"x for x in " * 1 + b"[" * (n // 10) + b"]" * (n // 10) + b"]",
                      b"await " * n + b"x", b"*" * n + b"x"])
    return _insert_at_token(rng, src, b"(" + tpl + b")") if rng.random() < 0.5 \
        else src + b"\n" + tpl + b"\n"


def m_raw_bytes(rng, src, corpus):
    pos = rng.randrange(len(src) + 1)
    if rng.random() < 0.3:
        junk = bytes(rng.randrange(256) for _ in range(rng.randint(1, 8)))
    else:
        junk = rng.choice(RAW_BYTES)
    return src[:pos] + junk + src[pos:]


def m_bit_flip(rng, src, corpus):
    if not src:
        return src
    b = bytearray(src)
    for _ in range(rng.randint(1, 4)):
        i = rng.randrange(len(b))
        b[i] ^= 1 << rng.randrange(8)
    return bytes(b)


def m_cookie(rng, src, corpus):
    return rng.choice(COOKIES) + src


MUTATORS = [
    (m_delete_lines, 6), (m_duplicate_line, 5), (m_swap_lines, 5), (m_reindent, 3),
    (m_delete_token, 8), (m_duplicate_token, 5), (m_swap_tokens, 5),
    (m_insert_keyword, 6), (m_insert_operator, 5), (m_insert_bracket, 5),
    (m_insert_identifier, 3), (m_replace_token, 6), (m_truncate, 3), (m_splice, 3),
    (m_insert_block, 4), (m_extreme_literal, 12), (m_deep_brackets, 3), (m_deep_chain, 3),
    (m_raw_bytes, 4), (m_bit_flip, 2), (m_cookie, 1),
]
_MUT_FUNCS = [m for m, _ in MUTATORS]
_MUT_WEIGHTS = [w for _, w in MUTATORS]


def mutate(rng, src, corpus, n=None):
    applied = []
    for _ in range(n or rng.choice([1, 1, 1, 1, 2, 2, 3])):
        m = rng.choices(_MUT_FUNCS, _MUT_WEIGHTS)[0]
        src = m(rng, src, corpus)
        applied.append(m.__name__[2:])
        if len(src) > 2_000_000:  # keep programs passable as argv / quick to write
            src = src[:2_000_000]
    return src, applied


# ============================================================================
# Random program generator (syntactically valid, mostly terminating)

BUILTIN_CALLS = ["len", "str", "repr", "int", "float", "bool", "abs", "hash", "list", "tuple",
                 "set", "sorted", "reversed", "min", "max", "sum", "any", "all", "type",
                 "bin", "hex", "oct", "chr", "ord", "round", "divmod", "pow", "isinstance",
                 "iter", "next", "enumerate", "zip", "map", "filter", "format", "ascii",
                 "bytes", "bytearray", "dict", "frozenset", "complex", "id", "callable",
                 "range", "slice", "getattr", "hasattr", "vars", "dir", "print"]
METHODS = {"str": ["upper()", "lower()", "split()", "strip()", "title()", "encode()",
                   "replace('a', 'bb')", "find('x')", "center(9, '*')", "zfill(5)",
                   "join(['1', '2'])", "format(1, 2)", "partition(',')", "isdigit()",
                   "splitlines()", "expandtabs(3)", "casefold()", "count('a')"],
           "list": ["copy()", "count(1)", "index(0)", "reverse()", "sort()", "pop()",
                    "append(1)", "extend([2, 3])", "clear()", "insert(0, 5)"],
           "dict": ["keys()", "values()", "items()", "get(1)", "copy()", "pop(1, 0)",
                    "setdefault(2, 3)", "update(a=1)", "popitem()"]}
BINOPS = ["+", "-", "*", "/", "//", "%", "&", "|", "^", "@", "<<", ">>", "**"]
CMPOPS = ["<", ">", "==", "!=", "<=", ">=", "in", "not in", "is", "is not"]
STR_LITS = ["''", "'abc'", "'x'", "\"quote'\"", "'\\n\\t'", "'\\x00'", "'é'", "'日本'",
            "'🐍'", "'\\u0301'", "'\\ud800'", "'a,b,c'", "'  pad  '", "'%s'", "'{}'",
            "'\\N{BULLET}'", "'0'", "'-12'", "'3.5'", "'ß'", "'İ'"]
INT_LITS = ["0", "1", "-1", "2", "3", "7", "10", "255", "256", "1000", "-5", "True", "False",
            "2**31", "2**63", "-2**63", "2**64 - 1", "10**20", "10**100", "0xff", "0b101",
            "1_000"]
FLOAT_LITS = ["0.0", "-0.0", "1.5", "1e300", "1e-300", "3.14", "float('inf')",
              "float('nan')", "-2.5", "1e16", "0.1"]


class Gen:
    def __init__(self, rng):
        self.rng = rng
        self.vars = ["a", "b", "c"]
        self.funcs = []
        self.n = 0

    def fresh(self, prefix="v"):
        self.n += 1
        return "%s%d" % (prefix, self.n)

    # -- expressions ---------------------------------------------------------
    def leaf(self):
        r = self.rng.random()
        if r < 0.3:
            return self.rng.choice(INT_LITS)
        if r < 0.45:
            return self.rng.choice(STR_LITS)
        if r < 0.55:
            return self.rng.choice(FLOAT_LITS)
        if r < 0.6:
            return self.rng.choice(["None", "...", "b'ab\\xff'", "b''", "1j", "()", "[]",
                                    "{}", "NotImplemented"])
        return self.rng.choice(self.vars)

    def expr(self, d=3):
        rng = self.rng
        if d <= 0 or rng.random() < 0.25:
            return self.leaf()
        k = rng.randrange(22)
        e = self.expr
        if k == 0:
            op = rng.choice(BINOPS)
            if op == "**":
                return "(%s ** %s)" % (self.leaf(), rng.choice(["0", "1", "2", "3", "5", "-1",
                                                                "0.5", "-2"]))
            if op in ("<<", ">>"):
                return "(%s %s %s)" % (e(d - 1), op, rng.choice(["0", "1", "3", "64", "100"]))
            return "(%s %s %s)" % (e(d - 1), op, e(d - 1))
        if k == 1:
            return "(%s%s)" % (rng.choice(["-", "+", "~", "not "]), e(d - 1))
        if k == 2:
            parts = [e(d - 1)]
            for _ in range(rng.randint(1, 3)):
                parts += [rng.choice(CMPOPS), e(d - 1)]
            return "(%s)" % " ".join(parts)
        if k == 3:
            return "(%s %s %s)" % (e(d - 1), rng.choice(["and", "or"]), e(d - 1))
        if k == 4:
            return "(%s if %s else %s)" % (e(d - 1), e(d - 1), e(d - 1))
        if k in (5, 6):
            f = rng.choice(BUILTIN_CALLS + self.funcs)
            args = ", ".join(e(d - 1) for _ in range(rng.randint(0, 3)))
            return "%s(%s)" % (f, args)
        if k == 7:
            kind = rng.choice(list(METHODS))
            lit = {"str": rng.choice(STR_LITS), "list": "[%s]" % self.items(d),
                   "dict": "{%s}" % self.dict_items(d)}[kind]
            return "%s.%s" % (lit, rng.choice(METHODS[kind]))
        if k == 8:
            return "(%s)[%s]" % (e(d - 1), e(d - 1))
        if k == 9:
            sl = ":".join(rng.choice(["", e(d - 2), "-1", "None"])
                          for _ in range(rng.choice([2, 3])))
            return "(%s)[%s]" % (e(d - 1), sl)
        if k == 10:
            return "(%s).%s" % (e(d - 1), rng.choice(["real", "imag", "__class__", "__doc__",
                                                    "__name__", "__len__", "numerator",
                                                    "bit_length()", "conjugate()"]))
        if k == 11:
            v = self.fresh("p")
            body = re.sub(r"\b%s\b" % re.escape(rng.choice(self.vars)), v, e(d - 1), count=1)
            return "(lambda %s: %s)(%s)" % (v, body, e(d - 1))
        if k == 12:
            v = self.fresh("i")
            return "[%s for %s in range(%d) if %s]" % (
                e(d - 1) + " if %s else %s" % (v, v), v, rng.randint(0, 6), e(d - 2))
        if k == 13:
            v = self.fresh("i")
            return "{%s: %s for %s in %s}" % (v, e(d - 1), v, rng.choice(
                ["range(4)", "'abc'", "[1, 2, 2]", "(None, 0)"]))
        if k == 14:
            v = self.fresh("i")
            return "%s(%s for %s in %s)" % (rng.choice(["sum", "list", "any", "tuple", "max"]),
                                           v, v, rng.choice(["range(5)", "[3, 1, 2]", "b'xyz'"]))
        if k == 15:
            spec = rng.choice(["", "!r", "!s", "!a", ":>10", ":^{w}", ":.3", ":x", ":,", ":08.2f",
                               "=", ":%", ":e", "!r:<{w}"])
            spec = spec.replace("{w}", "{%s}" % rng.choice(["3", "a", "-1", "0"]))
            return "f'<{ %s%s}>'" % (e(d - 1), spec)  # PEP 701 (3.12+): quotes may nest
        if k == 16:
            v = rng.choice(self.vars)
            return "(%s := %s)" % (v, e(d - 1))
        if k == 17:
            return "[%s]" % self.items(d)
        if k == 18:
            return "(%s,)" % (self.items(d) or "0")
        if k == 19:
            return "{%s}" % self.dict_items(d)
        if k == 20:
            return "{%s}" % (self.items(d) or "0")
        return "[*%s, *%s]" % (e(d - 1), rng.choice(["()", "'ab'", "range(2)", "{1: 2}"]))

    def items(self, d):
        return ", ".join(self.expr(d - 1) for _ in range(self.rng.randint(0, 3)))

    def dict_items(self, d):
        return ", ".join("%s: %s" % (self.expr(d - 1), self.expr(d - 1))
                         for _ in range(self.rng.randint(0, 3)))

    # -- statements ----------------------------------------------------------
    def block(self, ind, d, n=None):
        out = []
        for _ in range(n or self.rng.randint(1, 3)):
            out.extend(self.stmt(ind, d))
        return out

    def stmt(self, ind, d):
        rng = self.rng
        p = "    " * ind
        e = lambda: self.expr(rng.randint(1, 3))
        if d <= 0:
            k = rng.choice([0, 1, 2])
        else:
            k = rng.randrange(19)
        if k == 0:
            v = rng.choice(self.vars + [self.fresh()])
            if v not in self.vars:
                self.vars.append(v)
            return ["%s%s = %s" % (p, v, e())]
        if k == 1:
            return ["%s%s %s= %s" % (p, rng.choice(self.vars),
                                     rng.choice(["+", "-", "*", "//", "%", "|", "&", "^", "@"]),
                                     e())]
        if k == 2:
            return ["%sprint(%s)" % (p, ", ".join(e() for _ in range(rng.randint(1, 3))))]
        if k == 3:
            out = ["%sif %s:" % (p, e())] + self.block(ind + 1, d - 1)
            for _ in range(rng.randint(0, 2)):
                out += ["%selif %s:" % (p, e())] + self.block(ind + 1, d - 1)
            if rng.random() < 0.5:
                out += ["%selse:" % p] + self.block(ind + 1, d - 1)
            return out
        if k == 4:
            v = self.fresh("i")
            self.vars.append(v)
            it = rng.choice(["range(%d)" % rng.randint(0, 5), "'ab'", "[1, None, 'x']",
                             "enumerate('xy')", "zip('ab', 'cd')", "{1: 2, 3: 4}", "b'\\x00\\xff'"])
            out = ["%sfor %s in %s:" % (p, v, it)] + self.block(ind + 1, d - 1)
            if rng.random() < 0.3:
                out.append("%s    %s" % (p, rng.choice(["break", "continue", "pass"])))
            if rng.random() < 0.2:
                out += ["%selse:" % p] + self.block(ind + 1, d - 1)
            return out
        if k == 5:
            w = self.fresh("w")
            return (["%s%s = 0" % (p, w), "%swhile %s < %d:" % (p, w, rng.randint(0, 4)),
                     "%s    %s += 1" % (p, w)] + self.block(ind + 1, d - 1))
        if k == 6:
            out = ["%stry:" % p] + self.block(ind + 1, d - 1)
            if rng.random() < 0.4:
                out.append("%s    raise %s" % (p, rng.choice(
                    ["ValueError(%s)" % e(), "KeyError", "StopIteration", "Exception()",
                     "ExceptionGroup('g', [ValueError(1)])", "TypeError('t') from None"])))
            star = "*" if rng.random() < 0.15 else ""
            for exc in rng.sample(["ValueError", "KeyError", "TypeError", "(IndexError, ZeroDivisionError)",
                                   "ArithmeticError", "LookupError"], rng.randint(1, 2)):
                out += ["%sexcept%s %s as err:" % (p, star, exc)] + self.block(ind + 1, d - 1, 1)
            if not star and rng.random() < 0.5:
                out += ["%sexcept Exception:" % p, "%s    pass" % p]
            if rng.random() < 0.3:
                out += ["%selse:" % p] + self.block(ind + 1, d - 1, 1)
            if rng.random() < 0.4:
                out += ["%sfinally:" % p] + self.block(ind + 1, d - 1, 1)
            return out
        if k == 7:
            f = self.fresh("f")
            params = rng.choice(["", "x", "x, y=2", "*args", "x, /, y, *, z=3", "**kw",
                                 "x=[], *a, **k"])
            body = self.block(ind + 1, d - 1)
            body.append("%s    return %s" % (p, e()))
            out = ["%sdef %s(%s):" % (p, f, params)] + body
            self.funcs.append(f)
            args = {"": "", "x": "1", "x, y=2": "1", "*args": "1, 2", "x, /, y, *, z=3": "1, 2",
                    "**kw": "q=1", "x=[], *a, **k": ""}[params]
            out.append("%sprint(%s(%s))" % (p, f, args))
            return out
        if k == 8:
            g = self.fresh("gen")
            out = ["%sdef %s():" % (p, g)]
            for _ in range(rng.randint(1, 3)):
                out.append("%s    %s" % (p, rng.choice(["yield %s" % e(), "yield from %s" % rng.choice(
                    ["range(3)", "'ab'", "[]"]), "x = yield", "return %s" % e()])))
            out.append("%sprint(list(%s()))" % (p, g))
            return out
        if k == 9:
            cname = self.fresh("C")
            base = rng.choice(["", "(object)", "(Exception)", "(int)", "(list)", "(dict)", "(str)"])
            out = ["%sclass %s%s:" % (p, cname, base), "%s    attr = %s" % (p, e())]
            for meth in rng.sample(["__init__", "__repr__", "__eq__", "__hash__", "__len__",
                                    "__iter__", "__getitem__", "__add__", "__bool__", "method"],
                                   rng.randint(1, 3)):
                sig = {"__init__": "self, *a", "__eq__": "self, o", "__getitem__": "self, i",
                       "__add__": "self, o"}.get(meth, "self")
                ret = {"__init__": "None", "__repr__": "'<%s>'" % cname, "__hash__": "7",
                       "__len__": "2", "__iter__": "iter([1, 2])", "__bool__": "False"}.get(meth, e())
                out += ["%s    def %s(%s):" % (p, meth, sig), "%s        return %s" % (p, ret)]
            v = self.fresh("obj")
            self.vars.append(v)
            out.append("%s%s = %s()" % (p, v, cname))
            out.append("%sprint(%s)" % (p, rng.choice(["%s" % v, "repr(%s)" % v, "len(%s)" % v,
                                                       "%s == %s" % (v, v), "list(%s)" % v,
                                                       "%s.attr" % v, "%s + %s" % (v, v)])))
            return out
        if k == 10:
            out = ["%smatch %s:" % (p, e())]
            pats = ["0", "'abc'", "None", "[x, *rest]", "(1, _)", "{'k': v}", "int(n) if n > 1",
                    "str() | bytes()", "[]", "{**kw}", "float(f)", "1 | 2 | 3", "-1", "1.5",
                    "object(real=r)", "[[a1], (b1, c1)]", "True"]
            for pat in rng.sample(pats, rng.randint(1, 4)):
                out += ["%s    case %s:" % (p, pat)] + self.block(ind + 2, d - 1, 1)
            out += ["%s    case _:" % p, "%s        pass" % p]
            return out
        if k == 11:
            return ["%swith %s as %s:" % (p, rng.choice(["open(__file__) if False else __import__('contextlib').nullcontext(%s)" % e(),
                                                          "__import__('contextlib').suppress(Exception)"]),
                                           rng.choice(self.vars))] + self.block(ind + 1, d - 1)
        if k == 12:
            return ["%sdel %s" % (p, rng.choice(self.vars + ["%s[0]" % rng.choice(self.vars)]))]
        if k == 13:
            return ["%sassert %s, %s" % (p, e(), e())]
        if k == 14:
            return ["%simport %s" % (p, rng.choice(["math", "itertools", "collections", "functools",
                                                     "operator", "string", "re", "json", "sys",
                                                     "math as m", "os.path"])),
                    "%sprint(%s)" % (p, e())]
        if k == 15:
            v = rng.choice(self.vars)
            return ["%s%s, *%s = %s" % (p, v, self.fresh(), rng.choice(["[1, 2, 3]", "'abc'", "range(4)", e()]))]
        if k == 16:
            return ["%sraise %s" % (p, rng.choice(["ValueError(%s)" % e(), "RuntimeError",
                                                   "SystemExit(0)" if False else "KeyError(1)"]))]
        if k == 17:
            f = self.fresh("r")
            return ["%sdef %s(n):" % (p, f),
                    "%s    return n if n <= 0 else %s(n - 1) + %s" % (p, f, rng.choice(["1", "n", "[n]", "'s'"])),
                    "%sprint(%s(%d))" % (p, f, rng.choice([0, 5, 50, 500, 5000]))]
        return ["%s%s = %s" % (p, rng.choice(self.vars), e())]

    def program(self):
        rng = self.rng
        lines = ["a, b, c = %s, %s, %s" % (self.leaf(), self.leaf(), self.leaf())]
        for _ in range(rng.randint(3, 12)):
            body = self.stmt(0, rng.randint(1, 3))
            if rng.random() < 0.8:  # keep going after the (many) expected exceptions
                lines.append("try:")
                lines.extend("    " + s for s in body)
                lines.append("except Exception as _e:")
                lines.append("    print(type(_e).__name__)")
            else:
                lines.extend(body)
        return ("\n".join(lines) + "\n").encode("utf-8", "surrogatepass")


# ============================================================================
# Pathological programs: deep nesting, giant literals, deep data structures

def pathological(rng):
    n = rng.choice(DEPTHS)
    k = rng.randrange(24)
    if k == 0:
        return b"x = " + b"(" * n + b"1" + b")" * n + b"\nprint(x)\n"
    if k == 1:
        return b"x = " + b"[" * n + b"]" * n + b"\nprint(len(x))\n"
    if k == 2:
        return b"x = 1\nprint(" + b"not " * n + b"x)\n"
    if k == 3:
        return b"print(" + b"-" * n + b"1)\n"
    if k == 4:
        return b"print(1" + b" + 1" * n + b")\n"
    if k == 5:
        return b"class A: pass\na = A(); a.a = a\nprint(a" + b".a" * n + b" is a)\n"
    if k == 6:
        return b"f = lambda: f\nprint(f" + b"()" * n + b" is f)\n"
    if k == 7:
        m = min(n, 3000)
        return b"".join(b"    " * i + b"if True:\n" for i in range(m)) + b"    " * m + b"print('deep')\n"
    if k == 8:
        m = min(n, 1000)
        return (b"".join(b"    " * i + b"def f%d():\n" % i for i in range(m)) + b"    " * m
                + b"return 1\n" + b"print('defined')\n")
    if k == 9:
        return b"print(" + b"lambda: " * n + b"0)\n"
    if k == 10:
        m = min(n, 200)
        s = b"1"
        for i in range(m):
            q = b"'\"" [i % 2:i % 2 + 1]
            s = b"f" + q + b"{" + s + b"}" + q
        return b"print(" + s + b")\n"
    if k == 11:
        return b"l = []\nfor _ in range(%d):\n    l = [l]\nprint(len(l))\ndel l\nprint('freed')\n" % (n * 20)
    if k == 12:
        return b"t = ()\nfor _ in range(%d):\n    t = (t,)\ntry:\n    print(hash(t) is not None)\nexcept RecursionError:\n    print('rec')\n" % n
    if k == 13:
        return (b"d = {}\nfor _ in range(%d):\n    d = {'k': d}\ntry:\n    print(len(repr(d)))\n"
                b"except RecursionError:\n    print('rec')\n" % n)
    if k == 14:
        return (b"a = []\nb = []\nfor _ in range(%d):\n    a = [a]\n    b = [b]\ntry:\n    print(a == b)\n"
                b"except RecursionError:\n    print('rec')\n" % n)
    if k == 15:
        return b"l = [1]\nl.append(l)\nd = {}\nd[1] = d\nprint(l, d, l == l, str(l)[:20])\ns = [0]\ns.sort(key=lambda v: s.append(1) or v)\nprint(len(s))\n"
    if k == 16:
        return b"x = " + b"9" * rng.choice([4300, 4301, 5000, 100000]) + b"\nprint(x % 7)\n"
    if k == 17:
        return b"s = '" + b"a" * (n * 100) + b"'\nprint(len(s))\n" + b"y = " + b"1," * n + b"\nprint(len(y))\n"
    if k == 18:
        return b"x = 1\n" * min(n * 10, 100000) + b"print(x)\n"
    if k == 19:
        return (b"import sys\nsys.setrecursionlimit(%d)\ndef r(n):\n    return 0 if n == 0 else 1 + r(n - 1)\n"
                b"try:\n    print(r(%d))\nexcept RecursionError:\n    print('rec')\n" % (n + 100, n))
    if k == 20:
        return (b"class R:\n    def __repr__(self):\n        return repr(self)\ntry:\n    repr(R())\n"
                b"except RecursionError:\n    print('rec')\n"
                b"class G:\n    def __getattr__(self, n):\n        return getattr(self, n)\ntry:\n"
                b"    G().x\nexcept RecursionError:\n    print('rec2')\n")
    if k == 21:
        return b"x = [" + b"[x for x in " * min(n, 300) + b"[1]" + b"]" * min(n, 300) + b"]\nprint(x)\n"
    if k == 22:
        return (b"d = {i: i for i in range(100)}\ntry:\n    for k in d:\n        d[k + 1000] = 1\n"
                b"except RuntimeError as e:\n    print(e)\nl = list(range(10))\nfor x in l:\n"
                b"    if len(l) < 50:\n        l.append(x)\nprint(len(l))\n"
                b"s = set(range(5))\ntry:\n    for v in s:\n        s.discard(v)\nexcept RuntimeError:\n    print('set')\n")
    return rng.choice([b"(" * n, b"[" * n + b"\n", b"'''" + b"x" * n, b"\"abc", b"x = \\",
                       b"def f(:\n", b"if 1:\nprint(1)\n", b"\tif 1:\n        pass\n",
                       b"f'{'", b"f'{x!z}'", b"0_", b"1__0", b"0x", b"1e", b"09", b"'\\N{NOPE}'",
                       b"b'\xc3\xa9'", b"'\\x'", b"lambda: (yield)", b"return 1", b"break",
                       b"nonlocal x", b"def f():\n    global x\n    x = 1\n    nonlocal y\n",
                       b"class C:\n    return 1\n", b"async def f():\n    yield from x\n",
                       b"x: int = 1 = 2", b"del f()", b"a + 1 = 2", b"print(*)",
                       b"match x:\n    case {**a, **b}:\n        pass\n",
                       b"try:\n    pass\nexcept* :\n    pass\n", b"@\ndef f(): pass\n"])


# ============================================================================
# Building the run list

def make_programs(seed, count, corpus, include_seeds=True):
    progs = []
    generated = 0
    for i in range(count):
        rng = random.Random("%s:%d" % (seed, i))
        if include_seeds and i < len(corpus):
            name, src = corpus[i]
            progs.append((i, "seed:" + name, src))
            continue
        r = rng.random()
        if r < 0.45:
            name, src = rng.choice(corpus)
            src, ms = mutate(rng, src, corpus)
            desc = "mut:%s:%s" % (name, "+".join(ms))
        elif r < 0.55:
            (n1, s1), (n2, s2) = rng.choice(corpus), rng.choice(corpus)
            src = m_splice(rng, s1, [(n2, s2)])
            desc = "splice:%s+%s" % (n1, n2)
            if rng.random() < 0.5:
                src, ms = mutate(rng, src, corpus, 1)
                desc += ":" + "+".join(ms)
        elif r < 0.8:
            src = Gen(rng).program()
            desc = "gen"
        elif r < 0.9:
            src = Gen(rng).program()
            src, ms = mutate(rng, src, corpus)
            desc = "gen:" + "+".join(ms)
        else:
            src = pathological(rng)
            desc = "patho"
            if rng.random() < 0.3:
                src, ms = mutate(rng, src, corpus, 1)
                desc += ":" + "+".join(ms)
        generated += 1
        progs.append((i, desc, src))
    return progs


# ============================================================================
# Running

class Runner:
    def __init__(self, spindle_argv, ref_argv, timeout, mem_mb, workdir):
        self.spindle = spindle_argv
        self.ref = ref_argv
        self.timeout = timeout
        self.mem_mb = mem_mb
        self.workdir = workdir
        self.env = dict(os.environ, PYTHONDONTWRITEBYTECODE="1", PYTHONHASHSEED="0")
        self.env.pop("PYTHONSTARTUP", None)

    def wrap(self, argv):
        if self.mem_mb:
            return ["/bin/sh", "-c", 'ulimit -v %d 2>/dev/null; exec "$@"' % (self.mem_mb * 1024),
                    "sh"] + argv
        return argv

    def execute(self, interp, src, mode, tag):
        """Returns (kind, rc, stderr_bytes, argv_for_report, mode_used).
        kind: None (fine), 'panic', 'abort', 'hang'."""
        d = os.path.join(self.workdir, tag)
        os.makedirs(d, exist_ok=True)
        path = os.path.join(d, "prog.py")
        with open(path, "wb") as fh:
            fh.write(src)
        if mode == "c" and (b"\x00" in src or len(src) > 100000):
            mode = "file"  # argv cannot carry NUL bytes; one argument is at most 128 KiB
        stdin_data = None
        if mode == "file":
            argv = interp + [path]
        elif mode == "c":
            argv = interp + ["-c", src]
        else:
            argv = list(interp)
            stdin_data = path
        errpath = os.path.join(d, "stderr")
        with open(errpath, "wb") as err, \
                (open(stdin_data, "rb") if stdin_data else open(os.devnull, "rb")) as inp:
            try:
                p = subprocess.Popen(self.wrap(argv), stdin=inp, stdout=subprocess.DEVNULL,
                                     stderr=err, cwd=d, env=self.env, start_new_session=True)
            except OSError as e:
                return "startfail", None, str(e).encode(), argv, mode
            try:
                rc = p.wait(timeout=self.timeout)
            except subprocess.TimeoutExpired:
                rc = None
            try:  # kill the group: the process itself on a hang, stray children otherwise
                os.killpg(p.pid, signal.SIGKILL)
            except OSError:
                pass
            if rc is None:
                p.wait()
        stderr = read_capped(errpath)
        if rc is None:
            kind = "hang"
        elif b"panicked at" in stderr or rc == 101:
            kind = "panic"
        elif rc < 0 and -rc in ABORT_SIGNALS | {signal.SIGKILL}:
            kind = "abort"
        elif rc > 128 and rc - 128 in ABORT_SIGNALS:
            kind = "abort"
        else:
            kind = None
        return kind, rc, stderr, argv, mode


def read_capped(path, cap=8 << 20):
    size = os.path.getsize(path)
    with open(path, "rb") as fh:
        if size <= 2 * cap:
            return fh.read()
        head = fh.read(cap)
        fh.seek(size - cap)
        return head + b"\n[...]\n" + fh.read()


def describe_rc(rc):
    if rc is None:
        return "timeout"
    if rc < 0:
        try:
            return "signal %s" % signal.Signals(-rc).name
        except ValueError:
            return "signal %d" % -rc
    return "exit %d" % rc


def short(argv, limit=200):
    s = " ".join(shlex.quote(a.decode("utf-8", "replace") if isinstance(a, bytes) else a)
                 for a in argv)
    return s if len(s) <= limit else s[:limit] + "...[%d chars]" % len(s)


def check_one(runner, prog, mode, use_ref):
    idx, desc, src = prog
    tag = "w%d-%d-%s" % (threading.get_ident() % 100000, idx, mode)
    kind, rc, stderr, argv, used_mode = runner.execute(runner.spindle, src, mode, tag)
    ref_note = None
    if kind in ("abort", "hang") or (kind == "panic" and b"panicked at" not in stderr):
        if use_ref and runner.ref:
            rkind, rrc, _rerr, _a, _m = runner.execute(runner.ref, src, "file", tag + "-ref")
            same = (rkind == kind) if kind != "panic" else (rrc == 101)
            if same:
                ref_note = "also in reference (%s)" % describe_rc(rrc)
    shutil.rmtree(os.path.join(runner.workdir, tag), ignore_errors=True)
    shutil.rmtree(os.path.join(runner.workdir, tag + "-ref"), ignore_errors=True)
    return idx, desc, src, kind, rc, stderr, argv, used_mode, ref_note


def minimize(runner, src, mode, kind, budget=300, seconds=60.0):
    """Greedy line-then-chunk deletion keeping the same failure kind
    (at most `budget` runs and about `seconds` of wall time)."""
    tries = [0]
    deadline = time.time() + seconds

    def still_fails(s):
        if tries[0] >= budget or time.time() > deadline:
            tries[0] = budget
            return False
        tries[0] += 1
        k = runner.execute(runner.spindle, s, mode, "min-%d" % threading.get_ident())[0]
        return k == kind

    lines = src.split(b"\n")
    n = max(1, len(lines) // 2)
    while n >= 1 and tries[0] < budget:
        i = 0
        changed = False
        while i < len(lines) and tries[0] < budget:
            cand = lines[:i] + lines[i + n:]
            if cand and still_fails(b"\n".join(cand)):
                lines = cand
                changed = True
            else:
                i += n
        if not changed:
            n //= 2
    out = b"\n".join(lines)
    n = max(1, len(out) // 4)
    while n >= 1 and tries[0] < budget:
        i = 0
        while i < len(out) and tries[0] < budget:
            cand = out[:i] + out[i + n:]
            if cand and still_fails(cand):
                out = cand
            else:
                i += n
        n //= 2
    return out


# ============================================================================

FAKE_SPINDLE = r'''#!%(python)s
# Fake spindle for fuzz/run.py --self-test: behaves like python3, but "panics"
# (exit 101 + Rust-style message) when the program contains the token %(token)r.
import os, subprocess, sys
args = sys.argv[1:]
if args[:1] == ["-c"]:
    src = args[1].encode("utf-8", "surrogateescape")
elif args:
    src = open(args[0], "rb").read()
else:
    src = sys.stdin.buffer.read()
if %(token)r.encode() in src:
    sys.stderr.write("thread 'main' panicked at crates/fake/src/lib.rs:1:1:\nplanted bug\n")
    sys.exit(101)
if b"__fuzz_segv__" in src:
    os.kill(os.getpid(), 11)
r = subprocess.run([%(python)r] + args, input=src if not args else None)
sys.exit(r.returncode)
'''


def self_test(args):
    tmp = tempfile.mkdtemp(prefix="spindle-fuzz-selftest-")
    fake = os.path.join(tmp, "fake-spindle")
    with open(fake, "w") as fh:
        fh.write(FAKE_SPINDLE % {"python": sys.executable, "token": "lambda"})
    os.chmod(fake, 0o755)
    cmd = [sys.executable, os.path.abspath(__file__), "--spindle", fake, "--count",
           str(args.count if args.count_given else 150), "--seed", str(args.seed), "--jobs",
           str(args.jobs), "--mode", "rotate", "--out", os.path.join(tmp, "out")]
    print("self-test: planting a panic on the token 'lambda' in %s" % fake, flush=True)
    print("self-test: %s" % short(cmd, 400), flush=True)
    p = subprocess.run(cmd, capture_output=True, text=True)
    last = p.stdout.strip().splitlines()[-1:] or [""]
    m = re.search(r"(\d+) programs, (\d+) panics", last[0])
    print("\n".join(p.stdout.strip().splitlines()[-6:]))
    ok = p.returncode == 1 and m and int(m.group(2)) > 0
    print("self-test %s: fuzzer exit %d, %s panics detected"
          % ("PASSED" if ok else "FAILED", p.returncode, m.group(2) if m else "?"))
    return 0 if ok else 1


def main(argv=None):
    ap = argparse.ArgumentParser(description="Crash finder for the spindle binary "
                                             "(see fuzz/README.md).")
    ap.add_argument("--spindle", default=os.path.join(ROOT, "target", "release", "spindle"),
                    help="spindle binary or command string (default: target/release/spindle)")
    ap.add_argument("--ref", default="python3",
                    help="reference interpreter used to excuse hangs/aborts that CPython "
                         "shows too (command string; '' to disable). Default: python3")
    ap.add_argument("--count", type=int, default=None, help="programs to run (default 1000)")
    ap.add_argument("--seed", default="1", help="random seed (default 1); same seed, same programs")
    ap.add_argument("--jobs", type=int, default=2, help="parallel runs (default 2)")
    ap.add_argument("--timeout", type=float, default=5.0, help="seconds before a run is a hang (default 5)")
    ap.add_argument("--mode", choices=["file", "c", "stdin", "rotate", "all"], default="rotate",
                    help="how programs reach spindle: a file argument, -c CODE, stdin; "
                         "'rotate' cycles the three by program (default), 'all' runs each "
                         "program all three ways")
    ap.add_argument("--mem-limit-mb", type=int, default=3072,
                    help="address-space limit per run (ulimit -v), 0 for none (default 3072)")
    ap.add_argument("--out", default=None, help="directory for failing inputs (default: new temp dir)")
    ap.add_argument("--corpus", default=CORPUS, help="seed corpus directory (default fuzz/corpus)")
    ap.add_argument("--no-seeds", action="store_true", help="do not run the seeds unmutated first")
    ap.add_argument("--minimize", action="store_true", help="shrink each failing input (slow)")
    ap.add_argument("--minimize-seconds", type=float, default=60.0,
                    help="time allowed to shrink one input (default 60)")
    ap.add_argument("--max-failures", type=int, default=0, help="stop after this many failures (0: never)")
    ap.add_argument("--dump", metavar="DIR", help="write every generated program to DIR and exit")
    ap.add_argument("--self-test", action="store_true",
                    help="run the fuzzer against a fake spindle that panics on a token; "
                         "passes when the panics are found")
    ap.add_argument("-q", "--quiet", action="store_true", help="no progress lines")
    a = ap.parse_args(argv)
    a.count_given = a.count is not None
    if a.count is None:
        a.count = 1000
    if a.count < 1 or a.jobs < 1 or a.timeout <= 0:
        ap.error("--count, --jobs and --timeout must be positive")
    if a.self_test:
        return self_test(a)

    corpus = load_corpus(a.corpus)
    if not corpus:
        ap.error("empty corpus")
    progs = make_programs(a.seed, a.count, corpus, include_seeds=not a.no_seeds)
    if a.dump:
        os.makedirs(a.dump, exist_ok=True)
        for idx, desc, src in progs:
            with open(os.path.join(a.dump, "%05d.py" % idx), "wb") as fh:
                fh.write(src)
        print("wrote %d programs to %s" % (len(progs), a.dump))
        return 0

    sp = shlex.split(a.spindle)
    if os.sep in sp[0] and not os.path.isabs(sp[0]) and not os.path.exists(sp[0]):
        cand = os.path.join(ROOT, sp[0])
        if os.path.exists(cand):
            sp[0] = cand
    if os.sep in sp[0]:
        sp[0] = os.path.abspath(sp[0])
    if not (shutil.which(sp[0]) or os.path.isfile(sp[0])):
        print("error: spindle not found: %s (build it with `cargo build --release` or pass --spindle)"
              % sp[0], file=sys.stderr)
        return 2
    ref = shlex.split(a.ref) if a.ref else None
    out_dir = a.out or tempfile.mkdtemp(prefix="spindle-fuzz-")
    os.makedirs(out_dir, exist_ok=True)
    work = tempfile.mkdtemp(prefix="spindle-fuzz-work-")
    runner = Runner(sp, ref, a.timeout, a.mem_limit_mb, work)

    # Sanity: spindle must start under the memory limit, or the limit goes.
    if a.mem_limit_mb:
        k, rc, err, _, _ = runner.execute(sp, b"pass\n", "file", "sanity")
        if k or rc != 0:
            runner.mem_mb = 0
            k2, rc2, _, _, _ = runner.execute(sp, b"pass\n", "file", "sanity")
            print("warning: spindle fails `pass` under a %d MB address-space limit (%s); "
                  "running without the limit%s" % (a.mem_limit_mb, describe_rc(rc),
                                                   "" if rc2 == 0 else
                                                   " (it fails without it too: %s)" % describe_rc(rc2)),
                  file=sys.stderr)

    if a.mode == "all":
        jobs = [(p, m) for p in progs for m in MODES]
    elif a.mode == "rotate":
        jobs = [(p, MODES[p[0] % 3]) for p in progs]
    else:
        jobs = [(p, a.mode) for p in progs]

    print("fuzz: %d programs (%d runs, mode %s), seed %s, %d jobs, timeout %gs, spindle: %s"
          % (len(progs), len(jobs), a.mode, a.seed, a.jobs, a.timeout, short(sp)), flush=True)
    print("fuzz: failing inputs go to %s" % out_dir, flush=True)

    counts = {"panic": 0, "abort": 0, "hang": 0, "startfail": 0}
    excused = []
    failed_programs = set()
    done = 0
    t0 = time.time()
    stop = threading.Event()
    lock = threading.Lock()

    def work_item(job):
        if stop.is_set():
            return None
        return check_one(runner, job[0], job[1], bool(ref))

    with concurrent.futures.ThreadPoolExecutor(max_workers=a.jobs) as ex:
        futs = [ex.submit(work_item, j) for j in jobs]
        for fut in concurrent.futures.as_completed(futs):
            res = fut.result()
            if res is None:
                continue
            idx, desc, src, kind, rc, stderr, argv, mode, ref_note = res
            done += 1
            if kind and ref_note:
                excused.append((idx, kind, mode, ref_note))
            elif kind:
                with lock:
                    counts[kind] += 1
                    failed_programs.add(idx)
                    n_fail = sum(counts.values())
                base = os.path.join(out_dir, "%s-%05d-%s" % (kind, idx, mode))
                with open(base + ".py", "wb") as fh:
                    fh.write(src)
                tail = stderr[-2000:].decode("utf-8", "replace")
                panic_line = ""
                m = re.search(rb"panicked at[^\n]*\n?[^\n]*", stderr)
                if m:
                    panic_line = m.group().decode("utf-8", "replace").replace("\n", " | ")
                repro = {"file": short(sp + [base + ".py"], 10 ** 6),
                         "c": short(sp, 10 ** 6) + ' -c "$(cat %s)"' % shlex.quote(base + ".py"),
                         "stdin": short(sp, 10 ** 6) + " < " + shlex.quote(base + ".py")}[mode]
                with open(base + ".txt", "w") as fh:
                    fh.write("kind: %s\nprogram: #%d %s\nmode: %s\nresult: %s\nreproduce: %s\n"
                             "command: %s\n\nstderr (tail):\n%s\n"
                             % (kind, idx, desc, mode, describe_rc(rc), repro, short(argv, 2000), tail))
                print("%s #%d [%s, %s] %s -> %s%s" % (
                    kind.upper(), idx, mode, desc[:60], describe_rc(rc), base + ".py",
                    ("\n    " + panic_line[:300]) if panic_line else
                    ("\n    " + tail.strip().splitlines()[-1][:300] if tail.strip() else "")),
                    flush=True)
                if a.minimize and kind != "startfail":
                    small = minimize(runner, src, mode, kind, seconds=a.minimize_seconds)
                    with open(base + ".min.py", "wb") as fh:
                        fh.write(small)
                    print("    minimized to %d bytes: %s" % (len(small), base + ".min.py"), flush=True)
                if a.max_failures and n_fail >= a.max_failures:
                    stop.set()
            if not a.quiet and done % 100 == 0:
                print("... %d/%d runs, %d failures, %.0fs" % (done, len(jobs), sum(counts.values()),
                                                              time.time() - t0), flush=True)
    shutil.rmtree(work, ignore_errors=True)

    for idx, kind, mode, note in excused[:20]:
        print("note: #%d %s via %s not counted: %s" % (idx, kind, mode, note))
    if len(excused) > 20:
        print("note: ... and %d more not counted (the reference does the same)" % (len(excused) - 20))
    elapsed = time.time() - t0
    print("fuzz: %d runs in %.1fs; %d hangs/aborts also shown by the reference were not counted; %s"
          % (done, elapsed, len(excused), ("failing inputs in %s" % out_dir) if any(counts.values())
                                           else "no failing inputs"))
    if counts["startfail"]:
        print("fuzz: spindle could not be started %d times" % counts["startfail"])
    if not any(counts.values()) and not a.out:
        try:
            os.rmdir(out_dir)
        except OSError:
            pass
    print("%d programs, %d panics, %d aborts, %d hangs"
          % (len(progs), counts["panic"], counts["abort"], counts["hang"]))
    return 1 if any(counts.values()) else 0


if __name__ == "__main__":
    sys.exit(main())
