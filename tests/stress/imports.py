"""Importing one module from all threads at once.

Each round writes fresh modules into a temporary directory on sys.path:
a module whose body sleeps a little (so the threads pile up on it) and
records each execution, a package with a submodule, and a module whose
last name is defined only after its sleep. All threads import them
together (`import`, `from ... import`, importlib.import_module,
__import__): each body must run exactly once, every thread must get the
same module object, and no thread may see a partly initialised module
(`from m import late` must not fail).
"""

import importlib
import os
import sys
import tempfile

from _stress import check, finish, iters, run_threads

ROUNDS = iters(12)
executions = []
sys.stress_executions = executions

BODY = """\
import sys, time
sys.stress_executions.append(__name__)
time.sleep(0.02)
value = __name__
late = ("late", __name__)
"""

tmp = tempfile.TemporaryDirectory()
sys.path.insert(0, tmp.name)

for r in range(ROUNDS):
    mod = f"stress_mod_{r}"
    pkg = f"stress_pkg_{r}"
    with open(os.path.join(tmp.name, mod + ".py"), "w") as f:
        f.write(BODY)
    os.mkdir(os.path.join(tmp.name, pkg))
    with open(os.path.join(tmp.name, pkg, "__init__.py"), "w") as f:
        f.write(BODY)
    with open(os.path.join(tmp.name, pkg, "sub.py"), "w") as f:
        f.write(BODY + "from . import value as parent_value\n")
    importlib.invalidate_caches()

    def worker(t):
        way = t % 4
        if way == 0:
            m = importlib.import_module(mod)
        elif way == 1:
            m = __import__(mod)
        elif way == 2:
            exec(f"from {mod} import late", ns := {})
            check(ns["late"] == ("late", mod), lambda: f"from {mod} import late gave {ns['late']!r}")
            m = sys.modules[mod]
        else:
            exec(f"import {mod} as m", ns := {})
            m = ns["m"]
        check(m.value == mod, lambda: f"{mod}.value is {m.value!r}")
        if t % 2:
            sub = importlib.import_module(f"{pkg}.sub")
        else:
            exec(f"from {pkg} import sub", ns := {})
            sub = ns["sub"]
        check(sub.late == ("late", f"{pkg}.sub"), "package submodule incomplete")
        check(sub.parent_value == pkg, "package incomplete")
        return m, sub, sys.modules[pkg]

    results = run_threads(worker)
    for i in range(3):
        objs = {id(res[i]) for res in results if res is not None}
        check(len(objs) == 1, lambda: f"round {r}: threads got {len(objs)} different module objects")
    for name in (mod, pkg, f"{pkg}.sub"):
        runs = executions.count(name)
        check(runs == 1, lambda: f"{name} executed {runs} times")

sys.path.remove(tmp.name)
tmp.cleanup()
finish()
