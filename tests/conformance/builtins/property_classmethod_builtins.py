# Pins: the builtin descriptor types themselves: property/classmethod/staticmethod attributes, __isabstractmethod__ propagation, __wrapped__, __set_name__ on property subclasses, and calling descriptors directly.
import abc
class C:
    @property
    def p(self):
        "prop doc"
        return 1
    @classmethod
    def cm(cls):
        "cm doc"
        return cls.__name__
    @staticmethod
    def sm():
        "sm doc"
        return "static"
pr = C.__dict__["p"]
cm = C.__dict__["cm"]
sm = C.__dict__["sm"]
print(pr.__doc__, pr.fget.__name__, pr.fset, pr.fdel, pr.__get__(C()), pr.__get__(None, C) is pr, pr.__name__)
print(cm.__doc__, cm.__func__.__name__, cm.__get__(None, C)(), cm.__get__(C())(), cm.__wrapped__ is cm.__func__, cm.__isabstractmethod__)
print(sm.__doc__, sm.__func__(), sm.__get__(None, C)(), sm(), callable(sm), sm.__wrapped__ is sm.__func__, sm.__name__, sm.__qualname__)
class A(abc.ABC):
    @property
    @abc.abstractmethod
    def ap(self): ...
    @classmethod
    @abc.abstractmethod
    def acm(cls): ...
    @staticmethod
    @abc.abstractmethod
    def asm(): ...
print(A.__dict__["ap"].__isabstractmethod__, A.__dict__["acm"].__isabstractmethod__, A.__dict__["asm"].__isabstractmethod__, sorted(A.__abstractmethods__))
class Named(property):
    def __set_name__(self, owner, name):
        self.seen = (owner.__name__, name)
class D:
    n = Named(lambda self: "named prop")
print(D.__dict__["n"].seen, D().n, type(D.__dict__["n"]).__name__)
p2 = property(doc="explicit doc")
print(p2.__doc__, p2.fget)
try:
    p2.__get__(C())
except AttributeError as e:
    print("AttributeError:", e)
try:
    pr.__set__(C(), 1)
except AttributeError as e:
    print("AttributeError:", e)
p3 = pr.setter(lambda self, v: None)
print(p3 is not pr, p3.fget is pr.fget, p3.fset.__name__, p3.__doc__)
print(classmethod(len).__func__ is len, staticmethod(len)("abc"), classmethod.__name__, repr(classmethod).startswith("<class"))
class WithInit:
    @classmethod
    def __init_subclass__(cls, **kw):
        print("explicit classmethod __init_subclass__", cls.__name__)
class Sub(WithInit):
    pass
print(type(object.__dict__["__init_subclass__"]).__name__, type(dict.__dict__["fromkeys"]).__name__, type(str.__dict__["maketrans"]).__name__)
