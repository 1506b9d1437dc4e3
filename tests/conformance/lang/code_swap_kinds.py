# Pins: replacing __code__ with a generator's code on a class's __add__/__init__ (which Spindle may run inline as frames of the loop) changes what a call makes at once, and 3.14 warns about the mismatch.
class V:
    def __init__(self, x): self.x = x
    def __add__(self, o): return V(self.x + o.x)
def gen_add(self, o):
    yield self.x + o.x
def gen_init(self, x):
    yield 1
def add(a, b): return a + b
def make(x): return V(x)
print(add(V(1), V(2)).x)
V.__add__.__code__ = gen_add.__code__
r = add(V(1), V(2))
print(type(r).__name__, list(r))
print(make(3).x)
V.__init__.__code__ = gen_init.__code__
try:
    make(4)
except TypeError as e:
    print("TypeError", e)
