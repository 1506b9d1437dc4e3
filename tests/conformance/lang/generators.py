# Pins: generators: send, throw, close, return values, StopIteration, gi_ attributes and generator expressions.
def gen():
    print("start")
    x = yield 1
    print("got", x)
    try:
        y = yield 2
        print("got", y)
    except ValueError as e:
        print("caught", e)
        yield "after throw"
    finally:
        print("finally")
    return "done"

g = gen()
print(type(g).__name__, g.__name__)
print(next(g))
print(g.send("a"))
print(g.throw(ValueError("boom")))
try:
    next(g)
except StopIteration as e:
    print("StopIteration", e.value)
print(list(g))

g = gen()
try:
    g.send(1)
except TypeError as e:
    print("TypeError:", e)
next(g)
g.close()
print(g.gi_frame)
g.close()

def closer():
    try:
        yield 1
    except GeneratorExit:
        print("GeneratorExit seen")
        raise

c = closer()
next(c)
c.close()

def stubborn():
    try:
        yield 1
    except GeneratorExit:
        yield 2

s = stubborn()
next(s)
try:
    s.close()
except RuntimeError as e:
    print("RuntimeError:", e)

def ret():
    yield 1
    return 5

def bad_stop():
    yield 1
    raise StopIteration("inner")

try:
    list(bad_stop())
except RuntimeError as e:
    print("RuntimeError:", e, type(e.__cause__).__name__)

def infinite():
    n = 0
    while True:
        yield n
        n += 1

it = infinite()
print([next(it) for _ in range(5)])
ge = (x * x for x in range(5) if x % 2 == 0)
print(type(ge).__name__, list(ge), list(ge))
print(sum(x for x in range(101)))

def running():
    yield g2.gi_running
g2 = running()
print(next(g2), g2.gi_running)

def reenter():
    yield next(g3)
g3 = reenter()
try:
    next(g3)
except ValueError as e:
    print("ValueError:", e)
g4 = gen()
print(g4.gi_frame is not None, g4.gi_code.co_name, g4.gi_suspended if hasattr(g4, "gi_suspended") else None)
try:
    g4.throw(KeyError("k"))
except KeyError as e:
    print("KeyError before start", e)
print(g4.gi_frame)
def empty():
    return
    yield
print(list(empty()))
