# Pins: sys stdio redirection (replacing sys.stdout with StringIO, print file=), sys.displayhook/excepthook customisation, sys.stdout.write return values, stdout.buffer writes interleaving with flush, sys.exit inside try/finally, audit hooks.
import sys, io
old = sys.stdout
buf = io.StringIO()
sys.stdout = buf
print("captured", 1, 2)
sys.stdout.write("raw write\n")
sys.stdout = old
print(repr(buf.getvalue()))
print(sys.stdout.write("abc\n"), sys.stdout.write(""))
sys.stdout.flush()
sys.stdout.buffer.write(b"bytes via buffer\n")
sys.stdout.buffer.flush()
print("text after buffer")
err = io.StringIO()
print("to custom file", file=err, end="|")
print("second", file=err, sep="-")
print(repr(err.getvalue()))
shown = []
def hook(value):
    if value is not None:
        shown.append(repr(value))
sys.displayhook = hook
exec(compile("1 + 1\nNone\n'text'", "<interactive>", "single")) if False else None
for src in ["1 + 1", "None", "'text'", "[1, 2]"]:
    exec(compile(src, "<interactive>", "single"))
sys.displayhook = sys.__displayhook__
print(shown)
import builtins
builtins._ = "unset"
exec(compile("40 + 2", "<interactive>", "single"))
print(builtins._)
caught = []
def ehook(t, v, tb):
    caught.append((t.__name__, str(v)))
sys.excepthook = ehook
try:
    raise ValueError("handled by hook")
except ValueError:
    sys.excepthook(*sys.exc_info())
sys.excepthook = sys.__excepthook__
print(caught)
events = []
def audit(event, args):
    if event.startswith("spindle.test"):
        events.append((event, args))
sys.addaudithook(audit)
sys.audit("spindle.test.event", 1, "two")
sys.audit("spindle.test.other")
print(events)
def f():
    try:
        sys.exit(3)
    finally:
        print("finally runs before exit")
try:
    f()
except SystemExit as e:
    print("SystemExit code", e.code, type(e.code).__name__)
try:
    sys.exit("message")
except SystemExit as e:
    print("SystemExit", repr(e.code), e.args)
try:
    sys.exit()
except SystemExit as e:
    print("SystemExit", e.code, e.args)
print(sys.stdout is sys.__stdout__, sys.stderr is sys.__stderr__)
sys.stderr.write("stderr line\n")
print("last stdout line")
