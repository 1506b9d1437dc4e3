# Pins: re: match/search/fullmatch, groups and named groups, findall/finditer/split/sub/subn with callables, flags, lookarounds, backrefs, escape and errors.
import re
m = re.match(r"(\w+)@(\w+)\.com", "alice@example.com and more")
print(m.group(), m.group(1, 2), m.groups(), m.span(), m.start(2), m.end(), m.string[:5], m.re.pattern, m.pos, m.lastindex)
print(re.search(r"\d+", "abc 123 def 45").group(), re.fullmatch(r"\d+", "123x"), re.match("b", "abc"), bool(re.search("b", "abc")))
n = re.search(r"(?P<year>\d{4})-(?P<month>\d\d)", "date: 2024-07-01")
print(n["year"], n.group("month"), n.groupdict(), n.lastgroup, n.span("month"))
print(re.findall(r"\d+", "a1b22c333"), re.findall(r"(\w)(\d)", "a1 b2 c"), re.findall(r"(x)?y", "y xy"))
print([m.span() for m in re.finditer(r"o", "foo boo")], re.split(r"[,;]\s*", "a, b;c,  d"), re.split(r"(,)", "a,b"), re.split(r"x*", "abc"))
print(re.sub(r"\d", "#", "a1b2"), re.sub(r"(\w+) (\w+)", r"\2 \1", "hello world"), re.sub(r"(?P<w>\w+)", r"<\g<w>>", "a b"), re.subn("a", "A", "banana"))
print(re.sub(r"\d+", lambda m: str(int(m.group()) * 2), "x10 y7"), re.sub("a", "b", "aaa", count=2), re.sub("", "-", "ab"))
print(re.findall(r"^\w", "ab\ncd", re.M), re.findall(r"a.c", "a\nc", re.S), re.findall("abc", "ABC", re.I), re.findall(r"""a \d  # comment""", "a1", re.X))
print(re.findall(r"(?i)hello", "HeLLo"), re.findall(r"\bcat\b", "cat concat cat."), re.findall(r"(?<=\$)\d+", "$10 and $20"), re.findall(r"\w+(?=!)", "hi! yo"))
print(re.findall(r"(\w)\1", "aabbcd"), re.match(r"(?P<q>['\"]).*?(?P=q)", "'quoted' rest").group(), re.findall(r"a{2,3}", "aaaaaaa"), re.findall(r"a+?", "aaa"))
print(re.escape("a.b*c?(d)"), re.findall(r"[^aeiou\s]+", "hello world"), re.findall(r"\s+", "a \t\nb"), re.findall(r"[\u00e9-\u00ff]", "café ÿ"))
p = re.compile(r"(\d+)-(\d+)")
print(p.pattern, p.groups, p.flags & re.UNICODE != 0, p.match("1-2").groups(), p.sub(r"\2-\1", "3-4 5-6"), p.groupindex)
print(re.match(r"(a)|(b)", "b").groups(), re.match(r"(a)|(b)", "b").groups(default="-"), re.match(r"(a)(b)?", "a").group(2))
for bad in [r"(", r"[a-", r"a**", r"(?P<1>x)", r"\k"]:
    try:
        re.compile(bad)
    except re.error as e:
        print("re.error:", e.msg, e.pos)
print(re.findall(rb"\d", b"a1b2"), re.sub(rb"x", b"y", b"xax"))
try:
    re.findall(r"\d", b"1")
except TypeError as e:
    print("TypeError:", e)
print(re.match(r"\d", "٣") is not None, re.match(r"\d", "٣", re.ASCII), re.findall(r"\w+", "naïve café"))
m2 = re.search("(b)(c)?", "abd")
print(m2.expand(r"[\1]"), m2.regs, repr(m2)[:40])
print(re.fullmatch(r"[a-z]+\d*", "abc123").group(), re.search(r"$", "abc").span(), re.findall(r"(?:ab)+", "ababab ab"))
print(re.sub(r"(?m)^", "> ", "line1\nline2"), re.split(r"\b", "hi there", maxsplit=2))
print(re.purge(), len(re.findall(r"[A-Z]", "Hello World ABC")), re.search(r"(?s:.)+", "a\nb").group())
