# Pins: SyntaxError "'return' outside function" (a compiler error, not a parser error).
x = 1
return x
