# Spindle's itertools, written in Python for Spindle (a stopgap until the
# hot iterators move to Rust). Each public name is a class so that type
# names, isinstance checks and reprs match CPython's.

import sys as _sys

def _index(x, what):
    try:
        return x.__index__()
    except AttributeError:
        raise TypeError(what) from None

def _mkname(cls):
    cls.__module__ = 'itertools'
    return cls

class _Base:
    __slots__ = ('_it',)
    def __iter__(self):
        return self
    def __next__(self):
        return next(self._it)

@_mkname
class count(_Base):
    __slots__ = ('_n', '_step')
    def __init__(self, start=0, step=1):
        for v in (start, step):
            if isinstance(v, (str, bytes, bytearray, list, tuple)) or not hasattr(type(v), '__add__'):
                raise TypeError('a number is required')
        self._n = start
        self._step = step
    def __next__(self):
        n = self._n
        self._n = n + self._step
        return n
    def __repr__(self):
        name = type(self).__name__
        if type(self._step) is int and self._step == 1:
            return f'{name}({self._n!r})'
        return f'{name}({self._n!r}, {self._step!r})'

@_mkname
class cycle(_Base):
    __slots__ = ()
    def __init__(self, iterable, /):
        self._it = self._gen(iter(iterable))
    @staticmethod
    def _gen(it):
        saved = []
        for x in it:
            yield x
            saved.append(x)
        if not saved:
            return
        while True:
            yield from saved

@_mkname
class repeat(_Base):
    __slots__ = ('_obj', '_times')
    def __init__(self, object, times=None):
        self._obj = object
        if times is None:
            self._times = None
        else:
            t = _index(times, f"'{type(times).__name__}' object cannot be interpreted as an integer")
            self._times = t if t > 0 else 0
    def __next__(self):
        if self._times is None:
            return self._obj
        if self._times <= 0:
            raise StopIteration
        self._times -= 1
        return self._obj
    def __length_hint__(self):
        if self._times is None:
            raise TypeError('len() of unsized object')
        return self._times
    def __repr__(self):
        name = type(self).__name__
        if self._times is None:
            return f'{name}({self._obj!r})'
        return f'{name}({self._obj!r}, {self._times})'

@_mkname
class accumulate(_Base):
    __slots__ = ()
    def __init__(self, iterable, func=None, *, initial=None):
        self._it = self._gen(iter(iterable), func, initial)
    @staticmethod
    def _gen(it, func, initial):
        total = initial
        if initial is None:
            for total in it:
                break
            else:
                return
        yield total
        for x in it:
            total = total + x if func is None else func(total, x)
            yield total

@_mkname
class batched(_Base):
    __slots__ = ()
    def __init__(self, iterable, n, *, strict=False):
        n = _index(n, f"'{type(n).__name__}' object cannot be interpreted as an integer")
        if n < 1:
            raise ValueError('n must be at least one')
        self._it = self._gen(iter(iterable), n, strict)
    @staticmethod
    def _gen(it, n, strict):
        while True:
            batch = []
            for x in it:
                batch.append(x)
                if len(batch) == n:
                    break
            if not batch:
                return
            if strict and len(batch) != n:
                raise ValueError('batched(): incomplete batch')
            yield tuple(batch)
            if len(batch) != n:
                return

@_mkname
class chain(_Base):
    __slots__ = ()
    def __init__(self, *iterables):
        self._it = self._gen(iter(iterables))
    @staticmethod
    def _gen(its):
        for it in its:
            yield from it
    @classmethod
    def from_iterable(cls, iterable, /):
        self = cls.__new__(cls)
        self._it = cls._gen(iter(iterable))
        return self

@_mkname
class compress(_Base):
    __slots__ = ()
    def __init__(self, data, selectors):
        self._it = (d for d, s in zip(data, selectors) if s)

@_mkname
class dropwhile(_Base):
    __slots__ = ()
    def __init__(self, predicate, iterable, /):
        self._it = self._gen(predicate, iter(iterable))
    @staticmethod
    def _gen(pred, it):
        for x in it:
            if not pred(x):
                yield x
                break
        yield from it

@_mkname
class takewhile(_Base):
    __slots__ = ()
    def __init__(self, predicate, iterable, /):
        self._it = self._gen(predicate, iter(iterable))
    @staticmethod
    def _gen(pred, it):
        for x in it:
            if not pred(x):
                return
            yield x

@_mkname
class filterfalse(_Base):
    __slots__ = ()
    def __init__(self, function, iterable, /):
        it = iter(iterable)
        if function is None:
            self._it = (x for x in it if not x)
        else:
            self._it = (x for x in it if not function(x))

@_mkname
class starmap(_Base):
    __slots__ = ()
    def __init__(self, function, iterable, /):
        self._it = (function(*args) for args in iter(iterable))

class _grouper(_Base):
    __slots__ = ('_parent', '_key', '_gid')
    def __init__(self, parent, key, gid):
        self._parent = parent
        self._key = key
        self._gid = gid
    def __next__(self):
        p = self._parent
        if p._gid != self._gid:
            raise StopIteration
        if p._curval is _MARK:
            p._advance()
        if not (p._curkey == self._key):
            raise StopIteration
        v = p._curval
        p._curval = _MARK
        return v
_grouper.__module__ = 'itertools'

_MARK = object()

@_mkname
class groupby(_Base):
    __slots__ = ('_keyfunc', '_src', '_curkey', '_curval', '_tgtkey', '_gid')
    def __init__(self, iterable, key=None):
        self._keyfunc = key
        self._src = iter(iterable)
        self._curkey = self._curval = self._tgtkey = _MARK
        self._gid = 0
    def _advance(self):
        v = next(self._src)
        k = v if self._keyfunc is None else self._keyfunc(v)
        self._curval = v
        self._curkey = k
    def __next__(self):
        self._gid += 1
        while True:
            if self._curval is _MARK:
                self._advance()
            elif self._tgtkey is _MARK or not (self._tgtkey == self._curkey):
                break
            else:
                self._curval = _MARK
        self._tgtkey = self._curkey
        return (self._curkey, _grouper(self, self._tgtkey, self._gid))

@_mkname
class islice(_Base):
    __slots__ = ()
    def __init__(self, iterable, *args):
        if len(args) == 1:
            start, stop, step = None, args[0], None
        elif len(args) in (2, 3):
            start, stop = args[0], args[1]
            step = args[2] if len(args) == 3 else None
        else:
            if not args:
                raise TypeError('islice expected at least 2 arguments, got 1')
            raise TypeError(f'islice expected at most 4 arguments, got {len(args) + 1}')
        def conv(v, what, default, low):
            if v is None:
                return default
            try:
                n = v.__index__()
            except AttributeError:
                n = None
            if n is None or n < low or n > _sys.maxsize:
                raise ValueError(what)
            return n
        stop = conv(stop, 'Stop argument for islice() must be None or an integer: 0 <= x <= sys.maxsize.', None, 0)
        start = conv(start, 'Indices for islice() must be None or an integer: 0 <= x <= sys.maxsize.', 0, 0)
        step = conv(step, 'Step for islice() must be a positive integer or None.', 1, 1)
        self._it = self._gen(iter(iterable), start, stop, step)
    @staticmethod
    def _gen(it, start, stop, step):
        cnt = 0
        nxt = start
        while True:
            while cnt < nxt:
                try:
                    next(it)
                except StopIteration:
                    return
                cnt += 1
            if stop is not None and cnt >= stop:
                return
            try:
                item = next(it)
            except StopIteration:
                return
            cnt += 1
            nxt += step
            if stop is not None and nxt > stop:
                nxt = stop
            yield item

@_mkname
class pairwise(_Base):
    __slots__ = ()
    def __init__(self, iterable, /):
        self._it = self._gen(iter(iterable))
    @staticmethod
    def _gen(it):
        for a in it:
            break
        else:
            return
        for b in it:
            yield (a, b)
            a = b

class _tee_buffer:
    __slots__ = ('it', 'items', 'base')
    def __init__(self, it):
        self.it = it
        self.items = []
        self.base = 0

class _tee(_Base):
    __slots__ = ('_buf', '_pos', '__weakref__')
    def __init__(self, iterable):
        if isinstance(iterable, _tee):
            self._buf = iterable._buf
            self._pos = iterable._pos
        else:
            self._buf = _tee_buffer(iter(iterable))
            self._pos = 0
    def __next__(self):
        b = self._buf
        i = self._pos - b.base
        if i < len(b.items):
            v = b.items[i]
        else:
            v = next(b.it)
            b.items.append(v)
        self._pos += 1
        return v
    def __copy__(self):
        return _tee(self)
_tee.__name__ = _tee.__qualname__ = '_tee'
_tee.__module__ = 'itertools'

def tee(iterable, n=2, /):
    n = _index(n, f"'{type(n).__name__}' object cannot be interpreted as an integer")
    if n < 0:
        raise ValueError('n must be >= 0')
    if n == 0:
        return ()
    it = iter(iterable)
    first = it.__copy__() if hasattr(it, '__copy__') else _tee(it)
    res = [first]
    for _ in range(n - 1):
        res.append(first.__copy__())
    return tuple(res)

@_mkname
class zip_longest(_Base):
    __slots__ = ()
    def __init__(self, *iterables, fillvalue=None):
        self._it = self._gen([iter(x) for x in iterables], fillvalue)
    @staticmethod
    def _gen(its, fill):
        if not its:
            return
        active = len(its)
        while True:
            row = []
            for i, it in enumerate(its):
                if it is None:
                    row.append(fill)
                    continue
                try:
                    row.append(next(it))
                except StopIteration:
                    active -= 1
                    if not active:
                        return
                    its[i] = None
                    row.append(fill)
            yield tuple(row)

@_mkname
class product(_Base):
    __slots__ = ()
    def __init__(self, *iterables, repeat=1):
        repeat = _index(repeat, f"'{type(repeat).__name__}' object cannot be interpreted as an integer")
        if repeat < 0:
            raise ValueError('repeat argument cannot be negative')
        pools = [tuple(p) for p in iterables] * repeat
        self._it = self._gen(pools)
    @staticmethod
    def _gen(pools):
        if any(not p for p in pools):
            return
        n = len(pools)
        idx = [0] * n
        while True:
            yield tuple(pools[i][idx[i]] for i in range(n))
            i = n - 1
            while i >= 0:
                idx[i] += 1
                if idx[i] < len(pools[i]):
                    break
                idx[i] = 0
                i -= 1
            if i < 0:
                return

def _check_r(r):
    r = _index(r, f"Expected int as r")
    if r < 0:
        raise ValueError('r must be non-negative')
    return r

@_mkname
class permutations(_Base):
    __slots__ = ()
    def __init__(self, iterable, r=None):
        pool = tuple(iterable)
        r = len(pool) if r is None else _check_r(r)
        self._it = self._gen(pool, r)
    @staticmethod
    def _gen(pool, r):
        n = len(pool)
        if r > n:
            return
        idx = list(range(n))
        cyc = list(range(n, n - r, -1))
        yield tuple(pool[i] for i in idx[:r])
        while n:
            for i in reversed(range(r)):
                cyc[i] -= 1
                if cyc[i] == 0:
                    idx[i:] = idx[i + 1:] + idx[i:i + 1]
                    cyc[i] = n - i
                else:
                    j = cyc[i]
                    idx[i], idx[-j] = idx[-j], idx[i]
                    yield tuple(pool[k] for k in idx[:r])
                    break
            else:
                return

def _two_required(name, args, kwargs):
    """(iterable, r) with the C argument parser's messages."""
    if len(args) + len(kwargs) > 2:
        raise TypeError(f"{name}() takes at most 2 arguments ({len(args) + len(kwargs)} given)")
    values = list(args)
    for pos, key in enumerate(("iterable", "r"), 1):
        if pos <= len(values):
            if key in kwargs:
                raise TypeError(f"argument for {name}() given by name ('{key}') and position ({pos})")
            continue
        if key not in kwargs:
            raise TypeError(f"{name}() missing required argument '{key}' (pos {pos})")
        values.append(kwargs.pop(key))
    if kwargs:
        raise TypeError(f"{name}() got an unexpected keyword argument '{next(iter(kwargs))}'")
    return values


class _PoolAndR(_Base):
    """combinations and combinations_with_replacement: (iterable, r) -> _gen."""
    __slots__ = ()
    def __init__(self, *args, **kwargs):
        iterable, r = _two_required(self._api_name, args, kwargs)
        self._it = self._gen(tuple(iterable), _check_r(r))


@_mkname
class combinations(_PoolAndR):
    __slots__ = ()
    _api_name = 'combinations'
    @staticmethod
    def _gen(pool, r):
        n = len(pool)
        if r > n:
            return
        idx = list(range(r))
        yield tuple(pool[i] for i in idx)
        while True:
            for i in reversed(range(r)):
                if idx[i] != i + n - r:
                    break
            else:
                return
            idx[i] += 1
            for j in range(i + 1, r):
                idx[j] = idx[j - 1] + 1
            yield tuple(pool[k] for k in idx)

@_mkname
class combinations_with_replacement(_PoolAndR):
    __slots__ = ()
    _api_name = 'combinations_with_replacement'
    @staticmethod
    def _gen(pool, r):
        n = len(pool)
        if not n and r:
            return
        idx = [0] * r
        yield tuple(pool[i] for i in idx)
        while True:
            for i in reversed(range(r)):
                if idx[i] != n - 1:
                    break
            else:
                return
            idx[i:] = [idx[i] + 1] * (r - i)
            yield tuple(pool[k] for k in idx)

del _mkname
