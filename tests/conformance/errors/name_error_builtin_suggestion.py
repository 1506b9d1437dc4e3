# Pins: NameError suggestions for a misspelled builtin and for a missing import of a stdlib module (3.14 "Did you forget to import").
try:
    prnt("x")
except NameError as e:
    import traceback
    print(traceback.format_exception_only(e)[-1], end="")
math.sqrt(4)
