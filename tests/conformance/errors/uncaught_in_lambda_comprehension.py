# Pins: traceback frames for errors raised inside a lambda called from map() inside a list comprehension inside a function: frame names <lambda> and the function, caret placement.
def parse_all(rows):
    convert = lambda s: int(s.strip())
    return [list(map(convert, row.split(","))) for row in rows]
print(parse_all(["1, 2", "3,4"]))
print(parse_all(["5,6", "7, eight"]))
