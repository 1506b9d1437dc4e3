# Pins: traceback through a decorator wrapper: the wrapper frame shows its own code name ("wrapper") even though functools.wraps renamed the function; exception raised for a bad argument.
import functools
def validate_positive(fn):
    @functools.wraps(fn)
    def wrapper(*args):
        for a in args:
            if a <= 0:
                raise ValueError(f"{fn.__name__} requires positive arguments, got {a}")
        return fn(*args)
    return wrapper
@validate_positive
def area(w, h):
    return w * h
print(area.__name__, area(2, 3))
print(area(4, -1))
