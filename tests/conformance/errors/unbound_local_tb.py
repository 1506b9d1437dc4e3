# Pins: traceback for UnboundLocalError and NameError with "Did you mean" suggestion at top level.
counter = 0
def bump():
    counter += 1
try:
    bump()
except UnboundLocalError as e:
    print(e)
conter = 1
print(countr)
