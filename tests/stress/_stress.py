"""Shared harness of the thread stress programs (tests/stress/*.py).

Each program runs THREADS workers started together on a Barrier, records
every violated invariant with `fail`/`check`, and ends with `finish()`,
which prints `ok` or the failures and exits 1. A worker that raises an
exception the program did not expect is a failure too (with its traceback).

Environment knobs:
  SPINDLE_STRESS_THREADS=n  workers per run (default 8)
  SPINDLE_STRESS_SCALE=f    multiplies every loop count (default 1)
"""

import collections
import os
import sys
import threading
import traceback

THREADS = max(2, int(os.environ.get("SPINDLE_STRESS_THREADS", "8")))
SCALE = float(os.environ.get("SPINDLE_STRESS_SCALE", "1"))

_failures = []


def iters(n):
    """Loop count `n`, scaled by SPINDLE_STRESS_SCALE."""
    return max(1, int(n * SCALE))


def fail(msg):
    _failures.append(msg)


def check(cond, msg):
    if not cond:
        fail(msg() if callable(msg) else msg)
    return cond


def expect_error(exc, allowed):
    """An exception a race may raise: its type and message must be ones
    CPython raises in that race."""
    check(str(exc) in allowed,
          lambda: f"unexpected {type(exc).__name__} message: {str(exc)!r} (allowed: {allowed})")


def run_threads(worker, nthreads=None):
    """Runs worker(i) for i in range(n) on n threads released together;
    returns their results by index."""
    n = nthreads or THREADS
    barrier = threading.Barrier(n)
    results = [None] * n

    def body(i):
        try:
            barrier.wait()
            results[i] = worker(i)
        except BaseException:
            fail(f"thread {i} raised:\n" + traceback.format_exc())

    threads = [threading.Thread(target=body, args=(i,)) for i in range(n)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return results


def drain(it, limit=None):
    """Runs every worker over the one shared iterator `it` (each stops
    after `limit` items when given); a Counter of what the workers got."""
    def worker(t):
        got = []
        for x in it:
            got.append(x)
            if limit is not None and len(got) >= limit:
                break
        return got

    seen = collections.Counter()
    for r in run_threads(worker):
        if r is not None:
            seen.update(r)
    return seen


def finish():
    if _failures:
        for f in _failures[:20]:
            print("FAIL:", f)
        if len(_failures) > 20:
            print(f"... and {len(_failures) - 20} more failures")
        sys.stdout.flush()
        sys.exit(1)
    print("ok")
