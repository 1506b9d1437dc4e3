"""Threads that end just after retiring keys of shared sets.

Each short-lived thread adds fresh objects to a shared set and a shared
`WeakSet`, then discards them from the set: the set's references are
retired (freed after a quiescent state of every thread), so many of the
objects die while some thread is ending, and their weakref callbacks
discard from the `WeakSet`'s own shared set on that ending thread. A
thread that retires after it left the quiescent-state scheme must not
lose or crash on what it retires (a panic while its thread-locals are
torn down prints to stderr and may not change the exit status, so the
program runs itself in a child and checks the child's stderr too).
"""

import subprocess
import sys
import threading
import weakref

from _stress import check, finish, iters, run_threads


class Key:
    pass


def child():
    ws = weakref.WeakSet()
    shared = set()
    n = iters(40)

    def short_life():
        objs = [Key() for _ in range(16)]
        for o in objs:
            shared.add(o)
            ws.add(o)
        for o in objs:
            shared.discard(o)

    def worker(t):
        for _ in range(n):
            th = threading.Thread(target=short_life)
            th.start()
            th.join()

    run_threads(worker)
    # Give the retired keys their quiescent states: a few breakers here.
    for _ in range(1000):
        pass
    check(len(shared) == 0, lambda: f"{len(shared)} keys left in the set")
    finish()


if "--child" in sys.argv:
    child()
else:
    r = subprocess.run([sys.executable, __file__, "--child"], capture_output=True, text=True, timeout=240)
    check(r.returncode == 0, lambda: f"child exited with {r.returncode}: {r.stderr[-2000:]}")
    check(r.stdout.strip().endswith("ok"), lambda: f"child printed {r.stdout[-2000:]!r}")
    check(r.stderr == "", lambda: f"child wrote to stderr: {r.stderr[-2000:]}")
    finish()
