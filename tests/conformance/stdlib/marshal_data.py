# marshal (version 5 and older ones): every marshallable type, back-references, the bytes written
# (as CPython's where the objects' sharing is the same), errors, dump/load on a file.
import marshal
vals = [None, True, False, ..., StopIteration, 0, 1, -1, 255, 256, 2**31 - 1, 2**31, -2**31, -2**31 - 1, 2**100, -(2**100),
        1.5, -0.0, float("inf"), 1+2j, "", "a", "abc", "é", "日本", "\udc80", "x" * 300, b"", b"bytes", bytearray(b"ba"),
        (), (1,), (1, "a", None), [], [1, [2, [3]]], {}, {"a": 1}, set(), {1}, frozenset(), frozenset({"z"}),
        slice(1, 2, 3), ("ab", "ab")]
for v in vals:
    d = marshal.dumps(v)
    back = marshal.loads(d)
    same = back == v or (v != v and back != back)
    print(repr(v)[:40], d.hex()[:80], same, type(back).__name__)
for v in vals[:6]:
    print(marshal.dumps(v, 2).hex())
x = [1000, 1000]
print(marshal.dumps(x).hex())
s = "shared"
print(marshal.dumps([s, s]).hex())
t = (1, 2)
print(marshal.dumps([t, t]).hex())
for bad in [b"", b"i\x01", b"\x00", b"(\x02\x00\x00\x00N", b"Q"]:
    try:
        marshal.loads(bad)
    except Exception as e:
        print(type(e).__name__, e)
for bad in [object(), [object()], {1: len}]:
    try:
        marshal.dumps(bad)
    except Exception as e:
        print(type(e).__name__, e)
print(marshal.version)
import io
f = io.BytesIO(); marshal.dump({"k": [1, 2.5]}, f); f.seek(0); print(marshal.load(f))
print(marshal.loads(marshal.dumps("abc") + b"trailing"))
