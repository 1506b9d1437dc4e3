# Pins: arguments passed without a count (a caller's local handed to a plain function) behave exactly like owned ones: the callee may rebind, delete, capture, shadow in a comprehension, return, store or raise with them, and every object is finalized once, in CPython's order.
import gc
import sys


class D:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("del", self.name)

    def __repr__(self):
        return f"D({self.name})"


def rebind(a, b):
    a = D("new-a")          # the borrowed argument is replaced
    return a.name, b.name


def delete(a):
    del a
    try:
        a
    except UnboundLocalError as e:
        return str(e)


def capture(a):
    def inner():
        return a.name
    return inner


def shadow(a, xs):
    return [a for a in xs], a


def keep(a, store):
    store.append(a)
    return a


def swap(a, b):
    a, b = b, a
    return a, b


def raiser(a):
    raise ValueError(a)


def recurse(a, n):
    if n == 0:
        return a
    return recurse(a, n - 1)


def locals_of(a, b):
    return sorted(locals())


def many(p0, p1, p2, p3, p4, p5, p6, p7, p8, p9):
    p3 = None
    return p0.name + p9.name


def main():
    x = D("x")
    y = D("y")
    print(rebind(x, y))
    print(x, y)
    print(delete(x))
    f = capture(x)
    print(f())
    print(shadow(x, [1, 2]))
    store = []
    r = keep(x, store)
    print(r is x, store[0] is x, sys.getrefcount(x) - sys.getrefcount(object()) >= 0)
    print(swap(x, y))
    try:
        raiser(y)
    except ValueError as e:
        print("caught", e.args[0])
        del e
    print(recurse(x, 50) is x)
    print(locals_of(x, y))
    ds = [D(f"p{i}") for i in range(10)]
    p0, p1, p2, p3, p4, p5, p6, p7, p8, p9 = ds
    del ds
    print(many(p0, p1, p2, p3, p4, p5, p6, p7, p8, p9))
    del p3
    print("p3 gone")
    # The caller's local is the argument's only owner: rebinding it after
    # the call frees it; the callee's copy did not keep it.
    z = D("z")
    print(rebind(z, z))
    z = None
    print("z rebound")
    del f, store, r
    x = y = None
    print("end of main")


main()
gc.collect()
print("done")
