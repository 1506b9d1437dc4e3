# os.pipe2, os.sched_getaffinity/sched_setaffinity and process_cpu_count, and the argument
# errors of os.execv/os.execve.
# recorded-with: cpython-3.13
# (The WebAssembly 3.14 has no pipe2 or sched_*affinity: Linux calls Emscripten lacks.)
import os
r, w = os.pipe2(os.O_CLOEXEC | os.O_NONBLOCK)
print(os.get_inheritable(r), os.get_blocking(w))
os.close(r); os.close(w)
a = os.sched_getaffinity(0)
print(type(a).__name__, len(a) >= 1, a <= set(range(4096)))
os.sched_setaffinity(0, a)
print(os.sched_getaffinity(0) == a)
for bad in ([-1], ["x"], [2**40]):
    try: os.sched_setaffinity(0, bad)
    except Exception as e: print(type(e).__name__, e)
try: os.sched_getaffinity(-5)
except OSError as e: print(type(e).__name__)
print(os.process_cpu_count() == len(a))
for f in (lambda: os.execv("/bin/true", []), lambda: os.execv("/bin/true", ("",)), lambda: os.execv("/bin/true", "ab"), lambda: os.execve("/bin/true", ["x"], 1), lambda: os.execve("/bin/true", ["x"], {"A=B": "c"}), lambda: os.execv("/nonexistent/x", ["x"])):
    try: f()
    except Exception as e: print(type(e).__name__, e)
print([hasattr(os, n) for n in ("system", "setsid", "pipe2", "execv", "execve", "sched_getaffinity", "sched_setaffinity")])
