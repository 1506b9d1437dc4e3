# Pins: metaclass-based plugin registry program: __new__ registering subclasses by name, __init_subclass__ alternative compared, __prepare__ with ordered namespace recording definition order, abstract-like enforcement of required attributes, __call__ override for instance caching, metaclass conflict error.
class PluginMeta(type):
    registry = {}
    def __prepare__(name, bases, **kw):
        return {"_order": []}
    def __new__(mcls, name, bases, ns, **kw):
        ns["_order"] = [k for k in ns if not k.startswith("_")]
        cls = super().__new__(mcls, name, bases, ns)
        if bases:
            for req in ("name", "run"):
                if not any(req in vars(b) for b in cls.__mro__[:-2]):
                    raise TypeError(f"plugin {name} must define {req!r}")
            mcls.registry[cls.name] = cls
        return cls
    def __call__(cls, *args, **kw):
        cache = cls.__dict__.get("_instances")
        if cache is None:
            cls._instances = cache = {}
        if args not in cache:
            cache[args] = super().__call__(*args, **kw)
        return cache[args]
class Plugin(metaclass=PluginMeta):
    def describe(self):
        return f"{type(self).__name__}({self.name})"
class Upper(Plugin):
    name = "upper"
    def run(self, s): return s.upper()
    def extra(self): pass
class Reverse(Plugin):
    name = "reverse"
    def run(self, s): return s[::-1]
class Shout(Upper):
    name = "shout"
    def run(self, s): return super().run(s) + "!"
print(sorted(PluginMeta.registry), Upper._order, Shout._order)
for nm in ["upper", "reverse", "shout"]:
    p = PluginMeta.registry[nm]()
    print(nm, p.run("Hello"), p.describe())
print(Upper() is Upper(), Upper() is Shout(), type(Upper).__name__, isinstance(Upper, PluginMeta))
try:
    class Broken(Plugin):
        name = "broken"
except TypeError as e:
    print("TypeError", e)
print("broken" in PluginMeta.registry)
class OtherMeta(type):
    pass
class Other(metaclass=OtherMeta):
    pass
try:
    class Mixed(Upper, Other):
        pass
except TypeError as e:
    print("TypeError", e)
class SimpleBase:
    plugins = []
    def __init_subclass__(cls, key=None, **kw):
        super().__init_subclass__(**kw)
        SimpleBase.plugins.append((cls.__name__, key))
class A(SimpleBase, key="a"): pass
class B(A): pass
print(SimpleBase.plugins)
try:
    class C(SimpleBase, unknown=1): pass
except TypeError as e:
    print("TypeError", e)
print(type(Plugin).__mro__, PluginMeta.__call__.__qualname__)
