# Binary operators on two instances of one Python class: the dunder's result,
# NotImplemented as TypeError (no reflected retry for one type), exceptions,
# generator dunders, subclasses with reflected methods, deep recursion.
class V:
    def __init__(self, x): self.x = x
    def __add__(self, o): return V(self.x + o.x)
    def __sub__(self, o): return NotImplemented
    def __mul__(self, o): raise ValueError("mul")
    def __pow__(self, o): return NotImplemented
    def __repr__(self): return f"V({self.x})"
a, b = V(1), V(2)
print(a + b, (a + b + a))
try: a - b
except TypeError as e: print(e)
try: a ** b
except TypeError as e: print(e)
try: a * b
except ValueError as e: print("ValueError", e)
class W(V):
    def __radd__(self, o): return "radd"
print(a + W(5), W(5) + a)
class G:
    def __add__(self, o):
        yield 1
print(type(G() + G()).__name__)
x = V(1)
x += V(4); print(x)
def deep(n): return V(n) + (deep(n-1) if n else V(0))
print(deep(50))
