# collections.deque: every method, maxlen, rotation, index bounds,
# comparisons, repr recursion, pickling, copying and subclassing.
import copy
import pickle
import weakref
from collections import deque

def show(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)

# construction and the end operations
d = deque()
print(d, len(d), bool(d), d.maxlen)
d = deque(range(5))
d.append(5); d.appendleft(-1)
print(d, d.pop(), d.popleft(), d)
d.extend('ab'); d.extendleft('xy')
print(d)
d.extend(d); print(d, len(d))
d.extendleft(iter([7, 8])); print(d)
d.clear(); print(d, bool(d))
print(deque(x * x for x in range(4)))
print(deque(iterable=[1], maxlen=3), deque({'k': 1}), deque('abc', None))
print(deque((1, 2)), deque(deque([3, 4])), deque(range(3), maxlen=True))

# __init__ again replaces contents and maxlen
d = deque([1, 2, 3], maxlen=5)
d.__init__([9], 2); print(d, d.maxlen)
d.__init__(); print(d, d.maxlen)

# maxlen
d = deque(range(10), maxlen=3)
print(d, d.maxlen)
d.append(10); print(d)
d.appendleft(-1); print(d)
d.extend(range(100, 105)); print(d)
d.extendleft('ab'); print(d)
z = deque(maxlen=0); z.append(1); z.extend(range(5)); z.appendleft(2); print(z, len(z))
one = deque([1], maxlen=1); one.append(2); print(one)
show('insert-full', lambda: deque([1, 2], maxlen=2).insert(0, 3))
m = deque([1, 2], maxlen=3); m.insert(1, 'x'); print(m)

# rotation
d = deque(range(7))
for n in (1, -1, 3, -3, 7, 13, -20, 0, 10**9 + 3):
    d.rotate(n); print('rotate', n, list(d))
d.rotate(); print(d)
e = deque(); e.rotate(5); print(e)
s = deque([1]); s.rotate(-9); print(s)

# indexing
d = deque('abcdef')
print(d[0], d[-1], d[2], d[-6])
d[1] = 'B'; d[-1] = 'F'; print(d)
del d[0]; del d[-1]; del d[1]; print(d)
for k in (6, -7, 2**80):
    show('get %r' % k, lambda: d[k])
show('set', lambda: d.__setitem__(10, 0))
show('del', lambda: d.__delitem__(-10))
class I:
    def __index__(self): return 1
print(d[I()], d.__getitem__(True))

# insert, remove, index, count
d = deque([1, 2, 3, 2, 1])
d.insert(0, 'a'); d.insert(-1, 'b'); d.insert(100, 'c'); d.insert(-100, 'd'); d.insert(3, 'e')
print(d)
d.remove(2); print(d)
print(d.count(1), d.count(2), d.count('zz'), d.count(1.0))
print(d.index(1), d.index(1, 4), d.index('b', -3), d.index(1, -100, 100))
show('index-missing', lambda: d.index(99))
show('index-range', lambda: d.index('a', 1))
show('index-stop', lambda: d.index(3, 0, 2))
print(d.index(3, I()), d.index(2, 0, 2**100), d.index(3, -2**100))
print(2 in d, 99 in d, 'b' in d, 1.0 in d)
nan = float('nan'); dn = deque([nan]); print(nan in dn, dn.count(nan), dn.index(nan))

# reverse, copy
d = deque(range(6)); d.reverse(); print(d)
c = d.copy(); c.append(99); print(d, c, type(c).__name__)
c = copy.copy(deque([1, [2]], maxlen=4)); print(c, c.maxlen)
dc = copy.deepcopy(deque([1, [2]], maxlen=4)); print(dc, dc.maxlen)
inner = [1]; src = deque([inner]); dc = copy.deepcopy(src); print(dc[0] is inner, dc == src)

# operators
a, b = deque([1, 2]), deque([3])
print(a + b, a * 2, 2 * a, a * 0, a * -1, b * 3)
a2 = deque([1, 2], maxlen=3); print(a2 + b, a2 * 3, deque([7], maxlen=2) * 5)
x = deque([1]); x += [2, 3]; print(x)
x += x; print(x)
x *= 2; print(x, len(x))
x *= 0; print(x)
y = deque('ab'); y *= I(); print(y)
show('add-list', lambda: deque() + [1])
show('mul-str', lambda: deque() * 'a')
show('mul-float', lambda: 1.5 * deque())

# comparisons
for p, q in [([1, 2], [1, 2]), ([1, 2], [1, 3]), ([1, 2], [1, 2, 0]), ([], []), ([2], [1, 5])]:
    dp, dq = deque(p), deque(q)
    print(p, q, dp == dq, dp != dq, dp < dq, dp <= dq, dp > dq, dp >= dq)
print(deque([1]) == [1], deque([1]) != (1,), deque() == deque(maxlen=1))
show('lt-list', lambda: deque() < [])
show('lt-mixed', lambda: deque([1, 'a']) < deque([1, 2]))

# repr, recursion
print(repr(deque()), repr(deque([1, 'a'], maxlen=2)))
r = deque([1]); r.append(r); print(r)
r2 = deque(maxlen=3); r2.append([r2]); print(r2)
print(str(deque([None])))

# iteration
d = deque(range(5))
print(list(d), list(reversed(d)), sorted(d, reverse=True), sum(d))
it = iter(d); print(next(it), it.__length_hint__(), list(it), it.__length_hint__())
rit = reversed(d); next(rit); print(rit.__length_hint__(), list(rit))
print(type(iter(d)).__name__, type(reversed(d)).__name__)
print(iter(d).__reduce__()[1][1], list(type(iter(d))(d, 2)), list(type(reversed(d))(d, 3)))
it = iter(d); next(it); next(it)
cls, args = it.__reduce__(); print(cls.__name__, args[1], list(cls(*args)))

# pickle / copy round trips
for obj in (deque(), deque([1, 'two', (3,)]), deque(range(4), maxlen=2), deque(maxlen=0)):
    for proto in range(pickle.HIGHEST_PROTOCOL + 1):
        back = pickle.loads(pickle.dumps(obj, proto))
        assert back == obj and back.maxlen == obj.maxlen and type(back) is deque, (obj, proto)
    print('pickled', obj)
print(deque([1], 3).__reduce__()[:3], deque([1]).__reduce__()[:3])

# subclassing
class Sub(deque):
    def __init__(self, iterable=(), maxlen=None, tag='t'):
        super().__init__(iterable, maxlen)
        self.tag = tag
s = Sub([1, 2], 4, tag='x')
print(s, s.tag, s.maxlen, isinstance(s, deque), type(s.copy()).__name__, s.copy().maxlen)
print(type(s + deque([3])).__name__, type(s * 2).__name__, s == deque([1, 2]))
s2 = pickle.loads(pickle.dumps(s)); print(type(s2).__name__, s2, s2.tag, s2.maxlen)
s3 = copy.deepcopy(s); print(type(s3).__name__, s3, s3.tag)
s4 = copy.copy(s); print(type(s4).__name__, s4, s4.maxlen)
class Plain(deque): pass
p = Plain('ab'); p.extra = 5; print(p, p.extra, repr(Plain(maxlen=1)), Plain.__reduce__(p)[2])
class Odd(deque):
    def __new__(cls, *a): return [1]
    def copy(self): return deque.copy(self)
print(type(deque.__new__(Odd)).__name__)

# misc attributes
print(deque.__hash__, deque.__module__, deque.__name__, deque.__doc__)
print(deque[int], deque.__class_getitem__(str))
show('hash', lambda: hash(deque()))
show('setattr', lambda: setattr(deque(), 'x', 1))
show('maxlen-set', lambda: setattr(deque(), 'maxlen', 1))
w = deque([1]); ref = weakref.ref(w); print(ref() is w); del w; print(ref())
print(deque([1, 2]).__sizeof__() > 0, deque().__sizeof__() > 0)

# recursive copies, slotted subclasses, match, abc, users in the Lib
import collections.abc as abc
import queue
import threading
r = deque([1]); r.append(r)
c = copy.deepcopy(r); print(c, c[1] is c)
p = pickle.loads(pickle.dumps(r)); print(p, p[1] is p)
class Slotted(deque):
    __slots__ = ('a',)
s = Slotted([1]); s.a = 5
print(Slotted.__reduce__(s)[2])
t = pickle.loads(pickle.dumps(s)); print(type(t).__name__, t, t.a)
print(isinstance(deque(), abc.MutableSequence), issubclass(deque, abc.Sequence), deque.__text_signature__)
match deque([1, 2, 3]):
    case [a, *rest]:
        print('seq', a, rest)
match Plain([4]):
    case [x]:
        print('sub seq', x)
q = queue.Queue(); q.put(1); q.put(2); print(q.get(), q.qsize(), q.queue)
print(threading.Condition()._waiters, deque([1, 2]).__reduce_ex__(2)[:3])
print(sorted(deque([3, 1, 2])), max(deque([1, 5])), list(map(str, deque([1]))))
