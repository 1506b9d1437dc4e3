# Pins: SyntaxError for an invalid character in an identifier.
x = 1
y = x → 2
