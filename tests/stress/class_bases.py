"""Class hierarchies changing under readers.

One thread flips `C.__bases__` between (A,) and (B,) while the others
check `isinstance`/`issubclass` against A and B, read an attribute each
base defines, and call `C.mro()`. Every read must see one of the two
hierarchies whole: an instance of C is an instance of exactly one of A
and B, `C.__mro__` is one of the two MROs, and the inherited attribute
comes from a base in it. (The MRO is read without a lock; the old one is
freed through QSBR once every thread has passed its eval breaker.)
"""

from _stress import THREADS, check, finish, iters, run_threads

N = iters(20000)


class Root:
    pass


class A(Root):
    which = "A"


class B(Root):
    which = "B"


class C(A):
    pass


MRO_A = (C, A, Root, object)
MRO_B = (C, B, Root, object)
obj = C()


def worker(t):
    if t == 0:
        for i in range(N):
            C.__bases__ = (B,) if i % 2 == 0 else (A,)
        return
    for _ in range(N):
        a = isinstance(obj, A)
        b = isinstance(obj, B)
        check(isinstance(obj, Root), "an instance of C stopped being a Root")
        check(issubclass(C, Root), "C stopped being a subclass of Root")
        mro = C.__mro__
        check(mro in (MRO_A, MRO_B), lambda: f"torn MRO {mro}")
        check(obj.which in ("A", "B"), "inherited attribute missing")
        check(C.mro() in ([*MRO_A], [*MRO_B]), "torn mro()")
        if a and b:
            # Two reads at different times may see different hierarchies,
            # but one MRO never holds both bases.
            check(not (A in mro and B in mro), "one MRO holds both bases")


run_threads(worker, THREADS)
check(C.__mro__ in (MRO_A, MRO_B), "final MRO torn")
finish()
