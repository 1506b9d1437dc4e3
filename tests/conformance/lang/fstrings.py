# Pins: f-strings: conversions, format specs with nesting, = debugging, quotes reuse, multiline, escapes and errors.
name, width, prec = "pi", 10, 3
value = 3.14159265
print(f"{name}={value:.{prec}f}|{value:{width}.{prec}}|{value:<{width}.2e}|")
print(f"{name!r} {name!s} {name!a} {'é'!a}")
print(f"{value=}", f"{value = :.2f}", f"{name=!r:>6}")
print(f"{1 + 1 = }")
print(f"{'nested "quotes" work'}")
print(f"{f'{f"{1 + 2}"}'}")
print(f"{{literal braces}} {{{value:.1f}}}")
print(f"{3:b} {255:x} {255:#X} {255:o} {1e10:g} {0.5:%} {1234567:,} {1234567:_}")
print(f"{'left':<8}|{'right':>8}|{'center':^8}|{'fill':*^9}")
print(f"{-42:+05d} {42:=+6d} {3.5:08.2f} {-0.0:.1f}")
items = ["a", "b"]
print(f"{', '.join(items)} {len(items)} {items[0].upper()} {items!r}")
d = {"key": "val"}
print(f"{d['key']} {d["key"]}")
print(f"""multi
line {value:.2f}
end""")
print(f"""{
    value
    :.3f}""", f"{
    value
}")
x = 10
print(f"{x if x > 5 else 0} {(lambda: 'lam')()} {[i for i in range(3)]}")
print(f"{x:{'>' if x else '<'}{width}}")
print(f"tab\there {'\n'.join(['l1', 'l2'])}")
print(rf"raw \n {x}", fr"{x}\t")
class T:
    def __format__(self, spec):
        return f"T<{spec}>"
print(f"{T():abc{x}def}", f"{T()!s:.3}" if False else "skip")
import datetime
dt = datetime.datetime(2024, 1, 2, 3, 4, 5)
print(f"{dt:%Y-%m-%d %H:%M}", f"{dt!r}")
for bad in ['f"{}"', 'f"{x!z}"', 'f"{x:{1}{2}{3}}"', "f'{'", 'f"{x=!}"']:
    try:
        print(eval(bad))
    except SyntaxError as e:
        print("SyntaxError:", e.msg)
    except Exception as e:
        print(type(e).__name__, e)
print(f"{'a' 'b'}", f"{x}" f"{x}", "plain" f"{x}")
print(f"{x:}", f"{x!r:}", f"{'':>3}|")
n = 12345.6789
print(f"{n:,.2f} {n:10.1f} {n:e} {n:.3g} {int(n):08,d}")
print(f"{True} {None} {b'bytes'} {1+2j}")
