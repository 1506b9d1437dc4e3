# Pins: re flags (IGNORECASE, MULTILINE, DOTALL, VERBOSE, ASCII, inline and scoped (?i:...)), re.split with groups/maxsplit, fullmatch vs match vs search, anchors, lookarounds, lazy quantifiers.
import re
print(re.findall(r"^\w+", "one two\nthree four"), re.findall(r"^\w+", "one two\nthree four", re.M), re.findall(r"\w+$", "a b\nc d", re.M))
print(re.search(r"a.b", "a\nb"), re.search(r"a.b", "a\nb", re.S).group() == "a\nb", re.search(r"(?s)a.b", "a\nb") is not None)
print(re.findall(r"[a-z]+", "Hello World", re.I), re.findall(r"(?i:h)ello", "Hello hello HELLO"), re.match(r"(?i)straße", "STRASSE"))
print(re.findall(r"\w+", "naïve café", re.A), re.findall(r"\w+", "naïve café"), re.findall(r"\d", "١٢3"), re.findall(r"\d", "١٢3", re.ASCII))
phone = re.compile(r"""
    (\d{3})   # area
    [-.\s]?
    (\d{4})   # number
""", re.VERBOSE)
print(phone.findall("555-1234 and 666 9876 and 7770000"))
print(re.split(r"\W+", "Words, words, words."), re.split(r"(\W+)", "Words, words."), re.split(r"\W+", "a, b, c, d", maxsplit=2))
print(re.split(r"x*", "axbc"), re.split(r"(a)(b)?", "1a2ab3"), re.split(r"[,;]", ""), re.split(r"\s", " a "))
print(re.match(r"\d+", "123abc"), re.fullmatch(r"\d+", "123abc"), re.fullmatch(r"\d+", "123").group(), re.match("b", "ab"), re.search("b", "ab").span())
print(re.findall(r"\d+(?=px)", "10px 20em 30px"), re.findall(r"(?<=\$)\d+", "$5 and $10, 7"), re.findall(r"\b(?!un)\w+able\b", "unable capable readable"), re.findall(r"(?<!-)\b\d+", "-1 2 -3 4"))
print(re.findall(r"<.+>", "<a><b>"), re.findall(r"<.+?>", "<a><b>"), re.findall(r"a{2,3}", "aaaaaaa"), re.findall(r"a{2,3}?", "aaaaaaa"), re.findall(r"a{,2}", "aaa"))
print(re.findall(r"\Aa", "aa\na", re.M), re.findall(r"a\Z", "a\na"), re.findall(r"\bcat\b", "cat concat cat."), re.findall(r"\Bcat", "concat cat"))
print(re.I == re.IGNORECASE, int(re.I | re.M), repr(re.I | re.S), re.compile("x", re.I | re.M).flags & re.M != 0)
print(re.findall(r"(?x) a b # comment", "ab a b"), re.findall(r"[^\W\d_]+", "ab1_cd2"), re.findall(r"[\w-]+", "foo-bar baz"))
print(re.search(r"(?m)^$", "a\n\nb").span(), re.findall(r"(?m)^\s*$", "a\n  \nb"))
for bad in ["(", "[a-", "a**", "(?P<1>x)", "(?<=a+)b", "\\", "x{2,1}"]:
    try:
        re.compile(bad)
    except re.error as e:
        print(repr(bad), "error:", e.msg, e.pos)
p = re.compile(r"\d")
print(p.match("a1", 1).group(), p.search("abc3", 0, 3), p.findall("1a2b3", 1, 4), bool(p.fullmatch("x5y", 1, 2)))
print(re.findall(r"[\u00e0-\u00ff]", "àbçd"), re.findall(r"\x41\u0042\N{LATIN SMALL LETTER C}", "ABc"), re.findall(r"(?u)\s", "a\u00a0b"))
print(re.compile(r"(?i)[a-c]").findall("AbCd"), re.findall(r"[[:alpha:]]", "a:") if False else "", re.purge())
