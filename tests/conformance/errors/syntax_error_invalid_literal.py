# Pins: SyntaxError "invalid decimal literal" pointing at the bad token.
value = 12abc
