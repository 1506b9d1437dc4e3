# Pins: threading's synchronisation objects: Lock/RLock (acquire timeouts, _is_owned, _recursion_count, repr states, release errors), Condition wait/wait_for/notify/notify_all with timeouts, Semaphore, BoundedSemaphore's ValueError, Event, Barrier (action, abort, broken, reset, timeouts, BrokenBarrierError), Timer and cancel.
# recorded-with: cpython-3.13
# timeout: 30
import re
import threading
import time


def addr(s):
    return re.sub(r"0x[0-9a-fA-F]+", "ADDR", s)


# Lock
lk = threading.Lock()
print(type(lk).__name__, type(lk).__module__, addr(repr(lk)))
print(lk.acquire(), lk.locked(), addr(repr(lk)))
print("nonblocking", lk.acquire(False), lk.acquire(blocking=False))
print("timeout", lk.acquire(timeout=0.01))
for args, kw in [((False, 1), {}), ((), {"timeout": -2})]:
    try:
        lk.acquire(*args, **kw)
    except ValueError as e:
        print("ValueError:", e)
lk.release()
try:
    lk.release()
except RuntimeError as e:
    print("RuntimeError:", e)
# A Lock may be released by another thread.
lk.acquire()
rel = threading.Thread(target=lk.release)
rel.start(); rel.join()
print("released by other thread", lk.locked())
with lk:
    print("in with", lk.locked())
print("after with", lk.locked())

# RLock
rl = threading.RLock()
print(addr(repr(rl)))
rl.acquire(); rl.acquire()
print("owned", rl._is_owned(), "count", rl._recursion_count())
print(re.sub(r"owner=\d+", "owner=ME", addr(repr(rl))))
seen = []
def other():
    seen.append((rl._is_owned(), rl._recursion_count(), rl.acquire(timeout=0.01)))
    try:
        rl.release()
    except RuntimeError as e:
        seen.append(str(e))
th = threading.Thread(target=other)
th.start(); th.join()
print(seen)
rl.release(); rl.release()
print("released", rl._is_owned(), rl._recursion_count())
try:
    rl.release()
except RuntimeError as e:
    print("RuntimeError:", e)
print(type(rl).__name__, isinstance(rl, type(threading.RLock())))

# Condition
cond = threading.Condition()
print(re.sub(r"\d+", "N", addr(repr(cond))))
with cond:
    print("wait timeout ->", cond.wait(0.01))
    print("wait_for timeout ->", cond.wait_for(lambda: False, timeout=0.01))
    print("wait_for true ->", cond.wait_for(lambda: 5))
try:
    cond.wait(0)
except RuntimeError as e:
    print("RuntimeError:", e)
try:
    cond.notify()
except RuntimeError as e:
    print("RuntimeError:", e)
state = {"n": 0, "woken": 0}
ready = threading.Semaphore(0)
def cwaiter():
    with cond:
        ready.release()
        if cond.wait(timeout=10):
            state["woken"] += 1
ws = [threading.Thread(target=cwaiter) for _ in range(4)]
for w in ws:
    w.start()
for _ in ws:
    ready.acquire()
with cond:
    cond.notify(1)
deadline = time.monotonic() + 10
while state["woken"] < 1 and time.monotonic() < deadline:
    time.sleep(0.001)
time.sleep(0.02)
with cond:
    print("after notify(1)", state["woken"])
    cond.notify_all()
for w in ws:
    w.join()
print("after notify_all", state["woken"])
c2 = threading.Condition(threading.Lock())
with c2:
    print("plain lock condition", c2.wait(0.001))

# Semaphore
s = threading.Semaphore(2)
print(s.acquire(), s.acquire(), s.acquire(blocking=False), s.acquire(timeout=0.01))
s.release(2)
print("release(2)", s._value, s.acquire(), s.acquire())
try:
    threading.Semaphore(-1)
except ValueError as e:
    print("ValueError:", e)
try:
    s.release(0)
except ValueError as e:
    print("ValueError:", e)
print("repr", addr(repr(threading.Semaphore(3))))
bs = threading.BoundedSemaphore(1)
print(addr(repr(bs)))
bs.acquire(); bs.release()
try:
    bs.release()
except ValueError as e:
    print("ValueError:", e)
with bs:
    print("bounded in with", bs._value)

# Event
ev = threading.Event()
print(addr(repr(ev)), ev.is_set(), ev.wait(0.01))
ev.set()
print(addr(repr(ev)), ev.wait(), ev.wait(0))
ev.clear()
print("cleared", ev.is_set())
flag = []
def setter():
    time.sleep(0.02)
    ev.set()
st = threading.Thread(target=setter)
st.start()
print("waited", ev.wait(10))
st.join()

# Barrier
actions = []
b = threading.Barrier(3, action=lambda: actions.append("action"))
print(addr(repr(b)))
idx = []
lock = threading.Lock()
def bw():
    i = b.wait()
    with lock:
        idx.append(i)
ts = [threading.Thread(target=bw) for _ in range(3)]
[t.start() for t in ts]; [t.join() for t in ts]
print("indices", sorted(idx), actions, b.n_waiting, b.broken, b.parties)
b2 = threading.Barrier(2, timeout=0.02)
try:
    b2.wait()
except threading.BrokenBarrierError as e:
    print("BrokenBarrierError", type(e).__mro__[1].__name__, b2.broken)
try:
    b2.wait()
except threading.BrokenBarrierError:
    print("still broken")
b2.reset()
print("reset", b2.broken)
b3 = threading.Barrier(2)
errs = []
def bw3():
    try:
        b3.wait()
    except threading.BrokenBarrierError:
        errs.append("aborted")
t3 = threading.Thread(target=bw3)
t3.start()
while b3.n_waiting < 1:
    time.sleep(0.001)
b3.abort()
t3.join()
print(errs, b3.broken, addr(repr(b3)))
b4 = threading.Barrier(2)
try:
    b4.wait(timeout=0.01)
except threading.BrokenBarrierError:
    print("wait timeout breaks", b4.broken)
try:
    threading.Barrier(0)
except ValueError as e:
    # 3.14 says "parties must be >= 1" (3.13: "parties must be > 0").
    print("ValueError:", e)
def bad_action():
    raise KeyError("act")
b5 = threading.Barrier(1, action=bad_action)
try:
    b5.wait()
except KeyError as e:
    print("action raised", e, b5.broken)

# Timer
hits = []
t = threading.Timer(0.01, hits.append, args=("fired",))
print(type(t).__name__, isinstance(t, threading.Thread))
t.start(); t.join()
c = threading.Timer(10, hits.append, args=("never",))
c.start()
c.cancel()
c.join()
print(hits, c.finished.is_set())
kw = threading.Timer(0, lambda **k: hits.append(k), kwargs={"a": 1})
kw.start(); kw.join()
print(hits)
