# Pins: function parameter kinds: positional-only, keyword-only, defaults, *args, **kwargs and binding errors.
def f(a, b, /, c, d=4, *args, e, f=6, **kw):
    return (a, b, c, d, args, e, f, sorted(kw.items()))

print(f(1, 2, 3, e=5))
print(f(1, 2, 3, 40, 50, 60, e=5, f=7, z=9, y=8))
print(f(1, 2, c=3, d=4, e=5))

def g(x, y=[]):
    y.append(x)
    return y

print(g(1), g(2), g(3, []))

def h(*, only):
    return only

print(h(only="k"))

def calls(fn, *a, **k):
    try:
        return fn(*a, **k)
    except TypeError as exc:
        return f"TypeError: {exc}"

print(calls(f, 1, 2, 3))
print(calls(f, 1, b=2, c=3, e=1))
print(calls(h, 1))
print(calls(h))
print(calls(h, only=1, other=2))
print(calls(g))
print(calls(g, 1, 2, 3))
print(calls(g, 1, x=2))

def kwonly_defaults(a, *, b=1, c):
    return a, b, c

print(kwonly_defaults(0, c=3))
print(kwonly_defaults.__defaults__, kwonly_defaults.__kwdefaults__)
print(f.__code__.co_argcount, f.__code__.co_posonlyargcount, f.__code__.co_kwonlyargcount)
print(f.__code__.co_varnames[:8])

def unpack(*args, **kwargs):
    return args, kwargs

print(unpack(*[1, 2], *(3,), **{"a": 1}, **{"b": 2}))
print(unpack(*range(3), x=1, **dict(y=2)))
try:
    unpack(**{"a": 1}, **{"a": 2})
except TypeError as exc:
    print(exc)
try:
    unpack(**{1: 2})
except TypeError as exc:
    print(exc)

def annotated(a: int, b: "str" = "x", *c: float, d: bool = True, **e: dict) -> list:
    pass

print(sorted(annotated.__annotations__.items()))

def posonly_kw(a, /, **kw):
    return a, kw

print(posonly_kw(1, a=2))
print(f.__name__, f.__qualname__, kwonly_defaults.__qualname__)

def outer():
    def inner(p=1):
        return p
    return inner

print(outer().__qualname__, outer()())
def many(a, b=2, *, c=3):
    return a + b + c
print(many(1), many(1, 1), many(1, c=0), many(b=0, a=0, c=0))
print(calls(many, 1, 2, 3))
