# Pins: os.system (wait status of /bin/sh -c, str/bytes/PathLike commands, argument errors), os.pipe2, os.sched_getaffinity/sched_setaffinity and process_cpu_count, and the argument errors of os.execv/os.execve.
# recorded-with: cpython-3.13
# (Recorded natively: the WebAssembly 3.14 cannot start processes.)
import os, sys
print("start", flush=True)
st = os.system("echo from-shell; exit 3")
print(st, os.waitstatus_to_exitcode(st), os.WEXITSTATUS(st))
print(os.system(b"true"), os.waitstatus_to_exitcode(os.system("kill -TERM $$")))
import pathlib
print(os.system(pathlib.PurePath("true")))
for bad in (1, "a\0b", None):
    try: os.system(bad)
    except Exception as e: print(type(e).__name__, e)
try: os.system()
except TypeError as e: print("TypeError")
print(os.system(command="exit 1") >> 8)
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
