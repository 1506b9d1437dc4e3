# Pins: import machinery on a helper package: package __init__ runs once, sys.modules caching, relative imports inside the package, __all__ controlling star-import, importlib.import_module/reload, failed import not cached, ModuleNotFoundError names, module attributes (__name__, __package__, __file__ basename, __spec__.name).
import sys, importlib, os
import _imphelp
import _imphelp
print(_imphelp.LOADED, _imphelp.greet("a"), _imphelp.VERSION)
from _imphelp import greet, core
print(greet("b"), core.counter, core is sys.modules["_imphelp.core"])
from _imphelp.sub.leaf import leaf, LOADED_FROM
print(leaf(), LOADED_FROM, _imphelp.LOADED, "_imphelp.sub" in sys.modules, hasattr(_imphelp, "sub"))
ns = {}
exec("from _imphelp import *", ns)
print(sorted(k for k in ns if not k.startswith("__")))
m = importlib.import_module("_imphelp.sub.leaf")
print(m.__name__, m.__package__, os.path.basename(m.__file__), m.__spec__.name, m.__spec__.parent)
rel = importlib.import_module(".core", package="_imphelp")
print(rel is core, _imphelp.__path__[0].endswith("_imphelp"), os.path.basename(_imphelp.__file__))
core.counter = 100
reloaded = importlib.reload(core)
print(reloaded is core, core.counter, _imphelp.LOADED)
for attempt in range(2):
    try:
        import _imphelp.broken
    except RuntimeError as e:
        print("attempt", attempt, "RuntimeError", e, "_imphelp.broken" in sys.modules)
for name in ["_imphelp.missing", "no_such_top_level_module", "_imphelp.core.not_a_package"]:
    try:
        importlib.import_module(name)
    except ModuleNotFoundError as e:
        print("ModuleNotFoundError", e, "| name:", e.name)
try:
    from _imphelp import does_not_exist
except ImportError as e:
    print("ImportError", e, "| name:", e.name)
try:
    importlib.import_module("..x", package=None)
except TypeError as e:
    print("TypeError", e)
mod = __import__("_imphelp.sub.leaf")
print(mod.__name__, __import__("_imphelp.sub.leaf", fromlist=["leaf"]).__name__)
print(__name__, __package__, __spec__, os.path.basename(__file__))
import json as j1, json as j2
print(j1 is j2, sys.modules["json"] is j1)
sys.modules["fake_module"] = type(sys)("fake_module")
sys.modules["fake_module"].answer = 42
import fake_module
print(fake_module.answer)
del sys.modules["fake_module"]
