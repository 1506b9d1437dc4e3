# Pins: a directory-tree program with pathlib in a temp dir: create a project skeleton, render an ASCII tree sorted dirs-first, compute per-extension sizes with rglob, find duplicates by content hash, and rename files by pattern; only relative paths printed.
import pathlib, tempfile, hashlib, collections
with tempfile.TemporaryDirectory() as tmp:
    root = pathlib.Path(tmp) / "proj"
    files = {
        "README.md": "# Project\n", "setup.cfg": "[metadata]\nname = proj\n",
        "src/proj/__init__.py": "", "src/proj/core.py": "def f():\n    return 1\n", "src/proj/util.py": "def f():\n    return 1\n",
        "tests/test_core.py": "import proj\n", "docs/index.md": "# Docs\n", "docs/img/logo.txt": "LOGO" * 10,
    }
    for rel, text in files.items():
        p = root / rel
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text(text)
    def tree(d, prefix=""):
        entries = sorted(d.iterdir(), key=lambda p: (p.is_file(), p.name))
        for i, p in enumerate(entries):
            last = i == len(entries) - 1
            print(prefix + ("└── " if last else "├── ") + p.name + ("/" if p.is_dir() else f" ({p.stat().st_size}b)"))
            if p.is_dir():
                tree(p, prefix + ("    " if last else "│   "))
    print(root.name + "/")
    tree(root)
    sizes = collections.Counter()
    for p in root.rglob("*"):
        if p.is_file():
            sizes[p.suffix or "<none>"] += p.stat().st_size
    print(sorted(sizes.items()))
    by_hash = collections.defaultdict(list)
    for p in sorted(root.rglob("*.py")):
        by_hash[hashlib.sha256(p.read_bytes()).hexdigest()[:12]].append(p.relative_to(root).as_posix())
    print([v for v in by_hash.values() if len(v) > 1])
    for p in sorted(root.rglob("*.md")):
        p.rename(p.with_suffix(".markdown"))
    print(sorted(p.relative_to(root).as_posix() for p in root.rglob("*.markdown")))
    print(sorted(p.name for p in root.glob("*")), [p.relative_to(root).as_posix() for p in sorted(root.glob("src/*/*.py"))])
    empty = root / "empty_dir"
    empty.mkdir()
    print(sorted(str(p.relative_to(root)) for p in root.iterdir() if p.is_dir() and not any(p.iterdir())))
