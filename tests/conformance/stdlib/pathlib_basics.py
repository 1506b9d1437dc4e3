# Pins: pathlib.PurePosixPath manipulation and Path filesystem operations in a scratch directory (relative paths only in output).
from pathlib import Path, PurePosixPath, PurePath
p = PurePosixPath("/usr/local/lib/python3.14/site.py")
print(p.name, p.stem, p.suffix, p.suffixes, p.parent, p.parts, p.anchor, p.root, p.drive)
print(list(map(str, p.parents))[:3], p.is_absolute(), p.with_name("x.txt"), p.with_suffix(".pyc"), p.with_stem("other"))
print(PurePosixPath("a") / "b" / "c.tar.gz", PurePosixPath("a/b").joinpath("c", "d"), PurePosixPath("/a") / "/b")
print(PurePosixPath("a/b/c").relative_to("a"), PurePosixPath("a/b").is_relative_to("a"), PurePosixPath("a/b").is_relative_to("c"))
try:
    PurePosixPath("a/b").relative_to("c")
except ValueError as e:
    print("ValueError:", e)
print(PurePosixPath("a//b/./c/"), PurePosixPath("a/../b"), PurePosixPath(""), PurePosixPath("."), repr(PurePosixPath("x/y")))
print(PurePosixPath("a/b.txt").match("*.txt"), PurePosixPath("a/b.txt").full_match("a/*.txt"), PurePosixPath("x.TXT").match("*.txt"))
print(PurePosixPath("a") == PurePosixPath("a/"), PurePosixPath("a") < PurePosixPath("b"), sorted([PurePosixPath("b"), PurePosixPath("a/c")]))
print(PurePosixPath("a/b").as_posix(), str(PurePosixPath("a", "b")), bytes(PurePosixPath("a")), PurePosixPath("/a/b").as_uri())
try:
    PurePosixPath("x").with_suffix("bad")
except ValueError as e:
    print("ValueError:", e)
base = Path("pathlib_scratch")
if base.exists():
    import shutil
    shutil.rmtree(base)
(base / "sub" / "deep").mkdir(parents=True)
(base / "a.txt").write_text("hello\nworld\n", encoding="utf-8")
(base / "b.bin").write_bytes(b"\x00\x01")
(base / "sub" / "c.txt").write_text("c")
(base / "sub" / "deep" / "d.py").touch()
print((base / "a.txt").read_text(), (base / "b.bin").read_bytes(), (base / "a.txt").stat().st_size)
print(sorted(x.name for x in base.iterdir()))
print(sorted(str(x) for x in base.glob("*.txt")), sorted(str(x) for x in base.rglob("*.py")), sorted(str(x) for x in base.glob("**/*.txt")))
print(base.is_dir(), (base / "a.txt").is_file(), (base / "nope").exists(), (base / "a.txt").suffix)
with (base / "a.txt").open() as f:
    print(f.readline().strip())
(base / "a.txt").rename(base / "renamed.txt")
print(sorted(x.name for x in base.iterdir()))
try:
    (base / "sub").mkdir()
except FileExistsError:
    print("FileExistsError")
(base / "sub").mkdir(exist_ok=True)
try:
    (base / "missing.txt").read_text()
except FileNotFoundError as e:
    print("FileNotFoundError", e.filename)
walked = sorted((str(d), sorted(dn), sorted(fn)) for d, dn, fn in base.walk())
print(walked)
print(Path("pathlib_basics.py").resolve().name, Path.cwd().name, Path("x").absolute().name, Path("a/b").with_segments("q").__class__.__name__)
(base / "renamed.txt").unlink()
(base / "renamed.txt").unlink(missing_ok=True)
import shutil
shutil.rmtree(base)
print(base.exists(), isinstance(Path("x"), PurePath), type(Path("x")).__name__)
