# Objects whose last reference another thread drops are freed (biased reference counting's queue to the owner): __del__ and weakref callbacks run, classes made in threads are collected.
# recorded-with: cpython-3.13
# timeout: 30
import threading, queue, gc, weakref
dels = 0
lock = threading.Lock()
class D:
    def __del__(self):
        global dels
        with lock:
            dels += 1
# Made in workers, dropped last in the main thread.
q = queue.Queue()
def make(n):
    for i in range(n):
        q.put(D())
ts = [threading.Thread(target=make, args=(1000,)) for _ in range(4)]
for t in ts: t.start()
for t in ts: t.join()
while not q.empty():
    x = q.get()
    del x
print("after worker-made:", dels)
# Made in the main thread, dropped last in workers (main keeps running).
q2 = queue.Queue()
for i in range(4000):
    q2.put(D())
def drop():
    while True:
        try:
            x = q2.get_nowait()
        except queue.Empty:
            return
        del x
ts = [threading.Thread(target=drop) for _ in range(4)]
for t in ts: t.start()
for t in ts: t.join()
for i in range(100000): pass   # eval breaker checks
print("after main-made:", dels)
# Weakref callbacks fire for objects dropped by other threads.
fired = []
class W: pass
objs = [W() for _ in range(100)]
refs = [weakref.ref(o, lambda r: fired.append(1)) for o in objs]
def take():
    global objs
    local = objs
    objs = None
    del local
t = threading.Thread(target=take); t.start(); t.join()
for i in range(100000): pass
print("callbacks:", len(fired))
# Classes made in worker threads are freed.
def mk():
    for i in range(300):
        type('C%d' % i, (), {})
ts = [threading.Thread(target=mk) for _ in range(4)]
for t in ts: t.start()
for t in ts: t.join()
gc.collect()
print("classes alive:", sum(1 for o in gc.get_objects() if isinstance(o, type) and o.__name__.startswith('C') and o.__name__[1:].isdigit()))
