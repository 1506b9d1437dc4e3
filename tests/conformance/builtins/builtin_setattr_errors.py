# Pins: attempts to mutate builtin types and immutable objects: setting attributes on int/str/type objects, mutating strings/tuples, and the exact error messages.
attempts = [
    "int.x = 1", "str.upper = None", "(1).x = 2", "'s'.x = 3", "list.append = 4", "object.y = 5", "type.z = 6",
    "'abc'[0] = 'z'", "(1, 2)[0] = 0", "b'ab'[0] = 1", "frozenset().add(1)", "del int.__add__", "None.x = 1",
    "len.x = 1", "(lambda: 0).__code__ = 1", "import math; math.pi = 3; print('module attr set', math.pi)",
    "f = lambda: 0; f.__name__ = 'renamed'; print('function name set', f.__name__)", "f = lambda: 0; f.__name__ = 1",
    "f = lambda: 0; del f.__name__", "[].x = 1", "{}.__class__ = list", "class A: pass\nA.__name__ = 'B'; print('class renamed', A.__name__)",
    "class A: pass\nA.__bases__ = (int,)", "class A: pass\nA.__qualname__ = 5", "import sys; sys.modules['x'] = 1; print('sys.modules writable')",
    "(1).real = 5", "True.imag = 1", "x = 1; x.__class__ = bool", "range(3).start = 1", "slice(1).stop = 2",
]
for src in attempts:
    try:
        exec(src, {})
    except (TypeError, AttributeError) as e:
        print(f"{src.splitlines()[-1][:45]:45} {type(e).__name__}: {e}")
