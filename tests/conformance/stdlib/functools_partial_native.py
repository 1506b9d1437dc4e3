# Pins: functools.partial as CPython's C type: repr (recursive too), flattening (placeholders merged, not with attributes), keyword merge order, __get__ binding (3.14), __reduce__/__setstate__ and its errors, pickle/copy, attributes and weakrefs, subclasses, Placeholder.
import functools, pickle, copy, weakref
from functools import partial, Placeholder as PH
def f(*args, **kw):
    return args, kw
p = partial(f, 1, PH, 3, a=1, b=2)
print(p(2), p(2, 4, b=20, c=30), p._phcount if hasattr(p, "_phcount") else "-")
print(repr(p).replace(repr(f), "<f>"))
q = partial(p, 9, 10, c=3)
print(q.func is f, q.args, q.keywords, q())
try:
    partial(p, 1, PH)
except TypeError as e:
    print("TypeError", e)
try:
    partial(f, a=PH)
except TypeError as e:
    print("TypeError", e)
try:
    p()
except TypeError as e:
    print("TypeError", e)
p.attr = "x"
nested = partial(p, 2)
print(nested.func is p, nested.args, p.__dict__, vars(nested))
class Meth:
    g = partial(f, "bound?")
    def __repr__(self): return "Meth()"
print(Meth().g(1), Meth.g(1))
red = partial(f, 1, k=2).__reduce__()
print(red[0] is partial, red[1][0] is f, red[2][1:], partial(f).__reduce__()[2][1:])
s = partial(f)
s.__setstate__((f, (5, 6), {"z": 1}, {"note": 1}))
print(s(), s.note)
for bad in [[f, (), None, None], (f, ()), (1, (), None, None), (f, [], None, None), (f, (), [], None), (f, (1, PH), None, None)]:
    try:
        s.__setstate__(bad)
    except TypeError as e:
        print("TypeError", e)
u = pickle.loads(pickle.dumps(partial(max, 3, key=abs)))
print(u(-5), type(u).__name__, repr(u))
c = copy.copy(p); d = copy.deepcopy(partial(f, [1], k=[2]))
print(c(2), c.attr, d())
w = weakref.ref(p)
print(w() is p)
class Sub(partial):
    pass
sp = Sub(f, 1)
print(type(sp).__name__, sp(2), repr(sp).startswith("__main__.Sub(<function f"), type(partial(sp, 3).func).__name__)
rec = partial(f)
rec.__setstate__((f, (rec,), None, None))
print(repr(rec).replace(repr(f), "<f>"))
print(repr(PH), PH.__reduce__(), type(PH)() is PH, pickle.loads(pickle.dumps(PH)) is PH, copy.copy(PH) is PH)
try:
    type(PH)(1)
except TypeError as e:
    print("TypeError", e)
try:
    class X(type(PH)): pass
except TypeError as e:
    print("TypeError", e)
print(partial[int], type(partial).__name__, partial.__module__, type(PH).__module__)
try:
    p.func = max
except AttributeError as e:
    print("AttributeError")
print(partial(f, k=1)(k=2), list(partial(f, x=1, y=2)(y=3, z=4)[1].items()))
import inspect
def g(a, b, c=3, *, d=4): pass
print(partial.__text_signature__, inspect.signature(partial), inspect.signature(partial(g, PH, 2, d=5)), partial.__doc__.splitlines()[0])
