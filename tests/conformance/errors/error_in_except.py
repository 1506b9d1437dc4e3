# Pins: traceback for an error inside a finally block while another exception propagates.
def f():
    try:
        raise ValueError("first")
    finally:
        undefined_name_here
f()
