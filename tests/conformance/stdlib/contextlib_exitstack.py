# Pins: contextlib: ExitStack (LIFO callbacks, enter_context, pop_all, exception suppression by inner cm), contextmanager exception handling, suppress, nullcontext, closing, redirect_stdout/stderr, chdir, ContextDecorator, AbstractContextManager.
import contextlib, io, os, sys
log = []
@contextlib.contextmanager
def res(name, swallow=False):
    log.append(f"enter {name}")
    try:
        yield name.upper()
    except KeyError as e:
        log.append(f"{name} saw {e!r}")
        if not swallow:
            raise
    finally:
        log.append(f"exit {name}")
with contextlib.ExitStack() as st:
    a = st.enter_context(res("a"))
    b = st.enter_context(res("b"))
    st.callback(log.append, "callback")
    log.append(f"body {a}{b}")
print(log); log.clear()
try:
    with contextlib.ExitStack() as st:
        st.enter_context(res("outer"))
        st.enter_context(res("inner", swallow=True))
        raise KeyError("k")
    log.append("after with (suppressed)")
except KeyError:
    log.append("propagated")
print(log); log.clear()
with contextlib.ExitStack() as st:
    st.enter_context(res("x"))
    moved = st.pop_all()
log.append("stack closed")
moved.close()
print(log); log.clear()
@contextlib.contextmanager
def bad():
    yield
    yield
try:
    with bad():
        pass
except RuntimeError as e:
    print("RuntimeError", e)
@contextlib.contextmanager
def noyield():
    if False:
        yield
try:
    with noyield():
        pass
except RuntimeError as e:
    print("RuntimeError", e)
with contextlib.suppress(ZeroDivisionError, KeyError):
    1 / 0
print("suppressed ok")
try:
    with contextlib.suppress(KeyError):
        [][1]
except IndexError:
    print("IndexError not suppressed")
with contextlib.suppress(ValueError):
    raise ExceptionGroup("g", [ValueError(1), ValueError(2)])
print("group suppressed")
with contextlib.nullcontext(42) as v:
    print("nullcontext", v)
class Res:
    def close(self): print("closed Res")
with contextlib.closing(Res()) as r:
    print("using", type(r).__name__)
buf = io.StringIO()
with contextlib.redirect_stdout(buf):
    print("captured line")
    print("second", file=sys.stdout)
print(repr(buf.getvalue()))
ebuf = io.StringIO()
with contextlib.redirect_stderr(ebuf):
    print("to err", file=sys.stderr)
print(repr(ebuf.getvalue()))
start = os.getcwd()
os.makedirs("_ctx_tmpdir", exist_ok=True)
with contextlib.chdir("_ctx_tmpdir"):
    print(os.path.basename(os.getcwd()))
print(os.getcwd() == start)
os.rmdir("_ctx_tmpdir")
class traced(contextlib.ContextDecorator):
    def __enter__(self): print("enter traced"); return self
    def __exit__(self, *exc): print("exit traced", exc[0].__name__ if exc[0] else None); return False
@traced()
def work(x):
    print("working", x)
    return x * 2
print(work(21))
class CM(contextlib.AbstractContextManager):
    def __exit__(self, *a): return None
with CM() as c:
    print(type(c).__name__, isinstance(c, contextlib.AbstractContextManager))
def cb_exc(*args):
    print("exit callback got", args[0].__name__)
with contextlib.ExitStack() as st:
    st.push(lambda et, ev, tb: print("push saw", et) or True)
    raise ValueError("swallowed by push")
print("done")
