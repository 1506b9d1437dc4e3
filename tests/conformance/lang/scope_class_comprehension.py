# Pins: scoping rules: class body names invisible in methods/comprehensions (except first iterable), global/nonlocal interplay, UnboundLocalError from later assignment, del of locals, closures over loop vars, builtins shadowing and restoring.
x = "global"
class C:
    x = "class"
    y = [x for _ in range(1)]
    z = [i for i in [x]]
    def method(self):
        return x
    w = (lambda: x)()
print(C.y, C.z, C().method(), C.w)
class D:
    vals = [1, 2, 3]
    doubled = [v * 2 for v in vals]
    try:
        nested = [v for v in vals if v in vals]
    except NameError as e:
        err = str(e)
print(D.doubled, getattr(D, "nested", None), getattr(D, "err", None))
def f():
    print(x)
    x = 1
try:
    f()
except UnboundLocalError as e:
    print("UnboundLocalError", e)
def g():
    global x
    x = "changed"
g(); print(x)
def outer():
    v = 1
    def mid():
        def inner():
            nonlocal v
            v += 10
            return v
        return inner()
    r = mid()
    return r, v
print(outer())
def dels():
    a = 1
    del a
    try:
        return a
    except UnboundLocalError as e:
        return f"UnboundLocalError {e}"
print(dels())
fs = [lambda: i for i in range(3)]
gs = [lambda i=i: i for i in range(3)]
print([fn() for fn in fs], [fn() for fn in gs])
def make():
    funcs = []
    for i in range(3):
        def h(): return i
        funcs.append(h)
    i = 99
    return [fn() for fn in funcs]
print(make())
len = lambda s: "shadowed"
print(len("abc"))
del len
print(len("abc"))
import builtins
print(builtins.len is len)
def uses_builtin():
    return max([1, 3, 2])
max = None
try:
    uses_builtin()
except TypeError as e:
    print("TypeError", e)
del max
print(uses_builtin())
def comp_scope():
    y = 10
    return [y + j for j in range(2)], [(lambda: y)() for _ in range(1)]
print(comp_scope())
z = 1
def walrus_comp():
    [z := k for k in range(3)]
    return z
print(walrus_comp(), z)
res = [last := n for n in range(4)]
print(last)
def locals_snapshot():
    a = 1
    snap = locals()
    b = 2
    return sorted(snap), sorted(locals())
print(locals_snapshot())
class Counter:
    total = 0
    def add(self):
        Counter.total += 1
        return Counter.total
print(Counter().add(), Counter().add())
def free_after():
    def inner(): return late
    late = "bound later"
    return inner()
print(free_after())
