# Pins: per-site caches stay per code object: code that eval() compiles and drops
# (so the next compile may reuse its memory) never sees another code's cached
# attribute, method, instantiation or operator targets.
class V:
    def __init__(self, x):
        self.x = x
    def __sub__(self, other):
        return NotImplemented
    def __add__(self, other):
        return V(self.x + other.x)
    def m(self):
        return self.x * 2

class W:
    def __init__(self, x):
        self.y = x
    x = property(lambda self: -self.y)

exprs = [
    "V(1) - V(2)",
    "V(3)",
    "V(4).x",
    "W(5).x",
    "V(6).m()",
    "(V(1) + V(2)).x",
    "W(7)",
    "V(8) + V(9)",
    "[V(i).x for i in range(3)]",
]
for round_ in range(4):
    out = []
    for src in exprs:
        try:
            r = eval(src)
        except TypeError as e:
            r = "TypeError: " + str(e)
        if isinstance(r, (V, W)):
            r = type(r).__name__
        out.append(r)
    print(round_, out)
# The same text compiled anew each time, with the sites at the same places.
for src in ["V(10).x", "W(10).x", "V(10).x", "W(10).x"]:
    print(src, eval(compile(src, "<s>", "eval")))
