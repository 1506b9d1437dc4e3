class Proxy:
    def __init__(self, target): object.__setattr__(self, "_t", target)
    def __getattr__(self, name):
        return getattr(self._t, name)
    def __setattr__(self, name, value):
        setattr(self._t, name, value)
    def __delattr__(self, name):
        print("del", name)
class T: pass
t = T(); p = Proxy(t); p.x = 5
print(p.x, t.x, hasattr(p, "nope")); del p.x
class Lazy:
    def __getattribute__(self, name):
        if name == "magic": return 42
        return object.__getattribute__(self, name)
print(Lazy().magic)
try:
    Lazy().missing
except AttributeError as e:
    print("AttributeError", e)
