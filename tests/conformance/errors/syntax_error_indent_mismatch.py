# Pins: IndentationError "unindent does not match any outer indentation level".
def f():
        x = 1
    y = 2
