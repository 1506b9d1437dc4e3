"""Attributes under races.

Part 1: one plain instance shared by all threads, which set, read and
delete twelve attributes (more than fit inline), through attribute
syntax, setattr/getattr/delattr, `obj.__dict__[...]` and `vars(obj)`,
and iterate and copy its `__dict__`. Attribute `a<k>` only ever holds a
value tagged with k, so every read must find a k-tagged value or nothing.
Part 1b: fresh instances, each filled by all threads at once while one
reads its `__dict__` (inline values move into a dict meanwhile): none may
lose an attribute.
Part 2: threads set, replace and delete attributes of a class (plain
values and methods) while others call its methods and read its
attributes through an instance; every read must see one of the values
ever stored.
CPython's errors for these races are tolerated: AttributeError for an
attribute another thread deleted, KeyError for `__dict__` deletes, and
RuntimeError when `__dict__` changed size during iteration.
"""

import random
import threading

from _stress import THREADS, check, expect_error, finish, iters, run_threads

N = iters(5000)
NATTR = 12
NAMES = [f"a{k}" for k in range(NATTR)]
INDEX = {name: k for k, name in enumerate(NAMES)}
ITER_ERRORS = ("dictionary changed size during iteration", "dictionary keys changed during iteration")


class Plain:
    pass


obj = Plain()
obj.a0 = (0, -1)


def good(name, v):
    return type(v) is tuple and len(v) == 2 and v[0] == INDEX.get(name)


def no_attr(e, name):
    expect_error(e, (f"'Plain' object has no attribute '{name}'",))


def instance_worker(t):
    rng = random.Random(t)
    for i in range(N):
        k = rng.randrange(NATTR)
        name = NAMES[k]
        op = rng.randrange(14)
        if op <= 2:
            setattr(obj, name, (k, t))
        elif op == 3:
            if k == 3:
                obj.a3 = (3, t)
            elif k == 7:
                obj.a7 = (7, t)
            else:
                obj.__dict__[name] = (k, t)
        elif op == 4:
            try:
                delattr(obj, name)
            except AttributeError as e:
                no_attr(e, name)
        elif op == 5:
            try:
                del obj.__dict__[name]
            except KeyError as e:
                check(e.args == (name,), lambda: f"KeyError args {e.args!r}")
        elif op <= 7:
            try:
                v = getattr(obj, name)
            except AttributeError as e:
                no_attr(e, name)
            else:
                check(good(name, v), lambda: f"getattr({name}) gave {v!r}")
        elif op == 8:
            try:
                v = obj.a5
            except AttributeError as e:
                no_attr(e, "a5")
            else:
                check(good("a5", v), lambda: f"obj.a5 gave {v!r}")
            v = getattr(obj, name, None)
            check(v is None or good(name, v), lambda: f"getattr({name}, None) gave {v!r}")
        elif op == 9:
            d = obj.__dict__
            check(type(d) is dict, "__dict__ is not a dict")
            v = d.get(name)
            check(v is None or good(name, v), lambda: f"__dict__.get({name}) gave {v!r}")
            check(vars(obj) is d, "vars(obj) is not obj.__dict__")
        elif op == 10:
            try:
                for key, v in vars(obj).items():
                    check(good(key, v), lambda: f"vars() item {key!r}: {v!r}")
            except RuntimeError as e:
                expect_error(e, ITER_ERRORS)
        elif op == 11:
            c = obj.__dict__.copy()
            check(all(good(key, v) for key, v in c.items()), lambda: f"inconsistent __dict__ copy {c!r}")
            check(len(c) <= NATTR, "too many attributes")
        elif op == 12:
            check(hasattr(obj, name) in (True, False), "hasattr")
            len(obj.__dict__)
            name in obj.__dict__
        else:
            if i % 50 == 0:
                c = dict(vars(obj))
                check(all(good(key, v) for key, v in c.items()), "inconsistent dict(vars(obj))")


run_threads(instance_worker)
final = vars(obj)
check(set(final) <= set(NAMES), lambda: f"unknown attributes {set(final) - set(NAMES)}")
check(all(good(key, v) for key, v in final.items()), "final __dict__ inconsistent")
for name in NAMES:
    v = getattr(obj, name, None)
    check((v is None) == (name not in final), lambda: f"getattr and __dict__ disagree on {name}")
    check(v is None or v is final[name], lambda: f"getattr and __dict__ give different {name}")


# Part 1b: fresh instances, so that the move of inline attributes into a
# dict (on the first `__dict__` use, or past six names) races with threads
# setting and reading attributes. No deletes: every instance must end with
# all twelve attributes.
ROUNDS = iters(150)
fresh = [Plain() for _ in range(ROUNDS)]
round_barrier = threading.Barrier(THREADS)


def fresh_worker(t):
    rng = random.Random(500 + t)
    for r in range(ROUNDS):
        round_barrier.wait()
        o = fresh[r]
        names = NAMES[:]
        rng.shuffle(names)
        for j, name in enumerate(names):
            setattr(o, name, (INDEX[name], t))
            if t == r % THREADS and j == r % NATTR:
                d = vars(o)
                check(all(good(key, v) for key, v in list(d.items())), "inconsistent fresh __dict__")
            v = getattr(o, names[j // 2])
            check(good(names[j // 2], v), lambda: f"fresh getattr gave {v!r}")


run_threads(fresh_worker)
for o in fresh:
    d = vars(o)
    check(sorted(d) == sorted(NAMES), lambda: f"fresh instance lost attributes: has {sorted(d)}")
    check(all(good(key, v) for key, v in d.items()), "fresh instance holds a wrong value")


class Shared:
    base = 0
    flag = "a"

    def method(self):
        return ("m1", self.k + Shared.base)


def method2(self):
    return ("m2", self.k + Shared.base)


def method1(self):
    return ("m1", self.k + Shared.base)


BASES = range(0, 1000, 10)
WRITERS = 2


def class_worker(t):
    rng = random.Random(1000 + t)
    inst = Shared()
    inst.k = t
    for i in range(N):
        if t < WRITERS:
            op = rng.randrange(6)
            if op == 0:
                Shared.base = BASES[rng.randrange(len(BASES))]
            elif op == 1:
                Shared.method = method2 if i % 2 else method1
            elif op == 2:
                Shared.flag = "b" if i % 2 else "a"
            elif op == 3 and t == 0:
                # Only thread 0 deletes, and only it re-creates, so this
                # delete never misses.
                Shared.extra = i
                del Shared.extra
            elif op == 4:
                setattr(Shared, f"c{i % 8}", i)
            else:
                inst.method()
        else:
            kind, r = inst.method()
            check(kind in ("m1", "m2") and r - t in BASES, lambda: f"method() gave {(kind, r)!r}")
            check(inst.flag in ("a", "b"), "flag")
            check(Shared.base in BASES, "base")
            try:
                x = inst.extra
            except AttributeError as e:
                expect_error(e, ("'Shared' object has no attribute 'extra'",))
            else:
                check(type(x) is int and 0 <= x < N, lambda: f"extra gave {x!r}")
            v = getattr(Shared, f"c{i % 8}", None)
            check(v is None or (type(v) is int and v % 8 == i % 8), lambda: f"c{i % 8} gave {v!r}")


run_threads(class_worker)
check(not hasattr(Shared, "extra"), "Shared.extra survived its delete")
check(Shared.method in (method1, method2), "Shared.method")
finish()
