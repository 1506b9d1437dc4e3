# Pins: traceback of a RecursionError collapses repeated frames ("[Previous line repeated N more times]").
def down(n):
    return down(n + 1)

down(0)
