# importlib.metadata finds installed distributions on sys.path (dist-info: name, version, entry
# points, files), and py_compile/compileall write a .pyc that importlib's SourceFileLoader loads.
import compileall
import importlib.metadata as md
import importlib.util
import os
import py_compile
import sys
import tempfile

site = tempfile.mkdtemp()
os.makedirs(os.path.join(site, "demo_pkg"))
with open(os.path.join(site, "demo_pkg", "__init__.py"), "w") as f:
    f.write("def main():\n    return 'demo main'\nVALUE = 7\n")
info = os.path.join(site, "demo_pkg-1.2.3.dist-info")
os.makedirs(info)
with open(os.path.join(info, "METADATA"), "w") as f:
    f.write("Metadata-Version: 2.1\nName: demo-pkg\nVersion: 1.2.3\nSummary: A demo\nRequires-Dist: nothing-real\n")
with open(os.path.join(info, "entry_points.txt"), "w") as f:
    f.write("[console_scripts]\ndemo = demo_pkg:main\n\n[demo.plugins]\nfirst = demo_pkg:VALUE\n")
with open(os.path.join(info, "RECORD"), "w") as f:
    f.write("demo_pkg/__init__.py,,\ndemo_pkg-1.2.3.dist-info/METADATA,,\n")
sys.path.insert(0, site)

print(md.version("demo-pkg"), md.metadata("demo-pkg")["Summary"], md.requires("demo-pkg"))
dist = md.distribution("demo_pkg")
print(dist.name, sorted(str(p) for p in dist.files))
print([(e.name, e.value) for e in md.entry_points(group="demo.plugins")])
print(md.entry_points(group="demo.plugins")["first"].load())
print([e.name for e in md.entry_points(group="console_scripts") if e.value.startswith("demo_pkg")])
print("demo-pkg" in {d.metadata["Name"] for d in md.distributions()})
try:
    md.version("no-such-distribution")
except md.PackageNotFoundError as e:
    print("PackageNotFoundError:", e)

source = os.path.join(site, "compiled_mod.py")
with open(source, "w") as f:
    f.write("def twice(x):\n    return 2 * x\nWHO = __name__\n")
pyc = py_compile.compile(source)
print(os.path.relpath(pyc, site).startswith("__pycache__" + os.sep + "compiled_mod."), pyc == importlib.util.cache_from_source(source))
print(compileall.compile_file(source, force=True, quiet=1))
print(compileall.compile_dir(os.path.join(site, "demo_pkg"), quiet=1))
spec = importlib.util.spec_from_file_location("compiled_mod", source)
mod = importlib.util.module_from_spec(spec)
spec.loader.exec_module(mod)
print(mod.twice(21), mod.WHO, type(spec.loader).__name__)
code = spec.loader.get_code("compiled_mod")
print(type(code).__name__, code.co_filename == source)
