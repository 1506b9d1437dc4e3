# Pins: SyntaxError "cannot assign to function call" with carets.
print("x")
f() = 5
