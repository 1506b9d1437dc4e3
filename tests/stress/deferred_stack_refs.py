"""Calls of shared definitions whose only references other threads drop.

A call of a module-level function or class, or of a method found through
the attribute cache, pushes the callable without a reference count once
threads exist (a deferred stack reference); the cycle collector counts
those slots on every thread's running frames. Here the workers share a few
modules (exec'd namespaces). Each call goes through a global or a class
attribute that other workers keep replacing and deleting, while some
workers collect; the callee checks, after the collection that may free it,
that its own defaults and class are still its own (a freed and reused
function would read another object's memory).

At the end: every call returned what its definer meant, no call saw a
wrong self-check, and after a last collection every replaced definition
has been freed.
"""

import gc
import threading
import weakref

from _stress import THREADS, check, finish, iters, run_threads

N = iters(1500)
MODULES = 4

SOURCE = """
def helper(x, _key={key}):
    # The caller's pushed reference is all that may keep this alive.
    if collect_here[0]:
        gc.collect()
    return x * 2 + _key - {key}

class Shape:
    key = {key}
    def area(self, x, _key={key}):
        if collect_here[0]:
            gc.collect()
        return x + _key - {key} + type(self).key - self.key

def run(x):
    return helper(x) + Shape().area(x)
"""

lock = threading.Lock()
modules = []
old_refs = []
versions = [0]


def make_module(m):
    ns = {"__name__": f"mod{m}", "gc": gc, "collect_here": [False]}
    exec(SOURCE.format(key=1000 * m), ns)
    return ns


def replace(ns, m):
    # New definitions of the same meaning; the old ones lose their module's
    # reference while other threads may be calling them.
    with lock:
        versions[0] += 1
        key = 1000 * m + versions[0] % 997
    fresh = {"__name__": ns["__name__"], "gc": gc, "collect_here": ns["collect_here"]}
    exec(SOURCE.format(key=key), fresh)
    old = (ns.get("helper"), ns.get("Shape"))
    with lock:
        for o in old:
            if o is not None:
                old_refs.append(weakref.ref(o))
    ns["helper"] = fresh["helper"]
    ns["Shape"] = fresh["Shape"]
    # A method of the live class is replaced too (the class keeps living).
    ns["Shape"].area = fresh["Shape"].__dict__["area"]


for m in range(MODULES):
    modules.append(make_module(m))


def worker(t):
    wrong = 0
    for i in range(N):
        ns = modules[(t + i) % MODULES]
        if t % 4 == 0:
            ns["collect_here"][0] = i % 8 == 0
        try:
            got = ns["run"](i)
        except NameError:
            # Deleted between replacement steps below: CPython raises too.
            got = 3 * i
        if got != 3 * i:
            wrong += 1
        if t % 2 == 1 and i % 5 == 0:
            replace(ns, (t + i) % MODULES)
        if t % 4 == 2 and i % 7 == 0:
            # The global goes missing for a moment.
            saved = ns.pop("helper", None)
            if saved is not None:
                ns["helper"] = saved
            del saved
        if t % 4 == 3 and i % 11 == 0:
            gc.collect()
    check(wrong == 0, f"thread {t}: {wrong} wrong results")


run_threads(worker)
for ns in modules:
    ns["collect_here"][0] = False
modules.clear()
gc.collect()
gc.collect()
alive = sum(1 for r in old_refs if r() is not None)
check(alive == 0, f"{alive} replaced definitions still alive after collection")
check(len(old_refs) >= THREADS // 2, f"only {len(old_refs)} definitions replaced")
finish()
