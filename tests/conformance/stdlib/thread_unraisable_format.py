# Pins: an exception escaping a _thread.start_new_thread function goes to sys.unraisablehook, whose default report is CPython's C printer: "Exception ignored in thread started by <repr>:", the exception's own traceback without carets or chained exceptions, "Type: " even for an empty message, module-qualified names, no notes; a custom hook gets err_msg and no object.
# recorded-with: cpython-3.13
# timeout: 30
import sys
import threading
import _thread


def f():
    x = 1 / 0


class Empty(Exception):
    pass


class Callback:
    def __init__(self, name, body):
        self.name, self.body = name, body

    def __repr__(self):
        return f"<{self.name}>"

    def __call__(self):
        try:
            self.body()
        finally:
            done.set()


def chained():
    try:
        {}["k"]
    except KeyError:
        raise Empty()


def noted():
    e = ValueError("with note")
    e.add_note("a note")
    raise e


class Outer:
    class Inner(Exception):
        pass


def qualified():
    raise Outer.Inner("inner")


def foreign():
    import json
    raise json.JSONDecodeError("bad", "doc", 0)


def run(name, body):
    global done
    done = threading.Event()
    reported = threading.Event()
    hook = sys.unraisablehook
    def wrapped(args):
        try:
            hook(args)
        finally:
            reported.set()
    sys.unraisablehook = wrapped
    _thread.start_new_thread(Callback(name, body), ())
    done.wait(10)
    reported.wait(10)
    sys.unraisablehook = hook
    sys.stderr.flush()


for name, body in [("carets", f), ("chained", chained), ("noted", noted), ("qualified", qualified), ("foreign", foreign)]:
    run(name, body)

seen = []
def custom(args):
    seen.append((args.exc_type.__name__, args.err_msg, args.object))
sys.unraisablehook = custom
run("custom", f)
print(seen)
