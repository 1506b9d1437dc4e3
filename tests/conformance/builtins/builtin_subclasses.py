# Pins: subclassing builtins: which operations call overridden methods (dict.update vs __setitem__, list.extend vs append, str methods returning base type), __init__/__new__ of immutable subclasses, and reprs.
class LoudDict(dict):
    def __setitem__(self, k, v):
        print("__setitem__", k)
        super().__setitem__(k, v)
    def __getitem__(self, k):
        print("__getitem__", k)
        return super().__getitem__(k)
d = LoudDict(a=1)
d["b"] = 2
d.update(c=3)
d.setdefault("e", 5)
print(d.get("a"), d["a"], dict(d), type(d.copy()).__name__, type(d | {}).__name__)
class LoudList(list):
    def append(self, x):
        print("append", x)
        super().append(x)
    def __len__(self):
        return 99
l = LoudList([1])
l.append(2)
l.extend([3])
l += [4]
print(l, len(l), list.__len__(l), bool(LoudList()), type(l[:1]).__name__, type(l + [5]).__name__, type(l * 2).__name__)
class UpperStr(str):
    def __new__(cls, value):
        return super().__new__(cls, value.upper())
    def shout(self):
        return self + "!"
u = UpperStr("hello")
print(u, repr(u), u.shout(), type(u.lower()).__name__, type(u + "x").__name__, type(u[1:]).__name__, isinstance(u, str), u == "HELLO")
class Money(int):
    def __new__(cls, cents):
        return super().__new__(cls, round(cents))
    def __repr__(self):
        return f"Money({int(self)})"
    def __add__(self, other):
        return Money(int(self) + int(other))
m = Money(10.6)
print(m, repr(m), m + 5, type(m + 5).__name__, type(5 + m).__name__, type(m * 2).__name__, m == 11, hash(m) == hash(11))
class Point(tuple):
    def __new__(cls, x, y):
        return super().__new__(cls, (x, y))
    @property
    def x(self):
        return self[0]
p = Point(1, 2)
print(p, p.x, len(p), type(p + (3,)).__name__, p == (1, 2))
class MyFloat(float):
    pass
print(type(MyFloat(1.5) + 1).__name__, MyFloat(2.5).is_integer(), repr(MyFloat("1e3")))
class MySet(set):
    def add(self, x):
        print("add", x)
        super().add(x)
s = MySet([1])
s.add(2)
s |= {3}
print(sorted(s), type(s | {4}).__name__, type(s.copy()).__name__)
class DefaultList(list):
    def __missing__(self, i):
        return "never used by list"
try:
    DefaultList([1])[5]
except IndexError as e:
    print("IndexError:", e)
class KeyCounter(dict):
    def __missing__(self, k):
        self[k] = 0
        return 0
kc = KeyCounter()
kc["x"] += 1
kc["x"] += 1
print(kc, kc.get("y"), "y" in kc)
class Bytes2(bytes):
    def hexup(self):
        return self.hex().upper()
print(Bytes2(b"\x0a\xff").hexup(), type(Bytes2(b"a") + b"b").__name__)
