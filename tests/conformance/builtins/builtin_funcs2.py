# Pins: builtin functions, part 2: getattr/setattr/hasattr/delattr, isinstance/issubclass, iter with sentinel, next default, hash, id identity, vars, dir, globals/locals, format, repr, type, input from stdin.
# stdin: builtin_funcs2.input.txt
class C:
    cls_attr = 1
    def __init__(self):
        self.a = 1
c = C()
print(getattr(c, "a"), getattr(c, "b", "default"), hasattr(c, "cls_attr"), hasattr(c, "zz"))
setattr(c, "b", 2)
delattr(c, "a")
print(vars(c), sorted(vars(C).keys() - {"__dict__", "__weakref__", "__doc__", "__module__", "__firstlineno__", "__static_attributes__"}))
try:
    getattr(c, "nope")
except AttributeError as e:
    print("AttributeError:", e)
try:
    getattr(c, 5)
except TypeError as e:
    print("TypeError:", e)
try:
    vars(5)
except TypeError as e:
    print("TypeError:", e)
counter = iter([1, 2, 3, 0, 5])
print(list(iter(lambda: next(counter), 0)))
it = iter([])
print(next(it, "exhausted"))
try:
    next(it)
except StopIteration as e:
    print("StopIteration", e.args)
try:
    next([1])
except TypeError as e:
    print("TypeError:", e)
print(hash(1) == hash(1.0), hash("a") == hash("a"), hash((1, "a")) == hash((1, "a")))
x = []
y = x
print(id(x) == id(y), id(x) != id([]), x is y)
print(sorted(n for n in dir(c) if not n.startswith("__")), dir(5)[:3])
def scope():
    local1 = 1
    local2 = "two"
    return sorted(locals().items())
print(scope(), "scope" in globals(), type(globals()).__name__)
print(format(3.5, ".2f"), format("s", ">3"), format(10, "b"), format(1e6, ","), format([1]), format(None))
print(repr("s"), repr(1.0), repr([None]), repr(print), repr(len), type(len).__name__)
print(type(1), type("x"), type(type), type(None), type(C), type(c))
line = input()
print("read:", line)
print("prompted:", input("a prompt> "))
rest = []
while True:
    try:
        rest.append(input())
    except EOFError:
        print("EOFError at end")
        break
print(rest)
print(isinstance(c, C), isinstance(c, (int, C)), issubclass(C, object), issubclass(bool, int))
try:
    issubclass(c, C)
except TypeError as e:
    print("TypeError:", e)
print(callable(C), callable(c), callable(C.__init__))
print(getattr([], "append").__name__, getattr(str, "upper")("x"), hasattr(type, "mro"))
