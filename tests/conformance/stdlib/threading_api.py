# Pins: threading.Thread API: subclassing run(), target/args/kwargs, default names "Thread-N (target)", daemon inheritance and errors, ident/native_id, is_alive, join with a timeout, repr states, current_thread/main_thread/enumerate/active_count, settrace/setprofile_all_threads, get_native_id, and the all-threads hooks reaching running threads.
# recorded-with: cpython-3.13
# timeout: 30
import re
import sys
import threading
import _thread

out = []


class Worker(threading.Thread):
    def __init__(self, n):
        super().__init__()
        self.n = n
        self.result = None

    def run(self):
        self.result = self.n * 2


w = Worker(21)
w.start()
w.join()
print("subclass result", w.result, w.is_alive())


def target(a, b, *, c):
    out.append((a, b, c, threading.current_thread().name))


t = threading.Thread(target=target, args=(1, 2), kwargs={"c": 3}, name="explicit")
t.start()
t.join()
print(out.pop())

# Default names count up from one counter shared by every unnamed Thread.
names = [threading.Thread(target=target).name, threading.Thread().name, Worker(0).name]
print([re.sub(r"\d+", "N", n) for n in names])
nums = [int(re.search(r"\d+", n).group()) for n in names]
print("consecutive", nums[1] == nums[0] + 1 and nums[2] == nums[1] + 1)
def named_fn():
    pass
print(re.sub(r"\d+", "N", threading.Thread(target=named_fn).name))
print(re.sub(r"\d+", "N", threading.Thread(target=lambda: None).name))
print(threading.Thread(name=42).name)

# daemon: inherited from the creating thread, settable before start only.
d = threading.Thread(target=lambda: None)
print("main daemon", threading.main_thread().daemon, "new daemon", d.daemon)
d.daemon = True
print("daemon set", d.daemon)
inherited = []
def make_child():
    inherited.append(threading.Thread(target=lambda: None).daemon)
dt = threading.Thread(target=make_child, daemon=True)
dt.start(); dt.join()
print("child of daemon is daemon", inherited)
ev = threading.Event()
blocker = threading.Thread(target=ev.wait, name="blocker")
print("before start", blocker.ident, blocker.native_id, blocker.is_alive())
print(re.sub(r"0x[0-9a-f]+", "ADDR", repr(blocker)))
blocker.start()
try:
    blocker.daemon = True
except RuntimeError as e:
    print("RuntimeError:", e)
try:
    blocker.start()
except RuntimeError as e:
    print("RuntimeError:", e)
print("alive", blocker.is_alive(), isinstance(blocker.ident, int), isinstance(blocker.native_id, int))
print(re.sub(r"\d+", "N", repr(blocker)))
print("in enumerate", blocker in threading.enumerate(), "count", threading.active_count() == len(threading.enumerate()))
blocker.join(timeout=0.05)
print("after timed join still alive", blocker.is_alive())
ev.set()
blocker.join()
print("joined", blocker.is_alive(), blocker in threading.enumerate())
print(re.sub(r"\d+", "N", repr(blocker)))
try:
    threading.current_thread().join()
except RuntimeError as e:
    print("RuntimeError:", e)
try:
    threading.Thread().join()
except RuntimeError as e:
    print("RuntimeError:", e)

# idents and native ids
ids = {}
def record():
    me = threading.current_thread()
    ids["ident"] = (threading.get_ident() == me.ident == _thread.get_ident())
    ids["native"] = (threading.get_native_id() == me.native_id)
    ids["main"] = me is not threading.main_thread()
r = threading.Thread(target=record)
r.start(); r.join()
print(sorted(ids.items()))
print("main ident", threading.main_thread().ident == threading.get_ident(), threading.main_thread().name)
print("main native", threading.main_thread().native_id == threading.get_native_id())
print("current", threading.current_thread() is threading.main_thread(), threading.currentThread is not None)
print(type(threading.current_thread()).__name__, re.sub(r"\d+", "N", repr(threading.current_thread())))

# Thread started via _thread shows up as a _DummyThread
dummy = []
done = threading.Event()
def raw():
    ct = threading.current_thread()
    dummy.append((type(ct).__name__, ct.name.startswith("Dummy-"), ct.daemon))
    done.set()
_thread.start_new_thread(raw, ())
done.wait()
print(dummy)

# getName/setName still exist (deprecated)
import warnings
with warnings.catch_warnings(record=True) as ws:
    warnings.simplefilter("always")
    t2 = threading.Thread(name="a")
    t2.setName("b")
    print(t2.getName(), [w.category.__name__ for w in ws])

print("settrace_all_threads", callable(threading.settrace_all_threads), callable(threading.setprofile_all_threads))
print("gettrace", threading.gettrace(), threading.getprofile())
calls = []
def prof(frame, event, arg):
    if event == "call" and frame.f_code.co_name == "profiled":
        calls.append(threading.current_thread().name)
def profiled():
    pass
threading.setprofile_all_threads(prof)
pt = threading.Thread(target=profiled, name="prof-thread")
pt.start(); pt.join()
profiled()
threading.setprofile_all_threads(None)
print("profiled in", sorted(calls))
traced = []
def tracer(frame, event, arg):
    if event == "call" and frame.f_code.co_name == "traced_fn":
        traced.append(threading.current_thread().name)
    return None
def traced_fn():
    pass
threading.settrace(tracer)
tt = threading.Thread(target=traced_fn, name="trace-thread")
tt.start(); tt.join()
threading.settrace(None)
print("traced in", traced)
print("TIMEOUT_MAX", threading.TIMEOUT_MAX > 1e6, threading.ThreadError is RuntimeError)
print("stack_size", threading.stack_size())

# setprofile_all_threads / settrace_all_threads reach a thread already running.
import time
stop = threading.Event()
started = threading.Event()
seen = set()
def tick():
    pass
def loop():
    started.set()
    while not stop.is_set():
        tick()
def prof_tick(frame, event, arg):
    if event == "call" and frame.f_code.co_name == "tick":
        seen.add(threading.current_thread().name)
looper = threading.Thread(target=loop, name="looper")
looper.start()
started.wait()
threading.setprofile_all_threads(prof_tick)
deadline = time.monotonic() + 10
while "looper" not in seen and time.monotonic() < deadline:
    time.sleep(0.001)
tick()
threading.setprofile_all_threads(None)
print("profiled running thread", sorted(seen), sys.getprofile())
traced_names = []
def trace_tick(frame, event, arg):
    if event == "call" and frame.f_code.co_name == "tick":
        traced_names.append(threading.current_thread().name)
threading.settrace_all_threads(trace_tick)
deadline = time.monotonic() + 10
while "looper" not in traced_names and time.monotonic() < deadline:
    time.sleep(0.001)
threading.settrace_all_threads(None)
stop.set()
looper.join()
print("traced running thread", "looper" in traced_names, threading.gettrace(), sys.gettrace())
