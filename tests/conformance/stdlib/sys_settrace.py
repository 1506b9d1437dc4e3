# Pins: sys.settrace/setprofile event sequences for calls, lines, returns and exceptions in a small function (line numbers relative to the function).
import sys
events = []
def tracer(frame, event, arg):
    if frame.f_code.co_name in ("target", "helper"):
        rel = frame.f_lineno - frame.f_code.co_firstlineno
        events.append((event, frame.f_code.co_name, rel, arg if event == "return" else None))
    return tracer
def helper(x):
    return x * 2
def target(n):
    total = 0
    for i in range(n):
        total += helper(i)
    try:
        raise ValueError("traced")
    except ValueError:
        total += 1
    return total
sys.settrace(tracer)
result = target(2)
sys.settrace(None)
print(result)
for e in events:
    print(e)
print(sys.gettrace())
calls = []
def profiler(frame, event, arg):
    if event in ("call", "return") and frame.f_code.co_name in ("target", "helper"):
        calls.append((event, frame.f_code.co_name))
    elif event in ("c_call", "c_return") and getattr(arg, "__name__", "") == "len":
        calls.append((event, arg.__name__))
def uses_len():
    return len("abc")
sys.setprofile(profiler)
target(1)
uses_len()
sys.setprofile(None)
print(calls)
