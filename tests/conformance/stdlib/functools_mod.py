# Pins: functools: reduce, partial/partialmethod, lru_cache/cache with cache_info, cached_property, singledispatch, total_ordering, wraps, cmp_to_key.
import functools
print(functools.reduce(lambda a, b: a * b, range(1, 6)), functools.reduce(lambda a, b: a + b, [], 100), functools.reduce(max, [3, 9, 2]))
try:
    functools.reduce(max, [])
except TypeError as e:
    print("TypeError:", e)
def power(base, exp, *, mod=None):
    return pow(base, exp, mod)
square = functools.partial(power, exp=2)
print(square(7), square.func.__name__, square.args, square.keywords, functools.partial(power, 2)(10), functools.partial(square, mod=5)(7))
print(repr(functools.partial(power, 3)).startswith("functools.partial(<function power"))
@functools.lru_cache(maxsize=2)
def slow(n):
    print("computing", n)
    return n * n
print(slow(2), slow(2), slow(3), slow(4), slow(2))
print(slow.cache_info())
slow.cache_clear()
print(slow.cache_info(), slow.__wrapped__(5))
@functools.cache
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(80), fib.cache_info().currsize)
class Circle:
    def __init__(self, r):
        self.r = r
    @functools.cached_property
    def area(self):
        print("computing area")
        return 3 * self.r ** 2
c = Circle(2)
print(c.area, c.area, "area" in c.__dict__)
del c.area
print(c.area)
@functools.singledispatch
def describe(x):
    return f"object {x!r}"
@describe.register
def _(x: int):
    return f"int {x}"
@describe.register(list)
def _(x):
    return f"list of {len(x)}"
@describe.register
def _(x: str | bytes):
    return f"text {x!r}"
print(describe(1), describe(True), describe([1, 2]), describe("s"), describe(b"b"), describe(1.5), describe.dispatch(bool).__name__)
class Greeter:
    def greet(self, greeting, name):
        return f"{greeting}, {name}"
    hello = functools.partialmethod(greet, "Hello")
print(Greeter().hello("Ann"))
class M:
    @functools.singledispatchmethod
    def act(self, x):
        return "default"
    @act.register
    def _(self, x: int):
        return "int"
print(M().act(1), M().act("s"))
print(sorted([3, 1, 2], key=functools.cmp_to_key(lambda a, b: b - a)))
def deco(f):
    @functools.wraps(f)
    def w(*a):
        return f(*a)
    return w
@deco
def documented():
    """docstring"""
print(documented.__name__, documented.__doc__, documented.__wrapped__.__name__)
@functools.total_ordering
class V:
    def __init__(self, v): self.v = v
    def __eq__(self, o): return self.v == o.v
    def __lt__(self, o): return self.v < o.v
print(V(1) >= V(1), V(2) <= V(1), V(3) > V(2))
p = functools.partial(print, "partial-print", sep="|")
p("x")
P = functools.Placeholder
sub = functools.partial(lambda a, b: a - b, P, 10)
print(sub(15))
