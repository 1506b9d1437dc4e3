# Classes made in a loop whose methods were called (and so cached by the interpreter) are collected by gc.collect().
import gc
class Base:
    pass
def work(n):
    for i in range(n):
        class T(Base):
            def m(self):
                return super().__class__
            x = i
        T().m()
        T().x
work(3000)
gc.collect()
print(len(Base.__subclasses__()))
import weakref
class K:
    def meth(self):
        return 1
r = weakref.ref(K)
K().meth()
del K
gc.collect()
print(r() is None)
