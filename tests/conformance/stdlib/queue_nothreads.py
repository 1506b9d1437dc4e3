# Pins: queue module without threads: Queue/LifoQueue/PriorityQueue/SimpleQueue ordering, maxsize, Full/Empty exceptions, task_done/join bookkeeping and shutdown (3.13+).
import queue
q = queue.Queue(maxsize=2)
q.put(1); q.put(2)
print(q.qsize(), q.full(), q.empty())
try:
    q.put(3, block=False)
except queue.Full:
    print("Full")
try:
    q.put(3, timeout=0.01)
except queue.Full:
    print("Full after timeout")
print(q.get(), q.get_nowait())
try:
    q.get_nowait()
except queue.Empty:
    print("Empty")
lifo = queue.LifoQueue()
for i in "abc":
    lifo.put(i)
print([lifo.get() for _ in range(3)])
pq = queue.PriorityQueue()
for item in [(3, "low"), (1, "high"), (2, "mid"), (1, "also high")]:
    pq.put(item)
print([pq.get() for _ in range(4)])
sq = queue.SimpleQueue()
sq.put("x"); sq.put_nowait("y")
print(sq.get(), sq.get(), sq.empty(), sq.qsize())
tq = queue.Queue()
tq.put("job")
tq.get()
tq.task_done()
tq.join()
print("joined")
try:
    tq.task_done()
except ValueError as e:
    print("ValueError:", e)
sd = queue.Queue()
sd.put(1)
sd.shutdown()
try:
    sd.put(2)
except queue.ShutDown:
    print("ShutDown on put")
print(sd.get())
try:
    sd.get()
except queue.ShutDown:
    print("ShutDown on get")
print(issubclass(queue.Full, Exception), queue.Empty.__name__)
