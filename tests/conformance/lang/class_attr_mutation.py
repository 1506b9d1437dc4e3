# Class attributes changed after use are seen at once: method and attribute lookups through instances, subclasses and dunders follow every change.
class Base:
    def greet(self):
        return "base"
    kind = "b"

class Child(Base):
    pass

c = Child()
for _ in range(3):
    print(c.greet(), c.kind)
Base.greet = lambda self: "patched"
print(c.greet())
Child.greet = lambda self: "child"
print(c.greet())
del Child.greet
print(c.greet())
del Base.kind
try:
    c.kind
except AttributeError as e:
    print("AttributeError", e)
Base.kind = "again"
print(c.kind)

# Dunder methods added and removed after instances exist.
class Num:
    def __init__(self, v):
        self.v = v
a, b = Num(1), Num(2)
try:
    a + b
except TypeError as e:
    print("TypeError", e)
Num.__add__ = lambda self, o: Num(self.v + o.v)
print((a + b).v)
del Num.__add__
try:
    a + b
except TypeError as e:
    print("TypeError", e)
Num.__len__ = lambda self: 7
print(len(a))
Num.__len__ = lambda self: 8
print(len(a))

# A replaced class attribute is released at once.
class Noisy:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("del", self.name)

class Holder:
    item = Noisy("first")
print(Holder.item.name)
Holder.item = Noisy("second")
print("after replace")
del Holder.item
print("after delete")

# Mutation through a metaclass and setattr().
class Meta(type):
    def add(cls, name, value):
        setattr(cls, name, value)
class WithMeta(metaclass=Meta):
    pass
w = WithMeta()
print(hasattr(w, "x"))
WithMeta.add("x", 42)
print(w.x, getattr(w, "x"))
for i in range(5):
    setattr(Base, "counter", i)
    print(Child.counter, c.counter, end=" ")
print()

# Attributes on many classes at once (the cache must tell them apart).
classes = [type(f"K{i}", (), {"v": i}) for i in range(50)]
print(sum(k().v for k in classes))
for k in classes:
    k.v = k.v * 2
print(sum(k().v for k in classes))
