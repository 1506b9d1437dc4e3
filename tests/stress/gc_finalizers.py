"""Garbage cycles with finalizers and weakref callbacks, made by some
threads while others call gc.collect().

Every object gets a serial number. Its `__del__` records the serial, and
a weakref to it (kept alive by its thread) has a callback that records
the serial too. After the threads finish and a final collection, every
`__del__` has run exactly once and every callback has fired exactly once.
A part of the objects resurrect themselves once in `__del__` (PEP 442:
`__del__` still runs only once), and some are handed to other threads,
which drop the last reference to them.
"""

import collections
import gc
import weakref

from _stress import check, finish, iters, run_threads

N = iters(1500)
COLLECTORS = 2

finalized = []
fired = []
resurrected = []


class Node:
    def __init__(self, serial):
        self.serial = serial
        self.other = None
        self.payload = [serial] * 3

    def __del__(self):
        finalized.append(self.serial)
        if self.serial % 17 == 0:
            resurrected.append(self)


def callback_for(serial):
    def callback(ref):
        fired.append(serial)
    return callback


def worker(t):
    refs = []
    made = []
    if t < COLLECTORS:
        for i in range(N // 20):
            gc.collect()
            x = Node(-1 - t * N - i)  # acyclic: freed at once
            made.append(x.serial)
            refs.append(weakref.ref(x, callback_for(x.serial)))
            del x
        return made, refs
    for i in range(N):
        serial = (t * N + i) * 2
        a = Node(serial)
        b = Node(serial + 1)
        a.other = b
        b.other = a
        if i % 3 == 0:
            a.self_loop = a
        refs.append(weakref.ref(a, callback_for(serial)))
        refs.append(weakref.ref(b, callback_for(serial + 1)))
        made += (serial, serial + 1)
        del a, b
        if i % 4 == 0:
            # Handed over: made here, most likely dropped by another thread.
            h = Node(10**9 + t * N + i)
            made.append(h.serial)
            refs.append(weakref.ref(h, callback_for(h.serial)))
            handoff.append(h)
            del h
            try:
                handoff.pop(0)
            except IndexError:
                pass
    return made, refs


handoff = []
results = run_threads(worker)
handoff.clear()
# Drop the resurrected objects too and collect until nothing changes.
for _ in range(4):
    resurrected.clear()
    gc.collect()
made = collections.Counter()
refs = []
for r in results:
    if r is not None:
        made.update(r[0])
        refs += r[1]
check(max(made.values(), default=1) == 1, "serial reused")
fin = collections.Counter(finalized)
fire = collections.Counter(fired)
twice = [s for s, c in fin.items() if c > 1]
check(not twice, lambda: f"__del__ ran more than once for {len(twice)} objects, e.g. {twice[:5]}")
missing = [s for s in made if s not in fin]
check(not missing, lambda: f"__del__ never ran for {len(missing)} of {len(made)} objects, e.g. {missing[:5]}")
check(set(fin) <= set(made), "__del__ ran for an unknown object")
twice = [s for s, c in fire.items() if c > 1]
check(not twice, lambda: f"a weakref callback fired more than once for {len(twice)} objects")
missing = [s for s in made if s not in fire]
check(not missing, lambda: f"weakref callbacks never fired for {len(missing)} of {len(made)} objects, e.g. {missing[:5]}")
check(all(r() is None for r in refs), "a weakref still resolves")
finish()
