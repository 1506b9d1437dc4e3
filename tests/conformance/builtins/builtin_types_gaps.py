# Pins: dict views as sets (comparisons, reflected operators), slice ordering, range slicing beyond i64, iterator __reduce__/__setstate__/__length_hint__, OSError errno mapping, singleton constructors and builtin docstrings.
d = {"a": 1, "b": 2, "c": 3}
k, it = d.keys(), d.items()
print(k <= {"a", "b", "c", "d"}, k < {"a", "b", "c"}, k >= {"a"}, k > k, k == {"c", "b", "a"}, k == ["a", "b", "c"], it <= {("a", 1), ("b", 2), ("c", 3)})
print(sorted({"a", "z"} & k), sorted(["z", "a"] | k), sorted(["a", "q"] - k), sorted({"q"} ^ k), sorted(k - ["a"]), k.isdisjoint(["x"]))
print({"x": 1} | {"y": 2}, dict.__ror__({"x": 1}, {"y": 2}), type(reversed(d)).__name__, type(reversed(d.values())).__name__, type(reversed(d.items())).__name__)
print(slice(1, 2) < slice(1, 3), slice(1, 2) == slice(1, 2), sorted([slice(3), slice(1), slice(2)]), slice(0, 10, 2).__reduce__())
print(slice(None, None, -1).indices(5), slice(-10 ** 30, 10 ** 30).indices(10 ** 20), range(10 ** 20)[10 ** 19:10 ** 19 + 2], range(10)[::-3], range(5)[10:])
l = [1, 2, 3]
i = iter(l)
next(i)
print(i.__reduce__(), i.__length_hint__(), type(reversed(l)).__name__, reversed(l).__reduce__())
i.__setstate__(0)
print(list(i), i.__reduce__())
r = iter(range(2, 20, 5))
next(r)
print(r.__reduce__(), r.__length_hint__(), iter("abc").__reduce__(), iter({1: 2}).__reduce__())
print(enumerate("ab", 3).__reduce__()[0].__name__, zip("a", "b", strict=True).__reduce__()[2], map(abs, [1]).__reduce__()[0].__name__)
e = iter(b"xyz")
next(e)
print(type(e).__name__, e.__length_hint__(), list(e), type(iter(bytearray())).__name__)
import errno
for code in (errno.ENOENT, errno.EACCES, errno.EEXIST, errno.EPIPE, errno.EINVAL):
    x = OSError(code, "msg", "f1", None, "f2")
    print(type(x).__name__, x.errno == code, x.strerror, x.filename, x.filename2, x.args[1:], str(x).split("] ")[1])
print(str(OSError("plain")), OSError(1, 2, 3, 4, 5, 6).errno, FileNotFoundError(5, "x").errno)
print(type(None)(), type(NotImplemented)(), type(...)())
for t in (type(None), type(NotImplemented), type(...)):
    try:
        t(1)
    except TypeError as err:
        print("TypeError:", err)
try:
    bool(NotImplemented)
except TypeError as err:
    print("TypeError:", err)
print(len.__doc__.splitlines()[0], str.__doc__.splitlines()[0], ValueError.__doc__, object.__doc__.splitlines()[0])
class P:
    @property
    def p(self):
        return 1
print(P.__dict__["p"].__name__)
for stmt in ("P().p = 2", "del P().p"):
    try:
        exec(stmt)
    except AttributeError as err:
        print("AttributeError:", err)
class EqOnly:
    def __eq__(self, o):
        return True
print(EqOnly.__hash__)
class Collide:
    def __init__(self, v): self.v = v
    def __hash__(self): return 1
    def __eq__(self, o): return self.v == o.v
print(len({Collide(1), Collide(2), Collide(1)}), len({Collide(1): 0, Collide(3): 0}))
for f in (lambda: [1] * "x", lambda: "x" * [1], lambda: (1,) * 1.5):
    try:
        f()
    except TypeError as err:
        print("TypeError:", err)
