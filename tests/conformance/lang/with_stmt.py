# Pins: with statement: __enter__/__exit__ order, exception suppression, multiple and parenthesized managers, exit arguments.
class CM:
    def __init__(self, name, suppress=False):
        self.name, self.suppress = name, suppress
    def __enter__(self):
        print("enter", self.name)
        return self.name.upper()
    def __exit__(self, et, ev, tb):
        print("exit", self.name, et.__name__ if et else None, ev, tb is not None)
        return self.suppress

with CM("a") as a:
    print("body", a)

with CM("x", suppress=True):
    raise ValueError("suppressed")
print("after suppressed")

try:
    with CM("y"):
        raise KeyError("propagates")
except KeyError as e:
    print("caught", e)

with CM("one") as o, CM("two") as t:
    print("both", o, t)

with (
    CM("p1") as p1,
    CM("p2"),
):
    print("parenthesized", p1)

def early():
    with CM("ret"):
        return "returned"
print(early())

for i in range(2):
    with CM(f"loop{i}"):
        if i == 0:
            continue
        break

class NoExit:
    def __enter__(self):
        return self
try:
    with NoExit():
        pass
except TypeError as e:
    print("TypeError:", e)
try:
    with 5:
        pass
except TypeError as e:
    print("TypeError:", e)

class EnterRaises:
    def __enter__(self):
        raise RuntimeError("enter failed")
    def __exit__(self, *a):
        print("exit not called")
try:
    with CM("outer"), EnterRaises():
        print("unreachable")
except RuntimeError as e:
    print("RuntimeError:", e)

class ExitRaises:
    def __enter__(self):
        return self
    def __exit__(self, *a):
        raise OSError("from exit")
try:
    with ExitRaises():
        raise ValueError("body")
except OSError as e:
    print("OSError:", e, "context:", repr(e.__context__))

with CM("target") as (first, *rest):
    print(first, rest)
d = {}
with CM("subscr") as d["k"]:
    pass
print(d)
class TruthyExit:
    def __enter__(self): return self
    def __exit__(self, *a): return "yes"
with TruthyExit():
    1 / 0
print("truthy exit suppresses")
