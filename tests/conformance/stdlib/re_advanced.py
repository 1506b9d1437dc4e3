# Pins: re advanced features: atomic groups and possessive quantifiers, conditional groups, lookbehind limits, named backrefs in sub, split with groups and maxsplit, Scanner-free tokenizing with finditer, verbose patterns and Match API details.
import re
print(re.findall(r"(?>a+)b", "aaab aab"), re.fullmatch(r"a++b", "aaab") is not None, re.fullmatch(r"a++a", "aaa"), re.findall(r"\d*+x", "12x 3y x"))
pat = re.compile(r"(<)?(\w+@\w+(?:\.\w+)+)(?(1)>|$)")
print([bool(pat.match(s)) for s in ["<user@host.com>", "user@host.com", "<user@host.com", "user@host.com>"]])
print(re.sub(r"(?P<first>\w+) (?P<second>\w+)", r"\g<second> \g<first> \g<0>", "hello world"), re.sub(r"(a)(b)?", r"[\2]", "ab a"))
print(re.split(r"(\s)(\s)?", "a b  c"), re.split(r",", "a,b,c,d", maxsplit=2), re.split(r"(?=[A-Z])", "splitCamelCaseWords"))
try:
    re.compile(r"(?<=a+)b")
except re.error as e:
    print("re.error:", e.msg)
print(re.findall(r"(?<=ab|cd)x", "abx cdx efx"), re.findall(r"(?<!\d)\d{2}(?!\d)", "1 12 123 45"))
spec = [("NUM", r"\d+(?:\.\d*)?"), ("ID", r"[A-Za-z_]\w*"), ("OP", r"[+\-*/=()]"), ("WS", r"\s+"), ("BAD", r".")]
tok = re.compile("|".join(f"(?P<{n}>{p})" for n, p in spec))
print([(m.lastgroup, m.group()) for m in tok.finditer("x1 = 3.5*(y+42) $") if m.lastgroup != "WS"])
verbose = re.compile(r"""
    (?P<year>\d{4})   # year
    -(?P<month>\d{2}) # month
    (?:-(?P<day>\d{2}))?  # optional day
""", re.VERBOSE)
for s in ["2024-05-17", "2024-05", "24-05"]:
    m = verbose.fullmatch(s)
    print(s, m and m.groupdict(), m and m.groupdict(default="01"))
m = re.search(r"(\w+) (\w+)", "  alpha beta gamma")
print(m.start(1), m.end(2), m.span(0), m[0], m[2], m.group(0, 1), m.lastindex, m.lastgroup, len(m.regs))
print(re.sub(r"x*", "-", "abxd"), re.subn(r"\b", "|", "hi there"), re.sub("(?i)HELLO", lambda m: m.group().swapcase(), "Hello hello"))
print(re.findall(r"[[:alpha:]]", "a:") if False else "skip", re.findall(r"\p" if False else r"[\w--\d]" if False else r"[^\W\d_]+", "abc_12 déf9"))
print(re.compile(r"a", re.I | re.M).flags & (re.I | re.M) == (re.I | re.M), re.I == re.IGNORECASE, repr(re.I), repr(re.compile("x", re.S)))
big = "a" * 10000 + "b"
print(len(re.match(r"a*", big).group()), re.search(r"(a|b)*c", "ab" * 20), re.fullmatch(r"(?:ab)*", "ab" * 500) is not None)
print(re.match(r"(?s).*", "a\nb").group(), re.match(r".*", "a\nb").group(), re.findall(r"(?m)^\w+$", "one\ntwo\nthree four"))
print(re.escape("\t\n ."), re.fullmatch(re.escape("1+1=2"), "1+1=2") is not None, re.template if hasattr(re, "template") else "no template")
