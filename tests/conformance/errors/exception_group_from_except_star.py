# Pins: an uncaught ExceptionGroup that re-raises the unhandled part from except*, with its traceback rendering.
def fails(kind):
    raise kind("from fails")

try:
    raise ExceptionGroup("batch", [ValueError("v1"), TypeError("t1"), ValueError("v2")])
except* ValueError as eg:
    print("handled", len(eg.exceptions), "ValueErrors")
