# Pins: tempfile: TemporaryFile/NamedTemporaryFile modes, SpooledTemporaryFile rollover, mkstemp/mkdtemp prefix/suffix, TemporaryDirectory cleanup, gettempdir type.
import tempfile, os
with tempfile.TemporaryFile() as f:
    f.write(b"hello world")
    f.seek(0)
    print(f.read(), f.mode if hasattr(f, "mode") else None)
with tempfile.TemporaryFile("w+", encoding="utf-8") as f:
    f.write("línea 1\nlínea 2\n")
    f.seek(0)
    print(f.readlines())
with tempfile.NamedTemporaryFile("w", suffix=".txt", prefix="pre_", delete=False) as f:
    name = f.name
    f.write("named")
base = os.path.basename(name)
print(base.startswith("pre_"), base.endswith(".txt"), os.path.exists(name))
with open(name) as f:
    print(f.read())
os.remove(name)
with tempfile.NamedTemporaryFile() as f:
    n2 = f.name
    print(os.path.exists(n2))
print(os.path.exists(n2))
fd, path = tempfile.mkstemp(suffix=".dat", prefix="ms_")
os.write(fd, b"abc")
os.close(fd)
print(os.path.basename(path)[:3], path.endswith(".dat"), os.path.getsize(path))
os.unlink(path)
d = tempfile.mkdtemp(prefix="dir_")
print(os.path.isdir(d), os.path.basename(d).startswith("dir_"), os.listdir(d))
os.rmdir(d)
with tempfile.TemporaryDirectory(prefix="td_") as td:
    p = os.path.join(td, "inner")
    os.makedirs(os.path.join(p, "x"))
    open(os.path.join(p, "x", "f"), "w").close()
    print(os.path.isdir(td), os.path.basename(td).startswith("td_"))
print(os.path.exists(td))
t = tempfile.TemporaryDirectory()
n = t.name
t.cleanup()
print(os.path.exists(n))
s = tempfile.SpooledTemporaryFile(max_size=10)
s.write(b"12345")
print(s._rolled)
s.write(b"67890abc")
print(s._rolled)
s.seek(0)
print(s.read())
s.close()
s = tempfile.SpooledTemporaryFile(max_size=100, mode="w+")
s.write("text mode")
s.seek(0)
print(s.read(), s._rolled)
s.rollover()
print(s._rolled)
s.close()
print(isinstance(tempfile.gettempdir(), str), isinstance(tempfile.gettempdirb(), bytes))
print(os.path.isabs(tempfile.gettempdir()))
with tempfile.NamedTemporaryFile(mode="w+b", delete=True, delete_on_close=False) as f:
    f.write(b"data")
    f.close()
    print(os.path.exists(f.name))
print(os.path.exists(f.name))
try:
    tempfile.NamedTemporaryFile(mode="q")
except ValueError as e:
    print("ValueError", e)
