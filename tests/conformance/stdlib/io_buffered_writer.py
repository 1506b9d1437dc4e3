# Pins: io.BufferedWriter over a recording raw stream and over files: when blocks reach the raw (buffer_size), partial raw writes, flush/close/detach/seek/tell/truncate, closed and detached messages, constructor errors, repr, pickling refusal, MRO, the raw's None (would block).
import io, os, pickle
def t(f):
    try:
        r = f()
        print("ok", repr(r))
    except BaseException as e:
        print(type(e).__name__, e)
class Rec(io.RawIOBase):
    def __init__(self, limit=None):
        self.chunks = []
        self.limit = limit
        self.pos = 0
    def writable(self): return True
    def seekable(self): return True
    def write(self, b):
        b = bytes(b)
        if self.limit is not None:
            b = b[:self.limit]
        self.chunks.append(b)
        self.pos += len(b)
        return len(b)
    def tell(self): return self.pos
    def seek(self, pos, whence=0):
        self.chunks.append(("seek", pos, whence))
        self.pos = pos
        return pos
    def truncate(self, pos=None):
        self.chunks.append(("truncate", pos))
        return pos
r = Rec()
w = io.BufferedWriter(r, 8)
print(io.BufferedWriter.__mro__)
print(w.write(b"abc"), r.chunks, w.tell())
print(w.write(b"defgh"), r.chunks)
print(w.write(b"i"), r.chunks, w.tell())
w.flush(); print(r.chunks, w.tell())
print(w.write(bytearray(b"0123456789AB")), r.chunks)
print(w.seek(2), r.chunks[-2:])
w.write(b"zz"); print(w.truncate(), r.chunks[-2:])
print(w.writable(), w.readable(), w.seekable(), w.closed, w.raw is r)
t(lambda: w.write("str"))
t(lambda: w.read())
t(lambda: w.name)
print(repr(w).startswith("<_io.BufferedWriter"), repr(w))
t(lambda: pickle.dumps(w))
w.write(b"tail")
w.close(); print(r.chunks[-1], w.closed, r.closed)
t(lambda: w.write(b"x"))
t(lambda: w.flush())
t(lambda: w.seek(0))
t(lambda: w.tell())
t(lambda: w.close())
r2 = Rec(limit=3)
w2 = io.BufferedWriter(r2, 4)
print(w2.write(b"123456789"), r2.chunks)
w2.flush(); print(r2.chunks)
w3 = io.BufferedWriter(Rec(), 100); w3.write(b"keep")
raw3 = w3.detach(); print(raw3.chunks, type(raw3).__name__)
t(lambda: w3.write(b"x"))
t(lambda: w3.flush())
t(lambda: w3.raw)
t(lambda: w3.closed)
t(lambda: w3.detach())
class RO(io.RawIOBase):
    def writable(self): return False
t(lambda: io.BufferedWriter(RO()))
t(lambda: io.BufferedWriter(Rec(), 0))
t(lambda: io.BufferedWriter(Rec(), -1))
t(lambda: io.BufferedWriter())
t(lambda: io.BufferedWriter(Rec(), 8, 1))
class NB(io.RawIOBase):
    def writable(self): return True
    def write(self, b): return None
wn = io.BufferedWriter(NB(), 2)
t(lambda: wn.write(b"ab"))
class Bad(io.RawIOBase):
    def writable(self): return True
    def write(self, b): return 99
wb = io.BufferedWriter(Bad(), 2)
t(lambda: wb.write(b"abc"))
t(lambda: w.seek(0, 9))
name = "io_buffered_writer.tmp"
with open(name, "wb") as f:
    print(type(f).__name__, f.write(b"x" * 5), f.tell(), os.path.getsize(name), f.name, f.mode)
    f.flush(); print(os.path.getsize(name))
    print(f.seek(0, 2), f.truncate(2), f.tell())
print(os.path.getsize(name), f.closed)
with open(name, "ab") as f:
    f.write(b"yz"); print(f.tell(), repr(f) == "<_io.BufferedWriter name='%s'>" % name)
with open(name, "rb") as f:
    print(f.read())
with open(name, "w", encoding="utf-8") as f:
    print(type(f.buffer).__name__, f.write("héllo\n"), f.tell(), f.buffer.tell())
with open(name, "rb") as f:
    print(f.read())
f = open(name, "wb"); f.write(b"unflushed"); del f
with open(name, "rb") as f:
    print(f.read())
os.remove(name)
print(isinstance(io.BufferedWriter(Rec()), io.BufferedIOBase), io.BufferedWriter(Rec()).fileno if False else "")
