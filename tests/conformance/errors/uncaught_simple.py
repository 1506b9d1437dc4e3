# Pins: traceback of an uncaught exception at module level, with output printed before it flushed first.
print("before")
x = {"a": 1}
print(x["b"])
print("never")
