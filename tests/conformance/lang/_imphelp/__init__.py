"""Helper package for lang/import_mechanics.py."""
print("imphelp package initialised")
LOADED = []
from .core import greet
__all__ = ["greet", "VERSION"]
VERSION = (1, 2)
_private = "hidden from star import"
