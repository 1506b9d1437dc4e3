class Countdown:
    def __init__(self, n): self.n = n
    def __iter__(self): return self
    def __next__(self):
        if self.n <= 0: raise StopIteration
        self.n -= 1
        return self.n
print(list(Countdown(5)), sum(Countdown(10)), 3 in Countdown(5))
it = iter([1, 2, 3]); print(next(it), next(it), next(it), next(it, "end"))
class Seq:
    def __getitem__(self, i):
        if i > 4: raise IndexError
        return i * i
print(list(Seq()), list(iter(lambda: 1, 1)), [*map(str, range(3))], dict(zip("ab", Countdown(2))))
