# Pins: traceback of a failing assert with a message, showing the assert line.
def check(x):
    assert x > 0, f"x must be positive, got {x}"
    return x
check(1)
check(-5)
