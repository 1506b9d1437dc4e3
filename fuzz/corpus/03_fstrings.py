x, y, name = 10, 3.14159, "spindle"
print(f"{x} {y:.2f} {name!r} {name!s:>10} {x:#x} {x:08b} {x * 2 + 1}")
print(f"{'nested'} {x if x > 5 else -x} {[i for i in range(3)]} {{literal}}")
width, prec = 12, 4
print(f"{y:{width}.{prec}f}|{name:^{width}}|{x=}|{y = :.1f}")
print(f"""multi
{x}
line""", rf"\d{x}", f"{3.0:g}", f"{1234567:,}", f"{0.25:%}")
