# Pins: PurePosixPath/PureWindowsPath manipulation: parts, parents, joinpath, with_name/stem/suffix, relative_to/is_relative_to, match/full_match, anchors, comparisons, errors.
from pathlib import PurePosixPath as P, PureWindowsPath as W
p = P("/usr/local/lib/python3.14/site.tar.gz")
print(p.parts, p.anchor, p.root, p.drive)
print(p.name, p.stem, p.suffix, p.suffixes)
print(list(map(str, p.parents)), p.parent, p.parents[1], p.parents[-1])
print(p.with_name("x.py"), p.with_stem("core"), p.with_suffix(".bz2"), p.with_suffix(""))
print(P("a") / "b" / "c", P("a").joinpath("b", "/c", "d"), "x" / P("y"))
print(P("a/b/../c/./d//e"), P("./a"), P("."), P(""), P("//x/y"), P("///x"))
print(p.relative_to("/usr"), p.is_relative_to("/usr/local"), p.is_relative_to("/etc"))
try:
    p.relative_to("/etc")
except ValueError as e:
    print("ValueError", e)
print(P("/a/b").relative_to("/a/c", walk_up=True))
print(P("a/b.py").match("*.py"), P("/a/b.py").match("/*.py"), P("a/b/c.py").match("b/*.py"), P("a/b/c.py").full_match("a/**/*.py"))
print(P("a/b") == P("a//b"), P("A") == P("a"), P("a") < P("b"), sorted([P("b"), P("a/c"), P("a")]))
print(P("/x").is_absolute(), P("x").is_absolute(), P("x").as_posix(), repr(P("x/y")))
for bad in ["", "/"]:
    try:
        print(P("a.txt").with_suffix(bad))
    except ValueError as e:
        print("ValueError", e)
try:
    P("a.txt").with_suffix("txt")
except ValueError as e:
    print("ValueError", e)
try:
    P("/").with_name("x")
except ValueError as e:
    print("ValueError", e)
w = W(r"C:\Users\Me\Docs\report.final.docx")
print(w.parts, w.drive, w.root, w.anchor, w.name, w.suffixes)
print(w.as_posix(), str(w.parent), w.with_suffix(".pdf").name)
print(W("c:/A/b") == W("C:\\a\\B"), W(r"\\server\share\f.txt").drive, W("C:rel").anchor, W("C:rel").is_absolute())
print(W("C:/a").joinpath("D:/b"), W("C:/a") / "/b")
print(P(".hidden").suffix, P("a.").suffix, P("a..b").suffixes, P("noext").suffixes)
print(hash(P("a/b")) == hash(P("a/b")), P("a", "b", "c").parts, bytes(P("/tmp/x")))
print(P("a/b/c").parents[0], len(P("a/b/c").parents), list(P("/").parents))
try:
    P("a").parents[5]
except IndexError as e:
    print("IndexError", e)
print(str(P("spam") / P("/eggs")), P("/a/b").is_reserved() if hasattr(P, "is_reserved") else "n/a")
