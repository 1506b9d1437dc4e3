# Pins: traceback module: format_exc, format_exception(_only), print_exc to stdout, extract_tb/StackSummary/FrameSummary fields, walk_tb, chained and group formatting.
import traceback, sys
def inner():
    return {}["missing"]
def outer():
    inner()
try:
    outer()
except KeyError as e:
    print(traceback.format_exc(), end="")
    print(traceback.format_exception_only(e))
    print("".join(traceback.format_exception(e)), end="")
    tb = traceback.extract_tb(e.__traceback__)
    print(type(tb).__name__, len(tb), [(f.name, f.lineno, f.line) for f in tb])
    fs = tb[-1]
    print(fs.filename.endswith("traceback_mod.py"), fs.name, fs.lineno, fs.end_lineno, fs.colno, fs.end_colno)
    print([f.f_code.co_name for f, _ in traceback.walk_tb(e.__traceback__)])
    traceback.print_exc(file=sys.stdout)
    traceback.print_exception(e, limit=1, file=sys.stdout)
try:
    try:
        1 / 0
    except ZeroDivisionError as z:
        raise ValueError("wrapped") from z
except ValueError as e:
    print("".join(traceback.format_exception(e)), end="")
    print("".join(traceback.format_exception(e, chain=False)), end="")
e = ValueError("no traceback")
print(traceback.format_exception(e), traceback.format_exception_only(SyntaxError("bad", ("f.py", 2, 3, "x = = 1\n", 2, 6))))
te = traceback.TracebackException.from_exception(KeyError("k"))
print(te.exc_type_str, list(te.format_exception_only()), te.stack)
try:
    raise ExceptionGroup("grp", [TypeError("t"), ValueError("v")])
except ExceptionGroup as g:
    print("".join(traceback.format_exception(g)), end="")
def show_stack():
    return [line.strip().splitlines()[0] for line in traceback.format_stack(limit=2)]
print(show_stack())
print([fs.name for fs in traceback.extract_stack(limit=1)])
summary = traceback.StackSummary.from_list([("a.py", 1, "fn", "code line")])
print(summary.format())
err = RuntimeError("with note")
err.add_note("a note")
print(traceback.format_exception_only(err))
