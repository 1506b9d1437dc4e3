# Pins: SyntaxError inside a nested f-string replacement field.
name = "x"
print(f"outer {f'inner {name!z}'}")
