# Pins: array.array typecodes and itemsizes-independent behaviour: overflow errors, frombytes/tobytes round trip, byteswap, slicing/extend/insert/pop/remove, buffer_info length, fromlist/tolist, unicode 'w', comparisons.
from array import array
import sys
a = array("i", [1, 2, 3])
a.append(4); a.extend([5, 6]); a.insert(0, 0)
print(a, a.typecode, len(a), a[2], a[-1], a[1:3], a[::-2], a.tolist())
print(a.pop(), a.pop(0), a.index(3), a.count(2), a)
a.remove(3); print(a)
a.reverse(); print(a)
a[1:3] = array("i", [9, 9, 9]); print(a)
del a[::2]; print(a)
print(array("b", [127, -128]), array("B", [0, 255]), array("h", [-32768]), array("f", [1.5, 0.1])[1] != 0.1, array("d", [0.1])[0] == 0.1)
for tc, bad in [("b", 128), ("B", -1), ("h", 40000), ("H", -5), ("I", -1), ("q", 2**63)]:
    try:
        array(tc, [bad])
    except OverflowError as e:
        print(tc, "OverflowError", e)
try:
    array("i", [1.5])
except TypeError as e:
    print("TypeError", e)
try:
    array("z")
except ValueError as e:
    print("ValueError", e)
try:
    array("i", [1]) + array("d", [1.0])
except TypeError as e:
    print("TypeError", e)
h = array("H", [1, 256, 0xABCD])
raw = h.tobytes()
print(len(raw) == 3 * h.itemsize, array("H", raw) if False else None)
h2 = array("H"); h2.frombytes(raw); print(h2 == h, h2)
h2.byteswap(); print(h2.tolist())
try:
    array("H").frombytes(b"\x01\x02\x03")
except ValueError as e:
    print("ValueError", e)
u = array("w", "héllo")
print(u, u.tounicode(), u[1], len(u))
u.fromunicode(" wörld"); print(u.tounicode())
try:
    array("i").tounicode()
except ValueError as e:
    print("ValueError", e)
d = array("d"); d.fromlist([1.0, 2.5]); print(d, sum(d), max(d), sorted(array("i", [3, 1, 2])))
print(array("i", [1, 2]) == array("l", [1, 2]), array("i", [1, 2]) < array("i", [1, 3]), array("i", [1, 2]) == [1, 2])
print(array("b", b"abc"), array("B", b"\xff").tolist(), bytes(array("B", [104, 105])))
m = memoryview(array("i", [10, 20, 30]))
print(m.format, m.tolist(), m[1], len(m))
print(len(array("i", [1, 2]).buffer_info()), array("i", [1, 2]).buffer_info()[1], array("q", [2**62]).tolist())
print(array("i", [1, 2]) * 2, array("i") + array("i", [7]), 2 in array("i", [1, 2]), repr(array("d")), repr(array("u", "ab")))
aa = array("i", range(5))
aa[::2] = array("i", [0, 0, 0]); print(aa)
try:
    aa[::2] = array("i", [1])
except ValueError as e:
    print("ValueError", e)
try:
    aa[10]
except IndexError as e:
    print("IndexError", e)
print(array("i", (x * x for x in range(4))), list(reversed(array("i", [1, 2, 3]))))
