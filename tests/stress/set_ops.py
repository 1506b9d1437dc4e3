"""One set shared by all threads.

Phase 1 (accounting): each thread adds its own unique values and pops,
removes and discards values of any thread; the values added must be
exactly the values taken plus the values left.
Phase 2 (mixed): add/discard of a shared small universe, in-place union
and difference, iteration, `in`, len, copy, set algebra; every element
must come from the universe and the set must stay a proper set.
CPython's errors for these races are tolerated: KeyError from pop on an
empty set or remove of a missing value, RuntimeError when the set
changed size during iteration.
"""

import collections
import random

from _stress import check, expect_error, finish, iters, run_threads

N = iters(6000)
S = set()


def accounting(t):
    rng = random.Random(t)
    added = []
    taken = []
    for i in range(N):
        op = rng.randrange(8)
        if op <= 2:
            v = (t, i)
            S.add(v)
            added.append(v)
        elif op == 3:
            try:
                x = S.pop()
            except KeyError as e:
                expect_error(e, ("'pop from an empty set'",))
            else:
                check(type(x) is tuple, lambda: f"pop gave {x!r}")
                taken.append(x)
        elif op == 4:
            if added:
                v = added[rng.randrange(len(added))]
                try:
                    S.remove(v)
                except KeyError as e:
                    check(e.args == (v,), lambda: f"KeyError args {e.args!r}")
                else:
                    taken.append(v)
        elif op == 5:
            if added:
                v = added[-1]
                if v in S:
                    # Another thread may take it between the test and the call.
                    try:
                        S.remove(v)
                    except KeyError:
                        pass
                    else:
                        taken.append(v)
        elif op == 6:
            try:
                n = 0
                for x in S:
                    check(type(x) is tuple and len(x) == 2, lambda: f"iteration gave {x!r}")
                    n += 1
                    if n > 50:
                        break
            except RuntimeError as e:
                expect_error(e, ("Set changed size during iteration",))
        else:
            check(len(S) >= 0, "negative len")
    return added, taken


results = run_threads(accounting)
added = collections.Counter()
taken = collections.Counter()
for a, tk in results:
    if a is not None:
        added.update(a)
        taken.update(tk)
left = collections.Counter(S)
check(len(S) == len(list(S)), "len(S) != number of elements iterated")
check(max(taken.values(), default=1) == 1, "a value was taken twice")
check(taken + left == added, "values added != values taken + values left")

UNIVERSE = [n for n in range(300)] + [f"s{n}" for n in range(300)]
UNI = frozenset(UNIVERSE)
S2 = set()


def mixed(t):
    global S2  # `S2 |= ...` rebinds the name (to the same set)
    rng = random.Random(100 + t)
    for i in range(N):
        x = UNIVERSE[rng.randrange(len(UNIVERSE))]
        op = rng.randrange(12)
        if op <= 3:
            S2.add(x)
        elif op <= 5:
            S2.discard(x)
        elif op == 6:
            S2 |= {x, UNIVERSE[rng.randrange(len(UNIVERSE))]}
        elif op == 7:
            S2 -= {x}
        elif op == 8:
            try:
                for y in S2:
                    check(y in UNI, lambda: f"iteration gave {y!r}")
            except RuntimeError as e:
                expect_error(e, ("Set changed size during iteration",))
        elif op == 9:
            if i % 5 == 0:
                c = S2.copy()
                check(c <= UNI, "copy holds a value outside the universe")
                u = S2 | {-1}
                check(-1 in u and u - {-1} <= UNI, "union holds a value outside the universe")
                check((S2 & UNI) <= UNI, "intersection holds a value outside the universe")
        elif op == 10:
            x in S2
            check(len(S2) <= len(UNIVERSE), "len above the universe's")
        else:
            check(S2.issubset(UNI), "S2 not a subset of the universe")


run_threads(mixed)
elems = list(S2)
check(len(elems) == len(S2), "len(S2) != number of elements iterated")
check(len(set(elems)) == len(elems), "an element appears twice")
check(all(e in UNI and e in S2 for e in elems), "an element outside the universe or not found")
finish()
