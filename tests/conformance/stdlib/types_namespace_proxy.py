# Pins: types module: SimpleNamespace (repr, eq, kwargs, mapping init), MappingProxyType read-only view, new_class/prepare_class, FunctionType/MethodType binding, GeneratorType/CoroutineType checks, DynamicClassAttribute, coroutine decorator, get_original_bases.
import types
ns = types.SimpleNamespace(a=1, b="two")
ns.c = [3]
print(ns, ns == types.SimpleNamespace(a=1, b="two", c=[3]), ns.a, vars(ns), types.SimpleNamespace({"x": 1}, y=2))
del ns.a
print(ns, hasattr(ns, "a"))
try:
    ns.missing
except AttributeError as e:
    print("AttributeError", e)
d = {"k": 1}
mp = types.MappingProxyType(d)
print(mp, mp["k"], len(mp), list(mp.items()), "k" in mp, mp.get("z", 0), mp | {"z": 2})
d["k2"] = 2
print(dict(mp))
try:
    mp["new"] = 1
except TypeError as e:
    print("TypeError", e)
try:
    del mp["k"]
except TypeError as e:
    print("TypeError", e)
print(type(int.__dict__).__name__, types.MappingProxyType is type(int.__dict__))
def body(ns):
    ns["greet"] = lambda self: f"hi from {type(self).__name__}"
    ns["x"] = 10
Dyn = types.new_class("Dyn", (object,), {}, body)
print(Dyn().greet(), Dyn.x, Dyn.__name__)
meta, nsp, kw = types.prepare_class("P", (), {"metaclass": type})
print(meta, dict(nsp), kw)
def f(self, y): return (self, y)
class K: pass
k = K()
m = types.MethodType(f, k)
print(m(5)[1], m.__self__ is k, m.__func__ is f, type(m).__name__)
code = compile("def g(a, b=2): return a * b", "<dyn>", "exec")
g_ns = {}
exec(code, g_ns)
g = g_ns["g"]
g2 = types.FunctionType(g.__code__, {"__builtins__": __builtins__}, "g2", (10,))
print(g2(3), g2(3, 4), g2.__defaults__, g2.__name__, type(g2) is types.FunctionType)
def gen(): yield 1
async def co(): pass
c = co()
print(isinstance(gen(), types.GeneratorType), isinstance(c, types.CoroutineType), isinstance(len, types.BuiltinFunctionType), isinstance(K.__init__, types.WrapperDescriptorType), isinstance("".join, types.BuiltinMethodType))
c.close()
print(isinstance(types, types.ModuleType), types.ModuleType("mymod", "doc").__doc__, repr(types.ModuleType("mm")), types.NoneType, types.EllipsisType, types.NotImplementedType)
mod = types.ModuleType("built")
exec("VALUE = 41 + 1", mod.__dict__)
print(mod.VALUE, mod.__name__)
print(types.GenericAlias(list, (int,)), types.UnionType, type(int | str) is types.UnionType, isinstance(None, types.NoneType))
print(types.get_original_bases(types.new_class("Q", (list,))) if hasattr(types, "get_original_bases") else "")
@types.coroutine
def old_style():
    yield
print(type(old_style()).__name__)
class Sample:
    @types.DynamicClassAttribute
    def val(self):
        return "instance-level"
print(Sample().val)
try:
    Sample.val
except AttributeError as e:
    print("AttributeError")
print(types.resolve_bases((int, types.SimpleNamespace)), types.FrameType.__name__, types.TracebackType.__name__, types.CellType.__name__)
def outer():
    x = 1
    def inner(): return x
    return inner
cell = outer().__closure__[0]
print(type(cell) is types.CellType, cell.cell_contents, types.CellType(5).cell_contents)
