"""One list shared by all threads: append, extend, insert, slice
insertion, pop, remove, sort, reverse, iteration, slicing, len, `in`, indexing, copy.

Every value is a unique int (thread id and sequence number), so at the end
the values pushed must be exactly the values popped or removed plus the
values left in the list: nothing lost, duplicated or invented. The only
exceptions tolerated are the ones CPython raises when another thread
emptied the list or took the value first.
"""

import collections
import random

from _stress import THREADS, check, expect_error, finish, iters, run_threads

N = iters(6000)
L = []


def worker(t):
    rng = random.Random(t)
    pushed = []
    taken = []
    seq = 0
    for i in range(N):
        seq += 1
        v = (t << 32) | seq
        op = rng.randrange(18)
        if op <= 2:
            L.append(v)
            pushed.append(v)
        elif op == 3:
            if i % 2:
                L.insert(rng.randrange(-4, 4), v)
            else:
                L[1:1] = (v,)
            pushed.append(v)
        elif op == 4:
            seq += 1
            w = (t << 32) | seq
            L.extend((v, w))
            pushed += (v, w)
        elif op <= 9:
            # Five pop slots against six items pushed: the list stays short.
            try:
                x = L.pop() if op != 9 else L.pop(0)
            except IndexError as e:
                expect_error(e, ("pop from empty list",))
            else:
                check(type(x) is int, lambda: f"popped a {type(x).__name__}")
                taken.append(x)
        elif op == 10:
            # A value this thread pushed earlier: gone already, or removed now.
            if pushed:
                x = pushed[rng.randrange(len(pushed))]
                try:
                    L.remove(x)
                except ValueError as e:
                    expect_error(e, ("list.remove(x): x not in list",))
                else:
                    taken.append(x)
        elif op == 11:
            if i % 8 == 0:
                L.sort()
            else:
                L.reverse()
        elif op == 12:
            n = 0
            for x in L:
                check(type(x) is int, lambda: f"iteration gave a {type(x).__name__}")
                n += 1
                if n > 64:
                    break
        elif op == 13:
            s = L[1:20:2] if i % 2 else L[-10:]
            check(type(s) is list and all(type(x) is int for x in s), "bad slice")
            c = L.copy()
            check(all(type(x) is int for x in c), "bad copy")
        elif op == 14:
            check(len(L) >= 0, "negative len")
            check(L.count(v) == 0, "count found a value not pushed yet")
        elif op == 15:
            check(not ((t << 32) | (seq + 1000)) in L, "`in` found a value never pushed")
            if pushed:
                L.__contains__(pushed[-1])
        else:
            try:
                x = L[rng.randrange(-3, 3)]
            except IndexError as e:
                expect_error(e, ("list index out of range",))
            else:
                check(type(x) is int, lambda: f"L[i] gave a {type(x).__name__}")
    return pushed, taken


results = run_threads(worker)
pushed = collections.Counter()
taken = collections.Counter()
for r in results:
    if r is not None:
        pushed.update(r[0])
        taken.update(r[1])
check(type(L) is list, "L is no longer a list")
check(all(type(x) is int for x in L), "the list holds a non-int")
left = collections.Counter(L)
check(len(L) == sum(pushed.values()) - sum(taken.values()),
      lambda: f"len {len(L)} != pushed {sum(pushed.values())} - taken {sum(taken.values())}")
check(taken + left == pushed, "values pushed != values taken + values left (lost, duplicated or invented)")
check(max(taken.values(), default=1) == 1, "a value was taken twice")
finish()
