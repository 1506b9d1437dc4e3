# Pins: uncaught exception-group report: nested groups, chained causes inside members, notes, more than 15 members ("and N more exceptions").
def fail(n):
    try:
        raise KeyError(n)
    except KeyError as e:
        raise ValueError(f"member {n}") from e


def members():
    out = []
    for i in range(2):
        try:
            fail(i)
        except ValueError as e:
            out.append(e)
    return out


many = ExceptionGroup("many", [TypeError(i) for i in range(17)])
noted = ValueError("noted")
noted.add_note("a note\nover two lines")
inner = ExceptionGroup("inner", [noted, many])
try:
    raise RuntimeError("context")
except RuntimeError:
    raise ExceptionGroup("outer", members() + [inner])
