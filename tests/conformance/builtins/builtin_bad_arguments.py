# Pins: CPython 3.14's errors for bad arguments to builtins: arity of iter/dir/globals/locals/format/dict.fromkeys/__class_getitem__ (which must never crash), hasattr's name type, zip of a non-iterable, int.from_bytes of a non-bytes object, and 3.14's "cannot use 'T' as a dict key / set element" for every dict and set lookup of an unhashable key.
d = {1: 2}
s = {1}
fs = frozenset({1})


class B:
    def __bytes__(self):
        return b"\x01\x02"


class BadHash:
    def __hash__(self):
        raise TypeError("no hash today")


class OddError(TypeError):
    pass


class OddHash:
    def __hash__(self):
        raise OddError("odd")


cases = [
    "iter()", "iter(1, 2, 3)", "dir(1, 2)", "dir(x=1)", "globals(1)", "locals(1)", "globals(x=1)",
    "format(1, 'x', 1)", "format(1, format_spec='x')", "format(255, 'x')", "hasattr(1, 2)", "hasattr(1, 'real')",
    "getattr(1, 2)", "dict.fromkeys()", "{}.fromkeys()", "dict.fromkeys(1, 2, 3)", "dict.fromkeys('ab', 0)",
    "zip(1)", "zip([], 1)", "list(zip([1], 'a'))",
    "int.from_bytes(1)", "int.from_bytes(1.5)", "int.from_bytes('a')", "int.from_bytes([1, 2])",
    "int.from_bytes(B())", "int.from_bytes([256])", "int.from_bytes([1.5])", "int.from_bytes(b'\\x01\\x00', 'little')",
    "list.__class_getitem__()", "[].__class_getitem__()", "tuple.__class_getitem__(1, 2)", "dict.__class_getitem__()",
    "set.__class_getitem__()", "frozenset.__class_getitem__()", "list.__class_getitem__(int)",
    "list.__class_getitem__(x=1)", "dict[int, str]",
    "d[[]]", "d.__setitem__([], 1)", "[] in d", "d.get([])", "d.pop([])", "d.pop([], 0)", "d.__delitem__([])",
    "d.setdefault([])", "{[]: 1}", "dict.fromkeys([[]])", "dict([([], 1)])", "d.update([([], 1)])",
    "s.add([])", "[] in s", "s.discard([])", "s.remove([])", "{[]}", "set([[]])", "frozenset([[]])", "[] in fs",
    "{1} in {frozenset({1})}", "set() in {frozenset()}", "hash([])", "{{}: 1}", "{(1, [])}",
    "{BadHash(): 1}", "{BadHash()}", "BadHash() in d", "{OddHash()}", "d.get(OddHash())", "hash(BadHash())",
]
for c in cases:
    try:
        r = eval(c)
    except Exception as e:
        print(c, "->", type(e).__name__, e)
    else:
        print(c, "=", repr(r)[:60])
