"""The state `warnings` takes from its C half, `_warnings` (see mod.rs).

CPython keeps the filters, the default action, the once-registry, the lock
and the context variable here and does `warn`/`warn_explicit` in C. Spindle
keeps that state here too, and its native `warn`/`warn_explicit` (added by
mod.rs) run the pure-Python `_py_warnings` functions, leaving their frames
out of a raised warning's traceback as a C implementation would. """

import _contextvars
import _thread


class _ModuleName(str):
    """A filter's module given as a plain string, as CPython's default
    `'__main__'`: C matches it by equality, `_py_warnings` calls `.match`."""
    __slots__ = ()

    def match(self, module):
        return self == module


filters = [
    ("default", None, DeprecationWarning, _ModuleName("__main__"), 0),
    ("ignore", None, DeprecationWarning, None, 0),
    ("ignore", None, PendingDeprecationWarning, None, 0),
    ("ignore", None, ImportWarning, None, 0),
    ("ignore", None, ResourceWarning, None, 0),
]
_defaultaction = "default"
_onceregistry = {}
_warnings_context = _contextvars.ContextVar("warnings_context")
_lock = _thread.RLock()


def _acquire_lock():
    _lock.acquire()


def _release_lock():
    _lock.release()


def _filters_mutated_lock_held():
    # `_py_warnings` reads the version from the `warnings` module.
    import sys
    wm = sys.modules.get("warnings")
    if wm is not None:
        wm._filters_version += 1
