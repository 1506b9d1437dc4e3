# Pins: threading: start/join, results collected under a Lock, Thread names/daemon/ident existence, Event and Condition handoff, RLock reentrancy, thread-local data, and exception in a thread reported by excepthook.
# recorded-with: cpython-3.13
import threading
results = []
lock = threading.Lock()
def work(n):
    total = sum(range(n * 1000))
    with lock:
        results.append((n, total))
threads = [threading.Thread(target=work, args=(i,), name=f"worker-{i}") for i in range(8)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(sorted(results)[:3], len(results), all(not t.is_alive() for t in threads), threads[3].name)
counter = 0
def incr():
    global counter
    for _ in range(10000):
        with lock:
            counter += 1
ts = [threading.Thread(target=incr) for _ in range(4)]
[t.start() for t in ts]
[t.join() for t in ts]
print("counter", counter)
ev = threading.Event()
seen = []
def waiter():
    ev.wait()
    seen.append("event seen")
w = threading.Thread(target=waiter)
w.start()
ev.set()
w.join()
print(seen, ev.is_set())
cond = threading.Condition()
items = []
def consumer():
    with cond:
        cond.wait_for(lambda: len(items) == 3)
        seen.append(list(items))
c = threading.Thread(target=consumer)
c.start()
for i in range(3):
    with cond:
        items.append(i)
        cond.notify_all()
c.join()
print(seen[-1])
r = threading.RLock()
with r:
    with r:
        print("rlock reentered")
local = threading.local()
local.value = "main"
out = []
def set_local(v):
    local.value = v
    out.append(local.value)
t = threading.Thread(target=set_local, args=("thread",))
t.start(); t.join()
print(local.value, out)
print(threading.current_thread().name, threading.main_thread() is threading.current_thread(), isinstance(threading.get_ident(), int))
d = threading.Thread(target=lambda: None, daemon=True)
print(d.daemon, d.is_alive(), d.ident is None)
d.start(); d.join()
print(d.ident is not None, threading.active_count() >= 1)
caught = []
threading.excepthook = lambda args: caught.append((args.exc_type.__name__, str(args.exc_value), args.thread.name))
bad = threading.Thread(target=lambda: 1 / 0, name="bad-thread")
bad.start(); bad.join()
print(caught)
b = threading.Barrier(3)
order = []
def at_barrier(i):
    idx = b.wait()
    with lock:
        order.append(i)
bs = [threading.Thread(target=at_barrier, args=(i,)) for i in range(3)]
[t.start() for t in bs]
[t.join() for t in bs]
print(sorted(order), b.parties, b.broken)
sem = threading.BoundedSemaphore(2)
sem.acquire(); sem.release()
try:
    sem.release()
except ValueError as e:
    print("ValueError:", e)
timer_hits = []
tm = threading.Timer(0.01, lambda: timer_hits.append("timer fired"))
tm.start(); tm.join()
print(timer_hits)
