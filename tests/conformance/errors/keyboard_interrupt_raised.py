# Pins: an explicitly raised KeyboardInterrupt that is caught, then uncaught exception with a custom excepthook.
import sys
try:
    raise KeyboardInterrupt
except KeyboardInterrupt:
    print("caught KeyboardInterrupt")
def hook(t, v, tb):
    print("custom hook:", t.__name__, v, file=sys.stderr)
sys.excepthook = hook
raise ValueError("seen by hook")
