# Pins: the interpreter's shortcuts for list/tuple subscripts, list item stores,
# unpacking and for-loops behave exactly as the general protocol: negative and
# out-of-range indexes, bool and big-int indexes, subclasses that override
# __getitem__/__setitem__/__iter__, wrong unpack lengths, and lists changed
# while a for loop walks them.
a = [10, 20, 30]
t = (1, 2, 3)
print(a[0], a[-1], a[-3], t[1], t[-1], a[True], t[False])
for bad in (3, -4, 2**70, -2**70):
    for seq in (a, t):
        try:
            seq[bad]
        except IndexError as e:
            print(type(seq).__name__, bad if abs(bad) < 100 else "big", "IndexError:", e)
a[-1] = 33; a[0] = 11; a[True] = 22
print(a)
for bad in (3, -4):
    try:
        a[bad] = 0
    except IndexError as e:
        print("store", bad, e)
try:
    t[0] = 1
except TypeError as e:
    print("TypeError:", e)

class L(list):
    def __getitem__(self, i):
        return ("L", i)
    def __setitem__(self, i, v):
        print("L set", i, v)
    def __iter__(self):
        return iter(["x", "y"])

class T(tuple):
    def __getitem__(self, i):
        return ("T", i)
    def __iter__(self):
        return iter(["p", "q"])

l = L([1, 2]); tt = T((1, 2))
print(l[0], tt[1], l[-1])
l[0] = 5
x, y = l
print(x, y)
x, y = tt
print(x, y)
for v in l:
    print("iter L", v)
for v in tt:
    print("iter T", v)

for seq in ([1, 2, 3], (1, 2, 3), [1], (1,)):
    try:
        x, y = seq
    except ValueError as e:
        print(type(seq).__name__, "ValueError:", e)
x, y = [7, 8]; print(x, y)
x, y = (9, 10); print(x, y)

grow = [1, 2, 3]
seen = []
for v in grow:
    seen.append(v)
    if v < 6:
        grow.append(v + 3)
print(seen)
shrink = [1, 2, 3, 4, 5]
seen = []
for v in shrink:
    seen.append(v)
    shrink.pop()
print(seen, shrink)
for i in range(5, 0, -2):
    print("r", i, end=" ")
print()
for i in range(2**62, 2**62 + 3):
    print(i - 2**62, end=" ")
print()
big = list(range(3))
print([big[i] for i in range(-3, 3)])
