# Pins: metaclasses: __new__/__init__/__call__/__prepare__, keyword arguments, inheritance of metaclass and conflicts.
class Meta(type):
    @classmethod
    def __prepare__(mcls, name, bases, **kw):
        print("prepare", name, sorted(kw))
        return {"injected": True}

    def __new__(mcls, name, bases, ns, **kw):
        print("new", name, [b.__name__ for b in bases], sorted(k for k in ns if not k.startswith("__")))
        cls = super().__new__(mcls, name, bases, ns)
        cls.kw = kw
        return cls

    def __init__(cls, name, bases, ns, **kw):
        print("init", name)
        super().__init__(name, bases, ns)

    def __call__(cls, *a, **k):
        print("call", cls.__name__, a)
        return super().__call__(*a, **k)

class Base(metaclass=Meta, flag=1):
    def method(self):
        return "m"

class Derived(Base, other=2):
    def __init__(self, v):
        self.v = v

d = Derived(5)
print(d.v, Derived.kw, Base.kw, Derived.injected, type(Derived).__name__)

class Singleton(type):
    _inst = {}
    def __call__(cls, *a):
        if cls not in cls._inst:
            cls._inst[cls] = super().__call__(*a)
        return cls._inst[cls]

class One(metaclass=Singleton):
    def __init__(self):
        print("constructing One")

print(One() is One())

class M1(type): pass
class M2(type): pass
class A(metaclass=M1): pass
class B(metaclass=M2): pass
try:
    class C(A, B): pass
except TypeError as e:
    print("TypeError:", e)

class M3(M1): pass
class E(metaclass=M3): pass
class F(A, E): pass
print(type(F).__name__)

def functional_meta(name, bases, ns):
    ns["made_by"] = "function"
    return type(name, bases, ns)

class G(metaclass=functional_meta):
    pass
print(G.made_by, type(G).__name__)

class Repr(type):
    def __repr__(cls):
        return f"<class {cls.__name__} via Repr>"
    def __len__(cls):
        return 3
    def __getitem__(cls, k):
        return f"{cls.__name__}[{k}]"

class H(metaclass=Repr): pass
print(repr(H), len(H), H[int])
print(isinstance(H, Repr), Repr.__mro__[1] is type)
X = type("X", (), {"a": 1})
print(X.a, X.__name__, type(X) is type)
try:
    type("Y", (1,), {})
except TypeError as e:
    print("TypeError:", e)
try:
    type("Z")
except TypeError as e:
    print("TypeError:", e)
print(type(3) is int, type.__call__(int, "7"))
