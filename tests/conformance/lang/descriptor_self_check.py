# Unbound builtin method descriptors check self's class (CPython's descr_check), with CPython's messages; classmethods take a class.
import collections


def t(label, f):
    try:
        r = f()
        print(label, "->", repr(r))
    except Exception as e:
        print(label, "->", type(e).__name__ + ":", e)


class MyList(list):
    pass


class MySet(set):
    pass


class MyDict(dict):
    pass


class MyStr(str):
    pass


class MyInt(int):
    pass


# Wrong self: method descriptors say "doesn't apply".
fs = frozenset()
t("set.add(frozenset)", lambda: set.add(fs, 1))
print("frozenset unchanged:", fs, len(fs))
t("set.discard(frozenset)", lambda: set.discard(frozenset([1]), 1))
t("set.clear(frozenset)", lambda: set.clear(frozenset([1])))
t("list.append(5)", lambda: list.append(5, 1))
t("list.append(tuple)", lambda: list.append((), 1))
t("list.sort(tuple)", lambda: list.sort((3, 1)))
t("list.__getitem__(tuple)", lambda: list.__getitem__((1,), 0))
t("dict.get(list)", lambda: dict.get([], 1))
t("dict.update(set)", lambda: dict.update(set(), {}))
t("dict.__getitem__(list)", lambda: dict.__getitem__([1], 0))
t("dict.__contains__(list)", lambda: dict.__contains__([1], 1))
t("set.__contains__(list)", lambda: set.__contains__([1], 1))
t("str.upper(bytes)", lambda: str.upper(b"x"))
t("str.join(list)", lambda: str.join([], ["a"]))
t("bytes.upper(str)", lambda: bytes.upper("x"))
t("bytes.hex(bytearray)", lambda: bytes.hex(bytearray(b"a")))
t("bytearray.append(bytes)", lambda: bytearray.append(b"ab", 1))
t("int.bit_length(float)", lambda: int.bit_length(1.0))
t("float.is_integer(int)", lambda: float.is_integer(1))
t("tuple.index(list)", lambda: tuple.index([1], 1))
t("type.mro(int instance)", lambda: type.mro(5))
t("deque.append(list)", lambda: collections.deque.append([], 1))

# Slot wrappers (type slots) word it differently.
t("list.__len__(tuple)", lambda: list.__len__(()))
t("list.__repr__(5)", lambda: list.__repr__(5))
t("list.__init__(5)", lambda: list.__init__(5))
t("int.__add__(str)", lambda: int.__add__("a", 1))
t("dict.__setitem__(list)", lambda: dict.__setitem__([], 1, 2))
t("set.__iter__(list)", lambda: set.__iter__([]))
t("type.__call__(5)", lambda: type.__call__(5))

# No self at all.
t("list.append()", lambda: list.append())
t("list.append(x=1)", lambda: list.append(x=1))
t("list.__getitem__()", lambda: list.__getitem__())
t("set.add()", lambda: set.add())
t("str.upper()", lambda: str.upper())
t("list.__len__()", lambda: list.__len__())
t("int.__add__()", lambda: int.__add__())

# Right class or a subclass: accepted (bool is an int).
lst = []
list.append(lst, 1)
ml = MyList()
list.append(ml, 2)
print("appended:", lst, ml)
ms = MySet()
set.add(ms, 3)
print("set subclass:", sorted(ms))
md = MyDict()
dict.__setitem__(md, "k", 1)
print("dict subclass:", dict.get(md, "k"), dict.__getitem__(md, "k"))
print("str subclass:", str.upper(MyStr("ab")), str.__len__(MyStr("abc")))
print("int subclass:", int.bit_length(MyInt(8)), int.bit_length(True), int.__add__(True, 2))
print("object method on anything:", object.__eq__(5, 5), object.__ne__(5, 6))
print("type.mro(bool):", type.mro(bool))

# __get__ binds only to an instance; with no instance it is the descriptor.
t("list.append.__get__(5)", lambda: list.append.__get__(5))
t("list.append.__get__(5, list)", lambda: list.append.__get__(5, list))
print("__get__(None, list) is itself:", list.append.__get__(None, list) is list.append)
print("__get__(None, int) is itself:", list.append.__get__(None, int) is list.append)
t("list.append.__get__(None)", lambda: list.append.__get__(None))
t("list.append.__get__(None, None)", lambda: list.append.__get__(None, None))
t("list.__len__.__get__(5)", lambda: list.__len__.__get__(5))
b = list.append.__get__(ml)
b(7)
print("bound to subclass:", ml)

# A descriptor stored in another class applies to its own class only.
class Foreign:
    f = list.append
    __len__ = list.__len__


t("Foreign().f", lambda: Foreign().f)
t("Foreign().f(1)", lambda: Foreign().f(1))
t("len(Foreign())", lambda: len(Foreign()))


class Good(list):
    f = list.append


g = Good()
g.f(9)
print("own subclass:", g)

# The descriptor's class.
print(list.append.__objclass__, set.add.__objclass__, str.upper.__objclass__)
print(repr(list.append), repr(dict.get), repr(collections.deque.append))
print(list.append.__qualname__, collections.deque.append.__qualname__)

# Class methods take a class (or a subclass) first.
print("int.from_bytes:", int.from_bytes(b"\x01\x00", "little"), MyInt.from_bytes(b"\x02", "big"), type(MyInt.from_bytes(b"\x02", "big")).__name__)
print("float.fromhex:", float.fromhex("0x1.8p1"))
print("float.__getformat__:", float.__getformat__("double").startswith("IEEE"))
print("bytes.fromhex:", bytes.fromhex("41 42"), bytearray.fromhex("43"))
print("dict.fromkeys:", dict.fromkeys("ab", 0), type(MyDict.fromkeys("a")).__name__)
print("str.maketrans:", str.maketrans("ab", "cd"), bytes.maketrans(b"a", b"b")[97])
fk = dict.__dict__["fromkeys"]
print("classmethod_descriptor call:", fk(dict, "xy"), type(fk(MyDict, "x")).__name__)
t("fromkeys(list)", lambda: fk(list, [1]))
t("fromkeys(5)", lambda: fk(5, [1]))
t("fromkeys()", lambda: fk())
t("fromkeys.__get__(None, int)", lambda: fk.__get__(None, int))
t("fromkeys.__get__(5)", lambda: fk.__get__(5))
t("fromkeys.__get__([], None)", lambda: fk.__get__([], None))
print("fromkeys.__get__({}):", fk.__get__({})("a"))
print("fromkeys.__get__(None, MyDict):", type(fk.__get__(None, MyDict)("a")).__name__)
fb = int.__dict__["from_bytes"]
print("from_bytes descriptor call:", fb(int, b"\x05", "big"), fb(bool, b"\x01", "big"))
t("from_bytes(float)", lambda: fb(float, b"\x05", "big"))


class ForeignClassMethod:
    fk = dict.__dict__["fromkeys"]


t("ForeignClassMethod.fk", lambda: ForeignClassMethod.fk)
t("ForeignClassMethod().fk", lambda: ForeignClassMethod().fk)
