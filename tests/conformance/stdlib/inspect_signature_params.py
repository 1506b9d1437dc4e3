# Pins: inspect.signature: parameter kinds/defaults/annotations, str(signature), bind/bind_partial errors, BoundArguments.apply_defaults, Signature.replace, signatures of builtins/classes/partials/methods, Parameter.empty.
import inspect, functools
def f(a, b: int = 2, /, c=3, *args, d, e: str = "e", **kw) -> bool: ...
sig = inspect.signature(f)
print(sig)
for name, p in sig.parameters.items():
    print(name, p.kind.name, p.default if p.default is not p.empty else "-", p.annotation if p.annotation is not p.empty else "-", p.kind.description)
print(sig.return_annotation, sig.parameters["d"].default is inspect.Parameter.empty)
ba = sig.bind(1, 2, 3, 4, 5, d=6, z=7)
print(ba.arguments, ba.args, ba.kwargs)
ba2 = sig.bind(1, d=0)
ba2.apply_defaults()
print(ba2.arguments)
for args, kwargs in [((), {}), ((1,), {}), ((1,), {"d": 1, "a": 2}), ((1,), {"b": 2, "d": 1})]:
    try:
        sig.bind(*args, **kwargs)
    except TypeError as e:
        print("TypeError", e)
print(inspect.signature(f).bind_partial(1).arguments)
def g(x, y=1): return x + y
print(inspect.signature(functools.partial(g, y=5)), inspect.signature(functools.partial(g, 1)))
class C:
    def __init__(self, a, b=None): pass
    def method(self, x, *, flag=False): pass
    @classmethod
    def cm(cls, z): pass
    @staticmethod
    def sm(w=0): pass
print(inspect.signature(C), inspect.signature(C.method), inspect.signature(C(1).method), inspect.signature(C.cm), inspect.signature(C.sm))
print(inspect.signature(len), inspect.signature(divmod), inspect.signature(sorted))
try:
    inspect.signature(42)
except TypeError as e:
    print("TypeError", e)
s2 = sig.replace(return_annotation=inspect.Signature.empty, parameters=[inspect.Parameter("only", inspect.Parameter.POSITIONAL_OR_KEYWORD, default=0)])
print(s2, s2 == inspect.signature(lambda only=0: None))
try:
    inspect.Signature([inspect.Parameter("a", inspect.Parameter.KEYWORD_ONLY), inspect.Parameter("b", inspect.Parameter.POSITIONAL_ONLY)])
except ValueError as e:
    print("ValueError", e)
try:
    inspect.Parameter("1bad", inspect.Parameter.POSITIONAL_ONLY)
except ValueError as e:
    print("ValueError", e)
p = inspect.Parameter("x", inspect.Parameter.KEYWORD_ONLY, default=1, annotation=int)
print(p, p.replace(default=inspect.Parameter.empty), repr(p.kind), str(p.replace(name="y", annotation=p.empty)))
def deco(fn):
    @functools.wraps(fn)
    def w(*a, **k): return fn(*a, **k)
    return w
@deco
def wrapped(p1, p2=9): pass
print(inspect.signature(wrapped), inspect.signature(wrapped, follow_wrapped=False))
print(inspect.signature(lambda *, k: k), inspect.signature(lambda: None), inspect.signature(lambda a, /: a))
print(inspect.getfullargspec(f))
print(inspect.signature(f).parameters["kw"].kind == inspect.Parameter.VAR_KEYWORD, list(inspect.signature(f).parameters)[-1])
class WithSig:
    __signature__ = inspect.Signature([inspect.Parameter("custom", inspect.Parameter.POSITIONAL_OR_KEYWORD)])
    def __call__(self, *a): pass
print(inspect.signature(WithSig()), inspect.signature(WithSig))
