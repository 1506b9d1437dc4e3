# Rebinding, deleting and shadowing globals and builtins is seen at once by
# functions that already loaded them (LOAD_GLOBAL caching), and a replaced
# value is released when CPython releases it.
import builtins
class D:
    def __init__(self, n): self.n = n
    def __del__(self): print("del", self.n)
x = D(1)
def f(): return x
print(f().n)
x = D(2)
print("after rebind")
print(f().n)
del x
print("after del")
try: f()
except NameError as e: print("NameError", e)
def g(): return len([1,2])
print(g())
len = lambda s: 99
print(g())
del len
print(g())
saved0 = builtins.len
builtins.len = lambda s: 7
r = g()
builtins.len = saved0
print(r)
builtins.len = lambda s: 7
del builtins.len
builtins.len = saved0
import sys
saved = builtins.len
del builtins.len
try: g(); r = "no error"
except NameError as e: r = str(e)
builtins.len = saved
print(r)
def h(): return y
for i in range(3):
    y = i
    print(h())
exec("def k(): return z", {"z": 5}, None) if False else None
ns = {"z": 5}
exec("def k(): return z", ns)
print(ns["k"]())
ns["z"] = 6
print(ns["k"]())
