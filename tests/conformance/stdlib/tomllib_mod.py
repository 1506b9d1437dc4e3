# Pins: tomllib parsing: tables, arrays of tables, inline tables, all value types including dates and times, parse_float, and TOMLDecodeError messages.
import tomllib
from decimal import Decimal
doc = '''
title = "TOML Example"
integers = [1, +2, -3, 0x1F, 0o17, 0b101, 1_000]
floats = [3.14, -0.5, 5e+22, inf, -inf, 6.626e-34]
bools = [true, false]
literal = 'C:\\Users\\path'
multi = """
Roses are red
Violets are blue"""
raw_multi = \'\'\'
no \\escapes here\'\'\'
odt = 1979-05-27T07:32:00-08:00
ldt = 1979-05-27T07:32:00
ld = 1979-05-27
lt = 07:32:00.999
inline = { x = 1, y = "two", nested = { z = [] } }
"quoted key" = "yes"
dotted.key.path = 3

[owner]
name = "Tom"

[servers.alpha]
ip = "10.0.0.1"

[[products]]
name = "Hammer"
sku = 738594937

[[products]]

[[products]]
name = "Nail"
color = "gray"
'''
data = tomllib.loads(doc)
for k, v in data.items():
    print(k, "=", repr(v))
print(type(data["odt"]).__name__, data["odt"].utcoffset(), type(data["ld"]).__name__, type(data["lt"]).__name__)
print(tomllib.loads("x = 0.1\ny = 1e2", parse_float=Decimal))
print(tomllib.loads(b'k = "v"'.decode()), tomllib.loads(""))
for bad in ["x = ", "x = 1\nx = 2", "[t]\n[t]", "x = [1,,2]", "a = 'unterminated", "x = 1979-13-01", "= 1", "x = {a = 1,}"]:
    try:
        tomllib.loads(bad)
    except tomllib.TOMLDecodeError as e:
        print(repr(bad), "->", e.msg, e.lineno, e.colno)
import io
print(tomllib.load(io.BytesIO(b'bin = "from bytes"')))
try:
    tomllib.load(io.StringIO("x = 1"))
except TypeError as e:
    print("TypeError:", e)
