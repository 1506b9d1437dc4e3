# Pins: augmented assignment on names, attributes, subscripts and slices, with __iadd__ fallbacks, target expressions evaluated once, and tuple-in-list mutation errors.
class Box:
    def __init__(self):
        self.v = 1
        self.items = [1]
b = Box()
b.v += 2
b.v *= 5
b.items += [2]
b.items *= 2
print(b.v, b.items)
d = {"k": 1, "l": [0]}
d["k"] -= 10
d["l"] += (1, 2)
d.setdefault("new", 0)
d["new"] |= 6
print(d)
lst = [1, 2, 3, 4, 5]
lst[1:3] += ["x"] if False else []
lst[-1] **= 2
lst[0] <<= 4
print(lst)
s = "ab"
s += "cd"
s *= 2
print(s)
calls = []
class Tracker:
    def __init__(self):
        self.data = {"x": 10}
    def __getitem__(self, k):
        calls.append(("get", k))
        return self.data[k]
    def __setitem__(self, k, v):
        calls.append(("set", k, v))
        self.data[k] = v
def get_tracker():
    calls.append("get_tracker")
    return t
t = Tracker()
get_tracker()["x"] += 5
print(calls, t.data)
class Attr:
    def __getattr__(self, name):
        print("getattr", name)
        return 0
    def __setattr__(self, name, value):
        print("setattr", name, value)
        object.__setattr__(self, name, value)
a = Attr()
a.counter += 1
a.counter += 1
print(a.counter)
tup = ([1],)
try:
    tup[0] += [2]
except TypeError as e:
    print("TypeError:", e, tup)
x = 5
x //= 2; x -= 1; x %= 3; x ^= 7; x >>= 1; x |= 8; x &= 12
print(x)
f = 2.0
f **= 0.5; f /= 2
print(round(f, 12))
fs = frozenset([1])
fs2 = fs
fs |= {2}
print(fs, fs2, fs is fs2)
m = [[0] * 2 for _ in range(2)]
m[1][0] += 7
print(m)
import operator
n = 3
n = operator.iadd(n, 4)
print(n)
