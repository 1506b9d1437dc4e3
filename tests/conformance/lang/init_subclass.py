# Pins: __init_subclass__, __set_name__ ordering, __class_getitem__ and __mro_entries__.
class Plugin:
    registry = {}
    def __init_subclass__(cls, /, name=None, **kw):
        super().__init_subclass__(**kw)
        cls.plugin_name = name or cls.__name__.lower()
        Plugin.registry[cls.plugin_name] = cls
        print("registered", cls.plugin_name)

class Json(Plugin, name="json"):
    pass

class Yaml(Plugin):
    pass

class SubJson(Json):
    pass

print(sorted(Plugin.registry), SubJson.plugin_name)
try:
    class Bad(Plugin, unknown=1):
        pass
except TypeError as e:
    print("TypeError:", e)

class Field:
    def __set_name__(self, owner, name):
        print("set_name", owner.__name__, name)
        self.name = name

class Tracked:
    def __init_subclass__(cls):
        print("init_subclass", cls.__name__, hasattr(cls, "f"))

class Model(Tracked):
    f = Field()
    g = Field()

class Box:
    def __class_getitem__(cls, item):
        return f"{cls.__name__}[{item!r}]"

print(Box[int], Box["x"], Box[1, 2])

class Fake:
    def __mro_entries__(self, bases):
        print("mro_entries", len(bases))
        return (Box,)

class Real(Fake()):
    pass
print(Real.__bases__, Real.__orig_bases__[0].__class__.__name__)
print(list[int], dict[str, list[int]], type(list[int]).__name__)
print(list[int].__origin__, list[int].__args__)
print(tuple[int, ...], type[int])
try:
    int[str]
except TypeError as e:
    print("TypeError:", e)

class Parent:
    def __init_subclass__(cls, **kwargs):
        cls.depth = getattr(cls, "depth", -1) + 1

class L1(Parent): pass
class L2(L1): pass
print(L1.depth, L2.depth)
print(object.__init_subclass__() is None)
