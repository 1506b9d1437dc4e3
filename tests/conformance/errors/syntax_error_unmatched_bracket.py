# Pins: SyntaxError for a closing bracket that does not match the opening one: "closing parenthesis ']' does not match opening parenthesis '('".
values = [1, 2, 3]
total = sum(values]
print(total)
