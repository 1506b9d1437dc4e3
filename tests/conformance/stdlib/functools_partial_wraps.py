# Pins: functools.partial (args/keywords merge, nesting flattening, repr, Placeholder), partialmethod, wraps/update_wrapper attributes, __wrapped__, reduce with initial, cmp_to_key, total_ordering.
import functools
def f(a, b, c=3, *rest, **kw):
    return (a, b, c, rest, kw)
p = functools.partial(f, 1, c=30)
print(p(2), p(2, c=7, z=1), p.func is f, p.args, p.keywords)
pp = functools.partial(p, 9, d=4)
print(pp(), pp.func is f, pp.args, pp.keywords)
print(repr(functools.partial(max, 1, key=abs)).startswith("functools.partial(<built-in function max>, 1, key="))
try:
    functools.partial()
except TypeError as e:
    print("TypeError", e)
try:
    functools.partial(1)
except TypeError as e:
    print("TypeError", e)
PH = functools.Placeholder
sub = functools.partial(pow, PH, 2)
print(sub(5), sub(7), functools.partial(str.replace, PH, "a", "o")("banana"))
try:
    functools.partial(f, PH)()
except TypeError as e:
    print("TypeError", e)
class Cell:
    def __init__(self): self.state = None
    def set(self, v): self.state = v; return self
    on = functools.partialmethod(set, True)
    off = functools.partialmethod(set, False)
c = Cell()
print(c.on().state, c.off().state)
def deco(fn):
    @functools.wraps(fn)
    def inner(*a, **k):
        """inner doc"""
        return fn(*a, **k) * 2
    return inner
@deco
def compute(x: int) -> int:
    """Compute something."""
    return x + 1
print(compute(4), compute.__name__, compute.__doc__, compute.__annotations__, compute.__wrapped__(4), compute.__qualname__)
def plain(): pass
plain.custom = 1
def wrapper(): pass
functools.update_wrapper(wrapper, plain, assigned=("__name__",), updated=("__dict__",))
print(wrapper.__name__, wrapper.custom, wrapper.__wrapped__ is plain, functools.WRAPPER_ASSIGNMENTS, functools.WRAPPER_UPDATES)
print(functools.reduce(lambda a, b: a * b, range(1, 6)), functools.reduce(lambda a, b: a + b, [], 10), functools.reduce(lambda a, b: a + [b], "abc", []))
try:
    functools.reduce(lambda a, b: a, [])
except TypeError as e:
    print("TypeError", e)
def cmp(a, b):
    return (len(a) > len(b)) - (len(a) < len(b)) or (a > b) - (a < b)
print(sorted(["ccc", "a", "bb", "aa", "b"], key=functools.cmp_to_key(cmp)))
K = functools.cmp_to_key(cmp)
print(K("a") < K("bb"), K("b") == K("b"))
@functools.total_ordering
class V:
    def __init__(self, n): self.n = n
    def __eq__(self, o): return self.n == o.n
    def __lt__(self, o): return self.n < o.n
    def __repr__(self): return f"V{self.n}"
print(V(1) <= V(2), V(3) >= V(2), V(2) > V(2), sorted([V(3), V(1), V(2)]), max(V(1), V(5)))
try:
    @functools.total_ordering
    class Bad:
        pass
except ValueError as e:
    print("ValueError", e)
print(functools.partial(int, base=2)("1011"), list(map(functools.partial(round, ndigits=1), [1.26, 2.31])))
