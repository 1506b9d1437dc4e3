# Pins: SyntaxError for a Python 2 print statement at module level.
print "hello"
