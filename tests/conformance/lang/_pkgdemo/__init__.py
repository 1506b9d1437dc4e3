# Helper package for lang/imports.py (not a case: it lives in a `_` folder).
print("init _pkgdemo", __name__, __package__)
from .sub import helper
from . import nested
VERSION = "1.0"
__all__ = ["helper", "VERSION"]
