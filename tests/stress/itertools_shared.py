"""itertools iterators, each advanced by all threads at once: count,
chain, islice, zip_longest, repeat, pairwise, accumulate.

CPython's are C iterators: a next() from several threads never raises
(no `generator already executing`), every item reaches at most one
thread, and nothing is invented.
"""

import collections
import itertools

from _stress import check, drain, finish, iters

N = iters(20000)


def at_most_once(name, seen, universe):
    check(max(seen.values(), default=1) == 1, f"{name}: an item reached two threads")
    check(set(seen) <= universe, f"{name}: invented items")


data = list(range(N))
full = set(data)

seen = drain(itertools.count(), limit=N // 8)
at_most_once("count", seen, set(range(N * 2)))

seen = drain(itertools.chain(data[: N // 2], range(N // 2, N)))
at_most_once("chain", seen, full)
check(set(seen) == full, "chain: items lost")

seen = drain(itertools.islice(iter(data), 0, None, 1))
at_most_once("islice", seen, full)

seen = drain(itertools.zip_longest(iter(data), iter(data[: N // 2])))
check(all(x[1] is None or 0 <= x[1] < N // 2 for x in seen), "zip_longest: invented items")
firsts = collections.Counter(x[0] for x in seen.elements())
at_most_once("zip_longest", firsts, full)

seen = drain(itertools.repeat("x", N))
check(set(seen) <= {"x"} and seen["x"] <= N, lambda: f"repeat gave {seen['x']} of {N}")

seen = drain(itertools.pairwise(iter(data)))
check(all(0 <= a < N and 0 <= b < N for a, b in seen), "pairwise: invented items")

seen = drain(itertools.accumulate(iter(data)))
at_most_once("accumulate", seen, {n * (n + 1) // 2 for n in range(N)})
finish()
