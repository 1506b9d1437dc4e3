# Pins: sys.settrace details: a local tracer returning None stops line events for that
# frame only; generators report 'call' on each resumption and 'return' at each yield;
# a one-line loop reports its line on every backward jump; a tracer that raises is
# removed (sys.gettrace() is None after) and its exception propagates; exceptions that
# escape a frame report 'exception' then 'return' with None; setprofile sees C calls.
import sys

def show(events):
    for e in events:
        print(e)
    print("--")

def rel(frame):
    return frame.f_lineno - frame.f_code.co_firstlineno

events = []
def tracer(frame, event, arg):
    name = frame.f_code.co_name
    if name.startswith("t_"):
        events.append((event, name, rel(frame), arg if event == "return" else None))
        if name == "t_quiet" and event == "call":
            return None
    return tracer

def t_quiet():
    a = 1
    return a

def t_loud():
    a = 1
    return t_quiet() + a

def t_gen():
    yield 1
    x = 2
    yield x

def t_loop(n):
    while n: n -= 1
    return n

def t_raise():
    raise KeyError("k")

def t_catch():
    try:
        t_raise()
    except KeyError:
        return "caught"

sys.settrace(tracer)
t_loud()
list(t_gen())
t_loop(3)
t_catch()
sys.settrace(None)
show(events)

# A tracer that raises is removed.
def bad(frame, event, arg):
    if frame.f_code.co_name == "t_quiet":
        raise RuntimeError("tracer failed")
    return bad
sys.settrace(bad)
try:
    t_loud()
except RuntimeError as e:
    print("RuntimeError", e)
print(sys.gettrace())

# Profile: Python and C calls, and C exceptions.
calls = []
def prof(frame, event, arg):
    if event.startswith("c_"):
        calls.append((event, getattr(arg, "__name__", "?")))
    elif frame.f_code.co_name.startswith("t_"):
        calls.append((event, frame.f_code.co_name))
def t_builtins():
    n = len([1, 2])
    try:
        int("x")
    except ValueError:
        pass
    return abs(-n)
sys.setprofile(prof)
t_builtins()
sys.setprofile(None)
print(sys.getprofile())
for c in calls:
    if c[1] in ("len", "abs", "t_builtins", "setprofile"):
        print(c)
