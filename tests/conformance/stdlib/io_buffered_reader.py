# Pins: io.BufferedReader over a recording raw stream and over files: C's raw read sizes (whole blocks direct, the rest through the buffer), read/read1/peek/readline/readinto/readinto1/iteration, seek/tell, closed and detached messages, constructor errors, a raw that would block, repr, pickling refusal, MRO, text reading through it.
import io, os, pickle
def t(f):
    try:
        r = f()
        print("ok", repr(r))
    except BaseException as e:
        print(type(e).__name__, e)
class Src(io.RawIOBase):
    def __init__(self, data, chunk=None):
        self.data = data; self.pos = 0; self.calls = []; self.chunk = chunk
    def readable(self): return True
    def seekable(self): return True
    def readinto(self, b):
        n = len(b)
        if self.chunk: n = min(n, self.chunk)
        piece = self.data[self.pos:self.pos + n]
        self.calls.append(len(b))
        b[:len(piece)] = piece
        self.pos += len(piece)
        return len(piece)
    def tell(self): return self.pos
    def seek(self, pos, whence=0):
        self.pos = [0, self.pos, len(self.data)][whence] + pos
        return self.pos
data = bytes(range(48, 48 + 40)) + b"\nline2\nline3"
s = Src(data)
r = io.BufferedReader(s, 8)
print(s.calls)
print(io.BufferedReader.__mro__)
print(r.read(3), r.read1(2), r.peek(1)[:3], r.tell())
print(r.read(10), r.tell(), r.read1(), r.readline(), r.readline(3))
print(r.seek(5), r.read(2), r.seek(3, 1), r.read(2), r.seek(-3, 2), r.read(), r.read(), r.read(5))
r.seek(0)
print(r.readline(), list(r))
r.seek(0)
b = bytearray(5); print(r.readinto(b), b, r.readinto1(b), b)
print(r.readable(), r.writable(), r.seekable(), r.closed, r.raw is s)
t(lambda: r.write(b"x"))
t(lambda: r.read(-2))
t(lambda: r.read("x"))
t(lambda: r.seek(0, 9))
t(lambda: r.truncate())
t(lambda: r.readinto(b"xx"))
t(lambda: pickle.dumps(r))
t(lambda: r.name)
print(repr(r))
r.close(); print(r.closed, s.closed)
for name in ["read", "read1", "peek", "readline", "seek", "flush", "__next__"]:
    print(name, end=" "); t(lambda: getattr(r, name)(*((0,) if name == "seek" else ())))
print("readinto", end=" "); t(lambda: r.readinto(bytearray(1)))
t(lambda: r.close())
r2 = io.BufferedReader(Src(b"abc"), 8); r2.read(1); raw2 = r2.detach(); print(type(raw2).__name__)
t(lambda: r2.read())
t(lambda: r2.raw)
class WO(io.RawIOBase):
    def readable(self): return False
t(lambda: io.BufferedReader(WO()))
t(lambda: io.BufferedReader(Src(b""), 0))
t(lambda: io.BufferedReader())
class NB(io.RawIOBase):
    def readable(self): return True
    def readinto(self, b): return None
nb = io.BufferedReader(NB(), 4)
t(lambda: nb.read(2)); t(lambda: nb.read()); t(lambda: nb.read1(1)); t(lambda: nb.peek())
name = "io_buffered_reader.tmp"
with open(name, "wb") as f:
    f.write(b"one\ntwo\r\nthree")
with open(name, "rb") as f:
    print(type(f).__name__, f.read(2), f.peek()[:5], f.readline(), f.tell(), list(f), f.read())
    print(f.seek(0), f.readlines(), f.seek(4), f.read1(3), f.tell())
    print(repr(f) == "<_io.BufferedReader name='%s'>" % name, f.name, f.mode, f.fileno() > 2, f.isatty())
with open(name, "rb") as f:
    print(f.readlines(5))
with open(name, "rb") as f:
    f.close()
    t(lambda: f.read())
f = open(name, "rb"); del f
with open(name, "r") as f:
    print(f.readline(), f.tell(), f.read(2), f.readline(), f.tell())
os.remove(name)
print(isinstance(r, io.BufferedIOBase))
print(s.calls)
