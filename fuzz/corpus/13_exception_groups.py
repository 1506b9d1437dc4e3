try:
    raise ExceptionGroup("many", [ValueError(1), TypeError(2), ValueError(3)])
except* ValueError as eg:
    print("values", [str(e) for e in eg.exceptions])
except* TypeError as eg:
    print("types", len(eg.exceptions))
e = ExceptionGroup("g", [KeyError("a"), ExceptionGroup("inner", [OSError("b")])])
print(e.split(OSError)[0], e.subgroup(KeyError))
try:
    raise ValueError("x")
except ValueError as err:
    err.add_note("a note")
    print(err.__notes__)
