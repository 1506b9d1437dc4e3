# Pins: function, method, code and frame object attributes: __name__/__qualname__/__defaults__/__dict__, co_* fields, f_* fields and sys._getframe.
import sys
def sample(a, b=2, *args, c, d=4, **kw):
    """Sample doc."""
    local = a + b
    return local
print(sample.__name__, sample.__qualname__, sample.__doc__, sample.__module__, sample.__defaults__, sample.__kwdefaults__)
print(sample.__code__.co_name, sample.__code__.co_argcount, sample.__code__.co_kwonlyargcount, sample.__code__.co_posonlyargcount)
print(sample.__code__.co_varnames, sample.__code__.co_nlocals, sample.__code__.co_filename.endswith("function_attrs.py"))
print(sample.__code__.co_firstlineno, sample.__code__.co_qualname, bool(sample.__code__.co_flags & 0x04), bool(sample.__code__.co_flags & 0x08))
print(type(sample.__code__.co_code).__name__, type(sample.__code__.co_consts).__name__, sample.__globals__ is globals())
sample.custom = "attr"
print(sample.__dict__, sample.custom)
sample.__name__ = "renamed"
print(sample.__name__, sample.__qualname__)
try:
    sample.__name__ = 5
except TypeError as e:
    print("TypeError:", e)
sample.__defaults__ = (20,)
print(sample(1, c=0))
print(sample.__closure__, sample.__type_params__, sample.__builtins__ is __builtins__.__dict__ if hasattr(__builtins__, "__dict__") else True)
def gen():
    yield
print(bool(gen.__code__.co_flags & 0x20), bool(sample.__code__.co_flags & 0x20))
class K:
    def meth(self):
        return sys._getframe()
k = K()
bm = k.meth
print(bm.__name__, bm.__qualname__, bm.__self__ is k, bm.__func__ is K.meth, bm.__doc__, type(bm).__name__)
print(bm == k.meth, bm is k.meth, K.meth.__get__(k) == bm)
fr = k.meth()
print(type(fr).__name__, fr.f_code.co_name, fr.f_lineno, fr.f_back.f_code.co_name, "self" in fr.f_locals, fr.f_globals is globals())
def where():
    f = sys._getframe()
    return f.f_lineno, f.f_back.f_lineno, sys._getframe(1).f_code.co_name
print(where())
def outer():
    x = 10
    def inner():
        return x
    return inner
inn = outer()
print(inn.__code__.co_freevars, outer.__code__.co_cellvars, inn.__closure__[0].cell_contents)
print(len.__name__, len.__qualname__, len.__module__, len.__self__.__name__, type(len).__name__, len.__doc__.splitlines()[0])
print([].append.__name__, type([].append).__name__, [].append.__self__, str.upper.__qualname__, type(str.upper).__name__)
print(sample.__code__.replace(co_name="other").co_name, (lambda: 0).__code__.co_name)
print(list(sample.__code__.co_lines())[0][2] is not None, sample.__code__.co_positions is not None)
def annotated(x: int) -> str: ...
print(annotated.__annotations__, annotated.__code__.co_consts[:1])
print(callable(sample.__call__), sample.__get__(None, K) is sample)
import types
print(isinstance(sample, types.FunctionType), isinstance(len, types.BuiltinFunctionType), isinstance(bm, types.MethodType))
f2 = types.FunctionType(annotated.__code__, {}, "made")
print(f2.__name__, f2(1))
