# Pins: SyntaxError "positional argument follows keyword argument" in a call, with caret range.
def f(*args, **kwargs):
    return args, kwargs
print(f(1, key="v", 2))
