"""Items handed through one shared `queue.SimpleQueue` (native `_queue`)
while a thread collects garbage, so collections start while getters sleep
in `get()`, wake up and take items.

Producers put fresh instances (tracked by the collector, referenced only by
the queue) and consumers check every item they get is whole: its attributes
are there and its list is intact. Every item arrives exactly once. This once
found items freed while in flight: a getter that popped while detached
changed the queue in the middle of a collection.
"""

import gc
import queue
import threading
import time

from _stress import check, finish, iters, run_threads, THREADS

N = iters(20000)
PRODUCERS = max(1, (THREADS - 1) // 3)
CONSUMERS = THREADS - 1 - PRODUCERS

q = queue.SimpleQueue()
left_lock = threading.Lock()
left = {"producers": PRODUCERS, "consumers": CONSUMERS}


def finished(role):
    """Counts down `role`; true for the last thread of it."""
    with left_lock:
        left[role] -= 1
        return left[role] == 0


class Item:
    def __init__(self, serial):
        self.serial = serial
        self.payload = [serial, serial + 1]


def collector():
    n = 0
    while left["consumers"]:
        gc.collect()
        n += 1
    return n


def produce(t):
    for i in range(N):
        q.put(Item(t * N + i))
        if i % 4 == 0:
            time.sleep(0)  # consumers catch up and sleep in get()
    if finished("producers"):
        # One stop mark per consumer, after every item.
        for _ in range(CONSUMERS):
            q.put(None)


def consume(t):
    got = []
    while True:
        item = q.get(timeout=30) if t % 2 else q.get()
        if item is None:
            finished("consumers")
            return got
        try:
            s = item.serial
            ok = item.payload == [s, s + 1]
        except AttributeError as e:
            check(False, f"item lost its attributes: {e}")
            continue
        check(ok, lambda: f"item {s} has payload {item.payload!r}")
        got.append(s)


def worker(t):
    if t == 0:
        return collector()
    if t <= PRODUCERS:
        return produce(t)
    return consume(t)


results = run_threads(worker)
seen = sorted(s for r in results[1 + PRODUCERS:] if r for s in r)
expected = sorted(t * N + i for t in range(1, 1 + PRODUCERS) for i in range(N))
check(seen == expected, lambda: f"{len(seen)} items arrived, {len(expected)} expected")
check(q.empty(), "queue not empty at the end")
finish()
