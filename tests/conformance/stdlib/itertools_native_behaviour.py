# itertools (native): every iterator's results and edge cases, laziness (how much of the
# source each step takes), reprs, __length_hint__, __class_getitem__, subclassing, tee copies,
# groupby's groupers, and the module's names and types.
import itertools as it
import operator
import types


class Src:
    """An iterator that records how many items were taken."""
    def __init__(self, n):
        self.i = 0
        self.n = n
    def __iter__(self):
        return self
    def __next__(self):
        if self.i >= self.n:
            raise StopIteration
        self.i += 1
        return self.i - 1


def first(iterable, n):
    return list(it.islice(iterable, n))


print("names", sorted(n for n in dir(it) if not n.startswith('__')))
for name in sorted(n for n in dir(it) if not n.startswith('__')):
    obj = getattr(it, name)
    if isinstance(obj, type):
        print(name, obj.__module__, obj.__name__, obj.__qualname__, 'base' if obj.__flags__ & (1 << 10) else 'final')
print(type(it.tee).__name__)

# count
print(first(it.count(), 3), first(it.count(5), 3), first(it.count(2, 3), 3), first(it.count(-1, -2), 3))
print(first(it.count(0.5, 0.25), 4), first(it.count(1, 0.5), 3), first(it.count(1j, 1), 2))
print(first(it.count(2**64, 2**64), 3))
import fractions, decimal
print(first(it.count(fractions.Fraction(1, 3), fractions.Fraction(1, 3)), 3))
print(first(it.count(decimal.Decimal('1.1')), 2))
c = it.count(10)
next(c); next(c)
print(repr(c), repr(it.count(1.5)), repr(it.count(1, 2)), repr(it.count(1, 1.0)), repr(it.count(0, -1)))
print(repr(it.count(2**70)), repr(it.count(fractions.Fraction(1, 2), 1)))
print(iter(c) is c, type(c) is it.count, isinstance(c, it.count))

# cycle
print(first(it.cycle('abc'), 8), list(it.cycle([])), first(it.cycle(range(1)), 3))
s = Src(3)
cy = it.cycle(s)
print(first(cy, 2), s.i, first(cy, 5), s.i)

# repeat
r = it.repeat('x', 3)
print(r.__length_hint__(), next(r), r.__length_hint__(), repr(r), list(r), r.__length_hint__(), repr(r))
print(first(it.repeat(None), 3), list(it.repeat(1, 0)), list(it.repeat(1, -5)), repr(it.repeat(1, -5)))
print(repr(it.repeat([1, 'a'])), repr(it.repeat('a', times=2)))
print(list(map(pow, range(5), it.repeat(2))))
import operator as op
print(op.length_hint(it.repeat(0, 7)), op.length_hint(it.repeat(0), 99))

# accumulate
print(list(it.accumulate([1, 2, 3, 4])), list(it.accumulate([1, 2, 3, 4], operator.mul)))
print(list(it.accumulate([], initial=None)), list(it.accumulate([])), list(it.accumulate([5])))
print(list(it.accumulate([1, 2, 3], initial=100)), list(it.accumulate('abc')), list(it.accumulate([3, 1, 4, 1, 5], max)))
print(list(it.accumulate([1.5, 2, 3j])), list(it.accumulate([[1], [2], [3]])))
print(list(it.accumulate([2, 3], lambda a, b: a * 10 + b, initial=1)))
print(list(it.accumulate(range(5), func=operator.sub)))

# batched
print(list(it.batched('ABCDEFG', 3)), list(it.batched('', 2)), list(it.batched('ab', 5)), list(it.batched(range(4), 1)))
print(list(it.batched('ABCD', 2, strict=True)), list(it.batched(range(3), n=3)))
b = it.batched('ABCDE', 2, strict=True)
print(next(b), next(b))
try:
    next(b)
except ValueError as e:
    print('ValueError', e)
print(list(b))
s = Src(10)
b = it.batched(s, 4)
print(next(b), s.i, next(b), s.i)

# chain
print(list(it.chain('ab', [], (1, 2), range(2))), list(it.chain()), list(it.chain('a')))
print(list(it.chain.from_iterable(['ab', 'cd', ''])), list(it.chain.from_iterable([])))
print(list(it.chain.from_iterable(x * 'z' for x in range(4))))
ch = it.chain([1], [2])
print(iter(ch) is ch, next(ch), list(ch), list(ch))
print(it.chain[int], type(it.chain[int]) is types.GenericAlias, it.chain[int].__origin__ is it.chain)
s = Src(5)
ch = it.chain(s, 'xy')
print(next(ch), s.i)
def gen():
    yield 'a'
    yield 'b'
print(list(it.chain.from_iterable(gen() for _ in range(2))))

# compress
print(list(it.compress('ABCDEF', [1, 0, 1, 0, 1, 1])), list(it.compress('ABC', [0, 1])), list(it.compress('AB', [1, 1, 1, 1])))
print(list(it.compress(range(6), it.cycle([True, False]))), list(it.compress('abc', ['', 'x', None])))

# dropwhile / takewhile / filterfalse / starmap
print(list(it.dropwhile(lambda x: x < 5, [1, 4, 6, 3, 8])), list(it.dropwhile(lambda x: True, [1, 2])), list(it.dropwhile(bool, [])))
print(list(it.takewhile(lambda x: x < 5, [1, 4, 6, 3, 8])), list(it.takewhile(lambda x: True, [1, 2])), list(it.takewhile(bool, [0, 1])))
tw = it.takewhile(lambda x: x < 2, [1, 2, 1])
print(list(tw), list(tw))
print(list(it.filterfalse(lambda x: x % 2, range(10))), list(it.filterfalse(None, [0, 1, '', 'a', [], [0]])), list(it.filterfalse(bool, [0, 1, 2])))
print(list(it.starmap(pow, [(2, 5), (3, 2), (10, 3)])), list(it.starmap(lambda *a: a, ['ab', (), [1, 2, 3]])))
print(list(it.starmap(operator.add, zip('abc', 'xyz'))))
calls = []
def pred(x):
    calls.append(x)
    return x < 3
dw = it.dropwhile(pred, [1, 2, 3, 1, 2])
print(list(dw), calls)

# groupby
print([(k, list(g)) for k, g in it.groupby('AAAABBBCCDAABBB')])
print([k for k, g in it.groupby('AAAABBBCCD')], [(k, list(g)) for k, g in it.groupby([])])
print([(k, list(g)) for k, g in it.groupby(['a', 'bb', 'cc', 'd', 'eee'], key=len)])
print([(k, list(g)) for k, g in it.groupby(range(10), lambda x: x // 3)])
groups = list(it.groupby('aabbc'))
print([(k, list(g)) for k, g in groups])
gb = it.groupby('aaabbc')
k1, g1 = next(gb)
print(k1, next(g1))
k2, g2 = next(gb)
print(k2, list(g1), list(g2), type(g2).__name__, type(g2).__module__)
gb = it.groupby([1, 1, 2, 3, 3])
k, g = next(gb)
print(k, list(g), list(g), next(gb)[0])
print([(k, len(list(g))) for k, g in it.groupby([1, 1.0, True, 2, 2.0])])

# islice
print(list(it.islice('ABCDEFG', 2)), list(it.islice('ABCDEFG', 2, 4)), list(it.islice('ABCDEFG', 2, None)), list(it.islice('ABCDEFG', 0, None, 2)))
print(list(it.islice(range(10), 1, 9, 3)), list(it.islice(range(10), 5, 5)), list(it.islice(range(10), 0)), list(it.islice(range(3), 10)))
print(list(it.islice(it.count(), 3, 12, 4)), list(it.islice(range(10), None)), list(it.islice(range(10), None, 3)))
s = Src(20)
sl = it.islice(s, 2, 10, 3)
print(next(sl), s.i, next(sl), s.i, next(sl), s.i, list(sl), s.i)
s = Src(20)
print(list(it.islice(s, 4)), s.i)
s = Src(20)
print(list(it.islice(s, 5, 7)), s.i, list(it.islice(s, 0)), s.i)
s = Src(3)
sl = it.islice(s, 1, 10)
print(list(sl), s.i, list(sl))
print(list(it.islice(it.islice(range(100), 10, None, 2), 3, 6)))

# pairwise
print(list(it.pairwise('abcd')), list(it.pairwise('a')), list(it.pairwise('')), list(it.pairwise(range(4))))
s = Src(4)
pw = it.pairwise(s)
print(next(pw), s.i, list(pw), s.i)

# zip_longest
print(list(it.zip_longest('ABCD', 'xy', fillvalue='-')), list(it.zip_longest('ab')), list(it.zip_longest('a', [], 'xyz')))
print(list(it.zip_longest([], [])), list(it.zip_longest(range(3), fillvalue=0)))
z = it.zip_longest('ab', 'xyz')
print(next(z), list(z), list(z))

# product / permutations / combinations / combinations_with_replacement
print(list(it.product('ab', range(2))), list(it.product('ab', repeat=2)), list(it.product(range(2), repeat=3))[:4])
print(list(it.product()), list(it.product([])), list(it.product('ab', [])), list(it.product(repeat=2)), len(list(it.product(range(4), 'xyz', repeat=2))))
print(list(it.permutations('ABC', 2)), list(it.permutations(range(3))), list(it.permutations('ab', 0)), list(it.permutations('ab', 5)))
print(list(it.permutations([])), list(it.permutations('abc', 1)), len(list(it.permutations(range(6)))), len(list(it.permutations(range(7), 3))))
print(list(it.combinations('ABCD', 2)), list(it.combinations(range(4), 3)), list(it.combinations('ab', 0)), list(it.combinations('', 0)), list(it.combinations('', 1)))
print(len(list(it.combinations(range(10), 5))), list(it.combinations('abc', 3)), list(it.combinations('abc', 4)))
print(list(it.combinations_with_replacement('ABC', 2)), list(it.combinations_with_replacement('ab', 0)), list(it.combinations_with_replacement('', 3)))
print(len(list(it.combinations_with_replacement(range(5), 3))), list(it.combinations_with_replacement('a', 3)))
p = it.product('ab', 'cd')
print(next(p), list(p), list(p))
src = [1, 2]
p = it.product(src, repeat=2)
src.append(3)
print(list(p))

# tee
a, b = it.tee('abc')
print(next(a), next(a), next(b), list(a), list(b), type(a).__name__)
print(it.tee('ab', 0), len(it.tee('ab', 5)), [list(x) for x in it.tee('ab', 3)], [list(x) for x in it.tee([], 2)])
a, b = it.tee(range(200))
print(sum(a), sum(b))
a, = it.tee(iter([1, 2, 3]), 1)
c = a.__copy__()
print(next(a), list(c), list(a))
a, b = it.tee([1, 2, 3])
next(a)
c, d = it.tee(a)
print(c is a, list(c), list(d), list(a), list(b))
s = Src(5)
a, b = it.tee(s)
print(next(a), s.i, next(b), s.i, list(a), s.i, list(b))
import copy
a, b = it.tee('xyz')
next(a)
print(list(copy.copy(a)), list(a))
def reenter():
    yield next(tees[0])
tees = it.tee(reenter())
try:
    next(tees[0])
except RuntimeError as e:
    print('RuntimeError', e)
print(type(it._tee('ab')).__name__, list(it._tee('ab')))
import weakref
a, b = it.tee([1])
print(weakref.ref(a)() is a)

# subclasses
class MyCount(it.count):
    pass
class MyChain(it.chain):
    def __next__(self):
        return super().__next__() * 2
class MyRepeat(it.repeat):
    def __init__(self, obj, times):
        self.extra = times
mc = MyCount(3)
print(repr(mc), next(mc), next(mc), type(mc).__name__, isinstance(mc, it.count))
print(list(MyChain([1, 2], [3])), type(MyChain.from_iterable([[1]])).__name__, list(MyChain.from_iterable([[4]])))
mr = MyRepeat('z', 2)
print(repr(mr), mr.extra, list(mr))
class MyProduct(it.product):
    pass
print(list(MyProduct('ab', repeat=1)), type(MyProduct('a')).__name__)
for name in ['_grouper', '_tee', '_tee_dataobject']:
    try:
        type('X', (getattr(it, name),), {})
    except TypeError as e:
        print(name, 'TypeError', e)

# methods on the wrong objects
for call in [lambda: it.count.__next__(it.repeat(1)), lambda: it.repeat.__length_hint__(it.count()), lambda: it.chain.__next__(5)]:
    try:
        call()
    except TypeError as e:
        print('TypeError', e)

# iterators of iterators, and iterators feeding themselves
print(list(it.islice(it.accumulate(it.cycle([1, 2, 3])), 7)))
print(list(it.islice(it.pairwise(it.count()), 3)), list(it.islice(it.zip_longest(it.count(), 'ab'), 4)))
print(list(it.starmap(operator.mul, it.product(range(3), repeat=2))))
print(sorted(it.chain.from_iterable(it.combinations(range(4), 2))))
print([list(g) for k, g in it.groupby(it.chain('aab', 'bcc'))])
print(list(it.compress(it.count(), it.islice(it.cycle([1, 0, 0]), 10))))
print(list(it.takewhile(lambda t: t[0] < 3, it.pairwise(it.count()))))
print(list(it.batched(it.chain.from_iterable(it.repeat('ab', 3)), 4)))
