# Pins: f-string features: = debug specifier with spacing/conversions/format specs, nested replacement fields in specs, !r/!s/!a, quotes reuse (3.12+), multi-line expressions, format of datetime/decimal, escaped braces, lambda/walrus in parentheses.
import datetime, decimal
x, name, pi = 42, "Ada", 3.14159265
print(f"{x=}", f"{x = }", f"{name=!s}", f"{name=}", f"{pi=:.2f}", f"{x*2=}", f"{name.upper()=}")
width, prec = 10, 3
print(f"[{pi:{width}.{prec}f}]", f"[{name:>{width}}]", f"[{name:^{width + 2}}]", f"[{x:{'0'}{width}d}]", f"[{x:#{'x'}}]")
print(f"{name!r} {name!s} {'café'!a} {[1, 'a']!r}")
items = {"key": "value", "n": [1, 2]}
print(f"{items["key"]} {items['n'][-1]} {"nested " + f"{'inner'}"}")
print(f"{
    x
    + 1
}", f"{'multi' 
      'line'}")
d = datetime.date(2024, 2, 29)
print(f"{d:%A %d %B %Y}", f"{d!r}", f"{decimal.Decimal('1.50'):.1f}", f"{1234567.891:,.2f}", f"{0.25:.1%}", f"{255:08b}", f"{-3:+05d}")
print(f"{{literal}} {{{x}}} {{}}", f"{'{'}{'}'}")
print(f"{(lambda a: a * 2)(21)}", f"{(y := 5) + y}", f"{x if x > 40 else 0}", f"{','.join(str(i) for i in range(3))}")
print(f"{x!r:>6}|", f"{name!r:^9}|", f"{3.0!s:>5}|", f"{None}", f"{True:>6}|", f"{True!s:>6}|")
obj = type("O", (), {"__format__": lambda self, spec: f"<{spec or 'empty'}>"})()
print(f"{obj}", f"{obj:abc}", f"{obj:{x}}", f"{obj!s}"[:3] == "<__" )
print(f"{'a' 'b'}", f"{3:{'>'}{4}}", f"{'\n'.join(['p', 'q'])}")
print(f"{x:{width}}|{x:<{width}}|")
for v in [0, 1.5, -2, 1e20, float("nan")]:
    print(f"{v!r:>8} {v:>10.3g} {v:+.1e}")
print(f"{3+4j}", f"{3+4j:.2f}", f"{b'bytes'}", f"{b'bytes'!r}", f"{[]}", f"{()=}")
try:
    eval('f"{x:{width:{prec}}}"')
    print(eval('f"{x:{width}{prec}}"'))
except (SyntaxError, ValueError) as e:
    print(type(e).__name__, e)
try:
    f"{x:z}"
except ValueError as e:
    print("ValueError", e)
print(f"{'end'}")
