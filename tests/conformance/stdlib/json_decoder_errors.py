# Pins: json.loads: types produced, object_hook/object_pairs_hook/parse_float/parse_int/parse_constant, strict control chars, raw_decode, JSONDecodeError messages with line/col, duplicates.
import json
from decimal import Decimal
print(json.loads('{"a": [1, 2.5, -3e2, true, false, null, "s"], "b": {}}'))
print(json.loads('"\\u00e9\\ud83d\\ude00\\n\\/"'), json.loads("1E400"), json.loads("-0"), json.loads("-0.0"), json.loads(" 42 "))
print(json.loads('[NaN, Infinity, -Infinity]'), json.loads("123456789012345678901234567890"))
print(json.loads('{"x": 1.10}', parse_float=Decimal), json.loads("[1, 2]", parse_int=float), json.loads("[NaN]", parse_constant=lambda c: f"const:{c}"))
print(json.loads('{"a": 1, "a": 2}'), json.loads('{"a": 1, "a": 2}', object_pairs_hook=list))
print(json.loads('{"x": {"y": 1}}', object_hook=lambda d: ("obj", sorted(d))))
class P:
    def __init__(self, x, y): self.x, self.y = x, y
    def __repr__(self): return f"P({self.x}, {self.y})"
print(json.loads('[{"__p__": true, "x": 1, "y": 2}, {"z": 0}]', object_hook=lambda d: P(d["x"], d["y"]) if "__p__" in d else d))
bad = ['{"a": 1,}', "[1, 2", "", "nul", '{"a" 1}', '"unterminated', "[1] x", "{'a': 1}", '"\\x"', "01", '{"a":\n  [1,\n   oops]}', "[1,,2]", '"\t"']
for s in bad:
    try:
        json.loads(s)
    except json.JSONDecodeError as e:
        print(repr(s), "->", e.msg, (e.lineno, e.colno, e.pos))
print(json.loads('"\t"', strict=False) == "\t", issubclass(json.JSONDecodeError, ValueError))
dec = json.JSONDecoder()
print(dec.raw_decode('{"a": 1} trailing'), dec.raw_decode("[1][2]"), dec.decode(" [] "))
try:
    dec.raw_decode(" 1")
except json.JSONDecodeError as e:
    print("raw_decode", e.msg, e.pos)
print(json.loads(b'{"bytes": "ok"}'), json.loads('{"utf16": 1}'.encode("utf-16")), json.loads(bytearray(b"[1]")))
try:
    json.loads(5)
except TypeError as e:
    print("TypeError", e)
text = json.dumps({"k": [1, {"z": None}]}, indent=2)
print(json.loads(text) == {"k": [1, {"z": None}]}, text.count("\n"))
import io
buf = io.StringIO()
json.dump({"w": 1}, buf); buf.seek(0)
print(buf.getvalue(), json.load(buf))
print(json.loads("[" * 50 + "]" * 50) == eval("[" * 50 + "]" * 50), type(json.loads("1.0")).__name__, type(json.loads("1")).__name__)
print(json.loads('"\\ud800"') == "\ud800", len(json.loads('"\\ud83d\\ude00"')))
