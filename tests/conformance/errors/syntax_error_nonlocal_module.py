# Pins: SyntaxError "nonlocal declaration not allowed at module level" raised at compile time before any output.
print("not printed")
nonlocal counter
