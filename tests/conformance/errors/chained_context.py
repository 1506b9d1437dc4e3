# Pins: traceback of an exception raised while handling another ("During handling of the above exception").
try:
    [][1]
except IndexError:
    {}["k"]
