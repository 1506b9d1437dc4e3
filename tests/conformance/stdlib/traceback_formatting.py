# Pins: traceback: format_exception/format_exception_only (chained, notes, groups), TracebackException API, extract_tb FrameSummary fields, walk_tb, print_exc to a StringIO, format_list, limit.
import traceback, io, sys
def lvl3(): raise ValueError("deep problem")
def lvl2(): lvl3()
def lvl1(): lvl2()
try:
    lvl1()
except ValueError as e:
    exc = e
print("".join(traceback.format_exception(exc)))
print(traceback.format_exception_only(exc), traceback.format_exception_only(ValueError, ValueError("x")))
print("".join(traceback.format_exception(exc, limit=1)))
print("".join(traceback.format_exception(exc, limit=-1)))
frames = traceback.extract_tb(exc.__traceback__)
for fs in frames:
    print(fs.name, fs.lineno, fs.line, fs.filename.endswith("traceback_formatting.py"))
print(len(frames), frames[-1].name, [f.f_code.co_name for f, _ in traceback.walk_tb(exc.__traceback__)])
print(traceback.format_list(frames[-1:]))
try:
    try:
        {}["k"]
    except KeyError as ke:
        raise RuntimeError("wrapped") from ke
except RuntimeError as e:
    chained = e
out = "".join(traceback.format_exception(chained))
print(out.count("Traceback"), "direct cause" in out, out.splitlines()[-1])
print("".join(traceback.format_exception(chained, chain=False)).count("Traceback"))
try:
    try:
        1 / 0
    except ZeroDivisionError:
        int("x")
except ValueError as e:
    ctx = e
print("".join(traceback.format_exception(ctx)).count("During handling"))
e2 = TypeError("with notes")
e2.add_note("note one")
e2.add_note("note two")
print(traceback.format_exception_only(e2))
te = traceback.TracebackException.from_exception(exc)
print(te.exc_type_str if hasattr(te, "exc_type_str") else te.exc_type.__name__, str(te), len(te.stack), list(te.format_exception_only()))
buf = io.StringIO()
try:
    [].pop()
except IndexError:
    traceback.print_exc(file=buf)
    print(sys.exception().__class__.__name__)
print(buf.getvalue().splitlines()[-1], buf.getvalue().count("\n"))
eg = ExceptionGroup("many", [ValueError("a"), TypeError("b")])
print("".join(traceback.format_exception(eg)))
print(traceback.format_exception_only(SyntaxError("bad syntax", ("f.py", 3, 5, "x = = 1\n", 3, 6))))
class Custom(Exception):
    def __str__(self): return "custom str"
print(traceback.format_exception_only(Custom()), traceback.format_exception_only(Exception()), traceback.format_exception_only(KeyError("k")))
stack = traceback.extract_stack(limit=1)
print(len(stack), stack[0].name, traceback.format_tb(exc.__traceback__, limit=1)[0].splitlines()[0].endswith("in <module>"))
sb = io.StringIO()
traceback.print_exception(exc, file=sb, limit=0)
print(repr(sb.getvalue()))
print(traceback.FrameSummary("file.py", 10, "func", line="x = 1").line, repr(traceback.FrameSummary("file.py", 10, "func", line="x = 1")))
