# Pins: default argument evaluation once at def time (mutable default pitfall), None-sentinel idiom, __defaults__/__kwdefaults__ inspection and mutation, defaults referring to earlier globals, keyword-only defaults, late-binding closures vs defaults.
def append_to(item, target=[]):
    target.append(item)
    return target
print(append_to(1), append_to(2), append_to(3, []), append_to(4))
print(append_to.__defaults__)
def safe_append(item, target=None):
    if target is None:
        target = []
    target.append(item)
    return target
print(safe_append(1), safe_append(2))
counter = 0
def next_id():
    global counter
    counter += 1
    return counter
def make(label, ident=next_id()):
    return label, ident
print(make("a"), make("b"), counter)
def kw_only(*, verbose=False, level=1):
    return verbose, level
print(kw_only.__kwdefaults__, kw_only(), kw_only(level=3))
kw_only.__kwdefaults__["level"] = 99
print(kw_only())
def f(a, b=2, c=3):
    return a, b, c
f.__defaults__ = (20, 30)
print(f(1), f(1, 2))
f.__defaults__ = None
try:
    f(1)
except TypeError as e:
    print("TypeError", e)
X = 10
def uses_global(v=X):
    return v
X = 20
print(uses_global(), X)
def cache_default(n, _cache={}):
    if n not in _cache:
        _cache[n] = n * n
        print("computed", n)
    return _cache[n]
print(cache_default(3), cache_default(3), cache_default(4), sorted(cache_default.__defaults__[0].items()))
def dict_default(d={}):
    d.setdefault("count", 0)
    d["count"] += 1
    return d["count"]
print(dict_default(), dict_default(), dict_default({}))
def evaluation_order():
    log = []
    def mk(tag):
        log.append(tag)
        return tag
    def g(a=mk("a-default"), *, b=mk("b-default")):
        return a, b
    log.append("after def")
    g(); g()
    return log
print(evaluation_order())
fns = []
for i in range(3):
    fns.append(lambda x, i=i: x + i)
print([fn(10) for fn in fns])
class Config:
    def __init__(self, options={}):
        self.options = options
c1, c2 = Config(), Config()
c1.options["debug"] = True
print(c2.options, c1.options is c2.options)
import inspect
def sig(a, b=[], *, c={}): pass
print(inspect.signature(sig), sig.__defaults__, sig.__kwdefaults__)
lam = lambda x, y=5, *, z=6: (x, y, z)
print(lam(1), lam.__defaults__, lam.__kwdefaults__)
try:
    f.__defaults__ = [1]
except TypeError as e:
    print("TypeError", e)
