"""Spindle's path finder on sys.meta_path, so importlib's own machinery
(importlib.util.find_spec, runpy for `-m`, pkgutil, importlib.import_module)
finds the same modules as the native import statement. `_find` and `_code`
are the native importer's search and compile steps (import.rs); `_load`
is the import statement's own loader, so a module imported either way is
the same object.

`path_hook` is the entry on sys.path_hooks (what pkgutil.iter_modules and
importlib's PathFinder consult): the embedded Lib's entries get a
SpindleLibFinder, real directories importlib's own FileFinder."""
import sys

# Names just loaded by create_module, whose exec_module has nothing to do.
_fresh = set()


def _search_path(fullname, path):
    if path is not None:
        return path
    parent = fullname.rpartition(".")[0]
    if parent:
        return getattr(sys.modules.get(parent), "__path__", None) or []
    return None


def _native_spec(fullname, path):
    found = _find(fullname, _search_path(fullname, path))
    if found is None:
        return None
    origin, is_pkg = found
    from importlib.machinery import ModuleSpec
    spec = ModuleSpec(fullname, SpindlePathFinder, origin=origin, is_package=is_pkg)
    if is_pkg:
        spec.submodule_search_locations = [origin.rpartition("/")[0]]
    spec.has_location = origin != "built-in"
    return spec


class SpindlePathFinder:
    """CPython's PathFinder, with the native search first: what it does not
    find, importlib's PathFinder looks for through the path hooks (zip
    archives, namespace packages, hooks others added)."""

    @classmethod
    def find_spec(cls, fullname, path=None, target=None):
        spec = _native_spec(fullname, path)
        if spec is None:
            from importlib.machinery import PathFinder
            spec = PathFinder.find_spec(fullname, path, target)
        return spec

    @classmethod
    def invalidate_caches(cls):
        from importlib.machinery import PathFinder
        PathFinder.invalidate_caches()

    @classmethod
    def get_data(cls, path):
        """The bytes of `path` (pkgutil.get_data): a file, or an embedded
        Lib source."""
        if path.startswith(_LIB + "/"):
            text = _source(path)
            if text is None:
                raise FileNotFoundError(2, "No such file or directory", path)
            return text.encode("utf-8")
        with open(path, "rb") as f:
            return f.read()

    @classmethod
    def get_resource_reader(cls, fullname):
        """importlib.resources' reader for a package loaded from a folder on
        disk (its files are beside its `__file__`); None for the embedded Lib."""
        spec = getattr(sys.modules.get(fullname), "__spec__", None)
        origin = getattr(spec, "origin", None)
        if not origin or origin == "built-in" or origin.startswith(_LIB):
            return None
        from importlib.readers import FileReader

        class _Origin:
            path = origin
        return FileReader(_Origin)

    @classmethod
    def find_distributions(cls, *args, **kwargs):
        """What importlib.metadata asks the path finder: installed
        distributions (`*.dist-info`, `*.egg-info`) on sys.path."""
        from importlib.machinery import PathFinder
        return PathFinder.find_distributions(*args, **kwargs)

    @classmethod
    def create_module(cls, spec):
        module = _load(spec.name)
        _fresh.add(spec.name)
        return module

    @classmethod
    def exec_module(cls, module):
        name = module.__spec__.name
        if name in _fresh:
            _fresh.discard(name)
            return
        # importlib.reload: run the module's code again in its namespace.
        code = _code(module.__spec__.origin)
        if code is None:
            raise ImportError(f"cannot load {module.__spec__.name!r}", name=module.__spec__.name)
        exec(code, module.__dict__)

    @classmethod
    def _origin(cls, fullname):
        found = _find(fullname, _search_path(fullname, None))
        if found is None:
            raise ImportError(f"No module named {fullname!r}", name=fullname)
        return found

    @classmethod
    def get_code(cls, fullname):
        return _code(cls._origin(fullname)[0])

    @classmethod
    def is_package(cls, fullname):
        return cls._origin(fullname)[1]

    @classmethod
    def get_filename(cls, fullname):
        return cls._origin(fullname)[0]

    @classmethod
    def get_source(cls, fullname):
        return _source(cls._origin(fullname)[0])


class SpindleLibFinder:
    """Path entry finder for the embedded Lib (`<spindle-lib>` and its
    package folders)."""

    def __init__(self, path):
        self.path = path

    def __repr__(self):
        return f"SpindleLibFinder({self.path!r})"

    def find_spec(self, fullname, target=None):
        return _native_spec(fullname, [self.path])

    def invalidate_caches(self):
        pass

    def iter_modules(self, prefix=""):
        for name, is_pkg in _list(self.path):
            yield prefix + name, is_pkg


class _ModuleLock:
    """importlib's module lock for one name, over the import statement's
    own (so both ways of importing a module wait for each other); stands in
    for `importlib._bootstrap._ModuleLock` through `_get_module_lock`."""

    __slots__ = ("name",)

    def __init__(self, name):
        self.name = name

    def acquire(self):
        if not _lock_acquire(self.name):
            from importlib._bootstrap import _DeadlockError
            raise _DeadlockError(f"deadlock detected by {self!r}")
        return True

    def release(self):
        _lock_release(self.name)

    def __repr__(self):
        return f"_ModuleLock({self.name!r}) at {id(self)}"


def _get_module_lock(name):
    """importlib._bootstrap._get_module_lock, once importlib is loaded."""
    return _ModuleLock(name)


# importlib's FileFinder hook, made on first use (importing importlib's
# external bootstrap at start-up would cost every run).
_file_finder_hook = None


def path_hook(path):
    """sys.path_hooks entry: a path entry finder for `path` (CPython's two
    hooks in one: a zip archive gets a zipimporter, a directory a FileFinder
    for source files; Spindle cannot load CPython's bytecode or extension
    modules)."""
    if path == _LIB or path.startswith(_LIB + "/"):
        return SpindleLibFinder(path)
    global _file_finder_hook
    if _file_finder_hook is None:
        from importlib import _bootstrap_external as ext
        _file_finder_hook = ext.FileFinder.path_hook((ext.SourceFileLoader, ext.SOURCE_SUFFIXES))
    if path and not _isdir(path):
        import zipimport
        try:
            return zipimport.zipimporter(path)
        except zipimport.ZipImportError:
            pass
    return _file_finder_hook(path)


def _isdir(path):
    import os
    return os.path.isdir(path)


def _finder_spec(finder, fullname, path):
    find_spec = getattr(finder, "find_spec", None)
    return None if find_spec is None else find_spec(fullname, path, None)


def _meta_before(fullname, path):
    """The spec from a sys.meta_path finder in front of SpindlePathFinder
    (they get the first say, as on CPython's meta_path), or None."""
    for finder in list(sys.meta_path):
        if finder is SpindlePathFinder:
            return None
        spec = _finder_spec(finder, fullname, path)
        if spec is not None:
            return spec
    return None


def _meta_after(fullname, path):
    """For a module the native search did not find: the spec from
    importlib's PathFinder over the path hooks (namespace packages, hooks
    others added), else from a sys.meta_path finder after
    SpindlePathFinder, or None."""
    from importlib.machinery import PathFinder
    spec = PathFinder.find_spec(fullname, path)
    if spec is not None:
        return spec
    finders = list(sys.meta_path)
    if SpindlePathFinder in finders:
        finders = finders[finders.index(SpindlePathFinder) + 1:]
    for finder in finders:
        spec = _finder_spec(finder, fullname, path)
        if spec is not None:
            return spec
    return None


def _entry_spec(fullname, path):
    """The spec for `fullname` from the path entries `path` that the native
    search cannot read (zip archives), or None."""
    from importlib.machinery import PathFinder
    return PathFinder.find_spec(fullname, path)


def _load_spec(spec):
    from importlib._bootstrap import _load
    return _load(spec)
