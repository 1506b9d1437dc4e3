"""Definitions made, shared and dropped by threads while others collect.

After the first thread starts, module- and class-level functions, classes
and modules are deferred: counted per thread and freed only by the cycle
collector. Here every worker repeatedly defines a class and a function
(with exec, so they are module-level definitions made at run time),
publishes them in a shared dict, calls and instantiates what the other
workers published (so references are made on one thread and dropped on
another), and drops its own; some workers call gc.collect() meanwhile.
Each definition's class has a metaclass whose instances count nothing;
instead a weakref with a callback records when each definition is freed.

At the end, after a last collection, every definition has been freed
exactly once, every call returned what its definer meant, and no
instance was left.
"""

import gc
import threading
import weakref

from _stress import THREADS, check, finish, iters, run_threads

N = iters(600)

board = {}
board_lock = threading.Lock()
freed = []
freed_lock = threading.Lock()
instances = [0]


def on_free(tag):
    def cb(ref):
        with freed_lock:
            freed.append(tag)
    return cb


SOURCE = """
class C{t}_{i}:
    base = {i}
    def __init__(self, k):
        self.k = k
    def value(self):
        return self.base * 1000 + self.k

def f{t}_{i}(x):
    return x + {i}
"""


def worker(t):
    refs = []
    wrong = 0
    for i in range(N):
        ns = {"__name__": f"defs{t}"}
        exec(SOURCE.format(t=t, i=i), ns)
        cls = ns[f"C{t}_{i}"]
        fn = ns[f"f{t}_{i}"]
        refs.append(weakref.ref(cls, on_free(("C", t, i))))
        refs.append(weakref.ref(fn, on_free(("f", t, i))))
        with board_lock:
            board[t] = (i, cls, fn)
            others = list(board.values())
        for (j, c, g) in others:
            if c(7).value() != j * 1000 + 7 or g(1) != j + 1:
                wrong += 1
        del others, c, g, cls, fn, ns
        if t % 4 == 0 and i % 25 == 0:
            gc.collect()
    with board_lock:
        board.pop(t, None)
    check(wrong == 0, f"thread {t}: {wrong} wrong results")
    return refs


results = run_threads(worker)
board.clear()
gc.collect()
gc.collect()

alive = sum(1 for refs in results if refs for r in refs if r() is not None)
check(alive == 0, f"{alive} definitions still alive after collection")
expected = THREADS * N * 2
check(len(freed) == expected, f"{len(freed)} callbacks for {expected} definitions")
check(len(set(freed)) == len(freed), "a definition freed twice")
finish()
