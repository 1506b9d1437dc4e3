# Pins: numbers ABC tower: isinstance of builtins/Fraction/Decimal, registering a custom class, implementing Integral/Real mixins (derived methods), hashing rules.
import numbers, fractions, decimal
vals = [1, True, 1.5, 2j, fractions.Fraction(1, 2), decimal.Decimal("1.5"), "1", None]
for v in vals:
    print(f"{type(v).__name__:9}", [isinstance(v, c) for c in (numbers.Number, numbers.Complex, numbers.Real, numbers.Rational, numbers.Integral)])
print(issubclass(numbers.Integral, numbers.Rational), issubclass(numbers.Real, numbers.Integral), issubclass(bool, numbers.Integral))
class Money:
    def __init__(self, cents):
        self.cents = cents
numbers.Real.register(Money)
print(isinstance(Money(5), numbers.Real), isinstance(Money(5), numbers.Number), isinstance(Money(5), numbers.Integral), issubclass(Money, numbers.Complex))
class MyInt(numbers.Integral):
    def __init__(self, v): self.v = int(v)
    def __int__(self): return self.v
    def __index__(self): return self.v
    def __repr__(self): return f"MyInt({self.v})"
    def __abs__(self): return MyInt(abs(self.v))
    def __add__(self, o): return MyInt(self.v + int(o))
    __radd__ = __add__
    def __and__(self, o): return MyInt(self.v & int(o))
    __rand__ = __and__
    def __ceil__(self): return self.v
    def __divmod__(self, o): return divmod(self.v, int(o))
    def __rdivmod__(self, o): return divmod(int(o), self.v)
    def __eq__(self, o): return self.v == int(o)
    def __floor__(self): return self.v
    def __floordiv__(self, o): return MyInt(self.v // int(o))
    def __rfloordiv__(self, o): return MyInt(int(o) // self.v)
    def __invert__(self): return MyInt(~self.v)
    def __le__(self, o): return self.v <= int(o)
    def __lshift__(self, o): return MyInt(self.v << int(o))
    def __rlshift__(self, o): return MyInt(int(o) << self.v)
    def __lt__(self, o): return self.v < int(o)
    def __mod__(self, o): return MyInt(self.v % int(o))
    def __rmod__(self, o): return MyInt(int(o) % self.v)
    def __mul__(self, o): return MyInt(self.v * int(o))
    __rmul__ = __mul__
    def __neg__(self): return MyInt(-self.v)
    def __or__(self, o): return MyInt(self.v | int(o))
    __ror__ = __or__
    def __pos__(self): return self
    def __pow__(self, o, m=None): return MyInt(pow(self.v, int(o), m))
    def __rpow__(self, o): return MyInt(int(o) ** self.v)
    def __round__(self, nd=None): return self.v
    def __rshift__(self, o): return MyInt(self.v >> int(o))
    def __rrshift__(self, o): return MyInt(int(o) >> self.v)
    def __truediv__(self, o): return self.v / int(o)
    def __rtruediv__(self, o): return int(o) / self.v
    def __trunc__(self): return self.v
    def __xor__(self, o): return MyInt(self.v ^ int(o))
    __rxor__ = __xor__
    __hash__ = None
m = MyInt(12)
print(m + 3, 3 + m, m * 2, m // 5, m % 5, m ** 2, m & 10, m | 1, m ^ 15, ~m, m << 2, m >> 2, -m, abs(MyInt(-3)))
print(m.numerator, m.denominator, m.real, m.imag, m.conjugate(), float(m), complex(m), [1, 2, 3, 4][MyInt(1)], m - 2 if hasattr(m, "__sub__") else None)
print(m < 20, m <= 12, not (m < 5), bin(m), hex(m), range(MyInt(3))[-1], int(m) == 12)
try:
    class Incomplete(numbers.Integral):
        pass
    Incomplete()
except TypeError as e:
    print("TypeError", str(e).split(" with")[0])
print(numbers.Complex.register is numbers.Number.register, hash(1.5) == hash(fractions.Fraction(3, 2)), hash(decimal.Decimal("1.5")) == hash(1.5))
print(sorted(n for n in dir(numbers.Rational) if not n.startswith("_")))
