# Pins: atexit driven explicitly via atexit._run_exitfuncs(): LIFO order with args/kwargs, decorator form, unregister of repeated registrations, registry cleared afterwards.
import atexit, sys
atexit._clear()  # start from an empty registry (some hosts register callbacks of their own)
def say(msg, *, end="!"):
    print(f"atexit: {msg}{end}")
atexit.register(say, "registered first")
atexit.register(say, "second", end="?")
@atexit.register
def decorated():
    print("atexit: decorated (no args)")
def removed():
    print("should never run")
atexit.register(removed)
atexit.register(removed)
atexit.unregister(removed)
atexit.register(say, "last registered, runs first")
print("ncallbacks:", atexit._ncallbacks())
print("main body done")
sys.stdout.flush()
atexit._run_exitfuncs()
sys.stdout.flush()
print("ncallbacks after run:", atexit._ncallbacks())
atexit._clear()
atexit.register(say, "re-registered then cleared")
atexit._clear()
print("ncallbacks after clear:", atexit._ncallbacks())
