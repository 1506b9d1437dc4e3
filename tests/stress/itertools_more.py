"""More itertools iterators advanced by all threads at once: cycle, batched,
compress, the combinatorics, chain.from_iterable, islice with a step,
starmap, filterfalse, dropwhile, takewhile, accumulate with a Python
function, count with a Python-level step, one shared tee, groupby.

As for itertools_shared.py: no exception CPython would not raise, no item
to two threads, nothing invented; where every item of a builtin source
must come out, nothing is lost either.
"""

import collections
import fractions
import itertools
import operator

from _stress import THREADS, check, drain, finish, iters, run_threads

N = iters(12000)


def exactly_once(name, seen, universe):
    check(max(seen.values(), default=1) == 1, f"{name}: an item reached two threads")
    check(set(seen) == set(universe), lambda: f"{name}: lost or invented items ({len(seen)} of {len(universe)})")


def at_most_once(name, seen, universe):
    check(max(seen.values(), default=1) == 1, f"{name}: an item reached two threads")
    check(set(seen) <= set(universe), f"{name}: invented items")


data = list(range(N))

seen = drain(itertools.cycle(data[:50]), limit=N // THREADS)
check(set(seen) <= set(data[:50]), "cycle: invented items")
check(sum(seen.values()) == (N // THREADS) * THREADS, "cycle: wrong number of items")

seen = drain(itertools.batched(iter(data), 7))
exactly_once("batched", seen, [tuple(data[i:i + 7]) for i in range(0, N, 7)])

seen = drain(itertools.compress(iter(data), itertools.cycle([1, 0])))
exactly_once("compress", seen, data[::2])

# Many short runs, so that threads meet the selector cycle's end of first
# pass (its third step) together: that step once fell back to a Python-level
# next outside compress's critical section, and two threads could swap
# selectors there (an odd item in, an even one out).
for _ in range(iters(150)):
    seen = drain(itertools.compress(iter(data[:24]), itertools.cycle([1, 0])))
    exactly_once("compress over a short cycle", seen, data[:24:2])

seen = drain(itertools.product(range(20), repeat=3))
exactly_once("product", seen, list(itertools.product(range(20), repeat=3)))

seen = drain(itertools.permutations(range(7)))
exactly_once("permutations", seen, list(itertools.permutations(range(7))))

seen = drain(itertools.combinations(range(25), 3))
exactly_once("combinations", seen, list(itertools.combinations(range(25), 3)))

seen = drain(itertools.combinations_with_replacement(range(18), 3))
exactly_once("combinations_with_replacement", seen, list(itertools.combinations_with_replacement(range(18), 3)))

chunks = [data[i:i + 10] for i in range(0, N, 10)]
seen = drain(itertools.chain.from_iterable(chunks))
exactly_once("chain.from_iterable", seen, data)

seen = drain(itertools.islice(itertools.count(), 0, 3 * N, 3))
exactly_once("islice(count, step 3)", seen, range(0, 3 * N, 3))

seen = drain(itertools.islice(iter(data), 1, None, 4))
at_most_once("islice(list, step 4)", seen, data)

seen = drain(itertools.starmap(operator.mul, zip(iter(data), itertools.repeat(3))))
at_most_once("starmap", seen, [3 * x for x in data])

seen = drain(itertools.filterfalse(lambda x: x % 3, iter(data)))
at_most_once("filterfalse", seen, data[::3])

seen = drain(itertools.dropwhile(lambda x: x < 100, iter(data)))
at_most_once("dropwhile", seen, data)

seen = drain(itertools.takewhile(lambda x: x < N // 2, iter(data)))
at_most_once("takewhile", seen, data[: N // 2 + THREADS])

seen = drain(itertools.accumulate(iter(data[1:]), operator.add))
check(max(seen.values(), default=1) == 1, "accumulate(func): a total reached two threads")
check(max(seen, default=0) == sum(data), "accumulate(func): the last total is not the sum")

seen = drain(itertools.count(fractions.Fraction(0), 1), limit=200)
at_most_once("count(Fraction)", seen, range(200 * THREADS))

shared_tee, other = itertools.tee(iter(data))
seen = drain(shared_tee)
at_most_once("one tee", seen, data)
check(list(other) == data, "tee: the other copy lost items")

copies = itertools.tee(iter(data), THREADS)
results = run_threads(lambda t: list(copies[t]))
check(all(r == data for r in results), "tee: a copy read by its own thread lost items")

seen = drain(itertools.groupby(iter(sorted(data * 2)), key=lambda x: x // 10))
check(all(isinstance(k, int) and 0 <= k <= N // 10 for k, g in seen), "groupby: invented keys")

zl = itertools.zip_longest(iter(data), itertools.count(), fillvalue=None)
seen = drain(zl, limit=N // THREADS)
firsts = collections.Counter(x[0] for x in seen.elements() if x[0] is not None)
at_most_once("zip_longest(count)", firsts, data)
finish()
