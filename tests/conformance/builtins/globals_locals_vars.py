# Pins: globals()/locals()/vars(): module globals dict identity and writes, function locals() snapshots (PEP 667 semantics in 3.13+), class-body locals, vars() without args, exec/eval with explicit dicts, builtins access via __builtins__.
G = 1
g = globals()
print(g is globals(), g["G"], "__name__" in g, g["__name__"])
g["NEW_GLOBAL"] = "created via globals()"
print(NEW_GLOBAL)
def f(a, b=2):
    c = a + b
    snap = locals()
    d = 4
    snap2 = locals()
    return sorted(snap), sorted(snap2), snap is snap2
print(f(1))
def modify_locals():
    x = 1
    locals()["x"] = 99
    return x
print(modify_locals())
class Body:
    p = 1
    q = p + 1
    names = sorted(k for k in locals() if not k.startswith("__"))
print(Body.names)
print(vars() is globals(), sorted(k for k in vars() if k in ("G", "f", "Body")))
def closure():
    outer_v = "o"
    def inner():
        return sorted(locals()), outer_v
    return inner()
print(closure())
ns = {"x": 5}
exec("y = x * 2\nz = [x for _ in range(2)]", ns)
print(ns["y"], ns["z"], sorted(k for k in ns if k != "__builtins__"))
loc = {}
exec("w = 10", {}, loc)
print(loc)
print(eval("G + 1"), eval("a + 1", {"a": 5}), eval("b", {}, {"b": 7}))
import builtins
print(type(__builtins__).__name__ in ("module", "dict"), builtins.len("xyz"), getattr(builtins, "max")(1, 3))
builtins.spindle_injected = "visible everywhere"
print(spindle_injected)
del builtins.spindle_injected
try:
    spindle_injected
except NameError as e:
    print("NameError", e)
def uses_global():
    return G
G = 2
print(uses_global())
def gen_locals():
    a = 1
    yield sorted(locals())
    b = 2
    yield sorted(locals())
print(list(gen_locals()))
print([sorted(locals()) for _ in range(1)][0] if False else "comprehension locals skipped", sorted(k for k in (lambda q: locals())(1)))
