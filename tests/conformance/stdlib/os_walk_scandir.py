# Pins: os.walk topdown/bottom-up with pruning, scandir DirEntry methods, listdir of bytes paths, os.stat fields, chmod/access, rename/replace/removedirs, error filenames.
import os, stat, tempfile
td = tempfile.mkdtemp()
def mk(rel, content=None):
    p = os.path.join(td, rel)
    if content is None:
        os.makedirs(p, exist_ok=True)
    else:
        with open(p, "w") as f:
            f.write(content)
for rel in ["a", "a/b", "a/b/c", "skip", "skip/inner", "z"]:
    mk(rel)
for rel, c in [("top.txt", "t"), ("a/one.txt", "11"), ("a/b/two.txt", "222"), ("a/b/c/three.txt", "3333"), ("skip/s.txt", "s"), ("z/zz.txt", "zz")]:
    mk(rel, c)
for root, dirs, files in os.walk(td):
    dirs.sort()
    if "skip" in dirs:
        dirs.remove("skip")
    print("top", os.path.relpath(root, td), dirs, sorted(files))
order = []
for root, dirs, files in os.walk(td, topdown=False):
    order.append(os.path.relpath(root, td))
print("bottom-up last:", order[-1], "c before b:", order.index("a/b/c") < order.index("a/b"))
print(sorted(order))
with os.scandir(td) as it:
    ents = sorted(it, key=lambda e: e.name)
for e in ents:
    print(e.name, e.is_dir(), e.is_file(), e.is_symlink(), e.path == os.path.join(td, e.name), e.stat().st_size if e.is_file() else "-")
print(sorted(os.listdir(os.path.join(td, "a"))), sorted(os.listdir(os.path.join(td, "a").encode())))
st = os.stat(os.path.join(td, "a/b/two.txt"))
print(st.st_size, stat.S_ISREG(st.st_mode), stat.S_ISDIR(os.stat(os.path.join(td, "a")).st_mode), st[stat.ST_SIZE])
p = os.path.join(td, "top.txt")
os.chmod(p, 0o444)
print(oct(stat.S_IMODE(os.stat(p).st_mode)), os.access(p, os.R_OK), os.access(p, os.F_OK))
os.chmod(p, 0o644)
os.rename(p, os.path.join(td, "top2.txt"))
print(os.path.exists(p), os.path.exists(os.path.join(td, "top2.txt")))
os.replace(os.path.join(td, "top2.txt"), os.path.join(td, "z", "zz.txt"))
print(open(os.path.join(td, "z", "zz.txt")).read())
os.makedirs(os.path.join(td, "r1", "r2", "r3"))
os.removedirs(os.path.join(td, "r1", "r2", "r3"))
print(os.path.exists(os.path.join(td, "r1")))
for fn, args in [(os.stat, ("nope",)), (os.listdir, ("nope",)), (os.rmdir, ("a",)), (os.remove, ("a",)), (os.mkdir, ("a",))]:
    try:
        fn(*[os.path.join(td, x) for x in args])
    except OSError as e:
        print(fn.__name__, type(e).__name__, os.path.basename(e.filename))
try:
    os.makedirs(os.path.join(td, "a"))
except FileExistsError as e:
    print("makedirs FileExistsError")
os.makedirs(os.path.join(td, "a"), exist_ok=True)
print(list(os.walk(os.path.join(td, "nonexistent"))))
errs = []
list(os.walk(os.path.join(td, "nonexistent"), onerror=lambda e: errs.append(type(e).__name__)))
print(errs)
print(os.fspath(td) == td, os.fsencode("é"), os.fsdecode(b"\xc3\xa9"))
import shutil
shutil.rmtree(td)
print(os.path.exists(td))
