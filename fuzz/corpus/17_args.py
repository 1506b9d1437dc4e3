def f(a, b=2, /, c=3, *args, d, e=5, **kw):
    return (a, b, c, args, d, e, kw)
print(f(1, d=4), f(1, 2, 3, 4, 5, d=6, z=7), f(*[1, 2], **{"d": 0, "q": 1}))
def g(*, key): return key
try:
    g(1)
except TypeError as e:
    print("TypeError", e)
try:
    f(a=1, d=2)
except TypeError as e:
    print("TypeError", e)
print((lambda *a, **k: (a, k))(1, 2, x=3), f.__defaults__, f.__kwdefaults__)
