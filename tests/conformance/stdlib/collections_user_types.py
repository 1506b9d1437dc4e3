# Pins: collections.UserDict/UserList/UserString: overriding __setitem__ is honoured by update/init (unlike dict subclasses), .data attribute, operators returning the subclass type, copy behaviour, UserString methods returning UserString.
from collections import UserDict, UserList, UserString
import copy
class LowerDict(UserDict):
    def __setitem__(self, key, value):
        super().__setitem__(key.lower(), value)
class LowerRaw(dict):
    def __setitem__(self, key, value):
        super().__setitem__(key.lower(), value)
u = LowerDict({"A": 1}, B=2)
u.update({"C": 3}); u["D"] = 4; u.setdefault("E", 5)
r = LowerRaw({"A": 1}, B=2)
r.update({"C": 3}); r["D"] = 4
print(dict(u), dict(r))
print(u.data is not None, type(u.data).__name__, "a" in u, u.get("a"), len(u), sorted(u.keys()), u | {"z": 0}, type(u | {"z": 0}).__name__)
c = u.copy()
c["F"] = 6
print(type(c).__name__, "f" in c, "f" in u, type(copy.copy(u)).__name__)
class Missing(UserDict):
    def __missing__(self, key): return f"default-{key}"
print(Missing()["x"], Missing(a=1)["a"], "x" in Missing())
try:
    UserDict()["nope"]
except KeyError as e:
    print("KeyError", e)
class Stack(UserList):
    def push(self, v): self.append(v)
    def peek(self): return self[-1]
s = Stack([1, 2])
s.push(3)
print(s, s.peek(), s.data, type(s + [4]).__name__, type(s[1:]).__name__, type(s * 2).__name__, s == [1, 2, 3], len(s), s.index(2), s.count(3))
s2 = s.copy(); s2.pop()
print(s, s2, type(s2).__name__, sorted(Stack([3, 1, 2])), list(reversed(s)), 2 in s)
s += [9]; s.extend((8,)); s.sort(); s.reverse()
print(s, type(s).__name__, s < [10], [0] + s)
class Upper(UserString):
    def shout(self): return self.upper() + "!"
us = Upper("hello World")
print(us, repr(us), us.shout(), type(us.upper()).__name__, type(us[1:3]).__name__, us.split(), type(us.split()[0]).__name__, len(us), us == "hello World", "World" in us)
print(us + "x", type(us + "x").__name__, us * 2, us.replace("l", "L"), us.find("o"), us.data, us.startswith("he"), f"{us!s:>15}|", "%s!" % us)
try:
    us[0] = "H"
except TypeError as e:
    print("TypeError", e)
print(sorted([Upper("b"), Upper("a")]), hash(Upper("q")) == hash("q"), int(UserString("42")) + 1, float(UserString("1.5")))
