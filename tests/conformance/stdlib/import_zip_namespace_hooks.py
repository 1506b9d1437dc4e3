# Imports beyond plain directories: modules and packages from zip archives on sys.path (in
# path order), namespace packages (PEP 420, portions in two directories), zipimport itself,
# a sys.meta_path finder in front of the default one, a finder behind it, a path hook, and
# importlib.util.find_spec / pkgutil over the same.
import importlib
import importlib.abc
import importlib.machinery
import importlib.util
import os
import pkgutil
import sys
import tempfile
import zipfile
import zipimport

tmp = tempfile.mkdtemp()


def write(rel, text):
    path = os.path.join(tmp, rel)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w") as f:
        f.write(text)


archive = os.path.join(tmp, "lib.zip")
with zipfile.ZipFile(archive, "w") as z:
    z.writestr("zmod.py", "WHERE = 'zip'\ndef hello():\n    return 'hello from ' + __name__\n")
    z.writestr("zpkg/__init__.py", "from .inner import VALUE\n")
    z.writestr("zpkg/inner.py", "VALUE = 42\n")
    z.writestr("shadow.py", "WHERE = 'zip'\n")
write("dir1/shadow.py", "WHERE = 'dir1'\n")
write("dir1/ns/a.py", "A = 'portion one'\n")
write("dir2/ns/b.py", "B = 'portion two'\n")
write("dir2/ns/sub/c.py", "C = 'nested'\n")

sys.path[:0] = [os.path.join(tmp, "dir1"), archive, os.path.join(tmp, "dir2")]

import zmod
import zpkg
import shadow
print(zmod.hello(), zmod.WHERE, os.path.relpath(zmod.__file__, tmp))
print(zpkg.VALUE, zpkg.inner.VALUE, type(zpkg.__loader__).__name__)
print("shadow from", shadow.WHERE)

import ns.a
import ns.b
import ns.sub.c
print(ns.a.A, ns.b.B, ns.sub.c.C)
print(type(ns.__path__).__name__, [os.path.relpath(p, tmp) for p in ns.__path__])
print(ns.__spec__.origin, ns.__file__ if hasattr(ns, "__file__") else "no __file__")

z = zipimport.zipimporter(archive)
print(type(z).__name__, z.is_package("zpkg"), z.is_package("zmod"))
print(z.get_source("zmod").splitlines()[0])
spec = importlib.util.find_spec("zmod")
print(spec.name, type(spec.loader).__name__)
print(importlib.util.find_spec("no_such_module_anywhere"))
print(sorted(m.name for m in pkgutil.iter_modules([archive])))

try:
    import no_such_module_anywhere
except ModuleNotFoundError as e:
    print("ModuleNotFoundError:", e, e.name)


class VirtualLoader(importlib.abc.Loader):
    def create_module(self, spec):
        return None

    def exec_module(self, module):
        module.origin = f"made by {type(self).__name__} for {module.__name__}"


class FrontFinder(importlib.abc.MetaPathFinder):
    seen = []

    def find_spec(self, name, path, target=None):
        self.seen.append(name)
        if name in ("virtual_front", "shadow2"):
            return importlib.machinery.ModuleSpec(name, VirtualLoader())
        return None


class BackFinder(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path, target=None):
        if name == "virtual_back":
            return importlib.machinery.ModuleSpec(name, VirtualLoader())
        return None


write("dir1/shadow2.py", "origin = 'the file'\n")
sys.meta_path.insert(0, FrontFinder())
sys.meta_path.append(BackFinder())
import virtual_front
import virtual_back
import shadow2
print(virtual_front.origin)
print(virtual_back.origin)
print("shadow2:", shadow2.origin)
print("front finder asked:", [n for n in FrontFinder.seen if not n.startswith("_")])


class HookFinder:
    def __init__(self, path):
        if not path.endswith("@virtual"):
            raise ImportError("not mine")
        self.path = path

    def find_spec(self, name, target=None):
        if name == "from_hook":
            return importlib.machinery.ModuleSpec(name, VirtualLoader(), origin=self.path)
        return None


sys.path_hooks.insert(0, HookFinder)
sys.path.append(os.path.join(tmp, "@virtual"))
sys.path_importer_cache.clear()
import from_hook
print(from_hook.origin, os.path.relpath(from_hook.__spec__.origin, tmp))
