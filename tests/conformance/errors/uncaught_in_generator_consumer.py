# Pins: traceback for an exception raised inside a generator while being consumed by sum() in another function: frames for the consumer and the generator body, with the genexpr frame name.
def read_values(lines):
    for n, line in enumerate(lines, 1):
        yield float(line.split("=")[1])
def total(lines):
    return sum(read_values(lines))
print(total(["a=1", "b=2.5"]))
print(total(["a=1", "b=oops", "c=3"]))
