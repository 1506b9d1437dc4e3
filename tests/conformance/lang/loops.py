# Pins: for/while loops with else, break/continue in nested loops, loop variable leakage and iteration protocol use.
for i in range(3):
    print("for", i)
else:
    print("for-else runs")
for i in range(5):
    if i == 2:
        break
else:
    print("not printed")
print("i after break", i)
n = 0
while n < 3:
    n += 1
    if n == 2:
        continue
    print("while", n)
else:
    print("while-else runs")
while True:
    break
else:
    print("not printed")
for x in []:
    pass
else:
    print("empty for-else")
for outer in range(3):
    for inner in range(3):
        if inner == outer:
            continue
        if inner > outer:
            break
        print("pair", outer, inner)
class Countdown:
    def __init__(self, n):
        self.n = n
    def __iter__(self):
        return self
    def __next__(self):
        if self.n <= 0:
            raise StopIteration
        self.n -= 1
        return self.n
print(list(Countdown(4)))
for v in Countdown(2):
    print("countdown", v)
class OldStyle:
    def __getitem__(self, i):
        if i >= 3:
            raise IndexError
        return i * 10
print(list(OldStyle()), 20 in OldStyle())
it = iter([1, 2, 3, 4])
for a in it:
    print("a", a, "skip", next(it, None))
for i, ch in enumerate("ab", start=10):
    print(i, ch)
for a, b in zip("xyz", range(10)):
    print(a, b, end=" ")
print()
lst = [1, 2, 3]
for item in lst:
    if item == 1:
        lst.append(4)
print(lst)
d = {"a": 1}
try:
    for k in d:
        d["new"] = 2
except RuntimeError as e:
    print("RuntimeError:", e)
s = {1}
try:
    for k in s:
        s.add(2)
except RuntimeError as e:
    print("RuntimeError:", e)
try:
    for x in 5:
        pass
except TypeError as e:
    print("TypeError:", e)
class BadIter:
    def __iter__(self):
        return 3
try:
    iter(BadIter())
except TypeError as e:
    print("TypeError:", e)
count = 0
while count := count + 1:
    if count > 3:
        break
print(count)
def gen_for():
    for i in range(3):
        try:
            yield i
        finally:
            print("cleanup", i)
for v in gen_for():
    if v == 1:
        break
print(sum(range(100000)))
