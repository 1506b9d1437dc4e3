import traceback
def a(): return b()
def b(): return c()
def c(): return {}["missing"]
try:
    a()
except KeyError:
    tb = traceback.format_exc()
    print(tb.count("line"), tb.strip().splitlines()[-1])
def bad_assert(x):
    assert x > 0, f"x was {x}"
try:
    bad_assert(-1)
except AssertionError as e:
    print("assert", e)
try:
    raise RuntimeError("outer") from None
except RuntimeError as e:
    print(e.__suppress_context__, e.__cause__)
