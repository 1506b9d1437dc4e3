# Pins: SyntaxError "cannot assign to function call here. Maybe you meant '==' instead of '='?" for assignment to a call expression in an if condition.
def check(v):
    return v
if check(1) = 1:
    print("no")
