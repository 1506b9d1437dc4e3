# Pins: class body namespaces: evaluation order, name resolution rules, __qualname__/__module__/__firstlineno__/__static_attributes__, nested classes and comprehensions inside class bodies.
print("before class")
class Order:
    print("class body runs at definition")
    a = 1
    b = a + 1
    def method(self):
        self.x = 1
        self.y = 2
        return self
    def other(self):
        self.z = 3
    print("locals so far:", sorted(k for k in locals() if not k.startswith("__")))
print("after class")
print(Order.b, Order.__qualname__, Order.__module__, Order.__firstlineno__, sorted(Order.__static_attributes__))
x = "global"
class Scope:
    x = "class"
    y = x
    def get(self):
        return x
    z = [x for _ in range(1)]
    w = (lambda: x)()
print(Scope.y, Scope().get(), Scope.z, Scope.w)
class Outer:
    class Inner:
        class Deepest:
            def m(self):
                pass
print(Outer.Inner.Deepest.__qualname__, Outer.Inner.Deepest.m.__qualname__)
def factory(n):
    class Made:
        size = n
        def __repr__(self):
            return f"Made({self.size})"
    return Made
M1, M2 = factory(1), factory(2)
print(M1(), M2(), M1 is M2, M1.__qualname__)
class WithDoc:
    "doc string"
    __slots__ = ()
print(WithDoc.__doc__, "__dict__" in dir(WithDoc))
class Counter:
    instances = 0
    def __init__(self):
        type(self).instances += 1
class Sub(Counter):
    pass
Counter(); Sub(); Sub()
print(Counter.instances, Sub.instances)
class Dunder:
    __private = "mangled"
    def get(self):
        return self.__private
    def __not_mangled__(self):
        return "dunder"
print(Dunder().get(), Dunder._Dunder__private, hasattr(Dunder, "__private"), Dunder().__not_mangled__())
class Ann:
    count: int = 0
    name: str
print(Ann.__annotations__, "name" in Ann.__dict__)
class Meta(type):
    def __new__(m, name, bases, ns):
        print("namespace keys:", [k for k in ns if not k.startswith("__")])
        return super().__new__(m, name, bases, ns)
class Ordered(metaclass=Meta):
    zeta = 1
    alpha = 2
    def mid(self): pass
print(list(k for k in vars(Ordered) if not k.startswith("__")))
