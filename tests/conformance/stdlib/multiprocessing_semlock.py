# Pins: _multiprocessing.SemLock over POSIX named semaphores: kinds, counts, _is_mine/_count/_get_value/_is_zero, _rebuild by name, release errors, no pickling, timeouts that must be numbers, FileExistsError for a taken name, sem_unlink, flags; and multiprocessing's Lock/RLock/Semaphore/BoundedSemaphore/Event/Condition: a blocked acquire runs signal handlers (a raising one ends the wait, a quiet one lets it go on to its timeout) and is released by another thread.
# recorded-with: cpython-3.13
# (Recorded natively: the WebAssembly 3.14 has no threads or _multiprocessing. Names 'spawn' because 3.14's default start method on Linux is 'forkserver'.)
import _multiprocessing
import os
import pickle
import signal
import threading
import multiprocessing as mp

SemLock = _multiprocessing.SemLock
print(SemLock.SEM_VALUE_MAX, _multiprocessing.flags, SemLock.__module__)
prefix = f"/spindle-semlock-{os.getpid()}"

s = SemLock(1, 2, 3, prefix + "-a", True)
print(s.name, s.kind, s.maxvalue, type(s.handle).__name__, s._get_value(), s._is_zero())
print(s.acquire(), s.acquire(), s.acquire(False), s.acquire(timeout=0.01), s._count(), s._is_zero())
s.release(); s.release(); s.release()
try:
    s.release()
except ValueError as e:
    print("ValueError:", e)
print(s._get_value(), s._count())

for args in ((5, 1, 1, prefix + "-b", True), (0, 1, 1, prefix + "-c\0", True)):
    try:
        SemLock(*args)
    except ValueError as e:
        print("ValueError:", e)
try:
    _multiprocessing.sem_unlink(prefix + "-missing")
except FileNotFoundError as e:
    print("FileNotFoundError:", e.strerror)

a = SemLock(0, 1, 1, prefix + "-m", False)
print(a.name == prefix + "-m")
try:
    SemLock(0, 1, 1, prefix + "-m", False)
except FileExistsError as e:
    print("FileExistsError:", e.strerror)
b = SemLock._rebuild(a.handle, a.kind, a.maxvalue, a.name)
print(a.acquire(), b.acquire(False), a._count(), b._count(), a._is_mine(), b._is_mine())
a.release()
print(b.acquire(block=False), b._is_mine())
b.release()
with a:
    with a:
        print("nested", a._count(), a._is_mine())
print(a._is_mine(), a._count())
try:
    a.release()
except AssertionError as e:
    print("AssertionError:", e)
a._after_fork()
_multiprocessing.sem_unlink(a.name)
try:
    a.kind = 1
except AttributeError:
    print("read-only kind")
for f in (lambda: a.acquire(timeout="1"), lambda: pickle.dumps(a)):
    try:
        f()
    except TypeError as e:
        print("TypeError:", e)

ctx = mp.get_context('spawn')
lock = ctx.Lock()
lock.acquire()
hits = []


def on_alarm(signum, frame):
    hits.append(signum == signal.SIGALRM)
    if len(hits) == 1:
        raise KeyboardInterrupt


signal.signal(signal.SIGALRM, on_alarm)
signal.setitimer(signal.ITIMER_REAL, 0.05)
try:
    lock.acquire()
except KeyboardInterrupt:
    print("KeyboardInterrupt in acquire", hits)
signal.setitimer(signal.ITIMER_REAL, 0.05)
print("timed out:", lock.acquire(timeout=0.3) is False, hits)
t = threading.Timer(0.05, lock.release)
t.start()
print("released by a thread:", lock.acquire())
t.join()
lock.release()

sem = ctx.Semaphore(0)
waiters = [threading.Thread(target=sem.acquire) for _ in range(4)]
for w in waiters:
    w.start()
for _ in waiters:
    sem.release()
for w in waiters:
    w.join()
print("semaphore value", sem.get_value())
bs = ctx.BoundedSemaphore(1)
try:
    bs.release()
except ValueError as e:
    print("ValueError:", e)
r = ctx.RLock()
with r:
    with r:
        print(repr(r).split(",")[0])
try:
    r.release()
except AssertionError as e:
    print("AssertionError:", e)
ev = ctx.Event()
print(ev.is_set(), ev.wait(0.01))
threading.Timer(0.02, ev.set).start()
print(ev.wait(30))
cond = ctx.Condition()
with cond:
    print(cond.wait(0.01))
print(repr(ctx.Semaphore(2)).split("(")[0], repr(lock))
