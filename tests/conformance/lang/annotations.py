# Pins: PEP 649/749 lazy annotations: __annotate__, __annotations__ on functions/classes/modules, forward references and annotationlib formats.
import annotationlib

def f(a: int, b: "Undefined" = 1) -> NotYetDefined:
    pass

print(f.__annotate__ is not None, callable(f.__annotate__))
try:
    f.__annotations__
except NameError as e:
    print("NameError:", e)
class NotYetDefined:
    pass
print(f.__annotations__)
print(annotationlib.get_annotations(f, format=annotationlib.Format.STRING))

def g(x: Missing):
    pass
fr = annotationlib.get_annotations(g, format=annotationlib.Format.FORWARDREF)
print({k: (type(v).__name__, v.__forward_arg__) for k, v in fr.items()})
print(annotationlib.get_annotations(g, format=annotationlib.Format.STRING))

class C:
    x: int
    y: "str" = "v"
    z: list[Later]
class Later:
    pass
print(C.__annotations__)
print("x" in C.__dict__, C.y)

def plain():
    pass
print(plain.__annotations__, plain.__annotate__)

count: int = 0
other: str
print(__annotations__ if "__annotations__" in dir() else annotationlib.get_annotations(__import__("__main__")))
def local_annotations():
    local_var: int = 5
    unassigned: str
    return local_var
print(local_annotations())
calls = []
def side(n):
    calls.append(n)
    return int
def h(p: side(1)) -> side(2):
    pass
print(calls)
print(h.__annotations__, calls)
h.__annotations__ = {"new": str}
print(h.__annotations__)
class WithMethod:
    def m(self, v: "WithMethod") -> None:
        pass
print(WithMethod.m.__annotations__)
print(annotationlib.get_annotations(WithMethod.m, format=annotationlib.Format.VALUE))
print(f.__annotate__(annotationlib.Format.VALUE))
try:
    f.__annotate__(annotationlib.Format.STRING)
except NotImplementedError:
    print("NotImplementedError for STRING from raw __annotate__")
