# Pins: `local.attr` reads (LOAD_FAST / LOAD_FAST_LOAD_FAST followed by LOAD_ATTR,
# which Spindle runs through the local without a counted copy): instance
# values, class values, shadowing after the cache warmed, deletion, a
# property, __getattr__, and line events under sys.settrace (a traced
# frame runs both instructions).
import sys


class C:
    k = "class"

    def __init__(self):
        self.a = 1
        self.b = "two"


def reads(o, n):
    out = []
    for i in range(n):
        acc = o.a
        out.append((acc, o.b, o.k))
    return out


c = C()
print(reads(c, 3))
c.k = "instance"          # shadows the class value the cache resolved
print(reads(c, 2))
del c.a
try:
    reads(c, 1)
except AttributeError as e:
    print("AttributeError:", e)
c.a = 5
C.k = "changed"
del c.k
print(reads(c, 1))


class P:
    @property
    def a(self):
        return "prop"

    b = 2
    k = 3


print(reads(P(), 2))


class G:
    def __getattr__(self, name):
        return "missing " + name


print(reads(G(), 1))


events = []


def tracer(frame, event, arg):
    if frame.f_code.co_name == "split":
        events.append((event, frame.f_lineno - split.__code__.co_firstlineno))
    return tracer


def split(o):
    x = o.a
    y = o.b
    return x, y


sys.settrace(tracer)
r = split(C())
sys.settrace(None)
print(r)
print(events)
