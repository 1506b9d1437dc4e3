# Pins: 3.14 keyword-typo suggestions for a SyntaxError from compile(), shown by the traceback module (format_exception_only) and by an uncaught raise.
import traceback
for src in ["whille x:\n    pass\n", "x = 1\nimprot os\n", "def f():\n    retrun 1\n", "x = 1 +\n"]:
    try:
        compile(src, "<typo>", "exec")
    except SyntaxError as e:
        print(e.msg, e.lineno, e.offset)
        print("".join(traceback.format_exception_only(e)), end="")
exec("iff True:\n    pass\n")
