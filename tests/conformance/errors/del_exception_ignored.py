# Pins: an exception raised in __del__ goes to sys.unraisablehook (here a custom hook printing stable fields) and does not stop the program.
import sys
def hook(u):
    print("unraisable:", type(u.exc_value).__name__, u.exc_value, "| object:", getattr(u.object, "__qualname__", type(u.object).__name__))
    print("message starts with 'Exception ignored':", (u.err_msg or "").startswith("Exception ignored"))
sys.unraisablehook = hook

class Noisy:
    def __del__(self):
        raise RuntimeError("error during __del__")

n = Noisy()
del n
print("program continues")
