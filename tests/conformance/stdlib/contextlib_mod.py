# Pins: contextlib: contextmanager (with exceptions), suppress, closing, redirect_stdout/stderr, ExitStack callbacks and ordering, nullcontext, chdir, AbstractContextManager.
import contextlib, io, os
@contextlib.contextmanager
def tag(name):
    print(f"<{name}>")
    try:
        yield name.upper()
    except ValueError as e:
        print("handled inside cm:", e)
    finally:
        print(f"</{name}>")
with tag("a") as t:
    print("body", t)
with tag("b"):
    raise ValueError("swallowed")
try:
    with tag("c"):
        raise KeyError("escapes")
except KeyError as e:
    print("outer caught", e)
with contextlib.suppress(FileNotFoundError, KeyError):
    {}["x"]
print("after suppress")
class Res:
    def close(self):
        print("closed Res")
with contextlib.closing(Res()):
    print("using Res")
buf = io.StringIO()
with contextlib.redirect_stdout(buf):
    print("captured line")
print(repr(buf.getvalue()))
ebuf = io.StringIO()
with contextlib.redirect_stderr(ebuf):
    import sys
    print("err line", file=sys.stderr)
print(repr(ebuf.getvalue()))
with contextlib.ExitStack() as stack:
    stack.callback(print, "callback 1")
    stack.callback(print, "callback 2")
    vals = [stack.enter_context(tag(n)) for n in ("x", "y")]
    print("stack body", vals)
with contextlib.ExitStack() as stack:
    stack.callback(print, "not run")
    moved = stack.pop_all()
print("popped")
moved.close()
with contextlib.nullcontext("value") as v:
    print(v)
here = os.getcwd()
os.mkdir("ctx_dir_tmp")
with contextlib.chdir("ctx_dir_tmp"):
    print(os.path.basename(os.getcwd()))
print(os.getcwd() == here)
os.rmdir("ctx_dir_tmp")
class CM(contextlib.AbstractContextManager):
    def __exit__(self, *a):
        print("exit CM")
with CM() as c:
    print(type(c).__name__)
@contextlib.contextmanager
def bad():
    yield
    yield
try:
    with bad():
        pass
except RuntimeError as e:
    print("RuntimeError:", e)
@contextlib.contextmanager
def no_yield():
    if False:
        yield
try:
    with no_yield():
        pass
except RuntimeError as e:
    print("RuntimeError:", e)
@tag("deco")
def decorated():
    print("inside decorated")
decorated()
class Counter(contextlib.ContextDecorator):
    def __enter__(self):
        print("enter deco")
    def __exit__(self, *e):
        print("exit deco")
@Counter()
def work():
    print("work")
work()
