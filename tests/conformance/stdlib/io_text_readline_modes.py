# Pins: text files read line by line in every newline mode, mixing iteration, readline(size), read(n), tell/seek round trips and newlines, across chunk boundaries (long lines, \r\n split at a chunk edge).
import os
name = "io_text_readline_modes.tmp"
raw = b"".join(b"row %d%s" % (i, (b"\n", b"\r\n", b"\r")[i % 3]) for i in range(3000))
raw += b"x" * 20000 + b"\r\n" + b"tail\r"
with open(name, "wb") as f:
    f.write(raw)
for nl in (None, "", "\n", "\r", "\r\n"):
    with open(name, newline=nl, encoding="ascii") as f:
        lines = list(f)
        print(repr(nl), len(lines), [l[-8:] for l in lines[:4]], repr(lines[-1][-8:]), sum(map(len, lines)), f.newlines)
    with open(name, newline=nl, encoding="ascii") as f:
        out = []
        for i in range(50):
            out.append(f.readline())
        pos = f.tell()
        a = f.readline()
        f.seek(pos)
        b = next(f)
        c = f.readline(3)
        d = f.read(5)
        e = f.readline()
        print(repr(nl), a == b, repr(c), repr(d), repr(e), len("".join(out)))
        f.seek(0)
        print(sum(1 for _ in f), repr(f.readline()), repr(f.read()))
with open(name, "w", encoding="utf-8", newline="") as f:
    f.write("é\r\n" * 5000 + "end")
with open(name, encoding="utf-8") as f:
    n = 0
    while f.readline():
        n += 1
    print(n, f.newlines)
with open(name, encoding="utf-8") as f:
    f.readline()
    p = f.tell()
    print(repr(f.readline()), f.seek(p) == p, repr(f.readline()), repr(next(f)))
os.remove(name)
