# Pins: import statement forms, packages with relative imports in a helper folder, module caching, __all__, import errors and __name__ == "__main__".
import sys
print("main name", __name__, __package__, __spec__)
import _pkgdemo
print(_pkgdemo.VERSION, _pkgdemo.helper(), _pkgdemo.nested.deep_value)
import _pkgdemo.sub as s
print(s is sys.modules["_pkgdemo.sub"], s.__name__, s.__package__)
from _pkgdemo import sub, helper as h2
print(h2(), sub.helper is h2)
from _pkgdemo.nested import parent_helper, deep
print(parent_helper(), deep.__name__)
import _pkgdemo
print("second import re-runs nothing")
ns = {}
exec("from _pkgdemo import *", ns)
print(sorted(k for k in ns if not k.startswith("__")))
try:
    deep.beyond()
except ImportError as e:
    print("ImportError:", e)
try:
    import _does_not_exist_anywhere
except ModuleNotFoundError as e:
    print("ModuleNotFoundError:", e, e.name)
try:
    from _pkgdemo import nothing_here
except ImportError as e:
    print("ImportError:", e, e.name)
try:
    import _pkgdemo.broken
except ValueError as e:
    print("ValueError:", e)
print("_pkgdemo.broken" in sys.modules)
import importlib
m = importlib.import_module("_pkgdemo.nested.deep")
print(m.deep_value, m.__package__)
print(importlib.import_module(".sub", "_pkgdemo").__name__)
import os.path as osp, math as m2
print(osp.__name__ in ("posixpath", "ntpath"), m2.floor(2.5))
print(type(_pkgdemo.__path__).__name__, _pkgdemo.__file__.endswith("__init__.py"), sub.__file__.endswith("sub.py"))
print(hasattr(sub, "__path__"), _pkgdemo.__spec__.name, sub.__spec__.parent)
def local_import():
    from json import dumps
    return dumps([1])
print(local_import(), "dumps" in globals())
mod = type(sys)("synthetic")
mod.value = 7
sys.modules["synthetic"] = mod
import synthetic
print(synthetic.value, repr(mod))
try:
    exec("from . import x")
except ImportError as e:
    print("ImportError:", e)
if __name__ == "__main__":
    print("running as main")
