# Pins: slicing semantics: negative and out-of-range bounds, steps, slice objects, indices(), assignment and deletion.
s = "abcdefghij"
l = list(range(10))
for sl in [slice(2, 5), slice(-3, None), slice(None, -7), slice(None, None, -1), slice(1, 8, 3),
           slice(8, 1, -2), slice(100, 200), slice(-100, 3), slice(5, 2), slice(None, None, 4), slice(-1, -11, -3)]:
    print(sl, repr(s[sl]), l[sl], tuple(l)[sl])
print(slice(1, 10, 2).indices(5), slice(None, None, -1).indices(4), slice(-20, 20).indices(6))
try:
    s[::0]
except ValueError as e:
    print("ValueError:", e)
l2 = list(range(6))
l2[1:3] = ["x", "y", "z"]
print(l2)
l2[::2] = [0, 0, 0, 0]
print(l2)
try:
    l2[::2] = [1]
except ValueError as e:
    print("ValueError:", e)
del l2[::3]
print(l2)
l2[:] = []
print(l2)
l3 = [1, 2, 3]
l3[1:1] = [9, 9]
print(l3)
l3[-1:] = []
print(l3)
l3[len(l3):] = [7]
print(l3)
b = b"bytes!"
print(b[1:4], b[-1], b[::-1], bytearray(b)[2:])
r = range(0, 20, 3)
print(r[2:5], r[::-1], r[-2], list(r[1::2]))
print(slice(1), slice(1, 2), slice(None), slice(1, 2, 3).start, slice("a", "b").stop)
print(s[2:8][::-1][1:], l[-100:100] == l)
t = (1, 2, 3, 4)
print(t[1:-1], t[::-2])
class Sliced:
    def __getitem__(self, k):
        return k
print(Sliced()[1:2:3], Sliced()[::], Sliced()[:], Sliced()[-1:])
print(slice(1, 2) == slice(1, 2), slice(1, 2) < slice(1, 3))
m = memoryview(b"abcdef")
print(m[1:4].tobytes(), m[::2].tobytes())
try:
    l[1.5:2]
except TypeError as e:
    print("TypeError:", e)
print(l[True:3])
big = 10**30
print(l[-big:big], s[big:])
