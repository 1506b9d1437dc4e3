"""Lock-free set reads while other threads write the same set.

Readers do `k in s` and `s.__contains__(k)` on exact-str, small-int and
identity-compared keys (read without the lock) and on tuple keys (which
compare with `__eq__`, the locked path); writers add and discard keys,
add and discard dozens of throwaway keys so the table fills with dummies
and is rebuilt, and pop from and clear a second set that readers also
probe.

Keys added before the threads start and never removed must always be
found; keys never added must never be; every answer must be a bool.
Throwaway keys are fresh objects (strs made at run time, `Tracked`
instances), so a key freed while a reader still compares with it would
show up as a crash or a wrong answer; once the threads are done every
`Tracked` made must have been freed exactly once.
"""

import gc
import threading

from _stress import THREADS, check, finish, iters, run_threads

N = iters(3000)

# Reentrant: a retired key dies at some later eval breaker of the thread
# that retired it, which may be inside `Tracked.__init__`'s critical section.
lock = threading.RLock()
made = [0]
freed = [0]
freed_twice = []


class Tracked:
    """A throwaway key compared by identity (default `__eq__`/`__hash__`)."""
    __slots__ = ("dead", "__weakref__")

    def __init__(self):
        self.dead = False
        with lock:
            made[0] += 1

    def __del__(self):
        with lock:
            if self.dead:
                freed_twice.append(id(self))
            self.dead = True
            freed[0] += 1


class Ident:
    """A stable key compared by identity."""


STABLE = (["s%d" % i for i in range(16)] + list(range(100, 116))
          + [Ident() for _ in range(8)] + [("t", i) for i in range(4)])
NEVER = ["absent", "s99", 99, 10**6, Ident(), ("t", 99)]

s = set(STABLE)
cleared = set()
popped = []


def churn_str(t, j):
    # Made at run time: a fresh str object each call.
    return "c%d_%d" % (t, j)


def writer(t, i):
    op = (i + t) % 6
    if op == 0:
        # Fill with dummies and grow: add many keys, then discard them.
        keys = [churn_str(t, j) for j in range(40)]
        objs = [Tracked() for _ in range(8)]
        for k in keys:
            s.add(k)
        for o in objs:
            s.add(o)
        for k in keys:
            s.discard(churn_str(t, int(k.split("_")[1])))
        for o in objs:
            s.discard(o)
    elif op == 1:
        s.add(churn_str(t, i % 7))
        s.add(i % 50 + 1000)
    elif op == 2:
        s.discard(churn_str(t, i % 7))
        s.discard(i % 50 + 1000)
    elif op == 3:
        for j in range(12):
            cleared.add(churn_str(t, j))
            cleared.add(Tracked())
        if i % 3 == 0:
            cleared.clear()
    elif op == 4:
        # Pop from the cleared set (the stable keys stay put).
        cleared.add(Tracked())
        try:
            k = cleared.pop()
        except KeyError as e:
            # Another thread cleared or popped it first.
            check(e.args == ("pop from an empty set",), lambda: f"pop raised {e!r}")
        else:
            check(type(k) in (Tracked, str), lambda: f"popped {k!r}")
    else:
        s.add(("u", t, i % 5))
        s.discard(("u", t, (i + 2) % 5))


def reader(t, i):
    for k in (STABLE[i % len(STABLE)], STABLE[(i * 7 + t) % len(STABLE)]):
        check(k in s, lambda: f"stable key {k!r} missing")
        check(s.__contains__(k), lambda: f"stable key {k!r} missing (__contains__)")
    for k in NEVER:
        check(k not in s, lambda: f"never-added key {k!r} found")
        check(k not in cleared, lambda: f"never-added key {k!r} found in the cleared set")
    for j in range(8):
        r = churn_str((t + 1) % THREADS, j) in s
        check(type(r) is bool, "'in' gives a bool")
        r = churn_str((t + 1) % THREADS, j) in cleared
        check(type(r) is bool, "'in' gives a bool")
    check(type((i % 50 + 1000) in s) is bool, "'in' gives a bool")


def worker(t):
    for i in range(N):
        if (i + t) % 2 == 0:
            writer(t, i)
        else:
            reader(t, i)


run_threads(worker, THREADS)

# Tight loops: readers that never write, against writers that add and
# discard throwaway keys as fast as they can, so a key dropped instead of
# retired is freed between a reader's load and its comparison far more
# often.
tight = {"keep", 7, STABLE[-5]}
done = []
M = iters(20000)


def tight_worker(t):
    if t % 2 == 0:
        try:
            for i in range(M):
                k = churn_str(t, i % 13)
                tight.add(k)
                tight.discard(churn_str(t, i % 13))
                if i % 64 == 0:
                    objs = [Tracked() for _ in range(16)]
                    for o in objs:
                        tight.add(o)
                    for o in objs:
                        tight.discard(o)
        finally:
            done.append(t)
    else:
        while len(done) < (THREADS + 1) // 2:
            check("keep" in tight and 7 in tight and STABLE[-5] in tight,
                  "a key never removed is missing")
            check("gone" not in tight and 8 not in tight, "a key never added is found")
            for j in range(13):
                r = churn_str(t - 1, j) in tight
                check(type(r) is bool, "'in' gives a bool")


run_threads(tight_worker, THREADS)

# The set is whole: every key it iterates is found, the stable ones included.
keys = list(s)
check(len(keys) == len(s), lambda: f"len {len(s)} but {len(keys)} keys")
check(all(k in s for k in keys), "an iterated key is missing")
check(all(k in s for k in STABLE), "a stable key is missing at the end")
s.clear()
cleared.clear()
tight.clear()
# Give the retired keys their quiescent states: a few breakers here.
for _ in range(1000):
    pass
gc.collect()
check(not freed_twice, lambda: f"keys freed twice: {len(freed_twice)}")
check(freed[0] == made[0], lambda: f"{made[0]} keys made, {freed[0]} freed")
finish()
