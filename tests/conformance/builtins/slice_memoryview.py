# Pins: slice objects and memoryview: attributes, indices, comparisons, hashing; memoryview slicing, casting, tolist, release and readonly errors.
s = slice(1, 10, 2)
print(s, s.start, s.stop, s.step, s.indices(5), slice(None).indices(3), slice(-3, None).indices(10))
print(slice(1, 2) == slice(1, 2), slice(1, 2) == slice(1, 3), hash(slice(1, 2)) == hash(slice(1, 2)))
print("abcdefgh"[s], list(range(20))[slice(None, None, -5)])
try:
    slice(1, 2, 0).indices(5)
except ValueError as e:
    print("ValueError:", e)
m = memoryview(b"abcdef")
print(m[0], m[-1], m[1:3].tobytes(), bytes(m[::2]), len(m), m.readonly, m.format, m.itemsize, m.ndim, m.shape, m.strides)
print(m.tolist(), m.hex(), m == b"abcdef", m[1:3] == b"bc", m.nbytes, m.contiguous)
try:
    m[0] = 1
except TypeError as e:
    print("TypeError:", e)
ba = bytearray(b"hello")
mv = memoryview(ba)
mv[0] = ord("J")
mv[1:3] = b"EE"
print(ba, mv.readonly, mv.obj is ba)
try:
    mv[0:2] = b"xyz"
except ValueError as e:
    print("ValueError:", e)
ints = memoryview(bytearray(8)).cast("i")
print(ints.format, ints.itemsize, len(ints), ints.tolist())
ints[1] = -5
print(ints.tolist(), bytes(ints.cast("B"))[4:])
h = memoryview(bytearray(range(6))).cast("B", (2, 3))
print(h.shape, h.tolist(), h[1, 2])
with memoryview(b"ctx") as cm:
    print(cm.tobytes())
try:
    cm.tobytes()
except ValueError as e:
    print("ValueError:", e)
print(repr(m)[:11], type(m).__name__)
try:
    hash(memoryview(bytearray(b"x")))
except ValueError as e:
    print("ValueError:", e)
print(hash(memoryview(b"x")) == hash(b"x"), memoryview(b"ab").toreadonly().readonly)
import array
arr = array.array("h", [1, -2, 3])
am = memoryview(arr)
print(am.format, am.itemsize, am.tolist(), am[1], am.nbytes)
print(bytes(memoryview(b"xyz")[::-1]), list(memoryview(b"\x01\x02")))
