# Pins: bytearray: mutation methods, slicing assignment, resizing, repr, in-place operators and errors.
ba = bytearray(b"hello")
ba[0] = 72
print(ba, len(ba), ba[1], ba[-1:])
ba.append(33)
ba.extend(b" abc")
ba.insert(0, 62)
print(ba)
print(ba.pop(), ba.pop(0), ba)
ba.remove(ord("l"))
print(ba)
del ba[0:2]
print(ba)
ba[0:1] = b"XYZ"
print(ba)
ba[::2] = b"1234"
print(ba)
ba.reverse()
print(ba)
ba.clear()
print(ba, bytearray(3), bytearray([1, 2]), bytearray("é", "utf-8"), bytearray(b"\x00\xff"))
b2 = bytearray(b"ab")
b2 += b"cd"
b2 *= 2
print(b2, b2 + b"!", b2 * 2 if False else "skip", b2.copy() == b2, b2.copy() is b2)
try:
    b2[0] = 256
except ValueError as e:
    print("ValueError:", e)
try:
    b2[100]
except IndexError as e:
    print("IndexError:", e)
try:
    b2.remove(120)
except ValueError as e:
    print("ValueError:", e)
try:
    bytearray().pop()
except IndexError as e:
    print("IndexError:", e)
try:
    b2[0] = b"x"
except TypeError as e:
    print("TypeError:", e)
print(b2.upper(), b2.find(b"c"), b2.replace(b"a", b"A"), b2.split(b"c"), b2.hex(), bytearray.fromhex("ff00"))
print(b2 == b"abcdabcd", b2.decode(), b2.startswith(b"ab"), isinstance(b2.upper(), bytearray))
try:
    hash(b2)
except TypeError as e:
    print("TypeError:", e)
m = memoryview(b2)
try:
    b2.append(1)
except BufferError as e:
    print("BufferError:", e)
m.release()
b2.append(1)
print(b2[-1], b2.count(b"a"), b2.index(b"d"), repr(bytearray(b"'q'")))
ba3 = bytearray(b"x" * 3)
ba3[1:2] = []
print(ba3, bytearray(b"abc").strip(b"ac"), bytearray(b" x ").lstrip())
ba4 = bytearray(range(10))
del ba4[::3]
print(list(ba4))
ba4[2:5] = bytearray(b"QQ")
print(ba4, ba4.isalnum(), ba4.zfill(12))
