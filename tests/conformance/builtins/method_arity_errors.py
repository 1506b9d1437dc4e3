# Pins: builtin methods and slot wrappers check their argument counts and refuse keyword arguments with CPython 3.14's wording for each calling convention: "list.copy() takes no arguments (1 given)", "list.append() takes exactly one argument (0 given)", "pop expected at most 1 argument, got 2", "expected 0 arguments, got 1" / "wrapper __len__() takes no keyword arguments" for slot wrappers; a bound builtin method is named after its object's class, a method called straight off the class after the class that defines it.
class L(list):
    pass


def attempt(label, call):
    try:
        call()
    except TypeError as e:
        print(label, "->", e)
    else:
        print(label, "ok")


objs = {"list": [1], "dict": {1: 2}, "set": {1}, "frozenset": frozenset({1}), "str": "ab", "bytearray": bytearray(b"ab"),
        "tuple": (1,), "int": 5, "float": 1.5, "L": L([1])}
for tname, o in objs.items():
    for name in sorted(dir(type(o))):
        m = getattr(type(o), name)
        if type(m).__name__ != "method_descriptor":
            continue
        sig = m.__text_signature__
        if not sig or not sig.startswith("($self") or "*" in sig or not sig.endswith("/)"):
            continue
        n = sig.count(",")
        fresh = lambda: o.copy() if hasattr(o, "copy") else o
        attempt(f"{tname}.{name} x{n + 1}", lambda: getattr(fresh(), name)(*(None,) * (n + 1)))
        attempt(f"{tname}.{name} kw", lambda: getattr(fresh(), name)(zz=1))

for label, call in [
    ("[].append()", lambda: [].append()), ("L().append()", lambda: L().append()), ("[].copy(1)", lambda: [].copy(1)),
    ("list.copy([], 1)", lambda: list.copy([], 1)), ("L.copy(L(), 1)", lambda: L.copy(L(), 1)),
    ("[].insert(1)", lambda: [].insert(1)), ("[].pop(1, 2)", lambda: [].pop(1, 2)), ("[].index()", lambda: [].index()),
    ("[].__len__(1)", lambda: [].__len__(1)), ("[].__len__(x=1)", lambda: [].__len__(x=1)),
    ("list.__len__([], 1)", lambda: list.__len__([], 1)), ("L().__len__(1)", lambda: L().__len__(1)),
    ("(2).__pow__()", lambda: (2).__pow__()), ("(2).__pow__(1, 2, 3)", lambda: (2).__pow__(1, 2, 3)),
    ("(2).__pow__(3, 5)", lambda: print((2).__pow__(3, 5))), ("(1).__add__()", lambda: (1).__add__()),
    ("(1).__add__(1, 2)", lambda: (1).__add__(1, 2)), ("'a'.__lt__()", lambda: "a".__lt__()),
    ("[].__setitem__(1)", lambda: [].__setitem__(1)), ("[].__iter__(1)", lambda: [].__iter__(1)),
    ("(1).__neg__(1)", lambda: (1).__neg__(1)), ("object().__setattr__('a')", lambda: object().__setattr__("a")),
    ("object().__getattribute__()", lambda: object().__getattribute__()), ("[].__contains__()", lambda: [].__contains__()),
    ("(1).__index__(2)", lambda: (1).__index__(2)), ("(1).__hash__(2)", lambda: (1).__hash__(2)),
    ("int.__add__(1)", lambda: int.__add__(1)), ("[].__getitem__()", lambda: [].__getitem__()),
    ("(1).__bool__(x=1)", lambda: (1).__bool__(x=1)), ("[].__iadd__()", lambda: [].__iadd__()),
    ("(1).bit_length(1)", lambda: (1).bit_length(1)), ("{}.keys(1)", lambda: {}.keys(1)),
    ("object().__reduce_ex__()", lambda: object().__reduce_ex__()), ("[].__sizeof__(1)", lambda: [].__sizeof__(1)),
]:
    attempt(label, call)
print([].append.__qualname__, L().append.__qualname__, [].__len__.__qualname__, L().__len__.__qualname__)
print(dict.fromkeys.__qualname__, {}.__dir__.__qualname__, L().__dir__.__qualname__, int.from_bytes.__qualname__)
