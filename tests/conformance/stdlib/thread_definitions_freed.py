# Pins: definitions (functions, classes, their code) made before and after the first thread starts are freed once dropped and collected (deferred reference counting, not immortalization); a subclass list forgets a collected class; code objects stay untracked with no referents for gc.
# recorded-with: cpython-3.13
# Why 3.13: CPython 3.14 on WebAssembly has no threads (Thread.start raises). Checked by hand: the same program with the thread bodies called inline prints this same output under ../shared/tools/python3.14.
import gc, sys, threading, weakref

def before():
    return 1

class Before:
    def m(self):
        return 2

def work():
    pass

t = threading.Thread(target=work)
t.start()
t.join()

# Definitions made before the first thread: freed once dropped and collected.
wf = weakref.ref(before)
wc = weakref.ref(Before)
print(before(), Before().m())
del before, Before
gc.collect()
print("before-thread defs freed:", wf() is None, wc() is None)

# Definitions made after it.
def after(x):
    return x * 2

class After:
    k = 3
    def m(self):
        return self.k

print(after(4), After().m())
wa = weakref.ref(after)
wb = weakref.ref(After)
del after, After
gc.collect()
print("after-thread defs freed:", wa() is None, wb() is None)

# Used from many threads, then dropped.
def shared(x):
    return x + 1

class Shared:
    def __init__(self, v):
        self.v = v

results = []
lock = threading.Lock()
def use():
    acc = 0
    objs = []
    for i in range(2000):
        acc += shared(i)
        objs.append(Shared(i))
    with lock:
        results.append((acc, len(objs)))

ts = [threading.Thread(target=use) for _ in range(4)]
for th in ts: th.start()
for th in ts: th.join()
print(results)
ws = weakref.ref(shared)
wS = weakref.ref(Shared)
del shared, Shared
gc.collect()
print("shared defs freed:", ws() is None, wS() is None)

# Subclass lists forget collected classes.
class Base: pass
def make():
    class Sub(Base): pass
    return Sub
s = make()
print([c.__name__ for c in Base.__subclasses__()])
del s
gc.collect()
print([c.__name__ for c in Base.__subclasses__()])
print(sys.getrefcount(Base) > 0)

# Code objects: untracked, no referents reported (as CPython's).
def g():
    return (1, 2)
print(gc.get_referents(g.__code__))

# A module made at run time after threads started.
import types
m = types.ModuleType("late")
exec("def h():\n    return 5\n", m.__dict__)
wm = weakref.ref(m)
print(m.h())
del m
gc.collect()
print("module freed:", wm() is None)
