# Pins: atexit at normal interpreter exit: handlers run LIFO with their arguments after main finishes, unregister removes all registrations of a function, and an exception in a handler is reported but others still run. (Recorded with native CPython 3.13.0 for a platform reason: CPython 3.14 on WebAssembly does not run atexit handlers at a normal exit, so it prints none of the handler lines; native 3.14 runs them exactly as 3.13 does.)
# recorded-with: cpython-3.13
import atexit, sys
def bye(name, punct="!"):
    print(f"bye {name}{punct}")
def unwanted():
    print("should not run")
atexit.register(bye, "first")
atexit.register(bye, "second", punct="?")
atexit.register(unwanted)
atexit.register(unwanted)
atexit.unregister(unwanted)
@atexit.register
def decorated():
    print("decorated handler")
class Failing:
    def __call__(self):
        raise ValueError("handler failed")
    def __repr__(self):
        return "<failing handler>"
atexit.register(Failing())
atexit.register(lambda: print("runs before failing"))
print("main done")
