# Spindle's _contextvars (Python for Spindle): Context, ContextVar, Token.
# A Context's mapping is copy-on-write, so copy_context() is O(1).

try:
    from _thread import get_ident as _get_ident
except ImportError:
    def _get_ident():
        return 0

_MISSING = object()
_current = {}

def _cur():
    tid = _get_ident()
    c = _current.get(tid)
    if c is None:
        c = Context()
        _current[tid] = c
    return c

class _MissingType:
    __slots__ = ()
    def __repr__(self):
        return '<Token.MISSING>'

class Context:
    __slots__ = ('_data', '_entered', '_prev', '__weakref__')
    def __init__(self):
        self._data = {}
        self._entered = False
        self._prev = None
    def __init_subclass__(cls, **kw):
        raise TypeError("type 'Context' is not an acceptable base type")
    def run(self, callable, /, *args, **kwargs):
        if self._entered:
            raise RuntimeError(f'cannot enter context: {self!r} is already entered')
        tid = _get_ident()
        self._prev = _current.get(tid)
        self._entered = True
        _current[tid] = self
        try:
            return callable(*args, **kwargs)
        finally:
            _current[tid] = self._prev
            self._prev = None
            self._entered = False
    def copy(self):
        new = Context()
        new._data = self._data
        return new
    def __getitem__(self, var):
        if not isinstance(var, ContextVar):
            raise TypeError(f"a ContextVar key was expected, got {var!r}")
        return self._data[var]
    def __contains__(self, var):
        if not isinstance(var, ContextVar):
            raise TypeError(f"a ContextVar key was expected, got {var!r}")
        return var in self._data
    def __len__(self):
        return len(self._data)
    def __iter__(self):
        return iter(self._data)
    def get(self, key, default=None, /):
        if not isinstance(key, ContextVar):
            raise TypeError(f"a ContextVar key was expected, got {key!r}")
        return self._data.get(key, default)
    def keys(self):
        return self._data.keys()
    def values(self):
        return self._data.values()
    def items(self):
        return self._data.items()
    def __eq__(self, other):
        if not isinstance(other, Context):
            return NotImplemented
        return self._data == other._data
    __hash__ = None

class ContextVar:
    __slots__ = ('_name', '_default', '__weakref__')
    def __init__(self, name, *, default=_MISSING):
        if not isinstance(name, str):
            raise TypeError('context variable name must be a str')
        self._name = name
        self._default = default
    def __init_subclass__(cls, **kw):
        raise TypeError("type 'ContextVar' is not an acceptable base type")
    @property
    def name(self):
        return self._name
    def get(self, *args):
        if len(args) > 1:
            raise TypeError(f'get expected at most 1 argument, got {len(args)}')
        d = _cur()._data
        if self in d:
            return d[self]
        if args:
            return args[0]
        if self._default is not _MISSING:
            return self._default
        raise LookupError(self)
    def set(self, value, /):
        ctx = _cur()
        old = ctx._data.get(self, Token.MISSING)
        new = dict(ctx._data)
        new[self] = value
        ctx._data = new
        return Token(ctx, self, old)
    def reset(self, token, /):
        if not isinstance(token, Token):
            raise TypeError(f'expected an instance of Token, got {token!r}')
        if token._used:
            raise RuntimeError(f'{token!r} has already been used once')
        if token._var is not self:
            raise ValueError(f'{token!r} was created by a different ContextVar')
        ctx = _cur()
        if token._ctx is not ctx:
            raise ValueError(f'{token!r} was created in a different Context')
        new = dict(ctx._data)
        if token._old is Token.MISSING:
            new.pop(self, None)
        else:
            new[self] = token._old
        ctx._data = new
        token._used = True
    def __hash__(self):
        return object.__hash__(self)
    def __repr__(self):
        d = '' if self._default is _MISSING else f' default={self._default!r}'
        return f'<ContextVar name={self._name!r}{d} at {id(self):#x}>'
    def __class_getitem__(cls, item):
        return _generic_alias(cls, item)

class Token:
    __slots__ = ('_ctx', '_var', '_old', '_used')
    MISSING = _MissingType()
    def __init__(self, ctx, var, old):
        self._ctx = ctx
        self._var = var
        self._old = old
        self._used = False
    def __init_subclass__(cls, **kw):
        raise TypeError("type 'Token' is not an acceptable base type")
    @property
    def var(self):
        return self._var
    @property
    def old_value(self):
        return self._old
    def __enter__(self):
        return self
    def __exit__(self, *exc):
        self._var.reset(self)
    def __repr__(self):
        used = ' used' if self._used else ''
        return f'<Token{used} var={self._var!r} at {id(self):#x}>'
    def __class_getitem__(cls, item):
        return _generic_alias(cls, item)

def copy_context():
    return _cur().copy()

for _c in (Context, ContextVar, Token):
    _c.__module__ = '_contextvars'
del _c
