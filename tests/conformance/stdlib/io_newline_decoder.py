# Pins: io.IncrementalNewlineDecoder: held-back \r across chunks, translate, newlines kinds, getstate/setstate flag packing with a wrapped decoder, reset, uninitialized and argument errors, bad decoder results, subclassing.
import io, codecs
def t(f):
    try:
        r = f()
        print("ok", repr(r))
    except BaseException as e:
        print(type(e).__name__, e)
D = io.IncrementalNewlineDecoder
print(D.__mro__, D.__module__)
u = D.__new__(D)
t(lambda: u.decode(b"x"))
t(lambda: u.newlines)
t(lambda: u.getstate())
t(lambda: u.reset())
t(lambda: D())
t(lambda: D(None))
t(lambda: D(None, True, "strict", 1))
d = D(None, True)
print(d.decode("a\r"), repr(d.decode("\nb\rc")), repr(d.decode("\r", final=True)), d.newlines, d.getstate())
d = D(None, False)
print(repr(d.decode("a\r")), d.getstate(), repr(d.decode("\nb")), d.newlines, repr(d.decode("x\r")), d.getstate())
t(lambda: d.setstate(1))
t(lambda: d.setstate((1,)))
t(lambda: d.setstate((b"", "x")))
t(lambda: d.setstate((b"", 3)))
print(d.getstate(), repr(d.decode("", True)))
d.reset(); print(d.getstate(), d.newlines)
t(lambda: d.decode(b"bytes"))
t(lambda: d.decode(3))
dec = codecs.getincrementaldecoder("utf-8")()
d = D(dec, True)
print(repr(d.decode(b"h\xc3")), d.getstate(), repr(d.decode(b"\xa9\r")), d.getstate(), repr(d.decode(b"\n", True)), d.newlines)
d.setstate((b"\xc3", 3)); print(d.getstate(), repr(d.decode(b"\xa9", True)))
d = D(dec, translate=1, errors="ignore"); print(d.decode(b"z\r\n"), d.newlines)
class Bad:
    def decode(self, b, final=False): return b
    def getstate(self): return 5
    def reset(self): print("reset called")
    def setstate(self, s): print("setstate", s)
d = D(Bad(), False)
t(lambda: d.decode(b"x"))
t(lambda: d.getstate())
d.reset()
d.setstate((b"q", 5))
class Bad2:
    def decode(self, b, final=False): return "ab"
    def getstate(self): return (b"", "s")
d = D(Bad2(), False)
t(lambda: d.getstate())
t(lambda: d.decode(b"x", final="yes"))
class Sub(D):
    pass
s = Sub(None, True); print(s.decode("a\r\n"), s.newlines, type(s).__name__)
for combo in ["\r", "\n", "\r\n", "\r\n\r", "\n\r\n", "\r\n\n\r"]:
    d = D(None, False); d.decode(combo, True); print(repr(combo), d.newlines)
d = D(None, True); print(repr(d.decode("")), d.getstate(), repr(d.decode("\r")), repr(d.decode("")), d.getstate())
