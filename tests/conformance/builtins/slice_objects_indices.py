# Pins: slice objects: attributes, indices() normalisation for many lengths/steps, slice hashing/equality (3.12+ hashable), extended slicing assignment/deletion rules on lists, slices on str/bytes/tuple/range, step 0 errors, custom __getitem__ receiving slices.
s = slice(1, 10, 2)
print(s, s.start, s.stop, s.step, slice(5), slice(None), slice(1, None), repr(slice(-1, None, -1)))
for sl in [slice(None), slice(2, None), slice(-3, None), slice(None, -1), slice(None, None, -1), slice(-100, 100), slice(5, 1, -2), slice(10, 20), slice(None, None, 3)]:
    print(sl, sl.indices(6), list(range(6))[sl], "abcdef"[sl])
try:
    slice(None, None, 0).indices(5)
except ValueError as e:
    print("ValueError", e)
try:
    [1, 2][::0]
except ValueError as e:
    print("ValueError", e)
print(slice(1, 2) == slice(1, 2), slice(1, 2) == slice(1, 3), hash(slice(1, 2)) == hash(slice(1, 2)), {slice(0, 1): "ok"}[slice(0, 1)])
L = list(range(10))
L[2:5] = ["a"]; print(L)
L[::3] = [0, 0, 0]; print(L)
try:
    L[::2] = [1]
except ValueError as e:
    print("ValueError", e)
L[1:1] = [9, 9]; print(L)
del L[::2]; print(L)
del L[-2:]; print(L)
L[len(L):] = ["end"]; print(L)
L[:0] = ["start"]; print(L)
L[5:2] = ["x"]; print(L)
r = range(0, 20, 3)
print(r[1:4], r[::-1], r[-2:], list(r[2:5]), r[::2][1], range(10)[3:100])
print((1, 2, 3, 4)[::-2], b"abcdef"[1::2], bytearray(b"xyz")[::-1], "hello"[10:], "hello"[-10:2], "hello"[4:1:-1])
class Recorder:
    def __getitem__(self, key):
        return key
rec = Recorder()
print(rec[1:2], rec[::3], rec[1:2, 3], rec[...], rec[:, None], rec["k"], rec[1:2:None])
class Setter:
    def __setitem__(self, key, value):
        print("set", key, value)
    def __delitem__(self, key):
        print("del", key)
st = Setter()
st[1:3] = "v"
del st[::2]
st[0, 1:2] = 5
print(slice(1, 2, 3).__reduce__(), slice(1, "a").stop, slice(None, None, None) == slice(None))
big = list(range(100))
print(big[10:90:20], big[-1:-10:-4], len(big[::7]), big[::-50])
s2 = "abcdef"
print(s2[slice(1, 4)], s2[slice(None, None, -2)], s2[slice(-2, None)])
import itertools
print(list(itertools.islice("abcdef", 1, None, 2)), tuple(slice(3).indices(10)))
