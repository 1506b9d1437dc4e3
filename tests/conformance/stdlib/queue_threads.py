# Pins: queue with threads: Queue/LifoQueue/PriorityQueue/SimpleQueue ordering, put/get timeouts raising Full/Empty, nowait variants, task_done/join, maxsize, and Queue.shutdown (immediate or not) with queue.ShutDown for blocked and later callers.
# recorded-with: cpython-3.13
# timeout: 30
import queue
import threading
import time

q = queue.Queue()
for i in range(3):
    q.put(i)
print("fifo", [q.get() for _ in range(3)], q.empty(), q.qsize())
lq = queue.LifoQueue()
for i in range(3):
    lq.put(i)
print("lifo", [lq.get() for _ in range(3)])
pq = queue.PriorityQueue()
for item in [(3, "c"), (1, "a"), (2, "b")]:
    pq.put(item)
print("priority", [pq.get() for _ in range(3)])
sq = queue.SimpleQueue()
sq.put(1); sq.put_nowait(2)
print("simple", sq.get(), sq.get_nowait(), sq.empty(), sq.qsize())
try:
    sq.get(timeout=0.01)
except queue.Empty:
    print("SimpleQueue Empty after timeout")
try:
    sq.get(block=False)
except queue.Empty as e:
    print("Empty", repr(e))

b = queue.Queue(maxsize=2)
b.put(1); b.put(2)
print("full", b.full(), b.maxsize)
try:
    b.put(3, timeout=0.01)
except queue.Full:
    print("Full after timeout")
try:
    b.put_nowait(3)
except queue.Full as e:
    print("Full", repr(e))
b.get(); b.get()
try:
    b.get(timeout=0.01)
except queue.Empty:
    print("Empty after timeout")
try:
    b.get_nowait()
except queue.Empty:
    print("Empty nowait")
for bad in (-1,):
    try:
        b.get(timeout=bad)
    except ValueError as e:
        print("ValueError:", e)
    try:
        b.put(1, timeout=bad)
    except ValueError as e:
        print("ValueError:", e)

# A blocked put wakes when a consumer takes an item.
b.put("a"); b.put("b")
def late_get():
    time.sleep(0.02)
    b.get()
t = threading.Thread(target=late_get)
t.start()
b.put("c", timeout=10)
t.join()
print("unblocked put", b.qsize())

# Producers/consumers with task_done/join.
work = queue.Queue()
results = []
lock = threading.Lock()
def consumer():
    while True:
        item = work.get()
        if item is None:
            work.task_done()
            return
        with lock:
            results.append(item * item)
        work.task_done()
cs = [threading.Thread(target=consumer) for _ in range(4)]
for c in cs:
    c.start()
for i in range(100):
    work.put(i)
work.join()
print("joined", len(results), sum(results), work.unfinished_tasks)
for _ in cs:
    work.put(None)
for c in cs:
    c.join()
try:
    work.task_done()
except ValueError as e:
    print("ValueError:", e)

# shutdown: ShutDown for blocked getters, later puts; gets drain first.
print("ShutDown", issubclass(queue.ShutDown, Exception))
sd = queue.Queue()
errs = []
def blocked_get():
    try:
        sd.get()
    except queue.ShutDown:
        errs.append("get ShutDown")
g = threading.Thread(target=blocked_get)
g.start()
time.sleep(0.02)
sd.shutdown()
g.join()
print(errs, sd.is_shutdown)
try:
    sd.put(1)
except queue.ShutDown:
    print("put after shutdown: ShutDown")
sd2 = queue.Queue()
for i in range(3):
    sd2.put(i)
sd2.shutdown()
print("drain after shutdown", [sd2.get() for _ in range(3)])
try:
    sd2.get()
except queue.ShutDown:
    print("get on empty shut-down queue: ShutDown")
sd3 = queue.Queue()
for i in range(3):
    sd3.put(i)
joined = []
def joiner():
    sd3.join()
    joined.append("join returned")
j = threading.Thread(target=joiner)
j.start()
time.sleep(0.02)
sd3.shutdown(immediate=True)
j.join()
print(joined, sd3.qsize(), sd3.unfinished_tasks)
try:
    sd3.get_nowait()
except queue.ShutDown:
    print("get after immediate shutdown: ShutDown")
full = queue.Queue(1)
full.put(0)
perr = []
def blocked_put():
    try:
        full.put(1)
    except queue.ShutDown:
        perr.append("put ShutDown")
p = threading.Thread(target=blocked_put)
p.start()
time.sleep(0.02)
full.shutdown()
p.join()
print(perr, full.get(), full.qsize())
