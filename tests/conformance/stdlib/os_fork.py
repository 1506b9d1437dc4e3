# os.fork and os.register_at_fork: argument errors, hook order in parent and child, exit
# statuses, and a fork while other threads run (the warning; in the child only the forking
# thread is left, joins of the others return, locks, events, queues, gc and new threads work).
# recorded-with: cpython-3.13 (the WebAssembly CPython 3.14 has neither fork nor threads)
import gc
import os
import queue
import sys
import threading
import time
import warnings

for kw in [{}, {"before": 1}, {"before": None}, {"after_in_child": len, "after_in_parent": 3}, {"nope": len}]:
    try:
        os.register_at_fork(**kw)
    except TypeError as e:
        print("TypeError:", e)
try:
    os.register_at_fork(len)
except TypeError as e:
    print("TypeError:", e)
try:
    os.fork(1)
except TypeError as e:
    print("TypeError:", e)

events = []
os.register_at_fork(before=lambda: events.append("before 1"), after_in_parent=lambda: events.append("parent 1"),
                     after_in_child=lambda: events.append("child 1"))
os.register_at_fork(before=lambda: events.append("before 2"), after_in_parent=lambda: events.append("parent 2"),
                     after_in_child=lambda: events.append("child 2"))


def bad_hook():
    raise ValueError("hook failed")


reported = []
sys.unraisablehook = lambda u: reported.append((type(u.exc_value).__name__, str(u.exc_value), u.object is bad_hook))
os.register_at_fork(after_in_parent=bad_hook)


def in_child(body):
    """Forks; the child runs body() and sends what it returns through a pipe, then exits
    with status 0 (or 1 on an exception, sending the error). The parent returns
    (the child's report, its exit code)."""
    r, w = os.pipe()
    sys.stdout.flush()
    pid = os.fork()
    if pid == 0:
        os.close(r)
        try:
            out, code = repr(body()), 0
        except BaseException as e:
            out, code = f"child raised {type(e).__name__}: {e}", 1
        os.write(w, out.encode())
        os._exit(code)
    os.close(w)
    chunks = []
    while chunk := os.read(r, 4096):
        chunks.append(chunk)
    os.close(r)
    _, status = os.waitpid(pid, 0)
    return b"".join(chunks).decode(), os.waitstatus_to_exitcode(status)


print(in_child(lambda: events))
print("parent events:", events)
print("unraisable:", reported)
events.clear()


def exits(code):
    sys.stdout.flush()
    pid = os.fork()
    if pid == 0:
        os._exit(code)
    return os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1])


print("exit codes:", [exits(c) for c in (0, 3, 255)])

# Another thread holds `held` and waits on `go`; three more keep mutating a shared dict.
stop = threading.Event()
go = threading.Event()
held = threading.Lock()
shared = {}
ready = threading.Barrier(5)


def holder():
    with held:
        ready.wait()
        go.wait()


def mutator(n):
    ready.wait()
    i = 0
    while not stop.is_set():
        shared[n] = i
        i += 1
        [x * x for x in range(20)]


threads = [threading.Thread(target=holder)] + [threading.Thread(target=mutator, args=(k,)) for k in range(3)]
for t in threads:
    t.start()
ready.wait()
time.sleep(0.02)


def child_with_threads():
    out = [threading.active_count(), threading.current_thread() is threading.main_thread(),
           threading.get_ident() == threading.main_thread().ident]
    for t in threads:
        t.join()
    out.append([t.is_alive() for t in threads])
    out.append(held.acquire(timeout=0.01))  # still held by a thread that is gone
    go.set()
    out.append(go.wait(0))
    q = queue.Queue()
    t2 = threading.Thread(target=lambda: q.put(sorted(shared)))
    t2.start()
    t2.join()
    out.append(q.get(timeout=1))
    out.append(gc.collect() >= 0)
    lock = threading.Lock()
    with lock:
        out.append(lock.locked())
    return out


with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    result = in_child(child_with_threads)
print(result)
print("warnings:", [(w.category.__name__, str(w.message).replace(str(os.getpid()), "PID"), w.filename == __file__) for w in caught])
stop.set()
go.set()
for t in threads:
    t.join()
print("parent threads:", threading.active_count())
print("events:", events)
