# Pins: numbers ABC tower: isinstance checks for builtin and stdlib numeric types, registration and a user-defined Integral.
import numbers
from fractions import Fraction
from decimal import Decimal
for v in [1, True, 1.5, 1j, Fraction(1, 2), Decimal("1.5")]:
    print(type(v).__name__, [c.__name__ for c in (numbers.Number, numbers.Complex, numbers.Real, numbers.Rational, numbers.Integral) if isinstance(v, c)])
print(issubclass(int, numbers.Integral), issubclass(float, numbers.Rational), issubclass(numbers.Integral, numbers.Number))
class MyNum:
    pass
numbers.Real.register(MyNum)
print(isinstance(MyNum(), numbers.Real), isinstance(MyNum(), numbers.Complex), isinstance(MyNum(), numbers.Integral))
try:
    numbers.Integral()
except TypeError as e:
    print("TypeError:", e)
class Small(numbers.Integral):
    def __init__(self, v): self.v = int(v)
    def __int__(self): return self.v
    def __index__(self): return self.v
    def __repr__(self): return f"Small({self.v})"
    def __abs__(self): return Small(abs(self.v))
    def __add__(self, o): return Small(self.v + int(o))
    def __radd__(self, o): return Small(int(o) + self.v)
    def __and__(self, o): return Small(self.v & int(o))
    def __rand__(self, o): return Small(int(o) & self.v)
    def __ceil__(self): return self.v
    def __eq__(self, o): return self.v == int(o)
    def __floor__(self): return self.v
    def __floordiv__(self, o): return Small(self.v // int(o))
    def __rfloordiv__(self, o): return Small(int(o) // self.v)
    def __hash__(self): return hash(self.v)
    def __invert__(self): return Small(~self.v)
    def __le__(self, o): return self.v <= int(o)
    def __lshift__(self, o): return Small(self.v << int(o))
    def __rlshift__(self, o): return Small(int(o) << self.v)
    def __lt__(self, o): return self.v < int(o)
    def __mod__(self, o): return Small(self.v % int(o))
    def __rmod__(self, o): return Small(int(o) % self.v)
    def __mul__(self, o): return Small(self.v * int(o))
    def __rmul__(self, o): return Small(int(o) * self.v)
    def __neg__(self): return Small(-self.v)
    def __or__(self, o): return Small(self.v | int(o))
    def __ror__(self, o): return Small(int(o) | self.v)
    def __pos__(self): return self
    def __pow__(self, o, m=None): return Small(pow(self.v, int(o), m))
    def __rpow__(self, o): return Small(int(o) ** self.v)
    def __round__(self, n=None): return self.v
    def __rshift__(self, o): return Small(self.v >> int(o))
    def __rrshift__(self, o): return Small(int(o) >> self.v)
    def __truediv__(self, o): return self.v / int(o)
    def __rtruediv__(self, o): return int(o) / self.v
    def __trunc__(self): return self.v
    def __xor__(self, o): return Small(self.v ^ int(o))
    def __rxor__(self, o): return Small(int(o) ^ self.v)
s = Small(6)
print(s + 1, 2 * s, s // 4, s / 4, float(s), s.numerator, s.denominator, s.real, s.imag, complex(s), s.conjugate())
print([10, 20, 30, 40, 50, 60, 70][s], bin(s), isinstance(s, numbers.Rational))
print(numbers.Number.__hash__, numbers.Complex.__abstractmethods__ >= {"real", "imag"})
