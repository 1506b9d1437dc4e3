# Pins: lambda expressions: defaults, varargs, nesting, names and conditional bodies.
sq = lambda x: x * x
print(sq(7), sq.__name__, sq.__qualname__)
add = lambda a, b=10, *c, d=1, **e: (a + b + sum(c) + d, e)
print(add(1), add(1, 2, 3, 4, d=0, k=5))
print((lambda: "no args")())
print((lambda *a: a)(1, 2))
print((lambda **k: sorted(k))(b=1, a=2))
print((lambda x, /, y: x - y)(5, y=2))
compose = lambda f, g: lambda x: f(g(x))
inc = lambda x: x + 1
dbl = lambda x: x * 2
print(compose(inc, dbl)(5), compose(dbl, inc)(5))
print(sorted(["bb", "a", "ccc"], key=lambda s: -len(s)))
sign = lambda n: "neg" if n < 0 else "zero" if n == 0 else "pos"
print([sign(n) for n in (-3, 0, 4)])
curry = lambda a: lambda b: lambda c: a * 100 + b * 10 + c
print(curry(1)(2)(3))
fact = lambda n: 1 if n <= 1 else n * fact(n - 1)
print(fact(10))
print((lambda: (yield 1))().__class__.__name__)
print(list((lambda: (yield from range(3)))()))
def outer():
    return lambda: outer.__name__
print(outer()(), outer().__qualname__)
print(type(sq).__name__, sq.__code__.co_name)
print(repr(sq).startswith("<function <lambda> at "))
print(list(map(lambda p: p[0] * p[1], zip([1, 2, 3], [4, 5, 6]))))
print(list(filter(lambda s: s.isupper(), "aBcDE")))
