# Pins: traceback for a TypeError in a call with multi-line arguments.
def takes_two(a, b):
    return a + b

result = takes_two(
    1,
    2,
    3,
)
