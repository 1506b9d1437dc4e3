# The Python half of Spindle's _decimal: the signal classes, the signal
# dicts, the current-context variable, DecimalTuple and the many methods
# whose cost is dominated by the call itself. The arithmetic lives in Rust
# (`Decimal`, `Context`, `_op`, `_conv`, `_create`, `_ctx_bits`,
# `_ctx_setbits` are installed before this runs).

import contextvars as _contextvars
from collections import namedtuple as _namedtuple
from collections.abc import MutableMapping as _MutableMapping

class DecimalException(ArithmeticError):
    __module__ = 'decimal'

class Clamped(DecimalException):
    __module__ = 'decimal'

class InvalidOperation(DecimalException):
    __module__ = 'decimal'

class ConversionSyntax(InvalidOperation):
    __module__ = 'decimal'

class DivisionByZero(DecimalException, ZeroDivisionError):
    __module__ = 'decimal'

class DivisionImpossible(InvalidOperation):
    __module__ = 'decimal'

class DivisionUndefined(InvalidOperation, ZeroDivisionError):
    __module__ = 'decimal'

class Inexact(DecimalException):
    __module__ = 'decimal'

class InvalidContext(InvalidOperation):
    __module__ = 'decimal'

class Rounded(DecimalException):
    __module__ = 'decimal'

class Subnormal(DecimalException):
    __module__ = 'decimal'

class Overflow(Inexact, Rounded):
    __module__ = 'decimal'

class Underflow(Inexact, Rounded, Subnormal):
    __module__ = 'decimal'

class FloatOperation(DecimalException, TypeError):
    __module__ = 'decimal'

for _c in (DecimalException, Clamped, InvalidOperation, ConversionSyntax, DivisionByZero,
           DivisionImpossible, DivisionUndefined, Inexact, InvalidContext, Rounded,
           Subnormal, Overflow, Underflow, FloatOperation):
    del _c.__firstlineno__, _c.__static_attributes__
del _c

# In CPython's signal_map order, with the condition bits each stands for.
_SIGNALS = (InvalidOperation, FloatOperation, DivisionByZero, Overflow, Underflow,
            Subnormal, Inexact, Rounded, Clamped)
_CONDITIONS = (InvalidOperation, ConversionSyntax, DivisionImpossible, DivisionUndefined,
               InvalidContext)
_BITS = {InvalidOperation: 2 | 8 | 16 | 32 | 128 | 256 | 512, FloatOperation: 1024,
         DivisionByZero: 4, Overflow: 2048, Underflow: 16384, Subnormal: 8192,
         Inexact: 64, Rounded: 4096, Clamped: 1}

_SIGNAL_KEYS_MSG = ("valid values for signals are:\n"
                    "  [InvalidOperation, FloatOperation, DivisionByZero,\n"
                    "   Overflow, Underflow, Subnormal, Inexact, Rounded,\n"
                    "   Clamped]")

def _bit(key):
    try:
        return _BITS[key]
    except (KeyError, TypeError):
        raise KeyError(_SIGNAL_KEYS_MSG) from None

class SignalDict(_MutableMapping):
    """A view of a context's flags or traps as a {signal: bool} mapping."""
    __slots__ = ('_ctx', '_which')
    __module__ = 'abc'

    def __init__(self, ctx, which):
        self._ctx = ctx
        self._which = which

    def __getitem__(self, key):
        return bool(_ctx_bits(self._ctx, self._which) & _bit(key))

    def __setitem__(self, key, value):
        b = _bit(key)
        bits = _ctx_bits(self._ctx, self._which)
        _ctx_setbits(self._ctx, self._which, (bits | b) if value else (bits & ~b))

    def __delitem__(self, key):
        raise ValueError('signal keys cannot be deleted')

    def __iter__(self):
        return iter(_SIGNALS)

    def __len__(self):
        return len(_SIGNALS)

    def __repr__(self):
        bits = _ctx_bits(self._ctx, self._which)
        return '{' + ', '.join(f'{k!r}:{bool(bits & _BITS[k])}' for k in _SIGNALS) + '}'

    def copy(self):
        bits = _ctx_bits(self._ctx, self._which)
        return {k: bool(bits & _BITS[k]) for k in _SIGNALS}

del SignalDict.__firstlineno__, SignalDict.__static_attributes__
_SignalDict = SignalDict
del SignalDict

def _signal_bits(value, what):
    """The bits of a flags/traps argument: a signal dict or a list of signals."""
    if isinstance(value, dict) or isinstance(value, _SignalDict):
        if len(value) != len(_SIGNALS) or any(k not in value for k in _SIGNALS):
            raise KeyError('invalid signal dict')
        bits = 0
        for k in _SIGNALS:
            if value[k]:
                bits |= _BITS[k]
        return bits
    if isinstance(value, (list, tuple)):
        bits = 0
        for k in value:
            bits |= _bit(k)
        return bits
    raise TypeError('argument must be a signal dict')

def _set_signals(ctx, which, value):
    _ctx_setbits(ctx, which, _signal_bits(value, which))

# ---------------------------------------------------------------- context

_current = _contextvars.ContextVar('decimal_context')

# Spindle's _contextvars keeps each thread's current Context in this dict;
# the Rust side reads it to find the current decimal context quickly.
try:
    import _contextvars as _cv_impl
    _cv_current = _cv_impl._current
    if not isinstance(_cv_current, dict):
        del _cv_current
    del _cv_impl
except (ImportError, AttributeError):
    pass

def getcontext():
    """Get the current default context."""
    try:
        return _current.get()
    except LookupError:
        c = DefaultContext.copy()
        c.clear_flags()
        _current.set(c)
        return c

def setcontext(context, /):
    """Set a new default context."""
    if not isinstance(context, Context):
        raise TypeError('argument must be a context')
    if context is DefaultContext or context is BasicContext or context is ExtendedContext:
        context = context.copy()
        context.clear_flags()
    _current.set(context)


class ContextManager:
    __slots__ = ('_local', '_token')
    __module__ = 'decimal'

    def __init__(self, local):
        self._local = local
        self._token = None

    def __enter__(self):
        self._token = _current.set(self._local)
        return self._local

    def __exit__(self, *exc):
        _current.reset(self._token)
        self._token = None

del ContextManager.__firstlineno__, ContextManager.__static_attributes__
_ContextManager = ContextManager
del ContextManager

_CTX_KEYWORDS = ('prec', 'rounding', 'Emin', 'Emax', 'capitals', 'clamp', 'flags', 'traps')

def localcontext(ctx=None, **kwargs):
    """Return a context manager that will set the default context to a copy
    of ctx on entry to the with-statement and restore the previous default
    context when exiting the with-statement."""
    if ctx is None:
        ctx = getcontext()
    elif not isinstance(ctx, Context):
        raise TypeError('optional argument must be a context')
    local = ctx.copy()
    for k, v in kwargs.items():
        if k not in _CTX_KEYWORDS:
            raise TypeError(f"this function got an unexpected keyword argument '{k}'")
        if k in ('flags', 'traps'):
            _set_signals(local, k, v)
        else:
            setattr(local, k, v)
    return _ContextManager(local)

localcontext.__module__ = 'decimal'

def _ctx_init(self, *args, **kwargs):
    prec, rounding, Emin, Emax, capitals, clamp, flags, traps = _bind(args, kwargs, _CTX_KEYWORDS, 0)
    if prec is not None: self.prec = prec
    if rounding is not None: self.rounding = rounding
    if Emin is not None: self.Emin = Emin
    if Emax is not None: self.Emax = Emax
    if capitals is not None: self.capitals = capitals
    if clamp is not None: self.clamp = clamp
    if traps is not None: _set_signals(self, 'traps', traps)
    if flags is not None: _set_signals(self, 'flags', flags)

def _sig_names(bits):
    return [k for k in _SIGNALS if bits & _BITS[k]]

def _ctx_reduce(self):
    return (type(self), (self.prec, self.rounding, self.Emin, self.Emax, self.capitals,
                         self.clamp, _sig_names(_ctx_bits(self, 'flags')),
                         _sig_names(_ctx_bits(self, 'traps'))))

def _ctx_check(context):
    if context is None:
        return getcontext()
    if not isinstance(context, Context):
        raise TypeError('optional argument must be a context')
    return context

def _bind(args, kwargs, names, required):
    """Binds arguments as CPython's PyArg_ParseTupleAndKeywords does for an
    unnamed function, with its messages."""
    n = len(args) + len(kwargs)
    if n > len(names):
        raise TypeError(f'function takes at most {len(names)} argument{"s" if len(names) != 1 else ""} ({n} given)')
    out = list(args) + [None] * (len(names) - len(args))
    given = [True] * len(args) + [False] * (len(names) - len(args))
    for k, v in kwargs.items():
        if k not in names:
            raise TypeError(f"this function got an unexpected keyword argument '{k}'")
        i = names.index(k)
        if given[i]:
            raise TypeError(f"argument for function given by name ('{k}') and position ({i + 1})")
        out[i] = v
        given[i] = True
    for i in range(required):
        if not given[i]:
            raise TypeError(f"function missing required argument '{names[i]}' (pos {i + 1})")
    return out

def _one_arg(qualname, args, kwargs):
    if kwargs:
        raise TypeError(f'{qualname}() takes no keyword arguments')
    if len(args) != 1:
        raise TypeError(f'{qualname}() takes exactly one argument ({len(args)} given)')
    return args[0]

# ---------------------------------------------------------------- Decimal methods

DecimalTuple = _namedtuple('DecimalTuple', 'sign digits exponent', module='decimal')

def _unary(name, doc=None):
    def method(self, *args, **kwargs):
        if len(args) + len(kwargs) > 1:
            raise TypeError(f'function takes at most 1 argument ({len(args) + len(kwargs)} given)')
        if kwargs and 'context' not in kwargs:
            raise TypeError(f"{name}() got an unexpected keyword argument '{next(iter(kwargs))}'")
        context = args[0] if args else kwargs.get('context')
        return _op(name, _ctx_check(context), self)
    method.__name__ = method.__qualname__ = name
    return method

def _binary(name, opname=None):
    opname = opname or name
    def method(self, *args, **kwargs):
        other, context = _bind(args, kwargs, ('other', 'context'), 1)
        ctx = _ctx_check(context)
        return _op(opname, ctx, self, _conv(other, ctx))
    method.__name__ = method.__qualname__ = name
    return method

def _pred(name, needs_context=False):
    if needs_context:
        def method(self, context=None):
            return _op(name, _ctx_check(context), self)
    else:
        def method(self):
            return _op(name, None, self)
    method.__name__ = method.__qualname__ = name
    return method

def _dec_fma(self, *args, **kwargs):
    other, third, context = _bind(args, kwargs, ('other', 'third', 'context'), 2)
    ctx = _ctx_check(context)
    return _op('fma', ctx, self, _conv(other, ctx), _conv(third, ctx))

def _dec_to_integral(name, exact):
    def method(self, rounding=None, context=None):
        ctx = _ctx_check(context)
        return _op(name, ctx, self, rounding)
    method.__name__ = method.__qualname__ = name
    return method

def _dec_copy_sign(self, other, context=None):
    ctx = _ctx_check(context)
    return _op('copy_sign', ctx, self, _conv(other, ctx))

def _dec_same_quantum(self, other, context=None):
    ctx = _ctx_check(context)
    return _op('same_quantum', ctx, self, _conv(other, ctx))

def _dec_to_eng_string(self, context=None):
    return _op('to_eng_string', _ctx_check(context), self)

def _dec_as_tuple(self):
    sign, digits, exp = _op('as_triple', None, self)
    return DecimalTuple(sign, digits, exp)

def _dec_from_float(cls, *args, **kwargs):
    f = _one_arg('Decimal.from_float', args, kwargs)
    if isinstance(f, int):
        d = Decimal(f)
    elif isinstance(f, float):
        d = _create(None, f)
    else:
        raise TypeError('argument must be int or float')
    return d if cls is Decimal else cls(d)

def _dec_from_number(cls, *args, **kwargs):
    number = _one_arg('Decimal.from_number', args, kwargs)
    if isinstance(number, (int, Decimal)):
        d = Decimal(number)
    elif isinstance(number, float):
        d = _create(None, number)
    else:
        raise TypeError(f'conversion from {type(number).__name__} to Decimal is not supported')
    return d if cls is Decimal else cls(d)

def _dec_complex(self):
    return complex(float(self))

def _dec_reduce(self):
    return (type(self), (str(self),))

def _dec_copy(self):
    return self

def _dec_deepcopy(self, memo, /):
    return self

_pyformat = None

def _dec_format(self, spec, override=None, /):
    global _pyformat
    if not isinstance(spec, str):
        raise TypeError('format arg must be str')
    if override is not None and not isinstance(override, dict):
        raise TypeError('optional argument must be a dict')
    if _pyformat is None:
        import _pydecimal
        _pyformat = _pydecimal
    ctx = getcontext()
    pctx = _pyformat.Context(prec=ctx.prec, rounding=ctx.rounding, Emin=ctx.Emin, Emax=ctx.Emax,
                             capitals=ctx.capitals, clamp=ctx.clamp, traps=[])
    if override is not None:
        return _pyformat.Decimal(str(self)).__format__(spec, pctx, override)
    return _pyformat.Decimal(str(self)).__format__(spec, pctx)

_DEC_METHODS = {
    'exp': _unary('exp'), 'ln': _unary('ln'), 'log10': _unary('log10'),
    'logb': _unary('logb'), 'logical_invert': _unary('logical_invert'),
    'next_minus': _unary('next_minus'), 'next_plus': _unary('next_plus'),
    'normalize': _unary('normalize'), 'sqrt': _unary('sqrt'),
    'number_class': _unary('number_class'),
    'compare': _binary('compare'), 'compare_signal': _binary('compare_signal'),
    'compare_total': _binary('compare_total'), 'compare_total_mag': _binary('compare_total_mag'),
    'max': _binary('max'), 'max_mag': _binary('max_mag'), 'min': _binary('min'),
    'min_mag': _binary('min_mag'), 'next_toward': _binary('next_toward'),
    'remainder_near': _binary('remainder_near'), 'rotate': _binary('rotate'),
    'scaleb': _binary('scaleb'), 'shift': _binary('shift'),
    'logical_and': _binary('logical_and'), 'logical_or': _binary('logical_or'),
    'logical_xor': _binary('logical_xor'),
    'fma': _dec_fma,
    'to_integral': _dec_to_integral('to_integral', False),
    'to_integral_value': _dec_to_integral('to_integral_value', False),
    'to_integral_exact': _dec_to_integral('to_integral_exact', True),
    'is_canonical': _pred('is_canonical'), 'is_finite': _pred('is_finite'),
    'is_infinite': _pred('is_infinite'), 'is_nan': _pred('is_nan'), 'is_qnan': _pred('is_qnan'),
    'is_snan': _pred('is_snan'), 'is_signed': _pred('is_signed'), 'is_zero': _pred('is_zero'),
    'is_normal': _pred('is_normal', True), 'is_subnormal': _pred('is_subnormal', True),
    'canonical': _pred('canonical'), 'radix': _pred('radix'),
    'copy_abs': _pred('copy_abs'), 'copy_negate': _pred('copy_negate'),
    'conjugate': _pred('canonical'),
    'copy_sign': _dec_copy_sign, 'same_quantum': _dec_same_quantum,
    'to_eng_string': _dec_to_eng_string, 'as_tuple': _dec_as_tuple,
    'real': property(lambda self: self), 'imag': property(lambda self: Decimal(0)),
    '__complex__': _dec_complex, '__reduce__': _dec_reduce, '__copy__': _dec_copy,
    '__deepcopy__': _dec_deepcopy, '__format__': _dec_format,
    'from_float': classmethod(_dec_from_float), 'from_number': classmethod(_dec_from_number),
}
_DEC_METHODS['conjugate'].__name__ = 'conjugate'

# ---------------------------------------------------------------- Context methods

def _c_unary(name, opname=None):
    opname = opname or name
    def method(self, a, /):
        return _op(opname, self, _conv(a, self))
    method.__name__ = method.__qualname__ = name
    return method

def _c_binary(name, opname=None):
    opname = opname or name
    def method(self, *args):
        if len(args) != 2:
            raise TypeError(f'function takes exactly 2 arguments ({len(args)} given)')
        a, b = args
        return _op(opname, self, _conv(a, self), _conv(b, self))
    method.__name__ = method.__qualname__ = name
    return method

def _c_power(self, a, b, modulo=None):
    a = _conv(a, self)
    b = _conv(b, self)
    if modulo is None:
        return _op('power', self, a, b)
    return _op('powmod', self, a, b, _conv(modulo, self))

def _c_fma(self, a, b, c, /):
    return _op('fma', self, _conv(a, self), _conv(b, self), _conv(c, self))

def _c_create_decimal(self, *args, **kwargs):
    if kwargs:
        raise TypeError('create_decimal() takes no keyword arguments')
    if len(args) > 1:
        raise TypeError(f'function takes at most 1 argument ({len(args)} given)')
    return _create(self, args[0] if args else '0')

def _c_create_decimal_from_float(self, *args, **kwargs):
    f = _one_arg('Context.create_decimal_from_float', args, kwargs)
    if not isinstance(f, (int, float)):
        raise TypeError('argument must be int or float')
    return _create(self, f)

def _c_to_sci_string(self, a, /):
    return _op('to_sci_string', self, _conv(a, self))

def _c_to_eng_string(self, a, /):
    return _op('to_eng_string', self, _conv(a, self))

def _c_copy_decimal(self, a, /):
    return _conv(a, self)

def _c_radix(self):
    return Decimal(10)

def _c_quantize(self, a, b, /):
    return _conv(a, self).quantize(_conv(b, self), context=self)

def _c_to_integral(name):
    def method(self, a, /):
        return _op(name, self, _conv(a, self), None)
    method.__name__ = method.__qualname__ = name
    return method

_CTX_ATTRS = frozenset(('prec', 'rounding', 'Emin', 'Emax', 'capitals', 'clamp', 'flags', 'traps'))

def _ctx_setattr(self, name, value):
    if name in _CTX_ATTRS or type(self) is not Context:
        object.__setattr__(self, name, value)
    else:
        raise AttributeError(f"'decimal.Context' object has no attribute '{name}'")

def _c_copy(self):
    return _ctx_copy(self)

def _c_clear_flags(self):
    _ctx_setbits(self, 'flags', 0)

def _c_clear_traps(self):
    _ctx_setbits(self, 'traps', 0)

_CTX_METHODS = {
    '__init__': _ctx_init, '__reduce__': _ctx_reduce, '__setattr__': _ctx_setattr,
    'copy': _c_copy, '__copy__': _c_copy, 'clear_flags': _c_clear_flags,
    'clear_traps': _c_clear_traps,
    'flags': property(lambda self: _SignalDict(self, 'flags'),
                      lambda self, v: _set_signals(self, 'flags', v)),
    'traps': property(lambda self: _SignalDict(self, 'traps'),
                      lambda self, v: _set_signals(self, 'traps', v)),
    'abs': _c_unary('abs'), 'exp': _c_unary('exp'), 'ln': _c_unary('ln'),
    'log10': _c_unary('log10'), 'logb': _c_unary('logb'),
    'logical_invert': _c_unary('logical_invert'), 'minus': _c_unary('minus'),
    'plus': _c_unary('plus'), 'next_minus': _c_unary('next_minus'),
    'next_plus': _c_unary('next_plus'), 'normalize': _c_unary('normalize'),
    'sqrt': _c_unary('sqrt'), 'number_class': _c_unary('number_class'),
    'is_canonical': _c_unary('is_canonical'), 'is_finite': _c_unary('is_finite'),
    'is_infinite': _c_unary('is_infinite'), 'is_nan': _c_unary('is_nan'),
    'is_normal': _c_unary('is_normal'), 'is_qnan': _c_unary('is_qnan'),
    'is_signed': _c_unary('is_signed'), 'is_snan': _c_unary('is_snan'),
    'is_subnormal': _c_unary('is_subnormal'), 'is_zero': _c_unary('is_zero'),
    'canonical': _c_unary('canonical'), 'copy_abs': _c_unary('copy_abs'),
    'copy_negate': _c_unary('copy_negate'), '_apply': _c_unary('_apply', 'apply'),
    'add': _c_binary('add'), 'subtract': _c_binary('subtract'),
    'multiply': _c_binary('multiply'), 'divide': _c_binary('divide'),
    'divide_int': _c_binary('divide_int'), 'remainder': _c_binary('remainder'),
    'remainder_near': _c_binary('remainder_near'), 'divmod': _c_binary('divmod'),
    'compare': _c_binary('compare'), 'compare_signal': _c_binary('compare_signal'),
    'compare_total': _c_binary('compare_total'),
    'compare_total_mag': _c_binary('compare_total_mag'),
    'max': _c_binary('max'), 'max_mag': _c_binary('max_mag'), 'min': _c_binary('min'),
    'min_mag': _c_binary('min_mag'), 'next_toward': _c_binary('next_toward'),
    'rotate': _c_binary('rotate'), 'scaleb': _c_binary('scaleb'),
    'shift': _c_binary('shift'), 'logical_and': _c_binary('logical_and'),
    'logical_or': _c_binary('logical_or'), 'logical_xor': _c_binary('logical_xor'),
    'copy_sign': _c_binary('copy_sign'), 'same_quantum': _c_binary('same_quantum'),
    'quantize': _c_quantize, 'power': _c_power, 'fma': _c_fma,
    'to_integral': _c_to_integral('to_integral'),
    'to_integral_value': _c_to_integral('to_integral_value'),
    'to_integral_exact': _c_to_integral('to_integral_exact'),
    'create_decimal': _c_create_decimal,
    'create_decimal_from_float': _c_create_decimal_from_float,
    'to_sci_string': _c_to_sci_string, 'to_eng_string': _c_to_eng_string,
    'copy_decimal': _c_copy_decimal, 'radix': _c_radix,
}

_install(_DEC_METHODS, _CTX_METHODS)
del _install

import numbers as _numbers
_numbers.Number.register(Decimal)

def _is_rational(v):
    return isinstance(v, _numbers.Rational)

# ---------------------------------------------------------------- templates

DefaultContext = Context()
BasicContext = Context(prec=9, rounding='ROUND_HALF_UP',
                       traps=[Clamped, InvalidOperation, DivisionByZero, Overflow, Underflow])
ExtendedContext = Context(prec=9, traps=[])

IEEE_CONTEXT_MAX_BITS = 512

def IEEEContext(bits, /):
    """Return a context object initialized to the proper values for one of
    the IEEE interchange formats."""
    if not isinstance(bits, int):
        raise TypeError(f"'{type(bits).__name__}' object cannot be interpreted as an integer")
    if bits <= 0 or bits > IEEE_CONTEXT_MAX_BITS or bits % 32:
        raise ValueError(f'argument must be a multiple of 32, with a maximum of {IEEE_CONTEXT_MAX_BITS}')
    ctx = Context(traps=[])
    ctx.prec = 9 * (bits // 32) - 2
    ctx.Emax = 3 * (1 << (bits // 16 + 3))
    ctx.Emin = 1 - ctx.Emax
    ctx.rounding = 'ROUND_HALF_EVEN'
    ctx.clamp = 1
    return ctx

IEEEContext.__module__ = 'decimal'
