# Pins: SyntaxErrors for invalid assignment targets: literal, operator expression and augmented assignment to a tuple (first one reported).
x = 1
1 = x
