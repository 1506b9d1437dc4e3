# Pins: file objects from open(): text vs binary modes, encodings, newline translation, x mode, r+ and seeking, buffering=0, readline/readlines, iteration, attributes.
import os
name = "file_io_modes.tmp"
with open(name, "w", encoding="utf-8", newline="\n") as f:
    f.write("alpha\nbeta\r\ngamma\rdelta")
    print(f.mode, f.encoding, f.newlines, f.writable(), f.readable(), f.seekable())
with open(name, "rb") as f:
    print(f.read(), f.mode, type(f).__name__, f.raw.__class__.__name__)
with open(name, encoding="utf-8") as f:
    print(f.readlines(), f.newlines)
with open(name, encoding="utf-8", newline="") as f:
    print(f.readlines())
with open(name, "r+", encoding="utf-8") as f:
    f.seek(0)
    f.write("ALPHA")
    f.seek(0)
    print(f.readline().rstrip(), f.tell())
with open(name, "a", encoding="utf-8") as f:
    print(f.tell() > 0)
    f.write("\nappended")
with open(name, encoding="utf-8") as f:
    for i, line in enumerate(f):
        print(i, repr(line))
try:
    open(name, "x")
except FileExistsError as e:
    print("FileExistsError", e.filename)
with open(name, "wb", buffering=0) as f:
    print(type(f).__name__, f.write(b"\x00\x01\xff"))
with open(name, "rb") as f:
    print(f.read(1), f.seek(0, 2), f.tell(), f.read())
with open(name, "w", encoding="utf-16") as f:
    f.write("ab")
with open(name, "rb") as f:
    print(f.read() in (b"\xff\xfea\x00b\x00", b"\xfe\xff\x00a\x00b"))
with open(name, encoding="utf-16") as f:
    print(f.read())
with open(name, "w", encoding="latin-1") as f:
    f.write("é")
try:
    with open(name, encoding="utf-8") as f:
        f.read()
except UnicodeDecodeError as e:
    print("UnicodeDecodeError:", e.reason)
with open(name, encoding="utf-8", errors="replace") as f:
    print(repr(f.read()))
f = open(name, "rb")
f.close()
try:
    f.read()
except ValueError as e:
    print("ValueError:", e)
print(f.closed, f.name)
try:
    open(name, "rt+b")
except ValueError as e:
    print("ValueError:", e)
try:
    open(name, "rb", encoding="utf-8")
except ValueError as e:
    print("ValueError:", e)
with open(name, "w") as f:
    print(f.write("x" * 10), f.truncate(4))
print(os.path.getsize(name))
with open(name, "rb") as f:
    buf = bytearray(3)
    print(f.readinto(buf), buf, f.readline(), f.readlines())
os.remove(name)
