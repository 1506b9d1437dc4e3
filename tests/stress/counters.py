"""`x += 1` from all threads on a global, a module attribute, an instance
attribute, a class attribute, a dict entry, a list item and a closure
cell. Read-modify-write is not atomic in CPython either, so updates may
be lost: each counter must only stay an int between 1 and the number of
increments. A thread-local counter must be exact.
"""

import sys
import threading

from _stress import THREADS, check, finish, iters, run_threads

N = iters(20000)

counter = 0


class Box:
    shared = 0

    def __init__(self):
        self.n = 0


box = Box()
table = {"n": 0}
cells = [0]
module = sys.modules[__name__]
module.attr_count = 0
local = threading.local()


def make_cell_counter():
    n = 0

    def bump():
        nonlocal n
        n += 1

    def get():
        return n

    return bump, get


bump, get = make_cell_counter()


def worker(t):
    global counter
    local.n = 0
    for i in range(N):
        counter += 1
        box.n += 1
        Box.shared += 1
        table["n"] += 1
        cells[0] += 1
        module.attr_count += 1
        bump()
        local.n += 1
    check(local.n == N, lambda: f"thread-local counter {local.n} != {N}")


run_threads(worker)
total = N * THREADS
for name, value in [
    ("global", counter),
    ("instance attribute", box.n),
    ("class attribute", Box.shared),
    ("dict entry", table["n"]),
    ("list item", cells[0]),
    ("module attribute", module.attr_count),
    ("closure cell", get()),
]:
    check(type(value) is int and 1 <= value <= total, lambda: f"{name}: {value!r} not in 1..{total}")
finish()
