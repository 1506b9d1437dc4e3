# recorded-with: cpython-3.13
# Threads are needed (definitions are deferred once a thread has started),
# and CPython 3.14 under WebAssembly has none; the output is the same there
# with the thread parts run inline.
#
# A function or class called through a global is pushed without a
# reference count once threads exist (a deferred stack reference). The
# collector must count those slots on every thread's running frames: each
# object below loses its last counted reference while a call to it is under
# way, and a collection runs, on this thread or another.
import gc, threading, time, weakref

threading.Thread(target=lambda: None).start()


def settle():
    # Lets references held for lock-free readers go, then collects.
    time.sleep(0.01)
    gc.collect()
    gc.collect()


def victim(n):
    global victim
    del victim
    settle()
    print("running function alive:", w_victim() is not None)
    return n * 2


w_victim = weakref.ref(victim)


def call_victim():
    return victim(21)


print(call_victim())
settle()
print("freed after return:", w_victim() is None)


def target(a, b=0):
    return a + b + 1


w_target = weakref.ref(target)


def drop_target():
    global target
    del target
    settle()
    print("callable alive while args run:", w_target() is not None)
    return 41


def call_target():
    return target(drop_target())


print(call_target())
settle()
print("freed after call:", w_target() is None)


def kw_target(a, b=0):
    return a + b


w_kw = weakref.ref(kw_target)


def drop_kw():
    global kw_target
    del kw_target
    settle()
    print("keyword call's callable alive:", w_kw() is not None)
    return 2


def call_kw():
    return kw_target(1, b=drop_kw())


print(call_kw())
settle()
print("freed after keyword call:", w_kw() is None)


def ex_target(*args):
    return sum(args)


w_ex = weakref.ref(ex_target)


def drop_ex():
    global ex_target
    del ex_target
    settle()
    print("star call's callable alive:", w_ex() is not None)
    yield 3
    yield 4


def call_ex():
    return ex_target(*drop_ex())


print(call_ex())
settle()
print("freed after star call:", w_ex() is None)


class Point:
    def __init__(self, x, *, y=0):
        global Point
        del Point
        settle()
        print("class alive in __init__:", w_point() is not None)
        self.x = x


w_point = weakref.ref(Point)


def make_point():
    return Point(5, y=1)


p = make_point()
print(p.x, type(p).__name__)
del p
settle()
print("class freed with its instance:", w_point() is None)


def g2(x):
    return x * 3


w_g2 = weakref.ref(g2)


def gen():
    yield g2((yield 1))


it = gen()
print(next(it))
del g2
settle()
print("callable alive across a yield:", w_g2() is not None)
print(it.send(5))
del it
settle()
print("freed with the generator:", w_g2() is None)


class Shape:
    def area(self, k):
        del Shape.area
        settle()
        print("method alive while running:", w_area() is not None)
        return k * 2


w_area = weakref.ref(Shape.__dict__["area"])


def call_area(s):
    return s.area(21)


print(call_area(Shape()))
settle()
print("method freed after:", w_area() is None)


# Another thread holds the only reference, in a call's callable slot,
# while this thread deletes the global and collects.
def remote(v):
    return v + 100


w_remote = weakref.ref(remote)
started = threading.Event()
go = threading.Event()
result = []


def block():
    started.set()
    go.wait()
    return 1


def worker():
    result.append(remote(block()))


t = threading.Thread(target=worker)
t.start()
started.wait()
del remote
settle()
print("other thread's callable alive:", w_remote() is not None)
go.set()
t.join()
print(result)
settle()
print("freed after the thread:", w_remote() is None)
