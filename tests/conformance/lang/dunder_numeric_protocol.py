# Pins: numeric dunder protocol: reflected ops when left returns NotImplemented, subclass reflected priority, in-place fallback to binary op, __index__ in slicing/bin/range, __bool__/__len__ truthiness fallback, __neg__/__abs__/__round__/__trunc__/__floor__, divmod/pow 3-arg.
class V:
    def __init__(self, v): self.v = v
    def __repr__(self): return f"V({self.v})"
    def __add__(self, o):
        print(f"  V.__add__({o!r})")
        return V(self.v + o.v) if isinstance(o, V) else (V(self.v + o) if isinstance(o, int) else NotImplemented)
    def __radd__(self, o):
        print(f"  V.__radd__({o!r})")
        return V(o + self.v)
    def __mul__(self, o): return V(self.v * o) if isinstance(o, int) else NotImplemented
    __rmul__ = __mul__
    def __neg__(self): return V(-self.v)
    def __abs__(self): return V(abs(self.v))
    def __round__(self, n=None): return f"round({n})"
    def __divmod__(self, o): return ("divmod", self.v, o)
    def __pow__(self, e, mod=None): return ("pow", self.v, e, mod)
    def __rpow__(self, b): return ("rpow", b, self.v)
    def __floordiv__(self, o): return NotImplemented
print(V(1) + V(2)); print(V(1) + 5); print(5 + V(1)); print(V(2) * 3, 3 * V(2), -V(4), abs(V(-3)), round(V(1)), round(V(1), 2))
print(divmod(V(7), 2), pow(V(2), 3), pow(V(2), 3, 5), 2 ** V(5))
try:
    V(1) // 2
except TypeError as e:
    print("TypeError", e)
try:
    V(1) + "s"
except TypeError as e:
    print("TypeError", e)
class W(V):
    def __radd__(self, o):
        print(f"  W.__radd__({o!r})")
        return "W wins"
print(V(1) + W(2))
x = V(10)
y = x
x += 1
print(x, y, x is y)
class Acc:
    def __init__(self): self.items = []
    def __iadd__(self, o):
        self.items.append(o); return self
a = Acc(); b = a
a += 1; a += 2
print(a is b, a.items)
class Idx:
    def __init__(self, n): self.n = n
    def __index__(self): return self.n
print("abcdef"[Idx(1):Idx(4)], [0, 1, 2][Idx(-1)], bin(Idx(5)), hex(Idx(255)), list(range(Idx(3))), (10).__pow__(2), [1] * Idx(3), operator_index := __import__("operator").index(Idx(9)))
class LenOnly:
    def __len__(self): return 0
class BoolOverLen:
    def __len__(self): return 5
    def __bool__(self): return False
print(bool(LenOnly()), bool(BoolOverLen()), "truthy" if LenOnly() else "falsy", not BoolOverLen())
class BadBool:
    def __bool__(self): return 1
try:
    bool(BadBool())
except TypeError as e:
    print("TypeError", e)
class BadLen:
    def __len__(self): return -1
try:
    len(BadLen())
except ValueError as e:
    print("ValueError", e)
import math
class Num:
    def __trunc__(self): return 7
    def __floor__(self): return 6
    def __ceil__(self): return 8
    def __float__(self): return 6.5
    def __complex__(self): return 1j
    def __int__(self): return 42
print(math.trunc(Num()), math.floor(Num()), math.ceil(Num()), float(Num()), complex(Num()), int(Num()))
class Cmp:
    def __eq__(self, o): return NotImplemented
print(Cmp() == Cmp(), Cmp() != Cmp(), Cmp() == 1)
class Matrix:
    def __matmul__(self, o): return "matmul"
    def __rmatmul__(self, o): return "rmatmul"
    def __imatmul__(self, o): return "imatmul"
m = Matrix()
print(m @ 1, 1 @ m)
m @= 2
print(m)
