# Pins: class statement basics: attributes, methods, bound methods, class vs instance namespace, repr and qualnames.
class Point:
    """A point."""
    dims = 2

    def __init__(self, x, y):
        self.x = x
        self.y = y

    def norm2(self):
        return self.x ** 2 + self.y ** 2

    def __repr__(self):
        return f"Point({self.x!r}, {self.y!r})"

p = Point(3, 4)
print(p, p.norm2(), Point.norm2(p), p.dims, Point.__doc__)
print(Point.__name__, Point.__qualname__, Point.__module__)
print(sorted(vars(p).items()))
print(type(p) is Point, isinstance(p, Point), isinstance(p, object))
m = p.norm2
print(type(m).__name__, m.__self__ is p, m.__func__ is Point.norm2, m())
p.dims = 3
print(p.dims, Point.dims)
del p.dims
print(p.dims)
Point.dims = 5
print(p.dims)
p.z = 10
print(sorted(p.__dict__))
print(hasattr(p, "z"), getattr(p, "w", "default"))
setattr(p, "w", 1)
delattr(p, "w")
print(hasattr(p, "w"))
try:
    p.missing
except AttributeError as e:
    print(e)

class Empty:
    pass

e = Empty()
print(Empty.__bases__, Empty.__mro__)
print(type(Empty).__name__, type(e).__name__)
print(str(e).startswith("<__main__.Empty object at 0x"))

class Outer:
    class Inner:
        def m(self):
            pass

print(Outer.Inner.__qualname__, Outer.Inner.m.__qualname__)

class WithClassAttrs:
    items = []
    def add(self, v):
        self.items.append(v)

a, b = WithClassAttrs(), WithClassAttrs()
a.add(1); b.add(2)
print(WithClassAttrs.items)

class Dyn:
    pass

Dyn.method = lambda self: "added later"
print(Dyn().method())
NewCls = type("NewCls", (Point,), {"dims": 7, "extra": lambda self: self.x})
n = NewCls(1, 2)
print(n, n.dims, n.extra(), NewCls.__mro__[1].__name__)
print(Point.__dict__["dims"], "norm2" in Point.__dict__)

class Counter:
    count = 0
    def __init__(self):
        Counter.count += 1
for _ in range(3):
    Counter()
print(Counter.count)
