"""Lock-free dict reads while other threads write the same dict.

Readers do `d[k]`, `d.get(k)` and `k in d` on exact-str, small-int and
identity-compared keys (read without the lock) and on tuple keys (which
compare with `__eq__`, the locked path); writers set new keys, overwrite,
delete, pop items, clear, and add and remove throwaway keys so the table
grows, is rebuilt and shrinks. Each thread writes its own key on every
pass, so a key the writer never deletes must always be found.

Every value read must be a whole `Val` stored under the key it was read
by (its `key` field), every miss must raise only the error CPython raises,
and once the threads are done every `Val` made must have been freed
exactly once (its `__del__` ran once per object).
"""

import gc
import threading

from _stress import THREADS, check, finish, iters, run_threads

N = iters(5000)

# Reentrant: a retired value dies at some later eval breaker of the thread
# that retired it, which may be inside `Val.__init__`'s critical section.
lock = threading.RLock()
made = [0]
freed = [0]
freed_twice = []


class Val:
    __slots__ = ("key", "n", "dead", "__weakref__")

    def __init__(self, key, n):
        self.key = key
        self.n = n
        self.dead = False
        with lock:
            made[0] += 1

    def __del__(self):
        with lock:
            if self.dead:
                freed_twice.append(self.key)
            self.dead = True
            freed[0] += 1


class Ident:
    """A key compared by identity (default `__eq__` and `__hash__`)."""


STR_KEYS = ["s%d" % i for i in range(16)]
INT_KEYS = list(range(100, 116))
OBJ_KEYS = [Ident() for _ in range(8)]
TUPLE_KEYS = [("t", i) for i in range(4)]
ALL_KEYS = STR_KEYS + INT_KEYS + OBJ_KEYS + TUPLE_KEYS
OWN_KEYS = ["own%d" % t for t in range(THREADS)]

d = {}
for k in ALL_KEYS:
    d[k] = Val(k, -1)


def writer(t, i):
    k = ALL_KEYS[(i * 7 + t) % len(ALL_KEYS)]
    d[OWN_KEYS[t]] = Val(OWN_KEYS[t], i)
    op = (i + t) % 8
    if op in (0, 1, 2):
        d[k] = Val(k, i)
    elif op == 3:
        d.pop(k, None)
    elif op == 4:
        # Grow (a rebuild into a bigger table), then delete them again.
        for j in range(24):
            key = "tmp%d_%d" % (t, j)
            d[key] = Val(key, j)
        for j in range(24):
            d.pop("tmp%d_%d" % (t, j), None)  # a clear may have taken it
    elif op == 5:
        d.setdefault(k, Val(k, i))
    elif op == 6 and i % 61 == 0:
        d.clear()
    elif op == 6 and i % 7 == 0:
        try:
            key, v = d.popitem()
            check(type(v) is Val and v.key == key, lambda: f"popitem gave {key!r}: {v!r}")
        except KeyError as e:
            check(e.args == ("popitem(): dictionary is empty",), lambda: f"popitem error {e.args!r}")
    else:
        d[k] = Val(k, i)


def check_val(v, key, where):
    check(type(v) is Val and not v.dead and v.key == key,
          lambda: f"{where}: read {v!r} (key {getattr(v, 'key', None)!r}, want {key!r})")


def reader(t, i):
    for key in (STR_KEYS[i % 16], INT_KEYS[i % 16], OBJ_KEYS[i % 8], TUPLE_KEYS[i % 4]):
        try:
            check_val(d[key], key, f"d[{key!r}]")
        except KeyError as e:
            check(e.args == (key,), lambda: f"KeyError args {e.args!r} for {key!r}")
        v = d.get(key)
        if v is not None:
            check_val(v, key, f"d.get({key!r})")
        check(type(key in d) is bool, "'in' gives a bool")
    check("absent" not in d and 99 not in d, "a key never stored is found")


# Each thread alternates: write passes (its own key and one other change)
# and read passes.
def worker(t):
    for i in range(N):
        if (i + t) % 2 == 0:
            writer(t, i)
        else:
            reader(t, i)


run_threads(worker, THREADS)

# Tight loops: readers that never write, against writers that overwrite
# and re-add the same keys as fast as they can, so a value dropped instead
# of retired is freed between a reader's load and its count far more often.
tight = {"a": Val("a", 0), 7: Val(7, 0), "keep": Val("keep", 0)}
done = []
M = iters(30000)


def tight_worker(t):
    if t % 2 == 0:
        try:
            for i in range(M):
                tight["a"] = Val("a", i)
                tight[7] = Val(7, i)
                if i % 32 == 0:
                    tight.pop("a", None)
                    tight["a"] = Val("a", i)
                if i % 256 == 0:
                    for j in range(8):
                        tight["g%d" % j] = Val("g%d" % j, i)
                    for j in range(8):
                        tight.pop("g%d" % j, None)
        finally:
            done.append(t)
    else:
        while len(done) < (THREADS + 1) // 2:
            for key in ("a", 7, "keep"):
                v = tight.get(key)
                if v is not None:
                    check_val(v, key, f"tight.get({key!r})")
            check("keep" in tight, "a key never removed is missing")
            try:
                check_val(tight["keep"], "keep", "tight['keep']")
            except KeyError:
                fail("tight['keep'] missing")


run_threads(tight_worker, THREADS)
d.clear()
tight.clear()
# Give the retired values their quiescent states: a few breakers here.
for _ in range(1000):
    pass
gc.collect()
check(not freed_twice, lambda: f"values freed twice: {freed_twice[:5]}")
check(freed[0] == made[0], lambda: f"{made[0]} values made, {freed[0]} freed")
finish()
