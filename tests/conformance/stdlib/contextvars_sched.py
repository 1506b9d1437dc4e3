# Pins: contextvars (ContextVar get/set/reset, copy_context, Context.run isolation, tokens) and sched with a fake clock.
import contextvars
var = contextvars.ContextVar("var", default="default")
print(var.get(), var.name)
tok = var.set("one")
print(var.get(), tok.var is var, tok.old_value is contextvars.Token.MISSING)
var.reset(tok)
print(var.get())
nodefault = contextvars.ContextVar("nodefault")
try:
    nodefault.get()
except LookupError as e:
    print("LookupError for", e.args[0].name)
print(nodefault.get("fallback"))
ctx = contextvars.copy_context()
def inside():
    var.set("changed in run")
    return var.get()
print(ctx.run(inside), var.get(), ctx[var], var in ctx, len(ctx) >= 1)
try:
    var.reset(tok)
except RuntimeError as e:
    print("RuntimeError:", str(e).rsplit("> ", 1)[-1])
t2 = var.set("two")
try:
    ctx.run(var.reset, t2)
except ValueError as e:
    print("ValueError:", str(e).rsplit("> ", 1)[-1])
with var.set("scoped"):
    print("inside with", var.get())
print("after with", var.get())
import sched
now = [0.0]
def fake_time():
    return now[0]
def fake_sleep(d):
    now[0] += d
s = sched.scheduler(fake_time, fake_sleep)
log = []
s.enter(5, 1, log.append, ("five",))
s.enter(1, 2, log.append, ("one-low-priority",))
s.enter(1, 1, log.append, ("one-high-priority",))
ev = s.enterabs(3, 1, log.append, ("three",))
s.enter(4, 1, lambda: log.append(f"at {fake_time()}"))
s.cancel(ev)
print(len(s.queue), s.empty())
s.run()
print(log, now[0], s.empty())
