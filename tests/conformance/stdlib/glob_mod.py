# Pins: glob over a temp directory tree: *, ?, [..], recursive **, hidden files, root_dir, include_hidden, escape, iglob; results sorted.
import glob, os, tempfile
with tempfile.TemporaryDirectory() as td:
    def touch(*parts):
        p = os.path.join(td, *parts)
        os.makedirs(os.path.dirname(p), exist_ok=True)
        with open(p, "w") as f:
            f.write("x")
    for rel in [("a.py",), ("b.py",), ("c.txt",), (".hid.py",), ("sub", "d.py"), ("sub", "deep", "e.py"), ("sub", "deep", "f.txt"), ("s[1]", "g.py"), ("other", "h.md")]:
        touch(*rel)
    def rel(paths):
        return sorted(os.path.relpath(p, td) for p in paths)
    print(rel(glob.glob(os.path.join(td, "*.py"))))
    print(rel(glob.glob(os.path.join(td, "?.txt"))))
    print(rel(glob.glob(os.path.join(td, "[ab].py"))))
    print(rel(glob.glob(os.path.join(td, "*", "*.py"))))
    print(rel(glob.glob(os.path.join(td, "**", "*.py"), recursive=True)))
    print(rel(glob.glob(os.path.join(td, "**", "*.py"))))
    print(rel(glob.glob(os.path.join(td, "**"), recursive=True)))
    print(rel(glob.glob(os.path.join(td, "*.py"), include_hidden=True)))
    print(sorted(glob.glob("*.py", root_dir=td)))
    print(sorted(glob.glob("**/*.txt", root_dir=td, recursive=True)))
    print(sorted(glob.glob("sub/*/", root_dir=td)))
    print(sorted(glob.glob("*/", root_dir=td)))
    print(glob.escape("s[1]/g.py"), glob.escape("what?*"), glob.escape("plain"))
    print(sorted(glob.glob(glob.escape("s[1]") + "/*.py", root_dir=td)))
    print(sorted(glob.glob("s[1]/*.py", root_dir=td)))
    it = glob.iglob("*.txt", root_dir=td)
    print(type(it).__name__ != "list", sorted(it))
    print(glob.glob("nothing*", root_dir=td), glob.glob(os.path.join(td, "missing", "*")))
    print(glob.has_magic("a*b"), glob.has_magic("abc"), glob.has_magic("[x]"))
    print(sorted(glob.glob("*.PY", root_dir=td)))
    print(sorted(glob.glob("sub/**", root_dir=td, recursive=True)))
    print(sorted(glob.glob(b"*.py", root_dir=td.encode())))
