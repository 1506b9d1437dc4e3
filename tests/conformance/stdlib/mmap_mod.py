# Pins: mmap.mmap on an anonymous map and a file: indexing, slices (with steps), slice and item assignment, read/write/seek/tell/find/rfind/readline, memoryview export blocking close(), memoryviews of a map (slices with negative steps, casts, 2-D shapes, tolist/tobytes/hex, comparisons, item and slice writes), access=ACCESS_READ, flush to the file, repr, context manager, refusal to pickle, and the errors CPython raises.
import copy
import mmap
import pickle
import tempfile

m = mmap.mmap(-1, 10)
print(repr(m))
for f in (pickle.dumps, copy.copy):
    try:
        f(m)
    except TypeError as e:
        print("TypeError:", e)
print(len(m), m[:], m[0], m[-1])
m[0] = 65
m[1:3] = b"BC"
print(m[:4], m[::3], m.find(b"C"), m.rfind(b"\0"), m.find(b"zz"))
print(m.write(b"xyz"), m.tell(), m.seek(0), m.read(4), m.read_byte(), m.readline())
print(m.seek(-2, 2), m.read(), m.seek(1), m.seek(2, 1))
v = memoryview(m)
try:
    m.close()
except BufferError as e:
    print("BufferError:", e)
v[5] = 7
print(v[5], m[5], bytes(v[:3]), len(v), v.nbytes)
v.release()
m.close()
print(repr(m), m.closed)
for f in (lambda: m[0], lambda: m.read(), lambda: len(m)):
    try:
        f()
    except ValueError as e:
        print("ValueError:", e)

r = mmap.mmap(-1, 5, access=mmap.ACCESS_READ)
print(repr(r))
for f in (lambda: r.__setitem__(0, 1), lambda: r.write(b"a")):
    try:
        f()
    except TypeError as e:
        print("TypeError:", e)
for f in (lambda: mmap.mmap(-1, -1), lambda: mmap.mmap(-1, 5, access=9),
          lambda: mmap.mmap(-1, 5, flags=mmap.MAP_PRIVATE, access=mmap.ACCESS_READ)):
    try:
        f()
    except (OverflowError, ValueError) as e:
        print(type(e).__name__ + ":", e)

w = mmap.mmap(-1, 5)
for f in (lambda: w.__setitem__(0, 300), lambda: w.__setitem__(slice(0, 2), b"abc"),
          lambda: w.write(b"abcdefg"), lambda: w.seek(10), lambda: w[7], lambda: w["a"],
          lambda: w.seek(0, 5)):
    try:
        f()
    except (ValueError, IndexError, TypeError) as e:
        print(type(e).__name__ + ":", e)
w.seek(5)
for f in (w.read_byte, lambda: w.write_byte(1)):
    try:
        f()
    except ValueError as e:
        print("ValueError:", e)
with mmap.mmap(-1, 3) as m2:
    print(m2.closed, m2.seekable())
print(m2.closed)

with tempfile.TemporaryFile() as f:
    f.write(b"hello world\nline two\n")
    f.flush()
    fm = mmap.mmap(f.fileno(), 0)
    print(fm[:], fm.size(), len(fm), fm.readline(), fm.readline(), fm.readline())
    fm[0:5] = b"HELLO"
    fm.flush()
    fm.close()
    f.seek(0)
    print(f.read())
    try:
        mmap.mmap(f.fileno(), 100)
    except ValueError as e:
        print("ValueError:", e)
with tempfile.TemporaryFile() as f:
    try:
        mmap.mmap(f.fileno(), 0)
    except ValueError as e:
        print("ValueError:", e)
print(mmap.PAGESIZE > 0, mmap.error is OSError, mmap.ACCESS_DEFAULT, mmap.ACCESS_READ, mmap.ACCESS_WRITE, mmap.ACCESS_COPY)

m = mmap.mmap(-1, 16)
m[:] = bytes(range(16))
v = memoryview(m)
print(v[3], v[-1], bytes(v[2:6]), bytes(v[::-3]), v[10:4:-2].tolist(), v[1:9].cast('H').tolist(), v.cast('I')[1])
print(v[4:8] == bytes(range(4, 8)), v == m[:], v.tobytes()[:3], v[::-1].tobytes(order='F')[:3], list(v[:3]), v[12:].hex())
w = v[8:12]
w[:] = b'abcd'; w[0] = 0x41
print(m[8:12], len(v), v.nbytes, len(w), v.cast('B', (4, 4))[1, 2], v.cast('B', (4, 4)).tolist()[3])
v[0:4] = v[4:8]
print(m[:8])
c = v.cast('H')
c[1] = 0x4242
print(m[2:4], c[1], c[-1:].tolist())
e = v[5:5]
print(bytes(e), e.tolist(), len(e))
for x in (w, e, c, v): x.release()
m.close()
