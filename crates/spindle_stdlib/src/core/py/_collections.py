# Spindle's _collections, written in Python for Spindle: deque (list
# backed), defaultdict, _count_elements. FIXME(perf): port deque to Rust.
#
# Threads: each deque operation is one atomic step of the backing list, as
# it is in CPython: a single list operation, or a native helper that does
# its steps under the list's lock (_push, _insert, _rotate, _remove, from
# the Rust half of this module). Reads that scan take a snapshot. `_state`
# counts mutations for the iterators' "mutated during iteration" check.

import sys as _sys

def _intarg(v):
    try:
        return v.__index__()
    except AttributeError:
        raise TypeError(f"'{type(v).__name__}' object cannot be interpreted as an integer") from None

class deque:
    __slots__ = ('_items', '_maxlen', '_state', '__weakref__')
    __hash__ = None

    def __new__(cls, *args, **kwargs):
        self = object.__new__(cls)
        self._items = []
        self._maxlen = None
        self._state = 0
        return self

    def __init__(self, iterable=(), maxlen=None):
        if maxlen is not None:
            maxlen = _intarg(maxlen)
            if maxlen < 0:
                raise ValueError('maxlen must be non-negative')
        self._maxlen = maxlen
        if self._items:
            self.clear()
        self.extend(iterable)

    @property
    def maxlen(self):
        return self._maxlen

    def append(self, x, /):
        self._state += 1
        if self._maxlen is None:
            self._items.append(x)
        else:
            _push(self._items, x, self._maxlen, False)

    def appendleft(self, x, /):
        self._state += 1
        if self._maxlen is None:
            self._items.insert(0, x)
        else:
            _push(self._items, x, self._maxlen, True)

    def pop(self):
        try:
            x = self._items.pop()
        except IndexError:
            raise IndexError('pop from an empty deque') from None
        self._state += 1
        return x

    def popleft(self):
        try:
            x = self._items.pop(0)
        except IndexError:
            raise IndexError('pop from an empty deque') from None
        self._state += 1
        return x

    def extend(self, iterable, /):
        if iterable is self:
            iterable = list(self._items)
        for x in iterable:
            self.append(x)

    def extendleft(self, iterable, /):
        if iterable is self:
            iterable = list(self._items)
        for x in iterable:
            self.appendleft(x)

    def clear(self):
        self._state += 1
        self._items.clear()

    def copy(self):
        if type(self) is deque:
            return deque(list(self._items), self._maxlen)
        if self._maxlen is None:
            return type(self)(self)
        return type(self)(self, self._maxlen)

    __copy__ = copy

    def count(self, value, /):
        state = self._state
        n = 0
        for x in list(self._items):
            if x is value or x == value:
                n += 1
            if state != self._state and _python_eq(x, value):
                raise RuntimeError('deque mutated during iteration')
        return n

    def index(self, value, start=0, stop=_sys.maxsize, /):
        n = len(self._items)
        start = _intarg(start)
        stop = _intarg(stop)
        if start < 0:
            start = max(start + n, 0)
        if stop < 0:
            stop = max(stop + n, 0)
        stop = min(stop, n)
        state = self._state
        items = list(self._items)
        for i in range(start, min(stop, len(items))):
            x = items[i]
            if x is value or x == value:
                return i
            if state != self._state and _python_eq(x, value):
                raise RuntimeError('deque mutated during iteration')
        raise ValueError('deque.index(x): x not in deque')

    def insert(self, index, value, /):
        index = _intarg(index)
        if self._maxlen is None:
            self._items.insert(index, value)
        else:
            _insert(self._items, index, value, self._maxlen)
        self._state += 1

    def remove(self, value, /):
        if not _remove(self._items, value):
            raise ValueError('deque.remove(x): x not in deque')
        self._state += 1

    def reverse(self):
        self._state += 1
        self._items.reverse()

    def rotate(self, n=1, /):
        n = _intarg(n)
        if not -2**63 <= n < 2**63:
            raise OverflowError('Python int too large to convert to C ssize_t')
        if _rotate(self._items, n):
            self._state += 1

    def __len__(self):
        return len(self._items)

    def __bool__(self):
        return bool(self._items)

    def _norm(self, i):
        # The list's own indexing wraps negative indexes as a deque's: each
        # access below is one list operation.
        if isinstance(i, slice):
            raise TypeError('sequence index must be integer, not \'slice\'')
        i = _intarg(i)
        if not -2**62 < i < 2**62:
            raise IndexError('deque index out of range')
        return i

    def __getitem__(self, i):
        i = self._norm(i)
        try:
            return self._items[i]
        except IndexError:
            raise IndexError('deque index out of range') from None

    def __setitem__(self, i, v):
        i = self._norm(i)
        try:
            self._items[i] = v
        except IndexError:
            raise IndexError('deque index out of range') from None

    def __delitem__(self, i):
        i = self._norm(i)
        try:
            del self._items[i]
        except IndexError:
            raise IndexError('deque index out of range') from None
        self._state += 1

    def __contains__(self, value):
        state = self._state
        for x in list(self._items):
            if x is value or x == value:
                return True
            if state != self._state and _python_eq(x, value):
                raise RuntimeError('deque mutated during iteration')
        return False

    def __iter__(self):
        return _deque_iterator(self)

    def __reversed__(self):
        return _deque_reverse_iterator(self)

    def __repr__(self):
        name = type(self).__name__
        if _repr_running(self):
            return '[...]'
        _repr_enter(self)
        try:
            body = repr(self._items)
        finally:
            _repr_leave(self)
        if self._maxlen is not None:
            return f'{name}({body}, maxlen={self._maxlen})'
        return f'{name}({body})'

    def __reduce__(self):
        state = getattr(self, '__dict__', None) or None
        if self._maxlen is None:
            return (type(self), ((),), state, iter(self))
        return (type(self), ((), self._maxlen), state, iter(self))

    def _cmp(self, other, op):
        if not isinstance(other, deque):
            return NotImplemented
        return op(self._items, other._items)

    def __eq__(self, other):
        return self._cmp(other, lambda a, b: a == b)
    def __ne__(self, other):
        return self._cmp(other, lambda a, b: a != b)
    def __lt__(self, other):
        return self._cmp(other, lambda a, b: a < b)
    def __le__(self, other):
        return self._cmp(other, lambda a, b: a <= b)
    def __gt__(self, other):
        return self._cmp(other, lambda a, b: a > b)
    def __ge__(self, other):
        return self._cmp(other, lambda a, b: a >= b)

    def __add__(self, other):
        if not isinstance(other, deque):
            raise TypeError(f'can only concatenate deque (not "{type(other).__name__}") to deque')
        new = self.copy()
        new.extend(other)
        return new

    def __iadd__(self, other):
        self.extend(other)
        return self

    def __mul__(self, n):
        new = self.copy()
        new *= n
        return new

    __rmul__ = __mul__

    def __imul__(self, n):
        n = _intarg(n)
        if n <= 0:
            self.clear()
        elif n > 1:
            items = list(self._items)
            for _ in range(n - 1):
                self.extend(items)
        return self

    def __class_getitem__(cls, item):
        return _generic_alias(cls, item)

deque.__module__ = 'collections'

_repr_active = set()
def _repr_running(o):
    return id(o) in _repr_active
def _repr_enter(o):
    _repr_active.add(id(o))
def _repr_leave(o):
    _repr_active.discard(id(o))

# Types whose == runs no Python code: a comparison of two of them cannot
# have changed the deque, so a change seen after it is another thread's,
# which CPython's deque (whose scan no other thread can split) never sees.
_NATIVE_EQ = frozenset((int, float, str, bytes, bool, type(None)))

def _python_eq(x, value):
    return type(x) not in _NATIVE_EQ or type(value) not in _NATIVE_EQ

class _deque_iterator:
    __slots__ = ('_deque', '_state', '_i')
    def __init__(self, d, index=0):
        self._deque = d
        self._state = d._state
        self._i = index
    def __iter__(self):
        return self
    def __next__(self):
        d = self._deque
        if d is None:
            raise StopIteration
        if d._state != self._state:
            self._deque = None
            raise RuntimeError('deque mutated during iteration')
        try:
            v = d._items[self._i]
        except IndexError:
            self._deque = None
            if d._state != self._state:
                raise RuntimeError('deque mutated during iteration') from None
            raise StopIteration from None
        self._i += 1
        return v
    def __length_hint__(self):
        d = self._deque
        return 0 if d is None else max(len(d._items) - self._i, 0)

class _deque_reverse_iterator(_deque_iterator):
    __slots__ = ()
    def __next__(self):
        d = self._deque
        if d is None:
            raise StopIteration
        if d._state != self._state:
            self._deque = None
            raise RuntimeError('deque mutated during iteration')
        items = d._items
        i = len(items) - 1 - self._i
        try:
            if i < 0:
                raise IndexError
            v = items[i]
        except IndexError:
            self._deque = None
            if d._state != self._state:
                raise RuntimeError('deque mutated during iteration') from None
            raise StopIteration from None
        self._i += 1
        return v

class defaultdict(dict):
    def __init__(self, default_factory=None, /, *args, **kwargs):
        if default_factory is not None and not callable(default_factory):
            raise TypeError('first argument must be callable or None')
        dict.__init__(self, *args, **kwargs)
        object.__setattr__(self, 'default_factory', default_factory)

    def __missing__(self, key):
        f = self.default_factory
        if f is None:
            raise KeyError(key)
        value = f()
        self[key] = value
        return value

    def __repr__(self):
        f = self.default_factory
        if f is None:
            fr = 'None'
        elif _repr_running(self):
            fr = '...'
        else:
            _repr_enter(self)
            try:
                fr = repr(f)
            finally:
                _repr_leave(self)
        return f'{type(self).__name__}({fr}, {dict.__repr__(self)})'

    def copy(self):
        return type(self)(self.default_factory, self)

    __copy__ = copy

    def __reduce__(self):
        args = () if self.default_factory is None else (self.default_factory,)
        return (type(self), args, None, None, iter(self.items()))

    def __or__(self, other):
        if not isinstance(other, dict):
            return NotImplemented
        new = self.copy()
        new.update(other)
        return new

    def __ror__(self, other):
        if not isinstance(other, dict):
            return NotImplemented
        new = type(self)(self.default_factory, other)
        new.update(self)
        return new

defaultdict.__module__ = 'collections'

def _count_elements(mapping, iterable, /):
    get = mapping.get
    for elem in iterable:
        mapping[elem] = get(elem, 0) + 1


class _tuplegetter:
    # The field descriptors of namedtuple classes: item `index` of the tuple,
    # read-only.
    __slots__ = ('_index', '__doc__')

    def __init__(self, index, doc, /):
        self._index = index
        self.__doc__ = doc

    def __get__(self, instance, owner=None):
        if instance is None:
            return self
        if not isinstance(instance, tuple):
            raise TypeError(f"descriptor for index '{self._index}' for tuple subclasses "
                            f"doesn't apply to '{type(instance).__name__}' object")
        return tuple.__getitem__(instance, self._index)

    def __set__(self, instance, value):
        raise AttributeError("can't set attribute")

    def __delete__(self, instance):
        raise AttributeError("can't delete attribute")

    def __reduce__(self):
        return type(self), (self._index, self.__doc__)

    def __repr__(self):
        return f"{type(self).__name__}({self._index}, {self.__doc__!r})"


_tuplegetter.__module__ = 'collections'
