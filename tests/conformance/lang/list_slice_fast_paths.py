# Pins: list slicing with int/None bounds (negative, out of range, bool, huge), steps, slice assignment, and subclasses that override __getitem__, as the interpreter shortcut must give them.
a = list(range(10))
print(a[:], a[3:], a[:-2], a[-3:], a[20:], a[:-20], a[5:2], a[True:], a[::2], a[8:2:-2], a[2**70:], a[:2**70])
b = a[:]; b[2:5] = "xyz"; print(b); b[:0] = [1]; print(b); b[-2:] = []; print(b)
class L(list):
    def __getitem__(self, k): return ("L", k)
print(L([1,2])[1:], L([1])[:])
t = tuple(a); print(t[2:4], "abc"[1:])
