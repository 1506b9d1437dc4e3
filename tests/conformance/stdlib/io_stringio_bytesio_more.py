# Pins: io.StringIO/BytesIO details: initial value position, write past end padding, seek/tell semantics, truncate, newline translation in StringIO, getbuffer export locking, readline/readlines/iteration, closed errors, TextIOWrapper over BytesIO.
import io
s = io.StringIO("hello")
print(s.tell(), s.read(), s.tell())
s.write(" world")
print(s.getvalue(), s.tell())
s.seek(0); s.write("J")
print(s.getvalue())
s.seek(20); s.write("!")
print(repr(s.getvalue()), len(s.getvalue()))
s.truncate(5); print(repr(s.getvalue()), s.tell())
s.seek(0, io.SEEK_END); print(s.tell())
try:
    s.seek(1, io.SEEK_CUR)
except OSError as e:
    print(type(e).__name__, e)
try:
    s.seek(-1)
except ValueError as e:
    print("ValueError", e)
n = io.StringIO("a\r\nb\rc\n", newline=None)
print(repr(n.read()), n.newlines)
n2 = io.StringIO(newline="\r\n"); n2.write("x\ny\n"); print(repr(n2.getvalue()))
n3 = io.StringIO("a\r\nb", newline=""); print(n3.readlines())
lines = io.StringIO("one\ntwo\nthree")
print(lines.readline(), lines.readline(2), lines.readlines(), list(io.StringIO("x\ny\n")))
b = io.BytesIO(b"abcdef")
print(b.read(2), b.tell(), b.read1(2), b.getvalue(), b.seek(0, 2), b.write(b"GH"), b.getvalue())
b.seek(10); b.write(b"Z"); print(b.getvalue())
view = b.getbuffer()
print(len(view), bytes(view[:3]))
try:
    b.write(b"more")
except BufferError as e:
    print("BufferError", e)
try:
    b.truncate(2)
except BufferError as e:
    print("BufferError", e)
view.release()
b.truncate(3); print(b.getvalue(), b.tell())
buf = bytearray(4)
bb = io.BytesIO(b"123456")
print(bb.readinto(buf), buf, bb.readinto(buf), buf, bb.readinto(buf))
print(io.BytesIO(b"l1\nl2\n").readlines(), list(io.BytesIO(b"a\nb")), io.BytesIO(b"xyz").readline(2))
c = io.StringIO("x"); c.close()
for op in (c.read, c.getvalue, lambda: c.write("y")):
    try:
        op()
    except ValueError as e:
        print("ValueError", e)
print(c.closed)
raw = io.BytesIO()
tw = io.TextIOWrapper(raw, encoding="utf-8", newline="\n")
tw.write("ünïcode\nline2\n"); tw.flush()
print(raw.getvalue())
tw.seek(0)
print(tw.read())
tw2 = io.TextIOWrapper(io.BytesIO("café\r\nbar".encode("latin-1")), encoding="latin-1")
print(tw2.readlines(), tw2.encoding)
d = tw.detach()
print(d is raw)
try:
    tw.read()
except ValueError as e:
    print("ValueError", e)
with io.StringIO() as ctx:
    ctx.write("in with")
print(ctx.closed)
try:
    io.StringIO(b"bytes")
except TypeError as e:
    print("TypeError", e)
try:
    io.BytesIO("str")
except TypeError as e:
    print("TypeError", e)
print(io.StringIO().readable(), io.StringIO().seekable(), io.BytesIO().writable(), isinstance(io.StringIO(), io.TextIOBase), isinstance(io.BytesIO(), io.BufferedIOBase))
