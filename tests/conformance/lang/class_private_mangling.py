# Pins: private name mangling (__x -> _Class__x) in methods, class attrs, nested functions, getattr strings not mangled, leading underscores stripped class names, dunder names exempt, inheritance isolation.
class Account:
    __count = 0
    def __init__(self, owner):
        self.__owner = owner
        Account.__count += 1
    def owner(self):
        return self.__owner
    @classmethod
    def count(cls):
        return cls.__count
    def __secret(self):
        return "secret of " + self.__owner
    def reveal(self):
        return self.__secret()
    def __dunder__(self):
        return "dunder not mangled"
a = Account("ann")
print(a.owner(), a.reveal(), Account.count(), a._Account__owner, a._Account__secret(), a.__dunder__())
try:
    a.__owner
except AttributeError as e:
    print("AttributeError", e)
print(sorted(k for k in vars(a)), sorted(k for k in vars(Account) if "count" in k or "secret" in k))
print(getattr(a, "_Account__owner"), hasattr(a, "__owner"))
class Savings(Account):
    def __init__(self, owner):
        super().__init__(owner)
        self.__owner = "child-" + owner
    def both(self):
        return self.__owner, self._Account__owner
s = Savings("bob")
print(s.both(), s.owner(), sorted(vars(s)))
class _Under:
    def __init__(self):
        self.__v = 1
print(vars(_Under()))
class __Dunder:
    def __init__(self):
        self.__v = 2
print(vars(__Dunder()) if False else vars(globals()["__Dunder"]()))
class Outer:
    __hidden = "outer"
    def get(self):
        def inner():
            return self.__hidden
        return inner()
    def via_lambda(self):
        return (lambda: self.__hidden)()
    def via_comp(self):
        return [self.__hidden for _ in range(1)]
print(Outer().get(), Outer().via_lambda(), Outer().via_comp())
class Tricky:
    def __init__(self):
        self.__dict__["__raw"] = "raw"
        setattr(self, "__via_setattr", "set")
        self.__x = "mangled"
    def show(self):
        return sorted(vars(self))
print(Tricky().show())
class K:
    __slots__ = ("__s",)
    def __init__(self): self.__s = 1
    def get(self): return self.__s
print(K().get(), K.__slots__, [n for n in dir(K) if "s" in n and n.startswith("_K")])
class Mang:
    def m(self, __arg=1):
        return __arg
    import os as __os
print(Mang().m(), Mang.__dict__.get("_Mang__os").__name__, sorted(Mang.m.__code__.co_varnames))
def outside():
    class Local:
        __v = 9
        def g(self): return self.__v
    return Local().g()
print(outside())
