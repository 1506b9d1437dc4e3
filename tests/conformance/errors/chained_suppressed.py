# Pins: `raise ... from None` hides the context in the traceback.
try:
    1 / 0
except ZeroDivisionError:
    raise ValueError("clean message") from None
