# Pins: reusable validating descriptors with __set_name__ (storage names, error messages naming the attribute), class-level access returning the descriptor, __delete__, inheritance of descriptors, descriptor on a slotted class, per-instance storage.
class Validated:
    def __set_name__(self, owner, name):
        self.public, self.private = name, "_" + name
    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        return getattr(obj, self.private)
    def __set__(self, obj, value):
        self.validate(value)
        setattr(obj, self.private, value)
    def __delete__(self, obj):
        raise AttributeError(f"cannot delete {self.public}")
class OneOf(Validated):
    def __init__(self, *options): self.options = set(options)
    def validate(self, v):
        if v not in self.options:
            raise ValueError(f"{self.public}: expected one of {sorted(self.options)}, got {v!r}")
class Number(Validated):
    def __init__(self, minvalue=None, maxvalue=None): self.minvalue, self.maxvalue = minvalue, maxvalue
    def validate(self, v):
        if not isinstance(v, (int, float)) or isinstance(v, bool):
            raise TypeError(f"{self.public}: expected a number, got {type(v).__name__}")
        if self.minvalue is not None and v < self.minvalue:
            raise ValueError(f"{self.public}: {v} is less than {self.minvalue}")
        if self.maxvalue is not None and v > self.maxvalue:
            raise ValueError(f"{self.public}: {v} is greater than {self.maxvalue}")
class String(Validated):
    def __init__(self, minsize=0): self.minsize = minsize
    def validate(self, v):
        if not isinstance(v, str):
            raise TypeError(f"{self.public}: expected str")
        if len(v) < self.minsize:
            raise ValueError(f"{self.public}: too short ({len(v)} < {self.minsize})")
class Component:
    name = String(minsize=2)
    kind = OneOf("wood", "metal", "plastic")
    quantity = Number(minvalue=0)
    def __init__(self, name, kind, quantity):
        self.name, self.kind, self.quantity = name, kind, quantity
c = Component("bolt", "metal", 5)
print(c.name, c.kind, c.quantity, sorted(vars(c)), type(Component.name).__name__, Component.quantity.private)
for args in [("x", "metal", 1), ("nut", "stone", 1), ("nut", "wood", -3), ("nut", "wood", "3"), ("nut", "wood", True), (5, "wood", 1)]:
    try:
        Component(*args)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
try:
    del c.name
except AttributeError as e:
    print("AttributeError", e)
class Limited(Component):
    quantity = Number(0, 10)
try:
    Limited("washer", "metal", 11)
except ValueError as e:
    print("ValueError", e)
print(Limited("washer", "metal", 10).quantity, Limited.kind is Component.kind)
a, b = Component("aa", "wood", 1), Component("bb", "plastic", 2)
a.quantity = 100
print(a.quantity, b.quantity)
class SlotHost:
    __slots__ = ("_v",)
    v = Number(minvalue=1)
sh = SlotHost()
sh.v = 5
print(sh.v, hasattr(sh, "__dict__"))
try:
    SlotHost().v
except AttributeError as e:
    print("AttributeError", e)
class Counted:
    def __init__(self): self.reads = 0
    def __get__(self, obj, objtype=None):
        self.reads += 1
        return self.reads
class User:
    visits = Counted()
u = User()
print(u.visits, u.visits, User.visits, User.__dict__["visits"].reads)
