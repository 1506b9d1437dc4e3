class CM:
    def __init__(self, name): self.name = name
    def __enter__(self):
        print("enter", self.name); return self
    def __exit__(self, et, ev, tb):
        print("exit", self.name, et.__name__ if et else None)
        return et is KeyError
with CM("a") as a, CM("b") as b:
    print("body", a.name, b.name)
with CM("swallow"):
    raise KeyError("gone")
try:
    with CM("pass-through"):
        raise ValueError("kept")
except ValueError as e:
    print("got", e)
from contextlib import contextmanager, suppress
@contextmanager
def tag(n):
    print("<%s>" % n); yield n; print("</%s>" % n)
with tag("p") as t, suppress(ZeroDivisionError):
    print(t, 1 / 0)
