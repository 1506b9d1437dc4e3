# Pins: os.path string manipulation (posix semantics): join, split, splitext, basename, dirname, normpath, relpath, commonpath, expanduser-free, isabs.
import os.path as p
for a in [("a", "b"), ("a/", "b"), ("/a", "/b"), ("a", ""), ("", "b"), ("a", "b", "c.txt")]:
    print(a, p.join(*a))
for s in ["a/b/c.txt", "/", "a", "a/", "/a/b/", "", ".hidden", "a.tar.gz", "a/b.c/d", "..", "a/.b"]:
    print(repr(s), p.split(s), p.splitext(s), p.basename(s), p.dirname(s))
for s in ["a//b", "a/./b", "a/../b", "/../a", "a/b/../../..", ".", "", "/a/b/./../c/", "///a", "//a"]:
    print(repr(s), p.normpath(s))
print(p.relpath("/a/b/c", "/a"), p.relpath("/a", "/a/b/c"), p.relpath("/x/y", "/a/b"), p.relpath("a/b", "a"))
print(p.commonpath(["/a/b/c", "/a/b/d", "/a/bc"]), p.commonprefix(["/a/b/c", "/a/bc"]), p.commonpath(["a/b", "a"]))
try:
    p.commonpath(["/a", "b"])
except ValueError as e:
    print("ValueError:", e)
print(p.isabs("/x"), p.isabs("x"), p.isabs(""), p.splitdrive("/a/b"), p.splitroot("/a/b"), p.splitroot("//a/b"), p.splitroot("a"))
print(p.join("a", b"b".decode()), p.basename(b"/x/y.z"), p.splitext(b"f.py"), p.normcase("AbC"))
print(p.exists("os_path.py"), p.isfile("os_path.py"), p.isdir("."), p.isdir("os_path.py"), p.exists("no/such"), p.islink("os_path.py"))
print(p.abspath("x").endswith("/stdlib/x"), p.abspath("/a/../b"), p.realpath(".") == p.abspath("."))
print(p.getsize("os_path.py") > 0, p.samefile("os_path.py", "./os_path.py"), p.lexists("os_path.py"))
print(p.expandvars("$PYTHONHASHSEED-${PYTHONUTF8}-$NOPE_NOT_SET"), p.sep if hasattr(p, "sep") else None)
try:
    p.join("a", 1)
except TypeError as e:
    print("TypeError:", e)
try:
    p.join("a", b"b")
except TypeError as e:
    print("TypeError:", e)
print(p.splitext("file."), p.splitext(".bashrc"), p.splitext("a/b.c/"), p.splitext("..."))
