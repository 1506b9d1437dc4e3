# Pins: descriptor protocol: data vs non-data precedence, __set_name__, __get__ with owner, __delete__.
class Verbose:
    def __set_name__(self, owner, name):
        print(f"set_name {owner.__name__}.{name}")
        self.name = "_" + name

    def __get__(self, obj, owner=None):
        if obj is None:
            return f"class access via {owner.__name__}"
        return getattr(obj, self.name, "unset")

    def __set__(self, obj, value):
        print(f"set {self.name}={value!r}")
        setattr(obj, self.name, value)

    def __delete__(self, obj):
        print(f"delete {self.name}")
        delattr(obj, self.name)

class NonData:
    def __get__(self, obj, owner=None):
        return "from non-data"

class Model:
    a = Verbose()
    b = Verbose()
    nd = NonData()

m = Model()
print(m.a, Model.a)
m.a = 1
print(m.a, sorted(vars(m)))
m.__dict__["a"] = "instance dict"
print(m.a)
print(m.nd)
m.__dict__["nd"] = "instance wins"
print(m.nd)
del m.a
print(m.a)

class Typed:
    def __init__(self, kind):
        self.kind = kind
    def __set_name__(self, owner, name):
        self.name = name
    def __get__(self, obj, owner):
        if obj is None:
            return self
        return obj.__dict__[self.name]
    def __set__(self, obj, value):
        if not isinstance(value, self.kind):
            raise TypeError(f"{self.name} must be {self.kind.__name__}, not {type(value).__name__}")
        obj.__dict__[self.name] = value

class Person:
    name = Typed(str)
    age = Typed(int)
    def __init__(self, name, age):
        self.name = name
        self.age = age

p = Person("Ann", 30)
print(p.name, p.age, type(Person.age).__name__)
try:
    p.age = "old"
except TypeError as e:
    print("TypeError:", e)

class Method:
    def __init__(self, f):
        self.f = f
    def __get__(self, obj, owner):
        if obj is None:
            return self
        return lambda *a: self.f(obj, *a)

class UsesMethod:
    @Method
    def hello(self, who):
        return f"hello {who} from {type(self).__name__}"

print(UsesMethod().hello("you"))

def plain(self):
    return "plain"
bound = plain.__get__(UsesMethod())
print(bound(), type(bound).__name__)
print(type(Model.__dict__["a"]).__name__)
print(classmethod(plain).__get__(None, Model)())
print(staticmethod(len).__get__(None, Model)("abc"))

class SlotLike:
    __slots__ = ("x",)
print(type(SlotLike.__dict__["x"]).__name__)
print(type(str.__dict__["upper"]).__name__, type(int.__dict__["real"]).__name__)
print(type(type.__dict__["__name__"]).__name__)
