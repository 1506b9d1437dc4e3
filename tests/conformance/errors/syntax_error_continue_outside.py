# Pins: SyntaxError "'continue' not properly in loop".
x = 1
if x:
    continue
