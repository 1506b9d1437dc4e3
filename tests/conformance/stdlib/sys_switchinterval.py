# Pins: sys.getswitchinterval/setswitchinterval (default 0.005, microsecond storage, CPython's errors) and sys._is_gil_enabled returning a bool.
import sys

print(sys.getswitchinterval())
print(type(sys._is_gil_enabled()).__name__)
for args, kw in [((), {}), ((1, 2), {}), ((), {"interval": 1}), (("a",), {}), ((None,), {}), ((0,), {}), ((0.0,), {}), ((-0.0,), {}), ((-1.5,), {}), ((-10**9,), {})]:
    try:
        sys.setswitchinterval(*args, **kw)
        print("accepted", args)
    except (TypeError, ValueError) as e:
        print(type(e).__name__ + ":", e)
print(sys.getswitchinterval())


class Seconds:
    def __float__(self):
        return 0.25


class Index:
    def __index__(self):
        return 3


for v in [0.001, 2, 1e-7, True, Seconds(), Index(), 0.0123456789, 1e-6]:
    sys.setswitchinterval(v)
    print(repr(v) if not isinstance(v, (Seconds, Index)) else type(v).__name__, sys.getswitchinterval())
for args in [(1,), (), ]:
    try:
        sys.getswitchinterval(*args)
        print("getswitchinterval ok")
    except TypeError as e:
        print("TypeError:", e)
try:
    sys._is_gil_enabled(1)
except TypeError as e:
    print("TypeError:", e)
sys.setswitchinterval(0.005)
print(sys.getswitchinterval())
