# Pins: inspect predicates and introspection: getmembers filtering, isfunction/ismethod/isclass/isgenerator*, getsource/getdoc/cleandoc/getmodule, getattr_static, getmro, currentframe/stack function names, getclosurevars, unwrap, getgeneratorstate.
import inspect, functools
class Base:
    """Base docstring.

        Indented detail.
    """
    attr = 1
    def method(self): return "m"
    @property
    def prop(self): return "p"
    @classmethod
    def cm(cls): pass
    @staticmethod
    def sm(): pass
class Child(Base):
    def method(self): return "child"
def gen(): yield 1
async def co(): pass
async def agen(): yield 1
print([n for n, _ in inspect.getmembers(Child, inspect.isfunction)], [n for n, v in inspect.getmembers(Child) if not n.startswith("__")])
print(inspect.isfunction(Base.method), inspect.ismethod(Base().method), inspect.ismethod(Base.cm), inspect.isclass(Base), inspect.isbuiltin(len), inspect.isroutine(len), inspect.ismodule(inspect))
print(inspect.isgeneratorfunction(gen), inspect.isgenerator(gen()), inspect.iscoroutinefunction(co), inspect.isasyncgenfunction(agen), inspect.isawaitable(gen()), inspect.isdatadescriptor(Base.__dict__["prop"]))
print(inspect.getdoc(Base), repr(inspect.cleandoc("  first\n    second\n      third\n")), inspect.getdoc(Child.method))
print(inspect.getsource(Child).splitlines(), inspect.getsourcelines(gen)[1], inspect.getmodule(Base).__name__, inspect.getfile(Base).endswith("inspect_introspection.py"))
print(inspect.getattr_static(Child(), "prop").__class__.__name__, inspect.getattr_static(Child, "cm").__class__.__name__, inspect.getattr_static(Child, "nope", "default"))
print([c.__name__ for c in inspect.getmro(Child)], inspect.getmodulename("pkg/mod.py"), inspect.getmodulename("x.txt"))
def outer():
    def inner():
        return [fi.function for fi in inspect.stack()[:3]]
    return inner()
print(outer(), inspect.currentframe().f_code.co_name, inspect.getframeinfo(inspect.currentframe()).function)
def where():
    f = inspect.currentframe().f_back
    return f.f_code.co_name, f.f_lineno > 0
print(where())
y = 10
def uses(x):
    z = x + y
    return len(str(z))
cv = inspect.getclosurevars(uses)
print(cv.nonlocals, cv.globals, sorted(cv.builtins), sorted(cv.unbound))
def d(fn):
    @functools.wraps(fn)
    def w(): return fn()
    return w
@d
@d
def base(): return 1
print(inspect.unwrap(base).__name__, inspect.unwrap(base) is not base, base.__wrapped__ is not inspect.unwrap(base))
g = gen()
print(inspect.getgeneratorstate(g)); next(g); print(inspect.getgeneratorstate(g)); g.close(); print(inspect.getgeneratorstate(g))
def localsgen():
    a = 1
    yield
    b = 2
    yield
lg = localsgen(); next(lg)
print(inspect.getgeneratorlocals(lg))
print(inspect.isabstract(Base), inspect.ismethoddescriptor(str.upper), inspect.isframe(inspect.currentframe()), inspect.iscode(gen.__code__), inspect.istraceback(None))
print(inspect.formatannotation(list[int]), inspect.formatannotation(int), inspect.get_annotations(lambda a: 0))
def annotated(a: int, b: "str" = "x") -> list[int]: ...
print(inspect.get_annotations(annotated), inspect.get_annotations(annotated, eval_str=True))
print(inspect.Parameter.POSITIONAL_ONLY < inspect.Parameter.KEYWORD_ONLY, inspect.CO_GENERATOR & gen.__code__.co_flags != 0)
