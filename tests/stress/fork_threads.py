"""os.fork() while the other threads mutate shared containers, call
functions, allocate and collect: every child must come up whole. In the
child only the forking thread is left; it walks the shared containers,
collects, starts threads of its own that mutate them again, joins the
gone threads, and exits 0. A child that hangs (a lock or the stopped
world left held by a thread that no longer exists) is killed and fails
the run. The same again with the GIL on (`-X gil=1`), in a subprocess.
"""

import gc
import os
import subprocess
import sys
import threading
import time

from _stress import THREADS, check, finish, iters, run_threads

FORKS = iters(12)
CHILD_TIMEOUT = float(os.environ.get("SPINDLE_FORK_CHILD_TIMEOUT", "20"))

shared_dict = {}
shared_list = []
shared_set = set()
stop = threading.Event()


class Node:
    def __init__(self, n):
        self.n = n
        self.me = self  # a cycle: only the collector frees it


def mutate(i, until):
    k = 0
    while k == 0 or not until():
        shared_dict[(i, k % 64)] = [k]
        shared_list.append(k)
        if len(shared_list) > 256:
            del shared_list[:128]
        shared_set.add(k % 97)
        shared_set.discard((k + 50) % 97)
        Node(k)
        if k % 500 == 0:
            gc.collect(0)
        k += 1
    return k


def child_body():
    # The containers are whole: lengths, iteration and lookups agree.
    n = len(shared_dict)
    check(len(list(shared_dict.items())) == n, "child: dict length and items disagree")
    check(all(isinstance(v, list) for v in shared_dict.values()), "child: dict value not a list")
    check(len(list(shared_list)) == len(shared_list), "child: list length and items disagree")
    check(all(0 <= x < 97 for x in shared_set), "child: set holds a stranger")
    gc.collect()
    check(threading.active_count() == 1, lambda: f"child: {threading.active_count()} threads")
    for t in threading.enumerate():
        check(t is threading.current_thread(), "child: a gone thread is listed")
    def busy(i):
        deadline = time.monotonic() + 0.05
        return mutate(100 + i, lambda: time.monotonic() > deadline)

    got = run_threads(busy, 2)
    check(all(g and g > 0 for g in got), "child: its own threads did no work")
    gc.collect()


def fork_once():
    sys.stdout.flush()
    pid = os.fork()
    if pid == 0:
        code = 0
        try:
            child_body()
            import _stress
            code = 1 if _stress._failures else 0
            for f in _stress._failures[:5]:
                os.write(2, f"child FAIL: {f}\n".encode())
        except BaseException as e:
            os.write(2, f"child raised {type(e).__name__}: {e}\n".encode())
            code = 1
        os._exit(code)
    deadline = time.monotonic() + CHILD_TIMEOUT
    while True:
        done, status = os.waitpid(pid, os.WNOHANG)
        if done:
            return os.waitstatus_to_exitcode(status)
        if time.monotonic() > deadline:
            os.kill(pid, 9)
            os.waitpid(pid, 0)
            return "hung"
        time.sleep(0.005)


def main():
    import warnings
    warnings.simplefilter("ignore", DeprecationWarning)
    workers = [threading.Thread(target=mutate, args=(i, stop.is_set)) for i in range(max(2, THREADS - 1))]
    for t in workers:
        t.start()
    results = []
    for _ in range(FORKS):
        time.sleep(0.01)
        results.append(fork_once())
    stop.set()
    for t in workers:
        t.join()
    check(all(r == 0 for r in results), lambda: f"children's exits: {results}")


main()
if os.environ.get("SPINDLE_STRESS_FORK_GIL") is None and not sys.flags.gil:
    env = dict(os.environ, SPINDLE_STRESS_FORK_GIL="1")
    try:
        r = subprocess.run([sys.executable, "-X", "gil=1", __file__], env=env, capture_output=True, text=True,
                           timeout=120)
        check(r.returncode == 0 and r.stdout.strip() == "ok",
              lambda: f"with -X gil=1: exit {r.returncode}: {r.stdout[-500:]} {r.stderr[-500:]}")
    except subprocess.TimeoutExpired:
        check(False, "with -X gil=1: timed out")
finish()
