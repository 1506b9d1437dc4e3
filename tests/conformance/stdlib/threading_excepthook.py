# Pins: an uncaught exception in a thread: the default threading.excepthook's stderr report ("Exception in thread NAME:" then the traceback with chained causes), threading.__excepthook__, a custom excepthook's ExceptHookArgs, SystemExit ignored, an excepthook that raises (reported through sys.excepthook), and _thread.start_new_thread's report.
# recorded-with: cpython-3.13
# timeout: 30
import io
import os
import re
import sys
import threading
import _thread

HERE = os.path.basename(__file__)


def normalized(report):
    """The report without frames from the Lib (their paths and lines differ
    between CPython builds; 3.14 runs the target through Context.run) and
    without addresses."""
    out, skipping = [], False
    for line in report.splitlines():
        m = re.match(r'  File "([^"]*)"', line)
        if m:
            skipping = os.path.basename(m.group(1)) != HERE
        elif not line.startswith("    "):
            skipping = False
        if not skipping:
            out.append(re.sub(r" at 0x[0-9a-fA-F]+", "", line))
    return "\n".join(out)


def captured(fn):
    saved, sys.stderr = sys.stderr, io.StringIO()
    try:
        fn()
    finally:
        text, sys.stderr = sys.stderr.getvalue(), saved
    print(normalized(text))
    print("--")


def inner():
    raise ValueError("boom")


def outer():
    try:
        inner()
    except ValueError as e:
        raise KeyError("wrapped") from e


def run(target, name):
    def go():
        t = threading.Thread(target=target, name=name)
        t.start()
        t.join()
    captured(go)


print("hook is default", threading.excepthook is threading.__excepthook__)
run(inner, "plain")
run(outer, "chained")
run(lambda: sys.exit(3), "exits")
print("after SystemExit thread")


class Custom(threading.Thread):
    def run(self):
        raise RuntimeError("from run")


def custom():
    c = Custom(name="custom")
    c.start(); c.join()
captured(custom)

got = []
def hook(args):
    got.append((type(args).__name__, args.exc_type.__name__, str(args.exc_value),
                args.exc_traceback is args.exc_value.__traceback__, args.thread.name))
threading.excepthook = hook
run(inner, "hooked")
print(got)
print(len(got), "call")


def bad_hook(args):
    raise OSError("hook failed")
threading.excepthook = bad_hook
run(inner, "bad-hook")
threading.excepthook = threading.__excepthook__
run(inner, "restored")

done = threading.Event()
def raw():
    try:
        raise IndexError("raw thread")
    finally:
        done.set()
# Reported through sys.unraisablehook, naming the function (no Lib frame).
def start_raw():
    import time
    _thread.start_new_thread(raw, ())
    done.wait()
    # The report comes after the thread's finally block: wait for it.
    deadline = time.monotonic() + 10
    while "IndexError" not in sys.stderr.getvalue() and time.monotonic() < deadline:
        time.sleep(0.005)
captured(start_raw)
print("end")
