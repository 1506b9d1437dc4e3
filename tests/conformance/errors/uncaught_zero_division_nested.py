# Pins: uncaught ZeroDivisionError raised three frames deep: traceback frames, caret lines under the division, stdout flushed before the traceback, exit status 1.
def ratio(a, b):
    return a / b
def average(values):
    total = sum(values)
    return ratio(total, len(values))
def report(groups):
    for name, vals in groups.items():
        print(name, average(vals))
print("starting report")
report({"a": [1, 2, 3], "b": [4.5], "empty": []})
print("never printed")
