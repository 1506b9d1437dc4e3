# Pins: _thread.lock and RLock: locked() as a plain read from any thread, acquire blocking/non-blocking/timeout and their argument errors, release from another thread, release of an unlocked lock, RLock reentrancy, ownership and _is_owned/_recursion_count, Condition over both, and many threads contending for one lock.
# recorded-with: cpython-3.13
# timeout: 30
import threading
import time

lk = threading.Lock()
print(lk.locked(), lk.acquire(), lk.locked(), lk.acquire(False), lk.acquire(True, 0.01), lk.acquire(timeout=0))
print(repr(lk).startswith("<locked _thread.lock object at"))
lk.release()
print(lk.locked(), repr(lk).startswith("<unlocked _thread.lock object at"))
for call in [lambda: lk.release(), lambda: lk.acquire(False, 1), lambda: lk.acquire(True, -2),
             lambda: lk.acquire(timeout=1e300), lambda: lk.acquire(1, 2, 3)]:
    try:
        call()
        print("no error")
    except (RuntimeError, ValueError, OverflowError, TypeError) as e:
        print(type(e).__name__, e)
with lk:
    print("with:", lk.locked())
print("after with:", lk.locked())

# A lock released by another thread wakes the waiter.
lk.acquire()
seen = []


def releaser():
    time.sleep(0.05)
    seen.append(lk.locked())
    lk.release()


t = threading.Thread(target=releaser)
t.start()
print("waited:", lk.acquire(timeout=5), seen)
t.join()
lk.release()

# Timed wait that expires while another thread holds it.
lk.acquire()
got = []
t = threading.Thread(target=lambda: got.append(lk.acquire(timeout=0.05)))
t.start()
t.join()
print("timed out:", got)
lk.release()

rl = threading.RLock()
print(rl.acquire(), rl.acquire(), rl._is_owned(), rl._recursion_count())
other = []
t = threading.Thread(target=lambda: other.append((rl.acquire(False), rl._is_owned(), rl._recursion_count())))
t.start()
t.join()
print("other thread:", other)
def _try(f):
    try:
        f()
        return "released"
    except RuntimeError as e:
        return str(e)


t = threading.Thread(target=lambda: other.append(_try(rl.release)))
t.start()
t.join()
print("release from non-owner:", other[-1])
rl.release()
rl.release()
print(_try(rl.release), rl._is_owned(), rl._recursion_count())
print(repr(rl).startswith("<unlocked _thread.RLock object owner=0 count=0 at"))

# Condition over a Lock and an RLock.
for kind in (threading.Lock, threading.RLock):
    cond = threading.Condition(kind())
    box = []

    def producer():
        time.sleep(0.02)
        with cond:
            box.append(1)
            cond.notify()

    t = threading.Thread(target=producer)
    t.start()
    with cond:
        print(kind.__name__, "wait_for:", cond.wait_for(lambda: box, timeout=5))
    t.join()

# Contention: 8 threads x 5000 increments under one lock; locked() polled meanwhile.
counter = [0]
stop = [False]
polls = [0]


def inc():
    for _ in range(5000):
        with lk:
            counter[0] += 1


def poll():
    while not stop[0]:
        lk.locked()
        polls[0] += 1


p = threading.Thread(target=poll)
p.start()
ts = [threading.Thread(target=inc) for _ in range(8)]
for t in ts:
    t.start()
for t in ts:
    t.join()
stop[0] = True
p.join()
print("counter:", counter[0], "polled:", polls[0] > 0, "locked at end:", lk.locked())
