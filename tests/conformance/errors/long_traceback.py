# Pins: a traceback through a method, a property, a dunder and a decorator wrapper.
import functools
def logged(fn):
    @functools.wraps(fn)
    def wrapper(*a):
        return fn(*a)
    return wrapper
class Vec:
    def __init__(self, xs):
        self.xs = xs
    @property
    def first(self):
        return self.xs[0]
    def __add__(self, other):
        return Vec([self.first + other.first])
    @logged
    def double(self):
        return self + self
Vec([]).double()
