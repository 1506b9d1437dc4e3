# Pins: traceback through a generator, a comprehension and a lambda.
def gen():
    yield 1
    yield 1 / 0

squares = [x for x in gen()]
