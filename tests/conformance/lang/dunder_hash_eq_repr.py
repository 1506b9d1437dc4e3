# Pins: __eq__/__hash__ interplay (defining __eq__ sets __hash__ None, explicit hash restore, inherited hash), dict/set usage of custom keys, __repr__/__str__/__format__ fallbacks and !r/!s conversions, __bytes__, __fspath__-free.
class Plain: pass
class EqOnly:
    def __init__(self, v): self.v = v
    def __eq__(self, o): return isinstance(o, EqOnly) and self.v == o.v
class EqHash(EqOnly):
    def __hash__(self): return hash(self.v)
class Inherit(EqHash): pass
class ReEq(EqHash):
    def __eq__(self, o): return True
print(Plain.__hash__ is object.__hash__, EqOnly.__hash__, EqHash.__hash__ is not None, Inherit.__hash__ is EqHash.__hash__, ReEq.__hash__)
try:
    {EqOnly(1)}
except TypeError as e:
    print("TypeError", e)
s = {EqHash(1), EqHash(1), EqHash(2)}
print(len(s), EqHash(2) in s, EqHash(3) in s, {EqHash(1): "a"}[EqHash(1)])
p1, p2 = Plain(), Plain()
print(p1 == p1, p1 == p2, p1 != p2, len({p1, p2, p1}))
class R:
    def __repr__(self): return "R-repr"
class S:
    def __str__(self): return "S-str"
class F:
    def __format__(self, spec): return f"F[{spec}]"
    def __repr__(self): return "F-repr"
print(str(R()), repr(R()), f"{R()}", f"{R()!s}", str(S()), repr(S()).startswith("<__main__.S object"), f"{S()!r}".startswith("<"), f"{F()}", f"{F():x>5}", f"{F()!r}", format(F(), "spec"))
try:
    format(S(), "spec")
except TypeError as e:
    print("TypeError", e)
print(format(R(), ""), "{}".format(S()), "%s %r" % (S(), R()))
class B:
    def __bytes__(self): return b"custom-bytes"
print(bytes(B()))
class BadRepr:
    def __repr__(self): return 5
try:
    repr(BadRepr())
except TypeError as e:
    print("TypeError", e)
class BadHash:
    def __hash__(self): return "x"
try:
    hash(BadHash())
except TypeError as e:
    print("TypeError", e)
class BigHash:
    def __hash__(self): return 2**100
print(hash(BigHash()) == hash(2**100), hash(-1) == -2, hash(1.0) == hash(1) == hash(True), hash((1, 2)) == hash((1, 2)))
class Key:
    def __init__(self, name, calls): self.name, self.calls = name, calls
    def __hash__(self):
        self.calls.append(f"hash {self.name}")
        return 1
    def __eq__(self, o):
        self.calls.append(f"eq {self.name}=={o.name}")
        return self.name == o.name
calls = []
d = {Key("a", calls): 1}
d[Key("b", calls)] = 2
print(d[Key("a", calls)], calls)
class NEOnly:
    def __ne__(self, o): return "custom ne"
print(NEOnly() != 1, NEOnly() == NEOnly())
class EqNotImpl:
    def __eq__(self, o): return NotImplemented
e = EqNotImpl()
print(e == e, e == EqNotImpl(), e != e)
import collections
Pt = collections.namedtuple("Pt", "x y")
print(hash(Pt(1, 2)) == hash((1, 2)), Pt(1, 2) == (1, 2), {Pt(1, 2): "nt"}[(1, 2)])
class Unhashable:
    __hash__ = None
try:
    hash(Unhashable())
except TypeError as e:
    print("TypeError", e)
print(isinstance(Unhashable(), __import__("collections.abc").abc.Hashable))
