# Pins: reprlib: Repr limits per type (maxlist/maxdict/maxstring/maxlong/maxlevel/fillvalue/indent), aRepr defaults, recursive_repr decorator, custom repr_TYPE methods.
import reprlib
print(reprlib.repr(list(range(100))), reprlib.repr("x" * 100), reprlib.repr(10 ** 100), reprlib.repr(set(range(20))), reprlib.repr({i: i for i in range(20)}))
print(reprlib.repr(tuple(range(10))), reprlib.repr(frozenset(range(10))), reprlib.repr([[[[[1]]]]]), reprlib.repr(b"y" * 50), reprlib.repr(bytearray(10)) if False else "")
r = reprlib.Repr()
r.maxlist = 3; r.maxstring = 12; r.maxlong = 10; r.maxlevel = 2; r.maxdict = 2; r.fillvalue = "~"
print(r.repr(list(range(10))), r.repr("abcdefghijklmnop"), r.repr(2 ** 80), r.repr([[[1]]]), r.repr({"a": 1, "b": 2, "c": 3}))
r2 = reprlib.Repr(maxlist=2, indent=2)
print(r2.repr([1, [2, 3, 4], 5]))
print(reprlib.aRepr.maxlist, reprlib.aRepr.maxstring, reprlib.aRepr.maxlevel, reprlib.aRepr.maxother)
class Tree:
    def __init__(self, name):
        self.name, self.kids = name, []
    @reprlib.recursive_repr()
    def __repr__(self):
        return f"Tree({self.name}, {self.kids})"
t = Tree("root"); t.kids.append(t); t.kids.append(Tree("leaf"))
print(repr(t))
class Alt(list):
    @reprlib.recursive_repr(fillvalue="<loop>")
    def __repr__(self):
        return "Alt" + list.__repr__(self)
a = Alt([1]); a.append(a)
print(repr(a))
class MyRepr(reprlib.Repr):
    def repr_Point(self, obj, level):
        return f"P({obj.x},{obj.y})"
class Point:
    def __init__(self, x, y): self.x, self.y = x, y
print(MyRepr().repr([Point(1, 2), Point(3, 4)]))
class Odd:
    def __repr__(self): return "O" * 50
print(reprlib.repr(Odd()), reprlib.repr([Odd()]))
print(reprlib.repr(""), reprlib.repr([]), reprlib.repr({}), reprlib.repr(set()), reprlib.repr(None), reprlib.repr(3.14159))
import collections
print(reprlib.repr(collections.deque(range(20))), reprlib.repr(collections.Counter("aab")))
