"""deque_ops.py ITEMS ROUNDS

Single-thread collections.deque workload: append + popleft (a FIFO, as
queue.Queue uses it), appendleft + pop, iteration, `len` and indexing at
the ends, and a bounded deque (maxlen) that trims on every append. Prints
each phase's seconds, a checksum, and the total as time_s.
"""
import sys
import time
from collections import deque


def main():
    items = int(sys.argv[1]) if len(sys.argv) > 1 else 200000
    rounds = int(sys.argv[2]) if len(sys.argv) > 2 else 5
    phases = {}
    check = 0

    def phase(name, fn):
        nonlocal check
        t0 = time.perf_counter()
        check += fn()
        phases[name] = phases.get(name, 0.0) + time.perf_counter() - t0

    def fifo():
        d = deque()
        append, popleft = d.append, d.popleft
        for i in range(items):
            append(i)
        s = 0
        for _ in range(items):
            s += popleft()
        return s

    def lifo_left():
        d = deque()
        for i in range(items):
            d.appendleft(i)
        s = 0
        while d:
            s += d.pop()
        return s

    def iterate():
        d = deque(range(items))
        s = 0
        for x in d:
            s += x
        for x in reversed(d):
            s -= x
        return s + len(d) + d[0] + d[-1]

    def bounded():
        d = deque(maxlen=64)
        for i in range(items):
            d.append(i)
        return sum(d)

    t0 = time.perf_counter()
    for _ in range(rounds):
        phase("fifo", fifo)
        phase("lifo_left", lifo_left)
        phase("iterate", iterate)
        phase("bounded", bounded)
    total = time.perf_counter() - t0
    for name, secs in phases.items():
        print(f"{name}_s={secs:.4f}")
    print(f"checksum={check} ok={check > 0}")
    print(f"time_s={total:.4f}")


main()
