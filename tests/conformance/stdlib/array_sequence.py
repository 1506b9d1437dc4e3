# Pins: array.array as a mutable sequence: slicing with assignment and deletion, extended slices, +, *, +=, *=, in, iteration, comparisons, list-like methods and their errors.
import array

def t(label, f):
    try:
        r = f()
        print(label, "->", r)
    except Exception as e:
        print(label, "->", type(e).__name__ + ":", e)

a = array.array("i", range(10))
print(a[2:5], a[::-1], a[1::3], a[-3:], a[5:2], a[100:])
a[2:5] = array.array("i", [20, 30])
print(a)
a[::2] = array.array("i", [0, 0, 0, 0, 0])
print(a)
a[1:1] = array.array("i", [7, 7])
print(a)
a[:] = a
print(a)
del a[::3]
print(a)
del a[1:3]
print(a)
del a[-1]
print(a)
a[0] = -5
a[-1] = 99
print(a, len(a))
t("set slice list", lambda: a.__setitem__(slice(0, 2), [1]))
t("set slice kind", lambda: a.__setitem__(slice(0, 2), array.array("b", [1])))
t("extended size", lambda: a.__setitem__(slice(0, 6, 2), array.array("i", [1])))
t("get oob", lambda: a[50])
t("set oob", lambda: a.__setitem__(50, 1))
t("del oob", lambda: a.__delitem__(50))
t("str index", lambda: a["x"])
t("set overflow", lambda: array.array("b", [0]).__setitem__(0, 2**20))

x = array.array("d", [1.0, 2.5])
y = array.array("d", [3.0])
print(x + y, x * 2, 2 * x, x * 0, x * -1)
x += y
x *= 2
print(x, 2.5 in x, 9 in x, "a" in x)
t("add list", lambda: x + [1])
t("add kind", lambda: x + array.array("f"))
t("iadd list", lambda: x.__iadd__([1]))
t("iadd kind", lambda: x.__iadd__(array.array("f")))
t("mul str", lambda: x * "a")
t("extend kind", lambda: x.extend(array.array("f")))
t("extend int", lambda: x.extend(3))
x.extend([7, 8])
x.extend(array.array("d", [9]))
x.extend(v / 2 for v in range(2))
print(x)
it = iter(x)
print(next(it), next(it), list(it), list(it))

c = array.array("b", [3, 1, 3, 2, 3])
print(c.count(3), c.index(3), c.index(3, 1), c.index(3, -2), c.count(9))
t("index missing", lambda: c.index(9))
t("index window", lambda: c.index(1, 2, 4))
t("remove missing", lambda: c.remove(9))
c.remove(3)
c.insert(0, 9)
c.insert(-1, 8)
c.insert(100, 7)
c.insert(-100, 6)
print(c, c.pop(), c.pop(0), c.pop(-2), c)
t("pop oob", lambda: c.pop(10))
t("pop empty", lambda: array.array("b").pop())
c.reverse()
print(c)
c.clear()
print(c, len(c), bool(c), bool(array.array("b", [0])))

p, q = array.array("i", [1, 2, 3]), array.array("i", [1, 2, 4])
print(p == q, p != q, p < q, p <= q, p > q, p >= q, p == array.array("i", [1, 2, 3]))
print(array.array("i", [1, 2]) == array.array("d", [1.0, 2.0]), array.array("i", [1]) < array.array("i", [1, 0]))
print(array.array("d", [float("nan")]) == array.array("d", [float("nan")]), p == [1, 2, 3], p != "x")
for label, f in [("lt int", lambda: p < 3), ("hash", lambda: hash(p))]:
    try:
        f()
    except TypeError:
        print(label, "-> TypeError")
print(sorted(array.array("h", [3, -1, 2])), sum(array.array("f", [0.5, 0.25])), max(array.array("Q", [1, 2**64 - 1])))
print(list(reversed(array.array("b", [1, 2, 3]))), list(enumerate(array.array("B", b"ab"))))
e = array.array("i", range(8))
e[::3] = array.array("i")
e[5:1:-2] = array.array("i")
print(e)
