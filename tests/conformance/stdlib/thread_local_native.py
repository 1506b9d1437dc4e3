# Pins: threading.local (_thread._local): one attribute dict per thread, a subclass's __init__ re-run with the constructor's arguments in each new thread, __dict__ read-only and per thread, get/set/del and their errors, data descriptors and methods of subclasses, dicts freed when their thread ends or the local dies (also through a cycle), many threads and many locals.
# recorded-with: cpython-3.13
# timeout: 30
import _thread
import gc
import threading
import weakref

print(threading.local is _thread._local, type(threading.local()).__name__, type(threading.local()).__module__)
loc = threading.local()
loc.x = 1
print(loc.x, loc.__dict__, vars(loc))


def run(fn, *args):
    t = threading.Thread(target=fn, args=args)
    t.start()
    t.join()


def other():
    print("other thread sees x:", hasattr(loc, "x"), loc.__dict__)
    loc.x = 2
    loc.y = "y"
    print("other thread:", loc.x, sorted(loc.__dict__))


run(other)
print("main again:", loc.x, loc.__dict__)

# Errors, with their messages.
for stmt in ["loc.__dict__ = {}", "del loc.__dict__", "del loc.nope", "loc.nope", "threading.local(1)",
             "threading.local(a=1)", "_thread._local.__new__(1)"]:
    try:
        exec(stmt)
        print(stmt, "-> no error")
    except (AttributeError, TypeError) as e:
        print(stmt, "->", type(e).__name__, e)

# __dict__ is the live per-thread dict.
loc.__dict__["z"] = 3
print(loc.z)
del loc.z
print("z" in loc.__dict__, getattr(loc, "z", "gone"))


class Counted(threading.local):
    inits = []
    tag = "class attr"

    def __init__(self, a, *, b=0):
        Counted.inits.append((threading.current_thread().name, a, b))
        self.a = a
        self.b = b

    def total(self):
        return self.a + self.b

    @property
    def doubled(self):
        return self.a * 2


c = Counted(5, b=7)
print(c.a, c.b, c.total(), c.doubled, c.tag, Counted.inits)


def in_thread():
    print("thread before:", c.a, c.b, c.total(), c.doubled, c.tag)
    c.a = 100
    c.tag = "instance attr"
    print("thread after:", c.total(), c.tag, Counted.tag)


run(in_thread)
print("main:", c.a, c.tag, [i[1:] for i in Counted.inits])
try:
    c.doubled = 3
except AttributeError as e:
    print("property:", e)


class Failing(threading.local):
    def __init__(self):
        if threading.current_thread() is not threading.main_thread():
            raise ValueError("no init here")
        self.v = 1


f = Failing()


def failing():
    for _ in range(2):
        try:
            f.v
        except ValueError as e:
            print("init raised:", e)


run(failing)
print(f.v)


class WithGetattr(threading.local):
    def __getattr__(self, name):
        return "fallback " + name


w = WithGetattr()
w.real = 1
print(w.real, w.missing)


class Slotted(threading.local):
    __slots__ = ("shared",)


s = Slotted()
s.shared = "same in all threads"
s.mine = "main only"


def slotted():
    print("slot:", s.shared, "dict:", getattr(s, "mine", None))


run(slotted)
print(isinstance(weakref.ref(loc)(), threading.local))


# The dicts of an ended thread are freed.
class Token:
    pass


refs = []


def keep():
    t = Token()
    loc.token = t
    refs.append(weakref.ref(t))


run(keep)
gc.collect()
print("freed with its thread:", refs[0]() is None)

# The dicts of a dead local are freed, in every thread.
box = [threading.local()]
tok = Token()
box[0].t = tok
r2 = weakref.ref(tok)
del tok
barrier = threading.Barrier(2)
held = []


def hold_other():
    x = Token()
    mine = box[0]
    mine.t = x
    held.append(weakref.ref(x))
    del x, mine
    barrier.wait()
    barrier.wait()


t = threading.Thread(target=hold_other)
t.start()
barrier.wait()
box.clear()
gc.collect()
print("freed with the local:", r2() is None)
barrier.wait()
t.join()
gc.collect()
print("and in the other thread:", held[0]() is None)

# A cycle through a thread's dict is collected.
l3 = threading.local()
l3.me = l3
r3 = weakref.ref(l3)
del l3
gc.collect()
print("cycle collected:", r3() is None)

# Many threads, each with its own values; many locals in one thread.
shared = threading.local()
results = {}
lock = threading.Lock()


def worker(k):
    shared.k = k
    total = 0
    for _ in range(2000):
        total += shared.k
    with lock:
        results[k] = total == 2000 * k and shared.k == k


threads = [threading.Thread(target=worker, args=(k,)) for k in range(8)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(sorted(results.items()))
many = [threading.local() for _ in range(500)]
for i, m in enumerate(many):
    m.i = i
print(sum(m.i for m in many))
