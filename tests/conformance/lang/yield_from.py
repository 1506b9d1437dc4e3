# Pins: yield from delegation: values, send/throw/close forwarding, return values and nested delegation.
def inner():
    received = []
    try:
        while True:
            x = yield len(received)
            if x is None:
                break
            received.append(x)
    except KeyError as e:
        print("inner caught", repr(e))
        yield "handled"
    finally:
        print("inner finally")
    return received

def outer():
    result = yield from inner()
    print("inner returned", result)
    yield "outer end"

g = outer()
print(next(g))
print(g.send("a"))
print(g.send("b"))
print(g.send(None))

g = outer()
next(g)
print(g.throw(KeyError("k")))
g.close()

def chain(*its):
    for it in its:
        yield from it

print(list(chain([1, 2], "ab", range(2), (x for x in [9]))))

def depth(n):
    if n == 0:
        yield "leaf"
        return 0
    r = yield from depth(n - 1)
    yield f"level {n}"
    return r + 1

d = depth(3)
print(list(d))

def ret_only():
    return "value"
    yield

def wrapper():
    v = yield from ret_only()
    yield v

print(list(wrapper()))

class Custom:
    def __iter__(self):
        return iter([10, 20])

def from_custom():
    yield from Custom()

print(list(from_custom()))

def from_iterator_send():
    yield from iter([1, 2])

g = from_iterator_send()
next(g)
try:
    g.send("x")
except AttributeError as e:
    print("AttributeError:", e)

def catcher():
    try:
        yield 1
    except ValueError:
        return "caught-and-returned"

def deleg():
    r = yield from catcher()
    yield r

g = deleg()
next(g)
print(g.throw(ValueError))
def flat(x):
    if isinstance(x, list):
        for i in x:
            yield from flat(i)
    else:
        yield x
print(list(flat([1, [2, [3, [4]], 5], [[6]]])))
