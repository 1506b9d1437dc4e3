# Pins: the free-threaded build's sys.flags.thread_inherit_context and context_aware_warnings (both 1), their -X options and PYTHON_* variables (invalid values are start-up errors, -E ignores the variables), threads starting in a copy of the starter's contextvars context (or Thread(context=...)), and catch_warnings confined to its own thread.
# recorded-with: cpython-3.13
# timeout: 30
# Written by hand from CPython 3.14t's behaviour (3.13 has neither flag nor
# Thread(context=)): initconfig.c's config_init_thread_inherit_context and
# config_init_context_aware_warnings, threading.Thread.start and
# _py_warnings.catch_warnings.
import contextvars
import os
import subprocess
import sys
import threading
import warnings

print("flags", sys.flags.thread_inherit_context, sys.flags.context_aware_warnings,
      type(sys.flags.thread_inherit_context).__name__)

var = contextvars.ContextVar("var", default="default")
var.set("starter")
seen = {}


def look(key):
    seen[key] = var.get()
    var.set("changed in thread")


t = threading.Thread(target=look, args=("inherited",))
t.start(); t.join()
t = threading.Thread(target=look, args=("empty context",), context=contextvars.Context())
t.start(); t.join()
ctx = contextvars.copy_context()
ctx.run(var.set, "in ctx")
t = threading.Thread(target=look, args=("given context",), context=ctx)
t.start(); t.join()
print(sorted(seen.items()), "starter still", var.get(), "ctx now", ctx[var])

# catch_warnings in one thread leaves another thread's filters alone.
inside = threading.Event()
checked = threading.Event()
report = {}


def filtering():
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        inside.set()
        checked.wait(10)
        try:
            warnings.warn("in filtering thread", UserWarning)
        except UserWarning:
            report["filtering"] = "raised"


def other():
    inside.wait(10)
    with warnings.catch_warnings(record=True) as got:
        warnings.simplefilter("always")
        warnings.warn("in other thread", UserWarning)
    report["other"] = [str(w.message) for w in got]
    checked.set()


ts = [threading.Thread(target=filtering), threading.Thread(target=other)]
[x.start() for x in ts]; [x.join() for x in ts]
print(sorted(report.items()))
print("main filters untouched", not any(f[0] == "error" for f in warnings.filters))

SHOW = "import sys; print(sys.flags.thread_inherit_context, sys.flags.context_aware_warnings)"


def run(args, env_extra=None):
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTHON")}
    env.update(env_extra or {})
    p = subprocess.run([sys.executable, *args, "-c", SHOW], env=env, capture_output=True, text=True)
    print(args, env_extra, "->", p.returncode, repr(p.stdout), repr(p.stderr))


run(["-X", "thread_inherit_context=0"])
run(["-X", "context_aware_warnings=0"])
run(["-X", "thread_inherit_context=0", "-X", "thread_inherit_context=1"])
run([], {"PYTHON_THREAD_INHERIT_CONTEXT": "0", "PYTHON_CONTEXT_AWARE_WARNINGS": "0"})
run(["-X", "thread_inherit_context=1"], {"PYTHON_THREAD_INHERIT_CONTEXT": "0"})
run(["-E"], {"PYTHON_THREAD_INHERIT_CONTEXT": "0", "PYTHON_CONTEXT_AWARE_WARNINGS": "bad"})
run([], {"PYTHON_THREAD_INHERIT_CONTEXT": ""})
run(["-X", "thread_inherit_context="])
run(["-X", "thread_inherit_context"])
run(["-X", "thread_inherit_context=2"])
run(["-X", "context_aware_warnings=yes"])
run([], {"PYTHON_THREAD_INHERIT_CONTEXT": "2"})
run([], {"PYTHON_CONTEXT_AWARE_WARNINGS": "x"})
run(["-X", "thread_inherit_context=1"], {"PYTHON_THREAD_INHERIT_CONTEXT": "x"})

# With the flag off, a thread starts in an empty context.
CHILD = """
import contextvars, threading, warnings
var = contextvars.ContextVar("var", default="default")
var.set("starter")
out = []
t = threading.Thread(target=lambda: out.append(var.get()))
t.start(); t.join()
print(out[0])
"""
p = subprocess.run([sys.executable, "-X", "thread_inherit_context=0", "-c", CHILD],
                   capture_output=True, text=True)
print("inherit off:", p.stdout.strip(), p.returncode)
p = subprocess.run([sys.executable, "-X", "thread_inherit_context=1", "-c", CHILD],
                   capture_output=True, text=True)
print("inherit on:", p.stdout.strip(), p.returncode)
WARN = """
import warnings
print(warnings._use_context)
with warnings.catch_warnings():
    warnings.simplefilter("error")
    print(any(f[0] == "error" for f in warnings.filters))
"""
for v in ("0", "1"):
    p = subprocess.run([sys.executable, "-X", "context_aware_warnings=" + v, "-c", WARN],
                       capture_output=True, text=True)
    print("context_aware_warnings=" + v, p.stdout.split(), p.returncode)
