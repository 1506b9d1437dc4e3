# Pins: sys.path_hooks gives directories a FileFinder: pkgutil.iter_modules/walk_packages/get_importer over a folder and over stdlib package paths, importlib.machinery.PathFinder/FileFinder specs and loading, sys.path_importer_cache, importlib.invalidate_caches, and non-directory entries refused.
import sys, os, tempfile, pkgutil, importlib, importlib.machinery, importlib.util, json, email
print(len(sys.path_hooks) > 0, all(callable(h) for h in sys.path_hooks))
with tempfile.TemporaryDirectory() as d:
    os.mkdir(os.path.join(d, "pkg"))
    for rel, text in [("alpha.py", "X = 1\n"), ("beta.py", "Y = 2\n"), ("pkg/__init__.py", "P = 3\n"), ("pkg/sub.py", "S = 4\n"), ("notes.txt", "x\n")]:
        with open(os.path.join(d, rel), "w") as f:
            f.write(text)
    print(sorted((m.name, m.ispkg) for m in pkgutil.iter_modules([d])))
    print(sorted(m.name for m in pkgutil.iter_modules([os.path.join(d, "pkg")], prefix="pkg.")))
    imp = pkgutil.get_importer(d)
    print(type(imp).__name__, imp is sys.path_importer_cache.get(d), pkgutil.get_importer(d) is imp)
    spec = imp.find_spec("alpha")
    print(spec.name, type(spec.loader).__name__, os.path.basename(spec.origin), spec.submodule_search_locations)
    pspec = importlib.machinery.PathFinder.find_spec("pkg", [d])
    print(pspec.name, [os.path.basename(p) for p in pspec.submodule_search_locations], os.path.basename(pspec.origin))
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    print(mod.X, mod.__name__, importlib.machinery.PathFinder.find_spec("missing_mod", [d]))
    sys.path.insert(0, d)
    try:
        importlib.invalidate_caches()
        import alpha, pkg.sub
        print(alpha.X, pkg.sub.S, sorted(m.name for m in pkgutil.walk_packages([d])))
    finally:
        sys.path.remove(d)
        for name in ("alpha", "pkg", "pkg.sub"):
            sys.modules.pop(name, None)
    print(pkgutil.get_importer(os.path.join(d, "notes.txt")))
print(sorted(m.name for m in pkgutil.iter_modules(json.__path__)))
print([m.name for m in pkgutil.iter_modules(email.__path__) if m.name.startswith("_") and not m.name.startswith("__")][:3])
print(isinstance(importlib.machinery.FileFinder.path_hook, type(print)) or callable(importlib.machinery.FileFinder.path_hook))
