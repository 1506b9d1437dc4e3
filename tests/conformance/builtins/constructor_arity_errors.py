# Pins: CPython 3.14's arity errors of constructors and methods that take keywords: self/cls is not counted ('encode() takes at most 2 arguments (3 given)', 'missing required argument ... (pos 1)'), int()/str() word theirs as vectorcall does, enumerate() and str.replace keep their own wording.
for c in ["'a'.encode(1, 2, 3)", "int(1, 2, 3)", "property(1, 2, 3, 4, 5)", "memoryview()", "complex(1, 2, 3)", "str(1, 2, 3, 4)", "bytes(1, 2, 3, 4)", "enumerate()", "enumerate(1, 2, 3)", "(1).to_bytes(1, 2, 3, 4)", "'a'.replace('a')", "'a'.splitlines(1, 2)", "'a'.expandtabs(1, 2)", "memoryview(b'').cast()", "memoryview(b'').tobytes(1, 2)", "memoryview(b'').hex(1, 2, 3)", "int.from_bytes()", "int.from_bytes(b'', 'big', True, 4)", "type('M', (), {})('x', 1, 2)" , "__import__('types').ModuleType()", "__import__('types').ModuleType('a', 'b', 'c')"]:
    try: eval(c); print(c, "ok")
    except TypeError as e: print(c, "->", e)
for c in ["list(enumerate(iterable=[1], start=2))", "'a'.replace(old='a', new='b')", "'a'.replace('a', new='b')", "'aaa'.replace('a', 'b', count=2)", "str(object=1)", "str(b'a', encoding='ascii')", "int(x=1)", "int('1', base=2)", "int('10', 2)"]:
    try: print(c, "=", eval(c))
    except TypeError as e: print(c, "->", e)
