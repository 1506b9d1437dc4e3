# Pins: property behaviour across inheritance: overriding getter only via @Base.prop.getter copies, setter/deleter chains, property docstrings, abstract-free read-only errors, property on classmethod-free, super().prop access, property objects' fget/fset/fdel attributes.
class Base:
    def __init__(self): self._v = 1
    @property
    def v(self):
        "value property"
        return self._v
    @v.setter
    def v(self, value):
        if value < 0:
            raise ValueError("negative")
        self._v = value
    @v.deleter
    def v(self):
        print("deleting v"); del self._v
class Doubled(Base):
    @Base.v.getter
    def v(self):
        return self._v * 2
class ReadOnly(Base):
    @property
    def v(self):
        return "read-only " + str(super().v)
d = Doubled()
d.v = 5
print(d.v, d._v, Doubled.v.__doc__, Base.v.__doc__)
try:
    d.v = -1
except ValueError as e:
    print("ValueError", e)
del d.v
print(hasattr(d, "_v"))
r = ReadOnly()
print(r.v)
try:
    r.v = 3
except AttributeError as e:
    print("AttributeError", e)
try:
    del r.v
except AttributeError as e:
    print("AttributeError", e)
p = Base.v
print(p.fget.__name__, p.fset.__name__, p.fdel.__name__, ReadOnly.v.fset, type(p).__name__, isinstance(p, property))
class Calc:
    def __init__(self): self.calls = 0
    def _area(self):
        self.calls += 1
        return 6
    area = property(_area, doc="computed area")
c = Calc()
print(c.area, c.area, c.calls, Calc.area.__doc__)
class NoDoc:
    @property
    def x(self): return 1
print(NoDoc.x.__doc__)
class Temp:
    def __init__(self): self._c = 0.0
    @property
    def celsius(self): return self._c
    @celsius.setter
    def celsius(self, v): self._c = float(v)
    @property
    def fahrenheit(self): return self._c * 9 / 5 + 32
    @fahrenheit.setter
    def fahrenheit(self, f): self.celsius = (f - 32) * 5 / 9
t = Temp()
t.fahrenheit = 212
print(t.celsius, t.fahrenheit)
t.celsius = "-40"
print(t.fahrenheit)
class Shadow:
    @property
    def attr(self): return "property wins"
s = Shadow()
s.__dict__["attr"] = "instance dict"
print(s.attr)
class Child(Temp):
    @Temp.celsius.setter
    def celsius(self, v):
        print("child setter", v)
        Temp.celsius.fset(self, v)
ch = Child()
ch.fahrenheit = 50
print(ch.celsius)
class Err:
    @property
    def broken(self):
        return self.missing_attribute
try:
    Err().broken
except AttributeError as e:
    print("AttributeError", e)
prop2 = property(lambda self: 1).setter(lambda self, v: None)
print(prop2.fset is not None, property().fget)
try:
    property()(5) if False else property().__get__(object())
except AttributeError as e:
    print("AttributeError", e)
print(hasattr(Base.v, "__set_name__"), Base.v.__name__ if hasattr(Base.v, "__name__") else "")
