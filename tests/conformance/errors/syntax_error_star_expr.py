# Pins: SyntaxError for a starred expression used where it is not allowed, and for a non-default argument after a default.
def f(a=1, b):
    pass
