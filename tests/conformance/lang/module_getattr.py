# Pins: module-level __getattr__ and __dir__ (PEP 562), module attribute assignment, and importing a helper package module with lazy attributes.
import _pkgmod
print(_pkgmod.real, _pkgmod.lazy_thing, _pkgmod.another)
try:
    _pkgmod.forbidden
except AttributeError as e:
    print("AttributeError:", e)
print(dir(_pkgmod))
from _pkgmod import lazy_thing as lt
print(lt)
_pkgmod.added = "set from outside"
print(_pkgmod.added, _pkgmod.reader())
import sys
mod = sys.modules["_pkgmod"]
print(mod is _pkgmod, type(mod).__name__, mod.__name__)
class Special(type(sys)):
    def __repr__(self):
        return "<special module>"
mod.__class__ = Special
print(repr(_pkgmod))
