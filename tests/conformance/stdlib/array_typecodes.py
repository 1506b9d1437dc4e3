# Pins: array.array for every typecode: item round-trips, itemsize, limits and CPython's overflow/type errors, unicode arrays, tobytes/frombytes/byteswap, repr and constructor errors.
import array, warnings

def t(label, f):
    try:
        r = f()
        print(label, "->", r)
    except Exception as e:
        print(label, "->", type(e).__name__ + ":", e)

print(array.typecodes)
limits = {"b": (-128, 127), "B": (0, 255), "h": (-2**15, 2**15 - 1), "H": (0, 2**16 - 1),
          "i": (-2**31, 2**31 - 1), "I": (0, 2**32 - 1), "q": (-2**63, 2**63 - 1), "Q": (0, 2**64 - 1)}
for tc, (lo, hi) in limits.items():
    a = array.array(tc, [lo, hi, 0])
    print(tc, a.itemsize, a, a[0] == lo, a[1] == hi, a.tobytes()[:a.itemsize] == lo.to_bytes(a.itemsize, "little", signed=lo < 0))
for tc in "bBhHqQ":
    lo, hi = limits[tc]
    t(tc + " low", lambda: array.array(tc, [lo - 1]))
    t(tc + " high", lambda: array.array(tc, [hi + 1]))
    t(tc + " str", lambda: array.array(tc, ["1"]))
    t(tc + " float", lambda: array.array(tc, [1.0]))
t("I neg", lambda: array.array("I", [-1]))
t("L neg", lambda: array.array("L", [-1]))
t("l big", lambda: array.array("l", [2**64]))
t("L big", lambda: array.array("L", [2**64]))
t("b short", lambda: array.array("b", [-2**20]))
t("H int", lambda: array.array("H", [2**20]))
t("index obj", lambda: array.array("h", [True, False]))

class Idx:
    def __index__(self):
        return 7
t("__index__", lambda: array.array("b", [Idx()]))
f = array.array("f", [0.1, 1e300, -2.5])
d = array.array("d", [0.1, 1e300, float("inf")])
print(f, d, f.itemsize, d.itemsize)
t("f str", lambda: array.array("f", ["x"]))
t("d none", lambda: array.array("d", [None]))
t("d big", lambda: array.array("d", [10**400]))
t("d int", lambda: array.array("d", [3, True]))

w = array.array("w", "h\u00e9\U0001f600")
print(w, w.itemsize, len(w), w[2] == "\U0001f600", w.tounicode() == "h\u00e9\U0001f600")
w.fromunicode("!?")
w.append("z")
print(w, w.tolist())
t("w int", lambda: array.array("w", [1]))
t("w long", lambda: array.array("w", ["ab"]))
t("w empty", lambda: w.append(""))
t("tounicode", lambda: array.array("i").tounicode())
t("fromunicode", lambda: array.array("i").fromunicode("x"))
t("fromunicode int", lambda: array.array("w").fromunicode(1))
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    u = array.array("u", "ab")
print(u, u.itemsize, [(c.category.__name__, str(c.message)) for c in caught])

h = array.array("h", [1, -2, 300])
print(h.tobytes())
h.byteswap()
print(h)
h.byteswap()
h.frombytes(b"\x05\x00")
print(h, array.array("i", b"\x01\x00\x00\x00\xff\xff\xff\xff"), array.array("d", bytes(8)))
t("frombytes odd", lambda: h.frombytes(b"\x01"))
t("frombytes str", lambda: h.frombytes("ab"))
t("bytes init odd", lambda: array.array("i", b"abc"))
b = array.array("B", bytearray(b"AB"))
b.fromlist([67, 68])
print(b, b.tobytes())
t("fromlist tuple", lambda: b.fromlist((1,)))
t("fromlist bad", lambda: b.fromlist([1, 256]))
print(b)

t("no args", lambda: array.array())
t("typecode int", lambda: array.array(1))
t("typecode long", lambda: array.array("ii"))
t("bad typecode", lambda: array.array("z"))
t("kwargs", lambda: array.array("i", initializer=[1]))
t("str init", lambda: array.array("i", "abc"))
t("unicode init", lambda: array.array("i", array.array("w", "a")))
t("int init", lambda: array.array("i", 5))
t("three args", lambda: array.array("i", [], 1))
print(array.array("i", range(4)), array.array("i", (1, 2)), array.array("d", array.array("i", [1, 2])), array.array("b", iter([1, 2])))
t("none init", lambda: array.array("i", None))
print(repr(array.array("w")), str(array.array("q", [5])), array.ArrayType is array.array)
print(array.array.__name__, array.array.__module__, type(iter(array.array("i"))).__name__)
