# Pins: evaluation order: call arguments left to right, dict displays key-then-value, assignment targets, augmented subscript evaluated once, chained comparison operands once, and boolean operators.
log = []
def t(v):
    log.append(v)
    return v
def show(label):
    print(label, log)
    log.clear()
t(1) + t(2) * t(3)
show("binary")
def f(*a, **k):
    return a, k
f(t("a"), t("b"), k=t("c"), *[t("d")], **{t("e"): t("f")})
show("call")
{t("k1"): t("v1"), t("k2"): t("v2")}
show("dict")
[t(1), t(2)], (t(3), t(4)), {t(5)}
show("displays")
class Obj:
    def __init__(self):
        self.d = {}
    def __getitem__(self, k):
        log.append(("get", k))
        return self.d.get(k, 0)
    def __setitem__(self, k, v):
        log.append(("set", k, v))
        self.d[k] = v
o = Obj()
def key():
    log.append("key evaluated")
    return "x"
o[key()] += 5
show("augmented subscript")
def obj():
    log.append("obj evaluated")
    return o
obj()[t("i")] = t("value")
show("subscript assignment")
x = [0, 0]
i = 0
i, x[i] = 1, t(9)
print(x)
show("tuple assignment")
t(1) < t(2) < t(0) < t(5)
show("chained")
t(0) and t(1)
t(1) or t(2)
t(None) or t(0) or t("last")
show("boolean")
t("cond") if t(True) else t("other")
show("conditional")
a = b = t([])
show("chained assignment")
print(a is b)
def g(x=t("default evaluated at def")):
    return x
show("default")
g(); g()
show("default reused")
[t(i) for i in range(3) if t(i % 2)]
show("comprehension")
def callee(*a):
    return a
t(callee.__name__)
fn = callee
t(fn)(t("arg")) if False else fn(t("arg"))
show("callee first")
v = t({})
v[t("k")] = t("val")
show("store order")
lst = [1, 2, 3]
lst[t(0):t(2)] = [t("s")]
show("slice assignment")
print(t("p1"), t("p2"), sep=t("-"))
show("print")
