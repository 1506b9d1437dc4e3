# List slicing and slice assignment (plain, extended, self, iterators, __index__ bounds)
# and when a replaced item is released.
a = list(range(10))
print(a[2:5], a[::-1], a[:], a[-3:], a[8:2:-2], a[100:], a[::3])
b = a[:]
b[2:5] = "xy"; print(b)
b[::2] = range(5); print(b)
try: b[::2] = [1]
except ValueError as e: print(e)
b[1:1] = [9, 9]; print(b)
c = list(range(5)); c[:] = c; print(c)
c[3:] = iter([7,8,9]); print(c)
class I:
    def __index__(self): return 2
print(a[I():I()+3] if False else a[slice(I(), 6)])
try: a[1.0:2]
except TypeError as e: print(e)
class D:
    def __del__(self): print("del D")
d = [D(), 1]; d[0:1] = []; print("after")
