# Pins: an uncaught exception inside a function called from a class body gives exit 1 and shows the class-body frame.
def helper():
    raise LookupError("from helper")

class Broken:
    attr = helper()
