# Pins: implicit special-method lookup goes through the type, not the instance: instance attributes named __len__/__call__/__iter__ are ignored, class-level changes take effect, and __getattr__ is not consulted.
class C:
    def __len__(self):
        return 1
c = C()
c.__len__ = lambda: 42
print(len(c), c.__len__())
C.__len__ = lambda self: 7
print(len(c))
class G:
    def __getattr__(self, name):
        print("__getattr__ asked for", name)
        if name == "__len__":
            return lambda: 5
        raise AttributeError(name)
g = G()
try:
    len(g)
except TypeError as e:
    print("TypeError:", e)
print(g.__len__())
class Callable:
    pass
obj = Callable()
obj.__call__ = lambda: "instance call"
try:
    obj()
except TypeError as e:
    print("TypeError:", e)
Callable.__call__ = lambda self: "class call"
print(obj())
class It:
    pass
it = It()
it.__iter__ = lambda: iter([1])
try:
    iter(it)
except TypeError as e:
    print("TypeError:", e)
class Add:
    def __add__(self, o):
        return "class add"
a = Add()
a.__add__ = lambda o: "instance add"
print(a + 1, a.__add__(1))
class Meta(type):
    def __len__(cls):
        return 100
class WithMeta(metaclass=Meta):
    def __len__(self):
        return 1
print(len(WithMeta), len(WithMeta()))
class Eq:
    pass
e1, e2 = Eq(), Eq()
e1.__eq__ = lambda o: True
print(e1 == e2)
class Bool:
    pass
b = Bool()
b.__bool__ = lambda: False
print(bool(b))
class Ctx:
    pass
x = Ctx()
x.__enter__ = lambda: None
x.__exit__ = lambda *a: None
try:
    with x:
        pass
except TypeError as e:
    print("TypeError:", e)
class H:
    pass
h = H()
h.__hash__ = lambda: 1
print(hash(h) == object.__hash__(h))
class Rep:
    pass
r = Rep()
r.__repr__ = lambda: "instance repr"
print(repr(r).startswith("<__main__.Rep object"), str(r) == repr(r))
class Desc:
    def __get__(self, obj, owner):
        return lambda: 3
class ViaDescriptor:
    __len__ = Desc()
print(len(ViaDescriptor()))
