# Pins: a list/str/tuple subclass that defines __mul__ or __rmul__ in Python gives up
# the base's sequence repetition, so a NotImplemented result ends in "unsupported
# operand type(s)"; without such an override the "can't multiply sequence" message stays.
class L(list):
    def __mul__(self, o):
        return NotImplemented
class R(tuple):
    def __rmul__(self, o):
        return NotImplemented
class Plain(list):
    pass
class S(str):
    pass
cases = [
    lambda: L() * L(),
    lambda: L([1]) * 2.5,
    lambda: 2.5 * R(),
    lambda: Plain([1]) * 2.5,
    lambda: S("a") * S("b"),
    lambda: [1] * 2.5,
    lambda: 2.5 * (1,),
]
for c in cases:
    try:
        print(c())
    except TypeError as e:
        print("TypeError", e)
print(L([1, 2]) * 2 if False else Plain([1, 2]) * 2, R((1,)) * 2, S("ab") * 2)
