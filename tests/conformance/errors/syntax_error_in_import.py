# Pins: a SyntaxError raised by compile() at runtime is catchable, and its fields.
for src in ["x = (1,", "def f(:\n pass", "a = 1 +", "print 'hi'", "f(**x, *y)", "x = yield = 1", "lambda: (yield)"]:
    try:
        compile(src, "snippet.py", "exec")
        print("compiled:", repr(src))
    except SyntaxError as e:
        print(repr(src), "->", type(e).__name__, e.msg, e.lineno, e.offset)
