# Pins: a signal's Python handler runs while the main thread blocks in time.sleep, Lock/RLock.acquire (with and without timeout), Event.wait, Condition.wait, Queue.get and Thread.join; its exception interrupts the wait, and a handler that returns lets the wait go on to its timeout; SIGINT from another thread raises KeyboardInterrupt in a join.
# recorded-with: cpython-3.13
# timeout: 30
import os
import queue
import signal
import threading
import time


class Interrupted(Exception):
    pass


def raising(signum, frame):
    raise Interrupted(signal.Signals(signum).name)


signal.signal(signal.SIGALRM, raising)
lock = threading.Lock()
lock.acquire()
rlock = threading.RLock()
holding = threading.Event()
release_rlock = threading.Event()
def hold_rlock():
    with rlock:
        holding.set()
        release_rlock.wait()
threading.Thread(target=hold_rlock, daemon=True).start()
holding.wait()
event = threading.Event()
cond = threading.Condition()
q = queue.Queue()
blocker = threading.Event()
sleeper = threading.Thread(target=blocker.wait, daemon=True)
sleeper.start()


def cond_wait():
    with cond:
        cond.wait()


waits = {
    "time.sleep": lambda: time.sleep(10),
    "Lock.acquire": lambda: lock.acquire(),
    "Lock.acquire(timeout)": lambda: lock.acquire(timeout=10),
    "with Lock": lambda: lock.__enter__(),
    "RLock.acquire": lambda: rlock.acquire(),
    "Event.wait": lambda: event.wait(),
    "Condition.wait": cond_wait,
    "Queue.get": lambda: q.get(),
    "Thread.join": lambda: sleeper.join(),
}
for name, wait in waits.items():
    start = time.monotonic()
    signal.setitimer(signal.ITIMER_REAL, 0.05)
    try:
        wait()
        print(name, "returned")
    except Interrupted as e:
        print(name, "interrupted by", e, "early:", time.monotonic() - start < 5)

calls = []
signal.signal(signal.SIGALRM, lambda signum, frame: calls.append(signum))
signal.setitimer(signal.ITIMER_REAL, 0.05)
start = time.monotonic()
got = lock.acquire(timeout=0.3)
print("quiet handler: acquired", got, "handler calls", len(calls), "waited out:", time.monotonic() - start >= 0.29)

def interrupt_main_later():
    time.sleep(0.05)
    os.kill(os.getpid(), signal.SIGINT)
threading.Thread(target=interrupt_main_later).start()
try:
    sleeper.join()
except KeyboardInterrupt:
    print("KeyboardInterrupt in join")
blocker.set()
release_rlock.set()
sleeper.join()
print("done")
