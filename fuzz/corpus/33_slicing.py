s = list(range(20))
print(s[::3], s[-5:], s[:-15], s[100:], s[5:2], s[::-4], s[-100:3], s[slice(2, 10, 3)])
s[2:5] = []; s[::5] = [0] * len(s[::5]); print(s)
t = "abcdefgh"
print(t[::-1], t[1::2], t[-3::-2], t[3:3], t[:100])
class Sl:
    def __getitem__(self, k): return k
print(Sl()[1:2, ::3, ...], Sl()[:], Sl()[::-1])
