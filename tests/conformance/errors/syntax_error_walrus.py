# Pins: SyntaxError for an invalid assignment-expression target.
if (a.b := 1):
    pass
