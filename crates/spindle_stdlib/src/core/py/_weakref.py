# The Python half of Spindle's _weakref: proxy objects over `ref`.

def _dead():
    raise ReferenceError('weakly-referenced object no longer exists')

def _target(p):
    o = object.__getattribute__(p, '_proxy_ref')()
    if o is None:
        _dead()
    return o

class ProxyType:
    __slots__ = ('_proxy_ref', '__weakref__')
    def __getattribute__(self, name):
        return getattr(_target(self), name)
    def __setattr__(self, name, value):
        setattr(_target(self), name, value)
    def __delattr__(self, name):
        delattr(_target(self), name)
    def __repr__(self):
        o = object.__getattribute__(self, '_proxy_ref')()
        return f'<weakproxy at {id(self):#x}; ' + ('dead>' if o is None else f"to '{type(o).__name__}' at {id(o):#x}>")
    def __str__(self): return str(_target(self))
    def __bytes__(self): return bytes(_target(self))
    def __bool__(self): return bool(_target(self))
    def __len__(self): return len(_target(self))
    def __iter__(self): return iter(_target(self))
    def __next__(self): return next(_target(self))
    def __reversed__(self): return reversed(_target(self))
    def __contains__(self, x): return x in _target(self)
    def __getitem__(self, k): return _target(self)[k]
    def __setitem__(self, k, v): _target(self)[k] = v
    def __delitem__(self, k): del _target(self)[k]
    def __hash__(self): raise TypeError(f"unhashable type: '{type(self).__name__}'")
    def __eq__(self, o): return _target(self) == _unwrap(o)
    def __ne__(self, o): return _target(self) != _unwrap(o)
    def __lt__(self, o): return _target(self) < _unwrap(o)
    def __le__(self, o): return _target(self) <= _unwrap(o)
    def __gt__(self, o): return _target(self) > _unwrap(o)
    def __ge__(self, o): return _target(self) >= _unwrap(o)
    def __index__(self): return _target(self).__index__()
    def __int__(self): return int(_target(self))
    def __float__(self): return float(_target(self))
    def __abs__(self): return abs(_target(self))
    def __neg__(self): return -_target(self)
    def __pos__(self): return +_target(self)
    def __invert__(self): return ~_target(self)
    def __enter__(self): return _target(self).__enter__()
    def __exit__(self, *a): return _target(self).__exit__(*a)

def _unwrap(o):
    if isinstance(o, ProxyType):
        return _target(o)
    return o

def _binop(name, op):
    def f(self, other):
        return op(_target(self), _unwrap(other))
    def r(self, other):
        return op(_unwrap(other), _target(self))
    f.__name__ = f'__{name}__'
    r.__name__ = f'__r{name}__'
    setattr(ProxyType, f'__{name}__', f)
    setattr(ProxyType, f'__r{name}__', r)
    def i(self, other):
        t = _target(self)
        m = getattr(type(t), f'__i{name}__', None)
        if m is not None:
            res = m(t, _unwrap(other))
            if res is not NotImplemented:
                return self
        return op(t, _unwrap(other))
    setattr(ProxyType, f'__i{name}__', i)

import operator as _op
for _n in ('add', 'sub', 'mul', 'truediv', 'floordiv', 'mod', 'pow', 'lshift', 'rshift', 'and', 'or', 'xor', 'matmul'):
    _binop(_n, getattr(_op, _n if _n not in ('and', 'or') else _n + '_'))
del _n, _op

class CallableProxyType(ProxyType):
    __slots__ = ()
    def __call__(self, *args, **kwargs):
        return _target(self)(*args, **kwargs)

# 3.14 names them weakref.ProxyType / weakref.CallableProxyType (their
# reprs still say "weakproxy").
ProxyType.__module__ = CallableProxyType.__module__ = 'weakref'

def proxy(object, callback=None, /):
    cls = CallableProxyType if callable(object) else ProxyType
    p = cls.__new__(cls)
    if callback is None:
        # A plain ref may be shared; give the proxy its own.
        r = ref(object, _noop)
    else:
        r = ref(object, lambda _r, p=p: callback(p))
    _set(p, '_proxy_ref', r)
    return p

def _noop(_r):
    pass

_set = object.__setattr__
