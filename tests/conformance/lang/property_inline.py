# Pins: property getters that LOAD_ATTR runs inline (a plain Python getter read through a local or from the stack) keep CPython's semantics: AttributeError inside the getter, __getattr__ fallback, getters taking the wrong arguments, nested properties, profile call events.
class P:
    def __init__(self, v):
        self._v = v
    @property
    def v(self):
        return self._v
    @property
    def boom(self):
        raise AttributeError("boom inside")
    @property
    def twice(self):
        return self.v * 2

class G(P):
    def __getattr__(self, name):
        return "getattr:" + name

def f(p):
    t = 0
    for i in range(5):
        t += p.v + p.twice
    return t

p = P(3)
print(f(p), f(P(4)))
try:
    for _ in range(3):
        p.boom
except AttributeError as e:
    print("AE", e)
g = G(5)
for _ in range(3):
    r = g.boom
print(r, g.v)
class Q:
    x = property(lambda self: 42)
    y = property(lambda self, extra: 1)
q = Q()
for _ in range(3):
    print(q.x, end=" ")
try:
    for _ in range(3):
        q.y
except TypeError as e:
    print("TE", e)
import sys
def tracer(frame, event, arg):
    if event == "call":
        print("call", frame.f_code.co_name)
    return None
sys.setprofile(lambda fr, ev, a: print("prof", ev, fr.f_code.co_name) if ev == "call" and fr.f_code.co_name == "v" else None)
for _ in range(2):
    p.v
sys.setprofile(None)
print("done")
