# Pins: StopIteration escaping a generator body is converted to RuntimeError("generator raised StopIteration") with the StopIteration as direct cause, shown in the traceback.
def first_items(iterables):
    for it in iterables:
        yield next(iter(it))
print(list(first_items(["ab", [1, 2]])))
print(list(first_items(["xy", [], "z"])))
