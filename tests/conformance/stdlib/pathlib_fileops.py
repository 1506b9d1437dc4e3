# Pins: pathlib concrete Path file operations in a temp dir: mkdir(parents/exist_ok), write/read text & bytes, iterdir, glob/rglob, rename/replace, unlink(missing_ok), stat, touch, exists/is_*.
import pathlib, tempfile
with tempfile.TemporaryDirectory() as tds:
    td = pathlib.Path(tds)
    (td / "a" / "b").mkdir(parents=True)
    (td / "a" / "b").mkdir(parents=True, exist_ok=True)
    try:
        (td / "a").mkdir()
    except FileExistsError:
        print("FileExistsError")
    try:
        (td / "x" / "y").mkdir()
    except FileNotFoundError:
        print("FileNotFoundError")
    f = td / "a" / "note.txt"
    print(f.write_text("line1\nline2\n"), f.read_text().splitlines())
    print((td / "bin.dat").write_bytes(b"\x00\x01\x02"), (td / "bin.dat").read_bytes())
    print(f.exists(), f.is_file(), f.is_dir(), (td / "a").is_dir(), (td / "zzz").exists())
    print(f.stat().st_size, f.suffix, f.stem, f.name, f.parent.name)
    (td / "a" / "b" / "deep.py").touch()
    (td / "a" / "top.py").touch()
    print(sorted(p.name for p in (td / "a").iterdir()))
    print(sorted(p.relative_to(td).as_posix() for p in td.glob("a/*.py")))
    print(sorted(p.relative_to(td).as_posix() for p in td.rglob("*.py")))
    print(sorted(p.relative_to(td).as_posix() for p in td.glob("**/*.txt")))
    g = f.rename(td / "renamed.txt")
    print(g.name, f.exists(), g.exists(), type(g).__name__ in ("PosixPath", "WindowsPath"))
    h = g.replace(td / "a" / "final.txt")
    print(h.relative_to(td).as_posix(), h.read_text(encoding="utf-8")[:5])
    with h.open("a") as fh:
        fh.write("line3\n")
    with h.open() as fh:
        print(len(fh.readlines()))
    h.unlink()
    h.unlink(missing_ok=True)
    try:
        h.unlink()
    except FileNotFoundError:
        print("unlink FileNotFoundError")
    try:
        (td / "a").rmdir()
    except OSError as e:
        print("rmdir nonempty", type(e).__name__)
    (td / "a" / "b" / "deep.py").unlink()
    (td / "a" / "b").rmdir()
    print(sorted(p.name for p in (td / "a").iterdir()))
    print(td.samefile(str(td)), (td / "a" / ".." / "a").resolve() == (td / "a").resolve())
    print(pathlib.Path(tds) == td, (td / "bin.dat").with_suffix(".bak").name)
    w = td / "walk"
    (w / "p" / "q").mkdir(parents=True)
    (w / "p" / "f1").touch(); (w / "p" / "q" / "f2").touch()
    for root, dirs, files in w.walk():
        dirs.sort()
        print(root.relative_to(td).as_posix(), dirs, sorted(files))
    try:
        (td / "nothere.txt").read_text()
    except FileNotFoundError as e:
        print("read FileNotFoundError", e.strerror)
    print(pathlib.Path("rel/x.txt").is_absolute(), td.is_absolute())
    (td / "c.txt").write_text("copy me")
    c = (td / "c.txt").copy(td / "d.txt")
    print(c.name, c.read_text())
