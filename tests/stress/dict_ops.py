"""One dict shared by all threads: set, delete, pop, setdefault, update,
popitem, clear, iteration (keys, values, items), get, `in`, len, copy.

Every key only ever maps to its own value (`val(k)`), so any read that
finds a key must find that value, and at the end the dict holds exactly
its keys with their values. Keys are ints, strs and instances of a class
whose `__eq__`/`__hash__` are Python code (a lookup that runs Python code
while other threads mutate the table). CPython's own errors for these
races are tolerated: KeyError for a key another thread deleted, and
RuntimeError for a dict that changed during iteration.
"""

import random

from _stress import check, expect_error, finish, iters, run_threads

N = iters(5000)
NKEYS = 600


class Key:
    __slots__ = ("n",)

    def __init__(self, n):
        self.n = n

    def __eq__(self, other):
        return type(other) is Key and other.n == self.n

    def __hash__(self):
        return hash(("Key", self.n))

    def __repr__(self):
        return f"Key({self.n})"


def make_key(n):
    kind = n % 3
    if kind == 0:
        return n
    if kind == 1:
        return f"k{n}"
    return Key(n)


KEYS = [make_key(n) for n in range(NKEYS)]


def val(k):
    if type(k) is int:
        return ("int", k)
    if type(k) is str:
        return ("str", int(k[1:]))
    return ("Key", k.n)


ITER_ERRORS = ("dictionary changed size during iteration", "dictionary keys changed during iteration")
d = {}


def consistent(k, v):
    return v == val(k)


def worker(t):
    rng = random.Random(t)
    for i in range(N):
        k = KEYS[rng.randrange(NKEYS)]
        op = rng.randrange(16)
        if op <= 3:
            d[k] = val(k)
        elif op == 4:
            try:
                del d[k]
            except KeyError as e:
                check(e.args == (k,), lambda: f"KeyError args {e.args!r} for {k!r}")
        elif op == 5:
            v = d.pop(k, None)
            check(v is None or consistent(k, v), lambda: f"pop({k!r}) gave {v!r}")
        elif op == 6:
            v = d.setdefault(k, val(k))
            check(consistent(k, v), lambda: f"setdefault({k!r}) gave {v!r}")
        elif op == 7:
            ks = [KEYS[rng.randrange(NKEYS)] for _ in range(4)]
            d.update({x: val(x) for x in ks})
        elif op == 8:
            if i % 40 == 0:
                try:
                    k2, v = d.popitem()
                except KeyError as e:
                    expect_error(e, ("'popitem(): dictionary is empty'",))
                else:
                    check(consistent(k2, v), lambda: f"popitem gave {k2!r}: {v!r}")
            elif i % 997 == 0:
                d.clear()
            else:
                d.update([(k, val(k))])
        elif op == 9:
            try:
                n = 0
                for k2, v in d.items():
                    check(consistent(k2, v), lambda: f"items() gave {k2!r}: {v!r}")
                    n += 1
                    if n > 100:
                        break
            except RuntimeError as e:
                expect_error(e, ITER_ERRORS)
        elif op == 10:
            try:
                for k2 in d:
                    check(k2 in KEYS, lambda: f"iteration gave an unknown key {k2!r}")
                    break
                for v in d.values():
                    check(type(v) is tuple and len(v) == 2, lambda: f"values() gave {v!r}")
                    break
            except RuntimeError as e:
                expect_error(e, ITER_ERRORS)
        elif op == 11:
            v = d.get(k)
            check(v is None or consistent(k, v), lambda: f"get({k!r}) gave {v!r}")
            try:
                v = d[k]
            except KeyError:
                pass
            else:
                check(consistent(k, v), lambda: f"d[{k!r}] gave {v!r}")
        elif op == 12:
            k in d
            check(0 <= len(d) <= NKEYS, lambda: f"len(d) == {len(d)}")
        elif op == 13:
            if i % 10 == 0:
                c = d.copy()
                check(type(c) is dict and all(consistent(a, b) for a, b in c.items()), "inconsistent copy()")
                c = dict(d)
                check(all(consistent(a, b) for a, b in c.items()), "inconsistent dict(d)")
        elif op == 14:
            if i % 10 == 0:
                items = list(d.items())
                check(all(consistent(a, b) for a, b in items), "inconsistent list(d.items())")
                vs = list(d.values())
                check(all(type(v) is tuple for v in vs), "list(d.values()) holds a non-tuple")
        else:
            if i % 10 == 0:
                ks = list(d)
                check(len(ks) == len(set(ks)), "list(d) holds a key twice")


run_threads(worker)
check(type(d) is dict, "d is no longer a dict")
check(all(consistent(k, v) for k, v in d.items()), "final dict maps a key to a wrong value")
keys = list(d)
check(len(keys) == len(d), lambda: f"len(d) {len(d)} != {len(keys)} keys iterated")
check(len(set(keys)) == len(keys), "a key appears twice")
check(all(k in d and d[k] == val(k) for k in keys), "a listed key cannot be looked up")
missing = [k for k in KEYS if k not in d]
check(len(missing) + len(keys) == NKEYS, "keys found + keys missing != all keys")
finish()
