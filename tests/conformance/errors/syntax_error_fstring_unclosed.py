# Pins: SyntaxError for an f-string with an unclosed replacement field: message "f-string: expecting '}'" with location, nothing runs.
print("never")
name = "x"
print(f"hello {name")
