# Pins: locals pushed without a count (LOAD_FAST_BORROW) never outlive their value: a local rebound, deleted or shadowed while an earlier read of it is still on the stack (walrus, match captures, comprehensions, swaps, except-as, with-as, calls of 70 locals) keeps the old object alive and gives the same results and finalizer order as CPython.
class D:
    def __init__(self, name):
        self.name = name
    def __repr__(self):
        return f"D({self.name})"
    def __del__(self):
        print("del", self.name)

def walrus():
    x = D("w1")
    print(x, (x := D("w2")), x)
    print("after print")
    y = [D("y1")]
    print(y + (y := [D("y2")]) + y)
    z = D("z1")
    print(f"{z}{(z := D('z2'))}{z}")
    return 0 < (n := 5) < n + 1

def self_assign():
    x = D("s1")
    x = x
    s = "ab"
    s = s + s
    s += s
    print(x, s)
    x = D("s2")
    print("rebound")

def swaps():
    a, b = D("a"), D("b")
    a, b = b, a
    print(a, b)
    a, b, c = D("c1"), a, b
    print(a, b, c)
    del a
    print("deleted a")
    b = c = None
    print("cleared")

def match_capture():
    x = [D("m1"), D("m2")]
    match x:
        case [x, *rest]:
            print("captured", x, rest)
    print("after match", x)

def comprehensions():
    x = D("outer")
    ys = [x for x in range(3)]
    print(x, ys)
    print(x, [x for x in "ab"], x)
    return {x: [x for x in (1, 2)] for x in "k"}

def handler():
    e = D("e1")
    try:
        print(e, 1 / 0)
    except ZeroDivisionError as e:
        print("caught", type(e).__name__)
    print("e is gone:", "e" not in locals())

class CM:
    def __init__(self, v):
        self.v = v
    def __enter__(self):
        return D("cm-" + self.v.name)
    def __exit__(self, *a):
        return False

def with_as():
    v = D("v1")
    with CM(v) as v:
        print("in with", v)
    print("after with")

def many(*args):
    return len(args), args[0], args[-1]

def seventy():
    l0, l1, l2, l3, l4, l5, l6, l7, l8, l9 = [D(f"l{i}") for i in range(10)]
    r = many(l0, l1, l2, l3, l4, l5, l6, l7, l8, l9, l0, l1, l2, l3, l4, l5, l6, l7, l8, l9,
             l0, l1, l2, l3, l4, l5, l6, l7, l8, l9, l0, l1, l2, l3, l4, l5, l6, l7, l8, l9,
             l0, l1, l2, l3, l4, l5, l6, l7, l8, l9, l0, l1, l2, l3, l4, l5, l6, l7, l8, l9,
             l0, l1, l2, l3, l4, l5, l6, l7, l8, (l9 := D("new9")))
    print(r)

def gen():
    x = D("g1")
    got = yield x
    print("sent", got, x)
    x = D("g2")
    yield [x, (yield x), x]

def subscripts():
    d = {"k": D("dv")}
    l = [D("l0"), D("l1")]
    print(d["k"], l[1], "k" in d, l[0] in l, d is d, l is not d)
    d = {"k": 1}
    print(d["k"] + d["k"])
    l = l[0]
    print(l)

print(walrus())
self_assign()
swaps()
match_capture()
print(comprehensions())
handler()
with_as()
seventy()
g = gen()
print(next(g))
print(g.send("hello"))
print(g.send("mid"))
g.close()
del g
subscripts()
print("end")
