# Pins: posixpath string functions: splitext edge cases, normpath, relpath, commonpath/commonprefix, expanduser-free join rules, split/dirname/basename, isabs, splitroot.
import os.path as op
for s in ["a.txt", "a.tar.gz", ".bashrc", "a.", "dir.d/file", "..", "a/.b", "a/b.c/", "...x", ""]:
    print(repr(s), op.splitext(s))
for s in ["a//b", "a/./b", "a/../b", "/../x", "../../x", "a/b/../../..", "/a/b/", "", ".", "//a", "///a", "a/b/c/.."]:
    print(repr(s), op.normpath(s))
for a, b in [("/a/b/c", "/a"), ("/a", "/a/b/c"), ("/a/b", "/a/c/d"), ("/a", "/a"), ("a/b", "a"), ("/", "/x/y")]:
    print(a, b, op.relpath(a, b))
print(op.commonpath(["/usr/lib", "/usr/local/lib", "/usr/lib/x"]), op.commonpath(["a/b", "a/c"]), op.commonpath(["/x"]))
print(op.commonprefix(["interstellar", "internet", "interval"]), repr(op.commonprefix([])), op.commonprefix(["/usr/lib", "/usr/local"]))
for args in [("a", "b"), ("a/", "b"), ("a", "/b"), ("/a", "b", "/c", "d"), ("", "x"), ("a", ""), ("",)]:
    print(args, op.join(*args))
for s in ["/a/b/c", "a/b/", "/", "abc", "", "//x", "a/b//"]:
    print(repr(s), op.split(s), repr(op.dirname(s)), repr(op.basename(s)))
print(op.isabs("/x"), op.isabs("x"), op.isabs(""), op.isabs("//"))
print(op.splitroot("/a/b"), op.splitroot("a/b"), op.splitroot("//a"), op.splitroot("///a"))
print(op.splitdrive("/a/b"), op.normcase("ABC/def"))
print(op.join(b"a", b"b"), op.splitext(b"x.py"), op.basename(b"/p/q.r"))
try:
    op.join("a", b"b")
except TypeError as e:
    print("TypeError", e)
try:
    op.commonpath(["/a", "b"])
except ValueError as e:
    print("ValueError", e)
try:
    op.commonpath([])
except ValueError as e:
    print("ValueError", e)
try:
    op.relpath("")
except ValueError as e:
    print("ValueError", e)
print(op.exists("/definitely/not/here"), op.isfile(__file__), op.isdir("."), op.getsize(__file__) > 100)
print(op.expandvars("$NOPE_NOT_SET/x"), op.expandvars("plain"), op.expanduser("no_tilde"))
import pathlib
print(op.join(pathlib.PurePosixPath("a"), "b"), op.basename(pathlib.PurePosixPath("/x/y.z")))
