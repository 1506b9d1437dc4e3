"""Lock-free attribute reads of one shared instance while others replace
and delete its attributes.

Readers load inline attribute values without a lock; a value replaced
meanwhile is retired through QSBR, not freed, until every thread has passed
its eval breaker. Every read must find a whole value of the right kind, and
once the threads are done every replaced value must have been freed (its
`__del__` ran): nothing leaks and nothing is freed twice.
"""

import gc
import threading

from _stress import THREADS, check, finish, iters, run_threads

N = iters(20000)
NAMES = ("a", "b", "c", "d")

lock = threading.Lock()
created = [0]
freed = [0]


class Val:
    __slots__ = ("name", "n", "__weakref__")

    def __init__(self, name, n):
        self.name = name
        self.n = n

    def __del__(self):
        with lock:
            freed[0] += 1


class Shared:
    pass


obj = Shared()
for name in NAMES:
    setattr(obj, name, Val(name, -1))
created[0] += len(NAMES)


def worker(t):
    made = 0
    if t % 2 == 0:
        for i in range(N):
            name = NAMES[i % len(NAMES)]
            if i % 7 == 0:
                try:
                    delattr(obj, name)
                except AttributeError:
                    pass
            else:
                setattr(obj, name, Val(name, i))
                made += 1
    else:
        for i in range(N):
            name = NAMES[i % len(NAMES)]
            v = getattr(obj, name, None)
            if v is not None:
                check(type(v) is Val and v.name == name, lambda: f"torn value {v!r} for {name}")
    return made


made = run_threads(worker, THREADS)
created[0] += sum(m for m in made if m)
for name in NAMES:
    try:
        delattr(obj, name)
    except AttributeError:
        pass
# Give the retired values their quiescent states: a few breakers here.
for _ in range(1000):
    pass
gc.collect()
check(freed[0] == created[0], lambda: f"{created[0]} values made, {freed[0]} freed")
finish()
