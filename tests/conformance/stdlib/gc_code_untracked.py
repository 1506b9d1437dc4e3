# Pins: the gc module never shows a code object as tracked, before or after a second thread starts (Spindle defers code objects then, which tracks them internally): gc.is_tracked is False, and gc.get_objects / gc.get_referrers do not list them.
# recorded-with: cpython-3.13
# Why 3.13: the program starts a thread, which the WebAssembly CPython 3.14 cannot.
import gc
import threading
import types


def f():
    return 1


def listed_code(objs):
    return sum(1 for o in objs if type(o) is types.CodeType)


co = f.__code__
print("before:", gc.is_tracked(co), gc.is_tracked(f), listed_code(gc.get_objects()))
t = threading.Thread(target=f)
t.start()
t.join()


def g():
    def inner():
        return 2
    return inner


print("after:", gc.is_tracked(co), gc.is_tracked(g.__code__), gc.is_tracked(g().__code__))
print("compiled:", gc.is_tracked(compile("x = 1", "<s>", "exec")))
print("functions:", gc.is_tracked(f), gc.is_tracked(g))
print("get_objects:", listed_code(gc.get_objects()), listed_code(gc.get_objects(generation=2)))
name = co.co_name
print("get_referrers:", listed_code(gc.get_referrers(co.co_consts)), listed_code(gc.get_referrers(co)) == 0 or "some")
print("referents of f:", listed_code(gc.get_referents(f)))
print("others:", gc.is_tracked([]), gc.is_tracked(()), gc.is_tracked(1), gc.is_tracked("s"), gc.is_tracked(len))
