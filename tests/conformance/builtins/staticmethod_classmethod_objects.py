# Pins: staticmethod/classmethod objects: __func__, __wrapped__, callability of staticmethod outside class (3.10+), classmethod binding through instances/subclasses, classmethod wrapping property no longer supported, descriptor __get__ results, method equality/identity of bound methods.
class K:
    @staticmethod
    def s(x): return f"static {x}"
    @classmethod
    def c(cls, x): return f"class {cls.__name__} {x}"
    def m(self): return "method"
class Sub(K): pass
print(K.s(1), K().s(2), K.c(3), Sub.c(4), Sub().c(5))
sm = K.__dict__["s"]; cm = K.__dict__["c"]
print(type(sm).__name__, type(cm).__name__, sm.__func__.__name__, cm.__func__.__name__, sm.__wrapped__ is sm.__func__, callable(sm), sm(9))
print(sm.__get__(None, K) is sm.__func__, cm.__get__(None, Sub)("x"), cm.__get__(K())("y"))
b1, b2 = K().m, K().m
k = K()
print(k.m == k.m, k.m is k.m, b1 == b2, k.m.__self__ is k, k.m.__func__ is K.m, K.c.__self__ is K, Sub.c.__self__ is Sub)
print(type(K.m).__name__, type(k.m).__name__, type(K.c).__name__, type(K.s).__name__)
def plain(x): return x * 2
static_plain = staticmethod(plain)
print(static_plain(21), repr(static_plain).startswith("<staticmethod("), staticmethod(len)("abc"))
class Counter:
    n = 0
    @classmethod
    def inc(cls):
        cls.n += 1
        return cls.n
class Child(Counter): pass
print(Counter.inc(), Counter.inc(), Child.inc(), Counter.n, Child.n)
class Factory:
    def __init__(self, v): self.v = v
    @classmethod
    def from_str(cls, s): return cls(int(s))
    @staticmethod
    def validate(s): return s.isdigit()
class SubFactory(Factory): pass
obj = SubFactory.from_str("42")
print(type(obj).__name__, obj.v, SubFactory.validate("12"), Factory.validate("x"))
try:
    K.m()
except TypeError as e:
    print("TypeError", e)
try:
    staticmethod(1)()
except TypeError as e:
    print("TypeError", e)
print(K.s.__name__, K.c.__name__, K.c.__qualname__, K.s.__qualname__, sm.__doc__, cm.__isabstractmethod__)
import functools
class Deco:
    @staticmethod
    @functools.cache
    def cached(x): return x ** 2
    @classmethod
    @functools.lru_cache
    def ccached(cls, x): return (cls.__name__, x)
print(Deco.cached(4), Deco.cached.cache_info().currsize, Deco.ccached(2), Deco().ccached(2))
print(getattr(K, "s")(0), getattr(K(), "c")(0), [f(1) for f in (K.s, K.c)])
