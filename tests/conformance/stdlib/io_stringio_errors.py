# Pins: io.StringIO's exact errors and edge cases: closed/uninitialized checks (with and without the period), argument errors, seek/truncate rules, newline modes (None/''/'\n'/'\r'/'\r\n') on write, read and readline limits, newlines, readlines hints, __getstate__/__setstate__ and pickling, subclasses, MRO.
import io, pickle
def t(f):
    try:
        r = f()
        print("ok", repr(r))
    except BaseException as e:
        print(type(e).__name__, e)
s = io.StringIO("x"); s.close()
for name in ["read", "readline", "readlines", "tell", "getvalue", "isatty", "flush", "__enter__", "__iter__",
             "__next__", "readable", "writable", "seekable", "fileno", "detach", "__getstate__", "truncate"]:
    print(name, end=" "); t(lambda: getattr(s, name)())
print("seek", end=" "); t(lambda: s.seek(0))
print("write", end=" "); t(lambda: s.write("a"))
print("write b", end=" "); t(lambda: s.write(b"a"))
print("writelines", end=" "); t(lambda: s.writelines(["a"]))
print("line_buffering", end=" "); t(lambda: s.line_buffering)
print("newlines", end=" "); t(lambda: s.newlines)
print("encoding", end=" "); t(lambda: s.encoding)
print("errors", end=" "); t(lambda: s.errors)
print("close again", end=" "); t(lambda: s.close())
s = io.StringIO()
t(lambda: io.StringIO(newline="x"))
t(lambda: io.StringIO(newline=1))
t(lambda: io.StringIO(1))
t(lambda: io.StringIO("a", "\n", 3))
t(lambda: io.StringIO(foo=3))
t(lambda: s.seek(0, 3))
t(lambda: s.seek(-1))
t(lambda: s.seek(1, 2))
t(lambda: s.seek("a"))
t(lambda: s.seek(1.5))
t(lambda: s.read("a"))
t(lambda: s.read(1.5))
t(lambda: s.readline("a"))
t(lambda: s.truncate(-1))
t(lambda: s.truncate("a"))
t(lambda: s.readlines("a"))
t(lambda: s.__setstate__(1))
t(lambda: s.__setstate__((1, 2, 3)))
t(lambda: s.__setstate__((1, None, 0, None)))
t(lambda: s.__setstate__(("a", None, "x", None)))
t(lambda: s.__setstate__(("a", None, -1, None)))
t(lambda: s.__setstate__(("a", None, 0, 1)))
t(lambda: s.__setstate__(("a", 3, 0, None)))
t(lambda: s.__setstate__(("a\r\n", "\r\n", 1, {"k": 1})))
print(s.getvalue().encode(), s.tell(), s.k, s.__getstate__())
t(lambda: s.write(3))
t(lambda: s.writelines([3]))
t(lambda: io.StringIO.__new__(io.StringIO).read())
t(lambda: io.StringIO.__new__(io.StringIO).closed)
t(lambda: io.StringIO.__new__(io.StringIO).close())
print(io.StringIO.__mro__)
print(io.StringIO.__module__, io.StringIO.__name__, io.StringIO.__qualname__)
s = io.StringIO("a\r\nb\rc", newline=None); print(s.newlines, repr(s.getvalue()))
s = io.StringIO(newline=None); print(s.newlines); s.write("x\r"); s.write("\ny"); print(repr(s.getvalue()), s.newlines)
s = io.StringIO(newline=""); s.write("x\r"); s.write("\ny"); print(repr(s.getvalue()), s.newlines, s.readlines()); s.seek(0); print(s.readlines())
for nl in ["\n", "\r", "\r\n"]:
    s = io.StringIO("a\nb\rc\r\nd", newline=nl); print(repr(nl), repr(s.getvalue()), s.readlines(), s.newlines)
for nl in [None, "", "\n", "\r", "\r\n"]:
    s = io.StringIO("ab\r\ncd\ref\ngh", newline=nl)
    print(repr(nl), [s.readline(3) for _ in range(6)])
s = io.StringIO("héllo wörld €𝄞"); print(s.read(3), s.tell(), s.seek(12), s.read(), s.tell())
s = io.StringIO("abc"); print(s.seek(10), s.read(), s.tell(), s.write("z"), repr(s.getvalue()), s.tell())
s = io.StringIO(); print(s.write("a" * 3), s.truncate(1), s.tell(), s.getvalue(), s.write("b"), repr(s.getvalue()))
s = io.StringIO("ab"); print(repr(s.readline(0)), repr(s.read(0)), s.read(-5), repr(s.readline(None)))
print(pickle.loads(pickle.dumps(io.StringIO("abc"))).getvalue())
s = io.StringIO("abc\ndef", newline=""); s.read(2); s.x = 5
s2 = pickle.loads(pickle.dumps(s)); print(s2.tell(), s2.x, repr(s2.read()), s2.__getstate__())
class S(io.StringIO):
    def __init__(self, *a):
        super().__init__(*a)
        self.extra = 1
s = S("q\nw"); print(list(s), s.extra, type(s).__mro__)
s = S("q\nw"); s.close(); t(lambda: list(s))
class S2(io.StringIO):
    def readline(self): return 5
t(lambda: next(S2("a")))
class S3(io.StringIO):
    def write(self, x): return super().write(x.upper())
s = S3(); s.writelines(["ab", "cd"]); print(s.getvalue())
print(io.StringIO("abc").readlines(2), io.StringIO("a\nbb\nc\n").readlines(3), io.StringIO("a\nbb\nc\n").readlines(2))
print(isinstance(io.StringIO(), io.TextIOBase), isinstance(io.StringIO(), io.IOBase), issubclass(io.StringIO, io.BufferedIOBase))
with io.StringIO("ctx") as c:
    print(c.read(), c.closed)
print(c.closed)
s = io.StringIO("a\nb\n"); it = iter(s); print(next(it), next(it), end=""); t(lambda: next(it))
s = io.StringIO(); s.name = "n"; print(s.name, s.__dict__)
