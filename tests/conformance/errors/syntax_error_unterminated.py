# Pins: SyntaxError for an unterminated single-quoted string literal.
x = 1
message = "never closed
