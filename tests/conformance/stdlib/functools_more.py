# Pins: more functools: lru_cache typed and unbounded, cache_parameters, partial flattening and repr-free attributes, singledispatch on ABCs and registry, reduce with initial, update_wrapper assigned/updated, cached_property on slots error.
import functools, collections.abc as cabc
@functools.lru_cache(maxsize=None, typed=True)
def ident(x):
    print("miss", repr(x))
    return x
ident(1); ident(1.0); ident(1); ident(True)
print(ident.cache_info(), ident.cache_parameters())
@functools.lru_cache
def noparens(x):
    return x * 2
print(noparens(4), noparens.cache_parameters())
p1 = functools.partial(max, 1)
p2 = functools.partial(p1, 5, key=abs)
print(p2.func is max, p2.args, p2.keywords, p2(-9, 2))
@functools.singledispatch
def kind(x):
    return "object"
@kind.register
def _(x: cabc.Sequence):
    return "sequence"
@kind.register
def _(x: cabc.Mapping):
    return "mapping"
@kind.register(int)
def _(x):
    return "int"
print(kind([1]), kind("s"), kind({}), kind(3), kind(True), kind(3.5), kind(range(2)), sorted(t.__name__ for t in kind.registry))
print(functools.reduce(lambda acc, x: acc + [x * 2], [1, 2, 3], []), functools.reduce(lambda a, b: a * 10 + b, [1, 2, 3]))
def original(a, b=1):
    """original doc"""
original.custom = "attr"
def wrapper(*args):
    return original(*args)
functools.update_wrapper(wrapper, original, assigned=("__name__",), updated=("__dict__",))
print(wrapper.__name__, wrapper.__doc__, wrapper.custom, wrapper.__wrapped__ is original)
class Slotted:
    __slots__ = ("x",)
    @functools.cached_property
    def value(self):
        return 1
try:
    Slotted().value
except TypeError as e:
    print("TypeError:", e)
class Temp:
    def __init__(self):
        self.calls = 0
    @functools.cached_property
    def expensive(self):
        self.calls += 1
        return [self.calls]
t = Temp()
print(t.expensive, t.expensive, t.calls, Temp.expensive.__class__.__name__, Temp.expensive.attrname)
t.expensive = ["overridden"]
print(t.expensive)
@functools.total_ordering
class Ver:
    def __init__(self, *parts):
        self.parts = parts
    def __eq__(self, o):
        return self.parts == o.parts
    def __gt__(self, o):
        return self.parts > o.parts
    def __repr__(self):
        return "v" + ".".join(map(str, self.parts))
print(sorted([Ver(1, 2), Ver(1, 0, 5), Ver(0, 9)]), Ver(1) <= Ver(1), Ver(2) < Ver(1, 9))
key = functools.cmp_to_key(lambda a, b: (len(a) > len(b)) - (len(a) < len(b)) or (a > b) - (a < b))
print(sorted(["bb", "a", "ccc", "ab", "b"], key=key))
print(functools.WRAPPER_ASSIGNMENTS, functools.WRAPPER_UPDATES)
