# Pins: SyntaxError for an unclosed bracket spanning lines.
values = [1, 2, 3
print(values)
