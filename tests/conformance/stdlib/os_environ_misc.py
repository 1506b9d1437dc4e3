# Pins: os.environ mapping behaviour (copy, setdefault, pop, update, environb, str-only), os.getenv defaults, putenv-free, os.path.expandvars with set vars, os.get_terminal_size-free helpers: os.cpu_count type, os.urandom length, os.strerror text for errno constants, os.sep joins.
import os
os.environ["SPX_A"] = "1"
os.environ.setdefault("SPX_A", "ignored")
os.environ.setdefault("SPX_B", "two")
print(os.environ["SPX_A"], os.environ["SPX_B"], os.getenv("SPX_MISSING"), os.getenv("SPX_MISSING", "dflt"))
print(os.environ.pop("SPX_B"), "SPX_B" in os.environ, os.environ.pop("SPX_B", "gone"))
os.environ.update({"SPX_C": "c", "SPX_D": "d"})
print(sorted(k for k in os.environ if k.startswith("SPX_")))
print(os.path.expandvars("$SPX_A/${SPX_C}/$SPX_NOPE/$$"), os.path.expandvars("%SPX_A%"))
try:
    os.environ["SPX_E"] = 5
except TypeError as e:
    print("TypeError", e)
try:
    os.environ[5] = "x"
except TypeError as e:
    print("TypeError", e)
try:
    os.environ["SPX_MISSING"]
except KeyError as e:
    print("KeyError", e)
c = os.environ.copy()
print(type(c).__name__, c["SPX_A"], type(os.environ).__name__)
print(os.environb[b"SPX_A"], os.getenvb(b"SPX_C"))
for k in ["SPX_A", "SPX_C", "SPX_D"]:
    del os.environ[k]
print(sorted(k for k in os.environ if k.startswith("SPX_")))
print(isinstance(os.cpu_count(), (int, type(None))), len(os.urandom(16)), type(os.urandom(0)).__name__)
import errno
print(os.strerror(errno.ENOENT), os.strerror(errno.EACCES), os.strerror(errno.EEXIST))
print(os.path.join("a", "b") == "a" + os.sep + "b", os.extsep, os.curdir, os.pardir, os.name)
print(os.fspath("x"), os.fspath(b"y"))
class PL:
    def __fspath__(self): return "from_fspath"
print(os.fspath(PL()), os.path.join(PL(), "z"))
try:
    os.fspath(5)
except TypeError as e:
    print("TypeError", e)
print(os.get_exec_path(env={"PATH": "/a:/b"}), os.supports_bytes_environ)
try:
    os.get_exec_path(env={"PATH": "/a", b"PATH": b"/b"})
except ValueError as e:
    print("ValueError", e)
st = os.stat(".")
print(hasattr(st, "st_mtime_ns"), type(st.st_mode).__name__, oct(st.st_mode)[:4])
fd = os.open("_os_env_tmp.txt", os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
print(os.write(fd, b"hello fd\n"), os.lseek(fd, 0, os.SEEK_CUR))
os.close(fd)
fd = os.open("_os_env_tmp.txt", os.O_RDONLY)
print(os.read(fd, 5), os.read(fd, 100), os.read(fd, 10), os.fstat(fd).st_size)
os.close(fd)
try:
    os.close(fd)
except OSError as e:
    print("OSError", type(e).__name__, e.strerror)
os.unlink("_os_env_tmp.txt")
