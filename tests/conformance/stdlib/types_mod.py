# Pins: types module: SimpleNamespace, MappingProxyType, new_class/prepare_class, ModuleType, MethodType, GenericAlias, UnionType, coroutine type checks, DynamicClassAttribute.
import types
ns = types.SimpleNamespace(a=1, b="x")
ns.c = [1]
print(ns, ns.a, ns == types.SimpleNamespace(a=1, b="x", c=[1]), vars(ns), repr(types.SimpleNamespace()))
del ns.a
print(ns, "a" in vars(ns))
mp = types.MappingProxyType({"k": 1})
print(mp["k"], list(mp), mp.get("z", 0), len(mp), repr(mp), mp | {"j": 2})
try:
    mp["k"] = 2
except TypeError as e:
    print("TypeError:", e)
Dyn = types.new_class("Dyn", (dict,), {}, lambda ns: ns.update({"hello": lambda self: "hi"}))
print(Dyn.__name__, Dyn.__bases__, Dyn().hello(), types.prepare_class("P", (), {})[0].__name__)
m = types.ModuleType("mymod", "doc of mymod")
m.x = 5
print(m.__name__, m.__doc__, m.x, repr(m), isinstance(m, types.ModuleType), sorted(vars(m))[:4])
class C:
    pass
def method(self, v):
    return (type(self).__name__, v)
c = C()
bm = types.MethodType(method, c)
print(bm(3), bm.__self__ is c, bm.__func__ is method)
print(types.GenericAlias(list, (int,)), list[int] == types.GenericAlias(list, (int,)), type(int | str) is types.UnionType, (int | str).__args__)
print(types.FunctionType, types.LambdaType is types.FunctionType, types.BuiltinFunctionType, types.NoneType, types.EllipsisType, types.NotImplementedType)
def gen():
    yield
async def co():
    pass
async def agen():
    yield
cor = co()
print(isinstance(gen(), types.GeneratorType), isinstance(cor, types.CoroutineType), isinstance(agen(), types.AsyncGeneratorType))
cor.close()
print(type(len) is types.BuiltinFunctionType, type([].append) is types.BuiltinMethodType, type(str.join) is types.MethodDescriptorType,
      type(int.__add__) is types.WrapperDescriptorType, type((1).__add__) is types.MethodWrapperType, type(dict.__dict__["fromkeys"]) is types.ClassMethodDescriptorType)
print(type(types.FunctionType.__code__) is types.GetSetDescriptorType, type(types.FunctionType.__globals__) is types.MemberDescriptorType)
print(types.resolve_bases((int, list[int])), types.get_original_bases(type("Z", (), {})))
try:
    raise ValueError
except ValueError as e:
    print(isinstance(e.__traceback__, types.TracebackType), isinstance(e.__traceback__.tb_frame, types.FrameType))
print(isinstance(gen.__code__, types.CodeType), types.CellType.__name__, types.CapsuleType.__name__)
class WithDCA:
    @types.DynamicClassAttribute
    def prop(self):
        return "instance value"
print(WithDCA().prop)
