# Pins: array.array refuses to change size while memoryviews export it (BufferError), allows same-size writes, and resizes again once every view is released or dropped.
import array, io
a = array.array("i", [1, 2, 3])
m = memoryview(a)
def t(label, f):
    try:
        r = f()
        print(label, "->", r)
    except Exception as e:
        print(label, "->", type(e).__name__ + ":", e)
t("append", lambda: a.append(4))
t("extend empty", lambda: a.extend([]))
t("extend", lambda: a.extend([5]))
t("pop", lambda: a.pop())
t("setitem", lambda: a.__setitem__(0, 9))
t("same-size slice", lambda: a.__setitem__(slice(0, 2), array.array("i", [7, 8])))
t("resize slice", lambda: a.__setitem__(slice(0, 2), array.array("i", [7])))
t("del", lambda: a.__delitem__(0))
t("imul1", lambda: a.__imul__(1))
t("imul2", lambda: a.__imul__(2))
t("clear", lambda: a.clear())
t("byteswap", lambda: a.byteswap())
t("frombytes empty", lambda: a.frombytes(b""))
m2 = m[1:]
m.release()
t("after release, slice alive", lambda: a.append(4))
del m2
t("after all released", lambda: a.append(4))
with memoryview(a) as v:
    t("inside with", lambda: a.append(5))
t("after with", lambda: a.append(5))
b = io.BytesIO(); b.write(a); t("after BytesIO.write", lambda: a.append(6))
memoryview(a).tolist()
t("temp view dropped", lambda: a.append(7))
print(a)
