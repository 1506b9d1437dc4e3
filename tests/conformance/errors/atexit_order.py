# Pins: atexit handlers run in reverse registration order after an uncaught exception's traceback, and exit status stays 1. (The WebAssembly recorder skips atexit after an uncaught exception; 3.13 and 3.14 agree here.)
# recorded-with: cpython-3.13
import atexit
atexit.register(print, "first registered, runs last")
atexit.register(lambda: print("second registered, runs first"))
print("main body")
raise RuntimeError("boom")
