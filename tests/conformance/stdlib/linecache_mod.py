# Pins: linecache: getline on this file and a helper file written at runtime, out-of-range and missing files, getlines, checkcache after modification, lazycache/updatecache, clearcache.
import linecache, os
here = __file__
print(repr(linecache.getline(here, 1)[:50]))
print(repr(linecache.getline(here, 2)))
print(repr(linecache.getline(here, 0)), repr(linecache.getline(here, 100000)), repr(linecache.getline("no_such_file.py", 1)))
lines = linecache.getlines(here)
print(len(lines) > 20, lines[-1].endswith("\n"), linecache.getlines("missing.py"))
name = "_linecache_helper.tmp.py"
with open(name, "w") as f:
    f.write("first line\nsecond line\nthird without newline")
print(repr(linecache.getline(name, 2)), repr(linecache.getline(name, 3)), len(linecache.getlines(name)))
with open(name, "w") as f:
    f.write("changed first\n")
print(repr(linecache.getline(name, 1)))
os.utime(name, (0, 12345))
linecache.checkcache(name)
print(repr(linecache.getline(name, 1)), repr(linecache.getline(name, 2)))
linecache.clearcache()
print(repr(linecache.getline(name, 1)))
os.remove(name)
linecache.checkcache(name)
print(repr(linecache.getline(name, 1)))
print(linecache.updatecache("definitely_missing_file.py"))
class FakeLoader:
    def get_source(self, modname):
        return "virtual line 1\nvirtual line 2\n"
g = {"__name__": "virtual_mod", "__loader__": FakeLoader()}
print(linecache.lazycache("virtual_mod.py", g), repr(linecache.getline("virtual_mod.py", 2, g)))
def marker():
    return "marker function"
import inspect
ln = inspect.getsourcelines(marker)[1]
print(repr(linecache.getline(here, ln)), repr(linecache.getline(here, ln + 1)))
code = "a = 1\nb = 2\nraise ValueError('from exec')\n"
import traceback
linecache.cache["<virtual>"] = (len(code), None, code.splitlines(True), "<virtual>")
try:
    exec(compile(code, "<virtual>", "exec"))
except ValueError as e:
    tb = traceback.extract_tb(e.__traceback__)
    print(tb[-1].filename, tb[-1].lineno, repr(tb[-1].line))
print(repr(linecache.getline("<virtual>", 1)))
