# Pins: classmethod and staticmethod: calling through class and instance, inheritance, alternative constructors.
class Date:
    def __init__(self, y, m, d):
        self.y, self.m, self.d = y, m, d

    @classmethod
    def from_string(cls, s):
        return cls(*map(int, s.split("-")))

    @staticmethod
    def is_leap(y):
        return y % 4 == 0 and (y % 100 != 0 or y % 400 == 0)

    def __repr__(self):
        return f"{type(self).__name__}({self.y}, {self.m}, {self.d})"

class MyDate(Date):
    pass

print(Date.from_string("2024-02-29"), MyDate.from_string("1999-12-31"))
print(Date.is_leap(2000), Date.is_leap(1900), Date(1, 1, 1).is_leap(2024))
print(type(Date.__dict__["from_string"]).__name__, type(Date.__dict__["is_leap"]).__name__)
cm = Date.__dict__["from_string"]
print(cm.__func__.__name__, cm.__wrapped__ is cm.__func__)
sm = Date.__dict__["is_leap"]
print(sm.__func__(2004), sm(2001))
print(type(Date.from_string).__name__, Date.from_string.__self__ is Date)
print(type(Date.is_leap).__name__)

class Registry:
    items = []
    @classmethod
    def add(cls, x):
        cls.items = cls.items + [x]
        return cls

class R2(Registry):
    pass

Registry.add(1)
R2.add(2)
print(Registry.items, R2.items)

class Counter:
    _n = 0
    @classmethod
    def next(cls):
        cls._n += 1
        return cls._n

print(Counter.next(), Counter.next(), Counter().next())
print(callable(staticmethod(abs)), staticmethod(abs)(-3))
print(repr(staticmethod(abs)).startswith("<staticmethod("))

class Chained:
    @classmethod
    @property
    def name(cls):
        return cls.__name__
try:
    print(Chained.name)
except Exception as e:
    print(type(e).__name__, e)
