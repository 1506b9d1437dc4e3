class A:
    def __init__(self): self.v = "A"
    def who(self): return "A"
class B(A):
    def who(self): return "B" + super().who()
class C(A):
    def who(self): return "C" + super().who()
class D(B, C):
    def who(self): return "D" + super().who()
print(D().who(), [k.__name__ for k in D.__mro__])
try:
    class Bad(A, D): pass
except TypeError as e:
    print("MRO error")
class Empty: pass
e = Empty(); e.__dict__["x"] = 1; print(e.x, Empty.__qualname__, Empty.__module__)
class WithClassGetItem:
    def __class_getitem__(cls, item): return f"{cls.__name__}[{item}]"
print(WithClassGetItem[int])
class Ops:
    def __eq__(self, o): return NotImplemented
print(Ops() == Ops(), Ops() != 1)
