"""collections.deque shared by all threads.

An unbounded deque: append, appendleft, extend, pop, popleft, remove,
rotate, iteration, `in`, indexing, len, copy; the values pushed (unique
per thread) must be exactly the values taken plus the values left.
A bounded deque (maxlen): threads only append, at the right, their own
increasing values, so it never holds more than maxlen items and each
thread's values in it stay in increasing order.
CPython's errors for these races are tolerated: IndexError from pops and
indexing of a deque another thread emptied, ValueError from remove of a
value another thread took, RuntimeError when the deque was mutated
during iteration (also raised by `in`).
"""

import collections
import random
import sys

from _stress import check, expect_error, finish, iters, run_threads

N = iters(6000)
MAXLEN = 50
D = collections.deque()
DM = collections.deque(maxlen=MAXLEN)
MUTATED = ("deque mutated during iteration",)
NOT_IN = ("deque.remove(x): x not in deque",) if sys.version_info >= (3, 14) else None


def worker(t):
    rng = random.Random(t)
    pushed = []
    taken = []
    for i in range(N):
        v = (t << 32) | i
        DM.append(v)
        op = rng.randrange(17)
        if op <= 1:
            D.append(v)
            pushed.append(v)
        elif op <= 3:
            D.appendleft(v)
            pushed.append(v)
        elif op == 4:
            D.extend((v, -v - 1))
            pushed += (v, -v - 1)
        elif op <= 7:
            try:
                x = D.pop()
            except IndexError as e:
                expect_error(e, ("pop from an empty deque",))
            else:
                taken.append(x)
        elif op <= 10:
            try:
                x = D.popleft()
            except IndexError as e:
                expect_error(e, ("pop from an empty deque",))
            else:
                taken.append(x)
        elif op == 11:
            if pushed:
                x = pushed[rng.randrange(len(pushed))]
                try:
                    D.remove(x)
                except ValueError as e:
                    if NOT_IN:
                        expect_error(e, NOT_IN)
                else:
                    taken.append(x)
        elif op == 12:
            D.rotate(rng.randrange(-3, 4))
        elif op == 13:
            try:
                n = 0
                for x in D:
                    check(type(x) is int, lambda: f"iteration gave {x!r}")
                    n += 1
                    if n > 50:
                        break
                check(((t << 32) | (N + 5)) not in D, "`in` found a value never pushed")
            except RuntimeError as e:
                expect_error(e, MUTATED)
        elif op == 14:
            try:
                x = D[rng.randrange(-3, 3)]
            except IndexError as e:
                expect_error(e, ("deque index out of range",))
            else:
                check(type(x) is int, lambda: f"D[i] gave {x!r}")
        else:
            check(len(D) >= 0 and len(DM) <= MAXLEN, "bad len")
            if i % 10 == 0:
                c = D.copy()
                check(type(c) is collections.deque and all(type(x) is int for x in c), "bad copy")
                try:
                    # Iterates: CPython's free-threaded deque iterator raises
                    # too when another thread appends meanwhile.
                    c = list(DM)
                except RuntimeError as e:
                    expect_error(e, MUTATED)
                else:
                    check(len(c) <= MAXLEN, "bounded deque over maxlen")
                c = DM.copy()
                check(len(c) <= MAXLEN, "copy of the bounded deque over maxlen")
    return pushed, taken


results = run_threads(worker)
pushed = collections.Counter()
taken = collections.Counter()
for r in results:
    if r is not None:
        pushed.update(r[0])
        taken.update(r[1])
left = collections.Counter(D)
check(len(D) == len(list(D)), "len(D) != number of items iterated")
check(max(taken.values(), default=1) == 1, "a value was taken twice")
check(taken + left == pushed, "values pushed != values taken + values left")

items = list(DM)
check(len(items) == len(DM) == MAXLEN, lambda: f"bounded deque holds {len(items)}, not {MAXLEN}")
check(DM.maxlen == MAXLEN, "maxlen changed")
last = {}
for x in items:
    t, i = x >> 32, x & 0xFFFFFFFF
    check(i < N and i > last.get(t, -1), lambda: f"bounded deque: thread {t}'s values out of order")
    last[t] = i
finish()
