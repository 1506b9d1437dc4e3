# Pins: shutil copyfile/copy/copy2/copytree (ignore, dirs_exist_ok)/move/rmtree/make_archive-free ops, disk-free-independent helpers, error messages.
import os, shutil, tempfile
def tree(root):
    out = []
    for dp, dns, fns in os.walk(root):
        dns.sort()
        for fn in sorted(fns):
            p = os.path.join(dp, fn)
            with open(p) as f:
                out.append((os.path.relpath(p, root), f.read()))
    return out
with tempfile.TemporaryDirectory() as td:
    src = os.path.join(td, "src")
    os.makedirs(os.path.join(src, "pkg", "sub"))
    for rel, text in [("a.txt", "alpha"), ("b.log", "beta"), ("pkg/c.txt", "gamma"), ("pkg/sub/d.txt", "delta"), ("pkg/e.log", "eps")]:
        with open(os.path.join(src, rel), "w") as f:
            f.write(text)
    dst = shutil.copyfile(os.path.join(src, "a.txt"), os.path.join(td, "copy.txt"))
    print(os.path.basename(dst), open(dst).read())
    os.mkdir(os.path.join(td, "dir"))
    r = shutil.copy(os.path.join(src, "b.log"), os.path.join(td, "dir"))
    print(os.path.relpath(r, td))
    r2 = shutil.copy2(os.path.join(src, "a.txt"), os.path.join(td, "dir", "a2.txt"))
    print(os.path.relpath(r2, td), os.stat(r2).st_mtime == os.stat(os.path.join(src, "a.txt")).st_mtime)
    out = shutil.copytree(src, os.path.join(td, "full"))
    print(os.path.relpath(out, td), tree(out))
    shutil.copytree(src, os.path.join(td, "nolog"), ignore=shutil.ignore_patterns("*.log", "sub"))
    print(tree(os.path.join(td, "nolog")))
    try:
        shutil.copytree(src, os.path.join(td, "full"))
    except FileExistsError as e:
        print("FileExistsError", os.path.basename(e.filename))
    shutil.copytree(os.path.join(src, "pkg"), os.path.join(td, "full"), dirs_exist_ok=True)
    print(tree(os.path.join(td, "full")))
    m = shutil.move(os.path.join(td, "copy.txt"), os.path.join(td, "dir", "moved.txt"))
    print(os.path.relpath(m, td), os.path.exists(os.path.join(td, "copy.txt")))
    m2 = shutil.move(os.path.join(td, "nolog"), os.path.join(td, "dir"))
    print(os.path.relpath(m2, td), sorted(os.listdir(os.path.join(td, "dir"))))
    shutil.rmtree(os.path.join(td, "full"))
    print(sorted(os.listdir(td)))
    try:
        shutil.rmtree(os.path.join(td, "nope"))
    except FileNotFoundError as e:
        print("FileNotFoundError", os.path.basename(e.filename))
    errs = []
    shutil.rmtree(os.path.join(td, "nope"), ignore_errors=True)
    print("ignored ok")
    try:
        shutil.copyfile(os.path.join(src, "a.txt"), os.path.join(src, "a.txt"))
    except shutil.SameFileError as e:
        print("SameFileError", issubclass(shutil.SameFileError, OSError))
    with open(os.path.join(src, "a.txt"), "rb") as fi, open(os.path.join(td, "obj.bin"), "wb") as fo:
        shutil.copyfileobj(fi, fo, length=2)
    print(open(os.path.join(td, "obj.bin"), "rb").read())
    ts = shutil.get_terminal_size(fallback=(77, 33))
    print(type(ts).__name__, len(ts))
    print(shutil.which("definitely-not-a-real-command-xyz"))
    du = shutil.disk_usage(td)
    print(du.total >= du.used, du._fields)
