# Pins: a Vector class program with full operator overloading: arithmetic with scalars and vectors (reflected ops), in-place ops returning new objects for immutability, comparisons/hashing, abs/bool/len/iter/getitem with slices, format spec delegation, matrix @ dot product, NotImplemented fallbacks.
import math, functools, operator, reprlib
@functools.total_ordering
class Vector:
    __slots__ = ("_c",)
    def __init__(self, *components):
        self._c = tuple(float(x) for x in components)
    def __repr__(self):
        return f"Vector({', '.join(map(repr, self._c))})"
    def __str__(self):
        return "(" + ", ".join(f"{x:g}" for x in self._c) + ")"
    def __format__(self, spec):
        if spec.endswith("p"):
            r, *angles = self.polar()
            return f"<{r:{spec[:-1]}f} @ {', '.join(f'{a:{spec[:-1]}f}' for a in angles)}>"
        return "(" + ", ".join(format(x, spec) for x in self._c) + ")"
    def polar(self):
        return abs(self), *(math.atan2(math.hypot(*self._c[n:]), self._c[n - 1]) for n in range(1, len(self._c)))
    def __len__(self): return len(self._c)
    def __iter__(self): return iter(self._c)
    def __getitem__(self, i):
        if isinstance(i, slice):
            return Vector(*self._c[i])
        return self._c[i]
    def __abs__(self): return math.hypot(*self._c)
    def __bool__(self): return bool(abs(self))
    def __eq__(self, other):
        if not isinstance(other, Vector):
            return NotImplemented
        return self._c == other._c
    def __lt__(self, other):
        if not isinstance(other, Vector):
            return NotImplemented
        return abs(self) < abs(other)
    def __hash__(self): return functools.reduce(operator.xor, map(hash, self._c), 0)
    def __neg__(self): return Vector(*(-x for x in self._c))
    def __add__(self, other):
        if not isinstance(other, Vector):
            return NotImplemented
        if len(other) != len(self):
            raise ValueError(f"dimension mismatch: {len(self)} vs {len(other)}")
        return Vector(*(a + b for a, b in zip(self, other)))
    __radd__ = __add__
    def __sub__(self, other): return self + (-other) if isinstance(other, Vector) else NotImplemented
    def __mul__(self, k):
        if isinstance(k, (int, float)):
            return Vector(*(x * k for x in self._c))
        return NotImplemented
    def __rmul__(self, k): return self * k
    def __truediv__(self, k): return self * (1 / k) if isinstance(k, (int, float)) else NotImplemented
    def __matmul__(self, other):
        return sum(a * b for a, b in zip(self, other)) if isinstance(other, Vector) else NotImplemented
v, w = Vector(3, 4), Vector(1, -2)
print(repr(v), str(v), v + w, v - w, v * 2, 3 * w, v / 2, -v, v @ w, abs(v), bool(Vector(0, 0)), len(v), list(v), v[0], v[-1:], v[::-1])
print(f"{v}", f"{v:.2f}", f"{v:.3p}", f"{Vector(1, 1, 1):.4p}", format(w, "+.1e"))
print(v == Vector(3, 4), v != w, v > w, sorted([v, w, Vector(0, 1)]), max(v, w), hash(v) == hash(Vector(3.0, 4.0)), len({v, Vector(3, 4), w}))
u = v
u += w
print(u, v, u is v)
for bad in [lambda: v + 1, lambda: 1 + v, lambda: v * "x", lambda: v @ 2, lambda: v < 3, lambda: v + Vector(1, 2, 3)]:
    try:
        print(bad())
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
print(v == (3, 4), sum([v, w, Vector(0, 0)], Vector(0, 0)), functools.reduce(operator.add, [w] * 3))
try:
    v.extra = 1
except AttributeError as e:
    print("AttributeError", type(e).__name__)
print(reprlib.repr(Vector(*range(100)))[:40])
