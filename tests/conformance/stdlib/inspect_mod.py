# Pins: inspect: signature objects and binding, getmembers filtering, isfunction/isclass/..., getsource of a local function, getdoc/cleandoc, Parameter kinds, stack frames names.
import inspect
def f(a, b: int = 2, /, c=3, *args, d, e: str = "x", **kw) -> bool:
    """First line.

        Indented detail.
    """
    return True
sig = inspect.signature(f)
print(sig)
for name, p in sig.parameters.items():
    print(name, p.kind.name, p.default is inspect.Parameter.empty, p.annotation)
print(sig.return_annotation, str(sig.replace(return_annotation=inspect.Signature.empty)))
ba = sig.bind(1, 2, d=4, z=9)
print(ba.arguments, ba.args, ba.kwargs)
ba.apply_defaults()
print(ba.arguments)
try:
    sig.bind(1)
except TypeError as e:
    print("TypeError:", e)
print(inspect.signature(lambda x, *, y=1: 0), inspect.signature(len), inspect.signature(dict.get))
class K:
    """Class doc."""
    def m(self, x):
        return x
    @classmethod
    def cm(cls):
        pass
    @staticmethod
    def sm(y):
        pass
    @property
    def p(self):
        return 1
print(inspect.signature(K.m), inspect.signature(K().m), inspect.signature(K.cm), inspect.signature(K.sm), inspect.signature(K))
print(inspect.getdoc(f), repr(inspect.cleandoc("  a\n    b\n  c")), inspect.getdoc(K))
print([n for n, _ in inspect.getmembers(K, inspect.isfunction)], [n for n, _ in inspect.getmembers(K(), inspect.ismethod)])
print(inspect.isfunction(f), inspect.isclass(K), inspect.ismethod(K().m), inspect.isbuiltin(len), inspect.isroutine(len), inspect.ismodule(inspect))
print(inspect.isgeneratorfunction(f), inspect.iscoroutinefunction(f), inspect.isabstract(K), inspect.isdatadescriptor(K.p), inspect.ismethoddescriptor(str.join))
print(inspect.getsource(f).splitlines()[0], inspect.getsourcelines(K.m)[1], inspect.getfile(f).endswith("inspect_mod.py"), inspect.getmodule(f).__name__)
def caller():
    return [fi.function for fi in inspect.stack()[:2]], inspect.currentframe().f_code.co_name
print(caller())
print(inspect.getmro(bool), inspect.unwrap(f) is f, inspect.getattr_static(K, "p").__class__.__name__)
print(inspect.getfullargspec(f))
print(inspect.Parameter("x", inspect.Parameter.KEYWORD_ONLY, default=5), inspect.Parameter.POSITIONAL_ONLY.description)
def gen():
    yield 1
g = gen()
print(inspect.getgeneratorstate(g), next(g), inspect.getgeneratorstate(g), inspect.getgeneratorlocals(g))
g.close()
print(inspect.getgeneratorstate(g), inspect.get_annotations(f))
print(inspect.formatannotation(list[int]), inspect.getcallargs(lambda a, b=1: 0, 5))
