# Pins: text-mode newline handling on open(): newline=None/''/'\n'/'\r\n'/'\r' on write and read, universal newlines, tell/seek round trips, readline limits.
import os, tempfile
td = tempfile.mkdtemp()
p = os.path.join(td, "nl.txt")
raw = b"one\ntwo\r\nthree\rfour\n\nfive"
with open(p, "wb") as f:
    f.write(raw)
for nl in (None, "", "\n", "\r\n", "\r"):
    with open(p, newline=nl) as f:
        lines = f.readlines()
    print(repr(nl), lines)
with open(p) as f:
    print(repr(f.read()), f.newlines)
with open(p, newline="") as f:
    print(repr(f.read()))
for nl in (None, "", "\n", "\r\n", "\r"):
    with open(p, "w", newline=nl) as f:
        f.write("a\nb\r\nc\rd")
    with open(p, "rb") as f:
        print("write", repr(nl), f.read())
try:
    open(p, newline="x")
except ValueError as e:
    print("ValueError", e)
with open(p, "w") as f:
    f.write("alpha\nbeta\ngamma\n")
with open(p) as f:
    print(repr(f.readline()), f.tell())
    pos = f.tell()
    print(repr(f.readline(2)), repr(f.readline()))
    f.seek(pos)
    print(repr(f.readline()))
    print(repr(f.read(3)), repr(f.read()), repr(f.read()))
    f.seek(0)
    print([l.rstrip() for l in f])
with open(p, "a") as f:
    print(f.tell())
    f.write("delta")
with open(p) as f:
    print(f.read().splitlines())
with open(p, "r+") as f:
    f.write("ALPHA")
    f.seek(0)
    print(repr(f.readline()))
with open(p, "w", encoding="utf-8") as f:
    print(f.write("héllo\n"), f.encoding, f.errors, f.line_buffering, f.name == p, f.mode)
with open(p, "rb") as f:
    print(f.read())
with open(p, encoding="utf-8") as f:
    try:
        f.write("x")
    except Exception as e:
        print(type(e).__name__, e)
    print(f.readable(), f.writable(), f.seekable(), f.closed)
print(f.closed)
try:
    f.read()
except ValueError as e:
    print("ValueError", e)
os.remove(p)
os.rmdir(td)
