# Pins: multi-dimensional memoryviews: cast(format, shape) rules and errors, shape/strides/ndim/nbytes/contiguity, tuple indexing and assignment, first-dimension slicing, tolist/tobytes(order)/hex on N dimensions, 0-dim views, item formats (c, b, h, H, q, Q, f, d, e, ?), comparisons by value, hashing restrictions, count/index, released views.
def t(label, f):
    try:
        print(label, "->", f())
    except Exception as e:
        print(label, "!!", type(e).__name__, e)
b = bytearray(range(24))
m = memoryview(b)
c = m.cast("B", (2, 3, 4))
t("shape", lambda: (c.shape, c.strides, c.ndim, c.nbytes, len(c), c.itemsize, c.format, c.suboffsets, c.c_contiguous, c.f_contiguous, c.contiguous))
t("tolist", lambda: c.tolist())
t("items", lambda: (c[1, 2, 3], c[-1, -1, -1], c[0, 1, 2]))
t("sub-view", lambda: c[1, 2])
t("too many", lambda: c[1, 2, 3, 0])
t("int key", lambda: c[1])
t("oob dim 1", lambda: c[2, 0, 0])
t("oob dim 2", lambda: c[0, 3, 0])
t("slice", lambda: (c[1:].shape, c[1:].tolist(), c[::-1].strides, c[::-1].tolist()[0][0], c[::-1].c_contiguous))
t("multi slice", lambda: c[0:1, 0:1])
t("mixed key", lambda: c[0, 0:1])
t("str key", lambda: c["x"])
t("ellipsis", lambda: c[...])
t("tobytes", lambda: (c[::-1].tobytes()[:6], c.tobytes("F")[:6], c.tobytes("A")[:3], c.tobytes(None)[:3]))
t("tobytes order", lambda: c.tobytes("X"))
t("hex", lambda: (c.hex(), c.hex(":", 4), c.hex(":", -5), m[:5].hex(b"|", 2)))
def set_item():
    c[1, 2, 3] = 99
    return b[23], c[1, 2, 3]
t("set item", set_item)
def set_int():
    c[1] = 5
t("set int key", set_int)
def set_slice():
    c[0:1] = b"x"
t("set slice", set_slice)
def set_sub():
    c[1, 2] = 5
t("set sub-view", set_sub)
def delete():
    del c[1, 2, 3]
t("delete", delete)
t("cast 2d->2d", lambda: c.cast("B", (6, 4)))
t("cast nd->1d", lambda: (c.cast("B").shape, c.cast("H").shape, c.cast("B", [24]).ndim))
t("cast size", lambda: m.cast("B", (5, 5)))
t("cast zero", lambda: m.cast("B", (0, 24)))
t("cast negative", lambda: m.cast("B", (-1, -24)))
t("cast list", lambda: m.cast("B", [4, 6]).shape)
t("cast not seq", lambda: m.cast("B", 5))
t("cast fmt", lambda: m.cast("x"))
t("cast fmt <", lambda: m.cast("<i"))
t("cast fmt @", lambda: (m.cast("@i").format, m.cast("@i").itemsize))
t("cast fmt int", lambda: m.cast(1))
t("cast non-byte", lambda: m.cast("i").cast("H"))
t("cast length", lambda: memoryview(b"abc").cast("H"))
t("cast strided", lambda: m[::2].cast("B"))
t("cast kw", lambda: m.cast(format="B", shape=(4, 6)).shape)
t("cast back", lambda: m.cast("i").cast("B").cast("h", (3, 4)).tolist()[2])
z = memoryview(bytearray(b"\x01\x02")).cast("H", [])
t("0-dim", lambda: (z.shape, z.strides, z.ndim, z.nbytes, z.tolist() == z[()], z[...] is z, z.tobytes(), z.c_contiguous, z.f_contiguous, z.hex()))
t("0-dim len", lambda: len(z))
t("0-dim index", lambda: z[0])
t("0-dim iter", lambda: list(z))
t("0-dim size", lambda: memoryview(b"abc").cast("B", []))
def set0():
    z[()] = 0x0304
    w = z.tolist()
    z[...] = 7
    return w, z.tolist()
t("0-dim set", set0)
t("fmt d", lambda: memoryview(bytearray(16)).cast("d").tolist())
t("fmt ?", lambda: memoryview(bytes([0, 1, 0])).cast("?").tolist())
t("fmt c", lambda: memoryview(b"ab").cast("c").tolist())
t("fmt e", lambda: memoryview(bytes([0, 60, 0, 188, 0, 124])).cast("e").tolist())
t("fmt q Q", lambda: (memoryview(bytes([255] * 8)).cast("q").tolist(), memoryview(bytes([255] * 8)).cast("Q").tolist()))
t("fmt b h", lambda: (memoryview(bytes([255, 128])).cast("b").tolist(), memoryview(bytes([255, 255])).cast("h").tolist()))
t("fmt f", lambda: memoryview(bytes([0, 0, 128, 63])).cast("f").tolist())
def sets():
    h = memoryview(bytearray(4)).cast("H")
    h[0] = 258
    d = memoryview(bytearray(16)).cast("d")
    d[0] = 1
    d[1] = 2.5
    q = memoryview(bytearray(2)).cast("?")
    q[0] = []
    q[1] = "x"
    ch = memoryview(bytearray(2)).cast("c")
    ch[0] = b"z"
    e = memoryview(bytearray(4)).cast("e")
    e[0] = 1.5
    e[1] = -0.25
    return h.tolist(), d.tolist(), q.tolist(), ch.tolist(), e.tolist()
t("set formats", sets)
def bad(fmt, v):
    x = memoryview(bytearray(8)).cast(fmt)
    x[0] = v
t("set H range", lambda: bad("H", 70000))
t("set H neg", lambda: bad("H", -1))
t("set H float", lambda: bad("H", 1.5))
t("set b range", lambda: bad("b", 128))
t("set d str", lambda: bad("d", "x"))
t("set c str", lambda: bad("c", "x"))
t("set c long", lambda: bad("c", b"xy"))
def set_slice_h():
    h = memoryview(bytearray(8)).cast("H")
    h[1:3] = memoryview(bytearray(b"\x01\x00\x02\x00")).cast("H")
    return h.tolist()
t("set slice H", set_slice_h)
def set_slice_h2():
    h = memoryview(bytearray(8)).cast("H")
    h[1:3] = b"abcd"
t("set slice H bytes", set_slice_h2)
def set_slice_list():
    h = memoryview(bytearray(8))
    h[0:2] = [1, 2]
t("set slice list", set_slice_list)
def set_step():
    h = memoryview(bytearray(8))
    h[1:7:2] = b"abc"
    return bytes(h)
t("set step", set_step)
t("readonly", lambda: memoryview(bytearray(4)).toreadonly().__setitem__(0, 1))
t("readonly flags", lambda: (memoryview(bytearray(4)).toreadonly().readonly, memoryview(memoryview(b"x")).readonly, memoryview(b"ab").cast("H").readonly))
t("eq", lambda: (m.cast("B", (4, 6)) == m, m.cast("H") == m, m.cast("H") == m.cast("H"), m.cast("B", (4, 6)) == m.cast("B", (4, 6)), m == b, m == list(b), memoryview(b"ab") == "ab"))
t("eq values", lambda: (memoryview(bytearray(8)).cast("d") == memoryview(bytearray(8)).cast("q"), memoryview(bytes([1, 0])).cast("H") == memoryview(bytes([1, 0, 0, 0])).cast("i")))
nan = memoryview(bytes([0, 0, 0, 0, 0, 0, 248, 127])).cast("d")
t("eq nan", lambda: (nan == nan, nan.tolist()))
t("hash H", lambda: hash(memoryview(b"ab").cast("H")))
t("hash c", lambda: hash(memoryview(b"ab").cast("c")) == hash(b"ab"))
t("hash 2d", lambda: hash(memoryview(b"abcd").cast("B", (2, 2))) == hash(b"abcd"))
t("iter 2d", lambda: list(memoryview(b"abcd").cast("B", (2, 2))))
t("empty", lambda: (len(memoryview(b"")), memoryview(b"").tolist(), memoryview(b"").shape, memoryview(b"").c_contiguous))
t("strided", lambda: (m[::3].strides, m[::3].nbytes, m[::3].shape, m[::3].c_contiguous, m[::3].tobytes(), m[::3][::2].tolist(), m[5:1:-2].tolist()))
t("count index", lambda: (memoryview(b"abca").count(97), memoryview(b"abca").index(99), memoryview(b"abcdef").index(98, 1, 3), memoryview(b"\x01\x00\x01\x00").cast("H").count(1)))
t("index missing", lambda: memoryview(b"abc").index(120))
t("count 2d", lambda: memoryview(b"ab").cast("B", (1, 2)).count(97))
t("index 2d", lambda: memoryview(b"ab").cast("B", (1, 2)).index(97))
t("big index", lambda: m[2**70])
t("float index", lambda: m[1.5])
t("1-tuple", lambda: memoryview(b"abc")[1,])
t("reversed", lambda: (list(reversed(memoryview(b"abc"))), 98 in memoryview(b"abc")))
r = memoryview(b"x")
r.release()
t("released attrs", lambda: r.format)
t("released shape", lambda: r.shape)
t("released eq", lambda: (r == r, r == b"x"))
t("released hash", lambda: hash(r))
t("released enter", lambda: r.__enter__())
t("released repr", lambda: repr(r).startswith("<released memory at 0x"))
t("bytes()", lambda: (bytes(memoryview(b"abcd").cast("B", (2, 2))), bytes(memoryview(b"abcd")[::-2]), bytes(memoryview(b"\x01\x00\x02\x00").cast("H")[::-1])))
import array
a = array.array("i", [1, 2, 3, 4])
am = memoryview(a)
t("array", lambda: (am.format, am.itemsize, am.shape, am.strides, am.cast("B").shape, am.cast("B", (4, 4)).tolist()[0], am[::2].tolist(), am[::-1].tolist()))
t("array 2d", lambda: am.cast("B").cast("i", (2, 2)).tolist())
def array_set():
    am[1] = 20
    x = am.cast("B").cast("i", (2, 2))
    x[1, 1] = 40
    return a.tolist()
t("array set", array_set)
t("array eq", lambda: (a == memoryview(array.array("i", [1, 20, 3, 40])), memoryview(array.array("i", [1, 2])) == memoryview(array.array("q", [1, 2]))))
t("array w", lambda: (memoryview(array.array("w", "ab")).format, memoryview(array.array("w", "ab")).tolist()))
