# Pins: container dunders: __len__, __getitem__ with ints and slices, __setitem__, __delitem__, __contains__, __iter__, __reversed__, __missing__, __bool__.
class Seq:
    def __init__(self, *items):
        self.items = list(items)
    def __len__(self):
        return len(self.items)
    def __getitem__(self, i):
        print("getitem", i)
        return self.items[i]
    def __setitem__(self, i, v):
        print("setitem", i, v)
        self.items[i] = v
    def __delitem__(self, i):
        print("delitem", i)
        del self.items[i]

s = Seq(1, 2, 3, 4)
print(len(s), s[0], s[-1], s[1:3], s[::2])
s[0] = 10
s[1:3] = [7]
del s[0]
print(s.items)
print(list(s))
print(3 in s, 99 in s)
s2 = Seq(1, 2)
print(list(reversed(s2)))

class Grid:
    def __getitem__(self, key):
        return key
g = Grid()
print(g[1, 2], g[1:2, ::3], g[...], g[:, None])

class Cont:
    def __contains__(self, x):
        return x == "yes"
print("yes" in Cont(), "no" in Cont(), "no" not in Cont())

class It:
    def __iter__(self):
        return iter([3, 2, 1])
    def __reversed__(self):
        return iter(["rev"])
print(list(It()), list(reversed(It())), 2 in It(), sorted(It()))

class Md(dict):
    def __missing__(self, k):
        return f"missing {k}"
m = Md(a=1)
print(m["a"], m["b"], m.get("b"), "b" in m)

class B1:
    def __bool__(self):
        return False
class B2:
    def __len__(self):
        return 0
class B3:
    pass
print(bool(B1()), bool(B2()), bool(B3()), not B1())
class BadBool:
    def __bool__(self):
        return 1
try:
    bool(BadBool())
except TypeError as e:
    print("TypeError:", e)
class BadLen:
    def __len__(self):
        return -1
try:
    len(BadLen())
except ValueError as e:
    print("ValueError:", e)
class BigLen:
    def __len__(self):
        return "3"
try:
    len(BigLen())
except TypeError as e:
    print("TypeError:", e)
class LenHint:
    def __length_hint__(self):
        return 7
import operator
print(operator.length_hint(LenHint()), operator.length_hint([1, 2]), operator.length_hint(object(), 5))
class Idx:
    def __index__(self):
        return 2
print([10, 20, 30][Idx()], "abc"[Idx()], bin(Idx()), [0, 1, 2, 3][Idx():])
try:
    [1][1.0]
except TypeError as e:
    print("TypeError:", e)
