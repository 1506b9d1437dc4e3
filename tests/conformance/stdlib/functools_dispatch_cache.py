# Pins: functools.singledispatch (register by annotation/type, MRO resolution, ABC dispatch, dispatch()/registry), singledispatchmethod, lru_cache stats/clear/typed/maxsize, cache, cached_property.
import functools, collections.abc
@functools.singledispatch
def show(x):
    return f"object:{x!r}"
@show.register
def _(x: int):
    return f"int:{x}"
@show.register(list)
def _(x):
    return "list:" + ",".join(show(i) for i in x)
@show.register
def _(x: str | bytes):
    return f"text:{x!r}"
@show.register(collections.abc.Mapping)
def _(x):
    return "mapping:" + str(len(x))
print(show(1), show(True), show(1.5), show([1, "a"]), show("s"), show(b"b"), show({"a": 1}), show(collections.OrderedDict()))
print(show.dispatch(bool).__name__ == show.dispatch(int).__name__, show.dispatch(float) is show.registry[object], len(show.registry))
class Shape:
    @functools.singledispatchmethod
    def area(self, arg):
        raise NotImplementedError(type(arg).__name__)
    @area.register
    def _(self, arg: int):
        return arg * arg
    @area.register
    def _(self, arg: tuple):
        return arg[0] * arg[1]
s = Shape()
print(s.area(4), s.area((2, 5)))
try:
    s.area("x")
except NotImplementedError as e:
    print("NotImplementedError", e)
try:
    show()
except TypeError as e:
    print("TypeError", e)
calls = []
@functools.lru_cache(maxsize=3)
def sq(n):
    calls.append(n)
    return n * n
for n in [1, 2, 3, 1, 4, 2, 1]:
    sq(n)
print(calls, sq.cache_info(), sq.cache_parameters())
sq.cache_clear()
print(sq.cache_info())
@functools.lru_cache(typed=True)
def ident(x):
    calls.append(("t", x))
    return x
calls.clear()
ident(1); ident(1.0); ident(1)
print(calls, ident.cache_info().currsize)
@functools.cache
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(80), fib.cache_info().hits, fib.cache_info().misses)
@functools.lru_cache
def kw(a, b=2):
    return a + b
print(kw(1), kw(1, b=2), kw(a=1), kw.cache_info().currsize)
try:
    kw([1])
except TypeError as e:
    print("TypeError", e)
@functools.lru_cache(maxsize=0)
def nocache(x):
    return x
nocache(1); nocache(1)
print(nocache.cache_info())
class Data:
    def __init__(self):
        self.n = 0
    @functools.cached_property
    def expensive(self):
        self.n += 1
        return self.n * 100
d = Data()
print(d.expensive, d.expensive, d.n, "expensive" in d.__dict__)
del d.expensive
print(d.expensive, d.n)
d.expensive = 5
print(d.expensive, type(Data.__dict__["expensive"]).__name__, Data.expensive.attrname)
class Slotted:
    __slots__ = ("a",)
    @functools.cached_property
    def p(self):
        return 1
try:
    Slotted().p
except TypeError as e:
    print("TypeError", e)
