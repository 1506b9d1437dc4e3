# Pins: SyntaxError "duplicate argument 'x' in function definition" with the def line reported.
def ok(a, b):
    return a + b
def bad(x, y, x):
    return x
