# mmap.resize of anonymous and file-backed maps (mremap), what it refuses, size() of the file.
# recorded-with: cpython-3.13 (the WebAssembly 3.14 has no mremap: resize fails with ENOMEM there)
import mmap
import os
import tempfile

m = mmap.mmap(-1, 4)
m[:] = b"abcd"
m.resize(8)
print(len(m), m[:4])
m.resize(2)
try:
    m.size()
except OSError as e:
    print("OSError:", e.errno == 9)
print(len(m), m[:], m.tell())
m.close()

fd, path = tempfile.mkstemp()
os.write(fd, b"0123456789")
with mmap.mmap(fd, 0) as f:
    f.seek(8)
    f.resize(4)
    print(len(f), f.size(), f.tell(), f[:])
    f.resize(12)
    print(len(f), f.size(), f[:])
    mv = memoryview(f)
    try:
        f.resize(20)
    except BufferError as e:
        print("BufferError:", e)
    try:
        f.close()
    except BufferError as e:
        print("BufferError:", e)
    mv.release()
print(os.path.getsize(path))
with mmap.mmap(fd, 0, access=mmap.ACCESS_READ) as r:
    try:
        r.resize(3)
    except TypeError as e:
        print("TypeError:", e)
with mmap.mmap(fd, 0, access=mmap.ACCESS_COPY) as c:
    try:
        c.resize(3)
    except TypeError as e:
        print("TypeError:", e)
try:
    mmap.mmap(-1, 4, access=mmap.ACCESS_READ, prot=mmap.PROT_READ)
except ValueError as e:
    print("ValueError:", e)
try:
    mmap.mmap(-1, 4, access=9)
except ValueError as e:
    print("ValueError:", e)
with mmap.mmap(-1, 4) as a:
    try:
        a.resize(-1)
    except ValueError as e:
        print("ValueError:", e)
    try:
        a.seek(0, 5)
    except ValueError as e:
        print("ValueError:", e)
    try:
        del a[0]
    except TypeError as e:
        print("TypeError:", e)
    try:
        a.write_byte(256)
    except OverflowError as e:
        print("OverflowError:", e)
    print(a.seek(2), a.seek(-1, 1), a.seek(-1, 2))
os.close(fd)
os.unlink(path)
