# Pins: traceback rendering of an uncaught nested ExceptionGroup.
def fail(n):
    raise ValueError(f"fail {n}")

errors = []
for i in range(2):
    try:
        fail(i)
    except ValueError as e:
        errors.append(e)
inner = ExceptionGroup("inner", [KeyError("k")])
raise ExceptionGroup("outer", errors + [inner])
