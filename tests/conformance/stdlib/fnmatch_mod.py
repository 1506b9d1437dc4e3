# Pins: fnmatch: fnmatch/fnmatchcase semantics (*, ?, [seq], [!seq], escaping with []), filter order, translate output.
import fnmatch
names = ["a.py", "b.py", "c.txt", "README.md", "setup.cfg", "test_x.py", "x[1].py", ".hidden", "A.PY", "data01.csv", "data2.csv"]
pats = ["*.py", "?.py", "[ab].py", "[!ab].*", "*[0-9].csv", "data??.csv", "*", ".*", "x[[]1].py", "*.[pP][yY]", "test_*"]
for p in pats:
    print(f"{p!r:14}", fnmatch.filter(names, p))
print(fnmatch.fnmatchcase("A.PY", "*.py"), fnmatch.fnmatchcase("a.py", "*.py"))
print(fnmatch.fnmatch("A.PY", "*.py"))  # posix: case-sensitive
for pat in ["*.py", "a?c", "[abc]", "[!abc]", "[a-z]*", "x[*]y", "*.[ch]", "", "**", "[]]", "[!]]"]:
    print(repr(pat), "->", fnmatch.translate(pat))
cases = [("abc", "a*c"), ("ac", "a*c"), ("abdc", "a?c"), ("a/b", "a*b"), ("]", "[]]"), ("x", "[!]]"), ("-", "[a-]"), ("b", "[a-c]"), ("[", "["), ("a[b", "a[b"), ("", "*"), ("", "?")]
for s, p in cases:
    print(repr(s), repr(p), fnmatch.fnmatchcase(s, p))
assert fnmatch.fnmatchcase("file.tar.gz", "*.gz")
assert not fnmatch.fnmatchcase("file.tar.gz", "*.tar")
assert fnmatch.fnmatchcase("file.tar.gz", "*.tar*")
print(fnmatch.filter([], "*"), fnmatch.filter(["x"], ""))
import re
rx = re.compile(fnmatch.translate("*.txt"))
print(bool(rx.match("notes.txt")), bool(rx.match("notes.txt.bak")), bool(rx.match("dir/notes.txt")))
try:
    fnmatch.fnmatch(1, "*")
except TypeError as e:
    print("TypeError", type(e).__name__)
print(fnmatch.fnmatchcase(b"abc.py", b"*.py"), fnmatch.filter([b"x.c", b"y.h"], b"*.c"))
