import gc, weakref
class Node:
    def __init__(self): self.other = None
    def __del__(self): pass
a, b = Node(), Node(); a.other, b.other = b, a
r = weakref.ref(a); del a, b; gc.collect(); print(r() is None)
d = {i: str(i) for i in range(10)}
for k in list(d):
    if k % 3: del d[k]
print(d)
lst = list(range(10)); del lst[2:8:2]; print(lst)
x = 5; del x
try:
    x
except NameError:
    print("deleted")
ws = weakref.WeakValueDictionary(); n = Node(); ws["n"] = n; print(len(ws)); del n; gc.collect(); print(len(ws))
