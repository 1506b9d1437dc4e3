# Pins: tomllib.loads: all value types (strings basic/literal/multiline, ints hex/oct/bin/underscored, floats inf/nan/exp, booleans, datetimes offset/local/date/time), tables, dotted keys, arrays of tables, inline tables, parse_float, TOMLDecodeError messages.
import tomllib, decimal, math
doc = '''
title = "TOML \\u00e9 \\"quoted\\""
literal = 'C:\\path\\no escape'
multi = """
line one
line two \\
  continued"""
raw_multi = \'\'\'
first\\n
second\'\'\'
int_dec = +1_000
hex = 0xDEAD_beef
oct = 0o755
bin = 0b1101
floats = [3.14, -0.01, 5e+22, 1e06, -2E-2, 6.626e-34, inf, -inf]
nan = nan
bools = [true, false]
odt = 1979-05-27T07:32:00-08:00
odt_z = 1979-05-27T07:32:00Z
ldt = 1979-05-27T07:32:00.999999
ld = 1979-05-27
lt = 07:32:00
mixed = [1, "two", [3.0], {x = 1}]
"quoted key" = 1
site."google.com" = true
a.b.c = 1
a.b.d = 2
[server]
host = "localhost"
ports = [8000, 8001,]
[server.tls]
enabled = false
[[products]]
name = "Hammer"
sku = 738594937
[[products]]
[[products]]
name = "Nail"
color = "gray"
[inline]
point = { x = 1, y = 2 }
empty = {}
'''
d = tomllib.loads(doc)
for k, v in d.items():
    if k == "nan":
        print(k, math.isnan(v))
    else:
        print(k, repr(v))
print(type(d["odt"]).__name__, d["odt"].utcoffset(), d["odt_z"].tzinfo, d["ldt"].tzinfo, type(d["ld"]).__name__, type(d["lt"]).__name__)
print(tomllib.loads("x = 0.1\ny = 1e400", parse_float=decimal.Decimal))
bad_docs = ["x = ", "x = 1\nx = 2", "[a]\n[a]", "x = \"unterminated", "x = 01", "= 1", "a = 1 b = 2", "x = [1, 2", "x = {a = 1,}", "x = 1979-13-01", "k = 'a'\n[k]\n"]
for b in bad_docs:
    try:
        tomllib.loads(b)
        print(repr(b), "parsed?!")
    except tomllib.TOMLDecodeError as e:
        print(repr(b), "->", e)
print(issubclass(tomllib.TOMLDecodeError, ValueError))
try:
    tomllib.loads(b"x = 1")
except TypeError as e:
    print("TypeError", e)
import io
print(tomllib.load(io.BytesIO(b"k = 'v'\n[t]\nn = 2")))
try:
    tomllib.load(io.StringIO("k = 1"))
except TypeError as e:
    print("TypeError", e)
print(tomllib.loads(""), tomllib.loads("# only comment\n"), tomllib.loads("a = \"\"\"\n\"\"\""), tomllib.loads("k = 1 # trailing"))
