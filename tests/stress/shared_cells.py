"""Lock-free reads of closure cells shared by every thread while some
threads rebind them (`nonlocal`), empty them (`del`) and read `__class__`
through `super()`.

Readers load a cell's value without a lock; a value replaced meanwhile is
retired through QSBR, not freed, until every thread has passed its eval
breaker. Every read must find a whole value of the right kind (or the
NameError of an empty cell), and once the threads are done every replaced
value must have been freed exactly once (its `__del__` ran).
"""

import gc
import threading

from _stress import THREADS, check, expect_error, finish, iters, run_threads

N = iters(20000)

lock = threading.Lock()
created = [0]
freed = [0]


class Val:
    __slots__ = ("tag", "n", "__weakref__")

    def __init__(self, tag, n):
        self.tag = tag
        self.n = n

    def __del__(self):
        with lock:
            freed[0] += 1


def make_closures():
    a = Val("a", -1)
    b = Val("b", -1)

    def read_a():
        return a

    def read_b():
        return b

    def write(i):
        """Rebinds or empties a cell; 1 when it made a value."""
        nonlocal a, b
        if i % 5 == 0:
            try:
                del b
            except NameError:
                pass  # another writer emptied it first
            return 0
        if i % 2:
            a = Val("a", i)
        else:
            b = Val("b", i)
        return 1

    def reset():
        nonlocal a, b
        a = b = None

    return read_a, read_b, write, reset


read_a, read_b, write, reset = make_closures()
created[0] += 2


class Base:
    def who(self):
        return "base"


class Child(Base):
    def who(self):
        return "child>" + super().who()


child = Child()


def worker(t):
    made = 0
    if t % 2 == 0:
        for i in range(N):
            made += write(i)
    else:
        for i in range(N):
            v = read_a()
            check(type(v) is Val and v.tag == "a", lambda: f"torn value {v!r} in a")
            try:
                w = read_b()
            except NameError as e:
                expect_error(e, ["cannot access free variable 'b' where it is not associated with a value in enclosing scope"])
            else:
                check(type(w) is Val and w.tag == "b", lambda: f"torn value {w!r} in b")
            if i % 64 == 0:
                check(child.who() == "child>base", "super() through the shared __class__ cell")
    return made


made = run_threads(worker, THREADS)
created[0] += sum(m for m in made if m)
reset()
# Give the retired values their quiescent states: a few breakers here.
for _ in range(1000):
    pass
gc.collect()
check(freed[0] == created[0], lambda: f"{created[0]} values made, {freed[0]} freed")
finish()
