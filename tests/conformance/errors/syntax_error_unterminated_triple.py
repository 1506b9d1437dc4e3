# Pins: SyntaxError for an unterminated triple-quoted string: message reports the line where the string started, nothing executes.
print("never printed")
doc = """This docstring
never ends
x = 1
