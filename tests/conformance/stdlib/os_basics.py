# Pins: portable os functions: environ, getcwd, listdir/scandir/stat on a scratch dir, makedirs, rename, remove, walk order (sorted), fspath, sep, devnull and errors.
import os, errno
print(os.sep, os.altsep, os.extsep, os.pathsep, os.linesep == "\n", os.curdir, os.pardir, os.devnull, os.name)
print(os.environ.get("PYTHONHASHSEED"), os.environ.get("SPINDLE_SURELY_UNSET"), "PYTHONUTF8" in os.environ, os.getenv("LC_ALL"))
os.environ["SPINDLE_TEST_VAR"] = "value"
print(os.environ["SPINDLE_TEST_VAR"], os.getenv("SPINDLE_TEST_VAR"))
del os.environ["SPINDLE_TEST_VAR"]
print("SPINDLE_TEST_VAR" in os.environ)
try:
    os.environ["X"] = 1
except TypeError as e:
    print("TypeError:", e)
cwd = os.getcwd()
print(os.path.basename(cwd), os.path.isabs(cwd))
base = "os_basics_scratch"
if os.path.exists(base):
    import shutil
    shutil.rmtree(base)
os.makedirs(os.path.join(base, "a", "b"))
os.mkdir(os.path.join(base, "c"))
for name in ["a/one.txt", "a/b/two.txt", "three.txt"]:
    with open(os.path.join(base, name), "w") as f:
        f.write(name * 2)
print(sorted(os.listdir(base)))
print(sorted(e.name for e in os.scandir(base)), sorted((e.name, e.is_dir(), e.is_file()) for e in os.scandir(base)))
for root, dirs, files in sorted(os.walk(base)):
    dirs.sort()
    print(root.replace(os.sep, "/"), sorted(dirs), sorted(files))
st = os.stat(os.path.join(base, "three.txt"))
print(st.st_size, st.st_mtime > 0, os.path.getsize(os.path.join(base, "a", "one.txt")))
import stat
print(stat.S_ISDIR(os.stat(base).st_mode), stat.S_ISREG(st.st_mode))
os.rename(os.path.join(base, "three.txt"), os.path.join(base, "renamed.txt"))
os.replace(os.path.join(base, "renamed.txt"), os.path.join(base, "c", "moved.txt"))
print(sorted(os.listdir(base)), os.listdir(os.path.join(base, "c")))
try:
    os.mkdir(base)
except FileExistsError as e:
    print("FileExistsError", e.errno == errno.EEXIST, e.filename)
try:
    os.remove(os.path.join(base, "nope"))
except FileNotFoundError as e:
    print("FileNotFoundError", e.errno == errno.ENOENT, e.strerror)
try:
    os.rmdir(os.path.join(base, "a"))
except OSError as e:
    print(type(e).__name__, e.errno == errno.ENOTEMPTY)
try:
    os.listdir(os.path.join(base, "c", "moved.txt"))
except NotADirectoryError as e:
    print("NotADirectoryError", e.strerror)
os.remove(os.path.join(base, "c", "moved.txt"))
os.rmdir(os.path.join(base, "c"))
os.removedirs(os.path.join(base, "a", "b")) if False else None
import shutil
shutil.rmtree(base)
print(os.path.exists(base))
class P:
    def __fspath__(self):
        return "fs/path"
print(os.fspath("s"), os.fspath(b"b"), os.fspath(P()))
try:
    os.fspath(1)
except TypeError as e:
    print("TypeError:", e)
print(os.fsencode("é"), os.fsdecode(b"abc"), type(os.getpid()).__name__, os.cpu_count() is None or os.cpu_count() > 0)
fd = os.open("os_basics_fd.tmp", os.O_WRONLY | os.O_CREAT | os.O_TRUNC)
print(os.write(fd, b"raw bytes"))
os.close(fd)
fd = os.open("os_basics_fd.tmp", os.O_RDONLY)
print(os.read(fd, 3), os.read(fd, 100), os.read(fd, 10))
os.close(fd)
os.unlink("os_basics_fd.tmp")
print(os.strerror(errno.ENOENT), os.get_terminal_size.__name__, isinstance(os.urandom(4), bytes), len(os.urandom(8)))
