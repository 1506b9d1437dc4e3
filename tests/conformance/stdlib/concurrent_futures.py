# Pins: concurrent.futures.ThreadPoolExecutor: map ordering, submit/result, exceptions through futures, as_completed over a set (results sorted), wait, and shutdown semantics.
# recorded-with: cpython-3.13
from concurrent.futures import ThreadPoolExecutor, as_completed, wait, FIRST_EXCEPTION, Future
import threading
def square(x):
    return x * x
with ThreadPoolExecutor(max_workers=4) as ex:
    print(list(ex.map(square, range(10))))
    futs = [ex.submit(square, i) for i in range(5)]
    print([f.result() for f in futs], all(f.done() for f in futs))
    print(sorted(f.result() for f in as_completed(ex.submit(square, i) for i in range(6))))
    def fail(x):
        raise ValueError(f"bad {x}")
    f = ex.submit(fail, 7)
    try:
        f.result()
    except ValueError as e:
        print("ValueError:", e, type(f.exception()).__name__)
    done, not_done = wait([ex.submit(square, 2), ex.submit(square, 3)])
    print(sorted(d.result() for d in done), len(not_done))
    try:
        list(ex.map(fail, [1, 2]))
    except ValueError as e:
        print("map raised:", e)
    names = set(ex.map(lambda _: threading.current_thread().name.split("_")[0], range(8)))
    print(names)
try:
    ex.submit(square, 1)
except RuntimeError as e:
    print("RuntimeError:", e)
fut = Future()
print(fut.done(), fut.cancelled(), fut.cancel(), fut.cancelled())
fut2 = Future()
fut2.add_done_callback(lambda f: print("callback got", f.result()))
fut2.set_result(42)
total = 0
lock = threading.Lock()
def add(n):
    global total
    with lock:
        total += n
with ThreadPoolExecutor(8) as ex:
    for i in range(1000):
        ex.submit(add, i)
print(total)
