# Pins: SyntaxError report for a missing colon: no output from earlier lines since the file never compiles.
print("never printed")
if True
    print("x")
