# Pins: SyntaxError "expected ':'" for a def header missing its colon: file/line, caret position, nothing executed, exit status 1.
print("this line never runs")
def compute(x)
    return x * 2
