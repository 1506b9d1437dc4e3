# Pins: property objects: getter/setter/deleter, decorator chaining, read-only errors and docs.
class Temp:
    def __init__(self):
        self._c = 0.0

    @property
    def celsius(self):
        """Temperature in C."""
        return self._c

    @celsius.setter
    def celsius(self, v):
        if v < -273.15:
            raise ValueError("below absolute zero")
        self._c = v

    @celsius.deleter
    def celsius(self):
        print("deleting")
        self._c = 0.0

    @property
    def fahrenheit(self):
        return self._c * 9 / 5 + 32

t = Temp()
t.celsius = 100
print(t.celsius, t.fahrenheit)
del t.celsius
print(t.celsius)
try:
    t.celsius = -300
except ValueError as e:
    print("ValueError:", e)
try:
    t.fahrenheit = 1
except AttributeError as e:
    print("AttributeError:", e)
try:
    del t.fahrenheit
except AttributeError as e:
    print("AttributeError:", e)
print(Temp.celsius.__doc__, type(Temp.celsius).__name__)
print(Temp.celsius.fget.__name__, Temp.celsius.fset.__name__, Temp.fahrenheit.fset)

class Old:
    def get_x(self):
        return self._x
    def set_x(self, v):
        self._x = v * 2
    x = property(get_x, set_x, None, "the x")

o = Old()
o.x = 4
print(o.x, Old.x.__doc__)
p = property(lambda self: 1)
print(p.__get__(None, Old) is p)

class Sub(Temp):
    @Temp.celsius.getter
    def celsius(self):
        return "sub:" + str(self._c)

s = Sub()
s.celsius = 5
print(s.celsius)

class Lazy:
    calls = 0
    @property
    def value(self):
        Lazy.calls += 1
        return 42

l = Lazy()
print(l.value, l.value, Lazy.calls)
try:
    l.value = 1
except AttributeError as e:
    print(e)

class Raises:
    @property
    def bad(self):
        raise AttributeError("inner problem")
    def __getattr__(self, name):
        return f"fallback for {name}"

print(Raises().bad)
print(property.__name__, isinstance(Temp.celsius, property))
print(hasattr(property(), "__isabstractmethod__"))
