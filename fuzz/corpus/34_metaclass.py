class Meta(type):
    registry = []
    def __new__(mcs, name, bases, ns, **kw):
        cls = super().__new__(mcs, name, bases, ns)
        Meta.registry.append(name)
        cls.kw = kw
        return cls
    def __call__(cls, *a):
        inst = super().__call__(*a)
        inst.made_by_meta = True
        return inst
class Base(metaclass=Meta, flavor="x"):
    def __init_subclass__(cls, **kw):
        super().__init_subclass__()
        cls.sub = True
class Child(Base):
    pass
print(Meta.registry, Child.kw, Child().made_by_meta, getattr(Child, "sub", False), type(Base))
Dyn = type("Dyn", (object,), {"f": lambda self: 7})
print(Dyn().f(), Dyn.__name__, Dyn.__bases__)
