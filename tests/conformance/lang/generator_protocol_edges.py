# Pins: generator protocol edges: send() before start error, throw() into suspended/finished gens, close() with GeneratorExit handling, yielding in finally during close -> RuntimeError, return value in StopIteration, gi_running/gi_frame, generator re-entrancy error, StopIteration inside generator -> RuntimeError.
def echo():
    got = []
    try:
        while True:
            x = yield len(got)
            got.append(x)
    except GeneratorExit:
        print("GeneratorExit seen, got", got)
        raise
g = echo()
try:
    g.send("early")
except TypeError as e:
    print("TypeError", e)
print(next(g), g.send("a"), g.send("b"))
g.close(); g.close()
print(g.gi_frame is None)
def catcher():
    while True:
        try:
            yield "normal"
        except ValueError as e:
            yield f"caught {e}"
c = catcher()
print(next(c), c.throw(ValueError("boom")), next(c))
try:
    c.throw(KeyError("k"))
except KeyError as e:
    print("KeyError escaped", e)
try:
    next(c)
except StopIteration:
    print("dead after uncaught throw")
def returns():
    yield 1
    return "retval"
r = returns(); next(r)
try:
    next(r)
except StopIteration as e:
    print("StopIteration value", e.value, e.args)
def bad_close():
    try:
        yield 1
    finally:
        yield 2
b = bad_close(); next(b)
try:
    b.close()
except RuntimeError as e:
    print("RuntimeError", e)
def leaks_stop():
    yield 1
    raise StopIteration("leaked")
try:
    list(leaks_stop())
except RuntimeError as e:
    print("RuntimeError", e, "| cause:", type(e.__cause__).__name__)
def reentrant():
    yield me.send(None)
me = reentrant()
try:
    next(me)
except ValueError as e:
    print("ValueError", e)
def state():
    print("running inside:", s.gi_running)
    yield
s = state()
print(s.gi_running, s.gi_suspended if hasattr(s, "gi_suspended") else "")
next(s)
print(s.gi_running, s.gi_frame.f_lineno > 0, s.gi_code.co_name)
fresh = returns()
fresh.close()
try:
    next(fresh)
except StopIteration:
    print("closed before start -> StopIteration")
t = returns()
try:
    t.throw(TypeError("before start"))
except TypeError as e:
    print("throw before start propagates:", e)
def swallow_exit():
    try:
        yield 1
    except GeneratorExit:
        return "ignored return"
sw = swallow_exit(); next(sw)
print(sw.close())
def counter():
    n = 0
    while True:
        cmd = yield n
        if cmd == "reset":
            n = 0
        else:
            n += 1
ct = counter()
print([next(ct), next(ct), ct.send("reset"), next(ct), ct.send(None)])
gen_exp = (x * 2 for x in range(3))
print(next(gen_exp), list(gen_exp), list(gen_exp))
try:
    (x for x in 5)
except TypeError as e:
    print("TypeError", e)
def deleg():
    result = yield from returns()
    yield f"delegated result {result}"
print(list(deleg()))
