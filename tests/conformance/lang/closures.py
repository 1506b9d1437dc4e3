# Pins: closures, cells, nonlocal and global, late binding and free variable introspection.
def counter():
    n = 0
    def inc(step=1):
        nonlocal n
        n += step
        return n
    def get():
        return n
    return inc, get

inc, get = counter()
inc(); inc(5)
print(get(), inc.__code__.co_freevars, counter.__code__.co_cellvars)
print(type(inc.__closure__[0]).__name__, inc.__closure__[0].cell_contents)

fns = [lambda: i for i in range(3)]
print([f() for f in fns])
fns = [lambda i=i: i for i in range(3)]
print([f() for f in fns])

total = 10
def use_global():
    global total
    total += 1
    return total

print(use_global(), use_global(), total)

def make_global():
    global created_later
    created_later = "made"

make_global()
print(created_later)

def nested():
    x = 1
    def mid():
        def inner():
            nonlocal x
            x += 10
            return x
        return inner
    f = mid()
    f(); f()
    return x

print(nested())

def unbound():
    def inner():
        return y
    try:
        inner()
    except NameError as e:
        print(type(e).__name__, e)
    y = 2
    return inner()

print(unbound())

def local_before_assign():
    try:
        print(z)
    except UnboundLocalError as e:
        print(type(e).__name__, e)
    z = 1

z = 0
local_before_assign()

def cell_shared():
    fs = []
    for k in range(3):
        def f():
            return k
        fs.append(f)
    return [f() for f in fs]

print(cell_shared())

class C:
    v = "class"
    def m(self):
        return v

v = "global"
print(C().m())

def class_in_func():
    w = "enclosing"
    class D:
        w = "classbody"
        def m(self):
            return w
        got = w
    return D().m(), D.got

print(class_in_func())

def deleter():
    a = 1
    def f():
        return a
    del a
    try:
        f()
    except NameError as e:
        print(e)

deleter()
gen_scope = [x * y for x in range(3) for y in range(2)]
print(gen_scope)
x = "outer"
print([x for x in "ab"], x)
