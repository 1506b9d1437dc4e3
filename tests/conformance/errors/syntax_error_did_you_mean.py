# Pins: SyntaxError suggestions for a misspelled keyword (3.14 "Did you mean" for keywords) reported at compile time.
for x in range(3):
    pass
fro x in range(3):
    pass
