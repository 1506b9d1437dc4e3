# recorded-with: cpython-3.13
# Threads are needed, and CPython 3.14 under WebAssembly has none.
#
# A threading.local subclass runs __init__ in each thread on that thread's
# first use of the local, whatever the first use is: a method call, an
# attribute read or write, or __dict__.
import threading

# Definitions made after a thread has started are shared differently
# (deferred): cover both.
threading.Thread(target=lambda: None).start()


class Local(threading.local):
    def __init__(self, tag):
        print("init", tag, threading.current_thread().name)
        self.tag = tag

    def get(self):
        return self.tag

    def constant(self):
        # Touches nothing on self: the method call alone must run __init__.
        return "constant"


loc = Local("t")


def call_method(loc):
    return loc.get()


def call_constant(loc):
    return loc.constant()


def first_use(kind):
    if kind == "method":
        print(call_method(loc))
    elif kind == "constant":
        print(call_constant(loc))
    elif kind == "read":
        print(loc.tag)
    elif kind == "write":
        loc.other = 1
        print(sorted(vars(loc)))
    else:
        print(sorted(loc.__dict__))


print(call_method(loc))
print(call_constant(loc))
for kind in ["constant", "method", "read", "write", "dict"]:
    t = threading.Thread(target=first_use, args=(kind,), name="worker-" + kind)
    t.start()
    t.join()
# The method call site has run on the main thread many times: a later
# thread still gets its __init__.
for _ in range(100):
    call_constant(loc)
t = threading.Thread(target=first_use, args=("constant",), name="late")
t.start()
t.join()
