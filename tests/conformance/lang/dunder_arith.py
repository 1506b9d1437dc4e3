# Pins: arithmetic dunders, reflected operators, NotImplemented fallback and in-place operators.
class V:
    def __init__(self, *c):
        self.c = c
    def __repr__(self):
        return f"V{self.c}"
    def _op(self, other, fn):
        if isinstance(other, V):
            return V(*(fn(a, b) for a, b in zip(self.c, other.c)))
        if isinstance(other, (int, float)):
            return V(*(fn(a, other) for a in self.c))
        return NotImplemented
    def __add__(self, o): return self._op(o, lambda a, b: a + b)
    def __radd__(self, o): print("radd"); return self._op(o, lambda a, b: b + a)
    def __sub__(self, o): return self._op(o, lambda a, b: a - b)
    def __rsub__(self, o): return self._op(o, lambda a, b: b - a)
    def __mul__(self, o): return self._op(o, lambda a, b: a * b)
    def __rmul__(self, o): return self._op(o, lambda a, b: b * a)
    def __truediv__(self, o): return self._op(o, lambda a, b: a / b)
    def __floordiv__(self, o): return self._op(o, lambda a, b: a // b)
    def __mod__(self, o): return self._op(o, lambda a, b: a % b)
    def __pow__(self, o, mod=None):
        return V(*(pow(a, o, mod) for a in self.c))
    def __rpow__(self, o): return f"rpow {o}"
    def __matmul__(self, o): return sum(a * b for a, b in zip(self.c, o.c))
    def __neg__(self): return V(*(-a for a in self.c))
    def __pos__(self): return "pos"
    def __abs__(self): return V(*(abs(a) for a in self.c))
    def __invert__(self): return "inverted"
    def __lshift__(self, n): return f"lshift {n}"
    def __rrshift__(self, n): return f"rrshift {n}"
    def __and__(self, o): return "and"
    def __ror__(self, o): return "ror"
    def __xor__(self, o): return "xor"
    def __divmod__(self, o): return ("divmod", o)
    def __rdivmod__(self, o): return ("rdivmod", o)

a, b = V(1, 2), V(3, 4)
print(a + b, a - b, a * b, a * 2, 2 * a, 10 - a, 1 + a)
print(b / 2, b // 2, b % 2, a ** 2, pow(b, 2, 5), 2 ** a)
print(a @ b, -a, +a, abs(V(-1, 2)), ~a)
print(a << 3, 3 >> a, a & 1, 1 | a, a ^ 0)
print(divmod(a, 7), divmod(7, a))
try:
    a + "s"
except TypeError as e:
    print("TypeError:", e)
try:
    "s" - a
except TypeError as e:
    print("TypeError:", e)

class Acc:
    def __init__(self):
        self.items = []
    def __iadd__(self, x):
        self.items.append(x)
        return self
    def __isub__(self, x):
        return "replaced"
    def __imul__(self, x):
        return NotImplemented
    def __mul__(self, x):
        return f"mul fallback {x}"

acc = Acc()
orig = acc
acc += 1
acc += 2
print(acc is orig, acc.items)
acc *= 3
print(acc)
acc = Acc()
acc -= 1
print(acc)

class Sub(V):
    def __radd__(self, o):
        return "Sub.radd wins"
print(V(1) + Sub(2))

l = [1]
l2 = l
l += [2]
print(l is l2, l)
t = (1,)
t2 = t
t += (2,)
print(t is t2, t)
class OnlyAdd:
    def __add__(self, o):
        return "add"
x = OnlyAdd()
x += 1
print(x)
try:
    y = OnlyAdd()
    y -= 1
except TypeError as e:
    print("TypeError:", e)
