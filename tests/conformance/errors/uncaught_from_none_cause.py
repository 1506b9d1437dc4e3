# Pins: `raise ... from None` hides the context in the traceback, while `raise ... from exc` shows "The above exception was the direct cause" with both tracebacks.
class LookupFailed(Exception):
    pass
def get(d, key):
    try:
        return d[key]
    except KeyError:
        raise LookupFailed(f"missing {key}") from None
try:
    get({}, "a")
except LookupFailed as e:
    print("caught:", e, "| cause:", e.__cause__, "| suppressed:", e.__suppress_context__)
def parse(s):
    try:
        return int(s)
    except ValueError as exc:
        raise LookupFailed(f"bad number {s!r}") from exc
parse("12x")
