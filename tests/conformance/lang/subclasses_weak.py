# __subclasses__ holds its subclasses weakly: a class nothing else refers to
# is collected, and the list shows only live subclasses, in creation order.
import gc
import weakref


class A:
    pass


class B(A):
    pass


class C(A):
    pass


print([c.__name__ for c in A.__subclasses__()])
del B
gc.collect()
print("after del B:", [c.__name__ for c in A.__subclasses__()])


def make():
    class D(A):
        def m(self):
            return super().__class__  # a __class__ cell: class -> function -> cell -> class
    return weakref.ref(D)


r = make()
gc.collect()
print("D collected:", r() is None, [c.__name__ for c in A.__subclasses__()])

# Many classes made and dropped: the list does not grow.
for i in range(2000):
    class Tmp(A):
        x = i
del Tmp
gc.collect()
print("after loop:", [c.__name__ for c in A.__subclasses__()])

# __bases__ assignment moves the entry between the bases' lists.
class P:
    pass


class Q:
    pass


class R(P):
    pass


R.__bases__ = (Q,)
print([c.__name__ for c in P.__subclasses__()], [c.__name__ for c in Q.__subclasses__()])
R.__bases__ = (P, Q)
print([c.__name__ for c in P.__subclasses__()], [c.__name__ for c in Q.__subclasses__()])
print(R.__mro__ == (R, P, Q, object))

# Builtin types list their builtin subclasses too.
print(bool in int.__subclasses__(), ExceptionGroup in Exception.__subclasses__())

# A subclass kept alive by an instance stays listed.
def instance_only():
    class K(A):
        pass
    return K()


k = instance_only()
gc.collect()
print("K listed while an instance lives:", [c.__name__ for c in A.__subclasses__()])
del k
gc.collect()
print("after the instance:", [c.__name__ for c in A.__subclasses__()])
