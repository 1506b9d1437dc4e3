"""multiprocessing's Lock, RLock and BoundedSemaphore (native SemLocks on
POSIX named semaphores) shared by all threads: blocking, non-blocking and
timed acquires. A counter guarded by the Lock and one guarded by the
nested RLock must be exact; no more than the semaphore's value hold it at
once; no release fails and every lock ends free.
"""

import threading
import multiprocessing as mp

from _stress import THREADS, check, finish, iters, run_threads

N = iters(2000)
ctx = mp.get_context("spawn")
lock = ctx.Lock()
rlock = ctx.RLock()
sem = ctx.BoundedSemaphore(3)
inside = [0, 0]
inside_guard = threading.Lock()
counts = {"lock": 0, "rlock": 0}


def worker(t):
    missed = 0
    for i in range(N):
        if i % 3 == 0:
            took = lock.acquire(False)
            if not took:
                missed += 1
                lock.acquire()
        elif i % 3 == 1:
            while not lock.acquire(timeout=0.001):
                missed += 1
        else:
            lock.acquire()
        counts["lock"] += 1
        lock.release()

        with rlock:
            with rlock:
                check(rlock._semlock._count() == 2, "RLock count is not 2 inside two acquires")
                counts["rlock"] += 1

        with sem:
            with inside_guard:
                inside[0] += 1
                inside[1] = max(inside[1], inside[0])
            with inside_guard:
                inside[0] -= 1
    return missed


run_threads(worker)
check(counts["lock"] == N * THREADS, lambda: f"lock counter {counts['lock']} != {N * THREADS}")
check(counts["rlock"] == N * THREADS, lambda: f"rlock counter {counts['rlock']} != {N * THREADS}")
check(1 <= inside[1] <= 3, lambda: f"{inside[1]} threads held a semaphore of value 3")
check(lock.acquire(False), "the Lock is still held")
lock.release()
check(sem.get_value() == 3, lambda: f"semaphore value {sem.get_value()} != 3")
check(not rlock._semlock._is_mine() and rlock.acquire(False), "the RLock is still held")
rlock.release()
finish()
