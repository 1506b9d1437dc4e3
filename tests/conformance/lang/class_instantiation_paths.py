# Instantiating plain classes: __init__ argument binding, a non-None return,
# exceptions and tracebacks from __init__, abstract classes, generator __init__,
# subclasses, __new__ overrides, deep and runaway recursion through __init__.
class P:
    def __init__(self, x, y=2, *rest, k=0, **kw):
        self.x, self.y, self.rest, self.k, self.kw = x, y, rest, k, kw
p = P(1); print(vars(p))
p = P(1, 3, 4, 5); print(vars(p))
p = P(*[7, 8]); print(vars(p))
p = P(1, k=5, z=6); print(vars(p))
class Bad:
    def __init__(self): return 5
try: Bad()
except TypeError as e: print("TypeError", e)
class Raises:
    def __init__(self, v):
        if v: raise ValueError("no")
        self.v = v
try: Raises(1)
except ValueError as e: print("ValueError", e, e.__traceback__.tb_next.tb_frame.f_code.co_name)
print(Raises(0).v)
try: P()
except TypeError as e: print(e)
import abc
class A(abc.ABC):
    @abc.abstractmethod
    def m(self): ...
try: A()
except TypeError as e: print(e)
class Abs:
    __abstractmethods__ = frozenset({"f"})
    def __init__(self): pass
class G:
    def __init__(self):
        yield 1
try: G()
except TypeError as e: print(e)
class Sub(P):
    pass
s = Sub(9); print(type(s).__name__, s.x)
class WithNew:
    def __new__(cls, *a): 
        print("new", a); return super().__new__(cls)
    def __init__(self, a): self.a = a
print(WithNew(3).a)
class Deep:
    def __init__(self, n): self.c = Deep(n - 1) if n else None
d = Deep(50); n = 0
while d: d = d.c; n += 1
print(n)
def rec(): return Inf()
class Inf:
    def __init__(self): rec()
try: Inf()
except RecursionError as e: print("RecursionError", e)
