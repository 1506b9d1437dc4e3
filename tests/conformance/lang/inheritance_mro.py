# Pins: inheritance, C3 MRO, super() in various forms, and MRO conflicts.
class A:
    def who(self):
        return ["A"]

class B(A):
    def who(self):
        return ["B"] + super().who()

class C(A):
    def who(self):
        return ["C"] + super().who()

class D(B, C):
    def who(self):
        return ["D"] + super().who()

print(D().who())
print([k.__name__ for k in D.__mro__])
print([k.__name__ for k in D.mro()])
print(issubclass(D, A), issubclass(A, D), issubclass(D, (int, C)))
print(D.__bases__ == (B, C))

class O: pass
class X(O): pass
class Y(O): pass
class Z(O): pass
class K1(X, Y): pass
class K2(Y, Z): pass
class K3(K1, K2, Z): pass
print([k.__name__ for k in K3.__mro__])

try:
    class Bad(A, B):
        pass
except TypeError as e:
    print("TypeError:", e)

try:
    class Dup(A, A):
        pass
except TypeError as e:
    print("TypeError:", e)

class Base:
    def __init__(self, v):
        self.v = v
        print("Base.__init__", v)

class Child(Base):
    def __init__(self, v):
        print("Child.__init__")
        super().__init__(v * 2)

print(Child(5).v)

class Explicit(B):
    def who(self):
        return ["E"] + super(B, self).who()

print(Explicit().who())

class Cls:
    @classmethod
    def make(cls):
        return cls.__name__

class Sub(Cls):
    @classmethod
    def make(cls):
        return "sub:" + super().make()

print(Sub.make(), Sub().make())

s = super(D, D())
print(type(s).__name__, s.who())

def outside(self):
    return super().who()

try:
    class Broken(A):
        who2 = outside
    Broken().who2()
except RuntimeError as e:
    print("RuntimeError:", e)

class Meta(type):
    pass
class WithMeta(metaclass=Meta):
    pass
print(type(WithMeta).__name__, isinstance(WithMeta, type))
print(object.__bases__, type.__bases__, bool.__mro__)
class Attr(A):
    x = 1
class Attr2(Attr):
    pass
print(Attr2.x, "x" in Attr2.__dict__, Attr2.__base__.__name__)
print([k.__name__ for k in A.__subclasses__()])
