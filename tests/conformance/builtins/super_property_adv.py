# Pins: super() edge cases: cooperative multiple inheritance with kwargs, super in classmethods/staticmethod errors, super attribute lookup, and property inheritance overrides.
class Base:
    def __init__(self, **kw):
        print("Base", sorted(kw))
        super().__init__()
class A(Base):
    def __init__(self, a=None, **kw):
        print("A", a)
        super().__init__(**kw)
class B(Base):
    def __init__(self, b=None, **kw):
        print("B", b)
        super().__init__(**kw)
class C(A, B):
    def __init__(self, **kw):
        print("C")
        super().__init__(**kw)
C(a=1, b=2, extra=3)
print([k.__name__ for k in C.__mro__])
class P:
    @property
    def v(self):
        return "P.v"
    def m(self):
        return "P.m"
    x = "P.x"
class Q(P):
    @property
    def v(self):
        return "Q.v + " + super().v
    def m(self):
        return "Q.m + " + super().m()
    x = "Q.x"
    def get_x(self):
        return super().x
q = Q()
print(q.v, q.m(), q.get_x(), super(Q, q).x, super(Q, Q).m(q))
try:
    super(Q, q).nothing
except AttributeError as e:
    print("AttributeError:", e)
try:
    super(int, "x")
except TypeError as e:
    print("TypeError:", e)
s = super(Q, q)
print(s.__thisclass__.__name__, s.__self__ is q, s.__self_class__.__name__)
class S:
    @staticmethod
    def st():
        try:
            return super().x
        except RuntimeError as e:
            return f"RuntimeError: {e}"
    @classmethod
    def cm(cls):
        return super().__name__ if False else super().__init_subclass__.__name__
print(S.st(), S.cm())
class Setter(P):
    @P.v.setter
    def v(self, value):
        self._v = value
st = Setter()
st.v = 5
print(st.v, st._v)
class T(P):
    def v(self):
        return "method overrides property"
print(T().v())
class NoArgSuperInLambda:
    f = lambda self: super()
try:
    NoArgSuperInLambda().f()
except RuntimeError as e:
    print("RuntimeError:", e)
def make():
    class Local(P):
        def m(self):
            return ["local"] + [super().m()]
    return Local
print(make()().m())
class D(dict):
    def __setitem__(self, k, v):
        super().__setitem__(k, v * 2)
    def __getitem__(self, k):
        return super().__getitem__(k) + 1
dd = D()
dd["a"] = 5
print(dd["a"], dict.__getitem__(dd, "a"), dd)
class L(list):
    def append(self, x):
        super().append(x)
        super().append(x)
ll = L()
ll.append(1)
print(ll, len(ll), type(ll).__name__)
