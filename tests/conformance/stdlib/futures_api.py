# Pins: concurrent.futures with threads: ThreadPoolExecutor defaults (max_workers, thread_name_prefix), initializer/initargs and BrokenThreadPool, Future states/result/exception timeouts/cancel/callbacks, as_completed and wait (each return_when, timeouts), Executor.map with timeout and (3.14) buffersize, shutdown(wait, cancel_futures), and worker tracebacks.
# recorded-with: cpython-3.13
# timeout: 30
import os
import re
import sys
import threading
import time
import traceback
from concurrent.futures import (ALL_COMPLETED, FIRST_COMPLETED, FIRST_EXCEPTION, CancelledError,
                                Future, ThreadPoolExecutor, TimeoutError, as_completed, wait)
from concurrent.futures.thread import BrokenThreadPool
import concurrent.futures

HERE = os.path.basename(__file__)


def addr(s):
    return re.sub(r"0x[0-9a-fA-F]+", "ADDR", s)


print("TimeoutError is builtin", TimeoutError is __builtins__.TimeoutError if hasattr(__builtins__, "TimeoutError") else TimeoutError.__module__)
ex = ThreadPoolExecutor()
print("default max_workers", ex._max_workers == min(32, (os.process_cpu_count() or 1) + 4))
ex.shutdown()
for bad in (0, -1):
    try:
        ThreadPoolExecutor(max_workers=bad)
    except ValueError as e:
        print("ValueError:", e)
try:
    ThreadPoolExecutor(initializer=5)
except TypeError as e:
    print("TypeError:", e)

with ThreadPoolExecutor(max_workers=2, thread_name_prefix="pool") as ex:
    names = sorted(set(ex.map(lambda _: (time.sleep(0.01), threading.current_thread().name)[1], range(6))))
print("names", [re.sub(r"_\d+$", "_N", n) for n in names][:1], all(n.startswith("pool_") for n in names))
with ThreadPoolExecutor(max_workers=1) as ex:
    name = ex.submit(lambda: threading.current_thread().name).result()
print("default prefix", re.sub(r"\d+", "N", name))

inits = []
def init(tag, n):
    inits.append((tag, n))
with ThreadPoolExecutor(max_workers=1, initializer=init, initargs=("x", 1)) as ex:
    print("with initializer", ex.submit(lambda: 7).result(), inits)

def failing_init():
    raise ValueError("init failed")
import logging
logging.disable(logging.CRITICAL)  # the initializer failure is logged at CRITICAL
ex = ThreadPoolExecutor(max_workers=1, initializer=failing_init)
f = ex.submit(lambda: 1)
try:
    f.result(timeout=10)
except BrokenThreadPool as e:
    print("BrokenThreadPool:", e, isinstance(e, concurrent.futures.BrokenExecutor))
try:
    ex.submit(lambda: 2)
except BrokenThreadPool as e:
    print("submit after broken:", e)
ex.shutdown()
logging.disable(logging.NOTSET)

# Future states
f = Future()
print(addr(repr(f)), f.running(), f.done(), f.cancelled())
print("set_running", f.set_running_or_notify_cancel(), addr(repr(f)), f.running())
print("cancel running", f.cancel())
try:
    f.result(timeout=0.01)
except TimeoutError:
    print("result timeout")
try:
    f.exception(timeout=0)
except TimeoutError:
    print("exception timeout")
f.set_result("ok")
print(addr(repr(f)), f.result(), f.exception(), f.done())
try:
    f.set_result("again")
except concurrent.futures.InvalidStateError as e:
    print("InvalidStateError:", addr(str(e)))
fe = Future()
fe.set_exception(KeyError("k"))
print(addr(repr(fe)), repr(fe.exception()))
try:
    fe.result()
except KeyError as e:
    print("result raised", repr(e))
fc = Future()
calls = []
fc.add_done_callback(lambda fut: calls.append(("cb1", fut.cancelled())))
print("cancel pending", fc.cancel(), fc.cancel(), fc.cancelled(), addr(repr(fc)))
fc.add_done_callback(lambda fut: calls.append(("cb2 immediate", fut.cancelled())))
print(calls, fc.set_running_or_notify_cancel())
try:
    fc.result()
except CancelledError as e:
    print("CancelledError", type(e).__mro__[1].__name__)
fcb = Future()
def bad_cb(fut):
    raise ZeroDivisionError("cb")
logging.disable(logging.CRITICAL)
fcb.add_done_callback(bad_cb)
fcb.add_done_callback(lambda fut: calls.append("after bad cb"))
fcb.set_result(None)
logging.disable(logging.NOTSET)
print(calls[-1])

# as_completed / wait
gate = threading.Event()
with ThreadPoolExecutor(max_workers=4) as ex:
    fast = ex.submit(lambda: "fast")
    slow = ex.submit(gate.wait)
    boom = ex.submit(lambda: 1 / 0)
    got = []
    try:
        for fut in as_completed([fast, slow, boom, fast], timeout=0.2):
            got.append("fast" if fut is fast else "boom" if fut is boom else "slow")
    except TimeoutError as e:
        print("as_completed TimeoutError:", e)
    print(sorted(got))
    done, pending = wait([fast, slow], return_when=FIRST_COMPLETED)
    print("FIRST_COMPLETED", done == {fast}, pending == {slow})
    done, pending = wait([fast, boom, slow], return_when=FIRST_EXCEPTION)
    print("FIRST_EXCEPTION", boom in done, slow in pending)
    done, pending = wait([fast, slow], timeout=0.01)
    print("ALL_COMPLETED timeout", len(done), len(pending))
    gate.set()
    done, pending = wait([fast, slow, boom], return_when=ALL_COMPLETED)
    print("ALL_COMPLETED", len(done), len(pending))
    print("wait result type", type(wait([fast])).__name__, wait([fast])._fields)
    try:
        wait([fast], return_when="bogus")
    except ValueError as e:
        print("ValueError:", e)

# map: ordering, timeout, errors raised in order
with ThreadPoolExecutor(max_workers=2) as ex:
    print(list(ex.map(pow, [2, 3, 4], [5, 2, 1])))
    ev = threading.Event()
    it = ex.map(lambda x: ev.wait() and x, [1, 2], timeout=0.05)
    try:
        list(it)
    except TimeoutError:
        print("map TimeoutError")
    ev.set()
    try:
        # 3.14 words it "division by zero" (3.13: "integer division or modulo by zero").
        list(ex.map(lambda x: 10 // x, [5, 0, 1]))
    except ZeroDivisionError as e:
        print("map raised", e)

# buffersize (new in 3.14): at most buffersize tasks ahead of the consumer;
# the lines below were written by hand from 3.14's Lib (3.13 has no
# buffersize: its TypeError lines were replaced).
consumed = []
def inputs():
    for i in range(100):
        consumed.append(i)
        yield i
with ThreadPoolExecutor(max_workers=2) as ex:
    try:
        it = ex.map(lambda x: x * 10, inputs(), buffersize=3)
        print("buffersize: before next", len(consumed))
        first = next(it)
        print("buffersize: first", first, "consumed", len(consumed))
        print("rest", sum(it), len(consumed))
    except TypeError as e:
        print("TypeError:", e)
    for bad in (0, -1, "x"):
        try:
            ex.map(abs, [1], buffersize=bad)
        except (TypeError, ValueError) as e:
            print(type(e).__name__ + ":", e)

# shutdown: wait=False, cancel_futures
gate = threading.Event()
ex = ThreadPoolExecutor(max_workers=1)
running = ex.submit(gate.wait)
queued = [ex.submit(lambda: "queued") for _ in range(3)]
while not running.running():
    time.sleep(0.001)
ex.shutdown(wait=False, cancel_futures=True)
print("cancelled queued", [q.cancelled() for q in queued], running.cancelled())
gate.set()
print("running finished", running.result(timeout=10))
try:
    ex.submit(abs, 1)
except RuntimeError as e:
    print("RuntimeError:", e)
ex.shutdown(wait=True)
ex.shutdown()

# Exceptions from workers carry their traceback.
def level2():
    raise LookupError("deep")
def level1():
    level2()
with ThreadPoolExecutor(max_workers=1) as ex:
    fut = ex.submit(level1)
    try:
        fut.result()
    except LookupError as e:
        frames = [(fr.name, fr.line) for fr in traceback.extract_tb(e.__traceback__) if os.path.basename(fr.filename) == HERE]
        print("traceback frames", frames)
        print("same as exception()", fut.exception() is e)
