"""Lock-free reads of a shared list and dict while other threads change them.

Readers do `lst[i]`, `lst[-1]`, iterate the list, and `d[k]`, `d.get(k)`,
`k in d` on str and int keys, without a lock; writers append, pop, insert,
delete, clear, extend (growing and shrinking the item storage), assign
items and slices, sort and reverse the list, and add, replace, delete and
clear dict entries (growing and shrinking the table). A value a container
lets go of is retired through QSBR, not freed, until every reader has
passed a quiescent state.

Every value read must be a whole `Val` that some writer stored (its tag
says which container and key), every miss must raise only the error
CPython raises, and once the threads are done every `Val` made must have
been freed exactly once (its `__del__` ran).
"""

import gc
import threading

from _stress import THREADS, check, expect_error, finish, iters, run_threads

N = iters(6000)

# Reentrant: a retired value dies at some later eval breaker of the thread
# that retired it, which may be inside `Val.__init__`'s critical section.
lock = threading.RLock()
made = [0]
freed = [0]


class Val:
    __slots__ = ("tag", "n", "__weakref__")

    def __init__(self, tag, n):
        self.tag = tag
        self.n = n
        with lock:
            made[0] += 1

    def __del__(self):
        with lock:
            freed[0] += 1


lst = [Val("L", i) for i in range(16)]
STR_KEYS = ["k%d" % i for i in range(24)]
INT_KEYS = list(range(1000, 1024))
d = {}
for k in STR_KEYS + INT_KEYS:
    d[k] = Val(k, -1)


def list_writer(t, i):
    op = (i + t) % 11
    try:
        if op == 0:
            lst.append(Val("L", i))
        elif op == 1:
            lst.pop()
        elif op == 2:
            lst.insert(i % 5, Val("L", i))
        elif op == 3:
            del lst[0]
        elif op == 4:
            lst.extend([Val("L", i) for _ in range(20)])
        elif op == 5:
            lst[i % 3] = Val("L", i)
        elif op == 6:
            if i % 50 == 0:
                lst.clear()
            else:
                lst.pop(0)
        elif op == 7:
            lst[1:4] = [Val("L", i), Val("L", i)]
        elif op == 8:
            lst.sort(key=lambda v: v.n)
        elif op == 9:
            lst.reverse()
        else:
            del lst[5:40]
    except IndexError as e:
        expect_error(e, ["pop from empty list", "list assignment index out of range", "pop index out of range"])
    except ValueError as e:
        expect_error(e, ["list modified during sort"])
    if len(lst) > 200:
        del lst[100:]


def dict_writer(t, i):
    op = (i + t) % 7
    k = STR_KEYS[i % len(STR_KEYS)] if i % 2 else INT_KEYS[i % len(INT_KEYS)]
    if op == 0:
        d[k] = Val(k, i)
    elif op == 1:
        d.pop(k, None)
    elif op == 2:
        # Grow the table with throwaway keys, then remove them.
        for j in range(40):
            d["tmp%d_%d" % (t, j)] = Val("tmp", j)
        for j in range(40):
            d.pop("tmp%d_%d" % (t, j), None)  # a clear may have taken it
    elif op == 3:
        d.setdefault(k, Val(k, i))
    elif op == 4 and i % 97 == 0:
        d.clear()
    else:
        d[k] = Val(k, i)


def check_val(v, tags, where):
    check(type(v) is Val and v.tag in tags, lambda: f"{where}: read {v!r} ({getattr(v, 'tag', None)!r})")


LIST_TAGS = ("L",)


def reader(t, i):
    n = len(lst)
    for j in (0, 1, n // 2, n - 1, -1, -2):
        try:
            check_val(lst[j], LIST_TAGS, f"lst[{j}]")
        except IndexError as e:
            expect_error(e, ["list index out of range"])
    if i % 8 == 0:
        for v in lst:
            check_val(v, LIST_TAGS, "iterating the list")
    k = STR_KEYS[i % len(STR_KEYS)]
    ik = INT_KEYS[i % len(INT_KEYS)]
    for key in (k, ik):
        try:
            check_val(d[key], (key,), f"d[{key!r}]")
        except KeyError as e:
            check(e.args == (key,), lambda: f"KeyError args {e.args!r} for {key!r}")
        v = d.get(key)
        if v is not None:
            check_val(v, (key,), f"d.get({key!r})")
        check(type(key in d) is bool, "'in' gives a bool")
    check("absent" not in d, "a key never stored is found")


def worker(t):
    if t % 2 == 0:
        for i in range(N):
            if t % 4 == 0:
                list_writer(t, i)
            else:
                dict_writer(t, i)
    else:
        for i in range(N):
            reader(t, i)


run_threads(worker, THREADS)

# Phase 2, tight loops: a value dropped instead of retired is freed while
# a reader is between loading it and counting it far more often here.
tight_list = [Val("T", 0)]
tight_dict = {"a": Val("a", 0), 7: Val(7, 0)}
# Changed now and then only: readers that find it unchanged a while read a
# copy of its table without the lock until the next change retires it.
rare_dict = {"r": Val("r", 0), 9: Val(9, 0), "s": Val("s", 0)}
# The same for a set (its keys made at run time, so a dropped one is freed).
KEEP = "".join(["ke", "ep"])
rare_set = {KEEP, 5, "x%d" % 0}
done = []
M = iters(40000)


def tight(t):
    if t % 2 == 0:
        try:
            for i in range(M):
                tight_list.append(Val("T", i))
                tight_list.pop()
                tight_list[0] = Val("T", i)
                tight_dict["a"] = Val("a", i)
                tight_dict[7] = Val(7, i)
                if i % 64 == 0:
                    tight_dict.pop("a", None)
                    tight_dict["a"] = Val("a", i)
                if i % 16 == 0:
                    rare_dict["r" if i % 32 else 9] = Val("r" if i % 32 else 9, i)
                if i % 256 == 0:
                    rare_dict.pop("s", None)
                    rare_dict["s"] = Val("s", i)
                if i % 16 == 8:
                    rare_set.add("x%d" % i)
                    rare_set.discard("x%d" % (i - 16))
        finally:
            done.append(t)
    else:
        while len(done) < (THREADS + 1) // 2:
            for v, tag in ((tight_list[-1], "T"), (tight_list[0], "T"), (tight_dict.get("a"), "a"), (tight_dict.get(7), 7),
                           (rare_dict["r"], "r"), (rare_dict.get(9), 9), (rare_dict.get("s"), "s")):
                if v is None:
                    continue
                try:
                    check(v.tag == tag, lambda: f"tight: read {v.tag!r}, want {tag!r}")
                except AttributeError:
                    fail("tight: read a freed value")
            check(9 in rare_dict and "r" in rare_dict, "a key never removed is missing")
            check("keep" in rare_set and 5 in rare_set and "absent" not in rare_set, "set membership of a key never changed")
            check(type("x8" in rare_set) is bool, "'in' gives a bool")


run_threads(tight, THREADS)
tight_list.clear()
tight_dict.clear()
rare_dict.clear()
rare_set.clear()
lst.clear()
d.clear()
# Give the retired values their quiescent states: a few breakers here.
for _ in range(1000):
    pass
gc.collect()
check(freed[0] == made[0], lambda: f"{made[0]} values made, {freed[0]} freed")
finish()
