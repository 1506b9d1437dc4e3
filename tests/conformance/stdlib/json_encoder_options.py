# Pins: json.dumps options (indent int/str, separators, sort_keys, ensure_ascii, allow_nan, skipkeys, default), key coercion, float repr, JSONEncoder subclass and iterencode.
import json, math
data = {"b": [1, 2.5, None, True, False], "a": {"nested": "ü✓"}, "c": []}
print(json.dumps(data))
print(json.dumps(data, sort_keys=True, indent=2))
print(json.dumps(data, indent="\t", ensure_ascii=False))
print(json.dumps(data, separators=(",", ":")), json.dumps([1, [2, {}]], indent=0))
print(json.dumps({1: "int", 2.5: "float", True: "bool", None: "none"}))
try:
    json.dumps({(1, 2): "tuple"})
except TypeError as e:
    print("TypeError", e)
print(json.dumps({(1, 2): "tuple", "ok": 1}, skipkeys=True))
print(json.dumps([math.inf, -math.inf, math.nan]))
try:
    json.dumps([math.nan], allow_nan=False)
except ValueError as e:
    print("ValueError", e)
print(json.dumps([0.1, 1e16, 1e-7, 3.0, -0.0, 10**20, 1.5e300]))
print(json.dumps("quote\" backslash\\ nl\n tab\t ctrl\x01 uni\u2028 é 😀"), json.dumps("😀", ensure_ascii=False))
try:
    json.dumps({"s": {1, 2}})
except TypeError as e:
    print("TypeError", e)
print(json.dumps({"s": {3, 1, 2}}, default=sorted), json.dumps(complex(1, 2), default=lambda o: [o.real, o.imag]))
class Enc(json.JSONEncoder):
    def default(self, o):
        if isinstance(o, complex):
            return {"re": o.real, "im": o.imag}
        return super().default(o)
print(Enc().encode([1j]), json.dumps(2 + 3j, cls=Enc), list(Enc().iterencode({"k": [1, 2]})))
try:
    Enc().encode(object())
except TypeError as e:
    print("TypeError", str(e).split(" at 0x")[0])
print(json.dumps((1, 2)), json.dumps("x"), json.dumps(None), json.dumps(True), json.dumps(12345678901234567890))
l = []; l.append(l)
try:
    json.dumps(l)
except ValueError as e:
    print("ValueError", e)
import collections, enum
class Color(enum.IntEnum):
    RED = 1
print(json.dumps(collections.OrderedDict([("z", 1), ("a", 2)])), json.dumps({"e": Color.RED}), json.dumps([Color.RED]))
class S(str): pass
class F(float): pass
print(json.dumps({S("k"): F(1.5)}), json.dumps(collections.namedtuple("P", "x y")(1, 2)))
print(json.dumps({"a": 1, "b": 2}, indent=4, separators=(",", ": ")))
print(json.dumps([], indent=2), json.dumps({}, indent=2), json.dumps([[]], indent=1))
