# Pins: text writes to files: newline translation per mode, line buffering reaching the file at each newline (and at \r), tell() after writes, w+ write/seek/read/write mixes, utf-8 vs other encodings and errors, lone surrogates, write after close/detach, a str subclass, the returned length.
import os, io
name = "io_text_write_paths.tmp"
def raw():
    with open(name, "rb") as g:
        return g.read()
for nl in (None, "", "\n", "\r", "\r\n"):
    with open(name, "w", encoding="utf-8", newline=nl) as f:
        print(repr(nl), f.write("a\nb\r\nc\rd\n"), f.tell())
    print(raw())
f = open(name, "w", encoding="utf-8", buffering=1)
f.write("no newline yet"); print(raw())
f.write(" now\n"); print(raw())
f.write("cr\r"); print(raw())
f.close()
f = open(name, "w", encoding="utf-8")
f.write("buffered\n"); print(raw()); f.flush(); print(raw()); f.close()
with open(name, "w+", encoding="utf-8") as f:
    f.write("héllo\nwörld\n"); print(f.tell()); f.seek(0); print(repr(f.readline())); f.write("X"); f.seek(0); print(repr(f.read()))
with open(name, "w", encoding="latin-1") as f:
    print(f.write("é€" if False else "éa"))
print(raw())
with open(name, "w", encoding="ascii", errors="replace") as f:
    f.write("é\n")
print(raw())
with open(name, "w", encoding="utf-8") as f:
    f.write("ok")
    try:
        f.write("\udc80")
    except UnicodeEncodeError as e:
        print("UnicodeEncodeError", e.reason)
    f.write("!")
print(raw())
with open(name, "w", encoding="utf-8", errors="surrogateescape") as f:
    f.write("\udc80z")
print(raw())
class S(str):
    pass
with open(name, "w", encoding="utf-8") as f:
    print(f.write(S("sub\n")), f.write("😀\n"))
print(raw())
f = open(name, "w", encoding="utf-8"); f.close()
try:
    f.write("x")
except ValueError as e:
    print("ValueError", e)
f = open(name, "w", encoding="utf-8"); f.write("kept"); b = f.detach()
try:
    f.write("x")
except ValueError as e:
    print("ValueError", e)
b.close(); print(raw())
try:
    open(name, "w", encoding="utf-8").write(b"bytes")
except TypeError as e:
    print("TypeError", e)
os.remove(name)
