# Pins: bytearray in-place mutation: item/slice assignment with ints/bytes/iterables, extend/append/insert/pop/remove/reverse/clear, += and *=, del slices, value range errors, methods returning new bytearrays, comparison and hashing errors.
ba = bytearray(b"hello")
ba[0] = 72
ba[1:3] = b"EY"
ba[5:] = [33, 33]
print(ba, len(ba))
ba.append(63); ba.insert(0, 62); ba.extend(b"..."); ba.extend([1, 2])
print(ba)
print(ba.pop(), ba.pop(0), ba)
ba.remove(ord("."))
print(ba)
for bad in [lambda: ba.append(256), lambda: ba.append(-1), lambda: ba.__setitem__(0, 300), lambda: ba.remove(200), lambda: bytearray().pop(), lambda: ba.extend([1, "a"]), lambda: ba.insert(0, b"x")]:
    try:
        bad()
    except (ValueError, TypeError, IndexError) as e:
        print(type(e).__name__, e)
b2 = bytearray(b"abc")
b2 += b"def"; b2 *= 2
print(b2)
del b2[::2]; print(b2)
del b2[-2:]; print(b2)
b2.reverse(); print(b2)
b2[1:2] = b""; print(b2)
b2[:] = b"new contents"; print(b2)
b2[::3] = b"XXXX"; print(b2)
try:
    b2[::3] = b"Y"
except ValueError as e:
    print("ValueError", e)
c = b2.copy(); c.clear()
print(c, b2, len(c))
print(bytearray(3), bytearray([1, 2]), bytearray("é", "utf-8"), bytearray(b"x") * 3, bytearray(range(65, 70)))
u = bytearray(b"Mixed Case")
print(u.upper(), u.lower(), u.replace(b"e", b"3"), u.split(), u.strip(b"M"), u.startswith(b"Mix"), u.find(b"C"), u.count(b"e"), type(u.upper()).__name__)
print(u == b"Mixed Case", u < b"N", bytearray(b"a") + b"b", b"b" + bytearray(b"a"), type(b"b" + bytearray(b"a")).__name__)
try:
    hash(u)
except TypeError as e:
    print("TypeError", e)
try:
    {u: 1}
except TypeError as e:
    print("TypeError", e)
v = bytearray(b"0123456789")
v[2:8] = v[5:7]
print(v)
v[0:0] = b"<<"; v[len(v):] = b">>"
print(v, v.index(b">"), v.rindex(b"<"), 0x30 in v, b"23" in v, v.isdigit())
w = bytearray(b"  padded  ")
print(w.strip(), w.lstrip(), w.rstrip(), w.center(14, b"*"), w.zfill(12))
print(list(bytearray(b"\x00\xff")), bytearray(b"%d%%" % 5), bytearray.fromhex("ff 00") if hasattr(bytearray, "fromhex") else "no fromhex")
