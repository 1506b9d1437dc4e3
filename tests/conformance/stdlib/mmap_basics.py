# mmap: anonymous and file maps, access modes, the file-like methods, indexing and slicing,
# memoryview and re over a map, and CPython's errors.
import mmap, os, tempfile
print(mmap.PAGESIZE > 0, mmap.ACCESS_READ, mmap.ACCESS_WRITE, mmap.ACCESS_COPY, mmap.ACCESS_DEFAULT, mmap.error is OSError)
m = mmap.mmap(-1, 13)
print(repr(m))
m.write(b"Hello, world!")
print(m[:], m[0], m[-1], m[2:5], len(m), m.tell())
m.seek(0); print(m.read(5), m.read_byte(), m.tell(), m.find(b"world"), m.rfind(b"o"), m.find(b"zz"))
m[0] = 74; m[1:3] = b"EL"; print(m[:5])
m.seek(0); print(m.readline())
try: m[0] = 300
except Exception as e: print(type(e).__name__, e)
try: m[20]
except Exception as e: print(type(e).__name__, e)
try: m[1:3] = b"x"
except Exception as e: print(type(e).__name__, e)
mv = memoryview(m); print(bytes(mv[:5]), mv.nbytes); mv.release()
m.move(0, 7, 5); print(m[:])
m.close(); print(m.closed, repr(m))
try: m.read(1)
except Exception as e: print(type(e).__name__, e)
fd, path = tempfile.mkstemp()
os.write(fd, b"0123456789")
with mmap.mmap(fd, 0) as f:
    print(len(f), f[:], f.size())
    f[0:2] = b"ab"; f.flush()
with open(path, "rb") as fh: print(fh.read())
with mmap.mmap(fd, 5, access=mmap.ACCESS_READ) as r:
    print(r[:])
    try: r[0] = 1
    except Exception as e: print(type(e).__name__, e)
    try: r.write(b"x")
    except Exception as e: print(type(e).__name__, e)
with mmap.mmap(fd, 0, access=mmap.ACCESS_COPY) as c:
    c[0:1] = b"Z"; print(c[:3])
with open(path, "rb") as fh: print(fh.read())
try: mmap.mmap(fd, 100)
except Exception as e: print(type(e).__name__, e)
try: mmap.mmap(-1, -1)
except Exception as e: print(type(e).__name__, e)
e = tempfile.TemporaryFile()
try: mmap.mmap(e.fileno(), 0)
except Exception as e2: print(type(e2).__name__, e2)
import re
with mmap.mmap(fd, 0) as f:
    print(re.search(rb"\d+", f).group())
    f.seek(0, 2); print(f.tell())
    try: f.seek(20)
    except Exception as ex: print(type(ex).__name__, ex)
    print(f.seekable())
os.close(fd); os.unlink(path)
