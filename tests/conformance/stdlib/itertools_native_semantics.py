# itertools (native): keyword arguments, count's int/bool/big starts, reprs of subclasses, and what each
# iterator does after its source raises (CPython 3.14: some end, some go on).
import itertools as it
import re
def t(expr):
    try:
        r = eval(expr)
        print(expr, '->', re.sub(r' at 0x[0-9a-fA-F]+', ' at ADDR', repr(r))[:200])
    except Exception as e:
        print(expr, '!!', type(e).__name__ + ':', e)
cases = '''
it.accumulate([1], func=None, initial=1, x=2)
it.accumulate([1], None, initial=1, x=2)
it.accumulate([1], iterable=2)
it.accumulate(func=None)
it.batched([1], 2, strict=False, x=1)
it.batched([1], 2, n=3)
it.batched([1], 2, x=3)
it.batched([1], n=2, iterable=1)
it.count(1, start=2)
it.count(1, 2, start=2)
it.repeat('a', object='b')
it.repeat(times=3)
it.zip_longest(fillvalue=1, x=3)
it.product(repeat=1, fillvalue=1)
it.groupby(key=len)
it.compress([1], data=[2])
next(it.count(True))
next(it.count(True, 2))
next(it.count(False, 1))
it.count(True)
it.count(3.0, 1)
it.count(start=2**70, step=1)
next(it.count(2**63-1)), it.count(2**63-1)
[next(c) for c in [it.count(2**63-1)] for _ in range(3)]
it.repeat('a', True)
it.repeat(times=2, object='a')
repr(it.repeat([1,2], 2))
type(it.chain.from_iterable)
it.chain.from_iterable(x=1)
it.islice(it.count(), 3).__class__.__name__
it.tee([1], 1)
it._tee([1,2])
it._tee(1)
it._tee()
it._tee_dataobject()
it._grouper(1, 2)
it.batched('abc', 2).__class__
it.accumulate.__text_signature__
'''
for line in cases.strip().splitlines():
    t(line)
# exec-ish
class E:
    def __init__(s): s.n=0
    def __iter__(s): return s
    def __next__(s):
        s.n+=1
        if s.n==2: raise ValueError('boom')
        if s.n>5: raise StopIteration
        return s.n
p = it.pairwise(E())
for _ in range(5):
    try: print(next(p))
    except Exception as e: print(type(e).__name__, e)
z = it.zip_longest(E(), [1,2,3,4,5])
for _ in range(5):
    try: print(next(z))
    except Exception as e: print(type(e).__name__, e)
c = it.chain(E(), 'xy')
for _ in range(7):
    try: print(next(c))
    except Exception as e: print(type(e).__name__, e)
b = it.batched(E(), 2)
for _ in range(5):
    try: print(next(b))
    except Exception as e: print(type(e).__name__, e)
s = it.islice(E(), 1, None, 2)
for _ in range(5):
    try: print(next(s))
    except Exception as e: print(type(e).__name__, e)
cy = it.cycle(E())
for _ in range(9):
    try: print(next(cy))
    except Exception as e: print(type(e).__name__, e)
a = it.accumulate(E())
for _ in range(7):
    try: print(next(a))
    except Exception as e: print(type(e).__name__, e)
g = it.groupby(E())
for _ in range(7):
    try: print(next(g)[0])
    except Exception as e: print(type(e).__name__, e)
class C:
    def __init__(s): s.c = 0
    def __iter__(s): return s
    def __next__(s): return 1
    def __copy__(s):
        s.c += 1; return C()
x = C(); r = it.tee(x, 3); print(x.c, [type(y).__name__ for y in r], r[0] is x)
r = it.tee(iter([1,2]), 1); print(type(r[0]).__name__)
class T(it.chain):
    pass
print(type(T([1],[2])).__name__, list(T([1],[2])), type(T.from_iterable([[1]])).__name__)
class R(it.repeat): pass
print(R(1, 2), repr(R('x')))
class Cn(it.count): pass
print(Cn(3), Cn(3, 2))

# 3.14 dropped pickling and copying of itertools objects (tee keeps __copy__)
import copy, pickle
for f in [lambda: copy.copy(it.count(1)), lambda: pickle.dumps(it.repeat(1)), lambda: copy.deepcopy(it.chain([1])),
          lambda: pickle.dumps(it.islice('a', 1)), lambda: list(copy.copy(it.tee('ab')[0]))]:
    try:
        print(f())
    except TypeError as e:
        print('TypeError', e)

# __new__ checks its class first
for f in [lambda: it.count.__new__(int), lambda: it.count.__new__(5), lambda: it.count.__new__(), lambda: it.chain.__new__(int),
          lambda: it._tee.__new__(int, []), lambda: it.product.__new__(list), lambda: it.count.__new__(int, 'a'), lambda: it.count.__new__(it.count, 7)]:
    try:
        print(f())
    except TypeError as e:
        print('TypeError', e)
