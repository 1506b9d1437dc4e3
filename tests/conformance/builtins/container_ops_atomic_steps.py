# Pins: list.sort/remove, bytearray slices and pops, deque operations and
# importlib.import_module of a submodule, as changed for thread safety.
import collections, importlib, json

def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

a = [3, -1, 2**70, 5, -2**65, 0, 3]
a.sort(); print(a)
a.sort(reverse=True); print(a)
f = [0.0, -0.0, 1.5, -2.25, 0.0, -0.0]
f.sort(); print(f)
f.sort(reverse=True); print(f)
s = ["b", "a", "é", "z", "B"]
s.sort(); print(ascii(s))
m = [1, 2.5, True, 0]
m.sort(); print(m)
show(lambda: [1, "a"].sort())
n = [float("nan"), 1.0, 0.5]
n.sort(); print(n)

class E:
    def __init__(self, v): self.v = v
    def __eq__(self, o): return isinstance(o, E) and o.v == self.v
    def __repr__(self): return f"E({self.v})"
l = [E(1), E(2), E(1)]
l.remove(E(1)); print(l)
show(lambda: l.remove(E(5)))
l2 = [1, 2.0, "x", b"y", None, True]
l2.remove(2); l2.remove(1); print(l2)
l2.remove(None); l2.remove(b"y"); print(l2)
show(lambda: l2.remove(3))
l3 = list(range(10))
l3[2:5] = ["a"]; print(l3)
del l3[::3]; print(l3)
print(l3[-3:], l3[::-2])

b = bytearray(b"hello world")
b[1:1] = b"XY"; print(b)
b[100:] = b"!"; print(b)
b[-3:] = b""; print(b)
del b[::2]; print(b)
del b[1]; print(b)
show(lambda: b.pop(100))
print(b.pop(), b.pop(0), b)
b.remove(ord("X")) if ord("X") in b else None; print(b)
show(lambda: b.remove(255))
show(lambda: bytearray().pop())

d = collections.deque([1, 2, 3], maxlen=3)
d.append(4); d.appendleft(0); print(d)
show(lambda: d.insert(0, 9))
show(lambda: d.rotate(10**20 + 1)); d.rotate(2**31 - 1); print(d)
d.rotate(-1); print(d)
print(d[-1], d[0]); show(lambda: d[3]); show(lambda: d[-4])
d[-1] = "z"; del d[0]; print(d)
show(lambda: d.__delitem__(5))
show(lambda: d.remove(99))
u = collections.deque("abc")
u.insert(-1, "Q"); u.remove("a"); print(u, u.index("c"), u.count("b"), "Q" in u)
print(u.copy(), list(reversed(u)), u.pop(), u.popleft(), u)
show(lambda: collections.deque().pop())
d2 = collections.deque([1, 2]); it = iter(d2); next(it); d2.append(3)
show(lambda: next(it))
print(list(collections.deque(range(5), maxlen=2)))
d3 = collections.deque([1, 2, 3]); d3.extend(d3); d3.extendleft([0]); print(d3)

m = importlib.import_module("json.tool"); print(m.__name__)
print(list({"a": 1, "b": 2}), list({"a": 1}.items()), list({"a": 1}.values()), sorted({3, 1, 2}))
e = enumerate("ab", 2**62 - 1); print(list(e))
e = enumerate("ab", 2**64); print(list(e))
