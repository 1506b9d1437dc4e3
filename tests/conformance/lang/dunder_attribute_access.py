# Pins: __getattribute__ vs __getattr__ precedence, __setattr__/__delattr__ interception with object.__setattr__, data vs non-data descriptor priority over instance dict, __slots__ + __getattr__, AttributeError suggestions-free messages.
log = []
class Traced:
    cls_val = "class"
    def __init__(self):
        object.__setattr__(self, "real", 1)
    def __getattribute__(self, name):
        if not name.startswith("__"):
            log.append(f"get {name}")
        return object.__getattribute__(self, name)
    def __getattr__(self, name):
        log.append(f"fallback {name}")
        if name == "virtual":
            return "v"
        raise AttributeError(name)
    def __setattr__(self, name, value):
        log.append(f"set {name}={value!r}")
        object.__setattr__(self, name, value)
    def __delattr__(self, name):
        log.append(f"del {name}")
        object.__delattr__(self, name)
t = Traced()
print(t.real, t.cls_val, t.virtual)
t.x = 5
del t.x
try:
    t.nothing
except AttributeError as e:
    print("AttributeError", e)
print(log); log.clear()
print(getattr(t, "virtual"), hasattr(t, "zzz"), log); log.clear()
class NonData:
    def __get__(self, obj, typ=None): return "from non-data descriptor"
class Data:
    def __get__(self, obj, typ=None): return "from data descriptor"
    def __set__(self, obj, value): obj.__dict__["d_store"] = value
class Host:
    nd = NonData()
    d = Data()
h = Host()
print(h.nd, h.d)
h.__dict__["nd"] = "instance dict wins over non-data"
h.__dict__["d"] = "instance dict loses to data"
print(h.nd, h.d)
h.d = 42
print(h.__dict__["d_store"], Host.nd, Host.d)
class Frozen:
    __slots__ = ("a",)
    def __init__(self): self.a = 1
    def __setattr__(self, name, value):
        if hasattr(self, name):
            raise AttributeError(f"{name} is read-only")
        super().__setattr__(name, value)
fz = Frozen()
try:
    fz.a = 2
except AttributeError as e:
    print("AttributeError", e)
try:
    fz.b = 2
except AttributeError as e:
    print("AttributeError", e)
class Proxy:
    def __init__(self, target): object.__setattr__(self, "_t", target)
    def __getattr__(self, name): return getattr(self._t, name)
    def __setattr__(self, name, value): setattr(self._t, name, value)
class Target: pass
tg = Target()
p = Proxy(tg)
p.color = "red"
print(tg.color, p.color, "color" in vars(p), vars(tg))
class Recursing:
    def __getattr__(self, name):
        return self.missing_too if name == "first" else (_ for _ in ()).throw(AttributeError(name))
try:
    Recursing().first
except AttributeError as e:
    print("AttributeError", e)
class Lazy:
    def __getattr__(self, name):
        value = name.upper()
        setattr(self, name, value)
        return value
lz = Lazy()
print(lz.abc, lz.__dict__, lz.abc)
class PropErr:
    @property
    def p(self):
        raise AttributeError("inner missing")
    def __getattr__(self, name):
        return f"getattr fallback for {name}"
print(PropErr().p)
print(type(t).__getattribute__ is Traced.__getattribute__, object.__getattribute__(t, "real"))
