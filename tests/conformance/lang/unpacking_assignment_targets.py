# Pins: assignment target forms: chained assignment evaluation order (left-to-right targets), starred targets in nested tuples/lists and for-loops, swap idioms, attribute/subscript targets, unpacking errors with counts, unpacking from generators/dicts/strings.
log = []
class Rec:
    def __setattr__(self, k, v):
        log.append(f"set {k}={v}")
        object.__setattr__(self, k, v)
class Box(dict):
    def __setitem__(self, k, v):
        log.append(f"item {k}={v}")
        super().__setitem__(k, v)
r, b = Rec(), Box()
r.a = b["k"] = r.c = 7
print(log); log.clear()
def val(tag, v):
    log.append(tag); return v
b[val("key", "x")] = val("value", 1)
print(log); log.clear()
a, (b1, *rest), c = 1, [2, 3, 4, 5], 6
print(a, b1, rest, c)
first, *middle, last = "abcdef"
print(first, middle, last)
*init, tail = [1]
print(init, tail)
(x, y), [z, *w] = (1, 2), range(3, 7)
print(x, y, z, w)
for i, (k, *vs) in enumerate([("a", 1, 2), ("b",)]):
    print(i, k, vs)
p, q = 1, 2
p, q = q, p
print(p, q)
L = [0, 1, 2]
i = 0
i, L[i] = 2, "set"
print(i, L)
L2 = [10, 20]
L2[0], L2[1] = L2[1], L2[0]
print(L2)
for src in [(1, 2, 3), (1,), "ab", iter([1, 2, 3, 4])]:
    try:
        m, n = src
        print("ok", m, n)
    except ValueError as e:
        print("ValueError", e)
try:
    m, n, *o = (1,)
except ValueError as e:
    print("ValueError", e)
try:
    a, b = 5
except TypeError as e:
    print("TypeError", e)
def gen():
    yield from "xyz"
g1, *g2 = gen()
print(g1, g2)
d = {"k1": 1, "k2": 2}
k1, k2 = d
(ka, va), (kb, vb) = d.items()
print(k1, k2, ka, va, kb, vb)
[s1, s2] = "hi"
print(s1, s2)
nested = [[1, [2, 3]], [4, [5, 6]]]
for a, (b, c) in nested:
    print(a + b + c, end=" ")
print()
obj = type("O", (), {})()
obj.x, obj.y = divmod(17, 5)
print(obj.x, obj.y)
head, *_ = [9, 8, 7]
print(head, _)
t = 1, 2,
u = ()
v = 3,
print(t, u, v, type(v).__name__)
matrix = [[1, 2], [3, 4]]
(a1, a2), (a3, a4) = matrix
print(a1 * a4 - a2 * a3)
print([(a, b) for a, *b in ["xyz", "pq"]])
aa = bb = []
aa.append(1)
print(aa, bb, aa is bb)
i = 0
data = [10, 20, 30]
i, data[i] = 1, 99
print(data)
