# Pins: traceback from an error raised inside a generator expression consumed by sum() and a dict comprehension.
values = [3, 2, 1, 0]
print(sum(10 // v for v in values[:3]))
result = {v: 10 // v for v in values}
