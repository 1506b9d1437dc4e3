# Pins: module-level dunders of the main script: __name__, __file__ basename, __doc__, __builtins__, __spec__ and sys.argv[0].
"""Not the docstring: comments come first, so this is."""
import sys, os
print(__name__, os.path.basename(__file__), os.path.basename(sys.argv[0]), len(sys.argv))
print(repr(__doc__))
print(__spec__, __package__, __loader__.__class__.__name__)
print(type(__builtins__).__name__, __builtins__.__name__ if hasattr(__builtins__, "__name__") else None)
print(sorted(k for k in globals() if k.startswith("__")))
main = sys.modules["__main__"]
print(main is sys.modules[__name__], main.__dict__ is globals())
def helper():
    return __name__
print(helper(), helper.__module__, helper.__globals__ is globals())
if __name__ == "__main__":
    print("guarded block runs")
else:
    print("not main")
print(__file__ == os.path.abspath(__file__))
