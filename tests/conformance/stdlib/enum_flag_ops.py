# Pins: enum.Flag/IntFlag: bitwise ops, iteration over members of a combined value, pseudo-members repr/str, ~ inversion within boundary, 0 value, containment, KEEP/STRICT/CONFORM boundaries, aliases.
import enum
class Perm(enum.Flag):
    R = 4
    W = 2
    X = 1
    RWX = 7
rw = Perm.R | Perm.W
print(rw, repr(rw), rw.value, list(rw), Perm.R in rw, Perm.X in rw, bool(Perm(0)), repr(Perm(0)))
print(~Perm.R, ~rw, ~Perm.RWX, Perm.RWX & ~Perm.W, Perm(6), Perm(7) is Perm.RWX, rw ^ Perm.RWX)
print(list(Perm), [m.name for m in Perm.RWX], len(Perm.RWX), len(Perm(0)), Perm.R.name, rw.name)
try:
    Perm(8)
except ValueError as e:
    print("ValueError", e)
class Color(enum.IntFlag):
    RED = 1
    GREEN = 2
    BLUE = 4
c = Color.RED | Color.BLUE
print(c, repr(c), c + 1, c == 5, isinstance(c, int), Color(8) if True else None, repr(Color(9)), Color.RED | 8)
print(format(Color.GREEN, "d"), f"{Color.GREEN}", str(Color.GREEN), Color.GREEN & 3, ~Color.RED)
class Strict(enum.Flag, boundary=enum.STRICT):
    A = 1
    B = 2
try:
    Strict(4)
except ValueError as e:
    print("ValueError", e)
class Conform(enum.Flag, boundary=enum.CONFORM):
    A = 1
    B = 2
print(Conform(7), repr(Conform(4)))
class Keep(enum.Flag, boundary=enum.KEEP):
    A = 1
    B = 2
print(Keep(5), repr(Keep(5)), Keep(5).value)
class Auto(enum.Flag):
    ONE = enum.auto()
    TWO = enum.auto()
    FOUR = enum.auto()
print([(m.name, m.value) for m in Auto], Auto.ONE | Auto.FOUR, (Auto.ONE | Auto.TWO).value)
class Mixed(enum.Flag):
    A = 1
    B = 2
    AB = 3
    C = 8
print(list(Mixed), Mixed.AB in Mixed(11), list(Mixed(11)), Mixed.__members__.keys() if False else sorted(Mixed.__members__))
print(enum.Flag._numeric_repr_ if False else "", Perm.R < Perm.W if False else "no ordering for Flag")
try:
    Perm.R < Perm.W
except TypeError as e:
    print("TypeError", e)
print(Color.RED < Color.BLUE, sorted([Color.BLUE, Color.RED]), Color.RED in Color, 3 in Color if True else None)
print(enum.show_flag_values(13) if hasattr(enum, "show_flag_values") else "", hash(Perm.R) == hash(Perm.R))
x = Perm(0)
for p in (Perm.R, Perm.X):
    x |= p
print(x, x.value)
