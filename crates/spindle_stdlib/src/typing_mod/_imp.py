"""Spindle's `_imp`: the hooks `importlib` expects from the runtime. Spindle's
import system is native; these report its state (no frozen modules, no
extension modules) and hand builtin modules out by name."""

import sys as _sys

check_hash_based_pycs = "never"



def lock_held():
    return False


def acquire_lock():
    pass


def release_lock():
    pass


def is_builtin(name):
    return 1 if name in _sys.builtin_module_names else 0


def create_builtin(spec):
    name = spec.name
    if name in _sys.modules:
        return _sys.modules[name]
    return __import__(name)


def exec_builtin(mod):
    return 0


def is_frozen(name):
    return False


def is_frozen_package(name):
    raise ImportError(f"No such frozen object named {name!r}", name=name)


def find_frozen(name, withdata=False):
    return None


def get_frozen_object(name, data=None):
    raise ImportError(f"No such frozen object named {name!r}", name=name)


def init_frozen(name):
    return None


def extension_suffixes():
    return []


def exec_dynamic(mod):
    return 0


def create_dynamic(spec, file=None):
    raise ImportError("Spindle cannot load extension modules", name=spec.name)


def _fix_co_filename(code, path):
    pass


def source_hash(key, source):
    import hashlib
    return hashlib.sha256(key.to_bytes(8, "little") + bytes(source)).digest()[:8]


def _override_frozen_modules_for_tests(override):
    pass


def _override_multi_interp_extensions_check(override):
    return -1


def _frozen_module_names():
    return []
