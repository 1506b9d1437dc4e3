# Pins: binary file I/O: modes rb/wb/ab/r+b/x, read sizes, readinto, seek whence, truncate, buffered peek, raw FileIO (buffering=0), errors.
import io, os, tempfile
td = tempfile.mkdtemp()
p = os.path.join(td, "data.bin")
with open(p, "wb") as f:
    print(type(f).__name__, f.write(bytes(range(16))), f.tell())
    print(f.write(b"\xff" * 4), f.tell())
with open(p, "rb") as f:
    print(type(f).__name__, f.read(4), f.tell())
    print(f.seek(2, os.SEEK_CUR), f.read(2))
    print(f.seek(-3, os.SEEK_END), f.read())
    print(f.read(), f.read(10))
    f.seek(0)
    buf = bytearray(5)
    print(f.readinto(buf), buf)
    print(len(f.peek(1)) >= 1)
    print(f.read1(3))
    f.seek(0)
    print(len(f.read()), f.readable(), f.writable(), f.seekable())
with open(p, "ab") as f:
    f.write(b"END")
    print(f.tell())
with open(p, "r+b") as f:
    f.seek(4)
    f.write(b"XYZ")
    f.seek(0)
    print(f.read(8))
    print(f.truncate(6), f.tell())
    f.seek(0)
    print(f.read())
print(os.path.getsize(p))
try:
    open(p, "xb")
except FileExistsError as e:
    print("FileExistsError", e.strerror is not None)
p2 = os.path.join(td, "new.bin")
with open(p2, "xb") as f:
    f.write(b"fresh")
with open(p2, "rb", buffering=0) as f:
    print(type(f).__name__, f.read(2), f.readall())
with open(p2, "rb") as f:
    try:
        f.write(b"x")
    except io.UnsupportedOperation as e:
        print("UnsupportedOperation", e)
    try:
        f.seek(0, 5)
    except ValueError as e:
        print("ValueError", e)
    try:
        f.seek(-1)
    except (OSError, ValueError) as e:
        print(type(e).__name__)
    print(list(iter(lambda: f.read(2), b"")) if f.seek(0) == 0 else None)
with open(p2, "wb") as f:
    f.writelines([b"a\n", b"b\n", b"c"])
with open(p2, "rb") as f:
    print(f.readlines(), )
with open(p2, "rb") as f:
    print(list(f))
try:
    open(p2, "rt+b")
except ValueError as e:
    print("ValueError", e)
try:
    open(p2, "rb", encoding="utf-8")
except ValueError as e:
    print("ValueError", e)
try:
    open(os.path.join(td, "missing.bin"), "rb")
except FileNotFoundError as e:
    print("FileNotFoundError", e.strerror)
for name in (p, p2):
    os.remove(name)
os.rmdir(td)
