# Pins: array.array interplay: buffer protocol (memoryview, bytes, bytearray, struct.pack_into), tofile/fromfile, pickling via __reduce_ex__/_array_reconstructor, copy, subclasses.
import array, copy, io, pickle, struct

def t(label, f):
    try:
        r = f()
        print(label, "->", r)
    except Exception as e:
        print(label, "->", type(e).__name__ + ":", e)

a = array.array("i", [1, -2, 3])
m = memoryview(a)
print(m.format, m.itemsize, m.nbytes, len(m), m.tolist(), m[1], m.readonly, m.tobytes() == a.tobytes())
md = memoryview(array.array("d", [0.5, 2.0]))
print(md.format, md.tolist(), md[-1])
print(bytes(array.array("h", [1, 256])), bytearray(array.array("B", [65, 66])), b"".join([array.array("B", [67])]))
b = array.array("B", bytes(8))
struct.pack_into("<hI", b, 1, -1, 0x01020304)
print(b, struct.unpack_from("<hI", b, 1))
mb = memoryview(b)
mb[0] = 9
mb[6:8] = b"\x07\x08"
print(b, bytearray(b"\x09") == array.array("B", [9]))

buf = io.BytesIO()
array.array("H", [1, 2, 513]).tofile(buf)
print(buf.getvalue())
buf.seek(0)
r = array.array("H")
r.fromfile(buf, 2)
print(r)
t("fromfile short", lambda: r.fromfile(buf, 5))
print(r)
t("fromfile neg", lambda: r.fromfile(buf, -1))
t("fromfile str", lambda: r.fromfile(io.StringIO("ab"), 1))

for arr in [array.array("b", [-1, 2]), array.array("H", [65535]), array.array("q", [-2**63]), array.array("d", [1.5]),
            array.array("f", [0.25]), array.array("w", "h\u00e9"), array.array("i")]:
    r2 = arr.__reduce_ex__(2)
    r3 = arr.__reduce_ex__(3)
    print(r2[0].__name__, r2[1], r3[0].__name__, r3[1][1:], pickle.loads(pickle.dumps(arr)) == arr, pickle.loads(pickle.dumps(arr, 2)))
rec = array._array_reconstructor
print(rec(array.array, "b", 5, b"\x00\x05"), rec(array.array, "d", 13, bytes(7) + b"\x06"), rec(array.array, "d", 14, b"\x00\x00\xc0\x3f"), rec(array.array, "w", 18, b"a\x00b\x00"))
t("rec type", lambda: rec(1, "i", 8, b""))
t("rec sub", lambda: rec(int, "i", 8, b""))
t("rec code", lambda: rec(array.array, "x", 8, b""))
t("rec mformat", lambda: rec(array.array, "i", 99, b""))
t("rec bytes", lambda: rec(array.array, "i", 8, ""))

class A(array.array):
    pass
s = A("i", [1, 2])
s.tag = "t"
print(s, type(s[:]).__name__, type(s + s).__name__, type(copy.copy(s)).__name__, s.__reduce_ex__(4)[1][0].__name__, s.__reduce_ex__(4)[2])
s2 = pickle.loads(pickle.dumps(s))
print(s2, type(s2).__name__, s2.tag)
c = array.array("d", [1, 2])
c2 = copy.deepcopy(c)
c2[0] = 5
print(c, c2, copy.copy(c) == c, array.array[int])
print(m[1:].tolist(), m[1:].format, m[1:2].nbytes, m.shape, m.strides, memoryview(array.array("q", [5, 6]))[-1])
mw = memoryview(array.array("w", "ab"))
print(mw.format, mw.itemsize, len(mw), mw.tobytes(), list(memoryview(array.array("h", [1, -2]))))
t("w tolist", lambda: mw.tolist())
t("w item", lambda: mw[0])
it = iter(array.array("i", [1, 2, 3]))
next(it)
print(it.__reduce__()[1:], list(pickle.loads(pickle.dumps(it))), list(it), it.__reduce__()[1])
j = iter(array.array("b", [4, 5]))
j.__setstate__(1)
print(list(j))
