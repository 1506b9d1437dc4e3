# collections.deque: CPython's exceptions and messages, and the
# "mutated during iteration" checks of iterators and scans.
from collections import deque

def show(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)

d = deque([1, 2, 3])
show('pop', lambda: deque().pop())
show('popleft', lambda: deque().popleft())
show('remove', lambda: d.remove(9))
show('index', lambda: d.index(9))
show('str-index', lambda: d['a'])
show('slice', lambda: d[1:2])
show('float-index', lambda: d[1.0])
show('maxlen-neg', lambda: deque(maxlen=-1))
show('maxlen-str', lambda: deque(maxlen='a'))
show('maxlen-float', lambda: deque(maxlen=2.0))
show('maxlen-big', lambda: deque(maxlen=2**70))
show('maxlen-bigneg', lambda: deque(maxlen=-2**70))
show('not-iterable', lambda: deque(1))
show('too-many', lambda: deque([], 2, 3))
show('bad-kw', lambda: deque(foo=1))
show('dup-kw', lambda: deque([1], iterable=[2]))
show('rotate-str', lambda: d.rotate('a'))
show('rotate-big', lambda: d.rotate(2**70))
show('rotate-args', lambda: d.rotate(1, 2))
show('insert-args', lambda: d.insert(1))
show('insert-str', lambda: d.insert('a', 1))
show('insert-big', lambda: d.insert(2**70, 1))
show('index-str', lambda: d.index(1, 'a'))
show('index-none', lambda: d.index(1, None))
show('index-args', lambda: d.index(1, 0, 1, 2))
show('index-noargs', lambda: d.index())
show('append-0', lambda: d.append())
show('append-2', lambda: d.append(1, 2))
show('append-kw', lambda: d.append(x=1))
show('pop-1', lambda: d.pop(1))
show('clear-1', lambda: d.clear(1))
show('extend-int', lambda: d.extend(1))
show('extend-0', lambda: d.extend())
show('count-0', lambda: d.count())
show('getitem-0', lambda: d.__getitem__())
show('len-1', lambda: d.__len__(1))
show('desc', lambda: deque.append(1, 2))
show('desc-slot', lambda: deque.__iter__(5))
show('desc-init', lambda: deque.__init__(5))
show('new-nontype', lambda: deque.__new__(5))
show('new-nonsub', lambda: deque.__new__(int))
show('mul-big', lambda: d * 2**70)
show('iadd-int', lambda: d.__iadd__(5))
show('add-int', lambda: d.__add__(5))
show('iter-new', lambda: type(iter(d))([1]))
show('iter-new-0', lambda: type(iter(d))())
show('iter-new-3', lambda: type(iter(d))(d, 1, 2))
show('iter-new-str', lambda: type(iter(d))(d, 'x'))
print(d)

class Mutating:
    def __init__(self, dq): self.dq = dq
    def __eq__(self, other):
        self.dq.append(0)
        return False
for name in ('remove', 'index', 'count'):
    dd = deque([1, 2, 3])
    show(name + '-mutating', lambda: getattr(dd, name)(Mutating(dd)))
dd = deque([1, 2, 3]); show('in-mutating', lambda: Mutating(dd) in dd)

class Replacing:
    def __init__(self, dq): self.dq = dq
    def __eq__(self, other):
        self.dq[0] = 9
        return False
dd = deque([1, 2, 3]); show('remove-replacing', lambda: dd.remove(Replacing(dd))); print(dd)

class Bad:
    def __eq__(self, other): raise ZeroDivisionError('eq')
show('count-raises', lambda: deque([1, 2]).count(Bad()))
show('remove-raises', lambda: deque([1, 2]).remove(Bad()))

def step(make, mutate):
    dd = deque([1, 2, 3])
    it = make(dd)
    next(it)
    mutate(dd)
    try:
        return next(it)
    except StopIteration:
        return 'stop'
ops = {
    'append': lambda q: q.append(4), 'pop': lambda q: q.pop(), 'setitem': lambda q: q.__setitem__(0, 5),
    'reverse': lambda q: q.reverse(), 'rotate0': lambda q: q.rotate(0), 'rotate3': lambda q: q.rotate(3),
    'clear': lambda q: q.clear(), 'extend-empty': lambda q: q.extend([]), 'imul1': lambda q: q.__imul__(1),
    'insert': lambda q: q.insert(0, 0), 'delitem': lambda q: q.__delitem__(0), 'remove': lambda q: q.remove(3),
    'init': lambda q: q.__init__([1, 2, 3]),
}
for name, mutate in ops.items():
    for kind, make in (('fwd', iter), ('rev', reversed)):
        show(kind + '-' + name, lambda: step(make, mutate))

dd = deque([1, 2, 3]); it = iter(dd); list(it); dd.append(4); show('fwd-after-end', lambda: next(it))
dd = deque([1, 2, 3]); it = reversed(dd); list(it); dd.append(4); show('rev-after-end', lambda: next(it))
dd = deque(); it = iter(dd); dd.clear(); show('clear-empty', lambda: next(it))
dd = deque([1]); it = iter(dd); dd.extend([]); show('extend-nothing', lambda: next(it))
dd = deque([1, 2], maxlen=2); it = iter(dd); dd.append(3); show('maxlen-push', lambda: next(it))
dd = deque([1, 2, 3]); it = iter(dd)
for x in it:
    if x == 2:
        dd.append(9)
        show('after-raise', lambda: next(it))
        show('after-raise-2', lambda: next(it))
        show('hint', lambda: it.__length_hint__())
        break

# which changes invalidate iterators, with maxlen
def after(setup, change, make=iter):
    dd = setup()
    it = make(dd)
    change(dd)
    show('after', lambda: next(it))
after(lambda: deque(maxlen=0), lambda q: q.append(1))
after(lambda: deque(maxlen=0), lambda q: q.appendleft(1))
after(lambda: deque(maxlen=0), lambda q: q.extend([1]))
after(lambda: deque(maxlen=0), lambda q: q.extendleft([1]))
after(lambda: deque(maxlen=0), lambda q: q.extend(q))
after(lambda: deque([1, 2], maxlen=2), lambda q: q.extend([3]))
after(lambda: deque([1, 2], maxlen=2), lambda q: q.__imul__(2))
after(lambda: deque([1], maxlen=2), lambda q: q.__imul__(3))
after(lambda: deque([1, 2]), lambda q: q.__iadd__([]))
after(lambda: deque(), lambda q: q.__imul__(0))
after(lambda: deque([1, 2]), lambda q: q.__init__([1, 2]))
after(lambda: deque(), lambda q: q.__init__([]))
after(lambda: deque(), lambda q: q.__init__([], 3))
after(lambda: deque([1]), lambda q: q.pop(), reversed)
z = deque(maxlen=0); z.extend(x for x in range(3)); print(z)
show('maxlen0-extend-int', lambda: deque(maxlen=0).extend(5))
