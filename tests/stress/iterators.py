"""One generator and several builtin iterators, each advanced by all
threads at once.

Generator: next() from every thread; CPython raises
`ValueError: generator already executing` when another thread is inside
it, which is tolerated (and consumes nothing). Every value it yields must
reach exactly one thread, and the generator must end exactly once.
Iterators (iter(list), iter(range), iter(tuple), enumerate, zip, map,
reversed, dict keys; itertools has its own program): every item reaches at most one thread, nothing is
invented, and once the iterator is exhausted every item has been seen
(each next() is one step of the iterator).
"""

import collections

from _stress import THREADS, check, drain, expect_error, finish, iters, run_threads

N = iters(30000)


def gen(n):
    for i in range(n):
        yield i


def delegating(n):
    yield from gen(n)


def drain_generator(g):
    def worker(t):
        got = []
        busy = 0
        ended = 0
        while True:
            try:
                got.append(next(g))
            except ValueError as e:
                expect_error(e, ("generator already executing",))
                busy += 1
            except StopIteration:
                ended += 1
                break
        return got, ended

    results = run_threads(worker)
    seen = collections.Counter()
    for r in results:
        if r is not None:
            seen.update(r[0])
            check(r[1] == 1, "a thread left without StopIteration")
    return seen


for make in (gen, delegating):
    seen = drain_generator(make(N))
    check(max(seen.values(), default=1) == 1, f"{make.__name__}: a value reached two threads")
    check(set(seen) == set(range(N)), f"{make.__name__}: values lost or invented")


data = list(range(N))
cases = [
    ("iter(list)", lambda: iter(data), data),
    ("iter(range)", lambda: iter(range(N)), data),
    ("iter(tuple)", lambda: iter(tuple(data)), data),
    ("reversed(list)", lambda: reversed(data), data),
    ("iter(dict)", lambda: iter(dict.fromkeys(data)), data),
]
for name, make, expected in cases:
    seen = drain(make())
    check(max(seen.values(), default=1) == 1, f"{name}: an item reached two threads")
    check(set(seen) == set(expected), f"{name}: items lost or invented")

# Composite iterators: each item of each underlying iterator is taken at
# most once and nothing is invented; whole tuples may pair items of
# different steps only if CPython's would, so only components are checked.
composites = [
    ("enumerate", lambda: enumerate(data), lambda x: [("i", x[0]), ("v", x[1])]),
    ("zip", lambda: zip(range(N), iter(data)), lambda x: [("a", x[0]), ("b", x[1])]),
    ("map", lambda: map(abs, data), lambda x: [("v", x)]),
]
for name, make, parts in composites:
    seen = drain(make())
    comp = collections.Counter()
    for item, count in seen.items():
        for p in parts(item):
            comp[p] += count
    check(max(comp.values(), default=1) == 1, f"{name}: an item reached two threads")
    check(all(0 <= v < N for _, v in comp), f"{name}: invented items")
    kinds = {k for k, _ in comp}
    for k in kinds:
        got = {v for kk, v in comp if kk == k}
        check(got == set(range(N)), f"{name}: items of {k} lost")
finish()
