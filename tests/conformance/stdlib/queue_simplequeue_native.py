# Pins: _queue.SimpleQueue (queue.SimpleQueue) and _queue.Empty: FIFO order, put/put_nowait/get/get_nowait/empty/qsize, get with block and timeout, argument errors with CPython's messages, __class_getitem__, subclasses, a get blocked in one thread woken by a put in another, and several producers and consumers.
# recorded-with: cpython-3.13
# timeout: 30
import _queue
import queue
import threading
import time

print(queue.SimpleQueue is _queue.SimpleQueue, queue.Empty is _queue.Empty, _queue.Empty.__mro__)
print(type(_queue.SimpleQueue()).__module__, _queue.SimpleQueue.__name__, _queue.Empty.__module__)
q = _queue.SimpleQueue()
print(q.empty(), q.qsize())
q.put(1)
q.put_nowait(2)
q.put(3, block=False, timeout=5)
q.put(item=4)
print(q.empty(), q.qsize(), [q.get(), q.get_nowait(), q.get(False), q.get(True, 1)], q.empty())

tries = [
    "_queue.SimpleQueue(1)", "_queue.SimpleQueue(x=1)", "q.get(timeout=-1)", "q.get(False)",
    "q.get_nowait()", "q.get(True, 0.01)", "q.get(timeout=0)", "q.put()", "q.put(1, 2, 3, 4)", "q.get(1, 2, 3)",
    "q.get(False, 'x')", "q.get(block=False, timeout=-1)", "q.qsize(1)", "q.empty(1)", "q.empty(x=1)", "q.put_nowait(1, 2)",
    "q.get_nowait(1)", "q.put(1, nope=2)", "q.get(timeout=float('nan'))",
]
for src in tries:
    try:
        print(src, "->", repr(eval(src)))
    except Exception as e:
        print(src, "->", type(e).__name__, e)
q.put("left")
print(q.qsize(), q.get_nowait())
print(_queue.SimpleQueue[int], queue.SimpleQueue[str])


class Named(_queue.SimpleQueue):
    def __init__(self, name):
        self.name = name


nq = Named("jobs")
nq.put("job")
print(nq.name, nq.get(), isinstance(nq, queue.SimpleQueue))

# A blocked get wakes on a put from another thread.
got = []
t = threading.Thread(target=lambda: got.append(q.get(timeout=10)))
t.start()
time.sleep(0.05)
q.put("wake")
t.join()
print("woken:", got)

# A timed get expires with Empty.
start = time.monotonic()
try:
    q.get(timeout=0.05)
except queue.Empty:
    print("expired after >= 0.05 s:", time.monotonic() - start >= 0.05)

# 4 producers, 3 consumers, sentinels.
work = _queue.SimpleQueue()
done = _queue.SimpleQueue()


def produce(k):
    for i in range(1000):
        work.put(k * 1000 + i)


def consume():
    total = 0
    count = 0
    while True:
        item = work.get()
        if item is None:
            break
        total += item
        count += 1
    done.put((count, total))


consumers = [threading.Thread(target=consume) for _ in range(3)]
producers = [threading.Thread(target=produce, args=(k,)) for k in range(4)]
for t in consumers + producers:
    t.start()
for t in producers:
    t.join()
for _ in consumers:
    work.put(None)
for t in consumers:
    t.join()
parts = [done.get() for _ in consumers]
print(sum(c for c, _ in parts), sum(s for _, s in parts) == sum(range(4000)), done.empty(), work.empty())

# queue.Queue (Python, over locks and conditions) still works across threads.
qq = queue.Queue(maxsize=2)
out = []
t = threading.Thread(target=lambda: [out.append(qq.get()) for _ in range(5)])
t.start()
for i in range(5):
    qq.put(i)
t.join()
print(out)
