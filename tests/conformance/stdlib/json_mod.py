# Pins: json dumps/loads: types, separators, indent, sort_keys, ensure_ascii, default/object_hook/object_pairs_hook, parse_float, special floats and decode errors.
import json
from decimal import Decimal
obj = {"name": "Ann", "age": 30, "tags": ["a", "b"], "ok": True, "none": None, "pi": 3.14, "nested": {"k": [1, {"z": 0}]}}
print(json.dumps(obj))
print(json.dumps(obj, indent=2, sort_keys=True))
print(json.dumps(obj, separators=(",", ":")), json.dumps([1, 2], indent="\t"))
print(json.dumps("héllo ☃ 😀"), json.dumps("héllo", ensure_ascii=False), json.dumps("\n\t\"\\\x00"))
print(json.dumps((1, 2)), json.dumps({1: "int key", 2.5: "float key", True: "bool", None: "none"}), json.dumps(float("inf")), json.dumps(-float("inf")), json.dumps(float("nan")))
for bad in [lambda: json.dumps({1, 2}), lambda: json.dumps(float("nan"), allow_nan=False), lambda: json.dumps({(1,): 2}), lambda: json.dumps(b"x")]:
    try:
        bad()
    except (TypeError, ValueError) as e:
        print(type(e).__name__ + ":", e)
print(json.dumps({(1,): 2}, skipkeys=True), json.dumps({1, 2}, default=sorted), json.dumps(Decimal("1.1"), default=str))
print(json.loads('{"a": [1, 2.5, "x", true, false, null], "b": {}}'), json.loads("3"), json.loads('"\\u00e9\\ud83d\\ude00"'), json.loads(" [ ] "))
print(json.loads("1e400"), json.loads("NaN"), json.loads("-Infinity"), json.loads("1.0"), json.loads("12345678901234567890"))
print(json.loads('{"a": 1, "a": 2}'), json.loads('{"b": 1, "a": 2}', object_pairs_hook=list), json.loads('{"x": 1}', object_hook=lambda d: sorted(d)))
print(json.loads("1.10", parse_float=Decimal), json.loads("7", parse_int=float), json.loads("NaN", parse_constant=lambda c: c))
for bad in ['{"a": 1,}', "[1, 2", "{'a': 1}", "", "tru", '{"a" 1}', '"unterminated', "[1] x", '"\\x"', '\x00']:
    try:
        json.loads(bad)
    except json.JSONDecodeError as e:
        print(repr(bad), "->", e.msg, e.lineno, e.colno, e.pos)
class Enc(json.JSONEncoder):
    def default(self, o):
        if isinstance(o, complex):
            return [o.real, o.imag]
        return super().default(o)
print(json.dumps({"z": 1 + 2j}, cls=Enc), json.JSONEncoder(sort_keys=True).encode({"b": 1, "a": 2}), list(json.JSONEncoder().iterencode([1])))
dec = json.JSONDecoder()
print(dec.raw_decode('{"a": 1} trailing'), json.loads(b'{"bytes": 1}'), json.loads('"\\/"'))
import io
buf = io.StringIO()
json.dump({"k": [1]}, buf)
print(buf.getvalue(), json.load(io.StringIO('{"r": 2}')))
print(json.dumps("x" * 3, indent=4), json.dumps([], indent=2), json.dumps({}, indent=2), json.dumps([[]], indent=1))
