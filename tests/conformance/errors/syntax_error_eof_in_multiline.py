# Pins: SyntaxError for a triple-quoted string that is never closed, reported at its start.
x = 1
doc = """this string
never ends
