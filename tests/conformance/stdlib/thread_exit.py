# Pins: interpreter exit with threads: non-daemon threads are joined (after threading._register_atexit callbacks, in reverse order, and before atexit ones), also on sys.exit and an uncaught exception; daemon threads do not hold up exit; _register_atexit after shutdown is refused; Ctrl-C during that wait is reported as unraisable.
# recorded-with: cpython-3.13
# timeout: 30
import os
import subprocess
import sys

PRELUDE = """
import atexit, sys, threading, time
atexit.register(lambda: print("atexit callback", flush=True))
threading._register_atexit(lambda: print("threading atexit 1", flush=True))
threading._register_atexit(print, "threading atexit 2", flush=True)
def slow():
    time.sleep(0.3)
    print("non-daemon finished", flush=True)
threading.Thread(target=slow).start()
forever = threading.Event()
threading.Thread(target=forever.wait, daemon=True).start()
def late_register():
    try:
        threading._register_atexit(print, "never")
    except RuntimeError as e:
        print("RuntimeError:", e, flush=True)
atexit.register(late_register)
"""

SCENARIOS = {
    "falls off the end": "print('main done', flush=True)",
    "sys.exit(3)": "print('main done', flush=True); sys.exit(3)",
    "uncaught exception": "print('main done', flush=True); raise SystemError('main failed')",
    "only daemon threads": None,
}


def run(label, code):
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTHON")}
    env["PYTHONIOENCODING"] = "utf-8"
    p = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=20)
    err = p.stderr.strip().splitlines()
    print(f"== {label}: exit {p.returncode}")
    print(p.stdout, end="")
    print("stderr last line:", err[-1] if err else None)


# Ctrl-C while exit waits for a thread: reported as unraisable, exit goes on.
# 3.13.0 printed no header line; 3.14's wait_for_thread_shutdown reports it
# with PyErr_FormatUnraisable (the first stderr line below, set by hand).
CTRL_C = """
import os, signal, threading, time
def worker():
    time.sleep(0.2)
    os.kill(os.getpid(), signal.SIGINT)
    time.sleep(3)
    print("worker finished", flush=True)
threading.Thread(target=worker).start()
print("main done", flush=True)
"""


def run_ctrl_c():
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTHON")}
    env["PYTHONIOENCODING"] = "utf-8"
    p = subprocess.run([sys.executable, "-c", CTRL_C], env=env, capture_output=True, text=True, timeout=20)
    err = p.stderr.splitlines()
    print(f"== Ctrl-C during shutdown: exit {p.returncode}")
    print(p.stdout, end="")
    print("stderr first and last lines:", err[:1], err[-1:])


for label, tail in SCENARIOS.items():
    if tail is None:
        code = ("import threading\nev = threading.Event()\n"
                "threading.Thread(target=ev.wait, daemon=True).start()\nprint('main done')")
    else:
        code = PRELUDE + tail
    run(label, code)
run_ctrl_c()
