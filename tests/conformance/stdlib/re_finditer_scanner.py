# Pins: re-based tokenizer with finditer and named alternation, Match objects (span/start/end/regs), iterator laziness, pos/endpos slicing, bytes patterns, caching independence, Pattern reprs.
import re
TOKEN = re.compile(r"""
    (?P<NUMBER>\d+(?:\.\d+)?)
  | (?P<NAME>[A-Za-z_]\w*)
  | (?P<OP>[-+*/=()])
  | (?P<WS>\s+)
  | (?P<BAD>.)
""", re.X)
def tokenize(src):
    out = []
    for m in TOKEN.finditer(src):
        kind = m.lastgroup
        if kind == "WS":
            continue
        out.append((kind, m.group(), m.start()))
    return out
print(tokenize("x = 3.14 * (y + 42)"))
print(tokenize("a $ b"))
it = re.finditer(r"\w+", "alpha beta gamma")
print(type(it).__name__, next(it).group(), [m.span() for m in it])
m = re.search(r"(b+)(c*)", "aabbbcd")
print(m.span(), m.span(1), m.span(2), m.start(), m.end(1), m.regs, m[0], m[1], m[2], len(m.groups()))
m2 = re.search(r"(x)?y", "y")
print(m2.group(1), m2.span(1), m2.start(1), m2.groups())
print(re.compile(r"o").findall("foo boo", 2, 6), [m.start() for m in re.compile("o").finditer("foo boo", 3)])
print(re.findall(rb"\d+", b"a12b345"), re.sub(rb"[aeiou]", b"*", b"education"), re.match(rb"(?i)ABC", b"abc").group())
try:
    re.findall(rb"\d", "str")
except TypeError as e:
    print("TypeError", e)
try:
    re.findall(r"\d", b"bytes")
except TypeError as e:
    print("TypeError", e)
print(repr(re.compile(r"a+b", re.I)), repr(re.compile(rb"x")), repr(re.match(r"ab", "abc")))
print(re.compile("ab") == re.compile("ab"), hash(re.compile("ab")) == hash(re.compile("ab")), re.compile("ab") is re.compile("ab") or True)
lines = "ERROR 12:00 disk full\nINFO 12:01 ok\nERROR 12:05 cpu hot\n"
for m in re.finditer(r"^(?P<lvl>ERROR) (?P<t>[\d:]+) (?P<msg>.*)$", lines, re.M):
    print(m["t"], m["msg"], m.span())
print(list(re.finditer(r"x*", "ab"))[0].span(), [m.span() for m in re.finditer(r"x*", "axb")])
sc = re.Scanner([(r"\d+", lambda s, t: ("INT", int(t))), (r"[a-z]+", lambda s, t: ("ID", t)), (r"\s+", None)])
print(sc.scan("abc 12 de 3 !"))
print([m.group(0) for m in re.finditer(r"(?<=,)[^,]*", "a,b,,c")])
print(re.compile(r"(\d)(\d)").sub(lambda m: m.group(2) + m.group(1), "1234 56"), re.match(r"(?P<a>x)", "x").re.groupindex)
data = "k1=v1&k2=&k3=v%203"
print(dict(re.findall(r"([^&=]+)=([^&]*)", data)))
m3 = re.match(r"(?P<h>\d+):(?P<m>\d+)", "09:45")
print(m3.groupdict(), int(m3["h"]) * 60 + int(m3["m"]), bool(m3), m3.__class__.__name__)
