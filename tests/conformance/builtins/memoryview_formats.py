# Pins: memoryview over bytes/bytearray: slicing shares memory, tolist/tobytes/hex, cast between formats and shapes, release()/context manager, comparisons, readonly errors, nbytes/shape/strides/ndim, contiguous flags, memoryview of memoryview.
ba = bytearray(b"abcdefgh")
m = memoryview(ba)
s = m[2:6]
s[0] = ord("X")
print(ba, bytes(s), s.tobytes(), s.tolist(), s.hex(), s.hex("-"), len(s), s.nbytes, s.obj is ba)
print(m.format, m.itemsize, m.ndim, m.shape, m.strides, m.readonly, m.c_contiguous, m.f_contiguous, m.contiguous)
c = m.cast("B", (2, 4))
print(c.shape, c.ndim, c.strides, c.tolist(), c[1, 2])
h = memoryview(bytearray(8)).cast("H")
h[0] = 0xFFFF; h[3] = 1
print(h.tolist(), h.nbytes, len(h), h.format, h.itemsize)
try:
    h[0] = 70000
except (ValueError, TypeError) as e:
    print(type(e).__name__, e)
try:
    m.cast("B", (3, 3))
except TypeError as e:
    print("TypeError", e)
try:
    memoryview(b"ro")[0] = 1
except TypeError as e:
    print("TypeError", e)
print(memoryview(b"abc") == b"abc", memoryview(b"abc") == memoryview(bytearray(b"abc")), memoryview(b"a") != b"b", memoryview(b"xyz")[::-1].tobytes(), memoryview(b"xyz")[-1])
with memoryview(b"ctx") as cm:
    print(cm.tobytes())
try:
    cm.tobytes()
except ValueError as e:
    print("ValueError", e)
mm = memoryview(bytearray(b"123"))
mm.release(); mm.release()
try:
    len(mm)
except ValueError as e:
    print("ValueError", e)
buf = bytearray(b"resize me")
v = memoryview(buf)
try:
    buf.extend(b"!")
except BufferError as e:
    print("BufferError", e)
v.release()
buf.extend(b"!")
print(buf)
inner = memoryview(b"nested view")
outer = memoryview(inner)
print(outer.obj is inner.obj if hasattr(outer, "obj") else None, outer[:6].tobytes(), bytes(outer[7:]))
print(list(memoryview(b"\x01\x02")), memoryview(b"ab").toreadonly().readonly, memoryview(bytearray(b"ab")).toreadonly().readonly)
try:
    memoryview("str")
except TypeError as e:
    print("TypeError", e)
try:
    hash(memoryview(bytearray(b"x")))
except ValueError as e:
    print("ValueError", e)
print(hash(memoryview(b"x")) == hash(b"x"), b"".join([memoryview(b"a"), b"b"]), bytes(memoryview(b"abcdef")[1:5:2]))
