# Pins: assert statement with and without messages, AssertionError details, and del of names, items, slices and attributes.
try:
    assert 1 + 1 == 3, "math is broken"
except AssertionError as e:
    print("AssertionError:", e, e.args)
try:
    assert []
except AssertionError as e:
    print("bare AssertionError:", repr(e), e.args)
try:
    assert False, ("tuple", "message")
except AssertionError as e:
    print(e.args)
assert True, "never evaluated" + 1
x = 5
del x
try:
    x
except NameError as e:
    print("NameError:", e)
try:
    del x
except NameError as e:
    print("NameError:", e)
l = list(range(8))
del l[0]
del l[-1]
del l[1:3]
print(l)
del l[::2]
print(l)
d = {"a": 1, "b": 2}
del d["a"]
print(d)
try:
    del d["zz"]
except KeyError as e:
    print("KeyError:", e)
class O:
    pass
o = O()
o.attr = 1
del o.attr
try:
    del o.attr
except AttributeError as e:
    print("AttributeError:", e)
a, b = 1, 2
del a, b
print("a" in dir(), "b" in dir())
t = (1, 2)
try:
    del t[0]
except TypeError as e:
    print("TypeError:", e)
def f():
    y = 1
    del y
    try:
        return y
    except UnboundLocalError as e:
        return f"UnboundLocalError: {e}"
print(f())
c = [1, [2, 3]]
del c[1][0]
print(c)
try:
    del "abc"[0]
except TypeError as e:
    print("TypeError:", e)
lst = [1, 2, 3]
for i in lst:
    pass
del i
print("i" in globals())
def g():
    global gv
    gv = 1
    del gv
g()
print("gv" in globals())
assert isinstance(1, int) and not isinstance("", int)
print("done")
