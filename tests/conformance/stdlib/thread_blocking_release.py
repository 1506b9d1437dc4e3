# Pins: blocking calls let other threads run: with the GIL on (-X gil=1, where a thread that kept it while blocked would stall the others) time.sleep, lock/RLock/Semaphore/Condition/Event/Barrier waits, queue gets, Thread.join, select, os.read, a file's readline, socket.recv and os.waitpid each let the main thread go on.
# recorded-with: cpython-3.13
# timeout: 60
import os
import subprocess
import sys

# Each probe: a helper thread blocks in CALL for up to 5 s unless the main
# thread, which needs the GIL to run, unblocks it first (RELEASE). The
# main thread reports whether the helper was woken early.
PROBE = r"""
import os, queue, select, sys, threading, time
name = sys.argv[1]
lock = threading.Lock(); lock.acquire()
rlock = threading.RLock()
sem = threading.Semaphore(0)
cond = threading.Condition()
ev = threading.Event()
q = queue.Queue(); sq = queue.SimpleQueue()
r, w = os.pipe()
r2, w2 = os.pipe()
import socket
s1, s2 = socket.socketpair()
barrier = threading.Barrier(2)
child = None
if name == "os.waitpid":
    import subprocess
    child = subprocess.Popen([sys.executable, "-c", "import sys; sys.stdin.read()"], stdin=subprocess.PIPE)
holder_started = threading.Event()
def holder():
    with rlock:
        holder_started.set()
        ev.wait(5)
def joined():
    ev.wait(5)
calls = {
    "sleep": lambda: time.sleep(0.5),
    "Lock.acquire": lambda: lock.acquire(timeout=5),
    "RLock.acquire": lambda: (holder_started.wait(), rlock.acquire(timeout=5)),
    "Semaphore.acquire": lambda: sem.acquire(timeout=5),
    "Condition.wait": lambda: cond.acquire() and cond.wait(5),
    "Event.wait": lambda: ev.wait(5),
    "Queue.get": lambda: q.get(timeout=5),
    "SimpleQueue.get": lambda: sq.get(timeout=5),
    "Thread.join": lambda: joiner.join(5),
    "select": lambda: select.select([r], [], [], 5),
    "os.read": lambda: os.read(r, 1),
    "file.readline": lambda: os.fdopen(r2).readline(),
    "socket.recv": lambda: s1.recv(1),
    "Barrier.wait": lambda: barrier.wait(5),
    "os.waitpid": lambda: os.waitpid(child.pid, 0),
}
releases = {
    "sleep": lambda: None,
    "Lock.acquire": lock.release,
    "RLock.acquire": ev.set,
    "Semaphore.acquire": sem.release,
    "Condition.wait": lambda: (cond.acquire(), cond.notify(), cond.release()),
    "Event.wait": ev.set,
    "Queue.get": lambda: q.put(1),
    "SimpleQueue.get": lambda: sq.put(1),
    "Thread.join": ev.set,
    "select": lambda: os.write(w, b"x"),
    "os.read": lambda: os.write(w, b"x"),
    "file.readline": lambda: os.write(w2, b"line\n"),
    "socket.recv": lambda: s2.send(b"x"),
    "Barrier.wait": lambda: barrier.wait(5),
    "os.waitpid": lambda: child.stdin.close(),
}
if name == "RLock.acquire":
    threading.Thread(target=holder).start()
if name == "Thread.join":
    joiner = threading.Thread(target=joined); joiner.start()
progress = []
def helper():
    calls[name]()
    progress.append("helper done")
start = time.monotonic()
t = threading.Thread(target=helper)
t.start()
time.sleep(0.05)
# Plain Python work on the main thread while the helper is blocked.
n = sum(range(100000))
progress.append("main ran")
releases[name]()
t.join()
print(name, sys._is_gil_enabled(), progress, time.monotonic() - start < 2.5)
"""

env = {k: v for k, v in os.environ.items() if not k.startswith("PYTHON")}
for name in ["sleep", "Lock.acquire", "RLock.acquire", "Semaphore.acquire", "Condition.wait",
             "Event.wait", "Queue.get", "SimpleQueue.get", "Thread.join", "select", "os.read",
             "file.readline", "socket.recv", "Barrier.wait", "os.waitpid"]:
    p = subprocess.run([sys.executable, "-X", "gil=1", "-c", PROBE, name], env=env,
                       capture_output=True, text=True, timeout=30)
    print(p.stdout.strip() or p.stderr.strip().splitlines()[-1:], p.returncode)
